"""Exact power indices of AND/OR compositions of quotas, by counting coalitions by size.

For a player ``i`` the coalitions ``S`` of the others that win with ``i`` are
counted with the quotas lowered by ``i``'s weights, those that win without
``i`` with the quotas as they are; the difference, size by size, gives
``i``'s swings. The counts come from, in order of preference:

* a multinomial count over player types when there are few (``_player_types``);
* a dynamic programme over clause sums capped at their quotas, when that state
  space is small;
* with one clause of large weights (populations) and small other clauses, the
  walk of ``_large_clause`` (all players at once);
* full enumeration up to 20 players;
* meet in the middle up to 44 players.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from unsc._errors import InputError
from unsc._power import _large_clause, _player_types
from unsc._power.games import Tree, evaluate

Key = tuple[int, ...]
_TYPED_COST = 50_000
_DP_STATES = 200_000
_ENUMERATE_MAX = 20
_MITM_MAX = 44


def _slots(packed: int, count: int, bits: int) -> list[int]:
    """Unpack ``count`` coefficients of ``bits`` bits (a multiple of 8)."""
    step = bits // 8
    raw = packed.to_bytes(count * step, "little")
    return [int.from_bytes(raw[i : i + step], "little") for i in range(0, count * step, step)]


def composite_counts(
    cols: Sequence[Key],
    quotas: tuple[int, ...],
    tree: Tree,
    *,
    need_swings: bool,
    need_winning: bool,
) -> tuple[dict[Key, int], dict[Key, int], int | None]:
    """Swings and Shapley-Shubik numerators (over ``n!``) per column, winning coalitions."""
    n = len(cols)
    keys = list(dict.fromkeys(cols))
    counts = [cols.count(k) for k in keys]
    swings: dict[Key, int] = {}
    ss: dict[Key, int] = {}
    if _player_types.rule_cost(counts) <= _TYPED_COST:
        sw, num, winning = _player_types.rule_counts(
            keys, counts, quotas, tree, need_ss=need_swings, need_winning=need_winning
        )
        return dict(zip(keys, sw, strict=True)), dict(zip(keys, num, strict=True)), winning
    caps = tuple(max(q, 0) for q in quotas)
    if math.prod(c + 1 for c in caps) > _DP_STATES:
        big = max(range(len(caps)), key=lambda i: caps[i])
        found = _large_clause.states(cols, caps, big)
        if found is not None and _large_clause.affordable(n, len(found)):
            per_player, win = _large_clause.swings_by_size(cols, quotas, tree, big, found)
            factor = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
            for i, key in enumerate(cols):
                if key not in swings:
                    swings[key] = sum(per_player[i])
                    ss[key] = sum(k * f for k, f in zip(per_player[i], factor, strict=True))
            return swings, ss, win if need_winning else None
    if need_swings:
        factor = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
        for key in keys:
            others = list(cols)
            others.remove(key)
            lowered = tuple(q - w for q, w in zip(quotas, key, strict=True))
            plus = count_by_size(others, lowered, tree)
            minus = count_by_size(others, quotas, tree)
            by_size = [p - m for p, m in zip(plus, minus, strict=True)]
            swings[key] = sum(by_size)
            ss[key] = sum(k * f for k, f in zip(by_size, factor, strict=False))
    winning = sum(count_by_size(cols, quotas, tree)) if need_winning else None
    return swings, ss, winning


def count_by_size(
    cols: Sequence[tuple[int, ...]], quotas: tuple[int, ...], tree: Tree
) -> list[int]:
    """Winning coalitions of each size (0..n) of players with clause weights ``cols``."""
    n = len(cols)
    caps = tuple(max(q, 0) for q in quotas)
    if math.prod(c + 1 for c in caps) <= _DP_STATES:
        return _count_dp(cols, quotas, caps, tree)
    if n <= _ENUMERATE_MAX:
        return _count_enumerate(cols, quotas, tree)
    big = max(range(len(caps)), key=lambda i: caps[i])
    small = math.prod(c + 1 for i, c in enumerate(caps) if i != big)
    if n <= _MITM_MAX and small * (n + 1) <= _DP_STATES:
        return _count_mitm(cols, quotas, caps, big, tree)
    raise InputError(
        f"this game of {n} players is too large for exact power indices",
        hint="a composition may have one clause with large weights and up to "
        f"{_MITM_MAX} players, or any clauses and up to {_ENUMERATE_MAX} players",
    )


def _count_dp(
    cols: Sequence[tuple[int, ...]], quotas: tuple[int, ...], caps: tuple[int, ...], tree: Tree
) -> list[int]:
    n = len(cols)
    bits = (n + 8) // 8 * 8
    states: dict[tuple[int, ...], int] = {tuple(0 for _ in caps): 1}
    for col in cols:
        new = dict(states)
        for st, val in states.items():
            nxt = tuple(min(s + w, c) for s, w, c in zip(st, col, caps, strict=True))
            new[nxt] = new.get(nxt, 0) + (val << bits)
        states = new
    total = sum(
        v
        for st, v in states.items()
        if evaluate(tree, [s >= q for s, q in zip(st, quotas, strict=True)])
    )
    return _slots(total, n + 1, bits)


def _subsets(
    cols: Sequence[tuple[int, ...]], m: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Clause sums (m x 2^k) and sizes of every subset of ``cols``."""
    sums = np.zeros((m, 1), dtype=np.int64)
    sizes = np.zeros(1, dtype=np.int64)
    for col in cols:
        vec = np.asarray(col, dtype=np.int64)[:, None]
        sums = np.concatenate([sums, sums + vec], axis=1)
        sizes = np.concatenate([sizes, sizes + 1])
    return sums, sizes


