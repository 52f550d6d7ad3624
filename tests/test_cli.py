"""The tmx-export command as a user meets it: summaries, outputs and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from translate.storage.tmx import tmxfile

from tmx_export.cli import main
from tmx_export.errors import InputError
from tmx_export.pipeline import export_pairs

DATA = Path(__file__).parent / "data"
SEED = DATA / "ep-industrial-policy-34.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_build_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "seed.tmx"
    result = run("build", str(SEED), "-o", str(out), "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    units = tmxfile(out.read_bytes()).units
    assert [u.source for u in units][0] == "34."
    assert "value chains" in units[1].source and "européenne" in units[1].target
    lines = result.stdout.splitlines()
    assert lines[0] == f"2 units written to {out} (segtype paragraph) from 1 pair in 1 file"
    assert "nothing rejected" in lines
    assert "       2  fold markers removed" in lines
    assert len(lines) <= 24  # one screen
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tmx_export.cli.interactive", lambda: True)
    result = run("build", str(SEED), str(SEED), "-o", str(tmp_path / "o.tmx"))
    assert result.exit_code == 0, result.output
    assert "Reading" in result.stderr
    assert result.stdout.startswith("2 units written")
    result = run("build", str(SEED), "-o", str(tmp_path / "o.tmx"), "--quiet")
    assert result.output == ""


def _on_a_terminal(*args: str, cwd: Path) -> list[str]:
    """The lines a terminal shows after running the command with stdout and stderr on it
    (a pseudo-terminal): each line is what is left after its last carriage return, without
    the escape sequences (a line written after the bar's text, with no return between,
    shows both)."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    env = dict(os.environ, COLUMNS="100")
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'tmx-export'; "
         "from tmx_export.cli import main; main()", *args],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, cwd=cwd, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process (EIO)
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() in (0, 1)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line.rsplit("\r", 1)[-1])
            for line in text.split("\n")]


def test_lines_printed_while_the_bar_shows_stand_on_their_own(tmp_path: Path) -> None:
    # check prints its findings as they come, terms its summary before the bar closed:
    # on a terminal each must be a line of its own, not the bar's text and then the line
    table = tmp_path / "units.tsv"
    table.write_text("en\tfr\nThe budget is 2 billion euro.\tLe budget est de deux "
                     "milliards d'euros.\nArticle 3 applies.\tL'article 4 s'applique.\n",
                     encoding="utf-8")
    lines = _on_a_terminal("check", "units.tsv", cwd=tmp_path)
    findings = [line for line in lines if "number-mismatch\t" in line]
    assert [line.split("\t")[0] for line in findings] == ["1", "2"]
    assert any(line.startswith("Reading") for line in lines)  # the bar was shown
    lines = _on_a_terminal("terms", str(SEED), "--csv", "g.csv", cwd=tmp_path)
    summary = [line for line in lines if "term pair(s) recorded" in line]
    assert summary and summary[0].startswith("5 term pair(s) recorded"), lines
    assert any(line.startswith("Reading") for line in lines)


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_bytes(SEED.read_bytes())
    result = run("build", str(tmp_path), "-o", str(dump))
    assert result.exit_code == 1
    assert result.stderr == f"tmx-export: error: {dump}: output would overwrite an input file\n"
    assert dump.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("command", ["build", "pairs"])
def test_outputs_named_twice_or_replacing_a_glossary_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    glossary = tmp_path / "g.tsv"
    glossary.write_text("source\ttarget\nvalue chain\tchaîne de valeur\n", encoding="utf-8")
    (tmp_path / "alias.tsv").symlink_to(glossary)
    cases = [(["-o", "same.out", "--rejects", "same.out"], "same.out: given twice as an output"),
             (["-o", "same.gz", "--rejects", "./same.gz"], "./same.gz: given twice as an output"),
             (["-o", "o.out", "--glossary", "g.tsv", "--rejects", "alias.tsv"],
              "alias.tsv: output would overwrite an input file"),
             (["-o", "g.tsv", "--glossary", str(glossary)],
              "g.tsv: output would overwrite an input file")]
    for args, expected in cases:
        result = run(command, str(SEED), *args)
        assert result.exit_code == 1, args
        assert result.stderr == f"tmx-export: error: {expected}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.tsv", "g.tsv"]
    assert glossary.read_text(encoding="utf-8").startswith("source\ttarget\n")


MISMATCHED_DUMP = (
    "36. Stresses the importance of establishing transnational clusters in order to integrate "
    "weaker regions. 37. souligne l'importance de la création de conglomérats transnationaux, "
    "en vue d'intégrer des régions plus faibles.\n")


@pytest.mark.parametrize("command", ["build", "pairs"])
def test_rejects_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         command: str) -> None:
    """`--rejects -` wrote a file named `-`: it is the report on stdout, the summary then
    on stderr; with the TMX or pairs on stdout too, it is refused before any work."""
    monkeypatch.chdir(tmp_path)
    Path("mixed.txt").write_text(MISMATCHED_DUMP, encoding="utf-8")
    result = run(command, str(SEED), "mixed.txt", "-o", "out", "--rejects", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "file\tline\treason\ttext",
        "mixed.txt\t1\tparagraph number mismatch: 36 vs 37\t" + MISMATCHED_DUMP.strip()]
    if command == "build":
        assert "rejects written to standard output" in result.stderr
    both = run(command, str(SEED), "mixed.txt", "-o", "-", "--rejects", "-")
    assert both.exit_code == 1 and both.stdout == ""
    assert both.stderr == ("tmx-export: error: -: standard output named for two outputs, "
                           "-o and --rejects: name a file for one of them\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mixed.txt", "out"]


