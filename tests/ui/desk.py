"""A whole desk window on a real store, for the shell's tests (imported by this unique name)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.idle_lock import IdleLock
from fieldreg.ui.main_window import MainWindow
from fieldreg.ui.translations import Translators
from fieldreg.ui.worker import Worker


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Desk:
    window: MainWindow
    clock: FakeClock
    idle: IdleLock
    translators: Translators

    @property
    def context(self) -> UiContext:
        return self.window.context


def shown_window(
    qtbot: QtBot,
    qapp: QApplication,
    directory: DataDir,
    *,
    translators: Translators | None = None,
    idle: IdleLock | None = None,
) -> MainWindow:
    """The desk's window on `directory` as `fieldreg` opens it: shown, active and started (the
    first-run wizard, or the unlock screen of a store that exists); its worker is
    `window.context.worker`."""
    window = MainWindow(
        UiContext(directory, Worker()),
        Settings.load(directory),
        translators or Translators(qapp),
        idle or IdleLock(300_000),
    )
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start()
    return window


@contextmanager
def open_desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    """The window unlocked with the `session` fixture's store (prefix K7, operator Оксана)."""
    translators = Translators(qapp)
    clock = FakeClock()
    idle = IdleLock(300_000, clock=clock)
    window = shown_window(qtbot, qapp, DataDir(data_dir), translators=translators, idle=idle)
    window.lock_controller.unlocked(session)
    qtbot.waitUntil(lambda: bool(window.status.counts.text()))
    yield Desk(window, clock, idle, translators)
    window.lock_controller.shut_down()
    translators.switch("en")
