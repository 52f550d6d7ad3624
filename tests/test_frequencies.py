"""Word frequencies from the cached tables give exactly wordfreq's answers (without loading
wordfreq's lists), and the cache is built once, reused, and never needed: an unusable one
falls back to building in memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import wordfreq

from tmx_export import frequencies
from tmx_export.lang import WORD_RE

DATA = Path(__file__).parent / "data"


def _words_of(paths: list[Path]) -> list[str]:
    return sorted({w for p in paths for w in WORD_RE.findall(p.read_text(encoding="utf-8"))})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_word_of_real_text_scores_as_wordfreq_says(lang: str) -> None:
    # both languages of a real bilingual file: words of the other language too, names,
    # capitals, accented and unlisted words
    words = _words_of(sorted((DATA / "europarl-sessions").glob("*.txt")))
    assert len(words) > 6000
    differ = [(w, frequencies.zipf(w, lang), wordfreq.zipf_frequency(w, lang))
              for w in words if frequencies.zipf(w, lang) != wordfreq.zipf_frequency(w, lang)]
    assert differ == []


# Latin with diacritics, Greek, Cyrillic, Romanian (cedillas turned into commas), Hungarian
@pytest.mark.parametrize("lang", ["el", "bg", "ro", "hu", "da"])
def test_other_scripts_and_preprocessing_score_as_wordfreq_says(lang: str) -> None:
    top = wordfreq.top_n_list(lang, 400)
    words = top + [w.upper() for w in top[:100]] + [w.title() for w in top[:100]]
    words += ["şi", "ţară", "Ştefan", "zzqxv", "ß", "Straße", "ǅemal", "ﬁnancial"]
    differ = [(w, frequencies.zipf(w, lang), wordfreq.zipf_frequency(w, lang))
              for w in words if frequencies.zipf(w, lang) != wordfreq.zipf_frequency(w, lang)]
    assert differ == []


def test_words_cut_into_tokens_score_as_wordfreq_says() -> None:
    # digits, apostrophes, spaces, hyphens, symbols, other scripts, ligatures: cut by
    # wordfreq's tokenizer and looked up in the table; and a language without a table
    words = ["2019", "A5", "2nd", "3e", "x²", "COM(2001)", "l'ardeur", "aujourd'hui",
             "don’t", "value chain", "co-operation", "états-membres", "€", "😀", "中国",
             "İstanbul", "ŞTEFAN", "𝔘nicode", "ﬁnancial", "a.b"]
    for lang in ("en", "fr", "ro", "el"):
        for word in words:
            assert frequencies.zipf(word, lang) == wordfreq.zipf_frequency(word, lang), word
    assert frequencies.zipf("merhaba", "tr") == wordfreq.zipf_frequency("merhaba", "tr")
    assert frequencies.zipf("the", "en") > 7 > frequencies.zipf("conglomérat", "fr") > 1


def test_the_languages_listed_are_wordfreqs() -> None:
    # plus Croatian and Bosnian, which wordfreq itself answers from its Serbo-Croatian list
    assert frequencies.listed_languages() == (frozenset(wordfreq.available_languages())
                                              | {"hr", "bs"})
    for word, lang in (("riječ", "hr"), ("vijeće", "bs"), ("Europska", "hr")):
        assert frequencies.zipf(word, lang) == wordfreq.zipf_frequency(word, lang) > 3
    # languages without a list: every word unlisted, never an error
    assert frequencies.zipf("komisjon", "et") == frequencies.zipf("il-Kummissjoni", "mt") == 0.0


def test_croatian_and_bosnian_score_from_the_table_as_wordfreq_says() -> None:
    # wordfreq's answers from its Serbo-Croatian list (Cyrillic read in Latin letters, as
    # the list is written): real Croatian text, the list's own words in every case, and
    # Cyrillic, Greek and cut words, which take the tokenizer's way
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("dump_*_hr_sl.txt")))
    top = wordfreq.top_n_list("sh", 400)
    words = sorted(set(WORD_RE.findall(text))) + top + [w.upper() for w in top[:100]]
    words += [w.title() for w in top[:100]] + [
        "Београд", "схваташ", "ЂОРЂЕ", "Ђорђевић", "культуры", "zakonodavstvo2", "Ωmega",
        "I.", "e-pošta", "sv. Ivan", "ǅamija", "ǆ", "Ǆep", "ﬁnancije", "中国"]
    assert len(words) > 1000
    for lang in ("hr", "bs"):
        differ = [(w, frequencies.zipf(w, lang), wordfreq.zipf_frequency(w, "sh"))
                  for w in words if frequencies.zipf(w, lang) != wordfreq.zipf_frequency(w, "sh")]
        assert differ == []
        assert frequencies.zipfs(words, lang) == [frequencies.zipf(w, lang) for w in words]


def test_a_sides_third_language_check_loads_no_wordfreq() -> None:
    # Croatian is one of the rivals a side's words are weighed against: answered by
    # wordfreq, it cost every check of a glossary or a short side wordfreq's import and
    # its whole Serbo-Croatian list, a fifth of a second
    import subprocess
    import sys

    from tmx_export.lang import third_language_by_words

    sides = [("Odbor za proračune i Europska komisija", "fr", "en"),
             ("value chains and industrial policy", "fr", "de")]
    # (the tables built in the run's cache first)
    assert [third_language_by_words(*side) for side in sides] == ["hr", "en"]
    code = ("import sys\n"
            "from tmx_export.lang import third_language_by_words\n"
            f"print(*[third_language_by_words(*side) for side in {sides!r}], "
            "'wordfreq' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["hr", "en", "False"]


@pytest.mark.parametrize("lang", ["en", "fr", "ro", "de", "hr", "el", "tr", "et", "ar"])
def test_the_frequencies_of_many_words_are_those_of_each_word(lang: str) -> None:
    # zipfs, the look-ups of a side's words in one language at once: the values of zipf,
    # in every kind of language (a table, Romanian's cedillas, Croatian's list, a list of
    # wordfreq's own, no list) and for every kind of word
    text = "".join(p.read_text(encoding="utf-8")
                   for p in sorted((DATA / "europarl-sessions").glob("*.txt"))[:2])
    words = sorted(set(WORD_RE.findall(text)))[:3000] + [
        "şi", "ţară", "Ştefan", "2019", "x²", "l'ardeur", "CO₂", "中国", "", "Straße", "ﬁn"]
    assert frequencies.zipfs(words, lang) == [frequencies.zipf(w, lang) for w in words]


def test_the_table_is_built_once_into_the_cache_and_read_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    frequencies._table.cache_clear()
    try:
        built = frequencies.zipf("cluster", "da")
        folders = list(tmp_path.glob("wordfreq-buckets-da-*"))
        assert len(folders) == 1
        assert sorted(p.name for p in folders[0].iterdir()) == ["buckets.bin", "words.marisa"]
        stamp = (folders[0] / "buckets.bin").stat().st_mtime_ns
        frequencies._table.cache_clear()
        assert frequencies.zipf("cluster", "da") == built  # read back, not rebuilt
        assert (folders[0] / "buckets.bin").stat().st_mtime_ns == stamp
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers
    finally:
        frequencies._table.cache_clear()


def test_an_unusable_cache_builds_the_table_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(blocked / "cache"))
    frequencies._table.cache_clear()
    try:
        assert frequencies.zipf("og", "da") == wordfreq.zipf_frequency("og", "da")
    finally:
        frequencies._table.cache_clear()


def test_a_truncated_table_is_not_trusted(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    frequencies._table.cache_clear()
    try:
        frequencies.zipf("og", "da")
        (table,) = tmp_path.glob("wordfreq-buckets-da-*/buckets.bin")
        table.write_bytes(table.read_bytes()[:1000])
        frequencies._table.cache_clear()
        assert frequencies.zipf("og", "da") == wordfreq.zipf_frequency("og", "da")
    finally:
        frequencies._table.cache_clear()


def test_wordfreqs_lists_are_never_loaded() -> None:
    # they cost a second and 55 MB: the tables answer every word in a table language
    import subprocess
    import sys

    code = ("from tmx_export.frequencies import zipf\n"
            "for w in ('the', 'A5', \"l'ardeur\", '𝔘nicode', 'value chain'):\n"
            "    zipf(w, 'en'), zipf(w, 'fr')\n"
            "import sys, wordfreq\n"
            "print(wordfreq.get_frequency_dict.cache_info().currsize,"
            " 'wordfreq' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["0", "True"]  # the tokenizer is used, never a list


def test_a_table_cut_inside_a_bucket_is_not_trusted(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # the buckets are memory-mapped: a file of an odd size is built again, never misread
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    frequencies._table.cache_clear()
    try:
        frequencies.zipf("og", "da")
        (table,) = tmp_path.glob("wordfreq-buckets-da-*/buckets.bin")
        table.write_bytes(table.read_bytes()[:1001])
        frequencies._table.cache_clear()
        assert frequencies.zipf("og", "da") == wordfreq.zipf_frequency("og", "da")
        table.write_bytes(b"")
        frequencies._table.cache_clear()
        assert frequencies.zipf("og", "da") == wordfreq.zipf_frequency("og", "da")
    finally:
        frequencies._table.cache_clear()


@pytest.mark.parametrize("lang", ["fi", "pl", "el", "sh"])
def test_the_top_words_are_wordfreqs_and_kept_in_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    expected = wordfreq.top_n_list(lang, 200)
    assert frequencies.top_words(lang, 200) == expected
    (kept,) = tmp_path.glob(f"wordfreq-top200-{lang}-*/words.txt")
    assert frequencies.top_words(lang, 200) == expected  # read back
    for damaged in (kept.read_bytes()[:100], b"", b"\xff\xfe"):  # cut short, not UTF-8
        kept.write_bytes(damaged)
        assert frequencies.top_words(lang, 200) == expected
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path / "file" / "cache"))
    (tmp_path / "file").write_text("not a folder")
    assert frequencies.top_words(lang, 200) == expected
    with pytest.raises(LookupError):
        frequencies.top_words("xx", 200)


def test_a_concordance_search_does_not_import_wordfreq(tmp_path: Path) -> None:
    # the stop words of Latvian, Finnish, Polish... (wordfreq's 200 most frequent words) cost a
    # search through the index 0.3-0.4 s: importing wordfreq and reading its whole list
    import subprocess
    import sys

    code = ("import sys\n"
            "from tmx_export.terms.languages import term_language\n"
            "from tmx_export.check.concordance import Analyser, Query\n"
            "assert 'un' in term_language('lv').stop\n"
            "Query.compile('Eiropas Savienības', Analyser('en'), Analyser('lv', on_disk=True))\n"
            "print('wordfreq' in sys.modules)\n")
    env = {**os.environ, "TMX_EXPORT_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=env).stdout.split() for _ in range(2)]
    assert runs[1] == ["False"]  # the first run filled the cache
