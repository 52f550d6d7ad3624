"""Make bilingual dumps with known answers from the Europarl dev sessions.

Each dump is written with :func:`tmx_export.dump.writer.format_dump`, the same writer the
tests use, in one of the three cut styles, numbered or not, English-first or French-first.
Beside every ``NAME.txt`` goes ``NAME.gold.jsonl``: one object per pair, in order, with the
texts the reader must recover (``source`` is always the English paragraph, ``target`` the
French one, whatever the order in the dump), the paragraph ``number`` (null when the dump
is unnumbered) and the ``line`` where the pair starts in the dump.

Everything is derived from ``--seed``, so the same command makes the same bytes.

    python benchmarks/make_dumps.py                      # all 12 kinds into out/dumps/
    python benchmarks/make_dumps.py --styles mid-word --numbering numbered --orders en-fr \\
        --sessions ep-00-01-17 --select 45:57 --first-number 46 \\
        --name ep-2000-01-17-numbered --out samples --gold-dir tests/data \\
        --gold-prefix europarl_sample_
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tmx_export.dump import CUT_STYLES, format_dump
from tmx_export.model import Pair

REPO = Path(__file__).resolve().parents[1]
# The shared data sits beside the repository checkout, not inside it.
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "data" / "europarl-dev"
DEFAULT_OUT = REPO / "out" / "dumps"  # /out/ is git-ignored

SESSIONS = ("ep-00-01-17", "ep-00-01-21")
SOURCE_LANG, TARGET_LANG = "en-GB", "fr-FR"
# "en-fr": each pair is written English first, as in the seed; "fr-en": French first, to
# check that the reader maps detected languages to sides instead of trusting the order.
ORDERS = ("en-fr", "fr-en")
NUMBERINGS = ("numbered", "unnumbered")


@dataclass(frozen=True, slots=True)
class DumpKind:
    """One way of writing a dump: cut style, numbering, language order."""

    style: str
    numbered: bool
    order: str

    @property
    def name(self) -> str:
        return f"{self.style}-{'numbered' if self.numbered else 'unnumbered'}-{self.order}"


def all_kinds(
    styles: Sequence[str] = CUT_STYLES,
    numberings: Sequence[str] = NUMBERINGS,
    orders: Sequence[str] = ORDERS,
) -> list[DumpKind]:
    return [
        DumpKind(style, numbering == "numbered", order)
        for style in styles
        for numbering in numberings
        for order in orders
    ]


def read_paragraphs(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of each non-blank line: the files hold one paragraph a line."""
    with path.open(encoding="utf-8") as handle:
        # Leading/trailing blanks are layout, not content (one French paragraph starts
        # with a space); inner text is kept exactly.
        return [(n, line.strip()) for n, line in enumerate(handle, 1) if line.strip()]


def load_europarl(data_dir: Path, sessions: Sequence[str] = SESSIONS) -> list[Pair]:
    """The EN/FR paragraph pairs of ``sessions``, in document order."""
    pairs: list[Pair] = []
    for session in sessions:
        en = read_paragraphs(data_dir / f"{session}.en.txt")
        fr = read_paragraphs(data_dir / f"{session}.fr.txt")
        if len(en) != len(fr):
            raise SystemExit(f"{session}: {len(en)} English but {len(fr)} French paragraphs")
        for (line, en_text), (_, fr_text) in zip(en, fr, strict=True):
            pairs.append(Pair(en_text, fr_text, SOURCE_LANG, TARGET_LANG, None, session, line))
    return pairs


