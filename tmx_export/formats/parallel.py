"""Parallel files: the source document in one file, its translation in another.

Paragraphs are one per line, or separated by blank lines (lines inside such a paragraph
are joined with a space); the layout is recognised per file (:func:`split_paragraphs`).
Europarl-style markup lines (``<CHAPTER ID=1>``, ``<SPEAKER ID=2 NAME="...">``, ``<P>``)
are paragraph breaks and are kept as section labels for error messages and alignment.

Paragraph *i* of the source pairs with paragraph *i* of the target when the files
correspond line by line, which the sentence aligner checks
(:func:`tmx_export.segment.align.align`: Gale & Church's length model with the anchors the
two texts share, numbers, names, cognates, quotes). When the counts differ, or when they
match but the alignment pairs a paragraph with another's translation (one missing on each
side), the files are not parallel and pairing line by line would give every later
paragraph a wrong translation, so this is an error naming the first place the files drift
apart; with ``align_paragraphs`` the alignment pairs them instead, section by section when
both files carry the same markup, and paragraphs left without a counterpart become
rejects. Length alone is not enough for paragraphs: they vary in length far more than
sentences do, and where a paragraph was missing it merged two neighbours and paired the
paragraphs after them with the wrong ones until it caught up again. Nor are the sentence
aligner's priors: a lone paragraph beside a long one went into its pair as a merge
(PARAGRAPH_PRIORS), so a merge is kept only when both its paragraphs are needed
(:func:`checked_merges`), and a stretch the alignment shifts off the diagonal and back
only as the lengths say is undone, or unsure, by the distinctive anchors its lines share
with their own translations (:func:`_anchored_detours`), as is a stretch it keeps on the
diagonal whose lines share more with their neighbours' translations, one paragraph
missing on each side a few apart (:func:`_crossed_diagonals`), and a pair whose two
paragraphs cite different numbers, one missing on each side next to each other
(:func:`_strangers`); with as many paragraphs, a merge beside a lone paragraph that the
texts do not support is a drift when what is left of it is off the diagonal
(:func:`_merges_shifted`) (``benchmarks/parallel_drift.py``:
one to three paragraphs dropped from windows of 60 of Europarl and DGT-TM; 14 % of the
units wrong with length alone, 2.5 % with the anchors, 0.5 % with checked merges, 0.3 %
with the detours checked, 0.2 % with the crossings, 0.1 % now).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..lang import primary
from ..model import Pair, ReadResult, Reject
from ..segment.align import align, alignment_cost, sentence_features
from ..segment.align_features import text_length
from ..segment.align_model import _length_cost, _ones_ratio
from ..segment.rules import segment_text
from .text import input_name, read_text

MARKUP_LINE = re.compile(r"^\s*<\s*(CHAPTER|SPEAKER|P)\b[^<>]*>\s*$", re.IGNORECASE)
_ID = re.compile(r"\bID\s*=\s*\"?([^\s\">]+)", re.IGNORECASE)



@dataclass(slots=True)
class Paragraph:
    """One paragraph, the line it starts on, and the markup line of its section."""

    text: str
    line: int
    section: str = ""
    section_line: int = 0


def split_paragraphs(text: str, layout: str = "auto") -> list[Paragraph]:
    """The paragraphs of ``text``; ``layout`` is ``"line"``, ``"blank"`` or ``"auto"``.

    ``auto`` chooses ``blank`` when the text has blank lines *and* its blocks of several
    lines between them are wrapped paragraphs (:func:`_wrapped`), else ``line``: for text
    with one paragraph per line and a blank line between paragraphs both readings agree.
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
        layout = "blank" if has_blank and _wrapped(blocks) else "line"
    paragraphs: list[Paragraph] = []
    for block, (label, label_line) in zip(blocks, sections, strict=True):
        if layout == "blank":
            paragraphs.append(Paragraph(" ".join(t for _, t in block), block[0][0],
                                        label, label_line))
        else:
            paragraphs.extend(Paragraph(t, n, label, label_line) for n, t in block)
    return paragraphs


# What ends a line that ends a paragraph: a sentence's end (closing quotes and brackets
# after it too), a list item's ";" or ":", in Latin and CJK punctuation.
_PARAGRAPH_END = re.compile(r"[.!?:;…。！？；：]['’\"”»)\]）」』]*$")


def _wrapped(blocks: list[list[tuple[int, str]]]) -> bool:
    """Whether the lines of each block between blank lines are to be joined: a paragraph
    wrapped over lines, or its sentences one a line; not paragraphs one a line with a
    blank line here and there (a word processor's text export, empty paragraphs spacing
    the sections), which joined would glue a heading to the sentence after it ("Article 1
    Subject matter This Regulation ..."). Joined when a quarter of the line breaks inside
    blocks fall within a sentence (after no sentence end, before a word not capitalised: a
    wrapped line mostly opens so, fewer in German, whose nouns are capitalised; a new
    paragraph seldom does), or when every line but a block's last ends a sentence (joined,
    the sentences are cut again as they were); not when a line without a sentence end (a
    heading, a title) is followed by a new sentence."""
    joins = [(line, after) for block in blocks
             for (_, line), (_, after) in zip(block, block[1:], strict=False)]
    if not joins:
        return False
    open_ends = [after for line, after in joins if not _PARAGRAPH_END.search(line)]
    within = sum(1 for after in open_ends if after[:1].isalpha() and not after[:1].isupper())
    return 4 * within >= len(joins) or not open_ends


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
    source_name, target_name = input_name(source_path), input_name(target_path)
    result = ReadResult()
    if not src:
        raise InputError(source_name, "no paragraphs")
    if not tgt:
        raise InputError(target_name, "no paragraphs")
    if len(src) == len(tgt) and not _drifts(src, tgt, (source_lang, target_lang)):
        beads = [([i], [i]) for i in range(len(src))]
    elif not align_paragraphs:
        raise _drift_error(src, tgt, source_name, target_name, (source_lang, target_lang))
    else:
        beads = _continuations_aligned(src, tgt, (source_lang, target_lang))
    for s_idx, t_idx, *unsure in beads:
        if not s_idx or not t_idx or unsure:
            _reject_bead(result, (s_idx, src, source_name), (t_idx, tgt, target_name), unsure)
            continue
        first = src[s_idx[0]]
        pair = Pair(
            source=" ".join(src[i].text for i in s_idx),
            target=" ".join(tgt[i].text for i in t_idx),
            source_lang=source_lang,
            target_lang=target_lang,
            file=source_name,
            line=first.line,
            # its position among the source's paragraphs, not among the pairs: with a
            # paragraph left without counterpart the two differ, and --langs lines up
            # each language's units by it
            paragraph=s_idx[0] + 1,
        )
        if len(s_idx) != 1 or len(t_idx) != 1:
            pair.align = f"{len(s_idx)}-{len(t_idx)}"
        result.pairs.append(pair)
    return result


def _continues(before: Paragraph, after: Paragraph) -> bool:
    """Whether ``after`` is the rest of ``before``, one paragraph split in two: ``before``
    ends with a letter (no punctuation: a title, a sentence cut) and ``after`` opens with a
    lower-case letter, in the same section ("Accordo" / "volto a impedire la pesca ...",
    where the other language has the title in one paragraph)."""
    return (before.section_line == after.section_line and before.text[-1:].isalpha()
            and after.text[:1].islower())


