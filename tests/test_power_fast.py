"""The fast paths of the power indices agree exactly with brute force and with each other."""

from __future__ import annotations

import math
import random
import sys
import types
from fractions import Fraction
from unittest import mock

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from test_power_brute import brute
from unsc._power import (
    AllOf,
    AnyOf,
    Game,
    Index,
    Quota,
    _large_clause,
    _modular,
    _player_types,
    builtin_game,
    builtin_games,
)
from unsc._power._composite import _count_enumerate
from unsc._power.games import compile_rule
from unsc._power.indices import clear_cache, power_indices


@st.composite
def typed_games(draw: st.DrawFn) -> tuple[list[int], list[int], int]:
    """A weighted game of up to three types (distinct weights, weight 0 allowed)."""
    types = draw(st.integers(1, 3))
    weights = draw(st.lists(st.integers(0, 9), min_size=types, max_size=types, unique=True))
    counts = draw(st.lists(st.integers(1, 4), min_size=types, max_size=types))
    total = sum(w * m for w, m in zip(weights, counts, strict=True))
    if total == 0:
        weights[0], total = 1, counts[0]
    return weights, counts, draw(st.integers(1, total))


@settings(max_examples=200, deadline=None)
@given(typed_games())
def test_multinomial_counting_matches_brute_force(spec: tuple[list[int], list[int], int]) -> None:
    weights, counts, quota = spec
    players = [w for w, m in zip(weights, counts, strict=True) for _ in range(m)]
    ss, swings, winning = brute(Game.weighted(players, quota))
    got_swings, got_ss, got_winning = _player_types.quota_counts(
        weights, counts, quota, need_ss=True, need_winning=True
    )
    nfact = math.factorial(len(players))
    for t, w in enumerate(weights):
        i = players.index(w)
        assert got_swings[t] == swings[i]
        assert Fraction(got_ss[t], nfact) == ss[i]
    assert got_winning == winning


@st.composite
def small_compositions(draw: st.DrawFn, max_players: int = 8, big: bool = False) -> Game:
    n = draw(st.integers(2, max_players))
    clauses = []
    for j in range(3):
        top = 10**6 if big and j == 1 else 3
        w = tuple(draw(st.lists(st.integers(0, top), min_size=n, max_size=n)))
        if sum(w) == 0:
            w = (1, *w[1:])
        clauses.append(Quota(w, draw(st.integers(1, sum(w)))))
    shape = draw(st.integers(0, 2))
    rule = (
        AnyOf((AllOf((clauses[0], clauses[1])), clauses[2]))
        if shape == 0
        else AllOf((clauses[0], AnyOf((clauses[1], clauses[2]))))
        if shape == 1
        else AllOf(tuple(clauses))
    )
    return Game("c", tuple(f"P{i}" for i in range(n)), rule)


def _check_against_brute(game: Game) -> None:
    ss, swings, winning = brute(game)
    clear_cache()
    result = power_indices(game)
    assert [p.shapley_shubik for p in result.players] == ss
    assert [p.swings for p in result.players] == swings
    assert result.power_to_act == Fraction(winning, 2**game.n)


@settings(max_examples=120, deadline=None)
@given(small_compositions())
def test_compositions_match_brute_force(game: Game) -> None:
    """Few types take the multinomial path, others the DP / walk / enumeration."""
    _check_against_brute(game)


@settings(max_examples=80, deadline=None)
@given(small_compositions(max_players=9, big=True))
def test_walk_over_halves_matches_brute_force(game: Game) -> None:
    """One clause of large weights: the walk of ``_large_clause`` (and enumeration) agree."""
    clauses, tree = compile_rule(game.rule)
    quotas = tuple(c.quota for c in clauses)
    cols = [tuple(c.weights[i] for c in clauses) for i in range(game.n)]
    found = _large_clause.states(cols, quotas, 1)
    assume(found is not None)
    assert found is not None
    per_player, winning = _large_clause.swings_by_size(cols, quotas, tree, 1, found)
    ss, swings, brute_winning = brute(game)
    assert [sum(s) for s in per_player] == swings
    assert winning == brute_winning
    nfact = math.factorial(game.n)
    factor = [math.factorial(s) * math.factorial(game.n - 1 - s) for s in range(game.n)]
    for i, by_size in enumerate(per_player):
        assert Fraction(sum(k * f for k, f in zip(by_size, factor, strict=True)), nfact) == ss[i]
    _check_against_brute(game)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=9), st.data())
def test_residues_and_crt_match_brute_force(weights: list[int], data: st.DataObject) -> None:
    """The modular knapsacks (forced onto three primes) recover the exact counts."""
    if sum(weights) == 0:
        weights[0] = 1
    quota = data.draw(st.integers(1, sum(weights)))
    ss, swings, winning = brute(Game.weighted(weights, quota))
    classes = sorted(set(weights))
    n = len(weights)
    for mods in ((), _modular.primes(3)):
        table = _modular.weight_counts(weights, quota, mods)
        by_weight = _modular.swings_by_weight(table, quota, classes, mods)
        assert [by_weight[w] for w in weights] == swings
        assert 2**n - _modular.count_below(table, mods) == winning
        for numpy_route in (True, False):  # the residues by numpy, or by the kernels
            with mock.patch.object(_modular, "_numpy_affordable", lambda *_, r=numpy_route: r):
                numerators = _modular.ss_numerators(weights, quota, classes, mods)
            assert [Fraction(numerators[w], math.factorial(n)) for w in weights] == ss


