"""Unlocking by keyboard: a wrong passphrase is said beside the field, which is cleared; the right
one opens the store. A forgotten passphrase is replaced with the recovery key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldreg.core.errors import AuthError
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.unlock_page import UnlockPage
from fieldreg.ui.worker import Worker
from tests.conftest import PASSPHRASE
from tests.ui.keyboard import ALT, ENTER, focused, press, type_then

NEW_PASSPHRASE = "another long passphrase 7"


@pytest.fixture
def recovery_key(data_dir: Path) -> str:
    result = vault.init_store(
        DataDir(data_dir), point="Depot", operator="Taras", passphrase=PASSPHRASE
    )
    return result.recovery_key


@pytest.fixture
def page(qtbot: QtBot, data_dir: Path, recovery_key: str) -> Iterator[UnlockPage]:
    worker = Worker()
    unlock = UnlockPage(UiContext(DataDir(data_dir), worker))
    qtbot.addWidget(unlock)
    unlock.resize(900, 700)
    unlock.show()
    qtbot.waitExposed(unlock)
    unlock.activateWindow()
    unlock.prepare("start")
    yield unlock
    worker.wait()


def _unlocked(qtbot: QtBot, page: UnlockPage, *keys: str) -> Session:
    with qtbot.waitSignal(page.unlocked, timeout=20_000) as signal:
        for text in keys:
            type_then(qtbot, text, ENTER)
    session = signal.args[0]
    assert isinstance(session, Session)
    return session


def test_wrong_then_right_passphrase_by_keyboard(qtbot: QtBot, page: UnlockPage) -> None:
    assert page.operator.currentText() == "Taras"
    assert focused() is page.passphrase
    type_then(qtbot, "not the passphrase", ENTER)
    qtbot.waitUntil(page.passphrase_error.isVisible, timeout=20_000)
    assert page.passphrase_error.text() == "Wrong passphrase."
    assert page.passphrase.text() == ""
    assert focused() is page.passphrase
    session = _unlocked(qtbot, page, PASSPHRASE)
    try:
        assert not session.locked
        assert session.operator_label == "Taras"
        assert page.passphrase.text() == ""
    finally:
        session.lock()


def test_enter_on_an_empty_field_asks_for_the_passphrase(qtbot: QtBot, page: UnlockPage) -> None:
    type_then(qtbot, "", ENTER)
    assert page.passphrase_error.isVisible()
    assert not page.busy


def test_the_recovery_key_sets_a_new_passphrase_and_unlocks(
    qtbot: QtBot, page: UnlockPage, recovery_key: str, data_dir: Path
) -> None:
    press(qtbot, Qt.Key.Key_R, ALT)  # "Forgot your passphrase? Use the recovery key"
    qtbot.waitUntil(lambda: focused() is page.recovery_key)  # buttons click after a flash
    typo = recovery_key[:6] + ("0" if recovery_key[6] != "0" else "1") + recovery_key[7:]
    type_then(qtbot, typo, ENTER)
    type_then(qtbot, NEW_PASSPHRASE, ENTER)
    type_then(qtbot, NEW_PASSPHRASE, ENTER)
    qtbot.waitUntil(page.recovery_error.isVisible, timeout=20_000)
    assert "group 2" in page.recovery_error.text()

    page.recovery_key.clear()
    page.recovery_key.setFocus()
    session = _unlocked(qtbot, page, recovery_key, NEW_PASSPHRASE, NEW_PASSPHRASE)
    session.lock()
    with pytest.raises(AuthError):
        vault.open_session(DataDir(data_dir), operator=None, passphrase=PASSPHRASE, load=False)
