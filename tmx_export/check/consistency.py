"""The same source translated differently, the same translation for different sources.

:class:`Consistency` hears the units in memory order (:meth:`Consistency.add`) and reports
on the later unit of each pair that disagrees with an earlier one:

* ``inconsistent-target``: its source was seen before with another target; ``item`` is
  the earlier target, ``expected`` names the earlier unit ("the translation of tuid 12").
* ``inconsistent-source``: its target was seen before as the translation of another
  source; ``item`` is the earlier source.

Texts are compared normalised: NFKC, case folded, white space collapsed, and no white
space beside punctuation, which is spacing convention rather than wording ("vote ?" and
"vote?", "Res. MSC.36" and "Res.MSC.36" are the same text). Punctuation itself is kept:
"Mr President," and "Mr President" are different texts, and a different comma may well
be a different translation.

Memory stays small over large memories: for each distinct normalised source, a 64-bit
hash of it maps to the hash of its first target, the first unit's tuid and that target's
text (which a finding needs); the same for targets. A hash collision (two texts with the
same 64-bit hash: about one chance in 10^9 for a memory of 100k distinct texts) could
only hide or invent one finding.

What is left out, so that the report is not flooded:

* units with an empty target (``empty-target`` reports them);
* units whose source and target are the same text: names, codes, numbers, or untranslated
  text that ``untranslated`` reports; they are neither remembered nor reported;
* texts of fewer than :data:`MIN_WORDS` words (2) on the side compared: a number, "34.",
  "Article 5", a one-word heading ("Title", "Note") are legitimately rendered by context;
* repeats of a pair already reported: each distinct (source, target) variant that
  disagrees with the first is reported once, on its first occurrence, however many times
  the memory repeats it.
"""

from __future__ import annotations

import re
import unicodedata
from hashlib import blake2b

from ..model import Pair
from .model import Finding, finding
from .rules import collapse_spaces

# Texts shorter than this (in words) are not compared: their rendering depends on context.
MIN_WORDS = 2

# A space before or after a punctuation mark (NFKC has made U+00A0 a space). The pattern
# starts with the literal space, which is several times faster than starting with a
# look-behind; texts have their white space collapsed, so a space has no space beside it.
_SPACE_BESIDE_MARK_RE = re.compile(r" (?:(?=[^\w\s])|(?<=[^\w\s] ))")
_WORD_RE = re.compile(r"[^\W\d_]+")


def normalised(text: str) -> str:
    """A text as consistency compares it: NFKC, case folded, spaces collapsed and dropped
    beside punctuation, punctuation kept."""
    text = collapse_spaces(unicodedata.normalize("NFKC", text))
    text = _SPACE_BESIDE_MARK_RE.sub("", text)
    return text.casefold()


def _words_at_least(text: str, count: int) -> bool:
    """Whether ``text`` has ``count`` words or more (stops counting there)."""
    end = 0
    for _ in range(count):
        m = _WORD_RE.search(text, end)
        if m is None:
            return False
        end = m.end()
    return True


def _hash(text: str) -> int:
    # blake2b rather than hash(): the same on every platform and run, 64 bits everywhere
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _tuid(unit: Pair) -> str:
    return str(unit.tuid) if unit.tuid is not None else f"{unit.file}:{unit.line}"


class Consistency:
    """Consistency of a memory, one unit at a time (see the module docstring).

    ``min_words``: texts of fewer words are not compared (default :data:`MIN_WORDS`).
    """

    def __init__(self, min_words: int = MIN_WORDS) -> None:
        self.min_words = min_words
        # hash of a normalised source -> (hash of its first target, tuid, first target)
        self._targets: dict[int, tuple[int, str, str]] = {}
        # hash of a normalised target -> (hash of its first source, tuid, first source)
        self._sources: dict[int, tuple[int, str, str]] = {}
        # hashes of the (source, target) variants already reported, per check
        self._reported: set[tuple[str, int, int]] = set()

    def add(self, unit: Pair) -> list[Finding]:
        """Remember ``unit`` and return its findings against the units added before it."""
        if not unit.target.strip():
            return []
        source, target = normalised(unit.source), normalised(unit.target)
        if source == target:
            return []
        found: list[Finding] = []
        source_hash, target_hash = _hash(source), _hash(target)
        tuid = _tuid(unit)
        if _words_at_least(source, self.min_words):
            earlier = self._targets.setdefault(source_hash, (target_hash, tuid, unit.target))
            if earlier[0] != target_hash and \
                    self._first_report("inconsistent-target", source_hash, target_hash):
                found.append(finding(unit, "inconsistent-target", earlier[2],
                                     f"the translation of tuid {earlier[1]}"))
        if _words_at_least(target, self.min_words):
            earlier = self._sources.setdefault(target_hash, (source_hash, tuid, unit.source))
            if earlier[0] != source_hash and \
                    self._first_report("inconsistent-source", target_hash, source_hash):
                found.append(finding(unit, "inconsistent-source", earlier[2],
                                     f"the source of tuid {earlier[1]}"))
        return found

    def _first_report(self, check: str, key: int, variant: int) -> bool:
        """Whether this variant of this text is reported for the first time."""
        seen = (check, key, variant)
        if seen in self._reported:
            return False
        self._reported.add(seen)
        return True
