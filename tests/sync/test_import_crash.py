"""Killing an import with SIGKILL at random moments leaves each bundle applied entirely or not at
all: after every kill the database passes `integrity_check`, every device's log ends exactly at a
bundle boundary with a receipt for each bundle in it, and in the end the store is the same as one
that was never interrupted."""

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
from sync_support import PG_TOO, Template, copy_store, open_store

from fieldreg.core.events import EventType
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE
from tests.pg_support import Query, pg_query

KILLS = 30
PG_KILLS = 8  # each kill on PostgreSQL also costs a server-side rollback: fewer, same checks
BUNDLE_EVENTS = 150


def _make_bundles(template: Template, folder: Path) -> tuple[list[Path], dict[str, set[int]]]:
    rng = random.Random(7)
    folder.mkdir()
    paths: list[Path] = []
    boundaries: dict[str, set[int]] = {}
    for device in template.fresh_devices()[:2]:
        people: list[str] = []
        for number in range(12 * BUNDLE_EVENTS):
            if not people or rng.random() < 0.4:
                people.append(
                    device.register(family_name="Бойко", given_name=f"Олена{'н' * (number % 7)}")
                )
            elif rng.random() < 0.5:
                device.change(rng.choice(people), EventType.STATUS_CHANGED, status="waiting")
            else:
                device.event(EventType.NOTE_ADDED, rng.choice(people), {"text": f"№{number}"})
        boundaries[device.device_id] = {0}
        for first in range(1, len(device.events) + 1, BUNDLE_EVENTS):
            last = first + BUNDLE_EVENTS - 1
            path = folder / f"{device.prefix}-{first:05d}.bundle"
            path.write_bytes(device.bundle(first, last))
            paths.append(path)
            boundaries[device.device_id].add(last)
    rng.shuffle(paths)  # out of order: bundles wait in the hold and are released mid-import
    return paths, boundaries


def _check_consistent(directory: DataDir, boundaries: dict[str, set[int]]) -> None:
    if directory.store_url is not None:
        # A server checks its own pages; what matters here is what the rows say.
        with pg_query(directory.store_url) as query:
            _check_rows(query, boundaries)
        return
    connection = sqlite3.connect(f"file:{directory.db}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        _check_rows(
            lambda sql, params: connection.execute(sql.replace("%s", "?"), params).fetchall(),
            boundaries,
        )
    finally:
        connection.close()


def _check_rows(query: Query, boundaries: dict[str, set[int]]) -> None:
    for device_id, ends in boundaries.items():
        rows = query("SELECT last_seq FROM devices WHERE device_id = %s", (device_id,))
        last_seq = rows[0][0] if rows else 0
        assert last_seq in ends
        events = query(
            "SELECT count(*), coalesce(max(seq), 0) FROM events WHERE device_id = %s",
            (device_id,),
        )
        assert tuple(events[0]) == (last_seq, last_seq)
        receipts = query(
            "SELECT first_seq, last_seq FROM sync_receipts WHERE device_id = %s ORDER BY first_seq",
            (device_id,),
        )
        covered = [seq for first, last in receipts for seq in range(first, last + 1)]
        assert covered == list(range(1, last_seq + 1))


@pytest.mark.slow
@PG_TOO
@pytest.mark.parametrize(
    "together",
    [
        pytest.param([], id="one-file-per-import"),
        # All files in one import, committed about every 2 bundles: kills land inside a batch
        # (its savepoints) and between batches.
        pytest.param(["--together", str(2 * BUNDLE_EVENTS)], id="batches-of-bundles"),
    ],
)
def test_sigkill_during_import_leaves_each_bundle_all_or_nothing(
    hub_template: Template, tmp_path: Path, together: list[str], store_backend: str
) -> None:
    wanted = KILLS if store_backend == "sqlite" else PG_KILLS
    paths, boundaries = _make_bundles(hub_template, tmp_path / "stick")
    worker = Path(__file__).with_name("import_crash_worker.py")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rng = random.Random(20261124)
    directory = copy_store(hub_template.directory, tmp_path / "hub")
    kills = rounds = 0
    while kills < wanted:
        rounds += 1
        assert rounds < 4 * wanted, "the worker finished too often to be killed mid-import"
        process = subprocess.Popen(
            [
                sys.executable,
                str(worker),
                str(directory.root),
                PASSPHRASE,
                *(["--store", directory.store_url] if directory.store_url else []),
                *together,
                *map(str, paths),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.5))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=60)
        _check_consistent(directory, boundaries)
        if "done" in output.split():
            # everything was in before the kill: start again from an empty hub
            directory = copy_store(hub_template.directory, tmp_path / f"hub-{rounds}")
        else:
            kills += 1
    # finish the interrupted store and compare it with one that was never interrupted
    finished, reference = (
        open_store(directory),
        open_store(copy_store(hub_template.directory, tmp_path / "reference")),
    )
    try:
        for session in (finished, reference):
            outcomes = sync.import_bundles(session, paths)
            assert all(o.error is None for o in outcomes)
            report = session.verify()
            assert report.integrity == "ok"
            assert report.problems == []
        assert sync.held(finished) == []
        assert sync.state_digest(finished) == sync.state_digest(reference)
    finally:
        finished.lock()
        reference.lock()
