"""The termbase: term pairs, their evidence and review decisions, kept across runs (SQLite).

Counts accumulate over documents and runs; a document is identified by a fingerprint of its
content (:func:`tmx_export.terms.units.document_fingerprints`) and the language pair it was
read for, so running the same document again adds nothing, while a multilingual TMX counts
once for each language pair. The units of every document are kept
(:meth:`Termbase.stored_units`), and a ``terms`` run extracts over all of those of its language
pair and replaces their evidence (:meth:`Termbase.recount`): what is recorded is what one run
over every document would record. Review decisions (status, note, date) are never touched by
later extraction runs.

Every occurrence is stored per document and surface forms, so counts, document frequency and
variants are all derived from one table and cannot disagree. Competing renderings are stored as
pairs like any other; what the outputs call "recorded" is decided when reading
(:meth:`Termbase.pairs`).

The schema is versioned with SQLite's ``user_version``; :data:`MIGRATIONS` holds one script per
version and opening an older termbase applies the missing ones in order, in one transaction.

Several runs may share a termbase: every write happens in one ``BEGIN IMMEDIATE`` transaction
(:meth:`Termbase.transaction`), so writers queue up (waiting up to ``timeout`` seconds, see
:data:`BUSY_TIMEOUT`) instead of interleaving, and each reading (:meth:`Termbase.pairs`) sees
one consistent state. A termbase that cannot be used (locked for too long, damaged, not
SQLite, read-only) is reported as one :class:`~tmx_export.errors.InputError` naming the file,
and a damaged file is refused when opened, before anything is written into it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..lang import COORDINATORS, primary
from ..model import Pair
from .termpair import STATUSES, Context, TermPair

if TYPE_CHECKING:
    from .candidates import Extractor

MAX_STORED_CONTEXTS = 10

# Seconds a run waits for another run to finish writing the same termbase before giving up:
# long enough for a large update by another run, short enough not to look hung.
BUSY_TIMEOUT = 30.0

# SQLite's primary result codes (the low byte of sqlite3.Error.sqlite_errorcode) that come from
# the file or its surroundings rather than from a bug here: reported as one line, not a traceback.
_BUSY, _LOCKED, _CORRUPT, _NOTADB = 5, 6, 11, 26
_CANTOPEN, _READONLY, _FULL, _IOERR, _PERM = 14, 8, 13, 10, 3

# MIGRATIONS[n] brings a termbase from version n to n + 1. Append, never edit.
# Migrations 5 and 6: each pair of temp table pair_keep (id -> the pair it merges into,
# keep) hands its occurrences, contexts, glossary mark and reviewer's spelling to the pair
# it keeps, and is deleted.
_MERGE_KEPT_PAIRS = """
    INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)
        SELECT k.keep, o.document_id, o.source_form, o.target_form, o.count
        FROM occurrences o JOIN pair_keep k ON k.id = o.pair_id WHERE k.id != k.keep
        ON CONFLICT DO UPDATE SET count = count + excluded.count;
    DELETE FROM occurrences WHERE pair_id IN (SELECT id FROM pair_keep WHERE id != keep);
    UPDATE contexts SET pair_id = (SELECT keep FROM pair_keep WHERE pair_keep.id = contexts.pair_id)
        WHERE pair_id IN (SELECT id FROM pair_keep WHERE id != keep);
    UPDATE pairs SET
        glossary = (SELECT max(q.glossary) FROM pairs q JOIN pair_keep k ON k.id = q.id
                    WHERE k.keep = pairs.id),
        terms_edited = (SELECT max(q.terms_edited) FROM pairs q JOIN pair_keep k ON k.id = q.id
                        WHERE k.keep = pairs.id)
        WHERE id IN (SELECT keep FROM pair_keep WHERE id != keep);
    DELETE FROM pairs WHERE id IN (SELECT id FROM pair_keep WHERE id != keep);
