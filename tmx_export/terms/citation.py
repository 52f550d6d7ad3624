"""Citation forms of term pairs: the dictionary form of a term from its surface variants
(the head in the singular, names and plural senses kept in the plural), and a unit's first
word written in lower case where the corpus writes it so."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence

from ..frequencies import zipf as zipf_frequency
from ..segment.rules import is_abbreviation
from .candidates import ARTICLE, CONNECTOR, STOPWORD, WORD, Extractor, Token
from .case_forms import nominative
from .forms import match_case, rewritten, shared_start, with_ending
from .lemmas import dictionary, is_known, lemmatize
from .slavic_cases import noun_of_verb
from .stopwords import NOT_STOP
from .termpair import Context, TermPair


def _decapitalise_initials(pair: TermPair, initial: Counter | None) -> None:
    """Merge "Clusters" at the start of a unit into "clusters" when that form exists."""
    if not initial:
        return
    others = {form: n - initial.get(form, 0) for form, n in pair.forms.items()}
    known_src = {f[1] for f, n in others.items() if n > 0}
    known_tgt = {f[2] for f, n in others.items() if n > 0}
    for form, n in initial.items():
        doc, s, t = form
        s2 = _lower_first(s) if _lower_first(s) in known_src else s
        t2 = _lower_first(t) if _lower_first(t) in known_tgt else t
        if (s2, t2) != (s, t):
            pair.forms[form] -= n
            if pair.forms[form] <= 0:
                del pair.forms[form]
            pair.forms[(doc, s2, t2)] += n


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def with_abbreviation_dot(term: str, contexts: Sequence[Context], side: int,
                          lang: str) -> str:
    """``term`` with the full stop its last word is written with in every context that
    writes it (``side``: 0 the source, 1 the target), where it is an abbreviation of
    ``lang`` (Polish "art." for "artykuł", Czech "odst.", Slovak "ods."): the tokeniser
    leaves the stop out of the word, and "Article -> art" showed no abbreviation."""
    last = term.rsplit(None, 1)[-1].lower() if term.strip() else ""
    if not last or term.endswith("."):
        return term
    seen = False
    for context in contexts:
        text = context.target if side else context.source
        start, end = context.target_span if side else context.source_span
        word = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
        if word.lower() != last:
            continue  # another variant ("Artykuł 5" beside "art. 5")
        dotted = word + "."
        if text[end:end + 1] != "." or not (is_abbreviation(dotted, lang)
                                             or is_abbreviation(dotted.lower(), lang)):
            return term
        seen = True
    return term + "." if seen else term


def pair_citation_forms(source_variants: Mapping[str, int], target_variants: Mapping[str, int],
                        source: Extractor, target: Extractor,
                        contexts: Sequence[Context] = ()) -> tuple[str, str]:
    """The citation forms of both terms of a pair, by one rule: a side kept in the plural
    as a name of several capitalised words ("Member States", never written "Member State")
    is made singular too when the other
    side was, from plurals only ("États membres" -> "État membre"; issue 10). A name whose
    translation is seen as written keeps its plural ("United States" -> "États-Unis").
    ``contexts``: the pair's, where a German term's article tells its head's gender
    (:func:`_german_gender`)."""
    forms = [citation_form(source_variants, source, seen=_seen_in(contexts, 0)),
             citation_form(target_variants, target, seen=_seen_in(contexts, 1))]
    sides = ((source_variants, source), (target_variants, target))
    for side, (variants, extractor) in enumerate(sides):
        other_variants, _ = sides[1 - side]
        words = forms[side].split()
        if len(words) < 2 or not all(word[:1].isupper() for word in words):
            continue  # no name of several words ("Annexes" is no plural of "Annexe")
        if forms[1 - side].lower() in {v.lower() for v in other_variants}:
            continue  # the other side is written as seen: nothing to follow
        singular = citation_form(variants, extractor, plural_names=False)
        if singular != forms[side]:
            forms[side] = singular
    return forms[0], forms[1]


def citation_form(variants: Mapping[str, int], extractor: Extractor,
                  plural_names: bool = True,
                  seen: Sequence[tuple[str, str]] = ()) -> str:
    """The dictionary form of a term from its surface variants (:func:`_seen_citation`),
    its German adjectives made nominative where its head's gender is known
    (:func:`_german_nominative`), a Finnish, Hungarian or Slavic term seen
    in another case made nominative (:func:`.case_forms.nominative`). ``seen``: the term
    as written in contexts, each with the word before it (:func:`_seen_in`)."""
    form = _seen_citation(variants, extractor, plural_names)
    if extractor.rules.cased_nouns:
        return _german_nominative(form, extractor, variants, seen)
    return nominative(form, extractor)  # Finnish, Hungarian and Slavic cases


def _seen_citation(variants: Mapping[str, int], extractor: Extractor,
                   plural_names: bool) -> str:
    """The dictionary form of a term from its surface variants: the head in the singular.

    The head is the last word in English ("value chains" -> "value chain"), or the word
    before "of" ("codes of conduct" -> "code of conduct"), and the first in French
    ("chaînes de valeur" -> "chaîne de valeur"); French adjectives agreeing with the head
    follow it into the singular ("conglomérats transnationaux" -> "conglomérat
    transnational"). In the other languages, whose singulars are simplemma's lemmas, the
    starting point is the variant nearest its lemmas (:func:`_base_variant`). ``plural_names``:
    whether names and plural senses keep their plural ("Minutes", "Rules of Procedure").
    """
    if not variants:
        return ""
    if extractor.lang in HAND_MADE_SINGULARS:
        # A heading in capitals ("JOINT COMMITTEE") only where the text writes the term no
        # other way: where it is two of three occurrences, the most frequent form was
        # shown in capitals. (An acronym, "SME", is no text in capitals: kept.)
        ordinary = {form: n for form, n in variants.items()
                    if extractor.ordinary_case(form) == form}
        form = max((ordinary or variants).items(), key=lambda item: (item[1], item[0]))[0]
    else:
        form = _base_variant(variants, extractor)
    known = extractor.citations.get(form)
    if known is None:
        known = _citation(form, extractor)
        if len(extractor.citations) < 500_000:
            extractor.citations[form] = known
    # (in German every noun is capitalised, a single word is no name; a capitalised
    # adjective makes one: "Vereinte Nationen")
    names = not extractor.rules.cased_nouns or len(form.split()) > 1
    if known != form and _unseen_agreement(form, known, variants, extractor):
        return form
    if not plural_names:
        # (a plural sense stays, whatever the translation: "Social Affairs" ->
        # "affaire sociale" was cited "Social Affair")
        return form if known != form and _plural_sense(form, known, variants,
                                                       extractor) else known
    if known != form and (_plural_name(form, known, variants, extractor)
                          or names and any(_plural_only(variant, known, variants)
                                           for variant in variants
                                           if variant.lower() == form.lower())
                          or _plural_sense(form, known, variants, extractor)):
        return form
    return known


# German nouns whose ending makes them feminine, or that end in "-e" (feminine for the most
# part, the rest weak masculines, "der Name", and a few neuters, "das Ende"): their singular
# is one form in every case, and after it an adjective's nominative ends in "-e" whatever
# the article ("die zuständige Behörde", "eine zuständige Behörde").
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "enz", "tur")
_SINGULAR_ONE_FORM = (*_FEMININE_ENDINGS, "e")
_NOT_ONE_FORM = ("sprung", "schwung", "stadion", "spion", "skorpion", "champion")
# The endings of a German adjective beyond its lemma in the genitive and dative ("-en",
# "-er") and elsewhere ("-em", "-es")
_OBLIQUE_ENDINGS = ("en", "er", "em", "es")
# A German adjective's ending in the nominative singular without an article, as a termbase
# cites a term, by its noun's gender: "Gemeinsamer Rat", "zuständige Behörde",
# "Gemeinsames Programm"
_STRONG_ENDINGS = {"m": "er", "f": "e", "n": "es"}
# The gender of a noun in the singular that a word before the term and the ending of the
# term's adjectives tell: "der Gemeinsame Rat" and "den Gemeinsamen Rat" (masculine: a
# feminine "der" is followed by "-en", a neuter has no "den" in the singular), "das
# Gemeinsame Programm", "ein gemeinsames Programm", "die vorläufige Tagesordnung"
_DETERMINED_GENDERS = {
    **dict.fromkeys((("der", "e"), ("dieser", "e"), ("jener", "e"), ("jeder", "e"),
                     ("welcher", "e"), ("den", "en"), ("diesen", "en"), ("jenen", "en"),
                     ("jeden", "en"), ("einen", "en"), ("keinen", "en"), ("ein", "er"),
                     ("kein", "er")), "m"),
    **dict.fromkeys((("das", "e"), ("dieses", "e"), ("jenes", "e"), ("jedes", "e"),
                     ("welches", "e"), ("ein", "es"), ("kein", "es")), "n"),
    **dict.fromkeys((("die", "e"), ("diese", "e"), ("jene", "e"), ("jede", "e"),
                     ("eine", "e"), ("keine", "e")), "f"),
}


def _seen_in(contexts: Sequence[Context], side: int) -> list[tuple[str, str]]:
    """The term of ``side`` (0 the source, 1 the target) as each context writes it, with
    the word right before it in lower case ("" if none): ("den", "Gemeinsamen Rat")."""
    seen = []
    for context in contexts:
        text = context.target if side else context.source
        start, end = context.target_span if side else context.source_span
        before = text[:start].rstrip().rsplit(None, 1)
        word = before[-1].lower() if before and before[-1].isalpha() else ""
        seen.append((word, text[start:end]))
    return seen


def _german_parts(tokens: list[Token], extractor: Extractor) -> tuple[list[Token], Token] | None:
    """The words before a German term's head and the head ("Gemeinsamen", "Rates"), or
    None for a single word."""
    words = [t for t in tokens if t.kind in (WORD, STOPWORD)]
    if len(words) < 2:
        return None
    link = _link_at(tokens, extractor)
    head = words[-1] if link is None else tokens[link - 1]
    return tokens[:tokens.index(head)], head


def _adjective_ending(token: Token) -> str | None:
    """What a German adjective has beyond its lemma ("gemeinsamen": "en"), if it is its
    lemma and an inflection's ending ("dunklen", of "dunkel", has none)."""
    ending = token.lower[len(token.piece):]
    if (token.kind not in (WORD, STOPWORD) or not token.lower.startswith(token.piece)
            or ending not in (*_OBLIQUE_ENDINGS, "e")):
        return None
    return ending


def _german_gender(head: str, extractor: Extractor, variants: Mapping[str, int],
                   seen: Sequence[tuple[str, str]]) -> str | None:
    """The gender ("m", "f", "n") of the German noun ``head`` (in the singular, lower case)
    as the term's occurrences tell it with one voice, or None: an article before
    adjectives of one ending (:data:`_DETERMINED_GENDERS`: DGT-TM's "DER GEMEINSAME RAT",
    "Für den Gemeinsamen Rat"), adjectives in "-es" (neuter: "gemeinsames Programm"), or
    in "-er" where the head is also seen in the genitive in "-s", which no feminine noun
    has ("Gemischter Ausschuss" beside "des Gemischten Ausschusses")."""
    genders = set()
    strong_er = genitive = False
    for before, text in [*seen, *(("", variant) for variant in variants)]:
        parts = _german_parts(extractor.tokens(text), extractor)
        if parts is None:
            continue
        modifiers, token = parts
        endings = {_adjective_ending(modifier) for modifier in modifiers}
        if token.lower in (head + "s", head + "es"):
            genitive = True
        if token.lower != head or len(endings) != 1 or None in endings:
            continue
        ending = endings.pop()
        if (before, ending) in _DETERMINED_GENDERS:
            genders.add(_DETERMINED_GENDERS[before, ending])
        elif ending == "es" and not before:
            genders.add("n")
        elif ending == "er" and not before:
            strong_er = True
    if strong_er and genitive:
        genders.add("m")
    return genders.pop() if len(genders) == 1 else None


def _german_nominative(form: str, extractor: Extractor,
                       variants: Mapping[str, int] | None = None,
                       seen: Sequence[tuple[str, str]] = ()) -> str:
    """``form`` with the adjectives before its head in the nominative singular as a
    termbase cites it, where the head is a German noun in the singular, as its lemma writes
    it, whose gender is known: by its ending (:data:`_SINGULAR_ONE_FORM`, "-e" whatever
    the article: "Europäischen Gemeinschaft" -> "Europäische Gemeinschaft", "zuständigen
    Behörde" -> "zuständige Behörde") or by its occurrences (:func:`_german_gender`:
    "Gemeinsamen Rates" -> "Gemeinsamer Rat", "Gemeinsamen Programms" -> "Gemeinsames
    Programm"). A term seen only in the genitive or dative ("der Europäischen
    Gemeinschaft") was shown so, which no dictionary writes, and one seen after "der" as
    "Gemeinsame Rat", which none writes either. Each adjective must be its lemma and an
    ending ("dunklen", of "dunkel", is kept as seen); a head in the plural leaves the term
    as seen: its case does not tell the adjective's ending ("nationalen Programmen"), nor,
    after a noun in "-e" that may be a weak masculine or a neuter, does "-er" or "-es"
    ("ein gutes Ende"). A head of unknown gender keeps a form seen: "internationale
    Instrumente", never "internationale Instrument", whose adjective is a plural's."""
    tokens = extractor.tokens(form)
    parts = _german_parts(tokens, extractor)
    if parts is None:
        return form
    modifiers, head = parts
    lower = head.lower
    endings = [_adjective_ending(token) for token in modifiers]
    if not head.capital or None in endings or lower != head.piece and _noun_in_e(
            form[head.start:head.end], head.piece, extractor) != form[head.start:head.end]:
        return form  # (a noun in "-e" keyed without it is in the singular: "Spalte")
    if len(lower) >= 5 and lower.endswith(_SINGULAR_ONE_FORM) \
            and not lower.endswith(_NOT_ONE_FORM):
        if not lower.endswith(_FEMININE_ENDINGS) and ("er" in endings or "es" in endings):
            return form  # the strong nominative of a weak masculine or a neuter in "-e"
        ending = "e"
    else:
        gender = _german_gender(lower, extractor, variants or {}, seen)
        if gender is None:
            if variants and form.lower() not in {v.lower() for v in variants}:
                return _base_variant(variants, extractor)
            return form
        ending = _STRONG_ENDINGS[gender]
    nominative = {}
    for token in modifiers:
        text = form[token.start:token.end]
        nominative[id(token)] = text[:len(token.piece)] + (
            ending.upper() if text.isupper() and len(text) > 1 else ending)
    return rewritten(form, tokens, nominative)


# The languages whose singulars are made here by rules (English and French endings); the
# others take simplemma's lemma, and their citation forms start from the variant nearest it.
HAND_MADE_SINGULARS = ("en", "fr")


def _unseen_agreement(form: str, known: str, variants: Mapping[str, int],
                      extractor: Extractor) -> bool:
    """Whether ``known``, made from ``form`` by lemmas, changes a word that agrees with the
    head of a term of several words and is written nowhere in the text: an adjective given
    its lemma's gender or case ("Commissione europea" -> "Commissione europeo", "morze
    pełne" -> "morze pełny"; issue 9). In a head-first language with its own rules the head
    alone may change ("catene del valore" -> "catena del valore"), and only by a plural
    ending where it may be an adjective before the head ("primera reunión" is no "primero
    reunión"); a word after the head may not be made singular when the head is not
    ("disposiciones legal"), nor the head when a plural word follows its complement
    ("equipo de radar utilizados"). In the fallback languages, whose word order is not
    known, no word may change. Such a form is kept only where the text has it."""
    rules = extractor.rules
    if extractor.lang in HAND_MADE_SINGULARS or not (rules.head_first or not rules.hand_made):
        return False
    seen, written = form.split(), known.split()
    if len(seen) < 2 or known.lower() in {variant.lower() for variant in variants}:
        return False
    if len(seen) != len(written):
        return True
    changed = [at for at, (a, b) in enumerate(zip(seen, written, strict=True)) if a != b]
    if not rules.hand_made:
        return True
    lang = extractor.lang
    if any(at > 0 and not _plural_dropped(seen[at].lower(), written[at].lower(), lang)
           for at in changed):
        return True
    if not changed:
        return False
    if 0 in changed:
        # The first word may be an adjective before the head ("primera reunión", "alta
        # mar"), whose lemma has another gender: only a plural made singular is sure.
        return not _singular_of(seen[0].lower(), written[0].lower(), lang) \
            or _plural_after_complement(form, extractor)
    # a word after the head made singular, the head itself not ("disposiciones legales"
    # -> "disposiciones legal"): the head's singular was not sure, so neither is theirs
    head = extractor.tokens(seen[0])
    return bool(head) and head[0].lower != head[0].piece


def _singular_of(seen: str, written: str, lang: str) -> bool:
    """Whether ``written`` is the word ``seen`` in the singular, its gender kept: Spanish
    and Portuguese "-s", "-es" dropped, an accent gained or lost with them ("reuniones" ->
    "reunión", "nacionais" -> "nacional"); Italian "-i" and "-e" made "-o", "-e", "-a"
    ("catene" -> "catena", "accordi" -> "accordo"). Not "primera" -> "primero"."""
    if _plural_dropped(seen, written, lang):
        return True
    if lang == "it":
        return (len(seen) == len(written) and seen[:-1] == written[:-1]
                and (seen.endswith("i") or (seen.endswith("e") and written.endswith("a"))))
    bare_seen, bare_written = _no_accents(seen), _no_accents(written)
    return (bare_seen in (bare_written + "s", bare_written + "es")
            or (bare_seen.endswith("ces") and bare_written == bare_seen[:-3] + "z")
            or (lang == "pt" and (bare_seen.endswith("oes") and bare_written.endswith("ao")
                                  or bare_seen.endswith("is")
                                  and bare_written == bare_seen[:-2] + "l")))


def _no_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(ch))


