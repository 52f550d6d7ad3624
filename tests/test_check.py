"""`tmx-export check` end to end: findings on real memories, the reports, accepted findings,
choosing checks, and the exit status that gates a pipeline."""

from __future__ import annotations

import codecs
import csv
import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from tmx_export.check.model import CHECKS, REPORT_COLUMNS
from tmx_export.check.run import CheckOptions

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"
DGT = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"


def run(*args: str):
    from tmx_export.cli import main

    return CliRunner().invoke(main, list(args))


def planted_memory(tmp_path: Path) -> Path:
    """The DGT memory with two errors planted: a number changed, a target left in English."""
    tree = etree.parse(str(DGT))
    changed = untranslated = None
    for tu in tree.iter("tu"):
        segs = {tuv.get("lang", "").upper(): tuv.find("seg") for tuv in tu.iter("tuv")}
        en, fr = segs.get("EN-GB"), segs.get("FR-FR")
        if en is None or fr is None or not (fr.text or "").strip():
            continue
        if changed is None and "2019" in (fr.text or "") and "2019" in (en.text or ""):
            fr.text = fr.text.replace("2019", "2018", 1)
            changed = tu.get("tuid") or ""
        elif untranslated is None and len((en.text or "").split()) > 8:
            fr.text = en.text
            untranslated = tu.get("tuid") or ""
    assert changed is not None and untranslated is not None
    out = tmp_path / "planted.tmx"
    tree.write(str(out), encoding="UTF-16")
    return out


def test_planted_errors_are_found_and_fail_the_run(tmp_path: Path) -> None:
    memory = planted_memory(tmp_path)
    result = run("check", str(memory))
    assert result.exit_code == 1, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    found = {(fields[1], fields[3]) for fields in lines}
    assert ("number-mismatch", "2018") in found
    assert any(check == "untranslated" for check, _ in found)
    assert "units checked" in result.stderr
    # the unmodified memory has no error of these kinds
    clean = run("check", str(DGT), "--checks", "number-mismatch,untranslated")
    assert clean.exit_code == 0, clean.output


def test_each_finding_printed_is_one_line_of_five_fields() -> None:
    # A target left as its source, the LISA kit's segment with tabs in it: the item was
    # printed over three columns (`cut -f4` gave "First segment with [").
    memory = DATA / "check_tab_untranslated_en_fr.tmx"
    result = run("check", str(memory), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("#1\tuntranslated\terror\tFirst segment with [\\t\\t   ]"
                             "\ta translation into fr-CA\n")


def test_reports_in_every_format(tmp_path: Path) -> None:
    memory = planted_memory(tmp_path)
    for ending in ("tsv", "csv", "html", "xlsx"):
        report = tmp_path / f"findings.{ending}"
        result = run("check", str(memory), "--report", str(report), "--fail-on", "never")
        assert result.exit_code == 0, result.output
        assert report.exists()
    rows = (tmp_path / "findings.tsv").read_text("utf-8").splitlines()
    assert rows[0].split("\t") == list(REPORT_COLUMNS)
    with (tmp_path / "findings.csv").open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [*REPORT_COLUMNS, "decision"] and len(table) == len(rows)
    page = (tmp_path / "findings.html").read_text("utf-8")
    assert "<h2 id=\"number-mismatch\">" in page and "<mark>2018</mark>" in page
    # each row says where its unit is, not its tuid alone (two memories may share tuids)
    first = rows[1].split("\t")
    assert f'{first[0]}<br><span class="at">{memory}:{first[2]}</span>' in page
    sheet = load_workbook(tmp_path / "findings.xlsx").active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert header == [*REPORT_COLUMNS, "decision"] and sheet.max_row == len(rows)


def _review(report: Path, mark: Callable[[int, str], str | None]) -> int:
    """Mark the rows of an XLSX findings report as a reviewer does: each row's decision
    is ``mark(row, its check)`` where that is not None. The number of rows marked."""
    book = load_workbook(report)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    column, decision = header.index("check") + 1, header.index("decision") + 1
    marked = 0
    for row in range(2, sheet.max_row + 1):
        value = mark(row, sheet.cell(row, column).value)
        if value:
            sheet.cell(row, decision).value = value
            marked += 1
    book.save(report)
    return marked


def test_accepted_findings_are_not_reported_again(tmp_path: Path) -> None:
    memory = planted_memory(tmp_path)
    report = tmp_path / "review.xlsx"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    accepted = _review(report, lambda _, check: "false alarm"
                       if check == "number-mismatch" else None)
    assert accepted >= 1
    again = run("check", str(memory), "--accept", str(report))
    assert f"{accepted} accepted before, not reported" in again.stderr
    assert "number-mismatch" not in again.stdout and "none of the" not in again.stderr
    # the decisions of another memory's report match nothing here: said, not silent
    other = run("check", str(DGT), "--accept", str(report), "--fail-on", "never")
    assert other.exit_code == 0, other.output
    said = (f"the finding accepted in {report} is not" if accepted == 1 else
            f"none of the {accepted} findings accepted in {report} is")
    assert f"{said} one of this run's" in other.stderr, other.stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("check\tsource\ttarget\titem\tdecision\nx\ty\tz\tw\tmaybe\n", "utf-8")
    refused = run("check", str(memory), "--accept", str(bad))
    assert refused.exit_code == 2 and "bad.tsv:2: unknown decision 'maybe'" in refused.stderr


def test_a_decision_typed_with_extra_spaces_is_read(tmp_path: Path) -> None:
    # "false  alarm" (two spaces, or a no-break space a spreadsheet's autocorrect puts)
    # was refused as an unknown decision, though spaces around it and any case were read
    memory = planted_memory(tmp_path)
    report = tmp_path / "review.xlsx"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    marks = ["False  Alarm", "false\u00a0alarm ", " OK", "false \t alarm"]
    rows = _review(report, lambda row, _: marks[row % len(marks)])
    again = run("check", str(memory), "--accept", str(report))
    assert again.exit_code == 0, again.stderr
    assert f"{rows} accepted before, not reported" in again.stderr
    assert again.stdout == ""


def test_a_finding_marked_fix_is_reported_though_its_twin_was_marked_ok(
        tmp_path: Path) -> None:
    """A unit repeated in the memory gives the same finding twice, which the report's key
    does not tell apart: one row marked ok does not hide the one marked fix (the gate
    would open on an error the reviewer asked to fix)."""
    tu = ('<tu tuid="{}"><tuv xml:lang="en-GB"><seg>The fee is 12 euros.</seg></tuv><tuv '
          'xml:lang="fr-FR"><seg>La redevance est de 13 euros.</seg></tuv></tu>')
    memory = tmp_path / "twice.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                      'srclang="en-GB" segtype="sentence" o-tmf="x" adminlang="en" '
                      'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>'
                      + tu.format(1) + tu.format(2) + "</body></tmx>\n", encoding="utf-8")
    report = tmp_path / "review.tsv"
    assert run("check", str(memory), "--report", str(report)).exit_code == 1
    rows = report.read_text(encoding="utf-8").splitlines()
    assert [row.split("\t")[3] for row in rows[1:]] == ["number-mismatch"] * 2
    for decisions, status, shown in ((("ok", "fix"), 1, 1), (("ok", "ok"), 0, 0),
                                     (("false alarm", ""), 0, 0)):
        reviewed = tmp_path / "reviewed.tsv"
        reviewed.write_text("\n".join([rows[0] + "\tdecision"] + [
            f"{row}\t{decision}" for row, decision in zip(rows[1:], decisions, strict=True)])
            + "\n", encoding="utf-8")
        again = run("check", str(memory), "--accept", str(reviewed))
        assert again.exit_code == status, (decisions, again.output)
        assert again.stdout.count("number-mismatch") == shown * 2, decisions


