"""Record search: subjects of decisions, and one full-text index over the record and mandates.

``decisions.named_votes`` (JSON) keeps the members a source names without a
full ballot (the procedural vote of 24 Oct 2017); ``votes`` stays full ballots.

``search_documents`` holds one row per resolution, draft, veto and mandate
(title and body). The full-text index is the database's own: an FTS5 table
``search_fts`` (external content) on SQLite, a generated ``tsvector`` column
with a GIN index on PostgreSQL. Stored files are marked for re-parsing.

Revision ID: 0005_record_search
Revises: 0004_reports
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_record_search"
down_revision = "0004_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("decisions", sa.Column("subjects", sa.Text))
    op.add_column("decisions", sa.Column("named_votes", sa.Text))
    op.create_table(
        "search_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False, index=True),
        sa.Column("ref", sa.String(120), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "ref", name="uq_search_documents_kind_ref"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, content='search_documents', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)")
    # Files loaded before this revision were parsed without subjects and with the
    # old member codes (DEU for the Federal Republic, YEM for Democratic Yemen):
    # forget their digests so that the next `unsc data load` parses them again
    # and the rebuild fills the search index.
    op.execute("UPDATE source_files SET sha256 = ''")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_documents")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("named_votes")
        batch.drop_column("subjects")
