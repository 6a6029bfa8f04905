"""Merging at the coordinator beyond fields: duplicate marks are reversible (and a concurrent
mark survives an unmark that did not see it), and erasure is honoured, whenever its events arrive.
"""

from __future__ import annotations

from pathlib import Path

from sync_support import Device, Hub

from fieldreg.core.events import EventType
from fieldreg.services import duplicates
from fieldreg.services import sync_service as sync
from fieldreg.services.sync_access import sync_repository


def _import(hub: Hub, tmp_path: Path, *bundles: bytes) -> None:
    for number, data in enumerate(bundles):
        path = tmp_path / f"{len(list(tmp_path.iterdir()))}-{number}.bundle"
        path.write_bytes(data)
        [outcome] = sync.import_bundles(hub.session, [path])
        assert outcome.error is None, outcome.error


def _tail(device: Device, since: int) -> bytes:
    return device.bundle(since + 1, len(device.events))


def test_duplicate_marks_are_reversible_and_add_wins(hub: Hub, tmp_path: Path) -> None:
    first = hub.a.register(family_name="Бойко", given_name="Олена")
    second = hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.event(EventType.MARKED_DUPLICATE, second, {"duplicate_of": first})
    _import(hub, tmp_path, hub.a.bundle())
    assert hub.session.person(second).duplicate_of == [first]
    assert duplicates.marked_duplicates(hub.session) == [duplicates.Mark(second, first)]
    hub.b.learn(hub.a.events)
    done = len(hub.a.events)
    tags = hub.a.states[second].duplicate_of.tags()
    hub.a.event(EventType.DUPLICATE_UNMARKED, second, {"removes": tags})
    _import(hub, tmp_path, _tail(hub.a, done))
    assert hub.session.person(second).duplicate_of == []  # reversed
    assert duplicates.marked_duplicates(hub.session) == []
    # the other point marked them again without having seen the unmark: that mark stays
    hub.b.event(EventType.MARKED_DUPLICATE, second, {"duplicate_of": first})
    _import(hub, tmp_path, hub.b.bundle())
    assert hub.session.person(second).duplicate_of == [first]
    assert duplicates.marked_duplicates(hub.session) == [duplicates.Mark(second, first)]


def test_erasure_is_honoured_whenever_its_events_arrive(hub: Hub, tmp_path: Path) -> None:
    person = hub.a.register(family_name="Заболотнянська", given_name="Євдокія")
    hub.a.event(EventType.NOTE_ADDED, person, {"text": "Інсулінозалежна"})
    hub.b.learn(hub.a.events)
    hub.b.change(person, phone="+380501234567")  # a late edit from another point
    done = len(hub.a.events)
    hub.a.event(EventType.ERASED, person, {})
    _import(hub, tmp_path, hub.a.bundle(1, done))
    assert person in hub.session.people.summaries()
    _import(hub, tmp_path, _tail(hub.a, done))
    assert person not in hub.session.people.summaries()
    assert not hub.session.search("Заболотнянська").hits
    _import(hub, tmp_path, hub.b.bundle())  # arrives after the erasure
    assert person not in hub.session.people.summaries()
    with sync_repository(hub.session) as repo, repo.reading():
        bodies = repo.conn.exec_driver_sql(
            "SELECT count(*) FROM events WHERE subject_id = ? AND body IS NOT NULL", (person,)
        ).scalar_one()
        notes = repo.conn.exec_driver_sql(
            "SELECT count(*) FROM notes WHERE person_id = ? AND body IS NOT NULL", (person,)
        ).scalar_one()
        sealed_meta = repo.conn.exec_driver_sql(
            "SELECT meta FROM people WHERE id = ?", (person,)
        ).scalar_one()
        meta = repo.sealer.open("people", person, "meta", sealed_meta).decode("utf-8")
        state = repo.load_state(person)
    assert (bodies, notes) == (0, 0)
    # The fold state kept to merge later events names no value the person had.
    for value in ("Заболотнянська", "Євдокія", "+380501234567", "Інсулінозалежна"):
        assert value not in meta
    assert state is not None
    assert state.erased
    assert hub.session.verify().ok
