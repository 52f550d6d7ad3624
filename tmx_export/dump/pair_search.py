"""Pair (unnumbered dumps): the search over pair starts and splits, in both language orders.

:func:`tmx_export.dump.unnumbered._segmental` prepares, per line start and per word, what a
pair's score is made of; this module finds the best sequence of pairs and the language order
it is written in. Pair start ``i`` (first token ``ti``, offset ``s``) to line start ``j``
(``tj``, ``e``), split at token ``k`` (offset ``c``) scores the language agreement of the
two sides, the split's prior and a Gale-Church length term::

    (2 prefix[k] + prior[k]) - (prefix[ti] + prefix[tj]) - ((e + s - 2c) scale)^2

with ``scale = sqrt(0.2 / (3.4 |e - s| + 1))``; side A needs at least one token. A pair's
total adds the best total before ``i``, the start prior of ``j`` and the bonuses.

The search weighs every (start, end, split) triple in a window: hundreds of millions in a
large file. Three bounds make it cheap without changing what it finds:

* per pair end, a start's total is at most what its best agreement would give without the
  length term: only the starts that can still win are scored;
* within a start, the length term grows away from the balanced split: splits are scored
  outwards from it until the best agreement left cannot make up for it;
* the order the file is not written in scores far lower: a relaxed search (no length term,
  computed by columns) bounds its total, and when that bound stays below the other order's
  total the exact search never runs for it.

Equal totals keep the earliest start and split, as a scan in order would: the same pairs,
to the last split, as scoring every triple.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NUMBER_PAIRS_BONUS = 3.0  # a pair whose numbers all come in twos (one per side)
OPENING_REPEAT_BONUS = 2.0  # a pair within which side B repeats side A's opening
HEADING_CHARS = 300  # a pair ending without punctuation (a heading) longer than this...
LONG_HEADING_COST = 2.5  # ...costs this
_SLACK = 1e-6  # relative: the relaxed total adds in another order than the exact one
# Cells (pair ends x window) per block of the relaxed search: 4,096 pair ends at the usual
# window of 48 line starts, fewer at a wider one, so its memory stays a few MB.
_CELLS = 4096 * 48


@dataclass(slots=True)
class Lines:
    """What the search needs per line start (and, for the arrays of ``n + 1``, the end)."""

    start_at: np.ndarray  # offsets of the line starts where a pair may start
    tok_index: np.ndarray  # their first tokens (n + 1: the end's)
    start_prior: list[float]  # n + 1; -inf where no pair may start
    unpunctuated_end: list[bool]  # n + 1: the text before ends without punctuation
    numbers_xor: np.ndarray  # n + 1: see unnumbered._number_parity
    numbers_seen: np.ndarray  # n + 1
    opening_repeats: np.ndarray  # n: see unnumbered._opening_repeats
    length: int  # the end of the text
    window: int  # line starts a pair may span


def best_order(prefix: np.ndarray, signs: tuple[float, ...], prior: np.ndarray,
               pos: np.ndarray, plausible: np.ndarray, lines: Lines
               ) -> tuple[int, list[float], list[tuple[int, int, int]]]:
    """The better of the language orders whose running word scores are ``prefix`` times
    each of ``signs`` (the first wins a tie; one array for all: negating is exact), each
    order's total (for an order not searched, a bound below the winner's), and the winner's
    pairs: per pair the indexes of its start and of the next pair's start among the line
    starts, and its split token."""
    import numpy as np

    at_plausible, at_lines = prefix[plausible], prefix[lines.tok_index]
    agrees = [2 * (sign * at_plausible) + prior[plausible] for sign in signs]
    gaps = _gaps(plausible, lines.tok_index)
    bounds = [_relaxed_total(sign * at_lines, agree, gaps, lines)
              for sign, agree in zip(signs, agrees, strict=True)]
    searched: dict[int, tuple[float, list[tuple[int, int, int]]]] = {}
    order = sorted(range(len(signs)), key=lambda r: -bounds[r])  # stable: ties in order
    shared = _Shared(plausible.tolist(), pos[plausible].tolist(), lines.start_at.tolist(),
                     lines.tok_index.tolist(), lines.numbers_xor.tolist(),
                     lines.numbers_seen.tolist(), lines.opening_repeats.tolist(), lines)
    for r in order:
        if searched:
            top = max(total for total, _ in searched.values())
            if bounds[r] + _SLACK * (abs(bounds[r]) + abs(top)) < top:
                continue  # even its bound scores below: it cannot win
        searched[r] = _search((signs[r] * at_lines).tolist(), agrees[r], shared)
    totals = [searched[r][0] if r in searched else bounds[r] for r in range(len(signs))]
    won = int(np.argmax(totals))  # the first of equal totals
    return won, totals, searched[won][1]


@dataclass(slots=True)
class _Shared:
    """The inputs of the exact search as lists (indexing a list is faster than an array)."""

    plausible: list[int]  # the tokens a split may come before, in order
    cut_pos: list[int]  # their offsets
    start_at: list[int]
    tok_index: list[int]
    numbers_xor: list[int]
    numbers_seen: list[int]
    opening_repeats: list[int]
    lines: Lines


def _search(at_line: list[float], agree_array: np.ndarray, shared: _Shared
            ) -> tuple[float, list[tuple[int, int, int]]]:
    """The exact search for one language order: its total and its pairs. ``at_line`` holds
    the running word score at each line start's first token (and at the end), ``agree_array``
    the agreement of each split."""
    import numpy as np

    inf = math.inf
    sqrt = math.sqrt
    plausible, cut_pos = shared.plausible, shared.cut_pos
    start_at, tok_index = shared.start_at, shared.tok_index
    numbers_xor, numbers_seen = shared.numbers_xor, shared.numbers_seen
    opening_repeats = shared.opening_repeats
    lines = shared.lines
    start_prior, unpunctuated_end, window = (lines.start_prior, lines.unpunctuated_end,
                                             lines.window)
    agree = agree_array.tolist()
    n = len(start_at)
    best = [-inf] * (n + 1)
    best[0] = 0.0
    back: list[tuple[int, int]] = [(-1, -1)] * (n + 1)
    for j in range(1, n + 1):
        sp = start_prior[j]
        if sp == -inf and j < n:
            continue  # no pair starts inside a word: nothing ends here
        e_off = start_at[j] if j < n else lines.length
        tj = tok_index[j]
        rows = [i for i in range(max(0, j - window), j)
                if best[i] > -inf and tj - tok_index[i] >= 2]
        if not rows:
            continue
        lo = bisect_left(plausible, min([tok_index[i] for i in rows]) + 1)
        hi = bisect_left(plausible, tj, lo)
        if hi <= lo:
            continue
        h_end = at_line[j]
        # the best agreement from each split on, and up to each split
        span = agree_array[lo:hi]
        from_here = np.maximum.accumulate(span[::-1])[::-1].tolist()
        up_to = np.maximum.accumulate(span).tolist()
        xor_j, seen_j, unpunctuated = numbers_xor[j], numbers_seen[j], unpunctuated_end[j]
        bounds = []
        firsts = []
        for i in rows:
            first = bisect_left(plausible, tok_index[i] + 1, lo, hi)  # side A: a token
            firsts.append(first)
            reach = from_here[first - lo] if first < hi else -inf
            bound = best[i] + (reach - (at_line[i] + h_end)) + sp
            # the bonuses, added in the same order as to the exact totals below
            bound = bound + (NUMBER_PAIRS_BONUS if numbers_xor[i] == xor_j
                             and seen_j - numbers_seen[i] >= 2 else 0.0)
            bound = bound + (OPENING_REPEAT_BONUS if opening_repeats[i] < e_off else 0.0)
            if unpunctuated:
                bound = bound - (LONG_HEADING_COST if e_off - start_at[i] > HEADING_CHARS
                                 else 0.0)
            bounds.append(bound)
        top = max(range(len(rows)), key=bounds.__getitem__)
        best_total, best_start, best_split = -inf, -1, -1
        for r in [top, *range(top), *range(top + 1, len(rows))]:  # the likeliest first
            if bounds[r] < best_total or bounds[r] == -inf:
                continue  # cannot reach the best so far
            i = rows[r]
            s_off = start_at[i]
            h = at_line[i] + h_end
            val, split = _best_split(agree, cut_pos, from_here, up_to, lo, firsts[r], hi,
                                     h, e_off + s_off,
                                     sqrt(0.2 / (3.4 * abs(e_off - s_off) + 1.0)))
            total = best[i] + val + sp
            total = total + (NUMBER_PAIRS_BONUS if numbers_xor[i] == xor_j
                             and seen_j - numbers_seen[i] >= 2 else 0.0)
            total = total + (OPENING_REPEAT_BONUS if opening_repeats[i] < e_off else 0.0)
            if unpunctuated:
                total = total - (LONG_HEADING_COST if e_off - s_off > HEADING_CHARS else 0.0)
            if total > best_total or total == best_total and i < best_start:
                best_total, best_start = total, i
                best_split = plausible[split] if split >= 0 else plausible[lo]
        if best_start >= 0 and best_total > best[j]:
            best[j] = best_total
            back[j] = (best_start, best_split)
    path: list[tuple[int, int, int]] = []
    j = n
    while j > 0 and back[j][0] >= 0:
        i, k = back[j]
        path.append((i, j, k))
        j = i
    path.reverse()
    return best[n], path


def _best_split(agree: list[float], cut_pos: list[int], from_here: list[float],
                up_to: list[float], lo: int, first: int, hi: int, h: float, both: int,
                scale: float) -> tuple[float, int]:
    """The best split among ``first .. hi - 1`` (indexes into ``agree`` and ``cut_pos``)
    and its score, -1 when there is none. Scored outwards from the balanced split (offset
    ``both / 2``), each way until the best agreement left minus the length term there
    (which only grows further out) cannot beat the best so far; among equal scores the
    earliest split."""
    best, at = -math.inf, -1
    if first >= hi:
        return best, at
    middle = bisect_left(cut_pos, both / 2, first, hi)
    for m in range(middle, hi):  # later splits: a tie never displaces an earlier one
        delta = (both - 2 * cut_pos[m]) * scale
        penalty = delta * delta
        if (from_here[m - lo] - h) - penalty <= best:
            break
        val = (agree[m] - h) - penalty
        if val > best:
            best, at = val, m
    for m in range(middle - 1, first - 1, -1):  # earlier splits: a tie displaces
        delta = (both - 2 * cut_pos[m]) * scale
        penalty = delta * delta
        if (up_to[m - lo] - h) - penalty < best:
            break
        val = (agree[m] - h) - penalty
        if val >= best:
            best, at = val, m
    return best, at


def _gaps(plausible: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each gap between consecutive line starts (first tokens ``t``) as a range of the
    splits ``plausible``: the splits after ``t[i]`` start at ``lo``, and end before
    ``t[i + 1]`` (exclusive) or with it (inclusive: a later pair's side B may open there).
    The same for both language orders."""
    import numpy as np

    return (np.searchsorted(plausible, t[:-1] + 1), np.searchsorted(plausible, t[1:] + 1),
            np.searchsorted(plausible, t[1:]))


