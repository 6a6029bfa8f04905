"""Driving pages as a volunteer does: keystrokes into whatever has the focus; and the context
a page is built with, on a test's own session."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.worker import Worker

TAB = Qt.Key.Key_Tab
ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
# The offscreen platform plugin warns whenever a shown window gets size limits from its layout:
# pyproject.toml's qt_log_ignore drops it for every test (kept here for tests still naming it).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as with a Ukrainian or English layout: QTest.keyClicks only knows ASCII, so other
    letters are sent as key events carrying their text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier(0)
            )


def type_then(qtbot: QtBot, text: str, *keys: Qt.Key) -> None:
    """Type `text` into the focused widget, then press each of `keys` (wherever focus goes)."""
    type_text(qtbot, focused(), text)
    for key in keys:
        qtbot.keyClick(focused(), key)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


@contextmanager
def running_context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    """A page context on `session`; on exit every store call has finished and its answer has
    reached its page (while the page still exists)."""
    worker = Worker()
    ui = UiContext(DataDir(data_dir), worker)
    ui.session = session
    yield ui
    worker.wait()
    QCoreApplication.processEvents()