def _one_sided_continuations(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                             tgt: list[Paragraph], bead_of: tuple[dict[int, int], ...] = ()
                             ) -> tuple[set[int], set[int]]:
    """The source and target paragraphs that :func:`_continues` the one before them on
    their side only: the beads put the two halves apart, the second half paired one to one
    with a paragraph that opens as a whole one does (not in lower case). Split the same way
    on both sides, as DGT-TM writes "Agreement" / "to prevent ..." and "Accord" / "visant
    à ...", the halves pair one to one and stay so; and where the other side lost its first
    half, its second ("visant à ...") pairs with the second half here, not with both."""
    found: tuple[set[int], set[int]] = (set(), set())
    bead_of = bead_of or ({i: k for k, b in enumerate(beads) for i in b[0]},
                          {j: k for k, b in enumerate(beads) for j in b[1]})
    for side, (paras, across) in enumerate(((src, tgt), (tgt, src))):
        for i in range(1, len(paras)):
            k = bead_of[side].get(i)
            if k is None or not _continues(paras[i - 1], paras[i]) \
                    or bead_of[side].get(i - 1) == k:
                continue
            bead = beads[k]
            partner = bead[1 - side]
            if len(bead) == 2 and len(bead[side]) == len(partner) == 1 \
                    and not across[partner[0]].text[:1].islower():
                found[side].add(i)
    return found


def _groups(count: int, continuing: set[int]) -> list[list[int]]:
    """Paragraph indexes ``0 .. count - 1`` in groups, each of ``continuing`` in the
    group of the paragraph before it."""
    groups: list[list[int]] = []
    for i in range(count):
        if groups and i in continuing:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _joined(paras: list[Paragraph], groups: list[list[int]]) -> list[Paragraph]:
    first = [paras[g[0]] for g in groups]
    return [Paragraph(" ".join(paras[i].text for i in g), p.line, p.section, p.section_line)
            for g, p in zip(groups, first, strict=True)]


def _regrouped(beads: list[tuple[list[int], ...]], src: list[Paragraph],
               tgt: list[Paragraph], align_joined: Callable[..., list[tuple[list[int], ...]]]
               ) -> list[tuple[list[int], ...]]:
    """``beads`` again, by ``align_joined`` (source and target paragraph lists -> beads),
    with each paragraph split in two on one side only
    (:func:`_one_sided_continuations`) aligned as one paragraph; ``beads`` when there is
    none. Apart, the aligner has only the lengths of short titles to place them by: with a
    title split on one side it paired a heading with the first half of the title
    ("ΜΕΤΑΦΡΑΣΗ" / "Споразумение"), or wrote the long half alone, a word short, nothing of
    the sentences telling it to merge the two."""
    s_cont, t_cont = _one_sided_continuations(beads, src, tgt)
    if not s_cont and not t_cont:
        return beads
    s_groups, t_groups = _groups(len(src), s_cont), _groups(len(tgt), t_cont)
    joined = align_joined(_joined(src, s_groups), _joined(tgt, t_groups))
    return [([i for k in s_idx for i in s_groups[k]], [j for k in t_idx for j in t_groups[k]],
             *unsure) for s_idx, t_idx, *unsure in joined]


def _continuations_aligned(src: list[Paragraph], tgt: list[Paragraph],
                           langs: tuple[str, str]) -> list[tuple[list[int], ...]]:
    """The checked beads (:func:`checked_merges`) of files that drift apart, with the
    pairs a lone paragraph could as well lie among (:func:`_guessed_gaps`) and the beads
    around a paragraph split in two on one side unsure (:func:`_unsure_splits`)."""
    beads = _guessed_gaps(checked_merges(align_by_sections(src, tgt, langs), src, tgt,
                                         langs=langs), src, tgt)
    unsure = _unsure_splits(beads, src, tgt)
    return [(*bead[:2], [True]) if k in unsure and len(bead) == 2 else bead
            for k, bead in enumerate(beads)]


def _one_to_one(bead: tuple[list[int], ...]) -> bool:
    return len(bead) == 2 and len(bead[0]) == len(bead[1]) == 1


def _unsure_splits(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                   tgt: list[Paragraph]) -> set[int]:
    """The beads (indexes) that a paragraph split in two on one side only
    (:func:`_one_sided_continuations`) makes unsure: where its halves lie in two beads
    beside a paragraph without counterpart or a merge, the aligner placed a short title
    by its length alone ("ΜΕΤΑΦΡΑΣΗ" / "Споразумение", the first half of the Bulgarian
    title, beside "ПРЕВОД" alone; "Accordo" alone and "volto a impedire ..." paired with
    the whole German title). A 2-1 merge of the halves is as likely as a title without
    its translation there, and nothing in the texts tells them apart: the halves' beads
    and those beside them are rejects, not a wrong or truncated unit."""
    unsure: set[int] = set()
    bead_of = ({i: k for k, b in enumerate(beads) for i in b[0]},
               {j: k for k, b in enumerate(beads) for j in b[1]})
    for side, continuing in enumerate(_one_sided_continuations(beads, src, tgt, bead_of)):
        for i in continuing:
            halves = sorted({bead_of[side][i - 1], bead_of[side][i]})
            near = range(max(0, halves[0] - 1), min(len(beads), halves[-1] + 2))
            odd = [k for k in near if not _one_to_one(beads[k])]
            if odd:
                unsure.update(halves, odd)
    return unsure


def _reject_bead(result: ReadResult, source: tuple[list[int], list[Paragraph], str],
                 target: tuple[list[int], list[Paragraph], str], unsure: list[bool]) -> None:
    """Every paragraph of a bead as a reject: without counterpart, or (``unsure``) in a
    merge that nothing decides between."""
    what = "paragraph without a sure counterpart" if unsure else "paragraph without counterpart"
    for side, (indexes, paras, name) in (("source", source), ("target", target)):
        for i in indexes:
            result.rejects.append(Reject(name, paras[i].line, "unaligned-paragraph",
                                         f"{side} {what}: {paras[i].text}"))


# Paragraphs aligned at once when checking that files with as many paragraphs correspond:
# the aligner's memory grows with its input (some 360 MB for 50,000 paragraphs at once).
# The windows overlap by half: a shift that a window's edge cuts short, where the aligner
# would rather merge two paragraphs than shift the few it sees, lies whole in the next.
CHECK_WINDOW = 1000


