"""Bytes in, text out; text in, files out -- safely.

Decoding follows what real bilingual dumps arrive in: UTF-8 with or without a BOM, UTF-16
with a BOM (Windows exports), and cp1252 (old Word/Excel copies). Anything else is refused
with one line naming the file, rather than guessed into garbage.

Output goes through :func:`atomic_output`: a temporary file beside the target, renamed over
it only when writing succeeded, so a failed run never leaves a partial file.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import InputError

STDIN_NAME = "<stdin>"

# cp1252 leaves five bytes undefined; a file using them is not cp1252 text.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` (the content of file ``name``) by BOM, then UTF-8, then cp1252."""
    if not data.strip():
        raise InputError(name, "file is empty")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"not valid {codec.upper()}: {exc.reason}",
                                 _line_of(data, exc.start)) from None
            return _checked_text(text, name)
    if b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes), not text", _line_of(data, data.index(0)))
    try:
        return _checked_text(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    bad = next((i for i, b in enumerate(data) if b in _CP1252_UNDEFINED), None)
    if bad is not None:
        raise InputError(
            name,
            f"undecodable bytes (neither UTF-8 nor cp1252): {utf8_error.reason}",
            _line_of(data, utf8_error.start),
        )
    return _checked_text(data.decode("cp1252"), name)


def _checked_text(text: str, name: str) -> str:
    # Text files have few control characters; many of them means a binary file that
    # happened to decode (images, archives, executables).
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(name, "binary file (control characters), not text")
    return text


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def readable_file(path: str | Path) -> Path:
    """``path`` as a Path, or the one-line error saying why it is not a file to read."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, expected a file")
    if not p.is_file():
        raise InputError(str(path), "not a regular file")
    return p


def read_text(path: str | Path) -> str:
    """The decoded text of ``path`` (``"-"`` reads standard input)."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), STDIN_NAME)
    p = readable_file(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    return decode_bytes(data, str(path))


@contextmanager
def atomic_output(path: str | Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it to ``path`` only on success."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(str(path), "cannot write: the directory does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
