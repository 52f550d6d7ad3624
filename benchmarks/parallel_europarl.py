#!/usr/bin/env python3
"""Check: the Europarl dev sessions, read as parallel files, give one pair per paragraph.

The expected count is taken from the files independently of the reader: the number of
non-blank lines (one paragraph per line), which must be the same in both languages
(274 for the 17 and 21 January 2000 sessions). Every pair must also be the same-numbered
non-blank line of each file.

    python benchmarks/parallel_europarl.py [--data PATH/TO/europarl-dev]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tmx_export.formats.parallel import read_parallel
from tmx_export.inputs import find_parallel

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "europarl-dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    start = time.perf_counter()
    total = expected_total = 0
    for src, tgt in find_parallel(args.data, source_lang="en-GB", target_lang="fr-FR"):
        en = [line.strip() for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
        fr = [line.strip() for line in tgt.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(en) == len(fr), (src, len(en), len(fr))
        pairs = read_parallel(src, tgt, source_lang="en-GB", target_lang="fr-FR").pairs
        assert [(p.source, p.target) for p in pairs] == list(zip(en, fr, strict=True)), src
        print(f"{src.name} + {tgt.name}: {len(pairs)} pairs ({len(en)} paragraphs)")
        total += len(pairs)
        expected_total += len(en)
    seconds = time.perf_counter() - start
    print(f"total: {total} pairs, {expected_total} paragraphs, {seconds:.2f} s")
    return 0 if total == expected_total == 274 else 1


if __name__ == "__main__":
    sys.exit(main())
