"""The chamber's tables: user sessions, kept apart from the official record.

Created by the migration ``0003_chamber``; their own ``MetaData`` so that
nothing that walks the record's tables (``unsc export``) sees them. The order
in which questions were tabled is unique per meeting (``0006_chamber_order``).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

sessions = sa.Table(
    "chamber_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("president", sa.String(3), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)

questions = sa.Table(
    "chamber_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("chamber_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("motion", sa.String(30)),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("amends_id", sa.Integer, sa.ForeignKey("chamber_questions.id", ondelete="CASCADE")),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("tabled_at", sa.String(32), nullable=False),
    sa.Column("decided_at", sa.String(32)),
    sa.Column("announcement", sa.Text),
    sa.Column("decision", sa.Text),
    sa.Index("uq_chamber_questions_session_seq", "session_id", "seq", unique=True),
)

votes = sa.Table(
    "chamber_votes",
    metadata,
    sa.Column(
        "question_id",
        sa.Integer,
        sa.ForeignKey("chamber_questions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("member", sa.String(3), primary_key=True),
    sa.Column("position", sa.String(20), nullable=False),
)
