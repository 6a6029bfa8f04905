"""Several coordinator workstations importing into one PostgreSQL store at once: each bundle is
applied exactly once, by the database's own keys and the device's locked mark, and the merged
store is the one a single importer makes. A racer that loses reports "already applied"."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import PG_TOO, Device, Hub, Template, copy_store, open_store

from fieldreg.core.events import EventType
from fieldreg.crypto.encoding import strict_b64decode
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.sync_access import coordinator_network, now_ms
from fieldreg.store.engine import make_engine
from fieldreg.store.repository import DeviceState, Repository, event_row
from fieldreg.store.sync_store import SyncStore, WrittenMeanwhile, refusing_second_copies
from fieldreg.sync.importer import Importer, Outcome
from tests.conftest import PASSPHRASE
from tests.pg_support import pg_query

BUNDLES = 50
EVENTS_PER_BUNDLE = 20
ON_POSTGRESQL = pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)


def _bundle_files(devices: list[Device], folder: Path) -> list[Path]:
    """50 bundles from three devices that also write about each other's people."""
    rng = random.Random(15)
    folder.mkdir()
    people: list[str] = []
    for _ in range(BUNDLES * EVENTS_PER_BUNDLE):
        device = rng.choice(devices)
        device.learn([e for d in devices if d is not device for e in d.events])
        if not people or rng.random() < 0.3:
            people.append(
                device.register(family_name="Коваль", given_name="Ія" + "н" * rng.randrange(9))
            )
        elif rng.random() < 0.5:
            device.change(rng.choice(people), EventType.STATUS_CHANGED, status="waiting")
        else:
            device.change(rng.choice(people), phone=f"+38050{rng.randrange(10**7):07d}")
    paths: list[Path] = []
    cuts = iter(range(10**6))
    remaining = BUNDLES
    for number, device in enumerate(devices):
        share = remaining if number == len(devices) - 1 else BUNDLES // len(devices)
        remaining -= share
        size = -(-len(device.events) // share)
        for first in range(1, len(device.events) + 1, size):
            path = folder / f"{device.prefix}-{next(cuts):03d}.bundle"
            path.write_bytes(device.bundle(first, first + size - 1))
            paths.append(path)
    assert len(paths) == BUNDLES
    return paths


def _race(workstations: list[DataDir], orders: list[list[Path]]) -> list[list[dict[str, object]]]:
    worker = Path(__file__).with_name("race_worker.py")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    processes = []
    for directory, order in zip(workstations, orders, strict=True):
        assert directory.store_url is not None
        process = subprocess.Popen(
            [
                sys.executable,
                str(worker),
                str(directory.root),
                directory.store_url,
                PASSPHRASE,
                *map(str, order),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        processes.append(process)
    for process in processes:  # both unlocked: now both start
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    reports = []
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0
        lines = output.split("\n")
        assert "done" in lines
        reports.append([json.loads(line) for line in lines if line.startswith("{")])
    return reports


@pytest.mark.slow
@ON_POSTGRESQL
def test_two_importer_processes_apply_each_bundle_once(
    hub_template: Template, tmp_path: Path
) -> None:
    paths = _bundle_files(hub_template.fresh_devices(), tmp_path / "stick")
    reference = open_store(copy_store(hub_template.directory, tmp_path / "single"))
    try:
        outcomes = sync.import_bundles(reference, paths)
        assert all(o.error is None for o in outcomes)
        single = sync.state_digest(reference)
    finally:
        reference.lock()

    first = copy_store(hub_template.directory, tmp_path / "workstation-1")
    second = DataDir(tmp_path / "workstation-2", first.store_url)  # same server, its own folder
    second.ensure()
    for name in ("keyslots.json",):
        (second.root / name).write_bytes((first.root / name).read_bytes())
    shuffled = list(paths)
    random.Random(7).shuffle(shuffled)  # out of order: holds and releases race too
    reports = _race([first, second], [paths, shuffled])

    applied_by: list[set[str]] = []
    for report in reports:
        assert len(report) == BUNDLES
        assert all(line["error"] is None for line in report), report  # never an error
        assert {line["outcome"] for line in report} <= {"applied", "replay", "held"}
        mine = {str(line["bundle"]) for line in report if line["outcome"] == "applied"}
        mine |= {str(h) for line in report for h in line["released"]}  # type: ignore[attr-defined]
        applied_by.append(mine)
    assert not applied_by[0] & applied_by[1], "a bundle was applied by both workstations"
    assert len(applied_by[0] | applied_by[1]) == BUNDLES

    assert first.store_url is not None
    with pg_query(first.store_url) as query:
        assert query("SELECT count(*), count(DISTINCT bundle_hash) FROM sync_receipts", ()) == [
            (BUNDLES, BUNDLES)
        ]
        assert query("SELECT count(*) FROM sync_held_bundles", ()) == [(0,)]
        marks = query(
            "SELECT d.last_seq, count(e.seq), coalesce(max(e.seq), 0) FROM devices d"
            " JOIN events e ON e.device_id = d.device_id GROUP BY d.device_id, d.last_seq",
            (),
        )
        assert all(last == count == top for last, count, top in marks)
    raced = open_store(first)
    try:
        assert sync.state_digest(raced) == single
        assert not (first.root / "quarantine").exists() or not any(
            (first.root / "quarantine").iterdir()
        )
    finally:
        raced.lock()


@pytest.fixture
def second_workstation(hub: Hub) -> Iterator[Importer]:
    """An importer on a connection of its own to the hub's store, as another workstation has."""
    engine = make_engine(hub.directory.database_url)
    connection = engine.connect()
    try:
        repo = Repository(connection, FieldSealer(hub.session.data_key))
        network = coordinator_network(repo)
        identity = strict_b64decode(network.secrets.get("recipient"), 32)
        assert identity is not None
        yield Importer(repo, network.info, identity, now_ms)
    finally:
        connection.close()
        engine.dispose()


@PG_TOO
def test_the_importer_that_loses_a_race_reports_already_applied(
    hub: Hub, second_workstation: Importer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between reading a device's mark and committing: another workstation applies
    the same bundle in it. The loser rolls back and says "already applied", nothing is
    quarantined and the store holds the events once."""
    for number in range(5):
        hub.a.register(family_name="Мельник", given_name="Ірина" + "н" * number)
    data = hub.a.bundle()
    path = tmp_path / "a.bundle"
    path.write_bytes(data)
    loser = second_workstation
    checked = loser.check(data)
    looks: list[str] = []
    position = loser._position

    def first_look_before_the_winner(device_id: str) -> DeviceState | None:
        looks.append(device_id)
        return None if len(looks) == 1 else position(device_id)  # first: no events yet

    [winner] = sync.import_bundles(hub.session, [path])  # the other workstation, first
    assert winner.applied
    monkeypatch.setattr(loser, "_position", first_look_before_the_winner)
    result = loser.import_checked(checked)
    assert result.outcome is Outcome.REPLAY
    assert len(looks) == 2  # it looked again after its transaction was refused
    with loser.repo.reading():
        assert len(SyncStore(loser.repo).receipts()) == 1
        assert loser.repo.count_events() == 5
    quarantine = hub.directory.quarantine
    assert not (quarantine.exists() and any(quarantine.iterdir()))  # nothing went there


@PG_TOO
def test_the_database_refuses_a_second_copy_of_an_event(
    hub: Hub, second_workstation: Importer, tmp_path: Path
) -> None:
    """Not only the importer's checks: the (device, seq) key itself refuses a second copy."""
    hub.a.register(family_name="Бондар", given_name="Тарас")
    path = tmp_path / "a.bundle"
    path.write_bytes(hub.a.bundle())
    [outcome] = sync.import_bundles(hub.session, [path])
    assert outcome.applied
    repo = second_workstation.repo
    again = event_row(hub.a.events[0], b"sealed elsewhere")
    with pytest.raises(WrittenMeanwhile) as refused, refusing_second_copies(), repo.transaction():
        repo.add_event_rows([again])
    assert refused.value.code == "store.database_locked"
    with repo.reading():
        assert repo.count_events() == 1
