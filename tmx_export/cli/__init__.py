"""The ``tmx-export`` command: the group, the one error handler, shared option groups.

Each command lives in a module of its own (:mod:`.build`, :mod:`.tools`, :mod:`.terms`,
:mod:`.check`, :mod:`.concordance`), imported when the command is run (:class:`Group`),
parses its options into a dataclass and makes one library call. The library is imported by
the command that calls it, so ``--help`` and ``--version`` load none of it. Every user error (bad
input, an output that cannot be written) ends the run, whichever the command, with one line
``tmx-export: error: FILE[:LINE]: what`` on stderr and exit status 1, never a traceback:
the user needs to know which file to fix, not where in our code we noticed. Mistakes in the
command line itself are click's usage errors (exit status 2). A command whose status 1 is
its verdict (``check``: findings left; ``validate``: a file is invalid) ends a run that
could not give one with status 2, as ``grep`` and ``diff`` do (:class:`VerdictCommand`).
A reader of standard output (or error) that left (``| head -1``) ends the run quietly with
status 141, as SIGPIPE ends ``grep`` or ``cat`` there (:func:`reader_left`).
"""

# ruff: noqa: E402 - the garbage collector is turned off for the imports (see below)

from __future__ import annotations

import functools
import gc

# Importing click and this package's modules allocates tens of thousands of objects that
# live as long as the process: the collector's passes over them while they are made are
# pure cost, so it is off for the imports below (and as it was after them). When the
# command starts, what start-up made is put out of its sight (_startup_over): neither the
# passes of the run nor the one at exit go over it again.
_COLLECTING = gc.isenabled()
gc.disable()

import errno
import io
import os
import signal
import stat
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

import click

from .._version import __version__
from ..errors import InputError, InternalError, Terminated, shown_name, terminate
from ..formats.text import outputs_together, writing_stdout
from ..model import DEDUPE_MODES, RULES, CleanOptions, Progress, count_of

if _COLLECTING:
    gc.enable()

F = TypeVar("F", bound=Callable[..., Any])

PROG = "tmx-export"


def fail(message: str, status: int = 1) -> NoReturn:
    """End the run with the one error line, and ``status`` even when nobody reads it: with
    ``check missing.tmx 2>&1 | head -c 0`` the line could not be written, and the run
    ended with click's status 1 for a broken pipe, which ``check`` says for findings."""
    try:
        click.echo(f"{PROG}: error: {message}", err=True)
    except BrokenPipeError:
        _silenced(sys.stderr)
    sys.exit(status)


# The exit status of a run whose reader left: that of a process SIGPIPE ended, as the
# shell shows it (`set -o pipefail; seq 100000 | head -1` ends with 141).
READER_LEFT = 128 + 13


def _silenced(stream: Any) -> None:
    """Point ``stream``'s descriptor at the null device: what it still holds (flushed at
    exit) and later writes go nowhere, not into a second broken-pipe error. A stream
    without a descriptor of its own (a test's) is left as it is."""
    try:
        fileno = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), fileno)


def _reader_gone(stream: Any) -> bool:
    """Whether ``stream`` is a pipe (or socket) whose reader has closed it; ``True`` when
    it cannot be told (a stream without a descriptor, a test's): then the broken pipe is
    the output's, as it is in all but a bug."""
    import select

    try:
        fileno = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return True
    poll = select.poll()
    poll.register(fileno, 0)  # POLLERR and POLLHUP are always reported
    return any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0))


def reader_left(exc: BrokenPipeError, status: int = 1) -> NoReturn:
    """End a run whose reader of standard output left (``pairs ... | head -1``), or of
    standard error (``concordance ... 2>&1 >hits.txt | head -1``, its notes): quietly,
    with :data:`READER_LEFT`, as ``grep`` or ``seq`` end there. It ended with status 1,
    which ``check`` says for findings and ``validate`` for an invalid file. A broken pipe
    that is neither stream's (a worker's pipe, a bug) is the one-line error, with
    ``status``."""
    gone = [stream for stream in (sys.stdout, sys.stderr) if _reader_gone(stream)]
    if not gone:
        fail(f"{exc.strerror or exc} (please report this)", status)
    for stream in gone:
        _silenced(stream)
    sys.exit(READER_LEFT)


