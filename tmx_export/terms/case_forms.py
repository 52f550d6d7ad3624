"""Citation forms in languages that mark case by endings and have no article: Finnish and
Hungarian. A term seen only in an oblique case ("kansainvälisen oikeuden", of international
law; "vízi járműveken", on vessels) is cited in the nominative singular ("kansainvälinen
oikeus", "vízi jármű"), as a termbase writes it. Where the words before the head cannot be
told apart (an adjective agreeing with it, or a noun in the genitive), the term is kept as
seen: a half-made form is worse than an oblique one."""

from __future__ import annotations

from ..frequencies import zipf as zipf_frequency
from .candidates import STOPWORD, WORD, Extractor, Token
from .forms import rewritten, shared_start, with_ending
from .slavic_cases import SLAVIC, slavic_nominative

# Finnish adjectives and participles by their lemma's ending: "-inen" (kansainvälinen),
# "-va"/"-vä" (kestävä, tukeva), "-ea"/"-eä" (korkea), "-ton"/"-tön", "-kas"/"-käs",
# "-nut"/"-nyt" and "-tu"/"-ty" (participles); and a few common ones that end otherwise.
# (Not "-ea": a verb's lemma ends so too, and simplemma gives the verb for its participle:
# "koskevan" -> "koskea".)
_FI_ADJECTIVE_ENDINGS = ("nen", "va", "vä", "ton", "tön", "kas", "käs", "nut", "nyt", "tu",
                         "ty")
_FI_ADJECTIVES = frozenset("""uusi suuri pieni vapaa vanha nuori pitkä laaja avoin sama muu
oma hyvä kova vahva heikko kevyt raskas kallis halpa lämmin ylin alin korkea kolmas neljäs
viides kuudes seitsemäs kahdeksas yhdeksäs kymmenes""".split())
# A participle whose lemma simplemma gives as its verb's ("yhdistyneiden" -> "yhdistyä"):
# the past active participle's stem, in any case.
_FI_PARTICIPLE_STEMS = ("nee", "nei", "nut", "nyt")
# Vowel harmony: a case ending is written with back or front vowels after the word's own.
_HARMONY = str.maketrans("äöy", "aou")

# What an oblique form adds to its stem ends with: a case ending or a plural's "-t" in
# Finnish ("oikeu-den", "liiteasiakirj-oihin", "määräyks-et"); a case ending, a plural or
# a possessive in Hungarian ("jármű-veken", "információ-t", "rendelkezés-ei"). Anything
# else is a compound simplemma took apart ("sopimusalue" is no form of "sopimus") or a
# derived word ("partnerség" of "partner", "megfigyelő" of "megfigyel").
_CASE_ENDINGS = {
    "fi": ("n", "a", "ä", "t", "lle", "ksi", "ne"),
    "hu": ("k", "nak", "nek", "ban", "ben", "ból", "ből", "ba", "be", "on", "en", "ön", "ra",
           "re", "ról", "ről", "nál", "nél", "tól", "től", "hoz", "hez", "höz", "al", "el",
           "ért", "ig", "ai", "ei", "ja", "je", "a", "e", "i", "uk", "ük", "juk", "jük"),
}
# Hungarian accusative "-t": only after a stem that ends in a vowel ("információ-t"; "tart"
# is no accusative of "tar")
_VOWELS = "aáeéiíoóöőuúüű"

# Hungarian adjectives by their lemma's ending: "-i" (európai, tudományos is "-s"), "-s",
# "-ú"/"-ű" (sebességű), "-ó"/"-ő" (participles: szabályozó, élő), "-tlan"/"-tlen".
_HU_ADJECTIVE_ENDINGS = ("i", "s", "ú", "ű", "ó", "ő", "tlan", "tlen")
# ... but not the nouns made of verbs ("tájékoztatás", information; "ülés", meeting)
_HU_NOUN_ENDINGS = ("ás", "és")


def nominative(form: str, extractor: Extractor) -> str:
    """``form`` in the nominative singular where its language is Finnish, Hungarian,
    Polish, Czech, Slovak, Croatian or Slovene (:mod:`.slavic_cases`) and its words say
    how; else ``form``."""
    if extractor.lang in SLAVIC:
        return slavic_nominative(form, extractor)
    if extractor.lang == "fi":
        return _finnish(form, extractor)
    if extractor.lang == "hu":
        return _hungarian(form, extractor)
    return form


def _finnish(form: str, extractor: Extractor) -> str:
    """The head (the last word) and the adjectives agreeing with it in its lemma's form
    ("kansainvälisen oikeuden" -> "kansainvälinen oikeus", "tukeviin liiteasiakirjoihin" ->
    "tukeva liiteasiakirja"); a noun in the genitive before it is kept ("Euroopan unionin"
    -> "Euroopan unioni", "jäsenvaltioiden hallitukset" -> "jäsenvaltioiden hallitus").
    Kept as seen: a name (a capitalised adjective: "Yhdistyneiden kansakuntien", which has
    no singular), and a lower-case noun before the head in the same case, which may agree
    with it or be a genitive ("aavan meren alueen")."""
    tokens = extractor.tokens(form)
    head = _head(tokens, extractor)
    if head is None:
        return form
    ending = _case_ending(head.lower)
    change = {id(head): _lemma_form(form, head)}
    for token in reversed(tokens[:-1]):
        if token.kind not in (WORD, STOPWORD) or token.breaks:
            return form  # a number, a code or punctuation inside: not sure of the head
        agrees = _case_ending(token.lower) == ending
        adjective = (token.piece.endswith(_FI_ADJECTIVE_ENDINGS) or token.piece in _FI_ADJECTIVES
                     or any(stem in token.lower for stem in _FI_PARTICIPLE_STEMS))
        if not agrees:
            if token.lower.endswith("n"):
                break  # a genitive before a head in another case: the rest kept as seen
            return form  # a verb's form or an adverb before it ("tultua voimaan")
        if adjective and not token.capital and _trusted(token.lower, token.piece, extractor):
            change[id(token)] = _lemma_form(form, token)
            continue
        if token.capital and not adjective:
            break  # a name in the genitive ("Euroopan unionin")
        return form
    return rewritten(form, tokens, change)


