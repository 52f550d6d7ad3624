"""Working on finished memories: merge several TMX files, validate TMX/TBX, count what is in them.

- :func:`merge` streams every ``tu`` of the inputs into one TMX 1.4b file, each distinct
  unit once (same languages, same ``seg`` content, inline codes included, same context
  props: :data:`CONTEXT_PROPS`), with the
  header of the first input. Units are copied whole: props, notes and inline codes stay;
  of repeats, the most recently changed copy.
- :func:`validate` checks the project's own rules, the ones CAT tools trip over, and
  reports each problem with its line: well-formed XML, the header attributes TMX 1.4b
  requires, a known ``segtype``, language codes of the form ``ll``/``ll-RR``, ``xml:lang``
  (not TMX 1.1's ``lang``) on every ``tuv``, no empty ``seg``, only the elements and with
  the attributes the TMX 1.4b DTD allows (inline codes in a ``seg``, ``sub`` in a code),
  in its order (one header, then one body, nothing else in the root; notes and props before
  the ``tuv``s and the ``seg``; no text between them, nor between the units), each ``bpt``
  paired with an ``ept`` of the same segment, dates in the TMX form (``YYYYMMDDThhmmssZ``)
  that exist; for TBX (2008 ``martif`` and 2019 ``tbx``) the entry/language/term
  structure (one term per ``tig``, ``termGrp``, ``termSec``; an id on each
  ``conceptEntry``), unique ids, and TBX-Basic/TBX-Min administrative statuses.
- :func:`stats` counts units, languages, words and characters per language, duplicate
  units (the ones :func:`merge` leaves out), and the distribution of the target/source
  length ratio.
"""

from __future__ import annotations

import codecs
import copy
import os
import pickle
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate
from pathlib import Path

from lxml import etree

from .clean import Fingerprints
from .errors import InputError, check_terminated, pool_worker_signals, worker_signals
from .formats.text import input_name, readable_file
from .formats.tmx import (
    CODES_ISOLATED,
    DATE_ATTRIBUTES,
    DATES_DROPPED,
    DATES_REWRITTEN,
    INLINE_ATTRIBUTES,
    INLINE_CHILDREN,
    INLINE_REQUIRED,
    IT_POSITIONS,
    OMEGAT_CONTEXT_PROPS,
    TMX_DATE,
    XML_LANG,
    TmxDocument,
    TmxPart,
    is_tmx_date,
    isolate_unpaired_codes,
    iter_elements,
    read_tmx_header,
    seg_text,
    split_tmx,
    tmx_datatype,
    tmx_date,
    without_outer_namespaces,
)
from .formats.xml import SAFE_PARSER_OPTIONS, check_file, open_xml, parse_xml, syntax_error
from .inputs import check_outputs, detect_format
from .lang import cased_tag, is_valid_tag, normalise_tag, primary
from .model import SEGTYPES

HEADER_REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                   "srclang", "datatype")
# Chinese and Japanese write no spaces between words: CAT tools (Trados, memoQ) count each
# ideograph and kana as a word, and so does stats; other scripts count runs of \w.
CJK_CHARS = ("\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3040-\u309f\u30a0-\u30ff"
             "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
             "\U00020000-\U0003134f")
_CJK = re.compile(f"(?=\\w)[{CJK_CHARS}]")  # "・" and "゠" are punctuation, not words
# Combining marks are no \w, but they belong to the letter they follow: "e" + U+0301 (an
# accent written apart, as decomposed text has it) is "é", and "été" one word, not two.
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(f"{_CJK.pattern}|(?:(?!{_CJK.pattern})[\\w{COMBINING_MARKS}])+")


# --- merge -------------------------------------------------------------------------------

@dataclass(slots=True)
class MergeCounts:
    files: int = 0
    read: int = 0
    written: int = 0
    duplicates: int = 0
    # units TMX 1.4b does not allow, left out, by reason; and where each reason first met
    invalid: Counter[str] = field(default_factory=Counter)
    first_invalid: dict[str, str] = field(default_factory=dict)
    # tuvs with an empty seg left out of units written (a CAT tool may read it as an empty
    # translation), and where the first was
    empty_tuvs: int = 0
    first_empty_tuv: str = ""
    # what was mended in the header and the units written, by kind: dates rewritten in the
    # TMX form or left out (formats.tmx.DATES_REWRITTEN, DATES_DROPPED), paired codes
    # without their other half made <it> (CODES_ISOLATED)
    repairs: Counter[str] = field(default_factory=Counter)
    srclang: str = ""  # the merged header's
    # the inputs' header srclangs when they differ by region only (merged under the
    # language alone, ``srclang``), else empty
    srclangs: list[str] = field(default_factory=list)
    # repeated units whose copy kept is a later one, more recently changed than the first
    newer: int = 0

    def leave_out(self, reason: str, where: str) -> None:
        """Count an invalid unit (at ``where``, ``FILE:LINE``) left out for ``reason``."""
        self.invalid[reason] += 1
        self.first_invalid.setdefault(reason, where)

    def leave_out_tuvs(self, count: int, where: str) -> None:
        """Count ``count`` empty tuvs left out of a unit (the first at ``where``)."""
        if count:
            self.empty_tuvs += count
            self.first_empty_tuv = self.first_empty_tuv or where

    def add_fixes(self, other: MergeCounts | None) -> None:
        """Add what ``other`` (:func:`_checked`'s, for one unit written) changed: empty tuvs
        left out, repairs (``None``: nothing)."""
        if other is None:
            return
        self.leave_out_tuvs(other.empty_tuvs, other.first_empty_tuv)
        self.repairs.update(other.repairs)


# The inputs build reads that merge and stats do not, as their refusal names them
_OTHER_INPUTS = {"xliff": "an XLIFF file", "po": "a PO file", "tbx": "a TBX termbase",
                 "xlsx": "an XLSX table", "tsv": "a TSV table", "csv": "a CSV table",
                 "pairs-tsv": "a TSV of pairs"}


def _tmx_only(path: str | Path) -> None:
    """Refuse an input of ``build`` that is no TMX, saying what it is: merge and stats read
    TMX alone, and a PO file given them was refused as ill-formed XML ("Start tag expected,
    '<' not found"), an XLIFF file by its namespaced root. Standard input is read once,
    not sniffed; what is none of these is left to the TMX reader's own error."""
    if str(path) == "-":
        return
    try:
        kind = detect_format(path)
    except InputError:
        return
    if kind in _OTHER_INPUTS:
        raise InputError(input_name(path), f"not a TMX file: {_OTHER_INPUTS[kind]}; "
                                           "`tmx-export build` turns it into a TMX")


def merge(inputs: Iterable[str | Path], output: str | Path, *, dedupe: bool = True,
          jobs: int = 1, allow_empty: bool = False, newest: bool = False) -> MergeCounts:
    """Merge TMX files into ``output`` (``.gz`` compresses), header from the first input.

    A unit the project's :func:`validate` would report (a ``tuv`` without a language, without
    its one non-empty ``seg``, a code the DTD does not allow...) is left out and counted in
    ``invalid`` by reason: one such unit makes OmegaT drop the whole memory, so the merged
    file is always valid. With ``jobs`` above 1 and several inputs, the inputs after the
    first are read ahead in a second process while this one reads the first
    (:class:`_ReadAhead`): the same file. A merge that would write no unit is refused,
    nothing written (as ``build``): a scripted merge must not replace a memory with an
    empty one and pass; ``allow_empty`` writes it. Of repeated units the first copy is
    written; with ``newest``, the most recently changed (:func:`_newest_repeats`: a first
    pass over the inputs, which about doubles the time)."""
    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputError(str(output), "nothing to merge")
    for path in paths:
        check_file(path)
        _tmx_only(path)
    check_outputs(paths, [output], writable=True)
    header = _first_header(paths[0])
    others = [read_tmx_header(path) for path in paths[1:]]  # each header read once
    unit_kinds = _merged_segtypes(header, others)
    unit_datatypes = _merged_datatypes(header, others)
    declared = [header.get("srclang", ""), *(other.get("srclang", "") for other in others)]
    counts = MergeCounts()
    counts.repairs.update(_dates_in_tmx_form(header) or ())
    counts.srclang = _merged_source_language(paths, declared)
    header.set("srclang", counts.srclang)
    unit_attributes = [own | datatype for datatype, own in zip(
        unit_datatypes, _own_attributes_by_file(unit_kinds, declared, counts.srclang),
        strict=True)]
    if len({normalise_tag(tag) for tag in declared}) > 1:
        counts.srclangs = list({normalise_tag(tag): tag for tag in reversed(declared)}.values())
        counts.srclangs.reverse()  # each as its first file spells it, in file order
    langs = _TagCache()
    srclang = header.get("srclang")
    file_srclangs = [attributes.get("srclang", srclang) for attributes in unit_attributes]
    seen = (_Repeats(_newest_repeats(paths, langs, file_srclangs) if newest else {})
            if dedupe else None)
    counts.newer = len(seen.newest) if seen is not None else 0

    def units(ahead: _ReadAhead | None) -> Iterator[etree._Element | bytes]:
        read = written = 0
        for index, path in enumerate(paths):
            counts.files += 1
            kind = unit_attributes[index]
            if ahead is not None and index:
                for batch in ahead.batches():
                    read += len(batch)
                    kept = []
                    for fingerprint, data, problem, fixes in batch:
                        if problem:
                            counts.leave_out(*problem.split("\n", 1))
                        elif seen is None or seen.keep(fingerprint):
                            kept.append(data)
                            counts.add_fixes(fixes)
                    written += len(kept)
                    if kept:
                        yield b"".join(kept)
                continue
            for tu in iter_elements(path):
                read += 1
                fingerprint, problem, fixes = _checked(tu, langs, path, dedupe,
                                                       file_srclangs[index])
                if problem is not None:
                    counts.leave_out(problem, f"{path}:{tu.sourceline}")
                    continue
                if seen is not None and not seen.keep(fingerprint):
                    continue  # a repeat: what was mended in it is not in the output
                counts.add_fixes(fixes)
                _own_attributes(tu, kind)
                tu.tail = "\n"
                written += 1
                yield tu
        counts.read, counts.written = read, written
        counts.duplicates = read - written - sum(counts.invalid.values())
        if not written and not allow_empty:  # raised before the output is in place
            raise InputError(input_name(paths[0]) if len(paths) == 1
                             else f"{len(paths)} inputs", _nothing_to_write(counts))

    # the spool beside the output: the disk that has room for the merged file
    spool = Path(output).parent if str(output) != "-" else None
    ahead = (_ReadAhead(paths[1:], dedupe, langs, spool, srclang, unit_attributes[1:])
             if jobs > 1 and len(paths) > 1 and _ReadAhead.worth_it(paths) else None)
    try:
        with TmxDocument(output, header) as document:
            document.write_all(units(ahead))
    finally:
        if ahead is not None:
            ahead.close()
    return counts


