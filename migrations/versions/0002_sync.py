"""Sync: network keys, device keys, certificates, revocations, held bundles, receipts, export
marks and the conflict index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_network",
        sa.Column("network_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("root_public", sa.String(64), nullable=False),
        sa.Column("recipient_public", sa.String(64), nullable=False),
        sa.Column("escrow_public", sa.String(64), nullable=False),
        sa.Column("secrets", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("network_id", name=op.f("pk_sync_network")),
    )
    op.create_table(
        "sync_device_keys",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("ed25519_public", sa.String(64), nullable=False),
        sa.Column("x25519_public", sa.String(64), nullable=False),
        sa.Column("epoch", sa.BigInteger(), nullable=False),
        sa.Column("secrets", sa.LargeBinary(), nullable=True),
        sa.Column("certificate", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_device_keys")),
    )
    op.create_table(
        "sync_certificates",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("epoch", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("prefix", sa.String(8), nullable=False),
        sa.Column("ed25519_public", sa.String(64), nullable=False),
        sa.Column("issued_ms", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", "epoch", name=op.f("pk_sync_certificates")),
    )
    op.create_table(
        "sync_revocations",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("up_to_seq", sa.BigInteger(), nullable=False),
        sa.Column("revoked_ms", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_revocations")),
    )
    op.create_table(
        "sync_held_bundles",
        sa.Column("bundle_hash", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("received_ms", sa.BigInteger(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("bundle_hash", name=op.f("pk_sync_held_bundles")),
    )
    op.create_index(
        "ix_sync_held_bundles_device_first",
        "sync_held_bundles",
        ["device_id", "first_seq"],
        unique=False,
    )
    op.create_table(
        "sync_receipts",
        sa.Column("bundle_hash", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("applied", sa.BigInteger(), nullable=False),
        sa.Column("imported_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_hash", name=op.f("pk_sync_receipts")),
    )
    op.create_table(
        "sync_export_marks",
        sa.Column("bundle_hash", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("exported_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_hash", name=op.f("pk_sync_export_marks")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("person_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_sync_conflicts")),
    )


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_export_marks")
    op.drop_table("sync_receipts")
    op.drop_index("ix_sync_held_bundles_device_first", table_name="sync_held_bundles")
    op.drop_table("sync_held_bundles")
    op.drop_table("sync_revocations")
    op.drop_table("sync_certificates")
    op.drop_table("sync_device_keys")
    op.drop_table("sync_network")