def _plural_after_complement(form: str, extractor: Extractor) -> bool:
    """Whether a word after the complement of a head-first term is written in the plural
    ("ámbitos de competencia respectivos", "equipos de radar utilizados"): it agrees with
    the head, left plural, or with a plural complement; either way, a singular head would
    not agree with it. Only the head and the words before the first linking word are made
    singular (:func:`_citation`)."""
    tokens = extractor.tokens(form)
    at = next((i for i, token in enumerate(tokens) if token.kind == CONNECTOR), None)
    if at is None:
        return False
    # the words after the complement's noun, up to the next linking word (whose own noun
    # may be plural: "red de comunicación de series de datos")
    words = []
    for token in tokens[at + 1:]:
        if token.kind == CONNECTOR:
            break
        if token.kind in (WORD, STOPWORD):
            words.append(token)
    # a plural ending on a word that is not its own lemma (the lemma of a participle is
    # its verb's: "utilizados" -> "utilizar")
    endings = ("i", "e") if extractor.lang == "it" else ("s",)
    return any(token.lower != token.piece and token.lower.endswith(endings)
               for token in words[1:])


def _plural_dropped(seen: str, written: str, lang: str) -> bool:
    """Whether ``written`` is the word ``seen`` with its plural ending made singular and its
    gender kept: Spanish and Portuguese "-s"/"-es" dropped ("miembros" -> "miembro",
    "internacionales" -> "internacional"), Italian "-i" made "-o" or "-e" ("ittici" ->
    "ittico"). An Italian "-e" made "-o" ("europee" -> "europeo") changes the gender."""
    if lang == "it":
        return (len(seen) == len(written) and seen[:-1] == written[:-1]
                and seen.endswith("i") and written.endswith(("o", "e")))
    return seen in (written + "s", written + "es")


