"""The only orchestrator: read -> clean -> segment -> prepare (sanitise, dedupe) -> number -> write.

The command line is a thin layer over this module; a script does the same with::

    from tmx_export.pipeline import build
    summary = build(["samples/"], "memory.tmx", rejects_path="rejects.tsv")
    print(summary.units_written, dict(summary.rejects))

Each stage is a call that returns here; no stage calls back into the pipeline. What
happens to each input, in order:

1. **read** (:mod:`tmx_export.inputs`): dumps and parallel files give *paragraph* pairs;
   TMX, XLIFF, PO and tables give pairs that are already translation units (a CAT tool or
   a person cut them). A TMX is streamed unit by unit, so memory stays flat however large
   the memory being read is; one file is read at a time.
2. **clean** (:func:`tmx_export.clean.check`): each pair as read is checked against the
   cleaning rules, *before* segmentation, so that units segmentation makes on purpose (a
   paragraph number "34." as a unit of its own, as OmegaT segments it) are never judged as
   noise. ``leftover-markup`` is not applied to TMX, XLIFF and PO, whose text may hold
   markup-like strings as content.
3. **segment** (:mod:`tmx_export.segment`): only paragraph pairs are cut into sentence or
   clause units and aligned; units read from TMX, XLIFF, PO or tables are kept whole,
   since cutting them again could only misalign what their tool aligned. Aligned units
   scoring under ``min_score`` are rejected (:func:`tmx_export.clean.below_min_score`).
4. **prepare** (:func:`tmx_export.clean.prepare`): texts made fit for a ``<seg>``, units
   with an empty side and duplicates (``exact``, ``normalised`` or ``none``) rejected.
5. **number**: each unit gets its ``tuid`` here, so tuids are consecutive and the units
   :func:`read_units` returns point into the TMX :func:`build` writes.
6. **write** (:func:`tmx_export.formats.tmx.write_units`) with a CAT tool profile, or as
   JSON Lines / TSV pairs (:func:`export_pairs`).

Every pair or unit left out on the way becomes a :class:`~tmx_export.model.Reject` whose
reason names the rule or the reader's finding; the summary counts them by reason.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._lazy import lazy_pattern
from .clean import CLEAR_LEAN, Preparer, below_min_score, check_many
from .errors import InputError, check_terminated, pool_worker_signals, shown_name
from .formats.profiles import check_output, get_profile, lang_code
from .formats.rejects import RejectLog, rejects_output
from .formats.text import input_name, outputs_together
from .formats.tmx import is_part_name, iter_tmx, read_tmx_header, tmx_datatype, write_units
from .formats.tsv import write_pairs_tsv
from .inputs import (
    EXTENSIONS,
    MARKUP_IS_CONTENT,
    READERS,
    UNIT_FORMATS,
    Input,
    Inputs,
    ParallelInput,
    check_memory_outputs,
    check_outputs,
    declared_pair,
    format_of,
    gather_inputs,
    input_list,
    input_parts,
    input_size,
    many_languages,
    open_input,
    read_input,
    register_reader,
    tmx_is_streamed,
)
from .lang import (
    CLOSE_DOCUMENT_LEAN,
    DOCUMENT_MIN_CHARS,
    DOCUMENT_SAMPLE_CHARS,
    close_language,
    document_language,
    document_sample,
    dump_tags,
    identifier,
    mean_score,
    normalise_tag,
    primary,
    script_language,
    standard_tag,
    text_score,
    third_language_by_words,
    unconfirmed,
    word_list_languages,
)
from .model import (
    NO_CLEANING,
    SEGTYPE_OF,
    SEGTYPES,
    AccountingError,
    BuildOptions,
    CleanOptions,
    Pair,
    Progress,
    Reject,
    unnumbered_tuid,
)
from .segment.align import Glossary
from .segment.rules import segment_text
from .segment.units import paragraph_units, segment_pair

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from .dump.reader import DumpPart, DumpParts
    from .segment.rules import SrxRules

__all__ = ["EXTENSIONS", "READERS", "AccountingError", "BuildSummary", "ParallelInput", "Progress",
           "build",
           "export_pairs", "gather_inputs", "read_units", "register_reader"]


class _CallableProgress(Progress):
    def __init__(self, call: Callable[[str, int], None]) -> None:
        self.advance = call  # type: ignore[method-assign]


ProgressArg = Progress | Callable[[str, int], None] | None


@dataclass(slots=True)
class BuildSummary:
    """What :func:`build` did: the figures the command line prints."""

    output: str
    files: list[str] = field(default_factory=list)  # the files read, in order
    segtype: str = "paragraph"
    pairs_read: int = 0  # pairs the readers found
    units_written: int = 0  # <tu> elements in the TMX
    duplicates_skipped: int = 0  # duplicates not written again (also in rejects)
    rejects: Counter[str] = field(default_factory=Counter)  # by reason
    repairs: Counter[str] = field(default_factory=Counter)  # characters changed, by kind
    rejects_path: str | None = None
    outputs: list[str] = field(default_factory=list)  # the TMX files written (parts)
    removed: list[str] = field(default_factory=list)  # an earlier run's parts, not replaced
    formats: Counter[str] = field(default_factory=Counter)  # inputs by format
    # what became of every paragraph (or unit) read: read = in_units + rejected
    accounts: Accounts = field(default_factory=lambda: Accounts())
    ignored: list[str] = field(default_factory=list)  # files in directories not of a known type
    # the pair the memories declared, when it was taken from them (languages_from_memory)
    declared: tuple[str, str] | None = None
    # a memory of more than two languages, how many, and the pair taken from it: the user
    # named no language, so the default one, which the summary says
    defaulted: tuple[str, int, str, str] | None = None
    # the pair written instead, when the memories declared a vaguer spelling of it ("en"
    # for en-GB): the user named no language, so the summary says both
    written_as: tuple[str, str] | None = None
    # TMX units whose regional variant was read as the tag asked: (held, asked) -> count
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)
    # TMX tus that gave a unit per variant of a language asked (fr-BE and fr-CH for
    # fr-FR), by that language: competing units the summary says
    variants: Counter[str] = field(default_factory=Counter)
    source_lang: str = ""  # the source language the run wrote

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())


def options_from(options: BuildOptions | None = None, **settings: Any) -> BuildOptions:
    """``options`` (default: :class:`BuildOptions`'s defaults) with the fields named in
    ``settings`` replaced; ``clean=None`` means no cleaning rule at all."""
    if "clean" in settings and settings["clean"] is None:
        settings["clean"] = NO_CLEANING
    return replace(options or BuildOptions(), **settings)


# --- the public calls ------------------------------------------------------------------------

def build(
    inputs: Inputs,
    output: str | Path,
    options: BuildOptions | None = None,
    *,
    progress: ProgressArg = None,
    **settings: Any,
) -> BuildSummary:
    """Read ``inputs``, clean them, cut them into units and write the TMX ``output``.

    ``inputs`` as for :func:`~tmx_export.inputs.gather_inputs` (or one named alone,
    :func:`~tmx_export.inputs.input_list`); ``output`` is a file name
    (``.gz``: compressed) or ``"-"``. ``options`` (a :class:`BuildOptions`), with any of
    its fields overridden by keyword (``segment="paragraph"``, ``dedupe="none"``,
    ``rejects_path=...``). Rejects go to ``rejects_path`` (TSV) when given, and are counted
    by reason in the summary either way. Every file is written atomically: after an error
    none exists. Raises :class:`~tmx_export.errors.InputError` for input that cannot be
    read.
    """
    inputs = input_list(inputs)
    options = options_from(options, **settings)
    if options.segment is None:
        raise ValueError("build writes units: segment must be sentence, clause or paragraph")
    refuse_output_for_profile(output, options.profile)
    refuse_parts_beside(output, options.max_units)
    check_memory_outputs(output, rejects=options.rejects_path)
    ignored: list[str] = []
    options, declared = declared_languages(inputs, options)
    skipped: list[tuple[str, str]] = []
    options, files, formats = prepare_run(inputs, options, [output, options.rejects_path],
                                           ignored, skipped, names=_OUTPUT_NAMES)
    many = (many_languages(inputs, options.input_format, options.source_lang,
                           options.target_lang)
            if options.languages_from_memory and declared is None else None)
    kinds = _declared_kinds(files, formats, options.segment)
    segtype = header_segtype(kinds.values(), options.profile)
    datatype, unit_datatypes = datatypes_of(files, formats)
    with outputs_together(), ExitStack() as stack:  # all outputs in place, or none
        # The report is opened first, so a bad report path fails before any reading, and
        # it is only renamed into place when the TMX was written.
        report = None
        if options.rejects_path is not None:
            report = stack.enter_context(rejects_output(options.rejects_path))
        run = _Run(options, report=report, keep_rejects=False, progress=progress,
                   explicit=explicit_inputs(inputs), skipped=skipped, unit_kinds=kinds,
                   unit_datatypes=unit_datatypes)
        counts = write_units(run.units(files, formats), output,
                             srclang=options.source_lang, segtype=segtype,
                             datatype=datatype, profile=options.profile,
                             max_units=options.max_units)
    return BuildSummary(
        output=str(output),
        files=[name for f in files
               for name in ((f.source, f.target) if isinstance(f, ParallelInput) else (f,))],
        segtype=segtype,
        pairs_read=run.pairs_read,
        units_written=counts.units,
        duplicates_skipped=run.duplicates,
        rejects=run.rejects.counts,
        repairs=run.repairs + counts.repairs,
        rejects_path=options.rejects_path,
        outputs=counts.files,
        removed=counts.removed,
        formats=Counter(formats.values()),
        accounts=run.accounts,
        ignored=ignored,
        declared=declared,
        defaulted=(*many, options.source_lang, options.target_lang) if many else None,
        written_as=(options.source_lang, options.target_lang)
        if declared and declared != (options.source_lang, options.target_lang) else None,
        relabelled=run.relabelled,
        variants=run.variants,
        source_lang=options.source_lang,
    )


# How build and export_pairs name their outputs in an error: by their arguments.
_OUTPUT_NAMES = ("output", "rejects_path")


def export_pairs(
    inputs: Inputs,
    output: str | Path = "-",
    options: BuildOptions | None = None,
    *,
    output_format: str = "jsonl",
    left_out: Counter[str] | None = None,
    **settings: Any,
) -> Counter[str]:
    """Write the pairs of ``inputs`` (with ``segment``, the units :func:`build` would
    write; by default the pairs as read) to ``output`` as JSON Lines or TSV
    (``output_format``), one per line; return the rejects counted by reason. Options as
    for :func:`build`; both files are written atomically. The pairs are plain text: the
    pairs that had inline codes or notes (a TMX's ``<bpt>``, a ``<note>``), which neither
    format carries, are counted in ``left_out`` (``"inline codes"``, ``"notes"``) when given.
    """
    inputs = input_list(inputs)
    if output_format not in _PAIRS_OUTPUTS:
        raise ValueError(f"unknown output format {output_format!r}; expected one of "
                         f"{', '.join(_PAIRS_OUTPUTS)}")
    if options is None:
        settings.setdefault("segment", None)
    options = options_from(options, **settings)
    from .formats.jsonl import write_pairs_jsonl  # json: only for this output

    writer = {"jsonl": write_pairs_jsonl, "tsv": write_pairs_tsv}[output_format]
    check_memory_outputs(output, *_PAIRS_OUTPUTS[output_format], rejects=options.rejects_path)
    options, _ = declared_languages(inputs, options)
    skipped: list[tuple[str, str]] = []
    options, files, formats = prepare_run(inputs, options, [output, options.rejects_path],
                                           skipped=skipped, names=_OUTPUT_NAMES)
    with outputs_together(), ExitStack() as stack:  # all outputs in place, or none
        # Opened first so that a bad report path fails before any work (see build()).
        report = None
        if options.rejects_path is not None:
            report = stack.enter_context(rejects_output(options.rejects_path))
        run = _Run(options, report=report, keep_rejects=False, explicit=explicit_inputs(inputs),
                   skipped=skipped)
        writer(_counting_left_out(run.units(files, formats), left_out), output)
    return run.rejects.counts


def _counting_left_out(pairs: Iterable[Pair], left_out: Counter[str] | None
                       ) -> Iterator[Pair]:
    """``pairs``, counting in ``left_out`` those whose inline codes or notes the pairs'
    formats leave out: the LISA kit's ImportTest2A.tmx exported as JSON Lines and built
    again lost all 18 of its ``<bpt>`` codes (ImportTest2C its ``<note>``s), and nothing
    said so."""
    if left_out is None:
        yield from pairs
        return
    for pair in pairs:
        if pair.source_markup is not None or pair.target_markup is not None:
            left_out["inline codes"] += 1
        if pair.notes:
            left_out["notes"] += 1
        yield pair


def stream_units(
    inputs: Inputs,
    options: BuildOptions | None = None,
    *,
    progress: ProgressArg = None,
    rejects: Callable[[Reject], None] | None = None,
    relabelled: Counter[tuple[str, str]] | None = None,
    **settings: Any,
) -> Iterator[Pair]:
    """:func:`read_units`, streamed: the units one by one, for work on memories too large
    to hold (checking, concordance). ``rejects`` hears of each reject; ``relabelled``
    counts the texts read by their language part (:attr:`BuildSummary.relabelled`)."""
    inputs = input_list(inputs)
    options = options_from(options, **settings)
    skipped: list[tuple[str, str]] = []
    options, files, formats = prepare_run(inputs, options, [], skipped=skipped)
    run = _Run(options, progress=progress, explicit=explicit_inputs(inputs), keep_rejects=False,
               skipped=skipped)
    if rejects is not None:
        run.rejects.listener = rejects
    if relabelled is not None:
        run.relabelled = relabelled  # counted into as the files are read
    yield from run.units(files, formats)


def read_units(
    inputs: Inputs,
    options: BuildOptions | None = None,
    *,
    progress: ProgressArg = None,
    relabelled_by_input: dict[str, Counter[tuple[str, str]]] | None = None,
    unit_segtypes: bool = False,
    ledger: list[ReadItem] | None = None,
    **settings: Any,
) -> tuple[list[Pair], list[Reject]]:
    """The units :func:`build` would write with the same options, and the rejects.

    Each unit's texts are as written to the TMX and its ``tuid`` is its ``tuid`` there,
    so other outputs (a termbase's examples, say) can point into the TMX.
    ``segment=None`` gives the pairs as read, without splitting off paragraph numbers.
    ``progress`` as for :func:`build`. ``relabelled_by_input``, when given, counts for each
    input (by ``str`` of it) the units whose regional variant was read as the language
    asked (:attr:`BuildSummary.relabelled`).
    ``unit_segtypes``: each unit's ``segtype`` as :func:`build` writes it (see
    :func:`unit_segtype`; the sentence rules cost time, so only when asked).
    ``ledger``, when given, gets a :class:`ReadItem` for each item read, in order.
    """
    inputs = input_list(inputs)
    options = options_from(options, **settings)
    skipped: list[tuple[str, str]] = []
    options, files, formats = prepare_run(inputs, options, [], skipped=skipped)
    kinds = (_declared_kinds(files, formats, options.segment)
             if unit_segtypes and options.segment is not None else None)
    run = _Run(options, progress=progress, explicit=explicit_inputs(inputs), skipped=skipped,
               unit_kinds=kinds, ledger=ledger)
    units = list(run.units(files, formats))
    if relabelled_by_input is not None:
        for name, counted in run.relabelled_by_input.items():
            relabelled_by_input.setdefault(name, Counter()).update(counted)
    return units, list(run.rejects)


def segtype_of(inputs: Sequence[str | Path | ParallelInput],
               options: BuildOptions | None = None, *,
               outputs: Sequence[str | Path | None] = (), **settings: Any) -> str:
    """The ``segtype`` :func:`build` writes in the header for ``inputs`` (see
    :func:`header_segtype`, for ``options.profile``), after the checks :func:`build` makes
    before any work, on ``outputs`` too."""
    options = options_from(options, **settings)
    if options.segment is None:
        raise ValueError("segment must be sentence, clause or paragraph")
    options, files, formats = prepare_run(inputs, options, list(outputs))
    return header_segtype(_declared_kinds(files, formats, options.segment).values(),
                          options.profile)


# --- one run -------------------------------------------------------------------------------

@dataclass(slots=True)
class Accounts:
    """What became of every paragraph (or unit) read: ``read`` = ``in_units`` +
    ``rejected``, checked at the end of every run. Readers' own rejects (a paragraph that
    found no partner) count as read and rejected."""

    read: int = 0
    in_units: int = 0
    rejected: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why) in directories

    def check(self) -> None:
        if self.in_units + self.rejected != self.read:
            raise AccountingError(f"internal error: {self.read} paragraphs read but "
                                  f"{self.in_units} in units and {self.rejected} rejected")


@dataclass(slots=True)
class ReadItem:
    """One item a run read (a paragraph, a TMX ``tu``, a table row, an XLIFF or PO unit)
    and what became of it: the units it gave and the rejects made of it. ``key`` is the
    item's place, (file, sheet, line), the same in every run that reads the input, so a
    memory in several languages (whose runs read a TMX each) counts each item once."""

    key: tuple[str, str, int]
    units: list[Pair] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


class _Run:
    """The units of some inputs as they are read, and the run's account of them.

    Iterate :meth:`units` once; meanwhile (and afterwards) :attr:`rejects`,
    :attr:`pairs_read`, :attr:`duplicates`, :attr:`repairs` and :attr:`accounts` say what
    was read and what became of it, so the units can stream to a writer and every reject
    is still reported. Files named on the command line (``explicit``) that hold no
    bilingual pair are refused; files found in a directory are skipped and listed.
    """

    def __init__(self, options: BuildOptions, *, report: IO[str] | None = None,
                 keep_rejects: bool = True, progress: ProgressArg = None,
                 explicit: frozenset[str] = frozenset(),
                 skipped: Sequence[tuple[str, str]] = (),
                 unit_kinds: Mapping[Input, str] | None = None,
                 unit_datatypes: Mapping[Input, str] | None = None,
                 ledger: list[ReadItem] | None = None) -> None:
        self.options = options
        # a check of memories beside dumps: the memories' units as they hold them, as a
        # check of memories alone reads them (see _options_for)
        self._as_read = replace(options, clean=NO_CLEANING, dedupe="none", renumber=False,
                                untranslated=True, include_fuzzy=True,
                                memories_as_read=False)
        # each item read and its units and rejects, when a caller keeps the account
        # across runs (build --langs: multilingual.py)
        self.ledger = ledger
        # each input's declared kind of unit, when its units' own kinds are to be written
        # (build: see unit_segtype); no other run spends the sentence rules on them
        self.unit_kinds = unit_kinds
        # the datatype of each input whose units must say their own (see datatypes_of)
        self.unit_datatypes = unit_datatypes or {}
        self.explicit = explicit
        self.pairs_read = 0
        self.duplicates = 0
        self.numbered = 0
        self.accounts = Accounts(skipped=list(skipped))  # what prepare_run left out
        # Written to ``report`` as they come when one is open, else kept for the caller.
        self.rejects = RejectLog(report, keep=keep_rejects)
        self.repairs: Counter[str] = Counter()
        self.relabelled: Counter[tuple[str, str]] = Counter()  # see _FileCounts
        self.relabelled_by_input: dict[str, Counter[tuple[str, str]]] = {}  # the same, per input
        self.variants: Counter[str] = Counter()  # see _FileCounts
        self.progress = (progress if isinstance(progress, Progress) or progress is None
                         else _CallableProgress(progress))

    def units(self, files: list[Input], formats: dict[Input, str]) -> Iterator[Pair]:
        """read -> clean -> segment -> prepare -> number, one paragraph after the other."""
        if self.progress is not None:
            self.progress.start(sum(input_size(f) for f in files))
        preparers = [Preparer(options.dedupe, self.repairs, options.untranslated)
                     for options in (self.options, self._as_read)]
        accounts = self.accounts
        tu_rejected = False  # the last tu counted gave no unit (so far: see variants below)
        for path, fmt, records, counts in self._inputs(files, formats):
            rejected_before = len(self.rejects)
            file_options = self._options_for(fmt)
            preparer = preparers[file_options is self._as_read]
            declared = self.unit_kinds.get(path) if self.unit_kinds is not None else None
            datatype = self.unit_datatypes.get(path)
            heard = 0  # bytes of this input the progress has heard of (its parts read)
            for record in records:
                check_terminated()
                if counts.done_bytes > heard and self.progress is not None:
                    self.progress.partly(str(path), counts.done_bytes - heard)
                    heard = counts.done_bytes
                if isinstance(record, Reject):
                    accounts.read += 1
                    self.rejects.append(record)
                    accounts.rejected += 1
                    if self.ledger is not None:
                        self.ledger.append(ReadItem((record.file, "", record.line),
                                                    rejects=[record]))
                    continue
                item, units, rejects = record
                # A TMX tu with variants of a language gives a pair for each: the account
                # counts what the file holds, the tu, in units when any of its pairs is.
                variant = getattr(item, "variant", False)
                if not variant:
                    accounts.read += 1
                    if self.ledger is not None:
                        self.ledger.append(ReadItem(
                            (item.file, item.props.get("x-sheet", ""), item.line)))
                entry = self.ledger[-1] if self.ledger else None
                before = len(self.rejects)
                self.rejects.extend(rejects)
                if entry is not None:
                    entry.rejects.extend(rejects)
                kept = 0
                for unit, reason in preparer(units):
                    if reason is not None:
                        self.duplicates += reason == "duplicate"
                        reject = Reject.of(unit, reason)
                        self.rejects.append(reject)
                        if entry is not None:
                            entry.rejects.append(reject)
                        continue
                    if entry is not None:
                        entry.units.append(unit)
                    kept += 1
                    self.numbered += 1
                    if file_options.renumber:
                        unit.tuid = str(self.numbered)
                    elif unit.tuid is None:
                        # in a TMX, beside units' own tuids, a place cannot pass for
                        # one; elsewhere no unit has one: the tuids build would give
                        unit.tuid = (unnumbered_tuid(self.numbered) if fmt == "tmx"
                                     else str(self.numbered))
                    if declared is not None:
                        unit.segtype = unit_segtype(unit, declared, fmt in UNIT_FORMATS,
                                                    self.options.srx)
                    unit.datatype = datatype
                    yield unit
                if kept:
                    if not variant:
                        accounts.in_units += 1
                    elif tu_rejected:  # its tu's first pair gave no unit, this one does
                        accounts.rejected -= 1
                        accounts.in_units += 1
                    tu_rejected = False
                    continue
                if len(self.rejects) == before:  # nothing is dropped without a reason
                    reject = Reject.of(item, "no-unit")
                    self.rejects.append(reject)
                    if entry is not None:
                        entry.rejects.append(reject)
                if not variant:
                    accounts.rejected += 1
                    tu_rejected = True
            self.pairs_read += counts.pairs_read
            self.repairs.update(counts.repairs)
            self.relabelled.update(counts.relabelled)
            self.relabelled_by_input.setdefault(str(path), Counter()).update(counts.relabelled)
            self.variants.update(counts.variants)
            self.accounts.skipped.extend(counts.skipped)
            if self.progress is not None:
                self.progress.advance(str(path), input_size(path))
            if counts.pairs_read == 0 and len(self.rejects) == rejected_before:
                self._nothing_bilingual(path, fmt)
        accounts.check()
        if self.numbered == 0 and not self.options.allow_empty:
            raise self._nothing_read(files) or InputError(input_names(files),
                                                          self._empty_reason())

    def _options_for(self, fmt: str) -> BuildOptions:
        """The options an input of format ``fmt`` is read, cleaned and numbered with:
        :attr:`BuildOptions.memories_as_read` reads a memory's units as it holds them."""
        if self.options.memories_as_read and fmt in UNIT_FORMATS:
            return self._as_read
        return self.options

    def _nothing_bilingual(self, path: Input, fmt: str) -> None:
        """A file in which the reader found nothing at all, not even a paragraph it had to
        reject: refused when named, skipped (and listed) when found in a directory."""
        why = (f"no bilingual {self.options.source_lang}/{self.options.target_lang} text "
               f"found (read as {fmt})")
        names = (path.source, path.target) if isinstance(path, ParallelInput) else (path,)
        if any(str(name) in self.explicit for name in names) or path == "-":
            raise InputError(str(path), why)
        self.accounts.skipped.append((str(path), why))

    def _nothing_read(self, files: list[Input]) -> InputError | None:
        """The error of a run that read nothing because every file it found was skipped
        (empty, or no bitext in it), naming them and why; None when something was read.
        Without it the error named "0 inputs" and said "0 read, all rejected"."""
        skipped = self.accounts.skipped
        if self.accounts.read or not skipped:
            return None
        name = (skipped[0][0] if len(skipped) == 1
                else input_names(files) if files else f"{len(skipped)} files")
        listed = "; ".join(f"{shown_name(file)}: {why}" for file, why in skipped[:3])
        more = f"; {len(skipped) - 3} more" if len(skipped) > 3 else ""
        return InputError(name, "no translation unit to write: nothing read, every file "
                          f"found was skipped ({listed}{more}); use --allow-empty to write "
                          "an empty file anyway")

    def _empty_reason(self) -> str:
        drafts = ("; --include-fuzzy writes the drafts (fuzzy) too"
                  if self.rejects.counts["fuzzy"] else "")
        return (nothing_left("no translation unit to write", self.accounts.read,
                             self.rejects.counts, self.rejects.languages)
                + drafts + "; use --allow-empty to write an empty file anyway")

    def _inputs(self, files: list[Input], formats: dict[Input, str]
                ) -> Iterator[tuple[Input, str, Iterator[Record], _FileCounts]]:
        """Each input with its records, in input order.

        With ``jobs`` above 1 the work is shared by that many processes. Several inputs that
        can be read elsewhere (all but TMX files, which are streamed, and standard input)
        are each read and cut into units in a process of their own. Otherwise (one large
        file) a dump read in parts sends each part to a process whole; another input is
        read here and its pairs go to the processes in chunks to be cleaned, segmented and
        aligned; inputs that hold units already (TMX, tables) are only cleaned, here.
        Either way the units are prepared, numbered and written here, in input order, so
        the output is the same as with one job."""
        options = self.options
        if options.jobs <= 1:
            for path in files:
                counts = _FileCounts()
                yield path, formats[path], _file_records(path, formats[path],
                                                         self._options_for(formats[path]),
                                                         counts), counts
            return
        parallel = [f for f in files if _parallel(f, formats[f])]
        whole = parallel if (len(parallel) >= 2 and sum(input_size(f) for f in parallel)
                             >= PARALLEL_MIN_BYTES) else []
        pool = _LazyPool(options.jobs)
        try:
            futures = {f: pool.submit(_file_work, f, formats[f], self._options_for(formats[f]))
                       for f in whole}
            for path in files:
                future = futures.get(path)
                if future is None:
                    counts = _FileCounts()
                    options = self._options_for(formats[path])
                    # a large dump's parts each go to a process whole; else the pairs read
                    # here go in chunks (units as read, of a TMX or a table: only their
                    # texts, to be judged by the cleaning rules, _reasons_work)
                    parts = input_parts(path, formats[path], options)
                    records: Iterator[Record] = (
                        _parted_records(path, formats[path], parts, options, counts, pool)
                        if parts is not None and len(parts) > 1 else
                        _chunked_records(path, formats[path], options, counts, pool, parts))
                else:
                    done, counts = future.result()
                    records = iter(done)
                yield path, formats[path], records, counts
        finally:
            pool.shutdown()


# Below this much input the work is not shared: starting processes (a tenth of a second)
# would cost more than it saves.
PARALLEL_MIN_BYTES = 200_000


class _LazyPool:
    """A process pool started on the first piece of work sent to it: a small input, read
    and cut in fewer pairs than a chunk, never starts one."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: Executor | None = None

    @property
    def started(self) -> bool:
        return self.pool is not None

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=pool_worker_signals)
        return self.pool.submit(fn, *args)

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


# What one pair as read becomes: the pair, its units (cleaned, segmented, scored) and the
# rejects on the way; or a reader's reject of its own.
Record = Reject | tuple[Pair, list[Pair], list[Reject]]


@dataclass(slots=True)
class _FileCounts:
    """What reading one input found besides its records."""

    pairs_read: int = 0
    repairs: Counter[str] = field(default_factory=Counter)
    done_bytes: int = 0  # of the parts of a large dump read to their end (for progress)
    # TMX units a side was taken from by its language part: (tag held, tag asked) -> count
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)
    # TMX tus that gave competing pairs (two variants of a language asked), by language
    variants: Counter[str] = field(default_factory=Counter)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # parts a reader left out


def _parallel(path: Input, fmt: str) -> bool:
    """Whether an input may be read in another process: not a TMX (streamed, memory flat),
    not standard input."""
    return fmt != "tmx" and path != "-"


def _file_work(path: Input, fmt: str, options: BuildOptions
               ) -> tuple[list[Record], _FileCounts]:
    """One input's records, whole (what a worker process returns)."""
    counts = _FileCounts()
    return list(_file_records(path, fmt, options, counts)), counts


# Pairs a process is sent at a time, and chunks in flight per process: enough to keep the
# processes busy, few enough that memory stays flat in the input's size.
CHUNK_PAIRS = 200
CHUNKS_AHEAD = 3


def _chunk_work(chunk: list[tuple[int, Pair]], fmt: str, options: BuildOptions
                ) -> list[Record]:
    """clean -> segment -> min score for a chunk of pairs (what a worker process does).
    The chunk is cleaned at once: the language identifier judges many sides faster
    together than one by one."""
    reasons = check_many([pair for _, pair in chunk], _clean_options(fmt, options))
    return _records(chunk, reasons, fmt, options)


def _reasons_work(texts: list[tuple[str, str, str, str]], fmt: str, options: BuildOptions
                  ) -> list[str | None]:
    """The cleaning rule each of a chunk of units as read fails, or ``None`` (what a worker
    process does for inputs that hold units already, TMX and tables, which need nothing
    else): only the texts and languages go out and only the reasons come back, where
    whole units out and records back made a 50,000-unit TMX take 2.5x the time. The
    rules read nothing else of a unit."""
    pairs = [Pair(source, target, source_lang, target_lang)
             for source, target, source_lang, target_lang in texts]
    return check_many(pairs, _clean_options(fmt, options))


def _clean_options(fmt: str, options: BuildOptions) -> CleanOptions:
    rules = options.clean
    if fmt in MARKUP_IS_CONTENT:
        rules = replace(rules, rules=rules.rules - {"leftover-markup"})
    if fmt in UNIT_FORMATS:  # no pairing stage judged their sides' languages
        rules = replace(rules, third_language=True)
    return rules


def _records(chunk: list[tuple[int, Pair]], reasons: list[str | None], fmt: str,
             options: BuildOptions) -> list[Record]:
    # in a worker, where a signal is only noted (pool_worker_signals): obeyed here
    check_terminated()
    return [(pair, *_units_of(pair, fmt, position, options, reason))
            for (position, pair), reason in zip(chunk, reasons, strict=True)]


@dataclass(slots=True)
class _Cleaning:
    """A chunk of units as read, whose cleaning a worker process is judging."""

    reasons: Future[list[str | None]]
    chunk: list[tuple[int, Pair]]


def _part_work(path: Input, fmt: str, part: DumpPart, options: BuildOptions
               ) -> tuple[list[Record], _FileCounts]:
    """One part of a large dump's records, whole (what a worker process returns); the
    positions of its paragraphs count from the part's start (see _parted_records)."""
    counts = _FileCounts()
    return list(_chunked_records(path, fmt, options, counts, None, [part])), counts


def _parted_records(path: Input, fmt: str, parts: DumpParts, options: BuildOptions,
                    counts: _FileCounts, pool: _LazyPool) -> Iterator[Record]:
    """The records of a dump read in ``parts`` (:func:`tmx_export.dump.reader.split_dump`),
    each part read and made into units in ``pool``, given back in input order: the same
    records as reading the parts here one after the other. Parts are taken as they are
    sent (a part read from the file when it is its turn, one sent let go here)."""
    remaining = iter(parts)
    del parts

    def send(count: int) -> None:
        pending.extend(pool.submit(_part_work, path, fmt, part, options)
                       for part in islice(remaining, count))

    pending: deque[Future[tuple[list[Record], _FileCounts]]] = deque()
    send(options.jobs + 1)
    position = 0  # pairs (readers' rejects not counted) in the parts given so far
    while pending:
        records, done = pending.popleft().result()
        send(1)  # the next part goes while this one's records are given
        counts.pairs_read += done.pairs_read
        counts.repairs.update(done.repairs)
        counts.done_bytes += done.done_bytes
        before = position
        for record in records:
            if isinstance(record, Reject):
                continue
            pair, units, _ = record
            if pair.number is None and before:
                # a paragraph without a printed number is known by its position in the
                # file (_units_of), which the part could only count from its own start
                for paragraph in (pair, *units):
                    # (a numbered dump's pair without a number is known by the
                    # paragraph it follows, "2+1": no position)
                    if isinstance(paragraph.paragraph, int):
                        paragraph.paragraph += before
            position += 1
        yield from records


def _chunked_records(path: Input, fmt: str, options: BuildOptions, counts: _FileCounts,
                     pool: _LazyPool | None, parts: DumpParts | None = None
                     ) -> Iterator[Record]:
    """The records of one input (of ``parts`` of a dump, when given), read here, their
    units made chunk by chunk in ``pool`` (or here, without one) and given back in input
    order. Pairs too few to fill a chunk, when no process has been started, are done
    here."""
    pending: deque[Reject | list[Record] | Future[list[Record]] | _Cleaning] = deque()
    in_flight = 0
    chunk: list[tuple[int, Pair]] = []

    def submit(last: bool = False) -> None:
        nonlocal chunk, in_flight
        if not chunk:
            return
        if pool is None or last and len(chunk) < CHUNK_PAIRS and not pool.started:
            pending.append(_chunk_work(chunk, fmt, options))
        elif fmt in UNIT_FORMATS:  # units as read: only their cleaning goes out
            texts = [(pair.source, pair.target, pair.source_lang, pair.target_lang)
                     for _, pair in chunk]
            pending.append(_Cleaning(pool.submit(_reasons_work, texts, fmt, options), chunk))
            in_flight += 1
        else:
            pending.append(pool.submit(_chunk_work, chunk, fmt, options))
            in_flight += 1
        chunk = []

    def give(limit: int) -> Iterator[Record]:
        nonlocal in_flight
        while pending and (in_flight > limit or isinstance(pending[0], (Reject, list))):
            head = pending.popleft()
            if isinstance(head, Reject):
                yield head
            elif isinstance(head, list):
                yield from head
            elif isinstance(head, _Cleaning):
                in_flight -= 1
                yield from _records(head.chunk, head.reasons.result(), fmt, options)
            else:
                in_flight -= 1
                yield from head.result()

    position = 0  # of the pair in its document (readers' rejects not counted)
    ahead = CHUNKS_AHEAD * options.jobs if pool is not None else 0
    for item in _read(path, fmt, options, counts, parts):
        if isinstance(item, Reject):
            submit(last=True)  # the pairs before it go first: records keep the input's order
            pending.append(item)
        else:
            position += 1
            chunk.append((position, item))
            if len(chunk) >= CHUNK_PAIRS:
                submit()
        yield from give(ahead)
    submit(last=True)
    yield from give(0)


def _file_records(path: Input, fmt: str, options: BuildOptions, counts: _FileCounts
                  ) -> Iterator[Record]:
    """read -> clean -> segment -> min score for one input, in this process."""
    return _chunked_records(path, fmt, options, counts, None)


def _read(path: Input, fmt: str, options: BuildOptions, counts: _FileCounts,
          parts: DumpParts | None = None) -> Iterator[Pair | Reject]:
    """The pairs of one input (of ``parts`` of a dump, when given) and the reader's
    rejects, as they come (a TMX streamed)."""
    if fmt == "tmx" and not isinstance(path, ParallelInput) and tmx_is_streamed():
        units = iter_tmx(path, source_lang=options.source_lang,
                         target_lang=options.target_lang, claimed=options.claimed_langs,
                         relabelled=counts.relabelled, variants=counts.variants,
                         repairs=counts.repairs)
        # a memory whose declared languages are swapped as a whole is refused as a table is:
        # its short units ("TRADUZIONE" as German) are too short for any test of one unit
        yield from _languages_checked(path, units, options, counts, memory=True)
    elif (streams := open_input(path, fmt, options, parts)) is not None:
        # each part of a large dump on its own, its languages judged on its own sample, as
        # when the parts are read in other processes (_parted_records)
        for opened in streams:
            counts.repairs.update(opened.repairs)
            yield from _languages_checked(path, opened.items, options, counts)
            counts.done_bytes += opened.size
    else:
        result = read_input(path, fmt, options)
        # what a dump rejected as another language tells its language too (not a memory:
        # its units declare theirs)
        _check_document_languages(path, result.pairs, options,
                                  result.rejects if fmt == "dump" else (), fmt == "tmx")
        counts.pairs_read += len(result.pairs)
        counts.repairs.update(result.repairs)
        counts.relabelled.update(result.relabelled)
        counts.skipped.extend(result.skipped)
        # the rejects at their places among the pairs: the report keeps the input's order
        places = deque(zip(result.places(), result.rejects, strict=True))
        # Each pair is let go once handed on: memory stays flat while the file's
        # units are made and written.
        pairs, result = result.pairs, None
        for i, pair in enumerate(pairs):
            while places and places[0][0] <= i:
                yield places.popleft()[1]
            pairs[i] = None  # type: ignore[call-overload]
            yield pair
        yield from (reject for _place, reject in places)


def _languages_checked(path: Input, items: Iterator[Pair | Reject], options: BuildOptions,
                       counts: _FileCounts, memory: bool = False
                       ) -> Iterator[Pair | Reject]:
    """A streamed input's pairs and rejects, once the document's languages are judged on
    the pairs that make its sample (read ahead, then given on with the rest); with the
    texts rejected too, unless a ``memory`` (its units declare their languages)."""
    head: list[Pair | Reject] = []
    sample = [0, 0]  # characters of each side, as document_sample counts them
    for item in items:
        head.append(item)
        if not isinstance(item, Reject):
            sample[0] += len(item.source) + 1
            sample[1] += len(item.target) + 1
            if min(sample) >= DOCUMENT_SAMPLE_CHARS:
                break
    _check_document_languages(path, [p for p in head if not isinstance(p, Reject)], options,
                              [r for r in head if isinstance(r, Reject) and not memory],
                              memory)
    for item in chain(head, items):
        if not isinstance(item, Reject):
            counts.pairs_read += 1
        yield item


def _check_document_languages(path: Input, pairs: list[Pair], options: BuildOptions,
                              rejected: Sequence[Reject] = (), memory: bool = False) -> None:
    """Refuse a document whose sides are not in the languages asked for, judged over the
    whole document (short sides slip past any per-pair test): swapped files, or a language
    that is not there at all (judged with the ``rejected`` texts too when the sides are
    short). A ``memory`` (TMX) is refused when swapped: its labels, not the options, are
    wrong."""
    source, target = options.source_lang, options.target_lang
    want = primary(source), primary(target)
    if want[0] == want[1] or not pairs:
        return
    _refuse_close_languages(path, pairs, options)
    if _clearly_as_asked(pairs, want):
        return
    found = (_side_language([p.source for p in pairs]),
             _side_language([p.target for p in pairs]))
    if found[0] is not None and found[1] is not None:
        (got_source, p_source), (got_target, p_target) = found
        sure = p_source >= LANGUAGE_SURE and p_target >= LANGUAGE_SURE
        if sure and (got_source, got_target) == (want[1], want[0]):
            raise InputError(str(path), _swapped(options, memory))
    wrong = [(side, lang_found[0], tag) for side, lang_found, tag in
             (("source", found[0], source), ("target", found[1], target))
             if lang_found is not None and lang_found[0] != primary(tag)
             and lang_found[1] >= LANGUAGE_SURE]
    if wrong and _swapped_by_words(pairs, want):
        # the identifier, over all its languages, read Croatian as Bosnian ("sl -> bs"):
        # between the two asked, the word lists tell the sides are swapped
        raise InputError(str(path), _swapped(options, memory))
    if wrong:
        side, got, tag = wrong[0]
        option = options.language_option(side == "target")
        raise InputError(str(path), f"the {side} text reads as {got}, not {tag} "
                         f"({_what_was_found(found, pairs, rejected)}); check {option}")
    if found[0] is None or found[1] is None:
        # Too little text on a side for the identifier. The whole document, both sides and
        # what was rejected, may still read as a language asked for on neither side: a
        # German file beside its English and French ones is cut into "pairs" of German
        # halves, their sides too short for any test of one pair, while its long
        # paragraphs are rejected as German.
        third = _third_language(pairs, rejected, want) or _mostly_rejected_as(pairs, rejected,
                                                                               want)
        if third is not None:
            raise InputError(str(path), f"the text reads as {third}, neither {source} nor "
                             f"{target}; check {options.language_option()}")
        # the word lists still tell swapped sides
        if _swapped_by_words(pairs, want):
            raise InputError(str(path), _swapped(options, memory))
        _check_short_sides(path, pairs, options, found)


def _check_short_sides(path: Input, pairs: list[Pair], options: BuildOptions,
                       found: tuple[tuple[str, float] | None, tuple[str, float] | None]
                       ) -> None:
    """Refuse a document side too short for the identifier (``found`` ``None``) whose words
    say it is not in its language: they read as a third one ("Muchas gracias. Se levanta la
    sesión." as fr-FR, "Guten Tag allerseits." as en-GB), or mostly as no language of the
    pair. Each pair of such a document is too short for any test of its own, so its text
    was written under a language nothing confirmed."""
    tags = options.source_lang, options.target_lang
    for side, (tag, other, lang_found) in enumerate(zip(tags, tags[::-1], found, strict=True)):
        if lang_found is not None:
            continue
        name, option = "target" if side else "source", options.language_option(side)
        text = document_sample(p.target if side else p.source for p in pairs)
        third = third_language_by_words(text, primary(tag), primary(other))
        if third is not None:
            raise InputError(str(path), f"the {name} text reads as {third} by its words, not "
                             f"{tag} (too short for the identifier); check {option}")
        if unconfirmed(text, primary(tag), primary(other)):
            raise InputError(str(path), f"the {name} text is too short for the identifier and "
                             f"most of its words are neither {primary(tag)} nor "
                             f"{primary(other)}: nothing says it is {tag}; check {option}")


def _refuse_close_languages(path: Input, pairs: list[Pair], options: BuildOptions) -> None:
    """Refuse a document side whose words lean clearly to a language close to its tag's
    (:func:`~tmx_export.lang.close_language`): Spanish labelled pt-PT leans to Portuguese
    against German, so the test of the pair's two languages passed it. So is a side whose
    script is another CJK language's (:func:`~tmx_export.lang.script_language`)."""
    tags = options.source_lang, options.target_lang
    samples = (document_sample(p.source for p in pairs),
               document_sample(p.target for p in pairs))
    scripts = [script_language(sample, primary(tag)) for sample, tag in zip(samples, tags,
                                                                            strict=True)]
    found = [script or (close_language(sample, primary(tag), CLOSE_DOCUMENT_LEAN, 1)
                        if len(sample) >= DOCUMENT_MIN_CHARS else None)
             for script, sample, tag in zip(scripts, samples, tags, strict=True)]
    if found == [primary(tags[1]), primary(tags[0])]:
        raise InputError(str(path), _swapped(options))
    for side, option, got, script, tag in zip(("source", "target"),
                                              map(options.language_option, (0, 1)), found,
                                              scripts, tags, strict=True):
        if got is not None:
            what = "script is" if script else "words are"
            raise InputError(str(path), f"the {side} text reads as {got}, not {tag} (its "
                             f"{what} {got}'s rather than {primary(tag)}'s); check {option}")


def _swapped_by_words(pairs: list[Pair], want: tuple[str, str]) -> bool:
    """Whether the word lists of the two languages asked say each side is in the other."""
    if want[0] not in word_list_languages() or want[1] not in word_list_languages():
        return False
    lean_source = text_score(" ".join(p.source for p in pairs), *want)
    lean_target = text_score(" ".join(p.target for p in pairs), *want)
    return lean_source < -SWAP_LEAN and lean_target > SWAP_LEAN


def _what_was_found(found: tuple[tuple[str, float] | None, tuple[str, float] | None],
                    pairs: list[Pair], rejected: Sequence[Reject]) -> str:
    """The languages found, in a refusal's words. A side too short to tell is said with
    what it was judged on: a DE-EN dump read as EN-FR keeps 2 short "pairs" of its 62
    paragraphs and rejects the rest as German, and "too little text" alone read as if the
    file were too short."""
    if found[0] is not None and found[1] is not None:
        return f"text found: {found[0][0]} -> {found[1][0]}"
    sides = " -> ".join(f[0] if f else "too short to tell" for f in found)
    words = f"text found in the {len(pairs)} pairs read: {sides}"
    if rejected:
        langs = Counter(lang for reject in rejected for lang in reject.languages)
        held = "".join(f", {count} of them holding {lang} text"
                       for lang, count in langs.most_common(1))
        words += f"; {len(rejected)} rejected, not read as pairs{held}"
    return words


def _side_language(texts: list[str]) -> tuple[str, float] | None:
    """What py3langid reads a document side as (:func:`document_language`); a short side
    (:data:`SHORT_SIDE_MIN_CHARS` or more) only when it is all but certain
    (:data:`SHORT_SIDE_SURE`), else ``None``. Two German sentences labelled Dutch ("Die
    Kommission legt dem Rat einen Bericht vor.") were written as Dutch: each too short for
    a test of its own, and leaning towards Dutch against Italian in the word lists."""
    found = document_language(texts)
    if found is not None:
        return found
    short = document_language(texts, SHORT_SIDE_MIN_CHARS)
    return short if short is not None and short[1] >= SHORT_SIDE_SURE else None


def _mostly_rejected_as(pairs: list[Pair], rejected: Sequence[Reject], want: tuple[str, str]
                        ) -> str | None:
    """A language neither asked for in which the paragraphs rejected for it are as many as
    the pairs kept, or more: a short German dump labelled Dutch has its long paragraphs
    rejected as German, and its short ones, too short to judge, must not be written as
    Dutch. (A short document whose evidence is half a third language cannot be sure.)"""
    found = Counter(lang for r in rejected for lang in r.languages
                    if primary(lang) not in want)
    if not found:
        return None
    lang, count = found.most_common(1)[0]
    return lang if count >= len(pairs) else None


def _third_language(pairs: list[Pair], rejected: Sequence[Reject], want: tuple[str, str]
                    ) -> str | None:
    """The language the whole document reads as (both sides, and the texts rejected), when
    it is surely neither language asked for (:data:`THIRD_LANGUAGE_SURE`). In lower case:
    py3langid learnt its n-grams on running text, and a title in capitals ("LISTE DER
    SCHIEDSRICHTER") pulls a German document under the bar."""
    texts = chain((p.source for p in pairs), (p.target for p in pairs),
                  (r.text for r in rejected))
    joined = document_sample(texts).lower()
    if len(joined) < THIRD_LANGUAGE_MIN_CHARS:
        return None
    lang, prob = identifier().classify(joined)
    return str(lang) if lang not in want and prob >= THIRD_LANGUAGE_SURE else None


def _clearly_as_asked(pairs: list[Pair], want: tuple[str, str]) -> bool:
    """Whether the word lists alone say the document's sides are in the two languages
    asked, in that order, so the identifier (50 MB and a tenth of a second to load) need
    not be asked. A side must lean its own way by ``CLEAR_LEAN`` on average over a sample
    of the document: real sides lean 1.1 to 2 (DGT-TM English against French 1.1, French
    -1.9), while a third language leans at most half that way (23 EU languages against
    en/fr and en/de: at most 0.56, Spanish towards French). Over a sample of
    :data:`~tmx_export.lang.DOCUMENT_MIN_CHARS` at least on each side: a few words of a
    close third language lean far ("Die Kommission legt dem Rat einen Bericht vor."
    towards Dutch against Italian, 1.2), and a short document costs the identifier
    little."""
    known = word_list_languages()
    if want[0] not in known or want[1] not in known:
        return False
    samples = (document_sample(p.source for p in pairs),
               document_sample(p.target for p in pairs))
    if min(map(len, samples)) < DOCUMENT_MIN_CHARS:
        return False
    source, target = (mean_score(sample, *want) for sample in samples)
    return (source is not None and target is not None
            and source >= CLEAR_LEAN and target <= -CLEAR_LEAN)


def _units_of(pair: Pair, fmt: str, position: int, options: BuildOptions,
              reason: str | None) -> tuple[list[Pair], list[Reject]]:
    """segment -> min score for one pair as read, ``reason`` the cleaning rule it failed
    (or ``None``): its units and the rejects."""
    if reason is not None:
        return [], [Reject.of(pair, reason)]
    if fmt in UNIT_FORMATS:
        return [pair], []
    # Every unit says which paragraph it comes from: the number the document prints, or
    # else the paragraph's position in its document (unless the input says so itself, as
    # a pairs file's x-paragraph does).
    if pair.paragraph is None and "x-paragraph" not in pair.props:
        pair.paragraph = pair.printed_paragraph() if pair.number is not None else position
    units, rejects = _segment(pair, options)
    units, low = below_min_score(units, options.min_score)
    return units, rejects + low


def _segment(pair: Pair, options: BuildOptions) -> tuple[list[Pair], list[Reject]]:
    mode = options.segment
    if mode is None:
        return [pair], []
    if mode == "paragraph":  # SRX rules decide whether "34." is a segment of its own
        return paragraph_units(pair, rules=options.srx), []
    return segment_pair(pair, mode, rules=options.srx, glossary=_glossary(options.glossary))


@lru_cache(maxsize=4)
def _glossary(pairs: tuple[tuple[str, str], ...]) -> Glossary | None:
    return Glossary(pairs) if pairs else None


# py3langid's probability above which a whole document's language is taken as known, and
# the summed word scores (log10 ratios) that say a short document's sides are swapped.
LANGUAGE_SURE = 0.9
SWAP_LEAN = 2.0
# A whole document (both sides) this long, read as a third language with this probability,
# is in neither language asked for (py3langid gives a German paragraph of 140 characters
# 0.9996, a short English and French one at most 0.9 for either language).
THIRD_LANGUAGE_MIN_CHARS = 100
THIRD_LANGUAGE_SURE = 0.99
# A document side shorter than py3langid's usual bar (DOCUMENT_MIN_CHARS) but this long is
# judged too, when py3langid is this sure: of 3,443 real English and French sides of 60 to
# 200 characters (DGT-TM and Europarl, one to three pairs joined), none reads as another
# language with 0.98; one with 0.97 and four with 0.9, each mostly a Polish or Hungarian
# ministry's name ("Ministerstwo Gospodarki Morskiej ... (Ministry of Maritime ...)").
SHORT_SIDE_MIN_CHARS = 60
SHORT_SIDE_SURE = 0.98


def _swapped(options: BuildOptions, memory: bool = False) -> str:
    source, target = options.source_lang, options.target_lang
    read = f"the source text reads as {primary(target)} and the target text as {primary(source)}"
    if memory:  # the options choose tuvs by their labels: the labels themselves are wrong
        return f"{read}: the memory's language labels look swapped ({source} <-> {target})"
    if options.claimed_langs:  # each input was chosen for its languages by --langs
        return f"{read}: the sides look swapped (check --langs and the inputs' languages)"
    return (f"{read}: the sides look swapped (swap --source and --target, or "
            "--source-lang and --target-lang)")


def nothing_left(what: str, read: int, reasons: Counter[str], languages: Counter[str]) -> str:
    """Why a run has no unit: ``what``, then the ``read`` paragraphs or units all rejected
    for their commonest ``reasons``, and :func:`languages_held`."""
    common = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common(3))
    held = languages_held(languages)
    return (f"{what}: {read} read, all rejected" + (f" ({common})" if common else "")
            + (f"; {held}" if held else ""))


