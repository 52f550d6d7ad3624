"""Reading dumps: decode -> repair -> pair.

A dump holds, per pair, the stream ``"N. <source paragraph> N. <target paragraph>"`` (or the
two paragraphs without numbers), cut into lines at arbitrary characters. A continuation line
may start with the fold marker ``...[+++]``; nothing is lost at a fold. Each pair starts on a
new line. :func:`read_dump` decodes the file (:mod:`tmx_export.formats.text`), undoes the
cuts (:mod:`.repair`) and finds the paragraph pairs (:mod:`.pairing`).
"""

from __future__ import annotations

from pathlib import Path

from ..formats.text import STDIN_NAME, read_text
from ..lang import primary
from ..model import ReadResult, ReadStream, Reject
from .pairing import iter_pairs
from .repair import build_stream


def read_dump(
    path: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    text: str | None = None,
) -> ReadResult:
    """Read the paragraph pairs of the dump at ``path`` (``"-"`` for standard input).

    ``text`` reads that text instead of the file (``path`` then only names it). Pairs get
    ``source_lang``/``target_lang`` whatever order the dump holds them in; what does not
    pair cleanly is returned in ``rejects`` with a reason. Raises
    :class:`~tmx_export.errors.InputError` for a file that cannot be read as text.
    """
    opened = open_dump(path, source_lang=source_lang, target_lang=target_lang, text=text)
    result = ReadResult(repairs=opened.repairs)
    for item in opened.items:
        if isinstance(item, Reject):
            result.rejects.append(item)
        else:
            result.pairs.append(item)
    return result


def open_dump(
    path: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    text: str | None = None,
) -> ReadStream:
    """:func:`read_dump` as a stream: the file is decoded and repaired now, and its pairs
    and rejects are found one by one, in the order of the file, as they are taken (the
    stages after pairing may start on the first pairs while the rest are checked)."""
    name = STDIN_NAME if str(path) == "-" else str(path)
    stream = build_stream(read_text(path) if text is None else text,
                          (primary(source_lang), primary(target_lang)))
    # the decoded text is not kept while pairing: the stream holds all of it
    return ReadStream(iter_pairs(stream, name, source_lang, target_lang), stream.repairs)
