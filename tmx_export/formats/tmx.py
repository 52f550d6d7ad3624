"""TMX translation memories: :func:`read_tmx` and :func:`write_tmx`, both streamed.

Reading takes TMX as real tools write it; writing gives TMX 1.4b that CAT tools load.
The two meet in :class:`~tmx_export.model.Pair`: the plain text of each side for the
text work in between, and the ``seg``'s inline codes in ``source_markup``/``target_markup``
so that a TMX read and written again keeps its formatting codes.

**Reading** (:func:`iter_tmx`, :func:`read_tmx`, :func:`iter_units`). What the real files
show, and what is handled here:

- TMX 1.1 to 1.4b; UTF-8 with or without BOM, UTF-16 LE/BE with BOM, CRLF line ends,
  US-ASCII with character references (the LISA compliance kit, DGT-TM's Euramis exports);
  gzip-compressed files (``.tmx.gz``) are uncompressed on the fly.
- ``lang=`` (TMX 1.1, Euramis) as well as ``xml:lang``; codes in any case and with
  pseudo-regions such as ``DA-01``.
- Up to two dozen ``tuv`` per ``tu``: the pair is chosen by primary language subtag,
  case-insensitively, preferring the exact tag (so ``en-GB`` wins over ``en-US`` when both
  are there); when source and target share a primary subtag (``en-US`` -> ``en-GB``) only
  exact tags count. A unit without one of the two languages becomes a :class:`Reject`.
- ``prop`` and ``note`` of the ``tu`` and of the chosen ``tuv``s are kept.
- Inline codes (``bpt ept it ph ut`` and the ``sub`` flows inside them) are native codes of
  the original document: they are dropped from :attr:`Pair.source`/``target`` (the text
  for sentence splitting, alignment and term extraction) and kept, as the exact inner XML
  of the ``seg``, in :attr:`Pair.source_markup`/``target_markup`` for writing TMX
  again. ``hi`` delimits real text, so its content stays in the text.

Reading is streaming (``iterparse`` on ``tu``, each unit cleared once read): memory does
not grow with the file when pairs are consumed through :func:`iter_tmx`. The XML is
untrusted: entity declarations are refused (see :mod:`tmx_export.formats.xml`) and the parser
never expands entities, loads a DTD or touches the network.

**Writing** (:func:`write_tmx`) never holds the document in memory: lxml's
``etree.xmlfile`` serialises each ``<tu>`` as it comes, so a million units cost no more
memory than ten (translate-toolkit's ``tmxfile`` builds the whole tree first and needs
gigabytes at that size). What CAT tools require of the output, and therefore what the
writer guarantees:

* the header carries every attribute the TMX 1.4b DTD requires, ``srclang`` above all
  (OmegaT drops a TMX without it), and a ``segtype`` that tells the truth: OmegaT
  re-segments ``paragraph`` units into sentences and uses any other kind whole;
* every ``<tuv>`` has ``xml:lang`` (OmegaT drops the whole file when one lacks it),
  spelled as the chosen CAT tool profile wants it (:mod:`tmx_export.formats.profiles`);
* a ``<seg>`` holds the text exactly, with no line break or padding: CAT tools match
  literally, and a segment with a newline never matches anything; inline codes are
  written back only when they are TMX 1.4b's own elements;
* no ``<prop type="file">``: OmegaT treats such units as context-bound alternative
  translations and fills nothing from them;
* characters XML cannot carry are removed (and counted), never written;
* ``.gz`` output is gzip-compressed (OmegaT reads ``*.tmx.gz``), and ``max_units`` splits
  a large memory into numbered files, all renamed into place only when all are complete.
"""

from __future__ import annotations

import gzip
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import IO, NamedTuple

from lxml import etree

from .._lazy import lazy_pattern
from .._version import __version__
from ..clean import EDGE_END, EDGE_START, LINE_BREAK_RE, prepare, sanitise_note
from ..errors import InputError
from ..lang import (
    count_relabelled,
    holds_source,
    normalise_tag,
    parse_tag,
    primary,
    scripts_differ,
    standard_pair,
    standard_tag,
)
from ..model import SEGTYPES, MultiUnit, Pair, ReadResult, Reject
from .profiles import PROFILES, Profile, get_profile, keep_prop, lang_code
from .text import (
    atomic_output,
    binary_stdout,
    check_writable,
    finish_part,
    input_name,
    temp_beside,
    when_committed,
    writing_stdout,
    writing_to,
)
from .xml import (
    SAFE_PARSER_OPTIONS,
    BlankedReader,
    check_prolog,
    control_refs_read,
    doctype_external_id,
    has_entity_declarations,
    open_xml,
    root_default_namespace,
    syntax_error,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATION_TOOL = "tmx-export"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'

# Told of each pair write_tmx leaves out, with the reason ("empty" or "duplicate").
SkipHandler = Callable[[Pair, str], None]

# Props the writer sets itself from the pair's fields; a pair's own props of these names
# are not written again.
_OWN_PROPS = frozenset({"x-document", "x-paragraph", "tuid"})


@dataclass(slots=True)
class TmxCounts:
    """What :func:`write_tmx` wrote and what it left out."""

    units: int = 0  # <tu> elements written
    duplicates: int = 0  # exact duplicate pairs not written again
    empty: int = 0  # pairs with a side left empty after cleaning, not written
    repairs: Counter[str] = field(default_factory=Counter)  # characters changed, by kind
    files: list[str] = field(default_factory=list)  # the files written ("-" for stdout)
    # numbered parts of the same output left by an earlier run, removed (max_units)
    removed: list[str] = field(default_factory=list)

# The header datatypes TMX 1.4b recommends, spelled as it spells them (DGT-TM writes
# "PlainText"): see :func:`tmx_datatype`.
DATATYPES = frozenset({
    "unknown", "alptext", "cdf", "cmx", "cpp", "hptag", "html", "interleaf", "ipf", "java",
    "javascript", "lisp", "mif", "opentag", "pascal", "plaintext", "pm", "rtf", "sgml",
    "stf-f", "stf-i", "transit", "vbscript", "winres", "xml", "xptag"})


def tmx_datatype(declared: str) -> str:
    """``declared``, a datatype read from a header, as TMX 1.4b spells it when it is one of
    its recommended values in another case (``PlainText``: ``plaintext``); else as it is
    (a tool's own value)."""
    return declared.lower() if declared.lower() in DATATYPES else declared


def tmx_timestamp(moment: datetime | None = None) -> str:
    """``moment`` (default: now, or ``SOURCE_DATE_EPOCH`` for reproducible builds) in TMX form.

    TMX dates are UTC in the ISO 8601 basic form ``YYYYMMDDThhmmssZ``.
    """
    if moment is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


_MARKUP_PARSER = etree.XMLParser(**SAFE_PARSER_OPTIONS)
# What the TMX 1.4b DTD lets a seg and its inline elements hold (child elements only: text
# anywhere), the attributes it declares for each and those it requires. A seg holds text
# and inline codes; a code holds native code and sub-flows (<sub>), which hold inline codes
# again. Markup the DTD does not allow as it is (TMX 1.1's <ut> is still 1.4b; <g>/<x> from
# XLIFF are not) is written as plain text rather than as a file the DTD refuses; validate
# (tools) reports against the same tables.
_CODES = ("bpt", "ept", "it", "ph", "hi", "ut")
INLINE_CHILDREN: dict[str, tuple[str, ...]] = {
    "seg": _CODES, "hi": _CODES, "sub": _CODES,
    "bpt": ("sub",), "ept": ("sub",), "it": ("sub",), "ph": ("sub",), "ut": ("sub",),
}
INLINE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "seg": frozenset(), "bpt": frozenset({"i", "x", "type"}), "ept": frozenset({"i"}),
    "sub": frozenset({"datatype", "type"}), "it": frozenset({"pos", "x", "type"}),
    "ph": frozenset({"x", "assoc", "type"}), "hi": frozenset({"x", "type"}),
    "ut": frozenset({"x"}),
}
INLINE_REQUIRED: dict[str, tuple[str, ...]] = {"bpt": ("i",), "ept": ("i",), "it": ("pos",)}
IT_POSITIONS = ("begin", "end")


# TMX 1.4b's one form of a date (creationdate, changedate, lastusagedate): UTC, ISO 8601 basic
DATE_ATTRIBUTES = frozenset({"creationdate", "changedate", "lastusagedate"})
TMX_DATE = re.compile(r"\d{8}T\d{6}Z\Z")
DATES_REWRITTEN = "dates rewritten in the TMX form YYYYMMDDThhmmssZ"
DATES_DROPPED = "dates not readable as ISO 8601, left out"


@lru_cache(maxsize=4096)
def is_tmx_date(value: str) -> bool:
    """Whether ``value`` is a date in the TMX form that is a real moment: the form alone lets
    ``20190229T101010Z`` or a month 13 through, which the calendar refuses. (Built by
    ``datetime`` itself, not ``strptime``: merge asks this of every date, and ``strptime``
    took a tenth of its time; a memory repeats its dates, hence the cache.)"""
    if not TMX_DATE.match(value):
        return False
    try:
        datetime(int(value[:4]), int(value[4:6]), int(value[6:8]), int(value[9:11]),
                 int(value[11:13]), min(int(value[13:15]), 59))  # :60, a leap second
    except ValueError:
        return False
    return True


