"""Memories in many languages at once: one ``tu`` per source segment, a ``tuv`` per language.

A run in the languages L0 (the source), L1 ... Ln is n bilingual runs L0 -> Li, each over
the inputs that hold its two languages and each exactly what ``build`` does (reading,
repair, pairing, cleaning, segmentation, alignment: :func:`tmx_export.pipeline.read_units`),
merged by source:

* The units of one paragraph (a parallel file's paragraph, a dump's pair, a TMX unit) are
  lined up along its source text. Every language cut the same source sentences into its own
  beads ("2-1" in French where German has two "1-1"): a unit of the memory ends where all
  languages have a bead ending, so each ``tu`` holds whole beads of every language and one
  source text.
* A language with no unit for a paragraph (a TMX unit without it, a pair its cleaning
  rejected) is left out of that paragraph's units; ``require_all`` rejects them instead.
* Units of files in one language each (per-language XLIFF or PO files of one document),
  which share no paragraph, are joined by their source text (:func:`_joined_by_source`).
* When the languages do not agree on a paragraph's source text (which only cleaning that
  removed a unit in one of them causes), nothing is guessed: each language's units are
  written on their own, source and that language.

Rejects of every bilingual run go to the report; a unit that only lacks some languages is
written, so the bilingual runs' "missing target" rejects of a unit that has other
languages are not reported, nor the "other languages" rejects of an XLIFF unit whose
``<file>`` is in the languages of another run that read it (that run wrote or rejected
it). Each bilingual run checks its own accounts; the merge checks that every group of
units is written, rejected or a duplicate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .formats.profiles import get_profile, lang_code
from .formats.rejects import rejects_output, write_rejects
from .formats.text import input_name
from .formats.tmx import TmxPair, write_units
from .inputs import (
    Inputs,
    ParallelInput,
    check_memory_outputs,
    gather_inputs,
    input_list,
    name_language,
    parallel_partner,
)
from .lang import file_direction, normalise_tag, primary, standard_tag
from .model import (
    SEGTYPE_OF,
    AccountingError,
    BuildOptions,
    MultilingualOptions,
    MultiUnit,
    Pair,
    Reject,
)

if TYPE_CHECKING:
    from .pipeline import ProgressArg, ReadItem

# A bilingual run's reject for a TMX unit without the target language (formats.tmx).
_MISSING_TARGET = "missing-target-language"
_MISSING_SOURCE = "missing-source-language"
# ... and for an XLIFF unit whose <file> is in another pair of languages (formats.ttkstore).
_OTHER_LANGUAGES = "other-languages"
# ... and for a workbook's sheet without a column for the run's languages (formats.table).
_NO_SHEET_COLUMNS = "sheet-without-columns"


@dataclass(slots=True)
class MultilingualSummary:
    """What :func:`build_multilingual` did."""

    output: str
    langs: tuple[str, ...]
    units_written: int = 0
    duplicates_skipped: int = 0
    rejects: Counter[str] = field(default_factory=Counter)  # by reason
    # units written with each language (the source: all of them)
    per_language: Counter[str] = field(default_factory=Counter)
    groups: int = 0  # units made by the merge, before duplicates and rejects
    # TMX units whose regional variant was read as the tag asked: (held, asked) -> count
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)
    outputs: list[str] = field(default_factory=list)  # the TMX files written (parts)
    removed: list[str] = field(default_factory=list)  # an earlier run's parts, not replaced
    # The run's account of the items read (a TMX tu, a table row, an XLIFF or PO unit, a
    # paragraph of parallel files), each once however many languages' runs read it:
    # read = in_units (in a unit written, in some language) + items_rejected. An item
    # in a unit written may have rejects too (its French failed a cleaning rule while its
    # German was written): rejects_of_written counts those rows of the report.
    read: int = 0
    in_units: int = 0
    items_rejected: int = 0
    rejects_of_written: int = 0
    # items rejected in a unit joined with another file's (per-language files of one
    # document), whose one reject names the first file's place
    rejected_with_others: int = 0
    formats: Counter[str] = field(default_factory=Counter)  # inputs by format
    # TMX tus that gave a unit per variant of a language asked (fr-BE and fr-CH for
    # fr-FR), by that language: competing units the summary says, as build's does
    variants: Counter[str] = field(default_factory=Counter)

    @property
    def rejected(self) -> int:
        return sum(self.rejects.values())


def check_langs(langs: Sequence[str]) -> tuple[str, ...]:
    """The language tags standardised (``eng`` -> ``en``), refused before any work when one
    is unknown, repeated, or there are fewer than two."""
    tags = []
    for code in langs:
        try:
            tags.append(standard_tag(code.strip()))
        except ValueError as exc:
            raise InputError("--langs", str(exc)) from None
    if len(tags) < 2:
        raise InputError("--langs", "give at least two languages, the source first "
                         "(en-GB,fr-FR,de-DE)")
    seen = [normalise_tag(tag) for tag in tags]
    repeated = sorted({tag for tag in seen if seen.count(tag) > 1})
    if repeated:
        raise InputError("--langs", f"{', '.join(repeated)} given twice")
    return tuple(tags)


def inputs_for(inputs: Sequence[str | Path | ParallelInput], source: str,
               target: str, langs: Sequence[str] = ()) -> list[str | Path | ParallelInput]:
    """The inputs a run ``source`` -> ``target`` reads: all but the files whose name says
    they are in another language (``NAME.de.txt`` is not read by the English-French run,
    nor ``NAME.fr-CA.txt`` by the run to fr-FR when fr-CA is one of ``langs``), and the
    source's ``NAME.en.txt`` in a run without its ``NAME.de.txt`` when another run has its
    partner: it is that run's parallel file, not an English-German dump (read as one, its
    English paragraphs were all "unpaired paragraph" rejects, though written in French)."""
    chosen: list[str | Path | ParallelInput] = []
    for item in inputs:
        if not isinstance(item, ParallelInput):
            lang = name_language(Path(item))
            tags = named_as(lang, langs or (source, target)) if lang is not None else []
            if lang is not None and not {source, target} & set(tags):
                continue
            if target not in tags and _partner_of_another_run(item, source, target, langs):
                continue
        chosen.append(item)
    return chosen


def _partner_of_another_run(item: str | Path, source: str, target: str,
                            langs: Sequence[str]) -> bool:
    """Whether ``item`` has no parallel file in ``target`` but has one in another of
    ``langs`` (each run pairs ``NAME.<source>.txt`` with its own language's file)."""
    if parallel_partner(item, source_lang=source, target_lang=target) is not None:
        return False
    return any(parallel_partner(item, source_lang=source, target_lang=other) is not None
               for other in langs[1:] if other != target)


def named_as(name_tag: str, langs: Sequence[str]) -> list[str]:
    """The tags of ``langs`` a file named ``NAME.<name_tag>.txt`` is in: the one a regional
    name (it-CH) names whole, else every one of its language (``NAME.it.txt`` is it-IT, it-CH
    and it: each run finds it by the language alone)."""
    whole = [lang for lang in langs if normalise_tag(lang) == normalise_tag(name_tag)]
    if whole and normalise_tag(name_tag) != primary(name_tag):
        return whole
    return [lang for lang in langs if primary(lang) == primary(name_tag)]


def _refuse_shared_names(files: Sequence[str | Path | ParallelInput],
                         langs: tuple[str, ...]) -> None:
    """Refuse, before any work, a file whose name fits two of ``langs``: ``NAME.it.txt``
    with it-IT and it-CH was written as both, the same Italian text under each tag."""
    for item in files:
        lang = None if isinstance(item, ParallelInput) else name_language(Path(item))
        fits = named_as(lang, langs) if lang is not None else []
        if len(fits) > 1:
            raise InputError(input_name(item), f"the name says {lang}, which would be read "
                             f"as {' and '.join(fits)}: which one it is cannot be known; "
                             f"name each file with its whole tag (NAME.{fits[0]}.txt)")


_TABLES = ("tsv", "csv", "xlsx")
_STORES = ("xliff", "po")


def _input_targets(item: str | Path | ParallelInput, langs: tuple[str, ...],
                   options: BuildOptions) -> frozenset[str] | None:
    """For a table, XLIFF or PO file, the target languages of ``langs`` (the source first)
    it holds beside the source's, as its runs will read it; ``None`` for any other input
    (read in every run)."""
    if isinstance(item, ParallelInput) or str(item) == "-":
        return None
    from .inputs import format_of

    fmt = format_of(str(item), options.input_format)
    if fmt in _TABLES:
        return _table_targets(item, fmt, langs, options)
    if fmt in _STORES:
        return _store_targets(item, langs)
    return None


def _table_targets(item: str | Path, fmt: str, langs: tuple[str, ...],
                   options: BuildOptions) -> frozenset[str]:
    """The targets a table has columns for, its header read once. A column its runs would
    read for two languages ("Target", or one named with --target-column) is refused: which
    language its texts are in cannot be known."""
    from .formats.table import table_headers, target_columns

    targets: set[str] = set()
    # every sheet of a workbook: a later sheet may hold languages the first lacks
    for title, header in table_headers(item, sheet=options.sheet,
                                       table_format_name=fmt) or [(None, [])]:
        columns = target_columns(header, langs, options.source_column, options.target_column,
                                 title)
        by_column: dict[int, list[str]] = {}
        for target, column in columns.items():
            by_column.setdefault(column, []).append(target)
        shared = next((readers for readers in by_column.values() if len(readers) > 1), None)
        if shared is not None:
            sheets = ", or name each sheet by its pair (EN-DE)" if fmt == "xlsx" else ""
            raise InputError(input_name(item), f"column {header[columns[shared[0]]]!r} would "
                             f"be read as {' and '.join(shared)}: head each translation's "
                             f"column with its language ({shared[0]}){sheets}, or build one "
                             "memory per pair", 1)
        targets.update(columns)
    return frozenset(targets)


def _store_targets(item: str | Path, langs: tuple[str, ...]) -> frozenset[str]:
    """The targets an XLIFF or PO file (each ``<file>`` of a bundle) is in, either way
    round; a language the file leaves unsaid fits every one."""
    from .formats.ttkstore import store_languages

    declared = store_languages(item)
    if len(langs) > 2 and any(not target for _, target in declared):
        raise InputError(input_name(item), "the file names no target language: which of "
                         f"{', '.join(langs[1:])} its translations are in cannot be known "
                         "(declare it, or build one memory per pair)")
    return frozenset(t for t in langs[1:] if any(
        file_direction(src, tgt, langs[0], t, langs) != "other" for src, tgt in declared))


def _read_by_another_run(targets: frozenset[str] | None, target: str) -> bool:
    """Whether a table or XLIFF in ``targets`` (:func:`_input_targets`) is left out of the
    run to ``target``: it lacks that language but has another target, so its units are
    written without ``target`` (they come from that other run), as for a TMX unit without
    it. One with none of the targets stays in every run, to be refused as in a bilingual
    run."""
    return targets is not None and bool(targets) and target not in targets


def _refuse_dumps(files: Sequence[str | Path | ParallelInput], langs: tuple[str, ...],
                  options: BuildOptions) -> None:
    """Refuse, before any work, a dump in a memory of more than two languages: a dump holds
    two, and every language's run would read it (an EN-FR dump read as EN-DE was refused
    as "the target text reads as fr, not de-DE", naming no cause)."""
    if len(langs) <= 2:
        return
    from .inputs import DEFAULT_FORMAT, format_of

    for item in files:
        if isinstance(item, ParallelInput) or str(item) == "-" \
                or name_language(Path(item)) is not None:
            continue  # NAME.de.txt: one language of parallel files; stdin is read once
        if format_of(str(item), options.input_format) == DEFAULT_FORMAT:
            raise InputError(input_name(item), "a dump holds two languages and cannot be "
                             f"read into a memory in {len(langs)} (--langs "
                             f"{','.join(langs)}): build one memory per pair (--langs "
                             f"{langs[0]},{langs[1]}), or give parallel files (NAME.en.txt, "
                             "NAME.fr.txt, NAME.de.txt), tables, TMX or XLIFF")


def _check_profile(langs: tuple[str, ...], name: str) -> None:
    """Refuse, before any work, languages the profile cannot spell, or more of them than
    its tool imports per unit (memoQ maps two of a file's languages to its TM's)."""
    try:
        profile = get_profile(name)
        for tag in langs:
            lang_code(tag, profile)
    except ValueError as exc:
        raise InputError("--langs", str(exc)) from None
    most = profile.max_languages
    if most is not None and len(langs) > most:
        pairs = " and ".join(f"--langs {langs[0]},{tag}" for tag in langs[1:3])
        raise InputError("--langs", f"{len(langs)} languages, but the {name} profile writes "
                         f"at most {most} per unit: build one memory per pair ({pairs})")


def build_multilingual(
    inputs: Inputs,
    output: str | Path,
    options: MultilingualOptions,
    *,
    progress: ProgressArg = None,
) -> MultilingualSummary:
    """Write the memory of ``inputs`` in ``options.langs`` (the source first) to the TMX
    ``output``; the rejects to ``options.build.rejects_path`` when given. Written
    atomically; raises :class:`~tmx_export.errors.InputError` for what cannot be read.
    ``progress`` as for :func:`~tmx_export.pipeline.build`, told of each language's pass."""
    from .pipeline import (
        datatypes_of,
        header_segtype,
        read_units,
        refuse_output_for_profile,
        refuse_parts_beside,
        segtype_of,
    )

    inputs = input_list(inputs)
    langs = check_langs(options.langs)
    build = options.build
    if build.segment is None:
        raise ValueError("build writes units: segment must be sentence, clause or paragraph")
    _check_profile(langs, build.profile)
    refuse_output_for_profile(output, build.profile)
    refuse_parts_beside(output, build.max_units)
    check_memory_outputs(output, rejects=build.rejects_path)
    source = langs[0]
    outputs = [output, build.rejects_path]  # checked with the first run, before any work
    runs: list[tuple[str, list[Pair]]] = []
    read_by: list[tuple[str, set[str]]] = []  # each run's target and the inputs it read
    rejects: list[Reject] = []
    relabelled_by_input: dict[str, Counter[tuple[str, str]]] = {}
    segtypes: set[str] = set()
    ledger: list[ReadItem] = []  # every item each run read, and what became of it
    language_of: dict[int, str] = {}  # each run's reject (by id): the run's language
    # directories as their files: a table in one may lack a language the run asks for
    files = gather_inputs(inputs, pair_files=False)
    _refuse_dumps(files, langs, build)
    _refuse_shared_names(files, langs)
    input_targets = {str(f): _input_targets(f, langs, build) for f in files}
    chosen_by = {target: [item for item in inputs_for(files, source, target, langs)
                          if not _read_by_another_run(input_targets.get(str(item)), target)]
                 for target in langs[1:]}
    # A language asked that no input can hold (no column, file or <file> in it) is refused
    # before any work: a memory without it would pass for one in every language asked.
    for target, chosen in chosen_by.items():
        if not chosen and len(files) > 0:
            raise InputError("--langs", f"no input holds {target}: no table column, XLIFF "
                             f"or PO file, parallel file or TMX in it (--langs "
                             f"{','.join(lang for lang in langs if lang != target)} "
                             "leaves it out)")
    for target in langs[1:]:
        run_options = replace(build, source_lang=source, target_lang=target, dedupe="none",
                              rejects_path=None, allow_empty=True, claimed_langs=langs)
        chosen = chosen_by[target]
        segtypes.add(segtype_of(chosen, run_options, outputs=outputs if not runs else ()))
        run_relabelled: dict[str, Counter[tuple[str, str]]] = {}
        units, run_rejects = read_units(chosen, run_options, progress=progress,
                                        relabelled_by_input=run_relabelled,
                                        unit_segtypes=True, ledger=ledger)
        if not units and len(langs) > 2:
            _refuse_absent(target, langs, run_rejects)
        # an input read by several runs (a TMX) has its source's counted once: the most
        # any run counted; inputs read by one run each (an XLIFF, a table) add up
        for name, counted in run_relabelled.items():
            relabelled_by_input[name] = relabelled_by_input.get(name, Counter()) | counted
        runs.append((target, units))
        read_by.append((target, {input_name(item) for item in chosen
                                 if not isinstance(item, ParallelInput)}))
        rejects.extend(run_rejects)
        language_of.update((id(reject), target) for reject in run_rejects)
    variants: Counter[str] = Counter()
    groups = list(merge_runs(source, runs, variants))
    summary = MultilingualSummary(str(output), langs, groups=len(groups),
                                  relabelled=sum(relabelled_by_input.values(), Counter()),
                                  variants=variants)
    written_keys = {(unit.file, unit.line) for unit in groups}
    reported = _reported_rejects(_not_read_by_their_run(_sheets_no_run_read(rejects, read_by),
                                                        langs, read_by),
                                 written_keys, language_of)
    left_out: list[Reject] = []  # lacking a language (require_all), or duplicates
    # OmegaT fills a segment from a unit lacking its project's target language with the
    # unit's other languages (German in a French project): its profile writes none such
    require_all = options.require_all or get_profile(build.profile).all_languages
    kept = list(_kept_units(groups, langs, require_all, build.dedupe, summary, left_out))
    if len(kept) + len(left_out) != summary.groups:
        raise AccountingError(f"internal error: {summary.groups} units merged but "
                              f"{len(kept)} written and {len(left_out)} rejected "
                              f"({summary.duplicates_skipped} duplicates)")
    reported.extend(left_out)
    if not kept and not build.allow_empty:
        reasons = Counter(reject.reason for reject in reported)
        why = (", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
               or "nothing in these languages")
        raise InputError(str(output), f"refused: no unit to write ({why}; --allow-empty "
                         "writes an empty memory)")
    _keep_account(summary, ledger, groups, kept, reported)
    summary.formats = Counter(_format_of(item, build) for item in files)
    for reject in reported:
        summary.rejects[reject.reason] += 1
    # as build's: the datatype all inputs share, else each unit its own input's
    datatype, by_input = datatypes_of(files, {f: _format_of(f, build) for f in files})
    unit_datatypes = {input_name(f): kind for f, kind in by_input.items()
                      if not isinstance(f, ParallelInput)}
    for number, unit in enumerate(kept, 1):
        unit.tuid = str(number)
        unit.datatype = unit_datatypes.get(unit.file)
        summary.per_language.update(unit.texts.keys())
    # what the bilingual runs would each write (the profile's, with omegat's); "block"
    # when they differ
    segtype = segtypes.pop() if len(segtypes) == 1 else (
        header_segtype([SEGTYPE_OF[build.segment]], build.profile) if not segtypes
        else "block")
    with ExitStack() as stack:
        # as build() does: the report is only renamed into place once the TMX is written
        if build.rejects_path is not None:
            write_rejects(reported, stack.enter_context(rejects_output(build.rejects_path)))
        counts = write_units(kept, output, srclang=source, segtype=segtype,
                             datatype=datatype, profile=build.profile,
                             max_units=build.max_units)
    summary.units_written = counts.units
    summary.outputs, summary.removed = counts.files, counts.removed
    return summary


# The rejects of a run that say the input lacks its language, not that its text in it
# was rejected.
_ABSENT = frozenset({_MISSING_TARGET, _MISSING_SOURCE, _OTHER_LANGUAGES, _NO_SHEET_COLUMNS})


def _refuse_absent(target: str, langs: tuple[str, ...], rejects: list[Reject]) -> None:
    """Refuse, before anything is written, a language of ``langs`` that the inputs a run
    read (TMX files, whose languages only reading tells) hold no text in: the memory would
    pass for one in every language asked (``is`` typed for ``it``). A language whose texts
    were all rejected is held: its rejects say why."""
    if any(reject.reason not in _ABSENT for reject in rejects):
        return
    held: dict[str, str] = {}
    for reject in rejects:
        for tag in reject.languages:
            held.setdefault(normalise_tag(tag), tag)
    # in units that lack the source (rejected as such): held, by its tag, or by its
    # language part when no other language asked shares it (the TMX rule)
    shared = sum(primary(lang) == primary(target) for lang in langs) > 1
    if any(reject.reason == _MISSING_SOURCE and any(
            normalise_tag(tag) == normalise_tag(target)
            or (not shared and primary(tag) == primary(target)) for tag in reject.languages)
           for reject in rejects):
        return
    regional = [tag for tag in held.values() if primary(tag) == primary(target)]
    hint = (f"; {regional[0]} is read as {target} only when no other language asked shares "
            "its language part" if regional else "")
    raise InputError("--langs", f"no input holds {target}"
                     + (f"; the units hold {', '.join(held.values())}" if held else "")
                     + f" (--langs {','.join(lang for lang in langs if lang != target)} "
                     f"leaves it out){hint}")


def _keep_account(summary: MultilingualSummary, ledger: list[ReadItem],
                  groups: list[MultiUnit], kept: list[MultiUnit],
                  reported: list[Reject]) -> None:
    """Count into ``summary`` what became of every item the runs read (``ledger``), each
    item once however many runs read it (every run reads a TMX's tus), and check that
    none is lost: each is in a unit written, or has a reject in the report. A unit a run
    made that the merge left out, or an item whose rejects the report does not hold, is a
    fault the run must not hide: :class:`~tmx_export.model.AccountingError`."""
    merged = {id(part) for unit in groups for part in unit.parts}
    lost = [unit for item in ledger for unit in item.units if id(unit) not in merged]
    if lost:
        raise AccountingError(f"internal error: {lost[0].file}:{lost[0].line}: "
                              f"{len(lost)} units made but not merged")
    written = {id(part) for unit in kept for part in unit.parts}
    # the parts of a unit left out (a duplicate, one lacking a language): its reject names
    # the place of its first part, and stands for every part (per-language files' units
    # joined by source: doc.fr.xlf's and doc.de.xlf's)
    left_out = merged - written
    places = Counter((reject.file, reject.line) for reject in reported)
    items: dict[tuple[str, str, int], list[ReadItem]] = {}
    for item in ledger:
        items.setdefault(item.key, []).append(item)
    written_places: set[tuple[str, int]] = set()
    for key, each in items.items():
        rejects = [reject for item in each for reject in item.rejects]
        if any(id(unit) in written for item in each for unit in item.units):
            summary.in_units += 1
            written_places.update((reject.file, reject.line) for reject in rejects)
        elif any((reject.file, reject.line) in places for reject in rejects) \
                or (key[0], key[2]) in places:
            summary.items_rejected += 1
        elif any(id(unit) in left_out for item in each for unit in item.units):
            summary.items_rejected += 1
            summary.rejected_with_others += 1
        elif rejects and all(reject.reason == _NO_SHEET_COLUMNS for reject in rejects):
            continue  # a sheet another run read (its rows are items of that run)
        else:
            raise AccountingError(f"internal error: {key[0]}:{key[2]}: read but neither "
                                  "written nor rejected")
    summary.read = summary.in_units + summary.items_rejected
    summary.rejects_of_written = sum(places[place] for place in written_places)


def _format_of(item: str | Path | ParallelInput, options: BuildOptions) -> str:
    """An input's format, as its runs read it (what the summary's account counts)."""
    from .inputs import format_of

    return "parallel" if isinstance(item, ParallelInput) else format_of(str(item),
                                                                         options.input_format)


def _not_read_by_their_run(rejects: list[Reject], langs: tuple[str, ...],
                           read_by: list[tuple[str, set[str]]]) -> list[Reject]:
    """``rejects`` without the "other languages" rejects of units that a run in their own
    languages read from the same input (so that run's units or rejects hold them)."""
    def read_in_their_languages(reject: Reject) -> bool:
        if reject.reason != _OTHER_LANGUAGES or len(reject.languages) != 2:
            return False
        file_src, file_tgt = reject.languages
        return any(reject.file in names
                   and file_direction(file_src, file_tgt, langs[0], target, langs) != "other"
                   for target, names in read_by)

    return [reject for reject in rejects if not read_in_their_languages(reject)]


def _sheets_no_run_read(rejects: list[Reject], read_by: list[tuple[str, set[str]]]
                        ) -> list[Reject]:
    """``rejects`` without a sheet's "no column for" reject when another run read that
    sheet (a DE-IT sheet beside a DE-IT-PL one lacks pl: its rows come from the it run);
    kept when every run that read the workbook gave it (no run read that sheet)."""
    runs_reading = Counter(name for _target, names in read_by for name in names)
    missed: Counter[tuple[str, str]] = Counter()
    for reject in rejects:
        if reject.reason == _NO_SHEET_COLUMNS:
            missed[(reject.file, reject.text.split(":", 1)[0])] += 1
    return [reject for reject in rejects if reject.reason != _NO_SHEET_COLUMNS
            or missed[(reject.file, reject.text.split(":", 1)[0])]
            >= runs_reading[reject.file]]


def _reported_rejects(rejects: list[Reject], written: set[tuple[str, int]],
                      language_of: dict[int, str]) -> list[Reject]:
    """The bilingual runs' rejects, each once: not the "missing target" of a unit written
    in its other languages. Each names the languages whose runs made it (``language_of``)
    before any detail of its own ("wrong-language: fr-FR"): a unit's French and German
    rejected by one rule show the same source, and its German may have been written."""
    seen: dict[tuple[str, int, str, str], int] = {}
    named: list[list[str]] = []  # for each reject of ``out``: the languages that made it
    out = []
    missing: dict[tuple[str, int], list[Reject]] = {}  # a unit in none of the targets
    for reject in rejects:
        if reject.reason == _MISSING_TARGET:
            if (reject.file, reject.line) not in written:
                missing.setdefault((reject.file, reject.line), []).append(reject)
            continue
        # a unit without the source is rejected by every run: once, whatever text it shows
        key = (reject.file, reject.line, reject.reported_reason,
               "" if reject.reason == _MISSING_SOURCE else reject.text)
        if key not in seen:
            seen[key] = len(out)
            out.append(reject)
            named.append([])
        # a unit without the source, a sheet without columns, an XLIFF <file> in other
        # languages: of the input, not of one language's text
        if id(reject) in language_of and reject.reason not in _ABSENT:
            languages = named[seen[key]]
            if language_of[id(reject)] not in languages:
                languages.append(language_of[id(reject)])
    out = [replace(reject, detail="; ".join(filter(None, (", ".join(languages),
                                                         reject.detail))))
           if languages else reject for reject, languages in zip(out, named, strict=True)]
    for (file, line), each in missing.items():
        # one reject per unit: "no fr-FR, de-DE tuv (languages: EN-GB, DA-01): ..."
        langs = [r.text.split(" tuv", 1)[0].removeprefix("no ") for r in each]
        rest = each[0].text.split(" tuv", 1)[1] if " tuv" in each[0].text else ""
        out.append(Reject(file, line, _MISSING_TARGET, f"no {', '.join(langs)} tuv{rest}"))
    return out


def _kept_units(groups: list[MultiUnit], langs: tuple[str, ...], require_all: bool,
                dedupe: str, summary: MultilingualSummary,
                rejects: list[Reject]) -> Iterator[MultiUnit]:
    """The merged units to write: those lacking a language rejected when all are required,
    repeats rejected as ``duplicate`` (``dedupe``: the same languages with the same texts
    and inline codes, as a bilingual build judges them: :func:`~tmx_export.clean.texts_key`)."""
    from .clean import texts_key

    # each translation written, as (language, source and text keys): a unit that adds
    # none (its French and German both in units already, or its French alone where an
    # earlier unit has it beside German) is a duplicate, as each language's own build
    # judges it; a CAT tool's project in any of its languages would get it twice
    seen: set[tuple[str | None, ...]] = set()
    source = langs[0]
    for unit in groups:
        if require_all and len(unit.texts) < len(langs):
            missing = [lang for lang in langs if lang not in unit.texts]
            rejects.append(Reject(unit.file, unit.line, "missing-languages",
                                  f"no {', '.join(missing)}: {unit.texts[langs[0]]}"))
            continue
        if dedupe != "none":
            keys = {(lang, *texts_key([unit.texts[source], text],
                                      [unit.markup.get(source), unit.markup.get(lang)],
                                      dedupe))
                    for lang, text in unit.texts.items() if lang != source}
            if keys <= seen:
                summary.duplicates_skipped += 1
                rejects.append(Reject(unit.file, unit.line, "duplicate",
                                      "\t".join(unit.texts.values())))
                continue
            seen.update(keys)
        yield unit


def merge_runs(source: str, runs: list[tuple[str, list[Pair]]],
               variants: Counter[str] | None = None) -> Iterator[MultiUnit]:
    """The units of the bilingual runs (``(target language, units)`` each, the source
    ``source``), merged paragraph by paragraph in the order they were first met.
    ``variants`` counts, by language, the paragraphs (TMX tus) that gave a unit per
    variant of a language."""
    by_paragraph: dict[tuple[str, str, int], dict[str, list[Pair]]] = {}
    for target, units in runs:
        for unit in units:
            # a workbook's sheets number their rows each from 1: row 2 of two sheets is
            # two paragraphs
            key = (unit.file, unit.props.get("x-sheet", ""),
                   unit.paragraph if unit.paragraph is not None else unit.line)
            by_paragraph.setdefault(key, {}).setdefault(target, []).append(unit)
    for per_language in _joined_by_source(list(by_paragraph.values())):
        yield from _merge_paragraph(source, per_language, variants)


def _joined_by_source(groups: list[dict[str, list[Pair]]]) -> list[dict[str, list[Pair]]]:
    """``groups`` (per paragraph: each language's units) with those of one language each
    joined across languages by their source: per-language files of one document
    (``doc.fr.xlf`` and ``doc.de.xlf``, ``fr.po`` and ``de.po``, a table per language)
    share no paragraph, yet their units translate the same source texts, and a memory in
    several languages is one unit per source segment (OmegaT fills a French segment from a
    unit without French with its other language). The k-th unit of a language with a
    source text (and PO context) joins the k-th of each other language with the same;
    the rest stay as they were. TMX units are not joined: each keeps its own ``tu``'s
    dates, authors and props, which a unit made of two ``tu`` could not."""
    joined: list[dict[str, list[Pair]]] = []
    by_source: dict[tuple[str, str, int], dict[str, list[Pair]]] = {}
    met: Counter[tuple[str, str, str]] = Counter()  # (language, source, context): so far
    for group in groups:
        if len(group) != 1:
            joined.append(group)
            continue
        ((lang, units),) = group.items()
        if any(isinstance(unit, TmxPair) for unit in units):
            joined.append(group)
            continue
        # each unit on its own: one language's units of a paragraph are written one by one
        for unit in units:
            text, context = " ".join(unit.source.split()), unit.props.get("x-context", "")
            key = (text, context, met[(lang, text, context)])
            met[(lang, text, context)] += 1
            if key not in by_source:
                by_source[key] = {}
                joined.append(by_source[key])
            by_source[key][lang] = [unit]
    return joined


def _joined_source(units: list[Pair]) -> str:
    """The source of ``units`` together, without white space (what languages compare)."""
    return "".join("".join(u.source.split()) for u in units)


def _without_variants(per_language: dict[str, list[Pair]]
                      ) -> tuple[dict[str, list[Pair]], list[tuple[str, Pair]]]:
    """Each language's units without those that repeat the source of the unit before
    them (another translation of the same source, a TMX variant), and those, in order."""
    main: dict[str, list[Pair]] = {}
    variants: list[tuple[str, Pair]] = []
    for lang, units in per_language.items():
        kept = main[lang] = []
        for unit in units:
            if kept and " ".join(unit.source.split()) == " ".join(kept[-1].source.split()):
                variants.append((lang, unit))
            else:
                kept.append(unit)
    return main, variants


def _merge_paragraph(source: str, per_language: dict[str, list[Pair]],
                     variants_met: Counter[str] | None = None) -> Iterator[MultiUnit]:
    """One paragraph's units in every language, cut where all languages' beads end;
    ``variants_met`` (by language) counts it when it gives a unit per variant."""
    sources = {lang: _joined_source(units) for lang, units in per_language.items()}
    if len(set(sources.values())) > 1:
        main, variants = _without_variants(per_language)
        if variants and len({_joined_source(units) for units in main.values()}) == 1:
            # a TMX unit with two tuvs of one language (variants): the first merged with
            # the other languages, each further one a unit of its own beside it
            yield from _merge_paragraph(source, main)
            if variants_met is not None:
                # a TMX tu's variants (not a sentence a paragraph repeats)
                variants_met.update({lang for lang, unit in variants
                                     if isinstance(unit, TmxPair)})
            for lang, unit in variants:
                yield _unit(source, unit, {lang: [unit]})
            return
        # The languages disagree on the source (cleaning removed a unit in one): each
        # language's units on their own rather than a guess.
        for lang, units in per_language.items():
            for unit in units:
                yield _unit(source, unit, {lang: [unit]})
        return
    ends: dict[str, dict[int, int]] = {}  # language -> source offset -> index of its unit
    for lang, units in per_language.items():
        offset = 0
        ends[lang] = {}
        for index, unit in enumerate(units):
            offset += len("".join(unit.source.split()))
            ends[lang][offset] = index
    common = sorted(set.intersection(*(set(e) for e in ends.values())))
    starts = dict.fromkeys(per_language, 0)
    for cut in common:
        group = {}
        for lang, units in per_language.items():
            stop = ends[lang][cut] + 1
            group[lang] = units[starts[lang]:stop]
            starts[lang] = stop
        first_lang = next(iter(group))
        yield _unit(source, group[first_lang][0], group)


def _unit(source: str, first: Pair, group: dict[str, list[Pair]]) -> MultiUnit:
    """The memory's unit made of the units in ``group`` (per language, consecutive, covering
    the same source text): the source text once, each language's texts joined, their notes
    once each (a bilingual build writes them: `build --langs` dropped an XLIFF unit's
    notes and a table row's comments)."""
    some = next(iter(group.values()))
    texts = {source: " ".join(u.source for u in some)}
    markup = {}
    if len(some) == 1 and some[0].source_markup is not None:
        markup[source] = some[0].source_markup
    for lang, units in group.items():
        texts[lang] = " ".join(u.target for u in units)
        if len(units) == 1 and units[0].target_markup is not None:
            markup[lang] = units[0].target_markup
    kinds = {u.segtype for units in group.values() for u in units}
    # several sentences in one language (a "2-1" bead) make the unit a paragraph
    segtype = "paragraph" if "paragraph" in kinds else kinds.pop() if len(kinds) == 1 else None
    parts = [u for units in group.values() for u in units]
    # each language's notes once (an XLIFF unit's, a table row's "Comments"): the same
    # reviewer's comment in every language's run is one note
    notes = tuple(dict.fromkeys(note for part in parts for note in part.notes))
    unit = MultiUnit(texts, file=first.file, line=first.line, paragraph=first.paragraph,
                     props=dict(first.props), markup=markup, segtype=segtype, parts=parts,
                     notes=notes)
    tmx_pairs = {lang: units[0] for lang, units in group.items()
                 if len(units) == 1 and isinstance(units[0], TmxPair)}
    if len(tmx_pairs) == len(group) and len({(p.file, p.line) for p in tmx_pairs.values()}) == 1:
        _keep_tmx_metadata(unit, source, tmx_pairs)
    return unit


def _keep_tmx_metadata(unit: MultiUnit, source: str, pairs: dict[str, TmxPair]) -> None:
    """Give ``unit``, made of one TMX ``tu`` (``pairs``: its pair in each language), what a
    bilingual build keeps of it: a translator's dates, authors, usage, props and notes
    must survive a rebuild. The tu and source tuv are the same in every pair."""
    first = next(iter(pairs.values()))
    unit.attrs, unit.notes = first.attrs, first.notes
    unit.extra_props, unit.file_tuid = first.extra_props, first.file_tuid
    unit.tuv_attrs = {source: first.source_attrs,
                      **{lang: pair.target_attrs for lang, pair in pairs.items()}}
    unit.tuv_meta = {source: first.source_meta,
                     **{lang: pair.target_meta for lang, pair in pairs.items()}}
