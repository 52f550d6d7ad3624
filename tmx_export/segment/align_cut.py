"""Cutting the target of a many-to-one bead: one piece per source sentence.

Where a translator joins sentences into one, the join is nearly always a clause boundary;
the pieces are found by dynamic programming over those boundaries, scored by the length
model and the anchors of :mod:`.align_model` and :mod:`.align_features`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .._lazy import lazy_pattern
from ..lang import primary
from .align_features import Glossary, _features, text_length
from .align_model import _length_cost
from .rules import abbreviation_before

__all__ = ["CONJUNCTIONS", "cut_target", "piece_fit"]

# Where a translator joins sentences into one, the join is nearly always a clause boundary:
# "... une information : un attentat ...", "... espagnole ; la présidence ...", "...
# régionale, mais cette fois ...", "... injustifiée et je demanderais ...". The candidates,
# from the surest to the least sure:
#   sentence  ". ", "? ", "! " whatever follows (a sentence end the segmenter kept, e.g.
#             before a lower-case word, or the boundary inside a 2-2 bead)
#   strong    ";", ":" or a dash between spaces
#   conj      a comma then a coordinating conjunction (", et", ", mais", ", and", ", but")
#   comma     any other comma
# A weaker kind pays a higher price and needs a better length fit to be taken at all.
# A conjunction with neither a comma before it nor a subject after it ("The Trade and
# Development Committee", "le texte et le contenu") mostly joins two words, not two
# clauses: cutting there pairs a fragment ("The Trade") with a whole sentence, so it is
# never a candidate (the bead then stays one unit).
_CUT_KINDS = ("sentence", "strong", "conj", "comma")
_CUT_PRICE = {"sentence": 0.0, "strong": 1.0, "conj": 2.0, "comma": 3.0}
_CUT_LENGTH = {"sentence": 0.05, "strong": 0.1, "conj": 0.25, "comma": 0.4}
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
_SENTENCE_CUT = lazy_pattern(r"[.?!…]+[\"'”’»)\]]*(?=\s)")
_STRONG_CUT = lazy_pattern(r"[;:](?=\s)|\s[-–—\u00ad](?=\s)")
_COMMA_CUT = lazy_pattern(r",(?=\s)")


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
_ABBREVIATION = lazy_pattern(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|MM|[a-z]{1,2})\.$")


@lru_cache(maxsize=32)
def _conjunction_pattern(lang: str) -> re.Pattern[str] | None:
    words = CONJUNCTIONS.get(primary(lang))
    if not words:
        return None
    # each word composed and decomposed (NFD: "perche\u0301"), as a text may write it:
    # the places a translation may be cut are the same in either form
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _both_forms(words))
    subjects = "|".join(re.escape(w) if w.endswith("'") else re.escape(w) + r"\b"
                        for w in _both_forms(_SUBJECTS.get(primary(lang), ())))
    # the white space before the conjunction; group 1 is the comma, if any, and group 2
    # the subject pronoun after the conjunction, if any
    return re.compile(r"(,)?\s+(?=(?:" + alternatives + r")\s+(" + (subjects or "(?!)")
                      + r")?)", re.IGNORECASE)


def _both_forms(words: tuple[str, ...]) -> list[str]:
    """``words``, each followed by its decomposed form (NFD) when that differs."""
    out = []
    for word in words:
        out.append(word)
        if (decomposed := unicodedata.normalize("NFD", word)) != word:
            out.append(decomposed)
    return out


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
        if _ABBREVIATION.search(target, max(0, m.start() - 6), m.start() + 1):
            continue
        if lang and m.group() == "." and abbreviation_before(target, m.end(), lang):
            # the language's own abbreviations: cut after "MSC/Okr." the piece ends with
            # it and the next one opens with its number ("1120")
            continue
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
        # (lengths as the aligner counts them, combining marks not counted: the pieces
        # are cut from ``target`` as written, so its offsets are those of ``len``)
        p = _length_cost(text_length(sources[0]), text_length(target), ratio)[1]
        return [(target, _score(p, keys, _features(target, glossary, True)))]
    cands = [(0, "sentence"), *_cut_candidates(target, lang), (len(target), "sentence")]
    n = len(cands)
    if n - 2 < k - 1 or k * n * n > _CUT_WORK:
        return None  # no room for the cuts, or a text too long to be one bead
    src_keys = [_features(s, glossary, False) for s in sources]
    src_len = [text_length(s) for s in sources]
    piece_cache: dict[tuple[int, int], tuple[str, frozenset[str], int]] = {}

    def piece(a: int, b: int) -> tuple[str, frozenset[str], int]:
        got = piece_cache.get((a, b))
        if got is None:
            text = target[cands[a][0]:cands[b][0]].strip()
            got = piece_cache[(a, b)] = (text, _features(text, glossary, True),
                                         text_length(text))
        return got

    def gain(i: int, a: int, b: int) -> float:
        text, keys, size_t = piece(a, b)
        if not text:
            return -math.inf
        cost, p = _length_cost(src_len[i], size_t, ratio)
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
    for i, (text, keys, size_t) in enumerate(pieces):
        if i and (len(src_keys[i - 1] & keys) > len(src_keys[i - 1] & pieces[i - 1][1])
                  or len(src_keys[i] & pieces[i - 1][1]) > len(src_keys[i] & keys)):
            return None  # the anchors say these two pieces belong the other way round
        p = _length_cost(src_len[i], size_t, ratio)[1]
        out.append((text, _score(p, src_keys[i], keys)))
    return out


def piece_fit(source: str, piece: str, *, ratio: float = 1.0,
              glossary: Glossary | None = None) -> float:
    """How well ``piece`` fits ``source`` as its translation, as :func:`cut_target` weighs a
    piece (without the price of its boundaries): the log-probability of the two lengths plus
    the anchors' bonus. Higher is better."""
    src_keys, keys = _features(source, glossary, False), _features(piece, glossary, True)
    size = len(src_keys) + len(keys)
    dice = 2.0 * len(src_keys & keys) / size if size else 0.0
    return (-_length_cost(text_length(source), text_length(piece), ratio)[0]
            + _CUT_ANCHOR_WEIGHT * dice)


def _score(p_len: float, s_keys: frozenset[str], t_keys: frozenset[str]) -> float:
    size = len(s_keys) + len(t_keys)
    dice = 2.0 * len(s_keys & t_keys) / size if size else p_len
    return round((p_len + dice) / 2.0, 4)
