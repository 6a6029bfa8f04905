"""The coordinator's view of its devices (the coordinator page's data and `fieldreg hub
devices`): each device's last contact by any route, what it sent, what is still missing.

The hub counts what reached it (`hub_contacts`); the store's receipts say when each applied
bundle was applied, whichever way it came. A bundle the hub applied is noted at the hub after its
receipt is written, so an applied bundle newer than the hub's last contact came by file (a stick
or a watched folder), and the applied bundles beyond the hub's count are the ones by file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fieldreg.services import enrollment_service
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import hub_store
from fieldreg.store.sync_store import SyncStore


@dataclass(frozen=True, slots=True)
class DeviceContact:
    device_id: str
    prefix: str
    name: str  # shown to the coordinator's operators only; never in the hub's log or metrics
    last_contact_ms: int | None  # the hub's last contact; None: it never reached the hub
    bundles_sent: int  # uploads to the hub
    bundles_applied: int  # of which applied
    applied_up_to: int  # the coordinator has this device's events 1..applied_up_to
    sent_up_to: int  # the highest event the device sent, by any route
    held: int  # bundles waiting for a missing one
    rosters_fetched: int
    revoked: bool
    bundles_by_file: int = 0  # bundles applied from files (a stick, a watched folder)
    held_by_file: int = 0  # held bundles that came from files, not over the hub
    last_applied_ms: int | None = None  # when its newest bundle was applied, by any route

    @property
    def sent_by_file(self) -> int:
        """Bundles that came from files: applied, or held for a missing one."""
        return self.bundles_by_file + self.held_by_file

    @property
    def contact_ms(self) -> int | None:
        """The last contact by any route; None: nothing of it ever arrived."""
        known = [t for t in (self.last_contact_ms, self.last_applied_ms) if t is not None]
        return max(known) if known else None

    @property
    def route(self) -> Literal["hub", "file"] | None:
        """How the last contact came: the hub unless a bundle was applied after it."""
        if self.last_contact_ms is None:
            return None if self.last_applied_ms is None else "file"
        if self.last_applied_ms is not None and self.last_applied_ms > self.last_contact_ms:
            return "file"
        return "hub"

    @property
    def missing(self) -> int:
        """Events the device sent whose predecessors never arrived: still lacking here."""
        return max(0, self.sent_up_to - self.applied_up_to)


def device_contacts(session: Session) -> list[DeviceContact]:
    enrolled = enrollment_service.devices(session)
    with sync_repository(session) as repo, repo.reading():
        contacts = hub_store.contacts(repo)
        store = SyncStore(repo)
        held = store.held()
        receipts = store.receipts()
    held_by: dict[str, int] = {}
    sent_by: dict[str, int] = {}
    for bundle in held:
        held_by[bundle.device_id] = held_by.get(bundle.device_id, 0) + 1
        sent_by[bundle.device_id] = max(sent_by.get(bundle.device_id, 0), bundle.last_seq)
    applied_by: dict[str, int] = {}
    applied_ms: dict[str, int] = {}
    for receipt in receipts:
        device_id = str(receipt.device_id)
        applied_by[device_id] = applied_by.get(device_id, 0) + 1
        applied_ms[device_id] = max(applied_ms.get(device_id, 0), int(receipt.imported_ms))
        sent_by[device_id] = max(sent_by.get(device_id, 0), int(receipt.last_seq))
    found = []
    for device in enrolled:
        contact = contacts.get(device.device_id)
        by_hub = contact.bundles_applied if contact else 0
        unapplied_by_hub = contact.bundles_sent - by_hub if contact else 0
        held_here = held_by.get(device.device_id, 0)
        found.append(
            DeviceContact(
                device_id=device.device_id,
                prefix=device.prefix,
                name=device.name,
                last_contact_ms=contact.last_contact_ms if contact else None,
                bundles_sent=contact.bundles_sent if contact else 0,
                bundles_applied=contact.bundles_applied if contact else 0,
                applied_up_to=device.last_seq,
                sent_up_to=max(
                    contact.last_sent_seq if contact else 0, sent_by.get(device.device_id, 0)
                ),
                held=held_here,
                rosters_fetched=contact.rosters_fetched if contact else 0,
                revoked=device.revoked_up_to is not None,
                bundles_by_file=max(0, applied_by.get(device.device_id, 0) - by_hub),
                held_by_file=max(0, held_here - unapplied_by_hub),
                last_applied_ms=applied_ms.get(device.device_id),
            )
        )
    return found
