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
untrusted: entity declarations are refused (see :mod:`tmx_export.xmlsafe`) and the parser
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
  spelled as the chosen CAT tool profile wants it (:mod:`tmx_export.profiles`);
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
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain, islice
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from lxml import etree

from .. import __version__
from ..errors import InputError
from ..model import Pair, ReadResult, Reject
from ..profiles import PROFILES, Profile, get_profile, keep_prop, lang_code
from ..textio import atomic_output
from ..xmlsafe import SAFE_PARSER_OPTIONS, check_prolog, has_entity_declarations, open_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATION_TOOL = "tmx-export"

# Told of each pair the writer leaves out, with the reason ("empty" or "duplicate").
SkipHandler = Callable[[Pair, str], None]

# TMX 1.4b's segtype values; the header states which kind of unit the file holds.
SEGTYPES = ("block", "paragraph", "sentence", "phrase")

# Props the writer sets itself; a pair's own props of these names are not repeated.
_OWN_PROPS = frozenset({"x-document", "x-paragraph", "tuid"})

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A line break with the white space around it; inside a segment it becomes one space.
_LINE_BREAK = re.compile(r"\s*[\n\r\x85\u2028\u2029]\s*")


@dataclass(slots=True)
class TmxCounts:
    """What :func:`write_tmx` wrote and what it left out."""

    units: int = 0  # <tu> elements written
    duplicates: int = 0  # exact duplicate pairs not written again
    empty: int = 0  # pairs with a side left empty after cleaning, not written
    repairs: Counter[str] = field(default_factory=Counter)  # characters changed, by kind
    files: list[str] = field(default_factory=list)  # the files written ("-" for stdout)


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


def _is_clean(text: str) -> bool:
    # The fast path for the usual text: isprintable() is False for every character the
    # repairs touch (controls, line separators, surrogates, non-characters); a text with
    # outer white space is longer than its strip().
    return text.isprintable() and len(text) == len(text.strip())


def clean_segment(text: str, repairs: Counter[str]) -> str:
    """``text`` as a ``<seg>`` may hold it: no XML-illegal characters, no line breaks, no padding.

    Each kind of change is counted in ``repairs`` (outer white space is not: it is never
    part of a segment a CAT tool makes).
    """
    if _is_clean(text):
        return text
    text, removed = _XML_ILLEGAL.subn("", text)
    if removed:
        repairs["XML-illegal characters removed"] += removed
    text, joined = _LINE_BREAK.subn(" ", text)
    if joined:
        repairs["line breaks in a segment replaced by a space"] += joined
    return text.strip()


# The elements TMX 1.4b allows inside <seg> (and, for sub, inside them): markup with
# anything else (TMX 1.1's <ut> is still 1.4b; <g>/<x> from XLIFF are not) is written as
# plain text rather than as a file the DTD refuses.
INLINE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "hi", "ut", "sub"})
_MARKUP_PARSER = etree.XMLParser(**SAFE_PARSER_OPTIONS)


