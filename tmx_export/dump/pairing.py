"""Pair: find the paragraph pairs in a repaired stream.

A dump's stream is a sequence of pairs, each "side A then side B", where A and B are the
two languages in a fixed order (not necessarily source first). Two switches must be found:

* A -> B, inside a pair: anywhere between two words; in numbered dumps only at a paragraph
  number ("34. invite ..."), preferably the number the pair started with;
* B -> A, the start of the next pair: only at the start of an input line that is not a
  fold continuation; in numbered dumps only where that line starts with a number.

Both are found together by a two-state Viterbi search over the words, scored by the word
language scores of :mod:`tmx_export.lang`, with a cost per switch. Numbers inside the
text ("in 1997.", "Article 5.") never start a side unless the language changes there.
Then each pair is checked (both sides present, numbers agree, no third language) and
either kept or rejected with a reason.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .._lazy import lazy_pattern
from ..lang import (
    CAPITALS_WEIGHT,
    MAX_WORD_SCORE,
    WORD_RE,
    close_languages,
    primary,
    text_lean,
    third_language,
    word_list_languages,
    word_scores,
)
from ..model import Pair, Reject
from .repair import Stream, trailing_word, wordfreq_best

if TYPE_CHECKING:
    import numpy as np

# Paragraph numbers: digits (any number of them) and a full stop ("34."), alone before a space.
NUMBER_RE = lazy_pattern(r"(\d+)\.(?=\s|$)")
LEADING_NUMBER_RE = lazy_pattern(r"\s*(\d+)\.(?:\s+|$)")  # used with .match()

NUMBER_MATCH_BONUS = 3.0  # A -> B at the number the pair started with; N+1 after N
OUT_OF_SEQUENCE_COST = 2.0  # a pair starting at a number that does not follow the last
NUMBER_OTHER_COST = 5.0  # A -> B at another number
NEG = float("-inf")


@dataclass(slots=True)
class _Token:
    start: int
    score: float  # > 0 means language A
    number: int | None  # a paragraph-number candidate "34."
    line_start: int | None = None  # offset of the line start this token opens, if any


def _pair_line_starts(stream: Stream) -> set[int]:
    """Offsets of the lines where a pair may start: every line but fold continuations."""
    return {s for s, folded in zip(stream.line_starts, stream.folded, strict=True)
            if not folded}


def _number_tokens(text: str, starts: set[int]) -> list[_Token]:
    """Paragraph-number candidates: "34." standing alone, after whitespace or where a
    line starts. Scores are left at zero for the caller to fill."""
    found: dict[int, int] = {}
    for m in NUMBER_RE.finditer(text):
        p = m.start()
        if p == 0 or text[p - 1].isspace() or p in starts:
            found[p] = int(m.group(1))
    # A line joined to digits before it ("PE 123.456" + "81. The...") hides the line's
    # own number inside a longer match ("45681."): look at every line start too.
    for p in starts:
        if p not in found:
            m = NUMBER_RE.match(text, p)
            if m:
                found[p] = int(m.group(1))
    for p in _cut_number_pieces(text, found, starts):
        del found[p]
    return [_Token(p, 0.0, number) for p, number in sorted(found.items())]


def _cut_number_pieces(text: str, found: dict[int, int], starts: set[int]) -> list[int]:
    """The line starts in ``found`` that are the end of a paragraph number cut at the line
    break ("only) 2" | "8. Radeaux", joined as "28."): the whole number is a candidate too,
    and it is the one before it or the next in sequence, the piece neither. Left in, the
    piece "8." paired with "27." sent pairs 27 and 28 to the rejects."""
    pieces = []
    ordered = sorted(found)
    for i, p in enumerate(ordered):
        if p not in starts or not text[p - 1:p].isdigit():
            continue
        whole = p - 1
        while whole > 0 and text[whole - 1].isdigit():
            whole -= 1
        if i < 2 or ordered[i - 1] != whole:
            continue
        before = found[ordered[i - 2]]  # the number the whole one follows
        expected = (before, before + 1)
        if found[whole] in expected and found[p] not in expected:
            pieces.append(p)
    return pieces


def _word_tokens(stream: Stream, first: str, second: str, candidates: list[_Token]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Unnumbered dumps: the start offset and score (> 0 for ``first``) of every word and
    paragraph-number candidate (``candidates``, of :func:`_number_tokens`; scored 0), in
    order, as two arrays: a file has a token every six characters, too many to hold as
    objects."""
    import numpy as np

    text = stream.text
    numbers = np.fromiter((t.start for t in candidates), dtype=np.int64)
    score = word_scores(first, second, unlisted=True).__getitem__
    lower_i = _lower_i_score(first, second)
    suffix_lean = ((first in INFLECTED_ACRONYMS) - (second in INFLECTED_ACRONYMS)) * SUFFIX_LEAN
    starts, scores = [], []
    for offset, block in _text_blocks(text):  # arrays a block at a time: no list of them all
        # the words at C speed, then their starts (no list of match objects)
        words = WORD_RE.findall(block)
        at = np.fromiter(map(re.Match.start, WORD_RE.finditer(block)), dtype=np.int64,
                         count=len(words))
        starts.append(at + offset)
        values = np.fromiter(map(score, words), dtype=np.float64, count=len(words))
        _score_heading_words(words, values, score)
        if lower_i is not None:
            _score_lower_i(block, at, values, lower_i)
        _score_quoted_letters(block, at, values)
        _score_name_neighbours(block, words, at, values)
        if suffix_lean:
            _score_acronym_suffixes(block, at, values, suffix_lean)
        scores.append(values)
    pos = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)
    values = np.concatenate(scores) if scores else np.zeros(0)
    del starts, scores
    # the numbers merged in at their places (numbers start with digits, words never do: no
    # two tokens start at one offset), without sorting every token again
    at = np.searchsorted(pos, numbers)
    return np.insert(pos, at, numbers), np.insert(values, at, 0.0)


# Languages that inflect an acronym with a case ending after a hyphen ("SGP-a", "EU-a",
# "SAD-a" in Croatian, "EU-ja" in Slovene, "ONZ-u" in Polish, "EU-ban" in Hungarian,
# "EL-i" in Estonian): such an ending is evidence of them, where the word lists read the
# ending "a" as the English article.
INFLECTED_ACRONYMS = frozenset({"hr", "sr", "bs", "sl", "pl", "hu", "et"})
SUFFIX_LEAN = 2.0
_ACRONYM_SUFFIX_RE = lazy_pattern(r"(?<![\w-])([^\W\d_]{2,6})-([^\W\d_]{1,3})(?![\w-])")


def _score_acronym_suffixes(block: str, at: np.ndarray, values: np.ndarray,
                            lean: float) -> None:
    """Score the case ending of an inflected acronym (:data:`INFLECTED_ACRONYMS`) ``lean``."""
    import numpy as np

    for m in _ACRONYM_SUFFIX_RE.finditer(block):
        if m.group(1).isupper() and m.group(2).islower():
            i = int(np.searchsorted(at, m.start(2)))
            if i < len(at) and at[i] == m.start(2):
                values[i] = lean


def _lower_i_score(first: str, second: str) -> float | None:
    """The score of a lower-case "i" standing alone, when one language is English and the
    other writes "i" as a word of its own ("and" in Polish, Croatian, Czech; "the" in
    Italian): English writes its pronoun "I", so "... Konvencije, i | the Agreement" ends
    side A. ``None`` when that does not apply. (Word scores do not see case: wordfreq
    lists words in lower case, where "i" is among English's most frequent.)"""
    if "en" not in (first, second):
        return None
    from .. import frequencies

    other = second if first == "en" else first
    if frequencies.zipf("i", other) < 6.0:  # French, German...: Roman numbers, names
        return None
    return -MAX_WORD_SCORE if first == "en" else MAX_WORD_SCORE


_LOWER_I_RE = lazy_pattern(r"(?<![^\W\d_])i(?![^\W\d_]|\.)")  # not "i.e.", which is English


def _score_lower_i(block: str, starts: np.ndarray, values: np.ndarray, lower_i: float
                   ) -> None:
    """Gives the words "i" of ``block`` (words starting at ``starts``) the score
    ``lower_i``."""
    import numpy as np

    at = np.fromiter((m.start() for m in _LOWER_I_RE.finditer(block)), dtype=np.int64)
    index = np.searchsorted(starts, at)
    values[index[index < len(starts)]] = lower_i


# One letter between quotes or brackets is a label, not a word: "type ’A’", "«A»", "(b)".
# Scored as the word it spells, "A" leans to French ("a", has) or English, and takes the
# split with it ("Trennflächen vom Typ | ’A’, cloisonnements de type «A»").
_QUOTED_LETTER = r"[(\[«“‘„‚”»’\"'][^\W\d_][)\]«“‘„‚”»’\"']"
_QUOTED_LETTER_RE = lazy_pattern(_QUOTED_LETTER)


def _score_quoted_letters(block: str, starts: np.ndarray, values: np.ndarray) -> None:
    """Scores nothing for the letters of ``block`` (words starting at ``starts``) that
    stand alone between quotes or brackets."""
    import numpy as np

    at = np.fromiter((m.start() + 1 for m in _QUOTED_LETTER_RE.finditer(block)),
                     dtype=np.int64)
    index = np.searchsorted(starts, at)
    index = index[index < len(starts)]
    values[index[starts[index] == at[:len(index)]]] = 0.0


def _score_name_neighbours(block: str, words: list[str], starts: np.ndarray,
                           values: np.ndarray) -> None:
    """Scores nothing for a capitalised word that leans little and stands next to a name
    no word list holds: it is part of the name ("Bogolo Joy Kenewendo": "Joy" leaned to
    English and took side B's start with it)."""
    import numpy as np

    last = len(words) - 1
    for i in np.flatnonzero(values == 0.0).tolist():
        word = words[i]
        if len(word) < 2 or not word[0].isupper() or word.isupper():
            continue  # a name is written Title-case; acronyms are scored 0 as codes
        for j in (i - 1, i + 1):
            if not 0 <= j <= last or values[j] == 0.0 or abs(values[j]) >= NAME_LEAN:
                continue
            left, right = min(i, j), max(i, j)
            if words[j][0].isupper() and block[
                    int(starts[left]) + len(words[left]):int(starts[right])] == " ":
                values[j] = 0.0


HEADING_WORD_MIN = 5  # letters of a word in capitals that makes its neighbours a heading


def _score_heading_words(words: list[str], values: np.ndarray,
                         score: Callable[[str], float]) -> None:
    """Short words in capitals score nothing, as acronyms ("EU", "IMO"), except inside a
    heading, next to a longer word in capitals: there "DER", "IL" and "Y" are the words
    they spell ("THE JOINT COMMITTEE, | DER GEMISCHTE AUSSCHUSS"), counted as capitals."""
    import numpy as np

    last = len(words) - 1
    for i in np.flatnonzero(values == 0.0).tolist():
        word = words[i]
        if not word.isupper() or len(word) >= HEADING_WORD_MIN:
            continue
        if (i > 0 and _long_capitals(words[i - 1])) or (i < last
                                                        and _long_capitals(words[i + 1])):
            values[i] = score(word.lower()) * CAPITALS_WEIGHT


def _long_capitals(word: str) -> bool:
    return len(word) >= HEADING_WORD_MIN and word.isupper()


def _text_blocks(text: str, size: int = 1 << 18) -> Iterator[tuple[int, str]]:
    """``text`` in blocks of about ``size`` characters, each ending at white space (so no
    word is cut), with the offset of each: the words of one block at a time."""
    start = 0
    while start < len(text):
        cut = text.find(" ", start + size)
        end = len(text) if cut < 0 else cut
        yield start, text[start:end]
        start = end


def _numbered_tokens(text: str, starts: set[int], tokens: list[_Token], first: str,
                     second: str) -> list[_Token]:
    """Numbered dumps need only the number candidates (``tokens``, of :func:`_number_tokens`
    with the line ``starts``, filled in here), each carrying the summed scores of the words
    up to the next: sides can only switch there, so the search is exact and far shorter
    than over every word."""
    # A line start counts for a number only when nothing but a short lead-in precedes it.
    for tok in tokens:
        for s in range(tok.start, max(-1, tok.start - 4), -1):
            if s in starts and not any(ch.isalnum() for ch in text[s:tok.start]):
                tok.line_start = s
                break
    bounds = [t.start for t in tokens]
    if not tokens:
        return tokens
    # Words hold no digits, so none straddles a number's start: each token scores the
    # words between its start and the next token's (the first also those before it).
    score = word_scores(first, second).__getitem__
    ends = bounds[1:] + [len(text)]
    for tok, start, end in zip(tokens, [0] + bounds[1:], ends, strict=True):
        tok.score = sum(map(score, WORD_RE.findall(text, start, end)))
    return tokens


def _viterbi(tokens: list[_Token], sign: float = 1.0) -> tuple[float, list[int]]:
    """Numbered dumps: best state sequence (0 = side A, 1 = side B) over ``tokens``, their
    scores taken with ``sign`` (-1 for the other language order: no second list of tokens).

    Side B may only start at a paragraph number, preferably the pair's own; a pair may
    only start at a numbered line start, preferably the next number in sequence. Each
    state remembers the number its best path's pair started with.
    """
    n = len(tokens)
    if n == 0:
        return 0.0, []
    back: list[tuple[int, int]] = []
    a, b = sign * tokens[0].score, NEG
    no_a = no_b = tokens[0].number
    for t in range(1, n):
        tok = tokens[t]
        start_a = switch_b = NEG
        if tok.number is not None:
            if tok.line_start is not None and b > NEG:
                in_sequence = no_b is not None and tok.number == no_b + 1
                start_a = b + (NUMBER_MATCH_BONUS if in_sequence else -OUT_OF_SEQUENCE_COST)
            switch_b = a + (NUMBER_MATCH_BONUS if tok.number == no_a else -NUMBER_OTHER_COST)
        from_a = 0 if a >= start_a else 1
        # On a tie ("points 16 and 17. 17. Il est..."), the later number starts side B.
        from_b = 1 if b > switch_b else 0
        new_no_a = tok.number if from_a else no_a
        # side B remembers the number it opened with: the next pair follows it, also
        # when side A ran on from an untranslated paragraph ("1059. EN 1059. EN 1060. EN"
        # | "1060. FR": 1061 comes next, not 1060)
        new_no_b = no_b if from_b else tok.number
        score = sign * tok.score
        a, b = max(a, start_a) + score, max(b, switch_b) - score
        no_a, no_b = new_no_a, new_no_b
        back.append((from_a, from_b))
    state = 0 if a >= b else 1
    best = max(a, b)
    states = [state]
    for t in range(n - 2, -1, -1):
        state = back[t][state]
        states.append(state)
    states.reverse()
    return best, states


# Words a paragraph does not end on (articles, prepositions, conjunctions, titles).
_NEVER_LAST = frozenset(
    "the a an of to in and or for with by on at from "
    "le la les l de du des d à au aux et ou en un une pour par sur dans qu que "
    "mr mrs ms dr monsieur madame messieurs mesdames mme mmes mlle".split()
)
# The articles among them: a segment may end with a preposition where DGT-TM cut a
# sentence ("... pour le passage de" / "electric cable transits."), never with an article.
_ARTICLES = frozenset("the a an le la les l un une des du au aux".split())
# Words of _NEVER_LAST that do end clauses in a language of the pair: the conjunction "a"
# ends an item of a list in Czech, Slovak, Polish and Croatian ("(dále jen „dohoda z roku
# 1995“) a"), as does Slovene "in"; "to" (it, this) and "on" (he) end sentences there, as
# German "an" does ("kommt ... an").
_MAY_END = {"cs": {"a", "to", "on"}, "sk": {"a", "to", "on"}, "pl": {"a", "to", "on"},
            "hr": {"a", "to", "on"}, "sl": {"a", "to", "on", "in"}, "de": {"an"}}


_CODE_START_RE = lazy_pattern(r"[(\[]*[A-Z]+[\d(/-]")


def _last_word(text: str, end: int) -> str:
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, end - 40):end])
    return m.group(1) if m else ""


# Abbreviations whose full stop ends no paragraph: titles before a name ("M. Koch"),
# references ("Art. 5", "p. 3") and an initial.
_TITLES = (r"(?:[A-Z]|Mr|Mrs|Ms|Mme|Mmes|Mlle|MM|Dr|Prof|St|No|Nos|n°|Art|art|p|pp|cf|"
           r"e\.g|i\.e|vs)\.")
