"""Segmentation rules: cut a text into the segments a CAT tool makes of it.

A translation memory only pays off when its units are the segments the translator's CAT tool
cuts from a new document: then the tool finds exact matches. So the rules here follow what
the common CAT defaults do (OmegaT's above all, because it is the client we check against),
not what a linguist would call a sentence. Rules read from an SRX file (:mod:`.srx`) can
replace the built-in sentence rules.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

from .._lazy import lazy_pattern
from ..lang import ORDINAL_DOT_LANGUAGES, primary


class SrxRules(Protocol):
    """What segmenting needs of rules read from an SRX file (:class:`.srx.SrxRules`)."""

    source: str

    def covers(self, lang: str) -> bool: ...

    def segment(self, text: str, lang: str) -> list[str]: ...

# -- paragraph numbers ------------------------------------------------------------------------
#
# A numbered paragraph "34. Calls on ..." is one text for the reader, but OmegaT 3.6's default
# segmentation rules (verified against OmegaT itself) decide per language whether "34." is a
# segment of its own:
#   * every language: a numbered-heading rule breaks after "34. " when an upper-case letter
#     follows ("34. Calls", "34. Invite", "34. Die");
#   * otherwise the general ".?!" rule breaks after "34." before any white space, unless the
#     language has an exception that covers it: French keeps "." before a space and an ASCII
#     lower-case letter, and before "»" ("34. invite" stays whole); German never breaks after
#     "<digit>." ("34. die" stays whole); English has no such exception ("34. calls" splits).
# A TMX unit only fills a segment if it is that segment, so the number must be cut exactly
# where OmegaT cuts it, judged on the SOURCE text (the document the CAT tool segments).

_NO_BREAK_AFTER_NUMBER = {
    # language prefix -> the text after "N. " for which "N." is NOT cut off
    "fr": re.compile(r"[a-z]|»"),
    "de": re.compile(r"", re.DOTALL),  # "[0-9]\." before a space never breaks in German
}


def omegat_splits_number(body: str, lang: str) -> bool:
    """Would OmegaT's default rules for ``lang`` cut "N." off the paragraph "N. <body>"?"""
    if not body:
        return False
    if unicodedata.category(body[0]) == "Lu":
        return True  # numbered-heading rule, all languages
    exception = _NO_BREAK_AFTER_NUMBER.get(primary(lang))
    return exception is None or exception.match(body) is None


# -- sentence and clause segmentation ---------------------------------------------------------
#
# The rules are those the common CAT defaults share: a segment ends after ".", "?", "!" or
# "…" (with any closing quotes or brackets) when white space and then anything but a
# lower-case letter follows; known abbreviations do not end a segment. A line break always
# does. Finding the candidates is one precompiled regex over the whole text; only the
# candidates (one per sentence or so) are looked at in Python, which keeps this fast.

MODES = ("sentence", "paragraph", "clause")

# Closing quotes and brackets kept with the sentence. "“" and "‘" close the low-opening
# quotes of German, Czech, Slovak, Bulgarian... („Das ist gut.“), "«" and "‹" German's
# »Gut.«; after sentence punctuation and before white space none of them opens a quote, so
# every language takes them.
_CLOSERS = "[\"'”’“‘«‹)\\]]*"
# Sentence mode cuts where OmegaT 3.6's default rules cut (its ".?!" rule, the rule of
# every language): after ".", "?" or "!" right before white space. So not after "…", nor
# after a closing quote or bracket ("He said: "The vote is closed." Then", "contre. » Le"):
# OmegaT keeps those in one segment, and a unit cut there matched nothing. German's own
# rules also cut after "." "?" "!" and an ASCII double quote.
_CANDIDATE = lazy_pattern(r"[.?!]+(?=\s)")
_GERMAN_CANDIDATE = lazy_pattern(r"[.?!]+\"?(?=\s)")
# Greek writes its question mark as ";" (U+037E, which NFC makes U+003B): a sentence end
# there, and never the clause break of the other languages.
_GREEK_CANDIDATE = lazy_pattern(
    r"(?:[.?!…;\u037e]+)(?:[ \u00a0\u202f\u2009]?[»›])?" + _CLOSERS + r"(?=\s)")