def _windows(src: list[Paragraph], tgt: list[Paragraph],
             langs: tuple[str, str] | None = None) -> Iterator[
        tuple[int, list[tuple[list[int], ...]]]]:
    """The check windows of files with as many paragraphs (paragraphs ``start`` to
    ``start + CHECK_WINDOW`` of both, every half window): ``start`` and the window's
    beads, numbered from ``start``; ``langs``, the files' languages (:func:`_aligned`)."""
    step = max(1, CHECK_WINDOW // 2)
    last = max(0, len(src) - CHECK_WINDOW)  # the last window starts here, or at 0
    starts = sorted({*range(0, last, step), last}) if len(src) > 1 else []
    for start in starts:
        stop = start + CHECK_WINDOW
        # (a detour that nothing decides is unsure, and shifted: a drift)
        yield start, _aligned(src[start:stop], tgt[start:stop], langs)


def _checked_windows(src: list[Paragraph], tgt: list[Paragraph],
                     langs: tuple[str, str] | None = None) -> Iterator[
        tuple[list[int], list[int]]]:
    """The beads of files with as many paragraphs, aligned window by window
    (:func:`_windows`), in the files' numbering."""
    for start, beads in _windows(src, tgt, langs):
        for s, t, *_ in beads:
            yield [i + start for i in s], [j + start for j in t]


def _drifts(src: list[Paragraph], tgt: list[Paragraph], langs: tuple[str, str]) -> bool:
    """Whether files with as many paragraphs drift apart: their check alignment is
    shifted (:func:`_shifted`), or the merges of a window, checked, are
    (:func:`_merges_shifted`); ``langs`` for cutting sentences."""
    windows = list(_windows(src, tgt, langs))
    beads = [([i + start for i in s], [j + start for j in t])
             for start, window in windows for s, t, *_ in window]
    return _shifted(beads) or any(
        _merges_shifted(window, src[start:start + CHECK_WINDOW],
                        tgt[start:start + CHECK_WINDOW], langs)
        for start, window in windows)


def _merges_shifted(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                    tgt: list[Paragraph], langs: tuple[str, str]) -> bool:
    """Whether the merges of ``beads`` (files with as many paragraphs), once checked
    (:func:`checked_merges`), sure or not, leave a 1-1 pair off the diagonal. A paragraph
    missing on each side, one or two apart, and the aligner merged the paragraph beside a
    gap into its neighbour's pair and left the other side's alone, back on the diagonal:
    without its first English and third French paragraphs, the session of 21 January 2000
    gave "Mr President, ... terrorist attack" and "Thank you, Mrs Fraga Estévez ..." merged
    into "Monsieur le Président, ... attentat terroriste" beside "Adoption du
    procès-verbal ..." alone, and was paired line by line, each of the first two with
    another's translation. "Thank you ..." shares nothing with it that the other does not,
    nor do the lengths need it: the merge splits, and its pair is off the diagonal. A
    merge kept, or one whose pair stays on the diagonal (a lone paragraph beside it that
    belongs with it), tells nothing; nor do the unsure marks, which on unaltered files
    came of short rows the lengths alone could not place; nor two paragraphs the split
    leaves side by side on the diagonal, sharing no anchor, whose lengths do not fit: the
    session of 17 January 2000 with a sentence added to its last English paragraph
    ("(The sitting was closed at 8.25 p.m.) Mr Wałęsa ..." / "(La séance est levée à
    20h25)") gives them, and corresponds."""
    if all(len(s) <= 1 and len(t) <= 1 for s, t, *_ in beads):
        return False
    checked = [(s, t) for s, t, *_ in checked_merges([(s, t) for s, t, *_ in beads], src,
                                                      tgt, langs=langs)]
    return any(len(s) == len(t) == 1 and s[0] != t[0] for s, t in checked)


def _shifted(beads: Iterable[tuple[list[int], list[int]]]) -> bool:
    """Whether the alignment of two files with as many paragraphs pairs some paragraph with
    another's translation: one went missing on each side, and those between would pair
    with their neighbours' translations. (Files that correspond line by line may
    still be aligned with a local merge, "1-2" then "1-0"; that alone is not taken for a
    drift: on 1,000 windows of 60 paragraph pairs of Europarl and DGT-TM none was shifted,
    while of 1,000 windows with one paragraph dropped on each side 85 % were.) Two
    paragraphs without counterpart side by side, one in each file, are a drift too: a
    paragraph missing on each side, next to each other (:func:`_strangers`). So is a
    merge beside a lone paragraph that, checked, leaves a pair off the diagonal
    (:func:`_merges_shifted`)."""
    beads = list(beads)
    return any(len(s) == len(t) == 1 and s[0] != t[0] for s, t in beads) \
        or any((not a[0] and not b[1]) or (not a[1] and not b[0])
               for a, b in zip(beads, beads[1:], strict=False))


def _drift_error(src: list[Paragraph], tgt: list[Paragraph], source_name: str,
                 target_name: str, langs: tuple[str, str] | None = None) -> InputError:
    """Where two paragraph lists stop corresponding, for the user to look at, as the error
    (its file and line: the first paragraph left without counterpart, a target paragraph
    where the source lost one, else the source's; named by the source, the error pointed
    at a line whose paragraph had its translation, in the other file)."""
    counts = (f"{len(src)} paragraphs in the source, {len(tgt)} in {target_name}"
              if len(src) != len(tgt) else
              f"{len(src)} paragraphs in the source and in {target_name}, but not the same")
    place = _first_section_difference(src, tgt)
    if place is not None:
        s_sec, t_sec, s_count, t_count = place
        return InputError(source_name, (
            f"{counts}; they first differ in the section {s_sec.section} (source line "
            f"{s_sec.section_line}, target line {t_sec.section_line} {t_sec.section}): "
            f"{s_count} vs {t_count} paragraphs; use --align-paragraphs to align them"),
            s_sec.section_line)
    s_idx, t_idx, lone_target = _first_break(src, tgt, langs)
    s_line = src[s_idx].line if s_idx < len(src) else src[-1].line
    t_line = tgt[t_idx].line if t_idx < len(tgt) else tgt[-1].line
    name, line = (target_name, t_line) if lone_target else (source_name, s_line)
    return InputError(name, (
        f"{counts}; they drift apart near source line {s_line} / target line {t_line} "
        f"(source: {_excerpt(src, s_idx)!r}; target: {_excerpt(tgt, t_idx)!r}); "
        "use --align-paragraphs to align them"), line)


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


def _first_break(src: list[Paragraph], tgt: list[Paragraph],
                 langs: tuple[str, str] | None = None) -> tuple[int, int, bool]:
    """Indexes of the first source and target paragraphs that are not aligned one to one,
    and whether that target paragraph is alone, without a source paragraph
    (files with as many paragraphs aligned by windows, as they are checked), a paragraph
    split in two (:func:`_continues`) aligned as one: apart, the aligner left the title
    before it alone, and the message named the one pair that was right."""
    def beads_of(s: list[Paragraph], t: list[Paragraph]) -> list[tuple[list[int], ...]]:
        return list(_checked_windows(s, t, langs)) if len(s) == len(t) \
            else _aligned(s, t, langs)

    def first(beads: list[tuple[list[int], ...]]) -> tuple[int, int, bool]:
        s_pos = t_pos = 0
        for s_idx, t_idx, *_ in beads:
            if len(s_idx) != len(t_idx):
                return ((s_idx[0] if s_idx else s_pos), (t_idx[0] if t_idx else t_pos),
                        not s_idx)
            s_pos, t_pos = s_idx[-1] + 1, t_idx[-1] + 1
        return s_pos, t_pos, False

    # the later of the two: a one-sided split joined moves the break past the title; rows
    # joined that were not one paragraph split ("rezolucja IMO ..." after "... I, IV", a
    # Polish list item in lower case) gave a break before the real one
    beads = beads_of(src, tgt)
    return max(first(beads), first(_regrouped(beads, src, tgt, beads_of)),
               key=lambda found: found[:2])


Beads = list[tuple[list[int], list[int]]]

# The bead priors for paragraphs (-log P). Gale & Church's, counted on sentences, make a
# sentence without translation nine times rarer than two merged (1-2 or 2-1). A document and
# its translation keep their paragraphs: a paragraph missing on one side is the common
# accident, and with those priors the missing paragraph's neighbour took the lone
# translation as a merge (a short paragraph hardly changes a long one's length ratio, and
# Dice over both hardly changes the anchors' bonus), pairing it with a stranger
# (``benchmarks/parallel_drift.py``: 2.5 % of the units wrong, 0.5 % with these and
# checked_merges). Here a paragraph missing and two merged are as likely; 2-2 is ruled
# out: for paragraphs it mostly swallows a 1-0 and a 0-1.
PARAGRAPH_PRIORS = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.02),
    (0, 1): -math.log(0.02),
    (2, 1): -math.log(0.02),
    (1, 2): -math.log(0.02),
    (2, 2): math.inf,
}


