"""The ``tmx-export`` console script.

A Ctrl-C in the first tenth of a second, while the command line's modules are imported and
click reads the arguments, ended the run with the traceback of an import or with click's
"Aborted!" (status 1). From here until the command runs (where :class:`tmx_export.cli.Command`
takes interrupts over), it ends the run as an interrupt does later: ``tmx-export: error:
interrupted``, status 130. The handler is installed by the script alone: a program that
imports :mod:`tmx_export.cli` (tests through click's runner) keeps its own.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any


def _interrupted(signum: int, frame: Any) -> None:
    sys.stderr.write("tmx-export: error: interrupted\n")
    sys.stderr.flush()
    os._exit(130)  # (nothing is written before the command runs: no output to put away)


# what tells the command line that the handler is this one, to be replaced when it runs
_interrupted.until_the_command_runs = True  # type: ignore[attr-defined]


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM or SIGHUP before the command runs (where :class:`tmx_export.cli.Command`
    sets its own handlers): a ``timeout 0.3 tmx-export ...`` ended with status 143 and not
    a word, where a later one says ``tmx-export: error: terminated``."""
    sys.stderr.write("tmx-export: error: terminated\n")
    sys.stderr.flush()
    os._exit(128 + signum)


def main() -> None:
    """Run the command line."""
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _terminated)
    if hasattr(signal, "SIGHUP"):  # POSIX: the terminal closed
        signal.signal(signal.SIGHUP, _terminated)
    from .cli import main as command_line

    command_line()