def no_unit_in_pair(inputs: Sequence[Input], what: str, source_lang: str, target_lang: str,
                    languages: Counter[str], reasons: Counter[str] | None = None
                    ) -> InputError:
    """The error of a command that read ``inputs`` and found no unit in the pair to
    ``what`` (check, search): a run of nothing must not pass for a run that found
    nothing. ``reasons``: why the units read were left out, when they were."""
    held = languages_held(languages)
    if not held and reasons:
        common = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common(3))
        held = f"{reasons.total()} read, all left out ({common})"
    return InputError(input_names(inputs), f"no {source_lang}/{target_lang} unit to {what}; "
                      f"{held or 'the input holds none'}")


def languages_held(languages: Counter[str]) -> str:
    """When units lacked the language pair asked for, the ``languages`` they hold (each
    spelling of a tag once, most units first) and how to choose; "" without any."""
    held: dict[str, str] = {}
    for tag, _ in languages.most_common():
        held.setdefault(normalise_tag(tag), tag)
    if not held:
        return ""
    return (f"the units hold {', '.join(held.values())}: choose the pair with --source-lang "
            "and --target-lang")


def input_names(inputs: Sequence[Input]) -> str:
    """How an error names the inputs of a run: the one input, or how many."""
    if len(inputs) != 1:
        return f"{len(inputs)} inputs"
    return str(inputs[0]) if isinstance(inputs[0], ParallelInput) else input_name(inputs[0])