def _base_variant(variants: Mapping[str, int], extractor: Extractor) -> str:
    """The variant that looks most like the base form: written otherwise than in capitals
    only, with the fewest letters of endings beyond its lemmas ("Beschluss", not
    "Beschlüsse"; "Europäische Union", not "Europäischen Union"; "Gemeinsame Rat", not
    "Gemeinsamen Rates"), then the most frequent. Issue 11: the most frequent form of a
    German term was often a genitive or a plural ("Handels", "Nordpolarmeeres")."""
    return max(variants.items(), key=lambda item: (
        not item[0].isupper(), -_ending_letters(item[0], extractor), item[1], item[0]))[0]


def _ending_letters(form: str, extractor: Extractor) -> int:
    """How many letters the words of ``form`` have beyond what they share with their
    lemmas ("Beschlüsse", lemma "beschluß": 4; "Europäischen", "europäisch": 2)."""
    return sum(len(token.lower) - shared_start(token.lower, token.piece)
               for token in extractor.tokens(form) if token.kind in (WORD, STOPWORD))


# English nouns with a sense of their own in the plural ("the minutes of a meeting" are no
# "minute", "customs" no "custom", "damages" no "damage"): a term they head in that sense
# keeps the plural (issue 11: "Minute" for "Minutes").
PLURAL_SENSES = {"en": frozenset({"minutes", "proceedings", "premises", "customs", "damages",
                                  "arrears", "particulars", "headquarters", "quarters",
                                  # "Social Affairs", "high seas", "armed forces"
                                  "affairs", "seas", "forces"})}
