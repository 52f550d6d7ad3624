"""Candidate terms in one language: lemmatised single words and multi-word units.

A candidate is a run of 1-4 content words that no stop word or punctuation interrupts,
shaped by the language's term patterns:

* English: modifiers + head noun, i.e. a contiguous run of content words ("value chain",
  "resource efficiency cluster"), and noun + "of" or "into" + noun ("code of conduct", "Rules
  of Procedure", "transport of dangerous goods", "entry into force"), which the stop words
  would otherwise cut in two, and coordinated adjectives + noun ("economic and social
  cohesion"), and names of capitalised words joined by "of the" ("Official Journal of the
  European Union"); a compound at the start of a longer run counts as in head position
  ("conformity assessment" of "conformity assessment body");
* French: head noun + adjectives, and head noun + de/du/des/à (la)/en + noun ("chaîne de
  valeur", "conseiller à la sécurité"), and an adjective coordinated with a last one
  ("cohésion économique et sociale", which then leaves out "cohésion économique"); the
  linking words sit inside, never at an edge.

Each candidate is keyed by its lemmas (simplemma, whose data ships in its wheel, so nothing is
downloaded), so "value chains" and "value chain" are one candidate with two surface forms.
French linking words are normalised in the key ("des" -> "de", "aux" -> "à", articles
dropped), so "chaînes des valeurs" does not split the count of "chaîne de valeur".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import partial
from typing import NamedTuple

from ..frequencies import zipf as zipf_frequency
from ..lang import COMBINING_MARKS, elisions, primary
from .languages import TermLanguage, term_language, term_languages
from .lemmas import adjective_lemma, is_known, lemmatize, singular_lemma
from .stopwords import (
    BOUND,
    HEADING_WORDS,
    LOCUTIONS,
    NOT_HEAD,
    NOT_STOP,
    VAGUE_COMPLEMENTS,
    is_ordinal,
)

MAX_WORDS = 4  # content words per candidate, as the terminology brief asks (1-4)
# Content words after "of" in an "N of N" candidate ("code of conduct", "transport of
# dangerous goods"). A longer complement is mostly a term of its own ("provision of air
# navigation services"), whose links the longer phrase would take away in the pairing; two
# words found more terms than they cost on the Europarl and DGT-TM tuning halves (issue 11).
MAX_COMPLEMENT_WORDS = 2
# Linking words whose complement closes a fixed phrase ("entry into force", "entry into
# service"): such a complement starts no "N of N" candidate of its own
# (:func:`_linked_complement`). Not "of", whose chains hold the term at either end:
# "entry" in "date of entry into force" heads "entry into force".
CLOSING_LINKS = frozenset({"into"})
# An English compound that begins a longer run counts as in head position when it has at
# least this many words: "conformity assessment" (of "conformity assessment body"), "high
# seas" ("high seas fishing") are terms used as modifiers, where a single word before a
# head ("European", "industrial") mostly is not (issue 11). Only in English (the languages
# of :data:`COORDINATION`): German and Dutch write such compounds as one word.
MODIFIER_HEAD_WORDS = 2
# Coordinated adjectives ("economic and social cohesion", "cohésion économique et
# sociale"): by language, the word that joins them (its key piece) and the endings of an
# adjective's lemma. Only adjectives: "Commission and Member States" is no term. English:
# a lone adjective, "and", then an adjective and a noun; French: a head noun, an adjective,
# "et", an adjective (issue 11). Without them the pairing links "social cohesion" to
# "cohésion économique".
COORDINATION: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("and", ("al", "ic", "ive", "ous", "ary", "ian", "ish", "ese", "ar", "ile", "able",
                   "ible", "ful", "ory", "ern")),
    "fr": ("et", ("ique", "al", "el", "if", "eux", "aire", "ien", "ais", "ois", "ier", "ible",
                  "able", "iste", "ile",
                  # feminine forms, which simplemma keeps when it does not know the word
                  # ("langues islandaise et norvégienne")
                  "ienne", "aise", "oise", "elle", "ive", "euse", "ale")),
}
# Names joined by "of the" (English): a run of capitalised words, the two linking words, and
# the whole next run of capitalised words, four content words in all ("Official Journal of
# the European Union", "General Secretariat of the Council"), neither followed nor preceded
# by "of" or "and", which make it a piece of a longer name ("Statute of the European System
# of Central Banks", "Regulation of the European Parliament and of the Council", "Court of
# Justice of the European Union"). By language: the linking words, and the words that
# carry a name on. Issue 11: the N-of-N pattern allows no article ("the responsibility of
# the Commission" is no term); with capitals on both sides it makes institutions' names,
# cut at "of the" before.
NAMES: dict[str, tuple[tuple[str, str], frozenset[str]]] = {
    "en": (("of", "the"), frozenset({"of", "and"})),
}
# the languages with hand-made rules; others that simplemma and wordfreq know have a
# fallback (:func:`.languages.term_language`)
SUPPORTED_LANGS = tuple(term_languages())

# Words (letters and digits, each maybe with its accents) joined by inner hyphens or
# apostrophes: "know-how", "savoir-faire", "l'importance" (split below), "Parliament's".
# (Written so that a word without accents is matched by one repeat of a class, as before.)
_WORD_CHARS = f"[^\\W_]+(?:[{COMBINING_MARKS}]+[^\\W_]*)*"
_TOKEN = re.compile(f"{_WORD_CHARS}(?:[-\u2010\u2011'\u2019]{_WORD_CHARS})*", re.UNICODE)
# The same, captured: ``TOKEN_SPLIT.split(text)`` alternates gaps and words, all in C.
TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", re.UNICODE)
_APOSTROPHES = "'\u2019"
# English adverb endings; "family" or "supply" do not end in these.
_EN_ADVERB_ENDINGS = ("ally", "ously", "ively", "ently", "antly", "ably", "ibly", "edly",
                      "ingly", "fully", "lessly", "arly", "ely", "tly")
# Finite forms of French -er verbs ("encourage", "soulignent", "proposons"): verbs are not
# terms, and simplemma's lemma tells them from nouns ("contrôle" -> "contrôle").
_FR_VERB_ENDINGS = ("e", "es", "ent", "ons", "ez", "ait", "ais", "aient", "era", "erait",
                    "eront", "erons", "erez", "a", "ai", "èrent", "ant", "eant")
_FR_NOT_VERBS = frozenset({"mise", "oeuvre", "œuvre"})  # "mise en œuvre" is a noun
# Nouns that simplemma lemmatises as a verb: "mise" is "miser" (to bet), which made the key
# "miser en œuvre" for "mise en œuvre".
_FR_NOUN_LEMMAS = {"mise": "mise", "mises": "mise"}
# The endings of an English singular whose plural adds "-es" ("annex", "mass", "prefix",
# "mix"): the lemmatiser reads such a plural as that of a spelling in "-e" ("annexes" ->
# "annexe", "masses" -> "masse"), which :func:`_english_spelling` undoes.
_EN_ES_PLURAL_ENDS = ("x", "ss", "ch", "sh", "z")
# The present participle of any other verb, whose lemma simplemma gives ("établissant" ->
# "établir", "produisant" -> "produire"): a verb, as in "règlement établissant des règles",
# which made the candidates "règlement établissant" and "Commission établissant". The
# nouns in "-ant" are their own lemmas ("représentant", "montant", "requérant").
_FR_VERB_LEMMA_ENDINGS = ("ir", "re", "oir")
# French adverbs: "-amment", "-emment", and "-ment" after a feminine adjective
# ("mutuellement", "préalablement", "juridiquement"), unless that is a verb's form
# ("renouvellement", "signalement": "renouvelle", "signale"). Like the English "-ly"
# adverbs, they are no part of a term: "solution mutuellement convenue" made the
# candidate "solution mutuellement". Any other word in "-ment" is an adverb when
# simplemma knows no plural of it (it lists the plural of every noun in "-ment",
# "règlements", "éléments", and no adverb) and the word before "-ment" is a word, no form
# of a verb: "séparément", "directement", "absolument", but not "évitement" ("évite").
# "homologué séparément" was a candidate.
_FR_FEMININE_ENDINGS = ("ique", "ale", "elle", "ive", "euse", "aire", "ienne", "ière", "ible",
                        "able", "iste", "ile", "aise", "oise")

# A verb in the 3rd person singular after a noun phrase, by language: the words that follow
# such a verb where a plural noun seldom stands, an article or a determiner, as key pieces
# ("an" is "a", "these" is "this"): "shipbuilding remains a strategic industry", "the
# decision replaces the Annex". A word in "-s" written in lower case between a content
# word and one of these is that verb, and ends the candidate before it: "shipbuilding
# remains" and "decision replaces" were candidates (simplemma reads "remains" as a noun).
# A capitalised word stays a noun ("grants Member States the right").
VERB_OBJECTS: dict[str, frozenset[str]] = {
    "en": frozenset({"a", "the", "its", "their", "this", "his", "her", "our"}),
}


def third_person(written: str) -> bool:
    """Whether an English word as written may be a verb in the 3rd person singular: lower
    case, in "-s" but not "-ss", "-us", "-is" ("process", "status", "basis")."""
    return (len(written) > 3 and written[:1].islower() and written.endswith("s")
            and not written.endswith(("ss", "us", "is")))


# Roman numerals up to 89 in capitals ("II", "XIII", "LXIV"), as in "Annex II", "Title IV",
# "Part XX": numbers, not acronyms. Lone, they were paired as terms ("III" -> "III", 13
# times on DGT-TM), and "Annex II" -> "annexe II" is a reference, as "Annex 2" is.
_ROMAN = re.compile(r"(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

# A text is written in capitals (a title, a heading: "RULES OF PROCEDURE OF THE JOINT
# COUNCIL") when its words in capitals hold at least this share of its cased letters; its
# short words are then no acronyms but ordinary words ("HAS", "THIS", "RULES").
CAPITALS_SHARE = 2 / 3
# Up to this many letters, a word in capitals alone in its text is an acronym even when it
# is a word of the language too ("US", "EU"); a longer known word is a heading ("ANNEX").
MAX_LONE_ACRONYM = 3


def acronym_shaped(word: str) -> bool:
    """Whether ``word`` is written as an acronym: two to five letters or digits, in
    capitals ("SME", "EU", "G20")."""
    return 2 <= len(word) <= 5 and word.isalnum() and word.isupper()


# A word in capitals: two letters or more (each maybe with its accents, decomposed: "E" and
# U+0301 of "ÉTATS"), no digit ("CO2" stays a code), no hyphen.
_CAPITALS_WORD = re.compile(rf"(?<!\w)(?:[^\W\d_][{COMBINING_MARKS}]*){{2,}}"
                            rf"(?![\w{COMBINING_MARKS}])")
# Two capitals in a row (Latin, Greek, Cyrillic; a few lower-case letters of Latin
# Extended-A too): what a text in capitals holds, looked for in C before any word is.
_TWO_CAPITALS = re.compile("[A-ZÀ-ÖØ-ÞĀ-ſΆ-ΫЀ-Я]{2}")

# Token kinds: content word, stop word, number, French connector, French article after a
# connector.
WORD, STOPWORD, NUMBER, CONNECTOR, ARTICLE = "w", "s", "x", "c", "a"


class Token(NamedTuple):
    """One token of a text: its span, lower-cased form, kind and key piece (lemma)."""

    start: int
    end: int
    lower: str
    kind: str
    piece: str  # what the token contributes to a candidate's key ("" for articles)
    breaks: bool  # punctuation (not just space) separates it from the previous token
    capital: bool = False  # written with a capital, and not all in capitals (no acronym)


class Occurrence(NamedTuple):
    """A candidate found in a text: its key and the tokens it covers ``[first, last)``."""

    key: str
    first: int
    last: int
    words: int  # content words, for the length prior of the pairing
    # In head position: English runs end with their head noun, French ones start with it.
    # A candidate seldom in head position is a modifier ("European", "industrielle").
    head: bool = True


def split_tokens(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text``, with elisions split off (French "l'",
    Italian "dell'")."""
    elided = elisions(lang)
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        cut = word.find("'")
        if cut < 0:
            cut = word.find("\u2019")
        if cut > 0:
            if elided and word[:cut].lower() in elided:
                spans.append((start, start + cut + 1))  # "l'" keeps its apostrophe
                start += cut + 1
            elif lang == "en" and word[cut + 1:].lower() == "s":
                spans.append((start, start + cut))  # "Parliament" + "'s"
                start += cut
        spans.append((start, end))
    return spans


