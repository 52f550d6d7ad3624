"""How many pairs does ``read_dump`` recover exactly from dumps with known answers?

Builds dumps of the Europarl dev sessions (274 pairs) in every kind: the three cut styles,
numbered and unnumbered, English-first and French-first (see ``make_dumps.py``), reads each
back with :func:`tmx_export.dump.reader.read_dump` and compares with the gold pairs.

Per kind it reports: pairs expected, pairs found, pairs whose source and target texts are
exactly the gold texts (both sides NFC-normalised), how many of those also carry the right
paragraph number, start line and languages, the rejects, and the time taken. Then it prints
the first mismatches with the differing region marked, so a parser failure can be traced to
its input line.

    python benchmarks/reconstruction.py                  # 12 kinds, seed 0
    python benchmarks/reconstruction.py --seeds 0 1 2 --kinds unnumbered --show 10
    python benchmarks/reconstruction.py --dumps out/dumps   # dumps made by make_dumps.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import zip_longest
from pathlib import Path

from make_dumps import (
    DEFAULT_DATA,
    SOURCE_LANG,
    TARGET_LANG,
    all_kinds,
    build_dump,
    gold_jsonl,
    load_europarl,
    read_gold,
    write_atomic,
)

from tmx_export.errors import InputError
from tmx_export.model import Pair, ReadResult

CONTEXT = 50  # characters shown either side of a difference


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class KindReport:
    """The comparison of one dump with its gold pairs."""

    name: str
    expected: int = 0
    found: int = 0
    exact: int = 0  # source and target texts equal
    number_ok: int = 0  # ... and the right paragraph number
    line_ok: int = 0  # ... and the right start line
    langs_ok: int = 0  # ... and source/target languages as asked
    rejects: int = 0
    reject_reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    error: str = ""
    # Formatted findings, each list capped at --show: wrong texts (what matters most),
    # right texts with wrong number/line/languages, rejects.
    notes: list[str] = field(default_factory=list)
    meta_notes: list[str] = field(default_factory=list)
    reject_notes: list[str] = field(default_factory=list)
    error_types: Counter[str] = field(default_factory=Counter)


def marked(text: str, start: int, end: int) -> str:
    """``text`` around ``[start:end]`` with that region in brackets (shown with repr)."""
    left = text[max(0, start - CONTEXT):start]
    right = text[end:end + CONTEXT]
    dots_left = "..." if start > CONTEXT else ""
    dots_right = "..." if end + CONTEXT < len(text) else ""
    return f"{dots_left}{left}[{text[start:end]}]{right}{dots_right}"


def text_diff(expected: str, got: str) -> tuple[str, str, int]:
    """Both texts with the differing region bracketed, and where it starts."""
    prefix = len(os.path.commonprefix([expected, got]))
    suffix = len(os.path.commonprefix([expected[prefix:][::-1], got[prefix:][::-1]]))
    return (
        marked(expected, prefix, len(expected) - suffix),
        marked(got, prefix, len(got) - suffix),
        prefix,
    )


def short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def error_type(exp: dict[str, object] | None, got: Pair | None) -> str:
    """A rough class of a mismatch, to see at a glance which part of the parser to fix."""
    if got is None:
        return "pair missing"
    if exp is None:
        return "extra pair"
    regions = set()
    for side, got_text in (("source", got.source), ("target", got.target)):
        want, have = nfc(str(exp[side])), nfc(got_text)
        if want != have:
            prefix = len(os.path.commonprefix([want, have]))
            suffix = len(os.path.commonprefix([want[prefix:][::-1], have[prefix:][::-1]]))
            regions.add((want[prefix:len(want) - suffix], have[prefix:len(have) - suffix]))
    if regions <= {("", " ")}:
        return "space added at a break"
    if regions <= {(" ", "")}:
        return "space lost at a break"
    return "text on the wrong side or pair"


def describe(name: str, exp: dict[str, object] | None, got: Pair | None) -> str:
    """One mismatch, readable: where it is, and what differs."""
    if got is None:
        assert exp is not None
        return (
            f"[{name}] MISSING gold pair at dump line {exp['line']} (number {exp['number']}, "
            f"from {exp.get('origin', '?')}):\n"
            f"    source: {short(str(exp['source']))}\n    target: {short(str(exp['target']))}"
        )
    if exp is None:
        return (
            f"[{name}] EXTRA pair at line {got.line} (number {got.number}):\n"
            f"    source: {short(got.source)}\n    target: {short(got.target)}"
        )
    lines = [
        f"[{name}] DIFFERENT pair: gold line {exp['line']} number {exp['number']} "
        f"({exp.get('origin', '?')}); got line {got.line} number {got.number}"
    ]
    for side, got_text in (("source", got.source), ("target", got.target)):
        want = nfc(str(exp[side]))
        have = nfc(got_text)
        if want != have:
            want_m, have_m, at = text_diff(want, have)
            lines.append(f"    {side} differs at char {at} (expected {len(want)} chars, got "
                         f"{len(have)}):\n      expected: {want_m!r}\n      got:      {have_m!r}")
    return "\n".join(lines)


def similarity(exp: dict[str, object], got: Pair) -> float:
    want = f"{exp['source']} {exp['target']}"[:300]
    return SequenceMatcher(None, want, f"{got.source} {got.target}"[:300]).ratio()


def pair_up(
    gold: Sequence[dict[str, object]], found: Sequence[Pair]
) -> list[tuple[dict[str, object] | None, Pair | None]]:
    """Within a run of mismatches, put each found pair beside the gold pair it resembles.

    In order and greedily; small runs only (a parser that glued everything together gives
    one huge run, and then side by side in order is as telling and much cheaper).
    """
    if len(gold) * len(found) > 900:
        return list(zip_longest(gold, found))
    out: list[tuple[dict[str, object] | None, Pair | None]] = []
    next_gold = 0
    for got in found:
        scores = [(similarity(exp, got), k) for k, exp in enumerate(gold) if k >= next_gold]
        best = max(scores, default=(0.0, -1))
        if best[0] < 0.5:
            out.append((None, got))
            continue
        out.extend((exp, None) for exp in gold[next_gold:best[1]])
        out.append((gold[best[1]], got))
        next_gold = best[1] + 1
    out.extend((exp, None) for exp in gold[next_gold:])
    return out


def compare(name: str, gold: Sequence[dict[str, object]], result: ReadResult,
            show: int) -> KindReport:
    """Match found pairs to gold pairs in order (a diff over the pair sequence)."""
    report = KindReport(name, expected=len(gold), found=len(result.pairs))
    report.rejects = len(result.rejects)
    report.reject_reasons.update(reject.reason for reject in result.rejects)
    want = [(nfc(str(g["source"])), nfc(str(g["target"]))) for g in gold]
    have = [(nfc(p.source), nfc(p.target)) for p in result.pairs]
    matcher = SequenceMatcher(None, want, have, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for exp, got in zip(gold[i1:i2], result.pairs[j1:j2], strict=True):
                report.exact += 1
                report.number_ok += exp["number"] == got.number
                report.line_ok += exp["line"] == got.line
                report.langs_ok += (got.source_lang, got.target_lang) == (
                    exp["source_lang"], exp["target_lang"])
                if len(report.meta_notes) < show and (
                    exp["number"] != got.number or exp["line"] != got.line
                    or (got.source_lang, got.target_lang)
                    != (exp["source_lang"], exp["target_lang"])
                ):
                    report.meta_notes.append(
                        f"[{name}] texts right but metadata wrong: gold number "
                        f"{exp['number']} line {exp['line']} {exp['source_lang']}/"
                        f"{exp['target_lang']}; got number {got.number} line {got.line} "
                        f"{got.source_lang}/{got.target_lang}")
            continue
        for exp, got in pair_up(gold[i1:i2], result.pairs[j1:j2]):
            report.error_types[error_type(exp, got)] += 1
            if len(report.notes) < show:
                report.notes.append(describe(name, exp, got))
    for reject in result.rejects[:show]:
        report.reject_notes.append(f"[{name}] REJECT line {reject.line}: {reject.reason}: "
                            f"{short(reject.text)!r}")
    return report


def run_one(name: str, dump: Path, gold: Sequence[dict[str, object]], show: int,
            source_lang: str, target_lang: str) -> KindReport:
    from tmx_export.dump import read_dump

    started = time.perf_counter()
    try:
        result = read_dump(dump, source_lang=source_lang, target_lang=target_lang)
    except InputError as error:  # a clear error is still a failure to read a good dump
        report = KindReport(name, expected=len(gold), error=f"InputError: {error}")
    else:
        report = compare(name, gold, result, show)
    report.seconds = time.perf_counter() - started
    return report


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def print_table(reports: Sequence[KindReport]) -> None:
    header = (f"{'kind':<38} {'expected':>8} {'found':>6} {'exact':>7} {'exact %':>8} "
              f"{'+number':>8} {'+line':>6} {'+langs':>6} {'rejects':>7} {'seconds':>7}")
    print(header)
    print("-" * len(header))
    total = KindReport("TOTAL")
    for r in reports:
        print(f"{r.name:<38} {r.expected:>8} {r.found:>6} {r.exact:>7} "
              f"{percent(r.exact, r.expected):>8} {r.number_ok:>8} {r.line_ok:>6} "
              f"{r.langs_ok:>6} {r.rejects:>7} {r.seconds:>7.2f}"
              + (f"  {r.error}" if r.error else ""))
        for attr in ("expected", "found", "exact", "number_ok", "line_ok", "langs_ok",
                     "rejects", "seconds"):
            setattr(total, attr, getattr(total, attr) + getattr(r, attr))
    print("-" * len(header))
    print(f"{'TOTAL':<38} {total.expected:>8} {total.found:>6} {total.exact:>7} "
          f"{percent(total.exact, total.expected):>8} {total.number_ok:>8} "
          f"{total.line_ok:>6} {total.langs_ok:>6} {total.rejects:>7} {total.seconds:>7.2f}")
    print("(+number counts exact pairs with the right paragraph number, null when unnumbered;"
          " +line those also starting on the right line; +langs those labelled "
          f"{SOURCE_LANG}/{TARGET_LANG})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="Europarl dev directory (default: %(default)s)")
    parser.add_argument("--dumps", type=Path,
                        help="read NAME.txt + NAME.gold.jsonl from here instead of building")
    parser.add_argument("--keep", type=Path, help="also write the built dumps and gold here")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--kinds", nargs="+", default=[],
                        help="only kinds whose name contains one of these strings")
    parser.add_argument("--show", type=int, default=3, help="mismatches shown per kind")
    parser.add_argument("--min-width", type=int, default=40)
    parser.add_argument("--max-width", type=int, default=480)
    parser.add_argument("--fold-rate", type=float, default=0.3)
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 unless every pair is reconstructed exactly")
    args = parser.parse_args(argv)

    jobs: list[tuple[str, Path, list[dict[str, object]]]] = []
    with tempfile.TemporaryDirectory(prefix="reconstruction-") as tmp:
        if args.dumps:
            for gold_path in sorted(args.dumps.glob("*.gold.jsonl")):
                stem = gold_path.name.removesuffix(".gold.jsonl")
                dump = gold_path.with_name(stem + ".txt")
                if dump.exists():
                    jobs.append((stem, dump, list(read_gold(gold_path))))
        else:
            pairs = load_europarl(args.data)
            for seed in args.seeds:
                for kind in all_kinds():
                    text, gold = build_dump(pairs, kind, seed=seed, min_width=args.min_width,
                                            max_width=args.max_width, fold_rate=args.fold_rate)
                    name = f"{kind.name}-s{seed}"
                    out_dir = args.keep or Path(tmp)
                    write_atomic(out_dir / f"{name}.txt", text)
                    if args.keep:
                        write_atomic(out_dir / f"{name}.gold.jsonl", gold_jsonl(gold))
                    jobs.append((name, out_dir / f"{name}.txt", gold))
        if args.kinds:
            jobs = [job for job in jobs if any(k in job[0] for k in args.kinds)]
        if not jobs:
            parser.error("no dumps to read")
        reports = []
        for name, dump, gold in jobs:
            report = run_one(name, dump, gold, args.show, SOURCE_LANG, TARGET_LANG)
            reports.append(report)
            print(f"{name}: {report.exact}/{report.expected} exact "
                  f"({report.seconds:.1f} s)", file=sys.stderr)

    print_table(reports)
    reasons = Counter[str]()
    for r in reports:
        reasons.update(r.reject_reasons)
    if reasons:
        print("rejects by reason: " + ", ".join(f"{k}: {v}" for k, v in reasons.most_common()))
    for r in reports:
        if r.error_types:
            print(f"{r.name}: " + ", ".join(f"{k}: {v}" for k, v in r.error_types.most_common()))
    for r in reports:
        notes = r.notes + r.meta_notes + r.reject_notes
        if notes:
            print()
            print("\n".join(notes))
    perfect = all(r.exact == r.expected == r.found and not r.error for r in reports)
    return 0 if perfect or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
