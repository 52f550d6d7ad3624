"""What the checks of one unit ask of a text: whether it is blank, its spaces made plain
or collapsed, its words and digits, its language's primary subtag (asked for every unit,
so remembered); and a text written decomposed (NFD) composed, with where each character
came from (:func:`composed_with_origin`: the concordance's words, the report's marks)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from ..lang import primary

WORD_RE = re.compile(r"[^\W\d_]+")
DIGIT_RE = re.compile(r"\d")
# What str.isspace() misses but a target made of it is still empty.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


# A memory has a handful of language tags and every check asks for their primary subtag.
primary_of = lru_cache(maxsize=64)(primary)


def blank(text: str) -> bool:
    """Whether ``text`` is empty, white space or invisible characters only."""
    return not text.strip().strip(INVISIBLE).strip()


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``; most texts need no change, and are told at C speed:
    printable text (no white space but U+0020 is) without two spaces in a row or a space
    at either end."""
    if (text.isprintable() and "  " not in text and not text.startswith(" ")
            and not text.endswith(" ")):
        return text
    return " ".join(text.split())


def plain_spaces(text: str) -> str:
    """``text`` with its no-break spaces (U+00A0, U+202F) all U+0020."""
    if "\u00a0" in text or "\u202f" in text:
        return text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


class Joined:
    """Texts joined by line breaks, to tell in C which of them hold something: one search
    a text that holds it, rather than a call or two a text. What is looked for must not
    hold a line break, nor match across one (a character class, or substrings)."""

    __slots__ = ("text", "starts", "count")

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = "\n".join(texts)
        # where each text after the first begins: a match at an offset is in the text
        # whose range holds it
        self.starts = list(accumulate(len(text) + 1 for text in texts))
        self.count = len(texts)

    def matching(self, pattern: re.Pattern[str], found: set[int] | None = None) -> set[int]:
        """The indices of the texts ``pattern`` finds something in (added to ``found``).
        The regular expression engine scans fast for one character class; a pattern of
        alternatives, tried at every position, is slower than ``in`` tests of each text:
        :meth:`holding` is for those."""
        found = set() if found is None else found
        text, starts, last = self.text, self.starts, self.count - 1
        match = pattern.search(text)
        while match is not None:
            index = bisect_right(starts, match.start())
            found.add(index)
            if index >= last:
                break
            match = pattern.search(text, starts[index])  # the next text's first match
        return found

    def holding(self, needles: Iterable[str], found: set[int] | None = None, *,
                plain: bool = False) -> set[int]:
        """The indices of the texts that hold one of ``needles`` (added to ``found``); with
        ``plain``, once their spaces are all U+0020 (:func:`plain_spaces`)."""
        found = set() if found is None else found
        text, starts, last = self.text, self.starts, self.count - 1
        if plain:
            text = plain_spaces(text)  # (the same length: the offsets stay)
        for needle in needles:
            at = text.find(needle)
            while at >= 0:
                index = bisect_right(starts, at)
                found.add(index)
                if index >= last:
                    break
                at = text.find(needle, starts[index])  # the next text's first one
        return found


def composed_with_origin(run: str) -> tuple[str, list[int]]:
    """``run`` composed (NFC), each base character with the combining marks after it, and
    for each offset of the composed text (its end too) the offset in ``run``: a word
    composed ends where its last mark ends in ``run``."""
    pieces: list[str] = []
    origin: list[int] = []
    start = 0
    for at in range(1, len(run) + 1):
        if at == len(run) or not unicodedata.combining(run[at]):
            piece = unicodedata.normalize("NFC", run[start:at])
            pieces.append(piece)
            # a mark that does not compose stays a character of its own, at its place
            origin.extend(min(start + k, at - 1) if k else start for k in range(len(piece)))
            start = at
    origin.append(len(run))
    return "".join(pieces), origin
