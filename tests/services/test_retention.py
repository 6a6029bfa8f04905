"""Retention on a laptop: a person who left this point more than N days ago, and whose events the
coordinator has all acknowledged, is purged; the Purged event stays in the log, a later scan
says the record moved to the coordinator, and a roster that carries them brings them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.core.events import EventType
from fieldreg.core.messages import MESSAGES
from fieldreg.services import erasure, retention, vault
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import purge
from tests.conftest import PASSPHRASE, TODAY
from tests.sync.sync_support import create_coordinator, new_laptop, open_store

DAY = retention.DAY_MS
START = int(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC).timestamp() * 1000)


@dataclass
class Clock:
    now: int = START

    def __call__(self) -> int:
        return self.now


@dataclass
class Point:
    hub: Session
    laptop: Session
    clock: Clock
    stick: Path


@pytest.fixture
def point(tmp_path: Path) -> Iterator[Point]:
    hub_dir = create_coordinator(tmp_path / "hub")
    laptop_dir = new_laptop(tmp_path / "laptop", hub_dir, "K7")
    clock = Clock()
    laptop = vault.open_session(
        laptop_dir, operator=None, passphrase=PASSPHRASE, now_ms=clock, today=lambda: TODAY
    )
    hub = open_store(hub_dir)
    stick = tmp_path / "stick"
    stick.mkdir()
    yield Point(hub, laptop, clock, stick)
    for session in (hub, laptop):
        if not session.locked:
            session.lock()


def _send(point: Point) -> None:
    exported = sync.export_bundles(point.laptop, point.stick)
    for outcome in sync.import_bundles(point.hub, [e.path for e in exported]):
        assert outcome.error is None


def _roster(point: Point) -> rosters.RosterApplied:
    """The coordinator's next roster for the laptop, applied (its receipts acknowledge)."""
    [plan] = [p for p in rosters.plan_rosters(point.hub) if p.device_id == point.laptop.device_id]
    return rosters.apply_payload(
        point.laptop,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=rosters.now_ms(),
        expires_ms=rosters.now_ms() + rosters.VALID_MS,
    )


def _set_days(session: Session, days: int) -> None:
    """What the roster apply records from the roster's `settings.retention_days`."""
    with sync_repository(session) as repo, repo.transaction():
        retention.store_days(repo, days)


def _departed(point: Point, family: str) -> str:
    person = point.laptop.register({"family_name": family, "given_name": "Оксана"})
    point.laptop.set_status(person, "departed", transport="Автобус 12")
    return person


def test_nobody_is_due_without_the_setting(point: Point) -> None:
    _departed(point, "Бондар")
    _send(point)
    _roster(point)
    assert retention.retention_due(point.laptop, now_ms=START + 400 * DAY) == []


def test_due_only_when_acknowledged_left_and_older_than_n_days(point: Point) -> None:
    _set_days(point.laptop, 30)
    departed = _departed(point, "Бондар")
    staying = point.laptop.register({"family_name": "Коваль", "given_name": "Петро"})
    point.laptop.set_status(staying, "waiting")
    later = START + 31 * DAY
    # left 31 days ago, but the coordinator has not acknowledged the events yet
    assert retention.retention_due(point.laptop, now_ms=later) == []
    _send(point)
    assert retention.retention_due(point.laptop, now_ms=later) == []  # no receipt came back
    _roster(point)
    assert retention.retention_due(point.laptop, now_ms=START + 29 * DAY) == []  # too early
    assert [d.person_id for d in retention.retention_due(point.laptop, now_ms=later)] == [departed]
    # a note written after the acknowledgement: not all of their events are at the hub now
    point.laptop.add_note(departed, "Поїхала до Львова")
    assert retention.retention_due(point.laptop, now_ms=later) == []


def test_run_purges_records_the_event_and_a_scan_says_moved(point: Point) -> None:
    _set_days(point.laptop, 30)
    departed = _departed(point, "Бондар")
    staying = point.laptop.register({"family_name": "Коваль", "given_name": "Петро"})
    _send(point)
    _roster(point)
    purged = retention.run_retention(point.laptop, now_ms=START + 31 * DAY)
    assert [d.person_id for d in purged] == [departed]
    assert point.laptop.search("Бондар").hits == []
    assert point.laptop.search(departed).id_error == "id.unknown"
    notice = erasure.tombstone_notice(point.laptop, departed)
    assert notice == "person.moved"
    assert "moved to the coordinator" in MESSAGES[notice]
    assert point.laptop.person(staying).fields["family_name"] == "Коваль"
    with sync_repository(point.laptop) as repo, repo.reading():
        history = repo.events_for(departed)  # what is left readable: the Purged event
        assert purge.tombstone(repo, departed) is not None
    assert [(e.type, dict(e.payload)) for e in history] == [
        (EventType.PURGED, {"reason": "retention"})
    ]
    assert point.laptop.verify().ok
    # the Purged event syncs; at the coordinator it is history only, nothing is erased there
    _send(point)
    assert point.hub.person(departed).fields["family_name"] == "Бондар"
    kinds = [h.type for h in point.hub.history(departed)]
    assert kinds[-1] == EventType.PURGED.value


def test_a_later_roster_brings_a_purged_person_back(point: Point) -> None:
    _set_days(point.laptop, 30)
    departed = _departed(point, "Бондар")
    _send(point)
    _roster(point)
    retention.run_retention(point.laptop, now_ms=START + 31 * DAY)
    _send(point)
    # the person returns through another point: the coordinator changes them, a roster follows
    point.hub.set_status(departed, "arrived", location="Спортзал")
    _roster(point)
    back = point.laptop.person(departed)
    assert back.fields["family_name"] == "Бондар"
    assert back.fields["status"] == "arrived"
    assert erasure.tombstone_notice(point.laptop, departed) is None


def test_retention_days_are_checked(point: Point) -> None:
    with pytest.raises(FieldregError) as caught:
        retention.set_retention_days(point.hub, 0)
    assert caught.value.code == "retention.bad_days"
    assert retention.set_retention_days(point.hub, 90) == 90
    with pytest.raises(FieldregError) as caught:
        retention.set_retention_days(point.laptop, 90)
    assert caught.value.code == "sync.not_coordinator"


def test_a_roster_copy_of_someone_who_never_came_here_is_not_due(point: Point) -> None:
    _set_days(point.laptop, 30)
    elsewhere = point.hub.register({"family_name": "Левченко", "given_name": "Ганна"})
    point.hub.set_status(elsewhere, "departed", transport="Потяг 7")
    _roster(point)
    assert point.laptop.person(elsewhere).fields["status"] == "departed"
    assert retention.retention_due(point.laptop, now_ms=rosters.now_ms() + 400 * DAY) == []
