"""Command-line commands over the record: ``unsc data …`` and the queries."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import sys
from typing import Any

import click

from unsc._engine import parse_date
from unsc._errors import InputError


def _record(ctx: click.Context) -> Any:
    from unsc._record.api import Record

    url = ctx.find_root().params.get("database")
    return Record(url)


def _emit_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _emit_csv(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    click.echo(out.getvalue(), nl=False)


def _emit_rows(rows: list[dict[str, Any]], as_json: bool, as_csv: bool, columns: list[str]) -> None:
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        _emit_json(rows)
    elif as_csv:
        _emit_csv(rows)
    else:
        for row in rows:
            click.echo(
                "  ".join(
                    ",".join(v) if isinstance(v, list) else ("" if v is None else str(v))
                    for v in (row.get(c) for c in columns)
                )
            )
        click.echo(f"({len(rows)} rows)", err=True)


def _progress(name: str, n: int, total: int) -> None:
    if sys.stderr.isatty():
        click.echo(f"\r[{n}/{total}] {name[:60]:<60}", nl=n == total, err=True)
    else:
        click.echo(f"[{n}/{total}] {name}", err=True)


@click.group("data")
def data_group() -> None:
    """Load and inspect the record (the real history of the Council)."""


@data_group.command("load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=pathlib.Path))
@click.option("--json", "as_json", is_flag=True, help="Print the load report as JSON.")
@click.option(
    "--allow-shrink",
    is_flag=True,
    help="Load a file even if it holds far fewer observations (over 10% fewer) than its "
    "loaded copy.",
)
@click.option(
    "--skip-unrecognised",
    is_flag=True,
    help="Skip files that look meant for an importer but are recognised by none.",
)
@click.pass_context
def load_cmd(
    ctx: click.Context,
    folder: pathlib.Path,
    as_json: bool,
    allow_shrink: bool,
    skip_unrecognised: bool,
) -> None:
    """Load every recognised file in FOLDER into the record (atomic, idempotent).

    Reads the UN Library meetings pages and veto list (HTML), the UN Library
    voting data (CSV), the DPPA membership CSV, the 1994-2025 per-member
    workbook (CSV), the failed-drafts file, the WPDL veto list, and the
    peacekeeping mandates (TAMM) and operations (DPPA) for `unsc mandates`.

    Nothing is loaded when a file in a source's folder (or loaded before, or
    with a header close to a known one) is recognised by no importer, unless
    --skip-unrecognised; nor when a file holds over 10% fewer observations
    than its loaded copy (a file cut to its header), unless --allow-shrink.
    The report gives the observations of each source before and after.

    Example: unsc data load ../shared/data
    """
    report = _record(ctx).load(
        folder,
        progress=_progress,
        allow_shrink=allow_shrink,
        skip_unrecognised=skip_unrecognised,
    )
    _report(report, as_json)


def _report(report: Any, as_json: bool) -> None:
    data = {
        "unchanged": report.unchanged,
        "files": report.files,
        "skipped": report.skipped,
        "unrecognised": report.unrecognised,
        "sources": report.sources,
        "decisions": report.decisions,
        "conflicts": report.conflicts,
    }
    if as_json:
        _emit_json(data)
        return
    changed = sum(1 for f in report.files if f.get("changed"))
    click.echo(
        f"{len(report.files)} files recognised, {changed} loaded"
        + (" (nothing changed)" if report.unchanged else "")
        + f"; {report.decisions} decisions, {report.conflicts} conflicts."
    )
    for source in report.sources:
        if source["change"]:
            click.echo(
                f"  {source['source']}: {source['before']:,} -> {source['after']:,} observations "
                f"({source['change']:+,})"
            )
    if report.skipped:
        click.echo(f"Not recognised: {', '.join(report.skipped)}")
    for item in report.unrecognised:
        click.echo(f"Skipped as asked: {item['file']}: {item['reason']}")


@data_group.command("fetch")
@click.option("--base", help="Mirror serving the same paths as the official files.")
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    help="Download folder (default: the user cache directory).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the load report as JSON.")
@click.pass_context
def fetch_cmd(
    ctx: click.Context, base: str | None, cache: pathlib.Path | None, as_json: bool
) -> None:
    """Download the official files into a cache, verify them, then load them.

    Example: unsc data fetch --base http://127.0.0.1:8000
    """
    report = _record(ctx).fetch(base=base, cache=cache, progress=_progress)
    _report(report, as_json)


@data_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def status_cmd(ctx: click.Context, as_json: bool) -> None:
    """What is loaded, from which sources, counts, conflicts and agreement.

    Example: unsc data status --json
    """
    status = _record(ctx).status()
    if as_json:
        _emit_json(status)
        return
    click.echo(f"{len(status['files'])} source files loaded:")
    for f in status["files"]:
        click.echo(f"  {f['source']:<20} {f['file']}  ({f['observations']} observations)")
    click.echo("Counts: " + ", ".join(f"{k} {v}" for k, v in status["counts"].items()))
    click.echo(
        "Conflicts: " + (", ".join(f"{k} {v}" for k, v in status["conflicts"].items()) or "none")
    )
    a = status["agreement"]
    click.echo(
        f"Re-adjudicated: {a['compared']} decisions compared with their recorded outcome; "
        f"{a['agree']} agree, {a['known_source_errors']} confirmed source errors, "
        f"{a.get('unconfirmed_source_errors', 0)} unconfirmed source errors, "
        f"{a['unexplained']} unexplained."
    )


@data_group.command("conflicts")
@click.option("--kind", help="Only conflicts of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def conflicts_cmd(ctx: click.Context, kind: str | None, as_json: bool) -> None:
    """Every disagreement between sources, with both values, provenance and the choice made.

    Example: unsc data conflicts --kind resolution_number_misprint
    """
    rows = _record(ctx).conflicts(kind=kind)
    if as_json:
        _emit_json(rows)
        return
    for c in rows:
        click.echo(f"[{c['kind']}] {c['decision'] or ''} {c['field']}: chose {c['chosen']!s}")
        click.echo(f"    why: {c['reason']}")
        for v in c["values"]:
            click.echo(f"    {v}")
    click.echo(f"({len(rows)} conflicts)", err=True)


_COLUMNS = ["date", "resolution", "draft", "meeting", "yes", "no", "abstain", "adjudicated_outcome"]


@click.command("resolutions")
@click.option("--year", type=int, help="Adopted in this year.")
@click.option("--member", help="With --vote: how this member voted.")
@click.option("--vote", help="Y, N, A or X.")
@click.option("--text", help="Words in the agenda item or title.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def resolutions_cmd(
    ctx: click.Context,
    year: int | None,
    member: str | None,
    vote: str | None,
    text: str | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List adopted resolutions.

    Example: unsc resolutions --year 2017 --member RUS --vote A --csv
    """
    rows = _record(ctx).resolution_rows(year=year, member=member, vote=vote, text=text)
    _emit_rows(rows, as_json, as_csv, _COLUMNS)


