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


class _RawCommit:
    """The baseline: one durable single-row commit with plain sqlite3 (WAL, synchronous=FULL)."""

    def __init__(self, path: Path, row_bytes: int) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=FULL")
        self.connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
        self.payload = os.urandom(row_bytes)

    def once(self) -> float:
        start = time.perf_counter()
        self.connection.execute("BEGIN")
        self.connection.execute("INSERT INTO t (body) VALUES (?)", (self.payload,))
        self.connection.execute("COMMIT")
        return time.perf_counter() - start


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
        row = session._repo.conn.exec_driver_sql(  # the real row size
            "SELECT length(summary)+length(details)+length(meta) FROM people LIMIT 1"
        ).scalar_one()
        event = session._repo.conn.exec_driver_sql(
            "SELECT length(body) FROM events LIMIT 1"
        ).scalar_one()
        session._repo.conn.rollback()
        row_bytes = int(row) + int(event)
        raw = _RawCommit(Path(temp) / "raw.sqlite", row_bytes)
        # Interleaved, so that the shared machine's load falls on both alike.
        times, raw_times = [], []
        for person in batch[100:]:
            raw_times.append(raw.once())
            start = time.perf_counter()
            session.register(person)
            times.append(time.perf_counter() - start)
        raw.connection.close()
        session.lock()
    median, raw_median = statistics.median(times), statistics.median(raw_times)
    report("register one person: median", median * 1000, "≤ 2 ms", median <= 0.002, " ms")
    report(
        f"  raw sqlite3 durable commit ({row_bytes} B row)",
        raw_median * 1000,
        "(baseline, same run)",
        True,
        " ms",
    )
    ratio = median / raw_median
    report("  ratio register / raw commit", ratio, "≤ 5×", ratio <= 5, "×")
