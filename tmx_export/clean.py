"""Cleaning: which pairs do not belong in a translation memory, and texts a TMX can carry.

Three jobs, each a function the pipeline calls and that returns to it:

* :func:`check` -- the pair rules. Each rule has a name; a pair a rule removes becomes a
  :class:`~tmx_export.model.Reject` whose reason is that name, so the rejects report and
  the summary say exactly what was removed by what. The rules (all on by default, each can
  be switched off through :class:`~tmx_export.model.CleanOptions`):

  ``empty-side``       a side is empty or only white space: nothing to match or to reuse.
  ``no-letters``       a side has no letter at all (numbers, punctuation, symbols): a CAT
                       tool handles "1997" or "(3)" by itself, and such units only add noise.
                       A paragraph number alone, the same on both sides ("34." / "34."),
                       stays: it is the unit a dump's numbered paragraph gives where OmegaT
                       makes its number a segment (:func:`_paragraph_label`).
  ``identical``        source and target are exactly the same text (spacing aside) of at
                       least ``identical_min_words`` words: an untranslated copy. Shorter
                       identical units ("Article 2", names, codes) are normal in both
                       languages and stay. Not applied when both languages share a primary
                       subtag (en-US -> en-GB), where identical text is the normal case.
  ``leftover-markup``  HTML/XML tags or entities (``<b>``, ``&amp;``, Europarl's ``<P>``)
                       left in the text by an extraction; they would be offered to the
                       translator as text.
  ``too-long``         a side longer than ``max_chars`` characters: in a sentence or
                       paragraph memory this is a merged block or a failed split.
  ``length-ratio``     the target/source length ratio is outside ``[min_ratio, max_ratio]``:
                       a sign of misalignment. Both lengths get ``ratio_smoothing``
                       characters added first, so short headings ("Whereas:" / "considérant
                       ce qui suit:") are not judged on a ratio of 3. A Chinese, Japanese or
                       Korean character counts as three (:func:`text_length`).
  ``wrong-language``   a side is identified as the *other* language of the pair (py3langid
                       restricted to the pair's two languages, texts of ``langid_min_chars``
                       or more, probability at least ``langid_min_prob``): swapped or
                       untranslated sides. A shorter side, too short for the identifier, is
                       judged by its words when the pair is swapped: both sides' words
                       lean clearly to the other language (:data:`CLEAR_LEAN`). Text in a
                       third language is the pairing stage's question in a dump; for units
                       read as they are (``third_language``: tables, TMX, XLIFF, PO) this
                       rule asks it (:func:`_in_third_language`; a side too short for
                       the identifier by its words: :func:`_short_side_in_third_language`).
                       In every input, a side of 8 words or more whose words lean clearly
                       to a language close to its own (Spanish labelled pt, Slovak
                       labelled cs: :func:`~tmx_export.lang.close_language`).

  Rules are checked in that order, except ``wrong-language``, checked before the two
  length rules (an untranslated side is the cause to name, and is often too long as well);
  the first that fails names the reject.

* :func:`below_min_score` -- aligned units scoring under ``--min-score``.

* :func:`prepare` -- the units as a TMX may hold them: :func:`sanitise` each text (no
  XML-illegal character, no line break, no padding, no invisible character at its edges
  but a right-to-left text's direction marks), a unit left with an empty side is
  rejected (``empty-side``), and a unit repeating an earlier one is rejected
  (``duplicate``): ``exact`` compares the two texts (and inline codes) as they are,
  ``normalised`` after :func:`normalise`; ``none`` keeps every unit. Duplicates are judged
  last, among the units that passed, so a rejected pair never hides a good one.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from ._lazy import lazy_pattern
from .formats.text import LINE_SEPARATORS
from .formats.xml import XML_ILLEGAL_RE
from .lang import (
    THIRD_LANGUAGE_PROB,
    WORDS_THIRD_LEAN,
    classify_many,
    classify_many_as,
    close_language,
    close_languages,
    may_be_third_language,
    mean_score,
    primary,
    right_to_left,
    text_lean,
    unit_side_language_by_words,
    word_list_languages,
)
from .model import CleanOptions, Pair, Reject

_MARKUP = lazy_pattern(
    r"</?[A-Za-z][A-Za-z0-9:_.-]*(?:\s+[^<>]*)?/?>"  # tags, with or without attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # entities
)
# Software placeholders, in the forms that are placeholders beyond doubt: printf ("%d",
# "%1$s", "%-5.2f", "%ld"), Python's "%(name)s", and braces around a number or a name
# ("{0}", "{name}", "{user.name}", "{0:.2f}", "{!r}"; Ruby's "%{count}" holds one). "%%" and
# "{{" are literal marks; a "%" right after a letter or a digit is a percent sign or part
# of a word ("50%d", "a%20b"), and the space flag is not read ("50 % des"), nor a "%" after
# a number and a space that begins a word ending (the German "5 %ige"; "Version 2 %s" is a
# placeholder). The check ``placeholder`` compares them; terms are never made of them.
PLACEHOLDER_RE = re.compile(
    r"%%|\{\{|\}\}"
    r"|(?<![\d%])%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|(?<![\w%])(?!(?<=\d[ \u00a0\u202f])%[A-Za-z]{2})"
    r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"[diouxXeEfFgGaAcsp@]"
    r"|\{(?:\d+|[A-Za-z_]\w*)?(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}\s]{0,12})?\}")
# A web or e-mail address ("https://eur-lex.europa.eu/...", "www.europarl.eu",
# "info@example.org"): no words of the text. ``check``'s ``untranslated`` leaves a unit
# that is one alone; terms are never made of one.
WEB_ADDRESS_RE = re.compile(
    r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_SPACE = lazy_pattern(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
# The characters of scripts that write a word or a morpheme in one (Chinese characters,
# Japanese kana, Korean syllables, their full-width forms): a translation into Chinese is a
# third to a quarter of its English in characters (the EU press sentences of the tests:
# 3.4-4.6 English characters a Chinese one), so the length-ratio rule counts each such
# character as CJK_WEIGHT, and an English-Chinese pair is judged as an English-French one.
_CJK = lazy_pattern("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
                    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]")
CJK_WEIGHT = 3


@lru_cache(maxsize=64)
def _writes_cjk(lang: str) -> bool:
    return primary(lang) in ("zh", "ja", "ko")


def text_length(text: str) -> int:
    """A text's length as the length-ratio rule compares it: its characters, each of a
    CJK script counted :data:`CJK_WEIGHT` times (:data:`_CJK`)."""
    if text.isascii() or max(text) < "\u1100":  # no CJK character in it (the usual text)
        return len(text)
    return len(text) + (CJK_WEIGHT - 1) * len(_CJK.findall(text))
# A line break (or a line separator) with the white space around it; inside a segment it
# becomes one space.
LINE_BREAK_RE = re.compile(rf"\s*[\n\r\x85{LINE_SEPARATORS}]\s*")


# --- the pair rules --------------------------------------------------------------------------

def check(pair: Pair, options: CleanOptions | None = None) -> str | None:
    """The name of the first rule ``pair`` fails, or ``None`` when it passes them all."""
    options = options or CleanOptions()
    rules = options.rules
    src, tgt = pair.source, pair.target
    if "empty-side" in rules and (not src.strip() or not tgt.strip()):
        return "empty-side"
    if "no-letters" in rules and (not _has_letter(src) or not _has_letter(tgt)) \
            and not _paragraph_label(src, tgt):
        return "no-letters"
    if "identical" in rules and _same_text(src, tgt) and \
            len(_WORD.findall(src)) >= options.identical_min_words and \
            primary(pair.source_lang) != primary(pair.target_lang):
        return "identical"
    if "leftover-markup" in rules and (_MARKUP.search(src) or _MARKUP.search(tgt)):
        return "leftover-markup"
    # before the length rules: a side in the other language is what to fix first (an
    # untranslated paragraph is also too long, or of the wrong length, often)
    if "wrong-language" in rules and _wrong_language(pair, options):
        return "wrong-language"
    if "too-long" in rules and max(len(src), len(tgt)) > options.max_chars:
        return "too-long"
    if "length-ratio" in rules:
        k = options.ratio_smoothing
        # (a CJK character is weighed only where a language of the pair writes them)
        measure = text_length if _writes_cjk(pair.source_lang) or \
            _writes_cjk(pair.target_lang) else len
        ratio = (measure(tgt) + k) / (measure(src) + k or 1)
        if not options.min_ratio <= ratio <= options.max_ratio:
            return "length-ratio"
    return None


def check_many(pairs: list[Pair], options: CleanOptions | None = None) -> list[str | None]:
    """:func:`check` for each of ``pairs``, the same answers, with the identifier asked
    about all the pairs' unclear sides at once (:func:`~tmx_export.lang.classify_many`):
    one call per side costs several times more on a memory of short units."""
    options = options or CleanOptions()
    if "wrong-language" not in options.rules:
        return [check(pair, options) for pair in pairs]
    others = replace(options, rules=options.rules - {"wrong-language"})
    reasons = [check(pair, others) for pair in pairs]
    sides = {i: list(_unclear_sides(pair, options))
             for i, (pair, reason) in enumerate(zip(pairs, reasons, strict=True))
             if reason is None}
    asked: dict[tuple[str, ...], dict[str, tuple[str, float]]] = {}
    for text, own, other in (side for found in sides.values() for side in found):
        asked.setdefault(_pair_key(own, other), {})[text] = ("", 0.0)
    # what the identifier says over all its languages, for the third-language judgement:
    # scored in the same walk of the texts as the pair's own verdicts
    anyone: dict[str, tuple[str, float]] = {}
    for langs, verdicts in asked.items():
        texts = list(verdicts)
        found, *every = classify_many_as(
            texts, [langs, None] if options.third_language else [langs])
        if found is None:  # the identifier does not know the pair: the rule passes
            verdicts.clear()
        else:
            verdicts.update(zip(verdicts, found, strict=True))
        anyone.update(zip(texts, (every and every[0]) or (), strict=False))
    for i, unclear in sides.items():
        if _in_close_language(pairs[i]) or _short_side_in_other_language(pairs[i], options) \
                or any(
                _reads_as(asked[_pair_key(own, other)].get(text, ("", 0.0)), other, options)
                for text, own, other in unclear):
            reasons[i] = "wrong-language"
    if options.third_language:
        _mark_third_languages(reasons, pairs, sides, options, anyone)
    return reasons


def _mark_third_languages(reasons: list[str | None], pairs: Sequence[Pair],
                          sides: dict[int, list[tuple[str, str, str]]],
                          options: CleanOptions,
                          known: dict[str, tuple[str, float]] | None = None) -> None:
    """``wrong-language`` for each pair still passing with a side in a third language: an
    unclear side (:func:`_in_third_language`), the identifier asked about all at once (but
    for the texts whose verdict over all its languages is ``known``), or a side too short
    for it whose words say so (:func:`_short_side_in_third_language`)."""
    pending = {i: unclear for i, unclear in sides.items()
               if reasons[i] is None and unclear and _judged_for_third(unclear[0])}
    found = dict(known or {})
    texts = list(dict.fromkeys(text for unclear in pending.values() for text, _, _ in unclear
                               if text not in found))
    found.update(zip(texts, classify_many(texts) or (), strict=False))
    for i, unclear in pending.items():
        if any(text in found and _in_third_language(
                text, own, other, found[text], options, _beside(pairs[i], own))
               for text, own, other in unclear):
            reasons[i] = "wrong-language"
    for i in sides:
        if reasons[i] is None and _short_side_in_third_language(pairs[i], options):
            reasons[i] = "wrong-language"


def normalise(text: str) -> str:
    """Text as the ``normalised`` dedupe mode compares it."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(ch)[0] == "P" else ch for ch in text)
    return _SPACE.sub(" ", text).strip()


