#!/usr/bin/env python3
"""Dumps copied from PDF pages: stray lines (page numbers, running heads) glued to a side?

Takes windows of 30 paragraph pairs of the Europarl dev sessions, writes each pair's
running text (numbered or not, as :func:`tmx_export.dump.writer.pair_stream` does) wrapped
at a fixed width with the space at each cut swallowed, as text copied from a PDF page, and
at every page break (35-55 lines, between two paragraphs or inside one) puts one to three
lines of what such a page carries besides its text: its number, the language code, the
Official Journal's running head in either language, a date, the journal's reference, a
footnote mark. Prints, per numbering, the pairs read exactly, the wrong ones, those of
them holding a stray line's text, and the rejects. A second table lays the numbered
paragraphs out as a resolution's PDF does, each side starting a line of its own with its
number, and puts every page break before a numbered paragraph's line (its English or its
French), the page's number first among the strays ("7" / "8. Calls on ..."). A third
prints a running head of the dump's own at every page break, as a report's or a
committee's PDF does ("European Parliament resolution on the situation of the regions",
"Committee on Regional Policy"), with the page's number or without it, and puts the same
words once in the text as a heading pair of lines ("Committee on Regional Policy" /
"Commission de la politique régionale"), which must stay a pair. Run it with
``PYTHONPATH`` set to another checkout to compare.

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
from tmx_export.model import Pair, ReadResult  # noqa: E402

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
        result, got, wrong = _read_back(out, window)
        kind = "numbered" if numbered else "unnumbered"
        counts[(kind, "dumps")] += 1
        counts[(kind, "pairs")] += len(window)
        counts[(kind, "strays")] += len(strays)
        counts[(kind, "exact")] += len(got) - len(wrong)
        counts[(kind, "wrong")] += len(wrong)
        counts[(kind, "with stray")] += _with_stray(wrong, strays, window)
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
    _paragraph_pages(session, args.dumps, args.seed)
    _running_heads(session, args.dumps, args.seed)
    return 0


# running heads of a report's or a committee's pages, each with its French for a heading
# pair of the text
RUNNING_HEADS = [
    ("European Parliament resolution on the situation of the regions",
     "Résolution du Parlement européen sur la situation des régions"),
    ("Committee on Regional Policy", "Commission de la politique régionale"),
    ("Report on the transport of dangerous goods by road",
     "Rapport sur le transport de marchandises dangereuses par route"),
]


def _running_heads(session: list[tuple[str, str]], dumps: int, seed: int) -> None:
    """The third table: a running head at every page break, its words once a heading pair
    of the text."""
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    for _ in range(dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        head, french = rng.choice(RUNNING_HEADS)
        at = rng.randrange(WINDOW)
        window = [*window[:at], (head, french), *window[at:]]
        numbered = rng.random() < 0.5
        numbers = rng.random() < 0.5  # the page's number beside the head
        width = rng.randint(60, 100)
        lines: list[str] = []
        for number, (en, fr) in enumerate(window, 1):
            if (en, fr) == (head, french):
                lines += [en, fr]  # (a heading pair of lines: no number)
                continue
            lines += textwrap.wrap(pair_stream(Pair(en, fr, "en-GB", "fr-FR"), numbered,
                                              number), width, break_on_hyphens=False,
                                   break_long_words=False)
        page_lines, out, page = rng.randint(35, 55), [], 1
        for line_at, line in enumerate(lines, 1):
            out.append(line)
            if line_at % page_lines == 0 and line_at < len(lines):
                page += 1
                out += [head, str(page)] if numbers else [head]
                counts["heads"] += 1
        result, got, wrong = _read_back(out, window)
        counts["dumps"] += 1
        counts["pairs"] += len(window)
        counts["exact"] += len(got) - len(wrong)
        counts["wrong"] += len(wrong)
        counts["with head"] += sum(head in g[0] for g in wrong)
        counts["heading pair"] += (_norm(head), _norm(french)) in got
        counts["rejects"] += len(result.rejects)
        counts["as page"] += sum(r.reason == "page header or footer" and r.text == head
                                 for r in result.rejects)
    print(f"{dumps} dumps of {WINDOW} Europarl paragraph pairs and a heading pair, a running "
          f"head at every page break (seed {seed})")
    print(f"{'dumps':>6} {'pairs':>6} {'heads':>6} {'exact':>6} {'wrong':>6} {'w/ head':>8} "
          f"{'heading pair':>13} {'rejects':>8} {'as page':>8}")
    print(f"{counts['dumps']:6} {counts['pairs']:6} {counts['heads']:6} {counts['exact']:6} "
          f"{counts['wrong']:6} {counts['with head']:8} {counts['heading pair']:13} "
          f"{counts['rejects']:8} {counts['as page']:8}")


def _paragraph_pages(session: list[tuple[str, str]], dumps: int, seed: int) -> None:
    """The second table: numbered sides on lines of their own, each page breaking before a
    numbered paragraph's line, its number and maybe more strays there."""
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    for _ in range(dumps):
        start = rng.randrange(len(session) - WINDOW)
        window = session[start:start + WINDOW]
        width = rng.randint(60, 100)
        lines: list[str] = []
        opening: list[int] = []  # the lines a numbered side opens
        for number, (en, fr) in enumerate(window, 1):
            for side in (en, fr):
                opening.append(len(lines))
                lines += textwrap.wrap(f"{number}. {side}", width, break_on_hyphens=False,
                                       break_long_words=False)
        page_lines, out, page, strays, last = rng.randint(35, 55), [], 1, [], 0
        for at, line in enumerate(lines):
            if at in opening and at - last >= page_lines:
                page, last = page + 1, at
                found = [str(page), *_strays(rng, page)[:rng.randint(0, 2)]]
                strays += found
                out += found
            out.append(line)
        result, got, wrong = _read_back(out, window)
        counts["dumps"] += 1
        counts["pairs"] += len(window)
        counts["strays"] += len(strays)
        counts["exact"] += len(got) - len(wrong)
        counts["wrong"] += len(wrong)
        counts["with stray"] += _with_stray(wrong, strays, window)
        counts["rejects"] += len(result.rejects)
        counts["page rejects"] += sum(r.reason == "page header or footer"
                                      for r in result.rejects)
    print(f"{dumps} dumps of {WINDOW} numbered Europarl paragraph pairs, each side opening a "
          f"line, every page breaking before a numbered paragraph (seed {seed})")
    print(f"{'dumps':>6} {'pairs':>6} {'strays':>7} {'exact':>6} {'wrong':>6} {'w/ stray':>9} "
          f"{'rejects':>8} {'as page':>8}")
    print(f"{counts['dumps']:6} {counts['pairs']:6} {counts['strays']:7} {counts['exact']:6} "
          f"{counts['wrong']:6} {counts['with stray']:9} {counts['rejects']:8} "
          f"{counts['page rejects']:8}")