def tmx_date(value: str) -> str | None:
    """A date attribute's value in the TMX form ``YYYYMMDDThhmmssZ``: itself when it is in
    that form; an ISO 8601 date and time another way (``2017-11-22T18:25:23.766516``, with
    or without a fraction or a time zone) rewritten, a time without zone read as UTC (as
    TMX dates are) and a fraction of a second dropped; ``None`` when it cannot be read."""
    if TMX_DATE.match(value):
        return value if is_tmx_date(value) else None
    if TMX_DATE.match(value.strip().upper()):
        # the form in lower case ("20070110t123456z", as some tools write it): the date
        value = value.strip().upper()
        return value if is_tmx_date(value) else None
    if not re.match(r"\d{4}-?\d\d-?\d\d", value.strip()):
        return None  # fromisoformat also reads week dates and the like
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def dates_in_tmx_form(attrs: tuple[tuple[str, str], ...], repairs: Counter[str]
                      ) -> tuple[tuple[str, str], ...]:
    """``attrs`` (name, value) with each date in the TMX form (:func:`tmx_date`), one that
    cannot be read left out, counted in ``repairs``."""
    if all(name not in DATE_ATTRIBUTES or is_tmx_date(value) for name, value in attrs):
        return attrs
    kept = []
    for name, value in attrs:
        if name in DATE_ATTRIBUTES and not is_tmx_date(value):
            value = tmx_date(value)  # type: ignore[assignment]
            repairs[DATES_REWRITTEN if value is not None else DATES_DROPPED] += 1
            if value is None:
                continue
        kept.append((name, value))
    return tuple(kept)


