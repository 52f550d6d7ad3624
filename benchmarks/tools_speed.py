#!/usr/bin/env python3
"""Speed and peak memory of ``tmx-export stats`` and ``tmx-export merge`` beside lxml streaming.

For each size in ``--units`` (default 20k and 200k units):

1. makes a TMX file of that many units with the project's own writer, from the pairs of the
   shared ``gen_pairs.py`` (and a copy of it, the second input of ``merge``);
2. runs, each in its own process and in turn, so that all see the same load:

   - ``lxml``: ``etree.iterparse(path, tag="tu")``, each unit cleared and its previous
     siblings deleted, nothing else: the floor for any streaming reader;
   - ``lxml x2``: the same over both inputs of ``merge`` (its fair peer);
   - ``stats``: ``tmx-export stats FILE.tmx``;
   - ``merge``: ``tmx-export merge FILE.tmx COPY.tmx -o OUT.tmx`` (every unit of the copy
     is a duplicate, so the output is the file again);

3. prints wall and CPU seconds (medians of ``--repeat`` rounds), their ratios to the lxml
   peers and peak RSS (``os.wait4``; the largest over the rounds). On a shared machine CPU
   time is the steadier of the two.

The goal: ``stats`` within 2x of ``lxml``, ``merge`` within 2x of ``lxml x2``, and peak RSS
nearly the same at every size. Times are whole processes, interpreter start included
(it weighs at small sizes). Absolute times drift between machines and with the load of
others: compare within a run. ``--baseline DIR`` also runs the commands with another
checkout of the package first on ``PYTHONPATH`` (``DIR/tmx_export``), for before/after
figures taken side by side.

    python benchmarks/tools_speed.py [--units 20000 200000] [--repeat 3]
                                     [--baseline DIR] [--shared PATH] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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

CLI = "from tmx_export.cli import main; main()"


def measure(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """Run ``command``; return its wall seconds, CPU seconds and peak RSS in MB."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=errors, env=env, cwd=cwd)
        # wait4 gives this child's own usage (RUSAGE_CHILDREN would mix all children)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"failed: {' '.join(command[:4])}...\n"
                     f"{errors.read().decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


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
    parser.add_argument("--repeat", type=int, default=3, help="rounds (median wall time)")
    parser.add_argument("--baseline", type=Path,
                        help="also run the commands with DIR/tmx_export (e.g. a copy from "
                             "before a change)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: temporary)")
    args = parser.parse_args()
    sizes = sorted(set(args.units))

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tmx-export-bench."))
    work.mkdir(parents=True, exist_ok=True)
    # the package to run first on the path (children run in the work directory, so that
    # the current directory never decides which one is imported)
    envs = {"": {**os.environ, "PYTHONPATH": str(ROOT)}}
    if args.baseline is not None:
        if not (args.baseline / "tmx_export").is_dir():
            sys.exit(f"{args.baseline / 'tmx_export'} not found")
        envs[" (baseline)"] = {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}
    try:
        inputs = make_inputs(args.shared, sizes, work)
        rows: dict[tuple[int, str], tuple[list[float], list[float], float]] = {}

        def run(n: int, task: str, command: list[str], env: dict[str, str]) -> None:
            wall, cpu, rss = measure(command, env, work)
            walls, cpus, peak = rows.get((n, task), ([], [], 0.0))
            rows[(n, task)] = (walls + [wall], cpus + [cpu], max(peak, rss))
            print(f"# {n:,} {task}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MB",
                  flush=True)

        for round_ in range(args.repeat):
            print(f"# round {round_ + 1} of {args.repeat}", flush=True)
            for n in sizes:
                first, copy = inputs[n]
                out = work / f"merged-{n}.tmx"
                run(n, "lxml", [sys.executable, "-c", LXML, str(first)], envs[""])
                run(n, "lxml x2", [sys.executable, "-c", LXML, str(first), str(copy)],
                    envs[""])
                for label, env in envs.items():
                    run(n, "stats" + label, [sys.executable, "-c", CLI, "stats", str(first)],
                        env)
                    run(n, "merge" + label, [sys.executable, "-c", CLI, "merge", str(first),
                                             str(copy), "-o", str(out)], env)
                    # the copy's units are all duplicates: the output is the file again
                    if not filecmp.cmp(out, first, shallow=False):
                        sys.exit(f"merge{label}: {out} is not {first}")

        print()
        print("| units | task | wall s | x lxml | x lxml x2 | CPU s | x lxml | x lxml x2 "
              "| peak RSS MB |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            peers = [[statistics.median(rows[(n, peer)][i]) for peer in ("lxml", "lxml x2")]
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
        for task in ("stats", "merge"):
            low, high = rows[(small, task)][2], rows[(big, task)][2]
            print(f"{task}: peak RSS {low:.0f} MB at {small:,} units, {high:.0f} MB at "
                  f"{big:,} ({high - low:+.0f} MB)")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
