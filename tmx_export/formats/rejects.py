"""The rejects report: everything that did not become a unit, and why.

A TSV with the header ``file  line  reason  text``, one reject per line, fields escaped as
in :mod:`tmx_export.formats.tsv` (a rejected chunk of a dump often spans lines; escaped, it
still takes one row). Sorting or filtering by reason is then a ``sort``/``grep`` away.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Reject
from ..textio import read_text
from .tsv import escape_field, records, text_output, unescape_field

REJECT_COLUMNS = ("file", "line", "reason", "text")


def write_rejects(rejects: Iterable[Reject], target: str | Path | IO[str]) -> int:
    """Write ``rejects`` to ``target`` (path, ``"-"`` or text handle); return how many."""
    count = 0
    with text_output(target) as out:
        out.write("\t".join(REJECT_COLUMNS) + "\n")
        for reject in rejects:
            fields = (reject.file, str(reject.line), reject.reason, reject.text)
            out.write("\t".join(escape_field(field) for field in fields) + "\n")
            count += 1
    return count


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
        fields = [unescape_field(field) for field in line.split("\t")]
        if len(fields) != len(REJECT_COLUMNS) or not fields[1].isdigit():
            raise InputError(name, "expected file, line number, reason and text", number)
        rejects.append(Reject(fields[0], int(fields[1]), fields[2], fields[3]))
    return rejects
