"""Word frequencies: wordfreq's lists, answered from a compact cache.

Repair, pairing and cleaning weigh every word of a dump by its frequency in each language,
tens of thousands of lookups a file. wordfreq answers ``zipf_frequency`` by importing itself
(0.3 s), loading the whole list of the language into a dict (0.2 s and about 35 MB each)
and tokenising every word it is asked about (20 microseconds).

Most words asked about are letters only (``str.isalpha``, in the Latin, Greek and Cyrillic
blocks). In the languages whose wordfreq preprocessing is plain case folding
(:data:`TABLE_LANGUAGES`), the whole list is built once into a marisa trie with each word's
frequency bucket (1-3 MB a language, memory-mapped: pages load as they are read) in the
user's cache directory, and such a word is looked up as it is, case-folded. Any other word
(digits, apostrophes, other scripts) is cut into tokens by wordfreq's own tokenizer and its
tokens looked up in the same table, combined as wordfreq combines them, so wordfreq's list
is never loaded. A first run pays the build once (one to three seconds a language); other
languages are asked of wordfreq itself.

:func:`zipf` gives the same value as ``wordfreq.zipf_frequency(word, lang)``; the tests
compare the two on real text in every table language.
"""

from __future__ import annotations

import importlib.util
import math
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import derived_folder, fill_atomically

# wordfreq languages whose preprocessing of a letters-only word is NFC and case folding
# (language info: regex tokenizer, no transliteration, no mark removal, no dotless i):
# the 24 official languages of the EU, and others of the same kind (not Serbian, which is
# transliterated). Romanian also turns cedillas into commas below s and t (in :func:`zipf`).
TABLE_LANGUAGES = frozenset(
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "ca nb no is mk ru uk".split())
_CEDILLAS = str.maketrans({"ş": "ș", "ţ": "ț"})

# Words at or above this code point may be tokenised specially by wordfreq (Armenian,
# Hebrew, Arabic, the Indic and South-East Asian scripts, Han...): asked of wordfreq.
_TABLE_SCRIPTS_END = "\u0530"


