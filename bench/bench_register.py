"""Register one person through the service layer (validate, seal, append the event, fold, durable
commit) against a raw sqlite3 durable single-row commit of a row of the same size."""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import people
from fieldreg.services import vault
from fieldreg.services.paths import DataDir

PASSPHRASE = "benchmark passphrase 1"
ROUNDS = 1500


def _raw_commit_median(path: Path, row_bytes: int) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
    payload = os.urandom(row_bytes)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t (body) VALUES (?)", (payload,))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - start)
    connection.close()
    return statistics.median(times)


def run(report: Callable[..., None]) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    with tempfile.TemporaryDirectory() as temp:
        directory = DataDir(Path(temp) / "store")
        vault.init_store(
            directory, point="Bench", operator="Bench", passphrase=PASSPHRASE, prefix="B1"
        )
        session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
        batch = list(people(ROUNDS + 100, seed=11))
        for person in batch[:100]:  # warm up caches and the WAL
            session.register(person)
        times = []
        for person in batch[100:]:
            start = time.perf_counter()
            session.register(person)
            times.append(time.perf_counter() - start)
        row = session._repo.conn.exec_driver_sql(
            "SELECT length(summary)+length(details)+length(meta) FROM people LIMIT 1"
        ).scalar_one()
        event = session._repo.conn.exec_driver_sql(
            "SELECT length(body) FROM events LIMIT 1"
        ).scalar_one()
        session.lock()
        row_bytes = int(row) + int(event)
        raw = _raw_commit_median(Path(temp) / "raw.sqlite", row_bytes)
    median = statistics.median(times)
    report("register one person: median", median * 1000, "≤ 2 ms", median <= 0.002, " ms")
    report(
        f"  raw sqlite3 durable commit ({row_bytes} B row)", raw * 1000, "(baseline)", True, " ms"
    )
    report("  ratio register / raw commit", median / raw, "≤ 5×", median / raw <= 5, "×")