class _Repeats:
    """Which copy of a repeated unit merge writes: the one :func:`_newest_repeats` names,
    else the first. Asked of each unit that may be written, in order."""

    def __init__(self, newest: dict[int, int]) -> None:
        self.seen = Fingerprints()
        self.newest = newest  # fingerprint -> the number of its copy to keep, when not the first
        self.number = -1  # of the unit asked about

    def keep(self, fingerprint: int) -> bool:
        """Whether the next unit, of ``fingerprint``, is the copy to write."""
        self.number += 1
        wanted = self.newest.get(fingerprint)
        return self.seen.add(fingerprint) if wanted is None else wanted == self.number


def _newest_repeats(paths: list[Path], langs: _TagCache, srclangs: list[str | None]
                    ) -> dict[int, int]:
    """For each repeated unit whose most recently changed copy is not its first, that
    copy's number among the units that may be written (in input order). The copy a TM
    maintainer expects is the newest, as CAT tools keep on import: its note, props, dates
    and usage count are the current ones. Dated by :func:`_unit_date`; a copy with a date
    is newer than one without; of equal dates, the first. A first pass over the inputs,
    each unit checked as the writing pass checks it (``srclangs``: each input's)."""
    seen = Fingerprints()
    newest: dict[int, tuple[str, int, bool]] = {}  # fingerprint -> date, number, first?
    number = -1
    for path, srclang in zip(paths, srclangs, strict=True):
        for tu in iter_elements(path):
            fingerprint, problem, _ = _checked(tu, langs, path, True, srclang)
            if problem is not None:
                continue
            number += 1
            first = seen.add(fingerprint)
            date = _unit_date(tu)
            held = newest.get(fingerprint)
            if date and (first or held is None or date > held[0]):
                newest[fingerprint] = (date, number, first)
    return {fingerprint: number for fingerprint, (_, number, first) in newest.items()
            if not first}


def _unit_date(tu: etree._Element) -> str:
    """When a unit (its dates in the TMX form, which sort as time) was last changed: the
    latest ``changedate``, else ``creationdate``, of it and its tuvs (OmegaT dates the
    translation's tuv); "" when none says."""
    return max((elem.get("changedate") or elem.get("creationdate") or ""
                for elem in (tu, *tu.iterchildren("tuv"))), default="")


def _nothing_to_write(counts: MergeCounts) -> str:
    """Why a merge has no unit to write: the units read and why each kind was left out."""
    reasons = ", ".join(f"{n} {reason} (first at {counts.first_invalid[reason]})"
                        for reason, n in counts.invalid.most_common(3))
    if not counts.read:
        return "no unit to write: the inputs hold none; use --allow-empty to write one anyway"
    return (f"no unit to write: {counts.read} read, all left out"
            + (f": {reasons}" if reasons else "")
            + "; use --allow-empty to write an empty memory anyway")


def _prepared(tu: etree._Element, langs: _TagCache, path: Path, dedupe: bool
              ) -> tuple[int, bool, list[str] | None]:
    """The fingerprint of a unit's key (0 without dedupe), whether it is TMX 1.4 already
    (:func:`_to_14` would do nothing) and, for such a unit whose children are all that
    :func:`_surely_valid` asks, the languages of its tuvs (else ``None``). A repeat is left
    as it is: only the units written are made TMX 1.4."""
    if not dedupe:
        return 0, False, None
    usual = _usual_unit_key(tu, langs)
    if usual is None:
        return hash(_other_unit_key(tu, langs, path)), False, None
    key, clean, plain = usual
    return hash(key), clean, ([part[0] for part in key if part[1] != _CONTEXT_KIND]
                              if clean and plain else None)


def _checked(tu: etree._Element, langs: _TagCache, path: Path, dedupe: bool,
             srclang: str | None) -> tuple[int, str | None, MergeCounts | None]:
    """The fingerprint of a unit (see :func:`_prepared`), made TMX 1.4 with its dates in
    the TMX form and paired codes without their other half made ``<it>``, why it may not
    be written (``None``: it may; then the tuvs with an empty seg are taken out of it,
    :func:`_drop_empty_tuvs`), and what was mended in it (``None``: nothing), to be
    counted only if it is written, not a repeat. Checked before its fingerprint is kept:
    a unit left out must not make a valid one of the same segs a repeat."""
    fingerprint, clean, found = _prepared(tu, langs, path, dedupe)
    if not clean:
        _to_14(tu)  # a second time changes nothing
    # (the usual unit's children were looked at with its key: its own attributes remain)
    if _valid_as_found(tu, found, srclang) if found is not None else \
            _surely_valid(tu, langs, srclang):
        return fingerprint, None, None
    repairs = _dates_in_tmx_form(tu) or Counter()
    isolated = sum(isolate_unpaired_codes(seg) for seg in tu.iter("seg"))
    if isolated:  # TMX 1.4b's isolated codes; the unit as written is what a repeat matches
        repairs[CODES_ISOLATED] += isolated
        fingerprint = _prepared(tu, langs, path, dedupe)[0]
    emptied = _drop_empty_tuvs(tu, langs, srclang)
    if emptied:  # the unit as written is what a repeat must match
        fingerprint = _prepared(tu, langs, path, dedupe)[0]
    problem = unit_problem(tu, srclang)
    if problem is not None or not (repairs or emptied):
        return fingerprint, problem, None
    fixes = MergeCounts(repairs=repairs)
    fixes.leave_out_tuvs(emptied, f"{path}:{tu.sourceline}")
    return fingerprint, None, fixes


def _dates_in_tmx_form(element: etree._Element) -> Counter[str] | None:
    """Rewrite the dates of ``element`` (the header, or a unit and its tuvs) in the TMX form,
    leave out those that cannot be read (:func:`tmx_date`); what was done, counted
    (``None``: nothing). Asked of every unit, so the usual one costs little: its dates are
    mended only when one is not in the TMX form, and a tuv with no attribute but its
    language is passed over at once."""
    done: Counter[str] | None = None
    for elem in (element, *(child for child in element.getchildren()
                            if child.tag == "tuv" and len(child.keys()) > 1)):
        dates = [value for name, value in elem.items() if name in DATE_ATTRIBUTES]
        if dates and not all(map(is_tmx_date, dates)):
            done = done if done is not None else Counter()
            _mend_dates(elem, done)
    return done


def _mend_dates(elem: etree._Element, done: Counter[str]) -> None:
    for name in DATE_ATTRIBUTES:
        value = elem.get(name)
        if value is None or is_tmx_date(value):
            continue
        written = tmx_date(value)
        if written is None:
            del elem.attrib[name]
            done[DATES_DROPPED] += 1
        else:
            elem.set(name, written)
            done[DATES_REWRITTEN] += 1


