"""Every bilingual source through the command line: readers, cleaning, profiles, outputs.

Real data from tests/data: the LISA TMX compliance kit, DGT-TM TMX exports (with the TSV
extracted independently from them), the Europarl sessions as parallel files. Output TMX
is checked with the project's own TMX 1.4b rules (``tmxtools.validate``); CI's conformance
stage checks the same outputs against the official DTD.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook
from translate.storage.tbx import tbxfile

from tmx_export.cli import main
from tmx_export.formats.profiles import readme_section
from tmx_export.formats.rejects import read_rejects
from tmx_export.formats.table import read_table, write_table
from tmx_export.formats.tmx import iter_units, read_tmx, read_tmx_header
from tmx_export.tools import validate

DATA = Path(__file__).parent / "data"
LISA = DATA / "tmx" / "lisa-tmx-compliance-kit"
DGT = DATA / "tmx" / "dgt-tm"
DGT_TSV = DGT / "expected_en-gb_fr-fr.tsv"
EUROPARL = DATA / "europarl"
SESSIONS = DATA / "europarl-sessions"  # the two dev sessions whole
SEED = DATA / "ep-industrial-policy-34.txt"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False)


def run(*args: str | Path):
    return CliRunner().invoke(main, [str(a) for a in args])


def parse(path: Path) -> etree._Element:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return etree.fromstring(data, etree.XMLParser(**_SAFE))


def assert_valid_tmx(path: Path) -> None:
    parse(path)  # well-formed, safely
    assert validate([path]) == []


def units(path: Path) -> list[tuple[str, dict[str, str]]]:
    """(tuid, {lang: plain text}) of each tu."""
    out = []
    for tu in parse(path).iter("tu"):
        segs = {tuv.get(XML_LANG): "".join(tuv.find("seg").itertext())
                for tuv in tu.findall("tuv")}
        out.append((tu.get("tuid"), segs))
    return out


def assert_consecutive(tuids: list[str]) -> None:
    assert tuids == [str(i) for i in range(1, len(tuids) + 1)]


# --- TMX in, TMX out -------------------------------------------------------------------------

def dgt_expected() -> list[tuple[int, str, str]]:
    """(TSV line, en-GB, fr-FR) in the order of the sorted TMX files, from the TSV."""
    with open(DGT_TSV, encoding="utf-8", newline="") as f:
        rows = [(n, r) for n, r in enumerate(csv.DictReader(f, delimiter="\t"), 2)]
    order = sorted(p.stem for p in DGT.glob("*.tmx"))
    rows.sort(key=lambda item: (order.index(item[1]["file"]), int(item[1]["tu_index"])))
    return [(n, r["en_gb"], r["fr_fr"]) for n, r in rows]


def test_dgt_tmx_to_tmx_keeps_the_independently_extracted_pairs(tmp_path: Path) -> None:
    out, report = tmp_path / "dgt.tmx", tmp_path / "rejects.tsv"
    tmx_files = sorted(DGT.glob("*.tmx"))
    result = run("build", *tmx_files, "-o", out, "--rejects", report)
    assert result.exit_code == 0, result.output
    # The two titles left in English on the French side (TSV lines 143 and 146) are
    # removed by the wrong-language rule; repeats are written once, in first-seen order.
    expected, seen = [], set()
    for line, en, fr in dgt_expected():
        if line not in (143, 146) and (en, fr) not in seen:
            seen.add((en, fr))
            expected.append((en, fr))
    written = units(out)
    assert [(segs["en-GB"], segs["fr-FR"]) for _, segs in written] == expected
    assert_consecutive([tuid for tuid, _ in written])
    rejects = read_rejects(report)
    total_tu = sum(1 for path in tmx_files for _ in iter_units(path))
    missing = [r for r in rejects if r.reason == "missing-target-language"]
    assert len(missing) == total_tu - len(dgt_expected())
    assert sum(r.reason == "wrong-language" for r in rejects) == 2
    assert sum(r.reason == "duplicate" for r in rejects) == len(dgt_expected()) - 2 - len(expected)
    # every input says segtype="sentence", so the output does too
    assert f"{len(expected)} units written to {out} (segtype sentence)" in result.stdout
    assert f"{len(missing):>8}  missing-target-language" in result.stdout
    assert_valid_tmx(out)
    check = run("validate", out)
    assert check.exit_code == 0 and check.stdout == "valid\n"


INLINE_KIT = [("ImportTest2A", "fr-CA"), ("ImportTest2B", "fr-CA"), ("ImportTest2C", "fr"),
              ("ExportTest2A", "fr-CA")]


def chosen_segs(path: Path, lang: str) -> list[bytes]:
    """C14N of the seg of each tuv in ``lang``, in file order (the inline elements and all)."""
    root = parse(path)
    return [etree.tostring(tuv.find("seg"), method="c14n") for tu in root.iter("tu")
            for tuv in tu.findall("tuv")
            if (tuv.get(XML_LANG) or tuv.get("lang") or "").lower() == lang.lower()]


@pytest.mark.parametrize(("name", "target"), INLINE_KIT)
def test_lisa_inline_codes_survive_tmx_build_tmx(tmp_path: Path, name: str, target: str) -> None:
    source = LISA / f"{name}.tmx"
    out = tmp_path / "kit.tmx"
    result = run("build", source, "-o", out, "--source-lang", "en-US", "--target-lang", target)
    assert result.exit_code == 0, result.output
    assert "nothing rejected" in result.stdout
    for lang in ("en-US", target):
        original = chosen_segs(source, lang)
        assert any(b"<bpt" in seg or b"<it" in seg or b"<ph" in seg for seg in original)
        assert chosen_segs(out, lang) == original
    # the plain texts are what the reader gives for text work
    before = read_tmx(source, source_lang="en-US", target_lang=target).pairs
    after = read_tmx(out, source_lang="en-US", target_lang=target).pairs
    assert [(p.source, p.target) for p in after] == [(p.source, p.target) for p in before]
    assert_valid_tmx(out)
    assert run("validate", out).exit_code == 0


def test_a_code_between_two_spaces_leaves_one_in_pairs_and_concordance(tmp_path: Path) -> None:
    # ImportTest2C: "Click <ph>(an image)</ph> to start."
    source = LISA / "ImportTest2C.tmx"
    langs = ("--source-lang", "en-US", "--target-lang", "fr")
    result = run("pairs", source, *langs)
    assert result.exit_code == 0, result.output
    (record,) = map(json.loads, result.stdout.splitlines())
    assert (record["source"], record["target"]) == ("Click to start.", "Cliquez pour commencer.")
    result = run("concordance", source, "start", *langs, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (hit,) = map(json.loads, result.stdout.splitlines())
    assert (hit["source"], hit["target"]) == ("Click to start.", "Cliquez pour commencer.")
    # the memory written back keeps the image where it was, between its two spaces
    out = tmp_path / "kit.tmx"
    assert run("build", source, "-o", out, *langs).exit_code == 0
    assert chosen_segs(out, "fr") == chosen_segs(source, "fr")
    assert b"Cliquez <ph" in chosen_segs(out, "fr")[0]


@pytest.mark.parametrize("name", ["ImportTest1L", "ImportTest2C"])
def test_lisa_tuv_props_and_notes_survive_tmx_build_tmx(tmp_path: Path, name: str) -> None:
    out = tmp_path / "kit.tmx"
    result = run("build", LISA / f"{name}.tmx", "-o", out, "--source-lang", "en-US",
                 "--target-lang", "fr-CA")
    assert result.exit_code == 0, result.output
    [unit] = list(iter_units(out))
    # each tuv's own props and notes, in the file's order, on that tuv (props "x-" named)
    assert [tuv.meta for tuv in unit.tuvs] == [
        (("note", "", "Text of tuv en note 1"), ("note", "", "Text of tuv en note 1"),
         ("prop", "x-myPropeType", "Data")),
        (("prop", "x-myPropeType", "Data"), ("note", "", "Text of tuv fr note 1"),
         ("prop", "x-myPropeType", "Data"), ("note", "", "Text of tuv fr note 1"))]
    assert unit.notes == ["Text of tu note 1", "Text of tu note 2"]
    assert_valid_tmx(out)


def test_a_repeated_tu_prop_type_keeps_every_value(tmp_path: Path) -> None:
    memory = tmp_path / "repeated.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB" '
        'datatype="plaintext"/><body><tu><prop type="x-client">A</prop>'
        '<prop type="x-client">B</prop><tuv xml:lang="en-GB"><seg>Hello there</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv></tu></body></tmx>', encoding="utf-8")
    out = tmp_path / "out.tmx"
    assert run("build", memory, "-o", out).exit_code == 0
    [unit] = list(iter_units(out))
    assert [value for name, value in unit.props if name == "x-client"] == ["A", "B"]
    assert_valid_tmx(out)


def test_xlsx_formula_row_is_read_and_rejected_not_lost(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for row in (["en-GB", "fr-FR"], ["The committee met today.", "Le comité s'est réuni."],
                ["=A2", "=B2"]):
        book.active.append(row)
    book.save(tmp_path / "f.xlsx")
    out, rejects = tmp_path / "o.tmx", tmp_path / "r.tsv"
    result = run("build", tmp_path / "f.xlsx", "-o", out, "--rejects", rejects)
    assert result.exit_code == 0, result.output
    assert "2 rows read = 1 in units + 1 rejected" in result.output
    [reject] = read_rejects(rejects)
    assert reject.reason == "formula-without-value" and reject.line == 3
    assert len(list(iter_units(out))) == 1


def test_xlsx_rejects_in_input_order_and_hidden_sheets_skipped_and_said(
        tmp_path: Path) -> None:
    """The rejects report keeps the input's order (a reader's own rejects, here a formula
    without a value, was listed before the cleaning rules' ones); a hidden
    sheet (old rows put out of sight) is not read, and the summary says so."""
    from openpyxl import Workbook

    rows = [(en, fr) for _, en, fr in dgt_expected()][:6]
    book = Workbook()
    memory = book.active
    memory.title = "Memory"
    for row in (["en-GB", "fr-FR"], rows[0], ["2019", "2019"], rows[1], ["=A2", "=B2"],
                ["Only English"], rows[2]):
        memory.append(list(row))
    old = book.create_sheet("Old")
    for row in (["en-GB", "fr-FR"], *rows[3:]):
        old.append(list(row))
    old.sheet_state = "hidden"
    book.save(tmp_path / "f.xlsx")
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    result = run("build", tmp_path / "f.xlsx", "-o", out, "--rejects", report)
    assert result.exit_code == 0, result.output
    assert [(r.line, r.reason) for r in read_rejects(report)] == [
        (3, "no-letters"), (5, "formula-without-value"), (6, "empty-side")]
    assert [segs["en-GB"] for _, segs in units(out)] == [en for en, _ in rows[:3]]
    assert "f.xlsx sheet 'Old': hidden (--sheet 'Old' reads it)" in result.output
    assert "6 rows read = 3 in units + 3 rejected" in result.output
    result = run("build", tmp_path / "f.xlsx", "-o", out, "--sheet", "Old")
    assert result.exit_code == 0, result.output
    assert [segs["en-GB"] for _, segs in units(out)] == [en for en, _ in rows[3:]]


def test_tmx_gz_in_and_out(tmp_path: Path) -> None:
    packed = tmp_path / "kit.tmx.gz"
    packed.write_bytes(gzip.compress((LISA / "ImportTest2A.tmx").read_bytes()))
    out = tmp_path / "out.tmx.gz"
    result = run("build", packed, "-o", out, "--source-lang", "en-US", "--target-lang", "fr-CA",
                 "--profile", "omegat")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    pairs = read_tmx(out, source_lang="en-US", target_lang="fr-CA").pairs
    assert [p.source_markup for p in pairs] == [
        p.source_markup
        for p in read_tmx(LISA / "ImportTest2A.tmx", source_lang="en-US",
                          target_lang="fr-CA").pairs]
    assert_valid_tmx(out)


def test_gz_named_outputs_are_compressed(tmp_path: Path) -> None:
    # A pipeline wrote `pairs -o pairs.jsonl.gz --rejects rejects.tsv.gz` and got plain
    # text under those names ("zcat: not in gzip format"); only the TMX was compressed.
    table = DATA / "gzip_dgt_en_fr.tsv"
    for fmt, name in (("jsonl", "pairs.jsonl"), ("tsv", "pairs.tsv")):
        plain, packed = tmp_path / name, tmp_path / f"{name}.gz"
        rejects = tmp_path / f"rejects-{fmt}.tsv"
        for out, report in ((plain, rejects), (packed, Path(f"{rejects}.gz"))):
            result = run("pairs", table, "--format", fmt, "-o", out, "--rejects", report)
            assert result.exit_code == 0, result.output
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
        assert gzip.decompress(Path(f"{rejects}.gz").read_bytes()) == rejects.read_bytes()
    assert "HAS ADOPTED THIS DECISION:" in (tmp_path / "pairs.jsonl").read_text("utf-8")
    assert [r.reason for r in read_rejects(tmp_path / "rejects-tsv.tsv")] == ["duplicate"] * 2
    # the ending before .gz says the format, as it does without it
    result = run("pairs", table, "-o", tmp_path / "pairs.tmx.gz")
    assert result.exit_code == 1 and not (tmp_path / "pairs.tmx.gz").exists()
    assert "a name ending in .tmx says TMX" in result.stderr


def test_a_gz_name_for_a_workbook_or_a_termbase_is_refused(tmp_path: Path) -> None:
    # Compressed as their names said since .gz outputs are, a review workbook (a ZIP
    # archive, written by seeking back) ended in a traceback, "Negative seek in write
    # mode"; a termbase (SQLite, changed where it lies) was written uncompressed as .gz.
    for option, name, endings in (("--review", "review.xlsx.gz", "*.xlsx"),
                                  ("--termbase", "terms.db.gz", "*.db or *.sqlite")):
        out = tmp_path / name
        result = run("terms", SEED, option, out, "-q")
        assert result.exit_code == 1 and not out.exists()
        assert result.stderr.startswith(f"tmx-export: error: {out}: {option} writes ")
        assert f"which is not written compressed: name it {endings}" in result.stderr
        assert "Traceback" not in result.output


def test_gz_inputs_of_every_text_format_are_read(tmp_path: Path) -> None:
    # A table, a pairs file or JSON Lines kept compressed (pairs.tsv.gz, an OPUS or
    # Hugging Face .jsonl.gz, what `pairs -o pairs.jsonl.gz` writes) was refused as a
    # "binary file (NUL bytes), not text"; only a .tmx.gz was read.
    table = DATA / "gzip_dgt_en_fr.tsv"
    plain = tmp_path / "pairs.jsonl"
    assert run("pairs", table, "-o", plain).exit_code == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for source, name in ((table, "dgt.tsv.gz"), (plain, "dgt-pairs.jsonl.gz")):
        (folder / name).write_bytes(gzip.compress(source.read_bytes()))
        result = run("build", folder / name, "-o", tmp_path / "out.tmx")
        assert result.exit_code == 0, result.output
        expected = run("build", table, "-o", tmp_path / "expected.tmx")
        assert expected.exit_code == 0
        texts = [langs for _, langs in units(tmp_path / "out.tmx")]
        assert texts == [langs for _, langs in units(tmp_path / "expected.tmx")]
        assert len(texts) == 25
    # standard input, and a folder of them (each found by its compressed name)
    result = CliRunner().invoke(main, ["pairs", "-", "--format", "tsv"],
                                input=(folder / "dgt.tsv.gz").read_bytes())
    assert result.exit_code == 0 and "Arbitrators selected by the EU:" in result.stdout
    result = run("build", folder, "-o", tmp_path / "all.tmx", "--rejects", tmp_path / "r.tsv")
    assert result.exit_code == 0, result.output
    assert "25 units written" in result.stdout and "from 52 pairs in 2 files" in result.stdout
    # a stream cut short is the one-line error naming the file
    cut = tmp_path / "cut.tsv.gz"
    cut.write_bytes(gzip.compress(table.read_bytes())[:300])
    result = run("build", cut, "-o", tmp_path / "cut.tmx")
    assert result.exit_code == 1 and not (tmp_path / "cut.tmx").exists()
    assert result.stderr.startswith(f"tmx-export: error: {cut}: cannot read: ")


def test_json_lines_are_told_by_their_content(tmp_path: Path) -> None:
    # `tmx-export pairs | tmx-export build -`, Hugging Face lines on standard input and a
    # .ndjson file (a name pairs writes) were read as a dump: each unit written was JSON,
    # '{"source": "Arbitrators selected by the EU:", "target":'.
    table = DATA / "gzip_dgt_en_fr.tsv"
    assert run("build", table, "-o", tmp_path / "expected.tmx").exit_code == 0
    expected = [langs for _, langs in units(tmp_path / "expected.tmx")]
    pairs = run("pairs", table)
    assert pairs.exit_code == 0
    rows = list(csv.reader(table.open(encoding="utf-8"), delimiter="\t"))[1:]
    hugging = "".join(json.dumps({"translation": {"en": en, "fr": fr}}, ensure_ascii=False)
                      + "\n" for en, fr in rows)
    (tmp_path / "pairs.ndjson").write_text(pairs.stdout, encoding="utf-8")
    for args, given in ((["-"], pairs.stdout), (["-"], hugging),
                        ([str(tmp_path / "pairs.ndjson")], None)):
        out = tmp_path / "out.tmx"
        result = CliRunner().invoke(main, ["build", *args, "-o", str(out)],
                                    input=given and given.encode("utf-8"))
        assert result.exit_code == 0, result.output
        assert "(1 jsonl)" in result.stdout
        assert [langs for _, langs in units(out)] == expected


def test_a_json_document_is_refused_not_read_as_a_dump(tmp_path: Path) -> None:
    # DGT-TM pairs saved as one JSON array (a dataset's to_json): read as a dump, they ran
    # together into one unit of JSON, '[ { "en": "THE TRADE AND DEVELOPMENT COMMITTEE,",'.
    rows = list(csv.reader((DATA / "gzip_dgt_en_fr.tsv").open(encoding="utf-8"),
                           delimiter="\t"))[1:]
    plain = [{"en": en, "fr": fr} for en, fr in rows if not any(c.isdigit() for c in en + fr)]
    for name, document in (("pairs.json", plain), ("hf.json", {"rows": plain})):
        given = tmp_path / name
        given.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        result = run("build", given, "-o", tmp_path / "out.tmx")
        assert result.exit_code == 1 and not (tmp_path / "out.tmx").exists()
        assert result.stderr == (f"tmx-export: error: {given}: a JSON document, not JSON "
                                 "Lines (one object a line): write its objects one a line "
                                 "(jq -c '.[]')\n")


def test_a_csv_headed_source_target_is_told_by_its_content(tmp_path: Path) -> None:
    # A CAT tool's "Source,Target" export on standard input (or named .txt) was read as a
    # dump: units such as 'Source,Target "Decision No 1/2019 of the Trade ...', exit 0.
    table = DATA / "gzip_dgt_en_fr.tsv"
    assert run("build", table, "-o", tmp_path / "expected.tmx").exit_code == 0
    expected = [langs for _, langs in units(tmp_path / "expected.tmx")]
    rows = list(csv.reader(table.open(encoding="utf-8"), delimiter="\t"))[1:]
    exported = tmp_path / "export.txt"
    with exported.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Source", "Target"], *rows])
    for args, given in ((["-"], exported.read_bytes()), ([str(exported)], None)):
        out = tmp_path / "out.tmx"
        result = CliRunner().invoke(main, ["build", *args, "-o", str(out)], input=given)
        assert result.exit_code == 0, result.output
        assert "(1 csv)" in result.stdout
        assert [langs for _, langs in units(out)] == expected


def test_tbx_is_not_an_input(tmp_path: Path) -> None:
    tbx = DATA / "tbx" / "sampleTBXfile.tbx"
    result = run("build", tbx, "-o", tmp_path / "o.tmx")
    assert result.exit_code == 1
    assert result.stderr == f"tmx-export: error: {tbx}: a TBX termbase, not bilingual text " \
                            "to make units of\n"


# --- parallel files --------------------------------------------------------------------------

def test_europarl_side_by_side_in_a_directory(tmp_path: Path) -> None:
    result = run("pairs", EUROPARL, "--no-clean", "all", "--dedupe", "none")
    assert result.exit_code == 0, result.output
    # ep-00-01-17-excerpt has 40 paragraphs, ep-00-01-21 has 4: one pair per paragraph
    assert len(result.stdout.splitlines()) == 44
    out = tmp_path / "ep.tmx"
    result = run("build", EUROPARL, "-o", out)
    assert result.exit_code == 0, result.output
    assert "from 44 pairs in 4 files (2 parallel)" in result.stdout
    written = units(out)
    assert written[0][1] == {"en-GB": "Resumption of the session", "fr-FR": "Reprise de la session"}
    assert_consecutive([tuid for tuid, _ in written])


def test_one_file_of_a_pair_finds_its_partner_and_explicit_source_target() -> None:
    by_partner = run("pairs", EUROPARL / "ep-00-01-21.fr.txt")
    explicit = run("pairs", "--source", EUROPARL / "ep-00-01-21.en.txt",
                   "--target", EUROPARL / "ep-00-01-21.fr.txt")
    assert by_partner.exit_code == explicit.exit_code == 0, by_partner.output
    assert by_partner.stdout == explicit.stdout
    assert len(explicit.stdout.splitlines()) == 4
    assert '"source": "Adoption of the Minutes of the previous sitting"' in explicit.stdout
    lonely = run("pairs", "--source", EUROPARL / "ep-00-01-21.en.txt")
    assert lonely.exit_code == 2 and "--source and --target go together" in lonely.output


def test_drifting_paragraphs_are_an_error_unless_aligned(tmp_path: Path) -> None:
    src, tgt = tmp_path / "s.en.txt", tmp_path / "s.fr.txt"
    shutil.copy(EUROPARL / "ep-00-01-17-excerpt.en.txt", src)
    lines = (EUROPARL / "ep-00-01-17-excerpt.fr.txt").read_text(encoding="utf-8").splitlines()
    tgt.write_text("\n".join(lines[:20] + lines[22:]) + "\n", encoding="utf-8")  # drop one
    out = tmp_path / "o.tmx"
    failed = run("build", src, "-o", out)
    assert failed.exit_code == 1 and not out.exists()
    assert failed.stderr.startswith(f"tmx-export: error: {src}:")
    assert "40 paragraphs in the source, 39 in" in failed.stderr
    assert "--align-paragraphs" in failed.stderr
    report = tmp_path / "r.tsv"
    aligned = run("pairs", src, "--align-paragraphs", "--no-clean", "all", "--rejects", report)
    assert aligned.exit_code == 0, aligned.output
    # every source paragraph is in a pair (alone or in an n-m bead) or in the rejects
    covered, beads = 0, []
    for record in map(json.loads, aligned.stdout.splitlines()):
        beads.append(record.get("x-align", "1-1"))
        covered += int(beads[-1].split("-")[0])
    unaligned = [r for r in read_rejects(report) if r.reason == "unaligned-paragraph"]
    assert covered + sum(r.text.startswith("source") for r in unaligned) == 40
    # the dropped paragraph shows: in a 2-1 bead, or as a source paragraph rejected
    assert "2-1" in beads or unaligned


def _session_window(first: int, last: int) -> tuple[list[str], list[str]]:
    """Paragraphs first..last - 1 of the session of 17 January 2000, English and French."""
    return tuple([p.strip() for p in (SESSIONS / f"ep-00-01-17.{lang}.txt").read_text(
        encoding="utf-8").split("\n\n") if p.strip()][first:last] for lang in ("en", "fr"))


def test_aligned_paragraphs_reject_a_lone_translation(tmp_path: Path) -> None:
    """Paragraphs 37-44 of the session, the English of 41 deleted ("Is there a member who
    wishes to speak..."): its translation went into the next paragraph's pair, "nothing
    rejected", and the units paired "Madam President, I can hear a ripple of laughter..."
    with "Y a-t-il un collègue pour prendre la parole...?", the next one shifted too. Its
    sentences fit that next pair about as well as a title joined to it would: the pair is
    a reject too, with the lone translation, rather than a wrong unit."""
    en, fr = _session_window(36, 44)
    lone = fr[4]
    del en[4]
    src, tgt = tmp_path / "sm.en.txt", tmp_path / "sm.fr.txt"
    src.write_text("\n\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    out, report = tmp_path / "sm.tmx", tmp_path / "sm.rej"
    result = run("build", "--source", src, "--target", tgt, "-o", out, "--align-paragraphs",
                 "--rejects", report)
    assert result.exit_code == 0, result.output
    assert "9 paragraphs read = 6 in units + 3 rejected" in result.output
    unsure = "paragraph without a sure counterpart"
    assert [(r.file, r.line, r.reason, r.text) for r in read_rejects(report)] == [
        (str(tgt), 9, "unaligned-paragraph", f"target {unsure}: {lone}"),
        (str(src), 9, "unaligned-paragraph", f"source {unsure}: {en[4]}"),
        (str(tgt), 11, "unaligned-paragraph", f"target {unsure}: {fr[5]}")]
    texts = [segs for _, segs in units(out)]
    assert not any("Y a-t-il" in segs["fr-FR"] for segs in texts)
    assert not any("ripple of laughter" in segs["en-GB"] for segs in texts)


def test_units_of_merged_paragraphs_say_so(tmp_path: Path) -> None:
    """Two French paragraphs run together pair with their two English ones (2-1), and each
    unit cut from that pair says so in x-align ("2-1>1-1"), not as if its paragraphs had
    been one and one."""
    en, fr = _session_window(20, 60)
    fr[7:9] = [f"{fr[7]} {fr[8]}"]
    src, tgt = tmp_path / "m.en.txt", tmp_path / "m.fr.txt"
    src.write_text("\n\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    out = tmp_path / "m.tmx"
    result = run("build", src, "-o", out, "--align-paragraphs")
    assert result.exit_code == 0, result.output
    assert "39 paragraphs read = 39 in units + 0 rejected" in result.output
    merged = []  # (x-align, English text) of the units of paragraphs merged
    for tu in parse(out).iter("tu"):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        if props["x-align"].startswith("2-1>"):
            merged.append("".join(tu.find("tuv/seg").itertext()))
        else:
            assert ">" not in props["x-align"], props
    assert merged and all(text in f"{en[7]} {en[8]}" for text in merged), merged
    assert any(text in en[7] for text in merged) and any(text in en[8] for text in merged)


# --- tables, XLIFF, PO, format choice ----------------------------------------------------------

def test_a_table_of_the_default_languages_the_other_way_round_keeps_its_direction(
        tmp_path: Path) -> None:
    """A table headed "fr", "en" (or "French", "English") with no language named: its first
    language column is the source, as the README says, written in the default tags
    (fr-FR -> en-GB). It was turned round to the defaults' en-GB -> fr-FR, silently."""
    rows = "La séance est levée.\tThe sitting is closed.\nLe vote a lieu.\tThe vote is held.\n"
    for header in ("fr\ten", "French\tEnglish"):
        table, out = tmp_path / "t.tsv", tmp_path / "t.tmx"
        table.write_text(f"{header}\n{rows}", encoding="utf-8")
        done = run("build", table, "-o", out)
        assert done.exit_code == 0, done.output
        assert 'srclang="fr-FR"' in out.read_text(encoding="utf-8"), header
        first = etree.parse(str(out)).find(".//tu/tuv")
        assert (first.get(XML_LANG), first.findtext("seg")) == ("fr-FR", "La séance est levée.")


def test_a_memory_of_drafts_only_says_how_to_write_them(tmp_path: Path) -> None:
    """Every segment a draft (XLIFF 2.0 state="initial"): the refusal names --include-fuzzy,
    which writes them, not only --allow-empty; a segment that says no state is written."""
    segments = ('<unit id="u1"><segment{state}><source>The sitting is closed.</source>'
                '<target>La séance est levée.</target></segment></unit>')
    xliff = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:'
             'document:2.0" version="2.0" srcLang="en-GB" trgLang="fr-FR"><file id="f">'
             '{units}</file></xliff>\n')
    drafts, plain = tmp_path / "drafts.xlf", tmp_path / "plain.xlf"
    drafts.write_text(xliff.format(units=segments.format(state=' state="initial"')), "utf-8")
    plain.write_text(xliff.format(units=segments.format(state="")), "utf-8")
    refused = run("build", drafts, "-o", tmp_path / "d.tmx")
    assert refused.exit_code == 1 and "--include-fuzzy" in refused.output
    assert not (tmp_path / "d.tmx").exists()
    assert run("build", drafts, "-o", tmp_path / "d.tmx", "--include-fuzzy").exit_code == 0
    assert run("build", plain, "-o", tmp_path / "p.tmx").exit_code == 0


