"""Database fixtures: a fresh SQLite file, and a fresh PostgreSQL database when available.

PostgreSQL comes from ``UNSC_TEST_POSTGRES_URL`` (``.ci/run`` starts a server
and sets it). Without it the PostgreSQL cases skip, except in CI, where they
must run.
"""

from __future__ import annotations

import os
import pathlib
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
import sqlalchemy.orm


def _postgres_url() -> str | None:
    url = os.environ.get("UNSC_TEST_POSTGRES_URL")
    if not url and os.environ.get("CI") == "true":
        pytest.fail("UNSC_TEST_POSTGRES_URL is not set in CI: .ci/run must start PostgreSQL")
    return url


def fresh_database(kind: str, tmp_path: pathlib.Path) -> Iterator[str]:
    """Yield the URL of an empty database of ``kind`` (sqlite or postgresql)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'record.sqlite3'}"
        return
    url = _postgres_url()
    if not url:
        pytest.skip("no PostgreSQL server: set UNSC_TEST_POSTGRES_URL (CI does)")
    name = f"unsc_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(sa.engine.make_url(url).set(database=name).render_as_string(hide_password=False))
    finally:
        sa.orm.close_all_sessions()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
