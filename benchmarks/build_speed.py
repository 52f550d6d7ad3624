#!/usr/bin/env python3
"""Speed and peak memory of ``tmx-export build``, and of the TMX writer beside translate-toolkit.

1. Makes synthetic sentence pairs with the shared ``gen_pairs.py`` (``--pairs`` of them,
   default 1M), and turns the first ``--build-n`` (default 100k) into numbered dumps of 1,000
   pairs a file with ``format_dump``, the three cut styles in turn.
2. ``build``: runs ``tmx-export build DUMPS/ -o OUT.tmx --quiet`` in a child process and
   reports pairs per second and the child's peak RSS.
3. ``writer``: the TMX writer alone, pairs streamed from the TSV into ``write_tmx``, at
   ``--writer-n`` (default 1M) and at a tenth of it (memory must not grow with N); beside it
   translate-toolkit's ``tmxfile`` on the same pairs in the same run (``addtranslation`` for
   each, then ``serialize``), and the cost of only reading the TSV into pairs.

Every measurement runs in its own process; peak RSS is that process's ``ru_maxrss`` as
``os.wait4`` reports it. Absolute times drift between machines, so compare within a run.
Expected: writer at least 3x translate-toolkit's pairs per second; writer peak RSS under
100 MB at 1M pairs and about the same at a tenth.

    python benchmarks/build_speed.py [--build-n 100000] [--writer-n 1000000] [--skip-ttk]
                                     [--shared PATH] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def measure(command: list[str]) -> tuple[str, float, float]:
    """Run ``command``; return its standard output, wall seconds and peak RSS in MB."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors)
        out = process.stdout.read()
        # wait4 gives this child's own usage (RUSAGE_CHILDREN would mix all children).
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read()
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command[:3])}...\n{err.decode(errors='replace')}")
    return out.decode(), wall, usage.ru_maxrss / 1024


def make_pairs(shared: Path, n: int, path: Path) -> None:
    generator = shared / "bench" / "gen_pairs.py"
    if not generator.exists():
        sys.exit(f"{generator} not found: give --shared PATH")
    subprocess.run([sys.executable, str(generator), str(n), str(path)], check=True)


def make_dumps(tsv: Path, n: int, directory: Path) -> None:
    from tmx_export.dump import CUT_STYLES, format_dump
    from tmx_export.model import Pair

    directory.mkdir(parents=True, exist_ok=True)
    batch: list[Pair] = []
    with tsv.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if number > n:
                break
            source, target = line.rstrip("\n").split("\t")
            # numbered from 1 in each file, as the paragraphs of a real document are
            batch.append(Pair(source, target, "en-GB", "fr-FR", len(batch) + 1))
            if len(batch) == FILE_PAIRS:
                _write_dump(batch, (number - 1) // FILE_PAIRS, directory, CUT_STYLES, format_dump)
                batch = []
    if batch:
        _write_dump(batch, n // FILE_PAIRS, directory, CUT_STYLES, format_dump)


def _write_dump(batch, index, directory, styles, format_dump) -> None:  # type: ignore[no-untyped-def]
    style = styles[index % len(styles)]
    text = format_dump(batch, style=style, seed=index)
    (directory / f"dump-{index:04d}-{style}.txt").write_text(text, encoding="utf-8")


def row(task: str, tool: str, n: int, seconds: float, rss: float, note: str = "") -> str:
    return f"| {task} | {tool} | {n:,} | {seconds:.2f} | {n / seconds:,.0f} | {rss:,.0f} | {note} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-n", type=int, default=100_000, help="pairs in the dumps")
    parser.add_argument("--writer-n", type=int, default=1_000_000, help="pairs for the writer")
    parser.add_argument("--skip-ttk", action="store_true", help="leave translate-toolkit out")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: temporary)")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tmx-export-bench."))
    work.mkdir(parents=True, exist_ok=True)
    try:
        tsv = work / "pairs.tsv"
        total = max(args.build_n, args.writer_n)
        print(f"# generating {total:,} pairs with gen_pairs.py in {work}", flush=True)
        make_pairs(args.shared, total, tsv)
        rows = ["| task | tool | N | wall s | pairs/s | peak RSS MB | note |",
                "|---|---|---:|---:|---:|---:|---|"]

        if args.build_n:
            dumps = work / "dumps"
            make_dumps(tsv, args.build_n, dumps)
            out = work / "build.tmx"
            print(f"# build on {args.build_n:,} pairs in {len(list(dumps.iterdir()))} dumps",
                  flush=True)
            command = [sys.executable, "-c", "from tmx_export.cli import main; main()",
                       "build", str(dumps), "-o", str(out),
                       "--rejects", str(work / "rejects.tsv")]
            summary, wall, rss = measure(command)
            rejects = len((work / "rejects.tsv").read_text(encoding="utf-8").splitlines()) - 1
            print(summary, flush=True)
            found = re.search(r"(\d+) units? written .* from (\d+) pairs?", summary)
            units, pairs_read = (int(found[1]), int(found[2])) if found else (-1, -1)
            rows.append(row("build (dump -> TMX)", "tmx-export", args.build_n, wall, rss,
                            f"{pairs_read:,} pairs read, {units:,} units, {rejects:,} rejects"))
            print(rows[-1], flush=True)

        results: dict[tuple[str, int], tuple[float, float]] = {}
        sizes = sorted({max(1, args.writer_n // 10), args.writer_n})
        tools = ["read-only", "tmx-export"] + ([] if args.skip_ttk else ["translate-toolkit"])
        for n in sizes:
            for tool in tools:
                if tool == "translate-toolkit" and n != args.writer_n:
                    continue
                out = work / f"{tool}-{n}.tmx"
                command = [sys.executable, "-c", CHILDREN[tool], str(tsv), str(n), str(out)]
                print(f"# {tool} at {n:,}", flush=True)
                output, wall, rss = measure(command)
                report = json.loads(output.strip().splitlines()[-1])
                seconds = report["seconds"]
                results[(tool, n)] = (seconds, rss)
                note = "TSV -> Pair objects only" if tool == "read-only" else (
                    f"{report['units']:,} units, {out.stat().st_size / 1e6:,.0f} MB")
                rows.append(row("write TMX", tool, n, seconds, rss, note))
                print(rows[-1], flush=True)
                out.unlink(missing_ok=True)

        print()
        print("\n".join(rows))
        print()
        big = args.writer_n
        ours = results[("tmx-export", big)]
        small = results[("tmx-export", sizes[0])]
        print(f"writer peak RSS: {small[1]:.0f} MB at {sizes[0]:,}, {ours[1]:.0f} MB at {big:,} "
              f"({'flat' if ours[1] < 100 and ours[1] < small[1] * 1.5 else 'NOT FLAT'})")
        if ("translate-toolkit", big) in results:
            theirs = results[("translate-toolkit", big)]
            ratio = theirs[0] / ours[0]
            print(f"writer speed: {ratio:.1f}x translate-toolkit at {big:,} "
                  f"({'ok' if ratio >= 3 else 'BELOW the expected 3x'}); "
                  f"peak RSS {ours[1]:.0f} MB vs {theirs[1]:,.0f} MB")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
