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


def main() -> None:
    """Run the command line."""
    signal.signal(signal.SIGINT, _interrupted)
    from .cli import main as command_line

    command_line()
