"""Vetoes: by member and decade, by agenda item, and the list."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.engine import Connection

from unsc._record import query
from unsc._web import queries
from unsc._web.charts import hbar, stacked_columns
from unsc._web.deps import ServicesDep
from unsc._web.fastpath import keep
from unsc._web.render import fragment, render

router = APIRouter(tags=["pages"], include_in_schema=False)


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


@router.get("/vetoes", response_class=HTMLResponse)
def vetoes(request: Request, services: ServicesDep) -> HTMLResponse:
    """Vetoes cast, with charts and their tables."""
    body = services.read(("vetoes_body",), vetoes_body)
    banner = services.record_banner()
    page = render(request, "pages/vetoes.html", {"title": "Vetoes", "body": body, "banner": banner})
    return page if banner else keep(request, page, page=True)
