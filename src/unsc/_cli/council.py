"""``unsc council``, ``unsc presidents`` and ``unsc vote``: the reference data and the rules.

These read no database and no large file: the packaged tables and the
engine. Like every command module, this one is imported only when one of its
commands runs (see :mod:`unsc._cli.registry`).
"""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from unsc._cli.common import emit_json, guard
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
from unsc._engine.announce import render_council, render_decision
from unsc._errors import InputError, UnscError
from unsc._reference.council import council, presidencies


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


@click.command("council")
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


@click.command("presidents")
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


@click.command("vote")
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


COMMANDS = (council_cmd, presidents_cmd, vote_cmd)
