"""Loaders for the shared EN/FR corpora the terminology benchmarks run on."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from tmx_export.clean import Preparer
from tmx_export.model import Pair, Reject
from tmx_export.segment.units import segment_pair
from tmx_export.terms.run import repeated_units

SHARED = Path(__file__).resolve().parents[2] / "shared"


def europarl_pairs(root: Path) -> list[Pair]:
    """Paragraph pairs of the Europarl dev sessions (one paragraph per line, both files)."""
    pairs = []
    for en_path in sorted((root / "europarl-dev").glob("*.en.txt")):
        fr_path = en_path.with_name(en_path.name.replace(".en.", ".fr."))
        en = [p for p in en_path.read_text(encoding="utf-8").split("\n") if p.strip()]
        fr = [p for p in fr_path.read_text(encoding="utf-8").split("\n") if p.strip()]
        if len(en) != len(fr):
            raise SystemExit(f"{en_path}: {len(en)} EN paragraphs but {len(fr)} FR")
        doc = en_path.name.replace(".en.txt", "")
        for n, (s, t) in enumerate(zip(en, fr, strict=True), 1):
            pairs.append(Pair(s.strip(), t.strip(), "en-GB", "fr-FR", file=doc, line=n,
                              tuid=f"{doc}-{n}"))
    return pairs


def dgt_pairs(root: Path) -> list[Pair]:
    """The DGT-TM 2019 EN-GB/FR-FR segment pairs."""
    pairs = []
    path = root / "dgt-tm" / "dgt-tm_2019_en-fr_pairs.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            pairs.append(Pair(row["en_gb"], row["fr_fr"], "en-GB", "fr-FR", file=row["doc_no"],
                              line=int(row["tu_index"]),
                              tuid=f"{row['doc_no']}-{row['tu_index']}"))
    return pairs


def tsv_pairs(path: Path, limit: int | None = None) -> list[Pair]:
    """Pairs of a two-column TSV (gen_pairs.py output), one document per 1,000 lines."""
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if limit is not None and n > limit:
                break
            source, target = line.rstrip("\n").split("\t")
            pairs.append(Pair(source, target, "en-GB", "fr-FR", file=f"doc{n // 1000}",
                              line=n, tuid=str(n)))
    return pairs


def term_units(pairs: list[Pair], segment: str = "sentence") -> list[Pair]:
    """The units ``tmx-export terms --segment SEGMENT`` extracts from ``pairs`` (``none``:
    the pairs as read): each pair cut by the segmenter, then prepared as ``build`` writes
    its units (:class:`tmx_export.clean.Preparer`: texts sanitised, a unit that repeats an
    earlier one's texts left out, as :func:`tmx_export.pipeline.read_units` gives them),
    and the repeats added back after them (:func:`tmx_export.terms.run.repeated_units`)."""
    units = pairs if segment == "none" else [
        unit for pair in pairs for unit in segment_pair(pair, segment)[0]]
    prepared = list(Preparer("exact", Counter())(units))
    kept = [unit for unit, reason in prepared if reason is None]
    rejects = [Reject.of(unit, reason) for unit, reason in prepared if reason is not None]
    return kept + repeated_units(kept, rejects)
