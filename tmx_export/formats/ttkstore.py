"""XLIFF 1.2, XLIFF 2.x and PO files, read through translate-toolkit's storage classes.

translate-toolkit knows these formats and their quirks (PO plurals and escapes, XLIFF
states, ``<g>``/``<x/>`` codes); this module only turns its units into pairs:

- header units (the PO header) are skipped; obsolete PO entries (``#~``), whose source
  text is gone from the program, are rejected as ``obsolete`` (counted, not written: what
  a memory offers should match a text still in use);
- a unit without a translation is rejected as ``untranslated`` (for ``check``, with
  ``untranslated``, it is a pair with an empty target); a fuzzy one (PO
  ``#, fuzzy``, XLIFF ``needs-*`` states) as ``fuzzy`` unless ``include_fuzzy``: a TM should
  hold translations someone stands by;
- an XLIFF unit marked ``translate="no"`` (or in a group or file so marked) is rejected as
  ``not-translatable``: a target it has is the source copied;
- the unit's context (PO ``msgctxt``) is kept as the prop ``x-context``;
- a PO plural entry gives a pair per form (:func:`_forms`, prop ``x-plural-form``);
- a segmented XLIFF 1.2 trans-unit (``<mrk mtype="seg">``) a pair per segment
  (:func:`_segments`), as an XLIFF 2 unit gives one per ``<segment>``;
- Trados tracked changes are read accepted: deleted text (``x-sdl-deleted``) left out;
- XLIFF files that declare the opposite direction (``fr`` -> ``en`` when asked for
  ``en`` -> ``fr``) are read with their sides swapped; a file in other languages is an error;
  an XLIFF 1.2 file bundling ``<file>``s of several pairs of languages is read unit by unit,
  each as its own ``<file>`` says, those in other languages rejected (``other-languages``).

The storage class is chosen by content, as :func:`tmx_export.inputs.detect_format` does:
XML (or a file named ``.xlf``/``.xliff``/``.sdlxliff``/``.mqxliff``/``.mxliff``) is XLIFF,
1.2 or 2.x as the file says (the two share ``.xlf``); anything else is PO. translate-toolkit
parses XML itself and expands the internal entities of a DTD into unit text, so it is never
given the file: it gets the bytes :func:`tmx_export.formats.xml.read_checked` read and
checked (prolog scan, then a full safe parse with no entity declarations), the one safe path
of every XML input.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..lang import (
    count_relabelled,
    file_direction,
    normalise_tag,
    primary,
    standard_tag,
    tag_script,
)
from ..model import Pair, ReadResult, Reject
from .text import input_name, readable_file
from .xml import decode_head, open_xml, read_checked, read_head

# (XLIFF's own version attribute, after a space: Phrase's MXLIFF is XLIFF 1.2 with
# m:version="2.0" on its root, and was refused as an XLIFF 2 file)
_XLIFF2 = re.compile(r"urn:oasis:names:tc:xliff:document:2\.|<xliff\b[^>]*\sversion\s*=\s*[\"']2\.")
TTK_FORMATS = ("xliff", "po")
_XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_ttk(
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str,
    include_fuzzy: bool = False,
    untranslated: bool = False,
    claimed: Iterable[str] = (),
) -> ReadResult:
    """Pairs from an XLIFF or PO file (see the module documentation); with
    ``untranslated``, an entry with a source and no target is a pair with an empty target
    (for checking), not a reject. ``claimed`` as for :func:`file_direction`."""
    claimed = tuple(claimed)
    result = ReadResult()
    name, store, store_class, data = _parse(path, result.repairs)

    # XLIFF 1.2 may bundle <file>s in several pairs of languages, and a unit's <target>
    # may say its own: then each unit goes by its own languages, and the units of a pair
    # other than the one asked for are rejects
    files = _xliff_files(store)
    unit_langs = _unit_languages(store, files)
    said = list(dict.fromkeys(unit_langs.values())) or list(dict.fromkeys(files.values()))
    directions: dict[tuple[str, str], str] = {}
    if len(said) > 1:
        directions = {langs: "unsaid" if _unsure_in_bundle(langs, said) else
                      file_direction(*langs, source_lang, target_lang, claimed)
                      for langs in said}
        if all(d == "other" for d in directions.values()):
            raise InputError(name, f"the file is in {_languages_said(store, *said[0])}, "
                                   f"not {source_lang} -> {target_lang}")
        swapped = False
    else:
        swapped = _check_languages(store, name, source_lang, target_lang, claimed,
                                   said[0] if said else None)
    po_lines = _po_entry_lines(data) if store_class.__name__ == "pofile" else None
    # (an XLIFF file po2xliff wrote keeps the PO header, and its plural groups)
    plurals = _plural_rule(store)
    obsolete_lines = _po_entry_lines(data, b"#~ ") if po_lines is not None else None
    # a PO file's msgstr language (its Language header, gettext's fr_BE read as fr-BE), so
    # that a regional variant read as the tag asked is said, as an XLIFF file's is
    po_langs = ("", _as_option(_lang(store, "gettargetlanguage")) if po_lines is not None
                else "")
    entry = obsolete = 0
    for unit in store.units:
        if getattr(unit, "isobsolete", lambda: False)():
            line = _unit_line(unit, obsolete_lines, obsolete)
            obsolete += 1
            result.reject(Reject(name, line, "obsolete", "\t".join(_forms(unit)[0])))
            continue
        line = _unit_line(unit, po_lines, entry)
        entry += 1
        if unit.isheader():
            continue
        context = unit.getcontext() if hasattr(unit, "getcontext") else ""
        langs = unit_langs.get(getattr(unit, "xmlelement", None), po_langs)
        direction = directions.get(langs, "same") if directions else \
            ("swapped" if swapped else "same")
        if direction == "other":
            src, tgt = langs
            # its languages: a run in several (build --langs) knows it read it in theirs
            result.reject(Reject(name, line, "other-languages",
                                 f"{src} -> {tgt}: " + "\t".join(_forms(unit)[0]), (src, tgt)))
            continue
        if direction == "unsaid":
            src, tgt = langs
            result.reject(Reject(
                name, line, "other-languages",
                f"{src or 'source-language not declared'} -> "
                f"{tgt or 'target-language not declared'}: " + "\t".join(_forms(unit)[0]),
                detail="its <file> leaves a language unsaid, in a bundle of "
                       + ", ".join(sorted({t for pair in said for t in pair if t}))))
            continue
        if _not_translatable(unit):
            # its target, when it has one, is the source copied: no one's translation, and
            # check would report it as untranslated (or its absence as an empty target)
            source, target = _forms(unit)[0]
            result.reject(Reject(name, line, "not-translatable",
                                 f"{source}\t{target}" if target else source))
            continue
        segments = _segments(unit)
        if isinstance(segments, str):  # segmented on both sides, but not alike: unsure
            result.reject(Reject(name, line, "segment-mismatch", segments))
            continue
        reading = _Reading(name, line, source_lang, target_lang, direction == "swapped",
                           untranslated, str(context or ""), _notes(unit))
        try:
            pieces = segments or _whole(unit, plurals)
        except MissingData as exc:
            result.reject(Reject(name, line, "missing-original-data",
                                 "\t".join(_forms(unit)[0]), detail=str(exc)))
            continue
        # a draft by the unit's status, or (a Trados segment) by its segment's own
        unit_draft = _draft(unit, None, include_fuzzy)
        for piece in pieces:
            draft = unit_draft if piece.mid is None else _draft(unit, piece.mid, include_fuzzy)
            if not reading.add(piece, result, draft):
                continue
            if segments is None and piece.form is None:
                _count_code_points(unit, result)
                _count_collapsed_spaces(unit, result)
            _count_variants(result, langs[::-1] if direction == "swapped" else langs,
                            (source_lang, target_lang))
    return result


def _not_translatable(unit) -> bool:  # type: ignore[no-untyped-def]
    """Whether an XLIFF unit is marked not to be translated: ``translate="no"`` on its
    ``trans-unit`` (XLIFF 1.2) or ``unit`` (2.x), or inherited from the nearest
    ``group`` or ``file`` that says it."""
    element = getattr(unit, "xmlelement", None)
    if element is None:
        return False
    for ancestor in (element, *element.iterancestors()):
        said = ancestor.get("translate")
        if said is not None:
            return said.strip() == "no"
    return False


def _unsure_in_bundle(langs: tuple[str, str], said: list[tuple[str, str]]) -> bool:
    """Whether a unit of an XLIFF bundle whose ``<file>`` leaves a side's language unsaid
    (XLIFF 1.2 makes ``target-language`` optional) cannot be placed: the languages the
    bundle names (``said``), but the unit's own, leave that side more than one. A German
    file without ``target-language`` beside a French and a German one was read as the
    French asked; beside French ones only, French is all it can be."""
    if all(langs):
        return False
    named = {primary(tag) for pair in said for tag in pair if tag}
    return len(named - {primary(tag) for tag in langs if tag}) > 1


def _count_code_points(unit, result: ReadResult) -> None:  # type: ignore[no-untyped-def]
    """Count XLIFF 2's ``<cp/>`` of a unit as removed XML-illegal characters, as a table's
    are (the summary says it): ``<cp>`` stands for a character XML cannot hold, and
    translate-toolkit leaves it out of the text."""
    for dom in (getattr(unit, "source_dom", None), getattr(unit, "target_dom", None)):
        if dom is not None:
            removed = sum(1 for element in dom.iter()
                          if isinstance(element.tag, str) and _local(element.tag) == "cp")
            if removed:
                result.repairs["XML-illegal characters removed"] += removed


def _count_variants(result: ReadResult, held: tuple[str, str], asked: tuple[str, str]
                    ) -> None:
    """Count each side of a pair read from a regional variant as the tag asked (de-AT as
    de-DE; a bare de is no variant), as :func:`~tmx_export.formats.tmx.iter_tmx` counts
    TMX input's, for the summary."""
    for tag, wanted in zip(held, asked, strict=True):
        if tag and normalise_tag(tag) != normalise_tag(wanted):  # taken by its language part
            count_relabelled(result.relabelled, tag, wanted)


