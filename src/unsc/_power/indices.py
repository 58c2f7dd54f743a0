"""Exact power indices of simple games.

Shapley-Shubik, Banzhaf (normalised and absolute, i.e. Penrose) and Coleman's
power of the collectivity to act. Every index follows from *swings*: a
coalition ``S`` without player ``i`` such that ``S`` loses and ``S + i`` wins.
Players with the same weights have the same power, so everything is computed
once per *type* (weight column) and shared.

The algorithms live in private modules, chosen by cost:

* ``_player_types``: few types (the Council games: two) -- multinomial counting over
  how many players of each type a coalition holds;
* ``_modular``: weighted games ``[q; w]`` -- the 0/1 knapsack of coalition
  counts by weight (and by size for Shapley-Shubik) in numpy int64, or modulo
  primes below ``2^31`` with Chinese remaindering beyond 62 players;
* ``_shapley_float``: Shapley-Shubik of large weighted games in float64 by Owen's
  multilinear extension and Gauss-Legendre quadrature (exact up to rounding);
* ``_composite`` and ``_large_clause``: AND/OR of quotas -- capped dynamic
  programme, a walk over the two halves of the players for one clause of
  large weights (``eu27``), enumeration, meet in the middle.

Results are cached per process (a bounded table keyed by the immutable game,
the indices and ``exact``); :func:`clear_cache` empties it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

from unsc._errors import InputError
from unsc._power.games import Game, Quota, compile_rule

Value = Fraction | float
Key = Hashable
"""A player type: its weight (single quota) or its column of clause weights."""


class Index(enum.StrEnum):
    """The power indices :func:`power_indices` computes."""

    SHAPLEY_SHUBIK = "ss"
    BANZHAF = "bz"
    COLEMAN = "coleman"


ALL_INDICES: tuple[Index, ...] = (Index.SHAPLEY_SHUBIK, Index.BANZHAF, Index.COLEMAN)


_BIT = {index.value: 1 << i for i, index in enumerate(ALL_INDICES)}
_BY_MASK = {
    mask: tuple(index for i, index in enumerate(ALL_INDICES) if mask >> i & 1)
    for mask in range(1, 1 << len(ALL_INDICES))
}


_ALL = (1 << len(ALL_INDICES)) - 1
_MASKS = {
    spelling: mask
    for mask, indices in _BY_MASK.items()
    for spelling in (",".join(i.value for i in indices), ", ".join(i.value for i in indices))
}
"""Canonical spellings (a constant table; anything else is parsed)."""


def parse_indices(text: str | Iterable[str | Index]) -> tuple[Index, ...]:
    """Read ``"ss,bz,coleman"`` (or a sequence) into indices, in canonical order."""
    return _BY_MASK[_index_mask(text)]


def _index_mask(text: str | Iterable[str | Index]) -> int:
    items = text.split(",") if isinstance(text, str) else text
    mask = 0
    for item in items:
        key = str(item).strip().lower()
        if not key:
            continue
        bit = _BIT.get(key)
        if bit is None:
            raise InputError(
                f"unknown power index {item!r}",
                hint="use ss (Shapley-Shubik), bz (Banzhaf) or coleman",
            )
        mask |= bit
    if not mask:
        raise InputError("no power index requested", hint="use ss, bz and/or coleman")
    return mask


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

    :func:`power_indices` builds ``players`` on first access (one
    :class:`PlayerPower` per player, values shared by players of equal
    weights); :meth:`column` reads the values without building them.
    """

    game: str
    players: tuple[PlayerPower, ...]
    power_to_act: Fraction | None
    exact_shapley_shubik: bool
    _lazy: _Lazy | None = field(default=None, repr=False, compare=False)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> object:
            # only reached for an unset slot: ``players`` of a lazily built result
            if name != "players":
                raise AttributeError(name)
            lazy = self._lazy
            if lazy is None:
                raise AttributeError(name)
            players = lazy.players()
            _SET_PLAYERS(self, players)
            return players

    def to_dict(self) -> dict[str, object]:
        """The ``unsc power --json`` shape."""
        out: dict[str, object] = {
            "game": self.game,
            "players": [p.to_dict() for p in self.players],
        }
        if self.power_to_act is not None:
            out["power_to_act"] = float(self.power_to_act)
        return out

    def column(self, index: Index, *, absolute: bool = False) -> list[float]:
        """One index for every player, as floats.

        ``banzhaf`` is normalised, or with ``absolute=True`` the absolute
        (Penrose) measure. Equal values are converted once.
        """
        if index is Index.BANZHAF:
            attr = "banzhaf_absolute" if absolute else "banzhaf"
        elif index is Index.SHAPLEY_SHUBIK:
            attr = "shapley_shubik"
        else:
            raise InputError(f"no per-player column for {index.value!r}")
        lazy = self._lazy
        if lazy is not None:  # the same floats as float() of the fractions
            return lazy.column(attr)
        seen: dict[int, float] = {}
        out: list[float] = []
        for p in self.players:
            value = getattr(p, attr)
            f = seen.get(id(value))
            if f is None:
                f = seen[id(value)] = float(value) if value is not None else math.nan
            out.append(f)
        return out


