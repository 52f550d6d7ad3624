"""Approved and forbidden terms in a memory: ``term-missing`` and ``term-forbidden``.

:func:`load_terms` reads the terms to check against from what the file is (by content,
not name): a termbase written by ``tmx-export terms`` (its ``approved`` and ``forbidden``
pairs), a TBX file (preferred/admitted terms approved, deprecated/superseded ones
forbidden; the pairs ``tmx-export terms`` exported unreviewed left out) or a TSV/CSV
glossary (by its ``status`` column where it has one, as a termbase; else every pair
approved). :class:`TermChecker` then checks
units against them.

Terms are matched by their lemma keys, the same keys ``tmx-export terms`` gives its
candidates (:class:`tmx_export.terms.candidates.Extractor`): "value chains" holds the term
"value chain", "chaînes des valeurs" holds "chaîne de valeur" (French linking words and
articles normalised), whatever the case; accents count as written. Words may be separated
by any run of white space, a line break included, but not by punctuation ("value, chain"
is not the term) unless the term has some there ("entrée/sortie", "R&D"); a plural mark
in brackets is no word ("État(s) membre(s)"). A term's
word is also matched as a lemma in its own right, and a word with hyphens part by part
(:meth:`_Words.keys`): the lemmatiser reads some singulars as another word ("Estado" ->
"estar", "Estados" -> "estado"), and a term is named in the singular. Capitals
count in a source term where they tell a name from a common phrase
(:meth:`_Words.capitalised`, :meth:`TermChecker._with_capitals`): "Implementing
Regulation" is not "implementing Regulation (EC) No 437/2003", and "Regulation" is not
"regulations" in a glossary that writes other terms in lower case. Languages without term
rules (:func:`tmx_export.terms.languages.term_language`: English, French, and those
simplemma and wordfreq know, German among them, have them) fall back to lower-cased words
with a final "s" dropped: plural-tolerant for most languages that use Latin script, but
no lemmatisation.

What counts as an occurrence:

* a source occurrence inside a longer term's occurrence is not checked for
  ``term-missing``: in "value chain", the term "chain" is part of the longer term, whose
  own rendering is what the target should hold (CAT tools match the longest term too);
* a forbidden target term is reported only in a unit whose source holds its source term:
  a forbidden rendering is forbidden *for that term* ("grappe" for "cluster"), and may be
  right elsewhere ("grappe de raisin"). A forbidden occurrence inside an approved target
  term of the unit ("politique" forbidden, "politique industrielle" approved) is not one;
* the check is presence, not counts: one approved rendering anywhere in the target
  satisfies every occurrence of the source term in the unit;
* a target term shared by two coordinated phrases counts (coordination ellipsis): "fonds
  structurels et de cohésion" holds "Fonds de cohésion", "développement urbain et rural"
  holds "développement rural", "rural and urban development" holds "rural development".
  One word and the language's "and"/"or" (:data:`COORDINATORS`) may stand between two
  words of the term, nothing else (no punctuation, no second word): "fonds régionaux et
  politique de cohésion" does not hold "fonds de cohésion".
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, count, filterfalse, product
from pathlib import Path
from typing import NamedTuple, TypeVar

from lxml import etree

from ..errors import InputError
from ..formats.text import GZIP_MAGIC, STDIN_NAME, stdin_copy
from ..formats.xml import parse_xml, read_head
from ..lang import COORDINATORS, primary
from ..model import Pair, Say, count_of
from ..terms.candidates import (
    STOPWORD,
    WORD,
    Extractor,
    acronym_shaped,
    ing_noun,
    split_tokens,
)
from ..terms.lemmas import is_known
from ..terms.stopwords import FR_CONNECTORS, STOP
from ..terms.tbx import (
    FORBIDDEN_STATUSES,
    lang_set_sides,
    proposed_not_reviewed,
    tbx_layout,
    term_status,
    unreviewed_entry,
)
from .model import Finding, TermEntry, finding

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# How long to wait for a run of ``tmx-export terms`` writing the termbase (it holds the write
# lock for one transaction; reading needs no more than that to end).
_BUSY_TIMEOUT = 30.0
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- loading ---------------------------------------------------------------------------------

def load_terms(path: str | Path, source_lang: str, target_lang: str, *, say: Say = None
               ) -> list[TermEntry]:
    """The terms of ``path`` for the language pair, one :class:`TermEntry` per source term
    (grouped by lemma key, so "cluster" and "clusters" are one entry). ``say`` hears what
    the user should know of a glossary (:func:`read_glossary_terms`).

    ``path`` is told by its content: an SQLite termbase (``tmx-export terms``), a TBX file
    (2019 ``<tbx>`` or 2008 ``<martif>``), else a TSV/CSV/XLSX glossary. The termbase is opened
    read-only; a file that does not exist is refused with :class:`InputError`, never created.
    """
    name = str(path)
    if name == "-":
        return _from_stdin(source_lang, target_lang, say)
    file = Path(path)
    if not file.exists():
        raise InputError(name, "no such file")
    if file.is_dir():
        raise InputError(name, "a directory, not a termbase, TBX or glossary file")
    try:
        with file.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    if head.startswith(GZIP_MAGIC):  # a TBX kept compressed (terms --tbx terms.tbx.gz)
        head = read_head(file, 1024)
    if head.startswith(_SQLITE_MAGIC):
        return read_termbase_terms(file, source_lang, target_lang)
    if _looks_like_xml(head):
        return read_tbx_terms(file, source_lang, target_lang)
    return read_glossary_terms(file, source_lang, target_lang, say=say)


def _from_stdin(source_lang: str, target_lang: str, say: Say = None) -> list[TermEntry]:
    """:func:`load_terms` of standard input (``--glossary -``, as ``build --glossary -``
    reads it): a TBX or a TSV/CSV/XLSX glossary another program pipes in, read from its
    copy and named ``<stdin>`` in errors; a termbase is a file of its own, never piped."""
    copy = stdin_copy()
    with copy.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(_SQLITE_MAGIC):
        raise InputError(STDIN_NAME, "a termbase cannot be read from standard input: name "
                         "its file")
    try:
        return load_terms(copy, source_lang, target_lang, say=say)
    except InputError as exc:
        raise InputError(STDIN_NAME, exc.message, exc.line) from None


def read_glossary_terms(path: str | Path, source_lang: str, target_lang: str, *,
                        say: Say = None) -> list[TermEntry]:
    """The terms of a TSV, CSV or XLSX glossary, read as
    :func:`~tmx_export.terms.glossary.read_glossary` reads it: with a ``status`` column
    (``terms --csv``), ``approved`` pairs are renderings, ``forbidden`` ones forbidden,
    ``proposed`` and ``rejected`` ones left out, as from a termbase; without one, every
    pair is approved. ``say`` as for
    :func:`~tmx_export.terms.glossary.read_glossary_table`."""
    from ..terms.glossary import read_glossary_table

    rows = read_glossary_table(path, source_lang, target_lang, say=say)
    kept = [row for row in rows if row.status in (None, "approved", "forbidden")]
    if not kept:
        raise InputError(str(path), f"no approved or forbidden term pair to check against: "
                         f"the {count_of(len(rows), 'pair')} "
                         f"{'is' if len(rows) == 1 else 'are'} proposed or rejected")
    return _group(((row.source, row.target, row.status == "forbidden") for row in kept),
                  _Words(source_lang))


def _looks_like_xml(head: bytes) -> bool:
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    # UTF-16/32 text holds NULs between the ASCII of "<?xml": without them it reads as ASCII
    return head.replace(b"\x00", b"").lstrip().startswith(b"<")


def read_termbase_terms(path: str | Path, source_lang: str, target_lang: str
                        ) -> list[TermEntry]:
    """The reviewed pairs of a termbase: ``approved`` target terms are renderings,
    ``forbidden`` ones forbidden renderings of their source term; ``proposed`` and
    ``rejected`` pairs are left out. One entry per source lemma, in the order the pairs were
    first stored. Opened read-only: nothing is created, migrated or locked for writing."""
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise InputError(name, "no such file")
    # mode=ro: a missing file is an error rather than a new, empty database
    uri = file.resolve().as_uri() + "?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise InputError(name, f"cannot open the termbase ({exc})") from None
    try:
        from ..terms.termbase import SCHEMA_VERSION

        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(name, f"termbase schema version {version} is newer than this "
                             f"tmx-export understands ({SCHEMA_VERSION}); upgrade tmx-export")
        rows = db.execute(
            "SELECT source_lang, target_lang, source_lemma, source_term, target_term, status"
            " FROM pairs WHERE status IN ('approved', 'forbidden') ORDER BY id"
        ).fetchall()
    except sqlite3.Error as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise InputError(name, f"the termbase is locked by another program (waited "
                             f"{_BUSY_TIMEOUT:g} s); try again when it has finished") from None
        raise InputError(name, f"not a termbase ({message})") from None
    finally:
        db.close()
    want = (primary(source_lang), primary(target_lang))
    wanted = [row for row in rows if (primary(row[0]), primary(row[1])) == want]
    if rows and not wanted:
        held = sorted({f"{s} -> {t}" for s, t, *_ in rows})
        raise InputError(name, f"no reviewed term pairs for {source_lang} -> {target_lang}; "
                         f"the termbase holds {', '.join(held)}")
    # grouped by the lemma the termbase itself keyed the pairs with
    groups: dict[str, _Group] = {}
    for _, _, lemma, source_term, target_term, status in wanted:
        groups.setdefault(lemma, _Group(source_term)).add(source_term, target_term,
                                                         status == "forbidden")
    return [group.entry() for group in groups.values()]


def read_tbx_terms(path: str | Path, source_lang: str, target_lang: str) -> list[TermEntry]:
    """The terms of a TBX file (2019 ``<tbx>``, DCA or DCT style, or 2008 ``<martif>``),
    deprecated ones included, which :func:`tmx_export.terms.tbx.read_tbx` leaves out.

    Each source term of a concept entry gets the entry's target terms: preferred, admitted
    or without status approved, deprecated or superseded forbidden. A source term itself
    deprecated or superseded is not looked for. An entry that
    ``tmx-export terms`` wrote for a pair nobody reviewed (no status, and its note saying
    so: :func:`~tmx_export.terms.tbx.marked_proposed`) is left out, as a termbase's
    ``proposed`` pairs are; a TBX of nothing else is refused, saying so. Languages match by
    their primary subtag. Entries are then grouped by the source term's lemma key."""
    name = str(path)
    root = parse_xml(path).getroot()
    entry_tag, lang_tag, term_tags = tbx_layout(root, name)
    sides = lang_set_sides(root, lang_tag, source_lang, target_lang)
    found: list[tuple[str, str, bool]] = []
    languages: set[str] = set()
    unreviewed = 0
    for entry in root.iter(f"{{*}}{entry_tag}", entry_tag):
        sources, targets = _tbx_entry_terms(entry, lang_tag, term_tags, sides, languages)
        if not (sources and targets):
            continue
        if unreviewed_entry(entry, [status for _, status in sources + targets]):
            unreviewed += 1  # a candidate tmx-export proposed, not an approved term
            continue
        # a source term deprecated or superseded is no designation of the concept to look
        # for: the termbase says the word means something else now, or is the old name
        # (an astronomy termbase's "carbon cycle", deprecated for the CNO cycle, made every
        # text about the carbon cycle of forests a term-missing and a term-forbidden error)
        found.extend((source, target, status in FORBIDDEN_STATUSES)
                     for source, source_status in sources
                     if source_status not in FORBIDDEN_STATUSES
                     for target, status in targets)
    if not found and unreviewed:
        raise InputError(name, "no approved or forbidden term pair to check against: "
                         + proposed_not_reviewed(unreviewed, source_lang, target_lang))
    if not found:
        held = ", ".join(sorted(lang for lang in languages if lang)) or "none"
        raise InputError(name, f"no term pairs for {source_lang} -> {target_lang} "
                         f"(languages in the file: {held})")
    return _group(found, _Words(source_lang))


