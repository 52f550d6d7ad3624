"""Tables: TSV, CSV and XLSX with a header row, one pair per row.

Translators keep glossaries and small memories in spreadsheets. The two columns are
chosen by name (``--source-column``/``--target-column``) or, by default, by language:
a header cell such as ``en``, ``EN-GB`` or ``en_gb`` matches the source language by its
exact tag first, then by primary subtag (the same rule as for TMX), then a cell that names
the language ("English", "Français", "French (France)"); failing those, cells reading
"Source" and "Target" name the two roles. A column of segment statuses ("Segment status")
keeps drafts and rejected translations out, as XLIFF's statuses do, and columns of notes
("Comments") give the units their notes; other columns are ignored. Rows missing a cell
become rejects.

CSV delimiters are sniffed (comma, semicolon or tab: European Excel writes semicolons);
text is decoded like every other input (UTF-8 with or without BOM, UTF-16, cp1252 or
the Windows code page its words say, :func:`~tmx_export.formats.decoding.legacy_codepage`).
A workbook is read sheet by sheet (:func:`read_table`). XLSX is read with openpyxl in
read-only mode (streamed) and written with XlsxWriter in
constant-memory mode; cells are always written as strings, so a segment starting with
``=`` is never turned into a formula. An XLSX file is a ZIP archive: before openpyxl
opens it, :func:`~tmx_export.formats.xml.check_archive` refuses one that would inflate
absurdly (a "zip bomb"). The sheet's recorded size (its ``<dimension>``) is ignored and
every row present is read: tools that write a stale one would otherwise lose rows.
A formula cell reads as the value the workbook saved for it; one without a saved value
(openpyxl and pandas write none; XlsxWriter writes 0 for each in a workbook that asks to be
computed when opened) makes its row a reject, never an empty cell or "0". Dates and
times read as ISO 8601, as a spreadsheet shows them by default.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from itertools import chain, repeat, zip_longest
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..lang import (
    count_relabelled,
    normalise_tag,
    primary,
    scripts_differ,
    standard_tag,
    tag_of_name,
)
from ..model import Pair, ReadResult, Reject, header_role, language_option
from .text import (
    atomic_output,
    input_name,
    read_head_text,
    read_text,
    readable_file,
    xlsx_workbook,
)
from .xml import check_archive, check_archive_parts

TABLE_FORMATS = ("tsv", "csv", "xlsx")
# Excel's limit on the characters of one cell.
XLSX_CELL_LIMIT = 32767
# Bounds on what an XLSX file may inflate to, checked before anything is inflated.
# The total: a full Excel sheet (1,048,576 rows) of two 150-character segments is about
# 0.4 GiB of XML, so 1 GiB refuses no real table; openpyxl keeps the shared strings in
# memory, so this also bounds what a crafted file can cost.
XLSX_MAX_INFLATED = 1 << 30
# The ratio, for parts over 16 MiB: spreadsheet XML deflates about 7-17:1 (measured on
# tables written by XlsxWriter and openpyxl, distinct or identical rows alike; the cell
# references in every row keep it low), while a bomb of repeated bytes deflates ~1000:1.
XLSX_MAX_RATIO = 200


def table_format(path: str | Path, explicit: str | None = None) -> str:
    """``tsv``, ``csv`` or ``xlsx``, from ``explicit`` or the file name."""
    if explicit:
        if explicit not in TABLE_FORMATS:
            raise InputError(str(path), f"unknown table format {explicit!r}")
        return explicit
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("tsv", "tab", "txt"):
        return "tsv"
    if suffix in ("csv", "xlsx"):
        return suffix
    raise InputError(str(path), "cannot tell the table format from the name "
                                "(expected .tsv, .csv or .xlsx)")


def read_table(
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str,
    source_column: str | None = None,
    target_column: str | None = None,
    sheet: str | None = None,
    table_format_name: str | None = None,
    claimed: Iterable[str] = (),
    column_options: bool = False,
    header: bool = True,
    include_fuzzy: bool = False,
) -> ReadResult:
    """Pairs from the rows of a table (see the module documentation). A workbook is read
    sheet by sheet (only ``sheet`` when given): each sheet with a column for each
    language gives its pairs (prop ``x-sheet`` when the workbook has several sheets, hidden
    ones included: its units keep saying which sheet they are from), and one without
    them is a reject naming it, not ignored. ``claimed`` and ``column_options`` as for
    :func:`choose_columns`. ``header=False``: a table without a header row, whose first
    row is a pair; its columns are taken by position (``source_column`` and
    ``target_column``: "1", "2" by default). A row whose status column says a draft is a
    ``fuzzy`` reject unless ``include_fuzzy`` (:func:`_status_reason`)."""
    claimed = tuple(claimed)
    name = input_name(path)
    fmt = table_format(path, table_format_name)
    if fmt != "xlsx" or sheet is not None:
        rows = _xlsx_rows(path, sheet) if fmt == "xlsx" else _text_rows(path, fmt)
        return _read_sheet(rows, name, source_lang, target_lang, source_column,
                           target_column, None, claimed, delimited=fmt != "xlsx",
                           column_options=column_options, title=sheet, header=header,
                           include_fuzzy=include_fuzzy)
    all_titles, hidden = sheet_titles(path)
    titles = [title for title in all_titles if title not in hidden]
    result = ReadResult()
    # A hidden sheet holds what its author put out of sight (old rows, lookups): not read,
    # and the summary says so.
    result.skipped.extend((f"{name} sheet {title!r}", f"hidden (--sheet {title!r} reads it)")
                          for title in hidden)
    if not titles:
        raise InputError(name, f"every sheet is hidden ({', '.join(map(repr, hidden))}); "
                               "--sheet NAME reads one")
    skipped: list[tuple[str, InputError]] = []
    for title in titles:
        several = title if len(all_titles) > 1 else None
        try:
            part = _read_sheet(_xlsx_rows(path, title), name, source_lang, target_lang,
                               source_column, target_column, several, claimed,
                               column_options=column_options, title=title, header=header,
                               include_fuzzy=include_fuzzy)
        except InputError as exc:
            if len(titles) == 1 or not exc.message.startswith(("no column", "no header")):
                raise
            skipped.append((title, exc))
            if not exc.message.startswith("no header"):  # an empty sheet holds nothing
                result.reject(Reject(name, exc.line or 1, "sheet-without-columns",
                                     f"sheet {title!r}: {exc.message}"))
            continue
        result.extend(part)
    if len(skipped) == len(titles):
        title, exc = skipped[0]
        raise InputError(name, f"no sheet with a column for each language (sheet "
                               f"{title!r}: {exc.message})", exc.line)
    return result


def _read_sheet(rows: Iterable[tuple[int, list[str]]], name: str, source_lang: str,
                target_lang: str, source_column: str | None, target_column: str | None,
                sheet: str | None, claimed: tuple[str, ...] = (), *,
                delimited: bool = False, column_options: bool = False,
                title: str | None = None, header: bool = True,
                include_fuzzy: bool = False) -> ReadResult:
    """The pairs of one table (or sheet ``sheet`` of a workbook of several). In a
    ``delimited`` table (TSV, CSV) a row with text in more fields than the header has is a
    reject: a stray delimiter in a cell shifted the cells after it. ``title``: the
    worksheet's name, which may name its languages (:func:`_title_languages`).
    ``header=False``: no header row (:func:`read_table`)."""
    if not header:
        return _read_headless(rows, name, source_lang, target_lang, source_column,
                              target_column, sheet, delimited)
    result = ReadResult()
    where = f"sheet {sheet!r}: " if sheet is not None else ""
    rows = iter(rows)
    found, titles, rows = _header_row(rows)
    if found is None:
        raise InputError(name, "no header row")
    header_line, heads = found[0], [cell.strip() for cell in found[1]]
    try:
        s_col, t_col = choose_columns(heads, name, source_lang, target_lang,
                                      source_column, target_column, claimed, column_options)
    except InputError as exc:  # at the header's line, below a title
        raise InputError(exc.file, exc.message, header_line) from None
    # A workbook of one sheet per language pair ("EN-FR", "EN-DE"), each headed "Source" /
    # "Target": the columns say no language, the sheet's name does. Read by the roles, the
    # German of "EN-DE" was written as French.
    named = _other_pair_named(title, heads, (s_col, t_col), (source_lang, target_lang),
                              bool(source_column or target_column))
    if named:
        choose = "--langs" if claimed else "--source-lang/--target-lang"
        if column_options:  # the name says something else: the columns chosen by name
            choose += " (or the columns, by their names, with --source-column/--target-column)"
        raise InputError(name, f"no column for {source_lang} -> {target_lang}: the sheet's "
                               f"name {title!r} says {' -> '.join(named)}, and its columns "
                               f"({heads[s_col]}, {heads[t_col]}) name no language; choose "
                               f"the pair with {choose}", header_line)
    first, rows = _first_filled(rows)
    if first is not None and not _repeats_header(first[1], heads) \
            and _codes_not_texts(first[1], heads, (s_col, t_col)):
        raise InputError(name, *_codes_message(heads, (s_col, t_col), first, titles,
                                               (source_lang, target_lang), header_line))
    # A column of another region taken by its language part (pt-BR for pt-PT) gives its
    # texts the tag asked: the summary says so, as for TMX and XLIFF
    held = [(_column_tag(heads[col]), asked)
            for col, asked in ((s_col, source_lang), (t_col, target_lang))]
    for line, row in titles:
        result.reject(Reject(name, line, "title-row", where + "\t".join(
            cell for cell in row if cell.strip())))
    _add_rows(result, rows, _Columns(name, source_lang, target_lang, s_col, t_col,
                                     len(heads), sheet, delimited, "header has",
                                     _status_column(heads, (s_col, t_col), name, header_line),
                                     include_fuzzy, _note_columns(heads, (s_col, t_col)),
                                     tuple(heads)),
              held)
    return result


def _repeats_header(row: Sequence[str], heads: Sequence[str]) -> bool:
    """Whether ``row`` is the header again (two exports of one table joined): no pair, a
    ``header-row`` reject. Read as one, "en | de" gave the unit "en" -> "de"."""
    cells = [str(cell).strip() for cell in row]
    while cells and not cells[-1]:  # (empty trailing cells, as spreadsheets export them)
        cells.pop()
    return bool(cells) and cells == list(heads[:len(cells)]) and not any(heads[len(cells):])


def _first_filled(rows: Iterator[tuple[int, list[str]]]
                  ) -> tuple[tuple[int, list[str]] | None, Iterator[tuple[int, list[str]]]]:
    """The first row of ``rows`` with a cell of text (``None``: none), and the rows from it
    on (the empty ones before it, which make nothing, left out)."""
    for line, row in rows:
        if any(str(cell).strip() for cell in row):
            return (line, row), chain([(line, row)], rows)
    return None, iter(())


def _codes_not_texts(row: Sequence[str], heads: Sequence[str], columns: tuple[int, int]
                     ) -> bool:
    """Whether the first row under the header holds, in both columns read, a language code
    of the language the header cell names ("en" under "en", "EN-GB" under "EN-GB"): the
    columns hold each text's language beside it, not the texts, and the row read as the
    header is a pair. A table written "en | Close the valve. | de | Schließen ..." (and a
    Wordfast TM) gave the unit "en" -> "de", its first pair lost as the header."""
    for col in columns:
        cell = str(row[col]).strip() if col < len(row) else ""
        tag, head = (_column_tag(cell) if _looks_like_tag(cell) else None), \
            _column_tag(heads[col])
        if tag is None or head is None or primary(tag) != primary(head):
            return False
    return True


def _codes_message(heads: Sequence[str], columns: tuple[int, int],
                   first: tuple[int, list[str]], titles: list[tuple[int, list[str]]],
                   pair: tuple[str, str], header_line: int) -> tuple[str, int]:
    """The refusal of a table whose columns read hold language codes
    (:func:`_codes_not_texts`) and its line: the header's, or the first line of a Wordfast
    TM, which it names when that line says it is one. (A header repeated below itself is
    no such table: :func:`_repeats_header`.)"""
    line, row = first
    for title_line, title in titles:
        if any("wordfast" in str(cell).lower() for cell in title):
            return ("a Wordfast TM, which tmx-export does not read: export it from Wordfast "
                    "as TMX (its rows hold each text's language code beside it; read as a "
                    "table, its first pair was taken for the header)", title_line)
    return (f"the columns read as {pair[0]} and {pair[1]} ({heads[columns[0]]!r}, "
            f"{heads[columns[1]]!r}) hold language codes, not texts ({row[columns[0]]!r}, "
            f"{row[columns[1]]!r} on line {line}): the row read as the header is a pair "
            "written beside its languages' codes; read the table with --no-header, naming "
            "the text columns by position (--source-column N --target-column M)",
            header_line)


@dataclass(frozen=True)
class _Columns:
    """How a table's rows are read: its file, languages, the columns of the source and the
    target, how many cells a row has (``width``: the header's, or the first row's in a
    table without one, which ``width_is`` says) and the sheet it is (``None``: the only
    one)."""

    name: str
    source_lang: str
    target_lang: str
    source: int
    target: int
    width: int
    sheet: str | None
    delimited: bool
    width_is: str
    status: int | None = None  # the column of the rows' statuses (:func:`_status_column`)
    include_fuzzy: bool = False
    notes: tuple[int, ...] = ()  # the columns of the rows' notes (:func:`_note_columns`)
    heads: tuple[str, ...] = ()  # the header's cells: a row that repeats them is no pair


def _add_rows(result: ReadResult, rows: Iterable[tuple[int, list[str]]], columns: _Columns,
              held: Sequence[tuple[str | None, str]] = ()) -> None:
    """The pairs of a table's rows, and the rows that make none as rejects: too short or
    too long (:func:`_extra_text`), or with a formula whose value no program computed.
    ``held``: the (tag, asked) of the columns taken by a tag of another region, counted as
    relabelled."""
    c = columns
    where = f"sheet {c.sheet!r}: " if c.sheet is not None else ""
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(c.source, c.target):
            result.reject(Reject(c.name, line, "short-row", f"{where}{len(row)} cells, "
                                 f"{c.width_is} {c.width}: " + "\t".join(row)))
            continue
        if c.delimited and any(cell.strip() for cell in row[c.width:]):
            result.reject(Reject(c.name, line, "long-row", f"{where}{len(row)} cells, "
                                 f"{c.width_is} {c.width}: " + "\t".join(row)))
            continue
        if c.heads and _repeats_header(row, c.heads):
            result.reject(Reject(c.name, line, "header-row", where + "\t".join(
                cell for cell in row if cell.strip())))
            continue
        source, target = row[c.source], row[c.target]
        if isinstance(source, Uncomputed) or isinstance(target, Uncomputed):
            result.reject(Reject(
                c.name, line, "formula-without-value",
                f"{where}formula without a computed value (open and save the workbook in a "
                f"spreadsheet program): {source}\t{target}"))
            continue
        status = row[c.status] if c.status is not None and c.status < len(row) else ""
        reason = _status_reason(status, c, line) if target.strip() else None
        if reason is not None:
            result.reject(Reject(c.name, line, reason, f"{where}{source}\t{target}",
                                 detail=f"status {status.strip()!r}"))
            continue
        notes = tuple(note for note in (str(row[i]).strip() for i in c.notes if i < len(row))
                      if note)
        pair = Pair(source=source.strip(), target=target.strip(), source_lang=c.source_lang,
                    target_lang=c.target_lang, file=c.name, line=line, notes=notes)
        if c.sheet is not None:
            pair.props["x-sheet"] = c.sheet
        for tag, asked in held:
            if tag is not None and _tag_key(tag) != _tag_key(asked):
                count_relabelled(result.relabelled, tag, asked)
        result.pairs.append(pair)


# The column of the segments' statuses in a CAT tool's bilingual table (Trados's review
# export "Segment status", memoQ's and others' "Status"), and the statuses they write,
# compared without case, spaces, hyphens and underscores. As for XLIFF (memoQ's mq:status,
# Trados's sdl:seg conf), only a translation someone confirmed is a unit of a memory; a
# draft is a ``fuzzy`` reject unless --include-fuzzy, and one a reviewer rejected a
# ``rejected`` reject whatever it says. So with a glossary's term statuses (`terms --csv`
# writes proposed, approved, rejected, forbidden; TBX's preferred, admitted, deprecated,
# superseded): a forbidden term is no translation to reuse.
_STATUS_HEADS = frozenset({"status", "segment status", "translation status",
                           "confirmation level"})
_CONFIRMED_STATUSES = frozenset({
    "translated", "translationapproved", "approvedtranslation", "signedoff",
    "approvedsignoff", "confirmed", "manuallyconfirmed", "confirmedtranslator",
    "translatorconfirmed", "reviewer1confirmed", "reviewer2confirmed", "proofread",
    "reviewed", "final", "approved", "preferred", "admitted"})
_DRAFT_STATUSES = frozenset({
    "draft", "nottranslated", "untranslated", "notstarted", "edited", "partiallyedited",
    "pretranslated", "fragmentassembled", "assembledfromfragments", "machinetranslated",
    "mt", "notconfirmed", "new", "fuzzy", "initial", "needstranslation",
    "needsreviewtranslation", "needsadaptation", "needsl10n", "needsreviewadaptation",
    "needsreviewl10n", "proposed"})
_REJECTED_STATUSES = frozenset({"rejected", "translationrejected", "rejectedtranslation",
                                "signoffrejected", "rejectedsignoff", "forbidden",
                                "deprecated", "superseded"})


def _status_column(heads: Sequence[str], taken: tuple[int, int], name: str,
                   line: int) -> int | None:
    """The column of a table's segment statuses ("Segment status" in a Trados review
    export, "Status"), other than the two read, or ``None``. Two are refused: which one
    says the rows' status cannot be known."""
    found = [i for i, cell in enumerate(heads)
             if i not in taken and " ".join(cell.lower().split()) in _STATUS_HEADS]
    if len(found) > 1:
        raise InputError(name, f"two status columns ({', '.join(heads[i] for i in found)}): "
                               "rename the one that is not the segments' status", line)
    return found[0] if found else None


