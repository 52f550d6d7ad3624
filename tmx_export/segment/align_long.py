"""align() for long inputs, up to a whole book: the same model and, in practice, the same
beads as the search cell by cell, found with numpy.

The anchors of both sides are read at once (:mod:`.align_anchors`), the path is searched in a
band along the length diagonal (:mod:`.align_band`) and the beads are scored all at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .align_anchors import _AnchorIndex
from .align_band import _LONG_BAND, Spans, _path_guide, _search_long
from .align_features import Glossary
from .align_model import (
    _CONFIDENT_LENGTH,
    _PRIORS,
    _SQRT2,
    _VARIANCE,
    Bead,
    Priors,
    _length_ratio,
    _ratio_again,
)


def _align_long(source: Sequence[str], target: Sequence[str], glossary: Glossary | None,
                band: int | None, priors: Priors = _PRIORS,
                median_ratio: bool = False) -> list[Bead]:
    """align() for long inputs: the same model, searched with numpy in a band."""
    n, m = len(source), len(target)
    src_len = np.fromiter(map(len, source), np.int64, n)
    tgt_len = np.fromiter(map(len, target), np.int64, m)
    total_s, total_t = int(src_len.sum()), int(tgt_len.sum())
    ratio = _length_ratio(total_s, total_t)
    index = _AnchorIndex.of(source, target, glossary)
    src_cum = np.concatenate(([0], np.cumsum(src_len)))
    tgt_cum = np.concatenate(([0], np.cumsum(tgt_len)))
    if n == m:
        diagonal = _confident_diagonal_long(src_cum, tgt_cum, index, ratio)
        if diagonal is not None:
            return diagonal

    # the length diagonal: where the target has as many characters, in proportion, as the
    # source so far
    scaled = src_cum * (total_t / total_s) if total_s and total_t else (
        np.arange(n + 1) * (m / n))
    after = np.searchsorted(tgt_cum, scaled) if total_s and total_t else np.ceil(scaled)
    after = np.clip(after.astype(np.intp), 0, m)
    after[0], after[-1] = 0, m  # whatever empty sentences there are at either end
    width = band if band is not None else _LONG_BAND
    spans = _search_long(src_len, tgt_len, index, ratio, (np.maximum(after - 1, 0), after),
                         width, wide=band is None, priors=priors)
    if n != m:  # as in align(): search again at the 1-1 beads' ratio
        s0, s1, t0, t1 = spans
        ones = (s1 - s0 == 1) & (t1 - t0 == 1)
        better = _ratio_again(list(zip(s0[ones].tolist(), t0[ones].tolist(), strict=True)),
                              src_len.tolist(), tgt_len.tolist(), ratio, median_ratio)
        if better is not None:
            ratio = better
            spans = _search_long(src_len, tgt_len, index, ratio, _path_guide(spans, n, m),
                                 width, wide=False, priors=priors)
    return _beads_long(spans, src_cum, tgt_cum, index, ratio)


def _beads_long(spans: Spans, src_cum: np.ndarray, tgt_cum: np.ndarray, index: _AnchorIndex,
                ratio: float) -> list[Bead]:
    """_bead for every span at once, with the same scores."""
    s0, s1, t0, t1 = spans
    ls = (src_cum[s1] - src_cum[s0]).astype(float)
    lt = (tgt_cum[t1] - tgt_cum[t0]).astype(float)
    # as _length_cost computes it, operation by operation, so that P is the same float
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (ls + lt / ratio) / 2.0
        z = np.abs(ratio * ls - lt) / np.sqrt(_VARIANCE * mean * ratio) / _SQRT2
    p_len = np.fromiter(map(math.erfc, z.tolist()), float, len(z))
    p_len[p_len < 1e-300] = 0.0
    p_len[(ls == 0) & (lt == 0)] = 1.0
    # anchors: Dice over the union of each side's anchors
    paired = (s0 < s1) & (t0 < t1)
    common, total = index.union_shared(s0, s1, t0, t1)
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(total > 0, 2.0 * common / total, p_len)
    score = np.where(paired, _round4((p_len + dice) / 2.0), 0.0)
    return list(map(Bead, s0.tolist(), s1.tolist(), t0.tolist(), t1.tolist(),
                    score.tolist()))


def _round4(values: np.ndarray) -> np.ndarray:
    """round(x, 4) for each value, the same floats as Python's round."""
    scaled = values * 10000.0
    out = np.rint(scaled) / 10000.0
    # Python rounds the exact binary value; the product may have crossed a half
    close = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    out[close] = [round(x, 4) for x in values[close].tolist()]
    return out


def _confident_diagonal_long(src_cum: np.ndarray, tgt_cum: np.ndarray, index: _AnchorIndex,
                             ratio: float) -> list[Bead] | None:
    """_confident_diagonal for long inputs."""
    n = len(src_cum) - 1
    ls = np.diff(src_cum).astype(float)
    lt = np.diff(tgt_cum).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (ls + lt / ratio) / 2.0
        z = np.abs(ratio * ls - lt) / np.sqrt(_VARIANCE * mean * ratio) / _SQRT2
    erfc = math.erfc
    if any(erfc(x) < _CONFIDENT_LENGTH for a, b, x in zip(ls.tolist(), lt.tolist(), z.tolist(),
                                                           strict=True) if a or b):
        return None
    near = index.shared(np.arange(n) - 1, 3)  # (k, k-1), (k, k), (k, k+1)
    own = near[:, 1]
    if ((near[:, 0] > own).any() or (near[:, 2] > own).any()
            or (near[:-1, 2] > own[1:]).any() or (near[1:, 0] > own[:-1]).any()):
        return None
    k = np.arange(n)
    return _beads_long((k, k + 1, k, k + 1), src_cum, tgt_cum, index, ratio)
