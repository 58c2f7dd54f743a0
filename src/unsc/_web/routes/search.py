"""``GET /api/search?q=``: full-text search of the record and the mandates.

It is ``unsc search Q --json``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from unsc._store import query
from unsc._web.deps import ServicesDep
from unsc._web.kept_responses import keep
from unsc._web.routes.api_common import ERRORS, JSON

router = APIRouter()


class SearchHitOut(BaseModel):
    """One full-text search hit (``unsc search --json``)."""

    kind: str
    ref: str
    title: str
    date: str | None


@router.get("/api/search", tags=["api"], responses={200: {"model": list[SearchHitOut]}, **ERRORS})
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
