#!/usr/bin/env python3
"""Unnumbered dumps with a paragraph whose translation is missing: rejected, or merged?

Takes windows of 30 paragraph pairs of the Europarl dev session of 17 January 2000, leaves
out the translation of one (English or French, at random), writes the rest as a dump in a
drawn cut style with the lone paragraph on its own line, and reads it back. Prints, per
side left out, the pairs read exactly, the wrong ones (written, but no pair of the
window: the lone paragraph merged into a neighbour's side) and the rejects. Run it with
``PYTHONPATH`` set to another checkout to compare.

A second table does the same with a paragraph of the session outside the window (a
heading, a closing line: 200 characters at most), in English or French, alone on the dump's
first line before the first pair: it has no translation there and should be a reject. A
third puts it on a line of its own between two pairs of the window. A fourth puts a heading
of the session (a paragraph of 80 characters at most that ends no sentence: "Agenda",
"Transport of dangerous goods by road") before the first pair or between two, in the
language of the side after it, in dumps written English or French first and cut PDF-style
(the space at each cut swallowed) at random widths.

    python benchmarks/unpaired_paragraphs.py [--dumps 80] [--seed 0] [--shared PATH]
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from collections import Counter
from pathlib import Path

from tmx_export.dump import CUT_STYLES, format_dump
from tmx_export.dump.reader import read_dump
from tmx_export.model import Pair

SHARED = Path(__file__).resolve().parents[2] / "shared"
WINDOW = 30
LEADING_CHARS = 200  # the longest paragraph put alone before the first pair


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dumps", type=int, default=80)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    folder = args.shared / "data" / "europarl-dev"
    sides = [[p.strip() for p in (folder / f"ep-00-01-17.{lang}.txt").read_text(
        encoding="utf-8").split("\n\n") if p.strip()] for lang in ("en", "fr")]
    session = list(zip(*sides, strict=True))
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, str]] = Counter()
    for number in range(args.dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        left_out = rng.randrange(1, WINDOW - 1)
        missing = rng.choice(["fr", "en"])
        alone = window[left_out][0 if missing == "fr" else 1]
        pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in window]
        style = rng.choice(CUT_STYLES)
        text = (format_dump(pairs[:left_out], style=style, numbered=False, seed=number)
                + alone + "\n"
                + format_dump(pairs[left_out + 1:], style=style, numbered=False,
                              seed=number + 1))
        _count(counts, missing, text, window)
    print(f"{args.dumps} dumps of {WINDOW} Europarl paragraph pairs, one translation left out "
          f"(seed {args.seed})")
    _table("left out", counts)
    _leading(session, args.dumps, args.seed, between=False)
    _leading(session, args.dumps, args.seed, between=True)
    _headings(session, args.dumps, args.seed)
    return 0


def _count(counts: Counter[tuple[str, str]], row: str, text: str,
           window: list[tuple[str, str]]) -> None:
    """Read the dump ``text`` and add its pairs, exact (a pair of ``window``) or wrong, and
    its rejects to ``counts``' ``row``."""
    result = read_dump("dump.txt", source_lang="en-GB", target_lang="fr-FR", text=text)
    expected = {(_norm(en), _norm(fr)) for en, fr in window}
    got = [(_norm(p.source), _norm(p.target)) for p in result.pairs]
    counts[(row, "dumps")] += 1
    counts[(row, "exact")] += sum(g in expected for g in got)
    counts[(row, "wrong")] += sum(g not in expected for g in got)
    counts[(row, "rejects")] += len(result.rejects)


def _table(head: str, counts: Counter[tuple[str, str]]) -> None:
    print(f"{head:<10} {'dumps':>6} {'exact':>6} {'wrong':>6} {'rejects':>8}")
    for missing in ("fr", "en"):
        print(f"{missing:<10} {counts[(missing, 'dumps')]:6} {counts[(missing, 'exact')]:6} "
              f"{counts[(missing, 'wrong')]:6} {counts[(missing, 'rejects')]:8}")


def _leading(session: list[tuple[str, str]], dumps: int, seed: int, between: bool) -> None:
    """The second table: a lone paragraph before the first pair (the third: between two
    pairs)."""
    rng = random.Random(seed)
    counts: Counter[tuple[str, str]] = Counter()
    for number in range(dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        outside = [pair for at, pair in enumerate(session)
                   if not start <= at < start + WINDOW and len(pair[0]) <= LEADING_CHARS]
        lang = rng.choice(["en", "fr"])
        alone = rng.choice(outside)[0 if lang == "en" else 1]
        pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in window]
        style = rng.choice(CUT_STYLES)
        at = rng.randrange(1, WINDOW - 1) if between else 0
        text = (format_dump(pairs[:at], style=style, numbered=False, seed=number) if at
                else "") + alone + "\n" + format_dump(pairs[at:], style=style,
                                                      numbered=False, seed=number)
        _count(counts, lang, text, window)
    where = "between two of" if between else "before"
    print(f"{dumps} dumps of {WINDOW} Europarl paragraph pairs, a lone paragraph of "
          f"{LEADING_CHARS} characters at most {where} them (seed {seed})")
    _table("lone", counts)


HEADING_CHARS = 80  # the longest paragraph that ends no sentence taken for a heading


def _headings(session: list[tuple[str, str]], dumps: int, seed: int) -> None:
    """The fourth table: a heading in side A's language before a pair (the dump's first or
    another), PDF-style cuts at random widths; rows by the language written first."""
    headings = [pair for pair in session
                if len(pair[0]) <= HEADING_CHARS and pair[0][-1] not in ".!?)"]
    rng = random.Random(seed)
    counts: Counter[tuple[str, str]] = Counter()
    for number in range(dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        first = rng.choice(["en", "fr"])
        heading = rng.choice(headings)[0 if first == "en" else 1]
        pairs = [Pair(en, fr, "en-GB", "fr-FR") if first == "en" else
                 Pair(fr, en, "fr-FR", "en-GB") for en, fr in window]
        at = rng.randrange(0, WINDOW - 1)
        text = (format_dump(pairs[:at], style="space-consumed", numbered=False, seed=number)
                if at else "") + heading + "\n" + format_dump(
            pairs[at:], style="space-consumed", numbered=False, seed=number + 1)
        _count(counts, first, text, window)
    print(f"{dumps} dumps of {WINDOW} Europarl paragraph pairs cut PDF-style at random widths, "
          f"a heading of {HEADING_CHARS} characters at most before one, in its side A's "
          f"language (seed {seed})")
    print(f"{'first':<10} {'dumps':>6} {'exact':>6} {'wrong':>6} {'rejects':>8}")
    for first in ("en", "fr"):
        print(f"{first:<10} {counts[(first, 'dumps')]:6} {counts[(first, 'exact')]:6} "
              f"{counts[(first, 'wrong')]:6} {counts[(first, 'rejects')]:8}")


if __name__ == "__main__":
    raise SystemExit(main())
