"""The one home of language tags and language identification.

Tags: every stage needs the primary subtag of a BCP 47 tag ("en-GB" -> "en") or a
normalised spelling to compare tags; they all come from here (:func:`primary`,
:func:`normalise_tag`, :func:`parse_tag`, :func:`is_valid_tag`), so "en_GB", "EN-gb" and
" en-GB " mean the same thing everywhere. So do the words a language writes against an
apostrophe (:func:`elisions`, :func:`joined_to_apostrophe`), which the repair of a dump and
the term tokeniser both need.

Identification answers two questions with two tools:

* *Where does the text switch language?* needs a score per word, so a switch can be placed
  between two words. :func:`word_score` gives each word the log10 ratio of its frequency in
  the two languages (wordfreq's lists ship in its wheel). Function words ("the", "la",
  "de") carry the decision; names and shared words ("Commission") score near zero.
* *Which language is this whole text in?* py3langid (a langid.py fork whose model ships in
  the wheel) classifies it, over all its languages (:func:`third_language`) or restricted
  to a pair's two (:func:`identifier`). Its model is loaded once and shared.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import derived_folder, fill_atomically

# Combining marks (the Combining Diacritical Marks blocks) are no \w, but they belong to the
# letter they follow: a decomposed text (NFD: "E\u0301tats", as macOS file names and some CAT
# tools' exports write "États") writes its accents apart, and "été" is one word, not a word
# ending at each accent. (Characters to put in a regex character class.)
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


# --- tags ------------------------------------------------------------------------------------

# BCP 47 as CAT tools use it: language, optional script, optional region, variants; or a
# private-use / grandfathered "x-..." / "i-..." tag. "_" is accepted where a tag is read
# (en_GB from Java and POSIX locales) but never valid in a written file.
_TAG = re.compile(
    r"^(?P<language>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:[-_](?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)$"
    r"|^(?P<private>[xXiI]-[A-Za-z0-9-]{1,8})$"
)
_PRIMARY = re.compile(r"\s*([A-Za-z]+)")


@dataclass(frozen=True, slots=True)
class Tag:
    """A parsed language tag: ``language`` lower case, ``script`` title case, ``region``
    upper case (or ``None``), ``variants`` as written; ``private`` for x-/i- tags."""

    language: str
    script: str | None = None
    region: str | None = None
    variants: str = ""
    private: bool = False


@lru_cache(maxsize=1024)
def primary(code: str) -> str:
    """The primary language subtag: ``en-GB`` -> ``en``, ``FR_fr`` -> ``fr``."""
    m = _PRIMARY.match(code)
    return m.group(1).lower() if m else code.strip().lower()


def normalise_tag(tag: str) -> str:
    """A spelling for comparing tags: ``EN_gb`` -> ``en-gb``."""
    return tag.strip().replace("_", "-").lower()


def holds_source(langs: Sequence[str], srclang: str) -> bool:
    """Whether a unit's tuv languages (``normalise_tag``) hold its ``srclang``: its tag, or
    one tag less specific or more specific by region ("en" under "en-US", as OmegaT writes
    its memories; "de-DE" under "de", as Trados writes them: a CAT tool matches either as
    that language), never another region of it ("en-GB" under "en-US"). What ``validate``
    asks of every unit, and the TMX writer of the units it writes."""
    tag, language = _source_forms(srclang)
    if tag in langs or language in langs:
        return True
    return tag == language and any(primary(lang) == language for lang in langs)


@lru_cache(maxsize=64)
def _source_forms(srclang: str) -> tuple[str, str]:
    """``srclang`` normalised, and its language alone: asked of every unit of a merge."""
    return normalise_tag(srclang), primary(srclang)


# The EU's languages by their English names and their own (tables often head their
# columns "English" / "Français" rather than "en" / "fr"); other languages by the English
# names translate-toolkit lists. Compared case- and accent-insensitively.
_EU_LANGUAGE_NAMES = {
    "bg": ("Bulgarian", "български"), "cs": ("Czech", "čeština"), "da": ("Danish", "dansk"),
    "de": ("German", "Deutsch"), "el": ("Greek", "ελληνικά"), "en": ("English",),
    "es": ("Spanish", "español"), "et": ("Estonian", "eesti"), "fi": ("Finnish", "suomi"),
    "fr": ("French", "français"), "ga": ("Irish", "Gaeilge"), "hr": ("Croatian", "hrvatski"),
    "hu": ("Hungarian", "magyar"), "it": ("Italian", "italiano"),
    "lt": ("Lithuanian", "lietuvių"), "lv": ("Latvian", "latviešu"), "mt": ("Maltese", "Malti"),
    "nl": ("Dutch", "Nederlands"), "pl": ("Polish", "polski"),
    "pt": ("Portuguese", "português"), "ro": ("Romanian", "română"),
    "sk": ("Slovak", "slovenčina"), "sl": ("Slovenian", "Slovene", "slovenščina"),
    "sv": ("Swedish", "svenska"),
}
# ... and in French and German, as a French or German user interface (memoQ's, Trados',
# Excel's) heads the columns it exports: "Anglais (Royaume-Uni)", "Französisch (Frankreich)".
_EU_LANGUAGE_NAMES_FR_DE = {
    "bg": ("bulgare", "Bulgarisch"), "cs": ("tchèque", "Tschechisch"),
    "da": ("danois", "Dänisch"), "de": ("allemand",), "el": ("grec", "Griechisch"),
    "en": ("anglais", "Englisch"), "es": ("espagnol", "Spanisch"),
    "et": ("estonien", "Estnisch"), "fi": ("finnois", "Finnisch"), "fr": ("Französisch",),
    "ga": ("irlandais", "Irisch"), "hr": ("croate", "Kroatisch"),
    "hu": ("hongrois", "Ungarisch"), "it": ("italien", "Italienisch"),
    "lt": ("lituanien", "Litauisch"), "lv": ("letton", "Lettisch"),
    "mt": ("maltais", "Maltesisch"), "nl": ("néerlandais", "Niederländisch"),
    "pl": ("polonais", "Polnisch"), "pt": ("portugais", "Portugiesisch"),
    "ro": ("roumain", "Rumänisch"), "sk": ("slovaque", "Slowakisch"),
    "sl": ("slovène", "Slowenisch"), "sv": ("suédois", "Schwedisch"),
}
# The Unicode CLDR's names of languages and countries in English, French, German, Spanish,
# Italian, Portuguese and Dutch, shipped for the term ranker: a CAT tool or spreadsheet in
# any of these heads its columns so ("Inglés (Reino Unido)", "Polish (Poland)", "Engels").
_CLDR_NAMES = Path(__file__).parent / "terms" / "data" / "names.tsv"
_PLACES_PL = {
    "polska": "PL", "wielka brytania": "GB", "zjednoczone krolestwo": "GB", "niemcy": "DE",
    "francja": "FR", "hiszpania": "ES", "wlochy": "IT", "holandia": "NL",
    "niderlandy": "NL", "belgia": "BE", "austria": "AT", "szwajcaria": "CH",
    "czechy": "CZ", "slowacja": "SK", "stany zjednoczone": "US", "irlandia": "IE",
    "portugalia": "PT", "szwecja": "SE", "finlandia": "FI", "dania": "DK",
    "wegry": "HU", "rumunia": "RO", "bulgaria": "BG", "chorwacja": "HR",
    "slowenia": "SI", "grecja": "GR", "cypr": "CY", "malta": "MT", "litwa": "LT",
    "lotwa": "LV", "estonia": "EE", "luksemburg": "LU", "brazylia": "BR", "kanada": "CA",
    "meksyk": "MX",
}

# ... and in Spanish, Italian and Polish, as a terminologist's glossary in those languages
# heads its columns: "Inglés | Español", "Inglese (Regno Unito) | Italiano (Italia)",
# "polski | angielski" (the CLDR table below has no Polish column). Only "polski" was known:
# such a glossary, Polish first, was read the wrong way round without a word, its Polish
# terms looked for in the English source.
_EU_LANGUAGE_NAMES_ES_IT_PL = {
    "bg": ("búlgaro", "bulgaro", "bułgarski"), "cs": ("checo", "ceco", "czeski"),
    "da": ("danés", "danese", "duński"), "de": ("alemán", "tedesco", "niemiecki"),
    "el": ("griego", "greco", "grecki"), "en": ("inglés", "inglese", "angielski"),
    "es": ("spagnolo", "hiszpański"), "et": ("estonio", "estone", "estoński"),
    "fi": ("finés", "finlandés", "finlandese", "fiński"),
    "fr": ("francés", "francese", "francuski"), "ga": ("irlandés", "irlandese", "irlandzki"),
    "hr": ("croata", "croato", "chorwacki"), "hu": ("húngaro", "ungherese", "węgierski"),
    "it": ("włoski",), "lt": ("lituano", "litewski"), "lv": ("letón", "lettone", "łotewski"),
    "mt": ("maltés", "maltański"), "nl": ("neerlandés", "neerlandese", "olandese",
                                         "holandés", "niderlandzki", "holenderski"),
    "pl": ("polaco", "polacco", "polski"), "pt": ("portugués", "portoghese", "portugalski"),
    "ro": ("rumano", "rumeno", "rumuński"), "sk": ("eslovaco", "slovacco", "słowacki"),
    "sl": ("esloveno", "sloveno", "słoweński"), "sv": ("sueco", "svedese", "szwedzki"),
}


def unaccented(text: str) -> str:
    """``text`` case-folded, without accents: "Français" -> "francais", "État" -> "etat"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _cldr_names() -> tuple[dict[str, str], dict[str, str]]:
    """The CLDR's language names to their codes and country names to theirs, case- and
    accent-folded, in all the file's languages: "ingles" -> ``en``, "polen" -> ``PL``.
    Each name keeps the code of its first row (a few countries share a name across
    languages' columns with none of another's)."""
    languages: dict[str, str] = {}
    places: dict[str, str] = {}
    for line in _CLDR_NAMES.read_text(encoding="utf-8").splitlines():
        kind, code, *spelled = line.split("\t") if "\t" in line else ("", "")
        if kind not in ("language", "place") or (kind == "place" and not code.isalpha()):
            continue  # the comments, the header, "150": a world region, no country
        table = languages if kind == "language" else places
        for name in spelled:
            table.setdefault(unaccented(name).strip(), code)
    return languages, places


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """Language names, case- and accent-folded, to their tags: translate-toolkit's
    (each of "Bokmål, Norwegian; Norwegian Bokmål"), its regional ones whole ("Portuguese
    (Brazil)" -> ``pt-BR``), the CLDR's in seven languages ("Inglés", "Engels"), and the
    EU's in English, their own, French, German and Polish."""
    from translate.lang.data import languages  # only when a header names no tag

    names = {}
    for code, entry in languages.items():
        if "@" in code:
            continue
        tag = code.replace("_", "-")
        for spelled in entry[0].split(";"):
            names.setdefault(unaccented(spelled).strip(), tag)
    names["chinese"] = "zh"  # listed only by country (zh_CN, zh_TW)
    for name, code in _cldr_names()[0].items():
        names.setdefault(name, code)
    for table in (_EU_LANGUAGE_NAMES, _EU_LANGUAGE_NAMES_FR_DE, _EU_LANGUAGE_NAMES_ES_IT_PL,
                  _EEA_OWN_NAMES):
        for code, spelled in table.items():
            names.update((unaccented(name), code) for name in spelled)
    return names