def _drop_empty_tuvs(tu: etree._Element, langs: _TagCache, srclang: str | None) -> int:
    """Take the tuvs whose one seg is empty out of a unit (made TMX 1.4) when the source
    and another language remain, and say how many. TMX 1.4b allows an empty seg, but a CAT
    tool may take it for an empty translation; the unit's other languages are worth
    keeping. Otherwise nothing is taken out (the unit is left out for its empty seg)."""
    empty, kept = [], []
    for tuv in tu.iter("tuv"):
        segs = [child for child in tuv if child.tag == "seg"]
        is_empty = len(segs) == 1 and not len(segs[0]) and not seg_text(segs[0]).strip()
        (empty if is_empty else kept).append(tuv)
    srclang = tu.get("srclang") or srclang
    kept_langs = [langs[tuv.get(XML_LANG) or ""] for tuv in kept]
    if not empty or len(kept) < 2 or (srclang and srclang != "*all*"
                                      and not _holds_source(kept_langs, srclang)):
        return 0
    for tuv in empty:
        tuv.getparent().remove(tuv)
    return len(empty)


def _surely_valid(tu: etree._Element, langs: _TagCache, srclang: str | None) -> bool:
    """Whether a unit made TMX 1.4 is of the usual shape and :func:`unit_problem` finds
    nothing, at a fifth of its cost: each child a ``tuv`` with a language and one ``seg`` of
    text, not blank, without attributes, or a ``note`` or typed ``prop`` without children
    before the tuvs; no text between them. ``False`` when not
    sure: :func:`unit_problem` then decides. Its dates, if any, are in the TMX form (a tuv
    with attributes besides its language is not the usual shape: its dates are looked at
    by :func:`_checked`)."""
    found = []
    if not _blank(tu.text):
        return False
    for child in tu.getchildren():
        tag = child.tag
        if tag == "tuv":
            if len(child) != 1 or len(child.keys()) != 1:
                return False
            seg = child[0]
            text = seg.text
            if seg.tag != "seg" or len(seg) or seg.keys() or not text or text.isspace() \
                    or not _blank(child.text, child.tail, seg.tail):
                return False
            lang = child.get(_XML_LANG_KEY)
            if not lang:
                return False
            found.append(langs[lang])
        elif len(child) or not _plain_annotation(
                child, bool(found), child.get("type") if tag == "prop" else None):
            return False
    return _valid_as_found(tu, found, srclang)


def _valid_as_found(tu: etree._Element, found: list[str], srclang: str | None) -> bool:
    """The rest of :func:`_surely_valid` for a unit whose children are as it asks and whose
    tuvs are in the languages ``found``: the tu's own attributes and the source language."""
    return _valid_attributes(tu.items(), found, srclang)


def _valid_attributes(attributes: list[tuple[str, str]], found: list[str], srclang: str | None
                      ) -> bool:
    """:func:`_valid_as_found` of a unit of ``attributes`` (its ``items()``: stats has them
    already, and lxml's attributes cost more than the rest of the check)."""
    if not found:
        return False
    allowed = _ATTRIBUTES["tu"]
    for name, value in attributes:  # asked of every unit: one pass over them
        if name in DATE_ATTRIBUTES:
            if not is_tmx_date(value):
                return False
        elif name == "srclang":
            srclang = value or srclang  # a unit's own overrides the header's
        elif name == "segtype" or name not in allowed:
            return False
    return not srclang or srclang == "*all*" or _holds_source(found, srclang)


def unit_problem(tu: etree._Element, srclang: str | None) -> str | None:
    """Why :func:`validate` would report a ``tu`` (TMX 1.4: ``xml:lang``) under a header of
    ``srclang``: the first of its problems, without the explanation in brackets; ``None``
    when it has none. A language code spelled against the rules is not one: the language
    is there (DGT-TM's ``DA-01`` on nearly every unit; CAT tools read its language part),
    and leaving such units out would empty whole memories."""
    problems: list[str] = []
    _validate_tu(tu, srclang, lambda _line, message: problems.append(message))
    problems = [message for message in problems if not message.startswith(_CODE_PROBLEM)]
    if not problems:
        return None
    return _DETAIL.sub("", problems[0])


_CODE_PROBLEM = "tuv has an invalid language code"
# the explanation at the end of a validation message, the same for every unit
_DETAIL = re.compile(r" \(.*\)$")


class _ReadAhead:
    """The inputs of a merge after the first, read in a forked process while this one
    reads the first. For each unit the process spools its fingerprint (the same as here: a
    forked process hashes strings with the same secret) and its bytes as written (made
    TMX 1.4 first) to an unnamed temporary file, and says through a pipe where each input's
    records end. Once the first input is written, this process reads the others' records
    back in order, a megabyte at a time, and keeps or leaves out each unit: the output is
    the one a single process writes, and memory stays flat (the spool is on disk; a pipe
    alone would hold the second process back until this one reads). An error in a file
    (the one this process would raise) comes back in its place."""

    MIN_BYTES = 2_000_000  # below this, a process costs more than it saves
    # fingerprint, length of the bytes that follow, and whether they are the unit as written
    # (0), for a unit left out, the reason and "FILE:LINE" on a line of its own (1), or what
    # was mended in the unit that follows (2, _FIXES): counted only if that one is written
    _RECORD = struct.Struct("<qIB")
    _FIXES = 2
    _READ = 1 << 20

    @classmethod
    def worth_it(cls, paths: list[Path]) -> bool:
        import multiprocessing

        return ("fork" in multiprocessing.get_all_start_methods()
                and sum(readable_file(p).stat().st_size  # "-": the copy of stdin
                        for p in paths[1:]) >= cls.MIN_BYTES)

    def __init__(self, paths: list[Path], dedupe: bool, langs: _TagCache,
                 directory: Path | None, srclang: str | None,
                 kinds: list[dict[str, str]]) -> None:
        import multiprocessing
        import tempfile

        self._spool = tempfile.TemporaryFile(dir=directory)  # closed in close()
        self._read_at = 0
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe(duplex=False)
        self._process = context.Process(target=_read_ahead, name="tmx-export merge",
                                        args=(paths, dedupe, langs, srclang,
                                              self._spool.fileno(), child, kinds),
                                        daemon=True)
        self._process.start()
        child.close()

    def batches(self) -> Iterator[list[tuple[int, bytes, str, MergeCounts | None]]]:
        """The next input's units, a megabyte of them at a time: (fingerprint, bytes, why
        it is left out: "" when it is not; else its reason and FILE:LINE, a line each; what
        was mended in it, as :func:`_checked` says)."""
        try:
            sent = self._conn.recv()
        except EOFError:
            from .errors import InternalError

            raise InternalError("internal error: the merge's second process ended "
                                f"(exit status {self._process.exitcode})") from None
        if isinstance(sent, BaseException):
            raise sent
        end = sent
        record, fd, pending = self._RECORD, self._spool.fileno(), b""
        fixes: MergeCounts | None = None  # of the unit whose record comes next
        while self._read_at < end:
            chunk = os.pread(fd, min(self._READ, end - self._read_at), self._read_at)
            self._read_at += len(chunk)
            data, at, batch = pending + chunk, 0, []
            while at + record.size <= len(data):
                fingerprint, length, left_out = record.unpack_from(data, at)
                if at + record.size + length > len(data):
                    break
                body = data[at + record.size:at + record.size + length]
                at += record.size + length
                if left_out == self._FIXES:
                    fixes = pickle.loads(body)
                    continue
                batch.append((fingerprint, b"", body.decode(), None) if left_out
                             else (fingerprint, body, "", fixes))
                fixes = None
            pending = data[at:]
            yield batch
        if pending:
            from .errors import InternalError

            raise InternalError("internal error: the merge's spool ends inside a unit")

    def close(self) -> None:
        self._conn.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._spool.close()


def _read_ahead(paths: list[Path], dedupe: bool, langs: _TagCache, srclang: str | None,
                spool: int, conn: object, kinds: list[dict[str, str]]) -> None:
    """The second process of a merge (see _ReadAhead): per input, its records spooled,
    then the spool's length sent; an error ends it, sent in place of the rest."""
    worker_signals()
    record = _ReadAhead._RECORD
    try:
        with os.fdopen(os.dup(spool), "wb", buffering=1 << 20) as out:
            for path, kind in zip(paths, kinds, strict=True):
                for tu in iter_elements(path):
                    fingerprint, problem, fixes = _checked(tu, langs, path, dedupe,
                                                           kind.get("srclang", srclang))
                    if fixes is not None:  # the parent counts them if it writes the unit
                        mended = pickle.dumps(fixes)
                        out.write(record.pack(0, len(mended), _ReadAhead._FIXES))
                        out.write(mended)
                    if problem is not None:
                        data = f"{problem}\n{path}:{tu.sourceline}".encode()
                    else:
                        _own_attributes(tu, kind)
                        tu.tail = "\n"
                        data = etree.tostring(without_outer_namespaces(tu), encoding="UTF-8")
                    out.write(record.pack(fingerprint, len(data), problem is not None))
                    out.write(data)
                out.flush()
                conn.send(out.tell())  # type: ignore[attr-defined]
    except BrokenPipeError:
        pass  # the parent stopped reading: nothing to tell
    except Exception as exc:  # the parent raises it where it would have
        conn.send(exc)  # type: ignore[attr-defined]


