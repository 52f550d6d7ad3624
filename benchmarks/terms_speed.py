"""Benchmark: ``terms`` extraction on synthetic aligned sentence pairs (time and peak RSS).

    python benchmarks/terms_speed.py [--pairs N] [--shared DIR] [--tsv FILE]

Generates N pairs with the shared ``bench/gen_pairs.py`` (unless --tsv is given), then runs
extraction (clause units -> extract_terms) and writes every output (TBX 3, TBX 2, XLSX,
HTML, CSV, termbase) as the CLI does. Target: 100k pairs under 60 s and under 1 GB peak RSS.
Peak RSS is measured in a child process so the generator does not count.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def run(tsv: Path, out: Path) -> dict:
    from _corpora import tsv_pairs

    from tmx_export.formats.glossary import write_glossary
    from tmx_export.formats.tbx import write_tbx
    from tmx_export.terms import Document, Termbase, clause_units, extract_terms, fingerprint
    from tmx_export.terms.report import write_report
    from tmx_export.terms.review import write_review

    times = {}
    start = time.perf_counter()
    pairs = tsv_pairs(tsv)
    times["read"] = time.perf_counter() - start
    t = time.perf_counter()
    units = list(clause_units(pairs))
    found = extract_terms(units)
    times["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    docs: dict[str, list] = {}
    for pair in pairs:
        docs.setdefault(pair.file, []).append(pair)
    with Termbase(out / "bench.db") as termbase:
        termbase.update(found, {name: Document(name, fingerprint(ps), len(ps))
                                for name, ps in docs.items()})
        stored = termbase.pairs()
    times["termbase"] = time.perf_counter() - t
    t = time.perf_counter()
    write_tbx(stored, out / "bench3.tbx", version=3)
    write_tbx(stored, out / "bench2.tbx", version=2)
    write_review(stored, out / "bench.xlsx")
    write_report(stored, out / "bench.html")
    write_glossary(stored, out / "bench.csv")
    times["outputs"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pairs": len(pairs), "units": len(units), "recorded": len(found),
            "stored": len(stored), "seconds": {k: round(v, 2) for k, v in times.items()},
            "pairs_per_second": round(len(pairs) / times["total"]), "peak_rss_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--tsv", type=Path, help="use this TSV (en<TAB>fr) instead")
    parser.add_argument("--child", nargs=2, metavar=("TSV", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(Path(args.child[0]), Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        tsv = args.tsv
        if tsv is None:
            tsv = Path(tmp) / "pairs.tsv"
            subprocess.run([sys.executable, str(args.shared / "bench" / "gen_pairs.py"),
                            str(args.pairs), str(tsv)], check=True)
        out = subprocess.run([sys.executable, __file__, "--child", str(tsv), tmp],
                             check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
    print(json.dumps(result, indent=2))
    ok = result["seconds"]["total"] < 60 and result["peak_rss_mb"] < 1024
    print(f"terms on {result['pairs']:,} pairs: {result['seconds']['total']} s, "
          f"peak RSS {result['peak_rss_mb']} MB -> {'OK' if ok else 'OVER TARGET'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
