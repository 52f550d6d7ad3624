"""Reading TMX as real tools write it: any version, any encoding, many languages per unit.

What the real files show, and what is handled here:

- TMX 1.1 to 1.4b; UTF-8 with or without BOM, UTF-16 LE/BE with BOM, CRLF line ends,
  US-ASCII with character references (the LISA compliance kit, DGT-TM's Euramis exports).
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
  of the ``seg``, in :attr:`TmxPair.source_markup`/``target_markup`` for writing TMX
  again. ``hi`` delimits real text, so its content stays in the text.

Reading is streaming (``iterparse`` on ``tu``, each unit cleared once read): memory does
not grow with the file when pairs are consumed through :func:`iter_tmx`. The XML is
untrusted: entity declarations are refused (see :mod:`tmx_export.xmlsafe`) and the parser
never expands entities, loads a DTD or touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from ..errors import InputError
from ..model import Pair, ReadResult, Reject
from ..xmlsafe import SAFE_PARSER_OPTIONS, check_prolog, has_entity_declarations, open_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Elements inside <seg> (and inside <hi>) whose content is the original document's
# formatting code, not translatable text. <sub> only occurs inside these.
INLINE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})

# Meta data kept for a tuv: ("prop", type, text) or ("note", "", text), in file order.
Meta = tuple[str, str, str]


@dataclass(slots=True)
class TmxPair(Pair):
    """A :class:`Pair` read from TMX, with what plain text cannot carry.

    ``source_markup``/``target_markup`` hold the inner XML of each ``seg`` (inline codes
    kept) when it has any inline element, else ``None``: the text is then the markup.
    ``notes`` are the ``tu``'s notes; ``source_meta``/``target_meta`` the props and notes
    of the two chosen ``tuv``s; ``extra_props`` any ``tu`` prop whose type repeats (the
    first value of each type is in :attr:`Pair.props`). ``tuid`` is the file's own id.
    """

    source_markup: str | None = None
    target_markup: str | None = None
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


def _meta(elem: etree._Element) -> tuple[list[tuple[str, str]], list[str]]:
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    for child in elem:
        if child.tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif child.tag == "note":
            notes.append(child.text or "")
    return props, notes


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