_ABBREVIATION_END_RE = lazy_pattern(r"(?:^|[\s(])" + _TITLES + "$")
_SPLIT_PUNCT = frozenset(".!?:;)]\"»”…")
# Finnish and Swedish open a quote with ” (and close it so), Danish and German with »
_OPENERS = "([«“‘„‚”»’\"'¿¡"


# A pair opening otherwise than with a capital: a list item or a clause of a legal text
# ("the United Nations Convention ...;", "visant à prévenir ..."), or a date ("10 December
# 1982 ..."). Such a line start is far more often a line cut inside a side, so it opens a
# pair only when the languages clearly switch there.
LOWER_START_COST = 3.0
# log10 odds of a join at a line break below which the two lines end and begin two words
# (repair.join_evidence: "aérien|of", "2017|of"), where a pair may start lower case.
TWO_WORDS_ODDS = -2.0


_DASH_LEAD_RE = lazy_pattern("[\u2013\u2014-] ")


def _pair_start_candidates(stream: Stream) -> tuple[list[int], list[bool], list[float]]:
    """Line starts where a pair may begin (not a fold, not opening with a space, which
    continues a line), whether each opens like a paragraph (a capital, or an opening
    bracket or quote before one) and the odds that the break before it is inside a word."""
    text = stream.text
    out, capital, join_odds = [0], [True], [0.0]
    for s, folded, odds in zip(stream.line_starts, stream.folded, stream.join_odds,
                               strict=True):
        if folded or s == 0:
            continue
        lead = text[s:s + 4].lstrip(_OPENERS)  # a line opening with a space continues
        dash = _DASH_LEAD_RE.match(text, s) is not None
        if dash:
            # a dash-led line: a resolution's citation ("– having regard to ..." / "– vu
            # ..."), an indent of a list, which opens like a paragraph whatever its case
            lead = text[s + 2:s + 6]
        if lead[:1].isalnum() or (lead[:1] in ",;" and lead != text[s:s + 4]):
            # (a quote before a comma opens the words an amendment inserts: "‘, as
            # amended by:" / "«, modifiée par:")
            out.append(s)
            capital.append(dash or lead[:1].isupper())
            join_odds.append(odds)
    return out, capital, join_odds


_OPENERS_RE = r"[(\[«“‘„‚”»’\"'¿¡]*"
_SENTENCE_END_RE = lazy_pattern(r"[.!?:;)\]\"»”…]['’\"”»]*[ \t]+" + _OPENERS_RE)
_TITLE_END_RE = lazy_pattern(r"(?:^|(?<=[\s(]))" + _TITLES + r"['’\"”»]*[ \t]+" + _OPENERS_RE)
# the apostrophe first, then the letter before it: a lookbehind at the front of a pattern is
# tried at every character of the text
_ELISION_RE = lazy_pattern(r"['’](?<=[^\W\d_]['’])(?=[^\W\d_])")
# A capital and one to three lower-case letters before a full stop, then a number or a
# code: an abbreviation in any language ("Res. A.382(X)", "Ris. MSC.74", "Art. 5",
# "Nr. 3"), where a name ending a sentence ("Mr Koch. I would") is followed by a word.
_SHORT_ABBREVIATION_RE = lazy_pattern(
    r"[A-Z](?<![\w.][A-Z])[a-z]{1,3}\.[ \t]+(?=\d|[A-Z]+[.\d(/-]|[A-Z]{2,}\b)")


@lru_cache(maxsize=64)
def _capital_label_re(never: frozenset[str]) -> re.Pattern[str] | None:
    """A capital letter alone after a word (not opening a sentence) that spells one of the
    words of ``never`` (:func:`_never_last`): a label ("ATTACHMENT A", "Annex A"), not the
    article or preposition."""
    letters = sorted(word.upper() for word in never if len(word) == 1)
    if not letters:
        return None
    # (what follows the letter as in _never_last's patterns: this cancels their prior;
    # the letter first, then what is behind it: a look-behind opening a pattern is tried
    # at every character, six times slower)
    letter = "[" + "".join(letters) + "]"
    return re.compile(letter + r"(?<=[^\W\d_][ \t\xa0]" + letter + r")[ \t]+" + _OPENERS_RE)


_LIST_ITEM_END_RE = lazy_pattern(r"[;,][ \t]+(?:and|or|et|ou)[ \t]+" + _OPENERS_RE)


@lru_cache(maxsize=64)
def _never_last(langs: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str],
                                                 re.Pattern[str]]:
    """The words of :data:`_NEVER_LAST` no language of ``langs`` ends a clause with, and
    the patterns of a split after one of them: ignoring case, and on the text in lower case
    (twice as fast; not for a text whose lower case is longer, nor with the letters that
    match "i" or "s" only ignoring case)."""
    words = _NEVER_LAST.difference(*(_MAY_END.get(lang, ()) for lang in langs))
    pattern = (r"(?<![\w'’])(?:" + "|".join(sorted(words, key=len, reverse=True))
               + r")['’]?[ \t]+" + _OPENERS_RE)
    return words, re.compile("(?i)" + pattern), re.compile(pattern)


_FOLDS_APART_RE = lazy_pattern("[İıſ]")


_INSIDE_CHUNK = frozenset("-/")  # what joins a capital to the chunk before it


@lru_cache(maxsize=1)
def _capital_start_re() -> re.Pattern[str]:
    """A word starting with a capital (``str.isupper`` on its first letter): found by one
    scan of the text rather than a test per word. Built on first use: the class lists the
    capitals of the Basic Multilingual Plane."""
    capitals = "".join(chr(c) for c in range(0x10000) if chr(c).isupper())
    # the capital first, then the letter before it: a lookbehind at the front of a
    # pattern is tried at every character
    return re.compile("[" + re.escape(capitals) + r"](?<![^\W\d_].)")


SENTENCE_END_PRIOR = 2.0  # log10 odds of side B starting after sentence punctuation


def _split_priors(text: str, pos: np.ndarray, langs: tuple[str, ...] = ()) -> np.ndarray:
    """log10 prior of side B starting at each token (word start offsets ``pos``): likelier
    after sentence punctuation and before a capital; unlikely after a title ("M. Koch"),
    an article, a preposition or an elision ("l'Union"; the words no language of
    ``langs`` ends a clause with, :func:`_never_last`). Computed by regular expressions
    over the text, not word by word: this runs over every word of a file."""
    import numpy as np  # only unnumbered dumps need it: a tenth of a second to import

    prior = np.zeros(len(pos))
    never, never_any_case, never_lower = _never_last(langs)

    def at(pattern: re.Pattern[str], value: float, scanned: str = text) -> None:
        ends = np.fromiter((m.end() for m in pattern.finditer(scanned)), dtype=np.int64)
        idx = np.searchsorted(pos, ends)
        ok = idx < len(pos)
        idx, ends = idx[ok], ends[ok]
        prior[idx[pos[idx] == ends]] += value

    at(_SENTENCE_END_RE, SENTENCE_END_PRIOR)
    at(_TITLE_END_RE, -3.0)  # cancels the full stop's +2: "M. Koch" is one name
    at(_ELISION_RE, -3.0)
    lower = text.lower()
    if len(lower) == len(text) and not _FOLDS_APART_RE.search(text):
        at(never_lower, -3.0, lower)
    else:
        at(never_any_case, -3.0)
    del lower
    at(_LIST_ITEM_END_RE, 3.0)  # cancels it: "(‘the Convention’); and" ends a list item
    labels = _capital_label_re(never)
    if labels is not None:
        at(labels, 3.0)  # cancels it: "ATTACHMENT A | ANNEXE A", a label
    at(_SHORT_ABBREVIATION_RE, -2.0)  # "Res. A.382(X)", "Art. 5": not a sentence end
    # a capital joined to the chunk before it by a hyphen or a slash ("tal-OMI",
    # "MSC.1/Ċirk") cannot open side B: the cut would fall at the chunk's start, before
    # words the prior was not given for
    capitals = np.fromiter((m.start() for m in _capital_start_re().finditer(text)
                            if m.start() == 0 or text[m.start() - 1] not in _INSIDE_CHUNK),
                           dtype=np.int64)
    index = np.searchsorted(pos, capitals)  # every word start is a token
    inside = index < len(pos)
    index, capitals = index[inside], capitals[inside]
    prior[index[pos[index] == capitals]] += 1.0  # before a capital
    prior[0] = 0.0
    return prior


def _segmental(stream: Stream, tokens: tuple[np.ndarray, np.ndarray], window: int = 48,
               langs: tuple[str, ...] = ()
               ) -> list[tuple[float, float, list[tuple[int, int, int]]]]:
    """Unnumbered dumps: choose pair starts among line starts and one A -> B split inside
    each pair, maximising language agreement plus a Gale-Church length prior and a
    preference for splits after sentence punctuation or before a capital.

    ``tokens`` are the start offsets and scores of :func:`_word_tokens`. For each language
    order (sign 1, then -1: the scores negated), returns the sign, the score and the pairs
    as (start, split, end) offsets; only the winning order has its pairs, and the other's
    score may be a bound below the winner's (:func:`.pair_search.best_order`). What does
    not depend on the order is found once.
    """
    import numpy as np

    text = stream.text
    pos, score = tokens
    if not len(pos):
        return [(sign, 0.0, [(0, len(text), len(text))]) for sign in (1.0, -1.0)]
    prior = _split_priors(text, pos, langs)
    never_last = _never_last(langs)[0]
    # Side B opens after sentence punctuation or with a capital (a heading), or where the
    # words before and after lean clearly to different languages (a clause that opens
    # lower case, "... Nordpolarmeer visant à prévenir ..."): only such tokens are tried as
    # splits, a tenth of all words.
    starts, capital, join_odds = _pair_start_candidates(stream)
    start_at = np.asarray(starts)  # converted once: the loop below indexes it per line
    tok_index = np.searchsorted(pos, np.asarray(starts + [len(text)]), side="left")
    prefix = np.concatenate(([0.0], np.cumsum(score)))  # the other order's: its negation
    turns = _language_turns(score)
    line_turns = _line_turns(prefix, tok_index, text, pos, score)
    plausible = np.flatnonzero((prior > 0) | turns | line_turns)
    window = _window(turns, score, tok_index, window)
    n = len(starts)
    # A pair usually follows a paragraph that ended with punctuation, or a heading that
    # ended with a word; never one ending on a comma or a dash: a line after
    # "(COM(1999) 158 -" is a continuation even when it opens with a capital.
    start_prior = [0.0] * (n + 1)
    unpunctuated_end = [False] * (n + 1)
    for j in range(1, n):
        before = text[max(0, starts[j] - 40):starts[j]].rstrip()[-2:]
        last = before[-1:]
        if _ABBREVIATION_END_RE.search(text[max(0, starts[j] - 8):starts[j]].rstrip()):
            start_prior[j] = -2.0  # "M. / Evans l'a suggéré"
        elif last in _SPLIT_PUNCT or last in "'’\"" and before[:1] in _SPLIT_PUNCT:
            start_prior[j] = 1.0
        elif last in ",;" and _DASH_LEAD_RE.match(text, starts[j]):
            # a list's next item: a resolution's citations end with a comma ("... FUE," /
            # "– having regard to ...")
            start_prior[j] = 1.0
        elif _OPENING_MARK_END_RE.search(text, max(0, starts[j] - 8), starts[j]):
            start_prior[j] = -np.inf  # a quotation opens: 'would speak of a «' / 'coup ...'
        elif not last.isalnum():
            start_prior[j] = -2.0
        elif ((last_word := _last_word(text, starts[j])).lower() in never_last
              and not (len(last_word) == 1 and last_word.isupper())):
            # (a capital alone is a label, not the article: "ATTACHMENT A ANNEXE A")
            start_prior[j] = -3.0
            if not capital[j] and _quoted_opening(text, starts[j]):
                # the sentence goes on over the break into a phrase it quotes ("... would
                # speak of" / 'a "coup de chapeau" : in other words', French first)
                start_prior[j] = -np.inf
            if not capital[j] and last_word.lower() in _ARTICLES:
                # an article wants its noun: the line goes on with it, however foreign
                # the words there ("... speak of a" / '"coup de chapeau" : in other
                # words, ...', "as part of the" / "acquis communautaire, as soon as")
                start_prior[j] = -np.inf
        else:
            unpunctuated_end[j] = True
        if _CODE_START_RE.match(text, starts[j]):
            start_prior[j] -= 1.5  # "[SEC(99)0066", "(C5-0208/1999": references, not prose
        if capital[j] and unpunctuated_end[j] and _cut_capitals(text, starts[j], langs):
            # a word in capitals cut inside: "THE TRADE AND DEVELOPMENT COMMITT" / "EE,
            # uwzględniając ..." opens with a capital, yet no pair starts there
            start_prior[j] = -np.inf
        if not capital[j]:
            # after a line ending inside a word or on one, most likely a cut in a word
            # ("o" / "f a ...") or a sentence going on: only after punctuation
            if (unpunctuated_end[j] and not text[starts[j] - 1].isspace()
                    and join_odds[j] > TWO_WORDS_ODDS):
                start_prior[j] = -np.inf  # repair joined the two lines in one word: "o|f"
            elif unpunctuated_end[j] and (_same_language(text, pos, score, int(tok_index[j]))
                                          or _inside_quotation(text, starts[j])
                                          or _quoted_opening(text, starts[j])):
                # a line that goes on in the language of the words before it, where no
                # pair begins ("... French speakers would speak" / 'of a "coup de
                # chapeau" : in other words', French first), or inside a quotation
                # ('... would speak of a "coup' / 'de chapeau" : in other words')
                start_prior[j] = -np.inf
            else:
                # (also where repair joined two words, "2017|of": in a file cut inside
                # words, a line break between two words without a space is where a pair
                # begins, its start written lower case: "of 27 October 2017 du ...")
                start_prior[j] -= LOWER_START_COST
    numbers = _numbers(text)
    numbers_xor, numbers_seen = _number_parity(numbers, starts, len(text))
    shared = _SegmentalParts(text, pos, prior, plausible, starts, start_at, tok_index,
                             start_prior, unpunctuated_end, window, numbers_xor,
                             numbers_seen, _opening_repeats(text, starts))
    signs = (1.0, -1.0)
    from .pair_search import Lines, best_order  # unnumbered dumps only

    lines = Lines(start_at, tok_index, start_prior, unpunctuated_end, numbers_xor,
                  numbers_seen, shared.opening_repeats, len(text), window)
    won, totals, path = best_order(prefix, signs, prior, pos, plausible, lines)
    # only the order that wins (the source-first one on a tie) has its splits refined
    if signs[won] < 0:
        prefix = -prefix
    return [(sign, total, _refined(shared, prefix, path) if r == won else [])
            for r, (sign, total) in enumerate(zip(signs, totals, strict=True))]


MAX_WINDOW = 400  # line starts a pair may span, at most (the search's cost grows with it)
RUNS = 6  # stretches between turns a pair may hold: names or quotations in the other
# language inside its sides add two each


def _window(turns: np.ndarray, score: np.ndarray, tok_index: np.ndarray, lines: int) -> int:
    """How many line starts a pair may span: ``lines``, or as many as this text's longest
    pair takes, measured between the tokens where its language turns (``turns``, of
    :func:`_language_turns`; the text's start and end count as turns). A pair longer than
    the window cannot be found: the search cuts it, pairing a side's first lines with the
    rest of that side (a 2,400-character Europarl pair in lines of 30 characters, 80
    lines, came out as "... coasts of France." -> "I shall the" and the rest with all the
    French).

    A pair is two neighbouring runs of the stretches between turns (up to :data:`RUNS`
    stretches: a quotation in the other language inside a side adds two) whose words
    lean to different languages (``score``, summed), of about the same length: measured
    as their sum, but at most three times the shorter. A text in one language, or a long
    stretch of one between short pairs, is no long pair and keeps the window small (taken
    whole, an English-only file of 14,000 lines took 44 s to refuse instead of 3); a text
    whose pairs are long gets the window they need, at a cost in time (lines x window
    weighed in the search)."""
    import numpy as np

    n = len(tok_index) - 1
    at = np.flatnonzero(turns)
    points = np.unique(np.concatenate(([0], np.searchsorted(tok_index, at, side="right"),
                                       [n])))
    gaps = np.diff(points)
    if len(gaps) < 2:
        return lines
    total = np.concatenate(([0], np.cumsum(gaps)))
    # the running word score at each stretch's start: a run's lean is a difference
    lean = np.concatenate(([0.0], np.cumsum(score)))[tok_index[points]]
    longest = 0
    for width in range(2, min(RUNS, len(gaps)) + 1):
        first = np.arange(len(gaps) - width + 1)
        for cut in range(1, width):
            side_a = total[first + cut] - total[first]
            side_b = total[first + width] - total[first + cut]
            apart = ((lean[first + cut] - lean[first])
                     * (lean[first + width] - lean[first + cut])) < 0
            if apart.any():
                pair = np.minimum(side_a + side_b, 3 * np.minimum(side_a, side_b))[apart]
                longest = max(longest, int(pair.max()))
    return max(lines, min(longest + 2, MAX_WINDOW))


