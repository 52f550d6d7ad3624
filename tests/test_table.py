"""Tables: TSV/CSV/XLSX, columns by language code or by name, round trips."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tmx_export.errors import InputError
from tmx_export.formats.table import declared_languages, read_table, write_table
from tmx_export.formats.tmx import read_tmx
from tmx_export.model import Pair

DGT_TSV = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "expected_en-gb_fr-fr.tsv"


def test_dgt_tsv_columns_found_by_language_code():
    # header: file, doc_no, tu_index, en_gb, fr_fr
    result = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR")
    assert len(result.pairs) == 148
    first = result.pairs[0]
    assert first.source.startswith("Decision No 1/2019 of the Trade and Development Committee")
    assert first.target.startswith(
        "Décision no\u00a01/2019 du comité «Commerce et\u00a0développement»")
    assert (first.line, first.file) == (2, str(DGT_TSV))
    assert result.pairs[1].source == "of 18\u00a0February 2019"
    # primary subtag is enough (fr-CA finds fr_fr), and columns can be named
    again = read_table(DGT_TSV, source_lang="en", target_lang="fr-CA")
    assert [p.target for p in again.pairs] == [p.target for p in result.pairs]
    by_name = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR",
                         source_column="doc_no", target_column="FR_FR")
    assert (by_name.pairs[0].source, by_name.pairs[0].target) == ("22019D0391", first.target)


def test_missing_column_lists_the_header():
    with pytest.raises(InputError) as err:
        read_table(DGT_TSV, source_lang="en-GB", target_lang="de-DE")
    assert "no column for de-DE (columns: file, doc_no, tu_index, en_gb, fr_fr; the table's " \
           "languages: en_gb, fr_fr); choose the pair with --source-lang/--target-lang" \
           in str(err.value)



def _renamed(tmp_path: Path, name: str, header: str) -> Path:
    """The DGT-TM table with its header row replaced by ``header`` (tab-separated)."""
    lines = DGT_TSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / name
    path.write_text("\n".join([header, *lines[1:]]) + "\n", encoding="utf-8")
    return path


def test_columns_headed_by_language_names_or_roles(tmp_path):
    """Translators head columns with names ("English", "Français", "French (France)"),
    not codes; and "Source" / "Target" name the roles when no column names a language."""
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    pairs = [(p.source, p.target) for p in expected]
    for header in ("file\tdoc\tindex\tEnglish\tFrench",
                   "file\tdoc\tindex\tEnglish (UK)\tFrançais",
                   "file\tdoc\tindex\tENGLISH\tfrancais",
                   "file\tdoc\tindex\tSource\tTarget"):
        path = _renamed(tmp_path, "named.tsv", header)
        got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
        assert [(p.source, p.target) for p in got] == pairs, header
    # "Anglais": English in French, as a French user interface heads the column
    path = _renamed(tmp_path, "named.tsv", "file\tdoc\tindex\tAnglais\tFrançais")
    got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in got] == pairs
    # the other way round: French is the source, found by its name
    reverse = read_table(_renamed(tmp_path, "named.tsv", "f\td\ti\tEnglish\tFrançais"),
                         source_lang="fr-FR", target_lang="en-GB").pairs
    assert [(p.target, p.source) for p in reverse] == pairs
    # a header that names languages is not read by role, nor a near miss as a name
    for header in ("file\tdoc\tindex\tSource\tFrench", "f\td\ti\tEnglish notes\tTarget"):
        with pytest.raises(InputError, match="no column for"):
            read_table(_renamed(tmp_path, "named.tsv", header), source_lang="en-GB",
                       target_lang="fr-FR")
    # other EU languages by their own names
    path = _renamed(tmp_path, "named.tsv", "f\td\ti\tΕλληνικά\tDeutsch")
    got = read_table(path, source_lang="el", target_lang="de-DE").pairs
    assert [(p.source, p.target) for p in got] == pairs

def test_a_name_keeps_the_region_or_script_its_brackets_give(tmp_path):
    """"Portuguese (Brazil)" was read as pt and "Serbian (Latin)" as sr, mixing pt-BR into
    pt-PT memories; "Chinese" and "Norwegian Bokmål" were no names at all."""
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    pairs = [(p.source, p.target) for p in expected]
    for name, tag in (("Portuguese (Brazil)", "pt-BR"), ("Serbian (Latin)", "sr-Latn"),
                      ("German (Austria)", "de-AT"), ("Chinese", "zh"),
                      ("Chinese (Simplified)", "zh-Hans"), ("Norwegian Bokmål", "nb"),
                      ("Norwegian (Bokmål)", "nb")):
        path = _renamed(tmp_path, "named.tsv", f"f\td\ti\tEnglish (UK)\t{name}")
        assert declared_languages(path) == ("en-GB", tag), name
        got = read_table(path, source_lang="en-GB", target_lang=tag).pairs
        assert [(p.source, p.target) for p in got] == pairs, name
    # two regions of one language, each column found by its own
    path = _renamed(tmp_path, "named.tsv", "f\td\ti\tFrench (Canada)\tFrench (France)")
    got = read_table(path, source_lang="fr-FR", target_lang="fr-CA").pairs
    assert [(p.target, p.source) for p in got] == pairs
    # brackets that say what is not known: no language, rather than one without its region
    with pytest.raises(InputError, match="no column for pt-BR"):
        read_table(_renamed(tmp_path, "named.tsv", "f\td\ti\tEnglish\tPortuguese (BRA)"),
                   source_lang="en-GB", target_lang="pt-BR")


MARINE = Path(__file__).parent / "data" / "dgt-parallel" / "marine-equipment"


@pytest.mark.parametrize(("header", "tags"), [
    # English user interfaces (Trados, memoQ, Excel) name the country too
    ("English (United Kingdom)\tPolish (Poland)", ("en-GB", "pl-PL")),
    ("English (United Kingdom)\tCzech (Czech Republic)", ("en-GB", "cs-CZ")),
    # Spanish, Italian, Dutch, Portuguese and Polish ones, or a translator's own words
    ("Inglés (Reino Unido)\tPolaco (Polonia)", ("en-GB", "pl-PL")),
    ("Inglese\tPolacco", ("en", "pl")),
    ("Engels\tPools", ("en", "pl")),
    ("Inglês\tPolaco", ("en", "pl")),
    ("Angielski\tPolski", ("en", "pl")),
    ("Angielski (Wielka Brytania)\tPolski (Polska)", ("en-GB", "pl-PL")),
])
def test_columns_headed_in_other_user_interfaces_languages(tmp_path, header, tags):
    """A table of DGT-TM's English and Polish rows headed "Polish (Poland)" was refused
    ("no column for fr-FR"): only a few countries were known, not Poland nor Czechia;
    headed "Inglés", "Engels" or "Angielski" (English in Spanish, Dutch, Polish), too."""
    english = MARINE.with_suffix(".en.txt").read_text(encoding="utf-8").splitlines()
    polish = MARINE.with_suffix(".pl.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "memory.tsv"
    path.write_text("\n".join([header, *map("\t".join, zip(english, polish, strict=True))])
                    + "\n", encoding="utf-8")
    assert declared_languages(path) == tags
    got = read_table(path, source_lang=tags[0], target_lang=tags[1]).pairs
    assert [(p.source, p.target) for p in got] == list(zip(english, polish, strict=True))


@pytest.mark.parametrize("roles", ["Source\tCible", "Texte source\tTexte cible",
                                   "Quelle\tZiel", "Ausgangstext\tZieltext",
                                   "Origen\tDestino", "Origine\tDestinazione", "Bron\tDoel",
                                   "Źródło\tCel", "ZRODLO\tCEL"])
def test_columns_headed_by_their_roles_in_other_languages(tmp_path, roles):
    """DGT-TM's table headed by the two roles in French, German, Spanish, Italian, Dutch
    or Polish ("Source" / "Cible", "Quelle" / "Ziel", "Źródło" / "Cel"), as user interfaces
    in those languages and their translators head them, was refused ("no column for
    fr-FR (columns: file, doc, index, Source, Cible)"): only English's "Source" /
    "Target" were roles. The languages come from the options, as for those."""
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    path = _renamed(tmp_path, "roles.tsv", f"file\tdoc\tindex\t{roles}")
    got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in got] == [(p.source, p.target) for p in expected]


def test_columns_headed_by_three_letter_codes(tmp_path):
    """ISO 639-2/3 codes head columns as often as BCP 47 tags ("deu", "ita", "ell",
    "bul"): a header cell names a language by its standard tag, whatever its spelling."""
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    pairs = [(p.source, p.target) for p in expected]
    for header in ("f\td\ti\teng\tfra", "f\td\ti\tENG\tfre", "f\td\ti\ten_GB\tFR-fr",
                   "f\td\ti\tEN-gb\tfra"):
        path = _renamed(tmp_path, "codes.tsv", header)
        got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
        assert [(p.source, p.target) for p in got] == pairs, header
        again = read_table(path, source_lang="eng", target_lang="fre").pairs
        assert [(p.source, p.target) for p in again] == pairs, header
    # the other way round, and two columns of one language told apart by the full tag
    reverse = read_table(_renamed(tmp_path, "codes.tsv", "f\td\ti\tdeu\tita"),
                         source_lang="it-IT", target_lang="ger").pairs
    assert [(p.target, p.source) for p in reverse] == pairs
    regions = _renamed(tmp_path, "codes.tsv", "f\td\ti\teng-US\ten_GB")
    got = read_table(regions, source_lang="en-GB", target_lang="en-US").pairs
    assert [(p.target, p.source) for p in got] == pairs
    # a code of a language not asked for is still no column for it
    with pytest.raises(InputError, match="no column for el"):
        read_table(_renamed(tmp_path, "codes.tsv", "f\td\ti\tbul\tdeu"), source_lang="el",
                   target_lang="de-DE")


def test_the_pair_a_header_declares_beside_other_columns_or_by_name(tmp_path):
    """Two columns naming languages declare the pair, whatever else the header holds: an
    ``ID`` column (Indonesian's code, but an identifier beside two languages), language
    names, a role with its language in brackets."""
    for header, pair in (("ID\tdoc_no\ttu_index\ten_gb\tfr_fr", ("en_gb", "fr_fr")),
                         ("file\tdoc_no\ttu_index\tEnglish\tFrench", ("en", "fr")),
                         ("ID\tdoc\tindex\tSource (English)\tTarget (French)", ("en", "fr")),
                         ("en\tid\tindex\tdoc\tx", ("en", "id"))):
        path = _renamed(tmp_path, "t.tsv", header)
        assert declared_languages(path) == pair, header
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    got = read_table(path := _renamed(tmp_path, "r.tsv", "a\tb\tc\tSource (English)\t"
                                      "Target (French)"), source_lang="en-GB",
                     target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in got] == [(p.source, p.target) for p in expected]


def test_a_header_in_other_languages_says_which_and_how_to_choose(tmp_path):
    path = _renamed(tmp_path, "t.tsv", "ID\tdoc\tindex\ten\tes")
    with pytest.raises(InputError) as err:
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert "no column for fr-FR (columns: ID, doc, index, en, es; the table's languages: " \
           "en, es); choose the pair with --source-lang/--target-lang" in str(err.value)


def test_excels_sep_line_sets_the_delimiter_and_is_not_the_header(tmp_path):
    lines = DGT_TSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "sep.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("sep=;\n")
        csv.writer(handle, delimiter=";").writerows(line.split("\t") for line in lines)
    assert declared_languages(path) == ("en_gb", "fr_fr")
    got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target, p.line) for p in got] == [
        (p.source, p.target, p.line + 1) for p in expected]


def test_a_semicolon_csv_whose_lines_end_with_cr_alone_is_read_by_its_semicolons():
    # Excel's "CSV (Macintosh)": lines ended by \r alone. The delimiter sniffer saw one
    # line, where the DGT-TM cells' commas outnumbered the semicolons, took the comma and
    # the run stopped with "no column for en-GB" at line 2
    path = DGT_TSV.parents[2] / "table_mac_cr_dgt_en_fr.csv"
    assert b"\n" not in path.read_bytes() and path.read_bytes().count(b"\r") == 21
    got = read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs[62:82]
    assert [(p.source, p.target, p.line) for p in got] == [
        (p.source, p.target, p.line - 62) for p in expected]


def test_semicolon_csv_in_cp1252_with_quoted_multiline_cell(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_bytes('Note;English;Français\n'
                     'a;"value chain";"chaîne de valeur"\n'
                     'b;"two\nlines";"deux\nlignes"\n'
                     'c;"say ""hi""";"dire « salut »"\n'.encode("cp1252"))
    result = read_table(path, source_lang="en", target_lang="fr",
                        source_column="english", target_column="Français")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("value chain", "chaîne de valeur", 2),
        ("two\nlines", "deux\nlignes", 3),
        ('say "hi"', "dire « salut »", 6),  # row b spans lines 3-5
    ]


def test_a_stray_quote_opening_a_tsv_cell_swallows_no_rows(tmp_path):
    """A TSV is not CSV: a cell opening with an unbalanced quote once started a quoted field
    running to the end of the file, every row after it one short-row reject."""
    lines = DGT_TSV.read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    fields[3] = '"' + fields[3]  # a quotation never closed
    lines[2] = "\t".join(fields)
    fields = lines[5].split("\t")
    fields[3] += ' 12"'  # a quote before a tab, rows later: it closes no quoted cell
    lines[5] = "\t".join(fields)
    path = tmp_path / "stray-quote.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    assert not result.rejects
    assert [(p.line, p.target) for p in result.pairs] == [(p.line, p.target) for p in expected]
    assert result.pairs[1].source == '"' + expected[1].source
    assert result.pairs[4].source == expected[4].source + ' 12"'


@pytest.mark.parametrize(("name", "delimiter"), [("q.tsv", "\t"), ("q.csv", ";")])
def test_quotes_opening_a_cell_are_text_unless_they_quote_the_whole_cell(tmp_path, name,
                                                                        delimiter):
    path = tmp_path / name
    path.write_text(delimiter.join(["en", "fr"]) + "\n"
                    + delimiter.join(['"Green Deal" measures are adopted.',
                                      "Les mesures du « pacte vert » sont adoptées."]) + "\n"
                    + delimiter.join(['"""Green Deal"" measures."', '"Mesures ""vertes""."'])
                    + "\n", encoding="utf-8")
    result = read_table(path, source_lang="en", target_lang="fr")
    assert [(p.source, p.target) for p in result.pairs] == [
        ('"Green Deal" measures are adopted.', "Les mesures du « pacte vert » sont adoptées."),
        ('"Green Deal" measures.', 'Mesures "vertes".'),  # CSV quoting, as write_table writes
    ]


@pytest.mark.parametrize(("source", "target"), [("de-DE", "pl-PL"), ("cs-CZ", "hu-HU")])
def test_a_central_european_windows_table_is_read_as_cp1250(tmp_path, source, target):
    """Excel's "Text (Tab delimited)" on Polish, Czech or Hungarian Windows is cp1250: it
    was read as cp1252, every unit mojibake ("siê", "egyrészrõl"), without a word."""
    dgt = read_tmx(DGT_TSV.parent / "22019D0391.tmx", source_lang=source, target_lang=target)
    utf8 = tmp_path / "utf8.tsv"
    write_table(dgt.pairs, utf8)
    windows = tmp_path / "cp1250.tsv"
    windows.write_bytes(utf8.read_text(encoding="utf-8").encode("cp1250"))
    result = read_table(windows, source_lang=source, target_lang=target)
    assert [(p.source, p.target) for p in result.pairs] == \
        [(p.source, p.target) for p in dgt.pairs]


# What an editor saving in an ISO 8859 code page writes for the signs it lacks (ISO
# 8859-13 has the quotes, ISO 8859-7 "’").
_ASCII_SIGNS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-",
                              "—": "-", "…": "..."})


