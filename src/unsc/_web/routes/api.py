"""The JSON API, in the CLI's shapes, and its documentation page.

``GET /api/council/{date}`` is ``unsc council DATE --json``; ``POST /api/vote``
takes a BALLOT.json body and returns ``unsc vote --json``; ``GET /api/vetoes``,
``GET /api/resolutions`` and ``GET /api/members/{code}`` are ``unsc vetoes``,
``unsc resolutions`` and ``unsc member`` with ``--json``; ``GET /api/search?q=``
is ``unsc search Q --json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from unsc._council import council
from unsc._engine import decide
from unsc._errors import UnknownMemberError
from unsc._record import query
from unsc._web.deps import ApiWriter, ServicesDep
from unsc._web.errors import not_found
from unsc._web.fastpath import keep
from unsc._web.render import render

router = APIRouter(prefix="/api", tags=["api"])
JSON = "application/json"
docs_router = APIRouter(include_in_schema=False)


class ErrorBody(BaseModel):
    """The one error shape."""

    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    """Every error response."""

    error: ErrorBody


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


class ReasonOut(BaseModel):
    """A coded reason behind a decision."""

    code: str
    message: str
    severity: str
    members: list[str] | None = None


class DecisionOut(BaseModel):
    """``unsc vote --json``."""

    date: dt.date
    kind: str
    procedural: bool
    outcome: str
    yes: int | None
    no: int | None
    abstain: int | None
    not_voting: int | None
    required: int
    vetoed_by: list[str]
    president: str
    reasons: list[ReasonOut]


class VetoOut(BaseModel):
    """``unsc vetoes --json`` (one row)."""

    date: dt.date
    draft: str | None
    meeting: str | None
    agenda: str | None
    vetoed_by: list[str]
    yes: int | None
    no: int | None
    abstain: int | None


class SearchHitOut(BaseModel):
    """One full-text search hit (``unsc search --json``)."""

    kind: str
    ref: str
    title: str
    date: str | None


class RecordRowOut(BaseModel):
    """``unsc resolutions --json`` (one row)."""

    key: str
    date: dt.date
    meeting: str | None
    kind: str
    procedural: bool | None
    draft: str | None
    resolution: int | None
    agenda: str | None
    yes: int | None
    no: int | None
    abstain: int | None
    not_voting: int | None
    recorded_outcome: str | None
    adjudicated_outcome: str | None
    agrees: bool | None
    vetoed_by: list[str]
    sources: list[str]


class MemberRecordOut(BaseModel):
    """``unsc member CODE --json``."""

    code: str
    name: str
    terms: list[dict[str, Any]]
    votes: dict[str, int]
    vetoes: list[VetoOut]
    agreement: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Invalid input (a bad ballot, an unknown member)"},
    422: {"model": ErrorOut, "description": "A parameter of the wrong type"},
}

FOUNDING_BALLOT = {
    "date": "2017-10-24",
    "kind": "draft_resolution",
    "votes": {
        "BOL": "N",
        "CHN": "A",
        "EGY": "Y",
        "ETH": "Y",
        "FRA": "Y",
        "GBR": "Y",
        "ITA": "Y",
        "JPN": "Y",
        "KAZ": "A",
        "RUS": "N",
        "SEN": "Y",
        "SWE": "Y",
        "UKR": "Y",
        "URY": "Y",
        "USA": "Y",
    },
}


@router.get("/council/{date}", responses={200: {"model": CouncilOut}, **ERRORS})
async def council_on(request: Request, date: dt.date) -> Response:
    """The Council on a date (``unsc council DATE --json``)."""
    return keep(request, JSONResponse(council(date).to_dict()))


@router.post("/vote", responses={200: {"model": DecisionOut}, **ERRORS})
async def vote(
    ballot: Annotated[
        dict[str, Any],
        Body(
            description="BALLOT.json: per-member votes, or a tally",
            openapi_examples={
                "per-member": {"summary": "S/2017/884 (vetoed)", "value": FOUNDING_BALLOT},
                "tally": {
                    "summary": "The postponement motion, 4-8-3",
                    "value": {
                        "date": "2017-10-24",
                        "kind": "procedural_motion",
                        "tally": {"yes": 4, "no": 8, "abstain": 3},
                    },
                },
            },
        ),
    ],
) -> JSONResponse:
    """Adjudicate a ballot (``unsc vote BALLOT.json --json``)."""
    return JSONResponse(decide(ballot).to_dict())


@router.get("/vetoes", responses={200: {"model": list[VetoOut]}, **ERRORS})
def vetoes(
    request: Request,
    services: ServicesDep,
    member: str | None = None,
    since: dt.date | None = None,
) -> Response:
    """Vetoed drafts, oldest first (``unsc vetoes --json``)."""
    body = services.read_json(
        ("vetoes", member, since), lambda conn: query.vetoes(conn, member=member, since=since)
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/resolutions", responses={200: {"model": list[RecordRowOut]}, **ERRORS})
def resolutions(
    request: Request,
    services: ServicesDep,
    year: int | None = None,
    member: str | None = None,
    vote: str | None = None,
    text: str | None = None,
) -> Response:
    """Adopted resolutions (``unsc resolutions --json``; ``member`` and ``vote`` go together)."""
    body = services.read_json(
        ("resolutions", year, member, vote, text),
        lambda conn: query.resolutions(conn, year=year, member=member, vote=vote, text=text),
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/search", responses={200: {"model": list[SearchHitOut]}, **ERRORS})
def search(request: Request, services: ServicesDep, q: str, limit: int = 50) -> Response:
    """Resolutions, drafts, vetoes and mandates matching ``q`` (``unsc search Q --json``)."""
    body = services.read_json(("search", q, limit), lambda conn: query.search(conn, q, limit=limit))
    return keep(request, Response(body, media_type=JSON))


@router.get(
    "/members/{code}",
    responses={200: {"model": MemberRecordOut}, 404: {"model": ErrorOut}, **ERRORS},
)
def member(request: Request, services: ServicesDep, code: str) -> Response:
    """A member's terms, votes, vetoes and agreement (``unsc member CODE --json``)."""
    try:
        body = services.read_json(("member", code.upper()), lambda conn: query.member(conn, code))
    except UnknownMemberError:
        raise not_found(f"member {code!r}") from None
    return keep(request, Response(body, media_type=JSON))