def markup_seg(markup: str, repairs: Counter[str]) -> etree._Element | None:
    """The ``<seg>`` element for the inner XML ``markup``, or ``None`` to write plain text.

    The markup is parsed, never pasted into the output, so a broken or hostile string can
    only fall back to the plain text. Line breaks in the text between codes become spaces
    as in :func:`tmx_export.clean.sanitise`; the content of native codes is left exactly as it was.
    """
    try:
        seg = etree.fromstring(f"<seg>{markup}</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError:
        repairs["inline codes not well-formed, written as plain text"] += 1
        return None
    if not dtd_allows_markup(seg):
        repairs[CODES_NOT_TMX] += 1
        return None
    for element in (seg, *seg.iter("hi")):
        if element.text and not element.text.isprintable():
            element.text = LINE_BREAK_RE.sub(" ", element.text)
        for child in element:
            if child.tail and not child.tail.isprintable():
                child.tail = LINE_BREAK_RE.sub(" ", child.tail)
    if seg.text:
        seg.text = seg.text.lstrip() or None
    if len(seg) and seg[-1].tail:
        seg[-1].tail = seg[-1].tail.rstrip() or None
    isolated = isolate_unpaired_codes(seg)
    if isolated:
        repairs[CODES_ISOLATED] += isolated
    return seg


CODES_NOT_TMX = "inline codes not TMX 1.4b, written as plain text"


def dtd_allows_markup(seg: etree._Element) -> bool:
    """Whether the TMX 1.4b DTD allows the inline markup of ``seg`` as it is: only its
    elements, each where it stands (no ``sub`` right in the segment), with the attributes
    the DTD requires (``i`` of a ``bpt``, ``pos`` begin or end of an ``it``) and no other
    (``<ph id=...>``). One code that breaks these makes the whole memory invalid, and an
    importer that validates it refuses every unit. (A ``bpt`` or ``ept`` without its other
    half is allowed here: :func:`isolate_unpaired_codes` makes it an ``<it>``.)"""
    for element in seg.iter():
        tag = element.tag
        allowed = INLINE_CHILDREN.get(tag) if isinstance(tag, str) else None
        if allowed is None or not INLINE_ATTRIBUTES[tag].issuperset(element.keys()):
            return False
        if any(child.tag not in allowed for child in element):
            return False
        if any(element.get(name) is None for name in INLINE_REQUIRED.get(tag, ())):
            return False
        if tag == "it" and element.get("pos") not in IT_POSITIONS:
            return False
    return True
CODES_ISOLATED = "paired codes without their other half in the segment, written as <it>"


def isolate_unpaired_codes(seg: etree._Element) -> int:
    """Make each ``bpt`` without a later ``ept`` of its ``i`` in the same segment (or
    ``sub``), and each ``ept`` without an earlier ``bpt``, an ``<it pos="begin|end">``
    with its native code: TMX 1.4b's isolated code (an XLIFF code paired across two
    trans-units, say). How many were changed."""
    changed = 0
    for flow in (seg, *seg.iter("sub")):
        open_codes: dict[str, etree._Element] = {}
        for code in _paired_codes_of(flow):
            i = code.get("i")
            if i is None:
                continue  # not a code TMX allows: not this function's to mend
            if code.tag == "bpt":
                if i in open_codes:  # a second begin of the same i: the first is alone
                    changed += _isolate(open_codes[i], "begin")
                open_codes[i] = code
            elif open_codes.pop(i, None) is None:
                changed += _isolate(code, "end")
        for code in open_codes.values():
            changed += _isolate(code, "begin")
    return changed


def _paired_codes_of(flow: etree._Element) -> list[etree._Element]:
    """The ``bpt`` and ``ept`` of ``flow`` in order, through ``hi`` but not into ``sub``."""
    codes = []
    for child in flow:
        if child.tag in ("bpt", "ept"):
            codes.append(child)
        elif child.tag == "hi":
            codes.extend(_paired_codes_of(child))
    return codes


def _isolate(code: etree._Element, pos: str) -> int:
    """``code`` as an ``<it>``: ``pos`` instead of ``i`` (``x`` and ``type`` as they were)."""
    code.tag = "it"
    del code.attrib["i"]
    code.set("pos", pos)
    return 1


def write_tmx(
    pairs: Iterable[Pair],
    path: str | Path | IO[bytes],
    *,
    srclang: str | None = None,
    segtype: str = "paragraph",
    keep_duplicates: bool = False,
    adminlang: str = "en",
    creationdate: datetime | None = None,
    on_skip: SkipHandler | None = None,
    profile: str | Profile = "generic",
    max_units: int | None = None,
) -> TmxCounts:
    """Write ``pairs`` as a TMX 1.4b file at ``path`` and return what was written.

    The one call for a script with pairs in hand: the texts are made fit for a ``<seg>``
    and duplicates left out as the pipeline does it (:func:`tmx_export.clean.prepare`),
    the units numbered, then written by :func:`write_units`. A pair with a side empty
    after that is skipped (``on_skip(pair, "empty")``), and so is a pair whose two texts
    (and inline codes) equal an earlier pair's (``on_skip(pair, "duplicate")``) unless
    ``keep_duplicates``. Units get consecutive ``tuid``s from 1 in the order given.
    Other arguments as for :func:`write_units`.
    """
    counts = TmxCounts()

    def numbered() -> Iterator[Pair]:
        for pair, reason in prepare(pairs, "none" if keep_duplicates else "exact",
                                    counts.repairs):
            if reason is None:
                # A unit without a tuid is numbered by the writer itself (the same number):
                # copying every pair only to set it was a third of the time.
                yield pair if pair.tuid is None else replace(pair, tuid=str(counts.units + 1))
                continue
            if reason == "duplicate":
                counts.duplicates += 1
            else:
                counts.empty += 1
                reason = "empty"
            if on_skip is not None:
                on_skip(pair, reason)

    return write_units(numbered(), path, srclang=srclang, segtype=segtype,
                       adminlang=adminlang, creationdate=creationdate, profile=profile,
                       max_units=max_units, counts=counts)


def write_units(
    units: Iterable[Pair | MultiUnit],
    path: str | Path | IO[bytes],
    *,
    srclang: str | None = None,
    segtype: str = "paragraph",
    adminlang: str = "en",
    creationdate: datetime | None = None,
    profile: str | Profile = "generic",
    max_units: int | None = None,
    counts: TmxCounts | None = None,
    datatype: str = "plaintext",
) -> TmxCounts:
    """Serialise ``units``, as they are, into a TMX 1.4b file; return what was written.

    The units come prepared (texts fit for a ``<seg>``, see
    :func:`tmx_export.clean.prepare`) and numbered (``tuid``; a unit without one gets its
    position). ``path`` is a file name (written atomically: a failed run leaves no file; a
    name ending in ``.gz`` is gzip-compressed), ``"-"`` for standard output, or an open
    binary file. ``srclang`` defaults to the first unit's source language; a unit none of
    whose languages it is makes a TMX ``validate`` refuses, and is a ``ValueError``
    (``"*all*"``: any). ``segtype``
    must say what the units are (``paragraph``, ``sentence``, ``phrase`` for clauses);
    ``datatype`` what their text is (units read from TMX files of HTML keep its codes).

    ``profile`` (a name of :data:`tmx_export.formats.profiles.PROFILES` or a
    :class:`Profile`) sets the spelling of language codes, header attributes and props
    never to write; ``ValueError`` if a language code does not suit it. With
    ``max_units``, the units go to numbered files of at most that many units each
    (``memory-001.tmx``, ``memory-002.tmx``..., see :func:`part_names`); ``counts.files``
    lists them. All of them are renamed into place at the end, together.
    """
    if segtype not in SEGTYPES:
        raise ValueError(f"unknown segtype {segtype!r}; expected one of {', '.join(SEGTYPES)}")
    if max_units is not None and max_units < 1:
        raise ValueError("max_units must be at least 1")
    chosen = get_profile(profile) if isinstance(profile, str) else profile
    spell = _Speller(chosen)
    stream = iter(units)
    first = next(stream, None)
    if srclang is None:
        srclang = first.source_lang if first is not None else "*all*"
    header = {
        "creationtool": CREATION_TOOL,
        "creationtoolversion": __version__,
        "datatype": datatype,
        "segtype": segtype,
        "o-tmf": CREATION_TOOL,
        "adminlang": adminlang,
        "srclang": srclang if srclang == "*all*" else spell(srclang),
        "creationdate": tmx_timestamp(creationdate),
    }
    header.update(chosen.header)
    counts = counts if counts is not None else TmxCounts()
    serialiser = _UnitSerialiser(header["creationdate"], counts, spell, chosen, segtype,
                                 header["srclang"])
    tus = map(serialiser, stream if first is None else chain((first,), stream))
    with TmxDocument(path, etree.Element("header", header), max_units=max_units) as document:
        document.write_all(tus)
    counts.files.extend(document.names)
    counts.removed.extend(document.removed)
    return counts


class TmxDocument:
    """The one place TMX files are opened and framed: XML declaration, DOCTYPE, ``<tmx>``,
    a ``header`` element, then ``<tu>`` elements streamed into ``<body>`` by lxml's
    ``xmlfile``, so a million units cost no more memory than ten.

    ``path`` as for :func:`write_units`; with ``max_units``, numbered parts. Used as a
    context manager: the files are renamed into place when the block ends without error,
    and removed otherwise.
    """

    def __init__(self, path: str | Path | IO[bytes], header: etree._Element, *,
                 max_units: int | None = None) -> None:
        if max_units is not None and not isinstance(path, str | Path):
            raise ValueError("max_units needs a file name")
        if max_units is not None and str(path) == "-":
            raise ValueError("max_units needs a file name, not standard output")
        self.path, self.header, self.max_units = path, header, max_units
        self._names: list[str] = []
        self._removed: list[str] = []
        self._parts: _AtomicParts | None = None
        self._stack = ExitStack()

    @property
    def names(self) -> list[str]:
        """The files written ("-" for stdout); known once the block has ended."""
        return self._parts.names if self._parts is not None else self._names

    @property
    def removed(self) -> list[str]:
        """Parts of an earlier run this one did not replace, removed (see _AtomicParts)."""
        return self._parts.removed if self._parts is not None else self._removed

    def _remove_parts(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        """Once the output is written (the stack unwinds without error), its stale parts go
        with it (see :func:`when_committed`)."""
        stale = self._removed
        if kind is not None:
            stale.clear()
            return
        when_committed(lambda: _unlink_all(stale), lambda: stale.clear())

    def __enter__(self) -> TmxDocument:
        return self

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        self._stack.__exit__(kind, value, traceback)

    def write_all(self, tus: Iterable[etree._Element | bytes]) -> None:
        """Write every ``tu`` of ``tus`` (each written before the next is asked for); an
        item may be units already serialised (bytes, UTF-8), written as they are."""
        path = self.path
        if not isinstance(path, str | Path):
            self._write(tus, path)
            return
        name = str(path)
        if name == "-":
            with writing_stdout():
                stdout = binary_stdout()
                self._write(tus, stdout)
                stdout.flush()
            self._names.append(name)
        elif self.max_units is None:
            # A plain run is a run of one part: an earlier --max-units run's parts of this
            # output would count twice beside it (see _AtomicParts), so they go with it.
            self._removed = stale_parts(Path(path), [])
            self._stack.push(self._remove_parts)
            handle = self._stack.enter_context(atomic_output(path, "wb", compress=False))
            self._write_file(tus, handle, name)
            self._names.append(name)
        else:
            parts = self._parts = self._stack.enter_context(_AtomicParts(path))
            stream = iter(tus)
            while True:
                head = next(stream, None)
                if head is None and parts.temps:
                    break
                part = [head] if head is not None else []
                target, part_handle = parts.new()
                # a full disk names the part being written, as it names a memory of one
                # part; without it the error named no file at all
                with writing_to(part_names(target, len(parts.temps))[-1]), part_handle:
                    self._write_file(chain(part, islice(stream, self.max_units - 1)),
                                     part_handle, target)
                if head is None:
                    break

    def _write_file(self, tus: Iterable[etree._Element | bytes], handle: IO[bytes],
                    name: str) -> None:
        """Write to a file's handle, gzip-compressed when ``name`` ends in ``.gz``."""
        if not name.lower().endswith(".gz"):
            self._write(tus, handle)
            return
        # mtime 0 and no file name in the gzip header: the same TMX gives the same bytes
        with gzip.GzipFile(filename="", fileobj=handle, mode="wb", mtime=0) as packed:
            self._write(tus, packed)  # type: ignore[arg-type]

    def _write(self, tus: Iterable[etree._Element | bytes], handle: IO[bytes]) -> None:
        guarded = _Guarded(handle)
        with etree.xmlfile(guarded, encoding="UTF-8") as xf:
            xf.write_declaration()
            xf.write_doctype(DOCTYPE)
            with xf.element("tmx", version="1.4"):
                xf.write("\n")
                xf.write(without_outer_namespaces(self.header))
                xf.write("\n")
                with xf.element("body"):
                    xf.write("\n")
                    try:
                        for tu in tus:
                            if isinstance(tu, bytes):
                                xf.flush()  # what lxml holds goes first
                                guarded.write(tu)
                            else:
                                xf.write(without_outer_namespaces(tu))
                    except BaseException:
                        # lxml closes the open elements on the way out: a failed run on
                        # standard output must not end like a complete memory
                        guarded.failed = True
                        raise
                xf.write("\n")
        handle.write(b"\n")


class _Guarded:
    """A binary stream that swallows everything written once :attr:`failed` is set."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.failed = False

    def write(self, data: bytes) -> int:
        if self.failed:
            return len(data)
        return self.stream.write(data)

    def flush(self) -> None:
        if not self.failed:
            self.stream.flush()


def part_names(path: str | Path, count: int) -> list[str]:
    """The names :func:`write_tmx` gives ``count`` numbered parts of ``path``.

    >>> part_names("out/memory.tmx.gz", 2)
    ['out/memory-001.tmx.gz', 'out/memory-002.tmx.gz']
    """
    p = Path(path)
    stem, ext = _stem_and_ending(p)
    width = max(3, len(str(count)))
    return [str(p.with_name(f"{stem}-{i:0{width}d}{ext}")) for i in range(1, count + 1)]


def is_part_name(path: str | Path, file: str | Path) -> bool:
    """Whether ``file`` (its real location: symlinks resolved) is where one of the numbered
    parts of ``path`` goes (:func:`part_names`, whatever the count)."""
    target, real = Path(path), Path(file).resolve()
    stem, ext = _stem_and_ending(target)
    return (real.parent == target.parent.resolve()
            and re.fullmatch(re.escape(stem) + r"-\d{3,}" + re.escape(ext), real.name) is not None)


def _stem_and_ending(path: Path) -> tuple[str, str]:
    """``memory.tmx.gz`` -> ``("memory", ".tmx.gz")``: where a part's number goes, before
    the ending that says the format and the ``.gz`` after it (``memory.xml.gz`` gave
    ``memory.xml-001.gz``, a name that says neither TMX nor XML)."""
    name = path.name
    inner = Path(name[:-3]).suffix if name.lower().endswith(".gz") else ""
    if inner:
        return name[:-3 - len(inner)], name[-3 - len(inner):]
    if path.suffix:
        return name[: -len(path.suffix)], path.suffix
    return name, ""


class _AtomicParts:
    """Temporary files beside ``path``, renamed to numbered part names only when all are done.

    One at a time is open; a failure anywhere removes every temporary file, so either all
    parts of a run exist or none (an earlier run's files are only replaced on success).
    On success, the parts of an earlier run of the same output that this one did not write
    (``memory-004.tmx`` after a run of three parts) are removed and listed in
    :attr:`removed`: left in a CAT tool's TM folder beside the new parts, their units would
    count twice. Only names of the exact part pattern of ``path`` are touched.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.temps: list[str] = []
        self.names: list[str] = []
        self.removed: list[str] = []

    def __enter__(self) -> _AtomicParts:
        check_writable(self.path)
        return self

    def new(self) -> tuple[str, IO[bytes]]:
        # (the name goes into temps before the file exists, so that __exit__ removes it
        # whenever a signal comes)
        fd, _ = temp_beside(self.path, self.temps)
        return str(self.path), os.fdopen(fd, "wb")

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        if kind is None:
            self.names = part_names(self.path, len(self.temps))
            self.removed = self._stale()
            # with the other outputs of the run (see outputs_together), parts and all
            when_committed(self._commit, self._discard)
            return
        for tmp in self.temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


    def _commit(self) -> None:
        for tmp, final in zip(self.temps, self.names, strict=True):
            finish_part(tmp, final)
        _unlink_all(self.removed)

    def _discard(self) -> None:
        for tmp in self.temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self.removed = []

    def _stale(self) -> list[str]:
        """The parts of an earlier run of this output that this run does not replace, and
        the output itself as an earlier run without ``max_units`` wrote it (a run of one
        part, ``memory.tmx``): left beside ``memory-001.tmx``... in a CAT tool's TM folder,
        each of its units counted twice. Only a memory this tool wrote, not a link."""
        stale = stale_parts(self.path, self.names)
        if self.path.is_file() and not self.path.is_symlink() and _written_here(self.path):
            stale.insert(0, str(self.path))
        return stale


def _unlink_all(names: list[str]) -> None:
    for name in names:
        try:
            os.unlink(name)
        except FileNotFoundError:  # gone meanwhile: what was wanted
            pass


def stale_parts(path: Path, written: list[str]) -> list[str]:
    """The numbered parts of ``path`` (:func:`part_names`) in its directory, other than
    ``written``: an earlier run's, to go once this run's output is in place."""
    kept = {Path(name).name for name in written}
    directory = path.parent
    return sorted(str(directory / entry.name) for entry in os.scandir(directory)
                  if entry.name not in kept and not entry.is_dir()
                  and is_part_name(path, directory / entry.name)
                  and _written_here(directory / entry.name))


def _written_here(file: Path) -> bool:
    """Whether ``file`` is a TMX this tool wrote (its header names it the creation tool):
    only such a part is removed; a user's own ``memory-001.tmx`` beside ``memory.tmx`` is
    no part of ours, whatever its name."""
    try:
        with (gzip.open(file, "rb") if file.name.lower().endswith(".gz")
              else open(file, "rb")) as stream:
            head = stream.read(4096)
    except (OSError, EOFError):
        return False
    return f'creationtool="{CREATION_TOOL}"'.encode() in head


class _Speller:
    """Language codes as a profile spells them, each distinct code worked out once."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.cache: dict[str, str] = {}

    def __call__(self, code: str) -> str:
        spelled = self.cache.get(code)
        if spelled is None:
            spelled = self.cache[code] = lang_code(code, self.profile)
        return spelled


class _UnitSerialiser:
    """Turns each unit into its ``<tu>`` element (a reused template, see :class:`_Templates`)."""

    def __init__(self, date: str, counts: TmxCounts, spell: _Speller, profile: Profile,
                 segtype: str = "paragraph", srclang: str = "*all*") -> None:
        self.counts, self.spell, self.profile = counts, spell, profile
        self.segtype = segtype  # the header's
        self.srclang = srclang  # the header's, spelled
        self.holding: set[tuple[str, ...]] = set()  # the languages of units that hold it
        self.templates = _Templates(date)

    def check_source(self, langs: tuple[str, ...], tuid: str) -> None:
        """Refuse a unit none of whose languages is the header's ``srclang`` (by the rule
        ``validate`` applies, :func:`~tmx_export.lang.holds_source`): a script's
        ``write_tmx(pairs, path, srclang="fr-FR")`` of en-US -> fr-CA pairs wrote a TMX that
        ``validate`` refused unit by unit, and in which a CAT tool finds no source."""
        if self.srclang != "*all*" and not holds_source(
                [normalise_tag(lang) for lang in langs], self.srclang):
            raise ValueError(f"srclang {self.srclang!r} is none of the languages of unit "
                             f"{tuid} ({', '.join(langs)}): give one of them, or '*all*'")
        self.holding.add(langs)

    def __call__(self, pair: Pair | MultiUnit) -> etree._Element:
        counts, repairs, spell = self.counts, self.counts.repairs, self.spell
        counts.units += 1
        props = _props(pair, self.profile)
        notes = pair.notes
        if isinstance(pair, MultiUnit):
            langs = tuple(map(spell, pair.texts))
            texts = [(text, pair.markup.get(lang)) for lang, text in pair.texts.items()]
            metas: tuple[tuple[Meta, ...], ...] = _multi_metas(pair, self.profile)
        else:
            langs = (spell(pair.source_lang), spell(pair.target_lang))
            texts = [(pair.source, pair.source_markup), (pair.target, pair.target_markup)]
            metas = _tuv_metas(pair, self.profile)
        if langs not in self.holding:
            self.check_source(langs, pair.tuid if pair.tuid is not None else str(counts.units))
        attrs = _unit_attributes(pair, repairs)
        tu, prop_elements, note_elements, segs, meta_elements = self.templates.get(
            [name for name, _ in props], len(notes), langs,
            tuple(tuple((kind, name) for kind, name, _ in meta) for meta in metas),
            None if attrs is None else tuple(tuple(name for name, _ in each) for each in attrs))
        tu.set("tuid", pair.tuid if pair.tuid is not None else str(counts.units))
        if attrs is not None:
            for element, each in zip((tu, *(seg.getparent() for seg in segs)), attrs,
                                     strict=False):
                for name, value in each:
                    element.set(name, value)
        # a unit of another kind than the header says carries its own (TMX 1.4b lets a tu
        # override the header's segtype); templates are reused, so a stale one goes
        kind = getattr(pair, "segtype", None)
        if kind is not None and kind != self.segtype:
            tu.set("segtype", kind)
        else:
            tu.attrib.pop("segtype", None)
        _own_datatype(tu, pair.datatype, attrs)
        for element, (_, value) in zip(prop_elements, props, strict=True):
            element.text = sanitise_note(value, repairs)
        for element, value in zip(note_elements, notes, strict=True):
            element.text = sanitise_note(value, repairs)
        for element, (_, _, value) in zip(meta_elements, chain(*metas), strict=True):
            element.text = sanitise_note(value, repairs)
        for seg, (text, markup) in zip(segs, texts, strict=True):
            _fill(seg, text, markup, repairs)
        return tu


def _own_datatype(tu: etree._Element, datatype: str | None,
                  attrs: tuple[tuple[tuple[str, str], ...], ...] | None) -> None:
    """Put on ``tu`` the ``datatype`` its input gives its units where the header says
    another (a build of an HTML memory with an RTF one: ``html`` here), unless the unit's
    own ``tu`` stated one (``attrs``, as read, first the tu's); the template is reused,
    so one left by an earlier unit goes."""
    if attrs is not None and any(name == "datatype" for name, _ in attrs[0]):
        return
    if datatype is not None:
        tu.set("datatype", datatype)
    else:
        tu.attrib.pop("datatype", None)


def _unit_attributes(pair: Pair | MultiUnit, repairs: Counter[str]
                     ) -> tuple[tuple[tuple[str, str], ...], ...] | None:
    """The attributes a unit read from a TMX keeps: the tu's, then its source and target
    tuv's (:data:`TU_ATTRIBUTES`), dates in the TMX form (:func:`dates_in_tmx_form`);
    ``None`` for a unit tmx-export made itself, which gets the run's ``creationdate``
    instead. A multilingual unit's: its tu's, then each language's tuv's."""
    if isinstance(pair, MultiUnit):
        if pair.attrs is None:
            return None
        return tuple(dates_in_tmx_form(attrs, repairs)
                     for attrs in (pair.attrs, *(pair.tuv_attrs.get(lang, ())
                                                 for lang in pair.texts)))
    if not isinstance(pair, TmxPair):
        return None
    return tuple(dates_in_tmx_form(attrs, repairs)
                 for attrs in (pair.attrs, pair.source_attrs, pair.target_attrs))


def _fill(seg: etree._Element, text: str, markup: str | None, repairs: Counter[str]) -> None:
    """Put the unit's text, or its inline markup when it has some, into a template seg."""
    if len(seg):
        del seg[:]
    parsed = markup_seg(markup, repairs) if markup is not None else None
    if parsed is None:
        seg.text = text
        return
    _edges_as_in(parsed, text)
    seg.text = parsed.text
    seg.extend(list(parsed))


def _edges_as_in(seg: etree._Element, text: str) -> None:
    """The invisible characters at the edges of ``seg``'s markup made those of its
    sanitised ``text`` (:func:`tmx_export.clean.sanitise` removed a zero-width space or a
    direction mark there, and counted it): the unit is written as it was judged."""
    if seg.text:
        found, want = EDGE_START.match(seg.text), EDGE_START.match(text)
        if found is not None:
            seg.text = (want.group() if want else "") + seg.text[found.end():] or None
    last = seg[-1] if len(seg) else None
    end = last.tail if last is not None else seg.text
    if end:
        found, want = EDGE_END.search(end), EDGE_END.search(text)
        if found is not None:
            end = end[:found.start()] + (want.group() if want else "") or None
            if last is not None:
                last.tail = end
            else:
                seg.text = end


class _Templates:
    """Reusable ``<tu>`` elements, one per shape (prop names, notes and languages).

    Filling the texts of a ready ``<tu>`` and serialising it whole is three times faster
    than building each unit with nested ``xf.element()`` blocks, and gives the same bytes.
    Building ``<tuv>`` as elements also keeps ``xml:lang`` right: nested ``xf.element()``
    calls would put it under a made-up prefix (``ns0:lang``) that no TMX reader knows.
    """

    def __init__(self, date: str) -> None:
        self._date = date
        self._cache: dict[tuple[object, ...], tuple] = {}  # type: ignore[type-arg]

    def get(
        self, prop_names: list[str], notes: int, langs: tuple[str, ...],
        tuv_metas: tuple[tuple[tuple[str, str], ...], ...] = (),
        attr_names: tuple[tuple[str, ...], ...] | None = None,
    ) -> tuple[etree._Element, list[etree._Element], list[etree._Element],
               list[etree._Element], list[etree._Element]]:
        """A ``tu`` with these props and notes and a ``tuv`` per language of ``langs``
        (in order), its props, notes and ``seg`` elements to fill, and the props and notes
        of its tuvs (``tuv_metas``: per tuv, ``(kind, type)`` of each, in order; none
        where it ends early), to fill in that order. ``attr_names``: the attributes the
        caller sets on the tu, then on each tuv (every time: they stay in the template), for
        a unit read from a TMX, which has no ``creationdate`` but its own; ``None``: the
        run's ``creationdate``."""
        key = (*prop_names, notes, langs, tuv_metas, attr_names)
        template = self._cache.get(key)
        if template is None:
            if len(self._cache) > 256:  # pairs with ever-changing prop names
                self._cache.clear()
            tu = etree.Element("tu", tuid="0")
            if attr_names is None:
                tu.set("creationdate", self._date)
            tu.tail = "\n"
            props = [etree.SubElement(tu, "prop", type=name) for name in prop_names]
            note_elements = [etree.SubElement(tu, "note") for _ in range(notes)]
            tuvs = [etree.SubElement(tu, "tuv", {XML_LANG: lang}) for lang in langs]
            for element, names in zip((tu, *tuvs), attr_names or (), strict=False):
                for name in names:  # in the file's order, after tuid and xml:lang
                    element.set(name, "")
            # TMX 1.4b: a tuv's notes and props come before its seg
            metas = [etree.SubElement(tuv, kind, {"type": name} if kind == "prop" else {})
                     for tuv, meta in zip(tuvs, tuv_metas, strict=False) for kind, name in meta]
            segs = [etree.SubElement(tuv, "seg") for tuv in tuvs]
            template = self._cache[key] = (tu, props, note_elements, segs, metas)
        return template


def _props(pair: Pair | MultiUnit,
           profile: Profile = PROFILES["generic"]) -> list[tuple[str, str]]:
    """The ``<prop>``s of a unit: where it comes from, what the stages found (paragraph,
    alignment), then the pair's own props."""
    own = pair.props
    # a unit read from a memory that names its document (one this tool wrote) keeps it, as
    # it keeps its x-paragraph: the paragraph is that document's, not the memory's
    document = (own.get("x-document") if own else None) or pair.file
    props = [("x-document", document)] if document else []
    if pair.paragraph is not None:
        props.append(("x-paragraph", str(pair.paragraph)))
    elif own and "x-paragraph" in own:
        props.append(("x-paragraph", own["x-paragraph"]))
    elif pair.number is not None:
        printed = pair.printed_paragraph() if isinstance(pair, Pair) else pair.number
        props.append(("x-paragraph", str(printed)))
    written = _OWN_PROPS
    if pair.align is not None:
        props.append(("x-align", pair.align))
        written = written | {"x-align"}
    if pair.align_score is not None:
        props.append(("x-align-score", f"{pair.align_score:.2f}"))
        written = written | {"x-align-score"}
    file_tuid = getattr(pair, "file_tuid", None)
    if file_tuid is not None and file_tuid != pair.tuid and not (own and "x-tuid" in own):
        # numbered anew (tuids run on from 1): the file's own stays findable
        props.append(("x-tuid", file_tuid))
    if own:
        for name, value in own.items():
            if name in written:
                continue
            written_name = _own_prop_name(name, profile)
            if written_name is not None:
                props.append((written_name, str(value)))
    for name, value in getattr(pair, "extra_props", ()):  # a TMX tu's repeated prop types
        written_name = _own_prop_name(name, profile)
        if written_name is not None:
            props.append((written_name, value))
    return props


def _own_prop_name(name: str, profile: Profile) -> str | None:
    """The type an input's own prop is written under (``None``: the profile forbids it).

    TMX leaves prop types free, but OmegaT gives "file" a meaning that makes it ignore the
    unit; user-defined types carry the "x-" prefix by convention, so "file" is written as
    "x-file" and nothing is lost. A profile may still forbid some written types."""
    name = name if name.startswith("x-") else f"x-{name}"
    return name if keep_prop(name, profile) else None


def _tuv_metas(pair: Pair, profile: Profile) -> tuple[tuple[Meta, ...], ...]:
    """The props and notes a TMX input gave the pair's source and target ``tuv``, as they
    are written (prop types as :func:`_own_prop_name` gives them); ``()`` when none."""
    source, target = getattr(pair, "source_meta", ()), getattr(pair, "target_meta", ())
    if not source and not target:
        return ()
    return _written_meta(source, profile), _written_meta(target, profile)


def _multi_metas(unit: MultiUnit, profile: Profile) -> tuple[tuple[Meta, ...], ...]:
    """:func:`_tuv_metas` for a multilingual unit: each language's, in its order."""
    metas = [unit.tuv_meta.get(lang, ()) for lang in unit.texts]
    if not any(metas):
        return ()
    return tuple(_written_meta(meta, profile) for meta in metas)


def _written_meta(meta: tuple[Meta, ...], profile: Profile) -> tuple[Meta, ...]:
    written = []
    for kind, name, text in meta:
        if kind == "prop":
            name = _own_prop_name(name, profile) or ""
            if not name:
                continue
        written.append((kind, name, text))
    return tuple(written)


# --- reading ---------------------------------------------------------------------------

# The attributes of a tu and of a tuv (TMX 1.4b DTD) that a unit read from a TMX keeps when
# written again: CAT tools choose between conflicting matches by change dates and authors.
# Not the tuid (units are numbered anew; the file's goes to an x-tuid prop), the tu's
# srclang (the header's, in the direction asked, applies) or the tuv's language.
_DATES_AND_AUTHORS = frozenset({
    "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
    "creationtoolversion", "creationdate", "creationid", "changedate", "changeid", "o-tmf"})
TU_ATTRIBUTES = _DATES_AND_AUTHORS | {"segtype"}
TUV_ATTRIBUTES = _DATES_AND_AUTHORS

# Elements inside <seg> (and inside <hi>) whose content is the original document's
# formatting code, not translatable text. <sub> only occurs inside these.
INLINE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})

# Meta data kept for a tuv: ("prop", type, text) or ("note", "", text), in file order.
Meta = tuple[str, str, str]


@dataclass(slots=True)
class TmxPair(Pair):
    """A :class:`Pair` read from TMX, with what plain text cannot carry.

    The inline markup of each ``seg`` is in :attr:`Pair.source_markup`/``target_markup``,
    the ``tu``'s notes in :attr:`Pair.notes`; ``source_meta``/``target_meta`` the props and
    notes of the two chosen ``tuv``s; ``extra_props`` any ``tu`` prop whose type repeats
    (the first value of each type is in :attr:`Pair.props`). :attr:`Pair.tuid` is the
    file's own id.
    """

    source_meta: tuple[Meta, ...] = ()
    target_meta: tuple[Meta, ...] = ()
    extra_props: tuple[tuple[str, str], ...] = ()
    # the tu's and the two tuvs' attributes the writer keeps (:data:`TU_ATTRIBUTES`,
    # :data:`TUV_ATTRIBUTES`): dates, authors, usage, as the file gave them
    attrs: tuple[tuple[str, str], ...] = ()
    source_attrs: tuple[tuple[str, str], ...] = ()
    target_attrs: tuple[tuple[str, str], ...] = ()
    file_tuid: str | None = None  # the tu's own tuid, kept when the unit is numbered anew
    # a pair of the tu's further variants (:func:`iter_tmx`), after its first pair: the
    # run's account counts the tu once, not each of its pairs
    variant: bool = False


@dataclass(slots=True)
class Tuv:
    """One language variant of a unit: its language tag as written, text and markup."""

    lang: str
    text: str
    markup: str | None
    meta: tuple[Meta, ...] = ()
    segs: int = 1  # how many <seg> it holds: TMX allows exactly one
    attrs: tuple[tuple[str, str], ...] = ()  # those of TUV_ATTRIBUTES, in file order


@dataclass(slots=True)
class TmxUnit:
    """One ``tu`` with all its variants (for tools that need every language)."""

    line: int
    tuvs: list[Tuv]
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


# TMX 1.4b's native codes: what they hold is the original's formatting (and sub-flows),
# never the segment's text.
NATIVE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})
# The types TMX 1.4b gives a code standing for a break: line, page, column (``ph``'s
# ``type``; XLIFF's ``ctype="lb"``, which the XLIFF reader writes so)
BREAK_TYPES = frozenset({"lb", "pb", "cb"})
# What _append_text tracks after a dropped code: a break between two words is a space
_BREAK = 2


