#!/usr/bin/env python3
"""Speed and peak memory of ``tmx-export build``, side by side with translate-toolkit.

All in one run, every measurement in a process of its own (peak RSS as ``/usr/bin/time``
reports it), so absolute times drift with the machine but the ratios printed beside them
hold:

1. **start-up** (``benchmarks/startup.py``): ``--help``, ``--version`` and a one-paragraph
   build against translate-toolkit's ``po2tmx`` on a one-unit PO file.
2. **one file at several sizes** (``--sizes``, default 1,000 / 10,000 / 50,000 pairs): a
   dump of real text (the Europarl dev sessions and the DGT-TM pairs, repeated and
   renumbered), the same without paragraph numbers, and one of synthetic text
   (``gen_pairs.py``), each in one file, cut mid-word like the seed. ``build`` (sentence
   units, defaults, ``--jobs 1``) against translate-toolkit writing the same pairs as TMX
   (``tmxfile.addtranslation`` for each, then ``savefile``); pairs per second, peak RSS
   and the ratio. Equal pairs/s at every size means linear time.
3. **jobs**: the largest real dump, numbered and unnumbered (each read in parts), with
   ``--jobs 2`` against ``--jobs 1``, and the same TMX.
4. **stages against older code** (``--old REF``, a git revision, e.g. the release before
   the speed work): decode+repair, pair, clean, segment+align and write timed in one process
   on the 10,000-pair real dump, for the working tree and for ``REF`` (checked out in a
   temporary worktree), with the ratio per stage.
5. **the TMX writer alone** at ``--writer-n`` pairs (and a tenth of it) against
   translate-toolkit's ``tmxfile``: the writer must not be the bottleneck.

    python benchmarks/build_speed.py [--sizes 1000,10000,50000] [--old REF]
                                     [--writer-n 200000] [--skip-ttk] [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import _process  # beside this script

SHARED = Path(__file__).resolve().parents[2] / "shared"
FILE_PAIRS = 1000  # pairs per synthetic dump file

# Child processes: each prints one JSON line with what it did.
READ_TSV = r"""
def pairs(path, n):
    from tmx_export.model import Pair
    with open(path, encoding="utf-8") as handle:
        for i, line in enumerate(handle, 1):
            if i > n:
                return
            source, target = line.rstrip("\n").split("\t")
            yield Pair(source, target, "en-GB", "fr-FR", None, f"doc{i // 1000}.txt", i)
"""

CHILDREN = {
    "read-only": READ_TSV + r"""
import json, sys, time
start = time.perf_counter()
n = sum(1 for _ in pairs(sys.argv[1], int(sys.argv[2])))
print(json.dumps({"seconds": time.perf_counter() - start, "units": n}))
""",
    "tmx-export": READ_TSV + r"""
import json, sys, time
from tmx_export.formats.tmx import write_tmx
start = time.perf_counter()
counts = write_tmx(pairs(sys.argv[1], int(sys.argv[2])), sys.argv[3])
print(json.dumps({"seconds": time.perf_counter() - start, "units": counts.units,
                  "duplicates": counts.duplicates}))
""",
    "translate-toolkit": READ_TSV + r"""
import json, sys, time
from translate.storage.tmx import tmxfile
start = time.perf_counter()
store = tmxfile(sourcelanguage="en-GB", targetlanguage="fr-FR")
for pair in pairs(sys.argv[1], int(sys.argv[2])):
    store.addtranslation(pair.source, "en-GB", pair.target, "fr-FR")
with open(sys.argv[3], "wb") as handle:
    store.serialize(handle)
print(json.dumps({"seconds": time.perf_counter() - start, "units": len(store.units)}))
""",
}


def make_pairs(shared: Path, n: int, path: Path) -> None:
    generator = shared / "bench" / "gen_pairs.py"
    if not generator.exists():
        sys.exit(f"{generator} not found: give --shared PATH")
    subprocess.run([sys.executable, str(generator), str(n), str(path)], check=True)


STAGES = r"""
import json, sys, time
# the code under test comes first on the path, before an editable install's finder
sys.path.insert(0, sys.argv[1])
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
import tmx_export
from tmx_export.clean import check
from tmx_export.dump.pairing import find_pairs
from tmx_export.dump.repair import build_stream
from tmx_export.formats.text import read_text
from tmx_export.formats.tmx import write_tmx
from tmx_export.model import CleanOptions
from tmx_export.segment.units import segment_pair

times = {}
start = time.perf_counter()
def lap(name):
    global start
    now = time.perf_counter()
    times[name] = now - start
    start = now
build_stream(read_text(sys.argv[2])[:2000], ("en", "fr"))  # word lists loaded, not timed
find_pairs(build_stream("1. The vote. 1. Le vote.", ("en", "fr")), "x", "en-GB", "fr-FR")
start = time.perf_counter()
stream = build_stream(read_text(sys.argv[2]), ("en", "fr"))
lap("decode + repair")
pairs, rejects = find_pairs(stream, sys.argv[2], "en-GB", "fr-FR")
lap("pair")
options = CleanOptions()
kept = [p for p in pairs if check(p, options) is None]
lap("clean")
units = [u for p in kept for u in segment_pair(p, "sentence")[0]]
lap("segment + align")
write_tmx(units, sys.argv[3])
lap("write")
print(json.dumps({"code": tmx_export.__file__, "pairs": len(pairs), "units": len(units),
                  "times": times}))
