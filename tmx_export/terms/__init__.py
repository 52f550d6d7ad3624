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
unit, document fingerprints), :mod:`.associate` (pairing: candidates of the whole corpus,
co-occurrence, association), :mod:`.patterns` and :mod:`.keys` (the candidates of a whole
corpus at once, and their keys), :mod:`.link` (competitive linking), :mod:`.citation`
(citation forms), :mod:`.rank` (termhood and ranking), :mod:`.arrays` (numpy helpers),
:mod:`.termbase` (SQLite), :mod:`.tbx` and :mod:`.glossary` (TBX and plain glossaries),
:mod:`.review` (XLSX), :mod:`.report` (HTML), :mod:`.run` (the ``terms`` run:
:func:`.run.run_terms`).
"""

from .._lazy import lazy_exports

# Imported on first use (PEP 562): a command that only needs the termbase or the
# lemmatiser does not load numpy and the association machinery.
_EXPORTS = {
    "extract_terms": "associate", "Document": "termbase", "Termbase": "termbase",
    "STATUSES": "termpair", "Context": "termpair", "TermPair": "termpair",
    "document_fingerprints": "units", "fingerprint": "units", "piece_spans": "units",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, globals(), _EXPORTS)
