"""Exact power indices of simple games.

Shapley-Shubik, Banzhaf (normalised and absolute, i.e. Penrose) and Coleman's
power of the collectivity to act. Every index follows from *swings*: a
coalition ``S`` without player ``i`` such that ``S`` loses and ``S + i`` wins.

Weighted games ``[q; w]`` use generating functions. The number of coalitions
of each weight, ``prod_i (1 + z^w_i)``, is computed exactly with Python
integers by Kronecker substitution: the polynomial is packed into one integer
with ``B`` bits per coefficient, and a player is added as ``P + (P << w*B)``.
Swings of a player of weight ``c`` are the coefficients of
``P / (1 + z^c)`` on ``[q - c, q)``; the division is the alternating sum
``sum_k (-1)^k P[x - k c]``, read off prefix sums. Shapley-Shubik also needs
the coalition size: exactly, a second packed variable ``y`` marks each player
(``P + (P << w*S + B)``), affordable up to about 100 players. Beyond that it
is computed in float64 from Owen's multilinear extension,
``phi_i = integral_0^1 Pr_t[q - c <= w(S_t) < q] dt`` with ``S_t`` a random
coalition holding each other player with probability ``t``: the integrand is a
polynomial of degree ``n - 1`` in ``t``, so Gauss-Legendre quadrature with
``n/2`` nodes is exact up to rounding (measured error below 1e-13, see
docs/power.md).

Compositions (AND/OR of quotas) count winning coalitions by size: a dynamic
programme over capped clause sums when that state space is small, a
meet-in-the-middle count when one clause has large weights (populations),
or full enumeration for up to 20 players.
"""

from __future__ import annotations

import enum
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from unsc._errors import InputError
from unsc._power.games import Game, Tree, compile_rule, evaluate

Value = Fraction | float


class Index(enum.StrEnum):
    """The power indices :func:`power_indices` computes."""

    SHAPLEY_SHUBIK = "ss"
    BANZHAF = "bz"
    COLEMAN = "coleman"


ALL_INDICES: tuple[Index, ...] = (Index.SHAPLEY_SHUBIK, Index.BANZHAF, Index.COLEMAN)


def parse_indices(text: str | Iterable[str | Index]) -> tuple[Index, ...]:
    """Read ``"ss,bz,coleman"`` (or a sequence) into indices, in canonical order."""
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted: set[Index] = set()
    for item in items:
        key = str(item).strip().lower()
        if not key:
            continue
        try:
            wanted.add(Index(key))
        except ValueError:
            raise InputError(
                f"unknown power index {item!r}",
                hint="use ss (Shapley-Shubik), bz (Banzhaf) or coleman",
            ) from None
    if not wanted:
        raise InputError("no power index requested", hint="use ss, bz and/or coleman")
    return tuple(i for i in ALL_INDICES if i in wanted)


