"""Headers, ``HEAD`` and the body limit: an ASGI middleware, outside the response cache.

Every response carries the security headers (a content security policy of the
app's own files); a ``HEAD`` is answered as a ``GET`` without its body; a
request body past the limit is refused with 413, in the one error shape.
"""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re

from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unsc._web.error_handler import error_response

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
    responses answered from the cache (``_web.kept_responses``) before routing. A
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
    request = Request(scope, receive)
    response = error_response(request, _too_large(limit))
    await response(scope, receive, send)
