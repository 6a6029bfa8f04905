"""Unlock a store of 100,000 people to a searchable index (passphrase KDF excluded), and the
resident memory afterwards, measured in a fresh process, against the floor of any unlock: the
same sealed rows selected with plain sqlite3 and opened with AES-GCM, in the same process.
The store is built once and kept in bench/out/ (ignored by git): building it takes a while."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import struct
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.gauge import child_figures
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.core.bulk import without_cycle_collection
from fieldreg.crypto.encoding import length_prefixed
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.store import summary_codec

PASSPHRASE = "benchmark passphrase 1"
PEOPLE = 100_000
OUT = Path(__file__).resolve().parent / "out"
# The summary format is part of the name: a store kept from an older build would measure that
# build's format, not this one's.
STORE = OUT / f"store-{PEOPLE}-summary-v{summary_codec.VERSION_2}"
BATCH = 1000
ROUNDS = 5


@contextmanager
def new_store(directory: DataDir, prefix: str) -> Iterator[Session | None]:
    """None when `directory` holds a complete store already (built by an earlier run); else the
    session of a fresh store there, locked when the block ends and marked complete, with its
    build time, only if the block ended without an error."""
    marker = directory.root / "complete"
    if marker.exists():
        yield None
        return
    if directory.root.exists():
        import shutil

        shutil.rmtree(directory.root)
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    vault.init_store(
        directory, point="Bench", operator="Bench", passphrase=PASSPHRASE, prefix=prefix
    )
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    started = time.perf_counter()
    try:
        yield session
    finally:
        session.lock()
    marker.write_text(f"built in {time.perf_counter() - started:.0f} s\n")


def build_store() -> DataDir:
    directory = DataDir(STORE)
    with new_store(directory, "B2") as session:
        if session is not None:
            batch: list[dict[str, object]] = []
            for person in people(PEOPLE, seed=3):
                batch.append(person)
                if len(batch) == BATCH:
                    session.register_batch(batch)
                    batch = []
            if batch:
                session.register_batch(batch)
    return directory


def _raw_open(db: Path, data_key: bytes, key_id: str, *, decode: bool = False) -> float:
    """The baseline: SELECT the same sealed summaries with plain sqlite3 and open each with
    cryptography's AESGCM, the same key and the same associated data (fieldreg.crypto.sealing),
    keeping nothing.

    With `decode`, the floor beside it (information): also each opened summary decoded into
    its mapping by the codec's own one-row decoder, and the mappings kept, which any unlock
    that hands the desk a mapping per person must do; nothing else (no search columns, no
    maps, no index)."""
    aead = AESGCM(data_key)
    head = length_prefixed(b"fieldreg/v1", b"people")
    tail = length_prefixed(b"summary", bytes.fromhex(key_id))
    pack = struct.Struct(">I").pack
    connection = sqlite3.connect(db)
    try:
        start = time.perf_counter()
        rows = connection.execute("SELECT id, summary FROM people WHERE summary IS NOT NULL")
        if not decode:
            for person_id, sealed in rows:
                rid = person_id.encode()
                aead.decrypt(sealed[9:21], sealed[21:], head + pack(len(rid)) + rid + tail)
            return time.perf_counter() - start
        kept = []
        with without_cycle_collection():
            for person_id, sealed in rows:
                rid = person_id.encode()
                plaintext = aead.decrypt(
                    sealed[9:21], sealed[21:], head + pack(len(rid)) + rid + tail
                )
                kept.append(summary_codec.decode_summary(plaintext))
            seconds = time.perf_counter() - start
        del kept
        return seconds
    finally:
        connection.close()


def _measure_in_child() -> None:
    import psutil

    directory = DataDir(Path(sys.argv[2]))
    baseline_first = sys.argv[3] == "baseline-first"
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    key, key_id = session.data_key, session._sealer.key_id
    raw = _raw_open(directory.db, key, key_id) if baseline_first else 0.0
    start = time.perf_counter()
    session.load()
    elapsed = time.perf_counter() - start
    rss = psutil.Process().memory_info().rss
    hits = session.search("Шевченко").hits
    raw = raw if baseline_first else _raw_open(directory.db, key, key_id)
    floor = _raw_open(directory.db, key, key_id, decode=True)  # after both: information
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "raw": raw,
                "floor": floor,
                "rss": rss,
                "people": len(session.people.summaries()),
                "hits": len(hits),
            }
        )
    )


def run(report: Reporter) -> None:
    directory = build_store()
    figures = []
    # Each round in a fresh process (a cold index, an honest resident size), the baseline in the
    # same process just before or just after the unlock, alternately.
    for number in range(ROUNDS):
        order = "baseline-first" if number % 2 == 0 else "baseline-after"
        figures.append(child_figures("bench.bench_unlock", str(directory.root), order))
    people = figures[0]["people"]
    report.ratio(
        f"unlock {people:,} people to index (no KDF)",
        statistics.median(f["seconds"] for f in figures),
        statistics.median(f["raw"] for f in figures),
        3,
        " s",
        baseline_name="raw SELECT + AES-GCM open",
    )
    floor = statistics.median(f["floor"] for f in figures)
    note = f"({floor / statistics.median(f['raw'] for f in figures):.2f}× the raw open: the least)"
    report("  floor: raw open + each summary decoded to a mapping", floor, note, True, " s")
    rss_mb = statistics.median(f["rss"] for f in figures) / 2**20
    report("  resident memory after unlock", rss_mb, "≤ 400 MB", rss_mb <= 400, " MB")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        _measure_in_child()
    else:
        build_store()
