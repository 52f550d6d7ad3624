"""Checks of one unit on its own: numbers, untranslated and empty targets, inline codes,
software placeholders, punctuation and spacing.

Each check is a function ``(unit) -> Iterator[Finding]``; :data:`UNIT_CHECKS` maps the
check names of :data:`~tmx_export.check.model.CHECKS` to them. They run over every unit of
a memory (100k units and more), so they work on precompiled regular expressions and bail
out early: a unit without digits or numerals costs ``number-mismatch`` a few ``in`` tests
(and a side with numbers spelled alike, "534.32" / "534,32" included, no reading), a unit
without markup costs ``tag-mismatch`` nothing, a target that starts with another letter
than its source costs ``untranslated`` nothing more. :func:`unit_checker` runs them
together, testing a blank target once for all.

An empty target is reported once, by ``empty-target``: the other checks skip it rather
than repeat the news in their own words (missing numbers, missing end punctuation...).

Decisions where QA tools differ, tuned on DGT-TM 2019 (EN-GB/FR-FR, 2621 units) and
Europarl (ep-00-01-17, 786 sentence units):

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

``untranslated``
    The target is the source, compared after NFKC, case folding and collapsing white
    space. Not flagged: units of the same language on both sides (en-GB -> en-US); units
    with fewer than :data:`UNTRANSLATED_MIN_WORDS` words of two letters or more (3, like
    the ``identical`` cleaning rule: "Article 5", "(Applause)", "Sri Lanka", "EU
    representative", "OJ L 123, p. 1" are the same in many languages; single letters are
    initials and abbreviations); a URL or an e-mail address; and units whose every token
    is a name or a code (capitalised words, acronyms of up to six capitals, tokens with
    digits or code symbols such as "=", "{", "_", name particles "de", "van", "von"...:
    "Mr Kumar Ponnambalam", "Loyola de Palacio del Valle", "<=lt, >=gt"). A heading in
    capitals ("LIST OF ARBITRATORS") is flagged: its long all-capital words are no
    acronyms.

``tag-mismatch``
    Codes are compared as multisets of (element, ``i``, ``x``) for ``bpt``, ``ept``,
    ``ph`` and ``it``, including codes inside ``sub`` flows; their order may change. The
    native code a code holds is compared too, by its element name where both sides write
    a markup tag there: bold made italic (``<bpt i="1">&lt;b&gt;</bpt>`` become
    ``&lt;i&gt;``) is a finding of its own, the codes shown with their native code (white
    space collapsed, ``sub`` text left out); a localised attribute (``<a href="/fr">``)
    or a code written otherwise than as a tag (RTF, OmegaT's shortcuts) is not compared.
    ``hi`` (a highlight around text, not a native code) and ``ut`` (deprecated, unpaired
    by nature) are not compared. An ``ept`` before its ``bpt`` in the target, when the
    source has them in order, is a finding too. Markup that does not parse is a finding of
    its own and nothing else is compared for that unit. ``item``/``expected`` as for
    numbers, with the codes shown as ``<bpt i="1" x="1">``.

``placeholder``
    Software placeholders (:data:`_PLACEHOLDER_RE`: printf "%d", "%1$s", "%.2f", Python
    "%(name)s", braces "{0}", "{name}", "{0:.2f}") are compared as multisets of their
    spellings, in any text (a PO file's above all): "%d" made "%s", "{name}" translated
    "{nom}", a placeholder dropped or added. Only forms that are placeholders beyond doubt:
    "%%" and "{{" are literal, a "%" right after a letter or a digit is a percent sign or
    part of a word ("50%d", "a%20b"), and the space flag is not read ("50 % des").
    ``item``/``expected`` as for numbers.

``punctuation``
    End marks are compared by class (full stop, ellipsis "…"/"...", ! ? : ;, with the
    full-width forms and the Greek ";" question mark) after dropping closing quotes,
    brackets and white space, so "vote ?" matches "vote?" and "(Applause.)" matches
    "(Applaudissements.)". A source ending with ";" and a target ending with "," (or the
    other way round) are allowed: English legal enumerations end their items with ";"
    where French ends them with ","; so is a Danish item with no mark and a Swedish one
    with a full stop (:data:`_ITEM_END`), as those languages end them; an item closed by
    its conjunction ("…Agreement Area; and") ends with its semicolon or with the word,
    so "…dohody;" matches it as "…dohody; a" does. An enacting
    formula in capitals ending with a full stop in Swedish or Latvian ("HÄRIGENOM
    FÖRESKRIVS FÖLJANDE.", "IR PIEŅĒMUSI ŠO LĒMUMU.") matches the colon of "HAS ADOPTED
    THIS DECISION:". A finding names the target's ending as ``item`` and the source's as
    ``expected``.
    Brackets are counted by shape and quotes of all shapes together (an English ‘…’ is a
    French «…»), with each side's language's quotes (German „…“, Polish „…”, Swedish
    ”…”); an apostrophe (’ inside or after a word) is no quote, and list markers ("a)",
    "iv)" after a space, "1)" where an item starts) are no brackets, since English "(a)"
    is French "a)". The target is reported when it leaves a kind open (or closed) other
    than the source does: a unit cut inside a quotation on both sides is fine.

``spacing``
    Double spaces inside the target (not when the source has as many: spacing copied on
    purpose). Then, by the target's primary language,
    :data:`SPACING_RULES`: French wants a space (U+0020, U+00A0 or U+202F) before ; : ! ?
    and », after «, and none before . and ,; English, German, Spanish, Italian, Dutch and
    Portuguese want none before ; : ! ? . ,; other languages get the double spaces only.
    Marks count as punctuation only where they end a word (followed by a space, the end
    or another mark): "10:30" and "http://" are left alone, and so is an ellipsis after a
    space. Many French clients (and DGT-TM's exports) write no space before ; ! ? or
    inside « »: turn the French space rule off with ``spacing(unit, french_spaces=False)``
    or for a whole run with :data:`FRENCH_SPACES`; what remains for French is "no space
    before . and ,". One finding per kind of problem and mark, its first place (with the
    word around it) as ``item``, the count in ``expected`` when there are several.

``punctuation`` and ``spacing`` read a side with its inline codes as placeholders
    (:func:`with_codes`): a code is content, not nothing, so "ou {0}." has no space before
    its full stop, "Ouvrir %s :" no double space, and a text ending with a code no end
    punctuation. A finding shows a code as ``{code}``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from ..clean import sanitise
from ..formats.xml import SAFE_PARSER_OPTIONS
from ..lang import primary
from ..model import Pair
from .model import Finding, finding

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W\d_]+")
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")
# What str.isspace() misses but a target made of it is still empty.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


# A memory has a handful of language tags and every check asks for their primary subtag.
_primary = lru_cache(maxsize=64)(primary)


def _blank(text: str) -> bool:
    return not text.strip().strip(_INVISIBLE).strip()


def _has_digit(text: str) -> bool:
    """Whether ``_DIGIT_RE`` finds a digit in ``text``. An ASCII text can only hold ASCII
    digits, which ``in`` finds several times faster than the regex scans the text."""
    if text.isascii():
        for digit in "0123456789":
            if digit in text:
                return True
        return False
    return _DIGIT_RE.search(text) is not None


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``; most texts need no change, and are told at C speed:
    printable text (no white space but U+0020 is) without two spaces in a row or a space
    at either end."""
    if (text.isprintable() and "  " not in text and not text.startswith(" ")
            and not text.endswith(" ")):
        return text
    return " ".join(text.split())


