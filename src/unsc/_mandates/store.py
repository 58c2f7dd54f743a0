"""Storing timelines: rebuilt on every load, read back for queries.

:func:`rebuild` is one of the record's rebuild hooks
(``unsc._record.load.REBUILD_HOOKS``): inside the load transaction, after the
decisions are reconciled, it recomputes ``bodies``, ``mandate_periods`` and
``mandate_events`` from the stored observations, the authored facts and the
clause reader's rows, and writes the disagreements it finds to the record's
``conflicts`` table. It deletes before it writes, so it is idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from unsc._mandates.build import CONFLICT_KIND, Built, Result, build
from unsc._mandates.derive import packaged
from unsc._mandates.facts import facts
from unsc._mandates.model import BodyKind, Event, EventKind, Period, Timeline
from unsc._sources.model import Observation
from unsc._store import db
from unsc._store import mandate_tables as t


def compute(observations: Sequence[Observation], result: Result | None) -> Built:
    """Timelines and conflicts from observations (and the reconciled record, if any)."""
    return build(observations, result, facts(), packaged())


def rebuild(conn: Connection, observations: Sequence[Observation], result: Result) -> None:
    """Recompute the mandate tables and their conflicts (a rebuild hook)."""
    write(conn, compute(observations, result))


def write(conn: Connection, built: Built) -> None:
    """Replace the mandate tables' contents with ``built``."""
    for table in reversed(t.TABLES):
        conn.execute(sa.delete(table))
    conn.execute(sa.delete(db.conflicts).where(db.conflicts.c.kind == CONFLICT_KIND))
    bodies: list[dict[str, object]] = []
    periods: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    for i, tl in enumerate(built.timelines, start=1):
        ended = tl.ended
        established = tl.event(EventKind.ESTABLISHED)
        bodies.append(
            {
                "id": i,
                "key": tl.key,
                "name": tl.name,
                "acronym": tl.acronym,
                "kind": tl.kind.value,
                "established": tl.established,
                "established_by": established.resolution if established else None,
                "ended": ended.date if ended else None,
                "end_kind": ended.kind.value if ended else None,
                "sources": ",".join(tl.sources),
                "notes": "\n".join(tl.notes) or None,
            }
        )
        periods.extend(
            {
                "body_id": i,
                "start": p.start,
                "end": p.end,
                "granted": p.decided,
                "end_basis": p.end_basis,
                "resolution": p.resolution,
                "document": p.document,
                "decision_key": p.decision_key,
                "source": p.source,
                "file": p.file,
                "line": p.line,
                "text": p.text,
            }
            for p in tl.periods
        )
        events.extend(
            {
                "body_id": i,
                "date": e.date,
                "precision": e.precision,
                "kind": e.kind.value,
                "label": e.label,
                "resolution": e.resolution,
                "draft": e.draft,
                "document": e.document,
                "decision_key": e.decision_key,
                "outcome": e.outcome,
                "vetoed_by": ",".join(e.vetoed_by) or None,
                "yes": e.yes,
                "no": e.no,
                "abstain": e.abstain,
                "source": e.source,
                "file": e.file,
                "line": e.line,
                "note": e.note,
            }
            for e in tl.events
        )
    for table, rows in (
        (t.bodies, bodies),
        (t.mandate_periods, periods),
        (t.mandate_events, events),
    ):
        if rows:
            db.insert_many(conn, table, rows)
    if built.conflicts:
        db.insert_many(conn, db.conflicts, [c.row() for c in built.conflicts])


def read(conn: Connection) -> list[Timeline]:
    """The stored timelines (empty when nothing was loaded)."""
    by_body_p: dict[int, list[Period]] = defaultdict(list)
    for r in conn.execute(sa.select(t.mandate_periods).order_by(t.mandate_periods.c.id)):
        by_body_p[r.body_id].append(
            Period(
                start=r.start,
                end=r.end,
                resolution=r.resolution,
                granted=r.granted,
                document=r.document,
                decision_key=r.decision_key,
                end_basis=r.end_basis,
                source=r.source,
                file=r.file,
                line=r.line,
                text=r.text,
            )
        )
    by_body_e: dict[int, list[Event]] = defaultdict(list)
    for r in conn.execute(sa.select(t.mandate_events).order_by(t.mandate_events.c.id)):
        by_body_e[r.body_id].append(
            Event(
                date=r.date,
                kind=EventKind(r.kind),
                label=r.label,
                precision=r.precision,
                resolution=r.resolution,
                draft=r.draft,
                document=r.document,
                decision_key=r.decision_key,
                outcome=r.outcome,
                vetoed_by=tuple(v for v in (r.vetoed_by or "").split(",") if v),
                yes=r.yes,
                no=r.no,
                abstain=r.abstain,
                source=r.source,
                file=r.file,
                line=r.line,
                note=r.note,
            )
        )
    out = []
    for r in conn.execute(sa.select(t.bodies).order_by(t.bodies.c.key)):
        out.append(
            Timeline(
                key=r.key,
                name=r.name,
                acronym=r.acronym,
                kind=BodyKind(r.kind),
                periods=tuple(by_body_p[r.id]),
                events=tuple(by_body_e[r.id]),
                sources=tuple(s for s in r.sources.split(",") if s),
                notes=tuple((r.notes or "").splitlines()),
                established=_as_date(r.established),
            )
        )
    return out


def decision_marks(conn: Connection, key: str) -> list[tuple[str, str, str | None, str]] | None:
    """(body key, name, acronym, event kind) of the stored events of decision ``key``.

    In the order :func:`read` gives them (bodies by key, events as stored), by
    one indexed query instead of reading every timeline. ``None`` when no
    timeline is stored (the caller then falls back to the authored facts).
    """
    if conn.execute(sa.select(t.bodies.c.id).limit(1)).first() is None:
        return None
    b, e = t.bodies.c, t.mandate_events.c
    rows = conn.execute(
        sa.select(b.key, b.name, b.acronym, e.kind)
        .select_from(t.mandate_events.join(t.bodies, b.id == e.body_id))
        .where(e.decision_key == key)
        .order_by(b.key, e.id)
    )
    return [(r.key, r.name, r.acronym, r.kind) for r in rows]


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
