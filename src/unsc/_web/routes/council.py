"""The Council on a date: the horseshoe, the President, the terms; and as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from unsc._reference.council import FIRST_MEETING, LAST_COVERED, council, presidency_on
from unsc._web.charts import horseshoe
from unsc._web.kept_responses import keep
from unsc._web.render import render
from unsc._web.routes.api_common import ERRORS

router = APIRouter()


def today() -> dt.date:
    """Today, or the last day the reference data covers."""
    return min(dt.date.today(), LAST_COVERED)


def _page(request: Request, date: dt.date) -> HTMLResponse:
    sitting = council(date)
    presidency = presidency_on(date)
    year_end = dt.date(date.year, 12, 31)
    month = date.replace(day=1)
    previous = month - dt.timedelta(days=1)
    following = presidency.end + dt.timedelta(days=1)
    return render(
        request,
        "pages/council.html",
        {
            "title": f"The Council on {date.isoformat()}",
            "council": sitting,
            "presidency": presidency,
            "svg": horseshoe(sitting, href=lambda code: f"/members/{code}"),
            "ending": [
                m
                for m in sitting.members
                if not m.permanent and m.term_end and m.term_end <= year_end
            ],
            "previous": max(previous.replace(day=1), FIRST_MEETING)
            if previous >= FIRST_MEETING
            else None,
            "following": following if following <= LAST_COVERED else None,
        },
    )


@router.get("/", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def home(request: Request, date: Annotated[dt.date | None, Query()] = None) -> HTMLResponse:
    """The Council today, or on ``?date=``."""
    if date is None:
        return _page(request, today())  # today changes: not kept
    return keep(request, _page(request, date), page=True)


@router.get("/council/{date}", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def on_date(request: Request, date: dt.date) -> HTMLResponse:
    """The Council on a date."""
    return keep(request, _page(request, date), page=True)


class MemberOut(BaseModel):
    """A member of the Council on a date."""

    code: str
    name: str
    permanent: bool
    term_start: dt.date
    term_end: dt.date | None
    represented_by: str | None = None


class CouncilOut(BaseModel):
    """``unsc council DATE --json``."""

    date: dt.date
    size: int
    required_votes: int
    president: str
    members: list[MemberOut]


@router.get("/api/council/{date}", tags=["api"], responses={200: {"model": CouncilOut}, **ERRORS})
async def council_on(request: Request, date: dt.date) -> Response:
    """The Council on a date (``unsc council DATE --json``)."""
    return keep(request, JSONResponse(council(date).to_dict()))
