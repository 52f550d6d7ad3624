"""The term patterns of :mod:`.candidates`, found for a whole corpus at once with numpy
(:mod:`.associate`, pass 1): over flat arrays of token kinds, key pieces, breaks and
positions in their piece, the English runs of content words, "N of N", coordinated
adjectives and names joined by "of the", and the French head-first candidates. Each
returns its occurrences as arrays and gives their keys to a :class:`.keys._Chains`. The
reference, token by token in Python, is :meth:`.candidates.Extractor.candidates`; the tests
compare the two."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .arrays import _exclusive_cumsum
from .candidates import (
    ARTICLE,
    CONNECTOR,
    MAX_COMPLEMENT_WORDS,
    MAX_WORDS,
    MODIFIER_HEAD_WORDS,
    NUMBER,
    STOPWORD,
    WORD,
)
from .keys import _Chains

# Token kinds as small integers, for the flat arrays.
_KIND = {WORD: 0, STOPWORD: 1, NUMBER: 2, CONNECTOR: 3, ARTICLE: 4}
_W, _S, _C, _A = _KIND[WORD], _KIND[STOPWORD], _KIND[CONNECTOR], _KIND[ARTICLE]


def _english(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
             chains: _Chains, links: Sequence[int] = (),
             joining: tuple[int, np.ndarray] | None = None,
             naming: tuple[int, int, list[int], np.ndarray, np.ndarray] | None = None,
             closing: Sequence[int] = ()) -> tuple[np.ndarray, ...]:
    """English candidates (:func:`.candidates._english`): every run of 1-4 content words
    inside a run of them; in head position when the run ends with it. And where a linking
    word (piece ids ``links``: "of", "into") joins a lone content word to the next run, that
    word + the link + the start of the run (:func:`_linked`; ``closing``: the piece ids of
    :data:`.candidates.CLOSING_LINKS`); where the joining word of
    ``joining`` (its piece id, and which pieces are adjectives) joins two adjectives,
    the coordination (:func:`_coordinated`); with ``naming``, names joined by "of the"
    (:func:`_named`).

    Returns per occurrence, in order (by first token, then last): first and last token,
    words and head; their keys go to ``chains``, one chain per first content word (and one
    per lone word before a link).
    """
    is_word = kind == _W
    words_at = np.flatnonzero(is_word)
    going_on = np.zeros(len(kind), bool)  # the token carries on the run before it
    going_on[1:] = is_word[1:] & is_word[:-1] & ~breaks[1:] & (local[1:] > 0)
    run = np.cumsum(~going_on[words_at]) - 1
    del going_on, is_word
    run_last = np.ones(len(run), bool)
    np.not_equal(run[1:], run[:-1], out=run_last[:-1])
    run_end = (words_at[run_last] + 1)[run]
    run_first = np.ones(len(run), bool)
    run_first[1:] = run_last[:-1]
    run_start = words_at[run_first][run]
    del run, run_last, run_first
    depth = np.minimum(run_end - words_at, MAX_WORDS)
    base = _exclusive_cumsum(depth)
    first = np.repeat(words_at, depth)
    words = np.arange(len(first)) - np.repeat(base[:-1], depth) + 1
    last = first + words
    head = last == np.repeat(run_end, depth)
    coordinated = _coordinated_ends(kind, kw, breaks, local, joining)
    if joining is not None:  # a compound modifier at the start of a run (English only)
        head &= ~coordinated[last]
        head |= ((words >= MODIFIER_HEAD_WORDS) & (first == np.repeat(run_start, depth))
                 & ~joining[1][kw[last - 1]])
    head = head.astype(np.int8)
    linked = _joined(_joined(_linked(kind, kw, breaks, local, words_at, run_end, links,
                                     coordinated, closing),
                             _coordinated(kind, kw, breaks, local, words_at, run_end,
                                          joining)),
                     _named(kind, kw, breaks, local, words_at, run_start, run_end, naming))
    if linked is None:
        row, at = chains.new(len(words_at), len(first))
        position = np.arange(len(first))
    else:
        # the linked candidates go between the others: each after the one-word candidate of
        # its first word (their first words end their runs)
        l_first, l_last, l_words, l_head, l_levels, l_depth, l_row_of = linked
        l_order = np.lexsort((l_last, l_first))
        width = len(kind) + 1
        l_position = np.empty(len(l_first), np.int64)
        l_position[l_order] = np.arange(len(l_first)) + np.searchsorted(
            first * width + last, (l_first * width + l_last)[l_order])
        total = len(first) + len(l_first)
        plain = np.ones(total, bool)
        plain[l_position] = False
        position = np.flatnonzero(plain)
        del plain
        l_rows = int(l_row_of.max()) + 1
        row, at = chains.new(len(words_at) + l_rows, total)
        l_row = row + len(words_at)
        for d, rows, pieces in l_levels:
            chains.piece(d, l_row + rows, pieces)
        chains.end(l_depth, at + l_position, l_row + l_row_of)
        merged = []
        for plain_values, linked_values in ((first, l_first), (last, l_last),
                                            (words, l_words), (head, l_head)):
            out = np.empty(total, np.int64)
            out[position] = plain_values
            out[l_position] = linked_values
            merged.append(out)
        first, last, words, head = merged
        head = head.astype(np.int8)
    for d in range(MAX_WORDS):
        rows = np.flatnonzero(depth > d)
        chains.piece(d, row + rows, kw[words_at[rows] + d])
        chains.end(d, at + position[base[rows] + d], row + rows)
    return first, last, words.astype(np.int8), head


def _coordinated_ends(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray,
                      local: np.ndarray, joining: tuple[int, np.ndarray] | None) -> np.ndarray:
    """Per token position (and one past the end): whether a run of content words that
    ends there ends with an adjective that the joining word, there, joins to the next run
    (:func:`.candidates._coordinated_end`): such a run ends with a modifier, no head."""
    n = len(kind)
    out = np.zeros(n + 1, bool)
    if joining is None or joining[0] < 0 or n < 3:
        return out
    joint, adjective = joining
    at = np.flatnonzero((kind[1:-1] == _S) & (kw[1:-1] == joint) & ~breaks[1:-1]
                        & (local[1:-1] > 0) & (local[2:] > 0)) + 1
    out[at[(kind[at - 1] == _W) & adjective[kw[at - 1]] & (kind[at + 1] == _W)
           & ~breaks[at + 1]]] = True
    return out


def _linked(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
            words_at: np.ndarray, run_end: np.ndarray, links: Sequence[int],
            coordinated: np.ndarray, closing: Sequence[int] = ()) -> tuple | None:
    """The "N of N" candidates of :func:`_english`: a content word alone in its run, a
    linking word, then the first content words of the run after it (up to
    :data:`.candidates.MAX_COMPLEMENT_WORDS`), in head position when they end that run and
    it ends with no adjective that ``coordinated`` says "and" joins to more (per token
    position, :func:`_coordinated_ends`); none from a word that is the complement of a
    link of ``closing`` (piece ids of :data:`.candidates.CLOSING_LINKS`). Per occurrence:
    first, last, words and head; then their chains: (depth, rows, pieces) per depth, and
    the depth where each occurrence ends and its chain (one per lone word). ``None`` when
    there are none."""
    n = len(kind)
    if not len(links) or not len(words_at):
        return None

    def inside(at: np.ndarray) -> np.ndarray:  # a later token of the same piece
        return (at < n) & (local[np.minimum(at, n - 1)] > 0)

    alone = run_end == words_at + 1
    alone[1:] &= run_end[1:] != run_end[:-1]  # no word of its run before it
    # nor the complement of a closing link after a content word ("force" of "entry into
    # force of Decision": :func:`.candidates._linked_complement`)
    i = words_at
    ic = np.maximum(i, 2)
    alone &= ~((local[i] >= 2) & (kind[ic - 1] == _S) & np.isin(kw[ic - 1], closing)
               & ~breaks[ic - 1] & ~breaks[ic] & (kind[ic - 2] == _W))
    j = words_at[alone] + 1  # the token after a lone word
    j_ok = inside(j)
    jc = np.minimum(j, n - 1)
    k = j + 1
    kc = np.minimum(k, n - 1)
    ok = (j_ok & (kind[jc] == _S) & np.isin(kw[jc], links) & ~breaks[jc] & inside(k)
          & (kind[kc] == _W) & ~breaks[kc])
    j, k = j[ok], k[ok]
    if not len(j):
        return None
    end = run_end[np.searchsorted(words_at, k)]  # the run after the link is k:end
    del alone, j_ok, jc, kc, ok
    rows = np.arange(len(j))
    levels = [(0, rows, kw[j - 1]), (1, rows, kw[j])]
    firsts, lasts, n_words, heads, end_depth, occ_rows = [], [], [], [], [], []
    for right in range(1, min(MAX_COMPLEMENT_WORDS, MAX_WORDS - 1) + 1):  # after the link
        more = np.flatnonzero(k + right <= end)
        if not len(more):
            break
        at = k[more] + right - 1  # the last word
        levels.append((right + 1, more, kw[at]))
        firsts.append(j[more] - 1)
        lasts.append(at + 1)
        n_words.append(np.full(len(more), right + 1, np.int64))
        heads.append(((at + 1 == end[more]) & ~coordinated[at + 1]).astype(np.int8))
        end_depth.append(np.full(len(more), right + 1, np.int64))
        occ_rows.append(more)
    return (np.concatenate(firsts), np.concatenate(lasts), np.concatenate(n_words),
            np.concatenate(heads), levels, np.concatenate(end_depth),
            np.concatenate(occ_rows))


def _coordinated(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
                 words_at: np.ndarray, run_end: np.ndarray,
                 joining: tuple[int, np.ndarray] | None) -> tuple | None:
    """The coordinated adjectives of :func:`_english` (:data:`.candidates.COORDINATION`):
    an adjective that ends its run, the joining word, then an adjective and the next word
    of the run after it ("economic and social cohesion"). What :func:`_linked` returns."""
    n = len(kind)
    if joining is None or not len(words_at):
        return None
    joint, adjective = joining

    def inside(at: np.ndarray) -> np.ndarray:  # a later token of the same piece
        return (at < n) & (local[np.minimum(at, n - 1)] > 0)

    a = words_at[(run_end == words_at + 1) & adjective[kw[words_at]]]
    j, k = a + 1, a + 2
    jc, kc = np.minimum(j, n - 1), np.minimum(k, n - 1)
    ok = (inside(j) & (kind[jc] == _S) & (kw[jc] == joint) & ~breaks[jc] & inside(k)
          & (kind[kc] == _W) & ~breaks[kc] & adjective[kw[kc]])
    a, k = a[ok], k[ok]
    if not len(a):
        return None
    end = run_end[np.searchsorted(words_at, k)]  # the run after the joining word: k:end
    long = end - k >= 2
    a, k, end = a[long], k[long], end[long]
    if not len(a):
        return None
    rows = np.arange(len(a))
    levels = [(d, rows, kw[a + d]) for d in range(4)]
    return (a, k + 2, np.full(len(a), 3, np.int64), (k + 2 == end).astype(np.int8), levels,
            np.full(len(a), 3, np.int64), rows)


def _named(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
           words_at: np.ndarray, run_start: np.ndarray, run_end: np.ndarray,
           naming: tuple[int, int, list[int], np.ndarray, np.ndarray] | None
           ) -> tuple | None:
    """The names joined by "of the" of :func:`_english` (:func:`.candidates._named`): a run
    of capitalised words, the linking word and the article (piece ids of ``naming``), the
    whole next run, capitalised, four content words in all, and none of the words that
    carry a name on (``naming[2]``) right before or after it. ``naming[3]`` is the type of
    each token, ``naming[4]`` whether a type is capitalised: looked up only where a name
    may be, so nothing is made per token. What :func:`_linked` returns; the tokens of a
    name are contiguous, so its chain is its tokens' pieces."""
    n = len(kind)
    if naming is None or not len(words_at):
        return None
    link, article, goes_on, types, capital = naming

    def capitals(first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """Whether the tokens first to last (excluded; at most MAX_WORDS) are capitalised."""
        out = np.ones(len(first), bool)
        for step in range(MAX_WORDS):
            at = first + step
            mine = at < last
            out[mine] &= capital[types[at[mine]]] != 0
        return out

    def carries_on(at: np.ndarray) -> np.ndarray:
        """Whether the tokens ``at`` are words that carry a name on ("of", "and")."""
        return (kind[at] == _S) & np.isin(kw[at], goes_on)

    def inside(at: np.ndarray) -> np.ndarray:  # a later token of the same piece
        return (at < n) & (local[np.minimum(at, n - 1)] > 0)

    starts = words_at == run_start
    i, j = words_at[starts], run_end[starts]  # each run: tokens[i:j]
    jc, ac, k = np.minimum(j, n - 1), np.minimum(j + 1, n - 1), j + 2
    kc = np.minimum(k, n - 1)
    ok = (inside(j) & (kind[jc] == _S) & (kw[jc] == link) & ~breaks[jc] & inside(j + 1)
          & (kind[ac] == _S) & (kw[ac] == article) & ~breaks[ac] & inside(k)
          & (kind[kc] == _W) & ~breaks[kc])
    i, j, k = i[ok], j[ok], k[ok]
    if not len(i):
        return None
    end = run_end[np.searchsorted(words_at, k)]  # the next run: tokens[k:end]
    ok = (j - i) + (end - k) <= MAX_WORDS
    i, j, k, end = i[ok], j[ok], k[ok], end[ok]
    ec = np.minimum(end, n - 1)
    ok = (capitals(i, j) & capitals(k, end) & ~(inside(end) & carries_on(ec) & ~breaks[ec])
          & ~((local[i] > 0) & carries_on(np.maximum(i - 1, 0)) & ~breaks[i]))
    i, end = i[ok], end[ok]
    if not len(i):
        return None
    rows = np.arange(len(i))
    depth = end - i  # pieces in each chain
    levels = []
    for d in range(int(depth.max())):
        mine = np.flatnonzero(depth > d)
        levels.append((d, mine, kw[i[mine] + d]))
    return (i, end, (depth - 2).astype(np.int64), np.ones(len(i), np.int8), levels,
            depth - 1, rows)


def _ends_locution(kw: np.ndarray, local_first: np.ndarray, first: np.ndarray,
                   locution: tuple[str, ...], pieces: dict[str, int]) -> np.ndarray:
    """Which of the tokens ``first`` (at ``local_first`` in their piece: the first or
    last tokens of occurrences) is the noun that ends ``locution`` (key pieces,
    :data:`.stopwords.LOCUTIONS`), its other words right before it in the same piece."""
    ids = [pieces.get(name) for name in locution]
    if any(i is None for i in ids):
        return np.zeros(len(first), bool)  # a word of it never occurs
    back = len(locution) - 1
    found = (local_first >= back) & (kw[first] == ids[-1])
    for i, piece_id in enumerate(ids[:-1]):
        found &= kw[np.maximum(first - back + i, 0)] == piece_id
    return found


def _in_bound(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
              at: np.ndarray, bound: tuple[tuple[str, ...], ...],
              pieces: dict[str, int]) -> np.ndarray:
    """Which of the tokens ``at`` (global positions, maybe one past the end) is the noun
    after the link of a fixed expression of ``bound`` (:data:`.stopwords.BOUND`, "œuvre"
    of "mise en œuvre", "día" of "orden del día"), the three words in one piece
    (:func:`.candidates._in_bound`)."""
    n = len(kind)
    found = np.zeros(len(at), bool)
    inside = at < n
    c = np.minimum(at, n - 1)
    inside &= (local[c] >= 2) & (kind[c] == _W) & ~breaks[c]
    p = np.maximum(c - 1, 0)
    inside &= (kind[p] == _C) & ~breaks[p] & (kind[np.maximum(c - 2, 0)] == _W)
    for noun, link, *after in bound:
        ids = [pieces.get(noun), pieces.get(link), *(pieces.get(word) for word in after)]
        if None in ids:
            continue  # a word of it never occurs
        here = inside & (kw[np.maximum(c - 2, 0)] == ids[0]) & (kw[p] == ids[1])
        found |= here & (kw[c] == ids[2]) if after else here
    return found


def _before_vague(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
                  at: np.ndarray, vague: tuple[int, np.ndarray]) -> np.ndarray:
    """Which of the tokens ``at`` (maybe one past the end) begin the linking word and a
    vague noun of ``vague`` in one piece (:func:`.candidates._before_vague`: "du jour" of
    "ordre du jour", which "ordre" alone then does not end before)."""
    n = len(kind)
    c, d = np.minimum(at, n - 1), np.minimum(at + 1, n - 1)
    return ((at + 1 < n) & (local[c] > 0) & (local[d] > 1) & (kind[c] == _C) & ~breaks[c]
            & (kw[c] == vague[0]) & (kind[d] == _S) & vague[1][kw[d]] & ~breaks[d])


def _not_fragments(kind: np.ndarray, kw: np.ndarray, first: np.ndarray, last: np.ndarray,
                   joint: int) -> np.ndarray:
    """Which occurrences of a head-first language are no fragment of a coordination
    (:func:`.candidates._without`): each candidate that ends with "et" (piece id ``joint``)
    and an adjective leaves out the same candidate up to the adjective before "et"
    ("cohésion économique" of "cohésion économique et sociale")."""
    at = np.maximum(last - 2, 0)
    joined = (last - first >= 4) & (kind[at] == _S) & (kw[at] == joint)
    if not joined.any():
        return np.ones(len(first), bool)
    span = len(kind) + 1
    return ~np.isin(first * span + last, first[joined] * span + last[joined] - 2)


def _joined(one: tuple | None, other: tuple | None) -> tuple | None:
    """The candidates of two results of :func:`_linked` together (the chains of ``other``
    numbered after those of ``one``)."""
    if one is None or other is None:
        return one if other is None else other
    shift = int(one[6].max()) + 1
    levels = one[4] + [(d, rows + shift, pieces) for d, rows, pieces in other[4]]
    return (*(np.r_[x, y] for x, y in zip(one[:4], other[:4], strict=True)), levels,
            np.r_[one[5], other[5]], np.r_[one[6], other[6] + shift])


def _french(kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray, local: np.ndarray,
            linking: list[int], chains: _Chains,
            joining: tuple[int, np.ndarray] | None = None,
            ordinal: np.ndarray | None = None,
            vague: tuple[int, np.ndarray] | None = None) -> tuple[np.ndarray, ...]:
    """French candidates (:func:`.candidates._french`): a head noun, then up to three
    steps, each an adjective or noun, or a connector (+ "la"/"l'" after "de"/"à") and a
    noun. A step depends only on where the candidate ends, so each content word's next
    step is found once for all. ``linking``: the piece ids of "de" and "à". ``joining``
    (the piece id of "et", and which pieces are adjectives): an adjective reached from the
    word before it may take a last step, "et" and an adjective ("cohésion économique et
    sociale"), unless the candidate starts with it. ``ordinal``: which pieces are ordinals
    (:func:`.stopwords.is_ordinal`). ``vague``: the piece id of the linking word of
    :data:`.stopwords.VAGUE_COMPLEMENTS` and which pieces are its vague nouns, each a last
    last step right after that word ("ordre du jour").

    Returns what :func:`_english` returns.
    """
    n = len(kind)
    words_at = np.flatnonzero(kind == _W)

    def inside(at: np.ndarray) -> np.ndarray:  # a later token of the same piece
        return (at < n) & (local[np.minimum(at, n - 1)] > 0)

    j = words_at + 1
    jc = np.minimum(j, n - 1)
    ok = inside(j) & ~breaks[jc]
    word_step = ok & (kind[jc] == _W)
    k = j + 1
    kc = np.minimum(k, n - 1)
    k = k + (ok & (kind[jc] == _C) & inside(k) & (kind[kc] == _A) & np.isin(kw[jc], linking))
    kc = np.minimum(k, n - 1)
    linked = (ok & (kind[jc] == _C) & inside(k) & (kind[kc] == _W) & ~breaks[kc]
              & ~breaks[kc - 1])
    if vague is not None:  # a vague noun right after the linking word: a last step
        jk = np.minimum(j + 1, n - 1)
        vague_step = (ok & (kind[jc] == _C) & (kw[jc] == vague[0]) & inside(j + 1)
                      & (kind[jk] == _S) & vague[1][kw[jk]] & ~breaks[jk])
        k = np.where(vague_step & ~linked, j + 1, k)
        linked |= vague_step
        del jk, vague_step
    following = np.full(n, -1, np.int64)  # the next content word of a candidate ending here
    following[words_at] = np.where(word_step, j, np.where(linked, k, -1))
    through = np.zeros(n, bool)  # ... reached through a connector
    through[words_at] = linked & ~word_step
    del j, jc, ok, word_step, k, kc, linked
    coordinated = np.full(n, -1, np.int64)  # the adjective after "et", from an adjective here
    if joining is not None and len(words_at):
        joint, adjective = joining
        a = words_at[(local[words_at] > 0) & ~breaks[words_at] & adjective[kw[words_at]]
                     & (kind[np.maximum(words_at - 1, 0)] == _W)]
        j, k = a + 1, a + 2
        jc, kc = np.minimum(j, n - 1), np.minimum(k, n - 1)
        ok = (inside(j) & (kind[jc] == _S) & (kw[jc] == joint) & ~breaks[jc] & inside(k)
              & (kind[kc] == _W) & ~breaks[kc] & adjective[kw[kc]])
        coordinated[a[ok]] = k[ok]
        through[a[ok]] = True  # "et" goes into the key as a connector does
        del a, j, k, jc, kc, ok

    m = len(words_at)
    before = np.maximum(words_at - 1, 0)
    head = (local[words_at] == 0) | breaks[words_at] | (kind[before] != _W)
    if ordinal is not None:
        # after an ordinal, as after an article, a candidate is in head position
        head |= (local[words_at] > 0) & (kind[before] == _W) & ordinal[kw[before]]
    head = head.astype(np.int8)
    del before
    # the steps each candidate takes: (chains, next content word, through a connector)
    steps: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    rows = np.arange(m)
    current = words_at.copy()
    ended = np.zeros(m, bool)  # a coordination ends a candidate
    for taken in range(MAX_WORDS - 1):
        step = following[current[rows]]
        if taken:  # not from the first word
            step = np.where(step >= 0, step, coordinated[current[rows]])
        step[ended[rows]] = -1
        rows = rows[step >= 0]
        step = step[step >= 0]
        if not len(rows):
            break
        steps.append((rows, step, through[current[rows]]))
        ended[rows] |= coordinated[current[rows]] == step
        current[rows] = step
    del following, through, coordinated
    count = np.ones(m, np.int64)  # occurrences per first word
    for rows, _, _ in steps:
        count[rows] += 1
    base = _exclusive_cumsum(count)[:-1]
    row, at = chains.new(m, int(count.sum()))
    every = np.arange(m)
    chains.piece(0, row + every, kw[words_at])
    chains.end(0, at + base, row + every)
    first = np.repeat(words_at, count)
    last = np.empty(len(first), np.int64)
    words = np.empty(len(first), np.int8)
    last[base] = words_at + 1
    words[base] = 1
    depth = np.ones(m, np.int64)  # pieces in each chain so far
    current = words_at.copy()
    for taken, (rows, step, via) in enumerate(steps, 1):
        connected = rows[via]
        chains.piece(depth[connected], row + connected, kw[current[connected] + 1])
        depth[connected] += 1
        chains.piece(depth[rows], row + rows, kw[step])
        chains.end(depth[rows], at + base[rows] + taken, row + rows)
        depth[rows] += 1
        current[rows] = step
        last[base[rows] + taken] = step + 1
        words[base[rows] + taken] = taken + 1
    return first, last, words, np.repeat(head, count)
