#!/usr/bin/env python3
"""OmegaT fill rate of sentence-level TMX built from Europarl sessions.

For every session ``NAME.<src>.txt`` / ``NAME.<tgt>.txt`` (one paragraph per line, blank
lines between paragraphs): the source side, one paragraph per line, is the document of a
throwaway OmegaT 3.6 project with default segmentation; the TMX is built from both sides at
sentence level with :func:`tmx_export.segment.units.segment_pair` and put in ``tm/auto``;
``omegat_check.sh`` reports how many OmegaT segments were filled from it.

    python benchmarks/omegat_fill.py [--data DIR] [--conformance DIR] [--min-percent 95]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tmx_export.model import Pair
from tmx_export.segment.units import segment_pair

SHARED = Path(__file__).resolve().parents[2] / "shared"


def paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def write(units: list[Pair], path: Path, source_lang: str) -> None:
    try:
        from tmx_export.formats.tmx import write_tmx
    except ImportError:  # before the project's writer existed: a minimal one
        from xml.sax.saxutils import escape

        with path.open("w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                      'creationtool="bench" creationtoolversion="0" datatype="plaintext" '
                      f'segtype="sentence" o-tmf="bench" adminlang="en" srclang="{source_lang}"'
                      '/><body>\n')
            for u in units:
                out.write(f'<tu><tuv xml:lang="{u.source_lang}"><seg>{escape(u.source)}</seg>'
                          f'</tuv><tuv xml:lang="{u.target_lang}"><seg>{escape(u.target)}'
                          '</seg></tuv></tu>\n')
            out.write("</body></tmx>\n")
        return
    write_tmx(units, path, srclang=source_lang, segtype="sentence")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "europarl-dev")
    parser.add_argument("--conformance", type=Path, default=SHARED / "conformance")
    parser.add_argument("--source-lang", default="en-GB")
    parser.add_argument("--target-lang", default="fr-FR")
    parser.add_argument("--mode", default="sentence", choices=["sentence", "clause"])
    parser.add_argument("--min-percent", type=float, default=95.0,
                        help="also pass --min-filled to omegat_check.sh (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="keep the TMX and source files here")
    args = parser.parse_args(argv)
    src_code, tgt_code = args.source_lang.split("-")[0], args.target_lang.split("-")[0]
    sessions = sorted(args.data.glob(f"*.{src_code}.txt"))
    if not sessions:
        print(f"no *.{src_code}.txt under {args.data}", file=sys.stderr)
        return 2
    check = args.conformance / "omegat_check.sh"
    total_filled = total_segments = 0
    failures = 0
    print(f"{'session':<16} {'paras':>5} {'units':>6} {'rejects':>7} {'filled':>7} "
          f"{'segments':>8} {'percent':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for src_path in sessions:
            name = src_path.name[: -len(f".{src_code}.txt")]
            tgt_path = src_path.with_name(f"{name}.{tgt_code}.txt")
            src, tgt = paragraphs(src_path), paragraphs(tgt_path)
            if len(src) != len(tgt):
                print(f"{name}: {len(src)} vs {len(tgt)} paragraphs, skipped", file=sys.stderr)
                continue
            units, rejects = [], []
            for line, (s, t) in enumerate(zip(src, tgt, strict=True), start=1):
                u, r = segment_pair(Pair(s, t, args.source_lang, args.target_lang,
                                         file=src_path.name, line=line), args.mode)
                units += u
                rejects += r
            tmx = work / f"{name}.tmx"
            doc = work / f"{name}.source.txt"
            write(units, tmx, args.source_lang)
            doc.write_text("\n".join(src) + "\n", encoding="utf-8")
            # the share asked for, as a count of the segments OmegaT makes: learnt below
            run = subprocess.run([str(check), str(tmx), args.source_lang, args.target_lang,
                                  str(doc)], capture_output=True, text=True)
            m = re.search(r"omegat: (\d+)/(\d+) segments filled", run.stdout + run.stderr)
            if not m:
                print(run.stdout + run.stderr, file=sys.stderr)
                return 1
            filled, segments = int(m.group(1)), int(m.group(2))
            percent = 100.0 * filled / segments if segments else 0.0
            failures += percent < args.min_percent
            # confirm the verdict with omegat_check.sh's own threshold
            need = int(-(-args.min_percent * segments // 100))
            verdict = subprocess.run([str(check), "--min-filled", str(need), str(tmx),
                                      args.source_lang, args.target_lang, str(doc)],
                                     capture_output=True, text=True).returncode
            print(f"{name:<16} {len(src):>5} {len(units):>6} {len(rejects):>7} {filled:>7} "
                  f"{segments:>8} {percent:>6.1f}%  omegat_check --min-filled {need}: "
                  f"{'OK' if verdict == 0 else f'exit {verdict}'}")
            total_filled += filled
            total_segments += segments
    percent = 100.0 * total_filled / total_segments if total_segments else 0.0
    print(f"{'all':<16} {'':>5} {'':>6} {'':>7} {total_filled:>7} {total_segments:>8} "
          f"{percent:>6.1f}%")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
