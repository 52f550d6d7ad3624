"""``number-mismatch``: the numbers of a unit's two sides, each read with its language's
conventions, compared as multisets of values. A check of one unit (see :mod:`.rules`, whose
table runs it).

``number-mismatch``
    Only numbers written with digits are compared, as multisets of values. A number is read
    with the conventions of its side's language: "1,5" and "1.5" are both 1.5; "1 000",
    "1,000" (English), "1.000" and "1'000" are a thousand; "1,000" in a decimal-comma
    language (French, German...) is 1.000, and "1,000.50" no number at all there. A lone
    "." before three digits is read both ways (1.000 is one in English, a thousand in
    German, and EU texts quote both), except in the decimal-comma languages that group
    thousands with a point (:data:`DOT_GROUPING`: German "1.500" is 1500). The same
    spelling on both sides matches when both languages read it alike: English "1,500" is
    no French "1,500" (1.5), a factor of a thousand. The digits are the number: "3rd", "3e",
    "3ème", "1er", "1re" are 3, 3, 3, 1, 1; "50 %" and "50%" are 50; "-5", "−5" (U+2212)
    and "–5" after a space are minus five, and a side that says "below zero" or "moins"
    may pair 20 with -20. A number followed by a scale word of :data:`SCALE_WORDS`
    ("million", "billion", "milliard(s)", "Mrd.", "mld"...) stands for its scaled value
    only ("2 million" = "2 000 000", "2 billion" = "2 milliards", but no "2 millions");
    after "k" or "m" (a metre too) it keeps its own value as well, and so it does when
    either language has no table of scale words (Swedish "3 miljarder" is then 3). A
    target number spelled as a source number, between languages that write numbers
    differently, is read strictly (:func:`_strict_values`): a comma is no English
    decimal mark, and in an amount of money, a percentage or a scaled number a point is
    only a decimal mark in English and none in a decimal-comma language, so a copied
    "1.500 EUR", "2,5 Mio.", "3.5%" or "1.5 million" is found. English clock times match
    the 24-hour clock ("3 p.m." = "15 h"); "the 1990s" matches "les années 90";
    "2015-19" matches "2015-2019".
    Digits glued to a letter before them ("CO2", "ed1.2", "am1") belong to a code: they
    pair with a number of the other side ("ed1.2" / "éd. 1.2"), and when they find none
    they are reported only if the other side has such a number left too ("MD900" /
    "MD902"), not when the code is spelled out ("CO2" / "dioxyde de carbone"); "00"
    counts as such ("12 h 00" / "12.00").
    A number left unmatched is then tried as the integers between its separators, and
    pairs when all of them do ("10.30" / "10 h 30"; "17.1.2000" is read as three numbers
    from the start). It is excused when the other side writes it as a word ("two" / "2",
    "Article premier" / "Article 1", "quatre-vingt-dix-neuf" / "99", "January" / "1" in a
    date; English "May" only beside a number of its date, "may" being a verb) or as a
    Roman numeral ("XXIe siècle" / "21st century", "annexes I et II" / "Annexes 1 and
    2") more often than its own side does: "Appendix I" on both sides
    excuses nothing, "vingt et un (01)" does not excuse the 1, and an indefinite article
    ("un", "une", "ein", "egy") is no "one". Word lists exist for English, French, German,
    Spanish, Italian, Dutch, Portuguese, Swedish, Danish and Greek, and with their
    inflected forms ("dwóch", "dvou", "kahden", "két", "divu") for Polish, Czech, Slovak,
    Slovene, Croatian, Romanian, Finnish, Estonian, Hungarian, Latvian, Lithuanian and
    Maltese (:data:`NUMBER_WORDS`); other languages use the first five's. A word made of
    number words is one number ("zweitausendachtzehn", "tjugohundraarton" / "2018").
    A number one side only writes more often than the other is not reported when that is
    all that differs (see ``count_repeats`` of :func:`number_mismatch`): EU French
    factorises "Article 46(4) ... Article 46(10)" and writes "dudit règlement" for a
    repeated reference. When both sides have numbers left over, they are all reported: a
    number was changed ("Articles 3 and 4 ... 3 September" / "articles 4 et 4 ... 3").
    Roman numerals after the words that number parts of a text (:data:`_REFERENCE_WORDS`:
    "Annex II", "annexes I et II", "CHAPITRE IV", "Titre Ier") are numbers of their own, so
    "Annex II" / "annexe III" is found and "Annex 2" / "annexe II" passes; a lone "I"
    after a lower-case English word is the pronoun ("for my part I think"). A numeral
    left over on one side only is not reported (the other side may number the part with
    a word this module does not know, or as "deuxième partie"), only when both sides
    have numbers left over.
    So "(a)" (no digits), "COM(1999) 158" and "17 January 2000" / "17 janvier 2000" raise
    nothing, and a changed, added or dropped number is found.
    One finding per unit. ``item`` is the target's numbers that are not in the source
    (the wrong ones) and ``expected`` the source's numbers that are not in the target;
    when the target has no wrong number, ``item`` is the source's missing numbers and
    ``expected`` "(missing from the target)"; a target number with no counterpart has
    ``expected`` "(not in the source)".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import Pair
from .codes import without_placeholders
from .model import Finding, finding
from .text import DIGIT_RE, WORD_RE, blank, plain_spaces, primary_of

_DIGITS_RE = re.compile(r"\d+")


def _has_digit(text: str) -> bool:
    """Whether ``DIGIT_RE`` finds a digit in ``text``. An ASCII text can only hold ASCII
    digits, which ``in`` finds several times faster than the regex scans the text."""
    if text.isascii():
        for digit in "0123456789":
            if digit in text:
                return True
        return False
    return DIGIT_RE.search(text) is not None


# Languages whose decimal mark is the point; a comma before three digits is a thousands
# separator there. In DECIMAL_COMMA languages it is a decimal comma. Elsewhere both.
DECIMAL_POINT = frozenset({"en", "ga", "mt", "zh", "ja", "ko", "th", "he", "hi"})
DECIMAL_COMMA = frozenset({"fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr",
                           "hu", "ro", "bg", "el", "da", "sv", "fi", "et", "lv", "lt", "ru",
                           "uk", "tr", "ca", "is", "nb", "nn", "no", "sr", "mk", "sq"})
# Decimal-comma languages that group thousands with a point ("1.500" is 1500 there, never
# 1.5); the others group with a space (French "1 500") and read a point both ways.
DOT_GROUPING = frozenset({"de", "es", "it", "pt", "nl", "da", "el", "tr", "ro", "sl", "hr",
                          "sr", "is"})

# A number as written: digits with separators inside; a space only before a group of three
# (so "17 2000" stays two numbers). NFKC has already made U+00A0 and U+202F spaces.
_NUMBER_RE = re.compile(r"\d+(?:[.,'’]\d+| \d{3}(?!\d))*")
_SEPARATOR_RE = re.compile(r"([.,'’ ])")
# An optional sign and digits: written as one character of either, then the sign checked
# (it must come before a digit), since a pattern that starts with an optional part is
# tried at every position of a text, one that starts with a class only where it matches.
_SPELLING_RE = re.compile(r"[-−–\u2012\u00ad\d](?<=[-−–\u2012\u00ad](?=\d)|\d)\d*"
                          r"(?:[.,'’\s]\d+)*")
# Minus signs: hyphen-minus, U+2212, en dash, figure dash, and the soft hyphen that some
# Europarl texts carry for a dash. A sign only after a space or an opening bracket:
# "2000-2006" is a range.
_SIGNS = "-−–\u2012\u00ad"
_BEFORE_SIGN = " ([/=:;"
# A country's letters before the dash of a postcode, a space typed between them ("SI
# –1535 Ljubljana", "D -80331 München", DGT-TM's addresses): the dash is no minus there.
_POSTCODE_PREFIX_RE = re.compile(r"(?:^|(?<=\s))[A-Z]{1,3} \Z")
# "2015-19" is "2015-2019".
_RANGE_MARKS = "-–/"
# A side that says "minus", "below zero"... may write the minus as a word.
_NEGATIVE_WORDS_RE = re.compile(
    r"\b(?:minus|below zero|moins|sous zéro|au-dessous de zéro|négatifs?|négatives?"
    r"|negative|unter null|bajo cero|sotto zero|menos)\b", re.IGNORECASE)
# Words after a number that scale it, by primary language: "2 million" may be written
# "2 000 000", and a number so scaled pairs only with its scaled value, so that "2 billion"
# is no "2 millions" (a factor of a thousand). A billion is a thousand million in English,
# a million million in French and German (their "milliard" is the English billion).
# "_" joins the words of a scale of two ("mil_millones").
SCALE_WORDS: dict[str, dict[str, int]] = {
    lang: {word.replace("_", " "): 10**power for power, words in spec.items()
           for word in words.split()}
    for lang, spec in {
        "en": {3: "thousand thousands", 6: "million millions mn", 9: "billion billions bn",
               12: "trillion trillions"},
        "fr": {3: "mille milliers", 6: "million millions", 9: "milliard milliards md mrd",
               12: "billion billions"},
        "de": {3: "tausend tsd", 6: "million millionen mio", 9: "milliarde milliarden mrd",
               12: "billion billionen"},
        "es": {3: "mil", 6: "millón millon millones", 9: "mil_millones millardo millardos",
               12: "billón billon billones"},
        "it": {3: "mila", 6: "milione milioni mln", 9: "miliardo miliardi mld mrd",
               12: "bilione bilioni"},
        "pt": {3: "mil", 6: "milhão milhao milhões milhoes",
               9: "mil_milhões mil_milhoes bilhão bilhões", 12: "bilião biliões"},
        "nl": {3: "duizend", 6: "miljoen miljoenen mln", 9: "miljard miljarden mld mrd",
               12: "biljoen biljoenen"},
        "pl": {3: "tys tysiąc tysiące tysięcy", 6: "mln milion miliony milionów",
               9: "mld miliard miliardy miliardów", 12: "bilion biliony bilionów"},
    }.items()
}
# Abbreviations that are often something else ("5 m" is five metres, "10 k" a label): a
# number before them keeps its own value too.
_LOOSE_SCALES: dict[str, int] = {"k": 10**3, "m": 10**6}
# Scale words that, in a language, follow no numeral: English writes "2 million", never
# "2 millions", so "In 2008 millions of people" is a year before a plural noun.
_LOOSE_BY_LANG: dict[str, frozenset[str]] = {
    "en": frozenset({"thousands", "millions", "billions", "trillions"}),
}
# A bare four-digit number in 1900-2099 is most often a year ("2008 Millionen Menschen").
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# Every reading of a scale word in any language, for the languages without a table.
_ANY_SCALE: dict[str, frozenset[int]] = {}
for _table_ in SCALE_WORDS.values():
    for _word, _factor in _table_.items():
        _ANY_SCALE[_word] = _ANY_SCALE.get(_word, frozenset()) | {_factor}
_SCALE_ALTERNATIVES = "|".join(sorted(
    (re.escape(word).replace(r"\ ", " ") for word in {*_ANY_SCALE, *_LOOSE_SCALES}),
    key=len, reverse=True))
_SCALE_RE = re.compile(rf" ?({_SCALE_ALTERNATIVES})\b", re.IGNORECASE)
# A digit and a scale word after it: a scaled number.
# (a letter first: most digits are followed by another, ruled out before the words are tried)
_SCALE_AFTER_DIGIT_RE = re.compile(
    rf"\d ?(?=[^\W\d_])(?:{_SCALE_ALTERNATIVES})(?![^\W\d_])", re.IGNORECASE)


def _has_scale(text: str) -> bool:
    """Whether ``text`` may hold a scaled number: most do not, and keep the quick path."""
    return _SCALE_AFTER_DIGIT_RE.search(text) is not None


# The marks of an amount of money or a percentage, for the three expressions below.
_PERCENT_SIGNS = "%‰"
_CURRENCY_SIGNS = "€$£"
_CURRENCY_CODES = "EUR|USD|GBP"
_CURRENCY_WORDS = "euros?|Euro"
_QUANTITY_MARK_RE = re.compile(
    rf"[{_PERCENT_SIGNS}{_CURRENCY_SIGNS}]|\b(?:{_CURRENCY_CODES}|{_CURRENCY_WORDS})\b")


def _may_be_quantity(text: str) -> bool:
    """Whether ``text`` may hold an amount of money or a percentage."""
    return _QUANTITY_MARK_RE.search(text) is not None


def _scale_factors(word: str, lang: str) -> tuple[frozenset[int], bool]:
    """The factors a scale word stands for in ``lang`` and whether the bare number stays a
    reading too (the loose abbreviations "k", "m", the English plurals "millions")."""
    word = word.lower()
    if word in _LOOSE_SCALES:
        return frozenset({_LOOSE_SCALES[word]}), True
    table = SCALE_WORDS.get(primary_of(lang))
    if table is not None and word in table:
        return frozenset({table[word]}), word in _LOOSE_BY_LANG.get(primary_of(lang), ())
    return _ANY_SCALE[word], False


# What makes a number a quantity (an amount of money, a percentage, a scaled number),
# whose decimal mark must be its language's: "3.5%" is no Italian number, "EUR 2,5
# million" no English one. A bare "1.5" may be a reference ("point 1.5") and is read both
# ways as before.
_QUANTITY_AFTER_RE = re.compile(
    rf" ?(?:[{_PERCENT_SIGNS}{_CURRENCY_SIGNS}]|(?:{_CURRENCY_CODES}|{_CURRENCY_WORDS})\b)")
_QUANTITY_BEFORE_RE = re.compile(rf"(?:[{_CURRENCY_SIGNS}]|\b(?:{_CURRENCY_CODES})) ?$")
# English clock times: "3 p.m." is "15 h" elsewhere; "12 a.m." is midnight.
_AM_PM_RE = re.compile(r"[ap]\.? ?m\b", re.IGNORECASE)
_CLOCK_RE = re.compile(r"(?<![\d.,:])(\d{1,2})(?:[.:](\d{2}))? ?([ap])\.? ?m\b\.?",
                       re.IGNORECASE)
# "the 1990s" / "les années 90".
_DECADE_RE = re.compile(r"'?s\b")
_ROMAN_RE = re.compile(r"\b([IVXLCDM]+)(er|re|e|ème|eme|st|nd|rd|th)?\b")
# Roman numerals that number a part of a text are compared as numbers: "Annex II" is no
# "annexe III". After these words only (in any case: "ANNEX II"), and the list that goes
# on from them ("Annexes I and II", "titres I à III"); elsewhere "I" is a pronoun.
_REFERENCE_WORDS = (
    "annex|annexe|anhang|anhänge|anexo|allegato|appendix|appendice|anlage|bijlage"
    "|załącznik|article|artikel|artículo|articolo|artigo|title|titre|titel|título|titolo"
    "|chapter|chapitre|kapitel|capítulo|capitolo|hoofdstuk|rozdział|part|partie|teil"
    "|parte|deel|część|section|sektion|sección|sezione|secção|afdeling|protocol|protocole"
    "|protokoll|protocolo|protocollo|protokół|volume|tome|band|book|livre|schedule")
# A lone I, V or X is a numeral after the words that number parts of a text ("Annex I",
# "annexes I et II", "Titre V"), and after a few that number kinds ("Type II", "phase I");
# elsewhere it is a pronoun or an initial.
_KIND_WORDS = (
    "phase|stage|level|niveau|stufe|type|typ|tipo|category|catégorie|kategorie|categoría"
    "|categoria|class|classe|klasse|clase|table|tableau|tabelle|tabla|tabella")
_ROMAN_AFTER_RE = re.compile(rf"\b(?i:{_REFERENCE_WORDS}|{_KIND_WORDS})s? ([IVX])\b")
# The forms of those words, plurals and inflections with them ("annexes", "Anhänge"),
# less the words the endings make that are other words ("party", "bande"; the Italian
# "parti" is the plural of "parte", and the pronoun rule below is English only).
_REFERENCE_FORMS = frozenset(word + ending for word in _REFERENCE_WORDS.split("|")
                             for ending in ("", "s", "es", "e", "en", "i", "y", "u", "ów")) \
    - {"party", "bande"}
# The English reference words, and their plurals, that the pronoun "I" may follow when
# written in lower case ("in this part I will", "the annexes I have read").
_PRONOUN_PLACES = frozenset(
    "part parts article articles section sections chapter chapters book books volume volumes"
    " title titles annex annexes schedule schedules protocol protocols appendix appendixes"
    " appendices band bands".split())
# A candidate: capitals that may be a numeral, after a word and a space. The word before
# it is then looked up, which costs far less than a regular expression of all the words.
_ROMAN_CANDIDATE_RE = re.compile(r"(?<=\w )([IVXL]+)(?:er|re|e)?\b")
_WORD_BEFORE_RE = re.compile(r"(\w+) $")
_ROMAN_NEXT_RE = re.compile(
    r"(?:, | and | et | und | y | e | i | en | to | à | a | bis | - | – |-|–)"
    r"([IVXL]+)(?:er|re|e)?\b")
_ROMAN_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _table(spec: str) -> dict[str, int]:
    """Words and their values; "stem(a|b|)" stands for the stem with each ending, so that
    the inflected forms of a language's number words fit in a line ("pierwsz(y|a|ego)")."""
    words = spec.split()
    table: dict[str, int] = {}
    for word, value in zip(words[::2], words[1::2], strict=True):
        stem, _, endings = word.partition("(")
        for ending in endings.rstrip(")").split("|") if endings else ("",):
            # as the text is read: casefolded ("dreißig" is "dreissig", Greek "τρεισ")
            table[(stem + ending).casefold()] = int(value)
    return table


