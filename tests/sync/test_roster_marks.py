"""Which people a delta roster carries comes from the marks the triggers on `people` leave
(migration 0012), not from reading and hashing every sealed state at each batch: a delta after a
status change, a new registration and an import carries exactly those people, and a batch after
the first reads no state it does not send. A store whose marks predate the triggers (upgraded
from 0011) still gets every change in its first batch; a laptop keeps no marks at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.roster_store import TRACKING_KEY, RosterStore
from fieldreg.store.schema import metadata
from fieldreg.sync import roster_content
from tests.pg_support import Cluster

NAMES = ("Олена", "Іван", "Марія", "Петро", "Ганна", "Юрій")


def _deliver(hub: Session, laptop: Session) -> rosters.PlannedRoster:
    [plan] = [p for p in rosters.plan_rosters(hub) if p.device_id == laptop.device_id]
    rosters.apply_payload(
        laptop,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=rosters.now_ms(),
        expires_ms=rosters.now_ms() + rosters.VALID_MS,
    )
    return plan


def _carry(source: Session, hub: Session, stick: Path) -> None:
    stick.mkdir(exist_ok=True)
    paths = [e.path for e in sync.export_bundles(source, stick)]
    for outcome in sync.import_bundles(hub, paths):
        assert outcome.error is None


def _acknowledge(hub: Session, laptop: Session, version: int) -> None:
    """What the laptop's next bundle header tells the coordinator."""
    with sync_repository(hub) as repo, repo.transaction():
        RosterStore(repo).acknowledge(laptop.device_id, version)


def _carried(plan: rosters.PlannedRoster) -> set[str]:
    return {p.person_id for p in roster_content.parse(plan.payload).people}


def _no_full_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a batch after the first read every sealed state")

    monkeypatch.setattr(RosterStore, "people_fingerprints", refuse)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_delta_carries_exactly_the_people_changed_without_reading_everyone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, backend: str
) -> None:
    store_url = None
    if backend == "postgresql":  # the triggers are written per dialect (migration 0012)
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        store_url = cluster.url(cluster.create_database())
    coordinator = create_coordinator(tmp_path / "hub", store_url)
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    try:
        people = [a.register({"family_name": "Коваленко", "given_name": n}) for n in NAMES]
        _carry(a, hub, tmp_path / "stick-1")
        first = _deliver(hub, a)
        assert first.base == 0
        assert _carried(first) == set(people)
        _acknowledge(hub, a, first.version)

        hub.set_status(people[2], "departed", transport="Автобус 12")  # at the coordinator
        newcomer = b.register({"family_name": "Бондар", "given_name": "Олег"})
        b.set_status(
            b.register({"family_name": "Ткач", "given_name": "Ніна"}),
            "departed",
            transport="Автобус 3",
        )
        _carry(b, hub, tmp_path / "stick-b")  # an import: two people new to the coordinator
        others = {p for p in hub.people if p not in people and p != newcomer}

        _no_full_read(monkeypatch)
        delta = _deliver(hub, a)
        assert delta.base == first.version
        assert _carried(delta) == {people[2], newcomer} | others
        assert a.person(people[2]).fields["status"] == "departed"
        assert a.person(newcomer).fields["family_name"] == "Бондар"

        _acknowledge(hub, a, delta.version)
        nothing = _deliver(hub, a)  # nobody changed since: an empty delta
        assert nothing.base == delta.version
        assert _carried(nothing) == set()
    finally:
        a.lock()
        b.lock()
        hub.lock()


def test_the_first_batch_after_the_upgrade_still_finds_every_change(tmp_path: Path) -> None:
    """A coordinator whose last batch predates the triggers (its marks are hashes only): the
    next batch compares hashes once, then follows the triggers."""
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7"))
    hub = open_store(coordinator)
    try:
        people = [a.register({"family_name": "Шевчук", "given_name": n}) for n in NAMES[:4]]
        _carry(a, hub, tmp_path / "stick-1")
        first = _deliver(hub, a)
        _acknowledge(hub, a, first.version)
        with sync_repository(hub) as repo, repo.transaction():
            store = RosterStore(repo)
            marks = store.change_marks()
            assert {p: v for p, (v, _f) in marks.items()} == dict.fromkeys(people, first.version)
            # as 0011 left it: no tracking, and a change the triggers did not see
            repo.conn.execute(
                metadata.tables["store_settings"]
                .delete()
                .where(metadata.tables["store_settings"].c.key == TRACKING_KEY)
            )
        hub.set_status(people[1], "departed", transport="Автобус 3")
        with sync_repository(hub) as repo, repo.transaction():
            changes = metadata.tables["roster_changes"]
            repo.conn.execute(changes.update().values(version=first.version))
        delta = _deliver(hub, a)
        assert delta.base == first.version
        assert _carried(delta) == {people[1]}
        with sync_repository(hub) as repo, repo.reading():
            assert RosterStore(repo).tracking()
    finally:
        a.lock()
        hub.lock()


def test_a_laptop_keeps_no_marks(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    try:
        person = a.register({"family_name": "Мельник", "given_name": "Ганна"})
        _carry(a, hub, tmp_path / "stick")
        _deliver(hub, b)
        b.set_status(person, "departed", transport="Автобус 3")
        for laptop in (a, b):
            with sync_repository(laptop) as repo, repo.reading():
                assert RosterStore(repo).change_marks() == {}
                assert not RosterStore(repo).tracking()
    finally:
        a.lock()
        b.lock()
        hub.lock()
