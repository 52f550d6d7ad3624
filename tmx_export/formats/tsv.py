"""Pairs as TSV: a header row, then one pair per line.

Columns: ``source  target  source_lang  target_lang  number  file  line``, then one column per
prop name met in the pairs (empty where a pair lacks that prop).

A field that a spreadsheet would take for a formula is written behind a ``'`` and read
back exactly (:func:`~tmx_export.formats.text.neutralise_cell`). Fields are escaped the way
"linear TSV" tools do (``\\t``, ``\\n``, ``\\r``, ``\\\\``), not
quoted as CSV: every record stays on one line, so ``grep``, ``wc -l``, ``cut`` and
spreadsheets all agree on what a row is. :func:`escape_field` and :func:`unescape_field`
are shared with the rejects report.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..lang import count_relabelled, file_direction, is_valid_tag, normalise_tag
from ..model import Pair, ReadResult, Reject
from .kinds import PAIR_COLUMNS
from .text import (
    atomic_output,
    input_name,
    neutralise_cell,
    read_head_text,
    read_text,
    restore_cell,
    writing_stdout,
)

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape_field(value: str) -> str:
    """``value`` with backslash, tab and line breaks escaped, so it fits one TSV field."""
    return value.translate(_ESCAPES)


def unescape_field(value: str) -> str:
    """The inverse of :func:`escape_field` (an unknown escape is kept as written)."""
    if "\\" not in value:
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value) and value[i + 1] in _UNESCAPES:
            out.append(_UNESCAPES[value[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def written_props(pair: Pair) -> dict[str, str]:
    """The props a pairs file writes for ``pair``: what the stages found (``x-paragraph``,
    ``x-align``, ``x-align-score``), then the pair's own props."""
    props: dict[str, str] = {}
    if pair.paragraph is not None:
        props["x-paragraph"] = str(pair.paragraph)
    if pair.align is not None:
        props["x-align"] = pair.align
    if pair.align_score is not None:
        props["x-align-score"] = f"{pair.align_score:.2f}"
    for name, value in pair.props.items():
        props.setdefault(prop_column(name), value)
    return props


# A prop named as a field (OmegaT's ``file``) or as a kept one is written under this prefix:
# under its own name it would be lost behind the field. Read back, the prefix goes.
PROP_PREFIX = "prop:"


def prop_column(name: str) -> str:
    """The key or column of a pair's prop ``name`` in a pairs file: the name itself, or
    behind :data:`PROP_PREFIX` when it is a field's name or starts with the prefix."""
    return PROP_PREFIX + name if name in PAIR_COLUMNS or name.startswith(PROP_PREFIX) else name


def prop_name(column: str) -> str:
    """The prop a key or column of a pairs file holds (:func:`prop_column` undone)."""
    return column.removeprefix(PROP_PREFIX)


