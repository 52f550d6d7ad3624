"""The terminology run: term pairs from bilingual input, into termbase, TBX, XLSX, HTML, CSV.

The library side of ``tmx-export terms`` (:mod:`tmx_export.cli.terms` only parses options):
:func:`read_term_units` reads the units as ``build`` writes them, :func:`run_terms`
extracts and updates the termbase, :func:`write_outputs` writes the files asked for,
:func:`apply_review_file` records a review file's decisions. Messages for the user go to
``say`` (the command line passes ``click.echo``; ``None`` for silence).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, shown_name
from ..formats.text import input_name
from ..inputs import (
    Inputs,
    ParallelInput,
    check_output_ending,
    check_outputs,
    file_keys,
    gather_inputs,
    input_list,
    one_listing,
)
from ..model import Pair, Reject, Say, TermsOptions, count_of
from ..pipeline import ProgressArg, input_names, nothing_left, read_units
from .termpair import TermPair

if TYPE_CHECKING:
    from .termbase import Termbase, UpdateSummary


def read_term_units(
    inputs: Sequence[str], *, source_lang: str = "en-GB", target_lang: str = "fr-FR",
    segment: str = "sentence", progress: ProgressArg = None, jobs: int = 1,
) -> tuple[list[Pair], list[Reject]]:
    """The units of ``inputs`` as ``tmx-export build --segment SEGMENT`` writes them, each
    with its ``tuid`` in that TMX (:func:`tmx_export.pipeline.read_units`), read by ``jobs``
    processes; none when every paragraph was rejected (:func:`run_terms` then says why)."""
    return read_units(distinct_inputs(inputs, source_lang, target_lang),
                      source_lang=source_lang, target_lang=target_lang,
                      segment=segment, progress=progress, jobs=jobs, allow_empty=True)


def distinct_inputs(inputs: Sequence[str], source_lang: str, target_lang: str
                    ) -> Sequence[str]:
    """``inputs``, or the files they name each once when one is named twice (``terms a.txt
    a.txt``, a folder and a file in it): a file read twice in a run would count each of
    its terms twice, in the termbase too, where a later run reads it once."""
    gathered = gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang)
    seen: set[object] = set()
    once = []
    for given in gathered:
        names = (given.source, given.target) if isinstance(given, ParallelInput) else (given,)
        keys = set().union(*(file_keys(name) for name in names if str(name) != "-"))
        if keys & seen:
            continue
        seen |= keys
        once.append(given)
    return inputs if len(once) == len(gathered) else once  # type: ignore[return-value]


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


def terms(inputs: Inputs, options: TermsOptions, *, say: Say = None,
          progress: ProgressArg = None) -> list[TermPair]:
    """The whole ``terms`` job: :func:`run_terms`, then :func:`write_outputs`, the outputs
    checked first (:func:`check_paths`). A folder given is walked once, though its files
    are gathered three times (outputs, files named twice, reading). One input may be named
    alone (:func:`~tmx_export.inputs.input_list`)."""
    inputs = input_list(inputs)
    with one_listing():
        check_paths(inputs, options)
        # the outputs name the languages as the units do, in standard tags
        source_lang, target_lang = check_languages(options.source_lang, options.target_lang)
        options = replace(options, source_lang=source_lang, target_lang=target_lang)
        pairs = run_terms(
            inputs, termbase_path=options.termbase_path, glossary_path=options.glossary_path,
            min_count=options.min_count, max_contexts=options.max_contexts,
            segment=options.segment, source_lang=options.source_lang,
            target_lang=options.target_lang, say=say, progress=progress, jobs=options.jobs,
        )
    write_outputs(pairs, tbx_path=options.tbx_path, tbx_version=options.tbx_version,
                  review_path=options.review_path, report_path=options.report_path,
                  csv_path=options.csv_path, source_lang=options.source_lang,
                  target_lang=options.target_lang, say=say)
    return pairs


def check_languages(source_lang: str, target_lang: str) -> tuple[str, str]:
    """The two language tags standardised as ``build`` standardises them (``fr_FR`` ->
    ``fr-FR``, ``fre`` -> ``fr``): a TBX, CSV or review file headed ``fr_FR`` names no
    language a CAT tool knows. Refuses a tag that is none, and a language terms cannot be
    extracted in (Estonian, Irish, Maltese: no word list; Chinese, Japanese, Korean: no
    lemmas), before any work: before the inputs are read, which may take minutes, and
    before a termbase is created."""
    from ..lang import standard_tag
    from .candidates import require_term_language

    tags = []
    for option, lang in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        try:
            tag = standard_tag(lang)
        except ValueError as exc:
            raise InputError(option, str(exc)) from None
        require_term_language(tag)
        tags.append(tag)
    return tags[0], tags[1]


def check_paths(inputs: Sequence[str], options: TermsOptions) -> None:
    """Refuse, before any work and before the termbase changes, an output that would
    replace an input, the glossary or the termbase, one named twice, one that cannot be
    written (:func:`tmx_export.inputs.check_outputs`), and one named as another format's
    files are (:func:`tmx_export.inputs.check_output_ending`). The termbase is written
    too."""
    read: list[str] = [*gather_inputs(inputs, pair_files=False)]  # type: ignore[list-item]
    if options.glossary_path:
        read.append(options.glossary_path)
    outputs = [options.termbase_path, options.tbx_path, options.review_path,
               options.report_path, options.csv_path]
    check_outputs(read, outputs, writable=True)
    # each output in its format, as its name says: a file named for another format would
    # be opened by the wrong program (an HTML page named .xlsx), or taken for another
    # output of the run
    written = {"TBX": "--tbx", "XLSX": "--review", "HTML": "--report", "CSV": "--csv",
               "SQLite": "--termbase"}
    for output, option, kind, endings in (
            (options.tbx_path, "--tbx", "TBX", (".tbx", ".xml")),
            (options.review_path, "--review", "XLSX", (".xlsx",)),
            (options.report_path, "--report", "HTML", (".html", ".htm")),
            (options.csv_path, "--csv", "CSV", (".csv",)),
            # (a termbase already made is whatever its name: it is opened by its content)
            (None if options.termbase_path is None or Path(options.termbase_path).exists()
             else options.termbase_path, "--termbase", "SQLite", (".db", ".sqlite", ".sqlite3"))):
        check_output_ending(output, option, kind, endings, written)
    termbase = Path(options.termbase_path) if options.termbase_path else None
    if termbase is not None and termbase.exists() and not termbase.is_file() \
            and not termbase.is_dir():
        # SQLite opens a device or a pipe and fails at the first write, having made its
        # journal beside it ("/dev/null-journal", in /dev)
        raise InputError(str(termbase), "not a termbase (a device or a pipe): --termbase "
                         "names the SQLite file the counts accumulate in")


def apply_review_file(review_file: str, termbase_path: str, *, say: Say = None) -> None:
    """Record the statuses and notes of ``review_file`` (an XLSX written by
    ``terms --review``) in the termbase, which must exist."""
    from .review import apply_review
    from .termbase import Termbase

    check_outputs([review_file], [termbase_path], writable=True)
    if not Path(review_file).is_file():
        raise InputError(review_file, "no such file")
    if not Path(termbase_path).is_file():
        # a typo must not make a new, empty termbase that takes the decisions meant for the
        # real one
        raise InputError(termbase_path, "no such termbase (name the one `terms --termbase`"
                         " wrote)")
    if Path(termbase_path).stat().st_size == 0:
        # SQLite takes an empty file for a new database: the decisions would go to a
        # termbase of nothing but them
        raise InputError(termbase_path, "not a termbase (an empty file; name the one "
                         "`terms --termbase` wrote)")
    with Termbase(termbase_path) as termbase:
        summary = apply_review(review_file, termbase)
    # (a pair added is a change: "9 changed, 1 added" read as ten pairs)
    _say(say, f"{summary.changed} pair(s) changed"
         + (f" ({summary.added} of them added to the termbase)" if summary.added else "")
         + f", {summary.unchanged} unchanged ({termbase_path})")
    if summary.kept_decided:
        _say(say, f"{summary.kept_decided} decided pair(s) left as they are (the review file "
                  "says proposed: an older export?)")
    if summary.newer_kept:
        _say(say, f"{summary.newer_kept} pair(s) the termbase holds otherwise than the review "
                  "file showed, their cells left as written: the termbase's kept")
    for source, target, what, was, now in summary.redecided[:20]:
        _say(say, f"  {source} -> {target}: {what} {was!r} in the termbase, not what the "
                  f"review file showed; the file's {now!r} recorded over it")
    if len(summary.redecided) > 20:
        _say(say, f"  and {len(summary.redecided) - 20} more decided again over a change "
                  "made since the file was written")
    if summary.notes_left:
        _say(say, f"{summary.notes_left} note(s) not recorded: the row's status is blank "
                  "(choose a status to record a note)")
    if summary.not_added:
        _say(say, f"{summary.not_added} row(s) of a pair the termbase does not hold left "
                  "out: the status is blank (choose a status to add the pair)")
    for source, target, status in summary.changes[:20]:
        _say(say, f"  {source} -> {target}: {status}")


def _say(say: Say, message: str) -> None:
    if say is not None:
        say(message)


def run_terms(
    inputs: Inputs, *, termbase_path: str | None = None,
    glossary_path: str | None = None, min_count: int = 2, max_contexts: int = 5,
    segment: str = "sentence", source_lang: str = "en-GB", target_lang: str = "fr-FR",
    say: Say = None, progress: ProgressArg = None, timings: dict[str, float] | None = None,
    jobs: int = 1,
) -> list[TermPair]:
    """Read the units (``jobs`` processes), extract, and update the termbase; the recorded
    pairs, best first.

    With a termbase, the extraction is over the units of every document it holds of this
    run's language pair and those of ``inputs`` (:func:`_terms_with_termbase`), and the pairs
    returned are the termbase's of this run's language pair (every run so far, with the
    review statuses); without, those of this run. ``timings``, when given, receives the
    seconds spent reading, extracting and in the termbase.
    """
    from .associate import extract_terms
    from .glossary import left_out_lines, read_glossary
    from .rank import forget_slid_verdicts
    from .termbase import Document
    from .units import document_fingerprints

    inputs = input_list(inputs)
    source_lang, target_lang = check_languages(source_lang, target_lang)
    clock = _Clock(timings)

    glossary = []
    if glossary_path:
        left_out: Counter[str] = Counter()
        glossary = [(e.source, e.target)
                    for e in read_glossary(glossary_path, source_lang, target_lang, left_out,
                                           say=say)]
        for line in left_out_lines(left_out):
            _say(say, line)
    units, rejects = read_term_units(inputs, source_lang=source_lang,
                                     target_lang=target_lang, segment=segment,
                                     progress=progress, jobs=jobs)
    if not units:  # (read_term_units allows it: terms has no --allow-empty to suggest)
        raise InputError(input_names(inputs), nothing_left(
            f"no {source_lang}/{target_lang} unit to extract terms from", len(rejects),
            Counter(r.reason for r in rejects),
            Counter(lang for r in rejects for lang in r.languages)))
    repeats = repeated_units(units, rejects)
    units += repeats
    left_out = len(rejects) - len(repeats)
    clock.lap("read")
    # The units of one input file form a document, fingerprinted by its content and
    # counted once per language pair (a multilingual TMX gives each pair its own terms).
    by_document: dict[str, list[Pair]] = {}
    for unit in units:
        by_document.setdefault(unit.file, []).append(unit)
    # the file each document's units name (as input_name names it: "<stdin>" for "-", a
    # byte of a name that is not UTF-8 escaped), whose text is its fingerprint; a pair of
    # parallel files is named by its source file, and its fingerprint takes both files
    gathered = gather_inputs(inputs, source_lang=source_lang, target_lang=target_lang)
    files = {input_name(given): given for given in gathered
             if not isinstance(given, ParallelInput)}
    translations = {input_name(given.source): given.target for given in gathered
                    if isinstance(given, ParallelInput)}
    documents = {}
    for name, members in by_document.items():
        text, saved, legacy = document_fingerprints(files.get(name, name), members,
                                                    translations.get(name))
        documents[name] = Document(name, text, len(members), members[0].source_lang,
                                   members[0].target_lang, legacy, saved)
    read = (f"{len(units)} unit(s) in {len(documents)} document(s)"
            + (f" ({len(repeats)} repeating an earlier unit)" if repeats else "")
            + (f"; {left_out} reject(s) left out by the reader" if left_out else ""))
    del rejects, repeats
    options = {"min_count": min_count, "glossary": glossary, "max_contexts": max_contexts}
    if termbase_path:
        del units
        pairs = _terms_with_termbase(termbase_path, by_document, documents, options, read,
                                     say, clock)
    else:
        pairs = extract_terms(units, **options)
        clock.lap("extract")
        _say(say, f"{len(pairs)} term pair(s) recorded from {read}")
    forget_slid_verdicts()  # the pairs are ranked: the outputs need no more room
    for pair in pairs[:10]:
        _say(say, f"  {pair.source_term} -> {pair.target_term} ({pair.count})"
              + ("  [inconsistent]" if pair.inconsistent else ""))
    relinked = [p for p in pairs if p.glossary and p.status == "rejected" and p.count]
    if relinked:
        # the glossary names a pair a review rejected: linked as the glossary asks, still
        # rejected (not exported); the two decisions disagree, which a terminologist settles
        _say(say, f"glossary: {len(relinked)} pair(s) the termbase has rejected linked again "
                  "(still rejected, not exported): "
                  + ", ".join(f"{p.source_term} -> {p.target_term}" for p in relinked[:5]))
    return pairs


def _terms_with_termbase(termbase_path: str, by_document: dict[str, list[Pair]],
                         documents: dict, options: dict, read: str, say: Say,
                         clock: _Clock) -> list[TermPair]:
    """:func:`_record_in_termbase`; a new termbase made whole in a temporary file and put
    in place when complete (:func:`~tmx_export.terms.termbase.new_termbase`): a run
    stopped half-way (Ctrl-C, SIGTERM, an error) leaves no termbase, where it left an empty
    one. Another run making it meanwhile: this run's documents are recorded in that one."""
    from .termbase import TermbaseAppeared, new_termbase

    if not Path(termbase_path).exists():
        held: list[str] = []  # said once the termbase is in place, not of one never made
        try:
            with new_termbase(termbase_path) as made:
                pairs, line = _record_in_termbase(made, termbase_path, by_document, documents,
                                                  options, read, held.append, clock)
        except TermbaseAppeared:
            _say(say, f"termbase {termbase_path}: made by another run meanwhile; this run's "
                      "documents are recorded in it")
        else:
            for message in [*held, line]:
                _say(say, message)
            return pairs
    pairs, line = _record_in_termbase(termbase_path, termbase_path, by_document, documents,
                                      options, read, say, clock)
    _say(say, line)
    return pairs


