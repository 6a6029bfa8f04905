"""verify on a store that holds another device's log too (what a roster or an import brings):
the other log is checked and anchored like this device's own, and its counter and prefix, which
this store never uses, are not held against it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.sync import export
from fieldreg.sync.apply import apply_events
from tests.conftest import PASSPHRASE, TODAY


def _store(path: Path, prefix: str) -> Session:
    directory = DataDir(path)
    vault.init_store(
        directory, point="Пункт", operator="Оксана", passphrase=PASSPHRASE, prefix=prefix
    )
    return vault.open_session(directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY)


def _copy_log(source: Session, target: Session) -> None:
    """The source's whole log applied to the target with the importer's own steps."""
    with sync_repository(source) as repo, repo.reading():
        device = repo.device(source.device_id)
        assert device is not None
        events = export.read_events(repo, source.device_id, 1, device.last_seq)
    with sync_repository(target) as repo, repo.transaction():
        repo.add_device(source.device_id, source.prefix)
        changed = apply_events(repo, events).people
        copied = repo.device(source.device_id)
        assert copied is not None
        copied.last_seq, copied.head, copied.last_hlc = (
            device.last_seq,
            device.head,
            device.last_hlc,
        )
        assert repo.save_device(copied, expected=(0, 1))
    target.refresh(changed)


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    school, station = _store(tmp_path / "school", "K7"), _store(tmp_path / "station", "M3")
    school.register({"family_name": "Шевченко", "given_name": "Марія"}, new_household=True)
    school.register({"family_name": "Коваль", "given_name": "Петро"})
    _copy_log(school, station)
    station.register({"family_name": "Ткаченко", "given_name": "Іван"})  # anchors both logs
    yield school, station
    for session in (school, station):
        if not session.locked:
            session.lock()


def test_a_store_with_another_devices_log_verifies(station: tuple[Session, Session]) -> None:
    _school, hub = station
    report = hub.verify()
    assert report.ok, report.problems
    assert report.events == 5


def test_the_other_devices_deleted_row_is_named(station: tuple[Session, Session]) -> None:
    school, hub = station
    hub.lock()
    with sqlite3.connect(hub.data_dir.db) as db:
        db.execute("DELETE FROM devices WHERE device_id = ?", (school.device_id,))
    again = vault.open_session(hub.data_dir, operator=None, passphrase=PASSPHRASE)
    try:
        report = again.verify()
    finally:
        again.lock()
    assert ("verify.device_row_missing", {"device": school.device_id[:12]}) in report.problems


def test_the_other_devices_log_cut_short_is_found(station: tuple[Session, Session]) -> None:
    school, hub = station
    hub.lock()
    with sqlite3.connect(hub.data_dir.db) as db:
        db.execute("DELETE FROM events WHERE device_id = ? AND seq = 4", (school.device_id,))
        db.execute(
            "UPDATE devices SET last_seq = 3,"
            " head = (SELECT event_id FROM events WHERE device_id = ? AND seq = 3),"
            " last_hlc = (SELECT hlc FROM events WHERE device_id = ? AND seq = 3)"
            " WHERE device_id = ?",
            (school.device_id, school.device_id, school.device_id),
        )
    again = vault.open_session(hub.data_dir, operator=None, passphrase=PASSPHRASE)
    try:
        report = again.verify()
    finally:
        again.lock()
    assert (
        "verify.truncated",
        {"device": school.device_id[:12], "seq": 3, "anchored": 4},
    ) in report.problems
