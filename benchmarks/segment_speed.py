#!/usr/bin/env python3
"""Speed of segmentation, and of segmentation + alignment, on synthetic paragraph pairs.

The sentence pairs of ``gen_pairs.py`` (TSV ``en<TAB>fr``) are grouped into paragraph
pairs of 1 to 8 sentences (deterministic); each paragraph pair goes through
:func:`tmx_export.segment.units.segment_pair`. Printed: MB/s of :func:`segment_text` alone, sentence
pairs per second of segment + align, the share of 1-1 units (the input is 1-1 by
construction), and peak RSS, which must not grow with the input.

    python benchmarks/segment_speed.py [--pairs N] [--tsv FILE]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tmx_export.model import Pair
from tmx_export.segment.rules import segment_text
from tmx_export.segment.units import segment_pair

GEN = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gen_pairs.py"


def paragraphs(tsv: Path, seed: int = 1):
    """Yield (english, french, sentence count) paragraph pairs, streaming the TSV."""
    rng = random.Random(seed)
    en: list[str] = []
    fr: list[str] = []
    want = rng.randint(1, 8)
    with tsv.open(encoding="utf-8") as fh:
        for line in fh:
            e, f = line.rstrip("\n").split("\t")
            en.append(e)
            fr.append(f)
            if len(en) == want:
                yield " ".join(en), " ".join(fr), len(en)
                en, fr, want = [], [], rng.randint(1, 8)
    if en:
        yield " ".join(en), " ".join(fr), len(en)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000,
                        help="sentence pairs to generate (default: %(default)s)")
    parser.add_argument("--tsv", type=Path, help="use this gen_pairs.py output instead")
    parser.add_argument("--gen", type=Path, default=GEN, help="path of gen_pairs.py")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tsv = args.tsv
        if tsv is None:
            tsv = Path(tmp) / "pairs.tsv"
            subprocess.run([sys.executable, str(args.gen), str(args.pairs), str(tsv)], check=True)
        rss_start = peak_rss_mb()

        # 1. segmentation alone, both languages, on the paragraph texts
        chars = 0
        seg_s = 0.0
        sentences = 0
        for en, fr, _ in paragraphs(tsv):
            start = time.perf_counter()
            sentences += len(segment_text(en, "en-GB")) + len(segment_text(fr, "fr-FR"))
            seg_s += time.perf_counter() - start
            chars += len(en.encode()) + len(fr.encode())
        expected = sum(n for *_, n in paragraphs(tsv)) * 2

        # 2. segmentation + alignment, the pipeline's call
        kinds: Counter[str] = Counter()
        rejects = 0
        paragraphs_n = 0
        rss_half = 0.0
        # only the calls are timed, not reading the TSV; CPU time as well as wall time,
        # since the machine may be shared
        align_s = align_cpu = 0.0
        clock, cpu = time.perf_counter, time.process_time
        for number, (en, fr, _) in enumerate(paragraphs(tsv), start=1):
            start, start_cpu = clock(), cpu()
            units, rej = segment_pair(Pair(en, fr, "en-GB", "fr-FR", number=None))
            align_s += clock() - start
            align_cpu += cpu() - start_cpu
            rejects += len(rej)
            for unit in units:
                kinds[unit.align] += 1
            paragraphs_n += 1
            if number == 2000:
                rss_half = peak_rss_mb()
    units_n = sum(kinds.values())
    pairs_in = expected // 2
    print(f"{'measure':<44} {'value':>12}")
    print(f"{'input sentence pairs / paragraph pairs':<44} {pairs_in:>6}/{paragraphs_n:<6}")
    print(f"{'segment_text MB/s (UTF-8 bytes, one core)':<44} {chars / seg_s / 1e6:>12.1f}")
    print(f"{'sentences found / expected':<44} {sentences:>6}/{expected:<6}")
    print(f"{'segment_pair sentence pairs/s (wall)':<44} {pairs_in / align_s:>12,.0f}")
    print(f"{'segment_pair sentence pairs/s (CPU time)':<44} {pairs_in / align_cpu:>12,.0f}")
    print(f"{'units written (1-1 share)':<44} {units_n:>6} ({kinds['1-1'] / units_n:.1%})")
    print(f"{'rejects':<44} {rejects:>12}")
    print(f"{'peak RSS MB: start / after 2k paras / end':<44} "
          f"{rss_start:.0f} / {rss_half:.0f} / {peak_rss_mb():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
