"""The roster (DESIGN.md §5): the coordinator writes one file per device with the merged people,
revocations, tombstones and that device's receipts; a laptop applies it in one transaction.

Coordinator: `write_rosters` (files in a folder) or `roster_files` (their bytes, for the hub).
Each call is one batch with the next version number; a device that acknowledged version B (in its
last bundle's header) gets a delta of the people changed since B, one that acknowledged nothing a
full roster. Which version each person last changed in is kept in `roster_changes`: triggers on
`people` (migration 0012) mark a person whenever their sealed state is written, whatever wrote it
(an import, a resolved conflict, an erasure), and each batch gives the marked ones its version,
so a delta reads only the people changed since its base. The first batch, before the marks are
complete, compares every sealed state's hash with the one recorded.

Laptop: `import_roster` (the file checked by fieldreg.sync.roster_format) -> `apply_payload`.
A delta applies on any version at or after its base (its base is the version the laptop last
acknowledged, which may be older than the one it applied since): a person it carries replaces
what an older roster said, and this laptop's own events the coordinator has not applied yet are
folded in again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.errors import FieldregError
from fieldreg.core.events import Event
from fieldreg.core.fold import PersonState
from fieldreg.services import enrollment_service, retention
from fieldreg.services.outside_files import read_outside_file, write_outside_file
from fieldreg.services.session import Session
from fieldreg.services.sync_access import coordinator_network, now_ms, sync_repository
from fieldreg.store import purge
from fieldreg.store.repository import Repository
from fieldreg.store.roster_store import AppliedRoster, RosterStore
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import enrollment, roster_format
from fieldreg.sync import roster_content as content
from fieldreg.sync.roster_content import Receipts, Roster, RosterSettings

VALID_MS = 14 * 24 * 3600 * 1000  # a roster expires two weeks after it was written
FIELDS_SETTING = "roster.fields"


@dataclass(frozen=True, slots=True)
class PlannedRoster:
    """One device's roster, encoded, before it is sealed into a file: its payload in the three
    parts of `roster_content.encode_parts`; the middle one (the people, tens of MB) is the same
    object in every plan of a batch with the same base, so 20 devices do not hold 20 copies."""

    device_id: str
    prefix: str
    version: int
    base: int  # 0: full
    revoked: bool
    people: int
    tombstones: int
    parts: tuple[bytes, bytes, bytes]

    @property
    def payload(self) -> bytes:
        """The payload JSON, whole (a copy: for tests and single files)."""
        return b"".join(self.parts)


@dataclass(frozen=True, slots=True)
class WrittenRoster:
    device_id: str
    prefix: str
    version: int
    full: bool
    revoked: bool
    people: int
    tombstones: int
    path: Path
    size: int


@dataclass(frozen=True, slots=True)
class RosterApplied:
    version: int
    full: bool
    added: int
    updated: int
    erased: int
    revoked_devices: int
    revoked: bool  # this laptop is revoked
    expires: dt.datetime


@dataclass(frozen=True, slots=True)
class RosterStatus:
    """What `roster show` prints: the roster applied last and what the coordinator holds."""

    version: int | None
    created: dt.datetime | None
    expires: dt.datetime | None
    applied: dt.datetime | None
    age_seconds: int | None
    expired: bool
    revoked: bool
    applied_up_to: int  # the coordinator applied this laptop's log up to here
    held: tuple[tuple[int, int], ...]  # bundles it keeps for a gap
    exported_up_to: int  # this laptop's log, exported so far
    last_seq: int  # this laptop's log, written so far
    people_from_elsewhere: int
    # In times a person reads: when this laptop recorded the last change the coordinator has,
    # how many exported bundles carry changes it does not have yet, and when the first change
    # not exported yet was recorded.
    applied_up_to_at: dt.datetime | None = None
    bundles_waiting: int = 0
    unexported_since: dt.datetime | None = None

    @property
    def waiting_for(self) -> tuple[int, int] | None:
        """The sequence numbers the coordinator still waits for (exported or not), if any."""
        if self.last_seq <= self.applied_up_to:
            return None
        return (self.applied_up_to + 1, self.last_seq)


def _time(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)


# --- settings --------------------------------------------------------------------------------


def roster_fields(repo: Repository) -> tuple[str, ...]:
    value = repo.setting(FIELDS_SETTING)
    return content.DEFAULT_FIELDS if not value else content.check_fields(value.split(","))


def set_roster_fields(session: Session, names: Sequence[str]) -> tuple[str, ...]:
    """The network's roster field set (coordinator); unknown or never-sent fields refused."""
    checked = content.check_fields(names)
    with sync_repository(session) as repo:
        coordinator_network(repo)
        with repo.transaction():
            repo.put_setting(FIELDS_SETTING, ",".join(checked))
    return checked


