"""Validate TMX and TBX files by the rules CAT tools trip over (the ``validate`` command).

:func:`validate` checks the project's own rules, the ones CAT tools trip over, and
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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError, shown_name
from ..formats.text import input_name, readable_file
from ..formats.tmx import (
    DATE_ATTRIBUTES,
    INLINE_ATTRIBUTES,
    INLINE_CHILDREN,
    INLINE_REQUIRED,
    IT_POSITIONS,
    TMX_DATE,
    XML_LANG,
    is_tmx_date,
    iter_elements,
    seg_text,
)
from ..formats.xml import SAFE_PARSER_OPTIONS, check_file, open_xml, parse_xml, syntax_error
from ..inputs import MEMORY_ENDINGS, memory_files
from ..lang import holds_source, is_valid_tag, normalise_tag
from ..model import SEGTYPES

HEADER_REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                   "srclang", "datatype")


@dataclass(slots=True, frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        # file:line: what, as every error of the command line (no line when unknown), the
        # name shown as errors show it: a line break in it would cut the problem in two
        shown = shown_name(self.file)
        return f"{shown}:{self.line}: {self.message}" if self.line else \
            f"{shown}: {self.message}"


def validate(paths: Iterable[str | Path] | str | Path) -> list[Problem]:
    """Every problem found in the TMX and TBX files ``paths`` (empty: all valid); a
    directory among them stands for the TMX and TBX files below it. A file that is not
    there (a typo, a glob that matched nothing: ``vendor/*.tmx`` given as it is) is the
    one-line error, before any file is read: no verdict on the files, where it was a
    problem among the others, and ``validate`` said "invalid" of memories never read."""
    files = memory_files(paths, (*MEMORY_ENDINGS, ".tbx"), skip_empty=False)
    for path in files:
        readable_file(path)
    problems: list[Problem] = []
    for path in files:
        problems.extend(validate_file(path))
    return problems


def validate_file(path: str | Path) -> list[Problem]:
    name = input_name(path)
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
            raise syntax_error(input_name(path), exc) from None
    raise InputError(input_name(path), "empty file")


def _lang_problem(code: str | None, what: str) -> str | None:
    if not code:
        return f"{what} has no language"
    if not is_valid_tag(code):
        return f"{what} has an invalid language code {code!r} (expected ll or ll-RR, e.g. en-GB)"
    return None


# merge keeps a tuv's code spelled against the rules (unit_problem): the message says so
_KEPT_CODE = re.compile(r"\)$")
_KEPT_BY_MERGE = "; merge keeps such codes as CAT tools wrote them)"
# ... but for "_" (en_GB), which merge writes as "-" (merging.TAGS_RESPELLED)
_RESPELLED_BY_MERGE = "; merge writes it with '-')"


def _validate_tmx(path: str | Path) -> list[Problem]:
    name = input_name(path)
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
            add(tuv.sourceline, _KEPT_CODE.sub(
                _RESPELLED_BY_MERGE if "_" in (lang or "") else _KEPT_BY_MERGE, problem))
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
    if srclang and srclang != "*all*" and not holds_source(langs, srclang):
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
    name = input_name(path)
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