def tell(message: str, err: bool = False) -> None:
    """Print a summary line of work that is done. A reader that has left (`| head -1`,
    `| grep -q`) is no reason to undo it: the outputs the line tells of are kept, the
    stream is silenced and the run ends as it would have (a summary printed with
    ``click.echo`` would end it on a broken pipe, its outputs discarded). A file's name
    in it is shown as errors show it (:func:`shown_name`): a line break or a byte that is
    not UTF-8 in ``-o`` cut the line in two or printed a lone surrogate."""
    message = "\n".join(map(shown_name, message.split("\n")))
    try:
        if err:
            click.echo(message, err=True)
        else:
            echo_out(message)
    except BrokenPipeError:
        _silenced(sys.stderr if err else sys.stdout)


def echo_out(message: str, **kwargs: Any) -> None:
    """Print ``message`` on standard output (``click.echo``'s options); a write error (a
    full disk, ``> /dev/full``) is the one-line error naming ``<stdout>``, as every other
    output names its file, not a bare "No space left on device"."""
    with writing_stdout():
        click.echo(message, **kwargs)


def refuse_stdout(**outputs: str | None) -> None:
    """Refuse ``-`` for an output written only as a file (it would make a file named ``-``):
    ``refuse_stdout(csv=csv_path)`` checks ``--csv``."""
    for option, value in outputs.items():
        if value == "-":
            raise click.UsageError(f"--{option} needs a file name, not '-': this output "
                                   "is not written to standard output")


def _terminate(signum: int, frame: Any) -> None:
    terminate(signum)


def _own_interrupts() -> None:
    """Ctrl-C from now on raises KeyboardInterrupt, which the command turns into its one
    line, its outputs put away, where the console script's start-up handler (which ends
    the process at once) was in place."""
    if getattr(signal.getsignal(signal.SIGINT), "until_the_command_runs", False) and \
            threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


_FROZEN = False


def _startup_over() -> None:
    """When the first command starts: the objects start-up made (modules, classes,
    functions, click's) left out of the garbage collector's passes from now on."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()


class _Closed(io.TextIOBase):
    """What stands for a standard output or error that is closed (``pairs x >&-``, a
    service started without one), which Python gives as ``None``: writing to it is the
    reader having left (:func:`reader_left`: status 141, the outputs a summary tells of
    kept). Commands ended with a traceback of "'NoneType' object has no attribute
    'write'" (or 'isatty', 'flush') instead."""

    encoding, errors = "utf-8", "strict"

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: Any) -> int:
        raise BrokenPipeError(errno.EPIPE, f"standard {self._name} is closed")

    def flush(self) -> None:
        pass

    @property
    def buffer(self) -> _Closed:  # binary writes (the TMX of `-o -`) go the same way
        return self


def _closed_streams_stood_in() -> None:
    """A standard output or error that is closed replaced by :class:`_Closed` (standard
    input stays ``None``: reading ``-`` then says it is closed)."""
    if sys.stdout is None:
        sys.stdout = _Closed("output")
    if sys.stderr is None:
        sys.stderr = _Closed("error")


