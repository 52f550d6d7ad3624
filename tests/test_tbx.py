"""TBX output (2019 TBX-Basic DCA and 2008 martif) and TBX/TSV glossaries read back."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tmx_export.errors import InputError
from tmx_export.model import Pair
from tmx_export.terms import extract_terms
from tmx_export.terms.glossary import read_glossary
from tmx_export.terms.tbx import read_tbx, write_tbx
from tmx_export.tools import validate

DATA = Path(__file__).parent / "data"
NS = "urn:iso:std:iso:30042:ed-2"
T = f"{{{NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# What the TBX-Basic DCA Schematron allows (data category per element, picklist values).
DCA_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage",
                 "grammaticalGender", "termLocation", "termType"},
    "transac": {"transactionType"},
}
ADMIN_STATUS = {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
                "preferredTerm-admn-sts"}
POS = {"adjective", "noun", "other", "verb", "adverb"}
AUX = {"admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"}


@pytest.fixture(scope="module")
def seed_terms():
    with (DATA / "terms_seed_pair.tsv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle, delimiter="\t"))
    pair = Pair(row["source"], row["target"], "en-GB", "fr-FR", file="ep-34.txt",
                tuid="1")
    found = extract_terms([pair])
    found[0].status = "approved"
    found[0].status_date = "2026-01-02T03:04:05Z"
    found[2].status = "rejected"
    found[3].status = "forbidden"
    return found


def _local(element) -> str:
    return etree.QName(element).localname


def check_tbx_basic_dca(root) -> None:
    """The structure rules of the TBX core RNG and the TBX-Basic DCA Schematron we rely on."""
    assert root.tag == T + "tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    assert root.get(XML_LANG)
    assert [_local(c) for c in root] == ["tbxHeader", "text"]
    for element in root.iter(etree.Element):
        assert etree.QName(element).namespace == NS, element.tag  # DCA: one namespace
        allowed = DCA_TYPES.get(_local(element))
        if allowed is not None:
            assert element.get("type") in allowed, etree.tostring(element)
    entries = root.findall(f"{T}text/{T}body/{T}conceptEntry")
    assert entries
    ids = [e.get("id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        children = [_local(c) for c in entry]
        first_lang = children.index("langSec")
        assert set(children[:first_lang]) <= AUX and set(children[first_lang:]) == {"langSec"}
        for lang_sec in entry.findall(T + "langSec"):
            assert lang_sec.get(XML_LANG)
            for term_sec in lang_sec:
                assert _local(term_sec) == "termSec"
                kids = [_local(c) for c in term_sec]
                assert kids[0] == "term" and term_sec[0].text.strip()
                notes_end = next((i for i, k in enumerate(kids[1:], 1) if k != "termNote"),
                                 len(kids))
                assert set(kids[notes_end:]) <= AUX  # termNotes before auxiliary info
        for note in entry.iter(T + "termNote"):
            if note.get("type") == "administrativeStatus":
                assert note.text in ADMIN_STATUS
            if note.get("type") == "partOfSpeech":
                assert note.text in POS
        for descrip in entry.iter(T + "descrip"):
            if descrip.get("type") == "context":
                assert _local(descrip.getparent()) == "termSec"
        for transac in entry.iter(T + "transac"):
            assert transac.text in ("origination", "modification")


def test_tbx_v3_is_tbx_basic_dca(tmp_path, seed_terms):
    path = tmp_path / "out.tbx"
    assert write_tbx(seed_terms, path, version=3) == len(seed_terms) - 1  # rejected left out
    root = etree.parse(str(path)).getroot()
    check_tbx_basic_dca(root)
    first = root.find(f"{T}text/{T}body/{T}conceptEntry")
    terms = [t.text for t in first.iter(T + "term")]
    assert terms == ["cluster", "conglomérat"]
    statuses = {n.text for n in first.iter(T + "termNote") if n.get("type") ==
                "administrativeStatus"}
    assert statuses == {"preferredTerm-admn-sts"}
    assert first.find(f"{T}transacGrp/{T}date").text == "2026-01-02"
    assert "Occurrences: 6" in first.find(T + "note").text
    assert first.find(T + "admin").text == "ep-34.txt"
    contexts = [d.text for d in first.iter(T + "descrip")]
    assert "cluster policy" in contexts[0] and "conglomérats" in contexts[1]
    variants = [n.text for n in first.iter(T + "note") if n.text.startswith("Variants")]
    assert variants[0] == "Variants: clusters (4), cluster (2)"
    texts = etree.tostring(root, encoding="unicode")
    assert "deprecatedTerm-admn-sts" in texts  # forbidden pair kept, marked


def test_tbx_v2_read_by_translate_toolkit(tmp_path, seed_terms):
    from translate.storage.tbx import tbxfile

    path = tmp_path / "out.tbx"
    write_tbx(seed_terms, path, version=2)
    store = tbxfile.parsefile(str(path))
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs[:2] == [("cluster", "conglomérat"), ("value chain", "chaîne de valeur")]
    assert len(pairs) == len(seed_terms) - 1


def test_read_tbx_both_versions_round_trip(tmp_path, seed_terms):
    for version in (2, 3):
        path = tmp_path / f"v{version}.tbx"
        write_tbx(seed_terms, path, version=version)
        left_out: Counter[str] = Counter()
        entries = read_tbx(path, "en", "fr-CA", left_out)  # primary subtags match
        got = [(e.source, e.target) for e in entries]
        # rejected pairs are not written, forbidden and proposed ones are not read as
        # glossary pairs (a guess nobody reviewed must not steer the pairing)
        expected = [(p.source_term, p.target_term) for p in seed_terms
                    if p.status not in ("rejected", "forbidden", "proposed")]
        assert got == expected
        assert entries[0].status == "approved"
        proposed = sum(p.status == "proposed" for p in seed_terms)
        forbidden = sum(p.status == "forbidden" for p in seed_terms)
        assert proposed and left_out == {"proposed": proposed, "forbidden": forbidden}
        assert [(e.source, e.target) for e in read_glossary(path, "en", "fr")] == expected


@pytest.mark.parametrize("version", [2, 3])
def test_read_tbx_of_proposed_pairs_only_is_refused_saying_why(tmp_path, seed_terms, version):
    path = tmp_path / "proposed.tbx"
    proposed = [p for p in seed_terms if p.status == "proposed"]
    write_tbx(proposed, path, version=version)
    with pytest.raises(InputError, match=rf"no reviewed term pair: the {len(proposed)} en -> "
                                         r"fr pairs are proposed, not reviewed"):
        read_glossary(path, "en", "fr")


@pytest.mark.parametrize("version", [2, 3])
def test_written_tbx_passes_validate(tmp_path, seed_terms, version):
    # approved, forbidden and proposed pairs: every administrative status written
    path = tmp_path / f"v{version}.tbx"
    write_tbx(seed_terms, path, version=version)
    assert validate([path]) == []


def test_read_tbx_refuses_other_xml_and_entities(tmp_path):
    bad = tmp_path / "x.tbx"
    bad.write_text("<tmx version='1.4'/>")
    with pytest.raises(InputError, match="not TBX"):
        read_tbx(bad, "en", "fr")
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM '
                    '"file:///etc/passwd">]><martif type="TBX"><text><body><termEntry>'
                    '<langSet xml:lang="en"><tig><term>&x;</term></tig></langSet>'
                    '<langSet xml:lang="fr"><tig><term>b</term></tig></langSet>'
                    '</termEntry></body></text></martif>')
    with pytest.raises(InputError, match="declares entities"):  # refused, never expanded
        read_tbx(bomb, "en", "fr")
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><text>")
    with pytest.raises(InputError, match="broken.tbx"):
        read_tbx(broken, "en", "fr")


def test_read_glossary_tsv_csv_with_and_without_header(tmp_path):
    tsv = tmp_path / "g.tsv"
    tsv.write_text("fr\ten\tcomment\nconglomérat\tcluster\tIATE\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(tsv, "en-GB", "fr-FR")] == [
        ("cluster", "conglomérat")]
    plain = tmp_path / "g.csv"
    plain.write_text("value chain,chaîne de valeur\ncluster,conglomérat\n", encoding="utf-8")
    assert len(read_glossary(plain)) == 2
    short = tmp_path / "short.csv"
    short.write_text("source,target\ncluster\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2:"):
        read_glossary(short)


# Terms of the DGT-TM Central Arctic Ocean fisheries agreement, with their German.
_ARCTIC_TERMS = [("fishing vessel", "Fischereifahrzeug", "navire de pêche"),
                 ("high seas", "Hohe See", "haute mer"),
                 ("Contracting Party", "Vertragspartei", "Partie contractante")]


@pytest.mark.parametrize("header", [["English", "German", "French"],
                                    ["English", "POS", "French"],
                                    ["ID", "English (United Kingdom)", "French (France)"]])
def test_read_glossary_columns_named_by_language_names(tmp_path, header):
    """Spreadsheets head a glossary's columns with the languages' names: read without
    them, the second column was taken for the French terms (the German ones, the parts of
    speech, the English ones after an ID column), and `check` reported each missing."""
    path = tmp_path / "glossary.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for number, (en, de, fr) in enumerate(_ARCTIC_TERMS, 1):
            middle = {"German": de, "POS": "noun"}.get(header[1], en)
            writer.writerow([number, middle, fr] if header[0] == "ID" else [en, middle, fr])
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (en, fr) for en, _de, fr in _ARCTIC_TERMS]


def test_read_glossary_of_named_languages_not_the_pair_is_refused(tmp_path):
    path = tmp_path / "en_de.csv"
    path.write_text("English;German\n" + "".join(f"{en};{de}\n" for en, de, _ in _ARCTIC_TERMS),
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"en_de\.csv:1: the glossary is for en -> de, not "
                                         r"en-GB -> fr-FR"):
        read_glossary(path, "en-GB", "fr-FR")
    # two columns of French: neither is taken for the other
    twice = tmp_path / "twice.csv"
    twice.write_text("en,fr-BE,fr-CH\nhigh seas,haute mer,haute mer (CH)\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"twice\.csv:1: 2 columns could be fr-FR "
                                         r"\(fr-BE, fr-CH\)"):
        read_glossary(twice, "en-GB", "fr-FR")
    assert [(e.source, e.target) for e in read_glossary(twice, "en-GB", "fr-CH")] == [
        ("high seas", "haute mer (CH)")]


def test_read_glossary_with_comment_lines_above_the_table():
    """The project's own glossary (tests/data/check_glossary_en_fr.tsv) opens with "#"
    lines saying where its pairs come from, then a header: as `--glossary` it was refused
    ("line 1: expected a source term and a target term")."""
    path = Path(__file__).parent / "data" / "check_glossary_en_fr.tsv"
    entries = read_glossary(path, "en-GB", "fr-FR")
    table = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")][1:]
    assert [(e.source, e.target) for e in entries] == [(s, t) for s, t, *_ in table]
    assert entries[0].source == "Structural Fund"


def _statuses(entry, ns: str = "") -> list[str | None]:
    """The administrative status of each language's term of an entry (None: none)."""
    out = []
    for lang_sec in entry:
        if _local(lang_sec) not in ("langSec", "langSet"):
            continue
        notes = [n.text for n in lang_sec.iter(ns + "termNote")
                 if n.get("type") == "administrativeStatus"]
        out.append(notes[0] if notes else None)
    return out