def _hungarian(form: str, extractor: Extractor) -> str:
    """The head (the last word) in its lemma's form, the words before it as seen: a
    Hungarian adjective before its noun does not agree with it ("vízi járműveken" -> "vízi
    jármű", "tudományos információt" -> "tudományos információ"). Only after adjectives:
    after a noun the head bears a possessive ending its lemma drops ("az Unió Tanácsa",
    "a tagállamok kormányai"), and the term is kept as seen."""
    tokens = extractor.tokens(form)
    head = _head(tokens, extractor)
    if head is None:
        return form
    for at, token in enumerate(tokens[:-1]):
        if (token.kind not in (WORD, STOPWORD) or token.breaks
                or not token.lower.endswith(_HU_ADJECTIVE_ENDINGS)
                or token.lower.endswith(_HU_NOUN_ENDINGS)
                or not token.lower.startswith(token.piece) or (at > 0 and token.capital)):
            return form  # a noun, an inflected word, a name's word ("Unió"): kept
    return rewritten(form, tokens, {id(head): _lemma_form(form, head)})


def _head(tokens: list[Token], extractor: Extractor) -> Token | None:
    """The last token of a term when it is a word in an oblique form whose lemma can be
    trusted (:func:`_trusted`), else ``None``."""
    if not tokens:
        return None
    head = tokens[-1]
    if (head.kind != WORD or head.lower == head.piece
            or not _trusted(head.lower, head.piece, extractor)):
        return None
    return head


def _trusted(lower: str, lemma: str, extractor: Extractor) -> bool:
    """Whether simplemma's ``lemma`` is the word ``lower`` with another ending: they share
    all of the lemma but its last three letters, and three letters at least ("oikeuden" /
    "oikeus", "kansainvälisen" / "kansainvälinen", "járműveken" / "jármű"; not a verb for a
    participle, "yhdistyneiden" / "yhdistyä"), and the lemma is its own lemma: simplemma
    gives "szervezetet" (accusative) the possessive "szervezete", whose lemma is
    "szervezet"."""
    same = shared_start(lower, lemma)
    if same < 3 or len(lemma) - same > 3 or len(lower) < len(lemma) - 1:
        return False
    added = lower[same:]
    lang = extractor.lang
    if not (added.endswith(_CASE_ENDINGS[lang]) or lang == "hu" and added.endswith("t")
            and lemma[-1:] in _VOWELS) or len(added) > 6:
        return False
    if zipf_frequency(lemma, lang) == 0 and (zipf_frequency(lower, lang) >= 2
                                             or len(lemma) <= 5):
        # a common word, or a short one, whose "lemma" no word list holds: simplemma's
        # guess, no word ("tieteellistä" -> "tieteellistää", "tagállamai" -> "tagáll",
        # "állapodnak" -> "állap")
        return False
    if lang == "hu" and not _hungarian_stem(lower, lemma):
        return False
    again = extractor.tokens(lemma)
    return len(again) == 1 and again[0].piece == lemma


def _hungarian_stem(lower: str, lemma: str) -> bool:
    """Whether simplemma's Hungarian ``lemma`` of ``lower`` is no verb ("-ik") and neither
    a possessive form of a commoner word ("szerkezete", "its structure", for "szerkezetek",
    structures: "szerkezet" is commoner) nor a word one vowel short of the commoner stem
    the form has ("lobog", to flutter, for "lobogójuk", their flags: "lobogó")."""
    if lemma.endswith("ik"):
        return False
    here = zipf_frequency(lemma, "hu")
    if lemma[-1:] in _VOWELS and zipf_frequency(lemma[:-1], "hu") > here:
        return False
    longer = lower[:len(lemma) + 1]
    return not (longer[-1:] in _VOWELS and len(longer) > len(lemma)
                and zipf_frequency(longer, "hu") > here)


def _case_ending(lower: str) -> str:
    """A Finnish word's last letter, vowel harmony aside: an adjective agrees with its noun
    in case and number, and so ends as it does ("kansainvälisen oikeuden", "kestävää
    käyttöä", "uudessa järjestelmässä")."""
    return lower[-1:].translate(_HARMONY)


def _lemma_form(form: str, token: Token) -> str:
    """The token's lemma written as the token is (:func:`.forms.with_ending`):
    "EU-osapuolen" -> "EU-osapuoli", "Etelä-Afrikkaa" -> "Etelä-Afrikka"."""
    return with_ending(token.piece, token.lower, form[token.start:token.end])
