"""The review file: one spreadsheet row per pair, a status drop-down, decisions read back.

Terminologists review in a spreadsheet. :func:`write_review` writes one (XlsxWriter) with the
evidence for each pair and a ``status`` column restricted to the four statuses by a drop-down;
:func:`apply_review` reads the edited file (openpyxl) and records the changed statuses and
notes in the termbase. Rows are matched by the hidden key columns (languages and lemmas), so a
file written without a termbase, or a row moved around, still lands on the right pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..formats.text import atomic_output
from .termbase import Termbase
from .termpair import STATUSES, TermPair

COLUMNS = [
    # (header, width)
    ("source term", 24), ("target term", 24), ("status", 11), ("note", 30),
    ("count", 7), ("documents", 9), ("inconsistent", 11),
    ("source variants", 26), ("target variants", 26), ("competing translations", 30),
    ("source context 1", 50), ("target context 1", 50),
    ("source context 2", 50), ("target context 2", 50),
    ("source lang", 8), ("target lang", 8), ("source lemma", 20), ("target lemma", 20),
]
KEY_COLUMNS = ("source lang", "target lang", "source lemma", "target lemma")


def _variants(counter) -> str:
    return ", ".join(f"{form} ({n})" for form, n in counter.most_common())


def write_review(pairs: Iterable[TermPair], path: str | Path) -> int:
    """Write the review spreadsheet; returns the number of rows."""
    import xlsxwriter

    pairs = list(pairs)
    with atomic_output(path, "wb") as handle:
        # constant_memory: rows go to a temporary file as they are written, so 30,000 pairs
        # take a few MB, not hundreds (the rows are written in order, as it requires)
        book = xlsxwriter.Workbook(handle, {"constant_memory": True,
                                            "tmpdir": str(Path(path).parent or ".")})
        sheet = book.add_worksheet("review")
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        top = book.add_format({"valign": "top"})
        flag = book.add_format({"valign": "top", "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        for col, (header, width) in enumerate(COLUMNS):
            sheet.write(0, col, header, bold)
            hidden = header in KEY_COLUMNS
            sheet.set_column(col, col, width, wrap if "context" in header else top,
                             {"hidden": hidden})
        for row, pair in enumerate(pairs, 1):
            contexts = pair.contexts[:2]
            others = pair.translations()[1:]
            values = [
                pair.source_term, pair.target_term, pair.status, pair.note,
                pair.count, len(pair.documents), "yes" if pair.inconsistent else "",
                _variants(pair.source_variants), _variants(pair.target_variants),
                ", ".join(f"{t} ({n})" for t, n in others),
            ]
            for n in range(2):
                shown = contexts[n] if n < len(contexts) else None
                values += [shown.source, shown.target] if shown else ["", ""]
            values += [pair.source_lang, pair.target_lang, pair.source_lemma, pair.target_lemma]
            for col, value in enumerate(values):
                style = flag if (COLUMNS[col][0] == "inconsistent" and value) else None
                if isinstance(value, int):
                    sheet.write_number(row, col, value, style)
                else:
                    sheet.write_string(row, col, value, style)
        if pairs:
            status_col = [h for h, _ in COLUMNS].index("status")
            sheet.data_validation(1, status_col, len(pairs), status_col, {
                "validate": "list",
                "source": list(STATUSES),
                "error_title": "Status",
                "error_message": "Choose one of: " + ", ".join(STATUSES),
            })
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(len(pairs), 1), len(COLUMNS) - 1)
        book.close()
    return len(pairs)


@dataclass(slots=True)
class ApplySummary:
    changed: int = 0
    unchanged: int = 0
    added: int = 0  # pairs the termbase did not hold yet
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, status)


def apply_review(path: str | Path, termbase: Termbase) -> ApplySummary:
    """Record the statuses and notes of a review file in ``termbase``."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = str(path)
    if not Path(path).is_file():
        raise InputError(name, "no such file")
    try:
        book = load_workbook(name, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError(name, f"not an XLSX review file: {exc}") from None
    try:
        sheet = book["review"] if "review" in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c).strip().lower() if c is not None else "" for c in next(rows, ())]
        needed = ("source term", "target term", "status", "note", *KEY_COLUMNS)
        missing = [h for h in needed if h not in header]
        if missing:
            raise InputError(name, f"not a review file: missing column(s) {', '.join(missing)}", 1)
        col = {h: header.index(h) for h in needed}
        summary = ApplySummary()
        for line, row in enumerate(rows, 2):
            def cell(h: str, row=row) -> str:
                i = col[h]
                value = row[i] if i < len(row) else None
                return "" if value is None else str(value).strip()

            if not any(cell(h) for h in needed):
                continue
            status = cell("status").lower()
            if status not in STATUSES:
                raise InputError(name, f"unknown status {cell('status')!r}; expected one of "
                                 f"{', '.join(STATUSES)}", line)
            key = tuple(cell(h) for h in KEY_COLUMNS)
            if not all(key):
                raise InputError(name, "row without its key columns (languages, lemmas)", line)
            pair_id = termbase.find(*key)
            if pair_id is None:
                pair_id = termbase.add_pair(TermPair(*key, source_term=cell("source term"),
                                                     target_term=cell("target term")))
                summary.added += 1
            if termbase.set_status(pair_id, status, cell("note")):
                summary.changed += 1
                summary.changes.append((cell("source term"), cell("target term"), status))
            else:
                summary.unchanged += 1
        return summary
    finally:
        book.close()