@pytest.mark.parametrize(("target", "codepage"), [
    ("pl-PL", "iso-8859-2"), ("cs-CZ", "iso-8859-2"), ("el-GR", "iso-8859-7"),
    ("lt-LT", "iso-8859-13"), ("fr-FR", "iso-8859-15")])
def test_an_iso_8859_table_is_read_in_its_code_page(tmp_path, target, codepage):
    """Unix editors save in ISO 8859, which places a few letters where Windows has others:
    read in its Windows sibling, Polish "środkowej" was written "¶rodkowej", Czech "šíře"
    "ąíře", Greek "Άρθρο" "¶ρθρο", Lithuanian and French (whose cp1257 and cp1252 lack a
    byte of it) as cp1252: "uþkirsti" for "užkirsti", "½uvre" for "œuvre"."""
    dgt = read_tmx(DGT_TSV.parent / "22019A0315(01).tmx", source_lang="en-GB",
                   target_lang=target).pairs
    lacking = {sign: ascii for sign, ascii in _ASCII_SIGNS.items()
               if chr(sign) not in chr(sign).encode(codepage, "ignore").decode(codepage)}
    pairs = [Pair(p.source.translate(lacking), p.target.translate(lacking), "en-GB", target)
             for p in dgt]
    utf8 = tmp_path / "utf8.tsv"
    write_table(pairs, utf8)
    iso = tmp_path / "iso.tsv"
    iso.write_bytes(utf8.read_text(encoding="utf-8").encode(codepage))
    result = read_table(iso, source_lang="en-GB", target_lang=target)
    assert [(p.source, p.target) for p in result.pairs] == [(p.source, p.target) for p in pairs]


