"""Text in, files out -- safely: reading an input as text (decoded by :mod:`.decoding`),
standard input as a file, and every output written atomically.

Output goes through :func:`atomic_output`: a temporary file beside the target, renamed over
it only when writing succeeded, so a failed run never leaves a partial file.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .._lazy import lazy_pattern
from ..errors import InputError, shown_name
from .decoding import decode_bytes

STDIN_NAME = "<stdin>"
# How standard output is named in an error (a full disk behind "-o -").
STDOUT_NAME = "<stdout>"

# What ends a line as a line break does, besides LF, CR and NEL: a page break (pdftotext
# writes a form feed at each), a vertical tab, the information separators and Unicode's line
# and paragraph separators. Most are characters XML cannot carry: removed, they would glue
# the words on either side together. (Characters to put in a regex character class.)
LINE_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\u2028\u2029"


# Standard input, copied once into a private temporary file (see stdin_copy): the stream
# copied, its copy and the process that copied it
_stdin: tuple[object, Path, int] | None = None


def stdin_copy() -> Path:
    """Standard input as a file: read once, on first need, into a private temporary
    directory that is removed when the process that made it exits. Every reader can then
    open ``-`` by name, as often as it needs (its format is told from its content before
    it is read, as for a file), whatever its format: TMX, XLIFF, PO, XLSX, tables, dumps.
    A new standard input (a program that replaced ``sys.stdin``) is copied anew, and the
    copy of the one before removed: a service handing each upload to ``build(["-"])`` as
    its standard input kept a copy of every upload until it exited."""
    global _stdin
    if sys.stdin is None:  # closed (`build - <&-`): Python gives no stream at all
        raise InputError(STDIN_NAME, "standard input is closed")
    stream = sys.stdin.buffer
    # a forked worker reads its parent's copy: multiprocessing gives it /dev/null as stdin
    copied_here = _stdin is not None and _stdin[2] == os.getpid()
    if _stdin is None or (copied_here and _stdin[0] is not stream):
        import atexit
        import shutil
        import tempfile

        directory = tempfile.mkdtemp(prefix="tmx-export-stdin-")
        maker = os.getpid()
        # only the process that made it removes it (forked workers read it too)
        atexit.register(lambda: os.getpid() == maker and shutil.rmtree(directory, True))
        copy = Path(directory) / "stdin"
        with copy.open("wb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
        if _stdin is not None and copied_here:
            shutil.rmtree(_stdin[1].parent, True)  # the standard input replaced
        _stdin = (stream, copy, maker)
    return _stdin[1]


# A byte of a file's name that is not UTF-8 (a Latin-1 name from an old archive), which
# Python keeps as a lone surrogate: no UTF-8 output (a TMX, a report, a termbase) can hold it.
_UNDECODABLE = lazy_pattern("[\udc80-\udcff]")


def input_name(path: str | Path) -> str:
    """How messages and units name an input: ``<stdin>`` for ``-``, and a byte of the name
    that is not UTF-8 as ``\\xe9``, as ``ls -b`` shows it (and the error line,
    :func:`~tmx_export.errors.shown_name`): units, rejects and reports name the file with
    text every output can hold."""
    name = STDIN_NAME if str(path) == "-" else str(path)
    if name.isascii():
        return name
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


def readable_file(path: str | Path) -> Path:
    """``path`` as a Path (for ``-``, the copy of standard input, :func:`stdin_copy`), or
    the one-line error saying why it is not a file to read."""
    if str(path) == "-":
        return stdin_copy()
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, expected a file")
    if not p.is_file():
        raise InputError(str(path), "not a regular file: a pipe or a device can be "
                         "read only once; give it as standard input ('-')")
    return p


def read_text(path: str | Path) -> str:
    """The decoded text of ``path`` (``"-"`` reads standard input), uncompressed first when
    it is gzip-compressed (:func:`uncompressed`)."""
    if str(path) == "-":
        return decode_bytes(uncompressed(stdin_copy().read_bytes(), STDIN_NAME), STDIN_NAME)
    p = readable_file(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    return decode_bytes(uncompressed(data, str(path)), str(path))


def read_head_text(path: str | Path, lines: int) -> str:
    """The decoded text of the first ``lines`` lines of ``path`` at least (as
    :func:`read_text` decodes the file: uncompressed, ``"-"`` standard input), reading no
    more of the file than they take. What a file declares in its first lines (the
    languages of ``pairs`` JSON Lines) was read by decoding the whole file, which the
    reader then decoded again: two reads of a large file. A head that is not UTF-8 (a code
    page is told from the whole file) is the whole file's text."""
    import zlib  # (built in: its error is caught; gzip itself only for a .gz file)

    name = STDIN_NAME if str(path) == "-" else str(path)
    p = stdin_copy() if str(path) == "-" else readable_file(path)
    chunk, head = 1 << 16, b""
    try:
        with open(p, "rb") as raw:
            handle: IO[bytes] = raw
            if raw.read(2) == GZIP_MAGIC:
                import gzip

                handle = gzip.GzipFile(fileobj=raw)
            raw.seek(0)
            while head.count(b"\n") < lines:
                more = handle.read(chunk)
                if not more:  # the whole file
                    return decode_bytes(head, name)
                head += more
                chunk *= 2
    except (OSError, EOFError, zlib.error) as exc:  # (a stream cut short, as uncompressed)
        raise InputError(input_name(name), f"cannot read: {exc}") from None
    cut = head[:head.rindex(b"\n") + 1]
    try:
        cut.decode("utf-8")
    except UnicodeDecodeError:
        return read_text(path)
    return decode_bytes(cut, name)


