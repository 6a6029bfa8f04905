"""The coordinator's view of its devices through the hub (the coordinator page's data and
`fieldreg hub devices`): each device's last contact, what it sent, what is still missing."""

from __future__ import annotations

from dataclasses import dataclass

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
    last_contact_ms: int | None  # None: it never reached the hub
    bundles_sent: int
    bundles_applied: int
    applied_up_to: int  # the coordinator has this device's events 1..applied_up_to
    sent_up_to: int  # the highest event the device sent (over the hub)
    held: int  # bundles waiting for a missing one
    rosters_fetched: int
    revoked: bool

    @property
    def missing(self) -> int:
        """Events the device sent whose predecessors never arrived: still lacking here."""
        return max(0, self.sent_up_to - self.applied_up_to)


def device_contacts(session: Session) -> list[DeviceContact]:
    enrolled = enrollment_service.devices(session)
    with sync_repository(session) as repo, repo.reading():
        contacts = hub_store.contacts(repo)
        held = SyncStore(repo).held()
    held_by: dict[str, int] = {}
    for bundle in held:
        held_by[bundle.device_id] = held_by.get(bundle.device_id, 0) + 1
    found = []
    for device in enrolled:
        contact = contacts.get(device.device_id)
        found.append(
            DeviceContact(
                device_id=device.device_id,
                prefix=device.prefix,
                name=device.name,
                last_contact_ms=contact.last_contact_ms if contact else None,
                bundles_sent=contact.bundles_sent if contact else 0,
                bundles_applied=contact.bundles_applied if contact else 0,
                applied_up_to=device.last_seq,
                sent_up_to=contact.last_sent_seq if contact else 0,
                held=held_by.get(device.device_id, 0),
                rosters_fetched=contact.rosters_fetched if contact else 0,
                revoked=device.revoked_up_to is not None,
            )
        )
    return found
