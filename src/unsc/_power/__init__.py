"""Voting power and reform counterfactuals: games, power indices, replay of recorded votes."""

from __future__ import annotations

from unsc._power.games import AllOf, AnyOf, Game, Quota, builtin_game, builtin_games
from unsc._power.indices import Index, PlayerPower, PowerResult, power_indices

__all__ = [
    "AllOf",
    "AnyOf",
    "Game",
    "Index",
    "PlayerPower",
    "PowerResult",
    "Quota",
    "builtin_game",
    "builtin_games",
    "power_indices",
]