# The columns of a row's notes: a reviewer's comment in a CAT tool's bilingual export
# ("Comments" in Trados's, "Comment" in memoQ's), a terminologist's note. Written as the
# unit's <note>s, as an XLIFF unit's notes and a PO entry's comments are.
_NOTE_HEADS = frozenset({"comment", "comments", "note", "notes", "remark", "remarks"})


def _note_columns(heads: Sequence[str], taken: tuple[int, int]) -> tuple[int, ...]:
    """The columns of a table's notes (:data:`_NOTE_HEADS`), other than the two read: a
    reviewer's "check the gender" beside a row was dropped."""
    return tuple(i for i, cell in enumerate(heads)
                 if i not in taken and " ".join(cell.lower().split()) in _NOTE_HEADS)


def _status_reason(status: str, columns: _Columns, line: int) -> str | None:
    """Why a row with a translation is rejected by its ``status`` (:data:`_STATUS_HEADS`):
    ``rejected``, ``fuzzy`` for a draft (unless ``include_fuzzy``), ``None`` for a
    confirmed translation or an empty cell, which says no status. A status not known is
    refused at its line: a draft written as a translation is worse than no memory (Trados
    "Draft", memoQ "Pre-translated" rows were written as translations)."""
    key = re.sub(r"[\s_-]+", "", str(status)).lower()
    if not key or key in _CONFIRMED_STATUSES:
        return None
    if key in _REJECTED_STATUSES:
        return "rejected"
    if key in _DRAFT_STATUSES:
        return None if columns.include_fuzzy else "fuzzy"
    raise InputError(columns.name, f"status {str(status).strip()!r} is none tmx-export knows "
                     "(a confirmed translation: Translated, Confirmed, Signed Off...; a "
                     "draft: Draft, Pre-translated, Edited...): rename the status column to "
                     "read the table without statuses", line)


