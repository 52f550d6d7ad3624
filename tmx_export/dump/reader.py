"""Reading dumps: decode -> repair -> pair.

A dump holds, per pair, the stream ``"N. <source paragraph> N. <target paragraph>"`` (or the
two paragraphs without numbers), cut into lines at arbitrary characters. A continuation line
may start with the fold marker ``...[+++]``; nothing is lost at a fold. Each pair starts on a
new line. :func:`read_dump` decodes the file (:mod:`tmx_export.formats.text`), undoes the
cuts (:mod:`.repair`) and finds the paragraph pairs (:mod:`.pairing`).

A large dump is read in parts (:func:`split_dump`), each cut where a pair surely starts
and repaired and paired on its own: the work and memory of a part do not grow with the
file, and the parts of one file can be read in parallel processes with the same result as
one after the other.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .._lazy import lazy_pattern
from ..errors import InputError
from ..formats.decoding import too_many_controls
from ..formats.kinds import refuse_not_dump
from ..formats.text import input_name, read_text
from ..lang import dump_tags, primary
from ..model import ReadResult, ReadStream, Reject
from .pairing import iter_pairs
from .repair import EDGE_INVISIBLE, build_stream

# A dump is cut into parts of at least this many characters (about 6,000 pairs of
# Europarl and DGT-TM text): each part repairs its line breaks from tens of thousands of
# others and its own vocabulary, as much evidence as the first 2 MB of a file gave when
# files were read whole (a line break's decision needs only the file's cut style and
# words, both clear well before this).
PART_CHARS = 2_000_000

# A line that opens with a paragraph number (after any invisible character the repair
# removes there, :data:`.repair.EDGE_INVISIBLE`): where a numbered pair may start.
_NUMBERED_LINE_RE = lazy_pattern(f"^[{EDGE_INVISIBLE}]*" + r"(\d+)\.[ \t]", re.MULTILINE)
# How the paragraph before a cut ends: a sentence end, maybe closed by a quote or bracket.
_PARAGRAPH_END_RE = lazy_pattern(r"[.;:!?][\"'’”»)\]]*[ \t\r]*$")


@dataclass(slots=True)
class DumpPart:
    """A stretch of a dump read on its own: the file's line number it starts at, and its
    text (:attr:`text`) held as UTF-8 while it waits: a part with one character past
    Latin-1 takes two or four bytes a character as a string (an emoji in real text, a
    curly quote), so the parts of a large file waiting their turn would weigh up to four
    times the file."""

    first_line: int
    data: bytes

    @classmethod
    def of(cls, first_line: int, text: str) -> DumpPart:
        return cls(first_line, text.encode("utf-8", "surrogatepass"))

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", "surrogatepass")


def split_dump(text: str, size: int | None = None, langs: tuple[str, ...] = ()
               ) -> list[DumpPart]:
    """``text`` in parts of at least ``size`` characters (:data:`PART_CHARS` unless given;
    the last part: at least half that), each cut only where a pair surely starts: in a
    numbered dump, a line opening with number N right after the lines of number N - 1 (its
    first side, and its second where that opened a line), the line before it ending a
    sentence; in an unnumbered dump, a line where the text turns from the language of the
    pairs' second side to that of their first (:func:`_language_cuts`, with ``langs``, the
    two languages). A small dump, or one with no such line, is one part."""
    size = PART_CHARS if size is None else size
    if len(text) < size + size // 2:
        return [DumpPart.of(1, text)]
    cuts = _numbered_cuts(text, size)
    if not cuts and len(langs) == 2:
        cuts = _language_cuts(_Stretch(text), size, langs)
    parts: list[DumpPart] = []
    start, first_line = 0, 1
    for at in cuts:
        parts.append(DumpPart.of(first_line, text[start:at]))
        first_line += _line_breaks(text, start, at)
        start = at
    parts.append(DumpPart.of(first_line, text[start:]))
    return parts


def _numbered_cuts(text: str, size: int) -> list[int]:
    cutter = _NumberedCuts(size)
    return [at for at in cutter.feed(text) if len(text) - at >= size // 2]


class _NumberedCuts:
    """Where a numbered dump is cut (see :func:`split_dump`), found in its text read in
    pieces of whole lines, one after the other: each piece's cuts (offsets in the piece),
    but for the rule that at least half a part must follow a cut, which only the end of
    the text tells. Leaving that rule to the end drops the same cuts: the search would
    have refused each cut found past that point, and no other, since after one refused
    for that reason every later one is refused for it too."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.start = 0  # where the last part begins
        self.last: int | None = None  # the number of the last numbered line
        self.seen = 0  # characters in the pieces before
        self.before = ""  # their last 64

    def feed(self, piece: str) -> list[int]:
        found: list[int] = []
        for match in _NUMBERED_LINE_RE.finditer(piece):
            number, local = int(match.group(1)), match.start()
            at = self.seen + local
            follows, self.last = self.last is not None and number == self.last + 1, number
            if follows and at - self.start >= self.size:
                # the paragraph before ends a sentence: text[max(start, at - 64):at - 1],
                # from this piece and the end of those before
                low = max(self.start, at - 64) - self.seen
                window = (piece[low:local - 1] if low >= 0 else
                          (self.before + piece[:local])[len(self.before) + low:-1])
                if _PARAGRAPH_END_RE.search(window):
                    found.append(local)
                    self.start = at
        self.seen += len(piece)
        self.before = (self.before + piece[-64:])[-64:]
        return found


