"""A person purged here by retention and brought back by a roster: the events this laptop keeps
of them without a body (what its log's chain needs) never show as history rows, `verify` (the
session's and `fieldreg verify`) stays clean, and what is recorded about them afterwards is
their history here and syncs like any other change."""

from __future__ import annotations

import pytest

from fieldreg.core.events import EventType
from fieldreg.services import retention
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import purge
from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE
from tests.services.test_retention import (
    DAY,
    START,
    Point,
    _departed,
    _roster,
    _send,
    _set_days,
    point,
)

__all__ = ["point"]  # the fixture


def _purged_then_back(point: Point) -> str:
    _set_days(point.laptop, 30)
    person = _departed(point, "Бондар")
    point.laptop.add_note(person, "Чекає на автобус до Львова")
    _send(point)
    _roster(point)
    assert [
        d.person_id for d in retention.run_retention(point.laptop, now_ms=START + 31 * DAY)
    ] == [person]
    _send(point)
    point.hub.set_status(person, "arrived", location="Спортзал")  # back through another point
    _roster(point)
    return person


def test_history_after_the_return_has_no_bodiless_rows(point: Point) -> None:
    person = _purged_then_back(point)
    history = point.laptop.history(person)
    assert [h.type for h in history] == [EventType.PURGED.value]
    assert point.laptop.person(person).notes == []  # the purged note does not come back
    point.laptop.set_status(person, "departed", transport="Автобус 7")
    point.laptop.add_note(person, "Повернулася по документи")
    history = point.laptop.history(person)
    assert [h.type for h in history][-2:] == [
        EventType.STATUS_CHANGED.value,
        EventType.NOTE_ADDED.value,
    ]
    assert all(h.type == EventType.PURGED.value or h.changes for h in history)
    assert [n.text for n in point.laptop.person(person).notes] == ["Повернулася по документи"]


def test_verify_is_clean_after_the_return_here_and_at_the_coordinator(
    point: Point, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = _purged_then_back(point)
    report = point.laptop.verify()
    assert report.ok, report.problems
    point.laptop.set_status(person, "departed", transport="Автобус 7")
    assert point.laptop.verify().ok
    _send(point)
    assert point.hub.person(person).fields["status_transport"] == "Автобус 7"
    assert point.hub.verify().ok
    with sync_repository(point.laptop) as repo, repo.reading():
        assert purge.tombstone(repo, person) is not None  # why the old bodies are gone
    directory = point.laptop.data_dir.root
    point.laptop.lock()
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    done = cli(directory, "verify")
    assert done.code == 0, done.err
