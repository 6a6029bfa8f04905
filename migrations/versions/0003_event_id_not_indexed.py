"""The event log no longer keeps a unique index on `event_id`.

An event id is the SHA-256 of the event's canonical bytes, which include its device and sequence
number, and (device_id, seq) is the primary key: two rows can only share an id by a hash
collision. Nothing looks events up by id. Being random, the index cost one scattered page write
per event, which dominated what an import of many bundles wrote to disk.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint(op.f("uq_events_event_id"), type_="unique")


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.create_unique_constraint(op.f("uq_events_event_id"), ["event_id"])
