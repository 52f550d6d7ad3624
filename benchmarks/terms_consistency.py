#!/usr/bin/env python3
"""How many term pairs are flagged inconsistent, and a sample of the flags to judge.

Extracts the term pairs of the Europarl dev sessions and the DGT-TM 2019 pairs together
(sentence units, as ``tmx-export terms`` does), prints how many pairs carry the
inconsistency flag (aim: under 10 %; the first release flagged 40 %), and a sample of the
flagged pairs (those whose terms hash lowest, the seed mixed in, so that a change flagging
a few pairs more or less leaves the rest of the sample as it was) with their rivals
(:meth:`TermPair.rivals`), each marked with its verdict from
``tests/data/terms_flags_en_fr.tsv`` (is it a real competing translation?), and how many
of the judged flags point at one. Rivals nobody has judged yet show ``?``: judge them and
add them to the file.

    python benchmarks/terms_consistency.py [--shared ../shared] [--sample 30] [--seed 0]
                                           [--judged FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpora import SHARED, dgt_pairs, europarl_pairs, term_units  # noqa: E402

from tmx_export.terms import extract_terms  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--judged", type=Path,
                        default=HERE.parent / "tests" / "data" / "terms_flags_en_fr.tsv",
                        help="hand-judged rivals of flagged pairs (default: %(default)s)")
    args = parser.parse_args()
    data = args.shared / "data"
    # the units ``terms`` extracts from: sentences as ``build`` writes them, and the repeats
    units = term_units([*europarl_pairs(data), *dgt_pairs(data)])
    started = time.perf_counter()
    found = extract_terms(units)
    seconds = time.perf_counter() - started
    flagged = [p for p in found if p.inconsistent]
    share = len(flagged) / len(found) if found else 0.0
    print(f"{len(units)} units, {len(found)} term pairs in {seconds:.1f} s; "
          f"{len(flagged)} flagged inconsistent ({share:.1%}; aim: under 10 %)")
    verdicts = _judged(args.judged)
    # the flags whose terms hash lowest (the seed mixed in): a change that flags or unflags
    # a few pairs changes the sample only where they fall in it, so its figure stays
    # comparable from one change to the next (a random sample of the list reshuffled it)
    sample = sorted(flagged, key=lambda p: zlib.crc32(
        f"{args.seed}\t{p.source_term}\t{p.target_term}".encode()))[:args.sample]
    useful = judged = 0
    print("  [verdict per rival: real competing translation (+), noise (-), not judged (?)]")
    for pair in sorted(sample, key=lambda p: -p.count):
        marks = []
        for rival in pair.rivals():
            verdict = verdicts.get((pair.source_term, pair.target_term, rival.target_term))
            marks.append({"real": "+", "noise": "-"}.get(verdict or "", "?"))
        rivals = ", ".join(f"{mark}{r.target_term} ({r.count}, Dice {r.dice:.2f})"
                           for mark, r in zip(marks, pair.rivals(), strict=True))
        print(f"  {pair.source_term} -> {pair.target_term} ({pair.count}) | rivals: {rivals}")
        if "?" not in marks:
            judged += 1
            useful += "+" in marks
    print(f"flags judged: {judged} of {len(sample)}; with a real competing translation: "
          f"{useful} of {judged}" + (f" ({useful / judged:.0%})" if judged else "")
          + f" (verdicts in {args.judged.name})")
    return 0 if share < 0.10 else 1


def _judged(path: Path) -> dict[tuple[str, str, str], str]:
    """(source term, target term, rival) -> "real" or "noise", from the judged flags."""
    verdicts = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#") or cells[0] == "source" or len(cells) < 4:
                continue
            verdicts[(cells[0], cells[1], cells[2])] = cells[3]
    return verdicts


if __name__ == "__main__":
    sys.exit(main())
