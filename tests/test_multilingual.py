"""Memories in many languages: ``build --langs`` on real DGT-TM exports (up to 24 languages
per unit, UTF-16, ``lang=``) and on parallel files, one per language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tmx_export.cli import main
from tmx_export.errors import InputError
from tmx_export.formats.rejects import read_rejects
from tmx_export.formats.tmx import XML_LANG, iter_units
from tmx_export.lang import primary
from tmx_export.model import BuildOptions, MultilingualOptions, Pair
from tmx_export.multilingual import build_multilingual, merge_runs

DGT = sorted((Path(__file__).parent / "data" / "tmx" / "dgt-tm").glob("*.tmx"))
LANGS = ("en-GB", "fr-FR", "de-DE")


def _written(path: Path) -> list[dict[str, str]]:
    """Each tu of a TMX as {language: text}, in order of the tuvs."""
    return [{tuv.get(XML_LANG): "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
            for tu in etree.parse(str(path)).iter("tu")]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _originals() -> Iterator[dict[str, str]]:
    """Each unit of the DGT files as {primary language: text} (the first tuv of each)."""
    for path in DGT:
        for unit in iter_units(path):
            texts: dict[str, str] = {}
            for tuv in unit.tuvs:
                texts.setdefault(primary(tuv.lang), " ".join(tuv.text.split()))
            yield texts


def test_three_languages_from_dgt_exports_keep_each_units_texts(tmp_path: Path) -> None:
    out = tmp_path / "dgt.tmx"
    rejects = tmp_path / "rejects.tsv"
    summary = build_multilingual(DGT, out, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(rejects))))
    units = _written(out)
    assert len(units) == summary.units_written >= 130
    header = etree.parse(str(out)).find("header")
    assert header.get("srclang") == "en-GB"
    originals = list(_originals())
    # every language of every unit written is the text that unit had in the export: no
    # text is moved to another unit or another language
    en_fr = {(u["en"], u["fr"]) for u in originals if "en" in u and "fr" in u}
    en_de = {(u["en"], u["de"]) for u in originals if "en" in u and "de" in u}
    for unit in units:
        assert list(unit)[0] == "en-GB" and set(unit) <= set(LANGS)
        assert len(unit) >= 2
        if "fr-FR" in unit:
            assert (_norm(unit["en-GB"]), _norm(unit["fr-FR"])) in en_fr
        if "de-DE" in unit:
            assert (_norm(unit["en-GB"]), _norm(unit["de-DE"])) in en_de
    # most units have all three; some lack French (D0996's units without it are kept)
    assert sum(len(u) == 3 for u in units) >= 0.9 * len(units)
    assert any(len(u) == 2 for u in units)
    assert summary.per_language["de-DE"] == sum("de-DE" in u for u in units)
    # units in English only: one reject each, naming both missing languages
    missing = [r for r in read_rejects(rejects) if r.reason == "missing-target-language"]
    assert missing and all(r.text.startswith("no fr-FR, de-DE tuv") for r in missing)
    only_english = sum(1 for u in originals if "en" in u and "fr" not in u and "de" not in u)
    assert len(missing) == only_english


def test_memories_of_different_datatypes_keep_each_units_own(tmp_path: Path) -> None:
    # LISA's HTML memory in three languages with its plain-text one: the header said
    # datatype="plaintext" and no unit said otherwise (the HTML alone too). As a bilingual
    # build: the shared datatype, else unknown and each unit its memory's
    lisa = Path(__file__).parent / "data" / "tmx" / "lisa-tmx-compliance-kit"
    out = tmp_path / "out.tmx"
    langs = ("en-US", "fr-CA", "en-GB")
    build_multilingual([lisa / "ImportTest1C.tmx", lisa / "ImportTest2A.tmx"], out,
                       MultilingualOptions(langs))
    tree = etree.parse(str(out))
    assert tree.find("header").get("datatype") == "unknown"
    kinds = {(tu.findtext("prop[@type='x-document']").rsplit("/", 1)[-1], tu.get("datatype"))
             for tu in tree.iter("tu")}
    assert kinds == {("ImportTest1C.tmx", "plaintext"), ("ImportTest2A.tmx", "html")}
    build_multilingual([lisa / "ImportTest2A.tmx"], out, MultilingualOptions(langs[:2]))
    tree = etree.parse(str(out))
    assert tree.find("header").get("datatype") == "html"
    assert {tu.get("datatype") for tu in tree.iter("tu")} == {None}


def test_require_all_langs_rejects_units_lacking_one(tmp_path: Path) -> None:
    out = tmp_path / "all.tmx"
    rejects = tmp_path / "rejects.tsv"
    summary = build_multilingual(DGT, out, MultilingualOptions(
        LANGS, require_all=True, build=BuildOptions(rejects_path=str(rejects))))
    units = _written(out)
    assert units and all(len(u) == 3 for u in units)
    incomplete = [r for r in read_rejects(rejects) if r.reason == "missing-languages"]
    assert incomplete and summary.rejects["missing-languages"] == len(incomplete)
    assert all(r.text.startswith("no fr-FR: ") for r in incomplete)


def _write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def test_parallel_files_are_aligned_through_the_source(tmp_path: Path) -> None:
    paragraphs = {
        "en": ["The Commission adopted the report on industrial policy.",
               "The Council met in Brussels on Monday. It discussed the budget for next year.",
               "The Parliament approved the resolution by a large majority."],
        "fr": ["La Commission a adopté le rapport sur la politique industrielle.",
               "Le Conseil s'est réuni à Bruxelles lundi. Il a examiné le budget de l'année "
               "prochaine.",
               "Le Parlement a approuvé la résolution à une large majorité."],
        "de": ["Die Kommission hat den Bericht über die Industriepolitik angenommen.",
               "Der Rat trat am Montag in Brüssel zusammen. Er erörterte den Haushalt für das "
               "nächste Jahr.",
               "Das Parlament hat die Entschließung mit großer Mehrheit angenommen."],
    }
    files = [_write(tmp_path / f"report.{lang}.txt", texts) for lang, texts in paragraphs.items()]
    out = tmp_path / "report.tmx"
    build_multilingual(files, out, MultilingualOptions(LANGS))
    units = _written(out)
    assert all(list(u) == list(LANGS) for u in units)
    assert len(units) == 4  # the second paragraph's two sentences apart, in all languages
    assert units[1] == {"en-GB": "The Council met in Brussels on Monday.",
                        "fr-FR": "Le Conseil s'est réuni à Bruxelles lundi.",
                        "de-DE": "Der Rat trat am Montag in Brüssel zusammen."}
    for lang, tag in zip(paragraphs, LANGS, strict=True):
        assert " ".join(u[tag] for u in units) == " ".join(paragraphs[lang])


def _dgt_paragraphs(langs: tuple[str, ...]) -> list[dict[str, str]]:
    """The units of the DGT-TM exports that have every one of ``langs``, as {tag: text}."""
    return [{lang: texts[primary(lang)] for lang in langs} for texts in _originals()
            if all(primary(lang) in texts for lang in langs)]


def test_a_paragraph_missing_in_one_language_leaves_the_others_merged(tmp_path: Path) -> None:
    """With --align-paragraphs, a French paragraph left out (and a German one further on)
    made every later paragraph's units one language at a time: the languages' paragraph
    numbers counted the pairs, so they no longer met (412 units for 133 paragraphs)."""
    # sentences of some length, each once, before D0996's untranslated titles: no cleaning
    # rule or duplicate takes one out
    paragraphs = list({p["en-GB"]: p for p in _dgt_paragraphs(LANGS)
                       if len(p["en-GB"]) >= 40}.values())[:75]
    assert len(paragraphs) == 75
    dropped = {"fr-FR": 29, "de-DE": 59}
    files = []
    for lang in LANGS:
        lines = [p[lang] for i, p in enumerate(paragraphs) if dropped.get(lang) != i]
        path = tmp_path / f"d.{primary(lang)}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    out = tmp_path / "d.tmx"
    rejects = tmp_path / "rejects.tsv"
    summary = build_multilingual(files, out, MultilingualOptions(
        LANGS, build=BuildOptions(align_paragraphs=True, segment="paragraph",
                                  rejects_path=str(rejects))))
    units = _written(out)
    assert len(units) == summary.units_written == len(paragraphs)
    # each language's own text, all in one unit, but for the two paragraphs dropped
    by_source = {unit["en-GB"]: unit for unit in units}
    for i, paragraph in enumerate(paragraphs):
        assert by_source[paragraph["en-GB"]] == {
            lang: paragraph[lang] for lang in LANGS if dropped.get(lang) != i}
    assert sorted((r.line, r.reason) for r in read_rejects(rejects)) == [
        (30, "unaligned-paragraph: fr-FR"), (60, "unaligned-paragraph: de-DE")]


ITALIAN_REPORT = {
    "en": ["The Commission adopted the report on industrial policy.",
           "The Parliament approved the resolution by a large majority."],
    "it": ["La Commissione ha adottato la relazione sulla politica industriale.",
           "Il Parlamento ha approvato la risoluzione a larga maggioranza."],
}


@pytest.mark.parametrize("langs", ["en-GB,it-IT,it-CH", "en-GB,it-IT,it"])
def test_a_file_named_with_a_language_two_tags_share_is_refused(tmp_path: Path,
                                                                langs: str) -> None:
    """report.it.txt with --langs en-GB,it-IT,it-CH was written as both, the same Italian
    text under each tag, as tables refuse to."""
    files = [_write(tmp_path / f"report.{lang}.txt", texts)
             for lang, texts in ITALIAN_REPORT.items()]
    out = tmp_path / "report.tmx"
    result = CliRunner().invoke(main, ["build", *map(str, files), "-o", str(out),
                                       "--langs", langs])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "report.it.txt: the name says it" in result.output
    assert "cannot be known" in result.output and not out.exists()


def test_files_named_with_whole_regional_tags_are_each_their_own(tmp_path: Path) -> None:
    swiss = [text.replace("Commissione", "Commissione svizzera")
             for text in ITALIAN_REPORT["it"]]
    files = [_write(tmp_path / "report.en.txt", ITALIAN_REPORT["en"]),
             _write(tmp_path / "report.it-IT.txt", ITALIAN_REPORT["it"]),
             _write(tmp_path / "report.it-CH.txt", swiss)]
    out = tmp_path / "report.tmx"
    rejects = tmp_path / "rejects.tsv"
    build_multilingual(files, out, MultilingualOptions(
        ("en-GB", "it-IT", "it-CH"), build=BuildOptions(rejects_path=str(rejects))))
    units = _written(out)
    assert [u["it-IT"] for u in units] == ITALIAN_REPORT["it"]
    assert [u["it-CH"] for u in units] == swiss
    assert list(read_rejects(rejects)) == []  # neither file is read as the other's


def _unit(source: str, target: str, lang: str, paragraph: int = 1) -> Pair:
    return Pair(source, target, "en-GB", lang, file="report.en.txt", line=1,
                paragraph=paragraph)


def test_merge_cuts_where_every_language_has_a_bead_ending() -> None:
    # French made one unit of the two sentences (2-1), German two (1-1, 1-1), and the third
    # sentence is one unit in both: the memory has two units, the first with both sentences.
    runs = [
        ("fr-FR", [_unit("A one. B two.", "X un et deux.", "fr-FR"),
                   _unit("C three.", "Y trois.", "fr-FR")]),
        ("de-DE", [_unit("A one.", "P eins.", "de-DE"), _unit("B two.", "Q zwei.", "de-DE"),
                   _unit("C three.", "R drei.", "de-DE")]),
    ]
    merged = list(merge_runs("en-GB", runs))
    assert [u.texts for u in merged] == [
        {"en-GB": "A one. B two.", "fr-FR": "X un et deux.", "de-DE": "P eins. Q zwei."},
        {"en-GB": "C three.", "fr-FR": "Y trois.", "de-DE": "R drei."},
    ]
    # a paragraph German has no unit for: written in French alone
    runs[0][1].append(_unit("D four.", "Z quatre.", "fr-FR", paragraph=2))
    assert list(merge_runs("en-GB", runs))[-1].texts == {"en-GB": "D four.",
                                                         "fr-FR": "Z quatre."}
    # languages that disagree on a paragraph's source are not merged: each on its own
    disagree = [("fr-FR", [_unit("A one.", "X un.", "fr-FR")]),
                ("de-DE", [_unit("A one. B two.", "P eins. Q zwei.", "de-DE")])]
    assert [u.texts for u in merge_runs("en-GB", disagree)] == [
        {"en-GB": "A one.", "fr-FR": "X un."},
        {"en-GB": "A one. B two.", "de-DE": "P eins. Q zwei."}]


def test_a_variant_is_written_beside_the_unit_merged_without_it(tmp_path: Path) -> None:
    # DGT-TM 22019D0391 with a second French tuv (a variant) in its first unit: the first
    # French tuv is merged with English and German as without the variant, and the variant
    # is written in a unit of its own with its source, not dropped, nor splitting the unit
    original = next(p for p in DGT if p.name == "22019D0391.tmx")
    text = original.read_text(encoding="utf-16")
    start = text.index('<tuv lang="FR-FR">')
    end = text.index("</tuv>", start) + len("</tuv>")
    variant = text[start:end].replace("<seg>Décision", "<seg>Variante de la décision", 1)
    assert variant != text[start:end]
    path = tmp_path / "variant.tmx"
    path.write_text(text[:end] + "\n" + variant + text[end:], encoding="utf-16")
    plain, with_variant = tmp_path / "plain.tmx", tmp_path / "with.tmx"
    build_multilingual([original], plain, MultilingualOptions(LANGS))
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(with_variant),
                                       "--langs", ",".join(LANGS)])
    assert result.exit_code == 0, result.output
    # as build says it: the two French units compete for one English source
    assert ("1 tu held several fr-FR variants: a unit written for each (competing "
            "translations of one source)") in result.output
    before, after = _written(plain), _written(with_variant)
    assert after[0] == before[0] and len(after[0]) == 3  # English, French, German
    assert after[1] == {"en-GB": before[0]["en-GB"],
                        "fr-FR": before[0]["fr-FR"].replace("Décision", "Variante de la "
                                                            "décision", 1)}
    assert after[2:] == before[1:]


def test_translate_toolkit_reads_the_memory_in_each_language(tmp_path: Path) -> None:
    from translate.storage.tmx import tmxfile

    out = tmp_path / "dgt.tmx"
    build_multilingual(DGT, out, MultilingualOptions(LANGS))
    units = _written(out)
    for target in ("fr-FR", "de-DE"):
        store = tmxfile(out.read_bytes(), sourcelanguage="en-GB", targetlanguage=target)
        read = [(u.source, u.target or "") for u in store.units]
        assert len(read) == len(units)
        expected = [(u["en-GB"], u.get(target, "")) for u in units]
        assert read == expected


def test_cli_langs_and_its_refusals(tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                  "en-GB,fr-FR,de-DE", "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(_written(out)) >= 130
    out.unlink()
    bad = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs", "en-GB,xx-QQ"])
    assert bad.exit_code == 1 and not out.exists()
    assert bad.output.startswith("tmx-export: error: --langs: ") and bad.output.count("\n") == 1
    one = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs", "en-GB"])
    assert one.exit_code == 1 and "at least two languages" in one.output
    twice = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs",
                                 "en-GB,fr-FR,fr-fr"])
    assert twice.exit_code == 1 and "given twice" in twice.output
    alone = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--require-all-langs"])
    assert alone.exit_code == 2 and not out.exists()
    # --source-lang beside --langs was ignored: the memory came out in en-GB as --langs
    # said, the en-US asked for nowhere
    for named in (["--source-lang", "en-US"], ["--target-lang", "fr-FR"]):
        both = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs",
                                    "en-GB,fr-FR,de-DE", *named])
        assert both.exit_code == 2 and not out.exists()
        assert "Error: --langs names every language, the source first: give it without " \
            "--source-lang and --target-lang" in both.output


def test_a_dump_is_refused_in_more_than_two_languages(tmp_path: Path) -> None:
    """Every language's run reads a dump: an EN-FR dump read as EN-DE was refused as "the
    target text reads as fr, not de-DE", naming no cause. It is refused before any work,
    naming --langs; in two languages it is read."""
    dump = Path(__file__).parent / "data" / "ep-industrial-policy-34.txt"
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(dump), str(DGT[0]), "-o", str(out), "--langs",
                                  "en-GB,fr-FR,de-DE"])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "ep-industrial-policy-34.txt: a dump holds two languages" in result.output
    assert "--langs en-GB,fr-FR,de-DE" in result.output and not out.exists()
    two = runner.invoke(main, ["build", str(dump), "-o", str(out), "--langs", "en-GB,fr-FR",
                               "--quiet"])
    assert two.exit_code == 0 and _written(out), two.output


def test_no_unit_in_the_languages_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    with pytest.raises(InputError, match="no unit to write"):
        build_multilingual(DGT[:1], out, MultilingualOptions(("en-GB", "is-IS")))
    assert not out.exists()


def test_a_language_no_input_holds_is_refused_not_written_as_none(tmp_path: Path) -> None:
    # DGT-TM holds 23 languages, not Icelandic: the memory "in en-GB, fr-FR, is-IS" was
    # written with "is-IS: 0 units", exit 0 (is typed for it: Italian silently missing)
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                  "en-GB,fr-FR,is-IS"])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("tmx-export: error: --langs: no input holds is-IS; "
                                    "the units hold EN-GB, DE-DE")
    assert "IT-IT" in result.output and not out.exists()
    # parallel files in English and French, a table without a Spanish column: refused
    # before any of them is read
    en = tmp_path / "doc.en.txt"
    en.write_text("The sitting is closed.\n", encoding="utf-8")
    (tmp_path / "doc.fr.txt").write_text("La séance est levée.\n", encoding="utf-8")
    table = tmp_path / "t.tsv"
    table.write_text("en-GB\tfr-FR\nThe sitting is closed.\tLa séance est levée.\n",
                     encoding="utf-8")
    heard: list[str] = []
    for given in (en, table):
        with pytest.raises(InputError, match="^--langs: no input holds es-ES: "):
            build_multilingual([given], out, MultilingualOptions(("en-GB", "fr-FR", "es-ES")),
                               progress=lambda name, size: heard.append(name))
        assert not out.exists() and heard == []


def test_progress_hears_each_language_pass(tmp_path: Path) -> None:
    heard: list[str] = []
    build_multilingual(DGT, tmp_path / "out.tmx", MultilingualOptions(LANGS),
                       progress=lambda name, size: heard.append(name))
    assert sorted(heard) == sorted(map(str, DGT * 2))  # every file, once per language


EU_LANGUAGES = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()


@pytest.mark.parametrize("profile", ["generic", "omegat", "memoq", "trados"])
def test_every_eu_language_has_a_code_in_every_profile(profile: str) -> None:
    from tmx_export.formats.profiles import PROFILES, lang_code

    for lang in EU_LANGUAGES:
        region = {"en": "GB", "el": "GR", "cs": "CZ", "da": "DK", "et": "EE", "ga": "IE",
                  "sl": "SI", "sv": "SE"}.get(lang, lang.upper())
        tag = f"{lang}-{region}"
        code = lang_code(tag, PROFILES[profile])
        assert primary(code) == lang  # OmegaT matches on the primary subtag
        if profile == "trados":  # Trados wants a region: a bare code is refused, with why
            with pytest.raises(ValueError):
                lang_code(lang, PROFILES[profile])
        else:
            assert primary(lang_code(lang, PROFILES[profile])) == lang


def test_refusals_come_before_any_work_and_leave_no_file(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.tsv"
    runner = CliRunner()
    # an output that cannot be written: refused with the first language's checks, and the
    # rejects report is not written either
    result = runner.invoke(main, ["build", str(DGT[0]), "-o", str(tmp_path / "no" / "x.tmx"),
                                  "--langs", "en-GB,fr-FR", "--rejects", str(rejects)])
    assert result.exit_code == 1 and "directory does not exist" in result.output
    assert not rejects.exists()
    # a code the profile cannot spell names --langs
    out = tmp_path / "out.tmx"
    result = runner.invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs", "en,fr",
                                  "--profile", "trados", "--rejects", str(rejects)])
    assert result.exit_code == 1 and result.output.startswith("tmx-export: error: --langs: ")
    assert not out.exists() and not rejects.exists()


LISA = Path(__file__).parent / "data" / "tmx" / "lisa-tmx-compliance-kit"


def test_a_tag_held_exactly_is_never_given_to_another_language_too(tmp_path: Path) -> None:
    # ImportTest1C: en-US, en-GB, ja-JP, fr-CA, es-ES in every unit. fr-CA and en-GB are
    # asked: their texts are theirs alone, fr-FR (not in the file) gets none
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out),
                                  "--langs", "en-US,fr-FR,fr-CA,en-GB", "--no-clean", "all"])
    assert result.exit_code == 1 and "no input holds fr-FR" in result.output
    assert not out.exists()
    result = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out),
                                  "--langs", "en-US,fr-CA,en-GB", "--no-clean", "all"])
    assert result.exit_code == 0, result.output
    units = _written(out)
    assert [list(unit) for unit in units] == [["en-US", "fr-CA", "en-GB"]] * 3
    assert all(len(set(unit.values())) == 3 for unit in units)
    assert "read as" not in result.output
    # fr-FR asked without fr-CA: the fr-CA text is French's, and the summary says it
    result = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out),
                                  "--langs", "en-US,fr-FR,es-ES", "--no-clean", "all"])
    assert result.exit_code == 0, result.output
    assert [unit["fr-FR"] for unit in _written(out)] == [
        f"{n} entry in French Canadian" for n in ("First", "Second", "Third")]
    assert "3 fr-CA units read as fr-FR (the language asked)" in result.output
    # fr-FR and fr-BE asked, fr-CA held: which one it is cannot be known
    result = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out),
                                  "--langs", "en-US,fr-FR,fr-BE", "--no-clean", "all"])
    assert result.exit_code == 1 and "no input holds fr-FR" in result.output
    assert "fr-ca is read as fr-FR only when no other language asked shares" in result.output


def test_a_source_held_under_another_tag_asked_is_refused_with_true_counts(tmp_path: Path
                                                                          ) -> None:
    # ImportTest1A holds en-US and fr-CA: en-GB asked as the source and en-US as a target,
    # the en-US text is en-US's, not also the source's: no unit has the source
    out, rejects = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    args = ["build", str(LISA / "ImportTest1A.tmx"), "-o", str(out), "--langs",
            "en-GB,en-US,fr-CA", "--rejects", str(rejects)]
    runner = CliRunner()
    refused = runner.invoke(main, args)
    assert refused.exit_code == 1 and "(2 missing-source-language;" in refused.output
    assert not out.exists() and not rejects.exists()
    empty = runner.invoke(main, [*args, "--allow-empty"])
    assert empty.exit_code == 0 and "0 units written" in empty.output
    assert [r.reason for r in read_rejects(rejects)] == ["missing-source-language"] * 2


def _tu(codes: tuple[str, str, str]) -> str:
    """A three-language unit whose segments each hold the inline code ``<ph>`` given."""
    texts = ("Press {}Enter now.", "Appuyez sur {}Entrée maintenant.",
             "Drücken Sie {}jetzt Eingabe.")
    segs = [text.format(f'<ph x="1">{code}</ph>') for text, code in zip(texts, codes,
                                                                          strict=True)]
    return "<tu>" + "".join(f'<tuv xml:lang="{lang}"><seg>{seg}</seg></tuv>'
                            for lang, seg in zip(LANGS, segs, strict=True)) + "</tu>\n"


def test_units_differing_in_inline_codes_are_kept_and_duplicates_reported(
        tmp_path: Path) -> None:
    # as a bilingual build judges them: <b> and <i> around the same words are two units,
    # and the repeat of a unit is a "duplicate" reject, not dropped without a word
    bold, italic = ("&lt;b&gt;",) * 3, ("&lt;i&gt;",) * 3
    path = tmp_path / "codes.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                    '<header srclang="en-GB" segtype="sentence" datatype="plaintext" '
                    'o-tmf="t" adminlang="en" creationtool="t" creationtoolversion="1"/>'
                    '<body>\n' + _tu(bold) + _tu(italic) + _tu(bold) + "</body></tmx>\n",
                    encoding="utf-8")
    out, rejects = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--langs",
                                       ",".join(LANGS), "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    segs = [etree.tostring(seg, encoding="unicode")
            for seg in etree.parse(str(out)).iter("seg")]
    assert len(segs) == 6 and all("<ph" in seg for seg in segs)
    assert sum("&lt;i&gt;" in seg for seg in segs) == 3
    reported = read_rejects(rejects)
    assert [(r.line, r.reason) for r in reported] == [(5, "duplicate")]
    assert reported[0].text == ("Press Enter now.\tAppuyez sur Entrée maintenant.\t"
                                "Drücken Sie jetzt Eingabe.")
    assert "1 duplicate not written again" in result.output
    bilingual = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "bi.tmx")])
    assert "2 units written" in bilingual.output  # the same judgement as one pair


def test_codes_with_their_attributes_in_another_order_are_one_unit_as_merge_judges_them(
        tmp_path: Path) -> None:
    # <ph x="1" type="b"/> and <ph type="b" x="1"/> are the same code (XML gives attributes
    # no order): build, with --langs or without, and merge all write the unit once
    first = _tu(("",) * 3).replace('<ph x="1">', '<ph x="1" type="lb">')
    second = first.replace('<ph x="1" type="lb">', '<ph type="lb" x="1">')
    path = tmp_path / "codes.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                    '<header srclang="en-GB" segtype="sentence" datatype="plaintext" '
                    'o-tmf="t" adminlang="en" creationtool="t" creationtoolversion="1"/>'
                    '<body>\n' + first + second + "</body></tmx>\n", encoding="utf-8")
    runner = CliRunner()
    for extra in ([], ["--langs", ",".join(LANGS)]):
        out, rejects = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
        result = runner.invoke(main, ["build", str(path), "-o", str(out), "--rejects",
                                      str(rejects), *extra])
        assert result.exit_code == 0, result.output
        assert len(list(etree.parse(str(out)).iter("tu"))) == 1, extra
        assert [(r.line, r.reason) for r in read_rejects(rejects)] == [(4, "duplicate")]
    merged = runner.invoke(main, ["merge", str(path), "-o", str(tmp_path / "merged.tmx")])
    assert merged.exit_code == 0, merged.output
    assert "1 unit written" in merged.output


def test_memoq_profile_refuses_more_than_two_languages_before_any_work(tmp_path: Path
                                                                      ) -> None:
    # memoQ imports two languages per unit: a third would be a tuv it cannot map
    out, rejects = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    runner = CliRunner()
    refused = runner.invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                   ",".join(LANGS), "--profile", "memoq",
                                   "--rejects", str(rejects)])
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert refused.output.startswith("tmx-export: error: --langs: 3 languages")
    assert "--langs en-GB,fr-FR and --langs en-GB,de-DE" in refused.output
    assert not out.exists() and not rejects.exists()
    two = runner.invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                               "en-GB,fr-FR", "--profile", "memoq", "--quiet"])
    assert two.exit_code == 0, two.output
    assert {len(unit) for unit in _written(out)} == {2}


def test_a_table_without_one_language_is_written_without_it(tmp_path: Path) -> None:
    """Tables in a directory: one holds English, French and German, another only English
    and French. The second one's units are written without German (or rejected with
    --require-all-langs), not the run refused; a table with none of the targets is."""
    from tmx_export.formats.tmx import read_tmx

    rows = [(p.source, p.target) for p in read_tmx(DGT[0], source_lang="en-GB",
                                                  target_lang="fr-FR").pairs[:5]]
    german = {p.source: p.target for p in read_tmx(DGT[0], source_lang="en-GB",
                                                   target_lang="de-DE").pairs}
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.tsv").write_text("en\tfr\tde\n" + "".join(
        f"{en}\t{fr}\t{german[en]}\n" for en, fr in rows[:3]), encoding="utf-8")
    (folder / "b.tsv").write_text("en\tfr\n" + "".join(
        f"{en}\t{fr}\n" for en, fr in rows[3:]), encoding="utf-8")
    out, rejects = tmp_path / "m.tmx", tmp_path / "r.tsv"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(folder), "-o", str(out), "--langs",
                                  "en-GB,fr-FR,de-DE"])
    assert result.exit_code == 0, result.output
    written = _written(out)
    assert [sorted(unit) for unit in written] == [["de-DE", "en-GB", "fr-FR"]] * 3 + [
        ["en-GB", "fr-FR"]] * 2
    assert [(u["en-GB"], u["fr-FR"]) for u in written] == rows
    strict = runner.invoke(main, ["build", str(folder), "-o", str(out), "--langs",
                                  "en-GB,fr-FR,de-DE", "--require-all-langs",
                                  "--rejects", str(rejects)])
    assert strict.exit_code == 0, strict.output
    assert len(_written(out)) == 3
    assert [(r.file, r.line, r.reason) for r in read_rejects(rejects)] == [
        (str(folder / "b.tsv"), 2, "missing-languages"),
        (str(folder / "b.tsv"), 3, "missing-languages")]
    # a table with the source and no language asked for: refused, naming it
    (folder / "b.tsv").write_text("en\tes\n" + "".join(f"{en}\tx\n" for en, _ in rows[3:]),
                                  encoding="utf-8")
    refused = runner.invoke(main, ["build", str(folder), "-o", str(out), "--langs",
                                   "en-GB,fr-FR,de-DE"])
    assert refused.exit_code == 1
    assert refused.output.startswith(f"tmx-export: error: {folder / 'b.tsv'}:1: no column")


def test_a_workbooks_later_sheet_gives_its_languages_beside_a_first_with_fewer(
        tmp_path: Path) -> None:
    """A workbook's first sheet in English and French, its second in English, French and
    German: the German texts were lost (only the first sheet's header was asked which
    languages the workbook holds), and the second sheet's row 2 was merged with the
    first's row 2, then rejected as its duplicate."""
    import openpyxl

    from tmx_export.formats.tmx import read_tmx

    pairs = read_tmx(DGT[0], source_lang="en-GB", target_lang="fr-FR").pairs
    german = {p.source: p.target for p in read_tmx(DGT[0], source_lang="en-GB",
                                                   target_lang="de-DE").pairs}
    rows = [(p.source, p.target, german[p.source]) for p in pairs if p.source in german][:3]
    book = openpyxl.Workbook()
    first = book.active
    first.title = "EN-FR"
    first.append(["en-GB", "fr-FR"])
    first.append(list(rows[0][:2]))
    both = book.create_sheet("ALL")
    both.append(["en-GB", "fr-FR", "de-DE"])
    for row in rows:
        both.append(list(row))
    book.save(tmp_path / "two.xlsx")
    out, rejects = tmp_path / "m.tmx", tmp_path / "r.tsv"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "two.xlsx"), "-o", str(out),
                                       "--langs", "en-GB,fr-FR,de-DE",
                                       "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    written = [(u["en-GB"], u["fr-FR"], u.get("de-DE")) for u in _written(out)]
    assert written == [(*rows[0][:2], None), *rows]
    # the first sheet lacks German, but the French run read it: no reject says otherwise
    assert read_rejects(rejects) == []