def derived_seed(*parts: object) -> int:
    """A 64-bit seed from ``parts`` (stable across runs, unlike ``hash``)."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def build_dump(
    pairs: Sequence[Pair],
    kind: DumpKind,
    *,
    seed: int = 0,
    first_number: int | None = None,
    min_width: int = 40,
    max_width: int = 480,
    fold_rate: float = 0.3,
) -> tuple[str, list[dict[str, object]]]:
    """The dump text for ``pairs`` written as ``kind``, and its gold records.

    Pairs are numbered ``first_number``, ``first_number + 1``... (a seeded number in 1-99
    when not given, so numbers are not always small). Each pair is formatted on its own
    with a seed derived from ``seed``, the kind and its index: the dump is the same as one
    ``format_dump`` call over all pairs would make (each pair starts on a new line), and the
    line where each pair starts is known exactly.
    """
    if first_number is None:
        first_number = 1 + derived_seed(seed, kind.name, "first") % 99
    chunks: list[str] = []
    gold: list[dict[str, object]] = []
    line = 1
    for index, pair in enumerate(pairs):
        number = first_number + index
        if kind.order == "en-fr":
            shown = Pair(pair.source, pair.target, SOURCE_LANG, TARGET_LANG, number)
        else:
            shown = Pair(pair.target, pair.source, TARGET_LANG, SOURCE_LANG, number)
        chunk = format_dump(
            [shown],
            style=kind.style,
            numbered=kind.numbered,
            seed=derived_seed(seed, kind.name, index),
            min_width=min_width,
            max_width=max_width,
            fold_rate=fold_rate,
        )
        chunks.append(chunk)
        gold.append(
            {
                "source": pair.source,
                "target": pair.target,
                "source_lang": SOURCE_LANG,
                "target_lang": TARGET_LANG,
                "number": number if kind.numbered else None,
                "line": line,
                "origin": f"{pair.file}.en.txt:{pair.line}",
            }
        )
        line += chunk.count("\n")
    return "".join(chunks), gold


_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) via a temp file in the same directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def gold_jsonl(gold: Sequence[dict[str, object]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in gold)


def read_gold(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def parse_slice(text: str) -> slice:
    start, _, stop = text.partition(":")
    return slice(int(start) if start else None, int(stop) if stop else None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="directory with ep-00-01-NN.{en,fr}.txt (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="directory for the dumps (default: %(default)s)")
    parser.add_argument("--gold-dir", type=Path,
                        help="directory for the gold JSONL files (default: beside the dumps)")
    parser.add_argument("--gold-prefix", default="", help="prefix for gold file names")
    parser.add_argument("--sessions", nargs="+", default=list(SESSIONS))
    parser.add_argument("--select", type=parse_slice, default=slice(None),
                        help="Python slice START:STOP of the pairs to use (default: all)")
    parser.add_argument("--styles", nargs="+", choices=CUT_STYLES, default=list(CUT_STYLES))
    parser.add_argument("--numbering", nargs="+", choices=NUMBERINGS, default=list(NUMBERINGS))
    parser.add_argument("--orders", nargs="+", choices=ORDERS, default=list(ORDERS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first-number", type=int,
                        help="number of the first pair (default: seeded, 1-99)")
    parser.add_argument("--min-width", type=int, default=40)
    parser.add_argument("--max-width", type=int, default=480)
    parser.add_argument("--fold-rate", type=float, default=0.3)
    parser.add_argument("--name", help="file name stem (only with a single kind)")
    parser.add_argument("--no-gold", action="store_true", help="write the dumps only")
    args = parser.parse_args(argv)

    pairs = load_europarl(args.data, args.sessions)[args.select]
    if not pairs:
        parser.error("no pairs selected")
    kinds = all_kinds(args.styles, args.numbering, args.orders)
    if args.name and len(kinds) != 1:
        parser.error("--name needs exactly one style, numbering and order")
    gold_dir = args.gold_dir or args.out
    for kind in kinds:
        text, gold = build_dump(
            pairs, kind, seed=args.seed, first_number=args.first_number,
            min_width=args.min_width, max_width=args.max_width, fold_rate=args.fold_rate,
        )
        stem = args.name or f"europarl-{kind.name}"
        write_atomic(args.out / f"{stem}.txt", text)
        if not args.no_gold:
            write_atomic(gold_dir / f"{args.gold_prefix}{stem}.gold.jsonl", gold_jsonl(gold))
        print(f"{args.out / f'{stem}.txt'}: {len(gold)} pairs, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
