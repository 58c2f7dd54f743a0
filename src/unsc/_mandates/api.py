"""The mandates API: what is in force on a date, one body's timeline, a calendar.

Every function takes the record to read as its first argument: a
:class:`unsc.Record`, an SQLAlchemy engine, a database URL, ``None`` for
the default database, or the timelines :func:`timelines` already read (a
server keeps them once per record state and selects over them per request).
Before anything is loaded (``unsc data load``) they fall back to the
authored facts alone (the JIM, the sanctions panels, UNMOVIC).

>>> rows = mandates(None, at=dt.date(2017, 11, 1), fallback_only=True)
>>> jim = next(r for r in rows if r["acronym"] == "JIM")
>>> jim["status"], jim["expires"], jim["established_by"], jim["last_renewed_by"]
('expiring', '2017-11-17', 2235, 2319)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from unsc._errors import InputError
from unsc._mandates.model import DEFAULT_WINDOW, BodyKind, EventKind, Status, Timeline

if TYPE_CHECKING:
    from unsc._store.db import Engine

    class HasEngine(Protocol):
        """A :class:`unsc.Record` (anything with an ``engine``)."""

        @property
        def engine(self) -> Engine: ...

    RecordLike = HasEngine | Engine | str | Sequence[Timeline] | None

Row = dict[str, Any]


def _engine(source: RecordLike) -> Engine:
    from unsc._store.db import Engine

    if isinstance(source, Engine):
        return source
    engine = getattr(source, "engine", None)
    if isinstance(engine, Engine):
        return engine
    from unsc._store.db import open_database

    return open_database(source if isinstance(source, str) else None)


def timelines(source: RecordLike = None, *, fallback_only: bool = False) -> list[Timeline]:
    """Every body's timeline, by key (the authored facts alone if nothing is loaded).

    Given timelines already read, returns them as they are.
    """
    from unsc._mandates import store

    if isinstance(source, Sequence) and not isinstance(source, str):
        return list(source)

    if not fallback_only:
        from unsc._store.db import has_table, migrate

        engine = _engine(source)
        if not has_table(engine, "bodies"):
            migrate(engine)  # a database from before the mandates migration
        with engine.connect() as conn:
            stored = store.read(conn)
        if stored:
            return stored
    return store.compute([], None).timelines


def _kind(kind: str | BodyKind | None) -> BodyKind | None:
    if kind is None or isinstance(kind, BodyKind):
        return kind
    try:
        return BodyKind(kind.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in BodyKind)
        raise InputError(f"unknown body kind {kind!r}", hint=f"use one of {choices}") from None


def _symbol(number: int | None, day: dt.date) -> str | None:
    return f"S/RES/{number} ({day.year})" if number is not None else None


def summary(tl: Timeline, at: dt.date, *, window: int = DEFAULT_WINDOW) -> Row:
    """One body on one date: status, expiry, establishing and last renewing decisions.

    ``failed_renewals`` are the failed attempts to renew since the last
    renewal (up to ``at``).
    """
    state = tl.status_on(at, window=window)
    upto = tl.events_until(at)
    established = next((e for e in upto if e.kind is EventKind.ESTABLISHED), None)
    renewals = [e for e in upto if e.kind is EventKind.EXTENDED]
    last = renewals[-1] if renewals else None
    since = last.date if last else dt.date.min
    failed = [e for e in upto if e.kind is EventKind.RENEWAL_FAILED and e.date >= since]
    return {
        "key": tl.key,
        "name": tl.name,
        "acronym": tl.acronym,
        "kind": tl.kind.value,
        "status": state.status.value,
        "expires": state.expires.isoformat() if state.expires else None,
        "days_left": (state.expires - at).days if state.expires else None,
        "ended": state.ended.isoformat() if state.ended else None,
        "established": tl.established.isoformat() if tl.established else None,
        "established_by": established.resolution if established else None,
        "established_by_document": (
            established.document if established and established.resolution is None else None
        ),
        "last_renewed": last.date.isoformat() if last else None,
        "last_renewed_by": last.resolution if last else None,
        "mandate": _symbol(state.period.resolution, state.period.decided) if state.period else None,
        "failed_renewals": [
            {
                "date": e.date.isoformat(),
                "draft": e.draft,
                "decision": e.decision_key,
                "outcome": e.outcome,
                "vetoed_by": list(e.vetoed_by),
                "tally": e.tally,
                "label": e.label,
            }
            for e in failed
        ],
        "sources": list(tl.sources),
    }


def mandates(
    source: RecordLike = None,
    *,
    at: dt.date | None = None,
    expiring_within: int = DEFAULT_WINDOW,
    kind: str | BodyKind | None = None,
    include_ended: bool = False,
    fallback_only: bool = False,
) -> list[Row]:
    """Bodies on a date (default today), soonest expiry first.

    Listed: bodies in force on ``at``, and those whose mandate ended within
    ``expiring_within`` days before it (all bodies established by then with
    ``include_ended``). ``expiring`` means the mandate period in force ends
    within ``expiring_within`` days.
    """
    if expiring_within < 0:
        raise InputError(
            f"expiring_within must not be negative, got {expiring_within}",
            hint="give a number of days, e.g. 30",
        )
    day = at or dt.date.today()
    wanted = _kind(kind)
    rows = []
    for tl in timelines(source, fallback_only=fallback_only):
        if tl.established is None or tl.established > day:
            continue
        if wanted is not None and tl.kind is not wanted:
            continue
        row = summary(tl, day, window=expiring_within)
        ended = row["ended"]
        if (
            not include_ended
            and ended is not None
            and (day - dt.date.fromisoformat(ended)).days > expiring_within
        ):
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (r["expires"] or "9999", _ORDER[r["status"]], r["key"]))


_ORDER = {s.value: i for i, s in enumerate(Status)}


def find(items: list[Timeline], name: str) -> Timeline:
    """The body whose key, acronym or name is ``name`` (or that alone contains it)."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise InputError("no body named", hint="give a name or acronym, e.g. JIM")
    exact = [
        tl
        for tl in items
        if wanted in {tl.key.casefold(), (tl.acronym or "").casefold(), tl.name.casefold()}
    ]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [tl for tl in items if wanted in tl.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise InputError(
            f"no body named {name!r}",
            hint="list them with `unsc mandates --all`; acronyms such as JIM or UNFICYP work",
        )
    names = ", ".join(tl.key for tl in partial[:8])
    raise InputError(f"{name!r} names several bodies: {names}", hint="give the acronym")


def mandate(
    source: RecordLike,
    name: str,
    *,
    at: dt.date | None = None,
    expiring_within: int = DEFAULT_WINDOW,
    fallback_only: bool = False,
) -> Row:
    """One body's whole timeline, with its status on ``at`` (default today)."""
    tl = find(timelines(source, fallback_only=fallback_only), name)
    day = at or dt.date.today()
    row = summary(tl, day, window=expiring_within)
    row["at"] = day.isoformat()
    row["periods"] = [p.to_dict() for p in tl.periods]
    row["events"] = [e.to_dict() for e in tl.events]
    row["notes"] = list(tl.notes)
    return row


def drawable(tl: Timeline) -> Row:
    """One body ready to draw: its span, periods and marks."""
    ended = tl.ended
    return {
        "key": tl.key,
        "name": tl.name,
        "acronym": tl.acronym,
        "kind": tl.kind.value,
        "span": {
            "start": tl.established.isoformat() if tl.established else None,
            "end": ended.date.isoformat() if ended else None,
            "end_kind": ended.kind.value if ended else None,
        },
        "periods": [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat() if p.end else None,
                "end_basis": p.end_basis,
                "label": _period_label(p.resolution, p.decided, p.document),
                "resolution": p.resolution,
                "decision": p.decision_key,
            }
            for p in tl.periods
        ],
        "marks": [
            {
                "date": e.date.isoformat(),
                "precision": e.precision,
                "kind": e.kind.value,
                "label": e.label,
                "decision": e.decision_key,
            }
            for e in tl.events
        ],
    }