# clause mode: also "; " before a lower-case word (the clauses of EU resolutions)
_CLAUSE_CANDIDATE = lazy_pattern(
    r"(?:[.?!…]+(?:[ \u00a0\u202f\u2009]?[»›])?|;)" + _CLOSERS + r"(?=\s)")
# what follows a candidate: white space, opening quotes/brackets, then the first character.
# "„" and "‚" open the quotes of German, Polish, Czech, Bulgarian... ("1995 г.
# („споразумението от 1995 г.“)": a lower-case word after them continues the sentence)
_FOLLOWER = lazy_pattern(r"\s+((?:[\"'“‘„‚«‹(\[¿¡]\s*)*)(\S?)")
LINE_BREAK_RE = re.compile(r"[ \t\u00a0\u202f]*(?:\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])\s*")
_HAS_LINE_BREAK = lazy_pattern(r"[\n\r\u2028\u2029\x0b\x0c\x85]")
# A token is an abbreviation candidate without its opening punctuation: "(Art." -> "Art."
_OPENERS = "\"'“‘„‚«‹([¿¡"

# What an abbreviation forbids: a break whatever follows, a break before a digit only
# ("No. 5", "p. 12"; "No." alone may well end an answer), or a break before anything but an
# upper-case letter ("etc. 5" continues, "etc. The" starts a new sentence).
ALWAYS, BEFORE_DIGIT, UNLESS_UPPER = "always", "digit", "unless-upper"

ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Messrs.", "Jr.", "Sr.",
             "Gen.", "Col.", "Capt.", "Lt.", "Sgt.", "Rev.", "Hon.", "Gov.", "Sen.", "Rep.",
             "e.g.", "E.g.", "i.e.", "I.e.", "cf.", "Cf.", "vs.", "v.", "approx.", "Approx.",
             "fig.", "Fig.", "resp.", "ca.", "viz.", "al.",
             # "IMO Res. MSC.36(63)" (a resolution: DGT-TM cites them by the dozen),
             # "IEC 62616(2010) incl. Corr. 1"; a circular before its number or its
             # committee ("MSC/Circ. 1120", Italian "Circ. MSC.1 1276")
             "Res.", "incl.", "Circ."],
            ALWAYS),
        **dict.fromkeys(
            ["No.", "Nos.", "no.", "nos.", "Art.", "art.", "Arts.", "p.", "pp.", "para.",
             "paras.", "Para.", "vol.", "Vol.", "ch.", "Ch.", "sec.", "Sec.", "tel.", "Tel.",
             # editions and corrigenda of standards: "IEC 62288 Ed. 2.0", "Corr. 1",
             # "ISO 11606:2000/Cor. 1:2005"
             "Ed.", "ed.", "Corr.", "Cor."],
            BEFORE_DIGIT),
        "etc.": UNLESS_UPPER,
    },
    "fr": {
        **dict.fromkeys(
            ["M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Me.", "Dr.", "Pr.", "Prof.",
             "St.", "Ste.", "Mgr.", "art.", "Art.", "cf.", "Cf.", "réf.", "Réf.", "vol.",
             "Vol.", "éd.", "p.", "pp.", "ex.", "i.e.", "c.-à-d.", "av.",
             "apr.", "J.-C.", "ann.", "coll.", "Rés."],
            ALWAYS),
        **dict.fromkeys(["n.", "no.", "No.", "nos.", "Nos.", "al.", "par.", "Rév.", "Corr."],
                        BEFORE_DIGIT),
        "etc.": UNLESS_UPPER,
    },
}
# Initials ("J. Smith") and dotted acronyms ("U.K.", "C.E.E.") in every language.
_INITIALS = lazy_pattern(r"(?:[A-Z]\.)+|(?:[A-Z]\.-)+[A-Z]\.")


