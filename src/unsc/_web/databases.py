"""Database engines for the web app: one that writes, one that only reads, with a time limit.

Reads go through a separate engine that cannot write and stops any statement
that runs longer than the limit:

* SQLite: the file opened with ``mode=ro`` (a URI), and a progress handler that
  interrupts a statement past its deadline;
* PostgreSQL: every transaction ``SET TRANSACTION READ ONLY`` with a local
  ``statement_timeout``.
"""

from __future__ import annotations

import pathlib
import time
import urllib.parse
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from unsc._errors import StorageError
from unsc._store import chamber_tables as tables
from unsc._store import db

_DEADLINE = "unsc_deadline"


def write_engine(url: str) -> Engine:
    """The migrated database, checked to hold the chamber's tables."""
    engine = db.open_database(url)
    missing = [
        t.name for t in tables.metadata.sorted_tables if not sa.inspect(engine).has_table(t.name)
    ]
    if missing:
        raise StorageError(
            f"the database lacks the chamber tables ({', '.join(missing)})",
            hint="the migration 0003_chamber was not applied",
        )
    return engine


def sqlite_readonly_url(url: sa.URL) -> str:
    """The ``mode=ro`` URI form of a SQLite file URL."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise StorageError(
            f"the web app needs a SQLite database file, not {url.render_as_string()!r}",
            hint="pass --database sqlite:///path/to/unsc.sqlite3",
        )
    path = pathlib.Path(database).resolve()
    return f"sqlite+pysqlite:///file:{urllib.parse.quote(str(path))}?mode=ro&uri=true"


def read_engine(url: str, *, timeout: float) -> Engine:
    """An engine that only reads, each statement limited to ``timeout`` seconds."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(sqlite_readonly_url(parsed), pool_size=20, max_overflow=20)
        _limit_sqlite(engine, timeout)
    else:
        engine = sa.create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
        _limit_postgresql(engine, timeout)
    return engine


def _limit_sqlite(engine: Engine, timeout: float) -> None:
    def on_connect(dbapi_connection: Any, record: Any) -> None:
        deadline = [float("inf")]
        record.info[_DEADLINE] = deadline
        dbapi_connection.set_progress_handler(
            lambda: 1 if time.monotonic() > deadline[0] else 0, 2000
        )

    def before_execute(conn: Connection, *_: Any) -> None:
        conn.info[_DEADLINE][0] = time.monotonic() + timeout

    sa.event.listen(engine, "connect", on_connect)
    sa.event.listen(engine, "before_cursor_execute", before_execute)


def _limit_postgresql(engine: Engine, timeout: float) -> None:
    milliseconds = max(1, int(timeout * 1000))

    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {milliseconds}")

    sa.event.listen(engine, "begin", on_begin)
