"""Pair (unnumbered dumps): the search over pair starts and splits.

:func:`tmx_export.dump.pairing._segmental` prepares, per line start and per word, what a
pair's score is made of; this module finds the best sequence of pairs. The search weighs
every (pair start, pair end, split) triple in a window: hundreds of millions in a large
file. A bound on each start's best total lets it score only the few starts that can win,
and it runs as plain Python on lists for small files, compiled by numba for large ones (to
machine code on first use, cached on disk: a first run pays about a second and a half
once). The arithmetic is the same, operation for operation, as
:func:`tmx_export.dump.pairing._split_scores`: the same pairs to the last bit.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

NUMBER_PAIRS_BONUS = 3.0  # a pair whose numbers all come in twos (one per side)
OPENING_REPEAT_BONUS = 2.0  # a pair within which side B repeats side A's opening
HEADING_CHARS = 300  # a pair ending without punctuation (a heading) longer than this...
LONG_HEADING_COST = 2.5  # ...costs this


def _search(prefix: Any, prior: Any, pos: Any, plausible: Any, start_at: Any,
            tok_index: Any, start_prior: Any, unpunctuated_end: Any, window: int,
            numbers_xor: Any, numbers_seen: Any, opening_repeats: Any, length: int,
            best: Any, back_start: Any, back_split: Any, reach_from: Any, bounds: Any
            ) -> None:
    """Fill ``best`` (the best total of pairs ending at each line start, and at the end)
    and the back pointers: the start and the split token of the last pair.

    Pair start ``i`` (first token ``ti``, offset ``s``) to line start ``j`` (``tj``,
    ``e``), split at token ``k`` (offset ``c``) scores the language agreement of the two
    sides, the split's prior and a Gale-Church length term::

        (2 prefix[k] + prior[k]) - (prefix[ti] + prefix[tj]) - ((e + s - 2c) scale)^2

    with ``scale = sqrt(0.2 / (3.4 |e - s| + 1))``; side A needs at least one token. The
    total adds the best total before ``i``, the start prior of ``j`` and the bonuses.
    Among equal totals the earliest start wins, and among equal splits the earliest split
    (as numpy's argmax would choose)."""
    n = len(start_at)
    n_plausible = len(plausible)
    for j in range(1, n + 1):
        if j < n and start_prior[j] == -math.inf:
            continue  # no pair starts inside a word: nothing ends here
        e_off = start_at[j] if j < n else length
        tj = tok_index[j]
        first_i = max(0, j - window)
        ti_min = -1
        for i in range(first_i, j):  # the earliest first token among the starts
            if best[i] > -math.inf and tj - tok_index[i] >= 2:
                if ti_min < 0 or tok_index[i] < ti_min:
                    ti_min = tok_index[i]
        if ti_min < 0:
            continue
        lo = _search_left(plausible, ti_min + 1, 0, n_plausible)
        hi = _search_left(plausible, tj, lo, n_plausible)
        if hi <= lo:
            continue
        h_end = prefix[tj]
        # The best agreement among the splits from each one on, once per pair end: a bound
        # on any start's best split, whatever the length term.
        reach_from[hi] = -math.inf
        for m in range(hi - 1, lo - 1, -1):
            k = plausible[m]
            agree = 2 * prefix[k] + prior[k]
            reach_from[m] = agree if agree > reach_from[m + 1] else reach_from[m + 1]
        # Branch and bound: the start with the highest bound is scored first; a start
        # whose bound stays below the best total so far cannot win. Among equal totals the
        # earliest start wins, as it would in a scan in order.
        top = -1
        top_bound = -math.inf
        for i in range(first_i, j):
            bounds[i - first_i] = -math.inf
            if best[i] > -math.inf and tj - tok_index[i] >= 2:
                m = _search_left(plausible, tok_index[i] + 1, lo, hi)
                h = prefix[tok_index[i]] + h_end
                bound = best[i] + (reach_from[m] - h) + start_prior[j]
                bound = bound + _number_bonus(numbers_xor, numbers_seen, i, j)
                bound = bound + _repeat_bonus(opening_repeats, i, e_off)
                if unpunctuated_end[j]:
                    bound = bound - _heading_cost(start_at[i], e_off)
                bounds[i - first_i] = bound
                if bound > top_bound:
                    top, top_bound = i, bound
        if top < 0:
            continue  # every start is out of reach: no pair ends here
        best_total = -math.inf
        best_start = -1
        best_split = -1
        for step in range(j - first_i + 1):
            # the most promising start first, then the others in order
            i = top if step == 0 else first_i + step - 1
            if step > 0 and i == top:
                continue
            if not bounds[i - first_i] >= best_total or bounds[i - first_i] == -math.inf:
                continue  # cannot reach the best so far
            ti = tok_index[i]
            s_off = start_at[i]
            h = prefix[ti] + h_end
            scale = math.sqrt(0.2 / (3.4 * abs(e_off - s_off) + 1.0))
            val_best = -math.inf
            k_best = plausible[lo]  # numpy's argmax of a row of -inf: its first split
            for m in range(_search_left(plausible, ti + 1, lo, hi), hi):
                k = plausible[m]
                upper = (2 * prefix[k] + prior[k]) - h
                if not upper > val_best:
                    continue  # the length term only lowers it: cannot beat the best
                delta = (e_off + s_off - 2 * pos[k]) * scale
                val = upper - delta * delta
                if val > val_best:
                    val_best = val
                    k_best = k
            total = best[i] + val_best + start_prior[j]
            total = total + _number_bonus(numbers_xor, numbers_seen, i, j)
            total = total + _repeat_bonus(opening_repeats, i, e_off)
            if unpunctuated_end[j]:
                total = total - _heading_cost(s_off, e_off)
            if total > best_total or total == best_total and i < best_start:
                best_total = total
                best_start = i
                best_split = k_best
        if best_start >= 0 and best_total > best[j]:
            best[j] = best_total
            back_start[j] = best_start
            back_split[j] = best_split


def _number_bonus(numbers_xor: Any, numbers_seen: Any, i: int, j: int) -> float:
    """A pair whose numbers all come in twos (see ``pairing._number_parity``)."""
    if numbers_xor[i] == numbers_xor[j] and numbers_seen[j] - numbers_seen[i] >= 2:
        return NUMBER_PAIRS_BONUS
    return 0.0


def _repeat_bonus(opening_repeats: Any, i: int, e_off: int) -> float:
    """A pair within which side B repeats side A's opening."""
    return OPENING_REPEAT_BONUS if opening_repeats[i] < e_off else 0.0


def _heading_cost(s_off: int, e_off: int) -> float:
    """Only headings end without punctuation, and they are short."""
    return LONG_HEADING_COST if e_off - s_off > HEADING_CHARS else 0.0


def _search_left(values: Any, target: int, lo: int, hi: int) -> int:
    """numpy's ``searchsorted(values[lo:hi], target, side="left") + lo``: ``values`` sorted."""
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


@lru_cache(maxsize=1)
def _compiled() -> Any:
    """The search compiled: a copy of :func:`_search` whose helpers are compiled too (numba
    looks them up when it compiles), leaving the plain functions as they are."""
    import types

    import numba

    jit = numba.njit(cache=True, nogil=True)
    space = dict(globals())
    for name in ("_search_left", "_number_bonus", "_repeat_bonus", "_heading_cost"):
        space[name] = jit(globals()[name])
    return jit(types.FunctionType(_search.__code__, space, _search.__name__))


COMPILE_FROM = 4000  # line starts: below, plain Python (about 45 us a line start) beats
# loading numba and the compiled search (about 0.35 s)


def best_pairs(prefix: np.ndarray, prior: np.ndarray, pos: np.ndarray, plausible: np.ndarray,
               start_at: np.ndarray, tok_index: np.ndarray, start_prior: list[float],
               unpunctuated_end: list[bool], window: int, numbers_xor: np.ndarray,
               numbers_seen: np.ndarray, opening_repeats: np.ndarray, length: int,
               compiled: bool | None = None) -> tuple[float, list[tuple[int, int, int]]]:
    """The best pairs: the total score, and per pair the indexes of its start and of the
    next pair's start among the line starts ``start_at``, and its split token. The search
    runs compiled for files of ``COMPILE_FROM`` line starts or more (``compiled`` forces
    either way), as plain Python on lists below: the same arithmetic, the same pairs."""
    import numpy as np

    n = len(start_at)
    if compiled is None:
        compiled = n >= COMPILE_FROM
    if compiled:
        best = np.full(n + 1, -np.inf)
        best[0] = 0.0
        back_start = np.full(n + 1, -1, dtype=np.int64)
        back_split = np.full(n + 1, -1, dtype=np.int64)
        arrays = [a.astype(np.int64) for a in (pos, plausible, start_at, tok_index)]
        _compiled()(prefix, prior, *arrays, np.asarray(start_prior, dtype=np.float64),
                    np.asarray(unpunctuated_end, dtype=np.bool_), window,
                    numbers_xor.astype(np.int64), numbers_seen.astype(np.int64),
                    opening_repeats.astype(np.int64), length, best, back_start, back_split,
                    np.empty(len(plausible) + 1), np.empty(window))
    else:
        best, back_start, back_split = [-np.inf] * (n + 1), [-1] * (n + 1), [-1] * (n + 1)
        best[0] = 0.0
        lists = [a.tolist() for a in (prefix, prior, pos, plausible, start_at, tok_index)]
        _search(*lists, start_prior, unpunctuated_end, window, numbers_xor.tolist(),
                numbers_seen.tolist(), opening_repeats.tolist(), length, best, back_start,
                back_split, [0.0] * (len(plausible) + 1), [0.0] * window)
    path: list[tuple[int, int, int]] = []
    j = n
    while j > 0 and back_start[j] >= 0:
        i = int(back_start[j])
        path.append((i, j, int(back_split[j])))
        j = i
    path.reverse()
    return float(best[n]), path