# In the languages that write ordinal numbers with a dot (:data:`..lang.
# ORDINAL_DOT_LANGUAGES`: "3. März", "3. března", "3. maaliskuuta"), "<digits>." before a
# space does not end a sentence, when it has up to three digits (a year ending a sentence,
# "im Jahr 2020. Danach", is far likelier than a four-digit ordinal) and the next word is
# not one that starts sentences (below).

# Roman numbers are ordinals there too ("dijelu VIII. Sporazuma", "III. MELLÉKLET"): two
# letters or more (one is an initial, "V. Orbán", which ends no sentence anyway).
_ROMAN = re.compile(r"(?=[IVXL]{2})L?X{0,3}(?:IX|IV|V?I{0,3})")

# Words that start a sentence but never follow an ordinal ("Artikel 12. Die Kommission",
# "taulukko 3. Se on"): articles, pronouns, conjunctions, prepositions, sentence adverbs.
# An ordinal is followed by a noun, a month or an adjective; German capitalises its nouns,
# so only such words tell its ordinals from its sentence ends.
_STARTER_WORDS = {
    "de": "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Es Er Sie Wir Ich Man "
          "Dies Diese Dieser Dieses Diesem Diesen Jede Jeder Jedes Alle Auch Nur So Danach "
          "Dann Daher Damit Dabei Dazu Darüber Deshalb Außerdem Zudem Ferner Jedoch "
          "Allerdings Somit Folglich Hierzu Hierbei Insbesondere In Im Am An Auf Aus Bei "
          "Für Mit Nach Von Vom Zum Zur Gemäß Unbeschadet Abweichend Wenn Falls Sofern "
          "Soweit Als Da Wie Was Welche Ist Sind Wird Werden Kann Können Hat Haben",
    "da": "Det Den De Der Dette Disse Denne Han Hun Vi Jeg Man En Et Alle Hver Hvis Når "
          "Da Men Og Også Desuden Endvidere Derfor Dog Efter Før Med Til For Fra Ved Om "
          "Som Se Kommissionen Medlemsstaterne Rådet",
    "fi": "Se Ne Hän He Me Tämä Nämä Tämän Näiden Tässä Tätä Näin Siksi Sen Sitä Siinä "
          "Niiden Lisäksi Jos Kun Koska Mutta Myös Kuitenkin Kaikki Ei On Olisi Tällöin "
          "Katso Komissio Neuvosto Jäsenvaltiot Jäsenvaltioiden",
    "et": "See Need Ta Nad Me Ma Selle Seda Sellega Siin Nii Seega Seetõttu Samuti Lisaks "
          "Kui Kuid Ning Pärast Enne On Ei Kõik Vaata Käesoleva Komisjon Nõukogu "
          "Liikmesriigid",
    "cs": "Ten Ta To Tento Tato Toto Tyto Tím Proto Pokud Jestliže Když Ale Je Jsou Není "
          "Dále Rovněž Také Však Navíc Kromě Podle Viz Komise Rada",
    "sk": "Ten Tá To Tento Táto Toto Tieto Preto Ak Keď Ale Je Sú Nie Ďalej Tiež Okrem "
          "Podľa Pozri Komisia Rada",
    "lt": "Tai Šis Ši Šie Šios Tas Ta Tie Jis Ji Jie Jos Mes Aš Todėl Taip Tačiau Be Kai "
          "Jei Jeigu Nors Taigi Pagal Žr. Visos Visi Komisija Taryba",
}
_SENTENCE_STARTERS = {lang: frozenset(words.split()) for lang, words in _STARTER_WORDS.items()}

# Croatian, Serbian and Bosnian write a date's year with the ordinal's dot ("10. prosinca
# 1982."): a year before an opening bracket or quote is a date followed by what it names
# ("1996. (Rezolucija IMO-a MSC.48 (66))", "1982. („Konvencija”)"), no sentence end.
_YEAR_DOT_LANGUAGES = frozenset({"hr", "sr", "bs"})
# Polish and Bulgarian write it with the abbreviation of "year" ("20 grudnia 1996 r.", "4 юни
# 1996 г."): the same date before the same reference, an act's Official Journal citation
# ("1996 r. (Dz.U. L 46 ...)"), a resolution ("1996 г. (Резолюция MSC.48 (66) на ММО)").
_YEAR_ABBREVIATIONS = {"pl": "r.", "bg": "г."}

