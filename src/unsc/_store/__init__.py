"""Storage: every table once, the Alembic migrations and the engine factory."""
