"""A large dump read in parts: where the parts are cut, and that reading them one after the
other, or in other processes, gives what reading the whole file gives.

The dumps are real Europarl paragraph pairs (``data/europarl_pairs.tsv``) numbered in
sequence and written with ``format_dump`` in every cut style; the parts are made small
(a few thousand characters) so that a test file is cut many times.
"""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmx_export import pipeline
from tmx_export.dump import CUT_STYLES, format_dump, read_dump
from tmx_export.dump import reader as dump_reader
from tmx_export.dump.reader import DumpPart, split_dump
from tmx_export.model import BuildOptions, Pair, ReadResult, Reject

DATA = Path(__file__).parent / "data"
EN, FR = "en-GB", "fr-FR"

with (DATA / "europarl_pairs.tsv").open(encoding="utf-8", newline="") as _handle:
    REAL = [(row["en"], row["fr"]) for row in csv.DictReader(_handle, delimiter="\t")]


def run(*args: str):  # type: ignore[no-untyped-def]
    from tmx_export.cli import main

    return CliRunner().invoke(main, list(args))


def numbered(count: int, first: int = 1) -> list[Pair]:
    """``count`` real pairs (the file's 31, over and over), numbered from ``first``."""
    return [Pair(en, fr, EN, FR, number=n)
            for n, (en, fr) in zip(range(first, first + count), itertools.cycle(REAL))]


