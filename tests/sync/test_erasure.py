"""Erasure: a person erased at the coordinator (two operators) or by a roster's tombstone on a
laptop leaves no byte of their values anywhere, and nobody can bring them back."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from erasure_support import (
    CANARY,
    CANARY_NOTE,
    blobs_in_files,
    leaks_in_files,
    leaks_in_sealed,
    sealed_blobs,
)
from sync_support import (
    Device,
    Hub,
    create_coordinator,
    new_laptop,
    open_store,
    payload_of,
    raw_event,
    signed_bundle,
    snapshot,
)

from fieldreg.core.errors import FieldregError, NotFoundError, ValidationError
from fieldreg.core.events import EventType
from fieldreg.crypto.kdf import minimum_params
from fieldreg.services import erasure, vault
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import purge
from fieldreg.sync import bundle_format, redaction
from tests.conftest import TODAY

SECOND = "second operator passphrase"


@pytest.fixture(autouse=True)
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every temporary file of the program (and of SQLite) goes here, where the tests look."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def _register_canary(session: Session) -> str:
    person = session.register(CANARY)
    session.add_note(person, CANARY_NOTE)
    session.set_status(person, "waiting", location="Спортзал")
    return person


def test_purge_people_leaves_no_byte_of_the_person_on_a_laptop(
    session: Session, tmp_path: Path
) -> None:
    person = _register_canary(session)
    other = session.register({"family_name": "Коваль", "given_name": "Петро"})
    assert leaks_in_sealed(session) != []  # the check sees the values while they are there
    before = sealed_blobs(session, person)
    assert len(before) >= 5  # summary, details, three events and a note
    assert blobs_in_files(before, session.data_dir.root) != []
    with sync_repository(session) as repo:
        with repo.transaction():
            assert purge.purge_people(repo, [person], reason=purge.TOMBSTONE_REASON) == 1
        purge.wipe_freed(repo)
    session.refresh([person])
    assert leaks_in_sealed(session) == []
    # secure_delete and the WAL's checkpoint: not even the ciphertexts are left, in any file
    assert blobs_in_files(before, session.data_dir.root, tmp_path) == []
    wal = session.data_dir.db.with_name(session.data_dir.db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert leaks_in_files(session.data_dir.root, tmp_path) == []
    with pytest.raises(NotFoundError) as caught:
        session.person(person)
    assert caught.value.code == "person.not_found"
    assert session.search("Шпаковська").hits == []
    assert session.person(other).fields["family_name"] == "Коваль"
    with sync_repository(session) as repo, repo.reading():
        found = purge.tombstone(repo, person)
    assert found is not None
    assert found.kind == purge.ERASED
    assert session.verify().ok  # the log's chain and the tombstone agree


def test_purge_of_an_unknown_person_records_only_the_tombstone(session: Session) -> None:
    with sync_repository(session) as repo:
        with repo.transaction():
            held = purge.purge_people(repo, ["K7-0099-X"], reason="protection_risk")
        with repo.reading():
            found = purge.tombstone(repo, "K7-0099-X")
    assert held == 0
    assert found == purge.Tombstone("K7-0099-X", purge.ERASED, "protection_risk", found.purged_ms)


def test_purge_refuses_a_reason_outside_the_list(session: Session) -> None:
    with (
        sync_repository(session) as repo,
        repo.transaction(),
        pytest.raises(ValueError, match="not a purge reason"),
    ):
        purge.purge_people(repo, ["K7-0001-X"], reason="because")


# --- at the coordinator: two operators ------------------------------------------------------


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Session, Session, Path]]:
    """(coordinator, laptop K7, stick): both unlocked; the hub has a second operator."""
    hub_dir = create_coordinator(tmp_path / "hub")
    laptop_dir = new_laptop(tmp_path / "laptop", hub_dir, "K7")
    hub, laptop = open_store(hub_dir), open_store(laptop_dir)
    vault.add_operator(hub, label="Друга", passphrase=SECOND, kdf=minimum_params())
    stick = tmp_path / "stick"
    stick.mkdir()
    yield hub, laptop, stick
    for session in (hub, laptop):
        if not session.locked:
            session.lock()


def _as_second(hub: Session) -> Session:
    return vault.open_session(
        hub.data_dir, operator="Друга", passphrase=SECOND, today=lambda: TODAY
    )


def _send(laptop: Session, hub: Session, stick: Path, **span: int) -> None:
    exported = sync.export_bundles(laptop, stick, **span)
    outcomes = sync.import_bundles(hub, [e.path for e in exported])
    assert [o.error for o in outcomes] == [None] * len(exported)


def _erase(hub: Session, person: str, reason: str = "data_subject_request") -> Session:
    """Requested by the hub's first operator, confirmed by the second; returns that session."""
    request = erasure.request_erasure(hub, person, reason, "Запит особи від 1 грудня")
    second = _as_second(hub)
    assert erasure.confirm_erasure(second, request.request_id) == person
    return second


