"""Storage: SQLAlchemy 2 Core tables, engines, and Alembic migrations.

SQLite by default (a file in the user's data directory); ``UNSC_DATABASE_URL``
overrides it, e.g. ``postgresql+psycopg://user@localhost/unsc``. The same code
runs on both; the schema is created and upgraded only by the migrations in
``unsc/_store/migrations``.
"""

from __future__ import annotations

import os
import pathlib
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection as Connection
from sqlalchemy.engine import Engine as Engine

from unsc._errors import StorageError

metadata = sa.MetaData()

source_files = sa.Table(
    "source_files",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("file", sa.String(200), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("observations", sa.Integer, nullable=False),
    sa.Column("loaded_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("source", "file", name="uq_source_files_source_file"),
)

observations = sa.Table(
    "observations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "source_file_id",
        sa.Integer,
        sa.ForeignKey("source_files.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
)

meetings = sa.Table(
    "meetings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("symbol", sa.String(80), nullable=False),
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("topic", sa.Text),
    sa.Column("press_release", sa.String(40)),
    sa.Column("closed", sa.Boolean, nullable=False),
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("file", sa.String(200), nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(120), nullable=False, unique=True),
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("meeting", sa.String(80)),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("procedural", sa.Boolean),
    sa.Column("draft", sa.String(80), index=True),
    sa.Column("resolution", sa.Integer, unique=True),
    sa.Column("agenda", sa.Text),
    sa.Column("description", sa.Text),
    sa.Column("modality", sa.String(30)),
    sa.Column("recorded_outcome", sa.String(20)),
    sa.Column("recorded_vetoed_by", sa.String(40)),
    sa.Column("yes", sa.Integer),
    sa.Column("no", sa.Integer),
    sa.Column("abstain", sa.Integer),
    sa.Column("not_voting", sa.Integer),
    sa.Column("tally_source", sa.String(40)),
    sa.Column("votes_source", sa.String(40)),
    sa.Column("adjudicated_outcome", sa.String(20)),
    sa.Column("adjudicated_vetoed_by", sa.String(40)),
    sa.Column("adjudication", sa.String(20)),
    sa.Column("reasons", sa.Text),
    sa.Column("agrees", sa.Boolean),
    sa.Column("sources", sa.Text, nullable=False),
    sa.Column("subjects", sa.Text),
    sa.Column("named_votes", sa.Text),
)

votes = sa.Table(
    "votes",
    metadata,
    sa.Column(
        "decision_id",
        sa.Integer,
        sa.ForeignKey("decisions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("member", sa.String(3), primary_key=True),
    sa.Column("position", sa.String(1), nullable=False),
    sa.Column("detail", sa.String(20)),
    sa.Index("ix_votes_member_position", "member", "position"),
)

vetoes = sa.Table(
    "vetoes",
    metadata,
    sa.Column(
        "decision_id",
        sa.Integer,
        sa.ForeignKey("decisions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("member", sa.String(3), primary_key=True, index=True),
)

sponsors = sa.Table(
    "sponsors",
    metadata,
    sa.Column(
        "decision_id",
        sa.Integer,
        sa.ForeignKey("decisions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("member", sa.String(3), primary_key=True),
)

provenance = sa.Table(
    "provenance",
    metadata,
    sa.Column(
        "decision_id",
        sa.Integer,
        sa.ForeignKey("decisions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("file", sa.String(200), nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("decision_key", sa.String(120), index=True),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("chosen", sa.Text),
    sa.Column("chosen_source", sa.String(40)),
    sa.Column("values", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

search_documents = sa.Table(
    "search_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False, index=True),
    sa.Column("ref", sa.String(120), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.UniqueConstraint("kind", "ref", name="uq_search_documents_kind_ref"),
)
"""One row per resolution, draft, veto and mandate, for full-text search.

The index itself is the database's own, made by migration ``0005``: FTS5
(``search_fts``) on SQLite, a generated ``tsvector`` column on PostgreSQL.
"""

agreement = sa.Table(
    "agreement",
    metadata,
    sa.Column("member", sa.String(3), primary_key=True),
    sa.Column("other", sa.String(3), primary_key=True),
    sa.Column("votes_together", sa.Integer, nullable=False),
    sa.Column("same_position", sa.Integer, nullable=False),
)
"""Derived from ``votes`` at every load: pairs of members voting on the same decisions
(neither ``X``), and how many times in the same position (migration ``0007_agreement``)."""

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("key", sa.String(120), primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
)
"""Derived at every load: each decision's and member's JSON as the API returns it
(``unsc._store.documents``; migration ``0007_agreement``)."""


def insert_many(conn: Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, column names) into ``table``.

    As ``conn.execute(sa.insert(table), rows)``, the same values stored. On
    SQLite the statement is compiled once and the rows go to the driver's
    ``executemany`` as tuples, each value through its column type's own bind
    processor (dates as ISO text): SQLAlchemy's per-row parameter handling
    was about a tenth of a load. Elsewhere (PostgreSQL), SQLAlchemy's
    batched ``INSERT ... VALUES`` is used as it is.
    """
    if not rows:
        return
    names = list(rows[0])
    defaulted = any(c.default is not None and c.name not in rows[0] for c in table.c)
    if conn.dialect.name != "sqlite" or defaulted:
        conn.execute(sa.insert(table), rows)
        return
    statement = sa.insert(table).values({name: sa.bindparam(name) for name in names})
    compiled = statement.compile(dialect=conn.dialect)
    order = compiled.positiontup
    assert order is not None
    assert sorted(order) == sorted(names)
    processors = [
        table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for name in order
    ]
    if any(processors):
        pairs = list(zip(order, processors, strict=True))
        values = [tuple(p(row[n]) if p else row[n] for n, p in pairs) for row in rows]
    else:
        values = [tuple(row[n] for n in order) for row in rows]
    conn.exec_driver_sql(compiled.string, values)


DEFAULT_FILE = "unsc.sqlite3"


def default_url() -> str:
    """``UNSC_DATABASE_URL``, else a SQLite file in the user's data directory."""
    url = os.environ.get("UNSC_DATABASE_URL")
    if url:
        return url
    import platformdirs

    folder = pathlib.Path(platformdirs.user_data_dir("unsc", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DEFAULT_FILE}"


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`default_url`)."""
    url = url or default_url()
    try:
        engine = sa.create_engine(url, future=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StorageError(f"cannot use database {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


#: Alembic keeps the running migration's context in one module-wide proxy
#: (``alembic.context``): two threads migrating at once, such as a background load and a
#: new app, overwrite each other's and fail. One migration runs at a time per process.
_MIGRATING = threading.RLock()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration (creating it if empty)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(pathlib.Path(__file__).parent / "migrations"))
    try:
        with _MIGRATING, engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except sa.exc.OperationalError as exc:
        raise StorageError(f"cannot open or migrate the database: {exc.orig}") from None


def has_table(engine: Engine, name: str) -> bool:
    """Whether the database of ``engine`` holds a table ``name``."""
    return sa.inspect(engine).has_table(name)


def open_database(url: str | None = None) -> Engine:
    """An engine on a migrated database."""
    engine = make_engine(url)
    migrate(engine)
    return engine
