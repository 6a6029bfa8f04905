"""Unlock a store of 100,000 people to a searchable index (passphrase KDF excluded), and the
resident memory afterwards, measured in a fresh process. The store is built once and kept in
bench/out/ (ignored by git) because building it takes a while."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import people
from fieldreg.services import vault
from fieldreg.services.paths import DataDir

PASSPHRASE = "benchmark passphrase 1"
PEOPLE = 100_000
OUT = Path(__file__).resolve().parent / "out"
STORE = OUT / f"store-{PEOPLE}"
BATCH = 1000


def build_store() -> DataDir:
    directory = DataDir(STORE)
    marker = directory.root / "complete"
    if marker.exists():
        return directory
    if directory.root.exists():
        import shutil

        shutil.rmtree(directory.root)
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    vault.init_store(directory, point="Bench", operator="Bench", passphrase=PASSPHRASE, prefix="B2")
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    batch: list[dict[str, object]] = []
    started = time.perf_counter()
    for person in people(PEOPLE, seed=3):
        batch.append(person)
        if len(batch) == BATCH:
            session.register_batch(batch)
            batch = []
    if batch:
        session.register_batch(batch)
    session.lock()
    marker.write_text(f"built in {time.perf_counter() - started:.0f} s\n")
    return directory


def _measure_in_child() -> None:
    import psutil

    directory = DataDir(Path(sys.argv[2]))
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    start = time.perf_counter()
    session.load()
    elapsed = time.perf_counter() - start
    hits = session.search("Шевченко").hits
    rss = psutil.Process().memory_info().rss
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "rss": rss,
                "people": len(session.people.summaries()),
                "hits": len(hits),
            }
        )
    )


def run(report: Callable[..., None]) -> None:
    directory = build_store()
    figures = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_unlock", "--child", str(directory.root)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        figures.append(json.loads(done.stdout))
    figures.sort(key=lambda f: f["seconds"])
    median = figures[1]
    report(
        f"unlock {median['people']:,} people to index (no KDF)",
        median["seconds"],
        "≤ 1.5 s",
        median["seconds"] <= 1.5,
        " s",
    )
    rss_mb = median["rss"] / 2**20
    report("  resident memory after unlock", rss_mb, "≤ 400 MB", rss_mb <= 400, " MB")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _measure_in_child()
    else:
        build_store()