def _count_enumerate(
    cols: Sequence[tuple[int, ...]], quotas: tuple[int, ...], tree: Tree
) -> list[int]:
    sums, sizes = _subsets(cols, len(quotas))
    sat = [sums[i] >= q for i, q in enumerate(quotas)]
    win = np.asarray(evaluate(tree, sat), dtype=bool)
    if win.shape == ():
        win = np.full(sizes.shape, bool(win))
    counts = np.bincount(sizes[win], minlength=len(cols) + 1)
    return [int(v) for v in counts]


def _count_mitm(
    cols: Sequence[tuple[int, ...]],
    quotas: tuple[int, ...],
    caps: tuple[int, ...],
    big: int,
    tree: Tree,
) -> list[int]:
    """Meet in the middle: enumerate each half, match on the one large clause."""
    n = len(cols)
    m = len(quotas)
    halves = (cols[: n // 2], cols[n // 2 :])
    small = [i for i in range(m) if i != big]
    groups = []
    for half in halves:
        sums, sizes = _subsets(half, m)
        key = sizes.copy()
        for i in small:
            key = key * (caps[i] + 1) + np.minimum(sums[i], caps[i])
        order = np.lexsort((sums[big], key))
        key, bigs = key[order], sums[big][order]
        uniq, start = np.unique(key, return_index=True)
        bounds = [*start.tolist(), len(key)]
        decoded = []
        for j, k in enumerate(uniq.tolist()):
            state = []
            for i in reversed(small):
                k, s = divmod(k, caps[i] + 1)
                state.append(s)
            decoded.append((k, tuple(reversed(state)), bigs[bounds[j] : bounds[j + 1]]))
        groups.append(decoded)
    out = [0] * (n + 1)
    for size1, st1, big1 in groups[0]:
        for size2, st2, big2 in groups[1]:
            sat: list[bool] = [False] * m
            for i, s1, s2 in zip(small, st1, st2, strict=True):
                sat[i] = min(s1 + s2, caps[i]) >= quotas[i]
            sat[big] = True
            if not evaluate(tree, sat):
                continue
            sat[big] = False
            if evaluate(tree, sat):
                out[size1 + size2] += len(big1) * len(big2)
                continue
            idx = np.searchsorted(big2, quotas[big] - big1, side="left")
            out[size1 + size2] += int(len(big2) * len(big1) - int(idx.sum()))
    return out
