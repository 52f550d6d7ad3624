#!/usr/bin/env python3
"""Alignment accuracy on hand-made gold alignments (TransRead, EN-FR literary books).

For every book, the English and French sentences (``{en,fr}_sentences.tsv``) are aligned as
one block by tmx-export's aligner and by plain Gale-Church (the ``galechurch`` package),
and both are scored against ``gold_links.tsv`` with vecalign's strict and lax precision,
recall and F1 (Thompson & Koehn 2019, after Varga et al.): a test bead is a strict hit when
it is exactly a gold bead, a lax hit when it shares a source and a target sentence with
one; recall is counted the other way round without 1-0/0-1 beads.

Speed is the alignment alone, in English sentences per second, the best of ``--repeat`` runs;
plain Gale-Church, timed in the same run, is the peer to compare with, as absolute times
drift with the machine and its load. hunalign's figure is from ../shared/bench/BASELINES.md.

    python benchmarks/align_gold.py [--gold DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

from tmx_export.segment.align import align

DEFAULT_GOLD = (Path(__file__).resolve().parents[2] / "shared" / "data" / "gold-alignment"
                / "transread-limsi-en-fr")

Link = tuple[tuple[int, ...], tuple[int, ...]]
HUNALIGN_PER_SECOND = 2_300  # sentences/s, hunalign (C++) on 10k pairs, bench/BASELINES.md


def read_sentences(path: Path) -> tuple[list[str], dict[str, int]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["tokens"] for r in rows], {r["sent_id"]: i for i, r in enumerate(rows)}


def read_gold(path: Path, en_ids: dict[str, int], fr_ids: dict[str, int]) -> list[Link]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(tuple(en_ids[x] for x in r["en_sent_ids"].split()),
                 tuple(fr_ids[x] for x in r["fr_sent_ids"].split()))
                for r in csv.DictReader(fh, delimiter="\t")]


def _hits(reference: list[Link], test: list[Link]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``test`` against ``reference``."""
    reference_set = {(s, t) for s, t in reference if s or t}
    linked = defaultdict(set)
    for s, t in reference_set:
        for a in s:
            linked[a].update(t)
    counts = [0, 0, 0, 0]
    for s, t in {(s, t) for s, t in test if s or t}:
        if (s, t) in reference_set:
            counts[0] += 1
            counts[2] += 1
            continue
        counts[1] += 1
        related = set().union(*(linked[a] for a in s)) if s else set()
        counts[2 if related & set(t) else 3] += 1
    return counts[0], counts[1], counts[2], counts[3]


def score(gold: list[Link], test: list[Link]) -> dict[str, float]:
    p = _hits(gold, test)
    r = _hits([x for x in test if x[0] and x[1]], [x for x in gold if x[0] and x[1]])

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"p_strict": ps, "r_strict": rs, "f1_strict": f1(ps, rs),
            "p_lax": pl, "r_lax": rl, "f1_lax": f1(pl, rl), "counts": (p, r)}


def ours(en: list[str], fr: list[str]) -> list[Link]:
    return [(tuple(range(b.src_start, b.src_end)), tuple(range(b.tgt_start, b.tgt_end)))
            for b in align(en, fr)]


def galechurch_links(en: list[str], fr: list[str]) -> list[Link]:
    import galechurch

    block = galechurch.align(en, fr)
    return [(tuple(range(b.source_start, b.source_end)),
             tuple(range(b.target_start, b.target_end))) for b in block.beads]


def pooled(results: list[dict]) -> dict[str, float]:
    p = [sum(r["counts"][0][k] for r in results) for k in range(4)]
    r = [sum(r["counts"][1][k] for r in results) for k in range(4)]

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"f1_strict": f1(ps, rs), "f1_lax": f1(pl, rl)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                        help="directory with one sub-directory per book (default: %(default)s)")
    parser.add_argument("--no-galechurch", action="store_true",
                        help="skip the galechurch baseline")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="time the alignments N times, keep the best (default: %(default)s)")
    args = parser.parse_args(argv)
    books = sorted(p for p in args.gold.iterdir() if (p / "gold_links.tsv").exists())
    if not books:
        print(f"no books under {args.gold}", file=sys.stderr)
        return 2
    rows, mine, theirs = [], [], []
    seconds = {"ours": 0.0, "galechurch": 0.0}
    for book in books:
        en, en_ids = read_sentences(book / "en_sentences.tsv")
        fr, fr_ids = read_sentences(book / "fr_sentences.tsv")
        gold = read_gold(book / "gold_links.tsv", en_ids, fr_ids)
        a = b = None
        for name, aligner in (("ours", ours), ("galechurch", galechurch_links)):
            if name == "galechurch" and args.no_galechurch:
                continue
            best = float("inf")
            for _ in range(max(args.repeat, 1)):  # each run is the same: keep the fastest
                start = time.perf_counter()
                links = aligner(en, fr)
                best = min(best, time.perf_counter() - start)
            seconds[name] += best
            if name == "ours":
                a = score(gold, links)
            else:
                b = score(gold, links)
        mine.append(a)
        if b:
            theirs.append(b)
        rows.append((book.name[:28], len(en), len(fr), len(gold), a, b))
    print(f"{'book':<28} {'en':>5} {'fr':>5} {'gold':>5} | {'ours strict':>11} {'lax':>6}"
          f" | {'galechurch strict':>17} {'lax':>6}")
    for name, ne, nf, ng, a, b in rows:
        gc = f"{b['f1_strict']:>17.3f} {b['f1_lax']:>6.3f}" if b else f"{'-':>17} {'-':>6}"
        print(f"{name:<28} {ne:>5} {nf:>5} {ng:>5} | {a['f1_strict']:>11.3f} "
              f"{a['f1_lax']:>6.3f} | {gc}")
    total = pooled(mine)
    line = f"{'overall (pooled counts)':<28} {'':>5} {'':>5} {'':>5} | " \
           f"{total['f1_strict']:>11.3f} {total['f1_lax']:>6.3f} | "
    if theirs:
        base = pooled(theirs)
        line += f"{base['f1_strict']:>17.3f} {base['f1_lax']:>6.3f}"
    print(line)
    sentences = sum(r[1] for r in rows)
    speed = sentences / seconds["ours"]
    print(f"tmx-export align time: {seconds['ours']:.2f} s for {sentences} EN sentences, "
          f"{speed:,.0f} sentences/s ({speed / HUNALIGN_PER_SECOND:.1f}x hunalign's "
          f"{HUNALIGN_PER_SECOND:,}/s)")
    if theirs:
        peer = sentences / seconds["galechurch"]
        print(f"galechurch align time (same run): {seconds['galechurch']:.2f} s, "
              f"{peer:,.0f} sentences/s; tmx-export is {speed / peer:.2f}x as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
