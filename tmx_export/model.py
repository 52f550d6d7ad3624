"""The small data model every stage passes along, and the options that steer the stages.

A :class:`Pair` is one translation unit in the making: a source and a target text (a
paragraph, a sentence or a clause) with where it came from. Readers produce pairs, the
segmenter and aligner turn paragraph pairs into smaller pairs, writers consume them.
Anything that cannot become a pair is a :class:`Reject`, so nothing is dropped silently.

What a stage learns about a unit is a typed field of the pair (``paragraph``, ``align``,
``align_score``, ``tuid``); only the writers turn them into TMX props or columns.

The options are frozen dataclasses: the command line parses its flags into one
(:class:`BuildOptions`) and hands it to :mod:`tmx_export.pipeline` in one call.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike, fspath
from typing import TYPE_CHECKING, Any

from .errors import InternalError

if TYPE_CHECKING:
    from .segment.rules import SrxRules


@dataclass(slots=True)
class Pair:
    """A source text and its translation, with provenance.

    ``number`` is the paragraph number printed in the document ("34." -> 34), ``None`` when
    the paragraph had none; the texts never include it. ``labels`` are the two sides'
    labels as printed when they are more than the number ("31a." and "31 bis.", a
    paragraph inserted after 31: ``number`` 31), else ``None``. ``file`` and ``line`` point at the
    line where the pair starts (1-based). ``props`` are the input's own properties (a TMX's
    ``<prop>``s, a PO context as ``x-context``...), written back as TMX props.

    ``source_markup``/``target_markup`` are the inner XML of a TMX ``<seg>`` with its inline
    codes (``bpt ept it ph hi sub ut``) when the pair was read from one that had any, else
    ``None``. ``source``/``target`` are always the plain text, for cleaning, segmenting and
    term work; the TMX writer writes the markup instead when there is some.

    What the stages add, written as the props ``x-paragraph``, ``x-align``,
    ``x-align-score`` and the ``tuid``: ``paragraph`` is the paragraph a unit comes from
    (its printed number, or its position in the document; a string for a label
    such as "31a", and in a numbered document for a paragraph without a number, "2+1":
    the first after paragraph 2); ``align`` the alignment bead
    ("1-1", "2-1/1"...) and ``align_score`` its score (0..1, two decimals); ``tuid`` the
    unit's number in the TMX, given by the pipeline. ``segtype`` is the unit's own kind
    (a TMX ``segtype``) when the pipeline knows it; the writer puts it on the ``tu`` when it
    differs from the header's. ``datatype``, likewise, what its text and codes are (an
    HTML memory's ``html``) when the header of a build from several inputs says another.
    ``notes``: the unit's notes (a TMX ``tu``'s, an XLIFF unit's, a PO entry's comments),
    written as the ``tu``'s ``<note>``s.
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
    paragraph: int | str | None = None
    align: str | None = None
    align_score: float | None = None
    tuid: int | None = None
    segtype: str | None = None
    labels: tuple[str, str] | None = None
    datatype: str | None = None
    notes: tuple[str, ...] = ()

    def key(self) -> tuple[str, str]:
        """What makes two pairs duplicates: the same two texts."""
        return (self.source, self.target)

    def printed_labels(self) -> tuple[str, str] | None:
        """The labels the two sides open with as the document prints them ("34.", or
        "31a." and "31 bis."), ``None`` for a paragraph without a number."""
        if self.number is None:
            return None
        return self.labels or (f"{self.number}.",) * 2

    def printed_paragraph(self) -> int | str | None:
        """The paragraph number the document prints, as ``x-paragraph`` says it: 34, or
        "31a" for a paragraph labelled "31a." (31 would name paragraph 31 too)."""
        if self.labels is not None:
            return self.labels[0].rstrip(".")
        return self.number


