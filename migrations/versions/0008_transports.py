"""Transports (buses, convoys, trains) with their passengers and boarding, folded from their
events like people: one sealed `state` column, only the opaque id and clocks in plain columns.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transports",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("created_hlc", sa.BigInteger(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transports")),
    )


def downgrade() -> None:
    op.drop_table("transports")
