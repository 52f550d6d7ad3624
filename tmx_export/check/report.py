"""Findings reports: TSV, CSV, one offline HTML page, and an XLSX a reviewer works in.

The format follows the file name's ending. TSV and CSV have a header row with the columns
of :data:`~tmx_export.check.model.REPORT_COLUMNS` (the CSV, for a spreadsheet, a
``decision`` column after them, as the XLSX) and are written as findings come; the
HTML page groups findings by check and by term or number, both sides shown with the item
highlighted; the XLSX has one row per finding and a ``decision`` column (``ok``, ``fix``,
``false alarm``) that ``check --accept FILE`` reads back (:func:`read_decisions`), so
accepted findings are not reported again and those marked ``fix`` keep their mark. Every
file is written atomically, and no cell a spreadsheet opens starts a formula.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from markupsafe import Markup, escape

from .._version import __version__
from ..errors import InputError
from ..formats.table import XLSX_CELL_LIMIT, delimited_rows
from ..formats.text import (
    CSVRows,
    atomic_output,
    csv_output,
    input_name,
    neutralise_cell,
    read_text,
    restore_cell,
    without_gz,
    xlsx_workbook,
)
from ..formats.tsv import escape_field, unescape_field
from ..model import count_of
from .model import (
    ANY_EXPECTED,
    CHECKS,
    REPORT_COLUMNS,
    AcceptKey,
    Finding,
    accept_key,
    kept_of_long_text,
    utf16_length,
)
from .text import composed_with_origin

REPORT_FORMATS = (".tsv", ".csv", ".html", ".xlsx")
# The findings an XLSX sheet holds: Excel's 1,048,576 rows, the header one of them
# (XlsxWriter leaves out a row past them without a word)
XLSX_MAX_FINDINGS = 1_048_575
DECISIONS = ("ok", "fix", "false alarm")
# Decisions that say a finding is not a problem: not reported again.
ACCEPTED = frozenset({"ok", "false alarm"})


def report_format(path: str | Path) -> str:
    """``.tsv``, ``.csv``, ``.html`` (``.htm`` too) or ``.xlsx`` from ``path``'s ending, or
    an error. A ``.gz`` after it is written compressed (``report.tsv.gz``, as every output
    named so), but for an ``.xlsx``, a ZIP archive already."""
    suffix = _ending(path)
    suffix = {".htm": ".html"}.get(suffix, suffix)  # (as terms --report takes it)
    if suffix not in REPORT_FORMATS or suffix == ".xlsx" != Path(path).suffix.lower():
        raise InputError(str(path), "unknown report format; name the file "
                         + ", ".join(f"*{ending}" for ending in REPORT_FORMATS)
                         + " (all but *.xlsx may end in .gz)")
    return suffix


def _ending(path: str | Path) -> str:
    """The ending that says a report's format, before the ``.gz`` of a compressed one
    (``report.tsv.gz`` -> ``.tsv``)."""
    return Path(without_gz(Path(path).name.lower())).suffix


class ReportWriter:
    """Findings to a report file, as they come (TSV, CSV) or all at the end (HTML, XLSX).
    Use as a context manager: the file is only in place when the block ended well."""

    def __init__(self, path: str | Path, *, title: str = "", checks: Iterable[str] = ()
                 ) -> None:
        self.path, self.format, self.title = path, report_format(path), title
        self.checks = frozenset(checks)  # the checks run: the HTML page lists them all
        self._stack = ExitStack()
        self._kept: list[Finding] = []
        self._handle: IO[str] | None = None
        self._csv: CSVRows | None = None

    def __enter__(self) -> ReportWriter:
        if self.format == ".csv":
            # A CSV is for a reviewer in a spreadsheet, as the XLSX is: a ``decision``
            # column to mark, which ``--accept`` reads (without it, the report could not be
            # given back without adding a column of that exact name by hand)
            self._csv = self._stack.enter_context(csv_output(self.path))
            self._csv.writerow((*REPORT_COLUMNS, "decision"))
        elif self.format == ".tsv":
            self._handle = self._stack.enter_context(atomic_output(self.path, "w"))
            self._handle.write("\t".join(REPORT_COLUMNS) + "\n")
        return self

    def add(self, finding: Finding) -> None:
        if self._csv is not None:
            self._csv.writerow([neutralise_cell(cell)
                                for cell in (*finding.row(), finding.decision)])
        elif self._handle is not None:
            self._handle.write("\t".join(neutralise_cell(escape_field(cell))
                                         for cell in finding.row()) + "\n")
        else:
            if self.format == ".xlsx" and len(self._kept) >= XLSX_MAX_FINDINGS:
                raise InputError(str(self.path), f"more findings than an XLSX sheet holds "
                                 f"({XLSX_MAX_FINDINGS:,}): write the report as .tsv or "
                                 ".csv, or choose fewer checks (--checks, --skip)")
            self._kept.append(finding)

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        try:
            if kind is None and self.format == ".html":
                with atomic_output(self.path, "w") as handle:
                    handle.write(render_html(self._kept, self.title, self.checks))
            elif kind is None and self.format == ".xlsx":
                write_xlsx(self._kept, self.path)
        finally:
            self._stack.__exit__(kind, value, traceback)


# --- HTML -------------------------------------------------------------------------------------

# (a word longer than a line, a URL, a code or a hostile text, is broken where it must be:
# it would widen its column past the page and push the target out of sight)
_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; } .count { color: #777; font-weight: normal; }
table { border-collapse: collapse; width: 100%; } td { border-top: 1px solid #eee;
  padding: .3em .5em; vertical-align: top; } td.tuid { color: #777; width: 13em; }
  span.at { font-size: .8em; }
td, h3 { overflow-wrap: anywhere; }
mark { background: #ffe28a; } .error { color: #a40000; } .warning { color: #8a5a00; }
.expected { color: #2d6a2d; }
"""