def test_a_finding_marked_fix_keeps_its_mark_in_the_next_report(tmp_path: Path) -> None:
    """The reviewer's "fix" is carried into the report of the next run while the finding is
    still there (it was a blank cell: the marks were lost at every round), and the summary
    says how many; an accepted finding stays out, a fixed one is gone."""
    memory = planted_memory(tmp_path)
    first = tmp_path / "review1.xlsx"
    assert run("check", str(memory), "--report", str(first), "--fail-on", "never"
               ).exit_code == 0
    book = load_workbook(first)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    decision, check = header.index("decision") + 1, header.index("check") + 1
    marked = {}
    for row in range(2, sheet.max_row + 1):
        name = sheet.cell(row, check).value
        if name in ("number-mismatch", "untranslated") and name not in marked:
            sheet.cell(row, decision).value = "fix"
            marked[name] = row
        elif name not in ("number-mismatch", "untranslated"):
            sheet.cell(row, decision).value = "ok"
    book.save(first)
    assert set(marked) == {"number-mismatch", "untranslated"}
    second = tmp_path / "review2.xlsx"
    again = run("check", str(memory), "--accept", str(first), "--report", str(second))
    assert again.exit_code == 1, again.output
    assert "2 marked fix before, still there" in again.stderr, again.stderr
    rows = list(load_workbook(second).active.iter_rows(values_only=True))
    assert rows[0] == tuple(header)
    kept = {row[check - 1]: row[decision - 1] for row in rows[1:]}
    assert kept == {"number-mismatch": "fix", "untranslated": "fix"}, rows
    # one of them fixed in the memory: the other keeps its mark, nothing else comes back
    tree = etree.parse(str(memory))
    for tu in tree.iter("tu"):
        segs = {tuv.get("lang", "").upper(): tuv.find("seg") for tuv in tu.iter("tuv")}
        en, fr = segs.get("EN-GB"), segs.get("FR-FR")
        if en is not None and fr is not None and "2018" in (fr.text or "") \
                and "2018" not in (en.text or ""):
            fr.text = fr.text.replace("2018", "2019")
    fixed = tmp_path / "fixed.tmx"
    tree.write(str(fixed), encoding="UTF-16")
    third = tmp_path / "review3.xlsx"
    after = run("check", str(fixed), "--accept", str(first), "--report", str(third))
    assert "1 marked fix before, still there" in after.stderr, after.stderr
    rows = list(load_workbook(third).active.iter_rows(values_only=True))
    marks = [(row[check - 1], row[decision - 1]) for row in rows[1:]]
    assert ("untranslated", "fix") in marks and "number-mismatch" not in dict(marks)
    # the changed unit's other findings are new ones (its target changed): undecided
    others = [row for row in rows[1:] if row[check - 1] != "untranslated"]
    assert others and all(row[decision - 1] is None and "1/2019" in row[header.index("target")]
                          for row in others), others


def test_a_full_temporary_directory_is_named_not_the_report(tmp_path: Path,
                                                            monkeypatch) -> None:
    """The consistency checks put texts aside in a temporary file: when it cannot be
    written, the error names the temporary directory, whose disk is full, not the report
    (whose disk may have room)."""
    import tempfile

    from tmx_export.check import consistency

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(consistency, "SPILL_AFTER", 10)
    monkeypatch.setattr(consistency.tempfile, "TemporaryFile", full)
    report = tmp_path / "findings.tsv"
    result = run("check", str(DGT), "--report", str(report), "--jobs", "1")
    assert result.exit_code == 2
    assert result.stderr == (f"tmx-export: error: {tempfile.gettempdir()}: cannot write a "
                             "temporary file: No space left on device (set TMPDIR to a "
                             "directory with room)\n")
    assert list(tmp_path.iterdir()) == []


def test_a_unit_without_a_tuid_is_named_by_its_place_not_as_another_units_tuid(
        tmp_path: Path) -> None:
    """Memories merged from several tools mix units with and without a tuid: one without
    is named "#N" (its place), which the real tuid "N" of another unit cannot be taken
    for; the consistency finding on it names the other unit."""
    def tu(source: str, target: str, tuid: str | None) -> str:
        attrs = f' tuid="{tuid}"' if tuid else ""
        return (f'<tu{attrs}><tuv xml:lang="en-GB"><seg>{source}</seg></tuv><tuv '
                f'xml:lang="fr-FR"><seg>{target}</seg></tuv></tu>')

    memory = tmp_path / "mixed.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                      'srclang="en-GB" segtype="sentence" o-tmf="x" adminlang="en" '
                      'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>'
                      + tu("The Committee shall meet.", "Le comité se réunit.", "3")
                      + tu("The fee is 12 euros.", "La redevance est de 13 euros.", "2")
                      + tu("The Committee shall meet.", "Le comité se réunira.", None)
                      + "</body></tmx>\n", encoding="utf-8")
    result = run("check", str(memory), "--fail-on", "never")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(row[0], row[1]) for row in rows] == [("2", "number-mismatch"),
                                                  ("#3", "inconsistent-target")]
    assert rows[1][-1] == "the translation of tuid 3"


