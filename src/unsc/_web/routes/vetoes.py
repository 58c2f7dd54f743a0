"""Vetoes: by member and decade, by agenda item, and the list; and the list as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from unsc._store import query
from unsc._web import queries
from unsc._web.charts import hbar, stacked_columns
from unsc._web.deps import ServicesDep
from unsc._web.kept_responses import keep
from unsc._web.render import fragment, render
from unsc._web.routes.api_common import ERRORS, JSON, Since, Text, Until, Year

router = APIRouter()


def vetoes_body(conn: Connection) -> Markup:
    """The vetoes page's body: charts with their tables, and the list."""
    stats = queries.veto_stats(conn)
    rows = queries.link_vetoes(query.vetoes(conn), queries.vetoed_keys(conn))
    charts = []
    if stats["members"]:
        charts = [
            stacked_columns(
                "by-decade",
                "Vetoes cast by member and decade",
                stats["decades"],
                stats["by_member_decade"],
            ),
            hbar(
                "by-agenda",
                "Vetoed drafts by agenda item (top 15)",
                [(a, float(n)) for a, n in stats["by_agenda"][:15]],
                headers=("Agenda item", "Vetoed drafts"),
            ),
        ]
    return fragment(
        "partials/vetoes_body.html",
        {"charts": charts, "stats": stats, "rows": list(reversed(rows))},
    )


@router.get("/vetoes", tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
def vetoes_page(request: Request, services: ServicesDep) -> HTMLResponse:
    """Vetoes cast, with charts and their tables."""
    body = services.read(("vetoes_body",), vetoes_body)
    banner = services.record_banner()
    page = render(request, "pages/vetoes.html", {"title": "Vetoes", "body": body, "banner": banner})
    return page if banner else keep(request, page, page=True)


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


@router.get(
    "/api/vetoes",
    tags=["api"],
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
