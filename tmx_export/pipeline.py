"""The whole job as a Python API: gather inputs, read, clean, segment, write.

The command line is a thin layer over this module; a script does the same with::

    from tmx_export.pipeline import build
    summary = build(["samples/"], "memory.tmx", rejects_path="rejects.tsv")
    print(summary.units_written, dict(summary.rejects))

Readers are chosen through :data:`READERS` (format name -> reader function), so a new input
format joins by calling :func:`register_reader`; :func:`format_of` picks one per file, from
its content first (:func:`tmx_export.detect.detect_format`) and its name second. Memory
stays flat in the number of files: one file is read at a time and the TMX is streamed out
as it is read.

What happens to each input, in order:

1. **read**: dumps and parallel files give *paragraph* pairs; TMX, XLIFF, PO and tables
   give pairs that are already translation units (a CAT tool or a person cut them).
2. **clean** (:mod:`tmx_export.clean`): each pair as read is checked against the cleaning
   rules, *before* segmentation, so that units segmentation makes on purpose (a paragraph
   number "34." as a unit of its own, as OmegaT segments it) are never judged as noise.
   ``leftover-markup`` is not applied to TMX, XLIFF and PO: there, text such as
   ``<b>%s</b>`` is the content of software strings, and the formats keep real codes apart.
3. **segment** (:mod:`tmx_export.segment`): only paragraph pairs (dumps, parallel files,
   JSON Lines of paragraph pairs) are cut into sentence or clause units; units read from
   TMX, XLIFF, PO or tables are kept whole, since cutting them again could only misalign
   what their tool aligned.
4. **deduplicate** the units (``exact``, ``normalised`` or ``none``); tuids are given at
   writing time, so they stay consecutive.
5. **write** (:func:`tmx_export.formats.tmx.write_tmx`) with a CAT tool profile.

Every pair or unit left out on the way becomes a :class:`~tmx_export.model.Reject` whose
reason names the rule or the reader's finding; the summary counts them by reason.
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, Protocol

from .clean import DEDUPE_MODES, CleanOptions, check, normalise
from .detect import detect_format
from .errors import InputError
from .formats.dump import read_dump
from .formats.jsonl import read_pairs_jsonl, write_pairs_jsonl
from .formats.parallel import parallel_partner, read_parallel
from .formats.rejects import RejectLog
from .formats.table import read_table
from .formats.tmx import (
    SEGTYPES,
    TmxCounts,
    _Fingerprints,
    iter_tmx,
    read_tmx,
    read_tmx_header,
    select_units,
    write_tmx,
)
from .formats.tsv import write_pairs_tsv
from .formats.ttkstore import read_ttk
from .model import Pair, ReadResult, Reject
from .profiles import get_profile, lang_code
from .textio import STDIN_NAME, atomic_output


class Reader(Protocol):
    """What every reader looks like: one input in, its pairs, rejects and repairs out.

    A reader may take more keyword arguments (``sheet``, ``source_column``...); it gets
    those of the caller's ``reader_options`` its signature names, and no others.
    """

    def __call__(self, path: str, *, source_lang: str, target_lang: str) -> ReadResult: ...


# Format name -> reader. "dump" is the default for anything not recognised otherwise.
READERS: dict[str, Reader] = {}
# File name ending -> format name, for inputs given without an explicit format.
EXTENSIONS: dict[str, str] = {}
# Formats whose pairs are translation units already: never segmented again.
UNIT_FORMATS: set[str] = set()
# Formats whose text may legitimately contain markup-like strings (see step 2 above).
MARKUP_IS_CONTENT = frozenset({"tmx", "xliff", "po"})
DEFAULT_FORMAT = "dump"
PARALLEL = "parallel"  # the format name of a ParallelInput

# What a directory is searched for (hidden files and directories left out).
INPUT_EXTENSIONS = (".txt", ".tmx", ".tmx.gz", ".xlf", ".xliff", ".po", ".tsv", ".csv", ".xlsx",
                    ".jsonl")

# Unit kind asked for -> the TMX segtype that describes it truthfully ("clause" units are
# smaller than sentences: TMX calls them phrases).
SEGTYPE_OF = {"paragraph": "paragraph", "sentence": "sentence", "clause": "phrase"}

# Called after each input is read, with its name and size in bytes (0 for stdin).
Progress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class ParallelInput:
    """Two files, a document and its translation, read together as one input."""

    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} + {self.target}"


Input = str | ParallelInput


def register_reader(
    name: str, reader: Reader, extensions: Iterable[str] = (), *, units: bool = False
) -> None:
    """Make ``reader`` available as input format ``name``, chosen by default for files
    ending in one of ``extensions`` (e.g. ``".jsonl"``). ``units=True`` says its pairs are
    translation units already, not to be segmented again."""
    READERS[name] = reader
    for ending in extensions:
        EXTENSIONS[ending.lower()] = name
    if units:
        UNIT_FORMATS.add(name)
    else:
        UNIT_FORMATS.discard(name)


def _table_reader(fmt: str) -> Reader:
    def read(path: str, *, source_lang: str, target_lang: str, source_column: str | None = None,
             target_column: str | None = None, sheet: str | None = None) -> ReadResult:
        return read_table(path, source_lang=source_lang, target_lang=target_lang,
                          source_column=source_column, target_column=target_column,
                          sheet=sheet, table_format_name=fmt)

    read.__name__ = f"read_{fmt}"
    return read


register_reader("dump", read_dump)
register_reader("jsonl", read_pairs_jsonl, [".jsonl"])
register_reader("tmx", read_tmx, [".tmx", ".tmx.gz"], units=True)
register_reader("xliff", read_ttk, [".xlf", ".xliff"], units=True)
register_reader("po", read_ttk, [".po"], units=True)
for _fmt in ("tsv", "csv", "xlsx"):
    register_reader(_fmt, _table_reader(_fmt), [f".{_fmt}"], units=True)


def format_of(path: Input, input_format: str | None = None) -> str:
    """The input format of ``path``: ``input_format`` if given, else from its content.

    Content decides what it can tell for sure (TMX, XLIFF, TBX by the root element, XLSX,
    PO); then a registered file name ending; then the weaker signs (tab-separated columns,
    ``.csv``); anything else is a bilingual dump.
    """
    if isinstance(path, ParallelInput):
        return PARALLEL
    if input_format is not None:
        if input_format not in READERS:
            known = ", ".join(sorted(READERS))
            raise InputError(path, f"unknown input format {input_format!r} (known: {known})")
        return input_format
    if path == "-":
        return DEFAULT_FORMAT
    detected = detect_format(path)
    if detected == "tbx":
        raise InputError(path, "a TBX termbase, not bilingual text to make units of")
    if detected in ("tmx", "xliff", "po", "xlsx"):
        return detected
    lower = path.lower()
    registered = [(ending, name) for ending, name in EXTENSIONS.items() if lower.endswith(ending)]
    if registered:  # the longest ending: ".tmx.gz" rather than ".gz"
        return max(registered, key=lambda item: len(item[0]))[1]
    return DEFAULT_FORMAT if detected == "text" else detected


_ACCEPTS: dict[Any, tuple[bool, frozenset[str]]] = {}


def call_reader(reader: Reader, path: str, *, source_lang: str, target_lang: str,
                options: dict[str, Any] | None = None) -> ReadResult:
    """``reader(path, ...)`` with those of ``options`` its signature takes."""
    if not options:
        return reader(path, source_lang=source_lang, target_lang=target_lang)
    accepts = _ACCEPTS.get(reader)
    if accepts is None:
        parameters = inspect.signature(reader).parameters.values()
        accepts = _ACCEPTS[reader] = (
            any(p.kind is p.VAR_KEYWORD for p in parameters),
            frozenset(p.name for p in parameters),
        )
    wanted = {k: v for k, v in options.items()
              if v is not None and (accepts[0] or k in accepts[1])}
    return reader(path, source_lang=source_lang, target_lang=target_lang, **wanted)


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


def gather_inputs(
    inputs: Sequence[str | Path | ParallelInput],
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    pair_files: bool = True,
) -> list[Input]:
    """The inputs to read: files as given, ``"-"`` for stdin, directories as every file
    below them with a known input ending (:data:`INPUT_EXTENSIONS`) in sorted order
    (hidden files and directories left out). An earlier run's output in such a directory
    is an input too, and then :func:`check_outputs` refuses to overwrite it: safer than
    guessing which files a user means as inputs.

    With ``pair_files``, ``name.<src>.txt`` and ``name.<tgt>.txt`` side by side become one
    :class:`ParallelInput` (the language parts are the two languages' primary subtags or
    whole tags), whether found in a directory or given one or both by name.

    Everything is checked before anything is read, so a typo in the last input fails the
    run at once rather than after an hour of work.
    """
    if not inputs:
        raise InputError("tmx-export", "no input given")
    files: list[Input] = []
    for given in inputs:
        if isinstance(given, ParallelInput):
            for side in (given.source, given.target):
                _check_file(side)
            files.append(given)
            continue
        name = str(given)
        path = Path(name)
        if name == "-":
            files.append(name)
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.name.lower().endswith(INPUT_EXTENSIONS) and p.is_file()
                and not _hidden(p.relative_to(path))
            )
            if not found:
                raise InputError(name, "directory holds no input file ("
                                 + ", ".join(f"*{e}" for e in INPUT_EXTENSIONS) + ")")
            files.extend(str(p) for p in found)
        else:
            _check_file(name)
            files.append(name)
    if files.count("-") > 1:
        raise InputError(STDIN_NAME, "standard input given more than once")
    return _pair_side_by_side(files, source_lang, target_lang) if pair_files else files


def _check_file(name: str) -> None:
    path = Path(name)
    if path.is_file():
        return
    if path.exists():
        raise InputError(name, "not a regular file")
    raise InputError(name, "no such file or directory")


def _pair_side_by_side(files: list[Input], source_lang: str, target_lang: str) -> list[Input]:
    """Files ``name.<src>.txt`` with a partner ``name.<tgt>.txt`` become one ParallelInput,
    where the first of the two stood; the other is not read again."""
    out: list[Input] = []
    taken: set[Path] = set()
    for item in files:
        if isinstance(item, ParallelInput) or item == "-":
            out.append(item)
            continue
        resolved = Path(item).resolve()
        if resolved in taken:
            continue
        found = parallel_partner(item, source_lang=source_lang, target_lang=target_lang)
        if found is None:
            out.append(item)
            continue
        source, target = found
        if source.resolve() == resolved:
            source_name, target_name = item, str(target)
        else:
            source_name, target_name = str(source), item
        taken.update((Path(source_name).resolve(), Path(target_name).resolve()))
        out.append(ParallelInput(source_name, target_name))
    return out


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def input_size(path: Input) -> int:
    """Size of an input in bytes, for progress reports (0 for stdin)."""
    if isinstance(path, ParallelInput):
        return Path(path.source).stat().st_size + Path(path.target).stat().st_size
    return 0 if path == "-" else Path(path).stat().st_size


def read_input(
    path: Input,
    fmt: str,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    reader_options: dict[str, Any] | None = None,
) -> ReadResult:
    """Read one input in format ``fmt`` (see :func:`format_of`)."""
    if isinstance(path, ParallelInput):
        align = bool((reader_options or {}).get("align_paragraphs"))
        return read_parallel(path.source, path.target, source_lang=source_lang,
                             target_lang=target_lang, align_paragraphs=align)
    return call_reader(READERS[fmt], path, source_lang=source_lang, target_lang=target_lang,
                       options=reader_options)


def _check_mode(segment: str) -> None:
    if segment not in SEGTYPE_OF:
        modes = ", ".join(SEGTYPE_OF)
        raise ValueError(f"unknown segment mode {segment!r}; expected one of {modes}")


def segment_units(
    pair: Pair, segment: str | None, options: dict[str, Any] | None = None
) -> tuple[list[Pair], list[Reject]]:
    """The units of one paragraph pair: ``segment`` is ``None`` (the pair as read),
    ``"paragraph"``, or a mode of :func:`tmx_export.segment.segment_pair` (``sentence``,
    ``clause``), with its ``options`` (``rules``, ``min_score``, ``glossary``)."""
    if segment is None:
        return [pair], []
    from . import segment as segmenter  # the segmenter loads rules: only when needed

    if segment == "paragraph":  # SRX rules decide whether "34." is a segment of its own
        return segmenter.paragraph_units(pair, rules=(options or {}).get("rules")), []
    _check_mode(segment)
    return segmenter.segment_pair(pair, segment, **(options or {}))


def clean_options(
    skip: Iterable[str] = (), dedupe: str = "exact", **thresholds: Any
) -> CleanOptions:
    """Cleaning options with the rules named in ``skip`` off (``"all"``: every rule)."""
    from .clean import RULES

    skipped = set(skip)
    if "all" in skipped:
        skipped = set(RULES)
    unknown = skipped - set(RULES)
    if unknown:
        raise ValueError(f"unknown cleaning rule(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(RULES)}, all")
    return CleanOptions(rules=frozenset(RULES) - skipped, dedupe=dedupe, **thresholds)


class UnitStream:
    """The units of some inputs, read, cleaned, segmented and deduplicated as iterated.

    Iterate once; meanwhile (and afterwards) :attr:`rejects`, :attr:`pairs_read`,
    :attr:`duplicates` and :attr:`repairs` give the account of what was read, so a caller
    can stream the units to a writer and still report every reject. ``clean`` is ``None``
    for no cleaning at all; its ``dedupe`` mode applies to the units (after segmentation).
    """

    def __init__(
        self,
        files: list[Input],
        *,
        source_lang: str = "en-GB",
        target_lang: str = "fr-FR",
        segment: str | None = "paragraph",
        segment_options: dict[str, Any] | None = None,
        input_format: str | None = None,
        reader_options: dict[str, Any] | None = None,
        clean: CleanOptions | None = None,
        formats: dict[Input, str] | None = None,
        progress: Progress | None = None,
        report: IO[str] | None = None,
        keep_rejects: bool = True,
    ) -> None:
        self.files = files
        self.source_lang, self.target_lang = source_lang, target_lang
        self.segment, self.segment_options = segment, segment_options
        self.input_format, self.reader_options = input_format, reader_options
        self.clean = clean
        self.formats = formats if formats is not None else {}
        self.progress = progress
        self.pairs_read = 0
        self.duplicates = 0
        # Written to ``report`` as they come when one is open, else kept for the caller.
        self.rejects = RejectLog(report, keep=keep_rejects)
        self.repairs: Counter[str] = Counter()

    def format_of(self, path: Input) -> str:
        fmt = self.formats.get(path)
        if fmt is None:
            fmt = self.formats[path] = format_of(path, self.input_format)
        return fmt

    def __iter__(self) -> Iterator[Pair]:
        dedupe = self.clean.dedupe if self.clean is not None else "none"
        seen = _Fingerprints() if dedupe != "none" else None
        for unit in self._units():
            if seen is not None and not seen.add(hash(_dedupe_key(unit, dedupe))):
                self.duplicates += 1
                self.rejects.append(_reject(unit, "duplicate"))
                continue
            yield unit

    def _pairs_of(self, path: Input, fmt: str) -> Iterator[Pair]:
        """The pairs of one input, accounted as they come. A TMX is streamed unit by
        unit, so memory stays flat however large the memory being read is."""
        if fmt == "tmx" and not isinstance(path, ParallelInput) and READERS["tmx"] is read_tmx:
            for item in iter_tmx(path, source_lang=self.source_lang,
                                 target_lang=self.target_lang):
                if isinstance(item, Reject):
                    self.rejects.append(item)
                else:
                    self.pairs_read += 1
                    yield item
        else:
            result = read_input(path, fmt, source_lang=self.source_lang,
                                target_lang=self.target_lang, reader_options=self.reader_options)
            self.pairs_read += len(result.pairs)
            self.repairs.update(result.repairs)
            self.rejects.extend(result.rejects)
            yield from result.pairs
        if self.progress is not None:
            self.progress(str(path), input_size(path))

    def _units(self) -> Iterator[Pair]:
        for path in self.files:
            fmt = self.format_of(path)
            pairs = self._pairs_of(path, fmt)
            whole = fmt in UNIT_FORMATS
            options = self.clean
            if options is not None and fmt in MARKUP_IS_CONTENT:
                options = replace(options, rules=options.rules - {"leftover-markup"})
            for position, pair in enumerate(pairs, 1):
                if options is not None:
                    reason = check(pair, options)
                    if reason is not None:
                        self.rejects.append(_reject(pair, reason))
                        continue
                if whole:
                    yield pair
                    continue
                # Every unit says which paragraph it comes from: the number the document
                # prints, or else the paragraph's position in its document.
                if "x-paragraph" not in pair.props:
                    paragraph = pair.number if pair.number is not None else position
                    pair.props["x-paragraph"] = str(paragraph)
                units, rejects = segment_units(pair, self.segment, self.segment_options)
                self.rejects.extend(rejects)
                for unit in units:
                    if unit is not pair and (unit.source_markup or unit.target_markup):
                        # inline codes belong to the whole text, not to a piece of it
                        unit = replace(unit, source_markup=None, target_markup=None)
                    yield unit

    def reject_skipped(self, pair: Pair, reason: str) -> None:
        """A writer's ``on_skip``: units it leaves out become rejects too."""
        if reason == "empty":
            self.rejects.append(_reject(pair, "empty-side"))
        elif reason == "duplicate":
            self.duplicates += 1
            self.rejects.append(_reject(pair, "duplicate"))


