"""Sentence alignment inside a paragraph pair: Gale-Church, strengthened by lexical anchors.

The length model is Gale & Church (1993) (:mod:`.align_model`): the cost of putting sentences
together is how surprising their length ratio is, plus a prior for the bead type. The
expected ratio is taken from the paragraph pair itself, since it varies with the language
pair and the text.

Length alone confuses sentences of similar length, so the cost is lowered by what the two
sides visibly share (:mod:`.align_features`): numbers, "?" and "!", quotes, capitalised names
and cognates, and the glossary's term pairs when one is given.

The dynamic programme only visits cells near the diagonal (a band). A paragraph pair is
small enough to be searched in full, cell by cell, here; longer inputs, up to a whole book,
are searched with numpy in a band that follows the length diagonal (:mod:`.align_long`, numpy
imported only for them), with the same model and, in practice, the same beads. A target
sentence that translates several source sentences is cut by :mod:`.align_cut`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .align_cut import CONJUNCTIONS, cut_target
from .align_features import Glossary, _features, composed, sentence_features
from .align_model import (
    _ANCHOR_WEIGHT,
    _CONFIDENT_LENGTH,
    _PRIOR_ITEMS,
    _PRIORS,
    _SQRT2,
    _VARIANCE,
    Bead,
    Priors,
    _length_cost,
    _length_ratio,
    _ratio_again,
)

__all__ = ["CONJUNCTIONS", "Bead", "Glossary", "align", "align_lengths", "alignment_cost",
           "cut_target", "sentence_features"]

_LONG_CELLS = 400  # inputs with more sentence pairs (n * m) take the numpy search


def align(
    source: Sequence[str],
    target: Sequence[str],
    *,
    glossary: Glossary | None = None,
    band: int | None = None,
    priors: Priors | None = None,
    median_ratio: bool = False,
) -> list[Bead]:
    """Align two sentence lists; the beads cover both lists in order, without gaps.

    ``band`` limits how far (in sentences) the path may stray from the diagonal; by
    default it grows with the input, so paragraph pairs are searched in full. Inputs of more
    than ``_LONG_CELLS`` sentence pairs are searched in a band around the length diagonal
    (with ``band``, of that half-width), which is moved and widened for as long as the path
    found needs it. ``priors`` replaces Gale & Church's bead priors (-log P of each bead
    type, every type of ``_PRIORS``; ``math.inf`` rules one out). When the counts differ,
    the length ratio is estimated again from the 1-1 beads found: their total lengths, or
    with ``median_ratio`` the median of their ratios (paragraphs, whose lengths vary so
    much that one wrong 1-1 bead moves the totals' ratio, and with it the path).
    """
    # The beads are read on composed copies (lengths, anchors, the numpy search's code
    # points alike): text written with combining marks (NFD) aligns as the same text
    # composed. Beads are indexes, so the caller's texts stay as written.
    return _align([composed(s) for s in source], [composed(t) for t in target], glossary,
                  band, _PRIORS if priors is None else priors, median_ratio)


def _align(source: Sequence[str], target: Sequence[str], glossary: Glossary | None,
           band: int | None, priors: Priors, median_ratio: bool,
           keys: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None
           ) -> list[Bead]:
    """:func:`align`; ``keys``: the anchors of every source and target sentence
    (:func:`_features` with ``glossary``), when the caller has read them already."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return ([Bead(i, i + 1, 0, 0, 0.0) for i in range(n)]
                + [Bead(n, n, j, j + 1, 0.0) for j in range(m)])
    if n * m > _LONG_CELLS:
        from .align_long import _align_long

        return _align_long(source, target, glossary, band, priors, median_ratio)
    src_len = [len(s) for s in source]
    tgt_len = [len(t) for t in target]
    ratio = _length_ratio(sum(src_len), sum(tgt_len))
    src_keys, tgt_keys = keys or ([_features(s, glossary, False) for s in source],
                                  [_features(t, glossary, True) for t in target])
    if n == m:
        diagonal = _confident_diagonal(src_len, tgt_len, src_keys, tgt_keys, ratio)
        if diagonal is not None:
            return diagonal

    spans = _search(src_len, tgt_len, src_keys, tgt_keys, ratio, band, tuple(priors.items()))
    if n != m:  # sentences without a translation: search again at the 1-1 beads' ratio
        ones = [(s0, t0) for s0, s1, t0, t1 in spans if s1 - s0 == 1 and t1 - t0 == 1]
        better = _ratio_again(ones, src_len, tgt_len, ratio, median_ratio)
        if better is not None:
            ratio = better
            spans = _search(src_len, tgt_len, src_keys, tgt_keys, ratio, band,
                            tuple(priors.items()))
    return [_bead(s0, s1, t0, t1, src_len, tgt_len, src_keys, tgt_keys, ratio)
            for s0, s1, t0, t1 in spans]