def test_a_csv_table_is_told_by_its_content(tmp_path: Path) -> None:
    """A semicolon CSV (European Excel) saved as .txt, or piped in, was read as a dump and
    cut into nonsense: "English" -> "French;", "tapis.;The cat sleeps on the mat." -> "Le
    chat dort sur le". A header naming two languages, and rows with as many fields, make
    it a table whatever its name."""
    table = ('French;English\nLe chat dort sur le tapis.;The cat sleeps on the mat.\n'
             '"Bonjour; le monde entier.";"Hello; the whole world."\n'
             'Il coûte 3,5 euros.;It costs 3.5 euros.\n')
    expected = [{"en-GB": "The cat sleeps on the mat.", "fr-FR": "Le chat dort sur le tapis."},
                {"en-GB": "Hello; the whole world.", "fr-FR": "Bonjour; le monde entier."},
                {"en-GB": "It costs 3.5 euros.", "fr-FR": "Il coûte 3,5 euros."}]
    text, out = tmp_path / "export.txt", tmp_path / "o.tmx"
    text.write_text(table, encoding="utf-8")
    assert run("build", text, "-o", out, "--segment", "paragraph").exit_code == 0
    assert [segs for _, segs in units(out)] == expected
    piped = CliRunner().invoke(main, ["build", "-", "-o", str(out), "--segment", "paragraph"],
                               input=table.encode("utf-8"))
    assert piped.exit_code == 0, piped.output
    assert [segs for _, segs in units(out)] == expected
    # prose with commas and semicolons stays a dump: no header names two languages
    assert run("build", SEED, "-o", out).exit_code == 0


