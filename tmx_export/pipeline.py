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

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .clean import below_min_score, check, prepare
from .errors import InputError
from .formats.jsonl import write_pairs_jsonl
from .formats.profiles import get_profile, lang_code
from .formats.rejects import RejectLog
from .formats.text import atomic_output
from .formats.tmx import iter_tmx, read_tmx_header, write_units
from .formats.tsv import write_pairs_tsv
from .inputs import (
    EXTENSIONS,
    MARKUP_IS_CONTENT,
    READERS,
    UNIT_FORMATS,
    Input,
    ParallelInput,
    check_outputs,
    format_of,
    gather_inputs,
    input_size,
    read_input,
    register_reader,
    tmx_is_streamed,
)
from .model import NO_CLEANING, SEGTYPE_OF, SEGTYPES, BuildOptions, Pair, Reject
from .segment.align import Glossary
from .segment.units import paragraph_units, segment_pair

__all__ = ["EXTENSIONS", "READERS", "BuildSummary", "ParallelInput", "Progress", "build",
           "export_pairs", "gather_inputs", "read_units", "register_reader"]


class Progress:
    """Hears how far a run is: :meth:`start` once with the total size of the inputs in
    bytes, then :meth:`advance` after each input is read. :func:`build` also takes a plain
    callable ``(name, size)``, which then hears of each input."""

    def start(self, total: int) -> None:
        """The run begins; ``total`` is the inputs' size in bytes (0 when unknown)."""

    def advance(self, name: str, size: int) -> None:
        """Input ``name`` (``size`` bytes, 0 for standard input) was read."""


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
    formats: Counter[str] = field(default_factory=Counter)  # inputs by format

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())


def options_from(options: BuildOptions | None = None, **settings: Any) -> BuildOptions:
    """``options`` (default: :class:`BuildOptions`'s defaults) with the fields named in
    ``settings`` replaced; ``clean=None`` means no cleaning rule at all."""
    if "clean" in settings and settings["clean"] is None:
        settings["clean"] = NO_CLEANING
    if isinstance(settings.get("glossary"), list):
        settings["glossary"] = tuple(settings["glossary"])
    return replace(options or BuildOptions(), **settings)


# --- the public calls ------------------------------------------------------------------------

def build(
    inputs: Sequence[str | Path | ParallelInput],
    output: str | Path,
    options: BuildOptions | None = None,
    *,
    progress: ProgressArg = None,
    **settings: Any,
) -> BuildSummary:
    """Read ``inputs``, clean them, cut them into units and write the TMX ``output``.

    ``inputs`` as for :func:`~tmx_export.inputs.gather_inputs`; ``output`` is a file name
    (``.gz``: compressed) or ``"-"``. ``options`` (a :class:`BuildOptions`), with any of
    its fields overridden by keyword (``segment="paragraph"``, ``dedupe="none"``,
    ``rejects_path=...``). Rejects go to ``rejects_path`` (TSV) when given, and are counted
    by reason in the summary either way. Every file is written atomically: after an error
    none exists. Raises :class:`~tmx_export.errors.InputError` for input that cannot be
    read.
    """
    options = options_from(options, **settings)
    if options.segment is None:
        raise ValueError("build writes units: segment must be sentence, clause or paragraph")
    _check_languages(options)
    files = _gather(inputs, options)
    check_outputs(files, [output, options.rejects_path])
    formats = {f: format_of(f, options.input_format) for f in files}
    segtype = _header_segtype(files, formats, options.segment)
    with ExitStack() as stack:
        # The report is opened first, so a bad report path fails before any reading, and
        # it is only renamed into place when the TMX was written.
        report = None
        if options.rejects_path is not None:
            report = stack.enter_context(atomic_output(options.rejects_path, "w"))
        run = _Run(options, report=report, keep_rejects=False, progress=progress)
        counts = write_units(run.units(files, formats), output,
                             srclang=options.source_lang, segtype=segtype,
                             profile=options.profile, max_units=options.max_units)
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
        formats=Counter(formats.values()),
    )


def export_pairs(
    inputs: Sequence[str | Path | ParallelInput],
    output: str | Path = "-",
    options: BuildOptions | None = None,
    *,
    output_format: str = "jsonl",
    **settings: Any,
) -> Counter[str]:
    """Write the pairs of ``inputs`` (with ``segment``, the units :func:`build` would
    write; by default the pairs as read) to ``output`` as JSON Lines or TSV
    (``output_format``), one per line; return the rejects counted by reason. Options as
    for :func:`build`; both files are written atomically.
    """
    if options is None:
        settings.setdefault("segment", None)
    options = options_from(options, **settings)
    writer = {"jsonl": write_pairs_jsonl, "tsv": write_pairs_tsv}[output_format]
    files = _gather(inputs, options)
    check_outputs(files, [output, options.rejects_path])
    formats = {f: format_of(f, options.input_format) for f in files}
    with ExitStack() as stack:
        # Opened first so that a bad report path fails before any work (see build()).
        report = None
        if options.rejects_path is not None:
            report = stack.enter_context(atomic_output(options.rejects_path, "w"))
        run = _Run(options, report=report, keep_rejects=False)
        writer(run.units(files, formats), output)
    return run.rejects.counts


def read_units(
    inputs: Sequence[str | Path | ParallelInput],
    options: BuildOptions | None = None,
    *,
    progress: ProgressArg = None,
    **settings: Any,
) -> tuple[list[Pair], list[Reject]]:
    """The units :func:`build` would write with the same options, and the rejects.

    Each unit's texts are as written to the TMX and its ``tuid`` is its ``tuid`` there,
    so other outputs (a termbase's examples, say) can point into the TMX.
    ``segment=None`` gives the pairs as read, without splitting off paragraph numbers.
    ``progress`` as for :func:`build`.
    """
    options = options_from(options, **settings)
    files = _gather(inputs, options)
    formats = {f: format_of(f, options.input_format) for f in files}
    run = _Run(options, progress=progress)
    units = list(run.units(files, formats))
    return units, list(run.rejects)


