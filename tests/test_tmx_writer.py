"""The TMX writer: structure TMX 1.4b and CAT tools require, read back by a second client."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage.tmx import tmxfile

from tmx_export import __version__
from tmx_export.clean import Fingerprints as _Fingerprints
from tmx_export.clean import sanitise as clean_segment
from tmx_export.errors import InputError
from tmx_export.formats.tmx import write_tmx
from tmx_export.model import Pair

DATA = Path(__file__).parent / "data"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Attributes the TMX 1.4b DTD declares #REQUIRED on <header>.
HEADER_REQUIRED = (
    "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"
)
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def real_pairs() -> list[Pair]:
    """Paragraph pairs from Europarl and DGT-TM (tests/data/real-pairs.jsonl)."""
    pairs = []
    for line in (DATA / "real-pairs.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        pairs.append(Pair(**record))
    return pairs


def parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def write(pairs: list[Pair], **options: object) -> tuple[bytes, object]:
    out = io.BytesIO()
    counts = write_tmx(pairs, out, **options)  # type: ignore[arg-type]
    return out.getvalue(), counts


def check_structure(root: etree._Element) -> None:
    """What the TMX 1.4b DTD and OmegaT require, checked element by element."""
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert [child.tag for child in root] == ["header", "body"]
    header = root.find("header")
    for name in HEADER_REQUIRED:
        assert header.get(name), f"header lacks {name}"
    assert header.get("segtype") in ("block", "paragraph", "sentence", "phrase")
    assert TMX_DATE.match(header.get("creationdate"))
    for tu in root.find("body"):
        assert tu.tag == "tu"
        kinds = [child.tag for child in tu]
        # DTD: tu = ((note|prop)*, tuv+)
        first_tuv = kinds.index("tuv")
        assert set(kinds[:first_tuv]) <= {"note", "prop"} and set(kinds[first_tuv:]) == {"tuv"}
        for prop in tu.findall("prop"):
            assert prop.get("type") and prop.get("type") != "file"
        for tuv in tu.findall("tuv"):
            # a real xml:lang, not an attribute under some other namespace prefix
            assert tuv.get(XML_LANG), etree.tostring(tuv)
            assert [child.tag for child in tuv] == ["seg"]
            seg = tuv.find("seg")
            assert seg.text and seg.text == seg.text.strip() and "\n" not in seg.text


def test_real_pairs_structure_and_header() -> None:
    pairs = real_pairs()
    moment = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    data, counts = write(pairs, creationdate=moment)
    root = parse(data)
    check_structure(root)
    header = root.find("header")
    assert header.get("creationtool") == "tmx-export"
    assert header.get("creationtoolversion") == __version__
    assert header.get("datatype") == "plaintext"
    assert header.get("segtype") == "paragraph"
    assert header.get("srclang") == "en-GB"
    assert header.get("creationdate") == "20240102T030405Z"
    tus = root.find("body").findall("tu")
    assert counts.units == len(tus) == len(pairs)
    assert [tu.get("tuid") for tu in tus] == [str(i) for i in range(1, len(pairs) + 1)]
    assert {tu.get("creationdate") for tu in tus} == {"20240102T030405Z"}
    first = {p.get("type"): p.text for p in tus[0].findall("prop")}
    assert first == {"x-document": pairs[0].file, "x-paragraph": str(pairs[0].number)}
    # an unnumbered paragraph has no paragraph number to give
    last = {p.get("type"): p.text for p in tus[-1].findall("prop")}
    assert last == {"x-document": pairs[-1].file}
    langs = [(tuv.get(XML_LANG)) for tuv in tus[0].findall("tuv")]
    assert langs == ["en-GB", "fr-FR"]
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_translate_toolkit_reads_the_same_pairs() -> None:
    pairs = real_pairs()
    data, _ = write(pairs)
    store = tmxfile(data)
    assert [(u.source, u.target) for u in store.units] == [(p.source, p.target) for p in pairs]


def test_xml_special_and_astral_characters_survive() -> None:
    texts = [
        ('if a < b && c > "d" ]]> &amp;', "si a < b && c > « d » ]]> &amp;"),
        ("emoji 😀 and flag 🇫🇷 and 𝔘", "émoji 😀 et drapeau 🇫🇷 et 𝔘"),
    ]
    pairs = [Pair(s, t, "en-GB", "fr-FR") for s, t in texts]
    data, _ = write(pairs)
    assert b"]]&gt;" in data and b"&amp;amp;" in data
    assert [(u.source, u.target) for u in tmxfile(data).units] == texts


def test_segtype_and_srclang_are_as_told() -> None:
    pairs = [Pair("Hello.", "Bonjour.", "en-GB", "fr-FR")]
    root = parse(write(pairs, segtype="sentence", srclang="en")[0])
    assert root.find("header").get("segtype") == "sentence"
    assert root.find("header").get("srclang") == "en"
    with pytest.raises(ValueError, match="segtype"):
        write(pairs, segtype="clause")


def test_srclang_defaults_to_first_pair_and_empty_input_is_valid() -> None:
    root = parse(write([Pair("Hallo", "Bonjour", "de-DE", "fr-FR")])[0])
    assert root.find("header").get("srclang") == "de-DE"
    data, counts = write([])
    root = parse(data)
    check_structure(root)
    assert counts.units == 0 and root.find("header").get("srclang") == "*all*"


def test_a_srclang_no_unit_holds_is_refused(tmp_path: Path) -> None:
    """``write_tmx`` wrote the header's ``srclang`` as told, whatever the units: the LISA
    kit's en-US -> fr-CA pairs written with ``srclang="en-GB"`` (or DGT-TM's EN-GB and
    DE-DE units to French in one memory, its srclang the first's) made a TMX that
    ``validate`` refused unit by unit ("tu has no tuv in the header srclang"), and in which a
    CAT tool finds no source. Refused now, by validate's rule, and no file is left."""
    from tmx_export.formats.tmx import read_tmx
    from tmx_export.tools import validate

    lisa = read_tmx(DATA / "tmx" / "lisa-tmx-compliance-kit" / "ImportTest2A.tmx",
                    source_lang="en-US", target_lang="fr-CA").pairs
    target = tmp_path / "out.tmx"
    with pytest.raises(ValueError, match=r"srclang 'en-GB' is none of the languages of unit "
                                         r"1 \(en-US, fr-CA\): give one of them, or '\*all\*'"):
        write_tmx(lisa, target, srclang="en-GB")
    assert list(tmp_path.iterdir()) == []
    for srclang in ("en-US", "en", "fr-CA", "*all*", None):
        write_tmx(lisa, target, srclang=srclang)
        assert validate([target]) == []
    dgt = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"
    pairs = [*read_tmx(dgt, source_lang="en-GB", target_lang="fr-FR").pairs,
             *read_tmx(dgt, source_lang="de-DE", target_lang="fr-FR").pairs]
    with pytest.raises(ValueError, match=r"srclang 'en-GB' is none of the languages of unit "
                                         r"\d+ \(de-DE, fr-FR\)"):
        write_tmx(pairs, target)
    write_tmx(pairs, target, srclang="fr-FR")
    assert validate([target]) == []


