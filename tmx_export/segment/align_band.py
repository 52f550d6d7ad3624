"""The search of long inputs: the model of :mod:`.align_model`, searched with numpy in a band.

A book aligned as one block has thousands of sentences a side; a search cell by cell spends
nearly all its time in the interpreter. Here the costs of all the beads of the band are
computed at once, and the dynamic programme advances a whole row of many chunks per numpy
step:

- the band follows the length diagonal (where the target's running character count matches
  the source's), a close guess of the path; it is searched once, wide, and the path found is
  kept when it stays well inside the band. When it does not, the band is moved around the
  path and widened, and the path of the sentences taken two at a time serves as the guide
  when the length ratio drifts further than a moved band can follow (see _search_long);
- the bead costs are computed once per band, for its cells only, row by row
  ("band storage": row i, column lo[i] + w), the anchors shared by the sentence pairs of the
  band counted at once from an inverted index (see :mod:`.align_anchors`);
- the rows are cut into chunks searched side by side: one numpy step advances a row of every
  chunk, each chunk from a guess of its start, then again from its predecessor's end until
  the ends no longer change but for a constant: the costs of a row soon forget where the
  search started but for a constant, and the moves never depend on that constant
  (Maleki, Musuvathi & Mytkowicz, 2014, "Parallelizing dynamic programming through rank
  convergence"). The result is that of one search row by row.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .align_anchors import _AnchorIndex, _ranges
from .align_model import _ANCHOR_WEIGHT, _PRIORS, _VARIANCE, Priors

# A path as four arrays: bead k holds source sentences s0[k]:s1[k] and target t0[k]:t1[k].
Spans = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]

_LONG_BAND = 12  # half-width of a moved band, in sentences
_WIDE_BAND = 22  # half-width of the first band around the length diagonal...
_WIDE_MARGIN = 4  # ... whose path is kept when it stays this far inside it
_CHUNK_ROWS = 64  # rows per chunk of the side-by-side search
_CHECK_EVERY = 8  # rows between two tests of whether a chunk has forgotten its start
_COARSEST = 48  # sentences a side, or units of several, searched in full for the guide
_PARALLEL_TOLERANCE = 1e-6  # cost rows that differ by a constant up to this are "the same"
_ERFC_STEPS = 512  # table points per unit of x for -log erfc(x): interpolation error < 4e-7
_P01 = _PRIORS[(0, 1)]
# The beads a cell is reached by, in the order of the search's cost slots: from the row
# before (1-2, 1-1, 1-0), then from two rows before (2-2, 2-1); 0-1 beads stay in the row.
_SLOTS = ((1, 2), (1, 1), (1, 0), (2, 2), (2, 1))
_PAIRED = tuple(bead for bead in _SLOTS if bead[1])  # the beads whose cost the band stores
_BAND_BLOCK = 4096  # cells a bead of the band costs computed at once (arrays that stay in L2)
# the moves as the trace reads them; the order breaks ties as _search does
_MOVES = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (0, 1))
_STEP_I = tuple(di for di, _ in _MOVES)
_STEP_J = tuple(dj for _, dj in _MOVES)


# -- bead costs ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _neg_log_erfc_table() -> tuple[np.ndarray, np.ndarray]:
    """-log erfc(x) - x^2 at x = k / _ERFC_STEPS up to x = 28, as _length_cost has it
    (beyond x ~ 26.5, where erfc underflows, its asymptote), and the slope to the next point.

    Less x^2, the function is smooth enough to interpolate linearly."""
    values = []
    for k in range(28 * _ERFC_STEPS + 2):
        x = k / _ERFC_STEPS
        p = math.erfc(x)
        cost = -math.log(p) if p > 1e-300 else x * x + math.log(x * math.sqrt(math.pi))
        values.append(cost - x * x)
    table = np.array(values)
    return table[:-1], np.diff(table)


@lru_cache(maxsize=4)
def _erfc_table_to(units: int) -> tuple[np.ndarray, np.ndarray]:
    """The table up to x = ``units`` (from 28 on, a bead that nothing could make likely, its
    last slope extended, which overestimates a cost that is anyway in the hundreds)."""
    table, slope = _neg_log_erfc_table()
    more = units * _ERFC_STEPS + 1 - len(table)
    if more <= 0:
        return table, slope
    steps = np.arange(1, more + 1)
    return (np.concatenate((table, table[-1] + steps * slope[-1])),
            np.concatenate((slope, np.full(more, slope[-1]))))


def _length_costs(x: np.ndarray, plus: float | np.ndarray) -> np.ndarray:
    """-log erfc(x) + ``plus``: _length_cost's -log P for x = z / sqrt(2), from a table
    (``plus`` may be an array that broadcasts against the table, [p, 1, 1] a bead each)."""
    table, slope = _erfc_table_to(max(28, int(x.max()) + 1) if x.size else 28)
    scaled = np.multiply(x, _ERFC_STEPS)
    whole = np.floor(scaled)  # the integer part
    index = whole.astype(np.intp)
    # (table + plus)[index], as _search adds them: the prior to the table's value first
    out = np.take(table, index, mode="wrap")  # (in range: no test needed)
    out += plus
    scaled -= whole
    scaled *= np.take(slope, index, mode="wrap")
    out += scaled
    out += np.square(x, out=scaled)
    return out


class _Model:
    """What the bead costs need of each sentence, for one length ratio, for the beads of
    _PAIRED at once: [p, i - 1] of row i (the one or two source sentences before it), and
    [p * (m + 1) + j] of column j (the one or two target sentences before it)."""

    def __init__(self, src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                 ratio: float, priors: Priors = _PRIORS) -> None:
        m = len(tgt_len)
        self.n, self.m, self.index, self.priors = len(src_len), m, index, priors
        self.di = np.array([di for di, _ in _PAIRED])
        self.dj = np.array([dj for _, dj in _PAIRED])

        def one_two(values: np.ndarray) -> np.ndarray:
            one = np.concatenate(([0], values))
            return np.stack((one, one + np.concatenate(([0], one[:-1]))))

        def rows(values: np.ndarray) -> np.ndarray:
            return one_two(values)[self.di - 1, 1:]

        def cols(values: np.ndarray) -> np.ndarray:
            return one_two(values)[self.dj - 1].astype(float).reshape(-1)

        # what the length cost needs: z / sqrt(2), z as in _search, is
        # |r ls - lt| / sqrt(s^2 r ls + s^2 lt + 2e-9)
        self.rs = ratio * rows(src_len)
        self.vrs = _VARIANCE * ratio * rows(src_len)
        self.t = cols(tgt_len)
        self.col_offsets = (np.arange(len(_PAIRED)) * (m + 1))[:, None, None]
        self.plus = np.array([priors[bead] - bead[1] * priors[(0, 1)]
                              for bead in _PAIRED])[:, None, None]
        # anchors of each side (plus a tiny amount that a count absorbs: the sum of the two
        # is never 0)
        self.a = rows(index.src_size if index is not None else src_len * 0) + 1e-300
        self.b = cols(index.tgt_size if index is not None else tgt_len * 0)


def _band_costs(model: _Model, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, int]:
    """(costs, width): the cost of bead _PAIRED[p] ending in row i (1..n), column lo[i] + w,
    at costs[p, w * n + i - 1], less one 0-1 prior per target sentence (see
    _chunked_search); inf for a bead from a cell off the band and at costs[p, -1] (where
    the cells off the band read). (1-0 beads, their prior, are left to the grid.)

    Laid out [w, row], so that every row's values broadcast along long rows; computed for
    all four beads at once (few numpy calls for a short input), a block of rows at a time
    (arrays that stay in the cache for a long one)."""
    n = model.n
    width = int((hi[1:] - lo[1:]).max()) + 1
    out = np.empty((len(_PAIRED), width * n + 1))
    out[:, -1] = math.inf
    hits = _anchor_hits(model.index, lo, width) if model.index is not None else None
    # a bead that starts right of the band of its first row costs inf: the last w it may
    # take in each row
    last_w = (hi[np.maximum(np.arange(1, n + 1)[None, :] - model.di[:, None], 0)]
              + model.dj[:, None] - lo[1:])[:, None, :]
    rows = max(_BAND_BLOCK // width, 1)
    for r0 in range(0, n, rows):
        part = slice(r0, min(r0 + rows, n))
        cost = _block_costs(model, lo[1:][part], part, width,
                            None if hits is None else (hits[0][:, part], hits[1][:, part]))
        np.putmask(cost, np.arange(width)[:, None] > last_w[..., part], math.inf)
        out[:, :-1].reshape(len(_PAIRED), width, n)[..., part] = cost
    return out, width


def _block_costs(model: _Model, lo: np.ndarray, part: slice, width: int,
                 hits: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
    """The costs of _band_costs for the rows ``part`` (their lo given): [p, w, row]."""
    col = np.minimum(lo + np.arange(width)[:, None], model.m)
    at = col + model.col_offsets  # the column in each bead's table
    t = model.t.take(at)
    x = np.subtract(model.rs[:, None, part], t)
    np.abs(x, out=x)
    t *= _VARIANCE
    t += 2e-9
    t += model.vrs[:, None, part]
    x /= np.sqrt(t, out=t)
    cost = _length_costs(x, model.plus)
    if hits is not None:
        # the anchor bonus, Dice over the bead's anchors (0 where none is shared): the
        # anchors shared by its sentence pairs, those of the sentences, 2 x 6 x shared / all
        last, first = hits
        shared = np.empty_like(x)
        np.add(last[:-1], last[1:], out=shared[0])  # 1-2
        shared[1] = last[1:]  # 1-1
        np.add(first[1:], last[1:], out=shared[3])  # 2-1
        np.add(shared[0], first[:-1], out=shared[2])  # 2-2
        shared[2] += first[1:]
        size = model.b.take(at)
        size += model.a[:, None, part]
        shared *= 2.0 * _ANCHOR_WEIGHT
        shared /= size
        np.fmin(shared, _ANCHOR_WEIGHT, out=shared)  # (Dice above 1 counts as 1)
        cost -= shared
    return cost


def _anchor_hits(index: _AnchorIndex, lo: np.ndarray,
                 width: int) -> tuple[np.ndarray, np.ndarray]:
    """(last, first)[v, i - 1]: the anchors shared by the last (first) source sentence of a
    bead ending in row i, i - 1 (i - 2), and target sentence lo[i] - 2 + v."""
    n = index.n
    jump = int(np.diff(lo[1:]).max()) if n > 1 else 0
    # shared[v, a]: source sentence a and target lo[a + 1] - 2 + v
    shared = index.shared(lo[1:] - 2, width + 1 + jump, by_offset=True)
    last = shared[:width + 1].astype(float)
    # the first of two, i - 2, whose window starts lo[i] - lo[i - 1] further left
    step = np.concatenate(([0], np.diff(lo[1:])))
    at = (step + np.arange(width + 1)[:, None]) * n + np.arange(-1, n - 1)
    at[:, 0] = shared.size  # (row 1 has no sentence before it: none shared)
    return last, np.take(np.append(shared, 0.0), at)


# -- the side-by-side search ----------------------------------------------------------------


class _Grid:
    """The chunks of a band: chunk c holds rows c*R-1+u (u = 0..R+1; u = 0, 1 are the rows
    its search starts from) and, in row u, the target positions base[c] + u*d + k, k in
    0..K-1 (a parallelogram around its part of the band, sheared by d columns a row, the
    length ratio rounded). Arrays are laid out [u, c, k]: one step of the search, a row of
    every chunk, reads contiguous rows."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray, m: int, rows: int) -> None:
        n = len(lo) - 1
        self.lo, self.hi, self.n, self.m = lo, hi, n, m
        self.rows = rows = min(rows, n)
        self.chunks = -(-n // rows)
        self.d = d = min(max(round(m / n), 0), 2)
        u = np.arange(rows + 2)[:, None]
        self.row_of = np.arange(self.chunks) * rows - 1 + u
        self.valid = (self.row_of >= 0) & (self.row_of <= n)
        self.clipped = np.clip(self.row_of, 0, n)
        far = 1 << 40
        self.base = np.where(self.valid, lo[self.clipped] - u * d, far).min(axis=0)
        self.cols = int((np.where(self.valid, hi[self.clipped] - u * d, -far).max(axis=0)
                         - self.base).max()) + 1
        # the cells a bead comes from, as one block per row: the rows two before and one
        # before (r = 0, 1), each from column k + d - 2 (less d two rows before) on
        self.offsets = 3 if d < 2 else 4
        self.slot_at = [(2 - di, dj_offset) for di, dj in _SLOTS
                        for dj_offset in [(2 - dj) + (di - 1) * d]]

    def padded(self) -> np.ndarray:
        """padded[u, c, 2 + k]: the cost of reaching row u, column k of chunk c, less k 0-1
        priors (which makes the 0-1 beads within a row a running minimum); the columns of
        inf either side spare the search any bounds test. Rows 0 and 1 hold what a chunk's
        search starts from: guesses, and for chunk 0 the true start (no row -1; row 0 holds
        only 0-1 beads)."""
        cols = self.cols
        out = np.full((self.rows + 2, self.chunks, cols + 2 + 2 * self.d), math.inf)
        out[:2] = self.guesses(0)
        out[0, 0] = math.inf
        out[1, 0, 2:cols + 2] = np.where(np.isfinite(out[1, 0, 2:cols + 2]), 0.0, math.inf)
        return out

    def guesses(self, u0: int) -> np.ndarray:
        """[u, c, 2 + k]: a guess of rows u0 and u0 + 1 of every chunk, to start a search
        from: the cost of straying from the band's centre by 0-1 beads (the closer the
        guess, the sooner the search forgets it), less k 0-1 priors; inf off the band."""
        d, cols = self.d, self.cols
        out = np.full((2, self.chunks, cols + 2 + 2 * d), math.inf)
        u = np.arange(u0, u0 + 2)[:, None, None]
        rows = self.clipped[u0:u0 + 2, :, None]
        col = self.base[:, None] + np.arange(cols) + u * d
        inband = (self.valid[u0:u0 + 2, :, None] & (col >= self.lo[rows])
                  & (col <= self.hi[rows]))
        guess = np.abs(col - (self.lo + self.hi)[rows] / 2.0) - (col - self.base[:, None])
        out[:, :, 2:cols + 2] = np.where(inband, guess * _P01, math.inf)
        return out

    def costs(self, band: np.ndarray, width: int, prior_10: float) -> np.ndarray:
        """costs[s, r, o, c, k]: the cost of reaching row s + 2 of chunk c, column k, from
        row s + r, column k + o + (r - 1) * d - 2: the bead _SLOTS[slot] where it fits,
        inf where no bead does (see _search_chunks), from the band storage of _band_costs;
        inf off the band."""
        n, rows, d = self.n, self.rows, self.d
        i = self.row_of[2:, :, None]
        ic = np.minimum(i, n)
        j = self.base[:, None] + np.arange(self.cols) + (np.arange(2, rows + 2) * d)[:, None,
                                                                                    None]
        w = j - self.lo[ic]
        inband = (i <= n) & (w >= 0) & (j <= self.hi[ic])
        at = np.where(inband, w * n + ic - 1, width * n)
        out = np.empty((rows, 2, self.offsets, self.chunks, self.cols))
        for r in range(2):
            for o in range(self.offsets):
                if (r, o) not in self.slot_at:
                    out[:, r, o] = math.inf  # (no bead from there)
        for bead, (r, o) in zip(_SLOTS, self.slot_at, strict=True):
            if bead in _PAIRED:
                np.take(band[_PAIRED.index(bead)], at, out=out[:, r, o], mode="clip")
        # 1-0 beads: their prior, from a cell of the band of the row before
        r, o = self.slot_at[2]
        out[:, r, o] = np.where(inband & (j <= self.hi[np.maximum(ic - 1, 0)]),
                                prior_10, math.inf)
        return out


def _chunked_search(model: _Model, lo: np.ndarray, hi: np.ndarray, margin: int,
                    ) -> tuple[Spans, bool]:
    """The cheapest path in the band [lo, hi]: (spans, whether the band may have held the
    path back: it comes within ``margin`` of the band's edge)."""
    band, width = _band_costs(model, lo, hi)
    grid = _Grid(lo, hi, model.m, _CHUNK_ROWS)
    costs = grid.costs(band, width, model.priors[(1, 0)])
    padded = grid.padded()
    with np.errstate(invalid="ignore"):  # inf - inf, off the band
        _settle(grid, padded, costs)
        moves = _moves(padded, costs, grid.d, grid.slot_at)
    spans = _trace(grid, moves)
    return spans, _held(spans, lo, hi, model.m, margin)


def _settle(grid: _Grid, padded: np.ndarray, costs: np.ndarray) -> None:
    """Search every chunk from its guess, then again each chunk whose start has changed,
    from the end of its predecessor, until none has. A chunk's end that moves by a constant
    only does not change its successor's search, which only adds that constant."""
    chunks, d = grid.chunks, grid.d
    _search_chunks(padded, costs, d, None)
    settled = np.zeros(chunks, bool)
    settled[0] = True
    while not settled.all():
        redo = np.flatnonzero(~settled)
        # contiguous chunks as views, others gathered
        pick: slice | np.ndarray = (slice(redo[0], redo[-1] + 1)
                                    if redo[-1] - redo[0] + 1 == len(redo) else redo)
        padded[:2, redo] = _ends_before(grid, padded, redo)
        part = padded[:, pick]
        moved = ~_search_chunks(part, costs[:, :, :, pick], d, part.copy())
        if isinstance(pick, np.ndarray):
            padded[:, pick] = part
        settled[:] = True
        after = redo[moved] + 1
        settled[after[after < chunks]] = False


def _ends_before(grid: _Grid, padded: np.ndarray, which: np.ndarray) -> np.ndarray:
    """The end rows of the chunks before chunks ``which``, in these chunks' columns (the
    same rows of the text): [u, chunk, column], inf where a column has no value."""
    width = padded.shape[2]
    shift = (grid.base[which] - grid.base[which - 1] - grid.rows * grid.d)[:, None] + np.arange(
        width)
    ends = padded[grid.rows:, which - 1]
    starts = np.take_along_axis(ends, np.clip(shift, 0, width - 1)[None], axis=2)
    return np.where((shift >= 0) & (shift < width), starts, math.inf)


def _search_chunks(padded: np.ndarray, costs: np.ndarray, d: int,
                   before: np.ndarray | None) -> np.ndarray:
    """Search the given chunks side by side, from their start rows ``padded[:2]``.

    With ``before``, the same chunks' costs from another start: the search stops as soon as
    every chunk's rows differ from those by a constant, since the rest of it would only
    add that constant (its later rows are then shifted by it). Returns, per chunk, whether
    its end rows differ from ``before``'s by a constant."""
    rows, _, offsets, chunks, cols = costs.shape
    step = padded.strides
    # the cells the beads into a row come from, as one block: [row two before, row before]
    # x offsets x chunks x columns (see _Grid.costs), so that a row takes three numpy calls
    came = as_strided(padded[:, :, d:], (rows, 2, offsets, chunks, cols),
                      (step[0], step[0], step[2], step[1], step[2]))
    cand = np.empty((2, offsets, chunks, cols))
    flat = cand.reshape(-1, chunks, cols)
    best = np.empty((chunks, cols))
    same = np.zeros(chunks, bool)
    add, least, running = np.add, np.minimum.reduce, np.minimum.accumulate
    for s, (sources, cost, row) in enumerate(zip(came, costs, padded[2:, :, 2:cols + 2],
                                                  strict=True)):
        add(sources, cost, out=cand)
        least(flat, axis=0, out=best)
        # 0-1 beads within the row: a running minimum, as costs are kept less k 0-1 priors
        running(best, axis=1, out=row)
        if before is not None and s % _CHECK_EVERY == _CHECK_EVERY - 1:
            now, offset = _offsets(padded[s + 1:s + 3], before[s + 1:s + 3])
            same |= now
            if same.all():
                padded[s + 3:] = before[s + 3:] + offset[:, None]
                return same
    if before is not None:
        same |= _offsets(padded[-2:], before[-2:])[0]
    return same


def _offsets(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per chunk (axis 1): whether cost rows ``a`` are rows ``b`` plus a constant, and
    the constant."""
    diff = a - b  # nan where both are inf, +-inf where one is
    top = np.fmax.reduce(diff, axis=(0, 2))
    bottom = np.fmin.reduce(diff, axis=(0, 2))
    never = np.isnan(top)  # rows all inf on both sides
    return never | (top - bottom <= _PARALLEL_TOLERANCE), np.where(never, 0.0, top)


def _moves(padded: np.ndarray, costs: np.ndarray, d: int, slot_at: list[tuple[int, int]],
           ) -> bytes:
    """The move (an index of _MOVES) into every cell, as the search chose it, [s, c, k]
    flattened: the cheapest bead, the first in _MOVES on a tie, or a 0-1 bead when that is
    clearly cheaper (rows shifted by a constant may have lost the last bit of a tie)."""
    rows, cols = costs.shape[0], costs.shape[4]
    here = padded[2:, :, 2:cols + 2]
    best, cand, cheaper = np.empty(here.shape), np.empty(here.shape), np.empty(here.shape, bool)
    moves = np.zeros(here.shape, np.int8)
    for code, move in enumerate(_MOVES[:5]):
        r, o = slot_at[_SLOTS.index(move)]
        np.add(padded[r:r + rows, :, d + o:d + o + cols], costs[:, r, o],
               out=cand if code else best)
        if code:
            np.less(cand, best, out=cheaper)
            np.putmask(moves, cheaper, code)
            np.minimum(best, cand, out=best)
    np.abs(here, out=cand)
    cand += 1.0
    cand *= -1e-9
    cand += best  # best - 1e-9 (1 + |here|)
    np.less(here, cand, out=cheaper)
    np.putmask(moves, cheaper, 5)
    return moves.tobytes()


def _trace(grid: _Grid, moves: bytes) -> Spans:
    """The path into (n, m), traced back along the moves."""
    n, rows, chunks, cols, d = grid.n, grid.rows, grid.chunks, grid.cols, grid.d
    c, s = np.divmod(np.arange(n), rows)  # row i + 1
    # row i's move into column j is moves[at[i] + j]
    at = [0, *((s * chunks + c) * cols - grid.base[c] - (s + 2) * d).tolist()]
    step_i, step_j = _STEP_I, _STEP_J
    i, j = n, grid.m
    path_i, path_j = [i], [j]
    while i:
        move = moves[at[i] + j]
        i -= step_i[move]
        j -= step_j[move]
        path_i.append(i)
        path_j.append(j)
    path_i.extend([0] * j)  # 0-1 beads before the first source sentence
    path_j.extend(range(j - 1, -1, -1))
    pi = np.array(path_i[::-1], np.intp)
    pj = np.array(path_j[::-1], np.intp)
    return pi[:-1], pi[1:], pj[:-1], pj[1:]


def _held(spans: Spans, lo: np.ndarray, hi: np.ndarray, m: int, margin: int) -> bool:
    """Whether the path comes within ``margin`` of the band's edge (but for the text's own
    edges): a path that needs to stray further (a long passage without translation) may
    settle for a poor compromise within the band rather than touch its edge."""
    _, i, _, j = spans
    i, j = i[i > 0], j[i > 0]
    near = ((j - lo[i] < margin) & (lo[i] > 0)) | ((hi[i] - j < margin) & (hi[i] < m))
    leave = spans[2][spans[1] > 0][0] if len(i) else m  # where the path leaves row 0
    return bool(near.any()) or (hi[0] < m and hi[0] - leave < margin)


# -- bands and guides ---------------------------------------------------------------------------


def _band_around(guide: tuple[np.ndarray, np.ndarray], width: int,
                 m: int) -> tuple[np.ndarray, np.ndarray]:
    """The band of ``width`` around the guide's lowest and highest target position in each
    row, made monotone and connected, so that every cell can be reached from the row before.
    """
    lo = np.minimum.accumulate(np.maximum(guide[0] - width, 0)[::-1])[::-1]
    hi = np.minimum(guide[1] + width, m)
    hi[:-1] = np.maximum(hi[:-1], lo[1:] - 1)
    return lo, np.maximum.accumulate(hi)


def _path_guide(spans: Spans, n: int, m: int, scale: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest target position of a path in each source row, the path's
    positions multiplied by ``scale`` (a path found for sentences taken ``scale`` at a time).
    """
    s0, s1, t0, t1 = (x * scale for x in spans)
    s1, t0, t1 = np.minimum(s1, n), np.minimum(t0, m), np.minimum(t1, m)
    count = s1 - np.minimum(s0, s1) + 1
    rows = _ranges(np.minimum(s0, s1), count)  # every row a bead spans, with its columns
    low = np.full(n + 1, m)
    high = np.zeros(n + 1, np.intp)
    np.minimum.at(low, rows, np.repeat(t0, count))
    np.maximum.at(high, rows, np.repeat(t1, count))
    return low, high


def _search_long(src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                 ratio: float, guide: tuple[np.ndarray, np.ndarray] | None, width: int, *,
                 wide: bool = True, priors: Priors = _PRIORS) -> Spans:
    """The cheapest bead sequence near the guide path.

    First (``wide``) in a band of _WIDE_BAND around the guide, kept when the path found
    stays _WIDE_MARGIN inside it: one search for nearly every text. Otherwise within
    ``width`` of the guide; when the path found strays too far from the guide, the band may
    have held it back: search again in a band around that path, which mostly only needs the
    band moved. When that path strays too, the text's length ratio drifts further than a
    moved band can follow: take as the guide the path found for the sentences taken two at a
    time, itself guided by the path for four at a time and so on, down to a few dozen units
    searched in full (Salvador & Chan, 2007, "FastDTW"); which is also the guide when none is
    given. Beyond that, widen the band.
    """
    n, m = len(src_len), len(tgt_len)
    model = _Model(src_len, tgt_len, index, ratio, priors)
    if wide and guide is not None and _WIDE_BAND:
        spans, held = _chunked_search(model, *_band_around(guide, max(width, _WIDE_BAND), m),
                                      _WIDE_MARGIN)
        if not held:
            return spans
    coarse = guide is None
    if guide is None:
        guide = _coarse_guide(src_len, tgt_len, index, ratio, width, priors)
    held, moved = True, False
    while held:
        spans, held = _chunked_search(model, *_band_around(guide, width, m),
                                      max(width - width // 2, 3))
        if held:
            if moved and not coarse:
                guide, coarse = _coarse_guide(src_len, tgt_len, index, ratio, width, priors), True
                continue
            if moved:
                width *= 2
            guide, moved = _path_guide(spans, n, m), True
    return spans


def _coarse_guide(src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                  ratio: float, width: int, priors: Priors = _PRIORS,
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The path of the sentences taken two at a time, as a guide (a full band when few)."""
    n, m = len(src_len), len(tgt_len)
    if min(n, m) <= _COARSEST:
        return np.zeros(n + 1, np.intp), np.full(n + 1, m)
    pairs = _search_long(_pairwise(src_len), _pairwise(tgt_len), index and index.pairwise(),
                         ratio, None, width, wide=False, priors=priors)
    return _path_guide(pairs, n, m, 2)


def _pairwise(lengths: np.ndarray) -> np.ndarray:
    """The lengths of sentences taken two at a time (the last alone if odd)."""
    return np.add.reduceat(lengths, np.arange(0, len(lengths), 2))