# Lithuanian dates: "2014 m. liepos 23 d." ("year, of July, day"): the day's "d." ends no
# sentence before the name of what happened that day, an act cited by its date ("1982 m.
# gruodžio 10 d. Jungtinių Tautų jūrų teisės konvencija", "d. Tarybos direktyva"), unless a
# word that starts sentences follows. The months in the genitive a date writes them in.
_LITHUANIAN_MONTHS = frozenset(
    "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio "
    "lapkričio gruodžio".split())


# Other EU languages: their own titles and references, on top of the English list (whose
# Latin abbreviations and "Art." they share). An entry may hold spaces: "z. B." is matched
# against the last words before the dot. The Official Journal citation of every EU act
# ("ABl. L 46 vom 17.2.1997, S. 25", "Úř. věst. L 46, 17.2.1997, s. 25") needs its journal
# and its page.
_MORE_ABBREVIATIONS: dict[str, tuple[list[str], list[str]]] = {
    # language: (never a sentence end, not before a digit)
    # The references of EU acts to international ones are abbreviated in every language, as
    # English writes "IMO Res. A.224(VII)", "MSC/Circ. 1120", "Ed. 2.0", "Corr. 1": a
    # resolution ("Απόφ.", "Рез.", "rez.", "Ris.", "Riż."; before a letter as often as a
    # digit), a circular ("Rundschr. 1419", "oběž."), an edition ("έκδ. 1.0", "изд."), a
    # corrigendum ("Ber. 1", "Opr."). Each cut a DGT-TM row in two.
    "de": (["Hr.", "Fr.", "Dr.", "Prof.", "z.B.", "d.h.", "u.a.", "bzw.", "usw.", "vgl.",
            "ggf.", "ca.", "sog.", "gem.", "ABl.", "z.", "u.", "u. a.", "z. B.", "d. h.",
            "u. U.", "z. T.", "o. Ä.", "s. o.", "s. u.", "v. a.", "Mio.", "Mrd.", "inkl.",
            "einschl."],
           ["Abs.", "Nr.", "S.", "Ziff.", "Bd.", "Anh.", "Unterabs.", "Kap.", "Str.",
            "Rundschr.", "Ber.", "max."]),
    "el": (["κ.", "κα.", "π.χ.", "βλ.", "δηλ.", "Απόφ."],
           ["άρθ.", "άρθρ.", "παρ.", "σελ.", "σ.", "αριθ.", "στοιχ.", "εδ.", "κεφ.", "έκδ.",
            "Έκδ.", "Εγκύκλ.", "τροπ.", "Κατ.", "Τ.Κ."]),
    "bg": (["т.е.", "напр.", "проф.", "ул.", "бул.", "Рез."],
           ["чл.", "ал.", "стр.", "т.", "бр.", "изд.", "Изд.", "Цирк."]),
    "cs": (["tzv.", "např.", "tj.", "resp.", "Úř.", "věst.", "Ing.", "prof.", "Prof.", "doc.",
            "Mgr.", "Bc.", "JUDr.", "MUDr.", "PhDr.", "RNDr.", "rez.", "mil.", "mld."],
           ["čl.", "odst.", "písm.", "č.", "bod.", "s.", "příl.", "oběž.", "Opr.", "opr."]),
    "sk": (["tzv.", "napr.", "t. j.", "resp.", "Ing.", "prof.", "doc.", "Mgr.", "JUDr.",
            "MUDr.", "rez.", "mil.", "mld."],
           ["čl.", "ods.", "písm.", "č.", "bod.", "s.", "príl.", "obež.", "kor.", "dod."]),
    # "ds." ("do spraw") is in the name of every EU committee and of the High Representative:
    # "Komitet ds. Handlu i Rozwoju", "KOMITET DS. HANDLU"; "wyd. 1.0" an edition of a standard
    "pl": (["np.", "tzw.", "tj.", "tzn.", "m.in.", "dr.", "inż.", "prof.", "hab.", "doc.",
            "Dz.U.", "Dz.", "ds.", "Ds.", "DS.", "ul."],
           ["art.", "Art.", "ART.", "ust.", "pkt.", "nr.", "lit.", "poz.", "str.", "s.",
            "wyd."]),
    "sl": (["npr.", "t. i.", "prof.", "dr.", "mag.", "g.", "ga.", "mio.", "mrd."],
           ["str.", "čl.", "odst.", "št.", "tč.", "Okr."]),
    "hr": (["npr.", "tj.", "prof.", "dr.", "mr.", "g.", "gđa.", "sc.", "Rez.", "uklj.", "ul.",
            "Ul.", "mil."],
           ["str.", "čl.", "st.", "br.", "toč."]),
    # "Huom." (note) opens a remark as "Note:" does; "ml." (including) "IEC 60945 Corr."
    "fi": (["esim.", "ns.", "ks.", "mm.", "Huom.", "ml."], ["s."]),
    "sv": (["t.ex.", "t. ex.", "bl.a.", "bl. a.", "dvs.", "s.k.", "jfr.", "inkl."],
           ["s.", "nr."]),
    "da": (["f.eks.", "f. eks.", "jf.", "bl.a.", "dvs.", "evt.", "inkl."],
           ["s.", "nr.", "stk.", "pkt."]),
    "hu": (["pl.", "ill.", "dr.", "ifj.", "kb.", "ún."], ["u.", "sz.", "bek."]),
    "ro": (["Dl.", "Dna.", "dl.", "dna.", "prof.", "ing.", "Ing.", "Rez."],
           ["alin.", "pct.", "nr.", "pag."]),
    "mt": (["eż.", "Dr.", "Prof.", "Riż."], ["Nru.", "nru."]),
    # "EE. UU." (Estados Unidos)
    "es": (["Sr.", "Sra.", "Srta.", "D.", "Dña.", "p.ej.", "EE."],
           ["art.", "núm.", "apdo.", "pág.", "corr."]),
    "it": (["Sig.", "Sigg.", "Sig.ra", "sig.", "sigg.", "sig.ra", "dott.", "Dott.", "dott.ssa",
            "prof.", "Prof.", "avv.", "Avv.", "ing.", "Ing.", "on.", "On.", "ecc.", "es.",
            "Ris."],
           ["art.", "n.", "pag.", "par.", "co."]),
    "pt": (["Sr.", "Sra.", "Dr.", "Dra."], ["art.", "n.º", "pág.", "ret."]),
    "nl": (["dhr.", "mevr.", "bijv.", "o.a.", "m.b.t.", "m.i.v."],
           ["art.", "nr.", "blz.", "lid."]),
    # Lithuanian writes its years "2019 m." before a month or a name ("1995 m. Jungtinių
    # Tautų"), an edition after its number ("2.0 leid. (2003)"); "Nr. 1/2019" numbers every act
    "lt": (["pvz.", "t. y.", "žr.", "Žr.", "m.", "mln.", "mlrd.", "leid.", "rez."],
           ["Nr.", "nr.", "str.", "psl."]),
    # "ar 1. groz. (2016)": an amendment, before its date as often as its number
    "lv": (["piem.", "sk.", "t.i.", "milj.", "mljrd.", "Rez.", "groz."],
           ["Nr.", "nr.", "lpp.", "izd.", "Cirk.", "Kor."]),
    # Estonian: "art. 5", "lk. 5" (page), "nt." (for example), "vt." (see)
    "et": (["nt.", "vt.", "Vt.", "vrd.", "Vrd."], ["art.", "nr.", "lk.", "lg."]),
    # Irish: "Airt. 5" (Article), "Uimh. 5" (Number), "lch. 5" (page), "m.sh." (for example)
    "ga": (["m.sh.", "srl."], ["Airt.", "airt.", "Uimh.", "uimh.", "lch."]),
}