class Command(click.Command):
    """A command whose user errors end in the one error line (see the module docstring),
    with exit status :attr:`trouble`."""

    trouble = 1

    def invoke(self, ctx: click.Context) -> Any:
        _startup_over()
        _closed_streams_stood_in()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _terminate)
            if hasattr(signal, "SIGHUP"):  # the terminal closed (POSIX): the same way out
                signal.signal(signal.SIGHUP, _terminate)
        if _large(ctx.params.get("inputs") or ()):
            _steady_heap()
        try:
            _own_interrupts()
            # a run's outputs are put in place together, or none; an exit status the
            # command chose (check: 1 on findings) is no failure to write
            with _unread_said(ctx), \
                    outputs_together(ends=(SystemExit, click.exceptions.Exit)):
                return super().invoke(ctx)
        except InputError as exc:
            fail(str(exc), self.trouble)
        except ValueError as exc:  # a setting the library refuses (a language, a mode...)
            fail(str(exc), self.trouble)
        except BrokenPipeError as exc:
            # The reader of our output left (`| head`): not an error worth a message.
            reader_left(exc, self.trouble)
        except OSError as exc:  # e.g. the disk filled up while writing
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}", self.trouble)
        except KeyboardInterrupt:
            fail("interrupted", status=130)
        except Terminated as exc:
            fail("terminated", status=128 + exc.signum)
        except InternalError as exc:  # a bug: say so, never pass it off as a result
            fail(f"{exc} (please report this)", self.trouble)


@contextmanager
def _unread_said(ctx: click.Context) -> Iterator[None]:
    """The files of the folders given that the run did not read (of unknown type, empty,
    an earlier run's report) said on standard error when the command has run, unless it is
    ``--quiet`` or said them itself (``build``'s summary): every command that takes a
    folder says them alike, where only ``build`` did and ``check``, ``merge``, ``pairs``...
    left out a folder's ``notes.md`` without a word."""
    from ..inputs import noting_unread, unread_lines

    def say(unread: dict[str, str]) -> None:
        if unread and not ctx.params.get("quiet"):
            lines = unread_lines([(name, why) for name, why in unread.items() if why],
                                 [name for name, why in unread.items() if not why])
            tell("\n".join(lines), err=True)

    with noting_unread() as unread:
        try:
            yield
        except (SystemExit, click.exceptions.Exit):  # an exit status the command chose
            say(unread)
            raise
        say(unread)


class VerdictCommand(Command):
    """A command whose exit status 1 is its verdict (``check``: a finding is left;
    ``validate``: a file is invalid): a run that could not give one (a missing memory or
    glossary, a full disk, a bug) ends with status 2, as ``grep`` and ``diff`` do, where
    it ended with 1 too, and a CI gate took "the check did not run" for "the memory has
    errors". A bug's traceback is printed, with status 2 (Python's own is 1)."""

    trouble = 2

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's usage errors already end with 2; its exits are chosen
        except Exception:
            import traceback

            traceback.print_exc()
            sys.exit(self.trouble)


# Inputs of this many bytes or more are read in parts (a dump of 3 MB and up), chunks or
# long streams: worth the allocator setting of _steady_heap.
_LARGE_INPUT = 2_000_000


def _large(inputs: Any) -> bool:
    """Whether the command's inputs (paths) hold a large file, or a directory (anything
    but a regular file)."""
    total = 0
    for name in inputs if isinstance(inputs, (list, tuple)) else ():
        try:
            info = os.stat(name)
        except (OSError, TypeError, ValueError):
            continue  # not a path (a query), or not there: the command says so
        if not stat.S_ISREG(info.st_mode):
            return True
        total += info.st_size
    return total >= _LARGE_INPUT


def _steady_heap() -> None:
    """Have glibc's allocator give freed memory back (``mallopt(M_TRIM_THRESHOLD, 64 KB)``).
    By default it raises its thresholds to the largest block freed (up to 32 MB), after
    which the large, short-lived buffers of each part of a large input (a part's text, its
    arrays) come from a heap that keeps their pages: the peak crept up with the input's
    size (a 50,000-pair dump: 149 MB this way, 165 MB without). Only in the command's own
    process, not in a library's host; nothing where the C library has no ``mallopt``."""
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(-1, 64 * 1024)  # M_TRIM_THRESHOLD (glibc's malloc.h)
    except (AttributeError, OSError, TypeError):  # no such C library or function
        pass


