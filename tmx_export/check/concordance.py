"""Bilingual concordance: every unit of a memory whose source or target holds a phrase.

A query is matched word by word against the words of each side, in that side's language:

* **lemma-aware** in English and French (simplemma, through the term extractor's
  tokeniser, :class:`~tmx_export.terms.candidates.Extractor`): "value chain" finds "value
  chains", "chaîne de valeur" finds "chaînes de valeur" and "chaîne de la valeur" (French
  "la"/"l'" are left out and "des"/"du" read as "de", as in term keys);
* **case- and accent-insensitive**: every key is folded (accents removed, ``œ`` -> ``oe``,
  case folded), and a query word typed without its accents is also read as each accented
  spelling the lemmatiser knows ("etats" is also "états", whose lemma is "état"), so
  "etats membres" finds "États membres" and "etat membre" finds it too; a capitalised
  French word of the text written without accents ("Etats", "ETATS", as typesetting drops
  them on capitals) is lemmatised as its accented spelling;
* **lemma-aware** in German, Spanish, Italian, Portuguese, Dutch, Polish and most other EU
  languages (:data:`CASE_FREE_LEMMAS`), without the term extractor: each word is keyed by
  the lemma of its ordinary case, whatever case it is written in ("STRASSE", "Straße",
  "Strasse" find each other; "Mitgliedstaat" finds "MITGLIEDSTAATEN"), and a query word
  typed without its accents is also read as each accented spelling the lemmatiser knows
  ("panstwo" is also "państwo");
* other languages: folded words, without lemmas;
* in every language, an acronym's plural ("SMEs": capitals and "s") is keyed as the
  acronym, and a word written with combining accents (NFD) is read composed, its span
  covering its marks.

A query word matches a word of the text when the text word's folded lemma is one of the
query word's keys: its own folded lemma, its folded spelling, or the folded lemma of an
accented spelling of it. The words must follow each other in the text (French articles
between them aside), and a match does not run across punctuation the query does not have.
The symbols of a figure or a code the query writes ("10 %", "§ 3", "(a)", "2019/391")
must be in the text where the query has them, and are highlighted with the words.
The semantics depend on the query and the lemmatiser only, never on the memory, so a search
through the index gives exactly what a scan of the memory gives.

**Index.** Scanning re-reads and re-lemmatises the memory for every query. With an index
(:func:`ensure_index`), a SQLite file holds the units' texts, each side's words as the
matcher sees them (folded lemma keys, places, punctuation: :meth:`Analyser.stored`), and an
FTS5 table over the keys, one FTS token per word (a key that is not plain ASCII letters and
digits is written as ``_`` + its UTF-8 in hex, so the tokeniser can never split or merge
keys). The query's keys are looked up as FTS5 phrases (one per combination of the
alternatives of its words), and each candidate unit is then checked by the same matcher a
scan uses, on the stored words (punctuation, highlight spans), without the lemmatiser.

The index remembers the memory files (resolved paths, sizes, modification times), the
languages, the unit settings and the lemmatiser version; when any differs, it is rebuilt
(the command says so on stderr first): it is a cache, and a stale one must never answer.
A file that is not such an index is never overwritten, nor is an input. The index is
written to a temporary file beside it and renamed into place when complete, so an
interrupted build leaves the old index (or none), never half of one. The memory is streamed
into it in batches, so building takes flat memory however large the memory is.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import sqlite3
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .._lazy import lazy_pattern
from ..errors import InputError
from ..inputs import ParallelInput, check_outputs, declared_pair, gather_inputs
from ..lang import primary, standard_tag
from ..terms.candidates import WORD, Extractor, split_tokens
from ..terms.languages import TermLanguage, term_language
from .text import composed_with_origin

__all__ = ["FORMATS", "SIDES", "TSV_COLUMNS", "Analyser", "Hit", "Pattern", "Query",
           "build_index", "concordance", "ensure_index", "fold", "format_hit",
           "hit_to_json", "hit_to_tsv", "index_status", "search_index", "search_scan",
           "stored_words"]

SIDES = ("both", "source", "target")
FORMATS = ("text", "tsv", "jsonl")
TSV_COLUMNS = ("tuid", "file", "line", "source", "target", "side", "match")

INDEX_FORMAT = "tmx-export concordance index"
INDEX_VERSION = "11"  # raised whenever the keys of words or the tuids change (an old index is
# rebuilt): 4, a TMX unit without a tuid named "#N"; 5, words typed without ß/œ/æ keyed as
# the dictionary spells them; 6, a word joined by hyphens keyed as the words it joins;
# 7, ł, ø, đ, ħ and ı folded to l, o, d, h and i; 8, a prefix and its word joined by a
# hyphen keyed as one word; 9, a French function word in capitals ("DU") keyed as itself,
# not as an accented word ("dû"); 10, words of German, Spanish, Polish... (CASE_FREE_LEMMAS)
# keyed by their lemma, not as written; 11, a letter's combining accent left after
# composing (NFC has no single character for it) is part of its word, not a break
BATCH = 5000  # units per executemany: large enough to amortise, small enough to stay flat
# Phrases an FTS5 query may list (the product of the alternatives of the query's words);
# past this the index is asked for units holding every word somewhere (a superset the
# matcher then narrows), which is slower but never misses a hit.
MAX_PHRASES = 128
# Accented spellings tried per French query word (about 1.5 us each): every spelling with
# up to two accents, and most with three, in at most ~6 ms a word.
SPELLING_BUDGET = 4_000

Input = str | Path | ParallelInput


# --- folding and words ----------------------------------------------------------------------

# Letters Unicode does not decompose into a base letter and an accent, written without
# their stroke by anyone whose keyboard lacks them: "czlonkowskie" for "członkowskie",
# "Sostrom" for "Søstrøm", "Dordevic" for "Đorđević", "hajja" for "ħajja"; the dotless
# "ı" as "i", which also makes Turkish capitals fold as their lower case (the capital of
# "ışık" is "IŞIK", which case folding makes "isik", not "ısık").
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss",
                            "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                            "ħ": "h", "Ħ": "h", "ı": "i"})


def fold(text: str) -> str:
    """``text`` without accents, ligatures split, case folded: "Œuvre" -> "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class Word(NamedTuple):
    """A word of a text: its span, its folded lemma key, and whether punctuation (not just
    space) separates it from the previous word."""

    start: int
    end: int
    key: str
    breaks: bool


def fts_token(key: str) -> str:
    """``key`` as exactly one FTS5 token of the index's tokeniser (see the module doc)."""
    if key.isascii() and key.isalnum():
        return key
    return "_" + key.encode("utf-8").hex()


# A word joined by hyphens ("value-chain", "États-Unis", "Nord-Süd") is the words it joins:
# a translator types it with a space as often as with a hyphen, and one spelling is no
# other term than the other. Each part is keyed as the word it is alone, and the hyphen is
# no punctuation between them, so "value chain" and "value-chain" find each other (a
# query is read as the text is). A word with a hyphen not between two letters or digits
# ("-x", "x--y") stays whole, and so does one the lemmatiser knows as one word written
# without it ("e-mail", keyed "email": found by either spelling, as before).
_HYPHEN = lazy_pattern("[-\u2010\u2011]")