def language_of_name(name: str) -> str | None:
    """The primary subtag of the language a name spells ("English", "Français", "French
    (France)", "ελληνικά"), or ``None``."""
    tag = tag_of_name(name)
    return primary(tag) if tag is not None else None


# What a name's brackets may say beside the language: its script, or its country (by the
# names translate-toolkit's regional languages give, and these), or a role.
_SCRIPT_NAMES = {"latin": "Latn", "cyrillic": "Cyrl", "simplified": "Hans",
                 "traditional": "Hant", "greek": "Grek", "arabic": "Arab"}
_COUNTRY_NAMES = {
    "austria": "AT", "belgium": "BE", "brazil": "BR", "canada": "CA", "cyprus": "CY",
    "france": "FR", "germany": "DE", "greece": "GR", "ireland": "IE", "italy": "IT",
    "luxembourg": "LU", "malta": "MT", "mexico": "MX", "netherlands": "NL",
    "portugal": "PT", "spain": "ES", "switzerland": "CH", "uk": "GB",
    "united kingdom": "GB", "great britain": "GB", "us": "US", "usa": "US",
    "united states": "US", "australia": "AU", "finland": "FI", "sweden": "SE",
    # Czechia's former short name, which Windows and older CAT tools still write
    "czech republic": "CZ", "republique tcheque": "CZ", "tschechische republik": "CZ",
    # in French and German (accents and case folded, "ß" as "ss")
    "autriche": "AT", "osterreich": "AT", "belgique": "BE", "belgien": "BE",
    "bresil": "BR", "brasilien": "BR", "kanada": "CA", "chypre": "CY", "zypern": "CY",
    "frankreich": "FR", "allemagne": "DE", "deutschland": "DE", "grece": "GR",
    "griechenland": "GR", "irlande": "IE", "irland": "IE", "italie": "IT", "italien": "IT",
    "luxemburg": "LU", "mexique": "MX", "mexiko": "MX", "pays-bas": "NL",
    "niederlande": "NL", "espagne": "ES", "spanien": "ES", "suisse": "CH", "schweiz": "CH",
    "royaume-uni": "GB", "grande-bretagne": "GB", "vereinigtes konigreich": "GB",
    "grossbritannien": "GB", "etats-unis": "US", "vereinigte staaten": "US",
    "australie": "AU", "australien": "AU", "finlande": "FI", "finnland": "FI",
    "suede": "SE", "schweden": "SE",
}
# ... and each EU and EEA country (and Switzerland) by its own name, in each of its
# official languages, as a language's own name is followed by it: Windows' native names
# ("svenska (Sverige)", "dansk (Danmark)", "norsk bokmål (Norge)", "čeština (Česko)"),
# which tools working in those languages head their exports with. Known in the other
# languages only, "Svenska (Sverige)" named no language, and the column was none's.
_PLACES_OWN = {unaccented(name): code for code, names in {
    "AT": ("Österreich",), "BE": ("België", "Belgique", "Belgien"),
    "BG": ("България",), "CH": ("Schweiz", "Suisse", "Svizzera", "Svizra"),
    "CY": ("Κύπρος", "Kıbrıs"), "CZ": ("Česko", "Česká republika"),
    "DE": ("Deutschland",), "DK": ("Danmark",), "EE": ("Eesti",),
    "ES": ("España", "Espanya", "Espainia"), "FI": ("Suomi", "Finland"),
    "FR": ("France",), "GR": ("Ελλάδα",), "HR": ("Hrvatska",), "HU": ("Magyarország",),
    "IE": ("Éire", "Ireland"), "IS": ("Ísland",), "IT": ("Italia",),
    "LI": ("Liechtenstein",), "LT": ("Lietuva",), "LU": ("Lëtzebuerg", "Luxembourg"),
    "LV": ("Latvija",), "MT": ("Malta",), "NL": ("Nederland",), "NO": ("Norge", "Noreg"),
    "PL": ("Polska",), "PT": ("Portugal",), "RO": ("România",), "SE": ("Sverige",),
    "SI": ("Slovenija",), "SK": ("Slovensko",),
}.items() for name in names}
# ... and the languages of the EEA beside the EU's, by their own names (Windows writes
# Norwegian Bokmål "norsk bokmål")
_EEA_OWN_NAMES = {"no": ("norsk",), "nb": ("norsk bokmål", "bokmål"),
                  "nn": ("norsk nynorsk", "nynorsk"), "is": ("íslenska",)}
_ROLE_WORDS = frozenset({"source", "target", "original", "translation"})
_BRACKETED = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*$")


