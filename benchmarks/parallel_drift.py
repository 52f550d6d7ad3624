#!/usr/bin/env python3
"""Parallel files that drift apart: paragraphs dropped from one side, aligned again.

Takes windows of 60 consecutive paragraph pairs from the Europarl dev sessions and from the
DGT-TM 2019 documents (``../shared/data``), drops one to three paragraphs from either side
at random, writes the two files and reads them back with ``read_parallel(...,
align_paragraphs=True)`` (what ``--align-paragraphs`` does). A unit is right when its
source and target paragraphs are translations of each other (the same original pairs); a
unit that merges a paragraph with the neighbour of a dropped one, or pairs two strangers,
is wrong: a translator would be offered it as a match. Side by side, in the same run, what
the reader did before on the same windows: paragraph *i* with paragraph *i* when the counts
match, else the plain length model (Gale & Church on paragraph lengths alone,
:func:`tmx_export.segment.align.align_lengths`). Also printed, without
``--align-paragraphs``: how many windows are read without an error although paragraphs
were dropped, and how often the error names the line of the first paragraph that lost its
counterpart.

The other accident, two paragraphs that a translator joined (or one split in two): windows
of the Europarl sessions alone, one or two pairs of adjacent paragraphs joined on either
side, at random places, short and long ones alike. Here, and for the dropped paragraphs
above, the units ``build --align-paragraphs`` writes (sentences) are checked too: a unit
is right when its source and its target lie in the same paragraph of the original window
(or in the same two adjacent ones); a unit with text on one side that the other does not
translate is wrong. "merges kept": the joined paragraphs paired whole with their two
translations (short: one of the two paragraphs under a quarter of the other's length).

    python benchmarks/parallel_drift.py [--windows 300] [--seed 0] [--shared PATH]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from tmx_export.errors import InputError
from tmx_export.formats.parallel import read_parallel
from tmx_export.inputs import ParallelInput
from tmx_export.pipeline import read_units
from tmx_export.segment.align import align_lengths

SHARED = Path(__file__).resolve().parents[2] / "shared"
WINDOW = 60


def documents(shared: Path) -> list[list[tuple[str, str]]]:
    """The paragraph pairs of each Europarl session and of each DGT-TM document of 20 or
    more units, one paragraph per line (line breaks inside a text made spaces)."""
    europarl = shared / "data" / "europarl-dev"
    docs = []
    for session in ("ep-00-01-17", "ep-00-01-21"):
        sides = [[" ".join(p.split()) for p in (europarl / f"{session}.{lang}.txt")
                  .read_text(encoding="utf-8").split("\n\n") if p.strip()]
                 for lang in ("en", "fr")]
        docs.append(list(zip(*sides, strict=True)))
    by_document: dict[str, list[tuple[str, str]]] = {}
    lines = (shared / "data" / "dgt-tm" / "dgt-tm_2019_en-fr_pairs.tsv").read_text(
        encoding="utf-8").splitlines()[1:]
    for line in lines:
        document, _, _, en, fr = line.split("\t")
        by_document.setdefault(document, []).append((" ".join(en.split()),
                                                     " ".join(fr.split())))
    docs += [pairs for pairs in by_document.values() if len(pairs) >= 20]
    return docs


def _spans(text: str, paragraphs: list[str]) -> set[tuple[int, int]]:
    """The paragraphs (first, last) of the original window that hold ``text``: one, or
    two adjacent ones joined with a space."""
    text = " ".join(text.split())
    spans = {(i, i) for i, p in enumerate(paragraphs) if text in p}
    return spans or {(i, i + 1) for i in range(len(paragraphs) - 1)
                     if text in f"{paragraphs[i]} {paragraphs[i + 1]}"}


def unit_counts(source: Path, target: Path, window: list[tuple[str, str]]) -> list[int]:
    """[units, wrong, rejects] of the sentence units build --align-paragraphs writes."""
    units, rejects = read_units([ParallelInput(str(source), str(target))],
                                source_lang="en-GB", target_lang="fr-FR",
                                align_paragraphs=True, segment="sentence", dedupe="none")
    en, fr = [p[0] for p in window], [p[1] for p in window]
    wrong = sum(not _spans(u.source, en) & _spans(u.target, fr) for u in units)
    return [len(units), wrong, len(rejects)]


def joined_windows(args: argparse.Namespace, rng: random.Random,
                   docs: list[list[tuple[str, str]]], source: Path, target: Path) -> None:
    """Windows of Europarl with adjacent paragraphs joined on one side (the module's
    documentation); prints the paragraph pairs' and the units' figures."""
    pairs = [0, 0, 0]  # paragraph pairs, wrong, rejected paragraphs
    units = [0, 0, 0]
    kept = {"short": [0, 0], "long": [0, 0]}  # joins kept, joins made
    for _ in range(args.windows):
        doc = rng.choice([d for d in docs[:2] if len(d) > WINDOW])  # 21 January: 4
        start = rng.randrange(max(1, len(doc) - WINDOW))
        window = doc[start:start + WINDOW]
        firsts = sorted(rng.sample(range(0, len(window) - 1, 3), rng.randint(1, 2)))
        sides: list[list[str]] = [[], []]
        joins = {}
        i = 0
        while i < len(window):
            if i in firsts:
                side = rng.randrange(2)
                joins[i] = side
                sides[side].append(f"{window[i][side]} {window[i + 1][side]}")
                sides[1 - side] += [window[i][1 - side], window[i + 1][1 - side]]
                i += 2
                continue
            for k in (0, 1):
                sides[k].append(window[i][k])
            i += 1
        source.write_text("".join(t + "\n" for t in sides[0]), "utf-8")
        target.write_text("".join(t + "\n" for t in sides[1]), "utf-8")
        result = read_parallel(source, target, source_lang="en-GB", target_lang="fr-FR",
                               align_paragraphs=True)
        en, fr = [p[0] for p in window], [p[1] for p in window]
        got = {(p.source, p.target) for p in result.pairs}
        pairs[0] += len(result.pairs)
        pairs[1] += sum(not _spans(p.source, en) & _spans(p.target, fr) for p in result.pairs)
        pairs[2] += len(result.rejects)
        for i in joins:
            short = min(len(window[i][0]), len(window[i + 1][0])) < 0.25 * max(
                len(window[i][0]), len(window[i + 1][0]))
            whole = (f"{en[i]} {en[i + 1]}", f"{fr[i]} {fr[i + 1]}")
            kept["short" if short else "long"][0] += whole in got
            kept["short" if short else "long"][1] += 1
        units = [a + b for a, b in zip(units, unit_counts(source, target, window), strict=True)]
    print(f"\n{args.windows} windows of {WINDOW} Europarl paragraph pairs, 1-2 pairs of "
          f"adjacent paragraphs joined on one side (seed {args.seed})")
    _print_counts("paragraph pairs", pairs)
    _print_counts("units (sentences)", units)
    print("merges kept: " + ", ".join(f"{name} {k} of {n}" for name, (k, n) in kept.items()))


def _print_counts(label: str, counts: list[int]) -> None:
    units, wrong, rejects = counts
    print(f"{label:<22} {units:6} {wrong:6} {wrong / max(units, 1):7.2%} {rejects:8}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = documents(args.shared)
    counts = {name: [0, 0, 0] for name in ("anchors", "length", "units")}  # units, wrong, rejects
    drift_named = unnoticed = 0
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "w.en.txt", Path(tmp) / "w.fr.txt"
        for _ in range(args.windows):
            doc = rng.choice(docs)
            start = rng.randrange(max(1, len(doc) - WINDOW))
            window = doc[start:start + WINDOW]
            kept = [list(range(len(window))), list(range(len(window)))]  # original indexes
            for _ in range(rng.randint(1, 3)):
                side = kept[rng.randrange(2)]
                del side[rng.randrange(len(side))]
            en = [window[i][0] for i in kept[0]]
            fr = [window[i][1] for i in kept[1]]
            source.write_text("".join(t + "\n" for t in en), "utf-8")
            target.write_text("".join(t + "\n" for t in fr), "utf-8")
            # the first paragraph that lost its counterpart: a line of either file
            lost = next((n for n in range(min(len(en), len(fr)))
                         if kept[0][n] != kept[1][n]), min(len(en), len(fr)))
            try:
                read_parallel(source, target, source_lang="en-GB", target_lang="fr-FR")
                unnoticed += 1
            except InputError as error:
                drift_named += error.line == lost + 1
            result = read_parallel(source, target, source_lang="en-GB", target_lang="fr-FR",
                                   align_paragraphs=True)
            right = set(window)
            counts["anchors"][0] += len(result.pairs)
            counts["anchors"][1] += sum((p.source, p.target) not in right
                                        for p in result.pairs)
            counts["anchors"][2] += len(result.rejects)
            counts["units"] = [a + b for a, b in zip(counts["units"], unit_counts(
                source, target, window), strict=True)]
            before = ([([i], [i]) for i in range(len(en))] if len(en) == len(fr) else
                      align_lengths([len(t) for t in en], [len(t) for t in fr]))
            for s_idx, t_idx in before:
                if not s_idx or not t_idx:
                    counts["length"][2] += len(s_idx) + len(t_idx)
                    continue
                counts["length"][0] += 1
                counts["length"][1] += not (len(s_idx) == len(t_idx) == 1
                                            and (en[s_idx[0]], fr[t_idx[0]]) in right)
    print(f"{args.windows} windows of {WINDOW} paragraph pairs, 1-3 paragraphs dropped "
          f"(seed {args.seed})")
    print(f"{'aligner':<22} {'units':>6} {'wrong':>6} {'share':>7} {'rejects':>8}")
    for name, label in (("anchors", "length + anchors"), ("length", "before (peer)"),
                        ("units", "units (sentences)")):
        _print_counts(label, counts[name])
    print(f"without --align-paragraphs: {unnoticed} of {args.windows} windows read without "
          f"an error; the error names the first line that lost its counterpart in "
          f"{drift_named}")
    with tempfile.TemporaryDirectory() as tmp:
        joined_windows(args, rng, docs, Path(tmp) / "j.en.txt", Path(tmp) / "j.fr.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
