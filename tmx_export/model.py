"""The small data model every stage passes along.

A :class:`Pair` is one translation unit in the making: a source and a target text (a
paragraph, a sentence or a clause) with where it came from. Readers produce pairs, the
segmenter and aligner turn paragraph pairs into smaller pairs, writers consume them.
Anything that cannot become a pair is a :class:`Reject`, so nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(slots=True)
class Pair:
    """A source text and its translation, with provenance.

    ``number`` is the paragraph number printed in the document ("34." -> 34), ``None`` when
    the paragraph had none; the texts never include it. ``file`` and ``line`` point at the
    line where the pair starts (1-based). ``props`` are extra TMX properties (``x-align``...).

    ``source_markup``/``target_markup`` are the inner XML of a TMX ``<seg>`` with its inline
    codes (``bpt ept it ph hi sub ut``) when the pair was read from one that had any, else
    ``None``. ``source``/``target`` are always the plain text, for cleaning, segmenting and
    term work; the TMX writer writes the markup instead when there is some.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str
    number: int | None = None
    file: str = ""
    line: int = 0
    props: dict[str, str] = field(default_factory=dict)
    source_markup: str | None = None
    target_markup: str | None = None

    def key(self) -> tuple[str, str]:
        """What makes two pairs duplicates: the same two texts."""
        return (self.source, self.target)


@dataclass(slots=True)
class Reject:
    """Input that did not become a pair, and why (one row of the rejects report)."""

    file: str
    line: int
    reason: str
    text: str


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the pairs, the rejects, and counts of silent repairs."""

    pairs: list[Pair] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Repairs that change characters (removed XML-illegal characters, mojibake fixes...),
    # counted so the summary can say what was done to the text.
    repairs: Counter[str] = field(default_factory=Counter)

    def extend(self, other: ReadResult) -> None:
        self.pairs.extend(other.pairs)
        self.rejects.extend(other.rejects)
        self.repairs.update(other.repairs)