# --- coordinator -----------------------------------------------------------------------------


@without_cycle_collection()
def plan_rosters(
    session: Session, devices: Sequence[str] | None = None, *, full: bool = False
) -> list[PlannedRoster]:
    """Next batch's rosters for `devices` (prefixes or id starts; None: every enrolled one),
    encoded; the batch's version and the people's change marks are stored."""
    everyone = enrollment_service.devices(session)  # each call parses every certificate
    chosen = everyone
    if devices is not None:
        wanted = {enrollment_service.find_device(session, d).device_id for d in devices}
        chosen = [d for d in chosen if d.device_id in wanted]
    planned: list[PlannedRoster] = []
    with sync_repository(session) as repo:
        coordinator_network(repo)
        store = RosterStore(repo)
        with repo.transaction():
            version = store.last_version() + 1
            if not store.tracking():  # the first batch (or the first since migration 0012)
                marks = store.change_marks()
                changed = {
                    p: f
                    for p, f in store.people_fingerprints()
                    if marks.get(p, (0, ""))[1] != f or marks[p][0] == 0
                }
                store.mark_changes(changed, version, known=marks)
                store.start_tracking()
            store.mark_pending(version)
            store.set_last_version(version)
        with repo.reading():
            names = roster_fields(repo)
            positions = store.device_marks()
            sync = SyncStore(repo)
            revocations = {
                d.device_id: d.revoked_up_to for d in chosen if d.revoked_up_to is not None
            }
            for info in everyone:
                if info.revoked_up_to is not None:
                    revocations[info.device_id] = info.revoked_up_to
            points = {d.prefix: d.name for d in everyone}
            settings = RosterSettings(names, retention.stored_days(repo))
            encoded: dict[int, tuple[content.EncodedPeople, list[str], int]] = {}
            for info in chosen:
                revoked = info.revoked_up_to is not None
                acknowledged = positions.get(info.device_id, (0, 0))[1]
                base = 0 if full or revoked or acknowledged >= version else acknowledged
                if revoked:
                    people_part = content.encode_people([], names)
                    tombstones: list[str] = []
                    count = 0
                else:
                    if base not in encoded:
                        encoded[base] = _people_since(repo, store, base, names)
                    people_part, tombstones, count = encoded[base]
                position = repo.device(info.device_id)
                held = tuple((h.first_seq, h.last_seq) for h in sync.held(info.device_id))
                roster = Roster(
                    version=version,
                    base=base,
                    people=[],
                    tombstones=tombstones,
                    revocations=revocations,
                    receipts=Receipts(position.last_seq if position else 0, held),
                    devices=points,
                    settings=settings,
                )
                planned.append(
                    PlannedRoster(
                        info.device_id,
                        info.prefix,
                        version,
                        base,
                        revoked,
                        count,
                        len(tombstones),
                        content.encode_parts(roster, people_part),
                    )
                )
    return planned


def _people_since(
    repo: Repository, store: RosterStore, base: int, names: Sequence[str]
) -> tuple[content.EncodedPeople, list[str], int]:
    """The people part (encoded), the tombstones and the count of people changed since `base`
    (0: everyone)."""
    wanted = store.changed_since(base) if base else None
    return content.encode_raw_states(repo.raw_states(wanted), names)


@dataclass(frozen=True, slots=True)
class SealedRoster:
    """One device's roster file, sealed (its bytes, as written to a stick or served by the hub)."""

    device_id: str
    prefix: str
    version: int
    full: bool
    revoked: bool
    people: int
    tombstones: int
    data: bytes

    @property
    def file_name(self) -> str:
        return f"fieldreg-roster-{self.prefix}-v{self.version}.roster"


def _root_private(session: Session, network_passphrase: str) -> bytes:
    """The network's root key (rosters are signed with it), unwrapped with its passphrase."""
    with sync_repository(session) as repo:  # the passphrase first: a wrong one writes nothing
        network = coordinator_network(repo)
    root, _escrow = enrollment.unwrap_rare_secrets(network.secrets["rare"], network_passphrase)
    return root


def _record_written(session: Session, rosters: Sequence[SealedRoster | WrittenRoster]) -> None:
    with sync_repository(session) as repo, repo.transaction():
        store = RosterStore(repo)
        for item in rosters:
            store.set_written(item.device_id, item.version)