TURN_WORDS = 3  # words looked at on each side of a possible change of language
TURN_LEAN = 2.0  # the summed word scores each side must reach, in opposite directions


def _language_turns(score: np.ndarray) -> np.ndarray:
    """Where the language changes: the ``TURN_WORDS`` words before a token lean one way
    and the token and those after it the other, each by ``TURN_LEAN`` or more."""
    import numpy as np

    n = len(score)
    prefix = np.concatenate(([0.0], np.cumsum(score)))
    # by slices, not index arrays: a file has millions of words
    shift = min(TURN_WORDS, n)
    before = prefix[:n].copy()  # the words i-TURN_WORDS .. i-1 (fewer at the start)
    before[shift:] -= prefix[:n - shift]
    after = -prefix[:n]  # the words i .. i+TURN_WORDS-1 (fewer at the end)
    after[:n - shift] += prefix[shift:n]
    after[n - shift:] += prefix[n]
    del prefix
    turns = (before * after) < 0
    turns &= np.abs(before) >= TURN_LEAN
    turns &= np.abs(after) >= TURN_LEAN
    return turns


_CUT_WORD_ZIPF = 3.0  # the joined word at least this frequent in a language of the pair...
_CUT_PIECE_ZIPF = 2.0  # ... and the piece before the break a word this frequent in none


def _cut_capitals(text: str, start: int, langs: tuple[str, ...]) -> bool:
    """Whether the line starting at ``start`` goes on a word in capitals that the line
    before cut: the two pieces make a frequent word and the first is none ("COMMITT" / "EE";
    the second may be, as "ee" is in the lists)."""
    if not langs or not text[start - 1:start].isalpha():
        return False
    left = trailing_word(text[max(0, start - 40):start])
    right = WORD_RE.match(text, start)
    if left is None or right is None or not (left.group(0).isupper()
                                             and right.group(0).isupper()):
        return False
    lf, rf = left.group(0).lower(), right.group(0).lower()
    return (wordfreq_best(lf, langs) < _CUT_PIECE_ZIPF
            and wordfreq_best(lf + rf, langs) >= _CUT_WORD_ZIPF)


# A word leaning this far (a word score, clipped to +-3) to one language opens no pair
# after a word that leans as far the same way.
SAME_LANGUAGE_LEAN = 2.0


def _same_language(text: str, pos: np.ndarray, score: np.ndarray, at: int) -> bool:
    """Whether the word at token ``at`` (at ``pos[at]`` in ``text``) and the word before it
    lean clearly to the same language: no pair begins there, as the previous pair's last
    side is in the other language than the new pair's first. (Words of two letters or
    more: a letter alone is a label as often, "c = the contribution of ...", that leans by
    chance; the one word before: a pair of short headings, "Toiminta Funktion" / "5
    artikla Artikel 5", leans both ways within three words.)"""
    if at >= len(score) or at == 0:
        return False
    word = WORD_RE.match(text, int(pos[at]))
    if word is None or len(word.group()) < 2:
        return False
    first, before = float(score[at]), float(score[at - 1])
    return first * before > 0 and min(abs(first), abs(before)) >= SAME_LANGUAGE_LEAN


# A quotation a few words long, opened before a line break and closed after it: the pair
# goes on through it (a phrase quoted in the other language, 'would speak of a "coup' /
# 'de chapeau" : in other words', French first).
_OPENS = "\"\u201c\u201e\u00ab\u2018'"  # " “ „ « ‘ '
_CLOSES = "\"\u201d\u00bb\u2019'"  # " ” » ’ '
# French sets its guillemets apart from the words: « coup de chapeau »
_QUOTE_SPACE = "[ \u00a0\u202f]?"
_QUOTE_OPEN_RE = lazy_pattern(f"(?:^|\\s)[{_OPENS}]{_QUOTE_SPACE}[^\\W\\d_]"
                            f"[^{_OPENS}{_CLOSES}\\n]{{0,40}}$")
_QUOTE_CLOSE_RE = lazy_pattern(f"[^{_OPENS}{_CLOSES}\\n]{{0,40}}[^\\W\\d_]{_QUOTE_SPACE}"
                             f"[{_CLOSES}]" r"(?=[\s,.;:!?)]|$)")


# A line opening with a quoted phrase, at most two words before it: 'a "coup de chapeau"',
# 'of a "coup de chapeau"'.
_QUOTED_OPENING_RE = lazy_pattern(f"(?:[^\\W\\d_]+[ \\t]+){{0,2}}[{_OPENS}]{_QUOTE_SPACE}"
                                f"[^\\W\\d_][^{_OPENS}{_CLOSES}\\n]{{0,40}}[^\\W\\d_]"
                                f"{_QUOTE_SPACE}[{_CLOSES}]" r"(?=[\s,.;:!?)]|$)")


# A mark that opens a quotation or a bracket, set apart from the word before it, at the end
# of a line (closing marks follow their word): the paragraph goes on after the break.
_OPENING_MARK_END_RE = lazy_pattern(f"(?:^|\\s)[{_OPENS}(\\[]\\s*$")


