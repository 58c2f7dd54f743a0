"""The JSON API, in the CLI's shapes, and its documentation page.

``GET /api/council/{date}`` is ``unsc council DATE --json``; ``POST /api/vote``
takes a BALLOT.json body and returns ``unsc vote --json``; ``GET /api/vetoes``,
``/api/resolutions``, ``/api/drafts``, ``/api/presidents``, ``/api/mandates``,
``/api/power`` and ``/api/members/{code}`` are ``unsc vetoes``, ``resolutions``,
``drafts``, ``presidents``, ``mandates``, ``power`` and ``member`` with
``--json``, with the same filters under the same names; ``GET /api/search?q=``
is ``unsc search Q --json``. A query parameter an address does not take is a
422 (see ``deps.known_query``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from unsc._council import council, presidencies
from unsc._engine import decide
from unsc._errors import UnknownMemberError, UnscError
from unsc._mandates import api as mandate_api
from unsc._mandates.model import BodyKind
from unsc._power.games import builtin_game, council_game
from unsc._power.indices import parse_indices, power_indices
from unsc._record import query
from unsc._web.deps import ApiWriter, ServicesDep
from unsc._web.errors import WebError, not_found
from unsc._web.fastpath import keep
from unsc._web.render import render
from unsc._web.services import json_bytes

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
    422: {
        "model": ErrorOut,
        "description": "A parameter of the wrong type, out of range, or one this address "
        "does not take",
    },
}

Year = Annotated[
    int | None,
    Query(ge=query.FIRST_YEAR, le=query.LAST_YEAR, description="In this year", examples=[2017]),
]
Since = Annotated[
    dt.date | None, Query(description="On or after this date (YYYY-MM-DD)", examples=["2011-01-01"])
]
Until = Annotated[
    dt.date | None,
    Query(description="On or before this date (YYYY-MM-DD)", examples=["2017-12-31"]),
]
Member = Annotated[
    str | None,
    Query(
        max_length=100,
        description="A member (code, ISO 3166-3 alias or name): decisions it voted on "
        "(with `vote`: voted so)",
        examples=["RUS"],
    ),
]
Position = Annotated[
    Literal["Y", "N", "A", "X"] | None,
    Query(description="With `member`: Y (yes), N (no), A (abstain), X (did not vote)"),
]
Outcome = Annotated[
    Literal["adopted", "vetoed", "failed"] | None,
    Query(description="The outcome (the engine's verdict, else the recorded one)"),
]
Text = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Words in the agenda item, title or symbol (every word; `%` and `_` "
        "are plain characters)",
        examples=["Syria"],
    ),
]


class PresidencyOut(BaseModel):
    """``unsc presidents YEAR --json`` (one row)."""

    start: dt.date
    end: dt.date
    code: str
    name: str
    source: str


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


class PowerPlayerOut(BaseModel):
    """One player's power (the indices asked for)."""

    code: str
    shapley_shubik: float | None = None
    banzhaf: float | None = None
    banzhaf_absolute: float | None = None
    swings: int | None = None


class PowerOut(BaseModel):
    """``unsc power --json``."""

    game: str
    players: list[PowerPlayerOut]
    power_to_act: float | None = None


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


