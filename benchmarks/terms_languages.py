#!/usr/bin/env python3
"""Term pairs beyond English-French: German-French from the DGT-TM units, against a list of
known pairs (``tests/data/terms_gold_de_fr.tsv``).

Reads every DGT-TM TMX file in German -> French as ``build`` would (sentence units),
extracts the term pairs as ``tmx-export terms`` does, and prints each known pair with its
rank (or what the German term was paired with instead), how many are found anywhere and in
the top 200, and the top 30 pairs for a look.

    python benchmarks/terms_languages.py [--tmx-dir DIR] [--gold FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from tmx_export.pipeline import read_units
from tmx_export.terms.associate import extract_terms
from tmx_export.terms.candidates import Extractor

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"


def read_gold(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t")
                if row and not row[0].startswith("#")]
    return [(s, t) for s, t in rows[1:]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tmx-dir", type=Path, default=SHARED / "data" / "dgt-tm" / "tmx")
    parser.add_argument("--gold", type=Path,
                        default=HERE.parent / "tests" / "data" / "terms_gold_de_fr.tsv")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.tmx_dir.glob("*.tmx"))
    if not files:
        print(f"no TMX in {args.tmx_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    units, _ = read_units(files, source_lang="de-DE", target_lang="fr-FR")
    pairs = extract_terms(units)
    seconds = time.perf_counter() - started
    rank = {(p.source_lemma, p.target_lemma): i for i, p in enumerate(pairs, 1)}
    de, fr = Extractor("de"), Extractor("fr")
    gold = read_gold(args.gold)
    found = top = 0
    for source, target in gold:
        key = (de.key(source), fr.key(target))
        where = rank.get(key)
        if where is None:
            instead = [p.target_term for p in pairs if p.source_lemma == key[0]][:3]
            print(f"  missing  {source} -> {target}  (paired with: {', '.join(instead) or '-'})")
        else:
            found += 1
            top += where <= 200
            print(f"  #{where:<6}  {source} -> {target}")
    print(f"{len(units)} units, {len(pairs)} pairs in {seconds:.1f} s; known pairs found: "
          f"{found}/{len(gold)} anywhere, {top}/{len(gold)} in the top 200")
    print("top 30:")
    for p in pairs[:30]:
        print(f"  {p.source_term} -> {p.target_term} ({p.units})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
