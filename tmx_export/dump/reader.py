"""Reading dumps: decode -> repair -> pair.

A dump holds, per pair, the stream ``"N. <source paragraph> N. <target paragraph>"`` (or the
two paragraphs without numbers), cut into lines at arbitrary characters. A continuation line
may start with the fold marker ``...[+++]``; nothing is lost at a fold. Each pair starts on a
new line. :func:`read_dump` decodes the file (:mod:`tmx_export.formats.text`), undoes the
cuts (:mod:`.repair`) and finds the paragraph pairs (:mod:`.pairing`).

A large numbered dump is read in parts (:func:`split_dump`), each cut before a numbered
pair and repaired and paired on its own: the work and memory of a part do not grow with the
file, and the parts of one file can be read in parallel processes with the same result as
one after the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..formats.text import STDIN_NAME, read_text
from ..lang import primary
from ..model import ReadResult, ReadStream, Reject
from .pairing import iter_pairs
from .repair import build_stream

# A dump is cut into parts of at least this many characters (about 3,000 pairs of
# Europarl text): each part repairs its line breaks from tens of thousands of others and
# its own vocabulary, as much evidence as the whole file gives (a line break's decision
# needs only its file's cut style and words, both clear well before this).
PART_CHARS = 2_000_000

# A line that opens with a paragraph number: where a numbered pair may start.
_NUMBERED_LINE_RE = re.compile(r"^(\d+)\.[ \t]", re.MULTILINE)
# How the paragraph before a cut ends: a sentence end, maybe closed by a quote or bracket.
_PARAGRAPH_END_RE = re.compile(r"[.;:!?][\"'’”»)\]]*[ \t\r]*$")


@dataclass(slots=True)
class DumpPart:
    """A stretch of a dump read on its own: its text and the file's line number it
    starts at."""

    first_line: int
    text: str


def split_dump(text: str, size: int | None = None) -> list[DumpPart]:
    """``text`` in parts of at least ``size`` characters (the last: at least half that),
    each cut only where a numbered pair surely starts: a line opening with number N right
    after the lines of number N - 1 (first side, and second where it opened a line), the
    line before it ending a sentence. An unnumbered dump, or a small one, is one part.
    ``size``: :data:`PART_CHARS` unless given."""
    size = PART_CHARS if size is None else size
    if len(text) < size + size // 2:
        return [DumpPart(1, text)]
    parts: list[DumpPart] = []
    start, first_line = 0, 1
    last: int | None = None
    for match in _NUMBERED_LINE_RE.finditer(text):
        number, at = int(match.group(1)), match.start()
        follows, last = last is not None and number == last + 1, number
        if (not follows or at - start < size or len(text) - at < size // 2
                or not _PARAGRAPH_END_RE.search(text, max(start, at - 64), at - 1)):
            continue
        parts.append(DumpPart(first_line, text[start:at]))
        first_line += _line_breaks(text, start, at)
        start = at
    parts.append(DumpPart(first_line, text[start:]))
    return parts


def _line_breaks(text: str, start: int, end: int) -> int:
    """Line breaks in ``text[start:end]``, counted as the repair counts them (CRLF, CR and
    LF each one)."""
    return (text.count("\n", start, end) + text.count("\r", start, end)
            - text.count("\r\n", start, end))


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
    result = ReadResult()
    for opened in open_dump_parts(path, source_lang=source_lang, target_lang=target_lang,
                                  text=text):
        result.repairs.update(opened.repairs)
        for item in opened.items:
            if isinstance(item, Reject):
                result.rejects.append(item)
            else:
                result.pairs.append(item)
    return result


def dump_parts(path: str | Path, text: str | None = None) -> list[DumpPart]:
    """The parts of the dump at ``path`` (or of ``text``), decoded (:func:`split_dump`)."""
    return split_dump(read_text(path) if text is None else text)


def open_dump_parts(
    path: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    text: str | None = None,
    parts: list[DumpPart] | None = None,
) -> Iterator[ReadStream]:
    """:func:`read_dump` as streams, one per part (``parts``, else those of the file or of
    ``text``, decoded now): each part is repaired when it is reached, and its pairs and
    rejects are found one by one, in the order of the file, as they are taken (the stages
    after pairing may start on the first pairs while the rest are checked)."""
    name = STDIN_NAME if str(path) == "-" else str(path)
    remaining = dump_parts(path, text) if parts is None else list(parts)
    remaining.reverse()  # taken from the end: each part's text is let go once repaired
    return _opened(remaining, name, source_lang, target_lang)


def _opened(remaining: list[DumpPart], name: str, source_lang: str, target_lang: str
            ) -> Iterator[ReadStream]:
    langs = (primary(source_lang), primary(target_lang))
    while remaining:
        part = remaining.pop()
        stream = build_stream(part.text, langs, first_line=part.first_line)
        del part  # the stream holds all of its text now
        yield ReadStream(iter_pairs(stream, name, source_lang, target_lang), stream.repairs)
