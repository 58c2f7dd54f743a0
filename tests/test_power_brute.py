"""Brute-force power indices over every coalition, for checking small games."""

from __future__ import annotations

import math
from fractions import Fraction

from unsc._power.games import Game, compile_rule, evaluate


def brute(game: Game) -> tuple[list[Fraction], list[int], int]:
    """Shapley-Shubik values, swing counts and the number of winning coalitions."""
    n = game.n
    clauses, tree = compile_rule(game.rule)

    def wins(mask: int) -> bool:
        sat = [sum(c.weights[i] for i in range(n) if mask >> i & 1) >= c.quota for c in clauses]
        return bool(evaluate(tree, sat))

    table = [wins(mask) for mask in range(1 << n)]
    ss = [Fraction(0)] * n
    swings = [0] * n
    for mask in range(1 << n):
        size = bin(mask).count("1")
        for i in range(n):
            if not mask >> i & 1 and table[mask | 1 << i] and not table[mask]:
                swings[i] += 1
                ss[i] += Fraction(
                    math.factorial(size) * math.factorial(n - 1 - size), math.factorial(n)
                )
    return ss, swings, sum(table)


def test_brute_on_a_dictator_game() -> None:
    from unsc._power import Game

    ss, swings, winning = brute(Game.weighted([3, 1, 1], 3))
    assert ss == [1, 0, 0]
    assert swings == [4, 0, 0]
    assert winning == 4
