#!/usr/bin/env python3
"""Speed and peak memory of ``tmx-export stats``, ``merge`` and TMX-to-TMX ``build`` beside lxml
streaming.

For each size in ``--units`` (default 20k and 200k units):

1. makes a TMX file of that many units with the project's own writer, from the pairs of the
   shared ``gen_pairs.py`` (and a copy of it, the second input of ``merge``);
2. runs, each in its own process and in turn, so that all see the same load:

   - ``lxml``: ``etree.iterparse(path, tag="tu")``, each unit cleared and its previous
     siblings deleted, nothing else: the floor for any streaming reader;
   - ``lxml x2``: the same over both inputs of ``merge`` (its fair peer);
   - ``stats``: ``tmx-export stats FILE.tmx``;
   - ``merge``: ``tmx-export merge FILE.tmx COPY.tmx -o OUT.tmx`` (every unit of the copy
     is a duplicate, so the output is the file again), with its default ``--jobs`` (the
     cores): the copy is read in a second process while the file is written, so its wall
     time is the one to compare and its CPU time counts both processes;
   - ``build``: ``tmx-export build FILE.tmx -o OUT.tmx`` with the default options (the
     file's languages are the default en-GB -> fr-FR): the TMX reader, the cleaning rules
     (wrong-language among them), segmentation and the writer, over the same file;

3. prints wall and CPU seconds (medians of ``--repeat`` rounds), their ratios to the lxml
   peers and peak RSS (``/usr/bin/time``; the largest over the rounds). On a shared machine CPU
   time is the steadier of the two. With ``--baseline``, it also checks that ``stats``
   prints what the baseline prints and that ``build`` writes the same TMX (creation dates
   aside); ``merge`` must write the file again either way.

The goal: ``stats`` and ``build`` within 2x of ``lxml``, ``merge`` within 2x of ``lxml x2``,
and peak RSS nearly the same at every size. Times are whole processes, interpreter start included
(it weighs at small sizes). Absolute times drift between machines and with the load of
others: compare within a run. ``--baseline DIR`` also runs the commands with another
checkout of the package (``DIR/tmx_export``, put first on the path ahead of an editable
install), for before/after figures taken side by side.

    python benchmarks/tools_speed.py [--units 20000 200000] [--repeat 3]
                                     [--tasks stats merge build] [--baseline DIR]
                                     [--shared PATH] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import _process  # beside this script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

LXML = r"""
import sys
from lxml import etree
units = 0
for path in sys.argv[1:]:
    for _event, elem in etree.iterparse(path, tag="tu"):
        units += 1
        elem.clear()
        while elem.getprevious() is not None:
            del elem.getparent()[0]
print(units)
"""

MAKE_TMX = r"""
import sys
from tmx_export.formats.tmx import write_tmx
from tmx_export.model import Pair

def pairs(path, n):
    with open(path, encoding="utf-8") as handle:
        for i, line in enumerate(handle, 1):
            if i > n:
                return
            source, target = line.rstrip("\n").split("\t")
            yield Pair(source, target, "en-GB", "fr-FR", None, f"doc{i // 1000}.txt", i)

counts = write_tmx(pairs(sys.argv[1], int(sys.argv[2])), sys.argv[3], segtype="sentence",
                   keep_duplicates=True)
