"""Check (in parts): a large TMX file cut into runs of units, checked on every core at once.

A TMX file large enough (:data:`~tmx_export.formats.tmx.SPLIT_MIN_BYTES`) is cut between
two units (:func:`~tmx_export.formats.tmx.split_tmx`), one part per job. This process
reads the first part and gives its units one by one, as from a file read whole; meanwhile
a forked worker per other part reads that part and runs on each of its units the checks
that need no other unit (the unit checks, the term checks and what consistency compares
of a unit: ``precheck``), and puts the units with their findings aside in a temporary
file, a batch of units at a time. Once the first part is done, the units of each other part
come in file order from that file, in batches (:class:`Prechecked`), taken as soon as they
are written, and only the memory-wide consistency checks are left to run on them
(run.check_units): the same findings in the same order as from one process. A batch holds
its units as columns (texts, lines, tuids, consistency's keys) and the findings of the
few units that have any, so that a unit with nothing to report costs almost nothing to
hand over: no unit is made here but for a finding. The first part is the smaller
(:data:`FIRST_SHARE`): this process also runs the consistency checks of every part.
Memory stays flat: a part waiting for its turn is on disk, not in memory.

A part that cannot be read (a cut that turned out not to lie between two units, a file
broken there) is given up with the parts after it, and the file is read again from its
start in this process, the units already given skipped: the error the file gives, if any,
is its own, at its true line, after the findings of the units before it.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import tempfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, InternalError, temporary_file_error, worker_started
from ..formats.text import input_name
from ..model import Pair
from .model import Finding, LeftOut, finding

if TYPE_CHECKING:
    from ..formats.tmx import TmxPart
    from .consistency import Consistency, Key
    from .tus import Reading

# The share of the file the first part (read here) gets: this process also runs the
# consistency checks of the whole file, about a fifth of the other checks' cost, but only
# their comparisons for the other parts (a worker works out what they compare of its
# units). Measured as each process's processor time on 2 cores (100,000 synthetic units
# and a 1,000-term glossary): at 0.42 the worker took 0.4-0.8 s more than this process,
# which then waited for it; at 0.46 the two are within 0.1 s (without terms a little more
# here, on real text a little more in the worker).
FIRST_SHARE = 0.46

# A finding as a worker hands it on: (check, severity, item, expected)
Row = tuple[str, str, str, str]
# What the checks that need no other unit make of one unit: the findings of the unit
# checks, those of the term checks (their order in a unit's findings puts consistency's
# between them), and what consistency compares of it (Consistency.key)
Prechecks = tuple[list[Row], list[Row], "Key | None"]
# ... of each of a batch of units
Precheck = Callable[[list[Pair]], list[Prechecks]]


class Prechecked:
    """Units read in a part of their own, a batch of them in file order, as columns: their
    texts, lines and tuids, what consistency compares of each (``keys``, see
    :meth:`.consistency.Consistency.key`), and the findings of its unit checks and term
    checks for the units that have any (``found``: index -> (unit rows, term rows))."""

    __slots__ = ("file", "source_lang", "target_lang", "sources", "targets", "lines", "tuids",
                 "keys", "found")

    def __init__(self, file: str, source_lang: str, target_lang: str, columns: _Columns
                 ) -> None:
        self.file, self.source_lang, self.target_lang = file, source_lang, target_lang
        self.sources, self.targets, self.lines, self.tuids, self.keys, self.found = columns

    def __len__(self) -> int:
        return len(self.sources)

    def unit(self, index: int) -> Pair:
        """The unit at ``index``, as a finding names it (no markup: no finding needs it)."""
        return Pair(self.sources[index], self.targets[index], self.source_lang,
                    self.target_lang, file=self.file, line=self.lines[index],
                    tuid=self.tuids[index])

    def findings(self, consistency: Consistency | None) -> list[Finding]:
        """The findings of the batch's units, unit after unit, each unit's in the order one
        process gives them: its unit checks', consistency's (run here, on every unit in
        turn), its term checks'."""
        found, keys = self.found, self.keys
        if consistency is None:
            at = sorted(found)
        else:
            # the units that consistency compares (most) or that have findings
            at = [index for index, key in enumerate(keys) if key is not None or index in found]
            compare = consistency.compare
            sources, targets, tuids = self.sources, self.targets, self.tuids
        findings: list[Finding] = []
        for index in at:
            differ = None
            if consistency is not None and keys[index] is not None:
                differ = compare(keys[index], tuids[index], sources[index], targets[index],
                                 self.file)
            rows = found.get(index)
            if rows is None and differ is None:
                continue
            unit = self.unit(index)
            if rows is not None:
                findings += [finding(unit, c, i, e, s) for c, s, i, e in rows[0]]
            if differ is not None:
                findings += [finding(unit, *row) for row in differ]
            if rows is not None:
                findings += [finding(unit, c, i, e, s) for c, s, i, e in rows[1]]
        return findings


