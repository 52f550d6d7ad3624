"""merge / validate / stats on real TMX and TBX files, the click commands, detection, profiles."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tmx_export.cli.tools import merge_command, stats_command, validate_command
from tmx_export.errors import InputError
from tmx_export.formats import tmx as tmx_module
from tmx_export.formats.profiles import PROFILES, get_profile, keep_prop, lang_code, readme_section
from tmx_export.formats.tmx import (
    XML_LANG,
    iter_elements,
    iter_units,
    read_tmx,
    split_tmx,
    write_tmx,
)
from tmx_export.inputs import detect_format
from tmx_export.model import Pair
from tmx_export.tools import CONTEXT_PROPS, format_stats, merge, stats, validate

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
    # header from the first file, but for its datatype: the HTML files' and OmegaT's
    # plain text differ, so the header says unknown and each unit keeps its file's
    header = etree.parse(str(out)).find("header")
    assert header.get("creationtool") == "XYZTool" and header.get("datatype") == "unknown"
    kinds = [u.attrs.get("datatype") for u in iter_units(out)]
    assert kinds[:7] == ["html"] * 7 and kinds[-1] == "plaintext"
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
    # valid: the OmegaT unit is in "en", the language of the first file's header's "en-us"
    assert validate([out]) == [] and counts.invalid == {}



@pytest.mark.parametrize("jobs", [1, 2])
def test_namespaces_declared_on_the_root_stay_out_of_what_is_written(tmp_path, jobs):
    # a root declaring namespaces it does not use in its units (xmlns:xsi, as a tool that
    # names a schema writes): merged, each unit and code was written with them
    # (attributes the DTD does not declare), and the same unit in a file without them
    # was not a repeat
    plain = LISA / "ImportTest2A.tmx"
    root = '<tmx version="1.4">'.encode("utf-16-le")
    declared = tmp_path / "declared.tmx"
    data = plain.read_bytes()
    assert data.count(root) == 1
    declared.write_bytes(data.replace(root, (
        '<tmx version="1.4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:x="urn:example:other">').encode("utf-16-le")))
    out = tmp_path / "merged.tmx"
    counts = merge([declared, plain], out, jobs=jobs)
    assert (counts.written, counts.duplicates) == (7, 7)
    assert b"xmlns" not in out.read_bytes() and validate([out]) == []
    merged = read_tmx(out, source_lang="en-US", target_lang="fr-CA").pairs
    original = read_tmx(plain, source_lang="en-US", target_lang="fr-CA").pairs
    assert [p.source_markup for p in merged] == [p.source_markup for p in original]
    # read straight from the file, the codes are as clean
    assert [p.source_markup for p in read_tmx(declared, source_lang="en-US",
                                              target_lang="fr-CA").pairs] == \
        [p.source_markup for p in original]


def test_merge_stats_and_validate_read_a_directory_of_memories(tmp_path):
    # A project manager's folder of the memories each vendor sent: `merge vendors/ -o
    # all.tmx` was refused ("is a directory, expected a file"), as stats and validate were,
    # while build, check and concordance walk a directory.
    vendors = tmp_path / "vendors"
    for folder in ("a", "b", ".old"):
        (vendors / folder).mkdir(parents=True)
    shutil.copy(DGT / "22019D0391.tmx", vendors / "a")
    (vendors / "b" / "22019D0556.TMX.gz").write_bytes(
        gzip.compress((DGT / "22019D0556.tmx").read_bytes()))
    shutil.copy(DGT / "22019D0437.tmx", vendors / ".old")  # hidden: left out
    (vendors / "a" / "notes.txt").write_text("sent on 3 May\n", encoding="utf-8")
    files = [vendors / "a" / "22019D0391.tmx", vendors / "b" / "22019D0556.TMX.gz"]
    result = CliRunner().invoke(merge_command, [str(vendors), "-o", str(tmp_path / "all.tmx")])
    assert result.exit_code == 0, result.output
    merge(files, tmp_path / "named.tmx")
    assert (tmp_path / "all.tmx").read_bytes() == (tmp_path / "named.tmx").read_bytes()
    assert "44 units written" in result.output and "from 2 files" in result.output
    assert stats([vendors]).as_dict() == stats(files).as_dict()
    assert [str(p) for p in validate([vendors])] == [str(p) for p in validate(files)] != []
    # the merged memory in the folder is an input of the next merge of it: not overwritten
    result = CliRunner().invoke(merge_command, [str(vendors), "-o", str(vendors / "all.tmx")])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(merge_command, [str(vendors), "-o", str(vendors / "all.tmx")])
    assert result.exit_code == 1 and "output would overwrite an input file" in result.output
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(stats_command, [str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.output == (f"tmx-export: error: {tmp_path / 'empty'}: directory holds no "
                             "*.tmx, *.tmx.gz file\n")


def test_merge_and_validate_quiet_print_nothing_but_errors_and_problems(tmp_path):
    # A cron job merging and validating memories each night got their summary and "valid"
    # by mail every night: merge and validate had no --quiet, as build has.
    files = [str(LISA / "ExportTest1A.tmx"), str(LISA / "ImportTest1A.tmx")]
    out = tmp_path / "all.tmx"
    result = CliRunner().invoke(merge_command, [*files, "-o", str(out), "-q"])
    assert result.exit_code == 0 and result.output == "" and out.exists()
    result = CliRunner().invoke(validate_command, [str(out), "--quiet"])
    assert result.exit_code == 0 and result.output == ""
    dgt = str(DGT / "22019D0391.tmx")  # TMX 1.1's lang=, DGT-TM's DA-01: problems
    result = CliRunner().invoke(validate_command, [dgt, "-q"])
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.splitlines() == [str(p) for p in validate([dgt])] != []
    result = CliRunner().invoke(merge_command, [*files, str(out), "-o", str(out), "-q"])
    assert result.exit_code == 1  # an error is still said
    assert result.output == f"tmx-export: error: {out}: output would overwrite an input file\n"


def test_merge_refuses_memories_of_different_source_languages_and_writes_nothing(tmp_path):
    # the merged file has one header: its srclang would be wrong for the other files' units
    out = tmp_path / "merged.tmx"
    # (two regions of one language are two source languages too)
    inputs = [DGT / "22019D0391.tmx", LISA / "ImportTest1A.tmx", LISA / "ImportTest1J_many.tmx"]
    result = CliRunner().invoke(merge_command, [*map(str, inputs), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("\n") == 1
    assert "source languages (header srclang) differ" in result.output
    assert f"EN-GB: {inputs[0]}; en-us: {inputs[1]}; es-es: {inputs[2]}" in result.output
    # a folder of memories: each language's files, a few of them named
    lisa = sorted(LISA.glob("*.tmx"))
    many = CliRunner().invoke(merge_command, [str(DGT / "22019D0391.tmx"), *map(str, lisa),
                                              "-o", str(out)])
    assert many.exit_code == 1 and many.output.count("\n") == 1
    assert f"EN-GB: {DGT / '22019D0391.tmx'}; " in many.output
    assert " more" in many.output and len(many.output) < 1000
    assert not list(tmp_path.glob("*merged.tmx*"))
    # one source language spelled two ways (EN-US, en-us) is one: merged, and valid
    same = merge([LISA / "ExportTest1A.tmx", LISA / "ImportTest1A.tmx"], out)
    assert same.written > 0 and validate([out]) == []


def test_merge_of_a_region_and_its_language_alone_goes_under_the_language_alone(tmp_path):
    # OmegaT writes srclang="en", other tools "EN-US" or "EN-GB": one source language, merged
    # under the less specific tag, which each unit holds (a region under the language alone)
    omegat = DATA / "tmx" / "omegat-tests"
    for inputs, listed in (([omegat / "en-fr.tmx", omegat / "project_save.tmx"], "EN-US, en"),
                           ([omegat / "project_save.tmx", omegat / "en-fr.tmx"], "en, EN-US")):
        out = tmp_path / "merged.tmx"
        result = CliRunner().invoke(merge_command, [*map(str, inputs), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"source languages {listed} differ by region only: merged under en\n" \
            in result.stderr
        assert etree.parse(str(out)).find("header").get("srclang") == "en"
        assert len(list(iter_units(out))) == 6 and validate([out]) == []
    # DGT-TM's EN-GB with EuroParlExtract's en: no unit left out for its source language
    counts = merge([DGT / "22019D0391.tmx", DATA / "tmx" / "europarl-extract" /
                    "parallel_en-de.tmx"], tmp_path / "dgt.tmx")
    assert counts.invalid == {} and counts.written == counts.read > 25
    assert (counts.srclang, counts.srclangs) == ("en", ["EN-GB", "en"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_merge_of_any_source_and_one_source_goes_under_any_source(tmp_path, monkeypatch, jobs):
    # srclang="*all*" (TMX 1.4b: any language may be the source) holds every unit of a memory
    # of one source language, which keeps its source language as its own srclang
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    any_source = _any_source(LISA / "ImportTest1J.tmx", tmp_path)
    europarl = tmp_path / "parallel_en-de.tmx"  # a unit without its source left out, as alone
    europarl.write_text((DATA / "tmx" / "europarl-extract" / "parallel_en-de.tmx").read_text(
        encoding="utf-8").replace("</body>", '<tu><tuv xml:lang="de"><seg>Nur deutsch.</seg>'
                                              '</tuv><tuv xml:lang="fr"><seg>Seulement français.'
                                              '</seg></tuv></tu></body>'), encoding="utf-8")
    for inputs in ([any_source, europarl], [europarl, any_source]):
        out = tmp_path / "merged.tmx"
        result = CliRunner().invoke(merge_command, [*map(str, inputs), "-o", str(out),
                                                    "-j", str(jobs)])
        assert result.exit_code == 0, result.output
        assert "merged under *all*, each unit of a file that names one keeping it" \
            in result.stderr and "1 invalid unit left out" in result.stderr
        assert etree.parse(str(out)).find("header").get("srclang") == "*all*"
        units = list(etree.parse(str(out)).iter("tu"))
        own = [tu.get("srclang") for tu in units]
        assert own.count("en") == 3 and set(own) == {"en", None}
        assert len(units) == 3 + len(list(iter_elements(any_source))) and validate([out]) == []
    # a third source language: refused, as before
    third = CliRunner().invoke(merge_command, [str(any_source), str(europarl),
                                               str(DGT / "22019D0391.tmx"), "-o", str(out)])
    assert third.exit_code == 1 and "source languages (header srclang) differ" in third.output


def test_validate_counts_a_region_under_a_header_of_the_language_alone(tmp_path):
    # Trados's de-DE under OmegaT's srclang="de", as en under en-US: the source language;
    # another region of it (en-GB under en-US) is not (INVALID_UNITS)
    trados = tmp_path / "trados.tmx"
    trados.write_text(NBSP_TMX.replace('srclang="en-US"', 'srclang="en"')
                      .replace("&nbsp;", "x"), encoding="utf-8")
    assert validate([trados]) == []
    assert merge([trados], tmp_path / "t.tmx").written == 2


def test_merge_writes_a_valid_header_when_the_first_file_lacks_a_required_attribute(tmp_path):
    # the Europarl extract's header has no o-tmf: the merged header says it is unknown
    out = tmp_path / "merged.tmx"
    extract = DATA / "tmx" / "europarl-extract" / "parallel_en-de.tmx"
    merge([extract, DATA / "tmx" / "omegat-tests" / "test-level2.tmx"], out)
    header = etree.parse(str(out)).find("header")
    assert header.get("o-tmf") == "unknown" and header.get("creationtool") == "EuroParlExtract"
    assert validate([out]) == []
    # without any srclang there is nothing to say in the header: refused, no file
    bare = tmp_path / "bare.tmx"
    bare.write_text(NBSP_TMX.replace(' srclang="en-US"', "").replace("&nbsp;", " "),
                    encoding="utf-8")
    result = CliRunner().invoke(merge_command, [str(bare), "-o", str(tmp_path / "b.tmx")])
    assert result.exit_code == 1 and "no source language (header srclang)" in result.output
    assert not (tmp_path / "b.tmx").exists()
    # a segtype TMX does not know is not known either: the merged file stays valid
    odd = tmp_path / "odd.tmx"
    odd.write_text(NBSP_TMX.replace('segtype="sentence"', 'segtype="segment"')
                   .replace("&nbsp;", " "), encoding="utf-8")
    merge([odd], out)
    assert etree.parse(str(out)).find("header").get("segtype") == "block"
    assert validate([out]) == []


def test_merge_says_one_file_and_one_unit_in_the_singular(tmp_path):
    out = tmp_path / "one.tmx"
    result = CliRunner().invoke(merge_command, [str(DGT / "22019D0391.tmx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"25 units written to {out} from 1 file (0 duplicates left out)\n"
    twice = CliRunner().invoke(merge_command, [str(out), str(out), "-o", str(tmp_path / "2.tmx")])
    assert twice.stderr.endswith("from 2 files (25 duplicates left out)\n")


def _omegat_alternatives(tmp_path: Path) -> tuple[Path, str]:
    """OmegaT's real project_save.tmx with two alternative translations of its first
    default one (same segs, each tied to a place by its file and id props), and the text
    of that default's source."""
    real = DATA / "tmx" / "omegat-tests" / "project_save.tmx"
    text = real.read_text(encoding="utf-8")
    first = text[text.index("<tu>"):text.index("</tu>") + len("</tu>")]
    alternatives = "".join(
        first.replace("<tu>", f'<tu><prop type="file">{name}</prop>'
                              f'<prop type="id">{key}</prop>')
        for name, key in (("ui/menu.properties", "menu.save"),
                          ("ui/dialog.properties", "dialog.save")))
    path = tmp_path / "project_save.tmx"
    path.write_text(text.replace("</body>", alternatives + "</body>"), encoding="utf-8")
    return path, etree.fromstring(first).findtext("tuv/seg").strip()


