"""Lexical anchors: what a sentence and its translation visibly share.

None of it needs a model download: numbers, "?" and "!", quotes, capitalised names and
cognates (words that begin with the same four letters once accents and case are removed:
"Commission"/"commission", "industrial"/"industrielle"), and the glossary's term pairs when
one is given. This is the per-sentence reading, for paragraph pairs; a whole text is read at
once by :mod:`.align_anchors`, which finds the same anchors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_ANCHOR = re.compile(r"\b[^\W\d_]{4}|\d+(?:\.\d+)*|[?!\"]")
# A number grouped by spaces, no-break spaces or thin spaces ("1 000 000", French and SI
# style) is the number written "1,000,000" or "1.000.000" elsewhere: its groups are joined
# by points before anchors are read, so that all three spellings give the one anchor
# "1.000.000". A group is exactly three digits (ASCII) after a first group of one to three;
# :func:`.align_anchors._group_spaces` finds the same spaces for a whole text at once.
GROUP_SPACES = " \u00a0\u2009\u202f"
_GROUPED_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,3}(?:[" + GROUP_SPACES + r"][0-9]{3})+(?![0-9])")
_GROUP_HINT = re.compile(r"[0-9][" + GROUP_SPACES + r"][0-9]")  # (a faster test first)
_GROUP_POINTS = str.maketrans(GROUP_SPACES, "." * len(GROUP_SPACES))
_NORMALISE = str.maketrans(
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ«»“”,\u037e",
    "aaaaaaceeeeiiiinooooouuuuyyoa\"\"\"\".?",
)
# Greek writes its question mark as ";" (U+037E, which NFC makes U+003B; its semicolon is
# the raised point "·"): a ";" in a sentence in Greek letters is the "?" of its translation.
_GREEK_LETTER = re.compile(r"[\u0386-\u03ff\u1f00-\u1fff]")


def composed(text: str) -> str:
    """``text`` composed (NFC), as the aligner reads it: an accent written as a combining
    mark (NFD, "e" + U+0301, as macOS and some CAT tools write it) is then one character
    with its letter, so that the lengths and anchors deciding an alignment are the same
    whichever form a file is written in. Only for measuring: units keep the text as
    written."""
    # (normalize returns an NFC string itself, after a quick check)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def text_length(text: str) -> int:
    """The length of ``text`` as the length model counts it: in characters once composed
    (:func:`composed`), so that "législature" is 11 written either way."""
    return len(text) if text.isascii() else len(unicodedata.normalize("NFC", text))


def _greek_question(text: str) -> bool:
    """Does ``text`` ask a question the Greek way, with ";"?"""
    # (isascii() is a flag of the string, read at once: most texts are done with there)
    return ";" in text and not text.isascii() and _GREEK_LETTER.search(text) is not None


def _join_groups(text: str) -> str:
    """``text`` with the spaces inside grouped numbers made points ("1 000" -> "1.000"):
    the same length, so that offsets into it are offsets into ``text``."""
    if not _GROUP_HINT.search(text):
        return text
    return _GROUPED_NUMBER.sub(lambda m: m.group().translate(_GROUP_POINTS), text)


class Glossary:
    """Term pairs that count as anchors when both terms occur in a bead.

    Terms are matched case-insensitively as whole words; multi-word terms are fine.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._source: dict[str, set[str]] = {}
        self._target: dict[str, set[str]] = {}
        for number, (src, tgt) in enumerate(pairs):
            key = f"g{number}"
            # composed, as the texts they are looked for in (see keys)
            self._source.setdefault(composed(src.strip().lower()), set()).add(key)
            self._target.setdefault(composed(tgt.strip().lower()), set()).add(key)
        self._source_re = self._pattern(self._source)
        self._target_re = self._pattern(self._target)

    @staticmethod
    def _pattern(terms: dict[str, set[str]]) -> re.Pattern[str] | None:
        words = sorted((t for t in terms if t), key=len, reverse=True)
        if not words:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    def keys(self, text: str, target: bool) -> set[str]:
        pattern = self._target_re if target else self._source_re
        if pattern is None:
            return set()
        terms = self._target if target else self._source
        out: set[str] = set()
        for term in pattern.findall(composed(text.lower())):
            out |= terms[term]
        return out


