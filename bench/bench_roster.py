"""The roster (coordinator -> laptops) at 100,000 people and 20 devices: the coordinator writes a
full roster for every device and a delta of 1,000 changed people; a laptop applies the full
roster and the delta; a laptop holding 100,000 roster people unlocks; the full file's size.

Each time sits beside a physical floor measured interleaved in the same run: writing the same
files' bytes durably (write), inserting the same people rows with plain sqlite3 in one durable
transaction (apply), selecting and opening the same sealed summaries (unlock, as bench_unlock).
The network passphrase's KDF (about a second, once per `roster export`) is outside the write
figures. The stores are built once and kept in bench/out/ (ignored by git).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_unlock import _raw_open
from bench.gauge import child_figures, interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.crypto import durable_file, network_keys
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import coordinator_network, sync_repository
from fieldreg.sync import enrollment

PASSPHRASE = "benchmark passphrase 1"
NETWORK_PASSPHRASE = "benchmark network passphrase"
# FIELDREG_BENCH_PEOPLE: a smaller roster to profile with (the store of 100,000 takes long to build)
PEOPLE = int(os.environ.get("FIELDREG_BENCH_PEOPLE", "100000"))
DEVICES, CHANGED = 20, 1_000
OUT = Path(__file__).resolve().parent / "out"
STORES = OUT / f"roster-{PEOPLE}-v1"
ROUNDS = 3


def _open(directory: DataDir, *, load: bool = False) -> Session:
    return vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=load)


def build() -> tuple[DataDir, DataDir]:
    """A coordinator holding PEOPLE people with DEVICES enrolled devices, one of them a real
    laptop store (never given a roster)."""
    hub_dir, laptop_dir = DataDir(STORES / "hub"), DataDir(STORES / "laptop")
    marker = STORES / "complete"
    if marker.exists():
        return hub_dir, laptop_dir
    if STORES.exists():
        shutil.rmtree(STORES)
    STORES.mkdir(parents=True)
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    started = time.perf_counter()
    enroll.create_network(
        hub_dir,
        point="Bench hub",
        operator="Bench",
        passphrase=PASSPHRASE,
        network_passphrase=NETWORK_PASSPHRASE,
    )
    vault.init_store(laptop_dir, point="Bench point", operator="Bench", passphrase=PASSPHRASE)
    hub, laptop = _open(hub_dir), _open(laptop_dir)
    try:
        answer = enroll.approve_request(
            hub,
            enroll.enrollment_request(laptop),
            prefix="P1",
            network_passphrase=NETWORK_PASSPHRASE,
        )
        enroll.accept_answer(laptop, answer.answer)
        for number in range(DEVICES - 1):
            request = enrollment.make_request(
                secrets.token_hex(32),
                f"Point {number}",
                f"ZB{number:02d}AA"[:6],
                network_keys.DeviceKeys.generate(),
                1,
            )
            enroll.approve_request(
                hub, request, prefix=f"D{number:02d}", network_passphrase=NETWORK_PASSPHRASE
            )
        batch: list[dict[str, object]] = []
        for person in people(PEOPLE, seed=11):
            batch.append(person)
            if len(batch) == 1000:
                hub.register_batch(batch)
                batch = []
        if batch:
            hub.register_batch(batch)
    finally:
        hub.lock()
        laptop.lock()
    marker.write_text(f"built in {time.perf_counter() - started:.0f} s\n")
    return hub_dir, laptop_dir


def _root(hub: Session) -> bytes:
    with sync_repository(hub) as repo:
        network = coordinator_network(repo)
    root, _escrow = enrollment.unwrap_rare_secrets(network.secrets["rare"], NETWORK_PASSPHRASE)
    return root


def _write(
    hub: Session, root: bytes, folder: Path, devices: list[str] | None, full: bool
) -> list[rosters.WrittenRoster]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    planned = rosters.plan_rosters(hub, devices, full=full)
    return rosters.seal_rosters(hub, folder, planned, root_private=root)


def _durable_copies(files: list[Path], folder: Path) -> float:
    """The floor of writing rosters: the same bytes written to new files, each made durable."""
    contents = [path.read_bytes() for path in files]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    for number, content in enumerate(contents):
        durable_file.write_new_file(folder / f"{number}.bin", content)
    return time.perf_counter() - start


def _people_rows(db: Path, ids: set[str] | None = None) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT id, created_hlc, updated_hlc, summary, details, meta FROM people"
        ).fetchall()
    finally:
        connection.close()
    return rows if ids is None else [r for r in rows if r[0] in ids]


def _raw_insert(rows: list[tuple[object, ...]], folder: Path) -> float:
    """The floor of applying: the same people rows inserted with plain sqlite3 (WAL,
    synchronous=FULL) in one transaction."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    connection = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(
            "CREATE TABLE people (id TEXT PRIMARY KEY, created_hlc INT, updated_hlc INT,"
            " summary BLOB, details BLOB, meta BLOB)"
        )
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _apply(laptop_dir: DataDir, copy: Path, roster: Path) -> float:
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(laptop_dir.root, copy)
    session = _open(DataDir(copy))
    try:
        start = time.perf_counter()
        rosters.import_roster(session, roster)
        return time.perf_counter() - start
    finally:
        session.lock()


