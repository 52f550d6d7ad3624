"""Opening untrusted XML (TMX, TBX, XLIFF, SRX) without letting the file reach anything else.

TMX files arrive from clients and old tools; a file may declare entities that expand
exponentially ("billion laughs") or that point at local files or URLs (XXE). No real
translation memory needs entity declarations, so they are refused outright, before the
XML parser sees the document: :func:`check_prolog` looks at the bytes before the root
element, found by following the grammar of the prolog (quoted literals, comments, PIs)
in every encoding the parser may read (UTF-8/16/32, and what the declaration names).
The parsers themselves are configured so that even an entity that slipped through is
never expanded, no DTD is loaded and no network access happens, and every parse checks
the DTD it read for entity declarations once more (:func:`has_entity_declarations`).

Every XML input takes this path: TMX is streamed with :data:`SAFE_PARSER_OPTIONS`
after :func:`check_prolog`, TBX and SRX go through :func:`parse_xml`, and a library that
parses XML itself (translate-toolkit, for XLIFF) is handed the bytes :func:`read_checked`
checked, never the file.

XML also arrives zipped (XLSX is a ZIP of XML parts). :func:`check_archive` refuses a
"zip bomb" from the archive's central directory alone, before anything is inflated, and
:func:`check_archive_parts` gives every XML part :func:`check_prolog` before a library that
parses the parts itself (openpyxl, whose parser would expand entities) opens the archive.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .._lazy import lazy_pattern
from ..errors import InputError
from .text import GZIP_MAGIC, input_name, readable_file

# How much of a file may come before its root element. Real prologs (XML declaration,
# DOCTYPE with a system identifier, a few comments) are a few hundred bytes.
PROLOG_LIMIT = 1 << 20

# Options for lxml's parsers and iterparse: entities stay unexpanded, no DTD is
# fetched (TMX files name "tmx14.dtd" which nobody has beside them), no network,
# and libxml2's own limits against huge text nodes stay on.
SAFE_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F).
XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# What the first bytes of a document say of its encoding (XML 1.0, appendix F), with or
# without a byte order mark; a parser then ignores the encoding the declaration names.
# UTF-32 comes first: its little-endian BOM begins with UTF-16's.
_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "utf-32-le", 4),
    (codecs.BOM_UTF32_BE, "utf-32-be", 4),
    (b"<\x00\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\x00<", "utf-32-be", 4),
    (codecs.BOM_UTF16_LE, "utf-16-le", 2),
    (codecs.BOM_UTF16_BE, "utf-16-be", 2),
    (b"<\x00", "utf-16-le", 2),
    (b"\x00<", "utf-16-be", 2),
)
_UTF32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))
_DECLARED_ENCODING = lazy_pattern(r"""<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)""")
# Inside a markup declaration (<!DOCTYPE ...>), what may hide a ">" or a "<" from a
# search: quoted literals, and the comments and PIs of an internal subset.
_DECLARATION_TOKEN = lazy_pattern(r"""["'\[\]>]|<!--|<\?""")

# Members smaller than this are not judged by their compression ratio: a few megabytes
# cost nothing to inflate, and small repetitive parts (styles, empty sheets) may compress
# very well without meaning harm. Only the total bound applies to them.
ARCHIVE_RATIO_FLOOR = 16 << 20