@router.get("/decisions/{key:path}", responses={404: {"model": ErrorOut}})
def decision(request: Request, services: ServicesDep, key: str) -> Response:
    """One decision in detail (``unsc resolution N --json`` for resolutions)."""
    row = services.read(("decision", key), lambda conn: query.decision_detail(conn, key))
    if row is None:
        raise not_found(f"decision {key!r}")
    return keep(request, JSONResponse(row))


@router.get("/status")
def status(services: ServicesDep) -> JSONResponse:
    """What the record holds (``unsc data status --json``) and the background load's state."""
    record = services.read(("status",), query.status)
    loader = services.loader.status
    return JSONResponse(
        {
            "record": record,
            "loader": {"state": loader.state, "message": loader.message, "started": loader.started},
        }
    )


@router.post("/load", status_code=202, responses={403: {"model": ErrorOut}})
def load(services: ServicesDep, _: ApiWriter) -> JSONResponse:
    """Load the record in the background (needs ``Authorization: Bearer TOKEN``)."""
    started = services.loader.start()
    return JSONResponse(
        {"started": started, "state": services.loader.status.state}, status_code=202
    )


@docs_router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's documentation, rendered from its OpenAPI description (no script)."""
    spec = request.app.openapi()
    operations = [
        {"path": path, "method": method.upper(), **op}
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]
    return render(
        request,
        "pages/docs.html",
        {"title": "API", "operations": operations, "schemas": spec["components"]["schemas"]},
    )
