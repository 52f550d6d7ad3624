"""Trust in the termbase and its files: `terms apply` is all or nothing, runs sharing a
termbase take turns, a locked or damaged termbase is one line, spreadsheets never get formulas.

Real data: the seed paragraph (EP text) extracted and stored as ``terms`` does.
"""

from __future__ import annotations

import csv
import multiprocessing
import random
import sqlite3
import time
import traceback
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from test_terms import _europarl_session, seed_pair

from tmx_export.cli.terms import terms_command as terms
from tmx_export.errors import InputError, Terminated
from tmx_export.terms import Document, Termbase, TermPair, extract_terms, fingerprint
from tmx_export.terms.glossary import write_glossary
from tmx_export.terms.review import apply_review, write_review

DATA = Path(__file__).parent / "data"
SEED_DUMP = DATA / "terms_seed_dump.txt"


def seed_termbase(db: Path) -> list[TermPair]:
    """The seed document stored in ``db``; the stored pairs."""
    pair = seed_pair()
    with Termbase(db) as termbase:
        termbase.update(extract_terms([pair]),
                        {pair.file: Document(pair.file, fingerprint([pair]), 1)})
        return termbase.pairs()


def dump(db: Path) -> list[str]:
    """Everything the termbase holds, as SQL."""
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def stored(db: Path) -> dict[str, TermPair]:
    with Termbase(db) as termbase:
        return {p.source_term: p for p in termbase.pairs()}


class Review:
    """A review file written from the termbase, edited as a terminologist would."""

    def __init__(self, path: Path, pairs: list[TermPair]) -> None:
        self.path = path
        write_review(pairs, path)
        self.book = load_workbook(path)
        self.sheet = self.book["review"]
        self.header = [c.value for c in self.sheet[1]]
        self.rows = {self.sheet.cell(r, 1).value: r for r in range(2, self.sheet.max_row + 1)}

    def set(self, term: str, column: str, value: str | None) -> int:
        row = self.rows[term]
        self.sheet.cell(row, self.header.index(column) + 1).value = value
        return row

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# -- terms apply: all or nothing -----------------------------------------------------------