# --- one run -------------------------------------------------------------------------------

class _Run:
    """The units of some inputs as they are read, and the run's account of them.

    Iterate :meth:`units` once; meanwhile (and afterwards) :attr:`rejects`,
    :attr:`pairs_read`, :attr:`duplicates` and :attr:`repairs` say what was read and what
    was left out, so the units can stream to a writer and every reject is still reported.
    """

    def __init__(self, options: BuildOptions, *, report: IO[str] | None = None,
                 keep_rejects: bool = True, progress: ProgressArg = None) -> None:
        self.options = options
        self.pairs_read = 0
        self.duplicates = 0
        self.numbered = 0
        # Written to ``report`` as they come when one is open, else kept for the caller.
        self.rejects = RejectLog(report, keep=keep_rejects)
        self.repairs: Counter[str] = Counter()
        self.progress = (progress if isinstance(progress, Progress) or progress is None
                         else _CallableProgress(progress))
        self.glossary = Glossary(options.glossary) if options.glossary else None

    def units(self, files: list[Input], formats: dict[Input, str]) -> Iterator[Pair]:
        """read -> clean -> segment -> prepare -> number, one input after the other."""
        if self.progress is not None:
            self.progress.start(sum(input_size(f) for f in files))
        segmented = (unit for path in files for unit in self._segmented(path, formats[path]))
        for unit, reason in prepare(segmented, self.options.dedupe, self.repairs):
            if reason is not None:
                self.duplicates += reason == "duplicate"
                self.rejects.append(Reject.of(unit, reason))
                continue
            self.numbered += 1
            unit.tuid = str(self.numbered)
            yield unit

    def _read(self, path: Input, fmt: str) -> Iterator[Pair]:
        """The pairs of one input, accounted as they come (a TMX streamed)."""
        if fmt == "tmx" and not isinstance(path, ParallelInput) and tmx_is_streamed():
            for item in iter_tmx(path, source_lang=self.options.source_lang,
                                 target_lang=self.options.target_lang):
                if isinstance(item, Reject):
                    self.rejects.append(item)
                else:
                    self.pairs_read += 1
                    yield item
        else:
            result = read_input(path, fmt, self.options)
            self.pairs_read += len(result.pairs)
            self.repairs.update(result.repairs)
            self.rejects.extend(result.rejects)
            yield from result.pairs
        if self.progress is not None:
            self.progress.advance(str(path), input_size(path))

    def _segmented(self, path: Input, fmt: str) -> Iterator[Pair]:
        options = self.options
        rules = options.clean
        if fmt in MARKUP_IS_CONTENT:
            rules = replace(rules, rules=rules.rules - {"leftover-markup"})
        whole = fmt in UNIT_FORMATS
        for position, pair in enumerate(self._read(path, fmt), 1):
            reason = check(pair, rules)
            if reason is not None:
                self.rejects.append(Reject.of(pair, reason))
                continue
            if whole:
                yield pair
                continue
            # Every unit says which paragraph it comes from: the number the document
            # prints, or else the paragraph's position in its document (unless the input
            # says so itself, as a pairs file's x-paragraph does).
            if pair.paragraph is None and "x-paragraph" not in pair.props:
                pair.paragraph = pair.number if pair.number is not None else position
            units, rejects = self._segment(pair)
            units, low = below_min_score(units, options.min_score)
            self.rejects.extend(rejects)
            self.rejects.extend(low)
            yield from units

    def _segment(self, pair: Pair) -> tuple[list[Pair], list[Reject]]:
        mode = self.options.segment
        if mode is None:
            return [pair], []
        if mode == "paragraph":  # SRX rules decide whether "34." is a segment of its own
            return paragraph_units(pair, rules=self.options.srx), []
        return segment_pair(pair, mode, rules=self.options.srx, glossary=self.glossary)


# --- checks before any work ------------------------------------------------------------------

def _gather(inputs: Sequence[str | Path | ParallelInput], options: BuildOptions) -> list[Input]:
    return gather_inputs(inputs, source_lang=options.source_lang,
                         target_lang=options.target_lang,
                         pair_files=options.pair_files and options.input_format is None)


def _check_languages(options: BuildOptions) -> None:
    """Refuse language codes the profile cannot write, before any work."""
    try:
        chosen = get_profile(options.profile)
    except ValueError as exc:
        raise InputError("--profile", str(exc)) from None
    for option, code in (("--source-lang", options.source_lang),
                         ("--target-lang", options.target_lang)):
        try:
            lang_code(code, chosen)
        except ValueError as exc:
            raise InputError(option, str(exc)) from None


def _header_segtype(files: list[Input], formats: dict[Input, str], segment: str) -> str:
    """The header's segtype: the unit kind asked for, when any input is segmented here;
    when every input holds units already, the kind they declare (a TMX's header
    ``segtype``, ``sentence`` for XLIFF, else ``block``), or ``block`` when they differ."""
    if any(formats[f] not in UNIT_FORMATS for f in files):
        return SEGTYPE_OF[segment]
    declared = set()
    for f in files:
        fmt = formats[f]
        if fmt == "tmx":
            kind = read_tmx_header(str(f)).get("segtype", "")
            declared.add(kind if kind in SEGTYPES else "block")
        else:
            declared.add("sentence" if fmt == "xliff" else "block")
    return declared.pop() if len(declared) == 1 else "block"
