"""Inputs: which files a run reads, in which format, and the table of readers.

* :func:`gather_inputs` turns what the user named (files, directories, ``-``, pairs of
  parallel files) into the list of inputs, checked before anything is read;
  ``name.<src>.txt`` beside ``name.<tgt>.txt`` become one :class:`ParallelInput`
  (:func:`parallel_partner`).
* :func:`format_of` picks each file's format, from its content first
  (:func:`detect_format`: names lie, content rarely does: the root element of XML, the
  ``PK`` signature of XLSX, ``msgid`` lines of PO, tab-separated columns of TSV) and its
  name second; ``--input-format`` overrides both.
* :data:`READERS` maps a format name to its reader; :func:`read_input` reads one input with
  the options of the run. A new format joins with :func:`register_reader`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ._lazy import lazy_pattern
from .errors import InputError, shown_name
from .formats.text import STDIN_NAME, check_writable, input_name, readable_file, without_gz
from .formats.tsv import PAIR_COLUMNS
from .lang import is_valid_tag, language_of_name, normalise_tag, primary, standard_tag
from .model import BuildOptions, ReadResult, ReadStream, count_of, header_role

if TYPE_CHECKING:
    from .dump.reader import DumpParts

# The readers are imported when a file of their format is read, not before: a command that
# reads no XLIFF never loads translate-toolkit, and --help loads none of them.


class Reader(Protocol):
    """A reader as :func:`register_reader` takes it: one input in, its pairs, rejects and
    repairs out."""

    def __call__(self, path: str, *, source_lang: str, target_lang: str) -> ReadResult: ...


# What the table holds: a reader taking the run's options.
OptionsReader = Callable[[str, BuildOptions], ReadResult]

# Format name -> reader. "dump" is the default for anything not recognised otherwise.
READERS: dict[str, OptionsReader] = {}
# File name ending -> format name, for inputs given without an explicit format.
EXTENSIONS: dict[str, str] = {}
# Formats whose pairs are translation units already: never segmented again.
UNIT_FORMATS: set[str] = set()
# Formats whose text may legitimately contain markup-like strings: there, text such as
# ``<b>%s</b>`` is the content of software strings, and the formats keep real codes apart.
MARKUP_IS_CONTENT = frozenset({"tmx", "xliff", "po"})
DEFAULT_FORMAT = "dump"
PARALLEL = "parallel"  # the format name of a ParallelInput

# What a directory is searched for (hidden files and directories left out).
INPUT_EXTENSIONS = (".txt", ".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff", ".po",
                    ".tsv", ".csv", ".xlsx", ".jsonl", ".ndjson")
# Compressed, they are read as well (uncompressed as they are read), and found in a
# directory too: all but a dump (``.txt.gz``, which may be one side of parallel files
# found by their ``.txt`` names) and a workbook (a ZIP archive already).
INPUT_EXTENSIONS += tuple(f"{ending}.gz" for ending in INPUT_EXTENSIONS
                          if ending not in (".txt", ".xlsx"))


@dataclass(frozen=True, slots=True)
class ParallelInput:
    """Two files, a document and its translation, read together as one input."""

    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} + {self.target}"


Input = str | ParallelInput



def refuse_stdin_twice(names: Iterable[str | Path]) -> None:
    """Refuse ``-`` named more than once: standard input is read once, and a second
    reading would find it empty or (spooled) count the same units twice."""
    if [str(name) for name in names].count("-") > 1:
        raise InputError(STDIN_NAME, "standard input given more than once")

def _register(name: str, reader: OptionsReader, extensions: Iterable[str] = (), *,
              units: bool = False) -> None:
    READERS[name] = reader
    for ending in extensions:
        EXTENSIONS[ending.lower()] = name
    if units:
        UNIT_FORMATS.add(name)
    else:
        UNIT_FORMATS.discard(name)


def register_reader(
    name: str, reader: Reader, extensions: Iterable[str] = (), *, units: bool = False
) -> None:
    """Make ``reader`` available as input format ``name``, chosen by default for files
    ending in one of ``extensions`` (e.g. ``".jsonl"``). ``units=True`` says its pairs are
    translation units already, not to be segmented again."""

    def read(path: str, options: BuildOptions) -> ReadResult:
        return reader(path, source_lang=options.source_lang, target_lang=options.target_lang)

    _register(name, read, extensions, units=units)


def _dump(path: str, o: BuildOptions) -> ReadResult:
    from .dump.reader import read_dump

    return read_dump(path, source_lang=o.source_lang, target_lang=o.target_lang)


def _jsonl(path: str, o: BuildOptions) -> ReadResult:
    from .formats.jsonl import read_pairs_jsonl

    return read_pairs_jsonl(path, source_lang=o.source_lang, target_lang=o.target_lang,
                            claimed=o.claimed_langs)


def _pairs_tsv(path: str, o: BuildOptions) -> ReadResult:
    from .formats.tsv import read_pairs_tsv

    return read_pairs_tsv(path, source_lang=o.source_lang, target_lang=o.target_lang,
                          claimed=o.claimed_langs)


def _tmx(path: str, o: BuildOptions) -> ReadResult:
    from .formats.tmx import read_tmx

    return read_tmx(path, source_lang=o.source_lang, target_lang=o.target_lang,
                    claimed=o.claimed_langs)


def _ttk(path: str, o: BuildOptions) -> ReadResult:
    from .formats.ttkstore import read_ttk

    return read_ttk(path, source_lang=o.source_lang, target_lang=o.target_lang,
                    include_fuzzy=o.include_fuzzy, untranslated=o.untranslated,
                    claimed=o.claimed_langs)


def _table(fmt: str) -> OptionsReader:
    def read(path: str, o: BuildOptions) -> ReadResult:
        from .formats.table import read_table

        return read_table(path, source_lang=o.source_lang, target_lang=o.target_lang,
                          source_column=o.source_column, target_column=o.target_column,
                          sheet=o.sheet, table_format_name=fmt, claimed=o.claimed_langs,
                          column_options=o.column_options, header=not o.no_header,
                          include_fuzzy=o.include_fuzzy)

    return read


_register("dump", _dump)
_register("jsonl", _jsonl, [".jsonl", ".ndjson"])
_register("pairs-tsv", _pairs_tsv)  # recognised by its header, see detect_format
_register("tmx", _tmx, [".tmx", ".tmx.gz"], units=True)
_register("xliff", _ttk, [".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff"], units=True)
_register("po", _ttk, [".po"], units=True)
for _fmt in ("tsv", "csv", "xlsx"):
    _register(_fmt, _table(_fmt), [f".{_fmt}"], units=True)


def _streamed(path: Input, fmt: str) -> bool:
    """Whether an input is read as streams (dumps, unless another reader was registered
    for them)."""
    return fmt == "dump" and not isinstance(path, ParallelInput) and READERS["dump"] is _dump


def open_input(path: Input, fmt: str, options: BuildOptions,
               parts: DumpParts | None = None) -> Iterator[ReadStream] | None:
    """One input read as streams, pair by pair in the order of the file, one stream per
    part of it (``parts``, else all of them: a large dump is read in parts, see
    :func:`tmx_export.dump.reader.split_dump`), when its format is read that way; else
    ``None``, and :func:`read_input` reads it whole."""
    if not _streamed(path, fmt):
        return None
    from .dump.reader import open_dump_parts

    return open_dump_parts(path, source_lang=options.source_lang,
                           target_lang=options.target_lang, parts=parts)


def input_parts(path: Input, fmt: str, options: BuildOptions) -> DumpParts | None:
    """The parts :func:`open_input` reads an input in (a large dump in UTF-8: read from
    the file as they are taken; others decoded now); ``None`` for an input not read in
    parts."""
    if not _streamed(path, fmt):
        return None
    from .dump.reader import dump_parts

    return dump_parts(path, langs=(primary(options.source_lang),  # type: ignore[arg-type]
                                   primary(options.target_lang)))


def tmx_is_streamed() -> bool:
    """Whether TMX files may be streamed unit by unit (:func:`tmx_export.formats.tmx.iter_tmx`)
    rather than read whole: yes, unless another reader was registered for them."""
    return READERS["tmx"] is _tmx


def read_input(path: Input, fmt: str, options: BuildOptions) -> ReadResult:
    """Read one input in format ``fmt`` (see :func:`format_of`)."""
    if isinstance(path, ParallelInput):
        from .formats.parallel import read_parallel

        return read_parallel(path.source, path.target, source_lang=options.source_lang,
                             target_lang=options.target_lang,
                             align_paragraphs=options.align_paragraphs)
    return READERS[fmt](path, options)


# --- formats -------------------------------------------------------------------------------

FORMATS = ("tmx", "tbx", "xliff", "po", "xlsx", "jsonl", "pairs-tsv", "tsv", "csv", "text")
# The header `tmx-export pairs --format tsv` writes: such a file reads back as pairs.
_PAIRS_TSV_HEADER = "\t".join(PAIR_COLUMNS)

_MARKUP_NOISE = lazy_pattern(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.S)
_ROOT = lazy_pattern(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_XML_ROOTS = {"tmx": "tmx", "martif": "tbx", "tbx": "tbx", "xliff": "xliff"}
_PO_ENTRY = re.compile(r'^msgid\s+"', re.M)
# Document formats that decode as text often enough to be mistaken for a dump.
_NOT_TEXT = ((b"%PDF-", "PDF"), (b"{\\rtf", "RTF"), (b"\xd0\xcf\x11\xe0", "legacy Office"))


def detect_format(path: str | Path) -> str:
    """One of :data:`FORMATS` for the file at ``path``; :class:`InputError` if unsupported."""
    from .formats.decoding import is_blank
    from .formats.xml import decode_head, read_head

    p = readable_file(path)
    head = read_head(p, 1 << 16)
    if is_blank(head):
        raise InputError(input_name(path), "file is empty")
    suffix = Path(without_gz(p.name)).suffix.lower()  # "pairs.tsv.gz": a TSV, compressed
    for magic, kind in _NOT_TEXT:
        if head.startswith(magic):
            raise InputError(input_name(path), f"a {kind} file, not bilingual text (export it as "
                             "text, TMX, XLIFF or a table first)")
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in head or suffix == ".xlsx":
            return "xlsx"
        raise InputError(input_name(path), "a ZIP archive that is not an XLSX workbook")
    text = decode_head(head).lstrip("\ufeff")
    stripped = text.lstrip()
    if _WORKBENCH_TXT.match(stripped):
        raise InputError(input_name(path), "a Trados Workbench TXT export (<TrU> units), "
                         "which tmx-export does not read: export the memory as TMX")
    if stripped.startswith("<"):
        root = _ROOT.search(_MARKUP_NOISE.sub("", stripped))
        if root and root.group(2) in _XML_ROOTS:
            return _XML_ROOTS[root.group(2)]
        if root and stripped.startswith(("<?xml", "<!DOCTYPE")):
            raise InputError(input_name(path), f"XML with root element <{root.group(2)}>, "
                                        "not TMX, TBX or XLIFF")
    if _PO_ENTRY.search(text) or suffix in (".po", ".pot"):
        return "po"
    if _looks_like_json_lines(stripped, len(head) == 1 << 16):
        return "jsonl"
    if _JSON_DOCUMENT.match(stripped):
        raise InputError(input_name(path), "a JSON document, not JSON Lines (one object a "
                         "line): write its objects one a line (jq -c '.[]')")
    if suffix in (".csv",):
        return "csv"
    if text.startswith(_PAIRS_TSV_HEADER):
        return "pairs-tsv"
    if suffix in (".tsv", ".tab") or _looks_tabular(text):
        return "tsv"
    if _looks_delimited(text):
        return "csv"
    return "text"


# A Trados Workbench TXT export: an RTF preamble (fonts, styles), then units of lines
# "<TrU>", "<CrD>date", "<Seg L=EN-GB>text", "</TrU>". Read as a dump, its one "pair" was
# all of it, rejected as markup; its segments' RTF codes ("{\b ...}") would be read as
# text, so it is refused by name.
_WORKBENCH_TXT = lazy_pattern(r"<RTF Preamble>|<TrU>\s*\n")

# A JSON document whose lines are no objects: an array of objects or of arrays, or one
# object over many lines (``json.dump(pairs, indent=2)``, a dataset saved as one array).
# Read as a dump, its pairs ran together into units of JSON: '[ { "en": "THE TRADE ...'.
_JSON_DOCUMENT = lazy_pattern(r'\[\s*[{\[]|\{\s*("|$)')


def _looks_like_json_lines(text: str, cut: bool) -> bool:
    """JSON Lines by their content, whatever the name: the first line is a JSON object
    (or, ``cut`` short by the head read, opens as one, ``{"``). ``tmx-export pairs |
    tmx-export build -`` (or a ``.ndjson`` file, a name ``pairs`` writes) was read as a dump,
    and each unit written was JSON: ``{"source": "The Commission ...", "target":``."""
    first = text.split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    import json  # only here: a run whose inputs open otherwise does not load it

    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return first.startswith('{"') and (cut and "\n" not in text or first.endswith("}"))


def _looks_tabular(text: str) -> bool:
    """Consistent tab-separated columns in the first lines: a header naming two languages,
    or at least two lines with the first line's tabs and most lines so. A tab in one line
    of prose (text copied from Word or a PDF) does not make a dump a table."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2 or "\t" not in lines[0]:
        return False
    if sum(map(_names_a_language, lines[0].split("\t"))) >= 2:
        return True
    counts = [line.count("\t") for line in lines]
    # the last line may be cut off by the head read: it may only count for the table
    alike = sum(c == counts[0] for c in counts)
    return alike >= 2 and alike >= 0.9 * (len(counts) - 1)


def _looks_delimited(text: str) -> bool:
    """A CSV table by its content, whatever its name (``.txt``, standard input): a header
    naming two languages or more ("French;English", "en-GB,fr-FR"), or the two roles
    ("Source,Target", as CAT tools export pairs), comma- or semicolon-separated, and rows
    with as many fields (quotes honoured). Read as a dump, such a table was cut into
    nonsense ("English" -> "French;"; units opening 'Source,Target "Decision No 1/2019')."""
    import csv
    import io

    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in ";,":
        header = next(csv.reader([lines[0]], delimiter=delimiter))
        rows = list(csv.reader(io.StringIO("\n".join(lines[1:-1] or lines[1:])),
                               delimiter=delimiter))
        # the rows first: prose rarely has them alike, and then the language names (whose
        # table loads translate-toolkit's) need not be looked up
        # (a header of one cell names no two languages: lines of prose without the
        # delimiter are all "alike")
        if len(header) >= 2 and rows \
                and sum(len(row) == len(header) for row in rows) >= 0.9 * len(rows) \
                and (sum(map(_names_a_language, header)) >= 2
                     or {"source", "target"} <= {header_role(cell) for cell in header}):
            return True
    return False


def _names_a_language(cell: str) -> bool:
    """A header cell that names a language: a tag ("en", "fr-FR") or a name ("French")."""
    cell = cell.strip()
    if language_of_name(cell) is not None:
        return True
    try:
        return is_valid_tag(cell) and len(primary(cell)) in (2, 3) and bool(standard_tag(cell))
    except ValueError:
        return False


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
    detected = detect_format(path)  # standard input too, from its content
    if detected == "tbx":
        raise InputError(path, "a TBX termbase, not bilingual text to make units of")
    if detected in ("tmx", "xliff", "po", "xlsx", "jsonl", "pairs-tsv"):
        return detected
    lower = path.lower()
    registered = [(ending, name) for ending, name in EXTENSIONS.items()
                  if lower.endswith(ending) or without_gz(lower).endswith(ending)]
    if registered:  # the longest ending: ".tmx.gz" rather than ".gz"
        return max(registered, key=lambda item: len(item[0]))[1]
    return DEFAULT_FORMAT if detected == "text" else detected


# --- files ---------------------------------------------------------------------------------

def many_languages(inputs: Sequence[str | Path | ParallelInput], input_format: str | None,
                   source_lang: str, target_lang: str) -> tuple[str, int] | None:
    """The first TMX among ``inputs`` holding more than two languages, and how many: a
    user who named no language gets the default pair of it, which the run says (a German
    translator building from DGT-TM's 24-language memories got English-French, and no
    word of it)."""
    from .formats.tmx import held_languages

    for path in gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang,
                              pair_files=input_format is None):
        if not isinstance(path, ParallelInput) and format_of(path, input_format) == "tmx":
            held = len(held_languages(path))
            if held > 2:
                return str(path), held
    return None


def declared_pair(inputs: Sequence[str | Path | ParallelInput], input_format: str | None,
                  source_lang: str, target_lang: str, *, vaguer: bool = False
                  ) -> tuple[str, str] | None:
    """The (source, target) languages every input declares alike, as the first spells them:
    a bilingual TMX (its ``srclang`` and its other language), an XLIFF file (its
    ``<file>``'s), a table (its two language columns, the first the source), JSON Lines
    (their language keys, or the languages of the pairs ``pairs`` wrote) or a ``pairs``
    TSV (its pairs' languages). ``None``
    when an input is of another kind or declares none, when they differ, or when the pair
    is ``source_lang``/``target_lang`` already, or (unless ``vaguer``) a vaguer spelling of
    it (``en``/``fr`` for ``en-GB``/``fr-FR``). For a command whose user named no language:
    ``check`` and ``concordance`` then take the memory's pair."""
    def tmx_languages(path: str | Path) -> tuple[str, str] | None:
        from .formats.tmx import declared_languages

        return declared_languages(path)

    def xliff_languages(path: str | Path) -> tuple[str, str] | None:
        from .formats.ttkstore import declared_languages

        return declared_languages(path)

    def table_languages(path: str | Path, table_format_name: str) -> tuple[str, str] | None:
        from .formats.table import declared_languages

        return declared_languages(path, table_format_name=table_format_name)

    def jsonl_languages(path: str | Path) -> tuple[str, str] | None:
        from .formats.jsonl import declared_languages

        return declared_languages(path)

    def pairs_tsv_languages(path: str | Path) -> tuple[str, str] | None:
        from .formats.tsv import declared_languages

        return declared_languages(path)

    # each format's module imported only for an input of that format: a dump's run loads
    # neither translate-toolkit nor the table readers
    readers = {"tmx": tmx_languages, "xliff": xliff_languages, "jsonl": jsonl_languages,
               "pairs-tsv": pairs_tsv_languages,
               # a table's format as told (by --input-format or its content), not its name's
               **{fmt: partial(table_languages, table_format_name=fmt)
                  for fmt in ("tsv", "csv", "xlsx")}}

    def same(one: tuple[str, str], other: tuple[str, str]) -> bool:
        return [normalise_tag(tag) for tag in one] == [normalise_tag(tag) for tag in other]

    def vaguer_than(found: tuple[str, str], asked: tuple[str, str]) -> bool:
        return all(normalise_tag(tag) == primary(tag) == primary(other)
                   for tag, other in zip(found, asked, strict=True))

    first: tuple[str, str] | None = None
    for path in gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang,
                              pair_files=input_format is None):
        fmt = format_of(path, input_format)
        reader = readers.get(fmt)
        if reader is None or isinstance(path, ParallelInput):
            return None
        found = reader(path)
        if found is not None and fmt in ("tsv", "csv", "xlsx") and vaguer_than(
                found[::-1], (source_lang, target_lang)):
            # columns "French", "English" (or "fr", "en"): the table's direction (its first
            # language column is the source), in the tags asked ("fr-FR", "en-GB")
            found = (target_lang, source_lang)
        if found is None or (first is not None and not same(first, found)):
            return None
        first = first or found
    asked = (source_lang, target_lang)
    if first is None or same(first, asked):
        return None  # the pair asked for
    if vaguer_than(first, asked):
        return first if vaguer else None  # a vaguer spelling of it ("en", "fr")
    try:  # a tag no language is known by ("DA-01") is no pair to take
        standard_tag(first[0]), standard_tag(first[1])
    except ValueError:
        return None
    return first


# What a public call takes as its inputs: the files and folders to read, or one named alone.
Inputs = Sequence[str | Path | ParallelInput] | str | Path | ParallelInput


def input_list(inputs: Inputs) -> list[str | Path | ParallelInput]:
    """``inputs`` as the list of inputs the calls go through, one file or folder named
    alone (``build("samples/", "memory.tmx")``) its only item. A ``str`` is a sequence too,
    of its characters, each then taken for a file: "s: no such file or directory" for
    ``"samples/"``, or, with files named so, the wrong memory; a ``Path`` was "not
    iterable"."""
    if isinstance(inputs, str | Path | ParallelInput):
        return [inputs]
    return list(inputs)


def gather_inputs(
    inputs: Sequence[str | Path | ParallelInput],
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    pair_files: bool = True,
    ignored: list[str] | None = None,
    skipped: list[tuple[str, str]] | None = None,
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
    run at once rather than after an hour of work. An empty file found in a directory is
    left out (and added to ``skipped`` with the reason): one stray empty ``notes.txt`` must
    not stop a run over a folder; named on its own, it is an error when read. So is a
    rejects report an earlier run wrote there (:func:`_not_bitext`).
    """
    if not inputs:
        raise InputError("tmx-export", "no input given")
    files: list[Input] = []
    blank: list[tuple[str, str]] = []  # empty files found in directories, and why
    found_below: set[str] = set()  # the files found in directories (not named)
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
            below, found, left_out = _listing(path)
            unknown = [str(p) for p in below if p not in found]
            if ignored is not None:
                ignored.extend(unknown)
            _note_unread(unknown)
            if not found:
                raise InputError(name, "directory holds no input file ("
                                 + ", ".join(f"*{e}" for e in INPUT_EXTENSIONS) + ")")
            for p in found:
                if p in left_out:
                    blank.append((str(p), left_out[p]))
                else:
                    files.append(str(p))
                    found_below.add(str(p))
        else:
            _check_file(name)
            files.append(name)
    refuse_stdin_twice(files)
    if pair_files:
        files = _pair_side_by_side(files, source_lang, target_lang, blank)
        files = _without_other_translations(files, found_below, blank)
    if skipped is not None:
        skipped.extend(blank)
    _note_unread([name for name, _ in blank], [why for _, why in blank])
    return files


# The files found in the folders given that the run does not read, each with why ("" for
# a file of unknown type): the command says them when it ends (:func:`unread_lines`),
# whichever command it is. Within :func:`noting_unread`; gathered several times, a file
# is said once.
_UNREAD: ContextVar[dict[str, str] | None] = ContextVar("tmx_export_unread", default=None)


@contextmanager
def noting_unread() -> Iterator[dict[str, str]]:
    """Within this context, the files found in folders and not read are noted in the dict
    given (name -> why, "" for a file of unknown type): ``check corpus/`` left out its
    ``notes.md`` and an empty ``old.tmx`` without a word, ``build corpus/`` listed them."""
    unread: dict[str, str] = {}
    token = _UNREAD.set(unread)
    try:
        yield unread
    finally:
        _UNREAD.reset(token)


def _note_unread(names: Sequence[str], whys: Sequence[str] = ()) -> None:
    unread = _UNREAD.get()
    if unread is not None:
        for name, why in zip(names, whys or [""] * len(names), strict=True):
            unread.setdefault(name, why)


def take_unread() -> dict[str, str]:
    """The files noted unread so far (:func:`noting_unread`), which the caller says
    (``build``, in its summary): the command then does not say them again."""
    unread = _UNREAD.get()
    if unread is None:
        return {}
    taken = dict(unread)
    unread.clear()
    return taken



def unread_lines(skipped: Sequence[tuple[str, str]], ignored: Sequence[str]) -> list[str]:
    """What a run says of the files of its folders it did not read: ``skipped NAME: why``
    each (eight at most) and ``not read (2 files of unknown type): a.png, notes.md``."""
    lines = [f"skipped {shown_name(name)}: {why}" for name, why in skipped[:8]]
    if ignored:
        shown = (", ".join(map(shown_name, ignored[:5])) + (" ..." if len(ignored) > 5 else ""))
        lines.append(f"not read ({count_of(len(ignored), 'file')} of unknown type): {shown}")
    return lines


# A run that gathers its inputs more than once (``terms``: to check its outputs, to read
# each file once, to read them) walks each directory once: within :func:`one_listing`, what
# was found below a directory is remembered (walking a large folder tree, and opening each
# file to see whether it is empty, is the slow part of gathering).
_LISTINGS: ContextVar[dict[Path, tuple[list[Path], list[Path], dict[Path, str]]] | None] = \
    ContextVar("tmx_export_listings", default=None)


@contextmanager
def one_listing() -> Iterator[None]:
    """Within this context, :func:`gather_inputs` walks each directory once."""
    token = _LISTINGS.set({})
    try:
        yield
    finally:
        _LISTINGS.reset(token)


def _listing(path: Path) -> tuple[list[Path], list[Path], dict[Path, str]]:
    """Every file below directory ``path`` (hidden ones left out), sorted; those with a
    known input ending; and those of them that hold no bitext, with why (empty, a rejects
    report)."""
    listings = _LISTINGS.get()
    key = path.absolute()
    if listings is not None and key in listings:
        return listings[key]
    below = _files_below(path)
    found = [p for p in below if p.name.lower().endswith(INPUT_EXTENSIONS)]
    left_out = {p: why for p in found if (why := _not_bitext(p))}
    listing = below, found, left_out
    if listings is not None:
        listings[key] = listing
    return listing


def _files_below(path: Path) -> list[Path]:
    """Every file below directory ``path``, sorted, hidden ones left out."""
    return sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))


def _not_bitext(path: Path) -> str | None:
    """Why ``path``, found in a directory, is no input: it holds nothing but white space, as
    :func:`detect_format` judges (its head, uncompressed), or it is a rejects report
    (``--rejects``, which a run writes beside its memory: a TSV whose columns, ``file``,
    ``line``, ``reason``, ``text``, name no language, read as a table it stopped the run
    over the folder) or another report of tmx-export (:func:`_report_of_tmx_export`);
    None for a file to read."""
    from .formats.decoding import is_blank
    from .formats.rejects import REJECTS_HEADER
    from .formats.xml import read_head

    head = read_head(path, 1 << 16)
    if is_blank(head):
        return "file is empty"
    if head.removeprefix(b"\xef\xbb\xbf").startswith(REJECTS_HEADER.encode("ascii")):
        return "a rejects report of tmx-export, no bitext"
    report = _report_of_tmx_export(path, head)
    return f"{report} of tmx-export, no bitext" if report else None


# The first cells of the header rows of the reports tmx-export writes beside a memory,
# each with what it is and the cells before them (a terms list's two languages). They
# hold no bitext of their own, yet name a source and a target column, which the table
# reader took for a memory's. (tests/test_cli_inputs.py compares them with the writers'.)
_REPORT_HEADERS = (
    ("a check report", 0, ("tuid", "file", "line", "check", "severity")),
    ("a concordance", 0, ("tuid", "file", "line", "source", "target", "side", "match")),
    ("a terms list", 2, ("count", "termhood", "status")),
    ("a terms review file", 0, ("source term", "target term", "status", "note", "count",
                                "termhood")),
)


# The sheet a workbook report of tmx-export holds its rows in (`check --report x.xlsx`,
# `terms --review`), which a spreadsheet keeps when it saves the file again.
_REPORT_SHEETS = ("findings", "review")
_SHEET_NAME = lazy_pattern(r"""<(?:\w+:)?sheet\b[^>]*?\sname=(["'])(.*?)\1""")


def _first_sheet_title(path: Path) -> str | None:
    """The title of the first sheet of the workbook ``path``, read from its list of sheets
    alone (``xl/workbook.xml``, a few hundred bytes), or None when it cannot be read: a
    vendor's workbook of 44,000 pairs took 2 s to open for its header, 10 % of reading it,
    when only a report's needs a look."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("xl/workbook.xml")
            if info.file_size > 1 << 20:  # (no workbook's list of sheets is that long)
                return None
            found = _SHEET_NAME.search(book.read(info).decode("utf-8", "replace"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError):
        return None
    return found.group(2) if found else None


def _report_of_tmx_export(path: Path, head: bytes) -> str | None:
    """What report of tmx-export ``path`` is (:data:`_REPORT_HEADERS`), told by its header
    row, else None. ``build sessions/`` read the findings ``check sessions/ --report
    sessions/findings.csv`` had written there, and the term pairs of ``terms --csv`` and
    ``--review``, as units: a terms list of DGT-TM's 22019D0437 added 185 term pairs
    ("Joint Council" / "conseil conjoint") to the memory of its 135 units, and a report
    kept from before a fix brought back the translations fixed since. ``head``: the
    file's first bytes (uncompressed); a CSV in the delimiter a spreadsheet saved it in
    (semicolons in most European locales), in UTF-8 or UTF-16; a workbook by its first
    sheet's header (one that cannot be read is left to the reader, which says why)."""
    from .formats.xml import decode_head

    if path.name.lower().endswith(".xlsx"):
        from .formats.table import table_header

        if _first_sheet_title(path) not in _REPORT_SHEETS:
            return None  # a workbook of pairs, not opened twice
        try:
            header = table_header(path) or []
        except InputError:
            return None
    else:
        line = decode_head(head).split("\n", 1)[0].rstrip("\r")
        header = line.split(max(("\t", ",", ";"), key=line.count))
    cells = tuple(str(cell).strip().strip('"').lower() for cell in header)
    for what, skip, columns in _REPORT_HEADERS:
        if cells[skip:skip + len(columns)] == columns:
            return what
    return None


def _check_file(name: str) -> None:
    path = Path(name)
    if path.is_file():
        return
    if path.exists():
        raise InputError(name, "not a regular file: a pipe or a device can be read "
                         "only once; give it as standard input ('-')")
    raise InputError(name, "no such file or directory")


def _pair_side_by_side(files: list[Input], source_lang: str, target_lang: str,
                       blank: list[tuple[str, str]]) -> list[Input]:
    """Files ``name.<src>.txt`` with a partner ``name.<tgt>.txt`` become one ParallelInput,
    where the first of the two stood; the other is not read again. A file whose partner
    is one of the ``blank`` files left out of a directory is left out too, and added to
    ``blank`` (read alone, a translation would be taken for a dump)."""
    out: list[Input] = []
    taken: set[Path] = set()
    empty = {Path(name).resolve(): name for name, _ in blank}
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
        partner = target if source.resolve() == resolved else source
        if partner.resolve() in empty:
            blank.append((item, f"its parallel file {empty[partner.resolve()]} is empty"))
            continue
        if source.resolve() == resolved:
            source_name, target_name = item, str(target)
        else:
            source_name, target_name = str(source), item
        taken.update((Path(source_name).resolve(), Path(target_name).resolve()))
        out.append(ParallelInput(source_name, target_name))
    return out


def _without_other_translations(files: list[Input], found_below: set[str],
                                blank: list[tuple[str, str]]) -> list[Input]:
    """``files`` without those found in a directory that are another language's version of
    a pair read (``report.de.txt`` beside ``report.en.txt`` and ``report.fr.txt``, for
    en -> fr): read alone, a translation would be taken for a dump in the wrong language
    and stop the run. Each is added to ``blank`` with why it was left out (``--langs``
    reads every language's)."""
    paired: dict[tuple[Path, str], ParallelInput] = {}
    for item in files:
        if isinstance(item, ParallelInput):
            source = Path(item.source)
            paired[(source.resolve().parent, _split_name(source)[0])] = item
    if not paired:
        return files
    kept: list[Input] = []
    for item in files:
        if isinstance(item, str) and item in found_below:
            file = Path(item)
            stem, tag = _split_name(file)
            pair = paired.get((file.resolve().parent, stem)) if tag is not None else None
            if pair is not None and is_valid_tag(tag):
                blank.append((item, f"in {tag}, another language's version of "
                                    f"{pair.source} + {pair.target} (--langs reads it)"))
                continue
        kept.append(item)
    return kept


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


MEMORY_ENDINGS = (".tmx", ".tmx.gz")


def memory_files(given: Iterable[str | Path] | str | Path,
                 endings: tuple[str, ...] = MEMORY_ENDINGS, *,
                 skip_empty: bool = True) -> list[str | Path]:
    """The files ``merge``, ``stats`` and ``validate`` read: each as given, and a directory
    as every file below it whose name ends in one of ``endings`` (case aside), in sorted
    order, hidden ones left out, as :func:`gather_inputs` walks one for ``build``.
    ``merge vendors/ -o all.tmx`` (the memories each vendor sent, in a folder each) was
    refused: "vendors/: is a directory, expected a file". A directory holding none is the
    one-line error naming the endings. With ``skip_empty`` (not for ``validate``, whose
    verdict it is), an empty file found in a directory is left out, as ``build`` and
    ``check`` leave it out, where it stopped ``merge`` ("not well-formed XML"). One file or
    folder may be named alone, outside a list (:func:`input_list`: ``validate("memory.tmx")``
    said "m: no such file")."""
    from .formats.decoding import is_blank
    from .formats.xml import read_head

    files: list[str | Path] = []
    for item in ([given] if isinstance(given, str | Path) else given):
        path = Path(item)
        if str(item) == "-" or not path.is_dir():
            files.append(item)
            continue
        below = _files_below(path)
        found = [p for p in below if p.name.lower().endswith(endings)]
        _note_unread([str(p) for p in below if p not in found])
        empty = [p for p in found if skip_empty and is_blank(read_head(p, 1 << 16))]
        _note_unread([str(p) for p in empty], ["file is empty"] * len(empty))
        found = [p for p in found if p not in empty] or found  # none left: the first's error
        if not found:
            raise InputError(str(item), "directory holds no "
                             + ", ".join(f"*{ending}" for ending in endings) + " file")
        files.extend(found)
    return files


def input_size(path: Input) -> int:
    """Size of an input in bytes, for progress reports (0 for stdin)."""
    if isinstance(path, ParallelInput):
        return Path(path.source).stat().st_size + Path(path.target).stat().st_size
    return 0 if path == "-" else Path(path).stat().st_size


def check_outputs(files: Sequence[Input | Path], outputs: Sequence[str | Path | None], *,
                  writable: bool = False) -> None:
    """Refuse, before any work, an output that would replace a file the run reads (a slip
    of the tab key costs a dump, or a reviewed report) and an output named twice (one
    would replace the other; ``"-"``, standard output, takes one output at most).
    ``files`` are what the run reads: its inputs as gathered (:func:`gather_inputs`) and
    any other file (glossary, termbase, accepted report); ``None`` outputs are left out.
    With ``writable``, each output must also be
    writable (:func:`~tmx_export.formats.text.check_writable`). Paths are compared as the
    files they name: resolved (symlinks, ``./x`` and ``x``), an existing file by its inode
    too (hard links)."""
    read: set[object] = set()
    for f in files:
        for name in (f.source, f.target) if isinstance(f, ParallelInput) else (f,):
            if str(name) != "-":
                read |= file_keys(name)
    if sum(str(output) == "-" for output in outputs if output is not None) > 1:
        # both would interleave on one stream
        raise InputError("-", "standard output named for two outputs (-o and --rejects?): "
                         "name a file for one of them")
    written: set[object] = set()
    named = [output for output in outputs if output is not None and str(output) != "-"]
    # /dev/null takes any number of outputs (a run for its summary, or its rejects alone)
    named = [output for output in named if Path(output).resolve() != Path(os.devnull)]
    for output in named:
        keys = file_keys(output)
        if keys & read:
            raise InputError(str(output), "output would overwrite an input file")
        if keys & written:
            raise InputError(str(output), "given twice as an output")
        written |= keys
    for output in named if writable else ():
        check_writable(output)


# Endings that say a file's format, to whoever opens it (a spreadsheet, a browser, a CAT
# tool): those of what tmx-export reads or writes, and common office and data formats.
# An ending not listed (none, ".txt", ".out") says nothing, and is taken as given.
FORMAT_ENDINGS = {
    ".tmx": "TMX", ".tbx": "TBX", ".xlsx": "XLSX", ".xlsm": "XLSX", ".xls": "XLS",
    ".ods": "ODS", ".html": "HTML", ".htm": "HTML", ".csv": "CSV", ".tsv": "TSV",
    ".tab": "TSV", ".json": "JSON", ".jsonl": "JSON Lines", ".db": "SQLite",
    ".sqlite": "SQLite", ".sqlite3": "SQLite", ".po": "PO", ".pot": "PO", ".xliff": "XLIFF",
    ".xlf": "XLIFF", ".sdlxliff": "XLIFF", ".xml": "XML", ".pdf": "PDF", ".docx": "DOCX",
    ".doc": "DOC", ".rtf": "RTF", ".zip": "ZIP",
}


# Outputs no .gz name can compress: an XLSX (a ZIP archive already, written by seeking
# back), a SQLite termbase (opened and changed where it lies).
_NOT_COMPRESSED = frozenset({"XLSX", "SQLite"})


def check_output_ending(output: str | Path | None, option: str, written: str,
                        endings: Sequence[str], others: dict[str, str] | None = None) -> None:
    """Refuse, before any work, an ``output`` whose name ends as another format's files do
    (:data:`FORMAT_ENDINGS`): ``terms --report rep.xlsx`` wrote an HTML page that a
    spreadsheet then failed to open. ``option`` writes ``written`` (a format's name) into
    files named with one of ``endings``; ``others`` names the option that writes a format,
    for the message ("--review writes XLSX"). A name with no ending, or one that says no
    format, is taken as given (``/dev/null`` too). A ``.gz`` output is written compressed
    (:func:`~tmx_export.formats.text.compressed_name`): the ending before it says the
    format (``pairs -o pairs.tmx.gz`` is refused as ``pairs.tmx`` is)."""
    if output is None or str(output) == "-":
        return
    name = Path(output).name
    suffix = Path(without_gz(name)).suffix.lower()
    if name.lower().endswith(".gz") and written in _NOT_COMPRESSED:
        # a workbook is a ZIP archive already, a termbase is opened where it lies
        raise InputError(str(output), f"{option} writes {written}, which is not written "
                         "compressed: name it " + " or ".join(f"*{e}" for e in endings))
    said = FORMAT_ENDINGS.get(suffix)
    if said is None or suffix in endings or said == written:
        return
    hint = f" ({others[said]} writes {said})" if others and said in others else ""
    raise InputError(str(output), f"{option} writes {written}, but a name ending in {suffix} "
                     f"says {said}{hint}: name it "
                     + " or ".join(f"*{ending}" for ending in endings))


# The command or option that writes each format, named when an output is refused for a
# name that says that format ("pairs writes JSON Lines")
FORMAT_WRITERS = {"TMX": "build", "JSON Lines": "pairs", "TSV": "pairs --format tsv",
                  "TBX": "terms --tbx", "XLSX": "terms --review", "HTML": "terms --report",
                  "CSV": "terms --csv", "SQLite": "terms --termbase"}
TMX_ENDINGS = (".tmx", ".xml")  # a TMX is XML: a name ending in .xml says nothing else
REJECTS_ENDINGS = (".tsv", ".tab")


def check_memory_outputs(output: str | Path | None, written: str = "TMX",
                         endings: Sequence[str] = TMX_ENDINGS,
                         rejects: str | Path | None = None) -> None:
    """Refuse, before any work, a memory ``output`` (``build``, ``merge``; ``pairs``:
    ``written`` JSON Lines or TSV) or a ``rejects`` report whose name says another format
    (:func:`check_output_ending`): ``build -o memory.xlsx`` wrote a TMX that a spreadsheet
    then failed to open, ``pairs -o pairs.tmx`` JSON Lines that a CAT tool refused."""
    check_output_ending(output, "--output", written, endings, FORMAT_WRITERS)
    check_output_ending(rejects, "--rejects", "TSV", REJECTS_ENDINGS, FORMAT_WRITERS)


def file_keys(name: str | Path) -> set[object]:
    """What tells one file from another: its resolved path, and its device and inode when
    it exists (two names of one file by a hard link)."""
    path = Path(name)
    keys: set[object] = {path.resolve()}
    try:
        info = path.stat()
    except OSError:  # not there yet (an output), or not reachable: the path alone
        return keys
    keys.add((info.st_dev, info.st_ino))
    return keys


# --- parallel partners ------------------------------------------------------------------

def find_parallel(
    path: str | Path, *, source_lang: str, target_lang: str
) -> list[tuple[Path, Path]]:
    """Pairs of ``name.<src>.txt`` / ``name.<tgt>.txt`` files at or below ``path``.

    ``path`` is a directory (searched recursively) or one file of a pair. Language parts
    of the names match the primary subtag or the whole tag, case-insensitively
    (``ep-00-01-17.en.txt``, ``report.EN-GB.txt``).
    """
    p = Path(path)
    if p.is_dir():
        candidates = sorted(p.rglob("*.txt"))
    elif p.exists():
        candidates = [p]
    else:
        raise InputError(str(path), "no such file")
    src_tags = _name_tags(source_lang)
    tgt_tags = _name_tags(target_lang)
    found: list[tuple[Path, Path]] = []
    for file in candidates:
        stem, tag = _split_name(file)
        if tag is None:
            continue
        if tag in src_tags:
            partner = _partner(file.parent, stem, tgt_tags)
            if partner is not None:
                found.append((file, partner))
        elif p.is_file() and tag in tgt_tags:
            partner = _partner(file.parent, stem, src_tags)
            if partner is not None:
                found.append((partner, file))
    return found


def _name_tags(lang: str) -> set[str]:
    return {normalise_tag(lang), primary(lang)}


def name_language(file: Path) -> str | None:
    """The language a file's name gives (``report.de.txt`` -> ``de``), if any."""
    return _split_name(file)[1]


def _split_name(file: Path) -> tuple[str, str | None]:
    parts = file.name.rsplit(".", 2)
    if len(parts) != 3 or parts[2].lower() != "txt":
        return file.name, None
    return parts[0], _name_tag(parts[1])


def _name_tag(part: str) -> str:
    """A file name's language part as its tag: an ISO 639-2/3 code of a language with a
    two-letter one as that (``deu``, ``ger`` -> ``de``), as a table's header reads it."""
    tag = part.lower().replace("_", "-")
    if len(primary(tag)) == 3 and is_valid_tag(tag):
        try:
            standard = standard_tag(tag).lower()
        except ValueError:
            return tag
        if len(primary(standard)) == 2:
            return standard
    return tag


def _partner(directory: Path, stem: str, tags: set[str]) -> Path | None:
    for file in sorted(directory.glob("*.txt")):
        file_stem, tag = _split_name(file)
        if file_stem == stem and tag in tags:
            return file
    return None


def parallel_partner(
    path: str | Path, *, source_lang: str, target_lang: str
) -> tuple[Path, Path] | None:
    """``(source file, target file)`` when ``path`` is one of a side-by-side pair.

    ``path`` is ``name.<lang>.txt``; its partner is ``name.<other>.txt`` in the same
    directory, the language parts matching the two languages' primary subtags or whole
    tags (``report.en.txt`` + ``report.fr.txt`` for ``en-GB`` -> ``fr-FR``). ``None`` when
    the name carries no language of the pair or the partner does not exist.
    """
    file = Path(path)
    stem, tag = _split_name(file)
    if tag is None:
        return None
    src_tags, tgt_tags = _name_tags(source_lang), _name_tags(target_lang)
    if src_tags & tgt_tags:  # en-US -> en-GB: only whole tags tell the sides apart
        src_tags, tgt_tags = src_tags - tgt_tags, tgt_tags - src_tags
    if tag in src_tags:
        partner = _partner(file.parent, stem, tgt_tags)
        return None if partner is None else (file, partner)
    if tag in tgt_tags:
        partner = _partner(file.parent, stem, src_tags)
        return None if partner is None else (partner, file)
    return None