# English terms whose head, before their complement, is such a plural ("rules of
# procedure", never "rule of procedure", in lower case too)
PLURAL_TERMS = {"en": frozenset({"rules of procedure", "terms of reference"})}


def _plural_sense(form: str, singular: str, variants: Mapping[str, int],
                  extractor: Extractor) -> bool:
    """Whether ``form`` is a term of several words headed by a noun of
    :data:`PLURAL_SENSES` (or one of :data:`PLURAL_TERMS`), never written in the
    ``singular`` ("joint minutes", "high seas"): the plural sense. (Alone, "minutes" is as
    often the time: :func:`_plural_only` keeps the plural of a capitalised one, "the
    Minutes".)"""
    plurals = PLURAL_SENSES.get(extractor.lang)
    words = form.split()
    return (plurals is not None and len(words) >= 2
            and (words[-1].lower() in plurals
                 or form.lower() in PLURAL_TERMS.get(extractor.lang, ()))
            and not any(variant.lower() == singular.lower() for variant in variants))


def _plural_only(form: str, singular: str, variants: Mapping[str, int]) -> bool:
    """Whether ``form`` is a name, every word capitalised (no acronym only), never written
    in the ``singular``: a name used in the plural only ("Minutes" of a sitting, not
    "Minute"; "United States", not "United State", issue 11). :func:`citation_form` asks
    it of every spelling of the most frequent form: "the minutes" in lower case, written
    "the Minutes" elsewhere and never "minute", are the record of a meeting too."""
    return (all(word[:1].isupper() for word in form.split()) and not form.isupper()
            and not any(variant.lower() == singular.lower() for variant in variants))


