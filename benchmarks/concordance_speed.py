#!/usr/bin/env python3
"""Concordance on a large memory: the SQLite FTS5 index against a plain scan of the TMX.

Makes N synthetic pairs with the shared ``gen_pairs.py`` (default 1,000,000), writes them
as a TMX with :func:`tmx_export.formats.tmx.write_tmx`, builds the concordance index once
(timed), then times a few queries against the index (median of ``--repeat`` runs, every
hit collected and checked, as ``tmx-export concordance`` prints them) side by side with
the peer: a plain sequential scan of the same TMX by lxml ``iterparse``, matching the query
as a case-insensitive whole-word regular expression in every ``<seg>`` (no lemmas, no
accent folding: the cheapest scan there is). Also reports one cold run in a fresh process
(imports and lemmatiser loading included), as a user at the command line sees it.

    python benchmarks/concordance_speed.py [--units N] [--shared DIR] [--workdir DIR]
                                           [--repeat R] [--keep]

Not a test: it prints figures, it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"

COLD = r"""
import sys, time
start = time.perf_counter()
from tmx_export.check.concordance import concordance
hits = list(concordance([sys.argv[1]], sys.argv[3], index=sys.argv[2]))
print(len(hits), time.perf_counter() - start)
"""


def make_memory(units: int, shared: Path, workdir: Path) -> Path:
    """The synthetic TMX of ``units`` pairs in ``workdir`` (made once, then reused)."""
    from tmx_export.formats.tmx import write_tmx
    from tmx_export.model import Pair

    tsv = workdir / f"pairs-{units}.tsv"
    tmx = workdir / f"memory-{units}.tmx"
    if not tsv.exists():
        subprocess.run([sys.executable, str(shared / "gen_pairs.py"), str(units), str(tsv)],
                       check=True)
    if not tmx.exists():
        def pairs() -> Iterator[Pair]:
            with open(tsv, encoding="utf-8") as handle:
                for line in handle:
                    source, target = line.rstrip("\n").split("\t")
                    yield Pair(source, target, "en-GB", "fr-FR")

        started = time.perf_counter()
        counts = write_tmx(pairs(), tmx, srclang="en-GB", segtype="sentence",
                           keep_duplicates=True)
        print(f"TMX written: {counts.units:,} units, {tmx.stat().st_size / 1e6:.0f} MB, "
              f"{time.perf_counter() - started:.1f} s")
    return tmx


def pick_queries(tsv: Path) -> list[str]:
    """Queries of several kinds and frequencies, taken from the memory itself: a rare and
    a common English word, an English two-word phrase, a French word with accents, and the
    same French word typed without them (the case the index's folding is for)."""
    from tmx_export.check.concordance import fold

    english: collections.Counter[str] = collections.Counter()
    french: collections.Counter[str] = collections.Counter()
    bigram = None
    with open(tsv, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= 20_000:
                break
            source, target = line.rstrip("\n").split("\t")
            words = source.split()
            english.update(w for w in words if re.fullmatch(r"[a-z]{6,}", w))
            french.update(w for w in target.split()
                          if re.fullmatch(r"[^\W\d_]{7,}", w) and w.islower() and fold(w) != w)
            if bigram is None and number >= 500:
                bigram = next((f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
                               if re.fullmatch(r"[a-z]{6,} [a-z]{6,}", f"{a} {b}")), None)
    by_count = [w for w, _ in english.most_common()]
    rare = next(w for w in reversed(by_count) if english[w] == 1)
    middle = by_count[len(by_count) // 50]
    accented = [w for w, _ in french.most_common()][len(french) // 50]
    queries = [rare, middle, accented, fold(accented)]
    if bigram is not None:
        queries.insert(2, bigram)
    return queries


def peer_scan(tmx: Path, query: str) -> tuple[int, float]:
    """Units of ``tmx`` with ``query`` as whole words in a seg (case-insensitive), and the
    seconds the scan took: lxml iterparse, each <tu> cleared once read."""
    from lxml import etree

    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, query.split())) + r"\b",
                         re.IGNORECASE)
    started = time.perf_counter()
    hits = 0
    for _, tu in etree.iterparse(str(tmx), tag="tu", resolve_entities=False, no_network=True):
        if any(pattern.search("".join(seg.itertext())) for seg in tu.iter("seg")):
            hits += 1
        tu.clear()
        while tu.getprevious() is not None:
            del tu.getparent()[0]
    return hits, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the directory of gen_pairs.py (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, help="keep the TSV, TMX and index here")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--keep", action="store_true", help="reuse an index already built")
    args = parser.parse_args()

    from tmx_export.check.concordance import (
        Analyser,
        Query,
        build_index,
        ensure_index,
        search_index,
    )

    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        tmx = make_memory(args.units, args.shared, workdir)
        index = workdir / f"memory-{args.units}.db"
        if args.keep and index.exists():
            print(f"index {ensure_index([tmx], index)}: {index}")
        else:
            started = time.perf_counter()
            count = build_index([tmx], index)
            built = time.perf_counter() - started
            print(f"index built: {count:,} units in {built:.1f} s "
                  f"({count / built:,.0f} units/s), {index.stat().st_size / 1e6:.0f} MB")

        queries = pick_queries(workdir / f"pairs-{args.units}.tsv")
        source, target = Analyser("en-GB"), Analyser("fr-FR")
        Query.compile("warm up", source, target)  # load both lemmatisers before timing
        print(f"\n{'query':<32} {'hits':>8} {'index ms':>9} {'first 20 ms':>12} "
              f"{'peer hits':>10} {'peer s':>8} {'peer/index':>11}")
        for text in queries:
            times, first = [], []
            hits = 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                query = Query.compile(text, source, target)
                hits = sum(1 for _ in search_index(index, query))
                times.append(time.perf_counter() - started)
                started = time.perf_counter()
                query = Query.compile(text, source, target)
                found = search_index(index, query)
                for _ in zip(range(20), found, strict=False):
                    pass
                found.close()
                first.append(time.perf_counter() - started)
            median = statistics.median(times)
            peer_hits, peer_seconds = peer_scan(tmx, text)
            print(f"{text[:32]:<32} {hits:>8,} {median * 1000:>9.1f} "
                  f"{statistics.median(first) * 1000:>12.1f} {peer_hits:>10,} "
                  f"{peer_seconds:>8.2f} {peer_seconds / median:>10.0f}x")

        cold = subprocess.run([sys.executable, "-c", COLD, str(tmx), str(index), queries[0]],
                              capture_output=True, text=True, check=True).stdout.split()
        print(f"\ncold run in a fresh process (imports, lemmatisers, index check, query "
              f"{queries[0]!r}): {float(cold[1]):.2f} s, {cold[0]} hits")
        print(json.dumps({"units": args.units, "queries": queries}))


if __name__ == "__main__":
    main()