def _measure_unlock_in_child() -> None:
    import psutil

    directory = DataDir(Path(sys.argv[2]))
    baseline_first = sys.argv[3] == "baseline-first"
    session = _open(directory, load=False)
    key, key_id = session.data_key, session._sealer.key_id
    raw = _raw_open(directory.db, key, key_id) if baseline_first else 0.0
    start = time.perf_counter()
    session.load()
    elapsed = time.perf_counter() - start
    rss = psutil.Process().memory_info().rss
    raw = raw if baseline_first else _raw_open(directory.db, key, key_id)
    count = len(session.people.summaries())
    print(json.dumps({"seconds": elapsed, "raw": raw, "rss": rss, "people": count}))


def run(report: Reporter) -> None:
    hub_dir, laptop_dir = build()
    with tempfile.TemporaryDirectory(dir=OUT) as temp:
        work = Path(temp)
        hub_copy = DataDir(work / "hub")
        shutil.copytree(hub_dir.root, hub_copy.root)
        hub = _open(hub_copy)
        try:
            root = _root(hub)
            written: list[rosters.WrittenRoster] = []

            def write_full() -> None:
                written[:] = _write(hub, root, work / "full", None, True)

            ours, floor = interleaved(
                timed(write_full),
                lambda: _durable_copies([w.path for w in written] or [], work / "floor"),
                ROUNDS,
            )
            report.compared(
                f"write full rosters: {PEOPLE:,} people x {len(written)} devices",
                statistics.median(ours),
                "≤ 10 s",
                statistics.median(ours) <= 10,
                " s",
                baseline=statistics.median(floor[1:] or floor),
                baseline_name="durable write of the same files",
            )
            mine = next(w for w in written if w.prefix == "P1")
            size_mb = mine.size / 2**20
            report(f"roster file, {PEOPLE:,} people", size_mb, "≤ 15 MB", size_mb <= 15, " MB")
            full_file = work / "laptop-full.roster"
            shutil.copy(mine.path, full_file)

            # the laptop applies the full roster (into a fresh copy of its store each time)
            applied_dir = work / "laptop-applied"
            first = _apply(laptop_dir, applied_dir, full_file)
            rows = _people_rows(DataDir(applied_dir).db)
            ours, floor = interleaved(
                lambda: _apply(laptop_dir, work / "laptop-try", full_file),
                lambda: _raw_insert(rows, work / "floor-apply"),
                ROUNDS - 1,
            )
            ours.append(first)
            report.compared(
                f"laptop applies a full roster of {PEOPLE:,}",
                statistics.median(ours),
                "≤ 10 s",
                statistics.median(ours) <= 10,
                " s",
                baseline=statistics.median(floor),
                baseline_name="sqlite3 insert of the same rows",
            )

            # a delta: the laptop acknowledges, the hub changes 1,000 people
            laptop = _open(DataDir(applied_dir))
            try:
                laptop.register({"family_name": "Бойко", "given_name": "Олена"})
                stick = work / "stick"
                stick.mkdir()
                exported = sync.export_bundles(laptop, stick)
            finally:
                laptop.lock()
            for outcome in sync.import_bundles(hub, [e.path for e in exported]):
                assert outcome.error is None
            hub.load()  # opened without its people (the write figures need none): now they are
            changed = sorted(hub.people)[:: PEOPLE // CHANGED][:CHANGED]
            assert len(changed) == CHANGED, len(changed)
            for person_id in changed:
                hub.set_status(person_id, "departed", transport="Автобус 12")
            delta_files: list[rosters.WrittenRoster] = []

            def write_delta() -> None:
                delta_files[:] = _write(hub, root, work / "delta", ["P1"], False)

            ours, floor = interleaved(
                timed(write_delta),
                lambda: _durable_copies([w.path for w in delta_files], work / "floor-delta"),
                ROUNDS,
            )
            assert delta_files[0].people <= CHANGED + 1, delta_files[0].people
            report.compared(
                f"write a delta of {delta_files[0].people:,} changed people",
                statistics.median(ours),
                "≤ 1 s",
                statistics.median(ours) <= 1,
                " s",
                baseline=statistics.median(floor[1:] or floor),
                baseline_name="durable write of the same file",
            )
            delta_file = work / "laptop-delta.roster"
            shutil.copy(delta_files[0].path, delta_file)
        finally:
            hub.lock()

        wanted = set(changed)
        rows = [r for r in _people_rows(DataDir(applied_dir).db) if r[0] in wanted]
        ours, floor = interleaved(
            lambda: _apply(DataDir(applied_dir), work / "delta-try", delta_file),
            lambda: _raw_insert(rows, work / "floor-delta-apply"),
            ROUNDS,
        )
        report.compared(
            f"laptop applies a delta of {len(rows):,}",
            statistics.median(ours),
            "≤ 0.5 s",
            statistics.median(ours) <= 0.5,
            " s",
            baseline=statistics.median(floor),
            baseline_name="sqlite3 insert of the same rows",
        )

        figures = [
            child_figures(
                "bench.bench_roster",
                str(applied_dir),
                "baseline-first" if number % 2 == 0 else "baseline-after",
            )
            for number in range(ROUNDS)
        ]
        seconds = statistics.median(f["seconds"] for f in figures)
        report.compared(
            f"unlock with {figures[0]['people']:,} roster people (no KDF)",
            seconds,
            "≤ 1.5 s",
            seconds <= 1.5,
            " s",
            baseline=statistics.median(f["raw"] for f in figures),
            baseline_name="raw SELECT + AES-GCM open",
        )
        rss_mb = statistics.median(f["rss"] for f in figures) / 2**20
        report("  resident memory after unlock", rss_mb, "≤ 400 MB", rss_mb <= 400, " MB")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        _measure_unlock_in_child()
    else:
        build()