@pytest.mark.parametrize(("source", "source_codepage", "target", "target_codepage"), [
    ("fr-FR", "cp1252", "cs-CZ", "cp1250"), ("de-DE", "cp1252", "bg-BG", "cp1251"),
    ("pl-PL", "cp1250", "lt-LT", "cp1257")])
def test_a_table_whose_sides_are_in_two_code_pages_is_refused(tmp_path, source,
                                                             source_codepage, target,
                                                             target_codepage):
    """A table put together from two Windows exports, each side in its own code page, was
    read in one: French "pêche" written "pęche" in every unit (or German "über" "ьber")."""
    dgt = read_tmx(DGT_TSV.parent / "22019D0391.tmx", source_lang=source,
                   target_lang=target).pairs
    path = tmp_path / "two-code-pages.tsv"
    path.write_bytes(b"\n".join(
        [f"{source}\t{target}".encode()]
        + [p.source.encode(source_codepage) + b"\t" + p.target.encode(target_codepage)
           for p in dgt]) + b"\n")
    with pytest.raises(InputError, match=r"two-code-pages.tsv:\d+: not UTF-8, and in more "
                                         "than one code page"):
        read_table(path, source_lang=source, target_lang=target)


def test_a_windows_table_whose_code_page_cannot_be_told_is_refused(tmp_path):
    # "između" read as cp1250 is a Croatian word, and read as cp1257 a word too
    path = tmp_path / "one-word.tsv"
    path.write_bytes("hr\tsl\nizmeđu\tmed\n".encode("cp1250"))
    with pytest.raises(InputError, match="not UTF-8, and its encoding cannot be told: it "
                                         r"reads as cp1250 \(Central European\) or cp1257"):
        read_table(path, source_lang="hr", target_lang="sl")


@pytest.mark.parametrize("codepage", ["cp1252", "latin-1"])
def test_a_utf8_table_with_a_row_pasted_in_a_code_page_is_refused_at_the_row(tmp_path,
                                                                              codepage):
    """A UTF-8 table with one row pasted from a Windows file was read whole as cp1252:
    "Décision" written "DÃ©cision" in every other unit, without a word."""
    lines = DGT_TSV.read_bytes().splitlines()[:20]  # the first decision
    lines[10] = lines[10].decode("utf-8").encode(codepage)  # "La présente décision..."
    path = tmp_path / "pasted.tsv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(InputError, match=r"pasted.tsv:11: not valid UTF-8 \(invalid "
                                         r"continuation byte\), though most of the file is"):
        read_table(path, source_lang="en-GB", target_lang="fr-FR")


def test_a_windows_table_with_a_row_pasted_from_utf8_is_refused_at_the_row(tmp_path):
    """A cp1252 table with one row pasted from a UTF-8 file was read whole as cp1252, the
    pasted unit written "la prÃ©sente dÃ©cision" and "pourâ€‘cent" without a word."""
    lines = DGT_TSV.read_text(encoding="utf-8").splitlines()[:20]  # the first decision
    windows = [line.encode("cp1252") for line in lines]
    windows[12] = lines[12].encode("utf-8")  # "Pour le comité «Commerce et développement»"
    path = tmp_path / "pasted-utf8.tsv"
    path.write_bytes(b"\n".join(windows) + b"\n")
    with pytest.raises(InputError, match=r"pasted-utf8.tsv:13: not UTF-8, yet this line is"):
        read_table(path, source_lang="en-GB", target_lang="fr-FR")


def _ascii_dgt_rows() -> list[str]:
    """The DGT-TM rows (EN-GB, FR-FR) written in ASCII alone on both sides."""
    rows = [line.split("\t")[3:] for line in DGT_TSV.read_text(encoding="utf-8").splitlines()]
    return ["\t".join(row) for row in rows[1:] if "\t".join(row).isascii()]


@pytest.mark.parametrize("encoded", [
    "\ud800".encode("utf-8", "surrogatepass"),  # a lone surrogate, as the tester found
    # "\U0001F44D" as Java's modified UTF-8 writes it: two surrogates of three bytes each
    "\ud83d\udc4d".encode("utf-8", "surrogatepass"),
])
def test_a_table_with_a_surrogate_encoded_as_utf8_is_refused_at_its_line(tmp_path, encoded):
    """ED A0 80 (CESU-8, WTF-8) in a file otherwise ASCII was read as cp1251, the unit
    written "Done at Cape Town н\xa0Ђ", without a word."""
    rows = _ascii_dgt_rows()
    path = tmp_path / "cesu.tsv"
    assert rows[1].startswith("Done at Cape Town")
    path.write_bytes(b"\n".join([b"en-GB\tfr-FR", rows[0].encode(),
                                 rows[1].encode().replace(b"Town", b"Town " + encoded),
                                 *(row.encode() for row in rows[2:])]) + b"\n")
    with pytest.raises(InputError, match=r"cesu.tsv:3: encoded surrogate U\+D8(00|3D) "
                                         r"\(CESU-8 or WTF-8"):
        read_table(path, source_lang="en-GB", target_lang="fr-FR")


NO_HEADER = Path(__file__).parent / "data" / "table_no_header_dgt_en_fr.tsv"


