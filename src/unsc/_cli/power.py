"""``unsc power`` and ``unsc replay``: voting power and reform counterfactuals."""

from __future__ import annotations

import datetime as dt
import json

import click

from unsc._cli.common import guard
from unsc._engine import parse_date
from unsc._errors import InputError
from unsc._power.games import Game, builtin_game, builtin_games, council_game
from unsc._power.indices import Index, PowerResult, parse_indices, power_indices
from unsc._power.replay import (
    RuleVariant,
    find_sc_voting,
    iter_changes,
    parse_variant,
    read_sc_voting,
    replay,
)


def _ints(text: str, what: str) -> list[int]:
    parts = [p.strip() for p in text.split(",")]
    if not all(p.isascii() and p.isdigit() for p in parts):
        raise InputError(f"bad {what} {text!r}", hint="write whole numbers separated by commas")
    return [int(p) for p in parts]


def _render(game: Game, result: PowerResult, wanted: tuple[Index, ...]) -> str:
    lines = [f"{game.name}" + (f": {game.title}" if game.title else "")]
    if game.source:
        lines.append(f"Source: {game.source}")
    head = ["player"]
    if Index.SHAPLEY_SHUBIK in wanted:
        head.append("shapley_shubik")
    if Index.BANZHAF in wanted:
        head += ["banzhaf", "banzhaf_absolute"]
    if len(head) > 1:
        lines.append("  ".join(f"{h:<16}" for h in head).rstrip())
        for p in result.players:
            cells = [p.code]
            if Index.SHAPLEY_SHUBIK in wanted:
                cells.append(f"{float(p.shapley_shubik or 0):.6f}")
            if Index.BANZHAF in wanted:
                cells += [f"{float(p.banzhaf or 0):.6f}", f"{float(p.banzhaf_absolute or 0):.6f}"]
            lines.append("  ".join(f"{c:<16}" for c in cells).rstrip())
    if result.power_to_act is not None:
        lines.append(
            f"Power of the collectivity to act (Coleman): {float(result.power_to_act):.6f}"
        )
    return "\n".join(lines)


@click.command("power")
@click.argument("game", required=False)
@click.option(
    "--index",
    "index_",
    default="ss,bz,coleman",
    show_default=True,
    help="Indices: ss (Shapley-Shubik), bz (Banzhaf), coleman (power to act).",
)
@click.option("--weights", help="A weighted game instead of GAME: weights, comma-separated.")
@click.option("--quota", type=int, help="With --weights: the quota (votes needed).")
@click.option("--players", help="With --weights: player codes, comma-separated (default P1...).")
@click.option(
    "--date",
    help="The Council sitting on this date (YYYY-MM-DD), its real members (default: today).",
)
@click.option("--list", "list_", is_flag=True, help="List the built-in games and exit.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@guard
def power_cmd(
    game: str | None,
    index_: str,
    weights: str | None,
    quota: int | None,
    players: str | None,
    date: str | None,
    list_: bool,
    as_json: bool,
) -> None:
    """Voting power in GAME (a built-in game) or in a weighted game.

    Without GAME or --weights: the Council sitting on --date (default
    today), its real members by their codes, deciding by the votes required
    then including every permanent member's. Exact Shapley-Shubik, Banzhaf
    (normalised and absolute) and Coleman's power of the collectivity to
    act. Built-in Council games name the permanent seats CHN FRA GBR RUS USA
    and the elected seats E01, E02...

    Example: unsc power --date 2017-10-24 --json

    Example: unsc power council-1966 --json

    Example: unsc power --weights 4,3,2,1 --quota 6 --index ss
    """
    if list_:
        for name, g in sorted(builtin_games().items()):
            click.echo(f"{name:<20}{g.title}")
        return
    wanted = parse_indices(index_)
    if date is not None and (game is not None or weights is not None):
        raise InputError("give either --date, GAME or --weights, not more than one")
    if weights is not None:
        if game is not None:
            raise InputError("give either GAME or --weights, not both")
        if quota is None:
            raise InputError("--weights needs --quota")
        codes = [c.strip() for c in players.split(",")] if players else None
        chosen = Game.weighted(_ints(weights, "weights"), quota, players=codes)
    else:
        if quota is not None or players is not None:
            raise InputError("--quota and --players go with --weights")
        if game is None:
            chosen = council_game(parse_date(date) if date else dt.date.today())
        else:
            chosen = builtin_game(game)
    result = power_indices(chosen, wanted)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(_render(chosen, result, wanted))


@click.command("replay")
@click.option(
    "--rule",
    required=True,
    type=click.Choice([v.value for v in RuleVariant]),
    help="The rule variant to replay under.",
)
@click.option(
    "--data",
    "data_dir",
    metavar="DIR",
    help="Replay the per-member votes of 1994-2025 in DIR/sc-votes-1994-2025/sc_voting.csv "
    "instead of the record.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@guard
def replay_cmd(ctx: click.Context, rule: str, data_dir: str | None, as_json: bool) -> None:
    """Rerun every recorded decision under a rule variant; list what changes.

    Reads the record (`unsc data load DIR` fills it; --database or
    UNSC_DATABASE_URL choose it): each decision with per-member votes, or
    else a tally with the permanent members voting no, is decided as the
    Charter is practised and under the variant. Variants: double-veto (a
    veto needs two permanent members), ten-votes (one more vote required),
    abstention-veto (a permanent member's abstention is a veto), no-veto,
    charter (no change, a check). Decisions without votes or a tally, or
    whose recorded outcome the Charter rule does not reproduce, are skipped
    and counted by reason.

    Example: unsc replay --rule double-veto --json

    Example: unsc replay --rule no-veto --data ../shared/data
    """
    variant = parse_variant(rule)
    if data_dir is not None:
        inputs, unusable = read_sc_voting(find_sc_voting(data_dir))
        report = replay(inputs, variant, skipped=unusable)
    else:
        from unsc._power.replay_record import replay_record
        from unsc._record.api import Record

        record = Record(ctx.find_root().params.get("database"))
        try:
            report = replay_record(record, variant)
        finally:
            record.engine.dispose()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    for line in iter_changes(report):
        click.echo(line)


COMMANDS = (power_cmd, replay_cmd)
