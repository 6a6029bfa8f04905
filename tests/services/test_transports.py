"""Transports as synced data: planned with an id minted like a household's, people assigned with
seats and unassigned, boarding recorded only when right; all of it as events that reach the
coordinator through a bundle and merge there whatever order the bundles arrive in."""

from __future__ import annotations

import itertools
import json
import secrets
from pathlib import Path
from typing import Any

import pytest

from fieldreg.core import ids
from fieldreg.core.errors import FieldregError, NotFoundError, ValidationError
from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import (
    TransportState,
    apply_transport,
    transport_from_json,
    transport_to_json,
)
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.services.transports import BoardingOutcome
from fieldreg.store.transports import load_transport
from fieldreg.sync.event_schema import check_event
from tests.sync.sync_support import copy_store, create_coordinator, new_laptop, open_store

BUS = {
    "kind": "bus",
    "name": "Автобус 3",
    "route": "Харків — Полтава — Ужгород",
    "border_crossing": "Ужгород — Вишнє Нємецьке",
    "departure": "2026-12-03 07:30",
    "receiving_party": "Slovak Red Cross",
    "capacity": "50",
}


def _person(session: Session, family: str, given: str, **more: Any) -> str:
    return session.register({"family_name": family, "given_name": given, **more})


def test_a_planned_transport_gets_an_id_like_a_household_and_keeps_its_fields(
    session: Any,
) -> None:
    transports = session.transports()
    transport_id = transports.plan(BUS)
    assert ids.parse_id(transport_id).prefix == "K7"  # minted from this device's counter
    person = _person(session, "Бойко", "Олена")
    assert ids.parse_id(person).counter > ids.parse_id(transport_id).counter  # never reused
    view = transports.get(transport_id)
    assert view.fields["name"] == "Автобус 3"
    assert view.fields["departure"] == "2026-12-03 07:30"
    assert transports.edit(transport_id, {"route": "Харків — Чоп", "name": "Автобус 3"}) == [
        "route"
    ]
    assert transports.get(transport_id).fields["route"] == "Харків — Чоп"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("05.12.2026 08:00", "2026-12-05 08:00"),  # day first, as every date at the desk
        ("5.12.2026 8:00", "2026-12-05 08:00"),
        ("05.12.2026", "2026-12-05"),
        ("2026-12-05 08:00", "2026-12-05 08:00"),  # as stored
    ],
)
def test_a_departure_is_typed_day_first_or_as_stored(session: Any, typed: str, stored: str) -> None:
    transports = session.transports()
    bus = transports.plan({**BUS, "departure": typed})
    assert transports.get(bus).fields["departure"] == stored


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("departure", "завтра вранці", "transport.departure_format"),
        ("departure", "2026-02-30 10:00", "transport.departure_format"),
        ("departure", "30.02.2026 10:00", "transport.departure_format"),
        ("departure", "05.12.2026 25:00", "transport.departure_format"),
        ("departure", "12/05/2026 08:00", "transport.departure_format"),  # month first: refused
        ("capacity", "0", "transport.capacity"),
        ("capacity", "п'ять", "transport.capacity"),
        ("kind", "ship", "validation.choice"),
        ("name", "  ", "validation.required"),
    ],
)
def test_bad_transport_fields_are_refused_naming_the_field(
    session: Any, field: str, value: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        session.transports().plan({**BUS, field: value})
    assert (caught.value.field, caught.value.code) == (field, code)
    assert session.transports().all() == []


def test_assigning_seats_unassigning_and_a_new_version_for_each_change(session: Any) -> None:
    transports = session.transports()
    bus = transports.plan(BUS)
    anna, petro = _person(session, "Мельник", "Анна"), _person(session, "Коваль", "Петро")
    assert transports.get(bus).version == 0
    transports.assign(bus, [anna, petro], {anna: "12"})
    view = transports.get(bus)
    assert [(p.person_id, p.seat) for p in view.passengers] == [(anna, "12"), (petro, None)]
    assert view.version == 2
    transports.assign(bus, [petro], {petro: "3a"})
    assert transports.get(bus).passenger(petro).seat == "3A"  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as caught:
        transports.assign(bus, [petro], {petro: "12"})
    assert caught.value.code == "transport.seat_taken"
    transports.unassign(bus, [anna])
    view = transports.get(bus)
    assert [p.person_id for p in view.passengers] == [petro]
    assert view.version == 4
    with pytest.raises(FieldregError) as refused:
        transports.unassign(bus, [anna])
    assert refused.value.code == "transport.not_assigned"


def test_a_household_is_assigned_at_once(session: Any) -> None:
    [head, child] = session.register_batch(
        [
            {"family_name": "Ткаченко", "given_name": "Ірина"},
            {"family_name": "Ткаченко", "given_name": "Іван", "dob": "2019"},
        ],
        relationships=["head", "child"],
        new_household=True,
    )
    household = session.person(head).fields["household_id"]
    transports = session.transports()
    bus = transports.plan(BUS)
    assert sorted(transports.assign_household(bus, household)) == sorted([head, child])


def test_capacity_is_kept(session: Any) -> None:
    transports = session.transports()
    car = transports.plan({"name": "Мікроавтобус", "capacity": "1"})
    transports.assign(car, [_person(session, "Бойко", "Олена")])
    with pytest.raises(FieldregError) as caught:
        transports.assign(car, [_person(session, "Бойко", "Ігор")])
    assert caught.value.code == "transport.full"
    assert len(transports.get(car).passengers) == 1


def test_an_unknown_transport_is_not_found(session: Any) -> None:
    with pytest.raises(NotFoundError) as caught:
        session.transports().get("K7-0042-X")
    assert caught.value.code in {"transport.not_found", "id.bad_check"}


def test_boarding_records_only_the_right_person_once(session: Any) -> None:
    transports = session.transports()
    bus, other = transports.plan(BUS), transports.plan({**BUS, "name": "Автобус 4"})
    on_list = _person(session, "Шевченко", "Марія")
    elsewhere = _person(session, "Гончар", "Тарас")
    stays = _person(session, "Лисенко", "Віра", wishes_evacuation="no")
    transports.assign(bus, [on_list, stays], {on_list: "7"})
    transports.assign(other, [elsewhere])
    version = transports.get(bus).version

    first = transports.board_scan(bus, on_list)
    assert (first.outcome, first.seat) == (BoardingOutcome.BOARDED, "7")
    assert "Шевченко Марія" in first.name
    boarded_fields = session.person(on_list).fields  # their status says where they went
    assert boarded_fields["status"] == "departed"
    assert boarded_fields["status_transport"] == f"Автобус 3 ({bus})"
    assert session.person(elsewhere).fields.get("status") != "departed"
    again = transports.board_scan(bus, on_list)
    assert again.outcome is BoardingOutcome.ALREADY_BOARDED
    stranger = transports.board_scan(bus, elsewhere)
    assert stranger.outcome is BoardingOutcome.NOT_ON_MANIFEST
    assert stranger.other_transports == ("Автобус 4",)
    unknown = transports.board_scan(bus, "FR1:НІЩО")
    assert unknown.outcome is BoardingOutcome.UNKNOWN_CODE
    asked = transports.board_scan(bus, stays)
    assert asked.outcome is BoardingOutcome.DOES_NOT_WISH
    view = transports.get(bus)
    assert view.version == version + 1  # one boarding recorded, nothing else
    assert {p.person_id for p in view.passengers if p.boarded} == {on_list}
    assert not any(p.boarded for p in transports.get(other).passengers)
    confirmed = transports.board_scan(bus, stays, confirmed=True)
    assert confirmed.outcome is BoardingOutcome.BOARDED
    assert {p.person_id for p in transports.get(bus).passengers if p.boarded} == {on_list, stays}


def test_a_voided_band_is_said_and_nothing_recorded(session: Any) -> None:
    transports = session.transports()
    bus = transports.plan(BUS)
    person = _person(session, "Павленко", "Ганна")
    transports.assign(bus, [person])
    session.record_band(person, f"{person}/1")
    session.record_band(person, f"{person}/2")  # the first is voided by the reprint
    result = transports.board_scan(bus, f"FR1:{person}/1")
    assert result.outcome is BoardingOutcome.VOIDED_BAND
    assert not transports.get(bus).passengers[0].boarded
    assert transports.board_scan(bus, f"FR1:{person}/2").outcome is BoardingOutcome.BOARDED


def test_the_store_keeps_transports_sealed(session: Any) -> None:
    transports = session.transports()
    bus = transports.plan(BUS)
    with sync_repository(session) as repo, repo.reading():
        row = repo.conn.exec_driver_sql(
            "SELECT id, state FROM transports WHERE id = ?", (bus,)
        ).one()
        state = load_transport(repo, bus)
    assert row[0] == bus
    assert "Автобус".encode() not in row[1]
    assert b"Slovak" not in row[1]
    assert state is not None
    assert state.values()["name"] == "Автобус 3"
    assert session.verify().ok


# --- through bundles to the coordinator ----------------------------------------------------------


def _export(session: Session, stick: Path) -> list[Path]:
    stick.mkdir()
    return [e.path for e in sync.export_bundles(session, stick)]


def test_transports_reach_the_coordinator_and_merge_in_either_order(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    school = open_store(new_laptop(tmp_path / "school", coordinator, "K7"))
    station = open_store(new_laptop(tmp_path / "station", coordinator, "M3", point="Вокзал"))
    try:
        bus = school.transports().plan(BUS)
        anna = _person(school, "Мельник", "Анна")
        school.transports().assign(bus, [anna], {anna: "1"})
        school.transports().board_scan(bus, anna)
        # the other point's own transport, and its people
        train = station.transports().plan({"kind": "train", "name": "Поїзд 62"})
        ivan = _person(station, "Гнатюк", "Іван")
        station.transports().assign(train, [ivan], {ivan: "14"})
        station.transports().unassign(train, [ivan])
        station.transports().assign(train, [ivan], {ivan: "15"})
        sticks = [_export(school, tmp_path / "s1"), _export(station, tmp_path / "s2")]
    finally:
        school.lock()
        station.lock()
    seen = []
    for number, order in enumerate((sticks, sticks[::-1])):
        hub = open_store(copy_store(coordinator, tmp_path / f"hub-{number}"))
        try:
            for stick in order:
                for path in stick:
                    [outcome] = sync.import_bundles(hub, [path])
                    assert outcome.error is None
            # a repeated bundle changes nothing
            [again] = sync.import_bundles(hub, [sticks[0][0]])
            assert again.error is None
            views = {t.transport_id: t for t in hub.transports().all()}
            assert set(views) == {bus, train}
            assert views[bus].fields == {**BUS}
            assert [
                (p.person_id, p.seat, p.boarded is not None) for p in views[bus].passengers
            ] == [(anna, "1", True)]
            assert [(p.person_id, p.seat) for p in views[train].passengers] == [(ivan, "15")]
            assert views[train].version == 3
            assert hub.verify().ok
            seen.append(
                [(t.transport_id, t.fields, t.passengers, t.version) for t in views.values()]
            )
        finally:
            hub.lock()
    assert seen[0] == seen[1]


def test_concurrent_assignments_merge_the_same_in_any_order() -> None:
    """An unassignment removes only the assignment it saw: a seat given meanwhile at another
    point stays (add-wins, as a household link); every order of the events folds alike."""
    school, station = Device("a" * 64), Device("b" * 64)
    bus = "K7-0003-W"
    planned = school.event(EventType.TRANSPORT_PLANNED, bus, {"fields": {"name": "Автобус 3"}})
    station.learn([planned])
    first = school.event(
        EventType.PASSENGER_ASSIGNED, bus, {"person_id": ANNA, "seat": "1", "removes": []}
    )
    station.learn([first])
    # the school takes Anna off; meanwhile the station gives her seat 2 (not having seen it)
    off = school.event(
        EventType.PASSENGER_UNASSIGNED, bus, {"person_id": ANNA, "removes": [first.event_id]}
    )
    moved = station.event(
        EventType.PASSENGER_ASSIGNED,
        bus,
        {"person_id": ANNA, "seat": "2", "removes": [first.event_id]},
    )
    renamed = station.event(
        EventType.TRANSPORT_CHANGED,
        bus,
        {"fields": {"name": "Автобус 3А"}, "base": {"name": [planned.event_id]}},
    )
    boarded = school.event(EventType.PASSENGER_BOARDED, bus, {"person_id": ANNA})
    events = [planned, first, off, moved, renamed, boarded]
    states = set()
    for order in itertools.permutations(events):
        state = TransportState(bus)
        for event in (*order, *order[:2]):  # repeated events change nothing
            apply_transport(state, event)
        states.add(json.dumps(transport_to_json(state), sort_keys=True))
        assert state.seats() == {ANNA: "2"}
        assert state.values() == {"name": "Автобус 3А"}
        assert state.version == 4
    assert len(states) == 1
    restored = transport_from_json(bus, json.loads(states.pop()))
    assert restored.seats() == {ANNA: "2"}
    assert ANNA in restored.boarded


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"fields": {"name": "Автобус", "colour": "red"}}, "field_unknown"),
        ({"fields": {"name": "Автобус", "departure": "tomorrow"}}, "departure"),
        ({"fields": {"name": "Автобус", "capacity": "-3"}}, "capacity"),
        ({"fields": {"name": "Автобус\u202e"}}, "name"),
        ({"fields": {"name": "Автобус"}, "extra": 1}, "payload_keys"),
    ],
)
def test_the_coordinator_refuses_transport_events_the_application_cannot_write(
    payload: dict[str, Any], reason: str
) -> None:
    event = Device("c" * 64).event(EventType.TRANSPORT_PLANNED, "K7-0003-W", payload)
    with pytest.raises(FieldregError) as caught:
        check_event(event)
    assert (caught.value.code, caught.value.params["reason"]) == ("bundle.event_invalid", reason)