def test_a_table_without_a_header_row_is_read_by_position_with_no_header(tmp_path):
    # Two columns of pairs, as many tools export them: the first pair was read as a header
    # naming no language and the table refused; naming its texts as the columns read the
    # rest, the first pair lost
    with pytest.raises(InputError, match="--no-header"):
        read_table(NO_HEADER, source_lang="en-GB", target_lang="fr-FR", column_options=True)
    got = read_table(NO_HEADER, source_lang="en-GB", target_lang="fr-FR", header=False)
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs[62:82]
    assert [(p.source, p.target, p.line) for p in got.pairs] == [
        (p.source, p.target, n) for n, p in enumerate(expected, 1)]
    # the columns by position, the other way round
    swapped = read_table(NO_HEADER, source_lang="fr-FR", target_lang="en-GB", header=False,
                         source_column="2", target_column="1")
    assert [(p.source, p.target) for p in swapped.pairs] == [
        (p.target, p.source) for p in expected]
    with pytest.raises(InputError, match="by its position"):
        read_table(NO_HEADER, source_lang="en-GB", target_lang="fr-FR", header=False,
                   source_column="en_gb")
    # a row with a cell more than the first row (a stray tab) or fewer is a reject
    lines = NO_HEADER.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "pairs.tsv"
    path.write_text("\n".join([lines[0], lines[1] + "\tstray", lines[2].split("\t")[0],
                               *lines[3:]]) + "\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR", header=False)
    assert len(result.pairs) == 18
    assert [(r.line, r.reason) for r in result.rejects] == [(2, "long-row"), (3, "short-row")]


def test_build_no_header_writes_the_first_pair_too(tmp_path):
    from click.testing import CliRunner

    from tmx_export.cli import main

    out = tmp_path / "out.tmx"
    refused = CliRunner().invoke(main, ["build", str(NO_HEADER), "-o", str(out), "-q"])
    assert refused.exit_code == 1 and "--no-header" in refused.output
    assert not out.exists()
    done = CliRunner().invoke(main, ["build", str(NO_HEADER), "-o", str(out), "-q",
                                     "--no-header"])
    assert done.exit_code == 0, done.output
    units = read_tmx(out, source_lang="en-GB", target_lang="fr-FR").pairs
    first = NO_HEADER.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert len(units) == 20 and (units[0].source, units[0].target) == tuple(first)
    several = CliRunner().invoke(main, ["build", str(NO_HEADER), "-o", str(out), "-q",
                                        "--no-header", "--langs", "en-GB,fr-FR,de-DE"])
    assert several.exit_code == 2 and "--no-header" in several.output


