"""Server-rendered pages: the Jinja2 environment (autoescaped) and the one render helper."""

from __future__ import annotations

import datetime as dt
import functools
import pathlib
import secrets
import urllib.parse
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from unsc._reference.states import name_on
from unsc._web.agenda import agenda_items
from unsc._web.apidocs import markdown, request_body
from unsc._web.security import CSRF_COOKIE, csrf_cookie_header, is_unlocked

TEMPLATES = pathlib.Path(__file__).with_name("templates")


def decision_link(key: str, text: object) -> str:
    """A link to a decision's page, as the templates write it (``#`` in a key escaped)."""
    return f'<a href="/decisions/{escape(key.replace("#", "%23"))}">{escape(text)}</a>'


def agenda_spans(agenda: str | None) -> str:
    """The items of an agenda text, each in its ``agenda-item`` span."""
    return "".join(
        f'<span class="agenda-item">{escape(item)}</span>' for item in agenda_items(agenda)
    )


@functools.cache
def templates() -> Jinja2Templates:
    """The app's templates (``pages/`` and ``partials/``), every value escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates change only with the code: no stat() of each per render
    )
    env.globals["name_on"] = name_on
    env.globals["urlencode"] = urllib.parse.urlencode
    env.filters["date"] = dt.date.fromisoformat
    env.filters["agenda_items"] = agenda_items
    env.filters["markdown"] = markdown
    env.globals["request_body"] = request_body
    env.filters["position"] = lambda p: {
        "Y": "Yes",
        "N": "No",
        "A": "Abstain",
        "X": "Did not vote",
        "absent": "Absent",
        "not_participating": "Not participating",
    }.get(str(p), str(p))
    return Jinja2Templates(env=env)


def fragment(name: str, context: dict[str, Any]) -> Markup:
    """A partial rendered on its own (no visitor state), to be cached and reused."""
    return Markup(templates().env.get_template(name).render(context))


def csrf_token(request: Request) -> str:
    """The request's CSRF token: the cookie's, or a new one set on the response."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(24)
        request.state.new_csrf = token
    return token


def render(
    request: Request, name: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    """Render a page; set the CSRF cookie when the visitor has none."""
    services = getattr(request.app.state, "services", None)
    csrf = csrf_token(request)
    base: dict[str, Any] = {
        "csrf": csrf,
        "unlocked": bool(services and is_unlocked(request, services.settings.token)),
        "path": request.url.path,
    }
    response = templates().TemplateResponse(request, name, {**base, **context}, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != csrf:
        secure = bool(services and services.settings.secure_cookies)
        response.raw_headers.append(csrf_cookie_header(csrf, secure=secure))
    return response
