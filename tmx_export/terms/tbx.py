"""TBX termbases: write term pairs, read glossaries back.

Two flavours, because the clients disagree:

* version 3: TBX-Basic of ISO 30042:2019 in DCA style (``<tbx type="TBX-Basic" style="dca">``,
  ``conceptEntry/langSec/termSec``), valid against the TBX core RNG and the TBX-Basic DCA
  Schematron. Current tools and the LTAC validators read it.
* version 2: TBX 2008 ``<martif type="TBX-Basic">`` (``termEntry/langSet/tig``), the only TBX
  that OmegaT's glossary reader and translate-toolkit's ``tbxfile`` accept.

One concept entry per pair: the two terms, part of speech where known, a context sentence per
language, the administrative status mapped from the review status (approved: preferred;
forbidden: the target term deprecated, and in version 2 a note says not to use it;
proposed: none, and a note says it is unreviewed),
the source documents and the date of the last review decision. An entry's ``id`` is made from
the pair's languages and lemma keys (:func:`entry_id`), so the same pair keeps its id from one
run to the next, whatever its rank: termbases that update entries by id, and a ``diff`` of two
runs' files, see the same concept. Version 3 also carries the
counts and association scores in a note; version 2, read by CAT tools that show the notes
as the glossary comment, keeps that comment short. Rejected pairs are not exported.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..formats.text import atomic_output
from ..formats.xml import parse_xml
from ..lang import parse_tag, primary
from ..model import count_of
from .termpair import TermPair, most_common

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ADMIN_STATUS = {
    "approved": "preferredTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
STATUS_OF_ADMIN = {
    "preferredTerm-admn-sts": "approved",
    "admittedTerm-admn-sts": "proposed",
    "deprecatedTerm-admn-sts": "forbidden",
    "supersededTerm-admn-sts": "forbidden",
}
# TBX administrative statuses (TBX-Basic ``-admn-sts`` values, TBX-Default's
# ``normativeAuthorization`` values without the suffix) that forbid a term; any other
# status, or none, makes a target term a usable rendering.
FORBIDDEN_STATUSES = frozenset({"deprecatedTerm", "supersededTerm"})
# Where a term's status is written: TBX-Basic's data category, or TBX-Default's.
_STATUS_TYPES = frozenset({"administrativeStatus", "normativeAuthorization"})
_V3_MODELS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/'
    'TBXcoreStructV03.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)
# The entry note that says a pair is not reviewed yet (TBX 2008; the 2019 TBX says it in its
# counts note, "review status: proposed"): what marks an entry without administrative
# status as proposed, which `check` tells from a reviewed term (see marked_proposed).
PROPOSED_NOTE = "proposed (not reviewed)"
# The entry note of a forbidden pair (TBX 2008): its target term's deprecated status is all
# a TBX-Basic reader needs, but a CAT tool's glossary (OmegaT) or translate-toolkit shows
# the entry as any other, the note as its comment: the rendering must say it is not one.
FORBIDDEN_NOTE = "forbidden: do not use this translation"
_PROPOSED_COUNTS_RE = re.compile(r"(?:^|; )review status: proposed(?:;|$)")
_MARKER = "\ue000entries\ue000"  # where the streamed entries go in the serialised root


@dataclass(slots=True)
class GlossaryEntry:
    """A known term pair read from a glossary file."""

    source: str
    target: str
    pos: str | None = None
    status: str | None = None  # review status, when the file says
    note: str = ""


def write_tbx(
    pairs: Iterable[TermPair],
    path: str | Path,
    *,
    version: int = 3,
    source_lang: str | None = None,
    target_lang: str | None = None,
    description: str = "Term pairs extracted by tmx-export",
) -> int:
    """Write ``pairs`` as TBX ``version`` 3 (TBX-Basic 2019 DCA) or 2 (TBX 2008 martif).

    Returns the number of entries written (rejected pairs are left out). Refuses to write
    none: TBX wants an entry (a termbase a CAT tool or ``validate`` would reject).
    """
    if version not in (2, 3):
        raise ValueError(f"TBX version must be 2 or 3, not {version!r}")
    pairs = [p for p in pairs if p.status != "rejected"]
    if not pairs:
        raise InputError(str(path), "no term pair to write: a TBX needs an entry (nothing "
                         "was recorded, or every pair is rejected)")
    if pairs:
        source_lang = source_lang or pairs[0].source_lang
        target_lang = target_lang or pairs[0].target_lang
    source_lang = source_lang or "en"
    target_lang = target_lang or "fr"
    v3 = version == 3
    ns = f"{{{TBX_NS}}}" if v3 else ""

    def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
        element = etree.SubElement(parent, ns + tag)
        for name, value in attrs.items():
            element.set(XML_LANG if name == "lang" else name, value)
        if text is not None:
            element.text = text
        return element

    # The header is built as a tree; the entries are streamed one by one (a termbase of
    # 30,000 pairs as one tree would take hundreds of MB).
    if v3:
        root = etree.Element(ns + "tbx", nsmap={None: TBX_NS})
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
        header = sub(root, "tbxHeader")
    else:
        root = etree.Element("martif")
        root.set("type", "TBX-Basic")
        header = sub(root, "martifHeader")
    root.set(XML_LANG, primary(source_lang))
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "sourceDesc"), "p", description)
    if not v3:
        sub(sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    # serialise the root around a marker where the entries go
    body = sub(sub(root, "text"), "body") if pairs or not v3 else None
    if body is not None:
        body.text = _MARKER
    head, _, tail = etree.tostring(root, encoding="unicode", pretty_print=True).partition(
        _MARKER)
    holder = etree.Element(ns + "body", nsmap={None: TBX_NS} if v3 else None)

    with atomic_output(path, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        if v3:
            handle.write(_V3_MODELS.encode("utf-8"))
        handle.write(head.encode("utf-8"))
        if body is not None:
            handle.write(b"\n")
        taken: set[str] = set()
        for pair in pairs:
            n = entry_id(pair, taken)
            data = _entry_text(n, pair, v3, source_lang, target_lang)
            if data is None:
                entry = _entry(sub, holder, n, pair, v3, source_lang, target_lang)
                etree.indent(entry, space="  ", level=3)  # <tbx>/<text>/<body>/entry
                data = etree.tostring(entry, encoding="unicode")
                # the entry is written inside <body>: it declares no namespace of its own
                data = data.replace(f' xmlns="{TBX_NS}"', "", 1)
                holder.remove(entry)
            handle.write(f"      {data}\n".encode())
        if body is not None:
            handle.write(b"    ")
        handle.write(tail.encode("utf-8"))
    return len(pairs)


def entry_id(pair: TermPair, taken: set[str]) -> str:
    """A concept entry's id, the same for the same pair in every run: ``c`` and 10 hex
    digits of a hash of the pair's languages and lemma keys (an XML ID starts with a
    letter). ``taken`` holds the ids already given in the file; a pair whose id is taken (two
    entries with the same keys, or a hash collision) gets ``-2``, ``-3``... after it."""
    digest = hashlib.blake2b("\x1f".join(pair.key).encode("utf-8"), digest_size=5).hexdigest()
    name, n = f"c{digest}", 1
    while name in taken:
        n += 1
        name = f"c{digest}-{n}"
    taken.add(name)
    return name


def _entry(sub, body: etree._Element, n: str, pair: TermPair, v3: bool, source_lang: str,
           target_lang: str) -> etree._Element:
    """One concept entry (v3 ``conceptEntry``, v2 ``termEntry``) for ``pair``."""
    entry = sub(body, "conceptEntry" if v3 else "termEntry", id=n)
    if pair.status_date:
        group = sub(entry, "transacGrp")
        sub(group, "transac", "modification", type="transactionType")
        sub(group, "date", pair.status_date[:10])
    documents, source_variants, target_variants = pair.tallies()
    if documents:
        sub(entry, "admin", "; ".join(sorted(documents)), type="source")
    if v3:
        # the terminologist's exchange format keeps the evidence
        sub(entry, "note", _counts_note(pair, len(documents)))
    elif pair.status == "proposed":
        # a CAT tool shows the notes as the glossary comment: short, and saying that
        # nobody reviewed the pair yet
        sub(entry, "note", PROPOSED_NOTE)
    elif pair.status == "forbidden":
        sub(entry, "note", FORBIDDEN_NOTE)
    if pair.note:
        sub(entry, "note", pair.note)
    for lang, term, variants, side in (
        (source_lang, pair.source_term, source_variants, "source"),
        (target_lang, pair.target_term, target_variants, "target"),
    ):
        lang_sec = sub(entry, "langSec" if v3 else "langSet", lang=lang)
        term_sec = sub(lang_sec, "termSec" if v3 else "tig")
        sub(term_sec, "term", term)
        if pair.pos:
            sub(term_sec, "termNote", pair.pos, type="partOfSpeech")
        status = _status(pair.status, side)
        if status:
            sub(term_sec, "termNote", status, type="administrativeStatus")
        if pair.contexts:
            context = pair.contexts[0]
            sub(term_sec, "descrip", getattr(context, side), type="context")
        if len(variants) > 1 or (variants and term not in variants):
            listed = ", ".join(f"{form} ({count})" for form, count in most_common(variants))
            sub(term_sec, "note", f"Variants: {listed}")
    return entry


# What only lxml knows how to write (or refuse): control characters, surrogates,
# non-characters. An entry holding any is built as a tree.
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _text(value: str) -> str:
    if "&" not in value and "<" not in value and ">" not in value:
        return value  # most values: three searches instead of three replacements
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(data: str) -> bool:
    """Whether ``data`` holds no character of :data:`_NOT_PLAIN`: every one of them is
    unprintable, so a printable text (the C check, most texts) needs no search."""
    return data.isprintable() or _NOT_PLAIN.search(data) is None


def _entry_text(n: str, pair: TermPair, v3: bool, source_lang: str, target_lang: str
                ) -> str | None:
    """The entry :func:`_entry` builds, serialised and indented as lxml does, written as
    text: building a tree of 10-20 elements per pair took most of the time of a large
    TBX. ``None`` when a value holds a character that only lxml should judge."""
    documents, source_variants, target_variants = pair.tallies()
    children: list[str] = []
    if pair.status_date:
        children.append(f"<transacGrp>\n          <transac type=\"transactionType\">"
                        f"modification</transac>\n          <date>{_text(pair.status_date[:10])}"
                        "</date>\n        </transacGrp>")
    if documents:
        children.append(f'<admin type="source">{_text("; ".join(sorted(documents)))}</admin>')
    if v3:
        children.append(f"<note>{_text(_counts_note(pair, len(documents)))}</note>")
    elif pair.status == "proposed":
        children.append(f"<note>{PROPOSED_NOTE}</note>")
    elif pair.status == "forbidden":
        children.append(f"<note>{FORBIDDEN_NOTE}</note>")
    if pair.note:
        children.append(f"<note>{_text(pair.note)}</note>")
    lang_tag, term_tag = ("langSec", "termSec") if v3 else ("langSet", "tig")
    for lang, term, variants, side in (
        (source_lang, pair.source_term, source_variants, "source"),
        (target_lang, pair.target_term, target_variants, "target"),
    ):
        if not term:
            return None  # an empty <term> is lxml's to write
        inner = [f"<term>{_text(term)}</term>"]
        if pair.pos:
            inner.append(f'<termNote type="partOfSpeech">{_text(pair.pos)}</termNote>')
        status = _status(pair.status, side)
        if status:
            inner.append(f'<termNote type="administrativeStatus">{status}</termNote>')
        if pair.contexts:
            inner.append(f'<descrip type="context">{_text(getattr(pair.contexts[0], side))}'
                         "</descrip>")
        if len(variants) > 1 or (variants and term not in variants):
            listed = ", ".join(f"{form} ({count})" for form, count in most_common(variants))
            inner.append(f"<note>Variants: {_text(listed)}</note>")
        if not _plain(lang):  # lxml escapes even a line break in an attribute
            return None
        attribute = _text(lang).replace('"', "&quot;")
        children.append(f'<{lang_tag} xml:lang="{attribute}">\n          <{term_tag}>'
                        + "".join(f"\n            {x}" for x in inner)
                        + f"\n          </{term_tag}>\n        </{lang_tag}>")
    tag = "conceptEntry" if v3 else "termEntry"
    data = (f'<{tag} id="{n}">' + "".join(f"\n        {c}" for c in children)
            + f"\n      </{tag}>")
    return data if _plain(data.replace("\n", "")) else None


def _status(review: str, side: str) -> str | None:
    """The administrative status of one term of a pair: an approved pair's terms are
    preferred; a forbidden pair forbids its target term, not its source term (which is
    still the term to translate); a proposed pair has none, since nobody admitted it."""
    if review == "forbidden" and side == "source":
        return None
    return ADMIN_STATUS.get(review)


def _counts_note(pair: TermPair, documents: int) -> str:
    parts = [
        f"Occurrences: {pair.count}",
        f"documents: {documents}",
        f"Dice: {pair.dice:.2f}",
        f"log-likelihood: {pair.llr:.1f}",
        f"review status: {pair.status}",
    ]
    others = pair.other_translations()
    if others:
        parts.append("other renderings: " + ", ".join(f"{t} ({n})" for t, n in others))
    return "; ".join(parts)


def marked_proposed(entry: etree._Element) -> bool:
    """Whether a concept entry carries the note :func:`write_tbx` gives a proposed pair
    (2008 or 2019): an entry-level note, not a term's. Another tool's TBX has no such note."""
    for note in entry.iterchildren("{*}note", "note"):
        text = "".join(note.itertext()).strip()
        if text == PROPOSED_NOTE or _PROPOSED_COUNTS_RE.search(text):
            return True
    return False


def tbx_layout(root: etree._Element, name: str) -> tuple[str, str, tuple[str, ...]]:
    """The element names of a TBX's entries, language sections and term holders: 2019
    ``conceptEntry/langSec/termSec``, 2008 ``termEntry/langSet/tig|ntig``."""
    local = etree.QName(root).localname
    if local == "tbx":
        return "conceptEntry", "langSec", ("termSec",)
    if local == "martif":
        return "termEntry", "langSet", ("tig", "ntig")
    raise InputError(name, f"not TBX: root element <{local}>")


def lang_set_sides(root: etree._Element, lang_tag: str, source_lang: str, target_lang: str
                   ) -> dict[str, int]:
    """The language sections of a TBX to read, by their ``xml:lang`` as written: 0 for the
    source side, 1 for the target side; a tag missing from the result is another language.

    Languages match by their primary subtag ("fr" and "fr-FR" for fr-FR), but where the
    file has sections of the region asked, those of another region of that language are
    left aside: a termbase giving fr-FR and fr-CA their own terms ("e-mail" admitted in
    France, deprecated in Canada for "courriel") said, read as one language, that a term
    was both, and the approval hid the deprecation from a fr-CA check. Sections without a
    region apply to every region and are kept. For every reader of a TBX."""
    wanted = (source_lang, target_lang)
    tags = {lang_set.get(XML_LANG) or lang_set.get("lang") or ""
            for lang_set in root.iter(f"{{*}}{lang_tag}", lang_tag)}
    sides: dict[str, int] = {}
    for side, lang in enumerate(wanted):
        asked = parse_tag(lang)
        region = asked.region if asked is not None else None
        same = [tag for tag in tags if primary(tag) == primary(lang)]
        regions = {parsed.region for parsed in map(parse_tag, same) if parsed is not None}
        for tag in same:
            parsed = parse_tag(tag)
            if region in regions - {None} and parsed is not None \
                    and parsed.region not in (None, region):
                continue  # another region's term, where the file has the region asked
            sides.setdefault(tag, side)
    return sides


def read_tbx(path: str | Path, source_lang: str, target_lang: str,
             left_out: Counter[str] | None = None) -> list[GlossaryEntry]:
    """Term pairs of a TBX file (2019 ``<tbx>`` or 2008 ``<martif>``) for a language pair.

    Languages match on their primary subtag ("en" matches "en-GB"). Each entry yields one pair
    per source term and usable target term; deprecated terms are left out, on either side (a
    glossary names what to use), and so are the entries ``tmx-export terms`` wrote for pairs nobody
    reviewed (no status, and the note :func:`marked_proposed` finds), as ``check`` leaves
    them out: a glossary steers the pairing, and a guess must not. Their numbers are added to
    ``left_out["proposed"]`` and ``left_out["forbidden"]``. A TBX that gives no pair is
    refused, saying why (its pairs unreviewed or forbidden, or none in the language pair):
    the run would otherwise go on as if it had a glossary. Raises :class:`InputError` for
    files that are not TBX.
    """
    root = parse_xml(path).getroot()
    entry_tag, lang_tag, term_tags = tbx_layout(root, str(path))
    sides = lang_set_sides(root, lang_tag, source_lang, target_lang)
    entries: list[GlossaryEntry] = []
    unreviewed = forbidden = 0
    languages: set[str] = set()
    for entry in root.iter(f"{{*}}{entry_tag}", entry_tag):
        terms: dict[str, list[tuple[str, str | None, str | None]]] = {"s": [], "t": []}
        for lang_sec in entry.iter(f"{{*}}{lang_tag}", lang_tag):
            tag = lang_sec.get(XML_LANG) or lang_sec.get("lang") or ""
            languages.add(primary(tag))
            if tag not in sides:
                continue
            side = "st"[sides[tag]]
            for holder in lang_sec.iter(*[f"{{*}}{t}" for t in term_tags], *term_tags):
                term = _first(holder, "term")
                if term is None or not "".join(term.itertext()).strip():
                    continue
                notes = {n.get("type"): "".join(n.itertext()).strip()
                         for n in holder.iter("{*}termNote", "termNote")}
                # the status as check reads it (DCT elements and TBX-Default's values too):
                # a term check reports as forbidden must not be a glossary pair here
                terms[side].append((" ".join("".join(term.itertext()).split()),
                                    notes.get("partOfSpeech"), term_status(holder)))
        if terms["s"] and terms["t"] and unreviewed_entry(
                entry, [admin for side in terms.values() for *_, admin in side]):
            unreviewed += 1
            continue
        for source, pos, source_admin in terms["s"]:
            for target, target_pos, admin in terms["t"]:
                # a deprecated source term, as a deprecated target term, is not to be
                # used: paired with the concept's target terms it would steer the pairing
                # of a word that now means something else (as check leaves it out)
                if admin in FORBIDDEN_STATUSES or source_admin in FORBIDDEN_STATUSES:
                    forbidden += 1
                    continue
                status = STATUS_OF_ADMIN.get(f"{admin}-admn-sts") if admin else None
                entries.append(GlossaryEntry(source, target, pos or target_pos, status))
    if not entries and unreviewed:
        raise InputError(str(path), "no reviewed term pair: " + proposed_not_reviewed(
            unreviewed, source_lang, target_lang))
    if not entries and forbidden:
        are = "is" if forbidden == 1 else "are"
        raise InputError(str(path), "no term pair to use: the "
                         f"{count_of(forbidden, f'{source_lang} -> {target_lang} pair')} "
                         f"{are} forbidden (deprecated)")
    if not entries:
        # a TBX of other languages (en-es given to an en-fr run) gave no glossary at all,
        # and the run went on without one, as check refuses it
        held = ", ".join(sorted(lang for lang in languages if lang)) or "none"
        raise InputError(str(path), f"no term pairs for {source_lang} -> {target_lang} "
                         f"(languages in the file: {held})")
    if left_out is not None:
        for status, count in (("proposed", unreviewed), ("forbidden", forbidden)):
            if count:
                left_out[status] += count
    return entries


def term_status(holder: etree._Element) -> str:
    """A term's administrative status, without TBX-Basic's ``-admn-sts`` suffix (``""``
    when it has none): from a ``termNote type="administrativeStatus"`` (DCA style, TBX
    2008), TBX-Default's ``normativeAuthorization``, or an element of either name (DCT
    style, any namespace). For every reader of a TBX (glossaries, ``check``)."""
    for element in holder.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        local = etree.QName(element).localname
        if (local == "termNote" and element.get("type") in _STATUS_TYPES) \
                or local in _STATUS_TYPES:
            return "".join(element.itertext()).strip().removesuffix("-admn-sts")
    return ""


def unreviewed_entry(entry: etree._Element, statuses: list[str | None]) -> bool:
    """Whether ``entry``, whose terms (of both sides) have these administrative
    ``statuses``, is a pair tmx-export proposed and nobody reviewed: none of its terms has
    a status, and its note says so. For every reader of a TBX (glossaries, ``check``)."""
    return not any(statuses) and marked_proposed(entry)


def proposed_not_reviewed(count: int, source_lang: str, target_lang: str) -> str:
    """Why a TBX of nothing but such entries gives no term pair to use."""
    are = "is" if count == 1 else "are"
    return (f"the {count_of(count, f'{source_lang} -> {target_lang} pair')} {are} proposed, "
            "not reviewed "
            "(review them first: terms --review, terms apply, then write the TBX again)")


def _first(element: etree._Element, tag: str) -> etree._Element | None:
    for child in element.iter(f"{{*}}{tag}", tag):
        return child
    return None