def _read_headless(rows: Iterable[tuple[int, list[str]]], name: str, source_lang: str,
                   target_lang: str, source_column: str | None, target_column: str | None,
                   sheet: str | None, delimited: bool) -> ReadResult:
    """The pairs of a table without a header row (``--no-header``): every row a pair, the
    columns taken by position, 1 the source and 2 the target unless ``source_column`` and
    ``target_column`` say others. A two-column TSV of pairs, as many tools export them,
    had its first pair read as a header naming no language, and was refused; named as
    columns, the first pair's texts silently headed them, and the pair was lost."""
    s_col = _position(source_column or "1", name, "--source-column")
    t_col = _position(target_column or "2", name, "--target-column")
    if s_col == t_col:
        raise InputError(name, f"--source-column and --target-column name one column "
                               f"({s_col + 1})")
    rows = iter(rows)
    first = next(((line, row) for line, row in rows if any(cell.strip() for cell in row)),
                 None)
    result = ReadResult()
    if first is None:
        return result
    width = max(len(first[1]), s_col + 1, t_col + 1)
    _add_rows(result, chain([first], rows),
              _Columns(name, source_lang, target_lang, s_col, t_col, width, sheet, delimited,
                       "first row has"))
    return result


def _position(column: str, name: str, option: str) -> int:
    """A column's index from its position as ``--no-header`` takes it ("1": the first)."""
    if not column.strip().isdigit() or int(column) < 1:
        raise InputError(name, f"{option} {column!r}: with --no-header, a column is named by "
                               "its position (1, 2, ...)")
    return int(column) - 1


