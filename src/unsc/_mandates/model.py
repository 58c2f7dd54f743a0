"""Mandates as data: bodies, mandate periods and events, and their status on a date.

A *body* is anything the Council creates and keeps alive by decision: a
peacekeeping operation, a special political mission, a sanctions committee or
panel of experts, an investigative mechanism, a tribunal. Its *periods* are the
spans its mandate was granted for (start and end inclusive; ``end`` is
``None`` when no decision we read fixes one). Its *events* are what happened to
it: established, extended, modified, terminated, renewal failed, lapsed,
closed. An end-of-life event (terminated, lapsed, closed) is dated by the last
day the mandate or the body was in force; it takes effect the day after.

>>> jim = Timeline(
...     key="JIM", name="OPCW-UN Joint Investigative Mechanism", acronym="JIM",
...     kind=BodyKind.INVESTIGATIVE_MECHANISM,
...     periods=(Period(dt.date(2016, 11, 17), dt.date(2017, 11, 17), resolution=2319),),
...     events=(
...         Event(dt.date(2015, 8, 7), EventKind.ESTABLISHED, "established", resolution=2235),
...         Event(dt.date(2017, 11, 17), EventKind.LAPSED, "lapsed"),
...     ),
... )
>>> jim.status_on(dt.date(2017, 11, 1)).status, jim.status_on(dt.date(2017, 11, 18)).status
(<Status.EXPIRING: 'expiring'>, <Status.LAPSED: 'lapsed'>)
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

DEFAULT_WINDOW = 30
"""Days before a mandate's end within which it is reported as ``expiring``."""


class BodyKind(enum.StrEnum):
    """What kind of body a mandate belongs to."""

    PEACEKEEPING_OPERATION = "peacekeeping_operation"
    SPECIAL_POLITICAL_MISSION = "special_political_mission"
    SANCTIONS_COMMITTEE = "sanctions_committee"
    PANEL_OF_EXPERTS = "panel_of_experts"
    INVESTIGATIVE_MECHANISM = "investigative_mechanism"
    TRIBUNAL = "tribunal"
    OTHER = "other"


class EventKind(enum.StrEnum):
    """What happened to a body's mandate."""

    ESTABLISHED = "established"
    EXTENDED = "extended"
    MODIFIED = "modified"
    TERMINATED = "terminated"
    RENEWAL_FAILED = "renewal_failed"
    LAPSED = "lapsed"
    CLOSED = "closed"


END_OF_LIFE = frozenset({EventKind.TERMINATED, EventKind.LAPSED, EventKind.CLOSED})
"""Events after which a body is no longer in force (from the next day on)."""


class Status(enum.StrEnum):
    """A body's status on a date."""

    ACTIVE = "active"
    EXPIRING = "expiring"
    """In force, and the current mandate period ends within the chosen window."""
    LAPSED = "lapsed"
    """Ended without renewal (the Council did not, or could not, renew it)."""
    TERMINATED = "terminated"
    """Ended by a decision of the Council."""
    CLOSED = "closed"
    """The body has closed (operations ended, whether by termination or not)."""


_AFTER: dict[EventKind, Status] = {
    EventKind.TERMINATED: Status.TERMINATED,
    EventKind.LAPSED: Status.LAPSED,
    EventKind.CLOSED: Status.CLOSED,
}


@dataclass(frozen=True, slots=True)
class Period:
    """A span for which a mandate was granted (both ends inclusive)."""

    start: dt.date
    end: dt.date | None
    resolution: int | None = None
    granted: dt.date | None = None
    """When the deciding decision was taken (default: ``start``)."""
    document: str | None = None
    """The deciding document when it is not a Council resolution (``A/RES/1752 (XVII)``)."""
    decision_key: str | None = None
    """The record's key for the deciding decision (``res:2319``) when it is loaded."""
    end_basis: str = "stated"
    """``stated`` (a date in the text), ``computed`` (a stated length), ``unknown``."""
    source: str = "authored"
    file: str | None = None
    line: int | None = None
    text: str | None = None
    """The clause or fact the period comes from."""

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def decided(self) -> dt.date:
        """The date the period was granted."""
        return self.granted or self.start

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "granted": self.decided.isoformat(),
            "end_basis": self.end_basis,
            "resolution": self.resolution,
            "document": self.document,
            "decision": self.decision_key,
            "source": self.source,
            "file": self.file,
            "line": self.line,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to a mandate, with the decision or source behind it."""

    date: dt.date
    kind: EventKind
    label: str
    precision: str = "day"
    """``day``, or ``month`` when a source gives only the month (TAMM)."""
    resolution: int | None = None
    draft: str | None = None
    document: str | None = None
    decision_key: str | None = None
    outcome: str | None = None
    """For votes: ``adopted``, ``vetoed`` or ``failed``."""
    vetoed_by: tuple[str, ...] = ()
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    source: str = "authored"
    file: str | None = None
    line: int | None = None
    note: str | None = None

    @property
    def tally(self) -> str | None:
        """``11-2-2`` when the vote is known."""
        if self.yes is None or self.no is None or self.abstain is None:
            return None
        return f"{self.yes}-{self.no}-{self.abstain}"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "date": self.date.isoformat(),
            "precision": self.precision,
            "kind": self.kind.value,
            "label": self.label,
            "resolution": self.resolution,
            "draft": self.draft,
            "document": self.document,
            "decision": self.decision_key,
            "outcome": self.outcome,
            "vetoed_by": list(self.vetoed_by),
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "source": self.source,
            "file": self.file,
            "line": self.line,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class StatusOn:
    """A body's status on a date, with the facts that decide it."""

    date: dt.date
    status: Status
    expires: dt.date | None
    """End of the mandate period in force (``None``: no end known, or not in force)."""
    ended: dt.date | None
    """Last day in force, for a body no longer in force."""
    period: Period | None