class Group(click.Group):
    """The commands, each imported from its module when it is run (or listed by
    ``--help``): ``build`` on one paragraph does not pay for loading ``check``'s options."""

    command_class = Command
    # command name -> (module of this package, the click command in it)
    lazy = {"build": ("build", "build_command"), "pairs": ("build", "pairs_command"),
            "merge": ("tools", "merge_command"), "validate": ("tools", "validate_command"),
            "stats": ("tools", "stats_command"), "terms": ("terms", "terms_command"),
            "check": ("check", "check_command"),
            "concordance": ("concordance", "concordance_command")}

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        """The group's context; its ``--help`` and ``--version`` to a reader that left
        end as a command's output does (:func:`reader_left`), not with click's status 1."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError as exc:
            reader_left(exc)

    def invoke(self, ctx: click.Context) -> Any:
        """The command run; a command's ``--help`` to a reader that left ends as the
        command's output does (:func:`reader_left`)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            reader_left(exc)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy:
            from importlib import import_module

            module, attribute = self.lazy[name]
            self.add_command(getattr(import_module(f"{__name__}.{module}"), attribute), name)
        return super().get_command(ctx, name)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.lazy:
            # an unknown name: load every command, so click's "Did you mean" sees them all
            for name in self.lazy:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


def interactive() -> bool:
    """A progress bar only where a person watches: not in pipes, logs or CI."""
    return sys.stderr.isatty()


