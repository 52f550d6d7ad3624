#!/usr/bin/env python3
"""Random dumps of many real pairs read back: does every pair come out exactly?

The property tests (``tests/test_dump_properties.py``) write dumps of one to four real pairs
with drawn cut styles, widths, folds and numbering. This writes larger ones, as a day's
proceedings would be: up to ``--max-pairs`` paragraph pairs of the Europarl dev sessions
(drawn with repeats, so one paragraph may come twice), each written by ``format_dump`` with
the dump's drawn style, line widths (30 to 480 characters), fold rate, numbering and
language order, and reads each dump back with ``read_dump``. A dump passes when its pairs
come back exactly (both texts, NFC) with no reject; a failure is printed with its seed,
which makes the same dump again (``--first-seed SEED --dumps 1 --write FILE``).

Found with it: a dump whose lines happened to open with the same year three times was
taken for a numbered one; "aujourd" / "'hui" joined with a space; French words opening a
line of an English paragraph ('speak of a' / '"coup de chapeau" : in other words') read as
a pair of their own.

    python benchmarks/random_dumps.py [--dumps 2000] [--max-pairs 30] [--first-seed 0]
                                      [--write FILE] [--shared PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpora import SHARED, europarl_pairs  # noqa: E402

from tmx_export.dump import CUT_STYLES, format_dump, read_dump  # noqa: E402
from tmx_export.model import Pair  # noqa: E402

EN, FR = "en-GB", "fr-FR"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def make_dump(pairs: list[Pair], seed: int, max_pairs: int) -> tuple[str, list[tuple[str, str]],
                                                                    str]:
    """The dump of ``seed``: its text, the pairs it must give, and how it was drawn."""
    rng = random.Random(seed)
    chosen = [rng.choice(pairs) for _ in range(rng.randint(1, max_pairs))]
    style = rng.choice(CUT_STYLES)
    numbered = rng.random() < 0.5
    fr_first = rng.random() < 0.5
    first = rng.randint(1, 500)
    min_width = rng.randint(30, 120)
    max_width = rng.randint(min_width, 480)
    fold_rate = rng.choice([0.0, 0.3, 1.0])
    chunks = []
    for offset, pair in enumerate(chosen):
        shown = (Pair(pair.target, pair.source, FR, EN, first + offset) if fr_first
                 else Pair(pair.source, pair.target, EN, FR, first + offset))
        chunks.append(format_dump([shown], style=style, numbered=numbered,
                                  seed=rng.randint(0, 2**32), min_width=min_width,
                                  max_width=max_width, fold_rate=fold_rate))
    how = (f"{len(chosen)} pairs, {style}, {'numbered' if numbered else 'unnumbered'}, "
           f"{'French' if fr_first else 'English'} first, lines of {min_width}-{max_width}, "
           f"fold rate {fold_rate}")
    return "".join(chunks), [(nfc(p.source), nfc(p.target)) for p in chosen], how


def first_difference(expected: list[tuple[str, str]], got: list[tuple[str, str]]) -> str:
    if len(expected) != len(got):
        return f"{len(got)} pairs instead of {len(expected)}"
    for index, (want, have) in enumerate(zip(expected, got, strict=True)):
        for side, a, b in zip(("source", "target"), want, have, strict=True):
            if a != b:
                at = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                          min(len(a), len(b)))
                return (f"pair {index + 1} {side} at character {at}: "
                        f"expected ...{a[max(0, at - 30):at + 20]!r}, "
                        f"got ...{b[max(0, at - 30):at + 20]!r}")
    return "rejects"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dumps", type=int, default=2000)
    parser.add_argument("--max-pairs", type=int, default=30)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--write", type=Path, help="write the (last) dump to this file")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    pairs = europarl_pairs(args.shared / "data")
    failed = 0
    read = 0
    started = time.perf_counter()
    for seed in range(args.first_seed, args.first_seed + args.dumps):
        text, expected, how = make_dump(pairs, seed, args.max_pairs)
        if args.write:
            args.write.write_text(text, encoding="utf-8")
        result = read_dump("dump.txt", source_lang=EN, target_lang=FR, text=text)
        read += len(expected)
        got = [(nfc(p.source), nfc(p.target)) for p in result.pairs]
        if got != expected or result.rejects:
            failed += 1
            print(f"seed {seed} ({how}): {first_difference(expected, got)}; "
                  f"{len(result.rejects)} rejects")
    print(f"{args.dumps} dumps ({read} pairs), {failed} not read back exactly, "
          f"{time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