def _has_letter(text: str) -> bool:
    return text[:1].isalpha() or any(ch.isalpha() for ch in text)


_LABEL = lazy_pattern(r"\d+\.")


def _paragraph_label(src: str, tgt: str) -> bool:
    """Whether a unit is a paragraph's number alone on both sides ("34." / "34."). A dump
    writes one where OmegaT makes "34." a segment of its own (a unit fills a segment only
    when it is that segment: :func:`~tmx_export.segment.units.paragraph_units`); the same
    unit read back from that memory (``build`` of its own TMX, a table, ...) is kept as it
    was written, not left out as noise."""
    src, tgt = src.strip(), tgt.strip()
    return src == tgt and _LABEL.fullmatch(src) is not None


def _same_text(a: str, b: str) -> bool:
    # Exactly the same text once spacing is normalised: a side differing only in case
    # (LT "IMO rez." / LV "IMO Rez.") is a translation, not a copy. Most pairs differ in
    # their first word: compared first, it spares normalising the whole texts.
    first_a, first_b = a.split(None, 1), b.split(None, 1)
    if first_a and first_b and first_a[0] != first_b[0]:
        return False
    return _SPACE.sub(" ", a).strip() == _SPACE.sub(" ", b).strip()


def _wrong_language(pair: Pair, options: CleanOptions) -> bool:
    if _in_close_language(pair) or _short_side_in_other_language(pair, options):
        return True
    for text, own, other in _unclear_sides(pair, options):
        # the identifier is loaded only now: most sides are clear from their words alone;
        # asked as check_many asks it, so a pair gets one answer either way
        found = classify_many([text], _pair_key(own, other))
        if found is None:
            return False
        if _reads_as(found[0], other, options):
            return True
    if options.third_language:
        reasons: list[str | None] = [None]
        _mark_third_languages(reasons, [pair], {0: list(_unclear_sides(pair, options))},
                              options)
        return reasons[0] is not None
    return False