def test_merge_and_stats_keep_alternatives_of_other_context_apart(tmp_path):
    path, source = _omegat_alternatives(tmp_path)
    out = tmp_path / "merged.tmx"
    result = CliRunner().invoke(merge_command, [str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("(0 duplicates left out)\n")
    kept = [tu for tu in etree.parse(str(out)).iter("tu") if tu.findtext("tuv/seg") == source]
    assert [tu.findtext("prop[@type='id']") for tu in kept] == [None, "menu.save",
                                                                "dialog.save"]
    assert stats([path]).duplicates == 0
    # the same alternative twice is a repeat, as before
    twice = merge([path, path], tmp_path / "twice.tmx")
    assert (twice.written, twice.duplicates) == (7, 7) == (stats([path, path]).units / 2,
                                                           stats([path, path]).duplicates)


@pytest.mark.parametrize("jobs", [1, 2])
def test_merge_keeps_the_most_recently_changed_copy_of_a_repeat(tmp_path, monkeypatch, jobs):
    # with --newest, the newest copy (as CAT tools can keep it on import): its note, props,
    # dates and usage count, not the first file's older ones
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    real = DATA / "tmx" / "omegat-tests" / "project_save.tmx"
    text = real.read_text(encoding="utf-8")
    first = text[text.index("<tu>"):text.index("</tu>")]
    old_date = re.search(r'changedate="(\w+)"', first).group(1)
    reviewed = first.replace("<tu>", "<tu><note>Checked by the reviewer</note>").replace(
        old_date, "20300101T000000Z")
    newer = tmp_path / "reviewed.tmx"
    newer.write_text(text.replace(first, reviewed), encoding="utf-8")
    for inputs, replaced in (([real, newer], 1), ([newer, real], 0)):
        out = tmp_path / "merged.tmx"
        result = CliRunner().invoke(merge_command, [*map(str, inputs), "-o", str(out),
                                                    "-j", str(jobs), "--newest"])
        assert result.exit_code == 0, result.output
        units = list(etree.parse(str(out)).iter("tu"))
        assert len(units) == 5 and [tu.findtext("note") for tu in units].count(
            "Checked by the reviewer") == 1
        assert old_date not in out.read_text(encoding="utf-8")
        # without --newest, the first copy is written (one pass, the default's speed)
        plain = CliRunner().invoke(merge_command, [*map(str, inputs), "-o", str(out),
                                                   "-j", str(jobs)])
        assert plain.exit_code == 0, plain.output
        assert (old_date in out.read_text(encoding="utf-8")) == bool(replaced)
        assert "most recently changed" not in plain.stderr
        assert ("for 1 repeated unit the most recently changed copy kept, not the first"
                in result.stderr) == bool(replaced)


@pytest.mark.parametrize("jobs", [1, 2])
def test_merge_writes_locale_names_as_language_tags(tmp_path, monkeypatch, jobs):
    # a memory labelled with Java/POSIX locale names (en_US, fr_CA, as some tools write
    # them): merge kept them as written, and OmegaT, which takes a tuv's language up to its
    # first non-word character, skipped every unit ("Source segment could not be located")
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    text = (LISA / "ImportTest2A.tmx").read_text(encoding="utf-16")
    text = re.sub(r'(lang)="en-us"', r'\1="en_US"', text, flags=re.IGNORECASE)
    text = re.sub(r'(lang)="fr-ca"', r'\1="fr_CA"', text, flags=re.IGNORECASE)
    memory = tmp_path / "locales.tmx"
    memory.write_text(text, encoding="utf-8")
    out = tmp_path / "merged.tmx"
    result = CliRunner().invoke(merge_command, [str(memory), str(LISA / "ImportTest1A.tmx"),
                                                "-o", str(out), "-j", str(jobs)])
    assert result.exit_code == 0, result.output
    langs = {tuv.get(XML_LANG) for tuv in etree.parse(str(out)).iter("tuv")}
    assert not any("_" in lang for lang in langs) and {"en-US", "fr-CA"} <= langs
    # 14 tuvs and the header's srclang
    assert "language codes written with '-' for '_' (en_GB as en-GB): 15" in result.stderr
    assert validate([out]) == []


def test_merged_dgt_memory_fails_validate_only_for_the_codes_merge_keeps_and_says_so(tmp_path):
    # DGT-TM's DA-01 codes are kept as written (the README says so): validate still reports
    # each, and each of its messages says merge keeps them; nothing else is reported
    out = tmp_path / "dgt.tmx"
    merge(sorted(DGT.glob("*.tmx")), out)
    problems = validate([out])
    assert problems and all(
        re.fullmatch(r"tuv has an invalid language code '[A-Z]{2}-\d\d' \(expected ll or "
                     r"ll-RR, e\.g\. en-GB; merge keeps such codes as CAT tools wrote them\)",
                     problem.message) for problem in problems)


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


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
@pytest.mark.parametrize("command", [stats_command, merge_command, validate_command])
def test_a_damaged_tmx_gz_is_one_line_naming_it_for_every_command(tmp_path, command, damage):
    packed = bytearray(gzip.compress((DGT / "22019D0391.tmx").read_bytes()))
    if damage == "truncated":  # an interrupted download
        packed = packed[:len(packed) // 2]
    else:  # bytes overwritten mid-stream
        packed[len(packed) // 2:len(packed) // 2 + 64] = b"\xff" * 64
    bad = tmp_path / "cut.tmx.gz"
    bad.write_bytes(bytes(packed))
    args = [str(bad), "-o", str(tmp_path / "out.tmx")] if command is merge_command else [str(bad)]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 1
    assert f"{bad}: cannot read: " in result.output
    assert "Aborted" not in result.output
    assert not (tmp_path / "out.tmx").exists()


NBSP_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
        srclang="en-US" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-US"><seg>a b</seg></tuv><tuv xml:lang="fr"><seg>c</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>a&nbsp;b</seg></tuv><tuv xml:lang="fr"><seg>c</seg></tuv></tu>
</body>
</tmx>
"""


# one unit of each kind validate reports, between two good ones; the line of each unit
INVALID_UNITS = {
    "tuv has no language": '<tuv><seg>No language</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv>',
    "tuv has 0 seg elements, expected 1":
        '<tuv xml:lang="en-US"><seg>Empty French tuv</seg></tuv><tuv xml:lang="fr"></tuv>',
    "tuv has 2 seg elements, expected 1": '<tuv xml:lang="en-US"><seg>Thank you</seg>'
        '<seg>extra</seg></tuv><tuv xml:lang="fr"><seg>Merci beaucoup</seg></tuv>',
    "empty seg": '<tuv xml:lang="en-US"><seg> </seg></tuv><tuv xml:lang="fr"><seg>c</seg></tuv>',
    "tu has no tuv in the header srclang en-us":
        '<tuv xml:lang="en-GB"><seg>e</seg></tuv><tuv xml:lang="fr"><seg>e</seg></tuv>',
    "<g> is not allowed in <seg>":
        '<tuv xml:lang="en-US"><seg><g>f</g></seg></tuv><tuv xml:lang="fr"><seg>f</seg></tuv>',
    "<prop> lacks the required attribute type": '<prop>x</prop><tuv xml:lang="en-US">'
        '<seg>h</seg></tuv><tuv xml:lang="fr"><seg>h</seg></tuv>',
    "tu without any tuv": '<note>no tuv</note>',
}
GOOD_UNIT = '<tuv xml:lang="en-US"><seg>a b</seg></tuv><tuv xml:lang="fr"><seg>c</seg></tuv>'


def _invalid_units(tmp_path: Path) -> Path:
    units = "\n".join(f"<tu>{unit}</tu>" for unit in (GOOD_UNIT, *INVALID_UNITS.values()))
    path = tmp_path / "invalid.tmx"
    path.write_text(NBSP_TMX.replace(NBSP_TMX[NBSP_TMX.index("<tu>"):NBSP_TMX.index("</body>")],
                                     f"{units}\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_merge_leaves_out_each_kind_of_invalid_unit_and_writes_a_valid_file(
        tmp_path, monkeypatch, jobs):
    # One tuv without a language and OmegaT drops the whole memory: merge leaves such units
    # out, counted by reason (with where each was first met), and the result is valid. The
    # units of the second file are read ahead in another process with jobs=2.
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    invalid = _invalid_units(tmp_path)
    assert len(validate([invalid])) >= len(INVALID_UNITS)
    out = tmp_path / "merged.tmx"
    good = LISA / "ImportTest1A.tmx"
    counts = merge([good, invalid], out, jobs=jobs)
    assert counts.invalid == dict.fromkeys(INVALID_UNITS, 1)
    assert counts.first_invalid["tuv has no language"] == f"{invalid}:8"
    assert (counts.read, counts.written, counts.duplicates) == (2 + 9, 2 + 1, 0)
    assert validate([out]) == []
    assert [u.tuvs[0].text for u in iter_units(out)][-1] == "a b"

    result = CliRunner().invoke(merge_command, [str(good), str(invalid), "-o", str(out)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "8 invalid units left out" in result.output
    assert f"       1  tuv has 2 seg elements, expected 1 (first at {invalid}:10)" in result.output
    assert CliRunner().invoke(validate_command, [str(out)]).output == "valid\n"


def test_merge_refuses_to_write_no_unit_and_keeps_the_old_output(tmp_path):
    # every unit left out (an empty translation): build refuses this, merge wrote an empty
    # memory over the old one and passed
    empty = tmp_path / "empty-target.tmx"
    empty.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB"'
        ' segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en" creationtool="x"'
        ' creationtoolversion="1"/><body>\n\n\n\n<tu><tuv xml:lang="en-GB"><seg>One</seg>'
        '</tuv><tuv xml:lang="fr-FR"><seg></seg></tuv></tu></body></tmx>\n', "utf-8")
    out = tmp_path / "merged.tmx"
    out.write_bytes((DGT / "22019D0391.tmx").read_bytes())
    for jobs in ("1", "2"):
        result = CliRunner().invoke(merge_command, [str(empty), "-o", str(out), "-j", jobs])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert result.stderr == (
            f"tmx-export: error: {empty}: no unit to write: 1 read, all left out: 1 empty seg "
            f"(first at {empty}:6); use --allow-empty to write an empty memory anyway\n")
        assert out.read_bytes() == (DGT / "22019D0391.tmx").read_bytes()
    written = CliRunner().invoke(merge_command, [str(empty), "-o", str(out), "--allow-empty"])
    assert written.exit_code == 0 and list(iter_elements(out)) == []


@pytest.mark.parametrize("min_bytes", [None, 0], ids=["small", "read-ahead"])
def test_merge_reads_standard_input_after_a_file_with_jobs(tmp_path, monkeypatch, min_bytes):
    # "-" after the first input: with --jobs 2 it was looked up as a file named "-"
    from tmx_export.tools import merging

    if min_bytes is not None:
        monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", min_bytes)
    out = tmp_path / "merged.tmx"
    first, piped = DGT / "22019D0391.tmx", DGT / "22019D0556.tmx"
    result = CliRunner().invoke(merge_command, [str(first), "-", "-o", str(out), "--jobs", "2"],
                                input=piped.read_bytes())
    assert result.exit_code == 0, result.output
    alone = merge([first, piped], tmp_path / "alone.tmx", jobs=1)
    assert out.read_bytes() == (tmp_path / "alone.tmx").read_bytes() and alone.written > 25


@pytest.mark.parametrize(("dedupe", "jobs"), [(True, 1), (True, 2), (False, 1)])
def test_merge_leaves_out_a_tuv_of_an_empty_language_with_or_without_dedupe(
        tmp_path, monkeypatch, dedupe, jobs):
    # xml:lang="" is no language: the unit is left out whether repeats are looked for or not
    # (the usual unit's shortcut once took the attribute being there for a language)
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    unit = '<tuv xml:lang="en-US"><seg>Hello</seg></tuv><tuv xml:lang=""><seg>Bonjour</seg></tuv>'
    empty_lang = tmp_path / "empty-lang.tmx"
    empty_lang.write_text(NBSP_TMX.replace(
        NBSP_TMX[NBSP_TMX.index("<tu>"):NBSP_TMX.index("</body>")],
        f"<tu>{GOOD_UNIT}</tu>\n<tu>{unit}</tu>\n"), encoding="utf-8")
    out = tmp_path / "merged.tmx"
    counts = merge([LISA / "ImportTest1A.tmx", empty_lang], out, dedupe=dedupe, jobs=jobs)
    assert counts.invalid == {"tuv has no language": 1}
    assert (counts.read, counts.written) == (4, 3)
    assert validate([out]) == []
    assert "Bonjour" not in out.read_text(encoding="utf-8")


def test_merge_reports_an_undefined_entity_as_an_input_error_and_leaves_no_file(tmp_path):
    # &nbsp; (declared nowhere: the DTD the file names is never read) is the error it is in
    # a file without a DOCTYPE, at its line
    nbsp = tmp_path / "nbsp.tmx"
    nbsp.write_text(NBSP_TMX, encoding="utf-8")
    out = tmp_path / "out.tmx"
    with pytest.raises(InputError) as raised:
        merge([LISA / "ImportTest1A.tmx", nbsp], out)
    assert str(raised.value).startswith(f"{nbsp}:8: ") and "&nbsp;" in str(raised.value)
    assert not list(tmp_path.glob("out.tmx*")) and not list(tmp_path.glob(".out.tmx*"))

    result = CliRunner().invoke(merge_command, [str(nbsp), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"tmx-export: error: {nbsp}:8: ")
    # refused when repeats are kept too: the reference was copied as it was, into a file
    # that no parser reads without the DTD it names and nobody has
    kept = CliRunner().invoke(merge_command, ["--keep-duplicates", str(nbsp), "-o", str(out)])
    assert kept.exit_code == 1 and not out.exists()
    assert kept.output.startswith(f"tmx-export: error: {nbsp}:8: undefined entity &nbsp;")


def test_iter_elements_keeps_only_a_few_read_units_in_the_tree(tmp_path):
    many = _many(tmp_path)
    held = []
    for tu in iter_elements(many):
        assert tu.find("tuv/seg").text  # the unit is whole while it is read
        read = list(tu.itersiblings(preceding=True))
        assert not any(len(unit) for unit in read)  # those read before are emptied at once
        held.append(len(read))
    # 700 units streamed; the emptied ones are deleted a batch at a time
    assert len(held) == 700 and max(held) <= 64


# --- validate -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ImportTest1A", "ImportTest1C", "ImportTest2A", "ImportTest2C",
                                  "ExportTest2A", "ImportTest1H"])
def test_lisa_files_are_valid(name):
    assert validate([LISA / f"{name}.tmx"]) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_merge_leaves_out_an_empty_tuv_and_keeps_the_other_languages(tmp_path, monkeypatch,
                                                                     jobs):
    # TMX 1.4b allows an empty seg, but a CAT tool may take it for an empty translation: the
    # empty Finnish tuv is left out, counted; English, French and German stay. A unit with
    # nothing but its source left is left out whole (jobs=2: read in the second process)
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    units = ['<tuv xml:lang="en-US"><seg>The sitting is closed.</seg></tuv><tuv xml:lang="fr">'
             '<seg>La séance est levée.</seg></tuv><tuv xml:lang="de"><seg>Die Sitzung ist '
             'geschlossen.</seg></tuv><tuv xml:lang="fi"><seg></seg></tuv>',
             '<tuv xml:lang="en-US"><seg>Only English</seg></tuv><tuv xml:lang="fr"><seg/></tuv>']
    empty = tmp_path / "empty.tmx"
    empty.write_text(NBSP_TMX.replace(NBSP_TMX[NBSP_TMX.index("<tu>"):NBSP_TMX.index("</body>")],
                                      "\n".join(f"<tu>{unit}</tu>" for unit in units) + "\n"),
                     encoding="utf-8")
    out = tmp_path / "merged.tmx"
    counts = merge([LISA / "ImportTest1A.tmx", empty], out, jobs=jobs)
    assert (counts.read, counts.written, counts.invalid) == (4, 3, {"empty seg": 1})
    assert (counts.empty_tuvs, counts.first_empty_tuv) == (1, f"{empty}:7")
    [kept] = [u for u in iter_units(out) if u.tuvs[0].text == "The sitting is closed."]
    assert [(t.lang, t.text) for t in kept.tuvs] == [
        ("en-US", "The sitting is closed."), ("fr", "La séance est levée."),
        ("de", "Die Sitzung ist geschlossen.")]
    assert validate([out]) == []
    result = CliRunner().invoke(merge_command, [str(LISA / "ImportTest1A.tmx"), str(empty),
                                                "-o", str(out), "--jobs", str(jobs)])
    assert "1 invalid unit left out (validate reports them):" in result.stderr
    assert f"1 tuv with an empty seg left out of units kept with their other languages (a CAT " \
        f"tool may take an empty seg for an empty translation; first at {empty}:7)" \
        in result.stderr


DATED_TMX = NBSP_TMX.replace('adminlang="en"', 'adminlang="en" creationdate="2017-11-22T18:25:23'
                             '.766516"').replace(
    "<tu><tuv", '<tu creationdate="2017-11-22T18:25:23+02:00" changedate="20200101T000000Z">'
    '<tuv lastusagedate="yesterday"', 1).replace("&nbsp;", " ")


@pytest.mark.parametrize("jobs", [1, 2])
def test_validate_reports_dates_not_in_the_tmx_form_and_merge_rewrites_them(
        tmp_path, monkeypatch, jobs):
    # TMX 1.4b: YYYYMMDDThhmmssZ (UTC), the dates CAT tools choose between matches by.
    # merge rewrites another ISO 8601 form (the header's too: EuroParlExtract writes one)
    # and leaves out a date it cannot read, counted (jobs=2: the second file read ahead)
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    dated = tmp_path / "dated.tmx"
    dated.write_text(DATED_TMX, encoding="utf-8")
    assert [(p.line, p.message) for p in validate([dated])] == [
        (5, "header creationdate '2017-11-22T18:25:23.766516' is not a TMX date "
            "(YYYYMMDDThhmmssZ, UTC)"),
        (7, "tu creationdate '2017-11-22T18:25:23+02:00' is not a TMX date "
            "(YYYYMMDDThhmmssZ, UTC)"),
        (7, "tuv lastusagedate 'yesterday' is not a TMX date (YYYYMMDDThhmmssZ, UTC)")]
    out = tmp_path / "merged.tmx"
    counts = merge([dated, dated], out, dedupe=False, jobs=jobs)
    assert counts.repairs == {merging.DATES_REWRITTEN: 3, merging.DATES_DROPPED: 2}
    assert counts.written == 4 and validate([out]) == []
    # the repeats are left out: only the dates of the units written are counted as mended
    repeats = merge([dated, dated], tmp_path / "once.tmx", jobs=jobs)
    assert (repeats.written, repeats.duplicates) == (1, 3)  # (its two units are alike)
    assert repeats.repairs == {merging.DATES_REWRITTEN: 2, merging.DATES_DROPPED: 1}
    tree = etree.parse(str(out))
    assert tree.find("header").get("creationdate") == "20171122T182523Z"
    first = tree.find("body/tu")
    assert (first.get("creationdate"), first.get("changedate")) == (
        "20171122T162523Z", "20200101T000000Z")
    assert first.find("tuv").get("lastusagedate") is None
    result = CliRunner().invoke(merge_command, [str(dated), "-o", str(out)])
    assert "dates rewritten in the TMX form YYYYMMDDThhmmssZ: 2\n" in result.stderr
    assert "dates not readable as ISO 8601, left out: 1\n" in result.stderr
    # EuroParlExtract's header date, with a fraction of a second
    extract = DATA / "tmx" / "europarl-extract" / "parallel_en-de.tmx"
    assert any("header creationdate" in p.message for p in validate([extract]))
    merge([extract], out)
    assert etree.parse(str(out)).find("header").get("creationdate") == "20171122T182523Z"


def test_merge_writes_a_paired_code_without_its_other_half_as_an_isolated_code(tmp_path):
    # validate reports a bpt without its ept in the seg; merge writes it as TMX 1.4b's
    # <it pos="begin"> with its native code (as build does), counted, instead of leaving
    # the unit out (the translation is there)
    alone = tmp_path / "alone.tmx"
    alone.write_text(NBSP_TMX.replace(
        '<seg>a b</seg>', '<seg><bpt i="1" x="3">{b}</bpt>a b</seg>', 1).replace(
        '<seg>a&nbsp;b</seg>', '<seg>a b<ept i="2">{/b}</ept></seg>'), encoding="utf-8")
    assert len(validate([alone])) == 2
    out = tmp_path / "merged.tmx"
    counts = merge([alone], out)
    assert counts.invalid == {} and counts.written == 2
    assert counts.repairs == {tmx_module.CODES_ISOLATED: 2}
    segs = [etree.tostring(seg, encoding="unicode") for seg in etree.parse(str(out)).iter("seg")]
    assert segs[0] == '<seg><it x="3" pos="begin">{b}</it>a b</seg>'
    assert segs[2] == '<seg>a b<it pos="end">{/b}</it></seg>'
    assert validate([out]) == []


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
        (6, "empty seg (TMX 1.4b allows it, but a CAT tool may take it for an empty "
            "translation)"),
        (7, "tuv uses lang= (TMX 1.1); TMX 1.4 needs xml:lang"),
        (7, "tuv has an invalid language code 'DA-01' (expected ll or ll-RR, e.g. en-GB; "
            "merge keeps such codes as CAT tools wrote them)"),
        (8, "tu segtype 'word' is not one of block, paragraph, phrase, sentence"),
        (8, "tuv has 2 seg elements, expected 1"),
        (8, "tu has no tuv in the header srclang en_GB"),
    ]


def test_validate_real_files_with_known_quirks():
    # DGT-TM: TMX 1.1-style lang= and pseudo-regions such as DA-01 on every unit
    problems = validate([DGT / "22019D0391.tmx"])
    assert problems[0].line == 10 and "lang= (TMX 1.1)" in problems[0].message
    assert any("'DA-01'" in p.message for p in problems)


def test_validate_and_merge_honour_a_units_own_srclang(tmp_path):
    # TMX 1.4b: tu@srclang overrides the header's (the LISA kit's units in de-de and fr-ca
    # under a header of en-us): valid, and merged whole
    kit = [LISA / "ImportTest1K.tmx", LISA / "ImportTest1J_many.tmx"]
    assert validate(kit) == []
    counts = merge([kit[0]], tmp_path / "k.tmx")
    assert counts.invalid == {} and counts.written == counts.read == 2
    # a unit without a tuv in its own srclang is reported as such, and left out
    own = tmp_path / "own.tmx"
    own.write_text(NBSP_TMX.replace("<tu><tuv xml:lang=\"en-US\"><seg>a b", '<tu srclang="de">'
                                    '<tuv xml:lang="en-US"><seg>a b', 1)
                   .replace("&nbsp;", " "), encoding="utf-8")
    assert [(p.line, p.message) for p in validate([own])] == [
        (7, "tu has no tuv in its srclang de")]
    counts = merge([own], tmp_path / "o.tmx")
    assert counts.invalid == {"tu has no tuv in its srclang de": 1}
    assert counts.written == 1 and counts.duplicates == 0


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


def _line_of(text: str, needle: str) -> int:
    return _lines_of(text, needle)[0]


def _lines_of(text: str, needle: str) -> list[int]:
    return [text.count("\n", 0, found.start()) + 1
            for found in re.finditer(re.escape(needle), text)]


def _edited(source: Path, encoding: str, target: Path, *edits: tuple[str, str]
            ) -> tuple[Path, str]:
    """A copy of ``source`` at ``target`` with each (old, new) edit made once."""
    text = source.read_text(encoding=encoding)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    target.write_text(text, encoding=encoding)
    return target, text


def _lisa_2a_with(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, str]:
    """ImportTest2A (bpt/ept, it, ph, hi; UTF-16) with each (old, new) edit made once."""
    return _edited(LISA / "ImportTest2A.tmx", "utf-16", tmp_path / "2a.tmx", *edits)


def test_validate_tmx_elements_the_dtd_does_not_allow_where_they_stand(tmp_path):
    path, text = _lisa_2a_with(
        tmp_path,
        ("<seg>The big ", "<seg>bad <foo>tag</foo> <b>bold</b> The big "),
        ("<seg>First ", "<seg>First <sub>lone</sub>"),
        ('<hi x=\'1\' type="special-part">a part', '<hi x=\'1\' type="special-part"><u>a</u> part'),
        ("<tuv xml:lang=\"fr-ca\">", "<tuv xml:lang=\"fr-ca\"><seg2/>"))
    allowed = "TMX 1.4b allows only bpt, ept, it, ph, hi, ut there"
    assert [(p.line, p.message) for p in validate([path])] == [
        (_line_of(text, "bad <foo>"), f"<foo> is not allowed in <seg> ({allowed})"),
        (_line_of(text, "bad <foo>"), f"<b> is not allowed in <seg> ({allowed})"),
        (_line_of(text, "<seg2/>"), "<seg2> is not allowed in <tuv> "
                                    "(TMX 1.4b allows only note, prop, seg there)"),
        (_line_of(text, "<sub>lone"), f"<sub> is not allowed in <seg> ({allowed})"),
        (_line_of(text, "<u>a</u>"), f"<u> is not allowed in <hi> ({allowed})"),
    ]


def test_validate_tmx_unpaired_codes_in_a_segment(tmp_path):
    path, text = _lisa_2a_with(
        tmp_path,
        # tu 1, English: the first bold code loses its end
        ('black<ept i="1">&lt;/b></ept>', "black"),
        # tu 1, French: an end without a beginning
        ("dors.</seg>", 'dors.<ept i="7">&lt;/i></ept></seg>'),
        # tu 4: a pair inside a sub-flow is paired there, one that is not is reported
        ("&lt;b></it>sentence", '<sub><bpt i="1">[</bpt>x<ept i="1">]</ept></sub>&lt;b></it>'
                               'sentence'),
        ("&lt;b></it>phrase", '<sub><bpt i="5">[</bpt>x</sub>&lt;b></it>phrase'),
        # tu 7: a pair across a highlight is one pair of the segment
        ("a part highlighted</hi>", '<bpt i="1">&lt;i></bpt>a part</hi> highlighted'
                                    '<ept i="1">&lt;/i></ept>'))
    assert [(p.line, p.message) for p in validate([path])] == [
        (_line_of(text, "The big"), '<bpt i="1"> without an <ept i="1"> after it in the same seg'),
        (_line_of(text, "Le gros"), '<ept i="7"> without a <bpt i="7"> before it in the same seg'),
        (_line_of(text, '<bpt i="5">'), '<bpt i="5"> without an <ept i="5"> after it in the '
                                        'same sub'),
    ]


def test_validate_tmx_attributes_the_dtd_requires(tmp_path):
    path, text = _lisa_2a_with(
        tmp_path,
        ('<bpt i="2" x="2" type="ulined">', '<bpt x="2" type="ulined">'),
        ("<it pos=\"begin\" x=\"1\"", "<it pos=\"middle\" x=\"1\""),
        ("<tu tuid=\"2\">", "<tu tuid=\"2\"><prop>no type</prop>"))
    found = [(p.line, p.message) for p in validate([path])]
    assert found == [
        (_line_of(text, "The big"), "<bpt> lacks the required attribute i"),
        # the end of the code that lost its i is now an end without a beginning
        (_line_of(text, "The big"), '<ept i="2"> without a <bpt i="2"> before it in the same seg'),
        (_line_of(text, "<prop>no type"), "<prop> lacks the required attribute type"),
        (_line_of(text, "pos=\"middle\""), '<it pos="middle">: pos must be begin or end'),
    ]


def test_validate_tmx_content_models_and_attributes_the_dtd_refuses(tmp_path):
    # tu is ((note|prop)*, tuv+), tuv ((note|prop)*, seg), header (note|prop|ude)*: no text
    # but indentation, notes and props first; one header; only the attributes declared
    path, text = _lisa_2a_with(
        tmp_path,
        ("</header>", '</header>\n <header creationtool="t" creationtoolversion="1" '
                      'segtype="sentence" o-tmf="t" adminlang="en" srclang="en-us" '
                      'datatype="html"/>'),
        ('<tu tuid="1">', '<tu tuid="1">stray text'),
        ("sleeps.</seg>", "sleeps.</seg><note>checked</note>"),
        ('</tuv>\n   <tuv xml:lang="fr-ca">\n    <seg>Test pour',
         '</tuv><prop type="x-domain">law</prop>\n   <tuv xml:lang="fr-ca">\n    <seg>Test pour'),
        ('<tu tuid="3">', '<tu tuid="3" x-client="acme">'),
        ('<seg>First ', '<seg xml:space="preserve">First '),
        ('<bpt i="2" x="2" type="ulined">', '<bpt i="2" x="2" type="ulined" pos="begin">'))
    elements_only = "(TMX 1.4b allows only elements there)"
    assert [(p.line, p.message) for p in validate([path])] == [
        (_line_of(text, '<header creationtool="t"'),
         "a second <header> (TMX 1.4b has one, before <body>)"),
        (_line_of(text, "stray text"), f"text directly in <tu> {elements_only}"),
        (_line_of(text, "<note>checked"),
         "<note> after a <seg> in <tuv> (TMX 1.4b puts notes and props before the seg)"),
        (_line_of(text, '<bpt i="2" x="2" type="ulined" pos'),
         "<bpt> has the attribute pos, which TMX 1.4b does not allow there"),
        (_line_of(text, '<prop type="x-domain">'),
         "<prop> after a <tuv> in <tu> (TMX 1.4b puts notes and props before the tuv)"),
        (_line_of(text, "x-client"),
         "<tu> has the attribute x-client, which TMX 1.4b does not allow there"),
        (_line_of(text, "xml:space"),
         "<seg> has the attribute xml:space, which TMX 1.4b does not allow there"),
    ]


def test_validate_tmx_units_outside_the_one_body_and_what_else_stands_there(tmp_path):
    # tmx is (header, body) and body (tu*): a unit after </body>, a second body, a note or
    # text among the units and an attribute on body make a validating importer refuse
    # the file; validate called it valid (merge and stats read such units all the same)
    unit = ('<tu tuid="9"><tuv xml:lang="en-us"><seg>Late.</seg></tuv>'
            '<tuv xml:lang="fr-ca"><seg>Tard.</seg></tuv></tu>')
    path, text = _lisa_2a_with(
        tmp_path,
        (" <body>", ' <body id="memory">\n  stray text'),
        ('  <tu tuid="3">', '  <note>between units</note>\n  <tu tuid="3">'),
        (" </body>", "  <prop type=\"x-end\">after the last unit</prop>\n </body>\n "
                     f"{unit}\n <body>\n {unit}\n </body>"))
    found = [(p.line, p.message) for p in validate([path])]
    assert found == [
        (_line_of(text, "<body id"), "<body> has the attribute id, which TMX 1.4b does not "
                                     "allow there"),
        (_line_of(text, "<body id"), "text directly in <body> (TMX 1.4b allows only tu there)"),
        (_line_of(text, "<note>between"), "<note> is not allowed in <body> (TMX 1.4b allows "
                                          "only tu there)"),
        (_line_of(text, "<prop type=\"x-end\">"), "<prop> is not allowed in <body> (TMX 1.4b "
                                                   "allows only tu there)"),
        (_lines_of(text, unit)[0], "<tu> outside <body> (TMX 1.4b puts every unit in its one "
                                   "<body>)"),
        (_lines_of(text, " <body>")[-1], "a second <body> (TMX 1.4b has one, after <header>)"),
    ]
    # the kit's file as it is, and a merged memory, have nothing of the kind
    assert validate([LISA / "ImportTest2A.tmx"]) == []
    out = tmp_path / "merged.tmx"
    assert merge([path], out).written == 7 + 1 and validate([out]) == []


def test_validate_tmx_text_among_the_units_and_anything_beside_header_and_body(tmp_path):
    # body is (tu*) and tmx (header, body): text between two units or after the last one
    # (freed with the units as they were read), and text or an element before the header,
    # between it and the body or after </body> went unreported, as did a file without body
    path, text = _lisa_2a_with(
        tmp_path,
        ("<tmx version=\"1.4\">", "<tmx version=\"1.4\">\n words before"),
        (" </header>", " </header>\n words between"),
        ("  <tu tuid=\"3\">", "  stray words\n  <tu tuid=\"3\">"),
        (" </body>", "  more stray words\n </body>\n <note>after the body</note>\n last words"))
    only_tu = "(TMX 1.4b allows only tu there)"
    only_root = "(TMX 1.4b allows only header and body there)"
    assert [(p.line, p.message) for p in validate([path])] == [
        (_line_of(text, "<header "), f"text directly in <tmx> before <header> {only_root}"),
        (_line_of(text, "<body>"), f"text directly in <tmx> after <header> {only_root}"),
        (_line_of(text, "<tu tuid=\"3\">"), f"text directly in <body> {only_tu}"),
        # (lxml knows where elements start: the last unit's line)
        (_lines_of(text, "<tu>")[-1], f"text directly in <body> {only_tu}"),
        (_line_of(text, "<note>after"), f"<note> is not allowed in <tmx> {only_root}"),
        (_line_of(text, "<note>after"), f"text directly in <tmx> after <note> {only_root}"),
    ]
    # a header without a body
    kit = (LISA / "ImportTest2A.tmx").read_text(encoding="utf-16")
    path, text = _lisa_2a_with(tmp_path, (kit[kit.index(" <body>"):kit.index("</tmx>")], ""))
    assert [(p.line, p.message) for p in validate([path])] == [
        (1, "no <body> (TMX 1.4b requires one, after <header>)")]
    # TMX 1.4b's DTD fixes the root's version to "1.4", but many tools write "1.4b", and
    # the readers read such files: accepted, as the README says
    path, text = _lisa_2a_with(tmp_path, ("<tmx version=\"1.4\">", "<tmx version=\"1.4b\">"))
    assert validate([path]) == []


def test_validate_reads_a_tmx_whose_root_has_the_tmx_namespace_prefix(tmp_path):
    # <t:tmx xmlns:t="http://www.lisa.org/tmx14">: read as TMX by merge and stats, but
    # validate stopped with a traceback (KeyError) on the root's name
    plain = ('<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
             'segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB" datatype="plaintext"/>'
             '<body><tu><tuv xml:lang="en-GB"><seg>Hello.</seg></tuv><tuv xml:lang="fr-FR">'
             '<seg>Bonjour.</seg></tuv></tu></body></tmx>')
    prefixed = re.sub(r"<(/?)(tmx|header|body|tu|tuv|seg)\b", r"<\1t:\2", plain).replace(
        "<t:tmx ", '<t:tmx xmlns:t="http://www.lisa.org/tmx14" ', 1)
    path = tmp_path / "prefixed.tmx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{prefixed}\n', encoding="utf-8")
    assert validate([path]) == []
    result = CliRunner().invoke(validate_command, [str(path)])
    assert (result.exit_code, result.output) == (0, "valid\n")
    assert stats([path]).units == 1
    # and what the DTD does not allow on it is reported under the element's own name
    team = prefixed.replace("<t:tmx ", '<t:tmx x-team="a" ')
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{team}\n', encoding="utf-8")
    assert [(p.line, p.message) for p in validate([path])] == [
        (2, "<tmx> has the attribute x-team, which TMX 1.4b does not allow there")]


IMPOSSIBLE_DATES = NBSP_TMX.replace(
    "<tu><tuv", '<tu creationdate="20190229T101010Z" changedate="20191301T000000Z"><tuv '
    'lastusagedate="20200229T235959Z"', 1).replace("&nbsp;", "-")


@pytest.mark.parametrize("jobs", [1, 2])
def test_validate_reports_dates_that_do_not_exist_and_merge_leaves_them_out(
        tmp_path, monkeypatch, jobs):
    # the TMX form alone lets 29 February 2019 and month 13 through; a strict date parser
    # refuses them, and merge leaves them out as it leaves out a date it cannot read
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    dated = tmp_path / "dated.tmx"
    dated.write_text(IMPOSSIBLE_DATES, encoding="utf-8")
    no_such = "is not a real date and time (no such day, month or hour)"
    assert [(p.line, p.message) for p in validate([dated])] == [
        (7, f"tu changedate '20191301T000000Z' {no_such}"),
        (7, f"tu creationdate '20190229T101010Z' {no_such}")]  # 2020 is a leap year
    out = tmp_path / "merged.tmx"
    counts = merge([LISA / "ImportTest1A.tmx", dated], out, jobs=jobs)
    assert counts.repairs == {merging.DATES_DROPPED: 2} and counts.written == 2 + 2
    assert validate([out]) == []
    first = etree.parse(str(out)).findall("body/tu")[2]
    assert (first.get("creationdate"), first.get("changedate")) == (None, None)
    assert first.find("tuv").get("lastusagedate") == "20200229T235959Z"


# units the DTD refuses around their segs, of the usual shape (merge's shortcut) or not
MISPLACED_UNITS = {
    "text directly in <tu>": f"stray{GOOD_UNIT}",
    "<note> after a <seg> in <tuv>": '<tuv xml:lang="en-US"><seg>note</seg><note>n</note>'
                                     '</tuv><tuv xml:lang="fr"><seg>note</seg></tuv>',
    "<prop> after a <tuv> in <tu>": '<tuv xml:lang="en-US"><seg>prop</seg></tuv><prop '
                                    'type="x">p</prop><tuv xml:lang="fr"><seg>prop</seg></tuv>',
    "<note> after a <tuv> in <tu>": '<tuv xml:lang="en-US"><seg>end</seg></tuv><tuv '
                                    'xml:lang="fr"><seg>fin</seg></tuv><note>n</note>',
    "text directly in <tuv>": '<tuv xml:lang="en-US"><seg>tail</seg>x</tuv><tuv '
                              'xml:lang="fr"><seg>queue</seg></tuv>',
    "<prop> has the attribute x-by, which TMX 1.4b does not allow there":
        f'<prop type="x" x-by="me">p</prop>{GOOD_UNIT.replace("a b", "by")}',
}


@pytest.mark.parametrize(("dedupe", "jobs"), [(True, 1), (True, 2), (False, 1)])
def test_merge_leaves_out_units_the_dtd_refuses_around_their_segs(
        tmp_path, monkeypatch, dedupe, jobs):
    # misplaced notes and props, stray text and undeclared attributes: left out, counted
    # by reason, as every unit validate reports (what the stray text or attribute holds is
    # not the merge's to drop or to move), and the merged file is valid
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    units = [f"<tu>{unit}</tu>" for unit in MISPLACED_UNITS.values()]
    units.append(f'<tu x-client="acme">{GOOD_UNIT.replace("a b", "client")}</tu>')
    misplaced = tmp_path / "misplaced.tmx"
    misplaced.write_text(NBSP_TMX.replace(
        NBSP_TMX[NBSP_TMX.index("<tu>"):NBSP_TMX.index("</body>")],
        "\n".join((f"<tu>{GOOD_UNIT}</tu>", *units, ""))), encoding="utf-8")
    assert len(validate([misplaced])) == len(units)
    out = tmp_path / "merged.tmx"
    counts = merge([LISA / "ImportTest1A.tmx", misplaced], out, dedupe=dedupe, jobs=jobs)
    assert counts.invalid == {
        **dict.fromkeys(MISPLACED_UNITS, 1),
        "<tu> has the attribute x-client, which TMX 1.4b does not allow there": 1}
    assert (counts.read, counts.written) == (2 + 1 + len(units), 2 + 1)
    assert validate([out]) == []


def test_merge_refuses_a_first_header_the_dtd_refuses_and_writes_nothing(tmp_path):
    # the merged file takes the first file's header: one with text or an undeclared
    # attribute would make it invalid, and what it holds is not the merge's to drop
    header = tmp_path / "header.tmx"
    header.write_text(NBSP_TMX.replace('datatype="plaintext"/>',
                                       'datatype="plaintext" x-team="a"/>'), encoding="utf-8")
    out = tmp_path / "merged.tmx"
    result = CliRunner().invoke(merge_command, [str(header), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == (f"tmx-export: error: {header}:5: <header> has the attribute "
                             "x-team, which TMX 1.4b does not allow there: the merged file's "
                             "header would be invalid\n")
    assert not out.exists()


@pytest.mark.parametrize(("edit", "message"), [
    (("<map unicode=\"#xF8FF\" code=\"#xF0\" ent=\"AppleLogo\" subst=\"[Apple]\"/>", ""),
     "<ude> without any <map> (TMX 1.4b requires one or more)"),
    (("subst=\"[Apple]\"/>", "subst=\"[Apple]\">[Apple]</map>"),
     "text directly in <map> (TMX 1.4b declares it empty)"),
    (("base=\"Macintosh\">", "base=\"Macintosh\">Mac"),
     "text directly in <ude> (TMX 1.4b allows only elements there)"),
])
def test_validate_and_merge_hold_a_header_ude_to_the_dtd(tmp_path, edit, message):
    # <ude> is (map+) and <map> EMPTY: validate called such a header valid, and merge
    # copied it into a merged file a validating CAT tool refuses
    path, text = _edited(LISA / "ImportTest1L.tmx", "utf-8-sig", tmp_path / "1l.tmx", edit)
    line = _line_of(text, "<map " if message.startswith("text directly in <map>") else "<ude ")
    assert [(p.line, p.message) for p in validate([path])] == [(line, message)]
    out = tmp_path / "merged.tmx"
    result = CliRunner().invoke(merge_command, [str(path), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == (f"tmx-export: error: {path}:{line}: {message}: the merged "
                             "file's header would be invalid\n")
    assert not out.exists()
    # the kit's own header, with its ude, is valid and merged as it is
    assert validate([LISA / "ImportTest1L.tmx"]) == []
    assert merge([LISA / "ImportTest1L.tmx"], out).written == 1 and validate([out]) == []


def test_validate_tmx_leaves_repeated_tuids_and_single_language_units_alone(tmp_path):
    # tuid is CDATA, not an ID, and TMX 1.4b leaves its value to the tool; a tu needs one
    # tuv or more (tuv+), two only to be useful
    path, _ = _lisa_2a_with(tmp_path, ("<tu tuid=\"2\">", "<tu tuid=\"1\">"))
    assert validate([path]) == []
    single = tmp_path / "one.tmx"
    write_tmx([Pair("Hello.", "Bonjour.", "en-GB", "fr-FR", file="a.txt", line=1)], single)
    tree = etree.parse(str(single))
    tu = tree.find("body/tu")
    tu.remove(tu.findall("tuv")[1])
    tree.write(str(single))
    assert validate([single]) == []


def _good_basic2_with(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, str]:
    """Good-Basic2 (TBX-Basic 2008, valid) with each (old, new) edit made once."""
    return _edited(TBX / "Good-Basic2-martif.tbx", "utf-8", tmp_path / "basic2.tbx", *edits)


def test_validate_tbx_2008_admin_status_ids_and_structure(tmp_path):
    first_id, second_id = re.findall(r'<termEntry id="([^"]+)"',
                                     (TBX / "Good-Basic2-martif.tbx").read_text("utf-8"))[:2]
    path, text = _good_basic2_with(
        tmp_path,
        ("<tig>\n            <term>peace</term>", "<term>peace</term>"), ("</tig>", ""),
        ("feminine</termNote>\n            <termNote type=\"administrativeStatus\">"
         "preferredTerm-admn-sts", "feminine</termNote>\n            <termNote "
                                   "type=\"administrativeStatus\">bogus-status"),
        (f'<termEntry id="{first_id}"', '<termEntry id="e4"'),
        (f'<termEntry id="{second_id}"', '<termEntry id="e4"'),
        ("<body>", '<body><langSet xml:lang="en"><tig><term>loose</term></tig></langSet>'))
    first_e4, second_e4 = _lines_of(text, '<termEntry id="e4"')
    assert [(p.line, p.message) for p in validate([path])] == [
        (_line_of(text, "<term>loose"), "<langSet> outside a <termEntry> (it is in <body>)"),
        (_line_of(text, "<term>peace"), "<term> outside a <tig or termGrp> (it is in <langSet>)"),
        (_line_of(text, ">bogus-status<"),
         "administrative status 'bogus-status' is not one of preferredTerm-admn-sts, "
         "admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts"),
        (second_e4, f"id 'e4' repeated (ids must be unique; first on line {first_e4})"),
    ]


def test_validate_tbx_2019_admin_status_ids_and_structure(tmp_path):
    text = (TBX / "Example_Astronomy_DCA_VALID.tbx").read_text(encoding="utf-8")
    first_id = re.search(r'<conceptEntry id="([^"]+)"', text)[1]
    text = text.replace(">admittedTerm-admn-sts<", ">admitted<", 1)
    text = re.sub(r'(<conceptEntry id=")[^"]+"', rf'\g<1>{first_id}"', text, count=2)
    text = text.replace("<langSec ", "<termSec><term>stray</term></termSec><langSec ", 1)
    path = tmp_path / "astronomy.tbx"
    path.write_text(text, encoding="utf-8")
    first, second = _lines_of(text, f'<conceptEntry id="{first_id}"')
    assert sorted((p.line, p.message) for p in validate([path])) == sorted([
        (_line_of(text, "<term>stray"), "<termSec> outside a <langSec> (it is in <conceptEntry>)"),
        (second, f"id '{first_id}' repeated (ids must be unique; first on line {first})"),
        (_line_of(text, ">admitted<"),
         "administrative status 'admitted' is not one of preferredTerm-admn-sts, "
         "admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts"),
    ])


def test_validate_tbx_one_term_per_tig_termgrp_and_termsec_and_concept_ids(tmp_path):
    # a tig, a termGrp (of an ntig) and a termSec hold one term each: a synonym is a
    # container of its own (OmegaT's martif binding refuses a second term); TBX 2019 gives
    # every conceptEntry an id
    martif, text = _good_basic2_with(
        tmp_path, ("<term>peace</term>", "<term>peace</term><term>calm</term>"))
    assert [(p.line, p.message) for p in validate([martif])] == [
        (_line_of(text, "<term>calm"),
         "a second <term> in one <tig> (one term each: a synonym is a <tig> of its own)")]
    ntig, text = _edited(TBX / "Unknown_Dialect2-martif.tbx", "utf-8", tmp_path / "ntig.tbx",
                         ("<term>branch</term>", "<term>branch</term><term>twig</term>"))
    assert [(p.line, p.message) for p in validate([ntig])] == [
        (_line_of(text, "<term>twig"), "a second <term> in one <termGrp> (one term each: a "
                                       "synonym is a <termGrp> of its own)")]
    concept, text = _edited(
        TBX / "Example_Astronomy_DCA_VALID.tbx", "utf-8", tmp_path / "astronomy.tbx",
        ("<term>open cluster</term>", "<term>open cluster</term><term>galactic cluster</term>"),
        ('<conceptEntry id="c2">', "<conceptEntry>"))
    assert [(p.line, p.message) for p in validate([concept])] == [
        (_line_of(text, "<term>galactic"), "a second <term> in one <termSec> (one term each: a "
                                           "synonym is a <termSec> of its own)"),
        (_line_of(text, "<conceptEntry>"), "conceptEntry without an id (TBX 2019 requires one)")]


@pytest.mark.parametrize("name", ["sampleTBXfile.tbx", "Unknown_Dialect2-martif.tbx",
                                  "Good-Basic2-martif.tbx", "Example_Astronomy_DCA_VALID.tbx"])
def test_tbx_files_schema_valid_are_valid(name):
    # valid against their schemas (OmegaT's martif XSD; the TBX-Basic RNG and Schematron)
    assert validate([TBX / name]) == []


def test_project_writer_output_is_valid(tmp_path):
    out = tmp_path / "w.tmx"
    write_tmx([Pair("Hello.", "Bonjour.", "en-GB", "fr-FR", file="a.txt", line=1)], out,
              segtype="sentence")
    assert validate([out]) == []


# --- stats --------------------------------------------------------------------------------

def test_stats_on_lisa_1c_and_dgt():
    result = stats([LISA / "ImportTest1C.tmx"])
    assert (result.units, result.duplicates, result.srclang) == (3, 0, "en-US")
    assert set(result.languages) == {"en-US", "en-GB", "ja-JP", "fr-CA", "es-ES"}
    en = result.languages["en-US"]
    # "First entry in US English" + "Second ..." + "Third ...": 5 words each
    assert (en.segments, en.words, en.chars) == (3, 15, 25 + 26 + 25)

    dgt = stats([DGT / "22019D0391.tmx"])
    assert dgt.units == 25 and dgt.languages["en-GB"].segments == 25
    assert dgt.languages["fr-FR"].segments == 19
    assert dgt.ratio_pair is not None and dgt.ratio_pair[0] == "en-GB"
    assert 0.8 < dgt.ratio_quantiles["median"] < 1.6
    # a memory in 24 languages: a length ratio for each against the source
    assert len(dgt.ratios) == 22 and "en-GB" not in dgt.ratios
    assert dgt.ratios[dgt.ratio_pair[1]] == (dgt.ratio_quantiles, dgt.ratio_outside)
    assert all(0.7 < quantiles["median"] < 1.6 for quantiles, _ in dgt.ratios.values())
    assert format_stats(dgt).count("length ratio ") == 22


def test_stats_gives_the_length_ratios_against_each_source_language_declared():
    # OmegaT's project memory (srclang "en") beside a DGT-TM export ("EN-GB"): the ratios
    # were taken against the first file's source alone, so the DGT-TM units, which hold no
    # "en", had none, and nothing said so
    paths = [DATA / "tmx" / "omegat-tests" / "project_save.tmx", DGT / "22019D0391.tmx"]
    both = stats(paths)
    assert both.ratio_pair is not None and both.ratio_pair[0] == "en"
    assert set(both.ratios) == {"fr"}
    assert set(both.more_ratios) == {"en-GB"}
    assert both.more_ratios["en-GB"] == stats(paths[1:]).ratios
    text = format_stats(both)
    assert "length ratio fr/en: " in text and "length ratio fr-FR/en-GB: " in text
    assert text.count("length ratio ") == 1 + 22
    assert json.loads(json.dumps(both.as_dict()))["more_ratios"]["en-GB"]["fr-FR"]["outside"] \
        == both.more_ratios["en-GB"]["fr-FR"][1]


def test_stats_columns_line_up_with_long_language_tags(tmp_path):
    # a tag of 9 characters or more (Serbian in Latin script, a private-use tag) widened
    # its row only: the counts of each table must stand one under the other
    path = tmp_path / "long-tags.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="sr-Latn-RS" '
        'segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en" creationtool="x" '
        'creationtoolversion="1"/><body>\n<tu><tuv xml:lang="sr-Latn-RS"><seg>Dobar dan.</seg>'
        '</tuv><tuv xml:lang="x-klingon"><seg>nuqneH.</seg></tuv><tuv xml:lang="fr">'
        '<seg>Bonjour.</seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    text = CliRunner().invoke(stats_command, [str(path)]).output
    rows = [line for line in text.splitlines() if line.endswith(" characters")]
    assert [row.split()[0] for row in rows] == ["sr-Latn-RS", "x-klingon", "fr"]
    for word in (" segment", " word", " character"):
        assert len({row.index(word) for row in rows}) == 1, (word, rows)
    assert "  sr-Latn-RS " in text.split("languages:")[0]


def test_stats_shows_language_tags_in_their_standard_case_in_text_and_json():
    # DGT-TM writes lang="EN-GB"; LISA 1C writes en-us, en-GB: each shown as BCP 47 cases
    # it (a code that is no tag, DGT-TM's DA-01, as written), alike in both forms
    paths = [str(DGT / "22019D0391.tmx"), str(LISA / "ImportTest1C.tmx")]
    text = CliRunner().invoke(stats_command, paths)
    as_json = CliRunner().invoke(stats_command, ["--json", *paths])
    assert text.exit_code == 0 and as_json.exit_code == 0, text.output + as_json.output
    counted = json.loads(as_json.output)
    assert counted["srclang"] == "en-GB"
    assert {"en-GB", "fr-FR", "DA-01", "en-US", "ja-JP", "fr-CA"} <= set(counted["languages"])
    assert counted["ratio_pair"][0] == "en-GB" and "fr-FR" in counted["ratios"]
    shown = re.findall(r"^  (\S+) +\d+ segments", text.output, re.M)
    assert sorted(shown) == sorted(counted["languages"])
    assert "length ratio fr-FR/en-GB: " in text.output
    assert not re.search(r"\b(en-gb|fr-fr|en-us)\b", text.output + as_json.output)


def test_stats_reports_every_source_language_declared():
    # a header's srclang per file, and units of LISA 1K that carry their own (de-DE, fr-CA):
    # each source language with the files whose header declares it and its units
    paths = [str(LISA / "ImportTest1K.tmx"), str(DGT / "22019D0391.tmx"),
             str(LISA / "ImportTest1C.tmx")]
    as_json = CliRunner().invoke(stats_command, ["--json", *paths])
    assert as_json.exit_code == 0, as_json.output
    counted = json.loads(as_json.output)
    assert counted["srclang"] == "en-US"  # the first file's header's, as before
    assert counted["srclangs"] == {"en-US": {"files": 2, "units": 3},
                                   "de-DE": {"files": 0, "units": 1},
                                   "fr-CA": {"files": 0, "units": 1},
                                   "en-GB": {"files": 1, "units": 25}}
    assert sum(entry["units"] for entry in counted["srclangs"].values()) == counted["units"]
    text = CliRunner().invoke(stats_command, paths).output
    listed = text.split("source languages (srclang):\n")[1].split("languages:")[0]
    assert re.findall(r"^  (\S+) +(\d+) files? +(\d+) units?$", listed, re.M) == [
        ("en-US", "2", "3"), ("de-DE", "0", "1"), ("fr-CA", "0", "1"), ("en-GB", "1", "25")]


def test_t15_stats_says_one_file_not_1_files():
    """``stats`` of one DGT-TM memory said "en-GB  1 files  30 units": a count of one
    takes the singular (as every count does, ``count_of``), its column as wide as the
    plural's, so the columns after it still line up."""
    text = CliRunner().invoke(stats_command, [str(DGT / "22019D0437.tmx"),
                                              str(LISA / "ImportTest1K.tmx")]).output
    assert not re.search(r"\b1 (files|units|segments|words|characters)\b", text)
    listed = text.split("source languages (srclang):\n")[1].split("languages:")[0]
    assert listed.splitlines() == ["  en-GB            1 file              30 units",
                                   "  en-US            1 file               0 units",
                                   "  de-DE            0 files              1 unit",
                                   "  fr-CA            0 files              1 unit"]


def test_stats_counts_duplicates_across_files():
    result = stats([LISA / "ImportTest1C.tmx", LISA / "ImportTest1C.tmx"])
    assert (result.files, result.units, result.duplicates) == (2, 6, 3)


def test_stats_counts_the_duplicates_merge_leaves_out(tmp_path):
    # units 1 and 2 of ExportTest2A have the same text but different inline codes: two
    # distinct units, which merge keeps both of
    assert stats([LISA / "ExportTest2A.tmx"]).duplicates == 0
    cases = [[path] for path in ALL_REAL] + [
        [LISA / "ExportTest2A.tmx"] * 2, _awkward(tmp_path),
        [DGT / "22019D0391.tmx", DGT / "22019D0556.tmx", DGT / "22019D0391.tmx"]]
    for number, paths in enumerate(cases):
        merged = merge(paths, tmp_path / f"merged{number}.tmx")
        # a repeated invalid unit is left out as invalid, not as a repeat
        counted = stats(paths)
        assert (counted.duplicates, counted.invalid) == (merged.duplicates,
                                                         merged.invalid.total()), paths
    # a seg with an undefined entity (whose text nobody can know) is refused, as merge
    # refuses it: at its line
    nbsp = tmp_path / "nbsp.tmx"
    nbsp.write_text(NBSP_TMX, encoding="utf-8")
    with pytest.raises(InputError, match=r"nbsp\.tmx:8: undefined entity &nbsp;"):
        stats([nbsp, nbsp])


REPEATS_AS_WRITTEN = [
    # a unit, then the same with an empty tuv merge leaves out, with a bpt without its ept
    # (written as <it>), with that <it>, and again: merge writes the first and the <it> one
    '<tu><tuv xml:lang="en-GB"><seg>Hello.</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour.'
    '</seg></tuv></tu>',
    '<tu><tuv xml:lang="en-GB"><seg>Hello.</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour.'
    '</seg></tuv><tuv xml:lang="de-DE"><seg></seg></tuv></tu>',
    '<tu><tuv xml:lang="en-GB"><seg><bpt i="1">&lt;b></bpt>Hello.</seg></tuv>'
    '<tuv xml:lang="fr-FR"><seg><bpt i="1">&lt;b></bpt>Bonjour.</seg></tuv></tu>',
    '<tu><tuv xml:lang="en-GB"><seg><it pos="begin">&lt;b></it>Hello.</seg></tuv>'
    '<tuv xml:lang="fr-FR"><seg><it pos="begin">&lt;b></it>Bonjour.</seg></tuv></tu>',
    '<tu><tuv xml:lang="en-GB"><seg>Hello.</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour.'
    '</seg></tuv></tu>',
    # twice a unit without the source language: invalid, left out as such, not a repeat
    '<tu><tuv xml:lang="fr-FR"><seg>Salut.</seg></tuv><tuv xml:lang="de-DE"><seg>Hallo.'
    '</seg></tuv></tu>',
    '<tu><tuv xml:lang="fr-FR"><seg>Salut.</seg></tuv><tuv xml:lang="de-DE"><seg>Hallo.'
    '</seg></tuv></tu>',
]


def test_stats_counts_repeats_of_units_as_merge_writes_them(tmp_path, monkeypatch):
    path = tmp_path / "repeats.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
        'segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en" creationtool="x" '
        'creationtoolversion="1"/><body>\n' + "\n".join(REPEATS_AS_WRITTEN)
        + "\n</body></tmx>\n", encoding="utf-8")
    merged = merge([path], tmp_path / "merged.tmx")
    assert (merged.read, merged.written, merged.duplicates, merged.invalid.total()) == \
        (7, 2, 3, 2)
    counted = stats([path])
    assert (counted.units, counted.duplicates) == (7, 3)
    assert counted.invalid == 2
    # what stats counts per language is what the file holds, not what merge writes (its
    # empty seg no segment)
    assert counted.languages["de-DE"].segments == 2
    shown = CliRunner().invoke(stats_command, [str(path)]).output
    assert "duplicate units: 3\ninvalid units (merge leaves them out): 2\n" in shown
    # the same counts when the file is cut in parts: a part after the first checks its
    # units against the header's source language too (the invalid ones are in the last)
    monkeypatch.setattr(tmx_module, "SPLIT_MIN_BYTES", 0)
    parts = split_tmx(path, 3)
    assert parts is not None and len(parts) == 3
    assert stats([path], jobs=3).as_dict() == counted.as_dict()


def test_stats_in_parts_counts_what_one_process_counts(tmp_path, monkeypatch):
    # every real TMX, and the awkward one (namespaces on the root and on a seg, codes,
    # units of every shape; as UTF-16 and gzipped it is read whole), cut in two and in
    # three runs of units wherever it can be, each counted in a process of its own
    monkeypatch.setattr(tmx_module, "SPLIT_MIN_BYTES", 0)
    paths = [*ALL_REAL, *_awkward(tmp_path)]
    cut = [path for path in paths if split_tmx(path, 2)]
    assert len(cut) >= 20 and tmp_path / "awkward.tmx" in cut
    assert sum(split_tmx(path, 3) is not None for path in cut) >= 10  # small files: 2 parts
    assert split_tmx(tmp_path / "awkward16.tmx", 2) is None
    assert split_tmx(tmp_path / "awkward.tmx.gz", 2) is None
    for path in cut:
        # the parts hold the file's units, in order, each once
        whole = [etree.tostring(tu, with_tail=False) for tu in iter_elements(path)]
        for jobs in (2, 3):
            parts = split_tmx(path, jobs) or split_tmx(path, 2)
            assert [etree.tostring(tu, with_tail=False) for part in parts
                    for tu in iter_elements(path, part=part)] == whole, (path, jobs)
    for path in paths:
        expected = stats([path]).as_dict()
        for jobs in (2, 3):
            assert stats([path], jobs=jobs).as_dict() == expected, (path, jobs)
    # the duplicates across parts and across files are counted as by one process
    twice = [LISA / "ImportTest1C.tmx", tmp_path / "awkward.tmx", tmp_path / "awkward.tmx"]
    assert stats(twice, jobs=2).as_dict() == stats(twice).as_dict()
    shown = [CliRunner().invoke(stats_command, ["--jobs", jobs, *map(str, twice)])
             for jobs in ("1", "2")]
    assert shown[0].exit_code == 0 and shown[1].output == shown[0].output


def _middle_tmx(middle: str) -> str:
    """A TMX of 40 units with ``middle`` written between the 20th and the 21st."""
    units = [f'<tu tuid="{n}"><tuv xml:lang="en-GB"><seg>Unit {n % 7} here.</seg></tuv>'
             f'<tuv xml:lang="fr-FR"><seg>Unité {n % 7} ici.</seg></tuv></tu>'
             for n in range(40)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB"'
            ' segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en" creationtool="x"'
            ' creationtoolversion="1"/><body>\n' + "\n".join(units[:20]) + middle
            + "\n".join(units[20:]) + "\n</body></tmx>\n")


@pytest.mark.parametrize("middle", [
    # a unit of an older version kept in a comment, and a seg whose text is a unit, as CDATA
    '<!-- ' + 'x' * 3000 + ' <tu><tuv xml:lang="en-GB"><seg>Old.</seg></tuv></tu> -->',
    '<tu><tuv xml:lang="en-GB"><seg><![CDATA[' + 'x' * 3000 + ' </tu> ]]></seg></tuv>'
    '<tuv xml:lang="fr-FR"><seg>y</seg></tuv></tu>',
])
def test_stats_reads_whole_a_file_cut_where_no_unit_ends(tmp_path, monkeypatch, middle):
    # the first "</tu>" after the file's middle is text, not the end of a unit: the part
    # before the cut is not well-formed, so the file is read whole, and counted right
    monkeypatch.setattr(tmx_module, "SPLIT_MIN_BYTES", 0)
    path = tmp_path / "middle.tmx"
    path.write_text(_middle_tmx(middle), encoding="utf-8")
    data = path.read_bytes()
    parts = split_tmx(path, 2)
    assert parts is not None
    cut = parts[1].start
    assert data.index(b"x" * 3000) < cut < data.index(b"x" * 3000) + 3100  # in the text
    with pytest.raises(InputError):
        list(iter_elements(path, part=parts[0]))
    assert stats([path], jobs=2).as_dict() == stats([path]).as_dict()
    assert stats([path], jobs=2).units == 40 + middle.startswith("<tu>")


def test_stats_in_parts_reports_an_error_as_one_process_does(tmp_path, monkeypatch):
    # a unit broken in the second half of the file: the error of reading it whole, its line
    monkeypatch.setattr(tmx_module, "SPLIT_MIN_BYTES", 0)
    path = tmp_path / "broken.tmx"
    text = _middle_tmx("")
    at = text.index('<tu tuid="35">')
    path.write_text(text[:at] + '<tu tuid="35"><tuv xml:lang="en-GB"><seg>open</tuv></tu>'
                    + text[at:], encoding="utf-8")
    assert split_tmx(path, 2) is not None
    with pytest.raises(InputError) as whole:
        stats([path])
    with pytest.raises(InputError) as parted:
        stats([path], jobs=2)
    assert str(parted.value) == str(whole.value)
    assert f"broken.tmx:{text[:at].count(chr(10)) + 1}:" in str(parted.value)


# --- click commands -----------------------------------------------------------------------

def test_cli_validate_stats_merge(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(validate_command, [str(LISA / "ImportTest2A.tmx")])
    assert ok.exit_code == 0 and ok.output.strip() == "valid"
    bad = runner.invoke(validate_command, [str(DGT / "22019D0391.tmx")])
    assert bad.exit_code == 1
    assert f"{DGT / '22019D0391.tmx'}:10: tuv uses lang= (TMX 1.1)" in bad.output
    one = tmp_path / "one.tmx"  # one problem: said in the singular ("1 problems" before)
    one.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                   'creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
                   'adminlang="en" srclang="en-GB" datatype="plaintext"/><body><tu><tuv '
                   'xml:lang="en-GB"><seg>Closed.</seg></tuv><tuv xml:lang="fr-FR"><seg/>'
                   '</tuv></tu></body></tmx>\n', encoding="utf-8")
    single = runner.invoke(validate_command, [str(one)])
    assert single.exit_code == 1 and "invalid: 1 problem\n" in single.output

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


def test_a_documented_datatype_is_written_as_tmx_spells_it(tmp_path):
    """DGT-TM's header says datatype="PlainText": build and merge copied it as it was,
    where TMX 1.4b spells its values in lower case."""
    from tmx_export.cli import main

    memory = DGT / "22019D0391.tmx"
    assert 'datatype="PlainText"' in memory.read_text(encoding="utf-16")
    built, merged = tmp_path / "b.tmx", tmp_path / "m.tmx"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(memory), "-o", str(built)]).exit_code == 0
    assert runner.invoke(merge_command, [str(memory), "-o", str(merged)]).exit_code == 0
    for out in (built, merged):
        header = next(iter_elements(out, ("header",)))
        assert header.get("datatype") == "plaintext"


def test_a_directory_without_memories_given_to_merge_stats_or_validate_is_one_line(
        tmp_path):
    """Not click's three-line usage error, as before: the folder named, exit 1 (validate,
    whose 1 says "invalid": 2) (a directory holding memories is read: see the test of a
    directory of memories)."""
    folder = tmp_path / "memories"
    folder.mkdir()
    out = tmp_path / "m.tmx"
    memory = str(LISA / "ImportTest1J.tmx")
    for command, args in ((merge_command, [memory, str(folder), "-o", str(out)]),
                          (stats_command, [memory, str(folder)]),
                          (validate_command, [memory, str(folder)])):
        result = CliRunner().invoke(command, args)
        assert result.exit_code == (2 if command is validate_command else 1), result.output
        assert f"{folder}: directory holds no *.tmx, *.tmx.gz" in result.output
        assert "Usage:" not in result.output
    assert not out.exists()


def test_merge_refuses_an_output_over_an_input_or_named_as_a_directory(tmp_path):
    memory = tmp_path / "m.tmx"
    shutil.copy(LISA / "ImportTest1J.tmx", memory)
    before = memory.read_bytes()
    runner = CliRunner()
    cases = [("m.tmx", f"{memory}: output would overwrite an input file"),
             ("new/", f"{tmp_path / 'new'}/: cannot write: a directory name (ends in '/'), "
                      "not a file name"),
             ("no/x.tmx", f"{tmp_path / 'no' / 'x.tmx'}: cannot write: the directory does "
                          "not exist"),
             # a file where a folder was meant: said so, not "does not exist"
             ("m.tmx/x.tmx", f"{tmp_path / 'm.tmx' / 'x.tmx'}: cannot write: "
                             f"{memory} is a file, not a directory")]
    for name, expected in cases:
        output = str(tmp_path / name) if not name.endswith("/") else f"{tmp_path / name}/"
        result = runner.invoke(merge_command, [str(LISA / "ImportTest1C.tmx"), str(memory),
                                               "-o", output])
        assert result.exit_code == 1, name
        assert result.stderr == f"tmx-export: error: {expected}\n"
    assert memory.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tmx"]


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


# --- stats and merge against their definitions ---------------------------------------------
#
# stats and merge take shortcuts for speed (bare-text segs stand for their C14N, words are
# counted on Latin-1 bytes, ratios are counted rather than listed). These tests hold them
# to the plain definitions, written out below the slow way, on real and on awkward files.

ALL_REAL = sorted((DATA / "tmx").rglob("*.tmx"))

AWKWARD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4" xmlns:foo="urn:foo">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="en" srclang="*all*" datatype="plaintext">
    <prop type="x-a" lang="en">header prop</prop>
  </header>
  <body>
    <tu tuid="1">
      <prop type="x-p" lang="EN">p</prop>
      <note lang="fr">n</note>
      <tuv lang="EN_gb">
        <prop type="x-t">tp</prop>
        <seg>Hello <ph x="1" type="a">&lt;b&gt;</ph>world &amp; co</seg>
      </tuv>
      <tuv xml:lang="fr-FR" lang="xx">
        <seg>Bonjour  <ph type="a" x="1">&lt;b&gt;</ph>monde</seg></tuv>
    </tu>
    <tu tuid="2"><tuv xml:lang="en-GB"><seg>Hello <ph type="a" x="1">&lt;b&gt;</ph>world
 &amp; co</seg></tuv><tuv xml:lang="FR-fr"><seg>Bonjour  <ph x="1" type="a">&lt;b&gt;</ph
>monde</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><note>no seg</note></tuv><tuv xml:lang="fr-FR"><seg/></tuv></tu>
    <tu><tuv xml:lang="en-GB"></tuv><tuv xml:lang="fr-FR"><seg></seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg a="1">attr</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>attr</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>attr</seg></tuv><tuv xml:lang="fr-FR"><seg>attr</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg xmlns:bar="urn:bar">attr</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>attr</seg></tuv></tu>
    <tu><tuv xml:lang="en-GB"><seg>a</seg><seg>b</seg></tuv><tuv xml:lang="en-gb"><seg>c</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>cœur — l’œuvre Ωμέγα 日本語 😀 x_y 12</seg></tuv></tu>
    <tu><tuv xml:lang="en-gb"><seg>c</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>cœur — l’œuvre Ωμέγα 日本語 😀 x_y 12</seg></tuv
      ><tuv xml:lang="en-GB"><seg>a</seg><seg>b</seg></tuv></tu>
    <tu><tuv xml:lang="de"><seg>Straße <hi>fett <ph>x</ph> text</hi> ende</seg></tuv
      ><tuv><seg>no lang</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>long       </seg></tuv
      ><tuv xml:lang="en-GB"><seg>ab</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>zero</seg></tuv><tuv xml:lang="en-GB"><seg/></tuv></tu>
    <tu><tuv xml:lang="en-GB"><prop type="x">before the seg</prop><seg>later</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>plus tard</seg></tuv></tu>
    <tu><note><tuv xml:lang="en-GB"><seg>inside a note</seg></tuv></note
      ><tuv xml:lang="fr-FR"><seg>x</seg></tuv></tu>
    <!-- a comment -->
    <tu><tuv xml:lang="en-GB"><seg>Ελληνικά κείμενα, και λέξεις.</seg></tuv
      ><tuv xml:lang="fr-FR"><seg>Русский текст для проверки</seg></tuv></tu>
  </body>
</tmx>
"""


def _awkward(tmp_path: Path) -> list[Path]:
    """The awkward file as UTF-8, as UTF-16 and gzipped."""
    utf8 = tmp_path / "awkward.tmx"
    utf8.write_text(AWKWARD, encoding="utf-8")
    utf16 = tmp_path / "awkward16.tmx"
    utf16.write_text(AWKWARD.replace('encoding="UTF-8"', 'encoding="UTF-16"'), encoding="utf-16")
    packed = tmp_path / "awkward.tmx.gz"
    packed.write_bytes(gzip.compress(utf8.read_bytes()))
    return [utf8, utf16, packed]


def _many(tmp_path: Path) -> Path:
    """Enough units for several batches, languages coming and going, repeats."""
    pairs = []
    for i in range(700):
        target = ("fr-FR", "de-DE", "el-GR")[i // 100 % 3]
        text = f"Phrase numéro {i % 100}, cœur: l’été {'😀' * (i % 5)}"
        pairs.append(Pair(f"Sentence {i % 100} of {'x' * (i % 4)}.", text, "en-GB", target))
    out = tmp_path / "many.tmx"
    write_tmx(pairs, out, keep_duplicates=True)
    return out


def _any_source(path: Path, tmp_path: Path) -> Path:
    """A copy of a TMX file whose header says srclang="*all*", as the awkward file's: merge
    takes files of one source language only."""
    raw = path.read_bytes()
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    text = re.sub(r'srclang="[^"]*"', 'srclang="*all*"', raw.decode(encoding), count=1)
    copy = tmp_path / f"all-{path.name}"
    copy.write_text(text, encoding=encoding)
    return copy


def _stats_by_definition(paths: list[Path]) -> dict:
    """What stats counts, the slow way: every unit's lengths kept, ratios listed."""
    import statistics

    from tmx_export.formats.tmx import XML_LANG, comparable_tag, iter_elements, seg_text
    from tmx_export.lang import cased_tag
    from tmx_export.tools import LanguageStats, SourceLanguage, TmxStats

    result = TmxStats()
    seen: set[int] = set()
    lengths: list[dict[str, int]] = []
    spelled: dict[str, str] = {}  # each language's first spelling
    sources: dict[str, SourceLanguage] = {}
    for path in paths:
        result.files += 1
        header = declared = ""
        for elem in iter_elements(path, ("header", "tu")):
            if elem.tag == "header":
                declared = elem.get("srclang", "")
                header = declared.strip()
                result.srclang = result.srclang or comparable_tag(header)
                if header:
                    sources.setdefault(comparable_tag(header), SourceLanguage()).files += 1
                continue
            result.units += 1
            source = elem.get("srclang") or header
            if source:
                sources.setdefault(comparable_tag(source), SourceLanguage()).units += 1
            for tuv in elem.iter("tuv"):
                tag = tuv.get(XML_LANG) or tuv.get("lang") or "?"
                spelled.setdefault(comparable_tag(tag), cased_tag(tag))
            unit_lengths: dict[str, int] = {}
            for tuv in elem.iter("tuv"):
                lang = comparable_tag(tuv.get(XML_LANG) or tuv.get("lang") or "?")
                seg = tuv.find("seg")
                text = seg_text(seg) if seg is not None else ""
                entry = result.languages.setdefault(lang, LanguageStats())
                entry.segments += bool(text)  # an empty seg is no segment
                entry.words += len(re.findall(WORD_BY_DEFINITION, text))
                entry.chars += len(text)
                unit_lengths.setdefault(lang, len(text))
            lengths.append(unit_lengths)
            fingerprint = _repeat_by_definition(elem, declared)  # last: it changes the unit
            if fingerprint is None:
                result.invalid += 1
                continue
            result.duplicates += fingerprint in seen
            seen.add(fingerprint)
    def ratios_against(source: str) -> dict:
        found = {}
        for target in (lang for lang in by_count if lang != source):
            ratios = sorted(u[target] / u[source] for u in lengths
                            if u.get(source) and u.get(target))
            outside = sum(1 for r in ratios if r < 0.5 or r > 2)
            if len(ratios) == 1:
                found[target] = ({"min": ratios[0], "median": ratios[0],
                                  "max": ratios[0]}, outside)
            elif ratios:
                cuts = statistics.quantiles(ratios, n=20, method="inclusive")
                found[target] = ({
                    "min": ratios[0], "p5": cuts[0], "p25": cuts[4],
                    "median": statistics.median(ratios), "p75": cuts[14], "p95": cuts[18],
                    "max": ratios[-1]}, outside)
        return found

    by_count = sorted(result.languages, key=lambda k: -result.languages[k].segments)
    source = result.srclang if result.srclang in result.languages else by_count[0]
    others = [lang for lang in by_count if lang != source]
    if others:
        result.ratio_pair = (source, others[0])
        result.ratios = ratios_against(source)  # every other language against the source
        # and against every other source language declared, over the units holding it
        result.more_ratios = {declared: found for declared in sources
                              if declared != source and declared in result.languages
                              and (found := ratios_against(declared))}
    if others and others[0] in result.ratios:
        result.ratio_quantiles, result.ratio_outside = result.ratios[others[0]]
    # every tag shown in its standard case, as first spelled
    shown = {**{tag: cased_tag(tag) for tag in sources}, **spelled}
    result.srclang = shown.get(result.srclang, result.srclang)
    result.srclangs = {shown[tag]: entry for tag, entry in sources.items()}
    result.languages = {shown[tag]: entry for tag, entry in result.languages.items()}
    if result.ratio_pair:
        result.ratio_pair = (shown[result.ratio_pair[0]], shown[result.ratio_pair[1]])
    result.ratios = {shown[tag]: found for tag, found in result.ratios.items()}
    result.more_ratios = {shown[source]: {shown[tag]: each for tag, each in found.items()}
                          for source, found in result.more_ratios.items()}
    return result.as_dict()


def test_stats_equal_the_definition_on_real_and_awkward_files(tmp_path):
    awkward = _awkward(tmp_path)
    many = _many(tmp_path)
    cases = [[path] for path in ALL_REAL] + [
        awkward, [many], [many, many, awkward[0]],
        [DGT / "22019A0315(01).tmx", LISA / "ImportTest1C.tmx"]]
    for paths in cases:
        assert stats(paths).as_dict() == _stats_by_definition(paths), paths
    counted = stats([many])
    # units 300 apart are the same pair (same text, same target language)
    assert (counted.units, counted.duplicates) == (700, 400)
    assert set(counted.languages) == {"en-GB", "fr-FR", "de-DE", "el-GR"}


def _key_by_definition(tu: etree._Element) -> tuple:
    """What makes two units the same, the slow way: the unit made TMX 1.4 (xml:lang, no
    indentation), then each tuv's language and the C14N of its seg, in sorted order."""
    from tmx_export.lang import normalise_tag

    for elem in tu.iter("tuv", "prop", "note"):
        if "lang" in elem.attrib and XML_LANG not in elem.attrib:
            elem.set(XML_LANG, elem.attrib.pop("lang"))
    for elem in tu.iter("tu", "tuv"):
        if elem.text is not None and not elem.text.strip():
            elem.text = None
        for child in elem:
            if child.tail is not None and not child.tail.strip():
                child.tail = None
    parts = []
    for tuv in tu.iter("tuv"):
        seg = tuv.find("seg")
        # exclusive C14N: the namespaces declared around a seg are not its text
        body = etree.tostring(seg, method="c14n", exclusive=True) if seg is not None else b""
        parts.append((normalise_tag(tuv.get(XML_LANG, "")), body))
    # a unit's place in the source files (OmegaT's file and id...) is part of what it is
    context = sorted((prop.get("type"), prop.text or "") for prop in tu.findall("prop")
                     if prop.get("type") in CONTEXT_PROPS)
    return tuple(sorted(parts)) + tuple(context)


def _repeat_by_definition(tu: etree._Element, srclang: str | None) -> int | None:
    """What merge knows a unit by under a header of ``srclang``: the key of the unit as it
    writes it (unpaired codes made <it>, tuvs with an empty seg left out when the source and
    another language remain); ``None`` when it leaves the unit out as invalid."""
    from tmx_export.formats.tmx import isolate_unpaired_codes, seg_text
    from tmx_export.lang import holds_source, normalise_tag

    for seg in tu.iter("seg"):
        isolate_unpaired_codes(seg)
    key = _key_by_definition(tu)  # made TMX 1.4 by the way
    empty = [tuv for tuv in tu.iter("tuv") if len(segs := tuv.findall("seg")) == 1
             and not len(segs[0]) and not seg_text(segs[0]).strip()]
    kept = [normalise_tag(tuv.get(XML_LANG, "")) for tuv in tu.iter("tuv") if tuv not in empty]
    source = tu.get("srclang") or srclang
    if empty and len(kept) >= 2 and (not source or source == "*all*"
                                     or holds_source(kept, source)):
        for tuv in empty:
            tu.remove(tuv)
        key = _key_by_definition(tu)
    return None if _invalid_by_definition(tu, srclang) else hash(key)


def _invalid_by_definition(tu: etree._Element, srclang: str | None) -> bool:
    """Whether validate reports a unit (made TMX 1.4) under a header of ``srclang``."""
    from tmx_export.tools.validation import _validate_tu

    problems: list[str] = []
    _validate_tu(tu, srclang, lambda _line, message: problems.append(message))
    # a code spelled against the rules (DGT-TM's DA-01) still names the language: kept
    return any("invalid language code" not in message for message in problems)


def _dates_by_definition(element: etree._Element) -> None:
    """The dates of a header or a unit and its tuvs in the TMX form, the unreadable left out."""
    from tmx_export.formats.tmx import tmx_date

    for elem in element.iter("header", "tu", "tuv"):
        for name in ("creationdate", "changedate", "lastusagedate"):
            if elem.get(name) is not None:
                written = tmx_date(elem.get(name))
                if written is None:
                    del elem.attrib[name]
                else:
                    elem.set(name, written)


def _merge_by_definition(paths: list[Path], output: Path) -> tuple[int, int]:
    """merge, the slow way: every unit made TMX 1.4, left out when validate reports it, then
    keyed by the C14N of its segs; the header's segtype the one all inputs share, else
    paragraph if one is, else block, and a unit of another kind says its own; so with the
    datatype, else unknown."""
    from tmx_export.formats.tmx import (
        TmxDocument,
        isolate_unpaired_codes,
        iter_elements,
        read_tmx_header,
    )
    from tmx_export.tools.merging import _first_header

    seen: set[int] = set()
    read = 0
    kinds = [read_tmx_header(path).get("segtype") for path in paths]
    kinds = [kind if kind in ("block", "paragraph", "sentence", "phrase") else "block"
             for kind in kinds]
    header = _first_header(paths[0])
    if len(set(kinds)) > 1:
        header.set("segtype", "paragraph" if "paragraph" in kinds else "block")
    datatypes = [(read_tmx_header(path).get("datatype") or "unknown") for path in paths]
    datatypes = [kind.lower() if kind.lower() in ("plaintext", "html", "xml") else kind
                 for kind in datatypes]
    if len(set(datatypes)) > 1:
        header.set("datatype", "unknown")
    header.set("srclang", header.get("srclang", "").replace("_", "-"))
    srclang = header.get("srclang")
    _dates_by_definition(header)

    def units():
        nonlocal read
        for path, kind, datatype in zip(paths, kinds, datatypes, strict=True):
            for tu in iter_elements(path):
                read += 1
                _dates_by_definition(tu)
                for tuv in tu.iter("tuv"):  # a locale's "_" (en_GB) written as BCP 47's "-"
                    for name in (XML_LANG, "lang"):
                        if "_" in (tuv.get(name) or ""):
                            tuv.set(name, tuv.get(name, "").replace("_", "-"))
                for seg in tu.iter("seg"):  # TMX 1.4b's isolated codes
                    isolate_unpaired_codes(seg)
                key = hash(_key_by_definition(tu))
                if _invalid_by_definition(tu, srclang):
                    continue
                if key in seen:
                    continue
                seen.add(key)
                if kind != header.get("segtype") and tu.get("segtype") is None:
                    tu.set("segtype", kind)
                if datatype != header.get("datatype") and tu.get("datatype") is None:
                    tu.set("datatype", datatype)
                tu.tail = "\n"
                yield tu

    with TmxDocument(output, header) as document:
        document.write_all(units())
    return read, len(seen)


def test_merge_output_equals_the_definition(tmp_path):
    awkward = _awkward(tmp_path)
    many = _many(tmp_path)
    plain = tmp_path / "plain.tmx"  # no namespace in scope: units go the one-pass way
    plain.write_text(AWKWARD.replace(' xmlns:foo="urn:foo"', ""), encoding="utf-8")
    cases = [[path] for path in ALL_REAL] + [
        awkward, [plain], [plain, awkward[0], plain], [many, many],
        [_any_source(LISA / "ImportTest2A.tmx", tmp_path), awkward[1],
         _any_source(many, tmp_path)],
        [DGT / "22019D0391.tmx", DGT / "22019D0556.tmx", DGT / "22019D0391.tmx"]]
    for number, paths in enumerate(cases):
        ours, theirs = tmp_path / f"ours{number}.tmx", tmp_path / f"theirs{number}.tmx"
        counts = merge(paths, ours)
        read, written = _merge_by_definition(paths, theirs)
        assert ours.read_bytes() == theirs.read_bytes(), paths
        assert (counts.read, counts.written, counts.duplicates + counts.invalid.total()) == \
            (read, written, read - written)


def test_merge_knows_repeats_by_language_and_canonical_seg(tmp_path):
    [awkward, *_] = _awkward(tmp_path)
    out = tmp_path / "merged.tmx"
    counts = merge([awkward], out)
    # the repeats (unit 4 of unit 3, both without a seg, and the unit with its three tuvs
    # in another order, which has a tuv of two segs) are invalid: left out as such, as is
    # the seg with an attribute the DTD does not declare; the seg that declares a
    # namespace is a repeat of the bare one (the same text)
    assert (counts.read, counts.written, counts.duplicates) == (15, 6, 1)
    assert counts.invalid.total() == 8
    written = etree.parse(str(out)).getroot()
    first = written.find("body/tu")
    assert first.get("tuid") == "1" and first.text is None
    assert [tuv.get(XML_LANG) for tuv in first.iter("tuv")] == ["EN-gb", "fr-FR"]
    assert first.find("prop").get(XML_LANG) == "EN" and first.find("note").get(XML_LANG) == "fr"
    # a seg with a namespace in scope is the bare seg: written once
    assert sum(1 for tu in written.iter("tu") if tu.findtext("tuv/seg") == "attr") == 1
    # kept as they are when repeats are asked for
    assert merge([awkward], tmp_path / "all.tmx", dedupe=False).written == 7


def _plain(tmp_path: Path) -> Path:
    """The awkward file without the namespace on its root: one seg declares one, halfway."""
    plain = tmp_path / "plain.tmx"
    plain.write_text(AWKWARD.replace(' xmlns:foo="urn:foo"', ""), encoding="utf-8")
    return plain


def _merge_cases(tmp_path: Path) -> list[Path]:
    return [*ALL_REAL, *_awkward(tmp_path), _plain(tmp_path), _many(tmp_path)]


def test_usual_unit_key_equals_the_plain_key_and_clean_means_to_14_does_nothing(tmp_path):
    """merge's one-pass key against _unit_key, the plain form, on real and awkward files; a
    unit it calls TMX 1.4 already comes out of _to_14 unchanged."""
    import copy

    from tmx_export.tools.merging import (
        _surely_valid,
        _TagCache,
        _to_14,
        _unit_key,
        _usual_unit_key,
        _valid_as_found,
    )

    usual_units = clean_units = shaped_units = 0
    for path in _merge_cases(tmp_path):
        langs = _TagCache()
        for tu in iter_elements(path):
            plain = _unit_key(tu, langs)
            usual = _usual_unit_key(tu, langs)
            if usual is None:
                continue
            usual_units += 1
            key, clean, shaped = usual
            assert key == plain, (path, tu.sourceline)
            if clean:
                clean_units += 1
                made = copy.deepcopy(tu)
                _to_14(made)
                # (both copies: a copy drops the namespaces declared around the unit)
                assert etree.tostring(made) == etree.tostring(copy.deepcopy(tu)), \
                    (path, tu.sourceline)
            # what the pass says of the unit's children: what _surely_valid finds of them
            found = [part[0] for part in key]
            for srclang in (None, "en-GB", "fr-FR", "*all*"):
                if clean and shaped:
                    assert _valid_as_found(tu, found, srclang) == \
                        _surely_valid(tu, langs, srclang), (path, tu.sourceline, srclang)
                elif clean:
                    assert not _surely_valid(tu, langs, srclang), (path, tu.sourceline)
            shaped_units += clean and shaped
    assert usual_units > 1000 and clean_units > 700 and shaped_units > 500  # all exercised


def test_stats_runs_equal_the_plain_form(tmp_path):
    """The texts stats counts, read in line, against each tuv's first seg's seg_text."""
    from tmx_export.formats.tmx import seg_text
    from tmx_export.tools.counts import _Declared, _runs
    from tmx_export.tools.merging import _TagCache

    for path in _merge_cases(tmp_path):
        rows = [(tags, row) for tags, run, _ in _runs(iter_elements(path, ("header", "tu")),
                                                       _Declared(), _TagCache(),
                                                       lambda tu, srclang: 0)
                for row in run]
        plain = []
        for tu in iter_elements(path):
            tags = [tuv.get(XML_LANG) or tuv.get("lang") or "?" for tuv in tu.iter("tuv")]
            segs = [tuv.find("seg") for tuv in tu.iter("tuv")]
            plain.append((tags, ["" if seg is None else seg_text(seg) for seg in segs]))
        assert rows == plain, path


# A word as stats counts it: a Chinese or Japanese character (ideograph, kana) alone, as CAT
# tools count them, else a run of \w and combining marks (an accent written apart belongs to
# its letter)
_CJK_WORD = r"[\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff" \
    r"\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
_MARK = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD_BY_DEFINITION = re.compile(rf"(?=\w){_CJK_WORD}|(?:(?!{_CJK_WORD})[\w{_MARK}])+")


def test_stats_counts_each_chinese_or_japanese_character_as_a_word(tmp_path):
    # a whole sentence was one word (a run of \w); Trados and memoQ count each ideograph
    # and kana, punctuation ("。", "・") aside, and words of other scripts beside them
    memory = tmp_path / "ja.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en-US"><seg>The Member States shall '
        'comply with this Directive.</seg></tuv><tuv xml:lang="ja-JP"><seg>加盟国はこの指令に'
        '従わなければならない。</seg></tuv><tuv xml:lang="zh-CN"><seg>成员国应遵守本指令。'
        '</seg></tuv></tu><tu><tuv xml:lang="en-US"><seg>EU budget 2019</seg></tuv>'
        '<tuv xml:lang="ja-JP"><seg>EU予算・2019年</seg></tuv><tuv xml:lang="zh-CN">'
        '<seg>2019年欧盟预算</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    result = stats([memory])
    assert result.languages["en-US"].words == 8 + 3
    assert result.languages["ja-JP"].words == 19 + 5  # EU, 予, 算, 2019, 年
    assert result.languages["zh-CN"].words == 9 + 6
    out = CliRunner().invoke(stats_command, [str(memory)]).output
    assert "ja-JP" in out and " 24 words" in out


def test_count_words_equals_the_regular_expression():
    import random

    from tmx_export.tools import count_words

    pool = ("a", "Z", "é", "ß", "œ", "Œ", "’", "—", " ", " ", "\u00a0", "\t", "_", "7", "٣",
            "Ω", "λ", "Ж", "日", "本", "😀", "\u200d", "e\u0301", "-", ",", "'", "&", "ǅ", "ﬁ")
    rng = random.Random(5)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 40)))
             for _ in range(2000)]
    texts += ["", " ", "œ", "l’œuvre", "Ωμέγα λέξεις", "日本語のテキスト", "plain ascii words"]
    # decomposed accents: one word each, as composed
    assert count_words(["e\u0301te\u0301 re\u0301sume\u0301", "Cafe\u0301 au lait"]) == 5
    assert count_words(["Ελληνικα\u0301 e\u0301te\u0301"]) == 2
    for start in range(0, len(texts), 97):
        batch = texts[start:start + 97]
        assert count_words(batch) == sum(len(re.findall(WORD_BY_DEFINITION, t)) for t in batch)
    greek_first = ["Ελληνικά κείμενα"] + texts[:50]
    assert count_words(greek_first) == sum(len(re.findall(WORD_BY_DEFINITION, t))
                                           for t in greek_first)
    assert count_words([]) == 0