@dataclass
class _Piece:
    """What one unit is read from: the text of a whole XLIFF/PO unit, of one of its PO
    plural forms (``form``), or of one of its XLIFF 1.2 segments (``line``: its own;
    ``mid``: its ``<mrk mid>``, which a Trados ``<sdl:seg id>`` gives its status by)."""

    source: str
    target: str
    markups: tuple[str | None, str | None] = (None, None)
    form: int | None = None
    line: int | None = None
    mid: str | None = None


@dataclass
class _Reading:
    """How the pieces of one unit are read: where from, in which direction, and whether
    untranslated pieces are pairs (whether a piece is a draft to reject is the piece's:
    a Trados segment has its own status)."""

    name: str
    line: int
    source_lang: str
    target_lang: str
    swapped: bool
    untranslated: bool
    context: str
    notes: tuple[str, ...] = ()

    def add(self, piece: _Piece, result: ReadResult, draft: str | None) -> bool:
        """The piece as a pair, or as a reject (untranslated; ``draft``: the reason to
        reject a draft, ``fuzzy`` or ``rejected``) with its reason; whether it made a
        pair."""
        source, target = piece.source, piece.target
        source_markup, target_markup = piece.markups
        if self.swapped:
            source, target = target, source
            source_markup, target_markup = target_markup, source_markup
        line = piece.line or self.line
        if not source.strip() and not target.strip():
            # a unit of inline codes alone (a Word run's <x/>) or of spaces: no text to
            # match, but a unit read, as a TMX tu of empty segs is (the run's account)
            result.reject(Reject(self.name, line, "empty-side", f"{source}\t{target}"))
            return False
        if not source.strip() or not (target.strip() or self.untranslated):
            result.reject(Reject(self.name, line, "untranslated", source or target))
            return False
        if draft and target.strip():  # (not yet translated, it is no draft)
            result.reject(Reject(self.name, line, draft, f"{source}\t{target}"))
            return False
        pair = Pair(source=source, target=target, source_lang=self.source_lang,
                    target_lang=self.target_lang, file=self.name, line=line,
                    source_markup=source_markup, target_markup=target_markup,
                    notes=self.notes)
        if self.context:
            pair.props["x-context"] = self.context
        if piece.form is not None:
            pair.props["x-plural-form"] = str(piece.form)
        result.pairs.append(pair)
        return True