# What may be glued in front of an abbreviation: Italian and French elided articles and
# prepositions ("dell'art. 5", "l'art.", "de l'art. 5", "jusqu'au n. 3"), Maltese articles
# ("l-Art. 5", "tal-Art.").
_GLUED_PREFIX: dict[str, re.Pattern[str]] = {
    "it": re.compile(r"^\w+['’]"),
    "fr": re.compile(r"^\w+['’]"),
    "mt": re.compile(r"^\w+-"),
}
# What joins the parts of a code: "MSC.1/Circ.", "IMO-MSC-Rundschr."
_CODE_PART = re.compile(r"[/-]")
# Abbreviations that end compounds: German street names ("Hauptstr. 5").
_ABBREVIATION_SUFFIXES: dict[str, dict[str, str]] = {"de": {"str.": BEFORE_DIGIT}}


def _with_more(lang: str) -> dict[str, str]:
    always, before_digit = _MORE_ABBREVIATIONS[lang]
    return {**ABBREVIATIONS["en"], **dict.fromkeys(always, ALWAYS),
            **dict.fromkeys(before_digit, BEFORE_DIGIT)}


ABBREVIATIONS.update({lang: _with_more(lang) for lang in _MORE_ABBREVIATIONS})
# Each language's "etc." closes a list, and often a sentence: as English "etc.", it ends
# one before a capital ("Busse usw. Die Kommission", "navi ecc. La Commissione"); listed as
# never ending one, they joined two sentences into a unit.
for _lang, _etc in (("de", "usw."), ("it", "ecc.")):
    ABBREVIATIONS[_lang][_etc] = UNLESS_UPPER