def test_short_rows_are_rejected(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("en\tfr\nyes\toui\nonly English\n\nno\tnon\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [("yes", "oui"), ("no", "non")]
    [reject] = result.rejects
    assert (reject.line, reject.reason) == (3, "short-row")


def test_long_rows_are_rejected_but_empty_trailing_cells_are_not(tmp_path):
    """A stray delimiter in a cell (an unquoted comma, a tab) shifts the cells after it: the
    row must be a reject, never a unit of its first fields with the translation lost."""
    lines = DGT_TSV.read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    fields[3] = fields[3].replace(" ", "\t", 1)  # a tab inside the English cell
    lines[2] = "\t".join(fields)
    lines[3] += "\t\t"  # empty trailing cells, as spreadsheets export them
    path = tmp_path / "stray.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    expected = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [p.line for p in result.pairs] == [p.line for p in expected if p.line != 3]
    assert result.pairs[1].target == expected[2].target  # the row with empty extra cells
    [reject] = result.rejects
    assert (reject.line, reject.reason) == (3, "long-row")
    assert reject.text.startswith("6 cells, header has 5: ")


def test_csv_with_an_unquoted_comma_is_a_long_row(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text('de,en\nDer Rat tagt heute.,The Council meets today.\n'
                    'Rot, Gelb und Grün,"Red, yellow and green"\n', encoding="utf-8")
    result = read_table(path, source_lang="de-DE", target_lang="en-GB")
    assert [p.source for p in result.pairs] == ["Der Rat tagt heute."]
    assert [(r.line, r.reason) for r in result.rejects] == [(3, "long-row")]


def test_a_table_with_a_stray_delimiter_on_most_rows_copies_no_places(tmp_path, monkeypatch):
    """A CSV with a stray delimiter on every row is the case the long-row rule is for: each
    reject once copied the places of all the rejects before it (quadratic: 100,000 of them
    took minutes). Now a reject's place is appended, the list never rebuilt while every
    reject has its place: counted here, not timed."""
    from tmx_export.model import ReadResult

    rebuilt = []
    places = ReadResult.places
    monkeypatch.setattr(ReadResult, "places", lambda self: rebuilt.append(1) or places(self))
    rows = [f"Row {n}\tLigne {n}" + ("\tstray" if n % 3 else "") for n in range(3_000)]
    path = tmp_path / "stray.tsv"
    path.write_text("en-GB\tfr-FR\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert len(rebuilt) < 10  # (one per reject before)
    assert (len(result.pairs), len(result.rejects)) == (1_000, 2_000)
    assert {r.reason for r in result.rejects} == {"long-row"}
    # each reject's place: the pairs of the rows above it (rows 0, 3, 6... are pairs)
    assert places(result)[:4] == [1, 1, 2, 2] and places(result)[-1] == 1_000


PAIRS = [
    Pair("Hello\tworld", "Bonjour\tle monde", "en-GB", "fr-FR"),
    Pair('A "quoted"\nline', "Une ligne « citée »", "en-GB", "fr-FR"),
    Pair("=SUM(A1:A2)", "=SOMME(A1:A2)", "en-GB", "fr-FR"),
    Pair("Emoji 🇪🇺 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Émoji 🇪🇺 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "en-GB", "fr-FR"),
    Pair("http://example.org", "http://example.org/fr", "en-GB", "fr-FR"),
]


@pytest.mark.parametrize("suffix", ["tsv", "csv", "xlsx"])
def test_write_then_read_round_trip(tmp_path, suffix):
    path = tmp_path / f"pairs.{suffix}"
    assert write_table(PAIRS, path) == len(PAIRS)
    back = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in back.pairs] == [(p.source, p.target) for p in PAIRS]
    assert not list(tmp_path.glob(".*.part"))


def test_xlsx_cells_are_strings_not_formulas(tmp_path):
    path = tmp_path / "pairs.xlsx"
    write_table(PAIRS, path)
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "en-GB" and sheet["B1"].value == "fr-FR"
    assert sheet["A4"].value == "=SUM(A1:A2)" and sheet["A4"].data_type == "s"


def _workbook_with_formulas_and_dates(path: Path) -> Path:
    """en-GB | fr-FR: a pair, a row of formulas with no computed value (as openpyxl and
    pandas write them), a formula whose workbook saved its value (as a spreadsheet
    program does), then dates and times."""
    import datetime
    import zipfile

    book = Workbook()
    sheet = book.active
    sheet.append(["en-GB", "fr-FR"])
    sheet.append(["The committee met.", "Le comité s'est réuni."])
    sheet.append(["=A2", "=B2"])
    sheet.append(["=A2", "Le comité."])
    sheet.append([datetime.datetime(2020, 1, 5), datetime.datetime(2020, 1, 5, 14, 30)])
    sheet.append([datetime.time(9, 5), datetime.time(9, 5, 30)])
    book.save(path)
    # the value a spreadsheet program saves beside the formula of A4
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    computed = sheet_xml.replace('<c r="A4"><f>A2</f><v></v></c>',
                                 '<c r="A4" t="str"><f>A2</f><v>The committee met.</v></c>')
    assert computed != sheet_xml
    parts["xl/worksheets/sheet1.xml"] = computed.encode()
    with zipfile.ZipFile(path, "w") as patched:
        for name, data in parts.items():
            patched.writestr(name, data)
    return path


def test_xlsx_formula_without_value_is_a_reject_and_dates_read_as_iso(tmp_path):
    path = _workbook_with_formulas_and_dates(tmp_path / "f.xlsx")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.line, p.source, p.target) for p in result.pairs] == [
        (2, "The committee met.", "Le comité s'est réuni."),
        (4, "The committee met.", "Le comité."),
        (5, "2020-01-05", "2020-01-05 14:30"),
        (6, "09:05", "09:05:30")]
    [reject] = result.rejects
    assert (reject.line, reject.reason) == (3, "formula-without-value")
    assert "formula without a computed value" in reject.text and "=A2\t=B2" in reject.text


def test_xlsx_formula_written_by_xlsxwriter_is_a_reject_not_zero(tmp_path):
    # XlsxWriter computes no formula: it saves 0 as each one's value and asks the
    # spreadsheet to compute them when opened. "=A2" was read as "0", a unit "0" for
    # "Accord (UE)"; a value the writer gave ("AGREEMENT") is read, as are real numbers.
    import xlsxwriter

    path = tmp_path / "exported.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["en", "fr"])
    sheet.write_row(1, 0, ["Agreement", "Accord"])
    sheet.write_formula(2, 0, "=A2")
    sheet.write_formula(2, 1, "=B2")
    sheet.write_formula(3, 0, '=A2&" (EU)"')
    sheet.write_string(3, 1, "Accord (UE)")
    sheet.write_formula(4, 0, "=UPPER(A2)", None, "AGREEMENT")
    sheet.write_formula(4, 1, "=UPPER(B2)", None, "ACCORD")
    sheet.write_number(5, 0, 0)
    sheet.write_string(5, 1, "0")
    book.close()
    result = read_table(path, source_lang="en", target_lang="fr")
    assert [(p.line, p.source, p.target) for p in result.pairs] == [
        (2, "Agreement", "Accord"), (5, "AGREEMENT", "ACCORD"), (6, "0", "0")]
    assert [(r.line, r.reason) for r in result.rejects] == [
        (3, "formula-without-value"), (4, "formula-without-value")]
    assert '=A2&" (EU)"\tAccord (UE)' in result.rejects[1].text


def test_xlsx_array_formula_without_value_is_a_reject(tmp_path):
    from openpyxl.worksheet.formula import ArrayFormula

    book = Workbook()
    sheet = book.active
    sheet.append(["en-GB", "fr-FR"])
    sheet.append(["The committee met.", "Le comité s'est réuni."])
    sheet["A3"] = ArrayFormula("A3:A3", "=UPPER(A2)")
    sheet["B3"] = "Le comité."
    book.save(tmp_path / "array.xlsx")
    result = read_table(tmp_path / "array.xlsx", source_lang="en-GB", target_lang="fr-FR")
    assert [p.line for p in result.pairs] == [2]
    assert [(r.line, r.reason) for r in result.rejects] == [(3, "formula-without-value")]
    assert "=UPPER(A2)\tLe comité." in result.rejects[0].text


def test_xlsx_made_by_another_tool_with_named_sheet(tmp_path):
    book = Workbook()
    book.active.title = "notes"
    sheet = book.create_sheet("memory")
    sheet.append(["ID", "EN-US", "FR-CA"])
    sheet.append([1, "Cancel", "Annuler"])
    sheet.append([2, None, "Vide"])
    sheet.append([3, 42, "quarante-deux"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    result = read_table(path, source_lang="en-US", target_lang="fr-CA", sheet="memory")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("Cancel", "Annuler", 2), ("", "Vide", 3), ("42", "quarante-deux", 4)]
    with pytest.raises(InputError, match="no sheet 'x' \\(sheets: notes, memory\\)"):
        read_table(path, source_lang="en", target_lang="fr", sheet="x")
    # without --sheet every sheet is read: the empty first one holds nothing
    every = read_table(path, source_lang="en", target_lang="fr")
    assert [(p.source, p.props["x-sheet"]) for p in every.pairs] == [
        ("Cancel", "memory"), ("", "memory"), ("42", "memory")]
    assert not every.rejects


def test_every_sheet_of_a_workbook_is_read_and_none_ignored(tmp_path):
    """A terminologist's workbook holds a sheet per domain: only the first was read, the
    others left out without a word. Every sheet with a column for each language gives its
    pairs (prop ``x-sheet``), a sheet of notes without them is a reject naming it, and
    ``--sheet`` still reads one."""
    book = Workbook()
    book.active.title = "Industry"
    book.active.append(["English", "French"])
    book.active.append(["value chain", "chaîne de valeur"])
    notes = book.create_sheet("Notes")
    notes.append(["Comment", "Who"])
    notes.append(["check the plural of cluster", "AB"])
    book.create_sheet("Empty")
    more = book.create_sheet("Regions")
    more.append(["en-GB", "fr-FR", "Source"])
    more.append(["cluster", "conglomérat", "A8-0297/2016"])
    more.append(["cohesion", ""])
    path = tmp_path / "terms.xlsx"
    book.save(path)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.props["x-sheet"], p.line) for p in result.pairs] == [
        ("value chain", "chaîne de valeur", "Industry", 2),
        ("cluster", "conglomérat", "Regions", 2), ("cohesion", "", "Regions", 3)]
    assert [(r.reason, r.text) for r in result.rejects] == [
        ("sheet-without-columns", "sheet 'Notes': no column for en-GB (columns: Comment, "
         "Who); the first row is read as the header: give the table a header row naming "
         "the columns' languages (en-GB, fr-FR)")]
    one = read_table(path, source_lang="en-GB", target_lang="fr-FR", sheet="Regions")
    assert [p.source for p in one.pairs] == ["cluster", "cohesion"]
    assert all("x-sheet" not in p.props for p in one.pairs)
    # a workbook without a sheet of the two languages is refused, naming a sheet
    lone = Workbook()
    lone.active.title = "Notes"
    lone.active.append(["Comment"])
    lone.create_sheet("Other").append(["de", "it"])
    lone.save(tmp_path / "none.xlsx")
    with pytest.raises(InputError, match="no sheet with a column for each language "
                                         "\\(sheet 'Notes': no column for en-GB"):
        read_table(tmp_path / "none.xlsx", source_lang="en-GB", target_lang="fr-FR")


def test_bad_xlsx_and_unknown_extension(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_table(bad, source_lang="en", target_lang="fr")
    with pytest.raises(InputError, match="cannot tell the table format"):
        read_table(tmp_path / "x.ods", source_lang="en", target_lang="fr")


def test_header_below_a_title_is_found(tmp_path):
    """A glossary opens with its title (merged over the columns) and a blank row above
    the header: read as the header, the title named no column, so a one-sheet workbook
    was refused and a sheet of several left out as one reject. The header is the first
    row of two cells; the title is a reject of its own."""
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:6]
    book = Workbook()
    sheet = book.active
    sheet.title = "Glossary"
    sheet.append(["DGT-TM 2019: Trade and Development Committee"])
    sheet.merge_cells("A1:B1")
    sheet.append([])
    sheet.append(["English", "French"])
    for row in rows:
        sheet.append([row[3], row[4]])
    path = tmp_path / "glossary.xlsx"
    book.save(path)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        (row[3], row[4], line) for line, row in enumerate(rows, 4)]
    assert [(r.line, r.reason, r.text) for r in result.rejects] == [
        (1, "title-row", "DGT-TM 2019: Trade and Development Committee")]
    assert declared_languages(path) == ("en", "fr")
    # a CSV alike; a header below a title that names no column is refused at its line
    text = "Glossary\n\nen,fr\n" + "".join(f'"{r[3]}","{r[4]}"\n' for r in rows)
    (tmp_path / "g.csv").write_text(text, encoding="utf-8")
    assert len(read_table(tmp_path / "g.csv", source_lang="en-GB",
                          target_lang="fr-FR").pairs) == len(rows)
    (tmp_path / "bad.csv").write_text(text.replace("en,fr", "term,translation"), "utf-8")
    with pytest.raises(InputError, match=r"bad\.csv:3: no column for en-GB"):
        read_table(tmp_path / "bad.csv", source_lang="en-GB", target_lang="fr-FR")