def _notes(unit) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """A unit's notes, each as the file writes it, for the ``tu``'s ``<note>``s: an XLIFF
    1.2 trans-unit's ``<note>``s, an XLIFF 2 unit's (those of its ``<notes>``, the same for
    each of its segments), a PO entry's translator comments (``#``) and its extracted ones
    (``#.``), a note each. A reviewer's "Checked against the Official Journal" or a
    developer's "%s is the country" is context a translator reads beside a match; it was
    dropped."""
    element = getattr(unit, "xmlelement", None)
    if element is None:  # PO: the translator's comments, then the extracted ones
        if not hasattr(unit, "getnotes"):
            return ()
        try:
            texts = [unit.getnotes(origin) for origin in ("translator", "developer")]
        except ValueError:  # a store whose notes have no origins
            texts = [unit.getnotes()]
        return tuple(text.strip() for text in texts if text.strip())
    if _local(element.tag) == "segment":  # XLIFF 2: the unit's <notes> hold them
        element = element.getparent()
        holders = [child for child in element if isinstance(child.tag, str)
                   and _local(child.tag) == "notes"] if element is not None else []
    else:
        holders = [element]
    return tuple(text for holder in holders for child in holder
                 if isinstance(child.tag, str) and _local(child.tag) == "note"
                 and (text := "".join(child.itertext()).strip()))


def _whole(unit, plurals: _Plurals) -> list[_Piece]:  # type: ignore[no-untyped-def]
    """The pieces of a unit read whole: the unit, or each of its PO plural forms."""
    forms = _forms(unit, plurals)
    if len(forms) > 1:  # (a PO entry holds no inline codes)
        return [_Piece(source, target, form=form) for form, (source, target) in enumerate(forms)]
    (source, target), = forms
    element = getattr(unit, "xmlelement", None)
    if element is not None and any(_is_deleted(mark) or _is_code(mark)
                                   or _break_type(mark) is not None for mark in element.iter()):
        # translate-toolkit's text keeps a tracked deletion and a code's native data
        # ("Click here<br/> now"), and drops a break: the text of a unit is its words, the
        # codes apart
        source, target = (_plain(side) if side is not None else "" for side in
                          (unit.source_dom, unit.target_dom))
    return [_Piece(source, target, inline_markups(unit))]


# Segmented XLIFF 1.2 (Trados's sdlxliff, Okapi): the CAT tool cut each trans-unit into
# segments, <mrk mtype="seg" mid="..."> in <seg-source> and in <target>, matched by mid.
# Its segments are its units (as XLIFF 2's <segment>s, which translate-toolkit gives one by
# one): the trans-unit whole pairs a source of several sentences with a target that may
# translate only some of them.


def _segments(unit) -> list[_Piece] | str | None:  # type: ignore[no-untyped-def]
    """The segments of a segmented XLIFF 1.2 trans-unit, in the source's order; ``None``
    for a unit to read whole (not segmented, or with a target that is not: the CAT tool
    translated it whole); a message saying why when the two sides' ``mid``s differ."""
    element = getattr(unit, "xmlelement", None)
    seg_source = _xliff_child(element, "seg-source") if element is not None else None
    sources = _segment_marks(seg_source)
    targets = _segment_marks(_xliff_child(element, "target")) if sources else []
    if not targets:
        return None
    source_mids = [mark.get("mid", "") for mark in sources]
    target_mids = [mark.get("mid", "") for mark in targets]
    if sorted(source_mids) != sorted(target_mids) or len(set(source_mids)) < len(sources):
        return (f"source segments mid {', '.join(source_mids)}; target segments mid "
                f"{', '.join(target_mids)}: " + "\t".join(_forms(unit)[0]))
    by_mid = dict(zip(target_mids, targets, strict=True))
    return [_segment(mark, by_mid[mid]) for mid, mark in zip(source_mids, sources, strict=True)]


def _segment(source, target) -> _Piece:  # type: ignore[no-untyped-def]
    """The piece of one source segment and its target: their text without the spaces
    around it (written between segments, they belong to neither)."""
    markups: tuple[str | None, str | None] = (None, None)
    if len(source) or len(target):  # inline elements: one numbering of codes for both
        numbers: dict[str, str] = {}
        markups = (_markup(source, numbers).strip(), _markup(target, numbers).strip())
    return _Piece(_plain(source), _plain(target), markups, line=source.sourceline,
                  mid=source.get("mid", ""))


def _plain(element) -> str:  # type: ignore[no-untyped-def]
    """An element's text, as translate-toolkit gives a unit's: its spaces collapsed unless
    ``xml:space="preserve"`` is on it or above it; without the spaces around it. A break
    code between two words is a space (:func:`_break_type`)."""
    text = "".join(_accepted_text(element))
    if _BREAK_MARK in text:
        text = _BREAK_BETWEEN_WORDS.sub(" ", text).replace(_BREAK_MARK, "")
    if _space_of(element) == "preserve":
        return text.strip()
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" \t\r\n")