def _record_in_termbase(opened: str, termbase_path: str, by_document: dict[str, list[Pair]],
                        documents: dict, options: dict, read: str, say: Say,
                        clock: _Clock) -> tuple[list[TermPair], str]:
    """Extract over the units of every document the termbase has read of this run's language
    pair(s) and the new ones of ``by_document``, and record the counts; the termbase's pairs
    of this run's language pair(s), best first.

    One extraction over all the documents of a language pair, whatever runs brought them:
    counts, the association and ``min_count`` are those of the whole, so two runs over two
    documents give what one run over both gives. It happens inside the termbase's write
    transaction (another run adding a document meanwhile would be left out of both
    extractions). The termbase file ``opened`` is named ``termbase_path`` (a new one is
    made under a temporary name); the line saying what was recorded comes back with the
    pairs.
    """
    from .termbase import Termbase, primary_langs

    # the outputs hold this run's language pair only: a termbase holding EN-FR too must not
    # put French terms in an EN-DE TBX under German. The termbase keys language pairs by
    # primary subtags, as check reads them: en/fr and en-GB/fr-FR are one pair.
    run_langs = {primary_langs((unit.source_lang, unit.target_lang))
                 for members in by_document.values() for unit in members}
    with Termbase(opened, name=termbase_path) as termbase, termbase.transaction():
        new = termbase.new_documents(documents, by_document)
        last_id = termbase.db.execute("SELECT coalesce(max(id), 0) FROM pairs").fetchone()[0]
        known = [name for name in documents if name not in new]
        if known:
            _say(say, "already in the termbase, not counted again: " + ", ".join(known))
        added, new_pairs, stored = 0, 0, None
        # each language pair extracted over its own documents only (a document counts once
        # per language pair; its EN-FR units must not weigh on EN-DE counts)
        doc_langs = sorted({primary_langs((doc.source_lang, doc.target_lang))
                            for doc in documents.values()})
        for langs in doc_langs:
            mine = {name: doc for name, doc in new.items()
                    if primary_langs((doc.source_lang, doc.target_lang)) == langs}
            summary, stored = _recount(termbase, langs, mine, by_document, options, read,
                                       say, clock)
            added += len(summary.added_documents)
            new_pairs += summary.new_pairs
        # (stored: the pairs of a new termbase, when it took one language pair only)
        if stored is None or len(run_langs) > 1 or len(doc_langs) > 1:
            stored = termbase.pairs(options["min_count"], options["max_contexts"],
                                    langs=run_langs)
    line = _termbase_summary(termbase_path, added, stored, last_id, new_pairs, run_langs,
                             options["min_count"])
    clock.lap("termbase")
    return _in_run_tags(stored, by_document), line


