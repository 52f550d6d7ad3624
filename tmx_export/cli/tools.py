"""Commands over finished memories: ``merge``, ``validate``, ``stats`` (:mod:`tmx_export.tools`)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from ..cores import usable_cores
from ..errors import shown_name
from ..model import count_of
from . import Command, VerdictCommand, echo_out, tell

if TYPE_CHECKING:  # the library is imported by the command that calls it (fast --help)
    from ..tools.merging import MergeCounts


@click.command("merge", cls=Command)
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Merged TMX file (.tmx.gz compresses).")
@click.option("--keep-duplicates", is_flag=True, help="Write repeated units again.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores,
              show_default="the cores this process may use",
              help="With 2 or more, the files after the first are read in a second process "
              "while the first is read (the TMX is the same).")
@click.option("--allow-empty", is_flag=True,
              help="Write an empty memory when every unit is left out (else refused).")
@click.option("--newest", is_flag=True,
              help="Of repeated units, write the most recently changed copy (changedate, else "
              "creationdate), with its note, props and usage count, not the first: a first "
              "pass over the inputs, about twice the time.")
@click.option("-q", "--quiet", is_flag=True, help="No summary: print nothing but errors.")
def merge_command(inputs: tuple[str, ...], output: str, keep_duplicates: bool,
                  jobs: int, allow_empty: bool, newest: bool, quiet: bool) -> None:
    """Merge TMX files into one: every distinct unit once, header from the first file."""
    from ..tools import merge

    if keep_duplicates and newest:  # no copy is chosen when every copy is written
        raise click.UsageError("--newest chooses among repeated units: not with "
                               "--keep-duplicates, which writes them all")
    counts = merge(inputs, output, dedupe=not keep_duplicates, jobs=jobs,
                   allow_empty=allow_empty, newest=newest)
    if not quiet:
        merge_summary(counts, output)


def merge_summary(counts: MergeCounts, output: str) -> None:
    """What ``merge`` says of its run, on standard error (the memory may be on standard
    output): the units written, what was left out and why, the repairs."""
    tell(f"{count_of(counts.written, 'unit')} written to {shown_name(output)} from "
               f"{count_of(counts.files, 'file')} ({count_of(counts.duplicates, 'duplicate')} "
               "left out" + (f"; for {count_of(counts.newer, 'repeated unit')} the most "
                             "recently changed copy kept, not the first" if counts.newer
                             else "") + ")", err=True)
    if counts.srclangs and counts.srclang == "*all*":
        tell(f"source languages {', '.join(counts.srclangs)}: merged under *all*, each "
                   "unit of a file that names one keeping it as its srclang", err=True)
    elif counts.srclangs:
        tell(f"source languages {', '.join(counts.srclangs)} differ by region only: "
                   f"merged under {counts.srclang}", err=True)
    if counts.invalid:
        # one such unit makes a CAT tool (OmegaT) drop the whole memory
        tell(f"{count_of(sum(counts.invalid.values()), 'invalid unit')} left out "
                   "(validate reports them):", err=True)
        for reason, count in counts.invalid.most_common():
            tell(f"{count:8d}  {reason} (first at {counts.first_invalid[reason]})",
                       err=True)
    for what, count in sorted(counts.repairs.items()):
        tell(f"{what}: {count}", err=True)
    if counts.empty_tuvs:
        tell(f"{count_of(counts.empty_tuvs, 'tuv')} with an empty seg left out of "
                   "units kept with their other languages (a CAT tool may take an empty seg "
                   f"for an empty translation; first at {counts.first_empty_tuv})", err=True)


@click.command("validate", cls=VerdictCommand)
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-q", "--quiet", is_flag=True,
              help="Print the problems alone: no 'valid', no count (the exit status says).")
def validate_command(files: tuple[str, ...], quiet: bool) -> None:
    """Check TMX 1.4b and TBX files; print each problem as FILE:LINE: what.

    \b
    Exit status:
      0  every file is valid
      1  a file is invalid (its problems printed)
      2  the files could not be checked (a file missing, a folder
         holding no TMX or TBX file; a usage error)
    """
    from ..tools import validate

    problems = validate(files)
    for problem in problems:
        echo_out(str(problem))
    if problems:
        if not quiet:
            click.echo(f"invalid: {count_of(len(problems), 'problem')}", err=True)
        sys.exit(1)
    if not quiet:
        echo_out("valid")


@click.command("stats", cls=Command)
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores,
              show_default="the cores this process may use",
              help="With 2 or more, a large file is cut in that many runs of units, each "
              "counted in a process of its own (the counts are the same).")
@click.option("-q", "--quiet", is_flag=True,
              help="Print nothing but the counts and errors (no note of the files of a "
              "folder left unread).")
def stats_command(files: tuple[str, ...], as_json: bool, jobs: int, quiet: bool) -> None:
    """Units, languages, words and characters, duplicates, length ratios of TMX files."""
    from ..tools import format_stats, stats

    result = stats(files, jobs=jobs)
    echo_out(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) if as_json
             else format_stats(result))
