"""Run every benchmark and print each figure next to its target.

The machine is shared and noisy: figures are medians, and where a target is relative the
baseline is measured in the same run. Exit status is 0 even when a target is missed (the table
says so); benchmarks inform, tests decide.
"""

from __future__ import annotations

import importlib
import sys
import time

MODULES = [
    "bench.bench_register",
    "bench.bench_search",
    "bench.bench_unlock",
    "bench.bench_pages",
    "bench.bench_printing",
    "bench.bench_ui",
    "bench.bench_sync",
    "bench.bench_duplicates",
]

results: list[tuple[str, str, str, bool]] = []


def report(name: str, value: float, target: str, ok: bool, unit: str = "") -> None:
    shown = f"{value:.3g}{unit}" if unit else f"{value:.3g}"
    line = f"  {name:<48} {shown:>12}   target {target:<24} {'OK' if ok else 'MISSED'}"
    print(line, flush=True)
    results.append((name, shown, target, ok))


def main(argv: list[str]) -> int:
    wanted = argv[1:] or MODULES
    for module_name in wanted:
        module = importlib.import_module(
            module_name if "." in module_name else f"bench.{module_name}"
        )
        print(f"{module_name}:", flush=True)
        started = time.perf_counter()
        module.run(report)
        print(f"  ({time.perf_counter() - started:.1f} s)", flush=True)
    missed = [r for r in results if not r[3]]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met.")
    for name, shown, target, _ in missed:
        print(f"  MISSED {name}: {shown} (target {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