def test_one_operator_cannot_erase_alone(network: tuple[Session, Session, Path]) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    _send(laptop, hub, stick)
    request = erasure.request_erasure(hub, person, "registered_in_error")
    assert [r.person_id for r in erasure.pending_erasures(hub)] == [person]
    with pytest.raises(FieldregError) as caught:
        erasure.confirm_erasure(hub, request.request_id)
    assert caught.value.code == "erasure.same_operator"
    assert hub.person(person).fields["family_name"] == CANARY["family_name"]
    erasure.cancel_erasure(hub, request.request_id)
    assert erasure.pending_erasures(hub) == []
    second = _as_second(hub)
    try:
        with pytest.raises(FieldregError) as caught:
            erasure.confirm_erasure(second, request.request_id)
        assert caught.value.code == "erasure.not_pending"
    finally:
        second.lock()


def test_a_laptop_cannot_erase(network: tuple[Session, Session, Path]) -> None:
    _hub, laptop, _stick = network
    person = _register_canary(laptop)
    with pytest.raises(FieldregError) as caught:
        erasure.request_erasure(laptop, person, "data_subject_request")
    assert caught.value.code == "erasure.not_coordinator"


def test_a_reason_outside_the_list_is_refused(network: tuple[Session, Session, Path]) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    _send(laptop, hub, stick)
    with pytest.raises(ValidationError) as caught:
        erasure.request_erasure(hub, person, "asked nicely")
    assert caught.value.field == "reason"
    assert erasure.pending_erasures(hub) == []


def test_confirmed_erasure_leaves_no_byte_at_the_coordinator(
    network: tuple[Session, Session, Path], tmp_path: Path
) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    kept = laptop.register({"family_name": "Коваль", "given_name": "Петро"})
    _send(laptop, hub, stick)
    assert leaks_in_sealed(hub) != []
    before = sealed_blobs(hub, person)
    second = _erase(hub, person)
    try:
        assert erasure.pending_erasures(second) == []
        assert leaks_in_sealed(second) == []
        assert blobs_in_files(before, hub.data_dir.root) == []
        assert second.search("Шпаковська").hits == []
        with pytest.raises(NotFoundError):
            second.person(person)
        assert second.person(kept).fields["family_name"] == "Коваль"
        # the Erased event is on the coordinator's own log, with the reason and nothing else
        with sync_repository(second) as repo, repo.reading():
            own = [e for e in repo.events_for(person) if e.device_id == second.device_id]
        assert [(e.type, dict(e.payload)) for e in own] == [
            (EventType.ERASED, {"reason": "data_subject_request"})
        ]
        assert second.verify().ok
    finally:
        second.lock()
    hub.lock()
    assert leaks_in_files(hub.data_dir.root, tmp_path / "hub") == []


def test_a_laptop_without_the_tombstone_cannot_bring_the_person_back(
    network: tuple[Session, Session, Path], tmp_path: Path
) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    _send(laptop, hub, stick)
    second = _erase(hub, person)
    try:
        # the laptop never heard of the erasure: it edits and adds notes, then exports
        laptop.update(person, {"phone": "+380671234567"})
        laptop.add_note(person, CANARY_NOTE + " ще раз")
        laptop.set_status(person, "departed", transport="Автобус 12")
        _send(laptop, second, stick)
        with pytest.raises(NotFoundError):
            second.person(person)
        assert second.search("Шпаковська").hits == []
        assert leaks_in_sealed(second) == []
        assert second.verify().ok
    finally:
        second.lock()
    hub.lock()
    assert leaks_in_files(hub.data_dir.root) == []


def test_a_laptop_with_the_tombstone_exports_redacted_events_that_verify(
    network: tuple[Session, Session, Path],
) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    _send(laptop, hub, stick)
    second = _erase(hub, person)
    try:
        laptop.add_note(person, CANARY_NOTE)  # not yet exported when the tombstone arrives
        other = laptop.register({"family_name": "Коваль", "given_name": "Петро"})
        assert erasure.apply_tombstones(laptop, [person]) == 1
        assert leaks_in_sealed(laptop) == []
        assert laptop.verify().ok
        [exported] = sync.export_bundles(laptop, stick)
        [outcome] = sync.import_bundles(second, [exported.path])
        assert outcome.error is None
        assert outcome.applied
        assert second.person(other).fields["family_name"] == "Коваль"
        assert second.verify().ok
        assert leaks_in_sealed(second) == []
        assert erasure.tombstone_notice(laptop, person) == "person.erased"
    finally:
        second.lock()
    laptop.lock()
    assert leaks_in_files(laptop.data_dir.root, stick) == []


