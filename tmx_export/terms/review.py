"""The review file: one spreadsheet row per pair, a status drop-down, decisions read back.

Terminologists review in a spreadsheet. :func:`write_review` writes one (XlsxWriter) with the
evidence for each pair and a ``status`` column restricted to the four statuses by a drop-down;
:func:`apply_review` reads the edited file (openpyxl) and records the changed statuses, notes
and spellings of the terms in the termbase. Rows are matched by the hidden key columns
(languages and lemmas), so a file written without a termbase, or a row moved around, still
lands on the right pair.

Every text cell is written as a string cell, never as a formula, whatever it starts with
(``=``, ``+``, ``-``, ``@``): a term or a note from the input cannot run in the spreadsheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..formats.table import Uncomputed, open_workbook, workbook_rows
from ..formats.text import xlsx_workbook
from ..lang import primary
from ..model import count_of
from . import _sheet_xml
from .candidates import Extractor
from .languages import term_language
from .termbase import Termbase, key_today, primary_langs
from .termpair import STATUSES, TermPair, most_common

COLUMNS = [
    # (header, width)
    ("source term", 24), ("target term", 24), ("status", 11), ("note", 30),
    ("count", 7), ("termhood", 9), ("documents", 9), ("inconsistent", 11),
    ("source variants", 26), ("target variants", 26), ("competing translations", 30),
    ("source context 1", 50), ("target context 1", 50),
    ("source context 2", 50), ("target context 2", 50),
    ("source lang", 8), ("target lang", 8), ("source lemma", 20), ("target lemma", 20),
    ("status as written", 11), ("source term as written", 24),
    ("target term as written", 24), ("note as written", 30),
]
KEY_COLUMNS = ("source lang", "target lang", "source lemma", "target lemma")
# What the file said of each pair when it was written (hidden, as the key columns): a cell
# the reviewer left as it was is no decision, so a file older than the termbase's last
# change (a second reviewer's copy, an export kept from last month) does not put back the
# status, spelling or note it showed then; a cell the reviewer changed is recorded.
WRITTEN_COLUMNS = ("status as written", "source term as written", "target term as written",
                   "note as written")


def _variants(counts: dict[str, int]) -> str:
    return ", ".join(f"{form} ({n})" for form, n in most_common(counts))


def _row_values(pair: TermPair) -> list[str | int | float]:
    """The cells of one pair's row, in :data:`COLUMNS` order."""
    contexts = pair.contexts[:2]
    others = pair.other_translations()
    documents, source_variants, target_variants = pair.tallies()
    values: list[str | int | float] = [
        pair.source_term, pair.target_term, pair.status, pair.note,
        pair.count, round(pair.termhood, 2), len(documents), "yes" if pair.inconsistent else "",
        _variants(source_variants), _variants(target_variants),
        ", ".join(f"{t} ({n})" for t, n in others),
    ]
    for n in range(2):
        shown = contexts[n] if n < len(contexts) else None
        values += [shown.source, shown.target] if shown else ["", ""]
    values += [pair.source_lang, pair.target_lang, pair.source_lemma, pair.target_lemma]
    values += [pair.status, pair.source_term, pair.target_term, pair.note]
    return values


class _Styles:
    """The review file's cell formats."""

    def __init__(self, book) -> None:
        self.bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.top = book.add_format({"valign": "top"})
        self.flag = book.add_format({"valign": "top", "font_color": "#9C0006",
                                     "bg_color": "#FFC7CE"})
        # each column's format (a cell without one of its own takes its column's)
        self.columns = [self.wrap if "context" in header else self.top for header, _ in COLUMNS]


_FLAG_COLUMN = [h for h, _ in COLUMNS].index("inconsistent")
_STATUS_COLUMN = [h for h, _ in COLUMNS].index("status")


