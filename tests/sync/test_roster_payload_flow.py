"""The roster's content and apply through the services, below the file container: a family
registered at A is found and checked out at B, and the departure reaches A's next roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.core.errors import NotFoundError
from fieldreg.crypto.kdf import minimum_params
from fieldreg.printing.payload import band_id, format_payload
from fieldreg.services import erasure, vault
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session

SECOND = "the second operator's passphrase"


def _deliver(hub: Session, laptop: Session) -> rosters.RosterApplied:
    [plan] = [p for p in rosters.plan_rosters(hub) if p.device_id == laptop.device_id]
    return rosters.apply_payload(
        laptop,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=rosters.now_ms(),
        expires_ms=rosters.now_ms() + rosters.VALID_MS,
    )


def _carry(source: Session, hub: Session, stick: Path) -> None:
    stick.mkdir(exist_ok=True)
    paths = [e.path for e in sync.export_bundles(source, stick)]
    for outcome in sync.import_bundles(hub, paths):
        assert outcome.error is None


def test_family_from_a_departs_at_b(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7", point="Школа 5"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    try:
        family = a.register_household(
            [
                ({"family_name": "Шевченко", "given_name": "Марія", "dob": "1950-03-02"}, None),
                ({"family_name": "Шевченко", "given_name": "Олег", "dob": "2015"}, "child"),
            ]
        )
        mother = family.new_ids[0]
        a.update(mother, {"phone": "+380501111111"})
        _carry(a, hub, tmp_path / "stick-a")
        applied = _deliver(hub, b)
        assert applied.added == 2
        hits = b.search("Shevchenko Mariia").hits
        assert [h.person_id for h in hits][:1] == [mother]
        seen = b.person(mother)
        assert seen.fields["dob"] == "1950"
        assert "phone" not in seen.fields
        assert seen.home_point == "Школа 5"
        assert (
            b.person(b.register({"family_name": "Коваль", "given_name": "Іван"})).home_point is None
        )
        b.set_status(mother, "departed", transport="bus 12")
        _carry(b, hub, tmp_path / "stick-b")
        assert hub.person(mother).fields["status"] == "departed"
        again = _deliver(hub, a)
        assert again.updated >= 1
        person = a.person(mother)
        assert person.fields["status"] == "departed"
        assert person.fields["status_transport"] == "bus 12"
        assert person.fields["dob"] == "1950-03-02"  # A's own full date is kept
        assert person.fields["phone"] == "+380501111111"
        assert a.verify().ok
        assert b.verify().ok
    finally:
        a.lock()
        b.lock()
        hub.lock()


def test_a_tombstone_in_the_roster_erases_the_person_at_the_point(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7", point="Школа 5"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    vault.add_operator(hub, label="Друга", passphrase=SECOND, kdf=minimum_params())
    second = vault.open_session(coordinator, operator="Друга", passphrase=SECOND)
    try:
        gone = a.register({"family_name": "Ткаченко", "given_name": "Ірина"})
        kept = a.register({"family_name": "Ткаченко", "given_name": "Павло"})
        _carry(a, hub, tmp_path / "stick-a")
        assert _deliver(hub, b).added == 2
        b.add_note(gone, "Чекає на сестру")
        request = erasure.request_erasure(hub, gone, "registered_in_error")
        erasure.confirm_erasure(second, request.request_id)
        applied = _deliver(hub, b)
        assert applied.erased == 1
        assert [h.person_id for h in b.search("Ткаченко").hits] == [kept]
        with pytest.raises(NotFoundError) as missing:
            b.person(gone)
        assert missing.value.code == "person.not_found"
        assert erasure.tombstone_notice(b, gone) == "person.erased"
        assert b.verify().ok
        assert _deliver(hub, a).erased == 1  # its own registration too
        assert a.search("Ірина").hits == []
    finally:
        for session in (a, b, hub, second):
            session.lock()


def test_events_about_roster_people_sync_back_and_concurrent_statuses_conflict(
    tmp_path: Path,
) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7", point="Школа 5"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    try:
        person = a.register({"family_name": "Бондаренко", "given_name": "Ганна"})
        old_band, new_band = band_id(person, 1), band_id(person, 2)
        a.record_band(person, old_band)
        a.record_band(person, new_band)  # the first band is void now
        _carry(a, hub, tmp_path / "stick-a")
        _deliver(hub, b)
        # B scans the family's bands: the valid one finds her, the void one warns
        scanned = b.search(format_payload(person, 2))
        assert ([h.person_id for h in scanned.hits], scanned.band_warning) == ([person], None)
        assert b.search(format_payload(person, 1)).band_warning == "scan.band_voided"
        # B records things about her: a note, a household here, a status; A, concurrently, too
        b.add_note(person, "Шукає доньку")
        household = b.create_household()
        b.link_member(person, household, "head")
        b.set_status(person, "departed", transport="bus 12")
        a.set_status(person, "medical_referral", location="Лікарня 3")
        _carry(b, hub, tmp_path / "stick-b")
        _carry(a, hub, tmp_path / "stick-a2")
        seen = hub.person(person)
        assert [n.text for n in seen.notes] == ["Шукає доньку"]
        assert seen.fields["household_id"] == household
        assert sorted(map(str, seen.conflicts["status"])) == ["departed", "medical_referral"]
        assert [(c.person_id, c.field) for c in sync.conflicts(hub)][:1] == [(person, "status")]
        # the next rosters show the conflict at both points, and B's household at A
        _deliver(hub, a)
        _deliver(hub, b)
        for point in (a, b):
            shown = point.person(person)
            assert sorted(map(str, shown.conflicts["status"])) == ["departed", "medical_referral"]
            assert shown.fields["household_id"] == household
        assert a.verify().ok
        assert b.verify().ok
    finally:
        for session in (a, b, hub):
            session.lock()
