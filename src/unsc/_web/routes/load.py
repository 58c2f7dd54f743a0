"""The record's state and its background load: ``GET /api/status``, ``POST /api/load``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from unsc._store import query
from unsc._web.deps import ApiWriter, ServicesDep
from unsc._web.routes.api_common import ErrorOut

router = APIRouter()


@router.get("/api/status", tags=["api"])
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


@router.post("/api/load", tags=["api"], status_code=202, responses={403: {"model": ErrorOut}})
def load(services: ServicesDep, _: ApiWriter) -> JSONResponse:
    """Load the record in the background (needs ``Authorization: Bearer TOKEN``)."""
    started = services.loader.start()
    return JSONResponse(
        {"started": started, "state": services.loader.status.state}, status_code=202
    )
