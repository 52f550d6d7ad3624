"""XLSX files as untrusted input: every row read whatever the sheet claims, zip bombs refused
before anything is inflated, damaged workbooks reported in one line."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from tmx_export.cli import main
from tmx_export.errors import InputError
from tmx_export.formats import table
from tmx_export.formats.table import read_table, write_table
from tmx_export.formats.xml import check_archive
from tmx_export.model import Pair

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [(f"Sentence {i}.", f"Phrase {i}.") for i in range(1, 11)]
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)


def make_xlsx(path: Path, rows: list[tuple[str, str | None]] = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["en-GB", "fr-FR"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def rewrite(path: Path, change: Callable[[str, bytes], bytes],
            compression: int = zipfile.ZIP_DEFLATED) -> None:
    """Rewrite every member of the archive at ``path`` through ``change(name, data)``."""
    with zipfile.ZipFile(path) as old:
        members = [(info.filename, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", compression) as new:
        for name, data in members:
            new.writestr(name, change(name, data))


def patch_central_directory(path: Path, member: str, offset: int, value: int) -> None:
    """Overwrite a 4-byte field of ``member``'s central directory entry (the sizes and CRC
    that :mod:`zipfile` trusts), as a forged archive would."""
    data = bytearray(path.read_bytes())
    start = 0
    while True:
        at = data.index(b"PK\x01\x02", start)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == member.encode():
            break
        start = at + 4
    struct.pack_into("<I", data, at + offset, value)
    path.write_bytes(bytes(data))


def make_bomb(path: Path, inflated: int) -> Path:
    """A small ZIP whose worksheet part is ``inflated`` bytes of zeros, deflated while
    streamed, so neither writing it nor the test holds it in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open(SHEET, "w") as part:
            chunk = bytes(1 << 20)
            for _ in range(inflated >> 20):
                part.write(chunk)
    return path


def assert_one_line_naming(err: pytest.ExceptionInfo[InputError], path: Path) -> str:
    message = str(err.value)
    assert message.startswith(f"{path}:")
    assert "\n" not in message
    return message