def seg_text(seg: etree._Element) -> str:
    """The text of a ``seg`` (or ``hi``) with inline codes removed and ``hi`` text kept.

    A code between two spaces ("Click <ph/> here") leaves one of them: the code stood
    between two words, and two spaces would read as a typing slip. A code glued to a word
    ("a<ph/>b") adds no space, and spaces of the text itself are all kept; but a code
    that says it is a break (``<ph type="lb"/>``, an HTML ``<br/>`` as Okapi and XLIFF
    write it) between two words is a space, as a line break in a segment is: "Line
    one<ph type="lb"/>line two" is "Line one line two", not "Line oneline two". An element
    TMX 1.4b does not know keeps its text as ``hi`` does: XLIFF's ``<g>`` or ``<mrk>``
    written into a TMX wraps words of the segment ("Press <g>the button</g>"), and the
    unit written without them must not lose those words; an empty one is a code."""
    if len(seg) == 0:
        return seg.text or ""
    parts: list[str] = []
    _append_text(seg, parts, code_before=False)
    return "".join(parts)


def _append_text(element: etree._Element, parts: list[str], code_before: int) -> int:
    """Append the text of ``element`` (a ``seg`` or ``hi``) to ``parts``, codes dropped;
    ``code_before``: whether a code was dropped since the last text (``_BREAK``: one a
    break, :data:`BREAK_TYPES`). Returns it after."""
    code_before = _append_piece(element.text or "", parts, code_before)
    for child in element:
        tag = child.tag
        if tag in NATIVE_CODES or not isinstance(tag, str) \
                or (tag != "hi" and not child.text and not len(child)):
            # a native code, or an empty element in its place: dropped
            broke = isinstance(tag, str) and child.get("type") in BREAK_TYPES
            code_before = _BREAK if broke or code_before == _BREAK else True
        else:  # hi, or an element TMX does not know wrapping text: the text is the segment's
            code_before = _append_text(child, parts, code_before)
        code_before = _append_piece(child.tail or "", parts, code_before)
    return code_before


