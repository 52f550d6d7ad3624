"""Cleaning rules: which pairs do not belong in a translation memory, and why.

Each rule has a name; a pair a rule removes becomes a :class:`~tmx_export.model.Reject`
whose reason is that name, so the rejects report and the summary say exactly what was
removed by what. The rules (all on by default, each can be switched off):

``empty-side``       a side is empty or only white space: nothing to match or to reuse.
``no-letters``       a side has no letter at all (numbers, punctuation, symbols): a CAT tool
                     handles "1997" or "(a)" by itself, and such units only add noise.
``identical``        source and target are the same text (ignoring case and spacing) of at
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
                     ce qui suit:") are not judged on a ratio of 3.
``wrong-language``   a side is identified as the *other* language of the pair (py3langid
                     restricted to the pair's two languages, texts of ``langid_min_chars``
                     or more, probability at least ``langid_min_prob``): swapped or
                     untranslated sides. Text in a third language is another question (the
                     pairing stage's).
``duplicate``        (``dedupe``) a pair already kept: ``exact`` compares the two texts as
                     they are, ``normalised`` after Unicode NFKC, case folding, removing
                     punctuation and collapsing spaces; ``none`` keeps every pair.

Rules are checked in that order and the first that fails names the reject. Duplicates are
judged last, among the pairs that passed, so a rejected pair never hides a good one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .model import Pair, Reject

RULES = ("empty-side", "no-letters", "identical", "leftover-markup", "too-long",
         "length-ratio", "wrong-language")
DEDUPE_MODES = ("exact", "normalised", "none")

_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9:_.-]*(?:\s+[^<>]*)?/?>"  # tags, with or without attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # entities
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class CleanOptions:
    """Which rules run and their thresholds (defaults suit sentence and paragraph TMs)."""

    rules: frozenset[str] = frozenset(RULES)
    dedupe: str = "exact"
    min_ratio: float = 0.4
    max_ratio: float = 2.5
    ratio_smoothing: int = 15
    identical_min_words: int = 3
    max_chars: int = 2000
    langid_min_chars: int = 40
    langid_min_prob: float = 0.9

    def __post_init__(self) -> None:
        unknown = set(self.rules) - set(RULES)
        if unknown:
            raise ValueError(f"unknown cleaning rule(s) {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(RULES)}")
        if self.dedupe not in DEDUPE_MODES:
            raise ValueError(f"unknown dedupe mode {self.dedupe!r}; "
                             f"expected one of {', '.join(DEDUPE_MODES)}")


@dataclass(slots=True)
class CleanResult:
    """Kept pairs, rejects, and how many each rule removed."""

    pairs: list[Pair] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)


def clean(pairs: Iterable[Pair], options: CleanOptions | None = None) -> CleanResult:
    """Apply the cleaning rules to ``pairs`` (see the module documentation)."""
    result = CleanResult()

    def reject(item: Reject) -> None:
        result.rejects.append(item)
        result.removed[item.reason] += 1

    result.pairs.extend(iter_clean(pairs, options, reject))
    return result


def iter_clean(
    pairs: Iterable[Pair],
    options: CleanOptions | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> Iterator[Pair]:
    """Streaming :func:`clean`: yields kept pairs, hands each reject to ``on_reject``."""
    options = options or CleanOptions()
    seen: set[int] = set()
    for pair in pairs:
        reason = check(pair, options)
        if reason is None and options.dedupe != "none":
            key = hash(pair.key() if options.dedupe == "exact" else
                       (normalise(pair.source), normalise(pair.target)))
            if key in seen:
                reason = "duplicate"
            else:
                seen.add(key)
        if reason is None:
            yield pair
        elif on_reject is not None:
            on_reject(Reject(pair.file, pair.line, reason, f"{pair.source}\t{pair.target}"))


def check(pair: Pair, options: CleanOptions | None = None) -> str | None:
    """The name of the first rule ``pair`` fails, or ``None`` when it passes them all."""
    options = options or CleanOptions()
    rules = options.rules
    src, tgt = pair.source, pair.target
    if "empty-side" in rules and (not src.strip() or not tgt.strip()):
        return "empty-side"
    if "no-letters" in rules and (not _has_letter(src) or not _has_letter(tgt)):
        return "no-letters"
    if "identical" in rules and _same_text(src, tgt) and \
            len(_WORD.findall(src)) >= options.identical_min_words and \
            _primary(pair.source_lang) != _primary(pair.target_lang):
        return "identical"
    if "leftover-markup" in rules and (_MARKUP.search(src) or _MARKUP.search(tgt)):
        return "leftover-markup"
    if "too-long" in rules and max(len(src), len(tgt)) > options.max_chars:
        return "too-long"
    if "length-ratio" in rules:
        k = options.ratio_smoothing
        ratio = (len(tgt) + k) / (len(src) + k or 1)
        if not options.min_ratio <= ratio <= options.max_ratio:
            return "length-ratio"
    if "wrong-language" in rules and _wrong_language(pair, options):
        return "wrong-language"
    return None


def normalise(text: str) -> str:
    """Text as the ``normalised`` dedupe mode compares it."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(ch)[0] == "P" else ch for ch in text)
    return _SPACE.sub(" ", text).strip()


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _same_text(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip().casefold() == _SPACE.sub(" ", b).strip().casefold()


def _primary(code: str) -> str:
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def _wrong_language(pair: Pair, options: CleanOptions) -> bool:
    src_lang, tgt_lang = _primary(pair.source_lang), _primary(pair.target_lang)
    if src_lang == tgt_lang:
        return False
    identifier = _identifier(src_lang, tgt_lang)
    if identifier is None:
        return False
    for text, other in ((pair.source, tgt_lang), (pair.target, src_lang)):
        if len(text) >= options.langid_min_chars:
            # langid's n-grams are case-sensitive and learnt on running text: capitals
            # ("COMMUNICATIONS AND LAISSEZ-PASSER") read as the wrong language.
            lang, prob = identifier.classify(text.lower() if text.isupper() else text)
            if lang == other and prob >= options.langid_min_prob:
                return True
    return False


@lru_cache(maxsize=16)
def _identifier(first: str, second: str):  # type: ignore[no-untyped-def]
    """A py3langid identifier limited to two languages (None if it does not know one)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    if first not in identifier.nb_classes or second not in identifier.nb_classes:
        return None
    identifier.set_languages([first, second])
    return identifier