def _unclear_sides(pair: Pair, options: CleanOptions) -> Iterator[tuple[str, str, str]]:
    """(text, its language, the other language) of each side the identifier must judge:
    long enough, and not clearly in its own language from its words alone. Capitals
    ("COMMUNICATIONS AND LAISSEZ-PASSER") are lowered first: langid's n-grams are
    case-sensitive and learnt on running text, so capitals read as the wrong language."""
    src_lang, tgt_lang = primary(pair.source_lang), primary(pair.target_lang)
    if src_lang == tgt_lang:
        return
    for text, own, other in ((pair.source, src_lang, tgt_lang), (pair.target, tgt_lang, src_lang)):
        if len(text) >= options.langid_min_chars and not _clearly(text, own, other):
            yield (text.lower() if text.isupper() else text), own, other


def _in_close_language(pair: Pair) -> bool:
    """Whether a side's words lean clearly to a language close to its own
    (:func:`~tmx_export.lang.close_language`): a Spanish paragraph in an Italian file, or
    Slovak in a Czech column, leans to its own language against the pair's other one, so
    no test of the pair's two languages sees it."""
    return any(close_language(text, primary(lang)) is not None
               for text, lang in ((pair.source, pair.source_lang),
                                  (pair.target, pair.target_lang)))


def _short_side_in_other_language(pair: Pair, options: CleanOptions) -> bool:
    """A pair with a side too short for the identifier, swapped: the words of each side
    (two or more) lean to the other language, each side by half as far as a side must lean
    to its own to be clear (``CLEAR_LEAN``) and the two by that much on average. A swapped
    table row ("«jour» : un jour calendrier;" as the English of "‘day’ means a calendar
    day;", "écosystème marin" as the English of "marine ecosystem", whose words are French
    too) was written as a unit. One side alone is not enough: names and addresses are kept
    in their own language ("Rue de la Loi/Wetstraat 200" in German, "Nowy Świat 6/12" in
    English, DGT-TM), unless it is common words, none with a capital, leaning clearly to
    the other language while the other side leans to its own: no name, but the cells of a
    CSV row pushed along by an unquoted comma (no DGT-TM unit of the ten pairs either).
    Measured on the DGT-TM units of ten language pairs with a side under
    the identifier's length (EN-FR 2,132 of them, with the Europarl dev sessions'): none
    taken for swapped; swapped, those of two words or more a side, 57 % (hr-sl) to 85 %
    (el-en) caught, EN-FR 78 % (each side by CLEAR_LEAN: 47 % to 78 %, EN-FR 72 %)."""
    src_lang, tgt_lang = primary(pair.source_lang), primary(pair.target_lang)
    if src_lang == tgt_lang or min(len(pair.source), len(pair.target)) >= \
            options.langid_min_chars:
        return False
    known = word_list_languages()
    if src_lang not in known or tgt_lang not in known:
        return False
    leans = [text_lean(text, own, other) for text, own, other in (
        (pair.source, src_lang, tgt_lang), (pair.target, tgt_lang, src_lang))]
    if all(words >= 2 and lean <= -CLEAR_LEAN / 2 for lean, words in leans) and \
            sum(lean for lean, _ in leans) <= -2 * CLEAR_LEAN:
        return True
    # one side of common words (no capital: no name, no address) in the other language,
    # beside a side in its own: a CSV row whose unquoted comma pushed the cells along
    # ("Member States, third countries,États membres" under en,fr,note). So is a sentence,
    # its first word's capital aside ("Thank you very much." in the French column, "This
    # is only" / "English text."), judged by the words the other side lacks (an address
    # both keep: "Fő u. 44–50." / "Fő u. 44- 50.") and not between close languages, whose
    # few shared words lean either way ("Odrazky a reflexní materiály" / "Odrazové
    # materiály", Slovak leaning to Czech). Measured on the DGT-TM units of 16 language
    # pairs (12,007): none is taken so; a short row whose one cell holds the other cell's
    # language is caught 1,283 times in 9,522 (327 when a capital anywhere kept the side).
    close = close_languages(src_lang, tgt_lang)
    for text, beside, own, other, (lean, words), (own_lean, own_words) in (
            (pair.source, pair.target, src_lang, tgt_lang, *leans),
            (pair.target, pair.source, tgt_lang, src_lang, *leans[::-1])):
        if not own_words or own_lean < 0:
            continue
        if words >= 2 and lean <= -CLEAR_LEAN and _all_lower_case(text):
            return True
        if not close:
            lean, words = text_lean(" ".join(_sentence_words(text, beside)), own, other)
            if words >= 2 and lean <= -CLEAR_LEAN:
                return True
    return False