# Spellings a dictionary knows only in their other form: German "ss" for "ß" (Swiss
# German, and text typed without the letter), French "oe"/"ae" for "œ"/"æ" (typed
# without the ligature). The lemmatiser does not know "strasse" and reads it by its rules
# ("strass"): the same term must have one key however it was typed.
_RESPELLINGS = {"de": (("ss", "ß"),), "fr": (("oe", "œ"), ("ae", "æ"))}


def _dictionary_spelling(lower: str, lang: str, lemmas: object) -> str | None:
    """The spelling of the word ``lower`` the lemmatiser's dictionary knows, when it does
    not know ``lower`` itself but knows it with the letters of :data:`_RESPELLINGS` (each
    pair once, then all of them); else ``None``."""
    pairs = _RESPELLINGS.get(lang)
    if not pairs or not any(typed in lower for typed, _ in pairs):
        return None
    if is_known(lower, lang=lemmas):  # type: ignore[arg-type]
        return None
    for typed, letter in pairs:
        at = lower.find(typed)
        while at >= 0:
            candidate = lower[:at] + letter + lower[at + len(typed):]
            if is_known(candidate, lang=lemmas):  # type: ignore[arg-type]
                return candidate
            at = lower.find(typed, at + 1)
        every = lower.replace(typed, letter)
        if every != lower and is_known(every, lang=lemmas):  # type: ignore[arg-type]
            return every
    return None


