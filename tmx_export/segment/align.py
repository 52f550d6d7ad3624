"""Sentence alignment inside a paragraph pair: Gale-Church, strengthened by lexical anchors.

The length model is Gale & Church (1993): the length of a translation is proportional to
the length of its source, with a variance that grows with the length, so the cost of
putting sentences together is how surprising their length ratio is, plus a prior for the
bead type (1-1 is most common, 1-0 and 0-1 are rare). The expected ratio is taken from the
paragraph pair itself, since it varies with the language pair and the text.

Length alone confuses sentences of similar length, so the cost is lowered by what the two
sides visibly share, none of which needs a model download: numbers, "?" and "!", quotes,
capitalised names and cognates (words that begin with the same four letters once accents
and case are removed: "Commission"/"commission", "industrial"/"industrielle"), and the
glossary's term pairs when one is given.

The dynamic programme only visits cells near the diagonal (a band). A paragraph pair is
small enough to be searched in full, cell by cell; longer inputs, up to a whole book, are
searched with numpy in a band that follows the length diagonal and moves with the path (see
"long inputs" below), with the same model and, in practice, the same beads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lang import primary

if TYPE_CHECKING:
    import numpy as np
else:
    class _Numpy:
        """numpy, imported on first use: only long inputs are searched with it, and a
        paragraph pair (every build of a short document) need not pay its import."""

        def __getattr__(self, name: str) -> Any:
            import numpy

            globals()["np"] = numpy
            return getattr(numpy, name)

    np = _Numpy()

__all__ = ["CONJUNCTIONS", "Bead", "Glossary", "align", "align_lengths", "cut_target",
           "sentence_features"]

# Gale & Church's bead priors (their Table 5), as -log P. 1-2/2-1 and 1-0/0-1 share the
# probability of their group; 2-2 is rare but real (two sentences rephrased as two).
_PRIORS = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
    (2, 2): -math.log(0.011),
}
_PRIOR_ITEMS = tuple(_PRIORS.items())
_VARIANCE = 6.8  # Gale & Church's s^2: variance of target chars per source char
_ANCHOR_WEIGHT = 6.0  # how much a full lexical match (Dice = 1) lowers the cost, in nats
_SQRT2 = math.sqrt(2.0)


@dataclass(frozen=True, slots=True)
class Bead:
    """Source sentences [src_start, src_end) aligned with target [tgt_start, tgt_end).

    ``score`` (0..1) is the mean of the length agreement (the Gale-Church probability of
    the length ratio) and the lexical overlap of the two sides (Dice over anchors).
    """

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    score: float

    @property
    def kind(self) -> str:
        """"1-1", "2-1", "1-0"...: how many source and target sentences the bead holds."""
        return f"{self.src_end - self.src_start}-{self.tgt_end - self.tgt_start}"


# -- lexical anchors --------------------------------------------------------------------------

_ANCHOR = re.compile(r"\b[^\W\d_]{4}|\d+(?:\.\d+)*|[?!\"]")
_NORMALISE = str.maketrans(
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ«»“”,",
    "aaaaaaceeeeiiiinooooouuuuyyoa\"\"\"\".",
)


class Glossary:
    """Term pairs that count as anchors when both terms occur in a bead.

    Terms are matched case-insensitively as whole words; multi-word terms are fine.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._source: dict[str, set[str]] = {}
        self._target: dict[str, set[str]] = {}
        for number, (src, tgt) in enumerate(pairs):
            key = f"g{number}"
            self._source.setdefault(src.strip().lower(), set()).add(key)
            self._target.setdefault(tgt.strip().lower(), set()).add(key)
        self._source_re = self._pattern(self._source)
        self._target_re = self._pattern(self._target)

    @staticmethod
    def _pattern(terms: dict[str, set[str]]) -> re.Pattern[str] | None:
        words = sorted((t for t in terms if t), key=len, reverse=True)
        if not words:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    def keys(self, text: str, target: bool) -> set[str]:
        pattern = self._target_re if target else self._source_re
        if pattern is None:
            return set()
        terms = self._target if target else self._source
        out: set[str] = set()
        for term in pattern.findall(text.lower()):
            out |= terms[term]
        return out


def sentence_features(text: str, glossary: Glossary | None = None, *,
                      target: bool = False) -> frozenset[str]:
    """The anchors of one sentence: keys that a translation is likely to share."""
    # One pass over the text, lower-cased with accents removed, quotes unified and decimal
    # commas made points: numbers ("1.5"), "?", "!", '"', and the first four letters of
    # longer words, which catch names and cognates ("parliament"/"parlement",
    # "industrial"/"industrielle").
    keys = set(_ANCHOR.findall(text.lower().translate(_NORMALISE)))
    if glossary is not None:
        keys |= glossary.keys(text, target)
    return frozenset(keys)


_FUNCTION_PREFIXES = frozenset(
    # Four-letter prefixes of frequent function words, which match by chance across EN/FR
    # ("this"/"thi-", "avec", "pour", "dans", "that", "with", "have", "être"...).
    "that this with have from they them were been what when will would your which their "
    "there these those into only also some such than then very more most much over upon "
    "pour dans avec elle elles nous vous sont etre cette mais plus tout tous bien "
    "leur fait faire sans sous quel ains deja".split()
)


def _features(text: str, glossary: Glossary | None, target: bool) -> frozenset[str]:
    return sentence_features(text, glossary, target=target) - _FUNCTION_PREFIXES


# -- the dynamic programme --------------------------------------------------------------------


def _length_cost(src_len: int, tgt_len: int, ratio: float) -> tuple[float, float]:
    """(-log P, P) of the length pair under the Gale-Church model."""
    if src_len == 0 and tgt_len == 0:
        return 0.0, 1.0
    mean = (src_len + tgt_len / ratio) / 2.0
    z = abs(ratio * src_len - tgt_len) / math.sqrt(_VARIANCE * mean * ratio)
    p = math.erfc(z / _SQRT2)
    if p < 1e-300:
        # erfc underflows: use its asymptote, -log erfc(x) ~ x^2 + log(x sqrt(pi))
        x = z / _SQRT2
        return x * x + math.log(x * math.sqrt(math.pi)), 0.0
    return -math.log(p), p