def _all_lower_case(text: str) -> bool:
    """Whether ``text`` has two words or more, none with a capital."""
    words = _WORD.findall(text)
    return len(words) >= 2 and not any(word[0].isupper() for word in words)


def _sentence_words(text: str, beside: str) -> list[str]:
    """The words of ``text`` that ``beside`` lacks, when no word of it but the first has a
    capital (a sentence opens with one; a name has them further on); else none."""
    words = _WORD.findall(text)
    if any(word[0].isupper() for word in words[1:]):
        return []
    kept = {word.casefold() for word in _WORD.findall(beside)}
    return [word for word in words if word.casefold() not in kept]


def _judged_for_third(side: tuple[str, str, str]) -> bool:
    """Whether the pair of ``side`` (text, own, other) has word lists for both languages:
    without them no side can be told from a close third language."""
    known = word_list_languages()
    return side[1] in known and side[2] in known


def _in_third_language(text: str, own: str, other: str, verdict: tuple[str, float],
                       options: CleanOptions, beside: str = "") -> bool:
    """Whether a side py3langid reads (over all its languages) as ``verdict`` is in a
    third language, neither ``own`` nor ``other``: as the dump pairing judges it (the
    words recognise neither language and the identifier is sure:
    :func:`~tmx_export.lang.third_language`), or, when the words lean towards a language
    of the pair, they lean clearly further towards the language found than to their own
    (Spanish in a French column leans to French against English, but far more to
    Spanish against French). Less sure (:data:`THIRD_WORDS_PROB`), the identifier is
    believed when the words of 4 letters or more that ``beside`` (the unit's other side)
    lacks name the same language too (:func:`~tmx_export.lang.unit_side_language_by_words`):
    "Technische Vorschriften der EU, Gegenstandsnummer nach Richtlinie 2014/90/EU" as
    Polish reads as German with only 0.80. Both must agree: a name with an English gloss
    ("Ministeru għat-Trasport ... / Ministry for Transport ..." as Slovene) leans to English
    by its words, to Maltese by the identifier."""
    lang, prob = verdict
    if lang in (own, other):
        return False
    if prob >= THIRD_LANGUAGE_PROB and may_be_third_language(text, (own, other)):
        return True
    if prob < THIRD_WORDS_PROB or lang not in word_list_languages():
        return False
    lean = mean_score(text, own, lang)
    if lean is None or lean > -CLEAR_LEAN:
        return False
    if prob >= options.langid_min_prob:
        return True
    found = unit_side_language_by_words(text, own, other, beside, names=True)
    return found is not None and found[0] == lang and found[1] >= WORDS_THIRD_LEAN


