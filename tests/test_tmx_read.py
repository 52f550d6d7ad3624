"""Reading real TMX files: the LISA compliance kit, DGT-TM exports, OmegaT and others.

Expected texts were read by eye from the files (see tests/data/README.md for where they
come from); the DGT-TM pairs are compared with a TSV derived independently from the full
files.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import re
from pathlib import Path

import pytest
from lxml import etree

from tmx_export.errors import InputError
from tmx_export.formats.tmx import (
    TmxPair,
    iter_tmx,
    iter_units,
    read_tmx,
    read_tmx_header,
    seg_text,
)

DATA = Path(__file__).parent / "data" / "tmx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LISA = DATA / "lisa-tmx-compliance-kit"
OMEGAT = DATA / "omegat-tests"
DGT = DATA / "dgt-tm"


def texts(path: Path, source: str, target: str) -> list[tuple[str, str]]:
    result = read_tmx(path, source_lang=source, target_lang=target)
    return [(p.source, p.target) for p in result.pairs]


# --- LISA TMX compliance kit -------------------------------------------------------------

EXPORT_1 = [
    ("Text with 3 spaces [   ] and 2 [  ]", "Texte avec 3 espaces [   ] et 2 [  ]"),
    ("Text with 1 tab [\t] and 2 [\t\t]", "Texte avec 1 tab [\t] et 2 [\t\t]"),
    ("<=lt, >=gt, &=amp, {=obrace, }=cbrace", "<=lt, >=gt, &=amp, {=obrace, }=cbrace"),
    ("é=eacute, \u00a0=nbsp, ¤=curr, ÿ=yumlaut, ©=copy, §=para",
     "é=eacute, \u00a0=nbsp, ¤=curr, ÿ=yumlaut, ©=copy, §=para"),
]


@pytest.mark.parametrize("name", ["ExportTest1A", "ExportTest1C", "ExportTest1D", "ExportTest1E"])
def test_export_1_utf8_bom_whitespace_and_escapes(name):
    assert texts(LISA / f"{name}.tmx", "en-US", "fr-CA") == EXPORT_1


def test_export_1b_quotes_and_apostrophes():
    assert texts(LISA / "ExportTest1B.tmx", "en-US", "fr-CA") == [
        ("<=lt, >=gt, &=amp, '=apos, \"=quot, {=obrace, }=cbrace",) * 2,
        (EXPORT_1[3][0], EXPORT_1[3][1]),
    ]


def test_import_1a_utf16_character_references_for_tabs():
    assert texts(LISA / "ImportTest1A.tmx", "en-US", "fr-CA") == [
        ("First segment with [\t\t   ]", "Premier segment avec [\t\t   ]"),
        ("Second segment with [  \t\t]", "Second segment avec [  \t\t]"),
    ]


def test_import_1b_odd_attribute_spacing_and_mixed_case_codes():
    assert texts(LISA / "ImportTest1B.tmx", "en-US", "fr-CA") == [
        ("Text of the segment", "Texte du segment")
    ]


def test_import_1c_five_languages_per_unit_in_any_order():
    assert texts(LISA / "ImportTest1C.tmx", "en-GB", "ja-JP") == [
        ("First entry in UK English", "First entry in Japanese"),
        ("Second entry in UK English", "Second entry in Japanese"),
        ("Third entry in UK English", "Third entry in Japanese"),
    ]
    # Region preferred: en-US picks the US variant although en-GB is also "en".
    assert texts(LISA / "ImportTest1C.tmx", "en-US", "es")[2] == (
        "Third entry in US English", "Third entry in Spanish")
    # Primary subtag is enough when the exact tag is absent.
    assert texts(LISA / "ImportTest1C.tmx", "fr-FR", "es-MX")[0] == (
        "First entry in French Canadian", "First entry in Spanish")


def test_build_says_when_a_regional_variant_is_written_under_the_tag_asked(tmp_path):
    # ImportTest1C holds French only as fr-CA: with the default fr-FR it is written as
    # fr-FR, and the summary says so and how to keep the region
    from click.testing import CliRunner

    from tmx_export.cli import main

    out = tmp_path / "fr.tmx"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ("3 fr-CA units read as fr-FR (the language asked); --target-lang fr-CA keeps "
            "their region") in result.output
    kept = runner.invoke(main, ["build", str(LISA / "ImportTest1C.tmx"), "-o", str(out),
                                "--target-lang", "fr-CA"])
    assert kept.exit_code == 0 and "read as" not in kept.output
    # DGT-TM's CS-01 is no tag: advising --target-lang CS-01 named a tag then refused
    dgt = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0391.tmx"
    relabelled = runner.invoke(main, ["build", str(dgt), "-o", str(out), "--source-lang",
                                      "pl", "--target-lang", "cs"])
    assert relabelled.exit_code == 0, relabelled.output
    assert "19 CS-01 units read as cs (the language asked) (CS-01 is no language tag: " \
        "no region to keep)" in relabelled.output
    assert "--target-lang CS-01" not in relabelled.output
    # English found exactly (en-GB): nothing to say about it
    assert "en-US units" not in result.output and "en-GB (the" not in result.output


REGIONAL = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="en-GB" datatype="plaintext"/><body>
<tu><tuv xml:lang="en-GB"><seg>The vote will take place tomorrow.</seg></tuv>
<tuv xml:lang="fr-BE"><seg>Le vote aura lieu demain (BE).</seg></tuv>
<tuv xml:lang="fr-CH"><seg>Le vote aura lieu demain (CH).</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>The sitting is closed.</seg></tuv>
<tuv xml:lang="fr-CH"><seg>La séance est levée.</seg></tuv></tu>
</body></tmx>
"""


def test_regional_variants_notice_counts_every_text_and_says_competing_units(tmp_path):
    """fr-BE and fr-CH in one tu (no fr-FR) give a unit each, as variants do; the notice
    counted one fr-CH unit of the two written as fr-FR, and the competing units went
    unsaid."""
    from collections import Counter

    from click.testing import CliRunner

    from tmx_export.cli import main

    path = tmp_path / "reg.tmx"
    path.write_text(REGIONAL, encoding="utf-8")
    relabelled: Counter[tuple[str, str]] = Counter()
    variants: Counter[str] = Counter()
    pairs = list(iter_tmx(path, source_lang="en-GB", target_lang="fr-FR",
                          relabelled=relabelled, variants=variants))
    assert [p.target for p in pairs] == ["Le vote aura lieu demain (BE).",
                                         "Le vote aura lieu demain (CH).", "La séance est levée."]
    assert relabelled == {("fr-BE", "fr-FR"): 1, ("fr-CH", "fr-FR"): 2}
    assert variants == {"fr-FR": 1}
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "o.tmx")])
    assert result.exit_code == 0, result.output
    assert "3 units written" in result.output
    assert "2 fr-CH units read as fr-FR" in result.output
    assert "1 fr-BE unit read as fr-FR" in result.output
    assert "1 tu held several fr-FR variants: a unit written for each" in result.output



