"""One pass of checks over a memory: the library side of ``tmx-export check``.

The units are those :func:`tmx_export.pipeline.stream_units` reads, streamed, so memory
stays flat in the memory's size: from a TMX, XLIFF, PO or table, every unit as it is (no
cleaning, no dedupe: a check must see what a CAT tool would be offered) under the input's
own ``tuid``; from dumps and parallel files, the units ``build`` would write, with the
``tuid`` they get in its TMX. TMX files are read directly (:func:`.read.memory_units`: the
same units without the pipeline's work). Each unit goes through the checks of one unit
(:mod:`.rules`), the memory-wide consistency checks (:mod:`.consistency`) and, with a
termbase or glossary, the term checks (:mod:`.terms`); findings a reviewer accepted before
(``accept``) are left out; the rest go to the report as they come. A large TMX file is
read in parts, each but the first checked in a process of its own (:mod:`.parts`); on
another large memory the term checks (without terms: the consistency checks) run in a
second process beside the others (:func:`.worker.checked_in_two`). Either way, the same
findings in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cores import usable_cores
from ..errors import InputError
from ..formats.text import STDIN_NAME
from ..inputs import (
    UNIT_FORMATS,
    Inputs,
    ParallelInput,
    check_outputs,
    declared_pair,
    detect_format,
    format_of,
    gather_inputs,
    input_list,
    many_languages,
)
from ..model import NO_CLEANING, BuildOptions, Pair, Progress, Say, name_set, path_tuple
from .model import CHECKS, SEVERITIES, AcceptKey, Finding, LeftOut, TermEntry, is_accepted
from .parts import InParts, Prechecked, Prechecks, rows
from .read import memory_units
from .worker import can_fork, checked_in_two

if TYPE_CHECKING:  # the report module (and its HTML templating) only when a run reads one
    from .report import Decisions

FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What ``tmx-export check`` was asked for.

    ``checks`` the checks to run (names of :data:`~tmx_export.check.model.CHECKS`);
    ``terms`` a termbase, TBX or glossary for the term checks; ``accept`` reviewed
    findings reports (one a round of review, oldest first) whose ``ok`` and ``false
    alarm`` decisions are not reported again, a later file's decision over an earlier's;
    ``fail_on`` the least severity that makes the run fail (``never``: it never does);
    ``french_spaces`` whether French targets need a space before ; : ! ? and inside « »
    (French typography; some clients and DGT-TM write none); ``languages_from_memory``
    (the user named no language): the languages the memories declare, when they all
    declare the same pair (:func:`tmx_export.inputs.declared_pair`), rather than
    ``source_lang`` and ``target_lang``. ``jobs``: the processes a check may use (a large
    TMX file is read in that many parts at once, see :mod:`.parts`; else one more process
    takes half the checks); 1 checks in this process alone.
    """

    source_lang: str = "en-GB"
    target_lang: str = "fr-FR"
    languages_from_memory: bool = False
    input_format: str | None = None
    checks: frozenset[str] = frozenset(CHECKS)
    terms: str | None = None
    accept: tuple[str, ...] = ()
    fail_on: str = "error"
    french_spaces: bool = True
    jobs: int = field(default_factory=usable_cores)

    def __post_init__(self) -> None:
        # a list, or one named alone, as the frozen types they are (model.name_set)
        object.__setattr__(self, "accept", path_tuple(self.accept))
        object.__setattr__(self, "checks", name_set(self.checks))
        unknown = set(self.checks) - set(CHECKS)
        if unknown:
            raise ValueError(f"unknown check(s) {', '.join(sorted(unknown))}; known: "
                             f"{', '.join(CHECKS)}")
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"--fail-on must be one of {', '.join(FAIL_ON)}")

    @classmethod
    def choosing(cls, only: Sequence[str] = (), skip: Sequence[str] = (),
                 **fields: object) -> CheckOptions:
        """Options running the checks named in ``only`` (all when empty) but not those in
        ``skip`` (names may be comma-separated)."""
        def names(values: Sequence[str]) -> set[str]:
            return {n.strip() for v in values for n in v.split(",") if n.strip()}

        if only and not names(only):  # --checks "" names none: not "all"
            raise ValueError("--checks names no check; known: " + ", ".join(CHECKS))
        chosen = names(only) or set(CHECKS)
        unknown = (chosen | names(skip)) - set(CHECKS)
        if unknown:
            raise ValueError(f"unknown check(s) {', '.join(sorted(unknown))}; known: "
                             f"{', '.join(CHECKS)}")
        if not chosen - names(skip):
            # a gate that checks nothing would pass every memory
            raise ValueError("--checks and --skip leave no check to run")
        return cls(checks=frozenset(chosen - names(skip)), **fields)  # type: ignore[arg-type]


