"""The Python API: gathering inputs, the reader registry, build() and read_units()."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from tmx_export.errors import InputError
from tmx_export.formats.rejects import read_rejects
from tmx_export.formats.text import read_text
from tmx_export.model import Pair, ReadResult
from tmx_export.pipeline import (
    EXTENSIONS,
    READERS,
    ParallelInput,
    build,
    gather_inputs,
    read_units,
    register_reader,
)

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Three numbered pairs, as a dump holds them: the first with mismatched numbers, the third
# with German where English belongs. Only the second may become units.
MIXED_DUMP = (
    "34. Calls on the Commission to propose a cluster policy and cluster networks in the form "
    "of cooperation, particularly in value chains. 35. invite la Commission à proposer une "
    "politique relative aux conglomérats et des réseaux de conglomérats sous la forme d'une "
    "coopération.\n"
    "36. Stresses the importance of establishing transnational clusters in order to integrate "
    "weaker regions. 36. souligne l'importance de la création de conglomérats transnationaux, "
    "en vue d'intégrer des régions plus faibles.\n"
    "37. Der Rat beschließt, dass die Kommission einen Vorschlag für eine Richtlinie über die "
    "Zusammenarbeit vorlegen soll. 37. Le Conseil décide que la Commission doit présenter une "
    "proposition de directive relative à la coopération.\n"
)


def tmx_units(path: Path) -> list[tuple[str, str, str, dict[str, str]]]:
    """(tuid, source, target, props) of each unit, read with plain lxml."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    units = []
    for tu in root.iter("tu"):
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.findall("tuv")}
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        units.append((tu.get("tuid"), segs.get("en-GB"), segs.get("fr-FR"), props))
    return units


def test_seed_builds_two_units_as_omegat_segments_it(tmp_path: Path) -> None:
    out = tmp_path / "seed.tmx"
    summary = build([SEED], out, segment="paragraph")
    assert (summary.pairs_read, summary.units_written, summary.rejected) == (1, 2, 0)
    assert summary.segtype == "paragraph" and summary.files == [str(SEED)]
    assert summary.repairs["fold markers removed"] == 2
    (tuid1, number_en, number_fr, props1), (tuid2, en, fr, props2) = tmx_units(out)
    assert (tuid1, number_en, number_fr) == ("1", "34.", "34.")
    assert tuid2 == "2"
    assert en.startswith("Calls on the Commission") and en.endswith("green action plan for SMEs;")
    assert fr.startswith("invite la Commission") and fr.endswith("plan d'action vert pour les PME;")
    for phrase in ("value chains", "ensuring the know-how transfer"):
        assert phrase in en
    for phrase in ("les centres de recherche", "européenne"):
        assert phrase in fr
    assert "[+++]" not in en + fr
    assert props1 == props2 == {"x-document": str(SEED), "x-paragraph": "34"}
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("segtype") == "paragraph"


# Paragraph 4a of a resolution (inserted by amendment after 4), as the Parliament labels
# it: "4a." in English, "4 bis." in French.
LABELLED_DUMP = (
    "4. Recalls its resolution of 15 January 2014 on reindustrialising Europe to promote "
    "competitiveness and sustainability; 4. rappelle sa résolution du 15 janvier 2014 sur la "
    "réindustrialisation de l'Europe en vue de promouvoir la compétitivité et le "
    "développement durable;\n"
    "4a. Calls for a European strategy for raw materials that secures access to critical "
    "raw materials at fair prices; 4 bis. demande une stratégie européenne pour les "
    "matières premières qui garantisse l'accès aux matières premières critiques à des prix "
    "équitables;\n"
    "5. Instructs its President to forward this resolution to the Council and the "
    "Commission. 5. charge son Président de transmettre la présente résolution au Conseil "
    "et à la Commission.\n")