def _read_back(lines: list[str], window: list[tuple[str, str]]
               ) -> tuple[ReadResult, list[tuple[str, str]], list[tuple[str, str]]]:
    """The dump of ``lines`` read: the result, its pairs normalised, and those of them that
    are no pair of ``window``."""
    result = read_dump("dump.txt", source_lang="en-GB", target_lang="fr-FR",
                       text="\n".join(lines) + "\n")
    expected = {(_norm(en), _norm(fr)) for en, fr in window}
    got = [(_norm(p.source), _norm(p.target)) for p in result.pairs]
    return result, got, [g for g in got if g not in expected]


def _with_stray(wrong: list[tuple[str, str]], strays: list[str],
                window: list[tuple[str, str]]) -> int:
    """How many ``wrong`` units hold a stray line's text where the expected side does not."""
    return sum(any(f" {stray} " in f" {side} " and f" {stray} " not in f" {whole} "
                   for stray in strays for side, whole in zip(g, _whole(g, window), strict=True))
               for g in wrong)


def _whole(got: tuple[str, str], window: list[tuple[str, str]]) -> tuple[str, str]:
    """The expected pair nearest a wrong one (sharing its opening), to tell a stray's text
    from the same words in the paragraph itself; empty sides when none."""
    for en, fr in window:
        if _norm(en)[:30] == got[0][:30] or _norm(fr)[:30] == got[1][:30]:
            return _norm(en), _norm(fr)
    return "", ""


if __name__ == "__main__":
    raise SystemExit(main())