# A batch of prechecked units as a worker puts it aside (see Prechecked): sources,
# targets, lines, tuids (None: the unit has none, numbered here), keys, found
_Columns = tuple[list[str], list[str], list[int], "list[str | None]", "list[Key | None]",
                 "dict[int, tuple[list[Row], list[Row]]]"]


@dataclass(slots=True)
class InParts:
    """How a check may read a large TMX file: cut into ``jobs`` parts, the first
    ``first_share`` of it, the units of each part but the first given in
    :class:`Prechecked` batches, with the findings of ``precheck`` worked out in a process of its
    own. :func:`~.read.memory_units` sets ``used`` when it cuts the files so (else every
    unit comes unchecked)."""

    jobs: int
    precheck: Precheck
    first_share: float = FIRST_SHARE
    used: bool = False

    def units(self, reading: Reading, name: str, parts: list[TmxPart]
              ) -> Generator[Pair | Prechecked, None, tuple[int, int]]:
        """The units of the file ``name`` cut into ``parts`` (see :func:`units_in_parts`)."""
        return units_in_parts(reading, name, parts, self.precheck)


def rows(findings: list[Finding]) -> list[Row]:
    """What a worker hands on of ``findings`` (the unit they are about goes beside)."""
    return [(f.check, f.severity, f.item, f.expected) for f in findings]


def units_in_parts(reading: Reading, name: str, parts: list[TmxPart],
                   precheck: Precheck) -> Generator[Pair | Prechecked, None, tuple[int, int]]:
    """The units of the file ``name`` cut into ``parts``: those of the first as they are
    read here, those of the others in batches with their prechecks; returns the pairs read
    and left out, as :meth:`Reading.units` does."""
    workers: list[_Worker] = []
    start = reading.numbered
    given = 0  # units of the file given so far
    own = LeftOut()  # what the parts left out, told once every part was read
    counts = [0, 0]  # pairs read and left out in the parts
    try:
        workers.extend(_Worker(name, part, reading, precheck) for part in parts[1:])
        try:
            first = reading.units(name, part=parts[0], left_out=own)
            while True:
                unit = next(first)
                given += 1
                yield unit
        except StopIteration as done:
            counts[0], counts[1] = done.value
        except InputError:
            return (yield from _again(reading, name, start, given))
        for worker in workers:
            # its units as it puts them aside: those before a failure are units of the
            # file (the parts before it were read, so it starts between two units)
            for columns in worker.units():
                batch = Prechecked(input_name(name), reading.source_lang, reading.target_lang,
                                   columns)
                reading.number_all(batch.tuids)
                given += len(batch)
                yield batch
            if not worker.read_all(own, counts):
                return (yield from _again(reading, name, start, given))
    finally:
        for worker in workers:
            worker.close()
    if reading.left_out is not None:
        reading.left_out.update(own)
    return counts[0], counts[1]


def _again(reading: Reading, name: str, start: int, given: int
           ) -> Generator[Pair, None, tuple[int, int]]:
    """The file read whole from its start, but for the ``given`` units given already."""
    reading.numbered = start
    return (yield from reading.units(name, skip=given))