def alignment_cost(source: Sequence[str], target: Sequence[str], ratio: float, *,
                   seam: tuple[int, int] = (0, 0)) -> float:
    """The cost (-log P, in nats) of the best alignment of two sentence lists under the
    model the search uses: each bead's prior, the length cost of its two sides at the
    target/source length ``ratio`` (given, so that two alignments of texts from the same
    files are measured alike), less the anchors' bonus (Dice over the bead's anchors).

    ``seam`` (source, target; 0 for none): the sentence index where two paragraphs were
    put together on that side. A bead across it is priced as one sentence fewer there:
    where a translator joined the two, the sentence before the seam (a title without a
    full stop) often runs into the next on the other side."""
    source, target = [composed(s) for s in source], [composed(t) for t in target]  # (as align)
    src_keys = [_features(s, None, False) for s in source]
    tgt_keys = [_features(t, None, True) for t in target]
    total = 0.0
    for bead in _align(source, target, None, None, _PRIORS, False, (src_keys, tgt_keys)):
        s_span, t_span = slice(bead.src_start, bead.src_end), slice(bead.tgt_start, bead.tgt_end)
        kind = (bead.src_end - bead.src_start - (bead.src_start < seam[0] < bead.src_end),
                bead.tgt_end - bead.tgt_start - (bead.tgt_start < seam[1] < bead.tgt_end))
        total += _PRIORS.get(kind, _PRIORS[(2, 2)])
        if bead.src_start == bead.src_end or bead.tgt_start == bead.tgt_end:
            continue
        total += _length_cost(sum(map(len, source[s_span])), sum(map(len, target[t_span])),
                              ratio)[0]
        s_keys, t_keys = frozenset().union(*src_keys[s_span]), frozenset().union(*tgt_keys[t_span])
        if s_keys or t_keys:
            total -= _ANCHOR_WEIGHT * 2.0 * len(s_keys & t_keys) / (len(s_keys) + len(t_keys))
    return total


def _search(src_len: list[int], tgt_len: list[int], src_keys: list[frozenset[str]] | None,
            tgt_keys: list[frozenset[str]] | None, ratio: float, band: int | None,
            priors: tuple[tuple[tuple[int, int], float], ...] = _PRIOR_ITEMS,
            ) -> list[tuple[int, int, int, int]]:
    """The cheapest bead sequence, as (src_start, src_end, tgt_start, tgt_end) spans.

    The one Gale-Church search, for sentences (with anchors) and paragraphs (lengths only,
    ``src_keys``/``tgt_keys`` ``None``). Only the cells within ``band`` of the diagonal are
    stored, so memory grows with the length of the input, not with its square (but for
    the anchors shared by every sentence pair, counted at once: align() searches here only
    inputs of at most _LONG_CELLS pairs).
    """
    n, m = len(src_len), len(tgt_len)
    if band is None:
        band = max(6, abs(n - m) + 4, int(0.03 * max(n, m)) + 10)
    slope = m / n
    inf = math.inf
    erfc, log, sqrt = math.erfc, math.log, math.sqrt
    var_ratio = _VARIANCE * ratio
    weight = _ANCHOR_WEIGHT
    anchors = src_keys is not None and tgt_keys is not None
    src_size = [len(k) for k in src_keys] if src_keys is not None else [0] * n
    tgt_size = [len(k) for k in tgt_keys] if tgt_keys is not None else [0] * m
    # cost[i][j - low[i]] = best cost of aligning source[:i] with target[:j], for the
    # cells of row i within the band
    low = [max(0, int(i * slope) - band) for i in range(n + 1)]
    high = [min(m, int(i * slope) + band + 1) for i in range(n + 1)]
    cost = [[inf] * (high[i] - low[i] + 1) for i in range(n + 1)]
    back = [[(0, 0)] * (high[i] - low[i] + 1) for i in range(n + 1)]
    cost[0][0] = 0.0
    # shared[a][b]: the anchors source sentence a and target sentence b share
    shared = ([[len(a & b) for b in tgt_keys] for a in src_keys]
              if src_keys is not None and tgt_keys is not None else [])
    # (di, dj, prior, the back pointer): each move's pointer made once, not at every cell
    moves = [(di, dj, prior, (di, dj)) for (di, dj), prior in priors]

    for i in range(n + 1):
        row = cost[i]
        row_back = back[i]
        row_low = low[i]
        for j in range(row_low, high[i] + 1):
            if i == 0 and j == 0:
                continue
            best = inf
            move = (0, 0)
            for di, dj, prior, this in moves:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                k = pj - low[pi]
                if k < 0 or pj > high[pi]:
                    continue
                c = cost[pi][k]
                if c == inf:
                    continue
                c += prior
                if di and dj:
                    if di == 1:
                        ls, size = src_len[pi], src_size[pi]
                    else:
                        ls, size = src_len[pi] + src_len[pi + 1], src_size[pi] + src_size[pi + 1]
                    hits = 0
                    if dj == 1:
                        lt = tgt_len[pj]
                        size += tgt_size[pj]
                        if anchors:
                            hits = shared[pi][pj] + (shared[pi + 1][pj] if di == 2 else 0)
                    else:
                        lt = tgt_len[pj] + tgt_len[pj + 1]
                        size += tgt_size[pj] + tgt_size[pj + 1]
                        if anchors:
                            first = shared[pi]
                            hits = first[pj] + first[pj + 1]
                            if di == 2:
                                second = shared[pi + 1]
                                hits += second[pj] + second[pj + 1]
                    # Gale-Church length cost, inlined: this loop is the aligner's hot spot
                    z = abs(ratio * ls - lt) / sqrt(var_ratio * ((ls + lt / ratio) / 2.0) + 1e-9)
                    p = erfc(z / _SQRT2)
                    c += -log(p) if p > 1e-300 else _length_cost(ls, lt, ratio)[0]
                    if size and hits:
                        dice = 2.0 * hits / size
                        c -= weight * (dice if dice < 1.0 else 1.0)
                elif not anchors:
                    # a paragraph without counterpart: its length still has to be explained
                    c += _length_cost(sum(src_len[pi:i]), sum(tgt_len[pj:j]), ratio)[0]
                if c < best:
                    best = c
                    move = this
            if best < inf:
                row[j - row_low] = best
                row_back[j - row_low] = move

    if cost[n][m - low[n]] == inf:  # the band was too narrow for this input: search in full
        return _search(src_len, tgt_len, src_keys, tgt_keys, ratio, max(n, m) + 1, priors)
    spans: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j - low[i]]
        spans.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    spans.reverse()
    return spans