def test_account_counts_the_tus_of_a_memory_not_the_pairs_of_their_variants(tmp_path):
    """The account line of a TMX counts its tus, as a reader of the line expects: a tu
    whose fr-FR and fr-CA variants give two pairs is one unit read, in units when either
    pair is (its first a duplicate, its second kept); it said "4 units read" of 3 tus."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    path = tmp_path / "variants.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
        'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" '
        'creationtoolversion="1"/><body>\n'
        '<tu><tuv xml:lang="en-GB"><seg>The debate is closed.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Le débat est clos.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-GB"><seg>The debate is closed.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Le débat est clos.</seg></tuv>'
        '<tuv xml:lang="fr-CA"><seg>La discussion est close.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-GB"><seg>The vote will take place tomorrow.</seg></tuv>'
        '<tuv xml:lang="de-DE"><seg>Die Abstimmung findet morgen statt.</seg></tuv></tu>\n'
        "</body></tmx>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "o.tmx"),
                                       "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "2 units written" in result.output
    assert "3 units read = 2 in units + 1 rejected" in result.output

ENCODING_TEST = [
    ("à=agrave, é=eacute, æ=aelig",) * 2,
    ("ÿ=U+00FF, ™=U+2122, \u2019=U+2019",) * 2,
    ("\u201c=U+201C, \u2013=U+2013, ¤=U+00A4",) * 2,
]


@pytest.mark.parametrize("name", ["ImportTest1D", "ImportTest1E", "ImportTest1F",
                                  "ImportTest1G", "ImportTest1H"])
def test_import_1d_to_1h_every_encoding(name):
    # 1D UTF-8+BOM, 1E UTF-8, 1F UTF-16LE, 1G UTF-16BE, 1H US-ASCII with references;
    # same primary subtag on both sides (en-US -> en-GB), so exact tags decide.
    assert texts(LISA / f"{name}.tmx", "en-US", "en-GB") == ENCODING_TEST


def test_import_1i_ideographic_spaces():
    assert texts(LISA / "ImportTest1I.tmx", "en-US", "ja-JP") == [
        ("English segment with [    ]", "Japanese segment with [\u3000\u3000]")
    ]


def test_import_1j_same_language_variants():
    assert texts(LISA / "ImportTest1J.tmx", "en-US", "en-GB") == [
        ("First entry in US English", "First entry in UK English"),
        ("Second entry in US English", "Second entry in UK English"),
    ]


def test_languages_asked_are_standard_tags_or_refused():
    """``read_tmx`` took the languages as given: "English" -> "French" read none of the
    DGT-TM memory's tuvs (every unit a missing-source-language reject, where ``build``
    refuses the tag), "eng" -> "fra" none either, ``en_GB`` gave pairs in "en_GB", and
    en-GB -> en-GB rejected every unit as lacking its target. The tags are standard ones
    now, as ``build`` takes them, and a tag of no language or a pair of one is a
    ValueError, before any reading."""
    memory = DGT / "22019D0391.tmx"
    asked = read_tmx(memory, source_lang="en-GB", target_lang="fr-FR")
    texts = [(p.source, p.target) for p in asked.pairs]
    assert len(texts) == 19
    for source, target in (("eng", "fra"), ("en_GB", "fr_FR"), ("EN-gb", "FR-fr")):
        result = read_tmx(memory, source_lang=source, target_lang=target)
        assert [(p.source, p.target) for p in result.pairs] == texts
        assert {(p.source_lang, p.target_lang) for p in result.pairs} == {
            ("en", "fr") if source == "eng" else ("en-GB", "fr-FR")}
    with pytest.raises(ValueError, match="'English' is not a known language tag"):
        iter_tmx(memory, source_lang="English", target_lang="French")
    with pytest.raises(ValueError, match="source and target are both en-GB"):
        read_tmx(memory, source_lang="en-GB", target_lang="en-gb")


def test_import_1j_many_only_units_with_both_variants():
    result = read_tmx(LISA / "ImportTest1J_many.tmx", source_lang="en-us", target_lang="en-gb")
    assert [(p.source, p.target) for p in result.pairs] == [
        ("First entry in US English", "First entry in UK English"),
        ("Second entry in US English", "Second entry in UK English"),
    ]
    [reject] = result.rejects
    assert reject.reason == "missing-target-language"
    assert reject.line == 17
    assert "[not to import] Third entry in US English" in reject.text


def _with_variants(tmp_path: Path) -> Path:
    """ImportTest1J with a second UK English tuv in its first unit and a second US English
    one in its second: TMX lets a tu hold several tuvs of one language (variants)."""
    text = (LISA / "ImportTest1J.tmx").read_text(encoding="ascii")
    text = text.replace(
        '<tuv xml:lang="en-gb"><seg>First entry in UK English</seg></tuv>',
        '<tuv xml:lang="en-gb"><seg>First entry in UK English</seg></tuv>\n'
        '   <tuv xml:lang="en-GB"><seg>First entry, UK variant</seg></tuv>')
    text = text.replace(
        '<tuv xml:lang="en-us"><seg>Second entry in US English</seg></tuv>',
        '<tuv xml:lang="en-us"><seg>Second entry in US English</seg></tuv>\n'
        '   <tuv xml:lang="en-US"><seg>Second entry, US variant</seg></tuv>')
    path = tmp_path / "variants.tmx"
    path.write_text(text, encoding="ascii")
    return path


def test_same_language_variants_in_a_unit_each_give_a_pair(tmp_path):
    # each variant is a translation a translator may be offered: none is left out unsaid
    # (the second tuv of a language used to be dropped without a word)
    result = read_tmx(_with_variants(tmp_path), source_lang="en-US", target_lang="en-GB")
    assert [(p.source, p.target, p.tuid) for p in result.pairs] == [
        ("First entry in US English", "First entry in UK English", None),
        ("First entry in US English", "First entry, UK variant", None),
        ("Second entry in US English", "Second entry in UK English", None),
        ("Second entry, US variant", "Second entry in UK English", None),
    ]
    assert [p.line for p in result.pairs] == [7, 7, 12, 12] and not result.rejects
    # a variant of a lesser fit is another language's: "en" beside "en-GB" is no variant
    general = _with_variants(tmp_path).read_text(encoding="ascii").replace(
        'xml:lang="en-GB"><seg>First entry, UK', 'xml:lang="en"><seg>First entry, UK')
    (tmp_path / "general.tmx").write_text(general, encoding="ascii")
    assert len(read_tmx(tmp_path / "general.tmx", source_lang="en-US",
                        target_lang="en-GB").pairs) == 3


def test_variants_are_written_by_build_and_accounted_for(tmp_path):
    from click.testing import CliRunner

    from tmx_export.cli import main

    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(_with_variants(tmp_path)), "-o", str(out),
                                       "--source-lang", "en-US", "--target-lang", "en-GB",
                                       "-q"])
    assert result.exit_code == 0, result.output
    written = [(p.source, p.target) for p in read_tmx(out, source_lang="en-US",
                                                        target_lang="en-GB").pairs]
    assert ("First entry in US English", "First entry, UK variant") in written
    assert ("Second entry, US variant", "Second entry in UK English") in written
    assert len(written) == 4


MALFORMED = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en-GB"/><body>
<tu><tuv><seg>Hello world again</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour le monde</seg
></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Good morning to you</seg></tuv><tuv xml:lang="fr-FR"></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Thank you very much</seg><seg>extra</seg></tuv
><tuv xml:lang="fr-FR"><seg>Merci beaucoup</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Good evening</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonsoir</seg
></tuv><tuv xml:lang="fr-FR"><seg>Bonsoir à tous</seg><seg>Salut</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Good night</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonne nuit</seg
></tuv><tuv xml:lang="de-DE"><seg>Gute</seg><seg>Nacht</seg></tuv></tu>
</body></tmx>
"""