# OmegaT's English rules know no "Art.": "Under Art." | "5 of the Treaty" (the other
# languages keep it from the English list, as they did)
for _art in ("Art.", "art.", "Arts."):
    del ABBREVIATIONS["en"][_art]


def _abbreviations(lang: str) -> dict[str, str]:
    return ABBREVIATIONS.get(primary(lang), ABBREVIATIONS["en"])


def is_abbreviation(token: str, lang: str) -> bool:
    """Whether ``token`` (with its final ".") is one of the abbreviations that end no
    sentence in ``lang`` ("Res.", "Art.", "éd.")."""
    return token in _abbreviations(lang)


# Chinese and Japanese end a sentence with a full-width mark and no space after it
# (closing brackets and quotes stay with the sentence).
_CJK_LANGUAGES = frozenset({"zh", "ja"})
_CJK_END = lazy_pattern(r"[。！？]+[」』”’）》〉】]*")


def _cjk_breaks(line: str) -> list[int]:
    return [m.end() for m in _CJK_END.finditer(line) if line[m.end():].strip()]


# OmegaT's numbered-heading rule (its Default rules, so every language): a line opening
# with a number of two characters or more ("1.2", "4)", "10.4.2", "3.1.", "34.") and white
# space is cut there before an upper-case letter: "1.2 | Scope of the programme". Java's
# "\s" is ASCII white space, and the rule's "^" the start of the line.
_NUMBERED_HEADING = lazy_pattern(r"[ \t\n\x0b\f\r]*\d+[\d.)\]]+[ \t\n\x0b\f\r]+")


def _heading_break(line: str) -> list[int]:
    m = _NUMBERED_HEADING.match(line)
    if m is None or m.end() == len(line) or unicodedata.category(line[m.end()]) != "Lu":
        return []
    return [m.end()]


def _breaks(line: str, lang: str, clause: bool) -> list[int]:
    """Break offsets in one line of text (no line breaks inside)."""
    abbreviations = _abbreviations(lang)
    language = primary(lang)
    breaks = _western_breaks(line, language, clause, abbreviations)
    if language in _CJK_LANGUAGES:
        breaks = sorted(set(_cjk_breaks(line)) | set(breaks))
    heading = _heading_break(line)
    if heading and heading[0] not in breaks:
        breaks = sorted(set(heading) | set(breaks))
    return breaks


