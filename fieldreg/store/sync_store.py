"""Reads and writes of sync's tables (fieldreg.store.sync_models), sealing what is not opaque: the
gateway sync and the sync use cases go through, so no statement is written outside store/.

Callers hold the transaction (Repository.transaction / reading); nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, cast

from sqlalchemy import Table, bindparam, delete, distinct, func, insert, select, update
from sqlalchemy.exc import IntegrityError as UniqueViolation

from fieldreg.core.errors import StoreError, TamperError
from fieldreg.crypto.encoding import b64encode, strict_b64decode
from fieldreg.crypto.network_keys import DeviceKeys, NetworkInfo
from fieldreg.store.repository import DEVICES, EVENTS, PEOPLE, DeviceState, Repository
from fieldreg.store.sync_models import (
    CertificateRow,
    ConflictIndexRow,
    DeviceKeyRow,
    DuplicateIndexRow,
    ExportMarkRow,
    HeldBundleRow,
    NetworkRow,
    ReceiptRow,
    RevocationRow,
)

NETWORK = cast(Table, NetworkRow.__table__)
DEVICE_KEYS = cast(Table, DeviceKeyRow.__table__)
CERTIFICATES = cast(Table, CertificateRow.__table__)
REVOCATIONS = cast(Table, RevocationRow.__table__)
HELD = cast(Table, HeldBundleRow.__table__)
RECEIPTS = cast(Table, ReceiptRow.__table__)
MARKS = cast(Table, ExportMarkRow.__table__)
CONFLICTS = cast(Table, ConflictIndexRow.__table__)
DUPLICATES = cast(Table, DuplicateIndexRow.__table__)

# The statements an import runs for every bundle, built once with bind parameters: building one
# per call (`select(...).where(... == value)`) costs more in SQLAlchemy's coercions and cache
# keys than the database's work on a 100-event bundle.
_CERTIFICATE = select(CERTIFICATES.c.token).where(
    CERTIFICATES.c.device_id == bindparam("b_device"), CERTIFICATES.c.epoch == bindparam("b_epoch")
)
_REVOKED = select(REVOCATIONS.c.up_to_seq).where(REVOCATIONS.c.device_id == bindparam("b_device"))
_LOCKED_DEVICE = (
    select(DEVICES).where(DEVICES.c.device_id == bindparam("b_device")).with_for_update()
)
_EVENT_IDS = select(EVENTS.c.seq, EVENTS.c.event_id).where(
    EVENTS.c.device_id == bindparam("b_device"),
    EVENTS.c.seq >= bindparam("b_first"),
    EVENTS.c.seq <= bindparam("b_last"),
)
_IS_HELD = select(HELD.c.bundle_hash).where(HELD.c.bundle_hash == bindparam("b_hash"))
_HELD_COLUMNS = select(HELD.c.bundle_hash, HELD.c.device_id, HELD.c.first_seq, HELD.c.last_seq)
_HELD_OF_DEVICE = _HELD_COLUMNS.where(HELD.c.device_id == bindparam("b_device")).order_by(
    HELD.c.device_id, HELD.c.first_seq
)
_HAS_RECEIPT = select(RECEIPTS.c.bundle_hash).where(RECEIPTS.c.bundle_hash == bindparam("b_hash"))
_INSERT_RECEIPT = insert(RECEIPTS)
_LISTED_AMONG = {
    table: select(table.c.person_id).where(
        table.c.person_id.in_(bindparam("b_ids", expanding=True))
    )
    for table in (CONFLICTS, DUPLICATES)
}
_INSERT_LISTED = {table: insert(table) for table in (CONFLICTS, DUPLICATES)}


class BundleSpan(Protocol):
    """What the tables keep of a bundle's header (sync.bundle_format.Header)."""

    @property
    def device(self) -> str: ...
    @property
    def first(self) -> int: ...
    @property
    def last(self) -> int: ...
    @property
    def head(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NetworkRecord:
    info: NetworkInfo
    role: str  # "coordinator" or "device"
    secrets: dict[str, Any]  # opened; {} on a laptop


@dataclass(frozen=True, slots=True)
class OwnKeys:
    keys: DeviceKeys
    epoch: int
    certificate: str | None


@dataclass(frozen=True, slots=True)
class HeldBundle:
    bundle_hash: str
    device_id: str
    first_seq: int
    last_seq: int


class WrittenMeanwhile(StoreError):
    """Another importer committed this device's events (or this bundle's receipt or hold)
    first: the database refused the second copy, and nothing of this transaction is kept. The
    importer looks again and finds the bundle already applied. Never shown to a user."""

    def __init__(self) -> None:
        super().__init__("store.database_locked")


@contextmanager
def refusing_second_copies() -> Iterator[None]:
    """The database's unique keys are what make a bundle apply once ((device, seq) of every
    event, the receipt's bundle hash, the held bundle's hash): a violation is a lost race."""
    try:
        yield
    except UniqueViolation as exc:
        raise WrittenMeanwhile from exc


def _dumps(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode("utf-8")


class SyncStore:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.conn = repo.conn  # the repository's connection: one transaction for both
        self.sealer = repo.sealer

    # --- network ------------------------------------------------------------------------------

    def network(self) -> NetworkRecord | None:
        row = self.conn.execute(select(NETWORK)).first()
        if row is None:
            return None
        info = NetworkInfo(
            network_id=row.network_id,
            root_public=bytes.fromhex(row.root_public),
            recipient_public=bytes.fromhex(row.recipient_public),
            escrow_public=bytes.fromhex(row.escrow_public),
        )
        secrets: dict[str, Any] = {}
        if row.secrets is not None:
            secrets = json.loads(
                self.sealer.open("sync_network", row.network_id, "secrets", row.secrets)
            )
        return NetworkRecord(info, row.role, secrets)

    def put_network(self, info: NetworkInfo, role: str, secrets: dict[str, Any] | None) -> None:
        sealed = (
            None
            if secrets is None
            else self.sealer.seal("sync_network", info.network_id, "secrets", _dumps(secrets))
        )
        self.conn.execute(
            insert(NETWORK).values(
                network_id=info.network_id,
                role=role,
                root_public=info.root_public.hex(),
                recipient_public=info.recipient_public.hex(),
                escrow_public=info.escrow_public.hex(),
                secrets=sealed,
            )
        )

    # --- this laptop's keys -------------------------------------------------------------------

    def own_keys(self, device_id: str) -> OwnKeys | None:
        row = self.conn.execute(
            select(DEVICE_KEYS).where(DEVICE_KEYS.c.device_id == device_id)
        ).first()
        if row is None or row.secrets is None:
            return None
        raw = json.loads(self.sealer.open("sync_device_keys", device_id, "secrets", row.secrets))
        signing = strict_b64decode(raw["signing"], 32)
        exchange = strict_b64decode(raw["exchange"], 32)
        if signing is None or exchange is None:
            raise TamperError("crypto.tamper", table="sync_device_keys", group="secrets")
        certificate = None
        if row.certificate is not None:
            certificate = self.sealer.open(
                "sync_device_keys", device_id, "certificate", row.certificate
            ).decode("ascii")
        return OwnKeys(DeviceKeys(signing, exchange), row.epoch, certificate)

    def put_own_keys(self, device_id: str, keys: DeviceKeys) -> None:
        secrets = {"signing": b64encode(keys.signing), "exchange": b64encode(keys.exchange)}
        self.conn.execute(
            insert(DEVICE_KEYS).values(
                device_id=device_id,
                ed25519_public=keys.signing_public.hex(),
                x25519_public=keys.exchange_public.hex(),
                epoch=0,
                secrets=self.sealer.seal("sync_device_keys", device_id, "secrets", _dumps(secrets)),
                certificate=None,
            )
        )

    def set_own_certificate(self, device_id: str, certificate: str, epoch: int) -> None:
        sealed = self.sealer.seal(
            "sync_device_keys", device_id, "certificate", certificate.encode("ascii")
        )
        self.conn.execute(
            update(DEVICE_KEYS)
            .where(DEVICE_KEYS.c.device_id == device_id)
            .values(certificate=sealed, epoch=epoch)
        )

    # --- certificates the coordinator issued --------------------------------------------------

    def add_certificate(
        self, device_id: str, epoch: int, *, prefix: str, ed25519: bytes, issued: int, token: str
    ) -> None:
        record = f"{device_id}:{epoch}"
        self.conn.execute(
            insert(CERTIFICATES).values(
                device_id=device_id,
                epoch=epoch,
                prefix=prefix,
                ed25519_public=ed25519.hex(),
                issued_ms=issued,
                token=self.sealer.seal("sync_certificates", record, "token", token.encode("ascii")),
            )
        )

    def certificate(self, device_id: str, epoch: int) -> str | None:
        row = self.conn.execute(_CERTIFICATE, {"b_device": device_id, "b_epoch": epoch}).first()
        if row is None or row[0] is None:
            return None
        record = f"{device_id}:{epoch}"
        return self.sealer.open("sync_certificates", record, "token", row[0]).decode("ascii")

    def latest_epoch(self, device_id: str) -> int:
        value = self.conn.execute(
            select(func.max(CERTIFICATES.c.epoch)).where(CERTIFICATES.c.device_id == device_id)
        ).scalar()
        return int(value or 0)

    def certificates(self) -> Iterator[tuple[str, int, str]]:
        """(device id, epoch, token) of every certificate issued, oldest first."""
        rows = self.conn.execute(
            select(CERTIFICATES).order_by(CERTIFICATES.c.issued_ms, CERTIFICATES.c.device_id)
        ).all()
        for row in rows:
            yield row.device_id, row.epoch, self.certificate(row.device_id, row.epoch) or ""

    # --- revocations --------------------------------------------------------------------------

    def revoked_up_to(self, device_id: str) -> int | None:
        row = self.conn.execute(_REVOKED, {"b_device": device_id}).first()
        return None if row is None else int(row[0])

    def put_revocation(self, device_id: str, up_to: int, revoked: int, token: str) -> None:
        sealed = self.sealer.seal("sync_revocations", device_id, "token", token.encode("ascii"))
        values = {"up_to_seq": up_to, "revoked_ms": revoked, "token": sealed}
        if self.revoked_up_to(device_id) is None:
            self.conn.execute(insert(REVOCATIONS).values(device_id=device_id, **values))
        else:
            self.conn.execute(
                update(REVOCATIONS).where(REVOCATIONS.c.device_id == device_id).values(**values)
            )

    # --- the coordinator's view of device logs ------------------------------------------------

    def locked_position(self, device_id: str) -> DeviceState | None:
        """The device's row, locked until the transaction ends (`SELECT ... FOR UPDATE` on
        PostgreSQL; SQLite's writer already holds the whole database): read it inside the
        transaction that advances it, so two importers cannot both start from the same mark."""
        row = self.conn.execute(_LOCKED_DEVICE, {"b_device": device_id}).first()
        if row is None:
            return None
        return DeviceState(
            row.device_id, row.prefix, row.last_seq, row.head, row.last_hlc, row.next_counter
        )

    def event_ids(self, device_id: str, first: int, last: int) -> dict[int, str]:
        if first > last:
            return {}  # nothing of the range is stored (a device's next bundle): no query
        rows = self.conn.execute(
            _EVENT_IDS, {"b_device": device_id, "b_first": first, "b_last": last}
        )
        return {int(seq): str(event_id) for seq, event_id in rows}

    # --- held bundles -------------------------------------------------------------------------

    def hold(self, bundle_hash: str, header: BundleSpan, raw: bytes, received: int) -> None:
        if self.is_held(bundle_hash):
            return
        self.conn.execute(
            insert(HELD).values(
                bundle_hash=bundle_hash,
                device_id=header.device,
                first_seq=header.first,
                last_seq=header.last,
                received_ms=received,
                body=self.sealer.seal("sync_held_bundles", bundle_hash, "body", raw),
            )
        )

    def is_held(self, bundle_hash: str) -> bool:
        return self.conn.execute(_IS_HELD, {"b_hash": bundle_hash}).first() is not None

    def held(self, device_id: str | None = None) -> list[HeldBundle]:
        if device_id is not None:
            rows = self.conn.execute(_HELD_OF_DEVICE, {"b_device": device_id})
        else:
            rows = self.conn.execute(_HELD_COLUMNS.order_by(HELD.c.device_id, HELD.c.first_seq))
        return [HeldBundle(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def held_body(self, bundle_hash: str) -> bytes:
        row = self.conn.execute(select(HELD.c.body).where(HELD.c.bundle_hash == bundle_hash)).one()
        return self.sealer.open("sync_held_bundles", bundle_hash, "body", row[0])

    def release(self, bundle_hash: str) -> None:
        self.conn.execute(delete(HELD).where(HELD.c.bundle_hash == bundle_hash))

    # --- receipts and export marks ------------------------------------------------------------

    def add_receipt(
        self, bundle_hash: str, header: BundleSpan, applied: int, imported: int
    ) -> None:
        if self.conn.execute(_HAS_RECEIPT, {"b_hash": bundle_hash}).first() is not None:
            return
        self.repo.execute_many(
            _INSERT_RECEIPT,
            [
                {
                    "bundle_hash": bundle_hash,
                    "device_id": header.device,
                    "first_seq": header.first,
                    "last_seq": header.last,
                    "applied": applied,
                    "imported_ms": imported,
                }
            ],
        )

    def receipts(self) -> list[Any]:
        return list(self.conn.execute(select(RECEIPTS).order_by(RECEIPTS.c.imported_ms)))

    def last_exported(self, device_id: str) -> int:
        value = self.conn.execute(
            select(func.max(MARKS.c.last_seq)).where(MARKS.c.device_id == device_id)
        ).scalar()
        return int(value or 0)

    def people_written_after(self, device_id: str, seq: int) -> int:
        """How many people the device's events after `seq` concern (not the households and
        transports some of them are about)."""
        people = select(PEOPLE.c.id).scalar_subquery()
        value = self.conn.execute(
            select(func.count(distinct(EVENTS.c.subject_id))).where(
                EVENTS.c.device_id == device_id,
                EVENTS.c.seq > seq,
                EVENTS.c.subject_id.in_(people),
            )
        ).scalar()
        return int(value or 0)

    def mark_exported(self, bundle_hash: str, header: BundleSpan, exported: int) -> None:
        self.conn.execute(
            insert(MARKS).values(
                bundle_hash=bundle_hash,
                device_id=header.device,
                first_seq=header.first,
                last_seq=header.last,
                head=header.head,
                exported_ms=exported,
            )
        )

    # --- review indexes: people with an open conflict, people with a duplicate mark ----------
    # Hints only: whoever lists them checks each person's state (a conflict is settled, a mark
    # undone), so an entry left behind is harmless and a missing one is not possible.

    def note_conflicts(self, person_ids: list[str]) -> None:
        self._note(CONFLICTS, person_ids)

    def conflict_ids(self) -> list[str]:
        return self._listed(CONFLICTS)

    def forget_conflict(self, person_id: str) -> None:
        self.conn.execute(delete(CONFLICTS).where(CONFLICTS.c.person_id == person_id))

    def note_duplicates(self, person_ids: list[str]) -> None:
        self._note(DUPLICATES, person_ids)

    def duplicate_ids(self) -> list[str]:
        return self._listed(DUPLICATES)

    def _note(self, table: Table, person_ids: list[str]) -> None:
        """Add the ids not listed yet: only they are looked up (500 per query), never the whole
        table, which grows with the store (every bundle with a conflict would read it all)."""
        wanted = sorted(set(person_ids))
        known: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            known.update(self.conn.execute(_LISTED_AMONG[table], {"b_ids": chunk}).scalars())
        new: list[dict[str, object]] = [{"person_id": p} for p in wanted if p not in known]
        self.repo.execute_many(_INSERT_LISTED[table], new)

    def _listed(self, table: Table) -> list[str]:
        return list(self.conn.execute(select(table.c.person_id)).scalars())
