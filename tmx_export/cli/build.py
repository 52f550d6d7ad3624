"""``build`` (a TMX from bilingual text) and ``pairs`` (the pairs or units, one per line).

Both parse their options into one :class:`~tmx_export.model.BuildOptions` and make one call
to :mod:`tmx_export.pipeline`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..cores import usable_cores
from ..errors import shown_name
from ..formats.profiles import PROFILES
from ..inputs import READERS, ParallelInput, check_outputs, take_unread, unread_lines
from ..model import BuildOptions, count_of
from . import (
    PROG,
    Command,
    clean_options,
    cleaning_options,
    declared_note,
    defaulted_note,
    language_options,
    languages_named,
    one_walk,
    progress_bar,
    relabelled_lines,
    tell,
)

if TYPE_CHECKING:
    from ..pipeline import BuildSummary

F = TypeVar("F", bound=Callable[..., Any])


def input_options(command: F) -> F:
    """Which inputs and how to read them."""
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
                     help="Parallel files whose paragraphs do not correspond line by "
                     "line: align them (length and shared names, numbers, cognates) "
                     "instead of stopping with an error."),
        click.option("--source-column", metavar="NAME",
                     help="Tables: the source column's header (default: the column named "
                     "by the source language code, e.g. en-GB or en)."),
        click.option("--target-column", metavar="NAME", help="Tables: the target column."),
        click.option("--no-header", is_flag=True,
                     help="Tables: no header row, the first row is a pair; the columns by "
                     "position (--source-column 1 --target-column 2, the default)."),
        click.option("--sheet", metavar="NAME",
                     help="XLSX: read this sheet only (default: every sheet with a column "
                     "for each language)."),
        click.option("--include-fuzzy", is_flag=True,
                     help="XLIFF/PO/tables: keep fuzzy, draft and needs-review "
                     "translations too."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def segment_options(default: str | None) -> Callable[[F], F]:
    """--segment, --srx, --min-score and --glossary."""

    def decorate(command: F) -> F:
        command = click.option(
            "--glossary", "glossary_path", type=click.Path(dir_okay=False), metavar="FILE",
            help="Known term pairs (TSV, CSV, XLSX or TBX; '-': standard input): anchors for the "
            "sentence aligner.",
        )(command)
        command = click.option(
            "--min-score", type=click.FloatRange(0.0, 1.0), metavar="SCORE",
            help="Send aligned units scoring below SCORE (0-1: length agreement and shared "
                 "anchors; right but short or free translations score low) to the rejects "
                 "report.",
        )(command)
        command = click.option(
            "--srx", "srx_path", type=click.Path(dir_okay=False), metavar="FILE",
            help="Segment with the rules of this SRX 2.0 file (as a CAT project exports them).",
        )(command)
        return click.option(
            "--segment", type=click.Choice(["sentence", "paragraph", "clause"]),
            default=default, show_default=default is not None,
            help="Unit size: sentences (what CAT tools match), whole paragraphs, or clauses "
            "(also cut at '; stresses', for concordance and term work)."
            + ("" if default else "  [default: the paragraph pairs as read]"),
        )(command)

    return decorate


def allow_empty_option(command: F) -> F:
    return click.option(
        "--allow-empty", is_flag=True,
        help="Write the output even when no unit is left (by default that is an error).",
    )(command)


def _inputs(inputs: tuple[str, ...], source_file: str | None,
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


def _options(
    *, source_lang: str, target_lang: str, input_format: str | None, align_paragraphs: bool,
    source_column: str | None, target_column: str | None, sheet: str | None,
    include_fuzzy: bool, segment: str | None, srx_path: str | None, min_score: float | None,
    glossary_path: str | None, no_clean: tuple[str, ...], dedupe: str, keep_duplicates: bool,
    rejects_path: str | None, allow_empty: bool, profile: str = "generic",
    max_units: int | None = None, jobs: int = 1, output: str, quiet: bool = False,
    no_header: bool = False, output_name: str = "-o",
) -> BuildOptions:
    """The command line's options as the library takes them. The SRX and glossary files
    are read here, so that a bad one fails before any input is read; the library gets
    their content, not their names, so an output replacing one is refused here. Unless
    ``quiet``, says on standard error which glossary pairs are left out by their status.
    ``output_name`` names ``output`` in errors."""
    check_outputs([path for path in (glossary_path, srx_path) if path is not None],
                  [output, rejects_path], names=(output_name, "--rejects"))
    rules = None
    glossary: tuple[tuple[str, str], ...] = ()
    if glossary_path is not None:
        from ..terms.glossary import left_out_lines, read_glossary

        left_out: Counter[str] = Counter()
        entries = read_glossary(glossary_path, source_lang, target_lang, left_out,
                                say=None if quiet else lambda line: tell(line, err=True))
        glossary = tuple((entry.source, entry.target) for entry in entries)
        if not quiet:
            # a termbase's TBX or CSV holds mostly proposed pairs: the few approved ones
            # anchoring the aligner is what the run does, and the user must know it
            for line in left_out_lines(left_out):
                tell(line, err=True)
    if srx_path is not None:
        from ..segment.srx import read_srx

        rules = read_srx(srx_path)
    return BuildOptions(
        source_lang=source_lang, target_lang=target_lang, input_format=input_format,
        align_paragraphs=align_paragraphs, source_column=source_column,
        target_column=target_column, sheet=sheet, include_fuzzy=include_fuzzy,
        segment=segment, srx=rules, glossary=glossary, min_score=min_score,
        clean=clean_options(no_clean), dedupe="none" if keep_duplicates else dedupe,
        profile=profile, max_units=max_units, rejects_path=rejects_path,
        allow_empty=allow_empty, jobs=jobs, languages_from_memory=not languages_named(),
        column_options=True, no_header=no_header,
    )


@click.command("build", cls=Command)
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "-o", "--output", required=True, metavar="OUT.tmx",
    help="The TMX file to write ('-': stdout; a name ending in .gz is compressed).",
)
@language_options
@input_options
@segment_options("sentence")
@cleaning_options
@click.option(
    "--rejects", "rejects_path", metavar="FILE",
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
@click.option(
    "--langs", metavar="CODE,CODE,...",
    help="A memory in several languages, the source first (en-GB,fr-FR,de-DE): a tu per "
    "source segment with a tuv per language. Replaces --source-lang/--target-lang.",
)
@click.option(
    "--require-all-langs", is_flag=True,
    help="With --langs: send a unit lacking a language to the rejects instead of writing "
    "it without.",
)
@allow_empty_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=usable_cores,
              show_default="the cores this process may use",
              help="Share the work among this many processes: inputs read at once, the "
              "parts of a large dump (about 2 MB each), or the units of a large input in "
              "chunks (the TMX is the same whatever the number).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@one_walk
def build_command(inputs: tuple[str, ...], output: str, quiet: bool, source_file: str | None,
                  target_file: str | None, langs: str | None, require_all_langs: bool,
                  **given: Any) -> None:
    """Build a TMX from bilingual text: dumps, parallel files, TMX, XLIFF, PO, tables.

    INPUT is a file, a directory (every file below it with a known ending: .txt, .tmx,
    .xlf, .xliff, .sdlxliff, .mqxliff, .mxliff, .po, .tsv, .csv, .xlsx, .jsonl, .ndjson; each but
    .txt and .xlsx also compressed, .tmx.gz...) or '-' for standard input.
    name.en.txt beside name.fr.txt are read as parallel files.
    """
    sources = _inputs(inputs, source_file, target_file)
    if given.get("max_units") is not None and output == "-":
        raise click.UsageError("--max-units needs a file name for -o, not '-'")
    if langs is not None:
        if languages_named():
            # --langs names every language; a --source-lang beside it (en-US, against
            # --langs en-GB,...) was ignored, and the memory labelled as it did not ask
            raise click.UsageError("--langs names every language, the source first: "
                                   "give it without --source-lang and --target-lang")
        if given.get("no_header"):
            raise click.UsageError("--no-header takes two columns by position: a memory in "
                                   "several languages needs a header naming their columns")
        _build_multilingual(sources, output, quiet, langs, require_all_langs, given)
        return
    if require_all_langs:
        raise click.UsageError("--require-all-langs goes with --langs")
    from ..pipeline import build

    options = _options(**given, output=output, quiet=quiet)
    with progress_bar(quiet) as bar:
        summary = build(sources, output, options, progress=bar)
    if not quiet:  # on stderr when stdout takes the TMX or the rejects
        take_unread()  # the summary says them, with the files skipped as they were read
        tell(summary_text(summary), err="-" in (output, options.rejects_path))


def _build_multilingual(sources: list[str | ParallelInput], output: str, quiet: bool,
                        langs: str, require_all: bool, given: dict[str, Any]) -> None:
    """build --langs: one call to :func:`tmx_export.multilingual.build_multilingual`."""
    from ..model import MultilingualOptions
    from ..multilingual import build_multilingual, check_langs

    tags = check_langs([code for code in langs.split(",") if code.strip()])
    given = {**given, "source_lang": tags[0], "target_lang": tags[1]}
    options = MultilingualOptions(tags, require_all,
                                  _options(**given, output=output, quiet=quiet))
    with progress_bar(quiet) as bar:
        summary = build_multilingual(sources, output, options, progress=bar)
    if quiet:
        return
    parts = summary.outputs if len(summary.outputs) > 1 else []
    where = f"{len(parts)} files" if parts else shown_name(summary.output)
    lines = [f"{count_of(summary.units_written, 'unit')} written to {where} in "
             f"{count_of(len(summary.langs), 'language')} (source {summary.langs[0]})"]
    lines.extend(f"  {lang}: {count_of(summary.per_language[lang], 'unit')}"
                 for lang in summary.langs[1:])
    lines.extend(parts_lines(parts, summary.removed))
    lines.extend(relabelled_lines(summary.relabelled, lambda held, asked: (
        f"--langs with {held} for {asked}")))
    # as build's: two variants of a language read as the one asked give competing units
    lines.extend(f"{count_of(count, 'tu')} held several {lang} variants: a unit written for "
                 "each (competing translations of one source)"
                 for lang, count in sorted(summary.variants.items()))
    if summary.duplicates_skipped:
        lines.append(f"{count_of(summary.duplicates_skipped, 'duplicate')} not written again")
    if summary.rejects:
        lines.append(f"{summary.rejected} rejected:")
        lines.extend(f"  {count:>6}  {reason}" for reason, count in summary.rejects.most_common())
        where = options.build.rejects_path
        lines.append("(use --rejects FILE to see them)" if where is None else
                     "rejects written to "
                     + ("standard output" if where == "-" else shown_name(where)))
    else:
        lines.append("nothing rejected")
    # the account, as build's: each item read once, however many languages' runs read it
    lines.append(f"{count_of(summary.read, read_as(summary.formats))} read = "
                 f"{summary.in_units} in units + {summary.items_rejected} rejected")
    # the report has a row per language and segment rejected: say how its rows add up
    item = read_as(summary.formats)
    own = summary.items_rejected - summary.rejected_with_others  # those with a row of theirs
    more = summary.rejected - own - summary.rejects_of_written
    said = ([f"{summary.rejects_of_written} of a language or a segment left out of a unit "
             "written"] if summary.rejects_of_written else []) + (
        [f"{more} more of {'an' if item == 'item' else 'a'} {item} rejected in several "
         "languages or segments"]
        if more else [])
    if said:
        lines.append(f"(of the {count_of(summary.rejected, 'reject')}, {', '.join(said)})")
    if summary.rejected_with_others:
        # per-language files' units joined by source: one reject names the first file
        lines.append(f"({count_of(summary.rejected_with_others, item)} rejected in a unit "
                     "joined with another file's, whose reject names that file)")
    if summary.rejects["missing-languages"] and not require_all:
        # not asked for: say why units in some of the languages were not written
        lines.append(f"(--profile {options.build.profile}: a unit lacking a language is "
                     "rejected; OmegaT would fill that language's segments with another's text)")
    tell("\n".join(lines), err="-" in (output, options.build.rejects_path))


def parts_lines(parts: list[str], removed: list[str]) -> list[str]:
    """The summary's list of the parts written (``--max-units``), and of those an earlier
    run left that this one removed: left beside the new parts (in a CAT tool's TM folder),
    their units would count twice."""
    lines = [f"  {shown_name(name)}" for name in parts[:8]]
    if len(parts) > 8:
        lines.append(f"  ... {shown_name(parts[-1])}")
    if removed:
        lines.append(f"removed {count_of(len(removed), 'part')} of an earlier run "
                     "of this output:")
        lines.extend(f"  {shown_name(name)}" for name in removed[:8])
        if len(removed) > 8:
            lines.append(f"  ... {shown_name(removed[-1])}")
    return lines


# What one item read is, by input format: a dump or parallel file is read by paragraph, a
# memory (TMX, XLIFF, PO, JSON lines) by unit, a table by row.
_ITEM_OF_FORMAT = {"tmx": "unit", "xliff": "unit", "po": "unit", "jsonl": "unit",
                   "tsv": "row", "csv": "row", "xlsx": "row", "pairs-tsv": "row"}


def read_as(formats: Counter[str]) -> str:
    """What the run's account counts as read: paragraphs, units or rows, as the inputs'
    formats all say; "item" for a mix of kinds."""
    items = {_ITEM_OF_FORMAT.get(fmt, "paragraph") for fmt in formats} or {"paragraph"}
    return items.pop() if len(items) == 1 else "item"


def summary_text(summary: BuildSummary) -> str:
    """The run's account on one screen: what was written, what was not and why."""
    formats = ""
    if set(summary.formats) - {"dump"}:
        formats = " (" + ", ".join(f"{n} {fmt}" for fmt, n in summary.formats.most_common()) + ")"
    where = shown_name(summary.output)
    parts = summary.outputs if len(summary.outputs) > 1 else []
    if parts:
        where = f"{len(parts)} files"
    lines = [declared_note(*summary.declared, summary.written_as)] if summary.declared else []
    if summary.defaulted:
        lines.append(defaulted_note(*summary.defaulted))
    lines += [
        f"{count_of(summary.units_written, 'unit')} written to {where} "
        f"(segtype {summary.segtype}) from {count_of(summary.pairs_read, 'pair')} "
        f"in {count_of(len(summary.files), 'file')}{formats}",
    ]
    lines.extend(parts_lines(parts, summary.removed))
    if summary.rejects:
        lines.append(f"{summary.rejected} rejected:")
        lines.extend(f"  {count:>6}  {reason}" for reason, count in summary.rejects.most_common())
        if summary.rejects_path:
            where = summary.rejects_path
            lines.append("rejects written to "
                         + ("standard output" if where == "-" else shown_name(where)))
        else:
            lines.append("(use --rejects FILE to see them)")
    else:
        lines.append("nothing rejected")
    accounts = summary.accounts
    lines.append(f"{count_of(accounts.read, read_as(summary.formats))} read = "
                 f"{accounts.in_units} in units "
                 f"+ {accounts.rejected} rejected")
    lines.extend(unread_lines(accounts.skipped, summary.ignored))
    lines.extend(relabelled_lines(summary.relabelled, lambda held, asked: (
        f"--{'source' if asked == summary.source_lang else 'target'}-lang {held}")))
    # two regional variants of one language read as the one asked: the memory then offers
    # two translations of one source, which the user should know of
    lines.extend(f"{count_of(count, 'tu')} held several {lang} variants: a unit written for "
                 "each (competing " + ("sources of one translation)" if lang ==
                                       summary.source_lang else "translations of one source)")
                 for lang, count in sorted(summary.variants.items()))
    if summary.repairs:
        lines.append("repairs:")
        lines.extend(f"  {count:>6}  {kind}" for kind, count in summary.repairs.most_common())
    return "\n".join(lines)


@click.command("pairs", cls=Command)
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl", "tsv"]), default="jsonl",
    show_default=True, help="JSON Lines (one object per pair) or TSV with a header row.",
)
@click.option(
    "-o", "--output", default="-", metavar="FILE", help="Where to write (default: stdout)."
)
@language_options
@input_options
@segment_options(None)
@cleaning_options
@click.option(
    "--rejects", "rejects_path", metavar="FILE",
    help="Write everything left out of the pairs (unpaired, cleaned out, duplicates), with "
    "the reason, to FILE (TSV).",
)
@allow_empty_option
@click.option("-q", "--quiet", is_flag=True,
              help="Print nothing but the pairs and errors (no count of rejects).")
