"""``GET /api/presidents``: who presided in each month of a year.

It is ``unsc presidents YEAR --json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from unsc._reference.council import presidencies
from unsc._web.kept_responses import keep
from unsc._web.routes.api_common import ERRORS

router = APIRouter()


class PresidencyOut(BaseModel):
    """``unsc presidents YEAR --json`` (one row)."""

    start: dt.date
    end: dt.date
    code: str
    name: str
    source: str


@router.get("/api/presidents", tags=["api"], response_model=list[PresidencyOut], responses=ERRORS)
async def presidents(
    request: Request,
    year: Annotated[
        int, Query(ge=1946, le=2027, description="The year (1946 to 2027)", examples=[1984])
    ],
) -> Response:
    """Who presided in each month of a year, rule 18 (``unsc presidents YEAR --json``)."""
    rows = [p.to_dict() for p in presidencies() if year in (p.start.year, p.end.year)]
    return keep(request, JSONResponse(rows))
