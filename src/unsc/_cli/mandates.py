"""Command-line commands over mandates: ``unsc mandates`` and ``unsc mandate``."""

from __future__ import annotations

import pathlib
from typing import Any

import click

from unsc._cli.common import emit_json, open_record
from unsc._engine import parse_date
from unsc._errors import InputError

KINDS = (
    "peacekeeping_operation",
    "special_political_mission",
    "sanctions_committee",
    "panel_of_experts",
    "investigative_mechanism",
    "tribunal",
    "other",
)
"""Body kinds (``unsc._mandates.model.BodyKind``), spelled out so that --help needs no import."""


def _when(row: dict[str, Any]) -> str:
    if row["expires"]:
        return f"expires {row['expires']} ({row['days_left']} days)"
    if row["ended"]:
        return f"ended {row['ended']}"
    return "no expiry known"


def _line(row: dict[str, Any]) -> str:
    name = row["acronym"] or row["key"]
    return f"{name:<10}  {row['status']:<10}  {_when(row):<32}  {row['name']}"


@click.command("mandates")
@click.option("--at", help="Date to report on, YYYY-MM-DD (default: today).")
@click.option(
    "--expiring-within",
    type=int,
    default=30,
    show_default=True,
    help="Days: a mandate ending within them is 'expiring'; bodies ended within them are listed.",
)
@click.option("--kind", type=click.Choice(KINDS), help="Only bodies of this kind.")
@click.option("--all", "include_ended", is_flag=True, help="Also bodies that ended earlier.")
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=pathlib.Path),
    help="Write an iCalendar file of expiries and renewal votes to FILE (--kind applies).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def mandates_cmd(
    ctx: click.Context,
    at: str | None,
    expiring_within: int,
    kind: str | None,
    include_ended: bool,
    ics: pathlib.Path | None,
    as_json: bool,
) -> None:
    """List the bodies the Council keeps by mandate, with their status on a date.

    Status is active, expiring (the mandate ends within --expiring-within
    days), lapsed (ended without renewal), terminated or closed. With --ics,
    write a calendar of mandate expiries and renewal votes instead.

    Example: unsc mandates --at 2017-11-01 --json
    """
    from unsc._mandates.api import mandates, to_ics

    record = open_record(ctx)
    if ics is not None:
        try:
            ics.write_bytes(to_ics(record, kind=kind))
        except OSError as exc:
            raise InputError(f"cannot write {ics}: {exc.strerror}") from None
        click.echo(f"wrote {ics}")
        return
    day = parse_date(at) if at else None
    rows = mandates(
        record, at=day, expiring_within=expiring_within, kind=kind, include_ended=include_ended
    )
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        click.echo(_line(row))
        for failed in row["failed_renewals"]:
            click.echo(f"{'':12}{failed['date']}  {failed['label']}")
    click.echo(f"({len(rows)} {'body' if len(rows) == 1 else 'bodies'})", err=True)


@click.command("mandate")
@click.argument("name")
@click.option("--at", help="Date for the status, YYYY-MM-DD (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def mandate_cmd(ctx: click.Context, name: str, at: str | None, as_json: bool) -> None:
    """Show one body's whole timeline: periods, renewals, failed renewals, end.

    NAME is an acronym (JIM, UNFICYP), a key (PoE-1874) or a name.

    Example: unsc mandate JIM --json
    """
    from unsc._mandates.api import mandate

    row = mandate(open_record(ctx), name, at=parse_date(at) if at else None)
    if as_json:
        emit_json(row)
        return
    click.echo(f"{row['name']}" + (f" ({row['acronym']})" if row["acronym"] else ""))
    click.echo(f"  {row['kind']}; on {row['at']}: {row['status']}, {_when(row)}")
    for p in row["periods"]:
        end = p["end"] or ("not stated" if p["end_basis"] == "unknown" else "open")
        by = f"S/RES/{p['resolution']}" if p["resolution"] else p["document"] or ""
        click.echo(f"  period {p['start']} to {end:<10}  {by}")
    for e in row["events"]:
        click.echo(f"  {e['date']}  {e['label']}")


COMMANDS = (mandates_cmd, mandate_cmd)