# The endings of ordinals, which inflect like adjectives: Polish "pierwszy", "pierwszego";
# Czech "druhý", "druhého"; Slovak after a long syllable "piaty"; Latvian definite forms
# "pirmais", "trešajā"; Lithuanian "pirmas", "trečią", "devynioliktų".
_PL_HARD = "(y|a|e|ego|ej|emu|ym|ą|ych|ymi)"
_CS_HARD = "(ý|á|é|ého|ému|ém|ým|ou|ých|ými)"
_SK_HARD = "(ý|á|é|ého|ému|om|ým|ú|ou|ých|ými)"
_SK_SHORT = "(y|a|e|eho|emu|om|ym|u|ou|ych|ymi)"
_SL_ADJ = "(i|a|o|e|ega|emu|em|im|ih|imi)"
_HR_ADJ = "(i|a|o|e|og|oga|om|ome|omu|oj|u|im|ima|ih)"
_LV_DEF = "ais|ā|o|ajā|ajam|ajai|ie|ās|ajos|ajās|ajiem|ajām"  # bare: teens add "|"
_LT_ORD = "(as|a|o|ą|ame|ai|ų|ųjų|asis|oji|ojo|ajam|ajame|ąjį|ąją|ojoje|i|os|us|ieji)"

# Numbers written as words, by primary language (cardinals, ordinals, a few collectives).
# Words of value 100 and more multiply what comes before them ("deux cents", "five
# hundred"). Months are apart (MONTH_WORDS): they never combine with other words.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": _table(
        "zero 0 nil 0 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 "
        "eleven 11 twelve 12 thirteen 13 fourteen 14 fifteen 15 sixteen 16 seventeen 17 "
        "eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 sixty 60 seventy 70 "
        "eighty 80 ninety 90 hundred 100 thousand 1000 million 1000000 "
        "first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 "
        "tenth 10 eleventh 11 twelfth 12 thirteenth 13 fourteenth 14 fifteenth 15 "
        "sixteenth 16 seventeenth 17 eighteenth 18 nineteenth 19 twentieth 20 thirtieth 30 "
        "fortieth 40 fiftieth 50 hundredth 100 thousandth 1000 once 1 twice 2 thrice 3 "
        "single 1 double 2 triple 3 dozen 12 noon 12 midday 12 midnight 0 half 50"),
    "fr": _table(
        "zéro 0 un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10 "
        "onze 11 douze 12 treize 13 quatorze 14 quinze 15 seize 16 vingt 20 vingts 20 "
        "trente 30 quarante 40 cinquante 50 soixante 60 septante 70 huitante 80 octante 80 "
        "nonante 90 cent 100 cents 100 mille 1000 million 1000000 millions 1000000 "
        "premier 1 première 1 premiers 1 premières 1 unième 1 second 2 seconde 2 "
        "deuxième 2 troisième 3 quatrième 4 cinquième 5 sixième 6 septième 7 huitième 8 "
        "neuvième 9 dixième 10 onzième 11 douzième 12 treizième 13 quatorzième 14 "
        "quinzième 15 seizième 16 vingtième 20 trentième 30 quarantième 40 "
        "cinquantième 50 soixantième 60 centième 100 millième 1000 double 2 triple 3 "
        "douzaine 12 quinzaine 15 vingtaine 20 trentaine 30 centaine 100 millier 1000 "
        "midi 12 minuit 0 moitié 50 demi 50"),
    "de": _table(
        "null 0 ein 1 eine 1 eins 1 zwei 2 drei 3 vier 4 fünf 5 sechs 6 sieben 7 acht 8 "
        "neun 9 zehn 10 elf 11 zwölf 12 zwanzig 20 dreißig 30 vierzig 40 fünfzig 50 "
        "hundert 100 tausend 1000 erste 1 ersten 1 erster 1 zweite 2 zweiten 2 dritte 3 "
        "dritten 3 vierte 4 fünfte 5 zehnte 10 doppelt 2 hälfte 50 "
        "sechzehn 16 siebzehn 17 sechzig 60 siebzig 70 achtzig 80 neunzig 90"),
    "es": _table(
        "cero 0 uno 1 una 1 un 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 "
        "nueve 9 diez 10 once 11 doce 12 veinte 20 treinta 30 cuarenta 40 cincuenta 50 "
        "cien 100 ciento 100 mil 1000 primero 1 primera 1 primer 1 segundo 2 segunda 2 "
        "tercero 3 tercera 3 tercer 3 cuarto 4 quinto 5 décimo 10 mitad 50 "
        "trece 13 catorce 14 quince 15 dieciséis 16 diecisiete 17 dieciocho 18 "
        "diecinueve 19 veintiuno 21 veintidós 22 veintitrés 23 veinticuatro 24 "
        "veinticinco 25 veintiséis 26 veintisiete 27 veintiocho 28 veintinueve 29 "
        "sesenta 60 setenta 70 ochenta 80 noventa 90"),
    "it": _table(
        "zero 0 uno 1 una 1 un 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 "
        "nove 9 dieci 10 undici 11 dodici 12 venti 20 trenta 30 quaranta 40 cinquanta 50 "
        "cento 100 mille 1000 primo 1 prima 1 secondo 2 seconda 2 terzo 3 terza 3 "
        "quarto 4 quinto 5 decimo 10 metà 50 tredici 13 quattordici 14 quindici 15 "
        "sedici 16 diciassette 17 diciotto 18 diciannove 19 ventuno 21 ventotto 28 "
        "sessanta 60 settanta 70 ottanta 80 novanta 90 mila 1000"),
    "nl": _table(
        "nul 0 een 1 één 1 twee 2 drie 3 vier 4 vijf 5 zes 6 zeven 7 acht 8 negen 9 tien 10 "
        "elf 11 twaalf 12 dertien 13 veertien 14 vijftien 15 zestien 16 zeventien 17 "
        "achttien 18 negentien 19 twintig 20 dertig 30 veertig 40 vijftig 50 zestig 60 "
        "zeventig 70 tachtig 80 negentig 90 honderd 100 duizend 1000 eerste 1 tweede 2 "
        "derde 3 vierde 4 vijfde 5 tiende 10 helft 50"),
    "pt": _table(
        "zero 0 um 1 uma 1 dois 2 duas 2 três 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 "
        "nove 9 dez 10 onze 11 doze 12 treze 13 catorze 14 quinze 15 dezasseis 16 "
        "dezesseis 16 dezassete 17 dezessete 17 dezoito 18 dezanove 19 dezenove 19 "
        "vinte 20 trinta 30 quarenta 40 cinquenta 50 sessenta 60 setenta 70 oitenta 80 "
        "noventa 90 cem 100 cento 100 mil 1000 primeiro 1 primeira 1 segundo 2 segunda 2 "
        "terceiro 3 terceira 3 metade 50"),
    # not Swedish "andra" nor Danish "anden", "andet": "second", but "other" far more often
    "sv": _table(
        "noll 0 en 1 ett 1 två 2 tre 3 fyra 4 fem 5 sex 6 sju 7 åtta 8 nio 9 tio 10 elva 11 "
        "tolv 12 tretton 13 fjorton 14 femton 15 sexton 16 sjutton 17 arton 18 nitton 19 "
        "tjugo 20 trettio 30 fyrtio 40 femtio 50 sextio 60 sjuttio 70 åttio 80 nittio 90 "
        "hundra 100 tusen 1000 första 1 tredje 3 fjärde 4 femte 5 tionde 10"),
    "da": _table(
        "nul 0 en 1 et 1 to 2 tre 3 fire 4 fem 5 seks 6 syv 7 otte 8 ni 9 ti 10 elleve 11 "
        "tolv 12 tretten 13 fjorten 14 femten 15 seksten 16 sytten 17 atten 18 nitten 19 "
        "tyve 20 tredive 30 fyrre 40 halvtreds 50 tres 60 halvfjerds 70 firs 80 "
        "halvfems 90 hundrede 100 tusind 1000 første 1 tredje 3 fjerde 4 femte 5 tiende 10"),
    "el": _table(
        "μηδέν 0 ένα 1 μία 1 μια 1 δύο 2 τρία 3 τρεις 3 τέσσερα 4 τέσσερις 4 πέντε 5 έξι 6 "
        "επτά 7 εφτά 7 οκτώ 8 οχτώ 8 εννέα 9 εννιά 9 δέκα 10 έντεκα 11 δώδεκα 12 "
        "δεκατρία 13 δεκατέσσερα 14 δεκαπέντε 15 δεκαέξι 16 δεκαεπτά 17 δεκαοκτώ 18 "
        "δεκαεννέα 19 είκοσι 20 τριάντα 30 σαράντα 40 πενήντα 50 εξήντα 60 εβδομήντα 70 "
        "ογδόντα 80 ενενήντα 90 εκατό 100 χίλια 1000 χιλιάδες 1000 πρώτος 1 πρώτη 1 "
        "δεύτερος 2 δεύτερη 2 τρίτος 3 τρίτη 3"),
    # Central European, Baltic, Finnic, Romanian and Maltese numbers inflect, and a
    # treaty's closing formula writes its year with them ("dwa tysiące osiemnastego roku",
    # "kahe tuhande kaheksateistkümnenda aasta"): the forms of 1-12, the teens and the tens
    # in the cases they take, and the ordinals' forms. Left out where the word is more often
    # another word: Slovene and Croatian "drugi", Finnish "toinen", Estonian "teine" (all
    # "other"), Latvian "otrā", "pirms" ("before"), Romanian "nouă", "noua" ("new"), "opta"
    # ("to opt"), Estonian "kuus" ("in the month"), Finnish "yhtä" ("equally"), Maltese
    # "raba'" ("land"), Slovene "nič" ("nothing"), Lithuanian "pirma" ("visų pirma", "in
    # particular").
    "pl": _table(
        "zero 0 jeden 1 jedna 1 jedno 1 jednego 1 jednej 1 jednemu 1 jednym 1 jedną 1 "
        "dwa 2 dwie 2 dwóch 2 dwu 2 dwom 2 dwoma 2 dwiema 2 dwoje 2 dwojga 2 "
        "trzy 3 trzech 3 trzem 3 trzema 3 troje 3 trojga 3 cztery 4 czterech 4 czterem 4 "
        "czterema 4 pięć 5 pięciu 5 pięcioma 5 sześć 6 sześciu 6 sześcioma 6 siedem 7 "
        "siedmiu 7 siedmioma 7 osiem 8 ośmiu 8 ośmioma 8 dziewięć 9 dziewięciu 9 "
        "dziewięcioma 9 dziesięć 10 dziesięciu 10 dziesięcioma 10 jedenaście 11 "
        "jedenastu 11 dwanaście 12 dwunastu 12 trzynaście 13 trzynastu 13 czternaście 14 "
        "czternastu 14 piętnaście 15 piętnastu 15 szesnaście 16 szesnastu 16 "
        "siedemnaście 17 siedemnastu 17 osiemnaście 18 osiemnastu 18 dziewiętnaście 19 "
        "dziewiętnastu 19 dwadzieścia 20 dwudziestu 20 trzydzieści 30 trzydziestu 30 "
        "czterdzieści 40 czterdziestu 40 pięćdziesiąt 50 pięćdziesięciu 50 "
        "sześćdziesiąt 60 siedemdziesiąt 70 osiemdziesiąt 80 dziewięćdziesiąt 90 sto 100 "
        "stu 100 tysiąc 1000 tysiąca 1000 tysiące 1000 tysięcy 1000 "
        f"pierwsz{_PL_HARD} 1 drug(i|a|ie|iego|iej|iemu|im|ą|ich|imi) 2 "
        "trzec(i|ia|ie|iego|iej|iemu|im|ią|ich|imi) 3 "
        f"czwart{_PL_HARD} 4 piąt{_PL_HARD} 5 szóst{_PL_HARD} 6 siódm{_PL_HARD} 7 "
        f"ósm{_PL_HARD} 8 dziewiąt{_PL_HARD} 9 dziesiąt{_PL_HARD} 10 "
        f"jedenast{_PL_HARD} 11 dwunast{_PL_HARD} 12 trzynast{_PL_HARD} 13 "
        f"czternast{_PL_HARD} 14 piętnast{_PL_HARD} 15 szesnast{_PL_HARD} 16 "
        f"siedemnast{_PL_HARD} 17 osiemnast{_PL_HARD} 18 dziewiętnast{_PL_HARD} 19 "
        f"dwudziest{_PL_HARD} 20 trzydziest{_PL_HARD} 30"),
    "cs": _table(
        "nula 0 jeden 1 jedna 1 jedno 1 jednoho 1 jednomu 1 jedné 1 jednu 1 jedním 1 "
        "jednom 1 dva 2 dvě 2 dvou 2 dvěma 2 tři 3 tří 3 třech 3 třem 3 třemi 3 čtyři 4 "
        "čtyř 4 čtyřech 4 čtyřem 4 čtyřmi 4 pět 5 pěti 5 šest 6 šesti 6 sedm 7 sedmi 7 "
        "osm 8 osmi 8 devět 9 devíti 9 deset 10 deseti 10 jedenáct 11 jedenácti 11 "
        "dvanáct 12 dvanácti 12 třináct 13 třinácti 13 čtrnáct 14 čtrnácti 14 patnáct 15 "
        "patnácti 15 šestnáct 16 šestnácti 16 sedmnáct 17 sedmnácti 17 osmnáct 18 "
        "osmnácti 18 devatenáct 19 devatenácti 19 dvacet 20 dvaceti 20 třicet 30 "
        "třiceti 30 čtyřicet 40 padesát 50 šedesát 60 sedmdesát 70 osmdesát 80 "
        "devadesát 90 sto 100 sta 100 stě 100 set 100 tisíc 1000 tisíce 1000 tisíci 1000 "
        f"prvn(í|ího|ímu|ím|ích|ími) 1 druh{_CS_HARD} 2 třet(í|ího|ímu|ím|ích|ími) 3 "
        f"čtvrt{_CS_HARD} 4 pát{_CS_HARD} 5 šest{_CS_HARD} 6 sedm{_CS_HARD} 7 "
        f"osm{_CS_HARD} 8 devát{_CS_HARD} 9 desát{_CS_HARD} 10 jedenáct{_CS_HARD} 11 "
        f"dvanáct{_CS_HARD} 12 osmnáct{_CS_HARD} 18 devatenáct{_CS_HARD} 19 "
        f"dvacát{_CS_HARD} 20"),
    "sk": _table(
        "nula 0 jeden 1 jedna 1 jedno 1 jedného 1 jednému 1 jednom 1 jedným 1 jednej 1 "
        "jednu 1 jednou 1 dva 2 dve 2 dvaja 2 dvoch 2 dvom 2 dvoma 2 dvomi 2 tri 3 traja 3 "
        "troch 3 trom 3 tromi 3 troma 3 štyri 4 štyria 4 štyroch 4 štyrom 4 štyrmi 4 "
        "päť 5 piati 5 piatich 5 piatim 5 piatimi 5 šesť 6 šiesti 6 šiestich 6 šiestim 6 "
        "sedem 7 siedmi 7 siedmich 7 osem 8 ôsmi 8 ôsmich 8 deväť 9 deviati 9 deviatich 9 "
        "desať 10 desiati 10 desiatich 10 jedenásť 11 jedenástich 11 dvanásť 12 "
        "dvanástich 12 trinásť 13 štrnásť 14 pätnásť 15 šestnásť 16 sedemnásť 17 "
        "osemnásť 18 devätnásť 19 dvadsať 20 tridsať 30 štyridsať 40 päťdesiat 50 "
        "šesťdesiat 60 sedemdesiat 70 osemdesiat 80 deväťdesiat 90 sto 100 tisíc 1000 "
        f"tisíce 1000 prv{_SK_HARD} 1 druh{_SK_HARD} 2 "
        f"tret(í|ia|ie|ieho|iemu|ím|iu|ích|ími) 3 treťom 3 štvrt{_SK_HARD} 4 "
        f"piat{_SK_SHORT} 5 šiest{_SK_SHORT} 6 siedm{_SK_SHORT} 7 ôsm{_SK_SHORT} 8 "
        f"deviat{_SK_SHORT} 9 desiat{_SK_SHORT} 10 jedenást{_SK_SHORT} 11 "
        f"dvanást{_SK_SHORT} 12 osemnást{_SK_SHORT} 18 devätnást{_SK_SHORT} 19 "
        f"dvadsiat{_SK_SHORT} 20"),
    "sl": _table(
        "en 1 ena 1 eno 1 enega 1 enemu 1 enem 1 enim 1 dva 2 dve 2 dveh 2 dvema 2 "
        "trije 3 tri 3 treh 3 trem 3 tremi 3 štirje 4 štiri 4 štirih 4 štirim 4 štirimi 4 "
        "pet 5 petih 5 petim 5 petimi 5 šest 6 šestih 6 šestim 6 sedem 7 sedmih 7 "
        "sedmim 7 osem 8 osmih 8 osmim 8 devet 9 devetih 9 devetim 9 deset 10 desetih 10 "
        "desetim 10 enajst 11 enajstih 11 dvanajst 12 dvanajstih 12 trinajst 13 "
        "štirinajst 14 petnajst 15 šestnajst 16 sedemnajst 17 osemnajst 18 devetnajst 19 "
        "dvajset 20 trideset 30 štirideset 40 petdeset 50 šestdeset 60 sedemdeset 70 "
        "osemdeset 80 devetdeset 90 sto 100 tisoč 1000 "
        f"prv{_SL_ADJ} 1 tretj{_SL_ADJ} 3 četrt{_SL_ADJ} 4 pet{_SL_ADJ} 5 šest{_SL_ADJ} 6 "
        f"sedm{_SL_ADJ} 7 osm{_SL_ADJ} 8 devet{_SL_ADJ} 9 deset{_SL_ADJ} 10 "
        f"enajst{_SL_ADJ} 11 dvanajst{_SL_ADJ} 12 osemnajst{_SL_ADJ} 18 "
        f"devetnajst{_SL_ADJ} 19 dvajset{_SL_ADJ} 20"),
    "hr": _table(
        "nula 0 jedan 1 jedna 1 jedno 1 jednog 1 jednoga 1 jednom 1 jednome 1 jednomu 1 "
        "jednu 1 jednoj 1 jednim 1 dva 2 dvije 2 dvaju 2 dvama 2 dvjema 2 dvoje 2 "
        "dvojice 2 tri 3 triju 3 trima 3 troje 3 trojice 3 četiri 4 četiriju 4 četirima 4 "
        "pet 5 šest 6 sedam 7 osam 8 devet 9 deset 10 jedanaest 11 dvanaest 12 "
        "trinaest 13 četrnaest 14 petnaest 15 šesnaest 16 sedamnaest 17 osamnaest 18 "
        "devetnaest 19 dvadeset 20 trideset 30 četrdeset 40 pedeset 50 šezdeset 60 "
        "sedamdeset 70 osamdeset 80 devedeset 90 sto 100 stotinu 100 tisuću 1000 "
        f"tisuća 1000 tisuće 1000 prv{_HR_ADJ} 1 treć(i|a|e|eg|ega|em|emu|oj|u|im|ima|ih) 3 "
        f"četvrt{_HR_ADJ} 4 pet{_HR_ADJ} 5 šest{_HR_ADJ} 6 sedm{_HR_ADJ} 7 osm{_HR_ADJ} 8 "
        f"devet{_HR_ADJ} 9 deset{_HR_ADJ} 10 jedanaest{_HR_ADJ} 11 dvanaest{_HR_ADJ} 12 "
        f"osamnaest{_HR_ADJ} 18 devetnaest{_HR_ADJ} 19 dvadeset{_HR_ADJ} 20"),
    "ro": _table(
        "zero 0 unu 1 una 1 un 1 o 1 doi 2 două 2 trei 3 patru 4 cinci 5 șase 6 şase 6 "
        "șapte 7 şapte 7 opt 8 zece 10 unsprezece 11 doisprezece 12 douăsprezece 12 "
        "treisprezece 13 paisprezece 14 cincisprezece 15 șaisprezece 16 şaisprezece 16 "
        "șaptesprezece 17 şaptesprezece 17 optsprezece 18 nouăsprezece 19 douăzeci 20 "
        "treizeci 30 patruzeci 40 cincizeci 50 șaizeci 60 şaizeci 60 șaptezeci 70 "
        "şaptezeci 70 optzeci 80 nouăzeci 90 sută 100 sute 100 mie 1000 mii 1000 "
        "primul 1 prima 1 întâi 1 întâiul 1 întâia 1 doilea 2 doua 2 treilea 3 treia 3 "
        "patrulea 4 patra 4 cincilea 5 cincea 5 șaselea 6 şaselea 6 șasea 6 şasea 6 "
        "șaptelea 7 şaptelea 7 șaptea 7 şaptea 7 optulea 8 nouălea 9 zecelea 10 zecea 10 "
        "unsprezecelea 11 unsprezecea 11 doisprezecelea 12 douăsprezecea 12"),
    "fi": _table(
        "nolla 0 yksi 1 yhden 1 yhdellä 1 yhdelle 1 yhdeltä 1 "
        "kaksi 2 kahden 2 kahta 2 kahdella 2 kahdelle 2 kahdessa 2 kahteen 2 kahdesta 2 "
        "kolme 3 kolmen 3 kolmea 3 kolmella 3 kolmelle 3 kolmessa 3 kolmeen 3 kolmesta 3 "
        "neljä 4 neljän 4 neljää 4 neljällä 4 neljälle 4 neljässä 4 neljään 4 neljästä 4 "
        "viisi 5 viiden 5 viittä 5 viidellä 5 viidelle 5 viidessä 5 viiteen 5 viidestä 5 "
        "kuusi 6 kuuden 6 kuutta 6 kuudella 6 kuudelle 6 kuudessa 6 kuuteen 6 kuudesta 6 "
        "seitsemän 7 seitsemää 7 seitsemällä 7 seitsemälle 7 seitsemässä 7 seitsemään 7 "
        "kahdeksan 8 kahdeksaa 8 kahdeksalla 8 kahdeksalle 8 kahdeksassa 8 kahdeksaan 8 "
        "yhdeksän 9 yhdeksää 9 yhdeksällä 9 yhdeksälle 9 yhdeksässä 9 yhdeksään 9 "
        "kymmenen 10 kymmentä 10 kymmenellä 10 kymmenelle 10 kymmenessä 10 kymmeneen 10 "
        "yksitoista 11 yhdentoista 11 kaksitoista 12 kahdentoista 12 kolmetoista 13 "
        "neljätoista 14 viisitoista 15 kuusitoista 16 seitsemäntoista 17 "
        "kahdeksantoista 18 yhdeksäntoista 19 kaksikymmentä 20 kahdenkymmenen 20 "
        "kolmekymmentä 30 kolmenkymmenen 30 neljäkymmentä 40 viisikymmentä 50 "
        "kuusikymmentä 60 seitsemänkymmentä 70 kahdeksankymmentä 80 yhdeksänkymmentä 90 "
        "sata 100 sataa 100 sadan 100 tuhat 1000 tuhatta 1000 tuhannen 1000 "
        "ensimmäi(nen|sen|stä|senä|seen|sessä|sellä|set|siä|sten) 1 "
        "kolma(s|nnen|tta|ntena|nteen|nnessa|nnella|nsien|nsiin|nsia|nsille) 3 "
        "neljä(s|nnen|ttä|ntenä|nteen|nnessä|nnellä) 4 viide(s|nnen|ttä|ntenä|nteen) 5 "
        "kuude(s|nnen|tta|ntena|nteen) 6 seitsemä(s|nnen|ttä|ntenä|nteen) 7 "
        "kahdeksa(s|nnen|tta|ntena|nteen) 8 yhdeksä(s|nnen|ttä|ntenä|nteen) 9 "
        "kymmene(s|nnen|ttä|ntenä|nteen) 10 yhdestoista 11 yhdennentoista 11 "
        "kahdestoista 12 kahdennentoista 12 kahdeksastoista 18 kahdeksannentoista 18 "
        "yhdeksästoista 19 yhdeksännentoista 19"),
    "et": _table(
        "null 0 üks 1 ühe 1 üht 1 ühte 1 ühel 1 ühele 1 ühes 1 ühest 1 "
        "kaks 2 kahe 2 kaht 2 kahte 2 kahel 2 kahele 2 kahes 2 kahest 2 "
        "kolm 3 kolme 3 kolmel 3 kolmele 3 kolmes 3 kolmest 3 "
        "neli 4 nelja 4 neljal 4 neljale 4 neljast 4 viis 5 viie 5 viit 5 viiel 5 viiele 5 "
        "kuue 6 kuut 6 kuuel 6 seitse 7 seitsme 7 seitset 7 seitsmel 7 kaheksa 8 "
        "kaheksat 8 kaheksal 8 üheksa 9 üheksat 9 üheksal 9 kümme 10 kümne 10 kümmet 10 "
        "kümnel 10 üksteist 11 üheteistkümne 11 kaksteist 12 kaheteistkümne 12 "
        "kolmteist 13 kolmeteistkümne 13 neliteist 14 viisteist 15 kuusteist 16 "
        "seitseteist 17 kaheksateist 18 kaheksateistkümne 18 üheksateist 19 "
        "üheksateistkümne 19 kakskümmend 20 kahekümne 20 kolmkümmend 30 kolmekümne 30 "
        "nelikümmend 40 viiskümmend 50 kuuskümmend 60 seitsekümmend 70 "
        "kaheksakümmend 80 üheksakümmend 90 sada 100 saja 100 sadat 100 tuhat 1000 "
        "tuhande 1000 tuhandet 1000 esime(ne|se|sel|sele|ses|st|sed|ste) 1 "
        "kolma(s|nda|ndal|ndale|ndas|ndat|ndad|ndate) 3 nelja(s|nda|ndal|ndat) 4 "
        "vii(es|enda|endal|endat) 5 kuu(es|enda|endal|endat) 6 "
        "seitsme(s|nda|ndal|ndat) 7 kaheksa(s|nda|ndal|ndat) 8 üheksa(s|nda|ndal|ndat) 9 "
        "kümne(s|nda|ndal|ndat) 10 üheteistkümne(s|nda|ndal) 11 "
        "kaheteistkümne(s|nda|ndal) 12 kaheksateistkümne(s|nda|ndal) 18 "
        "üheksateistkümne(s|nda|ndal) 19 kahekümne(s|nda|ndal) 20"),
    # "tizen" and "huszon" (10, 20) only begin words: "tizennyolcadik", "huszonkét"
    "hu": _table(
        "nulla 0 egy 1 egyet 1 eggyel 1 kettő 2 két 2 kettőt 2 kettővel 2 három 3 "
        "hármat 3 hárommal 3 négy 4 négyet 4 néggyel 4 öt 5 ötöt 5 öttel 5 hat 6 hatot 6 "
        "hattal 6 hét 7 hetet 7 héttel 7 nyolc 8 nyolcat 8 nyolccal 8 kilenc 9 kilencet 9 "
        "kilenccel 9 tíz 10 tizet 10 tízet 10 tízzel 10 tizen 10 tizenegy 11 tizenkettő 12 "
        "tizenkét 12 húsz 20 huszon 20 harminc 30 negyven 40 ötven 50 hatvan 60 "
        "hetven 70 nyolcvan 80 kilencven 90 száz 100 ezer 1000 ezret 1000 "
        "első 1 elsőt 1 elsőben 1 második 2 másodikat 2 másodikban 2 harmadik 3 "
        "harmadikat 3 harmadikban 3 negyedik 4 negyediket 4 negyedikben 4 ötödik 5 "
        "ötödiket 5 ötödikben 5 hatodik 6 hatodikat 6 hatodikban 6 hetedik 7 hetediket 7 "
        "hetedikben 7 nyolcadik 8 nyolcadikat 8 nyolcadikban 8 kilencedik 9 "
        "kilencediket 9 kilencedikben 9 tizedik 10 tizediket 10 tizedikben 10 "
        "tizenegyedik 11 tizenkettedik 12 huszadik 20"),
    # "div" (2) only begins words: "divtūkstoš", "divsimt"
    "lv": _table(
        "nulle 0 viens 1 viena 1 vienu 1 vienam 1 vienai 1 vienā 1 div 2 divi 2 divas 2 "
        "divu 2 diviem 2 divām 2 trīs 3 triju 3 trim 3 četri 4 četras 4 četru 4 "
        "četriem 4 četrām 4 pieci 5 piecas 5 piecu 5 pieciem 5 piecām 5 seši 6 sešas 6 "
        "sešu 6 sešiem 6 sešām 6 septiņi 7 septiņas 7 septiņu 7 septiņiem 7 septiņām 7 "
        "astoņi 8 astoņas 8 astoņu 8 astoņiem 8 astoņām 8 deviņi 9 deviņas 9 deviņu 9 "
        "deviņiem 9 deviņām 9 "
        f"desmit(|{_LV_DEF}) 10 vienpadsmit(|{_LV_DEF}) 11 divpadsmit(|{_LV_DEF}) 12 "
        f"trīspadsmit(|{_LV_DEF}) 13 četrpadsmit(|{_LV_DEF}) 14 "
        f"piecpadsmit(|{_LV_DEF}) 15 sešpadsmit(|{_LV_DEF}) 16 "
        f"septiņpadsmit(|{_LV_DEF}) 17 astoņpadsmit(|{_LV_DEF}) 18 "
        f"deviņpadsmit(|{_LV_DEF}) 19 divdesmit(|{_LV_DEF}) 20 trīsdesmit(|{_LV_DEF}) 30 "
        "četrdesmit 40 piecdesmit 50 sešdesmit 60 septiņdesmit 70 astoņdesmit 80 "
        "deviņdesmit 90 simts 100 simt 100 simtu 100 simtiem 100 tūkstotis 1000 "
        "tūkstoš 1000 tūkstoši 1000 tūkstošu 1000 tūkstošiem 1000 tūkstoša 1000 "
        f"pirm({_LV_DEF}) 1 otr(ais|ajā|ajam|ajai|ajos|ajās|ajiem|ajām) 2 treš({_LV_DEF}) 3 "
        f"ceturt({_LV_DEF}) 4 piekt({_LV_DEF}) 5 sest({_LV_DEF}) 6 septīt({_LV_DEF}) 7 "
        f"astot({_LV_DEF}) 8 devīt({_LV_DEF}) 9"),
    "lt": _table(
        "nulis 0 vienas 1 viena 1 vieno 1 vienam 1 vieną 1 vienu 1 viename 1 vienai 1 "
        "vienoje 1 du 2 dvi 2 dviejų 2 dviem 2 dveji 2 dvejų 2 dvejus 2 dvejiems 2 "
        "trys 3 trijų 3 trims 3 tris 3 trimis 3 treji 3 trejų 3 trejus 3 "
        "ketur(i|ios|ių|iems|is|ias|iais|iose) 4 ketveri 4 ketverių 4 "
        "penk(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 5 "
        "šeš(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 6 "
        "septyn(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 7 "
        "aštuon(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 8 "
        "devyn(i|ios|ių|iems|is|ias|iais|iose|eri|erių) 9 "
        "dešimt(|ies|ims|imi) 10 dešimčiai 10 dešimčia 10 vienuolik(a|os|ai) 11 "
        "dvylik(a|os|ai) 12 trylik(a|os|ai) 13 keturiolik(a|os|ai) 14 "
        "penkiolik(a|os|ai) 15 šešiolik(a|os|ai) 16 septyniolik(a|os|ai) 17 "
        "aštuoniolik(a|os|ai) 18 devyniolik(a|os|ai) 19 dvidešimt(|ies) 20 "
        "trisdešimt(|ies) 30 keturiasdešimt 40 penkiasdešimt 50 šešiasdešimt 60 "
        "septyniasdešimt 70 aštuoniasdešimt 80 devyniasdešimt 90 šimt(as|o|ų|ai|ą) 100 "
        "tūkstant(is|į) 1000 tūkstanči(o|ai|ų|ais|ui) 1000 "
        "pirm(as|o|ą|ame|ai|ų|ųjų|asis|oji|ojo|ajam|ajame|ąjį|ąją|ojoje|i|os|us|ieji) 1 "
        f"antr{_LT_ORD} 2 treči{_LT_ORD} 3 ketvirt{_LT_ORD} 4 "
        f"penkt{_LT_ORD} 5 šešt{_LT_ORD} 6 septint{_LT_ORD} 7 aštunt{_LT_ORD} 8 "
        f"devint{_LT_ORD} 9 dešimt{_LT_ORD} 10 vienuolikt{_LT_ORD} 11 "
        f"dvylikt{_LT_ORD} 12 aštuoniolikt{_LT_ORD} 18 devyniolikt{_LT_ORD} 19 "
        f"dvidešimt{_LT_ORD} 20"),
    # an apostrophe ends a word: "disa'", "seba'" are read "disa", "seba"
    "mt": _table(
        "żero 0 wieħed 1 waħda 1 tnejn 2 żewġ 2 tlieta 3 tliet 3 tlett 3 erbgħa 4 erba 4 "
        "erbat 4 ħamsa 5 ħames 5 ħamest 5 sitta 6 sitt 6 sebgħa 7 seba 7 sebat 7 "
        "tmienja 8 tmien 8 tmint 8 disgħa 9 disa 9 disat 9 għaxra 10 għaxar 10 "
        "għaxart 10 ħdax 11 tnax 12 tlettax 13 erbatax 14 ħmistax 15 sittax 16 sbatax 17 "
        "tmintax 18 dsatax 19 għoxrin 20 tletin 30 erbgħin 40 ħamsin 50 sittin 60 "
        "sebgħin 70 tmenin 80 disgħin 90 mija 100 mitt 100 elf 1000 elef 1000 "
        "elfejn 2000 ewwel 1 tieni 2 tielet 3"),
}
MONTH_WORDS: dict[str, dict[str, int]] = {
    lang: {name: n for n, names in enumerate(spec.split("|"), 1) for name in names.split()}
    for lang, spec in {
        "en": "january|february|march|april|may|june|july|august|september|october"
              "|november|december",
        "fr": "janvier|février fevrier|mars|avril|mai|juin|juillet|août aout|septembre"
              "|octobre|novembre|décembre decembre",
        "de": "januar jänner|februar|märz|april|mai|juni|juli|august|september|oktober"
              "|november|dezember",
        "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre setiembre"
              "|octubre|noviembre|diciembre",
        "it": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
              "|novembre|dicembre",
    }.items()
}
# A language without a list reads those of the first five: the others' short words are
# words of other languages too (Danish "to" is Polish "this", Swedish "en" a preposition).
_ALL_NUMBER_WORDS = {w: v for code in ("en", "fr", "de", "es", "it")
                     for w, v in NUMBER_WORDS[code].items()}