# Languages wordfreq has no list of its own for, read with a list that covers them:
# Croatian and Bosnian are in its Serbo-Croatian list (Latin script, as they write).
LIST_ALIASES = {"hr": "sh", "bs": "sh"}
# Lists served from a table as well, up to a lower code point: wordfreq writes Serbian's
# Cyrillic in Latin letters (transliteration, from U+0400 on) before it looks a word up in
# the Serbo-Croatian list, and only there; a word of other letters is looked up as in
# TABLE_LANGUAGES. Asked of wordfreq, Croatian cost every third-language check of a side
# (a rival language) wordfreq's import and its whole list: a fifth of a second a run.
_TABLE_LISTS_ENDS = {"sh": "\u0400"}


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (a primary subtag): log10 of its
    frequency per 10^9 words, 0.0 for an unlisted word."""
    lang = LIST_ALIASES.get(lang, lang)
    table = _table(lang)
    if table is None:
        if lang not in listed_languages():
            return 0.0  # no list (Estonian, Irish, Maltese): every word unlisted
        return _wordfreq_zipf(word, lang)
    if word.isalpha() and max(word) < _TABLE_LISTS_ENDS.get(lang, _TABLE_SCRIPTS_END):
        trie, buckets = table
        key = word.casefold()
        if lang == "ro":
            key = key.translate(_CEDILLAS)
        found = trie.get(key)
        return _ZIPF_OF_BUCKET[buckets[found]] if found is not None else 0.0
    return _tokens_zipf(word, lang)


def zipfs(words: Sequence[str], lang: str) -> list[float]:
    """:func:`zipf` of each of ``words`` in ``lang``, the same values. The language checks of
    a side's words ask every word of it in some 30 languages (tens of thousands of look-ups
    for a glossary's 500 terms): here a table language's letters-only words are looked up in
    one loop, without the work :func:`zipf` repeats a call (its table found, the language
    aliased), which cost more than the look-ups."""
    listed = LIST_ALIASES.get(lang, lang)
    table = _table(listed)
    if table is None:
        return [zipf(word, lang) for word in words]
    trie, buckets = table
    get, of_bucket = trie.get, _ZIPF_OF_BUCKET
    end = _TABLE_LISTS_ENDS.get(listed, _TABLE_SCRIPTS_END)
    cedillas = listed == "ro"
    found: list[float] = []
    for word in words:
        if word.isalpha() and max(word) < end:
            key = word.casefold()
            at = get(key.translate(_CEDILLAS) if cedillas else key)
            found.append(of_bucket[buckets[at]] if at is not None else 0.0)
        else:
            found.append(_tokens_zipf(word, listed))
    return found


# A list's frequencies come in buckets of one centibel (bucket i: frequency 10^(-i/100));
# their Zipf values as zipf_frequency reports them, computed once.
_BUCKETS = 1200


def _bucket_zipf(bucket: int) -> float:
    """The Zipf value of a word alone in ``bucket``, as ``zipf_frequency`` rounds it:
    frequency to three significant digits (wordfreq's ``_word_frequency``), then Zipf to
    hundredths."""
    return _rounded_zipf(10 ** (-bucket / 100))


def _rounded_zipf(freq: float) -> float:
    if freq <= 0.0:
        return 0.0
    freq = max(freq, 1e-9)  # zipf_frequency's minimum, Zipf 0
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


_ZIPF_OF_BUCKET = [_bucket_zipf(b) for b in range(_BUCKETS)]


@lru_cache(maxsize=100_000)
def _tokens_zipf(word: str, lang: str) -> float:
    """wordfreq's ``_word_frequency`` over this module's table: the word cut into tokens by
    wordfreq's tokenizer, digits smashed, frequencies combined as 1/f = 1/f1 + 1/f2..."""
    from wordfreq import digit_freq, lossy_tokenize, smash_numbers

    trie, buckets = _table(lang)  # type: ignore[misc]
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return 0.0
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        found = trie.get(smashed)
        if found is None:
            return 0.0
        freq = 10 ** (-buckets[found] / 100)
        if smashed != token:
            freq *= digit_freq(token)
        one_over += 1.0 / freq
    return _rounded_zipf(1.0 / one_over)


def data_file(lang: str) -> Path | None:
    """wordfreq's best list for ``lang`` (the large one where it has one), without
    importing wordfreq; ``None`` when it has no list for ``lang``."""
    data = _data_folder()
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        if data is not None and (data / name).exists():
            return data / name
    return None


@lru_cache(maxsize=1)
def listed_languages() -> frozenset[str]:
    """The languages wordfreq has a list for, read from its data folder."""
    data = _data_folder()
    if data is None:
        return frozenset()
    names = (p.name.split(".")[0].split("_") for p in data.glob("*.msgpack.gz"))
    listed = frozenset(n[1] for n in names if len(n) == 2 and n[0] in ("large", "small"))
    return listed | {alias for alias, lang in LIST_ALIASES.items() if lang in listed}


def _data_folder() -> Path | None:
    """wordfreq's data folder, found without importing wordfreq (a third of a second)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@lru_cache(maxsize=64)
def _table(lang: str) -> tuple[Any, array[int] | memoryview] | None:
    """The trie of ``lang``'s listed words and their frequency buckets, by the trie's key
    ids; ``None`` for a language not served from a table."""
    if lang not in TABLE_LANGUAGES and lang not in _TABLE_LISTS_ENDS:
        return None
    source = data_file(lang)
    if source is None:
        return None
    import marisa_trie

    folder = derived_folder(f"wordfreq-buckets-{lang}", source)
    try:
        if not (folder / "buckets.bin").exists():
            fill_atomically(folder, lambda work: _write_table(lang, work))
        trie = marisa_trie.Trie()
        trie.mmap(str(folder / "words.marisa"))
        buckets = _mapped_buckets(folder / "buckets.bin")
    except (OSError, ValueError):
        return _build_table(lang)  # no writable cache: built in memory, for this run
    if len(buckets) != len(trie):
        return _build_table(lang)
    return trie, buckets


def _mapped_buckets(path: Path) -> memoryview:
    """The buckets of a table file, memory-mapped like its trie: a run loads the pages it
    reads, not the whole file (a one-paragraph run reads a few of its 640 KB a language).
    The cache's files are only ever put in place whole, never rewritten. ``ValueError``
    for an empty file or one cut inside a bucket."""
    import mmap

    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    if len(mapped) % array("H").itemsize:
        mapped.close()
        raise ValueError(f"{path}: not a whole number of buckets")
    return memoryview(mapped).cast("H")


def _build_table(lang: str) -> tuple[Any, array[int]]:
    import marisa_trie
    from wordfreq import get_frequency_list

    bucket_of: dict[str, int] = {}
    for bucket, words in enumerate(get_frequency_list(lang, "best")):
        for word in words:
            bucket_of[word] = bucket  # a later bucket wins, as in get_frequency_dict
    trie = marisa_trie.Trie(bucket_of)
    buckets = array("H", bytes(2 * len(trie)))
    for word, key_id in trie.items():
        buckets[key_id] = bucket_of[word]
    return trie, buckets


def _write_table(lang: str, work: Path) -> None:
    trie, buckets = _build_table(lang)
    trie.save(str(work / "words.marisa"))
    (work / "buckets.bin").write_bytes(buckets.tobytes())


def top_words(lang: str, count: int) -> list[str]:
    """``wordfreq.top_n_list(lang, count)``, kept in the cache: importing wordfreq and
    reading its whole list cost a run 0.3-0.4 s for the 200 words that are a language's
    stop words (:func:`tmx_export.terms.languages.term_language`), more than the rest of a
    concordance search through its index. ``LookupError`` as wordfreq's for a language
    without a list."""
    source = data_file(lang)
    if source is not None:
        path = derived_folder(f"wordfreq-top{count}-{lang}", source) / "words.txt"
        try:
            if not path.exists():
                fill_atomically(path.parent, lambda work: (work / path.name).write_bytes(
                    "\n".join(_top_n_list(lang, count) + ["."]).encode()))
            *words, end = path.read_bytes().decode().split("\n")
            if end == ".":  # whole: the mark written last is there
                return words
        except (OSError, ValueError):  # no writable cache, or not UTF-8
            pass
    return _top_n_list(lang, count)


def _top_n_list(lang: str, count: int) -> list[str]:
    from wordfreq import top_n_list

    return top_n_list(lang, count)


@lru_cache(maxsize=100_000)
def _wordfreq_zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
