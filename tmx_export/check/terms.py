"""Approved and forbidden terms in a memory: ``term-missing`` and ``term-forbidden``.

:func:`load_terms` reads the terms to check against from what the file is (by content,
not name): a termbase written by ``tmx-export terms`` (its ``approved`` and ``forbidden``
pairs), a TBX file (preferred/admitted terms approved, deprecated/superseded ones
forbidden) or a TSV/CSV glossary (every pair approved). :class:`TermChecker` then checks
units against them.

Terms are matched by their lemma keys, the same keys ``tmx-export terms`` gives its
candidates (:class:`tmx_export.terms.candidates.Extractor`): "value chains" holds the term
"value chain", "chaînes des valeurs" holds "chaîne de valeur" (French linking words and
articles normalised), whatever the case; accents count as written. Words may be separated
by any run of white space, a line break included, but not by punctuation ("value, chain"
is not the term). Languages without term rules (only English and French have them) fall
back to lower-cased words with a final "s" dropped: plural-tolerant for most languages
that use Latin script, but no lemmatisation (German "Ketten" stays apart from "Kette").

What counts as an occurrence:

* a source occurrence inside a longer term's occurrence is not checked for
  ``term-missing``: in "value chain", the term "chain" is part of the longer term, whose
  own rendering is what the target should hold (CAT tools match the longest term too);
* a forbidden target term is reported only in a unit whose source holds its source term:
  a forbidden rendering is forbidden *for that term* ("grappe" for "cluster"), and may be
  right elsewhere ("grappe de raisin"). A forbidden occurrence inside an approved target
  term of the unit ("politique" forbidden, "politique industrielle" approved) is not one;
* the check is presence, not counts: one approved rendering anywhere in the target
  satisfies every occurrence of the source term in the unit.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from ..errors import InputError
from ..formats.xml import parse_xml
from ..lang import primary
from ..model import Pair
from ..terms.candidates import Extractor, split_tokens
from ..terms.tbx import tbx_layout
from .model import Finding, TermEntry, finding

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# How long to wait for a run of ``tmx-export terms`` writing the termbase (it holds the write
# lock for one transaction; reading needs no more than that to end).
_BUSY_TIMEOUT = 30.0
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# TBX administrative statuses (TBX-Basic ``-admn-sts`` values, TBX-Default's
# ``normativeAuthorization`` values without the suffix) that forbid a term; any other
# status, or none, makes a target term an approved rendering.
_FORBIDDEN_STATUSES = frozenset({"deprecatedTerm", "supersededTerm"})
_STATUS_TYPES = frozenset({"administrativeStatus", "normativeAuthorization"})


# --- loading ---------------------------------------------------------------------------------

def load_terms(path: str | Path, source_lang: str, target_lang: str) -> list[TermEntry]:
    """The terms of ``path`` for the language pair, one :class:`TermEntry` per source term
    (grouped by lemma key, so "cluster" and "clusters" are one entry).

    ``path`` is told by its content: an SQLite termbase (``tmx-export terms``), a TBX file
    (2019 ``<tbx>`` or 2008 ``<martif>``), else a TSV/CSV glossary. The termbase is opened
    read-only; a file that does not exist is refused with :class:`InputError`, never created.
    """
    name = str(path)
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
    if head.startswith(_SQLITE_MAGIC):
        return read_termbase_terms(file, source_lang, target_lang)
    if _looks_like_xml(head):
        return read_tbx_terms(file, source_lang, target_lang)
    from ..terms.glossary import read_glossary

    words = _Words(source_lang)
    return _group(((e.source, e.target, False)
                   for e in read_glossary(file, source_lang, target_lang)), words)


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
        group = groups.setdefault(lemma, _Group(source_term))
        if status == "approved" and not group.targets:
            group.source = source_term  # an approved pair's citation form names the entry
        group.add(target_term, status == "forbidden")
    return [group.entry() for group in groups.values()]


def read_tbx_terms(path: str | Path, source_lang: str, target_lang: str) -> list[TermEntry]:
    """The terms of a TBX file (2019 ``<tbx>``, DCA or DCT style, or 2008 ``<martif>``),
    deprecated ones included, which :func:`tmx_export.terms.tbx.read_tbx` leaves out.

    Each source term of a concept entry gets the entry's target terms: preferred, admitted
    or without status approved, deprecated or superseded forbidden. Languages match by
    their primary subtag. Entries are then grouped by the source term's lemma key."""
    name = str(path)
    root = parse_xml(path).getroot()
    entry_tag, lang_tag, term_tags = tbx_layout(root, name)
    want_source, want_target = primary(source_lang), primary(target_lang)
    found: list[tuple[str, str, bool]] = []
    languages: set[str] = set()
    for entry in root.iter(f"{{*}}{entry_tag}", entry_tag):
        sources: list[str] = []
        targets: list[tuple[str, bool]] = []
        for lang_sec in entry.iter(f"{{*}}{lang_tag}", lang_tag):
            lang = primary(lang_sec.get(_XML_LANG) or lang_sec.get("lang") or "")
            languages.add(lang)
            if lang not in (want_source, want_target):
                continue
            for holder in lang_sec.iter(*[f"{{*}}{t}" for t in term_tags], *term_tags):
                term = _tbx_term(holder)
                if not term:
                    continue
                if lang == want_source:
                    sources.append(term)
                else:
                    targets.append((term, _tbx_status(holder) in _FORBIDDEN_STATUSES))
        for source in sources:
            found.extend((source, target, forbidden) for target, forbidden in targets)
    if not found:
        held = ", ".join(sorted(lang for lang in languages if lang)) or "none"
        raise InputError(name, f"no term pairs for {source_lang} -> {target_lang} "
                         f"(languages in the file: {held})")
    return _group(found, _Words(source_lang))


