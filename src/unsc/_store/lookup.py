"""Looking up decisions of the loaded record by what a text names: a resolution, a draft, a day.

The reader's record check (``unsc._extract.check_records``) compares what a
text gives with the decision these find; the rows are the ``decisions``
table's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._store import db

_D = db.decisions.c


def record_loaded(conn: Connection) -> bool:
    """Whether the database holds any decision of the record (false without the tables)."""
    try:
        return conn.execute(sa.select(_D.id).limit(1)).first() is not None
    except sa.exc.DBAPIError:
        return False


def by_resolution(conn: Connection, number: int) -> sa.Row[Any] | None:
    """The decision that adopted resolution ``number``, or ``None``."""
    return conn.execute(sa.select(db.decisions).where(_D.resolution == number)).first()


def by_draft(conn: Connection, draft: str) -> list[sa.Row[Any]]:
    """The decisions on draft ``draft``, by date and id."""
    query = sa.select(db.decisions).where(_D.draft == draft).order_by(_D.date, _D.id)
    return list(conn.execute(query).all())


def on_date(conn: Connection, day: dt.date) -> list[sa.Row[Any]]:
    """The decisions taken on ``day``, as stored."""
    return list(conn.execute(sa.select(db.decisions).where(_D.date == day)).all())


def positions(conn: Connection, decision_id: int) -> list[tuple[str, str]]:
    """(member, one-letter position) of every recorded vote of a decision, as stored."""
    rows = conn.execute(
        sa.select(db.votes.c.member, db.votes.c.position).where(
            db.votes.c.decision_id == decision_id
        )
    )
    return [(str(member), str(position)) for member, position in rows]
