"""Every run's output is true, or the run refuses: languages, empty runs, files that are not
bitext, the accounting of every paragraph, and outputs that are never half-written."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from tmx_export.dump.writer import CUT_STYLES, format_dump
from tmx_export.errors import InputError
from tmx_export.inputs import ParallelInput
from tmx_export.model import Pair
from tmx_export.pipeline import build, read_units

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENGLISH_ONLY = (
    "The sitting was opened at 9 a.m.\n"
    "The Minutes of the previous sitting were approved.\n"
    "Mr President, I would like to raise a point of order concerning the agenda.\n"
)


def run(*args: str, input: bytes | None = None):
    from tmx_export.cli import main

    return CliRunner().invoke(main, list(args), input=input)


def assert_refused(result, *words: str) -> str:
    """One error line, exit 1, no traceback; returns the line."""
    assert result.exit_code == 1, result.output
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("tmx-export: error: "), result.stderr
    for word in words:
        assert word in line, line
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return line


# --- languages ---------------------------------------------------------------------------------

def test_three_letter_codes_are_written_as_bcp47(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    result = run("build", str(SEED), "-o", str(out), "--source-lang", "eng",
                 "--target-lang", "fra", "--profile", "omegat", "-q")
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("srclang") == "en"
    assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"en", "fr"}


@pytest.mark.parametrize(("options", "words"), [
    (["--source-lang", "xx-YY"], ["--source-lang", "'xx-YY' is not a known language"]),
    (["--target-lang", "qq"], ["--target-lang", "not a known language"]),
    (["--target-lang", "zh-CN"], ["cannot read a bilingual dump in zh-CN", "fr", "de"]),
    (["--source-lang", "ja-JP"], ["ja-JP", "dumps can be read in"]),
    # Chinese in every tag: py3langid's n-grams for Cantonese and Wu let them through
    (["--target-lang", "yue"], ["cannot read a bilingual dump in yue"]),
    (["--target-lang", "zh-yue"], ["cannot read a bilingual dump in yue"]),
    (["--target-lang", "wuu"], ["cannot read a bilingual dump in wuu"]),
    (["--target-lang", "th"], ["cannot read a bilingual dump in th"]),
    # a dump's sides are told apart by their language: two regions of one cannot be
    (["--source-lang", "en-GB", "--target-lang", "en-US"],
     ["en-GB and en-US cannot be told apart in a dump", "parallel files"]),
    # the list names every language a dump is read in: Estonian, Irish and Maltese by
    # their n-grams (left out, though such dumps were read)
    (["--source-lang", "ko"], ["dumps can be read in", " et, ", " ga, ", " mt, "]),
    (["--source-lang", "fr-FR", "--target-lang", "fr_FR"], ["both fr-FR"]),
])
def test_languages_that_cannot_be_handled_are_refused_before_any_work(
        tmp_path: Path, options: list[str], words: list[str]) -> None:
    out = tmp_path / "o.tmx"
    assert_refused(run("build", str(SEED), "-o", str(out), *options), *words)
    assert list(tmp_path.iterdir()) == []


def test_two_regions_of_one_language_are_a_pair(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("en-US\ten-GB\nThe color of the program.\tThe colour of the programme.\n",
                     encoding="utf-8")
    summary = build([table], tmp_path / "o.tmx", source_lang="en-US", target_lang="en-GB")
    assert summary.units_written == 1


def test_two_regions_of_one_language_are_refused_in_a_dump(tmp_path: Path) -> None:
    """German paragraphs read as a de-DE -> de-AT dump were cut into "pairs" of German
    halves and of neighbouring paragraphs, with nothing rejected."""
    dump = tmp_path / "bericht.txt"
    dump.write_text("Der Gemischte Ausschuss tritt mindestens einmal jährlich zusammen.\n\n"
                    "Die Vertragsparteien stellen sicher, dass die Maßnahmen eingehalten "
                    "werden.\n", encoding="utf-8")
    out = tmp_path / "o.tmx"
    assert_refused(run("build", str(dump), "-o", str(out), "--source-lang", "de-DE",
                       "--target-lang", "de-AT"), "bericht.txt", "cannot be told apart")
    assert not out.exists()


def _dgt_parallel(folder: Path, target: str) -> tuple[Path, Path]:
    """DGT-TM 22019D0437's German and ``target`` texts as parallel files, a unit a
    paragraph."""
    from tmx_export.formats.tmx import read_tmx

    pairs = read_tmx(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx", source_lang="de-DE",
                     target_lang=target).pairs
    german, other = folder / f"doc-{target}.de.txt", folder / f"doc-{target}.xx.txt"
    german.write_text("\n\n".join(p.source for p in pairs) + "\n", encoding="utf-8")
    other.write_text("\n\n".join(p.target for p in pairs) + "\n", encoding="utf-8")
    return german, other


@pytest.mark.parametrize(("written", "declared"), [
    ("es-ES", "pt-PT"), ("sk-SK", "cs-CZ"), ("hr-HR", "sl-SI"), ("pt-PT", "es-ES")])
def test_a_document_in_a_close_language_is_refused(tmp_path: Path, written: str,
                                                   declared: str) -> None:
    """Spanish labelled pt-PT, Slovak labelled cs-CZ, Croatian labelled sl-SI were written
    (60 units, nothing rejected): they lean to the language declared against German.
    The same files labelled with their own language are read."""
    german, other = _dgt_parallel(tmp_path, written)
    out = tmp_path / "o.tmx"
    assert_refused(run("build", "--source", str(german), "--target", str(other), "-o",
                       str(out), "--source-lang", "de-DE", "--target-lang", declared),
                   f"the target text reads as {written[:2]}, not {declared}")
    assert not out.exists()
    result = run("build", "--source", str(german), "--target", str(other), "-o", str(out),
                 "--source-lang", "de-DE", "--target-lang", written, "-q")
    assert result.exit_code == 0, result.output


def test_a_paragraph_in_a_close_language_is_rejected_from_a_dump(tmp_path: Path) -> None:
    """A Spanish paragraph among Italian ones in a numbered dump was written as it-IT."""
    dump = tmp_path / "beschluss.txt"
    dump.write_text(
        "1. Der Gemischte Ausschuss tritt mindestens einmal jährlich zusammen. 1. Il comitato "
        "misto si riunisce almeno una volta all'anno.\n2. Die Sitzungen werden abwechselnd in "
        "Brüssel und in der Hauptstadt des anderen Vertragspartners abgehalten. 2. Las "
        "reuniones se celebrarán alternativamente en Bruselas y en la capital de la otra "
        "Parte.\n3. Der Vorsitz wird abwechselnd von einem Vertreter jeder Vertragspartei "
        "geführt. 3. La presidenza è esercitata a turno da un rappresentante di ciascuna "
        "parte.\n", encoding="utf-8")
    units, rejects = read_units([dump], source_lang="de-DE", target_lang="it-IT")
    assert [r.reason for r in rejects] == ["wrong-language"]
    assert "Las reuniones" in rejects[0].text
    assert not any("reuniones" in u.target for u in units)
    assert len({u.paragraph for u in units}) == 2  # its two Italian paragraphs, numbered


CHINESE = "委員會每年至少舉行一次會議。\n\n委員會應通過其議事規則。\n"
JAPANESE = ("欧州連合理事会は、少なくとも毎年一回定期会合を開催する。\n\n"
            "同委員会は、その手続規則を採択する。\n")  # 28 kanji, kana between them
ENGLISH = "The Committee shall meet at least once a year.\n\nIt shall adopt its rules.\n"


@pytest.mark.parametrize(("text", "declared", "found"), [
    (CHINESE, "ko-KR", "zh"), (CHINESE, "ja-JP", "zh")])
def test_cjk_text_in_the_script_of_another_language_is_refused(
        tmp_path: Path, text: str, declared: str, found: str) -> None:
    """Chinese (Han, no Hangul, no kana) labelled ko or ja was written as Korean or
    Japanese: no word list, and too little text for the identifier."""
    english, other = tmp_path / "p.en.txt", tmp_path / "p.xx.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    other.write_text(text, encoding="utf-8")
    out = tmp_path / "o.tmx"
    args = ["build", "--source", str(english), "--target", str(other), "--source-lang",
            "en-GB", "-o", str(out)]
    assert_refused(run(*args, "--target-lang", declared),
                   f"the target text reads as {found}, not {declared}", "script")
    assert not out.exists()
    assert run(*args, "--target-lang", "zh-TW", "-q").exit_code == 0
    other.write_text(JAPANESE, encoding="utf-8")
    assert run(*args, "--target-lang", "ja-JP", "-q").exit_code == 0


# --- nothing bilingual, nothing written ---------------------------------------------------------

def test_long_english_text_without_french_says_so(tmp_path: Path) -> None:
    """3 KB of a Europarl session's English, one paragraph: read as 2,998 characters
    against the scrap "s", it was refused as "all rejected (1 too-long)"."""
    words = (DATA / "europarl-sessions" / "ep-00-01-17.en.txt").read_text("utf-8").split()
    english = tmp_path / "english.txt"
    english.write_text(" ".join(words)[7500:10500] + "\n", encoding="utf-8")
    line = assert_refused(run("build", str(english), "-o", str(tmp_path / "o.tmx")),
                          "english.txt", "no translation unit to write")
    assert "(1 unpaired paragraph (en-GB only))" in line and "too-long" not in line


def test_one_language_text_is_a_reject_and_an_empty_run_a_refusal(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH_ONLY, encoding="utf-8")
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    line = assert_refused(run("build", str(english), "-o", str(out), "--rejects", str(report)),
                          "english.txt", "no translation unit to write", "--allow-empty")
    assert "fr-FR side is in en-GB" in line
    assert list(tmp_path.iterdir()) == [english]
    # asked for, the empty memory is written, and the reason is in the report
    result = run("build", str(english), "-o", str(out), "--rejects", str(report),
                 "--allow-empty")
    assert result.exit_code == 0, result.output
    assert "0 units written" in result.stdout
    assert "3 paragraphs read" not in result.stdout  # the dump is one paragraph, rejected
    assert "1 paragraph read = 0 in units + 1 rejected" in result.stdout
    assert "fr-FR side is in en-GB: no translation to pair" in report.read_text("utf-8")


def test_a_pdf_is_not_bilingual_text(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert_refused(run("build", str(pdf), "-o", str(tmp_path / "o.tmx")),
                   "report.txt", "a PDF file")


def test_files_without_text_in_a_directory_are_skipped_and_listed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_bytes(SEED.read_bytes())
    (corpus / "notes.md").write_text("not an input", encoding="utf-8")
    (corpus / "empty.tmx").write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en-GB" segtype="sentence" '
        'creationtool="x" creationtoolversion="1" o-tmf="x" adminlang="en" datatype="plaintext"'
        '/><body/></tmx>', encoding="utf-8")
    out = tmp_path / "o.tmx"
    result = run("build", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"skipped {corpus / 'empty.tmx'}: no bilingual en-GB/fr-FR text found" in result.stdout
    assert f"not read (1 file of unknown type): {corpus / 'notes.md'}" in result.stdout
    # named on its own, the same file is refused
    assert_refused(run("build", str(corpus / "empty.tmx"), "-o", str(out)), "empty.tmx",
                   "no bilingual en-GB/fr-FR text found")


def test_empty_files_in_a_directory_are_skipped_and_listed(tmp_path: Path) -> None:
    """One empty .txt stopped a whole directory run with "file is empty"; it is skipped
    and listed as a file without bilingual text is, and so is the translation whose
    parallel file is the empty one. Named on its own, it is still refused."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_bytes(SEED.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text(" \n\n", encoding="utf-8")
    (corpus / "speech.en.txt").write_bytes(b"")
    (corpus / "speech.fr.txt").write_text("Reprise de la session.\n", encoding="utf-8")
    out = tmp_path / "o.tmx"
    result = run("build", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 units written")
    for name in ("blank.txt", "empty.txt", "speech.en.txt"):
        assert f"skipped {corpus / name}: file is empty\n" in result.stdout
    assert (f"skipped {corpus / 'speech.fr.txt'}: its parallel file "
            f"{corpus / 'speech.en.txt'} is empty\n") in result.stdout
    assert_refused(run("build", str(corpus / "empty.txt"), "-o", str(out)), "empty.txt",
                   "file is empty")


def test_a_directory_whose_every_file_is_skipped_names_them(tmp_path: Path) -> None:
    """A directory holding only empty files was refused as "0 inputs: no translation unit
    to write: 0 read, all rejected": it named no file, and nothing had been rejected."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_bytes(b"")
    out = tmp_path / "o.tmx"
    for command in (["build", str(corpus), "-o", str(out)], ["pairs", str(corpus)]):
        result = run(*command)
        assert result.exit_code == 1 and not out.exists()
        assert result.output == (
            f"tmx-export: error: {corpus / 'notes.txt'}: no translation unit to write: nothing "
            f"read, every file found was skipped ({corpus / 'notes.txt'}: file is empty); use "
            "--allow-empty to write an empty file anyway\n")
    (corpus / "blank.txt").write_text(" \n\n", encoding="utf-8")
    result = run("build", str(corpus), "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert result.output.startswith(
        f"tmx-export: error: 2 files: no translation unit to write: nothing read, every file "
        f"found was skipped ({corpus / 'blank.txt'}: file is empty; {corpus / 'notes.txt'}: "
        "file is empty)")
    written = run("build", str(corpus), "-o", str(out), "--allow-empty")
    assert written.exit_code == 0 and out.exists()


# --- accounting --------------------------------------------------------------------------------

def test_every_paragraph_read_is_in_a_unit_or_rejected(tmp_path: Path) -> None:
    pairs = [Pair(f"Paragraph {n} of the sitting was read.", f"Le paragraphe {n} de la séance "
                  "a été lu.", "en-GB", "fr-FR", number=n) for n in range(1, 9)]
    text = format_dump(pairs, seed=3)
    # a pair repeated (a duplicate), and a pair whose numbers disagree (a reader's reject)
    text += format_dump(pairs[:1], seed=4)
    text += "9. Stresses the point. 10. souligne le point.\n"
    dump = tmp_path / "d.txt"
    dump.write_text(text, encoding="utf-8")
    summary = build([dump], tmp_path / "o.tmx", segment="paragraph")
    accounts = summary.accounts
    assert accounts.read == 10
    assert (accounts.in_units, accounts.rejected) == (8, 2)
    assert summary.rejects == {"duplicate": 2, "paragraph number mismatch": 1}


def test_a_broken_account_is_an_internal_error() -> None:
    from tmx_export.pipeline import AccountingError, Accounts

    Accounts(read=3, in_units=2, rejected=1).check()
    with pytest.raises(AccountingError, match="3 paragraphs read but 2 in units and 0"):
        Accounts(read=3, in_units=2, rejected=0).check()


# --- nothing half-done -------------------------------------------------------------------------

def test_output_directory_is_checked_before_any_input_is_read(tmp_path: Path) -> None:
    heard: list[object] = []
    with pytest.raises(InputError, match="missing/o.tmx: cannot write: the directory does"):
        build([SEED], tmp_path / "missing" / "o.tmx", progress=lambda *e: heard.append(e))
    assert heard == []


def test_stdout_after_a_failure_does_not_end_like_a_complete_memory(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"34. Calls on \x81\x8d the Commission\n")  # neither UTF-8 nor cp1252
    result = run("build", str(SEED), str(bad), "-o", "-")
    assert result.exit_code == 1
    assert not result.stdout.rstrip().endswith("</tmx>")
    assert "bad.txt" in result.stderr


def test_disk_full_names_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tmx_export.formats.text as text

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(text.os, "fsync", full)
    out = tmp_path / "o.tmx"
    with pytest.raises(InputError, match=r"o\.tmx: cannot write: No space left on device"):
        build([SEED], out)
    assert list(tmp_path.iterdir()) == []



class _FullAfter:
    """A file whose writes after its first ``allowed`` fail as on a full disk."""

    def __init__(self, handle, allowed: int) -> None:  # type: ignore[no-untyped-def]
        self.handle, self.allowed, self.writes = handle, allowed, 0

    def write(self, data):  # type: ignore[no-untyped-def]
        self.writes += 1
        if self.writes > self.allowed:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.handle.write(data)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.handle.close()

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.handle, name)

def test_disk_full_under_a_part_names_the_part(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """``--max-units``: a disk that fills up while a part is written said "tmx-export:
    error: No space left on device", naming no file, where a memory of one part names it."""
    import tmx_export.formats.tmx as tmx

    real_fdopen = tmx.os.fdopen

    def opened(fd: int, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return _FullAfter(handle, 0) if mode == "wb" else handle  # the parts' temporary files

    monkeypatch.setattr(tmx.os, "fdopen", opened)
    result = run("build", str(SEED), "-o", str(tmp_path / "o.tmx"), "--max-units", "1",
                 "--jobs", "1")
    assert result.exit_code == 1
    assert result.output == (f"tmx-export: error: {tmp_path / 'o-001.tmx'}: cannot write: "
                             "No space left on device\n")
    assert list(tmp_path.iterdir()) == []


DGT_WITH_REJECTS = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"  # 19 units, 6 rejects


def test_a_failed_rejects_report_leaves_no_new_memory(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 1 means nothing was written: the TMX waits for the report before it goes in."""
    import tmx_export.formats.text as text

    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    out.write_bytes(b"an earlier memory")
    real_fsync = text.os.fsync

    def full_for_the_report(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(tmp_path / ".r.tsv.")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(text.os, "fsync", full_for_the_report)
    result = run("build", str(DGT_WITH_REJECTS), "-o", str(out), "--rejects", str(report))
    assert result.exit_code == 1
    assert f"{report}: cannot write: No space left on device" in result.stderr
    assert out.read_bytes() == b"an earlier memory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.tmx"]
    pairs = run("pairs", str(DGT_WITH_REJECTS), "-o", str(tmp_path / "p.jsonl"),
                "--rejects", str(report))
    assert pairs.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.tmx"]


def test_a_full_disk_under_the_report_names_the_report(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The report is written while the TMX is: its failure is still the report's."""
    import builtins

    import tmx_export.formats.text as text

    def opened(name, mode="r", **kwargs):  # type: ignore[no-untyped-def]
        handle = builtins.open(name, mode, **kwargs)
        is_report = Path(str(name)).name.startswith(".r.tsv.")
        # the header goes; a reject does not
        return _FullAfter(handle, 1) if is_report else handle

    monkeypatch.setattr(text, "open", opened, raising=False)
    out, report = tmp_path / "o.tmx", tmp_path / "r.tsv"
    with pytest.raises(InputError, match=r"r\.tsv: cannot write: No space left on device"):
        build([DGT_WITH_REJECTS], out, rejects_path=report)
    assert list(tmp_path.iterdir()) == []


def test_output_to_a_fifo_is_written_into_it(tmp_path: Path) -> None:
    """A reader waiting on a pipe gets the memory; the pipe is not replaced by a file."""
    import threading

    fifo = tmp_path / "out.tmx"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("build", str(SEED), "-o", str(fifo), "-q")
    reader.join(timeout=20)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and len(etree.fromstring(got[0]).findall(".//tu")) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tmx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("langs", [(), ("--langs", "en-GB,fr-FR,de-DE")])
def test_parts_of_a_pipe_or_device_are_refused(tmp_path: Path, langs: tuple[str, ...]) -> None:
    """--max-units beside a pipe (or -o /dev/null, a run for its summary) wrote its parts
    as new files beside it (/dev/null-001, /dev/null-002... in /dev, as root), the pipe
    left without a byte: refused before any work, naming the output."""
    fifo = tmp_path / "out.tmx"
    os.mkfifo(fifo)
    inputs = [str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")] if langs else [str(SEED)]
    result = run("build", *inputs, *langs, "-o", str(fifo), "--max-units", "5")
    assert result.exit_code == 1
    assert result.output.startswith(f"tmx-export: error: {fifo}: --max-units writes numbered")
    assert len(result.output.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tmx"]


def test_output_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    """A memory in a CAT project's tm/ folder linked to a shared one stays linked."""
    shared, link = tmp_path / "shared.tmx", tmp_path / "tm" / "link.tmx"
    shared.write_text("old", encoding="utf-8")
    link.parent.mkdir()
    link.symlink_to(shared)
    result = run("build", str(SEED), "-o", str(link), "--rejects", str(link.parent / "r.tsv"))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == shared
    assert len(etree.parse(str(shared)).findall(".//tu")) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.tmx", "tm"]


def test_a_device_is_written_in_place_never_renamed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """/dev/null as -o and --rejects (a run for its summary): as root, a rename would put a
    regular file in place of the system's /dev/null. Here no rename may even be tried."""
    import tmx_export.formats.text as text

    assert text.output_target(os.devnull) == (True, Path(os.devnull))

    def no_rename(*args: object) -> None:
        raise AssertionError(f"renamed over {args}")

    monkeypatch.setattr(text.os, "replace", no_rename)
    monkeypatch.setattr(text.os, "open", no_rename)  # nor a temporary file beside it
    summary = build([DGT_WITH_REJECTS], os.devnull, rejects_path=os.devnull)
    assert summary.units_written == 19 and sum(summary.rejects.values()) == 6
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    build([SEED], out)
    os.chmod(out, 0o600)
    build([SEED], out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_stale_parts_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    dead = tmp_path / ".o.tmx.999999999.abcd.part"  # no such process
    alive = tmp_path / f".o.tmx.{os.getpid()}.abcd.part"  # a run still going
    other = tmp_path / ".p.tmx.999999999.abcd.part"  # another output's
    for part in (dead, alive, other):
        part.write_text("<tmx", encoding="utf-8")
    build([SEED], out)
    assert not dead.exists() and alive.exists() and other.exists()


def test_parts_of_another_container_are_left_while_fresh(tmp_path: Path) -> None:
    """Two containers writing one output on a shared volume: each run's process id means
    nothing in the other's process namespace, and a run took the other's part, being
    written, for a killed run's and removed it (that run then failed, "No such file or
    directory"). A part tagged with another machine or namespace stays until untouched for
    days; one tagged with ours is judged by its process, as one without a tag is."""
    from tmx_export.formats import text

    days, ours_tag = text.FOREIGN_PART_DAYS, text._host_tag()
    out = tmp_path / "o.tmx"
    other = "zzzzzzzz"  # no machine's tag (eight hex digits)
    fresh = tmp_path / f".o.tmx.999999999.{other}.abcd1234.part"  # another container's
    old = tmp_path / f".o.tmx.999999998.{other}.abcd1234.part"  # left there days ago
    ours = tmp_path / f".o.tmx.999999999.{ours_tag}.abcd1234.part"  # a killed run's
    for part in (fresh, old, ours):
        part.write_text("<tmx", encoding="utf-8")
    long_ago = time.time() - (days + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    build([SEED], out)
    assert fresh.exists() and not old.exists() and not ours.exists()
    assert not list(tmp_path.glob(".o.tmx.*.part"))[1:]  # the fresh one alone is left


def _big_dump(tmp_path: Path) -> tuple[Path, Path]:
    """A dump large enough that a run is still writing when a signal comes, and an empty
    directory for the run's outputs."""
    pairs = [Pair(f"The Commission presented report number {n} on the internal market today.",
                  f"La Commission a présenté aujourd'hui le rapport numéro {n} sur le marché "
                  "intérieur.", "en-GB", "fr-FR", number=n) for n in range(1, 12001)]
    dump = tmp_path / "big.txt"
    dump.write_text(format_dump(pairs, seed=1), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    return dump, out_dir


@pytest.mark.parametrize("signum", [signal.SIGTERM, getattr(signal, "SIGHUP", None)])
def test_sigterm_leaves_no_temporary_file(tmp_path: Path, signum: int | None) -> None:
    """SIGTERM, and SIGHUP (the terminal closed), end the run with no file left behind."""
    if signum is None:
        pytest.skip("no SIGHUP here")
    dump, out_dir = _big_dump(tmp_path)
    status, stderr = _signalled_while_writing(
        "from tmx_export.cli import main; main()", dump, out_dir, signum,
        "--rejects", str(out_dir / "r.tsv"))
    assert status == 128 + signum, stderr
    assert stderr == "tmx-export: error: terminated"
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("options", [(), ("--max-units", "1")])
def test_a_signal_as_a_temporary_file_is_made_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]) -> None:
    """A SIGTERM raises wherever Python is: one that came right after a temporary file was
    made, before its name reached the clean-up, left the file (a run killed under load
    did). The signal is played here as the exception right after the file is made: the
    memory's file, the rejects report's, and a numbered part's (--max-units)."""
    real_open = os.open

    def made_then_signalled(name: Any, *args: Any, **kwargs: Any) -> int:
        fd = real_open(name, *args, **kwargs)
        if str(name).endswith(".part"):
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", made_then_signalled)
    for rejects in (None, str(tmp_path / "r.tsv")):
        with pytest.raises(KeyboardInterrupt):
            build([SEED], tmp_path / "o.tmx", rejects_path=rejects,
                  max_units=1 if options else None)
        assert list(tmp_path.iterdir()) == []


def _signalled_while_writing(entry: str, dump: Path, out_dir: Path, signum: int,
                             *options: str) -> tuple[int, str]:
    """Build ``dump`` into ``out_dir`` in a process started by ``entry``, send it
    ``signum`` once it writes its memory; its exit status and stderr."""
    process = subprocess.Popen(
        [sys.executable, "-c", entry, "build", str(dump), "-o", str(out_dir / "o.tmx"),
         *options, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    # the memory's own temporary file: the run is writing units, well past start-up (a
    # signal while Python compiles a module on a first run was once lost; see CHANGELOG)
    while not list(out_dir.glob(".o.tmx.*.part")) and process.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr.decode().strip()


_EARLY_CTRL_C = """
import os, signal, sys
import click
# Ctrl-C while click reads the arguments: before the command runs, where the command
# line's own handling of it (Command.invoke) is not in place yet
resolve = click.Group.resolve_command
def resolve_command(self, ctx, args):
    os.kill(os.getpid(), signal.SIGINT)
    return resolve(self, ctx, args)
click.Group.resolve_command = resolve_command
sys.argv[0] = "tmx-export"
from tmx_export._console import main
main()
"""


def test_ctrl_c_before_the_command_runs_is_the_one_line(tmp_path: Path) -> None:
    """Ctrl-C in the first tenth of a second (imports, click reading the arguments) ended
    with the traceback of an import or click's "Aborted!" and status 1; now with the line
    and status of any interrupted run."""
    done = subprocess.run([sys.executable, "-c", _EARLY_CTRL_C, "build", str(SEED), "-o",
                           str(tmp_path / "o.tmx")], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stderr) == (130, "tmx-export: error: interrupted\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_before_the_command_runs_is_the_one_line(tmp_path: Path, name: str) -> None:
    """SIGTERM (a `timeout`, a CI runner) or SIGHUP before the command runs ended the
    process with status 143 (129) and no word, where the README promises the line
    `tmx-export: error: terminated` from the first tenth of a second on."""
    signum = getattr(signal, name, None)
    if signum is None:
        pytest.skip(f"no {name} here")
    script = _EARLY_CTRL_C.replace("signal.SIGINT", f"signal.{name}")
    done = subprocess.run([sys.executable, "-c", script, "build", str(SEED), "-o",
                           str(tmp_path / "o.tmx")], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stderr) == (128 + signum, "tmx-export: error: terminated\n")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_the_command_runs_puts_its_outputs_away(tmp_path: Path) -> None:
    """Through the console script (whose start-up handler ends the process at once), an
    interrupt while the command writes is still the command's: its temporary files are
    put away, nothing is left behind."""
    dump, out_dir = _big_dump(tmp_path)
    status, stderr = _signalled_while_writing(
        "from tmx_export._console import main; main()", dump, out_dir, signal.SIGINT)
    assert (status, stderr) == (130, "tmx-export: error: interrupted")
    assert list(out_dir.iterdir()) == []


def _signal_self_then_answer(signum: int) -> str:
    """A piece of pool work the signal reaches half-way: its answer is more than a pipe
    holds, written in several goes."""
    os.kill(os.getpid(), signum)
    return "x" * 1_000_000


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_pool_worker_signalled_at_work_sends_its_work_back_whole(name: str) -> None:
    """Ctrl-C, and SIGTERM to the process group (``timeout``, a service manager), reach the
    workers of ``--jobs`` too. Each raised where it was, by the handler it inherited from
    the command, or died half-way through writing its answer: tracebacks on the terminal,
    and a run that hung for good, the pool waiting for the rest of a message. A signalled
    worker now sends back the piece of work under way whole, stops at the next one (the
    parent, signalled with it, is stopping the pool), and a second SIGTERM ends it."""
    signum = getattr(signal, name, None)
    if signum is None:
        pytest.skip(f"no {name} here")
    from concurrent.futures.process import BrokenProcessPool

    from tmx_export.cli import _terminate
    from tmx_export.errors import Terminated
    from tmx_export.model import BuildOptions
    from tmx_export.pipeline import _chunk_work, _LazyPool

    # the handlers the command sets (and Python's own for Ctrl-C), which a worker inherits
    handlers = {s: signal.signal(s, _terminate) for s in (signal.SIGTERM,
                                                          getattr(signal, "SIGHUP", None)) if s}
    handlers[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    pool = _LazyPool(1)
    try:
        assert pool.submit(_signal_self_then_answer, signum).result(timeout=60) == "x" * 1_000_000
        pair = Pair("The Commission presented its report.", "La Commission a présenté son "
                    "rapport.", "en-GB", "fr-FR", number=1)
        with pytest.raises(Terminated):
            pool.submit(_chunk_work, [(1, pair)], "dump", BuildOptions()).result(timeout=60)
        if signum != signal.SIGINT:  # Ctrl-C is the parent's to act on
            with pytest.raises(BrokenProcessPool):
                pool.submit(_signal_self_then_answer, signum).result(timeout=60)
    finally:
        pool.shutdown()
        for s, handler in handlers.items():
            signal.signal(s, handler)


def test_read_units_refuses_nothing_to_read_too(tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH_ONLY, encoding="utf-8")
    with pytest.raises(InputError, match="no translation unit"):
        read_units([english])
    units, rejects = read_units([english], allow_empty=True)
    assert units == [] and [r.reason for r in rejects] == [
        "fr-FR side is in en-GB: no translation to pair"]


# --- languages absent or swapped ---------------------------------------------------------------

EUROPARL = DATA / "europarl"


def test_swapped_parallel_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    en, fr = EUROPARL / "ep-00-01-17-excerpt.en.txt", EUROPARL / "ep-00-01-17-excerpt.fr.txt"
    out = tmp_path / "o.tmx"
    line = assert_refused(run("build", "--source", str(fr), "--target", str(en), "-o", str(out)),
                          "swapped", "--source and --target")
    assert "reads as fr" in line
    assert not out.exists()
    assert run("build", "--source", str(en), "--target", str(fr), "-o", str(out)).exit_code == 0


def test_swapped_files_of_close_languages_are_called_swapped(tmp_path: Path) -> None:
    """Slovene and Croatian files given the wrong way round (DGT-TM's texts): the
    identifier, over all its languages, reads the Croatian as Bosnian, and the refusal said
    "the source text reads as sl, not hr (text found: sl -> bs)" instead of swapped."""
    from tmx_export.formats.tmx import read_tmx

    agreement = DATA / "tmx" / "dgt-tm" / "22019A0315(01).tmx"
    pairs = [p for p in read_tmx(agreement, source_lang="hr-HR", target_lang="sl-SI").pairs
             if len(p.source) > 80][:40]
    hr, sl = tmp_path / "a.hr.txt", tmp_path / "a.sl.txt"
    hr.write_text("\n\n".join(p.source for p in pairs) + "\n", encoding="utf-8")
    sl.write_text("\n\n".join(p.target for p in pairs) + "\n", encoding="utf-8")
    out = tmp_path / "o.tmx"
    assert_refused(run("build", "--source", str(sl), "--target", str(hr), "--source-lang",
                       "hr", "--target-lang", "sl", "-o", str(out)),
                   "the sides look swapped")
    assert not out.exists()
    assert run("build", "--source", str(hr), "--target", str(sl), "--source-lang", "hr",
               "--target-lang", "sl", "-o", str(out)).exit_code == 0


def test_a_short_swapped_table_is_caught_by_the_word_lists(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("en-GB\tfr-FR\n(Le procès-verbal est adopté)\t(The Minutes were approved)\n",
                     encoding="utf-8")
    assert_refused(run("build", str(table), "-o", str(tmp_path / "o.tmx")), "t.tsv", "swapped")


def test_a_memory_with_its_language_labels_swapped_is_refused_as_a_table_is(tmp_path: Path
                                                                           ) -> None:
    """A real DGT-TM memory with EN-GB and FR-FR swapped: its long units were rejected as the
    wrong language, but its short ones (headings) were written swapped, French as en-GB."""
    text = (DATA / "tmx" / "dgt-tm" / "22019D0391.tmx").read_text("utf-16")
    swapped = (text.replace('lang="EN-GB"', 'lang="@@"').replace('lang="FR-FR"', 'lang="EN-GB"')
               .replace('lang="@@"', 'lang="FR-FR"'))
    memory, out = tmp_path / "swapped.tmx", tmp_path / "o.tmx"
    memory.write_text(swapped, encoding="utf-16")
    line = assert_refused(run("build", str(memory), "-o", str(out), "--source-lang", "en-GB",
                              "--target-lang", "fr-FR"), "swapped.tmx", "labels look swapped")
    assert "the source text reads as fr and the target text as en" in line
    assert not out.exists()


def _dgt_short_units(*langs: str) -> dict[str, list[str]]:
    """The texts, by language, of four short units of a real DGT-TM memory (the signature
    block: "Done at Cape Town, ...", "For the Joint Council", ...): each side is too short
    for the identifier."""
    memory = etree.parse(str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx")).getroot()
    units = memory.findall(".//tu")[13:17]
    return {lang: [tu.findtext(f"tuv[@lang='{lang}']/seg") for tu in units] for lang in langs}


@pytest.mark.parametrize(("source", "target", "refusal"), [
    ("EN-GB", "ES-ES", "the target text reads as es by its words, not fr-FR"),
    ("DE-DE", "FR-FR", "the source text reads as de by its words, not en-GB"),
])
def test_short_parallel_files_in_a_third_language_are_refused(tmp_path: Path, source: str,
                                                              target: str, refusal: str) -> None:
    """Spanish in the French file (or German in the English one), too short for the
    identifier, was written as fr-FR (en-GB): the words of the side say which it is."""
    texts = _dgt_short_units(source, target)
    en, fr, out = tmp_path / "doc.en.txt", tmp_path / "doc.fr.txt", tmp_path / "o.tmx"
    en.write_text("\n\n".join(texts[source]) + "\n", encoding="utf-8")
    fr.write_text("\n\n".join(texts[target]) + "\n", encoding="utf-8")
    line = assert_refused(run("build", "--source", str(en), "--target", str(fr), "-o", str(out)),
                          refusal)
    assert "check --" in line and not out.exists()


def test_short_parallel_files_in_their_languages_are_still_written(tmp_path: Path) -> None:
    texts = _dgt_short_units("EN-GB", "FR-FR")
    en, fr, out = tmp_path / "doc.en.txt", tmp_path / "doc.fr.txt", tmp_path / "o.tmx"
    en.write_text("\n\n".join(texts["EN-GB"]) + "\n", encoding="utf-8")
    fr.write_text("\n\n".join(texts["FR-FR"]) + "\n", encoding="utf-8")
    result = run("build", "--source", str(en), "--target", str(fr), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Pour le conseil conjoint" in out.read_text("utf-8")


@pytest.mark.parametrize(("dump", "refusal"), [
    ("1. Thank you very much. 1. Muchas gracias.\n2. The sitting is closed. 2. Se levanta la "
     "sesión.\n3. Good morning everyone. 3. Buenos días a todos.\n",
     "the target text reads as es by its words, not fr-FR"),
    ("1. Guten Tag allerseits. 1. Bonjour à tous.\n2. Vielen Dank. 2. Merci beaucoup.\n",
     "the source text reads as de by its words, not en-GB"),
])
def test_a_short_dump_with_a_side_in_a_third_language_is_refused(tmp_path: Path, dump: str,
                                                                 refusal: str) -> None:
    """Parliamentary formulae, each pair too short for any test of its own: the Spanish was
    written as fr-FR, the German as en-GB."""
    path, out = tmp_path / "dump.txt", tmp_path / "o.tmx"
    path.write_text(dump, encoding="utf-8")
    assert_refused(run("build", str(path), "-o", str(out)), "dump.txt", refusal)
    assert not out.exists()


@pytest.mark.parametrize("tag", ["ga-IE", "mt-MT", "ro-RO"])
def test_a_target_language_absent_from_the_seed_names_the_language_found(
        tmp_path: Path, tag: str) -> None:
    """The seed (English, then French) read as English to Irish, Maltese or Romanian: its
    French half leans to English against those languages' n-grams or shared words, so the
    halves were not told apart and the refusal said "both halves of a paragraph read as
    en", pointing at the source. It names the French it found instead."""
    out = tmp_path / "o.tmx"
    line = assert_refused(run("build", str(SEED), "-o", str(out), "--target-lang", tag),
                          str(SEED))
    assert f"{tag} side is in another language (fr)" in line
    assert "read as en" not in line
    assert not out.exists()


@pytest.mark.parametrize(("option", "tag"), [("--source-lang", "de-DE"),
                                              ("--target-lang", "es-ES")])
def test_a_language_absent_from_the_text_is_refused(tmp_path: Path, option: str,
                                                    tag: str) -> None:
    out = tmp_path / "o.tmx"
    found = "en" if option == "--source-lang" else "fr"
    # The dump's pair is rejected: that side is in another language.
    line = assert_refused(run("build", str(SEED), "-o", str(out), option, tag), str(SEED))
    assert f"{tag} side is in another language ({found})" in line
    assert not out.exists()
    # A table says which column holds which language: the whole document is judged.
    table = tmp_path / "t.tsv"
    en, fr = EUROPARL / "ep-00-01-17-excerpt.en.txt", EUROPARL / "ep-00-01-17-excerpt.fr.txt"
    rows = zip(en.read_text("utf-8").splitlines(), fr.read_text("utf-8").splitlines(),
               strict=True)
    source_tag, target_tag = ("de-DE", "fr-FR") if option == "--source-lang" else \
        ("en-GB", "es-ES")
    table.write_text(f"{source_tag}\t{target_tag}\n"
                     + "".join(f"{e}\t{f}\n" for e, f in rows if e and f), encoding="utf-8")
    line = assert_refused(run("build", str(table), "-o", str(out), "--source-lang", source_tag,
                              "--target-lang", target_tag), "t.tsv", f"not {tag}",
                          f"check {option}", "text found: en -> fr")
    assert not out.exists()


def test_a_dump_in_other_languages_is_refused_saying_what_was_found(tmp_path: Path) -> None:
    """A numbered DE-EN dump (30 real DGT-TM pairs) read as EN-FR: its paragraphs are
    rejected as German and the few short "pairs" left are too short to tell. The refusal
    said "text found: too little text -> de", as if the file were too short; it says how
    many pairs were read and what the rest was rejected as."""
    rows = _dgt_rows("DE-DE", "EN-GB", name="22019A0315(01).tmx")
    pairs = [Pair(de, en, "de-DE", "en-GB", number=n) for n, (de, en) in enumerate(rows, 1)]
    dump = tmp_path / "de-en.txt"
    dump.write_text(format_dump(pairs, seed=2), encoding="utf-8")
    out = tmp_path / "o.tmx"
    line = assert_refused(run("build", str(dump), "-o", str(out)), "de-en.txt",
                          "not fr-FR", "pairs read", "holding de text", "check --target-lang")
    assert "too little text" not in line and not out.exists()


def _dgt_rows(*langs: str, name: str = "22019D0391.tmx") -> list[tuple[str, ...]]:
    """The paragraphs of a real DGT-TM document in ``langs`` ("DE-DE", "IT-IT"), one
    tuple per unit holding them all."""
    tree = etree.parse(str(DATA / "tmx" / "dgt-tm" / name),
                       etree.XMLParser(resolve_entities=False, no_network=True))
    rows = []
    for tu in tree.iter("tu"):
        segs = {tuv.get(XML_LANG) or tuv.get("lang"): " ".join(tuv.find("seg").itertext())
                for tuv in tu.iter("tuv")}
        if all(lang in segs for lang in langs):
            rows.append(tuple(segs[lang] for lang in langs))
    return rows


def _german_paragraphs() -> list[str]:
    """The German of a real DGT-TM decision."""
    return [de for (de,) in _dgt_rows("DE-DE")]


def test_a_short_document_in_a_close_third_language_is_refused(tmp_path: Path) -> None:
    """German and Italian labelled Dutch and Italian: two pairs were written as Dutch
    units. Each side was too short for py3langid's usual bar, and German leans towards
    Dutch against Italian in the word lists, which took the document for clearly as
    asked. A short side is judged when py3langid is all but sure; a short dump whose long
    paragraphs are rejected as German is refused whole, its short ones unjudged."""
    rows = _dgt_rows("DE-DE", "IT-IT")
    out = tmp_path / "o.tmx"
    two = tmp_path / "two.txt"  # two short sentence pairs (88 characters of German)
    two.write_text("".join(f"{de} {it}\n" for de, it in rows[9:11]), encoding="utf-8")
    assert_refused(run("build", str(two), "-o", str(out), "--source-lang", "nl",
                       "--target-lang", "it"), "reads as de", "nl")
    # two running sentences, each side too short alone: judged as a short side
    plain = tmp_path / "plain.txt"
    plain.write_text("Die Kommission legt dem Rat einen Bericht vor. La Commissione presenta "
                     "una relazione al Consiglio.\nDer Rat prüft den Bericht sorgfältig. Il "
                     "Consiglio esamina attentamente la relazione.\n", encoding="utf-8")
    assert_refused(run("build", str(plain), "-o", str(out), "--source-lang", "nl",
                       "--target-lang", "it"), "the source text reads as de, not nl",
                   "(text found: de -> it)")
    mixed = tmp_path / "mixed.txt"  # two long paragraphs (rejected as German), a short one
    mixed.write_text("".join(f"{de} {it}\n" for de, it in (rows[0], rows[3], rows[4])),
                     encoding="utf-8")
    assert_refused(run("build", str(mixed), "-o", str(out), "--source-lang", "nl",
                       "--target-lang", "it"), "the text reads as de, neither nl nor it")
    assert not out.exists()
    # named truly, both are read
    for dump in (two, plain, mixed):
        result = run("build", str(dump), "-o", str(out), "--source-lang", "de",
                     "--target-lang", "it")
        assert result.exit_code == 0, result.output
    # and short English-French documents of real pairs are not refused
    rows = [line.split("\t")[1:] for line in
            (DATA / "europarl_pairs.tsv").read_text("utf-8").splitlines()[1:13]]
    for first in range(0, 12, 2):
        short = tmp_path / f"short{first}.txt"
        short.write_text("".join(f"{en} {fr}\n" for en, fr in rows[first:first + 2]),
                         encoding="utf-8")
        assert run("build", str(short), "-o", str(out)).exit_code == 0, short.read_text()


@pytest.mark.parametrize("paragraphs", [slice(None), slice(9, 18)])  # whole; its short closing
def test_a_file_in_neither_language_is_refused(tmp_path: Path, paragraphs: slice) -> None:
    """A German file read as an English-French dump: its long paragraphs were rejected as
    German, but its short ones were cut into "pairs" of German halves ("Für den Handels- und
    Entwicklungsausschuss" -> "Geschehen zu Kapstadt, Südafrika.") and written as en-GB and
    fr-FR units, each side too short for any test of one pair. The whole document, both
    sides and what was rejected, reads as German: the file is refused."""
    german = tmp_path / "decision.de.txt"
    german.write_text("\n\n".join(_german_paragraphs()[paragraphs]) + "\n", encoding="utf-8")
    out = tmp_path / "o.tmx"
    assert_refused(run("build", str(german), "-o", str(out)), "decision.de.txt",
                   "the text reads as de, neither en-GB nor fr-FR", "check --source-lang")
    assert not out.exists()


def test_a_line_in_one_language_in_an_unnumbered_dump_is_a_reject(tmp_path: Path) -> None:
    """An English line among the pairs of an unnumbered dump ("See Article 5(2).") was cut
    in two and written as a pair, "See" -> "Article 5(2).": a unit in the wrong language.
    Its words lean English as a whole, its "French" half leans no way, and the halves share
    no number, as a translation would."""
    rows = [line.split("\t")[1:] for line in
            (DATA / "europarl_pairs.tsv").read_text("utf-8").splitlines()[1:7]]
    lines = [f"{en} {fr}" for en, fr in rows]
    lines.insert(2, "See Article 5(2).")
    lines.insert(5, "Council Regulation (EC) No 1234/2007")
    dump = tmp_path / "lines.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [[u.source, u.target] for u in units] == rows
    assert [(r.line, r.reason, r.text) for r in rejects] == [
        (3, "unpaired paragraph (en-GB only)", "See Article 5(2)."),
        (6, "unpaired paragraph (en-GB only)", "Council Regulation (EC) No 1234/2007")]


@pytest.mark.parametrize("text", ["This is only English text.",
                                  "This is only English text with no French in it at all."])
def test_an_english_line_cut_into_two_short_sides_is_refused(tmp_path: Path, text: str) -> None:
    """A line of English alone was written as a unit, en-GB "This is only" / fr-FR
    "English text." (or the other way round): each side too short to be judged alone, and
    the "French" one's capital ("English", "This") taken for a name's."""
    english, out = tmp_path / "one.txt", tmp_path / "o.tmx"
    english.write_text(text + "\n", encoding="utf-8")
    assert_refused(run("build", str(english), "-o", str(out)), "one.txt",
                   "no translation unit to write", "1 unpaired paragraph (en-GB only)")
    assert not out.exists()


def _signature_lines() -> list[tuple[str, str]]:
    """A line of the signature block of a real DGT-TM decision in three languages, each
    with its language tag: "For the Trade and Development Committee", ..."""
    rows = _dgt_rows("EN-GB", "FR-FR", "DE-DE")
    [row] = [row for row in rows if row[2] == "Für den Handels- und Entwicklungsausschuss"]
    return list(zip(row, ("en-GB", "fr-FR", "de-DE"), strict=True))


@pytest.mark.parametrize("tags", [("en-GB", "fr-FR"), ("de-DE", "fr-FR"), ("en-GB", "de-DE")])
def test_a_short_line_in_one_language_is_no_unit_in_any_pair(tmp_path: Path,
                                                               tags: tuple[str, str]) -> None:
    """A line of one language alone, as a dump in that language and another, either
    first: "Für den Handels- und" -> "Entwicklungsausschuss" was written as a German-French
    unit. Its words lean one way as a whole, and its side in the other language leans the
    same way, not its own."""
    for text, lang in _signature_lines():
        if lang not in tags:
            continue
        for source, target in (tags, tags[::-1]):
            dump = tmp_path / "line.txt"
            dump.write_text(text + "\n", encoding="utf-8")
            units, rejects = read_units([dump], segment=None, source_lang=source,
                                        target_lang=target, allow_empty=True)
            assert units == [], (text, source, target)
            assert [(r.reason, r.text) for r in rejects] == [
                (f"unpaired paragraph ({lang} only)", text)], (source, target)


def test_short_pairs_are_not_taken_for_one_language() -> None:
    """What tells a line in one language cut in two keeps real short pairs: the units of
    the DGT-TM memories (names, titles, "Article 5" / "Article 5"), and a name both sides
    keep, in the other language's form on both ("For Côte d'Ivoire" / "Pour la Côte
    d'Ivoire", DGT-TM 22019D1186: its words lean French on both sides)."""
    from tmx_export.dump.pairing import _one_language
    from tmx_export.formats.tmx import read_tmx

    taken = []
    for path in sorted((DATA / "tmx" / "dgt-tm").glob("*.tmx")):
        for langs in (("en", "fr"), ("de", "fr"), ("en", "de")):
            taken += [(u.source, u.target) for u in read_tmx(path, source_lang=langs[0],
                                                             target_lang=langs[1]).pairs
                      if _one_language(u.source, u.target, langs) is not None]
    assert taken == []
    assert _one_language("For Côte d'Ivoire", "Pour la Côte d'Ivoire", ("en", "fr")) is None


def test_clear_sides_are_judged_without_loading_the_identifier(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the word lists say it: the seed and a real Europarl table are English -> French
    from tmx_export import lang, pipeline

    asked: list[int] = []

    def document_language(texts: Iterable[str]) -> tuple[str, float] | None:
        asked.append(1)
        return lang.document_language(texts)

    monkeypatch.setattr(pipeline, "document_language", document_language)
    en, fr = EUROPARL / "ep-00-01-17-excerpt.en.txt", EUROPARL / "ep-00-01-17-excerpt.fr.txt"
    lang._model.cache_clear()
    try:
        units, _ = read_units([SEED])
        assert units and lang._model.cache_info().currsize == 0  # never loaded for the seed
        parallel, _ = read_units([ParallelInput(str(en), str(fr))], segment=None)
        assert parallel and asked == []
        # a swapped document is not clear: the identifier is asked, and it is refused
        with pytest.raises(InputError, match="swapped"):
            read_units([ParallelInput(str(fr), str(en))], segment=None)
        assert len(asked) == 2
    finally:
        lang._model.cache_clear()


# --- numbered dumps: any width, a title, a paragraph without its translation -------------------

def _numbered(first: int, count: int) -> list[Pair]:
    return [Pair(f"The Commission adopted proposal number {n} on the internal market.",
                 f"La Commission a adopté la proposition numéro {n} sur le marché intérieur.",
                 "en-GB", "fr-FR", number=n) for n in range(first, first + count)]


def test_paragraph_numbers_of_any_width(tmp_path: Path) -> None:
    pairs = _numbered(9996, 8) + _numbered(1234567, 3)  # past 9999, and a jump
    dump = tmp_path / "wide.txt"
    dump.write_text(format_dump(pairs, seed=5), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [u.number for u in units] == [p.number for p in pairs] and rejects == []
    assert [(u.source, u.target) for u in units] == [(p.source, p.target) for p in pairs]


def test_a_title_before_the_first_number_is_a_reject_of_its_own(tmp_path: Path) -> None:
    pairs = _numbered(1, 30)
    dump = tmp_path / "titled.txt"
    dump.write_text("Texts adopted at the sitting of Thursday 17 January\n"
                    + format_dump(pairs, seed=2), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == [(p.source, p.target) for p in pairs]
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("text before the first numbered paragraph", 1,
         "Texts adopted at the sitting of Thursday 17 January")]


# A copy that opens with the end of a Polish paragraph, then clean EN-PL pairs (DGT-TM).
POLISH_TAIL = ("w każdym momencie, przesyłając depozytariuszowi kanałami dyplomatycznymi "
               "pisemne powiadomienie o odstąpieniu, wskazując datę, z którą odstąpienie "
               "staje się skuteczne.")
EN_PL = [("This Agreement shall remain in force for an initial period of 16 years following "
          "its entry into force.", "Niniejsza umowa pozostaje w mocy przez początkowy okres "
          "16 lat od jej wejścia w życie."),
         ("The vote will take place tomorrow at 12 p.m.",
          "Głosowanie odbędzie się jutro o godzinie 12.00."),
         ("The debate is closed.", "Zamykam debatę.")]


@pytest.mark.parametrize("langs", [("en-GB", "pl-PL"), ("pl-PL", "en-GB")])
@pytest.mark.parametrize("tail", [POLISH_TAIL, POLISH_TAIL[len("w każdym mome"):]])
def test_a_tail_in_side_b_language_before_the_first_pair_is_a_reject_of_its_own(
        tmp_path: Path, langs: tuple[str, str], tail: str) -> None:
    """The tail was glued to the first pair's English side: the run was refused ("the
    source text reads as pl"), or, with a shorter tail, that pair was lost as length-ratio."""
    dump = tmp_path / "head.txt"
    dump.write_text("\n".join([tail] + [f"{en} {pl}" for en, pl in EN_PL]) + "\n",
                    encoding="utf-8")
    out, report = tmp_path / "head.tmx", tmp_path / "head.rej"
    result = run("build", str(dump), "-o", str(out), "--rejects", str(report), "-q",
                 "--source-lang", langs[0], "--target-lang", langs[1])
    assert result.exit_code == 0, result.output
    units = read_units([out], segment=None, source_lang=langs[0], target_lang=langs[1])[0]
    by_lang = [dict(zip(langs, (u.source, u.target), strict=True)) for u in units]
    assert [(u["en-GB"], u["pl-PL"]) for u in by_lang] == EN_PL
    assert report.read_text("utf-8").splitlines()[1:] == [
        f"{dump}\t1\ttext before the first pair (pl-PL only)\t{tail}"]


def test_a_trailing_paragraph_without_translation_is_not_glued_to_a_pair(
        tmp_path: Path) -> None:
    dump = tmp_path / "closing.txt"
    dump.write_text(SEED.read_text("utf-8").rstrip("\n") + "\nThe sitting was closed at 11.50 "
                    "a.m. and the President thanked everyone.\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert len(units) == 1 and units[0].target.endswith("pour les PME;")
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (en-GB only)", 6,
         "The sitting was closed at 11.50 a.m. and the President thanked everyone.")]


@pytest.mark.parametrize("segment", [None, "paragraph", "sentence"])
def test_a_short_closing_line_after_a_numbered_pair_is_a_reject(
        tmp_path: Path, segment: str | None) -> None:
    """The session's closing line in the pair's second language after the seed's last
    pair: no check of a numbered dump saw it (it is French after French, and too short to
    change the lengths), and the unit offered "... pour les PME; La séance est levée à
    11 h 50." as the translation, at paragraph and at sentence level alike. The French has
    a paragraph more than the English, and as many sentences besides."""
    dump = tmp_path / "lastfr.txt"
    dump.write_text(SEED.read_text("utf-8").rstrip("\n") + "\nLa séance est levée à 11 h 50.\n",
                    encoding="utf-8")
    units, rejects = read_units([dump], segment=segment)
    assert units and not any("séance" in u.target for u in units)
    assert units[-1].target.endswith("pour les PME;")
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", 6, "La séance est levée à 11 h 50.")]


EUROPARL_ROWS = [tuple(line.split("\t")[1:]) for line in
                 (DATA / "europarl_pairs.tsv").read_text("utf-8").splitlines()[1:17]]


@pytest.mark.parametrize(("stray", "where", "reason"), [
    ("Le débat est clos.", 4, "unpaired paragraph (fr-FR only)"),
    ("Thank you for your attention.", 3, "unpaired paragraph (en-GB only)"),
    ("The sitting was closed at 11.50 a.m.", 5, "unpaired paragraph (en-GB only)")])
@pytest.mark.parametrize("style", ["space-kept", "mid-word"])
def test_a_short_line_without_translation_in_an_unnumbered_dump_is_a_reject(
        tmp_path: Path, stray: str, where: int, reason: str, style: str) -> None:
    """A short paragraph on a line of its own between real pairs, in a dump whose cuts
    keep their spaces: glued to side B before it ("... intéressent nos concitoyens. Le
    débat est clos.") or to side A after it ("Thank you for your attention. Madam
    President, ..."), as the lengths could not tell. A cut inside a paragraph keeps the
    space at the break ("clos. " / "Le vote"); a break without one, before a capital after
    a sentence end, is a paragraph's end."""
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in EUROPARL_ROWS]
    dump = tmp_path / "stray.txt"
    dump.write_text(format_dump(pairs[:where], style=style, numbered=False, seed=3)
                    + stray + "\n"
                    + format_dump(pairs[where:], style=style, numbered=False, seed=4),
                    encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == EUROPARL_ROWS
    assert [(r.reason, r.text) for r in rejects] == [(reason, stray)]


@pytest.mark.parametrize("style", ["mid-word", "space-kept", "space-consumed"])
def test_a_numbered_line_without_translation_before_side_a_is_a_reject(
        tmp_path: Path, style: str) -> None:
    """A line under the next pair's number without its translation ("6. For the purposes
    of this Regulation:", a heading copied on its own) before that pair's English: side A
    opened twice with its number, and the unit offered "For the purposes of this
    Regulation: 6. Madam President, ..." as the source."""
    pairs = [Pair(en, fr, "en-GB", "fr-FR", number=n)
             for n, (en, fr) in enumerate(EUROPARL_ROWS[:10], 1)]
    stray = "6. For the purposes of this Regulation, the following definitions apply:"
    dump = tmp_path / "numbered.txt"
    dump.write_text(format_dump(pairs[:5], style=style, seed=3) + stray + "\n"
                    + format_dump(pairs[5:], style=style, seed=4), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.number, u.source, u.target) for u in units] == [
        (p.number, p.source, p.target) for p in pairs]
    assert [(r.reason, r.text) for r in rejects] == [("unpaired paragraph (en-GB only)", stray)]


@pytest.mark.parametrize("style", ["space-kept", "space-consumed"])
def test_a_translation_cut_after_a_sentence_end_stays_whole(tmp_path: Path,
                                                           style: str) -> None:
    """The other way round: a real pair whose French ends in a sentence the English does
    not have ("... nous ne nous y conformons même pas. C'est scandaleux." for "... that we
    pass legislation and do not adhere to it ourselves."), a line cut before it. With the
    space kept at the cuts it is one paragraph; cut PDF-style, every cut at a sentence end
    looks like a paragraph's end, and none is taken for one: the pair is read whole."""
    import textwrap

    sessions = DATA / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    tail = " C'est scandaleux."
    at = next(i for i, text in enumerate(fr) if text.endswith(tail))
    rows = [(en[i], fr[i]) for i in range(at - 3, at + 3)]
    lines: list[str] = []
    for english, french in rows:
        pieces = [f"{english} {french}"]
        if french.endswith(tail):
            pieces = [f"{english} {french.removesuffix(tail)}", tail.strip()]
        for number, piece in enumerate(pieces, 1):
            cut = textwrap.wrap(piece, 70)  # PDF-style: the space at each cut consumed
            if style == "space-kept":  # ... or kept, at the end of the line before
                cut = [line + " " for line in cut[:-1]] + \
                    [cut[-1] + (" " if number < len(pieces) else "")]
            lines += cut
    dump = tmp_path / "whole.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert rejects == []


@pytest.mark.parametrize(("lone", "reason", "styles"), [
    ("Industrial policy", "unpaired paragraph (en-GB only)", list(CUT_STYLES)),
    ("Politique industrielle", "unpaired paragraph (fr-FR only)", list(CUT_STYLES)),
    ("Coordination Fonds structurels/Fonds de cohésion", "unpaired paragraph (fr-FR only)",
     ["mid-word"]),
    ("The sitting was opened at 9 a.m.", "unpaired paragraph (en-GB only)",
     ["space-kept", "mid-word"])])
def test_a_lone_first_line_of_an_unnumbered_dump_is_a_reject(
        tmp_path: Path, lone: str, reason: str, styles: list[str]) -> None:
    """A heading or a sentence without its translation on an unnumbered dump's first line:
    every pair starts with side A, so it went into the first pair's English ("Industrial
    policy At the request ...", French words too), or, one language all through, was cut
    into a pair of its own ("Coordination" -> "Fonds structurels/Fonds de cohésion")."""
    rows = EUROPARL_ROWS[1:]
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows]
    for style in styles:
        dump = tmp_path / f"lone-{style}.txt"
        dump.write_text(lone + "\n" + format_dump(pairs, style=style, numbered=False, seed=5),
                        encoding="utf-8")
        units, rejects = read_units([dump], segment=None)
        assert [(u.source, u.target) for u in units] == rows, style
        assert [(r.reason, r.line, r.text) for r in rejects] == [(reason, 1, lone)], style


@pytest.mark.parametrize(("heading", "lang"), [
    # a debate's title: it went into the next pair's English ("Transport of dangerous goods
    # by road Madam President, ...")
    ("Transport of dangerous goods by road", "en-GB"),
    # a word both languages write first: the search cut it into a pair of its own,
    # "Coordination" offered as the English of "Fonds structurels/Fonds de cohésion"
    ("Coordination Fonds structurels/Fonds de cohésion", "fr-FR")])
@pytest.mark.parametrize("style", CUT_STYLES)
def test_a_heading_of_one_language_between_two_pairs_is_a_reject(
        tmp_path: Path, style: str, heading: str, lang: str) -> None:
    """A heading without its translation on a line of its own between two pairs of an
    unnumbered dump is a reject, as on the file's first line, and the pairs around it are
    whole."""
    rows = EUROPARL_ROWS[1:]
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows]
    before = format_dump(pairs[:3], style=style, numbered=False, seed=5)
    dump = tmp_path / "heading.txt"
    dump.write_text(before + heading + "\n"
                    + format_dump(pairs[3:], style=style, numbered=False, seed=6),
                    encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        (f"unpaired paragraph ({lang} only)", before.count("\n") + 1, heading)]


@pytest.mark.parametrize("style", ["mid-word", "space-kept"])
@pytest.mark.parametrize("lone", ["Le débat est clos.", "Politique industrielle"])
def test_a_paragraph_after_a_pairs_side_b_of_an_unnumbered_dump_is_a_reject(
        tmp_path: Path, style: str, lone: str) -> None:
    """A closing line or a heading in French without its translation on a line of its own
    after a pair's French (a heading pair, "Reprise de la session", whose French ends no
    sentence), before the next pair: it stayed glued to that pair's French, offered as the
    translation of English that does not say it ("Reprise de la session Le débat est
    clos.")."""
    rows = EUROPARL_ROWS
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows]
    before = format_dump(pairs[:1], style=style, numbered=False, seed=5)
    dump = tmp_path / "closing.txt"
    dump.write_text(before + lone + "\n"
                    + format_dump(pairs[1:], style=style, numbered=False, seed=6),
                    encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", before.count("\n") + 1, lone)]


def test_a_paragraph_after_a_pairs_side_b_on_a_pdf_page_is_a_reject(tmp_path: Path) -> None:
    """Cut PDF-style, the spaces at the cuts swallowed, where the lines have a width: the
    line before a French closing line is its paragraph's last, short on a page of full
    lines, so the closing line is no part of that paragraph."""
    import textwrap

    rows = EUROPARL_ROWS[1:]
    lines: list[str] = []
    for at, (english, french) in enumerate(rows):
        lines += textwrap.wrap(f"{english} {french}", 70)
        if at == 4:
            lines.append("Le débat est clos.")
    dump = tmp_path / "page.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", "Le débat est clos.")]


def _session_pair(opening: str) -> tuple[str, str]:
    """The Europarl pair (English, French) of tests/data/europarl-sessions whose French
    paragraph opens with ``opening``."""
    folder = DATA / "europarl-sessions"
    en, fr = ([p.strip() for p in (folder / f"ep-00-01-17.{lang}.txt").read_text(
        encoding="utf-8").split("\n\n") if p.strip()] for lang in ("en", "fr"))
    return next((e, f) for e, f in zip(en, fr, strict=True) if f.startswith(opening))


@pytest.mark.parametrize(("file", "opening"), [
    # "... jusqu'à la conclusion des travaux du CE" / "N, ce qui entraînerait ...": the
    # pair's French read from "N, ce qui", its first line a reject
    ("dump_acronym_cut_fr_en.txt", "L'inaction de l'Union européenne"),
    # "... de l'Union européenne [SEC(99)" / "0066 - C5-0120/99 - 1999/2123(COS)].": the
    # reference's end a reject, the French cut short
    ("dump_bracket_reference_cut_en_fr.txt", "L'ordre du jour appelle le rapport (A5-0107"),
])
def test_a_cut_inside_a_word_in_capitals_or_a_bracket_ends_no_paragraph(
        tmp_path: Path, file: str, opening: str) -> None:
    """Unnumbered dumps cut anywhere (Europarl, 17 January 2000): a cut inside an acronym
    ("CE" / "N", "the C" / "EN") or inside a bracketed reference ("[SEC(99)" / "0066") was
    read as a paragraph's end, a line its own paragraph without translation, and the unit
    offered part of the French as the whole."""
    dump = tmp_path / "dump.txt"
    dump.write_text((DATA / file).read_text(encoding="utf-8"), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert not rejects
    assert _session_pair(opening) in [(u.source, u.target) for u in units]

def test_a_lone_first_line_of_a_pdf_page_is_a_reject(tmp_path: Path) -> None:
    """Cut PDF-style, the spaces at the cuts swallowed, the layout still tells a heading
    from a paragraph's first line where the lines have a width: a page's lines are full
    but a paragraph's last, and the heading's is short. (A file cut at random widths: see
    test_a_heading_of_a_dump_cut_pdf_style_at_random_widths_is_a_reject.)"""
    import textwrap

    rows = EUROPARL_ROWS[1:]
    lines = ["Industrial policy"]
    for english, french in rows:
        lines += textwrap.wrap(f"{english} {french}", 70)
    dump = tmp_path / "page.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.text) for r in rejects] == [
        ("unpaired paragraph (en-GB only)", "Industrial policy")]


def test_a_short_line_the_next_word_did_not_fit_on_is_no_heading(
        tmp_path: Path, session_pairs: list) -> None:
    """The sample of 21 January 2000 French first, cut PDF-style at 21 to 25 characters:
    the lines have one width, and "Monsieur le" (the next word, "Président,", did not fit
    on it) is far shorter. It was read as a paragraph without its translation, and the unit
    offered "Président, Je voulais ..." as the French of "Mr President, I simply wanted
    ...". A line is short for a paragraph's end only when the next word had room on it."""
    pairs = session_pairs[-4:]
    assert pairs[0].source == "Adoption of the Minutes of the previous sitting"
    dump = tmp_path / "narrow.txt"
    dump.write_text(format_dump([Pair(p.target, p.source, "fr-FR", "en-GB") for p in pairs],
                                style="space-consumed", numbered=False, seed=1048,
                                min_width=21, max_width=25, fold_rate=0.0), encoding="utf-8")
    assert "\nMonsieur le\nPrésident, Je voulais\n" in dump.read_text(encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == [(p.source, p.target) for p in pairs]
    assert rejects == []


@pytest.mark.parametrize("at", [0, 5])
def test_a_heading_of_a_dump_cut_pdf_style_at_random_widths_is_a_reject(
        tmp_path: Path, at: int) -> None:
    """The sample of 21 January 2000, cut PDF-style (the space at each cut swallowed) at
    lines of random widths, with a debate's title alone on a line before its English: no
    width, no space at a break, no lean told it from the paragraph's first line, and the
    unit offered "Terrorist attack in Madrid Mr President, I simply wanted ..." (or
    "... Thank you, Mrs Fraga Estévez.") as the English. Its line would have held the next
    line's first word at a width far narrower than any the file's lines were cut at: the
    paragraph ended there."""
    sample = Path(__file__).resolve().parents[1] / "samples" / "ep-2000-01-21-unnumbered.txt"
    lines = sample.read_text(encoding="utf-8").splitlines()[1:]  # (its heading pair left out)
    heading = "Terrorist attack in Madrid"
    dump = tmp_path / "heading.txt"
    dump.write_text("\n".join([*lines[:at], heading, *lines[at:]]) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    expected, _ = read_units([plain], segment=None)
    assert len(expected) == 3
    assert [(u.source, u.target) for u in units] == [(u.source, u.target) for u in expected]
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (en-GB only)", at + 1, heading)]


@pytest.mark.parametrize(("start", "seed", "width", "widest"),
                         [(0, 1, 25, 30), (2, 0, 25, 30), (0, 0, 23, 34)])
def test_a_sentences_first_line_in_a_narrow_pdf_cut_stays_in_its_pair(
        tmp_path: Path, start: int, seed: int, width: int, widest: int) -> None:
    """Europarl of 17 January 2000 cut PDF-style at widths of 25 to 30 characters (23 to
    34): "At the request of a French" / "Member, Mr Zimeray, ..." was taken for a heading
    without its translation, as its words share none with the French ("French" is
    "français") and the sentence lengths fit a hair better without it: a reject, and a unit
    whose English had lost its first line. With the next word the line is longer than any
    line of the file, so it ended for lack of room, as a sentence's line does; and where a
    line could have held it, "Zimeray" stands 44 characters into the French, 38 into the
    English with the line, 11 without: the line opens that sentence."""
    sessions = DATA / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = list(zip(en, fr, strict=True))[start:start + 14]
    assert rows[10 - start][0].startswith("At the request of a French Member, Mr Zimeray")
    pairs = [Pair(e, f, "en-GB", "fr-FR") for e, f in rows]
    dump = tmp_path / "narrow.txt"
    text = format_dump(pairs, style="space-consumed", numbered=False, seed=seed,
                       min_width=width, max_width=widest, fold_rate=0)
    assert "\nAt the request of a French\nMember, Mr Zimeray," in text
    dump.write_text(text, encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert rejects == []


@pytest.mark.parametrize("seed", [0, 1])
def test_a_first_line_cut_into_a_pair_of_its_own_opens_the_next_pair(
        tmp_path: Path, seed: int) -> None:
    """Europarl of 17 January 2000, French first, cut PDF-style in lines of 20 characters:
    "Oui, Madame" / "Schroedter, j'examinerai ..." after a side B ending "... is
    concerned.". The search made the line a pair of its own ("Oui," -> "Madame"), a reject
    (French alone), and the next unit's French lost "Oui, Madame". The line ends no
    sentence, the next word had no room on it, and "Schroedter" stands in the English
    ("Yes, Mrs Schroedter") as far in as in the French with the line: it opens that pair."""
    sessions = DATA / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = list(zip(en, fr, strict=True))[11:17]
    assert rows[3][1].startswith("Oui, Madame Schroedter, j'examinerai")
    pairs = [Pair(f, e, "fr-FR", "en-GB") for e, f in rows]
    text = format_dump(pairs, style="space-consumed", numbered=False, seed=seed,
                       min_width=20, max_width=20, fold_rate=0)
    assert "\nOui, Madame\nSchroedter,\n" in text
    dump = tmp_path / "narrow.txt"
    dump.write_text(text, encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert rejects == []


@pytest.mark.parametrize("seed", [1, 2, 4])
def test_a_heading_after_a_side_b_ending_a_sentence_is_a_reject(
        tmp_path: Path, seed: int) -> None:
    """Europarl of 17 January 2000 cut PDF-style at random widths, a French heading
    ("Transport de marchandises dangereuses par route", too long for the file's narrowest
    cut to tell) on a line of its own after a pair whose French ends a sentence: it stayed
    glued to that French, a unit offering a heading as part of the translation (42 of 105
    such dumps). The French would end without the full stop its English ends with, which a
    translation keeps: the line is a reject of its own and the pairs are whole."""
    heading = "Transport de marchandises dangereuses par route"
    sessions = DATA / "europarl-sessions"
    en, fr = ([p.strip() for p in (sessions / f"ep-00-01-17.{lang}.txt").read_text("utf-8")
               .split("\n\n") if p.strip()] for lang in ("en", "fr"))
    rows = list(zip(en, fr, strict=True))[2:10]
    assert rows[5][0].endswith(".") and rows[5][1].endswith(".")
    pairs = [Pair(e, f, "en-GB", "fr-FR") for e, f in rows]
    before = format_dump(pairs[:6], style="space-consumed", numbered=False, seed=seed)
    dump = tmp_path / "heading.txt"
    dump.write_text(before + heading + "\n" + format_dump(
        pairs[6:], style="space-consumed", numbered=False, seed=seed + 1), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", before.count("\n") + 1, heading)]


@pytest.mark.parametrize("at", [0, 3])
def test_a_french_heading_of_a_french_first_dump_cut_pdf_style_is_a_reject(
        tmp_path: Path, at: int) -> None:
    """The same in a dump written French first: "Ordre des travaux" before a pair's French
    went into that pair's French."""
    rows = EUROPARL_ROWS[1:]
    pairs = [Pair(fr, en, "fr-FR", "en-GB") for en, fr in rows]
    before = format_dump(pairs[:at], style="space-consumed", numbered=False, seed=5) \
        if at else ""
    dump = tmp_path / "heading.txt"
    dump.write_text(before + "Ordre des travaux\n" + format_dump(
        pairs[at:], style="space-consumed", numbered=False, seed=6), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", before.count("\n") + 1, "Ordre des travaux")]


def _read_with_line_between(tmp_path: Path, pairs: list[Pair], line: str
                            ) -> tuple[int, Any, Any]:
    """A dump of ``pairs`` cut PDF-style at random widths with ``line`` alone on its line
    after the first three, and the same dump without it: the line's number, and what each
    reads as (units and rejects)."""
    before = format_dump(pairs[:3], style="space-consumed", numbered=False, seed=0)
    after = format_dump(pairs[3:], style="space-consumed", numbered=False, seed=1)
    dump, plain = tmp_path / "with-line.txt", tmp_path / "plain.txt"
    dump.write_text(before + line + "\n" + after, encoding="utf-8")
    plain.write_text(before + after, encoding="utf-8")
    return (before.count("\n") + 1, read_units([dump], segment=None),
            read_units([plain], segment=None))


@pytest.mark.parametrize(("heading", "first", "at"), [
    (89, "en", 168), (89, "fr", 174), (217, "en", 180), (217, "fr", 174)])
def test_a_long_heading_of_a_dump_cut_pdf_style_at_random_widths_is_a_reject(
        tmp_path: Path, session_pairs: list[Pair], heading: int, first: str, at: int) -> None:
    """Cut PDF-style at random widths, a debate's title of the 17 January 2000 session
    ("Transport of dangerous goods by road", "Situation, développement social et économique
    des régions de l' Union") alone on its line before a pair, in the language of the side
    after it: too long for the file's narrowest cut to tell, it went into that side, and the
    unit offered "Social and economic situation and development of the regions of the Union
    Mr President, Commissioner, I too ..." as the English of "Monsieur le Président,
    Monsieur le Commissaire, chers collègues, ...". Side B's opening shares no word of it, while it
    shares names and cognates with the rest's first sentence: a paragraph of its own. The
    same pairs without the title are read as they were written."""
    title = session_pairs[heading].source if first == "en" else session_pairs[heading].target
    rows = [(p.source, p.target) for p in session_pairs[at - 3:at + 3]]
    pairs = [Pair(en, fr, "en-GB", "fr-FR") if first == "en" else Pair(fr, en, "fr-FR", "en-GB")
             for en, fr in rows]
    line, (units, rejects), (plain, left) = _read_with_line_between(tmp_path, pairs, title)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        (f"unpaired paragraph ({'en-GB' if first == 'en' else 'fr-FR'} only)", line, title)]
    assert [(u.source, u.target) for u in plain] == rows and left == []


@pytest.mark.parametrize("stray", ["Le débat est clos.", "Le vote aura lieu demain à midi."])
@pytest.mark.parametrize("at", [135, 175])
def test_a_closing_line_after_side_b_of_a_dump_cut_pdf_style_is_a_reject(
        tmp_path: Path, session_pairs: list[Pair], stray: str, at: int) -> None:
    """Cut PDF-style at random widths, a closing line of the President's in French alone on
    its line after a pair's French (its English left out): it ends a sentence, as side B's
    last sentence on a line of its own would, so nothing told it, and the unit offered
    "... doit être un des objectifs prioritaires. Le débat est clos." as the translation of
    "... must be one of the priority objectives.". Side A's
    last sentences share no word of it, while they share names and cognates with the rest
    of side B's last sentence, and its sentences fit the rest of B's better without it: a
    paragraph of its own. The same pairs without the line are read as they were written."""
    rows = [(p.source, p.target) for p in session_pairs[at - 3:at + 3]]
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows]
    line, (units, rejects), (plain, left) = _read_with_line_between(tmp_path, pairs, stray)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", line, stray)]
    assert [(u.source, u.target) for u in plain] == rows and left == []


@pytest.mark.parametrize("heading", ["Politique industrielle", "Reprise de la session"])
@pytest.mark.parametrize("at", [2, 4])
def test_a_french_heading_after_a_long_last_line_of_side_b_is_a_reject(
        tmp_path: Path, heading: str, at: int) -> None:
    """Cut PDF-style at random widths, a French heading alone on its line after a pair's
    French, side B's last line long: nothing said it was no part of that French, and the
    unit offered "... Politique industrielle" as the translation. The heading holds no
    sentence end, follows one, and its own line had room for the next pair's first word:
    a paragraph of its own. ("Le débat est clos." ends a sentence, as side B's last
    sentence on a line of its own would: the words the sides share tell it, below.)"""
    rows = EUROPARL_ROWS
    pairs = [Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows]
    before = format_dump(pairs[:at], style="space-consumed", numbered=False, seed=5)
    dump = tmp_path / "heading.txt"
    dump.write_text(before + heading + "\n" + format_dump(
        pairs[at:], style="space-consumed", numbered=False, seed=6), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.source, u.target) for u in units] == rows
    assert [(r.reason, r.line, r.text) for r in rejects] == [
        ("unpaired paragraph (fr-FR only)", before.count("\n") + 1, heading)]


def test_a_stray_line_never_hides_the_next_paragraph_number(tmp_path: Path) -> None:
    """A footer ending in digits ("PE 123.456") joined to the next line ("81. ...") used to
    hide that line's number inside "45681.": pair 81 vanished into pair 80's translation."""
    pairs = _numbered(75, 12)
    lines = format_dump(pairs, seed=2).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("81. "))
    lines.insert(at, "Page 3 of 12 - PE 123.456")
    dump = tmp_path / "footer.txt"
    dump.write_text("\n".join(lines), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [u.number for u in units] == list(range(75, 87))
    assert all(u.source == p.source for u, p in zip(units, pairs, strict=True))
    # and the footer is no part of pair 80's translation: a reject of its own
    assert all(u.target == p.target for u, p in zip(units, pairs, strict=True))
    assert [(r.reason, r.text) for r in rejects] == [
        ("text between numbered paragraphs", "Page 3 of 12 - PE 123.456")]


def test_a_paragraph_number_cut_at_a_line_break_is_read_whole(tmp_path: Path) -> None:
    """Real DGT-TM rows, the number of pair 28's French cut at a line break ("2" | "8."):
    the line's own "8." was taken for a number, and pairs 27 and 28 went to the rejects
    as "paragraph number mismatch: 27 vs 8" with the text run together ("199828.")."""
    fr_28 = "Radeaux de sauvetage rigides à redressement automatique (radeaux rigides uniquement)"
    dump = tmp_path / "cut.txt"
    dump.write_text(
        "27. Rigid liferaft, Coast Guard Review Checklist, 27 July 1998 27. Rigid liferaft, "
        "Coast Guard Review Checklist, 27 juillet 1998\n"
        "28. Automatically self-righting liferafts (rigid liferafts only) 2\n"
        f"8. {fr_28}\n"
        "29. Canopied reversible liferafts (rigid liferafts only) 29. Radeaux de sauvetage "
        "réversibles munis d'une tente (radeaux rigides uniquement)\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [(u.number, u.target) for u in units][:1] == [(28, fr_28)]
    assert [u.number for u in units] == [28, 29]
    # pair 27, whose "French" is its English title, is rejected as such, its text as written
    assert [(r.line, r.text) for r in rejects] == [
        (1, "27. Rigid liferaft, Coast Guard Review Checklist, 27 July 1998 27. Rigid "
            "liferaft, Coast Guard Review Checklist, 27 juillet 1998")]
    assert "mismatch" not in rejects[0].reason


def test_a_number_after_digits_at_a_line_start_stays_a_number(tmp_path: Path) -> None:
    """The other way round: "8." opening a line after "article 2" is paragraph 8, for "28."
    is not the number of a pair there."""
    pairs = _numbered(1, 12)
    pairs[6] = Pair(pairs[6].source, pairs[6].target + " Voir l'article 2", "en-GB",
                    "fr-FR", number=7)
    dump = tmp_path / "article.txt"
    # the line break after "article 2" is joined without a space: "article 28. The ..."
    dump.write_text("".join(f"{p.number}. {p.source} {p.number}. {p.target}\n"
                            for p in pairs), encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [u.number for u in units] == list(range(1, 13)) and rejects == []
    assert units[6].target.endswith("Voir l'article 2")


@pytest.mark.parametrize("alone", ["en", "fr"])
def test_paragraphs_without_translation_are_one_reject_each(tmp_path: Path, alone: str) -> None:
    pairs = _numbered(1, 12)
    lines = []
    for pair in pairs:
        source, target = f"{pair.number}. {pair.source}", f"{pair.number}. {pair.target}"
        if pair.number in (5, 6, 7):
            lines.append(source if alone == "en" else target)
        else:
            lines.append(f"{source} {target}")
    dump = tmp_path / "gaps.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [u.number for u in units] == [1, 2, 3, 4, 8, 9, 10, 11, 12]
    missing = "fr-FR" if alone == "en" else "en-GB"
    assert [(r.line, r.reason) for r in rejects] == [
        (n, f"{missing} side missing or empty") for n in (5, 6, 7)]
    assert all(r.text.startswith(f"{r.line}. ") and r.text.count(". ") <= 2 for r in rejects)



def test_a_paragraph_in_one_language_on_both_sides_says_so(tmp_path: Path) -> None:
    """DGT-TM writes some addresses in French in the English column too ("1329. 200, rue
    de la Loi 1329. Rue de la Loi 200"): the paragraph has no English side. Its reject
    said "en-GB side missing or empty", as for a paragraph left untranslated, beside a
    text that plainly holds two halves; it says which language both are in."""
    dump = tmp_path / "addresses.txt"
    dump.write_text("1328. Maritime Safety Unit 1328. Unité «Sécurité maritime»\n"
                    "1329. 200, rue de la Loi 1329. Rue de la Loi 200\n"
                    "1330. The Commission adopts the decision. 1330. La Commission adopte "
                    "la décision.\n", encoding="utf-8")
    units, rejects = read_units([dump], segment=None)
    assert [u.number for u in units] == [1328, 1330]
    assert [(r.line, r.reported_reason) for r in rejects] == [
        (2, "no en-GB side: both halves of a paragraph read as fr-FR: paragraph 1329")]


# --- several processes -------------------------------------------------------------------------

def test_jobs_give_the_same_memory_and_report(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export import pipeline

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same dates in both runs
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)  # a small corpus shared anyway
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, first in enumerate((1, 40, 80)):
        (corpus / f"dump-{n}.txt").write_text(format_dump(_numbered(first, 25), seed=n),
                                              encoding="utf-8")
    (corpus / "seed.txt").write_bytes(SEED.read_bytes())
    (corpus / "again.txt").write_bytes(SEED.read_bytes())  # duplicates across files
    for name in ("ep-00-01-17-excerpt.en.txt", "ep-00-01-17-excerpt.fr.txt"):
        (corpus / name).write_bytes((EUROPARL / name).read_bytes())
    (corpus / "memory.tmx").write_bytes((DATA / "tmx" / "dgt-tm" / "22019D0391.tmx").read_bytes())
    outputs = {}
    for jobs in (1, 2):
        out, report = tmp_path / f"j{jobs}.tmx", tmp_path / f"j{jobs}.tsv"
        result = run("build", str(corpus), "-o", str(out), "--rejects", str(report),
                     "--jobs", str(jobs))
        assert result.exit_code == 0, result.output
        summary = result.stdout.replace(f"j{jobs}.", "j.")
        outputs[jobs] = (out.read_bytes(), report.read_bytes(), summary)
    assert outputs[1] == outputs[2]
    assert b"<tu " in outputs[1][0] and b"duplicate" in outputs[1][1]


def test_one_large_input_shared_in_chunks_gives_the_same_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One dump, read here, cleaned, segmented and aligned by the processes in chunks of 7
    # pairs, in input order; and a TMX whose rejected units fall between chunks, whose
    # units the processes only judge by the cleaning rules, chunk by chunk.
    from tmx_export import pipeline

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(pipeline, "CHUNK_PAIRS", 7)
    monkeypatch.setattr(pipeline, "CHUNKS_AHEAD", 1)
    started: list[str] = []
    original_submit = pipeline._LazyPool.submit

    def submit(self, fn, /, *args):  # type: ignore[no-untyped-def]
        started.append(fn.__name__)
        return original_submit(self, fn, *args)

    monkeypatch.setattr(pipeline._LazyPool, "submit", submit)
    chunked: list[str] = []
    original = pipeline._chunked_records

    def spy(path, *args):  # type: ignore[no-untyped-def]
        if args[3] is not None:  # a pool to share the chunks (--jobs 1 has none)
            chunked.append(Path(path).name)
        return original(path, *args)

    monkeypatch.setattr(pipeline, "_chunked_records", spy)
    dump = tmp_path / "dump.txt"
    pairs = _numbered(1, 60)
    pairs[20] = Pair(pairs[20].source, "", "en-GB", "fr-FR", number=21)  # a rejected pair
    dump.write_text(format_dump(pairs, seed=3), encoding="utf-8")
    units = []
    for n in range(1, 41):
        fr = "" if n % 6 == 0 else (f'<tuv xml:lang="fr-FR"><seg>La Commission adopte le '
                                    f"rapport {n} sur le marché intérieur.</seg></tuv>")
        en = f"The Commission adopts report {n} on the internal market."
        if n % 7 == 0:  # rejected by a worker (no letters), between the reader's rejects
            # (not "N." alone: a paragraph number passes, as a dump writes one)
            en, fr = f"({n})", f'<tuv xml:lang="fr-FR"><seg>({n})</seg></tuv>'
        units.append(f'<tu><tuv xml:lang="en-GB"><seg>{en}</seg></tuv>{fr}</tu>')
    memory = tmp_path / "memory.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                      '<header creationtool="t" creationtoolversion="1" segtype="sentence" '
                      'o-tmf="t" adminlang="en" srclang="en-GB" datatype="plaintext"/><body>'
                      + "\n".join(units) + "</body></tmx>\n", encoding="utf-8")
    for inputs in ([dump], [memory], [dump, memory]):
        outputs = {}
        for jobs in (1, 2):
            out, report = tmp_path / f"j{jobs}.tmx", tmp_path / f"j{jobs}.tsv"
            result = run("build", *map(str, inputs), "-o", str(out), "--rejects",
                         str(report), "--jobs", str(jobs))
            assert result.exit_code == 0, result.output
            outputs[jobs] = (out.read_bytes(), report.read_bytes(),
                             result.stdout.replace(f"j{jobs}.", "j."))
        assert outputs[1] == outputs[2]
        assert outputs[1][0].count(b"<tu ") >= 25 * len(inputs)
        if dump in inputs:
            assert b"side missing or empty" in outputs[1][1]
        if memory in inputs:
            assert outputs[1][1].count(b"missing-target-language") == 6
            assert outputs[1][1].count(b"\tno-letters\t") == 5
    # a TMX holds units already: only their texts go out, to be judged (_reasons_work)
    assert chunked == ["dump.txt", "memory.tmx", "dump.txt", "memory.tmx"]
    assert set(started) == {"_chunk_work", "_reasons_work"} and len(started) > 10


def test_a_small_input_starts_no_process(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # the seed with --jobs 2: fewer pairs than a chunk, done in the main process
    from tmx_export import pipeline

    monkeypatch.setattr(pipeline._LazyPool, "submit", None)  # would fail if called
    out = tmp_path / "o.tmx"
    assert run("build", str(SEED), "-o", str(out), "--jobs", "2").exit_code == 0
    assert out.read_bytes().count(b"<tu ") > 1


def test_a_bad_input_in_a_worker_is_the_one_error_line(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(format_dump(_numbered(1, 5), seed=1), encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"34. Calls on \x81\x8d the Commission\n")
    out = tmp_path / "o.tmx"
    assert_refused(run("build", str(good), str(bad), "-o", str(out), "--jobs", "2"), "b.txt")
    assert not out.exists()


def test_a_broken_account_ends_the_run_in_one_line(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export.pipeline import AccountingError, Accounts

    def broken(self: Accounts) -> None:
        raise AccountingError("internal error: 1 paragraphs read but 0 in units and 0 rejected")

    monkeypatch.setattr(Accounts, "check", broken)
    out = tmp_path / "o.tmx"
    assert_refused(run("build", str(SEED), "-o", str(out)), "internal error", "please report")
    assert not out.exists()


def test_a_lost_sigterm_is_obeyed_at_the_next_paragraph(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    # A signal handler's exception raised inside C code that drops it (Python compiling a
    # module on a first run) used to be lost: the run went on to the end
    from tmx_export import errors, pipeline

    monkeypatch.setattr(errors, "_terminated", False)  # put back after the test
    opened = pipeline.open_input

    def open_and_lose_a_signal(*args: object, **kwargs: object) -> object:
        try:
            errors.terminate()  # what the CLI's SIGTERM handler does
        except errors.Terminated:
            pass  # ... and C code that swallows it
        return opened(*args, **kwargs)

    monkeypatch.setattr(pipeline, "open_input", open_and_lose_a_signal)
    out = tmp_path / "o.tmx"
    with pytest.raises(errors.Terminated):
        build([SEED], out, rejects_path=tmp_path / "r.tsv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [
    ["build", str(SEED), "-o", "-"],
    ["pairs", str(SEED), "-o", "-"],
    ["build", str(SEED), "-o", "{tmp}/o.tmx", "--rejects", "-"],
    ["check", str(SEED)],  # the findings, one a line
    # the summary, the counts, the problems, the hits: a bare "No space left on device"
    ["build", str(SEED), "-o", "{tmp}/o.tmx"],
    ["stats", str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")],
    ["validate", str(DATA / "tmx" / "dgt-tm" / "22019D0391.tmx")],
    ["concordance", str(DATA / "tmx" / "dgt-tm" / "22019D0437.tmx"), "Commission",
     "--source-lang", "en-GB", "--target-lang", "fr-FR"],
])
def test_a_full_standard_output_is_named(tmp_path: Path, command: list[str]) -> None:
    """A full disk behind standard output (the TMX, pairs or rejects of "-") said "No space
    left on device" without naming what it could not write."""
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in command]
    with open("/dev/full", "wb") as full:
        process = subprocess.run(
            [sys.executable, "-c", "from tmx_export.cli import main; main()", *args],
            stdout=full, stderr=subprocess.PIPE, timeout=120, check=False)
    assert process.returncode == (2 if args[0] in ("check", "validate") else 1)
    assert process.stderr.decode().splitlines()[-1] == (
        "tmx-export: error: <stdout>: cannot write: No space left on device")


def test_a_signalled_stats_worker_stops_counting_its_part(monkeypatch) -> None:
    """Ctrl-C on `stats --jobs 2` waited for the worker to count its whole part (seconds on
    a large memory): it had no point to stop at. Signalled (the flag a pool worker's handler
    sets), it stops at its next thousand units, its Terminated sent back to the parent."""
    from tmx_export import errors
    from tmx_export.formats.tmx import split_tmx
    from tmx_export.tools import counts

    memory = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0996.tmx"
    parts = split_tmx(memory, 2, 0.5)
    part = parts[-1] if parts else None
    assert counts._part_counts(memory, part, "EN-GB") is not None  # counted, unsignalled
    monkeypatch.setattr(errors, "_terminated", signal.SIGTERM)
    with pytest.raises(errors.Terminated):
        counts._part_counts(memory, part, "EN-GB")
