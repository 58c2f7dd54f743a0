"""One error shape for every HTTP error, HTML or JSON, from one handler.

JSON: ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``;
HTML: the same three fields on the error page.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsc._errors import BallotError, TallyError, UnscError

log = logging.getLogger("unsc.web")

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


def _describe(exc: Exception) -> tuple[int, str, str]:
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


def error_response(request: Request, exc: Exception) -> Response:
    """The one handler: every error becomes the same three fields."""
    status, code, message = _describe(exc)
    if status >= 500:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, StarletteHTTPException) else None
    body = {"status": status, "code": code, "message": message}
    if wants_json(request):
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    from unsc._web.render import render

    context = {"error": body, "title": f"Error {status}", "banner": _record_banner(request)}
    return render(request, "pages/error.html", context, status=status)


RECORD_PAGES = ("/record", "/decisions/", "/members/", "/vetoes", "/replay", "/mandates")
"""Pages over the record: their errors, 404s included, say too when it is not loaded."""


def _record_banner(request: Request) -> dict[str, str] | None:
    if not request.url.path.startswith(RECORD_PAGES):
        return None
    services = getattr(request.app.state, "services", None)
    if services is None:
        return None
    try:
        banner: dict[str, str] | None = services.record_banner()
    except Exception:  # the error page must render whatever the database does
        log.warning("the record's state could not be read for an error page", exc_info=True)
        return None
    return banner


def install(app: FastAPI) -> None:
    """Route every kind of error to :func:`error_response`."""
    for kind in (WebError, RequestValidationError, UnscError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, error_response)
