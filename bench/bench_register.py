"""Register one person through the service layer (validate, seal, append the event, fold, durable
commit) against a raw sqlite3 durable single-row commit of a row of the same size."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from bench.gauge import RawCommit, interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.services import vault
from fieldreg.services.paths import DataDir

PASSPHRASE = "benchmark passphrase 1"
ROUNDS = 1500


def run(report: Reporter) -> None:
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
        raw = RawCommit(Path(temp) / "raw.sqlite", row_bytes)
        # Interleaved, so that the shared machine's load falls on both alike.
        pending = iter(batch[100:])
        times, raw_times = interleaved(
            timed(lambda: session.register(next(pending))), raw.once, ROUNDS
        )
        raw.close()
        session.lock()
    report.ratio(
        "register one person (median)",
        statistics.median(times),
        statistics.median(raw_times),
        5,
        " ms",
        baseline_name=f"raw durable commit, {row_bytes} B row",
        scale=1000,
    )