def _append_piece(piece: str, parts: list[str], code_before: int) -> int:
    """Append ``piece``, less its first space when a dropped code sits between it and a
    space already there, after a space when a dropped break sits between it and a word
    (:func:`seg_text`); whether a code is still pending (``piece`` is empty)."""
    if not piece:
        return code_before
    if code_before and piece[0].isspace() and parts and parts[-1][-1:].isspace():
        piece = piece[1:]
    elif code_before == _BREAK and not piece[0].isspace() and parts \
            and not parts[-1][-1:].isspace():
        piece = " " + piece
    if piece:
        parts.append(piece)
    return False


def seg_markup(seg: etree._Element) -> str | None:
    """The inner XML of a ``seg`` with its inline elements, ``None`` when it has none."""
    if len(seg) == 0:
        return None
    # text escaped as lxml serialises it (& < >); xml.sax.saxutils would pull in urllib
    text = (seg.text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts = [text]
    parts.extend(etree.tostring(without_outer_namespaces(child), encoding="unicode",
                                with_tail=True) for child in seg)
    return "".join(parts)


def without_outer_namespaces(element: etree._Element) -> etree._Element:
    """``element`` to serialise on its own, without the namespaces declared around it.

    lxml writes an element with every namespace its ancestors declare (a root's
    ``xmlns:xsi``, ``xmlns:x``...), used or not: each ``tu`` of a merged memory, each code of
    a segment would carry them, attributes the TMX DTD does not declare. A copy keeps
    only the declarations its own names use (``element`` itself when none is in scope:
    the usual TMX, at no cost)."""
    if not element.nsmap:
        return element
    import copy

    return copy.deepcopy(element)


# Emptied elements left in the tree before they are deleted together (a few kilobytes).
_PRUNE_EVERY = 64


@dataclass(frozen=True, slots=True)
class TmxPart:
    """A run of a TMX file's units that can be read on its own (:func:`split_tmx`): the
    file's bytes from ``start`` to ``end`` (``None``: to the end of the file), after
    ``opening`` (for a part after the first: the file's XML declaration and its root and
    ``body`` start tags) and, for a part before the last, followed by the closing tags of
    ``body`` and the root."""

    start: int
    end: int | None
    opening: bytes = b""


# Below this size a file is read whole: a process costs more than reading half of it saves.
SPLIT_MIN_BYTES = 2_000_000
# How far past the middle a part may look for the end of a unit to start after.
_SPLIT_WINDOW = 1 << 20
# Encodings in which the bytes "</tu>" are those characters wherever they occur.
_SPLIT_ENCODINGS = lazy_pattern(r"utf-?8|us-ascii|ascii|iso-8859-\d+|latin-?1|windows-125\d",
                              re.IGNORECASE)
_UNIT_END = b"</tu>"
_PART_CLOSE = b"</body></tmx>"


def split_tmx(path: str | Path, parts: int, first_share: float | None = None
              ) -> list[TmxPart] | None:
    """``path`` cut into ``parts`` runs of units of about the same size (the first about
    ``first_share`` of the file when given, the others the same size), each read by
    :func:`iter_elements` on its own (in other processes), together the units of the file
    in order; ``None`` when the file is too small or cannot be cut safely (compressed, in
    UTF-16 or UTF-32, no root or ``body`` start tag in its first megabyte).

    A part ends after a ``</tu>``. Whether that end tag closes a unit of ``body`` (not text
    in a comment or CDATA section, not a nested element) is not known here: the part
    before the cut is well-formed, with the closing tags after it, only when it does. So a
    reader of the parts must read the file whole instead when any part fails (the error
    it then meets, if any, is the file's own, with its true line)."""
    p = Path(path)
    if parts < 2 or str(path) == "-" or not p.is_file():
        return None
    size = p.stat().st_size
    if size < SPLIT_MIN_BYTES:
        return None
    with open(p, "rb") as handle:
        head = handle.read(_SPLIT_WINDOW)
        opening = _part_opening(head)
        if opening is None:
            return None
        first = 1 / parts if first_share is None else first_share
        cuts = []
        for k in range(1, parts):
            near = int(size * (first + (1 - first) * (k - 1) / (parts - 1)))
            handle.seek(near)
            window = handle.read(_SPLIT_WINDOW)
            at = window.find(_UNIT_END)
            if at < 0:
                return None
            cuts.append(near + at + len(_UNIT_END))
    if cuts != sorted(set(cuts)):
        return None
    starts, ends = [0, *cuts], [*cuts, None]
    return [TmxPart(start, end, opening if start else b"")
            for start, end in zip(starts, ends, strict=True)]


def lines_before_offset(path: str | Path, offset: int) -> int:
    """The number of line breaks in the first ``offset`` bytes of ``path`` (what makes a
    line of a part of the file, :func:`split_tmx`, a line of the file): opened as the parts
    are read, so that a lone CR counts as the line end it is there."""
    seen = at = 0
    with open_xml(path) as handle:
        while at < offset:
            data = handle.read(min(1 << 20, offset - at))
            if not data:
                break
            seen += data.count(b"\n")
            at += len(data)
    return seen


def _part_opening(head: bytes) -> bytes | None:
    """The XML declaration of a file whose first bytes are ``head`` and its root and
    ``body`` start tags (namespace declarations and attributes as in the file), what puts
    a parser where it is at a unit of the file's body; ``None`` when the file is not one
    that can be cut by its bytes."""
    blank = tmx_namespace_blank(head)
    if blank is not None:  # the parts are read without it, as the file is (iter_elements)
        at, spaces = blank
        head = head[:at] + spaces + head[at + len(spaces):]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.lstrip().startswith(b"<"):
        return None  # UTF-16/32, compressed, or not XML
    declaration = b""
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        if end < 0:
            return None
        declaration = head[:end + 2]
        found = re.search(rb"""encoding\s*=\s*["']([^"']+)""", declaration)
        if found and not _SPLIT_ENCODINGS.fullmatch(found.group(1).decode("ascii", "replace")):
            return None
    root = body = None
    parser = etree.XMLPullParser(events=("start",), **SAFE_PARSER_OPTIONS)
    try:
        # fed a little at a time: what is wrong further on (the file's reader will say)
        # does not hide the start tags
        for at in range(0, len(head), 4096):
            parser.feed(head[at:at + 4096])
            for _event, elem in parser.read_events():
                if root is None:
                    root = elem
                elif elem.tag == "body" and elem.getparent() is root:
                    body = elem
                    break
            if body is not None:
                break
    except etree.XMLSyntaxError:
        return None  # not well-formed before body: read whole, the reader says why
    if root is None or body is None or root.tag != "tmx":
        return None
    own = {prefix: uri for prefix, uri in body.nsmap.items() if root.nsmap.get(prefix) != uri}
    tags = [etree.tostring(etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)),
            etree.tostring(etree.Element("body", dict(body.attrib), nsmap=own or None))]
    # b"<tmx .../>" -> b"<tmx ...>": start tags, serialised in ASCII (character references),
    # which reads the same in every encoding a file may be cut in
    return declaration + b"\n" + b"".join(tag[:-2] + b">" for tag in tags)