def test_a_title_with_its_date_in_a_cell_of_its_own_is_a_title(tmp_path):
    """"Central Arctic Ocean fisheries | 2019" above the header, as a spreadsheet's title
    with its year beside it: read as the header, it named no column and the table was
    refused ("no column for en"). A row naming one column at most is a title."""
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    text = "Central Arctic Ocean fisheries,2019\nEnglish,French\n" + "".join(
        f'"{r[3]}","{r[4]}"\n' for r in rows)
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    result = read_table(tmp_path / "t.csv", source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        (r[3], r[4], line) for line, r in enumerate(rows, 3)]
    assert [(r.line, r.reason) for r in result.rejects] == [(1, "title-row")]
    # a header of a numbered column ("#") names two columns still: a header
    (tmp_path / "n.csv").write_text("#,English,French\n1,high seas,haute mer\n", "utf-8")
    assert [(p.source, p.target) for p in read_table(
        tmp_path / "n.csv", source_lang="en-GB", target_lang="fr-FR").pairs] == [
        ("high seas", "haute mer")]


@pytest.mark.parametrize("command", [["check", "{table}"], ["concordance", "{table}", "sitting"],
                                     ["terms", "{table}", "--csv", "{dir}/terms.csv"],
                                     ["build", "{table}", "-o", "{dir}/out.tmx"],
                                     ["pairs", "{table}"]])
def test_a_table_without_a_header_row_is_refused_with_a_hint_the_command_can_follow(
        tmp_path, command):
    # check, concordance and terms were told to use --source-column/--target-column, which
    # only build and pairs have
    import re

    from click.testing import CliRunner

    from tmx_export.cli import main

    table = tmp_path / "minutes.tsv"
    table.write_text("The sitting is open.\tLa séance est ouverte.\n"
                     "Approval of the Minutes\tApprobation du procès-verbal\n", encoding="utf-8")
    args = [arg.format(table=table, dir=tmp_path) for arg in command]
    runner = CliRunner()
    result = runner.invoke(main, args)
    assert result.exit_code == (2 if args[0] == "check" else 1), result.output
    assert "no column for en-GB" in result.output
    assert "give the table a header row naming the columns' languages (en-GB, fr-FR)" in \
        result.output
    suggested = set(re.findall(r"--[a-z][a-z-]+", result.output))
    offered = runner.invoke(main, [args[0], "--help"]).output
    assert {option for option in suggested if option not in offered} == set()
    assert bool(suggested) == (args[0] in ("build", "pairs"))


def test_two_regional_columns_of_the_language_asked_are_refused_not_one_taken(tmp_path):
    # a table with fr-BE and fr-CH columns, read for fr-FR, gave the fr-BE column as fr-FR
    # without a word, and fr-CH never (either could be the one meant)
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    path = tmp_path / "regions.tsv"
    path.write_text("en-GB\tfr-BE\tfr-CH\n" + "".join(
        f"{r[3]}\t{r[4]}\t{r[4]} (CH)\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError, match=r"regions\.tsv:1: 2 columns could be fr-FR "
                                         r"\(fr-BE, fr-CH\), none is fr-FR itself: choose one "
                                         r"\(--target-lang fr-BE\)"):
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    chosen = read_table(path, source_lang="en-GB", target_lang="fr-CH")
    assert [p.target for p in chosen.pairs] == [f"{r[4]} (CH)" for r in rows]
    # one regional column is the language's, as before
    single = tmp_path / "one.tsv"
    single.write_text("en-GB\tfr-BE\n" + "".join(f"{r[3]}\t{r[4]}\n" for r in rows), "utf-8")
    assert [p.target for p in read_table(single, source_lang="en-GB",
                                         target_lang="fr-FR").pairs] == [r[4] for r in rows]


def test_a_column_of_another_region_is_counted_as_read_as_the_tag_asked(tmp_path):
    """A pt-BR column read as pt-PT (by its language part) was written under pt-PT without a
    word, where a TMX or XLIFF read so is said in the summary: the texts are counted."""
    result = read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-CA")
    assert result.relabelled == {("fr-FR", "fr-CA"): len(result.pairs)}
    # the exact tags, or a column naming the language alone ("English" for en-GB): nothing
    assert not read_table(DGT_TSV, source_lang="en-GB", target_lang="fr-FR").relabelled
    path = _renamed(tmp_path, "named.tsv", "f\td\ti\tEnglish\tPortuguese (Brazil)")
    result = read_table(path, source_lang="en-GB", target_lang="pt-PT")
    assert result.relabelled == {("pt-BR", "pt-PT"): len(result.pairs)}


@pytest.mark.parametrize("header", ["en-GB\tzh-Hans", "English\tChinese (Simplified)"])
def test_a_column_in_another_script_of_the_language_asked_is_not_taken(tmp_path: Path,
                                                                       header: str) -> None:
    """A zh-Hans (or "Chinese (Simplified)") column was taken for the zh-Hant asked, as a
    regional variant, its Simplified characters written as Traditional Chinese."""
    table = tmp_path / "zh.tsv"
    table.write_text(f"{header}\nThe Member States shall comply with this Directive.\t"
                     "成员国应遵守本指令。\n", encoding="utf-8")
    for other_script in ("zh-Hant", "zh-TW"):
        with pytest.raises(InputError, match=f"no column for {other_script}"):
            read_table(table, source_lang="en-GB", target_lang=other_script)
    result = read_table(table, source_lang="en-GB", target_lang="zh-CN")
    assert [p.target for p in result.pairs] == ["成员国应遵守本指令。"]


def test_two_columns_headed_alike_are_refused_not_the_first_taken(tmp_path):
    # A reviewed sheet keeps the old translation beside the revised one, both headed "fr"
    # (the old column hidden): the first was read as the target without a word, and
    # `--target-lang fr` or `--target-column fr`, which the refusal offered, read it too.
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "en", "fr", "fr"])
    for number, row in enumerate(rows, 1):
        sheet.append([number, row[3], "OLD " + row[4], row[4]])
    sheet.column_dimensions["C"].hidden = True
    path = tmp_path / "revised.xlsx"
    book.save(path)
    for langs, column in ((("en-GB", "fr-FR"), None), (("en", "fr"), None),
                          (("en-GB", "fr-FR"), "fr")):
        with pytest.raises(InputError, match=r"revised\.xlsx:1: 2 columns could be fr(-FR)?, "
                                             r"headed alike \(fr, fr\): rename one"):
            read_table(path, source_lang=langs[0], target_lang=langs[1], target_column=column)
    # named apart, either is read
    sheet["C1"] = "fr (old)"
    book.save(path)
    assert [p.target for p in read_table(path, source_lang="en", target_lang="fr").pairs] \
        == [row[4] for row in rows]


