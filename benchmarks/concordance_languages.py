#!/usr/bin/env python3
"""Concordance by lemma beyond English and French: hits of real multi-word terms in the
DGT-TM memory, each word keyed by its folded spelling (as written) and by its folded
lemma (:data:`tmx_export.check.analysis.CASE_FREE_LEMMAS`).

For each language, reads the DGT-TM TMX files (English -> that language, sentence units),
takes its most frequent runs of two content words (no stop word of the term extractor's,
four letters or more, no digit) as the terms, searches each in the target texts keyed
both ways, and prints the units found each way and, for a look by eye, the words each
new hit matched (the false matches to look for: a lemma shared by unrelated words).

    python benchmarks/concordance_languages.py [--tmx-dir DIR] [--terms N] [LANG...]

With ``--speed``, times instead a query through the index in each language (its most
frequent term; English as the source of the English-French memory), each run a fresh
process as at the command line (median of ``--repeat``, after one run that fills the
caches): before, the query's words lemmatised with the dictionary loaded whole (as
indexing does), and now, looked up in the dictionary's file (``terms.lemmas``, on_disk).

    python benchmarks/concordance_languages.py --speed [--repeat R] [LANG...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

import _process  # beside this script

from tmx_export.check.analysis import CASE_FREE_LEMMAS, Analyser, fold
from tmx_export.check.concordance import Query
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


SPEED_LANGS = "fi pl hu de cs en fr".split()

# One query through the index in a process of its own; "before" makes the query's
# analysers read the dictionaries loaded whole, as they did before on_disk.
QUERY = r"""
import sys, time
started = time.perf_counter()
mode, index, lang, side, query, *files = sys.argv[1:]
from tmx_export.terms import lemmas
if mode == "before":
    lemmas._TABLES = lemmas._DICTIONARIES
    lemmas._LOOKUP[True] = lemmas._LOOKUP[False]
from tmx_export.check.concordance import concordance
found = list(concordance(files, query, source_lang="en-GB", target_lang=lang, side=side,
                         index=index))
print(len(found), time.perf_counter() - started)
"""


def speed(files: list[str], langs: list[str], repeat: int) -> None:
    """Indexed query times per language, before and now, side by side."""
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f"; {os.cpu_count()} cores")
    print(f"{'lang':<5} {'query':<28} {'hits':>5} {'before s':>9} {'MB':>5} "
          f"{'now s':>7} {'MB':>5}")
    with tempfile.TemporaryDirectory() as scratch:
        for lang in langs:
            target, side = ("fr", "source") if lang == "en" else (lang, "target")
            texts = [getattr(u, side) for u in stream_units(
                files, source_lang="en-GB", target_lang=target, renumber=False, clean=None,
                dedupe="none", allow_empty=True, segment="sentence")]
            query = terms(texts, lang, 1)[0]
            index = str(Path(scratch) / f"{target}.db")
            row: dict[str, tuple[str, float, float]] = {}
            for mode in ("before", "now"):
                command = [sys.executable, "-c", QUERY, mode, index, target, side, query,
                           *files]
                _process.measure(command)  # builds the index, fills the caches
                runs = [_process.measure(command) for _ in range(repeat)]
                hits = runs[0].stdout.split()[0].decode()
                row[mode] = (hits, statistics.median(r.wall for r in runs),
                             max(r.peak_mb for r in runs))
            assert row["before"][0] == row["now"][0], (lang, row)  # the same hits
            print(f"{lang:<5} {query[:28]:<28} {row['now'][0]:>5} {row['before'][1]:>9.2f} "
                  f"{row['before'][2]:>5.0f} {row['now'][1]:>7.2f} {row['now'][2]:>5.0f}")
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("langs", nargs="*")
    parser.add_argument("--tmx-dir", type=Path, default=SHARED / "data" / "dgt-tm" / "tmx")
    parser.add_argument("--terms", type=int, default=25)
    parser.add_argument("--show", type=int, default=20, help="new matches shown a language")
    parser.add_argument("--speed", action="store_true",
                        help="time a query through the index in each language instead")
    parser.add_argument("--repeat", type=int, default=3, help="runs a query (--speed)")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.tmx_dir.glob("*.tmx"))
    if not files:
        print(f"no TMX in {args.tmx_dir}", file=sys.stderr)
        return 2
    if args.speed:
        speed(files, args.langs or SPEED_LANGS, args.repeat)
        return 0
    english = Analyser("en")
    for lang in args.langs or LANGS:
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