def _aligned(src: list[Paragraph], tgt: list[Paragraph],
             langs: tuple[str, str] | None = None) -> list[tuple[list[int], ...]]:
    """The paragraphs aligned by the sentence aligner: (source, target) indexes per bead,
    a third element in the beads of a detour that nothing decides (:func:`_anchored_detours`);
    ``langs``, the files' languages, for the numbers a translation writes as words
    (:func:`_strangers`).

    With PARAGRAPH_PRIORS, and the length ratio estimated again from the median of the 1-1
    pairs': in a short file, the one wrong pair beside a lone paragraph moved the totals'
    ratio enough to keep itself (the first of eight paragraphs left out of the French)."""
    beads = [(list(range(b.src_start, b.src_end)), list(range(b.tgt_start, b.tgt_end)))
             for b in align([p.text for p in src], [p.text for p in tgt],
                            priors=PARAGRAPH_PRIORS, median_ratio=True)]
    # (the anchors weighed once, for the detours and the crossings both)
    evidence = _evidence(src, tgt)
    return _strangers(_crossed_diagonals(_anchored_detours(beads, evidence), evidence),
                      src, tgt, langs)


# A detour (the path leaving a diagonal and coming back to it) is undone when the
# diagonal's pairs share more distinctive content than the detour's beads by at least
# this, kept when they share less by at least this, else unsure (anchors weighted as in
# _anchor_weights: an anchor of one paragraph on each side is 1, of two 0.5). Any value
# from 0 to 1 gives the same figures in ``benchmarks/parallel_drift.py``. A little under
# 0.5, so that one anchor two paragraphs hold (the "hydr" of "hydrostatyczne" /
# "hydrostatic") decides, whatever the rounding of the sums: at 0.5 exactly, a gain of
# 0.5 came out 0.49999999999999983 in some runs and not in others.
DETOUR_EVIDENCE = 0.4


@lru_cache(maxsize=4 * CHECK_WINDOW)
def _anchors(text: str) -> frozenset[str]:
    """:func:`sentence_features` of a paragraph, read once: a check window's paragraphs are
    weighed by the detours, the crossings and the strangers in turn, and each again in the
    next window, which overlaps it by half."""
    return sentence_features(text)


def _anchor_weights(src: list[Paragraph], tgt: list[Paragraph]
                    ) -> tuple[list[frozenset[str]], list[frozenset[str]], dict[str, float]]:
    """The anchors of each source and target paragraph, and what each anchor tells of a
    pair that shares it: 1 / the number of paragraphs holding it on the side where it is
    more frequent. A number or a name found in one paragraph of each file pairs them; the
    anchors of rows repeated with small changes ("rezolucja IMO MSC.48(66)- (kodeks LSA)
    I, IV" four times in a table) and of the words of the whole text tell little of which
    row pairs with which."""
    s_keys = [_anchors(p.text) for p in src]
    t_keys = [_anchors(p.text) for p in tgt]
    counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
    for side, keys in zip(counts, (s_keys, t_keys), strict=True):
        for paragraph in keys:
            for key in paragraph:
                side[key] = side.get(key, 0) + 1
    weights = {key: 1.0 / max(n, counts[1][key]) for key, n in counts[0].items()
               if key in counts[1]}
    return s_keys, t_keys, weights


# What a bead's source and target paragraphs share (:func:`_evidence`)
Evidence = Callable[[list[int], list[int]], float]


def _evidence(src: list[Paragraph], tgt: list[Paragraph]) -> Evidence:
    """What the source paragraphs and the target paragraphs of a bead share: their
    distinctive anchors (:func:`_anchor_weights`), weighted; 0 for a lone paragraph."""
    s_keys, t_keys, weights = _anchor_weights(src, tgt)

    def evidence(s_idx: list[int], t_idx: list[int]) -> float:
        if not s_idx or not t_idx:
            return 0.0
        shared = frozenset().union(*(s_keys[i] for i in s_idx)) \
            & frozenset().union(*(t_keys[j] for j in t_idx))
        # (fsum: the sum of a set's weights is the same in whatever order it is read)
        return math.fsum(weights.get(key, 0.0) for key in shared)

    return evidence


def _anchored_detours(beads: Beads, evidence: Evidence) -> list[tuple[list[int], ...]]:
    """``beads``, each detour that distinctive anchors do not support undone or unsure:
    where the path leaves a diagonal (a merge or a lone paragraph, the 1-1 pairs after it
    shifted by one) and comes back to it, the diagonal is taken when its pairs share more
    distinctive anchors (:func:`_anchor_weights`) than the detour's beads do, and the
    detour's beads are unsure (a third element) when neither shares more (by
    DETOUR_EVIDENCE). The lengths alone made such detours: a Polish row that quotes the
    English title and adds its translation ("Rigid liferaft - Coast Guard (CG-5214)
    Review Checklist, 27 July 1998 (Sztywne tratwy ...)") is twice the length of the
    English one, and the aligner paired it with two English rows, the next rows each with
    the translation of the row before, until another such row was left alone; the code
    and the date the two rows share counted for less than their lengths. Where nothing
    but the lengths tells, as among short list items, the place of a paragraph without
    counterpart is a guess: the pairs it would shift are not written."""
    # where each bead starts, and the beads that are not 1-1 (only they move the path
    # from one diagonal to another)
    starts: list[tuple[int, int]] = []
    s_pos = t_pos = 0
    for s_idx, t_idx in beads:
        starts.append((s_pos, t_pos))
        s_pos, t_pos = s_pos + len(s_idx), t_pos + len(t_idx)
    starts.append((s_pos, t_pos))
    moves = [k for k, (s_idx, t_idx) in enumerate(beads) if len(s_idx) != 1 or len(t_idx) != 1]
    if len(moves) < 2:  # no detour
        return list(beads)
    out: list[tuple[list[int], ...]] = []
    done = 0  # the beads before this one are in out
    for first, last in zip(moves, moves[1:], strict=False):
        if first < done:  # (its bead ended the detour undone before)
            continue
        (s_from, t_from), (s_to, t_to) = starts[first], starts[last + 1]
        if t_to - s_to != t_from - s_from:  # the two moves do not cancel out
            continue
        # the path leaves a diagonal at ``first`` and is back on it after ``last``, the
        # beads between them 1-1 pairs shifted off it
        detour = beads[first:last + 1]
        diagonal = [([i], [i + t_from - s_from]) for i in range(s_from, s_to)]
        gain = math.fsum(evidence(*b) for b in diagonal) \
            - math.fsum(evidence(*b) for b in detour)
        if gain <= -DETOUR_EVIDENCE:
            continue
        out.extend(beads[done:first])
        out.extend(diagonal if gain >= DETOUR_EVIDENCE else [(*b, [True]) for b in detour])
        done = last + 1
    out.extend(beads[done:])
    return out