def _tbx_term(holder: etree._Element) -> str:
    for term in holder.iter("{*}term", "term"):
        return " ".join("".join(term.itertext()).split())
    return ""


def _tbx_status(holder: etree._Element) -> str:
    """A term's administrative status, without TBX-Basic's ``-admn-sts`` suffix: from a
    ``termNote type="administrativeStatus"`` (DCA style, TBX 2008) or an element named
    ``administrativeStatus`` (DCT style, any namespace)."""
    for element in holder.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        local = etree.QName(element).localname
        if (local == "termNote" and element.get("type") in _STATUS_TYPES) \
                or local in _STATUS_TYPES:
            return "".join(element.itertext()).strip().removesuffix("-admn-sts")
    return ""


@dataclass(slots=True)
class _Group:
    """The approved and forbidden target terms of one source term, as they are read."""

    source: str
    targets: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    def add(self, target: str, forbidden: bool) -> None:
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
        groups.setdefault(key, _Group(source)).add(target, forbidden)
    return [group.entry() for group in groups.values()]


# --- matching --------------------------------------------------------------------------------

class _Tokens(NamedTuple):
    """A text as match keys: the lemma pieces and, per piece, its run (a stretch of text no
    punctuation interrupts; a term never spans two runs)."""

    pieces: list[str]
    runs: list[int]


# The fallback's plural rule: a final "s" after three letters goes ("chains" -> "chain";
# not "is" or "bus"); "ss" is kept (see _fallback_piece).
_PLURAL_S = re.compile(r"(?<=[^\W\d_]{3})s$")


# What a chunk of text yields (see _Words._chunk): pieces, their punctuation offsets, breaks.
_Chunk = tuple[tuple[str, ...], tuple[int, ...] | None, int]
# Chunks remembered per language: a memory repeats its words, so most chunks are looked up
# rather than tokenised; bounded, so a corpus of nonsense cannot eat memory.
_MAX_CHUNKS = 500_000


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
        self._chunks: dict[str, _Chunk] = {}

    def tokens(self, text: str) -> _Tokens:
        pieces: list[str] = []
        runs: list[int] = []
        run = 0
        chunks = self._chunks
        for chunk in text.split():
            known = chunks.get(chunk)
            if known is None:
                known = self._chunk(chunk)
                if len(chunks) < _MAX_CHUNKS:
                    chunks[chunk] = known
            words, offsets, breaks = known
            pieces += words
            if offsets is None:  # the common chunk: one word, or words without punctuation
                runs += [run] * len(words)
            else:
                runs += [run + offset for offset in offsets]
            run += breaks
        return _Tokens(pieces, runs)

    def _chunk(self, chunk: str) -> _Chunk:
        """The pieces of one chunk (no white space in it); for each, the number of
        punctuation gaps before it in the chunk (``None``: none before any); and the number
        of gaps in all (a gap at its end separates it from the next chunk)."""
        if self.extractor is not None:
            # "" is the piece of a French article after "de"/"à": skipped, not a break
            spans = [(t.start, t.end, t.piece) for t in self.extractor.tokens(chunk)]
        else:
            spans = [(a, b, _fallback_piece(chunk[a:b]))
                     for a, b in split_tokens(chunk, self.lang)]
        words: list[str] = []
        offsets: list[int] = []
        breaks = end = 0
        for start, stop, piece in spans:
            if start > end:
                breaks += 1  # punctuation: within a chunk every gap is
            if piece:
                words.append(piece)
                offsets.append(breaks)
            end = stop
        if end < len(chunk):
            breaks += 1
        return tuple(words), tuple(offsets) if any(offsets) else None, breaks

    def key(self, term: str) -> tuple[str, ...]:
        return tuple(self.tokens(term).pieces)