_ALL_MONTH_WORDS = {w: v for table in MONTH_WORDS.values() for w, v in table.items()}
# English "may" is the verb far more often than the month ("Member States may"), which
# would excuse any 5: the month only beside a number of its date ("3 May", "May 2019").
_MAY_DATE_RE = re.compile(r"\d\s*May\b|\bMay\s*\d")
# Words that join the parts of a number written out ("one hundred and five", "vingt et un",
# "two thousand and eighteen"), or of a German one written as one word ("einundzwanzig").
_NUMBER_JOINERS = frozenset({"and", "et", "und", "y", "e", "en", "och", "og", "και"})
# ... and those of one language only, which are common short words of others (English "in",
# "i"): Romanian "douăzeci și unu", Croatian "dvadeset i jedan", Slovene "enaindvajset",
# Maltese "elfejn u tmintax".
_JOINERS_BY_LANG = {code: _NUMBER_JOINERS | extra for code, extra in {
    "ro": {"și", "şi"}, "hr": {"i"}, "sl": {"in"}, "mt": {"u"}}.items()}
# Indefinite articles: "one" only inside a number ("vingt et un"), never on their own.
_ARTICLES = frozenset({"un", "une", "ein", "eine", "una", "een", "um", "uma", "en", "ett",
                       "et", "ένα", "μία", "μια", "o", "egy"})