def _english_spelling(lemma: str) -> str:
    """The lemma of the spelling general English uses most, where the lemmatiser's is a rarer
    one in "-e" of a word whose plural adds "-es": "annexe" (its lemma of "annexes" and
    "annexe") is "annex", as "Annex" is, "masse" "mass", "prefixe" "prefix". On DGT-TM,
    "Annex -> annexe" and "Annexes -> annexe" were two pairs, and a reviewer who rejected
    the second had "Annexes" paired with what stood beside it ("conséquence")."""
    stem = lemma[:-1]
    if (lemma.endswith("e") and stem.endswith(_EN_ES_PLURAL_ENDS)
            and zipf_frequency(stem, "en") > zipf_frequency(lemma, "en")
            and lemmatize(stem, lang="en") == stem):
        return stem
    return lemma


def ing_noun(lower: str, piece: str) -> str:
    """The key piece of an English word in "-ing" or "-ings": the word itself, in the
    singular, not its verb's lemma ("reporting", "reportings" -> "reporting"; "planning" ->
    "planning"). The lemmatiser keys "reporting" as "report", "training" as "train" and
    "meeting" as "meet" but "meetings" as "meeting": "spatial planning" and "spatial plan"
    were one term, "annual meeting" and "annual meetings" two; a glossary's "reporting" was
    found in every "report" of a memory. A word whose lemma is itself ("thing", "bring")
    is unchanged."""
    if lower.endswith("ings"):
        lower = lower[:-1]
    if lower.endswith("ing") and piece != lower and piece:
        return lower
    return piece


def require_term_language(lang: str) -> TermLanguage:
    """The term rules of ``lang`` (a tag); a :class:`ValueError` saying why there are none
    (:func:`.languages.term_language`)."""
    rules = term_language(primary(lang))
    if rules is None:
        raise ValueError(
            f"no term rules for language {lang!r}: terms need simplemma's lemmas and "
            f"wordfreq's word list of the language (rules made by hand: "
            f"{', '.join(SUPPORTED_LANGS)})"
        )
    return rules