def test_a_workbook_of_one_sheet_per_pair_headed_by_roles(tmp_path: Path) -> None:
    # A client's workbook of one sheet per pair, "EN-DE", "EN-IT", "EN-SV", each headed
    # "Source" / "Target" (DGT-TM 2019 rows): the bilingual runs read each sheet by its
    # name, but --langs refused the workbook ("column 'Target' would be read as de-DE and
    # it-IT and sv-SE"), though each sheet's name says which language its column holds.
    import openpyxl

    from tmx_export.formats.tmx import read_tmx

    langs = ("de-DE", "it-IT", "sv-SE")
    texts = [{p.source: p.target for p in read_tmx(DGT[1], source_lang="en-GB",
                                                   target_lang=lang).pairs} for lang in langs]
    sources = [source for source in texts[0] if all(source in t for t in texts)][:3]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for lang, translated in zip(langs, texts, strict=True):
        sheet = book.create_sheet(f"EN-{primary(lang).upper()}")
        sheet.append(["Source", "Target"])
        for source in sources:
            sheet.append([source, translated[source]])
    book.save(tmp_path / "pairs.xlsx")
    out, rejects = tmp_path / "m.tmx", tmp_path / "r.tsv"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "pairs.xlsx"), "-o", str(out),
                                       "--langs", "en-GB," + ",".join(langs),
                                       "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert _written(out) == [{"en-GB": source, **{lang: translated[source] for lang,
                                                  translated in zip(langs, texts, strict=True)}}
                             for source in sources]
    assert read_rejects(rejects) == []