def _quoted_opening(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` opens with a short quotation (a few words
    quoted, at most two words before them). Opening lower case after a line that ends
    no sentence, such a line goes on with the sentence before the break: a phrase quoted
    in the other language is no paragraph side of its own, and taken for one it cut the
    sentence into two wrong pairs."""
    return bool(_QUOTED_OPENING_RE.match(text, start))


def _inside_quotation(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` opens inside a quotation: a quote that opens
    a word within 40 characters before it, not closed, and one that closes a word within 40
    characters after it."""
    return bool(_QUOTE_OPEN_RE.search(text, max(0, start - 48), start)
                and _QUOTE_CLOSE_RE.match(text, start))


def _line_turns(prefix: np.ndarray, line_tokens: np.ndarray, text: str, pos: np.ndarray,
                score: np.ndarray) -> np.ndarray:
    """:func:`_language_turns` with the words looked at kept within the line: a pair of
    one line ("of 20 March 2019 du 20 mars 2019") turns at "du", which the words of the
    pair before it ("... reconnaissance mutuelle" | "of 20 March") hid. ``prefix``: the
    running sum of the word scores; ``line_tokens``: the first token of each line where a
    pair may start, in order; ``text``, ``pos`` and ``score``: the text, its tokens' offsets
    and their scores.

    Each side must lean as far as ``TURN_LEAN``, or, in lines too short for the words
    to add up ("IEC 61162 series, série CEI 61162,": one word each side), half as far
    each and as far together, each side's lean held by a word of two letters or more
    that leans by half that itself: "... dire à M. Ribeiro i" / "Castro qui" (Europarl)
    does not turn at "Ribeiro" on the English-looking "i" at the line's end."""
    import numpy as np

    n = len(prefix) - 1
    at = np.arange(n)
    # the first token of the line holding each token, and of the next line
    line = np.searchsorted(line_tokens, at, side="right") - 1
    first = np.where(line >= 0, line_tokens[np.maximum(line, 0)], 0)
    following = np.append(line_tokens, n)[line + 1]
    low = np.maximum(at - TURN_WORDS, first)
    high = np.minimum(at + TURN_WORDS, np.minimum(following, n))
    before = prefix[at] - prefix[low]
    after = prefix[high] - prefix[at]
    lean_before, lean_after = np.abs(before), np.abs(after)
    opposite = (before * after) < 0
    turns = opposite & (lean_before >= TURN_LEAN) & (lean_after >= TURN_LEAN)
    halves = (opposite & ~turns & (lean_before >= TURN_LEAN / 2)
              & (lean_after >= TURN_LEAN / 2) & (lean_before + lean_after >= 2 * TURN_LEAN))

    def held(start: int, end: int) -> bool:
        """Whether a token of ``start`` to ``end`` is a word of two letters or more
        leaning by TURN_LEAN / 2 or more."""
        for k in range(start, end):
            if abs(score[k]) >= TURN_LEAN / 2:
                word = WORD_RE.match(text, int(pos[k]))
                if word is not None and len(word.group()) >= 2:
                    return True
        return False

    for t in np.flatnonzero(halves).tolist():
        turns[t] = held(int(low[t]), t) and held(t, int(high[t]))
    return turns


@dataclass(slots=True)
class _SegmentalParts:
    """What the search over pair starts needs besides the word scores."""

    text: str
    pos: np.ndarray
    prior: np.ndarray
    plausible: np.ndarray
    starts: list[int]
    start_at: np.ndarray
    tok_index: np.ndarray
    start_prior: list[float]
    unpunctuated_end: list[bool]
    window: int
    numbers_xor: np.ndarray  # per line start (and the end): see _number_parity
    numbers_seen: np.ndarray
    opening_repeats: np.ndarray  # per line start: see _opening_repeats


OPENING_REPEAT_REACH = 2000  # characters after a line start searched for the repeat


def _opening_repeats(text: str, starts: list[int]) -> np.ndarray:
    """For each line start, where its first ``REPEAT_MIN_CHARS`` characters occur again
    after white space within ``OPENING_REPEAT_REACH`` characters (the end of ``text`` when
    they do not). A translation that keeps a name in the original repeats it ("Department of
    Transport, Tourism and Sport (Министерство ...) | Department of Transport, ..."): a
    line whose opening recurs just after is likely to open a pair, whatever its language."""
    import numpy as np

    out = np.full(len(starts), len(text), dtype=np.int64)
    for index, start in enumerate(starts):
        opening = text[start:start + REPEAT_MIN_CHARS]
        if len(opening) < REPEAT_MIN_CHARS or "\n" in opening or not opening[0].isalpha():
            continue
        at = text.find(" " + opening, start + 1, start + OPENING_REPEAT_REACH)
        if at >= 0:
            out[index] = at + 1
    return out


_NUMBER_HASH_SEED = 20_190_315


def _number_parity(found: list[tuple[int, str]], starts: list[int], length: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """For each line start (and the end of the text, ``length``): the XOR of a random 63-bit
    code per number value ("1419", "VI") over the numbers ``found`` (offset, value) before
    it, and how many there are. A stretch between two line starts holds every number value
    an even number of times (a translation repeats its source's numbers) when the two codes
    are equal."""
    import numpy as np

    # one draw per number found, all at once (the same stream as a draw each: a value's code
    # is the draw at its first occurrence), where a call per number cost 5 us each
    draws = np.random.default_rng(_NUMBER_HASH_SEED).integers(1, 2 ** 63, size=len(found))
    codes: dict[str, int] = {}
    values = np.fromiter((codes.setdefault(v, d) for (_, v), d in zip(found, draws.tolist(),
                                                                      strict=True)),
                         dtype=np.int64, count=len(found))
    at = np.fromiter((p for p, _ in found), dtype=np.int64, count=len(found))
    running = np.concatenate(([0], np.bitwise_xor.accumulate(values))) if len(found) \
        else np.zeros(1, dtype=np.int64)
    seen = np.searchsorted(at, np.asarray(starts + [length]))
    return running[seen], seen


def _split_scores(prefix: np.ndarray, prior: np.ndarray, ks: Any, ti: Any, tj: int,
                  s_off: Any, e_off: int, cut: Any) -> np.ndarray:
    """The score of a pair from token ``ti`` (offset ``s_off``) to ``tj`` (``e_off``) split
    at tokens ``ks`` (offsets ``cut``), broadcast over the arrays given: the words' language
    agreement, the split's prior, and Gale-Church, for which the two lengths agree with a
    variance growing with length (symmetric, so it holds whichever language comes first)."""
    import numpy as np

    # lb - la = e_off + s_off - 2 cut, and la + lb = e_off - s_off whatever the split: the
    # variance is one per pair start, not one per (start, split)
    scale = np.sqrt(0.2 / (3.4 * np.abs(e_off - s_off) + 1.0))
    delta = (e_off + s_off - 2 * cut) * scale
    return (2 * prefix[ks] + prior[ks]) - (prefix[ti] + prefix[tj]) - delta * delta


def _refined(parts: _SegmentalParts, prefix: np.ndarray, path: list[tuple[int, int, int]]
             ) -> list[tuple[int, int, int]]:
    """The pairs of ``path`` as (start, split, end) offsets, each split refined."""
    starts, end = parts.starts, len(parts.text)
    out = []
    for i, j, k in path:
        e_off = starts[j] if j < len(starts) else end
        split = _refine_split(parts, prefix, i, j, k)
        split = _shared_last_word(parts.text, starts[i], split, e_off)
        split = _sentence_end_to_a(parts, prefix, split, e_off)
        split = _balanced_split(parts, prefix, i, j, split)
        split = _ending_match(parts, prefix, i, j, split)
        split = _item_opening_to_b(parts.text, starts[i], split, e_off)
        out.append((starts[i], _opening_marks_to_b(parts.text, starts[i], split), e_off))
    return out


# How far a split may move to make side A end as side B ends: the chunks on either side
# of it, and what the split's score may lose by it (a word both languages share, "som" in
# Swedish and Danish, "ime" in Slovene and Croatian, leans a few tenths either way).
ENDING_REACH = 3
ENDING_MARGIN = 2.0
ENDING_CHARS = 400  # characters either side of the split searched for its chunks


def _ending(text: str, start: int, end: int) -> tuple[str, str]:
    """How the text between ``start`` and ``end`` ends: its last mark ("," "." ")", or ""
    after a letter or a digit) and its last word in lower case."""
    tail = text[max(start, end - 60):end].rstrip()
    word = _LAST_WORD_RE.search(tail)
    return ("" if tail[-1:].isalnum() else tail[-1:]), (word.group().lower() if word else "")


def _ending_match(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                  split: int) -> int:
    """``split``, or a cut a few chunks away, scoring nearly as well, where side A ends as
    side B does: a translation ends as its source, with the same mark ("... under de
    senaste åren, | som anerkender ... i de senere år,") or, a short pair, with the same
    word ("V imenu Evropske unije | U ime Europske unije"). Words the two languages share
    lean too little to place the cut: a one-word shift reads the next clause's opener as
    side A's last word."""
    import numpy as np

    text, pos = parts.text, parts.pos
    s_off = parts.starts[i]
    e_off = parts.starts[j] if j < len(parts.starts) else len(text)
    mark, word = _ending(text, split, e_off)
    cuts = _cuts_near(text, s_off, split, e_off, pos, prefix)
    if len(cuts) < 2:
        return split
    ti, tj = int(parts.tok_index[i]), int(parts.tok_index[j])
    tokens = pos.searchsorted(cuts)
    if tokens[-1] >= len(parts.prior):
        # a cut after the file's last word (the last pair's side B a number alone, where
        # an abbreviation's full stop was taken for a sentence end: "Fő u. 44-50 Fő u. |
        # 44-50."): no word after it to weigh, and scoring it read past the arrays
        return split
    vals = _split_scores(prefix, parts.prior, tokens, ti, tj, s_off, e_off, np.asarray(cuts))
    # what the prior counted for an abbreviation's full stop ("rez.") as a sentence end
    vals -= SENTENCE_END_PRIOR * np.asarray([_after_abbreviation(text, s_off, c)
                                             for c in cuts])
    here = vals[cuts.index(split)]
    short = e_off - s_off <= SHORT_PAIR
    repeated = _repeated_words(text, s_off, e_off) if short else {}

    def agreement(cut: int) -> int:
        a_mark, a_word = _ending(text, s_off, cut)
        same_word = short and len(word) > 2 and a_word == word
        return (a_mark == mark) + same_word

    agree = [agreement(c) for c in cuts]
    # a move may not leave a word the pair holds twice on one side where it was once a
    # side (a short pair, "Contact Points | Points de contact"); a word one side repeats
    # ("botes salvavidas y botes") is no reason to move
    balance = _word_imbalance(text, s_off, split, repeated)
    near = [c for c in range(len(cuts)) if vals[c] >= here - ENDING_MARGIN
            and _word_imbalance(text, s_off, cuts[c], repeated) <= balance]
    best = max(near, key=lambda c: (agree[c], vals[c]))
    if agree[best] <= agree[cuts.index(split)]:
        best = cuts.index(split)
    return cuts[best]


# A word leaning less than this either way (clipped log10 frequency ratio), but some, is
# one both languages' lists hold ("Parte", "MUTUO" in Spanish and Italian): no evidence of
# the split. (A word scored 0, an acronym or a heading's "LIST", is no word both write.)
HAIR_LEAN = 0.3


def _balanced_split(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                    split: int) -> int:
    """``split``, or, in a short pair, a cut a few chunks away, across words that lean a
    hair either way only, where the two sides' lengths are nearer: such a word went to the
    side its hair of a lean said ("PRODUCTOS CUBIERTOS POR EL RECONOCIMIENTO | MUTUO
    PRODOTTI OGGETTO DI RICONOSCIMENTO RECIPROCO", "Estados que no son | Parte Parti non
    contraenti"), where a translation about as long as its source says otherwise."""
    text, pos = parts.text, parts.pos
    s_off = parts.starts[i]
    e_off = parts.starts[j] if j < len(parts.starts) else len(text)
    if e_off - s_off > SHORT_PAIR:
        return split
    cuts = _cuts_near(text, s_off, split, e_off, pos, prefix)
    if len(cuts) < 2:
        return split
    at = int(pos.searchsorted(split))
    prior, here = parts.prior, min(at, len(parts.prior) - 1)
    words = Counter(w.lower() for w in WORD_RE.findall(text, s_off, e_off))

    def movable(cut: int) -> bool:
        if cut == split:
            return True
        lo, hi = min(cut, split), max(cut, split)
        token = int(pos.searchsorted(cut))
        first = _FIRST_WORD_RE.search(text, cut, e_off)
        a, b = sorted((token, at))
        # words alone, not across a mark ("LAGAR OCH ANDRA FÖRFATTNINGAR | LOVE, ..."),
        # each written once (a word the pair writes twice is a name or a cognate kept, one
        # on each side: "Transport of dangerous goods by road | Transport de ..."); not
        # where side B opens less like a side (a small letter: "För gemensamma rådet På |
        # vegne af"), nor where a side would end with an article or a preposition, or side
        # B open with one ("LISTA ... UMOWY LIST | OF ARBITRATORS ...")
        return (all(0 < abs(prefix[t + 1] - prefix[t]) < HAIR_LEAN for t in range(a, b))
                and all(c.isalpha() or c.isspace() for c in text[lo:hi])
                and all(words[w.lower()] == 1 for w in WORD_RE.findall(text, lo, hi))
                and token < len(prior) and prior[token] >= prior[here]
                and _last_word(text, cut).lower() not in _NEVER_LAST
                and (first is None or first.group().lower() not in _NEVER_LAST))

    def imbalance(cut: int) -> int:
        return abs(len(_tidy(text[s_off:cut])) - len(_tidy(text[cut:e_off])))

    best = min(filter(movable, cuts), key=lambda c: (imbalance(c), c != split))
    # a clear gain only: the lengths of a short pair say little
    return best if 2 * imbalance(best) <= imbalance(split) else split


def _cuts_near(text: str, start: int, split: int, end: int, pos: np.ndarray,
               prefix: np.ndarray) -> list[int]:
    """The chunk starts within :data:`ENDING_REACH` chunks of ``split`` (itself among them),
    side A keeping a chunk, each opening with a letter after its quotes or brackets."""
    # (chunks of a stretch around the split, not of the whole pair: a pair may be long)
    lo = max(start, split - ENDING_CHARS)
    chunks = [m.start() for m in _CHUNK_RE.finditer(text, lo, min(end, split + ENDING_CHARS))]
    if lo > start and chunks and chunks[0] == lo and not text[lo - 1].isspace():
        chunks = chunks[1:]  # the stretch starts inside a chunk
    if split not in chunks:
        return []
    at = chunks.index(split)
    near = [c for c in chunks[max(0, at - ENDING_REACH):at + ENDING_REACH + 1]
            if c == split or c > start and text[c:c + 4].lstrip(_OPENERS)[:1].isalpha()]
    # A split after punctuation stays after punctuation: the words of side B's first
    # clause ("program. | en part kan ...", "planos, | una Parte") are no evidence against
    # it; an abbreviation's full stop ("rez.", "r.", "čl.") ends no clause. Numbers,
    # brackets and quoted letters ("Typ ’A’") have their own evidence (_refine_split): a
    # cut is not moved across them; nor across names no word list holds: the shared
    # words that float the cut lean a hair either way.
    after_mark = _after_mark(text, split) and not _after_abbreviation(text, start, split)
    return [c for c in near if c == split or (
        not (after_mark and not _after_mark(text, c))
        and not _MOVED_BLOCKED_RE.search(text, min(c, split), max(c, split))
        and _all_listed(text, pos, prefix, min(c, split), max(c, split)))]


def _all_listed(text: str, pos: np.ndarray, prefix: np.ndarray, begin: int, end: int
                ) -> bool:
    """Whether every word between offsets ``begin`` and ``end`` (one at least) leans a
    little either way, as a word of the lists does, or is a letter alone ("U ime"): no
    name or code no list holds ("Gedimino av."), scored 0, which only a translation's
    other evidence places."""
    a, b = int(pos.searchsorted(begin)), int(pos.searchsorted(end))
    return b > a and all(prefix[t] != prefix[t + 1] or not text[pos[t] + 1:pos[t] + 2].isalpha()
                         for t in range(a, b))


_MOVED_BLOCKED_RE = lazy_pattern(r"[\d()\[\]]|" + _QUOTED_LETTER)
_SHORT_WORD_STOP_RE = lazy_pattern(r"(?<![\w.-])([^\W\d_]{1,3})\.\s*$")


def _after_mark(text: str, at: int) -> bool:
    """Whether the text before ``at`` (white space aside) ends with punctuation."""
    last = text[max(0, at - 4):at].rstrip()[-1:]
    return bool(last) and not last.isalnum()


def _after_abbreviation(text: str, start: int, at: int) -> bool:
    """Whether ``at`` follows a full stop ending one to three lower-case letters ("rez.",
    "r.", "čl."): an abbreviation, where :func:`_split_priors` saw a sentence end."""
    m = _SHORT_WORD_STOP_RE.search(text, max(start, at - 8), at)
    return m is not None and m.group(1).islower()


def _repeated_words(text: str, start: int, end: int) -> dict[str, int]:
    """The words of three letters or more the pair holds more than once (in lower case),
    and how many times: a word the two languages write alike, once on each side."""
    counts = Counter(w.lower() for w in WORD_RE.findall(text, start, end) if len(w) > 2)
    return {w: n for w, n in counts.items() if n > 1}


def _word_imbalance(text: str, start: int, cut: int, repeated: dict[str, int]) -> int:
    """How far the ``repeated`` words are from once a side with side A ending at ``cut``
    ("Contact | Points Points de contact": "points" twice on side B)."""
    if not repeated:
        return 0
    before = Counter(w.lower() for w in WORD_RE.findall(text, start, cut))
    return sum(abs(2 * before[w] - n) for w, n in repeated.items()) // 2


_OPENING_MARKS = "«“„‘‚‹([¿¡"


# What opens a list item: a dash, or a label, each language writing its own brackets
# ("(b)" / "b)", "(iv)" / "iv)"); the label's letters are group 2.
_ITEM_MARK = r"(?:[\u2013\u2014-]|\(?([a-z]{1,2}|[ivx]{1,5})\)) "
_ITEM_LEAD_RE = lazy_pattern(_ITEM_MARK)
# A list item's mark after the item before it: "..., – vu", "...; b) renforcer".
_ITEM_RE = lazy_pattern(r"[,;:]\s+(" + _ITEM_MARK + ")")
# How many chunks a split may move to the mark opening side B.
ITEM_MARK_CHUNKS = 2


def _item_opening_to_b(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the mark of a list item near it when side A opens with one (a dash,
    or a label) and side B would not open with the same: a resolution's citations open
    with a dash in both languages ("– having regard to Article 9 TFEU, | – vu l'article 9
    du traité FUE,"), its points with their label ("(b) strengthen ...; | b) renforcer
    ..."), where a code no list holds beside the mark ("TFEU", "FUE") or the label itself
    leans no way and the split fell on its other side. At most :data:`ITEM_MARK_CHUNKS`
    chunks away, after a comma, semicolon or colon."""
    lead = _ITEM_LEAD_RE.match(text, start)
    if lead is None:
        return split
    at_split = _ITEM_LEAD_RE.match(text, split)
    if at_split is not None and at_split.group(1) == lead.group(1):
        return split
    near = [m.start(1) for m in _ITEM_RE.finditer(text, max(start + 2, split - 40),
                                                  min(end, split + 40))
            if m.group(2) == lead.group(1)]
    near = [at for at in near
            if len(text[min(at, split):max(at, split)].split()) <= ITEM_MARK_CHUNKS]
    return min(near, key=lambda at: abs(at - split)) if near else split


def _opening_marks_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the start of a chunk of punctuation alone that opens with a quote and
    ends side A: it opens side B ("‘, as amended by: «," | "modifiée par:", the words an
    amendment inserts, quoted from their comma)."""
    begin, end = _chunk_before(text, start, split)
    chunk = text[begin:end]
    if begin <= start or not chunk or chunk[0] not in _OPENING_MARKS or any(
            c.isalnum() for c in chunk):
        return split
    return begin


# Side B opening with a sentence of this many words at most, which side A's end lacks.
END_SENTENCE_WORDS = 3
# What those words may lean to side B's language, at most (summed word scores): a name,
# a code or a cognate ("Côte d'Ivoire", "A", "Communiqué"), not a heading of side B's own.
END_SENTENCE_LEAN = 3.0
_SIDE_END_RE = lazy_pattern(r"[.!?][\"'”’»)\]]*\s*$")
_SENTENCE_CORE_RE = lazy_pattern(r"\w.*\w")  # its words, without the punctuation around
_FIRST_SENTENCE_RE = lazy_pattern(r"[^.!?]{1,40}?[.!?][\"'”’»)\]]*\s+(?=\S)")


def _sentence_end_to_a(parts: _SegmentalParts, prefix: np.ndarray, split: int,
                       end: int) -> int:
    """``split``, or the end of side B's first sentence when that sentence ends side A:
    side A stops without a full stop where side B ends with one, and side B opens with a
    sentence of a few words that lean little ("... recommendations or joint | Communiqué.
    les questions ...", "... to the territory of | Côte d'Ivoire. L'accord ...", "... part
    | A. “Suisse UIR” ..."): a translation ends as its source does, and the word before
    the full stop was read as the other language's (a capital, an accent) or as
    nothing."""
    text = parts.text
    before = text[max(0, split - 3):split].rstrip()
    if not before[-1:].isalnum() or not _SIDE_END_RE.search(text, max(split, end - 8), end):
        return split
    first = _FIRST_SENTENCE_RE.match(text, split, end)
    if first is None or len(first.group().split()) > END_SENTENCE_WORDS:
        return split
    a, b = parts.pos.searchsorted(split), parts.pos.searchsorted(first.end())
    # the words moved lean to side B's language by -(prefix[b] - prefix[a]) (side A's is
    # positive in the prefix of the winning order); a name leaning further goes back
    # when side B writes it again, as a translation keeps the names of its source
    if prefix[a] - prefix[b] > END_SENTENCE_LEAN:
        name = _SENTENCE_CORE_RE.search(first.group())
        if name is None or text.find(name.group(), first.end(), end) < 0:
            return split
    return first.end()


SHORT_PAIR = 200  # characters: a heading, a signature, a name
NAMES_PAIR = 300  # characters, at most, of a pair whose names are split one on each side
NAME_LEAN = 1.5  # at most: "SOLAS" in capitals, scored as half the Spanish "solas"


def _shared_last_word(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the next word when side B would open with the word the
    pair ends with ("En nombre de la Unión | Europea A nome dell'Unione europea"): in a
    short pair that word ends both sides, a cognate or a name the two languages share
    ("Reglamento Interno" / "regolamento interno", "Loran-C"), and leans too little to
    place the split."""
    if end - start > SHORT_PAIR:
        return split
    first = _FIRST_WORD_RE.match(text, split, end)
    tail = _LAST_WORD_RE.search(text, split, end)
    if first is None or tail is None or tail.start() <= first.start():
        return split
    if first.group().lower() != tail.group().lower() or len(first.group()) < 3:
        return split
    after = _NEXT_WORD_RE.search(text, first.end(), end)
    if after is None or after.start() >= tail.start():
        return split
    return after.start()


_FIRST_WORD_RE = lazy_pattern(r"[^\W\d_][\w-]*")
_LAST_WORD_RE = lazy_pattern(r"[^\W\d_][\w-]*(?=[\W_]*$)")
_NEXT_WORD_RE = lazy_pattern(r"(?<=\s)\S")


NUMBER_IMBALANCE_COST = 1.5  # per number on one side and not the other
# numbers, Roman ones too (well formed: "IV", "XII", not the Italian article "IL")
_DIGITS_RE = lazy_pattern(r"\d+")
_ROMAN_RE = lazy_pattern(r"(?<![\w-])(?=[IVXL]{2})(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w-])")
_ROMAN_RUN_RE = lazy_pattern(r"[IVXL]{2,}")  # where a Roman number may start: a run's start


def _numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The numbers between ``start`` and ``end`` as (offset, text), in order: runs of digits,
    and well-formed Roman numbers standing alone. As one regular expression with two
    branches (``\\d+|(?<![\\w-])...``) this tried the lookbehind at every character; the
    Roman branch only ever starts a run of its letters, so only those are tried: the same
    numbers, a quarter of the time."""
    end = len(text) if end is None else end
    found = [(m.start(), m.group()) for m in _DIGITS_RE.finditer(text, start, end)]
    roman = [(m.start(), m.group()) for run in _ROMAN_RUN_RE.finditer(text, start, end)
             if (m := _ROMAN_RE.match(text, run.start(), end))]
    if roman:
        found = sorted(found + roman)
    return found


REPEAT_BONUS = 4.0  # side B opening with the words (or only codes) side A opened with,
# or side A ending with the codes or numbers side B ends with
REPEAT_MIN_CHARS = 12
_CHUNK_RE = lazy_pattern(r"\S+")


def _refine_split(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                  k: int) -> int:
    """Where side B starts in the pair between pair starts ``i`` and ``j`` (its split token
    ``k`` as the search chose it), chosen again with what the words barely tell (codes,
    names, numbers, all-capital headings):

    * side B may start a few chunks before a word, at numbers or codes ("... 165. | 46 CFR
      Parts"): the word scores cannot place what has no word;
    * the numbers it holds: a translation repeats the numbers of its source ("MSC.36(63)
      ... 1994) 8"), so the split leaving the same numbers on both sides is the likeliest;
    * a name or code both sides open with: a translation that keeps a name in the original
      ("Bundesministerium für Verkehr ... (ministère fédéral des transports)", "IMO MSC
      Circ.811") starts side B as side A started;
    * a code both sides end with ("... removed from MED"): side A ends where side B ends.
    """
    import numpy as np

    text, pos, starts = parts.text, parts.pos, parts.starts
    s_off = starts[i]
    e_off = starts[j] if j < len(starts) else len(text)
    # scanned again rather than taken from the whole text's numbers: at the pair's end the
    # scan stops as a pair's text does ("IV" before "The" of the next pair is a number)
    found = _numbers(text, s_off, e_off)
    opening, closing = _neutral_edges(text, s_off, e_off, pos, prefix)
    long_opening = text[s_off:s_off + REPEAT_MIN_CHARS]
    if len(long_opening) < REPEAT_MIN_CHARS or text.find(long_opening, s_off + 1, e_off) < 0:
        long_opening = ""
    ti, tj = int(parts.tok_index[i]), int(parts.tok_index[j])
    lo, hi = np.searchsorted(parts.plausible, [ti + 1, tj])
    ks = parts.plausible[lo:hi]
    names = _shared_names(text, pos, prefix, ti, tj) if e_off - s_off <= NAMES_PAIR else []
    names += _shared_quotations(text, pos, prefix, s_off, e_off)
    # a short pair is chosen again at white space, not at word starts: an opening quote
    # counts for the side it opens ("... κλάσεως «A», | ‘A’ class divisions,")
    if (len(found) < 2 and not opening and not closing and not long_opening
            and not names and e_off - s_off > SHORT_PAIR) or not len(ks):
        return _gap_cut(text, int(pos[k]))
    # every plausible word start, and the chunks of digits just before it
    # (at the white space before it: a bracket or a quote opening side B goes with it)
    cut = np.asarray([_gap_cut(text, p) for p in pos[ks].tolist()])
    owner = ks
    shift = np.zeros(len(ks))
    if found:
        extra = [(at, token, word) for token, word in zip(ks.tolist(), cut.tolist(),
                                                          strict=True)
                 if not text[word - 2:word - 1].isalpha()  # the common case: a word before
                 for at in _bare_chunks_before(text, s_off, word)]
        if extra:
            cut = np.concatenate((cut, [at for at, _, _ in extra]))
            owner = np.concatenate((ks, [token for _, token, _ in extra]))
            # the word's prior was for the word: a sentence end before the chunk counts
            # here instead ("... 165. | 46 CFR")
            shift = np.concatenate((shift, [
                2.0 * (_ends_sentence(text, at) - _ends_sentence(text, word))
                for at, _, word in extra]))
    vals = _split_scores(prefix, parts.prior, owner, ti, tj, s_off, e_off, cut)
    vals = vals + shift
    if len(found) >= 2:
        # per distinct number: how many times it occurs before each split, against its total
        values = sorted({v for _, v in found})
        column = {v: c for c, v in enumerate(values)}
        at = np.array([p for p, _ in found])
        which = np.array([column[v] for _, v in found])
        before = np.zeros((len(cut), len(values)))
        np.add.at(before, (slice(None), which), (at[None, :] < cut[:, None]).astype(np.float64))
        total = np.bincount(which, minlength=len(values)).astype(np.float64)
        imbalance = np.abs(2 * before - total[None, :]).sum(axis=1)
        vals = vals - NUMBER_IMBALANCE_COST * imbalance
    for first, second in names:
        # one on each side: 0; both on one side: one number's imbalance
        vals = vals - NUMBER_IMBALANCE_COST * 2 * ((cut > first) == (cut > second))
    cuts = cut.tolist()
    repeats = _repeats(text, s_off, e_off, opening, pos, prefix) if opening else []
    for index, c in enumerate(cuts if long_opening or opening or closing else ()):
        if long_opening and text.startswith(long_opening, c):
            # A split where side B repeats side A's opening: the repeated words are a
            # name, no evidence of either language (where a split after the repeat would
            # count them twice for side A), and the repeat itself is evidence of the split.
            same = _common_prefix(text, s_off, c, e_off)
            last = int(np.searchsorted(pos, c + same))
            name = prefix[last] - prefix[owner[index]]
            vals[index] += 2 * abs(name) + REPEAT_BONUS
        elif any(a <= c <= b for a, b in repeats):
            vals[index] += REPEAT_BONUS
        if closing and _ends_with(text, s_off, c, closing):
            vals[index] += REPEAT_BONUS
            if len(closing) == 1 and closing.isupper():
                # a label ("A", "I"): no evidence of a language, where its score as the
                # word it spells counted against leaving it on side A
                label = int(np.searchsorted(pos, c)) - 1
                vals[index] += 2 * abs(prefix[label + 1] - prefix[label])
    return cuts[int(np.argmax(vals))]


def _shared_names(text: str, pos: np.ndarray, prefix: np.ndarray, ti: int, tj: int
                  ) -> list[tuple[int, int]]:
    """In a pair of at most :data:`NAMES_PAIR` characters (tokens ``ti`` to ``tj``), the
    names it holds exactly twice, as the offsets of the two: words that open with a
    capital and lean little to either language ("Union" in "Für die Europäische Union |
    Au nom de l'Union européenne", "Loran" in "... radionawigacyjnego Loran-C | Loran- C
    equipment"). A translation keeps the names of its source, as it keeps its numbers: the
    split most likely leaves one on each side.
    """
    import numpy as np

    seen: dict[str, list[int]] = {}
    neutral = np.flatnonzero(np.abs(np.diff(prefix[ti:tj + 1])) < NAME_LEAN) + ti
    for t in neutral.tolist():
        at = int(pos[t])
        word = WORD_RE.match(text, at)
        if word is not None and len(word.group()) >= 3:
            seen.setdefault(word.group().lower(), []).append(at)
    # twice in all, in capitals both times ("CEFTA Parties ... CEFTA Parties; | ... les
    # parties" is no name kept)
    twice = [(a[0], a[1]) for a in seen.values()
             if len(a) == 2 and text[a[0]].isupper() and text[a[1]].isupper()]
    # Two names each twice, one pair wholly before the other, are each side's own rendering
    # of one name ("CEI 60945 ... CEI 60945/corrigendum | IEC 60945 ... IEC 60945 Corr."):
    # kept names interleave ("Union ... Loran | Union ... Loran").
    return [(a, b) for a, b in twice
            if not any(d < a or b < c for c, d in twice if (c, d) != (a, b))]


# A quotation in any quotes ("”Code on alerts and indicators, 2009”", "‘EC access to the
# US market’"): what is inside, found by its quotes; at most 200 characters, so that a
# quote never closed costs no more than that.
_QUOTATION_RE = lazy_pattern(
    r"(?:^|(?<=[\s(]))[\"“”„«»‘‚]\s?([^\W\d_][^\"“”„«»‘’‚‹›\n]{0,200}?\w)"
    r"\s?[\"“”»’](?![^\W\d_])")


def _shared_quotations(text: str, pos: np.ndarray, prefix: np.ndarray, start: int,
                       end: int) -> list[tuple[int, int]]:
    """The quotations of two words or more that the pair between offsets ``start`` and
    ``end`` holds exactly twice, written alike, whose words lean little to either language,
    as the offsets of the two: a title the translation quotes as its source does, in the
    original ("... koskevaan asiakirjaan ”Adoption of performance standards for bridge
    alert management”. | Resolution ... respektive ”Adoption of performance standards for
    bridge alert management”."). Like a name kept, one is on each side; English words
    lean a few tenths to Swedish, and the cut fell before the Finnish side's quotation."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for m in _QUOTATION_RE.finditer(text, start, end):
        words = m.group(1).split()
        if len(words) >= 2:  # a word alone in quotes is a term each language quotes its own
            seen.setdefault(" ".join(words), []).append(m.span(1))
    out = []
    for spans in seen.values():
        if len(spans) != 2:
            continue
        for begin, stop in spans:
            a, b = int(pos.searchsorted(begin)), int(pos.searchsorted(stop))
            if b == a or any(abs(prefix[t + 1] - prefix[t]) >= NAME_LEAN for t in range(a, b)):
                break
        else:
            out.append((spans[0][0], spans[1][0]))
    return out


BARE_CHUNKS = 4  # chunks without letters (numbers, codes) side B may open with


def _bare_chunks_before(text: str, start: int, cut: int) -> list[int]:
    """The starts of the chunks of digits without letters ("46", "(2010-", "11)") just before
    ``cut``, nearest first, leaving at least one chunk before them after ``start``. Bare
    punctuation between them ("(2014- 07) — Part 3") is passed over, but is no start of its
    own: a dash ends a German recital ("... Gründe —")."""
    out: list[int] = []
    at = cut
    for _ in range(2 * BARE_CHUNKS):
        begin, end = _chunk_before(text, start, at)
        chunk = text[begin:end]
        if begin <= start or any(c.isalpha() for c in chunk):
            break
        if any(c.isdigit() for c in chunk):
            out.append(begin)
            if len(out) == BARE_CHUNKS:
                break
        at = begin
    return out


def _chunk_before(text: str, start: int, at: int) -> tuple[int, int]:
    """The span of the chunk (no white space in it) that ends before ``at``, white space
    between them aside, not reaching before ``start``."""
    end = at
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return begin, end


def _leans(pos: np.ndarray, prefix: np.ndarray, begin: int, end: int) -> bool:
    """Whether a word between offsets ``begin`` and ``end`` leans to either language at all
    (a cognate leaning a hair either way, "Commission", "programmes", is no code: it ends
    many pairs in both languages)."""
    a, b = pos.searchsorted(begin), pos.searchsorted(end)
    return any(prefix[t] != prefix[t + 1] for t in range(a, b))


def _repeats(text: str, start: int, end: int, opening: str, pos: np.ndarray,
             prefix: np.ndarray) -> list[tuple[int, int]]:
    """Where the pair repeats its ``opening`` (a whole chunk or chunks) after its start: for
    each repeat, the span of the cuts it supports, from the start of the chunks without a
    leaning word just before it (side B may open with a code side A holds later: "MSC
    Цирк.809 на ММО | IMO MSC Circ.809") to the repeat itself."""
    out = []
    for m in re.finditer(_opening_re(opening) + r"(?=\s)", text[start + 1:end]):
        at = start + 1 + m.start()
        if at > start and not text[at - 1].isspace():
            continue  # inside a chunk
        first = at
        while True:
            begin, chunk_end = _chunk_before(text, start, first)
            if begin <= start or begin == chunk_end or _leans(pos, prefix, begin, chunk_end):
                break
            first = begin
        out.append((first, at))
    return out


_QUOTES = "\"'‘’‚“”„«»‹›"
# A word in quotes, as a chunk: "‘assistant’", "«assistant»".
_QUOTED_TERM_RE = lazy_pattern(f"[{_QUOTES}]+[^\\W\\d_][\\w-]*[{_QUOTES}]+$")


def _opening_re(opening: str) -> str:
    """A pattern for ``opening`` where the quotes around it may be any: a term is quoted
    as each language quotes ("‘assistant’", "«assistant»")."""
    core = opening.strip(_QUOTES)
    if not core or core == opening:
        return re.escape(opening)
    quotes = f"[{_QUOTES}]+"
    before = quotes if opening[0] in _QUOTES else ""
    after = quotes if opening[-1] in _QUOTES else ""
    return before + re.escape(core) + after


def _ends_sentence(text: str, at: int) -> bool:
    return text[max(0, at - 4):at].rstrip()[-1:] in _SPLIT_PUNCT


def _neutral_edges(text: str, start: int, end: int, pos: np.ndarray, prefix: np.ndarray
                   ) -> tuple[str, str]:
    """The chunks a pair opens with and those it ends with that hold no word leaning to
    either language ("46 CFR", "IMO MSC"; "MED", "B"), each only when it occurs twice in
    the pair (else ""); the closing one without the punctuation around it. Cheap string
    tests first: this runs for every pair of a file."""

    def neutral(m: re.Match[str]) -> bool:
        return not _leans(pos, prefix, m.start(), m.end())

    opening = closing = ""
    chunks = list(_CHUNK_RE.finditer(text, start, min(end, start + 120)))
    if len(chunks) > 2 and text.find(chunks[0].group(), chunks[0].end(), end) >= 0:
        taken = 0
        while taken < len(chunks) - 1 and neutral(chunks[taken]):
            taken += 1
        if taken >= 2:  # one code alone ("MSC.1") recurs too often to mark anything
            opening = text[start:chunks[taken - 1].end()]
            if not re.search(re.escape(opening) + r"\s", text[start + 1:end]):
                opening = ""
    if not opening and len(chunks) > 2 and (
            _COGNATE_RE.fullmatch(first := chunks[0].group()) or _QUOTED_TERM_RE.match(first)):
        # one word the languages share ("Organismo", "una", the "Za" of a Czech and a
        # Slovak signature), or a name, or a term defined in quotes, which each language
        # quotes its own way ("‘assistant’ means ..." | "«assistant» : une personne
        # ..."): it leans little either way
        a, b = pos.searchsorted(chunks[0].start()), pos.searchsorted(chunks[0].end())
        if b == a + 1 and abs(prefix[b] - prefix[a]) < COGNATE_LEAN and re.search(
                _opening_re(first) + r"\s", text[start + 1:end]):
            opening = first
    chunks = list(_CHUNK_RE.finditer(text, max(start, end - 120), end))[1:]
    tail = _ALNUM_EDGES_RE.sub("", text[max(start, end - 40):end]).rsplit(None, 1)
    last = _ALNUM_EDGES_RE.sub("", tail[-1]) if tail and len(chunks) > 1 else ""
    if len(last) == 1 and last.isupper():
        # a label ("ANNEX H", "ATTACHMENT A", "ΠΑΡΑΡΤΗΜΑ I"): a letter that leans as the
        # word it also spells ("A", "I"), the pair's last chunk and written alone before
        if sum(_ALNUM_EDGES_RE.sub("", c) == last
               for c in text[start:end].split()) >= 2:
            return opening, last
        last = ""
    if last and text.find(last, start, end) < text.rfind(last, start, end):
        taken = 0
        while taken < len(chunks) - 1 and neutral(chunks[-1 - taken]):
            taken += 1
        # the longest run of them that the pair holds twice ("March 2005" once, "2005"
        # twice: "... de marzo de 2005 | ... March 2005")
        for size in range(taken, 0, -1):
            closing = _ALNUM_EDGES_RE.sub("", text[chunks[-size].start():end])
            if closing and text.find(closing, start, end) < text.rfind(closing, start, end):
                break
            closing = ""
    return opening, closing


_COGNATE_RE = lazy_pattern(r"[^\W\d_]{2,}")  # two letters or more
COGNATE_LEAN = 1.0

_CLOSERS = frozenset(")]»”’\"'“")
_ALNUM_EDGES_RE = lazy_pattern(r"^[\W_]+|[\W_]+$")
_TRAILING_RE = lazy_pattern(r"[\W_]+$")


def _ends_with(text: str, start: int, end: int, closing: str) -> bool:
    """Whether ``text[start:end]``, punctuation at its end aside, ends with the chunks
    ``closing``."""
    lo = max(start, end - len(closing) - 16)
    body = _TRAILING_RE.sub("", text[lo:end])
    if not body.endswith(closing):
        return False
    k = len(body) - len(closing)
    if k:
        # after a space, or in quotes or brackets of its own: "... Typ ’A’," ends with
        # "A", where "(1994 HSC-Code)" does not end with "1994", nor "Article 15(4)" with
        # "4"
        quoted = (body[k - 1] in _OPENERS and (lo + k - 2 < start or text[lo + k - 2].isspace())
                  and text[lo + len(body):lo + len(body) + 1] in _CLOSERS)
        return body[k - 1].isspace() or quoted or (
            lo == start and not any(c.isalnum() for c in body[:k]))
    return lo == start or text[lo - 1].isspace()


def _common_prefix(text: str, a: int, b: int, end: int) -> int:
    """How many characters ``text`` has the same from ``a`` and from ``b`` (``a`` < ``b``),
    up to ``b`` and ``end``, cut back to the last white space within."""
    limit = min(b - a, end - b)
    n = 0
    while n < limit and text[a + n] == text[b + n]:
        n += 1
    if n < limit and not text[a + n].isspace():
        n = text.rfind(" ", a, a + n) - a if " " in text[a:a + n] else 0
    return max(n, 0)


def find_pairs(
    stream: Stream,
    file: str,
    source_lang: str,
    target_lang: str,
) -> tuple[list[Pair], list[Reject]]:
    """The paragraph pairs of ``stream`` (one file), and what could not be paired."""
    pairs: list[Pair] = []
    rejects: list[Reject] = []
    for item in iter_pairs(stream, file, source_lang, target_lang):
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            pairs.append(item)
    return pairs, rejects


def iter_pairs(
    stream: Stream,
    file: str,
    source_lang: str,
    target_lang: str,
) -> Iterator[Pair | Reject]:
    """:func:`find_pairs` one by one, in the order of the file: each pair is checked only
    when it is asked for, so the stages after pairing can start on the first pairs while
    the rest are still being checked. The page headers and footers the repair set apart
    (:attr:`~.repair.Stream.page_lines`) are rejects among them, in the order of lines."""
    page_lines = iter(stream.page_lines)
    waiting = next(page_lines, None)
    for item in _stream_pairs(stream, file, source_lang, target_lang):
        while waiting is not None and waiting[0] < item.line:
            yield Reject(file, waiting[0], "page header or footer", waiting[1])
            waiting = next(page_lines, None)
        yield item
    while waiting is not None:
        yield Reject(file, waiting[0], "page header or footer", waiting[1])
        waiting = next(page_lines, None)


def _stream_pairs(stream: Stream, file: str, source_lang: str, target_lang: str,
                  numbered: bool | None = None) -> Iterator[Pair | Reject]:
    """The pairs and rejects of :func:`iter_pairs` found in the stream's text; ``numbered``
    says whether it is numbered, found from the text when ``None``."""
    src, tgt = primary(source_lang), primary(target_lang)
    text = stream.text
    # the dump's paragraph-number candidates and numbered lines, found once for every step
    line_starts = _pair_line_starts(stream)
    candidates = _number_tokens(text, line_starts)
    numbered_lines = _numbered_line_starts(stream, (src, tgt))
    if numbered is None:
        numbered = _is_numbered(stream, (src, tgt), numbered_lines, candidates)
        head = _sequence_start(numbered_lines) if numbered else 0
        if head and text[:head].strip():
            # A resolution's title, "The European Parliament,", its citations and recitals
            # come before paragraph 1 without numbers: pairs of an unnumbered dump. Read
            # with the numbered ones, they were one pair or one reject.
            yield from _after_paragraph(
                _head_pairs(stream.part(0, head), file, source_lang, target_lang), "0")
            yield from _stream_pairs(stream.part(head, len(text)), file, source_lang,
                                     target_lang, numbered=True)
            return
    triples, source_first = _best_split(stream, numbered, src, tgt, line_starts, candidates)

    if numbered:
        # A title or a note before the first numbered paragraph is a reject of its own,
        # not the start of the first pair's source side.
        head = numbered_lines[0][0] if numbered_lines else 0
        if head and text[:head].strip() and triples and triples[0][0] < head <= triples[0][1]:
            yield Reject(file, stream.line_at(0), "text before the first numbered paragraph",
                         _tidy(text[:head]))
            triples[0] = (head, *triples[0][1:])
    lang_a, lang_b = (src, tgt) if source_first else (tgt, src)
    tag_a, tag_b = (source_lang, target_lang) if source_first else (target_lang, source_lang)
    starts = _paragraph_starts(stream)
    if numbered:
        triples = _one_per_paragraph(triples, [p for p, _ in numbered_lines])
        triples = _split_run_in(text, triples, (src, tgt))
    ratio = _length_ratio(triples) if not numbered else 1.0
    if triples and not numbered:
        head = _foreign_head(text, starts, *triples[0][:2], lang_a, lang_b)
        if head is not None:
            # A copy that starts inside side B's last paragraph: that tail has no
            # translation here, and glued to the first pair's side A it costs that pair.
            yield Reject(file, stream.line_at(0), f"text before the first pair ({tag_b} only)",
                         _tidy(text[:head]))
            triples[0] = (head, *triples[0][1:])
    for index, (s0, cut, e1) in enumerate(triples):
        points = _points_tail(stream, s0, cut, e1) if numbered else None
        after: list[Pair | Reject] = []
        if points is not None:
            # A paragraph introducing points ("... should:" / "... devrait:"), each a
            # paragraph of its own without a number ("(a) ...;" / "a) ...;"): pairs of an
            # unnumbered dump, no part of side B, written after this pair.
            after = list(_head_pairs(stream.part(points, e1), file, source_lang,
                                     target_lang, "points without a paragraph number"))
            e1 = points
        elif numbered and index == len(triples) - 1:
            trailing = _trailing_text(text, starts, cut, e1, lang_b, lang_a)
            found = None if trailing is None else _unnumbered_pairs(
                stream.part(trailing, e1), file, source_lang, target_lang)
            if found is not None:
                # A report's explanatory statement after its resolution's last paragraph,
                # in both languages: pairs of an unnumbered dump, no part of side B (a
                # paragraph in side A's language alone is a reject, below).
                after, e1 = found, trailing
        loose = _loose_tail(text, starts, s0, cut, e1) if numbered else None
        if loose is not None:
            # A heading, a page's header or footer, a row of figures between two numbered
            # paragraphs: no part of side B's paragraph, whose unit would offer it as
            # translated text.
            reason = "footnote" if _footnote_at(text, loose) else \
                "text between numbered paragraphs"
            yield Reject(file, stream.line_at(loose), reason, _tidy(text[loose:e1]))
            e1 = loose
        tail = _foreign_tail(text, starts, cut, e1, lang_b, lang_a)
        if tail is not None:
            # A paragraph in side A's language after side B: a paragraph without its
            # translation, not part of this pair's translation.
            yield Reject(file, stream.line_at(tail), f"unpaired paragraph ({tag_a} only)",
                         _tidy(text[tail:e1]))
            e1 = tail
        unpaired = None if numbered else _unpaired_by_length(starts, s0, cut, e1, ratio)
        if unpaired is not None:
            # A paragraph without its translation before side A, or after side B, in that
            # side's language: the lengths say the other side translates only the rest.
            begin, stop = unpaired
            alone = tag_a if begin == s0 else tag_b
            yield Reject(file, stream.line_at(begin), f"unpaired paragraph ({alone} only)",
                         _tidy(text[begin:stop]))
            s0, e1 = (stop, e1) if begin == s0 else (s0, begin)
        if not numbered:
            cut = _late_label(text, s0, cut, e1)
        a_text, b_text = text[s0:cut], text[cut:e1]
        source, target = (a_text, b_text) if source_first else (b_text, a_text)
        pair, reject = _check_pair(source, target, numbered, file, stream.line_at(s0),
                                   source_lang, target_lang, (src, tgt), shown=text[s0:e1])
        if pair:
            yield pair
        if reject:
            yield reject
        if after:
            # known by the paragraph they follow (its label as printed, whether or not it
            # made a pair), not by a position another paragraph's number may equal
            base = pair.printed_paragraph() if pair else _side_label(text[s0:cut])
            yield from _after_paragraph(after, str(base))


def _after_paragraph(items: Iterable[Pair | Reject], base: str) -> Iterator[Pair | Reject]:
    """``items``, the pairs without a number of a numbered dump after its paragraph
    ``base`` ("0": before the first), each known as the k-th of them: ``paragraph``
    "2+1", "2+2" (a paragraph's points), "0+3" (the third before paragraph 1). Their
    position in the file, the paragraph of an unnumbered dump's pair, could be a printed
    paragraph number too: two paragraphs with one ``x-paragraph``."""
    count = 0
    for item in items:
        if isinstance(item, Pair):
            count += 1
            item.paragraph = f"{base}+{count}"
        yield item


def _side_label(side: str) -> str:
    """The label a numbered side opens with, as ``x-paragraph`` writes it ("2", "31a")."""
    return (_printed_label(side) or f"{_split_number(side)[0]}.").rstrip(".")


def _sequence_start(numbered_lines: list[tuple[int, int]]) -> int:
    """Where a numbered dump's numbered paragraphs start: the first numbered line that
    the next two do not both go back from, not a number a cut set at a line's start
    before them ("... p." / "10." of a footnote's "p. 10." before paragraphs 1 and 2). A
    dump that opens with a number starts there, whatever a cut put at a line's start
    after it ("116." / "1." of "Article 1." / "117."); an excerpt's gap forward ("5." then
    "9.") goes on."""
    for index, (at, number) in enumerate(numbered_lines):
        after = [following for _, following in numbered_lines[index + 1:index + 3]]
        if at == 0 or not after or any(following >= number for following in after):
            return at
    return 0


def _head_pairs(head: Stream, file: str, source_lang: str, target_lang: str,
                reason: str = "text before the first numbered paragraph"
                ) -> Iterator[Pair | Reject]:
    """Text of a numbered dump without numbers of its own (before its first numbered
    paragraph, the points after one) read as an unnumbered dump; where it gives no pair (a
    title in one language, a note), one reject for ``reason``."""
    items = _unnumbered_pairs(head, file, source_lang, target_lang)
    if items is not None:
        yield from items
    else:
        yield Reject(file, head.line_at(0), reason, _tidy(head.text))


def _unnumbered_pairs(part: Stream, file: str, source_lang: str, target_lang: str
                      ) -> list[Pair | Reject] | None:
    """What ``part`` gives read as an unnumbered dump, ``None`` when it gives no pair."""
    items = list(_stream_pairs(part, file, source_lang, target_lang, numbered=False))
    return items if any(isinstance(item, Pair) for item in items) else None


def _trailing_text(text: str, starts: list[int], cut: int, end: int, own: str,
                   other: str) -> int | None:
    """Numbered dumps, the last pair: where text in side A's language starts after side
    B's paragraph (the first paragraph start whose first sentence is in the other
    language, what comes before it in side B's own): a report's explanatory statement
    after its resolution, its pairs run together on their lines, or a paragraph without
    its translation."""
    for at in starts[bisect_right(starts, cut):bisect_left(starts, end)]:
        first = _NUMBERED_SENTENCE_CUT_RE.split(text[at:end], maxsplit=1)[0]
        if _in_other_language(first, own, other):
            return None if _in_other_language(text[cut:at], own, other) else at
    return None


def _points_tail(stream: Stream, start: int, cut: int, end: int) -> int | None:
    """Numbered dumps: where the points a paragraph introduces start after its side B,
    each a paragraph of its own without a number: side A ends with a colon ("... should:")
    and a line inside side B opens with a point's mark ("(a) ", "a) ", "– ") after a
    colon ("... devrait:"). ``None`` when the pair is not so."""
    text = stream.text
    if not text[start:cut].rstrip().endswith(":"):
        return None
    first = bisect_right(stream.line_starts, cut)
    for at, folded in zip(stream.line_starts[first:], stream.folded[first:], strict=True):
        if at >= end:
            break
        if not folded and _ITEM_LEAD_RE.match(text, at) and \
                text[cut:at].rstrip().endswith(":"):
            return at
    return None


def _best_split(stream: Stream, numbered: bool, src: str, tgt: str, line_starts: set[int],
                candidates: list[_Token]) -> tuple[list[tuple[int, int, int]], bool]:
    """The pairs as (start, switch, end) offsets, and whether the source language comes
    first in them: the better scoring of the two language orders. ``line_starts`` and
    ``candidates``: :func:`_pair_line_starts` and :func:`_number_tokens` of the dump."""
    text = stream.text
    runs: list[tuple[float, list[tuple[int, int, int]], bool]] = []
    if numbered:
        tokens = _numbered_tokens(text, line_starts, candidates, src, tgt)
        for sign in (1.0, -1.0):
            score, states = _viterbi(tokens, sign)
            triples = _split_orphans(text, tokens, _triples(text, tokens, states))
            runs.append((score, triples, sign > 0))
    else:
        runs = [(score, triples, sign > 0) for sign, score, triples
                in _segmental(stream, _word_tokens(stream, src, tgt, candidates),
                              langs=(src, tgt))]
    # the source-first order wins a tie
    best = runs[0] if runs[0][0] >= runs[1][0] else runs[1]
    return best[1], best[2]


def _one_per_paragraph(triples: list[tuple[int, int, int]], numbered: list[int]
                       ) -> list[tuple[int, int, int]]:
    """A run of paragraphs without their translations ("5. EN 6. EN 7. EN" before
    "8. EN 8. FR") is one side of one triple: cut it at its numbered lines, so that each
    paragraph is a reject of its own."""
    out: list[tuple[int, int, int]] = []
    for s0, cut, e1 in triples:
        one_sided = cut in (s0, e1)
        inner = numbered[bisect_right(numbered, s0):bisect_left(numbered, e1)] \
            if one_sided else []
        if not inner:
            out.append((s0, cut, e1))
            continue
        bounds = [s0, *inner, e1]
        for a, b in zip(bounds, bounds[1:], strict=False):
            out.append((a, b, b) if cut == e1 else (a, a, b))
    return out


# "N. " inside a line after a sentence end: where a numbered pair run into the line of the
# pair before it starts (each side of it opens with its number)
_RUN_IN_NUMBER_RE = lazy_pattern(r"(?<=[.;:!?\"'’”»)\]])\s+(\d+)\.\s+(?=\S)")


# "31a. ", "31 bis. " after a sentence end (the line break before it maybe joined with
# nothing: "difficile.31a."): a paragraph's label, its number and a letter or a Latin ordinal
_LABEL_SUFFIX = r"(?:[a-z]|[ \u00a0](?:bis|ter|quater|quinquies|sexies))\."
_RUN_IN_LABEL_RE = lazy_pattern(r"(?<=[.;:!?\"'’”»)\]])\s*(\d+)" + _LABEL_SUFFIX + r"\s+(?=\S)")
# a side opening with such a label (used with .match())
_LEADING_LABEL_RE = lazy_pattern(r"\s*(\d+)" + _LABEL_SUFFIX + r"(?:\s+|$)")
# The Latin suffixes in order: "31 bis." is the paragraph English labels "31a.", "31 ter."
# its "31b." (the European Parliament's texts so).
_LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies")


def _label_rank(label: str) -> tuple[str, int]:
    """A label's number and its place after it, however the language writes it: "31a."
    and "31 bis." are both ("31", 0)."""
    number = label[:len(label) - len(label.lstrip("0123456789"))]
    suffix = label[len(number):].strip(" \u00a0.")
    rank = _LATIN_SUFFIXES.index(suffix) if suffix in _LATIN_SUFFIXES else ord(suffix) - 97
    return number, rank


def _split_run_in(text: str, triples: list[tuple[int, int, int]], langs: tuple[str, str]
                  ) -> list[tuple[int, int, int]]:
    """Numbered dumps: the pairs that started inside the line of the pair before them.

    A pair starts on a new line, so "2. DE 2. PL 3. DE 3. PL" on one line read as pair 2
    with "PL 3. DE 3. PL" as its side B: German text written as Polish, and pair 3 lost
    from the account. Where no pair opens with N+1 and side B of pair N holds "N+1." twice,
    each after a sentence end, pair N+1 starts at the first and turns at the second."""
    opening = {_leading_number(text, s0, e1) for s0, _, e1 in triples}
    out: list[tuple[int, int, int]] = []
    for s0, cut, e1 in triples:
        number = _leading_number(text, cut, e1) if cut < e1 else None
        run_in = [] if number is None or number + 1 in opening else [
            m.start(1) for m in _RUN_IN_NUMBER_RE.finditer(text, cut, e1)
            if int(m.group(1)) == number + 1 and not _is_date(text, m.end(), langs)]
        if len(run_in) == 2:
            out += [(s0, cut, run_in[0]), (run_in[0], run_in[1], e1)]
            continue
        # "31a. EN 31a. FR" after side B of pair 31: a paragraph inserted under a label
        # the number sequence does not know, run on into the pair before it; each label
        # written twice in a row after sentence ends makes a pair of its own (in either
        # form in each language: "31a. EN 31 bis. FR", as the Parliament writes them)
        labels = [] if number is None else [
            (_label_rank(m.group(0).strip()), m.start(1))
            for m in _RUN_IN_LABEL_RE.finditer(text, cut, e1) if int(m.group(1)) == number]
        if labels and len(labels) % 2 == 0 and all(
                a[0] == b[0] for a, b in zip(labels[::2], labels[1::2], strict=True)):
            ends = [at for _, at in labels[2::2]] + [e1]
            out.append((s0, cut, labels[0][1]))
            out += [(a[1], b[1], end)
                    for a, b, end in zip(labels[::2], labels[1::2], ends, strict=True)]
        else:
            out.append((s0, cut, e1))
    return out


def _paragraph_starts(stream: Stream) -> list[int]:
    """Line starts where a new paragraph may begin: not a fold, a capital (or a number)
    after a sentence end."""
    text = stream.text
    out = []
    for start, folded in zip(stream.line_starts, stream.folded, strict=True):
        if folded or start == 0:
            continue
        before = text[max(0, start - 3):start].rstrip()
        lead = text[start:start + 4].lstrip(_OPENERS)
        if before[-1:] in _SPLIT_PUNCT and (lead[:1].isupper() or lead[:1].isdigit()):
            out.append(start)
    return out


# A pair whose sides' lengths stand this far from the file's ratio (log) ...
UNPAIRED_OFF = math.log(1.3)
# ... while one side's length and part of the other's stand this near, and this many
# times nearer: the rest of that other side is a paragraph without its translation.
UNPAIRED_NEAR = math.log(1.15)
UNPAIRED_BETTER = 3.0


def _length_ratio(triples: list[tuple[int, int, int]]) -> float:
    """Side B's length against side A's over the file's pairs."""
    a = sum(cut - s0 for s0, cut, _ in triples)
    b = sum(e1 - cut for _, cut, e1 in triples)
    return b / a if a and b else 1.0


def _unpaired_by_length(starts: list[int], s0: int, cut: int, end: int, ratio: float
                        ) -> tuple[int, int] | None:
    """A paragraph without its translation inside a pair, found by the lengths: side A
    holds more than one paragraph and side B one, or the other way round, and the other
    side's length fits side A's last paragraphs (B's first ones) but not the side whole.
    The stretch to reject, as (start, end) offsets: side A's head, or side B's tail."""
    a_starts = starts[bisect_right(starts, s0):bisect_left(starts, cut)]
    b_starts = starts[bisect_right(starts, cut):bisect_left(starts, end)]
    if bool(a_starts) == bool(b_starts):
        return None  # one paragraph each, or several on both sides

    def off(a: int, b: int) -> float:
        return abs(math.log(b / (ratio * a))) if a > 0 and b > 0 else math.inf

    whole = off(cut - s0, end - cut)
    if whole <= UNPAIRED_OFF:
        return None
    if a_starts:
        near, head = min((off(cut - at, end - cut), at) for at in a_starts)
        found = (s0, head)
    else:
        near, tail = min((off(cut - s0, at - cut), at) for at in b_starts)
        found = (tail, end)
    return found if near < UNPAIRED_NEAR and near < whole / UNPAIRED_BETTER else None


def _foreign_tail(text: str, starts: list[int], cut: int, end: int, own: str,
                  other: str) -> int | None:
    """Where side B's last paragraph starts, when that paragraph is in the other
    language and what comes before it is in B's own."""
    last = bisect_left(starts, end) - 1  # the last paragraph start before the end
    if last < 0 or starts[last] <= cut:
        return None
    tail = starts[last]
    if _in_other_language(text[tail:end], own, other) and \
            not _in_other_language(text[cut:tail], own, other):
        return tail
    return None


# A sentence end: what a paragraph's text closes with ("difficile.", "ce jeudi;", "(...)").
_SENTENCE_CLOSE_RE = lazy_pattern(r"[.!?:;…][\"'’”»)\]]*(?=\s|$)|[)\]](?=\s*$)")
# A side that ends a sentence: its last mark, maybe closed by a quote or bracket.
_SIDE_CLOSE_RE = lazy_pattern(r"[.!?:;…][\"'’”»)\]]*\s*$")


# Footnote marks: superscript digits ("sustainability¹,", "1291/2013⁴").
_FOOTNOTE_MARKS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
# A footnote's text: a line opening with its mark and a space ("¹ OJ C 482, 23.12.2016,
# p. 89.").
_FOOTNOTE_RE = lazy_pattern(f"([{_FOOTNOTE_MARKS}]+)[ \u00a0]+\\S")


def _footnote_at(text: str, at: int) -> bool:
    """Whether a footnote's text opens at ``at``: its mark and a space, the same mark
    glued to a word or number before it, as the note's call (not a mark a cut set at a line's
    start, "10 m" / "² of")."""
    m = _FOOTNOTE_RE.match(text, at)
    if m is None:
        return False
    call = re.compile(f"[^\\s{_FOOTNOTE_MARKS}]" + re.escape(m.group(1))
                      + f"(?![{_FOOTNOTE_MARKS}])")
    return call.search(text, 0, at) is not None


def _loose_tail(text: str, starts: list[int], start: int, cut: int, end: int) -> int | None:
    """Numbered dumps: where the lines after side B's paragraph start, when side A ends a
    sentence and what follows side B's last sentence end up to the next numbered paragraph
    holds no sentence end of its own ("... difficile." / "Industrial policy" / "Politique
    industrielle", "PE 123.456v01-00", "2018 2019 2020"): a translation ends as its
    original does, and a line opening after a sentence end that holds none to the next
    number is a heading, a page header or footer, or a table between the two numbered
    paragraphs. The earliest such line start. (Side A must end a sentence: rows of a
    memory such as DGT-TM's addresses and names end with none, in both languages.)
    A footnote's text after side B (:func:`_footnote_at`) is loose too, sentence ends and
    all: it is no part of the paragraph, whose unit would offer it (in both languages) as
    the translation."""
    a_closes = _SIDE_CLOSE_RE.search(text[max(start, cut - 16):cut]) is not None
    # (not a bracket alone: "IMO-Entschließung A.278(VIII)")
    for at in starts[bisect_right(starts, cut):bisect_left(starts, end)]:
        if _footnote_at(text, at):
            return at
        # (side B's number alone before the line is no paragraph: "9." / "Förenta ...,")
        if a_closes and _split_number(text[cut:at])[1].strip() and \
                not _SENTENCE_CLOSE_RE.search(text, at, end):
            return at
    return None


def _foreign_head(text: str, starts: list[int], start: int, cut: int, own: str,
                  other: str) -> int | None:
    """Where side A of the first pair truly starts, when the text before it is the end of
    a paragraph in side B's language (a copy that opens mid-paragraph): the paragraph start
    inside side A with the text before it leaning clearly to side B's language and the text
    after it to side A's; of several, the one with the most evidence (the two stretches'
    leans weighed by their words). ``None`` when no paragraph start is so."""
    best: tuple[float, int] | None = None
    for at in starts[bisect_right(starts, start):bisect_left(starts, cut)]:
        head_lean, head_words = text_lean(text[start:at], other, own)
        rest_lean, rest_words = text_lean(text[at:cut], own, other)
        # (the rest need only lean its own way: a heading in capitals leans less,
        # "LIST OF ARBITRATORS PROVIDED FOR IN ARTICLE 94 OF THE AGREEMENT" 0.47)
        if min(head_words, rest_words) < OTHER_LANGUAGE_MIN_WORDS \
                or head_lean < OTHER_LANGUAGE_LEAN or rest_lean <= 0:
            continue
        weight = head_lean * head_words + rest_lean * rest_words
        if best is None or weight > best[0]:
            best = (weight, at)
    return None if best is None else best[1]


# The words that make a number with a full stop before them a date, not a paragraph
# number, in the languages that write the day (or the year) as an ordinal: "18. Februar
# 2019", "18. veebruar", "1. tammikuuta", "2019. gada 18. februārī", "1995. aasta",
# "2019. február 18.". Months inflect: a form ending in "-" is a stem any form of which
# counts, the others count as written (a short stem would take other words along).
# Languages that write "18 febbraio", "18 February" put no full stop there.
_DATE_WORDS = {
    "de": "januar jänner februar feber märz april mai juni juli august september oktober "
          "november dezember",
    "da": "januar februar marts april maj juni juli august september oktober november "
          "december",
    "no": "januar februar mars april mai juni juli august september oktober november "
          "desember",
    "is": "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember",
    "et": "jaanuar- veebruar- märts- aprill- mai mail maini maist juuni- juuli- august- "
          "septemb- oktoob- novemb- detsemb- aasta-",
    "fi": "tammikuu- helmikuu- maaliskuu- huhtikuu- toukokuu- kesäkuu- heinäkuu- elokuu- "
          "syyskuu- lokakuu- marraskuu- joulukuu-",
    "lv": "janvār- februār- marts martā marta aprīl- maijs maijā maija jūnij- jūlij- august- "
          "septembr- oktobr- novembr- decembr- gada gadā",
    "hu": "január- február- március- április- május- június- július- augusztus- "
          "szeptember- október- november- december- évi",
    "hr": "siječ- veljač- ožujak ožujka travanj travnja svibanj svibnja lipanj lipnja "
          "srpanj srpnja kolovoz- rujan rujna listopad- studen- prosin-",
    "sl": "januar- februar- marec marca april- maj maja junij- julij- avgust- septemb- "
          "oktob- novemb- decemb-",
    "cs": "leden ledna únor února březen března duben dubna květen května červen června "
          "červenec července srpen srpna září říjen října listopad- prosin-",
    "sk": "január- február- marec marca apríl- máj mája jún júna júl júla august- "
          "septemb- októb- novemb- decemb-",
}
_DATE_WORDS["nb"] = _DATE_WORDS["nn"] = _DATE_WORDS["no"]
# (a name of its own: as _FIRST_WORD_RE it replaced _shared_last_word's, which keeps
# hyphens and digits, "Loran-C")
_DATE_WORD_RE = lazy_pattern(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def _date_words(langs: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words (lower case) and the stems of :data:`_DATE_WORDS` of ``langs``."""
    forms = " ".join(_DATE_WORDS.get(lang, "") for lang in langs).split()
    return (frozenset(f for f in forms if not f.endswith("-")),
            tuple(f[:-1] for f in forms if f.endswith("-")))


def _is_date(text: str, after: int, langs: tuple[str, ...]) -> bool:
    """Whether the word at ``after``, following a number and its full stop, makes it a
    date in a language of ``langs`` (:data:`_DATE_WORDS`)."""
    m = _DATE_WORD_RE.match(text, after)
    if m is None:
        return False
    words, stems = _date_words(langs)
    word = m.group().lower()
    return word in words or word.startswith(stems)


def _leading_paragraph_number(text: str, at: int, langs: tuple[str, ...]) -> int | None:
    """The paragraph number opening ``text`` at ``at``: none where it is a date."""
    m = LEADING_NUMBER_RE.match(text, at)
    if m is None or _is_date(text, m.end(), langs):
        return None
    return int(m.group(1))


def _numbered_line_starts(stream: Stream, langs: tuple[str, ...]) -> list[tuple[int, int]]:
    """(offset, number) of every line, fold continuations aside, that opens with a
    paragraph number (after at most a short lead-in of punctuation), not a date in a
    language of ``langs`` ("18. Februar 2019: Sitzung ...")."""
    out = []
    text = stream.text
    for start, folded in zip(stream.line_starts, stream.folded, strict=True):
        if folded:
            continue
        lead = len(text[start:start + 4]) - len(text[start:start + 4].lstrip(_OPENERS + " \t"))
        number = _leading_paragraph_number(text, start + lead, langs)
        if number is not None:
            out.append((start, number))
    return out


# Of the numbers opening lines, at least this share must pair up (each written twice, once
# per language) for the lines to be numbered paragraphs.
PAIRED_NUMBERS_MIN = 0.5


def _is_numbered(stream: Stream, langs: tuple[str, ...], lines: list[tuple[int, int]],
                 candidates: list[_Token]) -> bool:
    """Whether the dump numbers its paragraphs: it opens with a number, or its numbered
    lines follow each other in sequence (N, N, N+1...) even when a title comes first.
    A sequence goes on at least once: the same year opening three lines ("2003. En peu de
    mots" where cuts fell before it, the same paragraph twice in a dump of 30 unnumbered
    pairs) is no numbering, and read as one it left nothing but two rejects. Dates in
    ``langs`` ("18. Februar 2019") are no numbers, and the numbers must pair up: headings
    that open with a date or an ordinal in one language only ("18. Februar 2019: Sitzung"
    / "18 febbraio 2019: riunione", "2. Sitzung" / "2a riunione"), three in a rising
    sequence, made an unnumbered dump numbered and every pair a reject. ``lines``: the
    numbered lines (:func:`_numbered_line_starts`); ``candidates``: the paragraph-number
    candidates (:func:`_number_tokens`)."""
    if _leading_paragraph_number(stream.text, 0, langs) is not None:
        return True
    numbers = [n for _, n in lines]
    if len(numbers) < 3:
        return False
    steps = list(zip(numbers, numbers[1:], strict=False))
    in_sequence = sum(b in (a, a + 1) for a, b in steps)
    return (in_sequence >= 0.6 * len(steps) and any(b == a + 1 for a, b in steps)
            and _numbers_pair_up(candidates, set(numbers)))


def _numbers_pair_up(candidates: list[_Token], numbers: set[int]) -> bool:
    """Whether most of ``numbers`` stand twice or more among the paragraph-number
    ``candidates``."""
    written = Counter(t.number for t in candidates)
    paired = sum(written[n] >= 2 for n in numbers)
    return paired >= PAIRED_NUMBERS_MIN * len(numbers)


def _triples(text: str, tokens: list[_Token], states: list[int]) -> list[tuple[int, int, int]]:
    """Pairs as (start, A -> B split, end) offsets from a Viterbi state sequence."""
    sides: list[tuple[int, int, int]] = []  # (state, start offset, end offset)
    start, current = 0, states[0] if states else 0
    for tok, state in zip(tokens, states, strict=True):
        if state != current:
            if state == 0 and tok.line_start is not None:
                cut = tok.line_start  # a new pair starts with its line
            elif tok.number is not None:
                cut = tok.start  # side B starts with its paragraph number
            else:
                cut = _gap_cut(text, tok.start)
            sides.append((current, start, cut))
            start, current = cut, state
    sides.append((current, start, len(text)))
    triples = []
    i = 0
    while i < len(sides):
        state, s0, e0 = sides[i]
        if state == 0 and i + 1 < len(sides):
            triples.append((s0, e0, sides[i + 1][2]))
            i += 2
        elif state == 0:  # A without B
            triples.append((s0, e0, e0))
            i += 1
        else:  # B without A: the pair lost its first side
            triples.append((s0, s0, e0))
            i += 1
    return triples


def _leading_number(text: str, start: int, end: int) -> int | None:
    m = LEADING_NUMBER_RE.match(text, start, end)
    return int(m.group(1)) if m else None


def _split_orphans(text: str, tokens: list[_Token], triples: list[tuple[int, int, int]]
                   ) -> list[tuple[int, int, int]]:
    """Numbered dumps: find the pairs that lost a side, so the rest still pairs.

    "34. EN 35. EN 35. FR" reads as a side A holding two paragraphs: the line starting with
    B's number opens a pair of its own, and what comes before it lacks (or hides, in a
    language the scores did not see) its side B. "34. EN 34. FR 35. FR": a line inside B
    starting with the next number opens a pair whose side A is missing.
    """
    # Sorted by offset: the lines inside a span are found by bisection, not by a scan of
    # the whole file for every pair (quadratic in the pairs of a file).
    numbered_lines = [(t.line_start, t.number) for t in tokens
                      if t.number is not None and t.line_start is not None]
    offsets = [pos for pos, _ in numbered_lines]
    token_starts = [t.start for t in tokens]

    def lines_within(start: int, end: int, number: int) -> list[int]:
        first, last = bisect_right(offsets, start), bisect_left(offsets, end)
        return [pos for pos, no in numbered_lines[first:last] if no == number]

    out: list[tuple[int, int, int]] = []
    for s0, cut, e1 in triples:
        a_no, b_no = _leading_number(text, s0, cut), _leading_number(text, cut, e1)
        if a_no is not None and b_no is not None and a_no != b_no:
            inner = lines_within(s0, cut, b_no)
            if inner:
                out.append(_own_switch(tokens, token_starts, s0, inner[0], a_no))
                out.append((inner[0], cut, e1))
                continue
        if b_no is not None:
            inner = lines_within(cut, e1, b_no + 1)
            if inner:
                out.append((s0, cut, inner[0]))
                out.append((inner[0], inner[0], e1))
                continue
        out.append((s0, cut, e1))
    return out


def _own_switch(tokens: list[_Token], token_starts: list[int], start: int, end: int,
                number: int) -> tuple[int, int, int]:
    """A pair between ``start`` and ``end``, split at its last own number if it has one."""
    first, last = bisect_right(token_starts, start), bisect_left(token_starts, end)
    inner = [t.start for t in tokens[first:last] if t.number == number]
    return (start, inner[-1], end) if inner else (start, end, end)


def _gap_cut(text: str, token_start: int) -> int:
    """Where side B starts when its first word is at ``token_start``: after the last
    space before it, so opening quotes and brackets go with B."""
    j = token_start
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return j if j > 0 else token_start


# Numbers shorter than this are left out of _run_together: a digit recurs inside codes
# ("IEC 61162-3 ed1.2 ... am1") without anything having run together.
RUN_TOGETHER_MIN_CHARS = 2


def _run_together(source: str, target: str) -> tuple[str, int] | None:
    """A number (two characters or more) that one side holds twice and the other never,
    and that side (0 source, 1 target); None when there is none.

    A translation carries its numbers over ("ISO 9875 (2000)" / "ISO 9875:2000"). A side
    that holds a number twice while the other lacks it has taken in a neighbouring short
    pair whole, both its halves: "ISO 9875 (2000) ISO 9875:2000 Speed and distance
    measuring equipment" / "Équipement de mesure de vitesse" (DGT-TM, unnumbered). The
    pair's boundaries are then wrong, and its units would offer a translator text that is
    not the translation. Read back from unnumbered dumps of DGT-TM and Europarl (some
    28,000 right pairs), every pair this caught was such a one, and no right pair was.
    """
    counts = [Counter(number for _, number in _numbers(text)
                      if len(number) >= RUN_TOGETHER_MIN_CHARS) for text in (source, target)]
    for side in (0, 1):
        for number, times in counts[side].items():
            if times >= 2 and not counts[1 - side][number]:
                return number, side
    return None


_ALNUM_RE = lazy_pattern(r"[^\W_]+")


def _bare_side_apart(source: str, target: str) -> tuple[str, int] | None:
    """A side that holds no word, only numbers or labels (digits, a letter alone, Roman
    numbers), one of which the other side lacks: that label, and the side (0 source, 1
    target); None when there is none.

    A translation keeps its numbers and labels, and a side of them alone is written alike
    in both languages ("8" / "8"). In a list of references cut where a line opens with the
    labels that close a row ("Απόφ. IMO MSC.48(66)- (Κώδικας LSA) I, IV IMO Res.MSC.48(66)-
    (LSA Code)" / "I, IV", DGT-TM, unnumbered), a pair started at them: "I," / "IV" is no
    pair, and its unit would offer "IV" as the translation of "I"."""
    tokens = [_ALNUM_RE.findall(text) for text in (source, target)]
    for side in (0, 1):
        if not all(t.isdigit() or len(t) == 1 or _ROMAN_RE.fullmatch(t) for t in tokens[side]):
            continue
        missing = [t for t in tokens[side] if t not in tokens[1 - side]]
        if missing:
            return missing[0], side
    return None


# A label that starts both sides of a pair ("a =", "No", "Fő u."): one or two tokens of at
# most this many characters.
LABEL_MAX_CHARS = 6


def _late_label(text: str, s0: int, cut: int, e1: int) -> int:
    """Where side B starts (``cut``, or before a label side A ends with).

    A label that starts both sides of a pair ("a = the number of Associated States" / "a =
    le nombre d'États associés", "Fő u. 44-50" / "Fő u. 44-50.") is in neither language, so
    the turn from side A to side B may come one label late: side A then ends with its own
    leading label and side B starts without it. The label goes back to side B. (DGT-TM,
    unnumbered dumps in several pairs of languages; in a numbered dump side B starts at its
    number.) No side of the DGT-TM EN/FR pairs or paragraph of the Europarl sessions ends
    with its own leading label of this size: the rule only meets labels a late turn left."""
    tokens, b_tokens = text[s0:cut].split(), text[cut:e1].split()
    for n in (2, 1):
        label = tokens[:n]
        if (len(tokens) > 2 * n and tokens[-n:] == label and b_tokens[:n] != label
                and len(" ".join(label)) <= LABEL_MAX_CHARS):
            at = s0 + len(text[s0:cut].rstrip())
            for token in reversed(label):
                at = text.rindex(token, s0, at)
            return at
    return cut


def _split_number(side: str) -> tuple[int | None, str]:
    m = LEADING_NUMBER_RE.match(side) or _LEADING_LABEL_RE.match(side)
    if m:
        return int(m.group(1)), side[m.end():]
    return None, side


def _printed_label(side: str) -> str | None:
    """The label a numbered side opens with when it is more than its number ("31a.",
    "31 bis."), as printed; ``None`` for "31." (or no label)."""
    if LEADING_NUMBER_RE.match(side):
        return None
    m = _LEADING_LABEL_RE.match(side)
    return _tidy(m.group(0)) if m else None


# The white space a side's text never keeps as written: a run of spaces, tabs or what is
# left of line breaks is one space. No-break spaces ("10\u00a0000", "déclare\u202f:") and
# the other typographic spaces are written on purpose and CAT tools match on them: they
# stay as the input has them (str.split would make each of them a space).
_COLLAPSED_SPACE_RE = lazy_pattern("[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")


def _tidy(text: str) -> str:
    """``text`` with its runs of ordinary white space one space, and no padding."""
    return _COLLAPSED_SPACE_RE.sub(" ", text).strip()


def _plain(text: str) -> str:
    """``text`` with every run of white space one ordinary space, no-break ones too."""
    return " ".join(text.split())


# A side is taken for the other language when its words lean that way by this much on
# average (word scores are log10 frequency ratios clipped to +-3; real sides lean their own
# way by 1 to 2) and it has enough words to tell.
OTHER_LANGUAGE_LEAN = 0.5
OTHER_LANGUAGE_MIN_WORDS = 4


def _in_other_language(text: str, own: str, other: str) -> bool:
    lean, count = text_lean(text, other, own)
    return count >= OTHER_LANGUAGE_MIN_WORDS and lean >= OTHER_LANGUAGE_LEAN


# An unnumbered "pair" whose text leans this far one way as a whole (mean word score), while
# its other side leans at most ONE_LANGUAGE_SIDE its own way, and whose sides share no number
# though one holds some, is one paragraph in one language cut in two: "See Article 5(2)." as
# "See" -> "Article 5(2).", "Council Regulation (EC) No 1234/2007" cut before "No". A
# translation keeps its numbers; real pairs whose side is all codes and cognates ("IMO Res.
# MSC.95(72)" -> "Rés. MSC.95(72) de l'OMI") share them.
ONE_LANGUAGE_WHOLE = 0.8
ONE_LANGUAGE_SIDE = 0.5


# A side of fewer than OTHER_LANGUAGE_MIN_WORDS words (too few to tell its language)
# beside one of at least this many is a scrap cut off the other side, not its translation:
# 3 KB of English without French was read as 2,998 characters -> "s" and rejected as
# too-long, a reason that hid that the text holds no French at all. (A pair so unequal is
# a length-ratio reject in any case: 30 words against 3 are 4 times as long.)
SCRAP_BESIDE_WORDS = 30


def _scrap_beside(source: str, target: str, langs: tuple[str, str]) -> bool:
    """Whether one side is too short to judge and the other long (see
    :data:`SCRAP_BESIDE_WORDS`)."""
    counts = sorted(text_lean(side, *langs)[1] for side in (source, target))
    return counts[0] < OTHER_LANGUAGE_MIN_WORDS and counts[1] >= SCRAP_BESIDE_WORDS


def _one_language(source: str, target: str, langs: tuple[str, str]) -> int | None:
    """0 when an unnumbered pair is a source-language paragraph cut in two, 1 when it is
    a target-language one (see :data:`ONE_LANGUAGE_WHOLE`), else ``None``. Such a pair
    holds a number on one side only, or a scrap of a side beside a long one, or its side
    in the other language leans the wrong way (:func:`_leans_the_other_way`)."""
    numbers = set(_DIGITS_RE.findall(source)), set(_DIGITS_RE.findall(target))
    shared = bool(numbers[0] & numbers[1])
    numbers_apart = not shared and bool(numbers[0] or numbers[1])
    scrap = _scrap_beside(source, target, langs)
    if shared and not scrap:
        return None  # a translation keeps its numbers
    whole, count = text_lean(f"{source} {target}", *langs)
    if count < 2 or abs(whole) < ONE_LANGUAGE_WHOLE:
        return None
    if not (numbers_apart or scrap):
        return _leans_the_other_way(source, target, langs, whole)
    if scrap:  # the lean of a scrap's word or two says nothing of its own
        return 0 if whole > 0 else 1
    if whole > 0:  # the paragraph reads as the source language: does the target side?
        lean, _ = text_lean(target, langs[1], langs[0])
        return 0 if lean <= ONE_LANGUAGE_SIDE else None
    lean, _ = text_lean(source, langs[0], langs[1])
    return 1 if lean <= ONE_LANGUAGE_SIDE else None


# A pair without numbers whose text leans ONE_LANGUAGE_WHOLE one way as a whole, and whose
# side in the other language leans the same way (OTHER_LANGUAGE_LEAN over two words or more,
# CLEAR_LEAN over one), is one paragraph in one language cut in two: "This is only English
# text." read as "This is only" -> "English text.", a German line given as de/fr as "Die" ->
# "Vertragsparteien erleichtern.". Each side alone is too short for _in_other_language, so
# the pair was written. The words the other side holds too are left out (a name a
# translation keeps: "For Côte d'Ivoire" / "Pour la Côte d'Ivoire"). On the 12,281 DGT-TM
# units of 16 language pairs and the Europarl sessions, no translation is taken so (one
# unit whose English side is Bulgarian is); of
# their one-language sides cut in two at one word at random, 58 % are (28 % before). The
# rest: a side that leans too little (codes, cognates, a name) to tell.
ONE_WORD_SIDE_LEAN = 1.0  # CLEAR_LEAN of the cleaning rules: a word alone must lean clearly


def _leans_the_other_way(source: str, target: str, langs: tuple[str, str],
                         whole: float) -> int | None:
    """0 (1) when a pair without numbers whose text leans ``whole`` to the source (target)
    language has its other side leaning that way too (see :data:`ONE_WORD_SIDE_LEAN`),
    else ``None``. Not for the same text on both sides (a name) nor between close
    languages, whose shared words lean both ways ("Protupožarne zaklopke" / "Dušilci
    ognja", Croatian and Slovene, leans to Slovene), nor a language without a word list
    (Maltese words lean by their n-grams, too weak on a few words)."""
    known = word_list_languages()
    if langs[0] not in known or langs[1] not in known or close_languages(*langs) \
            or _plain(source) == _plain(target):
        return None
    own, side, beside, other = ((1, target, source, 0) if whole > 0 else
                                (0, source, target, 1))
    kept = {word.casefold() for word in WORD_RE.findall(beside)}
    words = [word for word in WORD_RE.findall(side) if word.casefold() not in kept]
    lean, count = text_lean(" ".join(words), langs[own], langs[other])
    if count >= 2 and lean <= -OTHER_LANGUAGE_LEAN or \
            count == 1 and lean <= -ONE_WORD_SIDE_LEAN:
        return other
    return None


# A numbered side's sentences: cut after a sentence end before a capital or a digit, with
# or without a space (a line joined after "difficile." to "31a. Yes"), and its clauses
# after a semicolon: a resolution's paragraph is one sentence of clauses ("...; stresses
# ...;"), and one under a label the reader does not know ("31 a)") ends with a semicolon.
_NUMBERED_SENTENCE_CUT_RE = lazy_pattern(
    # (the mark is part of the cut, not looked behind for: a look-behind opening a pattern
    # is tried at every character; the pieces are only weighed by their words)
    r"[.!?][\"'’”»)\]]*\s*(?=[(\[«“‘\"']*[^\W_a-z])|;\s+")
# A sentence of a numbered side is taken for the other language when it has this many
# words (a name, a title or a short quotation in the other language has fewer) and leans
# that way as :func:`_in_other_language` asks.
FOREIGN_SENTENCE_MIN_WORDS = 8


def _foreign_sentence(text: str, own: str, other: str) -> str | None:
    """The first sentence of a numbered side that reads as the other language, if any.

    In a numbered dump a side runs to the next paragraph number the reader knows, so a
    paragraph labelled as it does not know ("31a.", "33 bis.") was read as part of side B
    of the pair before it, English and French together: the unit offered that English
    as French. A side of a real pair holds no whole sentence of the other language."""
    for sentence in _NUMBERED_SENTENCE_CUT_RE.split(text):
        lean, count = text_lean(sentence, other, own)
        if count >= FOREIGN_SENTENCE_MIN_WORDS and lean >= OTHER_LANGUAGE_LEAN:
            return sentence
    return None


def _by_language(first: str, second: str, langs: tuple[str, str]) -> tuple[str, str] | None:
    """``first`` and ``second`` as (source, target) when each reads clearly as one of the
    two languages and they differ (as :func:`_in_other_language` judges a side); else
    ``None``."""
    leans = [text_lean(half, *langs) for half in (first, second)]
    if any(count < OTHER_LANGUAGE_MIN_WORDS or abs(lean) < OTHER_LANGUAGE_LEAN
           for lean, count in leans) or (leans[0][0] > 0) == (leans[1][0] > 0):
        return None
    return (first, second) if leans[0][0] > 0 else (second, first)


def _check_pair(
    source: str, target: str, numbered: bool, file: str, line: int,
    source_lang: str, target_lang: str, langs: tuple[str, str], *, shown: str,
) -> tuple[Pair | None, Reject | None]:
    """The pair of ``source`` and ``target``, or the reject saying why not; a reject shows
    ``shown``, the text as the file has it (its halves in the file's order)."""
    src_no, src_text = _split_number(source) if numbered else (None, source)
    tgt_no, tgt_text = _split_number(target) if numbered else (None, target)
    src_text, tgt_text = _tidy(src_text), _tidy(tgt_text)

    def reject(reason: str, detail: str = "",
               languages: tuple[str, ...] = ()) -> tuple[None, Reject]:
        return None, Reject(file, line, reason, _tidy(shown), languages,
                            detail=detail)

    if not src_text and not tgt_text:
        return reject("empty pair")
    if not src_text or not tgt_text:
        text, number, lang, missing = ((tgt_text, tgt_no, target_lang, source_lang)
                                       if not src_text else
                                       (src_text, src_no, source_lang, target_lang))
        second = re.search(rf"(?:^|\s){number}\.\s", text) if number is not None else None
        if second is not None:
            halves = _by_language(text[:second.start()], text[second.end():], langs)
            if halves is not None:
                # "34. FR 34. EN" in a dump written English first: the one pair of the
                # file in the other order, read as one side; its halves tell their languages
                return _check_pair(f"{number}. {halves[0]}", f"{number}. {halves[1]}",
                                   numbered, file, line, source_lang, target_lang, langs,
                                   shown=shown)
            # the paragraph's number twice on the one side: both halves in one language
            # ("1329. 200, rue de la Loi 1329. Rue de la Loi 200", DGT-TM)
            return reject(f"no {missing} side: both halves of a paragraph read as {lang}",
                          f"paragraph {number}")
        return reject(f"{missing} side missing or empty")
    if numbered and src_no != tgt_no:
        if src_no is None or tgt_no is None:
            side = source_lang if src_no is None else target_lang
            return reject(f"paragraph number missing on the {side} side")
        return reject("paragraph number mismatch", f"{src_no} vs {tgt_no}")
    # judged as before no-break spaces were kept (each an ordinary space): the identifier's
    # n-grams read them as other characters
    for text, lang, own, other_lang in ((_plain(src_text), source_lang, langs[0], target_lang),
                                        (_plain(tgt_text), target_lang, langs[1], source_lang)):
        # a third language first: judged between the pair's two only, Finnish read as
        # German, and the reject said "it side is in de"
        other = third_language(text, langs)
        if other:
            # what the paragraph holds: the document's check and a run left without units
            # name it (a German dump labelled Dutch)
            return reject(f"{lang} side is in another language ({other})", languages=(other,))
        if _in_other_language(text, own, langs[1] if own == langs[0] else langs[0]):
            # both sides in one language: a text without its translation, split in two
            return reject(f"{lang} side is in {other_lang}: no translation to pair")
    if numbered:
        for text, lang, own, other, other_lang in (
                (src_text, source_lang, langs[0], langs[1], target_lang),
                (tgt_text, target_lang, langs[1], langs[0], source_lang)):
            foreign = _foreign_sentence(_plain(text), own, other)
            if foreign is not None:
                return reject(f"pair boundaries unsure: the {lang} side holds a sentence in "
                              f"{other_lang} (a paragraph without a number of its own?)",
                              # its opening words: the report's line says where
                              " ".join(foreign.split()[:6]) + " ...")
    alone = None if numbered else _one_language(src_text, tgt_text, langs)
    if alone is not None:
        lang = source_lang if alone == 0 else target_lang
        return reject(f"unpaired paragraph ({lang} only)")
    if not numbered:
        doubled = _run_together(src_text, tgt_text)
        if doubled is not None:
            number, side = doubled
            twice, never = ((source_lang, target_lang) if side == 0 else
                            (target_lang, source_lang))
            return reject(f"pair boundaries unsure: a number twice on the {twice} side and "
                          f"not on the {never} side (two pairs run together?)", number)
        bare = _bare_side_apart(src_text, tgt_text)
        if bare is not None:
            label, side = bare
            bare_lang, other_lang = ((source_lang, target_lang) if side == 0 else
                                     (target_lang, source_lang))
            return reject(f"pair boundaries unsure: the {bare_lang} side holds only numbers "
                          f"or labels, one of which the {other_lang} side lacks", label)
    labels = None
    if numbered and src_no is not None:
        # "31a." / "31 bis.": each side's label is written as printed, and the paragraph is
        # known by it (31 is another paragraph's)
        src_label, tgt_label = _printed_label(source), _printed_label(target)
        if src_label is not None or tgt_label is not None:
            labels = (src_label or f"{src_no}.", tgt_label or f"{tgt_no}.")
    return Pair(src_text, tgt_text, source_lang, target_lang, src_no, file, line,
                labels=labels), None