class _Worker:
    """A forked process that reads one part and prechecks its units, putting them aside
    in a temporary file as it goes, record after record (:func:`_put`), where this process
    takes them (:meth:`units`) as soon as they are there."""

    def __init__(self, name: str, part: TmxPart, reading: Reading,
                 precheck: Precheck) -> None:
        import multiprocessing

        try:
            self.spool = tempfile.TemporaryFile(prefix="tmx-export-check-")
        except OSError as exc:
            raise temporary_file_error(exc) from None
        # what this process has buffered would be written twice by the fork
        sys.stdout.flush()
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        self.said, told = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_serve, daemon=True, name="tmx-export check",
            args=(name, part, reading.source_lang, reading.target_lang,
                  reading.untranslated, precheck, self.spool, told))
        self.process.start()
        told.close()
        self._at = 0  # where the next record begins in the spool
        self._word: str | None = None
        self._counts: tuple[int, int, LeftOut] | None = None

    def units(self) -> Generator[_Columns, None, None]:
        """The batches of units the worker put aside, with their prechecks, in order,
        until its counts (it read its part) or its end without them."""
        while True:
            record = self._record()
            if record is None:
                return
            kind, content = record
            if kind == "counts":
                self._counts = content
                return
            yield content

    def read_all(self, left_out: LeftOut, counts: list[int]) -> bool:
        """Whether the worker read its whole part (its counts then go to ``left_out`` and
        ``counts``); ``False`` when the part could not be read. A failure of the worker
        itself (a bug) is an error."""
        word = self._last_word()
        if word == _UNREADABLE:
            return False
        if word != _DONE or self._counts is None:
            raise InternalError(f"internal error in the checks' worker process: {word}")
        read, dropped, told = self._counts
        counts[0] += read
        counts[1] += dropped
        left_out.update(told)
        return True

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.said.close()
        self.spool.close()

    def _record(self) -> Any:
        """The next record, once the worker has written it whole; ``None`` when the
        worker ended without writing another."""
        size = self._bytes(_SIZE.size)
        if size is None:
            return None
        data = self._bytes(_SIZE.unpack(size)[0])
        if data is None:
            return None
        return pickle.loads(data)

    def _bytes(self, count: int) -> bytes | None:
        """The next ``count`` bytes of the spool, waiting until the worker has written
        them; ``None`` when it ended first. Read at their place (``os.pread``): the
        spool's file position is the worker's, which writes it."""
        fd = self.spool.fileno()
        while True:
            data = os.pread(fd, count, self._at)
            if len(data) == count:
                self._at += count
                return data
            if self._word is not None or self.said.poll(_WAIT_SECONDS):
                # it said its last word after writing all it wrote: read once more
                self._last_word()
                data = os.pread(fd, count, self._at)
                if len(data) == count:
                    self._at += count
                    return data
                return None

    def _last_word(self) -> str:
        """What the worker said at its end (waiting for it)."""
        if self._word is None:
            try:
                self._word = self.said.recv()
            except EOFError:  # it ended without a word: killed
                self.process.join()
                raise InternalError("internal error: the checks' worker process ended (exit "
                                    f"status {self.process.exitcode})") from None
            self.process.join()
        return self._word


# A worker's last word: its part read and prechecked, or its part not readable (a cut
# that was not between two units, or a file broken there); else the error it met.
_DONE, _UNREADABLE = "done", "unreadable"
# How long this process waits for more of a worker's records before it looks again.
_WAIT_SECONDS = 0.01
# The size of a record in the spool, before it: 8 bytes, little-endian
_SIZE = struct.Struct("<Q")


def _put(spool: IO[bytes], record: object) -> None:
    """Write one record to ``spool`` whole (its size, then its pickle) and flush it: the
    reader takes a record once all of its bytes are there."""
    data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
    spool.write(_SIZE.pack(len(data)))
    spool.write(data)
    spool.flush()


# Units a worker pickles at a time: few enough to keep both processes' memory flat.
_BATCH = 500


def _serve(name: str, part: TmxPart, source_lang: str,
           target_lang: str, untranslated: bool, precheck: Precheck,
           spool: IO[bytes], told: Any) -> None:
    """The worker: the units of ``part`` with their prechecks into ``spool``, then its
    counts; its last word to ``told`` says how it went."""
    from ..formats.tmx import lines_before_offset
    from .tus import unit_batches

    worker_started()
    left_out = LeftOut()
    read = dropped = 0
    # the lines of the file before the part (what makes its lines the file's): counted
    # here, beside the reading of the first part rather than before it
    lines_before = lines_before_offset(name, part.start)
    units: list[Pair] = []
    checked: list[Prechecks] = []
    try:
        for batch, batch_read, batch_dropped in unit_batches(
                name, source_lang, target_lang, _BATCH, left_out, untranslated, part=part,
                lines_before=lines_before):
            read += batch_read
            dropped += batch_dropped
            units += batch
            if batch:
                checked += precheck(batch)
            if len(units) >= _BATCH:
                _put(spool, ("units", _columns(units, checked)))
                units, checked = [], []
        if units:
            _put(spool, ("units", _columns(units, checked)))
        _put(spool, ("counts", (read, dropped, left_out)))
    except (InputError, OSError):
        # its part could not be read, or put aside (a full disk): this process reads the
        # file whole instead, and meets any error of the file itself
        told.send(_UNREADABLE)
    except Exception as exc:  # told to the parent, which raises it
        told.send(f"{type(exc).__name__}: {exc}")
    else:
        told.send(_DONE)


def _columns(units: list[Pair], checked: list[Prechecks]) -> _Columns:
    """A batch of prechecked units as the worker puts it aside."""
    return ([unit.source for unit in units], [unit.target for unit in units],
            [unit.line for unit in units], [unit.tuid for unit in units],  # type: ignore[misc]
            [prechecks[2] for prechecks in checked],
            {index: (local, terms) for index, (local, terms, _) in enumerate(checked)
             if local or terms})
