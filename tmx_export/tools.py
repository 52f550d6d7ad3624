"""Working on finished memories: merge several TMX files, validate TMX/TBX, count what is in them.

- :func:`merge` streams every ``tu`` of the inputs into one TMX 1.4b file, each distinct
  unit once (same languages and same ``seg`` content, inline codes included), with the
  header of the first input. Units are copied whole: props, notes and inline codes stay.
- :func:`validate` checks the project's own rules, the ones CAT tools trip over, and
  reports each problem with its line: well-formed XML, the header attributes TMX 1.4b
  requires, a known ``segtype``, language codes of the form ``ll``/``ll-RR``, ``xml:lang``
  (not TMX 1.1's ``lang``) on every ``tuv``, no empty ``seg``; for TBX (2008 ``martif`` and
  2019 ``tbx``) the entry/language/term structure.
- :func:`stats` counts units, languages, words and characters per language, duplicate
  units, and the distribution of the target/source length ratio.
"""

from __future__ import annotations

import copy
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .clean import Fingerprints
from .errors import InputError
from .formats.tmx import XML_LANG, TmxDocument, iter_elements, seg_text
from .formats.xml import SAFE_PARSER_OPTIONS, check_file, open_xml, parse_xml
from .lang import is_valid_tag, normalise_tag
from .model import SEGTYPES

HEADER_REQUIRED = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                   "srclang", "datatype")
_WORD = re.compile(r"\w+")


# --- merge -------------------------------------------------------------------------------

@dataclass(slots=True)
class MergeCounts:
    files: int = 0
    read: int = 0
    written: int = 0
    duplicates: int = 0


def merge(inputs: Iterable[str | Path], output: str | Path, *, dedupe: bool = True) -> MergeCounts:
    """Merge TMX files into ``output`` (``.gz`` compresses), header from the first input."""
    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputError(str(output), "nothing to merge")
    for path in paths:
        check_file(path)
    header = _first_header(paths[0])
    counts = MergeCounts()
    seen = Fingerprints() if dedupe else None

    def units() -> Iterator[etree._Element]:
        for path in paths:
            counts.files += 1
            for tu in iter_elements(path):
                counts.read += 1
                _to_14(tu)
                if seen is not None and not seen.add(hash(_unit_key(tu))):
                    counts.duplicates += 1
                    continue
                tu.tail = "\n"
                counts.written += 1
                yield tu

    with TmxDocument(output, header) as document:
        document.write_all(units())
    return counts


def _first_header(path: Path) -> etree._Element:
    for elem in iter_elements(path, ("header", "tu")):
        if elem.tag == "header":
            header = copy.deepcopy(elem)
            header.tail = None
            for child in header.iter():
                if "lang" in child.attrib and XML_LANG not in child.attrib:
                    child.set(XML_LANG, child.attrib.pop("lang"))
            return header
        break
    raise InputError(str(path), "no <header> before the first unit")


def _to_14(tu: etree._Element) -> None:
    """TMX 1.1's ``lang`` becomes 1.4's ``xml:lang``; indentation inside ``tu`` goes."""
    for elem in tu.iter("tuv", "prop", "note"):
        if "lang" in elem.attrib and XML_LANG not in elem.attrib:
            elem.set(XML_LANG, elem.attrib.pop("lang"))
    for elem in tu.iter("tu", "tuv"):
        if elem.text is not None and not elem.text.strip():
            elem.text = None
        for child in elem:
            if child.tail is not None and not child.tail.strip():
                child.tail = None


def _unit_key(tu: etree._Element) -> tuple:
    parts = []
    for tuv in tu.iter("tuv"):
        seg = tuv.find("seg")
        body = etree.tostring(seg, method="c14n") if seg is not None else b""
        parts.append((normalise_tag(tuv.get(XML_LANG, "")), body))
    return tuple(sorted(parts))


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
            raise InputError(str(path), f"not well-formed XML: {exc.msg}", exc.lineno) from None
    raise InputError(str(path), "empty file")


