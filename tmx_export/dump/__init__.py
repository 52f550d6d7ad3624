"""The bilingual dump: read (decode -> repair -> pair) and write."""

from __future__ import annotations

from typing import Any

from .reader import read_dump
from .repair import FOLD_MARKER

# The writer (for samples, tests and benchmarks) is loaded when asked for: a build reads
# dumps and never writes one.
_WRITER = ("CUT_STYLES", "format_dump", "write_dump")


def __getattr__(name: str) -> Any:
    if name in _WRITER:
        from . import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CUT_STYLES", "FOLD_MARKER", "format_dump", "read_dump", "write_dump"]
