#!/usr/bin/env python3
"""How many term pairs are flagged inconsistent, and a sample of the flags to judge.

Extracts the term pairs of the Europarl dev sessions and the DGT-TM 2019 pairs together
(sentence units, as ``tmx-export terms`` does), prints how many pairs carry the
inconsistency flag (aim: under 10 %; the first release flagged 40 %), and a seeded sample
of flagged pairs with their rivals (:meth:`TermPair.rivals`) for a terminologist to judge:
is each rival a real competing translation?

    python benchmarks/terms_consistency.py [--shared ../shared] [--sample 30] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpora import SHARED, dgt_pairs, europarl_pairs  # noqa: E402

from tmx_export.segment.units import segment_pair  # noqa: E402
from tmx_export.terms import extract_terms  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    units = []
    data = args.shared / "data"
    for pair in [*europarl_pairs(data), *dgt_pairs(data)]:
        units.extend(segment_pair(pair, "sentence")[0])
    started = time.perf_counter()
    found = extract_terms(units)
    seconds = time.perf_counter() - started
    flagged = [p for p in found if p.inconsistent]
    share = len(flagged) / len(found) if found else 0.0
    print(f"{len(units)} units, {len(found)} term pairs in {seconds:.1f} s; "
          f"{len(flagged)} flagged inconsistent ({share:.1%}; aim: under 10 %)")
    sample = random.Random(args.seed).sample(flagged, min(args.sample, len(flagged)))
    for pair in sorted(sample, key=lambda p: -p.count):
        rivals = ", ".join(f"{r.target_term} ({r.count}, Dice {r.dice:.2f})"
                           for r in pair.rivals())
        print(f"  {pair.source_term} -> {pair.target_term} ({pair.count}) | rivals: {rivals}")
    return 0 if share < 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