def test_t15_rejects_dash_without_o_names_the_pairs_not_o(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`pairs e.tsv --rejects -` (the pairs on standard output, as no -o was given) said
    "standard output named for two outputs (-o and --rejects?)" to a user who gave no -o:
    the error names the two outputs as the command and the library call know them."""
    monkeypatch.chdir(tmp_path)
    Path("e.tsv").write_text((DATA / "table_no_header_dgt_en_fr.tsv").read_text(
        encoding="utf-8"), encoding="utf-8")
    result = run("pairs", "e.tsv", "--no-header", "--rejects", "-")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == ("tmx-export: error: -: standard output named for two outputs, "
                             "the pairs (standard output: no -o) and --rejects: name a file "
                             "for one of them\n")
    with pytest.raises(InputError, match="two outputs, output and rejects_path: name a file"):
        export_pairs(["e.tsv"], "-", no_header=True, rejects_path="-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.tsv"]


@pytest.mark.parametrize("args", [["terms", str(SEED), "--csv", "-"],
                                  ["terms", str(SEED), "--tbx", "-"],
                                  ["check", str(SEED), "--report", "-"]])
def test_file_only_outputs_refuse_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       args: list[str]) -> None:
    """These outputs made a file named `-`: refused, naming the option."""
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert f"{args[2]} needs a file name, not '-'" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["build", "pairs"])
def test_an_output_named_as_a_directory_is_refused_naming_it(tmp_path: Path, command: str
                                                              ) -> None:
    (tmp_path / "there").mkdir()
    for option in ("-o", "--rejects"):
        for name, why in ((tmp_path / "new", "a directory name (ends in '/'), not a file name"),
                          (tmp_path / "there", "is a directory")):
            args = {"-o": f"{name}/"} if option == "-o" else {"-o": str(tmp_path / "o.out"),
                                                                "--rejects": f"{name}/"}
            result = run(command, str(SEED), *[x for pair in args.items() for x in pair])
            assert result.exit_code == 1
            assert result.stderr == f"tmx-export: error: {name}/: cannot write: {why}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["there"]  # no file, no temp file


def test_build_reports_rejects_by_reason(tmp_path: Path) -> None:
    dump = tmp_path / "mixed.txt"
    dump.write_text(
        "36. Stresses the importance of establishing transnational clusters in order to "
        "integrate weaker regions. 37. souligne l'importance de la création de conglomérats "
        "transnationaux, en vue d'intégrer des régions plus faibles.\n",
        encoding="utf-8",
    )
    report = tmp_path / "rejects.tsv"
    result = run("build", str(SEED), str(dump), "-o", str(tmp_path / "o.tmx"),
                 "--rejects", str(report))
    assert result.exit_code == 0, result.output
    rows = report.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith(f"{dump}\t1\t")
    assert rows[1].split("\t")[2] == "paragraph number mismatch: 36 vs 37"
    assert "1 rejected:" in result.stdout
    assert "       1  paragraph number mismatch\n" in result.stdout
    assert f"rejects written to {report}" in result.stdout


def test_min_score_rejects_count_as_one_reason_and_report_each_score(tmp_path: Path) -> None:
    """Each score and bead shape was a reason of its own: ~90 summary lines for Europarl."""
    report = tmp_path / "rejects.tsv"
    result = run("build", str(DATA / "europarl"), "-o", str(tmp_path / "o.tmx"),
                 "--min-score", "0.5", "--rejects", str(report))
    assert result.exit_code == 0, result.output
    counted = [line for line in result.stdout.splitlines() if "min-score" in line]
    assert len(counted) == 1
    assert counted[0].endswith("  alignment score below --min-score 0.5")
    rows = [row.split("\t") for row in report.read_text(encoding="utf-8").splitlines()[1:]]
    scored = [re.fullmatch(r"alignment score below --min-score 0\.5: (0\.\d\d) \((\d-\d)\S*\)",
                           row[2]) for row in rows if "min-score" in row[2]]
    assert len(scored) > 20 and all(scored)
    assert all(float(match.group(1)) < 0.5 for match in scored if match)
    assert int(counted[0].split()[0]) == len(scored)


def test_a_page_break_ends_a_dump_line_and_glues_no_words(tmp_path: Path) -> None:
    dump = tmp_path / "pages.txt"
    dump.write_text("1. Welcomes the report; 1. se félicite du rapport;\f2. Notes that the "
                    "budget was\fadopted; 2. constate que le budget a été\vadopté;\n",
                    encoding="utf-8")
    out, report = tmp_path / "o.tmx", tmp_path / "rejects.tsv"
    result = run("build", str(dump), "-o", str(out), "--rejects", str(report),
                 "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    units = tmxfile(out.read_bytes()).units
    assert [(u.source, u.target) for u in units] == [
        ("1.", "1."), ("Welcomes the report;", "se félicite du rapport;"),
        ("2.", "2."),
        ("Notes that the budget was adopted;", "constate que le budget a été adopté;")]
    assert "2 paragraphs read = 2 in units + 0 rejected" in result.stdout
    assert "       3  page breaks and line separators read as line breaks" in result.stdout


def test_build_duplicates_and_quiet(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    result = run("build", str(SEED), str(SEED), "-o", str(out))
    # every duplicate is left out with its reason, like any other reject
    assert "2 rejected:\n       2  duplicate\n" in result.stdout
    assert len(tmxfile(out.read_bytes()).units) == 2
    result = run("build", str(SEED), str(SEED), "-o", str(out), "--keep-duplicates", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    assert len(tmxfile(out.read_bytes()).units) == 4


def test_build_from_stdin_to_stdout() -> None:
    result = run("build", "-", "-o", "-", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    units = tmxfile(result.stdout_bytes).units
    assert len(units) == 2
    assert b'<prop type="x-document">&lt;stdin&gt;</prop>' in result.stdout_bytes
    assert "2 units written to -" in result.stderr  # the summary keeps out of the TMX


def test_build_with_other_languages(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    result = run("build", str(SEED), "-o", str(out), "--source-lang", "en", "--target-lang", "fr")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert b'srclang="en"' in data and b'xml:lang="fr"' in data and b"fr-FR" not in data


def test_pairs_jsonl(tmp_path: Path) -> None:
    result = run("pairs", str(SEED))
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["number"] == 34 and record["line"] == 1 and record["file"] == str(SEED)
    assert (record["source_lang"], record["target_lang"]) == ("en-GB", "fr-FR")
    assert record["source"].startswith("Calls on the Commission to propose")
    assert record["target"].startswith("invite la Commission")


def test_a_lone_surrogate_in_jsonl_is_one_error_naming_the_line(tmp_path: Path) -> None:
    # real pairs (data/real-pairs.jsonl), one with an emoji's escape cut in half: the run
    # stopped with "'utf-8' codec can't encode character '\ud800'", naming no file
    lines = (DATA / "real-pairs.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    record = json.loads(lines[1])
    record["source"] = record["source"][:20] + "\ud83d" + record["source"][20:]
    lines[1] = json.dumps(record)  # (ensure_ascii: the escape as another tool writes it)
    assert "\\ud83d" in lines[1]
    memory = tmp_path / "pairs.jsonl"
    memory.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = (f"tmx-export: error: {memory}:2: 'source' holds a lone surrogate (\\ud83d, "
                "half of a character written as a JSON escape), which is no text\n")
    out = tmp_path / "out"
    for args in (["build", str(memory), "-o", str(out)], ["pairs", str(memory)],
                 ["check", str(memory), "--report", str(out) + ".tsv"],
                 ["terms", str(memory), "--csv", str(out) + ".csv"],
                 ["concordance", str(memory), "Parliament"]):
        result = run(*args)
        assert (result.exit_code, result.stderr, result.stdout) == (
            2 if args[0] == "check" else 1, expected, ""), args
    assert list(tmp_path.iterdir()) == [memory]  # no output, not even a partial one


def test_no_break_spaces_of_a_dump_are_kept_as_written(tmp_path: Path) -> None:
    # French CAT projects match on them: "déclare\u00a0:", "10\u00a0000", and the narrow
    # one before ? ! ; and inside « »
    source = "The cap is 10\u00a0000 euros. Is it enough?"
    target = ("La Commission déclare\u00a0: le plafond est de 10\u00a0000\u00a0euros. "
              "Est-ce assez\u202f? «\u202fOui\u202f»\u202f!")
    dump = tmp_path / "nbsp.txt"
    dump.write_text(f"1. {source} 1. {target}\n", encoding="utf-8")
    result = run("pairs", str(dump))
    assert result.exit_code == 0, result.output
    (record,) = map(json.loads, result.stdout.splitlines())
    assert (record["source"], record["target"]) == (source, target)
    out = tmp_path / "o.tmx"
    result = run("build", str(dump), "-o", str(out), "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    units = tmxfile(out.read_bytes()).units
    assert [(u.source, u.target) for u in units] == [("1.", "1."), (source, target)]


def test_pairs_tsv_to_file(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    result = run("pairs", str(SEED), "--format", "tsv", "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    header, row = out.read_text(encoding="utf-8").splitlines()
    assert header.split("\t")[:7] == [
        "source", "target", "source_lang", "target_lang", "number", "file", "line"
    ]
    assert row.split("\t")[4:7] == ["34", str(SEED), "1"]


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """name -> (arguments, the start of the expected error line)."""
    (tmp / "docs").mkdir()
    (tmp / "docs" / "notes.md").write_text("not a dump", encoding="utf-8")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "bad-bytes.txt").write_bytes(b"34. Calls on the Commission" + b" \x81\x8d\x90 ")
    (tmp / "a-file").write_text("x", encoding="utf-8")
    # the seed saved as UTF-16 by an editor that writes no BOM: it was called binary
    (tmp / "utf16.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16-le"))
    (tmp / "utf16be.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16-be"))
    out = str(tmp / "out" / "o.tmx")
    return {
        "missing file": ([str(tmp / "nope.txt"), "-o", out], f"{tmp / 'nope.txt'}: no such file"),
        "no text": ([str(tmp / "docs"), "-o", out], f"{tmp / 'docs'}: directory holds no"),
        "binary": ([str(tmp / "image.txt"), "-o", out], f"{tmp / 'image.txt'}:3: binary file"),
        "empty": ([str(tmp / "empty.txt"), "-o", out], f"{tmp / 'empty.txt'}: file is empty"),
        "utf-16 without bom": ([str(tmp / "utf16.txt"), "-o", out],
                               f"{tmp / 'utf16.txt'}: UTF-16 (little-endian) without a byte "
                               "order mark: save it with a BOM or as UTF-8"),
        "utf-16be without bom": ([str(tmp / "utf16be.txt"), "-o", out],
                                 f"{tmp / 'utf16be.txt'}: UTF-16 (big-endian) without a byte "
                                 "order mark"),
        "undecodable": ([str(tmp / "bad-bytes.txt"), "-o", out],
                        f"{tmp / 'bad-bytes.txt'}:1: undecodable bytes"),
        "unwritable": ([str(SEED), "-o", str(tmp / "a-file" / "o.tmx")],
                       f"{tmp / 'a-file' / 'o.tmx'}: cannot write"),
        "unwritable rejects": ([str(SEED), "-o", out, "--rejects", str(tmp / "no" / "r.tsv")],
                               f"{tmp / 'no' / 'r.tsv'}: cannot write"),
    }


@pytest.mark.parametrize(
    "case",
    ["missing file", "no text", "binary", "empty", "utf-16 without bom", "utf-16be without bom",
     "undecodable", "unwritable", "unwritable rejects"],
)
@pytest.mark.parametrize("command", ["build", "pairs"])
def test_bad_input_is_one_line_and_no_output(tmp_path: Path, case: str, command: str) -> None:
    (tmp_path / "out").mkdir()
    args, expected = _bad_inputs(tmp_path)[case]
    if command == "pairs":  # pairs writes JSON Lines, named so (a .tmx name is refused)
        args = [arg.replace(".tmx", ".jsonl") for arg in args]
        expected = expected.replace(".tmx", ".jsonl")
    result = run(command, *args)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"tmx-export: error: {expected}"), line
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output
    assert list((tmp_path / "out").iterdir()) == []  # no partial output, no temp file
    assert result.stdout == ""


def test_failed_build_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "o.tmx"
    assert run("build", str(SEED), "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("build", str(SEED), str(tmp_path / "empty.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "o.tmx"]


def test_usage_errors_exit_2() -> None:
    result = run("build", str(SEED))
    assert result.exit_code == 2 and "Missing option '-o'" in result.output


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    """Commands are imported when run: a build does not load check's or terms' modules,
    and a mistyped command is still told the close names of all of them."""
    import subprocess
    import sys

    out = tmp_path / "seed.tmx"
    code = ("import sys; from tmx_export.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exit:\n"
            "    print(sorted(m for m in sys.modules if m.startswith('tmx_export.cli.')))\n"
            "    print('zipfile' in sys.modules, 'tempfile' in sys.modules)\n"
            "    print(sorted(m for m in ('json', 'random', 'tmx_export.dump.pair_search',\n"
            "                             'tmx_export.dump.unnumbered',\n"
            "                             'tmx_export.dump.writer') if m in sys.modules))\n"
            "    raise")
    # once to fill the run's cache (a first run in a fresh cache writes its files through
    # tempfile, as a user's first run does), then the run that is counted
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code, "build", str(SEED), "-o",
                               str(out), "--quiet"], capture_output=True, text=True, check=True)
    # nor what only other inputs and outputs need: JSON Lines, the search of unnumbered
    # dumps and what it weighs, the dump writer
    assert done.stdout.splitlines() == ["['tmx_export.cli.build']", "False False", "[]"]
    assert out.exists()
    result = run("chek")
    assert result.exit_code == 2
    assert "Did you mean 'check'?" in result.output
    assert set(run("--help").output.split("Commands:")[1].split()) >= {
        "build", "pairs", "merge", "validate", "stats", "terms", "check", "concordance"}


def test_a_dump_build_loads_no_other_format_reader(tmp_path: Path) -> None:
    """A dump's build reads no table, XLIFF or PO: neither their readers nor
    translate-toolkit (whose language names only a table's header needs) are loaded."""
    import subprocess
    import sys

    out = tmp_path / "seed.tmx"
    code = ("import sys; from tmx_export.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n"
            "    print(sorted(m for m in sys.modules if m.split('.')[0] == 'translate'\n"
            "                 or m.startswith(('tmx_export.formats.table',\n"
            "                                  'tmx_export.formats.ttkstore'))))\n"
            "    raise")
    done = subprocess.run([sys.executable, "-c", code, "build", str(SEED), "-o", str(out),
                           "--quiet"], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]"]
    assert out.exists()


def test_a_long_dump_build_loads_no_language_names(tmp_path: Path,
                                                    session_pairs: list) -> None:
    """Two Europarl sessions as one numbered dump: its lines hold no semicolon, so every
    line "splits" into one cell alike, which made the format check look the first line's
    one cell up among language names, loading translate-toolkit's table for nothing. A
    header of one cell names no two languages: it is not looked up."""
    import subprocess
    import sys

    from tmx_export.dump import format_dump

    pairs = session_pairs
    dump = tmp_path / "sessions.txt"
    dump.write_text(format_dump(pairs, style="space-kept", numbered=True, seed=1),
                    encoding="utf-8")
    out = tmp_path / "sessions.tmx"
    code = ("import sys; from tmx_export.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n"
            "    print(sorted(m for m in sys.modules if m.split('.')[0] == 'translate'))\n"
            "    raise")
    done = subprocess.run([sys.executable, "-c", code, "build", str(dump), "-o", str(out),
                           "--quiet"], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]"]
    assert out.read_text(encoding="utf-8").count("<tu ") > len(pairs)


def test_the_command_runs_with_start_up_frozen_out_of_the_garbage_collector(
        tmp_path: Path) -> None:
    """The collector is on after the command line's import, as it was, and when the command
    runs; start-up's objects (modules, classes) are left out of its passes."""
    import subprocess
    import sys

    code = ("import gc; from tmx_export.cli import main\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
            "try:\n    main()\nexcept SystemExit:\n"
            "    print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
            "    raise")
    done = subprocess.run([sys.executable, "-c", code, "build", str(SEED), "-o",
                           str(tmp_path / "seed.tmx"), "--quiet"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["True False", "True True"]
    # a host that turned the collector off finds it off after the import
    done = subprocess.run([sys.executable, "-c", "import gc; gc.disable()\n"
                           "import tmx_export.cli\nprint(gc.isenabled())"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_pairs_segment_shows_sentence_units_with_alignment() -> None:
    result = run("pairs", str(SEED), "--segment", "clause")
    assert result.exit_code == 0, result.output
    units = [json.loads(line) for line in result.stdout.splitlines()]
    # clause mode cuts the resolution at "; stresses" / "; souligne"
    assert units[0]["source"] == "34."
    assert any(u["source"].startswith("stresses the importance") and
               u["target"].startswith("souligne l'importance") for u in units)
    assert all(u["x-align"] for u in units[1:])


def test_build_with_srx_rules_and_min_score(tmp_path: Path) -> None:
    # An SRX file that never breaks: one unit per paragraph, number included.
    srx = tmp_path / "nobreak.srx"
    srx.write_text(
        '<?xml version="1.0"?><srx xmlns="http://www.lisa.org/srx20" version="2.0">'
        '<header segmentsubflows="yes" cascade="yes"/><body><languagerules>'
        '<languagerule languagerulename="none"><rule break="no"><beforebreak>\\.</beforebreak>'
        '<afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules>'
        '<languagemap languagepattern=".*" languagerulename="none"/></maprules></body></srx>',
        encoding="utf-8",
    )
    out = tmp_path / "o.tmx"
    result = run("build", str(SEED), "-o", str(out), "--srx", str(srx), "--segment", "paragraph")
    assert result.exit_code == 0, result.output
    units = tmxfile(out.read_bytes()).units
    assert len(units) == 1 and units[0].source.startswith("34. Calls on")
    bad = run("build", str(SEED), "-o", str(out), "--min-score", "1.5")
    assert bad.exit_code == 2 and "min-score" in bad.output


@pytest.mark.parametrize("pattern, missing", [("de.*", "en-GB"), ("en.*", "fr-FR")])
def test_build_refuses_srx_without_a_rule_for_a_language(tmp_path: Path, pattern: str,
                                                         missing: str) -> None:
    # A German-only SRX (or one mapping en only) would leave that side uncut under a
    # header saying segtype="sentence": refused before any output is written.
    srx = tmp_path / "other.srx"
    srx.write_text(
        '<?xml version="1.0"?><srx xmlns="http://www.lisa.org/srx20" version="2.0">'
        '<header segmentsubflows="yes" cascade="yes"/><body><languagerules>'
        '<languagerule languagerulename="one"><rule break="yes"><beforebreak>\\.</beforebreak>'
        '<afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules>'
        f'<languagemap languagepattern="{pattern}" languagerulename="one"/></maprules></body>'
        '</srx>', encoding="utf-8")
    out = tmp_path / "o.tmx"
    result = run("build", str(SEED), "-o", str(out), "--srx", str(srx))
    assert result.exit_code == 1
    assert f"other.srx: the SRX file has no language rule matching {missing}" in result.output
    assert not out.exists()


def test_terms_is_a_command_of_the_group(tmp_path: Path) -> None:
    csv_out, db = tmp_path / "glossary.csv", tmp_path / "terms.db"
    result = run("terms", str(SEED), "--csv", str(csv_out), "--termbase", str(db))
    assert result.exit_code == 0, result.output
    rows = csv_out.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("cluster,conglomérat,6")
    assert rows[2].startswith("value chain,chaîne de valeur,2")
    missing = run("terms", "apply", str(tmp_path / "none.xlsx"), "--termbase", str(db))
    assert missing.exit_code == 1 and "none.xlsx" in missing.output


def test_glossary_anchors_steer_the_sentence_alignment(tmp_path: Path) -> None:
    dump = tmp_path / "animals.txt"
    dump.write_text("1. The cat sleeps. The dog barks. The bird sings. 1. Le chat dort et le "
                    "chien aboie. L'oiseau chante très fort ici.\n", encoding="utf-8")
    right, wrong = tmp_path / "right.tsv", tmp_path / "wrong.tsv"
    right.write_text("cat\tchat\ndog\tchien\nbird\toiseau\n", encoding="utf-8")
    wrong.write_text("cat\toiseau\ndog\tchante\nbird\tchien\n", encoding="utf-8")

    def beads(glossary: Path) -> list[tuple[str, str]]:
        result = run("pairs", str(dump), "--segment", "sentence", "--glossary", str(glossary))
        assert result.exit_code == 0, result.output
        units = [json.loads(line) for line in result.stdout.splitlines()]
        return [(u["x-align"], u["source"]) for u in units[1:]]

    # the right glossary pairs cat+dog with the first French sentence, which stays whole:
    # a bare "et" is no boundary to cut at (it joins words as often as clauses)
    assert beads(right) == [("2-1", "The cat sleeps. The dog barks."),
                            ("1-1", "The bird sings.")]
    assert beads(wrong) == [("1-1", "The cat sleeps."),
                            ("2-1", "The dog barks. The bird sings.")]
    missing = run("build", str(dump), "-o", str(tmp_path / "o.tmx"),
                  "--glossary", str(tmp_path / "none.tsv"))
    assert missing.exit_code == 1 and "none.tsv" in missing.output
    assert not (tmp_path / "o.tmx").exists()


EN_DE = DATA / "tmx" / "europarl-extract" / "parallel_en-de.tmx"


def test_a_memory_without_the_pair_is_refused_naming_its_languages(tmp_path: Path) -> None:
    # A real EN-DE memory read as EN-FR (named): every command says which languages the
    # units hold, and writes nothing; check no longer passes having checked nothing
    out, report = tmp_path / "out.tmx", tmp_path / "findings.tsv"
    built = run("build", str(EN_DE), "-o", str(out), "--target-lang", "fr-FR")
    checked = run("check", str(EN_DE), "--report", str(report), "--target-lang", "fr-FR")
    extracted = run("terms", str(EN_DE), "--csv", str(tmp_path / "terms.csv"))
    for result in (built, checked, extracted):
        assert result.exit_code == (2 if result is checked else 1), result.output
        assert len(result.stderr.splitlines()) == 1
        assert "hold en, de: choose the pair with --source-lang and --target-lang" in (
            result.stderr), result.stderr
    assert "--allow-empty" in built.stderr and "--allow-empty" not in extracted.stderr
    assert "no en-GB/fr-FR unit to check" in checked.stderr
    assert not list(tmp_path.iterdir())
    # named, the pair is there
    named = run("check", str(EN_DE), "--target-lang", "de-DE", "--fail-on", "never")
    assert named.exit_code == 0 and "3 units checked" in named.stderr, named.output
    assert run("build", str(EN_DE), "--target-lang", "de-DE", "-o", str(out)).exit_code == 0


def test_build_takes_the_languages_a_memory_declares(tmp_path: Path) -> None:
    """No language named: build (and pairs) take the pair the memories declare, as check
    does, and say so; the units are those of the pair named outright. Before, the EN-DE
    memory was refused as holding no en-GB/fr-FR unit."""
    out, named = tmp_path / "out.tmx", tmp_path / "named.tmx"
    result = run("build", str(EN_DE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("languages as the memory declares them: en -> de ")
    assert run("build", str(EN_DE), "-o", str(named), "--source-lang", "en",
               "--target-lang", "de").exit_code == 0
    assert len(tmxfile(out.read_bytes()).units) == 3
    strip = re.compile(rb'creationdate="[^"]*"')
    assert strip.sub(b"", out.read_bytes()) == strip.sub(b"", named.read_bytes())
    pairs = run("pairs", str(EN_DE))
    assert pairs.exit_code == 0 and len(pairs.stdout.splitlines()) == 3
    assert all(json.loads(line)["target_lang"] == "de" for line in pairs.stdout.splitlines())
    # no memory among the inputs: the options' pair, said nowhere
    result = run("build", str(EN_DE), str(SEED), "-o", str(out))
    assert "declares" not in result.output, result.output
    # OmegaT's "en"/"fr": a vaguer spelling of the default pair, written as en-GB/fr-FR,
    # which was said nowhere (no "read as" line either: "fr" has no region to relabel)
    result = run("build", str(DATA / "tmx" / "omegat-tests" / "project_save.tmx"),
                 "-o", str(out))
    assert result.stdout.startswith("languages as the memory declares them: en -> fr, "
                                    "written as en-GB -> fr-FR "), result.output
    assert set(re.findall(rb'<tuv xml:lang="([^"]+)"', out.read_bytes())) == {b"en-GB",
                                                                              b"fr-FR"}


def test_check_takes_the_languages_a_memory_declares(tmp_path: Path) -> None:
    # Issue 12: languages come from the options, and from the memory where it says. The
    # EN-DE memory, no language named: its own pair, said on stderr
    result = run("check", str(EN_DE), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert "languages as the memory declares them: en -> de" in result.stderr
    assert "3 units checked" in result.stderr
    # an EN-FR memory tagged "en"/"fr" (OmegaT's) is the default pair, vaguer: said nowhere
    omegat = DATA / "tmx" / "omegat-tests" / "project_save.tmx"
    result = run("check", str(omegat), "--fail-on", "never")
    assert result.exit_code == 0 and "declares" not in result.stderr, result.output
    assert "5 units checked" in result.stderr
    # a multilingual memory declares no pair: the options' pair, said as the defaults
    dgt = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"
    result = run("check", str(dgt), "--fail-on", "never")
    assert result.exit_code == 0 and "declares" not in result.stderr, result.output
    # an XLIFF file's <file> languages
    xliff = tmp_path / "de.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:'
        'names:tc:xliff:document:1.2"><file original="a" source-language="en-GB" '
        'target-language="de-DE" datatype="plaintext"><body><trans-unit id="1"><source>'
        "The Commission adopted 3 acts.</source><target>Die Kommission hat 4 Rechtsakte "
        "erlassen.</target></trans-unit></body></file></xliff>\n", encoding="utf-8")
    result = run("check", str(xliff), "--fail-on", "never")
    assert "en-GB -> de-DE" in result.stderr and "number-mismatch" in result.stdout
    # a table's two language columns, the first the source
    table = tmp_path / "de.tsv"
    table.write_text("en-GB\tde-DE\nThe Commission adopted 3 acts.\tDie Kommission hat 4 "
                     "Rechtsakte erlassen.\n", encoding="utf-8")
    result = run("check", str(table), "--fail-on", "never")
    assert "en-GB -> de-DE" in result.stderr and "number-mismatch" in result.stdout


@pytest.mark.parametrize("command", ["build", "merge"])
def test_a_reader_that_left_keeps_the_outputs_the_summary_tells_of(tmp_path, command):
    # `tmx-export ... 2>&1 | head -1`: the summary's reader is gone before it is printed;
    # the TMX it tells of was written whole and stays (it was discarded, exit status 1)
    import os
    import subprocess
    import sys

    lisa = DATA / "tmx" / "lisa-tmx-compliance-kit"
    out = tmp_path / "out.tmx"
    args = ([command, str(SEED), "-o", str(out)] if command == "build" else
            [command, str(lisa / "ImportTest2A.tmx"), str(lisa / "ExportTest1A.tmx"),
             "-o", str(out), "--jobs", "2"])
    reading, writing = os.pipe()
    os.close(reading)  # no reader: every write to the pipe fails
    try:
        done = subprocess.run([sys.executable, "-c", "from tmx_export.cli import main; main()",
                               *args], stdout=writing, stderr=writing, timeout=120)
    finally:
        os.close(writing)
    assert done.returncode == 0
    assert len(tmxfile.parsefile(str(out)).units) >= 2
    assert not list(tmp_path.glob("*.part*"))


@pytest.mark.parametrize("command", [["build", "{folder}", "-o", "{tmp}/out.tmx", "-j", "1"],
                                     ["pairs", "{folder}"], ["check", "{folder}", "-j", "1"],
                                     ["concordance", "{folder}", "Commission"],
                                     ["concordance", "{folder}", "Commission", "--index",
                                      "{tmp}/index.db"]])
def test_a_folder_among_the_inputs_is_walked_once(tmp_path: Path, folder_walks: list[Path],
                                                  command: list[str]) -> None:
    # build and pairs walked an input folder twice, check and concordance three or four
    # times (checking outputs, telling the languages the memories declare, reading), each
    # time opening every file below it to see whether it is empty
    folder = tmp_path / "sessions"
    (folder / "january").mkdir(parents=True)
    for lang in ("en", "fr"):
        source = DATA / "europarl" / f"ep-00-01-17-excerpt.{lang}.txt"
        (folder / "january" / source.name).write_bytes(source.read_bytes())
    result = run(*[arg.format(folder=folder, tmp=tmp_path) for arg in command])
    assert result.exit_code in (0, 1) and "tmx-export: error" not in result.output, result.output
    assert "Commission" in result.output or command[0] in ("build", "check")
    assert folder_walks == [folder]


def test_variants_of_the_source_language_are_competing_sources(tmp_path: Path) -> None:
    """A tu with two regional variants of the source language (en-US and en-IE for en-GB)
    gives a unit for each, which the summary called "competing translations of one
    source": they are two sources of one translation."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" '
            'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" '
            'creationtoolversion="1"/><body>\n')
    memory = tmp_path / "m.tmx"
    memory.write_text(
        head + '<tu><tuv xml:lang="en-US"><seg>The program was approved.</seg></tuv>'
        '<tuv xml:lang="en-IE"><seg>The programme was approved.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Le programme a été approuvé.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-US"><seg>The report was adopted.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Le rapport a été adopté.</seg></tuv>'
        '<tuv xml:lang="fr-BE"><seg>Le rapport fut adopté.</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8")
    result = run("build", str(memory), "--source-lang", "en-GB", "--target-lang", "fr",
                 "-o", str(tmp_path / "o.tmx"))
    assert result.exit_code == 0, result.output
    assert ("1 tu held several en-GB variants: a unit written for each (competing sources of "
            "one translation)") in result.output
    assert ("1 tu held several fr variants: a unit written for each (competing translations "
            "of one source)") in result.output


def test_build_says_which_glossary_pairs_it_leaves_out(tmp_path: Path) -> None:
    # A termbase's export holds mostly unreviewed pairs: build anchors the aligner with
    # the approved ones only, and says how many it left out, as terms does (it said
    # nothing, and a run steered by one pair of hundreds looked steered by them all).
    table = tmp_path / "g.csv"
    table.write_text("source,target,status\nvalue chain,chaîne de valeur,approved\n"
                     "cluster,conglomérat,proposed\ncluster,grappe,forbidden\n",
                     encoding="utf-8")
    tbx = tmp_path / "g.tbx"
    entry = ('<termEntry id="c{n}">{note}<langSet xml:lang="en-GB"><tig><term>{s}</term>'
             '{st}</tig></langSet><langSet xml:lang="fr-FR"><tig><term>{t}</term>{st}</tig>'
             '</langSet></termEntry>')
    preferred = '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">'
        "<martifHeader><fileDesc><sourceDesc><p>terms</p></sourceDesc></fileDesc>"
        "</martifHeader><text><body>"
        + entry.format(n=1, note="", s="value chain", t="chaîne de valeur", st=preferred)
        + entry.format(n=2, note="<note>proposed (not reviewed)</note>", s="cluster",
                       t="conglomérat", st="")
        + "</body></text></martif>\n", encoding="utf-8")
    for glossary, said in ((table, ["glossary: 1 proposed pair(s) left out (not reviewed)",
                                    "glossary: 1 forbidden pair(s) left out"]),
                           (tbx, ["glossary: 1 proposed pair(s) left out (not reviewed)"])):
        out = tmp_path / "o.tmx"
        result = run("build", str(SEED), "-o", str(out), "--glossary", str(glossary))
        assert result.exit_code == 0, result.output
        assert [line for line in result.stderr.splitlines()
                if line.startswith("glossary:")] == said
        quiet = run("build", str(SEED), "-o", str(out), "--glossary", str(glossary), "-q")
        assert quiet.exit_code == 0 and quiet.output == ""


def test_a_profile_whose_tool_reads_no_tmx_gz_refuses_one(tmp_path: Path) -> None:
    # memoQ imports TMX files and names no compressed form: its profile refuses a .gz
    # output before any work (the missing second input is never looked at), with no file
    # left; OmegaT (verified) and Trados (RWS documentation) import .tmx.gz
    import gzip

    out, rejects = tmp_path / "seed.tmx.gz", tmp_path / "rejects.tsv"
    for args in (["--profile", "memoq"], ["--profile", "memoq", "--langs", "en-GB,fr-FR"]):
        result = run("build", str(SEED), str(tmp_path / "missing.txt"), "-o", str(out),
                     "--rejects", str(rejects), *args)
        assert result.exit_code == 1
        assert result.stderr == (f"tmx-export: error: {out}: the memoq profile writes no "
                                 f"compressed memory: its tool reads no .tmx.gz; name the "
                                 f"output {tmp_path / 'seed.tmx'}\n")
        assert "Traceback" not in result.output
        assert not out.exists() and not rejects.exists()
    for profile in ("generic", "omegat", "trados"):
        result = run("build", str(SEED), "-o", str(out), "--profile", profile)
        assert result.exit_code == 0, result.output
        assert b"<tmx" in gzip.decompress(out.read_bytes())


def test_an_output_named_as_another_format_is_refused_before_any_work(tmp_path: Path) -> None:
    # build -o memory.xlsx wrote a TMX that a spreadsheet failed to open, pairs -o pairs.tmx
    # JSON Lines that a CAT tool refused, --rejects r.csv tab-separated text under a CSV name
    dgt = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0391.tmx"
    cases = [
        (("build", str(SEED), "-o", "{}/memory.xlsx"), "memory.xlsx",
         "--output writes TMX, but a name ending in .xlsx says XLSX (terms --review writes "
         "XLSX): name it *.tmx or *.xml"),
        (("build", str(SEED), "-o", "{}/memory.tmx", "--rejects", "{}/rejects.csv"),
         "rejects.csv", "--rejects writes TSV, but a name ending in .csv says CSV"),
        (("pairs", str(SEED), "-o", "{}/pairs.tmx"), "pairs.tmx",
         "--output writes JSON Lines, but a name ending in .tmx says TMX (build writes TMX): "
         "name it *.jsonl or *.ndjson"),
        (("pairs", str(SEED), "--format", "tsv", "-o", "{}/pairs.jsonl"), "pairs.jsonl",
         "--output writes TSV, but a name ending in .jsonl says JSON Lines"),
        (("merge", str(dgt), "-o", "{}/merged.csv"), "merged.csv",
         "--output writes TMX, but a name ending in .csv says CSV"),
        (("build", str(dgt), "--langs", "en-GB,fr-FR,de-DE", "-o", "{}/multi.tbx"),
         "multi.tbx", "--output writes TMX, but a name ending in .tbx says TBX"),
    ]
    for args, name, message in cases:
        result = run(*(arg.format(tmp_path) for arg in args))
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.strip() == (f"tmx-export: error: {tmp_path / name}: "
                                         + message + result.stderr.strip().split(message)[1])
        assert list(tmp_path.iterdir()) == [], args  # nothing written, not even the memory
    # names that say no other format are taken as given
    for args in (("build", str(SEED), "-o", "{}/memory.tmx.gz", "--rejects", "{}/r.tab"),
                 ("build", str(SEED), "-o", "{}/memory.xml"),
                 ("pairs", str(SEED), "-o", "{}/pairs.jsonl"),
                 ("pairs", str(SEED), "--format", "tsv", "-o", "{}/pairs.txt")):
        result = run(*(arg.format(tmp_path) for arg in args))
        assert result.exit_code == 0, (args, result.output)


def test_a_memory_of_many_languages_says_the_default_pair_was_taken(tmp_path):
    """DGT-TM's memories hold 23 languages: built or checked with no language named, the
    run took English-French, the defaults, and said nothing of it (a German translator
    who forgot --target-lang got an English-French memory). Now it says so; with a
    language named, or from a bilingual memory, nothing is said."""
    dgt = DATA / "tmx" / "dgt-tm" / "22019D0391.tmx"
    runner = CliRunner()
    out = tmp_path / "out.tmx"
    result = runner.invoke(main, ["build", str(dgt), "-o", str(out)])
    assert result.exit_code == 0, result.output
    note = re.search(r"languages en-GB -> fr-FR, the defaults: \S*22019D0391.tmx holds "
                     r"(\d+) languages \(--source-lang and --target-lang choose\)",
                     result.output)
    assert note and int(note.group(1)) > 20, result.output
    result = runner.invoke(main, ["check", str(dgt), "--fail-on", "never"])
    assert "the defaults: " in result.stderr and "holds" in result.stderr, result.output
    for named in (["--target-lang", "de-DE"], ["--source-lang", "en-GB"]):
        result = runner.invoke(main, ["build", str(dgt), "-o", str(out), *named])
        assert result.exit_code == 0 and "the defaults" not in result.output, result.output
    bilingual = DATA / "tmx" / "omegat-tests" / "project_save.tmx"
    result = runner.invoke(main, ["build", str(bilingual), "-o", str(out)])
    assert "the defaults" not in result.output, result.output


# --- exit statuses a script relies on ------------------------------------------------------

DGT = DATA / "tmx" / "dgt-tm"
OMEGAT = DATA / "tmx" / "omegat-tests"


def test_check_tells_findings_from_a_check_that_did_not_run(tmp_path: Path) -> None:
    # A CI gate met status 1 for "the memory has errors" and for a missing memory or
    # glossary alike; grep's and diff's convention: 1 the verdict, 2 trouble
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("value chain\tfilière\n", encoding="utf-8")
    found = run("check", str(SEED), "--glossary", str(glossary))
    assert found.exit_code == 1 and "term-missing" in found.stdout
    assert run("check", str(SEED), "--glossary", str(glossary),
               "--fail-on", "never").exit_code == 0
    for args, named in (([str(tmp_path / "missing.tmx")], "missing.tmx"),
                        ([str(SEED), "--glossary", str(tmp_path / "gone.tsv")], "gone.tsv"),
                        ([str(SEED), "--accept", str(tmp_path / "round1.csv")], "round1.csv"),
                        ([str(SEED), "--report", str(tmp_path / "no" / "r.tsv")], "r.tsv")):
        result = run("check", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("tmx-export: error: ") and named in result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert run("check", str(SEED), "--fail-on", "sometimes").exit_code == 2  # usage


def test_a_bug_in_check_is_no_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    # an unexpected exception ended the run with Python's status 1: "findings left"
    from tmx_export.check import run as check_run

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(check_run, "check", broken)
    result = run("check", str(SEED))
    assert result.exit_code == 2
    assert "ZeroDivisionError: a bug" in result.stderr


def test_validate_tells_an_invalid_memory_from_a_missing_one(tmp_path: Path) -> None:
    # a missing file was one more "problem" (status 1, "invalid"), the files beside it
    # validated: a glob that matched nothing said the vendor's memories were invalid
    assert run("validate", str(OMEGAT / "test-level2.tmx")).exit_code == 0
    invalid = run("validate", str(DGT / "22019D0391.tmx"))  # TMX 1.1's lang=
    assert invalid.exit_code == 1 and "needs xml:lang" in invalid.stdout
    missing = run("validate", str(OMEGAT / "test-level2.tmx"), str(DGT / "22019D0391.tmx"),
                  str(tmp_path / "vendor" / "*.tmx"))
    assert missing.exit_code == 2 and missing.stdout == ""
    assert missing.stderr == f"tmx-export: error: {tmp_path / 'vendor' / '*.tmx'}: no such file\n"
    (tmp_path / "empty").mkdir()
    assert run("validate", str(tmp_path / "empty")).exit_code == 2


def _with_a_closed_pipe(args: list[str], closed: str) -> subprocess.CompletedProcess:
    """The command run in a process of its own with its standard output (``closed`` is
    ``"stdout"``) or error (``"stderr"``) a pipe whose reader has left, the other
    captured: ``tmx-export ... | head -1`` once head has its line."""
    import os
    import sys

    reading, writing = os.pipe()
    os.close(reading)  # no reader: every write to the pipe fails
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, closed: writing}
    try:
        return subprocess.run([sys.executable, "-c", "from tmx_export.cli import main; main()",
                               *args], **streams, timeout=300)
    finally:
        os.close(writing)


@pytest.mark.parametrize("args", [
    ["pairs", str(SEED)], ["pairs", str(SEED), "--format", "jsonl"],
    ["concordance", str(SEED), "Commission"], ["check", str(SEED)],
    ["stats", str(DGT / "22019D0391.tmx")], ["stats", "--json", str(DGT / "22019D0391.tmx")],
    ["validate", str(DGT / "22019D0391.tmx")], ["build", str(SEED), "-o", "-"],
    ["merge", str(DGT / "22019D0391.tmx"), "-o", "-"], ["check", "--help"], ["--help"]])
def test_a_reader_that_left_ends_the_run_quietly_as_sigpipe_does(args: list[str]) -> None:
    # `tmx-export pairs ... | head -1`: status 1, which check says for findings and
    # validate for an invalid memory; standard tools end with SIGPIPE's 141 there
    done = _with_a_closed_pipe(args, "stdout")
    assert done.returncode == 141, done.stderr
    assert done.stderr == b""


def test_an_error_nobody_reads_keeps_its_status(tmp_path: Path) -> None:
    # `check missing.tmx 2>&1 | head -c 0`: the error line could not be written, and the
    # run ended with click's status 1 for a broken pipe: "findings left"
    done = _with_a_closed_pipe(["check", str(tmp_path / "missing.tmx")], "stderr")
    assert done.returncode == 2 and done.stdout == b""


def test_a_reader_of_the_notes_that_left_ends_the_run_as_sigpipe_does() -> None:
    # `concordance ... 2>&1 >hits.txt | head -1`: "no unit holds" could not be written on
    # standard error, whose reader had left, and the run ended with "Broken pipe (please
    # report this)", taken for a bug, or status 1
    done = _with_a_closed_pipe(["concordance", str(SEED), "Kommission"], "stderr")
    assert done.returncode == 141 and done.stdout == b""


def test_pairs_and_concordance_quiet_print_nothing_but_their_output(tmp_path: Path) -> None:
    # a nightly job exporting pairs and searching a DGT-TM memory logged their notes every
    # night ("12 rejected", "building the index", "8 units ... left out"), and silencing
    # standard error would hide their errors too; build, check, merge... had --quiet
    twice = run("pairs", str(SEED), str(SEED))
    assert "rejected" in twice.stderr
    quiet = run("pairs", str(SEED), str(SEED), "-q")
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == twice.stdout
    memory = str(DGT / "22019D0437.tmx")
    for args in (["Council", "--index", str(tmp_path / "index.db"), "--limit", "2"],
                 ["Council", "--format", "jsonl"], ["Zzyzx"]):
        told = run("concordance", memory, *args, "--source-lang", "en-GB",
                   "--target-lang", "fr-FR")
        assert told.exit_code == 0 and "tmx-export: " in told.stderr, told.output
        (tmp_path / "index.db").unlink(missing_ok=True)
        quiet = run("concordance", memory, *args, "--source-lang", "en-GB",
                    "--target-lang", "fr-FR", "--quiet")
        assert quiet.exit_code == 0 and quiet.stderr == "", quiet.output
        assert quiet.stdout == told.stdout
    missing = run("concordance", str(tmp_path / "gone.tmx"), "Council", "-q")
    assert missing.exit_code == 1 and missing.stderr.startswith("tmx-export: error: ")


def _with_closed(args: list[str], *closed: int) -> subprocess.CompletedProcess:
    """The command run with the standard descriptors ``closed`` (0, 1, 2) closed, as
    ``<&-``, ``>&-`` and ``2>&-`` leave them; the others captured."""
    import os
    import sys

    def close() -> None:
        for descriptor in closed:
            os.close(descriptor)

    return subprocess.run([sys.executable, "-c", "from tmx_export.cli import main; main()",
                           *args], stdin=subprocess.DEVNULL, capture_output=True,
                          preexec_fn=close, timeout=300)


def test_a_closed_standard_stream_is_no_traceback(tmp_path: Path) -> None:
    # Python gives a closed standard stream as None: `build - <&-`, `pairs ... >&-`,
    # `concordance ... >&-` and `check ... 2>&-` ended with a traceback ("'NoneType'
    # object has no attribute 'buffer'", 'write', 'isatty')
    done = _with_closed(["build", "-", "-o", str(tmp_path / "in.tmx")], 0)
    assert done.returncode == 1
    assert done.stderr == b"tmx-export: error: <stdin>: standard input is closed\n"
    for args in (["pairs", str(SEED)], ["concordance", str(SEED), "Commission"],
                 ["check", str(SEED)], ["build", str(SEED), "-o", "-"]):
        done = _with_closed(args, 1)  # nobody reads: as a reader that left
        assert (done.returncode, done.stderr) == (141, b""), (args, done.stderr)
    out = tmp_path / "out.tmx"
    done = _with_closed(["build", str(SEED), "-o", str(out)], 1)  # the summary unread
    assert done.returncode == 0 and done.stderr == b"" and out.exists()
    done = _with_closed(["check", str(tmp_path / "missing.tmx")], 2)
    assert done.returncode == 2 and done.stdout == b""
    done = _with_closed(["check", str(SEED), "--report", str(tmp_path / "r.tsv")], 1, 2)
    assert done.returncode == 0 and (tmp_path / "r.tsv").exists()


@pytest.mark.parametrize("args", [["terms", str(SEED), "--termbase", "-", "--min-count", "1"],
                                  ["concordance", str(SEED), "Commission", "--index", "-"]])
def test_a_termbase_or_index_named_dash_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  args: list[str]) -> None:
    # a termbase and an index are SQLite files written where they lie: `-`, standard
    # output for the other outputs, made a file named "-" in the working directory
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert "needs a file name, not '-'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_character_standard_output_cannot_encode_is_an_error_naming_it() -> None:
    # PYTHONIOENCODING=ascii (or a Latin-1 locale): the seed's "‘" ended `pairs` with
    # "'ascii' codec can't encode character '\u2018' in position 295: ordinal not in
    # range(128)", naming neither the stream nor the way out
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for extra in ([], ["--format", "jsonl"]):
        done = subprocess.run([sys.executable, "-c", "from tmx_export.cli import main; main()",
                               "pairs", str(SEED), *extra], capture_output=True, env=env,
                              timeout=120)
        assert done.returncode == 1
        assert done.stderr.decode("ascii", "backslashreplace") == (
            "tmx-export: error: <stdout>: cannot write U+2018 (LEFT SINGLE QUOTATION MARK) in "
            "ascii, the "
            "encoding of standard output (the locale or PYTHONIOENCODING chose it): "
            "PYTHONIOENCODING=utf-8 writes every character\n")
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run([sys.executable, "-c", "from tmx_export.cli import main; main()",
                           "pairs", str(SEED)], capture_output=True, env=env, timeout=120)
    assert done.returncode == 0 and "\u2018" in done.stdout.decode("utf-8")


def test_the_help_names_the_exit_statuses_the_readme_lists() -> None:
    # a CI job's author reads `tmx-export --help`: the statuses were in the README alone
    # (and in check's and validate's --help), so 143 for a SIGTERM looked like a crash
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Exit statuses, for scripts:"):]
    rows = re.findall(r"^\| ([\d, ]+) \|", table[:table.index("\n\n", 40)], re.MULTILINE)
    listed = {status.strip() for row in rows for status in row.split(",")}
    assert listed == {"0", "1", "2", "130", "143", "129", "141"}
    help_text = CliRunner().invoke(main, ["--help"]).output
    section = help_text[help_text.index("Exit status"):help_text.index("Options:")]
    assert set(re.findall(r"\b(\d{1,3}) ", section)) == listed



def _commands() -> list[list[str]]:
    """Every command's words, ``terms apply`` too (``terms`` hands it over itself)."""
    import click

    context = click.Context(main)
    return [[name] for name in main.list_commands(context)] + [["terms", "apply"]]


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_every_option_of_every_command_says_what_it_does(words: list[str]) -> None:
    # a terminologist reading `terms --help` met `--source-lang TEXT [default: en-GB]` with
    # no word of what it is, where `build`, `check` and `concordance` say "Language of the
    # source texts (BCP 47, ...)"; and `terms apply --help` showed ``terms --review``
    import click

    from tmx_export.cli.terms import apply_command

    context = click.Context(main)
    command = apply_command if words == ["terms", "apply"] else main.get_command(context,
                                                                                 words[0])
    assert command is not None
    bare = [option.opts[-1] for option in command.params
            if isinstance(option, click.Option) and not option.hidden and not option.help]
    assert bare == []
    assert "``" not in run(*words, "--help").output