# --- number-mismatch -------------------------------------------------------------------------

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
    table = SCALE_WORDS.get(_primary(lang))
    if table is not None and word in table:
        return frozenset({table[word]}), word in _LOOSE_BY_LANG.get(_primary(lang), ())
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
    code = _primary(lang)
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
    if _primary(lang) == "en" and _AM_PM_RE.search(text):
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
    english = _primary(lang) == "en"
    found: list[_Number] = []
    text = _plain_spaces(text)  # "annexe\u00a0I"
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
    code = _primary(lang)
    table = NUMBER_WORDS.get(code, _ALL_NUMBER_WORDS)
    months = MONTH_WORDS.get(code, _ALL_MONTH_WORDS)
    joiners = _JOINERS_BY_LANG.get(code, _NUMBER_JOINERS)
    found: Counter[int] = Counter()
    total = current = words = 0
    first = ""
    previous: int | None = None
    # a word that is no number word ends the last run
    folded = text.casefold() + " end"
    for m in _WORD_RE.finditer(folded):
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
        _primary(lang) == "en" and _AM_PM_RE.search(text) and _CLOCK_RE.search(text))
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
                               or "not a number") + f" in {_primary(target_lang)}"
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
    if not _blank(unit.target):
        yield from _number_mismatch(unit, count_repeats)


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


def _number_mismatch(unit: Pair, count_repeats: bool = False) -> Iterator[Finding]:
    """:func:`number_mismatch` of a unit whose target is not blank."""
    source, target = unit.source, unit.target
    if "%" in source or "{" in source or "%" in target or "{" in target:
        # the digits of a placeholder ("%.2f", "{0}") are no number: ``placeholder``'s
        source, target = _without_placeholders(source), _without_placeholders(target)
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
    scales = _primary(unit.source_lang) in SCALE_WORDS and \
        _primary(unit.target_lang) in SCALE_WORDS
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


# --- untranslated, empty-target --------------------------------------------------------------

# Identical units shorter than this (in words) are normal in both languages: "Article 5",
# "(Applause)", "Sri Lanka", "Budget"; the `identical` cleaning rule uses the same bound.
UNTRANSLATED_MIN_WORDS = 3
_URL_OR_EMAIL_RE = re.compile(
    r"\W*(?:(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\W*", re.IGNORECASE)
# The lower-case words of names: "Loyola de Palacio", "Plooij-van Gorsel".
_NAME_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di",
                             "du", "dos", "das", "le", "la", "af", "zu", "y", "bin", "ibn",
                             "al", "el", "ten", "ter"})
_ACRONYM_MAX = 6
_TOKEN_RE = re.compile(r"\S+")
_CODE_SYMBOL_RE = re.compile(r"[=<>{}\\/_@#|~^*$%&+]")


