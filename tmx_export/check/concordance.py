"""Bilingual concordance: every unit of a memory whose source or target holds a phrase.

A query is matched word by word against the words of each side, in that side's language,
keyed as :mod:`.analysis` keys them (lemma-aware, case- and accent-insensitive): see it
for what a query word matches. The words must follow each other in the text (French
articles between them aside), and a match does not run across punctuation the query does
not have. The symbols of a figure or a code the query writes ("10 %", "§ 3", "(a)",
"2019/391") must be in the text where the query has them, and are highlighted with the
words.

**Index.** Scanning re-reads and re-lemmatises the memory for every query. With an index
(:func:`ensure_index`), a SQLite file holds the units' texts, each side's words as the
matcher sees them (folded lemma keys, places, punctuation: :meth:`Analyser.stored`), and an
FTS5 table over the keys, one FTS token per word (a key that is not plain ASCII letters and
digits is written as ``_`` + its UTF-8 in hex, so the tokeniser can never split or merge
keys). The query's keys are looked up as FTS5 phrases (one per combination of the
alternatives of its words), and each candidate unit is then checked by the same matcher a
scan uses, on the stored words (punctuation, highlight spans), without the lemmatiser.

The index remembers the memory files (resolved paths, sizes, modification times), the
languages, the unit settings and the lemmatiser version; when any differs, it is rebuilt
(the command says so on stderr first): it is a cache, and a stale one must never answer.
A file that is not such an index is never overwritten, nor is an input. The index is
written to a temporary file beside it and renamed into place when complete, so an
interrupted build leaves the old index (or none), never half of one. The memory is streamed
into it in batches, so building takes flat memory however large the memory is.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..formats.text import input_name
from ..inputs import (
    Inputs,
    ParallelInput,
    check_output_ending,
    check_outputs,
    declared_pair,
    gather_inputs,
    input_list,
)
from ..lang import standard_tag
from .analysis import Analyser, Word, fold, fts_token, stored_words

__all__ = ["FORMATS", "SIDES", "TSV_COLUMNS", "Analyser", "Hit", "Pattern", "Query",
           "build_index", "concordance", "ensure_index", "fold", "format_hit",
           "hit_to_json", "hit_to_tsv", "index_status", "search_index", "search_scan",
           "stored_words"]

SIDES = ("both", "source", "target")
FORMATS = ("text", "tsv", "jsonl")
TSV_COLUMNS = ("tuid", "file", "line", "source", "target", "side", "match")

INDEX_FORMAT = "tmx-export concordance index"
INDEX_VERSION = "16"  # raised whenever the keys of words or the tuids change (an old index is
# rebuilt): 4, a TMX unit without a tuid named "#N"; 5, words typed without ß/œ/æ keyed as
# the dictionary spells them; 6, a word joined by hyphens keyed as the words it joins;
# 7, ł, ø, đ, ħ and ı folded to l, o, d, h and i; 8, a prefix and its word joined by a
# hyphen keyed as one word; 9, a French function word in capitals ("DU") keyed as itself,
# not as an accented word ("dû"); 10, words of German, Spanish, Polish... (CASE_FREE_LEMMAS)
# keyed by their lemma, not as written; 11, a letter's combining accent left after
# composing (NFC has no single character for it) is part of its word, not a break; 12, a
# German adjective the dictionary also lists as a noun ("Ständige") keyed as the adjective;
# 13, an English plural in "-es" the lemmatiser read as a rarer spelling's ("Annexes" as
# "annexe") keyed as the common one ("annex"); 14, an English noun in "-ing" keyed as itself
# ("planning", not "plan"; "meeting" as "meetings"); 15, a German noun in "-e" the
# dictionary also reads as the word without it keyed so in every form ("Spalten" as "Spalte");
# 16, a Polish plural or genitive the dictionary lists as a lemma keyed as its singular
# ("środki" as "środek", "prawa" as "prawo")
BATCH = 5000  # units per executemany: large enough to amortise, small enough to stay flat
# Phrases an FTS5 query may list (the product of the alternatives of the query's words);
# past this the index is asked for units holding every word somewhere (a superset the
# matcher then narrows), which is slower but never misses a hit.
MAX_PHRASES = 128

Input = str | Path | ParallelInput



# --- queries --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pattern:
    """A query as read in one language: the keys each of its words matches (and the same
    as FTS tokens, to check the index's words), and where the query itself has
    punctuation between words (a match may have it there too); and the symbols of a code
    or a figure the query writes around or inside its words (:func:`_symbols`), which the
    text must write there too."""

    keys: tuple[frozenset[str], ...]
    breaks: tuple[bool, ...]
    tokens: tuple[frozenset[str], ...]
    # (k, gap): the text between words k - 1 and k must be ``gap``, as the query writes it
    gaps: tuple[tuple[int, str], ...] = ()
    lead: str = ""  # symbols the text must have right before the first word ("§", "(")
    trail: str = ""  # and right after the last ("%", ")")

    @classmethod
    def of(cls, keys: Sequence[frozenset[str]], breaks: Sequence[bool],
           gaps: Sequence[tuple[int, str]] = (), lead: str = "", trail: str = "") -> Pattern:
        """The pattern of words matching ``keys``, with punctuation before them where
        ``breaks`` says, and the symbols ``gaps``, ``lead`` and ``trail`` required."""
        return cls(tuple(keys), tuple(breaks),
                   tuple(frozenset(fts_token(k) for k in alternatives) for alternatives in keys),
                   tuple(gaps), lead, trail)

    def find(self, words: Sequence[Word], *, stored: bool = False,
             text: str = "") -> list[tuple[int, int]]:
        """The character spans of the non-overlapping matches in ``words`` (read from the
        index, keyed by FTS tokens, when ``stored``) of ``text``, in order."""
        keys, breaks = (self.tokens if stored else self.keys), self.breaks
        n = len(keys)
        first = keys[0]
        spans: list[tuple[int, int]] = []
        i, last = 0, len(words) - n
        symbols = bool(self.gaps or self.lead or self.trail)
        while i <= last:
            if words[i].key in first and all(
                words[i + k].key in keys[k] and (breaks[k] or not words[i + k].breaks)
                for k in range(1, n)
            ):
                span = (self._with_symbols(words, i, text) if symbols
                        else (words[i].start, words[i + n - 1].end))
                if span is not None:
                    spans.append(span)
                    i += n
                    continue
            i += 1
        return spans

    def _with_symbols(self, words: Sequence[Word], i: int,
                      text: str) -> tuple[int, int] | None:
        """The span of the match of the words from ``words[i]`` with the symbols the
        query requires around them, or ``None`` when ``text`` lacks one."""
        for k, gap in self.gaps:
            if text[words[i + k - 1].end:words[i + k].start] != gap:
                return None
        start, end = words[i].start, words[i + len(self.keys) - 1].end
        if self.lead:
            before = text[:start].rstrip()
            if not before.endswith(self.lead):
                return None
            start = len(before) - len(self.lead)
        if self.trail:
            after = text[end:]
            spaced = len(after) - len(after.lstrip())
            if not after.startswith(self.trail, spaced):
                return None
            end += spaced + len(self.trail)
        return start, end

    def fts(self) -> str:
        """The FTS5 expression (without column filter) that finds every unit this pattern
        can match in: the phrases of all combinations of the words' keys, or, when they
        are too many, every word somewhere in the side."""
        tokens = [sorted(alternatives) for alternatives in self.tokens]
        count = 1
        for alternatives in tokens:
            count *= len(alternatives)
        if count <= MAX_PHRASES:
            phrases = (" ".join(combination) for combination in itertools.product(*tokens))
            return " OR ".join(f'"{phrase}"' for phrase in phrases)
        return " AND ".join("(" + " OR ".join(f'"{t}"' for t in alternatives) + ")"
                            for alternatives in tokens)


# Punctuation of sentences, which a query may write where the text does not ("Union, and"
# finds "Union and"), and the joiners of words; any other character that is no letter,
# digit or space is a symbol of a code or a figure ("10 %", "§ 3", "2019/391", "(a)",
# "MSC.48(66)"), which the text must write where the query does: "10 %" found every "10"
# of the memory, dates and page numbers, and "1/2019" found "10.1.2019". A star is free too:
# it is the wildcard of other tools' searches ("value chain*"), and a footnote's mark.
_SENTENCE_MARKS = frozenset(",;:!?.…\"'«»“”„‘’‚‹›-‐‑–—*")


def _symbol(ch: str) -> bool:
    return not (ch.isalnum() or ch.isspace() or ch in _SENTENCE_MARKS)


def _symbols(text: str, words: Sequence[Word]) -> tuple[list[tuple[int, str]], str, str]:
    """The symbols query ``text`` writes with its ``words``, as :class:`Pattern` requires
    them: the gaps between two words written together with a symbol between them
    ("2019/391", "3(1"), and the symbols right before the first word and right after
    the last (space between them and the word aside: "§ 3", "10 %")."""
    gaps = []
    for k in range(1, len(words)):
        gap = text[words[k - 1].end:words[k].start]
        if gap and not any(ch.isspace() for ch in gap) and any(_symbol(ch) for ch in gap):
            gaps.append((k, gap))
    before = text[:words[0].start].rstrip()
    lead = before[len(before) - next((n for n, ch in enumerate(reversed(before))
                                      if not _symbol(ch)), len(before)):]
    after = text[words[-1].end:].lstrip()
    trail = after[:next((n for n, ch in enumerate(after) if not _symbol(ch)), len(after))]
    return gaps, lead, trail


@dataclass(frozen=True, slots=True)
class Query:
    """A query read in both languages: ``source`` and ``target`` are ``None`` when the
    query has no word in that language's reading (a French article alone)."""

    text: str
    source: Pattern | None
    target: Pattern | None

    @classmethod
    def compile(cls, text: str, source: Analyser, target: Analyser,
                side: str = "both") -> Query:
        """``text`` read by the analysers of the sides ``side`` names (a side not searched
        is not read: its lemmatiser need not load); ``InputError`` when it has no word."""
        patterns: list[Pattern | None] = []
        for name, analyser in (("source", source), ("target", target)):
            words = analyser.words(text) if side in ("both", name) else []
            keys = [analyser.keys(text, w) for w in words]
            ordinary = analyser.ordinary_case(text) if words else text
            if ordinary != text:
                # A query typed in capitals ("THAT THERE IS"): its short words read alone
                # are acronyms, "IS" keyed "is" where the text's "is" is keyed "be", and
                # the query missed the text in lower case. Each word also matches what it
                # matches in lower case (same spans: ordinary_case keeps every length).
                lowered = analyser.words(ordinary)
                if [w[:2] for w in lowered] == [w[:2] for w in words]:
                    keys = [k | analyser.keys(ordinary, w) for k, w in zip(keys, lowered,
                                                                           strict=True)]
            patterns.append(Pattern.of(keys, [w.breaks for w in words], *_symbols(text, words))
                            if words else None)
        if patterns[0] is None and patterns[1] is None:
            raise InputError("QUERY", f"{text!r} has no word to search for"
                             + ("" if side == "both" else f" in the {side} language"))
        return cls(text, patterns[0], patterns[1])

    def patterns(self, side: str) -> list[tuple[str, Pattern]]:
        """The (side, pattern) pairs to search for ``side`` (``both``, ``source``,
        ``target``)."""
        wanted = ("source", "target") if side == "both" else (side,)
        return [(name, pattern) for name in wanted
                if (pattern := getattr(self, name)) is not None]


@dataclass(frozen=True, slots=True)
class Hit:
    """A unit the query matched, with the character spans of the matches on each side."""

    tuid: str
    file: str
    line: int
    source: str
    target: str
    source_spans: tuple[tuple[int, int], ...]
    target_spans: tuple[tuple[int, int], ...]

    @property
    def side(self) -> str:
        """``source``, ``target`` or ``both``: where the query matched."""
        if self.source_spans and self.target_spans:
            return "both"
        return "source" if self.source_spans else "target"

    @property
    def matches(self) -> list[str]:
        """The matched words as written, each distinct one once, source side first."""
        found = [self.source[s:e] for s, e in self.source_spans]
        found += [self.target[s:e] for s, e in self.target_spans]
        return list(dict.fromkeys(found))


def _hit(tuid: str, file: str, line: int, source: str, target: str,
         spans: dict[str, list[tuple[int, int]]]) -> Hit | None:
    """The hit of a unit with the matches ``spans`` by side, or ``None`` if none."""
    source_spans, target_spans = spans.get("source", ()), spans.get("target", ())
    if not source_spans and not target_spans:
        return None
    return Hit(tuid, file, line, source, target, tuple(source_spans), tuple(target_spans))


# --- searching ------------------------------------------------------------------------------

def _stream(inputs: Sequence[Input], settings: dict[str, Any], progress: Any = None,
            left_out: Any = None) -> Iterator[Any]:
    """Every unit as the memory holds it: no cleaning, no deduplication, tuids kept, so a
    hit names the unit a CAT tool or the TMX shows. A memory with no unit in the pair is
    refused once read, naming the languages its units hold: a search of nothing would
    find nothing, and say nothing. The units not searched (lacking one of the pair) are
    counted by reason in ``left_out`` (a :class:`~tmx_export.check.model.LeftOut`)."""
    from ..pipeline import no_unit_in_pair, stream_units
    from .model import LeftOut

    if left_out is None:
        left_out = LeftOut()
    count = 0
    for unit in stream_units(list(inputs), source_lang=settings["source_lang"],
                             target_lang=settings["target_lang"],
                             input_format=settings["input_format"],
                             segment=settings["segment"], renumber=False, clean=None,
                             dedupe="none", allow_empty=True, progress=progress,
                             rejects=left_out.add):
        count += 1
        yield unit
    if count == 0:
        raise no_unit_in_pair(inputs, "search", settings["source_lang"],
                              settings["target_lang"], left_out.languages, left_out.reasons)


def search_scan(inputs: Sequence[Input], query: Query, *, side: str = "both",
                source_lang: str = "en-GB", target_lang: str = "fr-FR",
                input_format: str | None = None, segment: str = "sentence",
                left_out: Any = None) -> Iterator[Hit]:
    """The hits of ``query`` in the memory ``inputs``, read from start to end; the units
    not searched are counted in ``left_out`` (a ``LeftOut``) by the end."""
    settings = _settings(source_lang, target_lang, input_format, segment)
    analysers = {"source": Analyser(settings["source_lang"]),
                 "target": Analyser(settings["target_lang"])}
    patterns = query.patterns(side)
    for unit in _stream(inputs, settings, left_out=left_out):
        texts = {"source": unit.source, "target": unit.target}
        hit = _hit(str(unit.tuid or ""), unit.file, unit.line, unit.source, unit.target,
                   {name: pattern.find(analysers[name].words(texts[name]), text=texts[name])
                    for name, pattern in patterns})
        if hit is not None:
            yield hit


def search_index(path: str | Path, query: Query, *, side: str = "both") -> Iterator[Hit]:
    """The hits of ``query`` in the index ``path`` (see :func:`ensure_index`), in the
    memory's order: FTS5 finds the candidates, the matcher checks them."""
    patterns = query.patterns(side)
    expression = " OR ".join(f"({name}_keys : ({pattern.fts()}))" for name, pattern in patterns)
    if not expression:
        return
    con = _connect_ro(Path(path))
    try:
        rows = con.execute(
            "SELECT u.tuid, f.name, u.line, u.source, u.target, u.source_keys, "
            "u.source_marks, u.target_keys, u.target_marks FROM words "
            "JOIN units u ON u.id = words.rowid JOIN files f ON f.id = u.file "
            "WHERE words MATCH ? ORDER BY words.rowid", (expression,))
        for tuid, file, line, source, target, *stored in rows:
            sides = {"source": stored[0:2], "target": stored[2:4]}
            texts = {"source": source, "target": target}
            hit = _hit(tuid, file, line, source, target,
                       {name: pattern.find(stored_words(*sides[name]), stored=True,
                                           text=texts[name])
                        for name, pattern in patterns})
            if hit is not None:
                yield hit
    except sqlite3.DatabaseError as exc:
        # An index whose meta table reads well may still be damaged further in (a disk
        # error, a copy cut short): SQLite only finds out on the pages a query reads. It
        # is our cache, but it is not removed behind the user's back: they are told how
        # to have it rebuilt.
        raise InputError(str(path), f"the index is damaged ({exc}); remove it, and the "
                         "next search with --index builds it again") from None
    finally:
        con.close()


class Hits:
    """The hits of a search, in the memory's order (an iterator), with the languages it
    searched in, standardised, and whether they are the ones the memory declares
    (``declared``: the user named none). ``left_out`` counts by reason the units of the
    memory not searched (a ``tu`` without the target language): known from the index at
    once, from a scan once every hit has been taken (``None`` until then, and after a
    ``limit`` that stopped the scan early)."""

    def __init__(self, hits: Iterator[Hit], source_lang: str, target_lang: str,
                 declared: bool) -> None:
        self._hits = hits
        self.source_lang, self.target_lang, self.declared = source_lang, target_lang, declared
        self.left_out: Counter[str] | None = None

    def __iter__(self) -> Hits:
        return self

    def __next__(self) -> Hit:
        return next(self._hits)


def concordance(
    inputs: Inputs,
    query: str,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    side: str = "both",
    limit: int | None = None,
    index: str | Path | None = None,
    input_format: str | None = None,
    segment: str = "sentence",
    on_build: Callable[[str], None] | None = None,
    progress: Any = None,
    languages_from_memory: bool = False,
) -> Hits:
    """The hits of ``query`` in the memory ``inputs`` (anything ``build`` reads), at most
    ``limit``, in the memory's order. With ``languages_from_memory`` (the user named no
    language), the pair the memory declares (:func:`tmx_export.inputs.declared_pair`)
    rather than ``source_lang`` and ``target_lang``.

    ``side`` restricts the search to the ``source`` or ``target`` texts (``both``: either).
    With ``index`` (a file name), the search runs on that SQLite index, built first when
    missing or out of date (:func:`ensure_index`; ``on_build(reason)`` hears of it before
    the build starts, ``progress`` follows the reading). Everything that can be refused (a
    side, a query without words, an unreadable memory or index) is refused by this call,
    before the first hit is asked for.
    """
    if side not in SIDES:
        raise ValueError(f"unknown side {side!r}; expected one of {', '.join(SIDES)}")
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    inputs = input_list(inputs)
    declared = (declared_pair(inputs, input_format, source_lang, target_lang)
                if languages_from_memory else None)
    if declared is not None:
        source_lang, target_lang = declared
    settings = _settings(source_lang, target_lang, input_format, segment)
    # Through the index the query alone is lemmatised: its words are looked up on disk. A
    # scan loads the dictionaries whole for the memory's words, and the query's with them.
    on_disk = index is not None
    compiled = Query.compile(query, Analyser(settings["source_lang"], on_disk=on_disk),
                             Analyser(settings["target_lang"], on_disk=on_disk), side)
    result = Hits(iter(()), settings["source_lang"], settings["target_lang"],
                  declared is not None)
    if index is not None:
        ensure_index(inputs, index, source_lang=source_lang, target_lang=target_lang,
                     input_format=input_format, segment=segment, on_build=on_build,
                     progress=progress)
        result.left_out = Counter(json.loads(_read_meta(Path(index))["left_out"]))
        hits = search_index(index, compiled, side=side)
    else:
        from .model import LeftOut

        gather_inputs(inputs, source_lang=settings["source_lang"],  # fail now, not later
                      target_lang=settings["target_lang"], pair_files=input_format is None)
        left_out = LeftOut()
        hits = _then(search_scan(inputs, compiled, side=side, source_lang=source_lang,
                                 target_lang=target_lang, input_format=input_format,
                                 segment=segment, left_out=left_out),
                     lambda: setattr(result, "left_out", left_out.reasons))
    result._hits = itertools.islice(hits, limit)
    return result


def _then(hits: Iterator[Hit], done: Callable[[], None]) -> Iterator[Hit]:
    """``hits``, then ``done()`` once they are all taken (the memory read to its end)."""
    yield from hits
    done()


# --- the index ------------------------------------------------------------------------------

def _settings(source_lang: str, target_lang: str, input_format: str | None,
              segment: str) -> dict[str, Any]:
    tags = []
    for option, code in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        try:
            tags.append(standard_tag(code))
        except ValueError as exc:
            raise InputError(option, str(exc)) from None
    return {"source_lang": tags[0], "target_lang": tags[1], "input_format": input_format,
            "segment": segment}


def _lemmatiser() -> str:
    from importlib.metadata import version

    return f"simplemma {version('simplemma')}"


def _expected_meta(inputs: Sequence[Input], path: Path, settings: dict[str, Any],
                   ) -> dict[str, str]:
    """What an up-to-date index of ``inputs`` says about itself."""
    files = gather_inputs(inputs, source_lang=settings["source_lang"],
                          target_lang=settings["target_lang"],
                          pair_files=settings["input_format"] is None)
    check_outputs(files, [path])
    if not path.exists():
        # an index is a SQLite file opened where it lies: a .gz name would hold it
        # uncompressed (as a new termbase's, inputs.check_output_ending)
        check_output_ending(path, "--index", "SQLite", (".db", ".sqlite", ".sqlite3"))
    names = [name for f in files
             for name in ((f.source, f.target) if isinstance(f, ParallelInput) else (f,))]
    if "-" in names:
        raise InputError("-", "standard input cannot be indexed (it cannot be checked for "
                         "changes): give the memory as a file, or leave out --index")
    memory = []
    for name in names:
        stat = os.stat(name)
        # the change time and file number too: a memory rewritten with its size and its
        # modification time kept (`cp -p`, `touch -d`, `rsync -a`) still changed them
        # (the name as text SQLite can store: a byte that is not UTF-8 escaped)
        memory.append([input_name(Path(name).resolve()), stat.st_size, stat.st_mtime_ns,
                       stat.st_ctime_ns, stat.st_ino])
    return {"format": INDEX_FORMAT, "version": INDEX_VERSION, "lemmatiser": _lemmatiser(),
            "byteorder": sys.byteorder,
            "source_lang": settings["source_lang"], "target_lang": settings["target_lang"],
            "input_format": settings["input_format"] or "", "segment": settings["segment"],
            "memory": json.dumps(memory, ensure_ascii=False)}


# Which difference makes an index stale, in the words the user reads.
_STALE_REASONS = {
    "memory": "the memory changed",
    "source_lang": "it was built for other languages",
    "target_lang": "it was built for other languages",
    "segment": "it was built with other units (--segment)",
    "input_format": "it was built with another --input-format",
    "version": "it was built by another version of tmx-export",
    "lemmatiser": "it was built with another lemmatiser version",
    "byteorder": "it was built on another kind of machine",
}


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _read_meta(path: Path) -> dict[str, str]:
    """The meta table of the index ``path``; ``InputError`` when ``path`` is not one of
    our indexes, so that a mistyped --index never destroys some other file."""
    refused = ("not a tmx-export concordance index; refusing to replace it (name another "
               "--index file, or remove this one)")
    try:
        con = _connect_ro(path)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta"))
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise InputError(str(path), refused) from None
    if meta.get("format") != INDEX_FORMAT:
        raise InputError(str(path), refused)
    return meta


def index_status(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                 target_lang: str = "fr-FR", input_format: str | None = None,
                 segment: str = "sentence") -> str | None:
    """``None`` when the index ``path`` is up to date for the memory ``inputs``, else why
    it must be (re)built: ``"missing"``, or what changed."""
    target = Path(path)
    settings = _settings(source_lang, target_lang, input_format, segment)
    expected = _expected_meta(inputs, target, settings)
    if not target.exists():
        from ..formats.text import check_writable

        check_writable(path)  # as given: Path() drops the "/" of "newdir/"
        return "missing"
    if target.is_dir():
        raise InputError(str(path), "is a directory, expected an index file")
    meta = _read_meta(target)
    for key, reason in _STALE_REASONS.items():
        if meta.get(key) != expected[key]:
            return reason
    return None


def ensure_index(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                 target_lang: str = "fr-FR", input_format: str | None = None,
                 segment: str = "sentence", on_build: Callable[[str], None] | None = None,
                 progress: Any = None) -> str:
    """Make the index ``path`` of the memory ``inputs`` up to date: ``"reused"`` when it
    was, else it is (re)built (``on_build(reason)`` is called first) and the result is
    ``"built"`` or ``"rebuilt"``."""
    reason = index_status(inputs, path, source_lang=source_lang, target_lang=target_lang,
                          input_format=input_format, segment=segment)
    if reason is None:
        return "reused"
    if on_build is not None:
        on_build(reason)
    build_index(inputs, path, source_lang=source_lang, target_lang=target_lang,
                input_format=input_format, segment=segment, progress=progress)
    return "built" if reason == "missing" else "rebuilt"


# The texts and what the index knows of their words (see Analyser.stored) in ``units``;
# ``words`` is the FTS5 index of the keys, with ``units`` as its external content, so the
# keys are stored once. The tokeniser only has to split at spaces: every key is one token
# of letters, digits and "_" (fts_token).
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE units(id INTEGER PRIMARY KEY, tuid TEXT NOT NULL, file INTEGER NOT NULL,
                   line INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
                   source_keys TEXT NOT NULL, source_marks BLOB NOT NULL,
                   target_keys TEXT NOT NULL, target_marks BLOB NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(source_keys, target_keys, content='units',
                                      content_rowid='id', columnsize=0,
                                      tokenize="unicode61 tokenchars '_'");
"""


def build_index(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                target_lang: str = "fr-FR", input_format: str | None = None,
                segment: str = "sentence", progress: Any = None) -> int:
    """Build the concordance index of the memory ``inputs`` at ``path`` (replacing any
    index there) and return how many units it holds. The units are streamed and written
    in batches, so memory stays flat however large the memory is; the file is written
    beside ``path`` and renamed into place when complete."""
    from ..formats.text import atomic_path

    target = Path(path)
    settings = _settings(source_lang, target_lang, input_format, segment)
    meta = _expected_meta(inputs, target, settings)  # before reading: a later change shows
    with atomic_path(path, together=False) as tmp:  # searched at once, in this run
        con = sqlite3.connect(tmp)
        try:
            # The file is private until renamed: no journal, no syncs while writing (one
            # fsync before the rename makes it durable).
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                              "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;")
            con.executescript(_SCHEMA)
            from .model import LeftOut

            left_out = LeftOut()
            count = _fill(con, _stream(inputs, settings, progress, left_out), settings)
            meta["units"] = str(count)
            # what was not searched, said at each search as a scan says it
            meta["left_out"] = json.dumps(dict(left_out.reasons))
            con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            # One FTS segment instead of several: fewer b-trees to probe per query.
            con.execute("INSERT INTO words(words) VALUES ('optimize')")
            con.commit()
        except sqlite3.Error as exc:
            # the disk full, a file size limit (ulimit -f): SQLite says "disk I/O error",
            # which is the index's to name, not a traceback
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in _WRITE_FAILURES:
                raise
            raise InputError(str(path), f"cannot write the index ({exc})") from None
        finally:
            con.close()
    return count


# SQLite's primary result codes of a write the file system refused: SQLITE_IOERR, SQLITE_FULL,
# SQLITE_READONLY, SQLITE_CANTOPEN (the termbase reports the same, terms/termbase.py)
_WRITE_FAILURES = frozenset({10, 13, 8, 14})


def _fill(con: sqlite3.Connection, units: Iterator[Any], settings: dict[str, Any]) -> int:
    source, target = Analyser(settings["source_lang"]), Analyser(settings["target_lang"])
    files: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    count = 0
    for unit in units:
        count += 1
        file_id = files.get(unit.file)
        if file_id is None:
            file_id = files[unit.file] = len(files) + 1
            con.execute("INSERT INTO files(id, name) VALUES (?, ?)", (file_id, unit.file))
        rows.append((count, str(unit.tuid or ""), file_id, unit.line, unit.source,
                     unit.target, *source.stored(unit.source), *target.stored(unit.target)))
        if len(rows) >= BATCH:
            con.executemany(_INSERT, rows)
            rows.clear()
    con.executemany(_INSERT, rows)
    # The FTS index read from the units in one pass (faster than row by row).
    con.execute("INSERT INTO words(words) VALUES ('rebuild')")
    return count


_INSERT = "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


# --- output -----------------------------------------------------------------------------------

def highlight(text: str, spans: Sequence[tuple[int, int]],
              style: Callable[[str], str] | None) -> str:
    """``text`` with each span passed through ``style`` (``None``: left as it is)."""
    if style is None or not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(text[at:start])
        out.append(style(text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def format_hit(hit: Hit, *, source_lang: str, target_lang: str, colour: bool = False) -> str:
    """A hit for a person: ``tuid  file:line``, then the source and target lines, indented
    behind their language; with ``colour``, the matches in bold red (for a terminal)."""
    import click

    style = (lambda s: click.style(s, fg="red", bold=True)) if colour else None
    header = f"{hit.tuid}  {hit.file}:{hit.line}" if hit.tuid else f"{hit.file}:{hit.line}"
    if colour:
        header = click.style(header, fg="green")
    width = max(len(source_lang), len(target_lang))
    return "\n".join((
        header,
        f"  {source_lang:<{width}}  {highlight(hit.source, hit.source_spans, style)}",
        f"  {target_lang:<{width}}  {highlight(hit.target, hit.target_spans, style)}",
    ))


def hit_to_tsv(hit: Hit) -> str:
    """A hit as a TSV row of :data:`TSV_COLUMNS` (escaped and spreadsheet-safe as the
    project's other TSV files; ``match`` lists the matched words, ``" | "``-separated)."""
    from ..formats.text import neutralise_cell
    from ..formats.tsv import escape_field

    fields = (hit.tuid, hit.file, str(hit.line), hit.source, hit.target, hit.side,
              " | ".join(hit.matches))
    return "\t".join(neutralise_cell(escape_field(f)) for f in fields)


# Characters JSON may carry raw but that some line readers take for line ends.
_LINE_SEPARATORS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def hit_to_json(hit: Hit) -> str:
    """A hit as one JSON line: the TSV columns (``match`` a list) and the character spans
    of the matches (``source_spans``, ``target_spans``: ``[start, end]`` pairs)."""
    record = {"tuid": hit.tuid, "file": hit.file, "line": hit.line, "source": hit.source,
              "target": hit.target, "side": hit.side, "match": hit.matches,
              "source_spans": [list(s) for s in hit.source_spans],
              "target_spans": [list(s) for s in hit.target_spans]}
    return json.dumps(record, ensure_ascii=False).translate(_LINE_SEPARATORS)