# The page has no script and fetches nothing (it is read offline): a policy that allows
# neither, so that a text of the memory that escaped its escaping could run nothing
_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
           "form-action 'none'")


def _highlight(text: str, item: str | re.Pattern[str], *, last: bool = False) -> Markup:
    """``text`` with each occurrence of ``item`` (a text, case-insensitive, or a pattern) in
    ``<mark>``; ``last``: the last occurrence only."""
    if not item:
        return escape(text)
    # found in the text itself: the places of its lower-case copy are not the text's when
    # lowering changes a length ("İ" is two characters lowered), which marked the wrong ones
    pattern = item if isinstance(item, re.Pattern) else re.compile(
        re.escape(unicodedata.normalize("NFC", item)), re.IGNORECASE)
    # An item is looked for composed (NFC), as the checks match; a text written with
    # combining accents (NFD, "chai\u0302ne") is searched in its composed copy, and its
    # own characters are marked, accents included: the page shows the text as written.
    searched, origin = text, None
    if not unicodedata.is_normalized("NFC", text):
        searched, origin = composed_with_origin(text)
    found = [hit.span() for hit in pattern.finditer(searched) if hit.end() > hit.start()]
    if origin is not None:
        found = [(origin[a], origin[b]) for a, b in found]
    parts: list[Markup] = []
    start = 0
    for a, b in found[-1:] if last else found:
        parts.append(escape(text[start:a]))
        parts.append(Markup("<mark>%s</mark>") % text[a:b])
        start = b
    parts.append(escape(text[start:]))
    return Markup("").join(parts)


# What may end a word of a term in the text beyond the letters the term writes: a plural or
# a case ending ("amendments", "policies", "Estados miembros", "Beschlusses"), as the term
# check matches by lemma. The term's words are kept but for their last letter, and are
# whole words: "report" is not marked in "reportedly".
_WORD_ENDING = r"\w{0,3}"
_BETWEEN_WORDS = r"[\s\-\u2010\u2011]+"


def _term_pattern(term: str) -> re.Pattern[str]:
    """Where ``term`` is in a text (composed, see :func:`_highlight`), by its words in any
    case and with their endings."""
    term = unicodedata.normalize("NFC", term)
    words = [re.escape(word[:-1]) + _WORD_ENDING if len(word) > 3 and word[-1].isalpha()
             else re.escape(word) for word in term.split()]
    return re.compile(r"(?<!\w)" + _BETWEEN_WORDS.join(words) + r"(?!\w)", re.IGNORECASE)


def _numbers_pattern(item: str) -> re.Pattern[str]:
    """Where the numbers of a number-mismatch item ("2014; 2.0") are in a text: as whole
    numbers, "5" not in "15" nor in "2.5"."""
    numbers = "|".join(re.escape(number) for number in item.split("; ") if number)
    return re.compile(r"(?<!\d)(?<!\d[.,])(?:" + numbers + r")(?!\d)(?![.,]\d)")