def write_review(pairs: Iterable[TermPair], path: str | Path) -> int:
    """Write the review spreadsheet; returns the number of rows."""
    pairs = list(pairs)
    # constant_memory: rows go to a temporary file as they are written, so 30,000 pairs
    # take a few MB, not hundreds (the rows are written in order, as it requires)
    with xlsx_workbook(path, {"constant_memory": True}) as book:
        sheet = book.add_worksheet("review")
        styles = _Styles(book)
        for col, (header, width) in enumerate(COLUMNS):
            sheet.write(0, col, header, styles.bold)
            hidden = header in KEY_COLUMNS or header in WRITTEN_COLUMNS
            sheet.set_column(col, col, width, styles.columns[col], {"hidden": hidden})
        rows = map(_row_values, pairs)
        if pairs and _sheet_xml.usable(sheet):
            _sheet_xml.write_rows(sheet, rows, len(pairs), styles.columns, _FLAG_COLUMN,
                                  styles.flag)
        else:
            _write_cells(sheet, rows, styles)
        if pairs:
            sheet.data_validation(1, _STATUS_COLUMN, len(pairs), _STATUS_COLUMN, {
                "validate": "list",
                "source": list(STATUSES),
                "error_title": "Status",
                "error_message": "Choose one of: " + ", ".join(STATUSES),
            })
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(len(pairs), 1), len(COLUMNS) - 1)
        book.close()
    return len(pairs)


def _write_cells(sheet, rows: Iterable[list[str | int | float]], styles: _Styles) -> None:
    """The rows through XlsxWriter's cell API (what :mod:`._sheet_xml` writes faster)."""
    for row, values in enumerate(rows, 1):
        for col, value in enumerate(values):
            style = styles.flag if (col == _FLAG_COLUMN and value) else None
            if isinstance(value, (int, float)):
                sheet.write_number(row, col, value, style)
            else:
                # write_string, not write(): write() turns text starting with "=" into a
                # formula, and these cells hold input text (formula injection)
                sheet.write_string(row, col, value, style)