def test_malformed_tuvs_are_rejects_with_their_reason_never_a_wrong_pair(tmp_path):
    # a tuv with two segs gave the pair of its last seg ("extra" / "Merci beaucoup"), a tuv
    # without a seg an empty side: a unit TMX does not allow is a reject saying why (a
    # variant's too); a third language's tuv is not read, and does not matter
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.formats.rejects import read_rejects

    path = tmp_path / "odd.tmx"
    path.write_text(MALFORMED, encoding="utf-8")
    result = read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [("Good night", "Bonne nuit")]
    assert [(r.line, r.reported_reason) for r in result.rejects] == [
        (3, "invalid-tuv: tuv without xml:lang"),
        (5, "invalid-tuv: tuv fr-FR with 0 seg elements (TMX allows one)"),
        (6, "invalid-tuv: tuv en-GB with 2 seg elements (TMX allows one)"),
        (8, "invalid-tuv: tuv fr-FR with 2 seg elements (TMX allows one)")]
    assert result.rejects[2].text == "Thank you very much\textra\tMerci beaucoup"

    out, report = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    built = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--rejects",
                                      str(report), "--no-clean", "all"])
    assert built.exit_code == 0, built.output
    assert "5 units read = 1 in units + 4 rejected" in built.output
    assert texts(out, "en-GB", "fr-FR") == [("Good night", "Bonne nuit")]
    assert [r.reason.split(":")[0] for r in read_rejects(report)] == ["invalid-tuv"] * 4


def test_build_leaves_omegat_alternatives_out_and_keeps_the_default(tmp_path):
    # OmegaT's real project_save.tmx plus two alternatives of its first default translation
    # (tied to a place by file+id, by file+prev+next, or by file alone, which OmegaT 3.6
    # also takes for an alternative): written as plain units (x-file, x-id) they competed
    # with the default, and OmegaT filled the segment with one of them
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.formats.rejects import read_rejects

    text = (OMEGAT / "project_save.tmx").read_text(encoding="utf-8")
    first = text[text.index("<tu>"):text.index("</tu>") + len("</tu>")]
    contexts = ('<prop type="file">ui/menu.properties</prop><prop type="id">menu.save</prop>',
                '<prop type="file">ui/a.txt</prop><prop type="prev">Save</prop>'
                '<prop type="next">Close</prop>', '<prop type="file">ui/b.txt</prop>')
    cut = first.rindex("</seg>")  # each alternative's target: the default's, changed
    alternatives = "".join(f"{first[:cut]} ({n}){first[cut:]}".replace("<tu>", f"<tu>{props}")
                           for n, props in enumerate(contexts))
    path = tmp_path / "project_save.tmx"
    path.write_text(text.replace("</body>", alternatives + "</body>"), encoding="utf-8")
    defaults = read_tmx(OMEGAT / "project_save.tmx", source_lang="en", target_lang="fr").pairs

    out, report = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    built = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--rejects",
                                      str(report), "--profile", "omegat", "--no-clean", "all"])
    assert built.exit_code == 0, built.output
    assert texts(out, "en-GB", "fr-FR") == [(p.source, p.target) for p in defaults]
    reasons = [r.reason for r in read_rejects(report)]
    assert len(reasons) == 3
    assert all(r.startswith("omegat-alternative: OmegaT alternative translation") for r in reasons)
    assert "id=menu.save" in reasons[0] and "prev=Save" in reasons[1]
    assert "(file=ui/b.txt)" in reasons[2]
    assert b"x-file" not in out.read_bytes()


def test_import_1k_unit_srclang_does_not_change_the_requested_direction():
    path = LISA / "ImportTest1K.tmx"
    assert texts(path, "de-DE", "en-GB") == [("First Entry - German", "First Entry - UK English")]
    assert texts(path, "en-GB", "fr-CA") == [
        ("Second Entry - UK English", "Second Entry - French Canadian")
    ]
    assert [r.reason for r in read_tmx(path, source_lang="en-GB", target_lang="fr-CA").rejects] \
        == ["missing-target-language"]


@pytest.mark.parametrize("name", ["ImportTest1L", "ImportTest2C"])
def test_import_1l_2c_props_notes_and_attributes_kept(name):
    [pair] = read_tmx(LISA / f"{name}.tmx", source_lang="en-US", target_lang="fr").pairs
    assert isinstance(pair, TmxPair)
    assert pair.props == {"myPropeType": "Data"}
    assert pair.notes == ("Text of tu note 1", "Text of tu note 2")
    assert pair.tuid == "tu001"
    assert ("note", "", "Text of tuv en note 1") in pair.source_meta
    assert ("prop", "myPropeType", "Data") in pair.target_meta
    assert ("note", "", "Text of tuv fr note 1") in pair.target_meta
    header = read_tmx_header(LISA / f"{name}.tmx")
    assert header["creationtool"] == "myTool" and header["segtype"] == "block"


def _attributes(element: etree._Element, *leave_out: str) -> dict[str, str]:
    return {name: value for name, value in element.items()
            if name not in leave_out and not name.endswith("}lang") and name != "lang"}


def _lang_and_text(tuv: etree._Element) -> tuple[str, bytes]:
    lang = tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang")
    return lang.lower(), etree.tostring(tuv.find("seg"), method="c14n")


@pytest.mark.parametrize(("path", "source", "target"), [
    (LISA / "ImportTest1L.tmx", "en-US", "fr"), (LISA / "ImportTest2C.tmx", "en-US", "fr"),
    (OMEGAT / "project_save.tmx", "en", "fr")])
def test_build_keeps_the_dates_authors_and_usage_of_tmx_units(tmp_path, path, source, target):
    # CAT tools choose between conflicting matches by change dates and authors: a unit read
    # from a TMX keeps its tu's and tuvs' attributes as written (and no creationdate of the
    # run where it had none); its tuid goes to an x-tuid prop as the unit is numbered anew;
    # the header keeps the datatype of its input (LISA's html: the segs keep its codes)
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.tools import validate

    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--source-lang",
                                       source, "--target-lang", target, "--no-clean", "all",
                                       "--keep-duplicates", "-q"])
    assert result.exit_code == 0, result.output
    assert validate([out]) == []
    read = {tu.sourceline: tu for tu in etree.parse(str(path)).iter("tu")}
    units = {pair.line: pair for pair in read_tmx(path, source_lang=source,
                                                  target_lang=target).pairs}
    written = list(etree.parse(str(out)).iter("tu"))
    assert len(written) == len(units) > 0
    header = etree.parse(str(out)).find("header").get("segtype")
    read_header = etree.parse(str(path)).find("header").get("segtype")
    for tu, (line, pair) in zip(written, units.items(), strict=True):
        original = read[line]
        assert (_attributes(tu, "tuid", "segtype")
                == _attributes(original, "tuid", "srclang", "segtype"))
        # the unit's kind is the same, said on the tu or by the header
        assert (tu.get("segtype") or header) == (original.get("segtype") or read_header)
        tuvs = {_lang_and_text(tuv): tuv for tuv in original.iter("tuv")}
        for tuv in tu.iter("tuv"):
            assert _attributes(tuv) == _attributes(tuvs[_lang_and_text(tuv)])
        file_tuid = [prop.text for prop in tu.iter("prop") if prop.get("type") == "x-tuid"]
        assert file_tuid == ([pair.tuid] if pair.tuid not in (None, tu.get("tuid")) else [])
    header = read_tmx_header(path)
    assert etree.parse(str(out)).find("header").get("datatype") == header["datatype"]
    if "creationid" in _attributes(read[next(iter(units))]):
        assert written[0].get("creationid") == "ys"
    else:  # OmegaT: the authors and dates on the translation's tuv
        assert written[0].find("tuv[2]").get("changeid") == "Hiroshi Miura"
        assert written[0].get("creationdate") is None