# --- checks before any work ------------------------------------------------------------------

def explicit_inputs(inputs: Sequence[str | Path | ParallelInput]) -> frozenset[str]:
    """The files named one by one (not found in a directory)."""
    names: set[str] = set()
    for given in inputs:
        names.update((given.source, given.target) if isinstance(given, ParallelInput)
                     else (str(given),))
    return frozenset(names)


def declared_languages(inputs: Sequence[str | Path | ParallelInput], options: BuildOptions
                       ) -> tuple[BuildOptions, tuple[str, str] | None]:
    """With ``options.languages_from_memory`` (the user named no language), ``options``
    with the pair every input declares alike (:func:`~tmx_export.inputs.declared_pair`:
    memories only, each declaring the same pair) and that pair; else ``options`` as they
    are and ``None``. A translator converting a German-Italian XLIFF need not say so."""
    if not options.languages_from_memory:
        return options, None
    asked = (options.source_lang, options.target_lang)
    declared = declared_pair(inputs, options.input_format, *asked, vaguer=True)
    if declared is None:
        return options, None
    if all(normalise_tag(tag) == primary(tag) == primary(other)
           for tag, other in zip(declared, asked, strict=True)):
        # a vaguer spelling of the default pair ("en"/"fr", as OmegaT writes): written as
        # en-GB/fr-FR all the same, which the summary says (BuildSummary.written_as)
        return options, declared
    _check_declared_for_profile(inputs, declared, options.profile)
    return replace(options, source_lang=declared[0], target_lang=declared[1]), declared