# Paragraph beads: Gale & Church's priors without 2-2, which for paragraphs mostly
# swallows two good 1-1 pairs.
_PARAGRAPH_PRIORS = tuple((beads, prior) for beads, prior in _PRIOR_ITEMS if beads != (2, 2))
_PARAGRAPH_BAND = 60  # how far (in paragraphs) the path may stray from the diagonal


def align_lengths(src: Sequence[int], tgt: Sequence[int]) -> list[tuple[list[int], list[int]]]:
    """Paragraph alignment by length alone (Gale & Church): beads of source and target
    indexes, in order, covering both lists.

    The expected target/source length ratio is taken from the two texts themselves, so
    any language pair works; the search keeps to a band around the diagonal, which keeps
    it linear in the number of paragraphs.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [([i], []) for i in range(n)] + [([], [j]) for j in range(m)]
    ratio = (sum(tgt) or 1) / (sum(src) or 1)
    spans = _search(list(src), list(tgt), None, None, ratio, _PARAGRAPH_BAND + abs(n - m),
                    _PARAGRAPH_PRIORS)
    return [(list(range(s0, s1)), list(range(t0, t1))) for s0, s1, t0, t1 in spans]


def _confident_diagonal(src_len: list[int], tgt_len: list[int],
                        src_keys: list[frozenset[str]], tgt_keys: list[frozenset[str]],
                        ratio: float) -> list[Bead] | None:
    """The 1-1 beads of a pair of equal sentence counts, when nothing speaks against them.

    Most paragraph pairs are translated sentence by sentence. When every diagonal pair has
    a plausible length ratio and shares at least as many anchors with its partner as with
    its neighbours' partners, the search could only confirm the diagonal: skip it.
    """
    n = len(src_len)
    beads = []
    for k in range(n):
        p_len = _length_cost(src_len[k], tgt_len[k], ratio)[1]
        if p_len < _CONFIDENT_LENGTH:
            return None
        keys, partner = src_keys[k], tgt_keys[k]
        own = len(keys & partner)
        if k and (len(keys & tgt_keys[k - 1]) > own or len(src_keys[k - 1] & partner) > own):
            return None
        if k + 1 < n and (len(keys & tgt_keys[k + 1]) > own
                          or len(src_keys[k + 1] & partner) > own):
            return None
        # the bead's score, as _bead has it
        size = len(keys) + len(partner)
        dice = 2.0 * own / size if size else p_len
        beads.append(Bead(k, k + 1, k, k + 1, round((p_len + dice) / 2.0, 4)))
    return beads


def _bead(s0: int, s1: int, t0: int, t1: int, src_len: list[int], tgt_len: list[int],
          src_keys: list[frozenset[str]], tgt_keys: list[frozenset[str]],
          ratio: float) -> Bead:
    if s0 == s1 or t0 == t1:
        return Bead(s0, s1, t0, t1, 0.0)
    p_len = _length_cost(sum(src_len[s0:s1]), sum(tgt_len[t0:t1]), ratio)[1]
    s_keys = src_keys[s0] if s1 - s0 == 1 else frozenset().union(*src_keys[s0:s1])
    t_keys = tgt_keys[t0] if t1 - t0 == 1 else frozenset().union(*tgt_keys[t0:t1])
    size = len(s_keys) + len(t_keys)
    dice = 2.0 * len(s_keys & t_keys) / size if size else p_len
    return Bead(s0, s1, t0, t1, round((p_len + dice) / 2.0, 4))