class _PartReader:
    """The bytes a parser reads for one :class:`TmxPart` of a file."""

    def __init__(self, handle: IO[bytes], part: TmxPart) -> None:
        self._handle = handle
        handle.seek(part.start)
        self._left = None if part.end is None else part.end - part.start
        self._pending = part.opening
        self._closing = _PART_CLOSE if part.end is not None else b""

    def read(self, size: int = -1) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        want = size if size and size > 0 else 1 << 16
        if self._left is not None:
            want = min(want, self._left)
        data = self._handle.read(want) if want else b""
        if self._left is not None:
            self._left -= len(data)
        if not data:
            data, self._closing = self._closing, b""
        return data


def iter_elements(path: str | Path, tags: tuple[str, ...] = ("tu",), *,
                  part: TmxPart | None = None, keep_tails: bool = False,
                  repairs: Counter[str] | None = None) -> Iterator[etree._Element]:
    """Stream the elements named ``tags`` of a TMX file (of ``part`` of it, when given:
    see :func:`split_tmx`), freeing each once consumed.

    An element is only valid until the next one is requested. With ``keep_tails``, the text
    after an element freed stays until the elements before the current one are: what
    ``validate`` reads to find text between two units. Raises :class:`InputError`
    for refused, missing, non-XML or non-TMX input. A root that declares the TMX namespace
    as its default (:func:`tmx_namespace_blank`) is read as the TMX it is. With
    ``repairs``, a reference to a control character (``&#xB;``, Word's manual line break
    as Trados exports it), which XML refuses, is read as the text it stands for and
    counted there (:func:`~.xml.control_refs_read`); without, the file is refused at it
    (what ``validate`` says: the file is not TMX).
    """
    name = input_name(path)
    with open_xml(path) as handle:
        head = handle.read(1 << 20)
        check_prolog(head, name)
    blank = tmx_namespace_blank(head)
    # a DOCTYPE naming a DTD (never read) would let an undefined entity through as a
    # reference node, which every reader of the text drops: blanked, it is the parse error
    # at its line it is in a file without one (doctype_external_id)
    external = doctype_external_id(head)
    with open_xml(path) as opened:
        source: IO[bytes] = opened if blank is None else BlankedReader(opened, *blank)  # type: ignore[assignment]
        if external is not None:
            source = BlankedReader(source, *external)  # type: ignore[assignment]
        handle = source if part is None else _PartReader(source, part)
        if repairs is not None:
            handle = control_refs_read(handle, head, repairs)  # type: ignore[arg-type]
        # in any namespace: TMX's (declared on a <body> or <tu>, or a prefixed root) is read
        # as TMX; another is refused rather than left unread (_as_tmx)
        context = etree.iterparse(
            handle,
            events=("end",),
            tag=tuple(f"{{*}}{tag}" for tag in tags),
            remove_comments=True,
            remove_pis=True,
            **SAFE_PARSER_OPTIONS,
        )
        checked = in_namespace = False
        etree.clear_error_log()  # what syntax_error reads is this parse's
        emptied = 0  # elements emptied under ``parent`` since it was last pruned
        parent = None
        try:
            for _event, elem in context:
                if not checked:
                    root = elem.getroottree().getroot()
                    _check_root(root, name)
                    # a file in TMX's namespace may declare it again inside (on a tuv, a
                    # code): its units are looked through (others cost nothing more)
                    in_namespace = blank is not None or root.tag != "tmx"
                    checked = True
                if in_namespace or elem.tag[0] == "{":
                    _as_tmx(elem, name)
                yield elem
                # Free what was read: the element's content at once, the emptied elements
                # before it (and anything else there) a batch at a time, which costs less
                # than a deletion for each.
                elem.clear(keep_tail=keep_tails)
                emptied += 1
                here = elem.getparent()
                if here is not parent or emptied == _PRUNE_EVERY:
                    if here is not None:
                        del here[:here.index(elem)]
                    parent, emptied = here, 0
        except etree.XMLSyntaxError as exc:
            raise syntax_error(name, exc) from None
        except (OSError, EOFError) as exc:
            raise InputError(name, f"cannot read: {exc}") from None
        if not checked:
            root = getattr(context, "root", None)
            if root is None:
                raise InputError(name, "empty file, not TMX")
            _check_root(root, name)


# The namespace TMX 1.4b names (its section 1.1: "http://www.lisa.org/tmx14"), and those
# of earlier versions: some tools declare it as the root's default namespace.
_TMX_NAMESPACE = lazy_pattern(r"http://www\.lisa\.org/tmx\d*/?")


def _as_tmx(elem: etree._Element, name: str) -> None:
    """``elem`` (a ``tu`` or ``header``) with the elements in it that are in TMX's
    namespace named as TMX's own, the declarations left unused dropped: what the readers,
    which know TMX's names, read. A ``tu`` or ``header`` in another namespace is refused:
    no TMX unit, and left unread it would be dropped unnoticed (0 units, "valid")."""
    tag = elem.tag
    if tag[0] == "{" and not _TMX_NAMESPACE.fullmatch(tag[1:tag.index("}")]):
        uri, local = tag[1:].split("}", 1)
        raise InputError(name, f"<{local}> in the namespace {uri}, not TMX's: not a TMX "
                         f"{'unit' if local == 'tu' else 'element'}", elem.sourceline)
    renamed = False
    for inner in elem.iter():
        tag = inner.tag
        if isinstance(tag, str) and tag[0] == "{":
            uri, local = tag[1:].split("}", 1)
            if _TMX_NAMESPACE.fullmatch(uri):
                inner.tag = local
                renamed = True
    if renamed:
        etree.cleanup_namespaces(elem)


