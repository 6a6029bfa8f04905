"""An index of people who carry a duplicate mark, so the coordinator can list the marks without
opening every person's sealed state (listing still checks each one).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_duplicates",
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_sync_duplicates")),
    )


def downgrade() -> None:
    op.drop_table("sync_duplicates")