# --- forged redacted events -----------------------------------------------------------------


def _bundle_with_redacted(device: Device, hide: set[int]) -> bytes:
    """The device's events as a bundle, those at the sequence numbers `hide` redacted."""
    rows = []
    for event in device.events:
        row = list(json.loads(bundle_format.event_row(event)))
        if event.seq in hide:
            row[5] = redaction.MARKER
        rows.append(row)
    plaintext = payload_of(device, rows)
    last = device.events[-1]
    return signed_bundle(device, plaintext, first=1, last=last.seq, head=last.event_id)


def _import_raw(hub: Hub, tmp_path: Path, data: bytes) -> FieldregError | None:
    path = tmp_path / "forged.bundle"
    path.write_bytes(data)
    [outcome] = sync.import_bundles(hub.session, [path])
    return outcome.error


def test_a_forged_redacted_event_of_a_person_not_erased_is_refused(
    hub: Hub, tmp_path: Path
) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.event(EventType.NOTE_ADDED, person, {"text": "Шукає доньку"})
    hub.a.register(family_name="Коваль", given_name="Петро")
    before = snapshot(hub.directory)
    error = _import_raw(hub, tmp_path, _bundle_with_redacted(hub.a, {2}))
    assert isinstance(error, FieldregError)
    assert error.code == "bundle.event_invalid"
    assert error.params == {"seq": 2, "reason": "redacted"}
    assert snapshot(hub.directory) == before


def test_a_redacted_event_is_taken_when_the_same_bundle_erases_its_subject(
    hub: Hub, tmp_path: Path
) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.event(EventType.NOTE_ADDED, person, {"text": "Шукає доньку"})
    hub.a.event(EventType.ERASED, person, {"reason": "protection_risk"})
    assert _import_raw(hub, tmp_path, _bundle_with_redacted(hub.a, {1, 2})) is None
    with pytest.raises(NotFoundError):
        hub.session.person(person)
    assert hub.session.verify().ok


def test_a_redacted_event_the_coordinator_holds_is_a_replay(hub: Hub, tmp_path: Path) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.event(EventType.NOTE_ADDED, person, {"text": "Шукає доньку"})
    assert _import_raw(hub, tmp_path, hub.a.bundle()) is None
    hub.a.register(family_name="Коваль", given_name="Петро")
    # the whole log again, the person's events redacted: the first two are the ones it holds
    assert _import_raw(hub, tmp_path, _bundle_with_redacted(hub.a, {1, 2})) is None
    assert hub.session.person(person).fields["given_name"] == "Олена"
    assert hub.session.verify().ok


def test_a_redacted_event_with_another_id_is_a_fork(hub: Hub, tmp_path: Path) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    assert _import_raw(hub, tmp_path, hub.a.bundle()) is None
    forged = "ab" * 32  # a redacted event claiming another history at a position the hub holds
    body = {
        "op": "0f" * 16,
        "type": "PersonRegistered",
        "payload": {"fields": {"family_name": "Коваль", "given_name": "Петро"}},
        "salt": "00" * 16,
    }
    following = raw_event(hub.a, 2, forged, body, hub.a.new_id())
    rows = [[1, hub.a.events[0].hlc, person, "", forged, redaction.MARKER], following]
    data = signed_bundle(hub.a, payload_of(hub.a, rows), first=1, last=2, head=following[4])
    before = snapshot(hub.directory)
    error = _import_raw(hub, tmp_path, data)
    assert isinstance(error, FieldregError)
    assert error.code == "bundle.fork"
    assert snapshot(hub.directory) == before


def test_the_roster_tombstone_drops_the_person_on_the_laptop(
    network: tuple[Session, Session, Path],
) -> None:
    hub, laptop, stick = network
    person = _register_canary(laptop)
    _send(laptop, hub, stick)
    before = sealed_blobs(laptop, person)
    second = _erase(hub, person)
    try:
        [plan] = [p for p in rosters.plan_rosters(second) if p.device_id == laptop.device_id]
        assert plan.tombstones == 1
        applied = rosters.apply_payload(
            laptop,
            plan.payload,
            version=plan.version,
            base=plan.base,
            created_ms=rosters.now_ms(),
            expires_ms=rosters.now_ms() + rosters.VALID_MS,
        )
    finally:
        second.lock()
    assert applied.erased == 1
    assert laptop.search("Шпаковська").hits == []
    assert erasure.tombstone_notice(laptop, person) == "person.erased"
    assert leaks_in_sealed(laptop) == []
    assert laptop.verify().ok
    laptop.lock()
    assert blobs_in_files(before, laptop.data_dir.root) == []
    assert leaks_in_files(laptop.data_dir.root) == []
