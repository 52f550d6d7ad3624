"""Benchmark: precision of the top-50 term pairs on real EU text, against a hand-made list.

    python benchmarks/terms_precision.py [--shared DIR] [--top 50] [--gold FILE] [--show]
                                         [--segment sentence|clause|none]

Runs extraction (default options) on the Europarl dev sessions, on the DGT-TM 2019 pairs,
and on both together, and judges the top N pairs against ``tests/data/terms_gold_en_fr.tsv``
(matching on lemmas). The pairs are first cut into units by the sentence segmenter, as
``tmx-export terms`` does by default (``--segment none``: the pairs as read). Target: 0.8.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpora import SHARED, dgt_pairs, europarl_pairs  # noqa: E402

from tmx_export.segment import segment_pair  # noqa: E402
from tmx_export.terms import extract_terms  # noqa: E402
from tmx_export.terms.candidates import Extractor  # noqa: E402


def load_gold(path: Path) -> set[tuple[str, str]]:
    en, fr = Extractor("en"), Extractor("fr")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return {(en.key(r["source"]), fr.key(r["target"])) for r in rows}


def units_of(pairs, segment: str):
    """The units ``terms --segment SEGMENT`` would see (``none``: the pairs as read)."""
    if segment == "none":
        return pairs
    units = []
    for pair in pairs:
        units.extend(segment_pair(pair, segment)[0])
    return units


def judge(name: str, pairs, gold, top: int, show: bool) -> float:
    found = extract_terms(pairs)[:top]
    hits = [(p.source_lemma, p.target_lemma) in gold for p in found]
    precision = sum(hits) / len(found) if found else 0.0
    print(f"{name}: {len(pairs)} units, top {len(found)}: precision {precision:.2f} "
          f"({sum(hits)}/{len(found)})")
    if show:
        for n, (pair, ok) in enumerate(zip(found, hits, strict=True), 1):
            print(f"  {n:2d} {'ok ' if ok else 'NO '} {pair.source_term} -> {pair.target_term}"
                  f" ({pair.count})")
    return precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--gold", type=Path,
                        default=HERE.parent / "tests" / "data" / "terms_gold_en_fr.tsv")
    parser.add_argument("--show", action="store_true", help="list the judged pairs")
    parser.add_argument("--segment", choices=["sentence", "clause", "none"], default="sentence")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    data = args.shared / "data"
    europarl = units_of(europarl_pairs(data), args.segment)
    dgt = units_of(dgt_pairs(data), args.segment)
    scores = [
        judge("europarl-dev", europarl, gold, args.top, args.show),
        judge("dgt-tm 2019", dgt, gold, args.top, args.show),
        judge("europarl-dev + dgt-tm", europarl + dgt, gold, args.top, args.show),
    ]
    sys.exit(0 if min(scores) >= 0.8 else 1)


if __name__ == "__main__":
    main()
