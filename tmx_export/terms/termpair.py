"""What terminology work passes along: a term pair with its evidence and review status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

STATUSES = ("proposed", "approved", "rejected", "forbidden")

# What makes another rendering of a source term a real rival (TermPair.rivals): measured on
# the Europarl dev sessions and DGT-TM pairs (benchmarks/terms_consistency.py), these keep
# the competing renderings a terminologist wants to see ("tax" -> "taxe" / "impôt",
# "guidelines" -> "orientations" / "lignes directrices") and drop one-off co-occurrences.
RIVAL_MIN_COUNT = 3
RIVAL_MIN_DICE = 0.25
RIVAL_MIN_SHARE = 0.2


def most_common(counts: dict[str, int]) -> list[tuple[str, int]]:
    """``Counter(counts).most_common()`` without making the Counter: the most frequent
    first, ties in the order of ``counts``."""
    return sorted(counts.items(), key=itemgetter(1), reverse=True)


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
    termhood: float = 0.0  # how term-like, against general language: see associate.termhood
    # its spans slid off each other in most of its contexts (rank._slid): set as it is
    # ranked; such a rendering is a misalignment, not a competing translation
    slid: bool = False
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
        get = counts.get  # (Counter's += calls a Python __missing__ for every new key)
        for key, n in self.forms.items():
            name = key[part]
            counts[name] = get(name, 0) + n
        return counts

    def tallies(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """:attr:`documents`, :attr:`source_variants` and :attr:`target_variants` in one
        pass over ``forms``, as plain dicts (each in the order its keys are first met, as
        those; :func:`most_common` ranks them as ``Counter.most_common`` does): the writers
        need all three for every pair, and ``forms`` has a key per document."""
        documents: dict[str, int] = {}
        sources: dict[str, int] = {}
        targets: dict[str, int] = {}
        doc_get, source_get, target_get = documents.get, sources.get, targets.get
        for (doc, source, target), n in self.forms.items():
            documents[doc] = doc_get(doc, 0) + n
            sources[source] = source_get(source, 0) + n
            targets[target] = target_get(target, 0) + n
        return documents, sources, targets

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
        return sorted([(self.target_term, self.count), *self.other_translations()],
                      key=lambda r: (-r[1], r[0]))

    def other_translations(self) -> list[tuple[str, int]]:
        """The other target renderings of the source term, most used first: the competing
        translations a review file, report or TBX note lists. Not this one, whichever is
        most used (they listed ``translations()[1:]``, so a pair that is not its source
        term's main rendering showed itself and hid the main one: "EEA Joint Committee ->
        Décision du Comité mixte de l'EEE" competed with "Décision du Comité mixte de l'EEE
        (19)", not with "Comité mixte de l'EEE (64)", in 194 of DGT-TM's 465 review rows
        with competitors). Nor a pair the documents no longer link, none of its occurrences
        left after a reviewer's decisions re-linked its words ("Commission (0)")."""
        rows = [
            (p.target_term, p.count)
            for p in self.competitors
            if p.source_lemma == self.source_lemma and p.target_lemma != self.target_lemma
            and p.count > 0
        ]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    def source_alternatives(self) -> list[tuple[str, int]]:
        """Other source terms rendered by the same target term."""
        rows = [
            (p.source_term, p.count)
            for p in self.competitors
            if p.target_lemma == self.target_lemma and p.source_lemma != self.source_lemma
            and p.count > 0
        ]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    @property
    def inconsistent(self) -> bool:
        """The source term has another rendering with real support in the corpus: a
        competing translation a terminologist should look at (see :meth:`rivals`)."""
        return bool(self.rivals())

    def rivals(self) -> list[TermPair]:
        """The other renderings of the source term that compete with this one for real: both
        seen at least :data:`RIVAL_MIN_COUNT` times, associated with the source term (Dice at
        least :data:`RIVAL_MIN_DICE`), and used at least :data:`RIVAL_MIN_SHARE` as often
        as the more frequent of the two. A stray co-occurrence ("Council -> relatif (1)")
        or a rare wrong link beside a dominant rendering is not a rival. Rejected and
        forbidden renderings are known and refused: not rivals either; nor are renderings
        whose spans slid off their term (:attr:`slid`: "declaration" -> "fournisseur" in
        "déclaration du fournisseur" is no rival of "declaration" -> "déclaration")."""
        rivals: list[TermPair] = []
        if self.count < RIVAL_MIN_COUNT or self.slid:
            # too little evidence for this rendering to compete with any, or a misalignment
            return rivals
        for other in self.competitors:
            if other.source_lemma != self.source_lemma or \
                    other.target_lemma == self.target_lemma or \
                    other.status in ("rejected", "forbidden") or other.slid:
                continue
            count = other.count
            if count >= RIVAL_MIN_COUNT and other.dice >= RIVAL_MIN_DICE and \
                    min(count, self.count) >= RIVAL_MIN_SHARE * max(count, self.count):
                rivals.append(other)
        return rivals
