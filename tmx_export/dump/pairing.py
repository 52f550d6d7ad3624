"""Pair: find the paragraph pairs in a repaired stream.

A dump's stream is a sequence of pairs, each "side A then side B", where A and B are the
two languages in a fixed order (not necessarily source first). Two switches must be found:

* A -> B, inside a pair: anywhere between two words; in numbered dumps only at a paragraph
  number ("34. invite ..."), preferably the number the pair started with;
* B -> A, the start of the next pair: only at the start of an input line that is not a
  fold continuation; in numbered dumps only where that line starts with a number.

Both are found together by a two-state Viterbi search over the words, scored by the word
language scores of :mod:`tmx_export.lang`, with a cost per switch (in an unnumbered dump,
by the search of :mod:`.unnumbered` and :mod:`.pair_search` over line starts and splits).
Numbers inside the text ("in 1997.", "Article 5.") never start a side unless the language
changes there.
Then each pair is checked (both sides present, numbers agree, no third language) and
either kept or rejected with a reason.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING

from .._lazy import lazy_pattern
from ..frequencies import listed_languages, zipf
from ..lang import (
    CAPITALS_WEIGHT,
    MAX_WORD_SCORE,
    THIRD_LANGUAGE_PROB,
    WORD_RE,
    close_languages,
    elisions,
    identifier,
    primary,
    text_lean,
    third_language,
    word_list_languages,
    word_scores,
)
from ..model import Pair, Reject
from .repair import Stream
from .sides import (
    DIGITS_RE,
    ITEM_LEAD_RE,
    NAME_LEAN,
    OPENERS,
    QUOTED_LETTER,
    ROMAN_RE,
    SPLIT_PUNCT,
    gap_cut,
    tidy,
    written_numbers,
)

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
    elided = _elision_leans(first, second)
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
        if elided:
            _score_elisions(block, at, values, elided)
        _score_bracketed_names(block, at, values)
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


# The lean of an elided word before an apostrophe and a letter ("all'APE", "dell'Unione",
# "l'OMI"): a word of a language that elides (:func:`..lang.elisions`), whatever the other
# language's list says of the letters alone ("all" is an English word, -1.4 to English in
# an IT-EN pair: DGT-TM "Rappresentante degli Stati della SADC aderenti all'APE |
# Representative of the SADC EPA States" gave "all'APE" to the English).
ELISION_LEAN = 2.0
_ELIDED_RE = lazy_pattern(r"(?<![\w'’])([^\W\d_]{1,7})['’](?=[^\W\d_])")


def _elision_leans(first: str, second: str) -> dict[str, float]:
    """The elided words of one language of the pair and not the other's (lower case), each
    with its lean (> 0 for ``first``)."""
    mine, theirs = elisions(first), elisions(second)
    leans = {word: ELISION_LEAN for word in mine - theirs}
    leans.update({word: -ELISION_LEAN for word in theirs - mine})
    return leans


def _score_elisions(block: str, at: np.ndarray, values: np.ndarray,
                    leans: dict[str, float]) -> None:
    """Score each elided word of ``leans`` before an apostrophe and a letter its lean."""
    import numpy as np

    for m in _ELIDED_RE.finditer(block):
        lean = leans.get(m.group(1).lower())
        if lean is not None:
            i = int(np.searchsorted(at, m.start(1)))
            if i < len(at) and at[i] == m.start(1):
                values[i] = lean


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
_QUOTED_LETTER_RE = lazy_pattern(QUOTED_LETTER)


LAST_LATIN = "\u0250"  # the first letter after the Latin blocks


def _score_quoted_letters(block: str, starts: np.ndarray, values: np.ndarray) -> None:
    """Scores nothing for the letters of ``block`` (words starting at ``starts``) that
    stand alone between quotes or brackets, but a letter of another script than the Latin
    one, which its language writes where the other writes a Latin letter (DGT-TM BG-EN
    "... кабели от клас „А“ | Penetrations through ‘A’ class", the Cyrillic "А" scored
    nothing and opening the English)."""
    import numpy as np

    at = np.fromiter((m.start() + 1 for m in _QUOTED_LETTER_RE.finditer(block)
                      if block[m.start() + 1] < LAST_LATIN), dtype=np.int64)
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


# A name in brackets: words in capitals but short ones ("and", "of"), an acronym after a
# dash among them ("(Heading Control System — HCS)")
_BRACKETED_RE = lazy_pattern(r"\(([^()\n]{3,200})\)")
# characters after a bracket, beyond its own length, where its words may begin again: the
# next side, not another row naming the same thing
BRACKETED_NAME_REACH = 150


def _score_bracketed_names(block: str, starts: np.ndarray, values: np.ndarray) -> None:
    """Scores nothing for the words of a name in brackets, two words or more in capitals,
    that the text after it writes again (in small letters or capitals): a name one side
    gives in the other's language after its own, whose translation names it the same
    (DGT-TM NL-EN "Koersautomaat (Heading Control System — HCS) | Heading control system
    (HCS)"). Its English words had read the Dutch side as English: two rows run together
    ("... removed from MED Koersautomaat (Heading ...)" offered as English), or, numbered,
    the row refused with "no nl side"."""
    import numpy as np

    for m in _BRACKETED_RE.finditer(block):
        words = WORD_RE.findall(m.group(1))
        if sum(w[:1].isupper() for w in words) < 2 or any(
                w[:1].islower() and len(w) > 3 for w in words):
            continue
        reach = m.end() + BRACKETED_NAME_REACH + len(m.group())
        after = WORD_RE.findall(block, m.end(), reach)
        if f" {' '.join(words).lower()} " not in f" {' '.join(after).lower()} ":
            continue
        lo, hi = np.searchsorted(starts, [m.start(1), m.end(1)])
        values[lo:hi] = 0.0


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
    for index, (tok, start, end) in enumerate(zip(tokens, [0] + bounds[1:], ends,
                                                  strict=True)):
        words = text[start:end]
        if "(" in words:
            # (a name the next side writes again scores nothing: "313. Koersautomaat
            # (Heading Control System — HCS) 313. Heading control system (HCS)", whose
            # Dutch side read as English, both halves given to it)
            following = text[end:ends[index + 1]] if index + 1 < len(ends) else ""
            words = _without_kept_names(words, following)
        tok.score = sum(map(score, WORD_RE.findall(words)))
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
                         tidy(text[:head]))
            triples[0] = (head, *triples[0][1:])
    lang_a, lang_b = (src, tgt) if source_first else (tgt, src)
    tag_a, tag_b = (source_lang, target_lang) if source_first else (target_lang, source_lang)
    starts = _paragraph_starts(stream)
    if numbered:
        triples = _one_per_paragraph(triples, [p for p, _ in numbered_lines])
        triples = _split_run_in(text, triples, (src, tgt))
    ratio = _length_ratio(triples)  # (side B's length against side A's, over the file)
    if triples and not numbered:
        head = _foreign_head(text, starts, *triples[0][:2], lang_a, lang_b)
        if head is not None:
            # A copy that starts inside side B's last paragraph: that tail has no
            # translation here, and glued to the first pair's side A it costs that pair.
            yield Reject(file, stream.line_at(0), f"text before the first pair ({tag_b} only)",
                         tidy(text[:head]))
            triples[0] = (head, *triples[0][1:])
    # the width of the stream's lines, measured the first time a pair asks: a sort of every
    # line's length, which measured again for each pair that asked cost 0.3 s of CPU on
    # 10,000 real pairs cut at spaces
    line_width = cache(partial(_line_width, stream))
    narrowest = cache(partial(_narrowest_cut, stream))  # (so too the narrowest cut)
    widest = cache(partial(_widest_line, stream))  # (and the widest line)
    for index, (s0, cut, e1) in enumerate(triples):
        if not numbered and index + 1 < len(triples) and triples[index + 1][0] == e1 \
                and (_line_opens_next(stream, s0, e1, *triples[index + 1][1:], ratio,
                                      (lang_a, lang_b), widest)
                     or _name_kept_next(text, s0, e1, *triples[index + 1][1:])):
            # "Oui, Madame" / "Schroedter, j'examinerai ...", lines of 20 characters: the
            # next pair's first line, cut into a pair of its own ("Oui," -> "Madame"),
            # then a reject (French alone) and the next pair's French without its first
            # words; its sentence goes on in the next pair, which it opens
            triples[index + 1] = (s0, *triples[index + 1][1:])
            continue
        split = None if numbered else _split_first_line(stream, s0, cut, e1, lang_a, lang_b)
        if split is not None:
            # A line alone, the file's first or one between two pairs, cut into a pair
            # though one language writes it all ("Coordination" -> "Fonds
            # structurels/Fonds de cohésion", a French heading): a paragraph without its
            # translation, not a unit.
            yield Reject(file, stream.line_at(s0),
                         f"unpaired paragraph ({tag_b if split else tag_a} only)",
                         tidy(text[s0:e1]))
            continue
        lone = None if numbered else _lone_first_line(stream, s0, cut, e1, ratio, lang_a,
                                                      lang_b, line_width, narrowest,
                                                      widest)
        if lone is not None:
            # A heading or a sentence alone on a line, without its translation, on the
            # file's first line or between two pairs: the search starts every pair with
            # side A, so it went into the next pair's side A ("Industrial policy At the
            # request ...", or French before English), offered as part of the source.
            end, foreign = lone
            yield Reject(file, stream.line_at(s0),
                         f"unpaired paragraph ({tag_b if foreign else tag_a} only)",
                         tidy(text[s0:end]))
            s0 = end
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
        again = _number_again(text, numbered_lines, s0, cut) if numbered else None
        if again is not None:
            # "6. Für die Zwecke dieses Übereinkommens bezeichnet:" on a line of its own
            # before "6. IN ANERKENNUNG ..." / "6. RECONNAISSANT ...": side A opens twice
            # with its number, the first paragraph without its translation, no part of
            # the pair's source text.
            yield Reject(file, stream.line_at(s0), f"unpaired paragraph ({tag_a} only)",
                         tidy(text[s0:again]))
            s0 = again
        loose = _loose_tail(text, starts, s0, cut, e1) if numbered else None
        if loose is not None:
            # A heading, a page's header or footer, a row of figures between two numbered
            # paragraphs: no part of side B's paragraph, whose unit would offer it as
            # translated text.
            reason = "footnote" if _footnote_at(text, loose) else \
                "text between numbered paragraphs"
            yield Reject(file, stream.line_at(loose), reason, tidy(text[loose:e1]))
            e1 = loose
        tail = _foreign_tail(text, starts, cut, e1, lang_b, lang_a)
        if tail is not None:
            # A paragraph in side A's language after side B: a paragraph without its
            # translation, not part of this pair's translation.
            yield Reject(file, stream.line_at(tail), f"unpaired paragraph ({tag_a} only)",
                         tidy(text[tail:e1]))
            e1 = tail
        unpaired = None if numbered else _unpaired_by_length(starts, s0, cut, e1, ratio)
        if unpaired is None:
            # a short one changes the lengths too little: the layout or the sentences may
            # tell it, in a numbered dump too ("La séance est levée à 11 h 50." after side B)
            unpaired = _unpaired_by_sentences(stream, starts, s0, cut, e1, numbered, ratio)
        if unpaired is not None:
            # A paragraph without its translation before side A, or after side B, in that
            # side's language: the other side translates only the rest.
            begin, stop = unpaired
            alone = tag_a if begin == s0 else tag_b
            yield Reject(file, stream.line_at(begin), f"unpaired paragraph ({alone} only)",
                         tidy(text[begin:stop]))
            s0, e1 = (stop, e1) if begin == s0 else (s0, begin)
        if unpaired is None and not numbered:
            lone_end = _lone_last_line(stream, s0, cut, e1, ratio, lang_a, lang_b,
                                       line_width, narrowest)
            if lone_end is not None:
                # A heading or a sentence alone on a line between two pairs, in side B's
                # language: glued to the side B before it, whose unit would offer it as
                # part of the translation.
                yield Reject(file, stream.line_at(lone_end),
                             f"unpaired paragraph ({tag_b} only)", tidy(text[lone_end:e1]))
                e1 = lone_end
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
        yield Reject(file, head.line_at(0), reason, tidy(head.text))


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
        if not folded and ITEM_LEAD_RE.match(text, at) and \
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
        from .unnumbered import _segmental  # unnumbered dumps only: a numbered one never loads it

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
        lead = text[start:start + 4].lstrip(OPENERS)
        if before[-1:] in SPLIT_PUNCT and (lead[:1].isupper() or lead[:1].isdigit()):
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


# A file whose cut style keeps the space at a cut this surely (lines unstripped): a break
# without one before a capital, after a sentence's or a clause's end, is a paragraph's end.
LAYOUT_SURE = 0.9
# ... and one that keeps none this surely (PDF-style cuts): every cut at a sentence end
# looks like a paragraph's end, and a translator who wrote one sentence as two ("... do not
# adhere to it ourselves." / "... même pas." + "C'est scandaleux.") could not be told from
# a paragraph without translation: no evidence either way.
LAYOUT_NONE = 0.1
# A paragraph start after a sentence's end ("clos.", "(Applause)", "« ... ».") or a
# clause's ("PME;", "bezeichnet:"), not after a bracket or quote alone ("(COM(1999)" /
# "344", 'FEOGA "' / 'Orientation"': cut inside a token, no space to keep).
_PARAGRAPH_CLOSE_RE = lazy_pattern(r"(?:[.!?:;…][\"'’”»)\]]*|\))$")


def _unpaired_by_sentences(stream: Stream, starts: list[int], s0: int, cut: int, end: int,
                           numbered: bool, ratio: float) -> tuple[int, int] | None:
    """A paragraph without its translation inside a pair, found where the lengths cannot
    tell it (:func:`_unpaired_by_length`: "La séance est levée à 11 h 50." after side B
    changes its length too little): side B's last paragraph (in an unnumbered dump, or side
    A's first), which opens after a sentence's or clause's end, is unpaired when the rest
    of its side fits the other side's length, and

    * the file's layout says it is a paragraph: its line opens after a break without a
      space in a file whose cuts keep theirs (:data:`LAYOUT_SURE`), so no cut inside a
      paragraph ("clos. " / "Le vote");
    * or, the layout unsure (a short file), its sentences say so: the other side has no
      more sentences than the rest of its side, and the other side's sentence at that
      edge fits the rest's one with the paragraph better than the paragraph alone (the
      paragraph translates no sentence of its own).

    A break that kept its space is a cut inside a paragraph, and in a file cut PDF-style
    (:data:`LAYOUT_NONE`) nothing is found. The stretch to reject, as (start, end)
    offsets, as :func:`_unpaired_by_length` gives it; ``None`` when there is none, or when
    unsure."""
    text = stream.text
    if stream.spaces_kept <= LAYOUT_NONE:
        return None
    b_starts = starts[bisect_right(starts, cut):bisect_left(starts, end)]
    a_starts = [] if numbered else starts[bisect_right(starts, s0):bisect_left(starts, cut)]
    # (side B's last paragraph, then side A's first: the other side, the rest, the block)
    candidates = []
    if b_starts:
        candidates.append(((s0, cut), (cut, b_starts[-1]), (b_starts[-1], end)))
    if a_starts:
        candidates.append(((cut, end), (a_starts[0], cut), (s0, a_starts[0])))
    for other, rest, block in candidates:
        after = block[0] > rest[0]
        at = block[0] if after else rest[0]  # the paragraph start
        line = bisect_left(stream.line_starts, at)
        if line < len(stream.spaced) and stream.spaced[line]:
            continue  # a cut inside a paragraph ("clos. " / "Le vote"): no paragraph's end
        before = text[rest[0] if after else block[0]:at].rstrip()
        if not _PARAGRAPH_CLOSE_RE.search(before[-16:]) or \
                before.endswith(")") and (before.count("(") != before.count(")")
                                          or before.count("[") > before.count("]")):
            continue
        a_len, b_len = (other[1] - other[0], rest[1] - rest[0]) if after else \
            (rest[1] - rest[0], other[1] - other[0])
        if a_len <= 0 or b_len <= 0 or abs(math.log(b_len / (ratio * a_len))) > UNPAIRED_OFF:
            continue  # the rest of the side is no translation of the other side either
        if stream.spaces_kept >= LAYOUT_SURE:
            return block
        # without a numbered side's label: "34. Calls" opens with a sentence of its own
        others, own = (_sentences(_split_number(text[slice(*span)])[1] if numbered else
                                  text[slice(*span)]) for span in (other, rest))
        if not others or not own or len(others) > len(own):
            continue  # the other side has a sentence left to translate the paragraph's
        size = len(_plain(text[slice(*block)]))
        edge, mine = (others[-1], own[-1]) if after else (others[0], own[0])
        # (lengths as side B's: the other side's scaled by the ratio when it is side A)
        scale = ratio if after else 1.0 / ratio
        alone = abs(math.log(size / (scale * edge)))
        joined = abs(math.log((mine + 1 + size) / (scale * edge)))
        if joined < alone:
            return block
    return None


def _sentences(text: str) -> list[int]:
    """The lengths of ``text``'s sentences and clauses, as a numbered side is cut into
    them (:data:`_NUMBERED_SENTENCE_CUT_RE`), white space made single spaces."""
    return [len(piece) for piece in map(_plain, _NUMBERED_SENTENCE_CUT_RE.split(text))
            if piece]


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


def _number_again(text: str, numbered_lines: list[tuple[int, int]], start: int, cut: int
                  ) -> int | None:
    """Numbered dumps: where side A opens again with its own number, on a line of its own
    after a sentence's or clause's end (a paragraph under that number without its
    translation before the pair's own side A); ``None`` when it does not."""
    number = _leading_number(text, start, cut)
    if number is None:
        return None
    for at, again in numbered_lines[bisect_right(numbered_lines, (start, number)):]:
        if at >= cut:
            break
        # (a line opening with side B's own number, " 43. Dans", starts before the cut)
        if again == number and _SIDE_CLOSE_RE.search(text[max(start, at - 16):at]) and \
                _split_number(text[at:cut])[1].strip():
            return at
    return None


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


# The longest first line of an unnumbered dump looked at as a paragraph of its own (a
# heading, a signature, a closing line: SHORT_PAIR of the unnumbered search).
LONE_LINE_CHARS = 200
# Side B's first sentence ends fit side A's this much better (log, on average) without the
# lone line than with it.
LONE_BETTER = math.log(1.2)
LONE_SENTENCES = 3  # side B's first sentences measured
# How likely the file's cuts keep their spaces for a break without one after the first
# line to end it: lower than LAYOUT_SURE, as a file's first line is a line start already
# (no cut of a paragraph's sentence at its end is weighed, only whether it is one).
LONE_LAYOUT = 0.5


def _lone_first_line(stream: Stream, start: int, cut: int, end: int, ratio: float,
                     own: str, other: str,
                     line_width: Callable[[], int | None] | None = None,
                     narrowest: Callable[[], int | None] | None = None,
                     widest: Callable[[], int] | None = None
                     ) -> tuple[int, bool] | None:
    """Unnumbered dumps: where a pair's side A truly starts when its first line (the
    file's, or one between two pairs) is a paragraph without its translation (a heading,
    "Industrial policy"; a sentence, "The sitting was opened at 9 a.m."), and whether that
    line is in side B's language. The next line opens like a paragraph (a capital, a
    digit) after a line that ends on a word or a sentence's end, the rest of side A fits
    side B's length, and one of these says that the line is no part of the paragraph
    after it:

    * its words lean clearly to side B's language, the rest's to A's;
    * the layout: the break before the next line kept no space in a file whose cuts keep
      theirs (a cut inside a paragraph keeps it);
    * its line is short in a file whose lines have one width (text copied from a PDF);
    * the sentences (any other file, the file's first line only): side B's first
      sentences end where the rest's do, far better than where they end with the line
      (:func:`_first_sentence_alone`).

    ``None`` when the first line is part of side A, or may be. ``line_width``: the
    stream's :func:`_line_width`, kept by the caller for all its pairs (so too
    ``narrowest``, :func:`_narrowest_cut`, and ``widest``, :func:`_widest_line`)."""
    text = stream.text
    first = bisect_right(stream.line_starts, start)
    if first >= len(stream.line_starts):
        return None
    width = _line_width(stream) if line_width is None else line_width()
    # a heading over two lines or more of a narrow column: its last line tells (below)
    lines = first if width is None else _full_lines_to(
        stream, first, start, min(cut, start + LONE_LINE_CHARS), width, True)
    several, first = lines != first, lines
    at = stream.line_starts[first]
    if at >= cut or at - start > LONE_LINE_CHARS or stream.folded[first]:
        return None
    head = text[start:at].rstrip()
    lead = text[at:at + 4].lstrip(OPENERS)
    if not head or not (head[-1].isalnum() or head[-1] in SPLIT_PUNCT) or \
            not (lead[:1].isupper() or lead[:1].isdigit()) or _capitals_across(head, lead):
        return None
    from .unnumbered import name_across  # (unnumbered dumps only ask)

    if name_across(head, text[at:at + 48], (own, other)):
        return None  # "I would like Mr Barón" / "Crespo, who ...": a name cut, no heading
    whole, rest = cut - start, cut - at

    def off(a: int) -> float:
        return abs(math.log((end - cut) / (ratio * a))) if a > 0 and end > cut else math.inf

    if off(rest) > max(off(whole), UNPAIRED_OFF):
        return None  # the rest alone fits side B less well: the line is part of it
    head_lean, head_words = text_lean(head, other, own)
    rest_lean, _ = text_lean(text[at:cut], own, other)
    if head_words and head_lean >= ONE_WORD_SIDE_LEAN and rest_lean > 0:
        return at, True
    if head_lean > 0:
        return None  # leaning to the other language a little: not side A's own text
    if stream.spaces_kept >= LONE_LAYOUT:
        # (no join: "Mc" / "Donald" is a cut inside a word)
        return (at, False) if not stream.spaced[first] and stream.join_odds[first] < 0 \
            else None
    if width is not None and _room_taken(stream, first) <= width and \
            (several or len(head) < SHORT_LINE * width):
        # a page's lines are full but a paragraph's last; but for one the next word did
        # not fit on ("Monsieur le" / "Président, Je ..." in lines of 21 characters)
        return at, False
    if width is None and head_lean < 0 and not _SENTENCE_CLOSE_RE.search(head[:-1]) and \
            _short_of_cuts(stream, first, (own, other), narrowest):
        # a heading (no sentence inside it; in words of its language, not codes alone, "IEC
        # 61023 (2007) CEI 61023:2007", a short pair's line): the next line's first word had
        # room on its line
        return at, False
    if width is None and head_lean < 0 and \
            _room_taken(stream, first) <= (_widest_line(stream) if widest is None
                                           else widest()) and \
            _heading_unmatched(text, start, at, cut, end, ratio, (own, other)):
        # a heading too long for the narrowest cut to tell ("Transport of dangerous goods
        # by road" / "Mr President, ..."): side B's first sentence translates the rest
        # only. Not when the line with the next word is longer than any line of the file:
        # at every width it was cut at, that word had no room, and the words of a
        # sentence's first line share little with its translation's ("At the request of a
        # French" / "Member, Mr Zimeray, ...", lines of 25 to 30 characters: "French" is
        # "français")
        return at, False
    if start:
        # (between two pairs, where a translator's sentences split otherwise than the
        # original's fooled it: pairs of random_dumps.py read short)
        return None
    return (at, False) if _first_sentence_alone(text, start, at, cut, end, ratio) else None


# The words side B's first sentences must share with side A's first sentence after a
# heading line (their first four letters: names, words written alike in both languages,
# "Commission", "transport"), none with the line: a translation shares them with its
# original, and a pair whose rest shares this few tells nothing (languages of other
# scripts share none). The same at side B's end, with side A's last sentences.
HEADING_SHARED = 2
HEADING_ANCHORS = 2  # ... and the words the line must hold, none shared
# A word this frequent (Zipf) in its language is a function word ("that", "pour"), no
# evidence of a translation either way.
HEADING_WORD_ZIPF = 6.0
# The sentence ends of the side the line is no part of fit those of the rest of its own
# side this much better (log, on average) than those with the line: any better at all,
# since the words said so first.
HEADING_BETTER = 1e-9
_KEY_WORD_RE = lazy_pattern(r"[^\W\d_]{4,}")  # a word of four letters or more


def _heading_unmatched(text: str, start: int, at: int, cut: int, end: int, ratio: float,
                       langs: tuple[str, str]) -> bool:
    """Whether side A's first line (``start``..``at``) is a heading without its translation
    in a file cut at random widths, where the line's length says nothing: no sentence end
    in it but a colon at its end, the next line opening with a letter or a digit,
    :func:`_line_unmatched` by side B's first sentences (``langs``: side A's language, then
    B's), and side B's first sentence ends fit the rest's better than with the line
    (:func:`_first_sentence_alone`)."""
    head = text[start:at].strip()
    if not head or _SENTENCE_CLOSE_RE.search(head[:-1]) or head[-1] in ".!?;,)" or \
            not text[at:at + 1].isalnum():
        return False
    rest = _side_sentences(text[at:cut])
    others = _side_sentences(text[cut:end])
    return bool(rest) and _line_unmatched(head, rest[0], others, ratio, langs) and \
        not _anchor_after_line(head, rest[0], others[0], ratio, langs) and \
        _first_sentence_alone(text, start, at, cut, end, ratio, HEADING_BETTER)


def _line_opens_next(stream: Stream, start: int, end: int, cut: int, after: int,
                     ratio: float, langs: tuple[str, str], widest: Callable[[], int]) -> bool:
    """Whether the line from ``start`` to ``end`` (a pair of its own to the search) opens
    the next pair's side A (from ``end`` to ``cut``; side B to ``after``): it ends no
    sentence, the next line's first word had no room on it (the line with it is longer
    than any line of the file), and the first name the next line's sentence shares with
    side B stands in B as far in as it does in A with the line, far nearer than without
    (:func:`_anchor_after_line`: "Oui, Madame" / "Schroedter, j'examinerai ..." against
    "Yes, Mrs Schroedter, ..."). A heading ends its line itself, and the names after it
    stand where the sentence alone puts them."""
    text, starts = stream.text, stream.line_starts
    line, after_line = text[start:end].strip(), bisect_left(starts, end)
    if not line or line[-1] in SPLIT_PUNCT or after_line >= len(starts) or \
            starts[after_line] != end or starts[after_line - 1] != start or \
            _room_taken(stream, after_line) <= widest():
        return False  # (one line alone, the next pair opening the next line)
    edge, others = _side_sentences(text[end:cut]), _side_sentences(text[cut:after])
    return bool(edge) and bool(others) and \
        _anchor_after_line(line, edge[0], others[0], ratio, langs, opening=True)


KEPT_NAME_CHARS = 12  # characters, at least, of a name the next pair's side B opens with


def _name_kept_next(text: str, start: int, end: int, cut: int, after: int) -> bool:
    """Whether the pair from ``start`` to ``end`` is, whole, the name the next pair's side B
    opens with (from ``cut`` to ``after``) and goes on from: a translation keeps a name in
    the original ("Bundesministerium für Verkehr und digitale Infrastruktur (Ministerul
    Transporturilor ...) | Bundesministerium für Verkehr und digitale Infrastruktur
    (Ministero dei trasporti ...)", DGT-TM RO-IT), and the name, alone on a line cut
    before its bracket, was a pair of its own ("Bundesministerium für" / "Verkehr und
    digitale Infrastruktur"), the next pair's side A without it. The name opens that side
    A."""
    whole = " ".join(text[start:end].split())
    if len(whole) < KEPT_NAME_CHARS or whole[-1] in SPLIT_PUNCT:
        return False
    opening = " ".join(text[cut:min(after, cut + 2 * (end - start) + 8)].split())
    return opening.startswith(whole + " ")


def _anchor_after_line(line: str, edge: str, other: str, ratio: float,
                       langs: tuple[str, str], opening: bool = False) -> bool:
    """Whether the first name of side A's first sentence after the line (``edge``) that
    side B's first sentence (``other``) holds too (:func:`_word_keys`), no further in than
    the line is long, stands in B as far in as it does in A with the line before it, far
    nearer than without (:data:`LONE_BETTER`, log, lengths scaled by ``ratio``, side B's
    length against side A's): the line opens that sentence ("At the request of a French" /
    "Member, Mr Zimeray, ...": "Zimeray" 44 characters into "À la demande d'un député
    français, Monsieur Zimeray, ...", 38 into the English with the line, 11 without).
    After a heading the names stand where the sentence alone puts them. ``langs``: A's
    language, then B's; ``opening``: the line ends inside its sentence, so ``edge``'s
    first word may be the name ("Oui, Madame" / "Schroedter, ...")."""
    own, lang = langs
    shared = _word_keys(edge, own) & _word_keys(other, lang)
    if not shared:
        return False

    def offset(sentence: str, language: str, key: str, inside: bool = False) -> int | None:
        # (a name: a capital inside the sentence, in both; words a translator reorders, or
        # that share their first letters by chance, "grand" / "granting", tell nothing)
        for word in _KEY_WORD_RE.finditer(sentence):
            if (word.start() or inside) and word.group()[0].isupper() and \
                    _word_keys(word.group(), language) == {key}:
                return word.start()
        return None

    found = [(at, key) for key in shared
             if (at := offset(edge, own, key, opening)) is not None]
    if not found or min(found)[0] > len(line):
        return False  # (a name deep in a long sentence moves too little with the line)
    at, key = min(found)
    there = offset(other, lang, key)
    if there is None:
        return False

    def off(a: int) -> float:
        return abs(math.log((there + 1) / (ratio * (a + 1))))

    # (far better: a word deep in a long sentence moves little with the line, and a
    # translation's own order may put it either way)
    return off(len(line) + 1 + at) + LONE_BETTER <= off(at)


def _side_sentences(text: str) -> list[str]:
    """``text`` cut into sentences and clauses as :func:`_sentences` measures them."""
    return [piece for piece in _NUMBERED_SENTENCE_CUT_RE.split(text) if piece.strip()]


def _word_keys(text: str, lang: str) -> set[str]:
    """The first four letters, lower case and without accents, of ``text``'s words of four
    letters or more but the frequent ones (:data:`HEADING_WORD_ZIPF` in ``lang``): what a
    translation keeps of names and words written alike ("Berend", "Commission" /
    "Commissaire", "économique" / "economic")."""
    keys = set()
    for word in _KEY_WORD_RE.findall(text):
        lower = word.lower()
        if zipf(lower, lang) < HEADING_WORD_ZIPF:
            plain = unicodedata.normalize("NFKD", lower[:6])
            keys.add("".join(c for c in plain if not unicodedata.combining(c))[:4])
    return keys


def _line_unmatched(line: str, edge: str, others: list[str], ratio: float,
                    langs: tuple[str, str], opens: bool = True) -> bool:
    """Whether the words of ``line``, opening side A (``opens``) or closing side B, have
    no counterpart in the other side while those of its side's edge sentence (``edge``:
    the first after it, or the last before it) have: the line ends on a word of content
    ("... by road", not "... clear that"), and the other side's sentences at that edge
    (``others``' first, or last, as long as the line and the edge sentence would be there;
    ``ratio``: side B's length against side A's) share none of its
    :data:`HEADING_ANCHORS` words or more (:func:`_word_keys`) but
    :data:`HEADING_SHARED` of the edge sentence's. ``langs``: the line's language, then
    the other side's. A line cut out of a sentence shares the cognates and names of that
    sentence's translation: "Mr President, Commissioner, Mr Berend's report is" /
    "Monsieur le Président, Monsieur le Commissaire, le présent rapport de notre collègue
    Berend"."""
    own, other = langs
    words = _KEY_WORD_RE.findall(line[-24:])
    if not others or not words or not line.endswith(words[-1], 0, len(line.rstrip(" .:"))) \
            or not _word_keys(words[-1], own):
        return False  # "... make it very clear that" / "President Prodi": no paragraph's end
    line_keys = _word_keys(line, own)
    if len(line_keys) < HEADING_ANCHORS:
        return False
    scale = ratio if opens else 1.0 / ratio  # (the other side's length against the line's)
    near: list[str] = []
    size = 0.0
    # (a translator may have written the edge sentence as two)
    for sentence in others if opens else reversed(others):
        near.append(sentence)
        size += len(sentence)
        if size >= scale * (len(line) + 1 + len(edge)):
            break
    keys = _word_keys(" ".join(near), other)
    return not line_keys & keys and len(_word_keys(edge, own) & keys) >= HEADING_SHARED


def _lone_last_line(stream: Stream, start: int, cut: int, end: int, ratio: float,
                    own: str, other: str,
                    line_width: Callable[[], int | None] | None = None,
                    narrowest: Callable[[], int | None] | None = None) -> int | None:
    """Unnumbered dumps, the mirror of :func:`_lone_first_line`: where side B's last line
    starts when it is a paragraph in B's language without its translation (a heading, "Le
    débat est clos.") glued to the pair before it, between two pairs. The line opens like a
    paragraph (a capital, a digit) after a line that ends on a word or a sentence's end, the
    rest of side B fits side A's length, the line's words do not lean to side A's language,
    and one of these says that it is no part of the paragraph before it:

    * the layout: the break before it kept no space in a file whose cuts keep theirs;
    * the line before it is short in a file whose lines have one width (a paragraph's last
      line in text copied from a PDF);
    * the sentences (any other file, the line after a sentence's end, no word across the
      break): side A's last sentences end, counted from the end, where the rest's do, far
      better than where they end with the line (:func:`_last_sentence_alone`). Unlike
      :func:`_lone_first_line`'s, measured between two pairs too: on the pair's last
      sentences a translator's own split fooled it in none of 6000 random dumps.

    ``None`` when the last line is part of side B, or may be. ``line_width``: the stream's
    :func:`_line_width`, kept by the caller for all its pairs."""
    text = stream.text
    line = bisect_right(stream.line_starts, end - 1) - 1  # side B's last line
    if line < 1:
        return None
    # (the stream's width, kept by the caller for all its pairs: see _lone_first_line)
    width = _line_width(stream) if line_width is None else line_width()
    # a heading over two lines or more of a narrow column: the line before it tells (below)
    lines = line if width is None else _full_lines_to(
        stream, line, max(cut, end - LONE_LINE_CHARS), end, width, False)
    several, line = lines != line, lines
    at = stream.line_starts[line]
    if at <= cut or end - at > LONE_LINE_CHARS or stream.folded[line]:
        return None
    before = text[cut:at].rstrip()
    lead = text[at:at + 4].lstrip(OPENERS)
    if not before or not (before[-1].isalnum() or before[-1] in SPLIT_PUNCT) or \
            not (lead[:1].isupper() or lead[:1].isdigit()) or \
            before.count("(") > before.count(")") or before.count("[") > before.count("]"):
        return None  # (a paragraph ends no bracket open: "dangereuses (C" / "5-0208/1999")
    from .unnumbered import name_across  # (unnumbered dumps only ask)

    if _capitals_across(before, text[at:at + 8]) or \
            name_across(before, text[at:at + 48], (own, other)):
        return None  # "... du CE" / "N, ce qui", "... M. Barón" / "Crespo, qui ..."

    def off(b: int) -> float:
        return abs(math.log(b / (ratio * (cut - start)))) if b > 0 and cut > start \
            else math.inf

    if off(at - cut) > max(off(end - cut), UNPAIRED_OFF):
        return None  # the rest alone fits side A less well: the line is part of side B
    tail_lean, _ = text_lean(text[at:end], own, other)  # (own: side A's language)
    if tail_lean > 0:
        return None  # leaning to side A's language, if a hair: not side B's own text
    if stream.spaces_kept >= LONE_LAYOUT:
        # (no join: "Mc" / "Donald" is a cut inside a word)
        return at if not stream.spaced[line] and stream.join_odds[line] < 0 else None
    previous = text[stream.line_starts[line - 1]:at].strip()
    if width is not None and (several or len(previous) < SHORT_LINE * width) and \
            _room_taken(stream, line) <= width:
        return at  # a page's lines are full but a paragraph's last (see _lone_first_line)
    if width is None and tail_lean < 0 and off(at - cut) + LONE_BETTER <= off(end - cut) and \
            _heading_pair_lines(stream, start, cut, line, end):
        # a heading of B's language after a heading pair, each heading a line of its own
        # ("Transport of dangerous goods by road" / "Transport de marchandises dangereuses
        # par route" / "Ordre des travaux"): the pair's French fits its English far better
        # without the third line, which a cut at a random width put there by no chance
        return at
    if width is None and tail_lean < 0 and _short_of_cuts(stream, line, (own, other),
                                                          narrowest):
        return at  # side B's paragraph ended before it: its first word had room
    if width is None and tail_lean < 0 and line + 1 < len(stream.line_starts) and \
            not _SENTENCE_CLOSE_RE.search(text[at:end]) and \
            _PARAGRAPH_CLOSE_RE.search(before[-16:]) and \
            _short_of_cuts(stream, line + 1, (own, other), narrowest):
        # a heading ("Politique industrielle"): no sentence end in it, after side B's
        # sentence end, its own line ended with room for the next pair's first word. (Side
        # B's last line, long, tells nothing: a cut at a sentence end looks the same; and a
        # line ending a sentence, "Le débat est clos.", may be side B's last sentence.)
        return at
    if width is None and tail_lean < 0 and line + 1 < len(stream.line_starts) and \
            not _SENTENCE_CLOSE_RE.search(text[at:end]) and \
            _PARAGRAPH_CLOSE_RE.search(before[-16:]) and \
            _PARAGRAPH_CLOSE_RE.search(text[start:cut].rstrip()[-16:]):
        # a heading ("Transport de marchandises dangereuses par route") after side B's
        # sentence end, too long for the narrowest cut to tell: B's paragraph would end
        # without the mark A's ends with, which a translation keeps (none of the 274
        # Europarl pairs of 17 and 21 January 2000 drops it)
        return at
    if width is None and tail_lean < 0 and _PARAGRAPH_CLOSE_RE.search(before[-16:]) and \
            not _SENTENCE_CLOSE_RE.search(text[at:end].rstrip()[:-1]) and \
            _line_unmatched(text[at:end].strip(), (_side_sentences(text[cut:at]) or [""])[-1],
                            _side_sentences(text[start:cut]), ratio, (other, own), False) and \
            _last_sentence_alone(text, start, cut, at, end, ratio, HEADING_BETTER):
        # a heading or a closing line of B's language after B's sentence end ("Le débat est
        # clos.", "Le vote aura lieu demain à midi."): side A's last sentences translate
        # none of its words, and fit the rest of B better without it
        return at
    return at if stream.join_odds[line] < 0 and _PARAGRAPH_CLOSE_RE.search(before[-16:]) \
        and _last_sentence_alone(text, start, cut, at, end, ratio) else None


def _heading_pair_lines(stream: Stream, start: int, cut: int, line: int, end: int) -> bool:
    """Whether a pair (``start``..``cut``..``end``) is a heading pair with a line after it:
    side A a line of its own, side B's first line (from ``cut``) one too, then ``line``,
    side B's last, none of the three ending or holding a sentence. In a file cut at widths
    that vary, a side that opens and ends a line was a paragraph of its own there."""
    starts, text = stream.line_starts, stream.text
    first = bisect_left(starts, start)
    if first >= len(starts) or starts[first] != start or \
            first + 2 != line or starts[first + 1] != cut:
        return False
    return not any(_SENTENCE_CLOSE_RE.search(text[a:b].rstrip())
                   for a, b in ((start, cut), (cut, starts[line]), (starts[line], end)))


def _last_sentence_alone(text: str, start: int, cut: int, at: int, end: int,
                         ratio: float, better: float | None = None) -> bool:
    """The mirror of :func:`_first_sentence_alone` for side B's last line (``at``..``end``):
    whether side A's last sentence ends, counted from the side's end, fall where those of
    side B before the line do, far better than where they fall with the line. Side A may
    hold no more sentences than the rest of B: a translator who wrote one as two ("... même
    pas." + "C'est scandaleux.") gives B a sentence more, the line one of them."""
    others = _sentences(text[start:cut])[::-1][:LONE_SENTENCES]
    own = _sentences(text[cut:at])[::-1]
    line = _sentences(text[at:end])[::-1]
    if len(others) > len(own):
        return False
    return _edge_sentences_alone(others, own, line, True, 1.0 / ratio, better)


def _capitals_across(before: str, after: str) -> bool:
    """Whether the word ``before`` ends with and the one ``after`` opens with are both in
    capitals: the pieces of a word in capitals a cut split ("the C" / "EN, which", "du CE"
    / "N, ce qui", "[SE" / "C(99)"), no paragraph's end, whatever the join scores say of
    an acronym."""
    last = WORD_RE.findall(before[-12:])
    first = WORD_RE.match(after.lstrip(OPENERS))
    return bool(last) and before.rstrip()[-1:].isalpha() and last[-1].isupper() and \
        first is not None and first.group().isupper()


SHORT_LINE = 0.6  # a line this much shorter than the file's width ends a paragraph
LINE_WIDTH_SHARE = 0.6  # the share of lines within a tenth of the file's width
LINE_WIDTH_LINES = 20  # lines a file needs for its width to be known


def _full_lines_to(stream: Stream, line: int, begin: int, end: int, width: int,
                   forward: bool) -> int:
    """In a file whose lines have one ``width``, where the break before ``line`` is a cut
    for width (the next word did not fit on the line before, so its paragraph goes on):
    the line after a paragraph of a few lines (``forward``: a heading over two lines or
    more opening side A, "Social and economic situation and" / "development of the
    regions of the Union" in a column of 40 characters), or the first line of one (else:
    a heading closing side B), found past the cuts for width up to the first break that is
    none (a short line, the next word had room on it: the paragraph ended there), all
    within ``begin``..``end``. ``line`` itself when no such break is found, or when the
    break before ``line`` is no cut for width (a heading on one line, which the callers
    measure on its own). Linear in the lines looked at, a few."""
    starts, text = stream.line_starts, stream.text
    if not 0 < line < len(starts) or _room_taken(stream, line) <= width:
        return line
    edge = line
    while _room_taken(stream, edge) > width:
        edge += 1 if forward else -1
        if not 0 < edge < len(starts) or not begin < starts[edge] < end:
            return line
    # (a long line with room tells nothing: in a page of a proportional font the lines of
    # one paragraph vary in characters, and a cut may leave room by their count)
    return edge if len(text[starts[edge - 1]:starts[edge]].strip()) < SHORT_LINE * width \
        else line


def _line_width(stream: Stream) -> int | None:
    """The width of the file's lines when they have one (text copied from a PDF page or a
    column: most lines within a tenth of their median length, the rest a paragraph's last
    line or shorter), else ``None``: a file cut at random widths says nothing by them."""
    starts = stream.line_starts
    if len(starts) < LINE_WIDTH_LINES:
        return None
    lengths = sorted(len(stream.text[a:b].strip())
                     for a, b in zip(starts, starts[1:], strict=False))
    median = lengths[len(lengths) // 2]
    near = sum(abs(length - median) <= median / 10 for length in lengths)
    return median if median and near >= LINE_WIDTH_SHARE * len(lengths) else None


NARROWEST_CUTS = 5  # breaks inside a sentence a file needs for its narrowest cut to be known
# A line this much narrower than the file's narrowest cut ended for no lack of room
NARROW_LINE = 0.8


def _narrowest_cut(stream: Stream) -> int | None:
    """The narrowest width the file's lines were cut at, when they were cut at widths
    that vary (text cut PDF-style at random widths, which :func:`_line_width` finds no
    one width in): of the breaks inside a sentence (the next line opening in small
    letters, or a fold continuation), the least length of the line before it and the
    word after it, which did not fit on it. ``None`` with fewer than
    :data:`NARROWEST_CUTS` such breaks."""
    starts, text = stream.line_starts, stream.text
    narrowest, cuts = None, 0
    for line in range(1, len(starts)):
        lead = text[starts[line]:starts[line] + 1]
        if not (lead.islower() or stream.folded[line]):
            continue
        fits = _room_taken(stream, line)
        if fits:
            cuts += 1
            narrowest = fits if narrowest is None else min(narrowest, fits)
    return narrowest if cuts >= NARROWEST_CUTS else None


def _widest_line(stream: Stream) -> int:
    """The length of the file's longest line (white space at its edges left out)."""
    starts, text = stream.line_starts, stream.text
    return max((len(text[a:b].strip()) for a, b in
                zip(starts, [*starts[1:], len(text)], strict=True)), default=0)


def _short_of_cuts(stream: Stream, line: int, langs: tuple[str, str],
                   narrowest: Callable[[], int | None] | None = None) -> bool:
    """Whether the break before ``line`` is no cut for width in a file cut at widths that
    vary: the line before it would have held ``line``'s first word too at a good deal
    less than the narrowest cut of the file (:func:`_narrowest_cut`, or ``narrowest``,
    kept by the caller for all its pairs), so it ended a paragraph (a heading's line, or
    the paragraph's last before one). Never after a word that ends no clause in the
    languages ``langs`` ("... by" / "Mr Berend", "... Mrs" / "Schroedter"): a name or a
    phrase run over the break, which a narrow line of a small file had room for."""
    least = _narrowest_cut(stream) if narrowest is None else narrowest()
    taken = _room_taken(stream, line)
    if least is None or not 0 < taken < NARROW_LINE * least:
        return False
    from .unnumbered import _never_last  # (unnumbered dumps only ask)

    end = stream.line_starts[line]
    last = WORD_RE.findall(stream.text[max(stream.line_starts[line - 1], end - 24):end])
    return not last or last[-1].lower() not in _never_last(langs)[0]


def _room_taken(stream: Stream, line: int) -> int:
    """The width the line before ``line`` would need to hold ``line``'s first word too
    (0 when either is empty): a cut for width is narrower than that."""
    starts, text = stream.line_starts, stream.text
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    before = text[starts[line - 1]:starts[line]].strip()
    word = text[starts[line]:min(end, starts[line] + 64)].split(maxsplit=1)
    return len(before) + 1 + len(word[0]) if before and word else 0


def _split_first_line(stream: Stream, start: int, cut: int, end: int, own: str,
                      other: str) -> bool | None:
    """Unnumbered dumps, a pair that is one line alone (the file's first, or one between
    two pairs): ``True`` (``False``) when the line is side B's (A's) language all through,
    the search's cut notwithstanding: the line leans clearly that way as a whole and the
    side on the other side of the cut leans that way too, if a hair (a word both write,
    "Coordination"). ``None`` for a pair."""
    text, starts = stream.text, stream.line_starts
    line = bisect_left(starts, start)
    if line >= len(starts) or starts[line] != start or len(starts) < 2 or \
            (starts[line + 1] if line + 1 < len(starts) else len(text)) != end:
        return None
    whole, words = text_lean(text[start:end], own, other)
    if words < OTHER_LANGUAGE_MIN_WORDS or abs(whole) < OTHER_LANGUAGE_LEAN:
        return None
    a_words, b_words = ({w.lower() for w in WORD_RE.findall(text[span])}
                        for span in (slice(start, cut), slice(cut, end)))
    if a_words <= b_words or b_words <= a_words:
        # a name or a code both languages write alike ("Bogolo Joy Kenewendo", "No
        # C(2015) 8005" twice): a pair, whichever way its words lean
        return None
    # (whole < 0: the line leans to B's language, and side A is the side to look at)
    side, lean = (text[start:cut], own) if whole < 0 else (text[cut:end], other)
    if {own, other} & listed_languages() and \
            any(zipf(word, own) == zipf(word, other) == 0.0 for word in _KEY_WORD_RE.findall(side)):
        # a word neither language's list holds: a name ("Bogolo Joy Kenewendo" / "For the
        # Joint Council", a signature), which leans by its other words, not a heading's
        # piece
        return None
    if _codes_alone(side):
        return None  # the translation of a title that writes them ("IMO MSC Circ.811")
    if _numbered_alike(text[start:cut], text[cut:end]):
        return None  # "Rez. A.382(X) a OMI | Ris. A.382(X) dell'IMO": a reference's pair
    side_lean, _ = text_lean(side, lean, other if lean == own else own)
    # (leaning the wrong way, if a hair: a side of codes alone leans no way, and is the
    # translation of a title that writes them, "NVIC 2— 92")
    return (whole < 0) if side_lean < 0 else None


CODE_ROW_WORDS = 8  # words, at most, of each half of a line of references


def _numbered_alike(one: str, other: str) -> bool:
    """Whether two halves of a line, each of a few words (:data:`CODE_ROW_WORDS`), hold the
    same numbers, one at least: a reference and its translation, each language heading
    and writing the code its own way, whichever way their few words lean (DGT-TM RO-IT
    "Rez. A.382(X) a OMI | Ris. A.382(X) dell'IMO", ES-FR "MSC Circ. 811 de la OMI |
    Circulaire MSC/Circ.811 de l'OMI", each leaning to Italian or French as a whole and on
    its side A too, rejected as a line of one language)."""
    if max(len(WORD_RE.findall(one)), len(WORD_RE.findall(other))) > CODE_ROW_WORDS:
        return False
    numbers = sorted(v for _, v in written_numbers(one))
    return bool(numbers) and numbers == sorted(v for _, v in written_numbers(other))


def _codes_alone(text: str) -> bool:
    """Whether ``text`` is codes alone: a number, and words that are all acronyms or an
    abbreviation before its number ("IMO MSC Circ.811", "IMO MSC.1/Circ.1503."). Such a
    side is the translation of a row that writes the same codes in words of its language
    ("Circulaire MSC/Circ.811 de l'OMI"), though "Circ" leans French a hair: DGT-TM's EN-FR
    rows of IMO circulars, cut at spaces, were 15 rejects of 460 pairs."""
    words = list(WORD_RE.finditer(text))
    return any(ch.isdigit() for ch in text) and bool(words) and all(
        m.group().isupper() or (text[m.end():m.end() + 1] == "."
                                and text[m.end() + 1:m.end() + 2].isdigit())
        for m in words)


def _first_sentence_alone(text: str, start: int, at: int, cut: int, end: int,
                          ratio: float, better: float | None = None) -> bool:
    """Whether side B's first sentence ends (``cut``..``end``, the first
    :data:`LONE_SENTENCES`) fall where the sentences of side A after ``at`` end, far
    better than where those of the text from ``start`` do: the line's own sentence when
    it ends one ("The sitting was opened at 9 a.m."), else the line on the first sentence
    of the rest ("Industrial policy At the request of ..."). Translators join and split
    sentences, so each end of B is measured against the nearest end of A (lengths scaled
    by the file's ``ratio``)."""
    return _edge_sentences_alone(_sentences(text[cut:end])[:LONE_SENTENCES],
                                 _sentences(text[at:cut]), _sentences(text[start:at]),
                                 _SIDE_CLOSE_RE.search(text[start:at]) is not None, ratio,
                                 better)


def _edge_sentences_alone(others: list[int], own: list[int], line: list[int], closes: bool,
                          scale: float, better: float | None = None) -> bool:
    """The measure of :func:`_first_sentence_alone` and :func:`_last_sentence_alone`, each
    list of sentence lengths in order from the pair's edge: whether the ends of ``others``
    (one side's, unscaled) fall where those of ``own`` (the rest of the other side, lengths
    times ``scale``) do, far better than where they fall with ``line`` at the edge, its own
    sentences when it ``closes`` one, else its words the edge sentence's: by
    :data:`LONE_BETTER`, or ``better`` (log, on average) when given."""
    if not others or not own or not line:
        return False
    # (unclosed, the line's words are the edge sentence's)
    joined = [*line, *own] if closes else [sum(line) + 1 + own[0], *own[1:]]

    def ends(lengths: list[int], factor: float) -> list[float]:
        out, total = [], 0.0
        for length in lengths:
            total += length + (1 if total else 0)  # the space between two sentences
            out.append(factor * total)
        return out

    edge_ends = ends(others, 1.0)

    def fit(side: list[int]) -> float:
        side_ends = ends(side, scale)
        return sum(min(abs(math.log(b / a)) for a in side_ends)
                   for b in edge_ends) / len(edge_ends)

    alone = fit(own)
    return alone <= UNPAIRED_OFF and \
        fit(joined) - alone >= (LONE_BETTER if better is None else better)


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
        lead = len(text[start:start + 4]) - len(text[start:start + 4].lstrip(OPENERS + " \t"))
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
                cut = gap_cut(text, tok.start)
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


# Numbers shorter than this are left out of _run_together: a digit recurs inside codes
# ("IEC 61162-3 ed1.2 ... am1") without anything having run together.
RUN_TOGETHER_MIN_CHARS = 2


def _run_together(source: str, target: str) -> tuple[str, int] | None:
    """A number (two characters or more) that one side holds twice and the other never,
    or such a label (:func:`_labels_run_together`), and that side (0 source, 1 target);
    None when there is none.

    A translation carries its numbers over ("ISO 9875 (2000)" / "ISO 9875:2000"). A side
    that holds a number twice while the other lacks it has taken in a neighbouring short
    pair whole, both its halves: "ISO 9875 (2000) ISO 9875:2000 Speed and distance
    measuring equipment" / "Équipement de mesure de vitesse" (DGT-TM, unnumbered). The
    pair's boundaries are then wrong, and its units would offer a translator text that is
    not the translation. Read back from unnumbered dumps of DGT-TM and Europarl (some
    28,000 right pairs), every pair this caught was such a one, and no right pair was.
    """
    counts = [Counter(number for _, number in written_numbers(text)
                      if len(number) >= RUN_TOGETHER_MIN_CHARS) for text in (source, target)]
    for side in (0, 1):
        for number, times in counts[side].items():
            if times >= 2 and not counts[1 - side][number]:
                return number, side
    return _labels_run_together(source, target)


_GREEK_CYRILLIC_RE = lazy_pattern("[\u0370-\u03ff\u0400-\u04ff]")


def _labels_run_together(source: str, target: str) -> tuple[str, int] | None:
    """A capital letter that the pair quotes as a label (\"klase „A”\", \"třídy „B“\") and
    that one side holds twice, quoted or alone, while the other never does, and that side;
    None when there is none. A translation keeps its labels as its numbers: "IMO MSC.1/Okr.
    1435 konstrukcije klase „B”. ločevalne površine razreda „B“" (DGT-TM, unnumbered) took
    in the next short pair whole. (Not between Latin and Greek or Cyrillic letters, which
    write the same label with letters of their own.)"""
    letters = {m.group()[1] for text in (source, target)
               for m in _QUOTED_LETTER_RE.finditer(text) if "A" <= m.group()[1] <= "Z"}
    if not letters or _GREEK_CYRILLIC_RE.search(source + target):
        return None
    for letter in sorted(letters):
        alone = re.compile(rf"(?<![\w.-]){letter}(?![\w-])")
        counts = [len(alone.findall(text)) for text in (source, target)]
        for side in (0, 1):
            if counts[side] >= 2 and not counts[1 - side]:
                return letter, side
    return None


_ALNUM_RE = lazy_pattern(r"[^\W_]+")
_TWO_SMALL_LETTERS_RE = lazy_pattern(r"[a-z]{2}")


def _bare_side_apart(source: str, target: str) -> tuple[str, int] | None:
    """A side that holds no word, only numbers or labels (digits, a letter alone, Roman
    numbers), one of which the other side lacks: that label, and the side (0 source, 1
    target); None when there is none.

    A translation keeps its numbers and labels, and a side of them alone is written alike
    in both languages ("8" / "8"). In a list of references cut where a line opens with the
    labels that close a row ("Απόφ. IMO MSC.48(66)- (Κώδικας LSA) I, IV IMO Res.MSC.48(66)-
    (LSA Code)" / "I, IV", DGT-TM, unnumbered), a pair started at them: "I," / "IV" is no
    pair, and its unit would offer "IV" as the translation of "I"."""
    if _TWO_SMALL_LETTERS_RE.search(source) and _TWO_SMALL_LETTERS_RE.search(target):
        # each side holds a word (two small letters: no digit, no letter alone, no Roman
        # number), as nearly every pair does: no side to read token by token
        return None
    tokens = [_ALNUM_RE.findall(text) for text in (source, target)]
    for side in (0, 1):
        if not all(t.isdigit() or len(t) == 1 or ROMAN_RE.fullmatch(t) for t in tokens[side]):
            continue
        missing = [t for t in tokens[side] if t not in tokens[1 - side]]
        if missing:
            return missing[0], side
    return None


# A heading in capitals that opens a side: this many words of two letters or more, every
# letter a capital ("VÝBOR PRE OBCHOD A ROZVOJ,"), then running text ...
CAPITAL_HEADING_WORDS = 3
# ... of this many words or more, the first in small letters ("so zreteľom na ...").
CAPITAL_HEADING_TEXT_WORDS = 3


def _capital_heading_apart(source: str, target: str) -> int | None:
    """The side (0 source, 1 target) that opens with a heading in capitals run into
    running text, where the other side opens with running text and no such heading; None
    when neither does.

    A translation writes a heading in capitals as the original does. In DGT-TM dumps of
    close languages a heading pair, its two sides written alike ("VÝBOR PRE OBCHOD A
    ROZVOJ," / "VÝBOR PRO OBCHOD A ROZVOJ,", "GEMENSAMMA RÅDET HAR ANTAGIT FÖLJANDE
    BESLUT" / "DET FÆLLES RÅD HAR —"), leans no way the search can tell, and both went
    into the next pair's side A: the unit offered the Czech heading as Slovak. On the
    DGT-TM units of 19 language pairs no pair opens so (a recital opens in capitals in
    both languages, "UZNÁVAJÚC, že" / "BEROUCE OHLED NA TO, že"; a heading alone, "HAR
    ENATS OM FÖLJANDE." / "er blevet enige om følgende:", runs into no text)."""
    leads = [_heading_lead(source), _heading_lead(target)]
    for side in (0, 1):
        capitals, running = leads[side]
        other_capitals, other_running = leads[1 - side]
        if capitals >= CAPITAL_HEADING_WORDS and \
                len(running) >= CAPITAL_HEADING_TEXT_WORDS and running[0].islower() and \
                not other_capitals and other_running and other_running[0].islower():
            return side
    return None


def _heading_lead(text: str) -> tuple[int, list[str]]:
    """How many words of two letters or more in capitals ``text`` opens with, and the first
    :data:`CAPITAL_HEADING_TEXT_WORDS` words after them: all :func:`_capital_heading_apart`
    reads of a side (the words read as far as that, not the whole side: this runs on
    every pair of an unnumbered dump)."""
    capitals, running = 0, []
    for m in WORD_RE.finditer(text):
        word = m.group()
        if running or not word.isupper():
            running.append(word)
            if len(running) == CAPITAL_HEADING_TEXT_WORDS:
                break
        else:
            capitals += len(word) >= 2
    return capitals, running


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
    return tidy(m.group(0)) if m else None


def _plain(text: str) -> str:
    """``text`` with every run of white space one ordinary space, no-break ones too."""
    return " ".join(text.split())


# A side is taken for the other language when its words lean that way by this much on
# average (word scores are log10 frequency ratios clipped to +-3; real sides lean their own
# way by 1 to 2) and it has enough words to tell.
OTHER_LANGUAGE_LEAN = 0.5
OTHER_LANGUAGE_MIN_WORDS = 4


def _without_kept_names(text: str, other: str) -> str:
    """``text`` without its names in brackets, of two words or more, that ``other`` (the
    other side) writes too: a name one side gives in the other's language after its own,
    no evidence of the side's language (DGT-TM NL-EN "Koersautomaat (Heading Control
    System — HCS)" / "Heading control system (HCS)", refused as "nl side is in en")."""
    if "(" not in text:
        return text
    again = f" {' '.join(WORD_RE.findall(other)).lower()} "

    def kept(m: re.Match[str]) -> str:
        words = WORD_RE.findall(m.group(1))
        return "" if len(words) >= 2 and f" {' '.join(words).lower()} " in again else m.group()

    return _BRACKETED_RE.sub(kept, text)


def _in_other_language(text: str, own: str, other: str) -> bool:
    lean, count = text_lean(text, other, own)
    return count >= OTHER_LANGUAGE_MIN_WORDS and lean >= OTHER_LANGUAGE_LEAN


# Words, at least, that lean clearly (ONE_WORD_SIDE_LEAN) to the other language in a side
# taken for that language: one word alone is no side's language.
OTHER_LANGUAGE_CLEAR_WORDS = 2


def _side_in_other_language(text: str, own: str, other: str) -> bool:
    """Whether a pair's side is in the other language (:func:`_in_other_language`), its
    lean not resting on one word. DGT-TM RO-PT "Rez. MSC.302(87) a OMI" / "Res. IMO
    MSC.302(87)" (and RO-ES, RO-FR) was refused as "ro side is in pt", numbered or not: the
    Romanian abbreviation "Rez." is the Portuguese word "rez" to the lists (2.2), and
    "a" and the codes lean a hair or not at all. (LT-PL "IMO rez. MSC.74(69) 4 priedas
    rezolucja", a Polish word glued to the Lithuanian, leans by two Polish words.)"""
    if not _in_other_language(text, own, other):
        return False
    scores = word_scores(other, own)
    return sum(scores[word] >= ONE_WORD_SIDE_LEAN
               for word in WORD_RE.findall(text)) >= OTHER_LANGUAGE_CLEAR_WORDS


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
    numbers = set(DIGITS_RE.findall(source)), set(DIGITS_RE.findall(target))
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


# A half of a paragraph this long at least is long enough for the identifier to name its
# language (:func:`~tmx_export.lang.third_language`'s shortest text).
HALF_MIN_CHARS = 40


def _half_in_third_language(first: str, second: str, langs: tuple[str, str]) -> str | None:
    """The language the identifier reads a half of a paragraph as (:data:`~tmx_export.lang.
    THIRD_LANGUAGE_PROB` sure, :data:`HALF_MIN_CHARS` long), when it is neither of
    ``langs``: the seed dump read as English-Irish has its French half leaning to English
    against Irish's n-grams (0.6 a word), so the two halves, not told apart by their
    words, were rejected as "both halves of a paragraph read as en", sending the user to
    ``--source-lang``. Asked only of a paragraph already rejected: it names the reason."""
    for half in (first, second):
        if len(half) >= HALF_MIN_CHARS:
            lang, prob = identifier().classify(half)
            if lang not in langs and prob >= THIRD_LANGUAGE_PROB:
                return str(lang)
    return None


def _check_pair(
    source: str, target: str, numbered: bool, file: str, line: int,
    source_lang: str, target_lang: str, langs: tuple[str, str], *, shown: str,
) -> tuple[Pair | None, Reject | None]:
    """The pair of ``source`` and ``target``, or the reject saying why not; a reject shows
    ``shown``, the text as the file has it (its halves in the file's order)."""
    src_no, src_text = _split_number(source) if numbered else (None, source)
    tgt_no, tgt_text = _split_number(target) if numbered else (None, target)
    src_text, tgt_text = tidy(src_text), tidy(tgt_text)

    def reject(reason: str, detail: str = "",
               languages: tuple[str, ...] = ()) -> tuple[None, Reject]:
        return None, Reject(file, line, reason, tidy(shown), languages,
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
            other = _half_in_third_language(text[:second.start()], text[second.end():], langs)
            if other is not None:
                # a half in neither language asked: the dump's other language is not the
                # one the options name ("34. Calls on ... 34. invite ..." read as en-ga)
                return reject(f"{missing} side is in another language ({other})",
                              languages=(other,))
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
    for text, lang, own, other_lang in (
            (_plain(_without_kept_names(src_text, tgt_text)), source_lang, langs[0], target_lang),
            (_plain(_without_kept_names(tgt_text, src_text)), target_lang, langs[1], source_lang)):
        # a third language first: judged between the pair's two only, Finnish read as
        # German, and the reject said "it side is in de"
        other = third_language(text, langs)
        if other:
            # what the paragraph holds: the document's check and a run left without units
            # name it (a German dump labelled Dutch)
            return reject(f"{lang} side is in another language ({other})", languages=(other,))
        if _side_in_other_language(text, own, langs[1] if own == langs[0] else langs[0]):
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
            # (a number is two characters or more: one letter is a label)
            kind = "label" if len(number) == 1 else "number"
            return reject(f"pair boundaries unsure: a {kind} twice on the {twice} side and "
                          f"not on the {never} side (two pairs run together?)", number)
        heading = _capital_heading_apart(src_text, tgt_text)
        if heading is not None:
            with_heading, without = ((source_lang, target_lang) if heading == 0 else
                                     (target_lang, source_lang))
            return reject(f"pair boundaries unsure: the {with_heading} side opens with a "
                          f"heading in capitals the {without} side lacks (a heading pair "
                          "run into the next pair?)")
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