def test_build_of_memories_of_different_datatypes_keeps_each_units_own(tmp_path):
    # LISA's HTML memory built with its RTF one and OmegaT's plain text: the header said
    # datatype="plaintext" and no unit said otherwise, so a CAT tool read the HTML and RTF
    # codes as plain text. As merge does, the header says unknown, and each unit its
    # memory's datatype (a tu's own, ImportTest2C's plaintext, kept)
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.tools import validate

    out = tmp_path / "out.tmx"
    inputs = [LISA / "ImportTest2A.tmx", LISA / "ImportTest2B.tmx", LISA / "ImportTest2C.tmx",
              OMEGAT / "en-fr.tmx"]
    result = CliRunner().invoke(main, ["build", *map(str, inputs), "-o", str(out),
                                       "--source-lang", "en-US", "--target-lang", "fr-CA",
                                       "--no-clean", "all", "--keep-duplicates", "-q"])
    assert result.exit_code == 0, result.output
    assert validate([out]) == []
    tree = etree.parse(str(out))
    assert tree.find("header").get("datatype") == "unknown"
    kinds = {}
    for tu in tree.iter("tu"):
        document = tu.find("prop[@type='x-document']").text
        kinds.setdefault(Path(document).name, set()).add(tu.get("datatype"))
    assert kinds == {"ImportTest2A.tmx": {"html"}, "ImportTest2B.tmx": {"rtf"},
                     "ImportTest2C.tmx": {"plaintext"}, "en-fr.tmx": {"plaintext"}}
    # memories that agree give their datatype to the header, and no unit repeats it
    result = CliRunner().invoke(main, ["build", str(inputs[0]), str(LISA / "ExportTest2A.tmx"),
                                       "-o", str(out), "--source-lang", "en-US",
                                       "--target-lang", "fr-CA", "-q"])
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(out))
    assert tree.find("header").get("datatype") == "html"
    assert [tu.get("datatype") for tu in tree.iter("tu")] == [None] * len(tree.findall("body/tu"))


def test_build_writes_tmx_dates_in_the_tmx_form_and_leaves_out_those_it_cannot_read(tmp_path):
    # TMX 1.4b has one form of date, YYYYMMDDThhmmssZ (UTC): another ISO 8601 form is
    # rewritten (a zone turned into UTC, a fraction dropped), a date not readable left out,
    # each counted in the summary
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.tools import validate

    text = (LISA / "ImportTest1L.tmx").read_text(encoding="utf-8-sig")
    lines = text.split("\n")  # the tu's dates (29-31), then the English tuv's (41-43)
    lines[28] = lines[28].replace('"20020523T091200Z"', '"2002-05-23T09:12:00.25"')
    lines[29] = lines[29].replace('"20020523T091200Z"', '"2002-05-23T11:12:00+02:00"')
    lines[42] = lines[42].replace('"20020523T091200Z"', '"yesterday"')
    # the TMX form in lower case, as some tools write it, was left out as unreadable
    lines[41] = lines[41].replace('"20020523T091200Z"', '"20020523t091200z"')
    assert "20020523t091200z" in lines[41]
    dated = tmp_path / "dated.tmx"
    dated.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(dated), "-o", str(out), "--source-lang",
                                       "en-US", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "3  dates rewritten in the TMX form YYYYMMDDThhmmssZ" in result.output
    assert "1  dates not readable as ISO 8601, left out" in result.output
    [tu] = etree.parse(str(out)).iter("tu")
    assert (tu.get("lastusagedate"), tu.get("creationdate"), tu.get("changedate")) == (
        "20020523T091200Z", "20020523T091200Z", "20020523T091200Z")
    english = tu.find("tuv")
    assert english.get("changedate") is None and english.get("changeid") == "ys"
    assert "20020523t091200z" not in out.read_text(encoding="utf-8")
    assert sum(value == "20020523T091200Z" for element in (tu, english)
               for value in element.attrib.values()) == 5  # the tu's three, the tuv's two
    assert validate([out]) == []


def test_build_writes_a_code_without_its_other_half_as_an_isolated_code(tmp_path):
    # TMX to TMX: a bpt whose ept is not in its seg is written as <it pos="begin">, with its
    # native code, so that the output passes validate
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.tools import validate

    text = (LISA / "ImportTest1L.tmx").read_text(encoding="utf-8-sig").replace(
        "<seg>Text of the segment.</seg>", '<seg>Text <bpt i="7" x="1">{b}</bpt>of the '
        "segment.</seg>", 1)
    alone = tmp_path / "alone.tmx"
    alone.write_text(text, encoding="utf-8")
    assert len(validate([alone])) == 1
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(alone), "-o", str(out), "--source-lang",
                                       "en-US", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "1  paired codes without their other half in the segment, written as <it>" \
        in result.output
    seg = etree.parse(str(out)).find("body/tu/tuv/seg")
    assert etree.tostring(seg, encoding="unicode") == (
        '<seg>Text <it x="1" pos="begin">{b}</it>of the segment.</seg>')
    assert validate([out]) == []


@pytest.mark.parametrize(("english", "french"), [
    # a required attribute missing: i of a bpt/ept, pos of an it
    ('<bpt x="1">{b}</bpt>Text<ept>{/b}</ept> of the segment.',
     '<bpt x="1">{b}</bpt>Texte<ept>{/b}</ept> du segment.'),
    ('<it x="1">{b}</it>Text of the segment.', '<it x="1">{b}</it>Texte du segment.'),
    # an attribute the DTD does not declare on a code
    ('Text <ph id="5" x="1">{1}</ph>of the segment.', 'Texte <ph id="5" x="1">{1}</ph>du segment.'),
    # a sub-flow right in the segment, not in a code
    ('Text <sub>of the</sub> segment.', 'Texte <sub>du</sub> segment.'),
])
def test_build_writes_codes_tmx_does_not_allow_as_plain_text(tmp_path, english, french):
    # the codes were copied as they were: the written memory failed the DTD (and validate),
    # and an importer that validates refuses such a file whole
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.tools import validate

    text = (LISA / "ImportTest1L.tmx").read_text(encoding="utf-8-sig")
    text = text.replace("<seg>Text of the segment.</seg>", f"<seg>{english}</seg>", 1)
    text = text.replace("<seg>Texte du segment.</seg>", f"<seg>{french}</seg>", 1)
    memory = tmp_path / "bad-codes.tmx"
    memory.write_text(text, encoding="utf-8")
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(memory), "-o", str(out), "--source-lang",
                                       "en-US", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "2  inline codes not TMX 1.4b, written as plain text" in result.output
    segs = [seg for seg in etree.parse(str(out)).iter("seg")]
    assert [(len(seg), seg.text) for seg in segs] == [
        (0, "Text of the segment."), (0, "Texte du segment.")]
    assert validate([out]) == []


def test_three_letter_language_codes_of_a_tmx_are_their_languages(tmp_path):
    # tuvs labelled with ISO 639-2 codes (eng, fre-CA), as some tools write them: no unit
    # was found for any pair, --source-lang eng (read as en) included, and the memory was
    # refused whole ("all rejected (7 missing-source-language)")
    from click.testing import CliRunner

    from tmx_export.cli import main

    text = (LISA / "ImportTest2A.tmx").read_text(encoding="utf-16")
    text = re.sub(r'xml:lang="en-us"', 'xml:lang="eng"', text, flags=re.IGNORECASE)
    text = re.sub(r'xml:lang="fr-ca"', 'xml:lang="fre-CA"', text, flags=re.IGNORECASE)
    memory = tmp_path / "iso639-2.tmx"
    memory.write_text(text, encoding="utf-8")
    assert texts(memory, "en-US", "fr-CA") == IMPORT_2A
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(memory), "-o", str(out), "--source-lang",
                                       "eng", "--target-lang", "fra-CA"])
    assert result.exit_code == 0, result.output
    assert "7 units read = 7 in units + 0 rejected" in result.output
    langs = [tuv.get(XML_LANG) for tuv in etree.parse(str(out)).iter("tuv")]
    assert langs == ["en", "fr-CA"] * 7