class Extractor:
    """Finds candidate terms in texts of one language.

    ``glossary`` holds terms (in this language) that are candidates whatever their shape,
    e.g. "Official Journal of the European Union", which the patterns would cut at the
    stop words "of the".
    """

    def __init__(self, lang: str, glossary: Iterable[str] = ()) -> None:
        self.lang = primary(lang)
        self.rules: TermLanguage = require_term_language(lang)
        self.stop = self.rules.stop
        self._cache: dict[str, tuple[str, str]] = {}
        self._words: dict[str, tuple[str, str, str]] = {}  # word as written -> lower, kind, piece
        self._keys: dict[str, str] = {}  # term -> key (the same terms are keyed again and again)
        # the citation forms of surface forms (:func:`.associate.citation_form`), kept here
        # as the rest of what is known of the language's words
        self.citations: dict[str, str] = {}
        # glossary terms by their first key piece: [(pieces, key), ...]
        self._glossary: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term in glossary:
            pieces = tuple(t.piece for t in self.tokens(term) if t.piece)
            if pieces:
                self._glossary.setdefault(pieces[0], []).append((pieces, " ".join(pieces)))

    def key(self, term: str) -> str:
        """The lemma key of ``term`` (how a glossary entry or a user names a candidate)."""
        key = self._keys.get(term)
        if key is None:
            key = " ".join(t.piece for t in self.tokens(term) if t.piece)
            if len(self._keys) < 500_000:
                self._keys[term] = key
        return key

    def _classify(self, lower: str, written: str | None = None) -> tuple[str, str]:
        """Kind and key piece of a word; ``written`` (as in the text) for a language whose
        case tells nouns from other words, which then lemmatises it as written."""
        cache_key = written or lower
        known = self._cache.get(cache_key)
        if known is not None:
            return known
        rules = self.rules
        connector = rules.connector_key(lower)
        # (a word of letters alone, the common one, holds no digit: no letter is one)
        if not lower.isalpha() and any(ch.isdigit() for ch in lower):
            result = (NUMBER, lower)
        elif connector is not None:
            result = (CONNECTOR, connector)
        elif lower in rules.articles:
            result = (ARTICLE, "")
        else:
            spelt = _dictionary_spelling(lower, self.lang, rules.lemmas)
            if spelt is not None:  # "strasse" as "straße", "oeuvre" as "œuvre"
                lower, written = spelt, (spelt[0].upper() + spelt[1:] if written else None)
            lemma = lemmatize(lower, lang=rules.lemmas)
            if lemma not in self.stop:  # a Polish plural's lemma: its singular's
                lemma = singular_lemma(lemma, rules.lemmas)
            if rules.cased_nouns:
                # an adjective the dictionary also lists as a noun in "-e" ("Gemischte",
                # also for "gemischte"): keyed as the adjective, as its other forms are
                lemma = adjective_lemma(lemma, rules.lemmas, self._is_stop)
            lemma = lemma.lower()
            if self.lang == "fr":
                lemma = _FR_NOUN_LEMMAS.get(lower, lemma)
            elif self.lang == "en":
                lemma = _english_spelling(lemma)
            if written:
                # As written, a noun is read as a noun ("Verkehr", not the verb "verkehren");
                # a capitalised adjective ("Gemischten Ausschuss") as a noun too, whose lemma
                # is then longer than the adjective's ("Gemischte", "gemischt"): of two
                # lemmas one of which begins the other, the shorter.
                cased = adjective_lemma(lemmatize(written, lang=rules.lemmas), rules.lemmas,
                                        self._is_stop).lower()
                if not lemma.startswith(cased) and not cased.startswith(lemma):
                    lemma = cased
                elif len(cased) < len(lemma):
                    lemma = cased
            if (lemma == lower and rules.greedy
                    and not is_known(written or lower, lang=rules.lemmas)):
                # a compound the dictionary does not know ("hochseegewässern"): taken apart
                # (only then: greedy would make the noun "Verkehr" the verb "verkehren")
                lemma = lemmatize(lower, lang=rules.lemmas, greedy=True).lower()
            if self.lang == "en" and "'" in lower:
                # a contraction keeps its spelling as its key: simplemma reads "don't" as
                # "do" and "won't" as "will", so a search for one would find its opposite
                lemma = lower
            if (
                len(lower) < 2
                or lower in self.stop
                or (lemma in self.stop and lower not in NOT_STOP)
                or (self.lang == "en" and not lower.isalnum()
                    and any(a in lower for a in _APOSTROPHES))
                or (self.lang == "en" and lower.endswith(_EN_ADVERB_ENDINGS))
                or (self.lang == "fr" and (_french_verb_form(lower, lemma)
                                           or _french_adverb(lower, rules.lemmas)))
            ):
                result = (STOPWORD, lemma)
            else:
                result = (WORD, lemma)
            if self.lang == "en":
                # a noun in "-ing" is no form of its verb (an English term's words are
                # nouns or modifiers: "training", "planning", "annual meeting"); its kind
                # stays the verb's ("meeting" is a function word as "meet" is)
                result = (result[0], ing_noun(lower, result[1]))
            if self.lang == "fr" and lemma == lower[:-1] and lower[-1] in "sx":
                result = (result[0], self._singular_piece(lemma, result[1]))
        if self.lang == "de" and "ß" in result[1]:
            # simplemma's German lemmas keep the old spelling of some words ("Beschluss" ->
            # "beschluß") but not of their other forms ("Beschlusses" -> "beschluss"): the
            # spelling of today's reform, one key for every form
            result = (result[0], result[1].replace("ß", "ss"))
        if len(self._cache) < 500_000:  # bounded: a corpus of nonsense must not eat memory
            self._cache[cache_key] = result
        return result

    def _is_stop(self, word: str) -> bool:
        return word in self.stop

    def _singular_piece(self, singular: str, piece: str) -> str:
        """The key piece of a French plural whose lemma is its singular as written
        ("moyennes" -> "moyenne", "nouvelles" -> "nouvelle"): that singular's own piece
        ("moyenner", "nouveau"), which simplemma gives the singular alone, so that the
        singular and the plural of a term have one key."""
        kind, single = self._classify(singular)
        return single if kind in (WORD, STOPWORD) else piece

    def word(self, word: str) -> tuple[str, str, str]:
        """Lower-cased form, kind and key piece of one token as written."""
        known = self._words.get(word)
        if known is None and not unicodedata.is_normalized("NFC", word):
            # written with combining accents ("chai\u0302ne", NFD): read as the same word
            # composed, the only spelling the lemmatiser and the word lists know, so both
            # spellings of a word have one key (the text and its spans stay as written)
            known = self.word(unicodedata.normalize("NFC", word))
            if len(self._words) < 500_000:
                self._words[word] = known
        elif known is None:
            lower = word.lower().replace("\u2019", "'")
            # (one letter: a stop word already; a numeral begins with one of its letters)
            if len(word) > 1 and word[0] in "IVXL" and _ROMAN.fullmatch(word):
                known = (lower, NUMBER, lower)
            elif (acronym_shaped(word) and lower not in HEADING_WORDS
                    and (self.lang in ("en", "fr") or lower not in self.stop)):
                # an acronym: "CE", "EEE", "SME" (not an elided "L'" or "D'")
                known = (lower, WORD, lower)
            elif (word[-1:] == "s" and acronym_shaped(word[:-1])
                    and lower[:-1] not in HEADING_WORDS
                    and (self.lang in ("en", "fr") or lower[:-1] not in self.stop)):
                # an acronym's plural ("SMEs", "NGOs", "KMUs"): the lemmatiser knows no
                # such word and kept the "s", so "SMEs -> PME" and "SME -> PME" were two
                # pairs; the acronym's key, as check reads a term written either way
                known = (lower, WORD, lower[:-1])
            elif self.lang == "it" and lower in ("stato", "stati") and word[0].isupper():
                # the noun "Stato" (State), which Italian capitalises: read lower case, it
                # is the participle of "essere" ("è stato"), a function word, and "Stati
                # membri" was paired as "membro" -> "Member State", "Stati Uniti d'America"
                # as "Unito d'America" -> "United State"
                known = (lower, WORD, "stato")
            else:
                known = (lower, *self._classify(
                    lower, word if self.rules.cased_nouns and word != lower else None))
                endings = self.rules.verb_lemma_endings
                if (endings and known[1] == WORD and word[:1].islower()
                        and known[2].endswith(endings)):
                    # a German or Dutch infinitive written lower case ("gelten",
                    # "sicherstellen"): a verb, where a noun "Abkommen" is capitalised
                    known = (lower, STOPWORD, known[2])
            if len(self._words) < 500_000:
                self._words[word] = known
        return known

    def ordinary_case(self, text: str) -> str:
        """``text`` with its words in capitals written as ordinary words (lower case; a
        noun's capital in a language that capitalises nouns) when the text is written in
        capitals (:data:`CAPITALS_SHARE`), else ``text`` itself. Each word keeps its length,
        so spans found in the result are spans of ``text``."""
        if not _TWO_CAPITALS.search(text):
            return text
        shouted = [m for m in _CAPITALS_WORD.finditer(text) if m.group().isupper()]
        if not shouted or (len(shouted) == 1 and not _heading_word(
                shouted[0].group(), self.rules.lemmas)):
            return text  # no capitals, or one word that may be an acronym ("OLAF", "US")
        in_capitals = sum(m.end() - m.start() for m in shouted)
        cased = sum(ch.isupper() or ch.islower() for ch in text)
        if in_capitals < CAPITALS_SHARE * cased:
            return text  # acronyms in ordinary text ("the EU and SME policy")
        parts, at = [], 0
        for match in shouted:
            word = match.group()
            if _ROMAN.fullmatch(word):
                continue  # "CHAPTER III": a number in any text
            ordinary = word[0] + word[1:].lower() if self.rules.cased_nouns else word.lower()
            if len(ordinary) == len(word):  # (a few letters lower-case to two)
                parts += [text[at:match.start()], ordinary]
                at = match.end()
        parts.append(text[at:])
        return "".join(parts)

    def tokens(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        previous_end = 0
        seen = self._words
        text = self.ordinary_case(text)  # the same spans
        for start, end in split_tokens(text, self.lang):
            word = text[start:end]
            known = seen.get(word)
            if known is None:
                known = self.word(word)
            gap = text[previous_end:start] if start != previous_end else ""
            tokens.append(Token(start, end, known[0], known[1], known[2],
                                bool(tokens) and bool(gap) and not gap.isspace(),
                                word[:1].isupper() and not word.isupper()))
            previous_end = end
        objects = VERB_OBJECTS.get(self.lang)
        if objects:
            for i in range(1, len(tokens) - 1):  # a verb after a noun phrase (VERB_OBJECTS)
                token = tokens[i]
                if (token.kind == WORD and not token.breaks and tokens[i - 1].kind == WORD
                        and tokens[i + 1].piece in objects and not tokens[i + 1].breaks
                        and third_person(text[token.start:token.end])):
                    tokens[i] = token._replace(kind=STOPWORD)
        return tokens

    def candidates(self, tokens: list[Token]) -> list[Occurrence]:
        """Every candidate occurrence in ``tokens`` (overlapping ones included)."""
        rules = self.rules
        coordination = COORDINATION.get(self.lang)
        found = (_french(tokens, rules.article_after, coordination,
                         NOT_HEAD.get(self.lang, frozenset()), LOCUTIONS.get(self.lang, ()),
                         partial(is_ordinal, lang=self.lang), BOUND.get(self.lang, ()),
                         VAGUE_COMPLEMENTS.get(self.lang))
                 if rules.head_first
                 else _english(tokens, rules.complement_links, coordination,
                               NAMES.get(self.lang)))
        if self._glossary:
            seen = {(o.first, o.last) for o in found}
            for occurrence in self._glossary_matches(tokens):
                if (occurrence.first, occurrence.last) not in seen:
                    found.append(occurrence)
        return found

    def _glossary_matches(self, tokens: list[Token]) -> Iterable[Occurrence]:
        for i, token in enumerate(tokens):
            for pieces, key in self._glossary.get(token.piece, ()):
                j, matched, words = i, 0, 0
                while j < len(tokens) and matched < len(pieces):
                    if j > i and tokens[j].breaks:
                        break
                    if tokens[j].piece:
                        if tokens[j].piece != pieces[matched]:
                            break
                        matched += 1
                        words += tokens[j].kind in (WORD, STOPWORD)
                    j += 1
                if matched == len(pieces):
                    yield Occurrence(key, i, j, max(words, 1))


def _heading_word(word: str, lemmas: str) -> bool:
    """Whether ``word``, in capitals and alone in its text, is a heading ("ANNEX"), not an
    acronym: a word of the language's dictionary, longer than "US" or "EU" ("OLAF" and
    "NATO" are no words)."""
    return len(word) > MAX_LONE_ACRONYM and is_known(word.lower(), lang=lemmas)


def _french_verb_form(lower: str, lemma: str) -> bool:
    if lower == lemma or lower in _FR_NOT_VERBS:
        return False
    if not lemma.endswith("er"):
        return lower.endswith("ant") and lemma.endswith(_FR_VERB_LEMMA_ENDINGS)
    stem = lemma[:-2]
    return any(lower == stem + ending for ending in _FR_VERB_ENDINGS)


def _french_adverb(lower: str, lemmas: str) -> bool:
    """A French adverb (:data:`_FR_FEMININE_ENDINGS`); ``lemmas``: simplemma's language."""
    if lower.endswith(("amment", "emment")):
        return True
    if not lower.endswith("ment"):
        return False
    stem = lower[:-4]
    if stem.endswith(_FR_FEMININE_ENDINGS):
        base = lemmatize(stem, lang=lemmas).lower()
        return not (base.endswith("er") and not base.endswith("ier"))  # "premier": no verb
    if len(stem) < 3 or is_known(lower + "s", lang=lemmas):
        return False  # a noun: "règlements", "éléments", "agréments" are its plurals
    if stem.endswith("é"):
        # "séparément", "précisément", "énormément": the adjective or participle is a word
        return is_known(stem, lang=lemmas) or is_known(stem[:-1] + "e", lang=lemmas)
    # "directement", "absolument": a word of its own, no form of a verb ("évitement")
    base = lemmatize(stem, lang=lemmas).lower()
    return is_known(stem, lang=lemmas) and not (
        base != stem and base.endswith(_FR_VERB_LEMMA_ENDINGS + ("er",)))


def _english(tokens: list[Token], links: frozenset[str] = frozenset(),
             coordination: tuple[str, tuple[str, ...]] | None = None,
             names: tuple[tuple[str, str], frozenset[str]] | None = None
             ) -> list[Occurrence]:
    """Head-last candidates: every run of 1-4 content words inside a run of them, in head
    position when it ends the run.

    And "N of N" terms ("code of conduct", "Rules of Procedure"): a content word that stands
    alone, a linking word of ``links`` ("of", "into"), then the first :data:`MAX_COMPLEMENT_WORDS`
    of the run of content words right after it, in head position when they end that run
    (not "transport of dangerous" in "transport of dangerous goods"). Only a lone word:
    after a modifier the phrase is as often a fragment of a name or a free combination
    ("Joint Program of Scientific Research", "United States of America"); nor a word that is
    the complement of "into" (:func:`_linked_complement`). No article after
    "of": "the" makes a phrase about one thing ("the responsibility of the Commission").
    With ``names`` (:data:`NAMES`), names joined by "of the" ("Official Journal of the
    European Union"). In order: by first token, then last.
    """
    found: list[Occurrence] = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].kind != WORD:
            i += 1
            continue
        j = i + 1  # the run of content words tokens[i:j]
        while j < n and tokens[j].kind == WORD and not tokens[j].breaks:
            j += 1
        named = _named(tokens, i, j, names) if names else None
        for first in range(i, j):
            for last in range(first + 1, min(first + MAX_WORDS, j) + 1):
                key = " ".join(t.piece for t in tokens[first:last])
                found.append(Occurrence(key, first, last, last - first, (
                    last == j and not _coordinated_end(tokens, j, coordination)) or (
                    first == i and last - first >= MODIFIER_HEAD_WORDS
                    and coordination is not None
                    and not _adjective(tokens[last - 1].piece, coordination))))
            if first == i and named is not None:
                key = " ".join(t.piece for t in tokens[i:named])
                found.append(Occurrence(key, i, named, named - i - 2))
        complement = (_complement(tokens, j, links)
                      if links and j == i + 1 and not _linked_complement(tokens, i, links)
                      else None)
        if complement is not None:
            k, end = complement  # the run after the link: tokens[k:end]
            for last in range(k + 1, min(k + min(MAX_COMPLEMENT_WORDS, MAX_WORDS - 1),
                                         end) + 1):
                key = " ".join(t.piece for t in tokens[i:last])
                found.append(Occurrence(key, i, last, 1 + last - k, last == end
                                        and not _coordinated_end(tokens, end, coordination)))
        elif coordination:
            joined = _complement(tokens, j, frozenset(coordination[:1]))
            if joined is not None and joined[1] - joined[0] >= 2 and _adjective(
                    tokens[j - 1].piece, coordination) and _adjective(tokens[j + 1].piece,
                                                                      coordination):
                k, end = joined
                key = " ".join(t.piece for t in tokens[j - 1:k + 2])
                found.append(Occurrence(key, j - 1, k + 2, 3, k + 2 == end))
        i = j
    return found


