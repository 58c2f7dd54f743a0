"""A worker's warm-up at start: every template compiled, one request of each kind answered.

The first request of each kind in a fresh worker pays for what later ones
find ready: Jinja compiling its templates, SQLAlchemy compiling each
statement, the record's file pages read from disk, the small per-process
tables (the mandate timelines, the members' list, the agenda patterns) built.
With readers pacing themselves those first requests are the slowest of a run
(``docs/reliability.md``, "Load"). :func:`warm_up` pays that before the
worker accepts a connection: it compiles every template, then sends one GET
of each kind of page and API call through the whole app (middleware, routing,
handlers, templates), as a visitor would, and discards the answers.

It runs in each worker's start-up (``create_app``'s lifespan) when
``Settings.warm_up`` is set: ``unsc serve`` sets it unless ``UNSC_WARM_UP=0``;
the default ``Settings`` of the tests leave it off, so that they start fast.
"""

from __future__ import annotations

import logging
import time
import urllib.parse
from typing import Any

import sqlalchemy as sa
from starlette.types import ASGIApp, Message

from unsc._store import db
from unsc._web.render import templates

log = logging.getLogger("unsc.web")

PATHS = (
    "/",
    "/council/2000-01-01",
    "/api/council/2000-01-01",
    "/members",
    "/members/FRA",
    "/api/members/FRA",
    "/vetoes",
    "/api/vetoes",
    "/api/vetoes?member=USA",
    "/api/vetoes?since=2000-01-01",
    "/api/resolutions?year=2000",
    "/record",
    "/record?view=drafts&page=2",
    "/record?view=vetoes&from=1970&to=1975",
    "/record?view=resolutions&from=1990&to=1995&member=USA&vote=Y",
    "/mandates",
    "/mandates?at=2000-01-01",
    "/decisions/none",  # the error page
)
"""The addresses a warm-up visits, beside a resolution's and a draft's decision."""


def _decision_paths(app: Any) -> list[str]:
    services = app.state.services
    d = db.decisions.c
    paths = []
    with services.reader.connect() as conn:
        for where in (d.resolution.is_not(None), d.resolution.is_(None)):
            key = conn.execute(sa.select(d.key).where(where).order_by(d.id).limit(1)).scalar()
            if key is not None:
                quoted = urllib.parse.quote(str(key), safe=":/")
                paths += [f"/decisions/{quoted}", f"/api/decisions/{quoted}"]
    return paths


async def _get(app: ASGIApp, target: str) -> int:
    """Send one GET for ``target`` through ``app``; its status."""
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
    }
    status = 0

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status


async def warm_up(app: Any) -> float:
    """Compile every template and answer one GET of each kind; the seconds it took.

    A failure is logged, never raised: a worker that could not warm up still serves.
    """
    started = time.perf_counter()
    env = templates().env
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
    try:
        paths = [*PATHS, *_decision_paths(app)]
    except Exception as exc:  # a locked or missing database: the requests will say so
        log.warning("warming up: %s", exc)
        paths = list(PATHS)
    for path in paths:
        try:
            await _get(app, path)
        except Exception as exc:
            log.warning("warming up: GET %s failed: %s", path, exc)
    return time.perf_counter() - started
