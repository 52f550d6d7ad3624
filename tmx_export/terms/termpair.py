"""What terminology work passes along: a term pair with its evidence and review status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

STATUSES = ("proposed", "approved", "rejected", "forbidden")


@dataclass(slots=True)
class Context:
    """Where the pair occurs: the aligned clause (or whole unit) holding both terms, their
    character spans in it, and the ``tuid`` of the unit in the TMX."""

    tuid: str
    file: str
    source: str
    target: str
    source_span: tuple[int, int]
    target_span: tuple[int, int]


@dataclass(slots=True)
class TermPair:
    """A source term and its rendering in the target language, as found in a corpus.

    ``source_lemma``/``target_lemma`` identify the pair (lemma keys, see
    :mod:`tmx_export.terms.candidates`); ``source_term``/``target_term`` are its citation
    forms. ``forms`` counts every linked occurrence by document and surface forms, from which
    the counts, document frequency and variants are derived. ``competitors`` are the other
    pairs sharing the source or the target lemma (cluster -> grappe beside cluster ->
    conglomérat).
    """

    source_lang: str
    target_lang: str
    source_lemma: str
    target_lemma: str
    source_term: str = ""
    target_term: str = ""
    forms: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    units: int = 0
    dice: float = 0.0
    llr: float = 0.0
    score: float = 0.0
    pos: str | None = None
    glossary: bool = False
    contexts: list[Context] = field(default_factory=list)
    competitors: list[TermPair] = field(default_factory=list)
    status: str = "proposed"
    note: str = ""
    status_date: str | None = None
    id: int | None = None  # row id once stored in a termbase

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.source_lang, self.target_lang, self.source_lemma, self.target_lemma)

    @property
    def count(self) -> int:
        """Linked occurrences of the pair."""
        return sum(self.forms.values())

    def _by(self, part: int) -> Counter[str]:
        """Occurrences summed by one part of the ``forms`` keys (document, source form,
        target form)."""
        counts: Counter[str] = Counter()
        for key, n in self.forms.items():
            counts[key[part]] += n
        return counts

    @property
    def documents(self) -> Counter[str]:
        """Occurrences per document."""
        return self._by(0)

    @property
    def source_variants(self) -> Counter[str]:
        """Occurrences per surface form of the source term."""
        return self._by(1)

    @property
    def target_variants(self) -> Counter[str]:
        """Occurrences per surface form of the target term."""
        return self._by(2)

    def translations(self) -> list[tuple[str, int]]:
        """Every target rendering of the source term, this one included, most used first."""
        rows = [(self.target_term, self.count)]
        rows += [
            (p.target_term, p.count)
            for p in self.competitors
            if p.source_lemma == self.source_lemma and p.target_lemma != self.target_lemma
        ]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    def source_alternatives(self) -> list[tuple[str, int]]:
        """Other source terms rendered by the same target term."""
        rows = [
            (p.source_term, p.count)
            for p in self.competitors
            if p.target_lemma == self.target_lemma and p.source_lemma != self.source_lemma
        ]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    @property
    def inconsistent(self) -> bool:
        """The source term has more than one rendering in the corpus (a consistency issue).

        Forbidden renderings do not make a pair inconsistent: they are known and refused.
        """
        return any(
            p.source_lemma == self.source_lemma
            and p.target_lemma != self.target_lemma
            and p.status not in ("rejected", "forbidden")
            and p.count > 0
            for p in self.competitors
        )
