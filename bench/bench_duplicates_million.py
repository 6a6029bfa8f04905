"""Duplicates among everyone at 1,000,000 people (issue 12): ≤ 2 min, resident memory ≤ 2 GB.

The planted corpus of scripts/make_name_corpus.py at a million people (20,000 registered a
second time, 20,000 households of three), measured in a child process so that its resident
memory is the run's own. The corpus and its records take memory of their own (about 0.7 GB)
before duplicate finding starts: the figure with the 2 GB target is find_duplicates' growth,
the child's peak resident memory (VmHWM, reset once the records are built) minus its resident
memory then; the child's whole peak is shown beside it. Takes 1.5 to 4 minutes, most of it
building the corpus.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.bench_duplicates import Quality, planted_records, quality, report_quality
from scripts.make_name_corpus import make_duplicate_corpus

PEOPLE = 1_000_000
PLANTED = 20_000
HOUSEHOLDS = 20_000
_CHILD = "--child"


def _status(field: str) -> float:
    """A VmRSS / VmHWM line of /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _child() -> None:
    corpus = make_duplicate_corpus(PEOPLE, PLANTED, HOUSEHOLDS)
    records = planted_records(corpus)
    gc.collect()
    total_peak_before = _status("VmHWM")
    with contextlib.suppress(OSError):  # not Linux: the peak then includes the corpus's
        Path("/proc/self/clear_refs").write_text("5")  # peak RSS from here on
    before = _status("VmRSS")
    found = quality(corpus, records)
    peak = _status("VmHWM")
    figures = {**asdict(found), "before": before, "peak": max(peak, total_peak_before)}
    figures["growth"] = peak - before
    print(json.dumps(figures))


def run(report: Callable[..., None]) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(  # this interpreter, this module
        [sys.executable, "-m", "bench.bench_duplicates_million", _CHILD],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    found = Quality(
        figures["recall"], figures["precision"], figures["relatives"], figures["seconds"]
    )
    report_quality(report, "1,000,000", found, "120")
    growth = figures["growth"]
    report("  resident memory, find_duplicates' growth", growth, "≤ 2048 MB", growth <= 2048, " MB")
    report(
        "  resident memory, child's peak (with the corpus)",
        figures["peak"],
        "(information)",
        True,
        " MB",
    )
    report(
        "  resident memory, corpus and records built",
        figures["before"],
        "(information)",
        True,
        " MB",
    )


if __name__ == "__main__":
    if sys.argv[1:] == [_CHILD]:
        _child()
    else:
        from bench.__main__ import main

        sys.exit(main(["bench", "bench.bench_duplicates_million"]))