@pytest.mark.parametrize("version", [2, 3])
def test_review_statuses_become_the_right_administrative_statuses(tmp_path, seed_terms,
                                                                   version):
    path = tmp_path / f"v{version}.tbx"
    written = [p for p in seed_terms if p.status != "rejected"]
    write_tbx(seed_terms, path, version=version)
    ns = T if version == 3 else ""
    entries = list(etree.parse(str(path)).getroot().iter(
        ns + ("conceptEntry" if version == 3 else "termEntry")))
    assert len(entries) == len(written)
    for pair, entry in zip(written, entries, strict=True):
        expected = {"approved": ["preferredTerm-admn-sts"] * 2,
                    "forbidden": [None, "deprecatedTerm-admn-sts"],  # the target only
                    "proposed": [None, None]}[pair.status]  # nobody admitted it
        assert _statuses(entry, ns) == expected, pair.status
        notes = [n.text for n in entry if _local(n) == "note"]
        if version == 2:
            # the glossary comment a CAT tool shows: short, no scores
            assert not any("Dice" in n or "log-likelihood" in n for n in notes)
            assert ("proposed (not reviewed)" in notes) == (pair.status == "proposed")
            # a forbidden rendering says so where a CAT tool shows it (its comment)
            assert ("forbidden: do not use this translation" in notes) == \
                (pair.status == "forbidden")
        else:
            assert any(n.startswith("Occurrences:") for n in notes)


