"""The hub's record of each device's contacts (fieldreg/store/hub_store.py): last contact, what it
sent, how far its log reaches. Counts and opaque device ids only.

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_contacts",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("last_contact_ms", sa.BigInteger(), nullable=False),
        sa.Column("requests", sa.BigInteger(), nullable=False),
        sa.Column("bundles_sent", sa.BigInteger(), nullable=False),
        sa.Column("bundles_applied", sa.BigInteger(), nullable=False),
        sa.Column("events_applied", sa.BigInteger(), nullable=False),
        sa.Column("last_sent_seq", sa.BigInteger(), nullable=False),
        sa.Column("rosters_fetched", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_hub_contacts")),
    )


def downgrade() -> None:
    op.drop_table("hub_contacts")