@pytest.mark.parametrize("segment", ["sentence", "paragraph"])
def test_a_paragraph_labelled_4a_keeps_its_labels_and_is_known_by_them(
        tmp_path: Path, segment: str) -> None:
    # its units said "4." on both sides, or "4. demande ..." French first (the document
    # prints "4 bis. demande ..."), and x-paragraph 4, paragraph 4's number
    dump = tmp_path / "labelled.txt"
    dump.write_text(LABELLED_DUMP, encoding="utf-8")
    out = tmp_path / "out.tmx"
    summary = build([dump], out, segment=segment)
    assert summary.rejected == 0
    units = [(en, fr, props["x-paragraph"]) for _, en, fr, props in tmx_units(out)]
    assert ("4a.", "4 bis.", "4a") in units
    assert [u for u in units if u[2] == "4a"][-1][0].startswith("Calls for a European")
    assert [u[2] for u in units if u[0] == "4."] == ["4"]
    french_first = tmp_path / "fr.tmx"
    build([dump], french_first, segment=segment, source_lang="fr-FR", target_lang="en-GB")
    units = [(fr, en, props["x-paragraph"]) for _, en, fr, props in tmx_units(french_first)]
    assert [u for u in units if u[2] == "4 bis"] == [
        ("4 bis. demande une stratégie européenne pour les matières premières qui garantisse "
         "l'accès aux matières premières critiques à des prix équitables;",
         "4a. Calls for a European strategy for raw materials that secures access to critical "
         "raw materials at fair prices;", "4 bis")]


