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
   matches and matches at similar relative positions win ties (length/position prior).
   A multi-word pair strictly inside both sides of a link is linked too, nested
   ("conformity assessment" in "conformity assessment body" -> "organisme d'évaluation de
   la conformité"), unless it is only ever nested in links of one pair (:mod:`.link`);
4. for the pairs that recur (``min_count``) and their competitors, the surface forms, the
   documents and a few contexts.

Pairs are ranked by association x termhood (:func:`.rank.rank_score`): the association is
the count, damped (``count ** 0.85``), times Dice; the termhood (:func:`.rank.termhood`) puts
multi-word units above single words, and among single words those rare in general language
(wordfreq) and proper names of institutions (capitalised mid-sentence: "Commission",
"Regulation") above everyday words ("work", "request"), which are kept but rank low. Names,
references ("Annex II"), English phrases ending with a participle ("powers granted"),
adverbs and lone adjectives ("briefly" -> "brièvement", "social" -> "sociale") and
renderings explained by a stronger overlapping one ("commission de la politique" beside
"politique régionale") rank low too.

Speed and memory: a corpus of 100k sentence pairs holds millions of candidate occurrences,
nearly all of distinct candidates seen once, so nothing is done per occurrence in Python.
Pass 1 only splits each piece into words (one regex call) and maps each word, as written, to
a cached id; the tokens then live in flat numpy arrays, and the candidates of the language's
patterns are found for the whole corpus at once (:mod:`.patterns`). A candidate's key is a
node of a trie of key pieces (lemmas), built level by level with numpy (:mod:`.keys`), so
equal keys get equal ids without any key string being made. Pass 2 counts co-occurrences
with vectorised cross products, a slice of the source ids at a time; pass 3 finds the
linking options of every piece with numpy, by looking up each source occurrence's few
partners among the target occurrences of its piece (not by crossing all of them), and only
the greedy choice over the options that compete for a token runs in Python (:mod:`.link`);
pass 4 slices the surface forms of the links that are kept.
The lemma keys of the recorded pairs are read back from their surface forms.
"""

from __future__ import annotations

import ctypes
import gc
import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import compress
from operator import attrgetter, getitem

import numpy as np

from ..clean import masked_codes
from ..model import Pair
from .arrays import _compact, _counted, _distinct, _exclusive_cumsum, _frombuffer
from .candidates import (
    CLOSING_LINKS,
    COORDINATION,
    NAMES,
    STOPWORD,
    TOKEN_SPLIT,
    VERB_OBJECTS,
    Extractor,
    split_tokens,
    third_person,
)
from .citation import _decapitalise_initials, pair_citation_forms, with_abbreviation_dot
from .keys import _Chains, _Trie
from .link import _link
from .occurrences import Side
from .patterns import (
    _KIND,
    _S,
    _W,
    _before_vague,
    _ends_locution,
    _english,
    _french,
    _in_bound,
    _not_fragments,
)
from .rank import rank_score, renderings_of
from .stopwords import BOUND, LOCUTIONS, NOT_HEAD, VAGUE_COMPLEMENTS, is_ordinal
from .termpair import Context, TermPair
from .units import piece_spans

MIN_DICE = 0.1  # association below which two candidates are never linked
GLOSSARY_BONUS = 10.0  # glossary pairs are linked before any corpus association
# Linking score factor for two candidates that meet in one piece only: their Dice of 1 is
# chance as often as not ("transnational cluster" and "conglomérat transnational", both
# seen once), and they must not take the links of a recurring pair ("cluster").
ONCE_MET = 0.5
# A single source word that stands for a two-word target term, a term written as one word
# or an acronym ("shipbuilding" -> "construction navale", "TFEU" -> "traité FUE"), is
# linked with the term, not its head ("construction", "traité"), with CONDENSED_PRIOR
# (:func:`_condensed`): above a single word's (1.0), so the whole term wins unless its Dice
# is under 0.8 of the head's; under a two-word pair's (1.5), so "European Parliament" ->
# "Parlement européen" still takes the tokens before "Parliament" does. The evidence: the
# term holds the head in CONDENSED_SHARE of the pieces where the word meets the head (a
# head that goes with that modifier about half the time is a noun of its own), and the
# word meets the term in CONDENSED_MIN pieces at least (twice may be chance).
CONDENSED_SHARE = 2 / 3
CONDENSED_MIN = 3
CONDENSED_PRIOR = 1.25
CROSS_CHUNK = 500_000  # candidate pairs built at once in pass 2 (about 15 MB)
# Contexts a German side's citation form reads its head's gender from ("der Gemeinsame Rat":
# :func:`.citation._german_gender`), whatever --max-contexts keeps: with none kept, DGT-TM's
# "Joint Council" went back to "Gemeinsame Rat"
GENDER_CONTEXTS = 10


class _Ids(dict):
    """A dict that registers a missing key with ``new(key)``: ``map(ids.__getitem__, ...)``
    then maps a whole list in C, calling Python only for keys not seen before."""

    __slots__ = ("new",)

    def __init__(self, new: Callable[[str], int]) -> None:
        super().__init__()
        self.new = new

    def __missing__(self, key: str) -> int:
        value = self[key] = self.new(key)
        return value




def _no_key(key: str) -> None:
    """No candidate has a key yet."""
    return None


class _Scanner:
    """Pass 1 for one language: the tokens of every piece, then all candidates at once.

    Pieces are tokenised a batch at a time (:meth:`_flush`): the batch is cut at spaces and
    each run of text between them mapped, in C, to its cached tokenisation (a run is cut
    by the token regex, and each distinct word classified by :meth:`Extractor.word`, the
    first time they are seen). :meth:`side` then finds the candidates of the patterns with
    numpy, exactly as :meth:`Extractor.candidates` does token by token, in the same order.
    """

    BATCH = 2048  # pieces tokenised at once

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.entries = _Ids(self._entry)  # word as matched -> its sub-token list
        self.subs: list[tuple[tuple[int, int, int], ...]] = []  # per entry: (type, start, end)
        self.types: dict[str, int] = {}  # token as written -> type
        self.type_kind = array("b")
        self.type_capital = array("b")  # written with a capital, no acronym (Token.capital)
        self.type_third = array("b")  # may be a verb in the 3rd person (third_person)
        self.type_piece = array("i")
        self.pieces = _Ids(self._piece)  # key piece -> id
        self.names: list[str] = []
        self.pending: list[str] = []
        self.n_pieces = 0
        # runs of text between spaces, each tokenised once (see _flush): per run, its length,
        # number of words, first word (in the w_ arrays), white space only before the first
        # word and after the last; per word of a run: entry, start, punctuation before
        self.chunks = _Ids(self._chunk)
        self.c_len, self.c_words, self.c_first = array("i"), array("i"), array("i")
        self.c_lead, self.c_trail = array("b"), array("b")
        self.w_entry, self.w_start, self.w_break = array("i"), array("i"), array("b")
        # per word, a batch at a time: entry, piece, start in the piece, punctuation before
        self.batches: list[tuple[np.ndarray, ...]] = []
        self.find_key: Callable[[str], int | None] = _no_key

    def _piece(self, name: str) -> int:
        self.names.append(name)
        return len(self.names) - 1

    def _entry(self, word: str) -> int:
        """One regex match: its tokens (an elision or "'s" split off), classified."""
        subs = []
        for start, end in split_tokens(word, self.extractor.lang):
            written = word[start:end]
            kind = self.types.get(written)
            if kind is None:
                _, name, piece = self.extractor.word(written)
                kind = self.types[written] = len(self.type_kind)
                self.type_kind.append(_KIND[name])
                self.type_capital.append(written[:1].isupper() and not written.isupper())
                self.type_third.append(third_person(written))
                self.type_piece.append(self.pieces[piece])
            subs.append((kind, start, end))
        self.subs.append(tuple(subs))
        return len(self.subs) - 1

    def add(self, text: str) -> None:
        """Record one piece of text (its words in capitals read as :meth:`Extractor.tokens`
        reads them: the same length, so the spans are the text's)."""
        self.pending.append(self.extractor.ordinary_case(text))
        if len(self.pending) >= self.BATCH:
            self._flush()

    def _chunk(self, chunk: str) -> int:
        """One run of text between spaces, seen for the first time: its words (entries,
        starts) and whether punctuation comes before each; whether its text before the
        first word, and after the last, is only white space (the whole run when it has no
        word)."""
        parts = TOKEN_SPLIT.split(chunk)  # gap, word, gap, word, ..., gap
        self.c_len.append(len(chunk))
        self.c_words.append(len(parts) >> 1)
        self.c_first.append(len(self.w_entry))
        at = len(parts[0])
        for i in range(1, len(parts), 2):
            gap = parts[i - 1]
            self.w_break.append(i > 1 and not gap.isspace())  # an inner gap is never empty
            self.w_entry.append(self.entries[parts[i]])
            self.w_start.append(at)
            at += len(parts[i]) + len(parts[i + 1])
        self.c_lead.append(not parts[0] or parts[0].isspace())
        self.c_trail.append(not parts[-1] or parts[-1].isspace())
        return len(self.c_len) - 1

    def _flush(self) -> None:
        """Tokenise the pending pieces: the batch joined by spaces, cut at spaces (no token
        crosses one), each run of text looked up (tokenised by the regex the first time it
        is seen: runs repeat, as words do)."""
        texts, self.pending = self.pending, []
        if not texts:
            return
        runs = " ".join(texts).split(" ")
        run = np.fromiter(map(self.chunks.__getitem__, runs), np.int32, len(runs))
        del runs
        c_len, c_words, c_first = (_frombuffer(a, np.int32)[run]
                                   for a in (self.c_len, self.c_words, self.c_first))
        ok_lead = _frombuffer(self.c_lead, np.int8)[run] != 0
        ok_trail = _frombuffer(self.c_trail, np.int8)[run] != 0
        run_at = _exclusive_cumsum(c_len + 1)[:-1]  # where each run starts in the batch
        word_base = _exclusive_cumsum(c_words)
        word_run = np.repeat(np.arange(len(run)), c_words)
        flat = c_first[word_run] + np.arange(len(word_run)) - word_base[:-1][word_run]
        entry = _frombuffer(self.w_entry, np.int32)[flat]
        at = run_at[word_run] + _frombuffer(self.w_start, np.int32)[flat]
        breaks = _frombuffer(self.w_break, np.int8)[flat] != 0
        del flat, word_run
        # Punctuation before a run's first word: in the run before it, or anywhere from the
        # end of the previous run with words (the spaces between runs are white space).
        with_words = np.flatnonzero(c_words)
        bad = np.zeros(len(run) + 1, np.int64)
        np.cumsum(~ok_trail, out=bad[1:])
        since = np.r_[0, with_words[:-1]]
        breaks[word_base[with_words]] = ((bad[with_words] - bad[since]) > 0) | ~ok_lead[
            with_words]
        del run, c_len, c_words, c_first, ok_lead, ok_trail, bad
        text_at = _exclusive_cumsum(np.fromiter(map(len, texts), np.int64, len(texts)) + 1)
        piece = np.searchsorted(text_at, at, side="right") - 1
        # never before a piece's first word
        breaks[:1] = False
        breaks[1:] &= piece[1:] == piece[:-1]
        self.batches.append((entry, (piece + self.n_pieces).astype(np.int32),
                             (at - text_at[piece]).astype(np.int32), breaks))
        self.n_pieces += len(texts)

    def side(self) -> Side:
        """The tokens and candidates of every piece added (end of pass 1)."""
        self._flush()
        types, piece, start, end, breaks, tok_base = self._tokens()
        # What only tokenising needed. The registries refer back to this scanner (they
        # register through its methods): dropped, nothing waits for the cyclic collector.
        del self.entries, self.chunks
        self.subs, self.types = [], {}
        self.w_entry, self.w_start, self.w_break = array("i"), array("i"), array("b")
        found = self._occurrences(types, piece, breaks, tok_base)
        del self.pieces
        return self._index(start, end, tok_base, *found)

    def _tokens(self) -> tuple[np.ndarray, ...]:
        """Per token: type, piece, start, end, breaks; and the first token of each piece."""
        if self.batches:
            entry, word_piece, word_start, word_breaks = (
                np.concatenate(column) for column in zip(*self.batches, strict=True))
        else:
            entry = word_piece = word_start = np.zeros(0, np.int32)
            word_breaks = np.zeros(0, bool)
        self.batches = []
        n_words = len(entry)
        # the tokens of each word (one, or two where an elision or "'s" is split off)
        subs = self.subs
        n_subs = np.fromiter(map(len, subs), np.int32, len(subs))
        sub_base = _exclusive_cumsum(n_subs)[:-1]
        flat = np.array([x for s in subs for sub in s for x in sub], np.int32).reshape(-1, 3)
        per_word = n_subs[entry]
        if not len(per_word) or per_word.max() == 1:
            sub = sub_base[entry]
            types, start, end = flat[sub, 0], flat[sub, 1], flat[sub, 2]
            start += word_start
            end += word_start
            return types, word_piece, start, end, word_breaks, _exclusive_cumsum(
                np.bincount(word_piece, minlength=self.n_pieces))
        token_word = np.repeat(np.arange(n_words), per_word)
        rank = np.arange(len(token_word)) - _exclusive_cumsum(per_word)[:-1][token_word]
        sub = sub_base[entry[token_word]] + rank
        types = flat[sub, 0]
        start = word_start[token_word] + flat[sub, 1]
        end = word_start[token_word] + flat[sub, 2]
        breaks = word_breaks[token_word] & (rank == 0)
        piece = word_piece[token_word]
        tok_base = _exclusive_cumsum(np.bincount(piece, minlength=self.n_pieces))
        return types, piece, start, end, breaks, tok_base

    def _occurrences(self, types: np.ndarray, piece: np.ndarray, breaks: np.ndarray,
                     tok_base: np.ndarray) -> tuple[np.ndarray, ...]:
        """Every candidate occurrence: per piece, where its occurrences start; per
        occurrence, its trie node, first and last token (in the piece), words and head;
        in the order of :meth:`Extractor.candidates` within each piece."""
        kind = _frombuffer(self.type_kind, np.int8)[types]
        kw = _frombuffer(self.type_piece, np.int32)[types]
        local = np.arange(len(types)) - tok_base[:-1][piece]
        objects = VERB_OBJECTS.get(self.extractor.lang)
        if objects and any(w in self.pieces for w in objects):
            # a verb after a noun phrase, before its object: no content word (Extractor.tokens)
            at = np.flatnonzero(_frombuffer(self.type_third, np.int8)[types] != 0)
            at = at[(at + 1 < len(kind)) & (local[at] > 0)]
            nxt = at + 1
            ids = [self.pieces[w] for w in sorted(objects) if w in self.pieces]
            kind[at[(kind[at] == _W) & ~breaks[at] & (kind[at - 1] == _W) & (local[nxt] > 0)
                    & np.isin(kw[nxt], ids) & ~breaks[nxt]]] = _KIND[STOPWORD]
        chains = _Chains()
        rules = self.extractor.rules
        coordination = COORDINATION.get(self.extractor.lang)
        joining = None  # the joining word's piece id and which pieces are adjectives
        if coordination is not None:  # (-1: the joining word does not occur)
            joining = (self.pieces.get(coordination[0], -1),
                       np.fromiter((name.endswith(coordination[1]) for name in self.names),
                                   bool, len(self.names)))
        vague = None  # the linking word's piece id and which pieces are vague nouns
        if rules.head_first:
            linking = [self.pieces[name] for name in sorted(rules.article_after)
                       if name in self.pieces]
            ordinal = np.fromiter((is_ordinal(name, self.extractor.lang)
                                   for name in self.names), bool, len(self.names))
            complements = VAGUE_COMPLEMENTS.get(self.extractor.lang)
            if complements is not None and complements[0] in self.pieces:
                vague = (self.pieces[complements[0]],
                         np.fromiter((name in complements[1] for name in self.names), bool,
                                     len(self.names)))
            first, last, words, head = _french(kind, kw, breaks, local, linking, chains,
                                               joining, ordinal, vague)
        else:
            links = [self.pieces[name] for name in sorted(rules.complement_links)
                     if name in self.pieces]
            naming = None  # the piece ids of the words of NAMES; capitals (see _named)
            names = NAMES.get(self.extractor.lang)
            if names is not None and all(w in self.pieces for w in names[0]):
                naming = (self.pieces[names[0][0]], self.pieces[names[0][1]],
                          [self.pieces[w] for w in sorted(names[1]) if w in self.pieces],
                          types, _frombuffer(self.type_capital, np.int8))
            closing = [self.pieces[name] for name in sorted(CLOSING_LINKS
                                                            & rules.complement_links)
                       if name in self.pieces]
            first, last, words, head = _english(kind, kw, breaks, local, chains, links,
                                                joining, naming, closing)
            del naming
        local_first = local[first]  # where each occurrence starts in its piece
        bound = BOUND.get(self.extractor.lang, ()) if rules.head_first else ()
        cut = None  # the occurrences that cut a fixed expression ("œuvre" of "mise en œuvre")
        if bound:
            cut = (_in_bound(kind, kw, breaks, local, first, bound, self.pieces)
                   | _in_bound(kind, kw, breaks, local, last + 1, bound, self.pieces))
        if rules.head_first and vague is not None:  # "ordre" of "ordre du jour"
            before = _before_vague(kind, kw, breaks, local, last, vague)
            cut = before if cut is None else cut | before
        del local
        glossary = self._glossary(kind, kw, breaks, piece, tok_base, first, last, chains)
        trie = _Trie(self.names)
        nodes = trie.build(chains)
        del chains
        not_head = NOT_HEAD.get(self.extractor.lang)
        locutions = LOCUTIONS.get(self.extractor.lang, ())
        if rules.head_first and (not_head or locutions or cut is not None
                                 or joining is not None and joining[0] >= 0):
            kept = (_not_fragments(kind, kw, first, last, joining[0])
                    if joining is not None and joining[0] >= 0 else np.ones(len(first), bool))
            if not_head:  # no candidate starts with such a word ("relative à la ...")
                kept &= ~np.fromiter((name in not_head for name in self.names), bool,
                                     len(self.names))[kw[first]]
            for locution in locutions:  # nor starts or ends with a locution's noun
                kept &= ~_ends_locution(kw, local_first, first, locution, self.pieces)
                kept &= ~_ends_locution(kw, local_first + (last - 1 - first), last - 1,
                                        locution, self.pieces)
            if cut is not None:
                kept &= ~cut
            if not kept.all():
                # (the glossary's occurrences, if any, come after the patterns' in ``nodes``)
                nodes = nodes[np.r_[kept, np.ones(len(nodes) - len(kept), bool)]]
                first, last, words, head = (a[kept] for a in (first, last, words, head))
        if any(" " in name for name in self.names):
            nodes = trie.unify(nodes)
        pieces = dict(self.pieces)
        self.find_key = partial(trie.find, ids=pieces)
        if glossary is not None:
            # within a piece: the patterns' occurrences (in order already), then the
            # glossary's in the order they were matched
            g_first, g_last, g_words, g_rank = glossary
            n = len(first)
            first, last = np.r_[first, g_first], np.r_[last, g_last]
            words = np.r_[words, g_words]
            head = np.r_[head, np.ones(len(g_first), np.int8)]
            order = np.lexsort((np.r_[np.arange(n), g_rank], first,
                                np.arange(len(first)) >= n, piece[first]))
            first, last, words, head, nodes = (a[order] for a in (first, last, words, head,
                                                                  nodes))
        occ_piece = piece[first]
        base = tok_base[:-1][occ_piece]
        starts = _exclusive_cumsum(np.bincount(occ_piece, minlength=len(tok_base) - 1))
        return (starts, nodes, (first - base).astype(np.int32),
                (last - base).astype(np.int32), words, head)

    def _glossary(self, kind: np.ndarray, kw: np.ndarray, breaks: np.ndarray,
                  piece: np.ndarray, tok_base: np.ndarray, found_first: np.ndarray,
                  found_last: np.ndarray, chains: _Chains) -> tuple[np.ndarray, ...] | None:
        """The glossary's occurrences (:meth:`Extractor._glossary_matches`) that the
        patterns did not find (first, last, words, rank among the matches of their first
        token), their chains added to ``chains``."""
        terms = self.extractor._glossary
        if not terms or not len(kind):
            return None
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for name, entries in terms.items():
            by_first[self.pieces[name]] = [tuple(self.pieces[p] for p in pieces)
                                           for pieces, _ in entries]
        empty = self.pieces.get("")
        kinds, kws, brks = kind.tolist(), kw.tolist(), breaks.tolist()
        ends = tok_base[1:][piece]
        rows: list[tuple[int, int, int, int]] = []
        found: list[tuple[int, ...]] = []
        for i in np.flatnonzero(np.isin(kw, list(by_first))).tolist():
            end = int(ends[i])
            for rank, pieces in enumerate(by_first[kws[i]]):
                j, matched, words = i, 0, 0
                while j < end and matched < len(pieces):
                    if j > i and brks[j]:
                        break
                    if kws[j] != empty:
                        if kws[j] != pieces[matched]:
                            break
                        matched += 1
                        words += kinds[j] in (_W, _S)
                    j += 1
                if matched == len(pieces):
                    rows.append((i, j, max(words, 1), rank))
                    found.append(pieces)
        if not rows:
            return None
        first, last, words, rank = (np.array(c, np.int64) for c in zip(*rows, strict=True))
        # a span the patterns found already is theirs
        span = len(kind) + 1
        new = ~np.isin(first * span + last, found_first * span + found_last)
        if not new.any():
            return None
        found = [c for c, keep in zip(found, new.tolist(), strict=True) if keep]
        row, at = chains.new(len(found), len(found))
        lengths = np.array([len(c) for c in found], np.int64)
        matrix = np.full((len(found), int(lengths.max())), -1, np.int64)
        for r, chain in enumerate(found):
            matrix[r, :len(chain)] = chain
        for depth in range(matrix.shape[1]):
            mine = np.flatnonzero(lengths > depth)
            chains.piece(depth, row + mine, matrix[mine, depth])
        chains.end(lengths - 1, at + np.arange(len(found)), row + np.arange(len(found)))
        return first[new], last[new], np.minimum(words[new], 127).astype(np.int8), rank[new]

    def _index(self, start: np.ndarray, end: np.ndarray, tok_base: np.ndarray,
               starts: np.ndarray, nodes: np.ndarray, first: np.ndarray, last: np.ndarray,
               words: np.ndarray, head: np.ndarray) -> Side:
        """Compact ids and per-id counts (pass 1's end)."""
        keys, inverse = _compact(nodes)
        del nodes
        n = len(keys)
        ids = inverse.astype(np.int32)
        del inverse
        heads = np.bincount(ids, weights=head, minlength=n)
        per_id_words = np.zeros(n, np.int16)
        per_id_words[ids] = words  # the last occurrence's count, as before
        n_pieces = len(starts) - 1
        piece_of = np.repeat(np.arange(n_pieces, dtype=np.int64), np.diff(starts))
        distinct = _distinct(piece_of * max(n, 1) + ids)
        del piece_of
        df = np.bincount(distinct % max(n, 1), minlength=n)
        occ = np.bincount(ids, minlength=n)
        return Side(self.extractor, tok_base, start, end, starts, ids, first, last, keys,
                     occ, heads, per_id_words, df, self.find_key)


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
    anchors: Iterable[tuple[str, str]] | None = None,
    refused: Iterable[tuple[str, str]] | None = None,
) -> list[TermPair]:
    """Recurring term pairs in aligned ``units``, best first.

    ``units`` are translation units, typically those of :func:`tmx_export.pipeline.read_units`
    (whose ``tuid`` contexts point at). With ``split`` each unit is cut into its
    aligned sentences and clauses for association (:func:`.units.piece_spans`); a context is
    the clause the pair was found in, under its unit's ``tuid``.

    A pair is recorded when its terms are linked at least ``min_count`` times; pairs of the
    ``glossary`` (source term, target term) are recorded whenever they occur, with inflection.
    ``anchors`` (pairs a terminologist approved in a termbase) are linked and recorded the
    same way, before any pair the corpus suggests, so the words they hold are not paired
    with anything else there (but for a longer term that holds them on both sides, which
    keeps its occurrences: :func:`.link._lift_holders`); unlike the glossary's, their
    pairs are not marked
    ``glossary``. ``refused`` pairs (rejected by a reviewer) are never linked, so their
    words are free for other pairs (a glossary pair is linked all the same). Every recorded
    pair keeps up to ``max_contexts`` contexts and its competitors.
    All units must share one language pair.
    """
    units = units if isinstance(units, list) else list(units)
    if not units:
        return []
    with without_gc():
        return _extract(units, min_count, list(glossary or ()), max_contexts, split,
                        list(anchors or ()), list(refused or ()))


def give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; nothing
    elsewhere). Pass 1 and the cross products free hundreds of MB of arrays whose pages the
    allocator would otherwise keep, and they would count in the peak of every later stage."""
    global _TRIM
    if _TRIM is None:
        try:
            _TRIM = ctypes.CDLL(None).malloc_trim
        except (AttributeError, OSError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM: Callable[[int], int] | bool | None = None


@contextmanager
def without_gc() -> Iterator[None]:
    """The cyclic garbage collector off for the block: it would walk every live object (the
    units, the pairs) again and again while the block allocates; whatever cycles the block
    leaves are collected afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unit_spans(unit: Pair, split: bool, langs: tuple[str, str]
                ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The pieces of one unit (:func:`.units.piece_spans`, or the whole unit)."""
    source, target = unit.source, unit.target
    return (piece_spans(source, target, *langs) if split
            else [((0, len(source)), (0, len(target)))])


def _first_of_texts(units: list[Pair]) -> np.ndarray:
    """Per unit, whether it is the first with its source and target texts."""
    first: dict[tuple[str, str], int] = {}
    return np.fromiter((first.setdefault((unit.source, unit.target), index) == index
                        for index, unit in enumerate(units)), bool, len(units))


def _pieces(units: list[Pair], split: bool, langs: tuple[str, str]) -> tuple[array, array]:
    """Where the pieces of ``units`` are: ``piece_unit[p]`` is the unit of piece ``p``,
    ``piece_at[4p:4p + 4]`` its character spans in the unit (source, target)."""
    piece_unit = array("i")
    piece_at = array("i")
    for index, unit in enumerate(units):
        for (s0, s1), (t0, t1) in _unit_spans(unit, split, langs):
            piece_unit.append(index)
            piece_at.extend((s0, s1, t0, t1))
    return piece_unit, piece_at


# What stands for each character of a masked code (see _scan): punctuation, which no term
# spans, unlike a space ("Delete {count} posts" holds no "delete posts").
_MASK = "|"


def _scan(units: list[Pair], piece_unit: array, piece_at: array, target: bool,
          lang: str, glossary: list[tuple[str, str]]) -> Side:
    """Pass 1 for one language (the source's, or the ``target``'s): the words of every
    piece, then the candidates of all (numpy)."""
    side = 1 if target else 0  # in a glossary entry; in piece_at, 2 * side
    scanner = _Scanner(Extractor(lang, (terms[side] for terms in glossary)))
    add = scanner.add
    text = attrgetter("target" if target else "source")
    at = 2 * side
    # Markup and software placeholders ('<a href="...">', "%{count}") are read as breaks,
    # not words: no term is made of "href" or "count", nor across them. Masked to the same
    # length, so the spans found are the unit's, and contexts show it as written.
    last, masked = -1, ""
    for p, index in enumerate(piece_unit):
        if index != last:  # (a unit's pieces come one after the other)
            last, masked = index, masked_codes(text(units[index]), _MASK)
        add(masked[piece_at[4 * p + at]:piece_at[4 * p + at + 1]])
    return scanner.side()


def _pass_one(units: list[Pair], glossary: list[tuple[str, str]], split: bool,
              langs: tuple[str, str]) -> tuple[Side, Side, array, array]:
    """Pass 1: the pieces of ``units`` (:func:`_pieces`), and both sides (:func:`_scan`)."""
    piece_unit, piece_at = _pieces(units, split, langs)
    src = _scan(units, piece_unit, piece_at, False, langs[0], glossary)
    give_back_memory()
    tgt = _scan(units, piece_unit, piece_at, True, langs[1], glossary)
    give_back_memory()
    return src, tgt, piece_unit, piece_at


def _check_langs(units: list[Pair], langs: tuple[str, str]) -> None:
    """All units must share one language pair."""
    for unit in units:
        if (unit.source_lang, unit.target_lang) != langs:
            raise ValueError(
                f"units mix language pairs: {langs[0]}->{langs[1]} and "
                f"{unit.source_lang}->{unit.target_lang}"
            )


def _extract(units: list[Pair], min_count: int, glossary: list[tuple[str, str]],
             max_contexts: int, split: bool, anchors: list[tuple[str, str]] | None = None,
             refused: list[tuple[str, str]] | None = None) -> list[TermPair]:
    """:func:`extract_terms` (``units`` not empty): the anchors are glossary pairs in all
    but the ``glossary`` mark."""
    langs = (units[0].source_lang, units[0].target_lang)
    _check_langs(units, langs)
    known = glossary + (anchors or [])
    src, tgt, piece_unit, piece_at = _pass_one(units, known, split, langs)
    return _after_pass_one(units, src, tgt, piece_unit, piece_at, min_count, known,
                           max_contexts, glossary if anchors else None, refused)


def _after_pass_one(units: list[Pair], src: Side, tgt: Side, piece_unit: array,
                    piece_at: array, min_count: int, glossary: list[tuple[str, str]],
                    max_contexts: int, marked: list[tuple[str, str]] | None = None,
                    refused: list[tuple[str, str]] | None = None) -> list[TermPair]:
    """Passes 2 to 4 and the ranking (see the module docstring). The pairs of
    ``glossary`` are linked first and recorded whenever they occur; those of ``marked``
    (default: all of them) are marked ``glossary``; those of ``refused`` (unless in
    ``glossary``) are not linked."""
    source_lang, target_lang = units[0].source_lang, units[0].target_lang
    n_pieces = len(piece_unit)
    compounds = (src.extractor.rules.compounds, tgt.extractor.rules.compounds)

    width = max(len(tgt.keys), 1)  # pair code = source id * width + target id
    glossary_codes = _glossary_codes(glossary, src, tgt, width)
    marked_codes = (glossary_codes if marked is None
                    else _glossary_codes(marked, src, tgt, width))
    s_ok = src.eligible(min_count, {c // width for c in glossary_codes})
    t_ok = tgt.eligible(min_count, {c % width for c in glossary_codes})
    # A unit that repeats an earlier one's texts (run.repeated_units) is one more use of its
    # terms, counted as such, but no new evidence of what translates what: association is
    # taken over distinct texts, and a pair is recorded when it is linked in min_count of them
    first_of_text = _first_of_texts(units)
    piece_first = first_of_text[_frombuffer(piece_unit, np.int32)]
    texts = None if first_of_text.all() else piece_first
    if texts is not None:
        src.df, tgt.df = src.texts_df(texts), tgt.texts_df(texts)

    # Pass 2: in how many pieces each eligible source and target candidate meet.
    cooc_units = _cooccurrences(src, tgt, s_ok, t_ok, width, min_count, glossary_codes,
                                texts)

    # Association: the score with which each pair may be linked (Python floats, as the
    # ranking reads them).
    dice_of: dict[int, float] = {}
    s_df, t_df = src.df.tolist(), tgt.df.tolist()
    s_words, t_words = src.words.tolist(), tgt.words.tolist()
    if refused:
        for code in _glossary_codes(refused, src, tgt, width) - glossary_codes:
            cooc_units.pop(code, None)
    partner_codes = np.array(sorted(cooc_units), np.int64)
    partner_scores = np.zeros(len(partner_codes))
    condensed = _condensed(partner_codes, cooc_units, width, src, tgt, s_ok,
                           t_ok).tolist()
    for at, code in enumerate(partner_codes.tolist()):
        e, f = divmod(code, width)
        dice = 2.0 * cooc_units[code] / (s_df[e] + t_df[f])
        dice_of[code] = dice
        prior = _length_prior(s_words[e], t_words[f], compounds)
        if condensed[at]:
            prior = max(prior, CONDENSED_PRIOR)
        score = prior * dice
        if cooc_units[code] < 2:
            score *= ONCE_MET  # (only with min_count 1: else such pairs are not counted)
        partner_scores[at] = score + (GLOSSARY_BONUS if code in glossary_codes else 0.0)

    # Pass 3: competitive linking, piece by piece.
    # an approved pair's bonus (a glossary's pairs are linked whenever they occur)
    anchors = np.fromiter(glossary_codes - marked_codes, np.int64)
    bonus = np.where(np.isin(partner_codes, anchors), GLOSSARY_BONUS, 0.0)
    links = _link(src, tgt, partner_codes, partner_scores, width, bonus)
    del partner_codes, partner_scores
    src.release()
    tgt.release()
    give_back_memory()
    link_piece, link_code = links[0], links[1]

    codes, counts = _counted(link_code)
    glossary_arr = np.fromiter(glossary_codes, dtype=np.int64, count=len(glossary_codes))
    # linked min_count times, in min_count distinct texts
    if texts is not None:
        in_texts = np.zeros(len(codes), np.int64)
        distinct_codes, distinct_counts = _counted(link_code[piece_first[link_piece]])
        in_texts[np.searchsorted(codes, distinct_codes)] = distinct_counts
    else:
        in_texts = counts
    rec = (((counts >= min_count) & (in_texts >= min_count))
           | (np.isin(codes, glossary_arr) & (counts >= 1)))
    recorded = set(codes[rec].tolist())
    rec_src = np.unique(codes[rec] // width)
    rec_tgt = np.unique(codes[rec] % width)
    wanted_mask = rec | np.isin(codes // width, rec_src) | np.isin(codes % width, rec_tgt)

    # Pass 4: surface forms, documents and contexts of the recorded pairs and competitors.
    # (a pair not recorded keeps no link of a repeated unit: its count is its texts')
    keep = np.flatnonzero(np.isin(link_code, codes[wanted_mask])
                          & (piece_first[link_piece] | np.isin(link_code, codes[rec])))
    piece = link_piece[keep]
    code_kept = link_code[keep]
    at = _frombuffer(piece_at, np.int32).reshape(-1, 4).astype(np.int64)
    # character spans of the linked terms, in the piece and in the unit
    s_first = src.tok_base[piece] + links[2][keep]
    t_first = tgt.tok_base[piece] + links[4][keep]
    s_span = np.stack([src.tok_start[s_first], src.tok_end[src.tok_base[piece]
                                                             + links[3][keep] - 1]], 1)
    t_span = np.stack([tgt.tok_start[t_first], tgt.tok_end[tgt.tok_base[piece]
                                                             + links[5][keep] - 1]], 1)
    # per link: source start, end, target start, end in the unit
    s_abs = np.concatenate([s_span + at[piece, 0:1], t_span + at[piece, 2:3]], 1)
    unit_of = _frombuffer(piece_unit, np.int32)[piece]
    initial_link = (links[2][keep] == 0) | (links[4][keep] == 0)
    del links, keep
    for side in (src, tgt):  # the tokens served their last purpose: the spans
        side.tok_base = side.tok_start = side.tok_end = np.zeros(0, np.int32)

    # Every pair's forms, counted in the order first seen; the strings are sliced in C.
    pairs, initial = _pair_forms(units, code_kept, unit_of, s_abs, initial_link,
                                 source_lang, target_lang)
    del s_abs, unit_of, initial_link
    give_back_memory()

    # the pieces where each pair is linked (links are sorted by piece, then code)
    same = np.zeros(len(piece), bool)
    same[1:] = (piece[1:] == piece[:-1]) & (code_kept[1:] == code_kept[:-1])
    firsts = np.flatnonzero(~same)
    piece_codes, piece_counts = _counted(code_kept[firsts])
    piece_units = dict(zip(piece_codes.tolist(), piece_counts.tolist(), strict=True))
    # contexts: a recorded pair's first pieces, at its first link in each
    rec_arr = np.fromiter(recorded, np.int64, len(recorded))
    firsts = firsts[np.isin(code_kept[firsts], rec_arr)]
    # a unit that repeats an earlier one's texts gives it no second, identical context
    firsts = firsts[piece_first[piece[firsts]]]
    by_code = firsts[np.argsort(code_kept[firsts], kind="stable")]
    group_start = np.ones(len(by_code), bool)
    group_start[1:] = code_kept[by_code][1:] != code_kept[by_code][:-1]
    rank = np.arange(len(by_code)) - np.maximum.accumulate(
        np.where(group_start, np.arange(len(by_code)), 0)) if len(by_code) else by_code
    sample = max_contexts
    if src.extractor.rules.cased_nouns or tgt.extractor.rules.cased_nouns:
        sample = max(max_contexts, GENDER_CONTEXTS)
    order = np.argsort(by_code[rank < sample], kind="stable")
    chosen, chosen_rank = by_code[rank < sample][order], rank[rank < sample][order]
    extra: dict[int, list[Context]] = {}  # contexts read for citation forms only
    for code, p, ss, se, ts, te, kept in zip(
            code_kept[chosen].tolist(), piece[chosen].tolist(), s_span[chosen, 0].tolist(),
            s_span[chosen, 1].tolist(), t_span[chosen, 0].tolist(), t_span[chosen, 1].tolist(),
            (chosen_rank < max_contexts).tolist(), strict=True):
        index = piece_unit[p]
        unit = units[index]
        ps0, ps1, pt0, pt1 = piece_at[4 * p:4 * p + 4]
        context = Context(unit_tuid(unit, index), unit.file, unit.source[ps0:ps1],
                          unit.target[pt0:pt1], (ss, se), (ts, te))
        (pairs[code].contexts if kept else extra.setdefault(code, [])).append(context)
    del piece, code_kept, s_span, t_span

    for code, pair in pairs.items():
        e, f = divmod(code, width)
        pair.source_lemma = src.extractor.key(pair.source_lemma)
        pair.target_lemma = tgt.extractor.key(pair.target_lemma)
        _decapitalise_initials(pair, initial.get(code))
        pair.units = piece_units[code]
        a = cooc_units.get(code, 0)
        pair.dice = dice_of.get(code, 0.0)
        pair.llr = _llr(a, s_df[e], t_df[f], n_pieces) if a else 0.0
        pair.glossary = code in marked_codes
        _, source_variants, target_variants = pair.tallies()
        pair.source_term, pair.target_term = pair_citation_forms(
            source_variants, target_variants, src.extractor, tgt.extractor,
            pair.contexts + extra.get(code, []))
        pair.source_term = with_abbreviation_dot(pair.source_term, pair.contexts, 0,
                                                 source_lang)
        pair.target_term = with_abbreviation_dot(pair.target_term, pair.contexts, 1,
                                                 target_lang)
        if min(s_words[e], t_words[f]) > 1:
            pair.pos = "noun"  # the multi-word patterns are noun phrases
    result = []
    by_source: dict[str, list[TermPair]] = {}
    by_target: dict[str, list[TermPair]] = {}
    for pair in pairs.values():
        by_source.setdefault(pair.source_lemma, []).append(pair)
        by_target.setdefault(pair.target_lemma, []).append(pair)
    # what the recorded single-word pairs say of translations, as the termbase reads them
    renderings = renderings_of(pairs[code] for code in recorded)
    for code in recorded:
        pair = pairs[code]
        pair.competitors = [
            p for p in by_source[pair.source_lemma] + by_target[pair.target_lemma]
            if p is not pair
        ]
        pair.score = rank_score(pair, s_words[code // width], t_words[code % width],
                                renderings)
        result.append(pair)
    result.sort(key=lambda p: (-p.score, -p.count, p.source_term, p.target_term))
    return result


def _pair_forms(units: list[Pair], codes: np.ndarray, unit_of: np.ndarray, spans: np.ndarray,
                initial: np.ndarray, source_lang: str, target_lang: str, batch: int = 100_000
                ) -> tuple[dict[int, TermPair], dict[int, Counter[tuple[str, str, str]]]]:
    """The pair of every link code, in the order of their first links, with its forms
    (document, source form, target form) counted in the order first seen; and, for the pairs
    that have some, the forms of their links at the start of a piece (``initial``).

    ``spans`` holds each link's source start, end, target start, end in its unit
    ``unit_of``. The surface forms are sliced first, in link order, and numbered
    (:func:`_form_ids`); the links are then taken pair by pair, a batch of them at a
    time, so few strings live at once.
    """
    order = np.argsort(codes, kind="stable")  # each pair's links together, in link order
    grouped = codes[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]]) if len(order) else order
    ends = np.r_[starts[1:], len(order)].astype(np.int64)
    names, source_ids, target_ids, doc_ids = _form_ids(units, unit_of, spans, batch)
    name = names.__getitem__
    made: dict[int, TermPair] = {}
    firsts: dict[int, Counter[tuple[str, str, str]]] = {}
    group = 0
    while group < len(starts):
        # whole pairs, about ``batch`` links
        last = int(np.searchsorted(ends, starts[group] + batch, side="right"))
        last = max(last, group + 1)
        at = order[starts[group]:ends[last - 1]]
        base = int(starts[group])
        docs = list(map(name, doc_ids[at].tolist()))
        sources = list(map(name, source_ids[at].tolist()))
        targets = list(map(name, target_ids[at].tolist()))
        flags = initial[at].tolist()
        for code, a, b in zip(grouped[starts[group:last]].tolist(),
                              (starts[group:last] - base).tolist(),
                              (ends[group:last] - base).tolist(), strict=True):
            # the lemma keys are read back from the first surface forms (pass 1 kept only
            # their trie nodes)
            pair = made[code] = TermPair(source_lang, target_lang, sources[a], targets[a])
            pair.forms.update(zip(docs[a:b], sources[a:b], targets[a:b], strict=True))
            if any(flags[a:b]):  # capitalised by the sentence, perhaps
                firsts[code] = Counter(compress(
                    zip(docs[a:b], sources[a:b], targets[a:b], strict=True), flags[a:b]))
        group = last
    first_link = order[starts] if len(starts) else starts
    pairs = {code: made[code] for code in grouped[starts][np.argsort(first_link)].tolist()}
    return pairs, firsts


# White space other than one plain space between the words of a surface form
_ODD_SPACE = re.compile(r"[^\S ]| {2,}")


def _form_ids(units: list[Pair], unit_of: np.ndarray, spans: np.ndarray, batch: int
              ) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Every link's source form, target form and document as numbers of ``names`` (one
    string per distinct form or name): ``names, source_ids, target_ids, doc_ids``.

    The strings are sliced in link order, which is unit order (the links come sorted by
    piece): the unit texts are then read as they lie in memory, where slicing them pair by
    pair jumped about all the units (2-3x slower on 50,000 pairs). A batch of links
    at a time, so few strings live at once."""
    names: list[str] = []

    def new(text: str) -> int:
        # a form is its words: "Member\u00a0States" (a no-break space) and "Member States"
        # are one variant, not two listed side by side that look the same; so are
        # "chai\u0302ne" (decomposed, NFD) and "chaîne", written composed (NFC) as the
        # terms a termbase or a CAT tool compares (contexts keep the text as written)
        if _ODD_SPACE.search(text):
            text = " ".join(text.split())
        names.append(unicodedata.normalize("NFC", text))
        return len(names) - 1

    ids = _Ids(new)
    number = ids.__getitem__
    source, target, document = attrgetter("source"), attrgetter("target"), attrgetter("file")
    n = len(unit_of)
    source_ids = np.empty(n, np.int32)
    target_ids = np.empty(n, np.int32)
    doc_ids = np.empty(n, np.int32)
    for begin in range(0, n, batch):
        end = min(begin + batch, n)
        linked = list(map(units.__getitem__, unit_of[begin:end].tolist()))
        s0, s1, t0, t1 = (spans[begin:end, i].tolist() for i in range(4))
        doc_ids[begin:end] = np.fromiter(map(number, map(document, linked)), np.int32,
                                         end - begin)
        source_ids[begin:end] = np.fromiter(
            map(number, map(getitem, map(source, linked), map(slice, s0, s1))), np.int32,
            end - begin)
        target_ids[begin:end] = np.fromiter(
            map(number, map(getitem, map(target, linked), map(slice, t0, t1))), np.int32,
            end - begin)
    return names, source_ids, target_ids, doc_ids


def _glossary_codes(glossary: Sequence[tuple[str, str]], src: Side, tgt: Side,
                    width: int) -> set[int]:
    codes = set()
    for source, target in glossary:
        e = src.lookup(src.extractor.key(source))
        f = tgt.lookup(tgt.extractor.key(target))
        if e is not None and f is not None:
            codes.add(e * width + f)
    return codes


def _cooccurrences(src: Side, tgt: Side, s_ok: np.ndarray, t_ok: np.ndarray, width: int,
                   min_count: int, glossary_codes: set[int],
                   texts: np.ndarray | None = None) -> dict[int, int]:
    """Pieces shared by each eligible (source id, target id) of compatible length (among
    the pieces ``texts`` marks, when given: those of distinct texts).

    The cross product of the eligible candidates of every piece is built with numpy, for one
    slice of the source ids at a time (by id modulo ``slices``), so no more than about
    :data:`CROSS_CHUNK` candidate pairs exist at once; each slice is counted by sorting and
    only the pairs that may be linked are kept. A dict of every pair met once would not fit
    in memory at 100k units.
    """
    s_piece, s_id = src.distinct(s_ok, texts)
    t_piece, t_id = tgt.distinct(t_ok, texts)
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


def _condensed(codes: np.ndarray, cooc: dict[int, int], width: int, src: Side,
               tgt: Side, s_ok: np.ndarray, t_ok: np.ndarray) -> np.ndarray:
    """Which of the partner ``codes`` (sorted) pair a single source word with a two-word
    target term that it stands for (see :data:`CONDENSED_PRIOR`), which
    :func:`_length_prior` would take for a shorter one and pair with its head alone.

    The evidence: the source word is the best single-word partner (by Dice) of the term's
    head (:meth:`Side.inner_words`); the term holds that head in at least
    :data:`CONDENSED_SHARE` of the pieces where the head meets the word, and meets the
    word in :data:`CONDENSED_MIN` pieces; its other word is a modifier ("navale",
    "directrices", "FUE": no candidate that may be paired, ``t_ok``), not a noun
    translated on its own ("approximation" is no compound for "rapprochement des
    législations", whose "législations" are the "laws" of "approximation of the laws", a
    term the patterns do not make; nor is "Committee" for "nom de la commission"); and
    the meetings are not those of a longer source term that holds the word as its head
    and is paired with the term ("European Parliament" -> "Parlement européen" for
    "Parliament"). Only a single source word: a two-word source term holds its head in
    every piece ("principle of subsidiarity" -> "subsidiarité" would pass)."""
    result = np.zeros(len(codes), bool)
    e, f = codes // width, codes % width
    mine = np.flatnonzero((src.words[e] == 1) & (tgt.words[f] == 2))
    if not len(mine):
        return result
    held, is_head = tgt.inner_words(t_ok)
    n = max(len(tgt.keys), 1)
    term = held // n
    lo = np.searchsorted(term, f[mine], side="left")
    count = np.searchsorted(term, f[mine], side="right") - lo
    option = np.repeat(mine, count)
    at_held = (np.repeat(lo - _exclusive_cumsum(count)[:-1], count)
               + np.arange(int(count.sum())))
    word, head = held[at_held] % n, is_head[at_held]
    counts = np.fromiter(map(cooc.__getitem__, codes.tolist()), np.int64, len(codes))
    dice = 2.0 * counts / (src.df[e] + tgt.df[f])
    # the head's best single-word partner in the source language (by Dice)
    single = np.flatnonzero(tgt.words[f] == 1)
    best_source = np.zeros(n)
    np.maximum.at(best_source, f[single], dice[single])
    # a word of the term other than its head that may be paired itself (a noun, mostly in
    # head position: :meth:`Side.eligible`): a term of two nouns, no compound's
    blocked = np.zeros(len(codes), bool)
    blocked[option[~head]] = True
    rival = e[option] * width + word  # the source word with the term's head
    at = np.minimum(np.searchsorted(codes, rival), len(codes) - 1)
    paired = head & (codes[at] == rival)
    option, at = option[paired], at[paired]
    good = ((counts[option] >= CONDENSED_MIN)
            & (counts[option] >= CONDENSED_SHARE * counts[at])
            & (dice[at] >= best_source[f[at]]) & ~blocked[option])
    option = option[good]
    if not len(option):
        return result
    # The source word as the head of a longer source term paired with the target term
    # ("Parliament" of "European Parliament" -> "Parlement européen"): where that pair
    # accounts for the meetings, they say nothing of the word alone.
    held, is_head = src.inner_words(s_ok)
    n = max(len(src.keys), 1)
    held = held[is_head]
    by_word = np.argsort(held % n, kind="stable")
    words = (held % n)[by_word]
    lo = np.searchsorted(words, e[option], side="left")
    count = np.searchsorted(words, e[option], side="right") - lo
    longer = held[by_word[np.repeat(lo - _exclusive_cumsum(count)[:-1], count)
                          + np.arange(int(count.sum()))]] // n
    holder = longer * width + np.repeat(f[option], count)
    at = np.minimum(np.searchsorted(codes, holder), len(codes) - 1)
    within = (codes[at] == holder) & (counts[at] >= CONDENSED_SHARE
                                       * np.repeat(counts[option], count))
    result[option] = True
    result[np.repeat(option, count)[within]] = False
    return result


def _length_prior(source_words: int, target_words: int, compounds: tuple[bool, bool] = (
        False, False)) -> float:
    """Favour longer matches, and matches of equal length, in competitive linking: half as
    much again for each word the shorter side has beyond one, so a two-word pair wins over a
    one-word pair inside it unless its Dice is under two thirds of that one's ("internal
    market" -> "marché intérieur" over "market" -> "marché"). A single
    word of a language that writes compounds as one word (``compounds``: source, target)
    is as long as the other side's term of two words ("Fischbestand", "stock de
    poissons")."""
    if compounds[0] and source_words == 1 and target_words == 2:
        source_words = target_words
    elif compounds[1] and target_words == 1 and source_words == 2:
        target_words = source_words
    prior = 1.0 + 0.5 * (min(source_words, target_words) - 1)
    return prior if source_words == target_words else prior * 0.75


def _llr(a: int, occ_source: int, occ_target: int, n: int) -> float:
    """Dunning's log-likelihood ratio of the 2x2 table of units with/without each term."""
    b = max(occ_source - a, 0)
    c = max(occ_target - a, 0)
    d = max(n - a - b - c, 0)
    total = a + b + c + d

    def h(*counts: int) -> float:
        return sum(k * math.log(k / total) for k in counts if k)

    return 2.0 * (h(a, b, c, d) - h(a + b, c + d) - h(a + c, b + d))


