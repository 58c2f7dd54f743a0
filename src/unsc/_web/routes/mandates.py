"""Mandates: upcoming expiries with a calendar download, and each body's timeline; as JSON too."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel

from unsc._errors import UnscError
from unsc._mandates import api as mandate_api
from unsc._mandates.api import mandate, mandate_timelines, mandates, to_ics
from unsc._mandates.model import BodyKind
from unsc._web.deps import ServicesDep
from unsc._web.errors import WebError
from unsc._web.kept_responses import keep
from unsc._web.render import render
from unsc._web.routes.api_common import ERRORS, JSON, ErrorOut, today

router = APIRouter()

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


@router.get("/mandates", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
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
        lambda _conn: mandates(
            services.mandate_timelines(), at=day, expiring_within=within, kind=wanted
        ),
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


@router.get("/mandates.ics", tags=["pages"], include_in_schema=False)
def mandates_calendar(services: ServicesDep, kind: str | None = None) -> Response:
    """An iCalendar file of mandate expiries and renewal votes."""
    wanted = _kind(kind)
    body = services.read(
        ("mandates.ics", wanted), lambda _conn: to_ics(services.mandate_timelines(), kind=wanted)
    )
    return Response(
        body,
        media_type="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="unsc-mandates.ics"'},
    )


@router.get(
    "/mandates/{name}", tags=["pages"], include_in_schema=False, response_class=HTMLResponse
)
def mandate_page(request: Request, services: ServicesDep, name: str) -> HTMLResponse:
    """One body's timeline: mandate periods as bars, renewals and failed votes as marks."""

    def load(_conn: object) -> tuple[dict[str, Any], dict[str, Any]]:
        items = services.mandate_timelines()
        row = mandate(items, name)
        [drawn] = mandate_timelines(items, keys=[row["key"]])
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


class FailedRenewalOut(BaseModel):
    """A renewal of a mandate that was put to the vote and not adopted."""

    date: dt.date
    draft: str | None
    decision: str | None
    outcome: str
    vetoed_by: list[str]
    tally: str | None
    label: str


class MandateOut(BaseModel):
    """``unsc mandates --json`` (one row): a body the Council keeps by mandate."""

    key: str
    name: str
    acronym: str | None
    kind: str
    status: str
    expires: dt.date | None
    days_left: int | None
    ended: dt.date | None
    established: dt.date | None
    established_by: int | None
    established_by_document: str | None
    last_renewed: dt.date | None
    last_renewed_by: int | None
    mandate: str | None
    failed_renewals: list[FailedRenewalOut]
    sources: list[str]


class MandatePeriodOut(BaseModel):
    """One period of a mandate: from the decision that granted it to its end."""

    start: dt.date
    end: dt.date | None
    granted: dt.date | None
    end_basis: str | None
    resolution: int | None
    document: str | None
    decision: str | None
    source: str
    file: str | None
    line: int | None
    text: str | None


class MandateEventOut(BaseModel):
    """One event of a body's timeline: established, renewed, a failed renewal, the end."""

    date: dt.date
    precision: str
    kind: str
    label: str
    resolution: int | None
    draft: str | None
    document: str | None
    decision: str | None
    outcome: str | None
    vetoed_by: list[str]
    yes: int | None
    no: int | None
    abstain: int | None
    source: str
    file: str | None
    line: int | None
    note: str | None


class MandateDetailOut(MandateOut):
    """``unsc mandate NAME --json``: the row of ``unsc mandates`` and the whole timeline."""

    at: dt.date
    periods: list[MandatePeriodOut]
    events: list[MandateEventOut]
    notes: list[str]


@router.get("/api/mandates", tags=["api"], response_model=list[MandateOut], responses=ERRORS)
def mandates_list(
    request: Request,
    services: ServicesDep,
    at: Annotated[
        dt.date | None,
        Query(description="The date to report on (default: today)", examples=["2017-11-01"]),
    ] = None,
    expiring_within: Annotated[
        int, Query(ge=0, le=3650, description="Days: a mandate ending within them is expiring")
    ] = 30,
    kind: Annotated[BodyKind | None, Query(description="Only bodies of this kind")] = None,
    all: Annotated[bool, Query(description="Also the bodies that ended earlier")] = False,
) -> Response:
    """The bodies the Council keeps by mandate, soonest expiry first (``unsc mandates --json``)."""
    day = at or today()
    wanted = kind.value if kind is not None else None
    body = services.read_json(
        ("mandates", day, expiring_within, wanted, all),
        lambda _conn: mandate_api.mandates(
            services.mandate_timelines(),
            at=day,
            expiring_within=expiring_within,
            kind=wanted,
            include_ended=all,
        ),
    )
    return keep(request, Response(body, media_type=JSON))


@router.get(
    "/api/mandates/{name}",
    tags=["api"],
    response_model=MandateDetailOut,
    responses={404: {"model": ErrorOut, "description": "No body of that name"}, **ERRORS},
)
def mandate_one(
    request: Request,
    services: ServicesDep,
    name: Annotated[str, Path(max_length=200, description="An acronym, key or name: JIM")],
    at: Annotated[dt.date | None, Query(description="The date of the status")] = None,
) -> Response:
    """One body's timeline: periods, renewals, failed renewals (``unsc mandate NAME --json``)."""
    day = at or today()
    try:
        body = services.read_json(
            ("mandate", name, day),
            lambda _conn: mandate_api.mandate(services.mandate_timelines(), name, at=day),
        )
    except UnscError as exc:
        raise WebError(404, str(exc)) from None
    return keep(request, Response(body, media_type=JSON))