# The longest run of pairs that a paragraph missing on each side can shift, as
# :func:`_crossed_diagonals` looks for them (the aligner's own search finds longer ones,
# whose lengths disagree for longer), and how much more distinctive anchors (weighted as
# in _anchor_weights) the pairs shifted by one must share than the pairs as they are. In
# the five multilingual DGT-TM documents as their memory pairs them (English with each
# other language, 110 pairs of files) no run gains more than 0.97 shifted, and those
# that gain 0.5 or more are rows the memory itself split or paired otherwise ("IMO
# MSC.1/Circ.1503." / "IMO MSC.1/oběž."); where a paragraph was dropped on each side
# (``benchmarks/parallel_drift.py``, seed 0) the shifted runs gained 1.5 to 4.5.
CROSSING_SPAN = 12
CROSSING_EVIDENCE = 1.25

def _crossed_diagonals(beads: list[tuple[list[int], ...]], evidence: Evidence
                       ) -> list[tuple[list[int], ...]]:
    """``beads``, each run of 1-1 pairs that its distinctive anchors show shifted by one
    replaced by the detour it is.

    A paragraph missing on one side and, a few paragraphs on, one missing on the other
    leave the files with as many paragraphs between, and the aligner paired them straight
    on, each with its neighbour's translation ("In Article 48(3) ..." / "À l'article 47,
    paragraphe 1 ..."), as a lone paragraph on each side costs more than pairs whose
    lengths disagree. The reverse of :func:`_anchored_detours`: when the pairs shifted by
    one share more than the pairs as they are by CROSSING_EVIDENCE, the first paragraph
    of one side and the last of the other are without counterpart and the rest pair
    shifted (in files with as many paragraphs, a drift)."""
    if len(beads) < 2:
        return list(beads)
    out: list[tuple[list[int], ...]] = []
    k = 0
    while k < len(beads):
        if not _one_to_one(beads[k]):
            out.append(beads[k])
            k += 1
            continue
        end = k  # the run of unmarked 1-1 beads k .. end - 1
        while end < len(beads) and _one_to_one(beads[end]):
            end += 1
        out.extend(_uncrossed([(b[0][0], b[1][0]) for b in beads[k:end]], evidence))
        k = end
    return out


def _uncrossed(run: list[tuple[int, int]], evidence: Evidence) -> list[tuple[list[int], ...]]:
    """A run of 1-1 pairs (source, target index) as beads, the stretches of it shifted by
    one (:func:`_crossed_diagonals`) replaced by their detours, the best first."""
    straight = [evidence([i], [j]) for i, j in run]
    # each pair shifted by one: the source of the next pair with this target (the source's
    # paragraph before it lost its counterpart), or this source with the next target
    shifted = ([evidence([run[n + 1][0]], [run[n][1]]) for n in range(len(run) - 1)],
               [evidence([run[n][0]], [run[n + 1][1]]) for n in range(len(run) - 1)])
    found: list[tuple[float, int, int, int]] = []  # (gain, first, last, side lost first)
    for a in range(len(run)):
        there = straight[a]
        here = [0.0, 0.0]
        for b in range(a + 1, min(len(run), a + CROSSING_SPAN)):
            there += straight[b]
            for side in (0, 1):  # the paragraph without counterpart first: source, target
                here[side] += shifted[side][b - 1]
                if here[side] - there >= CROSSING_EVIDENCE:
                    found.append((here[side] - there, a, b, side))
    taken: dict[int, tuple[int, int]] = {}  # first -> (last, side lost first)
    used: set[int] = set()
    for _gain, a, b, side in sorted(found, key=lambda f: (-f[0], f[2] - f[1], f[1])):
        if used.isdisjoint(range(a, b + 1)):
            used.update(range(a, b + 1))
            taken[a] = (b, side)
    out: list[tuple[list[int], ...]] = []
    n = 0
    while n < len(run):
        if n not in taken:
            out.append(([run[n][0]], [run[n][1]]))
            n += 1
            continue
        b, side = taken[n]
        if side == 0:
            detour = [([run[n][0]], []),
                      *[([run[m + 1][0]], [run[m][1]]) for m in range(n, b)],
                      ([], [run[b][1]])]
        else:
            detour = [([], [run[n][1]]),
                      *[([run[m][0]], [run[m + 1][1]]) for m in range(n, b)],
                      ([run[b][0]], [])]
        out.extend(detour)
        n = b + 1
    return out


# The references a paragraph cites: numbers of two digits or more (articles, years, dates,
# regulation and CELEX numbers) and Roman numerals of two letters or more (annexes,
# chapters: "Annex XIII"); a translation cites the same ones, whatever it writes around
# them.
_REFERENCE = re.compile(r"\d{2,}|\b(?=[IVX]{2,}\b)X{0,3}(?:IX|IV|V?I{0,3})\b(?<=[IVX])")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=4 * CHECK_WINDOW)  # (a paragraph is read as a pair and as a neighbour)
def _references(text: str) -> tuple[frozenset[str], str]:
    """The references of ``text`` (_REFERENCE), and all its digits run together: a number
    is found in a translation that writes it with other separators ("18510" in "185 10",
    "101" in "101.1"), so that only a number it does not hold at all counts as missing."""
    return frozenset(_REFERENCE.findall(text)), "".join(_DIGITS.findall(text))


# A year: most paragraphs of a document cite the same ones ("2017" in "Regulation (EU)
# 2017/748" and in "le 28 octobre 2017").
_YEAR = re.compile(r"(?:19|20)\d\d")


def _cited(source: str, target: str, *, years: bool = True) -> bool | None:
    """Whether two paragraphs cite the same references: None when one of them cites
    none, False when they share none ("In Article 47(1) ..." and "À l'article 48,
    paragraphe 3 ...", "of 27 October 2017" and "[2019/1362]"): a translation keeps the
    numbers of the articles, dates and acts of its source. Without ``years``, the years
    are not counted as references (:func:`_cite_apart`)."""
    (s_refs, s_digits), (t_refs, t_digits) = _references(source), _references(target)
    if not years:
        s_refs = frozenset(ref for ref in s_refs if not _YEAR.fullmatch(ref))
        t_refs = frozenset(ref for ref in t_refs if not _YEAR.fullmatch(ref))
    if not s_refs or not t_refs:
        return None

    def found(ref: str, refs: frozenset[str], digits: str) -> bool:
        return ref in refs or (ref.isdigit() and ref in digits)

    return any(found(ref, t_refs, t_digits) for ref in s_refs) \
        or any(found(ref, s_refs, s_digits) for ref in t_refs)


# The references a paragraph cites for a translation that cites none to be another's: a
# translation may spell a number out or leave a date to the context, not three of them.
ONE_SIDED_REFERENCES = 3


_WORD = re.compile(r"\w+")


def _spelled_numbers(text: str, lang: str | None) -> set[str]:
    """The numbers ``text`` writes as words of ``lang`` (its indefinite articles aside,
    which are no "one"): Dutch "in het eerste lid" {"1"}, French "Article premier" {"1"};
    nothing without a language."""
    if lang is None:
        return set()
    from ..check.number_words import ARTICLES, number_words

    words = number_words(primary(lang))
    return {str(words[word]) for word in _WORD.findall(text.casefold())
            if word in words and word not in ARTICLES}


