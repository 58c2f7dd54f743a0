"""A decision of the record: tally, votes, recorded and adjudicated outcome, sources."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unsc._record import query
from unsc._web.deps import ServicesDep
from unsc._web.errors import not_found
from unsc._web.render import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/decisions/{key:path}", response_class=HTMLResponse)
def decision(request: Request, services: ServicesDep, key: str) -> HTMLResponse:
    """One decision by key (``res:2334``, ``draft:S/2017/884``)."""
    row = services.read(("decision", key), lambda conn: query.decision_detail(conn, key))
    if row is None:
        raise not_found(f"decision {key!r}")
    order = {"Y": 0, "N": 1, "A": 2, "X": 3}
    votes = sorted(row["votes"].items(), key=lambda kv: (order.get(kv[1], 9), kv[0]))
    title = f"Resolution {row['resolution']}" if row["resolution"] else (row["draft"] or key)
    return render(
        request,
        "pages/decision.html",
        {"title": title, "d": row, "votes": votes, "banner": services.record_banner()},
    )
