"""Command-line commands over the record: ``unsc data …`` and the queries."""

from __future__ import annotations

import csv
import io
import pathlib
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from unsc._cli.common import emit_json, open_record
from unsc._engine import parse_date
from unsc._errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


def _emit_csv(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    click.echo(out.getvalue(), nl=False)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 row``, ``2 rows``: a count with its noun."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else " ".join(str(value).split())  # one line per row


def _emit_rows(
    rows: list[dict[str, Any]],
    as_json: bool,
    as_csv: bool,
    columns: list[str],
    *,
    wide: str | None = None,
) -> None:
    """Rows as JSON, CSV, or a text table with headers (``wide``: a last, unpadded column)."""
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        emit_json(rows)
    elif as_csv:
        _emit_csv(rows)
    else:
        table = [[_cell(row.get(c)) for c in columns] for row in rows]
        widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
        heads = [*columns, *([wide] if wide else [])]
        lines = [
            [*r, *([_cell(row.get(wide))] if wide else [])]
            for r, row in zip(table, rows, strict=True)
        ]
        for cells in [heads, *lines]:
            click.echo(
                "  ".join(
                    cell.ljust(widths[i]) if i < len(widths) else cell
                    for i, cell in enumerate(cells)
                ).rstrip()
            )
        click.echo(f"({plural(len(rows), 'row')})", err=True)


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
    report = open_record(ctx).load(
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
        emit_json(data)
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
    report = open_record(ctx).fetch(base=base, cache=cache, progress=_progress)
    _report(report, as_json)


@data_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def status_cmd(ctx: click.Context, as_json: bool) -> None:
    """What is loaded, from which sources, counts, conflicts and agreement.

    Example: unsc data status --json
    """
    status = open_record(ctx).status()
    if as_json:
        emit_json(status)
        return
    for line in status_lines(status):
        click.echo(line)


_ADJUDICATION = {
    "none": "with no vote to adjudicate",
    "invalid": "not adjudicable",
}


def status_lines(status: dict[str, Any]) -> list[str]:
    """``unsc data status`` as text: the summary first, then the detail it adds up from."""
    counts, a = status["counts"], status["agreement"]
    files = status["files"]
    not_compared = [
        f"{n:,} {_ADJUDICATION.get(k, k)}"
        for k, n in status["adjudication"].items()
        if k in _ADJUDICATION and n
    ]
    lines = [
        f"The record: {plural(counts['decisions'], 'decision')} "
        f"({plural(counts['resolutions'], 'resolution')}) "
        f"at {plural(counts['meetings'], 'meeting')}, from {plural(len(files), 'source file')}.",
        f"Re-adjudicated: {a['compared']:,} compared with their recorded outcome: "
        f"{a['agree']:,} agree, {a['disagree']:,} disagree "
        f"({a['known_source_errors']:,} confirmed source errors, "
        f"{a.get('unconfirmed_source_errors', 0):,} unconfirmed source errors, "
        f"{a['unexplained']:,} unexplained)"
        + (
            f"; {a['not_compared']:,} not compared ({', '.join(not_compared)})."
            if a["not_compared"]
            else "."
        ),
        f"Conflicts between sources: {counts['conflicts']:,}"
        + (
            " (" + ", ".join(f"{k} {v:,}" for k, v in status["conflicts"].items()) + ")."
            if status["conflicts"]
            else "."
        ),
        "",
        "Counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + ".",
        "Adjudicated by: "
        + ", ".join(f"{k} {v:,}" for k, v in status["adjudication"].items())
        + f" (total {sum(status['adjudication'].values()):,}).",
        "",
        f"{plural(len(files), 'source file')} loaded "
        f"({sum(f['observations'] for f in files):,} observations):",
    ]
    width = max((len(f["source"]) for f in files), default=0)
    lines += [
        f"  {f['source']:<{width}}  {f['file']}  ({plural(f['observations'], 'observation')})"
        for f in files
    ]
    return lines


@data_group.command("conflicts")
@click.option("--kind", help="Only conflicts of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def conflicts_cmd(ctx: click.Context, kind: str | None, as_json: bool) -> None:
    """Every disagreement between sources, with both values, provenance and the choice made.

    Example: unsc data conflicts --kind resolution_number_misprint
    """
    rows = open_record(ctx).conflicts(kind=kind)
    if as_json:
        emit_json(rows)
        return
    for c in rows:
        click.echo(f"[{c['kind']}] {c['decision'] or ''} {c['field']}: chose {c['chosen']!s}")
        click.echo(f"    why: {c['reason']}")
        for v in c["values"]:
            click.echo(f"    {v}")
    click.echo(f"({plural(len(rows), 'conflict')})", err=True)


_COLUMNS = ["date", "resolution", "draft", "meeting", "yes", "no", "abstain", "adjudicated_outcome"]


def _filter_options(*, vote: bool = True, outcome: bool = True) -> Callable[[F], F]:
    """The filters shared by resolutions, drafts and vetoes (and the API's parameters)."""

    def decorate(func: F) -> F:
        options = [
            click.option("--year", type=int, help="In this year."),
            click.option("--since", help="On or after this date (YYYY-MM-DD)."),
            click.option("--until", help="On or before this date (YYYY-MM-DD)."),
            click.option("--text", help="Words in the agenda item, title or symbol."),
        ]
        if outcome:
            options.append(
                click.option(
                    "--outcome",
                    type=click.Choice(["adopted", "vetoed", "failed"]),
                    help="Adopted, vetoed or failed (engine's verdict, else recorded).",
                )
            )
        if vote:
            options += [
                click.option("--member", help="Decisions this member voted on (with --vote: so)."),
                click.option("--vote", help="With --member: Y, N, A or X."),
            ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def _dates(filters: dict[str, Any]) -> dict[str, Any]:
    out = dict(filters)
    for name in ("since", "until"):
        if out.get(name):
            out[name] = parse_date(out[name])
    return {k: v for k, v in out.items() if v is not None}


@click.command("resolutions")
@_filter_options(outcome=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def resolutions_cmd(ctx: click.Context, /, as_json: bool, as_csv: bool, **filters: Any) -> None:
    """List adopted resolutions.

    Example: unsc resolutions --year 2017 --member RUS --vote A --csv
    """
    rows = open_record(ctx).resolution_rows(**_dates(filters))
    _emit_rows(rows, as_json, as_csv, _COLUMNS, wide="agenda")


@click.command("resolution")
@click.argument("number", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: one row per member's vote.")
@click.pass_context
def resolution_cmd(ctx: click.Context, number: int, as_json: bool, as_csv: bool) -> None:
    """Show resolution NUMBER: tally, votes, recorded and adjudicated outcome, sources.

    Example: unsc resolution 2334 --json
    """
    row = open_record(ctx).resolution(number)
    if row is None:
        raise InputError(f"no resolution {number} in the record", hint="run `unsc data load DIR`")
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        emit_json(row)
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
@_filter_options()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def drafts_cmd(
    ctx: click.Context, /, failed: bool, as_json: bool, as_csv: bool, **filters: Any
) -> None:
    """List every question put to the vote.

    Example: unsc drafts --year 2017 --member RUS --vote N --csv
    """
    rows = open_record(ctx).draft_rows(failed=failed, **_dates(filters))
    _emit_rows(rows, as_json, as_csv, _COLUMNS, wide="agenda")


@click.command("vetoes")
@click.option("--member", help="Only vetoes cast by this permanent member.")
@_filter_options(vote=False, outcome=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_context
def vetoes_cmd(
    ctx: click.Context, /, member: str | None, as_json: bool, as_csv: bool, **filters: Any
) -> None:
    """List vetoed drafts, oldest first.

    Example: unsc vetoes --member RUS --since 2011-01-01 --until 2017-12-31 --json
    """
    rows = open_record(ctx).veto_rows(member=member, **_dates(filters))
    _emit_rows(
        rows,
        as_json,
        as_csv,
        ["date", "draft", "meeting", "vetoed_by", "yes", "no", "abstain"],
        wide="agenda",
    )


@click.command("member")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV: agreement with every member.")
@click.pass_context
def member_cmd(ctx: click.Context, code: str, as_json: bool, as_csv: bool) -> None:
    """A member's terms, votes cast, vetoes, and agreement with every other member.

    Example: unsc member FRA --json
    """
    row = open_record(ctx).member(code)
    if as_json and as_csv:
        raise InputError("give --json or --csv, not both")
    if as_json:
        emit_json(row)
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
    for path in open_record(ctx).export(folder, format=fmt):
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
    rows = open_record(ctx).search(" ".join(words), limit=limit)
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
