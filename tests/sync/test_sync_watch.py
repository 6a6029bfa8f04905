"""The folder transport (`fieldreg sync watch DIR`): a laptop's bundles appear in DIR/outbox, a
coordinator imports what lands in DIR/inbox once each, and a file still being copied is left
alone until it is whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faker import Faker
from sync_support import NETWORK_PASSPHRASE, create_coordinator, new_laptop, open_store

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.kdf import minimum_params
from fieldreg.services import enrollment_service, sync_service, vault
from fieldreg.services.folder_watch import PARTIAL_GRACE_S, FolderWatch
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE


def register(directory: DataDir, count: int) -> None:
    session = open_store(directory)
    fake = Faker("uk_UA")
    try:
        for _ in range(count):
            session.register({"family_name": fake.last_name(), "given_name": fake.first_name()})
    finally:
        session.lock()


@pytest.fixture
def stores(tmp_path: Path) -> tuple[DataDir, DataDir]:
    coordinator = create_coordinator(tmp_path / "hub")
    laptop = new_laptop(tmp_path / "laptop", coordinator, "K7")
    register(laptop, 4)
    return coordinator, laptop


def laptop_bundle(laptop: DataDir, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    session = open_store(laptop)
    try:
        [written] = FolderWatch(session, folder).poll().exported
    finally:
        session.lock()
    return written


def applied_up_to(coordinator: DataDir) -> int:
    session = open_store(coordinator)
    try:
        [device] = enrollment_service.devices(session)
        return device.last_seq
    finally:
        session.lock()


def test_a_laptop_writes_new_bundles_to_the_outbox_once(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    _, laptop = stores
    folder = tmp_path / "shared"
    written = laptop_bundle(laptop, folder)
    assert written.parent == folder / "outbox"
    session = open_store(laptop)
    try:
        again = FolderWatch(session, folder).poll()
    finally:
        session.lock()
    assert again.exported == []
    assert sorted(p.name for p in (folder / "outbox").iterdir()) == [written.name]


def test_the_coordinator_imports_each_inbox_bundle_once(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    written = laptop_bundle(laptop, tmp_path / "laptop_side")
    folder = tmp_path / "hub_side"
    folder.mkdir()
    session = open_store(coordinator)
    try:
        watch = FolderWatch(session, folder)
        shutil.copy(written, folder / "inbox" / written.name)
        first = watch.poll()  # seen for the first time: it may still be growing
        second = watch.poll()
        third = watch.poll()
        after_restart = FolderWatch(session, folder)
        after_restart.poll()
        fourth = after_restart.poll()
    finally:
        session.lock()
    assert (first.imported, first.waiting) == ([], 1)
    assert [o.applied for o in second.imported] == [True]
    assert third.imported == []
    assert fourth.imported == []
    assert applied_up_to(coordinator) == 4


def test_a_file_still_being_copied_is_left_until_it_is_complete(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    data = laptop_bundle(laptop, tmp_path / "laptop_side").read_bytes()
    folder = tmp_path / "hub_side"
    folder.mkdir()
    target = folder / "inbox" / "fieldreg-K7-copying.bundle"
    session = open_store(coordinator)
    try:
        watch = FolderWatch(session, folder)
        target.write_bytes(data[: len(data) // 2])
        stalled = [watch.poll(), watch.poll(), watch.poll()]  # the copy paused half-way
        with target.open("ab") as rest:
            rest.write(data[len(data) // 2 :])
        os.utime(target, ns=(time.time_ns(), time.time_ns() + 1_000_000))
        grown = watch.poll()
        whole = watch.poll()
        quarantined = sync_service.quarantined(session)
    finally:
        session.lock()
    assert all(p.imported == [] and p.waiting == 1 for p in stalled)
    assert grown.imported == []
    assert [o.applied for o in whole.imported] == [True]
    assert quarantined == []


def test_a_copy_that_stays_truncated_goes_to_quarantine_in_the_end(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    data = laptop_bundle(laptop, tmp_path / "laptop_side").read_bytes()
    folder = tmp_path / "hub_side"
    folder.mkdir()
    later = time.time() + PARTIAL_GRACE_S + 1
    session = open_store(coordinator)
    try:
        watch = FolderWatch(session, folder, clock=lambda: later)
        (folder / "inbox" / "fieldreg-K7-broken.bundle").write_bytes(data[:100])
        watch.poll()
        outcome = watch.poll()
        quarantined = sync_service.quarantined(session)
    finally:
        session.lock()
    assert [o.applied for o in outcome.imported] == [False]
    assert len(quarantined) == 1
    assert applied_up_to(coordinator) == 0


def test_a_store_outside_any_network_cannot_watch(tmp_path: Path) -> None:
    directory = DataDir(tmp_path / "alone")
    vault.init_store(
        directory, point="Пункт", operator="Оксана", passphrase=PASSPHRASE, kdf=minimum_params()
    )
    session = open_store(directory)
    try:
        with pytest.raises(FieldregError) as caught:
            FolderWatch(session, tmp_path)
    finally:
        session.lock()
    assert caught.value.code == "sync.not_enrolled"


def test_sync_watch_runs_until_ctrl_c_and_exits_0(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    _, laptop = stores
    folder = tmp_path / "shared"
    folder.mkdir()
    env = {**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "fieldreg", "sync", "watch", str(folder)]
    process = subprocess.Popen(
        [*command, "--interval", "0.2", "--data-dir", str(laptop.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()  # the first poll wrote the bundle
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert "outbox" in first_line
    assert first_line.strip().endswith("written")
    assert process.returncode == 0
    assert "Stopped." in err
    assert "Traceback" not in err


def test_a_roster_comes_back_through_the_folder(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    written = laptop_bundle(laptop, tmp_path / "laptop_side")
    hub_side = tmp_path / "hub_side"
    hub_side.mkdir()
    session = open_store(coordinator)
    try:
        watch = FolderWatch(session, hub_side, network_passphrase=NETWORK_PASSPHRASE)
        shutil.copy(written, hub_side / "inbox" / written.name)
        watch.poll()
        [roster] = watch.poll().rosters_written
    finally:
        session.lock()
    assert roster.parent == hub_side / "outbox"
    laptop_side = tmp_path / "laptop_side"
    shutil.copy(roster, laptop_side / "inbox" / roster.name)
    session = open_store(laptop)
    try:
        watch = FolderWatch(session, laptop_side)
        first, second, third = watch.poll(), watch.poll(), watch.poll()
    finally:
        session.lock()
    assert first.rosters_applied == []  # seen once: it may still be arriving
    assert [r.version for r in second.rosters_applied] == [1]
    assert second.rosters_refused == []
    assert third.rosters_applied == []  # handled once