@dataclass(slots=True)
class ApplySummary:
    changed: int = 0
    unchanged: int = 0
    added: int = 0  # pairs the termbase did not hold yet
    # decided pairs (status not proposed) the file calls proposed: left alone, not reverted
    kept_decided: int = 0
    # rows whose status is blank, so left out, though they bring something: a note that
    # differs from the pair's, or a pair the termbase does not hold (a row typed by hand)
    notes_left: int = 0
    not_added: int = 0
    # rows the reviewer left as written whose pair the termbase has changed since (another
    # review, a later run's spelling): the termbase's kept
    newer_kept: int = 0
    # cells the reviewer changed over a pair changed since the file was written, to a third
    # value: (source term, target term, what, the termbase's, the file's), recorded
    redecided: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, status)


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of a review file, as read and checked before anything is recorded."""

    line: int
    key: tuple[str, str, str, str]
    source_term: str
    target_term: str
    status: str | None  # None: left blank, the pair's status and note stay as they are
    note: str
    typed: bool = False  # typed by a reviewer: no hidden key columns, its key made here
    # the row's status, source term, target term and note when the file was written
    # (WRITTEN_COLUMNS); None in a file without them (older) or a row typed by hand
    written: tuple[str, str, str, str] | None = None


def apply_review(path: str | Path, termbase: Termbase) -> ApplySummary:
    """Record the statuses, notes and term spellings of a review file in ``termbase``.

    All or nothing: every row is checked, then all are recorded in one transaction; a row
    that cannot be recorded raises an :class:`InputError` naming it and the termbase is left
    as it was.

    Per row:

    - ``status`` is one of :data:`~tmx_export.terms.termpair.STATUSES` (any case), or blank:
      then the pair's status and note are left as they are (the ``note`` cell is not read).
    - ``proposed`` over a pair a reviewer has decided (any other status): the row is left
      out, terms and note included, and counted in ``kept_decided``. Every row the
      review file writes says ``proposed``, so an export older than the decision, or a
      second reviewer's copy, would otherwise revert it: only an explicit decision changes
      a decided pair.
    - an empty ``note`` keeps the pair's note in a file without the hidden
      :data:`WRITTEN_COLUMNS` (an older export has none to show); in a file with them, a
      note the reviewer emptied is recorded: the pair keeps no note.
    - in a file with the hidden :data:`WRITTEN_COLUMNS` (every file this version writes),
      a cell left as the file wrote it is no decision: the termbase's status, spelling or
      note stays, though it changed since the file was written (counted in
      ``newer_kept``); a note typed alone is recorded; a cell changed over a pair changed
      since, to a third value, is recorded and listed in ``redecided`` (:func:`_edited`).
    - ``source term``/``target term`` edited: the new spelling is recorded as the pair's
      citation form (what the TBX, CSV and later review files show) when it is a form of the
      same term, i.e. has the same lemma key under the language's rules ("Clusters" or
      "clusters" for "cluster"). Anything else ("grappe" for "conglomérat") is a different
      term, so a different pair, and is refused rather than silently renaming the pair; so
      is an empty term.
    - a pair the termbase does not hold is added with the row's terms and status (a row with
      a blank status brings no decision, so adds nothing) when a reviewer typed the row,
      without the hidden key columns (it names the pair of its terms' lemmas under the
      file's language pair: :func:`_keyed`), or when the termbase holds no pair of the
      file's languages yet (a file written by a run without a termbase). A row with its key
      columns naming a pair a termbase of those languages does not hold was written from
      another termbase (pairs are never deleted from one): the file is refused, naming the
      row (:func:`_refuse_strangers`), rather than its proposed rows added as pairs and its
      spellings, another corpus's citation forms, recorded over this termbase's.
    - two rows for the same pair (key columns) that say different things are refused.
    """
    rows = _read_rows(path)
    name = str(path)
    summary = ApplySummary()
    extractors: dict[str, Extractor | None] = {}
    with termbase.transaction():
        found = [termbase.find(*row.key) for row in rows]
        rows, found = _rekeyed(rows, found, termbase, extractors, name)
        _refuse_strangers([row for row, pair_id in zip(rows, found, strict=True)
                           if pair_id is None and not row.typed], termbase, name)
        for row, pair_id in zip(rows, found, strict=True):
            added = pair_id is None  # a pair added is a change, never "unchanged"
            if pair_id is None:
                if row.status is None:
                    summary.unchanged += 1
                    summary.not_added += 1
                    continue
                pair_id = termbase.add_pair(TermPair(*row.key, source_term=row.source_term,
                                                     target_term=row.target_term))
                summary.added += 1
                stored = termbase.get(pair_id)
            else:
                stored = termbase.get(pair_id)
                if row.written is not None:
                    row = _edited(row, stored, summary)
                if row.status is None and row.note and row.note != stored.note:
                    summary.notes_left += 1  # said by the run, not silently dropped
                if row.status == "proposed" and stored.status != "proposed":
                    summary.kept_decided += 1
                    continue
                for side, lang, lemma, new, old in (
                    ("source", row.key[0], row.key[2], row.source_term, stored.source_term),
                    ("target", row.key[1], row.key[3], row.target_term, stored.target_term),
                ):
                    if new != old and not _same_term(extractors, lang, lemma, new, old):
                        raise InputError(name, f"{side} term {new!r} is not a form of "
                                         f"{old!r}: a review file can correct how a term is "
                                         "written, not replace it (reject the pair instead)",
                                         row.line)
            changed = termbase.set_terms(pair_id, row.source_term, row.target_term) or added
            if row.status is not None:
                # a file that shows each note as written tells a note its reviewer emptied
                # (a decision: the pair keeps none) from one it never showed; without those
                # columns (an older file, a typed row) an empty note keeps the pair's
                note = row.note if row.written is not None else row.note or None
                changed = termbase.set_status(pair_id, row.status, note) or changed
            if changed:
                summary.changed += 1
                summary.changes.append((row.source_term, row.target_term,
                                        row.status or stored.status))
            else:
                summary.unchanged += 1
    return summary


def _edited(row: _Row, stored: TermPair, summary: ApplySummary) -> _Row:
    """``row`` with the cells its reviewer left as the file wrote them replaced by what
    the termbase holds now (no decision: a file older than the pair's last change must
    not put back what it showed). A cell the reviewer changed is a decision, recorded even
    over a pair changed since (the later act; listed in ``redecided``). A blank status
    stays blank (no decision, the note not recorded, as in any file)."""
    assert row.written is not None
    now = (stored.status, stored.source_term, stored.target_term, stored.note)
    cells = (row.written[0] if row.status is None else row.status, row.source_term,
             row.target_term, row.note)
    kept = []
    for field_name, cell, then, current in zip(("status", "source term", "target term",
                                                "note"), cells, row.written, now,
                                               strict=True):
        if cell == then:
            kept.append(current)
            continue
        if current not in (then, cell) and (field_name != "note" or row.status is not None):
            # decided twice: the file's is the later act, so it is recorded, and said
            summary.redecided.append((row.source_term, row.target_term, field_name,
                                      current, cell))
        kept.append(cell)
    if any(cell == then != current for cell, then, current in
           zip(cells, row.written, now, strict=True)):
        summary.newer_kept += 1
    status, source_term, target_term, note = kept
    if row.status is None or (status == stored.status and note == stored.note):
        status = None  # no decision in the row (its spelling may still be one)
    return _Row(row.line, row.key, source_term, target_term, status, note, row.typed,
                row.written)


def _rekeyed(rows: list[_Row], found: list[int | None], termbase: Termbase,
             extractors: dict[str, Extractor | None], name: str
             ) -> tuple[list[_Row], list[int | None]]:
    """``rows`` and their pairs (``found``), a row whose key columns name no pair of the
    termbase matched by the key of its terms by today's rules: a termbase upgraded since
    the file was written holds its pair under the key a migration gave it ("planning ->
    planification" was keyed "plan" before schema 10), and the file was refused as one
    from another termbase. Two rows that name one pair today ("meeting" and "meetings",
    merged by the migration) are one row: the one with a decision, or the first; two
    decisions that differ are refused, naming both rows."""
    if all(pair_id is not None or row.typed for row, pair_id in zip(rows, found, strict=True)):
        return rows, found  # the common file: every row found as written
    kept: dict[tuple[str, str, str, str], tuple[_Row, int | None]] = {}
    for row, pair_id in zip(rows, found, strict=True):
        if pair_id is None and not row.typed:
            key = _key_now(row, termbase, extractors)
            today = termbase.find(*key) if key != row.key else None
            if today is not None:
                row, pair_id = replace(row, key=key), today
        earlier = kept.get(row.key)
        if earlier is None or (not _decided(earlier[0]) and _decided(row)):
            kept[row.key] = (row, pair_id)
        elif _decided(row) and _cells(row) != _cells(earlier[0]):
            raise InputError(name, f"the same pair as row {earlier[0].line} "
                             f"({row.source_term} -> {row.target_term}) since the termbase "
                             "keyed their terms as one, with a different decision", row.line)
    return [row for row, _ in kept.values()], [pair_id for _, pair_id in kept.values()]


def _key_now(row: _Row, termbase: Termbase, extractors: dict[str, Extractor | None]
             ) -> tuple[str, str, str, str]:
    """The key of the pair ``row`` names, as the termbase keys it now: the key a migration
    gave the row's (:meth:`Termbase.renamed`), else that of the row's terms as the file
    wrote them by today's rules (a termbase migrated before it kept the keys it replaced)."""
    renamed = termbase.renamed(*row.key)
    if renamed is not None:
        return (*row.key[:2], *renamed)
    source, target = row.written[1:3] if row.written else (row.source_term, row.target_term)
    return (*row.key[:2], key_today(extractors, row.key[0], row.key[2], source),
            key_today(extractors, row.key[1], row.key[3], target))


def _cells(row: _Row) -> tuple[str, str, str | None, str]:
    return row.source_term, row.target_term, row.status, row.note


def _decided(row: _Row) -> bool:
    """Whether a reviewer changed a cell of ``row`` (status, terms or note) from what the
    file wrote; a row without the written columns counts as decided when it has a status."""
    if row.written is None:
        return row.status is not None
    status = row.written[0] if row.status is None else row.status
    return (status, row.source_term, row.target_term, row.note) != row.written


def _refuse_strangers(rows: list[_Row], termbase: Termbase, name: str) -> None:
    """Refuse a review file whose key columns name pairs the termbase does not hold, in
    languages it holds pairs of: the file was written from another termbase (or over other
    documents). ``rows`` are the file's rows, key columns filled, whose pair was not found."""
    holds: dict[tuple[str, str], bool] = {}
    strangers = []
    for row in rows:
        langs = primary_langs(row.key[:2])
        if langs not in holds:
            holds[langs] = termbase.holds_pairs(*langs)
        if holds[langs]:
            strangers.append(row)
    if not strangers:
        return
    first = strangers[0]
    others = (f" (nor the pairs of {count_of(len(strangers) - 1, 'other row')})"
              if len(strangers) > 1 else "")
    raise InputError(name, f"the termbase holds no pair {first.source_term} -> "
                     f"{first.target_term}{others}: the review file was written from another "
                     "termbase; nothing recorded (to add a pair, type its row without the "
                     "hidden key columns, or give it with --glossary)", first.line)


def _same_term(extractors: dict[str, Extractor | None], lang: str, lemma: str, new: str,
               old: str) -> bool:
    """Whether ``new`` is written like another form of the term ``old`` (lemma ``lemma``)."""
    if lang not in extractors:
        try:
            extractors[lang] = Extractor(lang)
        except ValueError:
            extractors[lang] = None
    extractor = extractors[lang]
    if extractor is None:  # no term rules for the language: nothing to tell forms apart by
        return True
    return extractor.key(new) in (lemma, extractor.key(old))


def _review_sheet(path: str | Path, needed: tuple[str, ...]) -> str:
    """The title of the sheet of a review file that holds its rows: the first whose header
    has the ``needed`` columns, the sheet "review" (as :func:`write_review` names it)
    looked at first. A reviewer may rename it or add a sheet of notes before it: the
    first sheet alone was read, and refused. None having them is refused, naming the
    sheets looked at and what the nearest one lacks."""
    with closing(open_workbook(path, "XLSX review file")) as book:
        titles = list(book.sheetnames)
    order = sorted(titles, key=lambda title: title != "review")  # (stable: then in order)
    best: tuple[str, list[str]] | None = None
    for title in order:
        with closing(workbook_rows(path, prefer=title, what="XLSX review file")) as cells:
            header = {c.strip().lower() for c in next(cells, (1, []))[1]}
        missing = [h for h in needed if h not in header]
        if not missing:
            return title
        if best is None or len(missing) < len(best[1]):
            best = (title, missing)
    title, missing = best if best is not None else ("", list(needed))
    looked = ", ".join(map(repr, order))
    raise InputError(str(path), f"not a review file: missing column(s) {', '.join(missing)} "
                     f"in sheet {title!r} (sheets looked at: {looked})", 1)


def _read_rows(path: str | Path) -> list[_Row]:
    """The rows of a review file, checked on their own (statuses, keys, repeated pairs)."""
    name = str(path)
    if Path(path).suffix.lower() in (".csv", ".tsv", ".txt"):
        # the CSV glossary (`terms --csv`), or the review file saved as CSV, has none of
        # the hidden columns that tie a row to its pair: "not a readable XLSX (File is not a
        # zip file)" left the terminologist guessing why the decisions were not recorded
        raise InputError(name, "a text table, not a review file: terms apply records the "
                         "XLSX that terms --review writes (saved as XLSX, not CSV); a CSV "
                         "glossary's statuses count where it is given to --glossary")
    needed = ("source term", "target term", "status", "note", *KEY_COLUMNS)
    sheet = _review_sheet(path, needed)
    # every row the sheet holds, not just as many as its <dimension> claims (a tool that
    # wrote a stale one would otherwise have the last rows ignored, silently)
    with closing(workbook_rows(path, prefer=sheet, what="XLSX review file")) as cells:
        header = [c.strip().lower() for c in next(cells, (1, []))[1]]
        col = {h: header.index(h) for h in needed}
        # a file written before these columns, or with them deleted, reads as it always did
        has_written = all(h in header for h in WRITTEN_COLUMNS)
        col.update({h: header.index(h) for h in WRITTEN_COLUMNS if has_written})
        rows: list[_Row] = []
        added: list[_Row] = []  # rows a reviewer added, without the hidden key columns
        for line, values in cells:
            def cell(h: str, values=values, line=line) -> str:
                i = col[h]
                value = values[i] if i < len(values) else ""
                if isinstance(value, Uncomputed):
                    # a status or term set by a formula that a script (openpyxl, pandas)
                    # saved without computing it: read as blank, the decision was lost
                    raise InputError(name, f"the {h} cell is a formula without a computed "
                                     f"value ({value}): open and save the file in a "
                                     "spreadsheet program, or type the value", line)
                return value.strip()

            if not any(cell(h) for h in needed):
                continue
            status = cell("status").lower()
            if status and status not in STATUSES:
                raise InputError(name, f"unknown status {cell('status')!r}; expected one of "
                                 f"{', '.join(STATUSES)} (or blank: unchanged)", line)
            for side in ("source term", "target term"):
                if not cell(side):
                    raise InputError(name, f"the {side} is empty", line)
            written = tuple(cell(h) for h in WRITTEN_COLUMNS) if has_written else None
            if written is not None and not all(written[1:3]):
                written = None  # a row typed by hand: nothing was written in it
            elif written is not None:
                written = (written[0].lower(), *written[1:])
            # a line break (Alt+Enter) or tab typed in a term cell is a space: a term is
            # words, and one holding either broke check's one-finding-a-line report and
            # the CSV glossary's columns (the TBX reader reads terms so too)
            row = _Row(line, tuple(cell(h) for h in KEY_COLUMNS),
                       " ".join(cell("source term").split()),
                       " ".join(cell("target term").split()), status or None, cell("note"),
                       written=written)  # type: ignore[arg-type]
            for side, lang in zip(("source lang", "target lang"), row.key[:2], strict=True):
                # a hidden key column edited by hand would make a pair of its own in a
                # language no run extracts terms in
                if lang and term_language(primary(lang)) is None:
                    raise InputError(name, f"the {side} column says {lang!r}, a language "
                                     "terms are not extracted in (the hidden key columns "
                                     "are the file's own: leave them as written)", line)
            if not all(row.key):
                added.append(row)  # its key is made once the file's languages are known
                continue
            rows.append(row)
    # (by primary language, as the termbase keys pairs: an older file says en-GB/fr-FR)
    rows += _keyed(added, {primary_langs(row.key[:2]) for row in rows}, name)
    return _without_repeats(rows, name)


def _keyed(added: list[_Row], langs: set[tuple[str, str]], name: str) -> list[_Row]:
    """The rows a reviewer added by hand (no hidden key columns), given the key of the
    pair they name: the file's language pair, and the lemmas of their terms. A row whose
    key cannot be made (a file of several language pairs, or of none; a language without
    term rules; a key column partly filled) is refused, naming the row."""
    keyed = []
    for row in added:
        missing = [h for h, v in zip(KEY_COLUMNS, row.key, strict=True) if not v]
        if any(row.key) or len(langs) != 1:
            why = ("" if any(row.key) else f"; its languages cannot be told from the file, "
                   f"which holds {len(langs)} language pairs")
            raise InputError(name, f"row {row.source_term} -> {row.target_term} has no "
                             f"{', '.join(missing)} (hidden columns){why}: fill them in as "
                             "in the other rows, or add the pair with --glossary", row.line)
        (source_lang, target_lang), = langs
        try:
            lemmas = (Extractor(source_lang).key(row.source_term),
                      Extractor(target_lang).key(row.target_term))
        except ValueError as exc:
            raise InputError(name, f"row {row.source_term} -> {row.target_term}: {exc}",
                             row.line) from None
        if not all(lemmas):
            raise InputError(name, f"row {row.source_term} -> {row.target_term}: a term "
                             "without a word to match", row.line)
        keyed.append(_Row(row.line, (source_lang, target_lang, *lemmas), row.source_term,
                          row.target_term, row.status, row.note, typed=True))
    return keyed


def _without_repeats(rows: list[_Row], name: str) -> list[_Row]:
    """``rows`` with a pair named twice alike once; named twice differently: refused."""
    by_key: dict[tuple[str, str, str, str], _Row] = {}
    kept = []
    for row in rows:
        earlier = by_key.setdefault(row.key, row)
        if earlier is not row:
            if (earlier.source_term, earlier.target_term, earlier.status, earlier.note) != (
                    row.source_term, row.target_term, row.status, row.note):
                raise InputError(name, f"the same pair as row {earlier.line} "
                                 f"({row.source_term} -> {row.target_term}), with a "
                                 "different decision", row.line)
            continue
        kept.append(row)
    return kept