# Unnumbered dumps. Each pair starts on a new line, so where the text turns at a line start
# from the language of the pairs' second side to that of their first, a pair starts (the
# turn within a pair, first side to second, seldom falls on a line start). A turn counts
# when the characters on each side of the line start lean clearly to their language (mean
# word score of the wider window, and the same way in the nearer one): on 36,000 real
# Europarl and DGT-TM pairs written in each cut style, the 3,164 line starts this admits
# are all pair starts. The direction of the pairs' own turn is the file's order: the one
# most clear turns at line starts go.
_LEAN_WINDOW, _CUT_LEAN = 300, 1.5
_NEAR_WINDOW, _NEAR_LEAN = 120, 0.5
_TURN_VOTES = 30  # clear turns read to tell the file's order...
_TURN_MAJORITY = 5  # ... which must outnumber the other way this many times
_CAPITAL_OPENING_RE = lazy_pattern(r"[(\[«“‘„‚\"'¿¡]*([^\W\d_])")


def _language_cuts(text: _Stretch, size: int, langs: tuple[str, ...]) -> list[int]:
    """Where an unnumbered dump is cut (see :func:`split_dump`), in ``text`` read as far
    as the search looks."""
    from ..lang import mean_score

    def lean(start: int, end: int) -> float:
        return mean_score(text.slice(max(start, 0), end), langs[0], langs[1]) or 0.0

    def turn(at: int) -> int:
        """+1 where the text turns from the second language to the first at line start
        ``at``, -1 the other way, 0 where it does not clearly turn or no pair may start."""
        opening = text.match(_CAPITAL_OPENING_RE, at)
        if (not opening or not opening.group(1).isupper()
                or not text.search(_PARAGRAPH_END_RE, max(0, at - 64), at - 1)):
            return 0
        before, after = lean(at - _LEAN_WINDOW, at), lean(at, at + _LEAN_WINDOW)
        for way in (1, -1):
            if (way * before <= -_CUT_LEAN and way * after >= _CUT_LEAN
                    and way * lean(at - _NEAR_WINDOW, at) <= -_NEAR_LEAN
                    and way * lean(at, at + _NEAR_WINDOW) >= _NEAR_LEAN):
                return way
        return 0

    votes = {1: 0, -1: 0}
    at = text.find("\n", 0) + 1
    while 0 < at < 2 * size and votes[1] + votes[-1] < _TURN_VOTES:
        way = turn(at)
        if way:
            votes[way] += 1
        at = text.find("\n", at) + 1
    way = 1 if votes[1] >= votes[-1] else -1
    if votes[1] + votes[-1] < _TURN_VOTES or votes[way] < _TURN_MAJORITY * votes[-way]:
        return []  # no clear order: the file is read whole
    cuts: list[int] = []
    mark = size  # where the next cut may come
    at = text.find("\n", mark) + 1
    while at and text.reaches(at + size // 2):
        if at - mark > 2 * size:
            break  # no pair start found for long (no longer two languages?): one last part
        # the search never looks further back again (the order's votes, which may have
        # read past ``size``, are counted: it only goes on from here)
        text.release(at - _LEAN_WINDOW)
        if turn(at) == way:
            cuts.append(at)
            text.mark(at)
            mark = at + size
            at = text.find("\n", mark)
        else:
            at = text.find("\n", at)
        at += 1
    return cuts


class _Stretch:
    """A dump's text as far as a search reads it: positions are the whole text's; more is
    decoded from the file (``read`` gives the next piece, "" at its end) when the search
    looks further, and what lies behind the place it may still look at is let go. The
    byte offset of each place :meth:`mark` ed is kept (:attr:`marked`), for the parts."""

    def __init__(self, text: str, read: Callable[[], str] | None = None) -> None:
        self.buf, self.base, self.base_bytes = text, 0, 0
        self.read, self.ended = read, read is None
        self.marked: list[int] = []

    def _fill(self, end: int) -> None:
        while not self.ended and self.base + len(self.buf) < end:
            piece = self.read()  # type: ignore[misc]
            if piece:
                self.buf += piece
            else:
                self.ended = True

    def reaches(self, end: int) -> bool:
        """Whether the text is ``end`` characters long or more."""
        self._fill(end)
        return self.base + len(self.buf) >= end

    def slice(self, start: int, end: int) -> str:
        self._fill(end)
        return self.buf[start - self.base:end - self.base]

    def find(self, sub: str, start: int) -> int:
        while True:
            found = self.buf.find(sub, max(start - self.base, 0))
            if found >= 0 or self.ended:
                return found + self.base if found >= 0 else -1
            self._fill(self.base + len(self.buf) + 1)

    def match(self, pattern: re.Pattern[str], at: int) -> re.Match[str] | None:
        """``pattern`` (opening marks, then a letter) matched at ``at``: the text is read
        until it holds more than opening marks from there, which a match cannot pass."""
        self._fill(at + 400)
        if not self.buf[at - self.base:at - self.base + 400].strip(_OPENERS):
            while not self.ended and not self.buf[at - self.base:].strip(_OPENERS):
                self._fill(self.base + len(self.buf) + 1)
        return pattern.match(self.buf, at - self.base)

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        self._fill(end)
        return pattern.search(self.buf, start - self.base, end - self.base)

    def release(self, before: int) -> None:
        """Let go of the text before ``before`` (of a text read from a file, by the
        megabyte: each step copies the rest)."""
        drop = before - self.base
        if self.read is not None and drop > 1 << 20:
            self.base_bytes += len(self.buf[:drop].encode("utf-8", "surrogatepass"))
            self.buf, self.base = self.buf[drop:], before

    def mark(self, at: int) -> None:
        if self.read is not None:  # (a whole text's parts are cut from it)
            self.marked.append(self.base_bytes + len(self.buf[:at - self.base].encode(
                "utf-8", "surrogatepass")))


# The marks _CAPITAL_OPENING_RE lets open a pair.
_OPENERS = "([«“‘„‚\"'¿¡"


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
    :class:`~tmx_export.errors.InputError` for a file that cannot be read as text or is
    plainly no dump (a TMX, XLIFF, PO, JSON Lines or a table:
    :func:`~tmx_export.formats.kinds.refuse_not_dump`), and ``ValueError`` before any reading for
    languages no dump can be read in (:func:`~tmx_export.lang.dump_tags`).
    """
    source_lang, target_lang = dump_tags(source_lang, target_lang)
    refuse_not_dump(path, text)
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


def dump_parts(path: str | Path, text: str | None = None, langs: tuple[str, ...] = (),
               size: int | None = None) -> DumpParts:
    """The parts of the dump at ``path`` (or of ``text``) in languages ``langs``
    (:func:`split_dump`). A large dump in UTF-8 is never held whole: a pass over the file
    finds the same cuts (:func:`_file_cuts`), and its parts are read
    from the file as they are taken (:class:`FileParts`), so memory does not grow with the
    file. Any other dump is decoded whole now."""
    size = PART_CHARS if size is None else size
    if text is None and str(path) != "-":
        found = _file_cuts(Path(path), size, langs)
        if found is not None:
            return FileParts(Path(path), *found)
    return split_dump(read_text(path) if text is None else text, size=size, langs=langs)


class FileParts:
    """The parts of a dump file cut at ``cuts`` (byte offsets), each read from the file
    when it is taken, in order; the file must still be ``size`` bytes long."""

    def __init__(self, path: Path, cuts: list[int], size: int) -> None:
        self.path, self.cuts, self.size = path, cuts, size

    def __len__(self) -> int:
        return len(self.cuts) + 1

    def __iter__(self) -> Iterator[DumpPart]:
        name = str(self.path)
        try:
            with self.path.open("rb") as handle:
                if os.fstat(handle.fileno()).st_size != self.size:
                    raise InputError(name, "changed while it was being read")
                first_line, start = 1, 0
                for end in [*self.cuts, self.size]:
                    data = handle.read(end - start)
                    if len(data) != end - start:
                        raise InputError(name, "changed while it was being read")
                    yield DumpPart(first_line, data)
                    first_line += (data.count(b"\n") + data.count(b"\r")
                                   - data.count(b"\r\n"))
                    start = end
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from None


DumpParts = list[DumpPart] | FileParts
# What the first pass reads at a time.
_BLOCK_BYTES = 1 << 20
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _file_cuts(path: Path, size: int, langs: tuple[str, ...]
               ) -> tuple[list[int], int] | None:
    """(the byte offsets :func:`split_dump` would cut the file's text at, the file's size)
    for a large dump in UTF-8 without a BOM, found a block at a time; ``None`` for any other
    file (small, another encoding, not text: those are decoded whole, which also says what
    is wrong with a file that cannot be read).

    The same cuts as :func:`split_dump` on the whole text, by the same searches: numbered
    lines (:class:`_NumberedCuts`) fed the file's lines as they are decoded; without any,
    the turns of language (:func:`_language_cuts`) in a second pass, over a
    :class:`_Stretch` of the file."""
    try:
        file_size = path.stat().st_size
        if file_size < size + size // 2:
            return None  # fewer characters than bytes: one part
        with path.open("rb") as handle:
            if handle.read(3).startswith(_BOMS):
                return None
            handle.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            cutter = _NumberedCuts(size)
            cuts: list[tuple[int, int]] = []  # (characters, bytes) before each cut
            pending = ""  # the line still being read
            read = 0  # bytes in the pieces fed to the cutter
            checked = False
            while True:
                block = handle.read(_BLOCK_BYTES)
                if b"\x00" in block:
                    return None
                chunk = decoder.decode(block, final=not block)
                if not checked and chunk:
                    if too_many_controls(chunk):
                        return None
                    checked = True
                text = pending + chunk
                # whole lines: a numbered line is found where it is read whole
                end = len(text) if not block else text.rfind("\n") + 1
                piece, pending = text[:end], text[end:]
                seen = cutter.seen
                cuts.extend((seen + local, read + len(piece[:local].encode("utf-8")))
                            for local in cutter.feed(piece))
                read += len(piece.encode("utf-8"))
                if not block:
                    break
                if len(pending) > 2 * size:
                    return None  # a line longer than two parts: no cut to find in it
    except (OSError, UnicodeDecodeError):
        return None
    total = cutter.seen
    if total < size + size // 2:
        return None
    kept = [offset for at, offset in cuts if total - at >= size // 2]
    if kept or len(langs) != 2:
        return kept, file_size
    try:
        return _language_file_cuts(path, size, langs), file_size
    except (OSError, UnicodeDecodeError):
        return None


def _language_file_cuts(path: Path, size: int, langs: tuple[str, ...]) -> list[int]:
    """The byte offsets :func:`_language_cuts` cuts the file's text at, the text decoded
    as far as the search reads it."""
    with path.open("rb") as handle:
        decoder = codecs.getincrementaldecoder("utf-8")()

        def read() -> str:
            while True:
                block = handle.read(_BLOCK_BYTES)
                piece = decoder.decode(block, final=not block)
                if piece or not block:
                    return piece

        text = _Stretch("", read)
        _language_cuts(text, size, langs)  # each cut marked where it is found
    return text.marked


def open_dump_parts(
    path: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    text: str | None = None,
    parts: DumpParts | None = None,
) -> Iterator[ReadStream]:
    """:func:`read_dump` as streams, one per part (``parts``, else those of the file or of
    ``text``, decoded now): each part is repaired when it is reached, and its pairs and
    rejects are found one by one, in the order of the file, as they are taken (the stages
    after pairing may start on the first pairs while the rest are checked)."""
    name = input_name(path)
    langs = (primary(source_lang), primary(target_lang))
    if parts is None:
        parts = dump_parts(path, text, langs)
    if isinstance(parts, list):
        parts = parts[::-1]  # taken from the end: each part's text is let go once repaired
        return _opened(_popped(parts), name, source_lang, target_lang, langs)
    return _opened(iter(parts), name, source_lang, target_lang, langs)


def _popped(parts: list[DumpPart]) -> Iterator[DumpPart]:
    while parts:
        yield parts.pop()


def _opened(remaining: Iterator[DumpPart], name: str, source_lang: str, target_lang: str,
            langs: tuple[str, str]) -> Iterator[ReadStream]:
    for part in remaining:
        stream = build_stream(part.text, langs, first_line=part.first_line)
        size = len(part.data)
        del part  # the stream holds all of its text now
        yield ReadStream(iter_pairs(stream, name, source_lang, target_lang), stream.repairs,
                         size)
