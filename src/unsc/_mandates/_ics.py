"""An iCalendar (RFC 5545) calendar of mandate expiries and renewal votes, via ``icalendar``.

Each expiry is an all-day event on the last day of a mandate period; each
renewal vote (an extension adopted, or a renewal that failed) an all-day event
on the day of the vote. UIDs are stable, so a calendar re-imported after a
new load updates its events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from unsc._mandates.model import EventKind, Timeline

PRODID = "-//unsc//UN Security Council mandates//EN"
DOMAIN = "mandates.unsc"


def _uid(*parts: object) -> str:
    text = "-".join(str(p) for p in parts if p is not None)
    return "".join(c if c.isalnum() or c in "-." else "_" for c in text) + f"@{DOMAIN}"


def _in(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def calendar(
    items: Iterable[Timeline],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The calendar of ``items``' expiries and renewal votes between ``since`` and ``until``."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "UN Security Council mandates")
    events: dict[str, icalendar.Event] = {}
    for tl in items:
        short = tl.acronym or tl.key
        for p in tl.periods:
            if p.end is None or not _in(p.end, since, until):
                continue
            by = f"S/RES/{p.resolution} ({p.decided.year})" if p.resolution else p.document
            uid = _uid(tl.key, "expiry", p.end.isoformat())
            ev = icalendar.Event()
            ev.add("uid", uid)
            ev.add("dtstamp", stamp)
            ev.add("dtstart", p.end)
            ev.add("dtend", p.end + dt.timedelta(days=1))
            ev.add("summary", f"{short} mandate expires")
            ev.add(
                "description",
                f"{tl.name}: the mandate granted by {by or 'an unrecorded decision'} "
                f"runs until {p.end.isoformat()} ({p.end_basis}).",
            )
            ev.add("categories", ["mandate-expiry"])
            ev.add("transp", "TRANSPARENT")
            events[uid] = ev
        for e in tl.events:
            if e.kind not in (EventKind.EXTENDED, EventKind.RENEWAL_FAILED):
                continue
            if not _in(e.date, since, until):
                continue
            ref = e.draft or e.resolution or e.document
            uid = _uid(tl.key, e.kind.value, e.date.isoformat(), ref)
            ev = icalendar.Event()
            ev.add("uid", uid)
            ev.add("dtstamp", stamp)
            ev.add("dtstart", e.date)
            ev.add("dtend", e.date + dt.timedelta(days=1))
            ev.add("summary", f"{short}: {e.label}")
            detail = [tl.name, e.label]
            if e.decision_key:
                detail.append(f"Record: {e.decision_key}")
            if e.note:
                detail.append(e.note)
            ev.add("description", "\n".join(detail))
            ev.add("categories", ["renewal-vote"])
            ev.add("transp", "TRANSPARENT")
            events[uid] = ev
    for uid in sorted(events):
        cal.add_component(events[uid])
    return bytes(cal.to_ical())
