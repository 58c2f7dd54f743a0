"""``unsc extract`` and ``unsc reports``: read vote reports, store them, list what is stored."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unsc._cli.common import fail

if TYPE_CHECKING:
    from unsc._extract import ExtractedVote

# The reader (unsc._extract) compiles its patterns when imported: it is imported in the
# functions that read a text, so that `unsc extract --help` and `unsc reports` skip it.


def _counts(v: ExtractedVote) -> str:
    parts = [("yes", v.yes), ("no", v.no), ("abstain", v.abstain), ("not voting", v.not_voting)]
    return ", ".join(f"{label} {'?' if n is None else n}" for label, n in parts)


def render_vote(v: ExtractedVote) -> str:
    """A readable summary of one extracted vote."""
    date = v.date.isoformat() if v.date else "date unknown"
    outcome = v.outcome.value if v.outcome else "outcome unknown"
    if v.vetoed_by:
        outcome += " by " + ", ".join(v.vetoed_by)
    ids = [x for x in (v.draft, f"resolution {v.resolution}" if v.resolution else None) if x]
    head = f"{date}  {v.kind.value}{' (procedural)' if v.procedural else ''}  {outcome}"
    lines = [head + (f"  [{'; '.join(ids)}]" if ids else "")]
    lines.append(f"  question: {v.question}")
    lines.append(f"  counts: {_counts(v)}")
    for label, members in (
        ("yes", v.members_yes),
        ("no", v.members_no),
        ("abstain", v.members_abstain),
        ("not voting", v.members_not_voting),
        ("by elimination", v.members_inferred),
    ):
        if members:
            lines.append(f"  {label}: {', '.join(members)}")
    if v.sponsor:
        lines.append(f"  sponsor: {v.sponsor}")
    if v.warnings:
        lines.append(f"  warnings: {', '.join(v.warnings)}")
    return "\n".join(lines)


def _database(ctx: click.Context) -> str | None:
    url: str | None = ctx.find_root().params.get("database")
    return url


def _name(name: str) -> str:
    return "<stdin>" if name == "-" else Path(name).name


def _reports(ctx: click.Context) -> Any:
    from unsc._record.reports import Reports

    return Reports(_database(ctx))


def _load_summary(loaded: Any) -> str:
    report = loaded.report
    if not loaded.created:
        return (
            f"  already loaded as report {report.id} ({report.file}, "
            f"sha256 {report.sha256[:12]}): nothing changed"
        )
    counts = {s: sum(1 for v in report.votes if v.status == s) for s in ("confirmed", "candidate")}
    return (
        f"  loaded as report {report.id} (sha256 {report.sha256[:12]}): "
        f"{counts['confirmed']} confirmed, {counts['candidate']} "
        f"candidate{'' if counts['candidate'] == 1 else 's'} awaiting confirmation"
    )


def _read(name: str) -> str:
    """The text of file ``name``, or of standard input for ``-``."""
    if name == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            fail(f"cannot read standard input: {exc}")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        fail(f"cannot read {name}: {reason}")


def _checks(ctx: click.Context, results: list[tuple[str, str, tuple[ExtractedVote, ...]]]) -> Any:
    """Each file's votes checked against the loaded record (``None``: no record loaded)."""
    from unsc._extract import check_records
    from unsc._store import db

    engine = db.open_database(_database(ctx))
    try:
        with engine.connect() as conn:
            checked = [check_records(conn, votes) for _, _, votes in results]
    finally:
        engine.dispose()
    if any(c is None for c in checked):
        return None
    return checked


def render_check(vote: ExtractedVote, check: Any) -> str:
    """The checks of one vote: the engine's warnings explained, and the record's verdict."""
    from unsc._extract import ExtractWarning

    lines = [f"  check: {ExtractWarning(w).message}" for w in vote.warnings]
    if not vote.warnings:
        lines.append("  check: the engine's checks find nothing to warn about")
    lines.append(f"  confidence: {vote.confidence:.2f}")
    if check is not None:
        lines.append(f"  record: {check.note}")
        if check.agrees:
            lines.append(f"  record agrees on: {', '.join(check.agrees)}")
        lines += [f"  record disagrees: {m}" for m in check.disagrees]
    return "\n".join(lines)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per file.")
