"""The app factory: ``create_app(settings)``."""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import pathlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from unsc import __version__
from unsc._reference.council import presidencies
from unsc._web import error_handler, queries
from unsc._web.apidocs import as_markdown
from unsc._web.cache import Cache
from unsc._web.databases import read_engine, write_engine
from unsc._web.deps import known_query
from unsc._web.hardening import Hardening
from unsc._web.kept_responses import KeptResponses
from unsc._web.loader import Loader
from unsc._web.routes import (
    chamber,
    council,
    decisions,
    docs,
    load,
    mandates,
    members,
    power,
    presidents,
    record,
    replay,
    reports,
    search,
    vetoes,
    vote,
)
from unsc._web.services import Services
from unsc._web.settings import Settings
from unsc._web.warm import warm_up

log = logging.getLogger("unsc.web")
STATIC = pathlib.Path(__file__).with_name("static")

DESCRIPTION = """\
The UN Security Council as code: who sat, who presided, and how every vote is
decided under the Charter. The JSON API returns the shapes of the `unsc`
command line (`--json`). Errors always have the shape
`{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
"""


def create_app(settings: Settings) -> FastAPI:
    """The web app over the database ``settings.database_url``.

    The schema is migrated at once; an empty record is loaded in a background
    thread at start-up (from ``settings.data_dir``, else by fetching) so that
    the server answers meanwhile.
    """
    writer = write_engine(settings.database_url)
    reader = read_engine(settings.database_url, timeout=settings.read_timeout)
    cache = Cache(reader, seconds=settings.cache_seconds, enabled=settings.cache)
    services = Services(
        settings=settings,
        writer=writer,
        reader=reader,
        cache=cache,
        loader=Loader(settings, on_done=cache.clear),
    )

    @contextlib.asynccontextmanager
    async def lifespan(this: FastAPI) -> AsyncIterator[None]:
        presidencies()  # computed once, before the first request
        if settings.autoload:
            with reader.connect() as conn:
                empty = queries.decision_count(conn) == 0
            if empty:
                services.loader.start()
        cache.watch()  # the record's stamp read in the background, not by requests
        if settings.warm_up:
            seconds = await warm_up(this)  # templates compiled, one request of each kind
            log.info("worker warmed up in %.2f s", seconds)
        gc.collect()
        gc.freeze()  # long-lived start-up objects out of the collector's way (tail latency)
        yield
        cache.stop()
        reader.dispose()
        writer.dispose()

    app = FastAPI(
        title="unsc",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        dependencies=[Depends(known_query)],
    )
    app.state.services = services

    def openapi_in_markdown() -> dict[str, Any]:
        # OpenAPI descriptions are CommonMark: the docstrings' reST ``code`` becomes `code`.
        if app.openapi_schema is None:
            app.openapi_schema = json.loads(as_markdown(json.dumps(FastAPI.openapi(app))))
        return app.openapi_schema

    app.openapi = openapi_in_markdown  # type: ignore[method-assign]
    app.add_middleware(
        KeptResponses, cache=cache, reader=reader, secure_cookies=settings.secure_cookies
    )
    app.add_middleware(Hardening, max_body=settings.max_body_bytes)  # outermost: kept ones too
    error_handler.install(app)
    # One router per resource, its pages and its JSON side by side. The OpenAPI
    # document (and the /docs page) lists the endpoints in this order.
    for router in (
        chamber.router,
        reports.router,
        replay.router,
        council.router,
        vote.router,
        vetoes.router,
        record.router,
        presidents.router,
        mandates.router,
        power.router,
        search.router,
        members.router,
        decisions.router,
        load.router,
        docs.router,
    ):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def prepare_database(url: str) -> int:
    """Migrate the database at ``url`` once, before any worker starts: the decisions it holds."""
    engine = write_engine(url)
    try:
        with engine.connect() as conn:
            return queries.decision_count(conn)
    finally:
        engine.dispose()


def app_from_env() -> FastAPI:
    """The app configured from the environment (``unsc serve`` and its workers)."""
    return create_app(Settings.from_env())
