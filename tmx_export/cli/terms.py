"""``terms`` (term pairs from bilingual input) and ``terms apply`` (a review file's
decisions into the termbase): options parsed into
:class:`~tmx_export.terms.run.TermsOptions`, one call to :mod:`tmx_export.terms.run`.

``apply`` is recognised as the first argument of ``terms`` rather than as a sub-command of
a group, because ``terms`` takes its inputs as arguments and a click group could not tell an
input named ``apply`` from the sub-command (write ``./apply`` for a file of that name).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click

from ..cores import usable_cores
from ..model import TERM_SEGMENTS, TermsOptions
from . import Command, language_options, progress_bar, refuse_stdout, tell


def _say(quiet: bool) -> Callable[[str], None] | None:
    return None if quiet else tell


@click.command("apply", cls=Command,
               short_help="Record the decisions of a review file in the termbase.")
@click.argument("review_file", type=click.Path(dir_okay=False))
@click.option("--termbase", "termbase_path", required=True, type=click.Path(dir_okay=False),
              help="Termbase (SQLite) to record the statuses and notes in.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def apply_command(review_file: str, termbase_path: str, quiet: bool) -> None:
    """Read statuses and notes from REVIEW_FILE (an XLSX written by `terms --review`)."""
    from ..terms.run import apply_review_file

    apply_review_file(review_file, termbase_path, say=_say(quiet))


class _TermsCommand(Command):
    """``terms`` that hands ``terms apply ...`` over to :data:`apply_command`."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[override]
        if args and args[0] == "apply":
            # the holder stands for `terms` without its INPUTS argument, which click would
            # otherwise put in apply's usage line ("terms INPUTS... apply")
            holder = click.Context(click.Command(self.name), info_name=info_name,
                                   parent=parent)
            return apply_command.make_context("apply", list(args[1:]), parent=holder, **extra)
        return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        if ctx.command is not self:
            return ctx.command.invoke(ctx)
        return super().invoke(ctx)


@click.command(
    "terms",
    cls=_TermsCommand,
    short_help="Extract recurring term pairs (TBX, review XLSX, HTML report, termbase).",
    epilog="To record review decisions: tmx-export terms apply FILE.xlsx --termbase DB",
)
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--termbase", "termbase_path", type=click.Path(dir_okay=False),
              help="SQLite termbase: counts accumulate across runs, statuses are kept; "
              "its approved pairs are linked first, its rejected ones never.")
@click.option("--tbx", "tbx_path", type=click.Path(dir_okay=False), help="Write a TBX file.")
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="2", show_default=True,
              help="2: TBX 2008 <martif>, what OmegaT and translate-toolkit load; 3: TBX-Basic "
              "2019 (ISO 30042, DCA), with counts and scores.")
@click.option("--review", "review_path", type=click.Path(dir_okay=False),
              help="Write an XLSX review file with a status drop-down.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write a self-contained HTML report.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="Write a plain CSV glossary (source, target, count, termhood, status; "
              "rejected pairs left out).")
@click.option("--glossary", "glossary_path", type=click.Path(dir_okay=False),
              help="Known pairs (TSV, CSV, XLSX or TBX; '-': standard input): always recorded, "
              "even when seen once.")
@click.option("--min-count", type=click.IntRange(min=1), default=2, show_default=True,
              help="Occurrences a pair needs to be recorded.")
@click.option("--max-contexts", type=click.IntRange(min=0), default=5, show_default=True,
              help="Context pairs kept per term pair.")
@click.option("--segment", type=click.Choice(TERM_SEGMENTS), default="sentence", show_default=True,
              help="Units as `tmx-export build --segment` makes them: contexts name their "
                   "tuid in that TMX.")
@language_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores,
              show_default="the cores this process may use",
              help="Read the inputs in this many processes, as `build --jobs` does (the "
              "pairs are the same whatever the number).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def terms_command(inputs: Sequence[str], termbase_path: str | None, tbx_path: str | None,
                  tbx_version: str, review_path: str | None, report_path: str | None,
                  csv_path: str | None, glossary_path: str | None, min_count: int,
                  max_contexts: int, segment: str, source_lang: str, target_lang: str,
                  jobs: int, quiet: bool) -> None:
    """Find the term pairs that recur in INPUT files (any input `build` reads: dumps,
    TMX, tables...).

    The inputs are read and segmented as `tmx-export build` does, pairs are sought in the
    aligned clauses of each unit, and each pair keeps its counts, surface variants,
    competing translations and contexts (with the tuid of their unit in the TMX).
    """
    from ..terms.run import terms

    # (a termbase is written where it lies: `-` made a SQLite file named "-")
    refuse_stdout(tbx=tbx_path, review=review_path, report=report_path, csv=csv_path,
                  termbase=termbase_path)
    options = TermsOptions(
        termbase_path=termbase_path, glossary_path=glossary_path, min_count=min_count,
        max_contexts=max_contexts, segment=segment, source_lang=source_lang,
        target_lang=target_lang, tbx_path=tbx_path, tbx_version=int(tbx_version),
        review_path=review_path, report_path=report_path, csv_path=csv_path, jobs=jobs,
    )
    with progress_bar(quiet) as bar:
        say = _say(quiet)
        terms(inputs, options, say=say if bar is None else bar.say_after(say), progress=bar)