def test_a_tab_in_the_first_line_of_a_dump_does_not_make_it_a_table(tmp_path: Path) -> None:
    """Text copied from Word or a PDF often holds a tab: a dump whose first line had one was
    read as a table and refused ("no column for en-GB"). Without a header naming languages
    or rows with the same tabs, it is a dump."""
    dump = ('1. The "Commission"\tshall adopt measures; see "Annex I". 1. La « Commission » '
            'adopte des mesures ; voir l\'"annexe I".\n'
            '2. Member States shall inform the Commission. 2. Les États membres informent la '
            'Commission.\n')
    text, out = tmp_path / "q.txt", tmp_path / "q.tmx"
    text.write_text(dump, encoding="utf-8")
    result = run("build", text, "-o", out, "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    assert [segs for _, segs in units(out)][1::2] == [
        {"en-GB": 'The "Commission" shall adopt measures; see "Annex I".',
         "fr-FR": "La « Commission » adopte des mesures ; voir l'\"annexe I\"."},
        {"en-GB": "Member States shall inform the Commission.",
         "fr-FR": "Les États membres informent la Commission."}]
    # two lines with the same tabs are still a table, whatever the header
    text.write_text("Source\tTarget\nThe cat sleeps.\tLe chat dort.\n", encoding="utf-8")
    result = run("build", text, "-o", out, "--segment", "paragraph",
                 "--source-column", "Source", "--target-column", "Target")
    assert result.exit_code == 0, result.output
    assert [segs for _, segs in units(out)] == [{"en-GB": "The cat sleeps.",
                                                 "fr-FR": "Le chat dort."}]


