#!/usr/bin/env python3
"""Precision and recall of ``check`` on planted errors in real EU text.

The memory: the sentence units ``build`` makes of the Europarl dev sessions and the DGT-TM
2019 EN/FR pairs. The terms: the pairs of ``tests/data/check_glossary_en_fr.tsv`` (the
multi-word pairs of the hand-judged terms list as they stood when this benchmark was set)
that the memory itself follows (approved), each with a made-up forbidden rendering.
A seeded script plants errors in a sample of units, one kind per unit:

- ``term-missing``: an approved target term replaced by "filière" (the source term stays);
- ``term-forbidden``: an approved target term replaced by its forbidden rendering;
- ``number-mismatch``: a digit of a number in the target changed;
- ``untranslated``: the target replaced by the source.

Then every unit (planted or not) is checked. Per check: recall = planted errors found /
planted; precision = correct findings / all findings of that check. A finding on a
planted unit is correct; on an unmodified unit it is a false alarm, except that a
``term-missing`` finding whose approved term is really absent from the target (by a loose
match of word beginnings, which no inflection escapes) is a true deviation of the memory
from the glossary, not a mistake of the checker: "strict precision" counts those as false
alarms too. The aim is recall >= 0.95 and precision >= 0.9 for these four checks.

    python benchmarks/check_quality.py [--shared ../shared] [--seed 0] [--show 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from tmx_export.check.model import Finding, TermEntry
from tmx_export.check.run import CheckOptions, check_units
from tmx_export.inputs import ParallelInput
from tmx_export.model import Pair
from tmx_export.pipeline import read_units

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# the approved pairs: fixed, so the figures stay comparable while the terms list grows
GOLD = ROOT / "tests" / "data" / "check_glossary_en_fr.tsv"
PLANTED = ("term-missing", "term-forbidden", "number-mismatch", "untranslated")
_NUMBER = re.compile(r"\d+")


def memory(shared: Path) -> list[Pair]:
    """The units of the Europarl dev sessions (as build makes them) and the DGT-TM pairs."""
    data = shared / "data"
    sessions = sorted((data / "europarl-dev").glob("*.en.txt"))
    inputs: list[str | ParallelInput] = [
        ParallelInput(str(en), str(en.with_name(en.name.replace(".en.", ".fr."))))
        for en in sessions]
    units, _ = read_units(inputs)
    table = data / "dgt-tm" / "dgt-tm_2019_en-fr_pairs.tsv"
    pairs, _ = read_units([table], source_column="en_gb", target_column="fr_fr")
    return units + pairs


def _loosely_present(term: str, text: str) -> bool:
    """Every word of ``term`` (its first five letters, so inflections pass) is in ``text``."""
    lower = text.lower()
    return all(word[:5].lower() in lower for word in re.findall(r"\w+", term)
               if len(word) > 3)


def followed(entries: list[TermEntry], units: list[Pair], share: float = 0.8
             ) -> list[TermEntry]:
    """The entries the memory itself follows: where the source term occurs, the approved
    target term is there in at least ``share`` of the units (by plain substring). Checking
    a memory against terms its translators did not use measures the memory, not the
    checker; against terms they did use, a finding on an unmodified unit is a false alarm
    of the checker (or a rare real deviation)."""
    kept = []
    for entry in entries:
        source, target = entry.source.lower(), entry.targets[0].lower()
        holding = [u for u in units if source in u.source.lower()]
        if holding and sum(target in u.target.lower() for u in holding) >= share * len(holding):
            kept.append(entry)
    return kept


def glossary() -> list[TermEntry]:
    """Multi-word approved pairs of the gold list, each with a forbidden rendering."""
    entries = []
    with GOLD.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")),
                          delimiter="\t")
        for row in rows:
            if len(row) < 2 or row[0] == "source" or (len(row) > 2 and row[2] == "wrong"):
                continue
            source, target = row[0].strip(), row[1].strip()
            if len(source.split()) >= 2 and len(target.split()) >= 2:
                # A rendering no translator would choose, so it only occurs where planted.
                entries.append(TermEntry(source, (target,), (f"bidule {target.split()[-1]}",)))
    return entries


def plant(units: list[Pair], entries: list[TermEntry], rng: random.Random,
          per_kind: int) -> dict[str, dict[str, str]]:
    """Plant errors in place; returns {kind: {tuid: item planted}}."""
    planted: dict[str, dict[str, str]] = {kind: {} for kind in PLANTED}
    order = list(range(len(units)))
    rng.shuffle(order)
    used: set[int] = set()

    def with_term(index: int) -> tuple[TermEntry, re.Match[str]] | None:
        unit = units[index]
        for entry in entries:
            if entry.source.lower() in unit.source.lower():
                found = re.search(re.escape(entry.targets[0]), unit.target, re.IGNORECASE)
                if found:
                    return entry, found
        return None

    for kind in PLANTED:
        for index in order:
            if len(planted[kind]) >= per_kind:
                break
            if index in used:
                continue
            unit = units[index]
            if kind in ("term-missing", "term-forbidden"):
                hit = with_term(index)
                if hit is None:
                    continue
                entry, found = hit
                new = "filière" if kind == "term-missing" else entry.forbidden[0]
                # every occurrence, or the unit still holds the approved term
                target = re.sub(re.escape(entry.targets[0]), new, unit.target,
                                flags=re.IGNORECASE)
                item = entry.source if kind == "term-missing" else entry.forbidden[0]
            elif kind == "number-mismatch":
                numbers = list(_NUMBER.finditer(unit.target))
                if not numbers or not _NUMBER.search(unit.source):
                    continue
                number = rng.choice(numbers)
                digit = rng.randrange(number.start(), number.end())
                changed = str((int(unit.target[digit]) + rng.randint(1, 8)) % 10)
                target = unit.target[:digit] + changed + unit.target[digit + 1:]
                item = ""
            else:  # untranslated
                if len(unit.source.split()) < 6:
                    continue
                target, item = unit.source, ""
            units[index] = replace(unit, target=target)
            planted[kind][unit.tuid or ""] = item
            used.add(index)
    return planted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--show", type=int, default=5, help="false alarms shown per check")
    args = parser.parse_args()
    units = memory(args.shared)
    # tuids from two runs of the pipeline restart at 1: make them unique
    units = [replace(unit, tuid=str(n)) for n, unit in enumerate(units, 1)]
    entries = followed(glossary(), units)
    planted = plant(units, entries, random.Random(args.seed), args.per_kind)
    findings: list[Finding] = []
    started = time.perf_counter()
    summary = check_units(iter(units), CheckOptions(), findings.append, term_entries=entries)
    seconds = time.perf_counter() - started
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for item in findings:
        by_check[item.check].append(item)
    print(f"{summary.units} units, {len(entries)} term entries, {summary.findings} findings "
          f"in {seconds:.1f} s")
    print(f"{'check':<18} {'planted':>8} {'found':>6} {'recall':>7} {'findings':>9} "
          f"{'precision':>9} {'strict':>7}")
    ok = True
    approved = {e.source: e.targets for e in entries}
    for kind in PLANTED:
        tuids = planted[kind]
        hits = {f.tuid for f in by_check[kind] if f.tuid in tuids}
        strict = sum(1 for f in by_check[kind] if f.tuid in tuids)
        deviations = sum(1 for f in by_check[kind] if f.tuid not in tuids
                         and kind == "term-missing"
                         and not any(_loosely_present(t, f.target)
                                     for t in approved.get(f.item, ())))
        recall = len(hits) / len(tuids) if tuids else 0.0
        total = len(by_check[kind])
        precision = (strict + deviations) / total if total else 0.0
        ok &= recall >= 0.95 and precision >= 0.9
        print(f"{kind:<18} {len(tuids):>8} {len(hits):>6} {recall:>7.2f} {total:>9} "
              f"{precision:>9.2f} {strict / total if total else 0.0:>7.2f}")
    others = Counter(f.check for f in findings if f.check not in PLANTED)
    print("other checks on the (unmodified) memory: "
          + (", ".join(f"{n} {c}" for c, n in others.most_common()) or "none"))
    for kind in PLANTED:
        alarms = [f for f in by_check[kind] if f.tuid not in planted[kind]
                  and (kind != "term-missing" or any(_loosely_present(t, f.target)
                                                    for t in approved.get(f.item, ())))
                  ][: args.show]
        for f in alarms:
            print(f"  false alarm {kind}: {f.item!r} / expected {f.expected!r}\n"
                  f"    {f.source[:110]}\n    {f.target[:110]}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