BUNDLED_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.txt" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
<body><trans-unit id="1"><source>The committee met today.</source>
<target>Le comité s'est réuni aujourd'hui.</target></trans-unit></body></file>
<file original="b.txt" source-language="en-GB" target-language="de-DE" datatype="plaintext">
<body><trans-unit id="1"><source>The report was adopted.</source>
<target>Der Bericht wurde angenommen.</target></trans-unit></body></file>
<file original="c.txt" source-language="fr-FR" target-language="en-GB" datatype="plaintext">
<body><trans-unit id="1"><source>La séance est levée.</source>
<target>The sitting is closed.</target></trans-unit></body></file>
<file original="d.txt" source-language="en-GB" target-language="es-ES" datatype="plaintext">
<body><trans-unit id="1"><source>The vote will take place tomorrow.</source>
<target>La votación tendrá lugar mañana.</target></trans-unit></body></file>
</xliff>
"""


def test_xliff_files_in_several_pairs_are_written_not_also_rejected(tmp_path: Path) -> None:
    # each <file>'s unit is read by the run in its languages (the French-English one the
    # other way round); the other runs' "other-languages" rejects of it are not reported.
    # The Spanish unit, in no run's languages, is one reject: 4 read = 3 written + 1.
    xliff = tmp_path / "bundle.xlf"
    xliff.write_text(BUNDLED_XLIFF, encoding="utf-8")
    out, rejects = tmp_path / "m.tmx", tmp_path / "r.tsv"
    result = CliRunner().invoke(main, ["build", str(xliff), "-o", str(out), "--langs",
                                       "en-GB,fr-FR,de-DE", "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert sorted(unit["en-GB"] for unit in _written(out)) == [
        "The committee met today.", "The report was adopted.", "The sitting is closed."]
    assert [(r.line, r.reason) for r in read_rejects(rejects)] == [(13, "other-languages")]
    assert "1 rejected" in result.output and "other-languages" in result.output


TRANSLATED = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" segtype="sentence" datatype="plaintext"
 o-tmf="OmegaT TMX" adminlang="EN-US" creationtool="OmegaT" creationtoolversion="4.3.2"/>
<body>
<tu tuid="ep-17" creationdate="20190312T101500Z" creationid="MARIE"
 changedate="20200105T143000Z" changeid="JAN" usagecount="4">
<prop type="x-project">Industrial policy</prop><prop type="x-domain">EU</prop>
<prop type="x-domain">Economy</prop><note>Checked against the Official Journal.</note>
<tuv xml:lang="en-GB" creationid="MARIE"><prop type="reviewed">yes</prop>
<seg>The Commission adopted the report.</seg></tuv>
<tuv xml:lang="fr-FR" changedate="20200105T143000Z" changeid="JAN">
<note>Terminologie validée</note><seg>La Commission a adopté le rapport.</seg></tuv>
<tuv xml:lang="de-DE" creationid="KLAUS" usagecount="2"><prop type="x-origin">MT</prop>
<seg>Die Kommission hat den Bericht angenommen.</seg></tuv></tu>
<tu tuid="ep-18" creationdate="20190312T101600Z" creationid="MARIE" segtype="paragraph">
<tuv xml:lang="en-GB"><seg>The Council met. It adopted the budget.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Le Conseil s'est réuni. Il a adopté le budget.</seg></tuv>
<tuv xml:lang="de-DE" changeid="KLAUS">
<seg>Der Rat trat zusammen. Er nahm den Haushalt an.</seg></tuv></tu>
</body></tmx>
"""