def test_paragraphs_without_a_number_in_a_numbered_dump_are_known_by_the_one_before(
        tmp_path: Path) -> None:
    # "The European Parliament," and the citations were x-paragraph 1, 2, 3 (their
    # positions), the numbers of the resolution's paragraphs 1, 2 and 3
    dump = tmp_path / "resolution.txt"
    dump.write_text(
        "The European Parliament, Le Parlement européen,\n"
        "– having regard to the Paris Agreement of December 2015 (COP21), – vu l'accord de "
        "Paris de décembre 2015 (COP21),\n"
        "1. Calls on the Commission to support small firms in the regions; 1. invite la "
        "Commission à soutenir les petites entreprises dans les régions;\n"
        "2. Stresses that such a strategy should: 2. souligne qu'une telle stratégie "
        "devrait:\n"
        "(a) strengthen the industrial base of the Union; a) renforcer la base industrielle "
        "de l'Union;\n"
        "(b) promote research and innovation in all regions; b) promouvoir la recherche et "
        "l'innovation dans toutes les régions;\n"
        "3. Instructs its President to forward this resolution to the Council and the "
        "Commission. 3. charge son Président de transmettre la présente résolution au Conseil "
        "et à la Commission.\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    build([dump], out, segment="paragraph")
    units = [(en, props["x-paragraph"]) for _, en, _, props in tmx_units(out)]
    assert units == [
        ("The European Parliament,", "0+1"),
        ("– having regard to the Paris Agreement of December 2015 (COP21),", "0+2"),
        ("1.", "1"), ("Calls on the Commission to support small firms in the regions;", "1"),
        ("2.", "2"), ("Stresses that such a strategy should:", "2"),
        ("(a) strengthen the industrial base of the Union;", "2+1"),
        ("(b) promote research and innovation in all regions;", "2+2"), ("3.", "3"),
        ("Instructs its President to forward this resolution to the Council and the "
         "Commission.", "3")]


def test_seed_at_sentence_level_by_default(tmp_path: Path) -> None:
    out = tmp_path / "seed.tmx"
    summary = build([SEED], out)
    assert summary.segtype == "sentence" and summary.rejected == 0
    units = tmx_units(out)
    # The seed's English paragraph is one sentence after its number: OmegaT makes two
    # segments of it, and the TMX holds exactly those two, aligned 1-1.
    assert [u[1] for u in units][0] == "34."
    assert len(units) == 2 and units[1][1].endswith("green action plan for SMEs;")
    assert units[1][3]["x-align"] == "1-1" and units[1][3]["x-paragraph"] == "34"
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("segtype") == "sentence"


def test_rejects_are_reported_and_counted(tmp_path: Path) -> None:
    dump = tmp_path / "mixed.txt"
    dump.write_text(MIXED_DUMP, encoding="utf-8")
    report = tmp_path / "rejects.tsv"
    summary = build([dump], tmp_path / "out.tmx", rejects_path=report)
    rejects = read_rejects(report)
    assert [r.line for r in rejects] == [1, 3]
    assert all(r.file == str(dump) for r in rejects)
    assert rejects[0].text.startswith("34. Calls on the Commission")
    assert summary.rejected == 2 and sum(summary.rejects.values()) == 2
    # the report's reason is the counted one, and after it what sets the reject apart
    assert "paragraph number mismatch: 34 vs 35" in {r.reason for r in rejects}
    assert all(any(r.reason.startswith(counted) for counted in summary.rejects)
               for r in rejects)
    assert summary.pairs_read == 1
    texts = [u[1] for u in tmx_units(tmp_path / "out.tmx")]
    assert texts[0] == "36." and texts[1].startswith("Stresses the importance")


def test_duplicates_written_once_unless_kept(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    summary = build([SEED, copy], tmp_path / "a.tmx")
    assert (summary.pairs_read, summary.units_written, summary.duplicates_skipped) == (2, 2, 2)
    summary = build([SEED, copy], tmp_path / "b.tmx", dedupe="none")
    assert (summary.units_written, summary.duplicates_skipped) == (4, 0)
    assert [u[0] for u in tmx_units(tmp_path / "b.tmx")] == ["1", "2", "3", "4"]


def test_read_units_carry_the_tuids_of_the_tmx(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(MIXED_DUMP, encoding="utf-8")
    inputs = [SEED, mixed, SEED]
    build(inputs, tmp_path / "out.tmx")
    units, rejects = read_units(inputs)
    written = [(tuid, en, fr) for tuid, en, fr, _ in tmx_units(tmp_path / "out.tmx")]
    assert [(u.tuid, u.source, u.target) for u in units] == written
    assert len(written) == 4
    # the mixed dump's two unpairable paragraphs, and the second SEED's two units again
    reasons = [r.reason for r in rejects]
    assert len(reasons) == 4 and reasons[2:] == ["duplicate", "duplicate"]


def test_read_units_without_segmenting_gives_the_pairs_as_read() -> None:
    units, rejects = read_units([SEED], segment=None)
    assert len(units) == 1 and rejects == []
    assert units[0].number == 34 and units[0].source.startswith("Calls on the Commission")


def test_one_input_named_alone_is_read_as_that_input(tmp_path: Path) -> None:
    """A script naming one file or folder, ``build("samples/", "memory.tmx")``, had each
    character of the name taken for an input ("s: no such file or directory"), and a
    ``Path`` was "not iterable": it is the one input now, as in a list. A bad output
    format of ``export_pairs`` is a ValueError, as a bad option is (it was a KeyError)."""
    from tmx_export.check.run import CheckOptions, check
    from tmx_export.pipeline import export_pairs

    expected = [(u.tuid, u.source, u.target) for u in read_units([SEED])[0]]
    for alone in (str(SEED), SEED, str(SEED.parent / "europarl")):
        units, _ = read_units(alone)
        if alone == str(SEED.parent / "europarl"):
            assert {u.file for u in units} >= {str(DATA / "europarl" / "ep-00-01-21.en.txt")}
        else:
            assert [(u.tuid, u.source, u.target) for u in units] == expected
    assert build(str(SEED), tmp_path / "seed.tmx").units_written == len(expected)
    assert check(SEED, CheckOptions(jobs=1), lambda finding: None).units == len(expected)
    export_pairs(SEED, tmp_path / "pairs.jsonl")
    assert len((tmp_path / "pairs.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    with pytest.raises(ValueError, match="unknown output format 'xml'; expected one of "
                                         "jsonl, tsv"):
        export_pairs([SEED], tmp_path / "pairs.xml", output_format="xml")


def test_two_builds_at_once_in_two_threads_each_put_their_memory_in_place(
        tmp_path: Path) -> None:
    """A web service building two uploads at once: the open outputs were one list for the
    process, so the build that ended first handed its TMX to the other thread's, returned
    before its file was there, and lost it when the other failed. Each thread's outputs
    are its own now."""
    import threading

    reading, failing = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def held(name: str, size: int) -> None:  # the other build, stopped mid-run, then failing
        reading.set()
        failing.wait(30)
        raise InputError(name, "the upload was cut short")

    def other() -> None:
        try:
            build([DATA / "europarl"], tmp_path / "other.tmx", progress=held)
        except InputError as exc:
            failed.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert reading.wait(30)
        summary = build([SEED], tmp_path / "seed.tmx")
        assert (tmp_path / "seed.tmx").exists() and summary.units_written == 2
    finally:
        failing.set()
        thread.join(30)
    assert failed and not (tmp_path / "other.tmx").exists()
    assert len(tmx_units(tmp_path / "seed.tmx")) == 2


def test_a_new_standard_input_replaces_the_copy_of_the_one_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A service handing each upload to ``read_units(["-"])`` as its standard input kept a
    private copy of every upload in the temporary directory until it exited (three uploads
    of the seed dump, three copies): a new standard input's copy replaces the one before."""
    import io
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    upload = SEED.read_bytes()
    for _ in range(3):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(upload), encoding="utf-8"))
        units, _rejects = read_units(["-"])
        assert len(units) == 2
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("tmx-export-stdin-")]) == 1


