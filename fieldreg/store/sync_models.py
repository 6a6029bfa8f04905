"""Tables of sync (DESIGN.md §5): the network's keys, certificates, revocations, bundles held for a
gap, receipts, export marks and the index of people with open conflicts.

Plain columns hold only opaque ids, sequence numbers, clocks (milliseconds) and hashes; keys,
certificates (which name the device) and held bundles are sealed by the session's FieldSealer.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldreg.store.base import HASH, ID, Base

NETWORK_ID = String(32)  # 16 random bytes, hex


class NetworkRow(Base):
    """The one network this store belongs to: made here (coordinator) or pinned at enrollment."""

    __tablename__ = "sync_network"
    network_id: Mapped[str] = mapped_column(NETWORK_ID, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # "coordinator" or "device"
    root_public: Mapped[str] = mapped_column(HASH)  # Ed25519, hex
    recipient_public: Mapped[str] = mapped_column(HASH)  # X25519 bundle recipient, hex
    escrow_public: Mapped[str] = mapped_column(HASH)  # X25519 escrow, hex
    secrets: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed; coordinator only


class DeviceKeyRow(Base):
    """This laptop's own signing and exchange keys and, once enrolled, its certificate."""

    __tablename__ = "sync_device_keys"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    ed25519_public: Mapped[str] = mapped_column(HASH)
    x25519_public: Mapped[str] = mapped_column(HASH)
    epoch: Mapped[int] = mapped_column(BigInteger, default=0)  # 0 until enrolled
    secrets: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed private keys
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed token


class CertificateRow(Base):
    """Coordinator: every certificate it issued; a bundle must carry one of these exactly."""

    __tablename__ = "sync_certificates"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    epoch: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    prefix: Mapped[str] = mapped_column(String(8))
    ed25519_public: Mapped[str] = mapped_column(HASH)
    issued_ms: Mapped[int] = mapped_column(BigInteger)
    token: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed: it names the device


class RevocationRow(Base):
    """Coordinator: a device whose bundles are accepted only up to `up_to_seq`."""

    __tablename__ = "sync_revocations"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    up_to_seq: Mapped[int] = mapped_column(BigInteger)
    revoked_ms: Mapped[int] = mapped_column(BigInteger)
    token: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed, signed by the root key


class HeldBundleRow(Base):
    """Coordinator: a verified bundle waiting for the bundle that fills the gap before it."""

    __tablename__ = "sync_held_bundles"
    __table_args__ = (Index("ix_sync_held_bundles_device_first", "device_id", "first_seq"),)
    bundle_hash: Mapped[str] = mapped_column(HASH, primary_key=True)
    device_id: Mapped[str] = mapped_column(HASH)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    received_ms: Mapped[int] = mapped_column(BigInteger)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed copy of the bundle file


class ReceiptRow(Base):
    """Coordinator: one row per applied bundle (written in the transaction that applied it)."""

    __tablename__ = "sync_receipts"
    bundle_hash: Mapped[str] = mapped_column(HASH, primary_key=True)
    device_id: Mapped[str] = mapped_column(HASH)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    applied: Mapped[int] = mapped_column(BigInteger)  # events that were new here
    imported_ms: Mapped[int] = mapped_column(BigInteger)


class ExportMarkRow(Base):
    """Laptop: a bundle written, read back and verified; the next export starts after it."""

    __tablename__ = "sync_export_marks"
    bundle_hash: Mapped[str] = mapped_column(HASH, primary_key=True)
    device_id: Mapped[str] = mapped_column(HASH)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    head: Mapped[str] = mapped_column(HASH)
    exported_ms: Mapped[int] = mapped_column(BigInteger)


class ConflictIndexRow(Base):
    """People who had an open conflict after an import; listing checks each one's state."""

    __tablename__ = "sync_conflicts"
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)


class DuplicateIndexRow(Base):
    """People who carried a duplicate mark after an import or a mark made here; listing checks
    each one's state (a mark can be undone)."""

    __tablename__ = "sync_duplicates"
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