def _unanchored_numbers(source: str, target: str,
                        langs: tuple[str, str] | None = None) -> bool:
    """Whether two paragraphs share no anchor at all (:func:`sentence_features`: no
    number, no name, no word's first letters) while one holds a number or a Roman
    numeral that the other does not ("Annex IX to the EEA Agreement should therefore be
    amended accordingly," / "A ADOPTÉ LA PRÉSENTE DÉCISION:", "Article 4" / "Réunion
    d'organisation": a paragraph missing on each side, next to each other). A
    translation that writes the number out keeps a word of its paragraph ("Article 1" /
    "Article premier"), and does not drop a number along with every word it shares; a
    number the other paragraph writes as a word of its language (``langs``) is not
    missing: DGT-TM's German "Nach Ablauf der in Absatz 1 genannten ... Frist" and its
    Dutch "Na het verstrijken van de in het eerste lid vermelde eerste periode" share no
    word, and Polish "Artykuł 1" and French "Article premier" none either."""
    if _anchors(source) & _anchors(target):
        return False
    (s_refs, s_digits), (t_refs, t_digits) = _references(source), _references(target)
    s_lang, t_lang = langs if langs is not None else (None, None)

    def missing(text: str, refs: frozenset[str], digits: str, across: set[str]) -> bool:
        numbers = set(_DIGITS.findall(text)) | _references(text)[0]
        return any(n not in refs and not (n.isdigit() and (n in digits or n in across))
                   for n in numbers)

    return missing(source, t_refs, t_digits, _spelled_numbers(target, t_lang)) \
        or missing(target, s_refs, s_digits, _spelled_numbers(source, s_lang))


def _cite_apart(source: str, target: str, langs: tuple[str, str] | None = None) -> bool:
    """Whether two paragraphs cite different references: both cite some and share none
    (:func:`_cited`), or one cites ONE_SIDED_REFERENCES or more and the other none
    ("THE ASSOCIATION COMMITTEE IN TRADE CONFIGURATION," / "relative à l'établissement de
    la liste d'arbitres visée à l'article 323, paragraphe 1, ..."), or they share no
    anchor but for a number one of them holds (:func:`_unanchored_numbers`). A year
    shared is not enough where both cite other references and share none of those:
    "The text of Delegated Regulation (EU) 2017/748 in the Icelandic ..." / "La présente
    décision entre en vigueur le 28 octobre 2017, ... l'article 103 ...", "of 29 March
    2019" / "modifiant l'annexe IX ... [2019/1400]" are two paragraphs of a decision of
    2017, of 2019, not a paragraph and its translation."""
    if _unanchored_numbers(source, target, langs):
        return True
    cited = _cited(source, target)
    if cited is not None:
        return not cited or _cited(source, target, years=False) is False
    counts = sorted((len(_references(source)[0]), len(_references(target)[0])))
    return counts[0] == 0 and counts[1] >= ONE_SIDED_REFERENCES


def _neighbours_cite(cited: list[bool | None]) -> bool:
    """Whether the pairs beside a pair that cites apart are sure of themselves: neither
    cites apart, and one cites the same references. Rows of a table the memory paired
    otherwise ("USCG 165.130" / "MED/4.14" among other such rows) and a typo in a number
    ("Circ.1457" / "Circ. 1475" between rows without numbers) are not two paragraphs
    missing."""
    return False not in cited and True in cited


def _strangers(beads: list[tuple[list[int], ...]], src: list[Paragraph],
               tgt: list[Paragraph], langs: tuple[str, str] | None = None
               ) -> list[tuple[list[int], ...]]:
    """``beads``, each 1-1 pair between two 1-1 pairs whose paragraphs cite different
    references (:func:`_cite_apart`) while its neighbours' cite the same
    (:func:`_neighbours_cite`), split into its two paragraphs without counterpart. A
    paragraph missing on each side, next to each other, leave as many paragraphs, and the
    aligner paired the two left over ("In Article 47(1) ..." / "À l'article 48, paragraphe
    3 ..."): no shift of its neighbours tells, only that the two do not translate each
    other (in files with as many paragraphs, a drift). In the unaltered Europarl sessions
    and DGT-TM documents no pair is split; in the five multilingual DGT-TM documents as
    their memory pairs them (English with each other language), seventeen, rows of a
    table and an address that the memory itself paired with other rows' translations
    ("USCG 165.130" / "MED/4.14", "1424 Nicosia" / "Λετονία"), all in files refused
    anyway."""
    out: list[tuple[list[int], ...]] = []
    for k, bead in enumerate(beads):
        near = [beads[n] for n in (k - 1, k + 1) if 0 <= n < len(beads)]
        if _one_to_one(bead) and len(near) == 2 and all(_one_to_one(b) for b in near) \
                and _cite_apart(src[bead[0][0]].text, tgt[bead[1][0]].text, langs) \
                and _neighbours_cite([_cited(src[b[0][0]].text, tgt[b[1][0]].text)
                                      for b in near]):
            out.extend([(bead[0], []), ([], bead[1])])
        else:
            out.append(bead)
    return out


# Where a lone paragraph lies among 1-1 pairs: a pair's fit is GAP_ANCHOR nats for each
# distinctive anchor (weighted as in _anchor_weights) less its length cost; the pairs the
# lone paragraph could move past are unsure as long as moving it loses no more than
# GAP_MARGIN nats. ``benchmarks/parallel_drift.py``, dropped paragraphs (wrong units /
# rejects, seeds 0, 1, 2): none 35/589, 29/646, 33/622; 0.25 29/607, 25/668, 28/634;
# 0.5 28/625, 25/692, 27/654; 1 27/655, 21/742, 25/696; anchors alone, lengths not
# counted, 25/1,347. 0.25: a fifth of the wrong pairs gone for 0.2 % of the correct ones.
GAP_ANCHOR = 3.0
GAP_MARGIN = 0.25