def align(
    source: Sequence[str],
    target: Sequence[str],
    *,
    glossary: Glossary | None = None,
    band: int | None = None,
) -> list[Bead]:
    """Align two sentence lists; the beads cover both lists in order, without gaps.

    ``band`` limits how far (in sentences) the path may stray from the diagonal; by
    default it grows with the input, so paragraph pairs are searched in full. Inputs of more
    than ``_LONG_CELLS`` sentence pairs are searched in a band of ``band`` (default
    ``_LONG_BAND``) around the length diagonal, which is moved and widened for as long as
    the path found needs it.
    """
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return ([Bead(i, i + 1, 0, 0, 0.0) for i in range(n)]
                + [Bead(n, n, j, j + 1, 0.0) for j in range(m)])
    if n * m > _LONG_CELLS:
        return _align_long(source, target, glossary, band)
    src_len = [len(s) for s in source]
    tgt_len = [len(t) for t in target]
    total_s, total_t = sum(src_len), sum(tgt_len)
    ratio = total_t / total_s if total_s and total_t else 1.0
    ratio = min(max(ratio, 0.5), 2.0)
    src_keys = [_features(s, glossary, False) for s in source]
    tgt_keys = [_features(t, glossary, True) for t in target]
    if n == m:
        diagonal = _confident_diagonal(src_len, tgt_len, src_keys, tgt_keys, ratio)
        if diagonal is not None:
            return diagonal

    spans = _search(src_len, tgt_len, src_keys, tgt_keys, ratio, band)
    if n != m:
        # Sentences without a translation distort the paragraph's length ratio, and a
        # distorted ratio hides them inside 2-1 beads: estimate it again from the 1-1
        # beads found and search once more when it moved.
        ones = [(s0, t0) for s0, s1, t0, t1 in spans if s1 - s0 == 1 and t1 - t0 == 1]
        if len(ones) >= 2:
            ls = sum(src_len[s0] for s0, _ in ones)
            lt = sum(tgt_len[t0] for _, t0 in ones)
            better = min(max(lt / ls, 0.5), 2.0) if ls and lt else ratio
            if abs(better - ratio) > 0.05 * ratio:
                ratio = better
                spans = _search(src_len, tgt_len, src_keys, tgt_keys, ratio, band)
    return [_bead(s0, s1, t0, t1, src_len, tgt_len, src_keys, tgt_keys, ratio)
            for s0, s1, t0, t1 in spans]


def _search(src_len: list[int], tgt_len: list[int], src_keys: list[frozenset[str]] | None,
            tgt_keys: list[frozenset[str]] | None, ratio: float, band: int | None,
            priors: tuple[tuple[tuple[int, int], float], ...] = _PRIOR_ITEMS,
            ) -> list[tuple[int, int, int, int]]:
    """The cheapest bead sequence, as (src_start, src_end, tgt_start, tgt_end) spans.

    The one Gale-Church search, for sentences (with anchors) and paragraphs (lengths only,
    ``src_keys``/``tgt_keys`` ``None``). Only the cells within ``band`` of the diagonal are
    stored, so memory grows with the length of the input, not with its square.
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
    shared: dict[tuple[int, int], int] = {}

    def common(a: int, b: int) -> int:
        value = shared.get((a, b))
        if value is None:
            value = shared[(a, b)] = len(src_keys[a] & tgt_keys[b])  # type: ignore[index]
        return value

    for i in range(n + 1):
        row = cost[i]
        row_back = back[i]
        row_low = low[i]
        for j in range(row_low, high[i] + 1):
            if i == 0 and j == 0:
                continue
            best = inf
            move = (0, 0)
            for (di, dj), prior in priors:
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
                            hits = common(pi, pj) + (common(pi + 1, pj) if di == 2 else 0)
                    else:
                        lt = tgt_len[pj] + tgt_len[pj + 1]
                        size += tgt_size[pj] + tgt_size[pj + 1]
                        if anchors:
                            hits = common(pi, pj) + common(pi, pj + 1)
                            if di == 2:
                                hits += common(pi + 1, pj) + common(pi + 1, pj + 1)
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
                    move = (di, dj)
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


# A diagonal 1-1 pair is taken without the search when its length ratio is this likely.
_CONFIDENT_LENGTH = 0.1


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
        bead = _bead(k, k + 1, k, k + 1, src_len, tgt_len, src_keys, tgt_keys, ratio)
        if _length_cost(src_len[k], tgt_len[k], ratio)[1] < _CONFIDENT_LENGTH:
            return None
        own = len(src_keys[k] & tgt_keys[k])
        if k and (len(src_keys[k] & tgt_keys[k - 1]) > own
                  or len(src_keys[k - 1] & tgt_keys[k]) > own):
            return None
        if k + 1 < n and (len(src_keys[k] & tgt_keys[k + 1]) > own
                          or len(src_keys[k + 1] & tgt_keys[k]) > own):
            return None
        beads.append(bead)
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


# -- long inputs: the same model, searched with numpy -----------------------------------------
#
# A book aligned as one block has thousands of sentences a side, and the cell-by-cell search
# above spends nearly all its time in the interpreter. For longer inputs the costs of all the
# beads in the search region are computed at once with numpy, and the dynamic programme
# advances a whole row of cells per step. Three things keep the steps and cells few:
#
# - the region is a narrow band around the length diagonal (where the target's running
#   character count matches the source's), a much closer guess of the path than the sentence
#   diagonal, moved and widened when the path found needs it (see _search_long);
# - the rows are cut into chunks that are searched side by side (one numpy step advances a
#   row of every chunk), each from a guess of its start, then again from its predecessor's
#   end until the ends no longer change: the costs of a row soon forget where the search
#   started but for a constant, and the moves never depend on that constant, so most chunks
#   need few corrections (Maleki, Musuvathi & Mytkowicz, 2014, "Parallelizing dynamic
#   programming through rank convergence"). The result is that of one search row by row;
# - anchors are read once for the whole text as integer keys, and the anchors shared by all
#   the sentence pairs of the band are counted at once from an inverted index.

_LONG_CELLS = 400  # inputs with more sentence pairs (n * m) take the numpy search
_LONG_BAND = 12  # half-width of the band around the guide, in sentences
_CHUNK_ROWS = 16  # rows per chunk of the side-by-side search
_COARSEST = 48  # sentences a side, or units of several, searched in full for the guide
_PARALLEL_TOLERANCE = 1e-6  # cost rows that differ by a constant up to this are "the same"
# bead moves as stored by the search; the order breaks ties as _search does (its prior order)
_MOVES = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (0, 1))
_ERFC_STEPS = 512  # table points per unit of x for -log erfc(x): interpolation error < 4e-7


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


def _length_costs(x: np.ndarray, plus: float) -> np.ndarray:
    """-log erfc(x) + ``plus``: _length_cost's -log P for x = z / sqrt(2), from a table.

    Far beyond the table (x > 28, a bead that nothing could make likely) the table's last
    slope is extended, which overestimates a cost that is anyway in the hundreds."""
    table, slope = _neg_log_erfc_table()
    scaled = x * _ERFC_STEPS
    index = np.minimum(scaled.astype(np.intp), len(table) - 1)
    return (table + plus)[index] + (scaled - index) * slope[index] + x * x


def _unique(values: np.ndarray) -> np.ndarray:
    """np.unique for a 1-d array, by sorting: many times faster than numpy 2's hashing."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _isin(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """np.isin for a few members: a hash of the values rules out most of them at once."""
    hashed = np.zeros(1021, bool)
    hashed[members % 1021] = True
    out = np.zeros(len(values), bool)
    maybe = np.flatnonzero(hashed[values % 1021])
    out[maybe] = np.isin(values[maybe], members)
    return out


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The concatenation of range(start, start + count) for each pair."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, np.intp)
    ends = np.cumsum(counts)
    return np.repeat(starts - ends + counts, counts) + np.arange(total)