@dataclass(slots=True)
class MultiUnit:
    """One unit in several languages: a multilingual memory's ``tu``.

    ``texts`` maps each language tag to its text, in the run's order, the source first; a
    language the unit has no text in is absent. ``markup`` holds the inline markup of a
    language's ``seg`` where it had some (as :attr:`Pair.source_markup`). Provenance and
    ``tuid`` as for :class:`Pair`; ``number``, ``align`` and ``align_score`` stay ``None``
    (each language was aligned to the source on its own: no one bead describes the unit).
    ``segtype`` and ``datatype`` as for :class:`Pair`.

    A unit made of one TMX ``tu`` keeps what a bilingual build keeps of it: ``attrs``, the
    ``tu``'s dates, authors and usage (``None`` for a unit tmx-export made, which gets the
    run's ``creationdate``), its ``notes``, repeated props (``extra_props``) and own tuid
    (``file_tuid``); and per language, its ``tuv``'s attributes (``tuv_attrs``) and its
    props and notes (``tuv_meta``: ``(kind, type, text)`` each, as read).
    """

    texts: dict[str, str]
    file: str = ""
    line: int = 0
    paragraph: int | str | None = None
    props: dict[str, str] = field(default_factory=dict)
    markup: dict[str, str] = field(default_factory=dict)
    tuid: str | None = None
    number: int | None = None
    align: str | None = None
    align_score: float | None = None
    segtype: str | None = None
    attrs: tuple[tuple[str, str], ...] | None = None
    notes: tuple[str, ...] = ()
    datatype: str | None = None
    extra_props: tuple[tuple[str, str], ...] = ()
    file_tuid: str | None = None
    tuv_attrs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    tuv_meta: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    # the bilingual units it was made of (build --langs), for the run's account: never
    # written
    parts: list[Pair] = field(default_factory=list, repr=False, compare=False)

    @property
    def source_lang(self) -> str:
        return next(iter(self.texts))


@dataclass(slots=True)
class Reject:
    """Input that did not become a pair, and why (one row of the rejects report)."""

    file: str
    line: int
    reason: str
    text: str
    # the languages a unit held when it lacked one asked for (not in the report: the text
    # names them), so a run that found none of its pair can say which the input has
    languages: tuple[str, ...] = ()
    # what sets this reject apart within its reason (a score, a paragraph number): written
    # in the report after the reason, never counted with it, so the summary keeps one
    # line per reason however many scores or numbers there are
    detail: str = ""

    @property
    def reported_reason(self) -> str:
        """The reason as the report writes it: with its detail, when there is one."""
        return f"{self.reason}: {self.detail}" if self.detail else self.reason

    @classmethod
    def of(cls, pair: Pair, reason: str) -> Reject:
        """The reject for a whole pair: both texts, tab-separated."""
        return cls(pair.file, pair.line, reason, f"{pair.source}\t{pair.target}")


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the pairs, the rejects, and counts of silent repairs."""

    pairs: list[Pair] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Repairs that change characters (removed XML-illegal characters, mojibake fixes...),
    # counted so the summary can say what was done to the text.
    repairs: Counter[str] = field(default_factory=Counter)
    # Sides read from a regional variant as the tag asked: (held, asked) -> count, as
    # formats.tmx.iter_tmx counts them, so that the summary can say it.
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)
    # For each reject, how many pairs were read before it (see :meth:`reject`), so the
    # rejects report keeps the input's order; a reader that does not say puts them first.
    reject_places: list[int] = field(default_factory=list)
    # What the reader left out on purpose, and why (a hidden sheet): the summary lists it.
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def reject(self, reject: Reject) -> None:
        """Add ``reject`` at its place in the input: after the pairs read so far."""
        if len(self.reject_places) != len(self.rejects):  # rejects added without a place
            self.reject_places[:] = self.places()
        self.rejects.append(reject)
        self.reject_places.append(len(self.pairs))

    def places(self) -> list[int]:
        """:attr:`reject_places`, or every reject first when the reader did not say."""
        if len(self.reject_places) == len(self.rejects):
            return self.reject_places
        return [0] * len(self.rejects)

    def extend(self, other: ReadResult) -> None:
        self.reject_places[:] = [*self.places(),
                                 *(len(self.pairs) + place for place in other.places())]
        self.pairs.extend(other.pairs)
        self.rejects.extend(other.rejects)
        self.repairs.update(other.repairs)
        self.relabelled.update(other.relabelled)
        self.skipped.extend(other.skipped)


@dataclass(slots=True)
class ReadStream:
    """What a streaming reader returns: its pairs and rejects in the order of the file, to
    be taken one by one, the repairs done to the text before the first of them, and how
    many bytes of the input it covers (a part of a large dump; 0: not known)."""

    items: Iterator[Pair | Reject]
    repairs: Counter[str] = field(default_factory=Counter)
    size: int = 0


# --- unit kinds ------------------------------------------------------------------------------

# TMX 1.4b's segtype values; a TMX header states which kind of unit the file holds.
SEGTYPES = ("block", "paragraph", "sentence", "phrase")

# Unit kind asked for -> the TMX segtype that describes it truthfully ("clause" units are
# smaller than sentences: TMX calls them phrases).
SEGTYPE_OF = {"paragraph": "paragraph", "sentence": "sentence", "clause": "phrase"}
SEGMENT_MODES = tuple(SEGTYPE_OF)


# --- options -------------------------------------------------------------------------------

# The cleaning rules, in the order they are checked (see tmx_export.clean).
RULES = ("empty-side", "no-letters", "identical", "leftover-markup", "too-long",
         "length-ratio", "wrong-language")
# How units are deduplicated: exact texts, normalised texts, or not at all.
DEDUPE_MODES = ("exact", "normalised", "none")


def name_set(names: str | Iterable[str]) -> frozenset[str]:
    """The names an option's field holds, as the frozen set it is typed: a script gives a
    list (``checks=["spacing"]``) or one name alone (``"spacing"``, not its letters).
    Frozen options are hashed and shared, and a list in one was "unsupported operand
    type(s) for &: 'list' and 'set'" deep in the run, or changed them after the call."""
    return frozenset((names,) if isinstance(names, str) else names)


