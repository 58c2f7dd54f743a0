"""The record load's SQL: source files and their observations in, derived tables out.

``unsc._record.load`` decides what to parse, reconciles and writes; these are
the statements it runs. Rows are plain mappings or named rows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._store import db

DERIVED = (
    db.documents,
    db.agreement,
    db.conflicts,
    db.provenance,
    db.sponsors,
    db.vetoes,
    db.votes,
    db.decisions,
    db.meetings,
)
"""The tables a load rebuilds from the observations, dependents first."""


def stored_files(conn: Connection) -> dict[tuple[str, str], tuple[str, int]]:
    """(source, file) -> (SHA-256, number of observations) of every file loaded before."""
    f = db.source_files.c
    rows = conn.execute(sa.select(f.source, f.file, f.sha256, f.observations))
    return {(r.source, r.file): (r.sha256, r.observations) for r in rows}


def counts(conn: Connection) -> tuple[int, int]:
    """How many decisions and conflicts the record holds."""
    decisions = conn.execute(sa.select(sa.func.count()).select_from(db.decisions)).scalar_one()
    conflicts = conn.execute(sa.select(sa.func.count()).select_from(db.conflicts)).scalar_one()
    return int(decisions), int(conflicts)


def replace_source_file(
    conn: Connection, *, source: str, file: str, sha256: str, observations: int, loaded_at: str
) -> int:
    """Forget a source's earlier copy of ``file`` (its observations go with it); the new id."""
    f = db.source_files.c
    conn.execute(sa.delete(db.source_files).where(f.source == source, f.file == file))
    inserted = conn.execute(
        sa.insert(db.source_files).values(
            source=source, file=file, sha256=sha256, observations=observations, loaded_at=loaded_at
        )
    ).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def insert_observations(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert observation rows (``source_file_id``, ``line``, ``kind``, ``payload``)."""
    db.insert_many(conn, db.observations, rows)


def observation_rows(conn: Connection, *, without: Collection[int] = ()) -> Any:
    """(source, file, line, kind, payload) of every stored observation, in the order stored.

    ``without``: ids of source files whose observations to leave out.
    """
    o, f = db.observations.c, db.source_files.c
    query = (
        sa.select(f.source, f.file, o.line, o.kind, o.payload)
        .join(db.source_files, f.id == o.source_file_id)
        .order_by(o.id)
    )
    if without:
        query = query.where(o.source_file_id.not_in(list(without)))
    return conn.execute(query)


def observation_spans(conn: Connection) -> dict[int, tuple[int, int, int]]:
    """Source file id -> (first observation id, last, how many) of every stored file."""
    o = db.observations.c
    rows = conn.execute(
        sa.select(
            o.source_file_id,
            sa.func.min(o.id).label("first"),
            sa.func.max(o.id).label("last"),
            sa.func.count().label("count"),
        ).group_by(o.source_file_id)
    )
    return {int(fid): (int(first), int(last), int(n)) for fid, first, last, n in rows}


def clear_derived(conn: Connection) -> None:
    """Empty every table a load rebuilds (:data:`DERIVED`)."""
    for table in DERIVED:
        conn.execute(sa.delete(table))


def write_agreement(conn: Connection) -> None:
    """The ``agreement`` table from the votes written, in one statement."""
    mine, other = db.votes.alias("mine"), db.votes.alias("other")
    same = sa.func.sum(sa.case((other.c.position == mine.c.position, 1), else_=0))
    pairs = (
        sa.select(mine.c.member, other.c.member, sa.func.count(), same)
        .join(other, other.c.decision_id == mine.c.decision_id)
        .where(other.c.member != mine.c.member, mine.c.position != "X", other.c.position != "X")
        .group_by(mine.c.member, other.c.member)
    )
    columns = ["member", "other", "votes_together", "same_position"]
    conn.execute(sa.insert(db.agreement).from_select(columns, pairs))