@click.command("resolution")
@click.argument("number", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: one row per member's vote.")
@click.pass_context
def resolution_cmd(ctx: click.Context, number: int, as_json: bool, as_csv: bool) -> None:
    """Show resolution NUMBER: tally, votes, recorded and adjudicated outcome, sources.

    Example: unsc resolution 2334 --json
    """
    row = _record(ctx).resolution(number)
    if row is None:
        raise InputError(f"no resolution {number} in the record", hint="run `unsc data load DIR`")
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        _emit_json(row)
        return
    if as_csv:
        base = {k: row[k] for k in ("resolution", "date", "meeting", "draft", "yes", "no")}
        base.update(abstain=row["abstain"], adjudicated_outcome=row["adjudicated_outcome"])
        votes = sorted(row["votes"].items()) or [("", "")]
        _emit_csv([{**base, "member": m, "vote": v} for m, v in votes])
        return
    click.echo(f"Resolution {number} ({row['date']}, {row['meeting'] or 'meeting unknown'})")
    click.echo(f"  {row['agenda'] or ''}")
    click.echo(
        f"  {row['yes']}-{row['no']}-{row['abstain']}; recorded {row['recorded_outcome']}, "
        f"engine {row['adjudicated_outcome']}"
    )
    for r in row["reasons"]:
        click.echo(f"  {r['code']}: {r['message']}")
    for p in row["provenance"]:
        click.echo(f"  source: {p['source']} {p['file']}, line {p['line']}")


@click.command("drafts")
@click.option("--failed", is_flag=True, help="Only drafts not adopted (vetoed or failed).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def drafts_cmd(ctx: click.Context, failed: bool, as_json: bool, as_csv: bool) -> None:
    """List every question put to the vote.

    Example: unsc drafts --failed --csv
    """
    rows = _record(ctx).draft_rows(failed=failed)
    _emit_rows(rows, as_json, as_csv, _COLUMNS)


@click.command("vetoes")
@click.option("--member", help="Only vetoes cast by this permanent member.")
@click.option("--since", help="Only vetoes on or after this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def vetoes_cmd(
    ctx: click.Context, member: str | None, since: str | None, as_json: bool, as_csv: bool
) -> None:
    """List vetoed drafts, oldest first.

    Example: unsc vetoes --member RUS --since 2011-01-01 --json
    """
    rows = _record(ctx).veto_rows(member=member, since=parse_date(since) if since else None)
    _emit_rows(rows, as_json, as_csv, ["date", "draft", "meeting", "vetoed_by", "yes", "no"])


@click.command("member")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: agreement with every member.")
@click.pass_context
def member_cmd(ctx: click.Context, code: str, as_json: bool, as_csv: bool) -> None:
    """A member's terms, votes cast, vetoes, and agreement with every other member.

    Example: unsc member FRA --json
    """
    row = _record(ctx).member(code)
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        _emit_json(row)
        return
    if as_csv:
        _emit_csv([{"code": row["code"], **a} for a in row["agreement"]])
        return
    click.echo(f"{row['name']} ({row['code']})")
    for t in row["terms"]:
        click.echo(
            f"  {'permanent' if t['permanent'] else 'elected'} {t['start']} to {t['end'] or 'open'}"
        )
    click.echo("  votes: " + ", ".join(f"{k} {v}" for k, v in row["votes"].items()))
    click.echo(f"  vetoes cast: {len(row['vetoes'])}")
    for a in row["agreement"][:10]:
        click.echo(
            f"  agrees with {a['member']} in {a['agreement']:.1%} of {a['votes_together']} "
            + ("vote" if a["votes_together"] == 1 else "votes")
        )


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "json"]),
    default="csv",
    show_default=True,
    help="File format.",
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=pathlib.Path))
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, folder: pathlib.Path) -> None:
    """Write every table of the record to FOLDER.

    Example: unsc export --format parquet out/
    """
    for path in _record(ctx).export(folder, format=fmt):
        click.echo(str(path))


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def search_cmd(
    ctx: click.Context, words: tuple[str, ...], limit: int, as_json: bool, as_csv: bool
) -> None:
    """Full-text search of resolutions, drafts, vetoes and mandates (titles, subjects, agenda).

    Uses the database's own engine: FTS5 on SQLite, tsvector on PostgreSQL.

    Example: unsc search chemical
    """
    rows = _record(ctx).search(" ".join(words), limit=limit)
    _emit_rows(rows, as_json, as_csv, ["kind", "ref", "date", "title"])


COMMANDS = (
    data_group,
    resolutions_cmd,
    search_cmd,
    resolution_cmd,
    drafts_cmd,
    vetoes_cmd,
    member_cmd,
    export_cmd,
)
