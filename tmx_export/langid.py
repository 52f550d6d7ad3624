"""Language identification for the pair's two languages, and a guard for a third one.

Two tools, for two questions:

* *Where does the text switch language?* needs a score per word, so a switch can be placed
  between two words. :func:`word_scores` gives each word the log10 ratio of its frequency in
  the two languages (wordfreq's lists ship in its wheel). Function words ("the", "la",
  "de") carry the decision; names and shared words ("Commission") score near zero.
* *Is this side in a third language?* is a question about a whole text: py3langid (a
  langid.py fork whose model ships in the wheel) classifies it over all its languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

WORD_RE = re.compile(r"[^\W\d_]+")
MAX_WORD_SCORE = 3.0


def primary(code: str) -> str:
    """The primary language subtag: ``en-GB`` -> ``en``, ``fr_FR`` -> ``fr``."""
    return re.split(r"[-_]", code.strip())[0].lower()


@lru_cache(maxsize=500_000)
def word_score(word: str, first: str, second: str) -> float:
    """log10 P(word | first) / P(word | second), clipped: > 0 means ``first``."""
    if word.isupper() and (len(word) > 1 or word not in "AÀY"):
        return 0.0  # acronyms and codes (EU, PME, the C of C5) are not evidence of a language
    w = word.lower()
    score = zipf_frequency(w, first) - zipf_frequency(w, second)
    return max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, score))


def text_score(text: str, first: str, second: str) -> float:
    """Sum of :func:`word_score` over the words of ``text``."""
    return sum(word_score(m.group(0), first, second) for m in WORD_RE.finditer(text))


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def third_language(text: str, expected: tuple[str, str], min_chars: int = 40,
                   min_prob: float = 0.95) -> str | None:
    """The language of ``text`` if it is confidently neither of ``expected``, else None.

    Short texts are never judged: a heading of three words is too little evidence, and
    the pair's own word scores already placed it.
    """
    if len(text) < min_chars:
        return None
    lang, prob = _identifier().classify(text)
    if lang in expected or prob < min_prob:
        return None
    # langid confuses close languages on EU text full of shared words: only call it a
    # third language when the word lists do not recognise the text as either language.
    words = WORD_RE.findall(text)
    if not words:
        return None
    per_word = abs(text_score(text, *expected)) / len(words)
    return lang if per_word < 0.6 else None
