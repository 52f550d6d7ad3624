#!/usr/bin/env python3
"""Reading a large TMX: tmx-export's streaming reader against translate-toolkit's tmxfile.

Makes N synthetic pairs with the shared ``gen_pairs.py``, writes them as a TMX 1.4b file
with a plain string writer (so this benchmark does not depend on the project's writer),
then reads the same file, each reader in its own process, and reports wall time, pairs
per second and peak RSS:

- ``iter_tmx``: tmx-export, pairs consumed one by one (memory must stay flat in N);
- ``read_tmx``: tmx-export, all pairs collected in a list (memory grows with the pairs);
- ``ttk``: translate-toolkit ``tmxfile`` (whole tree in memory), source/target of each unit.

``iter_tmx`` is also run on a file a tenth of the size, to show that its peak memory does
not depend on N.

    python benchmarks/tmx_read_speed.py [--n 1000000] [--shared PATH] [--skip-ttk]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[2] / "shared"

CHILD = r"""
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
n = 0
chars = 0
if kind == "iter_tmx":
    from tmx_export.formats.tmx import iter_tmx
    for pair in iter_tmx(path, source_lang="en-GB", target_lang="fr-FR"):
        n += 1
        chars += len(pair.source) + len(pair.target)
elif kind == "read_tmx":
    from tmx_export.formats.tmx import read_tmx
    result = read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    n = len(result.pairs)
    chars = sum(len(p.source) + len(p.target) for p in result.pairs)
elif kind == "ttk":
    from translate.storage.tmx import tmxfile
    with open(path, "rb") as handle:
        store = tmxfile(handle, "en-GB", "fr-FR")
    for unit in store.units:
        n += 1
        chars += len(unit.source) + len(unit.target)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"kind": kind, "n": n, "chars": chars, "seconds": seconds, "rss_mb": rss}))
"""


def write_tmx(tsv: Path, out: Path) -> int:
    """A minimal TMX 1.4b writer: enough for a benchmark input, not the project's writer."""
    count = 0
    with open(tsv, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        dst.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                  '<header creationtool="bench" creationtoolversion="1" datatype="plaintext" '
                  'segtype="sentence" o-tmf="none" adminlang="en" srclang="en-GB"/>\n<body>\n')
        for line in src:
            en, fr = line.rstrip("\n").split("\t")
            count += 1
            dst.write(f'<tu tuid="{count}"><prop type="x-bench">{count}</prop>'
                      f'<tuv xml:lang="en-GB"><seg>{escape(en)}</seg></tuv>'
                      f'<tuv xml:lang="fr-FR"><seg>{escape(fr)}</seg></tuv></tu>\n')
        dst.write("</body>\n</tmx>\n")
    return count


def make_tmx(n: int, shared: Path, directory: Path) -> Path:
    tsv = directory / f"pairs-{n}.tsv"
    subprocess.run([sys.executable, str(shared / "bench" / "gen_pairs.py"), str(n), str(tsv)],
                   check=True)
    out = directory / f"pairs-{n}.tmx"
    write_tmx(tsv, out)
    tsv.unlink()
    return out


def run(kind: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--skip-ttk", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = make_tmx(max(args.n // 10, 1), args.shared, Path(tmp))
        big = make_tmx(args.n, args.shared, Path(tmp))
        print(f"TMX file: {args.n} units, {big.stat().st_size / 1e6:.0f} MB")
        results = [run("iter_tmx", small), run("iter_tmx", big), run("read_tmx", big)]
        if not args.skip_ttk:
            results.append(run("ttk", big))
    print(f"{'reader':<10} {'units':>9} {'wall s':>8} {'pairs/s':>9} {'max RSS MB':>11}")
    for r in results:
        print(f"{r['kind']:<10} {r['n']:>9} {r['seconds']:>8.2f} "
              f"{r['n'] / r['seconds']:>9.0f} {r['rss_mb']:>11.0f}")
    by_kind = {(r["kind"], r["n"]): r for r in results}
    ours = by_kind[("iter_tmx", args.n)]
    if ("ttk", args.n) in by_kind:
        ttk = by_kind[("ttk", args.n)]
        assert ttk["chars"] == ours["chars"], "readers disagree on the text"
        print(f"iter_tmx / ttk speed: {ttk['seconds'] / ours['seconds']:.2f}x")


if __name__ == "__main__":
    main()