@dataclass(slots=True)
class _Number:
    """One number as written: its spelling, the values it may stand for, the integers
    between its separators (tried when the number as a whole finds no partner), where it
    starts, and whether it is glued to a letter before it ("ed1.2", "CO2", "am1"): such a
    number pairs with a number of the other side, but is part of a code, so it is never
    reported when it finds none."""

    raw: str
    values: frozenset[Decimal]
    parts: tuple[Decimal, ...] = ()
    pos: int = 0
    weak: bool = False
    # a Roman numeral after a reference word ("Annex II")
    roman: bool = False
    # the scale word after it, as written ("million", "Mrd"), shown with the number
    scale: str = ""
    # its values read strictly by its language's decimal mark (see _strict_values), for a
    # number spelled as in the other side: None when they are its values
    strict: frozenset[Decimal] | None = None

    @property
    def shown(self) -> str:
        return f"{self.raw} {self.scale}" if self.scale else self.raw


def _decimal_mode(lang: str) -> str:
    """"point", "comma" (French: a point read both ways), "comma-dot" (German: a point
    groups thousands) or "both" (a language of neither list)."""
    code = primary_of(lang)
    if code in DECIMAL_POINT:
        return "point"
    if code in DECIMAL_COMMA:
        return "comma-dot" if code in DOT_GROUPING else "comma"
    return "both"


