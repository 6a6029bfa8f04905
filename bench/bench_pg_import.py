"""The coordinator's store on PostgreSQL: import 1,000,000 events in 500 bundles (target ≤ 90 s)
into a throwaway local server, and the same bundles into SQLite in the same run for comparison.

The bundles are made as bench_sync makes its own (five enrolled devices, `_device_events`,
`export.build_bundle`), in shuffled order so that bundles after a gap wait in the hold. The
PostgreSQL store is the same coordinator store as the SQLite one, its rows copied table by
table (the sealed values bind table, row and column, not the database, so they open there). The
server runs with its durable defaults (fsync on, synchronous_commit on), as SQLite runs with
synchronous=FULL. One round each: a round moves a million events (FIELDREG_BENCH_PG_EVENTS
sets fewer, in multiples of 10,000, for a quicker proxy; the target scales with them).

Without PostgreSQL's server binaries (Debian: apt-get install postgresql) it says so and
measures nothing; under CI=true that is an error, as a skipped test is.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine

from bench.bench_sync import PASSPHRASE, _coordinator, _device_events
from bench.reporting import Reporter
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine, sqlite_url
from fieldreg.store.schema import metadata
from fieldreg.sync import export
from tests.pg_support import NO_SERVER, running_cluster, server_bin

PER_BUNDLE = 2_000
# A smaller run for a quick look (e.g. FIELDREG_BENCH_PG_EVENTS=200000): the same bundles' size,
# fewer of them, and the target scaled to the events (the is 90 s for 1,000,000).
EVENTS = int(os.environ.get("FIELDREG_BENCH_PG_EVENTS", "1000000")) // 10_000 * 10_000 or 10_000
BUNDLES = EVENTS // PER_BUNDLE
TARGET_S = 90.0 * EVENTS / 1_000_000


def _bundles(devices: list[tuple[str, export.Identity]], stick: Path) -> list[Path]:
    rng = random.Random(20261202)
    stick.mkdir()
    paths = []
    per_device = EVENTS // len(devices)
    for device_id, identity in devices:
        events = _device_events(device_id, identity.prefix, per_device, rng)
        for start in range(0, per_device, PER_BUNDLE):
            data, header = export.build_bundle(events[start : start + PER_BUNDLE], identity, 1)
            path = stick / f"{identity.prefix}-{header.first:07d}.bundle"
            path.write_bytes(data)
            paths.append(path)
        del events
    rng.shuffle(paths)
    return paths


def _copy_rows(source: Engine, target: Engine) -> None:
    """Every row of the (small, just enrolled) coordinator store into an empty migrated one."""
    with source.connect() as reading, target.begin() as writing:
        for table in metadata.sorted_tables:
            rows = [dict(row._mapping) for row in reading.execute(table.select())]
            if rows:
                writing.execute(table.insert(), rows)


def _import(directory: DataDir, paths: list[Path]) -> float:
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        start = time.perf_counter()
        outcomes = sync.import_bundles(session, paths, workers=1)
        elapsed = time.perf_counter() - start
        assert all(o.error is None for o in outcomes)
        applied = sum(o.result.applied for o in outcomes if o.result)
        assert applied == EVENTS, applied
        assert sync.held(session) == []
    finally:
        session.lock()
    return elapsed


def run(report: Reporter) -> None:
    bin_dir = server_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            raise RuntimeError(NO_SERVER)
        print(f"  skipped: {NO_SERVER}", flush=True)
        return
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    with tempfile.TemporaryDirectory() as temp, running_cluster(bin_dir) as cluster:
        root = Path(temp)
        empty, devices = _coordinator(root)
        started = time.perf_counter()
        paths = _bundles(devices, root / "stick")
        print(f"  ({BUNDLES} bundles made in {time.perf_counter() - started:.0f} s)", flush=True)

        url = cluster.url(cluster.create_database())
        on_server = DataDir(root / "pg-workstation", url)
        shutil.copytree(empty.root, on_server.root)
        on_server.db.unlink()
        source, target = make_engine(sqlite_url(empty.db)), make_engine(url)
        try:
            migrate.upgrade(target, db_path=None, backup_dir=None)
            _copy_rows(source, target)
        finally:
            source.dispose()
            target.dispose()
        on_file = DataDir(root / "sqlite-coordinator")
        shutil.copytree(empty.root, on_file.root)

        postgresql = _import(on_server, paths)
        sqlite = _import(on_file, paths)
    name = f"import {EVENTS:,} events in {BUNDLES} bundles"
    report(f"{name}, PostgreSQL", postgresql, f"≤ {TARGET_S:g} s", postgresql <= TARGET_S, " s")
    report(f"{name}, SQLite", sqlite, "(comparison, same run)", True, " s")
    report("  PostgreSQL / SQLite", postgresql / sqlite, "(ratio)", True, "×")
    report("  PostgreSQL import rate", EVENTS / postgresql, "(events/s)", True, "/s")
