"""Segmentation: cut paragraph texts into the segments a CAT tool makes of them.

A translation memory only pays off when its units are the segments the translator's CAT tool
cuts from a new document: then the tool finds exact matches. So the rules here follow what
the common CAT defaults do (OmegaT's above all, because it is the client we check against),
not what a linguist would call a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .align import Bead, Glossary, align, cut_target
from .model import Pair, Reject

if TYPE_CHECKING:
    from .srx import SrxRules

# -- paragraph numbers ------------------------------------------------------------------------
#
# A numbered paragraph "34. Calls on ..." is one text for the reader, but OmegaT 3.6's default
# segmentation rules (verified against OmegaT itself) decide per language whether "34." is a
# segment of its own:
#   * every language: a numbered-heading rule breaks after "34. " when an upper-case letter
#     follows ("34. Calls", "34. Invite", "34. Die");
#   * otherwise the general ".?!" rule breaks after "34." before any white space, unless the
#     language has an exception that covers it: French keeps "." before a space and an ASCII
#     lower-case letter, and before "»" ("34. invite" stays whole); German never breaks after
#     "<digit>." ("34. die" stays whole); English has no such exception ("34. calls" splits).
# A TMX unit only fills a segment if it is that segment, so the number must be cut exactly
# where OmegaT cuts it, judged on the SOURCE text (the document the CAT tool segments).

_NO_BREAK_AFTER_NUMBER = {
    # language prefix -> the text after "N. " for which "N." is NOT cut off
    "fr": re.compile(r"[a-z]|»"),
    "de": re.compile(r"", re.DOTALL),  # "[0-9]\." before a space never breaks in German
}


def _lang_prefix(lang: str) -> str:
    return re.split(r"[^A-Za-z]", lang, maxsplit=1)[0].lower()


def omegat_splits_number(body: str, lang: str) -> bool:
    """Would OmegaT's default rules for ``lang`` cut "N." off the paragraph "N. <body>"?"""
    if not body:
        return False
    if unicodedata.category(body[0]) == "Lu":
        return True  # numbered-heading rule, all languages
    exception = _NO_BREAK_AFTER_NUMBER.get(_lang_prefix(lang))
    return exception is None or exception.match(body) is None


def _with_paragraph(pair: Pair, source: str, target: str) -> Pair:
    props = dict(pair.props)
    if pair.number is not None:
        props["x-paragraph"] = str(pair.number)
    return replace(pair, source=source, target=target, props=props)


def _splits_number(pair: Pair, rules: SrxRules | None) -> bool:
    """Does the CAT tool make "N." a segment of its own in the source paragraph?"""
    if rules is None:
        return omegat_splits_number(pair.source, pair.source_lang)
    first = rules.segment(f"{pair.number}. {pair.source}", pair.source_lang)[:1]
    return first == [f"{pair.number}."]


def paragraph_units(pair: Pair, *, rules: SrxRules | None = None) -> list[Pair]:
    """The paragraph-level units of ``pair``, with its number handled as OmegaT handles it.

    With no number, the pair itself. Otherwise either two units, ("N.", "N.") and the two
    bodies, when OmegaT makes "N." a segment of the source paragraph, or one unit with
    "N. " in front of both texts. Every unit carries the ``x-paragraph`` prop. With SRX
    ``rules``, whether "N." is a segment is what those rules make of the source paragraph.
    """
    if pair.number is None:
        return [pair]
    label = f"{pair.number}."
    if _splits_number(pair, rules):
        return [
            _with_paragraph(pair, label, label),
            _with_paragraph(pair, pair.source, pair.target),
        ]
    return [_with_paragraph(pair, f"{label} {pair.source}", f"{label} {pair.target}")]


