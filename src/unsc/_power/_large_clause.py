"""Exact swings of compositions with one clause of large weights (populations).

Clauses other than the large one have small quotas: a coalition's *state* is
its size and its sums in those clauses capped at their quotas (for ``eu27``
the state is just the size: 28 states). For a fixed state the rule is either
lost, won, or won exactly when the large clause is (AND/OR of quotas are
monotone), so only thresholds on the large sum ``P`` matter.

The players are split into a front half and a back half. The back half's
subsets are grouped by state and sorted by ``P``. For every subset ``a`` of
the front half, ``N(a, k)`` counts the back subsets of state ``k`` with
``P >= Q - P(a)`` (binary search). Walking the front players backwards,
``N`` for "the players after ``j``" follows from ``N`` for "the players
after ``j + 1``" by one vector addition per subset of the players before
``j``: the subsets of ``players[:j+1]`` are those of ``players[:j]`` and the
same with player ``j`` added. At each step the swings of player ``j`` by
coalition size are read off: a coalition ``S`` of the others is the front
subset ``a`` before ``j`` plus a subset ``r`` of the players after ``j``; it
swings when ``S + j`` wins and ``S`` loses, and both counts are in ``N`` (or
are all or none of the ``r`` of a state). Then the halves swap roles.

Cost: ``2^(n/2)`` front subsets times the number of states, plus sorting
``2^(n/2)`` back subsets; ``eu27`` takes a few milliseconds instead of the
``2^27`` coalitions. Counts are float64, exact below ``2^53`` (n <= 40 here).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unsc._power.games import Tree, evaluate

State = tuple[int, ...]
Float = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

MAX_PLAYERS = 40
MAX_STATES = 256
_MAX_CELLS = 1 << 23


def states(cols: Sequence[tuple[int, ...]], caps: Sequence[int], big: int) -> list[State] | None:
    """Reachable states ``(size, capped small sums...)``, or ``None`` when too many."""
    small = [j for j in range(len(caps)) if j != big]
    empty: State = (0, *(0 for _ in small))
    seen = {empty}
    for col in cols:
        seen |= {
            (st[0] + 1, *(min(v + col[j], caps[j]) for v, j in zip(st[1:], small, strict=True)))
            for st in seen
        }
        if len(seen) > MAX_STATES:
            return None
    return sorted(seen)


def affordable(n: int, count: int) -> bool:
    """Whether the walk fits in memory for ``n`` players and ``count`` states."""
    return n <= MAX_PLAYERS and (1 << (n - n // 2)) * count <= _MAX_CELLS


def swings_by_size(
    cols: Sequence[tuple[int, ...]],
    quotas: Sequence[int],
    tree: Tree,
    big: int,
    all_states: list[State],
) -> tuple[list[list[int]], int]:
    """Swings of every player by coalition size (of the others), and winning coalitions."""
    n = len(cols)
    game = _Game(cols, quotas, tree, big, all_states)
    out: list[list[int]] = [[0] * n for _ in range(n)]
    h = n // 2
    order = list(range(n))
    winning = game.walk(order[:h], order[h:], out)
    if n - h:
        game.walk(order[h:], order[:h], out)
    return out, winning


class _Game:
    def __init__(
        self,
        cols: Sequence[tuple[int, ...]],
        quotas: Sequence[int],
        tree: Tree,
        big: int,
        all_states: list[State],
    ) -> None:
        self.n = len(cols)
        self.quota = quotas[big]
        self.big = np.asarray([c[big] for c in cols], dtype=np.int64)
        small = [j for j in range(len(quotas)) if j != big]
        caps = [quotas[j] for j in small]
        index = {st: i for i, st in enumerate(all_states)}
        count = len(all_states)
        self.count = count
        self.size = np.asarray([st[0] for st in all_states], dtype=np.int64)
        # state of each player alone, and the state of two disjoint coalitions together
        self.single = [
            index[(1, *(min(c[j], cap) for j, cap in zip(small, caps, strict=True)))] for c in cols
        ]
        # combine every pair of states at once: sums of the small clauses capped, sizes added
        table = np.asarray(all_states, dtype=np.int64)  # (states, 1 + small clauses)
        pair = table[:, None, :] + table[None, :, :]
        if caps:
            np.minimum(pair[:, :, 1:], np.asarray(caps, dtype=np.int64), out=pair[:, :, 1:])
        radix = np.asarray([self.n + 2, *(cap + 1 for cap in caps)], dtype=np.int64)
        weights = [*np.cumprod(radix[::-1])[::-1][1:].tolist(), 1]
        place = np.asarray(weights, dtype=np.int64)
        codes = table @ place  # states are sorted, and so are their codes
        pair_codes = pair @ place
        found = np.searchsorted(codes, pair_codes)
        found = np.minimum(found, count - 1)
        comb = np.where(codes[found] == pair_codes, found, -1)
        self.comb = comb
        # 0: lost whatever the large clause, 1: won when the large clause is, 2: won
        kind = np.zeros(count + 1, dtype=np.int64)  # kind[-1] = 0 for impossible states
        for i, st in enumerate(all_states):
            sat = [False] * len(quotas)
            for j, v, cap in zip(small, st[1:], caps, strict=True):
                sat[j] = v >= cap
            won_without = bool(evaluate(tree, sat))
            sat[big] = True
            won_with = bool(evaluate(tree, sat))
            kind[i] = 2 if won_without else (1 if won_with else 0)
        self.kind = kind
        self.kind_of_comb = kind[comb]  # (states, states)
        self.empty = index[(0, *(0 for _ in small))]
        self._move_cache: dict[int, tuple[Any, Any] | None] = {}

    def _subsets(self, players: Sequence[int]) -> tuple[Ints, Ints]:
        """Large sums and states of every subset, subsets of ``players[:j]`` first."""
        sums = np.zeros(1, dtype=np.int64)
        st = np.full(1, self.empty, dtype=np.int64)
        for p in players:
            sums = np.concatenate([sums, sums + self.big[p]])
            st = np.concatenate([st, self.comb[st, self.single[p]]])
        return sums, st

    def walk(self, front: Sequence[int], back: Sequence[int], out: list[list[int]]) -> int:
        """Add the swings of the ``front`` players to ``out``; return the winning coalitions."""
        count = self.count
        bsums, bst = self._subsets(back)
        order = np.lexsort((bsums, bst))
        bsums, bst = bsums[order], bst[order]
        bounds = np.searchsorted(bst, np.arange(count + 1))
        fsums, fst = self._subsets(front)
        need = self.quota - fsums
        reach = np.zeros((len(fsums), count))  # N: back subsets of each state reaching Q
        total = np.zeros(count)  # M: back subsets of each state
        for k in range(count):
            lo, hi = int(bounds[k]), int(bounds[k + 1])
            if lo == hi:
                continue
            total[k] = hi - lo
            reach[:, k] = (hi - lo) - np.searchsorted(bsums[lo:hi], need, side="left")
        for j in range(len(front) - 1, -1, -1):
            half = 1 << j
            p = front[j]
            self._player(p, fst[:half], reach, total, out[p])
            reach = self._add_player(reach[:half], reach[half:], p)
            total = self._add_player(total[None, :].copy(), total[None, :], p)[0]
        won = (self.kind[:count] == 2) * total + (self.kind[:count] == 1) * reach[0]
        return int(won.sum())

    def _moves(self, p: int) -> tuple[Any, Any] | None:
        """Source and destination states of adding player ``p`` (slices when contiguous)."""
        single = self.single[p]
        if single not in self._move_cache:
            targets = self.comb[:, single]
            src = np.flatnonzero(targets >= 0)
            dest = targets[src]
            move: tuple[Any, Any] | None = None
            if len(np.unique(dest)) == len(dest):
                move = (src, dest)
                if len(src) and np.all(np.diff(src) == 1) and np.all(np.diff(dest) == 1):
                    move = (
                        slice(int(src[0]), int(src[-1]) + 1),
                        slice(int(dest[0]), int(dest[-1]) + 1),
                    )
            self._move_cache[single] = move
        return self._move_cache[single]

    def _add_player(self, base: Float, moved: Float, p: int) -> Float:
        """``base`` plus ``moved`` with each state ``k`` carried to ``k + {p}`` (in ``base``).

        Column by column (no BLAS: a threaded matrix product is slow on a busy machine).
        """
        move = self._moves(p)
        if move is not None:
            src, dest = move
            base[:, dest] += moved[:, src]
            return base
        targets = self.comb[:, self.single[p]]
        for k in np.flatnonzero(targets >= 0):
            base[:, targets[k]] += moved[:, k]
        return base

    def _player(
        self,
        p: int,
        without: Ints,
        reach: Float,
        total: Float,
        out: list[int],
    ) -> None:
        half = len(without)
        count = self.count
        # group the front subsets a by state: reach summed per (state of a, state of r)
        cells = (without[:, None] * count + np.arange(count)[None, :]).ravel()
        r0 = np.bincount(cells, weights=reach[:half].ravel(), minlength=count * count)
        r1 = np.bincount(cells, weights=reach[half:].ravel(), minlength=count * count)
        many = np.bincount(without, minlength=count).astype(np.float64)[:, None]
        r0, r1 = r0.reshape(count, count), r1.reshape(count, count)
        kind0 = self.kind_of_comb  # (state of a, state of r): S = a + r
        plus = self.comb[:, self.single[p]]  # state of a + p (-1: no such a)
        kind1 = np.where(plus[:, None] >= 0, self.kind_of_comb[plus], 0)  # S + p
        every = many * total[None, :]
        won1 = np.where(kind1 == 2, every, np.where(kind1 == 1, r1, 0.0))
        won0 = np.where(kind0 == 2, every, np.where(kind0 == 1, r0, 0.0))
        size = self.size[:, None] + self.size[None, :]  # |S| = |a| + |r|
        # float64 sums of integers below 2^53 are exact
        by_size = np.bincount(size.ravel(), weights=(won1 - won0).ravel(), minlength=self.n)
        for s in range(self.n):
            out[s] += int(by_size[s])
