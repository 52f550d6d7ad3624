"""Concordance (analysis): the words of a side as the keys a query matches and the index
stores, in each side's language (:class:`Analyser`). What a word is keyed as:

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
accented spelling of it. The keys depend on the query and the lemmatiser only, never on
the memory, so a search through the index gives exactly what a scan of the memory gives.

The index (:mod:`.concordance`) stores these keys: a change to how a word is keyed must
raise its ``INDEX_VERSION``, so that an index built before is built again.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from array import array
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from .._lazy import lazy_pattern
from ..lang import primary
from ..terms.candidates import WORD, Extractor, split_tokens
from ..terms.languages import TermLanguage, term_language
from .text import composed_with_origin

# Accented spellings tried per French query word (about 1.5 us each): every spelling with
# up to two accents, and most with three, in at most ~6 ms a word.
SPELLING_BUDGET = 4_000


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
        from ..terms.lemmas import adjective_lemma, lemmatize, singular_lemma

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
        if fold(lemma) not in self._stop_lemmas:  # a Polish plural's lemma: its singular's
            lemma = singular_lemma(lemma, rules.lemmas, on_disk=self._on_disk)
        if rules.cased_nouns:
            # An adjective the dictionary also lists as a noun ("der Ständige", "das
            # Gemischte"): "Ständige" and "Ständigen" were keyed by that noun, "Ständiger"
            # by the adjective "ständig", so a query "Ständiger Ausschuss", as IATE cites
            # it, found none of "der Ständige Ausschuss", "des Ständigen Ausschusses".
            # (Not where the adjective is a function word's lemma, "entsprechend": the
            # word is then keyed as written, below, and its forms would part.)
            lemma = adjective_lemma(lemma, rules.lemmas,
                                    lambda stem: fold(stem) in self._stop_lemmas,
                                    on_disk=self._on_disk)
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
