"""The mandate tables (created by migration ``0002_mandates``), as SQLAlchemy Core tables."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

bodies = sa.Table(
    "bodies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(40), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("acronym", sa.String(40)),
    sa.Column("kind", sa.String(30), nullable=False, index=True),
    sa.Column("established", sa.Date),
    sa.Column("established_by", sa.Integer),
    sa.Column("ended", sa.Date),
    sa.Column("end_kind", sa.String(20)),
    sa.Column("sources", sa.Text, nullable=False),
    sa.Column("notes", sa.Text),
)

mandate_periods = sa.Table(
    "mandate_periods",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "body_id",
        sa.Integer,
        sa.ForeignKey("bodies.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date),
    sa.Column("granted", sa.Date, nullable=False),
    sa.Column("end_basis", sa.String(20), nullable=False),
    sa.Column("resolution", sa.Integer),
    sa.Column("document", sa.String(80)),
    sa.Column("decision_key", sa.String(120), index=True),
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("file", sa.String(200)),
    sa.Column("line", sa.Integer),
    sa.Column("text", sa.Text),
)

mandate_events = sa.Table(
    "mandate_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "body_id",
        sa.Integer,
        sa.ForeignKey("bodies.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("precision", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("resolution", sa.Integer),
    sa.Column("draft", sa.String(80)),
    sa.Column("document", sa.String(80)),
    sa.Column("decision_key", sa.String(120), index=True),
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

TABLES = (bodies, mandate_periods, mandate_events)
"""The mandate tables, parents first."""
