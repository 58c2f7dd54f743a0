"""Records read from a text, checked against the loaded record of the Council's decisions.

A resolution number names one decision of the record: its date, its tally and
the members' votes are compared with what the text gives. A draft symbol names
a draft put to the vote: its recorded outcome (and date and tally) are compared.
Each comparison is an agreement (noted) or a disagreement: a message naming the
field, the text's value, the record's value and the record's sources.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from unsc._extract._model import ExtractedVote, ExtractWarning
from unsc._store import lookup

if TYPE_CHECKING:
    from unsc._store.db import Connection

#: The record's one-letter positions, as the reader's member lists name them.
_POSITIONS = {"Y": "members_yes", "N": "members_no", "A": "members_abstain"}
_COUNTS = ("yes", "no", "abstain")


@dataclasses.dataclass(frozen=True, slots=True)
class RecordCheck:
    """What the record says about one extracted vote.

    ``decision`` is the key of the decision the vote names (``None`` when it
    names none the record holds); ``agrees`` the fields on which text and record
    agree; ``disagrees`` one message per field on which they differ.
    """

    decision: str | None
    agrees: tuple[str, ...]
    disagrees: tuple[str, ...]
    note: str

    def to_dict(self) -> dict[str, object]:
        """The JSON shape (``unsc extract --check --json``, ``POST /api/extract``)."""
        return {
            "decision": self.decision,
            "agrees": list(self.agrees),
            "disagrees": list(self.disagrees),
            "note": self.note,
        }


def record_loaded(conn: Connection) -> bool:
    """Whether the database holds any decision of the record."""
    return lookup.record_loaded(conn)


def _find(conn: Connection, vote: ExtractedVote) -> tuple[str, Any] | None:
    if vote.resolution is not None:
        row = lookup.by_resolution(conn, vote.resolution)
        if row is not None:
            return f"resolution {vote.resolution}", row
    if vote.draft:
        rows = lookup.by_draft(conn, vote.draft)
        if vote.date is not None:
            same_day = [r for r in rows if r.date == vote.date]
            rows = same_day or rows
        if rows:
            return f"draft {vote.draft}", rows[-1]
    if vote.date is not None and vote.resolution is None and vote.draft is None:
        rows = lookup.on_date(conn, vote.date)
        counted = [
            r
            for r in rows
            if all(getattr(vote, f) in (None, getattr(r, f)) for f in _COUNTS)
            and (vote.outcome is None or _outcome(r) in (None, vote.outcome.value))
        ]
        if len(counted) == 1:
            return f"the only decision of {vote.date.isoformat()} with these votes", counted[0]
    return None


def _outcome(row: Any) -> str | None:
    value = row.recorded_outcome or row.adjudicated_outcome
    return str(value) if value else None


def check_record(conn: Connection, vote: ExtractedVote) -> RecordCheck:
    """Compare ``vote`` with the decision its resolution number or draft symbol names."""
    found = _find(conn, vote)
    if found is None:
        named = vote.resolution is not None or vote.draft is not None
        note = (
            "the record holds no decision with this resolution number or draft symbol"
            if named
            else "the text names no resolution number or draft symbol to look up"
        )
        return RecordCheck(None, (), (), note)
    what, row = found
    sources = row.sources or "the record"
    agrees: list[str] = []
    disagrees: list[str] = []

    def compare(field: str, text: object, record: object, source: str = sources) -> None:
        if text is None or record is None:
            return
        if text == record:
            agrees.append(field)
        else:
            disagrees.append(
                f"{field}: the text gives {text}, the record {record} ({what}, source: {source})"
            )

    compare("date", vote.date.isoformat() if vote.date else None, row.date.isoformat())
    tally = row.tally_source or sources
    for field in _COUNTS:
        compare(field, getattr(vote, field), getattr(row, field), tally)
    outcome = _outcome(row)
    compare("outcome", vote.outcome.value if vote.outcome else None, outcome)
    positions: dict[str, set[str]] = {f: set() for f in _POSITIONS.values()}
    for member, position in lookup.positions(conn, row.id):
        where = _POSITIONS.get(position)
        if where:
            positions[where].add(member)
    if any(positions.values()):
        for field, members in positions.items():
            stated = set(getattr(vote, field))
            if not stated:
                continue
            if stated <= members:
                agrees.append(field)
            else:
                disagrees.append(
                    f"{field}: the text gives {', '.join(sorted(stated))}, the record "
                    f"{', '.join(sorted(members)) or 'none'} ({what}, source: "
                    f"{row.votes_source or sources})"
                )
    note = f"{what} is decision {row.key} of the record"
    return RecordCheck(str(row.key), tuple(agrees), tuple(disagrees), note)


def check_records(
    conn: Connection, votes: Sequence[ExtractedVote]
) -> list[tuple[ExtractedVote, RecordCheck]] | None:
    """Every vote with its :func:`check_record`; ``None`` when no record is loaded.

    A vote the record contradicts gains the ``disagrees_with_record`` warning.
    """
    if not record_loaded(conn):
        return None
    out = []
    for vote in votes:
        check = check_record(conn, vote)
        if check.disagrees:
            warnings = tuple(sorted({*vote.warnings, ExtractWarning.DISAGREES_WITH_RECORD.value}))
            vote = dataclasses.replace(vote, warnings=warnings)
        out.append((vote, check))
    return out
