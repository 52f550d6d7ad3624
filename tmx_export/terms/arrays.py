"""Small numpy helpers of the term extraction: run starts, distinct values and their counts,
typed views of ``array`` buffers. numpy's own ``unique`` hashes large int64 arrays (since
numpy 2.3), which is slower here than sorting."""

from __future__ import annotations

from array import array

import numpy as np


def _exclusive_cumsum(counts: np.ndarray) -> np.ndarray:
    """[0, c0, c0 + c1, ..., sum]: where each run of ``counts`` starts, and the end."""
    out = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=out[1:])
    return out


# numpy's unique() is slow on large int64 arrays (a hash table since numpy 2.3): sort instead.
def _compact(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and the position of each value among them."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.empty(len(ordered), bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(values), np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def _frombuffer(values: array, dtype: type) -> np.ndarray:
    return np.frombuffer(values, dtype) if len(values) else np.zeros(0, dtype)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if values.size else values


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs."""
    values = np.sort(values)
    if not values.size:
        return values, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, values.size])