# -- sentence and clause segmentation ---------------------------------------------------------
#
# The rules are those the common CAT defaults share: a segment ends after ".", "?", "!" or
# "…" (with any closing quotes or brackets) when white space and then anything but a
# lower-case letter follows; known abbreviations do not end a segment. A line break always
# does. Finding the candidates is one precompiled regex over the whole text; only the
# candidates (one per sentence or so) are looked at in Python, which keeps this fast.

MODES = ("sentence", "paragraph", "clause")

_CANDIDATE = re.compile(
    r"[.?!…]+"  # the sentence-final punctuation
    r"(?:[ \u00a0\u202f\u2009]?[»›])?"  # French closing guillemet, after a (thin) space
    r"[\"'”’)\]]*"  # closing quotes and brackets
    r"(?=\s)"
)
# clause mode: also "; " before a lower-case word (the clauses of EU resolutions)
_CLAUSE_CANDIDATE = re.compile(r"(?:[.?!…]+(?:[ \u00a0\u202f\u2009]?[»›])?|;)[\"'”’)\]]*(?=\s)")
# what follows a candidate: white space, opening quotes/brackets, then the first character
_FOLLOWER = re.compile(r"\s+((?:[\"'“‘«‹(\[¿¡]\s*)*)(\S?)")
_LINE_BREAK = re.compile(r"[ \t\u00a0\u202f]*(?:\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])\s*")
_HAS_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]")
# A token is an abbreviation candidate without its opening punctuation: "(Art." -> "Art."
_OPENERS = "\"'“‘«‹([¿¡"

# What an abbreviation forbids: a break whatever follows, a break before a digit only
# ("No. 5", "p. 12"; "No." alone may well end an answer), or a break before anything but an
# upper-case letter ("etc. 5" continues, "etc. The" starts a new sentence).
ALWAYS, BEFORE_DIGIT, UNLESS_UPPER = "always", "digit", "unless-upper"

ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Messrs.", "Jr.", "Sr.",
             "Gen.", "Col.", "Capt.", "Lt.", "Sgt.", "Rev.", "Hon.", "Gov.", "Sen.", "Rep.",
             "e.g.", "E.g.", "i.e.", "I.e.", "cf.", "Cf.", "vs.", "v.", "approx.", "Approx.",
             "fig.", "Fig.", "resp.", "ca.", "viz.", "al."],
            ALWAYS),
        **dict.fromkeys(
            ["No.", "Nos.", "no.", "nos.", "Art.", "art.", "Arts.", "p.", "pp.", "para.",
             "paras.", "Para.", "vol.", "Vol.", "ch.", "Ch.", "sec.", "Sec.", "tel.", "Tel."],
            BEFORE_DIGIT),
        "etc.": UNLESS_UPPER,
    },
    "fr": {
        **dict.fromkeys(
            ["M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Me.", "Dr.", "Pr.", "Prof.",
             "St.", "Ste.", "Mgr.", "art.", "Art.", "cf.", "Cf.", "réf.", "Réf.", "vol.",
             "Vol.", "chap.", "éd.", "env.", "p.", "pp.", "ex.", "i.e.", "c.-à-d.", "av.",
             "apr.", "J.-C.", "ann.", "coll."],
            ALWAYS),
        **dict.fromkeys(["n.", "no.", "No.", "nos.", "Nos.", "al.", "par."], BEFORE_DIGIT),
        "etc.": UNLESS_UPPER,
    },
}
# Initials ("J. Smith") and dotted acronyms ("U.K.", "C.E.E.") in every language.
_INITIALS = re.compile(r"(?:[A-Z]\.)+|(?:[A-Z]\.-)+[A-Z]\.")


def _abbreviations(lang: str) -> dict[str, str]:
    return ABBREVIATIONS.get(_lang_prefix(lang), ABBREVIATIONS["en"])