class _Lazy:
    """Per-type raw values of a result, from which players and columns are built."""

    __slots__ = ("codes", "exact_ss", "keys", "ss", "swings", "total", "want_bz", "want_ss")

    def __init__(
        self,
        codes: tuple[str, ...],
        keys: Sequence[Key],
        swings: dict[Key, int],
        ss: dict[Key, Value | int],
        want_ss: bool,
        want_bz: bool,
        exact_ss: bool,
    ) -> None:
        self.codes = codes
        self.keys = keys  # the type of each player
        self.swings = swings  # type -> swings of one player of that type
        self.ss = ss  # type -> Shapley-Shubik numerator over n! (int), or float value
        self.want_ss = want_ss
        self.want_bz = want_bz
        self.exact_ss = exact_ss
        self.total = -1  # all swings, on demand

    def _total(self) -> int:
        if self.total < 0:
            swings = self.swings
            total = 0
            for k in self.keys:
                total += swings[k]
            self.total = total
        return self.total

    def players(self) -> tuple[PlayerPower, ...]:
        n = len(self.codes)
        nfact = math.factorial(n)
        half = 1 << (n - 1)
        total = self._total() if self.want_bz else 0
        by_key: dict[Key, tuple[Value | None, Fraction | None, Fraction | None, int | None]] = {}
        for key in dict.fromkeys(self.keys):
            value: Value | None = None
            if self.want_ss:
                raw = self.ss[key]
                value = Fraction(cast(int, raw), nfact) if self.exact_ss else float(raw)
            if self.want_bz:
                s = self.swings[key]
                by_key[key] = (
                    value,
                    Fraction(s, total) if total else Fraction(0),
                    Fraction(s, half),
                    s,
                )
            else:
                by_key[key] = (value, None, None, None)
        new = object.__new__
        set_code, set_ss, set_bz, set_abs, set_swings = _SETTERS
        out = []
        for code, key in zip(self.codes, self.keys, strict=True):
            a, b, c, d = by_key[key]
            p = new(PlayerPower)
            set_code(p, code)
            set_ss(p, a)
            set_bz(p, b)
            set_abs(p, c)
            set_swings(p, d)
            out.append(p)
        return tuple(out)

    def column(self, attr: str) -> list[float]:
        """Floats of one attribute: int / int is correctly rounded, as float(Fraction) is."""
        n = len(self.codes)
        values: dict[Key, float]
        if attr == "shapley_shubik":
            if not self.want_ss:
                return [math.nan] * n
            if self.exact_ss:
                nfact = math.factorial(n)
                values = {}
                for k, v in self.ss.items():
                    values[k] = cast(int, v) / nfact
            else:
                values = {k: float(v) for k, v in self.ss.items()}
        elif not self.want_bz:
            return [math.nan] * n
        elif attr == "banzhaf_absolute":
            half = 1 << (n - 1)
            values = {}
            for k, v in self.swings.items():
                values[k] = v / half
        else:
            total = self._total()
            values = {k: v / total if total else 0.0 for k, v in self.swings.items()}
        return list(map(values.__getitem__, self.keys))


_SETTERS = tuple(
    cast(Any, PlayerPower.__dict__[f]).__set__
    for f in ("code", "shapley_shubik", "banzhaf", "banzhaf_absolute", "swings")
)
_SET_PLAYERS = cast(Any, PowerResult.__dict__["players"]).__set__
_RESULT_SETTERS = tuple(
    cast(Any, PowerResult.__dict__[f]).__set__
    for f in ("game", "power_to_act", "exact_shapley_shubik", "_lazy")
)


_CACHE: dict[tuple[object, ...], PowerResult] = {}
_CACHE_SIZE = 64


def clear_cache() -> None:
    """Forget cached results (and the cached quadrature nodes and primes)."""
    from unsc._power import _modular, _shapley_float

    _CACHE.clear()
    _shapley_float.clear_cache()
    _modular.primes.cache_clear()