def _western_breaks(line: str, language: str, clause: bool,
                    abbreviations: dict[str, str]) -> list[int]:
    """Breaks after ".", "?", "!", "…" before white space (Latin, Greek, Cyrillic...), in
    ``language`` (a primary subtag)."""
    if language == "el":
        candidate = _GREEK_CANDIDATE
    elif clause:
        candidate = _CLAUSE_CANDIDATE
    else:
        candidate = _GERMAN_CANDIDATE if language == "de" else _CANDIDATE
    breaks: list[int] = []
    for m in candidate.finditer(line):
        follower = _FOLLOWER.match(line, m.end())
        if follower is None:
            continue
        nxt = follower.group(2)
        if not nxt:  # only white space follows: the end of the text
            continue
        punct = m.group()
        if punct[0] == ";" and language != "el":
            # a clause break only before a lower-case word: "; stresses", "; souligne"
            if nxt.islower():
                breaks.append(m.end())
            continue
        if nxt in "»›" and not clause:
            continue  # "contre. » Le": the quotation goes on (OmegaT's French rule)
        if nxt.islower() and (clause or punct[0] not in "?!"):
            # "etc. and", "approx. two", "34. invite": not a sentence end; after "?" and
            # "!" OmegaT cuts whatever follows ("Is this acceptable? we do not")
            continue
        if punct[0] == "." and (len(punct) == 1 or punct[1] != ".") and not _dot_ends_sentence(
                line, m.start() + 1, follower, language, abbreviations):
            continue
        breaks.append(m.end())
    return breaks


def _dot_ends_sentence(line: str, end: int, follower: re.Match[str], language: str,
                       abbreviations: dict[str, str]) -> bool:
    """Whether the single "." ending at ``end`` ends a sentence, given what follows it (not a
    lower-case letter): not after an ordinal or an abbreviation that forbids it."""
    words = [word.lstrip(_OPENERS) for word in line[max(0, end - 40) : end].split()]
    token = words[-1] if words else ""
    if _is_ordinal(token, language) and not _starts_sentence(line, follower, language):
        return False  # "am 3. März", "der 2. Absatz": an ordinal, not a sentence end
    if language in _YEAR_DOT_LANGUAGES and len(token) == 5 and token[:4].isdigit() \
            and follower.group(1):
        return False  # "donesena 4. lipnja 1996. (Rezolucija ...)": a date, then its reference
    if token == _YEAR_ABBREVIATIONS.get(language) and len(words) >= 2 \
            and words[-2][-4:].isdigit() and follower.group(1):
        return False  # "z dnia 20 grudnia 1996 r. (Dz.U. L 46 ...)": the same
    if language == "lt" and token == "d." and len(words) >= 3 and words[-2].isdigit() \
            and words[-3].lower() in _LITHUANIAN_MONTHS \
            and not _starts_sentence(line, follower, language):
        return False  # "1982 m. gruodžio 10 d. Jungtinių Tautų ...": a date citing an act
    rule = _abbreviation_rule(words, language, abbreviations)
    if rule is ALWAYS:
        return False
    nxt = follower.group(2)
    if rule is BEFORE_DIGIT and nxt.isdigit() and not follower.group(1):
        return False
    return not (rule is UNLESS_UPPER and not nxt.isupper())


def abbreviation_before(text: str, end: int, lang: str) -> bool:
    """Whether the "." just before offset ``end`` of ``text``, white space after it, closes
    an abbreviation of ``lang`` that ends no sentence before what follows ("Rez. IMO",
    "MSC/Okr. 1120"), or an ordinal before a lower-case word ("2019. gada 19. februārī"),
    whatever the case of that. For the cutter of merged translations, which cuts at
    sentence ends before lower-case words too; an ordinal's dot before a capital stays a
    place to cut there ("Ispravak 1. IEC 60945"), the ordinal rule being a guess."""
    follower = _FOLLOWER.match(text, end)
    if follower is None:
        return False
    language = primary(lang)
    words = [word.lstrip(_OPENERS) for word in text[max(0, end - 40) : end].split()]
    nxt = follower.group(2)
    if words and _is_ordinal(words[-1], language) and nxt.islower():
        return True
    rule = _abbreviation_rule(words, language, _abbreviations(lang))
    return rule is ALWAYS or (rule is BEFORE_DIGIT and nxt.isdigit() and not follower.group(1))


