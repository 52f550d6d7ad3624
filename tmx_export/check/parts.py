"""Check (in parts): a large TMX file cut into runs of units, checked on every core at once.

A TMX file large enough (:data:`~tmx_export.formats.tmx.SPLIT_MIN_BYTES`) is cut between
two units (:func:`~tmx_export.formats.tmx.split_tmx`), one part per job. This process
reads the first part and gives its units one by one, as from a file read whole; meanwhile
a forked worker per other part reads that part and runs on each of its units the checks
that need no other unit (the unit checks and the term checks: ``precheck``), and puts the
units with their findings aside in a temporary file. Once the first part is done, the
units of each other part come in file order from that file, as :class:`Prechecked`, and
only the memory-wide consistency checks are left to run on them (run.check_units): the
same findings in the same order as from one process. The first part is the smaller
(:data:`FIRST_SHARE`): this process also runs the consistency checks of every part.
Memory stays flat: a part waiting for its turn is on disk, not in memory.

A part that cannot be read (a cut that turned out not to lie between two units, a file
broken there) is given up with the parts after it, and the file is read again from its
start in this process, the units already given skipped: the error the file gives, if any,
is its own, at its true line, after the findings of the units before it.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..errors import InputError, InternalError
from ..model import Pair
from .model import Finding, LeftOut, finding

if TYPE_CHECKING:
    from ..formats.tmx import TmxPart
    from .consistency import Key
    from .read import _Reading

# The share of the file the first part (read here) gets: this process also runs the
# consistency checks of the whole file, about a fifth of the other checks' cost.
FIRST_SHARE = 0.42

# A finding as a worker hands it on: (check, severity, item, expected)
Row = tuple[str, str, str, str]
# What the checks that need no other unit make of one unit: the findings of the unit
# checks, those of the term checks (their order in a unit's findings puts consistency's
# between them), and what consistency compares of it (Consistency.key)
Prechecks = tuple[list[Row], list[Row], "Key | None"]
Precheck = Callable[[Pair], Prechecks]
# What consistency and a finding need of a unit read in a part: (source, target, line,
# tuid); its file and languages are the run's, its markup no check of the whole file needs
_Unit = tuple[str, str, int, "str | None"]


class Prechecked(NamedTuple):
    """A unit read in a part of its own, with the findings of its unit checks (``local``)
    and of its term checks (``terms``), and its consistency ``key``, worked out there."""

    unit: Pair
    local: list[Finding]
    terms: list[Finding]
    key: Key | None


@dataclass(slots=True)
class InParts:
    """How a check may read a large TMX file: cut into ``jobs`` parts, the first
    ``first_share`` of it, the units of each part but the first given as
    :class:`Prechecked`, with the findings of ``precheck`` worked out in a process of its
    own. :func:`~.read.memory_units` sets ``used`` when it cuts the files so (else every
    unit comes unchecked)."""

    jobs: int
    precheck: Precheck
    first_share: float = FIRST_SHARE
    used: bool = False

    def units(self, reading: _Reading, name: str, parts: list[TmxPart]
              ) -> Generator[Pair | Prechecked, None, tuple[int, int]]:
        """The units of the file ``name`` cut into ``parts`` (see :func:`units_in_parts`)."""
        return units_in_parts(reading, name, parts, self.precheck)


def rows(findings: list[Finding]) -> list[Row]:
    """What a worker hands on of ``findings`` (the unit they are about goes beside)."""
    return [(f.check, f.severity, f.item, f.expected) for f in findings]


def units_in_parts(reading: _Reading, name: str, parts: list[TmxPart],
                   precheck: Precheck) -> Generator[Pair | Prechecked, None, tuple[int, int]]:
    """The units of the file ``name`` cut into ``parts``: those of the first as they are
    read here, those of the others with their prechecks; returns the pairs read and left
    out, as :meth:`_Reading.units` does."""
    from ..formats.tmx import part_lines_before

    lines = part_lines_before(name, parts)
    workers = [_Worker(name, part, lines_before, reading, precheck)
               for part, lines_before in zip(parts[1:], lines[1:], strict=True)]
    start = reading.numbered
    given = 0  # units of the file given so far
    own = LeftOut()  # what the parts left out, told once every part was read
    counts = [0, 0]  # pairs read and left out in the parts
    try:
        try:
            for unit in _first_part(reading, name, parts[0], own, counts):
                given += 1
                yield unit
        except InputError:
            return (yield from _again(reading, name, start, given))
        for worker in workers:
            done = worker.result()
            if done is None:
                return (yield from _again(reading, name, start, given))
            for (source, target, line, tuid), local, terms, key in done.units():
                unit = Pair(source, target, reading.source_lang, reading.target_lang,
                            file=name, line=line, tuid=tuid)  # type: ignore[arg-type]
                reading.number(unit)
                given += 1
                yield Prechecked(unit, [finding(unit, c, i, e, s) for c, s, i, e in local],
                                 [finding(unit, c, i, e, s) for c, s, i, e in terms], key)
            done.add_to(own, counts)
    finally:
        for worker in workers:
            worker.close()
    if reading.left_out is not None:
        reading.left_out.reasons.update(own.reasons)
        reading.left_out.languages.update(own.languages)
    return counts[0], counts[1]


def _first_part(reading: _Reading, name: str, part: TmxPart, left_out: LeftOut,
                counts: list[int]) -> Generator[Pair, None, None]:
    from ..pipeline import CHUNK_PAIRS
    from .read import _batches

    for batch, read, dropped in _batches(name, reading.source_lang, reading.target_lang,
                                         CHUNK_PAIRS, left_out, reading.untranslated,
                                         part=part):
        counts[0] += read
        counts[1] += dropped
        for unit in batch:
            reading.number(unit)
            yield unit


def _again(reading: _Reading, name: str, start: int, given: int
           ) -> Generator[Pair, None, tuple[int, int]]:
    """The file read whole from its start, but for the ``given`` units given already."""
    reading.numbered = start
    return (yield from reading.units(name, skip=given))


class _Done:
    """What a worker put aside for its part: batches of units with their prechecks, then
    its counts (pairs read, left out, and why)."""

    def __init__(self, spool: IO[bytes]) -> None:
        self._spool = spool

    def units(self) -> Generator[tuple[_Unit, list[Row], list[Row], Key | None], None, None]:
        self._spool.seek(0)
        while True:
            batch = pickle.load(self._spool)
            if batch is None:
                return
            yield from batch

    def add_to(self, left_out: LeftOut, counts: list[int]) -> None:
        read, dropped, reasons, languages = pickle.load(self._spool)
        counts[0] += read
        counts[1] += dropped
        left_out.reasons.update(reasons)
        left_out.languages.update(languages)


class _Worker:
    """A forked process that reads one part and prechecks its units into a temporary
    file; :meth:`result` waits for it (``None`` when the part could not be read)."""

    def __init__(self, name: str, part: TmxPart, lines_before: int, reading: _Reading,
                 precheck: Precheck) -> None:
        import multiprocessing

        self.spool = tempfile.TemporaryFile(prefix="tmx-export-check-")
        # what this process has buffered would be written twice by the fork
        sys.stdout.flush()
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        self.said, told = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_serve, daemon=True, name="tmx-export check",
            args=(name, part, lines_before, reading.source_lang, reading.target_lang,
                  reading.untranslated, precheck, self.spool, told))
        self.process.start()
        told.close()

    def result(self) -> _Done | None:
        """What the worker put aside; ``None`` when its part could not be read (the file
        is then read whole). A failure of the worker itself (a bug) is an error."""
        try:
            word = self.said.recv()  # its one word, at its end
        except EOFError:  # it ended without a word: killed
            self.process.join()
            raise InternalError("internal error: the checks' worker process ended (exit "
                                f"status {self.process.exitcode})") from None
        self.process.join()
        if word == _UNREADABLE:
            return None
        if word != _DONE:
            raise InternalError(f"internal error in the checks' worker process: {word}")
        return _Done(self.spool)

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.said.close()
        self.spool.close()


# A worker's last word: its part read and prechecked, or its part not readable (a cut
# that was not between two units, or a file broken there); else the error it met.
_DONE, _UNREADABLE = "done", "unreadable"
# Units a worker pickles at a time: few enough to keep both processes' memory flat.
_BATCH = 500


def _serve(name: str, part: TmxPart, lines_before: int, source_lang: str,
           target_lang: str, untranslated: bool, precheck: Precheck,
           spool: IO[bytes], told: Any) -> None:
    """The worker: the units of ``part`` with their prechecks into ``spool``, then its
    counts; its last word to ``told`` says how it went."""
    import signal

    from .read import _batches

    # Ctrl-C is the parent's to handle (it ends this process when it stops); SIGTERM ends
    # this one at once
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    left_out = LeftOut()
    read = dropped = 0
    pending: list[tuple[_Unit, list[Row], list[Row], Key | None]] = []
    try:
        for batch, batch_read, batch_dropped in _batches(
                name, source_lang, target_lang, _BATCH, left_out, untranslated, part=part,
                lines_before=lines_before):
            read += batch_read
            dropped += batch_dropped
            for unit in batch:
                local, terms, key = precheck(unit)
                pending.append(((unit.source, unit.target, unit.line, unit.tuid), local,
                                terms, key))
            if len(pending) >= _BATCH:
                pickle.dump(pending, spool, pickle.HIGHEST_PROTOCOL)
                pending = []
        pickle.dump(pending, spool, pickle.HIGHEST_PROTOCOL)
        pickle.dump(None, spool)
        pickle.dump((read, dropped, Counter(left_out.reasons), Counter(left_out.languages)),
                    spool, pickle.HIGHEST_PROTOCOL)
        spool.flush()
    except InputError:
        told.send(_UNREADABLE)
    except Exception as exc:  # told to the parent, which raises it
        told.send(f"{type(exc).__name__}: {exc}")
    else:
        told.send(_DONE)