"""


# Each pair's keys made anew by _rekey_pairs into pair_rekey, and the pairs that now share a
# key merged as in migration 5: migrations 6 to 12 below.
_REKEY_SCRIPT = """
    CREATE TEMP TABLE pair_keep AS SELECT p.id, first_value(p.id) OVER (PARTITION BY
        p.source_lang, p.target_lang, r.source_lemma, r.target_lemma
        ORDER BY p.status != 'proposed' DESC, coalesce(p.status_date, '') DESC, p.id) AS keep
        FROM pairs p JOIN pair_rekey r ON r.id = p.id;
    """ + _MERGE_KEPT_PAIRS + """
    UPDATE pairs SET source_lemma = char(0) || id, target_lemma = char(0) || id;
    UPDATE pairs SET
        source_lemma = (SELECT r.source_lemma FROM pair_rekey r WHERE r.id = pairs.id),
        target_lemma = (SELECT r.target_lemma FROM pair_rekey r WHERE r.id = pairs.id);
    DROP TABLE pair_keep;
    DROP TABLE pair_rekey
    """

# The keys a re-keying migration took from pairs, each with the key it gave: a review file
# written before names its pairs by the old keys (its hidden key columns), and is matched
# through them (Termbase.renamed). A key given again later is followed to the latest.
_KEY_ALIASES = """
    CREATE TABLE IF NOT EXISTS key_aliases (
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        old_source_lemma TEXT NOT NULL,
        old_target_lemma TEXT NOT NULL,
        source_lemma TEXT NOT NULL,
        target_lemma TEXT NOT NULL,
        PRIMARY KEY (source_lang, target_lang, old_source_lemma, old_target_lemma)
    );
    UPDATE key_aliases SET
        source_lemma = (SELECT r.source_lemma FROM pairs p JOIN pair_rekey r ON r.id = p.id
            WHERE p.source_lang = key_aliases.source_lang
            AND p.target_lang = key_aliases.target_lang
            AND p.source_lemma = key_aliases.source_lemma
            AND p.target_lemma = key_aliases.target_lemma),
        target_lemma = (SELECT r.target_lemma FROM pairs p JOIN pair_rekey r ON r.id = p.id
            WHERE p.source_lang = key_aliases.source_lang
            AND p.target_lang = key_aliases.target_lang
            AND p.source_lemma = key_aliases.source_lemma
            AND p.target_lemma = key_aliases.target_lemma)
        WHERE EXISTS (SELECT 1 FROM pairs p WHERE p.source_lang = key_aliases.source_lang
            AND p.target_lang = key_aliases.target_lang
            AND p.source_lemma = key_aliases.source_lemma
            AND p.target_lemma = key_aliases.target_lemma);
    INSERT OR REPLACE INTO key_aliases SELECT p.source_lang, p.target_lang, p.source_lemma,
        p.target_lemma, r.source_lemma, r.target_lemma
        FROM pairs p JOIN pair_rekey r ON r.id = p.id
        WHERE p.source_lemma != r.source_lemma OR p.target_lemma != r.target_lemma
    """

MIGRATIONS: list[str] = [
    f"""
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        units INTEGER NOT NULL,
        added TEXT NOT NULL
    );
    CREATE TABLE pairs (
        id INTEGER PRIMARY KEY,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source_lemma TEXT NOT NULL,
        target_lemma TEXT NOT NULL,
        source_term TEXT NOT NULL,
        target_term TEXT NOT NULL,
        pos TEXT,
        glossary INTEGER NOT NULL DEFAULT 0,
        dice REAL NOT NULL DEFAULT 0,
        llr REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'proposed'
            CHECK (status IN ({", ".join(repr(s) for s in STATUSES)})),
        note TEXT NOT NULL DEFAULT '',
        status_date TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (source_lang, target_lang, source_lemma, target_lemma)
    );
    CREATE INDEX pairs_source ON pairs (source_lang, source_lemma);
    CREATE INDEX pairs_target ON pairs (target_lang, target_lemma);
    CREATE TABLE occurrences (
        pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        source_form TEXT NOT NULL,
        target_form TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (pair_id, document_id, source_form, target_form)
    );
    CREATE TABLE contexts (
        id INTEGER PRIMARY KEY,
        pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        tuid TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        source_start INTEGER NOT NULL,
        source_end INTEGER NOT NULL,
        target_start INTEGER NOT NULL,
        target_end INTEGER NOT NULL
    );
    CREATE INDEX contexts_pair ON contexts (pair_id);
    """,
    # 2: a document is counted once per language pair, not once in all: a multilingual TMX
    # read for EN-DE is new to an EN-FR run. A document already counted takes the language
    # pair of its occurrences (a run counted it under one pair); one without any ('', '')
    # gave nothing, so counting it again under its pair loses and doubles nothing. The
    # table is made anew (SQLite cannot drop a UNIQUE); foreign keys are off meanwhile.
    """
    CREATE TABLE documents_new (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        name TEXT NOT NULL,
        units INTEGER NOT NULL,
        added TEXT NOT NULL,
        UNIQUE (fingerprint, source_lang, target_lang)
    );
    INSERT INTO documents_new (id, fingerprint, source_lang, target_lang, name, units, added)
        SELECT d.id, d.fingerprint,
            coalesce((SELECT p.source_lang FROM occurrences o JOIN pairs p ON p.id = o.pair_id
                      WHERE o.document_id = d.id LIMIT 1), ''),
            coalesce((SELECT p.target_lang FROM occurrences o JOIN pairs p ON p.id = o.pair_id
                      WHERE o.document_id = d.id LIMIT 1), ''),
            d.name, d.units, d.added
        FROM documents d;
    DROP TABLE documents;
    ALTER TABLE documents_new RENAME TO documents;
    """,
    # 3: the units of every document read, so that each run extracts over all those of its
    # language pair: a pair seen once in each of two documents read in two runs counts 2, as
    # in one run
    """
    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        line INTEGER NOT NULL,
        tuid INTEGER
    );
    CREATE INDEX units_document ON units (document_id);
    """,
    # 4: whether a reviewer wrote a pair's terms (a review file's spelling, a pair added by
    # hand): later runs keep those, and give every other pair the citation form of all its
    # occurrences, not the first run's. Which terms an older termbase's reviewers wrote is
    # not known: a decided pair keeps its terms, as a reviewer saw them.
    """
    ALTER TABLE pairs ADD COLUMN terms_edited INTEGER NOT NULL DEFAULT 0;
    UPDATE pairs SET terms_edited = 1 WHERE status != 'proposed';
    """,
    # 5: documents and pairs keyed by primary language, as check reads them: en/fr and
    # en-GB/fr-FR are one language pair. A document counted under both keeps its first
    # counting (the other's evidence was the same bytes counted twice); the pairs of one
    # key merge into the decided one (the latest decision, if several), with every
    # occurrence and context.
    """
    CREATE TEMP TABLE document_keep AS SELECT id, first_value(id) OVER (PARTITION BY
        fingerprint, primary_lang(source_lang), primary_lang(target_lang) ORDER BY id) AS keep
        FROM documents;
    DELETE FROM occurrences WHERE document_id IN (SELECT id FROM document_keep WHERE id != keep);
    DELETE FROM contexts WHERE document_id IN (SELECT id FROM document_keep WHERE id != keep);
    DELETE FROM units WHERE document_id IN (SELECT id FROM document_keep WHERE id != keep);
    DELETE FROM documents WHERE id IN (SELECT id FROM document_keep WHERE id != keep);
    UPDATE documents SET source_lang = primary_lang(source_lang),
        target_lang = primary_lang(target_lang);
    CREATE TEMP TABLE pair_keep AS SELECT id, first_value(id) OVER (PARTITION BY
        primary_lang(source_lang), primary_lang(target_lang), source_lemma, target_lemma
        ORDER BY status != 'proposed' DESC, coalesce(status_date, '') DESC, id) AS keep
        FROM pairs;
    """ + _MERGE_KEPT_PAIRS + """
    UPDATE pairs SET source_lang = primary_lang(source_lang),
        target_lang = primary_lang(target_lang);
    DROP TABLE pair_keep;
    DROP TABLE document_keep
    """,
    # 6: the lemma keys of today's rules (English contractions keep their spelling, German
    # ß is ss, a French plural takes its singular's key): each pair's keys made anew by
    # _rekey_pairs into pair_rekey, and the pairs that now share a key merged as in 5. The
    # keys go through unique placeholders, as one pair may take a key another gives up.
    _REKEY_SCRIPT,
    # 7: the same again for an acronym's plural, which takes its acronym's key today
    # ("SMEs" -> "sme", as "SME"): "SMEs -> PME" and "SME -> PME" were two pairs
    _REKEY_SCRIPT,
    # 8: and for a German adjective the dictionary also lists as a noun in "-e", which
    # takes the adjective's key today ("Gemischte" -> "gemischt", as "Gemischten"):
    # "gemischte ausschuss" and "gemischt ausschuss" were two pairs of one term
    _REKEY_SCRIPT,
    # 9: and for an English word whose lemma the lemmatiser spelt in a rarer "-e", which takes
    # the common spelling's key today ("Annexes" -> "annex", as "Annex"): "Annexes ->
    # annexe" and "Annex -> annexe" were two pairs
    _REKEY_SCRIPT,
    # 10: and for an English noun in "-ing", which is its own key today, not its verb's
    # ("planning" -> "planning", not "plan"; "meeting" as "meetings"): "spatial planning"
    # and "spatial plan" were one pair, "annual meeting" and "annual meetings" two
    # (the old keys kept in key_aliases first, for the review files written before)
    _KEY_ALIASES + ";" + _REKEY_SCRIPT,
    # 11: and for a German noun in "-e" whose lemma the dictionary also reads as the word
    # without it ("Spalten" -> "Spalte" -> "spalt", as "Spalte" was keyed): "Spalte" and
    # "Spalten" of one term were two pairs
    _KEY_ALIASES + ";" + _REKEY_SCRIPT,
    # 12: and for a Polish noun whose plural, or genitive, the dictionary lists as a lemma
    # of its own ("środki", "prawa"), which takes its singular's key today ("środek",
    # "prawo"): "prawa międzynarodowego" and "prawo międzynarodowe" were two pairs
    _KEY_ALIASES + ";" + _REKEY_SCRIPT,
]
SCHEMA_VERSION = len(MIGRATIONS)
# The migrations (by index) that read the pairs' lemma keys made anew in Python first.
_REKEY_MIGRATIONS = (5, 6, 7, 8, 9, 10, 11)
# what the current schema has
_TABLES = {"documents", "pairs", "occurrences", "contexts", "units", "key_aliases"}
_TABLES_1 = {"documents", "pairs", "occurrences", "contexts"}  # what schema version 1 has


@dataclass(slots=True)
class Document:
    """An input document as the termbase knows it: counted once per language pair (a
    multilingual TMX read for EN-DE is still new to an EN-FR run), under the tags its units
    carry, as the pairs are stored."""

    name: str
    fingerprint: str
    units: int = 0
    source_lang: str = ""
    target_lang: str = ""
    # a pair of parallel files: the fingerprint earlier versions gave it, its source file's
    # bytes alone (see new_documents); never stored
    legacy_fingerprint: str = ""
    # the fingerprint of its files' bytes, which termbases stored before a re-saved copy
    # was recognised (see new_documents); never stored
    bytes_fingerprint: str = ""


@dataclass(slots=True)
class UpdateSummary:
    added_documents: list[str] = field(default_factory=list)
    known_documents: list[str] = field(default_factory=list)  # already counted: skipped
    new_pairs: int = 0
    updated_pairs: int = 0


def primary_langs(langs: tuple[str, str]) -> tuple[str, str]:
    """The (source, target) pair the termbase keys documents and pairs by: primary language
    subtags, as ``check`` reads them ("en-GB", "fr-FR" -> "en", "fr")."""
    return primary(langs[0]), primary(langs[1])


def _rekey_pairs(db: sqlite3.Connection) -> None:
    """Fill the temporary table ``pair_rekey`` with each pair's lemma keys as today's
    rules make them, for migrations 6 to 12 to merge by. A side's key is that of the form its
    occurrences write most (the text the key was made from; a term may be a citation form
    keyed otherwise), else of its term; a language without term rules keeps its keys."""
    db.execute("CREATE TEMP TABLE pair_rekey (id INTEGER PRIMARY KEY, source_lemma TEXT,"
               " target_lemma TEXT)")
    extractors: dict[str, Extractor | None] = {}
    rows = db.execute(
        "SELECT p.id, p.source_lang, p.target_lang, p.source_lemma, p.target_lemma,"
        " coalesce((SELECT o.source_form FROM occurrences o WHERE o.pair_id = p.id"
        "  GROUP BY o.source_form ORDER BY sum(o.count) DESC, o.source_form LIMIT 1),"
        "  p.source_term),"
        " coalesce((SELECT o.target_form FROM occurrences o WHERE o.pair_id = p.id"
        "  GROUP BY o.target_form ORDER BY sum(o.count) DESC, o.target_form LIMIT 1),"
        "  p.target_term)"
        " FROM pairs p").fetchall()
    db.executemany("INSERT INTO pair_rekey VALUES (?, ?, ?)", [
        (pair_id, key_today(extractors, source_lang, source_lemma, source_form),
         key_today(extractors, target_lang, target_lemma, target_form))
        for pair_id, source_lang, target_lang, source_lemma, target_lemma, source_form,
        target_form in rows])


def key_today(extractors: dict[str, Extractor | None], lang: str, lemma: str, form: str) -> str:
    """The lemma key of ``form`` in ``lang`` by today's rules; ``lemma`` (the stored key)
    when the language has no term rules or the form gives no key. ``extractors`` caches
    the extractor of each language (None: no term rules)."""
    if lang not in extractors:
        from .candidates import Extractor

        try:
            extractors[lang] = Extractor(lang)
        except ValueError:  # no term rules for it: no key changed
            extractors[lang] = None
    extractor = extractors[lang]
    return (extractor.key(form) if extractor is not None else "") or lemma


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class TermbaseAppeared(Exception):
    """Another run made the new termbase while this one made it (:func:`new_termbase`)."""


@contextmanager
def new_termbase(path: str | Path) -> Iterator[str]:
    """The name of a temporary file beside ``path``, to make a new termbase in; linked into
    place as ``path`` when the block ends well, removed (its journal too) on any failure.
    ``terms --termbase new.db`` stopped by Ctrl-C, SIGTERM or an error while it extracted
    left an empty termbase (its tables alone), which the next run took as made. Raises
    :class:`TermbaseAppeared` when ``path`` was made meanwhile (another run's termbase,
    never replaced: its documents would be lost); the caller then records in it."""
    import os

    from ..formats.text import output_target, temp_beside

    made: list[str] = []
    try:
        fd, tmp = temp_beside(path, made)
        os.close(fd)
        made.append(tmp + "-journal")  # SQLite's, while a transaction is open
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        target = output_target(path)[1]
        try:
            os.link(tmp, target)  # never over a file: unlike a rename
        except FileExistsError:
            raise TermbaseAppeared(str(path)) from None
        except OSError:  # a file system without hard links
            if target.exists():
                raise TermbaseAppeared(str(path)) from None
            os.replace(tmp, target)
    finally:
        for name in made:
            try:
                os.unlink(name)
            except OSError:
                pass


# Endings of the files a run reads or writes besides those of the readers
# (:data:`~tmx_export.inputs.EXTENSIONS`): a dump, a TBX, a report.
_OTHER_ENDINGS = (".txt", ".tbx", ".xml", ".html", ".htm", ".gz")


def _refuse_empty_of_another_kind(path: str, name: str) -> None:
    """Refuse an empty (or new) file named like a memory or a document as a termbase: SQLite
    takes any empty file for a new database, so ``Termbase("memory.tmx")`` (a typo in
    ``--termbase``, or the memory a build is about to write) made the empty ``.tmx`` a
    termbase, and the memory written there next was refused or overwrote it."""
    from ..inputs import EXTENSIONS

    file = Path(path)
    lower = file.name.lower()
    ending = next((e for e in (*EXTENSIONS, *_OTHER_ENDINGS) if lower.endswith(e)), None)
    exists = file.exists()
    if ending is None or exists and (not file.is_file() or file.stat().st_size):
        return
    state = "an empty" if exists else "a new"
    raise InputError(name, f"not a termbase: {state} file named {ending}, as a memory or a "
                     "document is; a termbase is the SQLite file `tmx-export terms "
                     "--termbase` writes (name a new one .db)")


class Termbase:
    """A termbase file. Use as a context manager, or call :meth:`close`.

    ``timeout`` is how long (seconds) to wait for another run holding the file before
    giving up with an :class:`InputError` saying it is locked (default :data:`BUSY_TIMEOUT`).
    ``name`` is the file errors name, when ``path`` is a temporary file standing for it
    (a new termbase made whole, :func:`new_termbase`).
    """

    def __init__(self, path: str | Path, timeout: float | None = None, *,
                 name: str | None = None) -> None:
        self.path = str(path)
        self.name = self.path if name is None else name
        # read when opening, not when defining: a caller (or a test) may change BUSY_TIMEOUT
        self.timeout = timeout = BUSY_TIMEOUT if timeout is None else timeout
        self._depth = 0  # transaction nesting: only the outermost one begins and commits
        _refuse_empty_of_another_kind(self.path, self.name)
        try:
            # isolation_level=None: no implicit transactions; this class begins and ends them
            # itself, because Python's implicit BEGIN comes only at the first INSERT or UPDATE,
            # after the look-ups it should have covered (see transaction())
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            # (the migration to schema 5 keys the language pairs by it)
            self.db.create_function("primary_lang", 1, primary, deterministic=True)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            with self._guard():
                self._check()
                # before foreign keys are on: a migration that makes a table anew drops the
                # old one, which would cascade to the rows referring to it
                self._migrate()
                self.db.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            self.db.close()
            raise

    def __enter__(self) -> Termbase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        with self._guard():
            return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _check(self) -> None:
        # A damaged file must be refused before anything is written into it: SQLite itself
        # only notices damage on the pages a statement happens to touch. quick_check reads
        # every page (not the slower cross-checks of integrity_check); a file that is not
        # SQLite at all fails here too ("file is not a database").
        rows = [str(row[0]) for row in self.db.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            # one line for the user: the report comes as lines, under headings like
            # "*** in database main ***"
            problems = [line.strip() for row in rows for line in row.splitlines()
                        if line.strip() and not line.startswith("***")] or ["unknown damage"]
            more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
            raise self._damaged(f"{problems[0]}{more}")

    def _damaged(self, problem: str) -> InputError:
        return InputError(self.name, f"not a termbase (the SQLite file is damaged: {problem});"
                          " restore it from a backup")

    def _error(self, exc: sqlite3.Error) -> Exception:
        """The one-line error for a failure of the termbase file, or ``exc`` itself for
        anything else (a bug here, which deserves its traceback)."""
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (_BUSY, _LOCKED):
            return InputError(self.name, f"the termbase is locked by another program (waited "
                              f"{self.timeout:g} s); try again when it has finished")
        if code == _NOTADB:
            return InputError(self.name, f"not a termbase ({exc})")
        if code == _CORRUPT:
            return self._damaged(str(exc))
        if code in (_CANTOPEN, _PERM):
            return InputError(self.name, f"cannot open the termbase ({exc})")
        if code in (_READONLY, _FULL, _IOERR):
            return InputError(self.name, f"cannot write to the termbase ({exc})")
        return exc

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn a failure of the termbase file into its one-line :class:`InputError`."""
        try:
            yield
        except sqlite3.Error as exc:
            error = self._error(exc)
            if error is exc:
                raise
            raise error from None

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[None]:
        """One transaction around the block: committed at its end, rolled back (nothing
        written) when it raises. Nested blocks join the outermost one.

        A write transaction begins with ``BEGIN IMMEDIATE``: it takes the file's write lock
        before reading anything, so two runs never both decide from the same state (e.g. that
        a document is new); the second waits for the first to commit, up to ``timeout``. A
        read transaction (``write=False``) holds a consistent snapshot across its queries.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._guard():
            self.db.execute("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")
        self._depth = 1
        try:
            with self._guard():
                yield
                self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the error being raised says more; SQLite undoes it on close anyway
            raise
        finally:
            self._depth = 0

    def _migrate(self) -> None:
        version = self.version
        if version == SCHEMA_VERSION:
            # another program's SQLite file may carry a user_version too: without the tables
            # it would fail later, half-way through a run, with "no such table"
            tables = {name for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not _TABLES <= tables:
                raise InputError(self.name, "not a termbase (an SQLite file with other tables)")
            return
        # one transaction: a failed migration leaves the file as it was, and a second run
        # creating the same new termbase at the same time waits, then finds it made
        with self.transaction():
            version = self.version
            if version > SCHEMA_VERSION:
                raise InputError(self.name, f"termbase schema version {version} is newer than "
                                 f"this tmx-export understands ({SCHEMA_VERSION}); upgrade "
                                 "tmx-export")
            if version == SCHEMA_VERSION:
                return
            tables = {name for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            # a new file is empty; an older termbase has the tables of version 1 at least.
            # A version 2 with units is no termbase that shipped (a branch's schema 2 kept
            # units, main's counted documents per language pair): refused, not half-migrated.
            foreign = (bool(tables) if version == 0
                       else not _TABLES_1 <= tables or version == 2 and "units" in tables)
            if foreign:
                raise InputError(self.name, "not a termbase (an SQLite file with other tables)")
            for index, script in enumerate(MIGRATIONS[version:], version):
                if index in _REKEY_MIGRATIONS:
                    _rekey_pairs(self.db)
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- writing ------------------------------------------------------------------------------

    def update(self, pairs: Iterable[TermPair], documents: Mapping[str, Document]) -> UpdateSummary:
        """Add the evidence of ``pairs`` (and their competitors) from documents not seen before.

        ``documents`` maps the ``file`` names the pairs' forms refer to onto their
        fingerprints. Occurrences in already known documents are ignored, so a document is
        never counted twice, even by two runs adding it at the same time; statuses and notes
        are left as they are. The update is one transaction: all of it is recorded or none.
        """
        with self.transaction():
            return self._update(pairs, documents)[0]

    def update_and_read(self, pairs: Iterable[TermPair], documents: Mapping[str, Document],
                        *, min_count: int = 2, max_contexts: int = 5
                        ) -> tuple[UpdateSummary, list[TermPair] | None]:
        """:meth:`update`; and, when the termbase held no pair before, what :meth:`pairs`
        would read right after it: the same pairs, in the same order, with the same ids
        (:func:`_read_if_new`, as :meth:`recount` gives them), else ``None``."""
        with self.transaction():
            empty = self._holds_no_pair()
            summary, written = self._update(pairs, documents)
            return summary, _read_if_new(empty, written, min_count, max_contexts)

    def _update(self, pairs: Iterable[TermPair], documents: Mapping[str, Document]
                ) -> tuple[UpdateSummary, list[_Written]]:
        """:meth:`update` inside a transaction; also what was written, pair by pair."""
        summary = UpdateSummary()
        now = _now()
        doc_ids: dict[str, int] = {}
        for name, doc in documents.items():
            # Registering is idempotent: a document another run (or another name in this
            # one) already registered is left alone and not counted again.
            cursor = self.db.execute(
                "INSERT INTO documents (fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (fingerprint, source_lang, target_lang) DO NOTHING",
                (doc.fingerprint, *primary_langs((doc.source_lang, doc.target_lang)), name,
                 doc.units, now),
            )
            if cursor.rowcount == 0:
                summary.known_documents.append(name)
                continue
            doc_ids[name] = cursor.lastrowid
            summary.added_documents.append(name)
        if not doc_ids:
            return summary, []
        return summary, self._store(_with_competitors(pairs), doc_ids, now, summary)

    def new_documents(self, documents: Mapping[str, Document],
                      units: Mapping[str, list[Pair]] | None = None) -> dict[str, Document]:
        """Those of ``documents`` the termbase has not counted yet for their language pair
        (by fingerprint: a multilingual TMX read for EN-DE is still new to an EN-FR run).

        A document counted when its fingerprint was that of its files' bytes
        (``bytes_fingerprint``: before a copy with other line ends or in another encoding was
        recognised) is the one counted; a pair of parallel files counted when its fingerprint
        was its source file's alone (``legacy_fingerprint``) is the one counted when its
        ``units`` are those the termbase keeps of it (or it keeps none, counted before units
        were kept). Either is then given its fingerprint of today. Units that differ are
        another translation of that source file, a new document."""
        known = set(self.db.execute(
            "SELECT fingerprint, source_lang, target_lang FROM documents"))
        new = {}
        for name, doc in documents.items():
            langs = primary_langs((doc.source_lang, doc.target_lang))
            key = (doc.fingerprint, *langs)
            for earlier in (doc.bytes_fingerprint, doc.legacy_fingerprint):
                old = (earlier, *langs)
                if key in known or not earlier or old not in known:
                    continue
                if earlier == doc.legacy_fingerprint and self._kept_units(old) not in ([], sorted(
                        (u.source, u.target) for u in (units or {}).get(name, []))):
                    continue
                self.db.execute("UPDATE documents SET fingerprint = ? WHERE fingerprint = ?"
                                " AND source_lang = ? AND target_lang = ?",
                                (doc.fingerprint, earlier, *langs))
                known.discard(old)
                known.add(key)
            if key not in known:  # (nor the same text under another name in this run)
                known.add(key)
                new[name] = doc
        return new

    def _kept_units(self, key: tuple[str, str, str]) -> list[tuple[str, str]]:
        """The (source, target) texts of the units kept of the document of ``key``
        (fingerprint, source and target language), sorted: a unit repeating another
        document's comes after the others, so their order depends on the run's company."""
        return sorted(self.db.execute(
            "SELECT u.source, u.target FROM units u JOIN documents d ON d.id = u.document_id"
            " WHERE d.fingerprint = ? AND d.source_lang = ? AND d.target_lang = ?", key))

    def stored_units(self, langs: tuple[str, str]) -> list[Pair]:
        """The units kept of the documents counted so far for the (source, target) language
        pair ``langs``, document by document in the order they were added, each under its
        document's name and the primary language subtags of ``langs`` (an en/fr document and
        an en-GB/fr-FR one are one language pair). (Documents counted before the termbase
        kept units have none: their counts stay as those runs recorded them.)"""
        langs = primary_langs(langs)
        return [Pair(source, target, *langs, file=name, line=line, tuid=tuid)
                for name, source, target, line, tuid in self.db.execute(
                    "SELECT d.name, u.source, u.target, u.line,"
                    " u.tuid FROM units u JOIN documents d ON d.id = u.document_id"
                    " WHERE d.source_lang = ? AND d.target_lang = ? ORDER BY u.id", langs)]

    def recount(self, pairs: Iterable[TermPair], documents: Mapping[str, Document],
                units: Mapping[str, list[Pair]], langs: tuple[str, str], *, min_count: int = 2,
                max_contexts: int = 5) -> tuple[UpdateSummary, list[TermPair] | None]:
        """Add ``documents`` (new, see :meth:`new_documents`, all of the language pair
        ``langs``) with their ``units``, and replace the evidence of every document of
        ``langs`` whose units the termbase keeps with that of ``pairs``, extracted from all
        those units (:meth:`stored_units` and ``units``). Other language pairs are left alone.

        Call it inside the :meth:`transaction` that read the stored units, so that no other
        run adds a document in between. As :meth:`update_and_read`, the pairs
        :meth:`pairs` would read when the termbase held none before, else ``None``.
        """
        empty = self._holds_no_pair()
        summary = UpdateSummary()
        now = _now()
        langs = primary_langs(langs)
        for name, doc in documents.items():
            document_id = self.db.execute(
                "INSERT INTO documents (fingerprint, source_lang, target_lang, name, units,"
                " added) VALUES (?, ?, ?, ?, ?, ?)",
                (doc.fingerprint, *langs, name, doc.units, now)).lastrowid
            self.db.executemany(
                "INSERT INTO units (document_id, source, target, source_lang, target_lang,"
                " line, tuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((document_id, u.source, u.target, u.source_lang, u.target_lang, u.line,
                  u.tuid) for u in units[name]))
            summary.added_documents.append(name)
        # the documents extracted from (those of langs with units): their evidence is
        # replaced, the others' kept
        extracted = ("SELECT id FROM documents WHERE source_lang = ? AND target_lang = ?"
                     " AND id IN (SELECT document_id FROM units)")
        doc_ids = {name: document_id for document_id, name in self.db.execute(
            f"SELECT id, name FROM documents WHERE id IN ({extracted}) ORDER BY id",  # noqa: S608
            langs)}
        for table in ("occurrences", "contexts"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id IN ({extracted})",  # noqa: S608
                            langs)
        written = self._store(_with_competitors(pairs), doc_ids, now, summary)
        return summary, _read_if_new(empty, written, min_count, max_contexts)

    def _holds_no_pair(self) -> bool:
        return self.db.execute("SELECT 1 FROM pairs LIMIT 1").fetchone() is None

    def _store(self, items: list[TermPair], doc_ids: Mapping[str, int], now: str,
               summary: UpdateSummary) -> list[_Written]:
        """Record ``items`` in a few statements, each over all of them (one statement per
        pair took most of the time of a large update). Rows are written in the order a
        pair-by-pair update would write them, so every row id is the same. Returns what
        was written, in the order of the pairs' rows."""
        stored = []
        for pair in items:
            forms = [(doc_ids[doc], s, t, n) for (doc, s, t), n in pair.forms.items()
                     if doc in doc_ids]
            if forms or pair.glossary:
                stored.append((pair, forms))
        if not stored:
            return []
        # Safe to look up, then insert or update: update() holds the write lock (BEGIN
        # IMMEDIATE) from before these look-ups until its commit; no other run comes between.
        known: dict[tuple[str, str, str, str], int] = {}
        for langs in {pair.key[:2] for pair, _ in stored}:
            for source, target, pair_id in self.db.execute(
                "SELECT source_lemma, target_lemma, id FROM pairs WHERE source_lang = ?"
                " AND target_lang = ?", langs,
            ):
                known[(*langs, source, target)] = pair_id
        # a new row's id is the largest so far + 1, as SQLite gives it
        next_id = (self.db.execute("SELECT max(id) FROM pairs").fetchone()[0] or 0) + 1
        updates, inserts, ids = [], [], []
        for pair, _ in stored:
            pair_id = known.get(pair.key)
            if pair_id is not None:
                updates.append((pair.dice, pair.llr, int(pair.glossary), now, pair.pos,
                                pair.source_term, pair.target_term, pair_id))
            else:
                pair_id = next_id
                next_id += 1
                inserts.append((pair_id, *pair.key, pair.source_term, pair.target_term,
                                pair.pos, int(pair.glossary), pair.dice, pair.llr, now, now))
            ids.append(pair_id)
        summary.updated_pairs += len(updates)
        summary.new_pairs += len(inserts)
        self.db.executemany(
            # the citation forms of every occurrence so far, unless a reviewer wrote them
            "UPDATE pairs SET dice = ?, llr = ?, glossary = max(glossary, ?), updated = ?,"
            " pos = coalesce(pos, ?),"
            " source_term = CASE terms_edited WHEN 0 THEN ? ELSE source_term END,"
            " target_term = CASE terms_edited WHEN 0 THEN ? ELSE target_term END"
            " WHERE id = ?", updates,
        )
        self.db.executemany(
            "INSERT INTO pairs (id, source_lang, target_lang, source_lemma, target_lemma,"
            " source_term, target_term, pos, glossary, dice, llr, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts,
        )
        self.db.executemany(
            "INSERT INTO occurrences (pair_id, document_id, source_form, target_form, count)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET count = count + excluded.count",
            ((pair_id, d, s, t, n) for pair_id, (_, forms) in zip(ids, stored, strict=True)
             for d, s, t, n in forms),
        )
        counts = dict(self.db.execute(
            "SELECT pair_id, count(*) FROM contexts GROUP BY pair_id")) if updates else {}
        contexts = []
        written = []
        for pair_id, (pair, forms) in zip(ids, stored, strict=True):
            room = MAX_STORED_CONTEXTS - counts.get(pair_id, 0)
            kept = []
            for context in pair.contexts:
                if room <= 0:
                    break
                if context.file in doc_ids:
                    contexts.append((pair_id, doc_ids[context.file], context.tuid,
                                     context.source, context.target, *context.source_span,
                                     *context.target_span))
                    kept.append(context)
                    room -= 1
            written.append(_Written(pair_id, pair, len(forms) == len(pair.forms), kept,
                                    doc_ids))
        self.db.executemany(
            "INSERT INTO contexts (pair_id, document_id, tuid, source, target, source_start,"
            " source_end, target_start, target_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            contexts,
        )
        return written

    def set_status(self, pair_id: int, status: str, note: str | None = None,
                   date: str | None = None) -> bool:
        """Record a review decision; returns whether anything changed."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        with self.transaction():
            row = self.db.execute(
                "SELECT status, note FROM pairs WHERE id = ?", (pair_id,)
            ).fetchone()
            if row is None:
                raise KeyError(pair_id)
            note = row[1] if note is None else note
            if (status, note) == tuple(row):
                return False
            self.db.execute(
                "UPDATE pairs SET status = ?, note = ?, status_date = ?, updated = ? WHERE id = ?",
                (status, note, date or _now(), _now(), pair_id),
            )
        return True

    def set_terms(self, pair_id: int, source_term: str, target_term: str) -> bool:
        """Change the citation forms of a pair (how its terms are written in the outputs);
        returns whether anything changed. Later extraction runs keep them (``terms_edited``),
        where they give other pairs the citation forms of all their occurrences."""
        with self.transaction():
            row = self.db.execute(
                "SELECT source_term, target_term FROM pairs WHERE id = ?", (pair_id,)
            ).fetchone()
            if row is None:
                raise KeyError(pair_id)
            if (source_term, target_term) == tuple(row):
                return False
            self.db.execute(
                "UPDATE pairs SET source_term = ?, target_term = ?, terms_edited = 1, updated = ?"
                " WHERE id = ?",
                (source_term, target_term, _now(), pair_id),
            )
        return True

    def find(self, source_lang: str, target_lang: str, source_lemma: str,
             target_lemma: str) -> int | None:
        source_lang, target_lang = primary_langs((source_lang, target_lang))
        with self._guard():
            row = self.db.execute(
                "SELECT id FROM pairs WHERE source_lang = ? AND target_lang = ?"
                " AND source_lemma = ? AND target_lemma = ?",
                (source_lang, target_lang, source_lemma, target_lemma),
            ).fetchone()
        return row[0] if row else None

    def renamed(self, source_lang: str, target_lang: str, source_lemma: str,
                target_lemma: str) -> tuple[str, str] | None:
        """The key a migration gave the pair this key named (see ``key_aliases``), if any:
        "plan"/"planification" is "planning"/"planification" since schema 10."""
        source_lang, target_lang = primary_langs((source_lang, target_lang))
        with self._guard():
            row = self.db.execute(
                "SELECT source_lemma, target_lemma FROM key_aliases WHERE source_lang = ?"
                " AND target_lang = ? AND old_source_lemma = ? AND old_target_lemma = ?",
                (source_lang, target_lang, source_lemma, target_lemma),
            ).fetchone()
        return (row[0], row[1]) if row else None

    def holds_pairs(self, source_lang: str, target_lang: str) -> bool:
        """Whether the termbase holds any pair of this language pair (by primary language)."""
        source_lang, target_lang = primary_langs((source_lang, target_lang))
        with self._guard():
            return self.db.execute(
                "SELECT 1 FROM pairs WHERE source_lang = ? AND target_lang = ? LIMIT 1",
                (source_lang, target_lang),
            ).fetchone() is not None

    def add_pair(self, pair: TermPair) -> int:
        """Insert a pair known only from a review file or glossary (no occurrences yet)."""
        now = _now()
        pair = _keyed_by_primary(pair)  # a copy: the caller's pair keeps its tags
        with self.transaction():
            return self.db.execute(
                "INSERT INTO pairs (source_lang, target_lang, source_lemma, target_lemma,"
                " source_term, target_term, pos, glossary, created, updated, terms_edited)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                (*pair.key, pair.source_term, pair.target_term, pair.pos, int(pair.glossary),
                 now, now),
            ).lastrowid

    # -- reading ------------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        with self._guard():
            return [Document(*row) for row in self.db.execute(
                "SELECT name, fingerprint, units, source_lang, target_lang FROM documents"
                " ORDER BY id")]

    def reviewed(self, source_lang: str, target_lang: str, status: str
                 ) -> list[tuple[str, str]]:
        """The (source term, target term) of the pairs of a language pair that a reviewer
        gave ``status``, as the termbase writes them, in the order they were added."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        source_lang, target_lang = primary_langs((source_lang, target_lang))
        with self._guard():
            return [(source, target) for source, target in self.db.execute(
                "SELECT source_term, target_term FROM pairs WHERE source_lang = ? AND"
                " target_lang = ? AND status = ? ORDER BY id",
                (source_lang, target_lang, status))]

    def get(self, pair_id: int) -> TermPair:
        """The stored fields of one pair: terms, status, note (no occurrences, contexts or
        competitors)."""
        with self._guard():
            row = self.db.execute(
                "SELECT source_lang, target_lang, source_lemma, target_lemma, source_term,"
                " target_term, pos, glossary, status, note, status_date FROM pairs WHERE id = ?",
                (pair_id,),
            ).fetchone()
        if row is None:
            raise KeyError(pair_id)
        sl, tl, slem, tlem, sterm, tterm, pos, glossary, status, note, date = row
        return TermPair(sl, tl, slem, tlem, sterm, tterm, pos=pos, glossary=bool(glossary),
                        status=status, note=note, status_date=date, id=pair_id)

    def pairs(self, min_count: int = 2, max_contexts: int = 5,
              langs: Collection[tuple[str, str]] | None = None) -> list[TermPair]:
        """The recorded pairs, best first: seen ``min_count`` times, from a glossary, or
        reviewed (any status but ``proposed``); each with its competitors and contexts.
        ``langs``: only the pairs of these (source, target) languages (default: all), by
        their primary subtags."""
        if langs is not None:
            langs = {primary_langs(pair) for pair in langs}
        # one read transaction: the three queries see the same state even while another run
        # writes (an occurrence of a pair committed between two of them would be orphaned)
        from .associate import without_gc

        with self.transaction(write=False), without_gc():
            return self._pairs(min_count, max_contexts, langs)

    def _pairs(self, min_count: int, max_contexts: int,
               langs: Collection[tuple[str, str]] | None) -> list[TermPair]:
        every: dict[int, TermPair] = {}
        for row in self.db.execute(
            "SELECT id, source_lang, target_lang, source_lemma, target_lemma, source_term,"
            " target_term, pos, glossary, dice, llr, status, note, status_date FROM pairs"
        ):
            (pair_id, sl, tl, slem, tlem, sterm, tterm, pos, glossary, dice, llr, status, note,
             date) = row
            if langs is not None and (sl, tl) not in langs:
                continue
            every[pair_id] = TermPair(sl, tl, slem, tlem, sterm, tterm, dice=dice, llr=llr,
                                      pos=pos, glossary=bool(glossary), status=status, note=note,
                                      status_date=date, id=pair_id)
        for pair_id, doc, s, t, n in self.db.execute(
            "SELECT o.pair_id, d.name, o.source_form, o.target_form, o.count"
            " FROM occurrences o JOIN documents d ON d.id = o.document_id"
        ):
            pair = every.get(pair_id)
            if pair is not None:  # (None: a pair of another language pair)
                pair.forms[(doc, s, t)] = pair.forms.get((doc, s, t), 0) + n
        recorded = [
            p for p in every.values()
            if p.count >= min_count or p.glossary or p.status != "proposed"
        ]
        by_source: dict[tuple[str, str, str], list[TermPair]] = {}
        by_target: dict[tuple[str, str, str], list[TermPair]] = {}
        for p in every.values():
            by_source.setdefault((p.source_lang, p.target_lang, p.source_lemma), []).append(p)
            by_target.setdefault((p.source_lang, p.target_lang, p.target_lemma), []).append(p)
        wanted = {p.id: p for p in recorded}
        for pair_id, tuid, doc, source, target, ss, se, ts, te in self.db.execute(
            "SELECT c.pair_id, c.tuid, d.name, c.source, c.target, c.source_start, c.source_end,"
            " c.target_start, c.target_end FROM contexts c JOIN documents d"
            " ON d.id = c.document_id ORDER BY c.pair_id, c.id"
        ):
            p = wanted.get(pair_id)
            if p is not None and len(p.contexts) < max_contexts:
                p.contexts.append(Context(tuid, doc, source, target, (ss, se), (ts, te)))
        return _ranked(recorded, by_source, by_target)