def _is_ordinal(token: str, language: str) -> bool:
    return (language in ORDINAL_DOT_LANGUAGES
            and ((token[:-1].isdigit() and len(token) <= 4) or _ROMAN.fullmatch(token[:-1])
                 is not None))


def _starts_sentence(line: str, follower: re.Match[str], language: str) -> bool:
    """Whether the word after a candidate is one that starts sentences in ``language``."""
    rest = line[follower.start(2) : follower.start(2) + 40].split(maxsplit=1)
    word = rest[0].rstrip(".,;:!?") if rest else ""
    return word in _SENTENCE_STARTERS.get(language, ())


def _abbreviation_rule(words: list[str], language: str,
                       abbreviations: dict[str, str]) -> str | None:
    """The rule of the abbreviation the words before a "." end with, if any: "z. B." (the
    last words), "Art.", "dell'art." (a glued prefix), "Hauptstr." (a suffix), "J." (an
    initial)."""
    for count in (3, 2):
        rule = abbreviations.get(" ".join(words[-count:])) if len(words) >= count else None
        if rule is not None:
            return rule
    token = words[-1] if words else ""
    rule = abbreviations.get(token)
    prefix = _GLUED_PREFIX.get(language)
    if rule is None and prefix is not None:
        rule = abbreviations.get(prefix.sub("", token, count=1))
        if rule is not None and language == "fr":
            # "l'art. 5", but also the noun ending a sentence: "Il aime l'art. Le vote"
            rule = BEFORE_DIGIT
    for suffix, suffix_rule in _ABBREVIATION_SUFFIXES.get(language, {}).items():
        if rule is None and token.endswith(suffix):
            rule = suffix_rule
    if rule is None:
        # the last part of a code: "MSC/Circ. 1120", "MSC.1/oběž. 1474", "IMO-MSC.1-Rundschr.
        # 1419", "ISO 11606:2000/Ber. 1:2005" (the code and its number are one reference)
        tail = _CODE_PART.split(token)[-1]
        if tail != token:
            rule = abbreviations.get(tail)
    if rule is None and _INITIALS.fullmatch(token):
        rule = ALWAYS
    if rule is None and len(token) > 2 and token[0].isupper():
        # an abbreviation opening a sentence takes a capital: "Vgl. Kap. 3", "Проф. Петров",
        # "Dhr. Jansen", "Sk. Nr. 5" (after the initials: "S." stays an initial)
        rule = abbreviations.get(token[0].lower() + token[1:])
    return rule


def cut_at(line: str, breaks: list[int]) -> list[str]:
    """``line`` cut at the offsets ``breaks`` (in order); pieces stripped, none empty."""
    out: list[str] = []
    prev = 0
    for pos in breaks:
        piece = line[prev:pos].strip()
        if piece:
            out.append(piece)
        prev = pos
    piece = line[prev:].strip()
    if piece:
        out.append(piece)
    return out


def segment_text(text: str, lang: str, mode: str = "sentence", *,
                 rules: SrxRules | None = None) -> list[str]:
    """Cut ``text`` (in language ``lang``) into segments; none empty, none padded.

    ``mode`` is ``sentence`` (the default, what CAT tools match), ``clause`` (also break at
    "; " before a lower-case word, for concordance and term work) or ``paragraph`` (only at
    line breaks). ``rules`` are segmentation rules read from an SRX file
    (:func:`tmx_export.segment.srx.read_srx`); they replace the built-in sentence rules.
    """
    if mode not in MODES:
        raise ValueError(f"unknown segmentation mode {mode!r}; expected one of {MODES}")
    out: list[str] = []
    lines = LINE_BREAK_RE.split(text) if _HAS_LINE_BREAK.search(text) else [text]
    for line in lines:
        if mode == "paragraph":
            piece = line.strip()
            if piece:
                out.append(piece)
        elif rules is not None:
            for piece in rules.segment(line, lang):
                if mode == "clause":
                    out.extend(cut_at(piece, _breaks(piece, lang, True)))
                else:
                    out.append(piece)
        else:
            out.extend(cut_at(line, _breaks(line, lang, mode == "clause")))
    return out