def roster_files(
    session: Session,
    devices: Sequence[str] | None = None,
    *,
    full: bool = False,
    network_passphrase: str,
) -> list[SealedRoster]:
    """The next batch's roster for each device (`devices` as `plan_rosters` takes them), as the
    bytes of its file, without writing any file (the hub serves them from memory); the batch is
    recorded as written for those devices."""
    root = _root_private(session, network_passphrase)
    sealed = list(sealed_rosters(session, plan_rosters(session, devices, full=full), root))
    _record_written(session, sealed)
    return sealed


def write_rosters(
    session: Session,
    out_dir: Path,
    devices: Sequence[str] | None = None,
    *,
    full: bool = False,
    network_passphrase: str,
) -> list[WrittenRoster]:
    """One roster file per device in `out_dir` (`fieldreg-roster-<PREFIX>-v<version>.roster`),
    each written whole or not at all, private to its owner; signing needs the network's root key,
    hence its passphrase."""
    if not out_dir.is_dir():
        raise FieldregError("sync.no_folder")
    root = _root_private(session, network_passphrase)
    planned = plan_rosters(session, devices, full=full)
    written = seal_rosters(session, out_dir, planned, root_private=root)
    _record_written(session, written)
    return written


def seal_rosters(
    session: Session, out_dir: Path, planned: list[PlannedRoster], *, root_private: bytes
) -> list[WrittenRoster]:
    """Each plan sealed (`sealed_rosters`) and written to its file in `out_dir` as it comes (one
    file's bytes in memory at a time)."""
    written: list[WrittenRoster] = []
    for item in sealed_rosters(session, planned, root_private):
        path = out_dir / item.file_name
        write_outside_file(path, item.data, "roster.write_failed")
        written.append(
            WrittenRoster(
                item.device_id,
                item.prefix,
                item.version,
                item.full,
                item.revoked,
                item.people,
                item.tombstones,
                path,
                len(item.data),
            )
        )
    return written


def sealed_rosters(
    session: Session, planned: Sequence[PlannedRoster], root_private: bytes
) -> Iterator[SealedRoster]:
    """Each plan sealed into a roster file's bytes (fieldreg.sync.roster_format): encrypted to
    the device's key from its certificate, signed by the network's root key (`root_private`,
    unwrapped)."""
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
        with repo.reading():
            keys = _device_keys(SyncStore(repo), network.info.root_public)
    created = now_ms()
    packer = _SharedPacker()
    for plan in planned:
        epoch, x25519 = keys[plan.device_id]
        draft = roster_format.RosterDraft(
            network=network.info.network_id,
            device=plan.device_id,
            epoch=epoch,
            version=plan.version,
            base=plan.base,
            created=created,
            expires=created + VALID_MS,
            count=plan.people,
        )
        data = roster_format.seal_roster(
            packer.compress(plan.parts),
            draft,
            root_private=root_private,
            device_x25519_public=x25519,
        )
        yield SealedRoster(
            plan.device_id,
            plan.prefix,
            plan.version,
            plan.base == 0,
            plan.revoked,
            plan.people,
            plan.tombstones,
            data,
        )


# The payloads of one batch differ only after their people (receipts are per device; keys are
# sorted, so "receipts" follows "people"): the gzip stream of that shared part is made once and
# each device's stream continues from a copy of the compressor.
class _SharedPacker:
    """One compressor state per distinct shared part (a batch has one per base, plus the empty
    people list of revoked devices), so devices in any order reuse it."""

    def __init__(self) -> None:
        # (head, id of the people bytes) -> (those bytes, gzip of head + people, compressor)
        self._states: dict[tuple[bytes, int], tuple[bytes, bytes, Any]] = {}

    def compress(self, parts: tuple[bytes, bytes, bytes]) -> roster_format.Compressed:
        head, people, rest = parts
        found = self._states.get((head, id(people)))
        if found is None or found[0] is not people:
            packer = zlib.compressobj(roster_format.COMPRESSION_LEVEL, zlib.DEFLATED, 31)
            found = (people, packer.compress(head) + packer.compress(people), packer)
            self._states[(head, id(people))] = found
        _people, shared_gzip, shared = found
        packer = shared.copy()
        data = shared_gzip + packer.compress(rest) + packer.flush()
        size = len(head) + len(people) + len(rest)
        return roster_format.Compressed(data, hashlib.sha256(data).hexdigest(), size)