def _in_run_tags(stored: list[TermPair], by_document: dict[str, list[Pair]]) -> list[TermPair]:
    """``stored``, read from the termbase under primary subtags (en/fr), under the tags this
    run's units carry (en-GB/fr-FR), the first of each language pair: the outputs (review
    file, report, CSV) name the languages as a run without a termbase does."""
    from .termbase import primary_langs

    tags: dict[tuple[str, str], tuple[str, str]] = {}
    for members in by_document.values():
        for unit in members:
            langs = (unit.source_lang, unit.target_lang)
            tags.setdefault(primary_langs(langs), langs)
    for pair in stored:  # the termbase's own read: no caller holds these objects
        pair.source_lang, pair.target_lang = tags.get(
            (pair.source_lang, pair.target_lang), (pair.source_lang, pair.target_lang))
    return stored


def _termbase_summary(termbase_path: str, added: int, stored: list[TermPair], last_id: int,
                      new_pairs: int, run_langs: set[tuple[str, str]], min_count: int) -> str:
    """The run's line about the termbase: the pairs recorded (what the outputs hold), how
    many of them are new, and apart the new candidates recorded by no output yet (seen
    fewer than ``min_count`` times: kept, a later document may bring them up). One "new"
    count of both once read as more new pairs than there were pairs in all."""
    new_recorded = sum(1 for pair in stored if pair.id is not None and pair.id > last_id)
    langs = ", ".join("/".join(pair) for pair in sorted(run_langs))
    line = (f"termbase {termbase_path}: {added} document(s) added; {len(stored)} {langs}"
            f" pair(s) recorded, {new_recorded} of them new")
    below = new_pairs - new_recorded
    if below > 0:
        line += (f" (and {below} new candidate pair(s) seen fewer than {min_count} time(s),"
                 " kept for later runs)")
    return line


