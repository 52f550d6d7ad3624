"""What the checks of one unit ask of a text: whether it is blank, its spaces made plain
or collapsed, its words and digits, its language's primary subtag (asked for every unit,
so remembered)."""

from __future__ import annotations

import re
from functools import lru_cache

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
