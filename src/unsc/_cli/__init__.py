"""The ``unsc`` command line: a thin layer over the library."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from typing import ClassVar

import click

from unsc._announce import render_council, render_decision
from unsc._cli.common import emit_json, guard
from unsc._cli.registry import ENTRIES, Commands
from unsc._council import council, presidencies
from unsc._engine import (
    Decision,
    Kind,
    adjudicate,
    adjudicate_tally,
    build_ballot,
    decide,
    parse_date,
    parse_kind,
)
from unsc._errors import InputError, UnscError


class _LazyGroup(click.Group):
    """A group whose commands from other modules are imported only when used.

    Reading reports, the web app, voting power and the record pull in heavy
    libraries; ``unsc council`` and ``unsc --help`` should not pay for them.
    The command list and its summaries come from :mod:`unsc._cli.registry`;
    a command's module is imported, by its loader there, when the command is
    looked up to run.
    """

    lazy: ClassVar[dict[str, Callable[[], Commands]]] = {e.name: e.load for e in ENTRIES}
    summaries: ClassVar[dict[str, str]] = {e.name: e.summary for e in ENTRIES}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            for command in self.lazy[cmd_name]():
                if command.name not in self.commands:
                    self.add_command(_guard_group(command))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, from the registry for commands not yet imported."""
        rows: list[tuple[str, click.Command | None]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None and name not in self.lazy:
                command = self.get_command(ctx, name)
                if command is None:
                    continue
            if command is not None and command.hidden:
                continue
            rows.append((name, command))
        if not rows:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        lines = [
            (
                name,
                command.get_short_help_str(limit)
                if command is not None
                else click.Command(name, help=self.summaries.get(name)).get_short_help_str(limit),
            )
            for name, command in rows
        ]
        with formatter.section("Commands"):
            formatter.write_dl(lines)


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="unsc")
@click.option(
    "--database",
    envvar="UNSC_DATABASE_URL",
    help="Database URL for the record (default: SQLite in the user data folder).",
)
def main(database: str | None) -> None:
    """The UN Security Council as code.

    Who sat on the Council and who presided on any date 1946-2027, and how
    any vote is decided under the Charter as practised.
    """


def _csv_rows(rows: list[dict[str, object]]) -> None:
    out = io.StringIO()
    fields = list(dict.fromkeys(k for row in rows for k in row))  # every column, in order
    if rows:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    click.echo(out.getvalue(), nl=False)


def _one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")


@main.command("council")
@click.argument("date")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: one row per member.")
@guard
def council_cmd(date: str, as_json: bool, as_csv: bool) -> None:
    """Show the Council on DATE (YYYY-MM-DD): members, terms, President.

    Example: unsc council 2017-10-24 --json
    """
    _one_format(as_json, as_csv)
    c = council(parse_date(date))
    if as_json:
        emit_json(c.to_dict())
    elif as_csv:
        _csv_rows(
            [
                {
                    "date": c.date.isoformat(),
                    **m.to_dict(),
                    "represented_by": m.represented_by,
                    "president": m.code == c.president,
                }
                for m in c.members
            ]
        )
    else:
        click.echo(render_council(c))


@main.command("presidents")
@click.argument("year", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@guard
def presidents_cmd(year: int, as_json: bool, as_csv: bool) -> None:
    """List who presided over the Council in each month of YEAR (rule 18).

    Example: unsc presidents 2017
    """
    _one_format(as_json, as_csv)
    rows = [p for p in presidencies() if p.start.year == year or p.end.year == year]
    if not rows:
        raise InputError(f"no presidency data for {year}", hint="years 1946 to 2027 are covered")
    if as_json:
        emit_json([p.to_dict() for p in rows])
    elif as_csv:
        _csv_rows([dict(p.to_dict()) for p in rows])
    else:
        for p in rows:
            click.echo(f"{p.start.isoformat()} to {p.end.isoformat()}  {p.code}  {p.name}")


def _split(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _read_ballot(path: str) -> Decision:
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}, line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})"
        ) from None
    try:
        return decide(data)
    except UnscError as exc:
        raise InputError(f"{name}: {exc}") from None


