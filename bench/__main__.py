"""Run every benchmark and print each figure next to its target, then one table of them all.

The machine is shared and noisy: figures are medians; a speed figure's target is its ratio to a
physical baseline measured interleaved in the same run (bench/README.md), and the machine's load
(a raw commit, a CPU probe) is measured before and after each module for the figures that keep
an absolute target. Exit status is 0 even when a target is missed (the table
says so); benchmarks inform, tests decide.
"""

from __future__ import annotations

import importlib
import sys
import time

from bench import gauge
from bench.reporting import Reporter

MODULES = [
    "bench.bench_register",
    "bench.bench_search",
    "bench.bench_matching",
    "bench.bench_unlock",
    "bench.bench_pages",
    "bench.bench_printing",
    "bench.bench_ui",
    "bench.bench_sync",
    "bench.bench_roster_file",
    "bench.bench_hub",
    "bench.bench_roster",
    "bench.bench_duplicates",
    "bench.bench_duplicates_million",
    "bench.bench_pg_million",
    "bench.bench_keystrokes",
    "bench.bench_reports",
    "bench.bench_reconciliation",
    "bench.bench_manifest",
]


def report(name: str, value: float, target: str, ok: bool, unit: str = "") -> None:
    """Print one figure without gathering it (for a module run on its own, as a file)."""
    Reporter()(name, value, target, ok, unit)


def main(argv: list[str]) -> int:
    wanted = argv[1:] or MODULES
    reporter = Reporter()
    for module_name in wanted:
        module = importlib.import_module(
            module_name if "." in module_name else f"bench.{module_name}"
        )
        before = gauge.measure_load()
        section = reporter.section(module_name)
        started = time.perf_counter()
        module.run(reporter)
        elapsed = time.perf_counter() - started
        section.load = gauge.span(before, gauge.measure_load())
        print(f"  ({elapsed:.1f} s; load {section.load})", flush=True)
    print()
    print(reporter.summary())
    print()
    print(reporter.table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
