"""One error shape for every HTTP error, HTML or JSON, from one handler.

JSON: ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``;
HTML: the same three fields on the error page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsc._errors import UnscError
from unsc._web.errors import WebError, describe, wants_json
from unsc._web.render import render

log = logging.getLogger("unsc.web")


def error_response(request: Request, exc: Exception) -> Response:
    """The one handler: every error becomes the same three fields."""
    status, code, message = describe(exc)
    if status >= 500:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, StarletteHTTPException) else None
    body = {"status": status, "code": code, "message": message}
    if wants_json(request):
        return JSONResponse({"error": body}, status_code=status, headers=headers)
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
