#!/usr/bin/env python3
"""Many more generated inputs than the test suite's fuzz stage, with the counts.

Every input (dumps, parallel files, TMX, XLIFF, PO, CSV/TSV, XLSX, from
``tests/fuzz_inputs.py``) is built through the pipeline; each must end in units, an empty
memory (when allowed) or a one-line refusal. Anything else is printed with its kind and
seed, which reproduce it: ``check_run(kind, seed, directory)``.

    python benchmarks/fuzz.py                 # 3,000 per kind: 21,000 inputs
    python benchmarks/fuzz.py --per-kind 500 --first-seed 100000
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzz_inputs import GENERATORS, check_run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=3000)
    parser.add_argument("--first-seed", type=int, default=0)
    args = parser.parse_args()
    counts: Counter[tuple[str, str]] = Counter()
    failures = 0
    started = time.perf_counter()
    for kind in GENERATORS:
        for seed in range(args.first_seed, args.first_seed + args.per_kind):
            directory = Path(tempfile.mkdtemp(prefix="tmx-export-fuzz-"))
            try:
                counts[(kind, check_run(kind, seed, directory))] += 1
            except Exception:  # a bug: show it and go on counting
                failures += 1
                counts[(kind, "FAILED")] += 1
                print(f"FAILED {kind} seed {seed}:", file=sys.stderr)
                traceback.print_exc()
            finally:
                shutil.rmtree(directory, ignore_errors=True)
    print(f"{'kind':<10} {'units':>7} {'empty':>7} {'refused':>8} {'FAILED':>7}")
    for kind in GENERATORS:
        row = [counts[(kind, outcome)] for outcome in ("units", "empty", "refused", "FAILED")]
        print(f"{kind:<10} " + " ".join(f"{n:>7}" for n in row))
    total = sum(counts.values())
    print(f"{total} inputs in {time.perf_counter() - started:.0f} s; {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