def test_header_over_two_rows_under_merged_cells_is_read_from_its_lower_row(tmp_path):
    # "ID | Terms (merged over two columns) | Notes" above " | en | fr | ": the upper row
    # was read as the header, which named no language, and the table was refused
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    book = Workbook()
    sheet = book.active
    sheet.append(["Fisheries glossary"])
    sheet.merge_cells("A1:D1")
    sheet.append(["ID", "Terms", None, "Notes"])
    sheet.merge_cells("B2:C2")
    sheet.append([None, "en", "fr", None])
    for number, row in enumerate(rows, 1):
        sheet.append([number, row[3], row[4], None])
    path = tmp_path / "grouped.xlsx"
    book.save(path)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.line, p.source, p.target) for p in result.pairs] == [
        (line, row[3], row[4]) for line, row in enumerate(rows, 4)]
    assert [(r.line, r.reason) for r in result.rejects] == [(1, "title-row"), (2, "title-row")]
    assert declared_languages(path) == ("en", "fr")
    # a first row with no empty cell stays the header, as does one naming the roles
    plain = tmp_path / "plain.csv"
    plain.write_text("ID,Terms,Notes\n,en,fr\n1,high seas,haute mer\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"plain\.csv:1: no column for en-GB"):
        read_table(plain, source_lang="en-GB", target_lang="fr-FR")
    plain.write_text("Source,Target,\nen,fr,\nhigh seas,haute mer,\n", encoding="utf-8")
    assert [p.line for p in read_table(plain, source_lang="en-GB",
                                       target_lang="fr-FR").pairs] == [2, 3]


@pytest.mark.parametrize("header", [
    ["ID", "Anglais (Royaume-Uni)", "Français (France)", "Commentaire"],
    ["ID", "Englisch (Vereinigtes Königreich)", "Französisch (Frankreich)", "Kommentar"],
    ["Nr.", "Englisch", "Französisch", "Status"]])
def test_columns_headed_by_french_or_german_language_names(tmp_path, header):
    # memoQ, Trados and Excel in French or German head the columns they export in the
    # user's language: the table was refused ("no column for en-GB")
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for number, row in enumerate(rows, 1):
            writer.writerow([number, row[3], row[4].replace("\u00a0", " "), ""])
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [
        (row[3], row[4].replace("\u00a0", " ")) for row in rows]
    assert declared_languages(path)[0].lower() in ("en", "en-gb")


def test_sheet_named_for_another_pair_with_role_columns_is_a_reject(tmp_path):
    # a workbook of one sheet per language pair, each headed "Source" / "Target": the
    # German of the "EN-DE" sheet was written as French (fr-FR) in an EN -> FR run
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:3]
    book = Workbook()
    french = book.active
    french.title = "EN-FR"
    german = book.create_sheet("EN-DE")
    named = book.create_sheet("English to German")
    plain = book.create_sheet("Sheet3")
    for sheet in (french, german, named, plain):
        sheet.append(["Source", "Target"])
    for row in rows:
        french.append([row[3], row[4]])
        plain.append([row[3], row[4]])
    german.append(["high seas", "Hohe See"])
    named.append(["fishing vessel", "Fischereifahrzeug"])
    path = tmp_path / "pairs.xlsx"
    book.save(path)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.props["x-sheet"], p.target) for p in result.pairs] == [
        ("EN-FR", row[4]) for row in rows] + [("Sheet3", row[4]) for row in rows]
    assert [(r.reason, r.text.split(":")[0]) for r in result.rejects] == [
        ("sheet-without-columns", "sheet 'EN-DE'"),
        ("sheet-without-columns", "sheet 'English to German'")]
    assert "the sheet's name 'EN-DE' says EN -> DE, and its columns (Source, Target) name " \
           "no language" in result.rejects[0].text
    # asked for, the pair the names say is read
    german_run = read_table(path, source_lang="en", target_lang="de")
    assert [p.target for p in german_run.pairs] == ["Hohe See", "Fischereifahrzeug"] + [
        row[4] for row in rows]  # "Sheet3" names no language: read by its roles, as before
    with pytest.raises(InputError, match=r"pairs\.xlsx:1: no column for en-GB -> fr-FR: "
                                         r"the sheet's name 'EN-DE'"):
        read_table(path, source_lang="en-GB", target_lang="fr-FR", sheet="EN-DE")


@pytest.mark.parametrize("header", [
    "English term\tFrench term\tEnglish definition", "Term (EN)\tTerm (FR)\tNote",
    "EN (source)\tFR (target)\tMatch %", "en-GB source\tfr-FR target\tStatus",
    "Source - English\tTarget - French\tComment", "Source text\tTarget text\tStatus",
    "Source Segment\tTarget Segment\tStatus"])
def test_columns_headed_by_a_language_beside_what_they_hold(tmp_path, header):
    # term lists and CAT exports head columns "English term", "Term (EN)", "Source text":
    # such tables were refused ("no column for en-GB"), and a glossary read the header
    # row as a term pair
    rows = list(csv.reader(DGT_TSV.open(encoding="utf-8"), delimiter="\t"))[1:4]
    path = tmp_path / "terms.tsv"
    path.write_text(header + "\n" + "".join(f"{r[3]}\t{r[4]}\tapproved\n" for r in rows),
                    "utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [(r[3], r[4]) for r in rows]
    from tmx_export.terms.glossary import read_glossary
    assert [(e.source, e.target) for e in read_glossary(path, "en-GB", "fr-FR")] == [
        (r[3], r[4]) for r in rows]


def test_a_bare_code_beside_a_role_word_names_no_language(tmp_path):
    # "Target MT" is the machine translation, not Maltese; "Source ID" no Indonesian
    path = tmp_path / "mt.tsv"
    path.write_text("Source ID\tSource\tTarget\tTarget MT\n1\thigh seas\tqiegħ il-baħar\t"
                    "ibħra miftuħa\n", encoding="utf-8")
    [pair] = read_table(path, source_lang="en", target_lang="mt").pairs
    assert (pair.source, pair.target) == ("high seas", "qiegħ il-baħar")


def test_a_title_holding_a_comma_above_a_small_semicolon_table(tmp_path):
    """The sniffer asks a delimiter to be on (almost) every line: a title holding a comma
    above three rows of semicolons left it unable to tell, the comma was taken, and the
    table refused ("no column for en (columns: Fisheries glossary, 2019)")."""
    path = tmp_path / "fisheries.csv"
    path.write_text("Fisheries glossary, 2019\nen;fr\nhigh seas;haute mer\n"
                    "fishing vessel;navire de pêche\n", encoding="utf-8")
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target, p.line) for p in result.pairs] == [
        ("high seas", "haute mer", 3), ("fishing vessel", "navire de pêche", 4)]
    assert [(r.line, r.reason) for r in result.rejects] == [(1, "title-row")]


def test_xlsx_percentages_and_truth_values_read_as_the_sheet_shows_them(tmp_path):
    """A "50%" typed in a cell is stored as 0.5 under the format "0%": the unit said "0.5"
    where the translator wrote "50%" (and "True" for a truth value a sheet shows TRUE)."""
    path = tmp_path / "p.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["en-GB", "fr-FR"])
    sheet.append(["Rate of 50% for small farms", "Taux de 50 % pour les petites exploitations"])
    sheet.append([0.5, "50 %"])
    sheet.append([0.125, 0.125])
    sheet.append([0.5, 0.5])
    sheet.append([True, "VRAI"])
    sheet["A3"].number_format = "0%"
    sheet["A4"].number_format = "0.0%"
    sheet["B4"].number_format = "0.0%"
    sheet["A5"].number_format = '0"%"'  # a quoted "%" is a sign: no percentage
    book.save(path)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.line, p.source, p.target) for p in result.pairs] == [
        (2, "Rate of 50% for small farms", "Taux de 50 % pour les petites exploitations"),
        (3, "50%", "50 %"), (4, "12.5%", "12.5%"), (5, "0.5", "0.5"), (6, "TRUE", "VRAI")]


REVIEW_TABLE = Path(__file__).parent / "data" / "table_review_status_dgt_en_nl.tsv"