# Expected of a finding whose item is a source's (the number or placeholder missing from
# the target)
_MISSING_FROM_TARGET = "(missing from the target)"


def _marked(finding: Finding) -> tuple[Markup, Markup]:
    """The source and target of ``finding``, its item marked where the check found it, and
    only there: a spacing or punctuation finding is the target's ("Note:" is right in an
    English source), a number where it is a number, an end punctuation at the end, a term
    as its words are inflected."""
    check, item, source, target = finding.check, finding.item, finding.source, finding.target
    if check == "term-missing":
        return _highlight(source, _term_pattern(item)), escape(target)
    if check == "term-forbidden":
        return escape(source), _highlight(target, _term_pattern(item))
    if check == "number-mismatch":
        numbers = _numbers_pattern(item)
        if finding.expected == _MISSING_FROM_TARGET:
            return _highlight(source, numbers), escape(target)
        return escape(source), _highlight(target, numbers)
    if check == "placeholder":  # placeholders, one space between two
        placeholders = re.compile("|".join(re.escape(one) for one in item.split(" ") if one))
        if finding.expected == _MISSING_FROM_TARGET:
            return _highlight(source, placeholders), escape(target)
        return escape(source), _highlight(target, placeholders)
    if check == "punctuation":
        # a bracket or quote left open is anywhere; a mark ending the target, at its end
        at_end = not finding.expected.startswith(("a closing ", "an opening "))
        return escape(source), _highlight(target, item, last=at_end)
    if check == "spacing":
        return escape(source), _highlight(target, item)
    return _highlight(source, item), _highlight(target, item)


def render_html(findings: list[Finding], title: str = "", checks: Iterable[str] = ()) -> str:
    """One self-contained page: findings grouped by check, then by item and expected; at its
    top, every check run (``checks``, and those with findings) with its count, a link to its
    findings: a check that found nothing is named too, so a reader knows it ran."""
    # by item and what was expected, which the group's heading shows: one item may expect
    # different things ("." where ":" or ";" was, «oui» a space after « and one before »)
    grouped: dict[str, dict[tuple[str, str], list[Finding]]] = defaultdict(
        lambda: defaultdict(list))
    for item in findings:
        grouped[item.check][item.item, item.expected].append(item)
    out = [Markup("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"),
           Markup('<meta http-equiv="Content-Security-Policy" content="%s">') % _POLICY,
           Markup("<title>%s</title><style>%s</style></head><body>")
           % (title or "tmx-export check", Markup(_STYLE)),
           Markup("<h1>%s</h1><p>%s, tmx-export %s</p>")
           % (title or "Findings", count_of(len(findings), "finding"), __version__)]
    run = frozenset(checks)
    listed = [check for check in CHECKS if check in grouped or check in run]
    if listed:
        out.append(Markup('<ul class="checks">'))
        for check in listed:
            total = sum(len(rows) for rows in grouped[check].values()) if check in grouped else 0
            out.append(Markup('<li><a href="#%s">%s</a> <span class="count">(%d)</span></li>')
                       % (check, check, total) if total else
                       Markup('<li>%s <span class="count">(none)</span></li>') % check)
        out.append(Markup("</ul>"))
    for check in (c for c in CHECKS if c in grouped):
        items = grouped[check]
        total = sum(len(v) for v in items.values())
        severity = CHECKS[check]
        out.append(Markup('<h2 id="%s">%s <span class="count">(%d, <span class="%s">%s'
                          "</span>)</span></h2>") % (check, check, total, severity, severity))
        for (item, expected), rows in sorted(items.items(),
                                             key=lambda kv: (-len(kv[1]), kv[0])):
            # each text in the direction of its own script (an Arabic or Hebrew side reads
            # right to left, its full stop at its end), isolated from what is around it
            out.append(Markup('<h3><bdi>%s</bdi> <span class="count">(%d)</span>%s</h3>'
                              "<table>")
                       % (item or "-", len(rows),
                          Markup(' <span class="expected">expected: <bdi>%s</bdi></span>')
                          % expected
                          if expected else ""))
            for row in rows:
                # the tuid, and where the unit is: the same tuid in two memories of a run
                where = (Markup('%s<br><span class="at">%s:%s</span>')
                         % (row.tuid, row.file, row.line) if row.tuid
                         else f"{row.file}:{row.line}")
                out.append(Markup('<tr><td class="tuid">%s</td><td dir="auto">%s</td>'
                                  '<td dir="auto">%s</td></tr>') % (where, *_marked(row)))
            out.append(Markup("</table>"))
    out.append(Markup("</body></html>\n"))
    return str(Markup("").join(out))


