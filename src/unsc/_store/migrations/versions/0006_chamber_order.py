"""The chamber: the order a question was tabled is unique in its meeting.

Before this, two questions tabled at the same moment could take the same
``seq`` (read ``max(seq) + 1``, then insert). Existing meetings are renumbered
in the order tabled (``seq``, then ``id``), which keeps every distinct order and
breaks ties by arrival, before the unique index is created.

Revision ID: 0006_chamber_order
Revises: 0005_record_search
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_chamber_order"
down_revision = "0005_record_search"
branch_labels = None
depends_on = None

INDEX = "uq_chamber_questions_session_seq"


def upgrade() -> None:
    conn = op.get_bind()
    questions = sa.table(
        "chamber_questions",
        sa.column("id", sa.Integer),
        sa.column("session_id", sa.Integer),
        sa.column("seq", sa.Integer),
    )
    rows = conn.execute(
        sa.select(questions.c.id, questions.c.session_id, questions.c.seq).order_by(
            questions.c.session_id, questions.c.seq, questions.c.id
        )
    ).all()
    current, n = None, 0
    for row in rows:
        n = n + 1 if row.session_id == current else 1
        current = row.session_id
        if row.seq != n:
            conn.execute(sa.update(questions).where(questions.c.id == row.id).values(seq=n))
    op.create_index(INDEX, "chamber_questions", ["session_id", "seq"], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="chamber_questions")
