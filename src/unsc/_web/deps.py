"""Dependencies, declared once: the services, read and write connections, the guards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Form, Request
from sqlalchemy.engine import Connection

from unsc._web import security
from unsc._web.services import Services


async def get_services(request: Request) -> Services:
    """The app's services (engines, cache, loader); async: no thread for a lookup."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


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
