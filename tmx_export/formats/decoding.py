"""Bytes in, text out: how an input's bytes are decoded.

Decoding follows what real bilingual dumps arrive in: UTF-8 with or without a BOM, UTF-16
with a BOM (Windows exports), and the Windows code pages of old Word/Excel copies (cp1252,
or cp1250, cp1251, cp1253, cp1257 when their decoding gives the words of their languages,
:func:`legacy_codepage`) or their ISO 8859 siblings. Anything else is refused with one line
naming the file, rather than guessed into garbage: a file whose words no code page reads,
or that mixes encodings (UTF-8 with a line in cp1252, a cp1252 file with a line of UTF-8,
each side of a table in its own code page, CESU-8).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..errors import InputError

_ASCII_BYTES = bytes(range(128))


# A character of two to four bytes in UTF-8. Its lead byte first, the bytes after it checked
# behind: a pattern that opens with a set is searched for three times as fast.
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xf4](?:(?<=[\xc2-\xdf])[\x80-\xbf]|(?<=\xe0)[\xa0-\xbf][\x80-\xbf]"
    rb"|(?<=[\xe1-\xec\xee\xef])[\x80-\xbf]{2}|(?<=\xed)[\x80-\x9f][\x80-\xbf]"
    rb"|(?<=\xf0)[\x90-\xbf][\x80-\xbf]{2}|(?<=[\xf1-\xf3])[\x80-\xbf]{3}"
    rb"|(?<=\xf4)[\x80-\x8f][\x80-\xbf]{2})")
# Lines holding such characters looked at, at most (Greek or Cyrillic capitals make many).
_UTF8_LINES_CHECKED = 10_000


# UTF-16 text of the Latin scripts has a NUL in one byte of nearly every character (the
# high byte of every ASCII and Latin-1 character), in the odd bytes when little-endian, in
# the even ones when big-endian; a binary file scatters its NULs over both.
UTF16_NUL_SHARE = 0.7  # at least this share of one parity's bytes are NUL
UTF16_OTHER_NUL_SHARE = 0.02  # and at most this share of the other's
_UTF16_SAMPLE = 4096


# The code pages a file that is not UTF-8 may be in, each with languages written in it that
# have word lists: the Windows ones (Excel's "Text (Tab delimited)", Notepad), then their ISO
# 8859 siblings (Unix editors, old web pages), which place a few letters elsewhere (Polish
# "ś" is B6 in ISO 8859-2, "¶" in cp1250; French "œ" BD in ISO 8859-15, "½" in cp1252) and
# have control characters where Windows has its quotes and dashes (80-9F). cp1252, first, is
# taken unless another reads clearly more words of its languages.
LEGACY_CODEPAGES = {
    "cp1252": ("en", "fr", "de", "es", "it", "pt", "nl", "da", "sv", "nb", "fi"),
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "hr", "ro"),
    "cp1257": ("lt", "lv"),
    "cp1251": ("ru", "uk", "bg", "mk"),
    "cp1253": ("el",),
    "iso-8859-15": ("en", "fr", "de", "es", "it", "pt", "nl", "da", "sv", "nb", "fi"),
    "iso-8859-2": ("pl", "cs", "sk", "hu", "sl", "hr", "ro"),
    "iso-8859-13": ("lt", "lv"),
    "iso-8859-7": ("el",),
}
_CODEPAGE_NAMES = {"cp1252": "Western European", "cp1250": "Central European",
                   "cp1257": "Baltic", "cp1251": "Cyrillic", "cp1253": "Greek",
                   "iso-8859-15": "Western European", "iso-8859-2": "Central European",
                   "iso-8859-13": "Baltic", "iso-8859-7": "Greek"}
_ISO_CODEPAGES = frozenset(codec for codec in LEGACY_CODEPAGES if codec.startswith("iso"))
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
# Signs a text holds only by a wrong reading: control characters, spacing accents, the
# currency and broken-bar signs of the Windows code pages where ISO 8859 has "€" and "Š".
_ODD_SIGN = re.compile("[\x80-\x9f\u00a4\u00a6\u00b8\u02c7\u02d8\u02d9\u02db\u02dd]")
# What the code pages are told apart by: the distinct words beyond ASCII of the file's
# lines holding bytes beyond ASCII (the first 64 KiB of them), at most this many words.
_SAMPLE_BYTES = 1 << 16
_SAMPLE_WORDS = 500
# Letters: not the digits of other kinds the code pages have ("m²", "½"), which would glue
# a wrong reading's letters to words ("½uvre").
_WORD = re.compile(r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be]+")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
# A code page is taken when it reads at least this many times as many words known in its
# languages that another code page reads otherwise as the other does the other way round:
# else the file is refused, as it cannot be told.
CODEPAGE_MARGIN = 2
# ... and when at least this share of the distinct words beyond ASCII it reads are known in
# its languages: read in the right code page, DGT-TM text has 58% to 99% of them known
# (proper names, rare compounds), read in a wrong one (a Mac file, Estonian, which has no
# list) at most a quarter.
CODEPAGE_KNOWN_SHARE = 0.5


# The byte order marks a text file may open with, and the codec each says (UTF-32 before
# UTF-16: its little-endian BOM begins with UTF-16's).
_BOM_CODECS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
               (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
               (codecs.BOM_UTF16_BE, "utf-16"))


def is_blank(data: bytes) -> bool:
    """Whether ``data`` (a file's content or its head) holds nothing but white space, a
    byte order mark aside: a file of a BOM alone, as an editor saves an empty document in
    UTF-8 or UTF-16, is as empty as one of no bytes."""
    if not data.strip():
        return True
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            # (a head cut inside a character: only what decodes counts)
            return not data.decode(codec, "ignore").strip()
    return False


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` (the content of file ``name``) by BOM, then UTF-8, then the code page
    :func:`legacy_codepage` finds."""
    if is_blank(data):
        raise InputError(name, "file is empty")
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"not valid {codec.upper()}: {exc.reason}",
                                 _line_of(data, exc.start)) from None
            return _checked_text(text, name)
    if b"\x00" in data:
        order = utf16_without_bom(data)
        if order is not None:
            raise InputError(name, f"UTF-16 ({order}) without a byte order mark: save it with "
                             "a BOM or as UTF-8")
        raise InputError(name, "binary file (NUL bytes), not text", _line_of(data, data.index(0)))
    try:
        return _checked_text(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    _refuse_encoded_surrogates(data, name, utf8_error)
    if _mostly_utf8(data):
        raise InputError(name, f"not valid UTF-8 ({utf8_error.reason}), though most of the file "
                               "is: a part in another encoding (a line pasted from "
                               "elsewhere?); save it all as UTF-8",
                         _line_of(data, utf8_error.start))
    pasted = _utf8_line(data)
    if pasted is not None:
        raise InputError(name, "not UTF-8, yet this line is (a line pasted from a UTF-8 "
                               "file?): read in a code page it would be mojibake "
                               "(\"Ã©\" for \"é\"); save it all as UTF-8",
                         _line_of(data, pasted))
    codec = legacy_codepage(codepage_sample(data), name, _line_of(data, utf8_error.start))
    if codec is None:
        raise InputError(
            name,
            f"undecodable bytes (neither UTF-8 nor cp1252): {utf8_error.reason}",
            _line_of(data, utf8_error.start),
        )
    # an ISO code page decodes every byte: 80-9F past the sample are Windows's, not its own
    c1 = _C1_BYTE.search(data) if codec in _ISO_CODEPAGES else None
    try:
        if c1:
            raise UnicodeDecodeError(codec, data, c1.start(), c1.end(), "control character")
        return _checked_text(data.decode(codec), name)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"undecodable bytes (neither UTF-8 nor {codec}, which the "
                               "file's other lines read as)", _line_of(data, exc.start)
                         ) from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data``, not valid UTF-8, is UTF-8 with a part in another encoding (a line
    pasted from a cp1252 file): it has as many UTF-8 characters beyond ASCII as bytes beyond
    ASCII that make none. Read in a code page, its UTF-8 would become "Ã©" for "é" in every
    other line. In text written in a code page such characters are chance (an accented
    capital before a symbol): in DGT-TM text in every EU language and code page, even in
    capitals, at most one for eight bytes that make none."""
    # counted in C (a dump of 100 MB in a code page takes a third of a second)
    beyond_ascii = len(data.translate(None, _ASCII_BYTES))
    ascii_bytes = len(data) - beyond_ascii
    valid = data.decode("utf-8", "ignore")
    characters = len(valid) - ascii_bytes
    in_characters = len(valid.encode("utf-8")) - ascii_bytes
    return characters > 0 and characters >= beyond_ascii - in_characters


def _utf8_line(data: bytes) -> int | None:
    """Where the first line of ``data`` (a file not in UTF-8) starts that is UTF-8 with two
    characters beyond ASCII or more, or one of three bytes ("’"): a line pasted from a UTF-8
    file into a Windows one.
    Bytes in a code page seldom make even one UTF-8 character (an accented capital before
    a sign) and never a whole line of them (none in DGT-TM text in any EU language and
    code page, capitals included)."""
    at, checked = 0, 0
    while checked < _UTF8_LINES_CHECKED:
        found = _UTF8_CHARACTER.search(data, at)  # the lines without one skipped in C
        if found is None:
            return None
        start = data.rfind(b"\n", 0, found.start()) + 1
        end = data.find(b"\n", found.start())
        at = len(data) if end < 0 else end
        line = data[start:at]
        checked += 1
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(line) - len(text) >= 2:  # two characters of two bytes, or one of three
            return start
    return None


def _refuse_encoded_surrogates(data: bytes, name: str, error: UnicodeDecodeError) -> None:
    """The one-line error for a file that is UTF-8 but for surrogates encoded as UTF-8
    (CESU-8, Java's modified UTF-8, WTF-8: ED A0 80 for U+D800): no character, and no code
    page's reading of them is text (an ASCII file with one read as cp1251 "н\xa0Ђ")."""
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return  # other bytes are not UTF-8 either: the code pages are tried
    at = error.start  # the only bytes strict UTF-8 refuses are the surrogates: the first
    surrogate = ord(data[at:at + 3].decode("utf-8", "surrogatepass"))
    raise InputError(name, f"encoded surrogate U+{surrogate:04X} (CESU-8 or WTF-8, as some "
                           "Java and Windows tools write), not UTF-8: save it as UTF-8",
                     _line_of(data, at))


def legacy_codepage(sample: bytes, name: str, line: int | None = None) -> str | None:
    """The code page (:data:`LEGACY_CODEPAGES`) ``sample``, bytes of a file that is not UTF-8
    (:func:`codepage_sample`), is in: the one whose reading holds the most words of its
    languages' word lists, cp1252 on a tie; ``None`` when none decodes it. Read as cp1252,
    Polish "się" was written as "siê" in every unit.

    The file is refused (an input error at ``line``) when the reading taken has too few
    known words to be trusted (:data:`CODEPAGE_KNOWN_SHARE`: a Mac or Estonian file); when
    another code page reads about as many words of its languages that this one reads
    otherwise (:data:`CODEPAGE_MARGIN`: which one it is cannot be told); and when another
    reads words of its languages where this one reads none, as a table does whose each side
    was written in its own code page (French in cp1252, Czech in cp1250: "pęche" for
    "pêche")."""
    c1 = _C1_BYTE.search(sample) is not None
    readings = {}
    for codec in LEGACY_CODEPAGES:
        try:
            readings[codec] = sample.decode(codec)
        except UnicodeDecodeError:
            continue  # a byte the code page leaves undefined: not in it
    # an ISO code page has control characters where Windows has "’" or "š": not taken, but
    # its reading may still show that part of the file is in it
    candidates = [codec for codec in readings if not (c1 and codec in _ISO_CODEPAGES)]
    if not candidates:
        return None
    words = {codec: _words(text) for codec, text in readings.items()}
    if not any(words[codec] for codec in candidates):
        # nothing beyond ASCII but signs ("’", "–", "€"), which the Windows code pages share
        return "cp1252" if "cp1252" in readings else None
    known = {codec: _known_words(found, LEGACY_CODEPAGES[codec])
             for codec, found in words.items()}
    # most known words first, then fewest signs no text has alone (an ISO 8859-13 "’" read
    # in cp1257 is "˙"), cp1252 first on a tie (the sort is stable)
    ranked = sorted(candidates, key=lambda codec: (-len(known[codec]),
                                                   len(_ODD_SIGN.findall(readings[codec]))))

    def beats(codec: str, other: str) -> bool:
        """Whether the words telling ``codec`` from ``other`` are clearly ``codec``'s."""
        theirs = _read_otherwise(known[other], words[other], readings[codec])
        return not theirs or (_read_otherwise(known[codec], words[codec], readings[other])
                              >= CODEPAGE_MARGIN * theirs)

    # the first (most known words, cp1252 on a tie) that the words telling it from every
    # other say: words both read alike ("González" in cp1250 and cp1252) tell nothing
    best = next((codec for codec in ranked
                 if all(beats(codec, other) for other in ranked if other != codec)), None)
    if best is None:
        raise InputError(name, f"not UTF-8, and its encoding cannot be told: it reads as "
                               f"{_codepages(*ranked[:2])}; save it as UTF-8", line)
    if len(known[best]) < CODEPAGE_KNOWN_SHARE * len(words[best]):
        raise InputError(name, f"undecodable bytes (neither UTF-8 nor a code page that "
                               f"reads them as words: {len(known[best])} of its "
                               f"{len(words[best])} words beyond ASCII known read as {best}, "
                               f"{_CODEPAGE_NAMES[best]}); save it as UTF-8", line)
    for other in readings:
        found = other != best and _words_only_in(other, words[other], known[other],
                                                 readings[best], best)
        if found:
            raise InputError(name, f"not UTF-8, and in more than one code page: read as "
                                   f"{_codepages(best, other)}, its words are of their "
                                   f"languages (\"{found[1]}\" for \"{found[0]}\"); save it "
                                   "as UTF-8", line)
    return best


def _codepages(*codecs: str) -> str:
    return " or ".join(f"{codec} ({_CODEPAGE_NAMES[codec]})" for codec in codecs)


def _words_only_in(codec: str, words: dict[str, int], known: set[str], reading: str,
                   taken: str) -> tuple[str, str] | None:
    """A word of two letters or more of ``codec``'s languages (``known``, of ``words``)
    where the ``reading`` of the code page ``taken`` has no word of its own languages
    ("pęche", "czę¶ci"), with the taken reading of it; ``None`` if there is none. In text
    written in one code page there is none: the wrong readings of its words are no words
    of any language (none in DGT-TM text in any EU language and code page)."""
    for word in known:
        at = words[word]
        if len(word) < 2 or reading[at:at + len(word)].lower() == word:
            continue
        # the taken reading's words over the same bytes (a wrong byte may cut a word in two)
        start, end = at, at + len(word)
        while start and _WORD.match(reading, start - 1, start) is not None:
            start -= 1
        while end < len(reading) and _WORD.match(reading, end, end + 1):
            end += 1
        theirs = [found.group().lower() for found in _WORD.finditer(reading, start, end)]
        if not any(_known_words(dict.fromkeys(theirs), LEGACY_CODEPAGES[taken])):
            return word, reading[start:end]
    return None


def codepage_sample(data: bytes) -> bytes:
    """What :func:`legacy_codepage` tells the code page of ``data`` by: its lines holding
    bytes beyond ASCII, the first :data:`_SAMPLE_BYTES` of them, wherever they are in the
    file (a dump whose first pages are English, its names in Polish later)."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    lines, size, at = [], 0, 0
    while size < _SAMPLE_BYTES:
        found = _NON_ASCII_BYTE.search(data, at)  # the ASCII lines skipped in C
        if found is None:
            break
        start = data.rfind(b"\n", 0, found.start()) + 1
        end = data.find(b"\n", found.start())
        at = len(data) if end < 0 else end
        lines.append(data[start:min(at, start + _SAMPLE_BYTES)])
        size += len(lines[-1])
    return b"\n".join(lines)


def _words(text: str) -> dict[str, int]:
    """The distinct words beyond ASCII of ``text`` (lower case, up to
    :data:`_SAMPLE_WORDS`), each with where it is first: only they differ between the code
    pages' readings."""
    words: dict[str, int] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        if not word.isascii():
            words.setdefault(word.lower(), match.start())
            if len(words) >= _SAMPLE_WORDS:
                break
    return words


def _known_words(words: dict[str, int], languages: tuple[str, ...]) -> set[str]:
    """Those of ``words`` in the word list of one of ``languages``."""
    from ..frequencies import zipf  # imported here: only files not in UTF-8 need it

    return {word for word in words if any(zipf(word, lang) > 0 for lang in languages)}


def _read_otherwise(known: set[str], words: dict[str, int], other: str) -> int:
    """How many of the ``known`` words (of ``words``) of two letters or more the ``other``
    reading of the same bytes reads otherwise: what tells the two code pages apart (a byte
    a character, a word is at the same place in each). A letter alone is in most lists (an
    abbreviation): French "à" read in cp1250 is Slovak "ŕ"."""
    return sum(1 for word in known if len(word) > 1
               and other[words[word]:words[word] + len(word)].lower() != word)


def utf16_without_bom(data: bytes) -> str | None:
    """``"little-endian"`` or ``"big-endian"`` when ``data`` has the NUL pattern of UTF-16
    text without a byte order mark (see :data:`UTF16_NUL_SHARE`), else ``None``."""
    sample = data[:_UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2][:half].count(0) / half, sample[1::2][:half].count(0) / half
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_NUL_SHARE:
        return "little-endian"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_NUL_SHARE:
        return "big-endian"
    return None


def _checked_text(text: str, name: str) -> str:
    if too_many_controls(text):
        raise InputError(name, "binary file (control characters), not text")
    return text


def too_many_controls(text: str) -> bool:
    """Whether the start of a text holds too many control characters for a text file: a
    binary file (an image, an archive, an executable) that happened to decode."""
    head = text[:65536]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(8, len(head) // 100)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# Line ends as an editor may rewrite them, and those a file may end with: a copy saved on
# Windows (CRLF), with or without its last line's end, is the same text.
_LINE_ENDS_RE = re.compile(r"\r\n?")
_BLOCK = 1 << 20


def text_digest(path: str | Path) -> bytes | None:
    """SHA-256 of the text of file ``path`` as a reader takes it (:func:`file_digests`), or
    ``None`` for a file that is no text."""
    return file_digests(path)[0]


def file_digests(path: str | Path) -> tuple[bytes | None, bytes]:
    """SHA-256 of the text of file ``path`` as a reader takes it, the way it was saved
    aside, and SHA-256 of its bytes, the file read once. The text: decoded (by its BOM,
    else as UTF-8, else in the code page :func:`decode_bytes` finds), the BOM left out,
    line ends made "\\n" and those at its end dropped. A copy re-saved by an editor (CRLF
    line ends, UTF-16 with a BOM, a final line end added) has the text digest of the file
    it copies. ``None`` for the text of a file that is no text (a workbook, a file
    :func:`decode_bytes` refuses): its bytes are what identify it.

    Read a block at a time, so a large memory is never held whole (a legacy code page,
    rare and small, is decoded whole)."""
    digest, raw = hashlib.sha256(), hashlib.sha256()
    # False once the bytes are not text in the codec their start says (read whole after);
    # None for NUL bytes where UTF-8 is read: no text at all
    text_read: bool | None = True
    with open(path, "rb") as handle:
        head = handle.read(4)
        codec = next((codec for bom, codec in _BOM_CODECS if head.startswith(bom)), "utf-8")
        decoder = codecs.getincrementaldecoder(codec)()
        handle.seek(0)
        tail = ""  # line ends at a block's end: part of a CRLF, or the file's last
        for block in iter(lambda: handle.read(_BLOCK), b""):
            raw.update(block)
            if not text_read:
                continue
            if codec == "utf-8" and b"\x00" in block:
                text_read = None  # (UTF-16 without a BOM or a binary file: refused as text)
                continue
            try:
                text = tail + decoder.decode(block)
            except UnicodeDecodeError:
                text_read = False
                continue
            kept = text.rstrip("\r\n")
            tail = text[len(kept):]
            digest.update(_LINE_ENDS_RE.sub("\n", kept).encode("utf-8"))
        if text_read:
            try:
                kept = (tail + decoder.decode(b"", final=True)).rstrip("\r\n")
            except UnicodeDecodeError:
                text_read = False
            else:
                digest.update(_LINE_ENDS_RE.sub("\n", kept).encode("utf-8"))
                return digest.digest(), raw.digest()
    if text_read is None:
        return None, raw.digest()
    try:
        text = decode_bytes(Path(path).read_bytes(), str(path))
    except InputError:
        return None, raw.digest()
    text = _LINE_ENDS_RE.sub("\n", text.rstrip("\r\n"))
    return hashlib.sha256(text.encode("utf-8")).digest(), raw.digest()
