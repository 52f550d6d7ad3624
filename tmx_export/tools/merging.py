"""Merge TMX files into one (the ``merge`` command).

:func:`merge` streams every ``tu`` of the inputs into one TMX 1.4b file, each distinct
unit once (same languages, same ``seg`` content, inline codes included, same context
props: :data:`CONTEXT_PROPS`), with the
header of the first input. Units are copied whole: props, notes and inline codes stay;
of repeats, the most recently changed copy.
"""

from __future__ import annotations

import copy
import os
import pickle
import re
import struct
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..clean import Fingerprints
from ..errors import InputError, worker_signals
from ..formats.text import input_name, readable_file
from ..formats.tmx import (
    CODES_ISOLATED,
    DATE_ATTRIBUTES,
    DATES_DROPPED,
    DATES_REWRITTEN,
    OMEGAT_CONTEXT_PROPS,
    XML_LANG,
    TmxDocument,
    is_tmx_date,
    isolate_unpaired_codes,
    iter_elements,
    read_tmx_header,
    seg_text,
    tmx_datatype,
    tmx_date,
    without_outer_namespaces,
)
from ..formats.xml import check_file
from ..inputs import (
    check_memory_outputs,
    check_outputs,
    detect_format,
    memory_files,
    refuse_stdin_twice,
)
from ..lang import holds_source, normalise_tag, primary
from ..model import SEGTYPES
from .validation import (
    _ATTRIBUTES,
    _validate_attributes,
    _validate_content_order,
    _validate_markup,
    _validate_tu,
)


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
                 "pairs-tsv": "a TSV of pairs", "jsonl": "a JSON Lines file of pairs"}


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


