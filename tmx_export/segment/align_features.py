"""Lexical anchors: what a sentence and its translation visibly share.

None of it needs a model download: numbers, "?" and "!", quotes, capitalised names and
cognates (words that begin with the same four letters once accents and case are removed:
"Commission"/"commission", "industrial"/"industrielle"), and the glossary's term pairs when
one is given. This is the per-sentence reading, for paragraph pairs; a whole text is read at
once by :mod:`.align_anchors`, which finds the same anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ANCHOR = re.compile(r"\b[^\W\d_]{4}|\d+(?:\.\d+)*|[?!\"]")
_NORMALISE = str.maketrans(
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ«»“”,",
    "aaaaaaceeeeiiiinooooouuuuyyoa\"\"\"\".",
)


class Glossary:
    """Term pairs that count as anchors when both terms occur in a bead.

    Terms are matched case-insensitively as whole words; multi-word terms are fine.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._source: dict[str, set[str]] = {}
        self._target: dict[str, set[str]] = {}
        for number, (src, tgt) in enumerate(pairs):
            key = f"g{number}"
            self._source.setdefault(src.strip().lower(), set()).add(key)
            self._target.setdefault(tgt.strip().lower(), set()).add(key)
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
        for term in pattern.findall(text.lower()):
            out |= terms[term]
        return out


def sentence_features(text: str, glossary: Glossary | None = None, *,
                      target: bool = False) -> frozenset[str]:
    """The anchors of one sentence: keys that a translation is likely to share."""
    # One pass over the text, lower-cased with accents removed, quotes unified and decimal
    # commas made points: numbers ("1.5"), "?", "!", '"', and the first four letters of
    # longer words, which catch names and cognates ("parliament"/"parlement",
    # "industrial"/"industrielle").
    keys = set(_ANCHOR.findall(text.lower().translate(_NORMALISE)))
    if glossary is not None:
        keys |= glossary.keys(text, target)
    return frozenset(keys)


_FUNCTION_PREFIXES = frozenset(
    # Four-letter prefixes of frequent function words, which match by chance across EN/FR
    # ("this"/"thi-", "avec", "pour", "dans", "that", "with", "have", "être"...).
    "that this with have from they them were been what when will would your which their "
    "there these those into only also some such than then very more most much over upon "
    "pour dans avec elle elles nous vous sont etre cette mais plus tout tous bien "
    "leur fait faire sans sous quel ains deja".split()
)


def _features(text: str, glossary: Glossary | None, target: bool) -> frozenset[str]:
    return sentence_features(text, glossary, target=target) - _FUNCTION_PREFIXES
