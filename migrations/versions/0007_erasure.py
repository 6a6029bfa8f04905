"""Erasure and retention: tombstones of people whose values a store dropped, and the
coordinator's pending erasure requests (requested by one operator, confirmed by another).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"  # re-chained after merging rflow (0006 also followed 0005)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_tombstones",
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("purged_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_tombstones")),
    )
    op.create_table(
        "erasure_requests",
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.Column("requested_by", sa.String(64), nullable=False),
        sa.Column("requested_ms", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("closed_by", sa.String(64), nullable=True),
        sa.Column("closed_ms", sa.BigInteger(), nullable=True),
        sa.Column("details", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_erasure_requests")),
    )
    op.create_index("ix_erasure_requests_state", "erasure_requests", ["state"])


def downgrade() -> None:
    op.drop_index("ix_erasure_requests_state", table_name="erasure_requests")
    op.drop_table("erasure_requests")
    op.drop_table("person_tombstones")
