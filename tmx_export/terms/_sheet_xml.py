"""The review file's data rows as sheet XML strings, written in one pass.

XlsxWriter's cell API builds an object per cell, then an attribute list, then escapes each
attribute and string on its own: for 20,000 pairs of 18 cells that was most of the time of
the review file. In ``constant_memory`` mode the worksheet writes each finished row to a
temporary file and copies that file into ``<sheetData>`` when the book closes; here the rows
are rendered as text, a row per string, and written to that file directly: byte for byte
what the cell API writes (``tests/test_terms_report.py`` compares the two), the rest of the
book (styles, validation, filter, panes) still XlsxWriter's.

Only texts that need it go through XlsxWriter's own escaping (control characters, XML
specials, leading or trailing white space, ``_xHHHH_`` look-alikes, rich-string look-alikes);
one regular expression tells them apart. This relies on the worksheet's row file
(:func:`usable` checks what it needs; otherwise the cell API is used).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

try:  # XlsxWriter's own helpers, so that the texts come out as its cell API writes them
    from xlsxwriter.utility import (
        _preserve_whitespace,
        _utf16_len,
        _utf16_truncate,
        xl_col_to_name,
    )
except ImportError:  # another version: usable() says no, and the cell API is used
    _preserve_whitespace = None

# What makes a text need XlsxWriter's escaping: control characters (incl. tab and line
# breaks) and the non-characters it escapes, which are not printable (nor is any other
# control or separator character but the space: a few more texts take the exact path), XML
# specials, an "_xHHHH_" look-alike ("_x"), white space at either end. Anything else is
# written as it is. (Searches in C, for a character or two each: a regular expression
# checking the same was ten times slower.)
_NEEDED = ("xls_strmax", "fh", "previous_row", "table", "_write_single_row", "_check_dimensions",
           "_escape_data", "_escape_control_characters")
_BATCH = 500  # rows joined before one write


def usable(sheet: Any) -> bool:
    """Whether ``sheet`` is a constant-memory worksheet with nothing but its header row
    written yet, whose row file this module knows how to write."""
    return (_preserve_whitespace is not None
            and bool(getattr(sheet, "constant_memory", False))
            and all(hasattr(sheet, name) for name in _NEEDED)
            and sheet.previous_row == 0)


def write_rows(sheet: Any, rows: Iterable[list[str | int | float]], count: int,
               column_formats: list[Any], flag_col: int, flag_format: Any) -> None:
    """Write ``count`` data rows (rows 2 on in the sheet) after the header row: each cell in
    its column's format, but a cell of ``flag_col`` with a value in ``flag_format``."""
    # The header row goes out as the cell API would send it, on the first data row.
    sheet._write_single_row(count)
    layout = _Layout(column_formats, flag_col, flag_format)
    text = _Texts(sheet)
    write = sheet.fh.write
    out: list[str] = []
    for row, values in enumerate(rows, 2):
        template = layout.template(values)
        out.append(template.format(row, *[v if isinstance(v, (int, float)) else text(v)
                                          for v in values]))
        if row % _BATCH == 0:
            write("".join(out))
            out.clear()
    write("".join(out))
    sheet._check_dimensions(count, len(column_formats) - 1)


class _Layout:
    """The XML of a row with slots for its values (``str.format``: the row number, then the
    values), one per shape of row: which cells are numbers, whether the flag is set."""

    def __init__(self, column_formats: list[Any], flag_col: int, flag_format: Any) -> None:
        self.formats = column_formats
        self.flag_col = flag_col
        self.flag_format = flag_format
        self.names = [xl_col_to_name(col) for col in range(len(column_formats))]
        self.templates: dict[tuple[bool, ...], str] = {}

    def template(self, values: list[str | int | float]) -> str:
        shape = (bool(values[self.flag_col]), *[isinstance(v, (int, float)) for v in values])
        known = self.templates.get(shape)
        if known is None:
            known = self.templates[shape] = self._make(shape)
        return known

    def _make(self, shape: tuple[bool, ...]) -> str:
        # A format's index is given the first time a cell uses it: asked here in the cell
        # API's order (column by column of the first row of this shape).
        cells = ['<row r="{0}">']
        for col, number in enumerate(shape[1:]):
            cell_format = (self.flag_format if col == self.flag_col and shape[0]
                           else self.formats[col])
            head = f'<c r="{self.names[col]}{{0}}" s="{cell_format._get_xf_index()}"'
            cells.append(f"{head}><v>{{{col + 1}:.16G}}</v></c>" if number
                         else f'{head} t="inlineStr"><is>{{{col + 1}}}</is></c>')
        cells.append("</row>")
        return "".join(cells)


class _Texts:
    """A text cell's ``<is>`` content, as the cell API writes it in constant-memory mode."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.longest = sheet.xls_strmax

    def __call__(self, string: str) -> str:
        if len(string) > self.longest // 2 and _utf16_len(string) > self.longest:
            string = _utf16_truncate(string, self.longest)
        if (string.isprintable() and "&" not in string and "<" not in string
                and ">" not in string and '"' not in string and "_x" not in string
                and not string[:1].isspace() and not string[-1:].isspace()):
            return f"<t>{string}</t>"
        # the rare text that needs escaping: XlsxWriter's own steps, in its order
        string = self.sheet._escape_control_characters(string)
        if string.startswith("<r>") and string.endswith("</r>"):
            return string  # taken for a rich string and written as it is, as XlsxWriter does
        preserve = ' xml:space="preserve"' if _preserve_whitespace(string) else ""
        return f"<t{preserve}>{self.sheet._escape_data(string)}</t>"
