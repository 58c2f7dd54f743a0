"""Mandates: bodies, their mandate periods and events.

Revision ID: 0002_mandates
Revises: 0001_record
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_mandates"
down_revision = "0001_record"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("acronym", sa.String(40)),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("established", sa.Date),
        sa.Column("established_by", sa.Integer),
        sa.Column("ended", sa.Date),
        sa.Column("end_kind", sa.String(20)),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("notes", sa.Text),
    )
    op.create_index("ix_bodies_kind", "bodies", ["kind"])
    op.create_table(
        "mandate_periods",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "body_id",
            sa.Integer,
            sa.ForeignKey("bodies.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date),
        sa.Column("granted", sa.Date, nullable=False),
        sa.Column("end_basis", sa.String(20), nullable=False),
        sa.Column("resolution", sa.Integer),
        sa.Column("document", sa.String(80)),
        sa.Column("decision_key", sa.String(120)),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("file", sa.String(200)),
        sa.Column("line", sa.Integer),
        sa.Column("text", sa.Text),
    )
    op.create_index("ix_mandate_periods_body_id", "mandate_periods", ["body_id"])
    op.create_index("ix_mandate_periods_decision_key", "mandate_periods", ["decision_key"])
    op.create_table(
        "mandate_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "body_id",
            sa.Integer,
            sa.ForeignKey("bodies.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("precision", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("resolution", sa.Integer),
        sa.Column("draft", sa.String(80)),
        sa.Column("document", sa.String(80)),
        sa.Column("decision_key", sa.String(120)),
        sa.Column("outcome", sa.String(20)),
        sa.Column("vetoed_by", sa.String(40)),
        sa.Column("yes", sa.Integer),
        sa.Column("no", sa.Integer),
        sa.Column("abstain", sa.Integer),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("file", sa.String(200)),
        sa.Column("line", sa.Integer),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_mandate_events_body_id", "mandate_events", ["body_id"])
    op.create_index("ix_mandate_events_date", "mandate_events", ["date"])
    op.create_index("ix_mandate_events_decision_key", "mandate_events", ["decision_key"])


def downgrade() -> None:
    for table in ("mandate_events", "mandate_periods", "bodies"):
        op.drop_table(table)