print(counts.units)
"""

TASKS = ("stats", "merge", "build")
PEERS = {"stats": "lxml", "merge": "lxml x2", "build": "lxml"}
# what differs between two builds of the same input: the time they were made
_CREATED = re.compile(rb'creationdate="[^"]*"')

# The command line of the code in the folder given first (the working tree or --baseline's
# copy): that folder goes first on the path and an editable install's finder, which would
# otherwise win over the path, is left out.
CLI = ("import sys; sys.path.insert(0, sys.argv.pop(1)); "
       "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
       "from tmx_export.cli import main; main()")


def make_inputs(shared: Path, sizes: list[int], work: Path) -> dict[int, tuple[Path, Path]]:
    generator = shared / "bench" / "gen_pairs.py"
    if not generator.exists():
        sys.exit(f"{generator} not found: give --shared PATH")
    tsv = work / "pairs.tsv"
    print(f"# generating {max(sizes):,} pairs with gen_pairs.py in {work}", flush=True)
    subprocess.run([sys.executable, str(generator), str(max(sizes)), str(tsv)], check=True)
    inputs = {}
    for n in sizes:
        first, copy = work / f"units-{n}.tmx", work / f"units-{n}-copy.tmx"
        subprocess.run([sys.executable, "-c", MAKE_TMX, str(tsv), str(n), str(first)],
                       check=True, stdout=subprocess.DEVNULL, cwd=work,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        shutil.copyfile(first, copy)
        print(f"# {first.name}: {first.stat().st_size / 1e6:,.1f} MB", flush=True)
        inputs[n] = (first, copy)
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, nargs="+", default=[20_000, 200_000],
                        help="sizes of the TMX files, in units")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are shown)")
    parser.add_argument("--baseline", type=Path,
                        help="also run the commands with DIR/tmx_export (e.g. a copy from "
                             "before a change)")
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS),
                        help="the commands to time (default: all)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: temporary)")
    args = parser.parse_args()
    sizes = sorted(set(args.units))

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tmx-export-bench."))
    work.mkdir(parents=True, exist_ok=True)
    # the package each command runs (children run in the work directory, so that the
    # current directory never decides which one is imported)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    codes = {"": ROOT}
    if args.baseline is not None:
        if not (args.baseline / "tmx_export").is_dir():
            sys.exit(f"{args.baseline / 'tmx_export'} not found")
        codes[" (baseline)"] = args.baseline.resolve()
    try:
        inputs = make_inputs(args.shared, sizes, work)
        rows: dict[tuple[int, str], tuple[list[float], list[float], float]] = {}
        outputs: dict[tuple[int, str], bytes] = {}

        def run(n: int, task: str, command: list[str]) -> None:
            done = _process.measure(command, env=env, cwd=work)
            wall, cpu, rss, output = done.wall, done.cpu, done.peak_mb, done.stdout
            walls, cpus, peak = rows.get((n, task), ([], [], 0.0))
            rows[(n, task)] = (walls + [wall], cpus + [cpu], max(peak, rss))
            outputs[(n, task)] = output
            print(f"# {n:,} {task}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MB",
                  flush=True)

        for round_ in range(args.repeat):
            print(f"# round {round_ + 1} of {args.repeat}", flush=True)
            for n in sizes:
                first, copy = inputs[n]
                out = work / f"merged-{n}.tmx"
                run(n, "lxml", [sys.executable, "-c", LXML, str(first)])
                if "merge" in args.tasks:
                    run(n, "lxml x2", [sys.executable, "-c", LXML, str(first), str(copy)])
                built: dict[str, bytes] = {}
                for label, code in codes.items():
                    cli = [sys.executable, "-c", CLI, str(code)]
                    if "stats" in args.tasks:
                        run(n, "stats" + label, [*cli, "stats", str(first)])
                    if "merge" in args.tasks:
                        run(n, "merge" + label, [*cli, "merge", str(first), str(copy), "-o",
                                                 str(out)])
                        # the copy's units are all duplicates: the output is the file again
                        if not filecmp.cmp(out, first, shallow=False):
                            sys.exit(f"merge{label}: {out} is not {first}")
                    if "build" in args.tasks:
                        target = work / f"built-{n}.tmx"
                        run(n, "build" + label, [*cli, "build", str(first), "-o", str(target)])
                        built[label] = _CREATED.sub(b"", target.read_bytes())
                if "stats" in args.tasks and outputs[(n, "stats")] != outputs.get(
                        (n, "stats (baseline)"), outputs[(n, "stats")]):
                    sys.exit(f"stats of {first}: not what the baseline prints")
                if built.get(" (baseline)", built.get("")) != built.get(""):
                    sys.exit(f"build of {first}: not the TMX the baseline writes")

        print()
        print("| units | task | wall s | x lxml | x lxml x2 | CPU s | x lxml | x lxml x2 "
              "| peak RSS MB |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            # without merge there is no "lxml x2": lxml stands in (its column repeats)
            twice = "lxml x2" if (n, "lxml x2") in rows else "lxml"
            peers = [[statistics.median(rows[(n, peer)][i]) for peer in ("lxml", twice)]
                     for i in (0, 1)]
            for (size, task), (walls, cpus, rss) in rows.items():
                if size != n:
                    continue
                cells = []
                for times, (one, two) in zip((walls, cpus), peers, strict=True):
                    median = statistics.median(times)
                    cells.append(f"{median:.2f} | {median / one:.2f} | {median / two:.2f}")
                print(f"| {n:,} | {task} | {' | '.join(cells)} | {rss:.0f} |")
        print()
        big, small = sizes[-1], sizes[0]
        for task in args.tasks:
            peer = PEERS[task]
            ratio = (statistics.median(rows[(big, task)][1])
                     / statistics.median(rows[(big, peer)][1]))
            wall = (statistics.median(rows[(big, task)][0])
                    / statistics.median(rows[(big, peer)][0]))
            low, high = rows[(small, task)][2], rows[(big, task)][2]
            # merge reads ahead in a second process: its wall time is the one to compare,
            # its CPU time counts both processes
            print(f"{task}: {wall:.2f}x {peer} in wall time, {ratio:.2f}x in CPU time at "
                  f"{big:,} units (goal: 2x); "
                  f"peak RSS {low:.0f} MB at {small:,} units, {high:.0f} MB at {big:,} "
                  f"({high - low:+.0f} MB)")
        checked = {"stats": "stats printed the same as the baseline",
                   "merge": "merge wrote the file again",
                   "build": "build wrote the same TMX as the baseline (creation dates aside)"}
        if args.baseline is not None:
            print("; ".join(checked[task] for task in args.tasks))
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
