"""Reads and writes of the roster's tables (fieldreg.store.roster_models), inside the caller's
transaction. Nothing here is personal: ids, versions, clocks, hashes of sealed rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update

from fieldreg.core.hlc import Hlc
from fieldreg.store.repository import EVENTS, PEOPLE, Repository
from fieldreg.store.roster_models import (
    RosterAppliedRow,
    RosterChangeRow,
    RosterDeviceRow,
    RosterHouseholdRow,
    RosterPersonRow,
)
from fieldreg.store.sync_models import ExportMarkRow

CHANGES = cast(Table, RosterChangeRow.__table__)
DEVICES = cast(Table, RosterDeviceRow.__table__)
FOREIGN = cast(Table, RosterPersonRow.__table__)
APPLIED = cast(Table, RosterAppliedRow.__table__)
EXPORT_MARKS = cast(Table, ExportMarkRow.__table__)
HOUSEHOLDS = cast(Table, RosterHouseholdRow.__table__)
_VERSION_KEY = "roster.version"
# Set on the coordinator by its first roster batch: from then on the insert trigger on `people`
# (migration 0012) marks every new person too, so no batch needs to read everyone's state.
TRACKING_KEY = "roster.tracking"
_DEVICES_KEY = "roster.devices"
_CURRENT = "current"
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class AppliedRoster:
    version: int
    created_ms: int
    expires_ms: int
    applied_ms: int
    revoked: bool
    revoked_up_to: int | None
    applied_up_to: int
    held: tuple[tuple[int, int], ...]


def fingerprint(sealed: bytes) -> str:
    return hashlib.blake2b(sealed, digest_size=16).hexdigest()


class RosterStore:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.conn = repo.conn

    # --- coordinator --------------------------------------------------------------------------

    def last_version(self) -> int:
        value = self.repo.setting(_VERSION_KEY)
        return int(value) if value else 0

    def set_last_version(self, version: int) -> None:
        self.repo.put_setting(_VERSION_KEY, str(version))

    def tracking(self) -> bool:
        """Whether the triggers' marks are complete (see TRACKING_KEY)."""
        return self.repo.setting(TRACKING_KEY) is not None

    def start_tracking(self) -> None:
        self.repo.put_setting(TRACKING_KEY, "1")

    def mark_pending(self, version: int) -> None:
        """The people changed since the last batch (marked 0 by the triggers) changed in
        `version`: one indexed UPDATE, no state read."""
        self.conn.execute(update(CHANGES).where(CHANGES.c.version == 0).values(version=version))

    def people_fingerprints(self) -> Iterator[tuple[str, str]]:
        """(person id, hash of their sealed state) of everyone with a state."""
        rows = self.conn.execute(select(PEOPLE.c.id, PEOPLE.c.meta))
        for person_id, meta in rows:
            if meta is not None:
                yield str(person_id), fingerprint(meta)

    def change_marks(self) -> dict[str, tuple[int, str]]:
        """Person id -> (version they last changed in, fingerprint then; 0 and "": changed since
        the last batch, as marked by the triggers)."""
        rows = self.conn.execute(
            select(CHANGES.c.person_id, CHANGES.c.version, CHANGES.c.fingerprint)
        )
        return {str(p): (int(v), str(f)) for p, v, f in rows}

    def mark_changes(self, marks: dict[str, str], version: int, *, known: Iterable[str]) -> None:
        """People whose state now has fingerprint `marks[id]` changed in `version`."""
        known_ids = set(known)
        updates: list[dict[str, object]] = [
            {"b_id": p, "version": version, "fingerprint": f}
            for p, f in marks.items()
            if p in known_ids
        ]
        inserts: list[dict[str, object]] = [
            {"person_id": p, "version": version, "fingerprint": f}
            for p, f in marks.items()
            if p not in known_ids
        ]
        self.repo.execute_many(_UPDATE_CHANGE, updates)
        self.repo.execute_many(insert(CHANGES), inserts)

    def changed_since(self, version: int) -> list[str]:
        rows = self.conn.execute(select(CHANGES.c.person_id).where(CHANGES.c.version > version))
        return sorted(str(p) for p in rows.scalars())

    def device_marks(self) -> dict[str, tuple[int, int]]:
        """Device id -> (version last written for it, version it acknowledged)."""
        rows = self.conn.execute(
            select(DEVICES.c.device_id, DEVICES.c.written, DEVICES.c.acknowledged)
        )
        return {str(d): (int(w), int(a)) for d, w, a in rows}

    def _ensure_device(self, device_id: str) -> None:
        exists = self.conn.execute(
            select(DEVICES.c.device_id).where(DEVICES.c.device_id == device_id)
        ).first()
        if exists is None:
            self.conn.execute(
                insert(DEVICES).values(device_id=device_id, written=0, acknowledged=0)
            )

    def set_written(self, device_id: str, version: int) -> None:
        self._ensure_device(device_id)
        self.conn.execute(
            update(DEVICES).where(DEVICES.c.device_id == device_id).values(written=version)
        )

    def acknowledge(self, device_id: str, version: int) -> None:
        """The device said (in a bundle's header) it applied roster `version`; never backwards."""
        self._ensure_device(device_id)
        self.conn.execute(
            update(DEVICES)
            .where(DEVICES.c.device_id == device_id, DEVICES.c.acknowledged < version)
            .values(acknowledged=version)
        )

    # --- laptop -------------------------------------------------------------------------------

    def applied(self) -> AppliedRoster | None:
        row = self.conn.execute(select(APPLIED).where(APPLIED.c.name == _CURRENT)).first()
        if row is None:
            return None
        held = tuple((int(a), int(b)) for a, b in json.loads(row.held))
        return AppliedRoster(
            version=int(row.version),
            created_ms=int(row.created_ms),
            expires_ms=int(row.expires_ms),
            applied_ms=int(row.applied_ms),
            revoked=bool(row.revoked),
            revoked_up_to=None if row.revoked_up_to is None else int(row.revoked_up_to),
            applied_up_to=int(row.applied_up_to),
            held=held,
        )

    def put_applied(self, applied: AppliedRoster) -> None:
        values = {
            "version": applied.version,
            "created_ms": applied.created_ms,
            "expires_ms": applied.expires_ms,
            "applied_ms": applied.applied_ms,
            "revoked": applied.revoked,
            "revoked_up_to": applied.revoked_up_to,
            "applied_up_to": applied.applied_up_to,
            "held": json.dumps([list(h) for h in applied.held]),
        }
        self.conn.execute(delete(APPLIED).where(APPLIED.c.name == _CURRENT))
        self.conn.execute(insert(APPLIED).values(name=_CURRENT, **values))

    def recorded_ms(self, device_id: str, seq: int) -> int | None:
        """When this device recorded its change `seq` (its clock's wall time, ms); None if there
        is no such change."""
        row = self.conn.execute(
            select(EVENTS.c.hlc).where(EVENTS.c.device_id == device_id, EVENTS.c.seq == seq)
        ).first()
        return None if row is None else Hlc.unpack(int(row[0])).wall_ms

    def bundles_after(self, device_id: str, seq: int) -> int:
        """How many bundles this device exported that carry changes after `seq`."""
        value = self.conn.execute(
            select(func.count())
            .select_from(EXPORT_MARKS)
            .where(EXPORT_MARKS.c.device_id == device_id, EXPORT_MARKS.c.last_seq > seq)
        ).scalar()
        return int(value or 0)

    def devices(self) -> dict[str, str]:
        """Prefix -> point name, as the last roster listed them."""
        found = self.repo.sealed_setting(_DEVICES_KEY)
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def put_devices(self, devices: dict[str, str]) -> None:
        self.repo.put_setting(_DEVICES_KEY, sealed=devices)

    def carried(self) -> list[str]:
        """Everyone a roster carried here (registered here or elsewhere): their state is the
        coordinator's merge, not only a fold of this store's log."""
        return [str(p) for p in self.conn.execute(select(FOREIGN.c.person_id)).scalars()]

    def homes(self) -> dict[str, str]:
        """Person id -> home prefix of everyone a roster brought from another point."""
        rows = self.conn.execute(
            select(FOREIGN.c.person_id, FOREIGN.c.home).where(FOREIGN.c.home != "")
        )
        return {str(p): str(h) for p, h in rows}

    def home(self, person_id: str) -> str | None:
        """The home prefix of a person a roster brought from elsewhere; None if registered
        here (or never in a roster)."""
        row = self.conn.execute(
            select(FOREIGN.c.home).where(FOREIGN.c.person_id == person_id)
        ).first()
        return None if row is None or not row[0] else str(row[0])

    def put_homes(self, homes: dict[str, str], version: int) -> None:
        """`homes`: person id -> home prefix, "" for people registered here."""
        self.forget(homes)
        rows: list[dict[str, object]] = [
            {"person_id": p, "home": h, "version": version} for p, h in sorted(homes.items())
        ]
        self.repo.execute_many(insert(FOREIGN), rows)

    def households(self) -> set[str]:
        """Households a roster brought (created at another point)."""
        return {str(h) for h in self.conn.execute(select(HOUSEHOLDS.c.household_id)).scalars()}

    def add_households(self, household_ids: Iterable[str]) -> None:
        new = set(household_ids) - self.households()
        rows: list[dict[str, object]] = [{"household_id": h} for h in sorted(new)]
        self.repo.execute_many(insert(HOUSEHOLDS), rows)

    def forget(self, person_ids: Iterable[str]) -> None:
        ordered = sorted(person_ids)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            self.conn.execute(delete(FOREIGN).where(FOREIGN.c.person_id.in_(chunk)))


_UPDATE_CHANGE = (
    update(CHANGES)
    .where(CHANGES.c.person_id == bindparam("b_id"))
    .values(version=bindparam("version"), fingerprint=bindparam("fingerprint"))
)
