"""Checks of one unit on its own, and the table that runs them: ``untranslated``,
``empty-target``, ``punctuation`` and ``spacing`` here; ``number-mismatch`` in
:mod:`.numbers`, ``tag-mismatch`` and ``placeholder`` in :mod:`.codes`.

Each check is a function ``(unit) -> Iterator[Finding]``; :data:`UNIT_CHECKS` maps the
check names of :data:`~tmx_export.check.model.CHECKS` to them. They run over every unit of
a memory (100k units and more), so they work on precompiled regular expressions and bail
out early: a unit without digits or numerals costs ``number-mismatch`` a few ``in`` tests
(and a side with numbers spelled alike, "534.32" / "534,32" included, no reading), a unit
without markup costs ``tag-mismatch`` nothing, a target that starts with another letter
than its source costs ``untranslated`` nothing more. :func:`unit_checker` runs them
together, testing a blank target once for all; :func:`unit_batch_checker` over a batch of
units, where one search over the batch's texts spares most units ``punctuation`` and
``spacing``.

An empty target is reported once, by ``empty-target``: the other checks skip it rather
than repeat the news in their own words (missing numbers, missing end punctuation...).

Decisions where QA tools differ, tuned on DGT-TM 2019 (EN-GB/FR-FR, 2621 units) and
Europarl (ep-00-01-17, 786 sentence units):

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter, methodcaller, ne
from typing import NamedTuple

from ..clean import WEB_ADDRESS_RE
from ..model import Pair
from .codes import CODE_MARK, CODE_SHOWN, placeholder, placeholder_body, tag_mismatch, with_codes
from .model import Finding, finding
from .numbers import number_mismatch, number_mismatch_body
from .text import (
    DIGIT_RE,
    WORD_RE,
    Joined,
    blank,
    collapse_spaces,
    plain_spaces,
    primary_of,
)

_SPACE_RE = re.compile(r"\s+")


# --- untranslated, empty-target --------------------------------------------------------------

# Identical units shorter than this (in words) are normal in both languages: "Article 5",
# "(Applause)", "Sri Lanka", "Budget"; the `identical` cleaning rule uses the same bound.
UNTRANSLATED_MIN_WORDS = 3
_URL_OR_EMAIL_RE = re.compile(rf"\W*(?:{WEB_ADDRESS_RE.pattern})\W*", re.IGNORECASE)
# The lower-case words of names: "Loyola de Palacio", "Plooij-van Gorsel".
_NAME_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di",
                             "du", "dos", "das", "le", "la", "af", "zu", "y", "bin", "ibn",
                             "al", "el", "ten", "ter"})
_ACRONYM_MAX = 6
_TOKEN_RE = re.compile(r"\S+")
_CODE_SYMBOL_RE = re.compile(r"[=<>{}\\/_@#|~^*$%&+]")
# A word shortened with a full stop ("rez.", "ul.", "nr."): a reference's or an address's
# abbreviation, which a related language may write alike ("IMO rez. MSC.302(87)" is both
# Lithuanian and Latvian, "rez. IMO MSC.192(79)" Czech, Slovak and Croatian)
_ABBREVIATION_RE = re.compile(r"[^\W\d_]{1,4}\.")


def _comparable(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _name_or_code(token: str) -> bool:
    """A token of a name or a code: digits or code symbols in it ("<=lt", "{0}",
    "a_b"), an acronym, a capitalised word, an abbreviation ("rez.", in lower case as in
    capitals: "Rez." is a capitalised word)."""
    if DIGIT_RE.search(token) or _CODE_SYMBOL_RE.search(token) \
            or _ABBREVIATION_RE.fullmatch(token):
        return True
    words = WORD_RE.findall(token)
    return all(w.lower() in _NAME_PARTICLES if w.islower() else
               (len(w) <= _ACRONYM_MAX if w.isupper() else w[0].isupper()) for w in words)


def untranslated(unit: Pair) -> Iterator[Finding]:
    """The target is the source (ignoring case and spacing), and the text is more than a
    name, a code, a number, a URL, an e-mail or a few words."""
    if not blank(unit.target):
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
            primary_of(unit.source_lang) == primary_of(unit.target_lang):
        return
    # cheap first: most targets differ from their source at once
    a, b = collapse_spaces(source).casefold(), collapse_spaces(target).casefold()
    if a != b and (unicodedata.is_normalized("NFKC", a) and unicodedata.is_normalized("NFKC", b)
                   or _comparable(a) != _comparable(b)):
        return
    # words of two letters or more: single letters are initials and abbreviations
    # ("OJ L 123, p. 1")
    if sum(len(w) > 1 for w in WORD_RE.findall(source)) < UNTRANSLATED_MIN_WORDS:
        return
    if _URL_OR_EMAIL_RE.fullmatch(source.strip()):
        return
    if all(_name_or_code(token) for token in _TOKEN_RE.findall(source)):
        return
    yield finding(unit, "untranslated", target, f"a translation into {unit.target_lang}")


def empty_target(unit: Pair) -> Iterator[Finding]:
    """The target is empty or white space only, and the source is not."""
    if blank(unit.target) and not blank(unit.source):
        yield finding(unit, "empty-target", "(empty)" if not unit.target else "(white space)",
                      f"a translation into {unit.target_lang}")


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
# What may follow the end mark: closing quotes and brackets, and white space. The closing
# quotes are every language's (_QUOTES): German, Czech, Bulgarian... close with "“" and "‘",
# Danish with "«" ("„Warum?“", "(»konventionen«)"), which English and French open with; no
# text ends with an opening quote, so they are closers at a text's end in any language.
_CLOSERS = " \t\u00a0\u202f)]}»›”’\"'“‘«‹"

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
    code = primary_of(lang)
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
        tuple(f" {etc}" for etc in _ETC.get(primary_of(lang), ())))


# Languages that end an act's enacting formula, written in capitals, with a full stop where
# English and the others write a colon: Swedish "HÄRIGENOM FÖRESKRIVS FÖLJANDE." for "HAS
# ADOPTED THIS DECISION:", "HAR ENATS OM FÖLJANDE." for "HAVE AGREED as follows:", Latvian
# "IR PIEŅĒMUSI ŠO LĒMUMU." (every formula of DGT-TM 2019).
_FORMULA_FULL_STOP = frozenset({"sv", "lv"})


def _formula_full_stop(text: str, lang: str) -> bool:
    """Whether ``text``, ending with a full stop, is an enacting formula its language ends
    so: in capitals, in a language of :data:`_FORMULA_FULL_STOP`."""
    return primary_of(lang) in _FORMULA_FULL_STOP and text.isupper()


# How a language ends the items of a list that English ends with ";" (besides the "," any
# may write): Danish with no mark ("»fisk« : arter af fisk ... i konventionens artikel
# 77"), Swedish with a full stop, each item a sentence ("Att det undersökande fisket inte
# äventyrar syftet med detta avtal."): every such item of DGT-TM 2019 in those languages.
_ITEM_END = {"da": "", "sv": "."}


def _item_end_alike(semicolon_class: str | None, other_end: str, other_lang: str) -> bool:
    """Whether ``other_end`` is how ``other_lang`` ends a list item that the other side
    ends with a semicolon (class ``semicolon_class``)."""
    return semicolon_class == "semicolon" and _ITEM_END.get(primary_of(other_lang)) == other_end


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
    code = primary_of(lang)
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
    if not blank(unit.target):
        yield from _punctuation(unit)


def _punctuation(unit: Pair) -> Iterator[Finding]:
    """:func:`punctuation` of a unit whose target is not blank."""
    source = with_codes(unit.source, unit.source_markup)
    target = with_codes(unit.target, unit.target_markup)
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
    src_classes = _GREEK_END_CLASS if primary_of(unit.source_lang) == "el" else _END_CLASS
    tgt_classes = _GREEK_END_CLASS if primary_of(unit.target_lang) == "el" else _END_CLASS
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
    spaces are all U+0020 (:func:`plain_spaces`; the marks of a rule are punctuation,
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



def _excerpt(text: str, start: int, end: int, reach: int = 15) -> str:
    """``text[start:end]`` with the word before and the word after it (up to ``reach``
    characters each), as a report can show it (a code as ``{code}``)."""
    left = start
    while left > 0 and start - left < reach and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and right - end < reach and not text[right].isspace():
        right += 1
    return text[left:right].replace(CODE_MARK, CODE_SHOWN)


def _spacing_rule(target_lang: str, french_spaces: bool,
                  rules: Mapping[str, SpacingRule] | None = None) -> SpacingRule | None:
    """The rule of a target language (:data:`SPACING_RULES`, or ``rules``), ``None`` when
    it has none (double spaces only)."""
    table = rules if rules is not None else SPACING_RULES
    rule = table.get(target_lang.lower()) or table.get(primary_of(target_lang))
    if (rule is FRENCH or rule is CANADIAN_FRENCH) and not french_spaces:
        rule = FRENCH_WITHOUT_SPACES
    return rule


def spacing(unit: Pair, *, french_spaces: bool | None = None,
            rules: Mapping[str, SpacingRule] | None = None) -> Iterator[Finding]:
    """Double spaces in the target, and spaces around punctuation as the target language
    wants them (:data:`SPACING_RULES`, or ``rules``). ``french_spaces=False`` (default:
    :data:`FRENCH_SPACES`) stops asking French targets for a space before ; : ! ? » and
    after «."""
    if not blank(unit.target):
        yield from _spacing(unit, french_spaces, rules)


def _spacing(unit: Pair, french_spaces: bool | None = None,
             rules: Mapping[str, SpacingRule] | None = None) -> Iterator[Finding]:
    """:func:`spacing` of a unit whose target is not blank."""
    target = with_codes(unit.target, unit.target_markup)
    if french_spaces is None:
        french_spaces = FRENCH_SPACES
    found: dict[tuple[str, str], list[str]] = {}
    plain = plain_spaces(target)
    # a double space is two spaces of _SPACES in a row
    if "  " in plain and _DOUBLE_SPACE_RE.search(target):
        doubles = [_excerpt(target, m.start(), m.end())
                   for m in _DOUBLE_SPACE_RE.finditer(target)]
        # spaces the source doubles as often are meant (alignment, a removed code's place)
        source = with_codes(unit.source, unit.source_markup)
        if len(doubles) > len(_DOUBLE_SPACE_RE.findall(source)):
            found[("double", "")] = doubles
    rule = _spacing_rule(unit.target_lang, french_spaces, rules)
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
    checks, empty, bodies = _plan(names, french_spaces)
    if bodies is None:
        # a check this module does not know (UNIT_CHECKS changed): each runs on every unit
        def every(unit: Pair) -> list[Finding]:
            found: list[Finding] = []
            for check in checks:
                found.extend(check(unit))
            return found

        return every

    def run(unit: Pair) -> list[Finding]:
        if blank(unit.target):
            return list(empty(unit)) if empty is not None else []
        found: list[Finding] = []
        for body in bodies:
            if body is not tag_mismatch or unit.source_markup or unit.target_markup:
                found.extend(body(unit))
        return found

    return run


def unit_batch_checker(names: Iterable[str], *, french_spaces: bool | None = None
                       ) -> Callable[[Sequence[Pair]], list[list[Finding]]]:
    """:func:`unit_checker` of a batch of units: each unit's findings (a list per unit, in
    order), the same. A memory's units come a batch at a time (run.check_units), and
    nearly all of them have nothing to report: one search over the batch's texts joined
    (in C) tells which units ``spacing`` may find anything in (:func:`_may_find`), and
    the other units skip it, where its own quick tests cost a few calls a unit;
    ``punctuation`` likewise, with the texts' ends compared."""
    one = unit_checker(names, french_spaces=french_spaces)
    _, empty, bodies = _plan(names, french_spaces)
    if bodies is None:
        return lambda units: [one(unit) for unit in units]

    def run(units: Sequence[Pair]) -> list[list[Finding]]:
        # per body, the indices of the units it runs on (those with markup aside): None
        # for all of them
        runs = [(body, _may_find(body, units)) for body in bodies]
        results: list[list[Finding]] = []
        for index, unit in enumerate(units):
            if blank(unit.target):
                results.append(list(empty(unit)) if empty is not None else [])
                continue
            markup = unit.source_markup or unit.target_markup
            found: list[Finding] = []
            for body, where in runs:
                if markup or where is None or index in where:
                    found.extend(body(unit))
            results.append(found)
        return results

    return run