# --- XLSX -------------------------------------------------------------------------------------

def write_xlsx(findings: list[Finding], path: str | Path) -> int:
    """One row per finding and a ``decision`` column with a drop-down (holding the
    decision of the ``--accept`` file for a finding marked ``fix`` there); every cell is a
    string (a text starting with "=" stays text) but a ``tuid`` or ``line`` that is a
    number, written as one so that a spreadsheet sorts it as one."""
    with xlsx_workbook(path, {"constant_memory": True, "strings_to_urls": False,
                              "strings_to_formulas": False}) as book:
        sheet = book.add_worksheet("findings")
        bold = book.add_format({"bold": True})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        columns = (*REPORT_COLUMNS, "decision")
        for col, name in enumerate(columns):
            sheet.write_string(0, col, name, bold)
        widths = {"source": 60, "target": 60, "item": 24, "expected": 24, "check": 20}
        for col, name in enumerate(columns):
            sheet.set_column(col, col, widths.get(name, 10), wrap if name in widths else None)
        numeric = {REPORT_COLUMNS.index("tuid"), REPORT_COLUMNS.index("line")}
        for row, item in enumerate(findings, 1):
            for col, cell in enumerate(item.row()):
                # tuids and lines that are numbers sort as numbers ("2" before "10");
                # "007" or "a-1" stay as written
                if col in numeric and cell.isdecimal() and cell.isascii() and \
                        (cell == "0" or not cell.startswith("0")) and len(cell) < 16:
                    sheet.write_number(row, col, int(cell))
                else:
                    sheet.write_string(row, col, fit_cell(cell))
            if item.decision:
                sheet.write_string(row, len(columns) - 1, item.decision)
        if findings:
            sheet.data_validation(1, len(columns) - 1, len(findings), len(columns) - 1,
                                  {"validate": "list", "source": list(DECISIONS)})
        sheet.freeze_panes(1, 0)
        # filters on the header row: a reviewer works through one check or decision at a time
        sheet.autofilter(0, 0, max(len(findings), 1), len(columns) - 1)
        book.close()
    return len(findings)


# What ends a text cut to fit a cell, with the length of the whole text
_CUT_MARK = " \u2026 [cut to fit the cell: {} characters in all]"
_CUT_AT_END = re.compile(re.escape(_CUT_MARK).replace(r"\{\}", r"([0-9]+)") + r"\Z")


def fit_cell(text: str) -> str:
    """``text``, or when a cell cannot hold it (XlsxWriter would cut it at Excel's limit
    without a word: a reviewer would read part of a segment as the whole, and the finding
    would never be accepted) its start (:func:`~.model.kept_of_long_text`) and a note
    saying it was cut, which :func:`read_decisions` reads back as the finding's key. The
    limit counts UTF-16 units, as Excel does: a text with characters beyond the BMP is cut
    though it holds fewer than 32,767 characters."""
    if len(text) <= XLSX_CELL_LIMIT // 2 or utf16_length(text) <= XLSX_CELL_LIMIT:
        return text
    return kept_of_long_text(text) + _CUT_MARK.format(len(text))


def _uncut(cell: str) -> str:
    """A cell :func:`fit_cell` cut, as a text of the whole length with the characters the
    cell kept (what :func:`~.model.accept_key` keys a long text by); another cell as it is."""
    if not cell.endswith(" characters in all]"):
        return cell
    found = _CUT_AT_END.search(cell)
    if found is None:
        return cell
    kept, whole = cell[:found.start()], int(found.group(1))
    # filled with characters of two units, which the key's start cannot take in where the
    # text's next character did not fit: the same key (a text of one's own that merely ends
    # like the note is no cut one: its start would not be the key's)
    filled = kept + "\U00010000" * (whole - len(kept))
    return filled if whole > len(kept) and kept_of_long_text(filled) == kept else cell


# --- accepted findings ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Decisions:
    """A reviewed report's decisions: the keys (:func:`~.model.accept_key`) of the findings
    marked ``ok`` or ``false alarm`` (``accepted``), and of those marked ``fix``."""

    accepted: frozenset[AcceptKey] = frozenset()
    to_fix: frozenset[AcceptKey] = frozenset()