# A region to suggest for a language a profile wants one for (anything else: "XX").
_USUAL_REGION = {"en": "GB", "fr": "FR", "de": "DE", "it": "IT", "es": "ES", "pt": "PT",
                 "nl": "NL", "pl": "PL", "sv": "SE", "da": "DK", "fi": "FI", "el": "GR"}


def _check_declared_for_profile(inputs: Sequence[str | Path | ParallelInput],
                                declared: tuple[str, str], profile: str) -> None:
    """Refuse, naming the memory and the options that choose, a declared language code the
    profile cannot use: the user gave no --source-lang, so an error about it would puzzle."""
    try:
        chosen = get_profile(profile)
    except ValueError:
        return  # prepare_run names --profile
    problems, choices = [], []
    for option, code in zip(("--source-lang", "--target-lang"), declared, strict=True):
        try:
            lang_code(code, chosen)
        except ValueError as exc:
            lang = primary(code)
            problems.append(str(exc))
            choices.append(f"{option} {lang}-{_USUAL_REGION.get(lang, 'XX')}")
    if problems:
        where = input_name(inputs[0]) if len(inputs) == 1 else "the memories"
        raise InputError(where, f"the languages were taken from the memory, which declares "
                         f"{declared[0]} -> {declared[1]}, and {problems[0]}; choose them "
                         f"with {' '.join(choices)}")