def test_a_named_pipe_is_refused_with_the_way_to_read_it(tmp_path: Path) -> None:
    """A pipe (a process substitution, a FIFO) can be read once, where the inputs are read
    more than once: refused, saying to give it as standard input, which works."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "memory.tmx"
    os.mkfifo(fifo)
    result = run("check", str(fifo))
    assert result.exit_code == 2
    assert result.stderr == (f"tmx-export: error: {fifo}: not a regular file: a pipe or a "
                             "device can be read only once; give it as standard input "
                             "('-')\n")
    from tmx_export.cli import main

    piped = CliRunner().invoke(main, ["check", "-", "--fail-on", "never"],
                               input=SEED.read_bytes())
    assert piped.exit_code == 0 and "units checked" in piped.stderr


def test_a_csv_report_saved_with_semicolons_is_read_back(tmp_path: Path) -> None:
    # what a spreadsheet in a French, German or Polish locale saves: ";" and a BOM
    memory = planted_memory(tmp_path)
    report = tmp_path / "findings.csv"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-1] == "decision"
    for row in rows[1:]:
        row[-1] = "false alarm" if row[3] == "number-mismatch" else ""
    saved = tmp_path / "saved.csv"
    with saved.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    again = run("check", str(memory), "--accept", str(saved))
    assert "1 accepted before, not reported" in again.stderr, again.output
    assert "number-mismatch" not in again.stdout


def test_a_csv_report_opens_in_a_spreadsheet_with_its_accents(tmp_path: Path) -> None:
    """Excel, double-clicked, reads a UTF-8 CSV without a byte order mark in the Windows
    code page: the French side of every finding showed "Ã©" for "é". Written with one, as
    Excel saves "CSV UTF-8"; saved back by a French Excel in its code page, with
    semicolons and CRLF, the decisions still hold on the accented texts."""
    memory = planted_memory(tmp_path)
    report = tmp_path / "findings.csv"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    data = report.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data[len(codecs.BOM_UTF8):].decode("utf-8"),
                                       newline="")))
    assert rows[0][:len(REPORT_COLUMNS)] == list(REPORT_COLUMNS)
    accented = [row for row in rows[1:] if "é" in row[6]]
    assert accented and not any("Ã" in row[6] for row in rows[1:])
    for row in rows[1:]:
        row[-1] = "ok" if row in accented else ""
    saved = tmp_path / "saved.csv"
    with saved.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    again = run("check", str(memory), "--accept", str(saved), "--fail-on", "never")
    assert f"{len(accented)} accepted before, not reported" in again.stderr, again.output


def test_a_csv_report_has_a_decision_column_that_carries_fix_marks(tmp_path: Path) -> None:
    """The CSV report had no ``decision`` column: `--accept` refused it as given back
    ("no column decision") unless the reviewer added one of that exact name. It has one
    now, after the documented columns, as the XLSX; a finding marked ``fix`` and found
    again keeps its mark in the next report, as in the XLSX."""
    memory = planted_memory(tmp_path)
    report = tmp_path / "findings.csv"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*REPORT_COLUMNS, "decision"]
    assert all(len(row) == len(rows[0]) and row[-1] == "" for row in rows[1:])
    marks = {"number-mismatch": "fix", "untranslated": "false alarm"}
    for row in rows[1:]:
        row[-1] = marks.get(row[3], "")
    saved = tmp_path / "saved.csv"
    with saved.open("w", encoding="cp1252", newline="") as handle:  # a French Excel's save
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    second = tmp_path / "second.csv"
    again = run("check", str(memory), "--accept", str(saved), "--report", str(second),
                "--fail-on", "never")
    assert again.exit_code == 0, again.output
    with second.open(encoding="utf-8-sig", newline="") as handle:
        carried = {(row[3], row[-1]) for row in list(csv.reader(handle))[1:]}
    assert ("number-mismatch", "fix") in carried
    assert "untranslated" not in {check for check, _ in carried}


def test_the_xlsx_report_keeps_tuids_and_lines_as_numbers(tmp_path: Path) -> None:
    table = tmp_path / "m.tsv"
    table.write_text("en\tfr\n" + "".join(f"Article {n} applies.\tL'article {n + 1} "
                                            "s'applique.\n" for n in range(1, 12)),
                     encoding="utf-8")
    report = tmp_path / "r.xlsx"
    assert run("check", str(table), "--report", str(report), "-q").exit_code == 1
    sheet = load_workbook(report).active
    tuids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    lines = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert tuids == list(range(1, 12)) and lines == list(range(2, 13))
    # a reviewer filters by check, severity or decision, as in the terms review file: the
    # header row carries the sheet's filter over every finding and column
    assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + sheet.max_column - 1)}12"
    assert sheet.freeze_panes == "A2"


def test_term_checks_without_terms_are_a_usage_error() -> None:
    result = run("check", str(SEED), "--checks", "term-missing,term-forbidden")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--checks term-forbidden,term-missing needs --termbase or --glossary" \
        in result.stderr
    # without --checks the term checks are simply not run
    assert run("check", str(SEED), "--fail-on", "never").exit_code == 0


def test_a_termbase_that_is_no_termbase_is_named_for_what_it_is(tmp_path: Path) -> None:
    glossary = tmp_path / "g.tsv"
    glossary.write_text("en\tfr\nvalue chain\tfilière\n", encoding="utf-8")
    tbx = DATA / "tbx" / "sampleTBXfile.tbx"  # the likeliest wrong file to give there
    for given, what in ((DGT, "a TMX memory"), (glossary, "a TSV table"),
                        (tbx, "a TBX glossary")):
        result = run("check", str(SEED), "--termbase", str(given))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            f"tmx-export: error: {given}: not a termbase: {what}; --termbase takes the "
            "SQLite file `tmx-export terms --termbase` writes (a TBX, TSV or CSV glossary "
            "goes to --glossary)\n")


def test_po_placeholders_are_checked(tmp_path: Path) -> None:
    po = tmp_path / "e.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "You have %d new messages"\nmsgstr "Vous avez %s nouveaux messages"\n\n'
                  'msgid "Delete {name}?"\nmsgstr "Supprimer {nom} ?"\n\n'
                  'msgid "%(count)d files in {0}"\nmsgstr "%(count)d fichiers dans {0}"\n',
                  encoding="utf-8")
    result = run("check", str(po), "--checks", "placeholder")
    assert result.exit_code == 1, result.output
    assert [line.split("\t")[1:] for line in result.stdout.splitlines()] == [
        ["placeholder", "error", "%s", "%d"], ["placeholder", "error", "{nom}", "{name}"]]


def test_po_contexts_and_plural_forms_are_not_inconsistent(tmp_path: Path) -> None:
    """A PO file translates one msgid apart in each context (msgctxt) and its plural in
    each form of the target language: "Open file" in a menu and a tooltip, and Polish's
    "państwa" (2-4) and "państw" (5+) under one msgid_plural were each reported as
    inconsistent-target. The same msgid in one context still is."""
    po = tmp_path / "pl.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && '
                  '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
                  'msgctxt "File menu"\nmsgid "Open file"\nmsgstr "Otwórz plik"\n\n'
                  'msgctxt "Toolbar tooltip"\nmsgid "Open file"\nmsgstr "Otwiera plik"\n\n'
                  'msgid "%d Member State has replied"\n'
                  'msgid_plural "%d Member States have replied"\n'
                  'msgstr[0] "Odpowiedziało %d państwo członkowskie"\n'
                  'msgstr[1] "Odpowiedziały %d państwa członkowskie"\n'
                  'msgstr[2] "Odpowiedziało %d państw członkowskich"\n\n'
                  'msgctxt "File menu"\nmsgid "Save file"\nmsgstr "Zapisz plik"\n\n'
                  'msgctxt "File menu"\nmsgid "Save file"\nmsgstr "Zachowaj plik"\n',
                  encoding="utf-8")
    result = run("check", str(po), "--source-lang", "en-GB", "--target-lang", "pl-PL",
                 "--checks", "inconsistent-target,inconsistent-source")
    assert [line.split("\t")[1:] for line in result.stdout.splitlines()] == [
        ["inconsistent-target", "warning", "Zapisz plik", "the translation of tuid 6"]]


def test_xliff_units_not_to_translate_are_left_out(tmp_path: Path) -> None:
    """A translate="no" unit, its target the source copied or absent, failed the check
    (``untranslated``, ``empty-target`` errors); it is left out, counted."""
    xlf = tmp_path / "protected.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a.html" '
        'source-language="en-GB" target-language="fr-FR" datatype="html"><body>\n'
        '<trans-unit id="1"><source>The Parties have agreed as follows.</source><target '
        'state="translated">Les Parties sont convenues de ce qui suit.</target></trans-unit>\n'
        '<trans-unit id="2" translate="no"><source>This quoted passage stays in English.'
        '</source><target>This quoted passage stays in English.</target></trans-unit>\n'
        '<trans-unit id="3" translate="no"><source>Copyright European Union.</source>'
        '</trans-unit>\n</body></file></xliff>\n', encoding="utf-8")
    result = run("check", str(xlf))
    assert result.exit_code == 0 and result.stdout == ""
    assert "1 unit checked: 0 findings; 2 left out, not checked (2 not-translatable)" in \
        result.stderr


def test_a_report_never_replaces_what_the_check_reads(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    memory, glossary = tmp_path / "memory.tsv", tmp_path / "g.tsv"
    shutil.copy(DATA / "europarl_pairs.tsv", memory)
    glossary.write_text("source\ttarget\nvalue chain\tchaîne de valeur\n", encoding="utf-8")
    (tmp_path / "link.tsv").symlink_to(memory)
    reviewed = tmp_path / "review.xlsx"
    assert run("check", "memory.tsv", "--report", str(reviewed), "--fail-on", "never"
               ).exit_code == 0
    before = {path: path.read_bytes() for path in tmp_path.iterdir()}
    cases = [(["memory.tsv", "--report", "./memory.tsv"], "./memory.tsv"),
             (["link.tsv", "--report", "memory.tsv"], "memory.tsv"),
             (["memory.tsv", "--glossary", "g.tsv", "--report", str(glossary)], str(glossary)),
             (["memory.tsv", "--termbase", "g.tsv", "--report", "g.tsv"], "g.tsv"),
             (["memory.tsv", "--accept", "review.xlsx", "--report", "review.xlsx"],
              "review.xlsx")]
    for args, name in cases:
        result = run("check", *args)
        assert result.exit_code == 2, args
        assert result.stderr == f"tmx-export: error: {name}: output would overwrite an input " \
                                "file\n"
        assert result.stdout == ""
    missing = run("check", "memory.tsv", "--report", str(tmp_path / "no" / "r.tsv"))
    assert missing.stderr == f"tmx-export: error: {tmp_path / 'no' / 'r.tsv'}: cannot write: " \
                             "the directory does not exist\n"
    assert {path: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_choosing_checks_and_the_exit_status() -> None:
    options = CheckOptions.choosing(["number-mismatch,untranslated"], ["untranslated"])
    assert options.checks == {"number-mismatch"}
    with pytest.raises(ValueError, match="unknown check"):
        CheckOptions.choosing(["spelling"])
    # a usage error (exit 2), as an option without what it needs is ("--checks
    # term-missing" without terms) and as click's own bad values are; it was exit 1
    result = run("check", str(SEED), "--checks", "spelling")
    assert result.exit_code == 2 and "Error: unknown check(s) spelling" in result.stderr
    skipped = run("check", str(SEED), "--skip", "spelling")
    assert skipped.exit_code == 2 and "Error: unknown check(s) spelling" in skipped.stderr


def test_an_unknown_input_format_is_a_usage_error_as_for_build() -> None:
    # "--input-format (as for build)": a misspelt format was an error blamed on the
    # memory ("SEED: unknown input format 'tmxx'", exit 1), where build and concordance
    # refuse the option itself (exit 2) and list the formats in --help
    result = run("check", str(SEED), "--input-format", "tmxx")
    assert result.exit_code == 2 and result.stdout == ""
    assert "Invalid value for '--input-format': 'tmxx' is not one of" in result.stderr
    assert "'pairs-tsv'" in result.stderr and str(SEED) not in result.stderr
    assert "[csv|dump|jsonl|pairs-tsv|po|tmx|tsv|xliff|xlsx]" in run("check", "--help").stdout
    named = run("check", str(SEED), "--input-format", "dump")
    assert named.exit_code == 0 and "2 units checked" in named.stderr


def test_a_dump_is_checked_as_the_units_build_writes(tmp_path: Path) -> None:
    glossary = tmp_path / "g.tsv"
    glossary.write_text("en\tfr\nvalue chain\tfilière\n", encoding="utf-8")
    result = run("check", str(SEED), "--glossary", str(glossary), "--checks", "term-missing")
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.splitlines()
    tuid, check, severity, item, expected = line.split("\t")
    assert (check, severity, item, expected) == ("term-missing", "error", "value chain",
                                                 "filière")
    out = tmp_path / "seed.tmx"
    assert run("build", str(SEED), "-o", str(out), "-q").exit_code == 0
    unit = next(tu for tu in etree.parse(str(out)).iter("tu") if tu.get("tuid") == tuid)
    assert "value chain" in unit.find("tuv/seg").text


def test_a_bad_report_name_fails_before_any_work(tmp_path: Path) -> None:
    copy = tmp_path / "memory.tmx"
    shutil.copy(DGT, copy)
    result = run("check", str(copy), "--report", str(tmp_path / "findings.pdf"))
    assert result.exit_code == 2 and "findings.pdf: unknown report format" in result.stderr


def test_a_report_named_htm_is_the_html_page(tmp_path: Path) -> None:
    # terms --report takes *.htm as HTML; check refused it as an unknown format
    report = tmp_path / "findings.htm"
    result = run("check", str(SEED), "--checks", "spacing", "--report", str(report))
    assert result.exit_code == 0, result.output  # (a warning)
    assert report.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_french_spaces_can_be_turned_off() -> None:
    # DGT-TM writes "ci-après:" and «Commerce» without the French spaces
    asked = run("check", str(DGT), "--checks", "spacing", "--fail-on", "never")
    assert asked.exit_code == 0 and "a space before" in asked.stdout
    house = run("check", str(DGT), "--checks", "spacing", "--no-french-spaces")
    assert house.exit_code == 0 and "a space before" not in house.stdout


def test_a_number_copied_with_the_sources_conventions_is_found(tmp_path: Path) -> None:
    table = tmp_path / "v.tsv"
    table.write_text("en\tfr\n"
                     "We paid 1,500 euros.\tNous avons payé 1,500 euros.\n"
                     "We paid 1,500 euros today.\tNous avons payé 1,5 euro aujourd'hui.\n"
                     "We paid 1,500 euros yesterday.\tNous avons payé 1 500 euros hier.\n",
                     encoding="utf-8")
    result = run("check", str(table), "--checks", "number-mismatch")
    assert result.exit_code == 1
    found = [line.split("\t")[:4] for line in result.stdout.splitlines()]
    # a French reader reads 1.5 in the first row's "1,500": a thousand times too little
    assert found == [["1", "number-mismatch", "error", "1,500"],
                     ["2", "number-mismatch", "error", "1,5"]]


@pytest.mark.parametrize("version", ["2", "3"])
def test_a_tbx_of_unreviewed_pairs_is_no_glossary(tmp_path: Path, version: str) -> None:
    tbx = tmp_path / "proposed.tbx"
    made = run("terms", str(SEED), "--tbx", str(tbx), "--tbx-version", version,
               "--min-count", "1", "-q")
    assert made.exit_code == 0, made.output
    result = run("check", str(SEED), "--glossary", str(tbx), "--checks", "term-missing")
    assert result.exit_code == 2 and result.stdout == ""
    assert "are proposed, not reviewed (review them first" in result.stderr
    assert result.stderr.startswith(f"tmx-export: error: {tbx}: no approved or forbidden")
    assert "Traceback" not in result.output


def test_a_report_named_gz_is_written_compressed(tmp_path: Path) -> None:
    # `check --report findings.tsv.gz`, as every other output so named, was refused as an
    # "unknown report format"; a reviewed CSV kept compressed is read back by --accept.
    import gzip

    for ending in ("tsv", "csv", "html"):
        plain, packed = tmp_path / f"r.{ending}", tmp_path / f"r.{ending}.gz"
        for report in (plain, packed):
            result = run("check", str(DGT), "--report", str(report), "--fail-on", "never")
            assert result.exit_code == 0, result.output
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    accepted = tmp_path / "reviewed.csv.gz"
    accepted.write_bytes(gzip.compress((tmp_path / "r.csv").read_bytes().replace(
        b",\r\n", b",ok\r\n").replace(b",\n", b",ok\n")))
    result = run("check", str(DGT), "--accept", str(accepted), "--fail-on", "warning")
    assert result.exit_code == 0 and result.stdout == "", result.output
    result = run("check", str(DGT), "--report", str(tmp_path / "r.xlsx.gz"))
    assert result.exit_code == 2 and "(all but *.xlsx may end in .gz)" in result.stderr


def test_a_compressed_tbx_is_read_as_the_tbx_it_holds(tmp_path: Path) -> None:
    # `terms --tbx terms.tbx.gz` writes it compressed; given to --glossary, its gzip bytes
    # were read as a CSV glossary: "terms.tbx.gz:1: expected a source term and a target term"
    import gzip

    tbx = tmp_path / "terms.tbx.gz"
    made = run("terms", str(SEED), "--tbx", str(tbx), "--min-count", "1", "-q")
    assert made.exit_code == 0, made.output
    assert gzip.decompress(tbx.read_bytes()).startswith(b"<?xml")
    plain = tmp_path / "terms.tbx"
    plain.write_bytes(gzip.decompress(tbx.read_bytes()))
    results = [run("check", str(SEED), "--glossary", str(given), "--checks", "term-missing")
               for given in (tbx, plain)]
    assert [r.exit_code for r in results] == [2, 2]
    assert results[0].stderr == results[1].stderr.replace(str(plain), str(tbx))
    assert "are proposed, not reviewed" in results[0].stderr


PLACEHOLDERS_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" datatype="plaintext"
 segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>Press <ph x="1">{0}</ph> or <ph x="2">{1}</ph>.</seg>
</tuv><tuv xml:lang="fr-FR"><seg>Appuyez sur <ph x="1">{0}</ph> ou <ph x="2">{1}</ph>.</seg>
</tuv></tu>
<tu tuid="2"><tuv xml:lang="en-GB"><seg>Open <ph x="1">%s</ph>: done.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Ouvrir <ph x="1">%s</ph> : terminé.</seg></tuv></tu>
<tu tuid="3"><tuv xml:lang="en-GB"><seg>Open <ph x="1">%s</ph> now.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Ouvrir  <ph x="1">%s</ph> maintenant.</seg></tuv></tu>
</body></tmx>
"""

