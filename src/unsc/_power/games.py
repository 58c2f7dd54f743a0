"""Simple voting games: weighted quotas and their AND/OR compositions.

A :class:`Game` has players (codes) and a rule. The rule is a :class:`Quota`
(a coalition wins when its players' weights reach the quota) or an
:class:`AllOf` / :class:`AnyOf` of rules. Built-in games are data in
``_power/data/games.toml``, each with its source.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Union

from unsc._errors import InputError, ReferenceDataError


@dataclass(frozen=True, slots=True)
class Quota:
    """A weighted clause: won when the coalition's weights sum to at least ``quota``."""

    weights: tuple[int, ...]
    quota: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class AllOf:
    """A rule won when every part is won (AND)."""

    parts: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """A rule won when at least one part is won (OR)."""

    parts: tuple[Rule, ...]


Rule = Union[Quota, AllOf, AnyOf]  # noqa: UP007 (a runtime alias used by isinstance-free code)

Tree = Union[int, tuple[str, tuple["Tree", ...]]]  # noqa: UP007
"""A compiled rule: a clause index, or ``("and"|"or", subtrees)``."""


def compile_rule(rule: Rule) -> tuple[tuple[Quota, ...], Tree]:
    """Flatten a rule into its clauses and a tree of clause indices."""
    clauses: list[Quota] = []

    def walk(node: Rule) -> Tree:
        if isinstance(node, Quota):
            clauses.append(node)
            return len(clauses) - 1
        op = "and" if isinstance(node, AllOf) else "or"
        return (op, tuple(walk(p) for p in node.parts))

    tree = walk(rule)
    return tuple(clauses), tree


def evaluate(tree: Tree, sat: Sequence[object]) -> object:
    """Evaluate a compiled rule on clause results (bools or numpy bool arrays)."""
    if isinstance(tree, int):
        return sat[tree]
    op, parts = tree
    values = [evaluate(p, sat) for p in parts]
    out = values[0]
    for v in values[1:]:
        out = (out & v) if op == "and" else (out | v)  # type: ignore[operator]
    return out


