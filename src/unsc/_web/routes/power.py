"""``GET /api/power``: voting power in the Council on a date, or in a built-in game.

It is ``unsc power --json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from unsc._power.games import builtin_game, council_game
from unsc._power.indices import parse_indices, power_indices
from unsc._web.cache import json_bytes
from unsc._web.deps import ServicesDep
from unsc._web.errors import WebError
from unsc._web.kept_responses import keep
from unsc._web.routes.api_common import ERRORS, JSON, today

router = APIRouter()


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


@router.get("/api/power", tags=["api"], response_model=PowerOut, responses=ERRORS)
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
    day = None if game is not None else (date or today())

    def compute() -> bytes:
        chosen = builtin_game(game) if game is not None else council_game(day)  # type: ignore[arg-type]
        return json_bytes(power_indices(chosen, wanted).to_dict())

    body = services.cache.get(("power", game, day, wanted), compute)
    return keep(request, Response(body, media_type=JSON))