def _grouped(runs: list[str]) -> bool:
    """Whether digit runs read as thousands groups: 1-3 digits, then groups of three."""
    return 1 <= len(runs[0]) <= 3 and not (runs[0][0] == "0") and \
        all(len(run) == 3 for run in runs[1:])


def _interpretations(body: str, mode: str) -> set[Decimal] | None:
    """The values a number body (digits and separators, no sign) may stand for; empty
    when it is no single number ("17.1.2000", "2019 391"); ``None`` when it is one number
    written with conventions the language does not read ("1,000.50" in German or French:
    a point after a comma group), so that it matches no value."""
    pieces = _SEPARATOR_RE.split(body)
    runs, seps = pieces[::2], pieces[1::2]
    if not seps:
        return {Decimal(body)}
    comma = mode.startswith("comma")
    values: set[Decimal] = set()
    # every separator a thousands separator: "1 000", "1,000,000", "1.000", "1'000"
    if len(set(seps)) == 1 and _grouped(runs):
        if not (len(seps) == 1 and seps[0] == "," and comma):
            values.add(Decimal("".join(runs)))
    # the last separator a decimal mark, any before it thousands separators:
    # "1,5", "1.5", "1 000,5", "1,000.5", "1.000,5"
    last = seps[-1]
    if last in ".,":
        head_seps = seps[:-1]
        head_ok = not head_seps or (len(set(head_seps)) == 1 and head_seps[0] != last
                                    and _grouped(runs[:-1]))
        lone_group = len(seps) == 1 and len(runs[1]) == 3 and _grouped(runs)
        if head_ok and last == "." and comma and "," in head_seps:
            return None  # the English "1,000.50": no decimal-comma reader sees 1000.50
        # a lone comma before three digits is a thousands separator where the point is
        # the decimal mark; a lone point before three, where the point groups thousands
        if head_ok and not (lone_group and (last, mode) in _GROUPING_ONLY):
            values.add(Decimal("".join(runs[:-1]) + "." + runs[-1]))
    return values