def _beside(pair: Pair, lang: str) -> str:
    """The text of ``pair`` beside its side in ``lang`` (a primary subtag)."""
    return pair.target if primary(pair.source_lang) == lang else pair.source


# An identifier's verdict of a third language this sure at least is believed below
# ``langid_min_prob`` when the side's words name the same language.
THIRD_WORDS_PROB = 0.5
# A side too short for the identifier whose words of 4 letters or more lean this far to a
# third language (:func:`~tmx_export.lang.unit_side_language_by_words`) is in it.
SHORT_THIRD_LEAN = 2.0


def _short_side_in_third_language(pair: Pair, options: CleanOptions) -> bool:
    """Whether a side too short for the identifier is in a third language by its words
    of 4 letters or more that the other side lacks, as a document side too short for it is
    judged (:func:`~tmx_export.lang.third_language_by_words`) but further
    (:data:`SHORT_THIRD_LEAN`): one unit's few words are less evidence than a document's
    (an address, "Namestie slobody 6" beside "Nameste slobod6", leans to Slovak by 1.5;
    Romanian "tubulaturi combustibile." to Italian by 1.5), and a word the other side
    keeps is a name's."""
    src_lang, tgt_lang = primary(pair.source_lang), primary(pair.target_lang)
    if src_lang == tgt_lang:
        return False
    for text, beside, own, other in ((pair.source, pair.target, src_lang, tgt_lang),
                                     (pair.target, pair.source, tgt_lang, src_lang)):
        if len(text) >= options.langid_min_chars or _clearly(text, own, other):
            continue
        found = unit_side_language_by_words(text, own, other, beside)
        if found is not None and found[1] >= SHORT_THIRD_LEAN:
            return True
    return False


def _pair_key(own: str, other: str) -> tuple[str, ...]:
    return tuple(sorted((own, other)))  # one restricted identifier for both sides


def _reads_as(verdict: tuple[str, float], other: str, options: CleanOptions) -> bool:
    lang, prob = verdict
    return lang == other and prob >= options.langid_min_prob


# A side whose words lean this far towards its own language on average (log10 frequency
# ratios, clipped to +-3) is in it: the identifier, by far the slowest check, is not asked.
CLEAR_LEAN = 1.0