def _lang_problem(code: str | None, what: str) -> str | None:
    if not code:
        return f"{what} has no language"
    if not is_valid_tag(code):
        return f"{what} has an invalid language code {code!r} (expected ll or ll-RR, e.g. en-GB)"
    return None


def _validate_tmx(path: str | Path) -> list[Problem]:
    name = str(path)
    out: list[Problem] = []

    def add(line: int | None, message: str) -> None:
        out.append(Problem(name, line or 0, message))

    header_seen = False
    srclang = None
    units = 0
    try:
        for elem in iter_elements(path, ("header", "tu")):
            if elem.tag == "header":
                header_seen = True
                root = elem.getroottree().getroot()
                if root.get("version") not in ("1.4", "1.4b"):
                    add(root.sourceline, f"TMX version {root.get('version')!r}, expected 1.4")
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
                continue
            units += 1
            if not header_seen:
                add(elem.sourceline, "unit before any <header>")
                header_seen = True
            _validate_tu(elem, srclang, add)
    except InputError as exc:
        add(exc.line, exc.message)
        return out
    if not header_seen:
        add(1, "no <header>")
    return out


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
            add(tuv.sourceline, problem)
        langs.append(normalise_tag(lang or ""))
        segs = [child for child in tuv if child.tag == "seg"]
        if len(segs) != 1:
            add(tuv.sourceline, f"tuv has {len(segs)} seg elements, expected 1")
        elif not seg_text(segs[0]).strip() and len(segs[0]) == 0:
            add(segs[0].sourceline, "empty seg")
    if srclang and srclang != "*all*" and normalise_tag(srclang) not in langs:
        add(tu.sourceline, f"tu has no tuv in the header srclang {srclang}")


def _validate_tbx(path: str | Path) -> list[Problem]:
    name = str(path)
    out: list[Problem] = []
    root = parse_xml(path).getroot()

    def local(elem) -> str:
        return etree.QName(elem).localname if isinstance(elem.tag, str) else ""

    def children(elem, tag: str) -> list:
        return [c for c in elem if local(c) == tag]

    v2 = local(root) == "martif"
    entry_tag, lang_tag = ("termEntry", "langSet") if v2 else ("conceptEntry", "langSec")
    header_tag = "martifHeader" if v2 else "tbxHeader"
    if not children(root, header_tag):
        out.append(Problem(name, root.sourceline or 0, f"no <{header_tag}>"))
    if not root.get("type"):
        out.append(Problem(name, root.sourceline or 0, f"<{local(root)}> lacks the type attribute"))
    bodies = [b for t in children(root, "text") for b in children(t, "body")]
    if not bodies:
        out.append(Problem(name, root.sourceline or 0, "no <text><body>"))
        return out
    entries = [e for b in bodies for e in children(b, entry_tag)]
    if not entries:
        out.append(Problem(name, bodies[0].sourceline or 0, f"no <{entry_tag}>"))
    for entry in entries:
        lang_sets = children(entry, lang_tag)
        if not lang_sets:
            out.append(Problem(name, entry.sourceline or 0, f"{entry_tag} without {lang_tag}"))
        for lang_set in lang_sets:
            problem = _lang_problem(lang_set.get(XML_LANG), lang_tag)
            if problem:
                out.append(Problem(name, lang_set.sourceline or 0, problem))
            terms = [t for t in lang_set.iter() if local(t) == "term"]
            if not terms:
                out.append(Problem(name, lang_set.sourceline or 0, f"{lang_tag} without a term"))
            for term in terms:
                if not "".join(term.itertext()).strip():
                    out.append(Problem(name, term.sourceline or 0, "empty term"))
    return out


# --- stats -------------------------------------------------------------------------------

@dataclass(slots=True)
class LanguageStats:
    segments: int = 0
    words: int = 0
    chars: int = 0