@dataclass(slots=True)
class _Written:
    """What :meth:`Termbase._store` wrote for one pair: its row id, the pair, whether every
    form was written (else only those of ``doc_ids``, the documents added) and the
    contexts written."""

    pair_id: int
    pair: TermPair
    all_forms: bool
    contexts: list[Context]
    doc_ids: Mapping[str, int]


def _keyed_by_primary(pair: TermPair) -> TermPair:
    """A copy of ``pair`` under the primary subtags of its languages (en-GB/fr-FR is the
    termbase's en/fr); ``pair`` itself is left as the caller made it."""
    return replace(pair, source_lang=primary(pair.source_lang),
                   target_lang=primary(pair.target_lang))


def _with_competitors(pairs: Iterable[TermPair]) -> list[TermPair]:
    """``pairs`` and their competitors, each pair once, in order of first mention, as
    copies keyed by the primary subtags of their languages (:func:`_keyed_by_primary`)."""
    seen: set[tuple[str, str, str, str]] = set()
    items = []
    for pair in pairs:
        for item in map(_keyed_by_primary, (pair, *pair.competitors)):
            if item.key not in seen:
                seen.add(item.key)
                items.append(item)
    return items


def _read_if_new(was_empty: bool, written: list[_Written], min_count: int,
                 max_contexts: int) -> list[TermPair] | None:
    """What :meth:`Termbase.pairs` would read right after ``written`` was stored, when the
    termbase held no pair before; else ``None`` (read them with :meth:`Termbase.pairs`).

    A termbase that held no pair holds exactly what was just written, so those pairs are
    made from that, in the same transaction, rather than read back (reading back took as
    long as writing)."""
    if not was_empty:
        return None
    from .associate import without_gc

    with without_gc():
        return _recorded(written, min_count, max_contexts)


