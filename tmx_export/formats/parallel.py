"""Parallel files: the source document in one file, its translation in another.

Paragraphs are one per line, or separated by blank lines (lines inside such a paragraph
are joined with a space); the layout is recognised per file (:func:`split_paragraphs`).
Europarl-style markup lines (``<CHAPTER ID=1>``, ``<SPEAKER ID=2 NAME="...">``, ``<P>``)
are paragraph breaks and are kept as section labels for error messages and alignment.

Paragraph *i* of the source pairs with paragraph *i* of the target. When the counts differ
the files are not parallel and guessing would pair every later paragraph wrongly, so this
is an error naming the first place the files drift apart; with ``align_paragraphs`` a
length-based alignment (Gale & Church 1993) pairs them instead, section by section when
both files carry the same markup, and paragraphs left without a counterpart become
rejects.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Pair, ReadResult, Reject
from ..textio import read_text

MARKUP_LINE = re.compile(r"^\s*<\s*(CHAPTER|SPEAKER|P)\b[^<>]*>\s*$", re.IGNORECASE)
_ID = re.compile(r"\bID\s*=\s*\"?([^\s\">]+)", re.IGNORECASE)

# Gale & Church (1993): priors of bead types and the variance of the length ratio.
# Their 2-2 bead is left out: for paragraphs it mostly swallows two good 1-1 pairs.
_BEADS = ((1, 1, 0.89), (1, 0, 0.0099 / 2), (0, 1, 0.0099 / 2),
          (2, 1, 0.089 / 2), (1, 2, 0.089 / 2))
_VARIANCE = 6.8
_BAND = 60  # how far (in paragraphs) the alignment path may stray from the diagonal


@dataclass(slots=True)
class Paragraph:
    """One paragraph, the line it starts on, and the markup line of its section."""

    text: str
    line: int
    section: str = ""
    section_line: int = 0


def split_paragraphs(text: str, layout: str = "auto") -> list[Paragraph]:
    """The paragraphs of ``text``; ``layout`` is ``"line"``, ``"blank"`` or ``"auto"``.

    ``auto`` chooses ``blank`` when the text has blank lines *and* some block of several
    lines between them (wrapped paragraphs), else ``line``: for text with one paragraph per
    line and a blank line between paragraphs both readings agree.
    """
    if layout not in ("auto", "line", "blank"):
        raise ValueError(f"unknown paragraph layout {layout!r}")
    # blocks of consecutive text lines, cut at blank lines and markup lines
    blocks: list[list[tuple[int, str]]] = []
    sections: list[tuple[str, int]] = []
    section = ("", 0)
    current: list[tuple[int, str]] = []
    has_blank = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or MARKUP_LINE.match(line):
            has_blank |= not line
            if current:
                blocks.append(current)
                sections.append(section)
                current = []
            if line:
                section = (line, number)
            continue
        current.append((number, line))
    if current:
        blocks.append(current)
        sections.append(section)
    if layout == "auto":
        layout = "blank" if has_blank and any(len(b) > 1 for b in blocks) else "line"
    paragraphs: list[Paragraph] = []
    for block, (label, label_line) in zip(blocks, sections, strict=True):
        if layout == "blank":
            paragraphs.append(Paragraph(" ".join(t for _, t in block), block[0][0],
                                        label, label_line))
        else:
            paragraphs.extend(Paragraph(t, n, label, label_line) for n, t in block)
    return paragraphs


def read_parallel(
    source_path: str | Path,
    target_path: str | Path,
    *,
    source_lang: str,
    target_lang: str,
    align_paragraphs: bool = False,
    layout: str = "auto",
) -> ReadResult:
    """Paragraph pairs from two parallel files (see the module documentation)."""
    src = split_paragraphs(read_text(source_path), layout)
    tgt = split_paragraphs(read_text(target_path), layout)
    source_name, target_name = str(source_path), str(target_path)
    result = ReadResult()
    if not src:
        raise InputError(source_name, "no paragraphs")
    if not tgt:
        raise InputError(target_name, "no paragraphs")
    if len(src) == len(tgt):
        beads = [([i], [i]) for i in range(len(src))]
    elif not align_paragraphs:
        raise InputError(source_name, drift_message(src, tgt, target_name),
                         _drift_line(src, tgt))
    else:
        beads = align_by_sections(src, tgt)
    for s_idx, t_idx in beads:
        if not s_idx or not t_idx:
            side, paras, name = ("source", src, source_name) if s_idx else \
                ("target", tgt, target_name)
            for i in s_idx or t_idx:
                result.rejects.append(Reject(name, paras[i].line, "unaligned-paragraph",
                                             f"{side} paragraph without counterpart: "
                                             f"{paras[i].text}"))
            continue
        first = src[s_idx[0]]
        pair = Pair(
            source=" ".join(src[i].text for i in s_idx),
            target=" ".join(tgt[i].text for i in t_idx),
            source_lang=source_lang,
            target_lang=target_lang,
            file=source_name,
            line=first.line,
        )
        if len(s_idx) != 1 or len(t_idx) != 1:
            pair.props["x-align"] = f"{len(s_idx)}-{len(t_idx)}"
        result.pairs.append(pair)
    return result


def drift_message(src: list[Paragraph], tgt: list[Paragraph], target_name: str) -> str:
    """Where two paragraph lists stop corresponding, for the user to look at."""
    counts = f"{len(src)} paragraphs in the source, {len(tgt)} in {target_name}"
    place = _first_section_difference(src, tgt)
    if place is not None:
        s_sec, t_sec, s_count, t_count = place
        return (f"{counts}; they first differ in the section {s_sec.section} (source line "
                f"{s_sec.section_line}, target line {t_sec.section_line} {t_sec.section}): "
                f"{s_count} vs {t_count} paragraphs; use --align-paragraphs to align them")
    s_idx, t_idx = _first_break(src, tgt)
    s_line = src[s_idx].line if s_idx < len(src) else src[-1].line
    t_line = tgt[t_idx].line if t_idx < len(tgt) else tgt[-1].line
    return (f"{counts}; they drift apart near source line {s_line} / target line {t_line} "
            f"(source: {_excerpt(src, s_idx)!r}; target: {_excerpt(tgt, t_idx)!r}); "
            "use --align-paragraphs to align them")


def _drift_line(src: list[Paragraph], tgt: list[Paragraph]) -> int:
    place = _first_section_difference(src, tgt)
    if place is not None:
        return place[0].section_line
    s_idx, _ = _first_break(src, tgt)
    return src[min(s_idx, len(src) - 1)].line


def _excerpt(paras: list[Paragraph], index: int) -> str:
    if index >= len(paras):
        return "(end of file)"
    text = paras[index].text
    return text if len(text) <= 60 else text[:57] + "..."


def _sections(paras: list[Paragraph]) -> list[tuple[Paragraph, int]]:
    """(first paragraph, paragraph count) of each section in order."""
    out: list[tuple[Paragraph, int]] = []
    for p in paras:
        if out and out[-1][0].section_line == p.section_line:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((p, 1))
    return out


def _section_key(label: str) -> tuple[str, str]:
    kind = MARKUP_LINE.match(label)
    ident = _ID.search(label)
    return (kind.group(1).upper() if kind else "", ident.group(1) if ident else "")


def _first_section_difference(src, tgt):
    if not any(p.section for p in src) or not any(p.section for p in tgt):
        return None
    for (s_first, s_count), (t_first, t_count) in zip(_sections(src), _sections(tgt), strict=False):
        if s_count != t_count or _section_key(s_first.section) != _section_key(t_first.section):
            return s_first, t_first, s_count, t_count
    return None


def _first_break(src: list[Paragraph], tgt: list[Paragraph]) -> tuple[int, int]:
    """Indexes of the first source and target paragraphs that are not aligned one to one."""
    s_pos = t_pos = 0
    for s_idx, t_idx in align_lengths([len(p.text) for p in src], [len(p.text) for p in tgt]):
        if len(s_idx) != len(t_idx):
            break
        s_pos, t_pos = s_pos + len(s_idx), t_pos + len(t_idx)
    return s_pos, t_pos


Beads = list[tuple[list[int], list[int]]]


def align_by_sections(src: list[Paragraph], tgt: list[Paragraph]) -> Beads:
    """Align paragraphs by length, within sections when both files have the same ones."""
    s_secs, t_secs = _sections(src), _sections(tgt)
    same = (any(p.section for p in src) and len(s_secs) == len(t_secs)
            and all(_section_key(a.section) == _section_key(b.section)
                    for (a, _), (b, _) in zip(s_secs, t_secs, strict=True)))
    if not same:
        return align_lengths([len(p.text) for p in src], [len(p.text) for p in tgt])
    beads: list[tuple[list[int], list[int]]] = []
    s_off = t_off = 0
    for (_, s_count), (_, t_count) in zip(s_secs, t_secs, strict=True):
        part = align_lengths([len(p.text) for p in src[s_off:s_off + s_count]],
                             [len(p.text) for p in tgt[t_off:t_off + t_count]])
        beads.extend(([i + s_off for i in s], [j + t_off for j in t]) for s, t in part)
        s_off += s_count
        t_off += t_count
    return beads


def align_lengths(src: Sequence[int], tgt: Sequence[int]) -> list[tuple[list[int], list[int]]]:
    """Gale & Church length-based alignment: beads of source and target indexes.

    The expected target/source length ratio is taken from the two texts themselves, so
    any language pair works. The search is limited to a band around the diagonal, which
    keeps it linear in the number of paragraphs.
    """
    n, m = len(src), len(tgt)
    ratio = (sum(tgt) or 1) / (sum(src) or 1)
    band = _BAND + abs(n - m)
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    penalties = [(a, b, -math.log(p)) for a, b, p in _BEADS]
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i == 0 and j == 0:
                continue
            best, step = inf, None
            for a, b, penalty in penalties:
                prev = cost.get((i - a, j - b))
                if prev is None:
                    continue
                c = prev + penalty + _length_cost(sum(src[i - a:i]), sum(tgt[j - b:j]), ratio)
                if c < best:
                    best, step = c, (a, b)
            if step is not None:
                cost[(i, j)] = best
                back[(i, j)] = step
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        a, b = back[(i, j)]
        beads.append((list(range(i - a, i)), list(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _length_cost(ls: int, lt: int, ratio: float) -> float:
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / ratio) / 2
    delta = (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    tail = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(tail) if tail > 1e-300 else 690.0


def find_parallel(
    path: str | Path, *, source_lang: str, target_lang: str
) -> list[tuple[Path, Path]]:
    """Pairs of ``name.<src>.txt`` / ``name.<tgt>.txt`` files at or below ``path``.

    ``path`` is a directory (searched recursively) or one file of a pair. Language parts
    of the names match the primary subtag or the whole tag, case-insensitively
    (``ep-00-01-17.en.txt``, ``report.EN-GB.txt``).
    """
    p = Path(path)
    if p.is_dir():
        candidates = sorted(p.rglob("*.txt"))
    elif p.exists():
        candidates = [p]
    else:
        raise InputError(str(path), "no such file")
    src_tags = _name_tags(source_lang)
    tgt_tags = _name_tags(target_lang)
    found: list[tuple[Path, Path]] = []
    for file in candidates:
        stem, tag = _split_name(file)
        if tag is None:
            continue
        if tag in src_tags:
            partner = _partner(file.parent, stem, tgt_tags)
            if partner is not None:
                found.append((file, partner))
        elif p.is_file() and tag in tgt_tags:
            partner = _partner(file.parent, stem, src_tags)
            if partner is not None:
                found.append((partner, file))
    return found


def _name_tags(lang: str) -> set[str]:
    full = lang.strip().lower().replace("_", "-")
    return {full, full.split("-")[0]}


def _split_name(file: Path) -> tuple[str, str | None]:
    parts = file.name.rsplit(".", 2)
    if len(parts) != 3 or parts[2].lower() != "txt":
        return file.name, None
    return parts[0], parts[1].lower().replace("_", "-")


def _partner(directory: Path, stem: str, tags: set[str]) -> Path | None:
    for file in sorted(directory.glob("*.txt")):
        file_stem, tag = _split_name(file)
        if file_stem == stem and tag in tags:
            return file
    return None


def parallel_partner(
    path: str | Path, *, source_lang: str, target_lang: str
) -> tuple[Path, Path] | None:
    """``(source file, target file)`` when ``path`` is one of a side-by-side pair.

    ``path`` is ``name.<lang>.txt``; its partner is ``name.<other>.txt`` in the same
    directory, the language parts matching the two languages' primary subtags or whole
    tags (``report.en.txt`` + ``report.fr.txt`` for ``en-GB`` -> ``fr-FR``). ``None`` when
    the name carries no language of the pair or the partner does not exist.
    """
    file = Path(path)
    stem, tag = _split_name(file)
    if tag is None:
        return None
    src_tags, tgt_tags = _name_tags(source_lang), _name_tags(target_lang)
    if src_tags & tgt_tags:  # en-US -> en-GB: only whole tags tell the sides apart
        src_tags, tgt_tags = src_tags - tgt_tags, tgt_tags - src_tags
    if tag in src_tags:
        partner = _partner(file.parent, stem, tgt_tags)
        return None if partner is None else (file, partner)
    if tag in tgt_tags:
        partner = _partner(file.parent, stem, src_tags)
        return None if partner is None else (partner, file)
    return None