@dataclass(slots=True)
class CheckSummary:
    """What a check run found: units checked, findings by check and by severity, findings
    left out because a reviewer accepted them, and whether the run fails."""

    units: int = 0
    by_check: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    accepted: int = 0
    # the findings the reviewer accepted in the --accept file (ok, false alarm), matched or not
    decisions: int = 0
    # findings the --accept file marks "fix" that this run found again (not fixed yet)
    still_to_fix: int = 0
    fail_on: str = "error"
    # the pair the memories declared, when it was taken from them (languages_from_memory)
    declared: tuple[str, str] | None = None
    # a memory of more than two languages, how many, and the pair taken from it: the user
    # named no language, so the default one, which the summary says
    defaulted: tuple[str, int, str, str] | None = None
    # units read but not checked, by the reason the reader gives (a tu without the pair)
    left_out: Counter[str] = field(default_factory=Counter)
    # texts read by their language part as the language asked: (held, asked) -> count
    relabelled: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def findings(self) -> int:
        return sum(self.by_check.values())

    @property
    def failed(self) -> bool:
        if self.fail_on == "never":
            return False
        worst = SEVERITIES.index(self.fail_on)
        return any(self.by_severity[s] for s in SEVERITIES[: worst + 1])


def check_units(units: Iterator[Pair | Prechecked], options: CheckOptions,
                emit: Callable[[Finding], None], *,
                term_entries: list[TermEntry] | None = None,
                checkers: Checkers | None = None) -> CheckSummary:
    """Run the checks over ``units``; each finding not accepted goes to ``emit``. The term
    checks use ``term_entries`` when given, else the file ``options.terms`` names; or
    ``checkers``, made before (:func:`make_checkers`). A :class:`~.parts.Prechecked` batch
    of units only needs the consistency checks (the others ran where it was read)."""
    if checkers is None:
        checkers = make_checkers(options, term_entries)
    unit_checks, consistency, terms = checkers.units, checkers.consistency, checkers.terms
    decisions = _decisions(options.accept)
    accepted, to_fix = decisions.accepted, decisions.to_fix
    summary = CheckSummary(fail_on=options.fail_on, decisions=len(accepted))

    # What a worker process takes (see _checked): the term checks when there are terms,
    # which cost about as much as reading the memory, its unit checks and its consistency
    # checks together; else the consistency checks. A unit's findings come in the same
    # order either way: its unit checks', then its consistency findings, then its terms'.
    local_consistency = consistency if terms is not None else None
    remote_consistency = consistency if terms is None else None

    def local(batch: list[Any]) -> list[list[Finding]]:
        """The findings of the checks of one unit (and of consistency, with terms), of
        each unit of ``batch`` (see _batches: a Prechecked batch comes alone)."""
        if type(batch[0]) is Prechecked:
            return [batch[0].findings(consistency)]
        found = unit_checks(batch)
        if local_consistency is not None:
            add = local_consistency.add
            for unit, unit_found in zip(batch, found, strict=True):
                unit_found.extend(add(unit))
        return found

    def remote(batch: list[Any]) -> list[list[Finding]]:
        """The term findings, else the consistency ones (which a worker process may give),
        of each unit of ``batch``."""
        if type(batch[0]) is Prechecked:
            return [[]]
        if remote_consistency is not None:
            return list(map(remote_consistency.add, batch))
        if terms is not None:
            return list(map(terms.check, batch))
        return [[] for _ in batch]

    def parallel() -> bool:
        # not while a file is read in parts: those already keep every core busy
        parted = checkers.in_parts is not None and checkers.in_parts.used
        return (terms is not None or consistency is not None) and not parted and \
            options.jobs > 1

    try:
        for unit, found in _checked(iter(units), local, remote, parallel=parallel):
            summary.units += len(unit) if type(unit) is Prechecked else 1
            for item in found:
                if item.check not in options.checks:
                    continue
                if accepted or to_fix:  # (no key made without)
                    key = item.key()
                    if is_accepted(key, accepted):
                        summary.accepted += 1
                        continue
                    if is_accepted(key, to_fix):
                        # still there: the new report keeps the reviewer's mark
                        item = replace(item, decision="fix")
                        summary.still_to_fix += 1
                summary.by_check[item.check] += 1
                summary.by_severity[item.severity] += 1
                emit(item)
    finally:
        if consistency is not None:
            consistency.close()
    return summary


