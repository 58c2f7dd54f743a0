"""Power indices: known values, agreement with brute force, every algorithm path."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from test_power_brute import brute
from unsc._errors import InputError
from unsc._power import AllOf, AnyOf, Game, Index, Quota, builtin_game, builtin_games
from unsc._power import power_indices as pi
from unsc._power._composite import _count_dp, _count_enumerate, _count_mitm
from unsc._power._shapley_float import gauss_legendre
from unsc._power.indices import parse_indices

P5 = ("CHN", "FRA", "GBR", "RUS", "USA")


def test_council_1966_known_values() -> None:
    """Shapley-Shubik 0.19627 per permanent and 0.00186 per elected member."""
    result = pi(builtin_game("council-1966"))
    ss = {p.code: p.shapley_shubik for p in result.players}
    assert ss["USA"] == Fraction(421, 2145)
    assert ss["E01"] == Fraction(4, 2145)
    assert round(float(ss["USA"] or 0), 5) == 0.19627
    assert round(float(ss["E10"] or 0), 5) == 0.00186
    assert result.players[0].swings == 848
    assert result.players[-1].swings == 84
    assert result.power_to_act == Fraction(53, 2048)


def test_council_1946_known_values() -> None:
    result = pi(builtin_game("council-1946"))
    assert result.players[0].shapley_shubik == Fraction(76, 385)
    assert result.players[-1].shapley_shubik == Fraction(1, 462)


def test_council_games_use_seat_codes() -> None:
    assert builtin_game("council-1966").players == (*P5, *(f"E{i:02d}" for i in range(1, 11)))
    p5_1946 = tuple("SUN" if code == "RUS" else code for code in P5)  # the USSR's years
    assert builtin_game("council-1946").players == (*p5_1946, *(f"E{i:02d}" for i in range(1, 7)))


@pytest.mark.parametrize(
    ("name", "size", "votes"),
    [("council-1946", 11, 7), ("council-1966", 15, 9), ("reform-g4-2005", 25, 14)],
)
def test_weighted_form_is_the_charter_rule(name: str, size: int, votes: int) -> None:
    """The single quota wins exactly with the votes needed and all five permanent members."""
    game = builtin_game(name)
    assert game.n == size
    elected = range(5, size)
    for k in range(size - 5 + 1):
        for missing in range(0, 3):
            coalition = [*range(5 - missing), *list(elected)[:k]]
            expected = missing == 0 and len(coalition) >= votes
            assert game.wins(coalition) is expected, (k, missing)


def test_double_veto_needs_two_permanent_no() -> None:
    game = builtin_game("reform-double-veto")
    assert game.wins([0, 1, 2, 3, *range(5, 10)])  # four permanent, nine votes
    assert not game.wins([0, 1, 2, *range(5, 11)])  # two permanent against
    assert not game.wins([0, 1, 2, 3, 4, 5, 6, 7])  # eight votes


def test_eu27_rule() -> None:
    game = builtin_game("eu27")
    assert game.n == 27
    by_pop = list(game.players)  # the CSV lists members by population, largest first
    assert game.wins(by_pop[:15])  # 15 largest: > 65 %
    assert not game.wins(by_pop[-15:])  # 15 smallest: far below 65 %
    assert game.wins(by_pop[3:])  # 24 members: fewer than 4 against
    assert not game.wins(by_pop[4:])  # 23 members without the 4 largest: < 65 %
    result = pi(game)
    assert sum(result.players[i].shapley_shubik or 0 for i in range(27)) == 1
    ss = [float(p.shapley_shubik or 0) for p in result.players]
    assert ss == sorted(ss, reverse=True)


def test_every_builtin_game_is_efficient() -> None:
    for game in builtin_games().values():
        result = pi(game)
        assert sum(p.shapley_shubik or 0 for p in result.players) == 1, game.name
        assert sum(p.banzhaf or 0 for p in result.players) == 1, game.name


@pytest.mark.parametrize("seed", range(12))
def test_weighted_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 9)
    weights = [rng.randint(0, 12) for _ in range(n)]
    if sum(weights) == 0:
        weights[0] = 1
    quota = rng.randint(1, sum(weights))
    game = Game.weighted(weights, quota)
    ss, swings, winning = brute(game)
    result = pi(game)
    assert [p.shapley_shubik for p in result.players] == ss
    assert [p.swings for p in result.players] == swings
    assert result.power_to_act == Fraction(winning, 2**n)
    composite = Game("weighted", game.players, AllOf((Quota(tuple(weights), quota),)))
    assert pi(composite) == pi(game)


@pytest.mark.parametrize("seed", range(10))
def test_composite_matches_brute_force(seed: int) -> None:
    rng = random.Random(100 + seed)
    n = rng.randint(2, 9)
    clauses = []
    for _ in range(3):
        w = tuple(rng.randint(0, 6) for _ in range(n))
        if sum(w) == 0:
            w = (1, *w[1:])
        clauses.append(Quota(w, rng.randint(1, sum(w))))
    rule = AnyOf((AllOf((clauses[0], clauses[1])), clauses[2]))
    game = Game("c", tuple(f"P{i}" for i in range(n)), rule)
    ss, swings, winning = brute(game)
    result = pi(game)
    assert [p.shapley_shubik for p in result.players] == ss
    assert [p.swings for p in result.players] == swings
    assert result.power_to_act == Fraction(winning, 2**n)


@pytest.mark.parametrize("seed", range(4))
def test_count_algorithms_agree(seed: int) -> None:
    """The DP, full enumeration and meet-in-the-middle counts agree."""
    rng = random.Random(seed)
    n = 14
    cols = [(1, rng.randint(1, 10**6), 1) for _ in range(n)]
    quotas = (8, sum(c[1] for c in cols) * 65 // 100, 12)
    tree = ("or", (("and", (0, 1)), 2))
    caps = quotas
    expected = _count_enumerate(cols, quotas, tree)
    assert _count_mitm(cols, quotas, caps, 1, tree) == expected
    small = [(1, c[1] % 50, 1) for c in cols]
    squotas = (8, 200, 12)
    assert _count_dp(small, squotas, squotas, tree) == _count_enumerate(small, squotas, tree)


def test_float_shapley_shubik_agrees_with_exact() -> None:
    """The float64 quadrature stays within 1e-12 of the exact values."""
    rng = random.Random(7)
    for n in (15, 40, 70):
        weights = [rng.randint(1, 100) for _ in range(n)]
        game = Game.weighted(weights, sum(weights) // 2 + 1)
        exact = pi(game, "ss", exact=True)
        approx = pi(game, "ss", exact=False)
        assert exact.exact_shapley_shubik
        assert not approx.exact_shapley_shubik
        for e, a in zip(exact.players, approx.players, strict=True):
            assert isinstance(a.shapley_shubik, float)
            assert abs(float(e.shapley_shubik or 0) - a.shapley_shubik) <= 1e-12


def test_gauss_legendre_integrates_polynomials() -> None:
    t, w = gauss_legendre(40)
    for degree in (0, 5, 39, 79):
        value = float(((t**degree + (1 - t) ** degree) * w).sum())
        assert value == pytest.approx(1 / (degree + 1), abs=1e-14)


def test_large_weighted_game_uses_floats_by_default() -> None:
    rng = random.Random(3)
    weights = [rng.randint(1, 100) for _ in range(150)]
    result = pi(Game.weighted(weights, sum(weights) // 2 + 1), "ss")
    assert not result.exact_shapley_shubik
    assert sum(result.column(Index.SHAPLEY_SHUBIK)) == pytest.approx(1, abs=1e-12)


def test_big_weights_single_quota_uses_exact_counting() -> None:
    """Population-sized weights go through the meet-in-the-middle count."""
    eu = builtin_game("eu27")
    clauses = [c for c in eu.rule.parts[0].parts if isinstance(c, Quota)]  # type: ignore[union-attr]
    pop = clauses[1]
    game = Game("pop", eu.players, pop)
    result = pi(game, "ss,bz")
    assert sum(p.shapley_shubik or 0 for p in result.players) == 1


def test_only_requested_indices() -> None:
    result = pi(builtin_game("council-1966"), "bz")
    assert result.players[0].shapley_shubik is None
    assert result.power_to_act is None
    assert set(result.to_dict()["players"][0]) == {  # type: ignore[index]
        "code",
        "banzhaf",
        "banzhaf_absolute",
        "swings",
    }


def test_parse_indices() -> None:
    assert parse_indices("coleman, ss") == (Index.SHAPLEY_SHUBIK, Index.COLEMAN)
    with pytest.raises(InputError, match="unknown power index 'xx'"):
        parse_indices("ss,xx")
    with pytest.raises(InputError, match="no power index"):
        parse_indices("")


@pytest.mark.parametrize(
    ("weights", "quota", "message"),
    [
        ([1, 2], 0, r"^the game has the quota 0 \("),
        ([1, 2], 4, r"^the game has the quota 4 above the total weight 3 \("),
        ([1, -2], 1, r"^the game has the weight -2 \("),
    ],
)
def test_bad_games(weights: list[int], quota: int, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Game.weighted(weights, quota)


def test_bad_players() -> None:
    with pytest.raises(InputError, match="appears twice"):
        Game.weighted([1, 1], 1, players=["A", "A"])
    with pytest.raises(InputError, match="3 weights for 2 players"):
        Game("g", ("A", "B"), Quota((1, 1, 1), 1))
    with pytest.raises(InputError, match="unknown game"):
        builtin_game("council-2099")


def test_combining_games() -> None:
    a = Game.weighted([1, 1, 1], 2)
    b = Game.weighted([1, 0, 0], 1)
    both = a & b
    assert both.wins([0, 1])
    assert not both.wins([1, 2])
    either = a | b
    assert either.wins([0])
    assert not either.wins([1])
    with pytest.raises(InputError, match="same players"):
        a & Game.weighted([1, 1], 1)


def test_too_large_composition() -> None:
    n = 60
    w = tuple(range(1000, 1000 + n))
    rule = AllOf((Quota(w, sum(w) // 2), Quota(tuple(reversed(w)), sum(w) // 2)))
    with pytest.raises(InputError, match="too large"):
        pi(Game("big", tuple(f"P{i}" for i in range(n)), rule))


def test_symmetric_players_share_values() -> None:
    game = builtin_game("eu27")
    result = pi(game, "bz")
    for a, b in itertools.combinations(result.players[:5], 2):
        assert a.swings != b.swings  # distinct populations, distinct power
