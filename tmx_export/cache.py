"""The user's cache directory: data derived once from what the wheels ship.

Two things are slow to load from their wheels and never change between runs: py3langid's
LZMA-compressed model and wordfreq's word lists. Each is turned once into files that load
in milliseconds (memory-mapped where it helps) and kept here, in a folder named after the
source file's size and content, so a new release of the library makes a new folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    """Where derived data is kept between runs: ``$TMX_EXPORT_CACHE``, else
    ``$XDG_CACHE_HOME/tmx-export``, else ``~/.cache/tmx-export``."""
    if os.environ.get("TMX_EXPORT_CACHE"):
        return Path(os.environ["TMX_EXPORT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tmx-export"


def derived_folder(name: str, source: Path) -> Path:
    """The cache folder for data derived from ``source``, named by its size and a digest
    of its content: every virtual environment that installs the same release shares one
    folder (an installer stamps files with its own time, so a name by time made a new
    66 MB copy of the language model for each), and a new release makes a new one."""
    return cache_dir() / f"{name}-{source.stat().st_size}-{_fingerprint(source)}"


_EDGE = 1 << 16


def _fingerprint(source: Path) -> str:
    """A checksum of a small file whole, or of a large one's first and last 64 KB: the data
    files concerned are compressed (gzip, xz), and a compressed stream's end carries the
    checksum of everything before it, so a change anywhere changes its last bytes. CRC-32
    beside the size in the folder's name tells releases apart; :mod:`hashlib` would cost
    every run a tenth of its start-up to load OpenSSL."""
    import zlib

    with source.open("rb") as handle:
        head = handle.read(2 * _EDGE + 1)
        if len(head) <= 2 * _EDGE:
            digest = zlib.crc32(head)
        else:
            digest = zlib.crc32(head[:_EDGE])
            handle.seek(-_EDGE, os.SEEK_END)
            digest = zlib.crc32(handle.read(), digest)
    return f"{digest:08x}"


def fill_atomically(folder: Path, fill: Callable[[Path], None]) -> None:
    """Have ``fill`` write the files of ``folder`` into a temporary folder that is renamed
    into place when complete: a run killed half-way leaves no half-written cache, and two
    runs filling it at once (``--jobs``) both end with a whole one. ``OSError`` when the
    cache cannot be written."""
    import shutil  # only when the cache is filled: once, not at every start
    import tempfile

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        fill(work)
        try:
            work.rename(folder)
        except OSError:  # another run put it there first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
