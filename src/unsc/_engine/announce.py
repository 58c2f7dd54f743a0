"""Plain-text renderings: the President's announcement and the Council table."""

from __future__ import annotations

import datetime as dt

from unsc._engine.model import Decision, Outcome, Position
from unsc._reference.council import Council
from unsc._reference.states import name_on


def announcement(decision: Decision) -> str:
    """The President's announcement of a decision, as read in the chamber.

    >>> import datetime as dt
    >>> from unsc import adjudicate_tally
    >>> d = adjudicate_tally(dt.date(2017, 10, 24), 11, 2, 2, permanent_no=["RUS"])
    >>> announcement(d).startswith("The draft resolution has not been adopted, owing to")
    True
    """
    noun = decision.kind.noun
    if decision.outcome is Outcome.VETOED:
        return (
            f"The {noun} has not been adopted, owing to the negative vote of a permanent "
            "member of the Council."
        )
    if decision.outcome is Outcome.FAILED:
        return (
            f"The {noun} has not been adopted, having failed to obtain the required "
            "number of votes."
        )
    if decision.yes is None:
        return f"The {noun} has been adopted without a vote."
    if decision.no == 0 and decision.abstain == 0 and decision.not_voting == 0:
        return f"The {noun} has been adopted unanimously."
    return f"The {noun} has been adopted."


_LABELS = (
    (Position.YES, "In favour"),
    (Position.NO, "Against"),
    (Position.ABSTAIN, "Abstaining"),
    (Position.NOT_VOTING, "Not voting"),
)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render_decision(decision: Decision) -> str:
    """Announcement, tally with member names, and the coded reasons."""
    lines = [announcement(decision), ""]
    if decision.yes is not None:
        lines.append(
            f"{_plural(decision.yes, 'vote')} in favour, {decision.no} against, "
            f"{_plural(decision.abstain or 0, 'abstention')}"
            + (f", {decision.not_voting} not voting" if decision.not_voting else "")
            + f"; {decision.required} required."
        )
    for position, label in _LABELS:
        names = sorted(
            (name_on(code, decision.date) for code, p in decision.votes.items() if p is position),
            key=str.casefold,
        )
        if names:
            lines.append(f"{label} ({len(names)}): " + ", ".join(names) + ".")
    lines.append(f"President: {name_on(decision.president, decision.date)}.")
    lines.append("")
    lines.append("Reasons:")
    for reason in decision.reasons:
        who = f" [{', '.join(reason.members)}]" if reason.members else ""
        lines.append(f"  {reason.code.value} ({reason.severity.value}){who}: {reason.message}")
    return "\n".join(lines)


def _span(start: dt.date, end: dt.date | None) -> str:
    return f"{start.isoformat()} to {end.isoformat() if end else 'open'}"


def render_council(c: Council) -> str:
    """The Council on a date as a table."""
    president = c.member(c.president)
    head = (
        f"Security Council on {c.date.isoformat()}: {c.size} members, "
        f"{c.required_votes} affirmative votes required.\n"
        f"President: {president.name if president else c.president}.\n"
    )
    width = max(len(m.name) for m in c.members)
    rows = []
    for m in c.members:
        seat = "permanent" if m.permanent else "elected  "
        extra = f" (represented by {m.represented_by})" if m.represented_by else ""
        rows.append(
            f"  {m.code}  {m.name.ljust(width)}  {seat}  {_span(m.term_start, m.term_end)}{extra}"
        )
    return head + "\n".join(rows)