def _reject(pair: Pair, reason: str) -> Reject:
    return Reject(pair.file, pair.line, reason, f"{pair.source}\t{pair.target}")


def _dedupe_key(unit: Pair, mode: str) -> tuple[str | None, ...]:
    if mode == "normalised":
        return normalise(unit.source), normalise(unit.target)
    if unit.source_markup is None and unit.target_markup is None:
        return unit.source, unit.target
    return unit.source, unit.target, unit.source_markup, unit.target_markup


def header_segtype(files: list[Input], formats: dict[Input, str], segment: str) -> str:
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


def check_languages(source_lang: str, target_lang: str, profile: str) -> None:
    """Refuse language codes the profile cannot write, before any work."""
    try:
        chosen = get_profile(profile)
    except ValueError as exc:
        raise InputError("--profile", str(exc)) from None
    for option, code in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        try:
            lang_code(code, chosen)
        except ValueError as exc:
            raise InputError(option, str(exc)) from None


def build(
    inputs: Sequence[str | Path | ParallelInput],
    output: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    segment: str = "sentence",
    segment_options: dict[str, Any] | None = None,
    keep_duplicates: bool = False,
    rejects_path: str | Path | None = None,
    input_format: str | None = None,
    reader_options: dict[str, Any] | None = None,
    clean: CleanOptions | None = CleanOptions(),  # noqa: B008 - frozen defaults, never mutated
    dedupe: str | None = None,
    profile: str = "generic",
    max_units: int | None = None,
    pair_files: bool = True,
    progress: Progress | None = None,
) -> BuildSummary:
    """Read ``inputs``, clean them, cut them into ``segment`` units and write the TMX ``output``.

    ``inputs`` as for :func:`gather_inputs`; ``output`` is a file name (``.gz``:
    compressed) or ``"-"``. ``reader_options`` go to the readers that take them
    (``source_column``, ``target_column``, ``sheet``, ``align_paragraphs``...). ``clean``
    says which cleaning rules run (``None``: none); ``dedupe`` (``exact``, ``normalised``,
    ``none``) overrides its mode, and ``keep_duplicates`` is ``dedupe="none"``. ``profile``
    and ``max_units`` are :func:`~tmx_export.formats.tmx.write_tmx`'s. Rejects go to
    ``rejects_path`` (TSV) when given, and are counted by reason in the summary either way.
    Every file is written atomically: after an error none exists.
    Raises :class:`~tmx_export.errors.InputError` for input that cannot be read.
    """
    _check_mode(segment)
    check_languages(source_lang, target_lang, profile)
    options = _dedupe_options(clean, dedupe, keep_duplicates)
    files = gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang,
                          pair_files=pair_files and input_format is None)
    check_outputs(files, [output, rejects_path])
    formats = {f: format_of(f, input_format) for f in files}
    segtype = header_segtype(files, formats, segment)
    with ExitStack() as stack:
        # The report is opened first, so a bad report path fails before any reading, and
        # it is only renamed into place when the TMX was written.
        report = None
        if rejects_path is not None:
            report = stack.enter_context(atomic_output(rejects_path, "w"))
        stream = UnitStream(
            files,
            source_lang=source_lang,
            target_lang=target_lang,
            segment=segment,
            segment_options=segment_options,
            input_format=input_format,
            reader_options=reader_options,
            clean=options,
            formats=formats,
            progress=progress,
            report=report,
            keep_rejects=False,  # counted for the summary; the report has them
        )
        counts = write_tmx(
            stream,
            output,
            srclang=source_lang,
            segtype=segtype,
            keep_duplicates=options.dedupe == "none",
            on_skip=stream.reject_skipped,
            profile=profile,
            max_units=max_units,
        )
    return BuildSummary(
        output=str(output),
        files=[name for f in files
               for name in ((f.source, f.target) if isinstance(f, ParallelInput) else (f,))],
        segtype=segtype,
        pairs_read=stream.pairs_read,
        units_written=counts.units,
        duplicates_skipped=stream.duplicates,
        rejects=stream.rejects.counts,
        repairs=stream.repairs + counts.repairs,
        rejects_path=None if rejects_path is None else str(rejects_path),
        outputs=counts.files,
        formats=Counter(formats.values()),
    )