# (lone separator before three digits, mode) where it groups thousands and is no decimal mark
_GROUPING_ONLY = frozenset({(",", "point"), (".", "comma-dot")})


def _strict_values(body: str, mode: str, quantity: bool) -> set[Decimal] | None:
    """The values of a number body read strictly as a language of ``mode`` writes it,
    where that differs from :func:`_interpretations` (``None`` where it does not): a copy of
    the other side's spelling is then wrong when that reading differs. A comma is never
    an English decimal mark ("2,5"; a comma may still group thousands); in a quantity
    (:data:`_QUANTITY_AFTER_RE`, a scale word) an English point is a decimal mark only
    ("EUR 1.500" is 1.5) and a point is no decimal mark in a decimal-comma language ("3.5%",
    "1.5 million"). Elsewhere a point stays read both ways ("point 1.5", "1.500 kg")."""
    if mode == "both":
        return None
    pieces = _SEPARATOR_RE.split(body)
    runs, seps = pieces[::2], pieces[1::2]
    if not seps:
        return None
    foreign = "," if mode == "point" else "."
    if seps[-1] == foreign and (mode == "point" or quantity):
        # the foreign mark can only group thousands
        if len(set(seps)) == 1 and _grouped(runs):
            return {Decimal("".join(runs))}
        return set()
    if mode == "point" and quantity and seps == ["."]:
        return {Decimal(body)}
    return None


def _numbers(text: str, lang: str, scales: bool = True) -> list[_Number]:
    """The numbers written with digits in ``text`` (NFKC), read as ``lang`` writes them.
    ``scales=False``: a number before a scale word keeps its own value too (the other
    side's language has no :data:`SCALE_WORDS`, so its scale words are not read)."""
    mode = _decimal_mode(lang)
    numbers: list[_Number] = []
    if primary_of(lang) == "en" and _AM_PM_RE.search(text):
        def clock(m: re.Match[str]) -> str:
            hour = int(m.group(1))
            values = {Decimal(hour)}
            if m.group(3).lower() == "p" and hour < 12:
                values.add(Decimal(hour + 12))
            elif m.group(3).lower() == "a" and hour == 12:
                values.add(Decimal(0))
            numbers.append(_Number(m.group(1), frozenset(values), pos=m.start()))
            if m.group(2):
                numbers.append(_Number(m.group(2), frozenset({Decimal(m.group(2))}),
                                       pos=m.start(2)))
            return " " * len(m.group())
        text = _CLOCK_RE.sub(clock, text)
    previous: tuple[str, int] = ("", -1)  # the last number's body and end
    for m in _NUMBER_RE.finditer(text):
        body, start, end = m.group(), m.start(), m.end()
        before = text[start - 1] if start else " "
        # glued to a letter: a code ("CO2", "ed1.2"), except the minutes of "10h30"
        # ... and "00", the minutes of "12 h 00" where the other side writes "12.00"
        weak = before.isalpha() and not (before == "h" and start > 1
                                         and text[start - 2].isdigit()) or body == "00"
        negative = before in _SIGNS and (start == 1 or text[start - 2] in _BEFORE_SIGN) \
            and not _POSTCODE_PREFIX_RE.search(text, max(0, start - 6), start - 1)
        values = _interpretations(body, mode)
        if values is None:
            # a number in another language's conventions pairs with nothing
            numbers.append(_Number(body, frozenset(), pos=start, weak=weak))
            previous = (body, end)
            continue
        runs = _DIGITS_RE.findall(body)
        if not values:
            # no single number: each run between the separators is one
            numbers.extend(_Number(run, frozenset({Decimal(run)}), pos=start, weak=weak)
                           for run in runs)
            previous = (runs[-1], end)
            continue
        if len(body) == 2 and before in _RANGE_MARKS and previous[1] == start - 1 \
                and len(previous[0]) == 4:
            values.add(Decimal(previous[0][:2] + body))
        scale = _SCALE_RE.match(text, end)
        factors, loose = _scale_factors(scale.group(1), lang) if scale else ((), True)
        # a year before a plural scale word ("In 2008 millions of people") is the year too;
        # not a sum of money ("EUR 2000 million"): that is the amount this check is for
        year = (len(runs) == 1 and _YEAR_RE.fullmatch(body) is not None
                and _QUANTITY_BEFORE_RE.search(text, max(0, start - 6), start) is None
                and not (scale and _QUANTITY_AFTER_RE.match(text, scale.end())))
        loose = loose or not scales or year
        values = _scaled(values, factors, loose)
        if len(body) == 4 and body.endswith("0") and _DECADE_RE.match(text, end):
            values.add(Decimal(int(body) % 100))
        strict = None
        if len(runs) > 1:
            quantity = scale is not None and not loose or _is_quantity(text, start, end)
            strict = _strict_values(body, mode, quantity)
            if strict is not None:
                strict = _scaled(strict, factors, loose)
        if negative:
            values = {-v for v in values}
            strict = None if strict is None else {-v for v in strict}
            body = "-" + body
        parts = tuple(Decimal(run) for run in runs) if len(runs) > 1 else ()
        numbers.append(_Number(body, frozenset(values), parts, start, weak, False,
                               scale.group(1) if scale and not loose else "",
                               None if strict is None else frozenset(strict)))
        previous = (m.group(), end)
    return numbers