def _device_keys(store: SyncStore, root_public: bytes) -> dict[str, tuple[int, bytes]]:
    """Device id -> (epoch, X25519 public key) of its latest certificate."""
    found: dict[str, tuple[int, bytes]] = {}
    for _device_id, _epoch, token in store.certificates():
        certificate = enrollment.parse_certificate(token, root_public)
        known = found.get(certificate.device_id)
        if known is None or certificate.epoch > known[0]:
            found[certificate.device_id] = (certificate.epoch, certificate.x25519)
    return found


# --- laptop ----------------------------------------------------------------------------------


def import_roster(session: Session, path: Path) -> RosterApplied:
    """Check the roster file at `path` (signature, network, device, version, expiry) and apply
    it; a refused one changes nothing (`roster.*` errors say why: the current roster is kept)."""
    untrusted = read_outside_file(
        path,
        roster_format.MAX_FILE_BYTES,
        FieldregError("roster.too_large", max=roster_format.MAX_FILE_BYTES),
    )
    with sync_repository(session) as repo, repo.reading():
        store = SyncStore(repo)
        network = store.network()
        own = store.own_keys(session.device_id)
        current = RosterStore(repo).applied()
    if network is None or own is None or own.epoch == 0:
        raise FieldregError("sync.not_enrolled")
    applied = current.version if current is not None else 0
    try:
        announced = roster_format.read_roster_header(untrusted)
    except FieldregError:
        announced = None  # the reader below says what is wrong with it
    # A delta since a version older than the one applied here (the one the laptop acknowledged)
    # applies just as well; the rollback check against the version applied is apply_payload's.
    older_base = announced is not None and 0 < announced.base < applied
    since = announced.base if announced is not None and older_base else applied
    header, payload = roster_format.read_roster(
        untrusted,
        network_id=network.info.network_id,
        root_public=network.info.root_public,
        device_id=session.device_id,
        epoch=own.epoch,
        x25519_private=own.keys.exchange,
        applied_version=since,
        now_ms=now_ms(),
    )
    return apply_payload(
        session,
        payload,
        version=header.version,
        base=header.base,
        created_ms=header.created,
        expires_ms=header.expires,
    )


@without_cycle_collection()
def apply_payload(
    session: Session,
    untrusted_payload: bytes,
    *,
    version: int,
    base: int,
    created_ms: int,
    expires_ms: int,
) -> RosterApplied:
    """Apply a roster payload whose container was checked (`version`, `base`, `created_ms`,
    `expires_ms` from its signed header): one transaction, the applied version stored last."""
    roster = content.parse(untrusted_payload)
    if roster.version != version or roster.base != base:
        raise FieldregError("roster.payload_invalid", reason="header")
    now = now_ms()
    if expires_ms <= now:
        raise FieldregError("roster.expired", expired=roster_format.expiry_text(expires_ms))
    revoked_up_to = roster.revocations.get(session.device_id)
    with sync_repository(session) as repo:
        store = RosterStore(repo)
        with repo.transaction():
            current = store.applied()
            applied_version = current.version if current is not None else 0
            if version <= applied_version:
                raise FieldregError("roster.rollback", version=version, applied=applied_version)
            if base > applied_version:
                raise FieldregError("roster.delta_base", base=base, applied=applied_version)
            counts = _apply(repo, session.device_id, roster, now)
            # Last: the version tells every later reader that all of the above is there.
            store.put_applied(
                AppliedRoster(
                    version=version,
                    created_ms=created_ms,
                    expires_ms=expires_ms,
                    applied_ms=now,
                    revoked=revoked_up_to is not None,
                    revoked_up_to=revoked_up_to,
                    applied_up_to=roster.receipts.applied_up_to,
                    held=roster.receipts.held,
                )
            )
        if counts.erased:
            purge.wipe_freed(repo)  # committed: no page of what was dropped stays in the WAL
    session.show_changed(counts.changed)
    return RosterApplied(
        version=version,
        full=roster.full,
        added=counts.added,
        updated=counts.updated,
        erased=counts.erased,
        revoked_devices=len(roster.revocations),
        revoked=revoked_up_to is not None,
        expires=_time(expires_ms),
    )


@dataclass(slots=True)
class _Counts:
    added: int = 0
    updated: int = 0
    erased: int = 0
    changed: list[str] = field(default_factory=list)


