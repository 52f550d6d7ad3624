"""The rejects report: everything that did not become a unit, and why.

A TSV with the header ``file  line  reason  text``, one reject per line, fields escaped as
in :mod:`tmx_export.formats.tsv` (a rejected chunk of a dump often spans lines; escaped, it
still takes one row). Sorting or filtering by reason is then a ``sort``/``grep`` away.

The report holds text from the inputs, and its readers open it in a spreadsheet, which
takes a cell starting with ``=``, ``+``, ``-`` or ``@`` for a formula (one that may fetch a
URL, or in old Excel run a command). So a field that would start a formula is written with
a ``'`` in front, and :func:`read_rejects` takes exactly that ``'`` off again
(:func:`tmx_export.formats.text.neutralise_cell` and ``restore_cell``, which say the rule).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Reject
from .text import atomic_output, neutralise_cell, read_text, restore_cell, writing_stdout
from .tsv import escape_field, records, text_output, unescape_field

REJECT_COLUMNS = ("file", "line", "reason", "text")
REJECTS_HEADER = "\t".join(REJECT_COLUMNS) + "\n"

def format_reject(reject: Reject) -> str:
    """One line of the report (tabs and line breaks in the fields escaped, and a field that
    a spreadsheet would take for a formula behind a ``'``)."""
    fields = (reject.file, str(reject.line), reject.reported_reason, reject.text)
    return "\t".join(neutralise_cell(escape_field(field)) for field in fields) + "\n"


def write_rejects(rejects: Iterable[Reject], target: str | Path | IO[str]) -> int:
    """Write ``rejects`` to ``target`` (path, ``"-"`` or text handle); return how many."""
    count = 0
    with text_output(target) as out:
        out.write(REJECTS_HEADER)
        for reject in rejects:
            out.write(format_reject(reject))
            count += 1
    return count


@contextmanager
def rejects_output(path: str | Path) -> Iterator[IO[str]]:
    """The report's handle: a file written atomically, or for ``"-"`` standard output,
    which gets the report only when the run succeeded (it is held in a temporary file
    until then), so a failed run prints no partial report, as it leaves no partial file."""
    if str(path) != "-":
        with atomic_output(path, "w") as handle:
            yield handle
        return
    import shutil  # only here: a run loads no module it does not use (startup time)
    import tempfile

    with tempfile.TemporaryFile("w+", encoding="utf-8") as held:
        yield held
        held.seek(0)
        with writing_stdout():
            shutil.copyfileobj(held, sys.stdout)
            sys.stdout.flush()


class RejectLog:
    """The rejects of a run as they come: counted by reason, and kept in memory (``keep``)
    or, with a ``report`` open, written to it at once, so memory does not grow with them."""

    def __init__(self, report: IO[str] | None = None, keep: bool = True) -> None:
        self.counts: Counter[str] = Counter()
        # the languages of the units rejected for lacking one of the pair (as written)
        self.languages: Counter[str] = Counter()
        self._kept: list[Reject] = []
        self._report = report
        self._keep = keep and report is None
        self.listener: Callable[[Reject], None] | None = None  # told of each reject
        if report is not None:
            report.write(REJECTS_HEADER)

    def append(self, reject: Reject) -> None:
        self.counts[reject.reason] += 1
        if reject.languages:
            self.languages.update(reject.languages)
        if self.listener is not None:
            self.listener(reject)
        if self._report is not None:
            self._report.write(format_reject(reject))
        elif self._keep:
            self._kept.append(reject)

    def extend(self, rejects: Iterable[Reject]) -> None:
        for reject in rejects:
            self.append(reject)

    def __iter__(self) -> Iterator[Reject]:
        """The rejects kept in memory (none when they went to a report)."""
        return iter(self._kept)

    def __len__(self) -> int:
        return sum(self.counts.values())


def read_rejects(path: str | Path) -> list[Reject]:
    """Read a report written by :func:`write_rejects`."""
    name = str(path)
    lines = records(read_text(path))
    if tuple(lines[0].split("\t")) != REJECT_COLUMNS:
        raise InputError(name, "not a rejects report (header: file, line, reason, text)", 1)
    rejects: list[Reject] = []
    for number, line in enumerate(lines[1:], 2):
        if not line:
            continue
        fields = [unescape_field(restore_cell(field)) for field in line.split("\t")]
        if len(fields) != len(REJECT_COLUMNS) or not fields[1].isdigit():
            raise InputError(name, "expected file, line number, reason and text", number)
        rejects.append(Reject(fields[0], int(fields[1]), fields[2], fields[3]))
    return rejects
