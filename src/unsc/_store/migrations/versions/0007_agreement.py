"""Precomputed rows: members' agreement, and each decision's and member's JSON document.

``agreement``: how often each pair of members voted the same way; a member's
record reads its agreement with every other member from here (one indexed
range) instead of joining the votes table with itself on every request.
``documents``: ``/api/decisions/KEY`` and ``/api/members/CODE`` as JSON, one
row each, read by primary key. Both are derived: every load rebuilds them
(``unsc._record.load.rebuild``); this migration fills them from the record
already stored.

Revision ID: 0007_agreement
Revises: 0006_chamber_order
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_agreement"
down_revision = "0006_chamber_order"
branch_labels = None
depends_on = None

FILL = """
INSERT INTO agreement (member, other, votes_together, same_position)
SELECT mine.member, other.member, COUNT(*),
       SUM(CASE WHEN other.position = mine.position THEN 1 ELSE 0 END)
FROM votes mine JOIN votes other ON other.decision_id = mine.decision_id
WHERE other.member != mine.member AND mine.position != 'X' AND other.position != 'X'
GROUP BY mine.member, other.member
"""


def upgrade() -> None:
    op.create_table(
        "agreement",
        sa.Column("member", sa.String(3), primary_key=True),
        sa.Column("other", sa.String(3), primary_key=True),
        sa.Column("votes_together", sa.Integer, nullable=False),
        sa.Column("same_position", sa.Integer, nullable=False),
    )
    op.execute(FILL)
    op.create_table(
        "documents",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
    )
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT COUNT(*) FROM decisions")).scalar():
        from unsc._store import documents

        documents.rebuild(bind)


def downgrade() -> None:
    op.drop_table("documents")
    op.drop_table("agreement")