# Prefixes written with a hyphen as often as without it ("co-operation" and "cooperation",
# "sub-paragraph", "re-establish", in EU texts of one house or another): such a word of two
# parts that the lemmatiser knows written without the hyphen is that one word, so either
# spelling finds the other, in any of its forms (a space between them is two words, as
# nobody writes "co operation"). Only after these prefixes: "long-term" stays "long term",
# though the lemmatiser knows "longterm". By language (folded), where words have lemmas.
PREFIXES = {
    "en": frozenset("co re pre non anti multi inter intra sub socio micro macro eco post "
                    "semi over under cyber bio mid".split()),
    "fr": frozenset("co re pre anti multi inter intra micro macro socio eco bio".split()),
}

# The letters of each language's words that fold to other letters: a query word typed
# without them is also read as each spelling with them that the lemmatiser knows (a letter
# that folds to two, "œ", "ß", "æ", is tried for those two).
LETTERS = {
    "fr": "àâéèêëîïôùûüçœ",
    "de": "äöüß", "nl": "éëïöü", "es": "áéíóúüñ", "it": "àèéìíòóù",
    "pt": "áâãàçéêíóôõú", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž", "sl": "čšž", "hr": "čćđšž", "ro": "ăâîșşțţ",
    "hu": "áéíóöőúüű", "sv": "åäö", "da": "æøå", "fi": "äö",
    "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "el": "άέήίόύώϊϋΐΰ",
}