GZIP_MAGIC = b"\x1f\x8b"


def uncompressed(data: bytes, name: str) -> bytes:
    """``data`` uncompressed when it is gzip-compressed (by its first bytes, whatever the
    name), else as it is: a table, JSON Lines file or dump as pipelines keep them
    (``pairs.tsv.gz``, an OPUS or Hugging Face ``.jsonl.gz``, ``pairs -o pairs.jsonl.gz``)
    was refused as a "binary file (NUL bytes)", while a ``.tmx.gz`` was read. A stream cut
    short or corrupt is the one-line error naming the file."""
    if not data.startswith(GZIP_MAGIC):
        return data
    import gzip  # only here: a run that reads no .gz does not load it (startup time)
    import zlib

    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(input_name(name), f"cannot read: {exc}") from None


# Errors of writing, as opposed to reading: reported against the output being written.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


def check_writable(path: str | Path) -> Path:
    """The directory ``path`` will be written in, or the one-line error saying why it
    cannot be: checked before any work, so a typo in ``-o`` costs nothing."""
    # Path() drops a final "/": "newdir/" would be written as the file "newdir"
    if str(path).endswith(("/", os.sep)) and not Path(path).is_dir():
        raise InputError(str(path), "cannot write: a directory name (ends in '/'), "
                         "not a file name")
    in_place, target = output_target(path)
    if in_place:  # a device or a pipe: opened for writing, never created or renamed over
        if not os.access(target, os.W_OK):
            raise InputError(str(path), "cannot write: permission denied")
        return target.parent
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        # "notes.txt/out.tmx": the nearest part of the path there is, a file, is the fault
        there = next((p for p in (directory, *directory.parents) if p.exists()), None)
        if there is not None and not there.is_dir():
            raise InputError(str(path), f"cannot write: {shown_name(str(there))} is a file, "
                             "not a directory")
        raise InputError(str(path), "cannot write: the directory does not exist")
    if target.is_dir():
        raise InputError(str(path), "cannot write: is a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise InputError(str(path), "cannot write: permission denied")
    return directory


def output_target(path: str | Path) -> tuple[bool, Path]:
    """Where an output named ``path`` goes, and whether it is written in place.

    A device or FIFO (``/dev/null``, a pipe a reader waits on) is written in place: a
    rename over it would replace the device node (as root, /dev/null itself) with a
    regular file, or leave the reader waiting. A symlink (a CAT project's link to a shared
    memory) is followed: its target is the file replaced, so the link keeps pointing at
    the new content. Anything else is ``path`` itself, written beside and renamed over.
    """
    given = Path(path)
    try:
        kind = os.stat(given).st_mode  # through any symlink
    except OSError:
        kind = None
    if kind is not None and not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):
        return True, given
    if given.is_symlink():
        return False, Path(os.path.realpath(given))
    return False, given