def _plural_name(form: str, singular: str, variants: Mapping[str, int],
                 extractor: Extractor) -> bool:
    """Whether ``form`` is a name whose head before "of" is plural: capitalised, and never
    written in the ``singular`` ("Rules of Procedure", "Terms of Reference"; not
    "certificates of conformity")."""
    tokens = extractor.tokens(form)
    link = _link_at(tokens, extractor)
    if link is None or not form[tokens[link - 1].start].isupper():
        return False
    return not any(variant.lower() == singular.lower() for variant in variants)


def _citation(form: str, extractor: Extractor) -> str:
    """:func:`citation_form` of the surface form ``form``."""
    tokens = extractor.tokens(form)
    words = [t for t in tokens if t.kind in ("w", "s")]
    if not words:
        return form
    if not extractor.rules.head_first:  # the head noun last: English, German...
        # ... or right before the word that links it to its complement ("codes of conduct")
        link = _link_at(tokens, extractor)
        head = words[-1] if link is None else tokens[link - 1]
        if extractor.lang not in HAND_MADE_SINGULARS and not _modifiers_at_base(
                tokens[:tokens.index(head)], extractor.rules.cased_nouns or (
                    extractor.lang == "nl" and head.piece.endswith(_DUTCH_DE_ENDINGS))):
            return form  # "lebenden Meeresressourcen" is no "lebenden Meeresressource"
        if extractor.rules.cased_nouns and len(words) > 1 and not head.capital:
            return form  # a German term ending in an adjective: a fragment, kept as seen
        change = {id(head)}
    elif extractor.lang == "fr":
        return _french_citation(form, tokens, extractor)
    else:
        # the head and the adjectives right after it, up to the first linking word
        change = set()
        for token in tokens:
            if token.kind not in ("w", "s"):
                break
            change.add(id(token))
    return rewritten(form, tokens, {
        id(token): _singular(form[token.start:token.end], token, extractor)
        for token in tokens if id(token) in change})


