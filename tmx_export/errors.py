"""The exceptions a user sees, each reported as a single line: bad input, and bugs."""

from __future__ import annotations

from typing import Any


class InputError(Exception):
    """Input that cannot be processed; ``str()`` is the one-line message for the user.

    The message names the file and, where known, the line, in the ``file:line: what`` form
    editors and terminals recognise.
    """

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        shown = shown_name(file)
        where = f"{shown}:{line}" if line else shown
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # raised in a worker process, it must arrive whole in the parent
        return (InputError, (self.file, self.message, self.line))


def shown_name(name: str) -> str:
    """A file's name as a message shows it: a character that is not printable escaped
    (``\\n``, ``\\t``; a byte of a name that is not UTF-8, which Python keeps as a lone
    surrogate, as ``\\xe9``), so the one-line error stays one line and names the file as
    ``ls -b`` does. A usual name is shown as it is."""
    if name.isprintable():
        return name
    shown = []
    for ch in name:
        if ch.isprintable():
            shown.append(ch)
        elif "\udc80" <= ch <= "\udcff":  # an undecodable byte (surrogateescape)
            shown.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            shown.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(shown)


class InternalError(RuntimeError):
    """A bug, never bad input (counts that disagree, a worker process that failed): the
    command line reports it in one line, asking for a report, never as a result."""


class Terminated(BaseException):
    """SIGTERM (or SIGHUP: the terminal closed), raised where the program is, so every
    temporary file is removed on the way out as for Ctrl-C (a ``BaseException``: no
    ``except Exception`` stops it). ``signum`` is the signal's number."""

    def __init__(self, signum: int = 15) -> None:
        super().__init__(signum)
        self.signum = signum


# Set by :func:`terminate`. A signal handler's exception is lost when the handler runs
# inside C code that does not pass errors on (a SIGTERM while Python compiled a module on
# a first run was: the run went on to the end); the pipeline looks at this flag between
# paragraphs (:func:`check_terminated`), so the signal is obeyed then.
_terminated = 0  # the number of the signal that came, 0 when none did


def terminate(signum: int = 15) -> None:
    """What SIGTERM (SIGHUP) does: remember it, and raise :class:`Terminated`."""
    global _terminated
    _terminated = signum
    raise Terminated(signum)


def check_terminated() -> None:
    """Raise :class:`Terminated` if SIGTERM came and its exception was lost."""
    if _terminated:
        raise Terminated(_terminated)


def worker_signals() -> None:
    """Set the signals of a forked worker process that its parent ends itself (merge's
    reader, check's workers). A forked process inherits the command's handlers, which
    raise :class:`Terminated` or ``KeyboardInterrupt`` wherever it is: it died with a
    traceback on the terminal. Ctrl-C is the parent's to handle (it ends its workers as
    it stops); SIGTERM and SIGHUP end the worker at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):  # POSIX
        signal.signal(signal.SIGHUP, signal.SIG_DFL)


def worker_started() -> None:
    """What a check's forked worker does first: its signals (:func:`worker_signals`), and
    the objects it inherited put out of its garbage collector's sight. They live as long
    as it does (the terms, the words already tokenised, the lemmatiser's caches), yet
    each of its full passes went over all of them again, and writing their collector's
    marks copied the parent's memory pages into the worker's (copy on write): 0.12-0.19 s
    of the worker's 4 s on a 100k-unit memory, 0.05-0.07 s frozen. Frozen here, in the
    worker only: the parent's own collector is left as it was."""
    import gc

    worker_signals()
    gc.freeze()


def pool_worker_signals() -> None:
    """Set the signals of a worker of a process pool (its ``initializer``). Such a worker
    must neither raise where it is nor die at once: killed while it writes a result, it
    leaves half a message in the pool's pipe, and the pool, reading the rest, waits for
    ever (the run hung, SIGTERM to the process group as ``timeout`` or a service manager
    sends it); raising, it died with a traceback or wrote its error into a pipe no one
    read any more (hung too). So Ctrl-C, SIGTERM and SIGHUP are only noted: the piece of
    work under way stops at its next :func:`check_terminated`, its error sent back whole,
    while the parent, signalled with it, stops the pool. A second SIGTERM or SIGHUP ends
    the worker at once (a worker whose parent was killed)."""
    import signal

    def noted(signum: int, frame: Any) -> None:
        global _terminated
        _terminated = signum
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # (no SIGHUP but on POSIX)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), noted)


def temporary_file_error(exc: OSError) -> InputError:
    """The one-line error for a temporary file that cannot be written (a full disk under
    the temporary directory): it names that directory, not an output of the run, whose
    disk may have room (``TMPDIR`` says where temporary files go)."""
    import tempfile

    return InputError(tempfile.gettempdir(), "cannot write a temporary file: "
                      f"{exc.strerror or exc} (set TMPDIR to a directory with room)")
