#!/usr/bin/env python3
"""Dumps copied from PDF pages: stray lines (page numbers, running heads) glued to a side?

Takes windows of 30 paragraph pairs of the Europarl dev sessions, writes each pair's
running text (numbered or not, as :func:`tmx_export.dump.writer.pair_stream` does) wrapped
at a fixed width with the space at each cut swallowed, as text copied from a PDF page, and
at every page break (35-55 lines, between two paragraphs or inside one) puts one to three
lines of what such a page carries besides its text: its number, the language code, the
Official Journal's running head in either language, a date, the journal's reference, a
footnote mark. Prints, per numbering, the pairs read exactly, the wrong ones, those of
them holding a stray line's text, and the rejects. Run it with ``PYTHONPATH`` set to
another checkout to compare.

    python benchmarks/pdf_strays.py [--dumps 60] [--seed 0] [--shared PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import SHARED, europarl_pairs  # noqa: E402

from tmx_export.dump.reader import read_dump  # noqa: E402
from tmx_export.dump.writer import pair_stream  # noqa: E402
from tmx_export.model import Pair  # noqa: E402

WINDOW = 30


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _strays(rng: random.Random, page: int) -> list[str]:
    """What a page carries besides its text, one to three lines of it."""
    day = f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2000"
    reference = f"C {rng.randint(10, 380)} E/{page}"
    kinds = [str(page), "EN", "FR", "Official Journal of the European Union",
             "Journal officiel de l'Union européenne", day, reference,
             f"{reference} EN Official Journal of the European Union {day}",
             f"{day} FR Journal officiel de l'Union européenne {reference}",
             f"({rng.randint(1, 9)})", "*"]
    return rng.sample(kinds, rng.randint(1, 3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dumps", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    session = [(p.source, p.target) for p in europarl_pairs(args.shared / "data")]
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, str]] = Counter()
    for _ in range(args.dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        numbered = rng.random() < 0.5
        width = rng.randint(60, 100)
        lines: list[str] = []
        for number, (en, fr) in enumerate(window, 1):
            # (at spaces only: a hyphen at a PDF line end is read as hyphenation)
            lines += textwrap.wrap(pair_stream(Pair(en, fr, "en-GB", "fr-FR"), numbered, number),
                                   width, break_on_hyphens=False, break_long_words=False)
        page_lines, out, page, strays = rng.randint(35, 55), [], 1, []
        for at, line in enumerate(lines, 1):
            out.append(line)
            if at % page_lines == 0 and at < len(lines):
                page += 1
                found = _strays(rng, page)
                strays += found
                out += found
        result = read_dump("dump.txt", source_lang="en-GB", target_lang="fr-FR",
                           text="\n".join(out) + "\n")
        expected = {(_norm(en), _norm(fr)) for en, fr in window}
        got = [(_norm(p.source), _norm(p.target)) for p in result.pairs]
        kind = "numbered" if numbered else "unnumbered"
        wrong = [g for g in got if g not in expected]
        counts[(kind, "dumps")] += 1
        counts[(kind, "pairs")] += len(window)
        counts[(kind, "strays")] += len(strays)
        counts[(kind, "exact")] += len(got) - len(wrong)
        counts[(kind, "wrong")] += len(wrong)
        # a wrong unit holding a stray line's text where the expected side does not
        counts[(kind, "with stray")] += sum(
            any(f" {stray} " in f" {side} " and f" {stray} " not in f" {whole} "
                for stray in strays for side, whole in zip(g, _whole(g, window), strict=True))
            for g in wrong)
        counts[(kind, "rejects")] += len(result.rejects)
    print(f"{args.dumps} dumps of {WINDOW} Europarl paragraph pairs laid out as PDF pages "
          f"with stray lines at page breaks (seed {args.seed})")
    print(f"{'numbering':<11} {'dumps':>6} {'pairs':>6} {'strays':>7} {'exact':>6} "
          f"{'wrong':>6} {'w/ stray':>9} {'rejects':>8}")
    for kind in ("numbered", "unnumbered"):
        print(f"{kind:<11} {counts[(kind, 'dumps')]:6} {counts[(kind, 'pairs')]:6} "
              f"{counts[(kind, 'strays')]:7} {counts[(kind, 'exact')]:6} "
              f"{counts[(kind, 'wrong')]:6} {counts[(kind, 'with stray')]:9} "
              f"{counts[(kind, 'rejects')]:8}")
    return 0


def _whole(got: tuple[str, str], window: list[tuple[str, str]]) -> tuple[str, str]:
    """The expected pair nearest a wrong one (sharing its opening), to tell a stray's text
    from the same words in the paragraph itself; empty sides when none."""
    for en, fr in window:
        if _norm(en)[:30] == got[0][:30] or _norm(fr)[:30] == got[1][:30]:
            return _norm(en), _norm(fr)
    return "", ""


if __name__ == "__main__":
    raise SystemExit(main())
