"""What an HTTP error is: its status, stable code and message, whatever raised it.

Every error becomes these three fields (:func:`describe`); the one handler
that answers with them, as JSON or as the error page, is
:mod:`unsc._web.error_handler`.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsc._errors import BallotError, TallyError, UnscError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    422: "invalid_input",
    500: "internal_error",
    503: "unavailable",
}


class WebError(Exception):
    """An error the app raises on purpose: status, stable code, message."""

    def __init__(self, status: int, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message


def not_found(what: str) -> WebError:
    """A 404 naming what was not found."""
    return WebError(404, f"{what} not found")


def wants_json(request: Request) -> bool:
    """JSON for the API, ``.json`` downloads and clients that ask for JSON only."""
    path = request.url.path
    if path.startswith("/api") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def describe(exc: Exception) -> tuple[int, str, str]:
    """The status, code and message that ``exc`` is answered with."""
    if isinstance(exc, WebError):
        return exc.status, exc.code, exc.message
    if isinstance(exc, RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return 422, "invalid_input", "; ".join(parts) or "invalid input"
    if isinstance(exc, (BallotError, TallyError)):
        return 400, "invalid_ballot", str(exc)
    if isinstance(exc, UnscError):
        return 400, "bad_request", str(exc)
    if isinstance(exc, OperationalError) and _timed_out(exc):
        return 503, "timeout", "the query took too long and was stopped; narrow the filters"
    if isinstance(exc, StarletteHTTPException):
        status = exc.status_code
        default = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        detail = exc.detail if isinstance(exc.detail, str) else default
        if status == 404 and detail == "Not Found":
            detail = "no page at this address"
        if status == 405 and detail == "Method Not Allowed":
            detail = "this address does not accept that method"
        return status, CODES.get(status, "error"), detail
    return 500, "internal_error", "an internal error occurred; it has been logged"


def _timed_out(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text
