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
Without a writable cache a run decodes the shipped file, as simplemma does. A word of
letters alone skips the steps of simplemma's chain that can only give it no lemma
(:func:`_word_chain`): the same lemma, at half the cost for a word the dictionary lacks.

A caller that looks up a handful of words (a concordance query through its index) need
not load a dictionary of millions of forms whole (2 s for Finnish or Polish, even from
``marshal``): with ``on_disk`` it reads a file of the same dictionary, kept in the cache
beside it: the forms sorted, memory-mapped and searched by halves. simplemma's
strategies take any ``Mapping``, and this one answers every key as the dict does, so the
lemmas are the same. Callers that look up millions (indexing, ``terms``, ``check``) keep
the dict, a hash probe a form. A file that cannot be built or read whole falls back to the
dict.
"""

from __future__ import annotations

import itertools
import marshal
import mmap
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import simplemma
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    DecodedStrMapping,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)
from simplemma.utils import normalize_token, validate_lang_input

from ..cache import derived_folder, fill_atomically

try:  # the tables :func:`_word_chain` reads (another release may have none of them)
    from simplemma.strategies.affix_decomposition import AFFIX_LANGS
    from simplemma.strategies.clitic_decomposition import _CLITIC_SUFFIXES
except ImportError:  # pragma: no cover - (the release checked has them)
    AFFIX_LANGS = _CLITIC_SUFFIXES = None  # type: ignore[assignment]

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

# The sorted file's layout (and the machine's byte order, in which its offsets are written);
# a change to the layout must change this name (see tmx_export.cache).
_TABLE_KIND = f"simplemma-sorted1-{sys.byteorder}"
_MAGIC = b"tmxlemma"  # then the number of forms (8 bytes), then the offsets and the texts

# Why a sorted file searched by halves, and not an SQLite table or a dbm file: the table
# took 13-15 s to build for Finnish (3.5 million inserts) and 117 MB; this file 2-4 s
# besides loading the dict, and 109 MB, and a lookup costs about the same (22 probes of a
# memory-mapped file, 20-30 us). dbm's fast kinds are not in every build of Python.


def _write_table(lang: str, path: Path) -> None:
    """The dict of ``lang`` (the marshal cache's, so the same keys) sorted, as one file:
    header, the offsets of the forms and of the lemmas (``count + 1`` each), the forms
    joined, the lemmas joined."""
    lemma_of = _dictionary(lang)
    forms = sorted(lemma_of)  # the keys alone: pairs would cost 300 MB more in Finnish
    key_ends = array("I", [0])
    key_ends.extend(itertools.accumulate(map(len, forms)))
    value_ends = array("I", [0])
    value_ends.extend(itertools.accumulate(len(lemma_of[form]) for form in forms))
    with path.open("wb") as out:
        out.write(_MAGIC + len(forms).to_bytes(8, "little"))
        out.write(key_ends.tobytes())
        out.write(value_ends.tobytes())
        out.write(b"".join(forms))
        out.write(b"".join(lemma_of[form] for form in forms))


class _Forms(Sequence[bytes]):
    """The sorted forms of a mapped file (or their lemmas, in the same order), as
    :func:`bisect.bisect_left` reads them."""

    __slots__ = ("_data", "_ends", "_base")

    def __init__(self, data: mmap.mmap, ends: memoryview, base: int) -> None:
        self._data, self._ends, self._base = data, ends, base

    def __len__(self) -> int:
        return len(self._ends) - 1

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]
        return self._data[self._base + self._ends[i]:self._base + self._ends[i + 1]]


class _TableDictionary(DecodedStrMapping):
    """A dictionary read form by form from its sorted file in the cache (built on first
    use from the dict, so it answers every key as the dict does); ``OSError`` or
    ``ValueError`` when it cannot be built or is not whole."""

    __slots__ = ("_forms", "_lemmas", "_lang")

    def __init__(self, lang: str) -> None:
        self._lang = lang
        folder = derived_folder(f"{_TABLE_KIND}-{lang}", Path(DATA_FOLDER) / f"{lang}.plzma")
        path = folder / "forms.bin"
        if not path.exists():
            fill_atomically(folder, lambda work: _write_table(lang, work / path.name))
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        count = int.from_bytes(data[8:16], "little") if data[:8] == _MAGIC else -1
        width = array("I").itemsize * (count + 1)
        if count < 0 or len(data) < 16 + 2 * width:
            raise ValueError(f"{path}: not a dictionary file")
        ends = memoryview(data)[16:16 + 2 * width].cast("I")
        key_ends, value_ends = ends[:count + 1], ends[count + 1:]
        texts = 16 + 2 * width
        if len(data) != texts + key_ends[-1] + value_ends[-1]:
            raise ValueError(f"{path}: cut short")
        self._forms = _Forms(data, key_ends, texts)
        self._lemmas = _Forms(data, value_ends, texts + key_ends[-1])

    def _lookup(self, key: str) -> str | None:
        form = key.encode()
        at = bisect_left(self._forms, form)
        if at < len(self._forms) and self._forms[at] == form:
            return self._lemmas[at].decode()
        return None

    def __iter__(self) -> Iterator[str]:
        return (form.decode() for form in self._forms)

    def __len__(self) -> int:
        return len(self._forms)


class _TableDictionaries(CachingDictionaryFactory):
    """simplemma's dictionaries read from their sorted files, for callers of few lookups."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        if lang not in SUPPORTED_LANGUAGES:
            raise ValueError(f"Unsupported language: {lang}")
        try:
            return _TableDictionary(lang)
        except (OSError, ValueError, TypeError, OverflowError):
            return _DICTIONARIES.get_dictionary(lang)  # no usable file: the dict


_TABLES = _TableDictionaries()
_LOOKUP = {False: DictionaryLookupStrategy(_DICTIONARIES),
           True: DictionaryLookupStrategy(_TABLES)}


@lru_cache(maxsize=4)
def _lemmatizer(greedy: bool, on_disk: bool = False) -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(
        greedy=greedy, dictionary_factory=_TABLES if on_disk else _DICTIONARIES))


