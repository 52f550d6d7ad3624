"""Working on finished memories: merge several TMX files (:mod:`.merging`), validate TMX and
TBX (:mod:`.validation`), count what is in them (:mod:`.counts`).

:mod:`.counts` counts duplicates as :mod:`.merging` finds them (the same unit keys), and
:mod:`.merging` checks each unit by the rules :mod:`.validation` applies to a file: so
counts comes after merging, which comes after validation.
"""

from __future__ import annotations

from .counts import LanguageStats, SourceLanguage, TmxStats, count_words, format_stats, stats
from .merging import CONTEXT_PROPS, MergeCounts, merge, unit_problem
from .validation import HEADER_REQUIRED, Problem, validate, validate_file

__all__ = ["CONTEXT_PROPS", "HEADER_REQUIRED", "LanguageStats", "MergeCounts", "Problem",
           "SourceLanguage", "TmxStats", "count_words", "format_stats", "merge", "stats",
           "unit_problem", "validate", "validate_file"]
