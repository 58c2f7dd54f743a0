"""Exact counts for weighted games ``[q; w]`` in numpy: int64, or residues and CRT.

The number of coalitions of each weight below the quota, ``prod_i (1 + z^w_i)``
truncated at ``z^q``, is a 0/1 knapsack: adding a player of weight ``w`` is
``P[w:] += P[:-w]``. Counts reach ``2^n``; up to 62 players they fit in int64
and are computed as they are. Beyond that they are computed modulo several
primes below ``2^31`` (one column each), and recovered by the Chinese
remainder theorem (Garner's algorithm), which is exact once the product of
the primes exceeds the largest count. Only additions are needed: residues
below ``2^31`` at most double per player, so they are reduced every 31
players and never overflow int64.

Swings of a player of weight ``c`` are the coefficients of ``P / (1 + z^c)``
on ``[q - c, q)``. The quotient is the alternating series
``D[x] = sum_k (-1)^k P[x - k c]``; summed over the window, every ``x < q``
appears once, with sign ``(-1)^floor((q - 1 - x) / c)``, so the swings are
alternating sums of blocks of ``c`` consecutive counts, read off prefix sums.

Shapley-Shubik needs the coalition size too: the table ``T[s, x]`` of
coalitions of size ``s`` and weight ``x`` (``prod_i (1 + y z^w_i)``), built
the same way (``T[1:, w:] += T[:-1, :-w]``), and the quotient by
``1 + y z^c`` is ``sum_k (-1)^k T[s - k, x - k c]``. Up to 62 players that
table is counted here in int64; beyond, one table per prime is built by the
compiled loops of :mod:`unsc._power._kernels`.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

Int64 = npt.NDArray[np.int64]

_INT64_PLAYERS = 62
"""Counts of coalitions of up to this many players fit in int64 (2^62 < 2^63)."""
_PRIME_BITS = 31
_REDUCE_EVERY = 30


@functools.cache
def primes(count: int) -> tuple[int, ...]:
    """The ``count`` largest primes below ``2^31``."""
    out: list[int] = []
    p = (1 << _PRIME_BITS) - 1
    while len(out) < count:
        if _is_prime(p):
            out.append(p)
        p -= 2
    return tuple(out)


def _is_prime(p: int) -> bool:
    """Deterministic Miller-Rabin for ``p < 3.2e9`` (bases 2, 3, 5, 7)."""
    if p < 2:
        return False
    for b in (2, 3, 5, 7):
        if p % b == 0:
            return p == b
    d, r = p - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for b in (2, 3, 5, 7):
        x = pow(b, d, p)
        if x in (1, p - 1):
            continue
        for _ in range(r - 1):
            x = x * x % p
            if x == p - 1:
                break
        else:
            return False
    return True


def moduli(bits: int) -> tuple[int, ...]:
    """Primes whose product exceeds ``2^bits``, or ``()`` when int64 holds the counts."""
    if bits <= _INT64_PLAYERS:
        return ()
    return primes(bits // (_PRIME_BITS - 1) + 1)


def crt(residues: Int64, mods: Sequence[int]) -> list[int]:
    """Integers from their residues (last axis, one per modulus), in row-major order.

    The values must be non-negative and below the product of the moduli; with
    no moduli the last axis holds the values themselves.
    """
    if not mods:
        return [int(v) for v in residues[..., 0].ravel()]
    flat = residues.reshape(-1, len(mods))
    digits = np.empty_like(flat)
    digits[:, 0] = flat[:, 0] % mods[0]
    for i in range(1, len(mods)):
        p = mods[i]
        t = flat[:, i] % p
        for j in range(i):
            t = (t - digits[:, j]) % p * pow(mods[j], -1, p) % p
        digits[:, i] = t
    radix = [1]
    for p in mods[:-1]:
        radix.append(radix[-1] * p)
    values = digits.astype(object) @ np.asarray(radix, dtype=object)
    return [int(v) for v in values]


def _reduce(table: Int64, mods: Sequence[int]) -> None:
    if mods:
        np.remainder(table, np.asarray(mods, dtype=np.int64), out=table)


def weight_counts(weights: Sequence[int], quota: int, mods: Sequence[int]) -> Int64:
    """Coalitions of each weight ``x < quota``: shape ``(quota, max(1, len(mods)))``."""
    table = np.zeros((quota, max(1, len(mods))), dtype=np.int64)
    table[0] = 1
    reach = 1  # weights 0..reach-1 may be non-zero
    since = 0
    for w in sorted(weights):
        if w >= quota:
            continue
        if w == 0:
            table[:reach] *= 2
        else:
            top = min(quota, reach + w)
            table[w:top] += table[: top - w]
            reach = top
        since += 1
        if mods and since == _REDUCE_EVERY:
            _reduce(table, mods)
            since = 0
    _reduce(table, mods)
    return table


def count_below(counts: Int64, mods: Sequence[int]) -> int:
    """All coalitions counted in ``counts`` (from :func:`weight_counts`): those below the quota."""
    total = counts.sum(axis=0, keepdims=True)
    if mods:
        total %= np.asarray(mods, dtype=np.int64)
    return crt(total, mods)[0]


def _block_plan(quota: int, c: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Blocks ``[q - (k+1) c, q - k c)`` clipped at 0, k = 0, 1...: last index, first index - 1.

    With inclusive prefix sums ``S`` (``S[-1]`` read as 0), block ``k`` sums to
    ``S[hi_k] - S[lo_k]``; ``lo_k = -1`` marks a block starting at 0.
    """
    k = np.arange(-(-quota // c), dtype=np.intp)
    top = quota - k * c
    return top - 1, np.maximum(top - c, 0) - 1


def _block_sums(prefix: Int64, hi: npt.NDArray[np.intp], lo: npt.NDArray[np.intp]) -> Int64:
    """Block sums along axis 1 of inclusive prefix sums (``lo = -1``: from the start)."""
    out = prefix[:, hi]
    start = lo >= 0
    out[:, start] -= prefix[:, lo[start]]
    return out


def swings_by_weight(
    counts: Int64, quota: int, classes: Sequence[int], mods: Sequence[int]
) -> dict[int, int]:
    """Swings of a player of each weight ``c`` in ``classes`` (``counts`` from weight_counts).

    All classes at once: the blocks of every class are laid end to end, read
    off the prefix sums in one gather, signed and summed per class.
    """
    prefix = np.cumsum(counts, axis=0)  # inclusive; (quota, moduli)
    live = [c for c in classes if c]
    out = {c: 0 for c in classes}
    if not live:
        return out
    cs = np.asarray(live, dtype=np.int64)
    blocks = -(-quota // cs)  # blocks per class
    starts = np.zeros(len(live), dtype=np.int64)
    np.cumsum(blocks[:-1], out=starts[1:])
    k = np.arange(int(blocks.sum()), dtype=np.int64) - np.repeat(starts, blocks)
    step = np.repeat(cs, blocks)
    top = quota - k * step  # block k is [top - c, top), clipped at 0
    sums = prefix[top - 1]
    low = top - step - 1
    inside = low >= 0
    sums[inside] -= prefix[low[inside]]
    if mods:
        sums %= np.asarray(mods, dtype=np.int64)
    sums[(k & 1).astype(bool)] *= -1
    per_class = np.add.reduceat(sums, starts, axis=0)
    if mods:
        per_class %= np.asarray(mods, dtype=np.int64)
    out.update(zip(live, crt(per_class, mods), strict=True))
    return out


def size_bound(weights: Sequence[int], quota: int) -> int:
    """The largest size of a coalition of weight below the quota."""
    total = 0
    for s, w in enumerate(sorted(weights)):
        total += w
        if total >= quota:
            return s
    return len(weights)


def ss_cost(weights: Sequence[int], quota: int) -> int:
    """Cell updates of :func:`ss_numerators` (for choosing it against the float path)."""
    n = len(weights)
    sizes = size_bound(weights, quota) + 1
    return n * sizes * quota * max(1, len(moduli(n))) // 2


def ss_numerators(
    weights: Sequence[int],
    quota: int,
    classes: Sequence[int],
    mods: Sequence[int] | None = None,
) -> dict[int, int]:
    """Exact Shapley-Shubik numerators (over ``n!``) of a player of each weight.

    Up to 62 players the size-by-weight table is counted in int64 by numpy;
    beyond, modulo primes: by numpy too, all primes at once, while the table
    is small (:data:`NUMPY_SS_CELLS`: a 100-player game of weights up to 100
    takes some 30 ms, less than loading numba), else one table per prime by
    the compiled loops of :mod:`unsc._power._kernels`, two primes at a time
    on two threads (they release the GIL). ``mods`` overrides the primes
    (tests use it on small games).
    """
    n = len(weights)
    if mods is None:
        mods = moduli(n)
    sizes = size_bound(weights, quota) + 1
    live = [c for c in classes if c]
    out = {c: 0 for c in classes}
    if not live:
        return out
    if mods and not _numpy_affordable(weights, quota, sizes, mods):
        residues = _ss_residues_by_prime(weights, quota, sizes, live, mods)
    else:
        table = _size_weight_table(_plan(weights, quota, sizes), quota, sizes, mods)
        residues = _ss_counts(table, quota, live)
        if mods:
            residues %= np.asarray(mods, dtype=np.int64)
    by_size = crt(residues, mods)
    fact = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(sizes)]
    factors = np.asarray(fact, dtype=object)
    values = np.asarray(by_size, dtype=object).reshape(len(live), sizes) @ factors
    for c, v in zip(live, values, strict=True):
        out[c] = int(v)
    return out


NUMPY_SS_CELLS = 400_000_000
"""Largest :func:`ss_cost` computed by numpy when numba is not loaded yet.

numpy adds about a cell per nanosecond here; loading numba and the compiled
kernels takes about half a second, which the kernels win back only on
tables several times larger.
"""


def _numpy_affordable(weights: Sequence[int], quota: int, sizes: int, mods: Sequence[int]) -> bool:
    """Whether numpy builds the modular table sooner than numba could be loaded and run."""
    if "numba" in sys.modules:  # already paid for (a server, a test run): the kernels
        return False
    cells = len(weights) * sizes * quota * max(1, len(mods)) // 2
    return cells <= NUMPY_SS_CELLS and sizes * quota * len(mods) * 8 <= _NUMPY_TABLE_BYTES


_NUMPY_TABLE_BYTES = 256 * 1024 * 1024


def _ss_residues_by_prime(
    weights: Sequence[int], quota: int, sizes: int, classes: Sequence[int], mods: Sequence[int]
) -> Int64:
    """Swings by size of each class modulo each prime: shape ``(classes, sizes, primes)``."""
    from unsc._power import _kernels  # compiled on first use

    heaviest = np.asarray(sorted((w for w in weights if w < quota), reverse=True), dtype=np.int64)
    cls = np.asarray(classes, dtype=np.int64)

    def one(p: int) -> Int64:
        table = _kernels.size_weight_table(heaviest, quota, sizes, p)
        return _kernels.swings_by_size(table, quota, cls, p)

    if len(mods) > 1:
        with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
            per_prime = list(pool.map(one, mods))
    else:
        per_prime = [one(mods[0])]
    return np.stack(per_prime, axis=-1)


Step = tuple[int, int, int]
"""``(s, a, b)``: row ``s`` += row ``s - 1`` shifted by the player's weight, on ``[a, b)``."""


def _plan(weights: Sequence[int], quota: int, sizes: int) -> list[tuple[int, list[Step]]]:
    """The row updates of each player (heaviest first), from the band each row can hold.

    Row ``s`` of the table is non-zero only on ``[lo[s], hi[s])``: between the
    least and the greatest weight of ``s`` of the players added so far. Rows
    are updated from the largest size down, so that each reads a row not yet
    updated for this player (in place, no copies).
    """
    lo = [quota] * sizes
    hi = [0] * sizes
    lo[0], hi[0] = 0, 1
    top_size = 0
    steps: list[tuple[int, list[Step]]] = []
    for w in sorted(weights, reverse=True):  # heaviest first: 30% less work than lightest
        if w >= quota:
            continue
        rows: list[Step] = []
        for s in range(min(top_size + 1, sizes - 1), 0, -1):
            start = lo[s - 1] + w
            stop = hi[s - 1] + w
            if stop > quota:
                stop = quota
            if start < stop:
                rows.append((s, start, stop))
                if start < lo[s]:
                    lo[s] = start
                if stop > hi[s]:
                    hi[s] = stop
        top_size = min(top_size + 1, sizes - 1)
        steps.append((w, rows))
    return steps


def _size_weight_table(
    plan: list[tuple[int, list[Step]]], quota: int, sizes: int, mods: Sequence[int] = ()
) -> Int64:
    """``T[s, x, j]``: coalitions of size ``s`` and weight ``x``, modulo ``mods[j]``.

    Without ``mods`` (up to 62 players) the counts themselves, ``j = 0``. A
    player at most doubles an entry (row ``s`` gains row ``s - 1``), so
    residues are reduced every :data:`_REDUCE_EVERY` players and stay in int64.
    """
    table = np.zeros((sizes, quota, max(1, len(mods))), dtype=np.int64)
    table[0, 0] = 1
    add = np.add
    since = 0
    for w, rows in plan:
        for s, a, b in rows:
            dst = table[s, a:b]
            add(dst, table[s - 1, a - w : b - w], out=dst)
        since += 1
        if mods and since == _REDUCE_EVERY:
            _reduce(table, mods)
            since = 0
    _reduce(table, mods)
    return table


def _ss_counts(table: Int64, quota: int, classes: Sequence[int]) -> Int64:
    """Swings by size of each class, ``sum_k (-1)^k W_c[s - k, k]`` (exact int64 counts).

    ``W_c[s, k]`` is the number of coalitions of size ``s`` in block ``k``
    (weights ``[q - (k+1) c, q - k c)``), a difference of prefix sums along
    the weights; only the triangle ``s + k < sizes`` is read.
    """
    sizes = table.shape[0]
    out = np.zeros((len(classes), sizes, table.shape[2]), dtype=np.int64)
    prefix = np.cumsum(table, axis=1)
    for ci, c in enumerate(classes):
        hi, lo = _block_plan(quota, c)
        bands = min(len(hi), sizes)
        blocks = _block_sums(prefix, hi[:bands], lo[:bands])  # (sizes, bands, 1)
        blocks[:, 1::2] *= -1
        acc = out[ci]
        for k in range(bands):  # acc[s] += blocks[s - k, k]
            acc[k:] += blocks[: sizes - k, k]
    return out
