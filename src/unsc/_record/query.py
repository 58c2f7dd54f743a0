"""Queries over the record. Plain rows (dicts) here; DataFrames in ``unsc._record.api``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._council import terms_of
from unsc._errors import InputError
from unsc._mandates import tables as mandate_tables
from unsc._record import db
from unsc._states import name_on, resolve_member

Row = dict[str, Any]

_D = db.decisions.c


def _codes(text: str | None) -> list[str]:
    return [c for c in (text or "").split(",") if c]


def _decision_row(r: sa.Row[Any]) -> Row:
    return {
        "key": r.key,
        "date": r.date.isoformat(),
        "meeting": r.meeting,
        "kind": r.kind,
        "procedural": r.procedural,
        "draft": r.draft,
        "resolution": r.resolution,
        "agenda": r.agenda,
        "yes": r.yes,
        "no": r.no,
        "abstain": r.abstain,
        "not_voting": r.not_voting,
        "recorded_outcome": r.recorded_outcome,
        "adjudicated_outcome": r.adjudicated_outcome,
        "agrees": r.agrees,
        "vetoed_by": _codes(r.adjudicated_vetoed_by or r.recorded_vetoed_by),
        "sources": _codes(r.sources),
    }


def status(conn: Connection) -> Row:
    """What is loaded, counts per table, conflicts by kind, agreement with the engine."""
    files = [
        {
            "source": r.source,
            "file": r.file,
            "sha256": r.sha256,
            "observations": r.observations,
            "loaded_at": r.loaded_at,
        }
        for r in conn.execute(sa.select(db.source_files).order_by(db.source_files.c.file))
    ]
    counts = {
        t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
        for t in (
            db.meetings,
            db.decisions,
            db.votes,
            db.vetoes,
            db.sponsors,
            db.provenance,
            db.conflicts,
            db.observations,
        )
    }
    counts["resolutions"] = int(
        conn.execute(sa.select(sa.func.count()).where(_D.resolution.is_not(None))).scalar_one()
    )
    by_kind: dict[str, int] = dict(
        conn.execute(
            sa.select(db.conflicts.c.kind, sa.func.count()).group_by(db.conflicts.c.kind)
        ).all()
    )
    adjudicated = conn.execute(
        sa.select(_D.adjudication, sa.func.count()).group_by(_D.adjudication)
    ).all()
    compared = conn.execute(
        sa.select(_D.agrees, sa.func.count()).where(_D.agrees.is_not(None)).group_by(_D.agrees)
    ).all()
    agree = dict((bool(k), int(v)) for k, v in compared)
    total = agree.get(True, 0) + agree.get(False, 0)
    return {
        "files": files,
        "counts": counts,
        "conflicts": {k: int(v) for k, v in sorted(by_kind.items())},
        "adjudication": {k: int(v) for k, v in sorted(adjudicated)},
        "agreement": {
            "compared": total,
            "agree": agree.get(True, 0),
            "disagree": agree.get(False, 0),
            "known_source_errors": int(by_kind.get("known_source_error", 0)),
            "unexplained": int(by_kind.get("engine_disagreement", 0)),
            "rate": round(agree.get(True, 0) / total, 6) if total else None,
        },
    }


def conflicts(
    conn: Connection, *, kind: str | None = None, decision: str | None = None
) -> list[Row]:
    """Every disagreement, with all values, provenance, the choice and why.

    ``kind``, ``decision``: only those of this kind, or about this decision (by key).
    """
    c = db.conflicts.c
    stmt = sa.select(db.conflicts).order_by(c.kind, c.decision_key, c.field, c.id)
    if kind:
        stmt = stmt.where(c.kind == kind)
    if decision is not None:
        stmt = stmt.where(c.decision_key == decision)
    return [
        {
            "kind": r.kind,
            "decision": r.decision_key,
            "field": r.field,
            "values": json.loads(r.values),
            "chosen": json.loads(r.chosen) if _is_json(r.chosen) else r.chosen,
            "chosen_source": r.chosen_source,
            "reason": r.reason,
        }
        for r in conn.execute(stmt)
    ]


def _is_json(text: str | None) -> bool:
    if text is None:
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def resolutions(
    conn: Connection,
    *,
    year: int | None = None,
    member: str | None = None,
    vote: str | None = None,
    text: str | None = None,
) -> list[Row]:
    """Adopted resolutions, oldest first, optionally filtered."""
    stmt = sa.select(db.decisions).where(_D.resolution.is_not(None)).order_by(_D.resolution)
    if year is not None:
        stmt = stmt.where(_D.date >= dt.date(year, 1, 1), _D.date <= dt.date(year, 12, 31))
    if member or vote:
        if not (member and vote):
            raise InputError("--member and --vote go together", hint="e.g. --member RUS --vote N")
        code = resolve_member(member)
        position = vote.strip().upper()
        if position not in {"Y", "N", "A", "X"}:
            raise InputError(f"bad vote {vote!r}", hint="use Y, N, A or X")
        v = db.votes.c
        stmt = stmt.where(
            _D.id.in_(sa.select(v.decision_id).where(v.member == code, v.position == position))
        )
    if text:
        for word in text.split():
            pattern = f"%{word}%"
            stmt = stmt.where(
                sa.or_(
                    _D.agenda.ilike(pattern),
                    _D.description.ilike(pattern),
                    _D.draft.ilike(pattern),
                )
            )
    return [_decision_row(r) for r in conn.execute(stmt)]


def decision_detail(conn: Connection, key: str) -> Row | None:
    """One decision with votes, reasons, sources and conflicts."""
    r = conn.execute(sa.select(db.decisions).where(_D.key == key)).first()
    if r is None:
        return None
    out = _decision_row(r)
    out["description"] = r.description
    out["modality"] = r.modality
    out["tally_source"] = r.tally_source
    out["votes_source"] = r.votes_source
    out["adjudication"] = r.adjudication
    out["reasons"] = json.loads(r.reasons) if r.reasons else []
    out["recorded_vetoed_by"] = _codes(r.recorded_vetoed_by)
    out["votes"] = {
        v.member: v.position
        for v in conn.execute(sa.select(db.votes).where(db.votes.c.decision_id == r.id))
    }
    out["sponsors"] = [
        s.member
        for s in conn.execute(sa.select(db.sponsors).where(db.sponsors.c.decision_id == r.id))
    ]
    out["provenance"] = [
        {"source": p.source, "file": p.file, "line": p.line}
        for p in conn.execute(sa.select(db.provenance).where(db.provenance.c.decision_id == r.id))
    ]
    out["conflicts"] = conflicts(conn, decision=key)
    return out


def resolution(conn: Connection, number: int) -> Row | None:
    """Resolution ``number`` in detail."""
    key = conn.execute(sa.select(_D.key).where(_D.resolution == number)).scalar()
    return decision_detail(conn, key) if key else None


def drafts(conn: Connection, *, failed: bool = False) -> list[Row]:
    """Every draft put to the vote (adopted or not), or only those not adopted."""
    stmt = sa.select(db.decisions).order_by(_D.date, _D.id)
    if failed:
        stmt = stmt.where(
            sa.func.coalesce(_D.adjudicated_outcome, _D.recorded_outcome).in_(("vetoed", "failed"))
        )
    return [_decision_row(r) for r in conn.execute(stmt)]


_VETOES_W = db.vetoes.alias("w")


def vetoes(
    conn: Connection, *, member: str | None = None, since: dt.date | None = None
) -> list[Row]:
    """Vetoed drafts, oldest first, in the ``unsc vetoes --json`` shape."""
    v = db.vetoes.c
    vetoed = sa.select(v.decision_id)
    code = resolve_member(member) if member else None
    if code:
        vetoed = vetoed.where(v.member == code)
    columns = (_D.id, _D.date, _D.draft, _D.meeting, _D.agenda, _D.yes, _D.no, _D.abstain)
    stmt = sa.select(*columns).where(_D.id.in_(vetoed)).order_by(_D.date, _D.id)
    if since:
        stmt = stmt.where(_D.date >= since)
    who: dict[int, list[str]] = defaultdict(list)
    cast = sa.select(v.decision_id, v.member).order_by(v.member)
    if code:  # only the drafts listed
        w = _VETOES_W.c
        cast = cast.where(v.decision_id.in_(sa.select(w.decision_id).where(w.member == code)))
    for row in conn.execute(cast):
        who[row.decision_id].append(row.member)
    return [
        {
            "date": r.date.isoformat(),
            "draft": r.draft,
            "meeting": r.meeting,
            "agenda": r.agenda,
            "vetoed_by": who[r.id],
            "yes": r.yes,
            "no": r.no,
            "abstain": r.abstain,
        }
        for r in conn.execute(stmt)
    ]


def member(conn: Connection, value: str) -> Row:
    """A member's terms, votes cast, vetoes cast, and agreement with every other member."""
    code = resolve_member(value)
    v = db.votes.c
    positions = Counter(
        {
            p: int(n)
            for p, n in conn.execute(
                sa.select(v.position, sa.func.count()).where(v.member == code).group_by(v.position)
            )
        }
    )
    a = db.agreement.c  # precomputed at load from the votes (no self-join per request)
    pairs = conn.execute(
        sa.select(a.other, a.votes_together, a.same_position).where(a.member == code)
    ).all()
    agreement = sorted(
        (
            {
                "member": m,
                "votes_together": int(n),
                "same_position": int(same or 0),
                "agreement": round(int(same or 0) / int(n), 4) if n else None,
            }
            for m, n, same in pairs
        ),
        key=lambda r: (-(r["agreement"] or 0), r["member"]),
    )
    vetoed = vetoes(conn, member=code)
    terms = [
        {
            "name": t.name,
            "permanent": t.permanent,
            "start": t.term_start.isoformat(),
            "end": t.term_end.isoformat() if t.term_end else None,
        }
        for t in terms_of(code)
    ]
    today = dt.date(2027, 12, 31)
    return {
        "code": code,
        "name": name_on(code, today),
        "terms": terms,
        "votes": {p: positions.get(p, 0) for p in ("Y", "N", "A", "X")},
        "vetoes": vetoed,
        "agreement": agreement,
    }


TABLES = (
    db.meetings,
    db.decisions,
    db.votes,
    db.vetoes,
    db.sponsors,
    db.provenance,
    db.conflicts,
    db.source_files,
    mandate_tables.bodies,
    mandate_tables.mandate_periods,
    mandate_tables.mandate_events,
)
"""Tables written by ``unsc export``."""
