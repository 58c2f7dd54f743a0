"""Whole responses kept in memory: a repeated GET answered before routing.

Most of what the app serves depends only on the address and the record, and
the record changes only when it is loaded. A handler whose response is such
calls :func:`keep`; the next GET of the same path and query string is then
answered by :class:`KeptResponses`, a plain ASGI middleware, from the bytes
kept in the record cache (:class:`~unsc._web.services.Cache`, emptied when a
load changes the record), without routing, dependencies, a worker thread or
a template: a dict lookup and two ASGI messages.

What varies by visitor is kept out: only ``200`` answers to GETs from a
visitor without the auth cookie are kept; a visitor with it (an unlocked
browser) always gets a live page; a page that shows the visitor's CSRF token
is not kept, and a kept page sets a fresh CSRF cookie for a visitor without
one, as :func:`~unsc._web.render.render` does.
"""

from __future__ import annotations

import secrets
from collections.abc import Hashable
from typing import TypeVar

from fastapi import Request, Response
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from unsc._web.render import csrf_token
from unsc._web.security import AUTH_COOKIE, CSRF_COOKIE, csrf_cookie_header
from unsc._web.services import Cache, Kept

R = TypeVar("R", bound=Response)
_SCOPE_KEY = "unsc.keep"  # (cache, key, generation) for a GET that may be kept


def _cookies(scope: Scope) -> dict[str, str]:
    for name, value in scope["headers"]:
        if name == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


class KeptResponses:
    """Answers a GET from the kept responses, else passes it on (and lets it be kept)."""

    def __init__(self, app: ASGIApp, *, cache: Cache, secure_cookies: bool = False) -> None:
        self.app = app
        self.cache = cache
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        cookies = _cookies(scope)
        if AUTH_COOKIE in cookies:  # an unlocked browser: pages may differ, always live
            await self.app(scope, receive, send)
            return
        key: Hashable = ("response", scope["path"], scope["query_string"])
        kept = self.cache.response(key)
        if kept is None:
            scope[_SCOPE_KEY] = (self.cache, key, self.cache.generation())
            await self.app(scope, receive, send)
            return
        headers = kept.headers
        if kept.page and not cookies.get(CSRF_COOKIE):
            token = secrets.token_urlsafe(24)
            headers = (*headers, csrf_cookie_header(token, secure=self.secure_cookies))
        await send({"type": "http.response.start", "status": kept.status, "headers": headers})
        await send({"type": "http.response.body", "body": kept.body})


def keep(request: Request, response: R, *, page: bool = False) -> R:
    """Keep ``response`` for later GETs of this address while the record is unchanged.

    Call it only for a response that depends on nothing but the path, the
    query string, the record and the reference data. ``page``: an HTML page
    (rendered for this visitor's CSRF token: not kept if it shows the token).
    Returns ``response``; does nothing when the request may not be kept.
    """
    entry = request.scope.get(_SCOPE_KEY)
    if entry is None or response.status_code != 200:
        return response
    cache, key, generation = entry
    body = bytes(response.body)
    if page and csrf_token(request).encode() in body:
        return response
    headers = tuple(
        (name, value) for name, value in response.raw_headers if name.lower() != b"set-cookie"
    )
    cache.keep(key, Kept(response.status_code, headers, body, page), generation)
    return response