def test_standard_output_without_a_buffer_gets_the_tmx(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook's standard output is a text stream with no ``buffer`` (so is a
    ``StringIO`` that ``contextlib.redirect_stdout`` puts there): ``write_tmx(pairs, "-")``
    and ``build(inputs, "-")`` failed with "object has no attribute 'buffer'". The TMX is
    written to it as text, the same characters as in a file (DGT-TM's Bulgarian here)."""
    from tmx_export.formats.tmx import read_tmx
    from tmx_export.pipeline import build

    pairs = read_tmx(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx", source_lang="en-GB",
                     target_lang="bg-BG").pairs
    date = datetime(2026, 1, 1, tzinfo=UTC)
    write_tmx(pairs, tmp_path / "bg.tmx", creationdate=date)
    shown = io.StringIO()
    monkeypatch.setattr("sys.stdout", shown)
    assert write_tmx(pairs, "-", creationdate=date).units == len(pairs) == 19
    assert shown.getvalue() == (tmp_path / "bg.tmx").read_text(encoding="utf-8")
    assert "Споразумението" in shown.getvalue()
    shown.seek(0)
    shown.truncate()
    assert build([DATA / "ep-industrial-policy-34.txt"], "-").units_written == 2
    assert shown.getvalue().count("<tu ") == 2


def test_creationdate_is_utc() -> None:
    paris = timezone(timedelta(hours=1))
    root = parse(write([], creationdate=datetime(2024, 1, 1, 0, 30, tzinfo=paris))[0])
    assert root.find("header").get("creationdate") == "20231231T233000Z"


def test_source_date_epoch_makes_output_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, _ = write(real_pairs())
    second, _ = write(real_pairs())
    assert first == second
    assert b'creationdate="20231114T221320Z"' in first


def test_exact_duplicates_written_once_with_consecutive_tuids() -> None:
    a = Pair("Agreement", "Accord", "en-GB", "fr-FR", file="a.txt")
    b = Pair("The Parties,", "Les Parties,", "en-GB", "fr-FR", file="a.txt")
    same_source = Pair("Agreement", "Convention", "en-GB", "fr-FR", file="b.txt")
    again = Pair("Agreement", "Accord", "en-GB", "fr-FR", file="b.txt", line=9)
    skipped: list[tuple[str, str]] = []
    data, counts = write(
        [a, again, b, same_source, again], on_skip=lambda p, why: skipped.append((p.file, why))
    )
    tus = parse(data).find("body").findall("tu")
    assert [(u.source, u.target) for u in tmxfile(data).units] == [
        ("Agreement", "Accord"), ("The Parties,", "Les Parties,"), ("Agreement", "Convention")
    ]
    assert [tu.get("tuid") for tu in tus] == ["1", "2", "3"]
    assert counts.units == 3 and counts.duplicates == 2
    assert skipped == [("b.txt", "duplicate"), ("b.txt", "duplicate")]

    data, counts = write([a, again, b], keep_duplicates=True)
    assert len(tmxfile(data).units) == 3 and counts.duplicates == 0


def test_duplicates_after_cleaning_are_duplicates() -> None:
    pairs = [
        Pair("Agreement", "Accord", "en-GB", "fr-FR"),
        Pair(" Agreement\n", "Accord\x07", "en-GB", "fr-FR"),
    ]
    _, counts = write(pairs)
    assert counts.units == 1 and counts.duplicates == 1


def test_line_breaks_illegal_characters_and_padding_are_repaired() -> None:
    pairs = [
        Pair("  Calls on the\r\n  Commission\x0c to act; ", "invite la\nCommission\x00 à agir;",
             "en-GB", "fr-FR"),
        Pair("\x01\x02", "rien", "en-GB", "fr-FR", file="x.txt", line=3),
    ]
    skipped: list[tuple[int, str]] = []
    data, counts = write(pairs, on_skip=lambda p, why: skipped.append((p.line, why)))
    check_structure(parse(data))
    units = tmxfile(data).units
    assert [(u.source, u.target) for u in units] == [
        ("Calls on the Commission to act;", "invite la Commission à agir;")
    ]
    assert counts.empty == 1 and skipped == [(3, "empty")]
    assert counts.repairs["XML-illegal characters removed"] == 3
    assert counts.repairs["line breaks in a segment replaced by a space"] == 3


def test_page_breaks_and_vertical_tabs_are_spaces_between_words() -> None:
    # a table cell copied from a PDF or a word processor: the separators XML cannot carry
    # stand between two words, which removing them would glue together
    pairs = [Pair("The report was\x0cclear;\x0bthe vote\x1efollowed.",
                  "Tabulation\x0bverticale et saut\x0cde page\u2028ou\x85NEL.",
                  "en-GB", "fr-FR")]
    data, counts = write(pairs)
    [unit] = tmxfile(data).units
    assert (unit.source, unit.target) == (
        "The report was clear; the vote followed.",
        "Tabulation verticale et saut de page ou NEL.")
    assert counts.repairs["line breaks in a segment replaced by a space"] == 7
    assert counts.repairs["XML-illegal characters removed"] == 0


def test_props_never_use_type_file() -> None:
    pair = Pair("Agreement", "Accord", "en-GB", "fr-FR", 7, "dgt.tmx", 1,
                {"file": "22019A0315(01)", "x-align": "1-1", "tuid": "99"})
    tu = parse(write([pair])[0]).find("body/tu")
    props = [(p.get("type"), p.text) for p in tu.findall("prop")]
    assert props == [
        ("x-document", "dgt.tmx"),
        ("x-paragraph", "7"),
        ("x-file", "22019A0315(01)"),
        ("x-align", "1-1"),
    ]
    assert tu.get("tuid") == "1"  # the writer numbers units itself


def test_x_paragraph_prop_of_a_segment_wins_over_number() -> None:
    pair = Pair("34.", "34.", "en-GB", "fr-FR", 34, "d.txt", 1, {"x-paragraph": "34"})
    props = [(p.get("type"), p.text) for p in parse(write([pair])[0]).iter("prop")]
    assert props == [("x-document", "d.txt"), ("x-paragraph", "34")]


def test_failed_run_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.tmx"

    def pairs():
        yield from real_pairs()
        raise InputError("broken.txt", "not valid UTF-16", 4)

    with pytest.raises(InputError):
        write_tmx(pairs(), target)
    assert list(tmp_path.iterdir()) == []


def test_existing_output_survives_a_failed_run(tmp_path: Path) -> None:
    target = tmp_path / "out.tmx"
    write_tmx(real_pairs(), target)
    before = target.read_bytes()

    def pairs():
        yield Pair("a", "b", "en-GB", "fr-FR")
        raise InputError("broken.txt", "binary file")

    with pytest.raises(InputError):
        write_tmx(pairs(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.tmx"]


def test_writes_a_file_with_a_final_newline(tmp_path: Path) -> None:
    target = tmp_path / "out.tmx"
    counts = write_tmx(real_pairs(), target)
    data = target.read_bytes()
    assert data.endswith(b"</tmx>\n")
    assert counts.units == len(tmxfile(data).units) == len(real_pairs())


def test_fingerprints_grow_and_remember() -> None:
    seen = _Fingerprints()
    values = [hash((f"source {i}", "target")) for i in range(5000)] + [0, -1]
    assert all(seen.add(v) for v in values)
    assert not any(seen.add(v) for v in values)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
        ),
        max_size=8,
    )
)
def test_any_text_round_trips_as_cleaned(texts: list[tuple[str, str]]) -> None:
    pairs = [Pair(s, t, "en-GB", "fr-FR", file="h.txt") for s, t in texts]
    data, counts = write(pairs)
    check_structure(parse(data))
    expected: list[tuple[str, str]] = []
    for s, t in texts:
        unit = (clean_segment(s, counts.repairs), clean_segment(t, counts.repairs))
        if all(unit) and unit not in expected:
            expected.append(unit)
    assert [(u.source, u.target) for u in tmxfile(data).units] == expected