def test_a_table_declares_its_pair_by_names_beside_an_id_column(tmp_path: Path) -> None:
    """DGT-TM's English and German as a table headed ``ID``, ``English``, ``German`` (and
    Excel's ``sep=`` line): the pair the table declares is taken; asked for another pair,
    the error names the table's languages and the options that choose them."""
    pairs = read_tmx(DGT / "22019D0437.tmx", source_lang="en-GB", target_lang="de-DE").pairs
    table = tmp_path / "de.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        handle.write("sep=;\n")
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["ID", "Source (English)", "German"])
        writer.writerows([i, p.source, p.target] for i, p in enumerate(pairs, 1))
    out = tmp_path / "o.tmx"
    result = run("build", table, "-o", out, "--no-clean", "all", "--dedupe", "none")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("languages as the memory declares them: en -> de ")
    assert [(segs["en"], segs["de"]) for _, segs in units(out)] == [
        (p.source, p.target) for p in pairs]
    wrong = run("build", table, "-o", out, "--source-lang", "en-GB", "--target-lang", "fr-FR")
    assert wrong.exit_code == 1 and "the table's languages: en, de); choose the pair with " \
        "--source-lang/--target-lang" in wrong.stderr


def test_tables_tsv_csv_xlsx_and_columns(tmp_path: Path) -> None:
    pairs = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    xlsx, csv_path = tmp_path / "dgt.xlsx", tmp_path / "dgt.csv"
    write_table(pairs, xlsx)
    write_table(pairs, csv_path)
    assert load_workbook(xlsx, read_only=True).sheetnames == ["pairs"]
    outputs = {}
    for name, extra in (("tsv", [DGT_TSV]), ("csv", [csv_path]),
                        ("xlsx", [xlsx, "--sheet", "pairs"])):
        out = tmp_path / f"{name}.tmx"
        result = run("build", *extra, "-o", out)
        assert result.exit_code == 0, result.output
        assert f"(1 {name})" in result.stdout
        outputs[name] = [segs for _, segs in units(out)]
    assert outputs["tsv"] == outputs["csv"] == outputs["xlsx"]
    assert len(outputs["tsv"]) == 148 - 15  # 2 wrong-language, 13 exact duplicates
    # columns by name; a table file with another name is recognised by its content
    renamed = tmp_path / "dgt-export.dat"
    shutil.copy(DGT_TSV, renamed)
    out = tmp_path / "named.tmx"
    result = run("build", renamed, "-o", out, "--source-column", "doc_no",
                 "--target-column", "fr_fr", "--no-clean", "all")
    assert result.exit_code == 0, result.output
    assert units(out)[0][1]["en-GB"] == "22019D0391"
    missing = run("build", DGT_TSV, "-o", out, "--sheet", "x", "--source-column", "nope")
    assert missing.exit_code == 1 and "no column 'nope'" in missing.stderr


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="report.docx" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The value chain matters.</source>
        <target state="translated">La chaîne de valeur compte.</target></trans-unit>
      <trans-unit id="2"><source>Not yet translated.</source></trans-unit>
      <trans-unit id="3"><source>Know-how transfer</source>
        <target state="needs-review-translation">Transfert de savoir-faire</target></trans-unit>
    </body>
  </file>
</xliff>
"""
PO = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Open file"
msgstr "Ouvrir le fichier"

#, fuzzy
msgid "Save as"
msgstr "Enregistrer"
"""


def test_xliff_and_po_to_tmx(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "in" / "ui.po").write_text(PO, encoding="utf-8")
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    result = run("build", tmp_path / "in", "-o", out, "--rejects", report)
    assert result.exit_code == 0, result.output
    assert [segs for _, segs in units(out)] == [  # report.xlf, then ui.po
        {"en-GB": "The value chain matters.", "fr-FR": "La chaîne de valeur compte."},
        {"en-GB": "Open file", "fr-FR": "Ouvrir le fichier"},
    ]
    assert sorted(r.reason for r in read_rejects(report)) == ["fuzzy", "fuzzy", "untranslated"]
    fuzzy = run("build", tmp_path / "in", "-o", out, "--include-fuzzy")
    assert fuzzy.exit_code == 0 and len(units(out)) == 4
    # a forced format is used whatever the content says: the PO file has no table header
    forced = run("build", tmp_path / "in" / "ui.po", "-o", out, "--input-format", "tsv")
    assert forced.exit_code == 1 and "no column for en-GB" in forced.stderr


