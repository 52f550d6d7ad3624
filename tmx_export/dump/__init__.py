"""The bilingual dump: read (decode -> repair -> pair) and write."""

from .reader import read_dump
from .repair import FOLD_MARKER
from .writer import CUT_STYLES, format_dump, write_dump

__all__ = ["CUT_STYLES", "FOLD_MARKER", "format_dump", "read_dump", "write_dump"]