def _fallback_piece(word: str) -> str:
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("ss"):
        return lower  # "process", "Kongress": not plurals
    return _PLURAL_S.sub("", lower)


# first piece -> [(length, all pieces, id)]: a text is scanned once, each piece looked up once
_Index = dict[str, list[tuple[int, list[str], int]]]


def _index(keys: Sequence[tuple[str, ...]]) -> _Index:
    index: _Index = {}
    for ident, key in enumerate(keys):
        if key:
            index.setdefault(key[0], []).append((len(key), list(key), ident))
    return index


def _find(index: _Index, tokens: _Tokens) -> list[tuple[int, int, int]]:
    """Every occurrence of an indexed key in ``tokens``: (id, first piece, end piece)."""
    pieces, runs = tokens.pieces, tokens.runs
    n = len(pieces)
    found: list[tuple[int, int, int]] = []
    for i in [i for i, piece in enumerate(pieces) if piece in index]:
        for length, key, ident in index[pieces[i]]:
            end = i + length
            if length == 1 or (end <= n and runs[end - 1] == runs[i]
                               and pieces[i:end] == key):
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


class TermChecker:
    """Checks units against term entries: ``term-missing`` when an approved source term
    occurs in the source and none of its approved target terms in the target,
    ``term-forbidden`` when the target holds a forbidden rendering of a source term that
    occurs in the source (see the module's notes for what counts as an occurrence).

    Entries whose source terms share a lemma key are merged. The entries are indexed by
    their first lemma piece, and each side of a unit is tokenised once, so a check costs
    about the length of the unit whatever the number of entries.
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

        def target_id(term: str) -> int | None:
            key = self._target.key(term)
            if not key:
                return None
            ident = target_ids.get(key)
            if ident is None:
                ident = target_ids[key] = len(target_keys)
                target_keys.append(key)
                self._target_terms.append(term)
            return ident

        for entry in entries:
            key = self._source.key(entry.source)
            if not key:
                continue  # no word in it: nothing a text could be matched against
            ident = source_ids.get(key)
            if ident is None:
                ident = source_ids[key] = len(source_keys)
                source_keys.append(key)
                self._entries.append(_Entry(entry.source))
            compiled = self._entries[ident]
            for target in entry.targets:
                tid = target_id(target)
                if tid is not None and tid not in compiled.approved:
                    compiled.approved.append(tid)
            for target in entry.forbidden:
                tid = target_id(target)
                if tid is not None and tid not in compiled.forbidden:
                    compiled.forbidden.append(tid)
        self._source_index = _index(source_keys)
        self._target_index = _index(target_keys)

    def __len__(self) -> int:
        """The number of source terms checked."""
        return len(self._entries)

    def check(self, unit: Pair) -> list[Finding]:
        """The term findings of one unit: ``term-missing`` (item: the source term; expected:
        its approved target terms joined by " | ") and ``term-forbidden`` (item: the
        forbidden term; expected: the approved ones, or "")."""
        hits = _find(self._source_index, self._source.tokens(unit.source))
        if not hits:
            return []  # most units hold no term: the target is not even tokenised
        occurring = list(dict.fromkeys(ident for ident, _, _ in hits))
        checked = set(ident for ident, _, _ in _outermost(hits))
        target_hits: dict[int, list[tuple[int, int]]] = {}
        for tid, first, end in _find(self._target_index, self._target.tokens(unit.target)):
            target_hits.setdefault(tid, []).append((first, end))
        approved_spans = [span for ident in occurring
                          for tid in self._entries[ident].approved
                          for span in target_hits.get(tid, ())]
        findings: list[Finding] = []
        reported: set[str] = set()
        for ident in occurring:
            entry = self._entries[ident]
            expected = " | ".join(self._target_terms[t] for t in entry.approved)
            if (ident in checked and entry.approved
                    and not any(tid in target_hits for tid in entry.approved)):
                findings.append(finding(unit, "term-missing", entry.source, expected))
            for tid in entry.forbidden:
                term = self._target_terms[tid]
                if term in reported:
                    continue
                # inside an approved rendering it is part of that one; this also lets
                # approval win for a term both approved and forbidden (two concepts, or a
                # review that changed its mind): its spans are the approved term's own
                if any(not _inside(span, approved_spans) for span in target_hits.get(tid, ())):
                    reported.add(term)
                    findings.append(finding(unit, "term-forbidden", term, expected))
        return findings


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)
