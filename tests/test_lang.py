"""Language tags and identification: the language model unpacked once into a cache gives the
same answers as the model as it ships."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


@pytest.mark.parametrize(("code", "shown"), [
    ("EN-GB", "en-GB"), ("en_gb", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"), (" fr ", "fr"),
    ("DE-de-1996", "de-DE-1996"), ("DA-01", "DA-01"), ("*all*", "*all*"), ("X-Foo", "x-foo")])
def test_tags_are_shown_in_their_standard_case(code: str, shown: str) -> None:
    # how stats prints a memory's tags: cased as BCP 47 writes them, looked up nowhere
    # (DGT-TM's DA-01 is no tag: as written)
    assert lang.cased_tag(code) == shown


@pytest.mark.parametrize("code", ["xx-YY", "qq", "und", ""])
def test_unknown_tags_are_refused(code: str) -> None:
    with pytest.raises(ValueError, match="not a known language tag"):
        lang.standard_tag(code)


@pytest.mark.parametrize("code", ["mul", "zxx", "MUL", "zxx-Latn"])
def test_codes_naming_no_language_are_refused(code: str) -> None:
    # valid BCP 47, but no language a text is in: the run failed later, on the text
    with pytest.raises(ValueError, match="names no language"):
        lang.standard_tag(code)


def _europarl_sides() -> list[str]:
    rows = (Path(__file__).parent / "data" / "europarl_pairs.tsv").read_text("utf-8")
    return [side for line in rows.splitlines()[1:] for side in line.split("\t")[1:]]


@pytest.mark.parametrize("languages", [None, ("en", "fr"), ("de", "en")])
def test_many_texts_at_once_are_classified_as_one_by_one(languages) -> None:
    # Enough texts of mixed lengths for both ways of walking: all side by side, then the
    # few long ones on their own; capitals, an empty text and one without letters too.
    texts = [*TEXTS, *_europarl_sides(), "", "12 345", " ".join(_europarl_sides()[:9])]
    one_by_one = [lang.identifier(languages).classify(t) for t in texts]
    together = lang.classify_many(texts, languages)
    assert together is not None and len(together) == len(texts)
    assert [found for found, _ in together] == [found for found, _ in one_by_one]
    assert [p for _, p in together] == pytest.approx([p for _, p in one_by_one], abs=1e-4)
    assert {found for found, _ in together} > {"en"}  # not one answer for everything


def test_many_texts_with_a_language_the_identifier_lacks() -> None:
    assert lang.classify_many(["Some text."], ("en", "tlh")) is None
    assert lang.classify_many([], ("en", "fr")) == []


def test_tags_once_standardised_are_answered_without_langcodes(tmp_path: Path) -> None:
    # A fresh cache: the first run asks langcodes and keeps its answers; the next run
    # answers from the cache, the same, without importing it (a twentieth of a second).
    codes = ["en-GB", "fr_FR", "EN-gb", "eng", "de-DE"]
    script = ("import sys, json; from tmx_export import lang; "
              f"print(json.dumps([lang.standard_tag(c) for c in {codes!r}] "
              "+ ['langcodes' in sys.modules]))")
    env = {**os.environ, "TMX_EXPORT_CACHE": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(2)]
    expected = [lang.standard_tag(c) for c in codes]
    assert runs[0] == [*expected, True] and runs[1] == [*expected, False]
    assert expected[:3] == ["en-GB", "fr-FR", "en-GB"]
    # a damaged cache file is ignored; an unknown tag is refused every time
    next(tmp_path.glob("langcodes-*/tags.tsv")).write_text("{not a table", "utf-8")
    again = subprocess.run([sys.executable, "-c", script], env=env, check=True,
                           capture_output=True, text=True).stdout
    assert json.loads(again) == [*expected, True]
    for _ in range(2):
        with pytest.raises(ValueError, match="xx-YY"):
            lang.standard_tag("xx-YY")


def test_a_long_word_no_list_holds_leans_by_its_n_grams() -> None:
    """A compound neither word list holds is scored by its letters, when py3langid's model
    places it in one of the two languages; a long name of a third language leans to
    neither."""
    assert lang.word_scores("en", "de")["Schiffsidentifizierungssystem"] == 0.0  # not asked
    german = lang.word_scores("en", "de", unlisted=True)
    assert german["Schiffsidentifizierungssystem"] <= -1.0
    assert german["Mindestmanövriergeschwindigkeit"] <= -1.0
    polish = lang.word_scores("pl", "en", unlisted=True)
    assert polish["radionawigacyjnego"] >= 1.0
    assert lang.word_scores("es", "it", True)["Näringsdepartementet"] == 0.0  # Swedish
    assert german["Kenewendo"] == 0.0  # shorter than LONG_UNLISTED: a name


def test_a_short_word_the_one_list_lacks_does_not_lean_to_its_language() -> None:
    """Maltese has no word list: in a Maltese-English pair every word leans by py3langid's
    n-grams, and those of the Maltese "emendata" ("amended") read as English (-1.45). The
    English list holds no such word: placing a dump's pairs, it leans to neither, where
    English words keep their lean and Maltese ones theirs. Long words keep their n-grams
    (compounds and rare forms no list holds)."""
    maltese = lang.word_scores("mt", "en", unlisted=True)
    assert maltese["emendata"] == 0.0
    assert maltese["amended"] <= -1.0
    assert maltese["kif"] >= 1.0
    assert lang.word_scores("mt", "en")["emendata"] < 0  # the language checks: as before


def test_a_short_word_the_one_list_holds_as_rare_does_not_lean_to_its_language() -> None:
    """In a Maltese-Italian pair the n-grams of the Maltese "emendata" read as Italian
    (-0.73), and the Italian list holds it, but as a rare word (Zipf 2.2): placing a dump's
    pairs, it leans to neither; "modificata" (3.95), the Italian's word, keeps its lean."""
    maltese = lang.word_scores("mt", "it", unlisted=True)
    assert maltese["emendata"] == 0.0
    assert maltese["modificata"] <= -1.0
    assert maltese["kif"] >= 1.0