def _linked_complement(tokens: list[Token], i: int, links: frozenset[str]) -> bool:
    """Whether the content word at ``i`` is the complement of a linking word of
    :data:`CLOSING_LINKS` (among ``links``) after a content word ("force" of "entry into
    force of Decision"). It then starts no "N of N" candidate: the phrase is the tail of
    a fixed one ("entry into force"), and "force of Decision" -> "vigueur de la
    décision" ranked among the terms on DGT-TM (issue 11)."""
    return (i >= 2 and tokens[i - 1].kind == STOPWORD
            and tokens[i - 1].piece in links & CLOSING_LINKS
            and not tokens[i - 1].breaks and not tokens[i].breaks
            and tokens[i - 2].kind == WORD)


def _named(tokens: list[Token], i: int, j: int,
           names: tuple[tuple[str, str], frozenset[str]]) -> int | None:
    """Where the name (:data:`NAMES`) that the run of content words ``tokens[i:j]`` begins
    ends, if it begins one: the run, "of the", and the whole next run, all capitalised, no
    word carrying the name on before or after it."""
    n = len(tokens)
    (link, article), goes_on = names
    k = j + 2  # the first word of the next run
    if (k >= n or not all(t.capital for t in tokens[i:j])
            or any(tokens[at].kind != STOPWORD or tokens[at].breaks
                   for at in (j, j + 1))
            or (tokens[j].piece, tokens[j + 1].piece) != (link, article)
            or tokens[k].kind != WORD or tokens[k].breaks):
        return None
    end = k + 1
    while end < n and tokens[end].kind == WORD and not tokens[end].breaks:
        end += 1
    if (j - i) + (end - k) > MAX_WORDS or not all(t.capital for t in tokens[k:end]):
        return None
    for at, joined in ((end, end < n), (i - 1, i > 0)):  # the words after it, and before
        if (joined and tokens[at].kind == STOPWORD and tokens[at].piece in goes_on
                and not tokens[max(at, i)].breaks):
            return None
    return end