def temp_beside(path: str | Path, names: list[str]) -> tuple[int, str]:
    """A new temporary file in ``path``'s directory, named ``.NAME.PID.HOST.XXXX.part``:
    the process id (and :func:`_host_tag`, the machine and process namespace it is an id
    in) lets a later run tell the parts of a killed run (removed by
    :func:`remove_stale_parts`) from those of a run still going. Its name goes into
    ``names``, the caller's list of files to remove on failure, before the file is made: a
    SIGTERM raises wherever Python is, and one that came between the file made and its
    name handed back left the file behind (the caller's clean-up did not know it yet)."""
    directory = check_writable(path)
    target = output_target(path)[1]
    remove_stale_parts(target)
    # Made here rather than by tempfile.mkstemp (the same O_EXCL, the same rw------- mode):
    # importing tempfile costs a one-paragraph run a twentieth of its time.
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = os.path.abspath(os.path.join(
            directory, f".{target.name}.{os.getpid()}.{_host_tag()}.{os.urandom(4).hex()}.part"))
        names.append(name)
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            names.pop()  # another's: not ours to remove
            continue
        except OSError as exc:
            raise InputError(str(path), f"cannot write: {exc.strerror}") from None


# A part made on another machine or in another container (another process namespace,
# where its process id means nothing here) is stale when it has not changed for this long.
FOREIGN_PART_DAYS = 2


@lru_cache(maxsize=1)
def _host_tag() -> str:
    """Eight hex digits naming this machine and process namespace: two containers writing
    one output on a shared volume each took the other's part for a killed run's (its
    process id is not running here) and removed it, and the run writing it failed ("No such
    file or directory")."""
    try:
        space = os.stat("/proc/self/ns/pid").st_ino
    except OSError:  # not Linux: the machine's name alone
        space = 0
    node = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(f'{node}/{space}'.encode()):08x}"


def remove_stale_parts(target: Path) -> None:
    """Remove the temporary files a killed run (SIGKILL, power loss) left beside
    ``target``: ours by their name, stale because their process is gone; one made on
    another machine or in another container, when untouched for :data:`FOREIGN_PART_DAYS`
    (a name without the machine's tag, an older release's, is judged by its process)."""
    directory = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    try:
        # (".part-journal": SQLite's journal of a new termbase made in a part)
        names = [n for n in os.listdir(directory)
                 if n.startswith(prefix) and n.endswith((".part", ".part-journal"))]
    except OSError:
        return
    for name in names:
        fields = name[len(prefix):].split(".")
        if not fields[0].isdigit():
            continue
        if len(fields) == 4 and fields[1] != _host_tag():  # PID.HOST.XXXX.part
            stale = _untouched_for(directory / name, FOREIGN_PART_DAYS)
        else:
            stale = not _running(int(fields[0]))
        if stale:
            try:
                os.unlink(directory / name)
            except OSError:
                pass


def _untouched_for(path: Path, days: float) -> bool:
    try:
        return os.stat(path).st_mtime < time.time() - days * 86400
    except OSError:
        return False


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def finish_part(tmp: str, target: str | Path) -> None:
    """Put a complete temporary file in place of ``target``: on disk first (fsync), with
    the mode of the file it replaces (or rw-r--r-- for a new one), then renamed."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o644
    os.chmod(tmp, mode)
    os.replace(tmp, target)


def write_error(path: str | Path, exc: OSError) -> InputError | None:
    """The one-line error for a failed write to ``path`` (disk full...), or ``None`` when
    ``exc`` is not a write error (it names a file of its own, or is about reading)."""
    if exc.filename is None and exc.errno in _WRITE_ERRORS:
        return InputError(str(path), f"cannot write: {exc.strerror}")
    return None


# The groups of outputs open (see outputs_together), innermost last: each a list of
# (commit, discard). A thread's own (a context variable): two builds at once in one process
# (a web service's requests) each put their outputs in place as they end. One list for
# the process handed a build's TMX to the group of the other thread's build: it returned
# before its file was there, and the other's failure discarded it.
_GROUPS: ContextVar[tuple[list[tuple[Callable[[], None], Callable[[], None]]], ...]] = \
    ContextVar("tmx_export_output_groups", default=())


@contextmanager
def outputs_together(ends: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Put every output finished inside the block in place together, when it ends without
    error; on any failure discard them all. A run that fails on its rejects report (a full
    disk) then leaves no new TMX either: all its outputs, or none. A group inside another
    hands its outputs to the outer one. ``ends``: exceptions that end the block as it
    should (an exit status the command chose, as ``check`` ends 1 on findings)."""
    group: list[tuple[Callable[[], None], Callable[[], None]]] = []
    opened = _GROUPS.set((*_GROUPS.get(), group))
    try:
        yield
    except BaseException as exc:
        _GROUPS.reset(opened)
        if not isinstance(exc, ends):
            for _, discard in group:
                discard()
            raise
        _commit(group)
        raise
    _GROUPS.reset(opened)
    _commit(group)