@pytest.fixture
def opened_members(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the archive members anything opens (inflates) during the test."""
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def recording_open(self: zipfile.ZipFile, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(name if isinstance(name, str) else name.filename)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    return opened


# --- a stale <dimension> --------------------------------------------------------------------

def test_stale_dimension_still_reads_every_row(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "stale.xlsx")
    rewrite(path, lambda name, data: re.sub(rb'<dimension ref="[^"]*"/>',
                                            b'<dimension ref="A1:B2"/>', data)
            if name == SHEET else data)
    # the forged file says two rows, and openpyxl's read-only mode believes it
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:B2"/>' in archive.read(SHEET)
    book = load_workbook(path, read_only=True)
    assert book.worksheets[0].max_row == 2
    book.close()

    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == ROWS
    assert [p.line for p in result.pairs] == list(range(2, 12))
    assert result.rejects == []


@pytest.mark.parametrize("stale", [False, True])
def test_empty_last_cell_is_an_empty_segment_not_a_short_row(tmp_path: Path,
                                                             stale: bool) -> None:
    # Without a trusted dimension, openpyxl ends a row at its last cell; the row still has
    # the header's width, as it had when the dimension was trusted and as it has in CSV.
    path = make_xlsx(tmp_path / "gap.xlsx", [("Cancel", "Annuler"), ("Untranslated", None)])
    if stale:
        rewrite(path, lambda name, data: re.sub(rb'<dimension ref="[^"]*"/>',
                                                b'<dimension ref="A1:A1"/>', data)
                if name == SHEET else data)
    result = read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == [("Cancel", "Annuler"),
                                                            ("Untranslated", "")]
    assert result.rejects == []


# --- zip bombs ------------------------------------------------------------------------------

def test_zip_bomb_refused_before_inflating(tmp_path: Path, opened_members: list[str]) -> None:
    # 64 MiB of zeros deflate to ~64 KB (about 1000:1); the ratio bound applies to parts
    # over 16 MiB, and a bigger bomb only takes longer to build here.
    bomb = make_bomb(tmp_path / "bomb.xlsx", 64 << 20)
    assert bomb.stat().st_size < 200_000
    opened_members.clear()
    with pytest.raises(InputError) as err:
        read_table(bomb, source_lang="en-GB", target_lang="fr-FR")
    message = assert_one_line_naming(err, bomb)
    assert "refused" in message and "zip bomb" in message and SHEET in message
    assert "64.0 MiB" in message
    assert opened_members == []  # refused from the central directory, nothing inflated

    # a real workbook passes the same checks and reads
    normal = make_xlsx(tmp_path / "normal.xlsx")
    result = read_table(normal, source_lang="en-GB", target_lang="fr-FR")
    assert [(p.source, p.target) for p in result.pairs] == ROWS
    assert SHEET in opened_members


def test_forged_sizes_are_refused_before_inflating(tmp_path: Path,
                                                   opened_members: list[str]) -> None:
    # A directory claiming 2 GiB for a small part: the "2 MB that inflates to 2 GB".
    path = make_xlsx(tmp_path / "claims.xlsx")
    patch_central_directory(path, SHEET, 24, 2 << 30)
    opened_members.clear()
    with pytest.raises(InputError) as err:
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert "zip bomb" in assert_one_line_naming(err, path)
    assert opened_members == []


def test_total_inflated_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_xlsx(tmp_path / "normal.xlsx")
    with zipfile.ZipFile(path) as archive:
        total = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(table, "XLSX_MAX_INFLATED", total - 1)
    with pytest.raises(InputError) as err:
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert "would inflate to more than" in assert_one_line_naming(err, path)
    monkeypatch.setattr(table, "XLSX_MAX_INFLATED", total)
    assert len(read_table(path, source_lang="en-GB", target_lang="fr-FR").pairs) == 10


def test_check_archive_bounds_are_parameters(tmp_path: Path) -> None:
    bomb = make_bomb(tmp_path / "bomb.zip", 2 << 20)
    # under the ratio floor, a compressible part is judged by the total alone
    check_archive(bomb, max_inflated=4 << 20, max_ratio=200, ratio_floor=4 << 20)
    with pytest.raises(InputError, match="limit is 200:1"):
        check_archive(bomb, max_inflated=4 << 20, max_ratio=200, ratio_floor=1 << 20)
    with pytest.raises(InputError, match=r"more than 1\.0 MiB"):
        check_archive(bomb, max_inflated=1 << 20, max_ratio=200, ratio_floor=4 << 20)
    check_archive(bomb, max_inflated=4 << 20, max_ratio=2000, ratio_floor=1 << 20)


def test_bzip2_parts_are_refused(tmp_path: Path, opened_members: list[str]) -> None:
    # zipfile inflates bzip2 a whole compressed chunk at a time, whatever size the part
    # declares; OOXML allows only stored and deflated parts, so this is no real workbook.
    path = make_xlsx(tmp_path / "bz.xlsx")
    rewrite(path, lambda name, data: data, zipfile.ZIP_BZIP2)
    book = load_workbook(path, read_only=True)  # openpyxl itself would open it
    book.close()
    opened_members.clear()
    with pytest.raises(InputError) as err:
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    assert "compression method 12" in assert_one_line_naming(err, path)
    assert opened_members == []


# --- damaged workbooks ------------------------------------------------------------------------

def test_not_a_zip_and_truncated_zip_are_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError) as err:
        read_table(bad, source_lang="en", target_lang="fr")
    assert "not a readable XLSX workbook" in assert_one_line_naming(err, bad)
    cut = make_xlsx(tmp_path / "cut.xlsx")
    cut.write_bytes(cut.read_bytes()[:-100])  # the central directory's end is gone
    with pytest.raises(InputError) as err:
        read_table(cut, source_lang="en", target_lang="fr")
    assert "not a readable XLSX workbook" in assert_one_line_naming(err, cut)


def test_part_shorter_than_declared_fails_while_streaming(tmp_path: Path) -> None:
    # The directory declares fewer bytes than the part holds: zipfile stops there (the
    # declared sizes are binding) and the CRC check fails in the middle of the rows, long
    # after openpyxl opened the workbook (the sheet is bigger than its first reads).
    rows = [(f"Sentence {i}.", f"Phrase {i}.") for i in range(5000)]
    path = make_xlsx(tmp_path / "short.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        real = archive.getinfo(SHEET).file_size
    assert real > 200_000
    patch_central_directory(path, SHEET, 24, real - 200)
    with pytest.raises(InputError) as err:
        read_table(path, source_lang="en-GB", target_lang="fr-FR")
    message = assert_one_line_naming(err, path)
    assert "not a readable XLSX workbook" in message and "CRC" in message
    line = int(message.split(":")[1])
    assert 1000 < line <= 5001  # where reading stopped, not the top of the file


def test_cli_refuses_a_bomb_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    bomb = make_bomb(tmp_path / "bomb.xlsx", 32 << 20)
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(bomb), "-o", str(out),
                                       "--source-lang", "en-GB", "--target-lang", "fr-FR"])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(bomb) in lines[0] and "zip bomb" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.xlsx"]


def test_a_forged_zip_version_is_one_line(tmp_path: Path) -> None:
    """Found by the fuzz stage: a damaged central directory whose "version needed" field is
    absurd made zipfile raise NotImplementedError, a traceback."""
    good = tmp_path / "good.xlsx"
    write_table([Pair("a", "b", "en-GB", "fr-FR")], good)
    data = bytearray(good.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6:central + 8] = (187).to_bytes(2, "little")  # "version needed": 18.7
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"bad\.xlsx: not a readable XLSX workbook"):
        read_table(bad, source_lang="en-GB", target_lang="fr-FR")


# --- entities in the XML parts ---------------------------------------------------------------

ENTITIES = (b'<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY x SYSTEM "file:///etc/hostname">]>')


def declare_entities(name: str, data: bytes) -> bytes:
    """The sheet part with a DOCTYPE declaring entities after its XML declaration, and one
    of them used in the first cell."""
    if name != SHEET:
        return data
    declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
    data = data[:declaration_end] + ENTITIES + data[declaration_end:]
    return data.replace(b"Sentence 1.", b"Sentence &b;.", 1)


def test_entities_in_a_sheet_are_refused_not_expanded(tmp_path: Path) -> None:
    book = make_xlsx(tmp_path / "ent.xlsx")
    rewrite(book, declare_entities)
    with pytest.raises(InputError, match="declares entities") as err:
        read_table(book, source_lang="en-GB", target_lang="fr-FR")
    assert SHEET in assert_one_line_naming(err, book)


def test_cli_refuses_entities_in_a_workbook_in_one_line_and_writes_nothing(
        tmp_path: Path) -> None:
    book = make_xlsx(tmp_path / "ent.xlsx")
    rewrite(book, lambda name, data: declare_entities(name, data).replace(
        b"<worksheet", b"\n<worksheet"))  # the root on line 2: the DOCTYPE is still refused
    out = tmp_path / "out.tmx"
    result = CliRunner().invoke(main, ["build", str(book), "-o", str(out),
                                       "--source-lang", "en-GB", "--target-lang", "fr-FR"])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(book) in lines[0] and "declares entities" in lines[0]
    assert "haha" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ent.xlsx"]


def test_binary_parts_are_not_taken_for_xml(tmp_path: Path) -> None:
    """An image or other binary part is never parsed as XML: bytes in it that spell an
    entity declaration refuse nothing."""
    book = make_xlsx(tmp_path / "image.xlsx")
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("xl/media/image1.png", b"\x89PNG\r\n<!DOCTYPE x [<!ENTITY a 'b'>]>")
    pairs = read_table(book, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [(p.source, p.target) for p in pairs] == ROWS


def test_a_workbook_refused_from_standard_input_is_named_stdin(tmp_path: Path) -> None:
    """The refusals named the private copy of standard input, a temporary path."""
    book = make_xlsx(tmp_path / "ent.xlsx")
    rewrite(book, declare_entities)
    bomb = make_bomb(tmp_path / "bomb.xlsx", 32 << 20)
    for workbook, why in ((book, "declares entities"), (bomb, "zip bomb")):
        result = CliRunner().invoke(main, ["build", "-", "--input-format", "xlsx",
                                           "-o", str(tmp_path / "out.tmx")],
                                    input=workbook.read_bytes())
        assert result.exit_code == 1, result.output
        line, = result.output.strip().splitlines()
        assert line.startswith("tmx-export: error: <stdin>: ") and why in line
