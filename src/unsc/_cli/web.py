"""The ``unsc serve`` command: the web app over the record's database."""

from __future__ import annotations

import errno
import os
import pathlib
import socket

import click

from unsc._errors import InputError


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (make run: HOST)."
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (make run: PORT).",
)
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

    from unsc._store.db import default_url
    from unsc._web import prepare_database
    from unsc._web.app import app_from_env
    from unsc._web.settings import DATA_DIR_ENV, DATABASE_ENV, TOKEN_ENV, new_token

    check_port(host, port)
    url = database or ctx.find_root().params.get("database") or default_url()
    decisions = prepare_database(url)  # migrated once, before any worker starts
    if not token:
        token = new_token()
        click.echo(f"Access token for writes (Chamber, loads): {token}", err=True)
    os.environ[DATABASE_ENV] = url
    os.environ[TOKEN_ENV] = token
    click.echo(f"Database: {describe_database(url)}", err=True)
    click.echo(f"Record: {describe_record(decisions, os.environ.get(DATA_DIR_ENV))}", err=True)
    click.echo(f"Serving unsc on http://{host}:{port}/ (API documented at /docs)", err=True)
    uvicorn.run(
        # uvicorn's workers each import the app by name: the name is the function's own,
        # imported above, so the import graph sees the edge and no string is typed by hand
        f"{app_from_env.__module__}:{app_from_env.__qualname__}",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,  # info-level lines, never shown at "warning": not even formatted
    )


def check_port(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be listened on (in use, not allowed)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = (
                "is already in use"
                if exc.errno == errno.EADDRINUSE
                else f"cannot be listened on ({exc.strerror})"
            )
            raise InputError(
                f"port {port} on {host} {reason}",
                hint="stop the other server, or choose another port: "
                "PORT=8001 make run, or unsc serve --port 8001",
            ) from None


def describe_database(url: str) -> str:
    """Where the database is: the SQLite file's path, else the URL without its password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        where = parsed.database or ":memory:"
        return f"SQLite file {pathlib.Path(where).resolve() if where != ':memory:' else where}"
    return parsed.render_as_string(hide_password=True)


def describe_record(decisions: int, data_dir: str | None) -> str:
    """What the record holds at start-up, and where an empty one is loaded from."""
    if decisions:
        return f"{decisions:,} decisions loaded"
    if os.environ.get("UNSC_AUTOLOAD", "1") == "0":
        return "empty (UNSC_AUTOLOAD=0: not loaded at start-up; load it with unsc data load DIR)"
    if data_dir:
        return f"empty; loading it in the background from {data_dir}"
    return (
        "empty; loading it in the background by fetching the official files "
        "(UNSC_DATA_DIR=DIR loads a folder instead, UNSC_FETCH_BASE=URL fetches from a mirror)"
    )


COMMANDS = (serve_cmd,)