# character classes for reading anchors (see _ANCHOR), of the normalised character
_WORD, _LETTER, _DIGIT, _DOT, _PUNCT = 1, 2, 4, 8, 16
_PUNCT_KEYS = {"?": 1, "!": 2, '"': 3}
_CHAR_CLASSES: dict[int, tuple[int, int, int] | None] = {}


def _char_class(code: int) -> tuple[int, int, int] | None:
    """(classes, punctuation key, normalised code point) of a character, or ``None`` when
    it does not normalise to one character on its own (its case needs context)."""
    if code in _CHAR_CLASSES:
        return _CHAR_CLASSES[code]
    char = chr(code)
    norm = char.lower().translate(_NORMALISE)
    info = None
    if len(norm) == 1 and char != "\u03a3":  # capital sigma lowers by its context
        flags = ((_WORD if re.match(r"\w", norm) else 0)
                 | (_LETTER if re.match(r"[^\W\d_]", norm) else 0)
                 | (_DIGIT if re.match(r"\d", norm) else 0)
                 | (_DOT if norm == "." else 0)
                 | (_PUNCT if norm in _PUNCT_KEYS else 0))
        info = (flags, _PUNCT_KEYS.get(norm, 0), ord(norm))
    _CHAR_CLASSES[code] = info
    return info


def _anchor_keys(texts: Sequence[str], glossary: Glossary | None,
                 targets: int) -> tuple[np.ndarray, np.ndarray]:
    """(text index, integer key) of every anchor of ``texts``; the last ``targets`` texts
    are target sentences (for the glossary). Keys are the anchors of _features, numbered.

    The texts are read as one array of code points, which finds the same anchors as
    _ANCHOR on each lower-cased, normalised sentence, many times faster."""
    joined = "\n".join(texts)  # a separator that no anchor crosses
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter(map(len, texts), np.intp, len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    present = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, np.intp)
    infos = [_char_class(int(c)) for c in present]
    strings: dict[str, int] = {}  # other anchors, numbered after the words
    if any(info is None for info in infos):
        # a character whose lower case depends on its neighbours: read sentence by sentence
        sent, key = [], []
        first_target = len(texts) - targets
        for index, text in enumerate(texts):
            for anchor in _features(text, glossary, index >= first_target):
                sent.append(index)
                key.append(strings.setdefault(anchor, len(strings)))
        return np.array(sent, np.intp), np.array(key, np.int64)

    size = int(present[-1]) + 1 if len(present) else 1
    flags = np.zeros(size, np.uint8)
    punct = np.zeros(size, np.int64)
    norm = np.zeros(size, np.int64)
    for c, (f, p, o) in zip(present.tolist(), infos, strict=True):  # type: ignore[misc]
        flags[c], punct[c], norm[c] = f, p, o
    alphabet = _unique(norm[present[(flags[present] & _LETTER) > 0]])
    base = len(alphabet) + 1
    letter_index = np.zeros(size, np.int64)
    letter_index[present] = np.searchsorted(alphabet, norm[present]) + 1
    cls = np.take(flags, codes)

    # words: four letters after a non-word character, as the first four letters of a word
    letter = (cls & _LETTER) > 0
    word = (cls & _WORD) > 0
    pos = np.flatnonzero(letter[:-3] & letter[1:-2] & letter[2:-1] & letter[3:]
                         & np.concatenate(([True], ~word[:-4])) if len(codes) > 3 else [])
    word_keys = np.zeros(len(pos), np.int64)
    for offset in range(4):
        word_keys = word_keys * base + letter_index[codes[pos + offset]]
    letters = {chr(c): k for k, c in enumerate(alphabet.tolist(), 1)}
    function = [sum(letters[ch] * base ** (3 - k) for k, ch in enumerate(w))
                for w in _FUNCTION_PREFIXES  # (a longer one never matches an anchor)
                if len(w) == 4 and all(ch in letters for ch in w)]
    keep = ~_isin(word_keys, np.array(function, np.int64))
    pos, word_keys = pos[keep], word_keys[keep]
    word_space = base ** 4

    # numbers: runs of digits and of points (or commas) between digits
    digit = (cls & _DIGIT) > 0
    inner = np.zeros(len(codes), bool)
    if len(codes) > 2:
        inner[1:-1] = ((cls[1:-1] & _DOT) > 0) & digit[:-2] & digit[2:]
    number = np.concatenate(([False], digit | inner, [False]))
    edges = np.flatnonzero(number[1:] != number[:-1])
    number_pos = edges[::2]
    number_keys = np.array([word_space + 3 + strings.setdefault(
        joined[a:b].replace(",", "."), len(strings)) for a, b in zip(
            number_pos.tolist(), edges[1::2].tolist(), strict=True)], np.int64)

    # "?", "!" and quotes
    punct_pos = np.flatnonzero(cls & _PUNCT)
    punct_keys = word_space - 1 + punct[codes[punct_pos]]

    positions = np.concatenate((pos, number_pos, punct_pos))
    sent = np.searchsorted(starts, positions, side="right") - 1
    key = np.concatenate((word_keys, number_keys, punct_keys))
    if glossary is not None:
        first_target = len(texts) - targets
        extra = [(index, anchor) for index, text in enumerate(texts)
                 for anchor in glossary.keys(text, index >= first_target)]
        if extra:
            sent = np.concatenate((sent, [i for i, _ in extra]))
            key = np.concatenate((key, [word_space + 3 + strings.setdefault(a, len(strings))
                                        for _, a in extra]))
    return sent, key


