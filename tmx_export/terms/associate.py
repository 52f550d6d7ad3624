"""Pairing source and target candidate terms over aligned units.

The classic recipe of bilingual term extraction, in four passes over the units, each cut
into its aligned clauses (:func:`.units.piece_spans`; "pieces" below):

1. candidates on both sides (:mod:`.candidates`), counted;
2. co-occurrence of source and target candidates in the same piece, for the candidates that
   recur and mostly stand in head position (the rest are modifiers: "European",
   "industrielle"); pairs whose lengths differ by more than one content word are not
   counted (length prior);
3. association (Dice and log-likelihood) and, piece by piece, *competitive linking*: the
   best associated occurrence pair is linked first and its tokens are used up, so "value
   chain" -> "chaîne de valeur" leaves nothing for "chain" -> "chaîne" to claim. Longer
   matches and matches at similar relative positions win ties (length/position prior);
4. for the pairs that recur (``min_count``) and their competitors, the surface forms, the
   documents and a few contexts.

Pairs are ranked by count x Dice x a length factor (longer terms are more specific) x a
specificity factor: terms frequent in general language (wordfreq) rank lower than terms
frequent only in the corpus, which is what makes a term a term.

Memory: a corpus of 100k sentence pairs holds millions of distinct candidates, nearly all
seen once. Candidates are therefore never kept as strings while counting: pass 1 records the
hash of each candidate's lemma key in flat integer arrays (about 20 bytes an occurrence),
numpy turns the hashes into compact ids and counts, and pass 2 counts co-occurrences with
vectorised cross products, a slice of the source ids at a time. The lemma keys of the few
pairs that are recorded are read back from their surface forms in pass 4. Two different
keys with one 64-bit hash would be counted as one; with millions of keys the odds are about
one in ten million.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import simplemma

from ..lang import primary
from ..model import Pair
from .candidates import Extractor, Token
from .stopwords import NOT_ALONE, NOT_STOP
from .termpair import Context, TermPair
from .units import piece_spans

MIN_HEAD_RATIO = 0.2
MIN_DICE = 0.1  # association below which two candidates are never linked
GLOSSARY_BONUS = 10.0  # glossary pairs are linked before any corpus association
CROSS_CHUNK = 2_000_000  # candidate pairs built at once in pass 2 (about 60 MB of arrays)


@dataclass(slots=True)
class _Side:
    """The candidate occurrences of one language, flat: one row per occurrence.

    ``starts[p]:starts[p + 1]`` are the occurrences of piece ``p``; ``tokens[p]`` is the index
    of its first token in ``offsets`` (character start, end of each token in the piece).
    After :meth:`index`, ``ids`` are compact candidate ids and the per-id arrays are set.
    """

    extractor: Extractor
    hashes: array = field(default_factory=lambda: array("q"))
    first: array = field(default_factory=lambda: array("i"))
    last: array = field(default_factory=lambda: array("i"))
    head: array = field(default_factory=lambda: array("b"))
    nwords: array = field(default_factory=lambda: array("b"))
    starts: array = field(default_factory=lambda: array("q", [0]))
    offsets: array = field(default_factory=lambda: array("i"))
    tokens: array = field(default_factory=lambda: array("q", [0]))
    # set by index():
    keys_hash: np.ndarray | None = None  # sorted distinct key hashes; id = position
    ids: array | None = None  # compact id of each occurrence
    occ: np.ndarray | None = None  # occurrences per id
    heads: np.ndarray | None = None  # occurrences in head position per id
    words: np.ndarray | None = None  # content words per id
    df: np.ndarray | None = None  # pieces holding the id

    def add(self, text: str) -> None:
        """Record the candidates of one piece of text."""
        tokens = self.extractor.tokens(text)
        found = self.extractor.candidates(tokens)
        self.hashes.extend([hash(o.key) for o in found])
        self.first.extend([o.first for o in found])
        self.last.extend([o.last for o in found])
        self.head.extend([o.head for o in found])
        self.nwords.extend([min(o.words, 127) for o in found])
        self.starts.append(len(self.hashes))
        self.offsets.extend([x for t in tokens for x in (t.start, t.end)])
        self.tokens.append(len(self.offsets) // 2)

    def index(self) -> None:
        """Compact ids and per-id counts, from the hashes (pass 1's end)."""
        hashes = np.frombuffer(self.hashes, dtype=np.int64) if self.hashes else np.zeros(
            0, np.int64)
        self.keys_hash, inverse, self.occ = np.unique(hashes, return_inverse=True,
                                                      return_counts=True)
        n = len(self.keys_hash)
        ids = inverse.astype(np.int32).ravel()
        self.heads = np.bincount(ids, weights=np.frombuffer(self.head, np.int8), minlength=n)
        self.words = np.zeros(n, np.int16)
        self.words[ids] = np.frombuffer(self.nwords, np.int8)
        pieces = len(self.starts) - 1
        piece_of = np.repeat(np.arange(pieces, dtype=np.int64),
                             np.diff(np.frombuffer(self.starts, np.int64)))
        distinct = _distinct(piece_of * max(n, 1) + ids)
        self.df = np.bincount(distinct % max(n, 1), minlength=n)
        self.ids = array("i")
        self.ids.frombytes(ids.tobytes())
        del self.hashes, self.head, self.nwords

    def lookup(self, key: str) -> int | None:
        """The id of a lemma key, if it occurs."""
        h = np.int64(hash(key))
        at = int(np.searchsorted(self.keys_hash, h))
        if at < len(self.keys_hash) and self.keys_hash[at] == h:
            return at
        return None

    def eligible(self, min_count: int, forced: Iterable[int]) -> np.ndarray:
        """Ids that may be paired: recurrent, mostly in head position, not general nouns."""
        general = np.array([hash(k) for k in NOT_ALONE.get(self.extractor.lang, ())],
                           dtype=np.int64)
        ok = ((self.occ >= min_count) & (self.heads >= MIN_HEAD_RATIO * self.occ)
              & ~np.isin(self.keys_hash, general))
        ok[list(forced)] = True
        return ok

    def distinct(self, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(piece, id) of every eligible id in every piece, once, sorted by piece."""
        n = max(len(self.keys_hash), 1)
        ids = np.frombuffer(self.ids, np.int32)
        piece_of = np.repeat(np.arange(len(self.starts) - 1, dtype=np.int64),
                             np.diff(np.frombuffer(self.starts, np.int64)))
        keep = ok[ids]
        both = _distinct(piece_of[keep] * n + ids[keep])
        return both // n, (both % n).astype(np.int32)


def unit_tuid(unit: Pair, index: int) -> str:
    """The unit's TMX ``tuid``, or a stand-in naming where it came from."""
    tuid = unit.tuid
    return tuid or f"{unit.file or 'unit'}:{unit.line or index + 1}"


def extract_terms(
    units: Iterable[Pair],
    *,
    min_count: int = 2,
    glossary: Iterable[tuple[str, str]] | None = None,
    max_contexts: int = 5,
    split: bool = True,
) -> list[TermPair]:
    """Recurring term pairs in aligned ``units``, best first.

    ``units`` are translation units, typically those of :func:`tmx_export.pipeline.read_units`
    (whose ``tuid`` contexts point at). With ``split`` each unit is cut into its
    aligned sentences and clauses for association (:func:`.units.piece_spans`); a context is
    the clause the pair was found in, under its unit's ``tuid``.

    A pair is recorded when its terms are linked at least ``min_count`` times; pairs of the
    ``glossary`` (source term, target term) are recorded whenever they occur, with inflection.
    Every recorded pair keeps up to ``max_contexts`` contexts and its competitors.
    All units must share one language pair.
    """
    units = units if isinstance(units, list) else list(units)
    if not units:
        return []
    source_lang, target_lang = units[0].source_lang, units[0].target_lang
    for unit in units:
        if (unit.source_lang, unit.target_lang) != (source_lang, target_lang):
            raise ValueError(
                f"units mix language pairs: {source_lang}->{target_lang} and "
                f"{unit.source_lang}->{unit.target_lang}"
            )
    glossary = list(glossary or ())
    src = _Side(Extractor(source_lang, (s for s, _ in glossary)))
    tgt = _Side(Extractor(target_lang, (t for _, t in glossary)))

    # Pass 1: candidates of every piece, as hashes in flat arrays.
    # piece_unit[p] is the unit of piece p; piece_at holds its character spans in the unit.
    piece_unit = array("i")
    piece_at = array("i")
    for index, unit in enumerate(units):
        spans = (piece_spans(unit.source, unit.target, unit.source_lang, unit.target_lang) if split
                 else [((0, len(unit.source)), (0, len(unit.target)))])
        for (s0, s1), (t0, t1) in spans:
            src.add(unit.source[s0:s1])
            tgt.add(unit.target[t0:t1])
            piece_unit.append(index)
            piece_at.extend((s0, s1, t0, t1))
    src.index()
    tgt.index()
    n_pieces = len(piece_unit)

    width = max(len(tgt.keys_hash), 1)  # pair code = source id * width + target id
    glossary_codes = _glossary_codes(glossary, src, tgt, width)
    s_ok = src.eligible(min_count, {c // width for c in glossary_codes})
    t_ok = tgt.eligible(min_count, {c % width for c in glossary_codes})

    # Pass 2: in how many pieces each eligible source and target candidate meet.
    cooc_units = _cooccurrences(src, tgt, s_ok, t_ok, width, min_count, glossary_codes)

    # Association, then the partners each source candidate may be linked with.
    partners: dict[int, dict[int, float]] = {}
    dice_of: dict[int, float] = {}
    s_df, t_df = src.df.tolist(), tgt.df.tolist()
    s_words, t_words = src.words.tolist(), tgt.words.tolist()
    for code, a in cooc_units.items():
        e, f = divmod(code, width)
        dice = 2.0 * a / (s_df[e] + t_df[f])
        dice_of[code] = dice
        score = _length_prior(s_words[e], t_words[f]) * dice
        partners.setdefault(e, {})[f] = score + (GLOSSARY_BONUS if code in glossary_codes
                                                 else 0.0)

    # Pass 3: competitive linking, piece by piece; links kept in flat arrays.
    links = _Links()
    s_ids, s_first, s_last, s_starts = src.ids, src.first, src.last, src.starts
    t_ids, t_first, t_last, t_starts = tgt.ids, tgt.first, tgt.last, tgt.starts
    s_tok, t_tok = src.tokens, tgt.tokens
    for piece in range(n_pieces):
        a, b = s_starts[piece], s_starts[piece + 1]
        c, d = t_starts[piece], t_starts[piece + 1]
        if a == b or c == d:
            continue
        found = _link_piece(
            s_ids[a:b], s_first[a:b], s_last[a:b], t_ids[c:d], t_first[c:d], t_last[c:d],
            s_tok[piece + 1] - s_tok[piece], t_tok[piece + 1] - t_tok[piece], partners, width)
        if found:
            links.add(piece, found)
    del partners, s_ids, s_first, s_last, t_ids, t_first, t_last
    for side in (src, tgt):  # what pass 4 does not need
        side.ids, side.first, side.last = array("i"), array("i"), array("i")

    link_codes = np.frombuffer(links.code, np.int64) if links.code else np.zeros(0, np.int64)
    codes, counts = _counted(link_codes)
    glossary_arr = np.fromiter(glossary_codes, dtype=np.int64, count=len(glossary_codes))
    rec = (counts >= min_count) | (np.isin(codes, glossary_arr) & (counts >= 1))
    recorded = set(codes[rec].tolist())
    rec_src = np.unique(codes[rec] // width)
    rec_tgt = np.unique(codes[rec] % width)
    wanted_mask = rec | np.isin(codes // width, rec_src) | np.isin(codes % width, rec_tgt)

    # Pass 4: surface forms, documents and contexts of the recorded pairs and competitors.
    pairs: dict[int, TermPair] = {}
    initial: dict[int, Counter[tuple[str, str, str]]] = {}
    last_context_piece: dict[int, int] = {}
    s_off, t_off = src.offsets, tgt.offsets
    piece_units: Counter[int] = Counter()  # pieces where the pair is linked
    keep = np.flatnonzero(np.isin(link_codes, codes[wanted_mask]))
    link_piece, link_span = links.piece, links.spans
    previous = (-1, -1)
    surface: dict[str, str] = {}
    link_code = links.code
    for at in keep.tolist():
        code = link_code[at]
        piece = link_piece[at]
        s1, s2, t1, t2 = link_span[4 * at:4 * at + 4]
        if (piece, code) != previous:
            piece_units[code] += 1
            previous = (piece, code)
        index = piece_unit[piece]
        unit = units[index]
        ps0, _, pt0, _ = piece_at[4 * piece:4 * piece + 4]
        s_base, t_base = s_tok[piece], t_tok[piece]
        sspan = (s_off[2 * (s_base + s1)], s_off[2 * (s_base + s2) - 1])
        tspan = (t_off[2 * (t_base + t1)], t_off[2 * (t_base + t2) - 1])
        # one string object per surface form: 100k units hold hundreds of thousands of forms
        source_form = unit.source[ps0 + sspan[0]:ps0 + sspan[1]]
        source_form = surface.setdefault(source_form, source_form)
        target_form = unit.target[pt0 + tspan[0]:pt0 + tspan[1]]
        target_form = surface.setdefault(target_form, target_form)
        pair = pairs.get(code)
        if pair is None:
            # the lemma keys are read back from this first surface form below (pass 1 kept
            # only their hashes)
            pair = pairs[code] = TermPair(source_lang, target_lang, source_form, target_form)
        form = (unit.file, source_form, target_form)
        pair.forms[form] += 1
        if s1 == 0 or t1 == 0:  # capitalised by the sentence, perhaps
            initial.setdefault(code, Counter())[form] += 1
        if (code in recorded and len(pair.contexts) < max_contexts
                and last_context_piece.get(code) != piece):
            last_context_piece[code] = piece
            ps0, ps1, pt0, pt1 = piece_at[4 * piece:4 * piece + 4]
            pair.contexts.append(Context(unit_tuid(unit, index), unit.file,
                                         unit.source[ps0:ps1], unit.target[pt0:pt1],
                                         sspan, tspan))
    del links, keep, surface

    for code, pair in pairs.items():
        e, f = divmod(code, width)
        pair.source_lemma = src.extractor.key(pair.source_lemma)
        pair.target_lemma = tgt.extractor.key(pair.target_lemma)
        _decapitalise_initials(pair, initial.get(code))
        pair.units = piece_units[code]
        a = cooc_units.get(code, 0)
        pair.dice = dice_of.get(code, 0.0)
        pair.llr = _llr(a, s_df[e], t_df[f], n_pieces) if a else 0.0
        pair.glossary = code in glossary_codes
        pair.source_term = citation_form(pair.source_variants, src.extractor)
        pair.target_term = citation_form(pair.target_variants, tgt.extractor)
        if min(s_words[e], t_words[f]) > 1:
            pair.pos = "noun"  # the multi-word patterns are noun phrases
    result = []
    by_source: dict[str, list[TermPair]] = {}
    by_target: dict[str, list[TermPair]] = {}
    for pair in pairs.values():
        by_source.setdefault(pair.source_lemma, []).append(pair)
        by_target.setdefault(pair.target_lemma, []).append(pair)
    for code in recorded:
        pair = pairs[code]
        pair.competitors = [
            p for p in by_source[pair.source_lemma] + by_target[pair.target_lemma]
            if p is not pair
        ]
        pair.score = rank_score(pair, s_words[code // width], t_words[code % width])
        result.append(pair)
    result.sort(key=lambda p: (-p.score, -p.count, p.source_term, p.target_term))
    return result


@dataclass(slots=True)
class _Links:
    """The links of pass 3, flat: piece, pair code, token spans (source first, last,
    target first, last)."""

    piece: array = field(default_factory=lambda: array("i"))
    code: array = field(default_factory=lambda: array("q"))
    spans: array = field(default_factory=lambda: array("i"))

    def add(self, piece: int, found: list[tuple[int, int, int, int, int]]) -> None:
        # sorted by code, so the links of one pair in one piece are adjacent (pass 4)
        found.sort()
        self.piece.extend([piece] * len(found))
        self.code.extend([link[0] for link in found])
        self.spans.extend([x for link in found for x in link[1:]])


def _glossary_codes(glossary: Sequence[tuple[str, str]], src: _Side, tgt: _Side,
                    width: int) -> set[int]:
    codes = set()
    for source, target in glossary:
        e = src.lookup(src.extractor.key(source))
        f = tgt.lookup(tgt.extractor.key(target))
        if e is not None and f is not None:
            codes.add(e * width + f)
    return codes


def _cooccurrences(src: _Side, tgt: _Side, s_ok: np.ndarray, t_ok: np.ndarray, width: int,
                   min_count: int, glossary_codes: set[int]) -> dict[int, int]:
    """Pieces shared by each eligible (source id, target id) of compatible length.

    The cross product of the eligible candidates of every piece is built with numpy, for one
    slice of the source ids at a time (by id modulo ``slices``), so no more than about
    :data:`CROSS_CHUNK` candidate pairs exist at once; each slice is counted by sorting and
    only the pairs that may be linked are kept. A dict of every pair met once would not fit
    in memory at 100k units.
    """
    s_piece, s_id = src.distinct(s_ok)
    t_piece, t_id = tgt.distinct(t_ok)
    if not len(s_id) or not len(t_id):
        return {}
    n_pieces = len(src.starts) - 1
    t_count = np.bincount(t_piece, minlength=n_pieces)
    t_start = np.concatenate(([0], np.cumsum(t_count)[:-1]))
    reps = t_count[s_piece]  # target candidates met by each source candidate
    total = int(reps.sum())
    slices = max(1, math.ceil(total / CROSS_CHUNK))
    s_words, t_words = src.words, tgt.words
    floor = max(1, min(min_count, 2))
    glossary_arr = np.fromiter(glossary_codes, dtype=np.int64, count=len(glossary_codes))
    result: dict[int, int] = {}
    for part in range(slices):
        mine = np.flatnonzero(s_id % slices == part) if slices > 1 else np.arange(len(s_id))
        r = reps[mine]
        n = int(r.sum())
        if not n:
            continue
        e = np.repeat(s_id[mine], r)
        # position of each pair's target: its piece's first target + 0, 1, ... r - 1
        at = np.repeat(t_start[s_piece[mine]] - (np.cumsum(r) - r), r) + np.arange(n)
        f = t_id[at]
        del at
        same_length = np.abs(s_words[e] - t_words[f]) <= 1
        codes = e[same_length].astype(np.int64) * width + f[same_length]
        del e, f, same_length
        pair_codes, pair_units = _counted(codes)
        del codes
        # Pairs that meet in a small share of the pieces holding either term are chance
        # company; dropping them here keeps memory flat and linking fast.
        dice = 2.0 * pair_units / (src.df[pair_codes // width] + tgt.df[pair_codes % width])
        keep = (pair_units >= floor) & (dice >= MIN_DICE)
        if len(glossary_arr):
            keep |= np.isin(pair_codes, glossary_arr)
        result.update(zip(pair_codes[keep].tolist(), pair_units[keep].tolist(), strict=True))
    return result


# numpy's unique() is slow on large int64 arrays (a hash table since numpy 2.3): sort instead.
def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if values.size else values


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs."""
    values = np.sort(values)
    if not values.size:
        return values, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, values.size])


def _length_prior(source_words: int, target_words: int) -> float:
    """Favour longer matches, and matches of equal length, in competitive linking."""
    prior = 1.0 + 0.15 * (min(source_words, target_words) - 1)
    return prior if source_words == target_words else prior * 0.75


def _link_piece(
    s_ids: Sequence[int], s_first: Sequence[int], s_last: Sequence[int],
    t_ids: Sequence[int], t_first: Sequence[int], t_last: Sequence[int],
    ns: int, nt: int, partners: dict[int, dict[int, float]], width: int,
) -> list[tuple[int, int, int, int, int]]:
    """Competitive linking in one piece: (code, source first, last, target first, last)."""
    by_target: dict[int, list[int]] = {}
    for j, f in enumerate(t_ids):
        by_target.setdefault(f, []).append(j)
    options = []
    for i, e in enumerate(s_ids):
        mine = partners.get(e)
        if not mine:
            continue
        s_mid = (s_first[i] + s_last[i]) / (2.0 * ns)
        if len(mine) < len(by_target):
            hits = [(f, by_target[f]) for f in mine if f in by_target]
        else:
            hits = [(f, js) for f, js in by_target.items() if f in mine]
        for f, js in hits:
            base = mine[f]
            for j in js:
                t_mid = (t_first[j] + t_last[j]) / (2.0 * nt)
                options.append((base * (1.0 - 0.3 * abs(s_mid - t_mid)), i, j))
    if not options:
        return []
    options.sort(reverse=True)
    used_s = used_t = 0  # token bit sets
    links = []
    for _, i, j in options:
        s_bits = ((1 << (s_last[i] - s_first[i])) - 1) << s_first[i]
        t_bits = ((1 << (t_last[j] - t_first[j])) - 1) << t_first[j]
        if used_s & s_bits or used_t & t_bits:
            continue
        used_s |= s_bits
        used_t |= t_bits
        links.append((s_ids[i] * width + t_ids[j], s_first[i], s_last[i], t_first[j],
                      t_last[j]))
    return links


def _llr(a: int, occ_source: int, occ_target: int, n: int) -> float:
    """Dunning's log-likelihood ratio of the 2x2 table of units with/without each term."""
    b = max(occ_source - a, 0)
    c = max(occ_target - a, 0)
    d = max(n - a - b - c, 0)
    total = a + b + c + d

    def h(*counts: int) -> float:
        return sum(k * math.log(k / total) for k in counts if k)

    return 2.0 * (h(a, b, c, d) - h(a + b, c + d) - h(a + c, b + d))


def _decapitalise_initials(pair: TermPair, initial: Counter | None) -> None:
    """Merge "Clusters" at the start of a unit into "clusters" when that form exists."""
    if not initial:
        return
    others = {form: n - initial.get(form, 0) for form, n in pair.forms.items()}
    known_src = {f[1] for f, n in others.items() if n > 0}
    known_tgt = {f[2] for f, n in others.items() if n > 0}
    for form, n in initial.items():
        doc, s, t = form
        s2 = _lower_first(s) if _lower_first(s) in known_src else s
        t2 = _lower_first(t) if _lower_first(t) in known_tgt else t
        if (s2, t2) != (s, t):
            pair.forms[form] -= n
            if pair.forms[form] <= 0:
                del pair.forms[form]
            pair.forms[(doc, s2, t2)] += n


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def citation_form(variants: Counter[str], extractor: Extractor) -> str:
    """The dictionary form of a term from its surface variants: the head in the singular.

    The head is the last word in English ("value chains" -> "value chain") and the first in
    French ("chaînes de valeur" -> "chaîne de valeur"); French adjectives agreeing with the
    head follow it into the singular ("conglomérats transnationaux" -> "conglomérat
    transnational").
    """
    if not variants:
        return ""
    form = max(variants.items(), key=lambda item: (item[1], item[0]))[0]
    tokens = extractor.tokens(form)
    words = [t for t in tokens if t.kind in ("w", "s")]
    if not words:
        return form
    if extractor.lang == "en":
        change = {id(words[-1])}
    else:
        # the head and the adjectives right after it, up to the first linking word
        change = set()
        for token in tokens:
            if token.kind not in ("w", "s"):
                break
            change.add(id(token))
    out = []
    last = 0
    for token in tokens:
        out.append(form[last:token.start])
        text = form[token.start:token.end]
        if id(token) in change:
            text = _singular(text, token, extractor)
        out.append(text)
        last = token.end
    out.append(form[last:])
    return "".join(out)


def _singular(text: str, token: Token, extractor: Extractor) -> str:
    lemma = token.piece
    lower = token.lower
    if lower == lemma or lower in NOT_STOP:  # "goods" is no plural of "good"
        return text
    candidates = []
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    if lower.endswith("x"):
        candidates.append(lower[:-1])
    if lower.endswith("aux"):
        candidates.append(lower[:-3] + "al")
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if extractor.lang == "en":
        candidates.append(lemma)
    from ..frequencies import zipf as zipf_frequency

    for candidate in candidates:
        if candidate == lemma or (
            candidate and extractor.tokens(candidate)[0].piece == lemma
        ):
            # "Wales" is not the plural of "wale": keep a plural much more common than its
            # singular in general language.
            lang = extractor.lang
            if zipf_frequency(candidate, lang) < zipf_frequency(lower, lang) - 0.5:
                return text
            return _match_case(candidate, text)
    return text


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def rank_score(pair: TermPair, source_words: int, target_words: int) -> float:
    """count x Dice x length factor x specificity (see the module docstring)."""
    length = math.log2(1 + min(source_words, target_words))
    specificity = (
        _specificity(pair.source_term, pair.source_lang)
        + _specificity(pair.target_term, pair.target_lang)
    ) / 2
    score = pair.count * max(pair.dice, 0.05) * length * specificity
    if _name_like(pair):
        score *= 0.1
    return score


def _specificity(term: str, lang: str) -> float:
    """1 for everyday words (Zipf >= 6) up to 5 for words absent from general language."""
    from ..frequencies import zipf as zipf_frequency

    zipf = zipf_frequency(term.lower(), primary(lang))
    return 1.0 + min(max(6.0 - zipf, 0.0), 4.0)


def _name_like(pair: TermPair) -> bool:
    """A person's or place's name rather than a term.

    Either one capitalised word, the same in both languages, not a common word ("Koch" ->
    "Koch"; not "Commission" -> "Commission", not acronyms like "CEN"); or a capitalised
    word (or every part of a hyphenated one) that neither language's lexicon knows, on
    either side ("President Prodi", "Alexandre Nikitin", "Wulf-Mathies"). simplemma's
    dictionaries list the words of each language and seldom names; the words of domain
    terms, even capitalised ("Commission", "Structural Fund"), are in one of them (rare
    ones may not be: "Quaestors" is taken for a name).
    """
    from ..frequencies import zipf as zipf_frequency

    langs = [primary(lang) for lang in (pair.source_lang, pair.target_lang)]
    s, t = pair.source_term, pair.target_term
    if s == t and " " not in s and s[:1].isupper() and not s.isupper() and all(
        zipf_frequency(s.lower(), lang) < 4.0 for lang in langs
    ):
        return True
    for term in (s, t):
        for word in term.split():
            parts = word.split("-")
            if (word[:1].isupper() and not word.isupper()
                    and all(part.isalpha() for part in parts)
                    and not any(simplemma.is_known(part.lower(), lang=lang)
                                for part in parts for lang in langs)):
                return True
    return False