@dataclass(frozen=True, slots=True)
class Game:
    """A simple voting game: players and the rule deciding which coalitions win.

    >>> g = Game.weighted([7] * 5 + [1] * 10, 39)
    >>> g.wins(range(9)), g.wins(range(1, 15))
    (True, False)
    """

    name: str
    players: tuple[str, ...]
    rule: Rule
    title: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        n = len(self.players)
        if n == 0:
            raise InputError("a game needs at least one player")
        if len(set(self.players)) != n:
            dup = next(p for p in self.players if self.players.count(p) > 1)
            raise InputError(f"player {dup!r} appears twice", hint="give each player once")
        clauses, _ = compile_rule(self.rule)
        for clause in clauses:
            label = f"clause {clause.name!r}" if clause.name else "the game"
            if len(clause.weights) != n:
                raise InputError(
                    f"{label} has {len(clause.weights)} weights for {n} players",
                    hint="give one weight per player",
                )
            bad = [w for w in clause.weights if not isinstance(w, int) or w < 0]
            if bad:
                raise InputError(
                    f"{label} has the weight {bad[0]!r}", hint="weights are whole numbers >= 0"
                )
            if not isinstance(clause.quota, int) or clause.quota < 1:
                raise InputError(
                    f"{label} has the quota {clause.quota!r}",
                    hint="a quota is a whole number >= 1 (the empty coalition must lose)",
                )
            if clause.quota > sum(clause.weights):
                raise InputError(
                    f"{label} has the quota {clause.quota} above the total weight "
                    f"{sum(clause.weights)}",
                    hint="no coalition could win; lower the quota",
                )

    @classmethod
    def weighted(
        cls,
        weights: Sequence[int],
        quota: int,
        *,
        players: Sequence[str] | None = None,
        name: str = "weighted",
    ) -> Game:
        """The weighted game ``[quota; weights]``; players default to ``P1``, ``P2``..."""
        codes = tuple(players) if players is not None else default_codes(len(weights))
        return cls(name, codes, Quota(tuple(weights), quota))

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.players)

    @property
    def quota_weights(self) -> tuple[tuple[int, ...], int] | None:
        """``(weights, quota)`` when the rule is a single quota, else ``None``."""
        if isinstance(self.rule, Quota):
            return self.rule.weights, self.rule.quota
        return None

    def wins(self, coalition: Iterable[int | str]) -> bool:
        """Whether the coalition (player indices or codes) wins."""
        index = {p: i for i, p in enumerate(self.players)}
        members = {index[m] if isinstance(m, str) else m for m in coalition}
        clauses, tree = compile_rule(self.rule)
        sat = [sum(c.weights[i] for i in members) >= c.quota for c in clauses]
        return bool(evaluate(tree, sat))

    def __and__(self, other: Game) -> Game:
        """Both games must be won (same players)."""
        return self._combine(other, "&")

    def __or__(self, other: Game) -> Game:
        """Either game must be won (same players)."""
        return self._combine(other, "|")

    def _combine(self, other: Game, op: str) -> Game:
        if self.players != other.players:
            raise InputError("games combined with & or | must have the same players")
        rule: Rule = AllOf((self.rule, other.rule)) if op == "&" else AnyOf((self.rule, other.rule))
        return Game(f"({self.name} {op} {other.name})", self.players, rule)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready description of the game."""
        return {
            "game": self.name,
            "title": self.title,
            "source": self.source,
            "players": list(self.players),
        }


def default_codes(n: int) -> tuple[str, ...]:
    """``P1``, ``P2``... for ``n`` players."""
    return tuple(f"P{i + 1}" for i in range(n))


# --- built-in games ------------------------------------------------------------


def _data_text(name: str) -> str:
    return resources.files("unsc._power").joinpath("data").joinpath(name).read_text("utf-8")


_TOKEN = re.compile(r"\s*(?:([A-Za-z_][\w-]*)|(.))")


def parse_rule(text: str, clauses: Mapping[str, Quota]) -> Rule:
    """Parse ``a & (b | c)`` over named clauses (``&`` binds tighter than ``|``)."""
    tokens = [m.group(1) or m.group(2) for m in _TOKEN.finditer(text) if m.group(0).strip()]
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ReferenceDataError(f"rule {text!r} ends too early")
        pos += 1
        return tokens[pos - 1]

    def parse_or() -> Rule:
        parts = [parse_and()]
        while peek() == "|":
            take()
            parts.append(parse_and())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def parse_and() -> Rule:
        parts = [parse_atom()]
        while peek() == "&":
            take()
            parts.append(parse_atom())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def parse_atom() -> Rule:
        tok = take()
        if tok == "(":
            inner = parse_or()
            if take() != ")":
                raise ReferenceDataError(f"rule {text!r}: missing )")
            return inner
        if tok not in clauses:
            raise ReferenceDataError(f"rule {text!r}: unknown clause {tok!r}")
        return clauses[tok]

    rule = parse_or()
    if pos != len(tokens):
        raise ReferenceDataError(f"rule {text!r}: unexpected {tokens[pos]!r}")
    return rule


def _game_from_spec(name: str, spec: Mapping[str, object]) -> Game:
    where = f"_power/data/games.toml, game {name!r}"
    columns: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    if "players_from" in spec:
        rows = list(csv.DictReader(io.StringIO(_data_text(str(spec["players_from"])))))
        players = [r["code"] for r in rows]
        for key in rows[0] if rows else ():
            columns[key] = [r[key] for r in rows]
    else:
        raw_groups = spec.get("groups")
        if not isinstance(raw_groups, dict):
            raise ReferenceDataError(f"{where}: no groups or players_from")
        groups = {str(k): [str(c) for c in v] for k, v in raw_groups.items()}
        players = [c for codes in groups.values() for c in codes]
    named: dict[str, Quota] = {}
    raw_clauses = spec.get("clauses")
    if not isinstance(raw_clauses, list):
        raise ReferenceDataError(f"{where}: no clauses")
    for raw in raw_clauses:
        cname = str(raw["name"])
        spec_w = raw["weights"]
        if isinstance(spec_w, int):
            weights = [spec_w] * len(players)
        elif isinstance(spec_w, str):
            weights = [int(v) for v in columns[spec_w]]
        else:
            by_player = {c: int(spec_w[g]) for g, codes in groups.items() for c in codes}
            weights = [by_player[p] for p in players]
        if "share" in raw:
            quota = math.ceil(Fraction(str(raw["share"])) * sum(weights))
        else:
            quota = int(raw["quota"])
        named[cname] = Quota(tuple(weights), quota, cname)
    rule = parse_rule(str(spec["rule"]), named)
    return Game(
        name,
        tuple(players),
        rule,
        title=str(spec.get("title", "")),
        source=str(spec.get("source", "")),
    )


@functools.cache
def builtin_games() -> dict[str, Game]:
    """Every built-in game by name (``council-1966``, ``eu27``...)."""
    import tomllib

    data = tomllib.loads(_data_text("games.toml"))
    return {name: _game_from_spec(name, spec) for name, spec in data["games"].items()}


def builtin_game(name: str) -> Game:
    """The built-in game ``name``.

    >>> builtin_game("council-1966").players[:6]
    ('CHN', 'FRA', 'GBR', 'RUS', 'USA', 'E01')
    """
    games = builtin_games()
    try:
        return games[name]
    except KeyError:
        raise InputError(
            f"unknown game {name!r}", hint=f"built-in games: {', '.join(sorted(games))}"
        ) from None


def council_game(date: dt.date) -> Game:
    """The Council sitting on ``date`` as a game: its real members, by their codes.

    A coalition wins a non-procedural question when it holds the votes the
    Charter required on that date (7, then 9) and every permanent member
    (Art. 27(3)): the clauses ``votes`` and ``veto``.

    >>> g = council_game(dt.date(2017, 10, 24))
    >>> g.n, g.wins(["CHN", "FRA", "GBR", "RUS", "USA", "EGY", "ETH", "ITA", "JPN"])
    (15, True)
    """
    from unsc._reference.council import council

    sitting = council(date)
    players = tuple(m.code for m in sitting.members)
    permanent = frozenset(sitting.permanent)
    votes = Quota((1,) * len(players), sitting.required_votes, "votes")
    veto = Quota(tuple(int(p in permanent) for p in players), len(permanent), "veto")
    return Game(
        f"council-{date.isoformat()}",
        players,
        AllOf((votes, veto)) if permanent else votes,
        title=f"Security Council on {date.isoformat()}: {len(players)} members, "
        f"{sitting.required_votes} votes including the concurring votes of the "
        f"{len(permanent)} permanent members",
        source="UN Charter Art. 23(1) and Art. 27(3); the members sitting on that date "
        "(unsc council DATE)",
    )