def test_withdrawn_language_codes_of_a_tmx_are_their_languages(tmp_path):
    # OmegaT on Java before 17 labelled Hebrew "IW-IL" (Java's withdrawn code). The options
    # are read in standard form (he-IL), the tuvs were not: the memory, which declares
    # EN-US -> IW-IL, was refused whole ("all rejected (3 missing-target-language)"),
    # --target-lang iw-IL too, and concordance found nothing in it
    from click.testing import CliRunner

    from tmx_export.cli import main

    memory = Path(__file__).parent / "data" / "tmx_withdrawn_code_en_iw.tmx"
    assert len(texts(memory, "en-US", "he-IL")) == 3
    for options in ([], ["--source-lang", "en-US", "--target-lang", "iw-IL"]):
        out = tmp_path / "out.tmx"
        result = CliRunner().invoke(main, ["build", str(memory), "-o", str(out), *options])
        assert result.exit_code == 0, result.output
        assert "3 units read = 3 in units + 0 rejected" in result.output
        langs = [tuv.get(XML_LANG) for tuv in etree.parse(str(out)).iter("tuv")]
        assert langs == ["en-US", "he-IL"] * 3
    result = CliRunner().invoke(main, ["concordance", str(memory), "liberty"])
    assert result.exit_code == 0, result.output
    assert "לחירות" in result.output


def test_import_1l_plain_text():
    assert texts(LISA / "ImportTest1L.tmx", "en-US", "fr") == [
        ("Text of the segment.", "Texte du segment.")
    ]
    # en-GB is the third tuv; it is chosen when asked for.
    assert texts(LISA / "ImportTest1L.tmx", "en-GB", "fr-FR")[0][0] == "Text of the segment."


IMPORT_2A = [
    ("The big black cat sleeps.", "Le gros chat noir dors."),
    ('Test for special characters = <=lt, >=gt, &=amp, "=quot.',
     'Test pour caractères spéciaux = <=lt, >=gt, &=amp, "=quot.'),
    ("Nested formatting = Bold+Italic+Underlined, Bold+Italic, Bold.",
     "Format en gigogne = gras+italique+souligné, gras+italique, gras."),
    ("First sentence.", "Première phrase."),
    ("Second sentence.", "Seconde phrase."),
    ("Picture: ", "Image: "),
    # order inverted in the file: the French tuv comes first
    ("Some text with a part highlighted.", "Du texte avec une portion délimitée."),
]


@pytest.mark.parametrize("name", ["ImportTest2A", "ImportTest2A-0index"])
def test_import_2a_inline_codes_stripped_for_text(name):
    assert texts(LISA / f"{name}.tmx", "en-US", "fr-CA") == IMPORT_2A


def test_import_2a_inline_codes_kept_as_markup():
    pairs = read_tmx(LISA / "ImportTest2A.tmx", source_lang="en-US", target_lang="fr-CA").pairs
    assert pairs[0].source_markup == (
        'The big <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>black<ept i="1">&lt;/b&gt;</ept> '
        '<bpt i="2" x="2" type="ulined">&lt;u&gt;</bpt>cat<ept i="2">&lt;/u&gt;</ept> sleeps.'
    )
    assert pairs[5].target_markup == (
        'Image: <ph x="1" type="image" assoc="p">&lt;img src="img.png"/&gt;</ph>')
    assert pairs[6].source_markup == (
        'Some text with <hi x="1" type="special-part">a part highlighted</hi>.')


def test_import_2b_rtf_codes():
    pairs = read_tmx(LISA / "ImportTest2B.tmx", source_lang="en-US", target_lang="fr-CA").pairs
    assert (pairs[0].source, pairs[0].target) == IMPORT_2A[0]
    assert '<bpt i="1" x="1" type="bold">{\\b </bpt>' in pairs[0].source_markup
    assert (pairs[4].source, pairs[4].target) == ("Second sentence.", "Seconde phrase.")
    # the kit's own typo: "text", not "texte"
    assert pairs[6].target == "Du text avec une portion délimitée."


def test_import_2c_sub_flow_inside_a_code_is_not_segment_text():
    [pair] = read_tmx(LISA / "ImportTest2C.tmx", source_lang="en-US", target_lang="fr").pairs
    # the image between two spaces leaves one: the plain text has no double space
    assert (pair.source, pair.target) == ("Click to start.", "Cliquez pour commencer.")
    assert "<sub>Start Here!</sub>" in pair.source_markup
    assert "<sub>Commencez ici !</sub>" in pair.target_markup


@pytest.mark.parametrize(("seg", "text"), [
    ('<seg>Click <ph x="1"/> here</seg>', "Click here"),
    ('<seg>Click <bpt i="1"/><ept i="1"/> here</seg>', "Click here"),
    ('<seg>Click <hi><ph x="1"/></hi> here</seg>', "Click here"),
    # a code glued to a word adds no space, and takes none away
    ('<seg>a<ph x="1"/>b</seg>', "ab"),
    ('<seg>a <ph x="1"/>b</seg>', "a b"),
    ('<seg>a<ph x="1"/> b</seg>', "a b"),
    # the text's own double space stays (check reports it)
    ('<seg>Click  <ph x="1"/> here</seg>', "Click  here"),
    ('<seg>Click <hi>to</hi> start</seg>', "Click to start"),
    # elements TMX does not know (XLIFF's, written into a TMX) keep the words they wrap;
    # an empty one is a code
    ('<seg>Press <g id="1">the button</g> now</seg>', "Press the button now"),
    ('<seg>A <mrk mtype="term">term</mrk> here</seg>', "A term here"),
    ('<seg>An <x id="2"/> placeholder</seg>', "An placeholder"),
    ('<seg>Press <g id="1"><ph x="1"/>the</g> button</seg>', "Press the button"),
])
def test_a_removed_code_leaves_one_space_between_words(seg, text):
    assert seg_text(etree.fromstring(seg)) == text


def test_build_keeps_the_words_inside_codes_tmx_does_not_know(tmp_path):
    # A memory whose segments carry XLIFF's <g> and <mrk>: written as plain text (they are
    # not TMX 1.4b's codes), the words they wrap were lost ("Press to continue."), a
    # wrong unit a CAT tool would offer as a match
    from click.testing import CliRunner

    from tmx_export.cli import main

    text = (LISA / "ImportTest1L.tmx").read_text(encoding="utf-8-sig")
    text = text.replace("<seg>Text of the segment.</seg>",
                        '<seg>Press <g id="1">the button</g> to see the '
                        '<mrk mtype="term">segment</mrk>.</seg>', 1)
    text = text.replace("<seg>Texte du segment.</seg>",
                        '<seg>Appuyez sur <g id="1">le bouton</g> pour voir le '
                        '<mrk mtype="term">segment</mrk>.</seg>', 1)
    memory = tmp_path / "xliff-codes.tmx"
    memory.write_text(text, encoding="utf-8")
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(memory), "-o", str(out), "--source-lang",
                                       "en-US", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "2  inline codes not TMX 1.4b, written as plain text" in result.output
    segs = [seg.text for seg in etree.parse(str(out)).iter("seg")]
    assert segs == ["Press the button to see the segment.",
                    "Appuyez sur le bouton pour voir le segment."]


def test_export_2a_isolated_tags():
    assert texts(LISA / "ExportTest2A.tmx", "en-US", "fr-CA")[4:] == [
        ("Sentence one.", "Phrase 1."), ("And two.", "Et 2."),
    ]


@pytest.mark.parametrize("path", sorted(LISA.glob("*.tmx")) + sorted(OMEGAT.glob("*.tmx"))
                         + sorted(DGT.glob("*.tmx")), ids=lambda p: p.name)