# What separates the languages a sheet's name says: "EN-FR", "English > German", "en to de".
_TITLE_PARTS = re.compile(r"\s*(?:[>/|,:+\u2192\u2013\u2014]|\s(?:to|and)\s|\s)\s*", re.I)


def _title_languages(title: str) -> list[str] | None:
    """The languages a worksheet's name says, when it says nothing else ("EN-DE", "FR",
    "English-German", "en_GB > fr_FR"), else ``None`` ("Sheet1", "IT terms", "Notes"). A
    part of two tags is a pair ("EN-DE"), unless it is written as a tag and its region
    ("pt-BR", "en_GB")."""
    found: list[str] = []
    for part in filter(None, _TITLE_PARTS.split(title.strip())):
        halves = re.split(r"[-_]", part)
        if len(halves) == 2 and not (halves[0].islower() and halves[1].isupper()) \
                and all(_title_language(half) for half in halves):
            found.extend(_title_language(half) or "" for half in halves)
        elif (language := _title_language(part)) is not None:
            found.append(language)
        else:
            return None
    return found or None


def _other_pair_named(title: str | None, heads: Sequence[str], columns: tuple[int, int],
                      pair: tuple[str, str], named_columns: bool) -> list[str] | None:
    """The languages a worksheet's name says (:func:`_title_languages`) when they are not
    ``pair`` and the ``columns`` read for it name no language, else ``None``: sheet "EN-DE"
    headed "Source" / "Target" holds no en-GB -> it-IT text, and its German read by the
    roles was written as Italian. Columns chosen by name (``named_columns``) are the
    user's word."""
    named = _title_languages(title) if title is not None else None
    if not named or named_columns \
            or any(_column_tag(heads[col]) is not None for col in columns) \
            or {primary(lang) for lang in named} <= {primary(lang) for lang in pair}:
        return None
    return named


def _title_language(part: str) -> str | None:
    """A tag as :func:`_cell_language` reads one (a two-letter language's, "ID" and "NO"
    aside), or the tag a name spells."""
    if part.lower() in _AMBIGUOUS_TITLES:
        return None
    return _cell_language(part) if _looks_like_tag(part) else tag_of_name(part)


def _column_tag(cell: str) -> str | None:
    """The tag a header cell names, region included ("pt_BR", "Portuguese (Brazil)" ->
    ``pt-BR``), or ``None`` (a "Source" column, a name that is no tag)."""
    if not _looks_like_tag(cell):
        return named_language(cell)
    try:
        return standard_tag(cell)
    except ValueError:
        return None


# Rows of one cell a title may take above a table's header ("Fisheries glossary 2019", a
# date, a note), at most.
TITLE_ROWS = 5


def _header_row(rows: Iterator[tuple[int, list[str]]]
                ) -> tuple[tuple[int, list[str]] | None, list[tuple[int, list[str]]],
                           Iterator[tuple[int, list[str]]]]:
    """The header row of a table (its line and cells), the title rows above it, and the
    rows after it, taken from ``rows``: the first row of two cells or more with letters (a
    header names two columns), after at most :data:`TITLE_ROWS` rows of one such cell (a
    title, with its date or number beside it or not). Spreadsheets often
    open with a title above the table; read as the header, it named no column and the
    sheet was refused or left out. More rows of one cell are no title: the first is the
    header (and its error names it). ``None`` without a row of text.

    A header over two rows, the upper one grouping columns under merged cells ("ID |
    Terms | | Notes" above " | en | fr | "), has the lower one as the header and the upper
    one as a title: the upper one names no pair of languages nor a role, has an empty
    cell (what a merged cell leaves), and the lower one names two languages or more."""
    titles: list[tuple[int, list[str]]] = []
    for line, row in rows:
        filled = sum(1 for cell in row if cell.strip())
        if not filled:
            continue
        # (a title with its date or number in a cell of its own, "Fisheries glossary |
        # 2019", names one column at most: a header names two, each with a letter)
        if filled > 1 and sum(1 for cell in row if _has_letter(cell)) > 1:
            below = next(rows, None)
            if below is not None and _groups_columns(row, below[1]):
                return below, [*titles, (line, row)], rows
            return (line, row), titles, rows if below is None else chain([below], rows)
        titles.append((line, row))
        if len(titles) > TITLE_ROWS:
            break
    return (titles[0] if titles else None), [], rows


def _has_letter(cell: str) -> bool:
    return any(ch.isalpha() for ch in cell)


def _groups_columns(upper: list[str], lower: list[str]) -> bool:
    """Whether ``upper`` is a row of merged cells grouping the columns that ``lower``
    names by language (see :func:`_header_row`)."""
    cells = [cell.strip() for cell in upper]
    return ("" in cells[:len(lower)] and len(_header_languages(cells)) < 2
            and not {"source", "target"} & {cell.lower() for cell in cells}
            and len(_header_languages([cell.strip() for cell in lower])) >= 2)


def _extra_text(row: list[str], header: list[str]) -> bool:
    """Whether ``row`` has text beyond the header's cells. Empty extra cells are no fault:
    spreadsheets export rows with trailing delimiters ("a,b,,")."""
    return any(cell.strip() for cell in row[len(header):])


def sheet_titles(path: str | Path) -> tuple[list[str], list[str]]:
    """The workbook's sheet titles, and those of its hidden sheets."""
    book = open_workbook(path)
    try:
        return list(book.sheetnames), [ws.title for ws in book.worksheets
                                       if getattr(ws, "sheet_state", "visible") != "visible"]
    finally:
        book.close()


def table_header(path: str | Path, *, sheet: str | None = None,
                 table_format_name: str | None = None) -> list[str] | None:
    """The table's header row (below its title rows: :func:`_header_row`), read without
    the rows after it; ``None`` without one."""
    fmt = table_format(path, table_format_name)
    rows = _xlsx_rows(path, sheet) if fmt == "xlsx" else _text_rows(path, fmt, head=True)
    found, _titles, _rest = _header_row(iter(rows))
    return [cell.strip() for cell in found[1]] if found is not None else None