def test_ratio_quantiles_equal_statistics():
    import random
    import statistics
    from collections import Counter

    from tmx_export.tools.counts import _SortedCounts

    rng = random.Random(3)
    for size in (2, 3, 4, 5, 19, 20, 21, 40, 101, 1000):
        data = [rng.randrange(1, 30) / rng.randrange(1, 30) for _ in range(size)]
        ranked = _SortedCounts(Counter(data))
        ordered = sorted(data)
        cuts = statistics.quantiles(data, n=20, method="inclusive")
        assert [ranked[i] for i in range(size)] == ordered
        assert ranked.median() == statistics.median(data)
        assert [ranked.cut(i) for i in range(1, 20)] == cuts


def test_distinct_count_counts_each_value_once_across_batches_and_ranges():
    from tmx_export.tools.counts import _DistinctCount

    low, high = -(1 << 63), (1 << 63) - 1
    bounds = [low + (part << 60) for part in range(1, 16)]
    values = [low, high, 0, -1, 1, *bounds, *(b - 1 for b in bounds)]
    counter = _DistinctCount()
    counter.add_all(values)
    counter.add_all(reversed(values))  # all repeats
    counter.add_all([7, 7, high])
    assert counter.count() == len(set(values)) + 1


def test_merge_reading_ahead_in_a_second_process_writes_the_same(tmp_path, monkeypatch):
    # The inputs after the first read in another process while the first is written: the
    # same bytes and counts for every case of the definition above, repeats across files
    # and units made TMX 1.4 included, and the same error where one input is broken.
    from tmx_export.tools import merging

    monkeypatch.setattr(merging._ReadAhead, "MIN_BYTES", 0)
    read_ahead = []
    batches = merging._ReadAhead.batches

    def spy(self):  # type: ignore[no-untyped-def]
        read_ahead.append(1)
        return batches(self)

    monkeypatch.setattr(merging._ReadAhead, "batches", spy)
    awkward, many = _awkward(tmp_path), _many(tmp_path)
    cases = [awkward, [many, many],
             [_any_source(LISA / "ImportTest2A.tmx", tmp_path), awkward[1],
              _any_source(many, tmp_path)],
             [DGT / "22019D0391.tmx", DGT / "22019D0556.tmx", DGT / "22019D0391.tmx"],
             [LISA / "ImportTest2A.tmx", LISA / "ImportTest2C.tmx", LISA / "ImportTest2A.tmx",
              DATA / "tmx" / "omegat-tests" / "en-fr.tmx"]]
    for number, paths in enumerate(cases):
        for dedupe in (True, False):
            one, two = tmp_path / f"one{number}.tmx", tmp_path / f"two{number}.tmx.gz"
            alone = merge(paths, one, dedupe=dedupe)
            before = len(read_ahead)
            shared = merge(paths, two, dedupe=dedupe, jobs=2)
            assert len(read_ahead) - before == len(paths) - 1
            assert gzip.decompress(two.read_bytes()) == one.read_bytes(), paths
            assert shared == alone
    nbsp = tmp_path / "nbsp.tmx"
    nbsp.write_text(NBSP_TMX, encoding="utf-8")
    out = tmp_path / "out.tmx"
    for broken in (nbsp, LISA / "ImportTest1A.tmx"):
        with pytest.raises(InputError) as alone_error:
            merge([LISA / "ImportTest1A.tmx", nbsp, broken], out)
        with pytest.raises(InputError) as shared_error:
            merge([LISA / "ImportTest1A.tmx", nbsp, broken], out, jobs=2)
        assert str(shared_error.value) == str(alone_error.value)
        assert str(shared_error.value).startswith(f"{nbsp}:8: ")
        assert not list(tmp_path.glob("out.tmx*")) and not list(tmp_path.glob(".out.tmx*"))