def test_markup_reparses_to_the_original_seg(path):
    """Inline markup survives: re-parsed, it is the file's own <seg>, byte for byte (C14N)."""
    original = [
        etree.tostring(seg, method="c14n")
        for seg in etree.parse(str(path), etree.XMLParser(resolve_entities=False,
                                                          no_network=True)).iter("seg")
    ]
    rebuilt = []
    for unit in iter_units(path):
        for tuv in unit.tuvs:
            markup = tuv.markup if tuv.markup is not None else _escape(tuv.text)
            seg = etree.fromstring(f"<seg>{markup}</seg>")
            assert seg_text(seg) == tuv.text
            rebuilt.append(etree.tostring(seg, method="c14n"))
    assert rebuilt == original


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- OmegaT, translate-toolkit, EuroParlExtract ----------------------------------------------

def test_omegat_tmx_1_1_lang_attribute():
    assert texts(OMEGAT / "en-fr.tmx", "en-GB", "fr-FR") == [(
        "Connect to custom server instead of apertium.org",
        "Se connecter à un serveur personnalisé au lieu d'apertium.org",
    )]
    pairs = texts(OMEGAT / "project_save.tmx", "en", "fr")
    assert len(pairs) == 5
    assert pairs[3] == ("Error while reading MT results",
                        "Erreur lors de la lecture des résultats de TA")


def test_omegat_level2_codes():
    assert texts(OMEGAT / "test-level2.tmx", "en", "be") == [
        ("entuv", "betuv"),
        # a code between two spaces leaves one
        ("First part end.", "First tr."),
        ("2 zz xx", "tr"),
        ("3 xx", "tr"),
    ]


def test_four_languages_one_unit():
    path = OMEGAT / "en-US_en-GB_fr_sr.tmx"
    assert texts(path, "en-GB", "fr-FR") == [("XXX", "YYY")]
    assert texts(path, "en-US", "sr") == [("XXx", "ZZZ")]


def test_translate_toolkit_output_with_escaped_html():
    pairs = texts(OMEGAT / "test-match-stat-en-ca.tmx", "en", "ca")
    assert len(pairs) == 259
    assert pairs[0] == ("<b>%{target_username}</b> is now an administrator.",
                        "<b>%{target_username}</b> és ara administrador.")
    # a line break inside <seg> is content, kept as written
    assert pairs[4][0] == ("Sorry, this account confirmation link is no longer valid. "
                           "Perhaps your account is\n        already")


def test_europarl_extract():
    pairs = texts(DATA / "europarl-extract" / "parallel_en-de.tmx", "en-GB", "de-DE")
    assert len(pairs) == 3
    assert pairs[2] == ("We were diverted to Basel-Mulhouse Airport.",
                        "Wir wurden zum Flughafen Basel-Mülhausen umgeleitet.")
    result = read_tmx(DATA / "europarl-extract" / "parallel_en-de.tmx",
                      source_lang="en-GB", target_lang="fr-FR")
    assert not result.pairs and {r.reason for r in result.rejects} == {"missing-target-language"}


# --- DGT-TM: UTF-16LE + BOM + CRLF, lang=, 24 languages, units missing French --------------

def test_dgt_files_are_the_real_encoding():
    for path in DGT.glob("*.tmx"):
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF16_LE)
        assert "\r\n" in data[:400].decode("utf-16")


