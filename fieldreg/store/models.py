"""SQLAlchemy 2 models. Plain columns hold only opaque ids, sequence numbers and clocks;
everything personal is in `LargeBinary` columns sealed by fieldreg.crypto.sealing, whose
associated data names the table, the row id and the column (the field group).

Portable to PostgreSQL: no SQLite-only types or SQL here.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldreg.store.base import HASH, ID, Base


class StoreSetting(Base):
    """Store-wide settings: `value` for opaque ids and numbers, `sealed` for anything else."""

    __tablename__ = "store_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(String(200))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class Device(Base):
    """One row per device whose events this store holds: its log's high-water mark and head."""

    __tablename__ = "devices"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(8))
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    head: Mapped[str] = mapped_column(HASH, default="")
    last_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    next_counter: Mapped[int] = mapped_column(BigInteger, default=1)


class EventRow(Base):
    """The append-only event log: contiguous per-device sequence numbers, hash-chained by `prev`."""

    __tablename__ = "events"
    # No index on event_id: it is a hash over (device, seq, ...), unique by construction, and
    # nothing looks events up by it (see migration 0003).
    __table_args__ = (Index("ix_events_subject_hlc", "subject_id", "hlc"),)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.device_id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(HASH)
    prev_id: Mapped[str] = mapped_column(HASH)
    hlc: Mapped[int] = mapped_column(BigInteger)
    subject_id: Mapped[str] = mapped_column(ID)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # NULL once erased
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonRow(Base):
    """Materialised state of one person: one sealed column per field group, plus `meta`, the
    fold state (see fieldreg.core.fold) from which the groups are derived."""

    __tablename__ = "people"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    created_hlc: Mapped[int] = mapped_column(BigInteger)
    updated_hlc: Mapped[int] = mapped_column(BigInteger)
    summary: Mapped[bytes | None] = mapped_column(LargeBinary)
    details: Mapped[bytes | None] = mapped_column(LargeBinary)
    meta: Mapped[bytes | None] = mapped_column(LargeBinary)


class HouseholdRow(Base):
    __tablename__ = "households"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    created_hlc: Mapped[int] = mapped_column(BigInteger)


class NoteRow(Base):
    """Notes are add-only; each is the NoteAdded (or StatusChanged) event that carried it."""

    __tablename__ = "notes"
    event_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)


class KeySlotCopy(Base):
    """The second copy of the key slots (the `keyslots.json` document, checksummed bytes as
    written to the file), like disk encryption's backup header: one row, `name` "keyslots"."""

    __tablename__ = "key_slot_copies"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger)
    document: Mapped[bytes] = mapped_column(LargeBinary)


class TombstoneRow(Base):
    """A person whose values this store dropped (`fieldreg.store.purge`): `kind` "erased" (an
    approved erasure) or "purged" (retention: the record moved to the coordinator), and the
    reason code. Only opaque codes and the id; the people row keeps the folded tombstone."""

    __tablename__ = "person_tombstones"
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40))
    purged_ms: Mapped[int] = mapped_column(BigInteger)


class ErasureRequestRow(Base):
    """Coordinator: an erasure one operator asked for and another must confirm. The reason and
    the note are sealed (`details`); plain columns hold ids, operator ids, states and times."""

    __tablename__ = "erasure_requests"
    __table_args__ = (Index("ix_erasure_requests_state", "state"),)
    request_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    person_id: Mapped[str] = mapped_column(ID)
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_ms: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))  # pending | confirmed | cancelled
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_ms: Mapped[int | None] = mapped_column(BigInteger)
    details: Mapped[bytes | None] = mapped_column(LargeBinary)