def lemmatize(token: str, lang: str | tuple[str, ...], greedy: bool = False, *,
              on_disk: bool = False) -> str:
    """``simplemma.lemmatize(token, lang, greedy)``; ``on_disk``: looked up in the
    dictionary's table rather than the dictionary loaded whole (for a few words)."""
    if not greedy and not on_disk and type(lang) is str and type(token) is str:
        token = normalize_token(token)  # (as simplemma does first)
        if (token.isalpha() and _APOSTROPHE_LETTER not in token
                and _word_chain(lang) is not None):
            return _word_lemma(token, lang)
    return _lemmatizer(greedy, on_disk).lemmatize(token, lang)


# The simplemma release whose strategies :func:`_word_chain` was read from: another
# release takes its whole chain, whatever it holds.
_CHAIN_READ_FROM = "2.0.0"
# A letter (str.isalpha) that simplemma reads as an apostrophe (utils.has_apostrophe)
_APOSTROPHE_LETTER = "\u02bc"


@lru_cache(maxsize=64)  # (a chain per language)
def _word_chain(lang: str) -> tuple[Callable[[str, str], str | None], ...] | None:
    """The strategies of simplemma's chain (``DefaultStrategy._search_pipeline``, not greedy)
    that may give the lemma of a word of letters alone in ``lang``, in its order; ``None``
    where it cannot be said (another release, an unknown language).

    A word the dictionary lacks (most of a large memory's words met for the first time:
    names, rare forms, misspellings) goes through the whole chain, and three of its steps
    act only on a word holding an apostrophe or a hyphen: the apostrophe boundary (an
    apostrophe after the head), the hyphen removal ("-" or "_"), the clitics where the
    language's enclitics all hold an apostrophe ("n't", "'ll") and its proclitics too
    ("l'", "qu'"). On a word of letters alone they give ``None``; so do the rules, prefixes
    and affixes of a language that has none (English has rules alone, French nothing but its
    dictionary). Those steps cost more than half of the chain; skipped, the same strategies
    give the same lemma in the same order (tests/test_lemmas.py compares the two over
    real and made-up words)."""
    if (simplemma.__version__ != _CHAIN_READ_FROM or lang not in SUPPORTED_LANGUAGES
            or AFFIX_LANGS is None or _CLITIC_SUFFIXES is None):
        return None
    strategy: Any = _lemmatizer(False)._lemmatization_strategy
    try:
        chain = [strategy._dictionary_lookup.get_lemma]
        if any("'" not in suffix for suffix in _CLITIC_SUFFIXES.get(lang, ())):
            # enclitics of letters ("portarlo"): the clitics' step, proclitics included
            chain.append(strategy._clitic_search.get_lemma)
        # of the steps after, those that have something for the language: each of the
        # others begins by giving None for a language not in its table (and the last step
        # stays, whose answer, None or "", is the chain's when no step has a lemma)
        if lang in strategy._rules_search._rules:
            chain.append(strategy._rules_search.get_lemma)
        if lang in strategy._prefix_search._known_prefixes:
            chain.append(strategy._prefix_search.get_lemma)
        if lang in AFFIX_LANGS:  # (not greedy)
            chain.append(strategy._affix_search.get_lemma)
        chain.append(strategy._morpheme_search.get_lemma)
    except AttributeError:
        return None
    return tuple(chain)