@dataclass(frozen=True, slots=True)
class Timeline:
    """One body's whole mandate history."""

    key: str
    name: str
    acronym: str | None
    kind: BodyKind
    periods: tuple[Period, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    established: dt.date | None = field(default=None)
    """Defaults to the earliest event or period start."""

    def __post_init__(self) -> None:
        if self.established is None:
            dates = [e.date for e in self.events if e.kind is EventKind.ESTABLISHED]
            dates = dates or [p.start for p in self.periods] or [e.date for e in self.events]
            object.__setattr__(self, "established", min(dates) if dates else None)
        object.__setattr__(self, "events", tuple(sorted(self.events, key=_event_order)))
        object.__setattr__(self, "periods", tuple(sorted(self.periods, key=_period_order)))

    @property
    def label(self) -> str:
        """``OPCW-UN Joint Investigative Mechanism (JIM)``."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def event(self, kind: EventKind) -> Event | None:
        """The first event of ``kind``."""
        return next((e for e in self.events if e.kind is kind), None)

    def events_until(self, day: dt.date) -> list[Event]:
        """Events dated on or before ``day``."""
        return [e for e in self.events if e.date <= day]

    @property
    def ended(self) -> Event | None:
        """The event that ended the body, if it is no longer in force after its last event."""
        last = self.events[-1].date if self.events else None
        return None if last is None else self._state(last + dt.timedelta(days=1))[1]

    def _state(self, day: dt.date) -> tuple[Status, Event | None]:
        state, cause = Status.ACTIVE, None
        for e in self.events:
            if e.kind in END_OF_LIFE and e.date < day:
                after = _AFTER[e.kind]
                if state is Status.ACTIVE or (_RANK[after] > _RANK[state] and _later(e, cause)):
                    state, cause = after, e
            elif (
                e.kind in (EventKind.ESTABLISHED, EventKind.EXTENDED)
                and e.date <= day
                and cause is not None
                and e.date > cause.date
            ):
                state, cause = Status.ACTIVE, None
        return state, cause

    def status_on(self, day: dt.date, *, window: int = DEFAULT_WINDOW) -> StatusOn:
        """The status on ``day``.

        End-of-life events take effect the day after their date (closed
        outranks terminated, which outranks lapsed); a later establishment or
        extension brings the body back in force. In force, the body is
        ``expiring`` when the mandate period covering ``day`` ends within
        ``window`` days.
        """
        state, cause = self._state(day)
        if cause is not None:
            return StatusOn(day, state, None, cause.date, None)
        # The latest grant made by ``day`` and not yet run out decides: a renewal
        # adopted before the current period ends, or one superseding an open-ended
        # grant, sets the expiry.
        granted = [p for p in self.periods if p.decided <= day and (p.end is None or day <= p.end)]
        if not granted:
            return StatusOn(day, Status.ACTIVE, None, None, None)
        period = max(granted, key=lambda p: (p.decided, p.start))
        if period.end is None:
            return StatusOn(day, Status.ACTIVE, None, None, period)
        left = (period.end - day).days
        status = Status.EXPIRING if left <= window else Status.ACTIVE
        return StatusOn(day, status, period.end, None, period)


def _later(e: Event, cause: Event | None) -> bool:
    """Whether ``e`` ends the body later than ``cause`` did.

    A closure known to the month, in the month of a lapse or termination, adds nothing.
    """
    if cause is None:
        return True
    if e.precision == "month" or cause.precision == "month":
        return (e.date.year, e.date.month) > (cause.date.year, cause.date.month)
    return e.date > cause.date


_RANK = {Status.LAPSED: 1, Status.TERMINATED: 2, Status.CLOSED: 3, Status.ACTIVE: 0}

_EVENT_RANK = {
    EventKind.ESTABLISHED: 0,
    EventKind.MODIFIED: 1,
    EventKind.EXTENDED: 2,
    EventKind.RENEWAL_FAILED: 3,
    EventKind.TERMINATED: 4,
    EventKind.LAPSED: 5,
    EventKind.CLOSED: 6,
}


def _event_order(e: Event) -> tuple[dt.date, int, int, str]:
    return (e.date, _EVENT_RANK[e.kind], e.resolution or 0, e.draft or "")


def _period_order(p: Period) -> tuple[dt.date, dt.date]:
    return (p.start, p.end or dt.date.max)
