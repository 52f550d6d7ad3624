"""The tokens and candidate occurrences of one language of a corpus, flat (numpy arrays):
what the passes of :mod:`.associate` build per language, and :mod:`.link` reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from .arrays import _distinct, _exclusive_cumsum
from .candidates import Extractor
from .stopwords import NOT_ALONE

# A candidate is paired when at least this share of its occurrences are in head position
# (:meth:`Side.eligible`): not a word mostly seen as another term's modifier.
MIN_HEAD_RATIO = 0.2


@dataclass(slots=True)
class Side:
    """The tokens and candidate occurrences of one language, flat (numpy arrays).

    Pieces are numbered in the order they were added. ``tok_base[p]:tok_base[p + 1]`` are
    the tokens of piece ``p`` (character ``tok_start``, ``tok_end`` in the piece);
    ``starts[p]:starts[p + 1]`` its occurrences, in the order the candidate patterns find
    them (:meth:`Extractor.candidates`): ``ids`` (compact candidate ids), ``first`` and
    ``last`` (its tokens, counted in the piece). Per id: ``occ`` (occurrences), ``heads``
    (in head position), ``words`` (content words), ``df`` (pieces holding it).
    """

    extractor: Extractor
    tok_base: np.ndarray
    tok_start: np.ndarray
    tok_end: np.ndarray
    starts: np.ndarray
    ids: np.ndarray
    first: np.ndarray
    last: np.ndarray
    keys: np.ndarray  # trie node of each id
    occ: np.ndarray
    heads: np.ndarray
    words: np.ndarray
    df: np.ndarray
    find_key: Callable[[str], int | None]

    def lookup(self, key: str) -> int | None:
        """The id of a lemma key, if it occurs."""
        node = self.find_key(key)
        if node is None:
            return None
        at = int(np.searchsorted(self.keys, node))
        return at if at < len(self.keys) and self.keys[at] == node else None

    def eligible(self, min_count: int, forced: Iterable[int]) -> np.ndarray:
        """Ids that may be paired: recurrent, mostly in head position, not general nouns."""
        general = [self.lookup(k) for k in NOT_ALONE.get(self.extractor.lang, ())]
        ok = (self.occ >= min_count) & (self.heads >= MIN_HEAD_RATIO * self.occ)
        ok[[g for g in general if g is not None]] = False
        ok[list(forced)] = True
        return ok

    def release(self) -> None:
        """Drop what pass 4 does not need (the tokens stay, for the forms' spans)."""
        none = np.zeros(0, np.int32)
        self.ids = self.first = self.last = self.keys = self.occ = self.heads = none
        self.words = self.df = self.starts = none

    def piece_of(self) -> np.ndarray:
        """The piece of every occurrence."""
        return np.repeat(np.arange(len(self.starts) - 1, dtype=np.int64), np.diff(self.starts))

    def texts_df(self, texts: np.ndarray) -> np.ndarray:
        """Per id, the pieces holding it among those ``texts`` marks (per piece)."""
        _, ids = self.distinct(np.ones(len(self.keys), bool), texts)
        return np.bincount(ids, minlength=len(self.keys))

    def inner_words(self, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (term, word) id pairs, as codes ``term * n + word`` (``n``: the number of
        ids), sorted and once each, of the ids ``ok`` marks where an occurrence of the
        multi-word ``term`` holds the single word ``word``; and which of them are the
        term's head: its first word in a language that puts the head first
        ("construction" of "construction navale", "traité" of "traité FUE"), else its
        last ("panel" of "arbitration panel")."""
        n = max(len(self.keys), 1)
        base = self.tok_base[:-1][self.piece_of()]
        ok_occ = ok[self.ids]
        words = self.words[self.ids]
        single = np.flatnonzero(ok_occ & (words == 1) & (self.last - self.first == 1))
        at_token = np.full(int(self.tok_base[-1]), -1, np.int32)  # single word per token
        at_token[base[single] + self.first[single]] = self.ids[single]
        multi = np.flatnonzero(ok_occ & (words >= 2))
        del ok_occ, words, single
        length = (self.last - self.first)[multi].astype(np.int64)
        occ = np.repeat(multi, length)
        rank = np.arange(len(occ)) - np.repeat(_exclusive_cumsum(length)[:-1], length)
        inner = at_token[base[occ] + self.first[occ] + rank]
        head = rank == (0 if self.extractor.rules.head_first
                        else np.repeat(length - 1, length))
        has = inner >= 0
        code = self.ids[occ[has]].astype(np.int64) * n + inner[has]
        both = _distinct(code * 2 + head[has])
        return both // 2, both % 2 == 1

    def distinct(self, ok: np.ndarray,
                 texts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(piece, id) of every id ``ok`` marks in every piece (of those ``texts`` marks, when
        given), once, sorted by piece."""
        n = max(len(self.keys), 1)
        piece_of = self.piece_of()
        keep = ok[self.ids] if texts is None else ok[self.ids] & texts[piece_of]
        both = _distinct(piece_of[keep] * n + self.ids[keep])
        return both // n, (both % n).astype(np.int32)
