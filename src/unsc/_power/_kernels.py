"""Compiled loops (numba) for exact Shapley-Shubik counts modulo a prime.

The size-by-weight table ``T[s, x]`` of :mod:`unsc._power._modular` (coalitions
of ``s`` players and weight ``x`` below the quota) is built here one prime at a
time, with residues kept below ``p < 2^31`` in ``uint32`` (an addition is
reduced at once by one conditional subtraction), so the table of a 500-player
game is 18 MB rather than the 36 MB of lazily reduced ``int64``.

Players are added in blocks of :data:`BLOCK` along a skewed wavefront: at
step ``t`` player ``j`` of the block updates row ``top + j - t``. Row ``s`` for
player ``j`` needs row ``s - 1`` as it was after player ``j - 1`` and must come
before row ``s - 1`` is updated for player ``j``; the wavefront keeps both
orders, in place, while only ``BLOCK + 1`` consecutive rows are live, so the
rows stay in the core's cache while the whole block passes over them.

The functions are compiled on first use and cached on disk (``cache=True``);
each releases the GIL, so primes run on several threads. Their plain Python
bodies stay reachable as ``fn.py_func`` (tests run them on small games).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

import numba
import numpy as np
import numpy.typing as npt

F = TypeVar("F", bound=Callable[..., object])

BLOCK = 16
"""Players per wavefront: 17 rows of a 13,000-wide ``uint32`` table fit in a 1 MB cache."""


def _jit(fn: F) -> F:
    return cast(F, numba.njit(nogil=True, cache=True)(fn))


@_jit
def add_mod(dst: npt.NDArray[np.uint32], src: npt.NDArray[np.uint32], p: np.uint32) -> None:
    """``dst = (dst + src) mod p`` elementwise, for residues below ``p < 2^31``."""
    for x in range(dst.shape[0]):
        v = dst[x] + src[x]
        dst[x] = v - p if v >= p else v


@_jit
def size_weight_table(
    weights: npt.NDArray[np.int64], quota: int, sizes: int, p: int
) -> npt.NDArray[np.uint32]:
    """``T[s, x]`` modulo ``p``: coalitions of size ``s < sizes`` and weight ``x < quota``.

    ``weights`` are the players' weights below the quota (heaviest first: the
    bands of non-zero weights then grow slowest). Row ``s`` is non-zero only
    on ``[lo[s], hi[s])``, tracked as players are added.
    """
    table = np.zeros((sizes, quota), dtype=np.uint32)
    table[0, 0] = 1
    lo = np.full(sizes, quota, dtype=np.int64)
    hi = np.zeros(sizes, dtype=np.int64)
    lo[0] = 0
    hi[0] = 1
    pp = np.uint32(p)
    n = weights.shape[0]
    for first in range(0, n, BLOCK):
        block = min(BLOCK, n - first)
        top = min(first + block, sizes - 1)  # player i reaches row i + 1 at most
        for step in range(top + block - 1):
            for j in range(block):
                s = top + j - step
                if s < 1 or s > top:
                    continue
                w = weights[first + j]
                start = lo[s - 1] + w
                stop = min(hi[s - 1] + w, quota)
                if start < stop:
                    add_mod(table[s, start:stop], table[s - 1, start - w : stop - w], pp)
                    lo[s] = min(lo[s], start)
                    hi[s] = max(hi[s], stop)
    return table


@_jit
def swings_by_size(
    table: npt.NDArray[np.uint32], quota: int, classes: npt.NDArray[np.int64], p: int
) -> npt.NDArray[np.int64]:
    """Swings by coalition size of a player of each weight in ``classes``, modulo ``p``.

    ``sum_k (-1)^k W_c[s - k, k]``, with ``W_c[s, k]`` the coalitions of size
    ``s`` in block ``k`` (weights ``[q - (k+1) c, q - k c)``), read off prefix
    sums of each row. The table is overwritten by its prefix sums.
    """
    sizes = table.shape[0]
    pp = np.uint32(p)
    for s in range(sizes):
        row = table[s]
        acc = np.uint32(0)
        for x in range(quota):
            v = acc + row[x]
            acc = v - pp if v >= pp else v
            row[x] = acc
    out = np.zeros((classes.shape[0], sizes), dtype=np.int64)
    for ci in range(classes.shape[0]):
        c = classes[ci]
        bands = min((quota + c - 1) // c, sizes)
        total = out[ci]
        for r in range(sizes):
            row = table[r]
            for k in range(min(bands, sizes - r)):
                upper = quota - k * c
                lower = upper - c
                block = np.int64(row[upper - 1])
                if lower > 0:
                    block -= np.int64(row[lower - 1])
                if k & 1:
                    total[r + k] -= block
                else:
                    total[r + k] += block
        for s in range(sizes):
            total[s] %= p
    return out
