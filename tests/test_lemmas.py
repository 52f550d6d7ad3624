"""Lemmas from the cached dictionaries are exactly simplemma's, and the cache is filled
once, read back, and never needed: an unusable or damaged one falls back to the shipped
data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import simplemma

from tmx_export.terms import lemmas

DATA = Path(__file__).parent / "data"


def _fresh() -> None:
    """Forget the dictionaries and lemmas this process loaded."""
    lemmas._DICTIONARIES._get_dictionary.cache_clear()
    lemmas._TABLES._get_dictionary.cache_clear()
    lemmas._lemmatizer.cache_clear()
    lemmas._word_chain.cache_clear()
    lemmas._word_lemma.cache_clear()


def dgt_words(lang: str) -> list[str]:
    """The words of the DGT-TM units in ``lang`` (tests/data/tmx/dgt-tm), each also lower
    case, in capitals, capitalised and without its accents (as a query may type it)."""
    from tmx_export.check.concordance import fold
    from tmx_export.pipeline import stream_units

    files = sorted(str(p) for p in (DATA / "tmx" / "dgt-tm").glob("*.tmx"))
    words = {word for unit in stream_units(files, source_lang="en-GB", target_lang=lang,
                                           renumber=False, clean=None, dedupe="none",
                                           allow_empty=True, segment="sentence")
             for word in re.findall(r"[^\W\d_][\w'’-]*", unit.target)}
    return sorted({form for word in words
                   for form in (word, word.lower(), word.upper(), word.capitalize(), fold(word))})


def _words(lang: str) -> list[str]:
    """The words of two real Europarl sessions in ``lang``."""
    text = "".join(path.read_text(encoding="utf-8")
                   for path in sorted((DATA / "europarl-sessions").glob(f"*.{lang}.txt")))
    return sorted(set(re.findall(r"[\w'’-]+", text)))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_word_of_real_text_has_simplemmas_lemma(lang: str) -> None:
    words = _words(lang)
    assert len(words) > 3000
    for word in words:
        for form in (word, word.lower()):
            assert lemmas.lemmatize(form, lang) == simplemma.lemmatize(form, lang=lang), form
        assert lemmas.is_known(word, lang) == simplemma.is_known(word, lang=lang), word
    assert lemmas.lemmatize("chains", "en") == "chain"
    assert lemmas.lemmatize("chaînes", "fr") == "chaîne"


def test_greedy_lemmas_and_compounds_are_simplemmas() -> None:
    for word in ("Hochseegewässern", "hochseegewässern", "Verkehrsmanagement", "Ketten",
                 "sicherstellen", "Abkommen"):
        for greedy in (False, True):
            assert lemmas.lemmatize(word, "de", greedy) == \
                simplemma.lemmatize(word, lang="de", greedy=greedy), (word, greedy)


def test_the_dictionary_is_cached_once_and_read_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    _fresh()
    try:
        assert lemmas.lemmatize("houses", "en") == "house"
        (folder,) = tmp_path.glob("simplemma-py*-en-*")
        assert [p.name for p in folder.iterdir()] == ["dictionary.marshal"]
        stamp = (folder / "dictionary.marshal").stat().st_mtime_ns
        _fresh()
        assert lemmas.lemmatize("mice", "en") == simplemma.lemmatize("mice", lang="en")
        assert (folder / "dictionary.marshal").stat().st_mtime_ns == stamp  # not rebuilt
        assert len(lemmas.dictionary("en")) == len(
            simplemma.strategies.dictionaries.DEFAULT_DICTIONARY_FACTORY.get_dictionary("en"))
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers
    finally:
        _fresh()


def test_an_unusable_or_damaged_cache_falls_back_to_the_shipped_dictionary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(blocked / "cache"))
    _fresh()
    try:
        assert lemmas.lemmatize("chaînes", "fr") == "chaîne"
        monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path / "cache"))
        _fresh()
        lemmas.lemmatize("chaînes", "fr")
        (cached,) = (tmp_path / "cache").glob("simplemma-py*-fr-*/dictionary.marshal")
        cached.write_bytes(cached.read_bytes()[:1000])  # cut short
        _fresh()
        assert lemmas.lemmatize("chaînes", "fr") == "chaîne"
        assert lemmas.is_known("conglomérats", "fr") == simplemma.is_known("conglomérats",
                                                                          lang="fr")
        cached.write_bytes(b"\x00not marshal")
        _fresh()
        assert lemmas.lemmatize("valeurs", "fr") == "valeur"
    finally:
        _fresh()


@pytest.mark.parametrize("lang", ["de", "pl", "fi", "cs", "el"])
def test_the_dictionary_file_answers_as_the_dictionary_loaded_whole(lang: str) -> None:
    # a query's few words are looked up in the file (on_disk) where the index was built
    # with the dict: every answer must be the same, or a query key misses the index's
    words = dgt_words(lang)
    assert len(words) > 1500
    assert type(lemmas.dictionary(lang, on_disk=True)) is not type(lemmas.dictionary(lang))
    loaded, on_disk = lemmas.dictionary(lang), lemmas.dictionary(lang, on_disk=True)
    assert len(on_disk) == len(loaded)
    for word in words:
        assert on_disk.get(word) == loaded.get(word), word
        assert lemmas.is_known(word, lang, on_disk=True) == lemmas.is_known(word, lang), word
        for greedy in (False, True):
            assert lemmas.lemmatize(word, lang, greedy, on_disk=True) == \
                lemmas.lemmatize(word, lang, greedy), (word, greedy)


def test_an_unusable_or_damaged_dictionary_file_falls_back_to_the_dictionary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(blocked / "cache"))
    _fresh()
    try:
        assert lemmas.lemmatize("Ketten", "de", on_disk=True) == "Kette"
        monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path / "cache"))
        _fresh()
        assert lemmas.lemmatize("Ketten", "de", on_disk=True) == "Kette"
        (made,) = (tmp_path / "cache").glob("simplemma-sorted*-de-*/forms.bin")
        whole = made.read_bytes()
        for damaged in (whole[:len(whole) // 2], whole[:12], b"", b"\x00" * 64):
            made.write_bytes(damaged)
            _fresh()
            assert lemmas.lemmatize("Mitgliedstaaten", "de", on_disk=True) == \
                simplemma.lemmatize("Mitgliedstaaten", lang="de"), damaged[:16]
            assert lemmas.is_known("Verkehr", "de", on_disk=True)
    finally:
        _fresh()


def test_an_unknown_language_is_refused_as_simplemma_refuses_it() -> None:
    with pytest.raises(ValueError):
        lemmas.lemmatize("word", "xx")
    with pytest.raises(ValueError):
        lemmas.is_known("word", "xx")
    with pytest.raises(ValueError):
        lemmas.lemmatize("word", "xx", on_disk=True)


def _made_up_words(lang: str) -> list[str]:
    """Made-up words of ``lang`` (tests/data/made_up_words.tsv), none in the dictionary."""
    rows = (DATA / "made_up_words.tsv").read_text(encoding="utf-8").splitlines()
    return [word for code, word in (row.split("\t") for row in rows) if code == lang]


def _with_misses(words: list[str]) -> list[str]:
    """``words``, each also capitalised, in capitals, and changed at its end (a letter more,
    a letter less) so that the dictionary lacks it: the words whose lemma takes simplemma's
    strategies after the dictionary."""
    forms = set(words)
    for word in words:
        forms.update((word.capitalize(), word.upper(), word + "x", word + "s", word + "ed",
                      word[:-1] or word))
    return sorted(forms)


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "it", "pt", "el"])
def test_the_lemma_of_a_word_of_letters_is_that_of_simplemmas_whole_chain(lang: str) -> None:
    # a word of letters alone skips the steps of simplemma's chain that act only on an
    # apostrophe or a hyphen, or on a language that has no rules, prefixes or affixes:
    # its lemma must be the one the whole chain gives, for known words and unknown ones
    words = dgt_words(lang)
    if lang in ("en", "fr"):
        words += _words(lang) + _made_up_words(lang)
        assert len(_made_up_words(lang)) == 1500
    whole = lemmas._lemmatizer(False)
    checked = 0
    for word in _with_misses(words):
        assert lemmas.lemmatize(word, lang) == whole.lemmatize(word, lang), word
        checked += word.isalpha()
    assert checked > 5000
    assert lemmas.lemmatize("chains", "en") == "chain"
    assert lemmas.lemmatize("Mitgliedstaaten", "de") == simplemma.lemmatize(
        "Mitgliedstaaten", lang="de")


@pytest.mark.parametrize("lang", ["tr", "ru", "ca", "gl", "tl", "nb"])
def test_the_shortened_chain_holds_for_every_kind_of_step(lang: str) -> None:
    # the languages whose steps the shortcut keeps or skips for other reasons: an
    # apostrophe boundary (Turkish), prefixes and affixes (Russian), enclitics of letters
    # (Catalan, Galician), morphemes (Tagalog), affixes (Norwegian): the forms of a
    # sample of the dictionary's words, and the same changed so that it lacks them
    forms = sorted(lemmas.dictionary(lang))[::97][:1500]
    whole = lemmas._lemmatizer(False)
    for word in _with_misses(forms) + ["三", "Ⅻ", "dʼautre", "ab_cd"]:
        assert lemmas.lemmatize(word, lang) == whole.lemmatize(word, lang), word