def test_dgt_pairs_match_independent_extraction():
    with open(DGT / "expected_en-gb_fr-fr.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for path in sorted(DGT.glob("*.tmx")):
        expected = [(r["en_gb"], r["fr_fr"]) for r in rows if r["file"] == path.stem]
        assert expected, path
        result = read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
        assert [(p.source, p.target) for p in result.pairs] == expected, path.name
        total = sum(1 for _ in iter_units(path))
        assert len(result.pairs) + len(result.rejects) == total


def test_dgt_by_eye():
    result = read_tmx(DGT / "22019D0391.tmx", source_lang="en-GB", target_lang="fr-FR")
    first = result.pairs[0]
    assert first.source.startswith("Decision No 1/2019 of the Trade and Development Committee")
    assert first.target.startswith(
        "Décision no\u00a01/2019 du comité «Commerce et\u00a0développement»")
    assert first.props == {"Txt::Doc. No.": "22019D0391"}
    assert first.line == 8  # the <tu> line, counted in the UTF-16 CRLF file
    assert (first.source_lang, first.target_lang) == ("en-GB", "fr-FR")
    assert len(result.pairs) == 19 and len(result.rejects) == 6
    assert any(r.text.endswith("O. Ward") and "DA-01" in r.text for r in result.rejects)

    # pseudo-region DA-01 matched by primary subtag
    da = read_tmx(DGT / "22019D0391.tmx", source_lang="en-GB", target_lang="da-DK").pairs[0]
    assert da.target == ("Afgørelse nr. 1/2019 truffet af Udvalget for Handel og Udvikling, der er "
                         "nedsat ved den økonomiske partnerskabsaftale mellem Den Europæiske Union "
                         "og dens medlemsstater på den ene side og SADC-ØPA-landene på den "
                         "anden side")

    pairs = texts(DGT / "22019D0437.tmx", "en-GB", "fr-FR")
    assert pairs[0] == ("Decision No 1/2019 of the Joint Council",
                        "Décision no\u00a01/2019 du conseil conjoint")
    assert texts(DGT / "22019A0315(01).tmx", "en-GB", "el")[0] == ("Agreement", "ΜΕΤΑΦΡΑΣΗ")


def test_dgt_units_list_every_language():
    unit = next(iter_units(DGT / "22019A0315(01).tmx"))
    assert len(unit.tuvs) == 23
    assert unit.tuvs[0].lang == "EN-GB" and unit.tuvs[-1].lang == "HR-HR"
    assert unit.props == [("Txt::Doc. No.", "22019A0315(01)")]


# --- streaming, gzip, errors --------------------------------------------------------------

def test_iter_tmx_is_lazy_and_equal_to_read_tmx():
    path = DGT / "22019D0996.tmx"
    stream = iter_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    first = next(stream)
    result = read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    assert first == result.pairs[0]
    assert len(result.pairs) == 54 and len(result.rejects) == 6


def test_gzip_input(tmp_path):
    gz = tmp_path / "kit.tmx.gz"
    gz.write_bytes(gzip.compress((LISA / "ImportTest2A.tmx").read_bytes()))
    assert texts(gz, "en-US", "fr-CA") == IMPORT_2A


def test_not_well_formed_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/>\n<body>\n'
                   '<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n<tuv xml:lang="fr"><seg>b</tuv>'
                   '</tu></body></tmx>\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_tmx(bad, source_lang="en", target_lang="fr")
    assert str(err.value).startswith(f"{bad}:5: not well-formed XML")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-8", "utf-32-le"])
def test_lines_ending_in_a_lone_cr_are_the_lines_an_editor_shows(tmp_path, encoding):
    # old Mac tools end lines with a CR alone, which libxml2 does not count: every unit and
    # every error of such a file was on line 1
    original = DGT / "22019D0996.tmx"  # UTF-16LE, CRLF, 300 KB: read in many chunks
    with open(original, encoding="utf-16", newline="") as handle:
        text = handle.read().replace('encoding="UTF-16LE"', f'encoding="{encoding[:6].upper()}"')
    mac = tmp_path / "mac.tmx"
    mac.write_bytes(("\ufeff" + text.replace("\r\n", "\r")).encode(encoding))
    lines = [unit.line for unit in iter_units(original)]
    assert [unit.line for unit in iter_units(mac)] == lines and lines[-1] > 1000
    pairs = [[(p.source, p.target, p.line) for p in read_tmx(
        path, source_lang="en-GB", target_lang="fr-FR").pairs] for path in (mac, original)]
    assert pairs[0] == pairs[1]
    # a seg broken in the middle of the file is named at its line
    at = text.index("</seg>", len(text) // 2)
    broken = text[:at] + "</sg>" + text[at + len("</seg>"):]
    mac.write_bytes(("\ufeff" + broken.replace("\r\n", "\r")).encode(encoding))
    expected = text[:at].count("\n") + 1
    with pytest.raises(InputError) as err:
        read_tmx(mac, source_lang="en-GB", target_lang="fr-FR")
    assert err.value.line == expected and expected > 100


def test_undefined_entity_is_an_input_error(tmp_path):
    bad = tmp_path / "nbsp.tmx"
    bad.write_text('<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a&nbsp;b'
                   '</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(InputError, match="nbsp"):
        read_tmx(bad, source_lang="en", target_lang="fr")


def test_other_xml_is_not_tmx(tmp_path):
    xliff = tmp_path / "a.xlf"
    xliff.write_text('<xliff version="1.2"><file><body><tu/></body></file></xliff>')
    with pytest.raises(InputError, match=r"not a TMX file \(root element <xliff>\)"):
        read_tmx(xliff, source_lang="en", target_lang="fr")
    empty_root = tmp_path / "b.xml"
    empty_root.write_text("<martif/>")
    with pytest.raises(InputError, match="not a TMX file"):
        read_tmx(empty_root, source_lang="en", target_lang="fr")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_tmx(tmp_path / "nope.tmx", source_lang="en", target_lang="fr")
    with pytest.raises(InputError, match="is a directory"):
        read_tmx(tmp_path, source_lang="en", target_lang="fr")


def test_binary_garbage_is_an_input_error(tmp_path):
    junk = tmp_path / "junk.tmx"
    junk.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError):
        read_tmx(junk, source_lang="en", target_lang="fr")


# --- the TMX namespace as the root's default (TMX 1.4b section 1.1) ----------------------

def _namespaced(data: bytes, encoding: str, declaration: str) -> bytes:
    """``data`` (a TMX file in ``encoding``) with the root declaring ``declaration`` on a
    line of its own: one line more before each unit."""
    root = '<tmx version="1.4">'.encode(encoding)
    assert data.count(root) == 1
    return data.replace(root, f'<tmx version="1.4"\n     {declaration}>'.encode(encoding))


@pytest.mark.parametrize("declaration", ['xmlns="http://www.lisa.org/tmx14"',
                                         "xmlns = 'http://www.lisa.org/tmx14'"])
def test_tmx_namespace_as_default_is_read_as_tmx(tmp_path, declaration):
    # a real DGT-TM export (UTF-16LE, BOM, CRLF) as a tool that declares the namespace
    # writes it: the same units, each one line further down
    plain = DGT / "22019D0391.tmx"
    namespaced = tmp_path / "ns.tmx"
    namespaced.write_bytes(_namespaced(plain.read_bytes(), "utf-16-le", declaration))
    before = read_tmx(plain, source_lang="en-GB", target_lang="fr-FR")
    after = read_tmx(namespaced, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in after.pairs] == \
        [(p.source, p.target) for p in before.pairs]
    assert [p.line for p in after.pairs] == [p.line + 1 for p in before.pairs]
    assert len(after.rejects) == len(before.rejects) == 6
    assert read_tmx_header(namespaced)["srclang"] == "EN-GB"


def test_tmx_namespace_inline_codes_keep_no_namespace(tmp_path):
    # the inline codes of a unit come out as TMX markup, not with the namespace declared
    plain = LISA / "ImportTest2A.tmx"
    data = plain.read_bytes()
    namespaced = tmp_path / "ns.tmx"
    namespaced.write_bytes(_namespaced(data, "utf-16-le", 'xmlns="http://www.lisa.org/tmx14"'))
    assert texts(namespaced, "en-US", "fr-CA") == IMPORT_2A
    markup = [p.source_markup for p in read_tmx(namespaced, source_lang="en-US",
                                                target_lang="fr-CA").pairs]
    assert markup == [p.source_markup for p in read_tmx(plain, source_lang="en-US",
                                                        target_lang="fr-CA").pairs]
    assert any(markup) and not any("xmlns" in m for m in markup if m)


def test_other_namespace_is_not_tmx(tmp_path):
    other = tmp_path / "other.tmx"
    other.write_text('<tmx xmlns="urn:example:not-tmx" version="1.4"><header/><body>'
                     '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputError, match=r"not a TMX file \(root element <\{urn:example"):
        read_tmx(other, source_lang="en", target_lang="fr")


UNIT = ('<tu tuid="a2"><tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here'
        '<ept i="1">&lt;/b&gt;</ept> to continue.</seg></tuv><tuv xml:lang="fr-FR"><seg>'
        'Cliquez <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept> pour continuer.'
        '</seg></tuv></tu>')
TMX_NS = 'xmlns="http://www.lisa.org/tmx14"'


def _one_unit(tmp_path, root: str, unit: str, body: str = "<body>") -> list:
    path = tmp_path / "one.tmx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n'
                    f'<header srclang="en-GB"/>\n{body}\n{unit}\n</body>\n</tmx>\n'
                    .replace("</body>\n</tmx>", "</t:body>\n</t:tmx>" if "<t:" in root
                             else "</body>\n</tmx>"), encoding="utf-8")
    return [(p.source_markup, p.target_markup, p.line)
            for p in read_tmx(path, source_lang="en-GB", target_lang="fr-FR").pairs]


@pytest.mark.parametrize("where", ["body", "tu", "tuv", "seg", "bpt"])
def test_tmx_namespace_declared_again_inside_is_read_as_tmx(tmp_path, where):
    # TMX's namespace declared on the root and again on an element inside (on <body> only,
    # or on every element of a kind, as some writers do): the same unit, codes and all
    expected = _one_unit(tmp_path, '<tmx version="1.4">', UNIT)
    assert expected and expected[0][0].count("<bpt") == 1
    if where == "body":
        assert _one_unit(tmp_path, '<tmx version="1.4">', UNIT, f"<body {TMX_NS}>") == expected
        return
    unit = re.sub(rf"<{where}\b", f"<{where} {TMX_NS}", UNIT)
    assert unit != UNIT
    assert _one_unit(tmp_path, f'<tmx {TMX_NS} version="1.4">', unit) == expected


def test_tmx_namespace_with_a_prefix_is_read_as_tmx(tmp_path):
    expected = _one_unit(tmp_path, '<tmx version="1.4">', UNIT)
    prefixed = re.sub(r"<(/?)(tu|tuv|seg|bpt|ept)\b", r"<\1t:\2", UNIT)
    root = '<t:tmx xmlns:t="http://www.lisa.org/tmx14" version="1.4">'
    path = tmp_path / "prefixed.tmx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n'
                    f'<t:header srclang="en-GB"/>\n<t:body>\n{prefixed}\n</t:body>\n'
                    '</t:tmx>\n', encoding="utf-8")
    pairs = read_tmx(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source_markup, p.target_markup, p.line) for p in pairs] == expected
    assert read_tmx_header(path)["srclang"] == "en-GB"


def test_a_unit_in_another_namespace_is_refused_at_its_line(tmp_path):
    # not TMX's: no unit of the memory, and left unread it was dropped unnoticed
    path = tmp_path / "foreign.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                    '<header srclang="en-GB"/>\n<body>\n' + UNIT + "\n"
                    + UNIT.replace("<tu ", '<tu xmlns="urn:example:x" ') + "\n</body>\n</tmx>\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    assert err.value.line == 6 and "<tu> in the namespace urn:example:x" in err.value.message