def test_a_name_the_one_list_holds_leans_little_to_the_other_language() -> None:
    """The n-grams of "Washington" read as Maltese (1.96) in a Maltese-Italian pair, where
    the Italian list holds it as a frequent word: a name both sides write, which leans at
    most NAME_NGRAM_LEAN by its n-grams; a Maltese word the Italian list lacks keeps its
    lean, and so does the name in lower case, no name."""
    maltese = lang.word_scores("mt", "it", unlisted=True)
    assert 0 < maltese["Washington"] <= lang.NAME_NGRAM_LEAN
    assert maltese["Iffirmata"] > 0
    assert maltese["Kodiċi"] >= 1.0
    assert lang.word_scores("mt", "it")["Washington"] > 1.0  # the language checks: as before


@pytest.mark.parametrize(("first", "second", "differ"), [
    ("zh-Hans", "zh-Hant", True), ("zh-Hans", "zh-TW", True), ("zh-CN", "zh-HK", True),
    ("zh-Hant-TW", "zh-TW", False), ("zh", "zh-Hant", False),
    ("sr@latin", "sr-Cyrl", True), ("sr_RS@latin", "sr-Latn", False), ("sr", "sr-Latn", False),
    ("de-AT", "de-DE", False), ("fr_FR.UTF-8", "fr-CA", False), ("fr_FR@euro", "fr-FR", False),
])
def test_scripts_a_tag_says(first: str, second: str, differ: bool) -> None:
    """Two tags of one language in different scripts are two writings, not a regional
    variant: Simplified Chinese was read as the zh-Hant asked, gettext's Latin Serbian
    (sr@latin) as sr-Cyrl. A tag that says no script differs from none."""
    assert lang.scripts_differ(first, second) is differ
    assert lang.file_direction("en-GB", first, "en-GB", second) == ("other" if differ else "same")


@pytest.mark.parametrize(("tag", "rtl"), [
    ("ar", True), ("he-IL", True), ("fa-IR", True), ("ur", True), ("az-Arab", True),
    ("yi", True), ("en-GB", False), ("fr_FR", False), ("az", False), ("ku-Latn", False),
    ("pa", False), ("pa-Arab", True), ("sr@latin", False)])
def test_right_to_left(tag: str, rtl: bool) -> None:
    from tmx_export.lang import right_to_left

    assert right_to_left(tag) is rtl


@pytest.mark.parametrize(("first", "second"), [("en", "fr"), ("fr", "en"), ("de", "fr"),
                                               ("hr", "sl")])
def test_whether_a_text_leans_far_enough_is_text_leans_answer(first: str, second: str) -> None:
    # leans_at_least scores the words wordfreq's tokenizer reads ("CO₂", a Han character)
    # only when they may change the answer: the answer is text_lean's, at every threshold,
    # those a hair either side of the text's own mean included
    data = Path(__file__).parent / "data"
    texts = [line for path in sorted((data / "europarl-sessions").glob("*.txt"))[:1]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:60]
    texts += [" ".join(texts[:40]), "", "CO₂", "中国 中国", "2019"]
    texts += [f"{text} CO₂ m² 中国" for text in texts[:30]]
    texts += [f"{text} x²" for text in texts[:10]] + ["CO₂ " * 5 + "the Commission"]
    for text in texts:
        mean = lang.text_lean(text, first, second)[0]
        for threshold in (-3.5, -1.0, 0.0, 0.5, 1.0, 3.5, mean, mean - 1e-12, mean + 1e-12,
                          mean - 0.05, mean + 0.05):
            assert lang.leans_at_least(text, first, second, threshold) == (
                mean >= threshold), (text, threshold)


def test_a_long_unlisted_word_a_neighbour_without_a_list_reads_as_its_own_still_leans() -> None:
    # DGT-TM FR-NL "Koersautomaat": Frisian to the n-grams by a hair, Dutch next; a word
    # of a third language that has a word list leans to neither
    scores = lang.word_scores("fr", "nl", unlisted=True)
    assert scores["Koersautomaat"] < -1.0
    assert lang.word_scores("es", "it", unlisted=True)["Näringsdepartementet"] == 0.0