def test_terms_and_a_multilingual_build_take_one_input_named_alone(tmp_path: Path) -> None:
    """``terms("minutes.txt", options)`` and ``build_multilingual("memory.tmx", ...)`` read
    the characters of the name as inputs, as ``build`` did: one input named alone is that
    input (the DGT-TM memory in three of its languages here)."""
    from tmx_export.model import MultilingualOptions, TermsOptions
    from tmx_export.multilingual import build_multilingual
    from tmx_export.terms.run import terms

    found = [(p.source_term, p.target_term) for p in terms(str(SEED), TermsOptions())]
    assert found == [(p.source_term, p.target_term) for p in terms([SEED], TermsOptions())]
    assert ("cluster", "conglomérat") in found
    memory = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"
    summary = build_multilingual(memory, tmp_path / "three.tmx",
                                 MultilingualOptions(langs=("en-GB", "fr-FR", "de-DE")))
    assert summary.units_written == 19


def test_options_given_as_lists_are_the_frozen_fields_they_are(tmp_path: Path) -> None:
    """A script passes lists: a glossary's rows as ``csv`` reads them, the checks to run.
    ``BuildOptions(glossary=rows)`` was "unhashable type: 'list'" deep in the build (the
    keyword ``glossary=`` was made a tuple, the dataclass field not),
    ``CheckOptions(checks=["spacing"])`` "unsupported operand type(s) for &", and
    ``CheckOptions(accept=Path(...))`` "Value after * must be an iterable". Each is the
    tuple or frozen set its field is, so the options hash and compare."""
    import csv

    from tmx_export.check.run import CheckOptions, check
    from tmx_export.model import BuildOptions, CleanOptions

    with (DATA / "check_glossary_en_fr.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if not row[0].startswith("#")]
    rows = [*rows[1:], ["cluster", "conglomérat"]]
    as_lists = BuildOptions(glossary=rows, claimed_langs=["en-GB", "fr-FR"],
                            rejects_path=tmp_path / "rejects.tsv")
    as_tuples = BuildOptions(glossary=tuple(map(tuple, rows)), claimed_langs=("en-GB", "fr-FR"),
                             rejects_path=str(tmp_path / "rejects.tsv"))
    assert as_lists == as_tuples and hash(as_lists) == hash(as_tuples)
    summary = build([SEED], tmp_path / "seed.tmx", as_lists)
    assert summary.units_written == 2 and summary.rejects_path == str(tmp_path / "rejects.tsv")
    assert CleanOptions(rules=["length-ratio"]) == CleanOptions(rules=frozenset({"length-ratio"}))
    options = CheckOptions(checks=["spacing", "punctuation"], accept=tmp_path / "none.tsv",
                           jobs=1)
    assert options.checks == frozenset({"spacing", "punctuation"})
    assert options.accept == (str(tmp_path / "none.tsv"),) and hash(options)
    assert check([SEED], CheckOptions(checks=["spacing"], jobs=1), lambda f: None).units == 2


def test_unknown_segment_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="segment mode"):
        build([SEED], tmp_path / "out.tmx", segment="word")
    assert list(tmp_path.iterdir()) == []