def _roman_references(text: str, lang: str) -> list[_Number]:
    """The Roman numerals that number parts of ``text`` ("Annex II", "titres I à III"). In
    English, a lone "I" after a lower-case word only where that word is no pronoun's place
    ("for my part I think"); French "les annexes I et II" has no such pronoun."""
    english = primary_of(lang) == "en"
    found: list[_Number] = []
    text = plain_spaces(text)  # "annexe\u00a0I"
    # most texts have no capital I, V, X or L after a space: "in" tells that at C speed
    if " I" not in text and " V" not in text and " X" not in text and " L" not in text:
        return found
    end = 0
    for m in _ROMAN_CANDIDATE_RE.finditer(text):
        if m.start() < end:
            continue  # a numeral of the list already read
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        if before is None or before.group(1).casefold() not in _REFERENCE_FORMS:
            continue
        letters = m.group(1)
        # "the annexes I have read": the pronoun; "annexes I and II": a list of numerals
        if letters == "I" and english and before.group(1) in _PRONOUN_PLACES \
                and _ROMAN_NEXT_RE.match(text, m.end()) is None:
            continue
        found.extend(_roman_number(letters, m.start(1)))
        end = m.end()
        while (more := _ROMAN_NEXT_RE.match(text, end)) is not None:
            found.extend(_roman_number(more.group(1), more.start(1)))
            end = more.end()
    return found


def _roman_number(letters: str, pos: int) -> list[_Number]:
    if not _ROMAN_VALID.fullmatch(letters):
        return []
    return [_Number(letters, frozenset({Decimal(_roman(letters))}), pos=pos, roman=True)]


def _scaled(values: set[Decimal], factors: Iterable[int], loose: bool) -> set[Decimal]:
    """``values`` times each factor of a scale word; the values themselves too when the
    word is loose (or there is none)."""
    scaled = {v * f for v in values for f in factors}
    return scaled | values if loose else scaled


def _is_quantity(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is an amount of money or a percentage."""
    return _QUANTITY_AFTER_RE.match(text, end) is not None or \
        _QUANTITY_BEFORE_RE.search(text, max(0, start - 5), start) is not None


def _match(left: list[_Number], right: list[_Number]) -> None:
    """Remove from both lists the numbers that pair up: the same spelling first (when the
    two languages read it alike: "1,500" is 1500 in English, 1.5 in French), then a
    shared value, the numbers with the fewest readings taking their partners first."""
    common = _same_reading(Counter(n.raw for n in right) & Counter(n.raw for n in left),
                           left, right)
    if common:
        for side in (left, right):
            remove = Counter(common)
            taken = set()
            # a number of the text pairs before a number of a code ("2" before "CO2"'s)
            for n in sorted(side, key=lambda n: n.weak):
                if remove[n.raw]:
                    remove[n.raw] -= 1
                    taken.add(id(n))
            side[:] = [n for n in side if id(n) not in taken]
    if not left or not right:
        return
    # by value, so that a table with hundreds of numbers costs no more than it must
    index: dict[Decimal, list[int]] = {}
    for j, other in enumerate(right):
        for value in other.values:
            index.setdefault(value, []).append(j)
    used = [False] * len(right)
    lost: set[int] = set()
    for n in sorted(left, key=lambda n: (n.weak, len(n.values))):
        best: tuple[bool, int, int] | None = None
        for value in n.values:
            for j in index.get(value, ()):
                if not used[j]:
                    key = (right[j].weak, len(right[j].values), j)
                    if best is None or key < best:
                        best = key
        if best is None:
            lost.add(id(n))
        else:
            used[best[2]] = True
    left[:] = [n for n in left if id(n) in lost]
    right[:] = [other for j, other in enumerate(right) if not used[j]]


def _same_reading(common: Counter[str], left: list[_Number],
                  right: list[_Number]) -> Counter[str]:
    """The spellings of ``common`` that both sides read as one value at least."""
    if not common:
        return common
    readings: dict[str, list[frozenset[Decimal]]] = {}
    for side, numbers in enumerate((left, right)):
        for n in numbers:
            if n.raw in common:
                readings.setdefault(n.raw, [frozenset(), frozenset()])[side] |= n.values
    return Counter({raw: times for raw, times in common.items()
                    if readings[raw][0] & readings[raw][1]})


def _split_match(left: list[_Number], right: list[_Number], repeats: bool = True) -> None:
    """Try the numbers still unmatched as the integers between their separators:
    "10.30" against "10 h 30". A number pairs this way only when all its parts do.
    ``repeats``: a part before the last may be a number an earlier split already took,
    as Swedish repeats the article of "Article 1(4) and (6)": "artikel 1.4 och 1.6"."""
    for side, other in ((left, right), (right, left)):
        taken: list[frozenset[Decimal]] = []
        for n in [n for n in side if n.parts]:
            pool = list(other)
            took = []
            for i, part in enumerate(n.parts):
                j = next((k for k, o in enumerate(pool) if part in o.values), None)
                if j is None:
                    if repeats and i < len(n.parts) - 1 \
                            and any(part in values for values in taken):
                        continue
                    break
                took.append(pool[j].values)
                del pool[j]
            else:
                side[:] = [m for m in side if m is not n]
                other[:] = pool
                taken.extend(took)


def _spaced_match(left: list[_Number], right: list[_Number], left_text: str,
                  right_text: str) -> None:
    """Pair a number written in groups of digits apart by a space with the same digits
    written together: the postcodes of addresses, "185 38" in Greek or Czech "110 00"
    against "18538" and "11000" (groups of three are thousands, read before; these are
    not). Two or three plain integers in a row, one space between them, whose digits are
    those of an unmatched integer of the other side."""
    for side, other, text in ((left, right, left_text), (right, left, right_text)):
        if len(side) < 2 or not other:
            continue
        plain = sorted((n for n in side if n.raw.isdigit()), key=lambda n: n.pos)
        for size in (3, 2):
            for at in range(len(plain) - size + 1):
                run = plain[at:at + size]
                if any(n not in side for n in run) or not all(
                        text[a.pos + len(a.raw):b.pos] in (" ", "\u00a0", "\u202f")
                        for a, b in zip(run, run[1:], strict=False)):
                    continue
                joined = "".join(n.raw for n in run)
                partner = next((o for o in other if o.raw == joined), None)
                if partner is not None:
                    side[:] = [n for n in side if n not in run]
                    other.remove(partner)


def _word_values(text: str, lang: str) -> Counter[Decimal]:
    """The numbers ``text`` writes as words (and Roman numerals), one for each run of
    number words ("quatre-vingt-dix-neuf" 99, "one hundred and five" 105, "twenty-first"
    21), each month name and each numeral."""
    code = primary_of(lang)
    table = NUMBER_WORDS.get(code, _ALL_NUMBER_WORDS)
    months = MONTH_WORDS.get(code, _ALL_MONTH_WORDS)
    joiners = _JOINERS_BY_LANG.get(code, _NUMBER_JOINERS)
    found: Counter[int] = Counter()
    total = current = words = 0
    first = ""
    previous: int | None = None
    # a word that is no number word ends the last run
    folded = text.casefold() + " end"
    for m in WORD_RE.finditer(folded):
        word = m.group()
        value = None if m.end() == len(folded) else table.get(word)
        # a number written as one word of number words: German "zweitausendachtzehn",
        # Italian "duemiladiciotto" (the year of a treaty's closing formula)
        parts = (value,) if value is not None else _number_parts(word, code)
        if parts is None:
            # "vingt et un", "one hundred and five", "two thousand and eighteen"; not
            # "first and second"
            if words and word in joiners and (
                    current >= 20 and current % 10 == 0 or not current and total):
                continue
            if words and not (words == 1 and first in _ARTICLES):
                found[total + current] += 1
            total = current = words = 0
            previous = None
            if word in months and word != "may":
                found[months[word]] += 1
            continue
        if not words:
            first = word
        words += 1
        for value in parts:
            if value >= 1000:
                total += max(current, 1) * value
                current = 0
            elif value == 100:
                current = max(current, 1) * 100
            elif value == 20 and previous == 4 and word.startswith("vingt"):
                current += 76  # quatre-vingt: 4 x 20
            else:
                current += value
            previous = value
    if "may" in months and (dates := len(_MAY_DATE_RE.findall(text))):
        found[months["may"]] += dates
    for m in _ROMAN_RE.finditer(text):
        letters, suffix = m.groups()
        # one letter only with an ordinal ending other than "e" ("Ier"): "Le", "De", "Ce"
        # are words, a lone capital a pronoun or an initial
        if (len(letters) >= 2 or suffix and suffix != "e") and _ROMAN_VALID.fullmatch(letters):
            found[_roman(letters)] += 1
    found.update(_ROMAN_DIGITS[m.group(1)] for m in _ROMAN_AFTER_RE.finditer(text))
    return Counter({Decimal(v): n for v, n in found.items()})


@lru_cache(maxsize=4096)
def _number_parts(word: str, code: str) -> tuple[int, ...] | None:
    """The values of the number words ``word`` is made of, two at least, joiners left out
    ("zweitausendachtzehn": 2, 1000, 8, 10; "einundzwanzig": 1, 20); None when it is no
    such word. Only words made wholly of number words count, none under two letters."""
    if len(word) < 6 or len(word) > 40 or word.isdigit():
        return None
    table = NUMBER_WORDS.get(code, _ALL_NUMBER_WORDS)
    joiners = _JOINERS_BY_LANG.get(code, _NUMBER_JOINERS)

    def split(start: int) -> list[int] | None:
        if start == len(word):
            return []
        for end in range(len(word), start + 1, -1):  # the longest word first
            part = word[start:end]
            if part in table or part in joiners:
                rest = split(end)
                if rest is not None:
                    return ([table[part]] if part in table else []) + rest
        return None

    parts = split(0)
    return tuple(parts) if parts is not None and len(parts) >= 2 else None


def _roman(letters: str) -> int:
    total = 0
    for a, b in zip(letters, letters[1:] + " ", strict=True):
        value = _ROMAN_DIGITS[a]
        total += -value if b != " " and _ROMAN_DIGITS[b] > value else value
    return total


def _excuse(numbers: list[_Number], text: str, lang: str, other_text: str,
            other_lang: str) -> None:
    """Drop the numbers the other side writes as words (or Roman numerals) more often than
    this side does: "Appendix I" on both sides excuses nothing."""
    if not numbers:
        return
    spare = _word_values(other_text, other_lang) - _word_values(text, lang)
    if not spare:
        return
    kept = []
    for n in numbers:
        value = next((v for v in n.values if spare[v] > 0), None)
        if value is None:
            kept.append(n)
        else:
            spare[value] -= 1
    numbers[:] = kept


def _sign_match(left: list[_Number], right: list[_Number], left_text: str,
                right_text: str) -> None:
    """Pair "20 degrees below zero" with "-20 degrés": a side that says minus in words
    may pair its numbers with their negatives."""
    for side, other, text in ((left, right, left_text), (right, left, right_text)):
        if side and other and _NEGATIVE_WORDS_RE.search(text):
            signed = {id(n): _Number(n.raw, n.values | {-v for v in n.values}, n.parts,
                                     n.pos, n.weak) for n in side}
            trial = list(signed.values())
            _match(trial, other)
            unmatched = {id(n) for n in trial}
            side[:] = [n for n in side if id(signed[id(n)]) in unmatched]


def _read_apart_maybe(spellings: list[str], unit: Pair) -> bool:
    """Whether the same spellings on both sides may still read apart: a comma between
    languages that write numbers differently, or a point in a target that may hold a
    quantity (:func:`_strict_values`)."""
    if _decimal_mode(unit.source_lang) == _decimal_mode(unit.target_lang):
        return False
    return any("," in spelling for spelling in spellings) or (
        any("." in spelling for spelling in spellings) and _may_be_quantity(unit.target))


# A spelling every language reads one way: digits, or digits with one decimal mark and one,
# two or four and more decimals ("1,500" may be 1500 or 1.5; "534,32" is 534.32).
_PLAIN_DECIMAL_RE = re.compile(r"\d+(?:([.,])(?:\d{1,2}|\d{4,}))?")


def _plain_decimals_alike(source: list[str], target: list[str], unit: Pair) -> bool:
    """Whether the spellings (sorted) of a unit whose sides write the decimal mark apart
    ("534.32" / "534,32", the commonest difference) are the same numbers, each a plain
    integer or decimal written with its side's mark: every reading then pairs them up, as
    the same spellings do. Not when a side's text is not NFKC (its numbers are read from
    its NFKC form) or holds an English clock time ("3.30 p.m." is 3 and 30)."""
    source_mode, target_mode = _decimal_mode(unit.source_lang), _decimal_mode(unit.target_lang)
    if source_mode == target_mode or "both" in (source_mode, target_mode) \
            or len(source) != len(target):
        return False
    source_points, target_points = _as_point(source, source_mode), _as_point(target, target_mode)
    if source_points is None or target_points is None \
            or sorted(source_points) != sorted(target_points):
        return False
    return all(unicodedata.is_normalized("NFKC", text) and not (
        primary_of(lang) == "en" and _AM_PM_RE.search(text) and _CLOCK_RE.search(text))
        for text, lang in ((unit.source, unit.source_lang), (unit.target, unit.target_lang)))


def _as_point(spellings: list[str], mode: str) -> list[str] | None:
    """The plain spellings with their decimal mark (the point or the comma, by ``mode``)
    as a point; ``None`` when one is no plain integer or decimal of ``mode``."""
    mark = "." if mode == "point" else ","
    shown = []
    for spelling in spellings:
        m = _PLAIN_DECIMAL_RE.fullmatch(spelling)
        if m is None or m.group(1) not in (None, mark):
            return None
        shown.append(spelling.replace(mark, "."))
    return shown


def _read_copies_strictly(target: list[_Number], source: list[_Number]) -> None:
    """A target number spelled as a source number, between languages that write numbers
    differently, takes its strict reading (:func:`_strict_values`): a separator copied
    unchanged ("1.5 million" left in French, German "1.500" left in English) is wrong."""
    spelled = {n.raw for n in source}
    for n in target:
        if n.strict is not None and n.raw in spelled:
            n.values = n.strict


def _all_values(numbers: list[_Number]) -> frozenset[Decimal]:
    return frozenset(v for n in numbers for v in n.values)


def _read_apart(extra: list[_Number], missing: list[_Number], target_lang: str) -> str:
    """Why a target number spelled as in the source is wrong: what the target's language
    reads in it (" (1,500 is 1.5 in fr)"), else ""."""
    spelled = {n.raw for n in missing}
    notes = [f"{n.shown} is " + (" or ".join(sorted(_plain_number(v) for v in n.values))
                               or "not a number") + f" in {primary_of(target_lang)}"
             for n in sorted(extra, key=lambda n: n.pos) if n.raw in spelled]
    return f" ({'; '.join(dict.fromkeys(notes))})" if notes else ""


def _plain_number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def number_mismatch(unit: Pair, *, count_repeats: bool = False) -> Iterator[Finding]:
    """The numbers (written with digits) of source and target differ as multisets of
    values, each side read with its language's conventions (see the module docstring).

    ``count_repeats=False`` (the default) does not report a number that one side only
    writes more often than the other, when that is all that differs: EU French
    factorises "Article 46(4) ... Article 46(10)" into "article 46, paragraphe 4, ...
    paragraphe 10" and writes "dudit règlement" for a repeated "Regulation (EU)
    2017/373"."""
    if not blank(unit.target):
        yield from number_mismatch_body(unit, count_repeats)


