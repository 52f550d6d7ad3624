"""Checking a memory: the termbase at work, consistency and form QA, and concordance.

:mod:`.model` (findings, the checks and their severities), :mod:`.rules` (checks of one
unit: numbers, untranslated and empty targets, inline codes, punctuation, spacing),
:mod:`.consistency` (the same source translated differently across the memory),
:mod:`.terms` (approved and forbidden terms, lemma-aware), :mod:`.run` (one pass over the
units ``build`` would write), :mod:`.read` (TMX memories read for a check without the build
pipeline), :mod:`.worker` (half the checks of a large memory in a second process),
:mod:`.report` (TSV, CSV, HTML, XLSX, and accepted findings), :mod:`.concordance`
(bilingual search, with a SQLite FTS5 index for large memories).
"""
