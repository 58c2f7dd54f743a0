"""The access token for writes, and CSRF protection for forms.

Everything that writes needs the token set at start-up: the API takes it as
``Authorization: Bearer TOKEN``; a browser exchanges it once (the unlock form)
for an HttpOnly, SameSite=Strict cookie holding a keyed hash of it. Forms carry
a CSRF token that must equal the visitor's CSRF cookie (double submit).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import string

from fastapi import Request, Response

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
