"""The whole job as a Python API: gather inputs, read, segment, write.

The command line is a thin layer over this module; a script does the same with::

    from tmx_export.pipeline import build
    summary = build(["samples/"], "memory.tmx", rejects_path="rejects.tsv")
    print(summary.units_written, dict(summary.rejects))

Readers are chosen through :data:`READERS` (format name -> reader function), so a new input
format joins by calling :func:`register_reader`; :func:`reader_for` picks one per file.
Memory stays flat in the number of files: one file is read at a time and the TMX is
streamed out as it is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from .errors import InputError
from .formats.dump import read_dump
from .formats.jsonl import read_pairs_jsonl
from .formats.rejects import write_rejects
from .formats.tmx import TmxCounts, select_units, write_tmx
from .model import Pair, ReadResult, Reject
from .textio import STDIN_NAME, atomic_output


class Reader(Protocol):
    """What every reader looks like: one input in, its pairs, rejects and repairs out."""

    def __call__(self, path: str, *, source_lang: str, target_lang: str) -> ReadResult: ...


# Format name -> reader. "dump" is the default for anything not recognised otherwise.
READERS: dict[str, Reader] = {}
# File name ending -> format name, for inputs given without an explicit format.
EXTENSIONS: dict[str, str] = {}
DEFAULT_FORMAT = "dump"

# Unit kind asked for -> the TMX segtype that describes it truthfully ("clause" units are
# smaller than sentences: TMX calls them phrases).
SEGTYPE_OF = {"paragraph": "paragraph", "sentence": "sentence", "clause": "phrase"}

# Called after each input is read, with its name and size in bytes (0 for stdin).
Progress = Callable[[str, int], None]


def register_reader(name: str, reader: Reader, extensions: Iterable[str] = ()) -> None:
    """Make ``reader`` available as input format ``name``, chosen by default for files
    ending in one of ``extensions`` (e.g. ``".jsonl"``)."""
    READERS[name] = reader
    for ending in extensions:
        EXTENSIONS[ending.lower()] = name


register_reader("dump", read_dump)
register_reader("jsonl", read_pairs_jsonl, [".jsonl"])


def reader_for(path: str, input_format: str | None = None) -> Reader:
    """The reader for ``path``: ``input_format`` if given, else by file name ending."""
    if input_format is None:
        lower = path.lower()
        input_format = next(
            (name for ending, name in EXTENSIONS.items() if lower.endswith(ending)),
            DEFAULT_FORMAT,
        )
    try:
        return READERS[input_format]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise InputError(path, f"unknown input format {input_format!r} (known: {known})") from None


@dataclass(slots=True)
class BuildSummary:
    """What :func:`build` did: the figures the command line prints."""

    output: str
    files: list[str] = field(default_factory=list)  # the inputs read, in order
    segtype: str = "paragraph"
    pairs_read: int = 0  # pairs the readers found
    units_written: int = 0  # <tu> elements in the TMX
    duplicates_skipped: int = 0  # exact duplicates not written again
    rejects: Counter[str] = field(default_factory=Counter)  # by reason
    repairs: Counter[str] = field(default_factory=Counter)  # characters changed, by kind
    rejects_path: str | None = None

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())


def gather_inputs(inputs: Sequence[str | Path]) -> list[str]:
    """The files to read: files as given, ``"-"`` for stdin, directories as every ``*.txt``
    file below them in sorted order (hidden files and directories left out).

    Everything is checked before anything is read, so a typo in the last input fails the
    run at once rather than after an hour of work.
    """
    if not inputs:
        raise InputError("tmx-export", "no input given")
    files: list[str] = []
    for given in inputs:
        name = str(given)
        path = Path(name)
        if name == "-":
            files.append(name)
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*.txt")
                if p.is_file() and not _hidden(p.relative_to(path))
            )
            if not found:
                raise InputError(name, "directory holds no *.txt file")
            files.extend(str(p) for p in found)
        elif path.is_file():
            files.append(name)
        elif path.exists():
            raise InputError(name, "not a regular file")
        else:
            raise InputError(name, "no such file or directory")
    if files.count("-") > 1:
        raise InputError(STDIN_NAME, "standard input given more than once")
    return files


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def input_size(path: str) -> int:
    """Size of an input in bytes, for progress reports (0 for stdin)."""
    return 0 if path == "-" else Path(path).stat().st_size


def read_inputs(
    files: Iterable[str],
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    input_format: str | None = None,
    progress: Progress | None = None,
) -> Iterator[ReadResult]:
    """Read each file with its reader, one at a time."""
    for path in files:
        reader = reader_for(path, input_format)
        result = reader(path, source_lang=source_lang, target_lang=target_lang)
        if progress is not None:
            progress(path, input_size(path))
        yield result


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


class UnitStream:
    """The units of some inputs, read and segmented as they are iterated.

    Iterate once; meanwhile (and afterwards) :attr:`rejects`, :attr:`pairs_read` and
    :attr:`repairs` give the account of what was read, so a caller can stream the units
    to a writer and still report every reject.
    """

    def __init__(
        self,
        files: list[str],
        *,
        source_lang: str = "en-GB",
        target_lang: str = "fr-FR",
        segment: str | None = "paragraph",
        segment_options: dict[str, Any] | None = None,
        input_format: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.files = files
        self.source_lang, self.target_lang = source_lang, target_lang
        self.segment, self.segment_options = segment, segment_options
        self.input_format, self.progress = input_format, progress
        self.pairs_read = 0
        self.rejects: list[Reject] = []
        self.repairs: Counter[str] = Counter()

    def __iter__(self) -> Iterator[Pair]:
        results = read_inputs(
            self.files,
            source_lang=self.source_lang,
            target_lang=self.target_lang,
            input_format=self.input_format,
            progress=self.progress,
        )
        for result in results:
            self.pairs_read += len(result.pairs)
            self.repairs.update(result.repairs)
            self.rejects.extend(result.rejects)
            for position, pair in enumerate(result.pairs, 1):
                # Every unit says which paragraph it comes from: the number the document
                # prints, or else the paragraph's position in its document.
                if "x-paragraph" not in pair.props:
                    paragraph = pair.number if pair.number is not None else position
                    pair.props["x-paragraph"] = str(paragraph)
                units, rejects = segment_units(pair, self.segment, self.segment_options)
                self.rejects.extend(rejects)
                yield from units

    def reject_skipped(self, pair: Pair, reason: str) -> None:
        """A writer's ``on_skip``: units left empty become rejects; duplicates are only
        counted by the writer (a corpus may hold thousands, all fine)."""
        if reason == "empty":
            text = f"{pair.source}\t{pair.target}"
            self.rejects.append(Reject(pair.file, pair.line, "empty side", text))


def build(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    segment: str = "sentence",
    segment_options: dict[str, Any] | None = None,
    keep_duplicates: bool = False,
    rejects_path: str | Path | None = None,
    input_format: str | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Read ``inputs``, cut them into ``segment`` units and write the TMX ``output``.

    ``inputs`` as for :func:`gather_inputs`; ``output`` is a file name or ``"-"``. Rejects
    go to ``rejects_path`` (TSV) when given, and are counted by reason in the summary
    either way. Both files are written atomically: after an error neither exists.
    Raises :class:`~tmx_export.errors.InputError` for input that cannot be read.
    """
    _check_mode(segment)
    files = gather_inputs(inputs)
    check_outputs(files, [output, rejects_path])
    stream = UnitStream(
        files,
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=segment_options,
        input_format=input_format,
        progress=progress,
    )
    with ExitStack() as stack:
        # The report is opened first, so a bad report path fails before any reading, and
        # it is only renamed into place when the TMX was written.
        report = None
        if rejects_path is not None:
            report = stack.enter_context(atomic_output(rejects_path, "w"))
        counts = write_tmx(
            stream,
            output,
            srclang=source_lang,
            segtype=SEGTYPE_OF[segment],
            keep_duplicates=keep_duplicates,
            on_skip=stream.reject_skipped,
        )
        if report is not None:
            write_rejects(stream.rejects, report)
    return BuildSummary(
        output=str(output),
        files=files,
        segtype=SEGTYPE_OF[segment],
        pairs_read=stream.pairs_read,
        units_written=counts.units,
        duplicates_skipped=counts.duplicates,
        rejects=Counter(reject.reason for reject in stream.rejects),
        repairs=stream.repairs + counts.repairs,
        rejects_path=None if rejects_path is None else str(rejects_path),
    )