def _commit(group: list[tuple[Callable[[], None], Callable[[], None]]]) -> None:
    """Hand ``group`` to the group around it, or put its outputs in place."""
    groups = _GROUPS.get()
    if groups:
        groups[-1].extend(group)
        return
    for at, (commit, _) in enumerate(group):
        try:
            commit()
        except BaseException:
            for _, discard in group[at + 1:]:
                discard()
            raise


def when_committed(commit: Callable[[], None], discard: Callable[[], None]) -> None:
    """Run ``commit`` now, or with an output group open (:func:`outputs_together`) when
    the group ends well (``discard`` when it does not)."""
    groups = _GROUPS.get()
    if groups:
        groups[-1].append((commit, discard))
    else:
        commit()


def _unlink_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


@contextmanager
def atomic_path(path: str | Path, together: bool = True) -> Iterator[str]:
    """The name of a temporary file beside ``path``, for writers that need a name rather
    than a handle (SQLite); on success it is synced and put in place of ``path`` (the
    replaced file's mode kept; with an output group open and ``together``, when the group
    ends: not for a file the run reads back), on any failure removed. ``path`` may not be
    a device or a pipe (nothing to rename)."""
    if output_target(path)[0]:
        raise InputError(str(path), "cannot write: not a regular file (a device or a pipe)")
    made: list[str] = []  # (its name is in it before the file exists: see temp_beside)
    try:
        fd, tmp = temp_beside(path, made)
        os.close(fd)
        target = output_target(path)[1]
        try:
            yield tmp
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:  # a full disk is the output's problem: name it
            error = write_error(path, exc)
            if error is None:
                raise
            raise error from None
    except BaseException:
        for name in made:
            _unlink_quietly(name)
        raise
    if not together:
        try:
            finish_part(tmp, target)
        except BaseException:
            _unlink_quietly(tmp)
            raise
        return
    when_committed(lambda: finish_part(tmp, target), lambda: _unlink_quietly(tmp))


