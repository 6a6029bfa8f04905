"""A coordinator store made from the desk: the first-run wizard creates a hub as `fieldreg network
create` does (a second, different network passphrase), with progress, shows its recovery key and
network fingerprint once, and the unlocked window has the Coordinator page. On a laptop,
Ctrl+Shift+I says why there is no Coordinator page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services import enrollment_service, vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.first_run_wizard import CONFIRM, CREATE, KEY
from fieldreg.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.desk import Desk, open_desk, shown_window
from tests.ui.keyboard import ALT, CTRL, ENTER, focused, press, type_then

SHIFT = Qt.KeyboardModifier.ShiftModifier
NETWORK = "network passphrase for the hub"


@pytest.fixture
def first_run(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    window = shown_window(qtbot, qapp, DataDir(data_dir))
    yield window
    window.lock_controller.shut_down()
    window.context.worker.wait()


def _missing_page_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        named = isinstance(widget, QMessageBox) and widget.objectName() == "missingPage"
        if named and widget.isVisible():
            assert isinstance(widget, QMessageBox)
            return widget
    return None


def test_a_hub_is_created_from_the_first_run_and_opens_on_its_coordinator_page(
    qtbot: QtBot, first_run: MainWindow, data_dir: Path
) -> None:
    wizard = first_run.wizard
    assert wizard is not None
    press(qtbot, Qt.Key.Key_H, ALT)  # "Create a coordinator &hub"
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == CREATE)
    assert wizard.hub
    assert wizard.network.isVisible()
    assert focused() is wizard.point
    steps: list[int] = []
    wizard.busy.valueChanged.connect(steps.append)
    for text in ("Штаб", "Ірина", PASSPHRASE, PASSPHRASE):
        type_then(qtbot, text, ENTER)
    assert focused() is wizard.network
    type_then(qtbot, PASSPHRASE, ENTER)  # the store's passphrase again: refused at once
    type_then(qtbot, PASSPHRASE, ENTER)
    assert wizard.errors["network"].isVisible()
    assert "differ" in wizard.errors["network"].text()
    assert focused() is wizard.network
    assert not DataDir(data_dir).exists()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_then(qtbot, NETWORK, ENTER)
    wizard.network_repeat.clear()
    type_then(qtbot, NETWORK, ENTER)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == KEY, timeout=20_000)
    assert steps[-1] == 3  # network keys wrapped, store created, network kept
    assert wizard.fingerprint.isVisible()
    groups = wizard.key_view.text().split("-")

    hub = vault.open_session(DataDir(data_dir), operator=None, passphrase=PASSPHRASE)
    try:
        status = enrollment_service.network_status(hub)
        assert status.role == "coordinator"
        assert status.fingerprint in wizard.fingerprint.text()
        assert hub.point_name() == "Штаб"
    finally:
        hub.lock()

    type_then(qtbot, "", ENTER)  # "I have written it down"
    assert wizard.steps.currentIndex() == CONFIRM
    first, second = wizard._asked
    type_then(qtbot, groups[first - 1], ENTER)
    type_then(qtbot, groups[second - 1], ENTER)
    qtbot.waitUntil(lambda: first_run.screens.currentWidget() is first_run.unlock_page)
    assert first_run.wizard is None
    first_run.unlock_page.passphrase.setFocus()
    type_then(qtbot, PASSPHRASE, ENTER)
    coordinator = first_run.actions_by_name["coordinator"]
    qtbot.waitUntil(coordinator.isVisible, timeout=20_000)
    press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    assert first_run.current_page == "coordinator"
    assert _missing_page_box() is None


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


@pytest.mark.parametrize(
    ("language", "letter", "title"),
    [
        ("en", "i", "No Coordinator page on this laptop"),
        ("uk", "ш", "На цьому ноутбуці немає сторінки «Координатор»"),  # the I key, Cyrillic
    ],
)
def test_ctrl_shift_i_on_a_laptop_says_why_there_is_no_coordinator_page(
    qtbot: QtBot, desk: Desk, language: str, letter: str, title: str
) -> None:
    window = desk.window
    desk.translators.switch(language)
    QApplication.processEvents()
    assert not window.actions_by_name["coordinator"].isVisible()
    key = Qt.Key(ord(letter.upper()))
    QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), key, letter, CTRL | SHIFT)
    qtbot.waitUntil(lambda: _missing_page_box() is not None)
    box = _missing_page_box()
    assert box is not None
    assert box.windowTitle() == title
    assert "Ctrl+Shift+S" in box.text()
    assert window.current_page == "find"
    box.accept()
