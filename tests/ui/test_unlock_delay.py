"""Issue 11 §5 at the desk: after repeated wrong passphrases the unlock page says how long to
wait, in the volunteer's language, and the right passphrase works once the wait is over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.ui.context import UiContext
from fieldreg.ui.unlock_page import UnlockPage
from fieldreg.ui.worker import Worker
from tests.conftest import PASSPHRASE
from tests.ui.keyboard import ENTER, type_then


@pytest.fixture
def page(qtbot: QtBot, data_dir: Path) -> Iterator[UnlockPage]:
    vault.init_store(DataDir(data_dir), point="Depot", operator="Taras", passphrase=PASSPHRASE)
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


def _attempt(qtbot: QtBot, page: UnlockPage, passphrase: str) -> str:
    page.passphrase_error.clear_error()
    type_then(qtbot, passphrase, ENTER)
    qtbot.waitUntil(lambda: not page.busy and page.passphrase_error.isVisible(), timeout=20_000)
    return page.passphrase_error.text()


def test_the_page_says_how_long_to_wait(qtbot: QtBot, page: UnlockPage) -> None:
    said = [_attempt(qtbot, page, f"wrong passphrase number {n}") for n in range(4)]
    assert said[:3] == ["Wrong passphrase."] * 3
    assert said[3] == "Wrong passphrase. Try again in 1 s."
    too_soon = _attempt(qtbot, page, PASSPHRASE)  # even the right one waits its turn
    assert too_soon.startswith("Too many wrong passphrases for this operator. Try again in ")
    assert too_soon.endswith(" s, or use the recovery key.")