def _without(found: list[Occurrence], fragments: set[tuple[int, int]]) -> list[Occurrence]:
    """``found`` but the occurrences spanning ``fragments``: in French, a coordination up
    to its first adjective ("cohésion économique" of "cohésion économique et sociale").

    The English fragment, the second adjective and the noun ("social cohesion" of
    "economic and social cohesion"), names the other conjunct: kept both, the pairing
    linked the two ("Norwegian language" -> "langue islandaise" for "Icelandic and
    Norwegian languages" -> "langues islandaise et norvégienne", issue 11). One side must
    go; the English one stays, as a translation often does not coordinate in the same
    way ("agricultural and rural development policy" -> "politique ... de développement
    rural").
    """
    if not fragments:
        return found
    return [o for o in found if (o.first, o.last) not in fragments]


def _coordinated_end(tokens: list[Token], j: int,
                     coordination: tuple[str, tuple[str, ...]] | None) -> bool:
    """Whether the run of content words ending before ``j`` ends with an adjective that
    the joining word of ``coordination`` ("and") joins to the next run: a modifier, not a
    head ("countries of Central and Eastern Europe" gives no term "country of Central")."""
    return (coordination is not None and j + 1 < len(tokens)
            and tokens[j].kind == STOPWORD and tokens[j].piece == coordination[0]
            and not tokens[j].breaks and tokens[j + 1].kind == WORD
            and not tokens[j + 1].breaks and _adjective(tokens[j - 1].piece, coordination))