"""

TTK_WRITE = r"""
import json, sys, time
start = time.perf_counter()
from translate.storage.tmx import tmxfile
store = tmxfile(sourcelanguage="en-GB", targetlanguage="fr-FR")
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        source, target = line.rstrip("\n").split("\t")
        store.addtranslation(source, "en-GB", target, "fr-FR")
store.savefile(sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - start, "units": len(store.units)}))
"""


def measure(command: list[str]) -> tuple[str, float, float]:
    """Run ``command``: its standard output, wall seconds and peak RSS in MB."""
    done = _process.measure(command)
    return done.stdout.decode(), done.wall, done.peak_mb


def real_pairs(shared: Path) -> list[tuple[str, str]]:
    """The real EN/FR paragraph pairs at hand: Europarl dev sessions and DGT-TM."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _corpora import dgt_pairs, europarl_pairs

    data = shared / "data"
    return [(p.source, p.target) for p in europarl_pairs(data) + dgt_pairs(data)]


def write_one_dump(pairs: list[tuple[str, str]], n: int, dump: Path, tsv: Path,
                   numbered: bool = True) -> None:
    """``n`` pairs (the list repeated as needed), numbered 1..n or not, as one dump cut
    mid-word, and the same pairs as a two-column TSV for translate-toolkit."""
    from tmx_export.dump import format_dump
    from tmx_export.model import Pair

    chosen = [pairs[i % len(pairs)] for i in range(n)]
    batch = [Pair(s, t, "en-GB", "fr-FR", k) for k, (s, t) in enumerate(chosen, 1)]
    dump.write_text(format_dump(batch, style="mid-word", numbered=numbered, seed=n),
                    encoding="utf-8")
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in chosen), encoding="utf-8")


def build_command(dump: Path, out: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-c", "from tmx_export.cli import main; main()", "build",
            str(dump), "-o", str(out), "--quiet", "--jobs", str(jobs)]