def tag_of_name(name: str) -> str | None:
    """The tag a language name spells, with the script or country its brackets give:
    "Portuguese (Brazil)" -> ``pt-BR``, "Serbian (Latin)" -> ``sr-Latn``, "Chinese
    (Simplified)" -> ``zh-Hans``, "Norwegian (Bokmål)" -> ``nb``, "English" -> ``en``.
    ``None`` when the name is no language's, or its brackets say what is not known: a
    region dropped would mix pt-BR and pt-PT memories."""
    if not name.strip():
        return None
    names = _language_names()
    whole = names.get(unaccented(name).strip())
    bracketed = _BRACKETED.match(name.strip())
    if whole is not None or bracketed is None:
        return whole
    base, inner = bracketed.group("name"), unaccented(bracketed.group("inner")).strip()
    language = names.get(unaccented(base).strip())
    # "Norwegian (Bokmål)": the brackets and the name together name the language
    joined = names.get(f"{unaccented(base).strip()} {inner}")
    if joined is not None or language is None:
        return joined
    if inner in _ROLE_WORDS:
        return language
    if inner in _SCRIPT_NAMES:
        return f"{language}-{_SCRIPT_NAMES[inner]}"
    region = _COUNTRY_NAMES.get(inner) or _regions().get(inner) \
        or _cldr_names()[1].get(inner) or _PLACES_PL.get(inner) or _PLACES_OWN.get(inner)
    return f"{language}-{region}" if region else None


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Country names to their codes, from translate-toolkit's regional languages
    ("Portuguese (Brazil)", code ``pt_BR``)."""
    from translate.lang.data import languages

    found = {}
    for code, entry in languages.items():
        bracketed = _BRACKETED.match(entry[0])
        if "_" in code and bracketed and len(code.split("_")[1]) == 2:
            found[unaccented(bracketed.group("inner")).strip()] = code.split("_")[1].upper()
    return found


def parse_tag(code: str) -> Tag | None:
    """``code`` as a :class:`Tag`, or ``None`` when it is not a language tag."""
    m = _TAG.match(code.strip())
    if m is None:
        return None
    if m.group("private"):
        return Tag(m.group("private").lower(), private=True)
    script, region = m.group("script"), m.group("region")
    return Tag(m.group("language").lower(), script.title() if script else None,
               region.upper() if region else None, m.group("variants") or "")


def cased_tag(code: str) -> str:
    """``code`` in the case BCP 47 writes it, without looking it up: ``EN-GB`` and
    ``en_gb`` -> ``en-GB``, ``zh-hant-tw`` -> ``zh-Hant-TW``; a code that is no language tag
    (DGT-TM's ``DA-01``, ``*all*``) as written. For showing a tag, not comparing it
    (:func:`normalise_tag`)."""
    tag = parse_tag(code)
    if tag is None:
        return code.strip()
    if tag.private:
        return tag.language
    subtags = [part for part in (tag.language, tag.script, tag.region) if part]
    return "-".join(subtags) + tag.variants.replace("_", "-").lower()


# wordfreq's word lists that work without extra tokenizers (Chinese needs jieba, Japanese
# and Korean need MeCab, none of which ship with it): the languages a dump can be read in,
# since repairing and pairing a dump score every word in both languages.
_NEEDS_TOKENIZER = frozenset({"zh", "ja", "ko"})
# Languages whose words a dump's reader cannot score at all, whatever a model says of them:
# Chinese in every tag (the macrolanguage zh, its members and Literary Chinese: py3langid
# has n-grams for yue and wuu, but their words, unspaced, are whole sentences to it) and
# the other languages written without spaces between words, where no line break can be
# placed between two words.
_CHINESE = frozenset({"zh", "cdo", "cjy", "cmn", "cnp", "cpx", "csp", "czh", "czo", "gan",
                      "hak", "hsn", "lzh", "mnp", "nan", "wuu", "yue"})
_UNSPACED = _CHINESE | {"ja", "ko", "th", "lo", "km", "my", "bo", "dz"}


@lru_cache(maxsize=1)
def word_list_languages() -> frozenset[str]:
    """Primary subtags whose word frequencies are known (see :func:`word_score`)."""
    from .frequencies import listed_languages

    return listed_languages() - _NEEDS_TOKENIZER


# Valid BCP 47 codes that name no language a text is in: units under them would match
# nothing, and no language check could be made.
_NO_LANGUAGE = {"mul": "mul: several languages", "zxx": "zxx: no linguistic content"}


def standard_tag(code: str) -> str:
    """``code`` as a standard BCP 47 tag (``eng`` -> ``en``, ``fr_FR`` -> ``fr-FR``,
    ``EN-gb`` -> ``en-GB``), by :mod:`langcodes`; ``ValueError`` naming the tag when it is
    not a known language.

    langcodes takes a twentieth of a second to import (it compiles its tables' patterns),
    a fifth of a one-paragraph run: its answers for the tags a user gives are kept in the
    cache (:mod:`.cache`), per langcodes release, and it is imported only for a new tag."""
    text = code.strip().replace("_", "-")
    if primary(text) in _NO_LANGUAGE:
        raise ValueError(f"{code!r} names no language ({_NO_LANGUAGE[primary(text)]}): "
                         "give the language the text is in (BCP 47, e.g. en-GB, fr-FR)")
    known = _known_tags()
    if text in known:
        return known[text]
    import langcodes

    try:
        language = langcodes.Language.get(text)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        language = None
    if language is None or not language.language or language.language == "und" \
            or not language.is_valid():
        raise ValueError(f"{code!r} is not a known language tag (BCP 47, e.g. en-GB, fr-FR)")
    tag = language.to_tag()
    if not any(ch.isspace() for ch in text):  # each is a line of the cache file
        known[text] = tag
        _remember_tags(known)
    return tag


def count_relabelled(counter: Counter[tuple[str, str]], held: str, asked: str,
                     count: int = 1) -> None:
    """Count ``count`` texts in ``held`` (fr-CA) read as the tag ``asked`` (fr-FR) in
    ``counter``, for the summary's notice: ``held`` as the standard spells it (else as the
    file does). A bare language (fr) is no regional variant: not counted. Whether the text
    was taken by its language part is the caller's to know."""
    if not held or normalise_tag(held) == primary(held):
        return
    try:
        shown = standard_tag(held)
    except ValueError:
        shown = held
    counter[(shown, asked)] += count


# Chinese regions and the characters they write, for a tag that names a region and no script
_CHINESE_REGION_SCRIPTS = {"TW": "Hant", "HK": "Hant", "MO": "Hant",
                           "CN": "Hans", "SG": "Hans", "MY": "Hans"}


def tag_script(code: str) -> str | None:
    """The script a tag says its text is in, when it says one: its script subtag
    (``sr-Latn``), a POSIX locale's modifier as gettext writes it (``sr@latin``,
    ``uz@cyrillic``), or a Chinese region's characters (``zh-TW`` Traditional, ``zh-CN``
    Simplified); ``None`` when it says none (``sr``, ``de-AT``)."""
    text, _, modifier = code.strip().partition("@")
    if modifier:
        return _SCRIPT_NAMES.get(modifier.strip().lower())
    tag = parse_tag(text.split(".", 1)[0])  # (fr_FR.UTF-8: a locale's charset)
    if tag is None or tag.private:
        return None
    if tag.script:
        return tag.script
    if tag.language in _CHINESE and tag.region:
        return _CHINESE_REGION_SCRIPTS.get(tag.region)
    return None


def scripts_differ(first: str, second: str) -> bool:
    """Whether two tags say their texts are in different scripts (``zh-Hans`` and
    ``zh-TW``, ``sr@latin`` and ``sr-Cyrl``): then no text of the one may be labelled as
    the other, though they share their language part."""
    one, other = tag_script(first), tag_script(second)
    return one is not None and other is not None and one != other


# The scripts written right to left, and the languages written in one of them when their
# tag names no script (Kurdish, Panjabi, Azerbaijani... are so written only with -Arab)
_RIGHT_TO_LEFT_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg",
                                    "Mand", "Samr"})
_RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "he", "iw", "yi", "ji", "fa", "prs", "ur", "ps",
                                      "sd", "ug", "dv", "ckb", "syr", "ks", "pnb", "arz",
                                      "ary", "apc", "acm", "aeb", "lrc", "mzn", "glk"})


@lru_cache(maxsize=256)
def right_to_left(code: str) -> bool:
    """Whether the language ``code`` names is written right to left (``ar``, ``he-IL``,
    ``fa``, ``az-Arab``; not ``az`` nor ``ku-Latn``): its texts may open with a direction
    mark that belongs to them."""
    script = tag_script(code)
    if script is not None:
        return script in _RIGHT_TO_LEFT_SCRIPTS
    return primary(code) in _RIGHT_TO_LEFT_LANGUAGES


def file_direction(file_src: str, file_tgt: str, source_lang: str, target_lang: str,
                   claimed: Iterable[str] = ()) -> str:
    """``same``, ``swapped`` or ``other``: how a file's languages stand to the request
    (a language a file leaves unsaid fits either side). A language fits by its language
    part (fr-CA for fr-FR) only when no other language of a ``build --langs`` run
    (``claimed``) shares it, as a TMX tuv (:class:`~tmx_export.formats.tmx.TuvRanker`):
    else fr-CA's text could be written as fr-FR's too; and never when the two tags say
    different scripts (:func:`scripts_differ`)."""
    asked = {normalise_tag(tag) for tag in (source_lang, target_lang, *claimed)}
    shared = {part for part, count in Counter(map(primary, asked)).items() if count > 1}

    def fits(lang: str, wanted: str) -> bool:
        if not lang:
            return True
        # Simplified Chinese labelled zh-Hant, Latin Serbian sr-Cyrl: another writing, no
        # regional variant to read as the tag asked
        if scripts_differ(lang, wanted):
            return False
        # en-GB -> en-US: both sides fit loosely, so only the whole tag tells the direction
        if primary(wanted) in shared or primary(source_lang) == primary(target_lang):
            return normalise_tag(lang) == normalise_tag(wanted)
        return primary(lang) == primary(wanted)

    if file_src and fits(file_src, target_lang) and fits(file_tgt, source_lang):
        return "swapped"
    if not fits(file_src, source_lang) or not fits(file_tgt, target_lang):
        return "other"
    return "same"