def test_tuvs_in_another_script_of_the_language_asked_are_not_taken(tmp_path):
    """A zh-Hans tuv was taken for the zh-Hant asked, as a regional variant, and its
    Simplified characters written as Traditional Chinese: the unit lacks the language."""
    tmx = tmp_path / "zh.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" datatype="plaintext" segtype="sentence" o-tmf="x" '
        'adminlang="en" srclang="en-GB"/><body>\n<tu><tuv xml:lang="en-GB"><seg>The Member '
        'States shall comply with this Directive.</seg></tuv><tuv xml:lang="zh-Hans"><seg>'
        '成员国应遵守本指令。</seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    assert texts(tmx, "en-GB", "zh-Hant") == []
    assert texts(tmx, "en-GB", "zh-CN") == [
        ("The Member States shall comply with this Directive.", "成员国应遵守本指令。")]


def test_a_segtype_in_capitals_is_read_as_its_kind(tmp_path):
    """A header's segtype="Sentence" (a tool's spelling) was no known kind: the memory
    built from it said segtype="block", and a tu's own "Paragraph" was lost."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    source = Path(__file__).parent / "data" / "tmx" / "europarl-extract" / "parallel_en-de.tmx"
    text = source.read_text(encoding="utf-8").replace('segtype="sentence"', 'segtype="Sentence"')
    text = text.replace("<tu>", '<tu segtype="Paragraph">', 1)
    assert 'segtype="Sentence"' in text and 'segtype="Paragraph"' in text
    memory = tmp_path / "capitals.tmx"
    memory.write_text(text, encoding="utf-8")
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(memory), "-o", str(out), "--source-lang",
                                       "en", "--target-lang", "de", "--segment", "sentence"])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("segtype") == "sentence"
    assert [tu.get("segtype") for tu in root.iter("tu")][0] == "paragraph"


def test_build_keeps_the_line_breaks_of_notes_and_props(tmp_path):
    """A note of several lines (a reviewer's, from another CAT tool) came out as one line,
    and the summary counted its breaks as "line breaks in a segment replaced by a space";
    only a seg must be one line. The LISA kit's unit, with its notes and prop given lines."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    source = (LISA / "ImportTest1L.tmx").read_text("utf-8")
    source = source.replace("Text of tu note 1", "Text of tu\r\nnote 1\u2028(checked)")
    source = source.replace(">Data<", ">Data\nMore data<")
    assert "Text of tu\r\nnote 1" in source and "Data\nMore data" in source
    given, out = tmp_path / "notes.tmx", tmp_path / "out.tmx"
    given.write_bytes(source.encode("utf-8"))
    result = CliRunner().invoke(main, ["build", str(given), "-o", str(out), "--source-lang",
                                       "en-US", "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "line breaks" not in result.output
    [pair] = read_tmx(out, source_lang="en-US", target_lang="fr").pairs
    assert pair.notes == ("Text of tu\nnote 1\n(checked)", "Text of tu note 2")
    # (a property of the tool's own is written as TMX 1.4b asks, named "x-...")
    assert pair.props["x-myPropeType"] == "Data\nMore data"
    assert ("prop", "x-myPropeType", "Data\nMore data") in pair.target_meta
    [tuv_text] = [seg for seg in etree.parse(str(out)).iter("seg")][:1]
    assert "\n" not in etree.tostring(tuv_text, encoding="unicode")


# --- references to control characters (Trados exports of Word text) -----------------------

CONTROL_REFS = Path(__file__).parent / "data" / "tmx_control_refs_dgt_en_de.tmx"
CONTROL_TEXTS = [
    ("Article 1 Use of Terms", "Artikel\u00a01 Begriffsbestimmungen"),
    ("The Parties to this Agreement,", "Die Vertragsparteien dieses Übereinkommens\u00a0—"),
    ("RECOGNIZING that until recently ice has generally covered the high seas portion of "
     "the central Arctic Ocean on a year\u2011round basis, which has made fishing in those "
     "waters impossible, but that ice coverage in that area has diminished in recent years;",
     "IN DER ERKENNTNIS, dass die Hochseegewässer des zentralen Nordpolarmeeres noch bis vor "
     "Kurzem ganzjährig von Eis bedeckt waren, was die Fischerei in diesen Gewässern "
     "unmöglich machte, aber dass die Eisbedeckung in diesem Gebiet in den letzten Jahren "
     "zurückgegangen ist;"),
    ("HAVE AGREED as follows:", "SIND wie folgt ÜBEREINGEKOMMEN:"),
]


def test_t14_control_references_read_as_text_and_counted(tmp_path):
    # Word's manual line break (&#xB;), optional hyphen (&#x1F;) and non-breaking hyphen
    # (&#x1E;) as Trados exports them: XML refuses them, and a whole memory was refused
    # for one of them
    result = read_tmx(CONTROL_REFS, source_lang="en-GB", target_lang="de-DE")
    assert [(p.source, p.target) for p in result.pairs] == CONTROL_TEXTS
    assert sum(result.repairs.values()) == 4
    # in UTF-16, as DGT-TM's memories are, the same
    utf16 = tmp_path / "utf16.tmx"
    utf16.write_text(CONTROL_REFS.read_text(encoding="utf-8").replace(
        'encoding="utf-8"', 'encoding="UTF-16"'), encoding="utf-16")
    assert texts(utf16, "en-GB", "de-DE") == CONTROL_TEXTS


def test_t14_build_says_control_references_and_validate_still_refuses(tmp_path):
    from click.testing import CliRunner

    from tmx_export.cli import main

    out = tmp_path / "o.tmx"
    result = CliRunner().invoke(main, ["build", str(CONTROL_REFS), "-o", str(out),
                                       "--target-lang", "de-DE"])
    assert result.exit_code == 0, result.output
    assert "4  references to control characters read as text" in result.output
    assert "<seg>Article 1 Use of Terms</seg>" in out.read_text(encoding="utf-8")
    # the file is no valid TMX all the same
    checked = CliRunner().invoke(main, ["validate", str(CONTROL_REFS)])
    assert checked.exit_code == 1
    assert ("tmx_control_refs_dgt_en_de.tmx:10: not well-formed XML: a reference to the "
            "control character U+000B (&#xB;, Word's manual line break as Trados exports "
            "it), which XML cannot carry") in checked.output


def test_t14_control_reference_in_cdata_or_cut_across_reads():
    # in a CDATA section, a comment or a PI "&#xB;" is text, left as it is; a reference
    # may come cut across two reads of the stream, in UTF-8 and in UTF-16
    import io
    from collections import Counter

    from tmx_export.formats.xml import control_refs_read

    unit = ('<tu><tuv xml:lang="en"><seg>Article 1&#xB;Use&#x1F;</seg></tuv>'
            '<tuv xml:lang="de"><seg><![CDATA[a&#xB;b]]><!-- &#xB; --><?x &#xB;?></seg>'
            '</tuv></tu>\n')
    doc = f'<?xml version="1.0"?>\n<tmx><body>{unit * 400}</body></tmx>'
    want = doc.replace("1&#xB;Use&#x1F;", "1 Use")

    class Trickle(io.RawIOBase):
        """A stream read seven bytes at a time."""

        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            piece = self.data.read(min(len(buffer), 7))
            buffer[:len(piece)] = piece
            return len(piece)

    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-16"):
        data = doc.encode(encoding)
        for stream in (io.BytesIO(data), Trickle(data)):
            repairs: Counter[str] = Counter()
            read = control_refs_read(stream, data[:100], repairs).read()  # type: ignore[arg-type]
            assert read.decode(encoding) == want, encoding
            assert sum(repairs.values()) == 800
