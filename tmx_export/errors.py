"""The one exception a user sees: bad input, reported as a single line."""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be processed; ``str()`` is the one-line message for the user.

    The message names the file and, where known, the line, in the ``file:line: what`` form
    editors and terminals recognise.
    """

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # raised in a worker process, it must arrive whole in the parent
        return (InputError, (self.file, self.message, self.line))
