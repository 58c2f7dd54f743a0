"""The stored press reports' SQL: rows in and out of ``reports`` and ``report_votes``.

Rows are plain mappings of column names to values; ``unsc._record.reports``
turns them into its model (``Report``, ``ReportVote``) and decides what to
store. Nothing here reads a text or knows a status beyond its stored string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._store.report_tables import reports_table, votes_table

_R = reports_table.c
_V = votes_table.c


def _vote_select() -> sa.Select[Any]:
    return sa.select(votes_table, _R.file, _R.sha256).join(
        reports_table, reports_table.c.id == _V.report_id
    )


def vote_rows(
    conn: Connection, *, status: str | None = None, report_id: int | None = None
) -> list[dict[str, Any]]:
    """Stored votes with their report's file and SHA-256, by report and order in the report."""
    query = _vote_select().order_by(_V.report_id, _V.seq)
    if status is not None:
        query = query.where(_V.status == status)
    if report_id is not None:
        query = query.where(_V.report_id == report_id)
    return [dict(r) for r in conn.execute(query).mappings()]


def vote_row(conn: Connection, vote_id: int) -> dict[str, Any] | None:
    """One stored vote (as :func:`vote_rows` gives it) by its id, or ``None``."""
    row = conn.execute(_vote_select().where(_V.id == vote_id)).mappings().first()
    return dict(row) if row is not None else None


def report_row(
    conn: Connection, *, report_id: int | None = None, sha256: str | None = None
) -> dict[str, Any] | None:
    """The stored report with this id, or else this SHA-256, or ``None``."""
    where = _R.id == report_id if report_id is not None else _R.sha256 == sha256
    row = conn.execute(sa.select(reports_table).where(where)).mappings().first()
    return dict(row) if row is not None else None


def report_text(conn: Connection, report_id: int) -> str:
    """The stored text of a report (which must exist)."""
    return str(conn.execute(sa.select(_R.text).where(_R.id == report_id)).scalar_one())


def status_counts(conn: Connection) -> list[tuple[int, str, int]]:
    """(report id, status, number of votes) for every report and status it has."""
    rows = conn.execute(
        sa.select(_V.report_id, _V.status, sa.func.count()).group_by(_V.report_id, _V.status)
    )
    return [(int(report_id), str(status), int(n)) for report_id, status, n in rows]


def report_summaries(conn: Connection) -> list[dict[str, Any]]:
    """Every report's id, file, SHA-256, dateline and load time, newest first (no text)."""
    query = sa.select(_R.id, _R.file, _R.sha256, _R.dateline, _R.loaded_at).order_by(_R.id.desc())
    return [dict(r) for r in conn.execute(query).mappings()]


def insert_report(conn: Connection, values: Mapping[str, object]) -> int:
    """Insert one report row; its new id."""
    inserted = conn.execute(sa.insert(reports_table).values(**values)).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def insert_votes(conn: Connection, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert vote rows (nothing when there are none)."""
    if rows:
        conn.execute(sa.insert(votes_table), list(rows))


def update_vote(conn: Connection, vote_id: int, values: Mapping[str, object]) -> None:
    """Set ``values`` on one stored vote."""
    conn.execute(sa.update(votes_table).where(_V.id == vote_id).values(**values))