def _c14n(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n")


def test_a_translators_metadata_survives_a_multilingual_rebuild(tmp_path: Path) -> None:
    # each tu as a two-language build of the same TMX writes it: the tu's dates, authors,
    # usage and segtype, its file tuid (x-tuid), props (a repeated type too) and notes,
    # and each tuv with its own attributes, props and notes, under its own language
    path = tmp_path / "translated.tmx"
    path.write_text(TRANSLATED, encoding="utf-8")
    runner = CliRunner()
    multi = tmp_path / "multi.tmx"
    result = runner.invoke(main, ["build", str(path), "-o", str(multi), "--langs",
                                  ",".join(LANGS), "-q"])
    assert result.exit_code == 0, result.output
    written = list(etree.parse(str(multi)).iter("tu"))
    assert len(written) == 2
    for target in LANGS[1:]:
        pair = tmp_path / f"{target}.tmx"
        result = runner.invoke(main, ["build", str(path), "-o", str(pair), "--source-lang",
                                      LANGS[0], "--target-lang", target, "-q"])
        assert result.exit_code == 0, result.output
        for tu, two in zip(written, etree.parse(str(pair)).iter("tu"), strict=True):
            assert dict(tu.attrib) == dict(two.attrib)
            assert ([_c14n(e) for e in tu if e.tag != "tuv"]
                    == [_c14n(e) for e in two if e.tag != "tuv"])
            tuvs = {tuv.get(XML_LANG): _c14n(tuv) for tuv in tu.iter("tuv")}
            assert [tuvs[tuv.get(XML_LANG)] for tuv in two.iter("tuv")] == [
                _c14n(tuv) for tuv in two.iter("tuv")]
    first, second = written
    assert first.get("creationid") == "MARIE" and first.get("usagecount") == "4"
    assert first.find("tuv[3]").get("creationid") == "KLAUS"
    assert first.findtext("note") == "Checked against the Official Journal."
    assert second.get("segtype") == "paragraph"


def test_max_units_lists_the_parts_and_those_an_earlier_run_left(tmp_path: Path) -> None:
    # as a two-language build: the parts written are listed, and a part an earlier, larger
    # run left (its units would count twice in a CAT tool's TM folder) is removed and named
    out = tmp_path / "dgt.tmx"
    runner = CliRunner()
    args = ["-o", str(out), "--langs", ",".join(LANGS), "--max-units", "40"]
    first = runner.invoke(main, ["build", *map(str, DGT), *args])
    assert first.exit_code == 0, first.output
    parts = sorted(tmp_path.glob("dgt-*.tmx"))
    assert len(parts) > 2 and f"written to {len(parts)} files in 3 languages" in first.output
    assert all(f"  {part}\n" in first.output for part in parts)
    assert "removed" not in first.output
    smaller = runner.invoke(main, ["build", str(DGT[0]), *args])
    assert smaller.exit_code == 0, smaller.output
    left = sorted(tmp_path.glob("dgt-*.tmx"))
    assert len(left) < len(parts)
    stale = [str(part) for part in parts if part not in left]
    assert f"removed {len(stale)} parts of an earlier run of this output:\n" in smaller.output
    assert smaller.output.split("of this output:\n", 1)[1].split("\n")[:len(stale)] == [
        f"  {name}" for name in stale]
    to_stdout = runner.invoke(main, ["build", str(DGT[0]), "-o", "-", "--langs",
                                     ",".join(LANGS), "--max-units", "40"])
    assert to_stdout.exit_code == 2 and "--max-units needs a file name" in to_stdout.output


def _kinds(path: Path, target: str) -> dict[tuple[str, str], str]:
    """Each unit's (source, ``target``) texts and its kind: its tu's segtype, else the
    header's."""
    tree = etree.parse(str(path))
    header = tree.find("header").get("segtype")
    return {(texts[LANGS[0]], texts[target]): tu.get("segtype") or header
            for tu, texts in zip(tree.iter("tu"), _written(path), strict=True)
            if target in texts}


@pytest.mark.parametrize("profile", ["omegat", "generic"])
def test_header_and_unit_segtypes_are_a_two_language_builds(tmp_path: Path,
                                                            profile: str) -> None:
    # OmegaT 3.6 reads only the header's segtype: with --profile omegat it is "paragraph"
    # whatever the inputs declare (DGT-TM: sentence), and units of another kind say their
    # own on the tu, as a two-language build writes them; a unit of several sentences
    # says "paragraph" in every profile (the second unit of TRANSLATED, here without a
    # segtype of its own)
    translated = tmp_path / "translated.tmx"
    translated.write_text(TRANSLATED.replace(' segtype="paragraph"', ""), encoding="utf-8")
    inputs = [str(DGT[0]), str(translated)]
    runner = CliRunner()
    multi = tmp_path / "multi.tmx"
    result = runner.invoke(main, ["build", *inputs, "-o", str(multi), "--profile",
                                  profile, "-q", "--langs", ",".join(LANGS)])
    assert result.exit_code == 0, result.output
    header = etree.parse(str(multi)).find("header").get("segtype")
    assert header == {"omegat": "paragraph", "generic": "sentence"}[profile]
    multi_kinds = {}
    for target in LANGS[1:]:
        pair = tmp_path / f"{target}.tmx"
        result = runner.invoke(main, ["build", *inputs, "-o", str(pair), "--profile",
                                      profile, "-q", "--source-lang", LANGS[0],
                                      "--target-lang", target, "--keep-duplicates"])
        assert result.exit_code == 0, result.output
        assert etree.parse(str(pair)).find("header").get("segtype") == header
        pair_kinds = _kinds(pair, target)
        multi_kinds = _kinds(multi, target)
        assert multi_kinds and all(pair_kinds[texts] == kind
                                   for texts, kind in multi_kinds.items())
    assert set(multi_kinds.values()) == {"sentence", "paragraph"}


def test_a_regional_column_or_file_is_only_its_own_language_when_another_shares_it(
        tmp_path: Path) -> None:
    # as for a TMX (ImportTest1C above): a table's fr-CA column and an XLIFF in en-GB ->
    # fr-CA give fr-CA its texts and fr-FR none when both are asked; with fr-FR and fr-BE
    # asked, which one fr-CA is cannot be known: refused, nothing written
    from tmx_export.formats.tmx import read_tmx

    pairs = read_tmx(DGT[0], source_lang="en-GB", target_lang="fr-FR").pairs[:3]
    german = {p.source: p.target for p in read_tmx(DGT[0], source_lang="en-GB",
                                                   target_lang="de-DE").pairs}
    table = tmp_path / "canada.tsv"
    table.write_text("en-GB\tfr-CA\tde-DE\n" + "".join(
        f"{p.source}\t{p.target}\t{german[p.source]}\n" for p in pairs), encoding="utf-8")
    xliff = tmp_path / "canada.xlf"
    xliff.write_text(BUNDLED_XLIFF.split("<file", 2)[0] + "<file"
                     + BUNDLED_XLIFF.split("<file", 2)[1].replace('"fr-FR"', '"fr-CA"')
                     + "</xliff>\n", encoding="utf-8")
    runner = CliRunner()
    for path, count in ((table, 3), (xliff, 1)):
        out = tmp_path / f"{path.suffix[1:]}.tmx"
        result = runner.invoke(main, ["build", str(path), "-o", str(out), "--langs",
                                      "en-GB,fr-FR,fr-CA,de-DE"])
        # fr-FR asked, none held: refused, not written with "fr-FR: 0 units"
        assert result.exit_code == 1 and "no input holds " in result.output
        result = runner.invoke(main, ["build", str(path), "-o", str(out), "--langs",
                                      "en-GB,fr-CA,de-DE" if path == table else "en-GB,fr-CA"])
        assert result.exit_code == 0, result.output
        written = _written(out)
        assert len(written) == count and all("fr-FR" not in unit for unit in written)
        assert f"fr-CA: {count} unit" in result.output
        if path == table:
            assert [(u["en-GB"], u["fr-CA"], u["de-DE"]) for u in written] == [
                (p.source, p.target, german[p.source]) for p in pairs]
        else:
            assert written == [{"en-GB": "The committee met today.",
                                "fr-CA": "Le comité s'est réuni aujourd'hui."}]
        unknown = tmp_path / "unknown.tmx"
        refused = runner.invoke(main, ["build", str(path), "-o", str(unknown), "--langs",
                                       "en-GB,fr-FR,fr-BE"])
        assert refused.exit_code == 1 and refused.output.count("\n") == 1
        assert "fr-CA" in refused.output and not unknown.exists()


def test_an_xliff_in_one_of_the_languages_is_written_without_the_others(
        tmp_path: Path) -> None:
    # an XLIFF in en-GB -> de-DE (the one pair most XLIFF files hold) beside a TMX in
    # English and French: its unit is written in English and German, as a TMX unit
    # lacking French is, not the whole run refused
    xliff = tmp_path / "report.xlf"
    xliff.write_text(BUNDLED_XLIFF.split("<file", 2)[0] + "<file"
                     + BUNDLED_XLIFF.split("<file", 3)[2] + "</xliff>\n", encoding="utf-8")
    out = tmp_path / "m.tmx"
    result = CliRunner().invoke(main, ["build", str(xliff), str(LISA / "ImportTest1A.tmx"),
                                       "-o", str(out), "--langs", "en-US,fr-CA,de-DE",
                                       "--no-clean", "all"])
    assert result.exit_code == 0, result.output
    written = _written(out)
    assert {"en-US": "The report was adopted.",
            "de-DE": "Der Bericht wurde angenommen."} in written
    assert sum(sorted(unit) == ["en-US", "fr-CA"] for unit in written) == 2


def test_an_xliff_whose_targets_say_their_language_is_read_by_that_run(
        tmp_path: Path) -> None:
    # target-language is optional in XLIFF 1.2: the targets' own xml:lang says what they
    # are in (read_ttk reads it), but --langs looked only at <file> and refused the file as
    # naming no target language. The unit without a target needs none.
    xliff = tmp_path / "hu.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:'
        'tc:xliff:document:1.2">\n<file original="a" source-language="en-GB" datatype="x">'
        '<body>\n<trans-unit id="1"><source>The sitting is closed.</source>\n<target '
        'xml:lang="hu-HU">Az ülést berekesztem.</target></trans-unit>\n<trans-unit id="2">'
        '<source>Not yet translated.</source></trans-unit>\n</body></file></xliff>\n',
        encoding="utf-8")
    german = tmp_path / "de.xlf"
    german.write_text(_xliff_12("en-GB", "de-DE", ("The sitting is closed.",
                                                    "Die Sitzung ist geschlossen.")),
                      encoding="utf-8")
    out, rejects = tmp_path / "m.tmx", tmp_path / "r.tsv"
    result = CliRunner().invoke(main, ["build", str(xliff), str(german), "-o", str(out),
                                       "--langs", "en-GB,de-DE,hu-HU", "--rejects",
                                       str(rejects)])
    assert result.exit_code == 0, result.output
    assert _written(out) == [{"en-GB": "The sitting is closed.",
                              "de-DE": "Die Sitzung ist geschlossen.",
                              "hu-HU": "Az ülést berekesztem."}]
    assert [(r.line, r.reason) for r in read_rejects(rejects)] == [(6, "untranslated: hu-HU")]


