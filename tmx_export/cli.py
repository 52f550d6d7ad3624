"""The ``tmx-export`` command: a thin layer over :mod:`tmx_export.pipeline`.

Every user error (bad input, an output that cannot be written) ends the run with one line
``tmx-export: error: FILE[:LINE]: what`` on stderr and exit status 1, never a traceback:
the user needs to know which file to fix, not where in our code we noticed.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any, TypeVar

import click

from . import __version__
from .errors import InputError
from .formats.jsonl import write_pairs_jsonl
from .formats.rejects import write_rejects
from .formats.tsv import write_pairs_tsv
from .pipeline import (
    BuildSummary,
    UnitStream,
    build,
    check_outputs,
    gather_inputs,
    input_size,
)
from .textio import atomic_output

F = TypeVar("F", bound=Callable[..., Any])

PROG = "tmx-export"


def _user_errors(command: F) -> F:
    """Report InputError and OS errors as one line and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            _fail(str(exc))
        except BrokenPipeError:
            # The reader of our output left (`| head`): not an error worth a message.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:  # e.g. the disk filled up while writing
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{exc.strerror or exc}")
        except KeyboardInterrupt:
            _fail("interrupted", status=130)

    return wrapper  # type: ignore[return-value]


def _fail(message: str, status: int = 1) -> None:
    click.echo(f"{PROG}: error: {message}", err=True)
    sys.exit(status)


def _language_options(command: F) -> F:
    command = click.option(
        "--target-lang",
        default="fr-FR",
        show_default=True,
        metavar="CODE",
        help="Language of the translations (BCP 47, as the CAT project names it).",
    )(command)
    return click.option(
        "--source-lang",
        default="en-GB",
        show_default=True,
        metavar="CODE",
        help="Language of the source texts (BCP 47, as the CAT project names it).",
    )(command)


def _segment_options(default: str | None) -> Callable[[F], F]:
    """--segment, --srx and --min-score, shared by build and pairs."""

    def decorate(command: F) -> F:
        command = click.option(
            "--min-score",
            type=click.FloatRange(0.0, 1.0),
            metavar="SCORE",
            help="Send aligned units scoring below SCORE (0-1) to the rejects report.",
        )(command)
        command = click.option(
            "--srx",
            "srx_path",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help="Segment with the rules of this SRX 2.0 file (as a CAT project exports them).",
        )(command)
        return click.option(
            "--segment",
            type=click.Choice(["sentence", "paragraph", "clause"]),
            default=default,
            show_default=default is not None,
            help="Unit size: sentences (what CAT tools match), whole paragraphs, or clauses "
            "(also cut at '; stresses', for concordance and term work)."
            + ("" if default else "  [default: the paragraph pairs as read]"),
        )(command)

    return decorate


def _segmenting(srx_path: str | None, min_score: float | None) -> dict[str, Any]:
    """The segmenter's options from the command line's."""
    options: dict[str, Any] = {}
    if srx_path is not None:
        from .srx import read_srx

        options["rules"] = read_srx(srx_path)
    if min_score is not None:
        options["min_score"] = min_score
    return options


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=PROG)
def main() -> None:
    """Turn bilingual text into TMX translation memories."""


@main.command("build")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o", "--output", required=True, metavar="OUT.tmx", help="The TMX file to write ('-': stdout)."
)
@_language_options
@_segment_options("sentence")
@click.option(
    "--rejects",
    "rejects_path",
    metavar="FILE",
    help="Write everything that did not become a unit, with the reason, to FILE (TSV).",
)
@click.option(
    "--keep-duplicates",
    is_flag=True,
    help="Write a pair again when both its texts repeat an earlier unit.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_user_errors
def build_command(
    inputs: tuple[str, ...],
    output: str,
    source_lang: str,
    target_lang: str,
    segment: str,
    srx_path: str | None,
    min_score: float | None,
    rejects_path: str | None,
    keep_duplicates: bool,
    quiet: bool,
) -> None:
    """Build a TMX from bilingual dumps.

    INPUT is a file, a directory (every *.txt file below it) or '-' for standard input.
    """
    options: dict[str, Any] = dict(
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=_segmenting(srx_path, min_score),
        keep_duplicates=keep_duplicates,
        rejects_path=rejects_path,
    )
    if quiet or not _interactive():
        summary = build(inputs, output, **options)
    else:
        files = gather_inputs(inputs)
        total = sum(input_size(path) for path in files) or len(files)
        with click.progressbar(
            length=total,
            label="Reading",
            file=sys.stderr,
            item_show_func=lambda name: name,
        ) as bar:

            def progress(name: str, size: int) -> None:
                bar.update(size or 1, name)

            summary = build(files, output, progress=progress, **options)
    if not quiet:
        click.echo(_summary_text(summary), err=output == "-")


def _interactive() -> bool:
    """A progress bar only where a person watches: not in pipes, logs or CI."""
    return sys.stderr.isatty()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary_text(summary: BuildSummary) -> str:
    """The run's account on one screen: what was written, what was not and why."""
    lines = [
        f"{_count(summary.units_written, 'unit')} written to {summary.output} "
        f"(segtype {summary.segtype}) from {_count(summary.pairs_read, 'pair')} "
        f"in {_count(len(summary.files), 'file')}",
    ]
    if summary.duplicates_skipped:
        lines.append(f"{_count(summary.duplicates_skipped, 'duplicate unit')} not written again")
    if summary.rejects:
        lines.append(f"{summary.rejected} rejected:")
        lines.extend(f"  {count:>6}  {reason}" for reason, count in summary.rejects.most_common())
        if summary.rejects_path:
            lines.append(f"rejects written to {summary.rejects_path}")
        else:
            lines.append("(use --rejects FILE to see them)")
    else:
        lines.append("nothing rejected")
    if summary.repairs:
        lines.append("repairs:")
        lines.extend(f"  {count:>6}  {kind}" for kind, count in summary.repairs.most_common())
    return "\n".join(lines)


@main.command("pairs")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "tsv"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines (one object per pair) or TSV with a header row.",
)
@click.option(
    "-o", "--output", default="-", metavar="FILE", help="Where to write (default: stdout)."
)
@_language_options
@_segment_options(None)
@click.option(
    "--rejects", "rejects_path", metavar="FILE", help="Write what did not pair to FILE (TSV)."
)
@_user_errors
def pairs_command(
    inputs: tuple[str, ...],
    output_format: str,
    output: str,
    source_lang: str,
    target_lang: str,
    segment: str | None,
    srx_path: str | None,
    min_score: float | None,
    rejects_path: str | None,
) -> None:
    """Print the pairs found in the inputs, one per line (with --segment, the units).

    INPUT is a file, a directory (every *.txt file below it) or '-' for standard input.
    """
    files = gather_inputs(inputs)
    check_outputs(files, [output, rejects_path])
    stream = UnitStream(
        files,
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=_segmenting(srx_path, min_score),
    )
    writer = write_pairs_jsonl if output_format == "jsonl" else write_pairs_tsv
    with ExitStack() as stack:
        # Opened first so that a bad report path fails before any work (see build()).
        report = None
        if rejects_path is not None:
            report = stack.enter_context(atomic_output(rejects_path, "w"))
        writer(stream, output)
        if report is not None:
            write_rejects(stream.rejects, report)
    if rejects_path is None and stream.rejects:
        click.echo(
            f"{PROG}: {len(stream.rejects)} rejected (use --rejects FILE to see them)", err=True
        )
