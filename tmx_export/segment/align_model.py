"""The alignment model shared by every search: Gale & Church's bead priors and length cost,
the anchor weight, and the bead itself.

The length model is Gale & Church (1993): the length of a translation is proportional to
the length of its source, with a variance that grows with the length, so the cost of
putting sentences together is how surprising their length ratio is, plus a prior for the
bead type (1-1 is most common, 1-0 and 0-1 are rare).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Gale & Church's bead priors (their Table 5), as -log P. 1-2/2-1 and 1-0/0-1 share the
# probability of their group; 2-2 is rare but real (two sentences rephrased as two).
_PRIORS = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
    (2, 2): -math.log(0.011),
}
_PRIOR_ITEMS = tuple(_PRIORS.items())
Priors = dict[tuple[int, int], float]  # -log P of each bead type, as _PRIORS
_VARIANCE = 6.8  # Gale & Church's s^2: variance of target chars per source char
_ANCHOR_WEIGHT = 6.0  # how much a full lexical match (Dice = 1) lowers the cost, in nats
_SQRT2 = math.sqrt(2.0)


@dataclass(frozen=True, slots=True)
class Bead:
    """Source sentences [src_start, src_end) aligned with target [tgt_start, tgt_end).

    ``score`` (0..1) is the mean of the length agreement (the Gale-Church probability of
    the length ratio) and the lexical overlap of the two sides (Dice over anchors).
    """

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    score: float

    @property
    def kind(self) -> str:
        """"1-1", "2-1", "1-0"...: how many source and target sentences the bead holds."""
        return f"{self.src_end - self.src_start}-{self.tgt_end - self.tgt_start}"


# A diagonal 1-1 pair is taken without the search when its length ratio is this likely.
_CONFIDENT_LENGTH = 0.1


def _length_cost(src_len: int, tgt_len: int, ratio: float) -> tuple[float, float]:
    """(-log P, P) of the length pair under the Gale-Church model."""
    if src_len == 0 and tgt_len == 0:
        return 0.0, 1.0
    mean = (src_len + tgt_len / ratio) / 2.0
    z = abs(ratio * src_len - tgt_len) / math.sqrt(_VARIANCE * mean * ratio)
    p = math.erfc(z / _SQRT2)
    if p < 1e-300:
        # erfc underflows: use its asymptote, -log erfc(x) ~ x^2 + log(x sqrt(pi))
        x = z / _SQRT2
        return x * x + math.log(x * math.sqrt(math.pi)), 0.0
    return -math.log(p), p


def _length_ratio(total_s: int, total_t: int) -> float:
    """The target/source length ratio of two totals, kept between 0.5 and 2 (1 when a
    side is empty)."""
    return min(max(total_t / total_s, 0.5), 2.0) if total_s and total_t else 1.0


def _ratio_again(ones: list[tuple[int, int]], src_len: list[int], tgt_len: list[int],
                 ratio: float, median: bool) -> float | None:
    """The length ratio estimated again from the 1-1 beads ``ones`` a search found at
    ``ratio`` (:func:`_ones_ratio`, kept between 0.5 and 2), when there are two or more and
    it moved by more than 5%; else None.

    Sentences without a translation distort the text's length ratio, and a distorted ratio
    hides them inside 2-1 beads: searching again at the ratio of the 1-1 beads finds them."""
    if len(ones) < 2:
        return None
    better = min(max(_ones_ratio(ones, src_len, tgt_len, median) or ratio, 0.5), 2.0)
    return better if abs(better - ratio) > 0.05 * ratio else None


def _ones_ratio(ones: list[tuple[int, int]], src_len: list[int], tgt_len: list[int],
                median: bool) -> float | None:
    """The target/source length ratio of the 1-1 beads ``ones`` (source, target index):
    of their totals, or the median of theirs; None without lengths."""
    if median:
        ratios = sorted(tgt_len[t] / src_len[s] for s, t in ones if src_len[s] and tgt_len[t])
        if not ratios:
            return None
        half = len(ratios) // 2
        return ratios[half] if len(ratios) % 2 else (ratios[half - 1] + ratios[half]) / 2.0
    ls = sum(src_len[s] for s, _ in ones)
    lt = sum(tgt_len[t] for _, t in ones)
    return lt / ls if ls and lt else None