def _tbx_entry_terms(entry: etree._Element, lang_tag: str, term_tags: tuple[str, ...],
                     want: dict[str, int], languages: set[str]
                     ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (term, administrative status) of a concept entry's terms in the language
    sections ``want`` names (:func:`~tmx_export.terms.tbx.lang_set_sides`), source and
    target; every language met is added to ``languages``."""
    sides: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    for lang_sec in entry.iter(f"{{*}}{lang_tag}", lang_tag):
        tag = lang_sec.get(_XML_LANG) or lang_sec.get("lang") or ""
        languages.add(primary(tag))
        if tag not in want:
            continue
        for holder in lang_sec.iter(*[f"{{*}}{t}" for t in term_tags], *term_tags):
            term = _tbx_term(holder)
            if term:
                sides[want[tag]].append((term, term_status(holder)))
    return sides


def _tbx_term(holder: etree._Element) -> str:
    for term in holder.iter("{*}term", "term"):
        return " ".join("".join(term.itertext()).split())
    return ""


@dataclass(slots=True)
class _Group:
    """The approved and forbidden target terms of one source term, as they are read."""

    source: str
    targets: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    rank: tuple[bool, int] | None = None  # how the name was chosen (see add)

    def add(self, source: str, target: str, forbidden: bool) -> None:
        """``source`` -> ``target``, a pair of the group's source lemma. The entry is named
        by an approved pair's source term before a forbidden one's, and of those by the one
        with the fewest capitals, whatever order the pairs come in (a termbase's, a TBX's, a
        glossary's): the name's capitals decide where the entry matches, and a term in lower
        case matches any case. Named by the first pair, a glossary listing "Committee" ->
        "commission" before "committee" -> "comité" checked no "committee" in lower case,
        and the termbase and the TBX written from it told a unit apart."""
        rank = (forbidden, sum(map(str.isupper, source)))
        if self.rank is None or rank < self.rank:
            self.source, self.rank = source, rank
        into = self.forbidden if forbidden else self.targets
        if target not in into:
            into.append(target)

    def entry(self) -> TermEntry:
        return TermEntry(self.source, tuple(self.targets), tuple(self.forbidden))


def _group(pairs: Iterable[tuple[str, str, bool]], words: _Words) -> list[TermEntry]:
    """(source, target, forbidden) triples as one entry per source lemma key, in order."""
    groups: dict[tuple[str, ...], _Group] = {}
    for source, target, forbidden in pairs:
        key = words.key(source) or (source.lower(),)
        groups.setdefault(key, _Group(source)).add(source, target, forbidden)
    return [group.entry() for group in groups.values()]


# --- matching --------------------------------------------------------------------------------

_T = TypeVar("_T")

# The fallback's plural rule: a final "s" after three letters goes ("chains" -> "chain";
# not "is" or "bus"); "ss" is kept (see _fallback_piece).
_PLURAL_S = re.compile(r"(?<=[^\W\d_]{3})s$")

# The hyphens that join the parts of a compound inside a token (candidates._TOKEN).
_HYPHENS = re.compile("[-\u2010\u2011]")

# A plural mark glued to a word: "État(s) membre(s)", "Member State(s)", "Partei(en)".
_PLURAL_MARK = re.compile(r"(?<=[^\W\d_])\((?:e?s|x|e|e?n)\)")


# Stands among a text's pieces for punctuation between two words. No key holds it, so a key
# compared piece by piece never matches across it: a term is not split by punctuation.
_BREAK = None
# Stands for a piece that no key holds, once the keys are known (_Words.only): such pieces
# need not be told apart, and a chunk of them is remembered as one of a few shared tuples.
# No key holds "" (a piece "" is skipped, see _Words._chunk).
_OTHER = ""
# The pieces of a one-word chunk of no key.
_JUST_OTHER = (_OTHER,)
# ... and of such a word followed by punctuation ("and,").
_OTHER_BREAK = (_OTHER, _BREAK)
# A text as match keys: its lemma pieces in order, with a break where punctuation is.
_Pieces = list[str | None]
# Written forms remembered per piece of a key (_Words.forms): the first met are the common
# ones, and a text holding none of them is tokenised.
_MAX_FORMS = 6
# Chunks remembered per language: a memory repeats its words, so most chunks are looked up
# rather than tokenised; bounded, so a corpus of nonsense cannot eat memory.
_MAX_CHUNKS = 500_000

# A target word of a language that writes compounds as one word, holding an approved term
# of one word as a part (TermChecker._compounded): its head, with the endings of its
# inflection ("Wirtschaftspartnerschaftsabkommen", "Seerechtsübereinkommens" for
# "Abkommen", "Übereinkommen"), or its first part, before a linking letter or two and a word
# of the language ("Übereinkommensgebiet", "Beschlussfassung"), or a part set off by a
# hyphen ("EU-Vertragspartei", "IMO-MSC-Rundschr.").
_COMPOUND_HEAD_ENDINGS = ("", "s", "es", "n", "en", "e", "er", "ern", "ns")
_COMPOUND_LINKS = ("s", "es", "n", "en", "e", "")
_COMPOUND_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W_]+)*")
_MIN_COMPOUND_PART = 4  # letters of a term found inside a compound ("Rat" in "Ratifizierung"
# is none)


class _Chunks(dict[str, tuple[str | None, ...]]):
    """Chunk -> its pieces and breaks, tokenised on first sight (``__missing__``): looking
    chunks up with ``map(chunks.__getitem__, ...)`` then runs in C for the chunks known."""

    def __init__(self, tokenise: Callable[[str], tuple[str | None, ...]]) -> None:
        super().__init__()
        self._tokenise = tokenise

    def __missing__(self, chunk: str) -> tuple[str | None, ...]:
        pieces = self._tokenise(chunk)
        if len(self) < _MAX_CHUNKS:
            self[chunk] = pieces
        return pieces


class _Words:
    """How one language's texts and terms become match keys: the term extractor's lemma
    pieces where the language has term rules, else lower-cased words without a plural
    "s".

    A text is cut at white space into chunks ("chains,", "l'importance", "(The"), and each
    chunk is tokenised once and remembered: what a chunk yields (its pieces, and where
    punctuation separates them) depends on the chunk alone, so this gives the extractor's
    own tokens at a fraction of the cost of running it over every text.
    """

    def __init__(self, lang: str) -> None:
        self.lang = primary(lang)
        try:
            self.extractor: Extractor | None = Extractor(lang)
        except ValueError:
            self.extractor = None  # no term rules for this language: the fallback below
        self._relevant: frozenset[str] | None = None  # see only()
        self._shapes: dict[tuple[str | None, ...], tuple[str | None, ...]] = {}
        self._chunks = _Chunks(self._remembered)
        self._capitals = _Chunks(self._chunk_capitals)  # type: ignore[arg-type]
        # piece of a key -> the first chunks met that hold it, each between two spaces:
        # " chaînes " in " ... des chaînes de ... " is a chunk of that text, which then
        # holds the piece (a chunk's pieces depend on the chunk alone); set by only()
        self.forms: dict[str, list[str]] = {}

    def only(self, pieces: Iterable[str]) -> None:
        """From now on, give pieces other than ``pieces`` (those of the keys looked for) as
        :data:`_OTHER`: keys match as before, and the chunks remembered take less memory."""
        self._relevant = frozenset(pieces)
        self._chunks.clear()
        self.forms = {piece: [] for piece in self._relevant}

    def pieces(self, text: str) -> _Pieces:
        """The pieces of ``text``, with :data:`_BREAK` where punctuation separates two."""
        return list(chain.from_iterable(map(self._chunks.__getitem__, text.split())))

    def _remembered(self, chunk: str) -> tuple[str | None, ...]:
        """What the cache remembers of a chunk: its pieces, those of no key as _OTHER, as
        a tuple shared by every chunk of the same shape ("(the", "(of" -> (BREAK, OTHER))."""
        if not unicodedata.is_normalized("NFC", chunk):
            # written with combining accents (NFD): the pieces of the chunk composed, as
            # _cased reads it; the one-word paths below would take its last accent for
            # punctuation ("sprijina\u0306" is no word and a mark)
            return self._remembered(unicodedata.normalize("NFC", chunk))
        relevant = self._relevant
        if relevant is not None and self.extractor is not None:
            if chunk.isalnum():
                return self._one_word(chunk, False, relevant)
            if chunk[:-1].isalnum():
                return self._one_word(chunk, True, relevant)
        pieces = self._chunk(chunk)
        if relevant is not None and len(pieces) == 1:
            # the common chunk, one word: most are of no key
            if pieces[0] not in relevant and pieces[0] is not _BREAK:
                return _JUST_OTHER
        if relevant is not None:
            pieces = tuple(_OTHER if piece is not _BREAK and piece not in relevant else piece
                           for piece in pieces)
            if len(self._shapes) < _MAX_CHUNKS:
                pieces = self._shapes.setdefault(pieces, pieces)
            for piece in filter(None, pieces):  # (the pieces of keys)
                self._learn(piece, chunk)
        return pieces

    def _learn(self, piece: str, chunk: str) -> None:
        """Remember ``chunk`` as a written form of ``piece``, a piece of a key: the first
        few forms met, which are the common ones."""
        forms = self.forms[piece]
        if len(forms) < _MAX_FORMS and f" {chunk} " not in forms:
            forms.append(f" {chunk} ")

    def _one_word(self, chunk: str, mark: bool, relevant: frozenset[str]
                  ) -> tuple[str | None, ...]:
        """:meth:`_remembered` of the common chunks, one word and maybe a punctuation mark
        after it ("chains", "chains,"), without making the tokens of the general case: the
        word is one token (str.isalnum is the tokeniser's [^\\W_], see :meth:`_cased`),
        and the mark, which no token can begin or end with, a break."""
        piece = self._piece(chunk[:-1] if mark else chunk)
        if not piece:  # (a French article after "de"/"a": skipped, see _cased)
            return (_BREAK,) if mark else ()
        if piece not in relevant:
            return _OTHER_BREAK if mark else _JUST_OTHER
        self._learn(piece, chunk)
        pieces = (piece, _BREAK) if mark else (piece,)
        if len(self._shapes) < _MAX_CHUNKS:
            pieces = self._shapes.setdefault(pieces, pieces)
        return pieces

    def _chunk(self, chunk: str) -> tuple[str | None, ...]:
        """The pieces of one chunk (no white space in it), with a :data:`_BREAK` for each
        stretch of punctuation in it (one at its end separates it from the next chunk)."""
        return tuple(piece for piece, _ in self._cased(chunk))

    def capitals(self, text: str) -> list[bool]:
        """Whether each of the pieces of ``text`` (:meth:`pieces`) is a word written with a
        capital (breaks: False)."""
        return list(chain.from_iterable(map(self._capitals.__getitem__, text.split())))

    def _chunk_capitals(self, chunk: str) -> tuple[bool, ...]:
        return tuple(capital for _, capital in self._cased(chunk))

    def _cased(self, chunk: str) -> list[tuple[str | None, bool]]:
        """The pieces of one chunk (see :meth:`_chunk`), each with whether its word begins
        with a capital. A plural mark ("État(s)", "membre(s)") is no word of its own: the
        word is read without it."""
        # A chunk written with combining accents (NFD, "E\u0301tats") is read composed, as a
        # term or a text written composed is: both give the same pieces (a fast C test
        # for the chunk already composed, and only on a chunk's first sight)
        chunk = unicodedata.normalize("NFC", chunk)
        if "(" in chunk:
            chunk = _PLURAL_MARK.sub("", chunk)
        extractor = self.extractor
        if extractor is not None:
            # the pieces Extractor.tokens gives, without making its tokens
            piece_of = self._piece
            if chunk.isalnum():
                # the common chunk: one word (str.isalnum is the tokeniser's [^\W_], so
                # the chunk is one token, with no apostrophe to split an elision at)
                piece = piece_of(chunk)
                return [(piece, chunk[0].isupper())] if piece else []
            # "" is the piece of a French article after "de"/"à": skipped, not a break
            spans = [(a, b, piece_of(chunk[a:b])) for a, b in split_tokens(chunk, self.lang)]
        else:
            spans = [(a, b, _fallback_piece(chunk[a:b]))
                     for a, b in split_tokens(chunk, self.lang)]
        pieces: list[tuple[str | None, bool]] = []
        end = 0
        for start, stop, piece in spans:
            if start > end:
                pieces.append((_BREAK, False))  # punctuation: within a chunk every gap is
            if piece:
                pieces.append((piece, chunk[start].isupper()))
            end = stop
        if end < len(chunk):
            pieces.append((_BREAK, False))
        return pieces

    def _piece(self, word: str) -> str:
        """The extractor's key piece of one token; a word in capitals gets the piece of its
        lower-case form. The extractor reads a short word in capitals as an acronym, kept as
        written ("ÉTATS" -> "états"), so a heading's "ÉTATS MEMBRES" would not be "État
        membre". A function word stays as the extractor reads it: "US" is not "we"."""
        extractor = self.extractor
        assert extractor is not None  # (only called where the language has term rules)
        if "-" in word or "\u2010" in word or "\u2011" in word:
            # a compound written with hyphens, part by part: the lemmatiser reads such a
            # word by its last part, and keeps the others as written ("Estados-Membros" ->
            # "estados-membro", "Estado-Membro" -> "estado-membro"), so that a singular
            # term would never match its plural
            return "-".join(self._piece(part) or part.lower()
                            for part in _HYPHENS.split(word))
        _, kind, piece = extractor.word(word)
        if len(word) > 1 and word.isupper():
            lower = extractor.word(word.lower())
            if lower[1] == WORD:
                kind, piece = lower[1:]
        if self.lang == "en":
            return ing_noun(word.lower(), _other_word(word.lower(), kind, piece,
                                                       extractor.stop))
        return piece

    def key(self, term: str) -> tuple[str | None, ...]:
        """The pieces of a term (read afresh: never _OTHER), with a :data:`_BREAK` where
        punctuation separates two of its words ("R&D", "entrée/sortie", "Regulation (EU)
        No"), as a text's pieces have one there: without it, such a term never matched."""
        return _inner(tuple(piece for chunk in term.split() for piece in self._chunk(chunk)))

    def keys(self, term: str) -> list[tuple[str | None, ...]]:
        """The key of a term (:meth:`key`) first, then its other readings: each word whose
        lemma is not the word may be read as a lemma in its own right, as the forms of
        that word are. The lemmatiser reads some singulars as another word, a verb, and
        their plurals as the noun: "Estado" -> "estar" but "Estados" -> "estado" (Spanish,
        Portuguese), "meeting" -> "meet" but "meetings" -> "meeting", "allegato" ->
        "allegare" but "allegati" -> "allegato"; a term written in the singular is matched
        in the plural too. Every key has as many pieces as the first."""
        if self.extractor is None:
            key = self.key(term)
            return [key] if key else []
        options = _inner(tuple(readings for chunk in term.split()
                               for readings in self._options(chunk)))
        return [key for key in product(*options)] if options else []

    def _options(self, chunk: str) -> list[tuple[str | None, ...]]:
        """Per piece of ``chunk`` (those :meth:`_chunk` gives, breaks included), its
        readings: its piece first; a break's only reading is itself."""
        chunk = unicodedata.normalize("NFC", chunk)  # (as in _cased)
        if "(" in chunk:
            chunk = _PLURAL_MARK.sub("", chunk)
        options: list[tuple[str | None, ...]] = []
        end = 0
        for start, stop in split_tokens(chunk, self.lang):
            if start > end:
                options.append((_BREAK,))
            word = chunk[start:stop]
            piece = self._piece(word)
            if piece:
                options.append(self._readings(word, piece))
            end = stop
        if end < len(chunk):
            options.append((_BREAK,))
        return options

    def _readings(self, word: str, piece: str) -> tuple[str, ...]:
        """The pieces ``word`` (whose piece is ``piece``) may match: its piece, and the word
        itself where it is a word of the language that is not its own lemma; a compound
        written with hyphens, every combination of its parts' readings."""
        parts = _HYPHENS.split(word)
        if len(parts) > 1:
            return tuple(dict.fromkeys("-".join(combination) for combination in product(
                *(self._readings(part, self._piece(part) or part.lower())
                  for part in parts))))
        extractor = self.extractor
        assert extractor is not None  # (see keys)
        lower, kind, _ = extractor.word(word.lower() if word.isupper() else word)
        if kind not in (WORD, STOPWORD):
            return (piece,)
        if self.lang == "de":
            lower = lower.replace("ß", "ss")  # as the German pieces are written
        readings = [piece, lower]
        if self.lang == "it" and lower in ("stato", "stati"):
            # the noun capitalised ("Stato membro"), also written lower case ("stati
            # membri"), where the extractor reads it as the participle of "essere"
            readings.append(extractor.word(lower)[2])
        if acronym_shaped(word):
            # an acronym's plural takes an "s" the lemmatiser does not read as one ("SMEs"
            # -> "smes"): "SME" matches "SMEs", and a term written "SMEs" matches "SME"
            readings.append(self._piece(word + "s") or piece)
        elif word.endswith("s") and acronym_shaped(word[:-1]):
            readings.append(self._piece(word[:-1]) or piece)
        if self.lang == "en" and lower.isalpha():
            # the piece of the regular plural, which the lemmatiser may read as another
            # spelling: "Annexes" -> "annexe", "Annex" -> "annex"
            plural = _english_plural(lower)
            if is_known(plural, "en"):
                readings.append(extractor.word(plural)[2])
        if self.lang in _CASE_ENDINGS and lower.isalpha() and not self._no_noun(piece):
            readings.extend(self._unreduced_forms(lower))
        return tuple(dict.fromkeys(readings))

    def _unreduced_forms(self, lower: str) -> list[str]:
        """The case forms of the noun ``lower`` (:func:`_case_forms`) that the lemmatiser
        reads as lemmas of their own, each its own piece: Polish "prawa" and "prawie" of
        "prawo" (law), "porządki" of "porządek" (agenda: "porządek obrad"). Without them
        DGT-TM's "prawa międzynarodowego" did not hold the approved "prawo międzynarodowe",
        nor "wstępne porządki obrad" "porządek obrad": a ``term-missing`` in each unit."""
        extractor = self.extractor
        assert extractor is not None  # (see keys)
        forms = []
        for form in _case_forms(lower, self.lang):
            _, kind, piece = extractor.word(form)
            if (kind == WORD and piece == form and is_known(form, self.lang)
                    and not self._no_noun(form)):
                forms.append(form)  # (an adjective's lemma, "prawy", is no form of "prawo")
        return forms

    def _no_noun(self, lemma: str) -> bool:
        """Whether ``lemma`` is a verb's ("działać") or an adjective's, whose genitive in
        "-ego" the lemmatiser reads as it ("prawy", "prawego"; "szybki", "szybkiego"):
        its forms are no noun's (Polish "techniczny" and "technicznie", the adverb;
        "zdrowy", healthy, and "zdrowie", health)."""
        if lemma.endswith(_VERB_LEMMAS[self.lang]):
            return True
        if not lemma.endswith(("y", "i")):
            return False
        extractor = self.extractor
        assert extractor is not None  # (see keys)
        genitive = (lemma[:-1] if lemma.endswith("y") else lemma) + "ego"
        return is_known(genitive, self.lang) and extractor.word(genitive)[2] == lemma

    def capitalised(self, term: str, first: bool) -> tuple[int, ...]:
        """Which pieces of a term's key (:meth:`key`) are words written with a capital that
        tell the term from a common phrase: every capitalised word of a name, a term with a
        capital after its first word ("Implementing Regulation", "Rules of Procedure"); a
        one-word term's capital ("Regulation") when ``first``; else none ("Value chain")."""
        cased = _inner(tuple(item for chunk in term.split() for item in self._cased(chunk)),
                       lambda item: item[0] is _BREAK)
        capitals = [capital for piece, capital in cased if piece is not _BREAK]
        if len(capitals) == 1:
            return (0,) if capitals[0] and first else ()
        if not any(capitals[1:]):
            return ()
        # (positions in the key, whose breaks count)
        return tuple(at for at, (piece, capital) in enumerate(cased)
                     if capital and piece is not _BREAK)


def _inner(items: tuple[_T, ...], is_break: Callable[[_T], bool] = lambda item: (
        item is _BREAK or item == (_BREAK,))) -> tuple[_T, ...]:
    """``items`` (a term's pieces, or their readings) without the breaks at either end: the
    punctuation around a term ("(EU)", "Ltd.") is none of its own, and a text may write the
    term without it."""
    start, end = 0, len(items)
    while start < end and is_break(items[start]):
        start += 1
    while end > start and is_break(items[end - 1]):
        end -= 1
    return items[start:end]


# The endings a noun of a language with cases takes after its stem (:func:`_case_forms`),
# in every gender, case and number: Polish "praw-a", "praw-ie", "praw-ami", "porządk-i".
_CASE_ENDINGS = {"pl": ("", "a", "u", "owi", "em", "e", "ie", "y", "i", "ę", "ą", "ów", "om",
                        "ami", "ach", "owie")}
# A verb's lemma ending, whose forms are no noun's ("działać": "działa" is no "dział")
_VERB_LEMMAS = {"pl": ("ć",)}
_VOWELS = frozenset("aąeęioóuy")


def _case_forms(lower: str, lang: str) -> set[str]:
    """The regular case forms of the noun ``lower`` of ``lang`` (:data:`_CASE_ENDINGS`):
    its stem, the word without its last vowel ("prawo" -> "praw") or with a fleeting "e"
    of its last syllable dropped ("porządek" -> "porządk"), and each ending. Some are no
    form of it; only those the lemmatiser reads as their own lemma are used
    (:meth:`_Words._unreduced_forms`)."""
    stems = {lower[:-1] if lower[-1] in _VOWELS else lower}
    if len(lower) > 4 and lower[-2] == "e" and lower[-1] not in _VOWELS:
        stems.add(lower[:-2] + lower[-1])
    return {stem + ending for stem in stems if len(stem) > 2
            for ending in _CASE_ENDINGS[lang]} - {lower}


def _english_plural(word: str) -> str:
    """The regular plural of an English noun ("annex" -> "annexes", "policy" -> "policies",
    "chain" -> "chains")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("", "a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _other_word(lower: str, kind: str, piece: str, stop: Container[str]) -> str:
    """The piece of an English word that the lemmatiser reads as another, function, word
    though it is none: the word itself. Its lemma begins otherwise ("em" -> "they", "elder"
    -> "old"): no inflection ("years" -> "year", "held" -> "hold" keep theirs). The
    typographers' "em" of a TBX was found in every "them" and "they" of a memory and
    reported missing there (9 false alarms on the DGT-TM memories in German)."""
    if kind == STOPWORD and piece[:1] != lower[:1] and lower not in stop:
        return lower
    return piece


def _fallback_piece(word: str) -> str:
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("ss"):
        return lower  # "process", "Kongress": not plurals
    return _PLURAL_S.sub("", lower)


class _Key(NamedTuple):
    """A term's key as it is matched: its pieces (a list, to compare with a slice of a
    text's) and the set of them, which a text must hold for the key to occur in it."""

    pieces: list[str | None]  # a break (None) where the term has punctuation
    needed: frozenset[str]


def _key(pieces: tuple[str | None, ...]) -> _Key:
    return _Key(list(pieces), frozenset(piece for piece in pieces if piece is not _BREAK))


# first piece -> [(id, pieces, length)] of the keys it begins, ids in increasing order
_Index = dict[str, list[tuple[int, list[str], int]]]


def _index(keys: Sequence[tuple[int, tuple[str, ...]]]) -> _Index:
    """``keys`` ((id, key); an id may have several keys) by their first piece."""
    index: _Index = {}
    for ident, key in keys:
        if key:
            index.setdefault(key[0], []).append((ident, list(key), len(key)))
    for found in index.values():
        found.sort(key=lambda hit: hit[0])
    return index


def _positions(pieces: _Pieces, piece: str) -> list[int]:
    """Where ``piece`` is in ``pieces`` (which hold it), found by ``list.index`` in C."""
    at = [pieces.index(piece)]
    for _ in range(pieces.count(piece) - 1):
        at.append(pieces.index(piece, at[-1] + 1))
    return at


def _find(index: _Index, pieces: _Pieces) -> list[tuple[int, int, int]]:
    """Every occurrence of an indexed key in ``pieces``: (id, first piece, end piece), in
    the order of the text (at the same place, in the order of the ids)."""
    found: list[tuple[int, int, int]] = []
    # the places of the pieces that begin a key, found in C
    for i in compress(count(), map(index.__contains__, pieces)):
        for ident, key, length in index[pieces[i]]:  # type: ignore[index]
            end = i + length
            if length == 1 or pieces[i:end] == key:
                found.append((ident, i, end))
    return found


def _outermost(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``hits`` without those lying inside a longer hit."""
    longer = [(a, b) for _, a, b in hits if b - a > 1]  # only these can hold another hit
    if not longer:
        return hits
    return [hit for hit in hits
            if not any(a <= hit[1] and hit[2] <= b and b - a > hit[2] - hit[1]
                       for a, b in longer)]


@dataclass(slots=True)
class _Entry:
    source: str
    approved: list[int] = field(default_factory=list)  # target key ids
    forbidden: list[int] = field(default_factory=list)
    # set once the entries are read: what a finding expects (the approved terms), and the
    # target key ids to look for in a target when the source term occurs
    expected: str = ""
    wanted: tuple[int, ...] = ()
    # the pieces of the source key that are words with a capital, which an occurrence must
    # have too (see TermChecker._with_capitals and _Words.capitalised)
    capitals: tuple[int, ...] = ()


class TermChecker:
    """Checks units against term entries: ``term-missing`` when an approved source term
    occurs in the source and none of its approved target terms in the target,
    ``term-forbidden`` when the target holds a forbidden rendering of a source term that
    occurs in the source (see the module's notes for what counts as an occurrence).

    Entries whose source terms share a lemma key are merged. The entries are indexed by
    their first lemma piece, and each side of a unit is tokenised once, so a check costs
    about the length of the unit whatever the number of entries. A target is tokenised
    only when a source term occurs, and only the target terms of the source terms that
    occur are looked for in it; not even then when each of those terms has a rendering
    written in it in a form met before (:meth:`_written`), as in most units.
    """

    def __init__(self, entries: Iterable[TermEntry], source_lang: str,
                 target_lang: str) -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self._source = _Words(source_lang)
        self._target = _Words(target_lang)
        self._entries: list[_Entry] = []
        source_ids: dict[tuple[str, ...], int] = {}
        source_keys: list[tuple[str, ...]] = []
        target_ids: dict[tuple[str, ...], int] = {}
        self._target_terms: list[str] = []  # target key id -> the term as first written
        target_keys: list[tuple[str, ...]] = []

        def target_id(key: tuple[str, ...], term: str) -> int:
            ident = target_ids.get(key)
            if ident is None:
                ident = target_ids[key] = len(target_keys)
                target_keys.append(key)
                self._target_terms.append(term)
            return ident

        entries = list(entries)
        first = _first_capital_counts(entries)
        # the other readings of the source terms (_Words.keys): (key, entry id)
        other_readings: list[tuple[tuple[str, ...], int]] = []
        for entry in entries:
            readings = self._source.keys(entry.source)
            if not readings:
                continue  # no word in it: nothing a text could be matched against
            key = readings[0]
            capitals = self._source.capitalised(entry.source, first)
            ident = source_ids.get(key)
            if ident is None:
                ident = source_ids[key] = len(source_keys)
                source_keys.append(key)
                self._entries.append(_Entry(entry.source, capitals=capitals))
            other_readings.extend((reading, ident) for reading in readings[1:])
            compiled = self._entries[ident]
            # one key written with and without capitals: the capitals both spellings have
            compiled.capitals = tuple(at for at in compiled.capitals if at in capitals)
            for terms, into in ((entry.targets, compiled.approved),
                                (entry.forbidden, compiled.forbidden)):
                for target in terms:
                    # a target term is found by any of its readings, named as written
                    for tid in (target_id(k, target) for k in self._target.keys(target)):
                        if tid not in into:
                            into.append(tid)
        for compiled in self._entries:
            compiled.expected = " | ".join(dict.fromkeys(
                self._target_terms[t] for t in compiled.approved))
            compiled.wanted = tuple(dict.fromkeys(compiled.approved + compiled.forbidden))
        # the key of a source term takes precedence over another term's other reading
        indexed = list(enumerate(source_keys))
        for reading, ident in other_readings:
            if reading not in source_ids:
                source_ids[reading] = ident
                indexed.append((ident, reading))
        self._source_index = _index(indexed)
        self._target_keys = [_key(key) for key in target_keys]
        self._source.only(piece for _, key in indexed for piece in key if piece is not _BREAK)
        # the target's conjunctions as pieces (as its tokeniser gives them), kept apart from
        # the pieces of no key so that _elided can see them
        coordinators = COORDINATORS.get(primary(target_lang), ())
        self._conjunctions = frozenset(piece for word in coordinators
                                       for piece in self._target._chunk(word) if piece)
        # (and decomposed, NFD: "s\u0326i" is the Romanian "și" too)
        self._conjunction_marks = tuple(dict.fromkeys(
            f" {form} " for word in coordinators
            for form in (word, unicodedata.normalize("NFD", word))))
        # function words, which cannot be the word a coordination adds ("de et"): those of
        # the keys (the others are _OTHER among a text's pieces, and never reach _elided)
        self._function = (STOP.get(primary(target_lang), frozenset()) | FR_CONNECTORS
                          | {"of"}) - self._conjunctions
        self._target.only(chain((piece for key in target_keys for piece in key
                                 if piece is not _BREAK),
                                self._conjunctions))
        # Words.pieces, inline in check(): a chunk's pieces, tokenised on first sight
        self._source_chunk = self._source._chunks.__getitem__
        self._target_chunk = self._target._chunks.__getitem__
        self._shortcuts(indexed, target_keys)

    def _shortcuts(self, source_keys: list[tuple[int, tuple[str, ...]]],
                   target_keys: list[tuple[str, ...]]) -> None:
        """The tables of check()'s common case, where every key that can occur is one piece
        long: such a key is found by its piece alone, by dict look-ups that run in C.
        ``source_keys``: (entry id, key), an entry's other readings included."""
        # piece -> id of the entry of the one-piece key of that piece (keys are unique: one
        # at most)
        self._one_piece = {key[0]: ident for ident, key in source_keys if len(key) == 1}
        self._target_one_piece = {key[0]: tid for tid, key in enumerate(target_keys)
                                  if len(key) == 1}
        # the first two pieces of the longer keys: a unit where two of them follow each
        # other goes to _find, which finds longer keys
        self._longer_start = frozenset(key[:2] for _, key in source_keys if len(key) > 1)
        # entries whose occurrences must have capitals (_with_capitals)
        self._with_capital = frozenset(ident for ident, entry in enumerate(self._entries)
                                       if entry.capitals)
        self._wanted = [entry.wanted for entry in self._entries]
        # entry id -> its wanted target keys longer than one piece, found by their spans
        self._wanted_longer = [tuple(tid for tid in entry.wanted if len(target_keys[tid]) > 1)
                               for entry in self._entries]
        # entries with neither a forbidden term nor a longer target key: in a unit of only
        # these, the target's one-piece keys tell every finding (_missing)
        self._simple = frozenset(ident for ident, entry in enumerate(self._entries)
                                 if not entry.forbidden and not self._wanted_longer[ident])
        # entry id -> the pieces of its approved one-piece target keys (_written)
        self._approved_pieces = [tuple(target_keys[tid][0] for tid in entry.approved
                                       if len(target_keys[tid]) == 1)
                                 for entry in self._entries]
        # target key id -> the entries it is an approved rendering of
        satisfied_by: list[list[int]] = [[] for _ in target_keys]
        for ident, entry in enumerate(self._entries):
            for tid in entry.approved:
                satisfied_by[tid].append(ident)
        self._satisfied_by = [tuple(entries) for entries in satisfied_by]

    def __len__(self) -> int:
        """The number of source terms checked."""
        return len(self._entries)

    def check(self, unit: Pair) -> list[Finding]:
        """The term findings of one unit: ``term-missing`` (item: the source term; expected:
        its approved target terms joined by " | ") and ``term-forbidden`` (item: the
        forbidden term; expected: the approved ones, or ""). None for a blank target,
        which ``empty-target`` reports alone."""
        if not unit.target or unit.target.isspace():
            return []
        occurring, checked = self._occurring(unit.source)
        if not any(map(self._wanted.__getitem__, occurring)):
            return []  # no term occurs, or none with a target term: the target is not read
        simple = self._simple.issuperset(occurring)
        if simple and self._written(occurring, checked, unit.target):
            return []  # every term has a rendering in it, found without tokenising it
        # the set of the target's pieces is all most units need (one-piece keys, and keys
        # a piece of which it lacks): the pieces in order only for the rest
        present = set(chain.from_iterable(map(self._target_chunk, unit.target.split())))
        # the one-piece target keys in it, found by look-ups in C: all a simple entry needs
        one_piece = self._target_one_piece
        in_target = set(map(one_piece.__getitem__, filter(one_piece.__contains__, present)))
        if simple:
            return self._missing(unit, occurring, checked, in_target)
        target = _Text(None, present, unit.target, self._target_chunk)
        keys = self._target_keys
        in_target.update(tid for ident in occurring for tid in self._wanted_longer[ident]
                         if target.holds(keys[tid]))
        return self._findings(unit, occurring, checked, target, in_target)

    def _written(self, occurring: Iterable[int], checked: Container[int], target: str) -> bool:
        """Whether ``target`` holds an approved rendering of each of the ``occurring``
        simple entries that needs one (``checked``, with approved terms), written in a form
        met before (_Words.forms: " chaînes " in f" {target} " is a chunk of the target,
        which then holds its pieces). False says nothing: the target is then tokenised."""
        padded = f" {target} "
        forms_of, approved = self._target.forms.__getitem__, self._approved_pieces
        for ident in occurring:
            if approved[ident] and ident in checked and not any(map(
                    padded.__contains__, chain.from_iterable(map(forms_of, approved[ident])))):
                return False
        return True

    def _missing(self, unit: Pair, occurring: Iterable[int], checked: Container[int],
                 in_target: set[int]) -> list[Finding]:
        """The findings of a unit whose occurring entries are all simple (no forbidden
        term, no target term longer than one piece): ``term-missing`` for those that no
        target key of ``in_target`` satisfies."""
        satisfied = set(chain.from_iterable(map(self._satisfied_by.__getitem__, in_target)))
        entries = self._entries
        missing = [ident for ident in filterfalse(satisfied.__contains__, occurring)
                   if ident in checked and entries[ident].approved
                   and not self._compounded(ident, unit.target)]
        if missing and self._coordinated_in(unit.target):
            pieces = self._target.pieces(unit.target)  # once for the unit
            missing = [ident for ident in missing if not self._elided(ident, pieces)]
        return [finding(unit, "term-missing", entries[ident].source, entries[ident].expected)
                for ident in missing]

    def _findings(self, unit: Pair, occurring: Iterable[int], checked: Container[int],
                  target: _Text, in_target: set[int]) -> list[Finding]:
        """The findings of a unit, given the source terms that occur in it (``occurring``,
        in order; ``checked`` for ``term-missing``) and the target keys that do (all the
        approved and forbidden ones of those terms that occur, and maybe others)."""
        entries, keys = self._entries, self._target_keys
        findings: list[Finding] = []
        reported: set[str] = set()
        approved_spans: list[tuple[int, int]] | None = None  # only a forbidden term needs them
        for ident in occurring:
            entry = entries[ident]
            if (ident in checked and entry.approved and in_target.isdisjoint(entry.approved)
                    and not (self._coordinated_in(unit.target)
                             and self._elided(ident, target.pieces))
                    and not self._compounded(ident, unit.target)):
                findings.append(finding(unit, "term-missing", entry.source, entry.expected))
            for tid in entry.forbidden:
                term = self._target_terms[tid]
                if tid not in in_target or term in reported:
                    continue
                if approved_spans is None:
                    approved_spans = [span for i in occurring for approved in entries[i].approved
                                      if approved in in_target
                                      for span in target.spans(keys[approved])]
                # inside an approved rendering it is part of that one; this also lets
                # approval win for a term both approved and forbidden (two concepts, or a
                # review that changed its mind): its spans are the approved term's own
                if any(not _inside(span, approved_spans) for span in target.spans(keys[tid])):
                    reported.add(term)
                    findings.append(finding(unit, "term-forbidden", term, entry.expected))
        return findings

    def _compounded(self, ident: int, target: str) -> bool:
        """Whether ``target``, in a language that writes compounds as one word, holds an
        approved rendering of one word of entry ``ident`` as a part of a compound
        (:data:`_COMPOUND_HEAD_ENDINGS`): German translates "Agreement Area" as
        "Übereinkommensgebiet" and "EU Party" as "EU-Vertragspartei", where "Agreement" ->
        "Übereinkommen" and "Party" -> "Vertragspartei" were reported missing (33 of the 48
        findings of the DGT-TM memories in German with the top pairs of `terms` approved).
        Asked only of a term found missing."""
        extractor = self._target.extractor
        if extractor is None or not extractor.rules.compounds:
            return False
        approved = self._entries[ident].approved
        terms = [unicodedata.normalize("NFC", self._target_terms[tid]).lower()
                 for tid in approved]
        terms = [term for term in terms if " " not in term and len(term) >= 2]
        if extractor.rules.cased_nouns:
            terms += filter(None, (self._fused(tid) for tid in approved))
        words = [word.lower() for word in _COMPOUND_WORD.findall(
            unicodedata.normalize("NFC", target))]
        return any(_compound_part(term, word, extractor.rules.lemmas)
                   for term in terms for word in words if term in word and term != word
                   ) or any(self._before_compound(tid, words) for tid in approved)

    def _before_compound(self, tid: int, words: list[str]) -> bool:
        """Whether the approved term ``tid`` of two words, a modifier and a noun, stands in
        ``words`` (a target's, lower case) as the modifier before a compound the noun is a
        part of: the DGT-TM memories in Dutch write "scientific research activities" as
        "wetenschappelijke onderzoeksactiviteiten", where "Scientific Research ->
        wetenschappelijk onderzoek" was reported missing (German "wissenschaftliche
        Forschungstätigkeiten" alike)."""
        extractor = self._target.extractor
        assert extractor is not None  # (see _compounded)
        term = unicodedata.normalize("NFC", self._target_terms[tid]).lower().split()
        if len(term) != 2:
            return False
        modifier, noun = extractor.key(term[0]), term[1]
        return any(noun in word and noun != word
                   and _compound_part(noun, word, extractor.rules.lemmas)
                   and extractor.key(before) == modifier
                   for before, word in zip(words, words[1:], strict=False))

    def _fused(self, tid: int) -> str | None:
        """The German term ``tid`` of an adjective and a noun as a compound's part writes
        it, the adjective's stem before the noun ("Hohe See": "hochsee"), else None: the
        DGT-TM memories in German write "high seas" as "Hochseefischerei",
        "Hochseegewässer" and "Hochseeteil", ten units where an approved "high seas ->
        Hohe See" was reported missing."""
        words = self._target_terms[tid].split()
        pieces = self._target_keys[tid].pieces
        if (len(words) != 2 or len(pieces) != 2 or not words[1][:1].isupper()
                or not all(isinstance(piece, str) and piece.isalpha() for piece in pieces)):
            return None
        return f"{pieces[0]}{unicodedata.normalize('NFC', words[1]).lower()}"

    def _coordinated_in(self, target: str) -> bool:
        """Whether ``target`` may hold a coordination (:meth:`_elided`): a conjunction
        written between two spaces, found by substring searches in C. One next to
        punctuation ("urbain, et") or at the start cannot stand inside a term."""
        padded = f" {target} "
        return any(map(padded.__contains__, self._conjunction_marks))

    def _elided(self, ident: int, pieces: _Pieces) -> bool:
        """Whether ``pieces`` (a target's) hold an approved rendering of entry ``ident``
        shared by two coordinated phrases: its words in order with, between two of them,
        one word and a conjunction in either order ("fonds [structurels et] de cohésion",
        "rural [and urban] development"). Asked only of a term found missing."""
        conjunctions = self._conjunctions
        if conjunctions.isdisjoint(pieces):
            return False
        keys = self._target_keys
        for tid in self._entries[ident].approved:
            words = keys[tid].pieces
            if len(words) > 1 and keys[tid].needed <= set(pieces) and any(
                    _coordinated(pieces, at, words, conjunctions, self._function)
                    for at in _positions(pieces, words[0])):
                return True
        return False

    def _occurring(self, source: str) -> tuple[dict[int, None], Container[int]]:
        """The ids of the source terms that occur in ``source``, in the order of the text
        (a dict, for its order), and those of them checked for ``term-missing``: not only
        inside a longer term's occurrence."""
        pieces = list(chain.from_iterable(map(self._source_chunk, source.split())))
        if self._longer_start.isdisjoint(zip(pieces, pieces[1:], strict=False)):
            # the common case: only one-piece keys can occur, and no hit of one can lie
            # inside a longer hit, so every hit is checked; found by look-ups in C
            one_piece = self._one_piece
            ids = list(map(one_piece.__getitem__, filter(one_piece.__contains__, pieces)))
            if self._with_capital.isdisjoint(ids):
                occurring = dict.fromkeys(ids)
                return occurring, occurring
        return self._found(pieces, source)

    def _found(self, pieces: _Pieces, source: str) -> tuple[dict[int, None], set[int]]:
        """:meth:`_occurring` the long way, for any key: the occurrences of the keys in
        ``pieces`` (those of ``source``), those without the capitals of their term left
        out, and those inside a longer occurrence not checked."""
        hits = _find(self._source_index, pieces)
        if not self._with_capital.isdisjoint([ident for ident, _, _ in hits]):
            hits = self._with_capitals(hits, source)
        return (dict.fromkeys([ident for ident, _, _ in hits]),
                {ident for ident, _, _ in _outermost(hits)})

    def _with_capitals(self, hits: list[tuple[int, int, int]], source: str
                       ) -> list[tuple[int, int, int]]:
        """``hits`` without those whose capitals are not their term's: a one-word term
        with a capital is not its word in lower case ("regulations" is not "Regulation");
        a name is written with its capitals or in lower case ("these rules of procedure"),
        not half with them ("implementing Regulation (EC) No 437/2003"); a one-word term is
        not found in a heading in capitals."""
        capitals = self._source.capitals(source)
        entries = self._entries
        # a heading in capitals writes every word so: its capitals tell no name from a
        # common word ("LEGISLATION, REGULATIONS AND ADMINISTRATIVE PROVISIONS" is the
        # "regulations" of its lower-case twin, no Regulation), but a term in capitals, an
        # acronym ("EU"), is written so anywhere
        heading = source.isupper()
        kept = []
        for hit in hits:
            where = entries[hit[0]].capitals
            if heading and where and hit[2] - hit[1] == 1 \
                    and not entries[hit[0]].source.isupper():
                continue
            written = [capitals[hit[1] + at] for at in where]
            if all(written) or (hit[2] - hit[1] > 1 and not any(written)):
                kept.append(hit)
        return kept


def _compound_part(term: str, word: str, lemmas: str) -> bool:
    """Whether ``term`` (lower case, one word) is a part of the compound ``word``: a part a
    hyphen sets off, first ("iec|-reihe", "imo-msc|-rundschr") or last ("eu-|vertreter"),
    whatever its length; else, of :data:`_MIN_COMPOUND_PART` letters at least, its head,
    inflected or not, after two letters at least ("vertragsparteien" for
    "vertragspartei"), or its first part before a linking letter or two and a word the
    lemmatiser knows ("beschluss|fassung")."""
    if word.startswith(term) and _HYPHENS.match(word[len(term):]):
        return True
    if any(word.endswith(term + ending) and _HYPHENS.match(word[-len(term + ending) - 1])
           for ending in _COMPOUND_HEAD_ENDINGS if len(word) > len(term + ending)):
        return True
    if len(term) < _MIN_COMPOUND_PART:
        return False
    if any(word.endswith(term + ending) and len(word) - len(term + ending) >= 2
           for ending in _COMPOUND_HEAD_ENDINGS):
        return True
    rest = word[len(term):] if word.startswith(term) else ""
    return any(rest.startswith(link) and len(rest) - len(link) >= 3
               and is_known(rest[len(link):], lang=lemmas) for link in _COMPOUND_LINKS)


def _coordinated(pieces: _Pieces, at: int, words: list[str], conjunctions: frozenset[str],
                 function: Container[str | None]) -> bool:
    """Whether ``words`` occur from ``pieces[at]`` on with, between two of them and once,
    a word (not a ``function`` word) and one of ``conjunctions`` (either order): see
    TermChecker._elided."""
    position, gap = at + 1, False
    for word in words[1:]:
        if position < len(pieces) and pieces[position] == word:
            position += 1
            continue
        inserted = pieces[position:position + 2]
        if gap or len(inserted) < 2 or pieces[position + 2:position + 3] != [word]:
            return False
        first, second = inserted
        if first is _BREAK or second is _BREAK or (first in conjunctions) == (
                second in conjunctions) or first in function or second in function:
            return False  # punctuation, not one word and one conjunction, or "de et"
        position, gap = position + 3, True
    return gap


def _first_capital_counts(entries: Sequence[TermEntry]) -> bool:
    """Whether a capital on a source term's first word is meaningful: unless every term
    begins with one, as in a glossary that capitalises its entries ("Value chain"), where
    it says nothing of the concept (a term in lower case never asks for capitals)."""
    return any(entry.source[:1].islower() for entry in entries)


class _Text:
    """A text's pieces, to look for a few keys in it: whether one occurs, and where. Made
    from its pieces, or from the set of them and the text, whose pieces in order are then
    only made for :meth:`spans` (``chunk`` gives a chunk's pieces)."""

    __slots__ = ("_pieces", "present", "_text", "_chunk")

    def __init__(self, pieces: _Pieces | None, present: set[str | None] | None = None,
                 text: str = "",
                 chunk: Callable[[str], tuple[str | None, ...]] | None = None) -> None:
        self._pieces = pieces
        self.present = set(pieces) if present is None else present  # type: ignore[arg-type]
        self._text, self._chunk = text, chunk

    @property
    def pieces(self) -> _Pieces:
        if self._pieces is None:
            self._pieces = list(chain.from_iterable(map(self._chunk,  # type: ignore[arg-type]
                                                        self._text.split())))
        return self._pieces

    def holds(self, key: _Key) -> bool:
        """Whether ``key`` occurs: a key a piece of which the text lacks is refused by one
        set comparison, and a one-piece key then needs nothing else."""
        if not key.needed <= self.present:
            return False
        return len(key.pieces) == 1 or bool(self.spans(key))

    def spans(self, key: _Key) -> list[tuple[int, int]]:
        """Every occurrence of ``key``: (first piece, end piece)."""
        if not key.needed <= self.present:
            return []
        pieces, words = self.pieces, key.pieces
        length = len(words)
        return [(at, at + length) for at in _positions(pieces, words[0])
                if length == 1 or pieces[at:at + length] == words]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)