@dataclass(frozen=True, slots=True)
class PlayerPower:
    """One player's power: ``None`` for an index that was not requested."""

    code: str
    shapley_shubik: Value | None = None
    banzhaf: Fraction | None = None
    banzhaf_absolute: Fraction | None = None
    swings: int | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (floats)."""
        out: dict[str, object] = {"code": self.code}
        if self.shapley_shubik is not None:
            out["shapley_shubik"] = float(self.shapley_shubik)
        if self.banzhaf is not None:
            out["banzhaf"] = float(self.banzhaf)
        if self.banzhaf_absolute is not None:
            out["banzhaf_absolute"] = float(self.banzhaf_absolute)
        if self.swings is not None:
            out["swings"] = self.swings
        return out


@dataclass(frozen=True, slots=True)
class PowerResult:
    """Power indices of every player of a game.

    ``shapley_shubik`` values are :class:`~fractions.Fraction` when
    ``exact_shapley_shubik`` is true, floats otherwise. Banzhaf values and
    ``power_to_act`` (Coleman) are always exact fractions.
    """

    game: str
    players: tuple[PlayerPower, ...]
    power_to_act: Fraction | None
    exact_shapley_shubik: bool

    def to_dict(self) -> dict[str, object]:
        """The ``unsc power --json`` shape."""
        out: dict[str, object] = {
            "game": self.game,
            "players": [p.to_dict() for p in self.players],
        }
        if self.power_to_act is not None:
            out["power_to_act"] = float(self.power_to_act)
        return out

    def column(self, index: Index) -> list[float]:
        """One index for every player, as floats (``banzhaf`` is normalised)."""
        attr = {Index.SHAPLEY_SHUBIK: "shapley_shubik", Index.BANZHAF: "banzhaf"}[index]
        return [float(getattr(p, attr)) for p in self.players]


def power_indices(
    game: Game,
    indices: str | Iterable[str | Index] = ALL_INDICES,
    *,
    exact: bool | None = None,
) -> PowerResult:
    """Compute power indices of ``game``.

    ``exact=None`` computes Shapley-Shubik exactly when that is affordable
    (about 100 players for weighted games; always for compositions) and in
    float64 otherwise; ``exact=True`` insists on exact fractions, ``False`` on
    the float64 quadrature (weighted games only).

    >>> from unsc._power import Game
    >>> r = power_indices(Game.weighted([7] * 5 + [1] * 10, 39), "ss")
    >>> r.players[0].shapley_shubik, r.players[5].shapley_shubik
    (Fraction(421, 2145), Fraction(4, 2145))
    """
    wanted = parse_indices(indices)
    qw = game.quota_weights
    if qw is not None and _weighted_affordable(qw[0], qw[1]):
        swings, by_size, winning, exact_ss = _weighted(qw[0], qw[1], wanted, exact)
    else:
        swings, by_size, winning = _composite(game, wanted)
        exact_ss = True
    return _assemble(game, wanted, swings, by_size, winning, exact_ss)


def _assemble(
    game: Game,
    wanted: tuple[Index, ...],
    swings: dict[tuple[int, ...], int],
    ss: dict[tuple[int, ...], Value],
    winning: int | None,
    exact_ss: bool,
) -> PowerResult:
    n = game.n
    clauses, _ = compile_rule(game.rule)
    keys = [tuple(c.weights[i] for c in clauses) for i in range(n)]
    bz = Index.BANZHAF in wanted
    total = sum(swings[k] for k in keys) if bz else 0
    half = 2 ** (n - 1)
    by_key: dict[tuple[int, ...], tuple[Value | None, Fraction | None, Fraction | None]] = {}
    for key in set(keys):
        by_key[key] = (
            ss[key] if Index.SHAPLEY_SHUBIK in wanted else None,
            (Fraction(swings[key], total) if total else Fraction(0)) if bz else None,
            Fraction(swings[key], half) if bz else None,
        )
    players = tuple(
        PlayerPower(code, *by_key[key], swings=swings[key] if bz else None)
        for code, key in zip(game.players, keys, strict=True)
    )
    power = Fraction(winning, 2**n) if winning is not None and Index.COLEMAN in wanted else None
    return PowerResult(game.name, players, power, exact_ss)


# --- weighted games ------------------------------------------------------------

_MAX_PACKED_BITS = 1 << 31
_EXACT_SS_BIT_OPS = 4 * 10**9


def _weighted_affordable(weights: Sequence[int], quota: int) -> bool:
    return quota * (len(weights) + 1) <= _MAX_PACKED_BITS


def _ss_exact_cost(n: int, quota: int) -> int:
    return n * quota * (n + 1) * (n + 1)


def _slots(packed: int, count: int, bits: int) -> list[int]:
    """Unpack ``count`` coefficients of ``bits`` bits (a multiple of 8)."""
    step = bits // 8
    raw = packed.to_bytes(count * step, "little")
    return [int.from_bytes(raw[i : i + step], "little") for i in range(0, count * step, step)]


def _prefix(values: list[int]) -> list[int]:
    out = [0] * (len(values) + 1)
    acc = 0
    for i, v in enumerate(values):
        acc += v
        out[i + 1] = acc
    return out


def _window(
    prefix: list[int], quota: int, c: int, terms: int | None = None, limit: int = -1
) -> int:
    """Sum of ``P / (1 + u z^c)`` over ``[quota - c, quota)``, from the prefix sums of ``P``.

    The division is the alternating series ``sum_k (-u)^k P[x - k c]``; ``u``
    is 1, or with ``terms`` the packed size variable ``y = 1 << terms``
    (coefficients of ``P`` are then packed polynomials in ``y``), and the
    series stops after ``limit`` terms (the caller reduces modulo ``y^limit``).
    """
    total = 0
    k = 0
    hi = quota
    while hi > 0 and k != limit:
        term = prefix[hi] - prefix[max(0, hi - c)]
        if terms is not None:
            term <<= k * terms
        total += -term if k & 1 else term
        k += 1
        hi -= c
    return total


def _weighted(
    weights: Sequence[int],
    quota: int,
    wanted: tuple[Index, ...],
    exact: bool | None,
) -> tuple[dict[tuple[int, ...], int], dict[tuple[int, ...], Value], int | None, bool]:
    n = len(weights)
    classes = Counter(weights)
    swings: dict[tuple[int, ...], int] = {}
    ss: dict[tuple[int, ...], Value] = {}
    winning: int | None = None
    if Index.BANZHAF in wanted or Index.COLEMAN in wanted:
        bits = (n + 8) // 8 * 8
        mask = (1 << (quota * bits)) - 1
        packed = 1
        for w in weights:
            if w < quota:
                packed = (packed + (packed << (w * bits))) & mask
        prefix = _prefix(_slots(packed, quota, bits))
        winning = 2**n - prefix[quota]
        for c in classes:
            swings[(c,)] = _window(prefix, quota, c) if c else 0
    exact_ss = True
    if Index.SHAPLEY_SHUBIK in wanted:
        if exact is None:
            exact = _ss_exact_cost(n, quota) <= _EXACT_SS_BIT_OPS
        values: dict[int, Fraction] | dict[int, float]
        if exact:
            values = _ss_weighted_exact(weights, quota, classes)
        else:
            exact_ss = False
            values = _ss_weighted_float(weights, quota, classes)
        ss.update({(c,): v for c, v in values.items()})
    return swings, ss, winning, exact_ss


def _ss_weighted_exact(
    weights: Sequence[int], quota: int, classes: Counter[int]
) -> dict[int, Fraction]:
    """Exact Shapley-Shubik values by class of weight (bivariate Kronecker packing)."""
    n = len(weights)
    bits = (n + 8) // 8 * 8  # one coefficient (a count <= 2^n) per size
    slot = (n + 1) * bits  # one polynomial in y per weight
    mask = (1 << (quota * slot)) - 1
    packed = 1
    for w in weights:
        if w < quota:
            packed = (packed + (packed << (w * slot + bits))) & mask
    prefix = _prefix(_slots(packed, quota, slot))
    ymask = (1 << (n * bits)) - 1
    factor = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
    out: dict[int, Fraction] = {}
    nfact = math.factorial(n)
    for c in classes:
        if c == 0:
            out[c] = Fraction(0)
            continue
        by_size = _slots(_window(prefix, quota, c, bits, n) & ymask, n, bits)
        out[c] = Fraction(sum(k * f for k, f in zip(by_size, factor, strict=True)), nfact)
    return out


def gauss_legendre(count: int) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The ``count`` (even) Gauss-Legendre nodes in ``(0, 1/2)`` on ``[0, 1]`` and their weights.

    Newton's method on the Legendre three-term recurrence; the other half of
    the nodes are ``1 - t`` with the same weights.
    """
    half = count // 2
    k = np.arange(1, half + 1, dtype=np.float64)
    x = np.cos(np.pi * (k - 0.25) / (count + 0.5))
    dp = np.ones_like(x)
    for _ in range(100):
        p0 = np.ones_like(x)
        p1 = x.copy()
        for j in range(2, count + 1):
            p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        dp = count * (x * p1 - p0) / (x * x - 1)
        step = p1 / dp
        x = x - step
        if float(np.max(np.abs(step))) < 1e-16:
            break
    p0 = np.ones_like(x)
    p1 = x.copy()
    for j in range(2, count + 1):
        p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
    dp = count * (x * p1 - p0) / (x * x - 1)
    w = 2.0 / ((1 - x * x) * dp * dp)
    return (1 - x) / 2, w / 2


