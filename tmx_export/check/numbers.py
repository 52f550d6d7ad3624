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
    Maltese (:data:`.number_words.NUMBER_WORDS`); other languages use the first five's. A
    word made of number words is one number ("zweitausendachtzehn", "tjugohundraarton" / "2018").
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
from .number_words import ARTICLES, compound_value, month_words, number_joiners, number_words
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
        # (Polish writes a fraction's scale word in the genitive singular: "2,5 miliona")
        "pl": {3: "tys tysiąc tysiące tysięcy tysiąca",
               6: "mln milion miliony milionów miliona",
               9: "mld miliard miliardy miliardów miliarda",
               12: "bilion biliony bilionów biliona"},
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


# English "may" is the verb far more often than the month ("Member States may"), which
# would excuse any 5: the month only beside a number of its date ("3 May", "May 2019").
_MAY_DATE_RE = re.compile(r"\d\s*May\b|\bMay\s*\d")


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
    table = number_words(code)
    months = month_words(code)
    joiners = number_joiners(code)
    found: Counter[int] = Counter()
    total = current = words = 0
    first = ""
    previous: int | None = None
    last_end = 0  # where the run's last number word ends
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
            if words and not (words == 1 and first in ARTICLES) and not _FIGURES_AFTER_RE.match(
                    folded, last_end):
                found[total + current] += 1
            total = current = words = 0
            previous = None
            if word in months and word != "may":
                found[months[word]] += 1
            elif (compound := compound_value(word, code)) is not None:
                found[compound] += 1
            continue
        if not words:
            first = word
        words += 1
        last_end = m.end()
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


# A number in figures in brackets right after one written out ("two (2) years", "thirty
# (30) days", as legal texts write them): the figures stand for the number, which figures
# on the other side match and words there excuse ("zwei Jahre"); the words counted too took
# those for their own. (Words and figures that differ, "thirty (31)", are read as figures.)
_FIGURES_AFTER_RE = re.compile(r"\s*\(\s*\d+\s*\)")


@lru_cache(maxsize=4096)
def _number_parts(word: str, code: str) -> tuple[int, ...] | None:
    """The values of the number words ``word`` is made of, two at least, joiners left out
    ("zweitausendachtzehn": 2, 1000, 8, 10; "einundzwanzig": 1, 20); None when it is no
    such word. Only words made wholly of number words count, none under two letters."""
    if len(word) < 6 or len(word) > 40 or word.isdigit():
        return None
    table = number_words(code)
    joiners = number_joiners(code)

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


# a number's separators the other way round: "1,5" and "1.5", "1.500,25" and "1,500.25"
_SWAPPED = str.maketrans(",.", ".,")


def _read_swaps_strictly(target: list[_Number], source: list[_Number]) -> None:
    """A target number spelled as a source number with its comma and point swapped takes
    its strict reading (:func:`_strict_values`): between languages that both write a
    decimal comma, the translator wrote the other convention ("1,5 Mio. EUR" / "1.5
    million d'euros", "3,5 %" / "3.5%"), which the target's language does not read so;
    read both ways, it matched the source and passed. Where the two languages' marks
    differ, the swap is the right conversion ("1.5" / "1,5"), whose strict reading is its
    own."""
    swapped = {n.raw.translate(_SWAPPED) for n in source if "," in n.raw or "." in n.raw}
    if not swapped:
        return
    for n in target:
        if n.strict is not None and n.raw in swapped:
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
    _read_swaps_strictly(all_extra, all_missing)
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


