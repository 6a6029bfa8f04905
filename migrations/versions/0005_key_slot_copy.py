"""A second copy of the key slots inside the database, so one damaged key file no longer makes
the store unrecoverable (the loader takes the intact copy with the highest generation).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_slot_copies",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_key_slot_copies")),
    )


def downgrade() -> None:
    op.drop_table("key_slot_copies")
