#!/usr/bin/env python3
"""Concordance by lemma beyond English and French: hits of real multi-word terms in the
DGT-TM memory, each word keyed by its folded spelling (as written) and by its folded
lemma (:data:`tmx_export.check.concordance.CASE_FREE_LEMMAS`).

For each language, reads the DGT-TM TMX files (English -> that language, sentence units),
takes its most frequent runs of two content words (no stop word of the term extractor's,
four letters or more, no digit) as the terms, searches each in the target texts keyed
both ways, and prints the units found each way and, for a look by eye, the words each
new hit matched (the false matches to look for: a lemma shared by unrelated words).

    python benchmarks/concordance_languages.py [--tmx-dir DIR] [--terms N] [LANG...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tmx_export.check.concordance import CASE_FREE_LEMMAS, Analyser, Query, fold
from tmx_export.pipeline import stream_units
from tmx_export.terms.languages import term_language

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
LANGS = ("de es it pt nl pl cs sk sl hr ro hu sv da fi et lt lv bg el").split()


def analysers(lang: str) -> tuple[Analyser, Analyser]:
    """The analyser of ``lang`` keying by spelling, and the one keying by lemma (also
    for a language not in CASE_FREE_LEMMAS, to measure it)."""
    written, lemmas = Analyser(lang), Analyser(lang)
    written._rules = None
    if lemmas._rules is None:
        lemmas._rules = term_language(lang)
        lemmas._lemma_lang = lemmas._rules.lemmas if lemmas._rules else lang
        lemmas._stop_lemmas = frozenset(fold(w) for w in lemmas._rules.stop) \
            if lemmas._rules else frozenset()
    return written, lemmas


def terms(texts: list[str], lang: str, count: int) -> list[str]:
    """The ``count`` most frequent runs of two content words of ``texts``, as most often
    written (one per folded spelling)."""
    rules = term_language(lang)
    stop = rules.stop if rules is not None else frozenset()
    seen: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    for text in texts:
        words = text.split()
        for a, b in zip(words, words[1:], strict=False):
            if all(len(w) >= 4 and w.isalpha() and w.lower() not in stop for w in (a, b)):
                key = fold(f"{a} {b}")
                seen[key] += 1
                spelled.setdefault(key, Counter())[f"{a} {b}"] += 1
    return [spelled[key].most_common(1)[0][0] for key, _ in seen.most_common(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("langs", nargs="*", default=LANGS)
    parser.add_argument("--tmx-dir", type=Path, default=SHARED / "data" / "dgt-tm" / "tmx")
    parser.add_argument("--terms", type=int, default=25)
    parser.add_argument("--show", type=int, default=20, help="new matches shown a language")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.tmx_dir.glob("*.tmx"))
    if not files:
        print(f"no TMX in {args.tmx_dir}", file=sys.stderr)
        return 2
    english = Analyser("en")
    for lang in args.langs:
        texts = [u.target for u in stream_units(files, source_lang="en-GB", target_lang=lang,
                                                renumber=False, clean=None, dedupe="none",
                                                allow_empty=True, segment="sentence")]
        written, lemmas = analysers(lang)
        before = after = 0
        new: Counter[str] = Counter()
        queries = terms(texts, lang, args.terms)
        for text in queries:
            old = Query.compile(text, english, written, "target").target
            now = Query.compile(text, english, lemmas, "target").target
            assert old is not None and now is not None
            for unit in texts:
                found = old.find(written.words(unit), text=unit)
                spans = now.find(lemmas.words(unit), text=unit)
                before += bool(found)
                after += bool(spans)
                if spans and not found:
                    new.update(f"{text} -> {unit[s:e]}" for s, e in spans)
        state = "lemmas" if lang in CASE_FREE_LEMMAS else "as written"
        print(f"{lang} ({state}): {len(texts)} units, {len(queries)} terms; units found "
              f"as written {before}, by lemma {after} (+{after - before})")
        print("  terms: " + "; ".join(queries))
        print("  new matches: " + "; ".join(f"{m} ({n})" for m, n in new.most_common(args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