def _relaxed_total(at_line: np.ndarray, agree: np.ndarray, gaps: tuple[np.ndarray, ...],
                   lines: Lines) -> float:
    """An upper bound on the exact search's total (``at_line``: the running word score at
    each line start's first token, and at the end; ``agree``: each split's agreement;
    ``gaps``: :func:`_gaps`): every pair scored by its best agreement without the length
    term, with both bonuses and without the heading cost. By columns: the best agreement
    between line starts ``i`` and ``j`` is a running maximum over the gaps between them,
    computed for every ``j`` at once."""
    import numpy as np

    t = lines.tok_index
    n = len(lines.start_at)
    if n == 0:
        return -math.inf
    padded = np.append(agree, -np.inf)
    lo, inclusive_end, exclusive_end = gaps
    inclusive = _range_max(padded, lo, inclusive_end)
    exclusive = _range_max(padded, lo, exclusive_end)
    prior_at = np.asarray(lines.start_prior, dtype=np.float64)
    window = lines.window
    # inclusive[i] at i + window, after -inf for the starts before the first: the window
    # of every pair end is gathered at once, without a mask per column
    shifted = np.concatenate((np.full(window, -np.inf), inclusive))
    back = np.arange(window)[None, :]
    # a list: each pair end reads the totals of the window before it, one at a time
    best = [-math.inf] * (n + 1)
    best[0] = 0.0
    add = float.__add__
    columns = max(1, _CELLS // window)
    for block in range(1, n + 1, columns):
        j = np.arange(block, min(n + 1, block + columns))
        i = j[:, None] - 1 - back
        # reach[:, d]: the best agreement between line start i = j - 1 - d and j, a running
        # maximum outwards from j of the gaps' best agreements
        reach = shifted[i + window]
        reach[:, 0] = exclusive[j - 1]
        np.maximum.accumulate(reach, axis=1, out=reach)
        before = np.maximum(i, 0)
        valid = (i >= 0) & (t[j][:, None] - t[before] >= 2)
        weight = (reach - (at_line[before] + at_line[j][:, None])
                  + prior_at[j][:, None] + (NUMBER_PAIRS_BONUS + OPENING_REPEAT_BONUS))
        weight[~valid] = -np.inf
        # where no pair may start (inside a word), nothing ends: its total stays -inf
        ends = (j == n) | (prior_at[j] != -np.inf)
        del reach, valid
        for row, end in zip(weight[ends].tolist(), j[ends].tolist(), strict=True):
            start = max(0, end - window)
            # row[d] is for start end - 1 - d: the starts before ``end``, latest first
            best[end] = max(map(add, reversed(best[start:end]), row))
    return best[n]


def _range_max(values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """``max(values[lo[x]:hi[x]])`` for each ``x`` (-inf for an empty range); ``values``
    ends with -inf (so that ``hi`` may be the length of the values before it)."""
    import numpy as np

    out = np.full(len(lo), -np.inf)
    some = hi > lo
    if some.any():
        # maximum.reduceat over [lo, hi) pairs: the value at each even index is the range's
        bounds = np.empty(2 * int(some.sum()), dtype=np.int64)
        bounds[0::2], bounds[1::2] = lo[some], hi[some]
        out[some] = np.maximum.reduceat(values, bounds)[0::2]
    return out
