"""What the desk's sync pages need beyond the CLI's use cases: how much this laptop has not yet
exported (for the status bar, after every save, so it must stay cheap), the coordinator's
overview (devices, held bundles, quarantine, conflicts with who wrote each value and when), and
enrollment tokens read from or saved to a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.entities import FieldValue
from fieldreg.core.errors import FieldregError
from fieldreg.core.hlc import LOGICAL_BITS
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services.outside_files import read_outside_file, write_outside_file
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import quarantine

MAX_TOKEN_FILE = 16 * 1024  # requests and answers are about 1 KiB


# --- laptop: what is not on a stick yet --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unexported:
    events: int  # this laptop's changes not yet in an exported bundle
    people: int  # people those changes touch


def unexported(session: Session) -> Unexported | None:
    """None at a coordinator, which exports nothing. One count over the unexported range of this
    device's log (its primary key): about 60 ms for 100,000 events never exported, a millisecond
    or two for a day's work between two exports."""
    with sync_repository(session) as repo, repo.reading():
        store = SyncStore(repo)
        network = store.network()
        if network is not None and network.role == "coordinator":
            return None
        done = store.last_exported(session.device_id)
        device = repo.device(session.device_id)
        people = store.people_written_after(session.device_id, done)
    events = (device.last_seq if device is not None else 0) - done  # sequences are contiguous
    return Unexported(max(events, 0), people)


# --- coordinator: what the import left to look at ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Competing:
    value: FieldValue
    device: str  # the name of the point that wrote it
    prefix: str
    when_ms: int  # when it was written (the event's clock)
    current: bool  # the value shown now (the last writer's) until someone chooses


@dataclass(frozen=True, slots=True)
class ConflictDetail:
    person_id: str
    field: str
    values: list[Competing]


@dataclass(frozen=True, slots=True)
class HeldDetail:
    device: str
    prefix: str
    first: int
    last: int
    missing_from: int  # the events that must arrive first: missing_from .. first - 1


@dataclass(frozen=True, slots=True)
class Overview:
    devices: list[enroll.DeviceInfo]
    held: list[HeldDetail]
    quarantined: list[quarantine.Quarantined]
    conflicts: list[ConflictDetail]


def overview(session: Session) -> Overview:
    devices = enroll.devices(session)
    names = {d.device_id: (d.name, d.prefix) for d in devices}
    names[session.device_id] = (session.point_name(), session.prefix)
    positions = {d.device_id: d.last_seq for d in devices}
    held = [
        HeldDetail(*names.get(device, ("", device[:8])), first, last, positions.get(device, 0) + 1)
        for device, first, last in sync.held(session)
    ]
    return Overview(devices, held, sync.quarantined(session), _conflicts(session, names))


def _conflicts(session: Session, names: dict[str, tuple[str, str]]) -> list[ConflictDetail]:
    found: list[ConflictDetail] = []
    for person_id, name, writes in sync.open_conflicts(session):
        values = []
        for position, write in enumerate(writes):  # the winner is last
            clock, device_id = write.key
            device, prefix = names.get(device_id, ("", device_id[:8]))
            winner = position == len(writes) - 1
            values.append(Competing(write.value, device, prefix, clock >> LOGICAL_BITS, winner))
        found.append(ConflictDetail(person_id, name, values))
    return found


def resolve(session: Session, person_id: str, field_name: str, value: FieldValue) -> None:
    """Keep `value` (one of the competing ones, as shown) for the field."""
    sync.resolve_conflict(session, person_id, field_name, value=value)


# --- enrollment tokens as files ------------------------------------------------------------------


def read_token_file(path: Path) -> str:
    """A request or an answer from a file, for the enrollment use cases to parse and check:
    refused when larger than any token, never cut short to look like something smaller."""
    untrusted = read_outside_file(path, MAX_TOKEN_FILE)
    if len(untrusted) > MAX_TOKEN_FILE:
        raise FieldregError("sync.token_too_large")
    return untrusted.decode("ascii", errors="replace")


def save_token_file(path: Path, text: str) -> None:
    """Written whole or not at all, so a laptop (or a file-sync tool) never reads half an answer,
    and never over a link (`outside_files.write_outside_file`)."""
    write_outside_file(path, text.encode("ascii") + b"\n", "sync.write_failed")
