"""simplemma's lemmas and known words, its dictionaries loaded from the user's cache.

simplemma ships each language's dictionary LZMA-compressed and front-coded, and decodes
it in Python at its first use in a run: 0.23 s for English, 0.24 s for French, 1.9 s for
German. ``terms``, ``check`` and ``concordance`` pay that at every start, more than the
rest of their start-up together. So each dictionary, once decoded, is kept in the cache
(:mod:`tmx_export.cache`, a folder per release of the data file) as the ``marshal`` of
the same ``bytes -> bytes`` dict simplemma builds, which loads several times faster. The
lemmas are simplemma's own: the same strategies (its default, greedy or not) over the
same dictionary, only loaded from elsewhere. ``marshal`` builds data, never runs code;
its format may change between Python versions, so each has its own folders.
Without a writable cache a run decodes the shipped file, as simplemma does.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)
from simplemma.utils import normalize_token, validate_lang_input

from ..cache import derived_folder, fill_atomically

# marshal's format may change between Python versions: each has its own folders
_KIND = f"simplemma-py{sys.version_info[0]}{sys.version_info[1]}"


def _dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's dictionary of ``lang``, from the cache (filled on first use)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language: {lang}")
    try:
        folder = derived_folder(f"{_KIND}-{lang}", Path(DATA_FOLDER) / f"{lang}.plzma")
        path = folder / "dictionary.marshal"
        if not path.exists():
            fill_atomically(folder, lambda work: (work / path.name).write_bytes(
                marshal.dumps(_load_dictionary_from_disk(lang))))
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        loaded = None  # no usable cache
    if not isinstance(loaded, dict):
        return _load_dictionary_from_disk(lang)  # as simplemma does
    return loaded


class _CachedDictionaries(CachingDictionaryFactory):
    """simplemma's dictionaries, each loaded once a run from the cache."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return MappingStrToByteString(_dictionary(lang))


_DICTIONARIES = _CachedDictionaries()
_LOOKUP = DictionaryLookupStrategy(_DICTIONARIES)


@lru_cache(maxsize=2)
def _lemmatizer(greedy: bool) -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(
        greedy=greedy, dictionary_factory=_DICTIONARIES))


def lemmatize(token: str, lang: str | tuple[str, ...], greedy: bool = False) -> str:
    """``simplemma.lemmatize(token, lang, greedy)``."""
    return _lemmatizer(greedy).lemmatize(token, lang)


def is_known(token: str, lang: str | tuple[str, ...]) -> bool:
    """``simplemma.is_known(token, lang)``."""
    if not isinstance(token, str):
        raise TypeError(f"Wrong input type, expected string, got {type(token)}")
    if token == "":
        raise ValueError("Wrong input value: empty string")
    token = normalize_token(token)
    return any(_LOOKUP.get_lemma(token, code) is not None
               for code in validate_lang_input(lang))


def dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's dictionary of ``lang`` (surface form -> lemma), as its strategies see it."""
    return _DICTIONARIES.get_dictionary(lang)