def _xliff_12(source_lang: str, target_lang: str, *pairs: tuple[str, str]) -> str:
    units = "".join(f'<trans-unit id="{n}"><source>{source}</source><target>{target}</target>'
                    "</trans-unit>\n" for n, (source, target) in enumerate(pairs, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:'
            f'names:tc:xliff:document:1.2">\n<file original="a.txt" source-language='
            f'"{source_lang}" target-language="{target_lang}" datatype="plaintext"><body>\n'
            f"{units}</body></file></xliff>\n")


def test_variants_read_by_different_runs_are_all_counted(tmp_path: Path) -> None:
    # two XLIFF files in en-US, one to German read by the de-DE run and one to French read
    # by the fr-FR run: each run's en-US units are others, so they add up (the runs' counts
    # were merged as for a TMX that every run reads, giving the larger of the two)
    german, french = tmp_path / "de.xlf", tmp_path / "fr.xlf"
    german.write_text(_xliff_12("en-US", "de-DE", (
        "The report was adopted.", "Der Bericht wurde angenommen."), (
        "The sitting is closed.", "Die Sitzung ist geschlossen.")), encoding="utf-8")
    french.write_text(_xliff_12("en-US", "fr-FR", (
        "The committee met today.", "Le comité s'est réuni aujourd'hui.")), encoding="utf-8")
    out = tmp_path / "m.tmx"
    result = CliRunner().invoke(main, ["build", str(german), str(french), "-o", str(out),
                                       "--langs", "en-GB,de-DE,fr-FR", "--no-clean", "all"])
    assert result.exit_code == 0, result.output
    assert len(_written(out)) == 3
    assert "3 en-US units read as en-GB (the language asked)" in result.output


def test_a_translation_whose_language_is_unsaid_is_refused_with_several_targets(
        tmp_path: Path) -> None:
    # a TMX names each text's language; a table's "Target" column (or one named with
    # --target-column) and a PO file without a Language header do not: with two targets
    # their translations would be written as both, so the run is refused, writing nothing
    roles = tmp_path / "roles.tsv"
    roles.write_text("Source\tTarget\nThe sitting is closed.\tLa séance est levée.\n",
                     encoding="utf-8")
    po = tmp_path / "minutes.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "The sitting is closed."\nmsgstr "La séance est levée."\n',
                  encoding="utf-8")
    named = tmp_path / "named.tsv"
    named.write_text("en-GB\tfr-CA\nThe sitting is closed.\tLa séance est levée.\n",
                     encoding="utf-8")
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    for path, more in ((roles, []), (po, []), (named, ["--target-column", "fr-CA"])):
        refused = runner.invoke(main, ["build", str(path), "-o", str(out), "--langs",
                                       ",".join(LANGS), *more])
        assert refused.exit_code == 1 and refused.output.count("\n") == 1, refused.output
        assert refused.output.startswith(f"tmx-export: error: {path}")
        assert "fr-FR" in refused.output and "de-DE" in refused.output
        assert not out.exists()
        # one target: the column or file is that language's, as in a two-language build
        one = runner.invoke(main, ["build", str(path), "-o", str(out), "--langs",
                                   "en-GB,fr-FR", *more])
        assert one.exit_code == 0, one.output
        assert _written(out) == [{"en-GB": "The sitting is closed.",
                                  "fr-FR": "La séance est levée."}]
        out.unlink()