def read_decisions(path: str | Path) -> Decisions:
    """The decisions of a reviewed report (XLSX, TSV or CSV with a ``decision`` column).
    A key a row of which is marked ``fix`` is not accepted: the same finding in two units
    (a unit repeated in the memory), one marked ``ok`` and one ``fix``, is still to be
    fixed, and the key does not tell them apart."""
    name = input_name(path)
    rows = _rows(path)
    header = next(rows, None)
    if header is None:
        raise InputError(name, "empty file, not a findings report")
    lowered = [str(cell or "").strip().lower() for cell in header]
    needed = ("check", "source", "target", "item", "decision")
    missing = [column for column in needed if column not in lowered]
    if missing:
        raise InputError(name, f"not a reviewed findings report: no column "
                         f"{', '.join(missing)}", 1)
    at = {column: lowered.index(column) for column in needed}
    # a table without it (made by hand) accepts the finding whatever was expected
    at["expected"] = lowered.index("expected") if "expected" in lowered else -1
    accepted: set[AcceptKey] = set()
    to_fix: set[AcceptKey] = set()
    for line, row in enumerate(rows, 2):
        def cell(column: str, row: list[str] = row) -> str:
            i = at[column]
            if i < 0:
                return ANY_EXPECTED
            return _uncut(str(row[i])) if i < len(row) and row[i] is not None else ""

        # as typed in a spreadsheet: any case, and any run of spaces ("false  alarm", a
        # no-break space) between the words, as at their ends
        decision = " ".join(cell("decision").lower().split())
        if not decision:
            continue
        if decision not in DECISIONS:
            raise InputError(name, f"unknown decision {decision!r}; expected one of "
                             f"{', '.join(DECISIONS)}", line)
        key = accept_key(cell("check"), cell("source"), cell("target"), cell("item"),
                         cell("expected"))
        (accepted if decision in ACCEPTED else to_fix).add(key)
    return Decisions(frozenset(accepted - to_fix), frozenset(to_fix))


def _rows(path: str | Path) -> Iterator[list[str]]:
    """The rows of a reviewed report, read in the format its name ends in; standard input
    (``--accept -``) in the format its content shows (:func:`_piped_ending`)."""
    suffix = _piped_ending() if str(path) == "-" else _ending(path)
    if suffix == ".xlsx":
        yield from _xlsx_rows(path)
        return
    text = read_text(path)
    if suffix == ".csv":
        # the table reader's: the csv module stops at a cell of more than 131,072
        # characters (a segment as long is a whole document left as one unit)
        for _, cells in delimited_rows(text, _delimiter(text)):
            yield [restore_cell(cell) for cell in cells]
        return
    # A spreadsheet saving the reviewed report as TSV puts a cell holding a quote in quotes
    # ("He said ""yes"" 14 times."), which the table reader unquotes; no cell of the
    # report itself starts with one (written '" by neutralise_cell)
    for _, cells in delimited_rows(text, "\t"):
        yield [unescape_field(restore_cell(cell)) for cell in cells]


def _piped_ending() -> str:
    """The ending of the format of a reviewed report on standard input, by its content: a
    workbook (a ZIP archive), a TSV (a tab in its header row, in UTF-8 or the UTF-16 of a
    spreadsheet's "Unicode text"), else a CSV. Read as a TSV whatever it was, a CSV
    report piped in (``curl .../round1.csv | tmx-export check memory.tmx --accept -``)
    was refused ("-:1: not a reviewed findings report: no column check, source...")."""
    from ..formats.text import readable_file

    with readable_file("-").open("rb") as handle:
        if handle.read(4) == b"PK\x03\x04":
            return ".xlsx"
    header = read_text("-").split("\n", 1)[0]
    return ".tsv" if "\t" in header else ".csv"


def _delimiter(text: str) -> str:
    """The delimiter of a CSV report, told by its header row: a comma as written, but a
    spreadsheet in most European locales saves it with semicolons (or a tab)."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _xlsx_rows(path: str | Path) -> Iterator[list[str]]:
    from ..formats.table import open_workbook

    book = open_workbook(path, "XLSX findings report")
    try:
        sheet = book["findings"] if "findings" in book.sheetnames else book.worksheets[0]
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            # A text holding "_x0041_" is written "_x005F_x0041_" (OOXML's escape of "_",
            # which Excel and LibreOffice undo), but openpyxl undoes it only in shared
            # strings, not in the inline strings of this report: undone here as it does.
            yield ["" if cell is None else str(cell).replace("_x005F_", "_") for cell in row]
    finally:
        book.close()