def _french_citation(form: str, tokens: list[Token], extractor: Extractor) -> str:
    """The French head noun in the singular, and every word that agrees with it, or, when
    one of them has no singular that can be trusted, ``form`` as seen: "régions
    ultrapériphériques" -> "région ultrapériphérique", never a singular noun with a plural
    adjective (issue 11: "domaine respectifs", "règle d'origine préférentielles")."""
    agreeing = _agreeing_words(tokens)
    if agreeing is None:
        return form
    singulars = {}
    for position, token in enumerate(agreeing):
        text = form[token.start:token.end]
        singular = _singular(text, token, extractor, agreeing=position > 0)
        if singular == text and _plural_marked(token):
            return form  # kept plural ("affaires", an unknown word): so are its adjectives
        singulars[id(token)] = singular
    return rewritten(form, tokens, singulars)


def _agreeing_words(tokens: list[Token]) -> list[Token] | None:
    """The head of a French term and the words that agree with it: the words right after
    it, and after a complement in the singular ("règles d'origine préférentielles") the
    words written in the plural, which cannot agree with that complement. After a plural
    complement ("transport de marchandises dangereuses") the adjectives are left to it,
    the nearer noun. ``None`` when a plural word follows a complement that may be either
    ("règles de prix communes"): which noun it agrees with cannot be told."""
    at = 0
    while at < len(tokens) and tokens[at].kind in (WORD, STOPWORD):
        at += 1
    agreeing = tokens[:at]
    if at == len(tokens) or tokens[at].kind != CONNECTOR or tokens[at].lower in ("des", "aux"):
        return agreeing
    at += 1
    while at < len(tokens) and tokens[at].kind == ARTICLE:
        at += 1
    if at == len(tokens) or tokens[at].kind != WORD or _plural_marked(tokens[at]):
        return agreeing
    complement = tokens[at]
    for token in tokens[at + 1:]:
        if token.kind not in (WORD, STOPWORD):
            break
        # a plural by simplemma, or a word it does not know in "-es" ("ultrapériphériques")
        if _plural_marked(token) or token.lower.endswith(("es", "és")):
            if complement.lower.endswith(_PLURAL_ENDS):
                return None  # "prix", "fonds": singular or plural
            agreeing.append(token)
    return agreeing


# how French plurals end ("régions", "transnationaux", "nez" singular and plural alike)
_PLURAL_ENDS = ("s", "x", "z")


def _plural_marked(token: Token) -> bool:
    """Whether a French word is a plural by simplemma: it ends as one and is not its own
    lemma, as invariable words are ("pays", "fonds", "ex parte")."""
    return token.lower.endswith(_PLURAL_ENDS) and token.lower != token.piece


# Dutch nouns whose ending makes them "de" nouns, after which an adjective ends in "-e" in
# the singular too ("bestuursrechtelijke bepaling", "regelgevende autoriteit")
_DUTCH_DE_ENDINGS = ("ing", "heid", "teit", "tie", "sie", "ij", "ie")


def _modifiers_at_base(modifiers: list[Token], e_agrees: bool) -> bool:
    """Whether the words before a head noun in a language of simplemma's lemmas end as their
    lemmas do, or, where ``e_agrees`` (German), with an "-e" ("die Europäische Union", "das
    marine Ökosystem"), so that the head's singular agrees with them. A modifier with
    another ending ("-en", "-er", "-em", "-es") agrees with the head as seen only: the term
    is then kept as seen. So is a Dutch one in "-e" but before a "de" noun by its ending
    (:data:`_DUTCH_DE_ENDINGS`): a "het" noun's takes none in the singular ("technisch
    voorschrift"), so DGT-TM's "technische voorschriften" and "vaste reddingsvlotten" were
    cited "technische voorschrift" and "vaste reddingsvlot", agreeing with no noun."""
    endings = ("", "e") if e_agrees else ("",)
    return all(token.lower[shared_start(token.lower, token.piece):] in endings
               for token in modifiers if token.kind in (WORD, STOPWORD))


