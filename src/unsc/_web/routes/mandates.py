"""Mandates: upcoming expiries with a calendar download, and each body's timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from unsc._errors import UnscError
from unsc._mandates.api import mandate, mandate_timelines, mandates, to_ics
from unsc._mandates.model import BodyKind
from unsc._web.deps import ServicesDep
from unsc._web.errors import WebError
from unsc._web.render import render

router = APIRouter(tags=["pages"], include_in_schema=False)

KINDS = [k.value for k in BodyKind]


def _date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise WebError(422, f"at: bad date {value!r} (write YYYY-MM-DD)") from None


def _kind(value: str | None) -> str | None:
    if value and value not in KINDS:
        raise WebError(422, f"kind: unknown kind {value!r} (one of {', '.join(KINDS)})")
    return value or None


@router.get("/mandates", response_class=HTMLResponse)
def mandates_page(
    request: Request,
    services: ServicesDep,
    at: str | None = None,
    within: int = Query(30, ge=0, le=3650),
    kind: str | None = None,
) -> HTMLResponse:
    """Bodies in force on a date, soonest expiry first, with the calendar download."""
    day, wanted = _date(at), _kind(kind)
    rows = services.read(
        ("mandates", day, within, wanted),
        lambda _conn: mandates(services.reader, at=day, expiring_within=within, kind=wanted),
    )
    return render(
        request,
        "pages/mandates.html",
        {
            "title": "Mandates",
            "rows": rows,
            "at": day.isoformat(),
            "within": within,
            "kind": wanted or "",
            "kinds": KINDS,
            "expiring": [r for r in rows if r["status"] == "expiring"],
            "banner": services.record_banner(),
        },
    )


@router.get("/mandates.ics")
def mandates_calendar(services: ServicesDep, kind: str | None = None) -> Response:
    """An iCalendar file of mandate expiries and renewal votes."""
    wanted = _kind(kind)
    body = services.read(
        ("mandates.ics", wanted), lambda _conn: to_ics(services.reader, kind=wanted)
    )
    return Response(
        body,
        media_type="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="unsc-mandates.ics"'},
    )


@router.get("/mandates/{name}", response_class=HTMLResponse)
def mandate_page(request: Request, services: ServicesDep, name: str) -> HTMLResponse:
    """One body's timeline: mandate periods as bars, renewals and failed votes as marks."""

    def load(_conn: object) -> tuple[dict[str, Any], dict[str, Any]]:
        row = mandate(services.reader, name)
        [drawn] = mandate_timelines(services.reader, keys=[row["key"]])
        return row, drawn

    try:
        row, drawn = services.read(("mandate", name), load)
    except UnscError as exc:
        raise WebError(404, str(exc)) from None
    return render(
        request,
        "pages/mandate.html",
        {
            "title": row["name"],
            "row": row,
            "drawn": drawn,
            "svg": timeline_svg(drawn),
            "banner": services.record_banner(),
        },
    )


_MARK_COLOURS = {
    "established": "#1b5e20",
    "extended": "#1565c0",
    "modified": "#6a1b9a",
    "renewal_failed": "#c62828",
    "lapsed": "#c62828",
    "terminated": "#4e342e",
    "closed": "#4e342e",
}


def timeline_svg(drawn: dict[str, Any]) -> Markup:
    """Periods as bars on a time axis, events as marks, with a title and description."""
    dates = [dt.date.fromisoformat(p["start"]) for p in drawn["periods"]]
    dates += [dt.date.fromisoformat(p["end"]) for p in drawn["periods"] if p["end"]]
    dates += [dt.date.fromisoformat(m["date"]) for m in drawn["marks"]]
    if drawn["span"]["start"]:
        dates.append(dt.date.fromisoformat(drawn["span"]["start"]))
    if not dates:
        return Markup("<p>No dated periods or events.</p>")
    first, last = min(dates), max(dates)
    if last == first:
        last = first + dt.timedelta(days=1)
    width, left, right = 760, 20, 20
    span = (last - first).days

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    rows = len(drawn["periods"])
    bar_h, top = 14, 30
    height = top + rows * (bar_h + 6) + 60
    name = escape(drawn["name"])
    parts = [
        f'<svg role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {width} {height}" '
        f'width="100%" class="timeline"><title id="tl-title">Mandate timeline: {name}</title>'
        f'<desc id="tl-desc">{rows} mandate periods as bars and {len(drawn["marks"])} events '
        "as marks; the tables below list them.</desc>"
    ]
    for year in range(first.year, last.year + 1):
        day = dt.date(year, 1, 1)
        if first <= day <= last:
            parts.append(
                f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{top - 8}" y2="{height - 40}" '
                f'stroke="#ddd"/><text x="{x(day) + 2:.1f}" y="{top - 12}" font-size="10">'
                f"{year}</text>"
            )
    for i, p in enumerate(drawn["periods"]):
        start = dt.date.fromisoformat(p["start"])
        end = dt.date.fromisoformat(p["end"]) if p["end"] else last
        y = top + i * (bar_h + 6)
        parts.append(
            f'<rect x="{x(start):.1f}" y="{y}" width="{max(2.0, x(end) - x(start)):.1f}" '
            f'height="{bar_h}" fill="#90caf9" stroke="#1565c0"><title>{escape(p["label"])}: '
            f"{p['start']} to {p['end'] or 'open'}</title></rect>"
        )
    base = height - 36
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="#555"/>')
    for m in drawn["marks"]:
        mx = x(dt.date.fromisoformat(m["date"]))
        colour = _MARK_COLOURS.get(m["kind"], "#333")
        parts.append(
            f'<path d="M {mx:.1f} {base - 2} l -5 -9 l 10 0 z" fill="{colour}">'
            f"<title>{m['date']}: {escape(m['label'])}</title></path>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
