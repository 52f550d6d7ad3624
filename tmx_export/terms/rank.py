"""Ranking of term pairs: association (damped count x Dice) x termhood, against general
language (wordfreq); names, references, participles, lone adjectives and adverbs,
renderings explained by a stronger overlapping pair and pairs whose spans slid off their
translation rank low."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from ..frequencies import zipf as zipf_frequency
from ..lang import COMBINING_MARKS, primary, unaccented
from .candidates import COORDINATION
from .languages import term_language
from .lemmas import is_known
from .termpair import TermPair

# Ranking (:func:`rank_score`, :func:`termhood`), set on the tuning halves of the Europarl
# dev sessions and DGT-TM (benchmarks/terms_precision.py --split): counts are damped, so a
# frequent everyday word does not outrank a recurring multi-word term; multi-word units
# outrank single words, and capitalised single words (institutions and acts: "Commission",
# "Regulation") the other single words.
COUNT_EXPONENT = 0.85
MULTIWORD_TERMHOOD = 2.2  # termhood of a two-word unit; each further word adds a quarter of it
SINGLE_TERMHOOD = 0.3  # termhood of a single everyday word (Zipf >= 6 in both languages)
# ... instead, of a word written in lower case (no name of an institution or act) whose mean
# specificity (:func:`_specificity`) in the two languages is under EVERYDAY_SPECIFICITY
# (Zipf 4.6 or more on average). Issue 11: such words linked 30-50 times ("information",
# "request", "document", "procedure") outranked two-word terms linked four or five times
# ("sustainable development", "general budget") at the foot of the top 200, and everyday
# words took places in the top 100. Capitalised names ("Commission", "Party") and rarer
# words ("cluster", "arbitrator") keep SINGLE_TERMHOOD.
EVERYDAY_TERMHOOD = 0.1
EVERYDAY_SPECIFICITY = 0.35
SPECIFIC_TERMHOOD = 1.0  # what a single word absent from general language adds to it
CAPITALISED_TERMHOOD = 1.5  # factor for a single capitalised word that is no acronym
OVERLAPPED = 0.2  # factor for a pair explained by a stronger overlapping one (_overlapped)
SLID = 0.2  # factor for a pair whose spans slid off each other in its contexts (_slid)
# A pair of two multi-word terms that stand far apart in every one of its contexts: the
# start of one side's term, as a share of its clause, differs from the other's by more
# than APART_SHARE. Such pairs are two terms left over, unpaired, in the same repeated
# units, linked because they occur nowhere else (Dice 1.0): "production organisation" ->
# "équipement associé" (a title cited five times on DGT-TM, where "design and production
# organisations" is "organismes de conception et de production" and "équipements
# associés" renders "appliances"), "single pilot" -> "temps de vol". On the DGT-TM tuning
# half no pair judged correct has its terms that far apart in all its contexts; single
# words are left alone (the span kept may be another occurrence of a frequent word).
APART_SHARE = 0.15
APART_CLAUSE = 80  # characters: in a shorter clause a term may go from end to end
APART = 0.2  # factor for such a pair (_apart)
# factor for a pair of which a term is an abbreviation (_abbreviated): no term, however often
# a list of resolutions cites it ("Res." -> "Rés.", 62 times on DGT-TM; taken for a name,
# x 0.1, besides, being a word no lexicon holds)
ABBREVIATED = 0.02


def rank_score(pair: TermPair, source_words: int, target_words: int,
               renderings: Renderings | None = None) -> float:
    """Association (damped count x Dice) x :func:`termhood` (kept in ``pair.termhood`` for
    the outputs); names, references, pairs explained by a stronger overlapping pair and
    pairs whose spans slid off each other (:func:`_slid`, helped by ``renderings``: see
    :func:`renderings_of`) rank low."""
    pair.termhood = termhood(pair.source_term, pair.target_term, pair.source_lang,
                             pair.target_lang, source_words, target_words)
    score = pair.count ** COUNT_EXPONENT * max(pair.dice, 0.05) * pair.termhood
    if _name_like(pair) or _verb_ending(pair) or _no_noun(pair):
        score *= 0.1
    if _abbreviated(pair):
        score *= ABBREVIATED
    if _overlapped(pair):
        score *= OVERLAPPED
    pair.slid = _slid(pair, renderings)
    if pair.slid:
        score *= SLID
    if _apart(pair):
        score *= APART
    return score


def _apart(pair: TermPair) -> bool:
    """Two multi-word terms that stand far apart in every context of the pair (at least
    one; :data:`APART_SHARE`)."""
    if not pair.contexts or " " not in pair.source_lemma or " " not in pair.target_lemma:
        return False
    return all(len(c.source) >= APART_CLAUSE and abs(
        c.source_span[0] / len(c.source) - c.target_span[0] / max(len(c.target), 1))
        > APART_SHARE for c in pair.contexts)


def _verb_ending(pair: TermPair) -> bool:
    """An English source term that ends with a past participle, so no noun phrase: "Party
    complained (against)", "powers granted", "incorporated" (its last word as written ends
    in "-ed" and is not its lemma)."""
    if primary(pair.source_lang) != "en" or not pair.forms:
        return False
    written = next(iter(pair.forms))[1].rsplit(None, 1)[-1].lower()
    return written.endswith("ed") and written != pair.source_lemma.rsplit(None, 1)[-1]


def _abbreviated(pair: TermPair) -> bool:
    """A term that is one of the abbreviations the sentence rules know, a single word
    written with a capital ("Res." -> "Rés.", "Ed." -> "éd.": "IMO Res. MSC.36(63)", "IEC
    62288 Ed. 2.0"; "Res" -> "MSC"): the furniture of a citation or a title ("Art.",
    "No.", "Corr."), no term. In lower case it may be a word: French "vol" is a flight."""
    from ..segment.rules import is_abbreviation

    # (cited with its stop where the texts write one: citation.with_abbreviation_dot)
    return any(" " not in term and term[:1].isupper()
               and is_abbreviation(f"{term.removesuffix('.')}.", lang)
               for term, lang in ((pair.source_term, pair.source_lang),
                                  (pair.target_term, pair.target_lang)))


# French feminine endings of an adjective, from its lemma's ending: "sociale" (social),
# "positive" (positif), "confidentielle" (confidentiel), "norvégienne" (norvégien).
_FR_FEMININE = (("f", "ve"), ("el", "elle"), ("ien", "ienne"), ("eux", "euse"), ("", "e"))


def _no_noun(pair: TermPair) -> bool:
    """A single English word that is no noun, rendered by a French word that is none
    either: an adverb ("briefly" -> "brièvement": "-ly" on a known English word, "-ment")
    or an adjective ("oral" -> "orale", "positive" -> "positive": an English adjective
    ending, and a French feminine form). Terms are nouns; a lone adjective is a modifier
    whose noun the pairing did not keep. A noun in a feminine form ("President" ->
    "Présidente") has no adjective ending in English."""
    if (primary(pair.source_lang), primary(pair.target_lang)) != ("en", "fr"):
        return False
    source, target = pair.source_term.lower(), pair.target_term.lower()
    if " " in source or " " in target or " " in pair.target_lemma:
        return False
    if source.endswith("ly") and target.endswith("ment"):
        return zipf_frequency(source[:-2], "en") >= 3.0  # "brief"ly, not "supp"ly
    lemma = pair.target_lemma
    return (source.endswith(COORDINATION["en"][1]) and target != lemma
            and any(lemma.endswith(m) and target == lemma[:len(lemma) - len(m)] + f
                    for m, f in _FR_FEMININE))


def _overlapped(pair: TermPair) -> bool:
    """Another rendering of the same term shares a word with this one and explains it
    better: this one is then a span that slid off the real rendering, or a piece of it.

    The other one explains it when it is linked more often and this one does not hold all
    of its words ("Regional Policy" -> "politique régionale" (4) beside "commission de la
    politique" (3)), or when this one is a piece of it linked at least half as often
    ("agenda" -> "ordre" (10) beside "ordre du jour" (7)). The same holds of two source
    terms of one target term.
    """
    count = pair.count
    source_words = set(pair.source_lemma.split()) - _LINKING
    target_words = set(pair.target_lemma.split()) - _LINKING
    for other in pair.competitors:
        if other.source_lemma == pair.source_lemma:
            mine, theirs = target_words, set(other.target_lemma.split()) - _LINKING
        elif other.target_lemma == pair.target_lemma:
            mine, theirs = source_words, set(other.source_lemma.split()) - _LINKING
        else:
            continue
        if not mine & theirs:
            continue
        if mine < theirs:  # a piece of the other
            if 2 * other.count >= count:
                return True
        elif other.count > count and not mine > theirs:
            return True
    return False


# What makes two words cognates (:func:`_cognates`, the Dice coefficient of their sets of
# letter bigrams, accents and case aside): a word beside the other side's term must be a
# close one to accuse a span (SLID_COGNATE: "periodic" / "périodique" 0.75, "conformity" /
# "conformité" 0.89); a word inside it clears the span with a looser one (KEEP_COGNATE:
# "report" / "rapport" 0.55, "State" / "État" 0.57). Words under SLID_LETTERS letters are
# not compared, but for acronyms (ACRONYM_LETTERS capitals or more: "IMO", "EU"), and the
# SLID_REACH others on each side of a span are its neighbours.
SLID_COGNATE = 0.7
KEEP_COGNATE = 0.5
SLID_REACH = 3
SLID_LETTERS = 4
# Issue 11: "IMO MSC" -> "Circulaire MSC" in "IMO MSC Circ.811" -> "Circulaire MSC/Circ.811
# de l'OMI" (16 times on DGT-TM, 64th): "IMO" is the "OMI" left out beside the French
# span, but a word of three letters was never compared, and an acronym whose letters the
# other language orders its own way ("IMO" / "OMI", "EU" / "UE") shares no letter bigram
# with it (:func:`_acronyms`).
ACRONYM_LETTERS = 2
# (a letter's combining accents are part of its word: a context written decomposed, NFD,
# has the words of the same context composed)
_LETTERS_RE = re.compile(f"[^\\W\\d_]+(?:[{COMBINING_MARKS}]+[^\\W\\d_]*)*")


# Single-word pairs reliable enough to tell that a word's translation lies beside a span
# (renderings_of): linked this often, with this Dice coefficient at least.
RENDERING_MIN_COUNT = 3
RENDERING_MIN_DICE = 0.5

# word (lower case, no accents) -> the words it is rendered by; for each direction
Renderings = tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]


def renderings_of(pairs: Iterable[TermPair]) -> Renderings:
    """What the single-word pairs among ``pairs`` say of each word's translations, in
    both directions, from their surface forms: "Agreement" is rendered by "Accord" and
    "accord" where "Agreement" -> "accord" was linked often (:data:`RENDERING_MIN_COUNT`)
    and consistently (:data:`RENDERING_MIN_DICE`), and more often than either of its words
    was linked with another. Rejected and forbidden pairs say nothing."""
    reliable = [pair for pair in pairs
                if " " not in pair.source_lemma and " " not in pair.target_lemma
                and pair.status not in ("rejected", "forbidden")
                and pair.dice >= RENDERING_MIN_DICE and pair.count >= RENDERING_MIN_COUNT]
    # each the best rendering of both its words ("declaration" -> "fournisseur", linked 9
    # times beside "supplier" -> "fournisseur", 31, is not)
    best_source: dict[str, int] = {}
    best_target: dict[str, int] = {}
    for pair in reliable:
        count = pair.count
        best_source[pair.source_lemma] = max(best_source.get(pair.source_lemma, 0), count)
        best_target[pair.target_lemma] = max(best_target.get(pair.target_lemma, 0), count)
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for pair in reliable:
        count = pair.count
        if count >= best_source[pair.source_lemma] and count >= best_target[pair.target_lemma]:
            _add_forms(pair, forward, backward)
    return ({word: frozenset(said) for word, said in forward.items()},
            {word: frozenset(said) for word, said in backward.items()})


def _slid(pair: TermPair, renderings: Renderings | None = None) -> bool:
    """In most of the pair's contexts (at least one), its spans slid off each other: a
    word of one side's term is a cognate of a word just outside the other side's term, or
    is rendered by it (``renderings``, see :func:`renderings_of`), and is neither a
    cognate of a word inside it nor rendered by one. "periodic report" -> "sixième
    rapport" in "sixth periodic report" -> "sixième rapport périodique" ("periodic" is the
    "périodique" left out); "Assessment Body" -> "évaluation de la conformité" in
    "Conformity Assessment Body" ("conformité" is the "Conformity" left out); "Agreement
    Area" -> "zone visée" in "zone visée par l'Accord" where "Agreement" is rendered by
    "Accord". Where the two languages share no cognates and the corpus no renderings,
    nothing is said."""
    if not pair.contexts:
        return False
    renderings = renderings if renderings is not None else _NO_RENDERINGS
    forward, backward = renderings
    own = " " not in pair.source_lemma and " " not in pair.target_lemma and bool(
        forward or backward)
    # everything the verdict reads of the pair (its surface forms only where they count),
    # made of the objects the pair holds (a key of new tuples per context cost 25 MB)
    key = (pair.source_lemma, pair.target_lemma,
           *[part for c in pair.contexts
             for part in (c.source, c.target, c.source_span, c.target_span)],
           tuple(pair.forms) if own else None)
    verdicts = _SLID_MEMO.verdicts_for(renderings)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = verdicts[key] = _slid_contexts(pair, forward, backward, own)
    return verdict


def _slid_contexts(pair: TermPair, forward: Mapping[str, frozenset[str]],
                   backward: Mapping[str, frozenset[str]], own: bool) -> bool:
    """:func:`_slid` worked out (``own``: the pair's own renderings are set aside)."""
    own_forward = own_backward = None
    if own:
        # a single-word pair may be among the renderings: it must not clear itself
        own_forward, own_backward = _own(pair)
    needed = len(pair.contexts) // 2 + 1  # contexts that must show it: more than half
    spared = len(pair.contexts) - needed  # contexts that may not
    for context in pair.contexts:
        source_in, source_near = _words_around(context.source, context.source_span)
        target_in, target_near = _words_around(context.target, context.target_span)
        if _accused(source_in, target_in, target_near, forward, own_forward) \
                or _accused(target_in, source_in, source_near, backward, own_backward):
            needed -= 1
            if not needed:
                return True
        else:
            spared -= 1
            if spared < 0:
                return False  # (the usual answer, after the first contexts)
    return False


_NO_RENDERINGS: Renderings = ({}, {})


class _SlidMemo:
    """:func:`_slid`'s verdicts under the last renderings it was given, by everything it
    reads of a pair. A run ranks its pairs twice, after extraction and again as the
    termbase gives them back (``termbase._ranked``): the same pairs, contexts and
    renderings, and finding the words around each span of each context (a regex over
    the clause) was most of the ranking's time; the second ranking looks its verdicts
    up. Other renderings (another corpus) start afresh."""

    LIMIT = 500_000  # verdicts kept at most (runs of one process with equal renderings)

    def __init__(self) -> None:
        self.renderings: Renderings | None = None
        self.verdicts: dict[tuple, bool] = {}

    def verdicts_for(self, renderings: Renderings) -> dict[tuple, bool]:
        if renderings is not self.renderings:
            # (compared by value once per ranking: the termbase's renderings are equal
            # objects, not the same)
            if renderings != self.renderings or len(self.verdicts) > self.LIMIT:
                self.verdicts = {}
            self.renderings = renderings
        return self.verdicts


_SLID_MEMO = _SlidMemo()


def forget_slid_verdicts() -> None:
    """Let go of :func:`_slid`'s remembered verdicts (and the contexts their keys hold),
    once a run has ranked its pairs for the last time."""
    _SLID_MEMO.renderings, _SLID_MEMO.verdicts = None, {}


def _own(pair: TermPair) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """What a single-word pair says of its words' renderings itself, in both directions."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    _add_forms(pair, forward, backward)
    return forward, backward


def _add_forms(pair: TermPair, forward: dict[str, set[str]],
               backward: dict[str, set[str]]) -> None:
    """Add what ``pair``'s surface forms say: each source form rendered by each target
    form it was linked with, and the other way round (words without case or accents)."""
    for _, source, target in pair.forms:
        forward.setdefault(_plain(source), set()).add(_plain(target))
        backward.setdefault(_plain(target), set()).add(_plain(source))


def _words_around(text: str, span: tuple[int, int]) -> tuple[list[str], list[str]]:
    """The words of :data:`SLID_LETTERS` letters or more, and the acronyms, inside
    ``span`` of ``text``, and the :data:`SLID_REACH` such words on each side of it."""
    starts, words = _long_words(text)
    first, end = bisect_left(starts, span[0]), bisect_left(starts, span[1])
    return (words[first:end],
            words[max(first - SLID_REACH, 0):first] + words[end:end + SLID_REACH])


# A context's text is often that of several pairs' contexts (the pairs of one clause).
@lru_cache(maxsize=20_000)
def _long_words(text: str) -> tuple[list[int], list[str]]:
    """Where each word (run of letters) of :data:`SLID_LETTERS` letters or more of
    ``text``, or acronym (:data:`ACRONYM_LETTERS` capitals or more), starts, and the
    words."""
    found = [(m.start(), m.group()) for m in _LETTERS_RE.finditer(text)
             if m.end() - m.start() >= SLID_LETTERS
             or (m.end() - m.start() >= ACRONYM_LETTERS and m.group().isupper())]
    return [start for start, _ in found], [word for _, word in found]


def _accused(words: list[str], other_in: list[str], other_near: list[str],
             renderings: Mapping[str, frozenset[str]],
             own: dict[str, set[str]] | None = None) -> bool:
    """Whether one of ``words`` is a close cognate of a word of ``other_near`` (beginning
    with the same two letters: "subparagraph" is no "paragraphe") or rendered by one
    (``renderings``, but for the renderings ``own`` of the pair judged), and neither a
    cognate of a word of ``other_in`` nor rendered by one. An acronym under
    :data:`SLID_LETTERS` letters, on either hand, only accuses as the same letters
    reordered (:func:`_acronyms`): "EUR" beside "certificat de circulation des
    marchandises" in "movement certificate EUR.1" is the code of the certificate's name,
    which French writes after it too."""
    if not other_near:
        return False
    near_plain = [_plain(near) for near in other_near]
    for word in words:
        plain = _plain(word)
        said = renderings.get(plain, _NOTHING)
        if own is not None and plain in own:
            said = said - own[plain]
        head = plain[:2]
        short = len(word) < SLID_LETTERS
        for near, near_p in zip(other_near, near_plain, strict=True):
            if short or len(near) < SLID_LETTERS:
                if _acronyms(word, near):
                    break
            elif near_p in said or (near_p[:2] == head
                                    and _cognates(word, near) >= SLID_COGNATE):
                break
        else:
            continue
        if not any(_plain(other) in said or _cognates(word, other) >= KEEP_COGNATE
                   or _acronyms(word, other) for other in other_in):
            return True
    return False


_NOTHING: frozenset[str] = frozenset()


def _acronyms(a: str, b: str) -> bool:
    """Two acronyms of the same letters, in any order: the same name's initials as each
    language orders its words ("IMO" / "OMI", "EU" / "UE", "EEC" / "CEE")."""
    return (len(a) == len(b) and a.isupper() and b.isupper() and a != b
            and sorted(a) == sorted(b))


def _cognates(a: str, b: str) -> float:
    """The Dice coefficient of the two words' letter bigrams, accents and case aside."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


# a word in lower case without accents, for each word compared (words recur)
_plain = lru_cache(maxsize=100_000)(unaccented)


@lru_cache(maxsize=100_000)
def _bigrams(word: str) -> frozenset[str]:
    plain = _plain(word)
    return frozenset(plain[i:i + 2] for i in range(len(plain) - 1))


# Key pieces that join the words of a term ("chaîne de valeur", "code of conduct"): shared
# by unrelated terms, they are no overlap.
_LINKING = frozenset({"de", "à", "en", "of", "the"})


@lru_cache(maxsize=200_000)
def termhood(source_term: str, target_term: str, source_lang: str, target_lang: str,
             source_words: int, target_words: int) -> float:
    """How much a pair's terms look like terms rather than general language.

    A multi-word unit on both sides (its recurrence in the corpus is its unithood):
    :data:`MULTIWORD_TERMHOOD` for two words, a quarter more for each further word of the
    shorter side. A single word: from :data:`SINGLE_TERMHOOD` (everyday on both sides)
    up by the mean of the two sides' :func:`_specificity` (0 for an everyday word, 1 for
    one absent from general language), from :data:`EVERYDAY_TERMHOOD` for a word in lower
    case with a mean under :data:`EVERYDAY_SPECIFICITY`; times
    :data:`CAPITALISED_TERMHOOD` when the source is capitalised mid-sentence (its citation
    form keeps the capital) and is no acronym.
    """
    words = min(source_words, target_words)
    if words >= 2:
        if _reference(source_term, target_term):
            return SINGLE_TERMHOOD
        return MULTIWORD_TERMHOOD * (1 + 0.25 * (words - 2))
    specificity = (_specificity(source_term, source_lang)
                   + _specificity(target_term, target_lang)) / 2
    everyday = specificity < EVERYDAY_SPECIFICITY and not source_term[:1].isupper()
    value = (EVERYDAY_TERMHOOD if everyday else SINGLE_TERMHOOD) + (
        SPECIFIC_TERMHOOD * specificity)
    if source_term[:1].isupper() and not source_term.isupper():
        value *= CAPITALISED_TERMHOOD
    return value


_ROMAN = re.compile(r"(?=[IVXLC])L?X{0,3}(?:IX|IV|V?I{0,3})|XC|XL")  # I to LXXXIX, XC, XL


def _reference(source_term: str, target_term: str) -> bool:
    """A reference to a numbered part of a text rather than a term: both terms end with
    the same Roman numeral ("Annex II" -> "annexe II", "Chapter IV" -> "chapitre IV")."""
    last = source_term.rsplit(None, 1)[-1]
    return last == target_term.rsplit(None, 1)[-1] and _ROMAN.fullmatch(last) is not None


# Pure functions of a term: cached, as a run ranks the same terms after extraction and
# again when it reads the termbase back.
@lru_cache(maxsize=200_000)
def _specificity(term: str, lang: str) -> float:
    """0 for everyday words (Zipf >= 6) up to 1 for words absent from general language
    (Zipf <= 2)."""
    zipf = zipf_frequency(term.lower(), primary(lang))
    return min(max(6.0 - zipf, 0.0), 4.0) / 4


def _name_like(pair: TermPair) -> bool:
    """:func:`_name_like_terms` of the pair's terms."""
    return _name_like_terms(pair.source_term, pair.target_term, pair.source_lang,
                            pair.target_lang)


# Below this Zipf frequency in both languages, a capitalised word written the same in both
# is taken for a name. 4.5, not 4.0 (issue 11): names common enough in general text
# ("Evans" 4.2, "Amsterdam" 4.0, "Berlin" 4.4, "Ukraine" 4.3) are names too, while the
# institutions written the same ("Commission" 4.9, "Union" 5.1) are common words.
NAME_ZIPF = 4.5
# A pure function of the terms: cached, as the termbase ranks the pairs again.
@lru_cache(maxsize=200_000)
def _name_like_terms(s: str, t: str, source_lang: str, target_lang: str) -> bool:
    """A person's or place's name rather than a term.

    Either one capitalised word, the same in both languages, not a common word ("Koch" ->
    "Koch"; not "Commission" -> "Commission", not acronyms like "CEN"); or a capitalised
    word (or every part of a hyphenated one) that neither language's lexicon knows, on
    either side ("President Prodi", "Alexandre Nikitin", "Wulf-Mathies"). simplemma's
    dictionaries list the words of each language and seldom names; the words of domain
    terms, even capitalised ("Commission", "Structural Fund"), are in one of them (rare
    ones may not be: "Quaestors" is taken for a name). Or, on either side, the name of a
    place or a language (:func:`_place_or_language`).
    """
    langs = [primary(lang) for lang in (source_lang, target_lang)]
    if _place_or_language(s, langs[0]) or _place_or_language(t, langs[1]):
        return True
    if s == t and " " not in s and s[:1].isupper() and not s.isupper() and all(
        zipf_frequency(s.lower(), lang) < NAME_ZIPF for lang in langs
    ):
        return True
    lexicons = [_lexicon(lang) for lang in langs]
    for term in (s, t):
        for word in term.split():
            parts = word.split("-")
            if (word[:1].isupper() and not word.isupper()
                    and all(part.isalpha() for part in parts)
                    and not any(is_known(part.lower(), lang=lexicon)
                                for part in parts for lexicon in lexicons)):
                return True
    return False


def _lexicon(lang: str) -> str:
    """The code of simplemma's dictionary of ``lang`` (a primary subtag): Croatian, Bosnian
    and Serbian share one, "hbs", and simplemma refuses their own codes."""
    rules = term_language(lang)
    return rules.lemmas if rules is not None else lang


# Words that join the parts of a name or a name and its head ("Icelandic and Norwegian
# language", "États-Unis d'Amérique", "Republic of Moldova"): neither name nor head.
_NAME_JOINERS = frozenset(
    "and of the et de d du des la le les l und der die das y del e di della do da en van het"
    .split())
_NAME_WORD_RE = re.compile(r"[^\s'’]+")


@lru_cache(maxsize=8)
def _names(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The place and language names of ``lang`` (data/names.tsv, from the Unicode CLDR),
    case- and accent-folded: the names of one word, and a pattern of the names of several
    ("united states", "western europe"). Nothing for a language the file has no column of."""
    lines = (Path(__file__).parent / "data" / "names.tsv").read_text(
        encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    if lang not in rows[0]:
        return frozenset(), None
    column = rows[0].index(lang)
    names = {unaccented(row[column]) for row in rows[1:] if row[column]}
    longer = sorted((name for name in names if " " in name), key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\S){re.escape(name)}(?!\S)" for name in longer)
                         ) if longer else None
    return frozenset(name for name in names if " " not in name), pattern


def _place_or_language(term: str, lang: str) -> bool:
    """Whether ``term`` is the name of a place or a language (the gold's place names are
    no terms: "Switzerland" -> "Suisse", "United States" -> "États-Unis d'Amérique",
    "Europe"), or such names and at most one other word, a general head that does not make
    a concept of the domain of them ("Swiss Confederation" -> "Confédération suisse",
    "Icelandic and Norwegian language" -> "langue islandaise et norvégienne", "Dutch
    channel"). A name among other words is part of a term ("Swiss Federal Audit Office" ->
    "Contrôle fédéral des finances suisse"). Case is set aside: French writes its
    nationality adjectives, the same words as the country's or the language's name
    ("suisse", "islandais"), in lower case."""
    words, several = _names(primary(lang))
    if not words:
        return False
    folded = unaccented(term)
    named = 0
    if several is not None:  # a name of several words counts as one, taken out
        folded, named = several.subn(" ", folded)
    others = 0
    for word in _NAME_WORD_RE.findall(folded):
        if word in words:
            named += 1
        elif word not in _NAME_JOINERS:
            others += 1
    return named > 0 and others <= (1 if named + others > 1 else 0)