@one_walk
def pairs_command(inputs: tuple[str, ...], output_format: str, output: str,
                  source_file: str | None, target_file: str | None, quiet: bool,
                  **given: Any) -> None:
    """Print the pairs found in the inputs, one per line (with --segment, the units).

    INPUT is as for build: files, directories, '-', or --source/--target. The pairs are
    cleaned and deduplicated as build would (see --no-clean, --dedupe).
    """
    from ..pipeline import export_pairs

    given_o = click.get_current_context().get_parameter_source("output") \
        != click.core.ParameterSource.DEFAULT
    options = _options(**given, output=output, quiet=quiet,
                       output_name="-o" if given_o else "the pairs (standard output: no -o)")
    left_out: Counter[str] = Counter()
    rejects = export_pairs(_inputs(inputs, source_file, target_file), output, options,
                           output_format=output_format, left_out=left_out)
    if left_out and not quiet:
        said = [f"the {what} of {count_of(left_out[what], 'pair')}"
                for what in ("inline codes", "notes") if left_out[what]]
        tell(f"{PROG}: left out: {', '.join(said)} (JSON Lines and TSV carry the plain "
             "text; build a TMX to keep them)", err=True)
    if options.rejects_path is None and rejects and not quiet:
        tell(
            f"{PROG}: {sum(rejects.values())} rejected (use --rejects FILE to see them)",
            err=True,
        )