def path_tuple(paths: str | PathLike[str] | Iterable[str | PathLike[str]]) -> tuple[str, ...]:
    """The file names an option's field holds, as the tuple of ``str`` it is typed: one
    named alone (``accept=Path("review.tsv")``: "Value after * must be an iterable, not
    PosixPath") or a list of ``str`` and ``Path``."""
    if isinstance(paths, str | PathLike):
        return (fspath(paths),)
    return tuple(map(fspath, paths))


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Which cleaning rules run and their thresholds (defaults suit sentence and paragraph
    TMs). See :mod:`tmx_export.clean` for what each rule does."""

    rules: frozenset[str] = frozenset(RULES)
    min_ratio: float = 0.4
    max_ratio: float = 2.5
    ratio_smoothing: int = 15
    identical_min_words: int = 3
    max_chars: int = 2000
    langid_min_chars: int = 40
    langid_min_prob: float = 0.9
    # ``wrong-language`` also rejects a side in a third language (units read as they are:
    # tables, TMX, XLIFF, PO; a dump's pairing judges that itself)
    third_language: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", name_set(self.rules))
        unknown = set(self.rules) - set(RULES)
        if unknown:
            raise ValueError(f"unknown cleaning rule(s) {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(RULES)}")

    @classmethod
    def without(cls, skip: tuple[str, ...] | list[str] | frozenset[str] = (),
                **thresholds: Any) -> CleanOptions:
        """Options with the rules named in ``skip`` off (``"all"``: every rule)."""
        skipped = set(skip)
        if "all" in skipped:
            skipped = set(RULES)
        unknown = skipped - set(RULES)
        if unknown:
            raise ValueError(f"unknown cleaning rule(s) {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(RULES)}, all")
        return cls(rules=frozenset(RULES) - skipped, **thresholds)


NO_CLEANING = CleanOptions(rules=frozenset())


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a run needs to know besides its inputs and outputs.

    Reading: ``source_lang``/``target_lang`` (BCP 47), ``input_format`` (``None``: from each
    file's content), ``pair_files`` (``name.en.txt`` + ``name.fr.txt`` read together),
    ``align_paragraphs`` (parallel files that drift apart), ``source_column``,
    ``target_column`` and ``sheet`` (tables; ``no_header``: tables without a header row,
    their columns by position), ``include_fuzzy`` (XLIFF/PO drafts);
    ``column_options``: the command takes ``--source-column``/``--target-column`` (an error
    for a table without the columns suggests them then only).

    Units: ``segment`` is ``sentence``, ``clause``, ``paragraph`` or ``None`` (the pairs as
    read); ``srx`` segmentation rules read from an SRX file
    (:func:`tmx_export.segment.srx.read_srx`); ``glossary`` known term pairs that anchor
    the aligner; ``min_score`` sends aligned units scoring lower to the rejects.

    Cleaning: ``clean`` (the rules), ``dedupe`` (one of :data:`DEDUPE_MODES`).
    Writing: ``profile`` (a CAT tool, :mod:`tmx_export.formats.profiles`), ``max_units``
    (split the TMX into numbered parts), ``rejects_path`` (the rejects report, TSV),
    ``allow_empty`` (write a memory without units rather than refuse), ``renumber``
    (``False``: a unit keeps the ``tuid`` its input gave it, as a TMX's; for checking a
    memory rather than writing one), ``jobs`` (processes sharing the work: inputs read in
    parallel, or one input's pairs segmented in chunks; the output is the same whatever
    their number). ``untranslated`` keeps a unit whose target is empty (a source not
    translated yet, as CAT tools export them) instead of rejecting it: for checking a
    memory, whose ``empty-target`` check reports it. ``languages_from_memory`` (the user
    named no language): the pair the inputs declare, when every input is a memory that
    declares the same one (:func:`tmx_export.inputs.declared_pair`), replaces
    ``source_lang`` and ``target_lang``. ``claimed_langs`` (a run of ``build --langs``: all
    its languages): where two of them share a language part (``fr-FR`` and ``fr-CA``), a
    TMX ``tuv`` is taken for them only by its exact tag, never by the language part.
    ``memories_as_read`` (checking memories beside dumps or parallel files): the units of a
    TMX, XLIFF, PO or table as the memory holds them (no cleaning, no dedupe, their own
    ``tuid``, drafts and empty targets kept), the others as these options make them.
    """

    source_lang: str = "en-GB"
    target_lang: str = "fr-FR"
    input_format: str | None = None
    pair_files: bool = True
    align_paragraphs: bool = False
    source_column: str | None = None
    target_column: str | None = None
    sheet: str | None = None
    include_fuzzy: bool = False
    column_options: bool = False
    no_header: bool = False
    segment: str | None = "sentence"
    srx: SrxRules | None = None
    glossary: tuple[tuple[str, str], ...] = ()
    min_score: float | None = None
    clean: CleanOptions = CleanOptions()
    dedupe: str = "exact"
    profile: str = "generic"
    max_units: int | None = None
    rejects_path: str | None = None
    allow_empty: bool = False
    renumber: bool = True
    jobs: int = 1
    untranslated: bool = False
    languages_from_memory: bool = False
    claimed_langs: tuple[str, ...] = ()
    memories_as_read: bool = False

    def __post_init__(self) -> None:
        # A script's lists (glossary=[["cluster", "conglomérat"]], as a CSV gives them)
        # made the tuples the fields are: the options are hashed (one aligner per
        # glossary), and BuildOptions(glossary=[...]) was "unhashable type: 'list'" deep
        # in the run. A Path for the rejects report is its name, as the summary gives it.
        if not (isinstance(self.glossary, tuple)
                and all(type(pair) is tuple for pair in self.glossary)):
            object.__setattr__(self, "glossary", tuple(tuple(pair) for pair in self.glossary))
        object.__setattr__(self, "claimed_langs", tuple(self.claimed_langs))
        if self.rejects_path is not None:
            object.__setattr__(self, "rejects_path", fspath(self.rejects_path))
        if self.segment is not None and self.segment not in SEGTYPE_OF:
            raise ValueError(f"unknown segment mode {self.segment!r}; expected one of "
                             f"{', '.join(SEGTYPE_OF)}")
        if self.dedupe not in DEDUPE_MODES:
            raise ValueError(f"unknown dedupe mode {self.dedupe!r}; expected one of "
                             f"{', '.join(DEDUPE_MODES)}")
        if self.max_units is not None and self.max_units < 1:
            raise ValueError("max_units must be at least 1")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")

    def language_option(self, side: int | None = None) -> str:
        """The option an error about a side's language points to (:func:`language_option`)."""
        return language_option(side, langs_run=bool(self.claimed_langs))