def test_gather_inputs_finds_text_files_below_directories_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a/notes.md", ".hidden/x.txt", "a/.x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = gather_inputs([tmp_path, "-"])
    assert found == [str(tmp_path / n) for n in ("a/b/c.txt", "a/z.txt", "b.txt")] + ["-"]


def missing_file(directory: Path) -> Path:
    return directory / "missing.txt"


def directory_without_text(directory: Path) -> Path:
    (directory / "docs").mkdir()
    (directory / "docs" / "notes.md").write_text("no dump here", encoding="utf-8")
    return directory / "docs"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (missing_file, "missing.txt: no such file or directory"),
        (directory_without_text, r"docs: directory holds no input file \(\*\.txt, \*\.tmx"),
    ],
)
def test_gather_inputs_refuses_what_cannot_be_read(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(InputError, match=message):
        gather_inputs([SEED, make(tmp_path)])
    with pytest.raises(InputError, match="more than once"):
        gather_inputs(["-", "-"])
    with pytest.raises(InputError, match="no input"):
        gather_inputs([])


def test_registered_reader_joins_by_name_and_extension(tmp_path: Path) -> None:
    def read_lines(path: str, *, source_lang: str, target_lang: str) -> ReadResult:
        """One pair per line, the two sides separated by ' = ' (a reader made for the test)."""
        result = ReadResult()
        for number, line in enumerate(read_text(path).splitlines(), 1):
            source, _, target = line.partition(" = ")
            result.pairs.append(Pair(source, target, source_lang, target_lang, None, path, number))
        return result

    glossary = tmp_path / "terms.eq"
    glossary.write_text("value chain = chaîne de valeur\ncluster = \n", encoding="utf-8")
    register_reader("equals", read_lines, [".eq"])
    try:
        report = tmp_path / "rejects.tsv"
        summary = build([glossary], tmp_path / "out.tmx", rejects_path=report,
                        segment="paragraph")
        by_name = build([glossary], tmp_path / "n.tmx", input_format="equals",
                        segment="paragraph")
    finally:
        del READERS["equals"], EXTENSIONS[".eq"]
    assert summary.units_written == by_name.units_written == 1
    assert tmx_units(tmp_path / "out.tmx")[0][1:3] == ("value chain", "chaîne de valeur")
    # a unit with an empty side never reaches the TMX, and is not dropped silently
    (reject,) = read_rejects(report)
    assert (reject.line, reject.reason) == (2, "empty-side")
    with pytest.raises(InputError, match="unknown input format 'equals'"):
        build([glossary], tmp_path / "x.tmx", input_format="equals")


def test_progress_hears_of_every_file(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    heard: list[tuple[str, int]] = []
    build([SEED, copy], tmp_path / "out.tmx", progress=lambda *event: heard.append(event))
    size = SEED.stat().st_size
    assert heard == [(str(SEED), size), (str(copy), size)]


def test_failed_build_leaves_neither_tmx_nor_report(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, report = tmp_path / "out" / "o.tmx", tmp_path / "out" / "r.tsv"
    out.parent.mkdir()
    with pytest.raises(InputError, match="empty.txt: file is empty"):
        build([SEED, empty], out, rejects_path=report)
    assert list(out.parent.iterdir()) == []


# --- segtype: the header's when it is true of a unit, else the unit's own --------------------

EUROPARL = ParallelInput(str(DATA / "europarl" / "ep-00-01-17-excerpt.en.txt"),
                         str(DATA / "europarl" / "ep-00-01-17-excerpt.fr.txt"))


def tu_segtypes(path: Path) -> tuple[str, list[tuple[str | None, dict[str, str]]]]:
    """The header's segtype, and each unit's own segtype (None: none) with its props."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    units = [(tu.get("segtype"), {p.get("type"): p.text for p in tu.findall("prop")})
             for tu in root.iter("tu")]
    return root.find("header").get("segtype"), units


def _several_sentences_paragraphs(tmp_path: Path) -> tuple[Path, list[Pair]]:
    """A paragraph-level TMX of the Europarl excerpt, and its units of several sentences."""
    paragraphs = tmp_path / "paragraphs.tmx"
    build([EUROPARL], paragraphs, segment="paragraph")
    units, _ = read_units([paragraphs], segment=None)
    return paragraphs, [u for u in units if u.source.count(". ") >= 1 and len(u.source) > 80]


def test_paragraph_units_mixed_with_sentences_make_the_header_paragraph(tmp_path: Path) -> None:
    paragraphs, _ = _several_sentences_paragraphs(tmp_path)
    out = tmp_path / "mixed.tmx"
    summary = build([paragraphs, SEED], out)
    header, units = tu_segtypes(out)
    # OmegaT re-segments only the units of a paragraph file: the header must say it, and
    # the seed's sentence units say what they are themselves
    assert summary.segtype == header == "paragraph"
    # (the paragraph memory's units name the Europarl file they were read from)
    from_paragraphs = [kind for kind, props in units if props["x-document"] != str(SEED)]
    from_seed = [kind for kind, props in units if props["x-document"] == str(SEED)]
    assert from_paragraphs and set(from_paragraphs) == {None}
    assert from_seed and set(from_seed) == {"sentence"}


def test_beads_of_several_sentences_say_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "europarl.tmx"
    build([EUROPARL], out)
    header, units = tu_segtypes(out)
    assert header == "sentence"
    joined = [props["x-align"] for kind, props in units if kind == "paragraph"]
    assert "2-1" in joined and "1-2" in joined
    for kind, props in units:
        bead = props["x-align"].rsplit(">", 1)[-1]
        several = "/" not in bead and bead != "1-1"
        assert kind == ("paragraph" if several else None), props


def _xliff(path: Path, pairs: list[tuple[str, str]]) -> Path:
    units = "".join(f'<trans-unit id="{i}"><source>{s}</source><target>{t}</target>'
                    "</trans-unit>" for i, (s, t) in enumerate(pairs, 1))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    '<file original="doc.html" source-language="en-GB" target-language="fr-FR" '
                    f'datatype="html"><body>{units}</body></file></xliff>', encoding="utf-8")
    return path


def test_unsegmented_xliff_units_say_paragraph(tmp_path: Path) -> None:
    _, several = _several_sentences_paragraphs(tmp_path)
    one = next(u for u in read_units([SEED])[0] if u.source.startswith("Calls on"))
    xliff = _xliff(tmp_path / "doc.xlf",
                   [(several[0].source, several[0].target), (one.source, one.target)])
    generic, omegat = tmp_path / "generic.tmx", tmp_path / "omegat.tmx"
    build([xliff], generic)
    assert tu_segtypes(generic)[0] == "sentence"
    assert [kind for kind, _ in tu_segtypes(generic)[1]] == ["paragraph", None]
    # for OmegaT the header says paragraph (it reads no tu's segtype): the paragraph is
    # re-segmented, the sentence used whole
    build([xliff], omegat, profile="omegat")
    assert tu_segtypes(omegat)[0] == "paragraph"
    assert [kind for kind, _ in tu_segtypes(omegat)[1]] == [None, "sentence"]


def test_a_memory_rebuilt_keeps_the_document_its_units_came_from(tmp_path: Path) -> None:
    """A memory built from the Europarl sessions, built again (cleaned, re-segmented): its
    units said x-document "memory.tmx" beside the x-paragraph of the session they were read
    from, a paragraph number of another file. They keep the session's name now."""
    sessions = [DATA / "europarl" / f"ep-00-01-21.{lang}.txt" for lang in ("en", "fr")]
    first = tmp_path / "memory.tmx"
    build(sessions, first)
    again = tmp_path / "again.tmx"
    build([first], again)
    before = {(en, fr): props for _, en, fr, props in tmx_units(first)}
    after = tmx_units(again)
    assert len(after) >= len(before) - 5
    for _, en, fr, props in after:
        if (en, fr) in before:
            assert props["x-document"] == before[en, fr]["x-document"] == str(sessions[0])
            assert props["x-paragraph"] == before[en, fr]["x-paragraph"]