# One "tag as given<TAB>standard tag" a line: plain text, so a build need not load json.
_TAGS_FILE = "tags.tsv"


@lru_cache(maxsize=1)
def _tags_folder() -> Path | None:
    """The cache folder for langcodes' answers, named after its data (found, not imported)."""
    from importlib.util import find_spec

    spec = find_spec("langcodes")
    if spec is None or spec.origin is None:
        return None
    try:
        return derived_folder("langcodes", Path(spec.origin).with_name("data_dicts.py"))
    except OSError:
        return None


@lru_cache(maxsize=1)
def _known_tags() -> dict[str, str]:
    folder = _tags_folder()
    try:
        lines = (folder / _TAGS_FILE).read_text("utf-8").splitlines() if folder else []
    except (OSError, ValueError):
        return {}
    rows = [line.split("\t") for line in lines]
    if not all(len(row) == 2 and all(row) for row in rows):
        return {}  # damaged: every tag is asked again
    return dict(rows)  # type: ignore[arg-type]


def _remember_tags(known: dict[str, str]) -> None:
    """Write the tags known so far (a whole new file renamed into place: a reader never
    sees half of one; two runs at once keep one of their sets, and the other's new tag
    is asked again)."""
    import os
    import tempfile

    folder = _tags_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tags.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(f"{given}\t{tag}\n" for given, tag in known.items()))
        os.replace(tmp, folder / _TAGS_FILE)
    except OSError:
        pass


def unreadable_in_dumps(*tags: str) -> list[str]:
    """Those of ``tags`` whose words cannot be scored, so no dump can be read in them: no
    word list, and not a language py3langid scores by n-grams either; or a language
    written without spaces between words (Chinese in every tag: zh, yue, wuu, lzh...)."""
    known = word_list_languages() - _UNSPACED
    unlisted = [tag for tag in tags if primary(tag) not in known]
    if not unlisted:
        return []
    readable = dump_languages()
    return [tag for tag in unlisted if primary(tag) not in readable]


def standard_pair(source_lang: str, target_lang: str, needs: str) -> tuple[str, str]:
    """The two languages asked of a memory or a dump as standard tags (:func:`standard_tag`),
    or the ``ValueError`` of a tag of no language, or of one tag twice (``needs`` says what
    the input holds): ``read_tmx(path, source_lang="English", target_lang="French")`` read
    no tuv of the DGT-TM memory, every unit a ``missing-source-language`` reject, where
    ``build`` refuses the tag; ``"eng"`` found none of its ``EN-GB`` tuvs; and a pair of one
    language (``en-GB`` twice) rejected every unit as lacking its target."""
    source, target = standard_tag(source_lang), standard_tag(target_lang)
    if normalise_tag(source) == normalise_tag(target):
        raise ValueError(f"source and target are both {source}: {needs}")
    return source, target


def dump_tags(source_lang: str, target_lang: str) -> tuple[str, str]:
    """The languages asked of a dump as standard tags (:func:`standard_tag`), or the
    ``ValueError`` saying why no dump can be read in them: a tag of no language, one
    language twice (a dump's sides are told apart by their words, which two regions of a
    language share), or a language whose words cannot be scored. ``read_dump(...,
    source_lang="English", target_lang="French")`` read the EP sample's English side as
    "in another language (en)", and ``en-GB`` twice the same: 0 pairs, where ``build``
    refuses the tags."""
    source, target = standard_pair(source_lang, target_lang, "a dump holds two languages")
    unreadable = unreadable_in_dumps(source, target)
    if unreadable:
        raise ValueError(f"cannot read a bilingual dump in {', '.join(unreadable)}: its words "
                         "cannot be scored; dumps can be read in "
                         f"{', '.join(sorted(dump_languages()))}")
    if primary(source) == primary(target):
        raise ValueError(f"{source} and {target} cannot be told apart in a dump (its sides "
                         "are found by their language): give parallel files "
                         f"(NAME.{source}.txt, NAME.{target}.txt), a table, TMX or XLIFF")
    return source, target


def dump_languages() -> frozenset[str]:
    """The primary subtags a dump can be read in: those with a word list, and those
    py3langid scores by n-grams (Estonian, Irish, Maltese), but for those written without
    spaces between words. What the refusal of :func:`unreadable_in_dumps` lists."""
    return (word_list_languages() | ngram_languages()) - _UNSPACED - set(_NO_LANGUAGE)


def is_valid_tag(code: str) -> bool:
    """Whether ``code`` is a well-formed tag as a file must spell it (hyphens, no ``_``)."""
    return "_" not in code and _TAG.match(code) is not None


# --- elision -----------------------------------------------------------------------------------

# The words French and Italian elide before an apostrophe ("l'importance", "qu'il",
# "dell'Unione"): the term tokeniser splits them off a word, and the repair of a dump joins
# a line cut just before the apostrophe back to them ("Vous n" / "'êtes").
_ELISIONS = {
    "fr": frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                     "puisqu", "quoiqu"}),
    "it": frozenset({"l", "d", "un", "dell", "all", "dall", "nell", "sull", "quest", "quell",
                     "c"}),
    # Maltese prepositions elided before a vowel or a name: "f'Cape Town" (in), "b'mod"
    # (with), "t'Isfel" (of), "m'għandux" (not), "x'inhu" (what), "s'issa" (until)
    "mt": frozenset({"f", "b", "t", "m", "x", "s"}),
}


def elisions(lang: str) -> frozenset[str]:
    """The elided words ``lang`` (a primary subtag) writes before an apostrophe, in lower
    case; none for a language that does not elide."""
    return _ELISIONS.get(lang, frozenset())


# The coordinating conjunctions ("and", "or") of the EU's languages, by language: in a
# target, one word and one of these may stand between two words of a term whose head or
# modifier two phrases share (check.terms.TermChecker._elided); one ends an item of a
# list in an unnumbered dump ("..., och", "; ili"). By language, not one set for all:
# "a", "i", "in", "of", "en", "e" are conjunctions in some languages and prepositions or
# articles in others, where they would let "development of a policy" hold "development
# policy".
COORDINATORS: dict[str, tuple[str, ...]] = {
    "bg": ("и", "или"), "cs": ("a", "nebo"), "da": ("og", "eller"), "de": ("und", "oder"),
    "el": ("και", "ή"), "en": ("and", "or"), "es": ("y", "e", "o", "u"), "et": ("ja", "või"),
    "fi": ("ja", "tai"), "fr": ("et", "ou"), "ga": ("agus", "nó"), "hr": ("i", "ili"),
    "hu": ("és", "vagy"), "it": ("e", "ed", "o"), "lt": ("ir", "arba"), "lv": ("un", "vai"),
    "mt": ("u", "jew"), "nl": ("en", "of"), "pl": ("i", "oraz", "lub"), "pt": ("e", "ou"),
    "ro": ("și", "şi", "sau"), "sk": ("a", "alebo"), "sl": ("in", "ali"), "sv": ("och", "eller"),
}


# The languages that write ordinal numbers with a dot ("3. März", "3. března", "članka 5.
# stavka 1."): there a number's dot before a small letter ends no sentence (the segmenter's
# rules, the places an unnumbered dump's side B may start).
ORDINAL_DOT_LANGUAGES = frozenset("de cs da et fi hr hu lv no nb sk sl".split())


# Words written with an apostrophe inside that no tokeniser should split ("aujourd'hui",
# "quelqu'un", "presqu'île", "prud'homme"): what comes before it is no word of its own.
_BOUND_BEFORE_APOSTROPHE = {"fr": frozenset({"aujourd", "quelqu", "presqu", "prud"})}


def joined_to_apostrophe(lang: str) -> frozenset[str]:
    """The words ``lang`` writes straight before an apostrophe and the letters after it:
    its :func:`elisions` and the first parts of its words with an apostrophe inside."""
    return elisions(lang) | _BOUND_BEFORE_APOSTROPHE.get(lang, frozenset())


# --- word scores -----------------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W\d_]+")
MAX_WORD_SCORE = 3.0
# Headings in capitals borrow freely ("COMMUNICATIONS AND LAISSEZ-PASSER" is English): their
# words count, but less than words in running text.
CAPITALS_WEIGHT = 0.5
# Languages written in one script other than Latin. Between two languages of different
# scripts, a word in one of these scripts is decisive whatever its case or length: the
# Greek "ΗΠΑ" (USA) or the abbreviation "Εγκύκλ." are Greek though no word list scores them.
# Latin is not decisive: Greek and Bulgarian texts write codes and names in it ("IMO MSC").
# Serbian is written in both Cyrillic and Latin, so it is not listed.
_SCRIPTS = {"el": "GREEK", "bg": "CYRILLIC", "ru": "CYRILLIC", "uk": "CYRILLIC",
            "mk": "CYRILLIC", "be": "CYRILLIC", "ar": "ARABIC", "fa": "ARABIC",
            "ur": "ARABIC", "he": "HEBREW", "yi": "HEBREW", "ka": "GEORGIAN",
            "hy": "ARMENIAN", "hi": "DEVANAGARI", "mr": "DEVANAGARI", "ne": "DEVANAGARI",
            "th": "THAI"}


