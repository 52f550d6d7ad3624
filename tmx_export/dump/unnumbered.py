"""Pair (unnumbered dumps): where pairs start and where side B begins.

:func:`_segmental` prepares, per line start and per word, what a pair's score is made of
(the priors of a split after sentence punctuation or before a capital, the language turns,
the windows), and :mod:`.pair_search` finds the best sequence of pairs with it; each split
found is then refined (:func:`_refine_split`): moved to where side A ends as side B ends,
to a list item's mark, past names and quotations both sides share.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .._lazy import lazy_pattern
from ..frequencies import zipf
from ..lang import (
    COORDINATORS,
    ORDINAL_DOT_LANGUAGES,
    WORD_RE,
    text_lean,
    unaccented,
)
from .repair import Stream, trailing_word, wordfreq_best
from .sides import (
    ITEM_LEAD_RE,
    ITEM_MARK,
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
# The prepositions of the Slavic languages, which end no clause either ("... na popis u",
# "... ob"). Not their conjunctions: "a" and "i" end an item of a list.
_PREPOSITIONS = {
    "cs": "v ve k ke s z ze o u na za od do po při pro pod nad před přes bez",
    "sk": "v vo k ku s so z zo o u na za od do po pri pre pod nad pred cez bez",
    "pl": "w we z ze o u na za od do po przy pod nad przed przez bez dla",
    "hr": "u o s sa k ka na za od do po pri pod nad pred iz kroz bez",
    "sl": "v s z k o na za od do po pri pod nad pred iz ob skozi brez",
}
# A preposition of one language of the pair this frequent (Zipf) a word of the other, and
# no preposition there, is left out: English "do" and "we", Slovene "so" (are) end clauses.
PREPOSITION_OTHER_ZIPF = 6.0


_CODE_START_RE = lazy_pattern(r"[(\[]*[A-Z]+[\d(/-]")


def _last_word(text: str, end: int) -> str:
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, end - 40):end])
    return m.group(1) if m else ""


# Abbreviations whose full stop ends no paragraph: titles before a name ("M. Koch"),
# references ("Art. 5", "p. 3") and an initial.
_TITLES = (r"(?:[A-Z]|Mr|Mrs|Ms|Mme|Mmes|Mlle|MM|Dr|Prof|St|No|Nos|n°|Art|art|p|pp|cf|"
           r"e\.g|i\.e|vs)\.")
_ABBREVIATION_END_RE = lazy_pattern(r"(?:^|[\s(])" + _TITLES + "$")


# A pair opening otherwise than with a capital: a list item or a clause of a legal text
# ("the United Nations Convention ...;", "visant à prévenir ..."), or a date ("10 December
# 1982 ..."). Such a line start is far more often a line cut inside a side, so it opens a
# pair only when the languages clearly switch there.
LOWER_START_COST = 3.0
# ... and nothing after a line that is a pair of its own (:func:`_after_line_pair`).
LOWER_AFTER_PAIR_COST = 0.0
# log10 odds of a join at a line break below which the two lines end and begin two words
# (repair.join_evidence: "aérien|of", "2017|of"), where a pair may start lower case.
TWO_WORDS_ODDS = -2.0


_DASH_LEAD_RE = lazy_pattern("[\u2013\u2014-] ")


# A line of Roman labels alone, perhaps after a bracket's last word ("I", "LSA) I, VII"),
# opens a pair at these log10 odds less: it ends a side cut before its labels.
_LABELS_LINE_RE = lazy_pattern(r"(?:[^\W\d_]+\)\s+)?[IVXL]{1,4}(?:,\s*[IVXL]{1,4})*[.,;]?\s*")
LABELS_LINE_COST = 3.0
# So does a line of one acronym alone, bare or in brackets, after a line ending in a word:
# it ends the side before it (DGT-TM DE-PL "Przepisy ustawodawcze, wykonawcze i
# administracyjne" / "USA:", DA-EN "... identification system equipment" / "(AIS)"), where
# it opened the next pair ("USA: 46 CFR Teile 159 bis 165“", the Polish left without it).
_ACRONYM_LINE_RE = lazy_pattern(r"\(?[A-Z]{2,6}\)?[.,;:]?\s*")
# So does a line opening with an acronym in brackets, at most one word before it, that the
# text since the line start before holds once: side B's copy of it (:func:`_acronym_again`).
_ACRONYM_OPENING_RE = lazy_pattern(r"(?:[^\W\d_]+[ \t]+)?\(([A-Z]{2,6})\)")


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
        lead = text[s:s + 4].lstrip(OPENERS)  # a line opening with a space continues
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
# (the letters a title may open with looked ahead for first: the engine then skips to them,
# where the lookbehind alone was tried at every character)
_TITLE_END_RE = lazy_pattern(r"(?=[A-Zacinpev])(?:^|(?<=[\s(]))" + _TITLES + r"['’\"”»]*[ \t]+"
                             + _OPENERS_RE)
# the apostrophe first, then the letter before it: a lookbehind at the front of a pattern is
# tried at every character of the text
_ELISION_RE = lazy_pattern(r"['’](?<=[^\W\d_]['’])(?=[^\W\d_])")
# A capital and one to three lower-case letters before a full stop, then a number or a
# code: an abbreviation in any language ("Res. A.382(X)", "Ris. MSC.74", "Art. 5",
# "Nr. 3"), where a name ending a sentence ("Mr Koch. I would") is followed by a word.
# A number of up to three digits and a dot before a letter: an ordinal before a small
# one where the language writes them so (:data:`..lang.ORDINAL_DOT_LANGUAGES`).
# (its first digit, then the character before it: a lookbehind opening a pattern is tried
# at every character of the text)
_ORDINAL_DOT_RE = lazy_pattern(r"\d(?<![\w.,/-]\d)\d{0,2}\.[ \t]+(?=[^\W\d_])")
# An English "OF" after a word in capitals: inside a heading, which opens with no "of"
# ("LEPINGU ... NIMEKIRI | LIST OF ARBITRATORS ...", where "LIST", a word the n-grams read
# as Estonian a hair, was taken as side A's last). In capitals only: a fragment of a title
# opens with "of" in small letters ("tal-20 ta' Marzu 2019 | of 20 March 2019").
_OF_NEXT_RE = lazy_pattern(r"(?<=[A-ZÀ-Þ]{2})[ \t]+(?=OF[ \t])")
OF_OPENING_PRIOR = -2.0  # log10 odds of side B opening there (cancels the capital's +1, and more)
_SHORT_ABBREVIATION_RE = lazy_pattern(
    r"[A-Z](?<![\w.][A-Z])[a-z]{1,3}\.[ \t]+(?=\d|[A-Z]+[.\d(/-]|[A-Z]{2,}\b)")
_HEADING_ABBREVIATION_RE = lazy_pattern(
    r"[A-Z](?<=[^\W\d_][ \t][A-Z])[a-z]{1,3}\.[ \t]+(?=\d|[A-Z]+[.\d(/-]|[A-Z]{2,}\b)")


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


# (a no-break space may come before the conjunction: DGT-TM writes ",\xa0y" in Spanish)
_LIST_ITEM_END_RE = lazy_pattern(r"[;,][ \t\xa0]+(?:and|or|et|ou)[ \t]+" + _OPENERS_RE)
LIST_ITEM_PRIOR = 1.0  # log10 odds of side B starting after "..., och", "; ili"
# A conjunction of one language of the pair that is this frequent (Zipf) a word of the
# other, and no conjunction there, is left out: Czech "a" is the English article, Spanish
# "o" the Portuguese one, Croatian "ali" ("but") no conjunction ending a Slovene item.
CONJUNCTION_OTHER_ZIPF = 6.0


@lru_cache(maxsize=64)
def _list_item_end_re(langs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A split after the "and" or "or" of a language of ``langs`` (:data:`..lang.
    COORDINATORS`, English and French's aside: :data:`_LIST_ITEM_END_RE`) after a comma or
    a semicolon, the end of an item of a list; none when no such word is left."""
    words = {word for lang in langs for word in COORDINATORS.get(lang, ())
             if not any(zipf(word, other) >= CONJUNCTION_OTHER_ZIPF
                        and word not in COORDINATORS.get(other, ())
                        for other in langs if other != lang)}
    words -= {"and", "or", "et", "ou"}
    if not words:
        return None
    return re.compile(r"[;,][ \t\xa0]+(?:" + "|".join(sorted(words, key=len, reverse=True))
                      + r")[ \t]+" + _OPENERS_RE)


@lru_cache(maxsize=64)
def _other_words_conjunctions(langs: tuple[str, ...]) -> frozenset[str]:
    """The "and" and "or" of a language of ``langs`` that another of them writes this
    often (:data:`CONJUNCTION_OTHER_ZIPF`) as no conjunction: Czech "a", the English
    article; not Italian and Portuguese "e", "and" in both."""
    return frozenset(word for lang in langs for word in COORDINATORS.get(lang, ())
                     if any(zipf(word, other) >= CONJUNCTION_OTHER_ZIPF
                            and word not in COORDINATORS.get(other, ())
                            for other in langs if other != lang))


def _conjunction_words(text: str, item_ends: list[np.ndarray]) -> list[tuple[int, int]]:
    """The word after an item's closing "and" or "or" (``item_ends``: where the matches of
    :data:`_LIST_ITEM_END_RE` and :func:`_list_item_end_re` end), when it is in small
    letters and a space follows: its start, and where the next word starts."""
    found = []
    for ends in item_ends:
        for end in ends.tolist():
            word = _ITEM_WORD_RE.match(text, end)
            if word is not None and word.group(1).islower():
                found.append((word.start(), word.end()))
    return found


_ITEM_WORD_RE = lazy_pattern(r"([^\W\d_]+)[ \t]+" + _OPENERS_RE)


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


@lru_cache(maxsize=64)
def _prepositions(langs: tuple[str, ...]) -> frozenset[str]:
    """The prepositions of the languages of ``langs`` (:data:`_PREPOSITIONS`) that each
    other language of ``langs`` writes as a preposition too, or seldom."""
    found: set[str] = set()
    for lang in langs:
        for word in _PREPOSITIONS.get(lang, "").split():
            if all(word in _PREPOSITIONS.get(other, "").split()
                   or zipf(word, other) < PREPOSITION_OTHER_ZIPF
                   for other in langs if other != lang):
                found.add(word)
    return frozenset(found)


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
# A no-break space (a narrow or a figure one) and the opening marks after it: what the
# writer put there to keep two words on one line ("o\xa0prevenci", "4.\xa0augusta",
# ",\xa0o") is no gap between a paragraph and its translation.
NO_BREAK_SPACES = "\u00a0\u202f\u2007"
_NO_BREAK_GAP_RE = lazy_pattern(f"[{NO_BREAK_SPACES}]" + _OPENERS_RE)
NO_BREAK_PRIOR = -10.0


# A title inside a sentence, then a capitalised word and another closed by punctuation:
# the last word is the name's ("Thank you, Mrs Fraga Estévez.", "... M. Barón Crespo,"),
# where no side B opens. Not before a word the next words follow ("Mr Berend | Question n°
# 5 de M. Berend", a heading's translation), nor a title ("Mr President | Madame la
# Présidente"), nor after a title opening a sentence ("Madame Plooij-van Gorsel, je ..."):
# a split there leaves side A a title and a name, refused as one language, where the
# paragraph without its translation so opened went into the side B before it.
_NAME_TITLES = ("Mr|Mrs|Ms|Mme|Mmes|Mlle|Dr|Prof|Madam|Madame|Monsieur|Messieurs|Mesdames|"
                "Herr|Frau|Sr|Sra|Señor|Señora|Signor|Signora|Sig|Dhr|Mevr")
# (as _TITLE_END_RE: the titles' first letters looked ahead for before the lookbehind)
_TITLED_NAME_RE = lazy_pattern(r"(?=[DFHMPS])(?<=[\w,][ \t])(?:(?:" + _NAME_TITLES + r")\.?|M\.)"
                               r"[ \t]+"
                               r"([^\W\d_][\w'’-]*)[ \t]+(?=([^\W\d_][\w'’-]*)[.,;:!?])")
_NAME_TITLE_RE = lazy_pattern(_NAME_TITLES)
TITLED_NAME_PRIOR = -3.0
_TITLED_TAIL_RE = lazy_pattern(r"(?<![\w.])(?:(?:" + _NAME_TITLES + r")\.?|M\.)[ \t]+"
                               r"([^\W\d_][\w'’-]*)\s*$")


def name_across(before: str, after: str, langs: tuple[str, str]) -> bool:
    """Whether ``before`` ends on a title and a capitalised word ("... Mrs Hedkvist", "...
    M. Barón") and ``after`` opens with a capitalised word that leans no way to either
    language of ``langs`` and is no title ("Petersen stressed ...", "Crespo, who ..."): a
    name that a line break cut, no paragraph's end however short the line before it. (A
    heading ending on a name before a paragraph opens with a word of its language, "... by
    Mr Prodi" / "The Commission ...", or a title, "Mr President, ...".)"""
    tail = _TITLED_TAIL_RE.search(before[-48:])
    if tail is None or not tail.group(1)[:1].isupper():
        return False
    first = WORD_RE.match(after.lstrip(OPENERS))
    if first is None or not first.group()[:1].isupper() or \
            _NAME_TITLE_RE.fullmatch(first.group()) is not None:
        return False
    return abs(text_lean(first.group(), *langs)[0]) < NAME_LEAN