@dataclass(slots=True)
class TmxStats:
    """What :func:`stats` found; ``ratio_*`` describe target/source length in characters."""

    files: int = 0
    units: int = 0
    duplicates: int = 0
    srclang: str = ""
    languages: dict[str, LanguageStats] = field(default_factory=dict)
    ratio_pair: tuple[str, str] | None = None
    ratio_quantiles: dict[str, float] = field(default_factory=dict)
    ratio_outside: int = 0  # units with a ratio below 0.5 or above 2

    def as_dict(self) -> dict:
        return {
            "files": self.files, "units": self.units, "duplicates": self.duplicates,
            "srclang": self.srclang,
            "languages": {k: {"segments": v.segments, "words": v.words, "chars": v.chars}
                          for k, v in self.languages.items()},
            "ratio_pair": list(self.ratio_pair) if self.ratio_pair else None,
            "ratio_quantiles": self.ratio_quantiles, "ratio_outside": self.ratio_outside,
        }


def stats(paths: Iterable[str | Path]) -> TmxStats:
    """Counts over the TMX files ``paths`` (streamed; memory holds one ratio per unit)."""
    result = TmxStats()
    seen: set[int] = set()
    lengths: list[dict[str, int]] = []
    for path in paths:
        result.files += 1
        for elem in iter_elements(path, ("header", "tu")):
            if elem.tag == "header":
                result.srclang = result.srclang or normalise_tag(elem.get("srclang", ""))
                continue
            result.units += 1
            unit_lengths: dict[str, int] = {}
            key = []
            for tuv in elem.iter("tuv"):
                lang = normalise_tag(tuv.get(XML_LANG) or tuv.get("lang") or "?")
                seg = tuv.find("seg")
                text = seg_text(seg) if seg is not None else ""
                entry = result.languages.setdefault(lang, LanguageStats())
                entry.segments += 1
                entry.words += len(_WORD.findall(text))
                entry.chars += len(text)
                unit_lengths.setdefault(lang, len(text))
                key.append((lang, text))
            fingerprint = hash(tuple(sorted(key)))
            if fingerprint in seen:
                result.duplicates += 1
            seen.add(fingerprint)
            lengths.append(unit_lengths)
    _ratios(result, lengths)
    return result


def _ratios(result: TmxStats, lengths: list[dict[str, int]]) -> None:
    if not result.languages:
        return
    by_count = sorted(result.languages, key=lambda k: -result.languages[k].segments)
    source = result.srclang if result.srclang in result.languages else by_count[0]
    others = [lang for lang in by_count if lang != source]
    if not others:
        return
    target = others[0]
    result.ratio_pair = (source, target)
    ratios = sorted(u[target] / u[source] for u in lengths
                    if u.get(source) and target in u)
    if not ratios:
        return
    result.ratio_outside = sum(1 for r in ratios if r < 0.5 or r > 2)
    if len(ratios) == 1:
        result.ratio_quantiles = {"min": ratios[0], "median": ratios[0], "max": ratios[0]}
        return
    cuts = statistics.quantiles(ratios, n=20, method="inclusive")
    result.ratio_quantiles = {
        "min": ratios[0], "p5": cuts[0], "p25": cuts[4], "median": statistics.median(ratios),
        "p75": cuts[14], "p95": cuts[18], "max": ratios[-1],
    }


def format_stats(result: TmxStats) -> str:
    """A short human-readable report of :func:`stats`."""
    lines = [f"files: {result.files}", f"units: {result.units}",
             f"duplicate units: {result.duplicates}",
             f"header srclang: {result.srclang or '-'}", "languages:"]
    for lang, s in sorted(result.languages.items(), key=lambda kv: -kv[1].segments):
        lines.append(f"  {lang:<8} {s.segments:>9} segments {s.words:>11} words "
                     f"{s.chars:>12} characters")
    if result.ratio_pair and result.ratio_quantiles:
        src, tgt = result.ratio_pair
        q = "  ".join(f"{k} {v:.2f}" for k, v in result.ratio_quantiles.items())
        lines.append(f"length ratio {tgt}/{src}: {q}")
        lines.append(f"  units with ratio < 0.5 or > 2: {result.ratio_outside}")
    return "\n".join(lines)