def test_merge_of_sentence_and_paragraph_memories_keeps_every_units_segtype_true(tmp_path):
    # OmegaT re-segments only the units of a paragraph file (it reads no tu's segtype): the
    # merged header says paragraph, and the sentence file's units say what they are
    from tmx_export.pipeline import ParallelInput, build

    europarl = ParallelInput(str(DATA / "europarl" / "ep-00-01-17-excerpt.en.txt"),
                             str(DATA / "europarl" / "ep-00-01-17-excerpt.fr.txt"))
    sentences, paragraphs = tmp_path / "sentences.tmx", tmp_path / "paragraphs.tmx"
    written = build([DATA / "ep-industrial-policy-34.txt"], sentences).units_written
    build([europarl], paragraphs, segment="paragraph")
    for order in ([sentences, paragraphs], [paragraphs, sentences]):
        out = tmp_path / "merged.tmx"
        merge(order, out)
        root = etree.parse(str(out)).getroot()
        assert root.find("header").get("segtype") == "paragraph"
        kinds = [tu.get("segtype") for tu in root.iter("tu")]
        assert kinds.count("sentence") == written and set(kinds) == {None, "sentence"}, order


def test_merge_of_html_and_plain_text_memories_keeps_every_units_datatype_true(tmp_path):
    # the header's datatype tells a CAT tool how to read the units' codes: a merge of an
    # HTML memory and a plain-text one says "unknown", each unit keeping its file's
    from tmx_export.pipeline import build

    plain, html = tmp_path / "plain.tmx", tmp_path / "html.tmx"
    written = build([DATA / "ep-industrial-policy-34.txt"], plain).units_written
    text = plain.read_text(encoding="utf-8")
    assert 'datatype="plaintext"' in text
    html.write_text(text.replace('datatype="plaintext"', 'datatype="HTML"', 1)
                    .replace("<seg>", "<seg>Page: ", 1), encoding="utf-8")
    out = tmp_path / "merged.tmx"
    merge([plain, html], out)
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("datatype") == "unknown"
    kinds = [tu.get("datatype") for tu in root.iter("tu")]
    assert kinds[:written] == ["plaintext"] * written
    assert kinds[written:] == ["html"]  # the one unit of html.tmx that is no repeat
    assert validate([out]) == []
    merge([html, html], out)  # one datatype: the header's, no unit says it again
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("datatype") == "html"
    assert {tu.get("datatype") for tu in root.iter("tu")} == {None}