def _clearly(text: str, own: str, other: str) -> bool:
    """Whether the word lists alone say ``text`` is in ``own`` rather than ``other``."""
    known = word_list_languages()
    if own not in known or other not in known:
        return False
    lean = mean_score(text, own, other)
    return lean is not None and lean >= CLEAR_LEAN


# --- alignment scores ------------------------------------------------------------------------

def below_min_score(units: list[Pair], min_score: float | None
                    ) -> tuple[list[Pair], list[Reject]]:
    """``units`` split into those scoring at least ``min_score`` and rejects for the rest
    (units without a score, such as ``34.`` cut off its paragraph, always stay)."""
    if min_score is None:
        return units, []
    kept: list[Pair] = []
    rejects: list[Reject] = []
    for unit in units:
        score = unit.align_score
        if score is not None and score < min_score:
            rejects.append(Reject(
                unit.file, unit.line, f"alignment score below --min-score {min_score:g}",
                f"{unit.source} ||| {unit.target}", detail=f"{score:.2f} ({unit.align})"))
        else:
            kept.append(unit)
    return kept, rejects


# --- texts a TMX can carry -------------------------------------------------------------------

def is_clean(text: str) -> bool:
    # The fast path for the usual text: isprintable() is False for every character the
    # repairs touch (controls, line separators, surrogates, non-characters); a text with
    # outer white space is longer than its strip().
    return text.isprintable() and len(text) == len(text.strip())


def sanitise(text: str, repairs: Counter[str], lang: str | None = None) -> str:
    """``text`` as a ``<seg>`` may hold it: no XML-illegal characters, no line breaks, no
    byte order mark, no padding, no invisible character at its edges (but a direction mark
    of a text in ``lang`` written right to left, or of unknown language:
    :func:`_strip_segment_edges`). Each kind of change is counted in ``repairs`` (outer
    white space is not: it is never part of a segment a CAT tool makes)."""
    if is_clean(text):
        return text
    # line breaks first: the XML-illegal ones are spaces between words, not to be removed
    text, joined = LINE_BREAK_RE.subn(" ", text)
    if joined:
        repairs["line breaks in a segment replaced by a space"] += joined
    text, removed = XML_ILLEGAL_RE.subn("", text)
    if removed:
        repairs["XML-illegal characters removed"] += removed
    # A U+FEFF is the BOM of a file joined to another ("cat a.en.txt b.en.txt", Notepad
    # saving UTF-8 with one), or of a table cell pasted from such a file: never text (the
    # zero-width no-break space is U+2060 since Unicode 3.2), as the dump reader holds too.
    # Left in, it opens the segment invisibly, and OmegaT, matching literally, never fills
    # the document's segment from that unit.
    if "\ufeff" in text:
        repairs["byte order marks (U+FEFF) removed"] += text.count("\ufeff")
        text = text.replace("\ufeff", "")
    text = text.strip()
    if text and (not text[0].isprintable() or not text[-1].isprintable()):
        text = _strip_segment_edges(text, repairs, lang)
    return text


# A line break of a note's or a property's text, however written (a page break or a
# vertical tab, which XML cannot carry, included)
_NOTE_BREAK_RE = re.compile(rf"\r\n|[\r\x85{LINE_SEPARATORS}]")


def sanitise_note(text: str, repairs: Counter[str]) -> str:
    """A note's or a property's text as TMX holds it: as :func:`sanitise` makes a segment,
    but its line breaks kept, as line feeds. They are its layout (a reviewer's note of
    several lines, a list of names), and no CAT tool matches a note: only a ``<seg>`` must
    be one line (OmegaT), and the summary's count of line breaks is of segments."""
    if is_clean(text):
        return text
    text = _NOTE_BREAK_RE.sub("\n", text)
    text, removed = XML_ILLEGAL_RE.subn("", text)
    if removed:
        repairs["XML-illegal characters removed"] += removed
    return text.replace("\ufeff", "").strip()