def _recount(termbase: Termbase, langs: tuple[str, str], new: dict,
             by_document: dict[str, list[Pair]], options: dict, read: str, say: Say,
             clock: _Clock) -> tuple[UpdateSummary, list[TermPair] | None]:
    """Extract over the stored units of ``langs`` and those of the ``new`` documents, and
    replace the termbase's evidence of ``langs`` (:meth:`Termbase.recount`)."""
    from .associate import without_gc

    # The collector paused from extraction to the end of the update, not only during
    # extraction: re-enabled in between, it walked every object of the units and pairs
    # (millions, all alive) at once, and again as the update copied the pairs (about 1 s
    # of 50,000 pairs' run). The pairs' cycles (competitors) are cut below.
    with without_gc():
        return _extract_and_recount(termbase, langs, new, by_document, options, read, say,
                                    clock)


def _extract_and_recount(termbase: Termbase, langs: tuple[str, str], new: dict,
                         by_document: dict[str, list[Pair]], options: dict, read: str,
                         say: Say, clock: _Clock
                         ) -> tuple[UpdateSummary, list[TermPair] | None]:
    """:func:`_recount`, the collector paused."""
    from .associate import extract_terms, give_back_memory
    from .termbase import UpdateSummary

    units = termbase.stored_units(langs)
    # one language pair for the extraction, the termbase's (the units keep their own tags)
    units += [replace(unit, source_lang=langs[0], target_lang=langs[1])
              for name in new for unit in by_document[name]]
    if not units:  # every document was counted before the termbase kept units
        return UpdateSummary(), None
    # A reviewer's decisions steer the pairing: what was approved anchors it, what was
    # rejected is never linked again (under the language tags the units carry, as the
    # termbase stores them)
    pairs = extract_terms(units, anchors=termbase.reviewed(*langs, "approved"),
                          refused=termbase.reviewed(*langs, "rejected"), **options)
    clock.lap("extract")
    _say(say, f"{len(pairs)} {'/'.join(langs)} term pair(s) recorded over {len(units)} unit(s),"
              f" every document of the termbase; this run read {read}")
    del units
    summary, stored = termbase.recount(
        pairs, new, {name: by_document[name] for name in new}, langs,
        min_count=options["min_count"], max_contexts=options["max_contexts"])
    # the termbase's view replaces this run's (whose pairs refer to each other as
    # competitors: unlinked, they are freed now, not by the collector)
    for pair in pairs:
        pair.competitors = []
    del pairs
    give_back_memory()
    return summary, stored


