"""The access token for writes, and CSRF protection for forms.

Everything that writes needs the token set at start-up: the API takes it as
``Authorization: Bearer TOKEN``; a browser exchanges it once (the unlock form)
for an HttpOnly, SameSite=Strict cookie holding a keyed hash of it. Forms carry
a CSRF token that must equal the visitor's CSRF cookie (double submit).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import pathlib
import re
import string

from fastapi import Request, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unsc._web.errors import WebError

CSRF_COOKIE = "unsc_csrf"
AUTH_COOKIE = "unsc_auth"


_URLSAFE = frozenset(string.ascii_letters + string.digits + "-_")


def _set_csrf_cookie(token: str, secure: bool) -> tuple[bytes, bytes]:
    scratch = Response()
    scratch.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure)
    return scratch.raw_headers[-1]


@functools.cache
def _csrf_cookie_around(secure: bool) -> tuple[bytes, bytes]:
    before, _, after = _set_csrf_cookie("TOKEN", secure)[1].partition(b"TOKEN")
    return before, after


def csrf_cookie_header(token: str, *, secure: bool) -> tuple[bytes, bytes]:
    """The ``Set-Cookie`` header that gives a visitor the CSRF cookie ``token``.

    A token of URL-safe characters (every generated one) needs no quoting: the
    header is then Starlette's ``set_cookie`` output, formatted once.
    """
    if _URLSAFE.issuperset(token):
        before, after = _csrf_cookie_around(secure)
        return b"set-cookie", before + token.encode() + after
    return _set_csrf_cookie(token, secure)


def auth_cookie_value(token: str) -> str:
    """What the auth cookie holds: a keyed hash of the token, never the token."""
    return hmac.new(token.encode(), b"unsc-web-auth", hashlib.sha256).hexdigest()


def is_unlocked(request: Request, token: str) -> bool:
    """Whether the browser has exchanged the token for the auth cookie."""
    cookie = request.cookies.get(AUTH_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie, auth_cookie_value(token))


def check_bearer(request: Request, token: str) -> None:
    """Require ``Authorization: Bearer TOKEN`` (API writes)."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise WebError(403, "this action needs the access token (Authorization: Bearer TOKEN)")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise WebError(403, "the access token is wrong")


def check_unlocked(request: Request, token: str) -> None:
    """Require the auth cookie (browser writes)."""
    if not is_unlocked(request, token):
        raise WebError(
            403,
            "this action needs the access token: enter it on the Chamber page "
            "(it was printed when the server started, or set with UNSC_TOKEN)",
        )


def check_csrf(request: Request, submitted: str | None) -> None:
    """Require the form's CSRF token to match the visitor's CSRF cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise WebError(
            403,
            "the form's CSRF token is missing or does not match; reload the page and try again",
            code="csrf_failed",
        )


# --- Headers, HEAD and the body limit (ASGI middleware, outside the response cache) -------

_TEMPLATES = pathlib.Path(__file__).with_name("templates")


def _inline_style_sources() -> str:
    """``'sha256-…'`` sources for the ``<style>`` blocks of the templates (no ``unsafe-inline``)."""
    hashes = []
    for path in sorted(_TEMPLATES.rglob("*.html")):
        for block in re.findall(r"<style>(.*?)</style>", path.read_text(encoding="utf-8"), re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return " ".join(hashes)


def content_security_policy() -> str:
    """The policy: the app's own files only, no plugin, no framing, forms to itself."""
    styles = " ".join(filter(None, ("'self'", _inline_style_sources())))
    return (
        f"default-src 'self'; img-src 'self' data:; style-src {styles}; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", content_security_policy().encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)
"""Sent with every response, kept ones included."""

MAX_BODY_BYTES = 2 * 1024 * 1024
"""The largest request body read (a report of 200,000 characters fits), else 413."""


def _too_large(limit: int) -> StarletteHTTPException:
    return StarletteHTTPException(
        413, detail=f"the request body is larger than the limit of {limit:,} bytes"
    )


class Hardening:
    """Security headers on every response; ``HEAD`` answered as ``GET``; bodies bounded.

    A plain ASGI middleware, added outermost, so that it also covers the
    responses answered from the cache (``_web.fastpath``) before routing. A
    ``HEAD`` request is run as a ``GET`` whose body is not sent (the headers,
    ``Content-Length`` included, are the ``GET``'s). A body announced larger
    than ``max_body`` bytes is refused with 413 before it is read; a body
    that grows past the limit while it is read is refused the same way.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in _OURS]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await _refuse(scope, receive, send_secured, self.max_body)
            return
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _too_large(self.max_body)
            return message

        await self.app(scope, bounded_receive, send_secured)


_OURS = frozenset(name for name, _ in SECURITY_HEADERS)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    from unsc._web.errors import error_response

    request = Request(scope, receive)
    response = error_response(request, _too_large(limit))
    await response(scope, receive, send)
