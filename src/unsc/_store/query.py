"""Queries over the record. Plain rows (dicts) here; DataFrames in ``unsc._record.api``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._errors import InputError
from unsc._reference.council import LAST_COVERED, terms_of
from unsc._reference.states import name_on, resolve_member
from unsc._store import db, mandate_tables

Row = dict[str, Any]

_D = db.decisions.c


def _codes(text: str | None) -> list[str]:
    return [c for c in (text or "").split(",") if c]


ROW_COLUMNS = (
    _D.key,
    _D.date,
    _D.meeting,
    _D.kind,
    _D.procedural,
    _D.draft,
    _D.resolution,
    _D.agenda,
    _D.yes,
    _D.no,
    _D.abstain,
    _D.not_voting,
    _D.recorded_outcome,
    _D.adjudicated_outcome,
    _D.agrees,
    _D.adjudicated_vetoed_by,
    _D.recorded_vetoed_by,
    _D.sources,
)
"""The columns :func:`decision_row` reads: a list of rows selects these, not the long texts."""


def listed_row(r: Any) -> Row:
    """:func:`decision_row` of a row selecting exactly :data:`ROW_COLUMNS`, in their order.

    The lists build thousands of these: the row is unpacked as the tuple it is
    rather than read column by column by name (a third of a year's listing).
    """
    (
        key,
        date,
        meeting,
        kind,
        procedural,
        draft,
        resolution,
        agenda,
        yes,
        no,
        abstain,
        not_voting,
        recorded_outcome,
        adjudicated_outcome,
        agrees,
        adjudicated_vetoed_by,
        recorded_vetoed_by,
        sources,
    ) = r
    return {
        "key": key,
        "date": date.isoformat(),
        "meeting": meeting,
        "kind": kind,
        "procedural": procedural,
        "draft": draft,
        "resolution": resolution,
        "agenda": agenda,
        "yes": yes,
        "no": no,
        "abstain": abstain,
        "not_voting": not_voting,
        "recorded_outcome": recorded_outcome,
        "adjudicated_outcome": adjudicated_outcome,
        "agrees": agrees,
        "vetoed_by": _codes(adjudicated_vetoed_by or recorded_vetoed_by),
        "sources": _codes(sources),
    }


def decision_row(r: Any) -> Row:
    """One row of the decisions table as the queries give it (also the web app's explorer)."""
    return listed_row([getattr(r, column.name) for column in ROW_COLUMNS])


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
    c = db.conflicts.c
    explained = int(
        conn.execute(
            sa.select(sa.func.count()).where(
                _D.agrees.is_(False),
                _D.key.in_(sa.select(c.decision_key).where(c.kind == "known_source_error")),
            )
        ).scalar_one()
    )
    unconfirmed = int(
        conn.execute(
            sa.select(sa.func.count()).where(
                _D.agrees.is_(False),
                _D.key.in_(sa.select(c.decision_key).where(c.kind == "unconfirmed_source_error")),
                _D.key.not_in(sa.select(c.decision_key).where(c.kind == "known_source_error")),
            )
        ).scalar_one()
    )
    disagree = agree.get(False, 0)
    return {
        "files": files,
        "counts": counts,
        "conflicts": {k: int(v) for k, v in sorted(by_kind.items())},
        "adjudication": {k: int(v) for k, v in sorted(adjudicated)},
        "agreement": {
            "compared": total,
            "agree": agree.get(True, 0),
            "disagree": disagree,
            "known_source_errors": explained,
            "unconfirmed_source_errors": unconfirmed,
            "unexplained": disagree - explained - unconfirmed,
            "not_compared": counts["decisions"] - total,
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


LIKE_ESCAPE = "\\"
"""The escape character of every ``LIKE`` pattern built from user words."""

POSITIONS = ("Y", "N", "A", "X")
OUTCOMES = ("adopted", "vetoed", "failed")
UNKNOWN_OUTCOME = "unknown"
"""As an ``outcome`` filter: the decisions whose outcome no source gives."""
FIRST_YEAR, LAST_YEAR = 1946, 2100


def like_pattern(word: str) -> str:
    """``%word%`` with ``%``, ``_`` and the escape character taken literally."""
    escaped = (
        word.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def text_clauses(text: str | None) -> list[sa.ColumnElement[bool]]:
    """One clause per word: the word in the agenda item, the title or the symbol."""
    clauses: list[sa.ColumnElement[bool]] = []
    for word in (text or "").split():
        pattern = like_pattern(word)
        clauses.append(
            sa.or_(
                _D.agenda.ilike(pattern, escape=LIKE_ESCAPE),
                _D.description.ilike(pattern, escape=LIKE_ESCAPE),
                _D.draft.ilike(pattern, escape=LIKE_ESCAPE),
            )
        )
    return clauses


def check_year(year: int | None) -> int | None:
    """``year`` if it is one the record can hold, else an :class:`InputError`."""
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(f"bad year {year}", hint=f"give a year from {FIRST_YEAR} to {LAST_YEAR}")
    return year


def outcome_column() -> sa.ColumnElement[Any]:
    """A decision's outcome: the engine's where it adjudicated, else the recorded one."""
    return sa.func.coalesce(_D.adjudicated_outcome, _D.recorded_outcome)


def filter_clauses(
    *,
    year: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    member: str | None = None,
    vote: str | None = None,
    outcome: str | None = None,
    text: str | None = None,
    member_vetoed: bool = False,
) -> list[sa.ColumnElement[bool]]:
    """The filters the CLI, the API and the explorer share, as clauses on ``decisions``.

    ``year``, ``since`` and ``until`` bound the date (inclusive); ``member``
    alone: decisions on which the member's vote is recorded (with
    ``member_vetoed``: the vetoes it cast); with ``vote`` (Y, N, A or X): the
    decisions on which it voted so; ``outcome``: adopted, vetoed or failed
    (``unknown``: none on record);
    ``text``: every word in the agenda item, title or symbol.
    """
    clauses: list[sa.ColumnElement[bool]] = []
    if check_year(year) is not None:
        assert year is not None
        clauses += [_D.date >= dt.date(year, 1, 1), _D.date <= dt.date(year, 12, 31)]
    if since is not None:
        clauses.append(_D.date >= since)
    if until is not None:
        clauses.append(_D.date <= until)
    if since is not None and until is not None and since > until:
        raise InputError(f"the dates are the wrong way round: since {since} is after until {until}")
    if vote is not None and not member:
        raise InputError("a vote filter needs a member", hint="e.g. --member RUS --vote N")
    if member:
        code = resolve_member(member)
        if member_vetoed and vote is None:
            veto = db.vetoes.c
            clauses.append(_D.id.in_(sa.select(veto.decision_id).where(veto.member == code)))
        else:
            v = db.votes.c
            voted = sa.select(v.decision_id).where(v.member == code)
            if vote is not None:
                position = vote.strip().upper()
                if position not in POSITIONS:
                    raise InputError(f"bad vote {vote!r}", hint="use Y, N, A or X")
                voted = voted.where(v.position == position)
            clauses.append(_D.id.in_(voted))
    if outcome == UNKNOWN_OUTCOME:
        clauses.append(outcome_column().is_(None))
    elif outcome:
        if outcome not in OUTCOMES:
            raise InputError(f"unknown outcome {outcome!r}", hint=f"use {', '.join(OUTCOMES)}")
        clauses.append(outcome_column() == outcome)
    return clauses + text_clauses(text)


def resolutions(
    conn: Connection,
    *,
    year: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    member: str | None = None,
    vote: str | None = None,
    text: str | None = None,
) -> list[Row]:
    """Adopted resolutions, oldest first, optionally filtered (see :func:`filter_clauses`)."""
    where = filter_clauses(year=year, since=since, until=until, member=member, vote=vote, text=text)
    stmt = sa.select(*ROW_COLUMNS).where(_D.resolution.is_not(None), *where).order_by(_D.resolution)
    return [listed_row(r) for r in conn.execute(stmt)]


def search(conn: Connection, text: str, *, limit: int = 50) -> list[Row]:
    """Full-text search of resolutions, drafts, vetoes and mandates together, best first.

    See :mod:`unsc._store.search` (FTS5 on SQLite, ``tsvector`` on PostgreSQL).
    """
    from unsc._store import search as engine

    return engine.search(conn, text, limit=limit)


def detail_row(r: Any) -> Row:
    """A decision row's fields in :func:`decision_detail`, before its votes and sources."""
    out = decision_row(r)
    out["description"] = r.description
    out["modality"] = r.modality
    out["tally_source"] = r.tally_source
    out["votes_source"] = r.votes_source
    out["adjudication"] = r.adjudication
    out["reasons"] = json.loads(r.reasons) if r.reasons else []
    out["recorded_vetoed_by"] = _codes(r.recorded_vetoed_by)
    out["subjects"] = [s for s in (r.subjects or "").split("|") if s]
    out["named_votes"] = json.loads(r.named_votes) if r.named_votes else {}
    return out


def decision_detail(conn: Connection, key: str) -> Row | None:
    """One decision with votes, reasons, sources and conflicts."""
    r = conn.execute(sa.select(db.decisions).where(_D.key == key)).first()
    if r is None:
        return None
    out = detail_row(r)
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


def drafts(
    conn: Connection,
    *,
    failed: bool = False,
    year: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    member: str | None = None,
    vote: str | None = None,
    outcome: str | None = None,
    text: str | None = None,
) -> list[Row]:
    """Every draft put to the vote (adopted or not), or only those not adopted; filtered."""
    where = filter_clauses(
        year=year,
        since=since,
        until=until,
        member=member,
        vote=vote,
        outcome=outcome,
        text=text,
    )
    stmt = sa.select(*ROW_COLUMNS).where(*where).order_by(_D.date, _D.id)
    if failed:
        stmt = stmt.where(outcome_column().in_(("vetoed", "failed")))
    return [listed_row(r) for r in conn.execute(stmt)]


_VETOES_W = db.vetoes.alias("w")


def vetoes(
    conn: Connection,
    *,
    member: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    year: int | None = None,
    text: str | None = None,
) -> list[Row]:
    """Vetoed drafts, oldest first, in the ``unsc vetoes --json`` shape.

    ``member``: the vetoes it cast; the other filters as :func:`filter_clauses`.
    """
    v = db.vetoes.c
    where = filter_clauses(
        year=year, since=since, until=until, member=member, text=text, member_vetoed=True
    )
    code = resolve_member(member) if member else None
    columns = (_D.id, _D.date, _D.draft, _D.meeting, _D.agenda, _D.yes, _D.no, _D.abstain)
    stmt = (
        sa.select(*columns)
        .where(_D.id.in_(sa.select(v.decision_id)), *where)
        .order_by(_D.date, _D.id)
    )
    who: dict[int, list[str]] = defaultdict(list)
    cast = sa.select(v.decision_id, v.member).order_by(v.member)
    if code:  # only the drafts listed
        w = _VETOES_W.c
        cast = cast.where(v.decision_id.in_(sa.select(w.decision_id).where(w.member == code)))
    elif where:  # only the drafts of the dates (or words) asked
        cast = cast.where(v.decision_id.in_(sa.select(_D.id).where(*where)))
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
    today = LAST_COVERED
    return {
        "code": code,
        "name": name_on(code, today),
        "terms": terms,
        "votes": {p: positions.get(p, 0) for p in ("Y", "N", "A", "X")},
        "vetoes": vetoed,
        "agreement": agreement,
    }


def replay_decisions(conn: Connection) -> list[Any]:
    """Every decision with the fields a replay reads, by date, then as stored."""
    d = _D
    rows: list[Any] = list(
        conn.execute(
            sa.select(
                d.id,
                d.key,
                d.date,
                d.meeting,
                d.kind,
                d.procedural,
                d.draft,
                d.resolution,
                d.modality,
                d.recorded_outcome,
                d.yes,
                d.no,
                d.abstain,
                d.not_voting,
                d.adjudication,
            ).order_by(d.date, d.id)
        ).all()
    )
    return rows


def positions_by_decision(conn: Connection) -> dict[int, dict[str, str]]:
    """Each decision's recorded positions (``Y``, ``N``, ``A``, ``X``), by decision id."""
    v = db.votes.c
    out: dict[int, dict[str, str]] = defaultdict(dict)
    for decision_id, member, position in conn.execute(
        sa.select(v.decision_id, v.member, v.position)
    ).all():
        out[decision_id][member] = position
    return out


def vetoes_by_decision(conn: Connection) -> dict[int, list[str]]:
    """The members that vetoed each decision, in code order, by decision id."""
    t = db.vetoes.c
    out: dict[int, list[str]] = defaultdict(list)
    for decision_id, member in conn.execute(
        sa.select(t.decision_id, t.member).order_by(t.decision_id, t.member)
    ).all():
        out[decision_id].append(member)
    return out


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


def export_queries() -> list[tuple[str, sa.Select[Any]]]:
    """(table name, the query of all its rows) for each table ``unsc export`` writes."""
    return [(table.name, sa.select(table)) for table in TABLES]
