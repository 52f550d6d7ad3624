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
from typing import Any, TypeVar

import click

from . import __version__
from .clean import DEDUPE_MODES, RULES
from .cli_tools import merge_command, stats_command, validate_command
from .errors import InputError
from .pipeline import (
    READERS,
    BuildSummary,
    ParallelInput,
    build,
    check_languages,
    clean_options,
    export_pairs,
    gather_inputs,
    input_size,
)
from .profiles import PROFILES
from .terms.commands import terms

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
    """--segment, --srx, --min-score and --glossary, shared by build and pairs."""

    def decorate(command: F) -> F:
        command = click.option(
            "--glossary",
            "glossary_path",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help="Known term pairs (TSV, CSV or TBX): anchors for the sentence aligner.",
        )(command)
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


def _input_options(command: F) -> F:
    """Which inputs and how to read them, shared by build and pairs."""
    options = [
        click.option("--input-format", type=click.Choice(sorted(READERS)),
                     help="Read every INPUT in this format instead of recognising it from "
                     "its content and name (dump is plain text)."),
        click.option("--source", "source_file", type=click.Path(dir_okay=False),
                     metavar="FILE", help="A document in the source language; with --target, "
                     "its translation: paragraph i pairs with paragraph i."),
        click.option("--target", "target_file", type=click.Path(dir_okay=False),
                     metavar="FILE", help="The translation of --source."),
        click.option("--align-paragraphs", is_flag=True,
                     help="Parallel files whose paragraph counts differ: align the "
                     "paragraphs by length instead of stopping with an error."),
        click.option("--source-column", metavar="NAME",
                     help="Tables: the source column's header (default: the column named "
                     "by the source language code, e.g. en-GB or en)."),
        click.option("--target-column", metavar="NAME", help="Tables: the target column."),
        click.option("--sheet", metavar="NAME", help="XLSX: the sheet (default: the first)."),
        click.option("--include-fuzzy", is_flag=True,
                     help="XLIFF/PO: keep fuzzy and needs-review translations too."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _cleaning_options(command: F) -> F:
    """--no-clean, --dedupe and --keep-duplicates, shared by build and pairs."""
    command = click.option(
        "--keep-duplicates", is_flag=True,
        help="The same as --dedupe none (write every unit, repeated or not).",
    )(command)
    command = click.option(
        "--dedupe", type=click.Choice(DEDUPE_MODES), default="exact", show_default=True,
        help="Write a unit once when its two texts repeat an earlier unit's exactly, or "
        "after normalising case, spaces and punctuation; none keeps every unit.",
    )(command)
    return click.option(
        "--no-clean", "no_clean", multiple=True, type=click.Choice([*RULES, "all"]),
        metavar="RULE", help="Turn a cleaning rule off (repeatable; 'all' for every rule): "
        + ", ".join(RULES) + ".",
    )(command)


def _all_inputs(inputs: tuple[str, ...], source_file: str | None,
                target_file: str | None) -> list[str | ParallelInput]:
    """INPUT... plus the --source/--target pair, checked for a usable combination."""
    if (source_file is None) != (target_file is None):
        raise click.UsageError("--source and --target go together")
    given: list[str | ParallelInput] = list(inputs)
    if source_file is not None and target_file is not None:
        given.append(ParallelInput(source_file, target_file))
    if not given:
        raise click.UsageError("give INPUT... or --source FILE --target FILE")
    return given


def _reading(align_paragraphs: bool, source_column: str | None, target_column: str | None,
             sheet: str | None, include_fuzzy: bool) -> dict[str, Any]:
    """The readers' options from the command line's (unset ones left out)."""
    options = dict(align_paragraphs=align_paragraphs, source_column=source_column,
                   target_column=target_column, sheet=sheet, include_fuzzy=include_fuzzy)
    return {k: v for k, v in options.items() if v}


def _segmenting(srx_path: str | None, min_score: float | None, glossary_path: str | None,
                source_lang: str, target_lang: str) -> dict[str, Any]:
    """The segmenter's options from the command line's."""
    options: dict[str, Any] = {}
    if glossary_path is not None:
        from .formats.glossary import read_glossary

        entries = read_glossary(glossary_path, source_lang, target_lang)
        options["glossary"] = [(entry.source, entry.target) for entry in entries]
    if srx_path is not None:
        from .srx import read_srx

        options["rules"] = read_srx(srx_path)
    if min_score is not None:
        options["min_score"] = min_score
    return options


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=PROG)
def main() -> None:
    """Turn bilingual text into TMX translation memories and TBX termbases."""


@main.command("build")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "-o", "--output", required=True, metavar="OUT.tmx",
    help="The TMX file to write ('-': stdout; a name ending in .gz is compressed).",
)
@_language_options
@_input_options
@_segment_options("sentence")
@_cleaning_options
@click.option(
    "--rejects",
    "rejects_path",
    metavar="FILE",
    help="Write everything that did not become a unit, with the reason, to FILE (TSV).",
)
@click.option(
    "--profile", type=click.Choice(list(PROFILES)), default="generic", show_default=True,
    help="Write the TMX the way this CAT tool imports it best (language codes, header).",
)
@click.option(
    "--max-units", type=click.IntRange(min=1), metavar="N",
    help="Split the TMX into numbered files of at most N units (OUT-001.tmx, ...).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_user_errors
def build_command(
    inputs: tuple[str, ...],
    output: str,
    source_lang: str,
    target_lang: str,
    input_format: str | None,
    source_file: str | None,
    target_file: str | None,
    align_paragraphs: bool,
    source_column: str | None,
    target_column: str | None,
    sheet: str | None,
    include_fuzzy: bool,
    segment: str,
    srx_path: str | None,
    min_score: float | None,
    glossary_path: str | None,
    no_clean: tuple[str, ...],
    dedupe: str,
    keep_duplicates: bool,
    rejects_path: str | None,
    profile: str,
    max_units: int | None,
    quiet: bool,
) -> None:
    """Build a TMX from bilingual text: dumps, parallel files, TMX, XLIFF, PO, tables.

    INPUT is a file, a directory (every file below it with a known ending: .txt, .tmx,
    .tmx.gz, .xlf, .xliff, .po, .tsv, .csv, .xlsx, .jsonl) or '-' for standard input.
    name.en.txt beside name.fr.txt are read as parallel files.
    """
    given = _all_inputs(inputs, source_file, target_file)
    if max_units is not None and output == "-":
        raise click.UsageError("--max-units needs a file name for -o, not '-'")
    check_languages(source_lang, target_lang, profile)
    options: dict[str, Any] = dict(
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=_segmenting(srx_path, min_score, glossary_path, source_lang, target_lang),
        input_format=input_format,
        reader_options=_reading(align_paragraphs, source_column, target_column, sheet,
                                include_fuzzy),
        clean=clean_options(no_clean),
        dedupe="none" if keep_duplicates else dedupe,
        rejects_path=rejects_path,
        profile=profile,
        max_units=max_units,
    )
    if quiet or not _interactive():
        summary = build(given, output, **options)
    else:
        files = gather_inputs(given, source_lang=source_lang, target_lang=target_lang,
                              pair_files=input_format is None)
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
    formats = ""
    if set(summary.formats) - {"dump"}:
        formats = " (" + ", ".join(f"{n} {fmt}" for fmt, n in summary.formats.most_common()) + ")"
    where = summary.output
    parts = summary.outputs if len(summary.outputs) > 1 else []
    if parts:
        where = f"{len(parts)} files"
    lines = [
        f"{_count(summary.units_written, 'unit')} written to {where} "
        f"(segtype {summary.segtype}) from {_count(summary.pairs_read, 'pair')} "
        f"in {_count(len(summary.files), 'file')}{formats}",
    ]
    lines.extend(f"  {name}" for name in parts[:8])
    if len(parts) > 8:
        lines.append(f"  ... {parts[-1]}")
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
@click.argument("inputs", nargs=-1, metavar="INPUT...")
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
@_input_options
@_segment_options(None)
@_cleaning_options
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
    input_format: str | None,
    source_file: str | None,
    target_file: str | None,
    align_paragraphs: bool,
    source_column: str | None,
    target_column: str | None,
    sheet: str | None,
    include_fuzzy: bool,
    segment: str | None,
    srx_path: str | None,
    min_score: float | None,
    glossary_path: str | None,
    no_clean: tuple[str, ...],
    dedupe: str,
    keep_duplicates: bool,
    rejects_path: str | None,
) -> None:
    """Print the pairs found in the inputs, one per line (with --segment, the units).

    INPUT is as for build: files, directories, '-', or --source/--target. The pairs are
    cleaned and deduplicated as build would (see --no-clean, --dedupe).
    """
    rejects = export_pairs(
        _all_inputs(inputs, source_file, target_file),
        output,
        output_format=output_format,
        source_lang=source_lang,
        target_lang=target_lang,
        segment=segment,
        segment_options=_segmenting(srx_path, min_score, glossary_path, source_lang, target_lang),
        input_format=input_format,
        reader_options=_reading(align_paragraphs, source_column, target_column, sheet,
                                include_fuzzy),
        clean=clean_options(no_clean),
        dedupe="none" if keep_duplicates else dedupe,
        rejects_path=rejects_path,
    )
    if rejects_path is None and rejects:
        click.echo(
            f"{PROG}: {sum(rejects.values())} rejected (use --rejects FILE to see them)",
            err=True,
        )


# Commands over finished memories (tmx_export.cli_tools). Other command modules join the
# group the same way: main.add_command(command).
main.add_command(merge_command)
main.add_command(validate_command)
main.add_command(stats_command)
main.add_command(terms)