def markup_seg(markup: str, repairs: Counter[str]) -> etree._Element | None:
    """The ``<seg>`` element for the inner XML ``markup``, or ``None`` to write plain text.

    The markup is parsed, never pasted into the output, so a broken or hostile string can
    only fall back to the plain text. Line breaks in the text between codes become spaces
    as in :func:`clean_segment`; the content of native codes is left exactly as it was.
    """
    try:
        seg = etree.fromstring(f"<seg>{markup}</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError:
        repairs["inline codes not well-formed, written as plain text"] += 1
        return None
    if any(not isinstance(el.tag, str) or el.tag not in INLINE_ELEMENTS
           for el in seg.iterdescendants()):
        repairs["inline codes not TMX 1.4b, written as plain text"] += 1
        return None
    for element in (seg, *seg.iter("hi")):
        if element.text and not element.text.isprintable():
            element.text = _LINE_BREAK.sub(" ", element.text)
        for child in element:
            if child.tail and not child.tail.isprintable():
                child.tail = _LINE_BREAK.sub(" ", child.tail)
    if seg.text:
        seg.text = seg.text.lstrip() or None
    if len(seg) and seg[-1].tail:
        seg[-1].tail = seg[-1].tail.rstrip() or None
    return seg


class _Fingerprints:
    """A set of 64-bit fingerprints of the pairs already written, in one flat array.

    A Python set of (source, target) tuples would keep every text alive (~300 bytes a pair)
    and even a set of ints costs ~80 bytes an entry; this open-addressing table costs 8 to
    16 bytes a pair, so deduplicating a million units stays under 20 MB. The fingerprint is
    Python's 64-bit hash of the pair: the chance of two different pairs colliding in a run
    of a million is about 1e-8.
    """

    def __init__(self) -> None:
        self._table = array("q", bytes(8 * 1024))
        self._mask = 1023
        self._used = 0

    def add(self, fingerprint: int) -> bool:
        """Add ``fingerprint``; ``False`` if it was already there."""
        fingerprint = fingerprint or 1  # 0 marks an empty slot
        table, mask = self._table, self._mask
        slot = fingerprint & mask
        while True:
            held = table[slot]
            if held == fingerprint:
                return False
            if held == 0:
                table[slot] = fingerprint
                self._used += 1
                if self._used * 2 > mask:
                    self._grow()
                return True
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        old = self._table
        self._mask = mask = self._mask * 2 + 1
        self._table = table = array("q", bytes(8 * (mask + 1)))
        for fingerprint in old:
            if fingerprint:
                slot = fingerprint & mask
                while table[slot]:
                    slot = (slot + 1) & mask
                table[slot] = fingerprint


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

    ``path`` is a file name (written atomically: a failed run leaves no file; a name
    ending in ``.gz`` is gzip-compressed), ``"-"`` for standard output, or an open binary
    file. ``srclang`` defaults to the first pair's source language. ``segtype`` must say
    what the units are (``paragraph``, ``sentence``, ``phrase`` for clauses). Units get
    consecutive ``tuid``s from 1 in the order given; a pair whose two texts (and inline
    codes) equal an earlier pair's is not written again unless ``keep_duplicates``.
    ``on_skip(pair, reason)`` hears of each pair left out (see :func:`select_units`).

    ``profile`` (a name of :data:`tmx_export.profiles.PROFILES` or a :class:`Profile`)
    sets the spelling of language codes, header attributes and props never to write;
    ``ValueError`` if a language code does not suit it. With ``max_units``, the units go
    to numbered files of at most that many units each (``memory-001.tmx``,
    ``memory-002.tmx``..., see :func:`part_names`), ``tuid``s running on across them;
    ``counts.files`` lists them. All of them are renamed into place at the end, together.
    """
    if segtype not in SEGTYPES:
        raise ValueError(f"unknown segtype {segtype!r}; expected one of {', '.join(SEGTYPES)}")
    if max_units is not None and max_units < 1:
        raise ValueError("max_units must be at least 1")
    chosen = get_profile(profile) if isinstance(profile, str) else profile
    spell = _Speller(chosen)
    stream = iter(pairs)
    first = next(stream, None)
    if srclang is None:
        srclang = first.source_lang if first is not None else "*all*"
    units: Iterator[Pair] = stream if first is None else chain((first,), stream)
    header = {
        "creationtool": CREATION_TOOL,
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": segtype,
        "o-tmf": CREATION_TOOL,
        "adminlang": adminlang,
        "srclang": srclang if srclang == "*all*" else spell(srclang),
        "creationdate": tmx_timestamp(creationdate),
    }
    header.update(chosen.header)
    counts = TmxCounts()
    selected = select_units(units, counts, keep_duplicates=keep_duplicates, on_skip=on_skip)
    writer = _Writer(header, counts, spell, chosen)
    if not isinstance(path, str | Path):
        if max_units is not None:
            raise ValueError("max_units needs a file name")
        writer.write(selected, path)
        return counts
    name = str(path)
    if name == "-":
        if max_units is not None:
            raise ValueError("max_units needs a file name, not standard output")
        writer.write(selected, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        counts.files.append(name)
    elif max_units is None:
        with atomic_output(path, "wb") as handle:
            writer.write_file(selected, handle, name)
        counts.files.append(name)
    else:
        with _AtomicParts(path) as parts:
            while True:
                head = next(selected, None)
                if head is None and parts.names:
                    break
                part = [head] if head is not None else []
                target, handle = parts.new()
                with handle:
                    writer.write_file(chain(part, islice(selected, max_units - 1)),
                                      handle, target)
                if head is None:
                    break
        counts.files.extend(parts.names)
    return counts


def part_names(path: str | Path, count: int) -> list[str]:
    """The names :func:`write_tmx` gives ``count`` numbered parts of ``path``.

    >>> part_names("out/memory.tmx.gz", 2)
    ['out/memory-001.tmx.gz', 'out/memory-002.tmx.gz']
    """
    p = Path(path)
    name = p.name
    lower = name.lower()
    if lower.endswith(".tmx.gz"):
        stem, ext = name[:-7], name[-7:]
    elif p.suffix:
        stem, ext = name[: -len(p.suffix)], p.suffix
    else:
        stem, ext = name, ""
    width = max(3, len(str(count)))
    return [str(p.with_name(f"{stem}-{i:0{width}d}{ext}")) for i in range(1, count + 1)]


class _AtomicParts:
    """Temporary files beside ``path``, renamed to numbered part names only when all are done.

    One at a time is open; a failure anywhere removes every temporary file, so either all
    parts of a run exist or none (an earlier run's files are only replaced on success).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.temps: list[str] = []
        self.names: list[str] = []

    def __enter__(self) -> _AtomicParts:
        directory = self.path.parent if str(self.path.parent) else Path(".")
        if not directory.is_dir():
            raise InputError(str(self.path), "cannot write: the directory does not exist")
        self.directory = directory
        return self

    def new(self) -> tuple[str, IO[bytes]]:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                       dir=self.directory)
        except OSError as exc:
            raise InputError(str(self.path), f"cannot write: {exc.strerror}") from None
        self.temps.append(tmp)
        self.names.append("")  # named once the count is known
        return str(self.path), os.fdopen(fd, "wb")

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        if kind is None:
            self.names = part_names(self.path, len(self.temps))
            for tmp, final in zip(self.temps, self.names, strict=True):
                os.chmod(tmp, 0o644)
                os.replace(tmp, final)
            return
        for tmp in self.temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def select_units(
    pairs: Iterable[Pair],
    counts: TmxCounts,
    *,
    keep_duplicates: bool = False,
    on_skip: SkipHandler | None = None,
) -> Iterator[tuple[Pair, str, str]]:
    """The pairs that become units, with their cleaned texts, as :func:`write_tmx` writes them.

    After each yield ``counts.units`` is the unit's ``tuid``. A pair with a side empty
    after cleaning is skipped with the reason ``"empty"``, an exact duplicate of an earlier
    unit (same texts and inline codes) with ``"duplicate"`` (unless ``keep_duplicates``).
    Shared with the pipeline so that units read for other uses carry the same ``tuid`` as
    in the TMX.
    """
    seen = None if keep_duplicates else _Fingerprints()
    repairs = counts.repairs
    for pair in pairs:
        source, target = pair.source, pair.target
        if not _is_clean(source):
            source = clean_segment(source, repairs)
        if not _is_clean(target):
            target = clean_segment(target, repairs)
        if not source or not target:
            counts.empty += 1
            if on_skip is not None:
                on_skip(pair, "empty")
            continue
        if seen is not None:
            markup = pair.source_markup, pair.target_markup
            key = (source, target) if markup == (None, None) else (source, target, *markup)
            if not seen.add(hash(key)):
                counts.duplicates += 1
                if on_skip is not None:
                    on_skip(pair, "duplicate")
                continue
        counts.units += 1
        yield pair, source, target


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


class _Writer:
    """Serialises selected units into one TMX document per call."""

    def __init__(self, header: dict[str, str], counts: TmxCounts, spell: _Speller,
                 profile: Profile) -> None:
        self.header, self.counts, self.spell, self.profile = header, counts, spell, profile
        self.templates = _Templates(header["creationdate"])

    def write_file(self, units: Iterator[tuple[Pair, str, str]], handle: IO[bytes],
                   name: str) -> None:
        """Write to a file's handle, gzip-compressed when ``name`` ends in ``.gz``."""
        if not name.lower().endswith(".gz"):
            self.write(units, handle)
            return
        # mtime 0 and no file name in the gzip header: the same TMX gives the same bytes
        with gzip.GzipFile(filename="", fileobj=handle, mode="wb", mtime=0) as packed:
            self.write(units, packed)  # type: ignore[arg-type]

    def write(self, units: Iterator[tuple[Pair, str, str]], handle: IO[bytes]) -> None:
        counts, repairs, spell = self.counts, self.counts.repairs, self.spell
        with etree.xmlfile(handle, encoding="UTF-8") as xf:
            xf.write_declaration()
            xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
            with xf.element("tmx", version="1.4"):
                xf.write("\n")
                xf.write(etree.Element("header", self.header))
                xf.write("\n")
                with xf.element("body"):
                    xf.write("\n")
                    for pair, source, target in units:
                        props = _props(pair, self.profile)
                        notes = getattr(pair, "notes", ())
                        tu, prop_elements, note_elements, source_seg, target_seg = \
                            self.templates.get([name for name, _ in props], len(notes),
                                               spell(pair.source_lang), spell(pair.target_lang))
                        tu.set("tuid", str(counts.units))
                        for element, (_, value) in zip(prop_elements, props, strict=True):
                            element.text = value if _is_clean(value) else \
                                clean_segment(value, repairs)
                        for element, value in zip(note_elements, notes, strict=True):
                            element.text = value if _is_clean(value) else \
                                clean_segment(value, repairs)
                        _fill(source_seg, source, pair.source_markup, repairs)
                        _fill(target_seg, target, pair.target_markup, repairs)
                        xf.write(tu)
                xf.write("\n")
        handle.write(b"\n")


def _fill(seg: etree._Element, text: str, markup: str | None, repairs: Counter[str]) -> None:
    """Put the unit's text, or its inline markup when it has some, into a template seg."""
    if len(seg):
        del seg[:]
    parsed = markup_seg(markup, repairs) if markup is not None else None
    if parsed is None:
        seg.text = text
        return
    seg.text = parsed.text
    seg.extend(list(parsed))


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
        self, prop_names: list[str], notes: int, source_lang: str, target_lang: str
    ) -> tuple[etree._Element, list[etree._Element], list[etree._Element],
               etree._Element, etree._Element]:
        key = (*prop_names, notes, source_lang, target_lang)
        template = self._cache.get(key)
        if template is None:
            if len(self._cache) > 256:  # pairs with ever-changing prop names
                self._cache.clear()
            tu = etree.Element("tu", tuid="0", creationdate=self._date)
            tu.tail = "\n"
            props = [etree.SubElement(tu, "prop", type=name) for name in prop_names]
            note_elements = [etree.SubElement(tu, "note") for _ in range(notes)]
            segs = [
                etree.SubElement(etree.SubElement(tu, "tuv", {XML_LANG: lang}), "seg")
                for lang in (source_lang, target_lang)
            ]
            template = self._cache[key] = (tu, props, note_elements, segs[0], segs[1])
        return template