@click.option(
    "--check",
    is_flag=True,
    help="Explain each vote's checks (the engine's, against the Council on its date) and "
    "compare it with the loaded record of decisions (`unsc data load`), when there is one: "
    "a resolution number gives the date, tally and votes, a draft symbol the outcome.",
)
@click.option(
    "--load",
    is_flag=True,
    help="Also store the votes in the database (see `unsc reports`): confirmed when "
    "they have no warning, else candidates awaiting confirmation. A text loaded "
    "before changes nothing.",
)
@click.pass_context
def extract_cmd(
    ctx: click.Context, files: tuple[str, ...], as_json: bool, check: bool, load: bool
) -> None:
    """Find every Security Council vote reported in the text FILEs.

    A FILE of - reads standard input. Relative days ("on Tuesday",
    "yesterday") are read against a first line such as "date 2017-10-26 AP,
    UNITED NATIONS". Votes of other bodies, statements, withdrawn drafts and
    undated history are left out; every vote is checked against the
    Council's composition and the rules, and with --check against the loaded
    record of decisions.

    With --load the votes are added to the database with their provenance
    (the file name and the text's SHA-256), apart from the official record;
    every file is read before anything is stored, and all are stored at once.

    Example: unsc extract story.txt --json
    """
    from unsc._extract import ExtractWarning, extract

    if files.count("-") > 1:
        fail("standard input (-) can be read only once")
    texts = [(name, _read(name)) for name in files]
    results = [(name, text, extract(text)) for name, text in texts]
    checks: Any = None
    if check:
        checks = _checks(ctx, results)
        if checks is not None:
            results = [
                (name, text, tuple(v for v, _ in pairs))
                for (name, text, _), pairs in zip(results, checks, strict=True)
            ]
        else:
            click.echo(
                "unsc: note: no record of decisions is loaded (`unsc data load`): "
                "the votes are checked by the engine only",
                err=True,
            )
    loaded: list[Any] = []
    if load:
        from unsc._record.reports import store_report

        with _reports(ctx).engine.begin() as conn:
            loaded = [
                store_report(conn, text, file=_name(name), votes=votes)
                for name, text, votes in results
            ]
    if as_json:
        out: list[dict[str, object]] = []
        for i, (name, _, votes) in enumerate(results):
            records = [v.to_dict() for v in votes]
            if check:
                for j, record in enumerate(records):
                    record["check"] = {
                        "warnings": [ExtractWarning(w).message for w in votes[j].warnings],
                        "record": checks[i][j][1].to_dict() if checks is not None else None,
                    }
            out.append({"file": _name(name), "records": records})
        for item, stored in zip(out, loaded, strict=False):
            item["load"] = stored.to_dict()
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for i, (name, _, votes) in enumerate(results):
        if i:
            click.echo()
        label = "<stdin>" if name == "-" else name
        click.echo(f"{label}: {len(votes)} vote{'' if len(votes) == 1 else 's'}")
        for j, v in enumerate(votes):
            click.echo(render_vote(v))
            if check:
                click.echo(render_check(v, checks[i][j][1] if checks is not None else None))
        if loaded:
            click.echo(_load_summary(loaded[i]))


STATUSES = ("candidate", "confirmed", "rejected")


@click.command("reports")
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    help="Only votes with this status: candidate (awaiting confirmation), confirmed or rejected.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per stored vote.")
@click.pass_context
def reports_cmd(ctx: click.Context, status: str | None, as_json: bool) -> None:
    """List the votes read from reports and stored by `unsc extract --load`.

    Each comes with its provenance (file, SHA-256 of the text, report and
    order in it), its status, its fields as `unsc extract --json` gives them,
    the corrections a person made, and the spans of the text that support it.
    Candidates are confirmed, with corrections, or rejected in the web app
    (`unsc serve`, page /reports) or with the library (`Reports.confirm`).

    Example: unsc reports --status candidate
    """
    votes = _reports(ctx).votes(status=status)
    if as_json:
        click.echo(json.dumps([v.to_dict() for v in votes], indent=2, ensure_ascii=False))
        return
    for i, stored in enumerate(votes):
        if i:
            click.echo()
        click.echo(
            f"#{stored.id}  {stored.status.value}  {stored.file}  "
            f"(report {stored.report_id}, vote {stored.seq})"
        )
        click.echo(render_vote(stored.vote))
        for field, change in stored.corrections.items():
            click.echo(f"  corrected {field}: {change['from']!r} -> {change['to']!r}")
    click.echo(f"({len(votes)} vote{'' if len(votes) == 1 else 's'})", err=True)


COMMANDS = (extract_cmd, reports_cmd)