def test_apply_with_a_bad_row_records_nothing(tmp_path):
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    review.set("cluster", "status", "approved")
    review.set("value chain", "status", "rejected")
    review.set("value chain", "note", "too general")
    bad = review.set("policy", "status", "maybe")  # a row after the good ones
    review.save()
    before = dump(db)
    with Termbase(db) as termbase, pytest.raises(InputError) as info:
        apply_review(review.path, termbase)
    assert f":{bad}:" in str(info.value) and "maybe" in str(info.value)
    assert dump(db) == before
    assert {p.status for p in stored(db).values()} == {"proposed"}
    # the command line: one error line, exit 1, nothing written either
    result = CliRunner().invoke(terms, ["apply", str(review.path), "--termbase", str(db)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert error_lines(result) == [f"tmx-export: error: {review.path}:{bad}: {info.value.message}"]
    assert dump(db) == before
    # the same file with the bad row fixed: everything is recorded
    review.set("policy", "status", "approved")
    review.save()
    with Termbase(db) as termbase:
        summary = apply_review(review.path, termbase)
    assert summary.changed == 3
    after = stored(db)
    assert after["cluster"].status == after["policy"].status == "approved"
    assert (after["value chain"].status, after["value chain"].note) == ("rejected", "too general")


def test_blank_status_leaves_status_and_note_as_they_are(tmp_path):
    db = tmp_path / "terms.db"
    pairs = seed_termbase(db)
    with Termbase(db) as termbase:
        termbase.set_status(pairs[0].id, "approved", "IATE agrees")
        pairs = termbase.pairs()
    assert pairs[0].source_term == "cluster"
    review = Review(tmp_path / "review.xlsx", pairs)
    review.set("cluster", "status", None)
    review.set("cluster", "note", "edited, but the status is blank")
    review.set("Commission", "status", "rejected")
    review.save()
    with Termbase(db) as termbase:
        summary = apply_review(review.path, termbase)
    assert (summary.changed, summary.unchanged) == (1, len(pairs) - 1)
    after = stored(db)
    assert (after["cluster"].status, after["cluster"].note) == ("approved", "IATE agrees")
    assert after["Commission"].status == "rejected"


def test_what_a_blank_status_leaves_out_is_said(tmp_path):
    """A note typed beside a blank status, and a pair typed under the others without a
    status, were left out with nothing said but "unchanged"."""
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    review.set("cluster", "status", None)
    review.set("cluster", "note", "IATE 1234")
    row = review.sheet.max_row + 1
    for column, value in (("source term", "industrial policies"),
                          ("target term", "politiques industrielles")):
        review.sheet.cell(row, review.header.index(column) + 1).value = value
    review.save()
    before = dump(db)
    result = CliRunner().invoke(terms, ["apply", str(review.path), "--termbase", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 note(s) not recorded: the row's status is blank (choose a status to record " \
        "a note)" in result.stdout
    assert "1 row(s) of a pair the termbase does not hold left out: the status is blank " \
        "(choose a status to add the pair)" in result.stdout
    assert dump(db) == before


def test_an_older_export_does_not_revert_decisions_or_delete_notes(tmp_path):
    db = tmp_path / "terms.db"
    old = Review(tmp_path / "old.xlsx", seed_termbase(db))  # every row says proposed
    # decided after the export, by another reviewer
    by_term = stored(db)
    with Termbase(db) as termbase:
        termbase.set_status(by_term["cluster"].id, "approved", "IATE agrees")
        termbase.set_status(by_term["Commission"].id, "rejected", "not a term")
        termbase.set_status(by_term["policy"].id, "approved", "checked")
    # the old file brings one explicit new decision, with its note cell left empty
    old.set("policy", "status", "forbidden")
    old.set("value chain", "status", "approved")
    old.save()
    result = CliRunner().invoke(terms, ["apply", str(old.path), "--termbase", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 pair(s) the termbase holds otherwise than the review file showed, their " \
        "cells left as written: the termbase's kept" in result.output
    assert "policy -> politique: status 'approved' in the termbase, not what the review " \
        "file showed; the file's 'forbidden' recorded over it" in result.output
    assert "Commission -> " not in result.output and "cluster -> " not in result.output
    after = stored(db)
    assert (after["cluster"].status, after["cluster"].note) == ("approved", "IATE agrees")
    assert (after["Commission"].status, after["Commission"].note) == ("rejected", "not a term")
    assert (after["policy"].status, after["policy"].note) == ("forbidden", "checked")
    assert after["value chain"].status == "approved"


def test_an_edited_spelling_of_the_same_term_is_recorded_and_kept(tmp_path):
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    review.set("value chain", "target term", "chaîne de valeurs")  # same lemma key
    review.save()
    with Termbase(db) as termbase:
        summary = apply_review(review.path, termbase)
    assert summary.changes == [("value chain", "chaîne de valeurs", "proposed")]
    assert stored(db)["value chain"].target_term == "chaîne de valeurs"
    # a later run adding another document keeps the terminologist's spelling
    other = seed_pair(file="ep-35.txt")
    other.source = other.source.replace("Calls on", "Again calls on")
    with Termbase(db) as termbase:
        termbase.update(extract_terms([other]),
                        {other.file: Document(other.file, fingerprint([other]), 1)})
        chain = next(p for p in termbase.pairs() if p.source_term == "value chain")
    assert (chain.target_term, chain.count) == ("chaîne de valeurs", 4)
    # and the outputs show it
    write_glossary([chain], tmp_path / "g.csv")
    written = (tmp_path / "g.csv").read_text("utf-8")
    assert "value chain,chaîne de valeurs,4,2.20,proposed" in written


@pytest.mark.parametrize(("column", "value", "message"), [
    ("target term", "grappe", "target term 'grappe' is not a form of 'politique'"),
    ("source term", "industrial policy", "source term 'industrial policy' is not a form of"),
    ("source term", None, "the source term is empty"),
])
def test_an_edited_term_that_is_another_term_is_refused(tmp_path, column, value, message):
    db = tmp_path / "terms.db"
    pairs = seed_termbase(db)
    assert pairs[-1].source_term == "policy"
    review = Review(tmp_path / "review.xlsx", pairs)
    review.set("cluster", "status", "approved")  # a good row before the refused one
    row = review.set("policy", column, value)
    review.save()
    before = dump(db)
    with Termbase(db) as termbase, pytest.raises(InputError) as info:
        apply_review(review.path, termbase)
    assert str(info.value).startswith(f"{review.path}:{row}: ")
    assert message in str(info.value)
    assert dump(db) == before


def test_a_row_added_by_hand_is_a_new_pair_of_the_files_languages(tmp_path):
    # issue 17: "row without its key columns (languages, lemmas)" for a row a reviewer
    # typed under the others, the hidden key columns left empty
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    # a row as a termbase of schema 4 wrote it: the same language pair
    review.set("cluster", "source lang", "en-GB")
    review.set("cluster", "target lang", "fr-FR")
    row = review.sheet.max_row + 1
    for column, value in (("source term", "industrial policies"),
                          ("target term", "politiques industrielles"), ("status", "approved")):
        review.sheet.cell(row, review.header.index(column) + 1).value = value
    review.save()
    with Termbase(db) as termbase:
        summary = apply_review(review.path, termbase)
    assert summary.added == 1
    added = stored(db)["industrial policies"]
    assert (added.key, added.status) == (
        ("en", "fr", "industrial policy", "politique industriel"), "approved")


def test_a_review_file_of_another_termbase_is_refused_naming_the_row(tmp_path):
    """A review file written from the termbase of a Europarl session, applied to the seed
    document's: its proposed rows became pairs of this termbase and the citation forms of
    the session were recorded over this termbase's as a reviewer's spellings, exit 0."""
    db = tmp_path / "seed.db"
    seed = seed_termbase(db)
    units = _europarl_session()
    with Termbase(tmp_path / "session.db") as other:
        other.update(extract_terms(units),
                     {"ep-00-01-17": Document("ep-00-01-17", fingerprint(units), len(units))})
        session = other.pairs()
    review = Review(tmp_path / "review.xlsx", session)
    review.set("Member State", "status", "approved")
    review.save()
    known = {(p.source_lemma, p.target_lemma) for p in seed}
    strangers = [n for n, p in enumerate(session, 2)
                 if (p.source_lemma, p.target_lemma) not in known]
    assert 0 < len(strangers) < len(session)  # the two termbases share some pairs
    first = session[strangers[0] - 2]
    before = dump(db)
    with Termbase(db) as termbase, pytest.raises(InputError) as info:
        apply_review(review.path, termbase)
    assert str(info.value) == (
        f"{review.path}:{strangers[0]}: the termbase holds no pair {first.source_term} -> "
        f"{first.target_term} (nor the pairs of {len(strangers) - 1} other rows): the review "
        "file was written from another termbase; nothing recorded (to add a pair, type its "
        "row without the hidden key columns, or give it with --glossary)")
    assert dump(db) == before
    result = CliRunner().invoke(terms, ["apply", str(review.path), "--termbase", str(db)])
    assert result.exit_code == 1
    assert error_lines(result) == [f"tmx-export: error: {info.value}"]
    assert dump(db) == before


def test_a_decision_written_as_a_formula_without_its_value_is_refused(tmp_path):
    """openpyxl (a script bulk-deciding rows) saves a formula without computing it: the
    status read as blank, the decision left out, and the run said "0 pair(s) changed"."""
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    review.set("cluster", "status", "approved")
    row = review.set("value chain", "status", '=IF(E3>1,"approved","rejected")')
    review.save()
    before = dump(db)
    with Termbase(db) as termbase, pytest.raises(InputError) as info:
        apply_review(review.path, termbase)
    assert str(info.value) == (
        f"{review.path}:{row}: the status cell is a formula without a computed value "
        '(=IF(E3>1,"approved","rejected")): open and save the file in a spreadsheet '
        "program, or type the value")
    assert dump(db) == before
    # typed as a value, it is recorded
    review.set("value chain", "status", "approved")
    review.save()
    with Termbase(db) as termbase:
        assert apply_review(review.path, termbase).changed == 2


def test_pairs_a_review_file_adds_are_counted_changed(tmp_path):
    """A review file written by a run without a termbase (every row proposed), applied to
    a new termbase: "0 pair(s) changed, 5 unchanged, 5 added"."""
    pairs = extract_terms([seed_pair()])
    review = Review(tmp_path / "review.xlsx", pairs)
    with Termbase(tmp_path / "t.db") as termbase:
        summary = apply_review(review.path, termbase)
    assert (summary.changed, summary.unchanged, summary.added) == (len(pairs), 0, len(pairs))
    # the run says the added pairs are among the changed ones: "5 pair(s) changed, 0
    # unchanged, 5 added" read as ten pairs
    from tmx_export.terms.run import apply_review_file

    said: list[str] = []
    apply_review_file(str(review.path), str(tmp_path / "t.db"), say=said.append)
    assert said[0].startswith(f"0 pair(s) changed, {len(pairs)} unchanged")
    other = tmp_path / "other.db"
    Termbase(other).close()
    said.clear()
    apply_review_file(str(review.path), str(other), say=said.append)
    assert said[0].startswith(f"{len(pairs)} pair(s) changed ({len(pairs)} of them added to "
                              "the termbase), 0 unchanged")


def test_a_row_with_part_of_its_key_names_the_row_and_what_is_missing(tmp_path):
    db = tmp_path / "terms.db"
    review = Review(tmp_path / "review.xlsx", seed_termbase(db))
    row = review.set("policy", "target lemma", None)
    review.save()
    before = dump(db)
    with Termbase(db) as termbase, pytest.raises(InputError) as info:
        apply_review(review.path, termbase)
    assert str(info.value) == (
        f"{review.path}:{row}: row policy -> politique has no target lemma (hidden columns):"
        " fill them in as in the other rows, or add the pair with --glossary")
    assert dump(db) == before


def test_the_same_pair_twice_with_different_decisions_is_refused(tmp_path):
    db = tmp_path / "terms.db"
    pairs = seed_termbase(db)
    review = Review(tmp_path / "review.xlsx", pairs + pairs[:1])
    last = review.sheet.max_row
    review.sheet.cell(2, review.header.index("status") + 1).value = "approved"
    review.sheet.cell(last, review.header.index("status") + 1).value = "rejected"
    review.save()
    with Termbase(db) as termbase, pytest.raises(InputError, match="same pair as row 2") as info:
        apply_review(review.path, termbase)
    assert f":{last}:" in str(info.value)
    assert {p.status for p in stored(db).values()} == {"proposed"}


# -- several runs, locks, damaged files ------------------------------------------------------

def _add_seed(path: str, messages) -> None:
    """One ``terms --termbase`` run adding the seed document (in a process of its own)."""
    try:
        pair = seed_pair()
        found = extract_terms([pair])
        with Termbase(path) as termbase:
            messages.put(("ready", None))
            summary = termbase.update(found,
                                      {pair.file: Document(pair.file, fingerprint([pair]), 1)})
        messages.put(("done", (summary.added_documents, summary.known_documents)))
    except BaseException:
        messages.put(("failed", traceback.format_exc()))


def test_two_runs_adding_the_same_document_at_once_count_it_once(tmp_path):
    db = tmp_path / "terms.db"
    Termbase(db).close()
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    # Hold the write lock until both runs are about to update, so that they really meet:
    # each one then finds the document missing unless it waits for the lock before looking.
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    runs = [context.Process(target=_add_seed, args=(str(db), messages)) for _ in range(2)]
    for run in runs:
        run.start()
    results: list[tuple[str, object]] = []
    try:
        ready = 0
        while ready < 2 and not results:
            kind, value = messages.get(timeout=120)
            if kind == "ready":
                ready += 1
            else:
                results.append((kind, value))
        # A moment for both to reach the lock. It only widens the window for the race the
        # test is about; correct code passes however the runs are timed.
        time.sleep(0.5)
    finally:
        holder.close()  # rolls back: the runs may go
    while len(results) < 2:
        kind, value = messages.get(timeout=120)
        if kind != "ready":
            results.append((kind, value))
    for run in runs:
        run.join(timeout=120)
    assert [kind for kind, _ in results] == ["done", "done"], results
    assert sorted(results) == [("done", ([], ["ep-34.txt"])), ("done", (["ep-34.txt"], []))]
    with Termbase(db) as termbase:
        assert [d.name for d in termbase.documents()] == ["ep-34.txt"]
        cluster = termbase.pairs()[0]
    assert (cluster.source_term, cluster.count) == ("cluster", 6)


DGT_MEMORY = DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"  # EN-GB/FR-FR units among 24 languages


def _stopped(monkeypatch, stop: BaseException) -> None:
    """Extraction stopped by ``stop`` (Ctrl-C, SIGTERM) once the termbase is open."""
    def extract(*args, **kwargs):
        raise stop

    monkeypatch.setattr("tmx_export.terms.associate.extract_terms", extract)


@pytest.mark.parametrize("stop, status", [(KeyboardInterrupt(), 130), (Terminated(15), 143)])
def test_a_run_stopped_midway_leaves_no_new_termbase(tmp_path, monkeypatch, stop, status):
    # `terms MEMORY --termbase new.db` stopped while it extracted (Ctrl-C, a CI job's
    # SIGTERM) left new.db with its tables and no pair: the next run took it as made
    db = tmp_path / "new.db"
    _stopped(monkeypatch, stop)
    result = CliRunner().invoke(terms, [str(DGT_MEMORY), "--termbase", str(db)])
    assert result.exit_code == status, result.output
    assert list(tmp_path.iterdir()) == []  # nor a temporary file, nor its journal


def test_a_run_stopped_midway_leaves_a_termbase_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "terms.db"
    seed_termbase(db)
    before = dump(db)
    _stopped(monkeypatch, KeyboardInterrupt())
    result = CliRunner().invoke(terms, [str(DGT_MEMORY), "--termbase", str(db)])
    assert result.exit_code == 130, result.output
    assert dump(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.db"]


def test_a_new_termbase_another_run_made_meanwhile_is_recorded_in(tmp_path, monkeypatch):
    # two jobs creating the same new termbase: the second to finish must not replace the
    # first's (its documents lost), it records its own in it
    db, made = tmp_path / "terms.db", tmp_path / "other.db"
    seed_termbase(made)
    from tmx_export.terms import associate

    extract = associate.extract_terms

    def meanwhile(*args, **kwargs):
        if not db.exists():
            made.rename(db)  # the other run done while this one extracts
        return extract(*args, **kwargs)

    monkeypatch.setattr("tmx_export.terms.associate.extract_terms", meanwhile)
    result = CliRunner().invoke(terms, [str(DGT_MEMORY), "--termbase", str(db)])
    assert result.exit_code == 0, result.output
    assert "made by another run meanwhile" in result.output
    # what it recorded in a termbase it did not put in place goes unsaid
    assert result.output.count("term pair(s) recorded over") == 1
    with Termbase(db) as termbase:
        assert sorted(d.name for d in termbase.documents()) == sorted(
            [seed_pair().file, str(DGT_MEMORY)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.db"]


def test_a_locked_termbase_is_one_line_naming_it(tmp_path, monkeypatch):
    db = tmp_path / "terms.db"
    pairs = seed_termbase(db)
    review = Review(tmp_path / "review.xlsx", pairs)
    review.set("cluster", "status", "approved")
    review.save()
    opened = Termbase(db, timeout=0.2)  # opened before the lock is taken
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, for longer than we wait
    try:
        with pytest.raises(InputError, match="locked") as info:
            Termbase(db, timeout=0.2)
        assert str(info.value).startswith(f"{db}: the termbase is locked")
        with pytest.raises(InputError, match="locked"):
            apply_review(review.path, opened)
        pair = seed_pair(file="ep-35.txt")
        with pytest.raises(InputError, match="locked"):
            opened.update(extract_terms([pair]), {pair.file: Document(pair.file, "other", 1)})
        monkeypatch.setattr("tmx_export.terms.termbase.BUSY_TIMEOUT", 0.2)
        result = CliRunner().invoke(terms, ["apply", str(review.path), "--termbase", str(db)])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
        assert len(error_lines(result)) == 1 and "is locked" in result.stderr
    finally:
        other.close()
        opened.close()
    # the lock gone, the same calls work
    with Termbase(db, timeout=0.2) as termbase:
        assert apply_review(review.path, termbase).changed == 1


def _random_bytes(path: Path) -> bytes:
    data = random.Random(7).randbytes(16384)
    path.write_bytes(data)
    return data


def _damaged_termbase(path: Path) -> bytes:
    """A real termbase whose pages after the first (header and schema) were overwritten."""
    seed_termbase(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    assert len(data) > 2 * page
    data[page:] = random.Random(7).randbytes(len(data) - page)
    path.write_bytes(bytes(data))
    return bytes(data)


def _damaged_index(path: Path) -> bytes:
    """A real termbase with one index page emptied: only a check of every page sees it."""
    seed_termbase(path)
    con = sqlite3.connect(path)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master"
                          " WHERE name = 'sqlite_autoindex_pairs_1'").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    start = (root - 1) * page
    data[start + 8:start + page] = bytes(page - 8)  # the page header kept, its cells gone
    path.write_bytes(bytes(data))
    return bytes(data)


def _other_sqlite_file(path: Path) -> bytes:
    """Another program's SQLite file, which happens to use user_version 1 too."""
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE notes (text); INSERT INTO notes VALUES ('x');"
                      "PRAGMA user_version = 1;")
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("make", [_random_bytes, _damaged_termbase, _damaged_index,
                                  _other_sqlite_file])
def test_a_file_that_is_no_termbase_is_refused_and_left_as_it_was(tmp_path, make):
    db = tmp_path / "terms.db"
    data = make(db)
    xlsx = tmp_path / "review.xlsx"
    pairs = extract_terms([seed_pair()])
    write_review(pairs, xlsx)
    with pytest.raises(InputError, match="not a termbase") as info:
        Termbase(db)
    assert str(info.value).startswith(f"{db}: not a termbase")
    runner = CliRunner()
    for args in ([str(SEED_DUMP), "--termbase", str(db)],
                 ["apply", str(xlsx), "--termbase", str(db)]):
        result = runner.invoke(terms, args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
        lines = error_lines(result)
        assert len(lines) == 1 and lines[0].startswith(f"tmx-export: error: {db}: not a termbase")
        assert db.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.xlsx", "terms.db"]


@pytest.mark.parametrize("name", ["memory.tmx", "paper.xlf", "dump.txt", "pairs.tsv",
                                  "glossary.tbx"])
def test_t15_an_empty_or_new_file_named_like_a_memory_is_no_termbase(tmp_path, name):
    """``Termbase("empty.tmx")`` took the empty file for a new termbase and made it
    SQLite: a typo in ``--termbase`` turned the memory a run was about to write into a
    termbase. An empty or new file named like a memory or a document is refused, left as
    it was (or not made); one named .db is still a new termbase, and a real memory a
    file that is not one."""
    empty, new = tmp_path / name, tmp_path / f"new-{name}"
    empty.write_bytes(b"")
    for path, state in ((empty, "an empty"), (new, "a new")):
        with pytest.raises(InputError, match=f"^{path}: not a termbase: {state} file named"):
            Termbase(path)
    assert empty.read_bytes() == b"" and not new.exists()
    seed_termbase(tmp_path / "terms.db")
    memory = tmp_path / "dgt.tmx"
    memory.write_bytes((DATA / "tmx" / "dgt-tm" / "22019D0437.tmx").read_bytes())
    with pytest.raises(InputError, match="not a termbase"):
        Termbase(memory)

# -- formula injection -----------------------------------------------------------------------

FORMULAS = ["=1+1", "+33 1 40 00", "-ase", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\",\"y\")"]


def formula_pairs() -> list[TermPair]:
    return [TermPair("en-GB", "fr-FR", f"s{n}", f"t{n}", source_term=text,
                     target_term=f"\t{text}", note=text)
            for n, text in enumerate(FORMULAS)]


def test_review_file_holds_formula_like_text_as_strings(tmp_path):
    xlsx = tmp_path / "review.xlsx"
    pairs = formula_pairs()
    write_review(pairs, xlsx)
    sheet = load_workbook(xlsx)["review"]  # not data_only: a formula would read as one
    header = [c.value for c in sheet[1]]
    for row, pair in enumerate(pairs, 2):
        for column, value in (("source term", pair.source_term), ("target term", pair.target_term),
                              ("note", pair.note)):
            cell = sheet.cell(row, header.index(column) + 1)
            assert (cell.data_type, cell.value) == ("s", value)
    with zipfile.ZipFile(xlsx) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    # read back: the terms land in the termbase as they were written, nothing added or cut
    for row in range(2, len(pairs) + 2):
        sheet.cell(row, header.index("status") + 1).value = "approved"
        term = sheet.cell(row, header.index("target term") + 1)
        term.value = FORMULAS[row - 2]
        term.data_type = "s"  # as typed after a quote: openpyxl would make "=..." a formula
    sheet.parent.save(xlsx)
    with Termbase(tmp_path / "t.db") as termbase:
        assert apply_review(xlsx, termbase).added == len(pairs)
        back = {(p.source_term, p.target_term) for p in termbase.pairs()}
    assert back == {(text, text) for text in FORMULAS}


def test_csv_glossary_cells_never_start_a_formula(tmp_path):
    path = tmp_path / "g.csv"
    pairs = formula_pairs() + [
        TermPair("en-GB", "fr-FR", "c", "d", source_term="\r=1+1", target_term="x\r=cmd"),
        TermPair("en-GB", "fr-FR", "a", "b", source_term="a=b", target_term="x-y"),
    ]
    assert write_glossary(pairs, path) == len(pairs)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["en-GB", "fr-FR", "count", "termhood", "status"]
    for row, text in zip(rows[1:-2], FORMULAS, strict=True):
        assert row == [f"'{text}", f"'\t{text}", "0", "0.00", "proposed"]
    # one row: "=cmd" starts none
    assert rows[-2] == ["'\r=1+1", "x\r=cmd", "0", "0.00", "proposed"]
    assert rows[-1] == ["a=b", "x-y", "0", "0.00", "proposed"]  # only the first character matters
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_cli_csv_glossary_of_the_seed_is_unchanged(tmp_path):
    # real terms start with letters: the defence changes nothing in an ordinary glossary
    out = tmp_path / "g.csv"
    result = CliRunner().invoke(terms, [str(SEED_DUMP), "--csv", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:3] + rows[1][4:] == ["cluster", "conglomérat", "6", "proposed"]
    assert not any(cell.startswith("'") for row in rows for cell in row)


def test_a_defused_csv_glossary_reads_back_as_written(tmp_path) -> None:
    from tmx_export.terms.glossary import read_glossary, write_glossary
    from tmx_export.terms.termpair import TermPair

    # approved: the reader keeps only those of a glossary with a status column
    pairs = [TermPair("en-GB", "fr-FR", "x", "y", "-based approach", "=approche",
                      status="approved"),
             TermPair("en-GB", "fr-FR", "a", "b", "'quoted", "plain", status="approved")]
    path = tmp_path / "g.csv"
    write_glossary(pairs, path)
    assert [(e.source, e.target) for e in read_glossary(path)] == [
        ("-based approach", "=approche"), ("'quoted", "plain")]
