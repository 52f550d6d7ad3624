"""A large TMX file checked in parts, one process each (tmx_export.check.parts): the same
findings, in the same order, with the same tuids and lines as one process gives; a cut
that is not between two units, a broken file and a failing worker handled as they are
when the file is read whole."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmx_export.check import parts, run, worker
from tmx_export.check.run import CheckOptions, check
from tmx_export.cli import main
from tmx_export.errors import InputError, InternalError
from tmx_export.formats import tmx
from tmx_export.model import NO_CLEANING, BuildOptions
from tmx_export.pipeline import stream_units

DATA = Path(__file__).parent / "data"
DGT = sorted((DATA / "tmx" / "dgt-tm").glob("*.tmx"))
GOLD = DATA / "terms_gold_en_fr.tsv"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" '
        'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" '
        'creationtoolversion="1"/><body>\n')
TAIL = "\n</body></tmx>\n"

pytestmark = pytest.mark.skipif(not worker.can_fork(), reason="no fork here: one process")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _tu(source: str, target: str, tuid: str | None) -> str:
    attrs = f' tuid="{tuid}"' if tuid is not None else ""
    return (f'<tu{attrs}>\n  <tuv xml:lang="en-GB"><seg>{_escape(source)}</seg></tuv>\n'
            f'  <tuv xml:lang="fr-FR"><seg>{_escape(target)}</seg></tuv>\n</tu>')


def _memory(path: Path, between: str = "") -> Path:
    """The EN/FR units of the DGT-TM test files as one UTF-8 TMX, every third without a
    tuid (numbered in reading order), repeated at the end with some targets changed, so
    that consistency compares units of the last part with units of the first; ``between``
    goes before each unit."""
    options = BuildOptions(allow_empty=True, clean=NO_CLEANING, dedupe="none", renumber=False)
    units = list(stream_units([str(p) for p in DGT], options))
    tus = [_tu(u.source, u.target, None if i % 3 == 0 else f"d{i}")
           for i, u in enumerate(units)]
    tus += [_tu(u.source, u.target + (" Indeed." if i % 2 else ""), f"r{i}")
            for i, u in enumerate(units[::9])]
    path.write_text(HEAD + "\n".join(between + tu for tu in tus) + TAIL, encoding="utf-8")
    return path


def _glossary(path: Path) -> Path:
    """The approved pairs of the hand-judged terms list, each with forbidden renderings
    that do occur in EU French."""
    lines = ["source\ttarget\tstatus"]
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if line.startswith("#") or len(row) < 2 or row[0] == "source" or \
                (len(row) > 2 and row[2] == "wrong"):
            continue
        lines.append(f"{row[0]}\t{row[1]}\tapproved")
        lines.extend(f"{row[0]}\t{bad}\tforbidden" for bad in ("décision", "accord"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _events(memory: Path, jobs: int, **settings: object) -> list[tuple]:
    events: list[tuple] = []
    try:
        summary = check([str(memory)], CheckOptions(jobs=jobs, **settings),  # type: ignore[arg-type]
                        lambda found: events.append(found.row()))
        events.append(("summary", summary.units, sorted(summary.by_check.items()),
                       sorted(summary.left_out.items())))
    except InputError as exc:
        events.append(("error", str(exc)))
    return events


@pytest.fixture
def small_parts(monkeypatch):  # type: ignore[no-untyped-def]
    """Files of a few kilobytes cut into parts, units pickled a few at a time; the workers
    started, counted."""
    monkeypatch.setattr(tmx, "SPLIT_MIN_BYTES", 1000)
    monkeypatch.setattr(parts, "_BATCH", 7)
    started: list[int] = []
    real = parts._Worker.__init__

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(parts._Worker, "__init__", counted)
    return started


def test_a_memory_checked_in_parts_gives_the_findings_of_one_process(
        tmp_path: Path, small_parts: list[int]) -> None:
    memory, glossary = _memory(tmp_path / "memory.tmx"), _glossary(tmp_path / "g.tsv")
    alone = _events(memory, 1, terms=str(glossary))
    assert small_parts == []
    checks = {row[3] for row in alone[:-1]}
    assert {"term-missing", "term-forbidden", "inconsistent-target", "punctuation"} <= checks
    # findings in the last part about units of the first, and units numbered in order
    # (no tuid of their own) in the last part too
    last = [row for row in alone[:-1] if row[0].startswith("r")]
    assert any(row[3] == "inconsistent-target" for row in last)
    assert any(row[0].startswith("#") and int(row[0][1:]) > alone[-1][1] // 2
               for row in alone[:-1])
    for jobs in (2, 3):
        assert _events(memory, jobs, terms=str(glossary)) == alone
    assert len(small_parts) == 1 + 2  # the parts after the first, each in a worker
    assert _events(memory, 2) == _events(memory, 1)


def test_a_part_worker_keeps_what_it_inherited_out_of_its_collector(
        tmp_path: Path, small_parts: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """A part's worker freezes the objects it inherited (the terms, the words tokenised, the
    dictionaries), so that its collector does not go over them again; this process's own
    collector is left as it was."""
    told = tmp_path / "frozen"
    real = parts.worker_started

    def started() -> None:
        real()
        told.write_text(str(gc.get_freeze_count()), encoding="utf-8")

    monkeypatch.setattr(parts, "worker_started", started)
    before = gc.get_freeze_count()
    events = _events(_memory(tmp_path / "memory.tmx"), 2)
    assert small_parts and events[-1][0] == "summary"
    assert int(told.read_text(encoding="utf-8")) > before  # its own objects and the parent's
    assert gc.get_freeze_count() == before


def test_the_lines_of_findings_in_later_parts_are_those_of_the_file(
        tmp_path: Path, small_parts: list[int]) -> None:
    memory = _memory(tmp_path / "memory.tmx")
    lines = memory.read_text(encoding="utf-8").splitlines()
    found = [row for row in _events(memory, 2)[:-1] if row[0].startswith("r")]
    assert found and small_parts
    for row in found:  # the unit's tu starts on its line
        assert lines[int(row[2]) - 1].startswith(f'<tu tuid="{row[0]}"')


def test_a_memory_in_the_tmx_namespace_is_checked_in_parts(
        tmp_path: Path, small_parts: list[int]) -> None:
    # a root declaring TMX's namespace as its default: cut into parts all the same, the
    # later parts opened without it, and every finding and line as in the plain file
    plain = _memory(tmp_path / "memory.tmx")
    namespaced = tmp_path / "ns.tmx"
    namespaced.write_text(plain.read_text(encoding="utf-8").replace(
        '<tmx version="1.4">', '<tmx xmlns="http://www.lisa.org/tmx14" version="1.4">'),
        encoding="utf-8")
    assert b"xmlns" not in tmx.split_tmx(namespaced, 2)[1].opening  # type: ignore[index]
    expected = [tuple(str(namespaced) if cell == str(plain) else cell for cell in row)
                for row in _events(plain, 1)]
    assert len(expected) > 10
    started = len(small_parts)
    assert _events(namespaced, 2) == expected
    assert len(small_parts) == started + 1


def test_a_cut_inside_a_comment_reads_the_file_whole(
        tmp_path: Path, small_parts: list[int]) -> None:
    """A ``</tu>`` in a comment is no end of a unit: the part before such a cut cannot
    be read, and the file is read again in this process, with the same findings."""
    for times in range(40, 60):  # a comment's length that puts the cut in one
        old = "<!-- " + "an old unit was here </tu> " * times + "-->\n"
        memory = _memory(tmp_path / "memory.tmx", between=old)
        cut = tmx.split_tmx(memory, 2, parts.FIRST_SHARE)
        assert cut is not None
        before = memory.read_bytes()[:cut[1].start]
        if before.rfind(b"<!--") > before.rfind(b"-->"):
            break
    assert before.rfind(b"<!--") > before.rfind(b"-->")  # the cut is in a comment
    assert _events(memory, 2) == _events(memory, 1)
    assert small_parts


def test_a_broken_memory_fails_with_its_own_error_and_line(
        tmp_path: Path, small_parts: list[int]) -> None:
    memory = _memory(tmp_path / "memory.tmx")
    text = memory.read_text(encoding="utf-8")
    at = text.index("<tu ", len(text) * 3 // 4)  # in the last part
    memory.write_text(text[:at] + "<tu><tuv></tu>\n" + text[at:], encoding="utf-8")
    alone = _events(memory, 1)
    assert alone[-1][0] == "error" and "not well-formed" in alone[-1][1]
    in_parts = _events(memory, 2)
    assert in_parts[-1] == alone[-1]
    assert in_parts[:len(alone) - 1] == alone[:-1]  # the findings before it, in order
    assert small_parts


def test_a_failing_part_worker_ends_the_command_in_one_line(
        tmp_path: Path, small_parts: list[int], monkeypatch) -> None:
    """A worker that fails (a bug) ends the run with the one error line, exit status 1 and
    no report: not a traceback, not the file read again as if its part were unreadable."""
    def failing(self, units):  # type: ignore[no-untyped-def]
        raise ValueError("no more")

    monkeypatch.setattr(run.Checkers, "precheck", failing)  # run in the workers only
    memory = _memory(tmp_path / "memory.tmx")
    report = tmp_path / "findings.tsv"
    result = CliRunner().invoke(main, ["check", str(memory), "--report", str(report)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("tmx-export: error: internal error in the checks' "
                                    "worker process: ValueError: no more")
    assert result.output.count("\n") == 1
    assert not report.exists()
    assert small_parts


def test_jobs_on_the_command_line(tmp_path: Path, small_parts: list[int]) -> None:
    memory, glossary = _memory(tmp_path / "memory.tmx"), _glossary(tmp_path / "g.tsv")
    reports = []
    for jobs in ("1", "2"):
        report = tmp_path / f"findings-{jobs}.tsv"
        result = CliRunner().invoke(main, ["check", str(memory), "--glossary", str(glossary),
                                           "--jobs", jobs, "--report", str(report), "-q"])
        assert result.exit_code == 1, result.output  # term-missing is an error
        reports.append(report.read_text(encoding="utf-8"))
    assert reports[0] == reports[1] and reports[0].count("\n") > 50
    assert len(small_parts) == 1


def test_a_worker_killed_midway_is_an_error_after_the_units_it_put_aside(
        tmp_path: Path, small_parts: list[int], monkeypatch) -> None:
    """A worker that ends without its last word (killed: out of memory, a signal) is the
    one-line internal error with its exit status, not a hang and not a silent end."""
    import os

    real = run.Checkers.precheck
    done: list[int] = []

    def dying(self, units):  # type: ignore[no-untyped-def]
        done.extend(units)
        if len(done) > 30:  # in the worker: its own copy of ``done``
            os._exit(9)
        return real(self, units)

    monkeypatch.setattr(run.Checkers, "precheck", dying)
    memory = _memory(tmp_path / "memory.tmx")
    found: list[tuple] = []
    with pytest.raises(InternalError, match=r"^internal error: the checks' worker process "
                       r"ended \(exit status 9\)$"):
        check([str(memory)], CheckOptions(jobs=2), lambda item: found.append(item.row()))
    assert small_parts
    alone = _events(memory, 1)
    assert found == alone[:len(found)]  # the findings before it, in order


def test_a_file_is_cut_in_no_more_parts_than_its_size_allows(
        tmp_path: Path, small_parts: list[int], monkeypatch) -> None:
    """Many cores do not make a small file many processes: no part under half the least
    size that is cut."""
    memory = _memory(tmp_path / "memory.tmx")
    size = memory.stat().st_size
    monkeypatch.setattr(tmx, "SPLIT_MIN_BYTES", size // 2)  # room for 4 parts, no more
    alone = _events(memory, 1)
    assert _events(memory, 16) == alone
    assert len(small_parts) == 3  # 4 parts: the first here, 3 workers


def test_a_worker_that_cannot_put_its_units_aside_leaves_the_file_to_be_read_whole(
        tmp_path: Path, small_parts: list[int], monkeypatch) -> None:
    """A full disk under the temporary file: the file is read whole in this process, with
    the findings of one process, not an internal error."""
    def full(spool, record):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parts, "_put", full)  # only workers put records aside
    memory, glossary = _memory(tmp_path / "memory.tmx"), _glossary(tmp_path / "g.tsv")
    assert _events(memory, 2, terms=str(glossary)) == _events(memory, 1, terms=str(glossary))
    assert small_parts


def test_a_regional_variant_checked_as_the_one_asked_is_said(
        tmp_path: Path, small_parts: list[int]) -> None:
    """`check --target-lang fr-CA` on a memory of fr-FR units checked them by the Canadian
    rules without a word, where build says "N fr-FR units read as fr-CA (the language
    asked)". check says it now, with the same count, in one process or in parts, from
    the DGT-TM exports (UTF-16, EN-GB/FR-FR labels) as from a UTF-8 memory."""
    memory = _memory(tmp_path / "memory.tmx")
    runner = CliRunner()
    for path in (memory, next(p for p in DGT if p.name == "22019D0996.tmx")):
        built = runner.invoke(main, ["build", str(path), "--source-lang", "en-GB",
                                     "--target-lang", "fr-CA", "--segment", "paragraph",
                                     "--no-clean", "wrong-language", "--no-clean",
                                     "length-ratio", "-o", str(tmp_path / "o.tmx")])
        notice = [line for line in built.output.splitlines()
                  if "(the language asked)" in line]
        assert len(notice) == 1 and "fr-FR unit" in notice[0], built.output
        for jobs in ("1", "2"):
            checked = runner.invoke(main, ["check", str(path), "--source-lang", "en-GB",
                                           "--target-lang", "fr-CA", "--fail-on", "never",
                                           "--jobs", jobs])
            assert checked.exit_code == 0, checked.output
            said = [line for line in checked.output.splitlines()
                    if "(the language asked)" in line]
            assert said == notice, (path.name, jobs, checked.output)
        exact = runner.invoke(main, ["check", str(path), "--source-lang", "en-GB",
                                     "--target-lang", "fr-FR", "--fail-on", "never"])
        assert "(the language asked)" not in exact.output
    assert len(small_parts) >= 1  # the UTF-8 memory's later parts, each in a worker


def test_a_regional_variant_of_a_table_checked_as_the_one_asked_is_said(
        tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("en-GB\tfr-FR\nThe Commission adopted the report on Monday.\t"
                     "La Commission a adopté le rapport lundi.\n", encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(table), "--source-lang", "en-GB",
                                        "--target-lang", "fr-CA"])
    assert "1 fr-FR unit read as fr-CA (the language asked); --target-lang fr-FR keeps " \
           "their region" in checked.output, checked.output