def export_pairs(
    inputs: Sequence[str | Path | ParallelInput],
    output: str | Path = "-",
    *,
    output_format: str = "jsonl",
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    segment: str | None = None,
    segment_options: dict[str, Any] | None = None,
    keep_duplicates: bool = False,
    rejects_path: str | Path | None = None,
    input_format: str | None = None,
    reader_options: dict[str, Any] | None = None,
    clean: CleanOptions | None = CleanOptions(),  # noqa: B008 - frozen defaults
    dedupe: str | None = None,
    pair_files: bool = True,
) -> Counter[str]:
    """Write the pairs of ``inputs`` (with ``segment``, the units :func:`build` would write)
    to ``output`` as JSON Lines or TSV (``output_format``), one per line; return the rejects
    counted by reason. Arguments as for :func:`build`; both files are written atomically.
    """
    if segment is not None:
        _check_mode(segment)
    writer = {"jsonl": write_pairs_jsonl, "tsv": write_pairs_tsv}[output_format]
    files = gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang,
                          pair_files=pair_files and input_format is None)
    check_outputs(files, [output, rejects_path])
    with ExitStack() as stack:
        # Opened first so that a bad report path fails before any work (see build()).
        report = None
        if rejects_path is not None:
            report = stack.enter_context(atomic_output(rejects_path, "w"))
        stream = UnitStream(
            files,
            source_lang=source_lang,
            target_lang=target_lang,
            segment=segment,
            segment_options=segment_options,
            input_format=input_format,
            reader_options=reader_options,
            clean=_dedupe_options(clean, dedupe, keep_duplicates),
            report=report,
            keep_rejects=False,
        )
        writer(stream, output)
    return stream.rejects.counts