def test_the_default_tbx_loads_in_translate_toolkit(tmp_path) -> None:
    from click.testing import CliRunner
    from translate.storage.tbx import tbxfile

    from tmx_export.cli import main

    path = tmp_path / "terms.tbx"
    seed = DATA / "ep-industrial-policy-34.txt"
    result = CliRunner().invoke(main, ["terms", str(seed), "--tbx", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(path)).getroot().tag == "martif"
    pairs = [(u.source, u.target) for u in tbxfile.parsefile(str(path)).units]
    assert pairs[:2] == [("cluster", "conglomérat"), ("value chain", "chaîne de valeur")]


@pytest.mark.parametrize("version", [2, 3])
def test_entry_ids_follow_the_pair_not_its_rank(tmp_path, seed_terms, version):
    # a second run that ranks the same pairs differently (more text, a reviewed status)
    # gives each pair the id it had: a termbase updating entries by id, or a diff of the two
    # files, sees the same concepts; ids stay unique and valid XML names
    def ids(pairs, name):
        write_tbx(pairs, tmp_path / name, version=version)
        root = etree.parse(str(tmp_path / name)).getroot()
        return {tuple(t.text for t in entry.iter("{*}term")): entry.get("id")
                for entry in root.iter("{*}conceptEntry", "{*}termEntry")}

    first = ids(seed_terms, "first.tbx")
    again = ids(list(reversed(seed_terms)), "again.tbx")
    assert first == again
    assert len(set(first.values())) == len(first) >= 3
    assert all(re.fullmatch(r"c[0-9a-f]{10}", i) for i in first.values())
    # the same keys twice in one file (two termbases written together) still get two ids
    twice = ids([seed_terms[0], seed_terms[0]], "twice.tbx")
    assert len(twice) == 1  # both entries hold the same terms: one key of the dict
    root = etree.parse(str(tmp_path / "twice.tbx")).getroot()
    both = [e.get("id") for e in root.iter("{*}conceptEntry", "{*}termEntry")]
    assert both[1] == both[0] + "-2"


# Renderings deprecated as TBX-Basic 2019 in DCT style writes it (an element of the TBX-Basic
# namespace) and as TBX-Default 2008 does (normativeAuthorization, no "-admn-sts").
DEPRECATED_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>EP terms</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>Member State</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>État membre</term>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
        </termSec>
        <termSec><term>pays membre</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>value chain</term></termSec></langSec>
      <langSec xml:lang="fr">
        <termSec><term>chaîne de valeur</term></termSec>
        <termSec><term>filière</term>
          <basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""
DEPRECATED_DEFAULT_2008 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Default" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>EP terms</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en"><tig><term>Member State</term></tig></langSet>
      <langSet xml:lang="fr">
        <tig><term>État membre</term>
          <termNote type="normativeAuthorization">preferredTerm</termNote></tig>
        <tig><term>pays membre</term>
          <termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="en"><tig><term>value chain</term></tig></langSet>
      <langSet xml:lang="fr">
        <tig><term>chaîne de valeur</term></tig>
        <tig><term>filière</term>
          <termNote type="normativeAuthorization">supersededTerm</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


@pytest.mark.parametrize("text", [DEPRECATED_DCT, DEPRECATED_DEFAULT_2008],
                         ids=["2019-dct", "2008-default"])
def test_a_deprecated_rendering_is_no_glossary_pair_in_any_tbx_style(tmp_path, text):
    """`check` read these renderings as forbidden, while `terms --glossary` and `build
    --glossary` read them as pairs to record and link first: "pays membre" anchored as the
    translation of "Member State"."""
    from tmx_export.check.terms import load_terms

    path = tmp_path / "glossary.tbx"
    path.write_text(text, encoding="utf-8")
    entries = read_glossary(path, "en-GB", "fr-FR")
    assert [(e.source, e.target) for e in entries] == [
        ("Member State", "État membre"), ("value chain", "chaîne de valeur")]
    assert [e.status for e in entries] == ["approved", None]
    # what the check forbids is exactly what the glossary left out
    checked = load_terms(path, "en-GB", "fr-FR")
    assert [(e.source, e.targets, e.forbidden) for e in checked] == [
        ("Member State", ("État membre",), ("pays membre",)),
        ("value chain", ("chaîne de valeur",), ("filière",))]


@pytest.mark.parametrize("command", ["terms", "build"])
def test_a_tbx_glossary_of_other_languages_is_refused_not_ignored(tmp_path, command):
    """LTAC's astronomy termbase (EN/ES/ZU) given to an EN-FR run: the glossary gave no
    pair and the run went on as if it had one (`check` refused it)."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    glossary = DATA / "tbx" / "Example_Astronomy_DCA_VALID.tbx"
    output = tmp_path / ("out.csv" if command == "terms" else "out.tmx")
    args = [command, str(DATA / "terms_seed_dump.txt"), "--glossary", str(glossary), "-j", "1"]
    args += ["--csv", str(output)] if command == "terms" else ["-o", str(output)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        f"tmx-export: error: {glossary}: no term pairs for en-GB -> fr-FR (languages in the "
        "file: en, es, zu)"]
    assert not output.exists()
    # the same file read for its own languages is a glossary
    assert read_glossary(glossary, "en-US", "es-ES")


def test_a_tbx_glossary_of_forbidden_renderings_only_is_refused(tmp_path, seed_terms):
    path = tmp_path / "forbidden.tbx"
    write_tbx([p for p in seed_terms if p.status == "forbidden"], path, version=2)
    with pytest.raises(InputError, match="no term pair to use: the 1 en-GB -> fr-FR pair is "
                                         r"forbidden \(deprecated\)"):
        read_glossary(path, "en-GB", "fr-FR")


def test_a_review_workbook_given_as_a_glossary_is_refused_saying_what_to_do(tmp_path,
                                                                            seed_terms):
    """The terminologist's review file given to --glossary was refused as "binary file
    (NUL bytes), not text", which said nothing of what to give instead. Now that a
    workbook may be a glossary, the review file is still refused: a blank status there
    means "unchanged", which only its termbase knows."""
    from tmx_export.check.terms import load_terms
    from tmx_export.terms.review import write_review

    review = tmp_path / "review.xlsx"
    write_review(seed_terms, review)
    message = (f"{review}: a review file (`terms --review`), not a glossary: record its "
               "decisions with `terms apply` and give the termbase, or its `terms --csv` or "
               "`--tbx` export")
    for read in (read_glossary, load_terms):
        with pytest.raises(InputError) as info:
            read(review, "en-GB", "fr-FR")
        assert str(info.value) == message


def test_read_glossary_with_a_title_row_above_the_header(tmp_path):
    """A spreadsheet's glossary opens with its title in the first cell (as tables may): the
    glossary was refused at line 1 ("expected a source term and a target term")."""
    path = tmp_path / "arctic.csv"
    path.write_text("Central Arctic Ocean fisheries,,\n2019-03-15,,\n\nEnglish,German,French\n"
                    + "".join(f"{en},{de},{fr}\n" for en, de, fr in _ARCTIC_TERMS),
                    encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (en, fr) for en, _de, fr in _ARCTIC_TERMS]
    # without a header below it, a row of one cell is still no term pair
    headless = tmp_path / "headless.csv"
    headless.write_text("high seas\nfishing vessel,navire de pêche\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"headless\.csv:1: expected a source term and a "
                                         r"target term"):
        read_glossary(headless, "en-GB", "fr-FR")


def test_read_glossary_error_names_the_line_after_cells_over_several_lines(tmp_path):
    # definitions over several lines (quoted cells) made the error name the row's number,
    # line 4 here, where a spreadsheet's user looks for the row on line 7
    path = tmp_path / "definitions.csv"
    path.write_text('en,fr,Definition\nhigh seas,haute mer,"waters beyond\nnational '
                    'jurisdiction"\nfishing vessel,navire de pêche,"any vessel\nused\nfor '
                    'fishing"\nContracting Party,,a party to the agreement\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"definitions\.csv:7: expected a source term"):
        read_glossary(path, "en-GB", "fr-FR")


def test_a_glossary_delimiter_is_chosen_over_its_lines_not_the_title(tmp_path):
    """The delimiter was the first line's: a title holding a comma above a table of
    semicolons refused the glossary ("expected a source term and a target term", line 2)."""
    path = tmp_path / "arctic.csv"
    path.write_text("Central Arctic Ocean fisheries, 2019\nEnglish;French\n"
                    + "".join(f"{en};{fr}\n" for en, _de, fr in _ARCTIC_TERMS),
                    encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (en, fr) for en, _de, fr in _ARCTIC_TERMS]
    # a comma table whose cells keep synonyms apart with semicolons stays a comma table
    synonyms = tmp_path / "synonyms.csv"
    synonyms.write_text("# Arctic fisheries, approved 2019; reviewed 2020\nen,fr\n"
                        "fishing vessel; fishing boat,navire de pêche\n"
                        "high seas,haute mer; eaux internationales\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(synonyms, "en-GB", "fr-FR")] == [
        ("fishing vessel", "navire de pêche"), ("fishing boat", "navire de pêche"),
        ("high seas", "haute mer"), ("high seas", "eaux internationales")]


def test_a_tsv_glossary_reads_its_quotes_as_a_table_does(tmp_path):
    """Read as strict CSV, a TSV glossary lost the quotes of `"Green Deal" measures`, and
    a quote never closed swallowed every row after it into one cell."""
    path = tmp_path / "green.tsv"
    path.write_text('en\tfr\n"Green Deal" measures\tmesures du pacte vert\n'
                    '"value chain\tchaîne de valeur\nhigh seas\thaute mer\n'
                    '"fishing vessel; fishing boat"\t"navire de pêche"\n', encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        ('"Green Deal" measures', "mesures du pacte vert"), ('"value chain', "chaîne de valeur"),
        ("high seas", "haute mer"), ("fishing vessel", "navire de pêche"),
        ("fishing boat", "navire de pêche")]


def _glossary_pairs() -> list[tuple[str, str]]:
    """The approved pairs of the `check` benchmark's glossary (a real EN-FR glossary)."""
    lines = (DATA / "check_glossary_en_fr.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines[4:]]  # type: ignore[misc]


def test_notes_and_totals_among_a_glossarys_rows_are_said_not_refused(tmp_path):
    """A section's name, a totals row and a note below the table, as a spreadsheet saves
    them (padded with delimiters), refused the whole glossary ("expected a source term and
    a target term"), and "Total:,10" was a term pair: they are notes, said to ``say``."""
    from tmx_export.check.terms import load_terms

    pairs = _glossary_pairs()[:10]
    path = tmp_path / "glossary.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["English", "French"], ["Funds", ""], *pairs[:5],
                          ["Policies", ""], *pairs[5:], ["Total:", "10"],
                          ["Source: benchmark glossary (2019)"]])
    said: list[str] = []
    assert [(e.source, e.target)
            for e in read_glossary(path, "en-GB", "fr-FR", say=said.append)] == pairs
    assert said == [
        f"{path}: 4 rows read as notes, not term pairs (one cell, or a term with no letter): "
        "line 2 'Funds', line 8 'Policies', line 14 'Total: | 10' and 1 more"]
    assert len(load_terms(path, "en-GB", "fr-FR")) == 10
    # a row with a side empty beside other cells (a status, a definition) is still refused
    path.write_text("en,fr,status\nhigh seas,haute mer,approved\nvalue chain,,approved\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"glossary\.csv:3: expected a source term"):
        read_glossary(path, "en-GB", "fr-FR")



def test_a_total_below_a_tsv_glossary_typed_without_its_tab_is_a_note(tmp_path):
    """A glossary typed in a text editor, tab-separated, its last line a total of one cell
    ("Total: 3 terms", as the README gives for a note): the delimiter was taken to be a
    comma, every row one cell, and `check` refused the glossary at its header ("g.tsv:1:
    expected a source term and a target term"). A CSV table of semicolons ending with a
    section's name lost its rows the same way."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    pairs = _glossary_pairs()[:3]
    path = tmp_path / "g.tsv"
    path.write_text("en-GB\tfr-FR\n" + "".join(f"{s}\t{t}\n" for s, t in pairs)
                    + "Total: 3 terms\n", encoding="utf-8")
    said: list[str] = []
    assert [(e.source, e.target)
            for e in read_glossary(path, "en-GB", "fr-FR", say=said.append)] == pairs
    assert said == [f"{path}: 1 row read as a note, not a term pair (one cell, or a term with "
                    "no letter): line 5 'Total: 3 terms'"]
    result = CliRunner().invoke(main, ["check", str(DATA / "ep-industrial-policy-34.txt"),
                                       "--glossary", str(path), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    table = tmp_path / "t.csv"
    table.write_text("English;French\n" + "".join(f"{s};{t}\n" for s, t in pairs)
                     + "Section 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["pairs", str(table), "--rejects", "-", "-o",
                                       str(tmp_path / "p.jsonl"), "--no-clean", "all"])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()) == 3



@pytest.mark.parametrize("command", ["check", "terms", "build"])
def test_quiet_says_nothing_of_a_glossarys_notes(tmp_path, command):
    """`check -q` and `terms -q` print nothing but errors, `build -q` no summary: all three
    still said on standard error that a glossary was read turned round and which of its
    rows were notes (printed by the glossary's reader, past the commands' --quiet)."""
    from click.testing import CliRunner

    from tmx_export.cli import main

    path = tmp_path / "g.tsv"
    path.write_text("fr-FR\ten-GB\n" + "".join(f"{t}\t{s}\n" for s, t in _glossary_pairs()[:3])
                    + "Total: 3 terms\t\n", encoding="utf-8")
    args = [command, str(DATA / "ep-industrial-policy-34.txt"), "--glossary", str(path)]
    args += {"check": ["--fail-on", "never"], "terms": [],
             "build": ["-o", str(tmp_path / "m.tmx")]}[command]
    said = CliRunner().invoke(main, args)
    assert said.exit_code == 0, said.output
    # (terms says them with its other lines on the glossary, on standard output)
    told = said.stdout + said.stderr
    assert "read turned round" in told and "read as a note" in told
    quiet = CliRunner().invoke(main, [*args, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == ""
    assert "read turned round" not in quiet.stdout and "read as a note" not in quiet.stdout


def test_a_small_tab_separated_glossary_with_a_note_below_is_read(tmp_path):
    """Three term pairs of the DGT-TM Arctic fisheries agreement, tab-separated, and
    "Total: 3" below them: with a line of no tab, the sniffer could tell no delimiter, the
    comma was taken, and the glossary refused at its line 1 ("expected a source term and a
    target term"), for build, terms and check alike. The delimiter most lines hold is
    taken now, and the total is a note."""
    from tmx_export.check.terms import load_terms

    path = tmp_path / "arctic.tsv"
    path.write_text("en\tfr\n" + "".join(f"{en}\t{fr}\n" for en, _de, fr in _ARCTIC_TERMS)
                    + "Total: 3\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (en, fr) for en, _de, fr in _ARCTIC_TERMS]
    assert len(load_terms(path, "en-GB", "fr-FR")) == 3
    said: list[str] = []
    read_glossary(path, "en-GB", "fr-FR", say=said.append)
    assert said == [f"{path}: 1 row read as a note, not a term pair (one cell, or a term "
                    "with no letter): line 5 'Total: 3'"]


def test_a_glossary_read_from_python_prints_nothing(capfd):
    """A library prints nothing on its caller's streams: a French-English glossary (its
    header naming fr, en) read for en-GB -> fr-FR by ``read_glossary`` or ``check`` printed
    "the glossary is fr -> en: read turned round" and its notes on the stderr of the web
    service or notebook calling them. They go to ``say`` now, which the command line
    passes."""
    from tmx_export.check.run import CheckOptions, check

    path = DATA / "glossary_arctic_fr_en.csv"
    said: list[str] = []
    entries = read_glossary(path, "en-GB", "fr-FR")
    assert ("high seas", "haute mer") in [(e.source, e.target) for e in entries]
    memory = DATA / "tmx" / "dgt-tm" / "22019A0315(01).tmx"
    summary = check([memory], CheckOptions(terms=str(path), jobs=1), lambda finding: None)
    assert summary.by_check["term-missing"] == 1
    assert capfd.readouterr() == ("", "")
    read_glossary(path, "en-GB", "fr-FR", say=said.append)
    check([memory], CheckOptions(terms=str(path), jobs=1), lambda finding: None,
          say=said.append)
    assert said == 2 * [
        f"{path}: the glossary is fr -> en: read turned round, as en-GB -> fr-FR",
        f"{path}: 1 row read as a note, not a term pair (one cell, or a term with no "
        "letter): line 7 'Total: 4'"]


def test_an_xlsx_glossary_is_read_from_its_sheet_of_the_pair(tmp_path):
    """Terminologists keep glossaries in Excel: --glossary refused a workbook ("save its
    sheet as CSV"). Its only sheet is read, or, among several, the one whose header names
    the pair (a notes sheet first, a sheet per language pair), as a CSV's rows are."""
    from openpyxl import Workbook

    from tmx_export.check.terms import load_terms

    pairs = _glossary_pairs()[:6]
    book = Workbook()
    book.active.title = "Read me"
    book.active.append(["Approved terms of the fisheries unit, one sheet per pair"])
    german = book.create_sheet("EN-DE")
    for row in [["English", "German"], *[(en, de) for en, de, _fr in _ARCTIC_TERMS]]:
        german.append(row)
    french = book.create_sheet("EN-FR")
    for row in [["Fisheries glossary"], ["English", "French"], *pairs, ["Total: 6 terms"]]:
        french.append(row)
    path = tmp_path / "glossary.xlsx"
    book.save(path)
    said: list[str] = []
    assert [(e.source, e.target)
            for e in read_glossary(path, "en-GB", "fr-FR", say=said.append)] == pairs
    assert "line 9 'Total: 6 terms'" in said[0]
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "de-DE")] == [
        (en, de) for en, de, _fr in _ARCTIC_TERMS]
    assert len(load_terms(path, "en-GB", "fr-FR")) == 6
    # two sheets of the pair: either could be the glossary meant
    french.title = "EN-FR 2019"
    book.copy_worksheet(french).title = "EN-FR 2020"
    book.save(path)
    with pytest.raises(InputError, match="sheets 'EN-FR 2019', 'EN-FR 2020' each have a "
                                         "column for en-GB and fr-FR"):
        read_glossary(path, "en-GB", "fr-FR")


