"""The record: source files, observations, meetings, decisions, votes, conflicts.

Revision ID: 0001_record
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_record"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("file", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("observations", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("source", "file", name="uq_source_files_source_file"),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "source_file_id",
            sa.Integer,
            sa.ForeignKey("source_files.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_observations_source_file_id", "observations", ["source_file_id"])
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(80), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("topic", sa.Text),
        sa.Column("press_release", sa.String(40)),
        sa.Column("closed", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("file", sa.String(200), nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
    )
    op.create_index("ix_meetings_date", "meetings", ["date"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(120), nullable=False, unique=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("meeting", sa.String(80)),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("procedural", sa.Boolean),
        sa.Column("draft", sa.String(80)),
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
    )
    op.create_index("ix_decisions_date", "decisions", ["date"])
    op.create_index("ix_decisions_draft", "decisions", ["draft"])
    op.create_table(
        "votes",
        sa.Column(
            "decision_id",
            sa.Integer,
            sa.ForeignKey("decisions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("member", sa.String(3), primary_key=True),
        sa.Column("position", sa.String(1), nullable=False),
        sa.Column("detail", sa.String(20)),
    )
    op.create_index("ix_votes_member_position", "votes", ["member", "position"])
    op.create_table(
        "vetoes",
        sa.Column(
            "decision_id",
            sa.Integer,
            sa.ForeignKey("decisions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("member", sa.String(3), primary_key=True),
    )
    op.create_index("ix_vetoes_member", "vetoes", ["member"])
    op.create_table(
        "sponsors",
        sa.Column(
            "decision_id",
            sa.Integer,
            sa.ForeignKey("decisions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("member", sa.String(3), primary_key=True),
    )
    op.create_table(
        "provenance",
        sa.Column(
            "decision_id",
            sa.Integer,
            sa.ForeignKey("decisions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("file", sa.String(200), nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
    )
    op.create_index("ix_provenance_decision_id", "provenance", ["decision_id"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("decision_key", sa.String(120)),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("chosen", sa.Text),
        sa.Column("chosen_source", sa.String(40)),
        sa.Column("values", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_conflicts_kind", "conflicts", ["kind"])
    op.create_index("ix_conflicts_decision_key", "conflicts", ["decision_key"])


def downgrade() -> None:
    for table in (
        "conflicts",
        "provenance",
        "sponsors",
        "vetoes",
        "votes",
        "decisions",
        "meetings",
        "observations",
        "source_files",
    ):
        op.drop_table(table)
