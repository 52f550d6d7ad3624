"""Word frequencies: wordfreq's lists, answered from a compact cache.

Repair, pairing and cleaning weigh every word of a dump by its frequency in each language,
tens of thousands of lookups a file. wordfreq answers ``zipf_frequency`` by importing itself
(0.3 s), loading the whole list of the language into a dict (0.2 s and about 35 MB each)
and tokenising every word it is asked about (20 microseconds).

The words asked about are letters only (``str.isalpha``, in the Latin, Greek and Cyrillic
blocks). For those, in the languages whose wordfreq preprocessing is plain case folding
(:data:`TABLE_LANGUAGES`), the list's letters-only words are built once into a marisa trie
with their Zipf values (about 1 MB a language, memory-mapped: pages load as they are read)
in the user's cache directory. A first run pays the build once (about half a second a
language). Every other word, and every other language, is asked of wordfreq itself.

:func:`zipf` gives the same value as ``wordfreq.zipf_frequency(word, lang)``; the tests
compare the two on real text in every table language.
"""

from __future__ import annotations

import importlib.util
import math
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import derived_folder, fill_atomically

# wordfreq languages whose preprocessing of a letters-only word is NFC and case folding
# (language info: regex tokenizer, no transliteration, no mark removal, no dotless i):
# the 24 official languages of the EU, and others of the same kind. Romanian also turns
# cedillas into commas below s and t (done in :func:`_key`).
TABLE_LANGUAGES = frozenset(
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "ca nb no is mk ru uk sr".split()) - {"sr"}  # Serbian is transliterated: not here
_CEDILLAS = str.maketrans({"ş": "ș", "ţ": "ț"})

# Words at or above this code point may be tokenised specially by wordfreq (Armenian,
# Hebrew, Arabic, the Indic and South-East Asian scripts, Han...): asked of wordfreq.
_TABLE_SCRIPTS_END = "\u0530"


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (a primary subtag): log10 of its
    frequency per 10^9 words, 0.0 for an unlisted word."""
    table = _table(lang)
    if table is not None and word.isalpha() and max(word) < _TABLE_SCRIPTS_END:
        trie, values = table
        key = word.casefold()
        if lang == "ro":
            key = key.translate(_CEDILLAS)
        found = trie.get(key)
        return values[found] / 100 if found is not None else 0.0
    return _wordfreq_zipf(word, lang)


def data_file(lang: str) -> Path | None:
    """wordfreq's best list for ``lang`` (the large one where it has one), without
    importing wordfreq; ``None`` when it has no list for ``lang``."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        if (data / name).exists():
            return data / name
    return None


def listed_languages() -> frozenset[str]:
    """The languages wordfreq has a list for, read from its data folder."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    names = (p.name.split(".")[0].split("_") for p in data.glob("*.msgpack.gz"))
    return frozenset(n[1] for n in names if len(n) == 2 and n[0] in ("large", "small"))


@lru_cache(maxsize=64)
def _table(lang: str) -> tuple[Any, array[int]] | None:
    """The trie of ``lang``'s letters-only words and their Zipf values in hundredths, by
    the trie's key ids; ``None`` for a language not served from a table."""
    if lang not in TABLE_LANGUAGES:
        return None
    source = data_file(lang)
    if source is None:
        return None
    import marisa_trie

    folder = derived_folder(f"wordfreq-{lang}", source)
    try:
        if not (folder / "zipf.bin").exists():
            fill_atomically(folder, lambda work: _write_table(lang, work))
        trie = marisa_trie.Trie()
        trie.mmap(str(folder / "words.marisa"))
        values = array("H")
        values.frombytes((folder / "zipf.bin").read_bytes())
    except (OSError, ValueError):
        return _build_table(lang)  # no writable cache: built in memory, for this run
    if len(values) != len(trie):
        return _build_table(lang)
    return trie, values


def _build_table(lang: str) -> tuple[Any, array[int]]:
    import marisa_trie
    from wordfreq import get_frequency_list

    # The list comes in buckets of one centibel each (bucket i: frequency 10^(-i/100)),
    # so the Zipf value is computed once a bucket.
    zipf_of: dict[str, int] = {}
    for bucket, words in enumerate(get_frequency_list(lang, "best")):
        value = round(_zipf_of(10 ** (-bucket / 100)) * 100)
        for word in words:
            # a later bucket wins, as in wordfreq's get_frequency_dict
            if word.isalpha() and max(word) < _TABLE_SCRIPTS_END:
                zipf_of[word] = value
    trie = marisa_trie.Trie(zipf_of)
    values = array("H", bytes(2 * len(trie)))
    for word, key_id in trie.items():
        values[key_id] = zipf_of[word]
    return trie, values


def _write_table(lang: str, work: Path) -> None:
    trie, values = _build_table(lang)
    trie.save(str(work / "words.marisa"))
    (work / "zipf.bin").write_bytes(values.tobytes())


def _zipf_of(freq: float) -> float:
    """A list frequency as ``zipf_frequency`` reports it: rounded to three significant
    digits (wordfreq's ``_word_frequency``), then to hundredths of a Zipf unit."""
    if freq <= 0.0:
        return 0.0
    freq = max(freq, 1e-9)  # zipf_frequency's minimum, Zipf 0
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return max(round(math.log(freq, 10) + 9, 2), 0.0)


@lru_cache(maxsize=100_000)
def _wordfreq_zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
