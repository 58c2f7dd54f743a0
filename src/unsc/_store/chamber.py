"""The Chamber's store: user meetings, their questions and votes, apart from the record.

Writes keep the order of rules 32 and 33 under concurrent writers: a question's
place in its meeting is taken under the meeting's lock, with retries on a
conflict; a second vote by one member on one question is a
:class:`ChamberConflict` (409 in the web app).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._engine.chamber import Question
from unsc._errors import InputError
from unsc._store import chamber_tables as tables

Row = dict[str, Any]

_S = tables.sessions.c
_Q = tables.questions.c


def _now() -> str:
    """Now in UTC, to the microsecond.

    The meeting's page announces the question decided last by this time, and
    two votes of one meeting may fall in the same second.
    """
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def create_session(conn: Connection, *, title: str, date: dt.date, president: str) -> int:
    """A new open meeting; its id."""
    key = conn.execute(
        sa.insert(tables.sessions).values(
            title=title, date=date, president=president, status="open", created_at=_now()
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def sessions(conn: Connection) -> list[Row]:
    """Every saved meeting, newest first, with how many questions each holds."""
    counts = sa.select(_Q.session_id, sa.func.count().label("n")).group_by(_Q.session_id).subquery()
    stmt = (
        sa.select(tables.sessions, sa.func.coalesce(counts.c.n, 0).label("questions"))
        .outerjoin(counts, counts.c.session_id == _S.id)
        .order_by(_S.id.desc())
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def session(conn: Connection, session_id: int) -> Row | None:
    """One meeting, or ``None``."""
    r = conn.execute(sa.select(tables.sessions).where(_S.id == session_id)).first()
    return dict(r._mapping) if r else None


def set_session_status(conn: Connection, session_id: int, status: str) -> None:
    """Change a meeting's status (open, suspended, adjourned)."""
    conn.execute(sa.update(tables.sessions).where(_S.id == session_id).values(status=status))


def question_rows(conn: Connection, session_id: int) -> list[Row]:
    """The questions of a meeting in the order tabled, each with its votes."""
    rows = [
        dict(r._mapping)
        for r in conn.execute(
            sa.select(tables.questions).where(_Q.session_id == session_id).order_by(_Q.seq)
        )
    ]
    votes: dict[int, dict[str, str]] = defaultdict(dict)
    ids = [r["id"] for r in rows]
    if ids:
        vc = tables.votes.c
        for v in conn.execute(sa.select(tables.votes).where(vc.question_id.in_(ids))):
            votes[v.question_id][v.member] = v.position
    for r in rows:
        r["votes"] = votes[r["id"]]
        r["decision"] = json.loads(r["decision"]) if r["decision"] else None
    return rows


def as_question(row: Row) -> Question:
    """The chamber rules' view of a question row."""
    from unsc._engine import Kind

    return Question(
        id=row["id"],
        seq=row["seq"],
        kind=Kind(row["kind"]),
        motion=row["motion"],
        title=row["title"],
        amends_id=row["amends_id"],
        status=row["status"],
    )


class ChamberConflict(InputError):
    """A write to a meeting lost a race with another one (answered 409)."""


SQLITE_WRITE_WAIT_MS = 30_000
"""How long a SQLite writer waits for another meeting's write to finish (milliseconds)."""

TABLE_RETRIES = 5
"""How many times tabling retries when another writer took the same ``seq``."""


def lock_session(conn: Connection, session_id: int) -> bool:
    """Take the meeting's write lock for the rest of the transaction; whether it exists.

    Every write to a meeting starts here, so writers to one meeting go one at a
    time and each reads what the one before it committed: PostgreSQL locks the
    session's row until commit; SQLite takes its write lock (waiting up to
    :data:`SQLITE_WRITE_WAIT_MS` for another writer rather than failing).
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_WRITE_WAIT_MS}")
    result = conn.execute(
        sa.update(tables.sessions).where(_S.id == session_id).values(status=_S.status)
    )
    return result.rowcount == 1


def table_question(
    conn: Connection,
    session_id: int,
    *,
    kind: str,
    motion: str | None,
    title: str,
    amends_id: int | None,
) -> int:
    """Table a question in a meeting (after :func:`lock_session`); its id.

    ``seq`` (the order tabled) is unique per meeting in the database
    (``uq_chamber_questions_session_seq``); should another writer take the
    same number, the insert is undone to a savepoint and retried with the next.
    """
    for _attempt in range(TABLE_RETRIES):
        seq = conn.execute(
            sa.select(sa.func.coalesce(sa.func.max(_Q.seq), 0) + 1).where(
                _Q.session_id == session_id
            )
        ).scalar_one()
        try:
            with conn.begin_nested():
                key = conn.execute(
                    sa.insert(tables.questions).values(
                        session_id=session_id,
                        seq=seq,
                        kind=kind,
                        motion=motion,
                        title=title,
                        amends_id=amends_id,
                        status="pending",
                        tabled_at=_now(),
                    )
                ).inserted_primary_key
        except sa.exc.IntegrityError:
            continue
        assert key is not None
        return int(key[0])
    raise ChamberConflict(f"another question was tabled at the same moment {TABLE_RETRIES} times")


def record_vote(
    conn: Connection,
    question_id: int,
    *,
    votes: dict[str, str],
    status: str,
    announcement: str,
    decision: Row,
) -> None:
    """Store the members' votes and the engine's decision on a pending question.

    Raises :class:`ChamberConflict` when the question is no longer pending (it
    was decided by a concurrent vote): nothing is then written.
    """
    decided = conn.execute(
        sa.update(tables.questions)
        .where(_Q.id == question_id, _Q.status == "pending")
        .values(
            status=status,
            decided_at=_now(),
            announcement=announcement,
            decision=json.dumps(decision, ensure_ascii=False),
        )
    )
    if decided.rowcount != 1:
        raise ChamberConflict(f"question {question_id} has already been decided")
    try:
        with conn.begin_nested():
            conn.execute(
                sa.insert(tables.votes),
                [
                    {"question_id": question_id, "member": m, "position": p}
                    for m, p in votes.items()
                ],
            )
    except sa.exc.IntegrityError:
        raise ChamberConflict(f"question {question_id} has already been decided") from None


def set_question_status(conn: Connection, question_id: int, status: str) -> None:
    """Change a question's status (postponed, referred, lapsed)."""
    conn.execute(sa.update(tables.questions).where(_Q.id == question_id).values(status=status))