def _space_of(element) -> str:  # type: ignore[no-untyped-def]
    """The ``xml:space`` an element's text is in: its own, or the nearest ancestor's."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor.get(_XML_SPACE) is not None:
            return str(ancestor.get(_XML_SPACE))
    return "default"


SPACES_COLLAPSED = ('tabs and carriage returns in XLIFF text read as spaces '
                    '(no xml:space="preserve")')


def _count_collapsed_spaces(unit, result: ReadResult) -> None:  # type: ignore[no-untyped-def]
    """Count the tabs and carriage returns (``&#13;``: a file's own line ends are read as
    LF) inside an XLIFF unit's text that its white space rule turned into spaces: the same
    text from PO or TMX keeps them, so the summary says it (the line breaks of a pretty-
    printed file are no one's text, and go unsaid)."""
    for dom in (getattr(unit, "source_dom", None), getattr(unit, "target_dom", None)):
        if dom is None or _space_of(dom) == "preserve":
            continue
        inner = "".join(_accepted_text(dom)).strip(" \t\r\n")
        collapsed = inner.count("\t") + inner.count("\r")
        if collapsed:
            result.repairs[SPACES_COLLAPSED] += collapsed


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Trados tracked changes: a reviewer's deletion, whose text is left out, as accepting the
# change would (an insertion, x-sdl-added, keeps its text, as any other mrk)
_DELETED = "x-sdl-deleted"


def _is_deleted(element) -> bool:  # type: ignore[no-untyped-def]
    return isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == "mrk" \
        and element.get("mtype") == _DELETED


# XLIFF 1.2 codes that hold native code (the markup of the original file, "<b>"), not
# text: a unit's plain text leaves them out, as TMX's does its codes (formats.tmx.seg_text)
_NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it"})


def _is_code(element) -> bool:  # type: ignore[no-untyped-def]
    return isinstance(element.tag, str) and \
        element.tag.rsplit("}", 1)[-1] in _NATIVE_CODES


def _accepted_text(element) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The text in an element, without that of tracked deletions and of codes' native data
    (nor comments). A code between two words stands for no space: the spaces around it
    are the text's (collapsed by :func:`_plain`); but for a break (:func:`_break_type`),
    given as :data:`_BREAK_MARK` for :func:`_plain` to make a space of."""
    yield element.text or ""
    for child in element:
        if _break_type(child) is not None:
            yield _BREAK_MARK
        elif isinstance(child.tag, str) and not _is_deleted(child) and not _is_code(child):
            yield from _accepted_text(child)
        yield child.tail or ""


# A break code in a unit's text (NUL: no XML text holds it), and the breaks between two
# words, which are a space
_BREAK_MARK = "\x00"
_BREAK_BETWEEN_WORDS = re.compile(r"(?<=[^\s\x00])\x00+(?=[^\s\x00])")
# XLIFF's names of a line or page break: 1.2's ctype, 2.0's subType
_BREAKS = {"lb": "lb", "pb": "pb", "xlf:lb": "lb", "xlf:pb": "pb"}


def _break_type(element) -> str | None:  # type: ignore[no-untyped-def]
    """The TMX type (``lb``, ``pb``) of a standalone XLIFF code that stands for a line or
    page break (1.2's ``<x ctype="lb"/>`` or ``<ph ctype="lb">``, as Okapi writes an HTML
    ``<br/>``; 2.0's ``<ph subType="xlf:lb"/>``), else ``None``. Its plain text is a
    space between two words ("Line one<x ctype="lb"/>line two" read "Line oneline two"),
    and its TMX code keeps the type (:data:`~tmx_export.formats.tmx.BREAK_TYPES`)."""
    if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] not in _STANDALONE:
        return None
    return _BREAKS.get(element.get("ctype") or element.get("subType") or "")


def _xliff_child(element, local: str):  # type: ignore[no-untyped-def]
    """The first child element of ``element`` named ``local`` (any namespace), or None."""
    if element is None:
        return None
    for child in element:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == local:
            return child
    return None


def _segment_marks(element) -> list:  # type: ignore[no-untyped-def]
    """The ``<mrk mtype="seg">`` elements in ``element`` (inside its codes too), in order."""
    if element is None:
        return []
    return [mark for mark in element.iterdescendants()
            if isinstance(mark.tag, str) and mark.tag.rsplit("}", 1)[-1] == "mrk"
            and mark.get("mtype") == "seg"]


# XLIFF inline elements (1.2 and 2.0, by local name) as TMX 1.4b inline codes, so that a
# memory built from XLIFF keeps its tags (a CAT tool matches them) and ``check`` can compare
# them (tag-mismatch): paired codes around text become bpt/ept, standalone ones ph, codes
# whose partner is elsewhere it; XLIFF 1.2's own bpt/ept/ph/it carry their native code,
# with its sub-flows (sub: translatable text inside a code, an image's alt text) as TMX's
# sub, which TMX 1.4b allows there; markers (mrk) keep only their text, tracked deletions
# none.
_PAIRED = frozenset({"g", "pc"})
_STANDALONE = frozenset({"x", "ph"})
_BEGIN, _END = frozenset({"bx", "sc"}), frozenset({"ex", "ec"})
_NATIVE = frozenset({"bpt", "ept"})


def inline_markups(unit) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """The TMX inline markup of an XLIFF unit's source and target (``None`` for a side
    without inline elements, or a unit that is no XLIFF one). One numbering of the codes
    serves both sides, so the same XLIFF code is the same TMX code on each."""
    source, target = getattr(unit, "source_dom", None), getattr(unit, "target_dom", None)
    if (source is None or not len(source)) and (target is None or not len(target)):
        return None, None
    numbers: dict[str, str] = {}
    data = _original_data(source if source is not None else target)
    return (_markup(source, numbers, data) if source is not None else None,
            _markup(target, numbers, data) if target is not None else None)


class MissingData(ValueError):
    """An XLIFF 2 code names original data its unit does not have (the message says which)."""


def _original_data(side) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """XLIFF 2's native codes of the unit a ``source`` or ``target`` is in: the text of
    each ``<data>`` of its ``<originalData>`` by id ("d1": "<b>"), which its codes name
    (``dataRef``, ``dataRefStart``, ``dataRefEnd``). Empty for XLIFF 1.2 and for a unit
    without them. A ``<cp hex="..."/>`` in them stands for a character XML cannot hold:
    left out, as in the text."""
    segment = side.getparent()
    unit = segment.getparent() if segment is not None else None
    original = _xliff_child(unit, "originalData")
    if original is None:
        return {}
    return {data.get("id", ""): "".join(data.itertext()) for data in original
            if isinstance(data.tag, str) and _local(data.tag) == "data"}


def _markup(element, numbers: dict[str, str],  # type: ignore[no-untyped-def]
            data: dict[str, str] | None = None) -> str:
    from xml.sax.saxutils import escape

    def number(code_id: str | None) -> str:
        """The TMX ``i`` of an XLIFF id: the id itself when it is a number, else the next
        number free."""
        key = code_id or f"#{len(numbers)}"
        if key not in numbers:
            numbers[key] = key if key.isdigit() else str(len(numbers) + 1000)
        return numbers[key]

    parts = [escape(element.text or "")]

    def original(code, attribute: str) -> str | None:  # type: ignore[no-untyped-def]
        """The escaped original data the code's ``attribute`` names; ``None`` when it names
        none (the code has no original data). An empty ``<data/>`` is an empty native code,
        as XLIFF 2 allows; a name the unit has no ``<data>`` for breaks a MUST of XLIFF 2:
        which code it was cannot be known, and the XLIFF tag put in its place would be
        offered to the translator as the document's own code (:class:`MissingData`)."""
        ref = code.get(attribute)
        if ref is None:
            return None
        if data is None or ref not in data:
            raise MissingData(f"{attribute} {ref} names no <data> of the unit's <originalData>")
        return escape(data[ref])

    def native(code) -> str:  # type: ignore[no-untyped-def]
        """The native code of a code element, escaped, its sub-flows kept as <sub>."""
        pieces = [escape(code.text or "")]
        for child in code:
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "sub":
                pieces.append(f"<sub>{_markup(child, numbers, data)}</sub>")
            else:
                pieces.append(escape("".join(child.itertext())))
            pieces.append(escape(child.tail or ""))
        return "".join(pieces)

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for child in parent:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                parts.append(escape(child.tail or ""))
                continue
            local = child.tag.rsplit("}", 1)[-1]
            code_id = child.get("id") or child.get("startRef")  # (XLIFF 2's <ec>: its <sc>)
            x = f' x="{number(code_id)}"' if code_id else ""
            # the native code a code without its own stands for: XLIFF 2's original data
            # it names, else the XLIFF tag itself
            tag = escape(f'<{local} id="{code_id}"' if code_id else f"<{local}",
                         {'"': "&quot;"})
            own = native(child)
            if local in _PAIRED:
                i = number(code_id)
                start, end = original(child, "dataRefStart"), original(child, "dataRefEnd")
                parts.append(f'<bpt i="{i}"{x}>{tag + "&gt;" if start is None else start}</bpt>')
                parts.append(escape(child.text or ""))
                walk(child)
                closing = escape(f"</{local}>") if end is None else end
                parts.append(f'<ept i="{i}">{closing}</ept>')
            elif local in _STANDALONE:
                code = original(child, "dataRef")
                kind = _break_type(child)
                kind = f' type="{kind}"' if kind is not None else ""
                parts.append(f"<ph{x}{kind}>"
                             f"{own or (tag + '/&gt;' if code is None else code)}</ph>")
            elif local in _BEGIN or local in _END:
                code = original(child, "dataRef")
                content = tag + "/&gt;" if code is None else code
                key = _pair_key(child, local)
                if key is not None and key in paired:  # both halves here: a TMX pair
                    i = number(key)
                    parts.append(f'<bpt i="{i}"{x}>{content}</bpt>' if local in _BEGIN
                                 else f'<ept i="{i}">{content}</ept>')
                else:
                    pos = "begin" if local in _BEGIN else "end"
                    parts.append(f'<it pos="{pos}"{x}>{content}</it>')
            elif local == "it":  # XLIFF 1.2: pos "open" or "close"
                pos = "end" if child.get("pos") == "close" else "begin"
                parts.append(f'<it pos="{pos}"{x}>{own}</it>')
            elif local in _NATIVE:
                i = number(child.get("rid") or code_id)
                parts.append(f'<{local} i="{i}">{own}</{local}>')
            elif local == "cp":  # a character XML cannot hold: left out (and counted),
                # with one of the spaces around it ("Bell <cp/> and": "Bell and")
                tail = child.tail or ""
                parts.append(escape(tail[1:] if tail.startswith(" ") and
                                    _ends_with_space(parts) else tail))
                continue
            elif not _is_deleted(child):  # mrk, sub and anything else: its text
                parts.append(escape(child.text or ""))
                walk(child)
            parts.append(escape(child.tail or ""))

    paired = _paired_here(element)
    walk(element)
    return "".join(parts)


def _pair_key(code, local: str) -> str | None:  # type: ignore[no-untyped-def]
    """What ties the two halves of a split code: XLIFF 2's ``sc`` id and its ``ec``'s
    ``startRef``, XLIFF 1.2's ``rid`` on ``bx`` and ``ex``."""
    if local == "sc":
        return code.get("id")
    if local == "ec":
        return code.get("startRef")
    return code.get("rid")


def _paired_here(element) -> set[str]:  # type: ignore[no-untyped-def]
    """The keys (:func:`_pair_key`) of the split codes whose two halves are both in
    ``element``: TMX's ``bpt``/``ept``, where a half without its other is an ``it``."""
    begun: set[str] = set()
    ended: set[str] = set()
    for code in element.iter():
        local = code.tag.rsplit("}", 1)[-1] if isinstance(code.tag, str) else ""
        if local in _BEGIN or local in _END:
            key = _pair_key(code, local)
            if key is not None:
                (begun if local in _BEGIN else ended).add(key)
    return begun & ended


def _ends_with_space(parts: list[str]) -> bool:
    """Whether the text written so far (``parts``) ends with a space."""
    last = next((part for part in reversed(parts) if part), "")
    return last.endswith(" ")


# The tag that declares an XLIFF file's languages: 1.2's first <file>, 2.x's <xliff>.
_DECLARING = re.compile(r"<(?:[\w.-]+:)?(?:file|xliff)\b[^>]*>")
_DECLARED = (re.compile(r"""\b(?:source-language|srcLang)\s*=\s*["']([^"']+)"""),
             re.compile(r"""\b(?:target-language|trgLang)\s*=\s*["']([^"']+)"""))


def declared_languages(path: str | Path) -> tuple[str, str] | None:
    """The (source, target) an XLIFF file declares (XLIFF 1.2: its first ``<file>``; 2.x:
    ``srcLang``/``trgLang``), read from its head; ``None`` for PO or a file that leaves a
    side unsaid. (A hint only: reading the file checks its languages all the same.)"""
    head = decode_head(read_head(path))
    for tag in _DECLARING.finditer(head):
        found = [pattern.search(tag.group()) for pattern in _DECLARED]
        if all(found):
            return (_standard(found[0].group(1)),  # type: ignore[union-attr]
                    _standard(found[1].group(1)))  # type: ignore[union-attr]
    return None


@dataclass(frozen=True)
class _Plurals:
    """What a PO file's ``Plural-Forms`` header says of its ``msgstr[n]``: which one is the
    singular's (``msgstr[plural(1)]``), and how many forms the language has (``None``:
    unsaid)."""

    singular: int = 0
    count: int | None = None


def _plural_rule(store) -> _Plurals:  # type: ignore[no-untyped-def]
    """The :class:`_Plurals` of a PO store (or of the XLIFF po2xliff makes of a PO file,
    which keeps its header). The singular's form is not always the first:
    GNOME's Slovenian files say ``plural=(n%100==1 ? 1 : ... : 0)``, their ``msgstr[0]``
    the form of 5 and more, and Arabic's ``msgstr[0]`` is the form of 0. An expression
    that cannot be read (gettext's own refuse it) leaves the convention: the first."""
    import gettext

    if not hasattr(store, "getheaderplural"):  # XLIFF but po2xliff's: no PO header
        return _Plurals()
    try:
        count, expression = store.getheaderplural()
    except Exception:  # a header translate-toolkit cannot make sense of: nothing said
        return _Plurals()
    try:
        forms = int(count) if count is not None else None
    except ValueError:
        forms = None
    singular = 0
    if expression:
        try:
            # gettext's own reader of the C expression: tokens checked, nothing else run
            singular = int(gettext.c2py(str(expression).strip().rstrip(";"))(1))
        except (ValueError, SyntaxError, TypeError, ZeroDivisionError, RecursionError):
            singular = 0
    return _Plurals(singular if forms is None or 0 <= singular < forms else 0, forms)


def _forms(unit, plurals: _Plurals = _Plurals()  # type: ignore[no-untyped-def]
           ) -> list[tuple[str, str]]:
    """(source, target) of each form of a unit: one, or for a PO plural entry each form of
    the target language (``msgstr[n]``, in order), the singular's (``plurals.singular``)
    with the source's singular (``msgid``) and the others with its plural
    (``msgid_plural``). A unit's ``source`` and ``target`` are its first forms only, so
    the plural ones were lost. A language of one form (``nplurals=1``: Japanese, Chinese,
    Vietnamese...) says everything in ``msgstr[0]``: the entry is one pair, not a pair and
    an untranslated plural."""
    source, target = unit.source, unit.target
    if not unit.hasplural():
        return [(str(source or ""), str(target or ""))]
    sources = [str(s) for s in getattr(source, "strings", [source])]
    targets = [str(t) for t in getattr(target, "strings", [target])] if target else [""]
    plural = sources[1] if len(sources) > 1 else sources[0]
    if plurals.count == 1 and len(targets) == 1:  # (more forms than the header says:
        return [(sources[0], targets[0])]          # each is read, none lost)
    if len(targets) < 2:
        targets.append("")  # the plural form missing: an untranslated form
    singular = plurals.singular if plurals.singular < len(targets) else 0
    return [(sources[0] if form == singular else plural, text)
            for form, text in enumerate(targets)]


def _load(p: Path, name: str, repairs: Counter[str]) -> tuple[type, bytes]:
    """The translate-toolkit class for the file at ``p`` and the bytes to give it (XML only
    once :func:`read_checked` has checked them)."""
    # imported here: translate-toolkit is slow to import and rarely needed
    from translate.storage.po import pofile
    from translate.storage.xliff import Xliff1File
    from translate.storage.xliff2 import Xliff2File

    text_head = decode_head(read_head(p)).lstrip("\ufeff \t\r\n")
    if not text_head.startswith("<") and not p.name.lower().endswith(_XLIFF_SUFFIXES):
        with open_xml(p, lines=False) as handle:  # uncompresses .gz as ttk's factory did
            try:
                return pofile, _po_as_utf8(handle.read(), name, repairs)
            except (OSError, EOFError) as exc:
                raise InputError(name, f"cannot read: {exc}") from None
    try:
        data = read_checked(p, repairs)
    except InputError as exc:
        if not exc.message.startswith("not well-formed"):
            raise  # refused, or unreadable: already the message to show
        raise InputError(name, f"cannot read as XLIFF/PO: {exc.message}", exc.line) from None
    return (Xliff2File if _XLIFF2.search(text_head[:4096]) else Xliff1File), data


_PO_CHARSET = re.compile(rb"charset=\s*([A-Za-z0-9_.:-]+)")


def _po_as_utf8(data: bytes, name: str, repairs: Counter[str]) -> bytes:
    """A PO file's bytes in UTF-8, its header saying so: a PO in the legacy charset its
    header declares (ISO-8859-1, older gettext projects) decoded by it. translate-toolkit
    (3.x) restarts its parse on such a header but goes on decoding as UTF-8, and fails.
    A file that is UTF-8 with letters beyond ASCII is read as UTF-8 even when its header's
    charset would decode it too (counted in ``repairs``, so the summary says it): a copied
    template header is a common slip, and legacy text is practically never valid UTF-8, so
    decoding it by the header would only write mojibake ("dÃ©cision")."""
    header = data[:data.find(b"\n\n")] if b"\n\n" in data else data
    declared = _PO_CHARSET.search(header)
    if declared is None:
        return data
    charset = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        if charset == "CHARSET":  # the template's placeholder: no charset said
            return data
        raise InputError(name, f"the PO header declares charset {charset}, which is not "
                               "known") from None
    if codec == "utf-8":
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(name, f"does not decode as {charset}, the charset its header "
                               "declares", line) from None
    start, end = declared.span(1)
    if _utf8_beyond_ascii(data):
        repairs[f"PO files read as UTF-8, not the {charset} their header declares"] += 1
        return data[:start] + b"UTF-8" + data[end:]
    return (data[:start].decode(codec) + "UTF-8" + text[len(data[:end].decode(codec)):]
            ).encode("utf-8")


def _utf8_beyond_ascii(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 holding characters beyond ASCII."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _draft(unit, mid: str | None, include_fuzzy: bool) -> str | None:  # type: ignore[no-untyped-def]
    """Why a unit (or its segment ``mid``) is rejected by its status: ``rejected`` for a
    translation a reviewer rejected, whatever ``include_fuzzy`` says (a memory offers its
    units as translations to reuse, and a reviewer said this one is not); ``fuzzy`` for a
    draft unless ``include_fuzzy``; else ``None``."""
    element = getattr(unit, "xmlelement", None)
    if element is not None and _cat_tool_rejected(element, mid):
        return "rejected"
    return "fuzzy" if not include_fuzzy and _is_fuzzy(unit, mid) else None


def _is_fuzzy(unit, mid: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    """A draft translation: PO ``#, fuzzy``; XLIFF 1.2 ``needs-*``/``new``, or a memoQ or
    Trados status short of confirmed (:func:`_cat_tool_draft`), or a machine translation
    (``state-qualifier`` ``mt-suggestion``/``leveraged-mt``); XLIFF 2 ``initial``.
    ``mid``: that segment of a segmented XLIFF 1.2 trans-unit, read as a unit of its own
    (Trados says each segment's status).

    translate-toolkit's own ``isfuzzy`` for XLIFF 1.2 means "not approved", which is true of
    most real files (CAT tools write ``state="translated"`` without ``approved="yes"``).
    """
    element = getattr(unit, "xmlelement", None)
    if element is None:
        return bool(unit.isfuzzy())
    if _local(element.tag) == "segment":  # XLIFF 2: the state is on <segment>. One that
        # says none is "initial" by the spec, but tools that keep no states (Angular's,
        # many converters) leave it out of finished translations: only a segment marked
        # "initial" is a draft (one without a target is untranslated either way)
        return element.get("state") == "initial"
    if _cat_tool_draft(element, mid):
        return True
    for child in element:
        if isinstance(child.tag, str) and _local(child.tag) == "target":
            state = child.get("state", "")
            return state.startswith("needs-") or state == "new" or \
                child.get("state-qualifier") in _MT_QUALIFIERS
    return False


# XLIFF 1.2 state-qualifiers of a target that a machine wrote: whatever its state says, no
# one stands by it yet, and a memory is offered as human translation; a draft.
_MT_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})


# memoQ (.mqxliff) says a unit's status in mq:status, Trados (.sdlxliff) each segment's in
# <sdl:seg conf> of <sdl:seg-defs>; neither writes XLIFF's own state. Only the statuses of
# a translation someone confirmed count as finished: the others (memoQ NotStarted,
# PartiallyEdited, PreTranslated, Rejected...; Trados Draft, RejectedTranslation,
# RejectedSignOff, and a segment without conf: pre-translated or machine-translated and
# never confirmed) are drafts.
_MQ_STATUS = "{MQXliff}status"
_MQ_CONFIRMED = frozenset({"ManuallyConfirmed", "Reviewer1Confirmed", "Reviewer2Confirmed",
                           "ConfirmedTranslator", "Proofread"})
_SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
_SDL_CONFIRMED = frozenset({"Translated", "ApprovedTranslation", "ApprovedSignOff"})
# Phrase (Memsource, .mxliff) says whether a unit is confirmed in m:confirmed ("1"); an
# unconfirmed one (a machine translation or a match pre-translated, not yet edited) is a
# draft. Its namespace's version follows the format's (1.0, 2.0).
_PHRASE_CONFIRMED = tuple(f"{{http://www.memsource.com/mxlf/{version}}}confirmed"
                          for version in ("2.0", "1.0"))
# ... and those of a translation a reviewer rejected: never a unit of a memory
_MQ_REJECTED = frozenset({"Rejected"})
_SDL_REJECTED = frozenset({"RejectedTranslation", "RejectedSignOff"})


def _cat_tool_rejected(element, mid: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a memoQ or Trados XLIFF 1.2 trans-unit (or its segment ``mid``, as in
    :func:`_cat_tool_draft`) holds a translation its reviewer rejected."""
    if element.get(_MQ_STATUS) in _MQ_REJECTED:
        return True
    segs = _sdl_segments(element, mid)
    return any(seg.get("conf") in _SDL_REJECTED for seg in segs)


def _sdl_segments(element, mid: str | None) -> list:  # type: ignore[no-untyped-def]
    """A Trados trans-unit's ``<sdl:seg>``s: segment ``mid``'s own where it has one, else
    all of them."""
    segs = [seg for defs in element.iterchildren(f"{_SDL}seg-defs")
            for seg in defs.iterchildren(f"{_SDL}seg")]
    own = [seg for seg in segs if seg.get("id") == mid] if mid is not None else []
    return own or segs


def _cat_tool_draft(element, mid: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a memoQ, Trados or Phrase XLIFF 1.2 trans-unit is a draft by its tool's
    status (Phrase's: :data:`_PHRASE_CONFIRMED`). A
    Trados trans-unit read whole is one when any of its segments is; its segment ``mid``
    (read as a unit of its own, :func:`_segments`) when its own ``<sdl:seg id>`` is, the
    ids being the ``<mrk mid>``s (a segment no ``sdl:seg`` names goes by the whole)."""
    status = element.get(_MQ_STATUS)
    if status is not None and status not in _MQ_CONFIRMED:
        return True
    if any(element.get(name, "1") != "1" for name in _PHRASE_CONFIRMED):
        return True
    return any(seg.get("conf") not in _SDL_CONFIRMED for seg in _sdl_segments(element, mid))


def _xliff_files(store) -> dict[object, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The ``<file>`` elements of an XLIFF store and their (source, target) languages (XLIFF
    2's are its root's ``srcLang``/``trgLang``); empty for other stores."""
    document = getattr(store, "document", None)
    if document is None or not hasattr(store, "namespaced"):
        return {}
    root = document.getroot()
    if root.get("version", "").startswith("2"):
        # XLIFF 2 declares its languages once; a <target xml:lang> must repeat trgLang,
        # and one that does not says its own (read as XLIFF 1.2's, _unit_languages)
        langs = (_standard(root.get("srcLang", "")), _standard(root.get("trgLang", "")))
        return {element: langs for element in root
                if isinstance(element.tag, str) and _local(element.tag) == "file"}
    return {element: (_standard(element.get("source-language", "")),
                      _standard(element.get("target-language", "")))
            for element in root.iterchildren(store.namespaced("file"))}


def _unit_languages(store, files: dict[object, tuple[str, str]]  # type: ignore[no-untyped-def]
                    ) -> dict[object, tuple[str, str]]:
    """Each XLIFF unit's element (XLIFF 2: each segment's) and its (source, target)
    languages: those its ``<source>`` and ``<target>`` say (``xml:lang``), else its
    ``<file>``'s. XLIFF 1.2 makes ``target-language`` optional: the target's own tag is
    then all that says what language it is in (a Hungarian target was written as the
    pair's German). Empty for other stores."""
    if not files:
        return {}
    languages: dict[object, tuple[str, str]] = {}
    for unit in store.units:
        element = getattr(unit, "xmlelement", None)
        if element is None:
            continue
        file_langs = files.get(_file_of(element), ("", ""))
        own = {_local(child.tag): child.get(_XML_LANG) for child in element
               if isinstance(child.tag, str)}
        languages[element] = (_standard(own.get("source") or "") or file_langs[0],
                              _standard(own.get("target") or "") or file_langs[1])
    return languages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _file_of(element) -> object:  # type: ignore[no-untyped-def]
    """The ``<file>`` element holding an XLIFF 1.2 unit's element (``None`` if none)."""
    for ancestor in element.iterancestors():
        if isinstance(ancestor.tag, str) and _local(ancestor.tag) == "file":
            return ancestor
    return None


def _parse(path: str | Path, repairs: Counter[str] | None = None
           ) -> tuple[str, object, type, bytes]:
    """The name of an XLIFF or PO file (standard input too), its translate-toolkit store,
    the store's class and the bytes it was parsed from; an input error if unreadable.
    ``repairs`` counts what reading changed (a PO read as UTF-8 against its header)."""
    name = input_name(path)
    store_class, data = _load(readable_file(path), name,
                              Counter() if repairs is None else repairs)
    try:
        store = store_class.parsestring(data)
    except Exception as exc:  # translate-toolkit raises many kinds for bad input
        raise InputError(name, _not_readable(store_class, data, exc),
                         _error_line(data, exc)) from None
    return name, store, store_class, data


_ON_LINE = re.compile(r"\bon line (\d+)")


def _error_line(data: bytes, exc: Exception) -> int | None:
    """The line of ``data`` where translate-toolkit's parsing failed, when it tells (its
    PO parser says "on line N" in the message; a byte it cannot decode is found again in
    the whole file, as its error shows only a piece), for the ``FILE:LINE:`` form."""
    if isinstance(exc, UnicodeDecodeError):
        try:
            data.decode(exc.encoding)
        except UnicodeDecodeError as whole:
            return data.count(b"\n", 0, whole.start) + 1
        except LookupError:
            return None
        return None
    said = _ON_LINE.search(str(exc))
    return int(said.group(1)) if said else None


def store_languages(path: str | Path) -> list[tuple[str, str]]:
    """The (source, target) languages of an XLIFF or PO file's translations, as
    :func:`read_ttk` reads them: those of each XLIFF 1.2 unit holding a ``<target>`` (its
    own ``xml:lang``, else its ``<file>``'s), else each ``<file>``'s of a bundle, else the
    file's ("" for one it leaves unsaid). A unit without a target has no language to say."""
    store = _parse(path)[1]
    files = _xliff_files(store)
    translated = [langs for element, langs in _unit_languages(store, files).items()
                  if any(isinstance(child.tag, str) and _local(child.tag) == "target"
                         for child in element)]  # type: ignore[attr-defined]
    if translated:
        return list(dict.fromkeys(translated))
    if len(set(files.values())) > 1:
        return list(files.values())
    return [(_lang(store, "getsourcelanguage"), _lang(store, "gettargetlanguage"))]


def _check_languages(store, name: str, source_lang: str,  # type: ignore[no-untyped-def]
                     target_lang: str, claimed: tuple[str, ...] = (),
                     said: tuple[str, str] | None = None) -> bool:
    """Whether the file's sides are swapped relative to the request; error if unrelated.
    ``said``: the languages its units are in, when known (XLIFF 1.2), else the store's."""
    file_src, file_tgt = said or (_lang(store, "getsourcelanguage"),
                                  _lang(store, "gettargetlanguage"))
    if primary(source_lang) == primary(target_lang):
        return False
    direction = file_direction(file_src, file_tgt, source_lang, target_lang, claimed)
    if direction == "other" and not file_src and type(store).__name__ == "pofile":
        # a msgid language unsaid fits any: only the Language header can disagree, and
        # naming the source as the cause sent a user who had given --source-lang astray
        raise InputError(name, f"the PO file's Language header says {file_tgt}, not "
                               f"{target_lang}: give --target-lang {_as_option(file_tgt)} "
                               "(and --source-lang, the language of its msgids, which a PO "
                               "file does not declare)")
    if direction == "other":
        raise InputError(name, f"the file is in {_languages_said(store, file_src, file_tgt)}, "
                               f"not {source_lang} -> {target_lang}")
    return direction == "swapped"


def _as_option(lang: str) -> str:
    """A file's language as an option takes it: gettext's locale forms (``sr@latin``,
    ``fr_FR.UTF-8``) as the tag they stand for (``sr-Latn``, ``fr-FR``)."""
    script = tag_script(lang)
    code = _standard(lang.split("@", 1)[0].split(".", 1)[0])
    if script is not None and "@" in lang:
        code = f"{primary(code)}-{script}"
    return code


def _languages_said(store, source: str, target: str) -> str:  # type: ignore[no-untyped-def]
    """A file's languages for a message, "source -> target", a language the file leaves
    unsaid named as such in the file's own terms (a bare "?" told the user nothing: a PO
    file never declares its msgid language)."""
    if type(store).__name__ == "pofile":
        unsaid = ("msgid language not declared", "msgstr language not declared (no Language "
                  "header)")
    else:
        unsaid = ("source-language not declared", "target-language not declared")
    return f"{source or unsaid[0]} -> {target or unsaid[1]}"


def _lang(store, method: str) -> str:
    try:
        value = getattr(store, method)()
    except Exception:  # some stores raise when the header lacks the field
        return ""
    # PO stores answer "en" for the source by default, which says nothing.
    return "" if value is None else _standard(str(value))


@lru_cache(maxsize=256)
def _standard(lang: str) -> str:
    """A file's language code as the standard tag it stands for (memoQ's ``eng``/``fra``,
    ``fre-FR``: ``en``/``fr``, ``fr-FR``), as --source-lang and table headers are read, so
    that it is compared as the language it is; a code that is no known tag as written."""
    if not lang.strip():
        return lang
    try:
        return standard_tag(lang)
    except ValueError:
        return lang


def _unit_line(unit, po_lines: list[int] | None, entry: int) -> int:
    element = getattr(unit, "xmlelement", None)
    if element is not None and getattr(element, "sourceline", None):
        return element.sourceline
    if po_lines is not None and entry < len(po_lines):
        return po_lines[entry]
    return 0


def _po_entry_lines(data: bytes, mark: bytes = b"") -> list[int]:
    """Line of each non-obsolete entry of a PO file's ``data`` (its first
    ``msgctxt``/``msgid`` line); with ``mark`` ``#~ ``, of each obsolete one."""
    lines: list[int] = []
    previous_ctxt = False
    ctxt, msgid = mark + b"msgctxt", mark + b"msgid "
    for number, line in enumerate(data.splitlines(), 1):
        if line.startswith(ctxt):
            lines.append(number)
            previous_ctxt = True
        elif line.startswith(msgid):
            if not previous_ctxt:
                lines.append(number)
            previous_ctxt = False
    return lines


def _not_readable(store_class: type, data: bytes, exc: Exception) -> str:
    """Why translate-toolkit could not parse a file, said as what the file is not (its
    exceptions say little: a TMX given as XLIFF raises a bare StopIteration)."""
    if store_class.__name__ == "pofile":
        return f"not a PO file (translate-toolkit: {_one_line(exc)})"
    root = _root_name(data)
    if root is not None and root != "xliff":
        return (f"not an XLIFF or PO file: an XML document whose root is <{root}> "
                "(XLIFF's is <xliff>; PO files are plain text)")
    return f"not a readable XLIFF file (translate-toolkit: {_one_line(exc)})"


def _root_name(data: bytes) -> str | None:
    """The local name of an XML document's root element (any encoding), or None."""
    from io import BytesIO

    from lxml import etree

    try:
        for _, element in etree.iterparse(BytesIO(data), events=("start",),
                                          resolve_entities=False, no_network=True):
            return etree.QName(element).localname
    except etree.XMLSyntaxError:
        return None
    return None


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]