def test_omegat_profile_writes_no_unit_lacking_a_language(tmp_path: Path) -> None:
    """OmegaT fills a French project's segment from a unit without French with the unit's
    German text (verified with OmegaT 3.6): --profile omegat wrote D0996's units without
    French as they were, so they filled French segments with German."""
    out = tmp_path / "omegat.tmx"
    rejects = tmp_path / "rejects.tsv"
    result = CliRunner().invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                       ",".join(LANGS), "--profile", "omegat",
                                       "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    units = _written(out)
    assert units and all(list(u) == list(LANGS) for u in units)
    lacking = [r for r in read_rejects(rejects) if r.reason == "missing-languages"]
    assert lacking and all(r.text.startswith("no fr-FR: ") for r in lacking)
    assert "OmegaT would fill that language's segments with another's text" in result.output
    # the same memory without the profile: those units written without French, but
    # for one whose German an earlier unit holds with the same English (a duplicate)
    generic, generic_rejects = tmp_path / "generic.tmx", tmp_path / "generic.tsv"
    build_multilingual(DGT, generic, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(generic_rejects))))
    repeated = [r for r in read_rejects(generic_rejects)
                if r.reason == "duplicate" and r.text.count("\t") == 1]
    assert len(repeated) == 1
    assert sum(len(u) < 3 for u in _written(generic)) + len(repeated) == len(lacking)


