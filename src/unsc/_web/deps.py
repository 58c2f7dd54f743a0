"""Dependencies, declared once: the services, read and write connections, the guards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Form, Path, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlalchemy.engine import Connection

from unsc._web import security
from unsc._web.errors import WebError
from unsc._web.services import Services


async def get_services(request: Request) -> Services:
    """The app's services (engines, cache, loader); async: no thread for a lookup."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

ROW_ID_MAX = 2**63 - 1
"""The largest row id a database column holds (a 64-bit signed integer)."""

RowId = Annotated[int, Path(ge=1, le=ROW_ID_MAX, description="A row id: a whole number from 1")]
"""A row id in a path (a meeting, a question, a report, a vote): out of range is a 422."""


def read_connection(services: ServicesDep) -> Iterator[Connection]:
    """A read-only connection with a time limit on every statement.

    Returned to the pool when the handler returns, before the response is sent.
    """
    with services.reader.connect() as conn:
        yield conn


ReadConn = Annotated[Connection, Depends(read_connection, scope="function")]


def form_guard(
    request: Request,
    services: ServicesDep,
    csrf: Annotated[str | None, Form()] = None,
) -> None:
    """Browser writes: the auth cookie (from the token), then the form's CSRF token."""
    security.check_unlocked(request, services.settings.token)
    security.check_csrf(request, csrf)


def write_connection(
    services: ServicesDep, _guard: Annotated[None, Depends(form_guard)]
) -> Iterator[Connection]:
    """A connection in a transaction, for a guarded browser write.

    The transaction commits when the handler returns, *before* the response is
    sent (``scope="function"``): a browser that follows the redirect at once
    must find the write. With FastAPI's default scope the exit code runs after
    the response, and the page fetched on the redirect can miss the write.
    """
    with services.writer.begin() as conn:
        yield conn


WriteConn = Annotated[Connection, Depends(write_connection, scope="function")]


def api_guard(request: Request, services: ServicesDep) -> None:
    """API writes: ``Authorization: Bearer TOKEN``."""
    security.check_bearer(request, services.settings.token)


ApiWriter = Annotated[None, Depends(api_guard)]


def _walk_query(dependant: Dependant) -> Iterator[str]:
    for param in dependant.query_params:
        yield param.alias
    for sub in dependant.dependencies:
        yield from _walk_query(sub)


_NAMES_ATTRIBUTE = "unsc_query_names"


def _query_names(route: APIRoute) -> frozenset[str]:
    # Kept on the route itself: a table keyed by id(route) could hand one app's
    # names to another app's route created at a freed address.
    names: frozenset[str] | None = getattr(route, _NAMES_ATTRIBUTE, None)
    if names is None:
        names = frozenset(_walk_query(route.dependant))
        setattr(route, _NAMES_ATTRIBUTE, names)
    return names


async def known_query(request: Request) -> None:
    """An API address given a query parameter it does not take answers 422, naming it.

    A misspelt filter (``/api/vetoes?untill=1984-12-31``) would otherwise be
    ignored and every row returned as if it had been applied.
    """
    if not request.url.path.startswith("/api/"):
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    names = _query_names(route)
    unknown = sorted(set(request.query_params) - names)
    if unknown:
        takes = ", ".join(sorted(names)) or "none"
        raise WebError(422, f"{unknown[0]}: unknown query parameter (this address takes: {takes})")