def _script(word: str) -> str:
    """The script of ``word``'s first letter, as Unicode names it ("GREEK", "LATIN")."""
    return unicodedata.name(word[0], "").partition(" ")[0]


def word_score(word: str, first: str, second: str) -> float:
    """log10 P(word | first) / P(word | second), clipped: > 0 means ``first``."""
    return word_scores(first, second)[word]


class WordScores(dict[str, float]):
    """:func:`word_score` of every word asked, for one ordered pair of languages, computed
    on first use. A text is scored by mapping this dict's lookup over its words, at C
    speed: repair, pairing and cleaning score the same words over and over."""

    __slots__ = ("first", "second", "by_ngrams", "scripts", "unlisted")

    def __init__(self, first: str, second: str, unlisted: bool = False) -> None:
        """``unlisted``: a long word neither word list holds leans by its n-grams
        (:meth:`_unlisted`), and a word the n-grams cannot score by the one word list of the
        pair (:meth:`_listed_only`); else it scores 0. Placing the pairs of an unnumbered dump
        needs that evidence; the language checks of whole sides do without it, as a
        memory of made-up or rare words would pay 60 µs a word for it."""
        super().__init__()
        self.first, self.second, self.unlisted = first, second, unlisted
        listed = word_list_languages()
        # per n-gram feature, the lean to ``first`` (languages without a word list)
        self.by_ngrams = (None if first in listed and second in listed
                          else _ngram_lean(first, second))
        # (first's script, second's) when they differ and one is decisive, else None
        scripts = (_SCRIPTS.get(first, "LATIN"), _SCRIPTS.get(second, "LATIN"))
        self.scripts = scripts if scripts[0] != scripts[1] else None

    def __missing__(self, word: str) -> float:
        if len(word) > LONGEST_WORD:
            # no language's word: a run of letters without a break (a line of "AAAA...",
            # a hash), whose n-grams would cost memory by the character (a 5 MB one, GBs)
            self[word] = 0.0
            return 0.0
        if self.scripts is not None and (script := _script(word)) != "LATIN":
            if script in self.scripts:
                score = MAX_WORD_SCORE if script == self.scripts[0] else -MAX_WORD_SCORE
                self[word] = score
                return score
        if word.isupper() and (len(word) > 1 or word not in "AÀY") and len(word) < 5:
            # acronyms and codes (EU, PME, NATO, the C of C5) are not evidence of a
            # language; longer words in capitals are mostly headings ("HAS ADOPTED THIS
            # DECISION"), scored as the words they spell
            score = 0.0
        elif self.by_ngrams is not None:
            features = _word_features(word.lower())
            if features or not self.unlisted:
                score = max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, float(
                    self.by_ngrams[features].sum())))
                if self.unlisted and score:
                    score = self._unknown_to_list(word, score)
            else:
                score = self._listed_only(word.lower())
        else:
            from .frequencies import zipf

            w = word.lower()
            a, b = zipf(w, self.first), zipf(w, self.second)
            score = max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, a - b))
            if self.unlisted and not a and not b and (
                    len(w) >= LONG_UNLISTED or word.islower() and len(w) >= LOWER_UNLISTED):
                score = self._unlisted(w)
        if word.isupper() and len(word) > 1:
            score *= CAPITALS_WEIGHT
        self[word] = score
        return score

    def _listed_only(self, word: str) -> float:
        """The lean of a word py3langid's model has no feature for ("the", "interim": too
        common across its languages to be kept), in a pair where only one language has a
        word list: a word that list holds as frequent leans to it."""
        from .frequencies import zipf

        listed = word_list_languages()
        for lang, sign in ((self.first, 1.0), (self.second, -1.0)):
            if lang in listed:
                return sign * max(0.0, min(MAX_WORD_SCORE, zipf(word, lang) - LISTED_ONLY_ZIPF))
        return 0.0

    def _unknown_to_list(self, word: str, score: float) -> float:
        """``score``, a word's lean by n-grams in a pair where one language has a word list,
        or 0 where it leans to that language and is a short word its list does not hold:
        the n-grams of a Maltese word can read as English ("emendata", "amended": -1.45)
        and took it to the English side, where the English list, holding 300,000 words
        and names, says it is none of its own. Nor one the list holds as a rare word only
        (:data:`RARE_LISTED_ZIPF`): Italian has "emendata" (Zipf 2.2), and its n-grams
        took the Maltese "kif emendata" ("as amended") apart, "emendata" opening the
        Italian side. Long words are left to their n-grams, as compounds and rare
        inflections are missing from every list. A capitalised word leaning to the
        language without a list, which the other's list holds as a frequent word, is a
        name both write or a word they share: its n-grams lean it at most
        :data:`NAME_NGRAM_LEAN` ("Washington" read as Maltese by 1.96, in "Iffirmata
        f'Washington, fil-21 ta' Frar 2019 | Firmata a Washington, il 21 febbraio 2019",
        took the Italian "Firmata a Washington," to the Maltese side)."""
        from .frequencies import zipf

        lang, other = (self.first, self.second) if score > 0 else (self.second, self.first)
        lower = word.lower()
        listed = word_list_languages()
        if len(word) < LONG_UNLISTED and lang in listed and zipf(lower, lang) < RARE_LISTED_ZIPF:
            return 0.0
        if other in listed and word[:1].isupper() and word[1:].islower() \
                and zipf(lower, other) >= LISTED_ONLY_ZIPF:
            return max(-NAME_NGRAM_LEAN, min(NAME_NGRAM_LEAN, score))
        return score

    def _unlisted(self, word: str) -> float:
        """The lean of a long word neither list holds, by its n-grams: a compound or an
        inflected form ("Schiffsidentifizierungssystem", "radionawigacyjnego") is
        evidence of its language, where scoring it 0 left it to whichever side took it.
        So is a shorter one in small letters (:data:`LOWER_UNLISTED`): the Hungarian
        "hajókhoz" had a colon before it give it to the German side ("„A” osztály: |
        hajókhoz Klasse A für Schiffe")."""
        import numpy as np

        ptc, pc, classes = _ngram_tables()
        features = _word_features(word)
        if not features or self.first not in classes or self.second not in classes:
            return 0.0
        # the rows of the word's features only: the whole table is 100 MB, mapped from
        # the cache, and a column of it would read every page (float16 there: summed as
        # float32, which numpy does at C speed)
        rows = ptc[sorted(features)].astype(np.float32)
        totals = rows.sum(axis=0)
        ranked = totals + pc
        likeliest = classes[int(np.argmax(ranked))]
        if likeliest not in (self.first, self.second) and (
                likeliest in word_list_languages() or float(ranked.max()) - max(
                    float(ranked[classes.index(lang)]) for lang in (self.first, self.second))
                > UNLISTED_NEIGHBOUR_MARGIN):
            # a word of a third language ("Näringsdepartementet" in Spanish and Italian,
            # a ministry's name in a list of them) leans to neither; not one a language
            # without a word list reads as its own by a hair, beside one of the pair
            # (Frisian, Afrikaans: the Dutch "Koersautomaat", :data:`UNLISTED_NEIGHBOUR_MARGIN`)
            return 0.0
        lean = float(totals[classes.index(self.first)] - totals[classes.index(self.second)])
        return max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, lean * NGRAM_WEIGHT / math.log(10)))


@lru_cache(maxsize=1)
def _ngram_tables() -> tuple[Any, Any, list[str]]:
    """py3langid's per-feature table (mapped, not read), its class priors and classes."""
    import numpy as np

    ident = _model()
    return (np.asarray(ident.nb_ptc), np.asarray(ident.nb_pc, dtype=np.float32),
            list(ident.nb_classes))


# Zipf frequency above which a word without n-gram features leans to the one language of
# the pair that has a word list (by how far above): "the" (7.7) fully, "interim" (4.0) not.
LISTED_ONLY_ZIPF = 4.0

# Zipf frequency under which a short word the one word list of a pair holds is too rare
# there to lean to that language by its n-grams alone: Italian "emendata" (2.2), which
# Maltese writes ("kif emendata", "as amended"); Italian "modificata" is 3.95.
RARE_LISTED_ZIPF = 2.5

# The most a capitalised word the one list of a pair holds as frequent (Zipf 4 and more:
# "Washington", Italian 4.5) leans by its n-grams to the other language: less than a word
# of its own language leans (dump.unnumbered.OWN_WORD_LEAN).
NAME_NGRAM_LEAN = 0.5

