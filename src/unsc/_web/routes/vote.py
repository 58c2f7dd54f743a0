"""``POST /api/vote``: a ballot adjudicated under the Charter.

It is ``unsc vote BALLOT.json --json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from unsc._engine import decide
from unsc._web.routes.api_common import ERRORS

router = APIRouter()


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


@router.post("/api/vote", tags=["api"], responses={200: {"model": DecisionOut}, **ERRORS})
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
