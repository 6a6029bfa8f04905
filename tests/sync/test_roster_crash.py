"""Killing a roster's apply with SIGKILL at random moments leaves the laptop with the old roster
or the new one, never a mix: the applied version and the people it brought always agree."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_support import Template, copy_store, new_laptop, open_store

from fieldreg.core.events import EventType
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE

KILLS = 30
PEOPLE = 1500


def _payload(hub: Session, laptop_id: str) -> rosters.PlannedRoster:
    [plan] = [p for p in rosters.plan_rosters(hub) if p.device_id == laptop_id]
    return plan


def _apply(session: Session, plan: rosters.PlannedRoster) -> None:
    now = rosters.now_ms()
    rosters.apply_payload(
        session,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=now,
        expires_ms=now + rosters.VALID_MS,
    )


def _state(directory: DataDir) -> tuple[int, int, set[int]]:
    """(applied version, people from elsewhere, versions that carried them) read as SQL."""
    connection = sqlite3.connect(f"file:{directory.db}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        [(version,)] = connection.execute("SELECT version FROM roster_applied").fetchall()
        people = connection.execute("SELECT count(*) FROM people").fetchone()[0]
        carried = {v for (v,) in connection.execute("SELECT DISTINCT version FROM roster_people")}
        return version, people, carried
    finally:
        connection.close()


@pytest.mark.slow
def test_sigkill_during_roster_apply_leaves_old_or_new_roster(
    hub_template: Template, tmp_path: Path
) -> None:
    hub_dir = copy_store(hub_template.directory, tmp_path / "hub")
    laptop_dir = new_laptop(tmp_path / "laptop", hub_dir, "Q2")
    device = hub_template.fresh_devices()[0]
    people = [
        device.register(family_name="Бойко", given_name="Олена" + "н" * (n % 7))
        for n in range(PEOPLE)
    ]
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "1.bundle").write_bytes(device.bundle())
    hub, laptop = open_store(hub_dir), open_store(laptop_dir)
    try:
        assert [o.error for o in sync.import_bundles(hub, [stick / "1.bundle"])] == [None]
        old = _payload(hub, laptop.device_id)
        first = len(device.events) + 1
        for person in people:
            device.change(person, EventType.STATUS_CHANGED, status="departed")
        for person in people[: PEOPLE // 3]:
            device.event(EventType.NOTE_ADDED, person, {"text": "Виїхала"})
        extra = [device.register(family_name="Мельник", given_name="Іван") for _ in range(200)]
        (stick / "2.bundle").write_bytes(device.bundle(first))
        assert [o.error for o in sync.import_bundles(hub, [stick / "2.bundle"])] == [None]
        new = _payload(hub, laptop.device_id)
        _apply(laptop, old)
    finally:
        hub.lock()
        laptop.lock()
    payload = tmp_path / "new.payload"
    payload.write_bytes(new.payload)
    old_state = _state(laptop_dir)
    assert old_state == (old.version, PEOPLE, {old.version})
    new_state = (new.version, PEOPLE + len(extra), {new.version})

    command = [sys.executable, str(Path(__file__).with_name("roster_crash_worker.py"))]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def start(store: DataDir) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [*command, str(store.root), PASSPHRASE, str(payload), str(new.version)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        return process

    # How long an apply takes on this machine now: the kills land within that span, however
    # fast or loaded the machine is.
    probe = start(copy_store(laptop_dir, tmp_path / "probe"))
    started = time.monotonic()
    output, _ = probe.communicate(timeout=120)
    span = time.monotonic() - started
    assert "done" in output.split()
    rng = random.Random(20261202)
    target = copy_store(laptop_dir, tmp_path / "try-0")
    kills = rounds = 0
    while kills < KILLS:
        rounds += 1
        assert rounds < 4 * KILLS, "the worker finished too often to be killed mid-apply"
        process = start(target)
        time.sleep(rng.uniform(0.0, 0.9 * span))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=60)
        state = _state(target)
        assert state in (old_state, new_state)
        if "done" in output.split() or state == new_state:
            target = copy_store(laptop_dir, tmp_path / f"try-{rounds}")
        if "done" not in output.split():
            kills += 1
    # an interrupted laptop applies the roster as if nothing had happened
    finished = open_store(target)
    try:
        _apply(finished, new)
        assert finished.person(people[0]).fields["status"] == "departed"
        assert finished.person(extra[-1]).fields["family_name"] == "Мельник"
        assert finished.verify().ok
    finally:
        finished.lock()
    assert _state(target) == new_state
