"""``unsc extract``: read vote reports and list the Security Council votes they report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from unsc._extract import ExtractedVote, extract


def _fail(message: str) -> None:
    click.echo(f"unsc: error: {message}", err=True)
    sys.exit(2)


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


@click.command("extract")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per file.")
def extract_cmd(files: tuple[str, ...], as_json: bool) -> None:
    """Find every Security Council vote reported in the text FILEs.

    Relative days ("on Tuesday", "yesterday") are read against a first line
    such as "date 2017-10-26 AP, UNITED NATIONS". Votes of other bodies,
    statements, withdrawn drafts and undated history are left out; every
    vote is checked against the Council's composition and the rules.

    Example: unsc extract story.txt --json
    """
    texts: list[tuple[str, str]] = []
    for name in files:
        try:
            texts.append((name, Path(name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            _fail(f"cannot read {name}: {reason}")
    results = [(name, extract(text)) for name, text in texts]
    if as_json:
        out = [
            {"file": Path(name).name, "records": [v.to_dict() for v in votes]}
            for name, votes in results
        ]
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for i, (name, votes) in enumerate(results):
        if i:
            click.echo()
        click.echo(f"{name}: {len(votes)} vote{'' if len(votes) == 1 else 's'}")
        for v in votes:
            click.echo(render_vote(v))


COMMANDS = (extract_cmd,)