def _dedupe_options(clean: CleanOptions | None, dedupe: str | None,
                    keep_duplicates: bool) -> CleanOptions:
    """The cleaning options with the dedupe mode asked for (no rules when ``clean`` is None)."""
    mode = "none" if keep_duplicates else dedupe
    if mode is not None and mode not in DEDUPE_MODES:
        raise ValueError(f"unknown dedupe mode {mode!r}; expected one of "
                         f"{', '.join(DEDUPE_MODES)}")
    options = clean if clean is not None else CleanOptions(rules=frozenset())
    return options if mode is None else replace(options, dedupe=mode)


def check_outputs(files: Sequence[Input], outputs: list[str | Path | None]) -> None:
    """Refuse outputs that would replace an input (a slip of the tab key costs a dump)."""
    inputs = set()
    for f in files:
        for name in ((f.source, f.target) if isinstance(f, ParallelInput) else (f,)):
            if name != "-":
                inputs.add(Path(name).resolve())
    for output in outputs:
        if output is not None and str(output) != "-" and Path(output).resolve() in inputs:
            raise InputError(str(output), "output would overwrite an input file")


def read_units(
    inputs: Sequence[str | Path | ParallelInput],
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    segment: str | None = "sentence",
    segment_options: dict[str, Any] | None = None,
    keep_duplicates: bool = False,
    input_format: str | None = None,
    reader_options: dict[str, Any] | None = None,
    clean: CleanOptions | None = CleanOptions(),  # noqa: B008 - frozen defaults
    dedupe: str | None = None,
    pair_files: bool = True,
    progress: Progress | None = None,
) -> tuple[list[Pair], list[Reject]]:
    """The units :func:`build` would write with the same arguments, and the rejects.

    Each unit's texts are as written to the TMX and ``props["tuid"]`` is its ``tuid``
    there, so other outputs (a termbase's examples, say) can point into the TMX.
    ``segment=None`` gives the pairs as read, without splitting off paragraph numbers.
    ``progress`` is called after each input, as for :func:`build`.
    """
    options = _dedupe_options(clean, dedupe, keep_duplicates)
    stream = UnitStream(
        gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang,
                      pair_files=pair_files and input_format is None),
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=segment_options,
        input_format=input_format,
        reader_options=reader_options,
        clean=options,
        progress=progress,
    )
    counts = TmxCounts()
    selected = select_units(stream, counts, keep_duplicates=options.dedupe == "none",
                            on_skip=stream.reject_skipped)
    units = [
        replace(pair, source=source, target=target, props={**pair.props, "tuid": str(counts.units)})
        for pair, source, target in selected
    ]
    return units, list(stream.rejects)