def _period_label(resolution: int | None, granted: dt.date, document: str | None) -> str:
    symbol = _symbol(resolution, granted)
    return f"Mandate under {symbol}" if symbol else f"Mandate ({document or 'source unknown'})"


def mandate_timelines(
    source: RecordLike = None,
    *,
    kind: str | BodyKind | None = None,
    keys: list[str] | None = None,
    fallback_only: bool = False,
) -> list[Row]:
    """Per body, its span, periods and marks (date, kind, label, decision key), to draw."""
    wanted = _kind(kind)
    out = []
    for tl in timelines(source, fallback_only=fallback_only):
        if wanted is not None and tl.kind is not wanted:
            continue
        if keys is not None and tl.key not in keys:
            continue
        out.append(drawable(tl))
    return out


def to_ics(
    source: RecordLike = None,
    *,
    kind: str | BodyKind | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stamp: dt.datetime | None = None,
    fallback_only: bool = False,
) -> bytes:
    """An iCalendar file of mandate expiries and renewal votes."""
    from unsc._mandates._ics import calendar

    wanted = _kind(kind)
    items = [
        tl
        for tl in timelines(source, fallback_only=fallback_only)
        if wanted is None or tl.kind is wanted
    ]
    return calendar(items, since=since, until=until, stamp=stamp)