_Body = Callable[[Pair], Iterator[Finding]]


def _plan(names: Iterable[str], french_spaces: bool | None
          ) -> tuple[list[_Body], _Body | None, list[_Body] | None]:
    """The checks named (in the table's order), ``empty_target`` when it is one of them,
    and the bodies of the others (``None`` when one is a check this module does not know)."""
    wanted = set(names)
    checks = [_spacing_without_french_spaces if check is spacing and french_spaces is False
              else check for name, check in UNIT_CHECKS.items() if name in wanted]
    empty = empty_target if empty_target in checks else None
    if not all(check in _BODIES for check in checks):
        return checks, empty, None
    # the bodies, which skip the test of a blank target that run has made once for all
    return checks, empty, [_BODIES[check] for check in checks if check is not empty_target]


# The ends of two texts that _ending may read apart though the texts end alike: closing
# marks and spaces (dropped), and Greek's question mark and semicolon (_GREEK_END_CLASS)
_NOT_ALIKE_ENDS = _CLOSERS + ";\u037e\u00b7\u0387"
_LAST = itemgetter(slice(-1, None))
_ELLIPSIS_END = methodcaller("endswith", "...")


def _may_find(body: _Body, units: Sequence[Pair]) -> set[int] | None:
    """The indices of the units of ``units`` (without markup: those with markup are
    checked whatever this says) that ``body`` may find anything in; ``None``: any unit.
    Exact for what it leaves out: each test is what the body asks first, made over the
    batch at once, in C (:class:`~.text.Joined`, ``map``). (``number-mismatch`` has no
    such test: its own first test, a few ``in`` tests, costs less than a search for
    digits over a batch's texts joined, measured.)"""
    if body is tag_mismatch:
        return set()  # (nothing without markup)
    if body is _punctuation:
        # two texts ending with the same character end with the same mark (a "..." and a
        # "." apart), so the end marks agree: then only an unbalanced quote or bracket,
        # which needs one of _PAIRED_RE's characters in the target, is a finding
        targets = [unit.target for unit in units]
        may = Joined(targets).matching(_PAIRED_RE)
        sources = [unit.source for unit in units]
        ends = list(map(_LAST, sources))
        may.update(compress(count(), map(ne, ends, map(_LAST, targets))))
        may.update(compress(count(), map(_NOT_ALIKE_ENDS.__contains__, ends)))  # ("": any)
        may.update(compress(count(), map(ne, map(_ELLIPSIS_END, sources),
                                         map(_ELLIPSIS_END, targets))))
        return may
    if body is _spacing or body is _spacing_body_without_french_spaces:
        langs = {unit.target_lang for unit in units}
        if len(langs) != 1:
            return None
        french = FRENCH_SPACES if body is _spacing else False
        # the needles of _may_match, and two spaces in a row, in the targets with their
        # spaces all U+0020
        rule = _spacing_rule(langs.pop(), french)
        needles = ["  "]
        if rule is not None:
            needles += [needle for pattern in _patterns_of(rule) for needle in pattern.needles]
        targets = Joined([unit.target for unit in units])
        return targets.holding(needles, plain=True)
    return None


def _spacing_without_french_spaces(unit: Pair) -> Iterator[Finding]:
    return spacing(unit, french_spaces=False)


def _spacing_body_without_french_spaces(unit: Pair) -> Iterator[Finding]:
    return _spacing(unit, french_spaces=False)


# The checks unit_checker knows, each with its body for a target that is not blank: all but
# empty_target find nothing in a blank target, and empty_target nothing in another;
# tag_mismatch nothing in a unit without markup.
_BODIES: dict[Callable[[Pair], Iterator[Finding]], Callable[[Pair], Iterator[Finding]]] = {
    number_mismatch: number_mismatch_body, untranslated: _untranslated,
    empty_target: empty_target, tag_mismatch: tag_mismatch, placeholder: placeholder_body,
    punctuation: _punctuation, spacing: _spacing,
    _spacing_without_french_spaces: _spacing_body_without_french_spaces,
}


def check_unit(unit: Pair, checks: Mapping[str, Callable[[Pair], Iterator[Finding]]]
               | None = None) -> list[Finding]:
    """Every finding of the unit checks (default: all of :data:`UNIT_CHECKS`) on ``unit``."""
    return [f for check in (checks or UNIT_CHECKS).values() for f in check(unit)]
