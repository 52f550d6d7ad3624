#!/usr/bin/env python3
"""Dumps in other EU language pairs, with known answers, read back: how many pairs come out
exactly?

The paragraph pairs come from the five multilingual DGT-TM TMX files (24 languages, up to
24 ``tuv`` per unit): for each language pair asked, the units that have both languages.
Each pair's dumps are written by :func:`tmx_export.dump.format_dump` (the seed's layout)
in the three cut styles, numbered and unnumbered, and read back by
:func:`tmx_export.dump.reader.read_dump`. Per dump it prints the pairs expected, those
recovered exactly (both texts, NFC, white space collapsed), the wrong ones (pairs written
that are no pair of the file: units a translator would be offered), the rejects, and the
first misses with the reason.

Which units count as paragraph pairs: both sides with at least ``--min-words`` words, not
the same text, and each side identified by py3langid, asked which of the two languages it
is in, as its own (the reader does not pair with py3langid, but with word scores). DGT-TM
leaves some units untranslated (an English title in the German column, a French ministry's
name in the English one) or misaligned; such a unit is not a translation, and the reader
rejects it rather than pair it. The units left out are counted and printed, not hidden;
with ``--all`` every unit is used.

    python benchmarks/eu_pairs.py [--pairs en-de de-fr ...] [--show 3] [--all]
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

from tmx_export.dump import CUT_STYLES, format_dump
from tmx_export.dump.reader import read_dump
from tmx_export.formats.tmx import read_tmx
from tmx_export.lang import WORD_RE, classify_many
from tmx_export.model import Pair

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_PAIRS = ("en-de", "de-fr", "es-it", "pl-en", "el-en", "fi-sv")
GOAL = 0.99


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def gold_pairs(folder: Path, source: str, target: str, min_words: int,
               keep_all: bool) -> tuple[list[Pair], int]:
    """The paragraph pairs of ``source`` and ``target`` in the DGT-TM files, numbered in
    order, and how many units with both languages were left out."""
    units = []
    for path in sorted(folder.glob("*.tmx")):
        units += read_tmx(path, source_lang=source, target_lang=target).pairs
    kept = units
    if not keep_all:
        kept = [u for u in units if _norm(u.source) != _norm(u.target)
                and min(len(WORD_RE.findall(u.source)), len(WORD_RE.findall(u.target)))
                >= min_words]
        found = classify_many([u.source for u in kept] + [u.target for u in kept],
                              (source, target)) or []
        sides = len(kept)
        kept = [u for u, (s_lang, _), (t_lang, _) in zip(kept, found[:sides], found[sides:],
                                                          strict=True)
                if s_lang == source and t_lang == target]
    pairs = [Pair(u.source, u.target, source, target, number)
             for number, u in enumerate(kept, 1)]
    return pairs, len(units) - len(kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", nargs="+", default=list(DEFAULT_PAIRS),
                        help="language pairs as SOURCE-TARGET (default: %(default)s)")
    parser.add_argument("--tmx-dir", type=Path, default=SHARED / "data" / "dgt-tm" / "tmx")
    parser.add_argument("--min-words", type=int, default=3)
    parser.add_argument("--all", action="store_true", help="use every unit with both languages")
    parser.add_argument("--show", type=int, default=2, help="misses to print per dump")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.tmx_dir.is_dir():
        print(f"{args.tmx_dir} not found", file=sys.stderr)
        return 2
    print(f"{'pair':6} {'style':15} {'numbering':10} {'pairs':>5} {'exact':>5} "
          f"{'share':>6} {'wrong':>5} {'rejects':>7} {'s':>5}")
    worst = 1.0
    totals: dict[str, tuple[int, int, int]] = {}
    for language_pair in args.pairs:
        source, target = language_pair.split("-")
        pairs, left_out = gold_pairs(args.tmx_dir, source, target, args.min_words, args.all)
        want = [(_norm(p.source), _norm(p.target)) for p in pairs]
        expected = set(want)
        for style in CUT_STYLES:
            for numbered in (True, False):
                text = format_dump(pairs, style=style, numbered=numbered, seed=args.seed)
                started = time.perf_counter()
                result = read_dump(f"{language_pair}.txt", source_lang=source,
                                   target_lang=target, text=text)
                seconds = time.perf_counter() - started
                written = [(_norm(p.source), _norm(p.target)) for p in result.pairs]
                got = set(written)
                exact = sum(1 for w in want if w in got)
                # written but no pair of the file: a unit a translator would be offered
                wrong = sum(1 for w in written if w not in expected)
                share = exact / len(want) if want else 1.0
                worst = min(worst, share)
                done, asked, bad = totals.get(language_pair, (0, 0, 0))
                totals[language_pair] = (done + exact, asked + len(want), bad + wrong)
                print(f"{language_pair:6} {style:15} {'numbered' if numbered else 'unnumbered':10}"
                      f" {len(want):5} {exact:5} {share:6.1%} {wrong:5} {len(result.rejects):7} "
                      f"{seconds:5.2f}")
                misses = [p for p, w in zip(pairs, want, strict=True) if w not in got]
                for pair in misses[:args.show]:
                    print(f"    miss #{pair.number}: {pair.source[:70]!r} | {pair.target[:70]!r}")
                for reject in result.rejects[:args.show]:
                    print(f"    reject line {reject.line}: {reject.reason}")
        print(f"{language_pair}: {len(pairs)} pairs; {left_out} units with both languages left "
              "out (untranslated, too short or not identified as their language)")
    print("per pair of languages, its six dumps together:")
    for language_pair, (done, asked, bad) in totals.items():
        share = done / asked if asked else 1.0
        print(f"  {language_pair:6} {done:5} of {asked:5} exact {share:6.1%}, {bad:3} wrong"
              f"{'' if share >= GOAL else '  (under the goal)'}")
    print(f"worst single dump: {worst:.1%} (goal: {GOAL:.0%} per pair of languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
