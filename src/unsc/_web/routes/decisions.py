"""A decision of the record: tally, votes, recorded and adjudicated outcome, sources; JSON too."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.engine import Connection

from unsc._mandates import store
from unsc._mandates.api import mandate_timelines
from unsc._store import documents as precomputed
from unsc._store import query
from unsc._web.deps import ServicesDep
from unsc._web.errors import not_found
from unsc._web.kept_responses import keep
from unsc._web.render import render
from unsc._web.routes.api_common import ErrorOut

router = APIRouter()

UNDOCS = "https://undocs.org/en/"
"""The UN's official address for a document by its symbol."""

MARK_VERBS = {
    "established": "establishes",
    "extended": "renews",
    "modified": "modifies the mandate of",
    "renewal_failed": "would have renewed",
    "terminated": "terminates",
    "closed": "closes",
}


def documents(row: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, official address) of the decision's documents: resolution, draft, meeting record."""
    out = []
    if row["resolution"]:
        symbol = f"S/RES/{row['resolution']} ({row['date'][:4]})"
        out.append((symbol, f"{UNDOCS}S/RES/{row['resolution']}({row['date'][:4]})"))
    if row["draft"]:
        out.append((f"Draft {row['draft']}", UNDOCS + row["draft"]))
    if row["meeting"]:
        out.append((f"Meeting record {row['meeting']}", UNDOCS + row["meeting"]))
    return out


def _link(key: str, name: str, acronym: str | None, kind: str) -> dict[str, str]:
    return {
        "href": "/mandates/" + urllib.parse.quote(acronym or key),
        "name": name + (f" ({acronym})" if acronym else ""),
        "verb": MARK_VERBS[kind],
    }


def mandate_links(services: Any) -> dict[str, list[dict[str, str]]]:
    """Decision key -> the bodies whose mandate it creates, renews, changes or fails to renew."""

    def build(_conn: object) -> dict[str, list[dict[str, str]]]:
        out: dict[str, list[dict[str, str]]] = {}
        for body in mandate_timelines(services.mandate_timelines()):
            for mark in body["marks"]:
                if not mark.get("decision") or mark["kind"] not in MARK_VERBS:
                    continue
                out.setdefault(mark["decision"], []).append(
                    _link(body["key"], body["name"], body["acronym"], mark["kind"])
                )
        return out

    links: dict[str, list[dict[str, str]]] = services.read(("mandate_links",), build)
    return links


def decision_mandate_links(services: Any, key: str) -> list[dict[str, str]]:
    """The bodies whose mandate decision ``key`` creates, renews, changes or fails to renew.

    One indexed query on the stored timelines; the authored facts (every
    timeline, through :func:`mandate_links`) only when none is stored.
    """

    def build(conn: Connection) -> list[dict[str, str]] | None:
        marks = store.decision_marks(conn, key)
        if marks is None:
            return None
        return [_link(*m) for m in marks if m[3] in MARK_VERBS]

    found: list[dict[str, str]] | None = services.read(("mandate_links", key), build)
    return mandate_links(services).get(key, []) if found is None else found


def _detail(conn: Connection, key: str) -> dict[str, Any] | None:
    """The decision's detail: the document the load precomputed, else the live query."""
    body = precomputed.document(conn, precomputed.DECISION, key)
    if body is not None:
        found: dict[str, Any] = json.loads(body)
        return found
    return query.decision_detail(conn, key)


@router.get(
    "/decisions/{key:path}", tags=["pages"], include_in_schema=False, response_class=HTMLResponse
)
def decision_page(request: Request, services: ServicesDep, key: str) -> HTMLResponse:
    """One decision by key (``res:2334``, ``draft:S/2017/884``)."""
    row = services.read(("decision_page", key), lambda conn: _detail(conn, key))
    if row is None:
        raise not_found(f"decision {key!r}")
    order = {"Y": 0, "N": 1, "A": 2, "X": 3}
    votes = sorted(row["votes"].items(), key=lambda kv: (order.get(kv[1], 9), kv[0]))
    title = f"Resolution {row['resolution']}" if row["resolution"] else (row["draft"] or key)
    banner = services.record_banner()
    page = render(
        request,
        "pages/decision.html",
        {
            "title": title,
            "d": row,
            "votes": votes,
            "documents": documents(row),
            "mandates": decision_mandate_links(services, key),
            "banner": banner,
        },
    )
    return page if banner else keep(request, page, page=True)


@router.get("/api/decisions/{key:path}", tags=["api"], responses={404: {"model": ErrorOut}})
def decision(request: Request, services: ServicesDep, key: str) -> Response:
    """One decision in detail (``unsc resolution N --json`` for resolutions)."""
    row = services.read(("decision", key), lambda conn: query.decision_detail(conn, key))
    if row is None:
        raise not_found(f"decision {key!r}")
    return keep(request, JSONResponse(row))
