"""The ``terms`` command: term pairs from bilingual input, into termbase, TBX, XLSX, HTML, CSV.

``tmx-export terms INPUT...`` extracts; ``tmx-export terms apply FILE.xlsx --termbase DB``
records the decisions of a review file. Both are one click command, :data:`terms`, because
``terms`` takes its inputs as arguments and a click group could not tell an input named
``apply`` from the sub-command: ``apply`` is recognised as the first argument (write
``./apply`` for a file of that name).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

import click

from ..errors import InputError
from ..model import Pair, Reject
from .termpair import TermPair

SEGMENTS = ("sentence", "clause")


def read_term_units(
    inputs: Sequence[str], *, source_lang: str = "en-GB", target_lang: str = "fr-FR",
    segment: str = "sentence", progress: Callable[[str, int], None] | None = None,
) -> tuple[list[Pair], list[Reject]]:
    """The units of ``inputs`` as ``tmx-export build --segment SEGMENT`` writes them, each
    with its ``props["tuid"]`` in that TMX (:func:`tmx_export.pipeline.read_units`)."""
    from .. import pipeline

    return pipeline.read_units(inputs, source_lang=source_lang, target_lang=target_lang,
                               segment=segment, progress=progress)


class _Clock:
    """Seconds per stage, added to a caller's dict (or nowhere)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def _echo(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message)