def check_outputs(files: list[str], outputs: list[str | Path | None]) -> None:
    """Refuse outputs that would replace an input (a slip of the tab key costs a dump)."""
    inputs = {Path(f).resolve() for f in files if f != "-"}
    for output in outputs:
        if output is not None and str(output) != "-" and Path(output).resolve() in inputs:
            raise InputError(str(output), "output would overwrite an input file")


def read_units(
    inputs: Sequence[str | Path],
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    segment: str | None = "sentence",
    segment_options: dict[str, Any] | None = None,
    keep_duplicates: bool = False,
    input_format: str | None = None,
) -> tuple[list[Pair], list[Reject]]:
    """The units :func:`build` would write with the same arguments, and the rejects.

    Each unit's texts are as written to the TMX and ``props["tuid"]`` is its ``tuid``
    there, so other outputs (a termbase's examples, say) can point into the TMX.
    ``segment=None`` gives the pairs as read, without splitting off paragraph numbers.
    """
    stream = UnitStream(
        gather_inputs(inputs),
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=segment_options,
        input_format=input_format,
    )
    counts = TmxCounts()
    selected = select_units(
        stream, counts, keep_duplicates=keep_duplicates, on_skip=stream.reject_skipped
    )
    units = [
        replace(pair, source=source, target=target, props={**pair.props, "tuid": str(counts.units)})
        for pair, source, target in selected
    ]
    return units, stream.rejects