def _props(pair: Pair, profile: Profile = PROFILES["generic"]) -> list[tuple[str, str]]:
    """The ``<prop>``s of a unit: where it comes from, then the pair's own props."""
    props = [("x-document", pair.file)] if pair.file else []
    own = pair.props
    paragraph = own.get("x-paragraph") if own else None
    if paragraph is None and pair.number is not None:
        paragraph = str(pair.number)
    if paragraph is not None:
        props.append(("x-paragraph", paragraph))
    if own:
        for name, value in own.items():
            if name in _OWN_PROPS:
                continue
            # TMX leaves prop types free, but OmegaT gives "file" a meaning that makes it
            # ignore the unit; user-defined types carry the "x-" prefix by convention, so
            # "file" is written as "x-file" and nothing is lost. A profile may still forbid
            # some written types.
            written = name if name.startswith("x-") else f"x-{name}"
            if keep_prop(written, profile):
                props.append((written, str(value)))
    return props


# --- reading ---------------------------------------------------------------------------

# Elements inside <seg> (and inside <hi>) whose content is the original document's
# formatting code, not translatable text. <sub> only occurs inside these.
INLINE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})

# Meta data kept for a tuv: ("prop", type, text) or ("note", "", text), in file order.
Meta = tuple[str, str, str]


