"""Pair: what both searches read a side's text with, numbered and unnumbered dumps alike:
the numbers written in it, the marks that open a quotation or a list item, how far a name
may lean, where side B starts before its first word, and the white space a side keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_pattern

if TYPE_CHECKING:
    pass


# One letter between quotes or brackets is a label, not a word: "type ’A’", "«A»", "(b)".
# Scored as the word it spells, "A" leans to French ("a", has) or English, and takes the
# split with it ("Trennflächen vom Typ | ’A’, cloisonnements de type «A»").
QUOTED_LETTER = r"[(\[«“‘„‚”»’\"'][^\W\d_][)\]«“‘„‚”»’\"']"
SPLIT_PUNCT = frozenset(".!?:;)]\"»”…")
# Finnish and Swedish open a quote with ” (and close it so), Danish and German with »
OPENERS = "([«“‘„‚”»’\"'¿¡"


# What opens a list item: a dash, or a label, each language writing its own brackets
# ("(b)" / "b)", "(iv)" / "iv)"); the label's letters are group 2.
ITEM_MARK = r"(?:[\u2013\u2014-]|\(?([a-z]{1,2}|[ivx]{1,5})\)) "
ITEM_LEAD_RE = lazy_pattern(ITEM_MARK)
NAME_LEAN = 1.5  # at most: "SOLAS" in capitals, scored as half the Spanish "solas"
# numbers, Roman ones too (well formed: "IV", "XII", not the Italian article "IL")
DIGITS_RE = lazy_pattern(r"\d+")
ROMAN_RE = lazy_pattern(r"(?<![\w-])(?=[IVXL]{2})(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])")
_ROMAN_RUN_RE = lazy_pattern(r"[IVXL]{2,}")  # where a Roman number may start: a run's start


def written_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The numbers between ``start`` and ``end`` as (offset, text), in order: runs of digits,
    and well-formed Roman numbers standing alone. As one regular expression with two
    branches (``\\d+|(?<![\\w-])...``) this tried the lookbehind at every character; the
    Roman branch only ever starts a run of its letters, so only those are tried: the same
    numbers, a quarter of the time."""
    end = len(text) if end is None else end
    found = [(m.start(), m.group()) for m in DIGITS_RE.finditer(text, start, end)]
    roman = [(m.start(), m.group()) for run in _ROMAN_RUN_RE.finditer(text, start, end)
             if (m := ROMAN_RE.match(text, run.start(), end))]
    if roman:
        found = sorted(found + roman)
    return found


def gap_cut(text: str, token_start: int) -> int:
    """Where side B starts when its first word is at ``token_start``: after the last
    space before it, so opening quotes and brackets go with B."""
    j = token_start
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return j if j > 0 else token_start


# The white space a side's text never keeps as written: a run of spaces, tabs or what is
# left of line breaks is one space. No-break spaces ("10\u00a0000", "déclare\u202f:") and
# the other typographic spaces are written on purpose and CAT tools match on them: they
# stay as the input has them (str.split would make each of them a space).
_COLLAPSED_SPACE_RE = lazy_pattern("[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")


def tidy(text: str) -> str:
    """``text`` with its runs of ordinary white space one space, and no padding."""
    if "  " not in text and text.isprintable():
        # the usual side: single spaces only (every other character of the class is a
        # control or a separator, none printable), which the substitution would replace
        # one by one with themselves
        return text.strip()
    return _COLLAPSED_SPACE_RE.sub(" ", text).strip()
