"""The bilingual dump: paragraph pairs run together and cut into lines.

A dump holds, per pair, the stream ``"N. <source paragraph> N. <target paragraph>"`` (or the
two paragraphs without numbers), cut into lines at arbitrary characters. A continuation line
may start with the fold marker ``...[+++]``; nothing is lost at a fold. Each pair starts on a
new line.

``write_dump`` makes such files (for samples, tests and benchmarks) in the three cut styles
seen in real dumps; ``read_dump`` recovers the pairs.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from ..langid import primary
from ..model import Pair, ReadResult
from ..pair import find_pairs
from ..repair import build_stream
from ..textio import STDIN_NAME, read_text

FOLD_MARKER = "...[+++]"

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
    """Write ``pairs`` as a dump file (UTF-8); ``options`` as for :func:`format_dump`."""
    Path(path).write_text(format_dump(pairs, **options), encoding="utf-8")  # type: ignore[arg-type]


def read_dump(
    path: str | Path,
    *,
    source_lang: str = "en-GB",
    target_lang: str = "fr-FR",
    text: str | None = None,
) -> ReadResult:
    """Read the paragraph pairs of the dump at ``path`` (``"-"`` for standard input).

    ``text`` reads that text instead of the file (``path`` then only names it). Pairs get
    ``source_lang``/``target_lang`` whatever order the dump holds them in; what does not
    pair cleanly is returned in ``rejects`` with a reason. Raises
    :class:`~tmx_export.errors.InputError` for a file that cannot be read as text.
    """
    name = STDIN_NAME if str(path) == "-" else str(path)
    if text is None:
        text = read_text(path)
    stream = build_stream(text, (primary(source_lang), primary(target_lang)))
    pairs, rejects = find_pairs(stream, name, source_lang, target_lang)
    return ReadResult(pairs, rejects, stream.repairs)