def _guessed_gaps(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                  tgt: list[Paragraph]) -> list[tuple[list[int], ...]]:
    """``beads``, the 1-1 pairs beside a lone paragraph unsure (a third element) as far as
    the lone paragraph could as well lie among them: moved past them, it would pair each
    of them with the partner of its neighbour, and those pairs fit about as well (their
    anchors and lengths, GAP_ANCHOR and GAP_MARGIN), or cite the same references where
    they do not (:func:`_cited`), whatever the lengths. Among short list items without
    numbers or names ("Ręczne rakiety oświetlające (pirotechniczne)" / "Hand flares
    (pyrotechnics)"), the lengths alone placed the gap of a missing row a row or two off,
    and paired the rows between with their neighbours' translations; beside a row whose
    translation quotes its words twice, as long again ("In Article 9(3), the words “...”"
    / "À l'article 9, paragraphe 3, les expressions “...” et “...”"), the lengths left
    the long row alone and paired its source with the translation of the row dropped
    before it ("Les renvois à d'autres actes ..."), twelve nats of lengths against eight
    of the article's numbers and dates."""
    out = list(beads)
    if all(len(s_idx) + len(t_idx) != 1 for s_idx, t_idx, *_ in beads):
        return out
    evidence = _evidence(src, tgt)
    ratio = _pairs_ratio(beads, src, tgt)

    def score(pair: tuple[list[int], ...]) -> float:
        """How well a 1-1 pair fits (nats): its anchors, less its length cost."""
        length = _length_cost(text_length(src[pair[0][0]].text),
                              text_length(tgt[pair[1][0]].text), ratio)
        return GAP_ANCHOR * evidence(pair[0], pair[1]) - length[0]

    def cites(shifted: tuple[list[int], ...], pair: tuple[list[int], ...]) -> bool:
        """Whether the pair shifted cites the same references (:func:`_cited`) and the
        pair as it is does not."""
        return _cited(src[shifted[0][0]].text, tgt[shifted[1][0]].text) is True \
            and not _cited(src[pair[0][0]].text, tgt[pair[1][0]].text)

    for k, (s_idx, t_idx, *marked) in enumerate(beads):
        if marked or len(s_idx) + len(t_idx) != 1:
            continue
        # the lone paragraph's side; moved by one pair, the pair's paragraph on that
        # side goes with the partner of its neighbour towards the lone one
        side = 0 if s_idx else 1
        for step in (-1, 1):
            n, here, there = k + step, 0.0, 0.0
            near: list[int] = []
            while 0 <= n < len(beads) and len(beads[n]) == 2 \
                    and len(beads[n][0]) == len(beads[n][1]) == 1:
                pair = beads[n]
                moved = [pair[side][0] - step]
                shifted = (moved, pair[1]) if side == 0 else (pair[0], moved)
                here += score(pair)
                there += score(shifted)
                if there < here - GAP_MARGIN and not cites(shifted, pair):
                    break
                near.append(n)
                n += step
            for n in near:
                out[n] = (*beads[n], [True])
    return out


def align_by_sections(src: list[Paragraph], tgt: list[Paragraph],
                      langs: tuple[str, str] | None = None) -> list[tuple[list[int], ...]]:
    """Align paragraphs (:func:`_aligned`, in ``langs``), within sections when both files
    have the same ones; an unsure bead has a third element."""
    s_secs, t_secs = _sections(src), _sections(tgt)
    same = (any(p.section for p in src) and len(s_secs) == len(t_secs)
            and all(_section_key(a.section) == _section_key(b.section)
                    for (a, _), (b, _) in zip(s_secs, t_secs, strict=True)))
    if not same:
        return _aligned(src, tgt, langs)
    beads: list[tuple[list[int], ...]] = []
    s_off = t_off = 0
    for (_, s_count), (_, t_count) in zip(s_secs, t_secs, strict=True):
        part = _aligned(src[s_off:s_off + s_count], tgt[t_off:t_off + t_count], langs)
        beads.extend(([i + s_off for i in s], [j + t_off for j in t], *unsure)
                     for s, t, *unsure in part)
        s_off += s_count
        t_off += t_count
    return beads


# A merge (1-2, 2-1) is kept only when each of its two paragraphs is needed: the other
# alone is too short or too long for the one paragraph across (its length less likely
# than this), or it shares an anchor (a number, a name, a cognate) with that paragraph that
# the other does not, or its sentences are needed (MERGE_SENTENCE_GAIN). A lone
# paragraph's translation is not in the other file, so it shares with the paragraph across
# only the words of the whole text ("groupe", "Commission").
MERGE_SPLIT_LENGTH = 0.05

# A short paragraph a translator joined to a long one ("(Applause)", a title, "The debate
# is closed.") changes neither the long one's length ratio nor its anchors enough, and
# was a reject while the long one paired with the merged paragraph, whose text was then
# half untranslated. Its sentences tell: the sentences of the paragraph across align with
# those of the two joined, in file order, better by this (nats: the sentence aligner's
# cost, priors, lengths and anchors) than with the long one's alone. On the session of
# 17 January 2000 a deleted paragraph's translation never gains this much beside either
# neighbour (1,072 cases, the best 1.1; 2.2 in a window of 8 paragraphs with the files'
# length ratio, which the lone paragraph moves, 1.4 with the median ratio), while 56 of
# 76 short paragraphs joined to a long one (under a quarter of its length) do
# (``benchmarks/parallel_drift.py``).
MERGE_SENTENCE_GAIN = 3.0

# Below MERGE_SENTENCE_GAIN but above this, the sentences cannot tell a short paragraph
# joined to its neighbour (a title repeated in the next paragraph, "(Applause from the PSE
# Group)") from a deleted paragraph's translation. Kept apart, the long paragraph would
# pair with the joined one, the short one's text untranslated in it: a wrong unit offered
# to a translator as a match. So the paragraphs involved are all rejects ("without a sure
# counterpart"): a lost pair is only a loss, listed with its reason. Lower bounds tried
# (``benchmarks/parallel_drift.py``, seed 0; joined: wrong pairs / wrong units; dropped:
# correct pairs lost of 10,416; the ratio the median of the one-to-one pairs'):
#     none: 12 / 18, 0 lost;  1: 8 / 14, 4;  0.75: 6 / 12, 13;  0.5: 4 / 10, 20;
#     0: 4 / 10, 61;  -1: 2 / 8, 172;  -2: 2 / 8, 268.
# 0.5 is the knee: two thirds of the wrong joins gone for 0.2 % of the correct pairs; two
# more ("Agenda" joined to the next item: gains 0.5, -0.3) would cost eight times that.
# The upper bound can stay: 2.5 and 3.5 give the same figures, 2 three more wrong pairs.
MERGE_UNSURE_GAIN = 0.5


@dataclass(slots=True)
class _Files:
    """Both files' paragraphs, their languages and their target/source length ratio; the
    sentences of each paragraph and the costs of joined paragraphs, worked out once (a
    merge's two paragraphs, and a lone paragraph beside two pairs, are asked of again)."""

    src: list[Paragraph]
    tgt: list[Paragraph]
    langs: tuple[str, str]
    ratio: float
    memo: dict[tuple[object, ...], object] = field(default_factory=dict)

    def sentences(self, on_source: bool, index: int) -> list[str]:
        """The sentences of paragraph ``index`` of the source (``on_source``) or target."""
        key = ("sentences", on_source, index)
        if key not in self.memo:
            paragraphs, lang = ((self.src, self.langs[0]) if on_source
                                else (self.tgt, self.langs[1]))
            self.memo[key] = segment_text(paragraphs[index].text, lang)
        return self.memo[key]  # type: ignore[return-value]

    def _cost(self, two: list[str], other: list[str], on_source: bool, seam: int = 0
              ) -> float:
        if on_source:
            return alignment_cost(two, other, self.ratio, seam=(seam, 0))
        return alignment_cost(other, two, self.ratio, seam=(0, seam))

    def sentence_gain(self, lone: int, partner: int, across: int, on_source: bool) -> float:
        """How much cheaper (nats) paragraph ``across`` aligns sentence by sentence with
        paragraph ``lone`` and its neighbour ``partner`` joined, in file order, than with
        ``partner`` alone; ``on_source``: ``lone`` and ``partner`` are source paragraphs."""
        other = self.sentences(not on_source, across)
        first, second = sorted((lone, partner))
        key = ("joined", on_source, first, across)
        if key not in self.memo:
            head = self.sentences(on_source, first)
            self.memo[key] = self._cost(head + self.sentences(on_source, second), other,
                                        on_source, seam=len(head))
        return self._cost(self.sentences(on_source, partner), other, on_source) \
            - self.memo[key]  # type: ignore[operator]


