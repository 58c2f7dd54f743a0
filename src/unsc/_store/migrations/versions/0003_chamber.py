"""The chamber: user-run meetings, apart from the official record.

Revision ID: 0003_chamber
Revises: 0002_mandates
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_chamber"
down_revision = "0002_mandates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chamber_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("president", sa.String(3), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "chamber_questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("chamber_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("motion", sa.String(30)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column(
            "amends_id",
            sa.Integer,
            sa.ForeignKey("chamber_questions.id", ondelete="CASCADE"),
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("tabled_at", sa.String(32), nullable=False),
        sa.Column("decided_at", sa.String(32)),
        sa.Column("announcement", sa.Text),
        sa.Column("decision", sa.Text),
    )
    op.create_index("ix_chamber_questions_session_id", "chamber_questions", ["session_id"])
    op.create_table(
        "chamber_votes",
        sa.Column(
            "question_id",
            sa.Integer,
            sa.ForeignKey("chamber_questions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("member", sa.String(3), primary_key=True),
        sa.Column("position", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    for table in ("chamber_votes", "chamber_questions", "chamber_sessions"):
        op.drop_table(table)