def tmx_namespace_blank(head: bytes) -> tuple[int, bytes] | None:
    """Where the declaration of the TMX namespace as the default one is in a file that
    begins with ``head``, and the spaces that blank it out; ``None`` when it has none.

    TMX 1.4b names a namespace for TMX but its DTD declares none, and CAT tools write and
    read TMX without one, as this module does: the elements of a file that declares it
    (`<tmx xmlns="http://www.lisa.org/tmx14">`, as some tools write) are read as TMX's own
    by reading the file with that declaration blanked out, every line and byte offset kept.
    """
    found = root_default_namespace(head)
    if found is None or not _TMX_NAMESPACE.fullmatch(found[0]):
        return None
    return found[1], found[2]


def _check_root(root: etree._Element, name: str) -> None:
    if has_entity_declarations(root):
        raise InputError(name, "refused: the DOCTYPE declares entities")
    if root.tag != "tmx" and not (root.tag[0] == "{" and root.tag.endswith("}tmx")
                                  and _TMX_NAMESPACE.fullmatch(root.tag[1:-4])):
        raise InputError(name, f"not a TMX file (root element <{root.tag}>)", root.sourceline)


def unit_from_element(tu: etree._Element) -> TmxUnit:
    """A :class:`TmxUnit` from a parsed ``tu`` element."""
    unit = TmxUnit(line=tu.sourceline or 0, tuvs=[], attrs=dict(tu.attrib))
    for child in tu:
        tag = child.tag
        if tag == "tuv":
            unit.tuvs.append(_tuv(child))
        elif tag == "prop":
            unit.props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            unit.notes.append(child.text or "")
    return unit


def _tuv(tuv: etree._Element) -> Tuv:
    lang = tuv.get(XML_LANG) or tuv.get("lang") or ""  # (tuv_lang, inline: per tuv)
    text, markup, segs = "", None, 0
    meta: list[Meta] = []
    for child in tuv:
        tag = child.tag
        if tag == "seg":
            if not segs:
                text, markup = seg_text(child), seg_markup(child)
            segs += 1
        elif tag == "prop":
            meta.append(("prop", child.get("type", ""), child.text or ""))
        elif tag == "note":
            meta.append(("note", "", child.text or ""))
    attrs = kept_attributes(tuv, TUV_ATTRIBUTES)
    return Tuv(lang, text, markup, tuple(meta), segs, attrs)


def kept_attributes(element: etree._Element, names: frozenset[str]
                    ) -> tuple[tuple[str, str], ...]:
    """The attributes of ``element`` of ``names`` a TMX written again keeps, in file order
    (a ``segtype`` only when TMX knows it: the file would be invalid)."""
    if not element.attrib:
        return ()
    return tuple((name, value) for name, value in element.items()
                 if name in names and (name != "segtype" or value in SEGTYPES))


def iter_units(path: str | Path) -> Iterator[TmxUnit]:
    """Every ``tu`` of a TMX file with all its languages, streamed."""
    for tu in iter_elements(path):
        yield unit_from_element(tu)


def read_tmx_header(path: str | Path) -> dict[str, str]:
    """The attributes of the ``header`` (plus ``version`` of the root), read up to the body
    (a reference to a control character in the units after it is the readers' to count)."""
    for elem in iter_elements(path, ("header", "tu"), repairs=Counter()):
        if elem.tag == "header":
            attrs = dict(elem.attrib)
            root = elem.getroottree().getroot()
            attrs.setdefault("version", root.get("version", ""))
            return attrs
        break
    return {}


def iter_tmx(
    path: str | Path, *, source_lang: str, target_lang: str, claimed: Iterable[str] = (),
    relabelled: Counter[tuple[str, str]] | None = None,
    variants: Counter[str] | None = None, repairs: Counter[str] | None = None,
) -> Iterator[TmxPair | Reject]:
    """The pairs (and rejects) of a TMX file in ``source_lang`` -> ``target_lang``, streamed.

    The pairs carry the requested language codes, so that the rest of the pipeline (and
    the TMX written at the end) use one spelling whatever the input used.

    A ``tu`` with two tuvs of the best fit on one side (two French translations of one
    English source, "variants" in TMX's words) gives a pair for each: the first tuv of
    each side, then the first source with each further target, then each further source
    with the first target. Nothing a translator wrote is left out unsaid.

    ``claimed`` as for :class:`TuvRanker`. ``relabelled`` counts the texts (each side of
    each pair given) taken by their language part from a regional variant: ``(held,
    asked)``, ``("fr-CA", "fr-FR")``, so that the summary can say it. ``variants`` counts,
    by the language asked, the ``tu``s that gave competing pairs (fr-BE and fr-CH, both
    read as fr-FR), which the summary says too. ``repairs`` counts the references to
    control characters read as text (Word's manual line break, ``&#xB;``, a space): a
    file holding one is refused without it (see :func:`iter_elements`).

    The two languages are standard tags (``en_gb`` gives ``en-GB`` pairs, ``eng`` ``en``
    ones), and a ``ValueError`` before any reading when a tag names no known language or
    both name one (see :func:`~tmx_export.lang.standard_pair`).
    """
    source_lang, target_lang = standard_pair(
        source_lang, target_lang,
        "a memory needs two languages (or two regions, such as en-US -> en-GB)")
    return _iter_tmx(path, source_lang, target_lang, claimed, relabelled, variants, repairs)


def _iter_tmx(path: str | Path, source_lang: str, target_lang: str, claimed: Iterable[str],
              relabelled: Counter[tuple[str, str]] | None, variants: Counter[str] | None,
              repairs: Counter[str] | None = None) -> Iterator[TmxPair | Reject]:
    """:func:`iter_tmx` once its languages are checked."""
    name = input_name(path)
    rank = TuvRanker(source_lang, target_lang, claimed)
    for tu in iter_elements(path, repairs=repairs):
        # Hot path: look at the language of every tuv, parse only the chosen ones.
        props: dict[str, str] = {}
        extra: list[tuple[str, str]] = []
        notes: list[str] = []
        tuvs: list[etree._Element] = []
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                tuvs.append(child)
            elif tag == "prop":
                ptype = child.get("type", "")
                if ptype in props:
                    extra.append((ptype, child.text or ""))
                else:
                    props[ptype] = child.text or ""
            elif tag == "note":
                notes.append(child.text or "")
        src, src_rank, tgt, tgt_rank, alternatives, unlabelled = choose_tuvs(tuvs, rank)
        line = tu.sourceline or 0
        if _omegat_alternative(props):
            yield _alternative(name, line, tu, props)
            continue
        if unlabelled:
            yield _invalid(name, line, tu, "tuv without xml:lang")
            continue
        if src is None or tgt is None:
            yield _missing(name, line, tu, src is None, source_lang, target_lang, rank)
            continue
        s, t = _tuv(src), _tuv(tgt)
        attrs = kept_attributes(tu, TU_ATTRIBUTES)
        sides = [(s, t)]
        if alternatives:  # the first source with each further target, then the other way
            sides += [(s, _tuv(v)) for is_source, v in alternatives if not is_source]
            sides += [(_tuv(v), t) for is_source, v in alternatives if is_source]
        malformed = next((tuv for side in sides for tuv in side if tuv.segs != 1), None)
        if malformed is not None:
            # an empty tuv is no empty translation; of two segs, neither is sure to be the text
            yield _invalid(name, line, tu, f"tuv {malformed.lang} with {malformed.segs} seg "
                                           "elements (TMX allows one)")
            continue
        if relabelled is not None and 1 in (src_rank, tgt_rank):
            # every text given, a variant's too: the notice counts what is written
            _count_relabelled(relabelled, *_used_tuvs(sides, (source_lang, src_rank),
                                                      (target_lang, tgt_rank)))
        if variants is not None and alternatives:  # per side that has them
            variants.update({source_lang if is_source else target_lang
                             for is_source, _ in alternatives})
        segtype = tu.get("segtype")
        if segtype is not None and segtype not in SEGTYPES:
            segtype = _segtype_of(segtype)
        for at, (s, t) in enumerate(sides):
            yield TmxPair(
                source=s.text,
                target=t.text,
                source_lang=source_lang,
                target_lang=target_lang,
                file=name,
                line=line,
                props=dict(props) if at else props,
                source_markup=s.markup,
                target_markup=t.markup,
                notes=tuple(notes),
                source_meta=s.meta,
                target_meta=t.meta,
                extra_props=tuple(extra),
                tuid=tu.get("tuid"),
                segtype=segtype,
                attrs=attrs,
                source_attrs=s.attrs,
                target_attrs=t.attrs,
                file_tuid=tu.get("tuid"),
                variant=at > 0,
            )


def _segtype_of(written: str) -> str | None:
    """A ``tu``'s own segtype written otherwise than TMX spells it, read in any case
    ("Sentence"); ``None`` for no known kind."""
    kind = written.strip().lower()
    return kind if kind in SEGTYPES else None


def tuv_lang(tuv: etree._Element) -> str:
    """A ``tuv``'s language as written: ``xml:lang``, else TMX 1.1's ``lang``; "" without."""
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


class ChosenTuvs(NamedTuple):
    """The tuvs of one ``tu`` chosen for a language pair (:func:`choose_tuvs`)."""

    source: etree._Element | None
    source_rank: int
    target: etree._Element | None
    target_rank: int
    variants: list[tuple[bool, etree._Element]] | None  # (source side?, tuv), in file order
    unlabelled: bool  # a tuv without a language: it may be either side's