@click.command(
    "apply",
    short_help="Record the decisions of a review file in the termbase.",
)
@click.argument("review_file", type=click.Path(dir_okay=False))
@click.option("--termbase", "termbase_path", required=True, type=click.Path(dir_okay=False),
              help="Termbase (SQLite) to record the statuses and notes in.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def apply_command(review_file: str, termbase_path: str, quiet: bool) -> None:
    """Read statuses and notes from REVIEW_FILE (an XLSX written by ``terms --review``)."""
    from .review import apply_review
    from .termbase import Termbase

    try:
        with Termbase(termbase_path) as termbase:
            summary = apply_review(review_file, termbase)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    _echo(quiet, f"{summary.changed} pair(s) changed, {summary.unchanged} unchanged"
          + (f", {summary.added} added to the termbase" if summary.added else "")
          + f" ({termbase_path})")
    for source, target, status in summary.changes[:20]:
        _echo(quiet, f"  {source} -> {target}: {status}")


class _TermsCommand(click.Command):
    """``terms`` that hands ``terms apply ...`` over to :data:`apply_command`."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[override]
        if args and args[0] == "apply":
            holder = click.Context(self, info_name=info_name, parent=parent)
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
              help="SQLite termbase: counts accumulate across runs, statuses are kept.")
@click.option("--tbx", "tbx_path", type=click.Path(dir_okay=False), help="Write a TBX file.")
@click.option("--tbx-version", type=click.Choice(["3", "2"]), default="3", show_default=True,
              help="3: TBX-Basic 2019 (DCA); 2: TBX 2008 <martif> (OmegaT, translate-toolkit).")
@click.option("--review", "review_path", type=click.Path(dir_okay=False),
              help="Write an XLSX review file with a status drop-down.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write a self-contained HTML report.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="Write a plain CSV glossary (source, target, count, status).")
@click.option("--glossary", "glossary_path", type=click.Path(dir_okay=False),
              help="Known pairs (TSV, CSV or TBX): always recorded, even when seen once.")
@click.option("--min-count", type=click.IntRange(min=1), default=2, show_default=True,
              help="Occurrences a pair needs to be recorded.")
@click.option("--max-contexts", type=click.IntRange(min=0), default=5, show_default=True,
              help="Context pairs kept per term pair.")
@click.option("--segment", type=click.Choice(SEGMENTS), default="sentence", show_default=True,
              help="Units as `tmx-export build --segment` makes them: contexts name their "
                   "tuid in that TMX.")
@click.option("--source-lang", default="en-GB", show_default=True)
@click.option("--target-lang", default="fr-FR", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def terms(inputs: Sequence[str], termbase_path: str | None, tbx_path: str | None,
          tbx_version: str, review_path: str | None, report_path: str | None,
          csv_path: str | None, glossary_path: str | None, min_count: int,
          max_contexts: int, segment: str, source_lang: str, target_lang: str,
          quiet: bool) -> None:
    """Find the term pairs that recur in INPUT files (any input `build` reads: dumps,
    TMX, tables...).

    The inputs are read and segmented as `tmx-export build` does, pairs are sought in the
    aligned clauses of each unit, and each pair keeps its counts, surface variants,
    competing translations and contexts (with the tuid of their unit in the TMX).
    """
    try:
        pairs = run_terms(
            inputs, termbase_path=termbase_path, glossary_path=glossary_path,
            min_count=min_count, max_contexts=max_contexts, segment=segment,
            source_lang=source_lang, target_lang=target_lang, quiet=quiet,
        )
        _write_outputs(pairs, tbx_path=tbx_path, tbx_version=int(tbx_version),
                       review_path=review_path, report_path=report_path, csv_path=csv_path,
                       source_lang=source_lang, target_lang=target_lang, quiet=quiet)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except ValueError as exc:  # e.g. a language without term rules
        raise click.ClickException(str(exc)) from None


def _interactive() -> bool:
    """A progress bar only where a person watches: not in pipes, logs or CI."""
    return sys.stderr.isatty()


def _read_with_progress(inputs: Sequence[str], *, source_lang: str, target_lang: str,
                        segment: str, show: bool) -> tuple[list[Pair], list[Reject]]:
    """:func:`read_term_units`, with a progress bar over the input bytes when ``show``."""
    if not show:
        return read_term_units(inputs, source_lang=source_lang, target_lang=target_lang,
                               segment=segment)
    from .. import pipeline

    files = pipeline.gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang)
    total = sum(pipeline.input_size(path) for path in files) or len(files)
    with click.progressbar(length=total, label="Reading", file=sys.stderr) as bar:
        return read_term_units(inputs, source_lang=source_lang, target_lang=target_lang,
                               segment=segment,
                               progress=lambda name, size: bar.update(size or 1))


def run_terms(
    inputs: Sequence[str], *, termbase_path: str | None = None,
    glossary_path: str | None = None, min_count: int = 2, max_contexts: int = 5,
    segment: str = "sentence", source_lang: str = "en-GB", target_lang: str = "fr-FR",
    quiet: bool = True, timings: dict[str, float] | None = None,
) -> list[TermPair]:
    """Read the units, extract, and update the termbase; the recorded pairs, best first.

    With a termbase, the pairs returned are the termbase's (every run so far, with the
    review statuses); without, those of this run. ``timings``, when given, receives the
    seconds spent reading, extracting and in the termbase.
    """
    from ..formats.glossary import read_glossary
    from .associate import extract_terms
    from .termbase import Document, Termbase
    from .units import document_fingerprint

    clock = _Clock(timings)

    glossary = []
    if glossary_path:
        glossary = [(e.source, e.target)
                    for e in read_glossary(glossary_path, source_lang, target_lang)]
    units, rejects = _read_with_progress(inputs, source_lang=source_lang,
                                         target_lang=target_lang, segment=segment,
                                         show=not quiet and _interactive())
    clock.lap("read")
    # The units of one input file form a document, fingerprinted by its content.
    by_document: dict[str, list[Pair]] = {}
    for unit in units:
        by_document.setdefault(unit.file, []).append(unit)
    documents = {name: Document(name, document_fingerprint(name, members), len(members))
                 for name, members in by_document.items()}
    del by_document
    pairs = extract_terms(units, min_count=min_count, glossary=glossary,
                          max_contexts=max_contexts)
    clock.lap("extract")
    _echo(quiet, f"{len(pairs)} term pair(s) recorded from {len(units)} unit(s) in "
          f"{len(documents)} document(s)" + (f"; {len(rejects)} reject(s) left out by the "
                                              "reader" if rejects else ""))
    del units, rejects
    if termbase_path:
        with Termbase(termbase_path) as termbase:
            summary = termbase.update(pairs, documents)
            if summary.known_documents:
                _echo(quiet, "already in the termbase, not counted again: "
                      + ", ".join(summary.known_documents))
            del pairs  # read back below: the termbase's view replaces this run's
            pairs = termbase.pairs(min_count=min_count, max_contexts=max_contexts)
        _echo(quiet, f"termbase {termbase_path}: {summary.new_pairs} new pair(s), "
              f"{summary.updated_pairs} updated; {len(pairs)} recorded in all")
        clock.lap("termbase")
    for pair in pairs[:10]:
        _echo(quiet, f"  {pair.source_term} -> {pair.target_term} ({pair.count})"
              + ("  [inconsistent]" if pair.inconsistent else ""))
    return pairs


def _write_outputs(pairs: list[TermPair], *, tbx_path: str | None, tbx_version: int,
                   review_path: str | None, report_path: str | None, csv_path: str | None,
                   source_lang: str, target_lang: str, quiet: bool) -> None:
    if tbx_path:
        from ..formats.tbx import write_tbx

        n = write_tbx(pairs, tbx_path, version=tbx_version, source_lang=source_lang,
                      target_lang=target_lang)
        _echo(quiet, f"TBX {'2019 (TBX-Basic)' if tbx_version == 3 else '2008 (martif)'}: "
              f"{n} entries -> {tbx_path}")
    if review_path:
        from .review import write_review

        _echo(quiet, f"review: {write_review(pairs, review_path)} rows -> {review_path}")
    if report_path:
        from .report import write_report

        _echo(quiet, f"report: {write_report(pairs, report_path)} pairs -> {report_path}")
    if csv_path:
        from ..formats.glossary import write_glossary

        _echo(quiet, f"CSV: {write_glossary(pairs, csv_path)} pairs -> {csv_path}")