@router.get(
    "/vetoes",
    response_model=list[VetoOut],
    responses=ERRORS,
    openapi_extra={"x-cli": "unsc vetoes --json"},
)
def vetoes(
    request: Request,
    services: ServicesDep,
    member: Annotated[
        str | None,
        Query(max_length=100, description="Only vetoes cast by this member", examples=["SUN"]),
    ] = None,
    since: Since = None,
    until: Until = None,
    year: Year = None,
    text: Text = None,
) -> Response:
    """Vetoed drafts, oldest first (``unsc vetoes --json``)."""
    filters: dict[str, Any] = {
        "member": member,
        "since": since,
        "until": until,
        "year": year,
        "text": text,
    }
    body = services.read_json(
        ("vetoes", *filters.values()), lambda conn: query.vetoes(conn, **filters)
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/resolutions", response_model=list[RecordRowOut], responses=ERRORS)
def resolutions(
    request: Request,
    services: ServicesDep,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    member: Member = None,
    vote: Position = None,
    text: Text = None,
) -> Response:
    """Adopted resolutions, by number (``unsc resolutions --json``)."""
    filters: dict[str, Any] = {
        "year": year,
        "since": since,
        "until": until,
        "member": member,
        "vote": vote,
        "text": text,
    }
    body = services.read_json(
        ("resolutions", *filters.values()), lambda conn: query.resolutions(conn, **filters)
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/drafts", response_model=list[RecordRowOut], responses=ERRORS)
def drafts(
    request: Request,
    services: ServicesDep,
    failed: Annotated[
        bool, Query(description="Only drafts not adopted (vetoed or failed)")
    ] = False,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    member: Member = None,
    vote: Position = None,
    outcome: Outcome = None,
    text: Text = None,
) -> Response:
    """Every question put to the vote, oldest first (``unsc drafts --json``)."""
    filters: dict[str, Any] = {
        "failed": failed,
        "year": year,
        "since": since,
        "until": until,
        "member": member,
        "vote": vote,
        "outcome": outcome,
        "text": text,
    }
    body = services.read_json(
        ("drafts", *filters.values()), lambda conn: query.drafts(conn, **filters)
    )
    return keep(request, Response(body, media_type=JSON))


@router.get("/presidents", response_model=list[PresidencyOut], responses=ERRORS)
async def presidents(
    request: Request,
    year: Annotated[
        int, Query(ge=1946, le=2027, description="The year (1946 to 2027)", examples=[1984])
    ],
) -> Response:
    """Who presided in each month of a year, rule 18 (``unsc presidents YEAR --json``)."""
    rows = [p.to_dict() for p in presidencies() if year in (p.start.year, p.end.year)]
    return keep(request, JSONResponse(rows))


def _today() -> dt.date:
    return dt.date.today()


@router.get("/mandates", response_model=list[MandateOut], responses=ERRORS)
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
    day = at or _today()
    wanted = kind.value if kind is not None else None
    body = services.read_json(
        ("mandates", day, expiring_within, wanted, all),
        lambda _conn: mandate_api.mandates(
            services.reader, at=day, expiring_within=expiring_within, kind=wanted, include_ended=all
        ),
    )
    return keep(request, Response(body, media_type=JSON))


@router.get(
    "/mandates/{name}",
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
    day = at or _today()
    try:
        body = services.read_json(
            ("mandate", name, day), lambda _conn: mandate_api.mandate(services.reader, name, at=day)
        )
    except UnscError as exc:
        raise WebError(404, str(exc)) from None
    return keep(request, Response(body, media_type=JSON))


@router.get("/power", response_model=PowerOut, responses=ERRORS)
def power(
    request: Request,
    services: ServicesDep,
    date: Annotated[
        dt.date | None,
        Query(
            description="The Council sitting on this date, its real members (default: today)",
            examples=["2017-10-24"],
        ),
    ] = None,
    game: Annotated[
        str | None,
        Query(
            max_length=50,
            description="A built-in game instead (`unsc power --list`): council-1966, eu27...",
        ),
    ] = None,
    index: Annotated[
        str,
        Query(
            max_length=50,
            description="Indices: ss (Shapley-Shubik), bz (Banzhaf), coleman (power to act)",
        ),
    ] = "ss,bz,coleman",
) -> Response:
    """Voting power in the Council on a date, or in a built-in game (``unsc power --json``)."""
    if date is not None and game is not None:
        raise WebError(422, "give either date or game, not both")
    wanted = parse_indices(index)
    day = None if game is not None else (date or _today())

    def compute() -> bytes:
        chosen = builtin_game(game) if game is not None else council_game(day)  # type: ignore[arg-type]
        return json_bytes(power_indices(chosen, wanted).to_dict())

    body = services.cache.get(("power", game, day, wanted), compute)
    return keep(request, Response(body, media_type=JSON))


@router.get("/search", responses={200: {"model": list[SearchHitOut]}, **ERRORS})
def search(
    request: Request,
    services: ServicesDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find in titles, subjects, agenda items and mandates",
            examples=["chemical"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many hits")] = 50,
) -> Response:
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
