"""Physical baselines shared by the modules, and a gauge of the machine's load.

`RawCommit` is the floor of any durable write: one single-row commit with plain sqlite3 in WAL
mode with synchronous=FULL, the store's own settings. `interleaved` alternates a measured action
with its baseline (in ABBA order, so neither always runs first) so both see the same load.
`measure_load` is taken before and after every module, so a reader can judge figures that have
no baseline of their own: on a quiet machine a raw commit takes about 0.15 ms and the CPU probe
about 8 ms; the probe is one thread, so the load average tells whether the second core was free
(an import decodes in a second process while it applies).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class RawCommit:
    """One durable single-row commit with plain sqlite3 (WAL, synchronous=FULL)."""

    def __init__(self, path: Path, row_bytes: int) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=FULL")
        self.connection.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB)")
        self.payload = os.urandom(row_bytes)

    def once(self) -> float:
        start = time.perf_counter()
        self.connection.execute("BEGIN")
        self.connection.execute("INSERT INTO t (body) VALUES (?)", (self.payload,))
        self.connection.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.connection.close()


def interleaved(
    measured: Callable[[], float], baseline: Callable[[], float], rounds: int
) -> tuple[list[float], list[float]]:
    """Run both `rounds` times, alternating B A A B B A ...; each returns its own seconds."""
    ours: list[float] = []
    theirs: list[float] = []
    for number in range(rounds):
        if number % 2 == 0:
            theirs.append(baseline())
            ours.append(measured())
        else:
            ours.append(measured())
            theirs.append(baseline())
    return ours, theirs


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """`action` as a callable returning the seconds it took."""

    def run() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    return run


def _cpu_probe() -> float:
    """A fixed piece of pure-Python work (about 10 ms on a quiet machine)."""
    start = time.perf_counter()
    total = 0
    for number in range(200_000):
        total += number * number % 7
    return time.perf_counter() - start


@dataclass(frozen=True, slots=True)
class Load:
    commit_ms: float  # median raw durable commit
    cpu_ms: float  # median of the CPU probe
    load_average: float  # the system's over the last minute (2 cores: above 2, work waits)

    def text(self) -> str:
        return (
            f"raw commit {self.commit_ms:.2f} ms, CPU probe {self.cpu_ms:.1f} ms, "
            f"load average {self.load_average:.1f}"
        )


def measure_load(commits: int = 60, probes: int = 7) -> Load:
    """The raw commit and the CPU probe now, interleaved; takes about a quarter of a second."""
    with tempfile.TemporaryDirectory(prefix="fieldreg-gauge-") as temp:
        raw = RawCommit(Path(temp) / "gauge.sqlite", 1000)
        try:
            raw.once()  # creates the WAL
            commit_times: list[float] = []
            cpu_times: list[float] = []
            per_probe = commits // probes
            for _ in range(probes):
                commit_times += [raw.once() for _ in range(per_probe)]
                cpu_times.append(_cpu_probe())
        finally:
            raw.close()
    return Load(
        statistics.median(commit_times) * 1000,
        statistics.median(cpu_times) * 1000,
        os.getloadavg()[0],
    )


def span(before: Load, after: Load) -> str:
    """A module's load, before and after it ran."""
    return (
        f"raw commit {before.commit_ms:.2f} → {after.commit_ms:.2f} ms, "
        f"CPU probe {before.cpu_ms:.1f} → {after.cpu_ms:.1f} ms, "
        f"load average {before.load_average:.1f} → {after.load_average:.1f}"
    )


ROOT = Path(__file__).resolve().parent.parent


def child_figures(module: str, *arguments: str) -> dict[str, Any]:
    """`python -m MODULE --child ARGUMENTS` in a fresh process (a cold start, an honest resident
    size), offscreen, from the repository's root: the JSON object of its last line of output.
    When it fails, its error output is shown and the run stops."""
    done = subprocess.run(
        [sys.executable, "-m", module, "--child", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    if done.returncode != 0:
        print(done.stderr[-2000:])
        raise SystemExit(f"{module} child failed")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(figures, dict)
    return figures