@contextmanager
def atomic_output(path: str | Path, mode: str = "wb", *, encoding: str = "utf-8",
                  compress: bool | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; put it in place of ``path`` only on success
    (synced to disk, the replaced file's mode kept), remove it on any failure, SIGTERM and
    Ctrl-C included (the command line turns both into exceptions). A device or a pipe is
    written in place (see :func:`output_target`). A failed write is the one-line error
    naming ``path`` wherever it comes out (a report flushed while the TMX is written). A
    text file is written in ``encoding`` (``utf-8-sig`` for a CSV a spreadsheet opens,
    :func:`csv_output`). A name ending in ``.gz`` (``pairs.jsonl.gz``, ``rejects.tsv.gz``)
    is written gzip-compressed, as it says (see :func:`compressed_name`); ``compress``
    False for a writer that compresses on its own (the TMX's)."""
    binary = "b" in mode
    # A text output (report, TSV) may be written to while another output is (the rejects
    # with the TMX): its handle names it. A binary handle goes as it is to libraries that
    # want a real file (xlsxwriter); its errors come out in its own block.
    named: Callable[[IO], IO] = (lambda handle: handle) if binary else _NamedWrites.of(path)
    packed = compressed_name(path) if compress is None else compress
    if output_target(path)[0]:
        check_writable(path)
        with _written_as(path), _open_output(path, mode, encoding, packed) as handle:
            yield named(handle)
        return
    with atomic_path(path) as tmp, _written_as(path), \
            _open_output(tmp, mode, encoding, packed) as handle:
        yield named(handle)


def without_gz(name: str) -> str:
    """A file's name without the ``.gz`` its compression added (``pairs.jsonl.gz`` ->
    ``pairs.jsonl``): the ending before it says the format."""
    return name[:-3] if name.lower().endswith(".gz") else name


def compressed_name(path: str | Path) -> bool:
    """Whether an output named ``path`` is written gzip-compressed: its name ends in
    ``.gz``, which ``zcat``, ``gzip -d`` and a reader of the next stage take it to be
    (``pairs -o pairs.jsonl.gz`` wrote plain JSON Lines, which ``zcat`` refused: "not in
    gzip format")."""
    return str(path).lower().endswith(".gz")


@contextmanager
def _open_output(name: str | Path, mode: str, encoding: str, packed: bool) -> Iterator[IO]:
    """``name`` opened for writing in ``mode``, through a gzip stream when ``packed`` (no
    name or time in its header: the same output gives the same bytes)."""
    binary = "b" in mode
    if not packed:
        with open(name, mode, **({} if binary else {"encoding": encoding})) as handle:
            yield handle
        return
    import gzip  # only here: a run that writes no .gz does not load it (startup time)

    with open(name, "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as stream:
        if binary:
            yield stream
            return
        with io.TextIOWrapper(stream, encoding=encoding) as text:
            yield text


def writing_stdout() -> AbstractContextManager[None]:
    """A block writing to standard output, whose write errors (a full disk) are the one-line
    error naming ``<stdout>``; so is a standard output that is closed, which Python gives
    as ``sys.stdout = None`` (a program calling the library from a service started
    without one met "'NoneType' object has no attribute 'write'"; the command line
    stands in for it first)."""
    if sys.stdout is None:
        raise InputError(STDOUT_NAME, "cannot write: standard output is closed")
    return _stdout_written()


def binary_stdout() -> IO[bytes]:
    """Standard output as the bytes a TMX is written in: its ``buffer``, or, where a caller
    made it a text stream without one (a notebook's output, ``contextlib.redirect_stdout``
    to a ``StringIO``), the stream itself, given the UTF-8 as text: ``write_tmx(pairs,
    "-")`` and ``build(inputs, "-")`` failed there with "'_io.StringIO' object has no
    attribute 'buffer'"."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else _TextOfBytes(stream)  # type: ignore[return-value]


class _TextOfBytes:
    """A binary stream's ``write`` and ``flush`` onto a text stream: UTF-8 decoded as it
    comes (a character cut between two writes waits for its end)."""

    def __init__(self, stream: IO[str]) -> None:
        import codecs

        self.stream = stream
        self.decode = codecs.getincrementaldecoder("utf-8")().decode

    def write(self, data: bytes) -> int:
        self.stream.write(self.decode(data))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


@contextmanager
def _stdout_written() -> Iterator[None]:
    """:func:`_written_as` standard output, whose encoding is the locale's or
    ``PYTHONIOENCODING``'s, not always UTF-8 as every file the tool writes: a character it
    cannot hold is the one-line error naming ``<stdout>``, the character and the way out,
    where `PYTHONIOENCODING=ascii tmx-export pairs ...` said only "'ascii' codec can't
    encode character '\u2018' in position 295"."""
    try:
        with _written_as(STDOUT_NAME):
            yield
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]  # named, not shown: the stream cannot show it either
        name = unicodedata.name(char, "")
        raise InputError(STDOUT_NAME, f"cannot write U+{ord(char):04X}"
                         f"{f' ({name})' if name else ''} in "
                         f"{exc.encoding}, the encoding of standard output (the locale or "
                         "PYTHONIOENCODING chose it): PYTHONIOENCODING=utf-8 writes every "
                         "character") from None


def writing_to(path: str | Path) -> AbstractContextManager[None]:
    """A block writing to ``path`` through a handle of its own (a numbered part of a memory,
    whose temporary file is opened apart), whose write errors are the one-line error naming
    ``path``."""
    return _written_as(path)


@contextmanager
def _written_as(path: str | Path) -> Iterator[None]:
    """A write error (a full disk) inside the block as the one-line error naming ``path``."""
    try:
        yield
    except OSError as exc:
        error = write_error(path, exc)
        if error is None:
            raise
        raise error from None


class _NamedWrites:
    """A file handle whose failed writes name its output (see :func:`atomic_output`)."""

    def __init__(self, handle: IO, path: str | Path) -> None:
        self._handle, self._path = handle, path

    @classmethod
    def of(cls, path: str | Path) -> Callable[[IO], IO]:
        """The wrapper of a handle to ``path``."""
        return lambda handle: cls(handle, path)  # type: ignore[return-value]

    def write(self, data: Any) -> int:
        with _written_as(self._path):
            return self._handle.write(data)

    def flush(self) -> None:
        with _written_as(self._path):
            self._handle.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._handle)


# --- cells a spreadsheet opens ----------------------------------------------------------------

# A cell that a spreadsheet could take for a formula: after any leading quotes
# and white space, one of "=", "+", "-", "@" (formulas), NUL (on OWASP's list of cell
# starts to neutralise) or '"' (a text qualifier, stripped before the cell is read, and
# able to run a cell on across tabs and lines). A leading tab or line break (in a
# CSV cell; TSV escaping has made them "\t", "\r", "\n") is white space before one of them,
# or harmless.
#
# The rule, exact both ways: such a field is written with one "'" in front; a field read
# back loses its first "'" only if what follows is again such a field. The leading
# quotes in the pattern make that so: "'=x" is written "''=x" and read back "'=x", while a
# text of one's own starting with "'" but no formula ("'tis") is left alone both ways.
FORMULA_START = lazy_pattern(r"'*\s*[=+\-@\"\x00]")


def neutralise_cell(field: str) -> str:
    """``field`` as a spreadsheet will show it as text, never run it (for TSV, escape it
    first)."""
    return "'" + field if FORMULA_START.match(field) else field


def restore_cell(field: str) -> str:
    """The inverse of :func:`neutralise_cell`: the ``'`` it added, and only that, removed."""
    return field[1:] if field.startswith("'") and FORMULA_START.match(field, 1) else field


@contextmanager
def csv_output(path: str | Path) -> Iterator[CSVRows]:
    """The rows of a CSV file people open in a spreadsheet, written to ``path`` through
    :func:`atomic_output`: comma-separated, LF line ends, UTF-8 with a byte order mark.
    Excel, double-clicked, reads a CSV without one in the Windows code page ("chaÃ®ne de
    valeur" for "chaîne de valeur"), and saves its own "CSV UTF-8" with one; every reader of
    the project's takes either (:func:`decode_bytes`). The caller neutralises the cells
    (:func:`neutralise_cell`)."""
    with atomic_output(path, "w", encoding="utf-8-sig") as handle:
        yield CSVRows(handle)


class CSVRows:
    """A ``csv.writer`` that quotes every cell of a row holding a lone carriage return:
    the csv module quotes a cell holding "\\n" (its line terminator) but not one holding
    "\\r", which spreadsheets also take for a line break, so what follows it would start a
    row of its own, unescaped ("x\\r=cmd")."""

    def __init__(self, handle: IO[str]) -> None:
        import csv

        self._plain = csv.writer(handle, lineterminator="\n")
        self._quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[object]) -> None:
        cells = list(row)
        (self._quoted if any("\r" in str(cell) for cell in cells) else self._plain
         ).writerow(cells)


@contextmanager
def xlsx_workbook(path: str | Path, options: dict[str, Any]) -> Iterator[Any]:
    """An XlsxWriter workbook written to ``path`` through :func:`atomic_output`, its
    temporary files (``constant_memory`` rows, the archive's parts) in a hidden folder
    beside ``path`` that goes with the block, whatever ends it: a run stopped while the
    book is written (SIGTERM, a full disk) left them in the output's folder. The caller
    closes the book (``book.close()``) at the end of the block."""
    import tempfile

    import xlsxwriter

    folder = tempfile.TemporaryDirectory(prefix=".tmx-export-", dir=Path(path).parent or ".")
    try:
        with atomic_output(path, "wb", compress=False) as handle:  # a ZIP already
            archive = _UntilFailure(handle)
            try:
                yield xlsxwriter.Workbook(archive, {**options, "tmpdir": folder.name})
            except BaseException as exc:
                # a half-written archive, collected later, would write to the closed file
                # ("Exception ignored ... seek of closed file"): collected now
                import traceback

                traceback.clear_frames(exc.__traceback__)
                # and one whose frame is still held (by the traceback of the error it
                # raised) writes nothing more when it is collected
                archive.failed = True
                raise
    finally:
        folder.cleanup()


class _UntilFailure:
    """The file a workbook's archive is written to, which takes no more writes once
    writing the book failed: an archive whose writing stopped half-way (a reader of
    ``--review /dev/stdout | head`` that left) writes its end when it is collected, at
    exit, to the same broken pipe ("Exception ignored in: ZipFile.__del__", a traceback)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.failed = False

    def write(self, data: bytes) -> int:
        return len(data) if self.failed else self._handle.write(data)

    def flush(self) -> None:
        if not self.failed:
            self._handle.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)