def sentence_features(text: str, glossary: Glossary | None = None, *,
                      target: bool = False) -> frozenset[str]:
    """The anchors of one sentence: keys that a translation is likely to share."""
    # What _ANCHOR finds in the text lower-cased, with accents removed, quotes unified and
    # decimal commas and the spaces of grouped numbers made points: numbers ("1.5",
    # "1.000" for "1,000" and "1 000"), "?" (and Greek's ";"), "!", '"', and the first four
    # letters of longer words, which catch names and cognates ("parliament"/"parlement",
    # "industrial"/"industrielle"). _read_anchors finds them faster.
    keys = _read_anchors(text)
    if glossary is not None:
        keys |= glossary.keys(text, target)
    return frozenset(keys)


# _ANCHOR run over every character of every sentence is the slowest part of aligning a
# paragraph pair. The anchors but "?", "!" and '"' hold only word characters, points and
# commas (and non-ASCII quotes), so the text is cut, at C speed, at the other ASCII
# characters, and each piece is read by _ANCHOR itself, once: a piece and its anchors are
# kept in a cache (most pieces are words that come back again and again).
_PIECE_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,")
_CUT = bytes(b if b in _PIECE_CHARS or b >= 0x80 else 0x20 for b in range(256))
_PIECES_KEPT = 1 << 16  # pieces the cache holds before it starts again


class _PieceAnchors(dict[bytes, str]):
    """A piece of lower-cased text (UTF-8) -> the anchor _ANCHOR finds in it: "" for none,
    and the few pieces with several ("l’union’s", "a1b2") hold them joined by _SEVERAL. One
    string a piece, so that a sentence's pieces are looked up at C speed."""

    def __missing__(self, piece: bytes) -> str:
        anchors = set(_ANCHOR.findall(piece.decode("utf-8").translate(_NORMALISE)))
        value = self[piece] = _SEVERAL.join(sorted(anchors))
        return value


_SEVERAL = "\x00"  # (an ASCII character that no piece holds)
_PIECE_ANCHORS = _PieceAnchors()


def _read_anchors(text: str) -> set[str]:
    """The keys _ANCHOR finds in ``text`` lower-cased and normalised, read piece by piece
    (see above): the same keys, as no anchor spans two pieces. ``text`` is read composed
    (:func:`composed`): "le\u0301gislature" gives the cognate "legi" as "législature" does."""
    cache = _PIECE_ANCHORS
    if len(cache) >= _PIECES_KEPT:
        cache.clear()
    low = composed(text).lower()
    encoded = low.encode("utf-8")
    # (byte searches, each a memchr: most sentences hold no digit, and no Greek letter)
    if encoded.translate(None, _NOT_DIGITS):
        joined = _join_groups(low)
        if joined is not low:
            low, encoded = joined, joined.encode("utf-8")
    keys = set(map(cache.__getitem__, encoded.translate(_CUT).split()))
    if _SEVERAL in "".join(keys):
        for several in [key for key in keys if _SEVERAL in key]:
            keys.remove(several)
            keys.update(several.split(_SEVERAL))
    keys.discard("")
    if "?" in low:
        keys.add("?")
    if "!" in low:
        keys.add("!")
    if '"' in low:
        keys.add('"')
    # (Greek letters are U+0370-U+03FF, their UTF-8 led by the byte CE or CF; the
    # polytonic ones of U+1F00-U+1FFF, not written in EU texts, stand beside those)
    if b";" in encoded and (b"\xce" in encoded or b"\xcf" in encoded) \
            and _greek_question(low):
        keys.add("?")
    return keys


_NOT_DIGITS = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)


_FUNCTION_PREFIXES = frozenset(
    # Four-letter prefixes of frequent function words, which match by chance across EN/FR
    # ("this"/"thi-", "avec", "pour", "dans", "that", "with", "have", "être"...).
    "that this with have from they them were been what when will would your which their "
    "there these those into only also some such than then very more most much over upon "
    "pour dans avec elle elles nous vous sont etre cette mais plus tout tous bien "
    "leur fait faire sans sous quel ains deja".split()
)


def _features(text: str, glossary: Glossary | None, target: bool) -> frozenset[str]:
    """sentence_features less the function words' prefixes: the anchors the aligner uses."""
    keys = _read_anchors(text)
    if glossary is not None:
        keys |= glossary.keys(text, target)
    keys -= _FUNCTION_PREFIXES
    return frozenset(keys)
