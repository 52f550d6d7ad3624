"""Segment and align: a paragraph pair becomes the units of a TMX.

:mod:`.rules` cuts a text into the segments a CAT tool makes (or :mod:`.srx`, with rules
from an SRX file); :mod:`.align` aligns the two sides (the one Gale-Church, also used for
paragraphs of parallel files); :mod:`.units` turns one paragraph pair into aligned units.
"""

from .rules import segment_text
from .units import paragraph_units, segment_pair

__all__ = ["paragraph_units", "segment_pair", "segment_text"]