XLIFF_OWN_TARGETS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en-GB" datatype="plaintext"><body>
<trans-unit id="1"><source>The Commission shall adopt implementing acts.</source>
<target xml:lang="hu-HU">A Bizottság végrehajtási jogi aktusokat fogad el.</target></trans-unit>
</body></file>
<file original="b" source-language="en-GB" target-language="de-DE" datatype="plaintext"><body>
<trans-unit id="2"><source>The Commission shall adopt implementing acts.</source>
<target xml:lang="de-AT">Die Kommission erlässt Durchführungsrechtsakte.</target></trans-unit>
</body></file></xliff>
"""


def test_xliff_targets_in_their_own_language_are_not_the_pairs(tmp_path: Path) -> None:
    """A <file> without target-language took the pair's: its Hungarian target was written
    as de-DE. Now it is an other-languages reject, and de-AT read as de-DE is said."""
    (tmp_path / "tl.xlf").write_text(XLIFF_OWN_TARGETS, encoding="utf-8")
    out, report = tmp_path / "tl.tmx", tmp_path / "tl.rej"
    result = run("build", tmp_path / "tl.xlf", "-o", out, "--rejects", report)
    assert result.exit_code == 0, result.output
    assert [segs for _, segs in units(out)] == [
        {"en-GB": "The Commission shall adopt implementing acts.",
         "de-DE": "Die Kommission erlässt Durchführungsrechtsakte."}]
    assert [r.reason for r in read_rejects(report)] == ["other-languages"]
    assert "1 de-AT unit read as de-DE (the language asked)" in result.output


def test_a_dropped_xliff_20_code_point_is_in_the_summary(tmp_path: Path) -> None:
    """<cp hex="0007"/> was removed without the summary saying so, as it says for a table."""
    (tmp_path / "cp.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:'
        'document:2.0" version="2.0" srcLang="en-GB" trgLang="fr-FR"><file id="f">'
        '<unit id="u"><segment state="final"><source>The report is adopted.</source>'
        '<target>Le rapport est adopté<cp hex="0007"/>.</target></segment></unit></file>'
        "</xliff>\n", encoding="utf-8")
    result = run("build", tmp_path / "cp.xlf", "-o", tmp_path / "cp.tmx")
    assert result.exit_code == 0, result.output
    assert "1  XML-illegal characters removed" in result.output


def test_trados_and_memoq_files_in_a_directory_are_xliff(tmp_path: Path) -> None:
    """.sdlxliff and .mqxliff files are read as XLIFF when named; in a directory they were
    left out as of unknown type."""
    for name in ("b.sdlxliff", "c.mqxliff"):
        (tmp_path / name).write_text(XLIFF, encoding="utf-8")
    result = run("build", tmp_path, "-o", tmp_path / "o.tmx")
    assert result.exit_code == 0, result.output
    assert "in 2 files (2 xliff)" in result.stdout
    assert "unknown type" not in result.output


def test_standard_input_in_every_format(tmp_path: Path) -> None:
    """'-' is any input build reads, told by its content as a file is: a DGT-TM TMX in
    UTF-16, an XLIFF, a PO file, an XLSX workbook; the units are those of the same file
    given by name, named <stdin>. Before, only a dump could come on standard input: a TMX
    was read as a dump and refused ("leftover-markup"), and --input-format tmx said "-: no
    such file"."""
    workbook = tmp_path / "pairs.xlsx"
    write_table(read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs,
                workbook, source_lang="en-GB", target_lang="fr-FR")
    (tmp_path / "report.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "ui.po").write_text(PO, encoding="utf-8")
    for given in (DGT / "22019D0391.tmx", tmp_path / "report.xlf", tmp_path / "ui.po",
                  workbook):
        by_name, piped = tmp_path / "by-name.tmx", tmp_path / "piped.tmx"
        assert run("build", given, "-o", by_name).exit_code == 0
        result = CliRunner().invoke(main, ["build", "-", "-o", str(piped)],
                                    input=given.read_bytes())
        assert result.exit_code == 0, (given.name, result.output)
        expected = [segs for _, segs in units(by_name)]
        assert expected and [segs for _, segs in units(piped)] == expected, given.name
        assert b"&lt;stdin&gt;</prop>" in piped.read_bytes()
        forced = CliRunner().invoke(main, ["build", "-", "-o", str(piped), "--input-format",
                                           {"xlf": "xliff"}.get(given.suffix[1:],
                                                                given.suffix[1:])],
                                    input=given.read_bytes())
        assert forced.exit_code == 0, (given.name, forced.output)
        assert [segs for _, segs in units(piped)] == expected, given.name
    broken = CliRunner().invoke(main, ["build", "-", "-o", str(tmp_path / "b.tmx")],
                                input=b"<tmx version='1.4'><body><tu>")
    assert broken.exit_code == 1
    assert broken.stderr.startswith("tmx-export: error: <stdin>:1: not well-formed XML")
    assert not (tmp_path / "b.tmx").exists()


def test_a_tmx_on_standard_input_keeps_its_declared_segtype(tmp_path: Path) -> None:
    """A TMX given as '-' was written with header segtype "block", the same file by name
    with the segtype it declares ("sentence")."""
    for given in (LISA / "ImportTest2A.tmx", DGT / "22019D0391.tmx"):
        by_name, piped = tmp_path / "by-name.tmx", tmp_path / "piped.tmx"
        assert run("build", given, "-o", by_name).exit_code == 0
        result = CliRunner().invoke(main, ["build", "-", "-o", str(piped)],
                                    input=given.read_bytes())
        assert result.exit_code == 0, result.output
        declared = read_tmx_header(str(given)).get("segtype")
        assert parse(by_name).find("header").get("segtype") == declared == "sentence"
        assert parse(piped).find("header").get("segtype") == declared, given.name


def test_standard_input_for_the_memory_tools(tmp_path: Path) -> None:
    """check, stats and concordance take a memory on standard input, as a file; check and
    concordance a table too (refused before: "cannot tell the table format from the
    name")."""
    for memory, args in ((DGT / "22019D0391.tmx", ["check"]), (DGT_TSV, ["check"]),
                         (DGT / "22019D0391.tmx", ["stats"]),
                         (DGT_TSV, ["concordance", "--format", "tsv", "--", "-", "Council"])):
        by_name = run(*[memory if a == "-" else a for a in args],
                      *([] if "Council" in args else [memory]))
        piped = CliRunner().invoke(main, args + ([] if "Council" in args else ["-"]),
                                   input=memory.read_bytes())
        assert by_name.exit_code in (0, 1) and piped.exit_code == by_name.exit_code, args
        assert by_name.stdout.strip(), args
        assert piped.stdout == by_name.stdout.replace(str(memory), "<stdin>"), args


def test_directory_gathers_every_known_input(tmp_path: Path) -> None:
    for source in (LISA / "ImportTest1L.tmx", EUROPARL / "ep-00-01-21.en.txt",
                   EUROPARL / "ep-00-01-21.fr.txt", SEED):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "ui.po").write_text(PO, encoding="utf-8")
    result = run("build", tmp_path, "-o", tmp_path / "out" / "o.tmx", "--source-lang", "en")
    assert result.exit_code == 1  # the out/ directory does not exist: nothing was written
    (tmp_path / "out").mkdir()
    result = run("build", tmp_path, "-o", tmp_path / "out" / "o.tmx", "--source-lang", "en",
                 "--target-lang", "fr")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    # in sorted order: ImportTest1L.tmx, ep-00-01-21.{en,fr}.txt, ep-industrial..., ui.po
    assert "in 5 files (1 tmx, 1 parallel, 1 dump, 1 po)" in first, first


# --- cleaning ----------------------------------------------------------------------------------

def test_cleaning_runs_before_segmentation_so_paragraph_numbers_stay(tmp_path: Path) -> None:
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    result = run("build", SEED, "-o", out, "--rejects", report)
    assert result.exit_code == 0, result.output
    assert units(out)[0][1] == {"en-GB": "34.", "fr-FR": "34."}  # no letters, and kept
    assert read_rejects(report) == []


def test_cleaning_rules_dedupe_modes_and_consecutive_tuids(tmp_path: Path) -> None:
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"

    def build(*options: str) -> tuple[list[str], list[str], str]:
        result = run("build", DGT_TSV, "-o", out, "--rejects", report, *options)
        assert result.exit_code == 0, result.output
        tuids = [tuid for tuid, _ in units(out)]
        assert_consecutive(tuids)
        return tuids, [r.reason for r in read_rejects(report)], result.stdout

    tuids, reasons, summary = build()
    assert (len(tuids), reasons.count("wrong-language"), reasons.count("duplicate")) == (133, 2, 13)
    assert "      13  duplicate\n       2  wrong-language\n" in summary
    tuids, reasons, _ = build("--no-clean", "wrong-language")
    assert (len(tuids), reasons) == (135, ["duplicate"] * 13)
    tuids, reasons, _ = build("--dedupe", "normalised")
    assert (len(tuids), reasons.count("duplicate")) == (132, 14)
    for none in (["--dedupe", "none"], ["--keep-duplicates"]):
        tuids, reasons, _ = build(*none)
        assert (len(tuids), reasons) == (146, ["wrong-language"] * 2)
    tuids, reasons, summary = build("--no-clean", "all", "--dedupe", "none")
    assert (len(tuids), reasons) == (148, [])
    assert "nothing rejected" in summary
    # a rule the rows break on purpose: numbers only, and an untranslated copy
    table = tmp_path / "t.tsv"
    table.write_text("en\tfr\n1997\t1997\nThe value chain matters a lot.\t"
                     "The value chain matters a lot.\nvalue chain\tchaîne de valeur\n",
                     encoding="utf-8")
    assert run("build", table, "-o", out, "--rejects", report).exit_code == 0
    assert [(r.line, r.reason) for r in read_rejects(report)] == [(2, "no-letters"),
                                                                  (3, "identical")]
    assert units(out) == [("1", {"en-GB": "value chain", "fr-FR": "chaîne de valeur"})]
    bad = run("build", table, "-o", out, "--no-clean", "spelling")
    assert bad.exit_code == 2 and "spelling" in bad.output


@pytest.mark.parametrize("third", ["es-ES", "it-IT"])
def test_a_third_language_in_a_unit_is_rejected_not_written_as_the_target(
        tmp_path: Path, third: str) -> None:
    """DGT-TM's own Spanish or Italian translations pasted into the French column of its
    table: written as fr-FR before, a `wrong-language` reject now, read from a table and
    from a TMX alike; every real French unit stays."""
    memory = DGT / "22019D0437.tmx"
    french = read_tmx(memory, source_lang="en-GB", target_lang="fr-FR").pairs
    other = {p.source: p.target for p in
             read_tmx(memory, source_lang="en-GB", target_lang=third).pairs}
    # long sentences only: a short side is too little text to judge
    planted = [p.source for p in french if len(other.get(p.source, "")) >= 100][:5]
    assert len(planted) == 5
    table = tmp_path / "mixed.tsv"
    table.write_text("en\tfr\n" + "".join(
        f"{p.source}\t{other[p.source] if p.source in planted else p.target}\n"
        for p in french), encoding="utf-8")
    mislabelled = tmp_path / "mixed.tmx"
    assert run("build", table, "-o", mislabelled, "--no-clean", "wrong-language",
               "--dedupe", "none").exit_code == 0
    report = tmp_path / "r.tsv"
    for given in (table, mislabelled):
        out = tmp_path / "out.tmx"
        result = run("build", given, "-o", out, "--rejects", report, "--dedupe", "none")
        assert result.exit_code == 0, result.output
        rejected = [r.text.split("\t")[0] for r in read_rejects(report)]
        assert rejected == planted
        assert [r.reason for r in read_rejects(report)] == ["wrong-language"] * 5
        written = [segs["en-GB"] for _, segs in units(out)]
        assert written == [p.source for p in french if p.source not in planted]


# --- profiles and outputs ---------------------------------------------------------------------

def test_profiles_spell_codes_and_set_the_header(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    headers = {}
    for profile in ("generic", "omegat", "trados", "memoq"):
        result = run("build", SEED, "-o", out, "--profile", profile,
                     "--source-lang", "en_gb", "--target-lang", "FR-fr")
        assert result.exit_code == 0, result.output
        root = parse(out)
        headers[profile] = dict(root.find("header").attrib)
        assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"en-GB", "fr-FR"}
        assert headers[profile]["srclang"] == "en-GB"
        assert_valid_tmx(out)
    assert headers["trados"]["datatype"] == "xml"
    assert headers["omegat"]["datatype"] == headers["generic"]["datatype"] == "plaintext"
    before = out.read_bytes()
    result = run("build", SEED, "-o", out, "--profile", "trados", "--source-lang", "en")
    assert result.exit_code == 1 and "needs a region" in result.stderr
    assert out.read_bytes() == before