def open_xml(path: str | Path, *, lines: bool = True) -> IO[bytes]:
    """Open ``path`` for reading as bytes, uncompressing ``.gz`` files transparently.

    UTF-32 with a byte order mark comes out as UTF-8 behind a UTF-8 BOM (which makes the
    parser ignore the ``encoding="UTF-32"`` of the declaration): libxml2 knows UTF-32 only
    by a BOM-less start, and its push parser, which ``iterparse`` uses, stops at the BOM.
    A file whose lines end in a CR alone is read with LFs (:class:`_LoneCrAsLf`) unless
    ``lines`` is false (a PO file, which is not XML, is read as it is).
    """
    p = readable_file(path)
    handle: IO[bytes] | None = None
    try:
        if input_name(path) == str(path) or str(path) == "-":
            handle = open(p, "rb")  # noqa: SIM115 - returned to the caller
        else:
            # a name with a byte that is not UTF-8: lxml takes a file's name for the
            # document's URL and cannot encode it ("surrogates not allowed"); opened by its
            # descriptor, the file has no name to take (messages name it themselves)
            handle = open(os.open(p, os.O_RDONLY), "rb")  # noqa: SIM115
        if handle.read(2) == GZIP_MAGIC:
            handle.close()
            handle = _gzip_reader(p, input_name(path))
        handle.seek(0)
        start = handle.read(4)
        for bom, encoding in _UTF32_BOMS:
            if start == bom:
                # its lone CRs looked for in the file's own code units: the stream read as
                # UTF-8 cannot go back to its start once looked at
                head = handle.read(_LINE_END_WINDOW)
                handle.seek(len(bom))
                found = _LONE_CR.search(head[:len(head) // 4 * 4].decode(encoding, "replace")[:-1])
                utf8 = io.BufferedReader(_Utf8FromUtf32(handle, encoding, input_name(path)))
                if lines and found:
                    return io.BufferedReader(_LoneCrAsLf(utf8, "latin-1"))
                return utf8
        handle.seek(0)
        return _line_ends_read(handle) if lines else handle
    except (OSError, EOFError) as exc:
        if handle is not None:
            handle.close()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(input_name(path), f"cannot read: {reason}") from None


def _gzip_reader(path: Path, name: str) -> IO[bytes]:
    """``path`` uncompressed as it is read; a stream cut short or corrupt is the one-line
    error naming ``name`` wherever it is met, not only where the callers catch it (an
    ``EOFError`` escaping to click is its bare "Aborted!")."""
    import gzip  # imported when needed: a run that reads no .gz starts sooner
    import zlib

    class NamedGzip(gzip.GzipFile):
        def read(self, size: int | None = -1) -> bytes:
            return self._named(super().read, size)

        def read1(self, size: int = -1) -> bytes:
            return self._named(super().read1, size)

        def peek(self, n: int) -> bytes:
            return self._named(super().peek, n)

        def readline(self, size: int | None = -1) -> bytes:
            return self._named(super().readline, size)

        @staticmethod
        def _named(read: Callable[[Any], bytes], size: Any) -> bytes:
            try:
                return read(size)
            except (OSError, EOFError, zlib.error) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise InputError(name, f"cannot read: {reason}") from None

    return NamedGzip(path, "rb")


class _Recoded(io.RawIOBase):
    """A stream read from ``raw`` a chunk at a time, each chunk's bytes as :meth:`_recode`
    gives them (told when the stream ``_ended``: the last call, with an empty chunk)."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw
        self._out, self._at, self._ended = b"", 0, False

    def _recode(self, chunk: bytes) -> bytes:
        raise NotImplementedError

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._at == len(self._out) and not self._ended:
            chunk = self._raw.read(1 << 16)
            self._ended = not chunk
            self._out, self._at = self._recode(chunk), 0
        count = min(len(buffer), len(self._out) - self._at)
        buffer[:count] = self._out[self._at:self._at + count]
        self._at += count
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Utf8FromUtf32(_Recoded):
    """The rest of a UTF-32 stream (its BOM read) as UTF-8 after a UTF-8 BOM, decoded as it
    is read. Bytes that are not UTF-32 are an :class:`InputError` at once: raised from
    within a parser's read, it comes out of the parser as it is."""

    def __init__(self, raw: IO[bytes], encoding: str, name: str) -> None:
        super().__init__(raw)
        self._name = name
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._out = codecs.BOM_UTF8

    def _recode(self, chunk: bytes) -> bytes:
        try:
            text = self._decoder.decode(chunk, final=self._ended)
        except UnicodeDecodeError as exc:
            raise InputError(self._name, f"not valid UTF-32: {exc.reason}") from None
        return text.encode("utf-8")


# Old Mac tools end lines with a CR alone. XML reads it as a line end (XML 1.0, section
# 2.11), but libxml2 counts lines by LF only: every unit, finding and error of such a file
# was on "line 1". Read with each lone CR as an LF, the document is the same (the parser
# makes both an LF), as long byte for byte (offsets, the parts of a file, stay where they
# are), and its lines are those an editor shows. Only a file whose start has a lone CR
# is read so: the others cost nothing more.
_LONE_CR = lazy_pattern("\r(?!\n)")
_LINE_END_WINDOW = 1 << 16


def _lone_cr_encoding(head: bytes) -> str | None:
    """The encoding to find the CRs of a document beginning with ``head`` in, as code units
    (Latin-1 for every encoding in which byte 13 is a CR: UTF-8 and the 8-bit ones), when
    a line of it ends in a CR alone; ``None`` otherwise (UTF-32 without a BOM too)."""
    if b"\r" not in head:
        return None
    encoding = "latin-1"
    for signature, name, width in _SIGNATURES:
        if head.startswith(signature):
            if width != 2:
                return None
            encoding, head = name, head[:len(head) // 2 * 2]
            break
    # the last character left out: the LF after a CR may be beyond the head
    found = _LONE_CR.search(head.decode(encoding, "surrogatepass")[:-1])
    return encoding if found else None


def _line_ends_read(handle: IO[bytes]) -> IO[bytes]:
    """``handle`` (at its start), read with its lone CRs as LFs when it has any."""
    encoding = _lone_cr_encoding(handle.read(_LINE_END_WINDOW))
    handle.seek(0)
    if encoding is None:
        return handle
    return io.BufferedReader(_LoneCrAsLf(handle, encoding))


class _LoneCrAsLf(_Recoded):
    """A stream of code units in ``encoding`` whose lone CRs read as LFs (see above). A CR
    that ends a chunk is held back until the next tells whether an LF follows it."""

    def __init__(self, raw: IO[bytes], encoding: str) -> None:
        super().__init__(raw)
        self._encoding = encoding
        self._cr = "\r".encode(encoding)
        self._held = b""

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        self._out, self._at, self._held, self._ended = b"", 0, b"", False
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell() - len(self._held) - (len(self._out) - self._at)

    def _recode(self, chunk: bytes) -> bytes:
        width = len(self._cr)
        data = self._held + chunk
        keep = 0 if self._ended else len(data) % width  # a code unit cut in two
        if not self._ended and data[:len(data) - keep].endswith(self._cr):
            keep += width
        data, self._held = data[:len(data) - keep], data[len(data) - keep:]
        text = _LONE_CR.sub("\n", data.decode(self._encoding, "surrogatepass"))
        return text.encode(self._encoding, "surrogatepass")


# Character references to C0 controls, which XML 1.0 cannot carry even as references,
# and what each stands for in plain text. Trados and other Windows tools export Word's
# manual line break as ``&#xB;``, its non-breaking hyphen as ``&#x1E;`` and its optional
# hyphen as ``&#x1F;``; a memory of 100,000 units was refused for one of them.
_CONTROL_REF = lazy_pattern(r"&#(?:x0*([0-9a-fA-F]{1,2})|0*([0-9]{1,2}));")
# (written as the document is: U+2011 as a reference, which reads so in every encoding)
_AS_TEXT = {0x0B: " ", 0x0C: " ", 0x1E: "&#x2011;"}  # line and page break, hard hyphen
CONTROL_REFERENCES = "references to control characters read as text (&#xB; a space, &#x1F; none)"
# Outside markup, what to look for: a reference, or the start of a section in which "&#"
# is no reference (CDATA, comment, PI), whose end is then looked for.
_REF_OR_SECTION = lazy_pattern(r"&#[^;&<]{0,12};|<!\[CDATA\[|<!--|<\?")
_SECTION_END = {"<![CDATA[": "]]>", "<!--": "-->", "<?": "?>"}
_TOKEN_LONGEST = 16  # characters: a token cut across two reads is held back whole


def control_as_text(reference: str) -> str | None:
    """What a character reference to a control character stands for, as XML (``&#xB;``,
    Word's manual line break: a space; ``&#x1F;``, its optional hyphen: nothing;
    ``&#x1E;``, its non-breaking hyphen: ``&#x2011;``); ``None`` for a reference XML
    allows (``&#x9;``, ``&#233;``)."""
    found = _CONTROL_REF.fullmatch(reference)
    if found is None:
        return None
    code = int(found.group(1), 16) if found.group(1) else int(found.group(2))
    if code >= 0x20 or code in (0x09, 0x0A, 0x0D):
        return None
    return _AS_TEXT.get(code, "")


class ControlRefsAsText(_Recoded):
    """A document whose character references to control characters (:func:`control_as_text`)
    read as what they stand for, each counted in ``repairs``; not in CDATA sections,
    comments and PIs, where "&#xB;" is text. ``encoding`` is that of the code units
    (Latin-1 for UTF-8 and the 8-bit encodings, UTF-16 as the file's signature says). A
    block without "&#" nor "<!" nor "<?" is passed on as it is: reading stays as fast."""

    def __init__(self, raw: IO[bytes], encoding: str, repairs: Counter[str]) -> None:
        super().__init__(raw)
        self._encoding, self.repairs = encoding, repairs
        self._width = len("<".encode(encoding))
        # each marker found by its last byte, its rarer character (in UTF-16LE without
        # its last zero byte, which is everywhere): see _holds
        self._markers = tuple(m.encode(encoding).rstrip(b"\0") for m in ("&#", "<!", "<?"))
        self._held, self._end = b"", ""  # the end of the section the stream is in

    def _recode(self, chunk: bytes) -> bytes:
        data = self._held + chunk
        odd = 0 if self._ended else len(data) % self._width  # a code unit cut in two
        keep = 0 if self._ended else _TOKEN_LONGEST
        if not self._end and not any(_holds(data, marker) for marker in self._markers):
            cut = max(len(data) - odd - keep * self._width, 0)
            data, self._held = data[:cut], data[cut:]
            return data
        text = data[:len(data) - odd].decode(self._encoding, "surrogatepass")
        out, at = self._replaced(text, max(len(text) - keep, 0))
        self._held = text[at:].encode(self._encoding, "surrogatepass") + data[len(data) - odd:]
        return out.encode(self._encoding, "surrogatepass")

    def close(self) -> None:
        """Closed alone: the stream under it is its opener's to close (a part of a file, a
        stream with its DOCTYPE blanked, have no ``close``)."""
        io.RawIOBase.close(self)

    def _replaced(self, text: str, cut: int) -> tuple[str, int]:
        """``text`` up to about ``cut`` with its references replaced, and where it stopped
        (a token beginning before ``cut`` is read whole: what is held back after ``cut``
        is longer than any token)."""
        parts: list[str] = []
        at = 0
        while at < cut:
            if self._end:
                close = text.find(self._end, at)
                if close < 0:  # its end may be cut in two: the last characters wait
                    stop = cut if self._ended else max(at, min(cut, len(text) - len(self._end)))
                    parts.append(text[at:stop])
                    return "".join(parts), stop
                parts.append(text[at:close + len(self._end)])
                at, self._end = close + len(self._end), ""
                continue
            found = _REF_OR_SECTION.search(text, at)
            if found is None or found.start() >= cut:
                parts.append(text[at:cut])
                return "".join(parts), cut
            token = found.group()
            parts.append(text[at:found.start()])
            plain = control_as_text(token) if token.startswith("&") else None
            if plain is None:
                parts.append(token)
                self._end = _SECTION_END.get(token, "")
            else:
                parts.append(plain)
                self.repairs[CONTROL_REFERENCES] += 1
            at = found.end()
        return "".join(parts), at


def _holds(data: bytes, marker: bytes) -> bool:
    """Whether ``data`` holds ``marker`` ("<!", "&#"), found by its last byte: a search for
    the two bytes took 80 µs a 64 kB block of a TMX, whose "<" is everywhere (a fifth of
    the time of reading its units); one for "!" or "#", then a look at the bytes before
    each, a hundredth of that."""
    back = len(marker) - 1
    at = data.find(marker[-1:], back)
    while at >= 0:
        if data[at - back:at + 1] == marker:
            return True
        at = data.find(marker[-1:], at + 1)
    return False


def control_refs_read(handle: IO[bytes], head: bytes, repairs: Counter[str]) -> IO[bytes]:
    """``handle``, the document beginning with ``head``, read with its references to
    control characters as text (:class:`ControlRefsAsText`): in its code units, UTF-16 as
    its signature says, Latin-1 for every encoding that writes ASCII a byte a character.
    A file in UTF-32 is read as UTF-8 (:func:`open_xml`)."""
    encoding = "latin-1"
    for signature, name, width in _SIGNATURES:
        if head.startswith(signature) and width == 2:
            encoding = name
    return io.BufferedReader(ControlRefsAsText(handle, encoding, repairs))  # type: ignore[arg-type]


def read_head(path: str | Path, limit: int = PROLOG_LIMIT) -> bytes:
    """The first ``limit`` bytes of ``path`` (uncompressed)."""
    with open_xml(path) as handle:
        try:
            return handle.read(limit)
        except (OSError, EOFError) as exc:
            raise InputError(input_name(path), f"cannot read: {exc}") from None


def decode_head(head: bytes) -> str:
    """Enough of a decoding of the start of an XML file to look at its prolog.

    UTF-32 and UTF-16, little- or big-endian, with or without a BOM, as their first bytes
    tell (as a parser reads them, whatever the declaration says); anything else as Latin-1,
    which shows the markup of every ASCII-compatible encoding as it is.
    """
    for signature, encoding, width in _SIGNATURES:
        if head.startswith(signature):
            whole = head[: len(head) // width * width]  # a head may end inside a character
            return whole.decode(encoding, errors="replace").lstrip("\ufeff")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _readings(head: bytes) -> list[str]:
    """The ways a parser may read ``head``: :func:`decode_head`'s, and the encoding its XML
    declaration names when that decodes differently.

    A document without a BOM or UTF-16/32 signature is read in the encoding it declares,
    and some of those (UTF-7, ISO-2022-JP, HZ) spell ``<!ENTITY`` in bytes that are not its
    ASCII letters; libxml2 decodes them all. An encoding Python does not know is left to the
    parse-time check (:func:`has_entity_declarations`); non-text codecs (``zlib``) are never
    run, as ``bytes.decode`` refuses them.
    """
    text = decode_head(head)
    if head.startswith(codecs.BOM_UTF8) or any(head.startswith(s) for s, _, _ in _SIGNATURES):
        return [text]
    declared = _DECLARED_ENCODING.match(text)
    if declared is None:
        return [text]
    try:
        other = head.decode(declared.group(1), errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return [text]
    return [text] if other == text else [text, other]


def _skip_past(text: str, end: str, pos: int) -> int:
    """The index just after the next ``end`` from ``pos``; the end of ``text`` if none."""
    found = text.find(end, pos)
    return len(text) if found < 0 else found + len(end)


def _declaration_end(text: str, pos: int) -> int:
    """The index just after the markup declaration (``<!DOCTYPE ...>``) whose body starts at
    ``pos``: its first ``>`` outside quoted literals and outside the internal subset
    ``[...]``, where comments and PIs are skipped whole as well. The end of ``text`` if the
    declaration does not end in it."""
    subset = False
    while (token := _DECLARATION_TOKEN.search(text, pos)) is not None:
        mark, pos = token.group(), token.end()
        if mark in ('"', "'"):
            pos = _skip_past(text, mark, pos)
        elif mark == "<!--":
            pos = _skip_past(text, "-->", pos)
        elif mark == "<?":
            pos = _skip_past(text, "?>", pos)
        elif mark in "[]":
            subset = mark == "["
        elif not subset:  # ">"
            return pos
    return len(text)


def _prolog(text: str) -> tuple[str, int]:
    """The prolog of ``text`` (all before the root element) with its comments and processing
    instructions blanked out, their line breaks kept; and where the root element's ``<`` is
    in ``text`` (-1: not found).

    The scan follows the grammar of a prolog rather than searching for something that looks
    like a start tag: ``<?`` opens a PI up to ``?>``, ``<!--`` a comment up to ``-->``, any
    other ``<!`` a declaration (:func:`_declaration_end`); the first other ``<`` is the root.
    So a ``<`` inside a comment, a PI or a quoted literal of the DOCTYPE
    (``SYSTEM "<a"``) never ends the prolog before the internal subset is seen.
    """
    parts: list[str] = []
    pos = 0
    while (start := text.find("<", pos)) >= 0:
        parts.append(text[pos:start])
        if text.startswith("<?", start):
            pos = _skip_past(text, "?>", start + 2)
        elif text.startswith("<!--", start):
            pos = _skip_past(text, "-->", start + 4)
        elif text.startswith("<!", start):
            pos = _declaration_end(text, start + 2)
            parts.append(text[start:pos])
            continue
        else:
            return "".join(parts), start
        parts.append("\n" * text.count("\n", start, pos))
    parts.append(text[pos:])
    return "".join(parts), -1


# Encodings of two or four bytes a character, as an XML declaration may name them
_WIDE_ENCODING = lazy_pattern(r"(?:utf-?(?:16|32)|ucs-?[24])(?:-?[lb]e)?", re.IGNORECASE)


def check_prolog(head: bytes, name: str, limit: int = PROLOG_LIMIT) -> None:
    """Refuse a document whose prolog declares entities, before any parser sees it.

    ``<!ENTITY`` anywhere in the prolog outside its comments and PIs is refused, inside a
    quoted literal too (no real file has it there, and a scan that errs must err towards
    refusing), in each way the head may be decoded (:func:`_readings`). A head of ``limit``
    bytes in which the root element is not found is refused: its prolog may go on.
    So is a document whose declaration names UTF-16 or UTF-32 while it is written a byte
    a character (:func:`_check_declared_width`).
    """
    _check_declared_width(head, name)
    for text in _readings(head):
        prolog, root_at = _prolog(text)
        at = prolog.find("<!ENTITY")
        if at >= 0:
            raise InputError(
                name,
                "refused: the DOCTYPE declares entities (entity expansion and external "
                "entities are a known attack; translation memories never need them)",
                prolog.count("\n", 0, at) + 1,
            )
        if root_at < 0 and len(head) >= limit:
            raise InputError(name, f"refused: no root element in the first {limit} bytes")


def _check_declared_width(head: bytes, name: str) -> None:
    """Refuse a document without a byte order mark whose XML declaration names UTF-16 or
    UTF-32 (or UCS-2/4) while its declaration is written a byte a character: a UTF-16
    memory (DGT-TM's, Trados's) saved again as UTF-8 by an editor that kept the declaration.
    libxml2 reads the rest as UTF-16 and stops at line 1 with "Blank needed here", which
    says nothing of the cause. (After a UTF-8 byte order mark the declaration is not
    followed, and such a file is read.)"""
    if head.startswith(codecs.BOM_UTF8) or any(head.startswith(sig) for sig, _, _ in _SIGNATURES):
        return
    declared = _DECLARED_ENCODING.match(decode_head(head))
    if declared is not None and _WIDE_ENCODING.fullmatch(declared.group(1)):
        raise InputError(name, f'declares encoding="{declared.group(1)}" but is written a '
                         "byte a character (UTF-8?), without a byte order mark: save it in "
                         "the encoding it declares, or correct its XML declaration", 1)


def check_file(path: str | Path) -> None:
    """:func:`check_prolog` for the file at ``path``."""
    check_prolog(read_head(path), str(path))


# The root's start tag, and a default namespace declaration among its attributes
_START_TAG = lazy_pattern(r"""<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*/?>""")
_DEFAULT_NAMESPACE = lazy_pattern(r"""\s(xmlns\s*=\s*(["'])([^"'<>]*)\2)""")


def _blank_span(head: bytes, text: str, start: int, end: int) -> tuple[int, bytes] | None:
    """Where the characters ``text[start:end]`` of the document beginning with ``head``
    (``text``: :func:`decode_head` of it) begin in its bytes, and as many bytes of spaces in
    its encoding, its line breaks kept (every later line keeps its number); ``None`` when
    those bytes are not found where the text is."""
    # the encoding decode_head read the text in, and the byte order mark it dropped
    encoding, skipped = "latin-1", 3 if head.startswith(codecs.BOM_UTF8) else 0
    for signature, name, width in _SIGNATURES:
        if head.startswith(signature):
            bom = head[:width].decode(name, "replace") == "\ufeff"
            encoding, skipped = name, width if bom else 0
            break
    offset = skipped + len(text[:start].encode(encoding, "surrogatepass"))
    original = text[start:end].encode(encoding, "surrogatepass")
    if head[offset:offset + len(original)] != original:
        return None  # a decoding that does not map back byte for byte: left as it is
    return offset, re.sub(r"[^\r\n]", " ", text[start:end]).encode(encoding)


# The external identifier of a DOCTYPE: `SYSTEM "tmx14.dtd"`, `PUBLIC "-//..." "....dtd"`.
_EXTERNAL_ID = lazy_pattern(r"""<!DOCTYPE\s+[^\s\[>]+\s+((?:SYSTEM|PUBLIC\s*(?:"[^"]*"|'[^']*'))"""
                             r"""\s*(?:"[^"]*"|'[^']*'))""")


def doctype_external_id(head: bytes) -> tuple[int, bytes] | None:
    """Where the external identifier of the DOCTYPE of the document beginning with
    ``head`` is (``SYSTEM "tmx14.dtd"``), and the spaces that blank it out; ``None`` when
    its DOCTYPE names none (or it has no DOCTYPE).

    No DTD is ever read (:data:`SAFE_PARSER_OPTIONS`), but one that is named leaves the
    parser unable to tell an undefined entity from one the DTD might define: it keeps
    ``&nbsp;`` as a reference node, which every text read from the element then drops
    ("Article&nbsp;5" read as "Article5"). Read with the identifier blanked out
    (:class:`BlankedReader`), such a document is what it is without its DTD, and an
    undefined entity the error at its line that it is in any file without a DOCTYPE."""
    text = decode_head(head)
    pos = 0
    while (start := text.find("<", pos)) >= 0:
        if text.startswith("<?", start):
            pos = _skip_past(text, "?>", start + 2)
        elif text.startswith("<!--", start):
            pos = _skip_past(text, "-->", start + 4)
        elif text.startswith("<!DOCTYPE", start):
            found = _EXTERNAL_ID.match(text, start)
            if found is None:
                return None
            return _blank_span(head, text, found.start(1), found.end(1))
        elif text.startswith("<!", start):
            pos = _declaration_end(text, start + 2)
        else:
            return None  # the root element: no DOCTYPE
    return None


def without_external_id(data: bytes) -> bytes:
    """``data``, a whole document, with its DOCTYPE's external identifier blanked out
    (:func:`doctype_external_id`)."""
    blank = doctype_external_id(data[:PROLOG_LIMIT])
    if blank is None:
        return data
    at, spaces = blank
    return data[:at] + spaces + data[at + len(spaces):]


def root_default_namespace(head: bytes) -> tuple[str, int, bytes] | None:
    """The default namespace the root element of the document beginning with ``head``
    declares (``xmlns="..."`` on an unprefixed root), with where that declaration's bytes
    begin in the document and as many bytes of spaces in its encoding: what blanks it out
    (:class:`BlankedReader`) without moving a byte or a line. ``None`` when the root
    declares none, or the declaration's bytes are not found where its text is."""
    text = decode_head(head)
    at = _prolog(text)[1]
    tag = _START_TAG.match(text, at) if at >= 0 else None
    declared = _DEFAULT_NAMESPACE.search(tag.group(2)) if tag is not None else None
    if tag is None or declared is None or ":" in tag.group(1):
        return None
    start = tag.start(2) + declared.start(1)
    blank = _blank_span(head, text, start, start + len(declared.group(1)))
    return None if blank is None else (declared.group(3), *blank)


class BlankedReader:
    """A binary stream whose bytes from ``start`` read as ``blank`` (as many bytes): what
    lets a parser read a document without one of its declarations, every other byte, and
    so every line and offset, where it is. Reads and absolute seeks only, as parsers and
    :func:`~.tmx.iter_elements` use them."""

    def __init__(self, handle: IO[bytes], start: int, blank: bytes) -> None:
        self._handle = handle
        self._start, self._blank = start, blank
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        at, self._at = self._at, self._at + len(data)
        end = self._start + len(self._blank)
        if data and at < end and self._at > self._start:
            low, high = max(at, self._start), min(self._at, end)
            data = (data[:low - at] + self._blank[low - self._start:high - self._start]
                    + data[high - at:])
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence != 0:
            raise ValueError("BlankedReader seeks from the start only")
        self._at = self._handle.seek(offset)
        return self._at


def has_entity_declarations(tree_root) -> bool:
    """Whether the parsed document's internal DTD declares entities (second line of defence)."""
    dtd = tree_root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def parse_xml(path: str | Path, *, remove_pis: bool = False) -> etree._ElementTree:
    """The whole document at ``path``, parsed safely (entities refused before parsing, none
    expanded, no DTD, no network; comments dropped). :class:`InputError` for a file that
    cannot be read or is not well-formed."""
    name = input_name(path)
    head = read_head(path)
    check_prolog(head, name)
    blank = doctype_external_id(head)  # an undefined entity an error, not dropped text
    parser = etree.XMLParser(remove_comments=True, remove_pis=remove_pis,
                             **SAFE_PARSER_OPTIONS)
    with open_xml(path) as handle:
        source = handle if blank is None else BlankedReader(handle, *blank)
        return _parse(source, name, parser)  # type: ignore[arg-type]


def read_checked(path: str | Path, repairs: Counter[str] | None = None) -> bytes:
    """The whole document at ``path`` (uncompressed), as bytes that passed every check of
    :func:`parse_xml`: the prolog scan, then a full safe parse whose DTD declares no entities.

    For a library that parses the XML itself (translate-toolkit, for XLIFF): handed these
    bytes rather than the path, it parses exactly what was checked, so neither a trick the
    prolog scan misses nor a file changed in between reaches it. The file is read whole, as
    such a library reads it whole anyway. With ``repairs``, its references to control
    characters (``&#xB;``, Word's line break in a Trados SDLXLIFF) are read as the text
    they stand for, counted there (:func:`control_refs_read`); without, it is refused.
    """
    name = input_name(path)
    with open_xml(path) as handle:
        try:
            data = handle.read()
        except (OSError, EOFError) as exc:
            raise InputError(name, f"cannot read: {exc}") from None
    if repairs is not None:
        data = control_refs_read(io.BytesIO(data), data[:4], repairs).read()
    check_prolog(data[:PROLOG_LIMIT], name)
    data = without_external_id(data)  # an undefined entity an error, not dropped text
    _parse(io.BytesIO(data), name, etree.XMLParser(**SAFE_PARSER_OPTIONS))
    return data


# libxml2's message for a reference to an entity the document does not declare
_UNDEFINED_ENTITY = lazy_pattern(r"Entity '([^']+)' not defined")

# libxml2's message for a character reference to a control character (&#xB;)
_CONTROL_CHAR_REF = lazy_pattern(r"xmlParseCharRef: invalid xmlChar value (\d+)$")
_CONTROL_NAMES = {0x0B: ", Word's manual line break as Trados exports it",
                  0x1F: ", Word's optional hyphen as Trados exports it",
                  0x1E: ", Word's non-breaking hyphen as Trados exports it"}

# lxml's hint when one of libxml2's limits (kept on: SAFE_PARSER_OPTIONS) stops a parse
_LIMIT_HINT = lazy_pattern(r",?\s*(try|use) XML_PARSE_HUGE( option)?\s*")


def syntax_error(name: str, exc: etree.XMLSyntaxError) -> InputError:
    """The one-line error for a document lxml could not parse, worded by
    :func:`syntax_message`. An undefined entity stops iterparse with "no element found" at
    line 0: the error libxml2 logged for it, with its line, is the one told (the last one
    logged with a line: the log may still hold a parse's before, see clear_error_log)."""
    logged = [entry for entry in exc.error_log
              if entry.level >= etree.ErrorLevels.ERROR and entry.line]
    if logged and _UNDEFINED_ENTITY.search(logged[-1].message):
        return InputError(name, syntax_message(exc, logged[-1].message), logged[-1].line)
    return InputError(name, syntax_message(exc), exc.lineno or None)


def syntax_message(exc: etree.XMLSyntaxError, logged: str | None = None) -> str:
    """Why lxml could not parse a document, for a one-line error (its position left to the
    error's line). A document that is well-formed but past one of libxml2's limits (a
    text or attribute of more than 10 MB, elements nested more than 256 deep), which stay
    on against hostile files, is said to be too large: not ill-formed XML, and the hint
    lxml gives (XML_PARSE_HUGE) is no option of this tool. A reference to a control
    character is named as one, and Word's three Trados exports as such ("invalid xmlChar
    value 11" said nothing of ``&#xB;``, Word's manual line break)."""
    message = re.sub(r",? ?\(?line \d+,? column \d+\)?$", "",
                     logged or str(exc.msg or exc)).strip()
    control = _CONTROL_CHAR_REF.search(message)
    if control is not None:
        code = int(control.group(1))
        return (f"not well-formed XML: a reference to the control character U+{code:04X} "
                f"(&#x{code:X};{_CONTROL_NAMES.get(code, '')}), which XML cannot carry")
    entity = _UNDEFINED_ENTITY.search(message)
    if entity is not None:
        return (f"undefined entity &{entity.group(1)}; (XML defines &amp; &lt; &gt; &quot; "
                "&apos; alone, and no DTD is read): write the character itself")
    if not _LIMIT_HINT.search(message):
        return f"not well-formed XML: {message}"
    what = ("elements nested more than 256 deep" if "depth" in message
            else "a text or an attribute value of more than 10 MB")
    return f"too large to read safely: {what} (a limit kept against hostile files)"


def _parse(source: IO[bytes], name: str, parser: etree.XMLParser) -> etree._ElementTree:
    """``source`` parsed with ``parser`` (made with :data:`SAFE_PARSER_OPTIONS`), refused if
    its DTD declares entities all the same; :class:`InputError` for anything wrong."""
    etree.clear_error_log()  # what syntax_error reads is this parse's
    try:
        tree = etree.parse(source, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(name, exc) from None
    except (OSError, EOFError) as exc:
        raise InputError(name, f"cannot read: {exc}") from None
    if has_entity_declarations(tree.getroot()):
        raise InputError(name, "refused: the DOCTYPE declares entities")
    return tree


def check_archive(
    path: str | Path,
    *,
    max_inflated: int,
    max_ratio: float,
    ratio_floor: int = ARCHIVE_RATIO_FLOOR,
    what: str = "ZIP archive",
) -> None:
    """Refuse the ZIP archive at ``path`` if it is not a ZIP, or if inflating it would be
    absurd: more than ``max_inflated`` bytes in all, or a member over ``ratio_floor`` bytes
    that inflates more than ``max_ratio`` times its compressed size.

    Only the central directory is read (``infolist()``), nothing is inflated. Members must
    be stored or deflated; for those the directory's sizes are binding, as Python's
    :mod:`zipfile` inflates deflate data a bounded piece at a time and stops a member at
    the size the directory declares (then fails its CRC check), so an archive cannot lie
    its way past this check. ``what`` names the kind of file in the messages.
    """
    import zipfile  # imported when needed: a run that reads no archive starts sooner

    # The compression methods an archive of XML may use. OOXML (XLSX) and ODF allow only
    # these two, and they are the only ones whose inflating :mod:`zipfile` bounds per read:
    # it inflates bzip2 and LZMA data a whole compressed chunk at a time, so a 445-byte
    # bzip2 member grows to 400 MB in memory on the first 16 KB read, whatever it declares.
    methods = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
    name = input_name(path)
    try:
        with zipfile.ZipFile(readable_file(path)) as archive:
            members = archive.infolist()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError,
            OverflowError) as exc:
        # zipfile reports a damaged directory in several ways (a forged "version needed"
        # field is NotImplementedError): all mean the same to a user
        raise InputError(name, f"not a readable {what} ({exc})") from None
    total = 0
    for member in members:
        if member.compress_type not in methods:
            raise InputError(
                name,
                f"refused: {what} member {member.filename!r} uses compression method "
                f"{member.compress_type} (only stored and deflated are accepted)",
            )
        inflated = member.file_size
        ratio = inflated / max(member.compress_size, 1)
        if inflated > ratio_floor and ratio > max_ratio:
            raise InputError(
                name,
                f"refused: {what} member {member.filename!r} would inflate from "
                f"{_size(member.compress_size)} to {_size(inflated)} ({ratio:.0f}:1, the "
                f"limit is {max_ratio:.0f}:1); this looks like a zip bomb",
            )
        total += inflated
        if total > max_inflated:
            raise InputError(
                name,
                f"refused: {what} would inflate to more than {_size(max_inflated)} "
                f"(the limit); this looks like a zip bomb",
            )


def check_archive_parts(path: str | Path, what: str = "ZIP archive") -> None:
    """Refuse the ZIP archive at ``path`` (bounded by :func:`check_archive` first) if one of
    its XML parts declares entities, by :func:`check_prolog` on each part's head.

    A part is XML if its head, decoded as a parser would, starts with ``<`` (after blanks):
    whatever its name, as the archive's own content types may call any part XML; images and
    other binary parts never do, and no parser reads them as XML.
    """
    import zipfile
    import zlib

    name = input_name(path)
    with zipfile.ZipFile(readable_file(path)) as archive:
        for member in archive.infolist():
            try:
                with archive.open(member) as part:
                    head = _read_prolog(part)
            except (OSError, EOFError, zlib.error, zipfile.BadZipFile,
                    NotImplementedError) as exc:
                raise InputError(name, f"not a readable {what} ({exc})") from None
            if not decode_head(head).lstrip().startswith("<"):
                continue
            try:
                check_prolog(head, name)
            except InputError as exc:
                at = f" (line {exc.line})" if exc.line else ""
                raise InputError(name, f"{what} part {member.filename!r}{at}: {exc.message}"
                                 ) from None


def _read_prolog(handle: IO[bytes], limit: int = PROLOG_LIMIT) -> bytes:
    """The start of the document ``handle`` reads, up to its root element (a few bytes more)
    or ``limit`` bytes: read in growing pieces, so the rest of a large part is not inflated
    (nor, in a damaged archive, its CRC failure met before the reading that says where)."""
    head, size = b"", 4096
    while len(head) < limit and (piece := handle.read(min(size, limit - len(head)))):
        head += piece
        # the root is found only where the bytes after its "<" are read too: a piece that
        # ends at "<" may go on as "<!DOCTYPE"
        if _prolog(decode_head(head[:-16]))[1] >= 0:
            break
        size *= 2
    return head


def _size(count: int) -> str:
    """A byte count for a message: ``300.0 MiB``."""
    size = float(count)
    for unit in ("bytes", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"