@lru_cache(maxsize=65536)  # as simplemma's Lemmatizer caches its lemmas
def _word_lemma(token: str, lang: str) -> str:
    """simplemma's lemma (``Lemmatizer._lemmatize``) of ``token``, a word of letters alone
    in NFC, through :func:`_word_chain`'s strategies."""
    if token.isnumeric():  # (some letters are numerals: "三")
        return token
    lemma = None
    for strategy in _word_chain(lang) or ():
        lemma = strategy(token, lang)
        if lemma:  # the chain's "or": the first lemma neither None nor ""
            return lemma
    if lemma is not None:  # ("" from its last step)
        return lemma
    return _lemmatizer(False)._fallback_lemmatization_strategy.get_lemma(token, lang)


def is_known(token: str, lang: str | tuple[str, ...], *, on_disk: bool = False) -> bool:
    """``simplemma.is_known(token, lang)`` (``on_disk``: as for :func:`lemmatize`)."""
    if not isinstance(token, str):
        raise TypeError(f"Wrong input type, expected string, got {type(token)}")
    if token == "":
        raise ValueError("Wrong input value: empty string")
    token = normalize_token(token)
    return any(_LOOKUP[on_disk].get_lemma(token, code) is not None
               for code in validate_lang_input(lang))


def dictionary(lang: str, *, on_disk: bool = False) -> Mapping[str, str]:
    """simplemma's dictionary of ``lang`` (surface form -> lemma), as its strategies see it
    (``on_disk``: as for :func:`lemmatize`)."""
    return (_TABLES if on_disk else _DICTIONARIES).get_dictionary(lang)


def adjective_lemma(lemma: str, lang: str | tuple[str, ...], stop: Callable[[str], bool], *,
                    on_disk: bool = False) -> str:
    """The adjective of ``lemma`` (a lemma :func:`lemmatize` gave a German word, as it
    gave it) when that is a noun in "-e" the dictionary also lists for an adjective ("der
    Ständige", "das Gemischte", "die Gemeinsame") and the adjective's strong form ("-er")
    is one of the adjective; else ``lemma``. The dictionary reads "Gemischte" and
    "Gemischten" as that noun where it reads "Gemischter" and "gemischten" as "gemischt",
    so one term had two keys ("Gemischte Ausschuss", "Gemischter Ausschuss"). Not where
    ``stop`` says the adjective is a function word's lemma ("entsprechend"): its forms
    are read as words of their own ("Entsprechende"), which such a key would part.
    ``terms``, ``check`` and ``concordance`` key words by this one rule, so what one
    finds, the others find. So too a noun in "-e" the dictionary also reads as a form of
    the word without it (:func:`_noun_in_e_base`)."""
    if not (lemma[:1].isupper() and lemma.endswith("e")):
        return lemma
    base = _noun_in_e_base(lemma, lang, on_disk)
    if base is not None:
        return base
    stem = lemma[:-1].lower()
    if stop(stem) or lemmatize(stem + "er", lang=lang, on_disk=on_disk) != stem:
        return lemma  # a noun of its own ("Höhe": "höher" is "hoch"), or a function word
    return stem