@dataclass(slots=True)
class TmxPair(Pair):
    """A :class:`Pair` read from TMX, with what plain text cannot carry.

    The inline markup of each ``seg`` is in :attr:`Pair.source_markup`/``target_markup``.
    ``notes`` are the ``tu``'s notes; ``source_meta``/``target_meta`` the props and notes of
    the two chosen ``tuv``s; ``extra_props`` any ``tu`` prop whose type repeats (the first
    value of each type is in :attr:`Pair.props`). ``tuid`` is the file's own id.
    """

    notes: tuple[str, ...] = ()
    source_meta: tuple[Meta, ...] = ()
    target_meta: tuple[Meta, ...] = ()
    extra_props: tuple[tuple[str, str], ...] = ()
    tuid: str | None = None


@dataclass(slots=True)
class Tuv:
    """One language variant of a unit: its language tag as written, text and markup."""

    lang: str
    text: str
    markup: str | None
    meta: tuple[Meta, ...] = ()
    has_seg: bool = True


@dataclass(slots=True)
class TmxUnit:
    """One ``tu`` with all its variants (for tools that need every language)."""

    line: int
    tuvs: list[Tuv]
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


def primary_subtag(tag: str) -> str:
    """``"EN-GB"`` -> ``"en"``, ``"pt_BR"`` -> ``"pt"`` (the part OmegaT matches on too)."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def normalise_tag(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


def seg_text(seg: etree._Element) -> str:
    """The text of a ``seg`` (or ``hi``) with inline codes removed and ``hi`` text kept."""
    if len(seg) == 0:
        return seg.text or ""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag == "hi":
            parts.append(seg_text(child))
        # Anything else is native code (bpt, ept, it, ph, ut, unknown elements): skipped.
        parts.append(child.tail or "")
    return "".join(parts)


def seg_markup(seg: etree._Element) -> str | None:
    """The inner XML of a ``seg`` with its inline elements, ``None`` when it has none."""
    if len(seg) == 0:
        return None
    parts = [escape(seg.text or "")]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in seg)
    return "".join(parts)


def iter_elements(path: str | Path, tags: tuple[str, ...] = ("tu",)) -> Iterator[etree._Element]:
    """Stream the elements named ``tags`` of a TMX file, freeing each once consumed.

    An element is only valid until the next one is requested. Raises :class:`InputError`
    for refused, missing, non-XML or non-TMX input.
    """
    name = str(path)
    with open_xml(path) as handle:
        head = handle.read(1 << 20)
        check_prolog(head, name)
    with open_xml(path) as handle:
        context = etree.iterparse(
            handle,
            events=("end",),
            tag=tags,
            remove_comments=True,
            remove_pis=True,
            **SAFE_PARSER_OPTIONS,
        )
        checked = False
        try:
            for _event, elem in context:
                if not checked:
                    _check_root(elem.getroottree().getroot(), name)
                    checked = True
                yield elem
                # Free what was read: the element itself and anything before it.
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise InputError(name, f"not well-formed XML: {_syntax_message(exc)}",
                             exc.lineno or None) from None
        except (OSError, EOFError) as exc:
            raise InputError(name, f"cannot read: {exc}") from None
        if not checked:
            root = getattr(context, "root", None)
            if root is None:
                raise InputError(name, "empty file, not TMX")
            _check_root(root, name)


def _check_root(root: etree._Element, name: str) -> None:
    if has_entity_declarations(root):
        raise InputError(name, "refused: the DOCTYPE declares entities")
    if root.tag != "tmx":
        raise InputError(name, f"not a TMX file (root element <{root.tag}>)", root.sourceline)


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    return re.sub(r",? ?\(?line \d+,? column \d+\)?$", "", str(exc.msg or exc)).strip()


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
    lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
    text, markup, has_seg = "", None, False
    meta: list[Meta] = []
    for child in tuv:
        tag = child.tag
        if tag == "seg":
            text, markup, has_seg = seg_text(child), seg_markup(child), True
        elif tag == "prop":
            meta.append(("prop", child.get("type", ""), child.text or ""))
        elif tag == "note":
            meta.append(("note", "", child.text or ""))
    return Tuv(lang, text, markup, tuple(meta), has_seg)


def iter_units(path: str | Path) -> Iterator[TmxUnit]:
    """Every ``tu`` of a TMX file with all its languages, streamed."""
    for tu in iter_elements(path):
        yield unit_from_element(tu)


def read_tmx_header(path: str | Path) -> dict[str, str]:
    """The attributes of the ``header`` (plus ``version`` of the root), read up to the body."""
    for elem in iter_elements(path, ("header", "tu")):
        if elem.tag == "header":
            attrs = dict(elem.attrib)
            root = elem.getroottree().getroot()
            attrs.setdefault("version", root.get("version", ""))
            return attrs
        break
    return {}


def iter_tmx(
    path: str | Path, *, source_lang: str, target_lang: str
) -> Iterator[TmxPair | Reject]:
    """The pairs (and rejects) of a TMX file in ``source_lang`` -> ``target_lang``, streamed.

    The pairs carry the requested language codes, so that the rest of the pipeline (and
    the TMX written at the end) use one spelling whatever the input used.
    """
    name = str(path)
    rank = _Ranker(source_lang, target_lang)
    for tu in iter_elements(path):
        # Hot path: look at the language of every tuv, parse only the two chosen ones.
        src = tgt = None
        src_rank = tgt_rank = 0
        props: dict[str, str] = {}
        extra: list[tuple[str, str]] = []
        notes: list[str] = []
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                s_rank, t_rank = rank(child.get(XML_LANG) or child.get("lang") or "")
                # The first tuv of the best fit wins each side; a tuv is used once.
                if s_rank > src_rank:
                    src, src_rank = child, s_rank
                elif t_rank > tgt_rank:
                    tgt, tgt_rank = child, t_rank
            elif tag == "prop":
                ptype = child.get("type", "")
                if ptype in props:
                    extra.append((ptype, child.text or ""))
                else:
                    props[ptype] = child.text or ""
            elif tag == "note":
                notes.append(child.text or "")
        line = tu.sourceline or 0
        if src is None or tgt is None:
            yield _missing(name, line, tu, src is None, source_lang, target_lang)
            continue
        s, t = _tuv(src), _tuv(tgt)
        yield TmxPair(
            source=s.text,
            target=t.text,
            source_lang=source_lang,
            target_lang=target_lang,
            file=name,
            line=line,
            props=props,
            source_markup=s.markup,
            target_markup=t.markup,
            notes=tuple(notes),
            source_meta=s.meta,
            target_meta=t.meta,
            extra_props=tuple(extra),
            tuid=tu.get("tuid"),
        )


class _Ranker:
    """How well a tuv's language tag fits each side: 2 exact tag, 1 primary subtag, 0 not.

    Cached per distinct tag: a file has few distinct spellings and millions of tuvs.
    When both sides share a primary subtag (en-US -> en-GB) only exact tags count.
    """

    def __init__(self, source_lang: str, target_lang: str) -> None:
        self.source = (normalise_tag(source_lang), primary_subtag(source_lang))
        self.target = (normalise_tag(target_lang), primary_subtag(target_lang))
        self.exact_only = self.source[1] == self.target[1]
        self.cache: dict[str, tuple[int, int]] = {}

    def __call__(self, lang: str) -> tuple[int, int]:
        ranks = self.cache.get(lang)
        if ranks is None:
            ranks = self.cache[lang] = (self._fit(lang, self.source), self._fit(lang, self.target))
        return ranks

    def _fit(self, lang: str, wanted: tuple[str, str]) -> int:
        if not lang:
            return 0
        if normalise_tag(lang) == wanted[0]:
            return 2
        return 1 if not self.exact_only and primary_subtag(lang) == wanted[1] else 0


def _missing(name: str, line: int, tu: etree._Element, no_source: bool,
             source_lang: str, target_lang: str) -> Reject:
    tuvs = [_tuv(child) for child in tu if child.tag == "tuv"]
    present = ", ".join(tuv.lang or "?" for tuv in tuvs) or "none"
    side, missing = ("source", source_lang) if no_source else ("target", target_lang)
    rank = _Ranker(source_lang, target_lang)
    found = next((tuv.text for tuv in tuvs if max(rank(tuv.lang)) > 0), "")
    return Reject(name, line, f"missing-{side}-language",
                  f"no {missing} tuv (languages: {present}): {found}")


def read_tmx(path: str | Path, *, source_lang: str, target_lang: str) -> ReadResult:
    """All pairs and rejects of a TMX file (see :func:`iter_tmx` for streaming)."""
    result = ReadResult()
    for item in iter_tmx(path, source_lang=source_lang, target_lang=target_lang):
        if isinstance(item, Reject):
            result.rejects.append(item)
        else:
            result.pairs.append(item)
    return result