class _AnchorIndex:
    """The anchors of both sides as sorted integer keys, to count the anchors shared by
    many sentence pairs at once."""

    def __init__(self, n: int, m: int, sent: np.ndarray, key: np.ndarray) -> None:
        """From the key of every anchor and its sentence: source 0..n-1, target n...."""
        self.n, self.m = n, m
        # keys numbered densely when sentence x key would not fit 63 bits
        if len(key) and int(key.max()) + 1 > (1 << 62) // (n + m + 1):
            key = np.searchsorted(_unique(key), key).astype(np.int64)
        space = self.space = int(key.max()) + 1 if len(key) else 1
        pairs = _unique(sent.astype(np.int64) * space + key)  # a set per sentence
        sent, key = pairs // space, pairs % space
        src = sent < n
        self.src_keys = key[src]
        self.src_ptr = np.searchsorted(sent[src], np.arange(n + 1))
        self.tgt_keys = key[~src]
        self.tgt_ptr = np.searchsorted(sent[~src] - n, np.arange(m + 1))
        self.src_size = np.diff(self.src_ptr)
        self.tgt_size = np.diff(self.tgt_ptr)
        # the sentences of each side by key, then by position: inverted indexes
        self._tgt_by_key = np.sort(self.tgt_keys * (m + 1) + (sent[~src] - n))
        by_key = np.sort(self.src_keys * (n + 1) + sent[src])
        self._src_by_key = (by_key // (n + 1)) * (m + 1), by_key % (n + 1)

    @classmethod
    def of(cls, source: Sequence[str], target: Sequence[str],
           glossary: Glossary | None) -> _AnchorIndex:
        return cls(len(source), len(target), *_anchor_keys([*source, *target], glossary,
                                                            len(target)))

    def pairwise(self) -> _AnchorIndex:
        """The index of the sentences taken two at a time (as _pairwise takes lengths)."""
        n, m = self.n, self.m
        sent = np.concatenate((np.repeat(np.arange(n), self.src_size) // 2,
                               (n + 1) // 2 + np.repeat(np.arange(m), self.tgt_size) // 2))
        return _AnchorIndex((n + 1) // 2, (m + 1) // 2, sent,
                            np.concatenate((self.src_keys, self.tgt_keys)))

    def shared(self, lows: np.ndarray, width: int) -> np.ndarray:
        """counts[a, v]: the anchors shared by source sentence a and target sentence
        ``lows[a] + v`` (0 for a target out of range), for each source sentence a."""
        n, m = self.n, self.m
        # every (source sentence, key) with the target sentences that hold the key in the
        # sentence's window, by binary search in the inverted index: the queries go by key,
        # then by sentence, so that each search starts where the last one ended
        key, row = self._src_by_key
        low = lows[row]
        left = np.searchsorted(self._tgt_by_key, key + np.clip(low, 0, m))
        right = np.searchsorted(self._tgt_by_key, key + np.clip(low + width, 0, m))
        found = right - left
        row = np.repeat(row, found)
        hits = self._tgt_by_key[_ranges(left, found)] % (m + 1)
        cells = row * width + hits - lows[row]
        return np.bincount(cells, minlength=n * width).reshape(n, width)

    def union_shared(self, s0: np.ndarray, s1: np.ndarray, t0: np.ndarray,
                     t1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For the beads of source sentences [s0, s1) and target [t0, t1): (the anchors
        both sides share, the anchors of one side plus those of the other)."""
        space = self.space
        sides = []
        for ptr, keys, start, end in ((self.src_ptr, self.src_keys, s0, s1),
                                      (self.tgt_ptr, self.tgt_keys, t0, t1)):
            count = ptr[end] - ptr[start]
            bead = np.repeat(np.arange(len(start)), count)
            sides.append(_unique(bead * space + keys[_ranges(ptr[start], count)]))
        src, tgt = sides
        found = np.zeros(len(tgt), bool) if not len(src) else (
            src[np.minimum(np.searchsorted(src, tgt), len(src) - 1)] == tgt)
        beads = len(s0)
        return (np.bincount(tgt[found] // space, minlength=beads),
                np.bincount(src // space, minlength=beads)
                + np.bincount(tgt // space, minlength=beads))


def _align_long(source: Sequence[str], target: Sequence[str], glossary: Glossary | None,
                band: int | None) -> list[Bead]:
    """align() for long inputs: the same model, searched with numpy in a band (see above)."""
    n, m = len(source), len(target)
    src_len = np.fromiter(map(len, source), np.int64, n)
    tgt_len = np.fromiter(map(len, target), np.int64, m)
    total_s, total_t = int(src_len.sum()), int(tgt_len.sum())
    ratio = total_t / total_s if total_s and total_t else 1.0
    ratio = min(max(ratio, 0.5), 2.0)
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
                         width)
    if n != m:
        # as in align(): estimate the ratio again from the 1-1 beads found
        s0, s1, t0, t1 = np.array(spans).T
        ones = (s1 - s0 == 1) & (t1 - t0 == 1)
        if ones.sum() >= 2:
            ls, lt = int(src_len[s0[ones]].sum()), int(tgt_len[t0[ones]].sum())
            better = min(max(lt / ls, 0.5), 2.0) if ls and lt else ratio
            if abs(better - ratio) > 0.05 * ratio:
                ratio = better
                spans = _search_long(src_len, tgt_len, index, ratio,
                                     _path_guide(spans, n, m), width)
    return _beads_long(spans, src_cum, tgt_cum, index, ratio)


def _path_guide(spans: list[tuple[int, int, int, int]], n: int, m: int,
                scale: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest target position of a path in each source row, the path's
    positions multiplied by ``scale`` (a path found for sentences taken ``scale`` at a time).
    """
    s0, s1, t0, t1 = (np.array(x, np.intp) * scale for x in zip(*spans, strict=True))
    s1, t0, t1 = np.minimum(s1, n), np.minimum(t0, m), np.minimum(t1, m)
    count = s1 - np.minimum(s0, s1) + 1
    rows = _ranges(np.minimum(s0, s1), count)  # every row a bead spans, with its columns
    low = np.full(n + 1, m)
    high = np.zeros(n + 1, np.intp)
    np.minimum.at(low, rows, np.repeat(t0, count))
    np.maximum.at(high, rows, np.repeat(t1, count))
    return low, high


def _search_long(src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                 ratio: float, guide: tuple[np.ndarray, np.ndarray] | None, width: int,
                 ) -> list[tuple[int, int, int, int]]:
    """The cheapest bead sequence within ``width`` of the guide path.

    When the path found strays too far from the guide (see _chunked_search), the band may
    have held it back: search again in a band around that path, which mostly only needs the
    band moved. When that path strays too, the text's length ratio drifts further than a
    moved band can follow: take as the guide the path found for the sentences taken two at a
    time, itself guided by the path for four at a time and so on, down to a few dozen units
    searched in full (Salvador & Chan, 2007, "FastDTW"); which is also the guide when none is
    given. Beyond that, widen the band.
    """
    n, m = len(src_len), len(tgt_len)
    coarse = guide is None
    if guide is None:
        guide = _coarse_guide(src_len, tgt_len, index, ratio, width)
    bead_costs = _BeadCosts(src_len, tgt_len, index, ratio)
    held, moved = True, False
    while held:
        with np.errstate(invalid="ignore"):  # inf - inf, off the band
            spans, held = _chunked_search(n, m, bead_costs, guide, width)
        if held:
            if moved and not coarse:
                guide, coarse = _coarse_guide(src_len, tgt_len, index, ratio, width), True
                continue
            if moved:
                width *= 2
            guide, moved = _path_guide(spans, n, m), True
    return spans


def _coarse_guide(src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                  ratio: float, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The path of the sentences taken two at a time, as a guide (a full band when few)."""
    n, m = len(src_len), len(tgt_len)
    if min(n, m) <= _COARSEST:
        return np.zeros(n + 1, np.intp), np.full(n + 1, m)
    pairs = _search_long(_pairwise(src_len), _pairwise(tgt_len), index and index.pairwise(),
                         ratio, None, width)
    return _path_guide(pairs, n, m, 2)


def _pairwise(lengths: np.ndarray) -> np.ndarray:
    """The lengths of sentences taken two at a time (the last alone if odd)."""
    return np.add.reduceat(lengths, np.arange(0, len(lengths), 2))


def _chunked_search(n: int, m: int, bead_costs: _BeadCosts,
                    guide: tuple[np.ndarray, np.ndarray], width: int,
                    ) -> tuple[list[tuple[int, int, int, int]], bool]:
    """One search in the band of ``width`` around ``guide``: (spans, whether the band may
    have held the path back).

    Rows 1..n are cut into ``chunks`` of ``rows`` rows; chunk c holds rows c*rows+1 to
    c*rows+rows and, in memory, the target positions ``first[c]`` to ``first[c]+cols-1``,
    a rectangle around its part of the band, in which the cells off the band cost inf.
    Arrays are laid out [row within chunk, chunk, column], so that one step of the search,
    a row of every chunk, reads contiguous memory."""
    # the band, made monotone so that every row's cells can be reached from the row before
    lo = np.minimum.accumulate(np.maximum(guide[0] - width, 0)[::-1])[::-1]
    hi = np.maximum.accumulate(np.minimum(guide[1] + width, m))
    rows = min(_CHUNK_ROWS, n)
    chunks = -(-n // rows)
    # row_of[u, c]: row c*rows - 1 + u; u = 0, 1 are the rows a chunk's search starts from
    row_of = np.arange(chunks) * rows - 1 + np.arange(rows + 2)[:, None]
    clipped = np.clip(row_of, 0, n)
    first = lo[clipped].min(axis=0)
    cols = int((hi[clipped].max(axis=0) - first).max()) + 1
    col_of = first[:, None] + np.arange(cols)
    band = (((row_of >= 0) & (row_of <= n))[:, :, None]
            & (col_of >= lo[clipped][:, :, None]) & (col_of <= hi[clipped][:, :, None]))

    inf = math.inf
    p01 = _PRIORS[(0, 1)]
    ramp = np.arange(cols) * p01
    s, c, k = np.nonzero(band[2:])
    costs = np.full((rows, 4, chunks, cols), inf)  # [s, b, c, k]: see _BeadCosts
    costs.transpose(1, 0, 2, 3)[:, s, c, k] = bead_costs(row_of[2:][s, c], first[c] + k, lo, hi)
    off_band = np.where(band[2:], 0.0, inf)
    step_10 = off_band + _PRIORS[(1, 0)]
    # padded[u, c, 2 + k]: the cost of reaching row row_of[u, c], column first[c] + k, less
    # k 0-1 beads' prior, which makes the 0-1 beads within a row a running minimum (bead
    # costs are lowered to match); the two columns of inf on the left spare the search and
    # the trace-back any bounds test
    padded = np.full((rows + 2, chunks, cols + 2), inf)
    cost = padded[:, :, 2:]
    # a guess of where the search of chunks 1... starts: the cost of straying from the guide
    # by 0-1 beads (the closer the guess, the sooner the search forgets it)...
    centre = (guide[0] + guide[1])[clipped[:2]][:, :, None] / 2.0
    cost[:2] = np.where(band[:2], np.abs(col_of - centre) * p01 - ramp, inf)
    cost[0, 0] = inf  # ... and the true start of chunk 0: no row -1, and row 0 has
    cost[1, 0] = np.where(band[1, 0], 0.0, inf)  # only 0-1 beads
    _search_chunks(padded, costs, step_10, off_band, None)
    # Correct the guesses: search again each chunk whose start has changed, from the end of
    # its predecessor, until none has. A chunk's end that moves by a constant only does not
    # change its successor's search, which only adds that constant (so does the start of a
    # chunk whose first column differs from its predecessor's).
    settled = np.zeros(chunks, bool)
    settled[0] = True
    while not settled.all():
        redo = np.flatnonzero(~settled)
        # contiguous chunks as views, others gathered
        pick: slice | np.ndarray = (slice(redo[0], redo[-1] + 1)
                                    if redo[-1] - redo[0] + 1 == len(redo) else redo)
        shift = (first[redo] - first[redo - 1])[:, None] + np.arange(cols)
        ends = cost[rows:, redo - 1]
        starts = np.take_along_axis(ends, np.minimum(shift, cols - 1)[None], axis=2)
        cost[:2, redo] = np.where(shift < cols, starts, inf)
        part = padded[:, pick]
        moved = ~_search_chunks(part, costs[:, :, pick], step_10[:, pick], off_band[:, pick],
                                part.copy())
        if isinstance(pick, np.ndarray):
            padded[:, pick] = part
        settled[:] = True
        after = redo[moved] + 1
        settled[after[after < chunks]] = False

    # Trace the path back, noting whether it strays from the guide by more than half the
    # band (or comes within 3 sentences of its edge): a path that needs to stray further (a
    # long passage without translation) may settle for a poor compromise within the band
    # rather than touch its edge.
    margin = max(width - width // 2, 3)
    moves = _moves(padded, costs, step_10)
    lo_l, hi_l, first_l = lo.tolist(), hi.tolist(), first.tolist()
    spans = []
    held = False
    i, j = n, m
    while i:
        if (j - lo_l[i] < margin and lo_l[i]) or (hi_l[i] - j < margin and hi_l[i] < m):
            held = True
        c, s = divmod(i - 1, rows)
        di, dj = _MOVES[moves[(s * chunks + c) * cols + j - first_l[c]]]
        spans.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    if hi_l[0] < m and hi_l[0] - j < margin:
        held = True
    spans.extend((0, 0, t - 1, t) for t in range(j, 0, -1))
    spans.reverse()
    return spans, held


def _search_chunks(padded: np.ndarray, costs: np.ndarray, step_10: np.ndarray,
                   off_band: np.ndarray, before: np.ndarray | None) -> np.ndarray:
    """Search the given chunks side by side, from their start rows ``padded[:2]``.

    With ``before``, the same chunks' costs from another start: the search stops as soon as
    every chunk's rows differ from those by a constant, since the rest of it would only
    add that constant (its later rows are then shifted by it). Returns, per chunk, whether
    its end rows differ from ``before``'s by a constant."""
    rows = padded.shape[0] - 2
    chunks, cols = padded.shape[1], padded.shape[2] - 2
    cand = np.empty((5, chunks, cols))
    best = np.empty((chunks, cols))
    same = np.zeros(chunks, bool)
    for s in range(rows):
        # rows i-2 and i-1 (padded[s:s+2]) from columns j-1 and j-2: 2-1, 1-1, 2-2, 1-2
        np.add(padded[s:s + 2, :, 1:-1], costs[s, :2], out=cand[:2])
        np.add(padded[s:s + 2, :, :-2], costs[s, 2:], out=cand[2:4])
        np.add(padded[s + 1, :, 2:], step_10[s], out=cand[4])
        np.minimum.reduce(cand, axis=0, out=best)
        # 0-1 beads within the row: cost[k] = min(best[k], cost[k-1] + p01) is a running
        # minimum, as costs are kept less k * p01; it must not carry a cost past the band
        out = padded[s + 2, :, 2:]
        np.minimum.accumulate(best, axis=1, out=out)
        np.add(out, off_band[s], out=out)
        if before is not None and s % 4 == 3:
            now, offset = _offsets(padded[s + 1:s + 3], before[s + 1:s + 3])
            same |= now
            if same.all():
                padded[s + 3:] = before[s + 3:] + offset[:, None]
                return same
    if before is not None:
        same |= _offsets(padded[-2:], before[-2:])[0]
    return same


def _moves(padded: np.ndarray, costs: np.ndarray, step_10: np.ndarray) -> bytes:
    """The move (an index of _MOVES) into every cell, as the search chose it, [s, c, k]
    flattened: the cheapest bead, the first in _MOVES on a tie, or a 0-1 bead when that is
    clearly cheaper (rows shifted by a constant may have lost the last bit of a tie)."""
    d2, d1, here = padded[:-2], padded[1:-1], padded[2:, :, 2:]
    best = d1[..., 1:-1] + costs[:, 1]
    moves = np.zeros(best.shape, np.int8)
    for code, cand in ((1, d1[..., 2:] + step_10), (2, d2[..., 1:-1] + costs[:, 0]),
                       (3, d1[..., :-2] + costs[:, 3]), (4, d2[..., :-2] + costs[:, 2])):
        np.putmask(moves, cand < best, code)
        np.minimum(best, cand, out=best)
    np.putmask(moves, here < best - 1e-9 * (1.0 + np.abs(here)), 5)
    return moves.tobytes()


def _offsets(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per chunk (axis 1): whether cost rows ``a`` are rows ``b`` plus a constant, and
    the constant."""
    diff = a - b  # nan where both are inf, +-inf where one is
    top = np.fmax.reduce(diff, axis=(0, 2))
    bottom = np.fmin.reduce(diff, axis=(0, 2))
    never = np.isnan(top)  # rows all inf on both sides
    return never | (top - bottom <= _PARALLEL_TOLERANCE), np.where(never, 0.0, top)


class _BeadCosts:
    """The costs of the beads ending in the cells of a band, for one length ratio: prior,
    length cost and anchor bonus, less one 0-1 prior per target sentence (see
    _chunked_search). They are kept from one search to the next, as a band moved around the
    path found mostly covers the cells of the last one."""

    def __init__(self, src_len: np.ndarray, tgt_len: np.ndarray, index: _AnchorIndex | None,
                 ratio: float) -> None:
        self.n = len(src_len)
        self.index = index  # None: lengths only
        self.ratio = ratio
        zero = np.zeros(1, np.int64)
        self.s1 = np.concatenate((zero, src_len))  # [i]: the sentence before row i
        self.t1 = np.concatenate((zero, tgt_len))
        self.s2 = self.s1 + np.concatenate((zero, self.s1[:-1]))  # the two before it
        self.t2 = self.t1 + np.concatenate((zero, self.t1[:-1]))
        self.a1 = np.concatenate((zero, index.src_size if index else src_len * 0))  # and
        self.b1 = np.concatenate((zero, index.tgt_size if index else tgt_len * 0))  # anchors
        self.a2 = self.a1 + np.concatenate((zero, self.a1[:-1]))
        self.b2 = self.b1 + np.concatenate((zero, self.b1[:-1]))
        self._last: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def __call__(self, i: np.ndarray, j: np.ndarray, lo: np.ndarray,
                 hi: np.ndarray) -> np.ndarray:
        """costs[b, x]: the cost of bead b (2-1, 1-1, 2-2, 1-2: in pairs that the search
        reads together) ending at row i[x], column j[x], cells of the band [lo, hi]; inf
        where the bead does not fit."""
        costs = np.empty((4, len(i)))
        todo = np.arange(len(i))
        if self._last is not None:
            # each row's cells are consecutive in the last search's list
            last_i, last_lo, last_hi, last_costs = self._last
            first = np.zeros(self.n + 1, np.intp)
            rows = np.flatnonzero(np.diff(last_i, prepend=-1))
            first[last_i[rows]] = rows
            known = (j >= last_lo[i]) & (j <= last_hi[i])
            done = np.flatnonzero(known)
            costs[:, done] = last_costs[:, first[i[done]] + j[done] - last_lo[i[done]]]
            todo = np.flatnonzero(~known)
        costs[:, todo] = self._compute(i[todo], j[todo], lo, hi)
        self._last = (i, lo, hi, costs)
        return costs

    def _compute(self, i: np.ndarray, j: np.ndarray, lo: np.ndarray,
                 hi: np.ndarray) -> np.ndarray:
        n, ratio = self.n, self.ratio
        # shared[a, v]: anchors shared by source sentence a and target sentence
        # lo[a+1] - 2 + v, the target sentences that a bead with source sentence a may hold
        span = int((hi[np.minimum(np.arange(2, n + 2), n)] - lo[1:]).max()) + 2
        shared = (self.index.shared(lo[1:] - 2, span) if self.index is not None
                  else np.zeros((n, span), np.int64)).reshape(-1)
        at = np.maximum(i - 1, 0) * span + j - lo[i]  # source i-1, target j-2; +1: j-1
        h11 = shared[at + 1]
        h12 = shared[at] + h11
        # source i-2, target j-2 (nonsense in row 1, where no such bead fits, but in bounds)
        at = np.maximum(i - 2, 0) * span + np.minimum(j - lo[np.maximum(i - 1, 0)], span - 2)
        h21 = shared[at + 1] + h11
        h22 = shared[at] + h21 + h12 - h11
        a1, a2, b1, b2 = self.a1[i], self.a2[i], self.b1[j], self.b2[j]
        # what the length cost needs: z / sqrt(2), z as in _search, is
        # |r ls - lt| / sqrt(s^2 r ls + s^2 lt + 2e-9)
        var_ratio = _VARIANCE * ratio
        rows_1 = (ratio * self.s1)[i], (var_ratio * self.s1)[i]
        rows_2 = (ratio * self.s2)[i], (var_ratio * self.s2)[i]
        cols_1 = self.t1[j], (_VARIANCE * self.t1 + 2e-9)[j]
        cols_2 = self.t2[j], (_VARIANCE * self.t2 + 2e-9)[j]
        weight = _ANCHOR_WEIGHT
        edge = np.flatnonzero((i < 2) | (j < 2))  # where a bead may begin before sentence 0
        out = np.empty((4, len(i)))
        for b, (di, dj, src, tgt, src_size, tgt_size, hits) in enumerate((
                (2, 1, rows_2, cols_1, a2, b1, h21), (1, 1, rows_1, cols_1, a1, b1, h11),
                (2, 2, rows_2, cols_2, a2, b2, h22), (1, 2, rows_1, cols_2, a1, b2, h12))):
            cost = out[b]
            cost[:] = _length_costs(np.abs(src[0] - tgt[0]) / np.sqrt(src[1] + tgt[1]),
                                    _PRIORS[(di, dj)] - dj * _PRIORS[(0, 1)])
            some = np.flatnonzero(hits)  # (most pairs share no anchor)
            cost[some] -= weight * np.minimum(
                2.0 * hits[some] / (src_size[some] + tgt_size[some]), 1.0)
            cost[edge[(i[edge] < di) | (j[edge] < dj)]] = math.inf
        return out


def _beads_long(spans: list[tuple[int, int, int, int]], src_cum: np.ndarray,
                tgt_cum: np.ndarray, index: _AnchorIndex, ratio: float) -> list[Bead]:
    """_bead for every span at once, with the same scores."""
    s0, s1, t0, t1 = (np.array(x, np.intp) for x in zip(*spans, strict=True))
    ls = (src_cum[s1] - src_cum[s0]).astype(float)
    lt = (tgt_cum[t1] - tgt_cum[t0]).astype(float)
    # as _length_cost computes it, operation by operation, so that P is the same float
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (ls + lt / ratio) / 2.0
        z = np.abs(ratio * ls - lt) / np.sqrt(_VARIANCE * mean * ratio) / _SQRT2
    erfc = math.erfc
    p_len = np.array([1.0 if a == 0 and b == 0 else (p if (p := erfc(x)) >= 1e-300 else 0.0)
                      for a, b, x in zip(ls.tolist(), lt.tolist(), z.tolist(), strict=True)])
    # anchors: of the sentence pair for 1-1 beads, of the union of each side for the others
    paired = (s0 < s1) & (t0 < t1)
    ones = paired & (s1 - s0 == 1) & (t1 - t0 == 1)
    lows = np.zeros(index.n, np.intp)  # each source sentence's first target: that of its bead
    lows[s0[s0 < s1]] = t0[s0 < s1]
    common = np.where(ones, index.shared(lows, 1)[np.minimum(s0, index.n - 1), 0], 0)
    total = index.src_size[np.minimum(s0, index.n - 1)] + index.tgt_size[
        np.minimum(t0, index.m - 1)]
    many = np.flatnonzero(paired & ~ones)
    common[many], total[many] = index.union_shared(s0[many], s1[many], t0[many], t1[many])
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(total > 0, 2.0 * common / total, p_len)
    score = np.where(paired, _round4((p_len + dice) / 2.0), 0.0)
    return [Bead(*bead) for bead in zip(s0.tolist(), s1.tolist(), t0.tolist(), t1.tolist(),
                                        score.tolist(), strict=True)]


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
    k = list(range(n))
    return _beads_long(list(zip(k, range(1, n + 1), k, range(1, n + 1), strict=True)),
                       src_cum, tgt_cum, index, ratio)


# -- cutting the target of a many-to-one bead -------------------------------------------------

# Where a translator joins sentences into one, the join is nearly always a clause boundary:
# "... une information : un attentat ...", "... espagnole ; la présidence ...", "...
# régionale, mais cette fois ...", "... injustifiée et je demanderais ...". The candidates,
# from the surest to the least sure:
#   sentence  ". ", "? ", "! " whatever follows (a sentence end the segmenter kept, e.g.
#             before a lower-case word, or the boundary inside a 2-2 bead)
#   strong    ";", ":" or a dash between spaces
#   conj      a comma then a coordinating conjunction (", et", ", mais", ", and", ", but")
#   comma     any other comma
#   bare      a coordinating conjunction with no comma before it (" et je", " and we")
# A weaker kind pays a higher price and needs a better length fit to be taken at all, so a
# bare "et" is only cut when the lengths of both halves say so clearly.
_CUT_KINDS = ("sentence", "strong", "conj", "comma", "bare")
_CUT_PRICE = {"sentence": 0.0, "strong": 1.0, "conj": 2.0, "comma": 3.0, "bare": 3.5}
_CUT_LENGTH = {"sentence": 0.05, "strong": 0.1, "conj": 0.25, "comma": 0.4, "bare": 0.5}
_CUT_ANCHOR_WEIGHT = 3.0  # nats for a full anchor match (Dice = 1) between a piece and its source
_CUT_WORK = 200_000  # the search is k * n^2 for k sentences and n candidates: a bound
_CUT_ANCHOR_RELIEF = 0.5  # at most this share of the length need is waived by shared anchors

# Coordinating conjunctions that open a clause, per language (lower case, multi-word allowed).
CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "fr": ("et", "mais", "car", "or", "donc", "puis", "alors que", "tandis que"),
    "en": ("and", "but", "so", "yet", "because", "while", "whereas"),
    "de": ("und", "aber", "denn", "doch", "sondern", "während"),
    "es": ("y", "pero", "sino", "porque", "mientras que"),
    "it": ("e", "ma", "perché", "mentre"),
    "pt": ("e", "mas", "porque", "enquanto"),
    "nl": ("en", "maar", "want", "terwijl"),
}
_SENTENCE_CUT = re.compile(r"[.?!…]+[\"'”’»)\]]*(?=\s)")
_STRONG_CUT = re.compile(r"[;:](?=\s)|\s[-–—\u00ad](?=\s)")
_COMMA_CUT = re.compile(r",(?=\s)")


# Subject pronouns that make "et"/"and" without a comma open a clause ("et je demanderais",
# "and we"), not join two nouns ("le texte et le contenu").
_SUBJECTS: dict[str, tuple[str, ...]] = {
    "fr": ("je", "j'", "tu", "il", "ils", "elle", "elles", "on", "nous", "vous", "c'", "ce",
           "cela", "ceci", "ça"),
    "en": ("i", "we", "he", "she", "it", "they", "you", "this", "that", "there"),
    "de": ("ich", "wir", "er", "sie", "es", "man", "das"),
    "nl": ("ik", "wij", "we", "hij", "zij", "ze", "het", "dat"),
}
# A period after these is an abbreviation or an initial, not a sentence end: "M.", "MM.",
# "Mme.", "Dr.", "p.", "n." (a capital and up to three letters, or one or two small ones).
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|MM|[a-z]{1,2})\.$")


@lru_cache(maxsize=32)
def _conjunction_pattern(lang: str) -> re.Pattern[str] | None:
    words = CONJUNCTIONS.get(primary(lang))
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    subjects = "|".join(re.escape(w) if w.endswith("'") else re.escape(w) + r"\b"
                        for w in _SUBJECTS.get(primary(lang), ()))
    # the white space before the conjunction; group 1 is the comma, if any, and group 2
    # the subject pronoun after the conjunction, if any
    return re.compile(r"(,)?\s+(?=(?:" + alternatives + r")\s+(" + (subjects or "(?!)")
                      + r")?)", re.IGNORECASE)


def _cut_candidates(target: str, lang: str | None) -> list[tuple[int, str]]:
    """(offset, kind) of every place ``target`` may be cut, one kind per offset (the surest).

    No cut inside brackets: "(dans ce cas, ...)" stays with its sentence.
    """
    found: dict[int, str] = {}

    def add(offset: int, kind: str) -> None:
        old = found.get(offset)
        if old is None or _CUT_KINDS.index(kind) < _CUT_KINDS.index(old):
            found[offset] = kind

    for m in _SENTENCE_CUT.finditer(target):
        if not _ABBREVIATION.search(target, max(0, m.start() - 6), m.start() + 1):
            add(m.end(), "sentence")
    for m in _STRONG_CUT.finditer(target):
        add(m.end() if target[m.start()] in ";:" else m.start(), "strong")
    conj = _conjunction_pattern(lang) if lang else None
    if conj is not None:
        for m in conj.finditer(target):
            if m.group(1):
                add(m.start() + 1, "conj")
            elif m.group(2):
                add(m.start(), "conj")  # "et je", "and we": a clause without a comma
            else:
                add(m.start(), "bare")
    for m in _COMMA_CUT.finditer(target):
        add(m.end(), "comma")
    if "(" in target or "[" in target:
        depth = 0
        inside = []
        for ch in target:
            inside.append(depth > 0)
            depth = max(0, depth + (ch in "([") - (ch in ")]"))
        inside.append(depth > 0)
        found = {o: k for o, k in found.items() if not inside[o] or not inside[max(0, o - 1)]}
    return sorted(found.items())


def cut_target(sources: Sequence[str], target: str, *, ratio: float = 1.0,
               glossary: Glossary | None = None, lang: str | None = None,
               ) -> list[tuple[str, float]] | None:
    """Cut ``target``, the translation of the sentences ``sources``, into one piece each.

    The pieces are found by dynamic programming over the clause boundaries of ``target``
    (sentence ends, ";", ":", dashes, commas, and the coordinating conjunctions of ``lang``,
    the target language), each piece scored by the Gale-Church probability of its length
    against its source sentence and by the anchors they share. Returns ``(piece, score)``
    per source sentence, or ``None`` when no cut fits every sentence with confidence: each
    piece must have a plausible length for the kind of boundary it was cut at, and the
    anchors must not say that neighbouring pieces belong the other way round.
    """
    k = len(sources)
    if k == 1:
        keys = _features(sources[0], glossary, False)
        p = _length_cost(len(sources[0]), len(target), ratio)[1]
        return [(target, _score(p, keys, _features(target, glossary, True)))]
    cands = [(0, "sentence"), *_cut_candidates(target, lang), (len(target), "sentence")]
    n = len(cands)
    if n - 2 < k - 1 or k * n * n > _CUT_WORK:
        return None  # no room for the cuts, or a text too long to be one bead
    src_keys = [_features(s, glossary, False) for s in sources]
    src_len = [len(s) for s in sources]
    piece_cache: dict[tuple[int, int], tuple[str, frozenset[str]]] = {}

    def piece(a: int, b: int) -> tuple[str, frozenset[str]]:
        got = piece_cache.get((a, b))
        if got is None:
            text = target[cands[a][0]:cands[b][0]].strip()
            got = piece_cache[(a, b)] = (text, _features(text, glossary, True))
        return got

    def gain(i: int, a: int, b: int) -> float:
        text, keys = piece(a, b)
        if not text:
            return -math.inf
        cost, p = _length_cost(src_len[i], len(text), ratio)
        size = len(src_keys[i]) + len(keys)
        dice = 2.0 * len(src_keys[i] & keys) / size if size else 0.0
        # the weaker of the piece's two boundaries sets the length fit it needs; shared
        # anchors (names, numbers, cognates) vouch for a piece and lower that need
        need = max(_CUT_LENGTH[cands[a][1]] if a else 0.0,
                   _CUT_LENGTH[cands[b][1]] if b != n - 1 else 0.0)
        if p < need * (1.0 - min(dice, _CUT_ANCHOR_RELIEF)):
            return -math.inf
        return -cost + _CUT_ANCHOR_WEIGHT * dice - _CUT_PRICE[cands[b][1]]

    # best[i][b]: best score of cutting sources[:i+1] into pieces ending at candidate b
    neg = -math.inf
    best = [[neg] * n for _ in range(k)]
    back = [[0] * n for _ in range(k)]
    for b in range(1, n - k + 1):
        best[0][b] = gain(0, 0, b)
    for i in range(1, k):
        last = n - 1 if i == k - 1 else n - k + i
        for b in range(i + 1, last + 1):
            if i == k - 1 and b != n - 1:
                continue
            top, arg = neg, 0
            for a in range(i, b):
                if best[i - 1][a] == neg:
                    continue
                v = best[i - 1][a] + gain(i, a, b)
                if v > top:
                    top, arg = v, a
            best[i][b], back[i][b] = top, arg
    if best[k - 1][n - 1] == neg:
        return None
    ends = [n - 1]
    for i in range(k - 1, 0, -1):
        ends.append(back[i][ends[-1]])
    ends.reverse()
    starts = [0, *ends[:-1]]
    out: list[tuple[str, float]] = []
    pieces = [piece(a, b) for a, b in zip(starts, ends, strict=True)]
    for i, (text, keys) in enumerate(pieces):
        if i and (len(src_keys[i - 1] & keys) > len(src_keys[i - 1] & pieces[i - 1][1])
                  or len(src_keys[i] & pieces[i - 1][1]) > len(src_keys[i] & keys)):
            return None  # the anchors say these two pieces belong the other way round
        p = _length_cost(src_len[i], len(text), ratio)[1]
        out.append((text, _score(p, src_keys[i], keys)))
    return out


def _score(p_len: float, s_keys: frozenset[str], t_keys: frozenset[str]) -> float:
    size = len(s_keys) + len(t_keys)
    dice = 2.0 * len(s_keys & t_keys) / size if size else p_len
    return round((p_len + dice) / 2.0, 4)
