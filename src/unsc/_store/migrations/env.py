"""Alembic environment: runs on the connection handed over by ``unsc._store.db.migrate``."""

from __future__ import annotations

from alembic import context

from unsc._store.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via unsc._store.db.migrate
    raise RuntimeError("run migrations through unsc._store.db.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
