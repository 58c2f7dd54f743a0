"""The mandate tables' SQL: their rows replaced on a load, read back for queries.

Rows are plain mappings of column names to values; ``unsc._mandates.store``
builds them from timelines and timelines from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._store import db
from unsc._store import mandate_tables as t

Rows = Sequence[Mapping[str, object]]


def replace(
    conn: Connection,
    *,
    bodies: Rows,
    periods: Rows,
    events: Rows,
    conflict_kind: str,
    conflicts: Rows,
) -> None:
    """Replace the mandate tables' rows, and the record's conflicts of ``conflict_kind``."""
    for table in reversed(t.TABLES):
        conn.execute(sa.delete(table))
    conn.execute(sa.delete(db.conflicts).where(db.conflicts.c.kind == conflict_kind))
    for table, rows in (
        (t.bodies, bodies),
        (t.mandate_periods, periods),
        (t.mandate_events, events),
    ):
        if rows:
            db.insert_many(conn, table, rows)
    if conflicts:
        db.insert_many(conn, db.conflicts, conflicts)


def periods(conn: Connection) -> list[Any]:
    """Every stored mandate period, in the order stored."""
    return list(conn.execute(sa.select(t.mandate_periods).order_by(t.mandate_periods.c.id)))


def events(conn: Connection) -> list[Any]:
    """Every stored mandate event, in the order stored."""
    return list(conn.execute(sa.select(t.mandate_events).order_by(t.mandate_events.c.id)))


def bodies(conn: Connection) -> list[Any]:
    """Every stored body, by key."""
    return list(conn.execute(sa.select(t.bodies).order_by(t.bodies.c.key)))


def decision_marks(conn: Connection, key: str) -> list[tuple[str, str, str | None, str]] | None:
    """(body key, name, acronym, event kind) of the stored events of decision ``key``.

    Bodies by key, events as stored, by one indexed query. ``None`` when no
    body is stored.
    """
    if conn.execute(_ANY_BODY).first() is None:
        return None
    rows = conn.execute(_DECISION_MARKS, {"key": key})
    return [(r.key, r.name, r.acronym, r.kind) for r in rows]


_ANY_BODY = sa.select(t.bodies.c.id).limit(1)
_DECISION_MARKS = (
    sa.select(t.bodies.c.key, t.bodies.c.name, t.bodies.c.acronym, t.mandate_events.c.kind)
    .select_from(t.mandate_events.join(t.bodies, t.bodies.c.id == t.mandate_events.c.body_id))
    .where(t.mandate_events.c.decision_key == sa.bindparam("key"))
    .order_by(t.bodies.c.key, t.mandate_events.c.id)
)
"""Built once (:func:`decision_marks` runs for every uncached decision page)."""