def _breaks(line: str, lang: str, clause: bool) -> list[int]:
    """Break offsets in one line of text (no line breaks inside)."""
    abbreviations = _abbreviations(lang)
    candidate = _CLAUSE_CANDIDATE if clause else _CANDIDATE
    breaks: list[int] = []
    for m in candidate.finditer(line):
        follower = _FOLLOWER.match(line, m.end())
        if follower is None:
            continue
        nxt = follower.group(2)
        if not nxt:  # only white space follows: the end of the text
            continue
        punct = m.group()
        if punct[0] == ";":
            # a clause break only before a lower-case word: "; stresses", "; souligne"
            if nxt.islower():
                breaks.append(m.end())
            continue
        if nxt.islower():
            continue  # "etc. and", "approx. two", "34. invite": not a sentence end
        if punct[0] == "." and (len(punct) == 1 or punct[1] != "."):
            start = m.start() + 1
            words = line[max(0, start - 40) : start].split()
            token = words[-1].lstrip(_OPENERS) if words else ""
            rule = abbreviations.get(token)
            if rule is None and _INITIALS.fullmatch(token):
                rule = ALWAYS
            if rule is ALWAYS:
                continue
            if rule is BEFORE_DIGIT and nxt.isdigit() and not follower.group(1):
                continue
            if rule is UNLESS_UPPER and not nxt.isupper():
                continue
        breaks.append(m.end())
    return breaks


def _cut(line: str, breaks: list[int]) -> list[str]:
    out: list[str] = []
    prev = 0
    for pos in breaks:
        piece = line[prev:pos].strip()
        if piece:
            out.append(piece)
        prev = pos
    piece = line[prev:].strip()
    if piece:
        out.append(piece)
    return out


def segment_text(text: str, lang: str, mode: str = "sentence", *,
                 rules: SrxRules | None = None) -> list[str]:
    """Cut ``text`` (in language ``lang``) into segments; none empty, none padded.

    ``mode`` is ``sentence`` (the default, what CAT tools match), ``clause`` (also break at
    "; " before a lower-case word, for concordance and term work) or ``paragraph`` (only at
    line breaks). ``rules`` are segmentation rules read from an SRX file
    (:func:`tmx_export.srx.read_srx`); they replace the built-in sentence rules.
    """
    if mode not in MODES:
        raise ValueError(f"unknown segmentation mode {mode!r}; expected one of {MODES}")
    out: list[str] = []
    lines = _LINE_BREAK.split(text) if _HAS_LINE_BREAK.search(text) else [text]
    for line in lines:
        if mode == "paragraph":
            piece = line.strip()
            if piece:
                out.append(piece)
        elif rules is not None:
            for piece in rules.segment(line, lang):
                if mode == "clause":
                    out.extend(_cut(piece, _breaks(piece, lang, True)))
                else:
                    out.append(piece)
        else:
            out.extend(_cut(line, _breaks(line, lang, mode == "clause")))
    return out


# -- paragraph pair -> sentence pairs ---------------------------------------------------------

# Below this mean bead score, or with more than this share of sentences left unaligned, a
# paragraph pair is not cut: one paragraph-level unit loses nothing and misleads no one.
FALLBACK_SCORE = 0.3
FALLBACK_UNALIGNED = 0.34


def _one_line(text: str) -> str:
    return _LINE_BREAK.sub(" ", text).strip()


def _unit(pair: Pair, source: str, target: str, kind: str, score: float) -> Pair:
    props = dict(pair.props)
    if pair.number is not None:
        props["x-paragraph"] = str(pair.number)
    props["x-align"] = kind
    props["x-align-score"] = f"{score:.2f}"
    return Pair(source, target, pair.source_lang, pair.target_lang, pair.number, pair.file,
                pair.line, props)