def table_headers(path: str | Path, *, sheet: str | None = None,
                  table_format_name: str | None = None
                  ) -> list[tuple[str | None, list[str]]]:
    """The name (``None`` for a TSV or CSV table) and header row of each table
    :func:`read_table` reads in ``path``: every visible sheet of a workbook (unless
    ``sheet`` names one), or the one table; without the tables that have none."""
    fmt = table_format(path, table_format_name)
    if fmt != "xlsx" or sheet is not None:
        titles: list[str | None] = [sheet]
    else:
        all_titles, hidden = sheet_titles(path)
        titles = [title for title in all_titles if title not in hidden]
    headers = ((title, table_header(path, sheet=title, table_format_name=fmt))
               for title in titles)
    return [(title, header) for title, header in headers if header is not None]


def declared_languages(path: str | Path, table_format_name: str | None = None
                       ) -> tuple[str, str] | None:
    """The (source, target) a table's header names: its two columns that name a language
    (:func:`_header_languages`), the first the source; ``None`` with more or fewer. The
    format as for :func:`table_format`."""
    languages = _header_languages(table_header(path, table_format_name=table_format_name)
                                  or [])
    return (languages[0], languages[1]) if len(languages) == 2 else None


# Column titles that are also language codes (Indonesian, Norwegian): with more than two
# columns naming languages, these head an identifier or a number column.
_AMBIGUOUS_TITLES = frozenset({"id", "no"})


def _header_languages(header: Sequence[str]) -> list[str]:
    """The languages the header's cells name, in order: a tag as written ("en-GB",
    "deu"), or the primary subtag a name spells ("English", "Source (English)"). An
    ``ID`` column beside two languages is no third language (:data:`_AMBIGUOUS_TITLES`)."""
    named = [(cell, lang) for cell in header if (lang := _cell_language(cell)) is not None]
    if len(named) > 2:
        named = [(cell, lang) for cell, lang in named
                 if cell.lower() not in _AMBIGUOUS_TITLES]
    return [lang for _cell, lang in named]


def _cell_language(cell: str) -> str | None:
    """The language a header cell names (see :func:`_header_languages`), or ``None``."""
    if _looks_like_tag(cell):
        try:
            tag = standard_tag(cell)
        except ValueError:
            return None  # "tu_index": spelled like a tag, no language's
        # A three-letter code only for a language with a two-letter one ("eng", "deu"):
        # rare languages' codes spell column titles ("doc", "src", "tgt", "key").
        return cell if len(primary(tag)) == 2 else None
    return named_language(cell)


# "Source (English)", "Target text (Français)": a role with its language in brackets.
_ROLE_WITH_LANGUAGE = re.compile(r"(?i)^(?:source|target)\b[^()]*\(([^()]+)\)\s*$")


def named_language(cell: str) -> str | None:
    """The tag of the language a header cell spells by name ("English" -> ``en``,
    "Portuguese (Brazil)" -> ``pt-BR``, "Source (English)"), or ``None``."""
    named = tag_of_name(cell)
    if named is None and (role := _ROLE_WITH_LANGUAGE.match(cell.strip())):
        named = tag_of_name(role.group(1))
    if named is None and (role := _LANGUAGE_WITH_ROLE.match(cell.strip())):
        named = _role_language(role)
    return named


# "English term", "Term (EN)", "EN (source)", "en-GB source", "Source - English": a
# language beside a word saying what the column holds, as term lists and CAT tools head
# their columns.
_ROLE_WORD = r"(?:source|target|term|text|segment)s?"
_LANGUAGE_WITH_ROLE = re.compile(
    rf"(?i)^(?:{_ROLE_WORD}\s*[-:]?\s*(?P<after>.+?)"
    rf"|(?P<before>.+?)\s*[-:]?\s*(?P<bracketed>\()?{_ROLE_WORD}(?(bracketed)\)))$")


def _role_language(match: re.Match[str]) -> str | None:
    """The tag of the language beside the role word of a :data:`_LANGUAGE_WITH_ROLE` cell:
    a name, or a tag in brackets or with its region ("Term (EN)", "EN (source)", "en-GB
    source"). A bare code is none: "Target MT" is a machine translation, not Maltese, and
    "Source ID" an identifier."""
    rest = match.group("after") or match.group("before")
    inner = rest[1:-1].strip() if rest.startswith("(") and rest.endswith(")") else None
    if inner is None and (named := tag_of_name(rest)) is not None:
        return named
    code = inner if inner is not None else rest
    if not _looks_like_tag(code) or code.lower() in _AMBIGUOUS_TITLES:
        return None
    bracketed = inner is not None or match.group("bracketed") is not None
    if not bracketed and len(normalise_tag(code).split("-")) < 2:
        return None
    try:
        tag = standard_tag(code)
    except ValueError:
        return None
    return tag if len(primary(tag)) == 2 else None


def _named_primary(cell: str) -> str | None:
    """The primary subtag of :func:`named_language`."""
    named = named_language(cell)
    return primary(named) if named is not None else None


def target_columns(header: list[str], langs: Sequence[str], source_column: str | None = None,
                   target_column: str | None = None, title: str | None = None
                   ) -> dict[str, int]:
    """For ``langs`` (a ``build --langs`` run's, the source first), the column
    :func:`read_table` would read for each target it finds one for, in the sheet named
    ``title``: a sheet whose name says another pair ("EN-IT", its columns "Source" /
    "Target") has none for de-DE, as its run to de-DE refuses it."""
    found = {}
    for target in langs[1:]:
        try:
            columns = choose_columns(header, "", langs[0], target, source_column,
                                     target_column, langs)
        except InputError:
            continue
        if not _other_pair_named(title, header, columns, (langs[0], target),
                                 bool(source_column or target_column)):
            found[target] = columns[1]
    return found


