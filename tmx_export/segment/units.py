"""Paragraph pair -> aligned units: segment both sides, align them, cut merged translations.

The pipeline hands :func:`segment_pair` one paragraph pair at a time and gets back the
units of a TMX and the rejects; the rules that cut a text are in :mod:`.rules` (or an SRX
file, :mod:`.srx`), the alignment in :mod:`.align`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..clean import below_min_score
from ..model import Pair, Reject
from .align import Bead, Glossary, align, cut_target
from .align_cut import piece_fit
from .align_features import text_length
from .align_model import _length_ratio
from .rules import LINE_BREAK_RE, MODES, SrxRules, omegat_splits_number, segment_text


def _paragraph(pair: Pair) -> int | str | None:
    """The paragraph a unit of ``pair`` comes from: the printed number, else as given."""
    return pair.printed_paragraph() if pair.number is not None else pair.paragraph


def _with_paragraph(pair: Pair, source: str, target: str) -> Pair:
    # inline codes belong to the whole text, not to a piece of it
    return replace(pair, source=source, target=target, paragraph=_paragraph(pair),
                   source_markup=None, target_markup=None)


def _splits_number(pair: Pair, label: str, rules: SrxRules | None) -> bool:
    """Does the CAT tool make ``label`` ("N.", "31a.") a segment of its own in the source
    paragraph?"""
    if rules is None:
        return omegat_splits_number(pair.source, pair.source_lang)
    first = rules.segment(f"{label} {pair.source}", pair.source_lang)[:1]
    return first == [label]


def paragraph_units(pair: Pair, *, rules: SrxRules | None = None) -> list[Pair]:
    """The paragraph-level units of ``pair``, with its number handled as OmegaT handles it.

    With no number, the pair itself. Otherwise either two units, ("N.", "N.") and the two
    bodies, when OmegaT makes "N." a segment of the source paragraph, or one unit with
    "N. " in front of both texts (each side's label as printed: "31a." / "31 bis."). Every
    unit carries the ``x-paragraph`` prop. With SRX ``rules``, whether "N." is a segment is
    what those rules make of the source paragraph.
    """
    labels = pair.printed_labels()
    if labels is None:
        return [pair]
    # each side's label as the document prints it: "31a." / "31 bis.", not "31."
    source_label, target_label = labels
    if _splits_number(pair, source_label, rules):
        return [
            _with_paragraph(pair, source_label, target_label),
            _with_paragraph(pair, pair.source, pair.target),
        ]
    return [_with_paragraph(pair, f"{source_label} {pair.source}",
                            f"{target_label} {pair.target}")]


# -- paragraph pair -> sentence pairs ---------------------------------------------------------

# Below this mean bead score, or with more than this share of sentences left unaligned, a
# paragraph pair is not cut: one paragraph-level unit loses nothing and misleads no one.
FALLBACK_SCORE = 0.3
FALLBACK_UNALIGNED = 0.34


def _one_line(text: str) -> str:
    return LINE_BREAK_RE.sub(" ", text).strip()


def _unit(pair: Pair, source: str, target: str, kind: str, score: float) -> Pair:
    # The score as reported (two decimals) is the one --min-score judges. A pair of merged
    # paragraphs (parallel files aligned, "2-1") says so in each of its units ("2-1>1-1"):
    # the sentences' own bead alone would hide that two paragraphs were put together.
    if pair.align is not None:
        kind = f"{pair.align}>{kind}"
    return Pair(source, target, pair.source_lang, pair.target_lang, pair.number, pair.file,
                pair.line, dict(pair.props), paragraph=_paragraph(pair), align=kind,
                align_score=round(score, 2))


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
    sides are segmented and aligned (:func:`.align.align`); every unit carries
    ``align`` ("1-1", "2-1"...) and ``align_score`` (0..1), and ``paragraph`` (the TMX props
    ``x-align``, ``x-align-score``, ``x-paragraph``). When several source sentences were
    translated as one (a 2-1 or 2-2 bead), and the translation can be cut at the clause
    boundaries joining them (a sentence end, ";", ":", a dash, a comma, a coordinating conjunction:
    :func:`.align.cut_target`), each gets a unit of its own, marked "2-1/1" and
    "2-1/2". A sentence the aligner left without translation joins its neighbour's bead
    when that bead can then be cut so ("3-1/1"...); a translated sentence the aligner left
    without source joins its neighbour's unit ("1-3") when that unit's source sentence can
    be cut, the same way, into one piece per sentence of the translation. Sentences still
    without a translation
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
    labels = pair.printed_labels()
    prefixed = False
    if labels is not None:
        if _splits_number(pair, labels[0], rules):
            units.append(_unit(pair, *labels, "1-1", 1.0))
        else:
            prefixed = True
    source = segment_text(pair.source, pair.source_lang, mode, rules=rules)
    target = segment_text(pair.target, pair.target_lang, mode, rules=rules)
    if prefixed and labels is not None:
        source_label, target_label = labels
        source = [f"{source_label} {source[0]}", *source[1:]] if source else [source_label]
        target = [f"{target_label} {target[0]}", *target[1:]] if target else [target_label]
    beads = align(source, target, glossary=glossary)
    # (lengths as the aligner counts them: a combining mark is no character of its own)
    ratio = _length_ratio(sum(map(text_length, source)), sum(map(text_length, target)))
    cutter = _Cutter(source, target, pair.target_lang, ratio, glossary, pair.source_lang)

    paired = [b for b in beads if b.src_start < b.src_end and b.tgt_start < b.tgt_end]
    unaligned = sum((b.src_end - b.src_start) + (b.tgt_end - b.tgt_start)
                    for b in beads if b not in paired)
    # the mean score weighted by length: a short "Thank you." / "Merci." shares no anchor
    # and says little about the whole
    weights = [sum(map(text_length, source[b.src_start:b.src_end])) for b in paired]
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
            return below_min_score(units, min_score)
        text_s, text_t = " ".join(source), " ".join(target)
        units.append(_unit(pair, text_s, text_t, whole.kind, mean))
        return below_min_score(units, min_score)

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
    kept, low = below_min_score(units, min_score)
    return kept, rejects + low


class _Cutter:
    """Cuts the translation of a bead with several source sentences into one piece each."""

    def __init__(self, source: list[str], target: list[str], lang: str, ratio: float,
                 glossary: Glossary | None, source_lang: str | None = None) -> None:
        self.source, self.target, self.lang = source, target, lang
        self.ratio, self.glossary = ratio, glossary
        self.source_lang = source_lang

    def cut(self, bead: Bead) -> list[tuple[str, float]] | None:
        if bead.src_end - bead.src_start < 2 or bead.tgt_start == bead.tgt_end:
            return None
        return cut_target(self.source[bead.src_start:bead.src_end],
                          " ".join(self.target[bead.tgt_start:bead.tgt_end]),
                          ratio=self.ratio, glossary=self.glossary, lang=self.lang)

    def join_target(self, bead: Bead) -> Bead | None:
        """``bead`` (one source sentence, several target sentences) with its score, when
        the source sentence can be cut at its clause boundaries into one piece per target
        sentence, as :meth:`cut` cuts a translation (the test the other way round: the
        evidence that the target sentences are all its translation); else None."""
        if bead.src_end - bead.src_start != 1 or bead.tgt_end - bead.tgt_start < 2:
            return None
        source = self.source[bead.src_start]
        # (no glossary: its terms are keyed by side, and the sides are swapped here)
        if cut_target(self.target[bead.tgt_start:bead.tgt_end], source,
                      ratio=1.0 / self.ratio, lang=self.source_lang) is None:
            return None
        return self.scored(bead)

    def scored(self, bead: Bead) -> Bead:
        """``bead`` (one source sentence) with the score of its unit."""
        whole = cut_target(self.source[bead.src_start:bead.src_end],
                           " ".join(self.target[bead.tgt_start:bead.tgt_end]),
                           ratio=self.ratio, glossary=self.glossary, lang=self.lang)
        assert whole is not None  # (one source sentence: never cut, always scored)
        return replace(bead, score=whole[0][1])

    def units_fit(self, bead: Bead, pieces: list[tuple[str, float]] | None) -> float:
        """How well the units of ``bead`` fit, one per source sentence with its ``pieces``
        of the translation, or one for the whole bead: :func:`.align_cut.piece_fit` summed.
        """
        if pieces is None:
            sources = [" ".join(self.source[bead.src_start:bead.src_end])]
            targets = [" ".join(self.target[bead.tgt_start:bead.tgt_end])]
        else:
            sources = self.source[bead.src_start:bead.src_end]
            targets = [text for text, _ in pieces]
        return sum(piece_fit(s, t, ratio=self.ratio, glossary=self.glossary)
                   for s, t in zip(sources, targets, strict=True))


def _paired(bead: Bead) -> bool:
    return bead.src_start < bead.src_end and bead.tgt_start < bead.tgt_end


def _cut_beads(beads: list[Bead], cutter: _Cutter
               ) -> list[tuple[Bead, list[tuple[str, float]] | None]]:
    """The beads, each with its target cut per source sentence when it has several.

    A source sentence the aligner left without translation (1-0) is often translated
    after all, as a clause of its neighbour's translation ("...; et enfin les aspects
    transfrontaliers."): it joins the neighbouring bead when that bead's translation can
    then be cut into one piece per source sentence. A target sentence left without source
    (0-1) is the same the other way round (the translator made a clause a sentence of its
    own: "And finally, there are the cross-border aspects."): it joins the neighbouring
    bead of one source sentence when that sentence can be cut into one piece per target
    sentence.
    """
    out: list[tuple[Bead, list[tuple[str, float]] | None]] = []
    i = 0
    while i < len(beads):
        bead = beads[i]
        kind = bead.kind  # (a string made each time it is asked for)
        if kind == "1-0":
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
            if nxt is not None and _paired(nxt):
                trial = Bead(bead.src_start, nxt.src_end, nxt.tgt_start, nxt.tgt_end, 0.0)
                pieces = cutter.cut(trial)
                if pieces is not None:
                    out.append((trial, pieces))
                    i += 2
                    continue
        elif kind == "0-1":
            # the same, first with the bead before, then with the bead after (only a bead
            # of one source sentence, which stays one unit)
            if out and out[-1][1] is None and _paired(out[-1][0]):
                prev = out[-1][0]
                joined = cutter.join_target(
                    Bead(prev.src_start, prev.src_end, prev.tgt_start, bead.tgt_end, 0.0))
                if joined is not None:
                    out[-1] = (joined, None)
                    i += 1
                    continue
            nxt = beads[i + 1] if i + 1 < len(beads) else None
            if nxt is not None and _paired(nxt):
                joined = cutter.join_target(
                    Bead(nxt.src_start, nxt.src_end, bead.tgt_start, nxt.tgt_end, 0.0))
                if joined is not None:
                    out.append((joined, None))
                    i += 2
                    continue
        out.append((bead, cutter.cut(bead)))
        i += 1
    _move_out_of_two_two(out, cutter)
    return out


def _move_out_of_two_two(out: list[tuple[Bead, list[tuple[str, float]] | None]],
                         cutter: _Cutter) -> None:
    """Give the first (last) sentence of a 2-2 bead, on either side, to the unit before
    (after) it when the units then fit better, in place.

    The search weighs a 2-2 bead against a 1-2 and a 2-1 by Gale & Church's priors, which
    favour 1-1 + 2-2 five to one over 1-2 + 2-1; a short sentence the translator split off
    ("... présidents. | Or, il fait la même chose." for "... and now he is doing just the
    same.") then opens the 2-2 bead, and its first unit holds it with a clause of the next
    sentence. Once the beads are cut, the two readings are the same units but for that
    sentence: the lengths and anchors of the units decide where it belongs.
    """
    for k, (bead, pieces) in enumerate(out):
        if pieces is None or bead.kind != "2-2":
            continue
        best, gain = None, 0.0
        for at in (k - 1, k + 1):
            if not 0 <= at < len(out) or out[at][1] is not None:
                continue
            other = out[at][0]
            if other.src_end - other.src_start != 1 or other.tgt_start == other.tgt_end:
                continue  # (only a unit of one source sentence and its translation)
            now = cutter.units_fit(bead, pieces) + cutter.units_fit(other, None)
            for side in ("source", "target"):
                moved = _move_one(bead, other, side)
                grown_pieces = cutter.cut(moved[0])
                rest_pieces = cutter.cut(moved[1])
                if any(cut is None and new.src_end - new.src_start > 1
                       for new, cut in zip(moved, (grown_pieces, rest_pieces), strict=True)):
                    continue  # a bead of several source sentences that cannot be cut
                then = (cutter.units_fit(moved[0], grown_pieces)
                        + cutter.units_fit(moved[1], rest_pieces))
                if then - now > gain:
                    best, gain = (at, moved, grown_pieces, rest_pieces), then - now
        if best is not None:
            at, (grown, rest), grown_pieces, rest_pieces = best
            out[at] = (grown if grown_pieces else cutter.scored(grown), grown_pieces)
            out[k] = (rest if rest_pieces else cutter.scored(rest), rest_pieces)


def _move_one(bead: Bead, other: Bead, side: str) -> tuple[Bead, Bead]:
    """(``other`` grown by the sentence of ``bead`` next to it on ``side``, ``bead`` without
    it); ``other`` is the bead just before or just after ``bead``."""
    before = other.src_end == bead.src_start
    src, tgt = side == "source", side == "target"
    if before:
        return (Bead(other.src_start, other.src_end + src, other.tgt_start, other.tgt_end + tgt,
                     0.0),
                Bead(bead.src_start + src, bead.src_end, bead.tgt_start + tgt, bead.tgt_end, 0.0))
    return (Bead(other.src_start - src, other.src_end, other.tgt_start - tgt, other.tgt_end, 0.0),
            Bead(bead.src_start, bead.src_end - src, bead.tgt_start, bead.tgt_end - tgt, 0.0))