def test_an_xlsx_glossary_formula_saved_without_its_value_is_refused(tmp_path):
    """A workbook written by a script (openpyxl, pandas) saves formulas without values:
    read as empty, the term would be a note or the pair a wrong one."""
    from openpyxl import Workbook

    book = Workbook()
    for row in [["source", "target"], ["high seas", "haute mer"],
                ["fishing vessel", "=LOWER(\"NAVIRE DE PÊCHE\")"]]:
        book.active.append(row)
    path = tmp_path / "scripted.xlsx"
    book.save(path)
    with pytest.raises(InputError, match=r"scripted\.xlsx:3: a formula without a computed "
                                         r"value \(=LOWER"):
        read_glossary(path, "en-GB", "fr-FR")


def test_a_semicolon_glossary_with_commas_in_its_terms_keeps_its_pairs(tmp_path):
    """A line holding a comma and a semicolon left the sniffer to prefer the comma: "high
    seas, open sea;haute mer" was read as a comma table with synonyms, and "open sea" was
    made a translation of "high seas"."""
    path = tmp_path / "glossary.csv"
    path.write_text("high seas, open sea;haute mer\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        ("high seas, open sea", "haute mer")]
    # a comma table of synonyms ("; " between them) stays one
    path.write_text("fishing vessel; fishing boat,navire de pêche\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        ("fishing vessel", "navire de pêche"), ("fishing boat", "navire de pêche")]


def test_a_tbx_glossary_named_xml_is_read_as_tbx(tmp_path):
    """`check --glossary` tells a TBX by its content, but `terms` and `build` went by the
    name: LTAC's termbase saved as .xml was read as a CSV glossary and refused at line 1
    ("expected a source term and a target term")."""
    source = DATA / "tbx" / "Example_Astronomy_DCA_VALID.tbx"
    path = tmp_path / "astronomy.xml"
    path.write_bytes(source.read_bytes())
    assert read_glossary(path, "en-US", "es-ES") == read_glossary(source, "en-US", "es-ES")
    assert ("open cluster", "cúmulo abierto") in [
        (e.source, e.target) for e in read_glossary(path, "en-US", "es-ES")]


def test_a_dated_title_of_two_cells_leaves_the_header_below_it_a_header(tmp_path):
    """A title and its year in two cells above the header ("Central Arctic Ocean
    fisheries,2019") was read as a term pair, and the header below it as another
    ("English" -> "French"), offered to `check` and the aligner as known pairs."""
    path = tmp_path / "arctic.csv"
    path.write_text("Central Arctic Ocean fisheries,2019\nEnglish,French\n"
                    + "".join(f"{en},{fr}\n" for en, _de, fr in _ARCTIC_TERMS),
                    encoding="utf-8")
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (en, fr) for en, _de, fr in _ARCTIC_TERMS]