def _noun_in_e_base(lemma: str, lang: str | tuple[str, ...], on_disk: bool) -> str | None:
    """The word without its "-e" where the dictionary reads the German noun ``lemma`` (a
    lemma it gave another form) as a form of that word, else None: "Spalten" has the lemma
    "Spalte", which the dictionary also reads as "Spalt" (an old dative, or a plural), so
    on DGT-TM "Spalte" was keyed "spalt" and "Spalten" "spalte", two keys for the singular
    and plural of one term ("Rechten" -> "Rechte" and "Rechte" -> "Recht" alike). Both
    take the shorter key; the citation form keeps the noun in "-e" as written
    (:func:`.citation._noun_in_e`)."""
    if not isinstance(lang, str):
        return None
    base = dictionary(lang, on_disk=on_disk).get(lemma)
    return base if base == lemma[:-1] else None


# Polish endings of a plural's other cases the dictionary lists under that plural
# ("środków", "środkami" under "środki"), and of a neuter noun's singular ("prawem",
# "prawu", and the plural's "prawami" under "prawo")
_PL_PLURAL_FORMS = ("ów", "ami")
_PL_NEUTER_FORMS = ("em", "u", "ami")
# the singular forms of a feminine noun in "-a" ("wina": "winy", "winę", "winą")
_PL_FEMININE_FORMS = ("y", "i", "ę", "ą")


def singular_lemma(lemma: str, lang: str, *, on_disk: bool = False) -> str:
    """The lemma of the noun in the singular where simplemma's Polish dictionary gives a
    plural, or a genitive, a lemma of its own, else ``lemma``. It lists the plural forms of
    many masculine nouns under their nominative plural ("środki", "środków", "środkami"
    under "środki"; "środek", "środka", "środkiem" under "środek"), and "prawa" (of the
    law, laws) under itself where every other form of "prawo" is under "prawo": on
    DGT-TM 2019 "środki ochrony" and "środek ochrony", "prawa międzynarodowego" and "prawo
    międzynarodowe" were two terms each, and `concordance` found no "środki ochrony" for
    "środek ochrony". Only where the dictionary says so: the plural's other cases listed
    under it and the singular's instrumental and genitive or dative under the singular
    ("środkiem", "środka"), or "prawem", "prawu" and "prawami" under "prawo" while no
    singular form of a feminine "prawa" is listed under it ("wina", guilt, has "winy",
    "winę": not "wino")."""
    if lang != "pl" or len(lemma) < 4 or not lemma.isalpha() or not lemma.islower():
        return lemma
    forms = dictionary(lang, on_disk=on_disk)
    stem = lemma[:-1]
    if forms.get(lemma, lemma) != lemma:
        return lemma
    if lemma.endswith("a"):
        noun = stem + "o"
        if (all(forms.get(stem + end) == noun for end in _PL_NEUTER_FORMS)
                and not any(forms.get(stem + end) == lemma for end in _PL_FEMININE_FORMS)):
            return noun
    elif lemma.endswith(("i", "y")) and all(forms.get(stem + end) == lemma
                                            for end in _PL_PLURAL_FORMS):
        noun = forms.get(stem + ("iem" if stem.endswith(("k", "g")) else "em"))
        if (noun in (stem, stem[:-1] + "e" + stem[-1])
                and (forms.get(stem + "a") == noun or forms.get(stem + "u") == noun)):
            return noun
    return lemma