_BLOCK = 16


def _forward(
    t: npt.NDArray[np.float64], classes: list[tuple[int, int]], width: int
) -> npt.NDArray[np.float64]:
    """``Pr_t[w(S_t) = x]`` for ``x < width`` and each node ``t`` (rows), all players."""
    rows = len(t)
    a = (1 - t)[:, None]
    b = t[:, None]
    prob = np.zeros((rows, width))
    prob[:, 0] = 1.0
    out = np.empty_like(prob)
    tmp = np.empty_like(prob)
    for c, m in classes:
        if c >= width:
            prob *= a**m
            continue
        np.multiply(prob, a**m, out=out)
        for k in range(1, m + 1):
            s = k * c
            if s >= width:
                break
            coef = math.comb(m, k) * a ** (m - k) * b**k
            np.multiply(prob[:, : width - s], coef, out=tmp[:, : width - s])
            np.add(out[:, s:], tmp[:, : width - s], out=out[:, s:])
        prob, out = out, prob
    return prob


def _ss_weighted_float(
    weights: Sequence[int], quota: int, classes: Counter[int]
) -> dict[int, float]:
    """Shapley-Shubik values by class of weight, float64 Gauss-Legendre quadrature."""
    n = len(weights)
    total = sum(weights)
    count = n // 2 + 1
    count += count % 2
    t, wt = gauss_legendre(count)
    width = max(quota, total - quota + 1)
    items = sorted(classes.items())
    prob = np.vstack([_forward(t[i : i + _BLOCK], items, width) for i in range(0, len(t), _BLOCK)])
    cum = np.zeros((len(t), width + 1), dtype=np.longdouble)
    np.cumsum(prob, axis=1, dtype=np.longdouble, out=cum[:, 1:])
    ratio = -(t / (1 - t))
    powers = ratio[:, None] ** np.arange(width + 1)[None, :]
    out: dict[int, float] = {}
    for c in classes:
        if c == 0:
            out[c] = 0.0
            continue
        value = np.zeros_like(t)
        # window [quota - c, quota) at t, and at 1 - t by complement: [W - q - c + 1, W - q]
        for top in (quota, total - quota + 1):
            steps = np.arange((top - 1) // c + 1)
            hi = np.clip(top - steps * c, 0, width)
            lo = np.clip(top - c - steps * c, 0, width)
            win = (cum[:, hi] - cum[:, lo]).astype(np.float64)
            value += (win * powers[:, : len(steps)]).sum(axis=1)
        out[c] = float((wt * value / (1 - t)).sum())
    return out


# --- compositions ----------------------------------------------------------------

_DP_STATES = 200_000
_ENUMERATE_MAX = 20
_MITM_MAX = 44


def _composite(
    game: Game, wanted: tuple[Index, ...]
) -> tuple[dict[tuple[int, ...], int], dict[tuple[int, ...], Value], int | None]:
    clauses, tree = compile_rule(game.rule)
    quotas = tuple(c.quota for c in clauses)
    cols = [tuple(c.weights[i] for c in clauses) for i in range(game.n)]
    n = game.n
    swings: dict[tuple[int, ...], int] = {}
    ss: dict[tuple[int, ...], Value] = {}
    if Index.BANZHAF in wanted or Index.SHAPLEY_SHUBIK in wanted:
        factor = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
        for key in dict.fromkeys(cols):
            others = list(cols)
            others.remove(key)
            lowered = tuple(q - w for q, w in zip(quotas, key, strict=True))
            plus = count_by_size(others, lowered, tree)
            minus = count_by_size(others, quotas, tree)
            by_size = [p - m for p, m in zip(plus, minus, strict=True)]
            swings[key] = sum(by_size)
            ss[key] = Fraction(
                sum(k * f for k, f in zip(by_size, factor, strict=False)), math.factorial(n)
            )
    winning = sum(count_by_size(cols, quotas, tree)) if Index.COLEMAN in wanted else None
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