def _link_at(tokens: list[Token], extractor: Extractor) -> int | None:
    """Where the word that links a head-last term to its complement ("of") is, if the term
    has one."""
    links = extractor.rules.complement_links
    if links:
        for at, token in enumerate(tokens[1:], 1):
            if token.kind == STOPWORD and token.piece in links and tokens[at - 1].kind == WORD:
                return at
    return None


def _singular(text: str, token: Token, extractor: Extractor, agreeing: bool = False) -> str:
    """``text`` in the singular, or as written when no singular is sure. ``agreeing``: a
    French word that follows its head into the singular (an adjective), whatever the
    frequencies of its forms say and, unknown to simplemma, "-es" or "-és" made "-e", "-é"
    ("ultrapériphériques")."""
    lemma = token.piece
    lower = token.lower
    if (agreeing and lower == lemma and token.kind == WORD and lower.endswith(("es", "és"))
            and not is_known(lower, lang=extractor.rules.lemmas)):
        return text[:-1]
    if lower == lemma or lower in NOT_STOP:  # "goods" is no plural of "good"
        return text
    if agreeing and lower.endswith("es"):
        # a feminine plural ("mineures"): its singular is the word without its "s", of the
        # head's gender; simplemma reads "mineures" as "mineur" and "mineure" as a word of
        # its own (the noun), so the lemma's ending made "erreur mineur" of DGT-TM's
        # "erreurs mineures"
        return text[:-1]
    if extractor.lang not in HAND_MADE_SINGULARS:
        return _lemma_singular(text, lower, lemma, extractor)
    candidates = []
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    if lower.endswith("x"):
        candidates.append(lower[:-1])
    if lower.endswith("aux"):
        candidates.append(lower[:-3] + "al")
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if extractor.lang != "fr" and _may_be_plural(lower):
        candidates.append(lemma)
    for candidate in candidates:
        if candidate == lemma or (
            candidate and extractor.tokens(candidate)[0].piece == lemma
            and not _respelt(candidate, lemma, extractor.lang)
        ):
            # "Wales" is not the plural of "wale": keep a plural much more common than its
            # singular in general language
            lang = extractor.lang
            if not agreeing and (
                    zipf_frequency(candidate, lang) < zipf_frequency(lower, lang) - 0.5):
                return text
            return match_case(candidate, text)
    return text



# How English plurals end that add no "-s" to their singular: "women", "children",
# "criteria", "stimuli", "feet", "teeth", "mice", "geese", "people".
_IRREGULAR_PLURAL_ENDS = ("men", "ren", "a", "i", "eet", "eeth", "ice", "eese", "ople")


def _may_be_plural(lower: str) -> bool:
    """Whether the English word ``lower`` may be a plural whose singular is its lemma: one
    in "-s" or an irregular plural (:data:`_IRREGULAR_PLURAL_ENDS`). Any other word whose
    lemma differs is a verb's or an adjective's form, or another spelling, and is its own
    singular: DGT-TM's "denied boarding" was cited "denied board", "Fire restricting
    materials" "Fire restrict", "training" -> "formation" "train", "defence" "defense"."""
    return lower.endswith(("s", *_IRREGULAR_PLURAL_ENDS))


def _respelt(candidate: str, piece: str, lang: str) -> bool:
    """Whether ``candidate``, a singular tried for an English plural in "-es", is a rarer
    spelling in "-e" keyed as the common one, ``piece`` ("taxe" keyed "tax", "annexe"
    "annex"): the plural's singular is that common one ("taxes" -> "tax")."""
    return lang == "en" and candidate.endswith("e") and piece == candidate[:-1]


def _lemma_singular(text: str, lower: str, lemma: str, extractor: Extractor) -> str:
    """``text`` with the ending of simplemma's ``lemma`` where it can be trusted
    (:func:`_ending_apart`), else as written."""
    if "ß" in lemma and "ß" not in lower:  # simplemma's old spelling ("beschluß")
        lemma = lemma.replace("ß", "ss")
    endings = extractor.rules.verb_lemma_endings
    if endings and lemma.endswith(endings) and not lower.startswith(lemma):
        return text  # "Unterzeichnet", lemma "unterzeichnen": a verb's form, no noun
    if noun_of_verb(lower, lemma, extractor.lang):
        return text
    if extractor.rules.cased_nouns and text[:1].isupper():
        nominalised = _nominalised(text, lemma, extractor)  # (first: "Bevollmächtigter")
        noun = _noun_in_e(text, lemma, extractor) if nominalised == lemma else None
        if noun is not None:
            return with_ending(noun, lower, text)
        lemma = nominalised
    if extractor.lang in _STRESS_MARKED:
        # a Spanish singular's written accent goes with its plural's ending ("divisiones",
        # "división"): compared without it, the lemma differs by the ending alone
        return with_ending(lemma, lower, text) if _ending_apart(
            _no_accents(lemma), _no_accents(lower)) else text
    if extractor.lang == "nl" and _dutch_open_syllable(lemma, lower):
        return with_ending(lemma, lower, text)
    return with_ending(lemma, lower, text) if _ending_apart(lemma, lower) else text


