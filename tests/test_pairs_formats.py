"""JSONL and TSV pairs, and the rejects report: what is written reads back the same."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmx_export.errors import InputError
from tmx_export.formats.jsonl import read_pairs_jsonl, write_pairs_jsonl
from tmx_export.formats.rejects import RejectLog, read_rejects, write_rejects
from tmx_export.formats.tsv import escape_field, read_pairs_tsv, unescape_field, write_pairs_tsv
from tmx_export.model import Pair, Reject

DATA = Path(__file__).parent / "data"


def real_pairs() -> list[Pair]:
    lines = (DATA / "real-pairs.jsonl").read_text(encoding="utf-8").splitlines()
    return [Pair(**json.loads(line)) for line in lines]


def awkward_pairs() -> list[Pair]:
    return [
        Pair("a\tb", "c\\nd", "en", "fr", None, "dir/x.txt", 3, {"x-align": "2-1"}),
        Pair("line\none", "ligne\r\nune", "en-GB", "fr-FR", 34, "<stdin>", 1,
             {"x-paragraph": "34", "x-align-score": "0.93"}),
        Pair("back\\slash\\", "\\t literal", "en-GB", "fr-FR", 0, "", 0),
        Pair("para\u2028sep\x85nel", "saut\x0cde page\x1c", "en-GB", "fr-FR", 1, "f.txt", 2),
        # an OmegaT alternative's props, named as fields (and one as the prefix they get)
        Pair("Save", "Enregistrer", "en", "fr", None, "project_save.tmx", 6,
             {"file": "ui/menu.properties", "id": "menu.save", "line": "12",
              "prop:x": "y"}),
    ]


@pytest.mark.parametrize("pairs", [real_pairs(), awkward_pairs()], ids=["real", "awkward"])
def test_jsonl_round_trip(tmp_path: Path, pairs: list[Pair]) -> None:
    path = tmp_path / "pairs.jsonl"
    assert write_pairs_jsonl(pairs, path) == len(pairs)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(pairs)
    assert read_pairs_jsonl(path).pairs == pairs


def test_jsonl_fields_as_documented(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    write_pairs_jsonl(awkward_pairs()[:2], path)
    first, second = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    assert first == {
        "source": "a\tb", "target": "c\\nd", "source_lang": "en", "target_lang": "fr",
        "number": None, "file": "dir/x.txt", "line": 3, "x-align": "2-1",
    }
    assert second["number"] == 34 and second["x-paragraph"] == "34"
    # non-ASCII stays readable
    write_pairs_jsonl(real_pairs()[:1], path)
    assert "européen" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pairs", [real_pairs(), awkward_pairs()], ids=["real", "awkward"])
def test_tsv_round_trip(tmp_path: Path, pairs: list[Pair]) -> None:
    path = tmp_path / "pairs.tsv"
    assert write_pairs_tsv(pairs, path) == len(pairs)
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert len(lines) == len(pairs) + 1  # one row per pair, whatever the texts hold
    assert lines[0].startswith("source\ttarget\tsource_lang\ttarget_lang\tnumber\tfile\tline")
    assert read_pairs_tsv(path).pairs == pairs


def test_rejects_round_trip(tmp_path: Path) -> None:
    rejects = [
        Reject("samples/a.txt", 12, "number mismatch", "35. Calls on\n36. invite"),
        Reject("<stdin>", 0, "third language", "Der Rat\tbeschließt"),
    ]
    path = tmp_path / "rejects.tsv"
    assert write_rejects(rejects, path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "file\tline\treason\ttext",
        "samples/a.txt\t12\tnumber mismatch\t35. Calls on\\n36. invite",
        "<stdin>\t0\tthird language\tDer Rat\\tbeschließt",
    ]
    assert read_rejects(path) == rejects


def test_empty_rejects_report_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "rejects.tsv"
    write_rejects([], path)
    assert path.read_text(encoding="utf-8") == "file\tline\treason\ttext\n"
    assert read_rejects(path) == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escape_round_trip(text: str) -> None:
    escaped = escape_field(text)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert unescape_field(escaped) == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": "a", "target": "b"}\nnot json\n', r"x\.jsonl:2: not JSON"),
        ('["a", "b"]\n', r"x\.jsonl:1: expected a JSON object"),
        ('{"source": "a"}\n', r"x\.jsonl:1: no 'target' key \(keys: 'source'\)"),
        ('{"source": "a", "target": 3}\n', r"x\.jsonl:1: 'target' must be a string"),
        ('{"src": "a", "tgt": "b"}\n', r"x\.jsonl:1: no 'source' and 'target' keys, nor "
                                      r"keys naming en-GB and fr-FR \(keys: 'src', 'tgt'\)"),
        ('{"source": "a", "target": "b", "number": "34"}\n', r"x\.jsonl:1: 'number' must be"),
        ("", r"x\.jsonl: file is empty"),
        # half of a character (an emoji's pair cut in two): no file, TMX or TBX can carry
        # it, and it stopped the run at the first write with an error naming no file
        ('{"source": "a", "target": "b"}\n{"source": "Broken \\ud83d here", "target": "b"}\n',
         r"x\.jsonl:2: 'source' holds a lone surrogate \(\\ud83d, half of a character"),
        ('{"source": "a", "target": "b", "note": ["x \\uDC00"]}\n',
         r"x\.jsonl:1: 'note' holds a lone surrogate \(\\udc00"),
        ('{"source": "a", "target": "b", "x\\udfff": "c"}\n',
         r"x\.jsonl:1: 'a key' holds a lone surrogate"),
    ],
)
def test_bad_jsonl_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pairs_jsonl(path)


def test_jsonl_of_texts_keyed_by_language_is_read(tmp_path: Path) -> None:
    # Europarl pairs as Hugging Face datasets write them ({"translation": {"en": ...,
    # "fr": ...}}), and flat ({"en": ..., "fr": ...}): refused with "'source' must be a
    # string", which named no cause. The keys naming the run's languages are the pair's
    # sides; other keys props, but a third language's text
    path = DATA / "hf-translation-ep-00-01-21.jsonl"
    en = [p.strip() for p in (DATA / "europarl" / "ep-00-01-21.en.txt")
          .read_text(encoding="utf-8").split("\n\n") if p.strip()]
    fr = [p.strip() for p in (DATA / "europarl" / "ep-00-01-21.fr.txt")
          .read_text(encoding="utf-8").split("\n\n") if p.strip()]
    read = read_pairs_jsonl(path, claimed=())
    assert [(p.source, p.target) for p in read.pairs] == list(zip(en, fr, strict=True))
    assert {(p.source_lang, p.target_lang, p.file, p.props.get("translation"))
            for p in read.pairs} == {("en-GB", "fr-FR", str(path), None)}
    assert [p.line for p in read.pairs] == [1, 2, 3, 4]
    flat = tmp_path / "flat.jsonl"
    flat.write_text("".join(json.dumps({"id": f"ep-{n}", "fr": f, "de": "Text", "en": e,
                                        "src": "europarl"}) + "\n"
                            for n, (e, f) in enumerate(zip(en, fr, strict=True))),
                    encoding="utf-8")
    pairs = read_pairs_jsonl(flat, claimed=()).pairs
    assert [(p.source, p.target, p.props) for p in pairs] == [
        (e, f, {"id": f"ep-{n}", "src": "europarl"})
        for n, (e, f) in enumerate(zip(en, fr, strict=True))]
    # a run in French -> English turns them round; one in a pair they lack is refused
    assert read_pairs_jsonl(path, source_lang="fr-FR", target_lang="en-GB",
                            claimed=()).pairs[0].source == fr[0]
    with pytest.raises(InputError, match=r"hf-translation-ep-00-01-21\.jsonl:1: no 'source' "
                                         r"and 'target' keys, nor keys naming en-GB and "
                                         r"de-DE \(keys: 'en', 'fr'\)"):
        read_pairs_jsonl(path, target_lang="de-DE", claimed=())


def test_jsonl_surrogate_pairs_are_one_character(tmp_path: Path) -> None:
    # an emoji escaped as its two halves, as JSON writes it with ensure_ascii, is read
    path = tmp_path / "x.jsonl"
    path.write_text('{"source": "Thanks \\ud83d\\ude00", "target": "Merci \\ud83d\\ude00"}\n',
                    encoding="utf-8")
    [pair] = read_pairs_jsonl(path).pairs
    assert (pair.source, pair.target) == ("Thanks \U0001f600", "Merci \U0001f600")


@pytest.mark.parametrize("write", [write_pairs_jsonl, write_pairs_tsv], ids=["jsonl", "tsv"])
def test_props_named_as_fields_are_kept_under_their_prefix(tmp_path: Path, write) -> None:
    path = tmp_path / "pairs.out"
    write(awkward_pairs()[-1:], path)
    text = path.read_text(encoding="utf-8")
    if write is write_pairs_jsonl:
        written = json.loads(text)
    else:
        header, row = (line.split("\t") for line in text.splitlines())
        written = dict(zip(header, row, strict=True))
    assert (written["file"], str(written["line"])) == ("project_save.tmx", "6")
    assert (written["prop:file"], written["prop:line"], written["id"]) == \
        ("ui/menu.properties", "12", "menu.save")
    assert written["prop:prop:x"] == "y"


def test_jsonl_defaults_languages_and_keeps_extra_keys_as_props(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"source": "Yes", "target": "Oui", "x-align-score": 0.5}\n', "utf-8")
    (pair,) = read_pairs_jsonl(path, source_lang="en", target_lang="fr").pairs
    assert (pair.source_lang, pair.target_lang, pair.number) == ("en", "fr", None)
    assert pair.props == {"x-align-score": "0.5"}


def test_bad_tsv_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("source\ttarget\nonly one field\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.tsv:2: expected 2 tab-separated fields, found 1"):
        read_pairs_tsv(path)
    path.write_text("english\tfrench\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.tsv:1: TSV header has no 'source' column"):
        read_pairs_tsv(path)


def test_reject_log_writes_as_it_goes_and_counts() -> None:
    report = io.StringIO()
    log = RejectLog(report)
    log.append(Reject("a.txt", 3, "duplicate", "x\ty"))
    assert report.getvalue().splitlines() == ["file\tline\treason\ttext",
                                              "a.txt\t3\tduplicate\tx\\ty"]
    log.extend([Reject("a.txt", 4, "identical", "z")] * 2)
    assert list(log) == [] and len(log) == 3  # written, not kept
    assert log.counts == {"duplicate": 1, "identical": 2}
    kept = RejectLog()
    kept.append(Reject("b.txt", 1, "empty-side", ""))
    assert [r.file for r in kept] == ["b.txt"]
    counted = RejectLog(keep=False)
    counted.append(Reject("b.txt", 1, "empty-side", ""))
    assert list(counted) == [] and counted.counts == {"empty-side": 1}


def test_reject_details_are_reported_but_not_counted() -> None:
    report = io.StringIO()
    log = RejectLog(report)
    log.extend([Reject("a.txt", 3, "paragraph number mismatch", "x", detail="9 vs 10"),
                Reject("a.txt", 5, "paragraph number mismatch", "y", detail="11 vs 13")])
    assert log.counts == {"paragraph number mismatch": 2}
    assert report.getvalue().splitlines()[1:] == [
        "a.txt\t3\tparagraph number mismatch: 9 vs 10\tx",
        "a.txt\t5\tparagraph number mismatch: 11 vs 13\ty"]


def test_pairs_tsv_reads_back_through_build(tmp_path: Path) -> None:
    """`pairs --format tsv` output is an input of its own: recognised by its header and
    built into the same TMX as the dump it came from."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    seed = Path(__file__).parent / "data" / "ep-industrial-policy-34.txt"
    pairs = tmp_path / "seed-pairs.tsv"
    runner = CliRunner()
    assert runner.invoke(main, ["pairs", str(seed), "--format", "tsv", "-o", str(pairs)]
                         ).exit_code == 0
    direct, again = tmp_path / "direct.tmx", tmp_path / "again.tmx"
    assert runner.invoke(main, ["build", str(seed), "-o", str(direct), "-q"]).exit_code == 0
    result = runner.invoke(main, ["build", str(pairs), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert "(1 pairs-tsv)" in result.output

    def segs(path: Path) -> list[tuple[str, ...]]:
        return [tuple(seg.text for seg in tu.iter("seg")) for tu in etree.parse(path).iter("tu")]

    assert segs(again) == segs(direct) and len(segs(direct)) == 2


@pytest.mark.parametrize("output_format", ["jsonl", "tsv"])
def test_t15_pairs_says_the_inline_codes_and_notes_it_leaves_out(tmp_path: Path,
                                                                 output_format: str) -> None:
    """`pairs` of the LISA kit's ImportTest2A.tmx, then `build` of the JSON Lines, lost
    all of its ``<bpt>`` codes (and ImportTest2C's ``<note>``s), and nothing said so: the
    pairs are plain text, and standard error counts the pairs whose codes or notes were
    left out (``--quiet``: nothing), as the library's ``left_out`` does."""
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.pipeline import export_pairs

    lisa = DATA / "tmx" / "lisa-tmx-compliance-kit"
    runner = CliRunner()
    out = tmp_path / f"pairs.{output_format}"
    result = runner.invoke(main, ["pairs", str(lisa / "ImportTest2A.tmx"), "--format",
                                  output_format, "-o", str(out), "--source-lang", "en-US",
                                  "--target-lang", "fr-CA"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ("tmx-export: left out: the inline codes of 7 pairs (JSON Lines "
                             "and TSV carry the plain text; build a TMX to keep them)\n")
    assert "<bpt" not in out.read_text(encoding="utf-8")
    result = runner.invoke(main, ["pairs", str(lisa / "ImportTest2C.tmx"), "--format",
                                  output_format, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "left out: the inline codes of 1 pair, the notes of 1 pair (" in result.stderr
    quiet = runner.invoke(main, ["pairs", str(lisa / "ImportTest2C.tmx"), "--format",
                                 output_format, "-o", str(out), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    left_out: Counter[str] = Counter()
    export_pairs(lisa / "ImportTest2C.tmx", out, output_format=output_format,
                 left_out=left_out)
    assert left_out == Counter({"inline codes": 1, "notes": 1})

def test_pairs_tsv_cells_never_start_a_formula(tmp_path: Path) -> None:
    pairs = [Pair("=HYPERLINK(\"http://x\")", "-moins", "en-GB", "fr-FR", file="@f.txt"),
             Pair("'quoted", "'=already", "en-GB", "fr-FR")]
    path = tmp_path / "p.tsv"
    write_pairs_tsv(pairs, path)
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:]]
    assert rows[0][:2] == ["'=HYPERLINK(\"http://x\")", "'-moins"] and rows[0][5] == "'@f.txt"
    assert rows[1][:2] == ["'quoted", "''=already"]
    back = read_pairs_tsv(path).pairs
    assert [(p.source, p.target, p.file) for p in back] == [
        (p.source, p.target, p.file) for p in pairs]


def _build_cli(*args: str):
    from click.testing import CliRunner

    from tmx_export.cli import main

    return CliRunner().invoke(main, ["build", *args, "-j", "1"])


def _tuvs(path: Path) -> list[list[tuple[str, str]]]:
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = etree.parse(str(path)).getroot()
    return [[(tuv.get(lang), "".join(tuv.find("seg").itertext())) for tuv in tu.iter("tuv")]
            for tu in root.iter("tu")]


@pytest.mark.parametrize("write", [write_pairs_jsonl, write_pairs_tsv], ids=["jsonl", "tsv"])
def test_pairs_files_are_written_in_the_runs_languages(tmp_path: Path, write) -> None:
    # Real pairs as another run wrote them: bare "en"/"fr", one the other way round, one
    # in German -> Polish. Each was written under its own tags: "en" units under an
    # "en-GB" header, the French text first, a German unit in an English-French memory.
    en_fr = real_pairs()[:3]
    en_fr[0].source_lang, en_fr[0].target_lang = "en", "fr"
    turned = en_fr[2]
    turned.source, turned.target = turned.target, turned.source
    turned.source_lang, turned.target_lang = "fr-FR", "en-GB"
    other = Pair("Die Kommission erlässt Durchführungsrechtsakte.",
                 "Komisja przyjmuje akty wykonawcze.", "de-DE", "pl-PL", None, "dgt.txt", 9)
    pairs = tmp_path / ("pairs.jsonl" if write is write_pairs_jsonl else "pairs.tsv")
    write([*en_fr, other], pairs)
    out, rejects = tmp_path / "out.tmx", tmp_path / "rejects.tsv"
    result = _build_cli(str(pairs), "-o", str(out), "--rejects", str(rejects),
                        "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    units = _tuvs(out)
    assert {tuple(lang for lang, _text in unit) for unit in units} == {("en-GB", "fr-FR")}
    # each paragraph whole, the right way round (a paragraph number is a unit of its own)
    texts = [tuple(text for _lang, text in unit) for unit in units]
    assert [text for text in texts if not text[0][:-1].isdigit()] == [
        (p.source, p.target) for p in real_pairs()[:3]]
    (reject,) = read_rejects(rejects)
    line = 5 if write is write_pairs_tsv else 4  # the TSV's header is its line 1
    assert (reject.file, reject.line, reject.reason) == (str(pairs), line, "other-languages")
    assert reject.text.startswith("de-DE -> pl-PL: Die Kommission")


def test_a_pairs_file_in_another_pair_is_refused_naming_its_languages(tmp_path: Path) -> None:
    pairs = tmp_path / "de-pl.jsonl"
    write_pairs_jsonl([Pair("Die Kommission erlässt Durchführungsrechtsakte.",
                            "Komisja przyjmuje akty wykonawcze.", "de", "pl")], pairs)
    out = tmp_path / "out.tmx"
    result = _build_cli(str(pairs), "-o", str(out), "--source-lang", "en-GB",
                        "--target-lang", "fr-FR")
    assert result.exit_code == 1 and not out.exists()
    assert f"{pairs}: its pairs are in de -> pl, not en-GB -> fr-FR" in result.output


@pytest.mark.parametrize("form", ["translation", "pairs-jsonl", "pairs-tsv"])
def test_pairs_files_in_another_pair_are_read_in_the_pair_they_declare(tmp_path: Path,
                                                                      form: str) -> None:
    """DGT-TM's Polish and English rows as a Hugging Face dataset writes them
    ({"translation": {"pl": ..., "en": ...}}), or as ``pairs`` wrote them in PL-EN (JSON
    Lines, TSV), built without languages named: refused ("no ... keys naming en-GB and
    fr-FR", "its pairs are in pl-PL -> en-GB, not en-GB -> fr-FR"), where a PL-EN TMX,
    XLIFF file or table is read in the pair it declares. Now they are too, and the summary
    says so."""
    folder = DATA / "dgt-parallel"
    polish, english = ((folder / f"marine-equipment.{lang}.txt").read_text(
        encoding="utf-8").splitlines() for lang in ("pl", "en"))
    path = tmp_path / ("memory.tsv" if form == "pairs-tsv" else "memory.jsonl")
    if form == "translation":
        path.write_text("".join(json.dumps({"translation": {"pl": p, "en": e}},
                                           ensure_ascii=False) + "\n"
                                for p, e in zip(polish, english, strict=True)),
                        encoding="utf-8")
        tags = ("pl", "en")
    else:
        write = write_pairs_tsv if form == "pairs-tsv" else write_pairs_jsonl
        write([Pair(p, e, "pl-PL", "en-GB", None, "dgt.txt", n)
               for n, (p, e) in enumerate(zip(polish, english, strict=True), 1)], path)
        tags = ("pl-PL", "en-GB")
    out = tmp_path / "out.tmx"
    result = _build_cli(str(path), "-o", str(out), "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    assert f"languages as the memory declares them: {tags[0]} -> {tags[1]}" in result.output
    units = _tuvs(out)
    assert {tuple(lang for lang, _text in unit) for unit in units} == {tags}
    texts = {tuple(text for _lang, text in unit) for unit in units}
    assert texts <= set(zip(polish, english, strict=True)) and len(texts) > 80


def test_hand_made_jsonl_rejects_name_the_file_and_line(tmp_path: Path) -> None:
    # JSON Lines from another tool say no file or line: the rejects said neither ("\t0").
    first, second = real_pairs()[:2]
    lines = [{"source": first.source, "target": first.target},
             {"source": second.source, "target": ""},
             {"source": first.source, "target": first.target}]
    pairs = tmp_path / "hand.jsonl"
    pairs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    rejects = tmp_path / "rejects.tsv"
    result = _build_cli(str(pairs), "-o", str(tmp_path / "out.tmx"), "--rejects", str(rejects))
    assert result.exit_code == 0, result.output
    assert [(r.file, r.line, r.reason) for r in read_rejects(rejects)] == [
        (str(pairs), 2, "empty-side"), (str(pairs), 3, "duplicate")]


def _pairs_file(tmp_path: Path, fmt: str) -> Path:
    """The DE-PL pairs of a DGT-TM memory as `pairs --format FMT` writes them, repeated
    to a file of some 300 KB (several reads of the head), and a table of their texts
    headed `de-DE`/`pl-PL`."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    once = tmp_path / f"once.{fmt}"
    result = CliRunner().invoke(main, [
        "pairs", str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"), "--source-lang", "de-DE",
        "--target-lang", "pl-PL", "--format", "jsonl" if fmt == "table" else fmt,
        "-o", str(once)])
    assert result.exit_code == 0, result.output
    lines = once.read_text(encoding="utf-8").splitlines(keepends=True)
    if fmt == "table":
        rows = [json.loads(line) for line in lines]
        lines = ["de-DE\tpl-PL\n"] + [f"{row['source']}\t{row['target']}\n" for row in rows]
    big = tmp_path / f"big.{'tsv' if fmt == 'table' else fmt}"
    body = lines[1:] if fmt != "jsonl" else lines
    with big.open("w", encoding="utf-8") as out:
        out.write(lines[0] if fmt != "jsonl" else "")
        while out.tell() < 300_000:
            out.writelines(body)
    return big


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "table"])
def test_the_languages_a_file_declares_are_read_from_its_head(tmp_path, monkeypatch, fmt):
    # `build pairs.jsonl` with no language named decoded the whole file to find the pair
    # it declares, then the reader decoded it again: a large file read twice
    from click.testing import CliRunner

    from tmx_export.cli import main
    from tmx_export.formats import text

    big = _pairs_file(tmp_path, fmt)
    decoded: list[int] = []
    decode = text.decode_bytes

    def counted(data: bytes, name: str) -> str:
        decoded.append(len(data))
        return decode(data, name)

    monkeypatch.setattr(text, "decode_bytes", counted)
    out = tmp_path / "m.tmx"
    result = CliRunner().invoke(main, ["build", str(big), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "languages as the memory declares them: de-DE -> pl-PL" in result.output
    assert decoded.count(big.stat().st_size) == 1, decoded
    assert sum(decoded) < 1.5 * big.stat().st_size
    assert 'xml:lang="pl-PL"' in out.read_text(encoding="utf-8")