# What pairs writes in each --format, and the endings that name it
_PAIRS_OUTPUTS = {"jsonl": ("JSON Lines", (".jsonl", ".ndjson")),
                  "tsv": ("TSV", (".tsv", ".tab"))}


def refuse_output_for_profile(output: str | Path, profile: str) -> None:
    """Refuse, before any work, a TMX output the profile's tool cannot read
    (:func:`~tmx_export.formats.profiles.check_output`: ``.tmx.gz`` for memoQ)."""
    try:
        chosen = get_profile(profile)
    except ValueError as exc:
        raise InputError("--profile", str(exc)) from None
    try:
        check_output(str(output), chosen)
    except ValueError as exc:
        raise InputError(str(output), str(exc)) from None


def prepare_run(inputs: Sequence[str | Path | ParallelInput], options: BuildOptions,
                 outputs: list[str | Path | None], ignored: list[str] | None = None,
                 skipped: list[tuple[str, str]] | None = None,
                 names: Sequence[str] = (),
                 ) -> tuple[BuildOptions, list[Input], dict[Input, str]]:
    """Everything checked before any input is read: the language tags (standardised: the
    options returned carry ``en``, not ``eng``), the inputs and their formats, the outputs
    (their directories must exist). Files of unknown types met in directories are added to
    ``ignored``, empty ones to ``skipped`` with the reason (see
    :func:`~tmx_export.inputs.gather_inputs`); ``names`` says what each output is, for
    an error. Each refusal is one :class:`InputError` naming what to fix."""
    tags = []
    for option, code in (("--source-lang", options.source_lang),
                         ("--target-lang", options.target_lang)):
        try:
            tags.append(standard_tag(code))
        except ValueError as exc:
            raise InputError(option, str(exc)) from None
    source, target = tags
    if normalise_tag(source) == normalise_tag(target):
        raise InputError("--target-lang", f"source and target are both {source}: a memory "
                         "needs two languages (or two regions, such as en-US -> en-GB)")
    options = replace(options, source_lang=source, target_lang=target)
    _refuse_srx_without_rule(options)
    try:
        chosen = get_profile(options.profile)
    except ValueError as exc:
        raise InputError("--profile", str(exc)) from None
    for option, code in (("--source-lang", source), ("--target-lang", target)):
        try:
            lang_code(code, chosen)
        except ValueError as exc:
            raise InputError(option, str(exc)) from None
    files = gather_inputs(inputs, source_lang=source, target_lang=target,
                          pair_files=options.pair_files and options.input_format is None,
                          ignored=ignored, skipped=skipped)
    check_outputs(files, outputs, writable=True, names=names)
    if options.max_units is not None and outputs:
        _refuse_parts_over_inputs(files, outputs[0])
    formats = {f: format_of(f, options.input_format) for f in files}
    dumps = [f for f in files if formats[f] == "dump"]
    if dumps:
        try:
            dump_tags(source, target)
        except ValueError as exc:
            raise InputError(str(dumps[0]), str(exc)) from None
    return options, files, formats