@pytest.mark.parametrize("seed", [100, 7])
def test_numpy_residues_equal_the_kernels_on_a_random_100_player_game(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The two routes to the residues give the same exact numerators (weights 1-100)."""
    rng = random.Random(seed)
    weights = [rng.randint(1, 100) for _ in range(100)]
    quota = sum(weights) // 2 + 1
    classes = sorted(set(weights))
    results = []
    for numpy_route in (True, False):
        monkeypatch.setattr(_modular, "_numpy_affordable", lambda *_, r=numpy_route: r)
        results.append(_modular.ss_numerators(weights, quota, classes))
    assert results[0] == results[1]
    assert sum(results[0][w] for w in weights) == math.factorial(100)  # efficiency


def test_numpy_route_chosen_only_while_numba_is_not_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weights = [1 + i % 97 for i in range(100)]
    mods = _modular.moduli(100)
    sizes = _modular.size_bound(weights, 2500) + 1
    monkeypatch.delitem(sys.modules, "numba", raising=False)
    assert _modular._numpy_affordable(weights, 2500, sizes, mods)
    assert not _modular._numpy_affordable(weights * 5, 12500, sizes * 5, mods * 2)
    monkeypatch.setitem(sys.modules, "numba", types.ModuleType("numba"))
    assert not _modular._numpy_affordable(weights, 2500, sizes, mods)


def test_crt_reconstructs_large_values() -> None:
    rng = random.Random(1)
    mods = _modular.primes(5)
    values = [rng.randrange(math.prod(mods)) for _ in range(50)]
    residues = np.asarray([[v % p for p in mods] for v in values], dtype=np.int64)
    assert _modular.crt(residues, mods) == values


@pytest.fixture(params=["numpy", "kernels"])
def modular_route(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Beyond 62 players: the residues built by numpy, or by the compiled kernels."""
    route: str = request.param
    monkeypatch.setattr(_modular, "_numpy_affordable", lambda *_: route == "numpy")
    return route


@pytest.mark.parametrize("n", [63, 80])
def test_modular_path_matches_multinomial_path(n: int, modular_route: str) -> None:
    """Beyond 62 players counts exceed int64: the CRT path agrees with exact counting."""
    weights = [3] * (n // 3) + [1] * (n - n // 3)
    quota = sum(weights) // 2 + 1
    classes = [1, 3]
    counts = [weights.count(1), weights.count(3)]
    swings, num, winning = _player_types.quota_counts(
        classes, counts, quota, need_ss=True, need_winning=True
    )
    mods = _modular.moduli(n + 1)
    assert mods
    table = _modular.weight_counts(weights, quota, mods)
    assert _modular.swings_by_weight(table, quota, classes, mods) == dict(
        zip(classes, swings, strict=True)
    )
    assert 2**n - _modular.count_below(table, mods) == winning
    assert _modular.ss_numerators(weights, quota, classes) == dict(zip(classes, num, strict=True))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_compiled_kernels_match_their_python_bodies_and_int64_counts(seed: int) -> None:
    """The numba loops, their plain Python bodies and the int64 table agree modulo a prime.

    A block of the wavefront is 16 players, so 40 players cross two block
    boundaries; weight 0 and a weight above the quota are included.
    """
    from unsc._power import _kernels

    rng = random.Random(seed)
    weights = [rng.randint(0, 12) for _ in range(40)] + [500]
    quota = sum(weights[:-1]) // 2 + 1
    sizes = _modular.size_bound(weights, quota) + 1
    classes = sorted({w for w in weights if w})
    heaviest = np.asarray(sorted((w for w in weights if w < quota), reverse=True), dtype=np.int64)
    cls = np.asarray(classes, dtype=np.int64)
    p = _modular.primes(1)[0]
    exact = _modular._size_weight_table(_modular._plan(weights, quota, sizes), quota, sizes)
    compiled = _kernels.size_weight_table(heaviest, quota, sizes, p)
    plain = _kernels.size_weight_table.py_func(heaviest, quota, sizes, p)  # type: ignore[attr-defined]
    assert (compiled.astype(np.int64) == exact[:, :, 0] % p).all()
    assert (plain == compiled).all()
    expected = _modular._ss_counts(exact, quota, classes)[:, :, 0] % p
    assert (_kernels.swings_by_size(compiled, quota, cls, p) == expected).all()
    assert (_kernels.swings_by_size.py_func(plain, quota, cls, p) == expected).all()  # type: ignore[attr-defined]
    dst = np.asarray([p - 1, 5, 0], dtype=np.uint32)
    _kernels.add_mod.py_func(dst, np.asarray([3, p - 6, 0], dtype=np.uint32), np.uint32(p))  # type: ignore[attr-defined]
    assert dst.tolist() == [2, p - 1, 0]


@pytest.mark.parametrize("n", [90, 130])
def test_float_quadrature_within_1e12_of_exact(n: int) -> None:
    """The float64 path (nodes skipped by the Chernoff bound, series cut) stays exact to 1e-12."""
    rng = random.Random(n)
    weights = [rng.randint(1, 100) for _ in range(n)]
    game = Game.weighted(weights, sum(weights) // 2 + 1)
    exact = power_indices(game, "ss", exact=True)
    approx = power_indices(game, "ss", exact=False)
    assert exact.exact_shapley_shubik
    assert not approx.exact_shapley_shubik
    assert sum(p.shapley_shubik or 0 for p in exact.players) == 1
    worst = max(
        abs(float(e.shapley_shubik or 0) - float(a.shapley_shubik or 0))
        for e, a in zip(exact.players, approx.players, strict=True)
    )
    assert worst <= 1e-12


def test_weights_with_a_common_divisor() -> None:
    """Dividing by the gcd of the weights is exact (quota rounded up)."""
    rng = random.Random(4)
    weights = [rng.randint(1, 30) * 7 for _ in range(40)]
    quota = sum(weights) // 2 + 3
    scaled = [w // 7 for w in weights]
    a = power_indices(Game.weighted(weights, quota))
    b = power_indices(Game.weighted(scaled, -(-quota // 7)))
    assert [p.swings for p in a.players] == [p.swings for p in b.players]
    assert [p.shapley_shubik for p in a.players] == [p.shapley_shubik for p in b.players]


def test_results_are_cached_and_clearable() -> None:
    clear_cache()
    game = builtin_game("council-1966")
    first = power_indices(game, "ss,bz")
    assert power_indices(game, "bz,ss") is first  # same indices, any spelling
    assert power_indices(Game.weighted([7] * 5 + [1] * 10, 39), "ss") is not first
    clear_cache()
    again = power_indices(game, "ss,bz")
    assert again is not first
    assert again == first


def test_unhashable_games_are_computed_uncached() -> None:
    game = Game("g", ("A", "B", "C"), Quota([2, 1, 1], 3))  # type: ignore[arg-type]
    assert power_indices(game, "bz").players[0].swings == 3


def test_columns_match_the_fractions() -> None:
    """Columns read without building players equal float() of the exact values."""
    for game in builtin_games().values():
        clear_cache()
        result = power_indices(game)
        ss = result.column(Index.SHAPLEY_SHUBIK)
        bz = result.column(Index.BANZHAF)
        bz_abs = result.column(Index.BANZHAF, absolute=True)
        assert ss == [float(p.shapley_shubik or 0) for p in result.players]
        assert bz == [float(p.banzhaf or 0) for p in result.players]
        assert bz_abs == [float(p.banzhaf_absolute or 0) for p in result.players]
        assert result.column(Index.SHAPLEY_SHUBIK) == ss  # after the players are built
    only_bz = power_indices(builtin_game("eu27"), "bz")
    assert all(math.isnan(v) for v in only_bz.column(Index.SHAPLEY_SHUBIK))


def test_lazy_results_behave_like_dataclasses() -> None:
    clear_cache()
    a = power_indices(builtin_game("council-1946"))
    clear_cache()
    b = power_indices(builtin_game("council-1946"))
    assert a == b
    assert hash(a) == hash(b)
    assert repr(a).startswith("PowerResult(game='council-1946', players=(PlayerPower(code='CHN'")
    assert a.players[0].shapley_shubik == Fraction(76, 385)


def test_population_game_with_floats_requested_is_counted_exactly() -> None:
    """Weights in the millions: no float64 distributions, the exact walk instead."""
    eu = builtin_game("eu27")
    pop = compile_rule(eu.rule)[0][1]
    game = Game("pop", eu.players, pop)
    result = power_indices(game, "ss", exact=False)
    assert result.exact_shapley_shubik
    assert sum(p.shapley_shubik or 0 for p in result.players) == 1


def test_eu27_matches_meet_in_the_middle() -> None:
    """The walk over halves agrees with the previous meet-in-the-middle count."""
    from unsc._power._composite import _count_mitm

    game = builtin_game("eu27")
    clauses, tree = compile_rule(game.rule)
    quotas = tuple(c.quota for c in clauses)
    cols = [tuple(c.weights[i] for c in clauses) for i in range(game.n)]
    result = power_indices(game, "bz,coleman")
    assert result.power_to_act == Fraction(sum(_count_mitm(cols, quotas, quotas, 1, tree)), 2**27)
    key = cols[0]
    others = cols[1:]
    lowered = tuple(q - w for q, w in zip(quotas, key, strict=True))
    plus = _count_mitm(others, lowered, tuple(max(q, 0) for q in lowered), 1, tree)
    minus = _count_mitm(others, quotas, quotas, 1, tree)
    assert result.players[0].swings == sum(plus) - sum(minus)
    small = [(1, c[1] % 50, 1) for c in cols[:12]]
    assert sum(_count_enumerate(small, (8, 200, 12), tree)) > 0
