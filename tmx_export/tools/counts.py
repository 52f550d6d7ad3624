"""Count what is in TMX files (the ``stats`` command).

:func:`stats` counts units, languages, words and characters per language, duplicate
units (the ones :func:`merge` leaves out), and the distribution of the target/source
length ratio.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from pathlib import Path

from lxml import etree

from ..errors import InputError, check_terminated, pool_worker_signals
from ..formats.tmx import (
    TmxPart,
    comparable_tag,
    iter_elements,
    read_tmx_header,
    seg_text,
    split_tmx,
)
from ..inputs import memory_files, refuse_stdin_twice
from ..lang import COMBINING_MARKS, cased_tag
from ..model import count_of
from .merging import (
    _XML_LANG_KEY,
    CONTEXT_PROPS,
    _bare_key,
    _blank,
    _checked,
    _context_part,
    _first_seg,
    _plain_annotation,
    _TagCache,
    _tmx_only,
    _valid_attributes,
    unit_problem,
)

# Chinese and Japanese write no spaces between words: CAT tools (Trados, memoQ) count each
# ideograph and kana as a word, and so does stats; other scripts count runs of \w.
CJK_CHARS = ("\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3040-\u309f\u30a0-\u30ff"
             "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
             "\U00020000-\U0003134f")
_CJK = re.compile(f"(?=\\w)[{CJK_CHARS}]")  # "・" and "゠" are punctuation, not words
_WORD = re.compile(f"{_CJK.pattern}|(?:(?!{_CJK.pattern})[\\w{COMBINING_MARKS}])+")



@dataclass(slots=True)
class LanguageStats:
    segments: int = 0
    words: int = 0
    chars: int = 0


@dataclass(slots=True)
class SourceLanguage:
    """A source language (``srclang``) the files declare: the files whose header names it
    and the units it is the source language of (their own ``srclang``, else the header's)."""

    files: int = 0
    units: int = 0


@dataclass(slots=True)
class TmxStats:
    """What :func:`stats` found; ``ratio_*`` describe target/source length in characters.
    Language tags are shown in their standard case (:func:`~tmx_export.lang.cased_tag`)."""

    files: int = 0
    units: int = 0
    duplicates: int = 0
    # units merge leaves out as invalid (validate reports them): neither repeats nor
    # repeated by a later unit, as in merge's count
    invalid: int = 0
    srclang: str = ""  # the first file's header srclang
    # every source language declared, in the order first seen (merging memories of two
    # source languages needs to know them all)
    srclangs: dict[str, SourceLanguage] = field(default_factory=dict)
    languages: dict[str, LanguageStats] = field(default_factory=dict)
    ratio_pair: tuple[str, str] | None = None
    ratio_quantiles: dict[str, float] = field(default_factory=dict)
    ratio_outside: int = 0  # units with a ratio below 0.5 or above 2
    # every other language against the source: target -> (quantiles, units outside),
    # the first being ``ratio_pair``'s (a memory in many languages has one per language)
    ratios: dict[str, tuple[dict[str, float], int]] = field(default_factory=dict)
    # the same against each other source language the files declare (an OmegaT memory's
    # "en" beside a Trados one's "en-US"): source -> target -> (quantiles, units outside)
    more_ratios: dict[str, dict[str, tuple[dict[str, float], int]]] = field(
        default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "files": self.files, "units": self.units, "duplicates": self.duplicates,
            "invalid": self.invalid, "srclang": self.srclang,
            "srclangs": {tag: {"files": declared.files, "units": declared.units}
                         for tag, declared in self.srclangs.items()},
            "languages": {k: {"segments": v.segments, "words": v.words, "chars": v.chars}
                          for k, v in self.languages.items()},
            "ratio_pair": list(self.ratio_pair) if self.ratio_pair else None,
            "ratio_quantiles": self.ratio_quantiles, "ratio_outside": self.ratio_outside,
            "ratios": {lang: {"quantiles": quantiles, "outside": outside}
                       for lang, (quantiles, outside) in self.ratios.items()},
            "more_ratios": {source: {lang: {"quantiles": quantiles, "outside": outside}
                                     for lang, (quantiles, outside) in found.items()}
                            for source, found in self.more_ratios.items()},
        }


def stats(paths: Iterable[str | Path] | str | Path, *, jobs: int = 1) -> TmxStats:
    """Counts over the TMX files ``paths`` (a directory: those below it), streamed. With
    ``jobs`` above 1, a large file is cut in that many runs of units
    (:func:`~tmx_export.formats.tmx.split_tmx`), each counted in a process of its own, and
    the counts added up in file order: the same counts.

    Memory holds, per unit, a fingerprint for the duplicates (8 bytes, see
    :class:`_DistinctCount`) and the length of its segment in each language (4 bytes each)
    for the length ratios, which are then counted, one entry per distinct value.

    Per unit, only each ``tuv``'s language tag and segment text are read (:func:`_runs`),
    and the fingerprint merge knows repeats by (:func:`_unit_fingerprint`: inline codes
    count, as merge writes the unit; ``None`` for a unit merge leaves out as invalid);
    everything else is worked out a run of units at a time (:class:`_Tally`), by column.
    """
    paths = memory_files(paths)
    refuse_stdin_twice(paths)
    result = TmxStats()
    tally = _Tally(result)
    langs = _TagCache()
    for path in paths:
        _tmx_only(path)
        result.files += 1
        first_unit = tally.units
        declared = _Declared()
        parts = split_tmx(path, jobs) if jobs > 1 and _can_fork() else None
        # the parts after the first hold no header: merge checks their units against its
        counted = (_counted_in_parts(path, parts, read_tmx_header(path).get("srclang"))
                   if parts else None)
        if counted is not None:
            for part in counted:
                tally.absorb(part)
                declared.absorb(part.declared)
        else:
            fingerprint = partial(_unit_fingerprint, langs=langs, path=Path(path))
            # a reference to a control character (&#xB;) read as its text, as merge reads it
            units = iter_elements(path, ("header", "tu"), repairs=Counter())
            for tags, rows, fingerprints in _runs(units, declared, langs, fingerprint):
                tally.add(tags, rows, fingerprints)
        declared.count_into(result, tally.units - first_unit)
    result.units = tally.units
    result.invalid = tally.invalid
    result.duplicates = tally.units - tally.invalid - tally.seen.count()
    languages = tally.languages()
    for language in languages:
        language.count()
    _ratios(result, {language.lang: language.lengths for language in languages})
    _show_tags(result, {language.lang: language.shown for language in languages})
    return result


@dataclass(slots=True)
class _Declared:
    """The source languages one file declares: its header's ``srclang`` (``None`` before
    the header is read) and the units' own ``srclang`` (spelling -> units)."""

    header: str | None = None
    own: Counter[str] = field(default_factory=Counter)

    def absorb(self, other: _Declared) -> None:
        """Add what a part of the same file declares (only the first part holds the header)."""
        if self.header is None:
            self.header = other.header
        self.own.update(other.own)

    def count_into(self, result: TmxStats, units: int) -> None:
        """Count the file, of ``units`` units, in ``result.srclangs`` (keyed by
        :func:`~tmx_export.formats.tmx.comparable_tag` until :func:`_show_tags`, as the
        languages are); the first file's header gives ``result.srclang``."""
        header = (self.header or "").strip()
        if result.files == 1:
            result.srclang = comparable_tag(header) if header else ""
        if header:
            entry = _source_entry(result, header)
            entry.files += 1
            entry.units += units - self.own.total()  # the units that declare none
        for tag, count in self.own.items():
            _source_entry(result, tag).units += count


def _source_entry(result: TmxStats, tag: str) -> SourceLanguage:
    return result.srclangs.setdefault(comparable_tag(tag), SourceLanguage())


def _show_tags(result: TmxStats, shown: dict[str, str]) -> None:
    """Key ``result`` by the tags as :func:`~tmx_export.lang.cased_tag` shows them
    (``en-GB``), not as they were compared (``en-gb``): ``shown`` holds, per language
    counted, its first spelling so shown; a source language no tuv has is shown from its
    own normalised spelling."""
    def show(tag: str) -> str:
        return shown.get(tag) or cased_tag(tag)

    result.srclang = show(result.srclang) if result.srclang else ""
    result.srclangs = {show(tag): entry for tag, entry in result.srclangs.items()}
    result.languages = {show(tag): entry for tag, entry in result.languages.items()}
    if result.ratio_pair:
        result.ratio_pair = (show(result.ratio_pair[0]), show(result.ratio_pair[1]))
    result.ratios = {show(tag): found for tag, found in result.ratios.items()}
    result.more_ratios = {show(source): {show(tag): each for tag, each in found.items()}
                          for source, found in result.more_ratios.items()}


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


@dataclass(slots=True)
class _PartCounts:
    """What :func:`stats` counts in one part of a file (:func:`_part_counts`), to be added
    to the counts of what came before it (:meth:`_Tally.absorb`): per language, its
    ``(tag, segments, words, chars, lengths)``, the lengths one a unit of the part."""

    declared: _Declared
    units: int
    invalid: int
    languages: list[tuple[str, int, int, int, array]]
    seen: _DistinctCount


def _part_counts(path: str | Path, part: TmxPart, srclang: str | None) -> _PartCounts | None:
    """The counts of ``part`` of the TMX file ``path`` whose header says ``srclang``;
    ``None`` when the part cannot be read (the file is read whole then: see
    :func:`~tmx_export.formats.tmx.split_tmx`)."""
    tally = _Tally(TmxStats())
    langs = _TagCache()
    declared = _Declared()
    fingerprint = partial(_unit_fingerprint, langs=langs, path=Path(path))
    try:
        units = iter_elements(path, ("header", "tu"), part=part, repairs=Counter())
        for tags, rows, fingerprints in _runs(units, declared, langs, fingerprint, srclang):
            tally.add(tags, rows, fingerprints)
    except InputError:
        return None
    return tally.counts(declared)


def _counted_in_parts(path: str | Path, parts: list[TmxPart], srclang: str | None
                      ) -> list[_PartCounts] | None:
    """The counts of each of ``parts`` of ``path`` (whose header says ``srclang``), the
    first counted here and the others each in a forked process (a forked process hashes
    strings with the same secret: the fingerprints of units are the same); ``None`` when a
    part cannot be read."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(parts) - 1, mp_context=context,
                             initializer=pool_worker_signals) as pool:
        others = [pool.submit(_part_counts, path, part, srclang) for part in parts[1:]]
        counted = [_part_counts(path, parts[0], srclang),
                   *(other.result() for other in others)]
    if any(counts is None for counts in counted):
        return None
    return counted  # type: ignore[return-value]


# Units read before their counts are taken: enough to make the per-run work vanish,
# few enough to keep their texts in memory.
_RUN = 128


def _runs(elements: Iterable[etree._Element], declared: _Declared, langs: _TagCache,
          fingerprint: Callable[[etree._Element, str | None], int | None],
          srclang: str | None = None
          ) -> Iterator[tuple[list[str], list[list[str]], list[int | None]]]:
    """Runs of consecutive units whose ``tuv`` elements carry the same language tags in the
    same order (nearly always the whole file): the tags as spelled, per unit the text of
    each ``tuv``'s segment, and each unit's fingerprint as merge knows repeats by, ``None``
    for a unit merge leaves out as invalid (:func:`_unit_fingerprint`). A unit of bare segs
    that :func:`_valid_attributes` takes is worked out in the same pass, as merge's
    :func:`_checked` does: :func:`_bare_key`. The header's and the units' own ``srclang``
    go to ``declared``; ``srclang``: the header's, for a part of a file without it."""
    run: list[str] = []
    rows: list[list[str]] = []
    fingerprints: list[int | None] = []
    for seen, elem in enumerate(elements):
        if not seen & 1023:
            # a stats worker signalled stops here, its answer sent whole (the parent waited
            # for it to count its whole part: seconds on a large file)
            check_terminated()
        if elem.tag == "header":
            srclang = declared.header = elem.get("srclang", "")
            continue
        attributes = elem.items()  # once: for the units' srclang and merge's checks
        for name, value in attributes:
            if name == "srclang" and value:
                declared.own[value] += 1
        tags = []
        texts = []
        parts: list[tuple[str, int, str]] | None = []  # the key's, while the segs are bare
        found = []  # their languages
        # whether merge takes the unit as it is (_surely_valid's shape): nothing to mend
        plain = elem.text is None or _blank(elem.text)
        # In line, the usual unit: each child a tuv holding one childless seg, or an
        # element without children; then the tuv children are all of elem.iter("tuv").
        for child in elem.getchildren():  # one call: lxml's iterators cost more
            if child.tag != "tuv":
                if not len(child):
                    kind = child.get("type") if child.tag == "prop" else None
                    if kind in CONTEXT_PROPS:
                        parts = None  # part of the key: merge's general way knows how
                    elif plain and not _plain_annotation(child, bool(tags), kind):
                        plain = False
                    continue
            elif len(child) == 1:
                seg = child[0]
                if seg.tag == "seg" and not len(seg):
                    text = seg.text or ""
                    lang = child.get(_XML_LANG_KEY)
                    if lang is None:  # merge's rule for the key, stats' for the counts
                        lang = child.get("lang", "")
                        plain = False  # TMX 1.1: merge's general way makes it TMX 1.4
                    tags.append(lang or child.get("lang") or "?")
                    texts.append(text)
                    if parts is not None:
                        # as merge (_usual_unit_key): a seg with attributes is not bare
                        # text; one with namespaces in scope is (exclusive C14N)
                        if seg.keys():
                            parts = None
                        else:
                            found.append(langs[lang])
                            parts.append((found[-1], 0, text))
                            # as _surely_valid asks of a tuv (no text around: at once)
                            if plain and (not lang or not text or text.isspace()
                                          or len(child.attrib) != 1
                                          or not (child.text is None and child.tail is None
                                                  and seg.tail is None
                                                  or _blank(child.text, child.tail,
                                                            seg.tail))):
                                plain = False
                    continue
            tags, texts = _tuv_texts(elem)  # any other unit
            parts = None
            break
        if tags != run or len(rows) == _RUN:
            if rows:
                yield run, rows, fingerprints
            run, rows, fingerprints = tags, [], []
        rows.append(texts)
        # last: the general way may change the unit as merge writes it
        fingerprints.append(
            hash(_bare_key(parts)) if parts is not None and plain
            and _valid_attributes(attributes, found, srclang)
            else fingerprint(elem, srclang))
    if rows:
        yield run, rows, fingerprints


def _unit_fingerprint(tu: etree._Element, srclang: str | None, langs: _TagCache, path: Path
                      ) -> int | None:
    """The fingerprint of what makes two units repeats, as merge leaves them out (each
    tuv's language and its seg, inline codes included, of the unit as merge writes it:
    tuvs with an empty seg left out, paired codes without their other half made ``<it>``,
    :func:`_checked`): stats counts the same duplicates. ``None`` for a unit merge leaves
    out as invalid under a header of ``srclang``. A seg that has no C14N (which merge
    refuses to compare) is compared as written rather than stop the count."""
    try:
        fingerprint, problem, _ = _checked(tu, langs, path, True, srclang)
    except InputError:
        if unit_problem(tu, srclang) is not None:
            return None
        return hash(tuple(sorted(
            (langs[tuv.get(_XML_LANG_KEY) or tuv.get("lang", "")],
             b"" if (seg := _first_seg(tuv)) is None else etree.tostring(seg, with_tail=False))
            for tuv in tu.iter("tuv"))) + _context_part(
                [(prop.get("type"), prop.text or "") for prop in tu.iterchildren("prop")
                 if prop.get("type") in CONTEXT_PROPS]))
    return None if problem is not None else fingerprint


def _tuv_texts(tu: etree._Element) -> tuple[list[str], list[str]]:
    """The language tag of each tuv of ``tu`` and the text of its first seg, inline codes
    left out ("" without a seg)."""
    tags = []
    texts = []
    for tuv in tu.iter("tuv"):
        tags.append(tuv.get(_XML_LANG_KEY) or tuv.get("lang") or "?")
        seg = _first_seg(tuv)
        texts.append("" if seg is None else seg_text(seg))
    return tags, texts


class _Shape:
    """What a run's language tags (as spelled, in order) stand for."""

    __slots__ = ("langs", "columns", "firsts")

    def __init__(self, tags: list[str], language: Callable[[str], _Language]) -> None:
        self.columns = [language(tag) for tag in tags]  # the counters of each tuv's language
        self.langs = [column.lang for column in self.columns]
        # the first tuv of each language gives the unit's length in it
        firsts: dict[str, int] = {}
        for index, lang in enumerate(self.langs):
            firsts.setdefault(lang, index)
        self.firsts = [(index, self.columns[index]) for index in firsts.values()]


class _Tally:
    """The counts of :func:`stats`, taken a run of units at a time."""

    def __init__(self, result: TmxStats) -> None:
        self.result = result
        self.units = 0
        self.invalid = 0  # units merge leaves out as invalid: no fingerprint
        self.seen = _DistinctCount()  # each other unit's fingerprint
        self._spellings: dict[str, _Language] = {}  # tag as spelled -> its language
        self._shapes: dict[tuple[str, ...], _Shape] = {}

    def add(self, tags: list[str], rows: list[list[str]], fingerprints: list[int | None]
            ) -> None:
        """Count ``rows``, units whose tuvs have the language tags ``tags``, and their
        ``fingerprints`` (:func:`_unit_fingerprint`; ``None``: invalid)."""
        shape = self._shape(tags)
        first = self.units
        self.units += len(rows)
        columns = list(zip(*rows, strict=True))
        for language, column in zip(shape.columns, columns, strict=True):
            language.extend(column)
        for index, language in shape.firsts:
            language.pad(first)
            language.lengths.extend(map(_PLUS_ONE, map(len, columns[index])))
        valid = [fingerprint for fingerprint in fingerprints if fingerprint is not None]
        self.invalid += len(fingerprints) - len(valid)
        self.seen.add_all(valid)

    def counts(self, declared: _Declared) -> _PartCounts:
        """What was counted, with the source languages ``declared``, to be added to another
        tally (:meth:`absorb`)."""
        languages = []
        for language in self.languages():
            language.count()
            language.pad(self.units)
            entry = language.stats
            # its spelling, so that the tally absorbing it shows the same one
            languages.append((language.shown, entry.segments, entry.words, entry.chars,
                              language.lengths))
        return _PartCounts(declared, self.units, self.invalid, languages, self.seen)

    def absorb(self, part: _PartCounts) -> None:
        """Add the counts of a part of a file read elsewhere, as if its units came next
        (its source languages are the caller's to add: :meth:`_Declared.absorb`)."""
        first = self.units
        self.units += part.units
        self.invalid += part.invalid
        for lang, segments, words, chars, lengths in part.languages:
            language = self._language(lang)
            entry = language.stats
            entry.segments += segments
            entry.words += words
            entry.chars += chars
            language.pad(first)
            language.lengths.extend(lengths)
        self.seen.absorb(part.seen)

    def languages(self) -> list[_Language]:
        """The counters of each language, in the order the languages were first seen."""
        return list({id(language): language for language in self._spellings.values()}.values())

    def _shape(self, tags: list[str]) -> _Shape:
        key = tuple(tags)
        shape = self._shapes.get(key)
        if shape is None:
            if len(self._shapes) >= 4096:  # a file of ever new tag orders: bound the cache
                self._shapes.clear()
            shape = self._shapes[key] = _Shape(tags, self._language)
        return shape

    def _language(self, tag: str) -> _Language:
        """The counters of the language ``tag`` names, shared by all its spellings: a
        withdrawn code is its language's (OmegaT, on Java before 17, writes Hebrew
        ``iw-IL``: with a Trados memory's ``he-IL`` it was two languages), as the readers
        take it (:func:`~tmx_export.formats.tmx.comparable_tag`)."""
        language = self._spellings.get(tag)
        if language is None:
            lang = comparable_tag(tag)
            language = next((other for other in self._spellings.values() if other.lang == lang),
                            None)
            if language is None:
                language = _Language(lang, self.result.languages.setdefault(lang,
                                                                            LanguageStats()))
                language.shown = cased_tag(tag)  # the first spelling, in standard case
            self._spellings[tag] = language
        return language


class _DistinctCount:
    """How many distinct fingerprints (64-bit hashes) were added, for when only that is
    asked: they are kept in 16 arrays by range of value (8 bytes each), sorted into them a
    batch at a time, and counted at the end with one set per array, all at C speed. A set
    costs some 70 bytes an entry: only a sixteenth of them is ever in one."""

    _BOUNDS = [(-1 << 63) + (part << 60) for part in range(1, 16)]

    def __init__(self) -> None:
        self._parts = [array("q") for _ in range(16)]

    def add_all(self, fingerprints: Iterable[int]) -> None:
        values = sorted(fingerprints)  # then each range is one slice
        start = 0
        for part, bound in zip(self._parts, self._BOUNDS, strict=False):
            end = bisect_left(values, bound, start)
            part.extend(values[start:end])
            start = end
        self._parts[-1].extend(values[start:])

    def absorb(self, other: _DistinctCount) -> None:
        """Add the fingerprints ``other`` holds (kept by the same ranges)."""
        for part, more in zip(self._parts, other._parts, strict=True):
            part.extend(more)

    def count(self) -> int:
        return sum(len(set(part)) for part in self._parts)


_PLUS_ONE = (1).__add__


# Texts counted in one go: segments, characters and words of a batch joined by line breaks
# (which \w+ never crosses) cost a few calls instead of a few per text.
_BATCH = 128


class _Language:
    """What :func:`stats` gathers for one language while it reads."""

    __slots__ = ("lang", "shown", "stats", "texts", "lengths")

    def __init__(self, lang: str, stats: LanguageStats) -> None:
        self.lang, self.stats = lang, stats
        self.shown = lang  # how the output writes it (:func:`~tmx_export.lang.cased_tag`)
        self.texts: list[str] = []  # not counted yet
        # per unit, 1 + the length of its first segment in this language, 0 if it has none;
        # 4 bytes a unit (libxml2's limits keep a seg far below 4 G characters)
        self.lengths = array("I")

    def extend(self, texts: Iterable[str]) -> None:
        self.texts.extend(texts)
        if len(self.texts) >= _BATCH:
            self.count()

    def count(self) -> None:
        """Count the texts gathered; an empty seg is no segment (a Trados memory's
        untranslated unit holds one: it was counted, with a length ratio of 0.00)."""
        texts = self.texts
        if texts:
            entry = self.stats
            entry.segments += len(texts) - texts.count("")
            entry.chars += sum(map(len, texts))
            entry.words += count_words(texts)
            texts.clear()

    def pad(self, units: int) -> None:
        """Mark the units before ``units`` not seen yet as without this language."""
        lengths = self.lengths
        if len(lengths) < units:
            lengths.frombytes(bytes((units - len(lengths)) * lengths.itemsize))


# \w for each Latin-1 character: word characters become "a", the others a space.
_WORD_CHAR = re.compile(r"\w")
_LATIN1_WORDS = bytes(0x61 if _WORD_CHAR.match(chr(code)) else 0x20 for code in range(256))
_NON_WORD_CHAR = re.compile(f"[^\\w{COMBINING_MARKS}]")
_SHAPES: dict[str, str] = {}  # runs of non-Latin-1 characters seen, with their shape


def count_words(texts: list[str]) -> int:
    r"""``sum(len(_WORD.findall(text)) for text in texts)``: runs of ``\w``, each Chinese or
    Japanese character one word of its own; several times faster for text mostly in Latin-1.

    The regular expression costs some 60 ns a character. Instead, each text is encoded as
    Latin-1 (a copy, for most texts), each byte mapped to word or space, and the starts of
    words counted, at C speed. Runs of other characters (``œ``, ``’``) are encoded as
    Latin-1 of the same shape (:func:`_latin1_shape`), which costs a call for each; a batch
    whose first text is mostly in other scripts is left to the regular expression.
    """
    if not texts:
        return 0
    first = texts[0]
    if not first.isascii() and len(first.encode("latin-1", "ignore")) * 4 < len(first) * 3:
        return sum(len(_WORD.findall(text)) for text in texts)
    # joined first and encoded in one call: a run of other characters never spans two
    # texts (the line break is Latin-1), so the bytes are those of the texts encoded apart
    joined = "\n".join(texts).encode("latin-1", _SHAPE_ERRORS)
    shapes = joined.translate(_LATIN1_WORDS)
    return shapes.count(b" a") + shapes.startswith(b"a")


def _latin1_shape(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: a run of characters that are not Latin-1 becomes Latin-1 of
    the same shape, each word in it one "a" and each other character a space."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start:error.end]
    shape = _SHAPES.get(run)
    if shape is None:
        shape = _NON_WORD_CHAR.sub(" ", _WORD.sub(_word_shape, run))
        if len(_SHAPES) < 4096:
            _SHAPES[run] = shape
    return shape, error.end


def _word_shape(word: re.Match[str]) -> str:
    """A word of a run as Latin-1 of its shape: "a", joined to its neighbours as they are,
    or, for a Chinese or Japanese character, " a ", a word of its own."""
    return " a " if _CJK.match(word.group()) else "a"


_SHAPE_ERRORS = "tmx_export.latin1_shape"
codecs.register_error(_SHAPE_ERRORS, _latin1_shape)


def _ratios(result: TmxStats, lengths: dict[str, array]) -> None:
    """The target/source length ratios of every other language against the source (the
    header's ``srclang``, else the language with most segments); the most frequent other
    language's are also ``ratio_pair``/``ratio_quantiles``/``ratio_outside``. Against
    each other source language the files declare (``srclangs``), those of the units that
    hold it, in ``more_ratios``: an OmegaT memory of "en" beside DGT-TM's "EN-GB" had
    ratios of its own units only, the other file's none, and nothing said so."""
    if not result.languages:
        return
    by_count = sorted(result.languages, key=lambda k: -result.languages[k].segments)
    source = result.srclang if result.srclang in result.languages else by_count[0]
    others = [lang for lang in by_count if lang != source]
    if not others:
        return
    result.ratio_pair = (source, others[0])
    result.ratios = _ratios_against(source, others, lengths)
    if others[0] in result.ratios:
        result.ratio_quantiles, result.ratio_outside = result.ratios[others[0]]
    for declared in result.srclangs:
        if declared != source and declared in result.languages:
            found = _ratios_against(declared, [lang for lang in by_count if lang != declared],
                                    lengths)
            if found:
                result.more_ratios[declared] = found


def _ratios_against(source: str, targets: list[str], lengths: dict[str, array]
                    ) -> dict[str, tuple[dict[str, float], int]]:
    """Per language of ``targets``, its length ratios against ``source``
    (:func:`_ratio_quantiles`), over the units holding both; none without such units."""
    found = {}
    for target in targets:
        ratios = _ratio_quantiles(lengths[source], lengths[target])
        if ratios is not None:
            found[target] = ratios
    return found


def _ratio_quantiles(source: array, target: array) -> tuple[dict[str, float], int] | None:
    """(quantiles, units below 0.5 or above 2) of target/source lengths, over the units
    with a non-empty source and a non-empty target (lengths are stored plus one; the arrays
    end at the last unit with the language); ``None`` without any."""
    pairs = zip(source, target, strict=False)
    counts = Counter((t - 1) / (s - 1) for s, t in pairs if s > 1 and t > 1)
    if not counts:
        return None
    ratios = _SortedCounts(counts)
    outside = sum(n for r, n in counts.items() if r < 0.5 or r > 2)
    if len(ratios) == 1:
        return {"min": ratios[0], "median": ratios[0], "max": ratios[0]}, outside
    return {
        "min": ratios[0], "p5": ratios.cut(1), "p25": ratios.cut(5), "median": ratios.median(),
        "p75": ratios.cut(15), "p95": ratios.cut(19), "max": ratios[len(ratios) - 1],
    }, outside


class _SortedCounts:
    """The sorted list of values that ``counts`` (value -> times) stands for, without
    making it: its items by rank, and :mod:`statistics`' median and inclusive quantiles
    computed from them exactly as :mod:`statistics` computes them from the list."""

    def __init__(self, counts: Counter[float]) -> None:
        self.values = sorted(counts)
        self.ends = list(accumulate(counts[value] for value in self.values))

    def __len__(self) -> int:
        return self.ends[-1]

    def __getitem__(self, rank: int) -> float:
        return self.values[bisect_right(self.ends, rank)]

    def median(self) -> float:
        n = len(self)
        if n % 2 == 1:
            return self[n // 2]
        return (self[n // 2 - 1] + self[n // 2]) / 2

    def cut(self, i: int, n: int = 20) -> float:
        """``statistics.quantiles(data, n=n, method="inclusive")[i - 1]``."""
        j, delta = divmod(i * (len(self) - 1), n)
        return (self[j] * (n - delta) + self[j + 1] * delta) / n


def _column(n: int, width: int, noun: str) -> str:
    """``n`` right-aligned in ``width`` and its noun (:func:`~tmx_export.model.count_of`),
    as wide as its plural so the columns after it line up: a DGT-TM memory's one file
    read "en-GB  1 files  30 units"."""
    counted = count_of(n, noun).split(" ", 1)[1]
    return f"{n:>{width}} {counted:<{len(noun) + 1}}"


def format_stats(result: TmxStats) -> str:
    """A short human-readable report of :func:`stats`."""
    # the tags' column as wide as the longest (x-klingon, sr-Latn-RS), so the counts line up
    width = max(map(len, [*result.srclangs, *result.languages]), default=0)
    width = max(width, 8)
    lines = [f"files: {result.files}", f"units: {result.units}",
             f"duplicate units: {result.duplicates}",
             f"invalid units (merge leaves them out): {result.invalid}",
             f"source languages (srclang):{'' if result.srclangs else ' -'}"]
    for tag, declared in result.srclangs.items():
        lines.append(f"  {tag:<{width}} {_column(declared.files, 9, 'file')} "
                     f"{_column(declared.units, 14, 'unit')}".rstrip())
    lines.append("languages:")
    for lang, s in sorted(result.languages.items(), key=lambda kv: -kv[1].segments):
        lines.append(f"  {lang:<{width}} {_column(s.segments, 9, 'segment')} "
                     f"{_column(s.words, 11, 'word')} {_column(s.chars, 12, 'character')}"
                     .rstrip())
    against = [(result.ratio_pair[0], result.ratios)] if result.ratio_pair else []
    for src, ratios in [*against, *result.more_ratios.items()]:
        for tgt, (quantiles, outside) in ratios.items():
            q = "  ".join(f"{k} {v:.2f}" for k, v in quantiles.items())
            lines.append(f"length ratio {tgt}/{src}: {q}")
            lines.append(f"  units with ratio < 0.5 or > 2: {outside}")
    return "\n".join(lines)