def _refuse_srx_without_rule(options: BuildOptions) -> None:
    """An SRX file none of whose language maps applies to a language of the run would
    leave that side uncut, under a header saying segtype="sentence": refused up front."""
    rules = options.srx
    if rules is None or options.segment == "paragraph":
        return
    for lang in (options.source_lang, options.target_lang):
        if not rules.covers(lang):
            raise InputError(rules.source or "--srx",
                             f"the SRX file has no language rule matching {lang}: no "
                             "<languagemap> languagepattern applies to it, so nothing "
                             "would be segmented (add one, or use --segment paragraph)")


def refuse_parts_beside(output: str | Path, max_units: int | None) -> None:
    """Refuse, before any work, ``--max-units`` with an output that is no file to number:
    a device or a pipe (``-o /dev/null``) is written into directly, but its parts
    (``/dev/null-001``...) would be new files beside it, in ``/dev``."""
    if max_units is None or str(output) == "-":  # (the command line refuses "-" itself)
        return
    path = Path(output)
    if path.exists() and not path.is_file() and not path.is_dir():
        raise InputError(str(output), "--max-units writes numbered files beside the output "
                         "(NAME-001.tmx...), and this is a device or a pipe, not a file "
                         "name: name a file for -o")


def _refuse_parts_over_inputs(files: list[Input], output: str | Path) -> None:
    """With ``max_units`` the TMX ``output`` is written as numbered parts (``OUT-001.tmx``):
    none may replace an input (a run split again over its own parts)."""
    for f in files:
        for name in (f.source, f.target) if isinstance(f, ParallelInput) else (f,):
            if name != "-" and is_part_name(output, name):
                raise InputError(name, "output would overwrite an input file (a part of "
                                 f"-o {output} with --max-units)")


