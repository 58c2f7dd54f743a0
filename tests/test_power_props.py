"""Property tests of the power indices (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from test_power_brute import brute
from unsc._power import Game, power_indices


@st.composite
def weighted_games(draw: st.DrawFn, max_players: int = 9) -> Game:
    weights = draw(st.lists(st.integers(0, 15), min_size=1, max_size=max_players))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return Game.weighted(weights, quota)


@settings(max_examples=150, deadline=None)
@given(weighted_games())
def test_efficiency(game: Game) -> None:
    """Shapley-Shubik values add up to 1; normalised Banzhaf too, when anyone swings."""
    result = power_indices(game)
    assert sum(p.shapley_shubik or 0 for p in result.players) == 1
    assert sum(p.banzhaf or 0 for p in result.players) == 1


@settings(max_examples=150, deadline=None)
@given(weighted_games())
def test_symmetry_and_monotonicity(game: Game) -> None:
    """Equal weights give equal power; more weight never gives less."""
    weights = game.rule.weights  # type: ignore[union-attr]
    result = power_indices(game)
    for i, a in enumerate(result.players):
        for j, b in enumerate(result.players):
            if weights[i] == weights[j]:
                assert _values(a) == _values(b)
            if weights[i] >= weights[j]:
                assert (a.shapley_shubik or 0) >= (b.shapley_shubik or 0)
                assert (a.swings or 0) >= (b.swings or 0)


def _values(p: object) -> tuple[object, ...]:
    return tuple(getattr(p, f) for f in ("shapley_shubik", "banzhaf", "banzhaf_absolute", "swings"))


@settings(max_examples=150, deadline=None)
@given(weighted_games())
def test_null_player(game: Game) -> None:
    """A player who never swings (e.g. weight 0) has no power at all."""
    result = power_indices(game)
    _, swings, _ = brute(game)
    for p, s in zip(result.players, swings, strict=True):
        if s == 0:
            assert p.shapley_shubik == 0
            assert p.banzhaf == 0
    weights = game.rule.weights  # type: ignore[union-attr]
    for p, w in zip(result.players, weights, strict=True):
        if w == 0:
            assert p.swings == 0


@settings(max_examples=100, deadline=None)
@given(weighted_games(max_players=8))
def test_agrees_with_brute_force(game: Game) -> None:
    ss, swings, winning = brute(game)
    result = power_indices(game)
    assert [p.shapley_shubik for p in result.players] == ss
    assert [p.swings for p in result.players] == swings
    assert result.power_to_act == Fraction(winning, 2**game.n)
