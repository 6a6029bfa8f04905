"""The window opens where it was left; on a first run at a size where the roster's columns fit,
or maximised on a screen too small for them (a 1366x768 laptop)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.idle_lock import IdleLock
from fieldreg.ui.main_window import MainWindow
from fieldreg.ui.translations import Translators
from fieldreg.ui.window_geometry import GEOMETRY_KEY, first_size
from fieldreg.ui.worker import Worker

Opener = Callable[[], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Opener:
    """Start the desk as `fieldreg` does: settings read from the data folder, then shown."""

    def start() -> MainWindow:
        directory = DataDir(data_dir)
        window = MainWindow(
            UiContext(directory, Worker()),
            Settings.load(directory),
            Translators(qapp),
            IdleLock(300_000),
        )
        qtbot.addWidget(window)
        window.start()
        window.show_on_screen()
        qtbot.waitExposed(window)
        return window

    return start


def test_a_laptop_screen_is_filled_and_a_large_one_gets_a_window_the_roster_fits(
    open_window: Opener,
) -> None:
    roster = open_window().roster_page.columns_width()
    assert 1366 < roster + 48 < 1920  # so the two screens really differ
    assert first_size(QRect(0, 0, 1366, 728), roster) is None
    assert first_size(QRect(0, 0, 1920, 1040), roster) == QSize(roster + 48, 936)
    assert first_size(QRect(0, 0, 1280, 680), roster) is None  # 1920x1080 at 150 %


def test_the_first_start_on_a_small_screen_is_maximised(open_window: Opener) -> None:
    window = open_window()
    assert window.screen().availableGeometry().width() < window.roster_page.columns_width()
    assert window.isMaximized()


def test_the_window_opens_as_it_was_closed(
    qtbot: QtBot, open_window: Opener, data_dir: Path
) -> None:
    window = open_window()
    window.showNormal()
    window.resize(window.minimumSizeHint().width(), 650)
    qtbot.waitUntil(lambda: window.height() == 650)
    left = window.geometry()
    window.close()
    saved = Settings.load(DataDir(data_dir)).get(GEOMETRY_KEY)
    assert isinstance(saved, str)
    again = open_window()
    assert not again.isMaximized()
    assert again.size() == left.size()  # (the offscreen platform has no window frame to place)
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()
    assert open_window().isMaximized()


def test_a_damaged_saved_geometry_is_ignored(open_window: Opener, data_dir: Path) -> None:
    settings = Settings.load(DataDir(data_dir))
    settings.set(GEOMETRY_KEY, "not base64 at all!")
    settings.save()
    assert open_window().isMaximized()