def test_the_coordinator_accepts_every_transport_event_the_application_writes(
    session: Any,
) -> None:
    transports = session.transports()
    bus = transports.plan(BUS)
    person = _person(session, "Бойко", "Олена")
    transports.edit(bus, {"route": "Харків — Чоп"})
    transports.assign(bus, [person], {person: "4"})
    transports.board_scan(bus, person)
    transports.unassign(bus, [person])
    events = _transport_events(session, bus)
    assert len(events) == 5
    for event in events:
        check_event(event)


ANNA = "K7-0004-R"


class Device:
    """Events written directly, as another point's laptop would (clocks a tick apart)."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id
        self.events: list[Event] = []
        self.clock = 1_795_000_000_000 << 16

    def learn(self, events: list[Event]) -> None:
        self.clock = max(self.clock, *(e.hlc for e in events))

    def event(self, kind: EventType, subject: str, payload: dict[str, Any]) -> Event:
        self.clock += 1 << 16
        event = make_event(
            device_id=self.device_id,
            seq=len(self.events) + 1,
            hlc=self.clock,
            operator_id="0f" * 16,
            type=kind,
            subject_id=subject,
            payload=payload,
            prev=self.events[-1].event_id if self.events else "",
            salt=secrets.token_hex(16),
        )
        self.events.append(event)
        return event


def _transport_events(session: Session, transport_id: str) -> list[Any]:
    with sync_repository(session) as repo, repo.reading():
        return repo.events_for(transport_id)


def test_verify_names_a_transport_whose_stored_state_is_not_its_events(session: Any) -> None:
    transports = session.transports()
    bus = transports.plan(BUS)
    other = transports.plan({**BUS, "name": "Автобус 4"})
    person = _person(session, "Бойко", "Олена")
    transports.assign(bus, [person])
    assert session.verify().ok
    with sync_repository(session) as repo, repo.transaction():
        # the other transport's (validly sealed) state copied over this one's: it opens, but
        # it is not what this transport's events fold to
        sealed = repo.conn.exec_driver_sql(
            "SELECT state FROM transports WHERE id = ?", (other,)
        ).scalar_one()
        repo.conn.exec_driver_sql("UPDATE transports SET state = ? WHERE id = ?", (sealed, bus))
    problems = session.verify().problems
    assert ("verify.transport_mismatch", {"transport": bus}) in problems
    with sync_repository(session) as repo, repo.transaction():
        repo.conn.exec_driver_sql("DELETE FROM transports WHERE id = ?", (other,))
    assert ("verify.transport_missing", {"transport": other}) in session.verify().problems