def records(text: str) -> list[str]:
    """The lines of ``text`` split at LF (CRLF too) only.

    Not ``str.splitlines``: that also splits at U+2028, U+0085, form feeds..., which a text
    field may hold unescaped (JSON leaves them as they are, and so does this escaping).
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


@contextmanager
def text_output(target: str | Path | IO[str]) -> Iterator[IO[str]]:
    """A text handle for ``target``: a path (written atomically), ``"-"`` (stdout) or a handle."""
    if isinstance(target, str | Path):
        if str(target) == "-":
            with writing_stdout():
                yield sys.stdout
                sys.stdout.flush()
        else:
            with atomic_output(target, "w") as handle:
                yield handle
    else:
        yield target


def write_pairs_tsv(pairs: Iterable[Pair], target: str | Path | IO[str]) -> int:
    """Write ``pairs`` as TSV to ``target``; return how many were written.

    Prop columns follow the fixed ones. The header must name every prop before the first
    row, so the pairs are gathered first (a TSV is for inspection, not for huge corpora:
    JSONL streams).
    """
    rows = [(pair, written_props(pair)) for pair in pairs]
    prop_names: list[str] = []
    for _, props in rows:
        for name in props:
            if name not in prop_names and name not in PAIR_COLUMNS:
                prop_names.append(name)
    with text_output(target) as out:
        out.write("\t".join((*PAIR_COLUMNS, *prop_names)) + "\n")
        for pair, props in rows:
            row = [
                pair.source,
                pair.target,
                pair.source_lang,
                pair.target_lang,
                "" if pair.number is None else str(pair.number),
                pair.file,
                str(pair.line),
                *(props.get(name, "") for name in prop_names),
            ]
            out.write("\t".join(neutralise_cell(escape_field(field)) for field in row) + "\n")
    return len(rows)


def read_pairs_tsv(
    path: str | Path, *, source_lang: str = "en-GB", target_lang: str = "fr-FR",
    claimed: Iterable[str] | None = None,
) -> ReadResult:
    """Read pairs written by :func:`write_pairs_tsv` (``"-"`` reads standard input).

    Only ``source`` and ``target`` columns are required; missing language columns take
    ``source_lang`` / ``target_lang``, missing ``file`` and ``line`` columns this file and
    the row's line. Empty prop fields are left out of ``props``. With ``claimed`` (a run's
    other languages, ``()`` for a bilingual run), the pairs are read in the run's
    languages (:func:`add_in_languages`).
    """
    name = input_name(path)
    lines = records(read_text(path))
    header = lines[0].split("\t")
    for required in ("source", "target"):
        if required not in header:
            raise InputError(name, f"TSV header has no {required!r} column", 1)
    result = ReadResult()
    for number, line in enumerate(lines[1:], 2):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise InputError(
                name, f"expected {len(header)} tab-separated fields, found {len(fields)}", number
            )
        row = dict(zip(header, (unescape_field(restore_cell(f)) for f in fields), strict=True))
        pair = _pair_from_fields(row, name, number, source_lang, target_lang)
        add_in_languages(result, pair, name, number, source_lang, target_lang, claimed)
    if claimed is not None:
        check_some_in_languages(result, name, source_lang, target_lang)
    return result


def add_in_languages(result: ReadResult, pair: Pair, name: str, line: int, source_lang: str,
                     target_lang: str, claimed: Iterable[str] | None = ()) -> None:
    """Add ``pair``, read at ``line`` of the pairs file ``name``, to ``result`` (as it was
    read when ``claimed`` is None: a caller that keeps each pair's own languages) in a run's
    languages ``source_lang`` -> ``target_lang``: a pair in them (by the language part too,
    as an XLIFF file's, :func:`~tmx_export.lang.file_direction`) takes the
    run's tags, as every unit of the memory must (its header names them; "en" under an
    "en-GB" header is not what a CAT project asks for); one in them the other way round is
    turned round; one in other languages is an ``other-languages`` reject, not written in
    a memory of another pair."""
    if claimed is None:
        result.pairs.append(pair)
        return
    held = (pair.source_lang, pair.target_lang)
    direction = file_direction(*held, source_lang, target_lang, tuple(claimed))
    if direction == "other":
        # its languages, as XLIFF's rejects say them: a build --langs run in them reads it
        result.reject(Reject(name, line, "other-languages",
                             f"{held[0]} -> {held[1]}: {pair.source}\t{pair.target}", held))
        return
    if direction == "swapped":
        pair.source, pair.target = pair.target, pair.source
        held = held[::-1]
    for tag, asked in zip(held, (source_lang, target_lang), strict=True):
        if normalise_tag(tag) != normalise_tag(asked):
            count_relabelled(result.relabelled, tag, asked)
    pair.source_lang, pair.target_lang = source_lang, target_lang
    result.pairs.append(pair)


def check_some_in_languages(result: ReadResult, name: str, source_lang: str,
                            target_lang: str) -> None:
    """Refuse a pairs file none of whose pairs is in the run's languages
    (:func:`add_in_languages` rejected them all), naming the languages it holds: the
    languages asked for are the mistake, as for an XLIFF file in another pair."""
    if result.pairs or not result.rejects or any(
            reject.reason != "other-languages" for reject in result.rejects):
        return
    held = dict.fromkeys(" -> ".join(reject.languages) for reject in result.rejects)
    raise InputError(name, f"its pairs are in {', '.join(held)}, not {source_lang} -> "
                           f"{target_lang}: choose the pair with --source-lang/--target-lang")


def _pair_from_fields(
    row: dict[str, str], name: str, line: int, source_lang: str, target_lang: str
) -> Pair:
    paragraph = row.get("number", "")
    if paragraph and not paragraph.isdigit():
        raise InputError(name, f"number must be a whole number, not {paragraph!r}", line)
    at = row.get("line", "")
    if at and not at.isdigit():
        raise InputError(name, f"line must be a whole number, not {at!r}", line)
    # without the columns saying where the pair came from (a table made by hand), this
    # row is where: rejects then name it
    where = "file" in row or "line" in row
    return Pair(
        source=row["source"],
        target=row["target"],
        source_lang=row.get("source_lang") or source_lang,
        target_lang=row.get("target_lang") or target_lang,
        number=int(paragraph) if paragraph else None,
        file=row.get("file", "") if where else name,
        line=(int(at) if at else 0) if where else line,
        props={prop_name(k): v for k, v in row.items() if k not in PAIR_COLUMNS and v},
    )


def declared_languages(path: str | Path, sample: int = 50) -> tuple[str, str] | None:
    """The (source, target) of the pairs a TSV of :func:`write_pairs_tsv` holds: the
    ``source_lang`` and ``target_lang`` of its first ``sample`` rows, when all say the same;
    else ``None``. As for JSON Lines, ``pairs --format tsv`` run in DE-PL is read back in
    DE-PL without its languages named again."""
    lines = records(read_head_text(path, sample + 1))  # (the reader reads the file whole)
    header = lines[0].split("\t") if lines else []
    if "source_lang" not in header or "target_lang" not in header:
        return None
    at = header.index("source_lang"), header.index("target_lang")
    rows = [line.split("\t") for line in lines[1:sample + 1] if line]
    held = {(fields[at[0]], fields[at[1]]) if len(fields) == len(header) else ("", "")
            for fields in rows}
    if len({tuple(map(normalise_tag, pair)) for pair in held}) != 1:
        return None
    found = next(iter(held))
    return found if all(is_valid_tag(tag.replace("_", "-")) for tag in found) else None