PLACEHOLDERS_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.txt" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
<body>
<trans-unit id="1"><source>Press <x id="1"/> or <x id="2"/>.</source>
<target>Appuyez sur <x id="1"/> ou <x id="2"/>.</target></trans-unit>
<trans-unit id="2"><source>Open <x id="1"/>: done.</source>
<target>Ouvrir <x id="1"/> : terminé.</target></trans-unit>
<trans-unit id="3"><source>Open <x id="1"/> now.</source>
<target>Ouvrir  <x id="1"/> maintenant.</target></trans-unit>
</body></file></xliff>
"""


@pytest.mark.parametrize("name, text", [("ph.tmx", PLACEHOLDERS_TMX),
                                        ("ph.xlf", PLACEHOLDERS_XLIFF)])
def test_inline_codes_count_as_content_for_spacing(tmp_path: Path, name: str,
                                                   text: str) -> None:
    memory = tmp_path / name
    memory.write_text(text, encoding="utf-8")
    result = run("check", str(memory), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    # the spacing around the placeholders is right; the real double space is found
    assert [line.split("\t") for line in result.stdout.splitlines()] == [
        ["3", "spacing", "warning", "Ouvrir  {code}", "one space"]]


def test_a_glossary_header_naming_languages_is_read(tmp_path: Path) -> None:
    # the seed's "value chains" / "chaînes de valeur" and "clusters" / "conglomérats", checked
    # against made-up renderings: a finding wherever the glossary is read the right way round
    from tmx_export.pipeline import read_units

    seed, _ = read_units([str(SEED)])
    assert any("value chains" in u.source for u in seed)
    assert not any("filière" in u.target for u in seed)
    units = tmp_path / "fr_en.tsv"
    with units.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t").writerows(
            [["fr-FR", "en-GB"]] + [[u.target, u.source] for u in seed])
    same = tmp_path / "same.tsv"
    same.write_text("en-GB\tfr-FR\nvalue chain\tfilière\nsupply network\tconglomérat\n",
                    encoding="utf-8")
    turned = tmp_path / "turned.tsv"
    turned.write_text("fr\ten\nfilière\tvalue chain\nconglomérat\tsupply network\n",
                      encoding="utf-8")
    for glossary in (same, turned):
        result = run("check", str(SEED), "--glossary", str(glossary))
        assert "term-missing\terror\tvalue chain\tfilière" in result.output
        # the memory declares fr -> en: an en-GB/fr-FR glossary is turned round for it
        result = run("check", str(units), "--glossary", str(glossary), "--checks",
                     "term-missing")
        assert "\tterm-missing\terror\tconglomérat\tsupply network" in result.output
    assert "turned.tsv: the glossary is fr -> en: read turned round, as en-GB -> fr-FR" in \
        run("check", str(SEED), "--glossary", str(turned)).stderr
    other = tmp_path / "de_it.tsv"
    other.write_text("de\tit\nWertschöpfungskette\tcatena del valore\n", encoding="utf-8")
    result = run("check", str(SEED), "--glossary", str(other))
    assert result.exit_code == 2 and "term-missing" not in result.output and result.stderr == (
        f"tmx-export: error: {other}:1: the glossary is for de -> it, not en-GB -> fr-FR "
        "(its header row names the languages)\n")
    # without a language header the columns are source and target, as before
    plain = tmp_path / "plain.tsv"
    plain.write_text("value chain\tfilière\n", encoding="utf-8")
    assert "value chain\tfilière" in run("check", str(SEED), "--glossary", str(plain)).output


def test_accepting_one_of_two_findings_on_the_same_item_keeps_the_other(
        tmp_path: Path) -> None:
    # two spacing findings on one item ("«oui»."): a space before » and one after «; the
    # reviewer accepts one, and the other is still reported (both were hidden)
    memory = tmp_path / "q.tsv"
    memory.write_text('en-GB\tfr-FR\nHe said "yes".\tIl a dit «oui».\n', "utf-8")
    report = tmp_path / "q.xlsx"
    assert run("check", str(memory), "--report", str(report), "--fail-on", "never"
               ).exit_code == 0
    book = load_workbook(report)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    spacing = [row for row in rows if row[header.index("check")] == "spacing"]
    assert len(spacing) == 2 and len({row[header.index("item")] for row in spacing}) == 1
    first = rows.index(spacing[0]) + 2
    sheet.cell(first, header.index("decision") + 1).value = "ok"
    book.save(report)
    again = run("check", str(memory), "--accept", str(report), "--fail-on", "never")
    shown = [line.split("\t") for line in again.stdout.splitlines()]
    assert [line[-1] for line in shown if line[1] == "spacing"] == \
        [spacing[1][header.index("expected")]]
    assert "1 accepted before" in again.stderr


def test_a_choice_that_leaves_no_check_is_refused(tmp_path: Path) -> None:
    # the gate checked nothing and passed: `--checks spacing --skip spacing`, `--checks ""`
    memory = tmp_path / "q.tsv"
    memory.write_text('en-GB\tfr-FR\nHe said "yes".\tIl a dit «oui».\n', "utf-8")
    for options in (["--checks", "spacing", "--skip", "spacing"], ["--checks", ""],
                    ["--skip", ",".join(CHECKS)]):
        result = run("check", str(memory), *options)
        assert result.exit_code == 2, options  # a usage error, as an unknown check is
        assert "Error: --checks" in result.stderr


def test_a_memory_whose_units_were_all_left_out_says_why(tmp_path: Path) -> None:
    # "the input holds none" was said of a file of two en-GB/fr-FR pairs, both left out
    memory = tmp_path / "j.jsonl"
    memory.write_text(
        '{"source": "The vote will take place tomorrow.", "target": "The vote will take '
        'place tomorrow.", "source_lang": "en-GB", "target_lang": "fr-FR"}\n'
        '{"source": "Hello there all.", "target": "", "source_lang": "en-GB", '
        '"target_lang": "fr-FR"}\n', "utf-8")
    result = run("check", str(memory))
    assert result.exit_code == 2
    assert "no en-GB/fr-FR unit to check; 2 read, all left out (1 identical, 1 empty-side)" \
        in result.stderr


def test_a_term_typed_without_its_letter_is_the_term(tmp_path: Path) -> None:
    # "Aussengrenze" for an approved "Außengrenze" (Swiss German, a keyboard without ß),
    # "oeuvres" for "œuvre": the lemmatiser knew neither and read them by its rules, so the
    # approved term was reported missing
    glossary = tmp_path / "g.tsv"
    glossary.write_text("source\ttarget\nexternal border\tAußengrenze\nwork\tœuvre\n", "utf-8")
    german = tmp_path / "de.tsv"
    german.write_text("en-GB\tde-DE\nThe external border is closed.\t"
                      "Die Aussengrenze ist geschlossen.\n", "utf-8")
    french = tmp_path / "fr.tsv"
    french.write_text("en-GB\tfr-FR\nHis works are known.\tSes oeuvres sont connues.\n",
                      "utf-8")
    for memory in (german, french):
        result = run("check", str(memory), "--glossary", str(glossary), "--checks",
                     "term-missing")
        assert result.exit_code == 0 and "term-missing" not in result.stdout, result.output


def test_summary_and_report_say_one_finding_in_the_singular(tmp_path: Path) -> None:
    # one unit with one double space: the summary said "1 units checked: 1 findings" and
    # the HTML report "1 findings"
    table = tmp_path / "one.tsv"
    table.write_text("en\tfr\nThe Commission adopted the report on industrial policy.\t"
                     "La Commission a adopté  le rapport sur la politique industrielle.\n",
                     encoding="utf-8")
    report = tmp_path / "findings.html"
    result = run("check", str(table), "--source-lang", "en-GB", "--target-lang", "fr-FR",
                 "--report", str(report), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert "1 unit checked: 1 finding (1 spacing)" in result.stderr
    assert "<p>1 finding, tmx-export" in report.read_text(encoding="utf-8")


def test_an_xliff_file_with_lone_cr_line_ends_has_its_findings_at_their_lines(
        tmp_path: Path) -> None:
    # lines ended by a CR alone (old Mac tools) were all "line 1" to the XML parser
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
             '<file source-language="en-GB" target-language="fr-FR" datatype="plaintext" '
             'original="minutes.txt">', "<body>",
             '<trans-unit id="1">', "<source>The sitting is open.</source>",
             "<target>La séance est ouverte.</target>", "</trans-unit>",
             '<trans-unit id="2">', "<source>Agenda for 2000.</source>",
             "<target>Ordre du jour pour 2001.</target>", "</trans-unit>",
             "</body>", "</file>", "</xliff>"]
    memory = tmp_path / "minutes.xlf"
    memory.write_bytes("\r".join(lines).encode("utf-8") + b"\r")
    report = tmp_path / "findings.tsv"
    result = run("check", str(memory), "--report", str(report), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # the line of the second trans-unit, as an editor shows it
    assert [(row["check"], row["line"]) for row in rows] == [("number-mismatch", "9")]


def test_the_html_report_heads_each_group_with_what_its_findings_expected(
        tmp_path: Path) -> None:
    # findings were grouped by item alone under the first one's expected: «oui» missing a
    # space after « and one before » showed one group "expected: a space after «" of two
    # rows, and a "." where one unit had ":" and another ";" claimed ":" for both
    table = tmp_path / "minutes.tsv"
    table.write_text("en-GB\tfr-FR\n"
                     'He said "yes".\tIl a dit «oui».\n'
                     "The agenda is as follows:\tL'ordre du jour est le suivant.\n"
                     "The sitting is suspended;\tLa séance est suspendue.\n", "utf-8")
    report = tmp_path / "findings.html"
    result = run("check", str(table), "--report", str(report), "--fail-on", "never",
                 "--checks", "spacing,punctuation")
    assert result.exit_code == 0, result.output
    page = report.read_text("utf-8")
    headings = [h.split("<table>")[0] for h in page.split("<h3>")[1:]]
    expected = sorted(re.search(r"expected: (?:<bdi>)?([^<]*)", h).group(1)  # type: ignore
                      for h in headings)
    assert expected == [":", ";", "a space after «", "a space before »"], headings
    assert all('<span class="count">(1)</span>' in h for h in headings), headings


def _one_tmx(path: Path, pairs: list[tuple[str, str]]) -> Path:
    from xml.sax.saxutils import escape

    units = "".join(f'<tu tuid="{n}"><tuv xml:lang="en-GB"><seg>{escape(source)}</seg></tuv>'
                    f'<tuv xml:lang="fr-FR"><seg>{escape(target)}</seg></tuv></tu>'
                    for n, (source, target) in enumerate(pairs, 1))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'srclang="en-GB" segtype="paragraph" o-tmf="x" adminlang="en" '
                    'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>'
                    + units + "</body></tmx>\n", encoding="utf-8")
    return path


def test_a_segment_too_long_for_a_cell_is_cut_visibly_and_its_finding_can_be_accepted(
        tmp_path: Path) -> None:
    # XlsxWriter cut a text at Excel's 32,767 characters without a word: the reviewer saw
    # part of the segment as if it were all of it, and marking the finding "ok" did not
    # accept it (the cut text was not the finding's)
    english = ("The Commission has adopted a communication on industrial policy in an "
               "enlarged Europe. ") * 450
    french = ("La Commission a adopté une communication sur la politique industrielle "
              "dans une Europe élargie. ") * 450
    memory = _one_tmx(tmp_path / "long.tmx", [
        (english + "The fee is 12 euros.", french + "La redevance est de 13 euros."),
        ("The fee is 14 euros.", "La redevance est de 15 euros.")])
    report = tmp_path / "review.xlsx"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    book = load_workbook(report)
    sheet = book["findings"]
    header = [cell.value for cell in sheet[1]]
    source = sheet.cell(2, header.index("source") + 1).value
    whole = len(english) + len("The fee is 12 euros.")
    assert whole > 32767 and len(source) <= 32767
    assert source.startswith(english[:1000])
    assert source.endswith(f"[cut to fit the cell: {whole} characters in all]")
    sheet.cell(2, header.index("decision") + 1).value = "ok"
    book.save(report)
    again = run("check", str(memory), "--checks", "number-mismatch", "--accept", str(report))
    assert "1 accepted before, not reported" in again.stderr, again.output
    assert again.stdout.splitlines() == ["2\tnumber-mismatch\terror\t15\t14"]


def test_a_segment_of_characters_beyond_the_bmp_is_cut_visibly_too(tmp_path: Path) -> None:
    """Excel's 32,767 characters are UTF-16 units: a Cantonese segment of 30,800
    characters, three in fourteen of CJK Extension B ("𠮶", "𡃁", "𨋢": two units each),
    is 37,400 units, which XlsxWriter cut to 32,767 without a word, the number the finding
    is about with it. Cut with the note now, and its finding accepted from the file."""
    cantonese = "𠮶部𨋢壞咗，啲𡃁仔要行樓梯。" * 2200 + "費用係13歐元。"
    english = "The lift is broken, so the lads take the stairs. The fee is 12 euros."
    memory = tmp_path / "yue.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
        'segtype="paragraph" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" '
        'creationtoolversion="1"/><body><tu tuid="1"><tuv xml:lang="en-GB"><seg>'
        f'{english}</seg></tuv><tuv xml:lang="zh-HK"><seg>{cantonese}</seg></tuv></tu>'
        "</body></tmx>\n", encoding="utf-8")
    assert len(cantonese) < 32767 < len(cantonese.encode("utf-16-le")) // 2
    report = tmp_path / "review.xlsx"
    assert run("check", str(memory), "--target-lang", "zh-HK", "--checks", "number-mismatch",
               "--report", str(report)).exit_code == 1
    book = load_workbook(report)
    sheet = book["findings"]
    header = [cell.value for cell in sheet[1]]
    target = sheet.cell(2, header.index("target") + 1).value
    assert len(target.encode("utf-16-le")) // 2 <= 32767
    assert target.startswith(cantonese[:1000])
    assert target.endswith(f"[cut to fit the cell: {len(cantonese)} characters in all]")
    sheet.cell(2, header.index("decision") + 1).value = "false alarm"
    book.save(report)
    again = run("check", str(memory), "--target-lang", "zh-HK", "--checks",
                "number-mismatch", "--accept", str(report))
    assert again.exit_code == 0, again.output
    assert "1 accepted before, not reported" in again.stderr


def test_a_text_holding_what_looks_like_an_xlsx_escape_is_accepted_from_the_xlsx(
        tmp_path: Path) -> None:
    # "_x0041_" is written "_x005F_x0041_" in the sheet, as the format wants, but openpyxl
    # reads that back as it stands from the report's cells: the finding marked ok was
    # reported again
    memory = _one_tmx(tmp_path / "codes.tmx", [
        ("Field _x0041_ holds 12 entries.", "Le champ _x0041_ contient 13 entrées.")])
    report = tmp_path / "review.xlsx"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    book = load_workbook(report)
    sheet = book["findings"]
    sheet.cell(2, len(REPORT_COLUMNS) + 1).value = "false alarm"
    book.save(report)
    again = run("check", str(memory), "--checks", "number-mismatch", "--accept", str(report))
    assert again.exit_code == 0, again.output
    assert "1 accepted before, not reported" in again.stderr


def test_more_findings_than_an_xlsx_sheet_holds_are_refused_not_cut(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # XlsxWriter leaves out the rows past Excel's last without a word: a report of more
    # findings lost the rest (the bound lowered here, as a million findings take long)
    from tmx_export.check import report as reports

    monkeypatch.setattr(reports, "XLSX_MAX_FINDINGS", 2, raising=False)
    memory = _one_tmx(tmp_path / "fees.tmx", [
        (f"The fee is {n} euros.", f"La redevance est de {n + 1} euros.") for n in (12, 14, 16)])
    report = tmp_path / "review.xlsx"
    result = run("check", str(memory), "--checks", "number-mismatch", "--report", str(report))
    assert result.exit_code == 2
    assert f"{report}: more findings than an XLSX sheet holds (2)" in result.stderr
    assert "Traceback" not in result.output and not report.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["fees.tmx"]
    # as many as it holds are written
    memory = _one_tmx(tmp_path / "fees.tmx", [
        (f"The fee is {n} euros.", f"La redevance est de {n + 1} euros.") for n in (12, 14)])
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    assert load_workbook(report)["findings"].max_row == 3


def test_the_html_report_marks_the_item_where_it_is_after_a_dotted_capital_i(
        tmp_path: Path) -> None:
    # the item was looked for in the lower-case text, two characters longer here ("İ"
    # lowered is "i" and a combining dot), so the mark fell two characters off: " é"
    memory = _one_tmx(tmp_path / "visit.tmx", [
        ("The delegation visited İstanbul and İzmir on 12 occasions.",
         "La délégation s'est rendue à İstanbul et à İzmir à 13 reprises.")])
    report = tmp_path / "findings.html"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    page = report.read_text("utf-8")
    assert "İzmir à <mark>13</mark> reprises." in page


def test_the_html_report_marks_a_term_in_a_decomposed_text_as_written(tmp_path: Path) -> None:
    # a target written with combining accents (NFD: "po\u0302le") held the forbidden term
    # but was searched for it composed: the finding came without its mark, or, with the
    # glossary decomposed and the memory composed, the other way round
    source = "Member States should support the cluster of the region."
    target = "Les États membres devraient soutenir le pôle de la région."
    glossary = "source\ttarget\tstatus\ncluster\tgrappe\tapproved\ncluster\tpôle\tforbidden\n"
    for memory_form, glossary_form in (("NFD", "NFC"), ("NFC", "NFD"), ("NFD", "NFD")):
        memory = _one_tmx(tmp_path / "region.tmx", [
            (source, unicodedata.normalize(memory_form, target))])
        terms = tmp_path / "g.tsv"
        terms.write_text(unicodedata.normalize(glossary_form, glossary), encoding="utf-8")
        report = tmp_path / "findings.html"
        result = run("check", str(memory), "--glossary", str(terms),
                     "--checks", "term-forbidden", "--report", str(report))
        assert result.exit_code == 1, result.output
        page = report.read_text("utf-8")
        # the text as the memory writes it, its whole word marked
        marked = unicodedata.normalize(memory_form, "le <mark>pôle</mark> de la")
        assert marked in page, (memory_form, glossary_form)


def test_the_html_report_shows_a_right_to_left_side_in_its_own_direction(
        tmp_path: Path) -> None:
    # the page is left to right: an Arabic target was laid out so, its full stop at its
    # start for a reader of Arabic, and an Arabic item ran into the count beside it
    table = tmp_path / "notice.tsv"
    table.write_text("en-GB\tar\nThe meeting is on 12 May.\tالاجتماع في 13 مايو.\n", "utf-8")
    report = tmp_path / "findings.html"
    assert run("check", str(table), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    page = report.read_text("utf-8")
    assert '<td dir="auto">الاجتماع في <mark>13</mark> مايو.</td>' in page
    assert '<h3><bdi>13</bdi> <span class="count">(1)</span>' in page


def test_an_accepted_inconsistency_stays_accepted_when_the_memory_is_reordered(
        tmp_path: Path) -> None:
    # an inconsistency is reported on the later of the two units, its item the earlier
    # unit's text: with the units the other way round, the same two translations were a
    # finding of another key, and reported again though the reviewer had accepted them
    pairs = [("EU representative", "Représentant de l'Union européenne"),
             ("EU representative", "Représentante de l'Union européenne"),
             ("The President", "Le président"), ("The Chair", "Le président")]
    memory = _one_tmx(tmp_path / "acts.tmx", pairs)
    report = tmp_path / "review.tsv"
    checks = ("--checks", "inconsistent-target,inconsistent-source")
    assert run("check", str(memory), *checks, "--report", str(report)).exit_code == 0
    rows = report.read_text("utf-8").splitlines()
    assert [row.split("\t")[3] for row in rows[1:]] == ["inconsistent-target",
                                                        "inconsistent-source"]
    reviewed = tmp_path / "reviewed.tsv"
    reviewed.write_text("\n".join([rows[0] + "\tdecision"]
                                  + [row + "\tok" for row in rows[1:]]) + "\n", "utf-8")
    rebuilt = _one_tmx(tmp_path / "rebuilt.tmx", pairs[::-1])
    again = run("check", str(rebuilt), *checks, "--accept", str(reviewed))
    assert again.stdout == "", again.output
    assert "2 accepted before, not reported" in again.stderr
    # a third translation is a new finding
    changed = _one_tmx(tmp_path / "changed.tmx", [
        *pairs, ("EU representative", "Représentant de l'UE")])
    again = run("check", str(changed), *checks, "--accept", str(reviewed))
    assert again.stdout.splitlines() == [
        "5\tinconsistent-target\twarning\tReprésentant de l'Union européenne\t"
        "the translation of tuid 1"]


def test_a_tsv_report_saved_again_by_a_spreadsheet_is_read_with_its_quotes(
        tmp_path: Path) -> None:
    # a spreadsheet saving the reviewed TSV quotes the cells holding a quote; those cells
    # were read with the quotes, so their findings marked ok were reported again
    memory = _one_tmx(tmp_path / "quotes.tmx", [
        ('He said "yes" 14 times.', 'Il a dit "oui" 15 fois.'),
        ("The fee is 12 euros.", "La redevance est de 13 euros.")])
    report = tmp_path / "review.tsv"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    rows = [line.split("\t") for line in report.read_text("utf-8").splitlines()]
    with (tmp_path / "saved.tsv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\r\n").writerows(
            [rows[0] + ["decision"]] + [row + ["ok"] for row in rows[1:]])
    assert '"He said ""yes"" 14 times."' in (tmp_path / "saved.tsv").read_text("utf-8")
    again = run("check", str(memory), "--checks", "number-mismatch", "--accept",
                str(tmp_path / "saved.tsv"))
    assert again.exit_code == 0, again.output
    assert "2 accepted before, not reported" in again.stderr


def test_a_csv_report_with_a_segment_longer_than_the_csv_module_reads_is_accepted(
        tmp_path: Path) -> None:
    # a cell of more than 131,072 characters stopped the reading of a CSV report given to
    # --accept with the csv module's "field larger than field limit" and a traceback
    english = ("The Commission has adopted a communication on industrial policy in an "
               "enlarged Europe. ") * 1600
    french = ("La Commission a adopté une communication sur la politique industrielle "
              "dans une Europe élargie. ") * 1600
    memory = _one_tmx(tmp_path / "long.tmx", [
        (english + "The fee is 12 euros.", french + "La redevance est de 13 euros.")])
    report = tmp_path / "review.csv"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    with report.open(encoding="utf-8-sig", newline="") as handle:
        csv.field_size_limit(1 << 24)
        try:
            rows = list(csv.reader(handle))
        finally:
            csv.field_size_limit(131072)
    assert len(rows[1][5]) > 131072
    with (tmp_path / "reviewed.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([rows[0], rows[1][:-1] + ["ok"]])
    again = run("check", str(memory), "--checks", "number-mismatch", "--accept",
                str(tmp_path / "reviewed.csv"))
    assert again.exit_code == 0, again.output
    assert "1 accepted before, not reported" in again.stderr


def test_the_html_report_marks_each_item_where_its_check_found_it(tmp_path: Path) -> None:
    # the item was marked wherever its text occurred, on both sides: the French spacing
    # finding "Note:" in the English source too, where it is right; the full stop a target
    # lacks at its end at every full stop ("art. 3"); the number "5" inside "15"; the numbers
    # "2014; 2.0" nowhere (looked for as one text); a term in its plural half ("amendment"s)
    # or not at all ("industrial policies")
    memory = _one_tmx(tmp_path / "notes.tmx", [
        ("Note: The emergency pack (Art. 3) is not covered by the Agreement",
         "Note: la trousse de secours (art. 3) n'est pas couverte par l'accord."),
        ("Articles 15 and 4 apply.", "Les articles 15 et 5 s'appliquent."),
        ("IEC 62288 Ed.", "CEI 62288:2014 éd. 2.0"),
        ("No amendments have been proposed on industrial policies.",
         "Aucune modification n'a été proposée sur les politiques."),
    ])
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("en-GB\tfr-FR\namendment\tamendement\n"
                        "industrial policy\tpolitique industrielle\n", encoding="utf-8")
    report = tmp_path / "findings.html"
    result = run("check", str(memory), "--glossary", str(glossary), "--report", str(report),
                 "--checks", "spacing,punctuation,number-mismatch,term-missing")
    assert result.exit_code == 1, result.output
    page = report.read_text("utf-8")
    rows = {re.sub(r"<[^>]+>", "", row.split("</td>")[1]): row
            for row in re.findall(r"<tr>.*?</tr>", page)}
    # spacing and punctuation are the target's, the end punctuation at its end
    note = [row for source, row in rows.items() if source.startswith("Note:")]
    assert note and all("<mark>" not in row.split("</td>")[1] for row in note)
    assert "<mark>Note:</mark> la trousse" in page
    assert "(art. 3) n&#39;est pas couverte par l&#39;accord<mark>.</mark>" in page
    # a number as a whole number, each number of an item
    assert "Les articles 15 et <mark>5</mark> s&#39;appliquent." in page
    assert "CEI 62288:<mark>2014</mark> éd. <mark>2.0</mark>" in page
    # a term by its words, inflected
    assert "No <mark>amendments</mark> have been proposed on industrial policies." in page
    assert "No amendments have been proposed on <mark>industrial policies</mark>." in page


def test_the_html_report_escapes_a_hostile_memory_and_runs_no_script(tmp_path: Path) -> None:
    # a client's memory holds anything: its markup, tuids and file name are shown as text,
    # and the page (it has no script of its own) now forbids scripts and fetching outright,
    # where it had no policy and would have run what escaped its escaping
    hostile = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">',
               '" onclick="alert(3)', "</textarea><!-- ]]> \u2028 & &amp;"]
    memory = tmp_path / '<b onclick="alert(0)">client.tsv'
    memory.write_text("en-GB\tfr-FR\n" + "".join(
        f"The {text} costs 12 euros\tLe {text} coûte 13 euros.\n" for text in hostile),
        encoding="utf-8")
    report = tmp_path / "findings.html"
    result = run("check", str(memory), "--report", str(report), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    html = report.read_text("utf-8")
    page = etree.fromstring(html.encode("utf-8"), etree.HTMLParser())
    assert not page.xpath("//script | //img | //textarea | //b")
    assert not [name for element in page.iter() if isinstance(element.tag, str)
                for name in element.attrib if name.startswith("on")]
    assert "<!--" not in html and len(page.xpath("//tr")) >= len(hostile)
    policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy and "default-src 'none'" in policy[0] and "script-src" not in policy[0]
    assert html.index("Content-Security-Policy") < html.index("<title>")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no Chromium installed")
def test_the_html_report_breaks_a_word_longer_than_a_line(tmp_path: Path) -> None:
    # a segment or tuid holding a word longer than a line (a URL, a code) widened its column
    # past the window, and every target of its table went out of sight
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 8
    memory = _one_tmx(tmp_path / "long.tmx", [(f"The {word} costs 12 euros.",
                                               f"Le {word} coûte 13 euros.")])
    report = tmp_path / "findings.html"
    assert run("check", str(memory), "--checks", "number-mismatch", "--report", str(report)
               ).exit_code == 1
    # the page has no script (its policy allows none): the test's own measures it
    measure = ('<script>document.body.dataset.widths = document.documentElement.scrollWidth'
               ' + "," + window.innerWidth;</script>')
    page = tmp_path / "measured.html"
    page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                           report.read_text("utf-8")).replace("</body>", measure + "</body>"),
                    encoding="utf-8")
    result = subprocess.run(
        [str(shutil.which("chromium")), "--headless", "--no-sandbox", "--disable-gpu",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1280,900", "--proxy-server=127.0.0.1:9", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    widths = re.search(r'data-widths="(\d+),(\d+)"', result.stdout)
    assert widths is not None, result.stderr[-2000:]
    assert int(widths.group(1)) <= int(widths.group(2))


def test_the_html_report_names_the_memories_and_lists_every_check_run(tmp_path: Path) -> None:
    # the page was titled "tmx-export check" whatever was checked, and said nothing of the
    # checks run: one that found nothing was not named, so a reader could not tell a clean
    # memory from a check left out
    memory = _one_tmx(tmp_path / "notes.tmx", [
        ("Articles 15 and 4 apply.", "Les articles 15 et 5 s'appliquent."),
        ("The sitting is suspended.", "La séance est suspendue."),
    ])
    report = tmp_path / "findings.html"
    result = run("check", str(memory), "--report", str(report),
                 "--checks", "number-mismatch,untranslated,spacing")
    assert result.exit_code == 1, result.output
    page = etree.HTML(report.read_bytes())
    assert page.findtext(".//title") == f"tmx-export check: {memory}"
    listed = {li.xpath("string(.)"): li.findall("a") for li in page.iterfind(".//ul/li")}
    # the check with findings links to them; the two that found nothing are named
    assert set(listed) == {"number-mismatch (1)", "untranslated (none)", "spacing (none)"}
    assert [a.get("href") for a in listed["number-mismatch (1)"]] == ["#number-mismatch"]
    assert page.find('.//h2[@id="number-mismatch"]') is not None
    assert not listed["untranslated (none)"]


def test_a_memory_checked_beside_a_dump_is_checked_as_it_holds_its_units(tmp_path: Path) -> None:
    """A project folder holds the memory and the dump it came from: with the dump among the
    inputs, the memory's units went through build's cleaning and dedupe, so a target left
    in English was an "identical" unit left out, not an ``untranslated`` error (exit 0, the
    gate open), an empty target no ``empty-target`` error, a repeated unit went unchecked,
    and the units lost their own tuids. The memory's units are now checked as they are
    checked alone, the dump's as build writes them."""
    memory = tmp_path / "memory.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="X" '
        'creationtoolversion="1" datatype="plaintext" segtype="sentence" o-tmf="x" '
        'adminlang="en" srclang="en-GB"/><body>\n'
        '<tu tuid="a1"><tuv xml:lang="en-GB"><seg>The committee adopted the report '
        'yesterday.</seg></tuv><tuv xml:lang="fr-FR"><seg>The committee adopted the report '
        'yesterday.</seg></tuv></tu>\n'
        '<tu tuid="a2"><tuv xml:lang="en-GB"><seg>The vote will take place tomorrow.</seg>'
        '</tuv><tuv xml:lang="fr-FR"><seg>Le vote aura lieu demain.</seg></tuv></tu>\n'
        '<tu tuid="a3"><tuv xml:lang="en-GB"><seg>The vote will take place tomorrow.</seg>'
        '</tuv><tuv xml:lang="fr-FR"><seg>Le vote aura lieu demain</seg></tuv></tu>\n'
        '<tu tuid="a4"><tuv xml:lang="en-GB"><seg>The debate is closed.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg></seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    alone = run("check", str(memory))
    assert alone.exit_code == 1
    expected = [line for line in alone.stdout.splitlines() if line.startswith("a")]
    assert [line.split("\t")[:2] for line in expected] == [
        ["a1", "untranslated"], ["a3", "punctuation"], ["a4", "empty-target"]]
    for inputs in ((memory, SEED), (SEED, memory)):
        both = run("check", *map(str, inputs))
        assert both.exit_code == 1, both.output
        assert [line for line in both.stdout.splitlines() if line.startswith("a")] == expected
        # the dump's units as build numbers them, its finding as when it is checked alone
        assert "recherche;\ta space before ; (5 times)" in both.stdout
        assert "left out" not in both.stderr, both.stderr