def choose_columns(
    header: Sequence[str],
    name: str,
    source_lang: str,
    target_lang: str,
    source_column: str | None = None,
    target_column: str | None = None,
    claimed: Iterable[str] = (),
    column_options: bool = False,
) -> tuple[int, int]:
    """Indexes of the source and target columns in ``header``. A column is taken by its
    language part ("fr-CA" or "French" for fr-FR) only when no other language asked shares
    it (the source and target, and the ``claimed`` languages of a ``build --langs`` run),
    as TMX tuvs are (:class:`~tmx_export.formats.tmx.TuvRanker`): else the text of one
    could be given to another too. ``column_options``: the command takes
    ``--source-column``/``--target-column``, which the error for a header without the
    columns then suggests (``check`` and ``concordance`` do not)."""
    lowered = [cell.lower() for cell in header]
    asked = {normalise_tag(tag) for tag in (source_lang, target_lang, *claimed)}
    primaries = Counter(primary(tag) for tag in asked)

    def by_name(column: str) -> int:
        found = [i for i, cell in enumerate(lowered) if cell == column.strip().lower()]
        if not found:
            raise InputError(name, f"no column {column!r} (columns: {', '.join(header)})", 1)
        if len(found) > 1:
            raise InputError(name, _same_header(column, [header[i] for i in found]), 1)
        return found[0]

    def by_language(lang: str, taken: int) -> int:
        want = _tag_key(lang)
        exact = [i for i, c in enumerate(header) if i != taken and _cell_key(c) == want]
        # Two columns of the language itself ("fr-FR" twice, an old and a revised
        # translation): taking the first read the hidden or outdated one as the target.
        if len(exact) > 1:
            raise InputError(name, _same_header(lang, [header[i] for i in exact]), 1)
        if exact:
            return exact[0]
        if primaries[primary(want)] < 2:
            # by the language part, never across scripts: a zh-Hans or "Chinese
            # (Simplified)" column is no zh-Hant text (as for TMX and XLIFF)
            loose = [i for i, c in enumerate(header)
                     if i != taken and c and _looks_like_tag(c)
                     and primary(_tag_key(c)) == primary(want)
                     and not scripts_differ(_tag_key(c), want)]
            named = [i for i, c in enumerate(header)
                     if i != taken and not _looks_like_tag(c)
                     and _named_primary(c) == primary(lang)
                     and not scripts_differ(tag_of_name(c) or "", want)]
            for found in (loose, named):
                if len(found) > 1 and len({_cell_key(header[i]) for i in found}) == 1:
                    # "fr" twice: no option tells them apart
                    raise InputError(name, _same_header(lang, [header[i] for i in found]), 1)
                if len(found) > 1:  # fr-BE and fr-CH for fr-FR: either could be meant
                    raise InputError(name, _columns_alike(lang, [header[i] for i in found],
                                                          taken < 0, column_options,
                                                          bool(claimed)), 1)
                if found:
                    return found[0]
        # "Source" / "Target": the roles, when no column names either language ("Source
        # text", "Target segment" as CAT tools export them)
        role = "source" if taken < 0 else "target"
        roles = [i for i, cell in enumerate(lowered) if i != taken and header_role(cell) == role]
        if len(roles) == 1 and not any(
                _names(cell, language) for cell in header
                for language in (source_lang, target_lang)):
            return roles[0]
        raise InputError(name, _no_column(lang, header, (source_lang, target_lang),
                                          column_options, bool(claimed)), 1)

    s = by_name(source_column) if source_column else by_language(source_lang, -1)
    t = by_name(target_column) if target_column else by_language(target_lang, s)
    if s == t:
        raise InputError(name, f"source and target are the same column {header[s]!r}", 1)
    return s, t


def _columns_alike(lang: str, cells: list[str], source: bool, column_options: bool,
                   langs_run: bool) -> str:
    """Why a header with several columns of ``lang``'s language and none of ``lang`` itself
    is refused, and what chooses one (``langs_run``: a run of ``build --langs``)."""
    ways = []
    if _looks_like_tag(cells[0]):  # a tag the language options take
        ways.append(f"--langs with {cells[0]} for {lang}" if langs_run else
                    f"{language_option(0 if source else 1)} {cells[0]}")
    if column_options:
        ways.append(f"{'--source-column' if source else '--target-column'} {cells[0]!r}")
    choose = " or ".join(ways) or "a header naming each column's language by its tag"
    return (f"{len(cells)} columns could be {lang} ({', '.join(cells)}), none is {lang} "
            f"itself: choose one ({choose})")


def _same_header(lang: str, cells: list[str]) -> str:
    """Why a header whose columns for ``lang`` (a language or a column's name) are named
    alike is refused: neither a language option nor a column's name can choose one."""
    return (f"{len(cells)} columns could be {lang}, headed alike ({', '.join(cells)}): "
            "rename one in the header row, so that the options can choose the other")


def _no_column(lang: str, header: Sequence[str], pair: tuple[str, str],
               column_options: bool, langs_run: bool) -> str:
    """The error for a header without a column for ``lang``: when its columns name
    languages, which (the pair is chosen with the language options); else how to name
    the columns: in a header row (a table without one has its first row of text read as
    its header), or with the options when the command has them."""
    columns = ", ".join(header)
    languages = _header_languages(header)
    if len(languages) >= 2:
        return (f"no column for {lang} (columns: {columns}; the table's languages: "
                f"{', '.join(languages)}); choose "
                + ("them with --langs" if langs_run else
                   "the pair with --source-lang/--target-lang"))
    options = (", or choose them with --source-column/--target-column (a table without a "
               "header row: --no-header)") if column_options else ""
    return (f"no column for {lang} (columns: {columns}); the first row is read as the "
            f"header: give the table a header row naming the columns' languages ({pair[0]}, "
            f"{pair[1]}){options}")


def _names(cell: str, lang: str) -> bool:
    """Whether a header cell names ``lang``: its tag, its primary subtag or its name."""
    if _tag_key(cell) == _tag_key(lang):
        return True
    if _looks_like_tag(cell):
        return primary(_tag_key(cell)) == primary(_tag_key(lang))
    return _named_primary(cell) == primary(lang)


def _tag_key(cell: str) -> str:
    """A header cell or a language as its standard tag, for comparing (``deu``, ``ger``,
    ``DE_de`` -> ``de``, ``de-de``): tables head their columns with ISO 639-2/3 codes as
    often as with BCP 47 tags. A cell that is no known tag is only spelled alike
    (:func:`.lang.normalise_tag`)."""
    if not _looks_like_tag(cell):
        return normalise_tag(cell)
    try:
        return standard_tag(cell).lower()
    except ValueError:
        return normalise_tag(cell)


def _cell_key(cell: str) -> str:
    """A header cell as :func:`_tag_key` compares it, a language name as its tag
    ("Portuguese (Brazil)" -> ``pt-br``)."""
    if not _looks_like_tag(cell) and (named := named_language(cell)) is not None:
        return named.lower()
    return _tag_key(cell)


def _looks_like_tag(cell: str) -> bool:
    # "en", "EN-GB", "fr_FR", "pt-BR" -- not "english notes" or "entity"
    parts = normalise_tag(cell).split("-")
    return 2 <= len(parts[0]) <= 3 and parts[0].isalpha() and all(p.isalnum() for p in parts)


# Excel's first line naming the delimiter ("sep=;"): it precedes the header.
_SEP_LINE = re.compile(r"sep=([^\r\n])\r?\n")


def _text_rows(path: str | Path, fmt: str, head: bool = False
               ) -> Iterator[tuple[int, list[str]]]:
    """The rows of a TSV or CSV table; with ``head``, of its first lines only (its header
    and title rows, what the sniffer reads), not of the whole file the reader decodes
    again (:func:`~tmx_export.formats.text.read_head_text`)."""
    text = read_head_text(path, _HEAD_LINES) if head else read_text(path)
    lines_before = 0
    delimiter = "\t"
    quote, skip_spaces = '"', False
    if sep_line := _SEP_LINE.match(text):
        delimiter = sep_line.group(1)
        text, lines_before = text[sep_line.end():], 1
    elif fmt != "tsv":
        delimiter, quote, skip_spaces = sniff_dialect(text)
    for line, cells in delimited_rows(text, delimiter, quote, skip_spaces=skip_spaces):
        yield line + lines_before, cells


# The lines of a table read for its header (:func:`table_header`): its title rows, the
# header and the row below it, with room for blank rows between them.
_HEAD_LINES = 100


