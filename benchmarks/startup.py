#!/usr/bin/env python3
"""Start-up and one-paragraph runs, side by side with translate-toolkit's ``po2tmx``.

Each command runs as a whole process, alternating (A B A B...) so that a busy machine
slows both alike; medians and the ratio to ``po2tmx`` are printed, with peak memory from
``/usr/bin/time`` when it is there. The one-paragraph comparison builds the seed dump
against ``po2tmx`` converting a one-unit PO file of the same paragraph.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "ep-industrial-policy-34.txt"


def timed(command: list[str]) -> tuple[float, int | None]:
    """Seconds (wall) and peak RSS in KB of one run of ``command``."""
    gnu_time = shutil.which("time") if Path("/usr/bin/time").exists() else None
    wrapped = ["/usr/bin/time", "-f", "%M", *command] if gnu_time else command
    started = time.perf_counter()
    done = subprocess.run(wrapped, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr}")
    rss = int(done.stderr.strip().splitlines()[-1]) if gnu_time else None
    return seconds, rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    tool = shutil.which("tmx-export")
    po2tmx = shutil.which("po2tmx")
    if tool is None or po2tmx is None:
        sys.exit("tmx-export and po2tmx (translate-toolkit) must be on PATH")
    from tmx_export.dump import read_dump

    pair = read_dump(SEED).pairs[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        po = work / "seed.po"
        po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      f'msgid "{pair.source}"\nmsgstr "{pair.target}"\n', encoding="utf-8")
        cases = [
            ("--help", [tool, "--help"], [po2tmx, "--help"]),
            ("--version", [tool, "--version"], [po2tmx, "--version"]),
            ("one paragraph", [tool, "build", str(SEED), "-o", str(work / "a.tmx"), "-q"],
             [po2tmx, "-l", "fr-FR", str(po), str(work / "b.tmx")]),
        ]
        print(f"{'case':<15} {'tmx-export':>12} {'po2tmx':>12} {'ratio':>7} {'RSS (MB)':>14}")
        for name, ours, theirs in cases:
            mine, peer, mine_rss, peer_rss = [], [], [], []
            for _ in range(args.runs):
                seconds, rss = timed(ours)
                mine.append(seconds)
                mine_rss.append(rss or 0)
                seconds, rss = timed(theirs)
                peer.append(seconds)
                peer_rss.append(rss or 0)
            a, b = statistics.median(mine), statistics.median(peer)
            memory = f"{max(mine_rss) / 1024:.0f} / {max(peer_rss) / 1024:.0f}"
            print(f"{name:<15} {a:>10.2f} s {b:>10.2f} s {a / b:>7.2f} {memory:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
