#!/usr/bin/env python3
"""``build --jobs 2`` against ``--jobs 1`` on several dumps: the speed-up, and the proof that
the memory written is the same.

Makes FILES numbered dumps of PAIRS pairs each (``../shared/bench/gen_pairs.py``, cut into
the seed's layout), then builds the folder with one and with two jobs, alternating, as
whole processes; prints the median wall and CPU seconds of each, the ratio, and whether
the two TMX files are byte for byte the same (dates fixed with SOURCE_DATE_EPOCH).

    python benchmarks/jobs_speed.py [--files 4] [--pairs 1500] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tmx_export.dump.writer import format_dump
from tmx_export.model import Pair

SHARED = Path(__file__).resolve().parents[2] / "shared"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--pairs", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    tool = [sys.executable, "-c", "from tmx_export.cli import main; main()"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tsv = work / "pairs.tsv"
        subprocess.run([sys.executable, str(args.shared / "bench" / "gen_pairs.py"),
                        str(args.files * args.pairs), str(tsv)], check=True)
        rows = [line.split("\t") for line in tsv.read_text("utf-8").splitlines()]
        corpus = work / "corpus"
        corpus.mkdir()
        for k in range(args.files):
            chunk = rows[k * args.pairs:(k + 1) * args.pairs]
            pairs = [Pair(en, fr, "en-GB", "fr-FR", number=n) for n, (en, fr) in
                     enumerate(chunk, 1)]
            (corpus / f"dump-{k}.txt").write_text(format_dump(pairs, seed=k), "utf-8")
        figures: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                out = work / f"jobs-{jobs}.tmx"
                figures[jobs].append(timed([*tool, "build", str(corpus), "-o", str(out), "-q",
                                            "--jobs", str(jobs)], env))
        same = (work / "jobs-1.tmx").read_bytes() == (work / "jobs-2.tmx").read_bytes()
    walls = {j: statistics.median(w for w, _ in f) for j, f in figures.items()}
    cpus = {j: statistics.median(c for _, c in f) for j, f in figures.items()}
    print(f"{args.files} dumps x {args.pairs} pairs, {os.cpu_count()} cores")
    for jobs in (1, 2):
        print(f"  --jobs {jobs}: {walls[jobs]:.1f} s wall, {cpus[jobs]:.1f} s CPU")
    print(f"  ratio jobs 2 / jobs 1: {walls[2] / walls[1]:.2f} (wall); same TMX: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