@functools.cache
def _accented(lang: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The letters of :data:`LETTERS` a folded letter of ``lang`` may stand for, and the
    letters that fold to two ("oe" -> "œ")."""
    single: dict[str, str] = {}
    double: list[tuple[str, str]] = []
    for letter in LETTERS.get(lang, ""):
        folded = fold(letter)
        if len(folded) == 1:
            single[folded] = single.get(folded, "") + letter
        else:
            double.append((folded, letter))
    return single, tuple(double)


# The singular and plural endings of nouns whose forms the lemmatiser reads as a verb's
# (see Analyser._other_number): Italian "Stato"/"Stati" (read as "essere").
_OTHER_NUMBER = {"it": (("o", "i"), ("i", "o"))}

# Endings that make an ordinal of a number, which simplemma reads as the number (Dutch
# "tweede", "tiende", "achtste" -> "twee", "tien", "acht").
_ORDINAL_ENDINGS = {"nl": ("de", "ste")}


def _spellings(folded: str, budget: int = SPELLING_BUDGET,
               lang: str = "fr") -> Iterator[str]:
    """``folded`` with the accents of ``lang`` put back in every way, fewest accents
    first, at most ``budget`` spellings (``oe`` is also tried as ``œ`` in French)."""
    accented, doubles = _accented(lang)
    bases = [folded] + [folded.replace(two, one) for two, one in doubles if two in folded]
    tried = 0
    for base in bases:
        slots = [i for i, ch in enumerate(base) if ch in accented]
        for k in range(len(slots) + 1):
            for chosen in itertools.combinations(slots, k):
                for letters in itertools.product(*(accented[base[i]] for i in chosen)):
                    chars = list(base)
                    for i, letter in zip(chosen, letters, strict=True):
                        chars[i] = letter
                    yield "".join(chars)
                    tried += 1
                    if tried >= budget:
                        return


def _acronym(written: str) -> str | None:
    """The acronym of which ``written`` is the plural ("SMEs", "NGOs", "MP3s": capitals,
    then "s"), keyed as its singular: the lemmatiser knows neither ("SMEs" stays "SMEs")."""
    stem = written[:-1]
    if len(stem) >= 2 and written[-1] == "s" and stem.isupper() and stem.isalnum():
        return stem
    return None


class _Chunk(NamedTuple):
    """What a run of non-space characters contributes to a text.

    ``tokens``: its words' offsets in the run, key (``None`` for a left-out article), and
    whether punctuation inside the run comes before them; ``lead``/``trail``: whether
    it starts or ends with punctuation. ``emitted`` is the same for what the index keeps
    (:meth:`Analyser.stored`): each word's offset, length, key as FTS token and whether
    punctuation inside the run comes between it and the previous word kept (the run's
    start for the first), and ``tail``: punctuation after the last word kept (anywhere
    in the run when it keeps none).
    """

    tokens: tuple[tuple[int, int, str | None, bool], ...]
    lead: bool
    trail: bool
    emitted: tuple[tuple[int, int, str, bool], ...]
    tail: bool


CACHE_SIZE = 300_000  # distinct runs and words remembered; cleared when full (see _remember)
# Languages whose words the concordance keys by lemma through the term extractor's tokens
# (and so as terms are keyed).
LEMMA_KEYED = frozenset({"en", "fr"})
# Languages whose words are keyed by the lemma of their ordinary case: the extractor
# lemmatises a word as written (German nouns by their capital), and simplemma's lemmas do
# not survive case folding ("Verkehr" -> "Verkehr", "verkehr" -> "verkehren"; "STRASSE" is
# no word), so a search in one case missed the others. Each word is looked up lower case,
# a German one capitalised when the dictionary knows it so (a noun), and keyed by its
# folded lemma: every case of a word has one key. Chosen on the DGT-TM memory (20+ terms
# of each language, benchmarks/concordance_languages.py): the new hits were other forms of
# the terms. Not Estonian, where lemmas found no more units; Irish and Maltese have none.
CASE_FREE_LEMMAS = frozenset("de es it pt nl pl cs sk sl hr ro hu sv da fi lt lv bg el".split())


class Analyser:
    """The words of texts in one language, and the keys a query word matches.

    English and French words are keyed by their lemmas (the term extractor's tokens);
    those of :data:`CASE_FREE_LEMMAS` by the lemma of their ordinary case; other languages
    by their folded spelling.

    The extractor's tokens of a text are the tokens of its runs of non-space characters
    taken one by one (none spans a space, and each word is classified alone), so each
    distinct run is tokenised once and remembered: indexing a large memory then costs a
    dictionary look-up per run, not a tokenisation per word.
    """

    def __init__(self, lang: str, *, on_disk: bool = False) -> None:
        self.lang = primary(lang)
        self.extractor: Extractor | None = None
        self._rules: TermLanguage | None = None  # the rules of a CASE_FREE_LEMMAS language
        if self.lang in LEMMA_KEYED:
            self.extractor = Extractor(lang)
        elif self.lang in CASE_FREE_LEMMAS:
            self._rules = term_language(self.lang)
        # ``on_disk``: the words of a query through the index, a few thousand lookups, are
        # looked up in the dictionary's file (terms.lemmas) rather than in the dictionary
        # loaded whole (2 s in Finnish or Polish); the same lemmas, so the same keys as the
        # index's. Not in English and French, whose extractor loads theirs (50 ms) anyway.
        self._on_disk = on_disk and self.extractor is None
        self._lemma_lang = self._rules.lemmas if self._rules is not None else self.lang
        # the stop words' lemmas, folded: no word is keyed by one (see _case_free_key)
        self._stop_lemmas = frozenset(fold(word) for word in self._rules.stop) \
            if self._rules is not None else frozenset()
        self._keys: dict[str, str] = {}  # word as written -> key
        self._runs: dict[str, _Chunk] = {}
        # Accents only decide lemmas in French (English borrows few accented words, and
        # their folded spelling is their key): only there are they put back, in query
        # words, and in capitalised words of the text, which French typesetting writes
        # without them.
        self._restores = self.lang == "fr" and self.extractor is not None
        self._prefixes = PREFIXES.get(self.lang, frozenset())
        self._known_words: Callable[[str], bool] | None = None

    @staticmethod
    def _remember(cache: dict[str, Any], name: str, value: Any) -> None:
        # Bounded: a memory of nonsense must not eat the machine. Clearing (rather than
        # no longer adding) lets the words that matter now come back at once.
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        cache[name] = value

    def _key(self, written: str, piece: str) -> str:
        """The key of a word of a text, as written (its piece is a function of it)."""
        key = self._keys.get(written)
        if key is None:
            if self._rules is not None:
                key = self._case_free_key(_acronym(written) or written)
                if self.lang == "el" and written.isupper() and len(written) > 3 and not \
                        self._known()(written.lower()):
                    # Greek capitals drop their accents ("ΕΥΡΩΠΑΪΚΗ" for "Ευρωπαϊκή"):
                    # the word is keyed as the first accented spelling the dictionary knows
                    spelled = fold(written)
                    base = spelled[:-1] + "ς" if spelled.endswith("σ") else spelled
                    known = self._known()
                    key = next((self._case_free_key(spelling)
                                for spelling in _spellings(base, budget=512, lang="el")
                                if known(spelling)), key)
            else:
                key = fold(_acronym(written) or piece)
            if self._restores and written.isascii() and written.lower() != written:
                key = self._restored(written.lower(), key)
            self._remember(self._keys, written, key)
        return key

    def _restored(self, lower: str, key: str) -> str:
        """The key of a capitalised word written without accents ("Etats", "ETATS", as
        French typesetting drops them on capitals) that the lemmatiser does not know: the
        folded lemma of its first accented spelling it knows ("états" -> "etat")."""
        known = self._known()
        if known(lower) or self._function_word(lower):
            return key
        for spelling in _spellings(lower, budget=64, lang=self.lang):
            if spelling != lower and known(spelling):
                assert self.extractor is not None
                pieces = [t.piece for t in self.extractor.tokens(spelling) if t.piece]
                return fold(pieces[0]) if len(pieces) == 1 else key
        return key

    def _case_free_key(self, written: str) -> str:
        """The key of a word of a :data:`CASE_FREE_LEMMAS` language: the folded lemma of
        the word lower case, or capitalised in a language of capitalised nouns when the
        dictionary knows it so. A function of the word's lower case alone, so every case
        of a word ("STRASSE", "Strasse", "strasse") has one key."""
        from ..terms.lemmas import lemmatize

        rules = self._rules
        assert rules is not None
        form = written.lower().replace("\u2019", "'")
        if rules.cased_nouns:
            capital = form[:1].upper() + form[1:]
            if self._dictionary_has(capital):
                form = capital  # a noun: "Verkehr", not the verb "verkehr(en)"
        lemma = lemmatize(form, lang=rules.lemmas, on_disk=self._on_disk)
        if lemma == form and rules.greedy and not self._known()(form.lower()):
            # a compound the dictionary does not know ("hochseegewässern"), taken apart as
            # the term extractor takes it
            lemma = lemmatize(form, lang=rules.lemmas, greedy=True, on_disk=self._on_disk)
        key, spelled = fold(lemma), fold(form)
        if key != spelled and (key in self._stop_lemmas or key[:2] != spelled[:2]
                               or any(spelled == key + ending
                                      for ending in _ORDINAL_ENDINGS.get(self.lang, ()))):
            # A lemma simplemma gives a form it shares with a function word or another
            # word: the noun "Stati" (Italian, "States") and "estado" (Spanish) read as
            # "essere" and "estar", Dutch "eerste" and "tweede" (first, second) as "een"
            # and "twee", Swedish "första" as "en": "Stati membri" found "sono membri",
            # "eerste vergadering" "een vergadering" (DGT-TM). Such a word is keyed as
            # written, as is one whose lemma begins otherwise (an irregular form: "gilt"
            # of "gelten"), which a translator searches as such.
            return spelled
        return key

    def _other_number(self, spelled: str) -> set[str]:
        """The keys of the other number of a query word keyed as written because its
        lemma is a function word's (see :meth:`_case_free_key`): Italian "Stato" and
        "Stati" are both read as "essere", so each is its own key, and "Stato membro"
        found no "Stati membri" (the commonest term of an EU text). Only such a word, and
        only its regular endings (:data:`_OTHER_NUMBER`): a word with a lemma of its own
        finds its forms through it."""
        endings = _OTHER_NUMBER.get(self.lang)
        if not endings or self._case_free_key(spelled) != spelled:
            return set()
        from ..terms.lemmas import lemmatize

        assert self._rules is not None
        if fold(lemmatize(spelled, lang=self._rules.lemmas,
                          on_disk=self._on_disk)) not in self._stop_lemmas:
            return set()
        return {self._case_free_key(spelled[:-1] + other)
                for end, other in endings if spelled.endswith(end) and len(spelled) > 3}

    def _dictionary_has(self, word: str) -> bool:
        """Whether the dictionary holds ``word`` exactly as written."""
        from ..terms.lemmas import dictionary

        try:
            return dictionary(self._lemma_lang, on_disk=self._on_disk).get(word) is not None
        except ValueError:
            return False

    def _function_word(self, lower: str) -> bool:
        """Whether the extractor reads ``lower`` as a function word (a connector, an
        article, a stop word), which the dictionary may not hold ("du", "au", "aux"): such
        a word is no word written without its accents ("du" is not "dû", whose lemma is
        "devoir": "Du point de vue" found nothing, and "du fait" found "devons faire")."""
        assert self.extractor is not None
        return self.extractor.word(lower)[1] != WORD

    def _known(self) -> Callable[[str], bool]:
        """Whether the lemmatiser knows a lower-case word: its dictionary asked directly
        (five times faster than ``simplemma.is_known``, which the spellings of a long
        query word would otherwise make slow), as ``is_known`` asks it."""
        if self._known_words is None:
            from ..terms.lemmas import dictionary, is_known

            try:
                words = dictionary(self._lemma_lang, on_disk=self._on_disk)
            except ValueError:
                lang, on_disk = self._lemma_lang, self._on_disk
                self._known_words = lambda word: is_known(word, lang=lang, on_disk=on_disk)
            else:
                self._known_words = lambda word: (words.get(word) is not None
                                                  or words.get(word.capitalize()) is not None)
        return self._known_words

    def _chunk(self, run: str) -> _Chunk:
        chunk = self._runs.get(run)
        if chunk is not None:
            return chunk
        if not unicodedata.is_normalized("NFC", run):
            chunk = self._decomposed_chunk(run)
            self._remember(self._runs, run, chunk)
            return chunk
        tokens = self._tokens(run)
        chunk = self._chunk_of(tokens, len(run))
        self._remember(self._runs, run, chunk)
        return chunk

    def _decomposed_chunk(self, run: str) -> _Chunk:
        """The chunk of a run written with combining marks ("Cafe" + U+0301, as macOS
        writes "Café"): its composed form tokenised, the offsets taken back to ``run``, so
        a word and its span keep their accents (the tokeniser stops at a combining mark)."""
        composed, origin = composed_with_origin(run)
        tokens = [(origin[start], origin[end], key, breaks)
                  for start, end, key, breaks in self._tokens(composed)]
        return self._chunk_of(tokens, len(run))

    def _tokens(self, run: str) -> list[tuple[int, int, str | None, bool]]:
        """The tokens of ``run``, a word joined by hyphens as the words it joins (see
        :data:`_HYPHEN`)."""
        tokens = self._run_tokens(run)
        if not _HYPHEN.search(run):
            return tokens
        split: list[tuple[int, int, str | None, bool]] = []
        for start, end, key, breaks in tokens:
            parts = _HYPHEN.split(run[start:end])
            if key is None or not _HYPHEN.search(key) or len(parts) < 2 or not all(
                    part and part[0].isalnum() and part[-1].isalnum() for part in parts):
                split.append((start, end, key, breaks))
                continue
            if (len(parts) == 2 and fold(parts[0]) in self._prefixes
                    and self._known()((parts[0] + parts[1]).lower())):
                # a prefix and its word, which the lemmatiser knows written without the
                # hyphen: one word either way, inflected as the word it knows
                joined = self._run_tokens(parts[0] + parts[1])
                if len(joined) == 1 and joined[0][2] is not None:
                    split.append((start, end, joined[0][2], breaks))
                    continue
            at = start
            for n, part in enumerate(parts):
                # keyed as the word it is alone; the hyphen before it is no punctuation
                for k, (s, e, part_key, part_breaks) in enumerate(self._run_tokens(part)):
                    split.append((at + s, at + e, part_key,
                                  (breaks if n == 0 else False) if k == 0 else part_breaks))
                at += len(part) + 1
        return split

    def _run_tokens(self, run: str) -> list[tuple[int, int, str | None, bool]]:
        tokens: list[tuple[int, int, str | None, bool]] = []
        if self.extractor is None:
            previous = 0
            for start, end in split_tokens(run, self.lang):
                written = run[start:end]
                tokens.append((start, end, self._key(written, written),
                               bool(tokens) and start > previous))
                previous = end
        else:
            for token in self.extractor.tokens(run):
                written = run[token.start:token.end]
                key = self._key(written, token.piece) if token.piece else None
                tokens.append((token.start, token.end, key, token.breaks))
        return tokens

    @staticmethod
    def _chunk_of(tokens: list[tuple[int, int, str | None, bool]], length: int) -> _Chunk:
        """The chunk of a run of ``length`` characters whose tokens are ``tokens``."""
        lead = not tokens or tokens[0][0] > 0
        trail = not tokens or tokens[-1][1] < length
        emitted: list[tuple[int, int, str, bool]] = []
        pending = lead
        for start, end, key, inner in tokens:
            pending = pending or inner
            if key is not None:
                emitted.append((start, end - start, fts_token(key), pending))
                pending = False
        return _Chunk(tuple(tokens), lead, trail, tuple(emitted), pending or trail)

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` in order (French articles left out). A word ``breaks``
        when punctuation stands between it and the word before (articles aside)."""
        words: list[Word] = []
        pending = False  # punctuation since the last word
        runs = self._runs
        after = 0  # end of the previous run
        for run in text.split():
            base = text.find(run, after)  # only space lies between the previous run and this
            after = base + len(run)
            chunk = runs.get(run) or self._chunk(run)
            pending = pending or chunk.lead
            for start, end, key, inner in chunk.tokens:
                pending = pending or inner
                if key is not None:
                    words.append(Word(base + start, base + end, key, pending))
                    pending = False
            pending = pending or chunk.trail
        return words

    def stored(self, text: str) -> tuple[str, bytes]:
        """What the index holds for ``text`` (:func:`stored_words` reads it back): its
        words' keys as FTS tokens, and their places, two whole numbers a word (the gap
        since the previous word times two, plus one if it ``breaks``; its length) packed
        as an array (``H``, or ``I`` when a number needs it, then the machine's bytes).
        So a search through the index checks its candidates without the lemmatiser."""
        keys: list[str] = []
        marks: list[int] = []
        pending = False
        at = 0  # end of the previous word
        runs = self._runs
        add_key = keys.append
        # The hot loop of indexing (str.split and str.find run in C; a regular expression
        # costs four times as much).
        after = 0  # end of the previous run
        for run in text.split():
            base = text.find(run, after)  # only space lies between the previous run and this
            after = base + len(run)
            chunk = runs.get(run)
            if chunk is None:
                chunk = self._chunk(run)
            emitted = chunk.emitted
            if len(emitted) == 1:  # nearly every run: one word
                start, length, token, breaks = emitted[0]
                start += base
                add_key(token)
                marks += ((start - at) * 2 + (pending or breaks), length)
                at = start + length
                pending = chunk.tail
                continue
            if not emitted:
                pending = pending or chunk.tail
                continue
            for start, length, token, breaks in emitted:
                start += base
                add_key(token)
                marks += ((start - at) * 2 + (pending or breaks), length)
                at = start + length
                pending = False
            pending = chunk.tail
        try:
            packed = array("H", marks)
        except OverflowError:  # a gap or word of 32,768 characters or more
            packed = array("I", marks)
        return " ".join(keys), packed.typecode.encode() + packed.tobytes()

    def ordinary_case(self, text: str) -> str:
        """``text`` with its words in capitals in lower case when it is written in
        capitals, as the term extractor reads a heading (English and French; other
        languages are keyed by their folded spelling or by the lemma of its ordinary case,
        which case does not change)."""
        if self.extractor is None:
            return text
        return self.extractor.ordinary_case(text)

    def keys(self, text: str, word: Word) -> frozenset[str]:
        """The keys query word ``word`` (of query ``text``) matches: its folded lemma, its
        folded spelling, and the folded lemmas of the accented spellings the lemmatiser
        knows (accent-insensitive, yet lemma-aware: "etats" -> "etat")."""
        spelled = fold(text[word.start:word.end]).replace("\u2019", "'")
        keys = {word.key, spelled}
        if self._rules is not None:
            # typed without its accents ("panstwa", "Strasse" for "Straße"): also each
            # spelling with them the dictionary knows, keyed as the text's word is
            known = self._known()
            # (a Greek word folded ends in "σ", which it writes "ς")
            base = spelled[:-1] + "ς" if self.lang == "el" and spelled[-1:] == "σ" else spelled
            for spelling in _spellings(base, lang=self.lang):
                if known(spelling):
                    keys.add(self._case_free_key(spelling))
            keys.update(self._other_number(spelled))
        if self._restores and not self._function_word(spelled):
            assert self.extractor is not None
            known = self._known()
            for spelling in _spellings(spelled, lang=self.lang):
                if spelling != spelled and known(spelling):
                    pieces = [t.piece for t in self.extractor.tokens(spelling) if t.piece]
                    if len(pieces) == 1:
                        keys.add(fold(pieces[0]))
        keys.update(self._forms_read_apart(text[word.start:word.end]))
        return frozenset(keys)

    def _forms_read_apart(self, written: str) -> set[str]:
        """The keys of the regular forms of query word ``written`` as a verb that the
        lemmatiser reads as another word: it gives one lemma a form, and takes "demande",
        "estime", "note", "invite" for the nouns and "funding", "building" for nouns too,
        so "demander" missed "demande à la Commission", the commonest verb of a European
        Parliament resolution. Each form the lemmatiser knows is keyed as the text's word
        is; the query then finds the noun as well, which a concordance shows rather than
        hide the verb."""
        if self.extractor is None or self.lang not in _VERB_ENDINGS:
            return set()
        pieces = [t.piece for t in self.extractor.tokens(written.lower()) if t.piece]
        if len(pieces) != 1 or " " in pieces[0]:
            return set()
        lemma = pieces[0].lower()
        known = self._known()
        if not known(lemma):  # no word of the language ("demande" read as English)
            return set()
        found: set[str] = set()
        for form in _verb_forms(lemma, self.lang):
            if form != written.lower() and known(form):
                keyed = self.words(form)
                if len(keyed) == 1:
                    found.add(keyed[0].key)
        return found


# The regular verb endings a query word is tried with (see Analyser._forms_read_apart):
# French verbs in -er (present, past participle), English verbs (-s, -ed, -ing).
_VERB_ENDINGS = {
    "fr": ("e", "es", "ent", "é", "ée", "és", "ées"),
    "en": ("s", "es", "ed", "ing"),
}


def _verb_forms(lemma: str, lang: str) -> Iterator[str]:
    """The regular forms of ``lemma`` read as a verb of ``lang`` (some are no word: the
    caller keeps those the lemmatiser knows)."""
    if not lemma.isalpha():
        return
    if lang == "fr":
        if lemma.endswith("er") and len(lemma) > 4:
            yield from (lemma[:-2] + ending for ending in _VERB_ENDINGS["fr"])
        return
    if len(lemma) < 3:
        return
    stems = [lemma]
    if lemma.endswith("e"):  # "base" -> "based", "basing"
        stems.append(lemma[:-1])
    elif lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        stems.append(lemma + lemma[-1])  # "plan" -> "planned", "planning"
    for stem in stems:
        yield from (stem + ending for ending in _VERB_ENDINGS["en"])


def stored_words(keys: str, marks: bytes) -> list[Word]:
    """The words :meth:`Analyser.stored` put in the index, their keys as FTS tokens."""
    if not keys:
        return []
    numbers = array(marks[:1].decode())
    numbers.frombytes(marks[1:])
    words: list[Word] = []
    at = 0
    for i, key in enumerate(keys.split(" ")):
        gap, length = numbers[2 * i], numbers[2 * i + 1]
        start = at + (gap >> 1)
        at = start + length
        words.append(Word(start, at, key, bool(gap & 1)))
    return words


# --- queries --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pattern:
    """A query as read in one language: the keys each of its words matches (and the same
    as FTS tokens, to check the index's words), and where the query itself has
    punctuation between words (a match may have it there too); and the symbols of a code
    or a figure the query writes around or inside its words (:func:`_symbols`), which the
    text must write there too."""

    keys: tuple[frozenset[str], ...]
    breaks: tuple[bool, ...]
    tokens: tuple[frozenset[str], ...]
    # (k, gap): the text between words k - 1 and k must be ``gap``, as the query writes it
    gaps: tuple[tuple[int, str], ...] = ()
    lead: str = ""  # symbols the text must have right before the first word ("§", "(")
    trail: str = ""  # and right after the last ("%", ")")

    @classmethod
    def of(cls, keys: Sequence[frozenset[str]], breaks: Sequence[bool],
           gaps: Sequence[tuple[int, str]] = (), lead: str = "", trail: str = "") -> Pattern:
        """The pattern of words matching ``keys``, with punctuation before them where
        ``breaks`` says, and the symbols ``gaps``, ``lead`` and ``trail`` required."""
        return cls(tuple(keys), tuple(breaks),
                   tuple(frozenset(fts_token(k) for k in alternatives) for alternatives in keys),
                   tuple(gaps), lead, trail)

    def find(self, words: Sequence[Word], *, stored: bool = False,
             text: str = "") -> list[tuple[int, int]]:
        """The character spans of the non-overlapping matches in ``words`` (read from the
        index, keyed by FTS tokens, when ``stored``) of ``text``, in order."""
        keys, breaks = (self.tokens if stored else self.keys), self.breaks
        n = len(keys)
        first = keys[0]
        spans: list[tuple[int, int]] = []
        i, last = 0, len(words) - n
        symbols = bool(self.gaps or self.lead or self.trail)
        while i <= last:
            if words[i].key in first and all(
                words[i + k].key in keys[k] and (breaks[k] or not words[i + k].breaks)
                for k in range(1, n)
            ):
                span = (self._with_symbols(words, i, text) if symbols
                        else (words[i].start, words[i + n - 1].end))
                if span is not None:
                    spans.append(span)
                    i += n
                    continue
            i += 1
        return spans

    def _with_symbols(self, words: Sequence[Word], i: int,
                      text: str) -> tuple[int, int] | None:
        """The span of the match of the words from ``words[i]`` with the symbols the
        query requires around them, or ``None`` when ``text`` lacks one."""
        for k, gap in self.gaps:
            if text[words[i + k - 1].end:words[i + k].start] != gap:
                return None
        start, end = words[i].start, words[i + len(self.keys) - 1].end
        if self.lead:
            before = text[:start].rstrip()
            if not before.endswith(self.lead):
                return None
            start = len(before) - len(self.lead)
        if self.trail:
            after = text[end:]
            spaced = len(after) - len(after.lstrip())
            if not after.startswith(self.trail, spaced):
                return None
            end += spaced + len(self.trail)
        return start, end

    def fts(self) -> str:
        """The FTS5 expression (without column filter) that finds every unit this pattern
        can match in: the phrases of all combinations of the words' keys, or, when they
        are too many, every word somewhere in the side."""
        tokens = [sorted(alternatives) for alternatives in self.tokens]
        count = 1
        for alternatives in tokens:
            count *= len(alternatives)
        if count <= MAX_PHRASES:
            phrases = (" ".join(combination) for combination in itertools.product(*tokens))
            return " OR ".join(f'"{phrase}"' for phrase in phrases)
        return " AND ".join("(" + " OR ".join(f'"{t}"' for t in alternatives) + ")"
                            for alternatives in tokens)


# Punctuation of sentences, which a query may write where the text does not ("Union, and"
# finds "Union and"), and the joiners of words; any other character that is no letter,
# digit or space is a symbol of a code or a figure ("10 %", "§ 3", "2019/391", "(a)",
# "MSC.48(66)"), which the text must write where the query does: "10 %" found every "10"
# of the memory, dates and page numbers, and "1/2019" found "10.1.2019". A star is free too:
# it is the wildcard of other tools' searches ("value chain*"), and a footnote's mark.
_SENTENCE_MARKS = frozenset(",;:!?.…\"'«»“”„‘’‚‹›-‐‑–—*")


def _symbol(ch: str) -> bool:
    return not (ch.isalnum() or ch.isspace() or ch in _SENTENCE_MARKS)


def _symbols(text: str, words: Sequence[Word]) -> tuple[list[tuple[int, str]], str, str]:
    """The symbols query ``text`` writes with its ``words``, as :class:`Pattern` requires
    them: the gaps between two words written together with a symbol between them
    ("2019/391", "3(1"), and the symbols right before the first word and right after
    the last (space between them and the word aside: "§ 3", "10 %")."""
    gaps = []
    for k in range(1, len(words)):
        gap = text[words[k - 1].end:words[k].start]
        if gap and not any(ch.isspace() for ch in gap) and any(_symbol(ch) for ch in gap):
            gaps.append((k, gap))
    before = text[:words[0].start].rstrip()
    lead = before[len(before) - next((n for n, ch in enumerate(reversed(before))
                                      if not _symbol(ch)), len(before)):]
    after = text[words[-1].end:].lstrip()
    trail = after[:next((n for n, ch in enumerate(after) if not _symbol(ch)), len(after))]
    return gaps, lead, trail


@dataclass(frozen=True, slots=True)
class Query:
    """A query read in both languages: ``source`` and ``target`` are ``None`` when the
    query has no word in that language's reading (a French article alone)."""

    text: str
    source: Pattern | None
    target: Pattern | None

    @classmethod
    def compile(cls, text: str, source: Analyser, target: Analyser,
                side: str = "both") -> Query:
        """``text`` read by the analysers of the sides ``side`` names (a side not searched
        is not read: its lemmatiser need not load); ``InputError`` when it has no word."""
        patterns: list[Pattern | None] = []
        for name, analyser in (("source", source), ("target", target)):
            words = analyser.words(text) if side in ("both", name) else []
            keys = [analyser.keys(text, w) for w in words]
            ordinary = analyser.ordinary_case(text) if words else text
            if ordinary != text:
                # A query typed in capitals ("THAT THERE IS"): its short words read alone
                # are acronyms, "IS" keyed "is" where the text's "is" is keyed "be", and
                # the query missed the text in lower case. Each word also matches what it
                # matches in lower case (same spans: ordinary_case keeps every length).
                lowered = analyser.words(ordinary)
                if [w[:2] for w in lowered] == [w[:2] for w in words]:
                    keys = [k | analyser.keys(ordinary, w) for k, w in zip(keys, lowered,
                                                                           strict=True)]
            patterns.append(Pattern.of(keys, [w.breaks for w in words], *_symbols(text, words))
                            if words else None)
        if patterns[0] is None and patterns[1] is None:
            raise InputError("QUERY", f"{text!r} has no word to search for"
                             + ("" if side == "both" else f" in the {side} language"))
        return cls(text, patterns[0], patterns[1])

    def patterns(self, side: str) -> list[tuple[str, Pattern]]:
        """The (side, pattern) pairs to search for ``side`` (``both``, ``source``,
        ``target``)."""
        wanted = ("source", "target") if side == "both" else (side,)
        return [(name, pattern) for name in wanted
                if (pattern := getattr(self, name)) is not None]


@dataclass(frozen=True, slots=True)
class Hit:
    """A unit the query matched, with the character spans of the matches on each side."""

    tuid: str
    file: str
    line: int
    source: str
    target: str
    source_spans: tuple[tuple[int, int], ...]
    target_spans: tuple[tuple[int, int], ...]

    @property
    def side(self) -> str:
        """``source``, ``target`` or ``both``: where the query matched."""
        if self.source_spans and self.target_spans:
            return "both"
        return "source" if self.source_spans else "target"

    @property
    def matches(self) -> list[str]:
        """The matched words as written, each distinct one once, source side first."""
        found = [self.source[s:e] for s, e in self.source_spans]
        found += [self.target[s:e] for s, e in self.target_spans]
        return list(dict.fromkeys(found))


def _hit(tuid: str, file: str, line: int, source: str, target: str,
         spans: dict[str, list[tuple[int, int]]]) -> Hit | None:
    """The hit of a unit with the matches ``spans`` by side, or ``None`` if none."""
    source_spans, target_spans = spans.get("source", ()), spans.get("target", ())
    if not source_spans and not target_spans:
        return None
    return Hit(tuid, file, line, source, target, tuple(source_spans), tuple(target_spans))


# --- searching ------------------------------------------------------------------------------

def _stream(inputs: Sequence[Input], settings: dict[str, Any], progress: Any = None,
            left_out: Any = None) -> Iterator[Any]:
    """Every unit as the memory holds it: no cleaning, no deduplication, tuids kept, so a
    hit names the unit a CAT tool or the TMX shows. A memory with no unit in the pair is
    refused once read, naming the languages its units hold: a search of nothing would
    find nothing, and say nothing. The units not searched (lacking one of the pair) are
    counted by reason in ``left_out`` (a :class:`~tmx_export.check.model.LeftOut`)."""
    from ..pipeline import no_unit_in_pair, stream_units
    from .model import LeftOut

    if left_out is None:
        left_out = LeftOut()
    count = 0
    for unit in stream_units(list(inputs), source_lang=settings["source_lang"],
                             target_lang=settings["target_lang"],
                             input_format=settings["input_format"],
                             segment=settings["segment"], renumber=False, clean=None,
                             dedupe="none", allow_empty=True, progress=progress,
                             rejects=left_out.add):
        count += 1
        yield unit
    if count == 0:
        raise no_unit_in_pair(inputs, "search", settings["source_lang"],
                              settings["target_lang"], left_out.languages, left_out.reasons)


def search_scan(inputs: Sequence[Input], query: Query, *, side: str = "both",
                source_lang: str = "en-GB", target_lang: str = "fr-FR",
                input_format: str | None = None, segment: str = "sentence",
                left_out: Any = None) -> Iterator[Hit]:
    """The hits of ``query`` in the memory ``inputs``, read from start to end; the units
    not searched are counted in ``left_out`` (a ``LeftOut``) by the end."""
    settings = _settings(source_lang, target_lang, input_format, segment)
    analysers = {"source": Analyser(settings["source_lang"]),
                 "target": Analyser(settings["target_lang"])}
    patterns = query.patterns(side)
    for unit in _stream(inputs, settings, left_out=left_out):
        texts = {"source": unit.source, "target": unit.target}
        hit = _hit(str(unit.tuid or ""), unit.file, unit.line, unit.source, unit.target,
                   {name: pattern.find(analysers[name].words(texts[name]), text=texts[name])
                    for name, pattern in patterns})
        if hit is not None:
            yield hit


def search_index(path: str | Path, query: Query, *, side: str = "both") -> Iterator[Hit]:
    """The hits of ``query`` in the index ``path`` (see :func:`ensure_index`), in the
    memory's order: FTS5 finds the candidates, the matcher checks them."""
    patterns = query.patterns(side)
    expression = " OR ".join(f"({name}_keys : ({pattern.fts()}))" for name, pattern in patterns)
    if not expression:
        return
    con = _connect_ro(Path(path))
    try:
        rows = con.execute(
            "SELECT u.tuid, f.name, u.line, u.source, u.target, u.source_keys, "
            "u.source_marks, u.target_keys, u.target_marks FROM words "
            "JOIN units u ON u.id = words.rowid JOIN files f ON f.id = u.file "
            "WHERE words MATCH ? ORDER BY words.rowid", (expression,))
        for tuid, file, line, source, target, *stored in rows:
            sides = {"source": stored[0:2], "target": stored[2:4]}
            texts = {"source": source, "target": target}
            hit = _hit(tuid, file, line, source, target,
                       {name: pattern.find(stored_words(*sides[name]), stored=True,
                                           text=texts[name])
                        for name, pattern in patterns})
            if hit is not None:
                yield hit
    except sqlite3.DatabaseError as exc:
        # An index whose meta table reads well may still be damaged further in (a disk
        # error, a copy cut short): SQLite only finds out on the pages a query reads. It
        # is our cache, but it is not removed behind the user's back: they are told how
        # to have it rebuilt.
        raise InputError(str(path), f"the index is damaged ({exc}); remove it, and the "
                         "next search with --index builds it again") from None
    finally:
        con.close()


class Hits:
    """The hits of a search, in the memory's order (an iterator), with the languages it
    searched in, standardised, and whether they are the ones the memory declares
    (``declared``: the user named none). ``left_out`` counts by reason the units of the
    memory not searched (a ``tu`` without the target language): known from the index at
    once, from a scan once every hit has been taken (``None`` until then, and after a
    ``limit`` that stopped the scan early)."""

    def __init__(self, hits: Iterator[Hit], source_lang: str, target_lang: str,
                 declared: bool) -> None:
        self._hits = hits
        self.source_lang, self.target_lang, self.declared = source_lang, target_lang, declared
        self.left_out: Counter[str] | None = None

    def __iter__(self) -> Hits:
        return self

    def __next__(self) -> Hit:
        return next(self._hits)


def concordance(
    inputs: Sequence[Input],
    query: str,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    side: str = "both",
    limit: int | None = None,
    index: str | Path | None = None,
    input_format: str | None = None,
    segment: str = "sentence",
    on_build: Callable[[str], None] | None = None,
    progress: Any = None,
    languages_from_memory: bool = False,
) -> Hits:
    """The hits of ``query`` in the memory ``inputs`` (anything ``build`` reads), at most
    ``limit``, in the memory's order. With ``languages_from_memory`` (the user named no
    language), the pair the memory declares (:func:`tmx_export.inputs.declared_pair`)
    rather than ``source_lang`` and ``target_lang``.

    ``side`` restricts the search to the ``source`` or ``target`` texts (``both``: either).
    With ``index`` (a file name), the search runs on that SQLite index, built first when
    missing or out of date (:func:`ensure_index`; ``on_build(reason)`` hears of it before
    the build starts, ``progress`` follows the reading). Everything that can be refused (a
    side, a query without words, an unreadable memory or index) is refused by this call,
    before the first hit is asked for.
    """
    if side not in SIDES:
        raise ValueError(f"unknown side {side!r}; expected one of {', '.join(SIDES)}")
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    declared = (declared_pair(inputs, input_format, source_lang, target_lang)
                if languages_from_memory else None)
    if declared is not None:
        source_lang, target_lang = declared
    settings = _settings(source_lang, target_lang, input_format, segment)
    # Through the index the query alone is lemmatised: its words are looked up on disk. A
    # scan loads the dictionaries whole for the memory's words, and the query's with them.
    on_disk = index is not None
    compiled = Query.compile(query, Analyser(settings["source_lang"], on_disk=on_disk),
                             Analyser(settings["target_lang"], on_disk=on_disk), side)
    result = Hits(iter(()), settings["source_lang"], settings["target_lang"],
                  declared is not None)
    if index is not None:
        ensure_index(inputs, index, source_lang=source_lang, target_lang=target_lang,
                     input_format=input_format, segment=segment, on_build=on_build,
                     progress=progress)
        result.left_out = Counter(json.loads(_read_meta(Path(index))["left_out"]))
        hits = search_index(index, compiled, side=side)
    else:
        from .model import LeftOut

        gather_inputs(inputs, source_lang=settings["source_lang"],  # fail now, not later
                      target_lang=settings["target_lang"], pair_files=input_format is None)
        left_out = LeftOut()
        hits = _then(search_scan(inputs, compiled, side=side, source_lang=source_lang,
                                 target_lang=target_lang, input_format=input_format,
                                 segment=segment, left_out=left_out),
                     lambda: setattr(result, "left_out", left_out.reasons))
    result._hits = itertools.islice(hits, limit)
    return result


def _then(hits: Iterator[Hit], done: Callable[[], None]) -> Iterator[Hit]:
    """``hits``, then ``done()`` once they are all taken (the memory read to its end)."""
    yield from hits
    done()


# --- the index ------------------------------------------------------------------------------

def _settings(source_lang: str, target_lang: str, input_format: str | None,
              segment: str) -> dict[str, Any]:
    tags = []
    for option, code in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        try:
            tags.append(standard_tag(code))
        except ValueError as exc:
            raise InputError(option, str(exc)) from None
    return {"source_lang": tags[0], "target_lang": tags[1], "input_format": input_format,
            "segment": segment}


def _lemmatiser() -> str:
    from importlib.metadata import version

    return f"simplemma {version('simplemma')}"


def _expected_meta(inputs: Sequence[Input], path: Path, settings: dict[str, Any],
                   ) -> dict[str, str]:
    """What an up-to-date index of ``inputs`` says about itself."""
    files = gather_inputs(inputs, source_lang=settings["source_lang"],
                          target_lang=settings["target_lang"],
                          pair_files=settings["input_format"] is None)
    check_outputs(files, [path])
    names = [name for f in files
             for name in ((f.source, f.target) if isinstance(f, ParallelInput) else (f,))]
    if "-" in names:
        raise InputError("-", "standard input cannot be indexed (it cannot be checked for "
                         "changes): give the memory as a file, or leave out --index")
    memory = []
    for name in names:
        stat = os.stat(name)
        # the change time and file number too: a memory rewritten with its size and its
        # modification time kept (`cp -p`, `touch -d`, `rsync -a`) still changed them
        memory.append([str(Path(name).resolve()), stat.st_size, stat.st_mtime_ns,
                       stat.st_ctime_ns, stat.st_ino])
    return {"format": INDEX_FORMAT, "version": INDEX_VERSION, "lemmatiser": _lemmatiser(),
            "byteorder": sys.byteorder,
            "source_lang": settings["source_lang"], "target_lang": settings["target_lang"],
            "input_format": settings["input_format"] or "", "segment": settings["segment"],
            "memory": json.dumps(memory, ensure_ascii=False)}


# Which difference makes an index stale, in the words the user reads.
_STALE_REASONS = {
    "memory": "the memory changed",
    "source_lang": "it was built for other languages",
    "target_lang": "it was built for other languages",
    "segment": "it was built with other units (--segment)",
    "input_format": "it was built with another --input-format",
    "version": "it was built by another version of tmx-export",
    "lemmatiser": "it was built with another lemmatiser version",
    "byteorder": "it was built on another kind of machine",
}


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _read_meta(path: Path) -> dict[str, str]:
    """The meta table of the index ``path``; ``InputError`` when ``path`` is not one of
    our indexes, so that a mistyped --index never destroys some other file."""
    refused = ("not a tmx-export concordance index; refusing to replace it (name another "
               "--index file, or remove this one)")
    try:
        con = _connect_ro(path)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta"))
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise InputError(str(path), refused) from None
    if meta.get("format") != INDEX_FORMAT:
        raise InputError(str(path), refused)
    return meta


def index_status(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                 target_lang: str = "fr-FR", input_format: str | None = None,
                 segment: str = "sentence") -> str | None:
    """``None`` when the index ``path`` is up to date for the memory ``inputs``, else why
    it must be (re)built: ``"missing"``, or what changed."""
    target = Path(path)
    settings = _settings(source_lang, target_lang, input_format, segment)
    expected = _expected_meta(inputs, target, settings)
    if not target.exists():
        from ..formats.text import check_writable

        check_writable(path)  # as given: Path() drops the "/" of "newdir/"
        return "missing"
    if target.is_dir():
        raise InputError(str(path), "is a directory, expected an index file")
    meta = _read_meta(target)
    for key, reason in _STALE_REASONS.items():
        if meta.get(key) != expected[key]:
            return reason
    return None


def ensure_index(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                 target_lang: str = "fr-FR", input_format: str | None = None,
                 segment: str = "sentence", on_build: Callable[[str], None] | None = None,
                 progress: Any = None) -> str:
    """Make the index ``path`` of the memory ``inputs`` up to date: ``"reused"`` when it
    was, else it is (re)built (``on_build(reason)`` is called first) and the result is
    ``"built"`` or ``"rebuilt"``."""
    reason = index_status(inputs, path, source_lang=source_lang, target_lang=target_lang,
                          input_format=input_format, segment=segment)
    if reason is None:
        return "reused"
    if on_build is not None:
        on_build(reason)
    build_index(inputs, path, source_lang=source_lang, target_lang=target_lang,
                input_format=input_format, segment=segment, progress=progress)
    return "built" if reason == "missing" else "rebuilt"


# The texts and what the index knows of their words (see Analyser.stored) in ``units``;
# ``words`` is the FTS5 index of the keys, with ``units`` as its external content, so the
# keys are stored once. The tokeniser only has to split at spaces: every key is one token
# of letters, digits and "_" (fts_token).
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE units(id INTEGER PRIMARY KEY, tuid TEXT NOT NULL, file INTEGER NOT NULL,
                   line INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
                   source_keys TEXT NOT NULL, source_marks BLOB NOT NULL,
                   target_keys TEXT NOT NULL, target_marks BLOB NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(source_keys, target_keys, content='units',
                                      content_rowid='id', columnsize=0,
                                      tokenize="unicode61 tokenchars '_'");
"""


def build_index(inputs: Sequence[Input], path: str | Path, *, source_lang: str = "en-GB",
                target_lang: str = "fr-FR", input_format: str | None = None,
                segment: str = "sentence", progress: Any = None) -> int:
    """Build the concordance index of the memory ``inputs`` at ``path`` (replacing any
    index there) and return how many units it holds. The units are streamed and written
    in batches, so memory stays flat however large the memory is; the file is written
    beside ``path`` and renamed into place when complete."""
    from ..formats.text import atomic_path

    target = Path(path)
    settings = _settings(source_lang, target_lang, input_format, segment)
    meta = _expected_meta(inputs, target, settings)  # before reading: a later change shows
    with atomic_path(path, together=False) as tmp:  # searched at once, in this run
        con = sqlite3.connect(tmp)
        try:
            # The file is private until renamed: no journal, no syncs while writing (one
            # fsync before the rename makes it durable).
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                              "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;")
            con.executescript(_SCHEMA)
            from .model import LeftOut

            left_out = LeftOut()
            count = _fill(con, _stream(inputs, settings, progress, left_out), settings)
            meta["units"] = str(count)
            # what was not searched, said at each search as a scan says it
            meta["left_out"] = json.dumps(dict(left_out.reasons))
            con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            # One FTS segment instead of several: fewer b-trees to probe per query.
            con.execute("INSERT INTO words(words) VALUES ('optimize')")
            con.commit()
        except sqlite3.Error as exc:
            # the disk full, a file size limit (ulimit -f): SQLite says "disk I/O error",
            # which is the index's to name, not a traceback
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in _WRITE_FAILURES:
                raise
            raise InputError(str(path), f"cannot write the index ({exc})") from None
        finally:
            con.close()
    return count


# SQLite's primary result codes of a write the file system refused: SQLITE_IOERR, SQLITE_FULL,
# SQLITE_READONLY, SQLITE_CANTOPEN (the termbase reports the same, terms/termbase.py)
_WRITE_FAILURES = frozenset({10, 13, 8, 14})


def _fill(con: sqlite3.Connection, units: Iterator[Any], settings: dict[str, Any]) -> int:
    source, target = Analyser(settings["source_lang"]), Analyser(settings["target_lang"])
    files: dict[str, int] = {}
    rows: list[tuple[Any, ...]] = []
    count = 0
    for unit in units:
        count += 1
        file_id = files.get(unit.file)
        if file_id is None:
            file_id = files[unit.file] = len(files) + 1
            con.execute("INSERT INTO files(id, name) VALUES (?, ?)", (file_id, unit.file))
        rows.append((count, str(unit.tuid or ""), file_id, unit.line, unit.source,
                     unit.target, *source.stored(unit.source), *target.stored(unit.target)))
        if len(rows) >= BATCH:
            con.executemany(_INSERT, rows)
            rows.clear()
    con.executemany(_INSERT, rows)
    # The FTS index read from the units in one pass (faster than row by row).
    con.execute("INSERT INTO words(words) VALUES ('rebuild')")
    return count


_INSERT = "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


# --- output -----------------------------------------------------------------------------------

def highlight(text: str, spans: Sequence[tuple[int, int]],
              style: Callable[[str], str] | None) -> str:
    """``text`` with each span passed through ``style`` (``None``: left as it is)."""
    if style is None or not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(text[at:start])
        out.append(style(text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def format_hit(hit: Hit, *, source_lang: str, target_lang: str, colour: bool = False) -> str:
    """A hit for a person: ``tuid  file:line``, then the source and target lines, indented
    behind their language; with ``colour``, the matches in bold red (for a terminal)."""
    import click

    style = (lambda s: click.style(s, fg="red", bold=True)) if colour else None
    header = f"{hit.tuid}  {hit.file}:{hit.line}" if hit.tuid else f"{hit.file}:{hit.line}"
    if colour:
        header = click.style(header, fg="green")
    width = max(len(source_lang), len(target_lang))
    return "\n".join((
        header,
        f"  {source_lang:<{width}}  {highlight(hit.source, hit.source_spans, style)}",
        f"  {target_lang:<{width}}  {highlight(hit.target, hit.target_spans, style)}",
    ))


def hit_to_tsv(hit: Hit) -> str:
    """A hit as a TSV row of :data:`TSV_COLUMNS` (escaped and spreadsheet-safe as the
    project's other TSV files; ``match`` lists the matched words, ``" | "``-separated)."""
    from ..formats.text import neutralise_cell
    from ..formats.tsv import escape_field

    fields = (hit.tuid, hit.file, str(hit.line), hit.source, hit.target, hit.side,
              " | ".join(hit.matches))
    return "\t".join(neutralise_cell(escape_field(f)) for f in fields)


# Characters JSON may carry raw but that some line readers take for line ends.
_LINE_SEPARATORS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def hit_to_json(hit: Hit) -> str:
    """A hit as one JSON line: the TSV columns (``match`` a list) and the character spans
    of the matches (``source_spans``, ``target_spans``: ``[start, end]`` pairs)."""
    record = {"tuid": hit.tuid, "file": hit.file, "line": hit.line, "source": hit.source,
              "target": hit.target, "side": hit.side, "match": hit.matches,
              "source_spans": [list(s) for s in hit.source_spans],
              "target_spans": [list(s) for s in hit.target_spans]}
    return json.dumps(record, ensure_ascii=False).translate(_LINE_SEPARATORS)