def choose_tuvs(tuvs: Iterable[etree._Element], rank: Callable[[str], tuple[int, int]]
                ) -> ChosenTuvs:
    """Which of a ``tu``'s ``tuvs`` is each side's, by ``rank`` (a :class:`TuvRanker`):
    the first tuv of the best fit wins each side, a tuv is used once, and the further
    tuvs of a side's best fit are its variants (each a pair of its own, see
    :func:`iter_tmx`). The one choice every reader of TMX units makes (the check's
    reader too), so that they all give the same units."""
    src = tgt = None
    src_rank = tgt_rank = 0
    variants: list[tuple[bool, etree._Element]] | None = None
    unlabelled = False
    for tuv in tuvs:
        lang = tuv.get(XML_LANG) or tuv.get("lang") or ""  # (tuv_lang, inline: per tuv)
        unlabelled = unlabelled or not lang
        s_rank, t_rank = rank(lang)
        if s_rank > src_rank:
            src, src_rank = tuv, s_rank
            variants = without_side(variants, True)
        elif s_rank and s_rank == src_rank:
            variants = (variants or []) + [(True, tuv)]
        elif t_rank > tgt_rank:
            tgt, tgt_rank = tuv, t_rank
            variants = without_side(variants, False)
        elif t_rank and t_rank == tgt_rank:
            variants = (variants or []) + [(False, tuv)]
    return ChosenTuvs(src, src_rank, tgt, tgt_rank, variants, unlabelled)


def without_side(variants: list[tuple[bool, etree._Element]] | None, source: bool
                 ) -> list[tuple[bool, etree._Element]] | None:
    """``variants`` (``(source side?, tuv)``) without those of the source side, or of the
    target side: a better fit for that side was found, so they are no longer its variants."""
    if not variants:
        return variants
    return [variant for variant in variants if variant[0] != source] or None


class TuvRanker:
    """How well a tuv's language tag fits each side: 2 exact tag, 1 primary subtag, 0 not.

    Cached per distinct tag: a file has few distinct spellings and millions of tuvs.
    When two languages asked share a primary subtag (en-US -> en-GB; or, with ``claimed``,
    the other languages of a multilingual run, fr-FR and fr-CA) only exact tags count for
    them: by the language part a text could be given to both, or the one the file holds
    for one of them to the other.
    """

    def __init__(self, source_lang: str, target_lang: str,
                 claimed: Iterable[str] = ()) -> None:
        self.source = _compared(source_lang)
        self.target = _compared(target_lang)
        asked = {comparable_tag(tag) for tag in (source_lang, target_lang, *claimed)}
        primaries = Counter(primary(tag) for tag in asked)
        # the primary subtags that only exact tags may fill
        self.exact_only = frozenset(part for part, count in primaries.items() if count > 1)
        self.cache: dict[str, tuple[int, int]] = {}

    def __call__(self, lang: str) -> tuple[int, int]:
        ranks = self.cache.get(lang)
        if ranks is None:
            ranks = self.cache[lang] = (self._fit(lang, self.source), self._fit(lang, self.target))
        return ranks

    def _fit(self, lang: str, wanted: tuple[str, str]) -> int:
        if not lang:
            return 0
        tag = comparable_tag(lang)
        if tag == wanted[0]:
            return 2
        # by the language part, but not across scripts (zh-Hans text is no zh-Hant text)
        return 1 if wanted[1] not in self.exact_only and primary(tag) == wanted[1] \
            and not scripts_differ(lang, wanted[0]) else 0


@lru_cache(maxsize=1024)
def comparable_tag(lang: str) -> str:
    """A tuv's language as :func:`normalise_tag` spells it for comparing, in its standard
    form first, as ``--source-lang`` and XLIFF files' codes are read: a three-letter code
    of a language that has a two-letter one (``eng``, ``fre-FR``, ``deu``: ``en``,
    ``fr-fr``, ``de``) and a withdrawn code (``iw-IL``, ``in``, ``ji``: ``he-il``, ``id``,
    ``yi``; Java before 17 wrote Hebrew ``iw``). Tools that write such codes into a TMX mean
    the language, and no unit of theirs would be found otherwise, whatever the options:
    ``--target-lang iw-IL`` is read as he-IL, and found none of a memory's ``iw-IL`` tuvs.
    A code that is no tag (DGT-TM's ``DA-01``, not looked up) or no known one as written."""
    tag = normalise_tag(lang)
    if parse_tag(tag) is None:
        return tag
    try:
        return normalise_tag(standard_tag(tag))
    except ValueError:
        return tag


def _compared(lang: str) -> tuple[str, str]:
    """A language asked, as :class:`TuvRanker` compares tuvs with it: its
    :func:`comparable_tag` and that tag's primary subtag (``iw-IL``: ``he-il``, ``he``)."""
    tag = comparable_tag(lang)
    return tag, primary(tag)


def _used_tuvs(sides: list[tuple[Tuv, Tuv]], source: tuple[str, int], target: tuple[str, int]
               ) -> Iterator[tuple[str, str, int]]:
    """The language of each tuv the pairs of a tu use, once, with the tag asked for its
    side and its rank (as :func:`_count_relabelled` takes them)."""
    seen: set[int] = set()
    for s, t in sides:
        for tuv, (asked, rank) in ((s, source), (t, target)):
            if id(tuv) not in seen:
                seen.add(id(tuv))
                yield tuv.lang, asked, rank


def _count_relabelled(relabelled: Counter[tuple[str, str]],
                      *sides: tuple[str, str, int]) -> None:
    """Count each side (``(tag held, tag asked, rank)``) taken by its language part from
    a tag with a region or other subtag: ``fr-CA`` read as ``fr-FR`` (``fr`` is not)."""
    for held, asked, rank in sides:
        if rank == 1:
            count_relabelled(relabelled, held, asked)


def _invalid(name: str, line: int, tu: etree._Element, why: str) -> Reject:
    """The reject for a unit TMX does not allow (``why``), with the text of every seg."""
    texts = (seg_text(seg) for tuv in tu if tuv.tag == "tuv" for seg in tuv if seg.tag == "seg")
    return Reject(name, line, "invalid-tuv", "\t".join(texts), detail=why)


# The props by which OmegaT ties a translation to one place of one source file. OmegaT 3.6
# takes a tu with a "file" prop for an alternative translation, used only at that place
# (ImportFromAutoTMX.isAltTranslation; the others only narrow the place). As a plain unit
# (its props renamed x-file, x-id, ...: no profile can write "file") it would compete with
# the default translation, and OmegaT would fill the segment with it.
OMEGAT_CONTEXT_PROPS = frozenset({"file", "id", "prev", "next", "path"})


def _omegat_alternative(props: dict[str, str]) -> bool:
    return "file" in props


def _alternative(name: str, line: int, tu: etree._Element, props: dict[str, str]) -> Reject:
    """The reject for an OmegaT alternative translation, naming its context."""
    texts = (seg_text(seg) for tuv in tu if tuv.tag == "tuv" for seg in tuv if seg.tag == "seg")
    context = ", ".join(f"{key}={props[key]}"
                        for key in sorted(OMEGAT_CONTEXT_PROPS & props.keys()))
    return Reject(name, line, "omegat-alternative", "\t".join(texts),
                  detail=f"OmegaT alternative translation, bound to one context ({context}); "
                  "written as a plain unit it would replace the default translation")


def _missing(name: str, line: int, tu: etree._Element, no_source: bool,
             source_lang: str, target_lang: str, rank: TuvRanker) -> Reject:
    tuvs = [_tuv(child) for child in tu if child.tag == "tuv"]
    present = ", ".join(tuv.lang or "?" for tuv in tuvs) or "none"
    side, missing = ("source", source_lang) if no_source else ("target", target_lang)
    found = next((tuv.text for tuv in tuvs if max(rank(tuv.lang)) > 0), "")
    return Reject(name, line, f"missing-{side}-language",
                  f"no {missing} tuv (languages: {present}): {found}",
                  tuple(tuv.lang for tuv in tuvs if tuv.lang))


def held_languages(path: str | Path, sample: int = 50) -> set[str]:
    """The languages (normalised tags) of the first ``sample`` units of a TMX: more than two
    in a multilingual memory (DGT-TM's hold 24), from which a run whose user named no
    language takes the default pair."""
    held: set[str] = set()
    # a reference to a control character is counted by the reading of the units, not here
    for count, elem in enumerate(iter_elements(path, ("tu",), repairs=Counter()), 1):
        held.update(map(comparable_tag, _tuv_tags(elem)))
        if count >= sample:
            break
    return held


def _tuv_tags(tu: etree._Element) -> Iterator[str]:
    """The language tag of each ``<tuv>`` of ``tu`` that names one, as written."""
    for child in tu:
        lang = child.get(XML_LANG) or child.get("lang") if child.tag == "tuv" else None
        if lang:
            yield lang


def declared_languages(path: str | Path, sample: int = 50) -> tuple[str, str] | None:
    """The (source, target) a bilingual TMX holds, as it spells them: its header's
    ``srclang`` and the one other language of its first ``sample`` units. ``None`` when
    the header names no source (or ``*all*``), or the units hold other than two
    languages (a multilingual memory says no pair)."""
    srclang = ""
    spellings: dict[str, str] = {}  # comparable tag -> its first spelling
    # a reference to a control character is counted by the reading of the units, not here
    for count, elem in enumerate(iter_elements(path, ("header", "tu"), repairs=Counter())):
        if elem.tag == "header":
            srclang = elem.get("srclang") or ""
            continue
        for lang in _tuv_tags(elem):
            spellings.setdefault(comparable_tag(lang), lang)
        if count >= sample or len(spellings) > 2:
            break
    if len(spellings) != 2 or not srclang or srclang == "*all*":
        return None
    declared = comparable_tag(srclang)
    source = spellings.get(declared)
    if source is None:  # "EN-US" in the header, "en" in the tuvs: by the language alone
        same = [tag for key, tag in spellings.items() if primary(key) == primary(declared)]
        source = same[0] if len(same) == 1 else None
    if source is None:
        return None
    return source, next(tag for tag in spellings.values() if tag is not source)


def read_tmx(path: str | Path, *, source_lang: str, target_lang: str,
             claimed: Iterable[str] = ()) -> ReadResult:
    """All pairs and rejects of a TMX file (see :func:`iter_tmx` for streaming)."""
    result = ReadResult()
    for item in iter_tmx(path, source_lang=source_lang, target_lang=target_lang,
                         claimed=claimed, repairs=result.repairs):
        if isinstance(item, Reject):
            result.rejects.append(item)
        else:
            result.pairs.append(item)
    return result