def segment_pair(
    pair: Pair,
    mode: str = "sentence",
    *,
    rules: SrxRules | None = None,
    min_score: float | None = None,
    glossary: Glossary | Iterable[tuple[str, str]] | None = None,
) -> tuple[list[Pair], list[Reject]]:
    """Turn one paragraph pair into the units of a TMX, and the rejects.

    ``mode`` is ``sentence``, ``clause`` or ``paragraph`` (see :func:`segment_text`). Both
    sides are segmented and aligned (:func:`tmx_export.align.align`); every unit carries
    ``x-align`` ("1-1", "2-1"...) and ``x-align-score`` (0..1), and ``x-paragraph`` when the
    paragraph is numbered. When several source sentences were translated as one (a 2-1 or
    2-2 bead), and the translation can be cut at the clause boundaries joining them (a
    sentence end, ";", ":", a dash, a comma, a coordinating conjunction:
    :func:`tmx_export.align.cut_target`), each gets a unit of its own, marked "2-1/1" and
    "2-1/2". A sentence the aligner left without translation joins its neighbour's bead
    when that bead can then be cut so ("3-1/1"...). Sentences still without a translation
    (1-0 and 0-1 beads) and units scoring under ``min_score`` become rejects. A paragraph
    pair whose sentences do not align with confidence is cut the same way as a whole
    ("4-3/1"...) when its translation allows it, and otherwise stays one unit, so no text
    is lost.
    """
    if mode not in MODES:
        raise ValueError(f"unknown segmentation mode {mode!r}; expected one of {MODES}")
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = Glossary(glossary)
    if mode == "paragraph":
        units = paragraph_units(pair, rules=rules)
        return [replace(u, source=_one_line(u.source), target=_one_line(u.target))
                for u in units], []

    units: list[Pair] = []
    prefix = ""
    if pair.number is not None:
        if _splits_number(pair, rules):
            label = f"{pair.number}."
            units.append(_unit(pair, label, label, "1-1", 1.0))
        else:
            prefix = f"{pair.number}. "
    source = segment_text(pair.source, pair.source_lang, mode, rules=rules)
    target = segment_text(pair.target, pair.target_lang, mode, rules=rules)
    if prefix:
        source = [prefix + source[0], *source[1:]] if source else [prefix.strip()]
        target = [prefix + target[0], *target[1:]] if target else [prefix.strip()]
    beads = align(source, target, glossary=glossary)
    total_s, total_t = sum(map(len, source)), sum(map(len, target))
    ratio = min(max(total_t / total_s, 0.5), 2.0) if total_s and total_t else 1.0
    cutter = _Cutter(source, target, pair.target_lang, ratio, glossary)

    paired = [b for b in beads if b.src_start < b.src_end and b.tgt_start < b.tgt_end]
    unaligned = sum((b.src_end - b.src_start) + (b.tgt_end - b.tgt_start)
                    for b in beads if b not in paired)
    # the mean score weighted by length: a short "Thank you." / "Merci." shares no anchor
    # and says little about the whole
    weights = [sum(map(len, source[b.src_start:b.src_end])) for b in paired]
    mean = (sum(b.score * w for b, w in zip(paired, weights, strict=True)) / sum(weights)
            if paired and sum(weights) else 0.0)
    # A diagonal of 1-1 beads is the most plausible reading of a pair with equal sentence
    # counts even when the scores are modest (free translation, few shared names).
    diagonal = all(b.kind == "1-1" for b in beads)
    if len(beads) > 1 and (not paired or (mean < FALLBACK_SCORE and not diagonal)
                           or unaligned > FALLBACK_UNALIGNED * (len(source) + len(target))):
        # The beads cannot be trusted, but the translation may still be cut, clause by
        # clause, into one piece per source sentence; if not, the paragraph stays whole.
        whole = Bead(0, len(source), 0, len(target), 0.0)
        pieces = cutter.cut(whole)
        if pieces is not None:
            units.extend(_unit(pair, source[i], text, f"{whole.kind}/{i + 1}", score)
                         for i, (text, score) in enumerate(pieces))
            return _apply_min_score(units, min_score)
        text_s, text_t = " ".join(source), " ".join(target)
        units.append(_unit(pair, text_s, text_t, whole.kind, mean))
        return _apply_min_score(units, min_score)

    rejects: list[Reject] = []
    for bead, pieces in _cut_beads(beads, cutter):
        text_s = " ".join(source[bead.src_start:bead.src_end])
        text_t = " ".join(target[bead.tgt_start:bead.tgt_end])
        if pieces is not None:
            # Several source sentences the translator joined: each source sentence (which
            # is what a CAT tool looks up) gets a unit of its own, with its clause of the
            # translation ("2-1/1", "2-1/2").
            units.extend(_unit(pair, source[bead.src_start + i], text,
                               f"{bead.kind}/{i + 1}", score)
                         for i, (text, score) in enumerate(pieces))
        elif not text_t:
            rejects.append(Reject(pair.file, pair.line,
                                  f"source sentence without translation ({bead.kind})", text_s))
        elif not text_s:
            rejects.append(Reject(pair.file, pair.line,
                                  f"target sentence without source ({bead.kind})", text_t))
        else:
            units.append(_unit(pair, text_s, text_t, bead.kind, bead.score))
    kept, low = _apply_min_score(units, min_score)
    return kept, rejects + low


