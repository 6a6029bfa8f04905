"""Two laptops register and edit overlapping people, export to sticks, and the coordinator imports
both, sees the conflict and resolves it; the result is the same whichever stick arrives first."""

from __future__ import annotations

from pathlib import Path

from sync_support import copy_store, create_coordinator, new_laptop, open_store

from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.sync import export
from fieldreg.sync.apply import apply_events


def _roster_from(source: Session, target: Session) -> None:
    """Until rosters exist (coordinator -> laptops, a later issue), give the second laptop the
    first one's events the way a roster will: applied with the importer's own step."""
    with sync_repository(source) as repo, repo.reading():
        device = repo.device(source.device_id)
        assert device is not None
        events = export.read_events(repo, source.device_id, 1, device.last_seq)
    with sync_repository(target) as repo, repo.transaction():
        repo.add_device(source.device_id, source.prefix)
        changed = apply_events(repo, events).people
    target.refresh(changed)


def _export(session: Session, stick: Path) -> list[Path]:
    stick.mkdir()
    return [e.path for e in sync.export_bundles(session, stick)]


def test_two_laptops_one_conflict_same_result_in_either_order(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    school = open_store(new_laptop(tmp_path / "school", coordinator, "K7", point="Школа 5"))
    station = open_store(new_laptop(tmp_path / "station", coordinator, "M3", point="Вокзал"))
    try:
        shared = school.register(
            {
                "family_name": "Шевченко",
                "given_name": "Марія",
                "dob": "1950",
                "phone": "+380501111111",
            }
        )
        school.register({"family_name": "Коваль", "given_name": "Петро"}, new_household=True)
        _roster_from(school, station)
        assert station.person(shared).fields["family_name"] == "Шевченко"
        # the same person, edited at both points before either bundle reached the hub
        school.update(shared, {"phone": "+380502222222"})
        school.set_status(shared, "waiting", note="Чекає на автобус")
        station.update(shared, {"phone": "+380503333333", "origin_settlement": "Куп'янськ"})
        station.add_note(shared, "Шукає сина")
        own = station.register({"family_name": "Ткаченко", "given_name": "Іван"})
        sticks = {"school": _export(school, tmp_path / "stick-school")}
        sticks["station"] = _export(station, tmp_path / "stick-station")
    finally:
        school.lock()
        station.lock()

    results = {}
    for order in (("school", "station"), ("station", "school")):
        hub = open_store(copy_store(coordinator, tmp_path / f"hub-{order[0]}-first"))
        try:
            for stick in order:
                for path in sticks[stick]:
                    [outcome] = sync.import_bundles(hub, [_copy(path, tmp_path / order[0])])
                    assert outcome.error is None
            conflicts = sync.conflicts(hub)
            assert [(c.person_id, c.field) for c in conflicts] == [(shared, "phone")]
            assert sorted(conflicts[0].values) == ["+380502222222", "+380503333333"]
            person = hub.person(shared)
            assert person.fields["status"] == "waiting"
            assert person.fields["origin_settlement"] == "Куп'янськ"
            assert sorted(n.text for n in person.notes) == ["Чекає на автобус", "Шукає сина"]
            assert hub.search("Ткаченко").hits[0].person_id == own
            results[order] = sync.state_digest(hub)
            # the coordinator keeps the station's number
            if order[0] == "school":
                pick = conflicts[0].values.index("+380503333333")
                sync.resolve_conflict(hub, shared, "phone", pick=pick)
            else:  # typed in rather than picked: the same outcome
                sync.resolve_conflict(hub, shared, "phone", value="+380 50 333 33 33")
            assert sync.conflicts(hub) == []
            assert hub.person(shared).fields["phone"] == "+380503333333"
            assert hub.person(shared).conflicts == {}
            assert hub.verify().ok
        finally:
            hub.lock()
    assert len(set(results.values())) == 1


def _copy(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    target.write_bytes(path.read_bytes())
    return target
