"""``check``: a memory checked against the termbase, for consistency and for form.

Options are parsed into :class:`~tmx_export.check.run.CheckOptions`; one call to
:func:`tmx_export.check.run.check`. The exit status gates a pipeline: 1 when a finding of
``--fail-on`` severity or worse is left (after accepted ones), 0 otherwise, 2 when the
check could not run (:class:`~tmx_export.cli.VerdictCommand`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..check.model import CHECKS, Finding
from ..cores import usable_cores
from ..errors import shown_name
from ..inputs import READERS
from ..model import count_of
from . import (
    VerdictCommand,
    declared_note,
    defaulted_note,
    language_options,
    languages_named,
    one_walk,
    progress_bar,
    refuse_stdout,
    relabelled_lines,
    tell,
)


@click.command("check", cls=VerdictCommand)
@click.argument("inputs", nargs=-1, required=True, metavar="MEMORY...")
@language_options
@click.option("--termbase", "termbase_path", type=click.Path(dir_okay=False), metavar="DB",
              help="A termbase `terms` built and a person reviewed: approved and forbidden "
              "pairs are checked.")
@click.option("--glossary", "glossary_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="A TBX (administrative status) or a TSV/CSV/XLSX glossary (all approved); "
              "'-': standard input.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the findings to FILE: .tsv, .csv, .html (one offline page) or "
              ".xlsx (with a decision column for --accept).")
@click.option("--checks", "only", multiple=True, metavar="A,B",
              help="Run only these checks: " + ", ".join(CHECKS) + ".")
@click.option("--skip", multiple=True, metavar="A,B", help="Leave these checks out.")
@click.option("--accept", "accept_paths", type=click.Path(dir_okay=False), metavar="FILE",
              multiple=True,
              help="A reviewed report: findings marked ok or false alarm are not reported. "
              "Repeat it for each round of review, oldest first: a later decision wins.")
@click.option("--fail-on", type=click.Choice(["warning", "error", "never"]), default="error",
              show_default=True, help="The least severity that makes the exit status 1.")
@click.option("--no-french-spaces", "french_spaces", flag_value=False, default=True,
              help="French targets need no space before ; : ! ? nor inside « » (the "
              "house style of some clients, and of DGT-TM).")
# A choice, as for build: a misspelt format is a usage error (status 2), not an error
# blamed on the first memory.
@click.option("--input-format", type=click.Choice(sorted(READERS)),
              help="Read every MEMORY in this format (as for build).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores,
              show_default="the cores this process may use",
              help="Processes to check in: a large TMX file is read in that many parts at "
              "once (the findings are the same, in the same order).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors and the exit status.")
@one_walk
def check_command(inputs: Sequence[str], source_lang: str, target_lang: str,
                  termbase_path: str | None, glossary_path: str | None,
                  report_path: str | None, only: tuple[str, ...], skip: tuple[str, ...],
                  accept_paths: tuple[str, ...], fail_on: str, french_spaces: bool,
                  input_format: str | None, jobs: int, quiet: bool) -> None:
    """Check a memory: approved and forbidden terms (lemma-aware), numbers, untranslated
    and empty targets, inline codes, placeholders, consistency, punctuation and spacing.

    MEMORY is anything build reads: TMX, XLIFF, PO, tables, dumps, parallel files (for
    these, the units build would write, with their tuids).

    \b
    Exit status:
      0  no finding of --fail-on severity left
      1  such findings left
      2  the check could not run (a memory, glossary, termbase or
         --accept file missing or unreadable, a --report that cannot
         be written; a usage error)
    """
    from ..check.report import ReportWriter, report_format
    from ..check.run import (
        CheckOptions,
        check,
        check_report_path,
        check_termbase_file,
        check_terms_given,
    )
    from ..formats.text import writing_stdout

    if termbase_path and glossary_path:
        raise click.UsageError("--termbase and --glossary go one at a time")
    refuse_stdout(report=report_path)
    if report_path is not None:
        report_format(report_path)  # a bad name fails before any work
    try:
        options = CheckOptions.choosing(only, skip, source_lang=source_lang,
                                        target_lang=target_lang, input_format=input_format,
                                        languages_from_memory=not languages_named(),
                                        terms=termbase_path or glossary_path,
                                        accept=accept_paths, fail_on=fail_on,
                                        french_spaces=french_spaces, jobs=jobs)
    except ValueError as error:  # an unknown check's name: a usage error, as a bad value is
        raise click.UsageError(str(error)) from None
    try:
        check_terms_given(options, asked=bool(only))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    if report_path is not None:
        check_report_path(inputs, options, report_path)
    if termbase_path is not None:
        check_termbase_file(termbase_path)
    shown = 0

    def show(finding) -> None:  # type: ignore[no-untyped-def]
        nonlocal shown
        shown += 1
        if not quiet and report_path is None:
            line = finding_line(finding)
            with writing_stdout():  # a full disk under it is named
                if bar is None:
                    click.echo(line)
                else:
                    bar.echo(line)  # on its own line, not after the bar's

    def say(line: str) -> None:  # what the user should know of the glossary read
        if not quiet:
            tell(line, err=True)

    with progress_bar(quiet) as bar:
        if report_path is not None:
            with ReportWriter(report_path, title=_report_title(inputs),
                              checks=options.checks) as report:
                def emit(finding) -> None:  # type: ignore[no-untyped-def]
                    report.add(finding)
                    show(finding)

                summary = check(list(inputs), options, emit, progress=bar, say=say)
        else:
            summary = check(list(inputs), options, show, progress=bar, say=say)
    if not quiet:
        if summary.declared is not None:
            tell(declared_note(*summary.declared), err=True)
        if summary.defaulted is not None:
            tell(defaulted_note(*summary.defaulted), err=True)
        # a regional variant checked as the one asked (fr-FR by the fr-CA rules): said, as
        # build says it
        for line in relabelled_lines(summary.relabelled, lambda held, asked: (
                f"--{'source' if asked == options.source_lang else 'target'}-lang {held}")):
            tell(line, err=True)
        counts = ", ".join(f"{n} {name}" for name, n in summary.by_check.most_common())
        left = ", ".join(f"{n} {reason}" for reason, n in summary.left_out.most_common())
        tell(f"{count_of(summary.units, 'unit')} checked: "
             f"{count_of(summary.findings, 'finding')}"
                   + (f" ({counts})" if counts else "")
                   + (f"; {summary.left_out.total()} left out, not checked ({left})"
                      if left else "")
                   + (f"; {summary.accepted} accepted before, not reported"
                      if summary.accepted else "")
                   + (f"; {summary.still_to_fix} marked fix before, still there"
                      if summary.still_to_fix else "")
                   + (f"; {_none_matched(summary.decisions, accept_paths)}"
                      if summary.decisions and not summary.accepted else "")
                   + (f"; report: {shown_name(report_path)}" if report_path else ""), err=True)
    if summary.failed:
        sys.exit(1)


def _none_matched(decisions: int, paths: Sequence[str]) -> str:
    """The summary's word for --accept files none of whose accepted findings this run
    gave: a report of another memory matches nothing, and was silent."""
    where = ", ".join(map(shown_name, paths))
    what = (f"the finding accepted in {where} is not" if decisions == 1 else
            f"none of the {decisions} findings accepted in {where} is")
    return f"{what} one of this run's (a report of another memory?)"


def finding_line(finding: Finding) -> str:
    """A finding as ``check`` prints it: one line, tab-separated (tuid, or file:line for a
    unit without one; check, severity, item, expected), each field escaped as the TSV
    report's are (``\\t``, ``\\n``: :func:`~tmx_export.formats.tsv.escape_field`). An
    untranslated unit whose text holds tabs (the LISA kit's "First segment with [", two
    tabs, "   ]") printed its item over three columns: ``cut -f4`` read a piece of it."""
    from ..formats.tsv import escape_field

    where = finding.tuid or f"{finding.file}:{finding.line}"
    return "\t".join(escape_field(str(field)) for field in (
        where, finding.check, finding.severity, finding.item, finding.expected))


def _report_title(inputs: Sequence[str]) -> str:
    """The HTML report's title: what was checked, by the names given (three at most)."""
    from ..formats.text import input_name

    names = [input_name(path) for path in inputs]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"tmx-export check: {shown}"
