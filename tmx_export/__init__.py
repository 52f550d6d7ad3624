"""tmx-export: turn bilingual text into TMX translation memories and TBX termbases.

The package is laid out as its pipeline, read -> repair -> pair -> clean -> segment ->
align -> write, with terminology beside it:

- :mod:`.model` (pairs, rejects, options), :mod:`.lang` (language tags and identification),
  :mod:`.errors` (the one user-facing exception);
- :mod:`.inputs` (files, formats, the reader table) and :mod:`.pipeline`, the only
  orchestrator;
- :mod:`.dump` (read a bilingual dump: decode, :mod:`.dump.repair`, :mod:`.dump.pairing`),
  :mod:`.clean` (cleaning rules, texts fit for a TMX, dedupe), :mod:`.segment` (rules, SRX,
  alignment, paragraph pair -> units);
- :mod:`.formats` (one module per format: TMX, parallel files, tables, XLIFF/PO, JSON
  Lines, TSV, the rejects report; text and safe XML), :mod:`.tools` (merge, validate,
  stats), :mod:`.terms` (terminology), :mod:`.cli` (the command line).

This package re-exports the calls a script needs:

>>> from tmx_export import build, read_dump, segment_pair, write_tmx
>>> result = read_dump("samples/ep-industrial-policy-34.txt")
>>> units, rejects = segment_pair(result.pairs[0], "sentence")
>>> counts = write_tmx(units, "seed.tmx", srclang="en-GB", segtype="sentence")
>>> summary = build(["samples/"], "all.tmx")  # the same, for many files, streamed
"""

from ._lazy import lazy_exports
from ._version import __version__ as __version__

# What a script needs, imported on first use (PEP 562): `import tmx_export` and the
# command line's --help stay instant, and only the stages a run uses are loaded.
_EXPORTS = {
    "BuildOptions": "model", "CleanOptions": "model", "Pair": "model", "ReadResult": "model",
    "Reject": "model", "InputError": "errors", "read_dump": "dump", "write_dump": "dump",
    "iter_tmx": "formats.tmx", "read_tmx": "formats.tmx", "write_tmx": "formats.tmx",
    "build": "pipeline", "export_pairs": "pipeline", "read_units": "pipeline",
    "segment_pair": "segment",
}

__all__ = sorted([*_EXPORTS, "__version__"])


__getattr__ = lazy_exports(__name__, globals(), _EXPORTS)
