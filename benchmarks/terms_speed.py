"""Benchmark: ``terms`` on synthetic aligned sentence pairs (time and peak RSS).

    python benchmarks/terms_speed.py [--pairs N] [--shared DIR] [--tsv FILE] [--workdir DIR]
                                     [--jobs J]

Makes N sentence pairs with the shared ``bench/gen_pairs.py`` (or takes the two-column
``--tsv``) and writes them as TSV tables of 1,000 pairs with a language header, one document
each. A child process then does what ``tmx-export terms FILES... --termbase DB --jobs J``
does (``--jobs``: default the number of cores, as on the command line)
(:func:`tmx_export.terms.run.run_terms`: units read through the pipeline, extraction,
termbase update and read-back) and writes every output: TBX 3, TBX 2, XLSX review, HTML report
and CSV. Target: 100k pairs in under 60 s with peak RSS under 1 GB.

Peak RSS is the child's own (``ru_maxrss`` via ``os.wait4``), so the generator does not
count; the child also reports its high-water mark after each stage, to show where the peak
is. The machine may be shared: the load average at the start is printed beside the times.
``terms_seconds`` is the time after reading (extraction, termbase, outputs): the part of the
run that the ``terms`` package itself spends.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import _process  # beside this script

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
DOCUMENT_PAIRS = 1000

CHILD = r"""
import json, sys, time
from pathlib import Path

def high_water_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    return None

from tmx_export.terms.glossary import write_glossary
from tmx_export.terms.tbx import write_tbx
from tmx_export.terms.run import run_terms
from tmx_export.terms.report import write_report
from tmx_export.terms.review import write_review

out = Path(sys.argv[1])
jobs = int(sys.argv[2])
files = sys.argv[3:]
start = time.perf_counter()
times, peaks = {}, {}
stored = run_terms(files, termbase_path=str(out / "bench.db"), timings=times, jobs=jobs)
peaks["termbase"] = high_water_mb()
for name, write in (
    ("tbx3", lambda: write_tbx(stored, out / "bench3.tbx", version=3)),
    ("tbx2", lambda: write_tbx(stored, out / "bench2.tbx", version=2)),
    ("xlsx", lambda: write_review(stored, out / "bench.xlsx")),
    ("html", lambda: write_report(stored, out / "bench.html")),
    ("csv", lambda: write_glossary(stored, out / "bench.csv")),
):
    t = time.perf_counter()
    write()
    times[name] = time.perf_counter() - t
    peaks[name] = high_water_mb()
times["total"] = time.perf_counter() - start
print(json.dumps({"stored": len(stored), "seconds": {k: round(v, 2) for k, v in times.items()},
                  "high_water_mb": peaks}))
"""


def make_tables(tsv: Path, n: int, directory: Path) -> list[str]:
    """Split the first ``n`` pairs of ``tsv`` into tables of :data:`DOCUMENT_PAIRS` rows."""
    directory.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    handle = None
    with tsv.open(encoding="utf-8") as source:
        for number, line in enumerate(source):
            if number >= n:
                break
            if number % DOCUMENT_PAIRS == 0:
                if handle:
                    handle.close()
                path = directory / f"doc{number // DOCUMENT_PAIRS:04d}.tsv"
                files.append(str(path))
                handle = path.open("w", encoding="utf-8")
                handle.write("en-GB\tfr-FR\n")
            handle.write(line)
    if handle:
        handle.close()
    return files


def measure(command: list[str]) -> tuple[dict, float, float]:
    """Run ``command``: its JSON output, wall seconds and peak RSS in MB."""
    done = _process.measure(command)
    return json.loads(done.stdout), done.wall, done.peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data directory")
    parser.add_argument("--tsv", type=Path, help="two-column TSV (en<TAB>fr) to use instead")
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: temporary)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes reading the inputs (default: the cores, as the "
                        "command line)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        tsv = args.tsv
        if tsv is None:
            tsv = work / "pairs.tsv"
            generator = args.shared / "bench" / "gen_pairs.py"
            if not generator.exists():
                sys.exit(f"{generator} not found: give --shared DIR or --tsv FILE")
            subprocess.run([sys.executable, str(generator), str(args.pairs), str(tsv)],
                           check=True)
        files = make_tables(tsv, args.pairs, work / "tables")
        load = os.getloadavg()[0]
        result, wall, peak = measure([sys.executable, "-c", CHILD, str(work),
                                      str(args.jobs), *files])
    pairs = min(args.pairs, len(files) * DOCUMENT_PAIRS)
    # what the terms package itself spends: everything but reading the units through the
    # pipeline (cleaning, language checks, segmentation), which `build` spends as well
    terms_seconds = result["seconds"]["total"] - result["seconds"].get("read", 0.0)
    result.update(pairs=pairs, documents=len(files), wall_seconds=round(wall, 2),
                  terms_seconds=round(terms_seconds, 2), peak_rss_mb=round(peak),
                  load_average_at_start=round(load, 2), jobs=args.jobs)
    print(json.dumps(result, indent=2))
    ok = wall < 60 and peak < 1024
    print(f"terms on {pairs:,} pairs: {wall:.1f} s ({terms_seconds:.1f} s after reading), "
          f"peak RSS {peak:.0f} MB -> {'OK' if ok else 'OVER TARGET'} "
          "(targets: 60 s, 1024 MB)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