def power_indices(
    game: Game,
    indices: str | Iterable[str | Index] = ALL_INDICES,
    *,
    exact: bool | None = None,
) -> PowerResult:
    """Compute power indices of ``game``.

    ``exact=None`` computes Shapley-Shubik exactly when that is affordable
    (about 120 players for weighted games with weights up to 100; always for
    compositions and games with few player types) and in float64 otherwise;
    ``exact=True`` insists on exact fractions, ``False`` on the float64
    quadrature (weighted games only). Results are cached per process.

    >>> from unsc._power import Game
    >>> r = power_indices(Game.weighted([7] * 5 + [1] * 10, 39), "ss")
    >>> r.players[0].shapley_shubik, r.players[5].shapley_shubik
    (Fraction(421, 2145), Fraction(4, 2145))
    """
    if indices is ALL_INDICES:
        mask: int | None = _ALL
    else:
        mask = _MASKS.get(indices) if type(indices) is str else None
    if mask is None:
        mask = _index_mask(indices)
    rule = game.rule
    # results depend on the name, players and rule only (not on title, source, clause names)
    key: tuple[object, ...]
    if type(rule) is Quota:
        key = (game.name, game.players, rule.weights, rule.quota, mask, exact)
    else:
        key = (game.name, game.players, rule, mask, exact)
    try:
        hit = _CACHE.get(key)
    except TypeError:  # a game built with lists: not hashable, not cached
        return _compute(game, mask, exact)
    if hit is None:
        hit = _compute(game, mask, exact)
        if len(_CACHE) >= _CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]
        _CACHE[key] = hit
    return hit


# --- dispatch --------------------------------------------------------------------

_TYPED_COST = 20_000
_TABLE_CELLS = 1 << 24
_EXACT_SS_COST = 10**8
_FLOAT_WIDTH = 1 << 19
"""Largest weight range of the float64 quadrature's distributions (16 rows at a time)."""


_SS = 1 << ALL_INDICES.index(Index.SHAPLEY_SHUBIK)
_BZ = 1 << ALL_INDICES.index(Index.BANZHAF)
_WIN = 1 << ALL_INDICES.index(Index.COLEMAN)


def _compute(game: Game, mask: int, exact: bool | None) -> PowerResult:
    # The kernels (NumPy, numba) load on the first computation, not with the module, so
    # that listing games or parsing index names starts fast.
    from unsc._power import _composite, _player_types

    need_ss = bool(mask & _SS)
    need_bz = bool(mask & _BZ)
    need_win = bool(mask & _WIN)
    rule = game.rule
    keys: Sequence[Key]
    if type(rule) is Quota:
        keys = weights = rule.weights  # a player's type is its weight
        classes = set(weights)
        if len(classes) <= 2 and not (need_ss and exact is False):
            # the Council games: the shortest path, kept free of overhead
            order = sorted(classes)
            counts = list(map(weights.count, order))
            sw2, num2 = _player_types.two_types(order, counts, rule.quota, need_ss)
            swings = dict(zip(cast("list[Key]", order), sw2))  # noqa: B905 (same lengths)
            ss = dict(zip(cast("list[Key]", order), cast("list[Value | int]", num2)))  # noqa: B905
            winning = _player_types.winning(order, counts, rule.quota) if need_win else None
            exact_ss = True
        else:
            swings, ss, winning, exact_ss = _weighted(
                weights, rule.quota, need_ss, need_bz, need_win, exact
            )
    else:
        clauses, tree = compile_rule(rule)
        columns = list(zip(*(c.weights for c in clauses), strict=True))
        keys = columns
        scaled, quotas = _scaled(clauses)
        scaled_cols = list(zip(*scaled, strict=True))
        sw, num, winning = _composite.composite_counts(
            scaled_cols, quotas, tree, need_swings=need_ss or need_bz, need_winning=need_win
        )
        # dividing a clause by the gcd of its weights maps distinct columns to distinct ones
        back = dict(zip(scaled_cols, columns, strict=True))
        swings = {back[k]: v for k, v in sw.items()}
        ss = {back[k]: v for k, v in num.items()}
        exact_ss = True
    lazy = _Lazy(game.players, keys, swings, ss, need_ss, need_bz, exact_ss)
    result: PowerResult = object.__new__(PowerResult)
    set_game, set_power, set_exact, set_lazy = _RESULT_SETTERS
    set_game(result, game.name)
    set_power(result, Fraction(winning, 1 << game.n) if need_win and winning is not None else None)
    set_exact(result, exact_ss)
    set_lazy(result, lazy)
    return result


