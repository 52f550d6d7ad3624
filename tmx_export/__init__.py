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

from ._version import __version__
from .dump import read_dump, write_dump  # noqa: E402
from .errors import InputError  # noqa: E402
from .formats.tmx import iter_tmx, read_tmx, write_tmx  # noqa: E402
from .model import BuildOptions, CleanOptions, Pair, ReadResult, Reject  # noqa: E402
from .pipeline import build, export_pairs, read_units  # noqa: E402
from .segment import segment_pair  # noqa: E402

__all__ = [
    "BuildOptions",
    "CleanOptions",
    "InputError",
    "Pair",
    "ReadResult",
    "Reject",
    "__version__",
    "build",
    "export_pairs",
    "iter_tmx",
    "read_dump",
    "read_tmx",
    "read_units",
    "segment_pair",
    "write_dump",
    "write_tmx",
]