def test_decisions_of_several_rounds_of_review_are_all_kept(tmp_path: Path) -> None:
    """A report written with --accept leaves out what was accepted before, so the second
    round's file holds only its own decisions: with one --accept file, the third run
    reported again everything the first round had accepted. Each round's file is named,
    oldest first; a later decision on a finding wins over an earlier one."""
    memory = planted_memory(tmp_path)

    def review(report: Path, mark: Callable[[str], str | None]) -> int:
        return _review(report, lambda _, check: mark(check))

    first, second = tmp_path / "round1.xlsx", tmp_path / "round2.xlsx"
    assert run("check", str(memory), "--report", str(first), "--fail-on", "never"
               ).exit_code == 0
    numbers = review(first, lambda check: "ok" if check == "number-mismatch" else None)
    assert numbers >= 1
    assert run("check", str(memory), "--accept", str(first), "--report", str(second),
               "--fail-on", "never").exit_code == 0
    rest = review(second, lambda check: "false alarm" if check == "untranslated" else None)
    assert rest >= 1
    third = run("check", str(memory), "--accept", str(first), "--accept", str(second),
                "--fail-on", "never")
    assert f"{numbers + rest} accepted before, not reported" in third.stderr, third.stderr
    assert "number-mismatch" not in third.stdout and "untranslated" not in third.stdout
    # the second round may change the first's mind: its "fix" wins over the "ok"
    review(second, lambda check: "fix" if check == "untranslated" else None)
    review(first, lambda check: "ok" if check == "untranslated" else None)
    changed = run("check", str(memory), "--accept", str(first), "--accept", str(second),
                  "--fail-on", "never")
    assert f"{numbers} accepted before, not reported" in changed.stderr, changed.stderr
    assert "untranslated" in changed.stdout


