"""Precomputed documents: each decision's and each member's JSON, written at every load.

``GET /api/decisions/KEY`` and ``GET /api/members/CODE`` return exactly
:func:`unsc._store.query.decision_detail` and :func:`unsc._store.query.member`
as JSON. Both are derived from the record alone, which changes only when it
is loaded, so the load writes them once into the ``documents`` table
(migration ``0007_agreement``), keyed by kind and key; a request then reads
one row by primary key. The decisions are built in bulk (one query per
table, not five per decision); ``tests/test_speed_paths.py`` checks every
document against the per-request functions on the real record.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._errors import UnknownMemberError
from unsc._store import db, query

DECISION = "decision"
MEMBER = "member"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""``json.dumps`` with these options, without a new encoder per call."""


def dumps(data: object) -> str:
    """JSON as the API sends it (compact, UTF-8 text)."""
    return _ENCODER.encode(data)


def decision_details(conn: Connection) -> dict[str, dict[str, Any]]:
    """:func:`unsc._store.query.decision_detail` of every decision, by key, in bulk."""
    d = db.decisions.c
    votes: dict[int, dict[str, str]] = defaultdict(dict)
    for vote in conn.execute(
        sa.select(db.votes.c.decision_id, db.votes.c.member, db.votes.c.position).order_by(
            db.votes.c.decision_id, db.votes.c.member
        )
    ):
        votes[vote.decision_id][vote.member] = vote.position
    sponsors: dict[int, list[str]] = defaultdict(list)
    for sponsor in conn.execute(
        sa.select(db.sponsors.c.decision_id, db.sponsors.c.member).order_by(
            db.sponsors.c.decision_id, db.sponsors.c.member
        )
    ):
        sponsors[sponsor.decision_id].append(sponsor.member)
    provenance: dict[int, list[dict[str, Any]]] = defaultdict(list)
    p = db.provenance.c
    for prov in conn.execute(sa.select(p.decision_id, p.source, p.file, p.line)):
        provenance[prov.decision_id].append(
            {"source": prov.source, "file": prov.file, "line": prov.line}
        )
    conflicts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in query.conflicts(conn):
        conflicts[c["decision"]].append(c)
    out: dict[str, dict[str, Any]] = {}
    for r in conn.execute(sa.select(db.decisions).order_by(d.id)).all():
        row = query.detail_row(r)  # the same fields, in the same order, as decision_detail
        row["votes"] = votes.get(r.id, {})
        row["sponsors"] = sponsors.get(r.id, [])
        row["provenance"] = provenance.get(r.id, [])
        row["conflicts"] = conflicts.get(r.key, [])
        out[r.key] = row
    return out


def member_codes(conn: Connection) -> list[str]:
    """Every member the record names in a vote or a veto."""
    v, w = db.votes.c, db.vetoes.c
    return sorted(
        {r[0] for r in conn.execute(sa.select(v.member).distinct())}
        | {r[0] for r in conn.execute(sa.select(w.member).distinct())}
    )


def rebuild(conn: Connection) -> None:
    """Write every document anew from the record just loaded (inside the load's transaction)."""
    conn.execute(sa.delete(db.documents))
    rows = [
        {"kind": DECISION, "key": key, "body": dumps(detail)}
        for key, detail in decision_details(conn).items()
    ]
    for code in member_codes(conn):
        try:
            member = query.member(conn, code)
        except UnknownMemberError:  # a code the reference data does not know: served live
            continue
        rows.append({"kind": MEMBER, "key": code, "body": dumps(member)})
    if rows:
        db.insert_many(conn, db.documents, rows)


_DOCUMENT = sa.select(db.documents.c.body).where(
    db.documents.c.kind == sa.bindparam("kind"), db.documents.c.key == sa.bindparam("key")
)
"""Built once: a request reading a document does not build the statement again."""


def document(conn: Connection, kind: str, key: str) -> str | None:
    """The stored JSON of ``kind`` (``decision``, ``member``) ``key``, if any."""
    found = conn.execute(_DOCUMENT, {"kind": kind, "key": key}).scalar()
    return None if found is None else str(found)