@dataclass(slots=True)
class Checkers:
    """The checks of a run, made once: those of one unit (a batch of units at a time:
    :func:`.rules.unit_batch_checker`), consistency (``None`` when not asked for), the
    term checks (``None`` without terms). ``in_parts``: whether the memory may be read in
    parts (:class:`~.parts.InParts`), each checked where it is read."""

    units: Callable[[Sequence[Pair]], list[list[Finding]]]
    consistency: Any
    terms: Any
    in_parts: InParts | None = None

    def precheck(self, units: list[Pair]) -> list[Prechecks]:
        """The findings of the checks that need no other unit, as a part's worker gives
        them (see :mod:`.parts`), for each of ``units``."""
        terms = self.terms.check if self.terms is not None else None
        key = self.consistency.key if self.consistency is not None else None
        return [(rows(found), rows(terms(unit)) if terms is not None else [],
                 key(unit) if key is not None else None)
                for unit, found in zip(units, self.units(units), strict=True)]


def make_checkers(options: CheckOptions, term_entries: list[TermEntry] | None = None,
                  *, say: Say = None) -> Checkers:
    """The checks ``options`` ask for, the term checks from ``term_entries`` when given,
    else from the file ``options.terms`` names (what the user should know of it to
    ``say``, :func:`~tmx_export.check.terms.load_terms`)."""
    from .consistency import Consistency
    from .rules import unit_batch_checker

    unit_checks = unit_batch_checker(options.checks, french_spaces=options.french_spaces)
    consistency = Consistency() if options.checks & {"inconsistent-target",
                                                     "inconsistent-source"} else None
    return Checkers(unit_checks, consistency, _term_checker(options, term_entries, say))


# Units checked in one process before a worker process takes half the checks of the
# rest (see checked_in_two): a small memory is done before a process would have started.
PARALLEL_AFTER = 2_000
# Units checked at a time (see _batches): as many as the readers hand on at a time
# (pipeline.CHUNK_PAIRS), so that no unit waits for more to be read than it did.
BATCH = 200


def _checked(units: Iterator[Any], local: _Checks, remote: _Checks, *,
             parallel: Callable[[], bool]) -> Iterator[tuple[Any, list[Finding]]]:
    """Each unit with its findings in order: ``local``'s, then ``remote``'s (each takes a
    batch of units, :func:`_batches`, and gives a list of findings per unit). When
    ``parallel()`` says so after :data:`PARALLEL_AFTER` units, ``remote`` runs in a worker
    process on the rest (:func:`checked_in_two`), where processes can be forked."""
    # (no batch beyond the first PARALLEL_AFTER units: the worker takes the next unit on)
    batches = _batches(units, min(BATCH, PARALLEL_AFTER))
    checked = 0
    for batch in batches:
        yield from _both(batch, local, remote)
        checked += len(batch)
        if checked >= PARALLEL_AFTER:
            break
    else:
        return
    if parallel() and can_fork():
        yield from checked_in_two(batches, local, remote)
        return
    for batch in batches:
        yield from _both(batch, local, remote)


_Checks = Callable[[list[Any]], list[list[Finding]]]


def _both(batch: list[Any], local: _Checks, remote: _Checks
          ) -> Iterator[tuple[Any, list[Finding]]]:
    found = local(batch)
    for unit_found, more in zip(found, remote(batch), strict=True):
        unit_found.extend(more)
    return zip(batch, found, strict=True)