def _adjective(piece: str, coordination: tuple[str, tuple[str, ...]]) -> bool:
    """Whether a key piece looks like an adjective's lemma (:data:`COORDINATION`)."""
    return piece.endswith(coordination[1])


def _complement(tokens: list[Token], j: int, links: frozenset[str]) -> tuple[int, int] | None:
    """The run of content words ``tokens[k:end]`` that a linking word at ``j`` joins to the
    word before it; nothing links across punctuation."""
    n = len(tokens)
    k = j + 1
    if (k >= n or tokens[j].kind != STOPWORD or tokens[j].piece not in links
            or tokens[j].breaks or tokens[k].kind != WORD or tokens[k].breaks):
        return None
    end = k + 1
    while end < n and tokens[end].kind == WORD and not tokens[end].breaks:
        end += 1
    return k, end


def _ends_locution(tokens: list[Token], at: int, locution: tuple[str, ...]) -> bool:
    """Whether the token at ``at`` ends ``locution`` (key pieces, its noun last)."""
    start = at + 1 - len(locution)
    return start >= 0 and all(tokens[start + i].piece == piece
                              for i, piece in enumerate(locution))


def _in_bound(tokens: list[Token], at: int, bound: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the token at ``at`` is the noun after the link of a fixed expression of
    ``bound`` ("œuvre" of "mise en œuvre", "día" of "orden del día"), all in one piece of
    text."""
    if not (2 <= at < len(tokens) and tokens[at].kind == WORD and not tokens[at].breaks
            and tokens[at - 1].kind == CONNECTOR and not tokens[at - 1].breaks
            and tokens[at - 2].kind == WORD):
        return False
    return any(tokens[at - 2].piece == noun and tokens[at - 1].piece == link
               and (not after or tokens[at].piece == after[0])
               for noun, link, *after in bound)


def _before_vague(tokens: list[Token], at: int, vague: tuple[str, frozenset[str]]) -> bool:
    """Whether the tokens from ``at`` are the linking word and a vague noun of ``vague``
    (:data:`.stopwords.VAGUE_COMPLEMENTS`: "du jour" of "ordre du jour")."""
    return (at + 1 < len(tokens) and tokens[at].kind == CONNECTOR and not tokens[at].breaks
            and tokens[at].piece == vague[0] and tokens[at + 1].kind == STOPWORD
            and tokens[at + 1].piece in vague[1] and not tokens[at + 1].breaks)


def _french(tokens: list[Token], article_after: frozenset[str] = frozenset({"de", "à"}),
            coordination: tuple[str, tuple[str, ...]] | None = None,
            not_head: frozenset[str] = frozenset(),
            locutions: tuple[tuple[str, ...], ...] = (),
            ordinal: Callable[[str], bool] | None = None,
            bound: tuple[tuple[str, ...], ...] = (),
            vague: tuple[str, frozenset[str]] | None = None) -> list[Occurrence]:
    """Head-first candidates (French, Spanish, Italian, Portuguese): a head noun, the
    adjectives after it, and complements after a linking word (an article allowed after
    the connectors of ``article_after``). With ``coordination`` (the joining word and the
    endings of an adjective's lemma), an adjective that follows a word of the candidate
    may be joined to a second one, which ends the candidate ("cohésion économique et
    sociale"). No candidate starts with a word of ``not_head`` (:data:`.stopwords.NOT_HEAD`),
    which may sit inside one; none starts or ends with the noun of a locution
    (``locutions``: :data:`.stopwords.LOCUTIONS`, "en matière de"). A candidate after an
    ``ordinal`` (:func:`.stopwords.is_ordinal`) is in head position, as after an article.
    Within a fixed expression of ``bound`` (:data:`.stopwords.BOUND`, "mise en œuvre"), no
    candidate starts with the noun after the link, nor ends with the noun before it. With
    ``vague`` (:data:`.stopwords.VAGUE_COMPLEMENTS`: a linking word and vague nouns), such
    a noun right after that word is a last step ("ordre du jour"), though a stop word."""
    found: list[Occurrence] = []
    fragments: set[tuple[int, int]] = set()
    n = len(tokens)
    for first in range(n):
        if tokens[first].kind != WORD or tokens[first].piece in not_head or any(
                _ends_locution(tokens, first, locution) for locution in locutions):
            continue
        pieces = [tokens[first].piece]
        words = 1
        head = (first == 0 or tokens[first].breaks or tokens[first - 1].kind != WORD
                or ordinal is not None and ordinal(tokens[first - 1].piece))
        found.append(Occurrence(pieces[0], first, first + 1, 1, head))
        j = first + 1
        while j < n and words < MAX_WORDS and not tokens[j].breaks:
            kind = tokens[j].kind
            if kind == WORD:
                pieces.append(tokens[j].piece)
                words += 1
                j += 1
                found.append(Occurrence(" ".join(pieces), first, j, words, head))
                continue
            if kind != CONNECTOR:
                k = j + 1
                if (coordination and kind == STOPWORD and tokens[j].piece == coordination[0]
                        and j - 1 > first and tokens[j - 2].kind == WORD
                        and _adjective(tokens[j - 1].piece, coordination)
                        and k < n and tokens[k].kind == WORD and not tokens[k].breaks
                        and _adjective(tokens[k].piece, coordination)):
                    pieces.append(tokens[j].piece)
                    pieces.append(tokens[k].piece)
                    found.append(Occurrence(" ".join(pieces), first, k + 1, words + 1, head))
                    fragments.add((first, j))
                break
            # connector (+ article after "de"/"à") + content word
            k = j + 1
            if k < n and tokens[k].kind == ARTICLE and tokens[j].piece in article_after:
                k += 1
            if (vague and k == j + 1 < n and tokens[k].kind == STOPWORD
                    and tokens[j].piece == vague[0] and tokens[k].piece in vague[1]
                    and not tokens[k].breaks):
                pieces.append(tokens[j].piece)
                pieces.append(tokens[k].piece)
                found.append(Occurrence(" ".join(pieces), first, k + 1, words + 1, head))
                break
            if k >= n or tokens[k].kind != WORD or tokens[k].breaks or tokens[k - 1].breaks:
                break
            pieces.append(tokens[j].piece)
            pieces.append(tokens[k].piece)
            words += 1
            j = k + 1
            found.append(Occurrence(" ".join(pieces), first, j, words, head))
    if locutions:  # nor ends with one ("recherche en matière" of "... en matière de défense")
        found = [o for o in found
                 if not any(_ends_locution(tokens, o.last - 1, loc) for loc in locutions)]
    if bound:
        found = [o for o in found if not _in_bound(tokens, o.first, bound)
                 and not _in_bound(tokens, o.last + 1, bound)]
    if vague:  # nor ends before its vague complement ("ordre" of "ordre du jour")
        found = [o for o in found if not _before_vague(tokens, o.last, vague)]
    return _without(found, fragments)
