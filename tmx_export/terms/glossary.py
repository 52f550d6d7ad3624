"""Plain glossaries: two columns of terms (TSV, CSV or XLSX), read as known pairs, written as
lists.

Reading accepts what translators keep in spreadsheets: UTF-8/UTF-16/cp1252 text, tab-,
comma- or semicolon-separated (chosen from the content, not the name, as a table's
delimiter: :func:`~tmx_export.formats.table.sniff_dialect`), an optional header row naming the
columns (``source``/``target``, ``source term``/``target term`` or the language codes), extra
columns ignored; a workbook's sheet is read as a CSV's rows (:func:`_sheet_rows`), the
review file aside. A ``status`` column (what ``terms --csv`` writes) gives
each pair its review status: only ``approved`` pairs are known pairs then, as from a
termbase; without one every pair is approved. ``.tbx`` files are handed to
:func:`tmx_export.terms.tbx.read_tbx`, and so are TBX files of other names (``.xml``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..formats.table import (
    TITLE_ROWS,
    Uncomputed,
    delimited_rows,
    named_language,
    sheet_titles,
    sniff_dialect,
    table_header,
    workbook_rows,
)
from ..formats.text import csv_output, neutralise_cell, read_text, restore_cell
from ..lang import parse_tag, primary, standard_tag
from ..model import Say, count_of
from .tbx import GlossaryEntry, read_tbx
from .termpair import STATUSES, TermPair

# Words of a header row that are no language even when they spell a tag ("src" is one).
_COLUMN_WORDS = {"source", "target", "term", "src", "tgt", "source term", "target term",
                 "status", "count", "termhood", "note", "notes", "comment", "domain"}
_HEADER_WORDS = {"source", "target", "term", "src", "tgt", "en", "fr", "english", "french",
                 "source term", "target term", "source text", "target text",
                 "source segment", "target segment"}


def read_glossary(path: str | Path, source_lang: str = "en", target_lang: str = "fr",
                  left_out: Counter[str] | None = None, *, say: Say = None
                  ) -> list[GlossaryEntry]:
    """Known term pairs from a TSV, CSV, XLSX or TBX file: the approved ones. ``left_out`` counts
    the pairs left out by their status: a TBX's proposed entries (see
    :func:`~tmx_export.terms.tbx.read_tbx`), a table's proposed, rejected and forbidden rows
    (a forbidden rendering is no rendering to steer towards). ``say`` hears what the user
    should know of a table (see :func:`read_glossary_table`)."""
    if _is_tbx(path):
        return read_tbx(path, source_lang, target_lang, left_out)
    rows = read_glossary_table(path, source_lang, target_lang, say=say)
    kept = [row for row in rows if row.status in (None, "approved")]
    if not kept:
        raise InputError(str(path), f"no approved term pair in the glossary: {_held(rows)}")
    if left_out is not None:
        left_out.update(row.status for row in rows if row.status not in (None, "approved"))
    return kept


def left_out_lines(left_out: Counter[str]) -> list[str]:
    """What a run says of the pairs :func:`read_glossary` left out by their status (its
    ``left_out``): how many it will not use, since nobody approved them."""
    lines = []
    if left_out["proposed"]:
        lines.append(f"glossary: {left_out['proposed']} proposed pair(s) left out "
                     "(not reviewed)")
    for status in ("rejected", "forbidden"):  # a table's other rows no glossary pair
        if left_out[status]:
            lines.append(f"glossary: {left_out[status]} {status} pair(s) left out")
    return lines


def read_glossary_table(path: str | Path, source_lang: str = "en", target_lang: str = "fr",
                        *, say: Say = None) -> list[GlossaryEntry]:
    """Every pair of a TSV, CSV or XLSX glossary, with its review status when a ``status``
    column gives one (lower case, one of :data:`~tmx_export.terms.termpair.STATUSES`), else
    ``None`` (a plain glossary: every pair approved). A status cell blank or unknown is
    refused: the pair may be a guess nobody reviewed, and must not pass for approved.

    ``say`` hears the rows read as notes and a glossary read turned round ("g.tsv: the
    glossary is fr -> en: read turned round, as en-GB -> fr-FR"); the command line says
    them on stderr, a script passing none hears nothing (it printed them on its stderr)."""
    name = str(path)
    workbook = _is_zip(path)
    rows: Iterable[tuple[int, list[str]]]
    if workbook:
        # terminologists keep glossaries in Excel: its sheet is read as a CSV's rows
        rows = _sheet_rows(path, source_lang, target_lang)
    else:
        text = read_text(path)
        # The delimiter as the table's lines show it, as a table's is chosen, the comments
        # above it aside: the first line alone took a title's comma ("Fisheries glossary,
        # 2019") for the delimiter of a table of semicolons, and refused the glossary.
        lines = text.splitlines(keepends=True)
        opening = next((at for at, line in enumerate(lines)
                        if line.strip() and not line.lstrip().startswith("#")), len(lines))
        delimiter, quote, skip_spaces = sniff_dialect("".join(lines[opening:]))
        rows = delimited_rows(text, delimiter, quote, skip_spaces=skip_spaces)
    # (a CSV cell starting like a formula was written with a "'" before it, which goes;
    # a workbook's cell holds the text as typed)
    restore = (lambda cell: cell) if workbook else restore_cell
    entries: list[GlossaryEntry] = []
    columns = (0, 1)
    status_column: int | None = None
    opening = True  # no row read yet: comment lines, then a header row, may come first
    named = False  # a header row named the columns' languages
    # Rows of one cell above the first row of two (a title, a date: as for tables, at most
    # TITLE_ROWS): notes when a header row follows them, else the first is no term pair.
    titles: list[int] = []
    notes: list[tuple[int, list[str]]] = []  # rows below the header that are no term pair
    # (each row with the line it starts on: a quoted cell may hold line breaks, a
    # definition over three lines, after which counting rows named the wrong line)
    for line, row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if opening and cells[0].startswith("#"):
            continue  # "# Approved pairs of ...": a note above the table, no term pair
        if opening and sum(map(bool, cells)) == 1 and len(titles) < TITLE_ROWS \
                and not _is_header(cells, source_lang, target_lang):
            titles.append(line)
            continue
        languages = _header_languages(cells) if opening else {}
        if languages:
            columns = _language_columns(languages, source_lang, target_lang, name, line, say)
            status_column = _status_column(cells)
            opening, named = False, True
            continue
        if opening and _is_header(cells, source_lang, target_lang):
            columns = _columns(cells, source_lang, target_lang)
            status_column = _status_column(cells)
            opening = False
            continue
        if opening and titles:
            raise InputError(name, "expected a source term and a target term", titles[0])
        for at in (*columns, status_column):
            if at is not None and at < len(row) and isinstance(row[at], Uncomputed):
                # read as blank, a formula saved without its value (openpyxl and pandas
                # save none) made its pair a note, or a status "no status"
                raise InputError(name, f"a formula without a computed value ({row[at]}): "
                                 "open and save the workbook in a spreadsheet program", line)
        filled = [cell for cell in cells if cell]
        if len(filled) == 1 or (len(cells) > max(columns) and any(
                cells[c] and not any(ch.isalpha() for ch in cells[c]) for c in columns)):
            # A row of one cell in the table ("Total: 3 terms", a section's name), or with
            # a term that is no word ("Total:", "3"): a note, as the rows above the header
            # are (as a table's rejects), said on stderr; it refused the whole glossary, or
            # made "3" the rendering of "Total:". Above the table ("Fisheries glossary",
            # "2019") it leaves the header row to come a header.
            notes.append((line, filled))
            continue
        opening = False
        if len(cells) <= max(columns) or not cells[columns[0]] or not cells[columns[1]]:
            raise InputError(name, "expected a source term and a target term", line)
        sources, targets = (_synonyms(restore(cells[c])) for c in columns)
        status = (None if status_column is None
                  else _status(cells, status_column, name, line, restore))
        # every source term with every target term of the row, as a TBX entry's terms
        entries.extend(GlossaryEntry(source, target, status=status)
                       for source in sources for target in targets)
    if not entries and (titles or notes):  # a table of notes only: none is a note then
        raise InputError(name, "expected a source term and a target term",
                         (titles or [notes[0][0]])[0])
    if not entries:
        raise InputError(name, "no term pairs in the glossary")
    if notes and say is not None:
        say(_notes_line(name, notes))
    if not named:
        _check_unnamed_languages(entries, source_lang, target_lang, name)
    return entries


# The mean word lean (:func:`~tmx_export.lang.text_lean`) towards its own language above
# which a glossary side is taken to be in it without asking the other languages' lists:
# the terms of the Europarl and DGT-TM extractions lean 1.3 (English) to 2.1 (French);
# German terms read as French lean 0.04.
_OWN_LANGUAGE_LEAN = 0.5


def _synonyms(cell: str) -> list[str]:
    """The terms of a glossary cell: synonyms are kept in one cell, separated by
    semicolons ("fishing vessel; fishing boat"), and read whole they matched no text."""
    return [term for term in (part.strip() for part in cell.split(";")) if term] or [cell]


def _notes_line(name: str, notes: list[tuple[int, list[str]]]) -> str:
    """What a run says of the rows of a glossary read as notes: how many, and the first
    three with their lines (a glossary has no rejects report)."""
    shown = ", ".join(f"line {line} {' | '.join(cells)!r}" for line, cells in notes[:3])
    more = f" and {len(notes) - 3} more" if len(notes) > 3 else ""
    what = "a note, not a term pair" if len(notes) == 1 else "notes, not term pairs"
    return (f"{name}: {count_of(len(notes), 'row')} read as {what} (one cell, or a term "
            f"with no letter): {shown}{more}")


def _check_unnamed_languages(entries: list[GlossaryEntry], source_lang: str,
                             target_lang: str, name: str) -> None:
    """Refuse a glossary whose header names no language (``source,target``, as ``terms
    --csv`` writes it, or none) when the words of its terms of one side are clearly in a
    third language: an EN -> DE glossary given to an EN -> FR check had every German
    term reported missing from the French, and anchored nothing in a build."""
    from ..lang import leans_at_least, third_language_by_words

    for side, lang, other in (("target", target_lang, source_lang),
                              ("source", source_lang, target_lang)):
        terms = " ".join(entry.target if side == "target" else entry.source
                         for entry in entries[:500])
        if leans_at_least(terms, primary(lang), primary(other), _OWN_LANGUAGE_LEAN):
            continue  # its words are its language's: the usual glossary, asked no more
        # (every language's word list is read for this: some 30 MB of pages mapped)
        third = third_language_by_words(terms, primary(lang), primary(other))
        if third is not None:
            raise InputError(name, f"the glossary's {side} terms read as {third}, not "
                             f"{lang} (its header names no language: name the columns "
                             f"with their languages, e.g. {source_lang},{target_lang})")


# Hidden key columns of a review file (:data:`tmx_export.terms.review.KEY_COLUMNS`; that
# module comes after this one), which no glossary has: what tells one given to --glossary.
_REVIEW_COLUMNS = {"source lang", "target lang", "source lemma", "target lemma"}


def _sheet_rows(path: str | Path, source_lang: str, target_lang: str
                ) -> Iterator[tuple[int, list[str]]]:
    """The rows of an XLSX glossary's sheet, read as every workbook is (its archive bounded
    first, a formula saved without its value told from an empty cell): its only visible
    sheet, else the one whose header names the pair's two languages, else the first. Two
    sheets naming them are refused (either could be the glossary meant), and so is a review
    file (``terms --review``): a blank status there means "unchanged", which only the
    termbase it was written from knows."""
    name = str(path)
    titles, hidden = sheet_titles(path)
    visible = [title for title in titles if title not in hidden]
    if not visible:
        raise InputError(name, f"every sheet is hidden ({', '.join(map(repr, hidden))})")
    wanted = {primary(source_lang), primary(target_lang)}
    named = []
    for title in visible:
        header = table_header(path, sheet=title, table_format_name="xlsx") or []
        if _REVIEW_COLUMNS <= {cell.lower() for cell in header}:
            raise InputError(name, "a review file (`terms --review`), not a glossary: record "
                             "its decisions with `terms apply` and give the termbase, or "
                             "its `terms --csv` or `--tbx` export")
        if wanted <= {primary(tag) for tag in _header_languages(header).values()}:
            named.append(title)
    if len(named) > 1:
        raise InputError(name, f"sheets {', '.join(map(repr, named))} each have a column "
                         f"for {source_lang} and {target_lang}: keep the glossary's sheet "
                         "alone in a workbook, or save it as CSV")
    title = named[0] if named else visible[0]
    return workbook_rows(path, prefer=title, what="XLSX glossary")


def _is_tbx(path: str | Path) -> bool:
    """Whether ``path`` is a TBX file, by its name or, as ``check`` tells it, its content:
    a termbase exported as ``.xml`` was read as a CSV glossary, and refused at line 1
    ("expected a source term and a target term")."""
    from ..inputs import detect_format

    if str(path).lower().endswith(".tbx"):
        return True
    try:
        return detect_format(path) == "tbx"
    except InputError:  # unreadable, empty, other XML: the glossary reader says what it is
        return False


def _is_zip(path: str | Path) -> bool:
    """Whether ``path`` starts as a ZIP archive (an XLSX workbook) does; ``False`` when it
    cannot be read (the text reader says why)."""
    if str(path) == "-":
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _header_languages(cells: list[str]) -> dict[int, str]:
    """The language columns of a header row that names two or more ("en-GB", "fr",
    "English", "French (France)"): column -> its standard tag; else {}. A cell is a language
    when it is a known tag whose language has two letters, or that has a region or script
    ("en", "fr-FR", "deu-DE"): a term of three letters ("the", "tax") is not read as one;
    or when it spells a language's name, as spreadsheets head their columns: read without
    the names, "English, German, French" or "English, POS, French" had their second column
    read as the French terms."""
    found = {}
    for at, cell in enumerate(cells):
        tag = parse_tag(cell) if cell.lower() not in _COLUMN_WORDS else None
        if tag is None or tag.private or not (len(tag.language) == 2 or tag.region
                                               or tag.script):
            # (names as a table's header spells them: "French (France)", "English term")
            if (named := named_language(cell)) is not None:
                found[at] = named
            continue
        try:
            found[at] = standard_tag(cell)
        except ValueError:
            continue
    return found if len(found) >= 2 else {}


def _language_columns(languages: dict[int, str], source_lang: str, target_lang: str,
                      name: str, line: int, say: Say = None) -> tuple[int, int]:
    """The (source, target) columns of a glossary whose header names its languages: those
    of the pair checked or built (the tag itself, else by primary subtag), in either order
    (a glossary turned round is said to ``say``); a glossary of other languages is refused,
    never read as if it were of these, and so is one with two columns that could be one
    language's ("fr-BE" and "fr-CH", "fr" twice): either could be the one meant."""
    primaries = {at: primary(tag) for at, tag in languages.items()}
    wanted = primary(source_lang), primary(target_lang)
    if wanted[0] not in primaries.values() or wanted[1] not in primaries.values() \
            or wanted[0] == wanted[1]:
        held = " -> ".join(primaries.values())
        raise InputError(name, f"the glossary is for {held}, not {source_lang} -> "
                         f"{target_lang} (its header row names the languages)", line)

    def column(lang: str) -> int:
        found = [at for at, tag in languages.items() if primary(tag) == primary(lang)]
        exact = [at for at in found if languages[at].lower() == standard_tag(lang).lower()]
        if len(exact) == 1 or len(found) == 1:
            return (exact or found)[0]
        raise InputError(name, f"{len(found)} columns could be {lang} ("
                         f"{', '.join(languages[at] for at in found)}): name the one to "
                         "read by its tag and rename the others", line)

    source, target = column(source_lang), column(target_lang)
    if source > target and say is not None:
        say(f"{name}: the glossary is {primaries[target]} -> {primaries[source]}: "
            f"read turned round, as {source_lang} -> {target_lang}")
    return source, target