def repeated_units(units: Sequence[Pair], rejects: Sequence[Reject]) -> list[Pair]:
    """A unit for each ``duplicate`` in ``rejects``: the unit it repeats (its texts and its
    ``tuid``, which point into the TMX ``build`` writes), in the duplicate's file and line.

    ``build`` writes a repeated unit once, and ``read_units`` gives it once; yet each time a
    text repeats, its terms are used again: a title cited in forty acts is forty uses in
    forty documents, which the counts and the association see. (Extraction still records
    a pair only when it is linked in ``min_count`` different texts, so that one repeated
    sentence does not make pairs of its chance neighbours.)
    """
    from ..clean import sanitise

    kept: dict[tuple[str, str], Pair] = {}
    for unit in units:
        kept.setdefault((unit.source, unit.target), unit)
    # the languages the texts were sanitised in (a direction mark is kept in Arabic)
    langs = (units[0].source_lang, units[0].target_lang) if units else (None, None)
    repeats: list[Pair] = []
    for reject in rejects:
        if reject.reason != "duplicate":
            continue
        # the text is "source<TAB>target" as read, before sanitise (which makes a line break
        # a space), and a side may hold a tab: each tab is tried as the one between the sides
        text, at = reject.text, reject.text.find("\t")
        while at >= 0:
            unit = kept.get((sanitise(text[:at], Counter(), langs[0]),
                             sanitise(text[at + 1:], Counter(), langs[1])))
            if unit is not None:
                repeats.append(replace(unit, file=reject.file, line=reject.line))
                break
            at = text.find("\t", at + 1)
    return repeats


