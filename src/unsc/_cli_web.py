"""The ``unsc serve`` command: the web app over the record's database."""

from __future__ import annotations

import os

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--database",
    help="Database URL (default: the root --database, UNSC_DATABASE_URL, or SQLite in the "
    "user data folder).",
)
@click.option(
    "--token",
    envvar="UNSC_TOKEN",
    help="Access token for writes (Chamber meetings, loads); generated and printed if absent.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes.",
)
@click.pass_context
def serve_cmd(
    ctx: click.Context,
    host: str,
    port: int,
    database: str | None,
    token: str | None,
    workers: int,
) -> None:
    """Serve the web app: the Council on a date, the record explorer, the Chamber, a JSON API.

    An empty record is loaded in the background at start-up, from UNSC_DATA_DIR
    when set, else by fetching the official files; pages say how to load it
    when neither works. The API is documented at /docs.

    Example: unsc serve --port 8000  (UNSC_DATA_DIR=../shared/data loads the record from there)
    """
    import uvicorn

    from unsc._record.db import default_url
    from unsc._web.engines import write_engine
    from unsc._web.settings import DATABASE_ENV, TOKEN_ENV, new_token

    url = database or ctx.find_root().params.get("database") or default_url()
    write_engine(url).dispose()  # migrate once, before any worker starts
    if not token:
        token = new_token()
        click.echo(f"Access token for writes (Chamber, loads): {token}", err=True)
    os.environ[DATABASE_ENV] = url
    os.environ[TOKEN_ENV] = token
    click.echo(f"Serving unsc on http://{host}:{port}/ (database {url})", err=True)
    uvicorn.run(
        "unsc._web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,  # info-level lines, never shown at "warning": not even formatted
    )


COMMANDS = (serve_cmd,)