def _recorded(written: list[_Written], min_count: int, max_contexts: int) -> list[TermPair]:
    """What :meth:`Termbase._pairs` reads from a termbase that holds only ``written``: the
    rows made into pairs as it makes them, but from the values just written."""
    every: list[TermPair] = []
    for row in written:
        pair = row.pair
        # (the REAL columns give floats back, whatever number was written)
        stored = TermPair(*pair.key, pair.source_term, pair.target_term,
                          dice=float(pair.dice), llr=float(pair.llr), pos=pair.pos,
                          glossary=bool(pair.glossary), id=row.pair_id)
        forms = stored.forms  # the occurrences, in the order they were written
        if row.all_forms:
            forms.update(pair.forms)
        else:
            for (doc, s, t), n in pair.forms.items():
                if doc in row.doc_ids:
                    forms[(doc, s, t)] = n
        every.append(stored)
    by_source: dict[tuple[str, str, str], list[TermPair]] = {}
    by_target: dict[tuple[str, str, str], list[TermPair]] = {}
    recorded = []
    for p, row in zip(every, written, strict=True):
        by_source.setdefault((p.source_lang, p.target_lang, p.source_lemma), []).append(p)
        by_target.setdefault((p.source_lang, p.target_lang, p.target_lemma), []).append(p)
        if p.count >= min_count or p.glossary or p.status != "proposed":
            p.contexts = row.contexts[:max_contexts]
            recorded.append(p)
    return _ranked(recorded, by_source, by_target)


