"""The roster's tables: per-person change versions and per-device roster positions at the
coordinator; people from elsewhere and the applied roster on a laptop.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_changes",
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_roster_changes")),
    )
    op.create_table(
        "roster_devices",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("written", sa.BigInteger(), nullable=False),
        sa.Column("acknowledged", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_roster_devices")),
    )
    op.create_table(
        "roster_people",
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.Column("home", sa.String(8), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_roster_people")),
    )
    op.create_table(
        "roster_households",
        sa.Column("household_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_roster_households")),
    )
    op.create_table(
        "roster_applied",
        sa.Column("name", sa.String(16), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_ms", sa.BigInteger(), nullable=False),
        sa.Column("applied_ms", sa.BigInteger(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("revoked_up_to", sa.BigInteger(), nullable=True),
        sa.Column("applied_up_to", sa.BigInteger(), nullable=False),
        sa.Column("held", sa.String(2000), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_roster_applied")),
    )


def downgrade() -> None:
    op.drop_table("roster_applied")
    op.drop_table("roster_households")
    op.drop_table("roster_people")
    op.drop_table("roster_devices")
    op.drop_table("roster_changes")