def test_readme_documents_every_profile() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert readme_section() in readme


def test_a_declared_language_a_profile_refuses_is_blamed_on_the_memory(tmp_path: Path) -> None:
    # no --source-lang was given: the codes came from the memory, and the error says so
    # and how to choose them
    memory = DATA / "tmx" / "europarl-extract" / "parallel_en-de.tmx"
    out = tmp_path / "out.tmx"
    result = run("build", memory, "-o", out, "--profile", "trados")
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr.startswith(f"tmx-export: error: {memory}: the languages were taken "
                                    "from the memory, which declares en -> de, and the trados "
                                    "profile needs a region")
    assert result.stderr.endswith("choose them with --source-lang en-GB --target-lang de-DE\n")
    chosen = run("build", memory, "-o", out, "--profile", "trados",
                 "--source-lang", "en-GB", "--target-lang", "de-DE")
    assert chosen.exit_code == 0, chosen.output


def test_a_file_read_as_another_format_says_what_it_is_not(tmp_path: Path) -> None:
    memory = DGT / "22019D0391.tmx"
    for given in ("po", "xliff"):
        result = run("build", memory, "-o", tmp_path / "out.tmx", "--input-format", given)
        assert result.exit_code == 1
        assert result.stderr == (f"tmx-export: error: {memory}: not an XLIFF or PO file: an XML "
                                 "document whose root is <tmx> (XLIFF's is <xliff>; PO files "
                                 "are plain text)\n")
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "Calls on the Commission\nmsgstr "invite la Commission"\n',
                      encoding="utf-8")
    result = run("build", broken, "-o", tmp_path / "out.tmx")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tmx-export: error: {broken}:1: not a PO file "
                                    "(translate-toolkit: ")
    assert not (tmp_path / "out.tmx").exists()


def test_max_units_splits_into_numbered_files(tmp_path: Path) -> None:
    out = tmp_path / "ep.tmx"
    result = run("build", EUROPARL, "-o", out, "--max-units", "40")
    assert result.exit_code == 0, result.output
    parts = sorted(tmp_path.glob("ep-*.tmx"))
    assert [p.name for p in parts] == ["ep-001.tmx", "ep-002.tmx", "ep-003.tmx"]
    assert not out.exists()
    for part in parts:
        assert f"  {part}\n" in result.stdout
        assert_valid_tmx(part)
    counts = [len(units(p)) for p in parts]
    assert counts[:2] == [40, 40] and 0 < counts[2] <= 40
    assert_consecutive([tuid for p in parts for tuid, _ in units(p)])
    assert result.stdout.startswith(f"{sum(counts)} units written to 3 files")
    # a failed run leaves none of its parts, and the earlier ones untouched
    before = [p.read_bytes() for p in parts]
    (tmp_path / "empty.txt").write_bytes(b"")
    failed = run("build", EUROPARL, tmp_path / "empty.txt", "-o", out, "--max-units", "10")
    assert failed.exit_code == 1
    assert [p.read_bytes() for p in sorted(tmp_path.glob("ep-*.tmx"))] == before
    assert not list(tmp_path.glob(".ep*"))
    stdout = run("build", SEED, "-o", "-", "--max-units", "10")
    assert stdout.exit_code == 2


def test_fewer_parts_than_an_earlier_run_leave_none_of_its_parts(tmp_path: Path) -> None:
    """In a CAT tool's TM folder, the parts of an earlier run left beside the new ones
    would hold their units twice: they are removed and named; nothing else is touched."""
    out = tmp_path / "ep.tmx"
    assert run("build", EUROPARL, "-o", out, "--max-units", "30").exit_code == 0
    assert len(list(tmp_path.glob("ep-*.tmx"))) == 4
    others = [tmp_path / name for name in ("ep-01.tmx", "ep-001.tmx.gz", "ep-x01.tmx", "ep.tmx")]
    for other in others:
        other.write_bytes(b"not a part of -o ep.tmx")
    result = run("build", EUROPARL, "-o", out, "--max-units", "60")
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in tmp_path.glob("ep-[0-9][0-9][0-9].tmx"))
    assert parts == ["ep-001.tmx", "ep-002.tmx"]
    assert (f"removed 2 parts of an earlier run of this output:\n"
            f"  {tmp_path / 'ep-003.tmx'}\n  {tmp_path / 'ep-004.tmx'}\n") in result.stdout
    assert all(other.read_bytes() == b"not a part of -o ep.tmx" for other in others)
    assert sum(len(units(p)) for p in tmp_path.glob("ep-[0-9][0-9][0-9].tmx")) == \
        int(result.stdout.split()[0])


def test_a_plain_run_after_a_split_one_leaves_none_of_its_parts(tmp_path: Path) -> None:
    """One file is a run of one part: the parts of an earlier --max-units run of the same
    output go, named, or a CAT tool's TM folder holds every unit twice."""
    out = tmp_path / "ep.tmx"
    assert run("build", EUROPARL, "-o", out, "--max-units", "40").exit_code == 0
    other = tmp_path / "ep-01.tmx"  # not of the exact pattern: not a part
    other.write_bytes(b"not a part of -o ep.tmx")
    # of the pattern, but a memory another tool wrote: the user's own, never removed
    theirs = tmp_path / "ep-099.tmx"
    theirs.write_bytes((DATA / "tmx" / "omegat-tests" / "project_save.tmx").read_bytes())
    result = run("build", EUROPARL, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep-01.tmx", "ep-099.tmx", "ep.tmx"]
    assert "removed 3 parts of an earlier run of this output:\n" in result.stdout
    failed = run("build", EUROPARL, "-o", tmp_path / "ep2.tmx", "--max-units", "40")
    assert failed.exit_code == 0
    (tmp_path / "empty.txt").write_bytes(b"")
    refused = run("build", EUROPARL, tmp_path / "empty.txt", "-o", tmp_path / "ep2.tmx")
    assert refused.exit_code == 1  # a failed run removes nothing
    assert len(list(tmp_path.glob("ep2-*.tmx"))) == 3


def test_parts_of_a_compressed_xml_memory_keep_their_ending(tmp_path: Path) -> None:
    # `-o ep.xml.gz --max-units 40` wrote ep.xml-001.gz...: a name that says no XML
    result = run("build", EUROPARL, "-o", tmp_path / "ep.xml.gz", "--max-units", "40")
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in tmp_path.iterdir())
    assert parts == ["ep-001.xml.gz", "ep-002.xml.gz", "ep-003.xml.gz"]
    for part in parts:
        assert_valid_tmx(tmp_path / part)


def test_a_split_run_after_a_plain_one_leaves_not_its_memory(tmp_path: Path) -> None:
    """The other way round: `-o ep.tmx --max-units 40` after `-o ep.tmx` left ep.tmx
    beside ep-001.tmx..., and a CAT tool's TM folder held every unit twice. It goes,
    named, as a part of the earlier run; a memory another tool wrote there stays."""
    out = tmp_path / "ep.tmx"
    assert run("build", EUROPARL, "-o", out).exit_code == 0
    result = run("build", EUROPARL, "-o", out, "--max-units", "40")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep-001.tmx", "ep-002.tmx",
                                                         "ep-003.tmx"]
    assert f"removed 1 part of an earlier run of this output:\n  {out}\n" in result.stdout
    theirs = tmp_path / "project_save.tmx"
    shutil.copy(DATA / "tmx" / "omegat-tests" / "project_save.tmx", theirs)
    result = run("build", EUROPARL, "-o", theirs, "--max-units", "40")
    assert result.exit_code == 0, result.output
    assert theirs.exists() and "removed" not in result.stdout
    failed = run("build", EUROPARL, "-o", tmp_path / "ep2.tmx")
    (tmp_path / "empty.txt").write_bytes(b"")
    refused = run("build", EUROPARL, tmp_path / "empty.txt", "-o", tmp_path / "ep2.tmx",
                  "--max-units", "40")
    assert failed.exit_code == 0 and refused.exit_code == 1  # a failed run removes nothing
    assert (tmp_path / "ep2.tmx").exists() and not list(tmp_path.glob("ep2-*"))


def test_no_part_of_a_split_memory_replaces_an_input(tmp_path: Path) -> None:
    """Split again over its own parts, or over a memory named like one, a run would
    replace them: refused before any work."""
    part = tmp_path / "ep-001.tmx"
    shutil.copy(DGT / "22019D0391.tmx", part)
    (tmp_path / "link.tmx.gz").symlink_to(part)  # where it points is what counts
    for given, output in ((part, tmp_path / "ep.tmx"), (tmp_path / "link.tmx.gz",
                                                          tmp_path / "sub" / ".." / "ep.tmx")):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = run("build", given, "-o", output, "--max-units", "10")
        assert result.exit_code == 1
        assert result.stderr == (f"tmx-export: error: {given}: output would overwrite an "
                                 f"input file (a part of -o {output} with --max-units)\n")
    assert part.read_bytes() == (DGT / "22019D0391.tmx").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep-001.tmx", "link.tmx.gz", "sub"]
    other = run("build", part, "-o", tmp_path / "ep.tmx.gz", "--max-units", "10")
    assert other.exit_code == 0, other.output  # ep-001.tmx.gz: not the input


# --- merge, validate, stats -------------------------------------------------------------------

