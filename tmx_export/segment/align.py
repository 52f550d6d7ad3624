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

The dynamic programme only visits cells near the diagonal (a band), so long inputs such
as a whole book stay fast; a paragraph pair is small enough to be searched in full.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import primary

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
    default it grows with the input, so paragraph pairs are searched in full and a book
    in a band of a few dozen sentences.
    """
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return ([Bead(i, i + 1, 0, 0, 0.0) for i in range(n)]
                + [Bead(n, n, j, j + 1, 0.0) for j in range(m)])
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
