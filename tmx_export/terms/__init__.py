"""Terminology: recurring term pairs in aligned text, a termbase that remembers, outputs.

>>> from tmx_export.terms import extract_terms, clause_units
>>> pairs = extract_terms(clause_units(paragraph_pairs), min_count=2)
>>> pairs[0].source_term, pairs[0].target_term, pairs[0].count
('cluster', 'conglomérat', 6)

Modules: :mod:`.candidates` (candidate terms per language), :mod:`.associate` (pairing),
:mod:`.termbase` (SQLite), :mod:`.review` (XLSX), :mod:`.report` (HTML), :mod:`.commands`
(the ``terms`` CLI command). TBX and plain glossaries live in :mod:`tmx_export.formats`.
"""

from .associate import extract_terms
from .termbase import Document, Termbase
from .termpair import STATUSES, Context, TermPair
from .units import clause_units, fingerprint

__all__ = [
    "STATUSES",
    "Context",
    "Document",
    "TermPair",
    "Termbase",
    "clause_units",
    "extract_terms",
    "fingerprint",
]