# Letters of a word that neither word list holds from which its n-grams score it: shorter
# unlisted words are mostly names and codes, which lean to no language.
LONG_UNLISTED = 10
# ... and of one in small letters: names and codes are written with capitals, and a word in
# small letters that no list holds is an inflected form ("hajókhoz", to ships; "cikkére",
# to article; Croatian "prsluke", life jackets; Latvian "iedaļā", in section, of six
# letters, scored 0 at seven, which left "V\xa0iedaļā" to the Lithuanian side after it)
LOWER_UNLISTED = 6
# Longer than any word of a language (German compounds of 60-odd letters included): scored 0.
LONGEST_WORD = 100


# How much likelier, at most (natural log), a language without a word list may find a
# long unlisted word than the likelier language of the pair, for the word to lean by its
# n-grams still: py3langid reads the Dutch "Koersautomaat" (heading control system) as
# Frisian by 1.1 and "rasterkaartsysteem" as Afrikaans by 2.0, and scored 0, they left
# side B's name to side A in DGT-TM FR-NL "Système de contrôle de route | Koersautomaat
# (Heading Control System — HCS)".
UNLISTED_NEIGHBOUR_MARGIN = 2.5


# Languages wordfreq has no list for (Estonian, Irish, Maltese): a word leans by
# py3langid's naive Bayes over its byte n-grams, the log-likelihood ratio of the two
# languages, in log10 units like the Zipf differences (and halved: a word's n-grams
# overlap, so their evidence is not independent).
NGRAM_WEIGHT = 0.5


@lru_cache(maxsize=64)
def _ngram_lean(first: str, second: str) -> Any:
    """Per feature of py3langid's model (:func:`_word_features`), how much it leans to
    ``first`` rather than ``second``; ``None`` when the model does not know both."""
    import numpy as np

    ident = _model()
    classes = list(ident.nb_classes)
    if first not in classes or second not in classes:
        return None
    ptc = np.asarray(ident.nb_ptc, dtype=np.float64)
    return (ptc[:, classes.index(first)] - ptc[:, classes.index(second)]) * (
        NGRAM_WEIGHT / math.log(10))


def _word_features(word: str) -> list[int]:
    """The model's features of ``word`` between spaces (its n-grams, word edges included),
    walked through its automaton as py3langid walks a text."""
    nextmove, rowbase, output = _automaton_lists()
    at = 0
    found = []
    for byte in f" {word} ".encode():
        at = nextmove[rowbase[at] + byte]
        feature = output[at]
        if feature >= 0:
            found.append(feature)
    return found


def ngram_languages() -> frozenset[str]:
    """Languages whose words are scored by :func:`_ngram_lean` (no word list)."""
    return frozenset(_model().nb_classes) - word_list_languages()


@lru_cache(maxsize=64)
def word_scores(first: str, second: str, unlisted: bool = False) -> WordScores:
    """The shared :class:`WordScores` of ``first`` against ``second``."""
    return WordScores(first, second, unlisted)


def text_score(text: str, first: str, second: str) -> float:
    """Sum of :func:`word_score` over the words of ``text``."""
    return sum(map(word_scores(first, second).__getitem__, WORD_RE.findall(text)))


def mean_score(text: str, first: str, second: str) -> float | None:
    """Mean :func:`word_score` of the words of ``text`` (how far it leans towards
    ``first``), or ``None`` when it has no words."""
    mean, count = text_lean(text, first, second)
    return mean if count else None


def text_lean(text: str, first: str, second: str) -> tuple[float, int]:
    """(mean :func:`word_score`, number of words) of ``text``; (0.0, 0) without words.

    Pairing, the third-language guard and the ``wrong-language`` rule all ask this of the
    same sides, in either order of the two languages: the answer is kept for the last
    texts seen, in one order (the scores are antisymmetric, so the other is its negation).
    """
    if first > second:
        mean, count = _text_lean(text, second, first)
        return -mean, count
    return _text_lean(text, first, second)


def leans_at_least(text: str, first: str, second: str, lean: float) -> bool:
    """Whether the words of ``text`` lean ``lean`` or more on average towards ``first``:
    ``text_lean(text, first, second)[0] >= lean``, the same answer. A word of other
    characters than letters below Armenian ("CO₂", a Han character) is scored by
    wordfreq's tokeniser, which costs a run the import of wordfreq (a tenth of a second,
    more than the rest of a glossary's check); its score lies within MAX_WORD_SCORE either
    way, so such words are scored only when the other words' mean leaves the answer open."""
    words = WORD_RE.findall(text)
    tokenised = [word for word in words if not (word.isalpha() and max(word) < "\u0530")]
    if not tokenised:
        return text_lean(text, first, second)[0] >= lean
    scores = word_scores(first, second)
    plain = sum(scores[word] for word in words if word.isalpha() and max(word) < "\u0530")
    # (the margin: this sum is not added in text_lean's order, whose last bits may differ)
    spread, margin = MAX_WORD_SCORE * len(tokenised), 1e-9 * len(words)
    if plain - spread >= lean * len(words) + margin:
        return True
    if plain + spread < lean * len(words) - margin:
        return False
    return text_lean(text, first, second)[0] >= lean


@lru_cache(maxsize=1024)
def _text_lean(text: str, first: str, second: str) -> tuple[float, int]:
    words = WORD_RE.findall(text)
    if not words:
        return 0.0, 0
    return sum(map(word_scores(first, second).__getitem__, words)) / len(words), len(words)


# --- close languages ---------------------------------------------------------------------------

# Close languages the word lists tell apart, where the pair's own test cannot: Spanish
# labelled pt leans clearly to Portuguese against German, so only Portuguese against
# Spanish shows it. Each language (the tag declared) with those its text is checked
# against. Measured on the DGT-TM memories (5 documents): every document side leans to its
# own language by 0.45 (Danish against nb) to 2 (mean word score), every unit of 8 words
# or more by more than -0.6; text in the close language leans the other way. Only the
# languages measured are checked: no Catalan, Norwegian, Galician or Bosnian text was at
# hand, and Croatian, Bosnian and Serbo-Croatian share one word list.
_CLOSE = {
    "es": ("pt", "ca", "it"), "pt": ("es", "ca"), "it": ("es",),
    "cs": ("sk", "pl"), "sk": ("cs", "pl"), "pl": ("cs", "sk"),
    "hr": ("sl",), "sl": ("hr",), "da": ("sv", "nb"), "sv": ("da", "nb"),
}
# A document side leaning this far to a close language (mean word score) is in it.
CLOSE_DOCUMENT_LEAN = 0.3
# A unit's side of this many words or more leaning this far to one is in it (no unit of
# the DGT-TM memories in its own language does; 85 % to 99 % of those in a close one do).
CLOSE_UNIT_WORDS = 8
CLOSE_UNIT_LEAN = 0.8


def close_language(text: str, lang: str, lean: float = CLOSE_UNIT_LEAN,
                   min_words: int = CLOSE_UNIT_WORDS) -> str | None:
    """The language close to ``lang`` (a primary subtag) that the words of ``text`` lean
    to by ``lean`` or more on average rather than to ``lang``, or ``None``: Slovak text
    labelled cs, Spanish labelled pt."""
    known = word_list_languages()
    if lang not in known:
        return None
    leans = {other: text_lean(text, lang, other) for other in _CLOSE.get(lang, ())
             if other in known}
    found = [(mean, other) for other, (mean, count) in leans.items()
             if count >= min_words and mean <= -lean]
    return min(found)[1] if found else None  # Slovak labelled pl leans to cs too: to sk most


def close_languages(first: str, second: str) -> bool:
    """Whether two languages (primary subtags) are close ones (:func:`close_language`),
    whose shared words lean only a little either way: a few of them cannot tell the two
    apart ("Odrazové materiály", Slovak, leans to Czech)."""
    return second in _CLOSE.get(first, ()) or first in _CLOSE.get(second, ())


# Chinese, Japanese and Korean share the Han characters; running Japanese writes kana
# between them and Korean Hangul, Chinese neither. A side of this many Han characters or
# more says its language by the others it holds: Chinese labelled ko was written as Korean.
SCRIPT_MIN_HAN = 20


def script_language(text: str, lang: str) -> str | None:
    """The CJK language the script of ``text`` shows when it cannot be ``lang`` (a primary
    subtag): Han with neither kana nor Hangul is Chinese, not ja or ko; kana is Japanese,
    Hangul Korean, not Chinese. ``None`` when the script fits, or there is too little."""
    if lang not in ("ja", "ko") and lang not in _CHINESE:
        return None
    counts = Counter(_script(ch) for ch in text if "\u1100" <= ch <= "\ufaff")
    han = counts["CJK"]
    kana, hangul = counts["HIRAGANA"] + counts["KATAKANA"], counts["HANGUL"]
    if han < SCRIPT_MIN_HAN:
        return None
    shown = "ja" if kana else "ko" if hangul else "zh"
    fits = {"ja": kana > 0, "ko": hangul > 0}.get(lang, not kana and not hangul)
    return None if fits else shown