class ProgressBar(Progress):
    """click's progress bar over the bytes of the inputs, on stderr."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.shown = 0  # bytes of the input being read already shown (its parts)

    def start(self, total: int) -> None:
        self.close()  # a run in several passes (one per language) starts a bar per pass
        self.bar = click.progressbar(length=total or 1, label="Reading", file=sys.stderr,
                                     item_show_func=lambda name: name)
        self.bar.__enter__()

    def partly(self, name: str, size: int) -> None:
        if self.bar is not None:  # (None once a message has ended it: see say_after)
            self.bar.update(size, name)
        self.shown += size

    def advance(self, name: str, size: int) -> None:
        if self.bar is not None:
            self.bar.update(max(size - self.shown, 0) or 1, name)
        self.shown = 0

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def echo(self, line: str) -> None:
        """Print ``line`` on stdout while the bar shows, as its own line: on a terminal
        that shows both, the bar's line is cleared first and the bar drawn again below
        (else the line would follow the bar's text: "Reading [--] 0%6  number-mismatch")."""
        bar = self.bar
        if bar is None or not sys.stdout.isatty():
            click.echo(line)
            return
        bar.file.write("\r\033[K")  # back to the line's start, and erase it
        bar.file.flush()
        click.echo(line)
        bar._last_line = None  # click draws the bar only when its line changed: it has
        bar.render_progress()

    def say_after(self, say: Callable[[str], None] | None) -> Callable[[str], None] | None:
        """``say``, ending the bar first: a run's messages (a summary at the end of the
        reading) start on a line of their own, after the bar's. A bar ended by a message
        shows no more of that pass."""
        if say is None:
            return None

        def after(message: str) -> None:
            self.close()
            say(message)

        return after


def one_walk(callback: F) -> F:
    """A command's callback run with each folder among its inputs walked once, however
    many times the run gathers its inputs (to check its outputs, to tell the languages the
    memories declare, to read them): walking a large tree and opening each file in it to see
    whether it is empty is the slow part of gathering (:func:`tmx_export.inputs.one_listing`)."""
    @functools.wraps(callback)
    def walked(*args: Any, **kwargs: Any) -> Any:
        from ..inputs import one_listing

        with one_listing():
            return callback(*args, **kwargs)

    return walked  # type: ignore[return-value]


def languages_named() -> bool:
    """Whether the running command was given --source-lang or --target-lang (else check
    and concordance may take the pair the memory declares)."""
    context = click.get_current_context()
    return any(context.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
               for name in ("source_lang", "target_lang"))


def declared_note(source_lang: str, target_lang: str,
                  written_as: tuple[str, str] | None = None) -> str:
    """What a command says when it took the languages the memory declares (and, when it
    wrote them with a region, ``written_as``, as it did: "en" as en-GB)."""
    written = f", written as {written_as[0]} -> {written_as[1]}" if written_as else ""
    return (f"languages as the memory declares them: {source_lang} -> {target_lang}{written} "
            "(--source-lang and --target-lang choose others)")


def defaulted_note(memory: str, held: int, source_lang: str, target_lang: str) -> str:
    """What a command says when the user named no language and a memory holds more than
    two: the default pair was taken from it (a German translator's DGT-TM memory)."""
    return (f"languages {source_lang} -> {target_lang}, the defaults: {shown_name(memory)} "
            f"holds {held} languages (--source-lang and --target-lang choose)")


@contextmanager
def progress_bar(quiet: bool) -> Iterator[ProgressBar | None]:
    """A progress bar for a run, or ``None`` when quiet or nobody watches; closed (its
    line cleared) however the run ends, so that an error is not written after it."""
    bar = None if quiet or not interactive() else ProgressBar()
    try:
        yield bar
    finally:
        if bar is not None:
            bar.close()


def relabelled_lines(relabelled: Counter[tuple[str, str]],
                     option: Callable[[str, str], str]) -> list[str]:
    """One line per regional variant read as the language asked, and how to keep it:
    fr-CA written as fr-FR is a label the translator did not choose knowingly."""
    return [f"{count_of(count, f'{held} unit')} read as {asked} (the language asked)"
            + (f"; {option(held, asked)} keeps their region" if is_a_tag(held)
               else f" ({held} is no language tag: no region to keep)")
            for (held, asked), count in sorted(relabelled.items())]


def is_a_tag(code: str) -> bool:
    """Whether ``code`` is a tag the language options take: DGT-TM's ``CS-01`` is not,
    so advising it would name a tag that is then refused."""
    from ..lang import standard_tag

    try:
        standard_tag(code)
    except ValueError:
        return False
    return True


# --- option groups shared by several commands --------------------------------------------------

def language_options(command: F) -> F:
    """--source-lang and --target-lang."""
    command = click.option(
        "--target-lang", default="fr-FR", show_default=True, metavar="CODE",
        help="Language of the translations (BCP 47, as the CAT project names it).",
    )(command)
    return click.option(
        "--source-lang", default="en-GB", show_default=True, metavar="CODE",
        help="Language of the source texts (BCP 47, as the CAT project names it).",
    )(command)


def clean_options(no_clean: tuple[str, ...]) -> CleanOptions:
    """The cleaning rules left on by ``--no-clean RULE...``."""
    return CleanOptions.without(no_clean)


def cleaning_options(command: F) -> F:
    """--no-clean, --dedupe and --keep-duplicates."""
    command = click.option(
        "--keep-duplicates", is_flag=True,
        help="The same as --dedupe none (write every unit, repeated or not).",
    )(command)
    command = click.option(
        "--dedupe", type=click.Choice(DEDUPE_MODES), default="exact", show_default=True,
        help="Write a unit once when its two texts repeat an earlier unit's exactly, or "
        "after normalising case, spaces and punctuation; none keeps every unit.",
    )(command)
    return click.option(
        "--no-clean", "no_clean", multiple=True, type=click.Choice([*RULES, "all"]),
        metavar="RULE", help="Turn a cleaning rule off (repeatable; 'all' for every rule): "
        + ", ".join(RULES) + ".",
    )(command)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=PROG)
def main() -> None:
    """Turn bilingual text into TMX translation memories and TBX termbases.

    \b
    Exit status (for scripts; check and validate: see their --help):
      0    done
      1    an error, said in one line on standard error
           (tmx-export: error: FILE[:LINE]: what); no output written
      2    a usage error (an unknown option, a bad value)
      130  interrupted (Ctrl-C), 143 terminated (SIGTERM), 129 hung up
           (SIGHUP): no output left behind
      141  the reader of standard output left (| head -1)
    """