def test_merge_validate_and_stats_are_commands(tmp_path: Path) -> None:
    merged = tmp_path / "merged.tmx"
    result = run("merge", DGT / "22019D0391.tmx", DGT / "22019D0556.tmx", "-o", merged)
    assert result.exit_code == 0, result.output
    assert len(list(iter_units(merged))) == 25 + 19
    stats = run("stats", merged)
    assert stats.exit_code == 0 and "units: 44" in stats.stdout
    # the DGT export itself is TMX 1.4 but uses TMX 1.1's lang= (and EN-GB in capitals is fine)
    invalid = run("validate", DGT / "22019D0391.tmx")
    assert invalid.exit_code == 1
    problems = invalid.stdout.splitlines()
    assert problems and all(p.startswith(f"{DGT / '22019D0391.tmx'}:") for p in problems)
    # merge turned lang= into xml:lang; the Euramis pseudo-regions (DA-01) remain
    merged_problems = run("validate", merged).stdout
    assert "lang=" not in merged_problems and "'DA-01'" in merged_problems
    line = int(problems[0].split(":")[1])
    source_lines = (DGT / "22019D0391.tmx").read_text(encoding="utf-16").splitlines()
    assert "lang=" in source_lines[line - 1]
    assert "invalid:" in invalid.stderr


XLIFF_TERMS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="policy.docx" source-language="en-GB" target-language="fr-FR" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The value chain of the regions matters.</source>
        <target state="translated">La chaîne de valeur des régions compte.</target></trans-unit>
      <trans-unit id="2"><source>Clusters strengthen the value chain.</source>
        <target state="translated">Les conglomérats renforcent la chaîne de valeur.</target>
      </trans-unit>
      <trans-unit id="3"><source>Every cluster needs research centres.</source>
        <target state="translated">Chaque conglomérat a besoin de centres de recherche.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
PO_TERMS = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Research centres and clusters"
msgstr "Centres de recherche et conglomérats"
"""


def test_xliff_and_po_to_tbx(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "policy.xlf").write_text(XLIFF_TERMS, encoding="utf-8")
    (tmp_path / "in" / "ui.po").write_text(PO_TERMS, encoding="utf-8")
    tbx = tmp_path / "terms.tbx"
    result = run("terms", tmp_path / "in", "--tbx", tbx, "--tbx-version", "2")
    assert result.exit_code == 0, result.output
    pairs = {(u.source, u.target) for u in tbxfile(tbx.read_bytes()).units}
    assert {("value chain", "chaîne de valeur"), ("cluster", "conglomérat"),
            ("research centre", "centre de recherche")} <= pairs


def test_europarl_sessions_as_parallel_files_give_one_pair_per_paragraph() -> None:
    # Both dev sessions whole: 274 paragraphs, each paragraph line of the English file paired
    # with the same line of the French file, nothing lost or merged.
    paragraphs = {
        lang: [line.strip() for session in ("ep-00-01-17", "ep-00-01-21")
               for line in (SESSIONS / f"{session}.{lang}.txt").read_text(encoding="utf-8")
               .splitlines() if line.strip()]
        for lang in ("en", "fr")
    }
    result = run("pairs", SESSIONS / "ep-00-01-17.en.txt", SESSIONS / "ep-00-01-21.en.txt",
                 "--no-clean", "all", "--dedupe", "none")
    assert result.exit_code == 0, result.output
    pairs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(pairs) == len(paragraphs["en"]) == len(paragraphs["fr"]) == 274
    assert [(p["source"], p["target"]) for p in pairs] == list(
        zip(paragraphs["en"], paragraphs["fr"], strict=True))


def test_another_languages_version_beside_a_pair_in_a_folder_is_skipped(tmp_path: Path) -> None:
    # a folder of report.en.txt, report.fr.txt and report.de.txt, built en -> fr: the German
    # file was read alone as a dump and stopped the run ("the source text reads as de, not
    # en-GB"); it is another language's version of the pair read, left out and said
    units = [u for u in iter_units(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")]
    texts = {lang: [] for lang in ("en", "fr", "de")}
    for unit in units:
        by_lang = {tuv.lang[:2].lower(): tuv.text for tuv in unit.tuvs}
        if all(by_lang.get(lang, "").strip() for lang in texts):
            for lang in texts:
                texts[lang].append(" ".join(by_lang[lang].split()))
    folder = tmp_path / "reports"
    folder.mkdir()
    for lang, lines in texts.items():
        (folder / f"report.{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.tmx"
    result = run("build", folder, "-o", out, "--source-lang", "en-GB", "--target-lang", "fr-FR")
    assert result.exit_code == 0, result.output
    german = folder / "report.de.txt"
    assert (f"skipped {german}: in de, another language's version of "
            f"{folder / 'report.en.txt'} + {folder / 'report.fr.txt'}") in result.output
    assert {tuv.lang for unit in iter_units(out) for tuv in unit.tuvs} == {"en-GB", "fr-FR"}
    # named on its own, it is still read as what it is asked to be
    alone = run("build", german, "-o", tmp_path / "de.tmx")
    assert alone.exit_code == 1 and "reads as de" in alone.output


@pytest.mark.parametrize("name, shown", [
    ("notes\nscan.txt", "notes\\nscan.txt"),  # a line break: the error was two lines
    ("tab\there.txt", "tab\\there.txt"),
    (b"r\xe9sum\xe9.txt".decode("utf-8", "surrogateescape"), "r\\xe9sum\\xe9.txt"),  # Latin-1
    ("résumé du débat.txt", "résumé du débat.txt"),  # a usual name, as it is
])
def test_an_error_names_a_strange_file_name_on_one_line(tmp_path: Path, name: str,
                                                        shown: str) -> None:
    try:
        (tmp_path / name).write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not take this name")
    result = run("build", tmp_path / name, "-o", tmp_path / "o.tmx")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"tmx-export: error: {tmp_path / shown}: file is empty"]
    assert not (tmp_path / "o.tmx").exists()


def test_a_file_name_that_is_not_utf8_is_written_as_ls_shows_it(tmp_path: Path) -> None:
    """A memory named in Latin-1 (from an old archive): every command failed on it with
    "'utf-8' codec can't encode character '\\udce9' ...", naming no file (build with
    --rejects, check --report, validate, terms, concordance --index), or wrote another
    name (build: "x-document" "m.tmx", the byte dropped). Each names it "m\\xe9.tmx"."""
    name = b"m\xe9.tmx".decode("utf-8", "surrogateescape")
    try:
        memory = tmp_path / name
        shutil.copy(DGT / "22019D0437.tmx", memory)  # UTF-16, read through lxml
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not take this name")
    shown = str(tmp_path / "m\\xe9.tmx")
    pair = ("--source-lang", "en-GB", "--target-lang", "fr-FR")
    result = run("build", memory, "-o", tmp_path / "o.tmx", "--rejects", tmp_path / "r.tsv",
                 *pair)
    assert result.exit_code == 0, result.output
    assert {p.text for p in parse(tmp_path / "o.tmx").iter("prop")
            if p.get("type") == "x-document"} == {shown}
    assert {row.file for row in read_rejects(tmp_path / "r.tsv")} == {shown}
    result = run("check", memory, "--report", tmp_path / "c.tsv", "--fail-on", "never", *pair)
    assert result.exit_code == 0, result.output
    with open(tmp_path / "c.tsv", encoding="utf-8") as report:
        assert {row["file"] for row in csv.DictReader(report, delimiter="\t")} == {
            shown.replace("\\", "\\\\")}  # a backslash escaped in a TSV field
    result = run("validate", memory)
    assert "surrogates" not in result.output and result.output.startswith(shown)
    result = run("merge", memory, "-o", tmp_path / "m.tmx")
    assert result.exit_code == 0, result.output
    result = run("terms", memory, "--termbase", tmp_path / "t.db", "--tbx", tmp_path / "t.tbx",
                 "--min-count", "1", *pair)
    assert result.exit_code == 0, result.output
    assert shown in (tmp_path / "t.tbx").read_text(encoding="utf-8")
    result = run("concordance", memory, "Union", "--index", tmp_path / "i.db", *pair)
    assert result.exit_code == 0, result.output
    assert f"{shown}:" in result.output


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n \r\n",
                                     b"\xff\xfe \x00\n\x00", b"\xfe\xff\x00\n"])
def test_a_file_of_a_byte_order_mark_alone_is_empty(tmp_path: Path, content: bytes) -> None:
    """An editor saves an empty document in UTF-8 or UTF-16 as its byte order mark: such a
    file was "1 read, all rejected (1 empty pair)" where one of no bytes is "file is
    empty"; in a directory it stopped the run where an empty file is skipped."""
    empty = tmp_path / "notes.txt"
    empty.write_bytes(content)
    result = run("build", empty, "-o", tmp_path / "o.tmx")
    assert result.exit_code == 1 and not (tmp_path / "o.tmx").exists()
    assert result.output.splitlines() == [f"tmx-export: error: {empty}: file is empty"]
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(empty, folder / "notes.txt")
    shutil.copy(Path(__file__).parent / "data" / "ep-industrial-policy-34.txt", folder)
    result = run("build", folder, "-o", tmp_path / "o.tmx")
    assert result.exit_code == 0, result.output
    assert f"skipped {folder / 'notes.txt'}: file is empty" in result.output


def test_an_earlier_runs_rejects_report_in_a_directory_is_skipped(tmp_path: Path) -> None:
    """A folder of sessions with the memory and rejects report an earlier run wrote beside
    them: the report (file, line, reason, text) holds no bitext, yet it was read as a table
    and stopped the run, and ``check`` and ``concordance`` of the folder, with "no column for
    en-GB". It is skipped and listed, as an empty file is; named alone it is still refused."""
    folder = tmp_path / "sessions"
    shutil.copytree(EUROPARL, folder)
    first = run("build", folder, "-o", folder / "ep.tmx", "--rejects", folder / "ep.tsv",
                "--no-clean", "all")
    assert first.exit_code == 0, first.output
    assert read_rejects(folder / "ep.tsv")  # the duplicates of the sessions
    out = tmp_path / "again.tmx"
    again = run("build", folder, "-o", out)
    assert again.exit_code == 0, again.output
    assert f"skipped {folder / 'ep.tsv'}: a rejects report of tmx-export" in again.output
    assert "in 5 files (2 parallel, 1 tmx)" in again.stdout
    # every unit of the earlier memory is in the new one (its repeats as duplicates)
    assert {tuple(sorted(texts.items())) for _, texts in units(folder / "ep.tmx")} <= {
        tuple(sorted(texts.items())) for _, texts in units(out)}
    checked = run("check", folder)
    assert checked.exit_code in (0, 1) and "no column" not in checked.output, checked.output
    assert "units checked" in checked.output
    found = run("concordance", folder, "session")
    assert found.exit_code == 0 and "Reprise de la session" in found.stdout, found.output
    alone = run("build", folder / "ep.tsv", "-o", tmp_path / "alone.tmx")
    assert alone.exit_code == 1 and not (tmp_path / "alone.tmx").exists()