def _split_priors(text: str, pos: np.ndarray, langs: tuple[str, ...] = (),
                  score: np.ndarray | None = None) -> np.ndarray:
    """log10 prior of side B starting at each token (word start offsets ``pos``, word
    scores ``score``): likelier after sentence punctuation and before a capital; unlikely
    after a title ("M. Koch"), an article, a preposition or an elision ("l'Union"; the
    words no language of ``langs`` ends a clause with, :func:`_never_last`). Computed by
    regular expressions over the text, not word by word: this runs over every word of a
    file."""
    import numpy as np  # only unnumbered dumps need it: a tenth of a second to import

    prior = np.zeros(len(pos))
    never, never_any_case, never_lower = _never_last(langs)

    def at(pattern: re.Pattern[str], value: float, scanned: str = text) -> np.ndarray:
        ends = np.fromiter((m.end() for m in pattern.finditer(scanned)), dtype=np.int64)
        at_ends(ends, value)
        return ends

    def at_ends(ends: np.ndarray, value: float) -> None:
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
    # "(‘the Convention’); and" ends a list item: cancels the prior above (the ends kept:
    # the word after the conjunction is weighed below)
    item_ends = [at(_LIST_ITEM_END_RE, 3.0)]
    items = _list_item_end_re(langs)
    if items is not None:
        # the other languages' "and" and "or" end items too ("..., och | som anerkender",
        # "; i | ali je treba"), where a word the two languages share after it ("som",
        # "ali"), leaning a hair, went to side A
        item_ends.append(at(items, LIST_ITEM_PRIOR))
    if score is not None:
        # and not after the conjunction and a word of both languages after it: "..., y no
        # | Acordo relativo" for "..., y | no Acordo relativo", the capital after "no"
        # outweighing the hair it leans (a word of one language stays: "...; e altresì |
        # se devem ...")
        shared = [end for start, end in _conjunction_words(text, item_ends)
                  if abs(score[min(int(pos.searchsorted(start)), len(score) - 1)]) < HAIR_LEAN]
        at_ends(np.fromiter(shared, dtype=np.int64), -LIST_ITEM_PRIOR)
    # a no-break space binds the words either side of it: no side ends there (Czech
    # "Arktycznego o\xa0| prevenci", Spanish "reconocidas,\xa0| o As medidas")
    at(_NO_BREAK_GAP_RE, NO_BREAK_PRIOR)
    if score is not None:
        # nor inside a name after a title: "Mrs Fraga | Estévez." is one name, its last
        # word, unlisted and accented, no side B of its own (a name leans no way: a side
        # B opening with a word of the other language, "Mr Berend | Rapport, ...", keeps
        # its prior)
        ends = np.fromiter((m.end() for m in _TITLED_NAME_RE.finditer(text)
                            if m.group(1)[0].isupper() and m.group(2)[0].isupper()
                            and _NAME_TITLE_RE.fullmatch(m.group(2)) is None),
                           dtype=np.int64)
        index = np.searchsorted(pos, ends)
        inside = index < len(pos)
        index = index[inside][pos[index[inside]] == ends[inside]]
        prior[index[np.abs(score[index]) < NAME_LEAN]] += TITLED_NAME_PRIOR
    labels = _capital_label_re(never)
    if labels is not None:
        at(labels, 3.0)  # cancels it: "ATTACHMENT A | ANNEXE A", a label
    if "en" in langs:
        at(_OF_NEXT_RE, OF_OPENING_PRIOR)  # "NIMEKIRI | LIST OF", not "LIST | OF"
    at(_SHORT_ABBREVIATION_RE, -2.0)  # "Res. A.382(X)", "Art. 5": not a sentence end
    # nor, after a word, a place for side B to start: there the abbreviation heads the
    # reference it is before ("Ris. A.658(16) dell'IMO | Res. IMO A.658(16)", where "Res."
    # leaned a hair to Italian), where after a code it may end one ("IEC 60945 Corr.")
    at(_HEADING_ABBREVIATION_RE, -1.0)
    # an ordinal's dot before a small letter, in a language that writes ordinals so, ends
    # no sentence ("u skladu s člankom 4. stavkom 5.;", "članka 5. stavka 1. točke (c).")
    ordinals = np.fromiter((m.end() for m in _ORDINAL_DOT_RE.finditer(text)
                            if text[m.end()].islower()), dtype=np.int64) \
        if ORDINAL_DOT_LANGUAGES.intersection(langs) else np.zeros(0, dtype=np.int64)
    index = np.searchsorted(pos, ordinals)
    inside = index < len(pos)
    index, ordinals = index[inside], ordinals[inside]
    prior[index[pos[index] == ordinals]] -= SENTENCE_END_PRIOR
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
    prior = _split_priors(text, pos, langs, score)
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
    plausible = np.flatnonzero((prior > 0) | turns | line_turns | _opening_turns(score))
    window = _window(turns, score, tok_index, window)
    n = len(starts)
    numbers = written_numbers(text)
    numbers_xor, numbers_seen = _number_parity(numbers, starts, len(text))
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
        elif last in SPLIT_PUNCT or last in "'’\"" and before[:1] in SPLIT_PUNCT:
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
              and not (len(last_word) == 1 and last_word.isupper()
                       and _label_twice(text, last_word, starts[j]))):
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
        if unpunctuated_end[j] and capital[j] and len(langs) == 2 and name_across(
                text[max(0, starts[j] - 48):starts[j]], text[starts[j]:starts[j] + 48],
                (langs[0], langs[1])):
            # a name a line break cut after its title ("... which Mrs Hedkvist" /
            # "Petersen stressed ..."), as unlikely a pair start as after the title alone
            start_prior[j] = -3.0
        if _CODE_START_RE.match(text, starts[j]):
            start_prior[j] -= 1.5  # "[SEC(99)0066", "(C5-0208/1999": references, not prose
        line_end = starts[j + 1] if j + 1 < n else len(text)
        if _LABELS_LINE_RE.fullmatch(text, starts[j], line_end) or (
                unpunctuated_end[j] and (_ACRONYM_LINE_RE.fullmatch(text, starts[j], line_end)
                                         or _acronym_again(text, starts[j - 1], starts[j],
                                                           line_end))):
            # a line of labels alone ends a side cut before them ("... (Codice LSA)" / "I" /
            # "Ir-regolamenti tekniċi ..."), where it opened the next pair after the
            # bracket: "I Ir-regolamenti ..." for the Maltese, the Italian without its "I"
            start_prior[j] -= LABELS_LINE_COST
        if _quotation_copied_after(text, pos, prefix, starts[j - 1], starts[j], line_end):
            # a title kept in the original ends the line, its copy quoted after: one pair
            start_prior[j] = -np.inf
        if capital[j] and unpunctuated_end[j] and _cut_capitals(text, starts[j], langs):
            # a word in capitals cut inside: "THE TRADE AND DEVELOPMENT COMMITT" / "EE,
            # uwzględniając ..." opens with a capital, yet no pair starts there
            start_prior[j] = -np.inf
        if _inside_bracket(text, starts[j], line_end, unpunctuated_end[j]):
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
                start_prior[j] -= (LOWER_AFTER_PAIR_COST if _after_line_pair(
                    tok_index, score, numbers_xor, numbers_seen, j) else LOWER_START_COST)
    shared = _SegmentalParts(text, pos, prior, plausible, starts, start_at, tok_index,
                             start_prior, unpunctuated_end, window, numbers_xor,
                             numbers_seen, _opening_repeats(text, starts),
                             frozenset(w for lang in langs for w in COORDINATORS.get(lang, ())),
                             _other_words_conjunctions(tuple(langs)))
    signs = (1.0, -1.0)
    from .pair_search import Lines, best_order  # unnumbered dumps only

    lines = Lines(start_at, tok_index, start_prior, unpunctuated_end, numbers_xor,
                  numbers_seen, shared.opening_repeats, len(text), window)
    won, totals, path = best_order(prefix, signs, prior, pos, plausible, lines)
    # only the order that wins (the source-first one on a tie) has its splits refined
    if signs[won] < 0:
        prefix = -prefix
    # (side A's language: the first of ``langs`` when the scores' order won, else the other)
    side_a = langs[won] if len(langs) == 2 else ""
    return [(sign, total, _refined(shared, prefix, path, langs, side_a) if r == won else [])
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


# A change of language where the words after a token lean this far (summed over
# TURN_WORDS), and those before it half of TURN_LEAN the other way: numbers and codes
# before it lean no way ("... članke 94., 100., 103. i 104., | ob upoštevanju ...").
STRONG_TURN_LEAN = 2 * TURN_LEAN


def _opening_turns(score: np.ndarray) -> np.ndarray:
    """Where the :data:`TURN_WORDS` words from a token on lean :data:`STRONG_TURN_LEAN` one
    way and those before it half of :data:`TURN_LEAN` the other: side B opening clearly
    in its language after a side A ending in numbers, scored 0, where
    :func:`_language_turns` wants as much of each and side B, opening in small letters
    ("... 103. i 104., | ob upoštevanju Sporazuma ..."), had no capital to be tried at.
    Only the opening must lean so far: a name ending side A leans by chance ("... dire à
    M. Ribeiro i | Castro qui", the "i" read as English)."""
    import numpy as np

    n = len(score)
    prefix = np.concatenate(([0.0], np.cumsum(score)))
    at = np.arange(n)
    before = prefix[at] - prefix[np.maximum(at - TURN_WORDS, 0)]
    after = prefix[np.minimum(at + TURN_WORDS, n)] - prefix[at]
    return (((before * after) < 0) & (np.abs(after) >= STRONG_TURN_LEAN)
            & (np.abs(before) >= TURN_LEAN / 2))


_CUT_WORD_ZIPF = 3.0  # the joined word at least this frequent in a language of the pair...
_CUT_PIECE_ZIPF = 2.0  # ... and the piece before the break a word this frequent in none


CUT_SEEN_REACH = 300  # characters before a cut searched for the acronym it cut


def _cut_capitals(text: str, start: int, langs: tuple[str, ...]) -> bool:
    """Whether the line starting at ``start`` goes on a word in capitals that the line
    before cut: the two pieces make a frequent word and the first is none ("COMMITT" / "EE";
    the second may be, as "ee" is in the lists), or they make an acronym written whole just
    before (:data:`CUT_SEEN_REACH`): DGT-TM RO-EN "Reprezentantul statelor părți la APE din
    SADC Representative of the SAD" / "C EPA States", ES-EN "... de la SADC Representative
    of the S" / "ADC EPA States", where "C" and "ADC" opened a pair of their own."""
    if not langs or not text[start - 1:start].isalpha():
        return False
    left = trailing_word(text[max(0, start - 40):start])
    right = WORD_RE.match(text, start)
    if left is None or right is None or not (left.group(0).isupper()
                                             and right.group(0).isupper()):
        return False
    whole = left.group(0) + right.group(0)
    piece = start - len(left.group(0))
    # (a word of its own: between spaces, brackets or marks; the lines before are joined
    # without a break, and a row's "de l'OMI" / "IMO-Entschließung" recurs as "l'OMIIMO-")
    if len(whole) >= 3 and re.search(rf"(?<![^\s(]){re.escape(whole)}(?![^\s,.;:)])",
                                     text[max(0, piece - CUT_SEEN_REACH):piece]):
        return True
    lf, rf = left.group(0).lower(), right.group(0).lower()
    return (wordfreq_best(lf, langs) < _CUT_PIECE_ZIPF
            and wordfreq_best(lf + rf, langs) >= _CUT_WORD_ZIPF)


OPEN_BRACKET_REACH = 200  # characters before a line start searched for a bracket left open


# a bracket opened, not closed, just before a line start; one closed just after it
_BRACKET_OPEN_RE = lazy_pattern(r"\([^()]{0,40}$")
_BRACKET_CLOSE_RE = lazy_pattern(r"[^()]{0,40}\)")


def _inside_bracket(text: str, start: int, end: int, unpunctuated: bool) -> bool:
    """Whether the line from ``start`` to ``end`` opens inside brackets a line break cut,
    where no pair starts, whatever the capital opening the line: a bracket opened within 40
    characters before it, not closed, closes within 40 characters after its start (DGT-TM
    CS-EN "... IMO Res.MSC.36(63)- (1994" / "HSC Code)", which came out as a pair of its
    own, "HSC | Code)"); or, after a line ending without punctuation (``unpunctuated``), the
    line closes a bracket left open in the :data:`OPEN_BRACKET_REACH` characters before it,
    before it opens one (NL-EN "Elektronischekaartsysteem (Electronic Chart Display and
    Information System — E" / "CDIS) met back-up, ...", DA-EN "... identification system
    equipment (AI" / "S)", NL-FR "Zendend koersinstrument (Transmitting" / "Heading Device
    — THD) (GNSS-methode) ...", where the next pair opened with "CDIS)", "S)" and
    "Heading")."""
    if _BRACKET_OPEN_RE.search(text, max(0, start - 48), start) and _BRACKET_CLOSE_RE.match(
            text, start):
        return True
    if not unpunctuated:
        return False
    close = text.find(")", start, end)
    if close < 0 or 0 <= text.find("(", start, close) < close:
        return False
    before = text[max(0, start - OPEN_BRACKET_REACH):start]
    return before.rfind("(") > before.rfind(")")


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


def _acronym_again(text: str, before: int, start: int, end: int) -> bool:
    """Whether the line from ``start`` to ``end`` opens with an acronym in brackets (one
    word before it at most) that the text from ``before`` to ``start`` holds once, and that
    the line does not hold again: the pair before goes on there with side B's copy of it.
    DGT-TM SV-DA "Sändare för kursinformation THD (magnetbaserad) Transmitterende
    kursanordning" / "(THD) (magnetisk baseret)" and "Automatiskt identifieringssystem (AIS)
    Universelt Automatisk" / "Identifikationssystem (AIS)": each second line opened a pair
    of its own, "(THD) | (magnetisk baseret)", the Danish left without its acronym."""
    m = _ACRONYM_OPENING_RE.match(text, start, end)
    if m is None:
        return False
    word = re.compile(rf"\b{m.group(1)}\b")
    return (len(word.findall(text, before, start)) == 1
            and word.search(text, m.end(), end) is None)


# words, at least, of a title whose copy :func:`_quotation_copied_after` seeks
QUOTED_TITLE_WORDS = 4


def _quotation_copied_after(text: str, pos: np.ndarray, prefix: np.ndarray, before: int,
                            start: int, line_end: int) -> bool:
    """Whether the text from ``before`` to line start ``start`` ends with a quotation of
    ``QUOTED_TITLE_WORDS`` words or more, leaning the other way than the words before it
    (``pos``: the word offsets, ``prefix``: the running sum of their scores), that the line
    from ``start`` to ``line_end`` quotes again, the same words in any marks: a title kept
    in the original, quoted on both sides of one pair, where no pair starts between the
    two. DGT-TM IT-EN "... e a «Adoption of performance standards for bridge alert
    management»" / "(Adozione di norme ...), devono essere considerate ... They refer to
    ‘Code on alerts and indicators, 2009’, and to ‘Adoption of performance standards for
    bridge alert management’ respectively." was read as two pairs, the Italian quotation of
    the English title ending side B of the first. (A title in the language of the words
    before it is the side's own: rows of a table quoting the same standard's title, DGT-TM
    LV-LT "... 3 dalis „Nuosekliojo duomenų perdavimo priemonių tinklas“", are pairs of
    their own.)"""
    last = None
    for m in _QUOTATION_RE.finditer(text, before, start):
        last = m
    if last is None or text[last.end():start].strip():
        return False
    words = last.group(1).split()
    if len(words) < QUOTED_TITLE_WORDS:
        return False
    a, b = int(pos.searchsorted(last.start(1))), int(pos.searchsorted(last.end(1)))
    lead = int(pos.searchsorted(before))
    ahead = max(lead, a - TURN_WORDS)
    quoted, preceding = prefix[b] - prefix[a], prefix[a] - prefix[ahead]
    if quoted * preceding >= 0 or min(abs(quoted), abs(preceding)) < TURN_LEAN:
        return False
    title = " ".join(words)
    later = (" ".join(m.group(1).split()) for m in _QUOTATION_RE.finditer(
        text, start, line_end))
    return title in later


LABEL_REACH = 160  # characters before a capital alone where its twin makes it a label


def _label_twice(text: str, letter: str, at: int) -> bool:
    """Whether the capital ``letter`` ending the text before ``at`` stands alone once more
    within ``LABEL_REACH`` characters before it: a label, written once on each side
    ("ATTACHMENT A ANNEXE A"). Alone once, it is the article it spells after a heading's
    words in capitals: DGT-TM ES-PT "HA ADOPTADO LA PRESENTE DECISIÓN: ADOTOU A" /
    "PRESENTE DECISÃO:" was read as three pairs, the last "PRESENTE | DECISÃO:"."""
    end = text.rfind(letter, max(0, at - 8), at)
    alone = re.compile(rf"(?<![\w.-]){re.escape(letter)}(?![\w.(-])")
    return alone.search(text, max(0, end - LABEL_REACH), end) is not None


def _after_line_pair(tok_index: np.ndarray, score: np.ndarray, numbers_xor: np.ndarray,
                     numbers_seen: np.ndarray, j: int) -> bool:
    """Whether the text since the line start before ``j`` holds its numbers in twos, two
    at least, and line start ``j`` opens with a word leaning clearly the way that text
    opened (``tok_index``: each line start's first token; ``score``: the word scores;
    ``numbers_xor``, ``numbers_seen``: :func:`_number_parity`): that line is a pair of its
    own, both sides citing the same code, and the next pair opens in side A's language,
    lower case as a list item does. DGT-TM FR-ES "Circulaire MSC/Circ.1120 de l'OMI MSC
    Circ. 1120 de la OMI" / "revêtements de sol revestimientos de suelos;": the second line
    went into the first pair's side B, its small letter costing more than the French
    "revêtements" did there, the Spanish code before it leaning to neither language."""
    if j < 1 or numbers_xor[j - 1] != numbers_xor[j] or numbers_seen[j] - numbers_seen[j - 1] < 2:
        return False
    first, opening = int(tok_index[j]), int(tok_index[j - 1])
    if first >= len(score) or opening >= first:
        return False
    lean, was = float(score[first]), float(score[opening])
    return lean * was > 0 and min(abs(lean), abs(was)) >= SAME_LANGUAGE_LEAN


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
    coordinators: frozenset[str] = frozenset()  # the "and" and "or" of the pair's languages
    # those among them the other language writes often as another word (Czech "a")
    other_words: frozenset[str] = frozenset()


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
        elif (head := _translated_head(text, start)) is not None:
            out[index] = head
    return out


def _translated_head(text: str, start: int) -> int | None:
    """Where the code that the line at ``start`` heads with an abbreviation occurs again
    after white space and another abbreviation, within ``OPENING_REPEAT_REACH``
    characters: each language abbreviates the word heading a reference its own way and
    keeps the code (DGT-TM RO-IT "Rez. MSC.116(73) a OMI | Ris. MSC.116(73) dell'IMO"), a
    repeat of the opening as much as a name kept in the original. The Romanian "Rez."
    leans to Italian, and such a line went whole into the side B of the pair before it.
    A repeat that names the body between its abbreviation and the code (RO-PT "Rez.
    MSC.36(63) a OMI - (Codul HSC 1994) 7 | Res. IMO MSC.36(63)-(Código HSC 1994) 7") is
    one too: left out (its split once gave side A's "a OMI" to side B, which the split no
    longer does, :func:`_refine_split`'s code both sides end with), such a line went whole
    into the side A of the pair before it, a wrong unit: "Învelișul nedemontabil al punții
    Revestimentos primários de pavimentos Rez. MSC.36(63) ... | Res. IMO ..."."""
    return next(iter(_codes_headed_again(text, start, start + OPENING_REPEAT_REACH)), None)


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


def _refined(parts: _SegmentalParts, prefix: np.ndarray, path: list[tuple[int, int, int]],
             langs: tuple[str, ...] = (), side_a: str = "") -> list[tuple[int, int, int]]:
    """The pairs of ``path`` as (start, split, end) offsets, each split refined (``langs``:
    the pair's languages, ``side_a`` the one each pair opens with)."""
    starts, end = parts.starts, len(parts.text)
    acronyms = _file_acronyms(parts, prefix, path)
    side_b = next((lang for lang in langs if lang != side_a), "") if side_a else ""
    out = []
    for i, j, k in path:
        e_off = starts[j] if j < len(starts) else end
        split = _refine_split(parts, prefix, i, j, k, side_a, langs)
        split = _shared_last_word(parts.text, starts[i], split, e_off)
        split = _clause_word_to_a(parts, prefix, starts[i], split, e_off)
        split = _shared_word_to_a(parts, prefix, starts[i], split, e_off, side_a, side_b)
        split = _last_word_to_a(parts, prefix, starts[i], split, e_off)
        split = _codes_end_to_a(parts.text, starts[i], split, e_off)
        split = _shared_first_word(parts, prefix, starts[i], split, e_off)
        split = _preposition_end_to_b(parts, prefix, starts[i], split, e_off, langs)
        split = _sentence_end_to_a(parts, prefix, starts[i], split, e_off)
        split = _bracket_end_to_a(parts, prefix, starts[i], split, e_off)
        # the cuts near a split, read once for both moves: a short pair's split is most
        # often left where it is by the first, and the second asks for the same cuts
        near: dict[int, list[int]] = {}
        split = _balanced_split(parts, prefix, i, j, split, near)
        split = _ending_match(parts, prefix, i, j, split, near)
        split = _item_end_word_to_b(parts, prefix, starts[i], split, e_off, langs)
        split = _item_opening_to_b(parts.text, starts[i], split, e_off)
        split = _note_label_to_b(parts.text, starts[i], split)
        split = _quoted_term_to_b(parts.text, starts[i], split)
        split = _code_opening_to_b(parts.text, starts[i], split)
        split = _capital_opening_to_b(parts.text, starts[i], split, e_off)
        split = _cognate_opening_to_b(parts.text, starts[i], split, e_off, side_b, side_a)
        split = _title_opening_to_b(parts, prefix, starts[i], split, e_off, side_b, side_a)
        split = _acronym_to_its_side(parts.text, starts[i], split, e_off, acronyms)
        split = _twin_acronym_to_a(parts.text, split, e_off)
        split = _own_acronym_to_b(parts.text, starts[i], split)
        split = _acronym_before_code_to_b(parts.text, starts[i], split, e_off)
        split = _capitals_clause_to_b(parts, prefix, starts[i], split, e_off)
        split = _small_opening_to_a(parts, prefix, starts[i], split, e_off)
        split = _opening_bracket_to_a(parts.text, starts[i], split, e_off)
        split = _ending_bracket_to_a(parts.text, split, e_off)
        split = _doubled_word_to_b(parts.text, starts[i], split)
        split = _item_conjunction_to_a(parts.text, starts[i], split, e_off, langs, side_a)
        split = _item_conjunction_word_to_b(parts, prefix, starts[i], split, e_off, langs,
                                            side_a)
        out.append((starts[i], _opening_marks_to_b(parts.text, starts[i], split), e_off))
    return _written_together(parts, prefix, out)


ACRONYM_SEEN = 3  # occurrences, at least, of an acronym the file uses in one language
ACRONYM_SHARE = 0.9  # of its occurrences inside a side, at least, in that language
ACRONYM_EDGE = 3  # tokens at either edge of a side where its acronyms are not counted


def _file_acronyms(parts: _SegmentalParts, prefix: np.ndarray,
                   path: list[tuple[int, int, int]]) -> dict[str, int]:
    """The acronyms (scored 0: codes of no language by the word lists) that the file
    writes inside one side of its pairs only (the search's, ``path``), not at its edges
    (:data:`ACRONYM_EDGE`), :data:`ACRONYM_SEEN` times or more: 1 for side A, -1 for side
    B. Each language has its own for one body (DGT-TM Lithuanian "EB", English "EC"); one
    both write ("SADC", "rez. IMO" in Slovak and Czech) is in both sides and not returned."""
    import numpy as np

    text, pos = parts.text, parts.pos
    zero = np.flatnonzero(np.diff(prefix) == 0.0)
    seen: dict[str, list[int]] = {}
    for i, j, k in path:
        ti, tj = int(parts.tok_index[i]), int(parts.tok_index[j])
        # each side's tokens but those at its edges, alike for both sides: where a side
        # begins or ends is the acronym to place ("rez. IMO" opening both Slovak and
        # Czech, whose Czech copy is next to the split)
        for side, (begin, end) in enumerate(((ti + ACRONYM_EDGE, k - ACRONYM_EDGE),
                                             (k + ACRONYM_EDGE, tj - ACRONYM_EDGE))):
            lo, hi = np.searchsorted(zero, [begin, end])
            for t in zero[lo:hi].tolist():
                m = WORD_RE.match(text, int(pos[t]))
                word = m.group() if m is not None else ""
                if 2 <= len(word) <= 5 and word.isupper() and not ROMAN_RE.fullmatch(word):
                    seen.setdefault(word, [0, 0])[side] += 1
    return {word: 1 if a > b else -1 for word, (a, b) in seen.items()
            if a + b >= ACRONYM_SEEN and max(a, b) >= ACRONYM_SHARE * (a + b)}


def _acronym_to_its_side(text: str, start: int, split: int, end: int,
                         acronyms: dict[str, int]) -> int:
    """``split``, moved over one acronym at it to the side whose language the file writes
    it in (:func:`_file_acronyms`): an acronym leans to no language by the word lists,
    and DGT-TM LT-EN "... pateiktą atitikties vertinimo įstaigų sąrašą | EC Conformity
    Assessment Body added ..." was split after "EC", the English acronym ending the
    Lithuanian side (whose own is "EB")."""
    before = _CHUNK_RE.findall(text, start, split)
    after = _CHUNK_RE.findall(text, split, end)
    if len(before) >= 2 and _acronym(before[-1]) and len(after) >= 1:
        if acronyms.get(_ALNUM_EDGES_RE.sub("", before[-1])) == -1:
            return text.rindex(before[-1], start, split)
    if len(after) >= 2 and _acronym(after[0]) and len(before) >= 1:
        if acronyms.get(_ALNUM_EDGES_RE.sub("", after[0])) == 1:
            return text.index(after[1], text.index(after[0], split) + len(after[0]))
    return split


# A word side B would open with that the file writes after side A's last word, inside a
# side, this many times or more goes to side A (:func:`_written_together`).
TOGETHER_TIMES = 1
TOGETHER_REACH = 20_000  # characters before and after the pair searched
_PHRASE_END_RE = lazy_pattern(r"[,;:]?\s+(?=\S)")


def _written_together(parts: _SegmentalParts, prefix: np.ndarray,
                      pairs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``pairs`` (start, split, end), a short pair's split moved past side B's first word
    when that word leans a hair either way (a word of both languages: "rådet" in Swedish
    and Danish, "Rady" in Polish and Czech), ends a phrase (a comma after it, or a capital)
    and the file writes it after side A's last word elsewhere too ("gemensamma rådet",
    "Wspólnej Rady"): a noun the search gave to side B, away from the adjective it goes
    with."""
    text, pos = parts.text, parts.pos
    moves: dict[int, tuple[str, int, bool]] = {}
    for index, (start, split, end) in enumerate(pairs):
        if end - start > SHORT_PAIR:
            continue
        last = _last_word_in(text, max(start, split - 60), split)
        first = _FIRST_WORD_RE.match(text, split, end)
        t = int(pos.searchsorted(split))
        if (last is None or first is None or not text[last.end():split].isspace()
                or first.group().isupper() or t >= len(pos) or pos[t] != split):
            continue
        name = _unlisted_name(first.group(), prefix[t + 1] - prefix[t])
        if not (name or 0 < abs(prefix[t + 1] - prefix[t]) < HAIR_LEAN):
            continue
        gap = _PHRASE_END_RE.match(text, first.end(), end)
        if gap is None or gap.end() >= end or not (
                name or gap.group()[0] in ",;:" or text[gap.end()].isupper()):
            continue
        moves[index] = (f"{last.group()} {first.group()}".lower(), gap.end(), name)
    if not moves:
        return pairs
    # (inside a side only: a signature's "W imieniu Unii Europejskiej | Za Evropskou unii"
    # repeats where pairs meet, as does this place)
    edges = {c for start, split, _ in pairs for c in (start, split)}
    out = list(pairs)
    for index, (phrase, cut, name) in moves.items():
        start, _, end = pairs[index]
        # searched for near the pair only (the same document): a file holds a few such
        # places per hundred pairs, each searched in a stretch of bounded length
        found = re.compile(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)",
                           re.IGNORECASE)
        times = sum(m.end() - len(m.group().split()[-1]) not in edges
                    for m in found.finditer(text, max(0, start - TOGETHER_REACH),
                                            min(len(text), end + TOGETHER_REACH)))
        if times >= (NAME_TOGETHER_TIMES if name else TOGETHER_TIMES):
            out[index] = (start, cut, end)
    return out


NAME_TOGETHER_TIMES = 2  # times an unlisted name must follow side A's last word elsewhere


def _unlisted_name(word: str, lean: float) -> bool:
    """Whether ``word``, side B's first, is a name no word list holds: capitalised, not
    in capitals, scored nothing (DGT-TM DA-EN "... i det centrale Nordlige | Ishav to
    prevent unregulated high seas fisheries ...", the Danish "Ishav" leaning no way and its
    capital opening side B). Where the file writes it after side A's last word elsewhere
    (:data:`NAME_TOGETHER_TIMES`, "det centrale Nordlige Ishav,"), it goes to side A as a
    word of both languages does, whatever follows it."""
    return lean == 0 and len(word) >= 3 and word[0].isupper() and not word.isupper()


# How far a split may move to make side A end as side B ends: the chunks on either side
# of it, and what the split's score may lose by it (a word both languages share, "som" in
# Swedish and Danish, "ime" in Slovene and Croatian, leans a few tenths either way).
ENDING_REACH = 3
ENDING_MARGIN = 2.0
ENDING_CHARS = 400  # characters either side of the split searched for its chunks


def _ending(text: str, start: int, end: int) -> tuple[str, str]:
    """How the text between ``start`` and ``end`` ends: its last mark ("," "." ")", or ""
    after a letter or a digit, or after the abbreviation a date ends with: "2019 r." ends
    as "2019" does) and its last word in lower case."""
    tail = text[max(start, end - 60):end].rstrip()
    word = _last_word_in(tail, 0, len(tail))
    date = _date_abbreviation(tail[:-1]) if tail.endswith(".") else None
    return ("" if tail[-1:].isalnum() or date is not None else tail[-1:]), (
        word.group().lower() if word else "")


def _ending_match(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                  split: int, near: dict[int, list[int]] | None = None) -> int:
    """``split``, or a cut a few chunks away, scoring nearly as well, where side A ends as
    side B does: a translation ends as its source, with the same mark ("... under de
    senaste åren, | som anerkender ... i de senere år,") or, a short pair, with the same
    word ("V imenu Evropske unije | U ime Europske unije"). Words the two languages share
    lean too little to place the cut: a one-word shift reads the next clause's opener as
    side A's last word. ``near``: the pair's :func:`_cuts_near` by split, read and kept."""
    import numpy as np

    text, pos = parts.text, parts.pos
    s_off = parts.starts[i]
    e_off = parts.starts[j] if j < len(parts.starts) else len(text)
    mark, word = _ending(text, split, e_off)
    cuts = _pair_cuts_near(text, s_off, split, e_off, pos, prefix, near, parts.coordinators,
                           parts.other_words)
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
    # (nor between an abbreviation and the code it heads: "... 8 Res. | IMO MSC.97(73)")
    near = [c for c in range(len(cuts)) if vals[c] >= here - ENDING_MARGIN
            and _word_imbalance(text, s_off, cuts[c], repeated) <= balance
            and (cuts[c] == split or not _abbreviation_goes_on(text, s_off, cuts[c]))]
    best = max(near, key=lambda c: (agree[c], vals[c]))
    if agree[best] <= agree[cuts.index(split)]:
        best = cuts.index(split)
    return cuts[best]


# A word leaning less than this either way (clipped log10 frequency ratio), but some, is
# one both languages' lists hold ("Parte", "MUTUO" in Spanish and Italian): no evidence of
# the split. (A word scored 0, an acronym or a heading's "LIST", is no word both write.)
HAIR_LEAN = 0.3


def _balanced_split(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                    split: int, near: dict[int, list[int]] | None = None) -> int:
    """``split``, or, in a short pair, a cut a few chunks away, across words that lean a
    hair either way only, where the two sides' lengths are nearer: such a word went to the
    side its hair of a lean said ("PRODUCTOS CUBIERTOS POR EL RECONOCIMIENTO | MUTUO
    PRODOTTI OGGETTO DI RICONOSCIMENTO RECIPROCO", "Estados que no son | Parte Parti non
    contraenti"), where a translation about as long as its source says otherwise.
    ``near``: as :func:`_ending_match`'s."""
    text, pos = parts.text, parts.pos
    s_off = parts.starts[i]
    e_off = parts.starts[j] if j < len(parts.starts) else len(text)
    if e_off - s_off > SHORT_PAIR:
        return split
    cuts = _pair_cuts_near(text, s_off, split, e_off, pos, prefix, near, parts.coordinators,
                           parts.other_words)
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
        return abs(len(tidy(text[s_off:cut])) - len(tidy(text[cut:e_off])))

    best = min(filter(movable, cuts), key=lambda c: (imbalance(c), c != split))
    # a clear gain only: the lengths of a short pair say little
    return best if 2 * imbalance(best) <= imbalance(split) else split


def _pair_cuts_near(text: str, start: int, split: int, end: int, pos: np.ndarray,
                    prefix: np.ndarray, near: dict[int, list[int]] | None,
                    coordinators: frozenset[str] = frozenset(),
                    other_words: frozenset[str] = frozenset()) -> list[int]:
    """:func:`_cuts_near`, kept in ``near`` (one pair's, by split) when given. (The list
    is only read by its callers.)"""
    if near is None:
        return _cuts_near(text, start, split, end, pos, prefix, coordinators, other_words)
    cuts = near.get(split)
    if cuts is None:
        cuts = near[split] = _cuts_near(text, start, split, end, pos, prefix, coordinators,
                                        other_words)
    return cuts


def _cuts_near(text: str, start: int, split: int, end: int, pos: np.ndarray,
               prefix: np.ndarray, coordinators: frozenset[str] = frozenset(),
               other_words: frozenset[str] = frozenset()) -> list[int]:
    """The chunk starts within :data:`ENDING_REACH` chunks of ``split`` (itself among them),
    side A keeping a chunk, each opening with a letter after its quotes or brackets
    (``coordinators``: the "and" and "or" of the pair's languages; ``other_words``: those
    the other language writes often as another word)."""
    # (chunks of a stretch around the split, not of the whole pair: a pair may be long)
    lo = max(start, split - ENDING_CHARS)
    chunks = [m.start() for m in _CHUNK_RE.finditer(text, lo, min(end, split + ENDING_CHARS))]
    if lo > start and chunks and chunks[0] == lo and not text[lo - 1].isspace():
        chunks = chunks[1:]  # the stretch starts inside a chunk
    if split not in chunks:
        return []
    at = chunks.index(split)
    # (not after a no-break space, which binds the chunks either side of it)
    near = [c for c in chunks[max(0, at - ENDING_REACH):at + ENDING_REACH + 1]
            if c == split or c > start and text[c:c + 4].lstrip(OPENERS)[:1].isalpha()
            and text[c - 1] not in NO_BREAK_SPACES]
    # A split after punctuation stays after punctuation: the words of side B's first
    # clause ("program. | en part kan ...", "planos, | una Parte") are no evidence against
    # it; an abbreviation's full stop ("rez.", "r.", "čl.") ends no clause. Numbers,
    # brackets and quoted letters ("Typ ’A’") have their own evidence (_refine_split): a
    # cut is not moved across them; nor across names no word list holds: the shared
    # words that float the cut lean a hair either way.
    after_mark = _after_mark(text, split) and not _after_abbreviation(text, start, split)
    # Unless the word it crosses is the one side B ends with after the same mark: an item
    # of a list ends "...“) a" in both languages ("(ďalej len „dohoda z roku 1995“) a" /
    # "(dále jen „dohoda z roku 1995“) a"), where side B had opened with the conjunction.
    tail = _mark_and_word(text, start, end) if after_mark else None
    return [c for c in near if c == split or (
        not (after_mark and not _after_mark(text, c)
             and (tail is None or c < split
                  or not _item_ends_alike(_mark_and_word(text, start, c), tail,
                                          coordinators)
                  or _capital_after_small(text, start, c)
                  and _last_word_in(text, max(start, c - 40), c).group().lower()
                  in other_words))
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


_MOVED_BLOCKED_RE = lazy_pattern(r"[\d()\[\]]|" + QUOTED_LETTER)
_SHORT_WORD_STOP_RE = lazy_pattern(r"(?<![\w.-])([^\W\d_]{1,3})\.\s*$")


_MARK_AND_WORD_RE = lazy_pattern(r"([^\w\s])\s+([^\W\d_]+)\s*$")


def _mark_and_word(text: str, start: int, end: int) -> tuple[str, str] | None:
    """How the text between ``start`` and ``end`` ends when it ends with a mark and one
    word after it ("1995“) a"): the mark and the word (in lower case); else None."""
    m = _MARK_AND_WORD_RE.search(text, max(start, end - 40), end)
    return None if m is None else (m.group(1), m.group(2).lower())


def _item_ends_alike(ending: tuple[str, str] | None, tail: tuple[str, str],
                     coordinators: frozenset[str]) -> bool:
    """Whether a side ending so (:func:`_mark_and_word`) ends as side B does (``tail``):
    with the same mark and word ("1995“) a" in Slovak and Czech), or each with a mark and
    an "and" or "or" of the pair's languages (``coordinators``), a list item's end in its
    language (DGT-TM SK-EN "(ďalej len „dohoda z roku 1995“) a" / "(‘the 1995
    Agreement’); and", where the English opened with the Slovak "a": "a the Agreement for
    the Implementation ..."). Not a word of another language: the Portuguese side of "...
    sobre esses planos, | a Party may ...; and" ends with no "a" of its own."""
    if ending is None:
        return False
    return ending == tail or ending[1] in coordinators and tail[1] in coordinators


def _capital_after_small(text: str, start: int, at: int) -> bool:
    """Whether side B would open at ``at`` with a capital where side A, from ``start``,
    opens with a small letter: an item of a list goes on a sentence in both languages, and
    its translation opens in small letters as its source does (DGT-TM CS-EN "smluvní
    strana mohla ... připomínky; | a Party may ... plans; and": the English article "a",
    read as the Czech "and" ending the item as the English ends with its own, went to side
    A, and the English opened with "Party")."""
    first = _LETTER_RE.search(text, start, min(at, start + 40))
    return (first is not None and first.group().islower()
            and text[at:at + 4].lstrip(OPENERS)[:1].isupper())


def _item_end_word_to_b(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                        split: int, end: int, langs: tuple[str, ...]) -> int:
    """``split``, or the start of side A's last word when side A would end with an item's
    closing "and" or "or" after a comma or a semicolon (:data:`_LIST_ITEM_END_RE`,
    :func:`_list_item_end_re`) and that one word after it, leaning less than
    :data:`OWN_WORD_LEAN` to side A's language, and side B ends with a mark and its own
    "and" or "or": the item ends with its conjunction in both languages, and the word is
    side B's first, one the two languages share (DGT-TM LV-LT "... iekļaut protokolā; un
    bet | kokie pareiškimai ... protokolą, ir", for "... protokolā; un | bet kokie", any
    statements: Latvian "bet", but, leans 0.15; "... apgabalā, un ar | pradėti derybas ...
    struktūrų, ir", "ar" 0.42)."""
    text, pos = parts.text, parts.pos
    last = _last_word_in(text, max(start, split - 40), split)
    if last is None or not text[last.end():split].isspace():
        return split
    tail = _mark_and_word(text, split, end)
    if tail is None or tail[1] not in parts.coordinators:
        return split
    lo = max(start, last.start() - 20)
    patterns = (_LIST_ITEM_END_RE, _list_item_end_re(langs) if langs else None)
    if not any(m.end() == last.start() for pattern in patterns if pattern is not None
               for m in pattern.finditer(text, lo, last.start())):
        return split
    a, b = int(pos.searchsorted(last.start())), int(pos.searchsorted(split))
    if b != a + 1 or prefix[b] - prefix[a] >= OWN_WORD_LEAN:
        return split
    return last.start()


def _after_mark(text: str, at: int) -> bool:
    """Whether the text before ``at`` (white space aside) ends with punctuation."""
    last = text[max(0, at - 4):at].rstrip()[-1:]
    return bool(last) and not last.isalnum()


def _after_abbreviation(text: str, start: int, at: int) -> bool:
    """Whether ``at`` follows a full stop ending one to three lower-case letters ("rez.",
    "r.", "čl."): an abbreviation, where :func:`_split_priors` saw a sentence end."""
    m = _SHORT_WORD_STOP_RE.search(text, max(start, at - 8), at)
    return m is not None and m.group(1).islower()


def _abbreviation_goes_on(text: str, start: int, at: int) -> bool:
    """Whether ``at`` follows a capitalised abbreviation that goes on after it: heading the
    code after it (:data:`_HEADED_CODE_RE`: "Res. IMO MSC.97(73)", "Circ. 1456/MSC.1"), or
    the first half of a doubled one (:data:`_DOUBLED_ABBREVIATION_RE`: "EE. UU."). Its full
    stop is no sentence end. DGT-TM RO-PT "Rez. MSC.97(73) a OMI - (Codul HSC 2000) 8 | Res.
    IMO MSC.97(73)-(Código HSC 2000) 8" gave side A "... 8 Res." (a side B ending with a
    full stop had side A end with one too), "... modificată. | Circ. 1456/MSC.1 IMO,
    conforme alterada" "... modificată. Circ.", and ES-EN "... administrativas de los EE.
    UU.: | US legislation ..." "... de los EE."."""
    begin, end = _chunk_before(text, start, at)
    if not 2 < end - begin <= 6 or not text[begin].isupper() or text[end - 1] != ".":
        return False  # (not a word ending a sentence before a number: "Brussels. 12")
    opening = _CHUNK_RE.match(text, start)
    if opening is not None and text.startswith(opening.group(), at):
        # side B repeating side A's opening after it: CS-EN "IEC 61162-3 Ed 1.2 konsol. se
        # změnou 1 Ed. | IEC 61162- 3 ed1.2 Consol. with am1 ed.", "Ed." side A's end
        return False
    headed = _HEADED_CODE_RE.match(text, begin, min(len(text), at + 80))
    return headed is not None and headed.start(1) >= at or bool(
        _DOUBLED_ABBREVIATION_RE.match(text, begin, min(len(text), at + 8)))


# A plural abbreviation doubling its letters, cut at its space: Spanish "EE. UU."
# (Estados Unidos), "CC. AA.".
_DOUBLED_ABBREVIATION_RE = lazy_pattern(r"([A-Z])\1\.[ \t]+([A-Z])\2\.")


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
# A list item's mark after the item before it: "..., – vu", "...; b) renforcer".
_ITEM_RE = lazy_pattern(r"[,;:]\s+(" + ITEM_MARK + ")")
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
    lead = ITEM_LEAD_RE.match(text, start)
    if lead is None:
        return split
    at_split = ITEM_LEAD_RE.match(text, split)
    if at_split is not None and at_split.group(1) == lead.group(1):
        return split
    near = [m.start(1) for m in _ITEM_RE.finditer(text, max(start + 2, split - 40),
                                                  min(end, split + 40))
            if m.group(2) == lead.group(1)]
    near = [at for at in near
            if len(text[min(at, split):max(at, split)].split()) <= ITEM_MARK_CHUNKS]
    return min(near, key=lambda at: abs(at - split)) if near else split


# A list item's closing "and" or "or" after its comma or semicolon, ending a side: "...; et"
_ITEM_CONJUNCTION_END_RE = lazy_pattern(r"[;,]\s+([^\W\d_]+)\s*$")


def _item_conjunction_to_a(text: str, start: int, split: int, end: int,
                           langs: tuple[str, ...], side_a: str) -> int:
    """``split``, or the start of the word after side B's first word when that word is an
    "and" or "or" of side A's language (:data:`..lang.COORDINATORS`, none of side B's)
    after side A's comma or semicolon, and side B ends with one of its own after one: a
    list item ends with its conjunction in both languages (DGT-TM NL-FR "... daarbij
    moeten worden betrokken; en | RECONNAISSANT ... et de leurs communautés; et", NL-EN
    "... wordt beheerd, of | conservation and management measures ...; or"), where Dutch
    "en" and "of", also French's preposition and English's, had opened side B. Not an
    article: side B's item opens with its noun ("...; | a Party may ...; and", CS-EN, the
    Czech ending without its "a"). Side B may end with the mark alone that side A has
    before its "and": the item is side A's last but one, and side B's not (NL-FR "...
    („de overeenkomst van 1995”), en | l'Accord ... (l'«Accord de 1995»),")."""
    closing = _closing_conjunction(text, split, end)
    own, other = _conjunctions(langs, side_a)
    mark = text[max(start, split - 8):split].rstrip()[-1:]
    if mark not in (",", ";"):
        return split
    if closing is not None and closing.group(1).lower() in other:
        limit = closing.start()
    elif text[max(split, end - 8):end].rstrip()[-1:] == mark:
        limit = end
    else:
        return split
    first = _FIRST_WORD_RE.match(text, split, end)
    if first is None or first.group() not in own or first.group() in other \
            or first.group() in _ARTICLES or not text[first.end():first.end() + 1].isspace():
        return split
    after = _NEXT_WORD_RE.search(text, first.end(), end)
    return after.start() if after is not None and after.start() < limit else split


def _closing_conjunction(text: str, split: int, end: int) -> re.Match[str] | None:
    """The word side B (``split`` to ``end``) ends with after a comma or semicolon."""
    return _ITEM_CONJUNCTION_END_RE.search(text, max(split, end - 40), end)


def _conjunctions(langs: tuple[str, ...], side_a: str
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The "and" and "or" of side A's language and those of side B's (none where the
    pair's languages are not known)."""
    if len(langs) != 2 or side_a not in langs:
        return (), ()
    side_b = langs[1 - langs.index(side_a)]
    return COORDINATORS.get(side_a, ()), COORDINATORS.get(side_b, ())


# Side A's end: a comma or semicolon, a word, and the word after it ("..., of formule")
_CONJUNCTION_AND_WORD_RE = lazy_pattern(r"[;,]\s+([^\W\d_]+)\s+([^\W\d_]+)\s*$")


def _item_conjunction_word_to_b(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                                split: int, end: int, langs: tuple[str, ...],
                                side_a: str) -> int:
    """``split``, or the start of side A's last word when the word before it is an "and"
    or "or" of side A's language (none of side B's) after a comma or semicolon, side B
    ends with one of its own after one, and that last word is in small letters and leans
    a hair to side A's language at most: the item ends with its conjunction, and the word
    after it is side B's first (DGT-TM NL-FR "... of een latere verlenging, of formule |
    une objection formelle ... subséquente; ou", for "..., of | formule une objection":
    "formule" leans a hair to French, and side B opening with "une" had scored alike)."""
    text, pos = parts.text, parts.pos
    closing = _closing_conjunction(text, split, end)
    own, other = _conjunctions(langs, side_a)
    if closing is None or closing.group(1).lower() not in other:
        return split
    m = _CONJUNCTION_AND_WORD_RE.search(text, max(start, split - 60), split)
    if m is None or m.group(1) not in own or m.group(1) in other or not m.group(2).islower():
        return split
    at = int(pos.searchsorted(m.start(2)))
    if at >= len(pos) or pos[at] != m.start(2) or prefix[at + 1] - prefix[at] >= HAIR_LEAN:
        return split
    return m.start(2)


# A note's label: a capitalised word or abbreviation and a colon ("NB:", "Pozn.:").
_NOTE_LABEL_RE = lazy_pattern(r"(?=[^\W\d_])\w[^\W\d_]*\.?:(?=\s)")
# The label side A opens with: its colon may be mistyped as a semicolon (DGT-TM Portuguese
# "Nota; o uso da expressão ..." for the English "Note: When the term ...").
_OPENING_LABEL_RE = lazy_pattern(r"(?=[^\W\d_])\w[^\W\d_]*\.?[:;](?=\s)")


def _note_label_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the start of the label ending side A when side A opens with a label
    and side B does not: a note opens with its label in both languages ("Anmärkning: ...
    erkännande. | NB: Anvendelse ...", "Poznámka: ... | Pozn.: Na soupravu ..."), where
    the label, a code of a few letters leaning either way, was read as side A's last
    word. A translation holds its source's label, one on each side (side A's perhaps
    mistyped: :data:`_OPENING_LABEL_RE`)."""
    if _OPENING_LABEL_RE.match(text, start) is None or _NOTE_LABEL_RE.match(text, split):
        return split
    begin, end = _chunk_before(text, start, split)
    label = _NOTE_LABEL_RE.match(text, begin)
    if begin <= start or label is None or label.end() != end or not text[begin].isupper():
        return split
    return begin


# A code in capitals and a number after it: "EN 61162–1", "IEC 61162- 1".
_CODE_NUMBER_RE = lazy_pattern(r"([^\W\d_]{2,5})[ \t]+\d")


def _code_opening_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the start of the code in capitals ending side A, when side A opens
    with a code and its number and side B would open with a number alone: a standard's
    reference opens with its code in both languages, each naming its own ("IEC 61162- 1
    (2016) – 1. osa: ... kuulajat | EN 61162- 1 (2016) – Osa 1: ...", where "EN", no word
    of either language, was taken as side A's last word, the lengths deciding)."""
    head = _CODE_NUMBER_RE.match(text, start)
    if head is None or not _acronym(head.group(1)) or not text[split:split + 1].isdigit():
        return split
    begin, end = _chunk_before(text, start, split)
    if begin <= start or not _acronym(text[begin:end]) or text[begin:end] != text[
            begin:end].strip("()[],.;:"):
        return split
    return begin


COGNATE_PREFIX = 6  # letters, at least, two words opening a pair's sides have alike
COGNATE_OWN_ZIPF = 3.0  # side A's language writes the word before the cognate this often


def _side_a_word(word: str, side_a: str, side_b: str) -> bool:
    """Whether ``word`` may end side A's name as well as open side B's: no list of side
    B's language holds it (RO-EN "Insulare", leaning to English by its letters), or side
    A's language writes it often (:data:`COGNATE_OWN_ZIPF`) and at least as often as side
    B's (PT-EN "Insular", Zipf 3.19 in Portuguese and 3.03 in English: "Ministério dos
    Transportes Marítimos e Política Insular | Ministry of Shipping and Island Policy").
    Not a word only side B's language writes ("Joint" of MT-EN "Programm Konġunt ... |
    Joint Program ..."), nor a rare one side A's list happens to hold (German
    "Directorate", 1.64, before "Directorate General Mobility and Transport")."""
    if not side_b:
        return False
    own, other = (wordfreq_best(word.lower(), (lang,)) if lang else 0.0
                  for lang in (side_a, side_b))
    return other == 0.0 or (own >= COGNATE_OWN_ZIPF and own >= other)


def _cognate_opening_to_b(text: str, start: int, split: int, end: int,
                          side_b: str = "", side_a: str = "") -> int:
    """``split``, or the start of side B's second word when that word, capitalised, opens
    as side A's first word does (:data:`COGNATE_PREFIX` letters alike: "Ministerul" /
    "Ministero") and side A, a short one, is a name in capitals word by word: the
    capitalised word before it ends that name, and a translation opens as its source does
    (DGT-TM RO-IT "Ministerul Transporturilor și Politicii | Insulare Ministero della
    navigazione e delle politiche insulari": the Romanian "Insulare", in no Romanian list
    and in the Italian one, leaned to Italian). Not where side A writes a word in small
    letters other than a short one ("Commissione europea | European Commission"), nor
    where side B, after the word, writes a capital again, unless the word may be side A's
    (:func:`_side_a_word`, languages ``side_a`` and ``side_b``: RO-EN "... Politicii |
    Insulare Ministry of Shipping and Island Policy", "Insulare" in neither list; PT-EN
    "... Política | Insular Ministry ...", "Insular" in both)."""
    if end - start > SHORT_PAIR:
        return split
    first = _FIRST_WORD_RE.match(text, start, split)
    words = _CHUNK_RE.findall(text, split, min(end, split + 120))
    if first is None or len(first.group()) < COGNATE_PREFIX or len(words) < 3:
        return split
    stem = first.group()[:COGNATE_PREFIX].lower()
    moved, after = words[0], words[1]
    if not (moved.isalpha() and moved[:1].isupper() and moved[1:].islower()
            and after[:1].isupper() and after[1:].islower()
            and after.lower().startswith(stem) and not moved.lower().startswith(stem)):
        return split
    if any(w[:1].islower() and len(w) > 3 for w in WORD_RE.findall(text, start, split)):
        return split
    if any(w[:1].isupper() for w in words[2:]) and not _side_a_word(moved, side_a, side_b):
        # side B writes its name in capitals word by word too: the word may be its own
        # ("Programm Konġunt ta' Riċerka ... | Joint Program of Scientific Research")
        return split
    return text.index(after, split + len(moved))


def _title_opening_to_b(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                        end: int, side_b: str = "", side_a: str = "") -> int:
    """``split``, or the start of the capitalised word ending side A after a word in small
    letters, when side B would open with a title capitalised word by word, the word leans
    to neither language and is no word of side A's (:func:`_side_a_word`): a word opening
    a title in side A's sentence would be capitalised in a name of side A's, and a title
    opens with its first word (DGT-TM ET-EN "Kalapüügi ajutised kaitse- ja
    majandamismeetmed Interim | Conservation and Management Measures Concerning Fishing",
    where "Interim", which the n-grams do not score and English's list holds at Zipf 4.0,
    the least a word so leans by, was taken as side A's last word, the lengths deciding)."""
    text = parts.text
    if end - start > SHORT_PAIR:
        return split
    begin, stop = _chunk_before(text, start, split)
    moved = text[begin:stop]
    before = _chunk_before(text, start, begin)
    title = [w for w in WORD_RE.findall(text, split, end) if len(w) > 3]
    if (begin <= start or not (moved.isalpha() and moved[:1].isupper() and moved[1:].islower())
            or not text[before[0]:before[1]][:1].islower() or len(title) < 3
            or not all(w[:1].isupper() for w in title)
            or _leans(parts.pos, prefix, begin, stop) or _side_a_word(moved, side_a, side_b)):
        return split
    return begin


def _capital_opening_to_b(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the acronym ending side A, when side B would open with a
    small letter where side A opens with a capital: a translation opens as its source
    does ("ÕIGUSNORMID JA RAKENDUSSÄTTED | EU legislation, regulations and administrative
    provisions:", where "EU", no word of either language, was taken as side A's last
    word, the lengths deciding). Not where the pair ends with an acronym, which side A
    may end with too (:func:`_codes_end_to_a`: "Przedstawiciel państw SADC UPG | zástupce
    států SADC EPA")."""
    last = _chunk_before(text, start, end)
    if _acronym(text[last[0]:last[1]]):
        return split
    letters = [_LETTER_RE.search(text, at, at + 40) for at in (start, split)]
    if letters[0] is None or letters[1] is None or letters[1].start() != split:
        return split
    if not letters[0].group().isupper() or not letters[1].group().islower():
        return split
    begin, end = _chunk_before(text, start, split)
    if begin <= start or not text[begin].isupper() or not _acronym(text[begin:end]):
        return split
    return begin


# A quotation of a few words ending side A, white space after it: its opening mark.
_QUOTED_END_RE = lazy_pattern(
    r"(?:^|(?<=\s))([\"“”„«»‘‚])\s?[^\W\d_][^\"“”„«»‘’‚‹›\n]{0,80}?[\w.)]\s?[\"“”»’]\s*$")
QUOTED_TERM_WORDS = 6  # words, at most, of a term or title quoted at the head of a side


def _quoted_term_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the opening mark of a quotation ending side A, when side A opens with
    a quotation in other quotes: a definition opens with its term quoted in both
    languages, each in its own quotes ("„laev“ – laev, mida kasutatakse ... kalapüügiks. |
    ‘vessel’ means any vessel ...", Estonian-English; "„kalad“ – ... hulka, | ”kalalla”
    kala-, ...", Estonian-Finnish), where the term, a word the n-grams read as Estonian
    ("vessel") or leaning a hair, was taken as side A's last word. A side quotes in one
    style: a quotation in another ending it is side B's opening."""
    if text[split:split + 1] in _QUOTES:
        return split
    head = _QUOTATION_RE.match(text, start)
    if head is None or len(head.group(1).split()) > QUOTED_TERM_WORDS:
        return split
    lo = max(head.end(), split - 120)
    tail = _QUOTED_END_RE.search(text[lo:split])
    if tail is None or tail.group(1) == text[start] or len(
            tail.group().split()) > QUOTED_TERM_WORDS:
        return split
    return lo + tail.start(1)


# Side B's first word and a comma, before a clause opening with a word in capitals
_BEFORE_CAPITALS_RE = lazy_pattern(r"([^\W\d_][\w-]*),[ \t\n]+([^\W\d_]{4,})\b")


def _capitals_clause_to_b(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                          split: int, end: int) -> int:
    """``split``, or the start of the word in capitals after side B's first word and a
    comma, when that word leans little (:data:`NAME_LEAN`): a preamble's clause opens with
    its verb in capitals ("RECOGNIZING", "CONSIDERÂND"), and a name ending side A before
    it is side A's (DGT-TM RO-EN "... din zona centrală a Oceanului Arctic, | RECOGNIZING
    the special responsibilities ...", which "Arctic", leaning 0.55 to English, had
    opened). However that word leans when side A opens with such a verb too: the clause's
    translation opens with its own (DGT-TM SK-CS "UZNÁVAJÚC, že ... nie sú dostatočne |
    pochopené, MAJÍCE NA ZŘETELI, že ...", the Slovak "pochopené" a Czech word as well,
    leaning 1.9 that way)."""
    m = _BEFORE_CAPITALS_RE.match(parts.text, split, end)
    if m is None or split <= start or not m.group(2).isupper() or m.group(1).isupper():
        return split
    at = int(parts.pos.searchsorted(split))
    if at >= len(parts.pos) or parts.pos[at] != split:
        return split
    if abs(prefix[at + 1] - prefix[at]) >= NAME_LEAN and not _opens_with_capitals(
            parts.text, start, split):
        return split
    return m.start(2)


_CAPITALS_OPENING_RE = lazy_pattern(r"([^\W\d_]{4,})[,\s]")


def _opens_with_capitals(text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` (before ``end``) opens with a word of four letters
    or more in capitals, as a preamble's clause does ("UZNÁVAJÚC, že ...", "RECOGNIZING
    the ..."): its translation opens with its own verb so written."""
    m = _CAPITALS_OPENING_RE.match(text, start, end)
    return m is not None and m.group(1).isupper()


SMALL_OPENING_WORDS = 1  # words in small letters opening side B that may move to side A
_CLAUSE_MARKS = ".,:;!?"


def _ends_alike(text: str, start: int, split: int, end: int) -> bool:
    """Whether side A (``start`` to ``split``) ends with the mark of a sentence or a
    clause that side B (to ``end``) ends with too: ":" in DGT-TM NL-DE "Overwegende
    hetgeen volgt: | in Erwägung nachstehender Gründe:"."""
    mark = _ending(text, start, split)[0]
    return bool(mark) and mark in _CLAUSE_MARKS and mark == _ending(text, split, end)[0]


def _small_opening_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                        split: int, end: int) -> int:
    """``split``, or the start of the capitalised word after side B's first word when that
    word is in small letters, leans to side A's language if at all, and side A opens with
    a capital: a translation opens as its source does (DGT-TM CS-SK "Systém pro udržování
    dráhy | lodi Systém riadenia dráhy", "lodi" leaning 0.19 to Czech; RO-EN "Penetrări
    prin treceri de țevi, puțuri, conducte | etc. Penetrations through ..."), or leans a
    hair to side B's, a word both write (FR-NL "... pour le passage | de Doorvoeren door
    ...", "de" leaning 0.05 to Dutch). A word of side B's language ("the United Nations
    ...") stays, so does one leaning to it after side A's mark (RO-FR "... („convenția”); |
    la Convention des Nations Unies ..."), and one after side A's end where side B ends
    with the same mark: a translation ends as its source does (NL-DE "Overwegende hetgeen
    volgt: | in Erwägung nachstehender Gründe:", the German "in" a Dutch word too)."""
    text, pos = parts.text, parts.pos
    first = _LETTER_RE.search(text, start, min(split, start + 40))
    if first is None or not first.group().isupper() or _ends_alike(text, start, split, end):
        return split
    chunks = list(_CHUNK_RE.finditer(text, split, end))
    if len(chunks) <= SMALL_OPENING_WORDS + 1:
        return split
    small = chunks[:SMALL_OPENING_WORDS]
    after = chunks[SMALL_OPENING_WORDS].group()
    if not all(c.group()[:1].islower() and c.group().rstrip(".,").isalpha() for c in small):
        return split
    if not (after[:1].isupper() and after[1:2].islower()):
        return split
    lo, hi = pos.searchsorted(split), pos.searchsorted(chunks[SMALL_OPENING_WORDS].start())
    lean = prefix[hi] - prefix[lo]
    if hi == lo or lean <= -HAIR_LEAN or lean < 0 and _after_mark(text, split):
        return split
    return chunks[SMALL_OPENING_WORDS].start()


# Words in small letters in brackets, no digit or label ("(davit)", "(raster chart display
# system)"), and the capitalised word after them: "(davit) Limited"
_SMALL_BRACKET_RE = lazy_pattern(
    r"\((?=[^()\n]*[^\W\d_]{3})([^()\d\n]{3,120})\)[ \t\n]+(?=[^\W\d_])")


def _opening_bracket_to_a(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the capitalised word after words in brackets side B would
    open with, when side A opens with a capital: a translation opens as its source does,
    and a remark in brackets, often in a third language or side B's, ends side A (DGT-TM
    SK-EN "Obmedzené na záchranné člny spúšťané člnovými žeriavmi (davit) | Limited to
    Davit- launched liferaft ...", PT-EN "Sistema de informação ... com sistema de reserva
    e RCDS (raster chart display system) | Electronic chart display ...": the English words
    had opened the English side). Not a label ("(a)", "(iv)") nor an acronym ("(ECDIS)"):
    words in small letters only. In a pair of a heading's or a note's length."""
    if end - start > SHARED_LAST_PAIR:
        return split
    first = _LETTER_RE.search(text, start, min(split, start + 40))
    if first is None or first.start() != start or not first.group().isupper():
        return split
    m = _SMALL_BRACKET_RE.match(text, split, end)
    if m is None or not m.group(1).islower() or m.end() >= end:
        return split
    word = _FIRST_WORD_RE.match(text, m.end(), end)
    if word is None or not word.group()[:1].isupper() or not word.group()[1:2].islower():
        return split
    return m.end()


# An ending in brackets, and the punctuation and white space after it: "(-omis), "
_ENDING_BRACKET_RE = lazy_pattern(r"\(-[^\W\d_]{1,6}\)[,;:]?\s+(?=\S)")


def _ending_bracket_to_a(text: str, split: int, end: int) -> int:
    """``split``, or the end of the ending in brackets side B would open with: the other
    ending of side A's last word, which it is written against ("... nacionaline moksline
    programa (-omis), | a Party may ...", DGT-TM LT-EN, where the Lithuanian "(-omis)"
    opened the English)."""
    m = _ENDING_BRACKET_RE.match(text, split, end)
    return m.end() if m is not None and m.end() < end else split


# Side A's last two words, alike but for their case: "vyjadriť a a"
_DOUBLED_END_RE = lazy_pattern(r"(?<![\w'’-])([^\W\d_]+)[ \t\n]+([^\W\d_]+)[ \t\n]*$")


def _doubled_word_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the start of the second of two words alike that side A would end with:
    no side ends with a word written twice, and the second is side B's first, a word of
    both languages (DGT-TM SK-EN "... poskytne im príležitosť sa k daným plánom vyjadriť a"
    / "a Party may authorize exploratory fishing ...", the Slovak "and" and the English
    article, both leaning 0.17 to Slovak, had ended the Slovak: "... vyjadriť a a")."""
    m = _DOUBLED_END_RE.search(text, max(start, split - 60), split)
    if m is None or m.start() <= start or m.group(1).lower() != m.group(2).lower():
        return split
    return m.start(2)


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


def _sentence_end_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                       end: int) -> int:
    """``split``, or the end of side B's first sentence when that sentence ends side A:
    side A stops without a full stop where side B ends with one, and side B opens with a
    sentence of a few words that lean little ("... recommendations or joint | Communiqué.
    les questions ...", "... to the territory of | Côte d'Ivoire. L'accord ...", "... part
    | A. “Suisse UIR” ..."): a translation ends as its source does, and the word before
    the full stop was read as the other language's (a capital, an accent) or as
    nothing. Not a word alone when side A opens with a note's label: side B opens with its
    own ("Märkus: Leping ei hõlma avariikomplekti | Huom. Hätäpakkaus ei kuulu ...")."""
    text = parts.text
    before = text[max(0, split - 3):split].rstrip()
    if not before[-1:].isalnum() or not _SIDE_END_RE.search(text, max(split, end - 8), end):
        return split
    first = _FIRST_SENTENCE_RE.match(text, split, end)
    if first is None or len(first.group().split()) > END_SENTENCE_WORDS or (
            len(first.group().split()) == 1 and _NOTE_LABEL_RE.match(text, start)):
        return split
    headed = _HEADED_CODE_RE.match(text, split, min(end, split + 80))
    if headed and text[split].isupper() and headed.group(1)[0].isalnum():
        # a capitalised abbreviation heading a code ("Rez. MSC.81(70) a OMI"): its full
        # stop ends no sentence (DGT-TM BG-RO "Рез. MSC.81(70) на ММО и нейните изменения
        # | Rez. MSC.81(70) a OMI, astfel cum a fost modificată.", where "Rez." was given
        # to side A); an edition's "ed. (2010-11)" ends one ("... i am2 ed. | (2010-11)")
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


# A bracket side B would open with that ends a sentence: ")." and a capital after it.
_BRACKET_SENTENCE_RE = lazy_pattern(r"\(([^()\n]{1,200})\)[.!?]\s+(?=[^\W\d_])")


def _bracket_end_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                      end: int) -> int:
    """``split``, or the start of the sentence after it, when side B would open with words
    in brackets that end a sentence (") ... Šteje se") and lean little to side B's language
    (:data:`END_SENTENCE_LEAN`), side A ending without a full stop where side B ends with
    one: a title quoted in a third language ("... upozorenjima s mosta” (Adoption of
    performance standards for bridge alert management). | Šteje se, da ..."), which the
    word lists of neither language hold, closes side A's sentence."""
    text, pos = parts.text, parts.pos
    if (named := _bracketed_name_end(text, start, split, end)) is not None:
        return named
    bracket = _BRACKET_SENTENCE_RE.match(text, split, end)
    if (bracket is None or len(bracket.group(1).split()) < 2
            or _SIDE_END_RE.search(text, max(start, split - 8), split)
            or not _SIDE_END_RE.search(text, max(split, end - 8), end)):
        return split
    a, b = pos.searchsorted(split), pos.searchsorted(bracket.end())
    # (side A's language positive in the prefix of the winning order)
    if prefix[a] - prefix[b] <= END_SENTENCE_LEAN:
        return bracket.end()
    # or side B's own words, which side B quotes again: a title side A gives in side B's
    # language, one copy on each side (DGT-TM HR-EN "... s mosta” (Adoption of performance
    # standards for bridge alert management). | Resolution A.1021(26) ... and to
    # ‘Adoption of performance standards for bridge alert management’ respectively.")
    return bracket.end() if text.find(bracket.group(1), bracket.end(), end) >= 0 else split


# A name's capitalised words before a bracket, if any, the words in the bracket and the
# capital after them: "(Automatic Identification System) Universal", "Raster Chart Display
# System (RCDS) Electronic"
_BRACKETED_NAME_RE = lazy_pattern(r"((?:[^\W\d_][\w-]*[ \t\n]+){0,6})\(([^()\n]{1,200})\)"
                                  r"[ \t\n]+(?=[^\W\d_])")


def _bracketed_name_end(text: str, start: int, split: int, end: int) -> int | None:
    """Where side B opens after words in brackets it would open with, and the capitalised
    words before them, when a capital follows them and side B writes the same words again,
    in small letters or capitals: a name side A gives in side B's language after its own,
    one copy on each side (DGT-TM NL-EN "Universele AIS-apparatuur (Automatic
    Identification System) | Universal automatic identification system equipment (AIS)",
    DA-EN "... (ECDIS) med reserveanlæg, og Raster Chart Display System (RCDS) | Electronic
    chart display ... and raster chart display system (RCDS)", where the English name had
    opened side B). Else None."""
    bracket = _BRACKETED_NAME_RE.match(text, split, end)
    if (bracket is None or not text[bracket.end():bracket.end() + 1].isupper()
            or not all(w[:1].isupper() for w in bracket.group(1).split())
            or _SIDE_END_RE.search(text, max(start, split - 8), split)):
        return None
    words = WORD_RE.findall(text, split, bracket.end())
    if len(words) < 2:
        return None
    again = " ".join(WORD_RE.findall(text, bracket.end(), end)).lower()
    return bracket.end() if f" {' '.join(words).lower()} " in f" {again} " else None


SHORT_PAIR = 200  # characters: a heading, a signature, a name
NAMES_PAIR = 300  # characters, at most, of a pair whose names are split one on each side


SHARED_LAST_PAIR = 2 * SHORT_PAIR  # characters, at most, of a pair _shared_last_word moves


def _shared_last_word(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the next word when side B would open with the word the
    pair ends with ("En nombre de la Unión | Europea A nome dell'Unione europea"): in a
    short pair that word ends both sides, a cognate or a name the two languages share
    ("Reglamento Interno" / "regolamento interno", "Loran-C"), and leans too little to
    place the split."""
    if end - start > SHARED_LAST_PAIR:
        return split
    first = _FIRST_WORD_RE.match(text, split, end)
    tail = _last_word_in(text, split, end)
    if first is None or tail is None or tail.start() <= first.start():
        return split
    if first.group().lower() != tail.group().lower() or len(first.group()) < 3:
        return split
    if end - start > SHORT_PAIR and text[first.end():first.end() + 1] != ",":
        # a longer pair: only a word closing side A's clause ("... d'autre | part,
        # established under ... of the other part", DGT-TM FR-EN)
        return split
    after = _NEXT_WORD_RE.search(text, first.end(), end)
    if after is None or after.start() >= tail.start():
        return split
    return after.start()


def _clause_word_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                      end: int) -> int:
    """``split``, or the start of the word after side B's first word when that word, in
    small letters, closes a clause with a comma and leans a hair either way (a word both
    languages write), side A ends with no mark, and the word after the comma leans clearly
    to side B's language: side A's clause ends there, as "... d'autre | part, established
    ..." of :func:`_shared_last_word` where the pair does not end with the word (DGT-TM
    RO-IT "... pe de altă | parte, istituito dall'accordo ... dall'altra", on the other
    hand: "parte" leans 0.25 to Italian). Not in a pair longer than
    :data:`SHARED_LAST_PAIR`."""
    text, pos = parts.text, parts.pos
    if end - start > SHARED_LAST_PAIR or _after_mark(text, split):
        return split
    first = _FIRST_WORD_RE.match(text, split, end)
    if first is None or not first.group().islower() or \
            text[first.end():first.end() + 1] != ",":
        return split
    after = _NEXT_WORD_RE.search(text, first.end(), end)
    if after is None or not text[after.start()].islower():
        return split
    a = int(pos.searchsorted(first.start()))
    if a + 2 >= len(prefix) or pos[a] != first.start() or int(pos[a + 1]) != after.start():
        return split
    if not 0 < abs(prefix[a + 1] - prefix[a]) < HAIR_LEAN \
            or prefix[a + 1] - prefix[a + 2] < OWN_WORD_LEAN:
        return split
    return after.start()


FUNCTION_WORD_ZIPF = 7.0  # side B's language writes a function word ("to", "a", "per") this often
SHARED_WORD_LEAN = 0.5  # a word both languages write leans less than this either way


def _shared_word_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                      end: int, side_a: str = "", side_b: str = "") -> int:
    """``split``, or the start of side B's second word when side B would open with a word in
    small letters both languages write often (:data:`COGNATE_OWN_ZIPF`) and about as often
    (:data:`SHARED_WORD_LEAN`), then a function word of side B's language in small letters
    leaning clearly to it, after a word leaning clearly to side A's and no mark: a
    paragraph opening in small letters opens with its function word, seldom with a word
    before it, and the shared word ends side A (DGT-TM ES-EN "... en el Océano Ártico |
    central to prevent unregulated ...", for "... Ártico central | to prevent"; DA-EN "...
    nationale videnskabelige | program a Party may ..."; RO-IT "pentru colaci de | salvare
    per salvagenti anulari"). Not a word side B's language writes far more often (HU-DE
    "... illetve | auf der letzten Tagung": German "auf", Zipf 3.2 in Hungarian, 6.9 in
    German)."""
    text, pos = parts.text, parts.pos
    if not side_a or not side_b or _after_mark(text, split):
        return split
    first = _FIRST_WORD_RE.match(text, split, end)
    if first is None or not first.group().isalpha() or not first.group().islower() \
            or not text[first.end():first.end() + 1].isspace():
        return split
    if min(zipf(first.group(), side_a), zipf(first.group(), side_b)) < COGNATE_OWN_ZIPF:
        return split
    after = _FIRST_WORD_RE.match(text, first.end() + 1, end)
    if after is None or not after.group().islower() \
            or zipf(after.group(), side_b) < FUNCTION_WORD_ZIPF:
        return split
    a = int(pos.searchsorted(first.start()))
    if not 1 <= a < len(prefix) - 2 or pos[a] != first.start() \
            or int(pos[a + 1]) != after.start():
        return split
    if abs(prefix[a + 1] - prefix[a]) >= SHARED_WORD_LEAN or prefix[a] - prefix[a - 1] < \
            OWN_WORD_LEAN or prefix[a + 1] - prefix[a + 2] < OWN_WORD_LEAN:
        return split
    return after.start()


def _shared_first_word(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                       split: int, end: int = -1) -> int:
    """``split``, or the start of side A's last word when that word is the one side A opens
    with, a word both languages write ("SOM ERINRAR om ... bland annat de som ingår i som |
    minder om ...", for "... ingår i | som minder om"): a translation opens as its source
    does, and a word leaning a hair either way is no evidence of the side it went to. In a
    short pair (ending at ``end``) a capitalised word written alike as both openings may
    lean more, as one language's word list lacks it: DGT-TM CS-SK "Radarové zařízení CAT 1
    Radarové | zariadenie CAT 1" (Czech 3.0, in no Slovak list), for "Radarové zařízení
    CAT 1 | Radarové zariadenie CAT 1"; a side seldom ends with the word it opened with,
    written with its capital."""
    text, pos = parts.text, parts.pos
    first = _FIRST_WORD_RE.match(text, start, split)
    # (searched for in the side's last characters: over the whole side, a long word is
    # tried from each of its letters, and a line of 300,000 letters never ends)
    lo = max(start, split - 60)
    last = _last_word_in(text, lo, split)
    if (first is None or last is None or last.start() <= first.start()
            or last.start() == lo > start and text[lo - 1].isalnum()
            or last.group().lower() != first.group().lower()
            or not text[last.end():split].isspace()):
        return split
    at = int(pos.searchsorted(last.start()))
    if at >= len(pos) or pos[at] != last.start():
        return split
    lean = abs(prefix[at + 1] - prefix[at])
    if 0 < lean < HAIR_LEAN:
        return last.start()
    opening = (0 <= end - start <= SHORT_PAIR and last.group() == first.group()
               and last.group()[:1].isupper() and len(last.group()) >= OPENING_WORD_MIN)
    return last.start() if opening and lean > 0 else split


OPENING_WORD_MIN = 4  # letters of a capitalised word both sides open with, at least
PREPOSITION_REACH = 3  # words a side ending with a preposition may take to a mark


def _preposition_end_to_b(parts: _SegmentalParts, prefix: np.ndarray, start: int,
                          split: int, end: int, langs: tuple[str, ...]) -> int:
    """``split``, or the end of side B's first words up to a comma or a semicolon, when side
    A would end with a preposition (:func:`_prepositions`) and those words lean no way, no
    list holding them or both languages writing them ("... na popis u | Sektorskom prilogu,
    ob upoštevanju ..." for "... na popis u Sektorskom prilogu, | ob upoštevanju"): no
    clause ends with a preposition, and an inflected name's capital had opened side B."""
    text, pos = parts.text, parts.pos
    prepositions = _prepositions(langs)
    last = _last_word_in(text, max(start, split - 40), split)
    if (not prepositions or last is None or last.group() not in prepositions
            or not text[last.end():split].isspace()):
        return split
    a = int(pos.searchsorted(split))
    for b in range(a + 1, min(a + PREPOSITION_REACH, len(pos) - 1) + 1):
        cut = int(pos[b])
        if cut >= end or abs(prefix[b] - prefix[b - 1]) >= HAIR_LEAN:
            return split
        if text[int(pos[b - 1]):cut].rstrip()[-1:] in ",;":
            return gap_cut(text, cut)
    return split


# The words side B's opening is searched for the word the pair ends with: the words before
# it (two at most) go to side A with it (:func:`_last_word_to_a`).
LAST_WORD_REACH = 3


def _last_word_to_a(parts: _SegmentalParts, prefix: np.ndarray, start: int, split: int,
                    end: int) -> int:
    """``split``, or the start of the word after the word the pair ends with when side B
    would open with a word or two and then that word ("... moru u središnjem | Arktičkom
    oceanu za preprečevanje ... v osrednjem Arktičnem oceanu"): in a short pair both sides
    end with it, and the words before it (a name's inflected form no list holds, a word of
    both languages) lean no way to side B's language; the capital of the name had opened
    side B."""
    text, pos = parts.text, parts.pos
    if end - start > SHORT_PAIR:
        return split
    tail = _last_word_in(text, split, end)
    if tail is None or len(tail.group()) < 3:
        return split
    at = split
    for _ in range(LAST_WORD_REACH):
        word = _FIRST_WORD_RE.match(text, at, end)
        if word is None or not text[word.end():word.end() + 1].isspace():
            return split  # side B opens with a mark or a number: not a word alone
        after = _NEXT_WORD_RE.search(text, word.end(), end)
        if after is None or after.start() >= tail.start():
            return split
        if word.start() > split and word.group().lower() == tail.group().lower():
            # the words moved lean to side B's language by -(prefix[b] - prefix[a]) (side
            # A's positive in the prefix of the winning order): a hair at most
            a, b = pos.searchsorted(split), pos.searchsorted(after.start())
            return after.start() if prefix[a] - prefix[b] < HAIR_LEAN else split
        at = after.start()
    return split


# An acronym in capitals, as a chunk ("EU", "EÚ", "SADC", "UPG"), with punctuation around it
# ("EU:", "(AIS)"): no word of either language, scored 0.
_ACRONYM_CHUNK_RE = lazy_pattern(r"[(\[]?([^\W\d_]{2,5})[)\]]?[,.;:]?")
CODES_REACH = 2  # acronyms side B may open with that go to side A


# An elided article before a word: "dell'", "l'", "d’".
_ELIDED_RE = lazy_pattern(r"^[^\W\d_]{1,5}['’](?=[^\W\d_])")


def _acronym(chunk: str) -> bool:
    m = _ACRONYM_CHUNK_RE.fullmatch(chunk)
    return m is not None and m.group(1).isupper() and ROMAN_RE.fullmatch(m.group(1)) is None


def _twin_acronyms(first: str, second: str) -> bool:
    """Whether two acronyms are one name's in two languages: the same without accents, or
    one the other cut short ("EÚ" / "EU", "USA" / "US")."""
    a, b = (unaccented(_ALNUM_EDGES_RE.sub("", chunk)) for chunk in (first, second))
    return first != second and (a.startswith(b) or b.startswith(a))


def _twin_acronym_to_a(text: str, split: int, end: int) -> int:
    """``split``, or the start of side B's second chunk when side B would open with two
    acronyms of one name, each language's (:func:`_twin_acronyms`), before a word: one on
    each side, side A ending with its own (DGT-TM SK-EN "Technické predpisy a usmernenia
    týkajúce sa schvaľovania | USA US technical regulations and approval guidance", for
    "... schvaľovania USA | US technical ..."; an acronym leans to no language)."""
    after = _CHUNK_RE.findall(text, split, min(end, split + 80))
    if len(after) < 3 or not (_acronym(after[0]) and _acronym(after[1])) \
            or _acronym(after[2]) or not _twin_acronyms(after[0], after[1]):
        return split
    return text.index(after[1], split + len(after[0]))


_LEADING_DIGITS_RE = lazy_pattern(r"\d+")


OWN_ACRONYM_CHUNKS = 4  # chunks of side A's opening searched for an acronym and its code


def _own_acronym_to_b(text: str, start: int, split: int) -> int:
    """``split``, or the start of the acronym just before it when side A opens with
    another acronym heading a number (in its first :data:`OWN_ACRONYM_CHUNKS` chunks) and
    side B opens with that number: each language heads the code with its own acronym
    (DGT-TM FR-NL "CEI 61162-1:2016 – Partie 1: ... IEC | 61162- 1 (2016) — Deel 1: ...",
    "La série CEI 61162 porte sur ... IEC | 61162 heeft betrekking ...", for "... | IEC
    61162- 1 (2016) ..."; the acronyms lean to no language, and the numbers' balance
    placed the cut)."""
    opening = _CHUNK_RE.findall(text, start, min(split, start + 80))[:OWN_ACRONYM_CHUNKS + 1]
    before = _chunk_before(text, start, split)
    at = _LEADING_DIGITS_RE.match(text, split)
    if at is None or before[0] <= start or not _acronym(other := text[before[0]:before[1]]):
        return split
    for own, code in zip(opening, opening[1:], strict=False):
        number = _LEADING_DIGITS_RE.match(code)
        if _acronym(own) and number is not None:
            return before[0] if own != other and number.group() == at.group() else split
    return split


# An acronym standing alone inside a text ("l'OMI,", "IMO"), not part of a code
# ("MSC.81(70)", "Res.MSC").
_LONE_ACRONYM_RE = lazy_pattern(r"(?<![\w.])[A-Z]{2,5}(?![\w.(])")


def _acronym_before_code_to_b(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the acronym just before it when side B opens with the
    code side A's opening holds, an abbreviation glued to it ("Res.MSC.81(70)" for "Rés.
    MSC.81(70)") or side A's abbreviation before it ("Res. A.658(16)" for "Rés.
    A.658(16)"), side A holds an acronym of its own besides and side B none but those side
    A holds: the acronym is side B's, heading its code (DGT-TM FR-NL "Rés. MSC.81(70) de
    l'OMI, telle que modifiée IMO | Res.MSC.81(70), zoals gewijzigd", for "... modifiée |
    IMO Res.MSC.81(70) ..."; FR-ES "Rés. A.658(16) de l'OMI IMO | Res. A.658(16) de la
    OMI", each naming the body alike after the code; the acronyms lean to no language)."""
    before = _chunk_before(text, start, split)
    if before[0] <= start or not _acronym(other := text[before[0]:before[1]]):
        return split
    first = _CHUNK_RE.match(text, split, end)
    if first is None:
        return split
    opening = _CHUNK_RE.findall(text, start, min(before[0], start + 80))[:OWN_ACRONYM_CHUNKS]
    if not any(ch.isdigit() for ch in first.group()):
        # side A's abbreviation, then the code it heads in side A
        headed = _CHUNK_RE.search(text, first.end(), end)
        if not _same_head(first.group(), opening) or headed is None \
                or headed.group() not in opening[1:2] \
                or not any(ch.isdigit() for ch in headed.group()):
            return split
    else:
        code = first.group().rstrip(",;:")
        if not any(c.rstrip(",;:") != code and code.endswith(c.rstrip(",;:"))
                   and any(ch.isdigit() for ch in c) for c in opening):
            return split
    own = {m.group() for m in _LONE_ACRONYM_RE.finditer(text, start, before[0])} - {other}
    if not own or not {m.group() for m in _LONE_ACRONYM_RE.finditer(text, split, end)} <= own:
        return split
    return before[0]


def _same_head(chunk: str, opening: list[str]) -> bool:
    """Whether ``chunk`` is the abbreviation side A opens with (``opening``, its chunks), but
    for accents: "Res." for "Rés."."""
    return bool(opening) and _REFERENCE_HEAD_RE.fullmatch(chunk) is not None \
        and unaccented(chunk).lower() == unaccented(opening[0]).lower()


def _codes_end_to_a(text: str, start: int, split: int, end: int) -> int:
    """``split``, or the start of the word after the acronyms side B would open with, when
    side A would then end with as many acronyms as side B ends with ("... ustanovenia EÚ |
    Právní a správní předpisy EU:", "... państw SADC UPG | zástupce států SADC EPA"): a
    translation keeps the codes its source ends with at its end. An acronym leans to no
    language, and the capital it opens with had opened side B. In a pair of a heading's
    or a note's length (:data:`SHARED_LAST_PAIR`: DGT-TM RO-IT "Notă: ... omologării USCG
    în temeiul | ARR Nota: l'uso ... ai sensi dell'ARR", PT-EN "... no âmbito do | ARM
    Note: ... under the MRA"), written in small letters only: in a heading in capitals
    every short word reads as an acronym. Either side's last acronym may follow an elided
    article ("dell'ARR"; side A's too: DGT-TM FR-ES "Circulaire MSC/Circ.811 de l'OMI |
    MSC Circ. 811 de la OMI" ends with one acronym on each side, where side A, read as
    ending with none, was given "MSC")."""
    if end - start > SHARED_LAST_PAIR:
        return split
    a_chunks = text[start:split].split()
    b_chunks = text[split:end].split()
    opening = 0
    while opening < min(CODES_REACH, len(b_chunks) - 1) and _acronym(b_chunks[opening]):
        opening += 1
    ending = 0
    while ending < len(a_chunks) - 1 and _acronym(_ELIDED_RE.sub("", a_chunks[-1 - ending])):
        ending += 1
    if not opening or not a_chunks or not any(c.islower() for c in a_chunks[-1 - ending]):
        return split
    after = b_chunks[opening]
    if not after[:1].isalpha() or not any(c.islower() for c in after):
        return split  # side B goes on with a word, written in small letters
    closing = 0
    while closing < len(b_chunks) - opening - 1 and _acronym(
            _ELIDED_RE.sub("", b_chunks[-1 - closing])):
        closing += 1
    if ending + opening != closing:
        return split
    return text.index(after, split)


_FIRST_WORD_RE = lazy_pattern(r"[^\W\d_][\w-]*")
_LAST_WORD_RE = lazy_pattern(r"[^\W\d_][\w-]*(?=[\W_]*$)")


def _last_word_in(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last word of ``text[lo:hi]``: ``_LAST_WORD_RE.search(text, lo, hi)``, the same
    match, asked only of the run of word characters and hyphens that holds the window's
    last letter or digit (no match can start before it). Tried at every letter of a window
    of 40 to 60 characters, for each split weighed, the search was 3 % of an unnumbered
    build."""
    at = hi
    while at > lo and not text[at - 1].isalnum():
        at -= 1
    while at > lo and (text[at - 1].isalnum() or text[at - 1] in "_-"):
        at -= 1
    return _LAST_WORD_RE.search(text, at, hi)
_NEXT_WORD_RE = lazy_pattern(r"(?<=\s)\S")


NUMBER_IMBALANCE_COST = 1.5  # per number on one side and not the other


REPEAT_BONUS = 4.0  # side B opening with the words (or only codes) side A opened with,
# or side A ending with the codes or numbers side B ends with
REPEAT_MIN_CHARS = 12
_CHUNK_RE = lazy_pattern(r"\S+")


def _refine_split(parts: _SegmentalParts, prefix: np.ndarray, i: int, j: int,
                  k: int, side_a: str = "", langs: tuple[str, ...] = ()) -> int:
    """Where side B starts in the pair between pair starts ``i`` and ``j`` (its split token
    ``k`` as the search chose it), chosen again with what the words barely tell (codes,
    names, numbers, all-capital headings):

    * side B may start a few chunks before a word, at numbers or codes ("... 165. | 46 CFR
      Parts"): the word scores cannot place what has no word;
    * the numbers it holds: a translation repeats the numbers of its source ("MSC.36(63)
      ... 1994) 8"), so the split leaving the same numbers on both sides is the likeliest;
      its brackets too ("svetlice (pyrotechnické) | světlice (pyrotechnika)");
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
    found = written_numbers(text, s_off, e_off)
    labels = _hyphen_labels(text, s_off, e_off)
    if len(labels) >= 2:
        found = sorted(found + labels)
    opening, closing = _neutral_edges(text, s_off, e_off, pos, prefix)
    long_opening = text[s_off:s_off + REPEAT_MIN_CHARS]
    if len(long_opening) < REPEAT_MIN_CHARS or text.find(long_opening, s_off + 1, e_off) < 0:
        long_opening = ""
    ti, tj = int(parts.tok_index[i]), int(parts.tok_index[j])
    lo, hi = np.searchsorted(parts.plausible, [ti + 1, tj])
    ks = parts.plausible[lo:hi]
    if closing and (after := _after_closing(text, s_off, e_off, closing, pos, prefix, ti, tj)):
        ks = np.union1d(ks, np.asarray(after, dtype=ks.dtype))
    names = (_shared_names(text, pos, prefix, ti, tj, langs) if e_off - s_off <= NAMES_PAIR
             else [])
    names += _shared_quotations(text, pos, prefix, s_off, e_off)
    titles = [copies for copies in _kept_titles(text, s_off, e_off)
              if copies[0][0] not in {first for first, _ in names}]
    if kept := _names_kept_in_brackets(text, s_off, e_off):
        # (a kept name's words, each twice, are its copies', not names of their own)
        names = [name for name in names if not any(a <= name[0] < b for (a, b), _ in kept)]
        titles += kept
    # a short pair is chosen again at white space, not at word starts: an opening quote
    # counts for the side it opens ("... κλάσεως «A», | ‘A’ class divisions,")
    if (len(found) < 2 and not opening and not closing and not long_opening
            and not names and not titles and e_off - s_off > SHORT_PAIR) or not len(ks):
        return gap_cut(text, int(pos[k]))
    # every plausible word start, and the chunks of digits just before it
    # (at the white space before it: a bracket or a quote opening side B goes with it)
    cut = np.asarray([gap_cut(text, p) for p in pos[ks].tolist()])
    owner = ks
    shift = np.zeros(len(ks))
    if found:
        extra = [(at, token, word) for token, word in zip(ks.tolist(), cut.tolist(),
                                                          strict=True)
                 if not text[word - 2:word - 1].isalpha()  # the common case: a word before
                 for at in _bare_chunks_before(text, s_off, word)
                 if text[at - 1] not in NO_BREAK_SPACES]  # "10\xa0000" is one number
        if extra:
            cut = np.concatenate((cut, [at for at, _, _ in extra]))
            owner = np.concatenate((ks, [token for _, token, _ in extra]))
            # the word's prior was for the word: a sentence end before the chunk counts
            # here instead ("... 165. | 46 CFR"); an abbreviation's full stop is none
            # ("Rozhodnutí č. 1/2018 Smíšeného": side B does not open with "1/2018")
            shift = np.concatenate((shift, [
                2.0 * ((_ends_sentence(text, at) and not _after_abbreviation(text, s_off, at))
                       - _ends_sentence(text, word))
                # nor does a no-break space after the chunk ("... „konventsioon“); | 10\xa0
                # päivänä"): the word's prior counted it against a split before the word
                - NO_BREAK_PRIOR * (text[word - 1] in NO_BREAK_SPACES)
                for at, _, word in extra]))
    vals = _split_scores(prefix, parts.prior, owner, ti, tj, s_off, e_off, cut)
    vals = vals + shift
    # a cut between an abbreviation and the code it heads splits the reference: "...
    # modificată. Circ. | 1456/MSC.1 IMO", where the prior saw a sentence end
    vals = vals - SENTENCE_END_PRIOR * np.asarray([_abbreviation_goes_on(text, s_off, c)
                                                   for c in cut.tolist()])
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
    vals = vals - NUMBER_IMBALANCE_COST * _bracket_imbalance(text, s_off, e_off, cut)
    if len(closing) == 1 and closing.isupper():
        # a label both sides end with ("(kodeks LSA) I | rez. IMO ... (předpis LSA) I") is
        # one on each side, as a number is: its word's lean ("i", Polish "and") and the
        # bracket's sentence end had given both to side B
        labels = np.asarray([m.start() for m in _CHUNK_RE.finditer(text, s_off, e_off)
                             if _ALNUM_EDGES_RE.sub("", m.group()) == closing])
        if len(labels) == 2:
            before = (labels[None, :] < cut[:, None]).sum(axis=1)
            vals = vals - NUMBER_IMBALANCE_COST * np.abs(2 * before - 2)
    for first, second in names:
        # one on each side: 0; both on one side: one number's imbalance
        vals = vals - NUMBER_IMBALANCE_COST * 2 * ((cut > first) == (cut > second))
        vals = vals - _name_lean(pos, prefix, (first, second), cut)
    for copies in titles:
        # one copy on each side, as a name's, and the words of neither any evidence
        vals = vals - NUMBER_IMBALANCE_COST * 2 * ((cut > copies[0][0]) == (cut > copies[1][0]))
        vals = vals - _span_lean(pos, prefix, copies, cut)
    cuts = cut.tolist()
    repeats = _repeats(text, s_off, e_off, opening, pos, prefix, langs) if opening else []
    heads = _translated_heads(text, s_off, e_off, pos, prefix)
    repeats += heads
    for index, c in enumerate(cuts if long_opening or repeats or closing else ()):
        if long_opening and text.startswith(long_opening, c) and not _own_word_repeated(
                text, s_off, c, _common_prefix(text, s_off, c, e_off), pos, prefix) \
                and not _goes_on_in_a(text, pos, prefix, c, e_off):
            # A split where side B repeats side A's opening: the repeated words are a
            # name, no evidence of either language (where a split after the repeat would
            # count them twice for side A), and the repeat itself is evidence of the split.
            same = _common_prefix(text, s_off, c, e_off)
            last = int(np.searchsorted(pos, c + same))
            name = prefix[last] - prefix[owner[index]]
            # (or where the acronyms before the repeat start: side B opens with them)
            before = _acronyms_before(text, s_off, c, e_off, pos, prefix)
            shifted = cuts.index(before) if before in cuts else index
            vals[shifted] += 2 * abs(name) + REPEAT_BONUS
        elif any(a <= c <= b for a, b in repeats):
            vals[index] += REPEAT_BONUS
        # (not where side A ends so only by giving side B a bracketed reference of its own:
        # "... přílohy I, II a III | [2019/996] o vzájemném ... přílohy I, II a III")
        # (not where side B opens with its own abbreviation of the code side A opens with:
        # side A then ends as its language places the body, "Rez. MSC.302(87) a OMI | Res.
        # IMO MSC.302(87)", DGT-TM RO-PT, where the code both end with gave side B "a OMI")
        if closing and not heads and _ends_with(text, s_off, c, closing) \
                and not _lone_bracketed_code(text, s_off, c, e_off) \
                and not _own_word_after(pos, prefix, c, int(pos[k])) \
                and not _opens_small(text, s_off, c, int(pos[k])) \
                and not _number_before_word(text, c, closing, side_a):
            vals[index] += REPEAT_BONUS
            if len(closing) == 1 and closing.isupper():
                # a label ("A", "I"): no evidence of a language, where its score as the
                # word it spells counted against leaving it on side A
                label = int(np.searchsorted(pos, c)) - 1
                vals[index] += 2 * abs(prefix[label + 1] - prefix[label])
    return cuts[int(np.argmax(vals))]


# A capital alone before a hyphen, the first part of a compound: "A- ja B-klassi"; or
# after a word's hyphen, its last part, after a space ("Loran- C") or not ("Loran-C",
# "LORAN-C-Ausrüstung").
# (Each alternative after a capital: tried at every character, their look-behinds made
# this search 3 % of an unnumbered build.)
_HYPHEN_LABEL_RE = lazy_pattern(
    r"(?=[A-Z])(?:(?<![\w.-])([A-Z])-(?=[\s,]|[^\W\d_])|(?<=[^\W\d_]- )([A-Z])(?![\w-])"
    r"|(?<=[^\W\d_]-)([A-Z])(?!\w))")


def _hyphen_labels(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The capitals a pair holds as a compound's first part ("A- ja B-klassi vaheseinad" /
    "A- ja B-luokan rajapinnat") or, after a hyphen and a space, its last ("Equipamento
    Loran- C" / "Loran- C equipment", DGT-TM PT-EN): labels, kept by a translation as its
    numbers, one of each on each side (where "A- ja", leaning no way, was taken as side
    A's end, and "C" as side B's first word: "Equipamento Loran- | C Loran- C
    equipment"). A translation may write the label glued to its hyphen (PT-FR
    "Equipamento Loran- C" / "Équipement Loran-C"): one label on each side still."""
    return [(m.start(), m.group(1) or m.group(2) or m.group(3))
            for m in _HYPHEN_LABEL_RE.finditer(text, start, end)]


def _own_word_repeated(text: str, start: int, at: int, same: int, pos: np.ndarray,
                       prefix: np.ndarray) -> bool:
    """Whether the repeat of side A's opening at ``at`` (``same`` characters alike) is one
    word leaning clearly to side A's language (:data:`OWN_WORD_LEAN`) after a word of side
    A's own, not its first, in one phrase: side A names a thing twice ("mentőcsónakokhoz
    és készenléti mentőcsónakokhoz | Rettungsboote und Bereitschaftsboote,", lifeboats and
    rescue boats). A name kept in the translation follows side A's name itself or a mark
    ("Kommunikationsministeriet | Kommunikationsministeriet (Ministeriet for transport og
    kommunikation)", "Bundesministerium für Verkehr ... (Közlekedési ...) |
    Bundesministerium für Verkehr ...")."""
    if len(text[at:at + same].split()) != 1:
        return False
    a = int(pos.searchsorted(at))
    first = int(pos.searchsorted(start))
    if a - 1 <= first or a + 1 >= len(prefix):
        return False
    before = int(pos[a - 1])
    joined = re.fullmatch(r"[^\W\d_]+\s+", text[before:at]) is not None
    return (joined and prefix[a + 1] - prefix[a] >= OWN_WORD_LEAN
            and prefix[a] - prefix[a - 1] >= OWN_WORD_LEAN)


def _acronyms_before(text: str, start: int, cut: int, end: int, pos: np.ndarray,
                     prefix: np.ndarray) -> int:
    """Where the acronyms just before ``cut`` start (at most :data:`CODES_REACH` of them,
    leaning to neither language, after a chunk of side A's), when side B, from ``cut`` to
    ``end``, repeats side A's opening and ends with no acronym; else ``cut``. (Side A's own
    acronym leans to it by its script: Bulgarian "ММО".) A translation that names the body
    before a code its source names first opens with the body's acronym: DGT-TM BG-EN
    "MSC.1/Circ.1419 на ММО | IMO MSC.1/Circ.1419", RO-EN "MSC.1 Circ.1456 a OMI, astfel cum
    a fost modificată. | IMO MSC.1 Circ.1456, as amended". The repeat alone had side B
    open with the code, and "IMO" was offered as the end of the Bulgarian."""
    chunks = list(_CHUNK_RE.finditer(text, start, cut))
    b_chunks = text[cut:end].split()
    if not b_chunks or _acronym(b_chunks[-1]):
        return cut
    n = 0
    while n < min(CODES_REACH, len(chunks) - 1) and _acronym(chunks[-1 - n].group()) \
            and not _leans(pos, prefix, chunks[-1 - n].start(), chunks[-1 - n].end()):
        n += 1
    if not n:
        return cut
    return chunks[-n].start()


_REPEAT_SENTENCE_END_RE = lazy_pattern(r"[.;](?=\s)")


def _goes_on_in_a(text: str, pos: np.ndarray, prefix: np.ndarray, at: int, end: int
                  ) -> bool:
    """Whether the sentence from a repeat of side A's opening (at ``at``) to its end holds
    words of side A's language (:data:`REPEAT_A_LEAN` in all) and none of side B's, before
    more text up to ``end``: side A names itself again, and side B does not open there
    (DGT-TM LT-EN "Prekybos ir vystymosi komiteto sekretoriato ... pirmininkaujanti
    Prekybos ir vystymosi komiteto posėdžiui. | The Party chairing ...", split before the
    second "Prekybos"). A code repeated leans to neither language ("Rés. MSC.36(63)"), and
    side B quoting side A's name goes on in its own language ("Ministeru ...
    Kapitali/Ministero dei Trasporti")."""
    import numpy as np

    m = _REPEAT_SENTENCE_END_RE.search(text, at, end)
    if m is None or not text[m.end():end].strip():
        return False
    lo, hi = pos.searchsorted(at), pos.searchsorted(m.end())
    leans = np.diff(prefix[lo:hi + 1])
    return bool((leans > -HAIR_LEAN).all()) and float(leans.sum()) >= REPEAT_A_LEAN


REPEAT_A_LEAN = 6.0  # two words of side A's language, in the sentence a repeat opens


def _own_word_after(pos: np.ndarray, prefix: np.ndarray, cut: int, split: int) -> bool:
    """Whether a word between ``cut`` and the search's ``split`` after it leans clearly to
    side A's language (positive in ``prefix``; :data:`OWN_WORD_LEAN`): side A goes on
    after the code its translation ends with ("... AVSES I ARTIKEL 94 I AVTALET" / "... I
    AFTALENS ARTIKEL 94"), and the code is no end of it."""
    a, b = int(pos.searchsorted(cut)), int(pos.searchsorted(split))
    return any(prefix[t + 1] - prefix[t] >= OWN_WORD_LEAN for t in range(a, b))


OWN_WORD_LEAN = 1.0  # a word alone leaning this far is its language's (a heading's: 1.5)


_LETTER_RE = lazy_pattern(r"[^\W\d_]")


def _opens_small(text: str, start: int, cut: int, split: int) -> bool:
    """Whether side B would open at ``cut`` with a small letter where side A and the
    search's side B (at ``split``, after ``cut``) open with a capital: a translation opens
    as its source does, and the words before ``split`` are side A's last ones ("Riż.
    MSC.116(73) tal-OMI | IMO Res. MSC.116(73)": Maltese "tal", "of the", leans by its
    n-grams only a little to Maltese, and the code both sides end with had taken the
    split before it)."""
    letters = [_LETTER_RE.search(text, at, at + 40) for at in (start, cut, split)]
    if any(m is None for m in letters):
        return False
    first, moved, searched = (m.group() for m in letters)  # type: ignore[union-attr]
    return cut < split and first.isupper() and searched.isupper() and moved.islower()


_NUMBER_END_RE = lazy_pattern(r"\d(\.?)\s+$")


def _number_before_word(text: str, cut: int, closing: str, side_a: str) -> bool:
    """Whether side A would end at ``cut`` with the number ``closing`` where a small
    letter follows it, the number bare or its dot an ordinal's (``side_a`` writing
    ordinals so): the number heads the words after it, and its side goes on ("...
    különösen annak 7. | cikkére, gestützt auf ... insbesondere auf Artikel 7,", "... és
    104 | cikkére,"; Hungarian writes the number before "cikk", article, German after
    "Artikel"). A code both sides end with ("MED") is the same in every language; a
    number is placed as each language places it. A full stop ends a sentence: "...
    artiklarna 94, 100, 103 och 104. | under henvisning til ... 103, og 104 —"."""
    if not closing[-1:].isdigit() or not text[cut:cut + 1].islower():
        return False
    m = _NUMBER_END_RE.search(text, max(0, cut - 8), cut)
    return m is not None and (not m.group(1) or side_a in ORDINAL_DOT_LANGUAGES)


def _opens_own_word(pos: np.ndarray, prefix: np.ndarray, cut: int) -> bool:
    """Whether the word at ``cut`` leans clearly to side B's language (negative in
    ``prefix``; :data:`OWN_WORD_LEAN`)."""
    t = int(pos.searchsorted(cut))
    return t + 1 < len(prefix) and prefix[t] - prefix[t + 1] >= OWN_WORD_LEAN


# What may follow the chunks a side ends with; not a full stop, which after a number is an
# ordinal's heading the word after it (HR-SL "... s člankom 13. stavkom 2.;").
_GAP_MARKS = ")]\"'”’»,;:"


def _after_closing(text: str, start: int, end: int, closing: str, pos: np.ndarray,
                   prefix: np.ndarray, ti: int, tj: int) -> list[int]:
    """The tokens, between ``ti`` and ``tj``, of the words of side B's language just after
    a copy of ``closing`` (the chunks the pair ends with) before the pair's end, tried
    as splits: a translation ends as its source does, and side B may open there in small
    letters, where no turn of language marks a place to try (DGT-TM DE-PL
    "IMO-Entschließung MSC.36(63)- (1994 HSC-Code) 8 | rezolucja IMO MSC.36(63)- (kodeks
    HSC 1994) 8": the codes before "rezolucja" lean no way, and "Code" too little; side B
    opened at "IMO", the Polish "rezolucja" offered as the German's last word). The
    words' scores weigh the split there as any other."""
    out = []
    at = text.find(closing, start, end)
    while 0 <= at < end:
        after = at + len(closing)
        word = _FIRST_WORD_RE.search(text, after, min(end, after + 8))
        gap = text[after:word.start()] if word is not None else ""
        if word is not None and gap[-1:].isspace() and not gap.strip().strip(_GAP_MARKS) \
                and _ends_with(text, start, gap_cut(text, word.start()), closing):
            t = int(pos.searchsorted(word.start()))
            if ti < t < tj and pos[t] == word.start() and _opens_own_word(pos, prefix,
                                                                          word.start()):
                out.append(t)
        at = text.find(closing, after, end)
    return out


_BRACKET_RE = lazy_pattern(r"[()\[\]]")
_CLOSING_BRACKET = {")": "(", "]": "["}


# A code in brackets, digits in it and no white space: "[2019/996]", "(2)".
_BRACKETED_CODE_RE = lazy_pattern(r"[(\[][^\s()\[\]]*\d[^\s()\[\]]*[)\]](?=\s)")


def _lone_bracketed_code(text: str, start: int, cut: int, end: int) -> bool:
    """Whether side B would open at ``cut`` with a code in brackets the pair between
    ``start`` and ``end`` holds once: a reference a title ends with ("... přílohy I, II a III
    [2019/996]"), which side A ending with the code side B ends with ("III") had cut off
    and given to side B. A side opening with a code its translation repeats ("(1)") holds
    it twice."""
    m = _BRACKETED_CODE_RE.match(text, cut, end)
    return m is not None and text.find(m.group(), start, end) == cut and text.find(
        m.group(), m.end(), end) < 0


def _bracket_imbalance(text: str, start: int, end: int, cut: np.ndarray) -> np.ndarray:
    """For each split ``cut`` of the pair between offsets ``start`` and ``end``: how far its
    bracketed groups are from as many on each side, and how many it cuts through (opened
    on side A, closed on side B). A translation keeps its source's brackets as it keeps its
    numbers ("Padáčikové svetlice (pyrotechnické) | Raketové padáčkové světlice
    (pyrotechnika)", where the Slovak group had gone to the Czech side); a group matched
    within the pair and cut in two says the split is in the wrong place. A closing bracket
    that none opens is a group of its own: a label as Italian writes one, where Maltese
    writes it in brackets ("paragrafu 1 (c) (ii). | ... paragrafo 1, lettera c) ii)."),
    else the Maltese groups balance only with the last given to the Italian side."""
    import numpy as np

    groups: list[tuple[int, int]] = []  # (opening, closing) offsets, closing -1 if none
    open_at: list[tuple[str, int]] = []
    lone: list[int] = []  # closing brackets that none opens ("c)")
    for m in _BRACKET_RE.finditer(text, start, end):
        mark = m.group()
        if mark in "([":
            open_at.append((mark, len(groups)))
            groups.append((m.start(), -1))
        elif open_at and open_at[-1][0] == _CLOSING_BRACKET[mark]:
            index = open_at.pop()[1]
            groups[index] = (groups[index][0], m.start())
        elif not open_at:
            lone.append(m.start())
    if not groups and not lone:
        return np.zeros(len(cut))
    opening = np.asarray([a for a, _ in groups] + lone)
    before = (opening[None, :] < cut[:, None]).sum(axis=1)
    out = np.abs(2 * before - len(opening)).astype(np.float64)
    closed = [(a, b) for a, b in groups if b >= 0]
    if closed:
        a, b = np.asarray(closed).T
        out += ((a[None, :] < cut[:, None]) & (cut[:, None] <= b[None, :])).sum(axis=1)
    return out


def _shared_names(text: str, pos: np.ndarray, prefix: np.ndarray, ti: int, tj: int,
                  langs: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """In a pair of at most :data:`NAMES_PAIR` characters (tokens ``ti`` to ``tj``), the
    names it holds exactly twice, as the offsets of the two: words that open with a
    capital and lean little to either language ("Union" in "Für die Europäische Union |
    Au nom de l'Union européenne", "Loran" in "... radionawigacyjnego Loran-C | Loran- C
    equipment"). A translation keeps the names of its source, as it keeps its numbers: the
    split most likely leaves one on each side. A capitalised word that leans further only
    as a rare word of one list (:func:`_rare_listed_name`) is such a name too.
    """
    import numpy as np

    seen: dict[str, list[int]] = {}
    lean = np.abs(np.diff(prefix[ti:tj + 1]))
    for t in range(ti, tj):
        at = int(pos[t])
        word = WORD_RE.match(text, at)
        if word is not None and len(word.group()) >= 3 and (
                lean[t - ti] < NAME_LEAN or _rare_listed_name(word.group(), langs)):
            seen.setdefault(word.group().lower(), []).append(at)
    # twice in all, in capitals both times ("CEFTA Parties ... CEFTA Parties; | ... les
    # parties" is no name kept)
    twice = [(a[0], a[1]) for a in seen.values()
             if len(a) == 2 and text[a[0]].isupper() and text[a[1]].isupper()]
    if twice:
        # nor a noun the pair also holds with other case endings ("Priloge ... iz Priloge",
        # Slovene, beside Croatian "Prilozi ... u Prilogu"): a word of both languages, which
        # one side wrote twice, where a name kept is written alike on both sides
        end = int(pos[tj]) if tj < len(pos) else len(text)
        words = {w.lower() for w in WORD_RE.findall(text, int(pos[ti]), end)}
        twice = [(a, b) for a, b in twice if not _inflected(WORD_RE.match(text, a).group(),
                                                            words)]
    # Two names each twice, one pair wholly before the other, are each side's own rendering
    # of one name ("CEI 60945 ... CEI 60945/corrigendum | IEC 60945 ... IEC 60945 Corr."):
    # kept names interleave ("Union ... Loran | Union ... Loran").
    return [(a, b) for a, b in twice
            if not any(d < a or b < c for c, d in twice if (c, d) != (a, b))]


def _name_lean(pos: np.ndarray, prefix: np.ndarray, name: tuple[int, int],
               cut: np.ndarray) -> np.ndarray:
    """Per cut, the agreement the two copies of a kept name (offsets ``name``) add by the
    lean of a rare listed word (:func:`_rare_listed_name`), to take off: a name is no
    evidence of either language. "Loran" leaned 2.24 to English, and in "Echipament
    Loran-C | Loran- C equipment" the split giving both copies to the English side was
    still the best by that lean, against a name's imbalance."""
    import numpy as np

    out = np.zeros(len(cut))
    for at in name:
        t = int(np.searchsorted(pos, at))
        lean = float(prefix[t + 1] - prefix[t])
        if abs(lean) >= NAME_LEAN:
            out += 2 * lean * (cut > at)
    return out


RARE_NAME_ZIPF = 2.5  # under it, a capitalised word one list holds may be a name both write


def _rare_listed_name(word: str, langs: tuple[str, ...]) -> bool:
    """Whether ``word``, capitalised, is held by the word lists of ``langs`` as a rare word
    only (Zipf under :data:`RARE_NAME_ZIPF`): a name both languages write, whose lean comes
    from the one list that happens to hold it. DGT-TM "Loran" (English Zipf 2.24, in no
    Romanian, Croatian or Bulgarian list) leaned 2.24 to English, and "Echipament Loran-C |
    Loran- C equipment" was split before the first "Loran", the Romanian side one word."""
    return (bool(langs) and word[:1].isupper() and word[1:].islower()
            and 0.0 < wordfreq_best(word.lower(), tuple(langs)) < RARE_NAME_ZIPF)


INFLECTED_STEM = 5  # letters, at least, a word shares with its other case forms


def _inflected(word: str, words: set[str]) -> bool:
    """Whether ``words`` (lower case) hold ``word`` with another ending of one or two
    letters, on a stem of :data:`INFLECTED_STEM` letters or more ("prilogu", "prilozi" for
    "Priloge")."""
    stem = word.lower()[:-2]
    return len(stem) >= INFLECTED_STEM and any(
        w != word.lower() and w.startswith(stem) and len(w) <= len(word) + 1 for w in words)


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


KEPT_TITLE_WORDS = 3  # words, at least, of a title quoted on both sides in their own marks


def _kept_titles(text: str, start: int, end: int) -> list[tuple[tuple[int, int], ...]]:
    """The quotations of :data:`KEPT_TITLE_WORDS` words or more that the pair between
    ``start`` and ``end`` holds exactly twice, written alike but opened by different
    marks, as the spans of the two: a title in its own language that side A quotes in its
    marks and side B in its own, whatever its words' lean (:func:`_shared_quotations` takes
    those leaning little). DGT-TM FI-EN "... koskevaan asiakirjaan ”Adoption of
    performance standards for bridge alert management”. | Resolution ... and to ‘Adoption
    of performance standards for bridge alert management’ respectively.": the Finnish
    copy's English words opened the English side. A language quoting a title twice quotes
    it in the same marks."""
    seen: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for m in _QUOTATION_RE.finditer(text, start, end):
        words = m.group(1).split()
        if len(words) >= KEPT_TITLE_WORDS:
            seen.setdefault(" ".join(words), []).append((text[m.start()], m.span(1)))
    return [(first, second) for (mark, first), (other, second)
            in (copies for copies in seen.values() if len(copies) == 2) if mark != other]


# Words in brackets, as many as a kept title's, no digit (a code's brackets hold one)
_BRACKETED_WORDS_RE = lazy_pattern(r"\(([^()\d\n]{3,200})\)")


def _names_kept_in_brackets(text: str, start: int, end: int
                            ) -> list[tuple[tuple[int, int], ...]]:
    """The names that side B gives in brackets in side A's language after its own, as the
    spans of the two copies: the words of a bracket (:data:`KEPT_TITLE_WORDS` or more) that
    the pair between ``start`` and ``end`` writes before it in the same order, capitals and
    marks aside. DGT-TM EN-NL "Heading control system (HCS) | Koersautomaat (Heading
    Control System — HCS)": the English copy's words leaned to English, and side B was
    "HCS)", its bracket cut in two (likewise "Transmitting heading device THD (magnetic
    method) | Zendend koers-instrument (Transmitting Heading Device — THD) ...")."""
    if "(" not in text[start:end]:
        return []
    out = []
    for m in _BRACKETED_WORDS_RE.finditer(text, start, end):
        inside = [w.lower() for w in WORD_RE.findall(m.group(1))]
        if len(inside) < KEPT_TITLE_WORDS:
            continue
        before = list(WORD_RE.finditer(text, start, m.start()))
        words = [w.group().lower() for w in before]
        for at in range(len(words) - len(inside) + 1):
            if words[at:at + len(inside)] == inside:
                out.append(((before[at].start(), before[at + len(inside) - 1].end()),
                            m.span(1)))
                break
    return out


def _span_lean(pos: np.ndarray, prefix: np.ndarray, spans: tuple[tuple[int, int], ...],
               cut: np.ndarray) -> np.ndarray:
    """Per cut, the agreement the words of ``spans`` (offsets) add by their lean, to take
    off, as :func:`_name_lean` takes off a name's: a title kept in its own language on
    both sides is no evidence of either (a cut inside a span counts the words before
    it)."""
    import numpy as np

    out = np.zeros(len(cut))
    tokens = pos.searchsorted(cut)
    for begin, stop in spans:
        a, b = pos.searchsorted([begin, stop])
        out += 2 * (prefix[np.clip(tokens, a, b)] - prefix[a])
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


# an abbreviation and the code after it ("Riż. MSC.36(63)", "Ris. 191(79)"), or glued to a
# code opening with its series' letters ("Res.MSC.48(66)", DGT-TM's English)
_HEADED_CODE_RE = lazy_pattern(
    r"[^\W\d_]{2,}\.(?:[ \t]+|(?=[A-Z]{2,}\.\d))(?:[A-Z]{2,}[ \t]+)?"
    r"(\S*?\d[^\s(,;:]*(?:\([^\s)]*\))?)")



def _same_code(one: str, other: str) -> bool:
    """Whether two codes read after an abbreviation are the same reference, each language
    spacing it its own way: "A.382 (X)" / "A.382(X)" ("A.382" read before the space), or
    one naming its series and the other not ("MSC.191(79)" / "191(79)"); not "A.38" /
    "A.382"."""
    short, long = sorted((one, other), key=len)
    if long.startswith(short):
        return len(long) == len(short) or not long[len(short)].isalnum()
    # a code without the series it is numbered in ("191(79)" / "MSC.191(79)", DGT-TM
    # BG-RO "Рез. MSC.191(79) на ММО | Rez. 191(79) a OMI")
    return long.endswith(short) and not long[-len(short) - 1].isalnum() and len(short) >= 5


def _translated_heads(text: str, start: int, end: int, pos: np.ndarray,
                      prefix: np.ndarray) -> list[tuple[int, int]]:
    """Where the pair repeats the code it opens with after an abbreviation of its own, as
    :func:`_repeats` gives them: each language abbreviates the word heading a reference
    its own way and keeps the code ("Riż. MSC.36(63) tal-OMI — (Kodiċi HSC tal-1994) 8 |
    Ris. MSC.36(63) dell'IMO — (Codice HSC del 1994) 8", DGT-TM MT-IT), and side B opens
    with its own abbreviation. "Ris." leans by its n-grams a hair to Maltese, and its full
    stop reads as a sentence end before the code: side B opened with the code, the
    Italian "Ris." left at the Maltese side's end (the code both sides end with, "1994) 8",
    is written "tal-1994) 8" in Maltese, no end of the same chunks)."""
    out = []
    for at in _codes_headed_again(text, start, end):
        # not from the numbers or labels side A ends with before it ("(Kodiċi LSA) I, IV
        # | Ris. MSC.48(66) ... (Codice LSA) I, VI", the Italian's own label another)
        out += _spans_before(text, start, at, pos, prefix, numbers=False)
    return out


def _codes_headed_again(text: str, start: int, end: int) -> Iterator[int]:
    """Where, after ``start`` and before ``end``, the code that the text at ``start``
    opens with after an abbreviation ("Riż. MSC.36(63)") is written again after white
    space and an abbreviation, the same or another ("Ris. MSC.36(63)")."""
    m = _HEADED_CODE_RE.match(text, start, min(end, start + 80))
    if m is None:
        return
    for other in _HEADED_CODE_RE.finditer(text, m.end(), end):
        if _same_code(other.group(1), m.group(1)) and text[other.start() - 1].isspace():
            yield other.start()


_NUMBER_CHUNK_RE = lazy_pattern(r"\W*(?:\S*\d\S*|[IVXL]+\W*)")


def _spans_before(text: str, start: int, at: int, pos: np.ndarray, prefix: np.ndarray,
                  numbers: bool = True) -> list[tuple[int, int]]:
    """The span of the cuts a repeat at ``at`` supports: from the start of the chunks
    without a leaning word just before it (side B may open with a code side A holds later:
    "MSC Цирк.809 на ММО | IMO MSC Circ.809") to the repeat itself; not past a number or a
    label ("8", "I,") unless ``numbers``."""
    first = at
    while True:
        begin, chunk_end = _chunk_before(text, start, first)
        if begin <= start or begin == chunk_end or _leans(pos, prefix, begin, chunk_end) or (
                not numbers and _NUMBER_CHUNK_RE.fullmatch(text, begin, chunk_end)):
            break
        first = begin
    return [(first, at)]


def _repeats(text: str, start: int, end: int, opening: str, pos: np.ndarray,
             prefix: np.ndarray, langs: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where the pair repeats its ``opening`` (a whole chunk or chunks) after its start: for
    each repeat, the span of the cuts it supports, from the start of the chunks without a
    leaning word just before it (side B may open with a code side A holds later: "MSC
    Цирк.809 на ММО | IMO MSC Circ.809"), or a listed word of side B's language
    (:func:`_own_word_before`), to the repeat itself. Not past a number: a code and its
    number before the repeat end side A (DGT-TM PT-EN "ISO 20672 (2007) incluindo
    retificação da IEC 60945 | ISO 20672 (2007) including Corr. 1 (2008)", where the span
    had side B open with "60945", the lengths then deciding); the numbers' balance places
    a number."""
    out = []
    for m in re.finditer(_opening_re(opening) + _REPEAT_END, text[start + 1:end]):
        at = start + 1 + m.start()
        if at > start and not text[at - 1].isspace():
            continue  # inside a chunk
        if _after_coordinator(text, start, at, langs):
            continue  # side A naming a second thing with its first word
        if _REFERENCE_HEAD_RE.fullmatch(opening):
            # a reference's abbreviation heads its code in every language ("Res. IMO",
            # "rez. IMO"): side B opens with it, not with a label side A ends with before
            # it ("(kódex LSA) I | rez. IMO ...")
            out.append((at, at))
            continue
        spans = _spans_before(text, start, at, pos, prefix, numbers=False)
        out += [(_own_word_before(text, start, first, pos, prefix, langs), at)
                for first, at in spans]
    return out


def _after_coordinator(text: str, start: int, at: int, langs: tuple[str, ...]) -> bool:
    """Whether the chunk before ``at`` is an "and" or "or" of ``langs`` after a word, no mark
    between: side A goes on there, naming a second thing, and a side B opening with the
    word side A opened with is side A's again (DGT-TM RO-IT "ACTE CU PUTERE DE LEGE ȘI
    ACTE ADMINISTRATIVE | DISPOSIZIONI LEGISLATIVE, ...", acts with force of law and
    administrative acts, had side B open with the second "ACTE"). An item of a list
    ends with its "and" after a mark ("...“) a")."""
    begin, end = _chunk_before(text, start, at)
    word = text[begin:end].lower()
    if begin <= start or not any(word in COORDINATORS.get(lang, ()) for lang in langs):
        return False
    return text[max(start, begin - 2):begin].rstrip()[-1:].isalnum()


def _own_word_before(text: str, start: int, first: int, pos: np.ndarray,
                     prefix: np.ndarray, langs: tuple[str, ...]) -> int:
    """``first``, or the start of the capitalised word before it when that word leans to
    side B's language (negative in ``prefix``, beyond :data:`HAIR_LEAN`) and a word list
    of ``langs`` holds it: side B may open with a word of its own before the word it
    repeats (DGT-TM RO-EN "Program comun de cercetare științifică și monitorizare | Joint
    Program of Scientific Research and Monitoring", where the repeat of "Program" took
    "Joint" to side A). A compound no list holds leans by its n-grams only (Swedish
    "Ethernetanslutning", read as Danish)."""
    begin, end = _chunk_before(text, start, first)
    if begin <= start or begin == end or not text[begin].isupper():
        return first
    word = _FIRST_WORD_RE.match(text, begin, end)
    if word is None or not langs or not wordfreq_best(word.group().lower(), tuple(langs)):
        return first
    a, b = pos.searchsorted(begin), pos.searchsorted(end)
    if b != a + 1 or prefix[b] - prefix[a] > -HAIR_LEAN:
        return first
    return begin


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
    return text[max(0, at - 4):at].rstrip()[-1:] in SPLIT_PUNCT


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
        # one code alone ("MSC.1") recurs too often to mark anything; of a longer run, the
        # longest the pair repeats ("ISO 20672 (2007) ... | ISO 20672:2007": "ISO 20672")
        for size in range(taken, 1, -1):
            opening = text[start:chunks[size - 1].end()]
            if re.search(re.escape(opening) + _REPEAT_END, text[start + 1:end]):
                break
            opening = ""
    if not opening and len(chunks) > 2 and (
            _COGNATE_RE.fullmatch(first := chunks[0].group()) or _QUOTED_TERM_RE.match(first)
            or _REFERENCE_HEAD_RE.fullmatch(first)):
        # one word the languages share ("Organismo", "una", the "Za" of a Czech and a
        # Slovak signature), or a name, or a term defined in quotes, which each language
        # quotes its own way ("‘assistant’ means ..." | "«assistant» : une personne
        # ..."), or the abbreviation heading a reference ("Res. MSC.112(73) de la OMI |
        # Res. IMO MSC.112(73)", where side A's words after the code would otherwise go
        # to side B for the code both sides end with): it leans little either way
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


# A repeat of a pair's opening ends at white space, or at the colon before a standard's
# year: DGT-TM PT-FR "ISO 20672 (2007) incluindo retificação da IEC 60945 | ISO
# 20672:2007, y compris corrigendum 1:2008" (side B was given "IEC 60945").
_REPEAT_END = r"(?=\s|:\d)"
_COGNATE_RE = lazy_pattern(r"[^\W\d_]{2,}")  # two letters or more
_REFERENCE_HEAD_RE = lazy_pattern(r"[^\W\d_]{2,}\.")  # "Res.", "rez.", "Art."
COGNATE_LEAN = 1.0

_CLOSERS = frozenset(")]»”’\"'“")
_ALNUM_EDGES_RE = lazy_pattern(r"^[\W_]+|[\W_]+$")
_TRAILING_RE = lazy_pattern(r"[\W_]+$")
_DATE_ABBREVIATION_RE = lazy_pattern(r"(?<=\d)\s[^\W\d_]$")


def _date_abbreviation(body: str) -> re.Match[str] | None:
    """The abbreviation of one small letter after a number that ``body`` ends with, its
    dot cut off ("2019 r" of "lutego 2019 r.", "1999 г", "18 d"): a date's, Polish
    "roku", Bulgarian "година", Lithuanian "diena", where the other language ends with the
    number."""
    m = _DATE_ABBREVIATION_RE.search(body)
    return m if m is not None and m.group()[-1].islower() else None


def _ends_with(text: str, start: int, end: int, closing: str) -> bool:
    """Whether ``text[start:end]``, punctuation at its end aside, ends with the chunks
    ``closing``."""
    lo = max(start, end - len(closing) - 16)
    body = _TRAILING_RE.sub("", text[lo:end])
    date = _date_abbreviation(body) if closing[-1:].isdigit() else None
    if date is not None:
        # a year and the abbreviation a date ends with ("18 lutego 2019 r." for "18. února
        # 2019", "1999 г.", "18 d."): it ends as the year does
        body = body[:date.start()]
    if not body.endswith(closing):
        return False
    k = len(body) - len(closing)
    if k:
        # after a space, or in quotes or brackets of its own: "... Typ ’A’," ends with
        # "A", where "(1994 HSC-Code)" does not end with "1994", nor "Article 15(4)" with
        # "4"
        quoted = (body[k - 1] in OPENERS and (lo + k - 2 < start or text[lo + k - 2].isspace())
                  and text[lo + len(body):lo + len(body) + 1] in _CLOSERS)
        return body[k - 1].isspace() or quoted or (
            lo == start and not any(c.isalnum() for c in body[:k]))
    return lo == start or text[lo - 1].isspace()


def _common_prefix(text: str, a: int, b: int, end: int) -> int:
    """How many characters ``text`` has the same from ``b`` as from ``a`` (``a`` < ``b``),
    up to ``b`` and ``end``, cut back to the last white space within; a space after a
    hyphen that one copy has and the other not is passed over, as a copy of a name cut
    at a line may keep one (DGT-TM MT-IT "Ministeru għat-Trasport, ... Kapitali |
    Ministeru għat- Trasport, ... Kapitali/Ministero ...": the repeat counted for
    "Ministeru għat-" alone, and the rest of the Maltese name in the Italian went to the
    Maltese side). Counted in the characters from ``b``."""
    i = j = 0
    limit_a, limit_b = b - a, end - b
    while i < limit_a and j < limit_b:
        x, y = text[a + i], text[b + j]
        if x == y:
            i, j = i + 1, j + 1
        elif i and y == " " and text[b + j - 1] == text[a + i - 1] == "-":
            j += 1  # "għat- Trasport" for "għat-Trasport"
        elif j and x == " " and text[a + i - 1] == text[b + j - 1] == "-":
            i += 1
        else:
            break
    if i < limit_a and j < limit_b and not text[a + i].isspace():
        j = text.rfind(" ", b, b + j) - b if " " in text[b:b + j] else 0
    return max(j, 0)