def section_sizes(args: argparse.Namespace, work: Path) -> dict[str, Path]:
    """Real and synthetic text in one file at each size: build against ttk's write."""
    print("\n## One file at several sizes: build (--jobs 1) against translate-toolkit "
          "writing the same pairs\n")
    sizes = [int(x) for x in args.sizes.split(",")]
    synthetic_tsv = work / "synthetic.tsv"
    make_pairs(args.shared, max(sizes), synthetic_tsv)
    real = real_pairs(args.shared)
    texts = {
        "real": real,
        "real, unnumbered": real,
        "synthetic": [tuple(line.split("\t")) for line in
                      synthetic_tsv.read_text("utf-8").splitlines()],
    }
    print("| text | pairs | build s | pairs/s | peak MB | ttk write s | peak MB "
          "| build / ttk |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    dumps = {}
    for kind, pairs in texts.items():
        for n in sizes:
            name = kind.replace(", ", "-")
            dump, tsv = work / f"{name}-{n}.txt", work / f"{name}-{n}.tsv"
            write_one_dump(pairs, n, dump, tsv,  # type: ignore[arg-type]
                           numbered="unnumbered" not in kind)
            dumps[f"{name}-{n}"] = dump
            _, wall, rss = measure(build_command(dump, work / "out.tmx"))
            if args.skip_ttk:
                ttk_wall, ttk_rss, ratio = float("nan"), float("nan"), "-"
            else:
                _, ttk_wall, ttk_rss = measure([sys.executable, "-c", TTK_WRITE, str(tsv),
                                                str(work / "ttk.tmx")])
                ratio = f"{wall / ttk_wall:.1f}x"
            print(f"| {kind} | {n:,} | {wall:.2f} | {n / wall:,.0f} | {rss:.0f} | "
                  f"{ttk_wall:.2f} | {ttk_rss:.0f} | {ratio} |", flush=True)
    return dumps


def section_jobs(dump: Path, work: Path) -> None:
    print(f"\n## --jobs 2 against --jobs 1 on one file ({dump.name}, {os.cpu_count()} "
          "cores)\n")
    env_date = {"SOURCE_DATE_EPOCH": "1700000000"}
    os.environ.update(env_date)
    walls = {}
    for jobs in (1, 2, 1, 2):
        _, wall, rss = measure(build_command(dump, work / f"jobs-{jobs}.tmx", jobs))
        walls.setdefault(jobs, []).append((wall, rss))
    same = (work / "jobs-1.tmx").read_bytes() == (work / "jobs-2.tmx").read_bytes()
    best = {j: min(w for w, _ in v) for j, v in walls.items()}
    for jobs in (1, 2):
        print(f"- --jobs {jobs}: {best[jobs]:.2f} s wall (best of 2), "
              f"peak {max(r for _, r in walls[jobs]):.0f} MB")
    print(f"- jobs 2 / jobs 1: {best[2] / best[1]:.2f}; byte-identical TMX: {same}")


def section_stages(dump: Path, old: str | None, work: Path) -> None:
    print(f"\n## Stages on {dump.name}, in one process\n")
    trees = {"working tree": str(Path(__file__).resolve().parents[1])}
    worktree = None
    if old:
        worktree = work / "old"
        subprocess.run(["git", "-C", trees["working tree"], "worktree", "add", "--detach",
                        "-f", str(worktree), old], check=True, capture_output=True)
        trees[old] = str(worktree)
    try:
        results = {}
        for name, tree in trees.items():
            output, _, rss = measure([sys.executable, "-c", STAGES, tree, str(dump),
                                      str(work / "stages.tmx")])
            report = json.loads(output.strip().splitlines()[-1])
            if not report["code"].startswith(tree):
                sys.exit(f"{name}: ran {report['code']}, not the code in {tree}")
            results[name] = report
            print(f"- {name}: {report['pairs']:,} pairs, {report['units']:,} units, "
                  f"peak {rss:.0f} MB")
        names = list(results)
        header = " | ".join(names)
        print(f"\n| stage | {header} |" + (" old / new |" if old else ""))
        print("|---|" + "---:|" * (len(names) + (1 if old else 0)))
        for stage in results[names[0]]["times"]:
            cells = [results[n]["times"][stage] for n in names]
            ratio = f" {cells[1] / cells[0]:.2f}x |" if old else ""
            print(f"| {stage} | " + " | ".join(f"{c:.2f} s" for c in cells) + " |" + ratio)
        totals = [sum(results[n]["times"].values()) for n in names]
        print("| total | " + " | ".join(f"{t:.2f} s" for t in totals) + " |"
              + (f" {totals[1] / totals[0]:.2f}x |" if old else ""))
    finally:
        if worktree is not None:
            subprocess.run(["git", "-C", trees["working tree"], "worktree", "remove",
                            "--force", str(worktree)], capture_output=True)


def section_writer(args: argparse.Namespace, work: Path) -> None:
    print(f"\n## The TMX writer alone, {args.writer_n:,} pairs\n")
    tsv = work / "writer.tsv"
    make_pairs(args.shared, args.writer_n, tsv)
    rows = ["| task | tool | N | wall s | pairs/s | peak RSS MB | note |",
            "|---|---|---:|---:|---:|---:|---|"]
    results: dict[tuple[str, int], tuple[float, float]] = {}
    sizes = sorted({max(1, args.writer_n // 10), args.writer_n})
    tools = ["read-only", "tmx-export"] + ([] if args.skip_ttk else ["translate-toolkit"])
    for n in sizes:
        for tool in tools:
            if tool == "translate-toolkit" and n != args.writer_n:
                continue
            out = work / f"{tool}-{n}.tmx"
            output, _, rss = measure([sys.executable, "-c", CHILDREN[tool], str(tsv), str(n),
                                      str(out)])
            report = json.loads(output.strip().splitlines()[-1])
            results[(tool, n)] = (report["seconds"], rss)
            note = "TSV -> Pair objects only" if tool == "read-only" else (
                f"{report['units']:,} units")
            rows.append(row("write TMX", tool, n, report["seconds"], rss, note))
            out.unlink(missing_ok=True)
    print("\n".join(rows))
    ours, small = results[("tmx-export", args.writer_n)], results[("tmx-export", sizes[0])]
    print(f"\nwriter peak RSS: {small[1]:.0f} MB at {sizes[0]:,}, {ours[1]:.0f} MB at "
          f"{args.writer_n:,}")
    if ("translate-toolkit", args.writer_n) in results:
        theirs = results[("translate-toolkit", args.writer_n)]
        print(f"writer speed: {theirs[0] / ours[0]:.1f}x translate-toolkit's")


def row(task: str, tool: str, n: int, seconds: float, rss: float, note: str = "") -> str:
    return (f"| {task} | {tool} | {n:,} | {seconds:.2f} | {n / seconds:,.0f} | {rss:,.0f} "
            f"| {note} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="pairs in one file")
    parser.add_argument("--old", help="a git revision to time the stages against")
    parser.add_argument("--writer-n", type=int, default=200_000, help="pairs for the writer")
    parser.add_argument("--skip-ttk", action="store_true", help="leave translate-toolkit out")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: temporary)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tmx-export-bench."))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# build speed, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at the start")
    try:
        print("\n## Start-up and one paragraph, against po2tmx\n", flush=True)
        subprocess.run([sys.executable, str(Path(__file__).with_name("startup.py")),
                        "--runs", "5"], check=True)
        dumps = section_sizes(args, work)
        real = [k for k in dumps if k.split("-")[0] == "real" and k.split("-")[1].isdigit()]
        section_jobs(dumps[real[-1]], work)
        unnumbered = [k for k in dumps if k.startswith("real-unnumbered-")]
        if unnumbered:  # read in parts as well, cut where the language turns
            section_jobs(dumps[unnumbered[-1]], work)
        middle = "real-10000" if "real-10000" in dumps else real[-1]
        section_stages(dumps[middle], args.old, work)
        if args.writer_n:
            section_writer(args, work)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