def merge(inputs: Iterable[str | Path] | str | Path, output: str | Path, *, dedupe: bool = True,
          jobs: int = 1, allow_empty: bool = False, newest: bool = False) -> MergeCounts:
    """Merge TMX files into ``output`` (``.gz`` compresses), header from the first input
    (a directory among ``inputs``: the TMX files below it, :func:`memory_files`).

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
    paths = [Path(p) for p in memory_files(inputs)]
    check_memory_outputs(output)
    if not paths:
        raise InputError(str(output), "nothing to merge")
    refuse_stdin_twice(paths)
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
    merged = _merged_source_language(paths, declared)
    counts.srclang = merged.replace("_", "-")  # (en_GB, as a tuv's: TAGS_RESPELLED)
    if counts.srclang != merged:
        counts.repairs[TAGS_RESPELLED] += 1
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
            for tu in iter_elements(path, repairs=counts.repairs):
                read += 1
                fingerprint, problem, fixes = _checked(tu, langs, path, dedupe,
                                                       file_srclangs[index])
                if problem is not None:
                    counts.leave_out(problem, f"{input_name(path)}:{tu.sourceline}")
                    continue
                if seen is not None and not seen.keep(fingerprint):
                    continue  # a repeat: what was mended in it is not in the output
                counts.add_fixes(fixes)
                _own_attributes(tu, kind)
                tu.tail = "\n"
                written += 1
                yield tu
        counts.read, counts.written = read, written
        if ahead is not None:
            counts.repairs.update(ahead.repairs)
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
        # what reading mends is counted by the pass that writes
        for tu in iter_elements(path, repairs=Counter()):
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
    respelled = 0
    if not clean:
        _to_14(tu)  # a second time changes nothing
        respelled = _respelled_languages(tu)  # (the key already compared them so)
    # (the usual unit's children were looked at with its key: its own attributes remain)
    if _valid_as_found(tu, found, srclang) if found is not None else \
            _surely_valid(tu, langs, srclang):
        return fingerprint, None, (MergeCounts(repairs=Counter({TAGS_RESPELLED: respelled}))
                                   if respelled else None)
    repairs = _dates_in_tmx_form(tu) or Counter()
    if respelled:
        repairs[TAGS_RESPELLED] += respelled
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
    fixes.leave_out_tuvs(emptied, f"{input_name(path)}:{tu.sourceline}")
    return fingerprint, None, fixes


# A tuv language spelled with "_" (en_GB, nb_NO: a Java or POSIX locale's name) is written
# with BCP 47's "-". OmegaT takes a tuv's language up to its first non-word character, and
# "_" is a word character: "en_GB" matched no project, and OmegaT skipped every unit of
# such a memory ("Source segment could not be located"). A code that keeps its language
# as written (DGT-TM's DA-01) is kept.
TAGS_RESPELLED = "language codes written with '-' for '_' (en_GB as en-GB)"


def _respelled_languages(tu: etree._Element) -> int:
    """Respell each ``tuv`` language of ``tu`` written with "_" (:data:`TAGS_RESPELLED`),
    case kept (``en_gb`` -> ``en-gb``); how many were."""
    count = 0
    for tuv in tu.iterchildren("tuv"):
        lang = tuv.get(XML_LANG)
        if lang is not None and "_" in lang:
            tuv.set(XML_LANG, lang.replace("_", "-"))
            count += 1
    return count


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
                                      and not holds_source(kept_langs, srclang)):
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
    return not srclang or srclang == "*all*" or holds_source(found, srclang)


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
    records end (and what reading it mended: :attr:`repairs`). Once the first input is
    written, this process reads the others' records back in order, a megabyte at a time,
    and keeps or leaves out each unit: the output is the one a single process writes, and
    memory stays flat (the spool is on disk; a pipe alone would hold the second process
    back until this one reads). An error in a file (the one this process would raise)
    comes back in its place."""

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
        self.repairs: Counter[str] = Counter()  # what reading the inputs mended
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
            from ..errors import InternalError

            raise InternalError("internal error: the merge's second process ended "
                                f"(exit status {self._process.exitcode})") from None
        if isinstance(sent, BaseException):
            raise sent
        end, mended = sent
        self.repairs.update(mended)
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
            from ..errors import InternalError

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
                repairs: Counter[str] = Counter()  # what reading the input mended
                for tu in iter_elements(path, repairs=repairs):
                    fingerprint, problem, fixes = _checked(tu, langs, path, dedupe,
                                                           kind.get("srclang", srclang))
                    if fixes is not None:  # the parent counts them if it writes the unit
                        mended = pickle.dumps(fixes)
                        out.write(record.pack(0, len(mended), _ReadAhead._FIXES))
                        out.write(mended)
                    if problem is not None:
                        data = f"{problem}\n{input_name(path)}:{tu.sourceline}".encode()
                    else:
                        _own_attributes(tu, kind)
                        tu.tail = "\n"
                        data = etree.tostring(without_outer_namespaces(tu), encoding="UTF-8")
                    out.write(record.pack(fingerprint, len(data), problem is not None))
                    out.write(data)
                out.flush()
                conn.send((out.tell(), repairs))  # type: ignore[attr-defined]
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
                            or seg.tail is not None or "_" in lang):  # (en_GB: respelled)
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
    it (:func:`~tmx_export.lang.holds_source`). ``srclangs``: each input's header
    ``srclang`` ("" for none)."""
    declared = list(zip(paths, srclangs, strict=True))
    first = normalise_tag(declared[0][1])
    tags = {normalise_tag(srclang) for _, srclang in declared}
    if tags == {first}:
        if not first:  # OmegaT drops a memory without one; nothing here says which it is
            raise InputError(str(paths[0]), "no source language (header srclang) in any "
                                            "file: cannot write the merged header")
        return declared[0][1]
    if "*all*" in tags and len(tags - {"*all*"}) == 1:
        # TMX 1.4b's "any language may be the source" holds the other's units too (each
        # keeps its file's as its own srclang: _own_attributes_by_file)
        return next(srclang for _, srclang in declared if normalise_tag(srclang) == "*all*")
    bare = {primary(tag) for tag in tags}
    if len(tags) == 2 and len(bare) == 1 and "*all*" not in tags and bare <= tags:
        # one region of a language and the language alone: the language alone holds both
        return next(srclang for _, srclang in declared if normalise_tag(srclang) in bare)
    raise InputError(str(declared[0][0]),
                     f"cannot merge memories whose source languages (header srclang) differ: "
                     f"{_files_by_language(declared)}; merge the files of each source "
                     "language apart")


def _files_by_language(declared: list[tuple[Path, str]], shown: int = 3) -> str:
    """Each source language and the files that declare it, a few named (a folder of
    memories listed whole made one line of kilobytes): "EN-GB: a.tmx; en-us: b.tmx, c.tmx
    and 28 more"."""
    groups: dict[str, list[tuple[Path, str]]] = {}
    for path, srclang in declared:
        groups.setdefault(normalise_tag(srclang), []).append((path, srclang))
    parts = []
    for files in groups.values():
        names = ", ".join(str(path) for path, _ in files[:shown])
        more = f" and {len(files) - shown} more" if len(files) > shown else ""
        parts.append(f"{files[0][1] or '(none)'}: {names}{more}")
    return "; ".join(parts)


def _first_header(path: Path) -> etree._Element:
    # a reference to a control character in the units is counted by the pass that writes
    for elem in iter_elements(path, ("header", "tu"), repairs=Counter()):
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
    from .._version import __version__
    from ..formats.tmx import CREATION_TOOL

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


