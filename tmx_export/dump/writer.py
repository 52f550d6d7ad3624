"""Writing dumps: paragraph pairs run together and cut into lines, as real dumps arrive.

For samples, tests and benchmarks: :func:`write_dump` makes such files in the three cut
styles seen in real dumps, with fold markers on some continuation lines, so that
:func:`tmx_export.dump.reader.read_dump` can be measured on files whose answer is known.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from ..formats.text import atomic_output
from ..model import Pair
from .repair import FOLD_MARKER

# How lines are cut: at any character (the seed dump), at a word boundary with the space
# kept at the end of one line or the start of the next, or at a word boundary with the
# space consumed (text copied out of PDFs).
CUT_STYLES = ("mid-word", "space-kept", "space-consumed")

def pair_stream(pair: Pair, numbered: bool, number: int) -> str:
    """The running text of one pair as a dump holds it, before it is cut into lines."""
    if numbered:
        return f"{number}. {pair.source} {number}. {pair.target}"
    return f"{pair.source} {pair.target}"


def cut_lines(
    text: str,
    rng: random.Random,
    style: str = "mid-word",
    min_width: int = 40,
    max_width: int = 480,
    fold_rate: float = 0.3,
) -> list[str]:
    """Cut ``text`` into lines of random width in one of :data:`CUT_STYLES`."""
    if style not in CUT_STYLES:
        raise ValueError(f"unknown cut style {style!r}; expected one of {', '.join(CUT_STYLES)}")
    lines: list[str] = []
    start = 0
    while start < len(text):
        end = start + rng.randint(min_width, max_width)
        resume = end
        if end >= len(text):
            end = resume = len(text)
        elif style != "mid-word":
            space = text.rfind(" ", start + 1, end + 1)
            if space == -1:
                space = text.find(" ", end)
            if space == -1:
                end = resume = len(text)
            elif style == "space-consumed":
                end, resume = space, space + 1
            else:  # space-kept: the space ends this line or starts the next
                end = resume = space + rng.randint(0, 1)
        line = text[start:end]
        if lines and rng.random() < fold_rate:
            line = FOLD_MARKER + line
        lines.append(line)
        start = resume
    return lines


def format_dump(
    pairs: Iterable[Pair],
    *,
    style: str = "mid-word",
    numbered: bool = True,
    seed: int = 0,
    min_width: int = 40,
    max_width: int = 480,
    fold_rate: float = 0.3,
) -> str:
    """The dump text for ``pairs``; pairs without a number are numbered from 1 in order."""
    rng = random.Random(seed)
    out: list[str] = []
    for index, pair in enumerate(pairs, 1):
        number = pair.number if pair.number is not None else index
        stream = pair_stream(pair, numbered, number)
        out.extend(cut_lines(stream, rng, style, min_width, max_width, fold_rate))
    return "\n".join(out) + "\n"


def write_dump(pairs: Iterable[Pair], path: str | Path, **options: object) -> None:
    """Write ``pairs`` as a dump file (UTF-8, atomically); ``options`` as for
    :func:`format_dump`."""
    with atomic_output(path, "w") as handle:
        handle.write(format_dump(pairs, **options))  # type: ignore[arg-type]