@main.command("vote")
@click.argument("ballot", required=False)
@click.option("--date", help="Date of the vote, YYYY-MM-DD (inline form).")
@click.option("--yes", "yes_", multiple=True, help="Members voting yes, comma-separated.")
@click.option("--no", "no_", multiple=True, help="Members voting no.")
@click.option("--abstain", multiple=True, help="Members abstaining.")
@click.option("--not-voting", multiple=True, help="Members who did not vote (reason unknown).")
@click.option("--absent", multiple=True, help="Members absent.")
@click.option("--not-participating", multiple=True, help="Members present, not participating.")
@click.option(
    "--kind",
    default=None,
    help="What is voted on: " + ", ".join(k.value for k in Kind) + " (default draft_resolution).",
)
@click.option(
    "--procedural/--non-procedural",
    default=None,
    help="Procedural question or not (default: by kind).",
)
@click.option("--parties", multiple=True, help="Members party to a dispute (Art. 27(3)).")
@click.option("--without-vote", is_flag=True, help="Adopted without a vote (no positions).")
@click.option(
    "--tally",
    metavar="Y-N-A[-X]",
    help="Counts only, e.g. 4-8-3 (tally form; use --permanent-no for permanent members' no).",
)
@click.option("--permanent-no", multiple=True, help="With --tally: permanent members voting no.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@guard
def vote_cmd(
    ballot: str | None,
    date: str | None,
    yes_: tuple[str, ...],
    no_: tuple[str, ...],
    abstain: tuple[str, ...],
    not_voting: tuple[str, ...],
    absent: tuple[str, ...],
    not_participating: tuple[str, ...],
    kind: str | None,
    procedural: bool | None,
    parties: tuple[str, ...],
    without_vote: bool,
    tally: str | None,
    permanent_no: tuple[str, ...],
    as_json: bool,
) -> None:
    """Adjudicate a vote: BALLOT.json (- for stdin) or the inline options.

    BALLOT.json: {"date": "2017-10-24", "kind": "draft_resolution",
    "procedural": false, "votes": {"USA": "Y", "RUS": "N", ...}}.
    Positions: Y, N, A, X (did not vote), absent, not_participating.
    Members: UN Library codes, ISO 3166-3 aliases or names.

    Example: unsc vote --date 2017-10-24 --yes FRA,GBR,USA --no RUS,BOL --abstain CHN,KAZ ...

    Tally form, when only counts are known (or "tally" in BALLOT.json):
    unsc vote --date 2017-10-24 --kind procedural_motion --tally 4-8-3

    Exits 0 when the vote was adjudicated, whatever the outcome; 2 on invalid input.
    """
    inline = any((date, yes_, no_, abstain, not_voting, absent, not_participating, parties, tally))
    inline = inline or without_vote or procedural is not None or kind is not None
    if ballot is not None and inline:
        raise InputError(
            "give either BALLOT.json or the inline options, not both",
            hint="kind, procedural and without_vote go inside the ballot file",
        )
    question = parse_kind(kind) if kind is not None else Kind.DRAFT_RESOLUTION
    if permanent_no and not tally:
        raise InputError("--permanent-no goes with --tally")
    if ballot is not None:
        decision = _read_ballot(ballot)
    elif tally:
        if not date:
            raise InputError("--tally needs --date")
        if any((yes_, no_, abstain, not_voting, absent, not_participating)):
            raise InputError("give either --tally or per-member positions, not both")
        decision = adjudicate_tally(
            parse_date(date),
            *_parse_tally(tally),
            permanent_no=_split(permanent_no),
            procedural=procedural,
            kind=question,
        )
    else:
        if not date:
            raise InputError(
                "no ballot", hint="pass BALLOT.json, - for stdin, or --date with --yes/--no"
            )
        votes: dict[str, str] = {}
        for position, values in (
            ("Y", yes_),
            ("N", no_),
            ("A", abstain),
            ("X", not_voting),
            ("absent", absent),
            ("not_participating", not_participating),
        ):
            for member in _split(values):
                if member in votes:
                    raise InputError(f"{member} is given two positions")
                votes[member] = position
        decision = adjudicate(
            build_ballot(
                parse_date(date),
                votes,
                kind=question,
                procedural=procedural,
                parties=_split(parties),
                without_vote=without_vote,
            )
        )
    if as_json:
        emit_json(decision.to_dict())
    else:
        click.echo(render_decision(decision))


def _parse_tally(text: str) -> tuple[int, int, int, int | None]:
    parts = text.replace("\u2013", "-").split("-")
    if len(parts) not in (3, 4) or not all(
        p.strip().isascii() and p.strip().isdigit() for p in parts
    ):
        raise InputError(
            f"bad tally {text!r}", hint="write yes-no-abstain, e.g. 11-2-2 or 14-0-0-1"
        )
    numbers = [int(p) for p in parts]
    return numbers[0], numbers[1], numbers[2], (numbers[3] if len(numbers) == 4 else None)


def _guard_group(command: click.Command) -> click.Command:
    if isinstance(command, click.Group):
        for name, sub in list(command.commands.items()):
            command.commands[name] = _guard_group(sub)
        return command
    assert command.callback is not None
    command.callback = guard(command.callback)
    return command
