"""Check (a second process): half the checks of a large memory in a forked worker.

The checks of a unit fall in two kinds of about the same cost (run.check_units chooses:
reading the memory, the checks of one unit and consistency on one side, the term checks on
the other; without terms, consistency is the second kind). So on a large memory
checked_in_two forks one worker that receives the units in batches, runs the second kind
of checks on them in memory order and sends back their findings, while this process reads
the next units and runs the first kind on the same batch. Each unit's findings then go on
in the order one process gives them (the first kind's, then the second's), and units in
memory order. The worker is forked from this process once it has checked the first units:
what the checks remember of them (consistency's hashes, the terms and the words already
tokenised) comes along, so its findings are those this process would make. Memory stays
flat: at most WORKER_AHEAD batches of WORKER_BATCH units are in flight. Where processes
cannot be forked the checks stay here. A unit read before the memory turned out to be
broken still gets its findings before the error is raised, as when one process does
everything.
"""

from __future__ import annotations

import queue
import sys
from collections import deque
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from ..errors import InternalError, worker_started
from ..model import Pair
from .model import Finding, finding

# Units sent to the worker at a time, and batches in flight (sent, their findings not yet
# back): enough to keep both processes busy, few enough to keep memory flat.
WORKER_BATCH = 500
WORKER_AHEAD = 2
# How long to wait for the worker's findings before asking whether it is still alive.
_POLL_SECONDS = 1.0

# (index of the unit in its batch, check, severity, item, expected)
_Row = tuple[int, str, str, str, str]
# What the worker needs of a unit: its texts, languages and where it is (for the tuid
# that consistency findings name)
_Sent = tuple[str, str, str, str, str, int, str | None]
# the checks of a batch of units: the findings of each
_Checks = Callable[[list[Pair]], list[list[Finding]]]


def can_fork() -> bool:
    """Whether a worker can be forked here (POSIX, not Windows)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def checked_in_two(batches: Iterator[list[Pair]], local: _Checks, remote: _Checks
                   ) -> Iterator[tuple[Pair, list[Finding]]]:
    """Each unit of ``batches`` with its findings: ``local``'s (run here) followed by
    ``remote``'s (run in the worker, on the units in order), in memory order. Each takes a
    batch of units and gives the findings of each."""
    units = chain.from_iterable(batches)
    with _Worker(remote) as worker:
        pending: deque[list[tuple[Pair, list[Finding]]]] = deque()
        while True:
            batch: list[Pair] = []
            failure: BaseException | None = None
            try:
                for unit in units:
                    batch.append(unit)
                    if len(batch) == WORKER_BATCH:
                        break
            except Exception as exc:  # a broken memory: the units before it go on first
                failure = exc
            if batch:
                worker.send([(unit.source, unit.target, unit.source_lang, unit.target_lang,
                              unit.file, unit.line, unit.tuid)  # type: ignore[misc]
                             for unit in batch])
                pending.append(list(zip(batch, local(batch), strict=True)))
            while pending and (len(pending) > WORKER_AHEAD or len(batch) < WORKER_BATCH):
                done = pending.popleft()
                for index, name, severity, item, expected in worker.receive():
                    unit, found = done[index]
                    found.append(finding(unit, name, item, expected, severity))
                yield from done
            if failure is not None:
                raise failure
            if len(batch) < WORKER_BATCH:
                return


class _Worker:
    """The forked process, a pipe to it and a queue back.

    Units go down a pipe, written here (a send waits while the worker is busy with
    earlier units, never longer: the worker's findings go back through a queue, whose
    own thread writes them, so the worker never waits for this process). Each side closes
    the other's end of the pipe, so that a worker whose parent is gone (killed) reads the
    end of the pipe and stops rather than waits for units forever."""

    def __init__(self, remote: _Checks) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        jobs_in, self.jobs = context.Pipe(duplex=False)  # the worker's end, this one's
        self.results: Any = context.Queue()
        # what this process has buffered would be written twice by the fork
        sys.stdout.flush()
        sys.stderr.flush()
        self.process = context.Process(target=_serve, daemon=True, name="tmx-export check",
                                       args=(remote, jobs_in, self.jobs, self.results))
        self._jobs_in = jobs_in

    def __enter__(self) -> _Worker:
        self.process.start()
        self._jobs_in.close()  # the worker's end
        return self

    def __exit__(self, kind: object, *exc_info: object) -> None:
        try:
            if kind is None and self.process.is_alive():  # all its findings were read
                self.jobs.send(None)
                self.process.join(timeout=5)
        finally:
            self.jobs.close()
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.results.close()
            self.results.cancel_join_thread()

    def send(self, units: list[_Sent]) -> None:
        try:
            self.jobs.send(units)
        except OSError:  # the worker is gone: say why
            # the findings of batches sent before may come first: the worker's last word
            # (its error, or its end) is behind them, and receive raises when it reads it
            while True:
                self.receive()

    def receive(self) -> list[_Row]:
        while True:
            try:
                answer = self.results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not self.process.is_alive():
                    raise InternalError("internal error: the checks' worker process "
                                       f"ended (exit status {self.process.exitcode})"
                                       ) from None
                continue
            if isinstance(answer, str):
                raise InternalError(f"internal error in the checks' worker process: {answer}")
            return answer  # type: ignore[no-any-return]


def _serve(remote: _Checks, jobs: Any, parents_end: Any, results: Any) -> None:
    """The worker: batches of units in, their ``remote`` findings out, until ``None``
    comes (or the pipe ends: the parent is gone, and nothing would read the findings)."""
    worker_started()
    parents_end.close()
    try:
        while True:
            try:
                units = jobs.recv()
            except EOFError:
                results.cancel_join_thread()  # nobody will read what is left
                return
            if units is None:
                return
            batch = [Pair(source, target, source_lang, target_lang, file=file, line=line,
                          tuid=tuid)  # type: ignore[arg-type]
                     for source, target, source_lang, target_lang, file, line, tuid in units]
            results.put([(index, found.check, found.severity, found.item, found.expected)
                         for index, unit_found in enumerate(remote(batch))
                         for found in unit_found])
    except Exception as exc:  # told to the parent, which raises it
        results.put(f"{type(exc).__name__}: {exc}")
