"""The user's cache directory: data derived once from what the wheels ship.

Two things are slow to load from their wheels and never change between runs: py3langid's
LZMA-compressed model and wordfreq's word lists. Each is turned once into files that load
in milliseconds (memory-mapped where it helps) and kept here, in a folder named after the
source file's size and content, so a new release of the library makes a new folder.

A new folder would leave the old one behind for ever (the language model's is 66 MB), so
each run marks the folders it uses (their time, at most once a day) and filling a new
folder removes those of the same kind that no run has used for :data:`STALE_DAYS` days.
Not sooner: two virtual environments with different releases of a library share the
cache, and each would otherwise delete the other's folder and rebuild its own at every
run. A change to the layout of the derived files must change the kind's name, since the
folder's name only tells releases of the source apart.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

# Folders of a kind that no run has used for this long go when a new one is filled.
STALE_DAYS = 30
_DAY = 24 * 3600


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
    66 MB copy of the language model for each), and a new release makes a new one. The
    folder, when it is there, is marked as used (see the module's documentation)."""
    folder = cache_dir() / f"{name}-{source.stat().st_size}-{_fingerprint(source)}"
    _mark_used(folder)
    return folder


def _mark_used(folder: Path) -> None:
    """Set the folder's time to now if it is older than a day (one ``stat`` a run)."""
    try:
        if folder.stat().st_mtime < time.time() - _DAY:
            os.utime(folder)
    except OSError:  # not there yet, or a cache we may not write: nothing to mark
        pass


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
    _prune(folder)


def _prune(folder: Path) -> None:
    """Remove the folders of ``folder``'s kind (named ``KIND-SIZE-DIGEST``) unused for
    :data:`STALE_DAYS` days, and the temporary folders that runs killed while filling one
    left behind (a day old: a run filling one now is younger)."""
    import shutil

    kind = folder.name.rsplit("-", 2)[0]
    now = time.time()
    try:
        siblings = list(folder.parent.iterdir())
    except OSError:
        return
    for other in siblings:
        name = other.name
        if other == folder or not other.is_dir():
            continue
        if name.startswith(f"{kind}-") and name[len(kind) + 1:].count("-") == 1:
            limit = now - STALE_DAYS * _DAY
        elif name.startswith(f".{kind}-"):
            limit = now - _DAY
        else:
            continue  # another kind, or a kind whose name only begins like this one
        try:
            if other.stat().st_mtime < limit:
                shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass
