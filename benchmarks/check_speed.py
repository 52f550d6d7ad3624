#!/usr/bin/env python3
"""``tmx-export check`` on a large memory, side by side with translate-toolkit reading it.

Makes a synthetic memory of N units (``../shared/bench/gen_pairs.py``, written as TMX by
``write_tmx``) and a glossary of M term pairs (``gen_pairs.py --terms``), then runs, as
whole processes alternating A B A B: ``tmx-export check MEMORY --glossary G -q`` and
translate-toolkit's ``tmxfile`` parsing the same file. Prints medians, the ratio and peak
memory (``/usr/bin/time``), and the same for a memory of a tenth of the size, to show
whether memory stays flat in the memory's size. The peer runs twice: ``ttk parse`` only
parses the file into units; ``ttk text`` also reads each unit's source and target.
``check CPU`` is the processor time (user + system, the worker process that a large
memory's check forks included): on a machine whose cores are busy with other work the
wall-clock ratio leans towards the CPU one. ``load`` is the machine's load average (1
minute) as each size starts: figures taken at a load above the number of cores are not
comparable with others. ``-j 1`` is the same check in one process (``--jobs 1``), and
``speedup`` its time over the default's (``--jobs``: the cores).

    python benchmarks/check_speed.py [--units 100000] [--terms 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tmx_export.formats.tmx import write_tmx
from tmx_export.model import Pair

SHARED = Path(__file__).resolve().parents[2] / "shared"
# The peers: translate-toolkit parsing the memory into its units, and parsing it and
# reading every unit's source and target text, which is what a check needs of a memory
# before it checks anything (BASELINES.md's "read TMX" figure is this one).
PEER = ("import sys; from translate.storage.tmx import tmxfile; "
        "store = tmxfile.parsefile(sys.argv[1]); print(len(store.units))")
PEER_TEXT = ("import sys; from translate.storage.tmx import tmxfile; "
             "store = tmxfile.parsefile(sys.argv[1]); "
             "print(sum(len(u.source) + len(u.target) for u in store.units))")


def timed(command: list[str]) -> tuple[float, int, float]:
    """Wall-clock seconds, peak RSS (KB) and CPU seconds (user + system) of a command."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *command], capture_output=True,
                          text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # check exits 1 when it finds errors
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr}")
    rss, user, system = done.stderr.strip().splitlines()[-1].split()
    return seconds, int(rss), float(user) + float(system)


def make(work: Path, units: int, terms: int, shared: Path) -> tuple[Path, Path]:
    tsv, glossary = work / f"pairs-{units}.tsv", work / "glossary.tsv"
    gen = str(shared / "bench" / "gen_pairs.py")
    subprocess.run([sys.executable, gen, str(units), str(tsv)], check=True)
    if not glossary.exists():
        subprocess.run([sys.executable, gen, str(terms), str(glossary), "--terms"],
                       check=True)
    rows = (line.split("\t") for line in tsv.read_text("utf-8").splitlines())
    memory = work / f"memory-{units}.tmx"
    write_tmx((Pair(en, fr, "en-GB", "fr-FR") for en, fr in rows), memory,
              srclang="en-GB", segtype="sentence", keep_duplicates=True)
    return memory, glossary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    tool = [sys.executable, "-c", "from tmx_export.cli import main; main()"]
    print(f"{'units':>8} {'check':>9} {'ttk parse':>9} {'ratio':>6} {'ttk text':>9} "
          f"{'ratio':>6} {'check RSS':>10} {'ttk RSS':>8} {'check CPU':>10} {'ttk CPU':>8} "
          f"{'CPU ratio':>9} {'-j 1':>8} {'speedup':>7} {'load':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for units in (args.units // 10, args.units):
            memory, glossary = make(work, units, args.terms, args.shared)
            load = os.getloadavg()[0]
            ours, theirs, our_rss, their_rss, our_cpu, their_cpu = [], [], [], [], [], []
            with_text, alone = [], []
            command = [*tool, "check", str(memory), "--glossary", str(glossary), "-q",
                       "--fail-on", "never"]
            for _ in range(args.runs):
                seconds, rss, cpu = timed(command)
                ours.append(seconds)
                our_rss.append(rss)
                our_cpu.append(cpu)
                seconds, rss, cpu = timed([sys.executable, "-c", PEER, str(memory)])
                theirs.append(seconds)
                their_rss.append(rss)
                their_cpu.append(cpu)
                with_text.append(timed([sys.executable, "-c", PEER_TEXT, str(memory)])[0])
                alone.append(timed([*command, "--jobs", "1"])[0])
            a, b = statistics.median(ours), statistics.median(theirs)
            t = statistics.median(with_text)
            c, d = statistics.median(our_cpu), statistics.median(their_cpu)
            one = statistics.median(alone)
            print(f"{units:>8} {a:>8.2f}s {b:>8.2f}s {a / b:>6.2f} {t:>8.2f}s {a / t:>6.2f} "
                  f"{max(our_rss) / 1024:>8.0f}MB {max(their_rss) / 1024:>6.0f}MB "
                  f"{c:>9.1f}s {d:>7.1f}s {c / d:>9.2f} {one:>7.2f}s {one / a:>7.2f} "
                  f"{load:>5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