def _batches(units: Iterator[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """``units`` in lists of up to ``size``, a :class:`~.parts.Prechecked` batch in a list
    of its own (the checks take them apart). The checks run a batch at a time, where
    many of their tests cost less over a batch than one unit at a time (see
    :func:`.rules.unit_batch_checker`). A memory found broken gives the units read before
    it first, then its error: they get their findings, as one at a time."""
    batch: list[Any] = []
    try:
        for unit in units:
            if type(unit) is Prechecked:
                if batch:
                    full, batch = batch, []
                    yield full
                yield [unit]
                continue
            batch.append(unit)
            if len(batch) >= size:
                full, batch = batch, []
                yield full
    except Exception:
        if batch:
            full, batch = batch, []
            yield full
        raise
    if batch:
        yield batch


def _one_use_of_stdin(inputs: Sequence[str | Path | ParallelInput],
                      options: CheckOptions) -> None:
    """Refuse standard input named twice among the memories, ``--glossary`` and
    ``--accept``: one stream read as both (`check - --glossary -`) checked the glossary as
    a memory against itself, and passed."""
    uses = [str(given) for given in inputs if str(given) == "-"]
    uses += [name for name in (options.terms, *options.accept) if name == "-"]
    if len(uses) > 1:
        raise InputError(STDIN_NAME, "standard input ('-') can feed one of the memory, "
                         "--glossary and --accept, not two")


def check(inputs: Inputs, options: CheckOptions,
          emit: Callable[[Finding], None], *, progress: Progress | None = None,
          say: Say = None) -> CheckSummary:
    """Read ``inputs`` as :func:`tmx_export.pipeline.stream_units` does (see the module
    documentation for which units) and check them; findings go to ``emit``, what the user
    should know of the glossary (a table read turned round) to ``say``, if given."""
    from ..pipeline import no_unit_in_pair, stream_units

    inputs = input_list(inputs)
    _one_use_of_stdin(inputs, options)
    declared = (declared_pair(inputs, options.input_format, options.source_lang,
                              options.target_lang)
                if options.languages_from_memory else None)
    if declared is not None:
        options = replace(options, source_lang=declared[0], target_lang=declared[1])
    many = (many_languages(inputs, options.input_format, options.source_lang,
                           options.target_lang)
            if options.languages_from_memory and declared is None else None)
    left_out = LeftOut()
    checkers = make_checkers(options, say=say)
    # beside dumps or parallel files (whose units are build's), a memory's units are still
    # checked as it holds them: build's cleaning left an untranslated target out unreported
    build_options = BuildOptions(source_lang=options.source_lang,
                                 target_lang=options.target_lang,
                                 input_format=options.input_format, allow_empty=True,
                                 memories_as_read=True)
    if _memories_only(inputs, build_options):
        # every unit as the memory holds it, under its own tuid
        # drafts (fuzzy) too: a check is for the text as it stands, not what a TM keeps
        build_options = BuildOptions(source_lang=options.source_lang,
                                     target_lang=options.target_lang,
                                     input_format=options.input_format, allow_empty=True,
                                     clean=NO_CLEANING, dedupe="none", renumber=False,
                                     untranslated=True, include_fuzzy=True)
        if options.jobs > 1 and can_fork():
            checkers.in_parts = InParts(options.jobs, checkers.precheck)
        units: Iterator[Pair | Prechecked] = memory_units(
            inputs, build_options, progress, left_out, checkers.in_parts)
    else:
        units = stream_units(inputs, build_options, progress=progress, rejects=left_out.add,
                             relabelled=left_out.relabelled)
    summary = check_units(units, options, emit, checkers=checkers)
    summary.declared = declared
    summary.defaulted = (*many, options.source_lang, options.target_lang) if many else None
    summary.left_out = left_out.reasons
    summary.relabelled = left_out.relabelled
    if summary.units == 0:
        # a check of nothing would pass: as a gate, it must not open without a word
        raise no_unit_in_pair(inputs, "check", options.source_lang, options.target_lang,
                              left_out.languages, left_out.reasons)
    return summary


def check_report_path(inputs: Sequence[str | Path | ParallelInput], options: CheckOptions,
                      report: str | Path) -> None:
    """Refuse, before any work, a report that would replace a file the run reads (a
    memory, the termbase or glossary, the reviewed report of ``accept``: its decisions
    would be lost) or that cannot be written (:func:`tmx_export.inputs.check_outputs`)."""
    read: list[str | Path | ParallelInput] = [*gather_inputs(inputs, pair_files=False)]
    read.extend(path for path in (options.terms, *options.accept) if path)
    check_outputs(read, [report], writable=True)


def _memories_only(inputs: Sequence[str | Path | ParallelInput],
                   options: BuildOptions) -> bool:
    """Whether every input holds translation units already (TMX, XLIFF, PO, tables)."""
    files = gather_inputs(inputs, source_lang=options.source_lang,
                          target_lang=options.target_lang,
                          pair_files=options.input_format is None)
    return all(format_of(f, options.input_format) in UNIT_FORMATS for f in files)


def _term_checker(options: CheckOptions, entries: list[TermEntry] | None,
                  say: Say = None):  # type: ignore[no-untyped-def]
    if not options.checks & TERM_CHECKS:
        return None
    if entries is None and options.terms is None:
        return None
    from .terms import TermChecker, load_terms

    if entries is None:
        entries = load_terms(options.terms, options.source_lang, options.target_lang,
                             say=say)
    if not entries and options.terms is not None:
        raise InputError(options.terms, "no approved or forbidden term pair to check "
                         "against (review the termbase first: terms apply)")
    return TermChecker(entries, options.source_lang, options.target_lang)


TERM_CHECKS = frozenset({"term-missing", "term-forbidden"})
# How a refusal names what a file given to --termbase is (see _format_by_content).
_FORMAT_NAMES = {"tmx": "a TMX memory", "tbx": "a TBX glossary", "tsv": "a TSV table",
                 "pairs-tsv": "a TSV table", "csv": "a CSV table", "xlsx": "an XLSX workbook",
                 "po": "a PO file", "xliff": "an XLIFF file", "dump": "a text file"}


def check_termbase_file(path: str | Path) -> None:
    """Refuse a ``--termbase`` that is no termbase (an SQLite file ``terms --termbase``
    writes), saying what it is: a TMX or a glossary given there by mistake would otherwise
    be read as something else, or refused as "not TBX". A missing file is left to the
    reader, which says so."""
    from .terms import _SQLITE_MAGIC

    file = Path(path)
    if not file.is_file():
        return
    try:
        with file.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return  # the reader says why
    if head == _SQLITE_MAGIC:
        return
    what = _FORMAT_NAMES.get(_format_by_content(file), "a file of no format it reads")
    raise InputError(str(path), f"not a termbase: {what}; --termbase takes the SQLite file "
                     "`tmx-export terms --termbase` writes (a TBX, TSV or CSV glossary goes "
                     "to --glossary)")


def _format_by_content(file: Path) -> str:
    """The format of ``file`` as the readers see it, "tbx" for a TBX (which they refuse),
    else its name's ending ("tbx" for an empty "g.tbx"; "" when that says nothing either)."""
    try:
        if detect_format(file) == "tbx":
            return "tbx"
        return format_of(str(file))
    except (InputError, OSError, ValueError):
        # an empty or unreadable file: its name may still tell what it was meant to be
        return file.suffix.lower().lstrip(".")


def check_terms_given(options: CheckOptions, asked: bool) -> None:
    """Refuse term checks that were asked for (``asked``: named in ``--checks``) with no
    terms to check against: the run would pass having checked nothing."""
    wanted = sorted(options.checks & TERM_CHECKS)
    if asked and wanted and options.terms is None:
        raise ValueError(f"--checks {','.join(wanted)} needs --termbase or --glossary")


def _decisions(paths: Sequence[str]) -> Decisions:
    """The decisions of the reviewed reports ``paths``, oldest first: a finding's decision
    is the last file's that marks it. A report written with ``--accept`` leaves out the
    findings accepted before, so each round's file holds only its own decisions: with one
    file, the first round's were reported again in the third."""
    from .report import Decisions, read_decisions

    accepted: set[AcceptKey] = set()
    to_fix: set[AcceptKey] = set()
    for path in paths:
        decided = read_decisions(path)
        accepted = (accepted - decided.to_fix) | decided.accepted
        to_fix = (to_fix - decided.accepted) | decided.to_fix
    return Decisions(frozenset(accepted), frozenset(to_fix))


__all__ = ["FAIL_ON", "TERM_CHECKS", "CheckOptions", "CheckSummary", "check",
           "check_report_path", "check_termbase_file", "check_terms_given", "check_units"]
