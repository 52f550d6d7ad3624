"""Language tags and identification: the language model unpacked once into a cache gives the
same answers as the model as it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from tmx_export import lang

TEXTS = ["The Commission adopted the proposal on the internal market.",
         "La Commission a adopté la proposition sur le marché intérieur.",
         "Die Kommission hat den Vorschlag angenommen.", "ÉTATS MEMBRES", "Grazie mille."]


def test_the_cached_model_answers_as_the_shipped_one(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    shipped = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    lang._model.cache_clear()
    try:
        first = lang._model()  # unpacks into the cache
        (folder,) = tmp_path.iterdir()
        assert sorted(p.name for p in folder.iterdir()) == [
            "classes.json", "nextmove.npy", "output.npy", "pc.npy", "ptc.npy", "row.npy"]
        lang._model.cache_clear()
        again = lang._model()  # read from the cache
        for text in TEXTS:
            assert first.classify(text) == again.classify(text) == shipped.classify(text)
    finally:
        lang._model.cache_clear()


def test_an_unusable_cache_falls_back_to_the_shipped_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(blocked / "cache"))
    lang._model.cache_clear()
    try:
        assert lang._model().classify(TEXTS[1])[0] == "fr"
    finally:
        lang._model.cache_clear()


@pytest.mark.parametrize(("code", "tag"), [("eng", "en"), ("fra", "fr"), ("fr_FR", "fr-FR"),
                                           ("EN-gb", "en-GB")])
def test_tags_are_standardised(code: str, tag: str) -> None:
    assert lang.standard_tag(code) == tag


@pytest.mark.parametrize("code", ["xx-YY", "qq", "und", ""])
def test_unknown_tags_are_refused(code: str) -> None:
    with pytest.raises(ValueError, match="not a known language tag"):
        lang.standard_tag(code)