def language_option(side: int | None = None, *, langs_run: bool = False) -> str:
    """The option that chose the language of a side (0 the source, 1 the target, ``None``
    both), for an error to point to: ``--langs`` in a run of ``build --langs``
    (``langs_run``), where the user gave no --source-lang or --target-lang."""
    if langs_run:
        return "--langs"
    if side is None:
        return "--source-lang and --target-lang"
    return "--target-lang" if side else "--source-lang"


# The two roles as French, German, Spanish, Italian, Dutch, Portuguese and Polish user
# interfaces and translators head the columns ("Source" / "Cible", "Quelle" / "Ziel",
# "Origen" / "Destino", "Bron" / "Doel", "Źródło" / "Cel"), case-folded; and as
# localisation platforms and spreadsheets of strings head them in English and in those
# languages: "Source" / "Translation", "Original" / "Übersetzung", "Traduction"...
_ROLE_NAMES = {
    **dict.fromkeys(
        ["original", "original text", "texte original", "originaltext", "texto original",
         "testo originale", "originele tekst", "tekst oryginalny",
         "texte source", "segment source", "quelle", "quelltext", "ausgangstext",
         "ausgangssegment", "origen", "texto de origen", "texto origen", "fuente",
         "texto fuente", "origine", "testo di origine", "testo di partenza", "sorgente",
         "testo sorgente", "bron", "brontekst", "bronsegment", "origem", "texto de origem",
         "źródło", "zrodlo", "tekst źródłowy", "tekst zrodlowy", "segment źródłowy"],
        "source"),
    **dict.fromkeys(
        ["cible", "texte cible", "segment cible", "ziel", "zieltext", "zielsegment",
         "destino", "texto de destino", "texto destino", "destinazione",
         "testo di destinazione", "testo di arrivo", "doel", "doeltekst", "doelsegment",
         "cel", "tekst docelowy", "segment docelowy",
         "translation", "translated text", "traduction", "texte traduit", "übersetzung",
         "uebersetzung", "traducción", "traduccion", "texto traducido", "traduzione",
         "testo tradotto", "vertaling", "tradução", "traducao", "texto traduzido",
         "tłumaczenie", "tlumaczenie"],
        "target"),
}


