"""The desk application on a store of 100,000 people (bench_unlock's cached store, copied so that
saving does not change it), measured in a fresh offscreen process:

- unlock, from Enter in the passphrase field to a usable window (the search field focused), with
  the passphrase KDF's own time subtracted;
- the longest stall of the GUI thread (the longest gap between two runs of a 0 ms timer) while a
  name is typed into the search field one character at a time, at a person's pace and at a
  scanner's;
- saving a registration, from Enter in the form to the form ready for the next person (the
  shell back on an empty, focused search field).

Beside the unlock, its baseline: the same store unlocked without a window (`Session.load`), in
the same process before the window opens and after it closed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bench_unlock import PASSPHRASE, build_store
from bench.gauge import child_figures
from bench.reporting import Reporter

SAVES = 20
GIVEN_NAMES = (
    "Олег",
    "Марія",
    "Тарас",
    "Ірина",
    "Богдан",
    "Оксана",
    "Степан",
    "Леся",
    "Юрій",
    "Надія",
    "Василь",
    "Христина",
    "Андрій",
    "Зоряна",
    "Гнат",
    "Людмила",
    "Петро",
    "Валентина",
    "Федір",
    "Ярослава",
)
NAME = "Шевченко Марія Іванівна"


def _copy_store(source: Path, target: Path) -> None:
    target.mkdir(mode=0o700)
    for name in ("keyslots.json", "store.sqlite"):
        shutil.copy2(source / name, target / name)


def _measure_in_child(store: Path) -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from fieldreg.crypto import slots
    from fieldreg.services import vault
    from fieldreg.services.paths import DataDir
    from fieldreg.services.settings import Settings
    from fieldreg.ui.app import application, build_window

    directory = DataDir(store)

    def headless_unlock() -> float:
        """The baseline of the window's unlock: the same store unlocked without a window (the
        CLI's way), KDF excluded; locking clears the name caches again."""
        session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
        try:
            start = time.perf_counter()
            session.load()
            return time.perf_counter() - start
        finally:
            session.lock()

    headless = [headless_unlock()]  # and again at the end, once the window is shut
    app = application([])
    kdf_seconds: list[float] = []
    derive = slots.derive

    def timed_derive(*args: Any) -> bytes:
        start = time.perf_counter()
        try:
            return derive(*args)
        finally:
            kdf_seconds.append(time.perf_counter() - start)

    slots.derive = timed_derive  # type: ignore[assignment]
    open_seconds: list[float] = []
    open_session = vault.open_session

    def timed_open(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return open_session(*args, **kwargs)
        finally:
            open_seconds.append(time.perf_counter() - start)

    vault.open_session = timed_open  # type: ignore[assignment]
    settings = Settings(store.parent / "settings.json")
    settings.language = "en"
    window, _idle = build_window(app, directory, settings)
    window.resize(1200, 800)
    window.start()
    window.show()

    def wait(condition: Callable[[], bool], limit: float = 60, poll_ms: int = 1) -> None:
        """Run the event loop until `condition` holds, polling it every `poll_ms` (a busy
        loop in Python would take the GIL from the worker and slow what is measured; so does a
        fast poll, where the moment is stamped by a signal instead)."""
        if condition():
            return
        deadline = time.perf_counter() + limit
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(poll_ms)

        def check() -> None:
            if condition():
                loop.quit()
            elif time.perf_counter() > deadline:
                raise SystemExit("timed out")

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()

    def key(widget: QWidget, text: str, code: Qt.Key = Qt.Key.Key_unknown) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))

    wait(window.unlock_page.passphrase.isVisible)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    search = window.search_page
    # The moment the search field takes the focus in an unlocked window, stamped by Qt's signal:
    # polling for it every millisecond would take the GIL from the worker opening the store a
    # thousand times a second, slowing what is measured.
    usable_at: list[float] = []

    def focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
        if not usable_at and new is search.field and window.context.session is not None:
            usable_at.append(time.perf_counter())

    app.focusChanged.connect(focus_moved)
    start = time.perf_counter()
    key(window.unlock_page.passphrase, "\r", Qt.Key.Key_Return)
    wait(lambda: window.context.session is not None and search.field.hasFocus(), poll_ms=50)
    usable = (usable_at[0] if usable_at else time.perf_counter()) - start
    app.focusChanged.disconnect(focus_moved)
    wait(lambda: window.status.figures is not None)
    counts = time.perf_counter() - start
    figures: dict[str, Any] = {
        "unlock_beyond_kdf": usable - sum(kdf_seconds),
        "counts_beyond_kdf": counts - sum(kdf_seconds),
        "usable_stamped": bool(usable_at),
        "kdf": sum(kdf_seconds),
        "open_session": sum(open_seconds),
    }

    def typing_stall(interval_ms: int) -> float:
        search.focus_search(clear=True)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        probe = QTimer()
        probe.setInterval(0)
        probe.timeout.connect(tick)
        typed = [0]

        def type_one() -> None:
            if typed[0] < len(NAME):
                key(search.field, NAME[typed[0]])
                typed[0] += 1

        typist = QTimer()
        typist.setInterval(interval_ms)
        typist.timeout.connect(type_one)
        probe.start()
        last[0] = time.perf_counter()
        typist.start()
        wait(lambda: typed[0] == len(NAME) and search._shown_query == NAME and not search._job)
        settle = time.perf_counter() + 0.3
        wait(lambda: time.perf_counter() > settle)
        typist.stop()
        probe.stop()
        return max(gaps)

    figures["stall_typing"] = typing_stall(80)
    figures["stall_scanner"] = typing_stall(5)

    page = window.register_page
    saved_at: list[float] = []
    page.saved.connect(lambda _ids: saved_at.append(time.perf_counter()))  # after the shell's
    durations = []
    for number in range(SAVES):
        window.go("register")
        wait(page.form.isEnabled)
        form_fields = page.form._edits  # the family and given name fields
        form_fields["family_name"].setText("Бенчмарк")
        # names far apart: two alike would (rightly) ask "already registered?" instead of saving
        form_fields["given_name"].setText(GIVEN_NAMES[number])
        form_fields["given_name"].setFocus()
        app.processEvents()
        count = len(saved_at)
        start = time.perf_counter()
        key(form_fields["given_name"], "\r", Qt.Key.Key_Return)
        wait(lambda count=count: len(saved_at) > count)  # type: ignore[misc]
        durations.append(saved_at[-1] - start)
        assert search.field.hasFocus()
        assert search.field.text() == ""
    figures["save_median"] = statistics.median(durations)
    figures["save_max"] = max(durations)
    window.lock_controller.shut_down()
    window.close()
    headless.append(headless_unlock())
    figures["headless_unlock"] = statistics.mean(headless)
    del QApplication
    return figures