def _status_column(header: list[str]) -> int | None:
    lowered = [c.lower() for c in header]
    return lowered.index("status") if "status" in lowered else None


def _status(cells: list[str], column: int, name: str, line: int,
            restore: Callable[[str], str] = restore_cell) -> str:
    status = restore(cells[column]).lower() if column < len(cells) else ""
    if status not in STATUSES:
        found = f"unknown status {status!r}" if status else "no status"
        raise InputError(name, f"{found}; expected one of {', '.join(STATUSES)}", line)
    return status


def _held(rows: list[GlossaryEntry]) -> str:
    """What a glossary of no approved pair holds instead: "3 proposed, 1 rejected"."""
    counts = Counter(row.status for row in rows)
    return ", ".join(f"{n} {status}" for status, n in counts.most_common())


def _is_header(cells: list[str], source_lang: str, target_lang: str) -> bool:
    words = {c.lower() for c in cells}
    langs = {source_lang.lower(), target_lang.lower(), primary(source_lang),
             primary(target_lang)}
    return bool(words & (_HEADER_WORDS | langs))


def _columns(cells: list[str], source_lang: str, target_lang: str) -> tuple[int, int]:
    lowered = [c.lower() for c in cells]

    def find(*names: str, default: int) -> int:
        for name in names:
            if name in lowered:
                return lowered.index(name)
        return default

    source = find("source", "source term", "source text", "source segment", source_lang.lower(),
                  primary(source_lang), "src", default=0)
    target = find("target", "target term", "target text", "target segment", target_lang.lower(),
                  primary(target_lang), "tgt", default=1 if source != 1 else 0)
    return source, target