def _comparable(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _name_or_code(token: str) -> bool:
    """A token of a name or a code: digits or code symbols in it ("<=lt", "{0}",
    "a_b"), an acronym, a capitalised word."""
    if _DIGIT_RE.search(token) or _CODE_SYMBOL_RE.search(token):
        return True
    words = _WORD_RE.findall(token)
    return all(w.lower() in _NAME_PARTICLES if w.islower() else
               (len(w) <= _ACRONYM_MAX if w.isupper() else w[0].isupper()) for w in words)


def untranslated(unit: Pair) -> Iterator[Finding]:
    """The target is the source (ignoring case and spacing), and the text is more than a
    name, a code, a number, a URL, an e-mail or a few words."""
    if not _blank(unit.target):
        yield from _untranslated(unit)


def _first_letters_differ(source: str, target: str) -> bool:
    """Whether the texts start with different ASCII letters or digits, ignoring case: then
    they differ after NFKC, case folding and collapsing white space too, since such a
    character has no decomposition, is no space, and NFKC can only compose it with the
    combining marks after it into a character whose decomposition starts with it. Most
    translations are told from their source so, at a fraction of the cost of comparing
    them whole."""
    first, other = source[:1], target[:1]
    return first.isascii() and other.isascii() and first.isalnum() and other.isalnum() \
        and first.lower() != other.lower()


def _untranslated(unit: Pair) -> Iterator[Finding]:
    """:func:`untranslated` of a unit whose target is not blank."""
    source, target = unit.source, unit.target
    if _first_letters_differ(source, target) or \
            _primary(unit.source_lang) == _primary(unit.target_lang):
        return
    # cheap first: most targets differ from their source at once
    a, b = collapse_spaces(source).casefold(), collapse_spaces(target).casefold()
    if a != b and (unicodedata.is_normalized("NFKC", a) and unicodedata.is_normalized("NFKC", b)
                   or _comparable(a) != _comparable(b)):
        return
    # words of two letters or more: single letters are initials and abbreviations
    # ("OJ L 123, p. 1")
    if sum(len(w) > 1 for w in _WORD_RE.findall(source)) < UNTRANSLATED_MIN_WORDS:
        return
    if _URL_OR_EMAIL_RE.fullmatch(source.strip()):
        return
    if all(_name_or_code(token) for token in _TOKEN_RE.findall(source)):
        return
    yield finding(unit, "untranslated", target, f"a translation into {unit.target_lang}")


def empty_target(unit: Pair) -> Iterator[Finding]:
    """The target is empty or white space only, and the source is not."""
    if _blank(unit.target) and not _blank(unit.source):
        yield finding(unit, "empty-target", "(empty)" if not unit.target else "(white space)",
                      f"a translation into {unit.target_lang}")


# --- tag-mismatch ----------------------------------------------------------------------------

# The inline codes compared; hi and ut are left out (see the module docstring).
COMPARED_CODES = ("bpt", "ept", "ph", "it")
# One parser for all units (lxml parsers are reusable): no entities, no network, no DTD.
_MARKUP_PARSER = etree.XMLParser(**SAFE_PARSER_OPTIONS)

Code = tuple[str, str | None, str | None]


class _Unparsable(ValueError):
    pass


def _code_elements(markup: str | None) -> list[etree._Element]:
    """The inline code elements of a ``<seg>``'s inner XML, in document order: parsed once
    for their codes (:func:`_code`) and, where both sides have some, their native codes."""
    if not markup:
        return []
    try:
        root = etree.fromstring("<seg>" + markup + "</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError as error:
        raise _Unparsable(str(error)) from None
    return list(root.iter(*COMPARED_CODES))


def _code(element: etree._Element) -> Code:
    return element.tag, element.get("i"), element.get("x")


def _show(code: Code) -> str:
    tag, i, x = code
    return f"<{tag}" + (f' i="{i}"' if i is not None else "") + \
        (f' x="{x}"' if x is not None else "") + ">"


def _in_order(codes: list[Code], wanted: Counter[Code]) -> str:
    """The codes of ``wanted`` (as many of each as it counts), in their order in ``codes``."""
    left = Counter(wanted)
    shown = []
    for code in codes:
        if left[code] > 0:
            left[code] -= 1
            shown.append(_show(code))
    return " ".join(shown)


def _ept_first(codes: list[Code]) -> set[str]:
    """The ``i`` of each ``ept`` that comes before its ``bpt`` (an ept whose bpt is
    missing altogether is a count difference, reported as such)."""
    opened: set[str | None] = set()
    early: set[str] = set()
    for tag, i, _x in codes:
        if tag == "bpt":
            opened.add(i)
        elif tag == "ept" and i is not None and i not in opened:
            early.add(i)
    return early & opened


def _contents(elements: list[etree._Element]) -> list[tuple[Code, str]]:
    """Each code of ``elements`` with its native code ("<b>" in
    ``<bpt i="1">&lt;b&gt;</bpt>``; a ``sub`` flow inside it, translatable text, left out),
    in document order."""
    return [(_code(el),
             " ".join(((el.text or "") + "".join(child.tail or "" for child in el)).split()))
            for el in elements]


# The element a native code opens or closes: "b" in "<b>", "</B>", "<b class='x'>".
_NATIVE_NAME_RE = re.compile(r"\s*</?\s*([A-Za-z][\w:.-]*)")


def _native_name(content: str) -> str:
    """The element name (lower case) of a native code that is a markup tag, else "": only
    the name is compared, so a link localised (``<a href="/fr">``) or a code another
    tool writes its own way (OmegaT's "{\\test internal />}") is no change."""
    m = _NATIVE_NAME_RE.match(content)
    return m.group(1).lower() if m else ""


def _show_content(code: Code, content: str) -> str:
    """A code with its native code, as the TMX writes it: ``<bpt i="1">&lt;b&gt;</bpt>``."""
    escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"{_show(code)}{escaped}</{code[0]}>"


def _changed_contents(source: list[etree._Element], target: list[etree._Element]
                      ) -> tuple[str, str] | None:
    """The codes found on both sides whose native code differs (bold made italic:
    ``&lt;b&gt;`` became ``&lt;i&gt;``), shown as (target's, source's); ``None`` when none
    does. Among the codes of the same element, ``i`` and ``x`` the native names are compared
    as multisets, since codes without ``i`` (``ph``, ``it``) may change order; only native
    codes that are markup tags are compared (:func:`_native_name`)."""
    source_named = _named_contents(source)
    target_named = _named_contents(target)
    source_names = _name_counts(source_named)
    target_names = _name_counts(target_named)
    gone: dict[Code, Counter[str]] = {}
    new: dict[Code, Counter[str]] = {}
    for code in source_names.keys() & target_names.keys():
        lost, added = source_names[code] - target_names[code], \
            target_names[code] - source_names[code]
        if lost and added:  # a code only dropped or added is a count difference
            gone[code], new[code] = lost, added
    if not new:
        return None
    return _shown_left(target_named, new), _shown_left(source_named, gone)


def _named_contents(elements: list[etree._Element]) -> list[tuple[Code, str, str]]:
    """Each code of :func:`_contents` with its native content and that content's name,
    the codes whose native code is no markup tag left out."""
    named = ((code, content, _native_name(content)) for code, content in _contents(elements))
    return [item for item in named if item[2]]


def _name_counts(named: list[tuple[Code, str, str]]) -> dict[Code, Counter[str]]:
    counts: dict[Code, Counter[str]] = defaultdict(Counter)
    for code, _content, name in named:
        counts[code][name] += 1
    return counts


def _shown_left(named: list[tuple[Code, str, str]], left: dict[Code, Counter[str]]) -> str:
    """The codes whose native name ``left`` counts (as many of each), in document order."""
    wanted = {code: Counter(names) for code, names in left.items()}
    shown = []
    for code, content, name in named:
        if wanted.get(code, Counter())[name] > 0:
            wanted[code][name] -= 1
            shown.append(_show_content(code, content))
    return " ".join(shown)


def tag_mismatch(unit: Pair) -> Iterator[Finding]:
    """The inline codes (bpt/ept/ph/it, with their i and x) of source and target markup
    differ as multisets, or their native codes differ, or an ept comes before its bpt in
    the target only."""
    if not unit.source_markup and not unit.target_markup or _blank(unit.target):
        return
    sides: list[list[etree._Element]] = []
    for name, markup in (("source", unit.source_markup), ("target", unit.target_markup)):
        try:
            sides.append(_code_elements(markup))
        except _Unparsable as error:
            yield finding(unit, "tag-mismatch", f"unparsable {name} markup",
                          f"well-formed inline codes ({error})")
            return
    source_codes = [_code(el) for el in sides[0]]
    target_codes = [_code(el) for el in sides[1]]
    changed = _changed_contents(*sides) if source_codes and target_codes else None
    if changed is not None:
        yield finding(unit, "tag-mismatch", *changed)
    missing = Counter(source_codes) - Counter(target_codes)
    extra = Counter(target_codes) - Counter(source_codes)
    if extra:
        yield finding(unit, "tag-mismatch", _in_order(target_codes, extra),
                      _in_order(source_codes, missing) or "(not in the source)")
    elif missing:
        yield finding(unit, "tag-mismatch", _in_order(source_codes, missing),
                      "(missing from the target)")
    for i in sorted(_ept_first(target_codes) - _ept_first(source_codes)):
        yield finding(unit, "tag-mismatch", f'<ept i="{i}">', f'after its <bpt i="{i}">')


# --- placeholder -----------------------------------------------------------------------------

# Software placeholders, in the forms that are placeholders beyond doubt: printf ("%d",
# "%1$s", "%-5.2f", "%ld"), Python's "%(name)s", and braces around a number or a name
# ("{0}", "{name}", "{user.name}", "{0:.2f}", "{!r}"). "%%" and "{{" are literal marks; a
# "%" right after a letter or a digit is a percent sign or part of a word ("50%d",
# "a%20b"), and the space flag is not read ("50 % des"), nor a "%" after a number and a
# space that begins a word ending (the German "5 %ige"; "Version 2 %s" is a placeholder).
_PLACEHOLDER_RE = re.compile(
    r"%%|\{\{|\}\}"
    r"|(?<![\d%])%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|(?<![\w%])(?!(?<=\d[ \u00a0\u202f])%[A-Za-z]{2})"
    r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"[diouxXeEfFgGaAcsp@]"
    r"|\{(?:\d+|[A-Za-z_]\w*)?(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}\s]{0,12})?\}")


def _placeholders(text: str) -> Counter[str]:
    """The placeholders of ``text`` (without the literal "%%", "{{", "}}"; "{}" counts)."""
    if "%" not in text and "{" not in text:
        return Counter()
    return Counter(m.group() for m in _PLACEHOLDER_RE.finditer(text)
                   if m.group() not in ("%%", "{{", "}}"))


def _without_placeholders(text: str) -> str:
    """``text`` with its placeholders (:data:`_PLACEHOLDER_RE`) made spaces."""
    if "%" not in text and "{" not in text:
        return text
    return _PLACEHOLDER_RE.sub(
        lambda m: m.group() if m.group() in ("%%", "{{", "}}") else " ", text)


def placeholder(unit: Pair) -> Iterator[Finding]:
    """The software placeholders (printf, Python, braces) of source and target differ as
    multisets: "%d" made "%s", "{name}" translated "{nom}", one dropped or added. Their
    order may change ("%1$s ... %2$s")."""
    if not _blank(unit.target):
        yield from _placeholder(unit)


def _placeholder(unit: Pair) -> Iterator[Finding]:
    """:func:`placeholder` of a unit whose target is not blank. The placeholders of the
    native codes count too: a ``<ph>`` holding "{0}" (XLIFF's original data, a CAT tool's
    protected variable) made "{1}" is a variable swapped as surely as in the text."""
    source_text, target_text = unit.source, unit.target
    if unit.source_markup or unit.target_markup:
        source_text = _with_native_codes(source_text, unit.source_markup)
        target_text = _with_native_codes(target_text, unit.target_markup)
    # most units have no "%" or "{" at all, told at C speed
    if "%" not in source_text and "{" not in source_text and "%" not in target_text \
            and "{" not in target_text:
        return
    source, target = _placeholders(source_text), _placeholders(target_text)
    if source == target:
        return
    missing, extra = source - target, target - source
    shown_missing = " ".join(_in_text_order(source_text, missing))
    if extra:
        yield finding(unit, "placeholder", " ".join(_in_text_order(target_text, extra)),
                      shown_missing or "(not in the source)")
    else:
        yield finding(unit, "placeholder", shown_missing, "(missing from the target)")


def _with_native_codes(text: str, markup: str | None) -> str:
    """``text`` followed by the native codes of its inline codes (each after a line break,
    so none runs into the text), when they may hold a placeholder; else ``text``."""
    if not markup or ("%" not in markup and "{" not in markup):
        return text
    try:
        contents = [content for _code_, content in _contents(_code_elements(markup))]
    except _Unparsable:
        return text  # tag-mismatch reports it
    return "\n".join([text, *contents])


def _in_text_order(text: str, wanted: Counter[str]) -> list[str]:
    """The placeholders of ``wanted`` (as many of each as it counts), in their order in
    ``text``."""
    left = Counter(wanted)
    shown = []
    for m in _PLACEHOLDER_RE.finditer(text):
        if left[m.group()] > 0:
            left[m.group()] -= 1
            shown.append(m.group())
    return shown


# --- inline codes as content (punctuation, spacing) --------------------------------------------

# What stands for an inline code in the text that punctuation and spacing read: a code is
# content, not nothing ("ou {0}." has no space before its full stop, "Ouvrir %s :" no
# double space). U+FFFC OBJECT REPLACEMENT CHARACTER: no letter, space or mark of theirs.
CODE_MARK = "\ufffc"
# How a finding's item shows a code.
_CODE_SHOWN = "{code}"


# punctuation and spacing, and both sides of a unit with double spaces, ask it of one side
@lru_cache(maxsize=256)
def with_codes(text: str, markup: str | None) -> str:
    """``text`` (a side of a unit, its codes dropped) with each inline code of ``markup``
    (the side's inner XML) as :data:`CODE_MARK`, ``hi`` text kept, spaced as the markup
    is. ``text`` itself without markup, when the markup does not parse, or when it holds
    other words than ``text`` (the codes could not be placed)."""
    if not markup:
        return text
    try:
        root = etree.fromstring("<seg>" + markup + "</seg>", _MARKUP_PARSER)
    except etree.XMLSyntaxError:
        return text  # tag-mismatch reports it
    marked = sanitise(_marked_text(root), Counter())
    # a reader may have collapsed the spaces a dropped code left (XLIFF): words must agree
    if marked.replace(CODE_MARK, " ").split() != text.split():
        return text
    return marked


def _with_codes(text: str, markup: str | None) -> str:
    """:func:`with_codes`, without a look in its cache for the many sides without markup."""
    return with_codes(text, markup) if markup else text


def _marked_text(element: etree._Element) -> str:
    """The text of a ``seg`` (or ``hi``) as :func:`tmx_export.formats.tmx.seg_text` reads it,
    each native code (any element but ``hi``; not a comment) as :data:`CODE_MARK`."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "hi":
            parts.append(_marked_text(child))
        elif isinstance(child.tag, str):
            parts.append(CODE_MARK)
        parts.append(child.tail or "")
    return "".join(parts)


# --- punctuation -----------------------------------------------------------------------------

_END_CLASS = {
    ".": "full stop", "。": "full stop", "．": "full stop",
    "…": "ellipsis",
    "!": "exclamation mark", "！": "exclamation mark",
    "?": "question mark", "？": "question mark", "؟": "question mark",
    ":": "colon", "：": "colon",
    ";": "semicolon", "；": "semicolon",
}
# Greek writes its question mark as ";" (U+037E, which NFC makes ";") and its semicolon as
# the ano teleia "·".
_GREEK_END_CLASS = {**_END_CLASS, ";": "question mark", "\u037e": "question mark",
                    "·": "semicolon", "\u0387": "semicolon"}
# What may follow the end mark: closing quotes and brackets, and white space.
_CLOSERS = " \t\u00a0\u202f)]}»›”’\"'"

# What is counted for balance, by kind: brackets by shape, and quotes of every shape
# together (an English ‘…’ is a French «…» and a German „…“). Quotes depend on the
# language: German closes „ with “, which opens in English; Swedish and Finnish quote
# with one character (”…”, »…»), counted for an odd number.
_BRACKETS = {"(": (("(", ")"),), "[": (("[", "]"),)}
_QUOTES: dict[str, tuple[tuple[str, str], ...]] = {
    **{lang: (("„", "“"), ("‚", "‘"), ("»", "«")) for lang in (
        "de", "da", "cs", "sk", "sl", "lt", "et", "is", "bg", "lv", "ka")},
    **{lang: (("„", "”"), ("«", "»"), ("‚", "’")) for lang in ("pl", "hu", "ro", "hr", "sr")},
    **{lang: (("”", "”"), ("»", "»"), ("’", "’")) for lang in ("sv", "fi")},
}
_DEFAULT_QUOTES = (("«", "»"), ("“", "”"), ("‘", "’"))
# Languages whose texts quote in another style too, which the counts of the first would
# read as unbalanced: Dutch „…” (DGT-TM's) beside “…”, Latvian “…” (DGT-TM's) beside „…“.
# A text balanced in one of its language's styles is balanced.
_OTHER_QUOTES: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "nl": ((("„", "”"), ("‚", "’")),),
    "lv": (_DEFAULT_QUOTES,),
}
# The straight double quote opens and closes alike: counted for an odd number, in every
# language ("Il a dit "oui." leaves it open). (The straight single one is an apostrophe.)
_STRAIGHT = (('"', '"'),)
_PAIRED_RE = re.compile("[][()«»“”‘’„‚\"]")
# An apostrophe, not a closing quote: "l’accord", "Commission’s"; and "Members’ rights",
# unless it closes a quotation ("‘the Parties’ means", Finnish "’sopimus’"): see
# _without_apostrophes.
_APOSTROPHE_RE = re.compile(r"(?<=\w)’(?=\w)")
_PLURAL_APOSTROPHE_RE = re.compile(r"(?<=s)’(?=[\s,.;:]|$)")
# List markers whose bracket has no partner: English "(a)" is French "a)". A letter (or a
# lower-case Roman numeral) after a space, as in French "point a)"; a number only where a
# list item starts, since "(articles 1er à 8)" ends with one. "(a)" is balanced as it is.
# Greek and Bulgarian letter their points in their own alphabets: "στοιχείο γ)", "στ)",
# "буква в)".
_LIST_MARKER_RE = re.compile(r"(?:(?<=\s)|^)(?:[a-zα-ωа-я]{1,2}|[ivxlcdm]{1,6})\)"
                             r"|(?:(?<=[;:]\s)|^)\d{1,3}\)")


# A number or a Roman numeral and a dot, ending a text: in the languages whose texts end
# with an ordinal and its dot, the ordinal's own, no full stop: Croatian (and Serbian,
# Bosnian) headings and years, "Članak 1." for "Article 1", "PRILOG I." for "ANNEX I",
# "od 18. veljače 2019."; Hungarian dates, "(2019. február 18.)". (German, Danish or
# Slovak write ordinals with a dot too, but never end a text with one: "März 2005.", "165."
# end a sentence.)
_ORDINAL_END_LANGUAGES = frozenset({"hr", "sr", "bs", "hu"})
_ORDINAL_END_RE = re.compile(r"(?:^|[\s(\[])(?:\d{1,4}|[IVXLC]{1,6})\.$")


# The abbreviation a date ends with, whose dot is no full stop either: Polish "18 lutego
# 2019 r." (roku), Bulgarian "11 март 1999 г." (година), Lithuanian "2019 m. vasario 18 d."
# (diena), "2005 m. kovo mėn." (mėnuo).
_DATE_END_RE = {
    "pl": re.compile(r"\d\sr\.$"),
    "bg": re.compile(r"\d\sг\.$"),
    "lt": re.compile(r"\d\sd\.$|\sm\.\s\w+\smėn\.$"),
}


def _ordinal_end(text: str, lang: str) -> bool:
    """Whether ``text`` (whose last mark is a dot) ends with an ordinal written with it, or
    with a date's abbreviation."""
    code = _primary(lang)
    text = text.rstrip(_CLOSERS)
    if code in _DATE_END_RE:
        return _DATE_END_RE[code].search(text) is not None
    return code in _ORDINAL_END_LANGUAGES and _ORDINAL_END_RE.search(text) is not None


# Each language's "etc.", which closes a list and so may end a text, its dot its own: the
# sentence rules do not list them (after one a sentence often does end), so they are here.
_ETC = {
    "bg": ("т.н.", "др."), "cs": ("apod.", "atd.", "aj."), "da": ("osv.", "m.m."),
    "de": ("usw.", "etc.", "u.a."), "el": ("κ.λπ.", "κ.ά.", "κλπ."), "en": ("etc.",),
    "es": ("etc.",), "et": ("jne.", "jms."), "fi": ("jne.", "ym.", "yms."),
    "fr": ("etc.",), "ga": ("srl.",), "hr": ("itd.", "sl.", "i sl."), "hu": ("stb.",),
    "it": ("ecc.", "etc."), "lt": ("t.t.", "kt.", "t. t."), "lv": ("utt.", "u.c."),
    "mt": ("eċċ.",), "nl": ("enz.", "e.d.", "etc."), "pl": ("itd.", "itp.", "etc."),
    "pt": ("etc.",), "ro": ("etc.", "ș.a.m.d.", "ş.a.m.d."), "sk": ("atď.", "a pod.", "pod."),
    "sl": ("itd.", "ipd.", "idr."), "sv": ("osv.", "m.m.", "etc."),
}


def _dot_of_its_own(text: str, lang: str) -> bool:
    """Whether the dot ending ``text`` is its last word's own, no full stop: an ordinal's or
    a date's (:func:`_ordinal_end`), or an abbreviation's of its language (the sentence
    rules' list, and :data:`_ETC`): "statki, łodzie, tratwy itd." for "ships, boats, rafts,
    etc" ends with no more a full stop than its source."""
    from ..segment.rules import is_abbreviation

    if _ordinal_end(text, lang):
        return True
    text = text.rstrip(_CLOSERS)
    words = text.split()
    if not words:
        return False
    return is_abbreviation(words[-1], lang) or text.endswith(
        tuple(f" {etc}" for etc in _ETC.get(_primary(lang), ())))


# Languages that end an act's enacting formula, written in capitals, with a full stop where
# English and the others write a colon: Swedish "HÄRIGENOM FÖRESKRIVS FÖLJANDE." for "HAS
# ADOPTED THIS DECISION:", "HAR ENATS OM FÖLJANDE." for "HAVE AGREED as follows:", Latvian
# "IR PIEŅĒMUSI ŠO LĒMUMU." (every formula of DGT-TM 2019).
_FORMULA_FULL_STOP = frozenset({"sv", "lv"})


def _formula_full_stop(text: str, lang: str) -> bool:
    """Whether ``text``, ending with a full stop, is an enacting formula its language ends
    so: in capitals, in a language of :data:`_FORMULA_FULL_STOP`."""
    return _primary(lang) in _FORMULA_FULL_STOP and text.isupper()


# How a language ends the items of a list that English ends with ";" (besides the "," any
# may write): Danish with no mark ("»fisk« : arter af fisk ... i konventionens artikel
# 77"), Swedish with a full stop, each item a sentence ("Att det undersökande fisket inte
# äventyrar syftet med detta avtal."): every such item of DGT-TM 2019 in those languages.
_ITEM_END = {"da": "", "sv": "."}


def _item_end_alike(semicolon_class: str | None, other_end: str, other_lang: str) -> bool:
    """Whether ``other_end`` is how ``other_lang`` ends a list item that the other side
    ends with a semicolon (class ``semicolon_class``)."""
    return semicolon_class == "semicolon" and _ITEM_END.get(_primary(other_lang)) == other_end


# A list item closed by a conjunction after its semicolon, the next item's "and" or "or"
# ("...; and", "...; or", Czech "...; nebo"): a translation may keep the semicolon alone
# (Czech, Portuguese, Romanian write "…dohody;" for "…Agreement Area; and").
_SEMICOLON_WORD_RE = re.compile(r";\s+([^\W\d_]+)$")


def _semicolon_then_conjunction(text: str) -> bool:
    """Whether ``text`` ends with a semicolon and a word in lower case after it."""
    m = _SEMICOLON_WORD_RE.search(text.rstrip(_CLOSERS))
    return m is not None and m.group(1).islower()


def _ending(text: str) -> str:
    """The last mark of ``text`` once closing quotes, brackets and spaces are dropped
    ("" when the text ends with a letter or a digit); "..." is an ellipsis."""
    text = text.rstrip(_CLOSERS)
    if text.endswith("..."):
        return "…"
    if not text or text[-1].isalnum() or text[-1] == CODE_MARK:
        return ""  # a word, a number or a code: content
    return text[-1]


def _imbalance(text: str, lang: str) -> dict[str, tuple[int, str, str]]:
    """For each kind ("(", "[", "quotes") that ``text`` leaves open or closes without
    opening: (openings minus closings, the opening and the closing character concerned)."""
    if not _PAIRED_RE.search(text):
        return {}
    code = _primary(lang)
    quotes = _QUOTES.get(code, _DEFAULT_QUOTES)
    marked = _LIST_MARKER_RE.sub(" ", _without_apostrophes(text, quotes))
    found = {}
    for kind, pairs in _BRACKETS.items():
        if (counted := _net(marked, pairs)) is not None:
            found[kind] = counted
    styles = (quotes, *_OTHER_QUOTES[code]) if code in _OTHER_QUOTES else (quotes,)
    counts = [_net(marked, quotes + _STRAIGHT)]
    if len(styles) > 1:
        # the styles that hold every quote the text writes ("„verdrag)" is Dutch „…”, open
        # though “…” counts no „); balanced in one of them, the text is balanced
        written = {c for style in styles for pair in style for c in pair if c in text}
        counts = [counts[0] if style is quotes else
                  _net(_without_apostrophes(text, style), style + _STRAIGHT)
                  for style in styles if written <= {c for pair in style for c in pair}
                  ] or counts
    counted = None if None in counts else counts[0]
    if counted is not None:
        found["quotes"] = counted
    return found


def _net(text: str, pairs: tuple[tuple[str, str], ...]) -> tuple[int, str, str] | None:
    """Openings minus closings of ``pairs`` in ``text``, with the first pair that differs;
    None when they balance."""
    net, shown = 0, None
    for opening, closing in pairs:
        diff = text.count(opening) % 2 if opening == closing else \
            text.count(opening) - text.count(closing)
        if diff and shown is None:
            shown = (opening, closing)
        net += diff
    return (net, *shown) if net and shown else None


def _without_apostrophes(text: str, quotes: tuple[tuple[str, str], ...]) -> str:
    """``text`` without its apostrophes. A "’" after an "s" and before a space or a mark is
    the apostrophe of a plural ("the Members’ rights") where no quotation that "’" closes
    in ``quotes`` is open before it, and closes the quotation where one is: "‘the
    Parties’ means", Finnish and Swedish "’sopimus’,", which a ’ opens after a space."""
    text = _APOSTROPHE_RE.sub("", text)
    opening = next((o for o, c in quotes if c == "’"), None)
    if "’" not in text or opening is None:
        return _PLURAL_APOSTROPHE_RE.sub("", text)
    dropped: list[int] = []
    depth = 0
    for i, char in enumerate(text):
        if char == opening and (opening != "’" or i == 0 or text[i - 1].isspace()
                                or text[i - 1] in "([{"):
            depth += 1
        elif char == "’":
            if not depth and _PLURAL_APOSTROPHE_RE.match(text, i):
                dropped.append(i)
            else:
                depth = max(0, depth - 1)
    for i in reversed(dropped):
        text = text[:i] + text[i + 1:]
    return text


def punctuation(unit: Pair) -> Iterator[Finding]:
    """End punctuation of a different class on the two sides; brackets or quotes that the
    source balances and the target does not."""
    if not _blank(unit.target):
        yield from _punctuation(unit)


def _punctuation(unit: Pair) -> Iterator[Finding]:
    """:func:`punctuation` of a unit whose target is not blank."""
    source = _with_codes(unit.source, unit.source_markup)
    target = _with_codes(unit.target, unit.target_markup)
    src_end, tgt_end = _ending(source), _ending(target)
    # an ordinal's or a date's dot against no mark: "Article 1" / "Članak 1.", "of 18
    # February 2019" / "z dnia 18 lutego 2019 r."
    if src_end == "." and not tgt_end and _dot_of_its_own(source, unit.source_lang):
        src_end = ""
    elif tgt_end == "." and not src_end and _dot_of_its_own(target, unit.target_lang):
        tgt_end = ""
    # "…Agreement Area; and" / "…dohody;": the item's semicolon, before its conjunction
    if not src_end and tgt_end and _semicolon_then_conjunction(source):
        src_end = ";"
    elif not tgt_end and src_end and _semicolon_then_conjunction(target):
        tgt_end = ";"
    # an enacting formula's full stop against a colon: "HAS ADOPTED THIS DECISION:" /
    # "HÄRIGENOM FÖRESKRIVS FÖLJANDE."
    if {src_end, tgt_end} == {":", "."} and (
            _formula_full_stop(target, unit.target_lang) if tgt_end == "."
            else _formula_full_stop(source, unit.source_lang)):
        tgt_end = src_end
    src_classes = _GREEK_END_CLASS if _primary(unit.source_lang) == "el" else _END_CLASS
    tgt_classes = _GREEK_END_CLASS if _primary(unit.target_lang) == "el" else _END_CLASS
    src_class, tgt_class = src_classes.get(src_end), tgt_classes.get(tgt_end)
    if src_class != tgt_class and {src_class, tgt_end} != {"semicolon", ","} \
            and {tgt_class, src_end} != {"semicolon", ","} \
            and not _item_end_alike(src_class, tgt_end, unit.target_lang) \
            and not _item_end_alike(tgt_class, src_end, unit.source_lang):
        yield finding(unit, "punctuation", tgt_end or "(no end punctuation)",
                      src_end or "(no end punctuation)")
    in_target = _imbalance(target, unit.target_lang)
    if in_target:
        in_source = _imbalance(source, unit.source_lang)
        for kind, (net, opening, closing) in in_target.items():
            # a unit cut inside brackets or a quotation leaves both sides open alike
            if kind in in_source and in_source[kind][0] == net:
                continue
            if net > 0:
                yield finding(unit, "punctuation", opening, f"a closing {closing}")
            else:
                yield finding(unit, "punctuation", closing, f"an opening {opening}")


# --- spacing ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SpacingRule:
    """How a language spaces its punctuation: marks that want a space before them, marks
    that want one after them, marks that want none before them."""

    space_before: str = ""
    space_after: str = ""
    no_space_before: str = ""


FRENCH = SpacingRule(space_before=";:!?»", space_after="«", no_space_before=".,")
# French with the space rule off: no space may be required before ; : ! ? or around « »,
# but none may come before . and , either.
FRENCH_WITHOUT_SPACES = SpacingRule(no_space_before=".,")
NO_SPACE_BEFORE = SpacingRule(no_space_before=";:!?.,")
# Canadian French (the Office québécois de la langue française) spaces the colon and the
# guillemets; before ; ! ? it puts no space or a thin one: neither is asked nor refused.
CANADIAN_FRENCH = SpacingRule(space_before=":»", space_after="«", no_space_before=".,")
# By the target's language tag (lower case), else its primary language; other languages
# get the double-space check only.
SPACING_RULES: dict[str, SpacingRule] = {
    "fr": FRENCH,
    "fr-ca": CANADIAN_FRENCH,
    **{lang: NO_SPACE_BEFORE for lang in ("en", "de", "es", "it", "nl", "pt")},
}
# Whether French targets must have their spaces before ; : ! ? » and after «. Read at each
# call, so a caller may switch it off for a whole run.
FRENCH_SPACES = True

_SPACES = " \u00a0\u202f"
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=\S)")
# A mark is punctuation where it ends a word: followed by a space, the end, or a mark.
_ENDS_WORD = r"(?=$|[\s)\]}»”’\"'.,;:!?…])"


class _SpacingPattern(NamedTuple):
    """A spacing pattern: the kind of problem, the pattern (the mark is its group 1), the
    expected-template, and ``needles``: strings one of which the target holds, once its
    spaces are all U+0020 (:func:`_plain_spaces`; the marks of a rule are punctuation,
    which that leaves as it is), wherever the pattern matches. Most
    targets hold none, and ``in`` tells that at C speed, where the regular expressions
    would try every position."""

    kind: str
    pattern: re.Pattern[str]
    expected: str
    needles: tuple[str, ...]


@lru_cache(maxsize=16)
def _spacing_patterns(rule: SpacingRule) -> tuple[_SpacingPattern, ...]:
    """The patterns of a rule."""
    patterns = []
    if rule.space_before:
        marks = re.escape(rule.space_before)
        patterns.append(_SpacingPattern("before", re.compile(
            rf"(?<=[^\s(\[{{«!?…])([{marks}]){_ENDS_WORD}"), "a space before {mark}",
            tuple(rule.space_before)))
    if rule.space_after:
        patterns.append(_SpacingPattern(
            "after", re.compile(rf"([{re.escape(rule.space_after)}])(?=[^\s])"),
            "a space after {mark}", tuple(rule.space_after)))
    if rule.no_space_before:
        marks = re.escape(rule.no_space_before)
        # "..." after a space stands for words left out, as it should
        patterns.append(_SpacingPattern(
            "none", re.compile(rf"(?<=\S)[{_SPACES}]+([{marks}])(?!\.){_ENDS_WORD}"),
            "no space before {mark}", tuple(" " + mark for mark in rule.no_space_before)))
    return tuple(patterns)


# The patterns of each rule met, by the rule's id: looking a frozen dataclass up in a cache
# hashes its fields in Python, once for every unit. The rule is kept, so its id stays its.
_PATTERNS_BY_ID: dict[int, tuple[SpacingRule, tuple[_SpacingPattern, ...]]] = {}


def _patterns_of(rule: SpacingRule) -> tuple[_SpacingPattern, ...]:
    """:func:`_spacing_patterns`, looked up by the rule's identity."""
    known = _PATTERNS_BY_ID.get(id(rule))
    if known is None or known[0] is not rule:
        if len(_PATTERNS_BY_ID) >= 64:  # rules made on the fly: keep no more than a few
            _PATTERNS_BY_ID.clear()
        known = _PATTERNS_BY_ID[id(rule)] = (rule, _spacing_patterns(rule))
    return known[1]


def _may_match(kind: str, needles: tuple[str, ...], plain: str) -> bool:
    """Whether a spacing pattern of ``kind`` may match a target, ``plain`` its spaces as
    U+0020 (see :class:`_SpacingPattern`). A mark that wants a space before it matches
    only where it has none: when every such mark has one (as in most French targets), the
    counts tell it without the regular expression."""
    for needle in needles:  # a loop, not any(): cheaper for a handful
        if needle in plain and (kind != "before"
                                or plain.count(needle) > plain.count(" " + needle)):
            return True
    return False


def _plain_spaces(text: str) -> str:
    """``text`` with the spaces of :data:`_SPACES` all U+0020."""
    if "\u00a0" in text or "\u202f" in text:
        return text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


def _excerpt(text: str, start: int, end: int, reach: int = 15) -> str:
    """``text[start:end]`` with the word before and the word after it (up to ``reach``
    characters each), as a report can show it (a code as ``{code}``)."""
    left = start
    while left > 0 and start - left < reach and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < reach and not text[right].isspace():
        right += 1
    return text[left:right].replace(CODE_MARK, _CODE_SHOWN)


def spacing(unit: Pair, *, french_spaces: bool | None = None,
            rules: Mapping[str, SpacingRule] | None = None) -> Iterator[Finding]:
    """Double spaces in the target, and spaces around punctuation as the target language
    wants them (:data:`SPACING_RULES`, or ``rules``). ``french_spaces=False`` (default:
    :data:`FRENCH_SPACES`) stops asking French targets for a space before ; : ! ? » and
    after «."""
    if not _blank(unit.target):
        yield from _spacing(unit, french_spaces, rules)


def _spacing(unit: Pair, french_spaces: bool | None = None,
             rules: Mapping[str, SpacingRule] | None = None) -> Iterator[Finding]:
    """:func:`spacing` of a unit whose target is not blank."""
    target = _with_codes(unit.target, unit.target_markup)
    if french_spaces is None:
        french_spaces = FRENCH_SPACES
    found: dict[tuple[str, str], list[str]] = {}
    plain = _plain_spaces(target)
    # a double space is two spaces of _SPACES in a row
    if "  " in plain and _DOUBLE_SPACE_RE.search(target):
        doubles = [_excerpt(target, m.start(), m.end())
                   for m in _DOUBLE_SPACE_RE.finditer(target)]
        # spaces the source doubles as often are meant (alignment, a removed code's place)
        source = _with_codes(unit.source, unit.source_markup)
        if len(doubles) > len(_DOUBLE_SPACE_RE.findall(source)):
            found[("double", "")] = doubles
    table = rules if rules is not None else SPACING_RULES
    rule = table.get(unit.target_lang.lower()) or table.get(_primary(unit.target_lang))
    if (rule is FRENCH or rule is CANADIAN_FRENCH) and not french_spaces:
        rule = FRENCH_WITHOUT_SPACES
    patterns = _patterns_of(rule) if rule is not None else ()
    for kind, pattern, _expected, needles in patterns:
        if not _may_match(kind, needles, plain):
            continue
        for m in pattern.finditer(target):
            found.setdefault((kind, m.group(1)), []).append(
                _excerpt(target, m.start(), m.end()))
    if not found:
        return
    messages = {p.kind: p.expected for p in patterns}
    for (kind, mark), places in found.items():
        expected = "one space" if kind == "double" else messages[kind].format(mark=mark)
        if len(places) > 1:
            expected += f" ({len(places)} times)"
        yield finding(unit, "spacing", places[0], expected)


# --- the table -------------------------------------------------------------------------------

UNIT_CHECKS: dict[str, Callable[[Pair], Iterator[Finding]]] = {
    "number-mismatch": number_mismatch,
    "untranslated": untranslated,
    "empty-target": empty_target,
    "tag-mismatch": tag_mismatch,
    "placeholder": placeholder,
    "punctuation": punctuation,
    "spacing": spacing,
}


def unit_checker(names: Iterable[str], *, french_spaces: bool | None = None
                 ) -> Callable[[Pair], list[Finding]]:
    """The checks of :data:`UNIT_CHECKS` named in ``names`` as one function of a unit,
    giving their findings in the table's order, as running each in turn does.

    It runs over every unit of a memory, so it skips what cannot find anything: a blank
    target gets ``empty-target`` alone (the other checks skip it), a target that is not
    blank skips ``empty-target``, and a unit without markup ``tag-mismatch``.
    ``french_spaces=False`` is passed on to ``spacing``."""
    wanted = set(names)
    checks = [_spacing_without_french_spaces if check is spacing and french_spaces is False
              else check for name, check in UNIT_CHECKS.items() if name in wanted]
    if not all(check in _BODIES for check in checks):
        # a check this module does not know (UNIT_CHECKS changed): each runs on every unit
        def every(unit: Pair) -> list[Finding]:
            found: list[Finding] = []
            for check in checks:
                found.extend(check(unit))
            return found

        return every
    empty = empty_target if empty_target in checks else None
    # the bodies, which skip the test of a blank target that run has made once for all
    bodies = [_BODIES[check] for check in checks if check is not empty_target]

    def run(unit: Pair) -> list[Finding]:
        if _blank(unit.target):
            return list(empty(unit)) if empty is not None else []
        found: list[Finding] = []
        for body in bodies:
            if body is not tag_mismatch or unit.source_markup or unit.target_markup:
                found.extend(body(unit))
        return found

    return run


def _spacing_without_french_spaces(unit: Pair) -> Iterator[Finding]:
    return spacing(unit, french_spaces=False)


def _spacing_body_without_french_spaces(unit: Pair) -> Iterator[Finding]:
    return _spacing(unit, french_spaces=False)


# The checks unit_checker knows, each with its body for a target that is not blank: all but
# empty_target find nothing in a blank target, and empty_target nothing in another;
# tag_mismatch nothing in a unit without markup.
_BODIES: dict[Callable[[Pair], Iterator[Finding]], Callable[[Pair], Iterator[Finding]]] = {
    number_mismatch: _number_mismatch, untranslated: _untranslated,
    empty_target: empty_target, tag_mismatch: tag_mismatch, placeholder: _placeholder,
    punctuation: _punctuation, spacing: _spacing,
    _spacing_without_french_spaces: _spacing_body_without_french_spaces,
}


def check_unit(unit: Pair, checks: Mapping[str, Callable[[Pair], Iterator[Finding]]]
               | None = None) -> list[Finding]:
    """Every finding of the unit checks (default: all of :data:`UNIT_CHECKS`) on ``unit``."""
    return [f for check in (checks or UNIT_CHECKS).values() for f in check(unit)]