def test_a_source_file_without_one_languages_file_is_not_read_as_a_dump(tmp_path: Path
                                                                         ) -> None:
    """report.en.txt and report.fr.txt with --langs en-GB,fr-FR,de-DE: the German run read
    report.en.txt, which has no report.de.txt, as an English-German dump, and reported
    every English paragraph as an "unpaired paragraph" reject though it was written with
    its French."""
    session = Path(__file__).parent / "data" / "europarl"
    en = sorted(session.glob("*.en.txt"))[0]
    files = []
    for lang in ("en", "fr"):
        source = en.with_name(en.name.replace(".en.", f".{lang}."))
        path = tmp_path / f"session.{lang}.txt"
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(path)
    # another document has its German (with none at all, de-DE is refused)
    paragraphs = _dgt_paragraphs(("en-GB", "de-DE"))[:3]
    for lang in ("en-GB", "de-DE"):
        path = tmp_path / f"other.{lang[:2]}.txt"
        path.write_text("".join(f"{p[lang]}\n\n" for p in paragraphs), encoding="utf-8")
        files.append(path)
    out = tmp_path / "session.tmx"
    rejects = tmp_path / "rejects.tsv"
    summary = build_multilingual(files, out, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(rejects))))
    units = _written(out)
    session = [u for u in units if u["en-GB"] not in {p["en-GB"] for p in paragraphs}]
    assert session and all(list(u) == ["en-GB", "fr-FR"] for u in session)
    assert summary.per_language["de-DE"] == len(units) - len(session) == 3
    # what the bilingual build of the two files rejects, nothing more
    assert {r.reason for r in read_rejects(rejects)} <= {"duplicate", "length-ratio"}


def test_refusals_in_a_langs_run_point_to_langs(tmp_path: Path) -> None:
    """A --langs run gives no --source-lang or --target-lang, yet its refusals said "check
    --target-lang" (a file named French holding German) and "choose one (--target-lang
    fr-FR ...)" (a table with two French columns): they point to --langs now, as a plain
    run's still point to its options."""
    rows = _dgt_paragraphs(("en-GB", "fr-FR", "de-DE"))[:12]
    en = _write(tmp_path / "act.en.txt", [row["en-GB"] for row in rows])
    fr = _write(tmp_path / "act.fr.txt", [row["de-DE"] for row in rows])  # German, misnamed
    out = tmp_path / "out.tmx"
    runner = CliRunner()
    langs = runner.invoke(main, ["build", str(en), str(fr), "-o", str(out),
                                 "--langs", "en-GB,fr-FR"])
    assert langs.exit_code == 1 and langs.output.count("\n") == 1, langs.output
    assert "reads as de" in langs.output and langs.output.rstrip().endswith("check --langs")
    plain = runner.invoke(main, ["build", str(en), str(fr), "-o", str(out)])
    assert plain.exit_code == 1 and plain.output.rstrip().endswith("check --target-lang")
    table = tmp_path / "act.tsv"
    table.write_text("en-GB\tfr-FR\tfr-BE\n" + "".join(
        f"{row['en-GB']}\t{row['fr-FR']}\t{row['fr-FR']}\n" for row in rows), encoding="utf-8")
    alike = runner.invoke(main, ["build", str(table), "-o", str(out), "--langs", "en-GB,fr"])
    assert alike.exit_code == 1 and "2 columns could be fr (fr-FR, fr-BE)" in alike.output
    assert "--langs with fr-FR for fr" in alike.output and "--target-lang" not in alike.output
    assert not out.exists()


def _xliff(path: Path, target: str, rows: list[dict[str, str]]) -> Path:
    """An XLIFF 1.2 file of ``rows`` (en-GB -> ``target``), one trans-unit a line, as a CAT
    tool exports one language of a project."""
    from xml.sax.saxutils import escape

    units = "".join(f'<trans-unit id="{n}"><source>{escape(row["en-GB"])}</source>'
                    f'<target>{escape(row[target])}</target></trans-unit>\n'
                    for n, row in enumerate(rows, 1))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns='
                    f'"urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en-GB" '
                    f'target-language="{target}" datatype="plaintext" original="act.txt">'
                    f"<body>\n{units}</body></file></xliff>\n", encoding="utf-8")
    return path


def test_per_language_files_of_one_document_are_merged_by_source(tmp_path: Path) -> None:
    """A project's XLIFF files, one per language (act.fr-FR.xlf, act.de-DE.xlf), share no
    paragraph: each unit was written in its own language only, two units per source
    segment, and --profile omegat (every language in every unit) refused them all. The
    units with the same source text are one unit now; a unit of one language alone stays
    as it was, and the k-th of a repeated source joins the k-th."""
    some = _dgt_paragraphs(LANGS)[:19]
    rows = some[:18] + [some[2], some[18]]  # a segment repeated, as titles are
    fr = _xliff(tmp_path / "act.fr-FR.xlf", "fr-FR", rows)
    de = _xliff(tmp_path / "act.de-DE.xlf", "de-DE", rows[:-1])  # the last not translated
    out = tmp_path / "act.tmx"
    build_multilingual([fr, de], out, MultilingualOptions(LANGS))
    units = _written(out)
    # (the repeated segment's second unit is a duplicate of its first, in all languages)
    assert units == [{lang: _norm(row[lang]) for lang in LANGS} for row in rows[:18]] + [
        {"en-GB": _norm(rows[-1]["en-GB"]), "fr-FR": _norm(rows[-1]["fr-FR"])}]
    omegat = tmp_path / "omegat.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(fr), str(de), "-o", str(omegat), "--langs",
                                  ",".join(LANGS), "--profile", "omegat", "--quiet"])
    assert result.exit_code == 0, result.output
    assert _written(omegat) == [{tag: _norm(row[tag]) for tag in LANGS} for row in rows[:18]]