def _ranked(recorded: list[TermPair], by_source: dict[tuple[str, str, str], list[TermPair]],
            by_target: dict[tuple[str, str, str], list[TermPair]]) -> list[TermPair]:
    """``recorded`` with their competitors (the pairs sharing a lemma), scored, best first."""
    from .rank import rank_score, renderings_of  # the same ranking as a fresh extraction

    renderings = renderings_of(recorded)
    for p in recorded:
        p.competitors = [
            q for q in by_source[(p.source_lang, p.target_lang, p.source_lemma)]
            + by_target[(p.source_lang, p.target_lang, p.target_lemma)] if q is not p
        ]
        p.score = rank_score(p, _words(p.source_lemma, p.source_lang),
                             _words(p.target_lemma, p.target_lang), renderings)
    recorded.sort(key=lambda p: (-p.score, -p.count, p.source_term, p.target_term))
    return recorded


def _words(lemma: str, lang: str) -> int:
    """The words of a term's lemma key as the extraction counts them for its termhood: not
    French linking words, nor a conjunction ("economic and social cohesion" has three, as
    a run without a termbase ranks it)."""
    skip = ("de", "à", "en", *COORDINATORS.get(primary(lang), ()))
    return max(1, sum(1 for w in lemma.split() if w not in skip))