def _scaled(clauses: Sequence[Quota]) -> tuple[list[tuple[int, ...]], tuple[int, ...]]:
    """Each clause divided by the gcd of its weights (quota rounded up): the same game."""
    weights = []
    quotas = []
    for c in clauses:
        g = math.gcd(*c.weights) or 1
        weights.append(tuple(w // g for w in c.weights))
        quotas.append(-(-c.quota // g))
    return weights, tuple(quotas)


def _weighted(
    weights: Sequence[int],
    quota: int,
    need_ss: bool,
    need_bz: bool,
    need_win: bool,
    exact: bool | None,
) -> tuple[dict[Key, int], dict[Key, Value | int], int | None, bool]:
    """Swings, Shapley-Shubik numerators over ``n!`` (or float values), winning coalitions.

    Keyed by weight.
    """
    from unsc._power import _composite, _large_clause, _modular, _player_types, _shapley_float

    n = len(weights)
    classes = sorted(set(weights))
    counts = [weights.count(c) for c in classes]
    if (len(classes) <= 2 or _player_types.quota_cost(counts) <= _TYPED_COST) and not (
        need_ss and exact is False
    ):
        sw, num, winning = _player_types.quota_counts(
            classes, counts, quota, need_ss=need_ss, need_winning=need_win
        )
        return (
            dict(zip(classes, sw, strict=True)),
            dict(zip(classes, num, strict=True)),
            winning,
            True,
        )
    g = math.gcd(*weights) or 1
    if g > 1:  # the same game in smaller numbers
        weights = [w // g for w in weights]
        quota = -(-quota // g)
        classes = [c // g for c in classes]
    swings: dict[Key, int] = {}
    ss: dict[Key, Value | int] = {}
    mods = _modular.moduli(n + 1)
    width = max(1, len(mods))
    # cost of the exact routes: the walk over two halves of the players (one state per
    # size), the knapsack by weight (Banzhaf), by size and weight (Shapley-Shubik)
    walk = (1 << (n - n // 2)) * (n + 1) * 20 if n <= _large_clause.MAX_PLAYERS else math.inf
    knapsack = n * quota * width if quota * width <= _TABLE_CELLS else math.inf
    sizes = _modular.size_bound(weights, quota) + 1
    table2d = _modular.ss_cost(weights, quota) if sizes * quota <= _TABLE_CELLS else math.inf
    want_exact = exact is True or (exact is None and min(walk, table2d) <= _EXACT_SS_COST)
    if need_ss and not want_exact and max(quota, sum(weights) - quota + 1) > _FLOAT_WIDTH:
        if walk == math.inf and table2d == math.inf:
            raise InputError(
                f"this weighted game of {n} players and quota {quota} is too large for "
                "Shapley-Shubik values",
                hint="smaller weights (they are divided by their common divisor)",
            )
        want_exact = True  # distributions over millions of weights: count exactly instead
    if need_ss and want_exact:
        use_walk = walk <= table2d
    else:
        use_walk = (need_bz or need_win) and walk < knapsack
    if use_walk or (knapsack == math.inf and (need_bz or need_win)):
        # populations and the like: count as a composition (exact)
        sw2, num2, winning = _composite.composite_counts(
            [(w,) for w in weights],
            (quota,),
            0,
            need_swings=need_ss or need_bz,
            need_winning=need_win,
        )
        swings = {k[0] * g: v for k, v in sw2.items()}
        if not need_ss or want_exact or exact is None:  # the walk counts by size: exact
            return swings, {k[0] * g: v for k, v in num2.items()}, winning, True
        need_bz = need_win = False
    winning = None
    if need_bz or need_win:
        table = _modular.weight_counts(weights, quota, mods)
        if need_bz:
            by_weight = _modular.swings_by_weight(table, quota, classes, mods)
            swings = {c * g: v for c, v in by_weight.items()}
        if need_win:
            winning = (1 << n) - _modular.count_below(table, mods)
    exact_ss = True
    if need_ss:
        if want_exact:
            if table2d == math.inf:
                raise InputError(
                    f"this weighted game of {n} players and quota {quota} is too large for "
                    "exact Shapley-Shubik values",
                    hint="use exact=False (float64) or smaller weights",
                )
            numerators = _modular.ss_numerators(weights, quota, classes)
            ss = {c * g: v for c, v in numerators.items()}
        else:
            exact_ss = False
            values = _shapley_float.ss_float(weights, quota, classes)
            ss = {c * g: v for c, v in values.items()}
    return swings, ss, winning, exact_ss