def _account(output: str) -> tuple[int, int, int]:
    """The summary's "N units read = A in units + B rejected", as (N, A, B)."""
    line = next(line for line in output.splitlines() if " read = " in line)
    read, rest = line.split(" read = ")
    in_units, rejected = rest.split(" in units + ")
    return int(read.split()[0]), int(in_units), int(rejected.split()[0])


def test_the_summary_accounts_for_every_tu_read_once(tmp_path: Path) -> None:
    # DGT-TM: 917 tus, each read by the French and by the German run; some French texts
    # are rejected (wrong-language) in tus written in German, so the report's rows and
    # the units written do not add up to the tus read: the account says how they do
    out, report = tmp_path / "m.tmx", tmp_path / "r.tsv"
    result = CliRunner().invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                       ",".join(LANGS), "--rejects", str(report)])
    assert result.exit_code == 0, result.output
    tus = sum(1 for path in DGT for _ in iter_units(path))
    read, in_units, rejected = _account(result.output)
    assert (read, in_units + rejected) == (tus, tus)
    # every tu in a unit written is one (no variants here); every other has a reject,
    # and the report's other rows are said
    assert in_units == len(_written(out))
    rejects = read_rejects(report)
    assert rejected <= len({(r.file, r.line) for r in rejects})
    # (two tus are wrong-language rejects in French and in German: a row each)
    note = next(line for line in result.output.splitlines() if line.startswith("(of the "))
    numbers = [int(word) for word in note.replace(",", " ").split() if word.isdigit()]
    assert numbers[0] == len(rejects) == rejected + sum(numbers[1:])
    assert "rejects written to" in result.output


def test_per_language_files_joined_by_source_are_each_accounted_for(tmp_path: Path) -> None:
    # act.fr-FR.xlf and act.de-DE.xlf: a unit of each joined by their source, the second
    # such a duplicate of the first, its one reject naming the French file's place
    pairs = [(p["en-GB"], p["fr-FR"], p["de-DE"]) for p in _dgt_paragraphs(LANGS)[:3]]
    files = []
    for lang, column in (("fr-FR", 1), ("de-DE", 2)):
        path = tmp_path / f"act.{lang}.xlf"
        path.write_text(_xliff_12("en-GB", lang, *[(row[0], row[column])
                                                   for row in (*pairs, pairs[0])]),
                        encoding="utf-8")
        files.append(str(path))
    out = tmp_path / "m.tmx"
    result = CliRunner().invoke(main, ["build", *files, "-o", str(out), "--langs",
                                       ",".join(LANGS)])
    assert result.exit_code == 0, result.output
    assert _account(result.output) == (8, 6, 2)
    assert "1 duplicate not written again" in result.output
    assert "(1 unit rejected in a unit joined with another file's" in result.output


def test_a_unit_the_merge_lost_is_an_error_not_a_smaller_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export import multilingual
    from tmx_export.model import AccountingError

    real = multilingual.merge_runs
    monkeypatch.setattr(multilingual, "merge_runs",
                        lambda *args: list(real(*args))[1:])
    out = tmp_path / "m.tmx"
    with pytest.raises(AccountingError, match="made but not merged"):
        build_multilingual(DGT, out, MultilingualOptions(LANGS))
    assert not out.exists()


def test_each_reject_names_the_languages_it_is_of(tmp_path: Path) -> None:
    # two DGT-TM tus whose French and German tuvs both hold the English: a row each, which
    # said "wrong-language" alike, with the same English source (the language unsaid)
    out, report = tmp_path / "m.tmx", tmp_path / "r.tsv"
    build_multilingual(DGT, out, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(report))))
    wrong = [(r.line, r.reason) for r in read_rejects(report) if "wrong-language" in r.reason]
    assert sorted(wrong) == [(line, f"wrong-language: {lang}") for line in (3410, 3683)
                             for lang in ("de-DE", "fr-FR")]
    # a table row with no translation at all: one row naming every language, as each
    # language's run rejected it; one without French: French named. A unit without the
    # source is of no one language, and the duplicate of a unit of all of them
    table = tmp_path / "t.tsv"
    table.write_text("en-GB\tfr-FR\tde-DE\n"
                     "The sitting is closed.\tLa séance est levée.\tDie Sitzung ist geschlossen.\n"
                     "Article 2\t\tArtikel 2\n"
                     "Article 3\t\t\n"
                     "The sitting is closed.\tLa séance est levée.\tDie Sitzung ist geschlossen.\n",
                     encoding="utf-8")
    build_multilingual([table], out, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(report))))
    assert [(r.line, r.reason) for r in read_rejects(report)] == [
        (3, "empty-side: fr-FR"), (4, "empty-side: fr-FR, de-DE"), (5, "duplicate")]


def test_a_unit_adding_no_translation_is_a_duplicate(tmp_path: Path) -> None:
    # the second tu repeats the first's English and French without German: an EN-FR
    # build writes it once, but --langs wrote both (same texts, fewer languages), and an
    # EN->FR project got the match twice. The third has a French of its own: written,
    # though its German repeats the first's
    en = "The minutes of yesterday's sitting were approved."
    fr, de = "Le procès-verbal de la séance d'hier est adopté.", "Das Protokoll wird genehmigt."

    def tu(*texts: tuple[str, str]) -> str:
        return "<tu>" + "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>'
                                for lang, text in texts) + "</tu>\n"

    memory = tmp_path / "m.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB" '
        'datatype="plaintext"/><body>\n'
        + tu(("en-GB", en), ("fr-FR", fr), ("de-DE", de)) + tu(("en-GB", en), ("fr-FR", fr))
        + tu(("en-GB", en), ("fr-FR", "Le procès-verbal d'hier a été adopté."),
             ("de-DE", de))
        + "</body></tmx>\n", encoding="utf-8")
    out, report = tmp_path / "out.tmx", tmp_path / "r.tsv"
    summary = build_multilingual([memory], out, MultilingualOptions(
        LANGS, build=BuildOptions(rejects_path=str(report))))
    assert [u["fr-FR"] for u in _written(out)] == [fr, "Le procès-verbal d'hier a été adopté."]
    assert summary.duplicates_skipped == 1
    assert [(r.line, r.reason) for r in read_rejects(report)] == [(4, "duplicate")]


def test_the_account_of_rejects_in_several_languages_reads_as_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run over a TMX and a table counts "items": its summary said "9 more of a item
    rejected in several languages or segments"."""
    from collections import Counter

    import tmx_export.multilingual as multilingual

    def summary(sources, output, options, progress=None):  # noqa: ANN001, ANN202
        return multilingual.MultilingualSummary(
            str(output), ("en-GB", "fr-FR", "de-DE"), units_written=3,
            rejects=Counter({"identical": 11}), per_language=Counter({"fr-FR": 3, "de-DE": 3}),
            read=5, in_units=3, items_rejected=2, formats=Counter({"tmx": 1, "tsv": 1}))

    monkeypatch.setattr(multilingual, "build_multilingual", summary)
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(DGT[0]), "-o", str(out), "--langs",
                                       "en-GB,fr-FR,de-DE"])
    assert result.exit_code == 0, result.output
    assert "5 items read = 3 in units + 2 rejected" in result.output
    assert "(of the 11 rejects, 9 more of an item rejected in several languages or " \
           "segments)" in result.output


def test_the_account_of_a_unit_rejected_in_several_languages_says_a_unit(
        tmp_path: Path) -> None:
    """The README's three-language build of the DGT-TM memories said "(of the 28 rejects, 2
    more of an unit rejected in several languages or segments)"."""
    out = tmp_path / "dgt-en-fr-de.tmx"
    result = CliRunner().invoke(main, ["build", *map(str, DGT), "-o", str(out), "--langs",
                                       "en-GB,fr-FR,de-DE"])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ more of a unit rejected in several languages", result.output)
