"""The anchors of a whole text at once, and an index that counts the anchors shared by
many sentence pairs at once (for long inputs, searched with numpy).

:func:`_anchor_keys` reads every sentence of both sides as one array of code points and finds
the anchors that :func:`.align_features._features` finds sentence by sentence, as integer
keys; :class:`_AnchorIndex` keeps them as sorted keys and inverted indexes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .align_features import (
    _FUNCTION_PREFIXES,
    _GROUP_POINTS,
    _NORMALISE,
    GROUP_SPACES,
    Glossary,
    _features,
    _greek_question,
)


def _unique(values: np.ndarray, runs: bool = False) -> np.ndarray:
    """np.unique for a 1-d array, by sorting: many times faster than numpy 2's hashing.
    ``runs``: the values are long runs of sorted values, which a merge sort only merges."""
    values = np.sort(values, kind="stable" if runs else None)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _searchsorted(values: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """np.searchsorted(values, queries) for sorted values; when the queries are sorted too,
    by merging the two (linear, where the binary searches take n log n)."""
    if len(queries) < 2 or (queries[1:] < queries[:-1]).any():
        return np.searchsorted(values, queries)
    # a query's place in the merge (the queries first on a tie, as side="left"), less the
    # queries before it, is the number of values before it
    order = np.argsort(np.concatenate((queries, values)), kind="stable")
    return np.flatnonzero(order < len(queries)) - np.arange(len(queries))


def _isin(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """np.isin for non-negative values below 2**32 and a few members: a hash of the values
    (to 16 bits, by Knuth's multiplicative method) rules out nearly all of them at once."""
    def hashed(x: np.ndarray) -> np.ndarray:
        return (x * 0x9E3779B1 & 0xFFFFFFFF) >> 16

    table = np.zeros(1 << 16, bool)
    table[hashed(members)] = True
    out = np.zeros(len(values), bool)
    maybe = np.flatnonzero(table.take(hashed(values)))
    if len(members) and len(maybe):
        members = np.sort(members)
        found = np.minimum(np.searchsorted(members, values[maybe]), len(members) - 1)
        out[maybe] = members[found] == values[maybe]
    return out


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The concatenation of range(start, start + count) for each pair."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, np.intp)
    ends = np.cumsum(counts)
    return np.repeat(starts - ends + counts, counts) + np.arange(total)


# What reading anchors needs of a character (see _ANCHOR), as of its normalised form: its
# classes in the low byte (the punctuation key of "?", "!", '"' in bits 5-6) and the number
# of its letter in the high byte (0 for none), or _UNSEEN (not met yet) or _CONTEXT (its
# lower case depends on its neighbours, or too many letters to number in a byte). _SPACE:
# a space that may group the digits of a number ("1 000").
_WORD, _LETTER, _DIGIT, _DOT, _PUNCT, _SPACE = 1, 2, 4, 8, 16, 128
_PUNCT_SHIFT = 5
_PUNCT_KEYS = {"?": 1, "!": 2, '"': 3}
_UNSEEN, _CONTEXT = 0xFFFF, 0xFFFE
_LETTER_BYTE = 8  # the letter's number is info >> 8
_CHARS = np.full(0x250, _UNSEEN, np.uint16)  # by code point, grown as characters are met
_LETTERS: dict[str, int] = {}  # normalised letter -> its number, 1..255
_CHARS_LOCK = threading.Lock()


def _char_info(code: int) -> int:
    """The _CHARS entry of a character (see above)."""
    char = chr(code)
    norm = char.lower().translate(_NORMALISE)
    if len(norm) != 1 or char == "\u03a3":  # (capital sigma lowers by its context)
        return _CONTEXT
    flags = ((_WORD if re.match(r"\w", norm) else 0)
             | (_DIGIT if re.match(r"\d", norm) else 0)
             | (_DOT if norm == "." else 0)
             | (_PUNCT | _PUNCT_KEYS[norm] << _PUNCT_SHIFT if norm in _PUNCT_KEYS else 0)
             | (_SPACE if norm in GROUP_SPACES else 0))
    if not re.match(r"[^\W\d_]", norm):
        return flags
    letter = _LETTERS.setdefault(norm, len(_LETTERS) + 1)
    return _CONTEXT if letter > 0xFF else flags | _LETTER | letter << _LETTER_BYTE


def _char_infos(codes: np.ndarray) -> np.ndarray:
    """The _CHARS entry of every code point of ``codes``, the table filled in for the
    characters not met before (by any call: the table is kept for the process)."""
    global _CHARS
    if not len(codes):
        return np.zeros(0, np.uint16)
    top = int(codes.max()) + 1
    if top <= len(_CHARS):
        infos = _CHARS.take(codes)
        if infos.max() < _UNSEEN:
            return infos
    with _CHARS_LOCK:
        chars = _CHARS
        if top > len(chars):
            chars = np.full(top, _UNSEEN, np.uint16)
            chars[:len(_CHARS)] = _CHARS
        new = _unique(codes[chars.take(codes) == _UNSEEN].astype(np.intp))
        chars[new] = [_char_info(code) for code in new.tolist()]
        _CHARS = chars
    return chars.take(codes)


def _anchor_keys(texts: Sequence[str], glossary: Glossary | None,
                 targets: int) -> tuple[np.ndarray, np.ndarray]:
    """(text index, integer key) of every anchor of ``texts``; the last ``targets`` texts
    are target sentences (for the glossary). Keys are the anchors of _features, numbered.

    The texts are read as one array of code points, which finds the same anchors as
    _ANCHOR on each lower-cased, normalised sentence, many times faster."""
    joined = "\n".join(texts)  # a separator that no anchor crosses
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    infos = _char_infos(codes)
    strings: dict[str, int] = {}  # the anchors other than words, numbered
    if len(infos) and infos.max() >= _CONTEXT:
        # a character whose lower case depends on its neighbours: read sentence by sentence
        sent, key = [], []
        first_target = len(texts) - targets
        for index, text in enumerate(texts):
            for anchor in _features(text, glossary, index >= first_target):
                sent.append(index)
                key.append(strings.setdefault(anchor, len(strings)))
        return np.array(sent, np.intp), np.array(key, np.int64)

    cls = infos.astype(np.uint8)  # (the low byte)
    letters = (infos >> _LETTER_BYTE).astype(np.uint8)
    pos, word_keys = _word_keys(cls, letters)
    word_space = 1 << 32
    number_pos, number_keys = _number_keys(joined, codes, cls, word_space + 3, strings)
    # "?", "!" and quotes
    punct_pos = np.flatnonzero((cls & _PUNCT) != 0)
    punct_keys = word_space - 1 + (cls[punct_pos] >> _PUNCT_SHIFT).astype(np.int64)

    lengths = np.fromiter(map(len, texts), np.intp, len(texts))
    starts = np.cumsum(lengths + 1) - lengths - 1
    sent = np.concatenate([_text_of(starts, p) for p in (pos, number_pos, punct_pos)])
    key = np.concatenate((word_keys, number_keys, punct_keys))
    if ";" in joined and not joined.isascii():  # Greek's question mark (see _greek_question): "?"
        greek = [index for index, text in enumerate(texts) if _greek_question(text)]
        if greek:
            sent = np.concatenate((sent, greek))
            key = np.concatenate((key, [word_space - 1 + _PUNCT_KEYS["?"]] * len(greek)))
    if glossary is not None:
        first_target = len(texts) - targets
        extra = [(index, anchor) for index, text in enumerate(texts)
                 for anchor in glossary.keys(text, index >= first_target)]
        if extra:
            sent = np.concatenate((sent, [i for i, _ in extra]))
            key = np.concatenate((key, [word_space + 3 + strings.setdefault(a, len(strings))
                                        for _, a in extra]))
    return sent, key


def _word_keys(cls: np.ndarray, letters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position, key) of the words' first four letters: four letters after a non-word
    character; the key is the four letters' numbers as the bytes of an integer."""
    letter = letters != 0
    word = (cls & _WORD) != 0
    size = len(letters)
    if size < 4:
        return np.zeros(0, np.intp), np.zeros(0, np.int64)
    start = letter[:-3] & letter[1:-2] & letter[2:-1] & letter[3:]
    start[1:] &= ~word[:-4]
    pos = np.flatnonzero(start)
    # the four letters from every position at once, read as one little-endian integer
    quads = np.ndarray((size - 3,), "<u4", letters, 0, (1,))
    keys = quads.take(pos).astype(np.int64)
    keep = ~_isin(keys, _function_keys(len(_LETTERS)))
    return pos[keep], keys[keep]


@lru_cache(maxsize=4)
def _function_keys(letters: int) -> np.ndarray:
    """The keys of _FUNCTION_PREFIXES, with the first ``letters`` letters numbered (a
    longer prefix never matches an anchor; one with a letter not numbered yet cannot
    occur)."""
    return np.array([int.from_bytes(bytes(_LETTERS[ch] for ch in w), "little")
                     for w in _FUNCTION_PREFIXES
                     if len(w) == 4 and all(_LETTERS.get(ch, letters + 1) <= letters
                                            for ch in w)], np.int64)


def _number_keys(joined: str, codes: np.ndarray, cls: np.ndarray, first: int,
                 strings: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(position, key) of the numbers: runs of digits and of points (or commas, or the
    spaces of a grouped number) between digits, each number's key ``first`` + its number in
    ``strings``."""
    digit = (cls & _DIGIT) != 0
    number = np.zeros(len(cls) + 2, bool)
    number[1:-1] = digit
    if len(cls) > 2:
        number[2:-2] |= ((cls[1:-1] & _DOT) != 0) & digit[:-2] & digit[2:]
    grouped = _group_spaces(codes, cls)
    number[grouped + 1] = True
    edges = np.flatnonzero(number[1:] != number[:-1])
    numbers = [joined[a:b].replace(",", ".")
               for a, b in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True)]
    if len(grouped):  # "1 000" is "1.000", as "1,000" is
        numbers = [text.translate(_GROUP_POINTS) for text in numbers]
    keys = [first + strings.setdefault(text, len(strings)) for text in numbers]
    return edges[::2], np.array(keys, np.int64)


def _group_spaces(codes: np.ndarray, cls: np.ndarray) -> np.ndarray:
    """The positions of the spaces inside grouped numbers, as _GROUPED_NUMBER of
    :mod:`.align_features` finds them: a space between a run of one to three ASCII digits
    and a run of exactly three."""
    size = len(codes)
    ascii_digit = (codes >= 0x30) & (codes <= 0x39)
    if size < 3:
        return np.zeros(0, np.intp)
    at = np.flatnonzero(((cls[1:-1] & _SPACE) != 0) & ascii_digit[:-2] & ascii_digit[2:]) + 1
    if not len(at):
        return at
    pad = np.zeros(size + 8, bool)  # pad[k + 4]: character k is an ASCII digit
    pad[4:-4] = ascii_digit
    q = at + 4
    three_after = pad[q + 2] & pad[q + 3] & ~pad[q + 4]
    at_most_three_before = ~(pad[q - 2] & pad[q - 3] & pad[q - 4])
    return at[three_after & at_most_three_before]


def _text_of(starts: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The index of the text each of the sorted ``positions`` is in, the texts starting at
    ``starts``: each text's share of the positions, counted at once."""
    first = np.searchsorted(positions, starts)
    return np.repeat(np.arange(len(starts)), np.diff(first, append=len(positions)))


class _AnchorIndex:
    """The anchors of both sides as sorted integer keys, to count the anchors shared by
    many sentence pairs at once."""

    def __init__(self, n: int, m: int, sent: np.ndarray, key: np.ndarray) -> None:
        """From the key of every anchor and its sentence: source 0..n-1, target n...."""
        self.n, self.m = n, m
        # (key, sentence) pairs as one integer, the sentence in the low bits; keys numbered
        # densely when the two would not fit 62 bits (bit operations: no division)
        where = (n + m).bit_length()
        bits = self.bits = int(key.max()).bit_length() if len(key) else 1
        if bits + where > 62:
            key = np.searchsorted(_unique(key), key).astype(np.int64)
            bits = self.bits = max(int(key.max()).bit_length(), 1)
        # one sort by key, then by sentence: a set of keys per sentence and, read side by
        # side, the sentences of each key (inverted indexes)
        pairs = _unique(key << where | sent)
        sent, key = pairs & ((1 << where) - 1), pairs >> where
        src = sent < n
        rows = self._row_bits = (max(n, m) + 1).bit_length()
        self._tgt_by_key = key[~src] << rows | (sent[~src] - n)
        self._src_by_key = key[src] << rows, sent[src]
        # each sentence's keys, in order: the pairs by sentence (a stable sort keeps the
        # keys in order within a sentence)
        order = np.argsort(sent.astype(np.uint16) if n + m < 1 << 16 else sent, kind="stable")
        keys, counts = key[order], np.bincount(sent, minlength=n + m)
        self.src_size, self.tgt_size = counts[:n], counts[n:]
        self.src_ptr = np.concatenate(([0], np.cumsum(self.src_size)))
        self.tgt_ptr = np.concatenate(([0], np.cumsum(self.tgt_size)))
        self.src_keys, self.tgt_keys = keys[:self.src_ptr[-1]], keys[self.src_ptr[-1]:]

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

    def shared(self, lows: np.ndarray, width: int, *, by_offset: bool = False) -> np.ndarray:
        """counts[a, v]: the anchors shared by source sentence a and target sentence
        ``lows[a] + v`` (0 for a target out of range), for each source sentence a; with
        ``by_offset``, the same counts as counts[v, a]."""
        n, m = self.n, self.m
        # every (source sentence, key) with the target sentences that hold the key in the
        # sentence's window, by binary search in the inverted index: the queries go by key,
        # then by sentence, so that each search starts where the last one ended
        key, row = self._src_by_key
        low = lows[row]
        left = _searchsorted(self._tgt_by_key, key + np.clip(low, 0, m))
        right = _searchsorted(self._tgt_by_key, key + np.clip(low + width, 0, m))
        found = right - left
        row = np.repeat(row, found)
        hit = self._tgt_by_key[_ranges(left, found)] & ((1 << self._row_bits) - 1)
        offset = hit - lows[row]
        if by_offset:
            return np.bincount(offset * n + row, minlength=n * width).reshape(width, n)
        return np.bincount(row * width + offset, minlength=n * width).reshape(n, width)

    def union_shared(self, s0: np.ndarray, s1: np.ndarray, t0: np.ndarray,
                     t1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For the beads of source sentences [s0, s1) and target [t0, t1): (the anchors
        both sides share, the anchors of one side plus those of the other)."""
        bits = self.bits
        sides = []
        for ptr, keys, start, end in ((self.src_ptr, self.src_keys, s0, s1),
                                      (self.tgt_ptr, self.tgt_keys, t0, t1)):
            count = ptr[end] - ptr[start]
            bead = np.repeat(np.arange(len(start)), count)
            # (each sentence's keys are sorted: one run per bead and sentence)
            sides.append(_unique(bead << bits | keys[_ranges(ptr[start], count)], runs=True))
        src, tgt = sides
        # a (bead, key) found on both sides appears twice once the two are merged
        both = np.sort(np.concatenate((src, tgt)), kind="stable")  # (two sorted runs)
        twice = both[1:][both[1:] == both[:-1]]
        beads = len(s0)
        return (np.bincount(twice >> bits, minlength=beads),
                np.bincount(src >> bits, minlength=beads)
                + np.bincount(tgt >> bits, minlength=beads))
