"""Reports: vote reports read by ``unsc extract --load``, apart from the official record.

Revision ID: 0004_reports
Revises: 0003_chamber
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_reports"
down_revision = "0003_chamber"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("dateline", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("sha256", name="uq_reports_sha256"),
    )
    op.create_table(
        "report_votes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "report_id",
            sa.Integer,
            sa.ForeignKey("reports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("body", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("draft", sa.String(80)),
        sa.Column("resolution", sa.Integer),
        sa.Column("procedural", sa.Boolean, nullable=False),
        sa.Column("yes", sa.Integer),
        sa.Column("no", sa.Integer),
        sa.Column("abstain", sa.Integer),
        sa.Column("not_voting", sa.Integer),
        sa.Column("members_yes", sa.Text, nullable=False),
        sa.Column("members_no", sa.Text, nullable=False),
        sa.Column("members_abstain", sa.Text, nullable=False),
        sa.Column("members_not_voting", sa.Text, nullable=False),
        sa.Column("members_inferred", sa.Text, nullable=False),
        sa.Column("sponsor", sa.String(3)),
        sa.Column("outcome", sa.String(20)),
        sa.Column("vetoed_by", sa.Text, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
        sa.Column("spans", sa.Text, nullable=False),
        sa.Column("extracted", sa.Text, nullable=False),
        sa.Column("decided_at", sa.String(32)),
        sa.UniqueConstraint("report_id", "seq", name="uq_report_votes_report_seq"),
    )
    op.create_index("ix_report_votes_status", "report_votes", ["status"])
    op.create_index("ix_report_votes_date", "report_votes", ["date"])


def downgrade() -> None:
    op.drop_index("ix_report_votes_date", table_name="report_votes")
    op.drop_index("ix_report_votes_status", table_name="report_votes")
    op.drop_table("report_votes")
    op.drop_table("reports")