def test_a_reviewed_report_on_standard_input_is_read_by_its_content(tmp_path: Path) -> None:
    # `curl .../round1.csv | tmx-export check memory.tmx --accept -`: standard input was
    # read as a TSV whatever it held, and a CSV or XLSX report refused ("-:1: not a
    # reviewed findings report: no column check, source, target, item, decision")
    from tmx_export.cli import main

    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")
    for ending in ("csv", "xlsx"):
        report = tmp_path / f"round1.{ending}"
        first = run("check", memory, "--report", str(report), "--fail-on", "never")
        assert first.exit_code == 0, first.output
        if ending == "csv":
            rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
            assert len(rows) > 3
            for row in rows[1:3]:
                row[-1] = "ok"
            with report.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(rows)
        else:
            book = load_workbook(report)
            sheet = book["findings"]
            for line in (2, 3):
                sheet.cell(line, sheet.max_column, "false alarm")
            book.save(report)
        by_name = run("check", memory, "--accept", str(report), "--fail-on", "never")
        piped = CliRunner().invoke(main, ["check", memory, "--accept", "-", "--fail-on",
                                          "never"], input=report.read_bytes())
        assert piped.exit_code == 0, piped.output
        assert "2 accepted before, not reported" in piped.stderr
        assert (piped.stdout, piped.stderr) == (by_name.stdout, by_name.stderr)
    refused = CliRunner().invoke(main, ["check", memory, "--accept", "-"], input=b"x,y\n")
    assert refused.exit_code == 2
    assert refused.stderr.startswith("tmx-export: error: <stdin>:1: not a reviewed")