class _Cutter:
    """Cuts the translation of a bead with several source sentences into one piece each."""

    def __init__(self, source: list[str], target: list[str], lang: str, ratio: float,
                 glossary: Glossary | None) -> None:
        self.source, self.target, self.lang = source, target, lang
        self.ratio, self.glossary = ratio, glossary

    def cut(self, bead: Bead) -> list[tuple[str, float]] | None:
        if bead.src_end - bead.src_start < 2 or bead.tgt_start == bead.tgt_end:
            return None
        return cut_target(self.source[bead.src_start:bead.src_end],
                          " ".join(self.target[bead.tgt_start:bead.tgt_end]),
                          ratio=self.ratio, glossary=self.glossary, lang=self.lang)


def _cut_beads(beads: list[Bead], cutter: _Cutter
               ) -> list[tuple[Bead, list[tuple[str, float]] | None]]:
    """The beads, each with its target cut per source sentence when it has several.

    A source sentence the aligner left without translation (1-0) is often translated
    after all, as a clause of its neighbour's translation ("...; et enfin les aspects
    transfrontaliers."): it joins the neighbouring bead when that bead's translation can
    then be cut into one piece per source sentence.
    """
    out: list[tuple[Bead, list[tuple[str, float]] | None]] = []
    i = 0
    while i < len(beads):
        bead = beads[i]
        if bead.kind == "1-0":
            # first with the bead before, then with the bead after
            if out and out[-1][0].tgt_start < out[-1][0].tgt_end:
                prev = out[-1][0]
                trial = Bead(prev.src_start, bead.src_end, prev.tgt_start, prev.tgt_end, 0.0)
                pieces = cutter.cut(trial)
                if pieces is not None:
                    out[-1] = (trial, pieces)
                    i += 1
                    continue
            nxt = beads[i + 1] if i + 1 < len(beads) else None
            if nxt is not None and nxt.src_start < nxt.src_end and nxt.tgt_start < nxt.tgt_end:
                trial = Bead(bead.src_start, nxt.src_end, nxt.tgt_start, nxt.tgt_end, 0.0)
                pieces = cutter.cut(trial)
                if pieces is not None:
                    out.append((trial, pieces))
                    i += 2
                    continue
        out.append((bead, cutter.cut(bead)))
        i += 1
    return out


def _apply_min_score(units: list[Pair], min_score: float | None
                     ) -> tuple[list[Pair], list[Reject]]:
    if min_score is None:
        return units, []
    kept: list[Pair] = []
    rejects: list[Reject] = []
    for unit in units:
        score = float(unit.props["x-align-score"])
        if score < min_score:
            rejects.append(Reject(
                unit.file, unit.line,
                f"alignment score {score:.2f} below --min-score {min_score:g} "
                f"({unit.props['x-align']})",
                f"{unit.source} ||| {unit.target}"))
        else:
            kept.append(unit)
    return kept, rejects
