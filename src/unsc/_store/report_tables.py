"""The press reports' tables (created by migration ``0004_reports``), as SQLAlchemy Core tables."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
"""The reports' own tables (not the record's ``metadata``: exports do not walk them)."""

reports_table = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("file", sa.String(300), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("dateline", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.String(32), nullable=False),
)

votes_table = sa.Table(
    "report_votes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("date", sa.Date, index=True),
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