def test_a_glossary_piped_in_is_read_as_one_named_is() -> None:
    """`... | tmx-export check MEMORY --glossary -`, as `build --glossary -` reads one:
    "-: no such file" before. Errors name <stdin>; a termbase is refused (a file of its
    own); standard input named for the memory and the glossary both is refused, where the
    glossary was checked as a memory against itself and passed."""
    from tmx_export.cli import main

    glossary = DATA / "check_glossary_en_fr.tsv"
    memory = str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")
    args = ["check", memory, "--source-lang", "en-GB", "--target-lang", "fr-FR",
            "--checks", "term-missing,term-forbidden", "--fail-on", "never"]
    by_name = run(*args, "--glossary", str(glossary))
    piped = CliRunner().invoke(main, [*args, "--glossary", "-"], input=glossary.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert (piped.stdout, piped.stderr) == (by_name.stdout, by_name.stderr)
    assert "units checked" in piped.stderr
    broken = CliRunner().invoke(main, [*args, "--glossary", "-"], input=b"nonsense\n")
    assert broken.exit_code == 2
    assert broken.stderr.startswith("tmx-export: error: <stdin>:1: ")
    sqlite = CliRunner().invoke(main, [*args, "--glossary", "-"],
                                input=b"SQLite format 3\x00" + bytes(100))
    assert sqlite.exit_code == 2 and "a termbase cannot be read from standard input" \
        in sqlite.stderr
    twice = CliRunner().invoke(main, ["check", "-", "--glossary", "-"],
                               input=glossary.read_bytes())
    assert twice.exit_code == 2 and twice.stdout == ""
    assert "standard input ('-') can feed one of the memory, --glossary and --accept" \
        in twice.stderr