def _other_unit_key(tu: etree._Element, langs: _TagCache, path: Path) -> tuple:
    """:func:`_unit_key` of a unit :func:`_usual_unit_key` leaves (made TMX 1.4 first when a
    seg needs C14N, as it is written)."""
    key = _unit_key(tu, langs)
    if key is None:
        _to_14(tu)
        try:
            key = _unit_key(tu, langs, canonical=True)
        except etree.C14NError:
            raise InputError(str(path), _c14n_problem(tu), tu.sourceline) from None
    return key


def _usual_unit_key(tu: etree._Element, langs: _TagCache) -> tuple[tuple, bool, bool] | None:
    """:func:`_unit_key` of a unit of the usual shape, whether :func:`_to_14` would leave
    it as it is, and whether its children are all that :func:`_surely_valid` asks of them
    (each tuv with no attribute but its language, not empty, and a seg of text, not blank;
    each other child a note or a typed prop), in one pass over its children; ``None`` for
    any other unit.

    The usual shape: each child a ``tuv`` holding nothing but a bare ``seg`` (no children,
    attributes or namespaces), or an element without children (``prop``, ``note``). Then the
    children that are ``tuv`` are all of ``tu.iter("tuv")`` and each seg is the first of its
    tuv, so the key is :func:`_unit_key`'s. Whether _to_14 has anything to do errs on the
    safe side: any text or tail between the elements, any ``lang=`` on a prop or note or on
    a tuv without ``xml:lang``, and it is called. The children come in one call
    (``getchildren``: lxml's iterators cost more than the list).
    """
    parts = []
    context: list[tuple[str, str]] = []
    clean = plain = tu.text is None
    for child in tu.getchildren():
        tag = child.tag
        if tag == "tuv":
            if len(child) != 1:
                return None
            seg = child[0]
            if seg.tag != "seg" or len(seg) or seg.keys():
                return None
            lang = child.get(_XML_LANG_KEY)
            text = seg.text
            if lang is None:
                lang = child.get("lang", "")
                clean = False
            elif clean and (child.tail is not None or child.text is not None
                            or seg.tail is not None):
                clean = False
            # an empty language is no language (unit_problem then leaves the unit out)
            # (clean: no text or tail here, so nothing to look at)
            if plain and (not lang or not text or text.isspace() or len(child.keys()) != 1
                          or not (clean or _blank(child.text, child.tail, seg.tail))):
                plain = False
            parts.append((langs[lang], 0, text or ""))
        elif len(child):
            return None
        else:
            if clean and (child.tail is not None or "lang" in child.keys()):
                clean = False
            kind = child.get("type") if tag == "prop" else None
            if plain and not _plain_annotation(child, bool(parts), kind):
                plain = False
            if kind in CONTEXT_PROPS:
                context.append((kind, child.text or ""))
    key = _bare_key(parts)
    return (key + _context_part(context) if context else key), clean, plain


# Props that tie a unit to one place in the source files: two units of the same segs but
# another context are not repeats (OmegaT's alternative translations, by file and id or by
# the segments around; Trados's and memoQ's context). Leaving one out changes the
# translation a CAT tool gives at that place.
CONTEXT_PROPS = OMEGAT_CONTEXT_PROPS | frozenset({
                           "x-Context", "x-StructureContext",  # Trados
                           "x-context-pre", "x-context-post"})  # memoQ
_CONTEXT_KIND = 3  # the kind of the key's part that holds the context (segs: 0, 1, 2)


def _context_part(context: list[tuple[str, str]]) -> tuple:
    """The part of a unit's key for its context props (none: nothing, as before)."""
    if not context:
        return ()
    return (("", _CONTEXT_KIND, tuple(sorted(context))),)


def _blank(*texts: str | None) -> bool:
    """Whether the text and tails between a unit's elements are indentation at most."""
    return all(text is None or text.isspace() for text in texts)


def _plain_annotation(child: etree._Element, after_tuv: bool, kind: str | None) -> bool:
    """Whether a childless element of a unit other than a tuv is a note or a typed prop in
    its place (before the tuvs), with the attributes TMX 1.4b allows it and no text after
    (``kind``: the ``type`` of a prop, which its callers look at too, else ``None``)."""
    tag = child.tag
    tail = child.tail
    return (tag == "note" or tag == "prop" and kind is not None) \
        and not after_tuv and (tail is None or tail.isspace()) \
        and _ATTRIBUTES[tag].issuperset(child.keys())


def _bare_key(parts: list[tuple[str, int, str]]) -> tuple:
    """The key of a unit whose segs are all bare text, from its ``(language, 0, text)``
    parts in the order of its tuvs (sorted in place)."""
    if len(parts) == 2:  # the usual pair, ordered without a sort
        first, second = parts
        return (first, second) if first <= second else (second, first)
    parts.sort()
    return tuple(parts)


def _c14n_problem(tu: etree._Element) -> str:
    """Why the segs of a unit have no C14N to compare it by. (An entity reference, which
    libxml2's C14N refuses, never gets this far: an undefined entity is refused when the
    file is read, see :func:`~tmx_export.formats.xml.doctype_external_id`.)"""
    return ("a seg has no canonical form (C14N) to compare its unit with others (merge with "
            "--keep-duplicates)")


def _merged_source_language(paths: list[Path], srclangs: list[str]) -> str:
    """The ``srclang`` of the merged header; refuse inputs whose headers name different
    source languages: the merged file has one header, and a unit without a tuv in its
    ``srclang`` makes the TMX invalid (OmegaT, which needs a real ``srclang``, would look up
    the wrong side). Tags compare as :func:`normalise_tag` spells them (``EN-US`` is
    ``en-us``). Two tags of one language, one less specific than the other (OmegaT's ``de``,
    Trados's ``de-DE``), give the less specific, as spelled in its file: each unit holds
    it (:func:`_holds_source`). ``srclangs``: each input's header ``srclang`` ("" for
    none)."""
    declared = list(zip(paths, srclangs, strict=True))
    first = normalise_tag(declared[0][1])
    tags = {normalise_tag(srclang) for _, srclang in declared}
    if tags == {first}:
        if not first:  # OmegaT drops a memory without one; nothing here says which it is
            raise InputError(str(paths[0]), "no source language (header srclang) in any "
                                            "file: cannot write the merged header")
        return declared[0][1]
    if "*all*" in tags and len(tags - {"*all*"}) == 1:
        # TMX 1.4b's "any language may be the source": it holds the other's units too
        return next(srclang for _, srclang in declared if normalise_tag(srclang) == "*all*")
    if "*all*" in tags and len(tags - {"*all*"}) == 1:
        # TMX 1.4b's "any language may be the source" holds the other's units too (each
        # keeps its file's as its own srclang: _own_attributes_by_file)
        return next(srclang for _, srclang in declared if normalise_tag(srclang) == "*all*")
    bare = {primary(tag) for tag in tags}
    if len(tags) == 2 and len(bare) == 1 and "*all*" not in tags and bare <= tags:
        # one region of a language and the language alone: the language alone holds both
        return next(srclang for _, srclang in declared if normalise_tag(srclang) in bare)
    listed = ", ".join(f"{path} {srclang or '(none)'}" for path, srclang in declared)
    raise InputError(str(declared[0][0]),
                     f"cannot merge memories whose source languages (header srclang) differ: "
                     f"{listed}; merge the files of each source language apart")


def _first_header(path: Path) -> etree._Element:
    for elem in iter_elements(path, ("header", "tu")):
        if elem.tag == "header":
            header = copy.deepcopy(elem)
            header.tail = None
            for child in header.iter():
                if "lang" in child.attrib and XML_LANG not in child.attrib:
                    child.set(XML_LANG, child.attrib.pop("lang"))
            for name, value in _header_defaults().items():
                if not header.get(name):  # TMX 1.4b requires it: say it is not known
                    header.set(name, value)
            header.set("datatype", tmx_datatype(header.get("datatype", "")))
            if header.get("segtype") not in SEGTYPES:  # one TMX does not know: not known
                header.set("segtype", _header_defaults()["segtype"])
            _refuse_invalid_header(header, path)
            return header
        break
    raise InputError(str(path), "no <header> before the first unit")


def _refuse_invalid_header(header: etree._Element, path: Path) -> None:
    """Refuse a first header the merged file would copy against the DTD (text, an element
    or an attribute TMX 1.4b does not allow there): it is the merged file's header, and
    what is in it is not the merge's to drop."""
    problems: list[tuple[int | None, str]] = []

    def add(line: int | None, message: str) -> None:
        problems.append((line, message))

    _validate_content_order(header, None, add)
    _validate_markup(header, add)
    _validate_attributes(header, add)
    if problems:
        line, message = problems[0]
        raise InputError(str(path), f"{message}: the merged file's header would be invalid",
                         line)


