"""tmx-export: turn bilingual text into TMX translation memories and TBX termbases.

The pipeline is read -> repair -> pair -> segment -> align -> write. Each stage is a
module of its own (:mod:`~tmx_export.repair`, :mod:`~tmx_export.pair`,
:mod:`~tmx_export.segment`, :mod:`~tmx_export.align`, the writers in
:mod:`tmx_export.formats`); :mod:`tmx_export.pipeline` runs them in order. This package
re-exports the calls a script needs:

>>> from tmx_export import build, read_dump, segment_pair, write_tmx
>>> result = read_dump("samples/ep-industrial-policy-34.txt")
>>> units, rejects = segment_pair(result.pairs[0], "sentence")
>>> counts = write_tmx(units, "seed.tmx", srclang="en-GB", segtype="sentence")
>>> summary = build(["samples/"], "all.tmx")  # the same, for many files, streamed
"""

__version__ = "0.1.0"

from .errors import InputError  # noqa: E402
from .formats.dump import read_dump, write_dump  # noqa: E402
from .formats.tmx import write_tmx  # noqa: E402
from .model import Pair, ReadResult, Reject  # noqa: E402
from .pipeline import build, read_units  # noqa: E402
from .segment import segment_pair  # noqa: E402

__all__ = [
    "InputError",
    "Pair",
    "ReadResult",
    "Reject",
    "__version__",
    "build",
    "read_dump",
    "read_units",
    "segment_pair",
    "write_dump",
    "write_tmx",
]
