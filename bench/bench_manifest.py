"""Benchmark of transports: a 60-passenger manifest to PDF, and a boarding scan at the bus door
until "boarded" is on screen.

Run: .venv/bin/python -m bench bench_manifest

The manifest figure is `reports.manifest.build_manifest` plus `printing.qt_renderer.table_pdf`
for 60 synthetic passengers (Faker uk_UA/ru_RU, every column filled), fonts already loaded (the
desk loads them once). Its physical baseline, interleaved: QPdfWriter drawing the same 60 rows
of cells with one `drawText` each and nothing else (no measuring, wrapping or pagination).

The boarding figure is the offscreen desk's Boarding page on a fresh store with those passengers:
the scanned code typed into the scan field and Enter, until the page says "boarded" (the store
call runs on the worker and commits one event durably). Its baseline, interleaved: one durable
single-row commit with plain sqlite3 (`gauge.RawCommit`), the floor of any recorded boarding.
Figures are medians.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a file: make the repository's package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gauge import RawCommit, child_figures, interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.reports.manifest import (
    ManifestInput,
    ManifestPassenger,
    build_manifest,
    document_of,
)

PASSENGERS = 60
ROUNDS = 9
SCANS = 40
PASSPHRASE = "bench passphrase, not a secret"
BUS = {
    "kind": "bus",
    "name": "Автобус 3",
    "route": "Харків — Полтава — Ужгород",
    "border_crossing": "Ужгород — Вишнє Нємецьке",
    "departure": "2026-12-03 07:30",
    "receiving_party": "Slovak Red Cross",
    "capacity": "60",
}


def _manifest_input() -> ManifestInput:
    passengers = []
    for number, fields in enumerate(people(PASSENGERS, seed=23), start=1):
        full = {
            **fields,
            "citizenship": "UA",
            "document_type": "паспорт",
            "document_number": f"FA{100000 + number}",
            "household_id": f"K7-00{number // 4 + 10}-X",
            "needs": ["mobility"] if number % 6 == 0 else [],
            "wishes_evacuation": "yes",
        }
        passengers.append(
            ManifestPassenger(
                f"K7-{number:04d}-X",
                full,  # type: ignore[arg-type]
                seat=str(number),
                boarded=number % 5 != 0,
                assistance=("wheelchair",) if number % 11 == 0 else (),
            )
        )
    return ManifestInput(
        transport_id="K7-0003-W",
        transport=BUS,
        version=PASSENGERS + 3,
        changed=dt.datetime(2026, 12, 3, 7, 10, tzinfo=dt.UTC),
        passengers=passengers,
    )


def _manifest_figure(report: Reporter) -> None:
    from PySide6.QtCore import QBuffer, QIODevice, QRectF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from fieldreg.printing.qt_renderer import QtLabelRenderer, table_pdf

    given = _manifest_input()
    today = dt.date(2026, 12, 2)

    def ours() -> None:
        manifest = build_manifest(given, language="uk", today=today)
        table_pdf(document_of(manifest))

    rows = [[str(c) for c in (p.person_id, *p.fields.values(), p.seat)] for p in given.passengers]

    def plain() -> None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        painter = QPainter(writer)
        y = 100.0
        for row in rows:
            x = 100.0
            for cell in row:
                painter.drawText(QRectF(x, y, 240, 60), 0, cell)
                x += 240
            y += 60
            if y > 2300:
                writer.newPage()
                y = 100.0
        painter.end()
        buffer.close()

    with QtLabelRenderer():
        ours()  # warm: fonts, glyph caches
        plain()
        measured, baseline = interleaved(timed(ours), timed(plain), ROUNDS)
    report.compared(
        f"Manifest of {PASSENGERS} passengers to PDF",
        statistics.median(measured),
        "≤ 0.5 s",
        statistics.median(measured) <= 0.5,
        " s",
        baseline=statistics.median(baseline),
        baseline_name="plain QPdfWriter text",
    )


def _boarding_times() -> dict[str, float]:
    """Run in a fresh process (`--child`): an earlier module may have left a QGuiApplication,
    and the page needs a QApplication. Medians in seconds."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fieldreg.services import vault
    from fieldreg.services.paths import DataDir
    from fieldreg.ui.boarding_page import BoardingPage
    from fieldreg.ui.context import UiContext
    from fieldreg.ui.worker import Worker

    app = QApplication.instance() or QApplication(["bench"])
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    with tempfile.TemporaryDirectory() as folder:
        directory = DataDir(Path(folder) / "store")
        vault.init_store(
            directory, point="Bench", operator="Bench", passphrase=PASSPHRASE, prefix="K7"
        )
        session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
        worker = Worker()
        try:
            ids = session.register_batch([dict(p) for p in people(SCANS, seed=29)])
            bus = session.transports().plan(BUS)
            session.transports().assign(bus, ids, {p: str(n) for n, p in enumerate(ids, 1)})
            context = UiContext(directory, worker)
            context.session = session
            page = BoardingPage(context)
            page.resize(900, 600)
            page.show()
            loop = QEventLoop()
            page.refresh()
            QTimer.singleShot(2000, loop.quit)
            page.transport.currentIndexChanged.connect(loop.quit)
            while page.transport_id() is None:
                loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            queue = list(ids)

            def scan() -> float:
                person = queue.pop()
                done = QEventLoop()
                page.outcome_shown.connect(done.quit)
                started = time.perf_counter()
                QTest.keyClicks(page.scan, person)
                QTest.keyClick(page.scan, Qt.Key.Key_Return)
                done.exec()
                elapsed = time.perf_counter() - started
                page.outcome_shown.disconnect(done.quit)
                if "boarded" not in (page.result.outcome.value if page.result else ""):
                    raise RuntimeError("the scan did not board")
                return elapsed

            with tempfile.TemporaryDirectory() as raw_folder:
                raw = RawCommit(Path(raw_folder) / "raw.sqlite", 300)
                try:
                    scan()  # warm
                    measured, baseline = interleaved(scan, raw.once, SCANS - 2)
                finally:
                    raw.close()
            page.close()
        finally:
            worker.wait()
            session.lock()
            app.processEvents()
    return {"scan": statistics.median(measured), "raw": statistics.median(baseline)}


def _boarding_figure(report: Reporter) -> None:
    figures = child_figures("bench.bench_manifest")
    report.compared(
        "Boarding scan to 'boarded' on screen",
        figures["scan"] * 1000,
        "≤ 50 ms",
        figures["scan"] <= 0.05,
        " ms",
        baseline=figures["raw"] * 1000,
        baseline_name="raw commit",
    )


def run(report: Reporter) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _manifest_figure(report)
    _boarding_figure(report)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_boarding_times()))
        raise SystemExit(0)
    reporter = Reporter()
    run(reporter)
    print(reporter.table())