def write_outputs(pairs: list[TermPair], *, tbx_path: str | None = None, tbx_version: int = 2,
                  review_path: str | None = None, report_path: str | None = None,
                  csv_path: str | None = None, source_lang: str = "en-GB",
                  target_lang: str = "fr-FR", say: Say = None) -> None:
    """Write the files asked for: TBX (version 2: TBX 2008 martif, for CAT tools; 3:
    TBX-Basic 2019),
    XLSX review file, HTML report, CSV glossary."""
    if tbx_path:
        from .tbx import write_tbx

        n = write_tbx(pairs, tbx_path, version=tbx_version, source_lang=source_lang,
                      target_lang=target_lang)
        _say(say, f"TBX {'2019 (TBX-Basic)' if tbx_version == 3 else '2008 (martif)'}: "
              f"{count_of(n, 'entry', 'entries')} -> {shown_name(tbx_path)}")
    if review_path:
        from .review import write_review

        rows = write_review(pairs, review_path)
        _say(say, f"review: {count_of(rows, 'row')} -> {shown_name(review_path)}")
    if report_path:
        from .report import write_report

        n = write_report(pairs, report_path)
        _say(say, f"report: {count_of(n, 'pair')} -> {shown_name(report_path)}")
    if csv_path:
        from .glossary import write_glossary

        n = write_glossary(pairs, csv_path, source_lang, target_lang)
        _say(say, f"CSV: {count_of(n, 'pair')} -> {shown_name(csv_path)}")
