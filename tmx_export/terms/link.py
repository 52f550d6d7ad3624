"""Competitive linking (pass 3 of :mod:`.associate`): in every piece, the best associated
occurrence pair is linked first and its tokens are used up; a multi-word pair strictly
inside both sides of a link is linked too, nested, unless it is only ever nested in links
of one pair. The options are found with numpy; only the greedy choice over the options that
compete for a token runs in Python."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .arrays import _exclusive_cumsum

if TYPE_CHECKING:
    from .occurrences import Side

# Content words, on each side, of a pair that may be linked inside a longer link
# (:func:`_link_slice`): single words nested in a term ("chain" in "value chain") are not.
NESTED_WORDS = 2
# look-ups of a source occurrence's partners made at once in pass 3: each finds about one
# linking option, and an option takes some 100 bytes while it is scored and sorted
LINK_CHUNK = 100_000


def _link(src: Side, tgt: Side, partner_codes: np.ndarray, partner_scores: np.ndarray,
          width: int, bonus: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """Competitive linking in every piece: the links as (piece, code, source first, last,
    target first, last) arrays, sorted by piece, code and spans.

    The options of a piece are all (source occurrence, target occurrence) whose ids may be
    linked (``partner_codes``, sorted, with their ``partner_scores``), scored by the pair's
    score and how close their relative positions are. They are found as a join, not as a
    cross product: each source occurrence's partner ids (about one per id) are looked up
    among the target occurrences of its piece, sorted by (piece, id); a cross product of
    the occurrences of a piece made ten times as many pairs as there are options. This is
    done with numpy, for a slice of the pieces at a time (about :data:`LINK_CHUNK` look-ups).
    The best option of a piece is linked first and its tokens are used up; ties go to the
    later occurrences. Only that greedy choice runs in Python. ``bonus`` (per partner code,
    in ``partner_scores``): what a reviewer's approval adds to a pair's score, so that it
    is linked before the corpus's own pairs, but for a longer term that holds it
    (:func:`_lift_holders`).
    """
    if bonus is None:
        bonus = np.zeros(len(partner_codes))
    links: list[tuple[np.ndarray, ...]] = []
    if len(partner_codes):
        partner_source = partner_codes // width
        partner_target = partner_codes % width
        # the partners of source id e: partner_codes[partner_first[e]:][:partners[e]]
        partners = np.bincount(partner_source, minlength=len(src.keys))
        partner_first = _exclusive_cumsum(partners)[:-1]
        t_has = np.zeros(len(tgt.keys), bool)
        t_has[partner_target] = True
        s_occ = np.flatnonzero(partners[src.ids])
        t_occ = np.flatnonzero(t_has[tgt.ids])
        del t_has
        n_pieces = len(src.starts) - 1
        s_piece = src.piece_of()[s_occ]  # sorted: occurrences are numbered piece by piece
        # the target occurrences by (piece, id), in occurrence order within each
        t_key = tgt.piece_of()[t_occ] * width + tgt.ids[t_occ]
        by_key = np.argsort(t_key, kind="stable")
        t_key, t_occ = t_key[by_key], t_occ[by_key]
        del by_key
        reps = partners[src.ids[s_occ]]  # look-ups of each source occurrence
        # slices of whole pieces: the greedy choice of a piece sees all its options
        per_piece = np.cumsum(np.bincount(s_piece, weights=reps, minlength=n_pieces))
        cuts = np.searchsorted(per_piece, np.arange(LINK_CHUNK, per_piece[-1] if n_pieces
                                                    else 0, LINK_CHUNK), side="right")
        bounds = np.searchsorted(s_piece, np.r_[0, cuts, n_pieces])
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            r = reps[lo:hi]
            n = int(r.sum())
            if not n:
                continue
            # (source occurrence, partner) rows, then each with every target occurrence of
            # that partner id in the piece
            e_at = np.repeat(s_occ[lo:hi], r)
            where = (np.repeat(partner_first[src.ids[s_occ[lo:hi]]] - (np.cumsum(r) - r), r)
                     + np.arange(n))
            piece = np.repeat(s_piece[lo:hi], r)
            key = piece * width + partner_target[where]
            found = np.searchsorted(t_key, key, side="left")
            hits = np.searchsorted(t_key, key, side="right") - found
            m = int(hits.sum())
            if not m:
                continue
            f_at = t_occ[np.repeat(found - (np.cumsum(hits) - hits), hits) + np.arange(m)]
            e_at, where, piece = (np.repeat(a, hits) for a in (e_at, where, piece))
            links.append(_link_slice(src, tgt, partner_codes[where], partner_scores[where],
                                     e_at, f_at, piece, bonus[where]))
    if not links:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty, empty, empty, empty
    *found, within = (np.concatenate(column) for column in zip(*links, strict=True))
    keep = _nested_kept(found[1], within)
    return tuple(a[keep] for a in found)


def _link_slice(src: Side, tgt: Side, codes: np.ndarray, scores: np.ndarray,
                e_at: np.ndarray, f_at: np.ndarray, piece: np.ndarray,
                bonus: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """:func:`_link` for the pieces of one slice: the options, source occurrences ``e_at``
    with target occurrences ``f_at`` of the same ``piece``, their pair ``codes`` and
    ``scores``, and the ``bonus`` of approval each score holds."""
    sf, sl, tf, tl = src.first[e_at], src.last[e_at], tgt.first[f_at], tgt.last[f_at]
    s_mid = (sf + sl) / (2.0 * (src.tok_base[piece + 1] - src.tok_base[piece]))
    t_mid = (tf + tl) / (2.0 * (tgt.tok_base[piece + 1] - tgt.tok_base[piece]))
    near = 1.0 - 0.3 * np.abs(s_mid - t_mid)
    score = scores * near
    del scores, s_mid, t_mid
    if bonus is not None and bonus.any():
        anchored = np.flatnonzero(bonus)
        _lift_holders(score, piece, sf, sl, tf, tl, anchored,
                      score[anchored] - bonus[anchored] * near[anchored])
    del near
    # multi-word on both sides: may be linked nested in a longer link (:func:`_nested`)
    s_words = src.words[src.ids[e_at]]
    multi = (s_words >= NESTED_WORDS) & (tgt.words[tgt.ids[f_at]] >= NESTED_WORDS)
    # occurrences of each side's candidate in the corpus (:func:`_nested`)
    s_occ, t_occ = src.occ[src.ids[e_at]], tgt.occ[tgt.ids[f_at]]
    # best first within each piece; ties to the later source, then target occurrence
    order = np.lexsort((tgt.starts[piece] - f_at, src.starts[piece] - e_at, -score, piece))
    del score, e_at, f_at
    piece, codes, sf, sl, tf, tl, multi, s_words, s_occ, t_occ = (
        a[order] for a in (piece, codes, sf, sl, tf, tl, multi, s_words, s_occ, t_occ))
    del order
    # An option whose tokens no other option of its piece covers, on either side, is linked
    # whatever comes before it and blocks nothing: only the contested ones (about a quarter)
    # go through the greedy choice, whose outcome they alone decide.
    free = ~(_contested(src.tok_base[piece] + sf, src.tok_base[piece] + sl)
             | _contested(tgt.tok_base[piece] + tf, tgt.tok_base[piece] + tl))
    contested = np.flatnonzero(~free)
    chosen = np.flatnonzero(free).tolist()
    current = -1
    used_s = used_t = 0  # token bit sets
    linked = []  # the contested options linked
    for at, p, s_bits, t_bits in zip(contested.tolist(), piece[contested].tolist(),
                                     _bits(sf[contested], sl[contested]),
                                     _bits(tf[contested], tl[contested]), strict=True):
        if p != current:
            current, used_s, used_t = p, s_bits, t_bits
            linked.append(at)
        elif not (used_s & s_bits or used_t & t_bits):
            used_s |= s_bits
            used_t |= t_bits
            linked.append(at)
    chosen += linked
    inside = _nested(piece, sf, sl, tf, tl, contested[multi[contested]], linked,
                     (s_occ, t_occ))
    chosen += list(inside)  # nested links (:func:`_nested`)
    keep = np.array(chosen, np.int64)
    within = np.full(len(piece), -1, np.int64)
    for at, o_at in inside.items():
        within[at] = codes[o_at]
    if inside:
        # Nested at the start of both sides of a link whose source has linking words: the
        # head of a name or an "N of N" term, in both languages ("Official Journal" ->
        # "Journal officiel" in "Official Journal of the European Union" -> "Journal
        # officiel de l'Union européenne"), kept (:func:`_nested_kept`): marked -2 - code.
        at = np.fromiter(inside.keys(), np.int64, len(inside))
        o_at = np.fromiter(inside.values(), np.int64, len(inside))
        head = ((sf[at] == sf[o_at]) & (tf[at] == tf[o_at])
                & (sl[o_at] - sf[o_at] > s_words[o_at]))
        within[at[head]] = -2 - within[at[head]]
    within = within[keep]
    piece, codes, sf, sl, tf, tl = (a[keep] for a in (piece, codes, sf, sl, tf, tl))
    order = np.lexsort((tl, tf, sl, sf, codes, piece))
    return tuple(a[order] for a in (piece, codes, sf, sl, tf, tl, within))


def _nested(piece: np.ndarray, sf: np.ndarray, sl: np.ndarray, tf: np.ndarray,
            tl: np.ndarray, multi: np.ndarray, linked: list[int],
            occ: tuple[np.ndarray, np.ndarray] | None = None) -> dict[int, int]:
    """Nested terms (:func:`_link_slice`, whose options these are, best first): an option
    that a link blocks is linked too when both its sides are multi-word (``multi``: such
    contested options) and lie strictly inside the two sides of one link ("conformity
    assessment" -> "évaluation de la conformité" in "conformity assessment body" ->
    "organisme d'évaluation de la conformité"), and no other nested link of the piece
    shares a token with it. Else a term used mostly as a modifier of longer ones is never
    linked. A link that holds an option always comes before it (it would share a token
    with whatever blocked the option), so this runs after the greedy choice, over the
    few multi-word options it left out.

    With ``occ`` (per option, how often its source and its target candidate occur in the
    corpus), the options that occur on both sides more often than the link that holds
    them come first: they are used outside it too, as terms of their own, where an option
    seen only as often as the link is a piece of its terms (C-value's test of a nested
    term). "marine ecosystem" -> "écosystème marin" (5 times each) inside "healthy marine
    ecosystem" -> "santé des écosystèmes marins" (4) so goes before "healthy marine" ->
    "santé des écosystèmes" (4), which took its tokens and was then dropped as only ever
    nested in one pair (:func:`_nested_kept`): "marine ecosystem" was not recorded on
    DGT-TM. Returns {option: the link it is nested in}."""
    linked_at = np.array(linked, np.int64)  # ascending: by piece, best first
    if not len(multi) or not len(linked_at):
        return {}
    is_linked = np.zeros(len(piece), bool)
    is_linked[linked_at] = True
    multi = multi[~is_linked[multi]]
    # only a link of three tokens or more on both sides holds a multi-word option
    linked_at = linked_at[(sl[linked_at] - sf[linked_at] > 2) & (tl[linked_at] - tf[linked_at] > 2)]
    if not len(multi) or not len(linked_at):
        return {}
    # each left-out option with each link of its piece: the first link that holds it
    linked_piece = piece[linked_at]
    lo = np.searchsorted(linked_piece, piece[multi], side="left")
    count = np.searchsorted(linked_piece, piece[multi], side="right") - lo
    option = np.repeat(multi, count)
    link = linked_at[np.repeat(lo - _exclusive_cumsum(count)[:-1], count)
                     + np.arange(int(count.sum()))]
    holds = ((sf[link] <= sf[option]) & (sl[option] <= sl[link])
             & (tf[link] <= tf[option]) & (tl[option] <= tl[link])
             & ((sf[link] != sf[option]) | (sl[link] != sl[option]))
             & ((tf[link] != tf[option]) | (tl[link] != tl[option])))
    option, link = option[holds], link[holds]
    if not len(option):
        return {}
    first = np.ones(len(option), bool)  # the first link that holds each option
    first[1:] = option[1:] != option[:-1]
    option, link = option[first], link[first]
    if occ is not None:
        s_occ, t_occ = occ
        alone = (s_occ[option] > s_occ[link]) & (t_occ[option] > t_occ[link])
        # within each piece, the options used outside the link first, each group best first
        regroup = np.lexsort((option, ~alone, piece[option]))
        option, link = option[regroup], link[regroup]
    inside: dict[int, int] = {}
    current = -1
    nested_s = nested_t = 0
    for at, o_at, p, s_bits, t_bits in zip(option.tolist(), link.tolist(),
                                           piece[option].tolist(), _bits(sf[option], sl[option]),
                                           _bits(tf[option], tl[option]), strict=True):
        if p != current:
            current, nested_s, nested_t = p, 0, 0
        if not (nested_s & s_bits or nested_t & t_bits):
            nested_s |= s_bits
            nested_t |= t_bits
            inside[at] = o_at
    return inside


def _lift_holders(score: np.ndarray, piece: np.ndarray, sf: np.ndarray, sl: np.ndarray,
                  tf: np.ndarray, tl: np.ndarray, anchored: np.ndarray,
                  unaided: np.ndarray) -> None:
    """Raise, in ``score``, each option that holds an ``anchored`` option of its piece
    strictly on both sides, and scores as high as its ``unaided`` score (without the bonus
    of approval), above it, the longer holders higher: the bonus must not take the
    occurrences of a longer term ("Parliament" -> "Parlement" those of "European
    Parliament" -> "Parlement européen"). A single word then keeps its free occurrences,
    as everywhere; a multi-word one is linked nested as well."""
    order = np.argsort(piece, kind="stable")  # options of a slice, grouped by piece
    lo = np.searchsorted(piece[order], piece[anchored], side="left")
    count = np.searchsorted(piece[order], piece[anchored], side="right") - lo
    inner = np.repeat(anchored, count)
    floor = np.repeat(unaided, count)
    outer = order[np.repeat(lo - _exclusive_cumsum(count)[:-1], count)
                  + np.arange(int(count.sum()))]
    holds = ((sf[outer] <= sf[inner]) & (sl[inner] <= sl[outer])
             & (tf[outer] <= tf[inner]) & (tl[inner] <= tl[outer])
             & (sl[outer] - sf[outer] > sl[inner] - sf[inner])
             & (tl[outer] - tf[outer] > tl[inner] - tf[inner])
             & (score[outer] >= floor))
    inner, outer = inner[holds], outer[holds]
    length = (sl[outer] - sf[outer]) + (tl[outer] - tf[outer])
    np.maximum.at(score, outer, score[inner] + 1.0 + length)


def _nested_kept(codes: np.ndarray, within: np.ndarray) -> np.ndarray:
    """Which links to keep, of those :func:`_link_slice` made (``within``: the code of the
    link each is nested in, -1 for none). A pair linked only nested, and always in links of
    one pair, is a piece of that one's terms ("European Sky" -> "ciel unique" of "Single
    European Sky" -> "ciel unique européen"), not a term used in several longer ones
    ("conformity assessment" in "conformity assessment body" and "... procedure") nor the
    head of a name in both languages (``within`` ``-2 - code``: :func:`_link_slice`): its
    nested links are dropped."""
    head = within < -1
    within = np.where(head, -2 - within, within)
    nested = within >= 0
    if not nested.any():
        return np.ones(len(codes), bool)
    alone = np.unique(np.r_[codes[~nested], codes[head]])
    contexts = np.unique(np.stack([codes[nested], within[nested]]), axis=1)
    several = contexts[0][np.r_[contexts[0][1:] == contexts[0][:-1], False]]
    good = np.union1d(alone, several)
    return ~nested | np.isin(codes, good)


def _contested(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Which spans ``first`` to ``last`` (excluded; token positions of one numbering) share
    a token with another span."""
    if not len(first):
        return np.zeros(0, bool)
    low = int(first.min())
    size = int(last.max()) - low + 1
    # spans covering each token (+1 where a span starts, -1 after it ends), then the tokens
    # covered more than once, counted up to each position
    cover = np.cumsum(np.bincount(first - low, minlength=size)
                      - np.bincount(last - low, minlength=size))
    shared = _exclusive_cumsum(cover > 1)
    return shared[last - low] > shared[first - low]


def _bits(first: np.ndarray, last: np.ndarray) -> list[int]:
    """The tokens ``first`` to ``last`` (excluded) of each span, as bit sets (Python ints:
    a piece may have more tokens than a machine word has bits)."""
    small = last < 63
    bits = np.where(small, ((1 << (last - first).astype(np.int64)) - 1)
                    << np.where(small, first, 0).astype(np.int64), 0).tolist()
    for at in np.flatnonzero(~small).tolist():
        bits[at] = ((1 << int(last[at] - first[at])) - 1) << int(first[at])
    return bits
