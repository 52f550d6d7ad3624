"""merge / validate / stats on real TMX and TBX files, the click commands, detection, profiles."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tmx_export.cli.tools import merge_command, stats_command, validate_command
from tmx_export.errors import InputError
from tmx_export.formats.profiles import PROFILES, get_profile, keep_prop, lang_code, readme_section
from tmx_export.formats.tmx import iter_units, read_tmx, write_tmx
from tmx_export.inputs import detect_format
from tmx_export.model import Pair
from tmx_export.tools import merge, stats, validate

DATA = Path(__file__).parent / "data"
LISA = DATA / "tmx" / "lisa-tmx-compliance-kit"
DGT = DATA / "tmx" / "dgt-tm"
TBX = DATA / "tbx"


# --- merge ---------------------------------------------------------------------------------

def test_merge_keeps_inline_codes_props_and_notes_and_drops_repeats(tmp_path):
    out = tmp_path / "merged.tmx"
    inputs = [LISA / "ImportTest2A.tmx", LISA / "ImportTest2C.tmx", LISA / "ImportTest2A.tmx",
              DATA / "tmx" / "omegat-tests" / "en-fr.tmx"]
    counts = merge(inputs, out)
    assert (counts.files, counts.read, counts.written, counts.duplicates) == (4, 16, 9, 7)
    # header from the first file
    header = etree.parse(str(out)).find("header")
    assert header.get("creationtool") == "XYZTool" and header.get("datatype") == "html"
    # every unit as it was: inline markup, props and notes (1.1's lang= became xml:lang)
    original = read_tmx(LISA / "ImportTest2A.tmx", source_lang="en-US", target_lang="fr-CA").pairs
    merged = read_tmx(out, source_lang="en-US", target_lang="fr-CA").pairs
    assert [p.source_markup for p in merged[:7]] == [p.source_markup for p in original]
    assert [p.target for p in merged[:7]] == [p.target for p in original]
    [unit_2c] = [u for u in iter_units(out) if u.attrs.get("tuid") == "tu001"]
    assert unit_2c.notes == ["Text of tu note 1", "Text of tu note 2"]
    assert "<sub>Start Here!</sub>" in unit_2c.tuvs[0].markup
    omegat = read_tmx(out, source_lang="en", target_lang="fr").pairs[-1]
    assert omegat.target == "Se connecter à un serveur personnalisé au lieu d'apertium.org"
    # valid but for the OmegaT unit, in "en" while the first file's header says "en-us"
    assert [p.message for p in validate([out])] == ["tu has no tuv in the header srclang en-us"]


def test_merge_to_gzip_and_of_utf16_dgt(tmp_path):
    out = tmp_path / "dgt.tmx.gz"
    counts = merge([DGT / "22019D0391.tmx", DGT / "22019D0556.tmx"], out)
    assert counts.written == 25 + 19
    assert gzip.decompress(out.read_bytes()).startswith(b"<?xml")
    pairs = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    assert len(pairs) == 19 + 17
    assert pairs[0].props == {"Txt::Doc. No.": "22019D0391"}


def test_merge_refuses_hostile_input_and_leaves_no_file(tmp_path):
    evil = tmp_path / "evil.tmx"
    evil.write_text('<!DOCTYPE tmx [<!ENTITY a "aaaa">]><tmx version="1.4"><header/>'
                    "<body/></tmx>")
    with pytest.raises(InputError, match="refused"):
        merge([LISA / "ImportTest1A.tmx", evil], tmp_path / "out.tmx")
    assert not list(tmp_path.glob("out.tmx*")) and not list(tmp_path.glob(".out.tmx*"))


# --- validate -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ImportTest1A", "ImportTest1C", "ImportTest2A", "ImportTest2C",
                                  "ExportTest2A", "ImportTest1H"])
def test_lisa_files_are_valid(name):
    assert validate([LISA / f"{name}.tmx"]) == []


def test_validate_reports_each_rule_with_its_line(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text(
        '<?xml version="1.0"?>\n'
        '<tmx version="1.4">\n'
        '<header creationtool="x" segtype="line" o-tmf="x" adminlang="en"\n'
        '        srclang="en_GB" datatype="plaintext"/>\n'
        "<body>\n"
        '<tu><tuv xml:lang="en-GB"><seg>ok</seg></tuv><tuv xml:lang="fr-FR"><seg/></tuv></tu>\n'
        '<tu><tuv lang="EN-GB"><seg>a</seg></tuv><tuv xml:lang="DA-01"><seg>b</seg></tuv></tu>\n'
        '<tu segtype="word"><tuv xml:lang="fr"><seg>c</seg><seg>d</seg></tuv></tu>\n'
        "</body></tmx>\n", encoding="utf-8")
    found = [(p.line, p.message) for p in validate([bad])]
    # libxml2 numbers an element by the line where its start tag ends (4 for the header)
    assert found == [
        (4, "header lacks the required attribute creationtoolversion"),
        (4, "header segtype 'line' is not one of block, paragraph, phrase, sentence"),
        (4, "header srclang has an invalid language code 'en_GB' (expected ll or ll-RR, "
            "e.g. en-GB)"),
        (6, "empty seg"),
        (7, "tuv uses lang= (TMX 1.1); TMX 1.4 needs xml:lang"),
        (7, "tuv has an invalid language code 'DA-01' (expected ll or ll-RR, e.g. en-GB)"),
        (8, "tu segtype 'word' is not one of block, paragraph, phrase, sentence"),
        (8, "tuv has 2 seg elements, expected 1"),
        (8, "tu has no tuv in the header srclang en_GB"),
    ]


def test_validate_real_files_with_known_quirks():
    # DGT-TM: TMX 1.1-style lang= and pseudo-regions such as DA-01 on every unit
    problems = validate([DGT / "22019D0391.tmx"])
    assert problems[0].line == 10 and "lang= (TMX 1.1)" in problems[0].message
    assert any("'DA-01'" in p.message for p in problems)
    # ImportTest1K: units whose languages do not include the header srclang en-us
    assert [p.line for p in validate([LISA / "ImportTest1K.tmx"])] == [7, 11]


def test_validate_not_well_formed(tmp_path):
    bad = tmp_path / "cut.tmx"
    bad.write_bytes((LISA / "ImportTest1C.tmx").read_bytes()[:700])
    [problem] = validate([bad])
    assert "not well-formed XML" in problem.message and problem.line > 5


def test_validate_tbx_both_versions():
    assert validate([TBX / "sampleTBXfile.tbx"]) == []
    assert validate([TBX / "Unknown_Dialect2-martif.tbx"]) == []
    assert validate([TBX / "Unknown_Dialect2-v3.tbx"]) == []
    problems = validate([TBX / "Good-Basic1-martif.tbx"])
    assert [(p.line, p.message) for p in problems] == [
        (259, "langSet has an invalid language code '---' (expected ll or ll-RR, e.g. en-GB)"),
        (1751, "langSet has an invalid language code '---' (expected ll or ll-RR, e.g. en-GB)"),
    ]


def test_project_writer_output_is_valid(tmp_path):
    out = tmp_path / "w.tmx"
    write_tmx([Pair("Hello.", "Bonjour.", "en-GB", "fr-FR", file="a.txt", line=1)], out,
              segtype="sentence")
    assert validate([out]) == []


# --- stats --------------------------------------------------------------------------------

def test_stats_on_lisa_1c_and_dgt():
    result = stats([LISA / "ImportTest1C.tmx"])
    assert (result.units, result.duplicates, result.srclang) == (3, 0, "en-us")
    assert set(result.languages) == {"en-us", "en-gb", "ja-jp", "fr-ca", "es-es"}
    en = result.languages["en-us"]
    # "First entry in US English" + "Second ..." + "Third ...": 5 words each
    assert (en.segments, en.words, en.chars) == (3, 15, 25 + 26 + 25)

    dgt = stats([DGT / "22019D0391.tmx"])
    assert dgt.units == 25 and dgt.languages["en-gb"].segments == 25
    assert dgt.languages["fr-fr"].segments == 19
    assert dgt.ratio_pair is not None and dgt.ratio_pair[0] == "en-gb"
    assert 0.8 < dgt.ratio_quantiles["median"] < 1.6


def test_stats_counts_duplicates_across_files():
    result = stats([LISA / "ImportTest1C.tmx", LISA / "ImportTest1C.tmx"])
    assert (result.files, result.units, result.duplicates) == (2, 6, 3)


# --- click commands -----------------------------------------------------------------------

def test_cli_validate_stats_merge(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(validate_command, [str(LISA / "ImportTest2A.tmx")])
    assert ok.exit_code == 0 and ok.output.strip() == "valid"
    bad = runner.invoke(validate_command, [str(LISA / "ImportTest1K.tmx")])
    assert bad.exit_code == 1
    assert f"{LISA / 'ImportTest1K.tmx'}:7: tu has no tuv in the header srclang en-us" in bad.output

    shown = runner.invoke(stats_command, [str(LISA / "ImportTest1C.tmx")])
    assert shown.exit_code == 0 and "units: 3" in shown.output
    as_json = runner.invoke(stats_command, ["--json", str(LISA / "ImportTest1C.tmx")])
    assert '"units": 3' in as_json.output

    out = tmp_path / "m.tmx"
    merged = runner.invoke(merge_command, [str(LISA / "ImportTest1J.tmx"),
                                           str(LISA / "ImportTest1J.tmx"), "-o", str(out)])
    assert merged.exit_code == 0, merged.output
    assert len(list(iter_units(out))) == 2
    missing = runner.invoke(merge_command, [str(tmp_path / "none.tmx"), "-o", str(out)])
    assert missing.exit_code == 1 and "no such file" in missing.output


# --- detection ----------------------------------------------------------------------------

def test_detect_by_content(tmp_path):
    assert detect_format(DGT / "22019D0391.tmx") == "tmx"  # UTF-16 with BOM
    assert detect_format(LISA / "ImportTest1G.tmx") == "tmx"  # UTF-16BE
    assert detect_format(TBX / "sampleTBXfile.tbx") == "tbx"  # BOM + DOCTYPE + comment
    assert detect_format(TBX / "Unknown_Dialect2-v3.tbx") == "tbx"
    assert detect_format(DGT / "expected_en-gb_fr-fr.tsv") == "tsv"
    assert detect_format(DATA / "europarl" / "ep-00-01-21.en.txt") == "text"
    # names that lie
    shutil.copy(LISA / "ImportTest1A.tmx", tmp_path / "memory.xml")
    assert detect_format(tmp_path / "memory.xml") == "tmx"
    shutil.copy(DGT / "expected_en-gb_fr-fr.tsv", tmp_path / "export.txt")
    assert detect_format(tmp_path / "export.txt") == "tsv"
    (tmp_path / "a.txt").write_text('msgid ""\nmsgstr ""\n\nmsgid "Open"\nmsgstr "Ouvrir"\n')
    assert detect_format(tmp_path / "a.txt") == "po"
    (tmp_path / "x.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2"/>')
    assert detect_format(tmp_path / "x.xlf") == "xliff"
    write_tmx([], tmp_path / "empty.tmx")
    assert detect_format(tmp_path / "empty.tmx") == "tmx"


def test_detect_xlsx_and_refusals(tmp_path):
    from tmx_export.formats.table import write_table
    write_table([Pair("a", "b", "en", "fr")], tmp_path / "t.xlsx")
    shutil.copy(tmp_path / "t.xlsx", tmp_path / "renamed.bin")
    assert detect_format(tmp_path / "renamed.bin") == "xlsx"
    (tmp_path / "other.xml").write_text('<?xml version="1.0"?><html/>')
    with pytest.raises(InputError, match="root element <html>"):
        detect_format(tmp_path / "other.xml")
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        detect_format(tmp_path / "empty.txt")


# --- profiles -----------------------------------------------------------------------------

def test_profiles():
    omegat = get_profile("omegat")
    assert lang_code("en_gb", omegat) == "en-GB"
    assert lang_code("FR", omegat) == "fr"
    assert lang_code("sr-latn-rs", omegat) == "sr-Latn-RS"
    with pytest.raises(ValueError, match="needs a region"):
        lang_code("en", get_profile("trados"))
    with pytest.raises(ValueError):
        lang_code("eng", omegat) if False else lang_code("english", omegat)
    assert not keep_prop("file", omegat) and keep_prop("x-document", omegat)
    assert set(PROFILES) == {"generic", "omegat", "trados", "memoq"}
    with pytest.raises(ValueError, match="unknown profile"):
        get_profile("wordfast")
    text = readme_section()
    assert "**omegat**" in text and "not verified with the tool" in text