def read(text: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    result: ReadResult = read_dump("dump.txt", text=text)
    return ([(p.source, p.target, p.number, p.line) for p in result.pairs],
            [(r.line, r.reason, r.text) for r in result.rejects])


def test_parts_are_cut_before_a_numbered_pair_and_make_up_the_file() -> None:
    text = format_dump(numbered(150), seed=1)
    parts = split_dump(text, 8000)
    assert len(parts) >= 10
    assert "".join(part.text for part in parts) == text
    lines = text.split("\n")
    numbers = []
    for before, part in zip(parts, parts[1:], strict=False):
        assert len(part.text) >= 4000 and len(before.text) >= 8000
        # it starts at the line of the file its first line number says, a numbered one
        assert lines[part.first_line - 1] == part.text.split("\n", 1)[0]
        number = int(re.match(r"(\d+)\. ", part.text).group(1))  # type: ignore[union-attr]
        # ... where pair "number" begins: the part before ends with the one before it
        assert re.search(rf"(?m)^{number - 1}\. ", before.text)
        assert not re.search(rf"(?m)^{number}\. ", before.text)
        assert re.search(r"[.;:!?][\"'’”»)\]]*$", before.text.rstrip("\n"))
        numbers.append(number)
    assert numbers == sorted(numbers)


def test_a_small_or_unnumbered_dump_is_one_part() -> None:
    text = format_dump(numbered(150), seed=1)
    assert split_dump(text) == [DumpPart.of(1, text)]  # 53,000 characters: under a part
    unnumbered = format_dump(numbered(150), numbered=False, seed=1)
    assert split_dump(unnumbered, 8000) == [DumpPart.of(1, unnumbered)]


def test_numbers_out_of_sequence_are_no_cut() -> None:
    # "2000." opening a line within a paragraph, and numbering that starts again at 1 (two
    # documents in one file): a cut only where N follows N - 1
    text = format_dump(numbered(60), seed=2) + format_dump(numbered(60), seed=3)
    text = text.replace("\n", "\n2000. ", 1)
    parts = split_dump(text, 6000)
    assert len(parts) >= 5
    starts = [int(re.match(r"(\d+)\.", p.text).group(1)) for p in parts[1:]]  # type: ignore[union-attr]
    assert 2000 not in starts and 1 not in starts


@pytest.mark.parametrize("style", CUT_STYLES)
def test_a_dump_read_in_parts_gives_what_it_gives_whole(style: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # every pair, number and line number the same, and the rejects (a paragraph without
    # its translation, in a later part) with their lines in the file
    pairs = numbered(300)
    pairs[200] = Pair(pairs[200].source, "", EN, FR, number=201)
    text = format_dump(pairs, style=style, seed=7)
    whole = read(text)
    monkeypatch.setattr(dump_reader, "PART_CHARS", 10_000)
    assert len(split_dump(text)) >= 15
    parted = read(text)
    assert parted == whole
    assert [number for _, _, number, _ in parted[0]] == [n for n in range(1, 301) if n != 201]
    assert [(reason, line) for line, reason, _ in parted[1]] == [
        ("fr-FR side missing or empty", text[:text.index("\n201. ")].count("\n") + 2)]


def sent_to_the_processes(monkeypatch: pytest.MonkeyPatch, part_chars: int) -> list[str]:
    """The names of the functions the build's pool is given from now on, with parts of
    ``part_chars`` characters and fixed dates."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(dump_reader, "PART_CHARS", part_chars)
    sent: list[str] = []
    original_submit = pipeline._LazyPool.submit

    def submit(self, fn, /, *args):  # type: ignore[no-untyped-def]
        sent.append(fn.__name__)
        return original_submit(self, fn, *args)

    monkeypatch.setattr(pipeline._LazyPool, "submit", submit)
    return sent


def built_with_one_and_two_jobs(dump: Path, *options: str) -> dict[int, tuple[bytes, ...]]:
    """The TMX, the rejects report and the summary of a build with --jobs 1 and 2."""
    outputs = {}
    for jobs in (1, 2):
        out, report = dump.with_name(f"j{jobs}.tmx"), dump.with_name(f"j{jobs}.tsv")
        result = run("build", str(dump), "-o", str(out), "--rejects", str(report),
                     "--jobs", str(jobs), *options)
        assert result.exit_code == 0, result.output
        outputs[jobs] = (out.read_bytes(), report.read_bytes(),
                         result.stdout.replace(f"j{jobs}.", "j.").encode())
    return outputs


def test_the_parts_of_one_dump_go_to_the_processes_with_the_same_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = sent_to_the_processes(monkeypatch, 20_000)
    pairs = numbered(400)
    pairs[300] = Pair(pairs[300].source, "", EN, FR, number=301)
    dump = tmp_path / "dump.txt"
    dump.write_text(format_dump(pairs, seed=4), encoding="utf-8")
    outputs = built_with_one_and_two_jobs(dump)
    assert outputs[1] == outputs[2]
    assert sent and set(sent) == {"_part_work"}  # the parts, whole, to the processes
    assert len(sent) == len(split_dump(dump.read_text(encoding="utf-8"))) >= 6
    assert b"side missing or empty" in outputs[1][1]
    assert outputs[1][0].count(b'<prop type="x-paragraph">') == outputs[1][0].count(b"<tu ")


def test_paragraphs_without_a_number_keep_their_place_in_the_file_across_parts(
        tmp_path: Path) -> None:
    # A paragraph known by its position in the file (no printed number): a part read in
    # another process counts from its own start, and its positions are moved on after
    # the parts before it, as reading the parts here one after the other gives them.
    texts = [format_dump(numbered(40, first), numbered=False, seed=first)
             for first in (1, 41, 81)]
    parts, line = [], 1
    for text in texts:
        parts.append(DumpPart.of(line, text))
        line += text.count("\n")
    dump = tmp_path / "dump.txt"
    dump.write_text("".join(texts), encoding="utf-8")
    options = BuildOptions(jobs=2, segment="sentence")

    def paragraphs(records: list[pipeline.Record]) -> list[tuple[int | None, ...]]:
        return [(record[0].paragraph, *(unit.paragraph for unit in record[1]))
                for record in records if not isinstance(record, Reject)]

    here = list(pipeline._chunked_records(dump, "dump", options, pipeline._FileCounts(),
                                          None, parts))
    pool = pipeline._LazyPool(2)
    try:
        there = list(pipeline._parted_records(dump, "dump", parts, options,
                                              pipeline._FileCounts(), pool))
    finally:
        pool.shutdown()
    assert pool.started
    assert paragraphs(there) == paragraphs(here)
    assert [p[0] for p in paragraphs(here)] == list(range(1, len(paragraphs(here)) + 1))
    assert len(paragraphs(here)) >= 110


# --- unnumbered dumps: cut where the language turns back to the first side's -------------

def unnumbered(count: int, french_first: bool = False) -> list[Pair]:
    return [Pair(p.target, p.source, FR, EN) if french_first else p
            for p in numbered(count)]


@pytest.mark.parametrize("french_first", [False, True])
def test_an_unnumbered_dump_is_cut_where_a_pair_starts(french_first: bool) -> None:
    pairs = unnumbered(300, french_first)
    text = format_dump(pairs, numbered=False, seed=5)
    parts = split_dump(text, 40_000, ("en", "fr"))
    assert len(parts) == 4
    assert "".join(part.text for part in parts) == text
    openings = {pair.source[:30] for pair in pairs}
    lines = text.split("\n")
    for part in parts[1:]:
        assert part.text[:30] in openings  # a pair's first side begins the part
        assert lines[part.first_line - 1] == part.text.split("\n", 1)[0]
    # without the languages, or in other ones, nothing tells where a pair starts
    assert len(split_dump(text, 40_000)) == 1
    assert len(split_dump(text, 40_000, ("de", "it"))) == 1


@pytest.mark.parametrize("style", CUT_STYLES)
def test_an_unnumbered_dump_read_in_parts_gives_what_it_gives_whole(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for french_first in (False, True):
        text = format_dump(unnumbered(300, french_first), numbered=False, style=style,
                           seed=6)
        whole = read(text)
        monkeypatch.setattr(dump_reader, "PART_CHARS", 40_000)
        assert len(split_dump(text, langs=("en", "fr"))) == 4
        assert read(text) == whole
        assert len(whole[0]) == 300 and whole[1] == []
        monkeypatch.undo()


def test_the_parts_of_an_unnumbered_dump_go_to_the_processes_with_the_same_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = sent_to_the_processes(monkeypatch, 40_000)
    dump = tmp_path / "dump.txt"
    dump.write_text(format_dump(unnumbered(300), numbered=False, seed=8), encoding="utf-8")
    outputs = built_with_one_and_two_jobs(dump, "--keep-duplicates")
    assert outputs[1] == outputs[2] and outputs[1][0].count(b"<tu ") >= 300
    assert sent == ["_part_work"] * 4


def test_an_unnumbered_dump_that_stops_turning_is_not_searched_to_its_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two languages at first, then English only: the search for the next pair start gives
    # up after twice a part's length, and the rest is one part, read whole.
    from tmx_export import lang

    bilingual = format_dump(unnumbered(300), numbered=False, seed=5)
    english = "\n".join(f"{en}" for en, _ in REAL) + "\n"
    text = bilingual + english * 40
    asked: list[int] = []
    mean_score = lang.mean_score

    def counted(*args):  # type: ignore[no-untyped-def]
        asked.append(1)
        return mean_score(*args)

    monkeypatch.setattr(lang, "mean_score", counted)
    parts = split_dump(text, 40_000, ("en", "fr"))
    assert "".join(part.text for part in parts) == text
    assert len(parts) == 4 and len(parts[-1].text) > len(english) * 30
    # leans read at far fewer than half the lines (scanning to the end reads most of them)
    assert len(asked) < text.count("\n") / 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_hears_of_each_part_of_a_large_dump(tmp_path: Path, jobs: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A large file no longer leaves the bar at nothing until its end: each part read is
    # heard of as it is done, then the file with its whole size.
    from tmx_export.model import Progress
    from tmx_export.pipeline import build

    # parts of a few hundred pairs: more than the chunks of pairs the records come in
    monkeypatch.setattr(dump_reader, "PART_CHARS", 150_000)
    dump = tmp_path / "dump.txt"
    dump.write_text(format_dump(numbered(1200), seed=4), encoding="utf-8")
    heard: list[tuple[str, str, int]] = []

    class Heard(Progress):
        def partly(self, name: str, size: int) -> None:
            heard.append(("partly", name, size))

        def advance(self, name: str, size: int) -> None:
            heard.append(("advance", name, size))

    build([dump], tmp_path / "out.tmx", progress=Heard(), jobs=jobs)
    parts = split_dump(dump.read_text(encoding="utf-8"))
    assert len(parts) >= 3
    partly = [size for kind, _, size in heard if kind == "partly"]
    assert partly == [len(part.data) for part in parts[:len(partly)]]
    assert len(partly) >= len(parts) - 1
    assert heard[-1] == ("advance", str(dump), dump.stat().st_size)
    assert [kind for kind, _, _ in heard].count("advance") == 1


def test_each_part_finds_its_own_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two dumps joined into one file, the second written French first: read whole, one
    # order is chosen for the file and the second half comes out garbled; in parts, each
    # part chooses its own, and only the part where the order changes suffers.
    english_first = numbered(300)
    french_first = [Pair(p.target, p.source, FR, EN, number=p.number + 300)
                    for p in numbered(300)]
    text = format_dump(english_first, seed=1) + format_dump(french_first, seed=2)
    expected = {(p.source, p.target) for p in english_first}

    def right() -> int:
        result = read_dump("joined.txt", text=text)
        return sum((p.source, p.target) in expected for p in result.pairs)

    whole = right()
    monkeypatch.setattr(dump_reader, "PART_CHARS", 40_000)
    assert len(split_dump(text)) >= 6
    assert right() >= 0.9 * 600 > whole


@pytest.mark.parametrize("style", CUT_STYLES)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("numbering", ["numbered", "unnumbered", "french first"])
def test_a_large_file_is_cut_as_its_whole_text_without_being_held_whole(
        style: str, newline: str, numbering: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # read in blocks of a few hundred bytes, cut anywhere (inside a line, inside a
    # character of several bytes): the parts its whole text would be cut in; unnumbered,
    # with the text behind the search let go as it goes on
    monkeypatch.setattr(dump_reader, "_BLOCK_BYTES", 377)
    if numbering == "numbered":
        pairs, size = numbered(300), 8000
    else:
        pairs, size = unnumbered(600, numbering == "french first"), 40_000
        monkeypatch.setattr(dump_reader._Stretch, "release", _release_often)
    text = format_dump(pairs, style=style, seed=3, numbered=numbering == "numbered")
    text = text.replace("\n", newline)
    if numbering == "numbered":  # (French accents are two bytes; this one is four)
        text = text.replace("Commission", "Commission « 🇪🇺 »")
    path = tmp_path / "dump.txt"
    path.write_bytes(text.encode("utf-8"))
    parts = dump_reader.dump_parts(path, langs=("en", "fr"), size=size)
    assert isinstance(parts, dump_reader.FileParts)  # only where to cut is kept
    # (English-first CRLF text cut mid-word or with its spaces kept has no turn clear
    # enough: one part, as from its whole text)
    assert len(parts) >= 6 or newline == "\r\n" and numbering == "unnumbered"
    assert list(parts) == split_dump(text, size, ("en", "fr"))
    assert list(parts) == list(parts)  # read again, the same


def _release_often(self, before: int) -> None:  # type: ignore[no-untyped-def]
    """_Stretch.release letting go of the text by the thousand characters, not million."""
    drop = before - self.base
    if self.read is not None and drop > 1000:
        self.base_bytes += len(self.buf[:drop].encode("utf-8"))
        self.buf, self.base = self.buf[drop:], before


def test_other_files_are_cut_from_their_whole_text(tmp_path: Path) -> None:
    text = format_dump(numbered(300), seed=3)
    cases = {"bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
             "utf16.txt": b"\xff\xfe" + text.encode("utf-16-le"),
             "cp1252.txt": text.replace("’", "'").encode("cp1252", "replace"),
             "small.txt": text[:10_000].encode("utf-8")}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        parts = dump_reader.dump_parts(path, langs=("en", "fr"), size=8000)
        assert isinstance(parts, list), name  # read whole, as before
        whole = dump_reader.read_text(path)
        assert parts == split_dump(whole, 8000, ("en", "fr")), name


def test_a_dump_that_changes_while_it_is_read_is_an_error(tmp_path: Path) -> None:
    from tmx_export.errors import InputError

    path = tmp_path / "dump.txt"
    path.write_text(format_dump(numbered(300), seed=3), encoding="utf-8")
    parts = dump_reader.dump_parts(path, size=8000)
    taken = iter(parts)
    next(taken)
    path.write_text(path.read_text(encoding="utf-8")[:-100], encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was being read"):
        list(taken)
    with pytest.raises(InputError, match="changed while it was being read"):
        list(parts)


def test_a_command_on_large_inputs_keeps_its_heap_steady(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tmx_export import cli

    calls: list[bool] = []
    monkeypatch.setattr(cli, "_steady_heap", lambda: calls.append(True))
    small = tmp_path / "small.txt"
    small.write_text(format_dump(numbered(3), seed=1), encoding="utf-8")
    assert run("build", str(small), "-o", str(tmp_path / "a.tmx"), "-q").exit_code == 0
    assert calls == []
    monkeypatch.setattr(cli, "_LARGE_INPUT", small.stat().st_size)
    assert run("build", str(small), "-o", str(tmp_path / "b.tmx"), "-q").exit_code == 0
    assert calls == [True]
    assert cli._large([str(tmp_path)]) and not cli._large(["no such file", "value chain"])


def test_a_dump_changed_during_a_build_ends_it_in_one_line_without_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dump_reader, "PART_CHARS", 8000)
    dump = tmp_path / "dump.txt"
    dump.write_text(format_dump(numbered(300), seed=3), encoding="utf-8")
    found = dump_reader._file_cuts

    def then_changed(*args):  # type: ignore[no-untyped-def]
        cuts = found(*args)
        dump.write_text(dump.read_text(encoding="utf-8")[:-500], encoding="utf-8")
        return cuts

    monkeypatch.setattr(dump_reader, "_file_cuts", then_changed)
    out = tmp_path / "out.tmx"
    result = run("build", str(dump), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1
    assert result.output == (f"tmx-export: error: {dump}: changed while it was being "
                             "read\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.txt"]
