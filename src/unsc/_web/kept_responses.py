"""Whole responses kept in memory: a repeated GET answered before routing.

Most of what the app serves depends only on the address and the record, and
the record changes only when it is loaded. A handler whose response is such
calls :func:`keep`; the next GET of the same path and query string is then
answered by :class:`KeptResponses`, a plain ASGI middleware, from the bytes
kept in the record cache (:class:`~unsc._web.cache.Cache`, emptied when a
load changes the record), without routing, dependencies, a worker thread or
a template: a dict lookup and two ASGI messages.

What varies by visitor is kept out: only ``200`` answers to GETs from a
visitor without the auth cookie are kept; a visitor with it (an unlocked
browser) always gets a live page; a page that shows the visitor's CSRF token
is not kept, and a kept page sets a fresh CSRF cookie for a visitor without
one, as :func:`~unsc._web.render.render` does.

A miss on ``/api/decisions/KEY`` or ``/api/members/CODE`` is answered here
too, from the document the load precomputed (:mod:`unsc._record.documents`):
one read by primary key, well under a millisecond, made on the event loop
without routing or a worker thread. The bytes are those the route would
send; an address without a document (unknown, or a record loaded before the
documents existed) goes on to the route. So are the two lists asked most
with one filter, ``/api/resolutions?year=YYYY`` and
``/api/vetoes?since=YYYY-MM-DD``, when the query string is exactly that (a
year in range, a valid date): one indexed query each, the same function and
bytes as the route's; any other query string goes on to the route, which
checks it.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request, Response
from sqlalchemy.engine import Connection, Engine
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from unsc._errors import UnscError
from unsc._reference.states import resolve_member
from unsc._store import documents, query
from unsc._web.cache import Cache, Kept, json_bytes
from unsc._web.render import csrf_token
from unsc._web.security import AUTH_COOKIE, CSRF_COOKIE, csrf_cookie_header

R = TypeVar("R", bound=Response)
_SCOPE_KEY = "unsc.keep"  # (cache, key, generation) for a GET that may be kept
_DOCUMENTS = (("/api/decisions/", documents.DECISION), ("/api/members/", documents.MEMBER))
_JSON_HEADERS = ((b"content-type", b"application/json"),)


def _year(conn: Connection, match: re.Match[bytes]) -> Any:
    year = int(match[1])
    if not query.FIRST_YEAR <= year <= query.LAST_YEAR:
        return None  # the route's 422
    return query.resolutions(conn, year=year)


def _since(conn: Connection, match: re.Match[bytes]) -> Any:
    try:
        since = dt.date.fromisoformat(match[1].decode())
    except ValueError:
        return None  # the route's 422
    return query.vetoes(conn, since=since)


_LISTS: dict[str, tuple[re.Pattern[bytes], Callable[[Connection, re.Match[bytes]], Any]]] = {
    "/api/resolutions": (re.compile(rb"year=(\d{4})"), _year),
    "/api/vetoes": (re.compile(rb"since=(\d{4}-\d{2}-\d{2})"), _since),
}
"""Lists answered before routing when the query string is exactly one such filter."""


def _cookies(scope: Scope) -> dict[str, str]:
    for name, value in scope["headers"]:
        if name == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


class KeptResponses:
    """Answers a GET from the kept responses, else passes it on (and lets it be kept)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        cache: Cache,
        reader: Engine | None = None,
        secure_cookies: bool = False,
    ) -> None:
        self.app = app
        self.cache = cache
        self.reader = reader
        self.secure_cookies = secure_cookies

    def document(self, path: str) -> bytes | None:
        """The precomputed JSON answering ``path``, if there is one."""
        if self.reader is None:
            return None
        for prefix, kind in _DOCUMENTS:
            if path.startswith(prefix):
                key = path[len(prefix) :]
                if kind == documents.MEMBER:
                    try:
                        key = resolve_member(key)
                    except UnscError:
                        return None  # the route answers 404
                with self.reader.connect() as conn:
                    body = documents.document(conn, kind, key)
                return None if body is None else body.encode("utf-8")
        return None

    def listed(self, path: str, query_string: bytes) -> bytes | None:
        """The JSON list answering ``path?query_string``, if it is one of :data:`_LISTS`."""
        found = _LISTS.get(path)
        if self.reader is None or found is None:
            return None
        pattern, read = found
        match = pattern.fullmatch(query_string)
        if match is None:
            return None
        with self.reader.connect() as conn:
            rows = read(conn, match)
        return None if rows is None else json_bytes(rows)

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
            generation = self.cache.generation()
            query_string = scope["query_string"]
            body = (
                self.listed(scope["path"], query_string)
                if query_string
                else self.document(scope["path"])
            )
            if body is None:
                scope[_SCOPE_KEY] = (self.cache, key, generation)
                await self.app(scope, receive, send)
                return
            length = (b"content-length", str(len(body)).encode())
            kept = Kept(200, (length, *_JSON_HEADERS), body, False)
            self.cache.keep(key, kept, generation)
        headers: tuple[tuple[bytes, bytes], ...] = kept.headers
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
