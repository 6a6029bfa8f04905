"""What another process writes to the store reaches an open session (Session.catch_up): a second
writer's registrations and changes, the command line in a process of its own, bundles another
coordinator workstation imports; the session's own saves and imports are not reloaded again."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE
from tests.pg_support import Cluster, pg_cluster
from tests.sync.sync_support import create_coordinator, new_laptop, open_store

__all__ = ["pg_cluster"]


@pytest.fixture
def other(session: Session, data_dir: Path) -> Iterator[Session]:
    """A second writer on the same store, with a connection of its own."""
    second = open_store(DataDir(data_dir))
    yield second
    second.lock()


def _found(session: Session, query: str) -> list[str]:
    return [hit.person_id for hit in session.search(query).hits]


def test_another_writers_registration_and_change_are_seen_once(
    session: Session, other: Session
) -> None:
    assert session.catch_up() == []
    person = other.register({"family_name": "Ковальчук", "given_name": "Ярина", "dob": "1990"})
    assert _found(session, "Ковальчук Ярина") == []  # not yet looked
    assert session.catch_up() == [person]
    assert _found(session, "Ковальчук Ярина") == [person]
    assert session.people.stats(session.today()).total == 1
    assert session.catch_up() == []  # seen once
    other.set_status(person, "waiting")
    assert session.people.summary(person)["status"] == "arrived"  # type: ignore[index]
    assert session.catch_up() == [person]
    assert session.people.summary(person)["status"] == "waiting"  # type: ignore[index]


def test_the_sessions_own_saves_are_not_reloaded_again(session: Session, other: Session) -> None:
    mine = session.register({"family_name": "Мельник", "given_name": "Ганна"})
    session.set_status(mine, "waiting")
    assert session.catch_up() == []
    theirs = other.register({"family_name": "Бойко", "given_name": "Петро"})
    session.add_note(mine, "Чекає автобус")
    # Their write came between: the log no longer continues where this session saw it, so the
    # stretch is read again (the session's own person too, harmlessly); then all is seen.
    assert session.catch_up() == sorted([mine, theirs])
    assert session.catch_up() == []


def test_the_command_line_in_a_process_of_its_own_is_seen(session: Session, data_dir: Path) -> None:
    environment = {**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "fieldreg", "register", "--family", "Гнатюк", "--given", "Олеся",
         "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    person = done.stdout.strip()
    assert session.catch_up() == [person]
    assert _found(session, "Гнатюк Олеся") == [person]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_bundles_another_workstation_imports_are_seen_and_the_sessions_own_import_is_not(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    store_url = None
    if backend == "postgresql":  # two coordinator workstations on one server
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        store_url = cluster.url(cluster.create_database())
    coordinator = create_coordinator(tmp_path / "hub", store_url)
    laptop = open_store(new_laptop(tmp_path / "laptop", coordinator, "K7"))
    desk, workstation = open_store(coordinator), open_store(coordinator)
    try:
        first = laptop.register({"family_name": "Шевченко", "given_name": "Марія"})
        stick = tmp_path / "stick"
        stick.mkdir()
        paths = [e.path for e in sync.export_bundles(laptop, stick)]
        assert all(o.applied for o in sync.import_bundles(workstation, paths))
        assert desk.catch_up() == [first]
        assert _found(desk, "Шевченко Марія") == [first]
        second = laptop.register({"family_name": "Шевченко", "given_name": "Олег"})
        (tmp_path / "stick-2").mkdir()
        more = [e.path for e in sync.export_bundles(laptop, tmp_path / "stick-2")]
        assert all(o.applied for o in sync.import_bundles(desk, more))
        assert _found(desk, "Шевченко Олег") == [second]  # the import showed them itself
        assert desk.catch_up() == []  # and they are not read a second time
        assert workstation.catch_up() == [second]
    finally:
        for opened in (laptop, desk, workstation):
            opened.lock()


def test_many_changed_elsewhere_are_read_again_at_once(
    session: Session, other: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond the limit, every summary is read again (one pass) rather than each state."""
    monkeypatch.setattr("fieldreg.services.session.REFRESH_LIMIT", 2)
    loads: list[int] = []
    read_all = session.load
    monkeypatch.setattr(session, "load", lambda *a, **k: (loads.append(1), read_all(*a, **k)))
    few = other.register_batch([{"family_name": "Мельник", "given_name": "Ганна"}] * 2)
    assert session.catch_up() == sorted(few)
    assert loads == []
    many = other.register_batch([{"family_name": "Бойко", "given_name": n} for n in "АБВ"])
    assert session.catch_up() == sorted(many)
    assert loads == [1]
    assert sorted(session.people) == sorted(few + many)
    assert session.catch_up() == []