def _may_hold_roman(text: str) -> bool:
    """Whether :func:`_roman_references` may find a numeral in ``text``: most texts have no
    capital I, V, X or L after a space, which ``in`` tells at C speed (fastest for one
    character, so the capital is looked for first)."""
    if "\u00a0" in text or "\u202f" in text:
        return True  # "annexe\u00a0I": _roman_references reads it as a space
    for capital in "IVXL":
        if capital in text and " " + capital in text:
            return True
    return False


def number_mismatch_body(unit: Pair, count_repeats: bool = False) -> Iterator[Finding]:
    """:func:`number_mismatch` of a unit whose target is not blank."""
    source, target = unit.source, unit.target
    if "%" in source or "{" in source or "%" in target or "{" in target:
        # the digits of a placeholder ("%.2f", "{0}") are no number: ``placeholder``'s
        source, target = without_placeholders(source), without_placeholders(target)
    # most units hold neither a digit nor a numeral: they are done before any list is made
    if not (_has_digit(source) or _has_digit(target)
            or _may_hold_roman(source) or _may_hold_roman(target)):
        return
    source_romans = _roman_references(source, unit.source_lang)
    target_romans = _roman_references(target, unit.target_lang)
    romans = [sorted(n.raw for n in source_romans), sorted(n.raw for n in target_romans)]
    if not (_has_digit(source) or _has_digit(target)) and romans[0] == romans[1]:
        return
    # the same spellings on both sides (signs included) pair up: most units with numbers
    # stop here, before any reading; not a comma between languages that read it apart
    spellings = sorted(_SPELLING_RE.findall(source))
    target_spellings = sorted(_SPELLING_RE.findall(target))
    alike = spellings == target_spellings and not _read_apart_maybe(spellings, unit) \
        or _plain_decimals_alike(spellings, target_spellings, unit)
    if alike and romans[0] == romans[1] and not (_has_scale(source) or _has_scale(target)):
        return
    # the numerals are read again only from a text that NFKC changes (most are NFKC)
    if not unicodedata.is_normalized("NFKC", source):
        source = unicodedata.normalize("NFKC", source)
        source_romans = _roman_references(source, unit.source_lang)
    if not unicodedata.is_normalized("NFKC", target):
        target = unicodedata.normalize("NFKC", target)
        target_romans = _roman_references(target, unit.target_lang)
    # a scale word is only read where both languages' scale words are known: Swedish
    # "3 miljarder" would otherwise be a bare 3 against "3 billion"
    scales = primary_of(unit.source_lang) in SCALE_WORDS and \
        primary_of(unit.target_lang) in SCALE_WORDS
    all_missing = _numbers(source, unit.source_lang, scales) + source_romans
    all_extra = _numbers(target, unit.target_lang, scales) + target_romans
    if _decimal_mode(unit.source_lang) != _decimal_mode(unit.target_lang):
        _read_copies_strictly(all_extra, all_missing)
    missing, extra = list(all_missing), list(all_extra)
    _match(missing, extra)
    if not missing and not extra:
        return
    _split_match(missing, extra, repeats=not count_repeats)
    _spaced_match(missing, extra, source, target)
    _sign_match(missing, extra, source, target)
    _excuse(missing, source, unit.source_lang, target, unit.target_lang)
    _excuse(extra, target, unit.target_lang, source, unit.source_lang)
    # the number of a code may find no partner ("CO2" / "dioxyde de carbone"), unless
    # both sides have such numbers left: a code changed ("MD900" / "MD902")
    if not (any(n.weak for n in missing) and any(n.weak for n in extra)):
        missing = [n for n in missing if not n.weak]
        extra = [n for n in extra if not n.weak]
    # a Roman numeral left on one side only may be a reference word this module does not
    # know on the other ("załącznik I" is known, "liite I" is not): a change needs both
    if not (missing and extra):
        missing = [n for n in missing if not n.roman]
        extra = [n for n in extra if not n.roman]
    shown_missing = "; ".join(n.shown for n in sorted(missing, key=lambda n: n.pos))
    # a number only one side repeats; not when both sides have numbers left over, which
    # is a number changed ("Articles 3 and 4 ... 3 September" / "articles 4 et 4 ... 3")
    if not count_repeats and not (missing and extra):
        in_target, in_source = _all_values(all_extra), _all_values(all_missing)
        missing = [n for n in missing if not n.values & in_target]
        extra = [n for n in extra if not n.values & in_source]
    if extra:
        item = "; ".join(n.shown for n in sorted(extra, key=lambda n: n.pos))
        expected = (shown_missing + _read_apart(extra, missing, unit.target_lang)
                    or "(not in the source)")
    elif missing:
        item = "; ".join(n.shown for n in sorted(missing, key=lambda n: n.pos))
        expected = "(missing from the target)"
    else:
        return
    yield finding(unit, "number-mismatch", item, expected)