def run(report: Reporter) -> None:
    source = build_store()
    with tempfile.TemporaryDirectory() as temp:
        store = Path(temp) / "store"
        _copy_store(source.root, store)
        figures = child_figures("bench.bench_ui", str(store))
    unlock = figures["unlock_beyond_kdf"]
    report.compared(
        "unlock to usable window (KDF excluded)",
        unlock,
        "≤ 1.5 s",
        unlock <= 1.5,
        " s",
        baseline=figures["headless_unlock"],
        baseline_name="unlock without a window",
    )
    report("  ... to counts in the status bar", figures["counts_beyond_kdf"], "(info)", True, " s")
    report("  passphrase KDF itself", figures["kdf"], "(info)", True, " s")
    gui = unlock + figures["kdf"] - figures["open_session"]
    report("  of which the window (not the store)", gui, "(info)", True, " s")
    for name, label in (
        ("stall_typing", "typing, 80 ms/key"),
        ("stall_scanner", "scanner, 5 ms/key"),
    ):
        ms = figures[name] * 1000
        report(f"longest GUI stall while {label}", ms, "≤ 50 ms", ms <= 50, " ms")
    median, worst = figures["save_median"] * 1000, figures["save_max"] * 1000
    report("save: Enter to form ready (median)", median, "≤ 50 ms", median <= 50, " ms")
    report("  save: slowest of 20", worst, "(info)", True, " ms")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(_measure_in_child(Path(sys.argv[2]))))
    else:
        build_store()