def test_merge_newest_with_keep_duplicates_is_a_usage_error(tmp_path):
    memory = DATA / "tmx" / "lisa-tmx-compliance-kit" / "ImportTest1L.tmx"
    result = CliRunner().invoke(merge_command, [str(memory), "-o", str(tmp_path / "m.tmx"),
                                                "--keep-duplicates", "--newest"])
    assert result.exit_code == 2
    assert "--newest chooses among repeated units" in result.output
    assert not (tmp_path / "m.tmx").exists()


def test_merge_and_stats_name_an_xliff_or_po_file_given_them(tmp_path: Path) -> None:
    """merge and stats read TMX alone: a PO file was refused as ill-formed XML ("Start tag
    expected, '<' not found"), an XLIFF file by its namespaced root only. Both now say what
    the file is and how to make a TMX of it."""
    po = tmp_path / "fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "The Parties agree."\n'
                  'msgstr "Les Parties conviennent."\n', encoding="utf-8")
    xlf = tmp_path / "fr.xlf"
    xlf.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                   'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
                   'source-language="en" target-language="fr" datatype="plaintext"><body>'
                   '<trans-unit id="1"><source>The Parties agree.</source><target>Les Parties '
                   'conviennent.</target></trans-unit></body></file></xliff>\n', encoding="utf-8")
    said = "`tmx-export build` turns it into a TMX"
    result = CliRunner().invoke(stats_command, [str(po)])
    assert result.exit_code == 1
    assert f"{po}: not a TMX file: a PO file; {said}" in result.output
    result = CliRunner().invoke(merge_command, [str(xlf), "-o", str(tmp_path / "m.tmx")])
    assert result.exit_code == 1 and f": an XLIFF file; {said}" in result.output
    assert not (tmp_path / "m.tmx").exists()


