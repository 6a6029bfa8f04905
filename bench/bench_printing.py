"""Benchmark of band printing: QR generation per code, 100 bands to PDF, 100 bands to ZPL.

Run: .venv/bin/python -m bench bench_printing

Synthetic people (Faker uk_UA/ru_RU) with every optional field shown, so each band carries the
most text. The PDF figure is the rendering of a 100-band batch with the fonts already loaded (the
desk loads them once); loading them is reported on its own line. Figures are medians of runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not __package__:  # run as a file: make the repository's package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import people
from fieldreg.core.ids import format_id, next_counter
from fieldreg.printing.layouts import SHOWABLE, LabelContent, label_content
from fieldreg.printing.payload import band_id, format_payload
from fieldreg.printing.qr import qr_matrix
from fieldreg.printing.stocks import STOCKS
from fieldreg.printing.zpl import render_zpl

BANDS = 100
RUNS = 7


def _labels() -> list[LabelContent]:
    labels = []
    counter = 0
    for index, fields in enumerate(people(BANDS, seed=11)):
        counter = next_counter("K7", counter)
        person = format_id("K7", counter)
        shown_fields = {**fields, "household_id": "K7-0040-X", "needs": ["medical"]}
        number = 1 + index % 3
        labels.append(
            label_content(
                person,
                format_payload(person, number),
                shown_fields,  # type: ignore[arg-type]
                SHOWABLE,
                band_id(person, number),
            )
        )
    return labels


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(report: Callable[..., None]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    labels = _labels()
    payloads = [label.payload for label in labels]

    def all_codes() -> None:
        for payload in payloads:
            qr_matrix(payload)

    per_code = _median(all_codes) / len(payloads) * 1000
    report("QR generation per code (level M, fixed mask)", per_code, "≤ 1 ms", per_code <= 1, " ms")

    stock = STOCKS["band-adult-203"]
    zpl = _median(lambda: render_zpl(stock, labels))
    report(f"{BANDS} bands to ZPL", zpl, "≤ 0.1 s", zpl <= 0.1, " s")

    from fieldreg.printing.qt_renderer import QtLabelRenderer

    started = time.perf_counter()
    renderer = QtLabelRenderer()
    startup = time.perf_counter() - started
    report("  Qt and font start-up (once per process)", startup, "(information)", True, " s")
    with tempfile.TemporaryDirectory() as directory, renderer:
        target = Path(directory) / "bands.pdf"
        pdf = _median(lambda: renderer.write_pdf(target, stock, labels))
        size_kb = target.stat().st_size / 1024
    report(f"{BANDS} bands to PDF", pdf, "≤ 0.5 s", pdf <= 0.5, " s")
    report("  PDF size of those bands", size_kb, "(information)", True, " KB")


if __name__ == "__main__":
    from bench.__main__ import report as print_report

    run(print_report)