def _merged_segtypes(header: etree._Element, others: list[dict[str, str]]
                     ) -> list[str | None]:
    """Set the merged ``header``'s segtype from every input's (the one they share; else
    ``paragraph`` when one is, as OmegaT re-segments only the units of a paragraph file;
    else ``block``) and return, per input, the segtype its units must carry on their
    ``tu`` to stay true (``None``: the header's). ``others``: the headers of the inputs
    after the first (:func:`read_tmx_header`)."""
    kinds = [header.get("segtype")] + [other.get("segtype", "block") for other in others]
    kinds = [kind if kind in SEGTYPES else "block" for kind in kinds]
    merged = (kinds[0] if len(set(kinds)) == 1
              else "paragraph" if "paragraph" in kinds else "block")
    header.set("segtype", merged)
    return [None if kind == merged else kind for kind in kinds]


def _merged_datatypes(header: etree._Element, others: list[dict[str, str]]
                      ) -> list[dict[str, str]]:
    """Set the merged ``header``'s datatype from every input's (the one they share; else
    ``unknown``) and return, per input, the ``datatype`` its units must carry when the
    merged header's is another (an HTML memory merged with a plain-text one: its units
    stay HTML, which tells a CAT tool how to read their codes)."""
    kinds = [header.get("datatype") or "unknown"] + [
        tmx_datatype(other.get("datatype") or "unknown") for other in others]
    merged = kinds[0] if len(set(kinds)) == 1 else "unknown"
    header.set("datatype", merged)
    return [{} if kind == merged else {"datatype": kind} for kind in kinds]


def _own_attributes_by_file(kinds: list[str | None], srclangs: list[str], merged: str
                            ) -> list[dict[str, str]]:
    """Per input, what its units must carry on their ``tu`` to stay true under the merged
    header: its segtype when the header's is another (``kinds``, :func:`_merged_segtypes`),
    its source language when the header says ``*all*`` and the file named one (TMX 1.4b
    lets a unit's ``srclang`` override the header's)."""
    all_merged = normalise_tag(merged) == "*all*"
    return [({"segtype": kind} if kind is not None else {})
            | ({"srclang": srclang} if all_merged and normalise_tag(srclang) != "*all*" else {})
            for kind, srclang in zip(kinds, srclangs, strict=True)]


def _own_attributes(tu: etree._Element, attributes: dict[str, str]) -> None:
    """Give a unit its file's ``attributes`` (:func:`_own_attributes_by_file`) that it
    does not state itself."""
    for name, value in attributes.items():
        if name not in tu.attrib:
            tu.set(name, value)


def _header_defaults() -> dict[str, str]:
    """What the merged header says for a required attribute the first file's lacks
    (``srclang`` aside, which the inputs must give): this tool, and "not known"."""
    from ._version import __version__
    from .formats.tmx import CREATION_TOOL

    return {"creationtool": CREATION_TOOL, "creationtoolversion": __version__,
            "segtype": "block", "o-tmf": "unknown", "adminlang": "en", "datatype": "unknown"}


def _to_14(tu: etree._Element) -> None:
    """TMX 1.1's ``lang`` becomes 1.4's ``xml:lang``; indentation inside ``tu`` goes.

    One walk over every element does both: lxml's tag-filtered iterators cost more than
    the whole walk.
    """
    for elem in tu.iter():
        tag = elem.tag
        tail = elem.tail
        if tail is not None and elem is not tu and not tail.strip() \
                and elem.getparent().tag in _INDENTED:
            elem.tail = None
        if tag in _INDENTED:
            text = elem.text
            if text is not None and not text.strip():
                elem.text = None
        if tag in _LANG_ELEMENTS and elem.get("lang") is not None \
                and elem.get(XML_LANG) is None:
            elem.set(XML_LANG, elem.attrib.pop("lang"))


# lxml reads an attribute named in bytes a little faster (the name is not encoded again)
_XML_LANG_KEY = XML_LANG.encode()

# elements whose text and children's tails are only indentation when blank, and those
# whose lang= becomes xml:lang
_INDENTED = frozenset({"tu", "tuv"})
_LANG_ELEMENTS = frozenset({"tuv", "prop", "note"})


class _TagCache(dict[str, str]):
    """:func:`normalise_tag` of each language tag, worked out once per distinct spelling."""

    def __missing__(self, tag: str) -> str:
        normal = self[tag] = normalise_tag(tag)
        return normal


def _unit_key(tu: etree._Element, langs: _TagCache, *, canonical: bool = False) -> tuple | None:
    """What makes two units the same: each ``tuv``'s language and C14N of its ``seg``.

    A ``seg`` of bare text (no children, attributes or namespaces in scope: nearly all of
    them) stands for itself, its text; the kind (0, 1, 2) keeps the three forms apart, so
    equal keys mean equal C14N. C14N, 20 times slower, is only worked out when
    ``canonical``; otherwise a unit with a ``seg`` that needs it gives ``None``.

    The key of a unit is the same before :func:`_to_14` as after when its segs are bare
    text (the language is the ``lang=`` that would become ``xml:lang``): a repeat is
    known without changing it.
    """
    parts = []
    for tuv in tu.iter("tuv"):
        lang = tuv.get(_XML_LANG_KEY)
        lang = langs[tuv.get("lang", "") if lang is None else lang]
        seg = _first_seg(tuv)
        if seg is None:
            parts.append((lang, 2, b""))
        elif not len(seg) and not seg.keys():
            parts.append((lang, 0, seg.text or ""))
        elif canonical:
            # exclusive: without the namespaces declared around the seg (a root's
            # xmlns:xsi), so the same unit in two files is the same (merge dedupes it)
            parts.append((lang, 1, etree.tostring(seg, method="c14n", exclusive=True)))
        else:
            return None
    parts.sort()
    context = [(prop.get("type"), prop.text or "") for prop in tu.iterchildren("prop")
               if prop.get("type") in CONTEXT_PROPS]
    return tuple(parts) + _context_part(context)


def _first_seg(tuv: etree._Element) -> etree._Element | None:
    """``tuv.find("seg")`` at a fraction of the cost: the seg is nearly always first."""
    try:
        first = tuv[0]
    except IndexError:
        return None
    if first.tag == "seg":
        return first
    for child in tuv:
        if child.tag == "seg":
            return child
    return None


# --- validate ----------------------------------------------------------------------------