def datatypes_of(files: Sequence[Input], formats: Mapping[Input, str]
                 ) -> tuple[str, dict[Input, str]]:
    """The header's datatype and, per input of another, the datatype its units must say on
    their ``tu`` (TMX 1.4b lets a unit's override the header's), as ``merge`` does.

    A TMX file's units keep the codes of the datatype its header declares (``unknown``
    when it declares none); the units of every other input are plain text. The header says
    the datatype all inputs share, else ``unknown``: LISA's HTML memory built with its RTF
    one (or with a CSV) gives a header ``unknown`` and units ``datatype="html"``,
    ``"rtf"`` (``"plaintext"``), where all were said to be plain text, their HTML and RTF
    codes too."""
    kinds = {f: tmx_datatype(read_tmx_header(str(f)).get("datatype") or "unknown")
             if formats[f] == "tmx" else "plaintext" for f in files}
    shared = set(kinds.values())
    header = shared.pop() if len(shared) == 1 else "plaintext" if not shared else "unknown"
    return header, {f: kind for f, kind in kinds.items() if kind != header}


def _declared_kinds(files: list[Input], formats: dict[Input, str], segment: str
                    ) -> dict[Input, str]:
    """Each input's kind of unit (:func:`_declared_segtype`), its header read once."""
    return {f: _declared_segtype(f, formats[f], segment) for f in files}


