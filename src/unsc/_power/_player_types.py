"""Power indices of games with few player types, by multinomial counting.

Players with the same weight in every clause are interchangeable: a coalition
is described by how many players of each type it holds, ``k = (k_1..k_T)``
with ``0 <= k_t <= m_t``, and stands for ``prod_t C(m_t, k_t)`` coalitions of
size ``sum k``. Counting over these vectors costs ``prod (m_t + 1)`` instead
of ``2^n``: 42 vectors for the 1946 Council (5 permanent, 6 elected).

For a single quota, a player of type ``i`` and weight ``c`` swings in the
coalitions of the others whose weight ``r + k c`` lies in ``[q - c, q)``,
where ``r`` is the weight of the other types: for each vector of the other
types exactly one count ``k = (q - 1 - r) // c`` of type ``i`` qualifies, so
only ``prod_{t != i} (m_t + 1)`` vectors are visited. Everything is exact
integer arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from unsc._power.games import Tree, evaluate

Key = tuple[int, ...]


def quota_cost(counts: Sequence[int]) -> int:
    """Vectors visited by :func:`quota_counts` (all types)."""
    full = 1
    for m in counts:
        full *= m + 1
    cost = full
    for m in counts:
        cost += full // (m + 1)
    return cost


def quota_counts(
    weights: Sequence[int],
    counts: Sequence[int],
    quota: int,
    *,
    need_ss: bool,
    need_winning: bool,
) -> tuple[list[int], list[int], int | None]:
    """Swings and Shapley-Shubik numerators (over ``n!``) per type, and winning coalitions.

    ``weights[t]`` and ``counts[t]`` describe type ``t``; the game is
    ``[quota; weights]`` with ``counts[t]`` players of weight ``weights[t]``.
    """
    if len(weights) <= 2:
        swings, ss = two_types(weights, counts, quota, need_ss)
    else:
        swings, ss = _many_types(weights, counts, quota, need_ss)
    won = winning(weights, counts, quota) if need_winning else None
    return swings, ss, won


def two_types(
    weights: Sequence[int], counts: Sequence[int], quota: int, need_ss: bool
) -> tuple[list[int], list[int]]:
    """:func:`quota_counts` for one or two types (the Council games), loops without misses.

    For type ``i`` (weight ``c``, ``m_i`` players) and ``k_j`` players of the
    other type (weight ``w``): ``r = k_j w`` must be below the quota, and the
    one qualifying ``k = (q - 1 - r) // c`` at most ``m_i - 1``, i.e.
    ``r > q - 1 - m_i c``; only those ``k_j`` are visited.
    """
    if len(weights) == 1:
        sw, num = _one_type(weights[0], counts[0] - 1, 0, 0, quota, counts[0] - 1, need_ss)
        return [sw], [num]
    (a, b), (ma, mb) = weights, counts
    last = ma + mb - 1
    sa, na = _one_type(a, ma - 1, b, mb, quota, last, need_ss)
    sb, nb = _one_type(b, mb - 1, a, ma, quota, last, need_ss)
    return [sa, sb], [na, nb]


def _one_type(
    c: int, top: int, w: int, m: int, quota: int, last: int, need_ss: bool
) -> tuple[int, int]:
    """Swings (and numerator) of a player of weight ``c`` in a game of two types.

    ``top`` other players have weight ``c``, ``m`` players weight ``w``;
    ``last`` is the largest coalition size.
    """
    if c == 0:
        return 0, 0
    qm1 = quota - 1
    if w:
        first = (qm1 - (top + 1) * c) // w + 1
        stop = qm1 // w + 1
        kjs = range(first if first > 0 else 0, stop if stop <= m else m + 1)
    elif qm1 // c > top:
        return 0, 0  # the others' weight never changes, and own players cannot swing
    else:
        kjs = range(m + 1)
    comb = math.comb
    total = 0
    if not need_ss:
        for kj in kjs:
            total += comb(m, kj) * comb(top, (qm1 - kj * w) // c)
        return total, 0
    fact = math.factorial
    weighted = 0
    for kj in kjs:
        k = (qm1 - kj * w) // c
        cnt = comb(m, kj) * comb(top, k)
        total += cnt
        weighted += cnt * fact(k + kj) * fact(last - k - kj)
    return total, weighted


def _many_types(
    weights: Sequence[int], counts: Sequence[int], quota: int, need_ss: bool
) -> tuple[list[int], list[int]]:
    n = sum(counts)
    types = len(weights)
    fact = _factorials(n) if need_ss else []
    rows = [_binomials(m) for m in counts]
    swings = [0] * types
    ss = [0] * types
    for i in range(types):
        c = weights[i]
        if c == 0:
            continue
        # (weight, size, multiplicity) of every vector of the other types below the quota
        entries: list[tuple[int, int, int]] = [(0, 0, 1)]
        for t in range(types):
            if t == i:
                continue
            w = weights[t]
            row = rows[t]
            grown: list[tuple[int, int, int]] = []
            for r, s, mult in entries:
                rr = r
                for k, b in enumerate(row):
                    if rr >= quota:
                        break
                    grown.append((rr, s + k, mult * b))
                    rr += w
            entries = grown
        top = counts[i] - 1
        own = _binomials(top)
        total = 0
        weighted = 0
        for r, s, mult in entries:
            k = (quota - 1 - r) // c
            if k <= top:
                cnt = mult * own[k]
                total += cnt
                if need_ss:
                    size = s + k
                    weighted += cnt * fact[size] * fact[n - 1 - size]
        swings[i] = total
        ss[i] = weighted
    return swings, ss


def winning(weights: Sequence[int], counts: Sequence[int], quota: int) -> int:
    """Coalitions whose weight reaches the quota."""
    rows = [_binomials(m) for m in counts]
    types = len(weights)
    last = types - 1
    after = [sum(counts[t:]) for t in range(types + 1)]
    suffix = [0] * (counts[last] + 2)  # suffix[k] = sum_{j >= k} C(m_last, j)
    for k in range(counts[last], -1, -1):
        suffix[k] = suffix[k + 1] + rows[last][k]
    total = 0
    stack: list[tuple[int, int, int]] = [(0, 0, 1)]  # (next type, weight, multiplicity)
    while stack:
        t, r, mult = stack.pop()
        if r >= quota:
            total += mult << after[t]
            continue
        w = weights[t]
        if t == last:
            if w:
                need = -((r - quota) // w)  # ceil((quota - r) / w)
                if need <= counts[t]:
                    total += mult * suffix[need]
            continue
        for k, b in enumerate(rows[t]):
            stack.append((t + 1, r + k * w, mult * b))
    return total


def _binomials(m: int) -> list[int]:
    row = [1] * (m + 1)
    for k in range(1, m + 1):
        row[k] = row[k - 1] * (m - k + 1) // k
    return row


def _factorials(n: int) -> list[int]:
    out = [1] * (n + 1)
    for k in range(1, n + 1):
        out[k] = out[k - 1] * k
    return out


def rule_cost(counts: Sequence[int]) -> int:
    """Vectors visited by :func:`rule_counts`."""
    return math.prod(m + 1 for m in counts) * (len(counts) + 1)


def rule_counts(
    columns: Sequence[Key],
    counts: Sequence[int],
    quotas: Sequence[int],
    tree: Tree,
    *,
    need_ss: bool,
    need_winning: bool,
) -> tuple[list[int], list[int], int | None]:
    """Swings, Shapley-Shubik numerators (over ``n!``) per type and winning coalitions.

    Any AND/OR of quotas: ``columns[t]`` holds type ``t``'s weight in each
    clause. The winning vectors are tabulated once (numpy), then each type's
    swing vectors are those ``k`` with ``k + e_i`` winning and ``k`` losing.
    """
    n = sum(counts)
    shape = tuple(m + 1 for m in counts)
    grid = np.indices(shape, dtype=np.int64).reshape(len(counts), -1)
    weights = np.asarray(columns, dtype=np.int64)  # (types, clauses)
    sums = weights.T @ grid  # (clauses, vectors)
    sat = [sums[j] >= q for j, q in enumerate(quotas)]
    win = np.asarray(evaluate(tree, sat), dtype=bool)
    if win.shape == ():
        win = np.full(grid.shape[1], bool(win))
    table = win.reshape(shape)
    fact = _factorials(n) if need_ss else []
    rows = [_binomials(m) for m in counts]
    swings = [0] * len(counts)
    ss = [0] * len(counts)
    for i, m in enumerate(counts):
        hi = np.take(table, range(1, m + 1), axis=i)
        lo = np.take(table, range(m), axis=i)
        for vec in zip(*np.nonzero(hi & ~lo), strict=True):
            mult = 1
            for t, k in enumerate(vec):
                mult *= math.comb(m - 1, int(k)) if t == i else rows[t][int(k)]
            swings[i] += mult
            if need_ss:
                size = int(sum(vec))
                ss[i] += mult * fact[size] * fact[n - 1 - size]
    winning = None
    if need_winning:
        winning = 0
        for vec in zip(*np.nonzero(table), strict=True):
            mult = 1
            for t, k in enumerate(vec):
                mult *= rows[t][int(k)]
            winning += mult
    return swings, ss, winning