def sniff_dialect(text: str) -> tuple[str, str, bool]:
    """The delimiter (comma, semicolon or tab), the quote character and whether spaces
    follow the delimiters of a CSV text, as its first lines show them; a comma when they
    show none. The sniffer asks a delimiter to be in (almost) every line, so a title above a
    small table ("Fisheries glossary, 2019" above three rows of semicolons) left it unable to
    tell, and the comma was taken: it is asked again without the text's first lines, as many
    as a table's title may take (:data:`TITLE_ROWS`).

    Lines holding as many commas as semicolons leave it to prefer the comma; where every
    comma is followed by a space and every line holds a semicolon that is not, the commas
    are the cells' prose ("high seas, open sea;haute mer") and the semicolon the delimiter:
    read as a comma table, with the semicolons as a glossary's synonyms, the row made "open
    sea" a translation of "high seas".

    The sniffer reads lines as ended by ``\n`` alone: a file whose lines end with ``\r``
    (Excel's "CSV (Macintosh)") was one line to it, whose cells' commas outnumbered the
    semicolons between them, and the comma was taken. Each line (ended by ``\r\n``,
    ``\r`` or ``\n``, as :func:`delimited_rows` reads them) is given it ended by
    ``\n``.

    Rows of one cell (a note, "Total: 3 terms" below a small glossary) left it unable to
    tell too: the lines holding a delimiter are asked last, without them."""
    lines = [line + "\n" for line in _LINE_END.split(text[:8192]) if line.strip()]
    samples = [lines[skip:] for skip in range(min(TITLE_ROWS, len(lines) - 1) + 1)]
    samples.append([line for line in lines if any(mark in line for mark in ",;\t")])
    for sample_lines in samples:
        sample = "".join(sample_lines)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            continue
        if dialect.delimiter == "," and not re.search(r",(?! )|; ", sample) \
                and all(";" in line for line in sample_lines):
            return ";", dialect.quotechar or '"', False
        return dialect.delimiter, dialect.quotechar or '"', dialect.skipinitialspace
    return ",", '"', False


_LINE_END = re.compile(r"\r\n|\r|\n")


def delimited_rows(text: str, delimiter: str, quote: str = '"', *,
                   skip_spaces: bool = False) -> Iterator[tuple[int, list[str]]]:
    """The rows of a TSV or CSV text, each with the number of the line it starts on.

    Quotes are text, except around a whole cell: a cell that opens with ``quote``, closes
    with it right before a delimiter or the end of a line, and doubles every quote inside
    (CSV quoting, which may hold delimiters and line breaks) is read unquoted. Anything else
    is read as written: ``"Green Deal" measures`` keeps its quotes, and a quote never
    closed stays in its cell instead of swallowing the rows after it. In a TSV (tab
    delimiter), a quoted cell running over lines that hold tabs is taken as a stray quote
    too: it would swallow whole rows."""
    quoted = re.compile(f"{re.escape(quote)}([^{re.escape(quote)}]*"
                        f"(?:{re.escape(quote * 2)}[^{re.escape(quote)}]*)*){re.escape(quote)}"
                        f"(?={re.escape(delimiter)}|\r|\n|\\Z)")
    plain = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    pos, line = 0, 1
    while pos < len(text):
        first_line, cells = line, []
        while True:
            if skip_spaces:
                while text.startswith(" ", pos):
                    pos += 1
            match = quoted.match(text, pos)
            if match and _one_cell(match.group(1), delimiter):
                cells.append(match.group(1).replace(quote * 2, quote))
                line += len(_LINE_END.findall(match.group(1)))
            else:
                match = plain.match(text, pos)
                cells.append(match.group())
            pos = match.end()
            if not text.startswith(delimiter, pos):
                break
            pos += len(delimiter)
        end = _LINE_END.match(text, pos)
        pos, line = (end.end(), line + 1) if end else (len(text), line)
        yield first_line, cells


def _one_cell(content: str, delimiter: str) -> bool:
    """Whether the text between two quotes can be one cell: in a TSV, a cell over several
    lines holding tabs is rows swallowed by a stray quote (TSV exports seldom quote)."""
    return delimiter != "\t" or not ("\t" in content and _LINE_END.search(content))