# Invisible characters at a segment's edge, by the segment's language (a dump's lines are
# cleaned before, whatever their language, by dump.repair.strip_invisible_edges, which
# also takes the joiners U+200C/U+200D kept here). OmegaT keeps them in the segments it
# makes and matches literally (verified with OmegaT 3.6: a unit opening with a zero-width space, a
# word joiner, a direction mark or an isolate never filled the same sentence written
# without, nor the other way round); the sentence of a document to translate is written
# without them, so at a unit's edge they only cost its matches.
# Zero-width space and word joiner join or part nothing at an edge: removed in every text.
_ZERO_WIDTH = "\u200b\u2060"
# Direction marks (LRM, RLM, ALM) and the paired controls (embeddings, overrides and
# isolates with their PDF/PDI). In a text written left to right they are what a copy
# from a web page left. In Arabic or Hebrew a segment may open with an RLM or an isolate
# that the tool writing it put there, as in the documents that tool makes: text as
# written, kept. The paired controls go only when none is left inside the text,
# so that no pair is broken ("\u2067<Arabic name>\u2069 said" keeps its isolate).
_DIRECTION_MARKS = "\u200e\u200f\u061c"
_DIRECTION_PAIRED = "\u202a-\u202e\u2066-\u2069"
_EDGE_CHARS = f"[\\s{_ZERO_WIDTH}{_DIRECTION_MARKS}{_DIRECTION_PAIRED}]+"
_EDGE_RUNS = lazy_pattern(f"^{_EDGE_CHARS}|{_EDGE_CHARS}$")
# the invisible characters (and white space) opening and closing a text
EDGE_START = lazy_pattern(f"^{_EDGE_CHARS}")
EDGE_END = lazy_pattern(f"{_EDGE_CHARS}$")
_PAIRED = lazy_pattern(f"[{_DIRECTION_PAIRED}]")
_ZERO_WIDTH_ONLY = frozenset(_ZERO_WIDTH)
_REMOVED_LEFT_TO_RIGHT = frozenset("\u200b\u2060\u200e\u200f\u061c")
INVISIBLE_AT_EDGES = "invisible characters at a segment's edge removed (zero-width, direction)"


def _strip_segment_edges(text: str, repairs: Counter[str], lang: str | None = None) -> str:
    """``text`` (stripped of white space) without the invisible characters at its edges
    that no CAT tool's segment holds: zero-width spaces and word joiners, and, when
    ``lang`` is written left to right, direction marks and controls (:data:`_ZERO_WIDTH`,
    :data:`_DIRECTION_MARKS`); counted in ``repairs``. A language not known keeps its
    direction marks: they may be text."""
    runs = list(_EDGE_RUNS.finditer(text))
    if not runs:
        return text
    if lang is None or right_to_left(lang):
        removable = _ZERO_WIDTH_ONLY
    else:
        removable = _REMOVED_LEFT_TO_RIGHT
        at_edges = sum(len(_PAIRED.findall(run.group())) for run in runs)
        if at_edges and at_edges == len(_PAIRED.findall(text)):
            removable = removable | frozenset(
                ch for run in runs for ch in run.group() if _PAIRED.match(ch))
    removed, end = 0, 0
    pieces: list[str] = []
    for run in runs:
        kept = "".join(ch for ch in run.group() if ch not in removable)
        removed += len(run.group()) - len(kept)
        pieces.append(text[end:run.start()])
        pieces.append(kept)
        end = run.end()
    pieces.append(text[end:])
    if not removed:
        return text
    repairs[INVISIBLE_AT_EDGES] += removed
    # the white space a removed character stood beside may be at an edge now
    return "".join(pieces).strip()


class Fingerprints:
    """A set of 64-bit fingerprints of the units already kept, in one flat array.

    A Python set of (source, target) tuples would keep every text alive (~300 bytes a pair)
    and even a set of ints costs ~80 bytes an entry; this open-addressing table costs 8 to
    16 bytes a pair, so deduplicating a million units stays under 20 MB. The fingerprint is
    Python's 64-bit hash of the unit's key: the chance of two different units colliding in
    a run of a million is about 1e-8.
    """

    def __init__(self) -> None:
        self._table = array("q", bytes(8 * 1024))
        self._mask = 1023
        self._room = 512  # entries that may still be added before the table grows

    def add(self, fingerprint: int) -> bool:
        """Add ``fingerprint``; ``False`` if it was already there."""
        fingerprint = fingerprint or 1  # 0 marks an empty slot
        table, mask = self._table, self._mask
        slot = fingerprint & mask
        while True:
            held = table[slot]
            if held == fingerprint:
                return False
            if not held:
                table[slot] = fingerprint
                self._room -= 1
                if not self._room:
                    self._grow()
                return True
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        old = self._table
        self._mask = mask = self._mask * 2 + 1
        self._room = (mask + 1) // 2 - (len(old) // 2)
        self._table = table = array("q", bytes(8 * (mask + 1)))
        # the entries to move are picked out of the old table at C speed (filter)
        for fingerprint in filter(None, old):
            slot = fingerprint & mask
            while table[slot]:
                slot = (slot + 1) & mask
            table[slot] = fingerprint


# A tag of inline markup with two attributes or more, as lxml serialises it (each
# ``name="value"``, a value's quotes and angle brackets escaped)
_TAG_WITH_ATTRIBUTES = lazy_pattern(r'<([^\s<>/!?]+)((?:\s[^\s=<>]+="[^"]*"){2,})(\s*/?)>')
_ATTRIBUTE = re.compile(r'\s([^\s=<>]+="[^"]*")')