@dataclass(slots=True, frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        # file:line: what, as every error of the command line (no line when unknown)
        return f"{self.file}:{self.line}: {self.message}" if self.line else \
            f"{self.file}: {self.message}"


def validate(paths: Iterable[str | Path]) -> list[Problem]:
    """Every problem found in the TMX and TBX files ``paths`` (empty: all valid)."""
    problems: list[Problem] = []
    for path in paths:
        problems.extend(validate_file(path))
    return problems


def validate_file(path: str | Path) -> list[Problem]:
    name = str(path)
    try:
        check_file(path)
        root_tag = _root_tag(path)
        if root_tag == "tmx":
            return _validate_tmx(path)
        if root_tag in ("martif", "tbx"):
            return _validate_tbx(path)
        return [Problem(name, 1, f"neither TMX nor TBX (root element <{root_tag}>)")]
    except InputError as exc:
        return [Problem(name, exc.line or 0, exc.message)]


def _root_tag(path: str | Path) -> str:
    with open_xml(path) as handle:
        try:
            for _event, elem in etree.iterparse(handle, events=("start",), **SAFE_PARSER_OPTIONS):
                return etree.QName(elem).localname
        except etree.XMLSyntaxError as exc:
            raise syntax_error(str(path), exc) from None
    raise InputError(str(path), "empty file")


def _lang_problem(code: str | None, what: str) -> str | None:
    if not code:
        return f"{what} has no language"
    if not is_valid_tag(code):
        return f"{what} has an invalid language code {code!r} (expected ll or ll-RR, e.g. en-GB)"
    return None


# merge keeps a tuv's code spelled against the rules (unit_problem): the message says so
_KEPT_CODE = re.compile(r"\)$")
_KEPT_BY_MERGE = "; merge keeps such codes as CAT tools wrote them)"


def _validate_tmx(path: str | Path) -> list[Problem]:
    name = str(path)
    out: list[Problem] = []

    def add(line: int | None, message: str) -> None:
        out.append(Problem(name, line or 0, message))

    header_seen = False
    headers = 0
    srclang = None
    units = 0
    bodies: list[etree._Element] = []
    try:
        # the tails kept: the text between units, or after the body, is no unit's
        for elem in iter_elements(path, ("header", "tu", "body", "tmx"), keep_tails=True):
            local = _local(elem)
            if local == "body":  # at its end: what follows its last unit
                if elem.getparent() is elem.getroottree().getroot():  # (else not TMX's)
                    _validate_body_end(elem, bodies, add)
                continue
            if local == "tmx":  # the root at its end (another is not TMX's)
                if elem.getparent() is None:
                    _validate_root_end(elem, add)
                continue
            if elem.tag == "header":
                headers += 1
                if headers > 1:
                    add(elem.sourceline, "a second <header> (TMX 1.4b has one, before <body>)")
                header_seen = True
                root = elem.getroottree().getroot()
                if headers == 1 and elem.getparent() is root:
                    _validate_in_root(elem.getprevious(), None, root, add)
                # the DTD fixes "1.4", but many tools write the spec's name "1.4b", and
                # the readers read such a file: only another version is reported
                if root.get("version") not in ("1.4", "1.4b"):
                    add(root.sourceline, f"TMX version {root.get('version')!r}, expected 1.4")
                if headers == 1:
                    _validate_own_attributes(root, add)
                _validate_content_order(elem, None, add)
                for attr in HEADER_REQUIRED:
                    if not elem.get(attr):
                        add(elem.sourceline, f"header lacks the required attribute {attr}")
                segtype = elem.get("segtype")
                if segtype and segtype not in SEGTYPES:
                    add(elem.sourceline, f"header segtype {segtype!r} is not one of "
                                         f"{', '.join(sorted(SEGTYPES))}")
                srclang = elem.get("srclang")
                if srclang and srclang != "*all*":
                    problem = _lang_problem(srclang, "header srclang")
                    if problem:
                        add(elem.sourceline, problem)
                _validate_markup(elem, add)
                _validate_attributes(elem, add)
                _validate_dates(elem, add)
                continue
            units += 1
            if not header_seen:
                add(elem.sourceline, "unit before any <header>")
                header_seen = True
            _validate_place(elem, bodies, add)
            _validate_tu(elem, srclang, add)
    except InputError as exc:
        add(exc.line, exc.message)
        return out
    if not header_seen:
        add(1, "no <header>")
    elif not bodies:  # tmx is (header, body): a body, even empty, is required
        add(1, "no <body> (TMX 1.4b requires one, after <header>)")
    # in file order: the rules of a unit run one after the other over its elements
    return sorted(out, key=lambda problem: problem.line)


def _validate_place(tu: etree._Element, bodies: list[etree._Element], add) -> None:
    """Where a unit stands: TMX 1.4b's ``tmx`` is (header, body) and ``body`` (tu*), so a
    unit outside the one ``body``, or anything but units beside it there, makes a
    validating CAT tool refuse the file (``bodies``: those met so far). A unit in another
    element is reported by that element's own check."""
    parent = tu.getparent()
    where = _local(parent) if parent is not None else ""
    if where == "tmx":
        add(tu.sourceline, "<tu> outside <body> (TMX 1.4b puts every unit in its one <body>)")
        return
    if where != "body":
        return
    _validate_body(parent, bodies, add)
    # what stands between this unit and the one before (units are freed once read, their
    # tails kept; the rest of the body stays until the next unit is read)
    before = tu.getprevious()
    while before is not None and _local(before) != "tu":
        _validate_in_body(before, add)
        _validate_body_text(before.tail, tu, add)
        before = before.getprevious()
    if before is not None:
        _validate_body_text(before.tail, tu, add)


def _validate_body(body: etree._Element, bodies: list[etree._Element], add) -> None:
    """A ``body`` met for the first time (``bodies``: those met before): a second one, its
    attributes (the DTD declares none) and text before its first unit."""
    if bodies and body is bodies[-1]:
        return
    bodies.append(body)
    if len(bodies) == 2:  # once, however many there are
        add(body.sourceline, "a second <body> (TMX 1.4b has one, after <header>)")
    else:  # what stands between the header and the body (gone once the body is read)
        root = body.getparent()
        _validate_in_root(body.getprevious(), "header", root, add)
    _validate_own_attributes(body, add)
    _validate_body_text(body.text, body, add)


def _validate_body_end(body: etree._Element, bodies: list[etree._Element], add) -> None:
    """A ``body`` at its end: what stands after its last unit (the units before were
    looked at as they were read, :func:`_validate_place`), or the whole of a body
    without units."""
    _validate_body(body, bodies, add)
    for child in body.iterchildren(reversed=True):
        _validate_body_text(child.tail, child, add)
        if _local(child) == "tu":
            break
        _validate_in_body(child, add)


def _validate_body_text(text: str | None, near: etree._Element, add) -> None:
    """Text in a ``body`` beside its units (``near``: the element it is next to)."""
    if text is not None and text.strip():
        add(near.sourceline, "text directly in <body> (TMX 1.4b allows only tu there)")


def _validate_root_end(root: etree._Element, add) -> None:
    """The TMX root at its end: what stands after its last ``body`` (what came before was
    looked at as it was read, and freed since). TMX 1.4b's ``tmx`` is (header, body):
    a validating CAT tool refuses a file with text or another element there."""
    _validate_in_root(root[-1] if len(root) else None, "body", root, add)


def _validate_in_root(last: etree._Element | None, stop: str | None, root: etree._Element,
                      add) -> None:
    """Text and elements directly in the TMX root, from ``last`` back to the first
    ``header`` or ``body`` (``stop``: only to that one, else to the first child; the root's
    own text then too). A ``header``, ``body`` or ``tu`` is reported where it is read."""
    elem = last
    while elem is not None:
        local = _local(elem) if isinstance(elem.tag, str) else ""
        if local and local not in ("header", "body", "tu"):
            add(elem.sourceline, f"<{local}> is not allowed in <tmx> {_ONLY_IN_ROOT}")
        if elem.tail is not None and elem.tail.strip():
            # lxml knows where elements start only: the next one's line, else this one's
            after = elem.getnext()
            add((after if after is not None else elem).sourceline,
                f"text directly in <tmx> after <{local}> {_ONLY_IN_ROOT}")
        if local in ("header", "body") and (stop is None or local == stop):
            return
        elem = elem.getprevious()
    if stop is None and root.text is not None and root.text.strip():
        first = root[0] if len(root) else root
        add(first.sourceline, f"text directly in <tmx> before <{_local(first)}> "
                              f"{_ONLY_IN_ROOT}")


_ONLY_IN_ROOT = "(TMX 1.4b allows only header and body there)"


def _validate_in_body(elem: etree._Element, add) -> None:
    if isinstance(elem.tag, str):
        add(elem.sourceline, f"<{_local(elem)}> is not allowed in <body> (TMX 1.4b allows only "
                             "tu there)")


def _validate_tu(tu: etree._Element, srclang: str | None, add) -> None:
    segtype = tu.get("segtype")
    if segtype and segtype not in SEGTYPES:
        add(tu.sourceline, f"tu segtype {segtype!r} is not one of {', '.join(sorted(SEGTYPES))}")
    tuvs = [child for child in tu if child.tag == "tuv"]
    if not tuvs:
        add(tu.sourceline, "tu without any tuv")
        return
    langs = []
    for tuv in tuvs:
        lang = tuv.get(XML_LANG)
        if lang is None and tuv.get("lang") is not None:
            add(tuv.sourceline, "tuv uses lang= (TMX 1.1); TMX 1.4 needs xml:lang")
            lang = tuv.get("lang")
        problem = _lang_problem(lang, "tuv")
        if problem:
            add(tuv.sourceline, _KEPT_CODE.sub(_KEPT_BY_MERGE, problem))
        langs.append(normalise_tag(lang or ""))
        segs = [child for child in tuv if child.tag == "seg"]
        if len(segs) != 1:
            add(tuv.sourceline, f"tuv has {len(segs)} seg elements, expected 1")
        elif not seg_text(segs[0]).strip() and len(segs[0]) == 0:
            add(segs[0].sourceline, "empty seg (TMX 1.4b allows it, but a CAT tool may take it "
                                    "for an empty translation)")
    own = tu.get("srclang")  # TMX 1.4b: a unit's own srclang overrides the header's
    if own and own != "*all*":
        problem = _lang_problem(own, "tu srclang")
        if problem:
            add(tu.sourceline, problem)
    where = "its srclang" if own else "the header srclang"
    srclang = own or srclang
    if srclang and srclang != "*all*" and not _holds_source(langs, srclang):
        add(tu.sourceline, f"tu has no tuv in {where} {srclang}")
    _validate_content_order(tu, "tuv", add)
    for tuv in tuvs:
        _validate_content_order(tuv, "seg", add)
    _validate_markup(tu, add)
    _validate_attributes(tu, add)
    for elem in (tu, *tuvs):
        _validate_dates(elem, add)
    for seg in tu.iter("seg"):
        for flow in (seg, *seg.iter("sub")):
            _validate_pairs(flow, add)


def _holds_source(langs: list[str], srclang: str) -> bool:
    """Whether a unit's tuv languages (``normalise_tag``) hold its ``srclang``: its tag, or
    one tag less specific or more specific by region ("en" under "en-US", as OmegaT writes
    its memories; "de-DE" under "de", as Trados writes them: a CAT tool matches either as
    that language), never another region of it ("en-GB" under "en-US")."""
    tag, language = _source_forms(srclang)
    if tag in langs or language in langs:
        return True
    return tag == language and any(primary(lang) == language for lang in langs)


@lru_cache(maxsize=64)
def _source_forms(srclang: str) -> tuple[str, str]:
    """``srclang`` normalised, and its language alone: asked of every unit of a merge."""
    return normalise_tag(srclang), primary(srclang)


# What the TMX 1.4b DTD lets each element hold (child elements only), and the attributes it
# requires: a seg holds text and inline codes; a code holds native code and sub-flows
# (<sub>), which hold inline codes again (the inline elements' tables are the writer's,
# formats.tmx). <ut> is deprecated but still in the DTD.
_CHILDREN = {
    "tu": ("note", "prop", "tuv"), "tuv": ("note", "prop", "seg"), **INLINE_CHILDREN,
    "note": (), "prop": (), "header": ("note", "prop", "ude"), "ude": ("map",), "map": (),
}
_REQUIRED_ATTRIBUTES = {**INLINE_REQUIRED, "prop": ("type",), "ude": ("name",),
                        "map": ("unicode",)}
# ude is (map+) and map EMPTY: no text in either (header, tu and tuv: _validate_content_order)
_EMPTY_OR_ELEMENTS = ("ude", "map")
# The attributes the TMX 1.4b DTD declares for each element (no other is allowed)
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_UNIT_ATTRIBUTES = ("o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                    "creationtoolversion", "creationdate", "creationid", "changedate",
                    "changeid", "o-tmf")
_ATTRIBUTES = {
    "tmx": frozenset({"version"}), "body": frozenset(),
    "header": frozenset({*HEADER_REQUIRED, "o-encoding", "creationdate", "creationid",
                         "changedate", "changeid"}),
    "note": frozenset({"o-encoding", XML_LANG, "lang"}),
    "prop": frozenset({"type", XML_LANG, "o-encoding", "lang"}),
    "ude": frozenset({"name", "base"}), "map": frozenset({"unicode", "code", "ent", "subst"}),
    "tu": frozenset({*_UNIT_ATTRIBUTES, "tuid", "segtype", "srclang"}),
    "tuv": frozenset({*_UNIT_ATTRIBUTES, XML_LANG, "lang"}),
    **INLINE_ATTRIBUTES,
}


def _validate_markup(elem: etree._Element, add) -> None:
    """Report each element the DTD does not allow where it stands, inside ``elem``."""
    allowed = _CHILDREN.get(elem.tag)
    if allowed is None:
        return  # not a TMX element: reported where it stands, its content is not TMX's
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        if child.tag not in allowed:
            where = f"TMX 1.4b allows only {', '.join(allowed)} there" if allowed else \
                "TMX 1.4b allows only text there"
            add(child.sourceline, f"<{child.tag}> is not allowed in <{elem.tag}> ({where})")
        _validate_markup(child, add)
    if elem.tag in _EMPTY_OR_ELEMENTS:
        _validate_no_text(elem, add)
    if elem.tag == "ude" and not any(child.tag == "map" for child in elem):
        # (map+): a header with an empty <ude> is copied by merge into an invalid file
        add(elem.sourceline, "<ude> without any <map> (TMX 1.4b requires one or more)")


def _validate_no_text(elem: etree._Element, add) -> None:
    """Text in a ``ude`` (elements only: indentation aside) or a ``map`` (EMPTY: not even
    white space), where the DTD allows none."""
    texts = [elem.text, *(child.tail for child in elem)]
    if any(text and (elem.tag == "map" or text.strip()) for text in texts):
        what = "TMX 1.4b declares it empty" if elem.tag == "map" else \
            "TMX 1.4b allows only elements there"
        add(elem.sourceline, f"text directly in <{elem.tag}> ({what})")


def _validate_pairs(flow: etree._Element, add) -> None:
    """Each <bpt> of a seg (or of a sub-flow) needs a later <ept> with its ``i`` there, and
    each <ept> an earlier <bpt> (TMX 1.4b); unpaired codes are <it>."""
    open_codes: dict[str, etree._Element] = {}
    for code in _codes_of(flow):
        i = code.get("i")
        if i is None:
            continue  # reported as a missing attribute
        if code.tag == "bpt":
            if i in open_codes:
                add(code.sourceline, f"<bpt i=\"{i}\"> repeats an open <bpt> of the same "
                                     f"{flow.tag} (i must be unique)")
            open_codes[i] = code
        elif open_codes.pop(i, None) is None:
            add(code.sourceline, f"<ept i=\"{i}\"> without a <bpt i=\"{i}\"> before it in "
                                 f"the same {flow.tag}")
    for i, code in open_codes.items():
        add(code.sourceline, f"<bpt i=\"{i}\"> without an <ept i=\"{i}\"> after it in the "
                             f"same {flow.tag}")


def _codes_of(flow: etree._Element) -> Iterator[etree._Element]:
    """The <bpt> and <ept> of ``flow`` in document order, through <hi> but not into the
    sub-flows (<sub>), which are flows of their own."""
    for child in flow:
        if child.tag in ("bpt", "ept"):
            yield child
        elif child.tag == "hi":
            yield from _codes_of(child)


def _validate_attributes(top: etree._Element, add) -> None:
    """The attributes the DTD requires of the elements of a unit or of the header, and
    those it does not declare there (a validating importer refuses the file for them)."""
    for elem in top.iter(*_ATTRIBUTES):
        _validate_own_attributes(elem, add)
        for attr in _REQUIRED_ATTRIBUTES.get(elem.tag, ()):
            if elem.get(attr) is None:
                add(elem.sourceline, f"<{elem.tag}> lacks the required attribute {attr}")
        if elem.tag == "it" and elem.get("pos") not in (None, *IT_POSITIONS):
            add(elem.sourceline, f"<it pos=\"{elem.get('pos')}\">: pos must be begin or end")


def _validate_own_attributes(elem: etree._Element, add) -> None:
    """Each attribute of ``elem`` (a TMX element) that the TMX 1.4b DTD does not declare.
    By its local name: a root in TMX's namespace (``<t:tmx xmlns:t=...>``) is read as the
    TMX it is, its name left as written."""
    tag = _local(elem)
    allowed = _ATTRIBUTES[tag]
    for name in elem.keys():
        if name not in allowed:
            shown = name.replace(_XML_NS, "xml:")
            add(elem.sourceline, f"<{tag}> has the attribute {shown}, which TMX 1.4b "
                                 "does not allow there")


def _validate_content_order(elem: etree._Element, main: str | None, add) -> None:
    """TMX 1.4b's content models ``tu`` ((note|prop)*, tuv+), ``tuv`` ((note|prop)*, seg)
    and ``header`` ((note|prop|ude)*): elements only, no text but indentation, and the notes
    and props before the ``main`` children (``None``: in any order)."""
    texts = [(elem.sourceline, elem.text)]
    main_seen = False
    for child in elem:
        texts.append((child.sourceline, child.tail))
        if child.tag == main:
            main_seen = True
        elif main_seen and child.tag in ("note", "prop"):
            add(child.sourceline, f"<{child.tag}> after a <{main}> in <{elem.tag}> (TMX 1.4b "
                                  f"puts notes and props before the {main})")
    for line, text in texts:
        if text is not None and text.strip():
            add(line, f"text directly in <{elem.tag}> (TMX 1.4b allows only elements there)")
            return  # once per element: the rest of it says nothing new


def _validate_dates(elem: etree._Element, add) -> None:
    """The dates of the header, a unit or a tuv: TMX 1.4b has one form for them (CAT tools
    choose between conflicting matches by them)."""
    for name in sorted(DATE_ATTRIBUTES):
        value = elem.get(name)
        if value is None or is_tmx_date(value):
            continue
        if TMX_DATE.match(value):  # the form is right, the moment does not exist
            add(elem.sourceline, f"{elem.tag} {name} {value!r} is not a real date and time "
                                 "(no such day, month or hour)")
        else:
            add(elem.sourceline, f"{elem.tag} {name} {value!r} is not a TMX date "
                                 "(YYYYMMDDThhmmssZ, UTC)")


def _validate_tbx(path: str | Path) -> list[Problem]:
    name = str(path)
    root = parse_xml(path).getroot()
    out = _validate_tbx_entries(name, root)
    out.extend(Problem(name, line or 0, message) for line, message in _tbx_rule_problems(root))
    return sorted(out, key=lambda problem: problem.line)


def _local(elem: etree._Element) -> str:
    return etree.QName(elem).localname if isinstance(elem.tag, str) else ""


def _validate_tbx_entries(name: str, root: etree._Element) -> list[Problem]:
    out: list[Problem] = []

    def children(elem, tag: str) -> list:
        return [c for c in elem if _local(c) == tag]

    v2 = _local(root) == "martif"
    entry_tag, lang_tag = ("termEntry", "langSet") if v2 else ("conceptEntry", "langSec")
    header_tag = "martifHeader" if v2 else "tbxHeader"
    if not children(root, header_tag):
        out.append(Problem(name, root.sourceline or 0, f"no <{header_tag}>"))
    if not root.get("type"):
        out.append(Problem(name, root.sourceline or 0,
                           f"<{_local(root)}> lacks the type attribute"))
    bodies = [b for t in children(root, "text") for b in children(t, "body")]
    if not bodies:
        out.append(Problem(name, root.sourceline or 0, "no <text><body>"))
        return out
    entries = [e for b in bodies for e in children(b, entry_tag)]
    if not entries:
        out.append(Problem(name, bodies[0].sourceline or 0, f"no <{entry_tag}>"))
    for entry in entries:
        if not v2 and not entry.get("id"):
            out.append(Problem(name, entry.sourceline or 0,
                               "conceptEntry without an id (TBX 2019 requires one)"))
        lang_sets = children(entry, lang_tag)
        if not lang_sets:
            out.append(Problem(name, entry.sourceline or 0, f"{entry_tag} without {lang_tag}"))
        for lang_set in lang_sets:
            problem = _lang_problem(lang_set.get(XML_LANG), lang_tag)
            if problem:
                out.append(Problem(name, lang_set.sourceline or 0, problem))
            terms = [t for t in lang_set.iter() if _local(t) == "term"]
            if not terms:
                out.append(Problem(name, lang_set.sourceline or 0, f"{lang_tag} without a term"))
            for term in terms:
                if not "".join(term.itertext()).strip():
                    out.append(Problem(name, term.sourceline or 0, "empty term"))
    return out


# Where the structural elements of a termbase may stand (their parent): TBX 2008 martif
# (termEntry/langSet/tig, or ntig/termGrp) and TBX 2019 (conceptEntry/langSec/termSec).
_TBX_PARENTS = {
    "martif": {"termEntry": ("body",), "langSet": ("termEntry",), "tig": ("langSet",),
               "ntig": ("langSet",), "term": ("tig", "termGrp")},
    "tbx": {"conceptEntry": ("body",), "langSec": ("conceptEntry",), "termSec": ("langSec",),
            "term": ("termSec",)},
}
# the containers of one term each (TBX 2008 tig and ntig/termGrp, TBX 2019 termSec)
_ONE_TERM = frozenset({"tig", "termGrp", "termSec"})
# TBX-Basic and TBX-Min (2008 and 2019) allow these administrative statuses and no other.
ADMIN_STATUSES = ("preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                  "supersededTerm-admn-sts")
_DIALECTS_WITH_STATUSES = ("TBX-Basic", "TBX-Min")


def _tbx_rule_problems(root: etree._Element) -> Iterator[tuple[int | None, str]]:
    """(line, problem) for each misplaced entry/language/term element, each repeated id
    (ids are XML IDs, unique in the file) and each administrative status outside the
    dialect's picklist."""
    parents = _TBX_PARENTS[_local(root)]
    statuses_checked = (root.get("type") or "").startswith(_DIALECTS_WITH_STATUSES)
    first_line_of_id: dict[str, int | None] = {}
    for elem in root.iter():
        tag = _local(elem)
        parent = _local(elem.getparent()) if elem.getparent() is not None else ""
        if tag in parents and parent not in parents[tag]:
            yield elem.sourceline, (f"<{tag}> outside a <{' or '.join(parents[tag])}> "
                                    f"(it is in <{parent}>)")
        if tag in _ONE_TERM:
            yield from _term_count_problems(elem, tag)
        ident = elem.get("id")
        if ident is not None:
            if ident in first_line_of_id:
                yield elem.sourceline, (f"id {ident!r} repeated (ids must be unique; first "
                                        f"on line {first_line_of_id[ident]})")
            else:
                first_line_of_id[ident] = elem.sourceline
        if statuses_checked and _is_admin_status(elem, tag):
            value = "".join(elem.itertext())
            if value not in ADMIN_STATUSES:
                yield elem.sourceline, (f"administrative status {value!r} is not one of "
                                        f"{', '.join(ADMIN_STATUSES)}")


def _term_count_problems(holder: etree._Element, tag: str) -> Iterator[tuple[int | None, str]]:
    """A ``tig``, ``termGrp`` or ``termSec`` holds exactly one ``term``: a synonym is a
    container of its own (OmegaT's martif binding refuses a second term)."""
    terms = [child for child in holder if _local(child) == "term"]
    if not terms:
        yield holder.sourceline, f"<{tag}> without a <term>"
    for extra in terms[1:]:
        yield extra.sourceline, (f"a second <term> in one <{tag}> (one term each: a synonym "
                                 f"is a <{tag}> of its own)")


def _is_admin_status(elem: etree._Element, tag: str) -> bool:
    # DCA style: <termNote type="administrativeStatus">; DCT style: an element of that name
    return (tag == "termNote" and elem.get("type") == "administrativeStatus") or \
        tag == "administrativeStatus"


# --- stats -------------------------------------------------------------------------------

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
        }


def stats(paths: Iterable[str | Path], *, jobs: int = 1) -> TmxStats:
    """Counts over the TMX files ``paths``, streamed. With ``jobs`` above 1, a large file is
    cut in that many runs of units (:func:`~tmx_export.formats.tmx.split_tmx`), each
    counted in a process of its own, and the counts added up in file order: the same
    counts.

    Memory holds, per unit, a fingerprint for the duplicates (8 bytes, see
    :class:`_DistinctCount`) and the length of its segment in each language (4 bytes each)
    for the length ratios, which are then counted, one entry per distinct value.

    Per unit, only each ``tuv``'s language tag and segment text are read (:func:`_runs`),
    and the fingerprint merge knows repeats by (:func:`_unit_fingerprint`: inline codes
    count, as merge writes the unit; ``None`` for a unit merge leaves out as invalid);
    everything else is worked out a run of units at a time (:class:`_Tally`), by column.
    """
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
            for tags, rows, fingerprints in _runs(iter_elements(path, ("header", "tu")),
                                                  declared, langs, fingerprint):
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
        :func:`normalise_tag` until :func:`_show_tags`); the first file's header gives
        ``result.srclang``."""
        header = (self.header or "").strip()
        if result.files == 1:
            result.srclang = normalise_tag(header)
        if header:
            entry = _source_entry(result, header)
            entry.files += 1
            entry.units += units - self.own.total()  # the units that declare none
        for tag, count in self.own.items():
            _source_entry(result, tag).units += count


def _source_entry(result: TmxStats, tag: str) -> SourceLanguage:
    return result.srclangs.setdefault(normalise_tag(tag), SourceLanguage())


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
        for tags, rows, fingerprints in _runs(iter_elements(path, ("header", "tu"), part=part),
                                              declared, langs, fingerprint, srclang):
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
        """The counters of the language ``tag`` names, shared by all its spellings."""
        language = self._spellings.get(tag)
        if language is None:
            lang = normalise_tag(tag)
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
        texts = self.texts
        if texts:
            entry = self.stats
            entry.segments += len(texts)
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
    language's are also ``ratio_pair``/``ratio_quantiles``/``ratio_outside``."""
    if not result.languages:
        return
    by_count = sorted(result.languages, key=lambda k: -result.languages[k].segments)
    source = result.srclang if result.srclang in result.languages else by_count[0]
    others = [lang for lang in by_count if lang != source]
    if not others:
        return
    result.ratio_pair = (source, others[0])
    for target in others:
        found = _ratio_quantiles(lengths[source], lengths[target])
        if found is not None:
            result.ratios[target] = found
    if others[0] in result.ratios:
        result.ratio_quantiles, result.ratio_outside = result.ratios[others[0]]


def _ratio_quantiles(source: array, target: array) -> tuple[dict[str, float], int] | None:
    """(quantiles, units below 0.5 or above 2) of target/source lengths, over the units
    with a non-empty source and a target (lengths are stored plus one; the arrays end at
    the last unit with the language); ``None`` without any."""
    pairs = zip(source, target, strict=False)
    counts = Counter((t - 1) / (s - 1) for s, t in pairs if s > 1 and t)
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
        lines.append(f"  {tag:<{width}} {declared.files:>9} files {declared.units:>14} units")
    lines.append("languages:")
    for lang, s in sorted(result.languages.items(), key=lambda kv: -kv[1].segments):
        lines.append(f"  {lang:<{width}} {s.segments:>9} segments {s.words:>11} words "
                     f"{s.chars:>12} characters")
    if result.ratio_pair:
        src = result.ratio_pair[0]
        for tgt, (quantiles, outside) in result.ratios.items():
            q = "  ".join(f"{k} {v:.2f}" for k, v in quantiles.items())
            lines.append(f"length ratio {tgt}/{src}: {q}")
            lines.append(f"  units with ratio < 0.5 or > 2: {outside}")
    return "\n".join(lines)
