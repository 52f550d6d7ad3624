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
    lemmas._lemmatizer.cache_clear()


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


def test_an_unknown_language_is_refused_as_simplemma_refuses_it() -> None:
    with pytest.raises(ValueError):
        lemmas.lemmatize("word", "xx")
    with pytest.raises(ValueError):
        lemmas.is_known("word", "xx")