def test_builds_summary_shows_output_names_as_errors_show_them(tmp_path):
    """A line break or a byte that is not UTF-8 in ``-o`` or ``--rejects`` is shown escaped
    in the summary (as ``ls -b``), each of its lines one line: the name cut "written to b"
    / "x.tmx (segtype sentence) ..." in two."""
    output, rejects = tmp_path / "b\nx.tmx", tmp_path / "r\udce9.tsv"
    result = CliRunner().invoke(main, ["build", str(SEED), "-o", str(output), "--rejects",
                                       str(rejects), "--dedupe", "none"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (f"2 units written to {tmp_path}/b\\nx.tmx (segtype sentence) from "
                        "1 pair in 1 file")
    assert output.exists() and rejects.exists()


def test_the_reports_of_earlier_runs_in_a_directory_are_skipped(tmp_path: Path) -> None:
    """A project folder holding a DGT-TM memory and what tmx-export wrote beside it: the
    findings of ``check --report`` (CSV, TSV, XLSX, and a CSV a spreadsheet saved again
    with semicolons), a ``concordance --format tsv``, the term pairs of ``terms --csv`` and
    ``--review``. ``build`` of the folder read them all as tables of units: the term pairs
    became units of the memory, and a report kept from before a fix would bring back the
    translations fixed since. They are skipped and listed, as a rejects report is."""
    folder = tmp_path / "project"
    folder.mkdir()
    memory = folder / "22019D0437.tmx"
    shutil.copy(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx", memory)
    alone = tmp_path / "alone.tmx"
    assert run("build", memory, "-o", alone).exit_code == 0
    for report in ("findings.csv", "findings.tsv", "findings.xlsx"):
        checked = run("check", memory, "--report", folder / report, "--fail-on", "never")
        assert checked.exit_code == 0, checked.output
    resaved = (folder / "findings.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(resaved.splitlines()))
    assert len(rows) > 1 and rows[0][:5] == ["tuid", "file", "line", "check", "severity"]
    with (folder / "reviewed.csv").open("w", encoding="cp1252", errors="replace",
                                        newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    hits = run("concordance", memory, "Council", "--format", "tsv")
    assert hits.exit_code == 0 and hits.stdout.count("\n") > 1, hits.output
    (folder / "hits.tsv").write_text(hits.stdout, encoding="utf-8")
    terms = run("terms", memory, "--csv", folder / "terms.csv", "--review",
                folder / "terms-review.xlsx", "--min-count", "1", "-q")
    assert terms.exit_code == 0, terms.output
    assert (folder / "terms.csv").read_text(encoding="utf-8-sig").startswith(
        "en-GB,fr-FR,count,termhood,status\n")
    out = tmp_path / "again.tmx"
    again = run("build", folder, "-o", out)
    assert again.exit_code == 0, again.output
    # (after the line saying the default pair was taken of the 23-language memory)
    written = next(line for line in again.stdout.splitlines() if " written to " in line)
    assert written.endswith(" in 1 file (1 tmx)"), again.output
    for name, what in (("findings.csv", "a check report"), ("findings.tsv", "a check report"),
                       ("findings.xlsx", "a check report"), ("reviewed.csv", "a check report"),
                       ("hits.tsv", "a concordance"), ("terms.csv", "a terms list"),
                       ("terms-review.xlsx", "a terms review file")):
        assert f"skipped {folder / name}: {what} of tmx-export, no bitext" in again.stdout
    assert [texts for _, texts in units(out)] == [texts for _, texts in units(alone)]
    # the next round of review writes its report where the last one is
    again = run("check", folder, "--report", folder / "findings.tsv", "--fail-on", "never")
    assert again.exit_code == 0, again.output
    # named alone, a report is still read as the user asks
    assert run("pairs", folder / "findings.csv").exit_code == 0


def test_the_report_headers_skipped_are_those_the_reports_are_written_with() -> None:
    from tmx_export.check.concordance import TSV_COLUMNS
    from tmx_export.check.model import REPORT_COLUMNS
    from tmx_export.inputs import _REPORT_HEADERS
    from tmx_export.terms.review import COLUMNS

    written = {"a check report": REPORT_COLUMNS, "a concordance": TSV_COLUMNS,
               "a terms review file": tuple(name for name, _ in COLUMNS)}
    for what, skip, columns in _REPORT_HEADERS:
        if what in written:
            assert tuple(written[what][skip:skip + len(columns)]) == columns, what


def test_a_glossary_headed_as_a_terms_review_file_begins_is_no_report(tmp_path: Path) -> None:
    # a terminologist's own glossary names its columns as a review file's first three
    # ("source term", "target term", "status"): it is no report of tmx-export
    from tmx_export.inputs import _report_of_tmx_export

    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("source term\ttarget term\tstatus\nJoint Council\tconseil conjoint\t"
                        "approved\n", encoding="utf-8")
    assert _report_of_tmx_export(glossary, glossary.read_bytes()) is None


def test_a_workbook_of_pairs_in_a_directory_is_not_read_for_a_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # telling a report of tmx-export from a workbook of pairs opened every workbook of a
    # folder for its header, once more than reading it does: 2 s more for a vendor's
    # 44,000 pairs. Its list of sheets says it: a report's rows are on a sheet "findings"
    # or "review"
    from tmx_export.formats import table

    folder = tmp_path / "vendor"
    folder.mkdir()
    pairs = read_table(DATA / "gzip_dgt_en_fr.tsv", source_lang="en-GB",
                       target_lang="fr-FR").pairs
    assert write_table(pairs, folder / "dgt.xlsx") == len(pairs) > 1
    headers: list[object] = []
    real = table.table_header

    def counted(path: object, **kwargs: object) -> object:
        headers.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table, "table_header", counted)
    alone = run("pairs", folder / "dgt.xlsx")
    assert alone.exit_code == 0, alone.output
    read_alone = len(headers)
    headers.clear()
    found = run("pairs", folder)
    assert found.exit_code == 0, found.output
    assert found.stdout == alone.stdout and len(headers) == read_alone


FOLDER_COMMANDS = [
    ("build", ["-o", "{out}/m.tmx"]), ("pairs", ["-o", "{out}/p.jsonl"]),
    ("merge", ["-o", "{out}/m.tmx"]), ("stats", []), ("check", []),
    ("concordance", ["Commission"]), ("terms", ["--csv", "{out}/t.csv"]), ("validate", []),
]


@pytest.mark.parametrize("command, extra", FOLDER_COMMANDS)
def test_every_command_says_the_files_of_a_folder_it_did_not_read(tmp_path, command, extra):
    """A folder of DGT-TM memories with a note and an empty memory beside them: `build`
    listed what it did not read, `check`, `pairs`, `concordance`, `terms`, `stats`, `merge`
    and `validate` said nothing (and `merge` and `stats` stopped at the empty file: "not
    well-formed XML"). Every command now says them the same way, on standard error, but
    with --quiet; `validate` judges the empty file (its verdict) rather than skip it."""
    corpus, out = tmp_path / "vendor memories", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    shutil.copy(DGT / "22019D0391.tmx", corpus / "22019D0391.tmx")
    (corpus / "notes.md").write_text("Sent by the vendor on 3 May.\n", encoding="utf-8")
    (corpus / "old.tmx").write_bytes(b"")
    args = [command, str(corpus), *(a.format(out=out) for a in extra)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == (1 if command == "validate" else 0), result.output
    stream = result.stdout if command == "build" else result.stderr  # (build: its summary)
    assert f"not read (1 file of unknown type): {corpus / 'notes.md'}\n" in stream
    if command == "validate":
        assert f"{corpus / 'old.tmx'}: not well-formed XML" in result.stdout
    else:
        assert f"skipped {corpus / 'old.tmx'}: file is empty\n" in stream
    quiet = CliRunner().invoke(main, [*args, "--quiet"])
    assert quiet.exit_code == result.exit_code, quiet.output
    assert "not read" not in quiet.output and "skipped" not in quiet.output


def test_t14_a_trados_workbench_txt_export_is_refused_by_name(tmp_path):
    # "<TrU>" units of "<Seg L=EN-GB>" lines, in UTF-16 as Workbench writes them: read as a
    # dump, the whole file was one pair, "1 read, all rejected (1 leftover-markup)"
    workbench = Path(__file__).parent / "data" / "workbench_dgt_en_de.txt"
    out = tmp_path / "o.tmx"
    result = CliRunner().invoke(main, ["build", str(workbench), "-o", str(out),
                                       "--target-lang", "de-DE"])
    assert result.exit_code == 1
    assert "workbench_dgt_en_de.txt: a Trados Workbench TXT export (<TrU> units)" in \
        result.output
    assert "export the memory as TMX" in result.output and not out.exists()
    # in UTF-8 without its RTF preamble too
    bare = tmp_path / "bare.txt"
    text = workbench.read_text(encoding="utf-16")
    bare.write_text(text[text.index("<TrU>"):], encoding="utf-8")
    result = CliRunner().invoke(main, ["pairs", str(bare), "--target-lang", "de-DE"])
    assert result.exit_code == 1 and "Trados Workbench TXT export" in result.output