def open_workbook(path: str | Path, what: str = "XLSX workbook", *,
                  data_only: bool = True) -> Any:
    """An XLSX file opened read-only, after its archive was bounded (nothing inflated
    before); the one way this project opens a workbook (tables, review files, findings).
    ``what`` names the kind of file in the one-line errors. ``data_only``: a formula cell
    gives the value last computed (``None`` when none was saved), else the formula."""
    from openpyxl import load_workbook  # imported here: only XLSX users pay for it

    p = readable_file(path)  # standard input too
    # Module globals read at call time, so the bounds can be changed in one place.
    # (given ``path``, not its copy ``p``, they name standard input as "<stdin>")
    check_archive(path, max_inflated=XLSX_MAX_INFLATED, max_ratio=XLSX_MAX_RATIO, what=what)
    # openpyxl parses with the standard library, which expands entities: refused here, as
    # in every other XML input
    check_archive_parts(path, what)
    try:
        # openpyxl goes by the name's ending: standard input's copy has none, so its bytes
        return load_workbook(io.BytesIO(p.read_bytes()) if str(path) == "-" else p,
                             read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError... for bad files
        raise InputError(input_name(path), f"not a readable {what} ({_one_line(exc)})"
                         ) from None


class Uncomputed(str):
    """A formula cell whose workbook saved no value for it (openpyxl and pandas write
    formulas without one: only a spreadsheet program computes them); the text is the
    formula. Never a segment: its row is a reject."""


def workbook_rows(path: str | Path, *, prefer: str,
                  what: str = "XLSX workbook") -> Iterator[tuple[int, list[str]]]:
    """The rows of a workbook's sheet ``prefer`` (its first sheet when it has none of that
    name), numbered from 1, each cell as text (:func:`cell_text`) or, a formula saved
    without its value, :class:`Uncomputed`: the files read back whole, as review files
    are, must refuse such a cell rather than read it as empty. ``what`` names the kind of
    file in the one-line errors."""
    return _xlsx_rows(path, prefer, what=what, fallback=True)


def _xlsx_rows(path: str | Path, sheet: str | None, *, what: str = "XLSX workbook",
               fallback: bool = False) -> Iterator[tuple[int, list[str]]]:
    book = open_workbook(path, what)
    formula_book = None
    number = 0
    try:
        if sheet is not None and sheet not in book.sheetnames:
            if not fallback:
                raise InputError(str(path),
                                 f"no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
            sheet = None
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        values = _all_rows(ws, values_only=False)  # cells: their number formats too
        formulas: Iterator[tuple[Any, ...]] = repeat(())
        # A workbook that asks to be computed when opened (XlsxWriter, openpyxl) saved no
        # value of its own for a formula: XlsxWriter writes 0 for each, and "=A2" read as
        # "0" gave a unit "0" for a translation.
        placeholders = bool(getattr(getattr(book, "calculation", None), "fullCalcOnLoad",
                                    False))
        if _has_formulas(book, ws):
            # Read again in step, as formulas: they tell an empty cell from a formula
            # without a value (both are None among the values).
            formula_book = open_workbook(path, data_only=False)
            formulas = _all_rows(formula_book[ws.title])
        # Without a dimension, rows end at their last cell; padding to the widest row so
        # far (the header, usually) keeps a row with an empty last cell a pair with an
        # empty segment, as in CSV and as before, rather than a short row.
        width = 0
        # (formulas: as long as values, or endless empty rows when the sheet has none)
        for number, (row, formula_row) in enumerate(zip(values, formulas, strict=False), 1):
            width = max(width, len(row))
            cells = [_cell_text(cell.value, formula, placeholders, cell.number_format)
                     for cell, formula in zip_longest(row, formula_row[:len(row)])]
            yield number, cells + [""] * (width - len(cells))
    except InputError:
        raise
    except Exception as exc:  # a damaged part shows only when streamed: CRC, XML, values
        raise InputError(str(path), f"not a readable {what} ({_one_line(exc)})",
                         number + 1) from None
    finally:
        book.close()
        if formula_book is not None:
            formula_book.close()


# A formula element in sheet XML: <f>, <f t="shared" .../>, or with a prefix (<x:f>).
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _has_formulas(book: Any, ws: Any) -> bool:
    """Whether the sheet's XML holds a formula, scanned without parsing it (a megabyte at a
    time, at C speed); ``True`` when openpyxl does not show where the sheet is, or the
    part cannot be read."""
    archive, part = getattr(book, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or part is None:
        return True
    try:
        with archive.open(part) as handle:
            tail = b""
            while chunk := handle.read(1 << 20):
                if _FORMULA.search(tail + chunk):
                    return True
                tail = chunk[-64:]  # a tag cut by the chunk's end
    except Exception:  # a damaged part: the reading in step says where, in one line
        return True
    return False


def _all_rows(ws: Any, values_only: bool = True) -> Iterator[tuple[Any, ...]]:
    """Every row of a read-only sheet, its cell values (from column A), or its cells."""
    # Read-only mode trusts the sheet's <dimension ref="A1:B2"/> and stops at its last
    # row; tools that write a stale one (or none) would lose rows silently. Forget it
    # and read every row the sheet holds.
    ws.reset_dimensions()
    return ws.iter_rows(min_row=1, min_col=1, values_only=values_only)


def _cell_text(value: Any, formula: Any, placeholders: bool = False,
               number_format: str = "General") -> str:
    """A cell as text (:func:`cell_text`), or an :class:`Uncomputed` formula: one without
    a saved value, or, in a workbook of ``placeholders`` (computed when opened), one whose
    saved value is the 0 XlsxWriter writes for every formula."""
    placeholder = (placeholders and type(value) in (int, float) and value == 0
                   and formula is not None and formula != value)
    if (value is None or placeholder) and formula is not None:
        # only a formula differs between the two reads: None (or the placeholder) among
        # the values, the formula (a string, or an array formula's object) among the
        # formulas
        return Uncomputed(formula if isinstance(formula, str) else
                          str(getattr(formula, "text", None) or formula))
    return cell_text(value, number_format)


def cell_text(value: Any, number_format: str = "General") -> str:
    """An XLSX cell's value as text, dates and times as a spreadsheet shows them by default
    (ISO 8601, the date alone at midnight: "2020-01-05", "2020-01-05 14:30", "09:05"),
    a percentage as its cell's ``number_format`` shows it ("50%" for 0.5 under "0%": a
    spreadsheet stores "50%" typed in a cell so), a truth value as "TRUE" or "FALSE",
    anything else as ``str``; ``""`` for an empty cell. For every workbook read back
    (tables, review files)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and "%" in number_format:
        shown = _percentage(value, number_format)
        if shown is not None:
            return shown
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return f"{value.date().isoformat()} {_time_text(value.time())}"
    if isinstance(value, time):
        return _time_text(value)
    return str(value)


# A number format's quoted text and escaped characters, which show as written: a "%" there
# is a sign, not a percentage
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.')
# The percentage of a number format's first section (that of positive numbers): its
# decimal places ("0.00%")
_PERCENT_FORMAT = re.compile(r"[0#?,]*(?:\.([0#?]*))?%")


def _percentage(value: float, number_format: str) -> str | None:
    """``value`` as a percentage format shows it ("0.125" under "0.0%": "12.5%", rounded
    half away from zero as a spreadsheet rounds), or ``None`` when the format is no
    percentage."""
    from decimal import ROUND_HALF_UP, Decimal

    section = _FORMAT_LITERAL.sub("", number_format.split(";", 1)[0])
    match = _PERCENT_FORMAT.search(section)
    if match is None:
        return None
    places = len(match.group(1) or "")
    scaled = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{scaled}%"


def _time_text(moment: time) -> str:
    """``14:30``, with the seconds only when there are some (``14:30:15``)."""
    return moment.isoformat(timespec="minutes" if not moment.second and not
                            moment.microsecond else "seconds")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def write_table(
    pairs: Iterable[Pair],
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    table_format_name: str | None = None,
) -> int:
    """Write pairs as a two-column table with a language-code header; returns the count.

    The header holds the language codes (taken from the first pair unless given), so the
    file reads back with :func:`read_table` without naming columns.
    """
    fmt = table_format(path, table_format_name)
    iterator = iter(pairs)
    first = next(iterator, None)
    src = source_lang or (first.source_lang if first else "source")
    tgt = target_lang or (first.target_lang if first else "target")

    def all_pairs() -> Iterator[Pair]:
        if first is not None:
            yield first
        yield from iterator

    if fmt == "xlsx":
        return _write_xlsx(all_pairs(), path, src, tgt)
    count = 0
    with atomic_output(path, "w") as handle:
        writer = csv.writer(handle, csv.excel_tab if fmt == "tsv" else csv.excel,
                            lineterminator="\n")
        writer.writerow([src, tgt])
        for pair in all_pairs():
            writer.writerow([pair.source, pair.target])
            count += 1
    return count


def _write_xlsx(pairs: Iterable[Pair], path: str | Path, src: str, tgt: str) -> int:

    count = 0
    with xlsx_workbook(path, {"constant_memory": True, "strings_to_urls": False}) as book:
        sheet = book.add_worksheet("pairs")
        bold = book.add_format({"bold": True})
        sheet.write_string(0, 0, src, bold)
        sheet.write_string(0, 1, tgt, bold)
        sheet.set_column(0, 1, 60)
        for row, pair in enumerate(pairs, 1):
            for col, text in enumerate((pair.source, pair.target)):
                if len(text) > XLSX_CELL_LIMIT:
                    raise InputError(str(path), f"pair from {pair.file}:{pair.line} has a "
                                     f"segment longer than Excel's {XLSX_CELL_LIMIT} characters")
                sheet.write_string(row, col, text)
            count += 1
        book.close()
    return count
