"""tmx-export: turn bilingual text into TMX translation memories and TBX termbases.

The pipeline is read -> repair -> pair -> segment -> align -> write. Each stage is a
module of its own; this package re-exports the calls a script needs:

>>> from tmx_export import read_dump, write_tmx
>>> result = read_dump("samples/ep-industrial-policy-34.txt")
>>> write_tmx(result.pairs, "out.tmx")
"""

__version__ = "0.1.0"

from .errors import InputError  # noqa: E402
from .model import Pair, ReadResult, Reject  # noqa: E402

__all__ = ["InputError", "Pair", "ReadResult", "Reject", "__version__"]
