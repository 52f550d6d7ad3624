"""The README's examples, run as a new user runs them: the Quick start's build, the account
it prints and the units it writes, and every `$ tmx-export ...` session the README shows,
compared with what the command prints now (a README that tells of output the tool no
longer gives teaches the wrong thing)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmx_export.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    """The README's fenced blocks, without their fences."""
    return re.findall(r"^```[a-z]*\n(.*?)^```$", README, re.MULTILINE | re.DOTALL)


def _sessions() -> list[tuple[str, str]]:
    """Each block that opens with a `$ tmx-export ...` line: the command, what it prints."""
    found = []
    for block in _blocks():
        first, _, printed = block.partition("\n")
        if first.startswith("$ tmx-export "):
            found.append((first[len("$ tmx-export "):], printed))
    return found


@pytest.fixture
def in_a_clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder that holds the clone's `samples/` and `tests/`, as the README's
    commands name them, and the one-line `glossary.tsv` the README describes in words."""
    for name in ("samples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "glossary.tsv").write_text("value chain\tfilière\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_shows_sessions() -> None:
    assert len(_sessions()) >= 2


@pytest.mark.parametrize(("command", "printed"), _sessions(), ids=lambda x: x[:40])
def test_a_session_prints_what_the_readme_shows(in_a_clone: Path, command: str,
                                                printed: str) -> None:
    result = CliRunner().invoke(main, shlex.split(command))
    assert result.output == printed


def test_the_quick_start_prints_the_account_and_writes_the_units_shown(
        in_a_clone: Path) -> None:
    command = re.search(r"tmx-export (build samples/\S+ -o seed\.tmx)", README)
    assert command is not None
    result = CliRunner().invoke(main, command.group(1).split())
    assert result.exit_code == 0, result.output
    account = README[README.index("one-screen account of the run:"):]
    assert result.output == re.search(r"```\n(.*?)```", account, re.DOTALL).group(1)
    written = (in_a_clone / "seed.tmx").read_text(encoding="utf-8")
    shown = README[README.index("## What comes out"):]
    first_unit = re.search(r"^<tu tuid=\"1\".*$", shown, re.MULTILINE).group(0)
    undated = re.sub(r'creationdate="\d{8}T\d{6}Z"', "", first_unit)
    assert undated in re.sub(r'creationdate="\d{8}T\d{6}Z"', "", written)


def test_every_option_the_readme_names_exists() -> None:
    # an option renamed or removed in the code stays in the README's prose, where a user
    # copies it and meets "No such option"; benchmark scripts' options and pytest's are
    # named there too
    import click

    from tmx_export.cli.terms import apply_command

    context = click.Context(main)
    commands = [main, apply_command] + [main.get_command(context, name)
                                        for name in main.list_commands(context)]
    known = {"--help", "--hypothesis-profile"} | {
        name for command in commands for option in command.params
        for name in option.opts + option.secondary_opts}
    for script in (ROOT / "benchmarks").glob("*.py"):
        known |= set(re.findall(r"\"(--[a-z][a-z0-9-]*)\"", script.read_text(encoding="utf-8")))
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", README))
    assert sorted(named - known) == []


def test_the_code_map_names_every_module() -> None:
    # modules added since the map was written were missing from it (cache.py, the
    # aligner's parts, six of terms/), so a newcomer could not find where a stage lives
    code_map = README[README.index("## Code map"):README.index("## Speed and memory")]
    modules = {path.name for path in (ROOT / "tmx_export").rglob("*.py")
               if not path.name.startswith("_")}
    assert sorted(name for name in modules if f"`{name}`" not in code_map) == []