def test_a_status_column_says_which_rows_are_translations(tmp_path):
    # A bilingual review table as Trados exports one ("Segment status": Translated, Draft,
    # Translation Rejected...): every row with a target was written as a translation, the
    # draft and the one its reviewer rejected too, and the status was lost
    from click.testing import CliRunner

    from tmx_export.cli import main

    result = read_table(REVIEW_TABLE, source_lang="en-GB", target_lang="nl-NL")
    assert [p.line for p in result.pairs] == [2, 3, 5, 6, 8]  # 6: no target, empty-side
    assert [(r.line, r.reason, r.detail) for r in result.rejects] == [
        (4, "fuzzy", "status 'Draft'"), (7, "rejected", "status 'Translation Rejected'")]
    kept = read_table(REVIEW_TABLE, source_lang="en-GB", target_lang="nl-NL",
                      include_fuzzy=True)
    assert [p.line for p in kept.pairs] == [2, 3, 4, 5, 6, 8]
    out = tmp_path / "out.tmx"
    run = CliRunner().invoke(main, ["build", str(REVIEW_TABLE), "-o", str(out), "--source-lang",
                                    "en-GB", "--target-lang", "nl-NL"])
    assert run.exit_code == 0, run.output
    assert "7 rows read = 4 in units + 3 rejected" in run.output
    assert "HEEFT HET VOLGENDE BESLUIT" not in out.read_text(encoding="utf-8")
    # a status no tool writes is refused at its line, not guessed
    odd = tmp_path / "odd.tsv"
    odd.write_text(REVIEW_TABLE.read_text(encoding="utf-8").replace("Signed Off", "Looked at"),
                   encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_table(odd, source_lang="en-GB", target_lang="nl-NL")
    assert err.value.line == 5 and "status 'Looked at'" in err.value.message


def test_a_comment_column_gives_the_units_notes(tmp_path):
    # the reviewer's comments of a bilingual review table ("Comments") were dropped, while
    # an XLIFF unit's notes and a PO entry's comments become the TMX unit's <note>s
    from click.testing import CliRunner
    from lxml import etree

    from tmx_export.cli import main

    out = tmp_path / "out.tmx"
    # (build --langs dropped the notes of every input but TMX: an XLIFF unit's too)
    for options in (["--source-lang", "en-GB", "--target-lang", "nl-NL"],
                    ["--langs", "en-GB,nl-NL"]):
        run = CliRunner().invoke(main, ["build", str(REVIEW_TABLE), "-o", str(out), *options])
        assert run.exit_code == 0, run.output
        notes = [[note.text for note in tu.iter("note")]
                 for tu in etree.parse(str(out)).iter("tu")]
        assert notes == [["Title as in the Official Journal."], [], [],
                         ["Committee name as in Article 100 of the Agreement."]]


def test_columns_headed_by_a_language_and_its_country_in_their_own_names(tmp_path):
    # Windows' native names, as tools working in Swedish or Danish head their exports:
    # "svenska (Sverige)", "dansk (Danmark)" named no language (their countries were known
    # by their English, French, German... names alone), and the table was refused
    dgt = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0391.tmx"
    langs = ("sv-SE", "da-DK")
    texts = [{p.source: p.target for p in read_tmx(dgt, source_lang="en-GB",
                                                   target_lang=lang).pairs} for lang in langs]
    sources = [source for source in texts[0] if all(source in t for t in texts)][:5]
    table = tmp_path / "native.tsv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["English (United Kingdom)", "svenska (Sverige)", "dansk (Danmark)"])
        writer.writerows([source, *(t[source] for t in texts)] for source in sources)
    for lang, translated in zip(langs, texts, strict=True):
        pairs = read_table(table, source_lang="en-GB", target_lang=lang).pairs
        assert [(p.source, p.target) for p in pairs] == [(s, translated[s]) for s in sources]


WORDFAST_TM = Path(__file__).parent / "data" / "table_wordfast_tm_dgt_en_de.txt"


def test_a_table_of_texts_beside_their_language_codes_is_not_read_by_its_first_pair(tmp_path):
    # A Wordfast TM ("20190315~101500 | DGT | 0 | EN-GB | text | DE-DE | text"), read as a
    # TSV: its first pair was taken for the header (its "EN-GB" and "DE-DE" cells name
    # languages), the memory got the unit "EN-GB" -> "DE-DE", the other pairs were its
    # duplicates, and the first pair was in neither the memory nor the rejects
    from click.testing import CliRunner

    from tmx_export.cli import main

    out = tmp_path / "out.tmx"
    run = CliRunner().invoke(main, ["build", str(WORDFAST_TM), "-o", str(out)])
    assert run.exit_code == 1 and not out.exists()
    assert "table_wordfast_tm_dgt_en_de.txt:1: a Wordfast TM, which tmx-export does not " \
        "read: export it from Wordfast as TMX" in run.output
    # the same rows without Wordfast's first line: refused, pointing to --no-header
    rows = tmp_path / "codes.tsv"
    rows.write_text(WORDFAST_TM.read_text(encoding="utf-8").split("\n", 1)[1],
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_table(rows, source_lang="en-GB", target_lang="de-DE")
    assert "hold language codes, not texts ('EN-GB', 'DE-DE' on line 2)" in err.value.message
    read = read_table(rows, source_lang="en-GB", target_lang="de-DE", header=False,
                      source_column="5", target_column="7")
    assert [(p.line, p.source) for p in read.pairs][:2] == [
        (1, "on the establishment of a list of arbitrators [2019/391]"),
        (2, "THE TRADE AND DEVELOPMENT COMMITTEE,")]
    assert len(read.pairs) == 4 and read.rejects == []
    # a header written again (two exports joined) gave the unit "en-GB" -> "de-DE" too
    twice = tmp_path / "twice.tsv"
    pairs = [f"{p.source}\t{p.target}\n" for p in read.pairs]
    twice.write_text("en-GB\tde-DE\n" * 2 + "".join(pairs[:2]) + "en-GB\tde-DE\n"
                     + "".join(pairs[2:]), encoding="utf-8")
    joined = read_table(twice, source_lang="en-GB", target_lang="de-DE")
    assert [p.source for p in joined.pairs] == [p.source for p in read.pairs]
    assert [(r.line, r.reason) for r in joined.rejects] == [(2, "header-row"),
                                                             (5, "header-row")]


TRANSLATION_TABLE = Path(__file__).parent / "data" / "table_translation_header_dgt_en_nl.csv"


def test_t14_a_translation_column_is_the_target(tmp_path):
    # "Key, Source, Translation, Context", as localisation platforms export strings: the
    # table was refused ("no column for nl-NL"), "Translation" being no role it knew
    from click.testing import CliRunner

    from tmx_export.cli import main

    result = read_table(TRANSLATION_TABLE, source_lang="en-GB", target_lang="nl-NL")
    assert [(p.source, p.target) for p in result.pairs][1:3] == [
        ("THE TRADE AND DEVELOPMENT COMMITTEE,", "HET HANDELS- EN ONTWIKKELINGSCOMITÉ,"),
        ("HAS ADOPTED THIS DECISION:", "HEEFT HET VOLGENDE BESLUIT VASTGESTELD:")]
    assert len(result.pairs) == 4 and not result.rejects
    # in German, and with "Original" for the source
    german = tmp_path / "de.csv"
    german.write_text(TRANSLATION_TABLE.read_text(encoding="utf-8").replace(
        "Key,Source,Translation", "Schlüssel,Original,Übersetzung"), encoding="utf-8")
    out = tmp_path / "out.tmx"
    run = CliRunner().invoke(main, ["build", str(german), "-o", str(out), "--source-lang",
                                    "en-GB", "--target-lang", "nl-NL"])
    assert run.exit_code == 0, run.output
    assert "<seg>HEEFT HET VOLGENDE BESLUIT VASTGESTELD:</seg>" in out.read_text(encoding="utf-8")
    # a table with both a "Target" and a "Translation" column says which is meant: refused
    both = tmp_path / "both.csv"
    both.write_text(TRANSLATION_TABLE.read_text(encoding="utf-8").replace(
        "Key,Source,Translation,Context", "Key,Source,Translation,Target"), encoding="utf-8")
    with pytest.raises(InputError):
        read_table(both, source_lang="en-GB", target_lang="nl-NL")
