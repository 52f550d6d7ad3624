"""``tmx-export concordance MEMORY... QUERY``: bilingual search
(:mod:`tmx_export.check.concordance`)."""

from __future__ import annotations

import sys

import click

from ..inputs import READERS
from ..model import SEGMENT_MODES
from . import (
    PROG,
    Command,
    declared_note,
    echo_out,
    language_options,
    languages_named,
    one_walk,
    progress_bar,
    refuse_stdout,
)

# Repeated here rather than imported: the library is only loaded when the command runs.
SIDES = ("both", "source", "target")
FORMATS = ("text", "tsv", "jsonl")


def stdout_is_terminal() -> bool:
    """Highlight matches only for a person at a terminal, never in files or pipes."""
    return sys.stdout.isatty()


@click.command("concordance", cls=Command)
@click.argument("memory_and_query", nargs=-1, required=True, metavar="MEMORY... QUERY")
@language_options
@click.option("--side", type=click.Choice(SIDES), default="both", show_default=True,
              help="Search the source texts, the target texts, or both.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="text: each hit as its tuid and file:line, then both sides (matches "
              "highlighted on a terminal); tsv or jsonl: one hit per line, for scripts.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="Stop after N hits.")
@click.option("--index", "index_path", type=click.Path(dir_okay=False), metavar="FILE.db",
              help="Search a SQLite index of the memory, built here first when missing "
              "and rebuilt when the memory or the settings changed.")
@click.option("--input-format", type=click.Choice(sorted(READERS)),
              help="Read every MEMORY in this format instead of recognising it.")
@click.option("--segment", type=click.Choice(SEGMENT_MODES), default="sentence",
              show_default=True,
              help="Units of dumps and parallel files (TMX, XLIFF, PO and tables keep theirs).")
@click.option("-q", "--quiet", is_flag=True,
              help="Print nothing but the hits and errors: no note on standard error (an "
              "index built, no hit, --limit reached, units left out).")
@one_walk
def concordance_command(memory_and_query: tuple[str, ...], source_lang: str, target_lang: str,
                        side: str, output_format: str, limit: int | None,
                        index_path: str | None, input_format: str | None,
                        segment: str, quiet: bool) -> None:
    """Show the units of MEMORY whose source or target holds QUERY.

    MEMORY is anything build reads (TMX, dumps, parallel files, tables...). QUERY is
    matched in either language, by lemma in English, French and most other EU languages
    ("value chain" finds "value chains", "chaîne de valeur" finds "chaînes de valeur",
    "Mitgliedstaat" finds "MITGLIEDSTAATEN"), ignoring case and accents ("etats membres"
    finds "États membres").
    """
    if len(memory_and_query) < 2:
        raise click.UsageError("give at least one MEMORY and then the QUERY")
    *memory, query = memory_and_query
    refuse_stdout(index=index_path)  # an index is opened where it lies: `-` made a file "-"
    from ..check.concordance import (
        TSV_COLUMNS,
        concordance,
        format_hit,
        hit_to_json,
        hit_to_tsv,
    )

    def note(line: str) -> None:
        """A note on standard error: what a person reading the hits must know, which a
        script asking --quiet does not want in its log (errors are said all the same)."""
        if not quiet:
            click.echo(f"{PROG}: {line}", err=True)

    def building(reason: str) -> None:
        why = "" if reason == "missing" else f" ({reason})"
        note(f"building the index {index_path}{why}...")

    # only building an index takes long
    with progress_bar(quiet or index_path is None) as bar:
        hits = concordance(memory, query, source_lang=source_lang, target_lang=target_lang,
                           side=side, limit=limit, index=index_path,
                           input_format=input_format, segment=segment, on_build=building,
                           progress=bar, languages_from_memory=not languages_named())
    if hits.declared:
        note(declared_note(hits.source_lang, hits.target_lang))
    # The tags as the library standardised them (it has refused bad ones by now).
    labels = {"source_lang": hits.source_lang, "target_lang": hits.target_lang}
    colour = output_format == "text" and stdout_is_terminal()
    if output_format == "tsv":
        echo_out("\t".join(TSV_COLUMNS))
    count = 0
    for hit in hits:
        if output_format == "tsv":
            echo_out(hit_to_tsv(hit))
        elif output_format == "jsonl":
            echo_out(hit_to_json(hit))
        else:
            if count:
                echo_out("")
            # color=True: the styles are only there when stdout is a terminal anyway.
            echo_out(format_hit(hit, **labels, colour=colour), color=colour or None)
        count += 1
    if not count:
        # piped or in a file, an empty result would say nothing: a mistyped query or the
        # wrong memory looked like a search that ran and found nothing (exit status 0 all
        # the same, as a search that ran: 1 is this tool's error status)
        note(no_hit_note(query, side, hits.source_lang, hits.target_lang))
    elif colour and not quiet:
        click.echo(f"{count} hit{'s' if count != 1 else ''}", err=True)
    if limit is not None and count == limit:
        # the search stopped there: the count is not the memory's, and must not read as such
        note(f"stopped at --limit {limit}; the memory may hold more hits")
    if hits.left_out:  # as check accounts for what it read: never a silent omission
        reasons = ", ".join(f"{n} {reason}" for reason, n in hits.left_out.most_common())
        total = hits.left_out.total()
        note(f"{total} unit{'s' if total != 1 else ''} of the memory left out, "
             f"not searched ({reasons})")


def no_hit_note(query: str, side: str, source_lang: str, target_lang: str) -> str:
    """What a search that found nothing says: the languages it searched, which a
    multilingual memory does not tell. A German translator searching DGT-TM's 24-language
    memory for "Abkommen" without --target-lang de-DE read "no unit holds 'Abkommen'" of a
    memory holding it in every German unit: the search had read en-GB and fr-FR only."""
    searched = {"source": source_lang, "target": target_lang}.get(
        side, f"{source_lang} or {target_lang}")
    return (f"no unit holds {query!r} in {searched} (the languages searched; "
            "--source-lang and --target-lang choose others)")