def test_validate_shows_a_file_name_with_a_line_break_on_the_problems_line(
        tmp_path: Path) -> None:
    """Each problem is one line, ``FILE:LINE: what``, as every error names its file: a name
    holding a line break or a byte that is not UTF-8 is shown escaped, as ``ls -b`` shows
    it. A line break in the name cut each problem in two ("notes" / "scan.tmx:5: tu without
    any tuv"), so a script reading one problem a line read two broken ones."""
    broken = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
              'creationtool="X" creationtoolversion="1" datatype="plaintext" segtype="sentence" '
              'o-tmf="x" adminlang="en" srclang="en-GB"/><body>\n<tu tuid="1"></tu>\n'
              '</body></tmx>\n')
    name = tmp_path / "notes\nscan.tmx"
    name.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(validate_command, [str(name)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{tmp_path}/notes\\nscan.tmx:3: tu without any tuv"]


def test_merge_shows_an_output_name_with_a_line_break_on_its_summary_line(
        tmp_path: Path) -> None:
    """The summary names the output as errors name files (``ls -b``): a line break in
    ``-o`` cut "written to m" / "x.tmx from 1 file" in two, and a byte that is not UTF-8
    was printed as a lone surrogate."""
    for name, shown in (("m\nx.tmx", "m\\nx.tmx"), ("m\udce9.tmx", "m\\xe9.tmx")):
        output = tmp_path / name
        result = CliRunner().invoke(merge_command, [str(LISA / "ImportTest1C.tmx"),
                                                    "-o", str(output)])
        assert result.exit_code == 0, result.output
        assert output.exists()
        assert result.stderr.splitlines()[0].startswith("3 units written to ")
        assert result.stderr.splitlines()[0].endswith(f"/{shown} from 1 file "
                                                      "(0 duplicates left out)")


def test_stats_and_merge_refuse_standard_input_given_twice(tmp_path: Path) -> None:
    """As build, check and pairs refuse it: standard input is read once. ``stats - -``
    counted the same units twice (all of them "duplicate units"), ``merge - -`` wrote
    them as read twice."""
    text = (LISA / "ImportTest1C.tmx").read_text(encoding="utf-8")
    runner = CliRunner()
    for command, extra in ((stats_command, []), (merge_command, ["-o", str(tmp_path / "m.tmx")])):
        result = runner.invoke(command, ["-", "-", *extra], input=text)
        assert result.exit_code == 1
        assert result.stderr == ("tmx-export: error: <stdin>: standard input given more "
                                 "than once\n")
    assert list(tmp_path.iterdir()) == []


def test_one_memory_named_alone_is_that_memory(tmp_path: Path) -> None:
    """``validate("memory.tmx")``, ``stats(Path(...))`` and ``merge("memory.tmx", out)``
    from a script read the characters of the name as files ("2: no such file"), or said
    "'PosixPath' object is not iterable": one file named alone is the one input, as in a
    list (as for ``build``)."""
    memory = DGT / "22019D0391.tmx"
    assert validate(str(memory)) == validate([memory])
    assert validate(memory) == validate([str(memory)])
    assert stats(memory).units == stats([memory]).units == 25
    assert merge(str(memory), tmp_path / "merged.tmx").written == 25


def test_t14_merge_reads_references_to_control_characters_and_counts_them(tmp_path):
    # Word's line break as Trados exports it (&#xB;): the memory was refused whole. The
    # second input is large enough to be read in the merge's second process.
    memory = DATA / "tmx_control_refs_dgt_en_de.tmx"
    text = memory.read_text(encoding="utf-8")
    start, end = text.index("    <tu "), text.index("  </body>")
    units = "".join(text[start:end].replace("Article 1", f"Article {n}")
                    for n in range(2, 2400))
    large = tmp_path / "large.tmx"
    large.write_text(text[:start] + units + text[end:], encoding="utf-8")
    assert large.stat().st_size > 2_000_000
    for jobs in ("1", "2"):
        out = tmp_path / f"merged{jobs}.tmx"
        result = CliRunner().invoke(merge_command, [str(memory), str(large), "-o", str(out),
                                                    "--jobs", jobs])
        assert result.exit_code == 0, result.output
        assert "references to control characters read as text" in result.output
        assert f": {4 + 4 * 2398}" in result.output
        merged = out.read_text(encoding="utf-8")
        assert "<seg>Article 1 Use of Terms</seg>" in merged
        assert "<seg>Article 2399 Use of Terms</seg>" in merged
        assert "<seg>Die Vertragsparteien dieses Übereinkommens\u00a0—</seg>" in merged


def test_t14_stats_counts_a_withdrawn_code_as_its_language_and_no_empty_seg(tmp_path):
    # OmegaT (on Java before 17) writes Hebrew IW-IL, Trados he-IL: stats listed two
    # languages; and a Trados memory's untranslated unit, an empty seg, was a segment with
    # a length ratio of 0.00
    omegat = DATA / "tmx_withdrawn_code_en_iw.tmx"
    text = omegat.read_text(encoding="utf-8")
    trados = tmp_path / "trados.tmx"
    trados.write_text(text.replace("IW-IL", "he-IL").replace(
        "<seg>כל אדם יש לו הזכות לחיים, לחירות ולבטחון אישי.</seg>", "<seg></seg>"),
        encoding="utf-8")
    result = stats([omegat, trados])
    assert list(result.languages) == ["en-US", "iw-IL"]  # as first spelled
    assert result.languages["iw-IL"].segments == 5
    assert result.ratio_quantiles["min"] > 0.7
    alone = stats([trados])
    assert alone.languages["he-IL"].segments == 2
    assert alone.ratio_quantiles["min"] > 0.7 and alone.ratio_outside == 0


def test_t14_stats_reads_references_to_control_characters_as_merge_does():
    # Word's line break as Trados exports it (&#xB;): stats refused the memory merge reads
    counted = stats([DATA / "tmx_control_refs_dgt_en_de.tmx"])
    assert counted.units == 4 and counted.languages["de-DE"].segments == 4
    # "Artikel 1 Begriffsbestimmungen": 30 characters, the line break a space
    assert counted.languages["de-DE"].chars == 30 + 44 + 269 + 31