def _sentences_need(gain: float) -> bool | None:
    """True when a sentence gain shows a paragraph needed (MERGE_SENTENCE_GAIN), False when
    it shows it not needed, None when it cannot tell (MERGE_UNSURE_GAIN)."""
    if gain > MERGE_SENTENCE_GAIN:
        return True
    return None if gain > MERGE_UNSURE_GAIN else False


def checked_merges(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                   tgt: list[Paragraph], *,
                   langs: tuple[str, str] = ("", "")) -> list[tuple[list[int], ...]]:
    """The beads, with each merge the texts do not support split into a pair and a lone
    paragraph, or every paragraph of it unsure (a third element in the bead); then each
    lone paragraph whose translation the sentences of a neighbouring pair show merged into
    it joins that pair, or, when the sentences cannot tell (MERGE_UNSURE_GAIN), it and
    the pair are unsure. ``langs``: the source and target languages, for cutting
    sentences."""
    files = _Files(src, tgt, langs, _pairs_ratio(beads, src, tgt))
    out: list[tuple[list[int], ...]] = []
    for s_idx, t_idx, *unsure in beads:
        if unsure or sorted((len(s_idx), len(t_idx))) != [1, 2]:
            out.append((s_idx, t_idx, *unsure))
        elif len(s_idx) == 1:
            out.extend(_checked_merge(s_idx[0], t_idx, files, on_source=False))
        else:
            split = _checked_merge(t_idx[0], s_idx, files, on_source=True)
            out.extend((b[1], b[0], *b[2:]) for b in split)
    # after the splits: the aligner may have put a short joined paragraph in the merge
    # beside the wrong neighbour ("Ordre des travaux" with the paragraph before it)
    return _lone_merged(out, files)


def _pairs_ratio(beads: list[tuple[list[int], ...]], src: list[Paragraph],
                 tgt: list[Paragraph]) -> float:
    """The target/source length ratio: the median of the one-to-one pairs', as the aligner
    estimates it (one lone paragraph moves the whole files' ratio in a short file), or
    the whole files' when there are no such pairs."""
    ones = [(s[0], t[0]) for s, t, *_ in beads if len(s) == len(t) == 1]
    # (lengths as the aligner counts them: a combining mark is no character of its own)
    src_len, tgt_len = [text_length(p.text) for p in src], [text_length(p.text) for p in tgt]
    ratio = _ones_ratio(ones, src_len, tgt_len, median=True) if ones else None
    if ratio:
        return ratio
    total_s, total_t = sum(src_len), sum(tgt_len)
    return total_t / total_s if total_s and total_t else 1.0


def _lone_merged(beads: list[tuple[list[int], ...]], files: _Files,
                 ) -> list[tuple[list[int], ...]]:
    """The beads, each lone paragraph merged into the one-to-one pair beside it whose
    sentences need it (:func:`_sentences_need`); left alone when both pairs or none do,
    unless the sentences cannot tell for a pair: then it and the lone paragraph are
    unsure (a third element in the bead)."""
    out: list[tuple[list[int], ...] | None] = list(beads)
    for k, (s_idx, t_idx, *marked) in enumerate(beads):
        if marked or len(s_idx) + len(t_idx) != 1:
            continue
        on_source = bool(s_idx)
        lone = (s_idx or t_idx)[0]
        verdicts = {}
        for n in (k - 1, k + 1):
            near = out[n] if 0 <= n < len(out) else None
            if near is None or len(near) != 2 or len(near[0]) != 1 or len(near[1]) != 1:
                continue
            partner, across = near if on_source else near[::-1]
            verdicts[n] = _sentences_need(files.sentence_gain(lone, partner[0], across[0],
                                                              on_source))
        fits = [n for n, need in verdicts.items() if need]
        unsure = [n for n, need in verdicts.items() if need is None]
        if len(fits) == 1:
            s_near, t_near = out[fits[0]]
            out[fits[0]] = ((sorted(s_near + [lone]), t_near) if on_source
                            else (s_near, sorted(t_near + [lone])))
            out[k] = None
        elif not fits and unsure:
            for n in [*unsure, k]:
                out[n] = (*out[n], [True])
    return [bead for bead in out if bead is not None]


# The anchors (words of four letters or more, numbers) a paragraph holds for sharing none
# with the paragraph across to tell: a title or a short line ("Relating to Wednesday:")
# may share none with its translation.
FOREIGN_ANCHORS = 5


def _foreign(part: frozenset[str], across: frozenset[str]) -> bool:
    """Whether a paragraph of a merge, with anchors ``part``, is foreign to the paragraph
    across (anchors ``across``) though the lengths or the sentences need it: it holds
    FOREIGN_ANCHORS anchors or more and shares none with it, or holds a number it does
    not. Beside a paragraph whose translation is longer than its source (DGT-TM's "À
    l'article 9, paragraphe 3, les expressions “...” et “...”" for "In Article 9(3), the
    words “...”"), the paragraph before it whose translation was dropped made the lengths
    fit, and was merged with it; a paragraph a translator joined to its neighbour shares a
    name or a cognate with the translation ("résultat", "vote"), or is too short to
    ("En ce qui concerne le mercredi :"), and its numbers are there. Such a merge, where
    the other paragraph shares what this one does not (:func:`_checked_merge`), is
    unsure."""
    return (len(part) >= FOREIGN_ANCHORS and not part & across) \
        or any(key.isdigit() and key not in across for key in part)


def _checked_merge(one_index: int, two_indexes: list[int], files: _Files, *,
                   on_source: bool) -> list[tuple[list[int], ...]]:
    """A merge of paragraph ``one_index`` with the two paragraphs ``two_indexes`` of the
    other file (``on_source``: the two are source paragraphs), as (one side, two sides)
    beads in order: kept when both are needed (see MERGE_SPLIT_LENGTH), split when one is,
    else unsure."""
    one_paras, two_paras = (files.tgt, files.src) if on_source else (files.src, files.tgt)
    ratio = 1.0 / files.ratio if on_source else files.ratio
    one = one_paras[one_index].text
    two = [two_paras[i].text for i in two_indexes]
    keys = sentence_features(one)
    parts = [sentence_features(text) for text in two]
    anchored = [bool(keys & parts[k] - parts[1 - k]) for k in (0, 1)]
    needed = [anchored[k]
              or _length_cost(text_length(one), text_length(two[1 - k]), ratio)[1]
              < MERGE_SPLIT_LENGTH
              or _sentences_need(files.sentence_gain(two_indexes[k], two_indexes[1 - k],
                                                     one_index, on_source)) is True
              for k in (0, 1)]
    if all(needed) and any(anchored[1 - k] and not anchored[k] and _foreign(parts[k], keys)
                           for k in (0, 1)):
        return [([one_index], two_indexes, [True])]
    if all(needed):
        return [([one_index], two_indexes)]
    if not any(needed):
        return [([one_index], two_indexes, [True])]
    kept = needed.index(True)
    pair = ([one_index], [two_indexes[kept]])
    lone = ([], [two_indexes[1 - kept]])
    return [pair, lone] if kept == 0 else [lone, pair]