def write_glossary(pairs: Iterable[TermPair], path: str | Path, source_lang: str | None = None,
                   target_lang: str | None = None) -> int:
    """A plain CSV glossary: the source and target terms, count, termhood, status (one row
    per pair but the rejected ones, which no glossary offers, as no TBX does: a tool that
    reads the first two columns would offer them as translations).

    The term columns are headed by their languages (``source_lang``, ``target_lang``; by
    default the first pair's), as CAT tools head a glossary's: headed ``source`` and
    ``target``, the file read back by a run in the other direction (``--glossary`` of a
    French -> English check) took the English terms for the French ones, where a header
    of languages is turned round (:func:`read_glossary_table`).

    A spreadsheet opens it, so a text cell starting like a formula gets a ``'`` before it
    (:func:`~tmx_export.formats.text.neutralise_cell`); every other cell is written as it is.
    """
    if source_lang is None or target_lang is None:
        pairs = list(pairs)
        first = pairs[0] if pairs else None
        source_lang = source_lang or (first.source_lang if first else "source")
        target_lang = target_lang or (first.target_lang if first else "target")
    count = 0
    with csv_output(path) as writer:
        writer.writerow([source_lang, target_lang, "count", "termhood", "status"])
        for pair in pairs:
            if pair.status == "rejected":
                continue
            writer.writerow([neutralise_cell(pair.source_term),
                             neutralise_cell(pair.target_term), pair.count,
                             f"{pair.termhood:.2f}", neutralise_cell(pair.status)])
            count += 1
    return count
