"""Lists of sought persons and the decisions of their reconciliation (issue 14 §2), sealed.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sought_lists",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("meta", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sought_lists")),
    )
    op.create_table(
        "sought_entries",
        sa.Column("list_id", sa.String(16), nullable=False),
        sa.Column("entry_no", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("decisions", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["sought_lists.id"],
            name=op.f("fk_sought_entries_list_id_sought_lists"),
        ),
        sa.PrimaryKeyConstraint("list_id", "entry_no", name=op.f("pk_sought_entries")),
    )


def downgrade() -> None:
    op.drop_table("sought_entries")
    op.drop_table("sought_lists")