def _dutch_open_syllable(lemma: str, lower: str) -> bool:
    """Whether the Dutch ``lower`` is the plural in "-en" of ``lemma`` whose long vowel
    its open syllable writes once ("ecosystemen", "lidstaten" of "ecosysteem", "lidstaat"):
    DGT-TM's "ecosystem -> ecosystemen" kept the plural, its lemma's "-eem" taken for
    another word's ending."""
    return (len(lemma) > 3 and lemma[-3] == lemma[-2] and lemma[-2] in "aeou"
            and lower == lemma[:-2] + lemma[-1] + "en")


def _noun_in_e(text: str, piece: str, extractor: Extractor) -> str | None:
    """The German noun in "-e" that ``text`` (capitalised) is, or is a form of, where its
    key ``piece`` is that noun without the "-e", else None. Such a key is an adjective's
    ("Ebene", "Tiefe": "eben", "tief") or a word the dictionary also reads the noun as
    ("Spalte": "Spalt", "Quelle": "Quell"), and its ending made DGT-TM's "column ->
    Spalte" "column -> Spalt", "Ebene" "Eben": the noun is the dictionary's lemma of
    ``text`` ("Spalten", "Ebenen" -> "Spalte", "Ebene"), or ``text`` itself where the
    dictionary lists its plural in "-n" under it ("Spalte", "Quelle"). Where the dictionary
    also reads the noun as the shorter word's plural ("Zwecke" of "Zweck", "Rechte" of
    "Recht"), the commoner of the two words is taken: "Spalte" is commoner than "Spalt",
    "Zweck" than the noun "Zwecke"."""
    forms = dictionary(extractor.rules.lemmas)
    noun = text[:1] + text[1:].lower() if text.isupper() else text  # ("SPALTEN")
    lemma = forms.get(noun, "")
    if not (lemma.endswith("e") and lemma[:-1].lower().replace("ß", "ss") == piece):
        lemma = noun
        if not (noun.endswith("e") and noun[:-1].lower().replace("ß", "ss") == piece
                and forms.get(noun + "n") == noun):
            return None
    shorter = lemma[:-1]
    if forms.get(lemma) == shorter and (zipf_frequency(lemma, extractor.lang)
                                        < zipf_frequency(shorter, extractor.lang)):
        return None  # the plural of the commoner word ("Zwecke")
    return lemma


def _nominalised(text: str, lemma: str, extractor: Extractor) -> str:
    """The noun's lemma of a German adjective or participle written as a noun, where the
    dictionary has it in "-er" ("Abgeordneten" -> "abgeordneter", "Sachverständigen" ->
    "sachverständiger"), else ``lemma``. Its key is the adjective's, one for every form
    (:meth:`.candidates.Extractor.word`), whose ending made DGT-TM's "Sachverständige"
    (experts) "Sachverständig", a word of no dictionary."""
    # (the dictionary may list the weak form in "-en" under the adjective, "-e" under the
    # noun: "Sachverständigen" -> "sachverständig", "Sachverständige" -> "Sachverständiger")
    lang = extractor.rules.lemmas
    for form in (text, text[:-1]) if text.endswith("en") else (text,):
        noun = lemmatize(form, lang=lang).lower().replace("ß", "ss")
        if is_known(form, lang=lang) and noun == lemma + "er":
            return noun
    return lemma


# The languages whose singular may write an accent its plural does not, or the other way
# round ("división", "divisiones"; "joven", "jóvenes"): on DGT-TM 2019 EN-ES, "class
# division" was cited "divisiones de clase" and "fish stocks" "poblaciones de peces", the
# lemma taken for another word's for its accent
_STRESS_MARKED = frozenset({"es"})


def _ending_apart(lemma: str, lower: str) -> bool:
    """Whether simplemma's ``lemma`` differs from the word ``lower`` by an ending only, of
    up to 3 letters against at most 1, and an umlaut ("Handels", "Mitgliedstaaten",
    "Rettungsflöße", Italian "catene"), so that its ending can be trusted. Issue 11: the
    lemma is sometimes another word's ("HSC-Code" -> "hsc-coden", "Stützt" -> "stützen");
    the term then keeps a form seen in the text."""
    lemma, lower = lemma.translate(_NO_UMLAUT), lower.translate(_NO_UMLAUT)
    same = shared_start(lower, lemma)
    return len(lemma) <= len(lower) and len(lemma) - same <= 1 and len(lower) - same <= 3


_NO_UMLAUT = str.maketrans("äöü", "aou")
