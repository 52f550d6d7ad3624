"""Terminology: recurring term pairs in aligned text, a termbase that remembers, outputs.

>>> from tmx_export.pipeline import read_units
>>> from tmx_export.terms import extract_terms
>>> units, rejects = read_units(["samples/ep-industrial-policy-34.txt"])
>>> pairs = extract_terms(units, min_count=2)
>>> pairs[0].source_term, pairs[0].target_term, pairs[0].count
('cluster', 'conglomérat', 6)

Each unit is cut into its aligned clauses for association; contexts point at the units'
``tuid``, i.e. into the TMX that ``tmx-export build`` writes from the same inputs.

Modules: :mod:`.candidates` (candidate terms per language), :mod:`.units` (clauses of a
unit, document fingerprints), :mod:`.associate` (pairing), :mod:`.termbase` (SQLite),
:mod:`.review` (XLSX), :mod:`.report` (HTML), :mod:`.commands` (the ``terms`` CLI command
and :func:`.commands.run_terms`). TBX and plain glossaries live in :mod:`tmx_export.formats`.
"""

from .associate import extract_terms
from .termbase import Document, Termbase
from .termpair import STATUSES, Context, TermPair
from .units import document_fingerprint, fingerprint, piece_spans

__all__ = [
    "STATUSES",
    "Context",
    "Document",
    "TermPair",
    "Termbase",
    "extract_terms",
    "document_fingerprint",
    "fingerprint",
    "piece_spans",
]
