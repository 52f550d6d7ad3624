#!/usr/bin/env python3
"""A dump of 50,000 numbered pairs (``../shared/bench/gen_pairs.py`` cut into the seed's
layout): every pair must come back, numbers past 9999 included, and no reject may swallow
more than one paragraph.

Prints the accounting of the run (read = in units + rejected), the rejects by reason and
the largest reject, and exits 1 when pairs are lost or a reject is larger than a pair.

    python benchmarks/numbered_50k.py [--pairs 50000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tmx_export.dump.writer import format_dump
from tmx_export.formats.rejects import read_rejects
from tmx_export.model import Pair
from tmx_export.pipeline import build

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tsv = work / "pairs.tsv"
        subprocess.run([sys.executable, str(args.shared / "bench" / "gen_pairs.py"),
                        str(args.pairs), str(tsv)], check=True)
        rows = [line.split("\t") for line in tsv.read_text("utf-8").splitlines()]
        pairs = [Pair(en, fr, "en-GB", "fr-FR", number=n) for n, (en, fr) in enumerate(rows, 1)]
        dump = work / "dump.txt"
        dump.write_text(format_dump(pairs, seed=1), encoding="utf-8")
        started = time.perf_counter()
        summary = build([dump], work / "out.tmx", segment="paragraph",
                        rejects_path=str(work / "rejects.tsv"))
        seconds = time.perf_counter() - started
        rejects = read_rejects(work / "rejects.tsv")
    accounts = summary.accounts
    largest = max((len(r.text) for r in rejects), default=0)
    longest_pair = max(len(en) + len(fr) for en, fr in rows) + 20
    print(f"{args.pairs} pairs in the dump; {summary.pairs_read} paired by the reader")
    print(f"{accounts.read} read = {accounts.in_units} in units + {accounts.rejected} rejected")
    for reason, count in summary.rejects.most_common():
        print(f"  {count:>7}  {reason}")
    print(f"largest reject: {largest} characters (longest pair: {longest_pair})")
    print(f"{summary.units_written} units in {seconds:.0f} s")
    lost = summary.pairs_read < args.pairs - summary.rejects.total()
    return 1 if lost or largest > longest_pair else 0


if __name__ == "__main__":
    sys.exit(main())