def header_role(cell: str) -> str | None:
    """``"source"`` or ``"target"`` for a table's header cell naming that role, as CAT tools
    head their exports ("Source", "Target text", "source segment", "Target term"; as
    localisation platforms do, "Translation"; in other languages, :data:`_ROLE_NAMES`),
    else ``None``: the columns of a table whose header names no language."""
    words = cell.strip().casefold().split()
    if words and words[0] in ("source", "target") and \
            words[1:] in ([], ["text"], ["segment"], ["term"]):
        return words[0]
    return _ROLE_NAMES.get(" ".join(words))


@dataclass(frozen=True, slots=True)
class MultilingualOptions:
    """A memory in several languages (``build --langs``): ``langs`` the language tags, the
    source first; ``require_all`` sends a unit that lacks a language to the rejects
    instead of writing it without; ``build`` everything else, as for a bilingual run (its
    ``source_lang``/``target_lang`` are set per language by the run)."""

    langs: tuple[str, ...]
    require_all: bool = False
    build: BuildOptions = BuildOptions()


@dataclass(frozen=True, slots=True)
class TermsOptions:
    """What ``tmx-export terms`` was asked for (see :func:`tmx_export.terms.run.terms`)."""

    termbase_path: str | None = None
    glossary_path: str | None = None
    min_count: int = 2
    max_contexts: int = 5
    segment: str = "sentence"
    source_lang: str = "en-GB"
    target_lang: str = "fr-FR"
    tbx_path: str | None = None
    tbx_version: int = 2
    review_path: str | None = None
    report_path: str | None = None
    csv_path: str | None = None
    jobs: int = 1  # processes reading the inputs (as ``build --jobs``); the pairs are the same


# The unit kinds term work runs on (contexts name their tuid in a TMX of that kind).
TERM_SEGMENTS = ("sentence", "clause")


# --- what a run reports as it goes -----------------------------------------------------------

# Where a library call sends a note for the user ("the glossary is fr -> en: read turned
# round"): the command line passes a printer; ``None``, a script's default, says nothing,
# for a library prints nothing on its caller's streams.
Say = Callable[[str], None] | None

class Progress:
    """Hears how far a run is: :meth:`start` once with the total size of the inputs in
    bytes, then :meth:`advance` after each input is read. The pipeline also takes a plain
    callable ``(name, size)``, which then hears of each input."""

    def start(self, total: int) -> None:
        """The run begins; ``total`` is the inputs' size in bytes (0 when unknown)."""

    def advance(self, name: str, size: int) -> None:
        """Input ``name`` (``size`` bytes, 0 for standard input) was read."""

    def partly(self, name: str, size: int) -> None:
        """``size`` more bytes of input ``name`` were read (a part of a large dump), before
        :meth:`advance` says the whole input was (with its whole size)."""


class AccountingError(InternalError):
    """A run's counts disagree: a paragraph went neither into a unit nor into the rejects.
    A bug, never bad input: reported as an internal error."""


def unnumbered_tuid(place: int) -> str:
    """What names a unit of a TMX that has no ``tuid`` of its own when the memory's tuids
    are kept (``renumber`` off: checking, searching): its place in the memory, as ``#12``,
    which cannot be taken for the number another unit carries as its real tuid."""
    return f"#{place}"


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 unit", "3 files", "2 entries" (with
    ``plural`` for a noun not made plural by an "s"). Every count a user reads goes through
    it, so that none says "1 findings"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