def header_segtype(kinds: Iterable[str], profile: str = "generic") -> str:
    """The header's segtype: the one kind of unit every input gives (the kind asked for
    where inputs are segmented here; the kind units read as they are declare, see
    :func:`_declared_segtype`); ``paragraph`` when one of several kinds is it (OmegaT
    re-segments the units of a ``paragraph`` file and uses those of any other kind whole,
    whatever a ``tu`` says), else ``block``. The omegat profile always says ``paragraph``:
    units the run finds to hold several sentences are then of use too, and a one-sentence
    unit stays whole. Units of another kind carry their own (:func:`unit_segtype`)."""
    declared = set(kinds)
    if profile == "omegat" or "paragraph" in declared:
        return "paragraph"
    return declared.pop() if len(declared) == 1 else "block"


def _declared_segtype(path: Input, fmt: str, segment: str) -> str:
    """The kind of the units of one input: the kind asked for when it is segmented here;
    for units read as they are, a TMX's header ``segtype``, ``sentence`` for XLIFF, else
    ``block``."""
    if fmt not in UNIT_FORMATS:
        return SEGTYPE_OF[segment]
    if fmt == "tmx":  # standard input too: its copy is read again as a file is
        # in any case: a tool writing segtype="Sentence" means a sentence memory
        kind = read_tmx_header(str(path)).get("segtype", "").strip().lower()
        return kind if kind in SEGTYPES else "block"
    return "sentence" if fmt == "xliff" else "block"


# A sentence end followed by more text: only a unit with one is given to the sentence rules.
_INNER_SENTENCE_END = lazy_pattern(
    r"[.!?\u2026\u3002\uff01\uff1f][\W\s]*\s\S|[\u3002\uff01\uff1f]\S")


def unit_segtype(unit: Pair, declared: str, as_read: bool, rules: SrxRules | None = None) -> str:
    """The TMX segtype of one unit of an input whose units are of kind ``declared``:
    ``paragraph`` for a unit that holds several sentences - a unit read as it is
    (``as_read``) that the sentence rules would cut, or a sentence bead that joins several
    sentences of one side ("2-1", "1-2", a paragraph left whole); else ``declared``, or
    the kind a unit read from a TMX states on its own ``tu``."""
    if as_read and unit.segtype is not None:
        declared = unit.segtype
    if declared == "paragraph":
        return declared
    if as_read:
        several = (_INNER_SENTENCE_END.search(unit.source) is not None
                   and len(segment_text(unit.source, unit.source_lang, rules=rules)) > 1)
        return "paragraph" if several else declared
    return "paragraph" if declared == "sentence" and _joins_sentences(unit.align) else declared


def _joins_sentences(align: str | None) -> bool:
    """Whether a unit's bead ("2-1", "1-1", "2-1/1", "2-1>1-1") holds more than one
    sentence of a side; a cut piece ("2-1/1") holds one source sentence."""
    if not align:
        return False
    bead = align.rsplit(">", 1)[-1]
    if "/" in bead:
        return False
    return any(count.isdigit() and int(count) > 1 for count in bead.split("-"))