# --- whole-text identification ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _model() -> Any:
    """py3langid's identifier. Its model ships LZMA-compressed and takes most of a second
    to unpack; unpacked once into the user's cache directory (:mod:`.cache`), it then
    loads in a few hundredths of a second. Without a writable cache it is unpacked as
    before, every time."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    arrays = _cached_model(source)
    if arrays is None:
        return LanguageIdentifier.from_modelpath(source, norm_probs=True)
    ptc, pc, classes, nextmove, row, output = arrays
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)


_MODEL_PARTS = ("ptc", "pc", "nextmove", "row", "output")


def _cached_model(source: Path) -> tuple[Any, ...] | None:
    """The model's parts from the cache, unpacking the model into it first when it is not
    there yet; ``None`` when the cache cannot be used."""
    import json
    from array import array

    import numpy as np

    folder = derived_folder("py3langid", source)
    try:
        if not (folder / "classes.json").exists():
            fill_atomically(folder, lambda work: _unpack_model(source, work))
        parts = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _MODEL_PARTS}
        classes = json.loads((folder / "classes.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    # The tokeniser walks these byte by byte in Python. The state table (38 MB) is indexed
    # through a memoryview of the mapped file, as fast as py3langid's own array and without
    # copying it: only the pages the texts walk through are read.
    return (parts["ptc"], parts["pc"], classes, memoryview(parts["nextmove"]),
            array("H", parts["row"].tobytes()), parts["output"].tolist())


def _unpack_model(source: Path, work: Path) -> None:
    """Unpack the model into the folder ``work``."""
    import json

    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(source)
    np.save(work / "ptc.npy", np.asarray(ptc))
    np.save(work / "pc.npy", np.asarray(pc))
    np.save(work / "nextmove.npy", np.frombuffer(nextmove, dtype=np.uint32))
    np.save(work / "row.npy", np.frombuffer(row, dtype=np.uint16))
    np.save(work / "output.npy", np.asarray(output, dtype=np.int64))
    (work / "classes.json").write_text(json.dumps(list(classes)), "utf-8")


@lru_cache(maxsize=16)
def identifier(languages: tuple[str, ...] | None = None) -> Any:
    """py3langid's identifier over all its languages, or restricted to ``languages``
    (primary subtags); ``None`` when it does not know one of them. The model is loaded
    once: a restricted identifier shares it and only narrows its classes."""
    full = _model()
    if languages is None:
        return full
    if any(lang not in full.nb_classes for lang in languages):
        return None
    restricted = copy.copy(full)
    restricted.set_languages(list(languages))
    return restricted



def classify_many(texts: Sequence[str], languages: tuple[str, ...] | None = None
                  ) -> list[tuple[str, float]] | None:
    """What ``identifier(languages).classify`` says of each of ``texts`` (``None`` when it
    does not know one of the languages), found for all of them at once.

    py3langid walks a text's bytes through its automaton one Python step per byte, and then
    scores it with a few numpy calls: thousands of short texts (a memory's units) spend
    most of their time in that per-text overhead. Here the texts walk the automaton side by
    side, one numpy step per byte position for all of them, and are scored together; the
    few long texts still walking when the others are done finish one by one. Features and
    counts are py3langid's own; the scores are summed in float64, where py3langid sums in
    float32 in an order of its BLAS's choosing, so a probability may differ from its in the
    fifth decimal (the tests compare both). A text's answer does not depend on the texts
    beside it."""
    return classify_many_as(texts, [languages])[0]


def classify_many_as(texts: Sequence[str], language_sets: Sequence[tuple[str, ...] | None]
                     ) -> list[list[tuple[str, float]] | None]:
    """:func:`classify_many` of ``texts`` for each of ``language_sets`` (``None``: all the
    identifier's languages), the texts walked through the automaton once: the walk, the
    slow part, depends on the texts only, not on the languages scored."""
    idents = [identifier(languages) for languages in language_sets]
    if not texts or all(ident is None for ident in idents):
        return [None if ident is None else [] for ident in idents]
    import numpy as np

    encoded = [_model()._encode(text) for text in texts]
    rows, feats = _walk_many(encoded)
    nbytes = np.fromiter(map(len, encoded), dtype=np.float64, count=len(encoded))
    return [None if ident is None else _scores_many(ident, rows, feats, nbytes)
            for ident in idents]


# Below this many texts still walking, a numpy step costs more than the Python walk.
_WALK_TOGETHER_MIN = 16


def _walk_many(encoded: list[bytes]) -> tuple[Any, Any]:
    """(text index, feature) for every feature the automaton emits over each text."""
    import numpy as np

    nextmove, rowbase, output = _automaton()
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    order = np.argsort(-lengths, kind="stable")  # longest first: the walkers are a prefix
    ordered = [encoded[i] for i in order.tolist()]
    flat = np.frombuffer(b"".join(ordered), dtype=np.uint8).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths[order])[:-1]))
    walking = np.searchsorted(-lengths[order], -np.arange(int(lengths.max()) + 1), "left")
    state = np.zeros(len(encoded), dtype=np.int64)
    rows, feats = [], []
    step = 0
    while step < len(walking) and walking[step] >= _WALK_TOGETHER_MIN:
        n = int(walking[step])
        state[:n] = nextmove[rowbase[state[:n]] + flat[starts[:n] + step]]
        found = output[state[:n]]
        hit = np.flatnonzero(found >= 0)
        rows.append(order[hit])
        feats.append(found[hit])
        step += 1
    # the long texts left: on in Python, from where they are
    tail_rows, tail_feats = _walk_rest(ordered, order, state, step, walking)
    rows.append(np.asarray(tail_rows, dtype=np.int64))
    feats.append(np.asarray(tail_feats, dtype=np.int64))
    return np.concatenate(rows), np.concatenate(feats)


def _walk_rest(ordered: list[bytes], order: Any, state: Any, step: int, walking: Any
               ) -> tuple[list[int], list[int]]:
    nextmove, rowbase, output = _automaton_lists()
    rows: list[int] = []
    feats: list[int] = []
    left = int(walking[step]) if step < len(walking) else 0
    for k in range(left):
        at, index = int(state[k]), int(order[k])
        for byte in ordered[k][step:]:
            at = nextmove[rowbase[at] + byte]
            f = output[at]
            if f >= 0:
                rows.append(index)
                feats.append(f)
    return rows, feats


def _scores_many(ident: Any, rows: Any, feats: Any, nbytes: Any) -> list[tuple[str, float]]:
    """py3langid's decision for every text from its (text, feature) hits: naive Bayes over
    log1p(counts), scaled by 1/sqrt(bytes), normalised, aliases folded."""
    import numpy as np

    ptc, pc = ident.nb_ptc, ident.nb_pc
    n = len(nbytes)
    width = ptc.shape[0]
    keys, counts = np.unique(rows * width + feats, return_counts=True)
    text, feature = keys // width, keys % width
    scores = np.zeros((n, len(pc)))
    weights = np.log1p(counts.astype(np.float64))
    first = np.flatnonzero(np.r_[True, text[1:] != text[:-1]]) if len(keys) else keys
    # in slices of whole texts, so the weighted rows of a full model (a float per language
    # and hit) stay a few MB
    hits = max(1, _SCORE_FLOATS // len(pc))
    cuts = np.unique(np.searchsorted(first, np.arange(0, len(keys), hits), "right") - 1)
    bounds = [*cuts.tolist(), len(first)]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        group = first[lo:hi]
        end = first[hi] if hi < len(first) else len(keys)
        weighted = weights[group[0]:end, None] * ptc[feature[group[0]:end]].astype(np.float64)
        scores[text[group]] = np.add.reduceat(weighted, group - group[0], axis=0) + pc
    scores *= (1.0 / np.sqrt(np.maximum(nbytes, 1)))[:, None]
    np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    for i, j in ident._alias_pairs:
        scores[:, i] += scores[:, j]
        scores[:, j] = 0.0
    best = scores.argmax(axis=1)
    probs = scores[np.arange(n), best]
    classes = ident.nb_classes
    return [(classes[b], p) for b, p in zip(best.tolist(), probs.tolist(), strict=True)]


_SCORE_FLOATS = 4_000_000  # weighted at once when scoring many texts (16 MB)


@lru_cache(maxsize=1)
def _automaton() -> tuple[Any, Any, Any]:
    """The model's automaton as numpy arrays: next state, row offsets, emitted feature."""
    import numpy as np

    model = _model()
    return (np.asarray(model.tk_nextmove), np.asarray(model.tk_row, dtype=np.int64) << 8,
            np.asarray(model.tk_output, dtype=np.int64))


@lru_cache(maxsize=1)
def _automaton_lists() -> tuple[Any, list[int], list[int]]:
    model = _model()
    return model.tk_nextmove, model._rowbase, list(model.tk_output)

# How much text is enough for py3langid to name a whole document's language with confidence.
DOCUMENT_MIN_CHARS = 200
DOCUMENT_SAMPLE_CHARS = 20_000


def document_sample(texts: Iterable[str]) -> str:
    """The first texts of a document side, joined, up to about ``DOCUMENT_SAMPLE_CHARS``."""
    sample, size = [], 0
    for text in texts:
        sample.append(text)
        size += len(text) + 1
        if size >= DOCUMENT_SAMPLE_CHARS:
            break
    return " ".join(sample)


def document_language(texts: Iterable[str], min_chars: int = DOCUMENT_MIN_CHARS
                      ) -> tuple[str, float] | None:
    """The language (primary subtag) and probability py3langid gives a whole document side
    (a sample of its texts), or ``None`` when there is too little text (``min_chars``) to
    tell."""
    joined = document_sample(texts)
    if len(joined) < min_chars:
        return None
    lang, prob = identifier().classify(joined.lower() if joined.isupper() else joined)
    return str(lang), float(prob)


# A text whose words lean less than this towards either language of its pair (mean word
# score) is not recognised as either by the word lists: py3langid may call it a third one.
THIRD_LANGUAGE_LEAN = 0.6
# py3langid's probability above which such a text is in the third language it names.
THIRD_LANGUAGE_PROB = 0.95


def third_language(text: str, expected: tuple[str, str], min_chars: int = 40,
                   min_prob: float = THIRD_LANGUAGE_PROB) -> str | None:
    """The language of ``text`` if it is confidently neither of ``expected``, else None.

    Short texts are never judged: a heading of three words is too little evidence, and
    the pair's own word scores already placed it.
    """
    if not may_be_third_language(text, expected, min_chars):
        return None
    lang, prob = identifier().classify(text)
    if lang in expected or prob < min_prob:
        return None
    return lang


def may_be_third_language(text: str, expected: tuple[str, str], min_chars: int = 40) -> bool:
    """Whether ``text`` is long enough to judge and its words recognise it as neither of
    ``expected`` (:data:`THIRD_LANGUAGE_LEAN`). langid confuses close languages on EU text
    full of shared words: only such a text may be called a third language. Asked first,
    the word lists spare the identifier almost every side (it is the slow part)."""
    if len(text) < min_chars:
        return False
    lean = mean_score(text, *expected)
    return lean is not None and abs(lean) < THIRD_LANGUAGE_LEAN


# --- the words of a document side too short for the identifier --------------------------------

# A side whose words lean this far on average (clipped zipf differences, as word_score) to a
# third language over its own is in that third language; with fewer than WORDS_MIN words
# (see _evidence_words), no side is judged. A side this share of whose words (UNKNOWN_MIN at
# least) neither list of the pair holds is confirmed as neither: Estonian or Maltese, which
# have no word list. Measured on sides too short for the identifier: of the 12,755 excerpts
# of 1 to 5 consecutive units of DGT-TM's 2,621 EN-FR pairs, 6 are refused (each a list of
# foreign names: "Ministerstvo dopravy (Ministry of Transport)", "‘Дякон Игнатий’ № 9"), of
# 169 short Europarl excerpts none; of 6,200 real sides of 1 to 3 units in the 23 languages
# of the test DGT-TM memories, 6 (two of them English in a Romanian and a Slovak side,
# "(nova postavka)" as Croatian); of 12,028 sides in the 21 languages other than en and fr,
# labelled en or fr, 9,357 are.
WORDS_THIRD_LEAN = 1.0
WORDS_MIN = 2
UNKNOWN_SHARE = 0.7
UNKNOWN_MIN = 4
# Shorter words are not counted: abbreviations ("Res.", "Ed.", "No") and short function words
# are shared by many languages, and in lists of references ("IMO Res. A.224(VII)") they led
# English towards Catalan or Italian.
EVIDENCE_MIN_LETTERS = 4
NAME_WORDS = 2


def _evidence_words(text: str, names: bool = False) -> list[str]:
    """The words of ``text`` that are evidence of its language, in lower case, each once (a
    list of references repeats its "Circ."): not in capitals (headings and acronyms
    borrow), and of :data:`EVIDENCE_MIN_LETTERS` at least; none when they are two or fewer,
    all capitalised (a name: "Cecilia Malmström" read Danish and Polish sides as Swedish;
    German capitalises its nouns, "Für den Gemeinsamen Rat"), unless ``names``. Composed
    first: a decomposed accent ("café" as macOS writes it) would cut a word in two."""
    words = [word for word in WORD_RE.findall(unicodedata.normalize("NFC", text))
             if not word.isupper() and len(word) >= EVIDENCE_MIN_LETTERS]
    if not names and len(words) <= NAME_WORDS and all(word[0].isupper() for word in words):
        return []
    return list(dict.fromkeys(word.lower() for word in words))


def third_language_by_words(text: str, lang: str, other: str) -> str | None:
    """The third language the words of ``text`` (a document side in ``lang``, paired with
    ``other``) read as, or ``None``: a short side ("Muchas gracias. Se levanta la sesión.")
    is too short for the identifier, but its words are Spanish, not French. The rivals are
    the languages whose word lists are served from tables (quick to ask, all of the EU's)."""
    from .frequencies import TABLE_LANGUAGES

    listed = word_list_languages()
    words = _evidence_words(text)
    if lang not in listed or len(words) < WORDS_MIN:
        return None
    lean, rival = _words_lean(words, lang, sorted(TABLE_LANGUAGES & listed - {lang, other}))
    return rival if lean >= WORDS_THIRD_LEAN else None


def _words_lean(words: list[str], lang: str, rivals: Iterable[str]) -> tuple[float, str]:
    """(mean lean, rival) of the rival ``words`` lean furthest to rather than to ``lang``
    (clipped zipf differences, as :func:`word_score`)."""
    from .frequencies import zipfs

    own = zipfs(words, lang)
    # (each language's frequencies of all the words at once: a look-up a word and rival
    # cost a glossary's check more than reading the glossary)
    return max(
        (sum(max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, theirs - score))
             for theirs, score in zip(zipfs(words, rival), own, strict=True)) / len(words),
         rival)
        for rival in rivals)


