"""Inline codes and software placeholders: the ``tag-mismatch`` and ``placeholder``
checks of one unit (see :mod:`.rules`, whose table runs them), and a side's text with its
codes as content (:func:`with_codes`), which ``punctuation`` and ``spacing`` read.

``tag-mismatch``
    Codes are compared as multisets of (element, ``i``, ``x``) for ``bpt``, ``ept``,
    ``ph`` and ``it``, including codes inside ``sub`` flows; their order may change. The
    native code a code holds is compared too, by its element name where both sides write
    a markup tag there: bold made italic (``<bpt i="1">&lt;b&gt;</bpt>`` become
    ``&lt;i&gt;``) is a finding of its own, the codes shown with their native code (white
    space collapsed, ``sub`` text left out); a localised attribute (``<a href="/fr">``)
    or a code written otherwise than as a tag (RTF, OmegaT's shortcuts) is not compared.
    ``hi`` (a highlight around text, not a native code) and ``ut`` (deprecated, unpaired
    by nature) are not compared. An ``ept`` before its ``bpt`` in the target, when the
    source has them in order, is a finding too. Markup that does not parse is a finding of
    its own and nothing else is compared for that unit. ``item``/``expected`` as for
    numbers, with the codes shown as ``<bpt i="1" x="1">``.

``placeholder``
    Software placeholders (:data:`tmx_export.clean.PLACEHOLDER_RE`, which terms
    extraction masks too: printf "%d", "%1$s", "%.2f", Python "%(name)s", braces "{0}",
    "{name}", "{0:.2f}") are compared as multisets of their
    spellings, in any text (a PO file's above all): "%d" made "%s", "{name}" translated
    "{nom}", a placeholder dropped or added. Only forms that are placeholders beyond doubt:
    "%%" and "{{" are literal, a "%" right after a letter or a digit is a percent sign or
    part of a word ("50%d", "a%20b"), and the space flag is not read ("50 % des").
    ``item``/``expected`` as for numbers.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

from ..clean import PLACEHOLDER_RE, sanitise
from ..formats.xml import SAFE_PARSER_OPTIONS
from ..model import Pair
from .model import Finding, finding
from .text import blank

# The inline codes compared; hi and ut are left out (see the module docstring).
COMPARED_CODES = ("bpt", "ept", "ph", "it")
# One parser for all units (lxml parsers are reusable): no entities, no network, no DTD.
_MARKUP_PARSER = etree.XMLParser(**SAFE_PARSER_OPTIONS)

Code = tuple[str, str | None, str | None]


class _Unparsable(ValueError):
    pass


def _code_elements(markup: str | None) -> list[etree._Element]:
    """The inline code elements of a ``<seg>``'s inner XML, in document order: parsed once
    for their codes (:func:`_code`) and, where both sides have some, their native codes."""
    if not markup:
        return []
    try:
        root = etree.fromstring("<seg>" + markup + "</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError as error:
        raise _Unparsable(str(error)) from None
    return list(root.iter(*COMPARED_CODES))


def _code(element: etree._Element) -> Code:
    return element.tag, element.get("i"), element.get("x")


def _show(code: Code) -> str:
    tag, i, x = code
    return f"<{tag}" + (f' i="{i}"' if i is not None else "") + \
        (f' x="{x}"' if x is not None else "") + ">"


def _in_order(codes: list[Code], wanted: Counter[Code]) -> str:
    """The codes of ``wanted`` (as many of each as it counts), in their order in ``codes``."""
    left = Counter(wanted)
    shown = []
    for code in codes:
        if left[code] > 0:
            left[code] -= 1
            shown.append(_show(code))
    return " ".join(shown)


def _ept_first(codes: list[Code]) -> set[str]:
    """The ``i`` of each ``ept`` that comes before its ``bpt`` (an ept whose bpt is
    missing altogether is a count difference, reported as such)."""
    opened: set[str | None] = set()
    early: set[str] = set()
    for tag, i, _x in codes:
        if tag == "bpt":
            opened.add(i)
        elif tag == "ept" and i is not None and i not in opened:
            early.add(i)
    return early & opened


def _contents(elements: list[etree._Element]) -> list[tuple[Code, str]]:
    """Each code of ``elements`` with its native code ("<b>" in
    ``<bpt i="1">&lt;b&gt;</bpt>``; a ``sub`` flow inside it, translatable text, left out),
    in document order."""
    return [(_code(el),
             " ".join(((el.text or "") + "".join(child.tail or "" for child in el)).split()))
            for el in elements]


# The element a native code opens or closes: "b" in "<b>", "</B>", "<b class='x'>".
_NATIVE_NAME_RE = re.compile(r"\s*</?\s*([A-Za-z][\w:.-]*)")


def _native_name(content: str) -> str:
    """The element name (lower case) of a native code that is a markup tag, else "": only
    the name is compared, so a link localised (``<a href="/fr">``) or a code another
    tool writes its own way (OmegaT's "{\\test internal />}") is no change."""
    m = _NATIVE_NAME_RE.match(content)
    return m.group(1).lower() if m else ""


def _show_content(code: Code, content: str) -> str:
    """A code with its native code, as the TMX writes it: ``<bpt i="1">&lt;b&gt;</bpt>``."""
    escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"{_show(code)}{escaped}</{code[0]}>"


def _changed_contents(source: list[etree._Element], target: list[etree._Element]
                      ) -> tuple[str, str] | None:
    """The codes found on both sides whose native code differs (bold made italic:
    ``&lt;b&gt;`` became ``&lt;i&gt;``), shown as (target's, source's); ``None`` when none
    does. Among the codes of the same element, ``i`` and ``x`` the native names are compared
    as multisets, since codes without ``i`` (``ph``, ``it``) may change order; only native
    codes that are markup tags are compared (:func:`_native_name`)."""
    source_named = _named_contents(source)
    target_named = _named_contents(target)
    source_names = _name_counts(source_named)
    target_names = _name_counts(target_named)
    gone: dict[Code, Counter[str]] = {}
    new: dict[Code, Counter[str]] = {}
    for code in source_names.keys() & target_names.keys():
        lost, added = source_names[code] - target_names[code], \
            target_names[code] - source_names[code]
        if lost and added:  # a code only dropped or added is a count difference
            gone[code], new[code] = lost, added
    if not new:
        return None
    return _shown_left(target_named, new), _shown_left(source_named, gone)


def _named_contents(elements: list[etree._Element]) -> list[tuple[Code, str, str]]:
    """Each code of :func:`_contents` with its native content and that content's name,
    the codes whose native code is no markup tag left out."""
    named = ((code, content, _native_name(content)) for code, content in _contents(elements))
    return [item for item in named if item[2]]


def _name_counts(named: list[tuple[Code, str, str]]) -> dict[Code, Counter[str]]:
    counts: dict[Code, Counter[str]] = defaultdict(Counter)
    for code, _content, name in named:
        counts[code][name] += 1
    return counts


def _shown_left(named: list[tuple[Code, str, str]], left: dict[Code, Counter[str]]) -> str:
    """The codes whose native name ``left`` counts (as many of each), in document order."""
    wanted = {code: Counter(names) for code, names in left.items()}
    shown = []
    for code, content, name in named:
        if wanted.get(code, Counter())[name] > 0:
            wanted[code][name] -= 1
            shown.append(_show_content(code, content))
    return " ".join(shown)


def tag_mismatch(unit: Pair) -> Iterator[Finding]:
    """The inline codes (bpt/ept/ph/it, with their i and x) of source and target markup
    differ as multisets, or their native codes differ, or an ept comes before its bpt in
    the target only."""
    if not unit.source_markup and not unit.target_markup or blank(unit.target):
        return
    sides: list[list[etree._Element]] = []
    for name, markup in (("source", unit.source_markup), ("target", unit.target_markup)):
        try:
            sides.append(_code_elements(markup))
        except _Unparsable as error:
            yield finding(unit, "tag-mismatch", f"unparsable {name} markup",
                          f"well-formed inline codes ({error})")
            return
    source_codes = [_code(el) for el in sides[0]]
    target_codes = [_code(el) for el in sides[1]]
    changed = _changed_contents(*sides) if source_codes and target_codes else None
    if changed is not None:
        yield finding(unit, "tag-mismatch", *changed)
    missing = Counter(source_codes) - Counter(target_codes)
    extra = Counter(target_codes) - Counter(source_codes)
    if extra:
        yield finding(unit, "tag-mismatch", _in_order(target_codes, extra),
                      _in_order(source_codes, missing) or "(not in the source)")
    elif missing:
        yield finding(unit, "tag-mismatch", _in_order(source_codes, missing),
                      "(missing from the target)")
    for i in sorted(_ept_first(target_codes) - _ept_first(source_codes)):
        yield finding(unit, "tag-mismatch", f'<ept i="{i}">', f'after its <bpt i="{i}">')


# --- placeholder -----------------------------------------------------------------------------

# (the placeholders are those of clean.PLACEHOLDER_RE, the one pattern, which says which
# forms are placeholders beyond doubt)


def _placeholders(text: str) -> Counter[str]:
    """The placeholders of ``text`` (without the literal "%%", "{{", "}}"; "{}" counts)."""
    if "%" not in text and "{" not in text:
        return Counter()
    return Counter(m.group() for m in PLACEHOLDER_RE.finditer(text)
                   if m.group() not in ("%%", "{{", "}}"))


def without_placeholders(text: str) -> str:
    """``text`` with its placeholders (:data:`tmx_export.clean.PLACEHOLDER_RE`) made spaces."""
    if "%" not in text and "{" not in text:
        return text
    return PLACEHOLDER_RE.sub(
        lambda m: m.group() if m.group() in ("%%", "{{", "}}") else " ", text)


def placeholder(unit: Pair) -> Iterator[Finding]:
    """The software placeholders (printf, Python, braces) of source and target differ as
    multisets: "%d" made "%s", "{name}" translated "{nom}", one dropped or added. Their
    order may change ("%1$s ... %2$s")."""
    if not blank(unit.target):
        yield from placeholder_body(unit)


def placeholder_body(unit: Pair) -> Iterator[Finding]:
    """:func:`placeholder` of a unit whose target is not blank. The placeholders of the
    native codes count too: a ``<ph>`` holding "{0}" (XLIFF's original data, a CAT tool's
    protected variable) made "{1}" is a variable swapped as surely as in the text."""
    source_text, target_text = unit.source, unit.target
    if unit.source_markup or unit.target_markup:
        source_text = _with_native_codes(source_text, unit.source_markup)
        target_text = _with_native_codes(target_text, unit.target_markup)
    # most units have no "%" or "{" at all, told at C speed
    if "%" not in source_text and "{" not in source_text and "%" not in target_text \
            and "{" not in target_text:
        return
    source, target = _placeholders(source_text), _placeholders(target_text)
    if source == target:
        return
    missing, extra = source - target, target - source
    shown_missing = " ".join(_in_text_order(source_text, missing))
    if extra:
        yield finding(unit, "placeholder", " ".join(_in_text_order(target_text, extra)),
                      shown_missing or "(not in the source)")
    else:
        yield finding(unit, "placeholder", shown_missing, "(missing from the target)")


def _with_native_codes(text: str, markup: str | None) -> str:
    """``text`` followed by the native codes of its inline codes (each after a line break,
    so none runs into the text), when they may hold a placeholder; else ``text``."""
    if not markup or ("%" not in markup and "{" not in markup):
        return text
    try:
        contents = [content for _code_, content in _contents(_code_elements(markup))]
    except _Unparsable:
        return text  # tag-mismatch reports it
    return "\n".join([text, *contents])


def _in_text_order(text: str, wanted: Counter[str]) -> list[str]:
    """The placeholders of ``wanted`` (as many of each as it counts), in their order in
    ``text``."""
    left = Counter(wanted)
    shown = []
    for m in PLACEHOLDER_RE.finditer(text):
        if left[m.group()] > 0:
            left[m.group()] -= 1
            shown.append(m.group())
    return shown


# --- inline codes as content (punctuation, spacing) --------------------------------------------

# What stands for an inline code in the text that punctuation and spacing read: a code is
# content, not nothing ("ou {0}." has no space before its full stop, "Ouvrir %s :" no
# double space). U+FFFC OBJECT REPLACEMENT CHARACTER: no letter, space or mark of theirs.
CODE_MARK = "\ufffc"
# How a finding's item shows a code.
CODE_SHOWN = "{code}"


# punctuation and spacing, and both sides of a unit with double spaces, ask it of one side
@lru_cache(maxsize=256)
def _cached_with_codes(text: str, markup: str | None) -> str:
    """``text`` (a side of a unit, its codes dropped) with each inline code of ``markup``
    (the side's inner XML) as :data:`CODE_MARK`, ``hi`` text kept, spaced as the markup
    is. ``text`` itself without markup, when the markup does not parse, or when it holds
    other words than ``text`` (the codes could not be placed)."""
    if not markup:
        return text
    try:
        root = etree.fromstring("<seg>" + markup + "</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError:
        return text  # tag-mismatch reports it
    marked = sanitise(_marked_text(root), Counter())
    # a reader may have collapsed the spaces a dropped code left (XLIFF): words must agree
    if marked.replace(CODE_MARK, " ").split() != text.split():
        return text
    return marked


def with_codes(text: str, markup: str | None) -> str:
    """``text`` (a side of a unit, its codes dropped) with each inline code of ``markup``
    (the side's inner XML) as :data:`CODE_MARK` (:func:`_cached_with_codes`); without a look
    in the cache for the many sides without markup."""
    return _cached_with_codes(text, markup) if markup else text


def _marked_text(element: etree._Element) -> str:
    """The text of a ``seg`` (or ``hi``) as :func:`tmx_export.formats.tmx.seg_text` reads it,
    each native code (any element but ``hi``; not a comment) as :data:`CODE_MARK`."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "hi":
            parts.append(_marked_text(child))
        elif isinstance(child.tag, str):
            parts.append(CODE_MARK)
        parts.append(child.tail or "")
    return "".join(parts)