def _own_unacknowledged(
    repo: Repository, device_id: str, acknowledged: int
) -> dict[str, list[Event]]:
    """This laptop's events the coordinator has not applied, by person."""
    position = repo.device(device_id)
    found: dict[str, list[Event]] = defaultdict(list)
    if position is None or position.last_seq <= acknowledged:
        return found
    for row in repo.event_rows(device_id, acknowledged + 1, position.last_seq):
        if row.body is None:
            continue
        event = repo.open_event(row)
        found[event.subject_id].append(event)
    return found


def _apply(repo: Repository, device_id: str, roster: Roster, now: int) -> _Counts:
    store = RosterStore(repo)
    names = roster.settings.fields
    pending = _own_unacknowledged(repo, device_id, roster.receipts.applied_up_to)
    counts = _Counts()
    ids = [p.person_id for p in roster.people]
    local: dict[str, PersonState] = {}
    for start in range(0, len(ids), 5000):
        local.update(repo.load_states(ids[start : start + 5000]))
    new: set[str] = set()
    states: list[PersonState] = []
    homes: dict[str, str] = {}
    households: dict[str, int] = {}
    for person in roster.people:
        before = local.get(person.person_id)
        if before is not None and before.erased:
            continue  # erased here: a roster never brings a person back
        state = content.merge_person(before, person, pending.get(person.person_id, ()), names)
        if before is None:
            new.add(person.person_id)
            counts.added += 1
        else:
            counts.updated += 1
        states.append(state)
        homes[person.person_id] = person.home if state.registered_by != device_id else ""
        for household, _tag, key, _rel in person.households:
            households.setdefault(household, key[0])
    local_households = set(repo.household_ids())
    store.add_households(h for h in households if h not in local_households)
    repo.add_households(households)
    repo.save_states(states, new=new)
    store.put_homes(homes, roster.version)
    counts.erased = _erase(repo, roster.tombstones, now)
    if roster.settings.retention_days is not None:  # null: the network set none; keep ours
        retention.store_days(repo, roster.settings.retention_days)
    if roster.devices:
        store.put_devices({**store.devices(), **roster.devices})
    counts.changed.extend(s.person_id for s in states)
    counts.changed.extend(roster.tombstones)
    return counts


def _erase(repo: Repository, person_ids: Sequence[str], now: int) -> int:
    """The roster's tombstones: the one place a roster erases people here (their sealed values,
    notes and event bodies dropped, inside the apply's transaction: see fieldreg.store.purge)."""
    if not person_ids:
        return 0
    return purge.purge_people(repo, person_ids, reason=purge.TOMBSTONE_REASON, now_ms=now)


def roster_status(session: Session) -> RosterStatus:
    with sync_repository(session) as repo, repo.reading():
        store = RosterStore(repo)
        applied = store.applied()
        position = repo.device(session.device_id)
        exported = SyncStore(repo).last_exported(session.device_id)
        foreign = len(store.homes())
        last_seq = position.last_seq if position is not None else 0
        up_to = applied.applied_up_to if applied is not None else 0
        up_to_ms = store.recorded_ms(session.device_id, up_to) if up_to else None
        waiting = store.bundles_after(session.device_id, up_to) if last_seq > up_to else 0
        since_ms = (
            store.recorded_ms(session.device_id, exported + 1) if exported < last_seq else None
        )
    now = now_ms()
    up_to_at = None if up_to_ms is None else _time(up_to_ms)
    since = None if since_ms is None else _time(since_ms)
    if applied is None:
        return RosterStatus(
            None,
            None,
            None,
            None,
            None,
            False,
            False,
            0,
            (),
            exported,
            last_seq,
            foreign,
            None,
            waiting,
            since,
        )
    return RosterStatus(
        version=applied.version,
        created=_time(applied.created_ms),
        expires=_time(applied.expires_ms),
        applied=_time(applied.applied_ms),
        age_seconds=max(0, (now - applied.created_ms) // 1000),
        expired=applied.expires_ms <= now,
        revoked=applied.revoked,
        applied_up_to=applied.applied_up_to,
        held=applied.held,
        exported_up_to=exported,
        last_seq=last_seq,
        people_from_elsewhere=foreign,
        applied_up_to_at=up_to_at,
        bundles_waiting=waiting,
        unexported_since=since,
    )


def refuse_if_revoked(repo: Repository) -> None:
    """Export's check: a laptop the coordinator revoked (its last roster said so) writes no
    more bundles (`device.revoked`)."""
    applied = RosterStore(repo).applied()
    if applied is not None and applied.revoked:
        raise FieldregError("device.revoked")