def unit_side_language_by_words(text: str, lang: str, other: str, beside: str,
                                names: bool = False) -> tuple[str, float] | None:
    """(language, lean) of the language the words of ``text`` (a unit's side in ``lang``,
    paired with ``other``) lean furthest to from ``lang``, among the word-list languages
    (:func:`third_language_by_words`) and ``other``; ``None`` when it is ``other`` or a
    language close to ``lang`` (their shared words lean either way: "podlahové krytiny",
    Slovak, leans to Czech), or when fewer than :data:`WORDS_MIN` words are evidence.
    Words that ``beside``, the unit's other side, also holds are not counted: a name, an
    address or a title a translation keeps ("Ministerstvo dopravy (Ministry of
    Transport)" / "Ministerstvo dopravy (ministère des transports)") is no sign of the
    side's language. ``names``: two words or fewer, all capitalised, count too (German
    capitalises its nouns: "Rechts- und Verwaltungsvorschriften der USA"), where the
    identifier is to confirm the language they name; alone, such words are a name's."""
    from .frequencies import TABLE_LANGUAGES

    listed = word_list_languages()
    if lang not in listed or other not in listed:
        return None
    kept = {word.lower() for word in WORD_RE.findall(unicodedata.normalize("NFC", beside))}
    words = [word for word in _evidence_words(text, names) if word not in kept]
    if len(words) < WORDS_MIN:
        return None
    lean, rival = _words_lean(words, lang, sorted((TABLE_LANGUAGES & listed | {other}) - {lang}))
    if rival == other or close_languages(lang, rival):
        return None
    return rival, lean


def unknown_words(text: str, lang: str, other: str) -> tuple[int, int]:
    """(words of ``text`` neither ``lang``'s nor ``other``'s word list holds, words), capitals
    not counted; (0, 0) when ``lang`` has no word list."""
    from .frequencies import zipf

    if lang not in word_list_languages():
        return 0, 0
    lists = [code for code in (lang, other) if code in word_list_languages()]
    words = _evidence_words(text)
    unknown = sum(1 for word in words if not any(zipf(word, code) for code in lists))
    return unknown, len(words)


def unconfirmed(text: str, lang: str, other: str) -> bool:
    """Whether the words of ``text`` are mostly in neither list of its pair
    (:data:`UNKNOWN_SHARE`): nothing confirms it is in ``lang``."""
    unknown, words = unknown_words(text, lang, other)
    return words >= UNKNOWN_MIN and unknown >= UNKNOWN_SHARE * words