def _sorted_attributes(match: re.Match[str]) -> str:
    name, attributes, end = match.groups()
    return f"<{name} {' '.join(sorted(_ATTRIBUTE.findall(attributes)))}{end}>"


def masked_codes(text: str, fill: str = " ") -> str:
    """``text`` with its markup tags and entities (``<a href="...">``, ``&nbsp;``), its
    software placeholders (:data:`PLACEHOLDER_RE`) and its web and e-mail addresses
    (:data:`WEB_ADDRESS_RE`) made ``fill`` (one character), each as long as it was: the
    words a translator wrote, at their offsets in ``text`` (a software string's "%{count}",
    an HTML link's "href" or a link's "https" and "org" are no words of the text)."""
    # most texts hold none of these characters, told at C speed
    address = "://" in text or "www." in text or "WWW." in text or "@" in text
    if not address and "<" not in text and "&" not in text and "%" not in text \
            and "{" not in text:
        return text

    def filled(match: re.Match[str]) -> str:
        return fill * len(match.group())

    if "<" in text or "&" in text:
        text = _MARKUP.sub(filled, text)
    if "%" in text or "{" in text:
        # (the literal "%%", "{{" and "}}" are no placeholders: they stay)
        text = PLACEHOLDER_RE.sub(
            lambda m: m.group() if m.group() in ("%%", "{{", "}}") else filled(m), text)
    if address:  # (last: an address runs to the next space, over a tag's end)
        text = WEB_ADDRESS_RE.sub(filled, text)
    return text


def canonical_markup(markup: str | None) -> str | None:
    """Inline markup as duplicates are judged by it: each tag's attributes in one order.
    XML gives the order no meaning (``<ph x="1" type="b"/>`` is ``<ph type="b" x="1"/>``),
    and ``merge`` compares units by their canonical XML, which sorts them too."""
    if markup is None or "=" not in markup:
        return markup
    return _TAG_WITH_ATTRIBUTES.sub(_sorted_attributes, markup)


def texts_key(texts: Sequence[str], markups: Sequence[str | None], mode: str
              ) -> tuple[str | None, ...]:
    """What makes two units with these texts (and inline markup, ``None`` where a text has
    none) the same under ``mode``: ``exact``, the texts and the markup (units differing only
    in their inline codes are two units, not in the order of a code's attributes);
    ``normalised``, the texts normalised."""
    if mode == "normalised":
        return tuple(normalise(text) for text in texts)
    if all(markup is None for markup in markups):
        return tuple(texts)
    return (*texts, *map(canonical_markup, markups))


def dedupe_key(unit: Pair, mode: str) -> tuple[str | None, ...]:
    """What makes two units the same under ``mode`` (``exact`` or ``normalised``)."""
    return texts_key((unit.source, unit.target), (unit.source_markup, unit.target_markup),
                     mode)


class Preparer:
    """:func:`prepare` for a stream handed over in pieces (a paragraph's units at a time):
    one set of units seen, so a duplicate is found across the pieces."""

    def __init__(self, dedupe: str, repairs: Counter[str], untranslated: bool = False) -> None:
        self.dedupe = dedupe
        self.repairs = repairs
        self.seen = Fingerprints() if dedupe != "none" else None
        self.untranslated = untranslated  # a source with an empty target is a unit

    def __call__(self, units: Iterable[Pair]) -> Iterator[tuple[Pair, str | None]]:
        repairs, seen, dedupe = self.repairs, self.seen, self.dedupe
        for original in units:
            unit = original
            source, target = unit.source, unit.target
            if not is_clean(source):
                source = sanitise(source, repairs, unit.source_lang)
            if not is_clean(target):
                target = sanitise(target, repairs, unit.target_lang)
            if not source or not (target or self.untranslated):
                yield original, "empty-side"
                continue
            if source is not unit.source or target is not unit.target:
                unit = replace(unit, source=source, target=target)
            if seen is not None and not seen.add(hash(dedupe_key(unit, dedupe))):
                yield original, "duplicate"
                continue
            yield unit, None


def prepare(units: Iterable[Pair], dedupe: str, repairs: Counter[str]
            ) -> Iterator[tuple[Pair, str | None]]:
    """Each unit with its texts sanitised and ``None``, or the unit as it came with the
    reason it is left out (``empty-side``, ``duplicate``); character repairs are counted in
    ``repairs``. ``dedupe`` is ``exact``, ``normalised`` or ``none``."""
    return Preparer(dedupe, repairs)(units)
