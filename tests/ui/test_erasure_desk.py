"""Erasure at the coordinator's desk: one operator requests it from the person's page (a reason
from the fixed list, a note; the words name the ID only), the Coordinator page lists it and tells
the same operator that another must confirm; a second operator confirms it with the keyboard and
the person is gone from the search, and a scan of the erased ID says so. Real stores, the
erasure service itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.core.events import ERASURE_REASONS
from fieldreg.crypto.kdf import minimum_params
from fieldreg.services import erasure, vault
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.coordinator_page import ERASURES
from fieldreg.ui.erasure_dialog import ErasureDialog
from tests.conftest import PASSPHRASE, TODAY
from tests.sync.sync_support import create_coordinator, enroll_device, open_store
from tests.ui.desk import open_desk
from tests.ui.keyboard import ENTER, TAB, focused, press, type_text

SECOND = "Друга операторка"
SECOND_PASSPHRASE = "another long passphrase for tests"
NONE = Qt.KeyboardModifier.NoModifier
SHIFT_CTRL = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier


@dataclass
class Hub:
    directory: DataDir
    person_id: str


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    directory = create_coordinator(tmp_path / "hub")
    session = open_store(directory)
    vault.add_operator(session, label=SECOND, passphrase=SECOND_PASSPHRASE, kdf=minimum_params())
    point = enroll_device(session, "K7")
    person = point.register(family_name="Коваленко", given_name="Ганна", dob="1961")
    bundle = tmp_path / "k7.bundle"
    bundle.write_bytes(point.bundle())
    [outcome] = sync.import_bundles(session, [bundle])
    assert outcome.error is None
    session.lock()
    return Hub(directory, person)


def _unlock(directory: DataDir, operator: str, passphrase: str) -> Session:
    return vault.open_session(
        directory, operator=operator, passphrase=passphrase, today=lambda: TODAY
    )


def test_an_erasure_is_requested_by_one_operator_and_confirmed_by_another(
    qtbot: QtBot, qapp: QApplication, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _unlock(hub.directory, "Координатор", PASSPHRASE)
    with open_desk(qtbot, qapp, first, hub.directory.root) as desk:
        window = desk.window
        desk.context.open_person.emit(hub.person_id)
        page = window.person_page
        qtbot.waitUntil(page.erase_button.isVisible)
        page.erase_button.setFocus()
        press(qtbot, ENTER, NONE)
        dialog = page.findChild(ErasureDialog)
        assert isinstance(dialog, ErasureDialog)
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        # the words name the ID, never the person
        assert hub.person_id in dialog.explanation.text()
        assert "Коваленко" not in dialog.explanation.text() + dialog.windowTitle()
        assert "another operator" in dialog.explanation.text()
        assert dialog.reason.hasFocus()
        reasons = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
        assert len(reasons) == len(ERASURE_REASONS)
        assert reasons[1] == "Registered in error"
        press(qtbot, Qt.Key.Key_Down, NONE)
        press(qtbot, TAB, NONE)
        assert dialog.note.hasFocus()
        type_text(qtbot, dialog.note, "Запит №12 від 01.12")
        press(qtbot, ENTER, NONE)
        qtbot.waitUntil(page.erasure_note.isVisible, timeout=10_000)
        assert page.erasure_note.text().startswith(f"Erasure of {hub.person_id} requested:")
        window.activateWindow()  # the offscreen platform gives the focus back only so
        qtbot.waitUntil(page.erase_button.hasFocus)

        press(qtbot, Qt.Key.Key_I, SHIFT_CTRL)
        coordinator = window.coordinator_page
        panel = coordinator.erasures
        qtbot.waitUntil(lambda: len(panel.requests) == 1)
        coordinator.tabs.setCurrentIndex(ERASURES)
        assert coordinator.tabs.tabText(ERASURES) == "Era&sures (1)"
        row = [panel.table.topLevelItem(0).text(c) for c in range(4)]  # type: ignore[union-attr]
        assert row[1:] == [hub.person_id, "Registered in error", "Координатор"]
        assert not panel.confirm_button.isEnabled()
        assert panel.note.isVisible()
        assert panel.note.text().startswith("You asked for this erasure: another operator")

    second = _unlock(hub.directory, SECOND, SECOND_PASSPHRASE)
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_yes))
    with open_desk(qtbot, qapp, second, hub.directory.root) as desk:
        window = desk.window
        qtbot.waitUntil(window.actions_by_name["coordinator"].isVisible)
        press(qtbot, Qt.Key.Key_I, SHIFT_CTRL)
        panel = window.coordinator_page.erasures
        qtbot.waitUntil(lambda: len(panel.requests) == 1)
        window.coordinator_page.tabs.setCurrentIndex(ERASURES)
        qtbot.waitUntil(panel.confirm_button.isEnabled)
        assert not panel.note.isVisible()
        panel.table.setFocus()
        press(qtbot, TAB, NONE)
        assert focused() is panel.confirm_button
        press(qtbot, ENTER, NONE)
        qtbot.waitUntil(lambda: panel.requests == [], timeout=20_000)
        assert len(asked) == 1
        assert asked[0].startswith(f"Erase {hub.person_id} now?")
        assert "Коваленко" not in asked[0]
        assert panel.empty.text() == "No erasure is waiting for confirmation."
        found: list[object] = []
        desk.context.run(lambda s: s.search("Коваленко Ганна").hits, found.append)
        qtbot.waitUntil(lambda: bool(found))
        assert found == [[]]
        pending: list[object] = []
        desk.context.run(erasure.pending_erasures, pending.append)
        qtbot.waitUntil(lambda: bool(pending))
        assert pending == [[]]

        press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        search = window.search_page
        type_text(qtbot, search.field, hub.person_id)  # as a scanner types the ID
        press(qtbot, ENTER, NONE)
        qtbot.waitUntil(lambda: bool(search.notice.text()))
        assert search.notice.text() == (
            "This person's record was erased at the coordinator's request."
        )
        assert window.current_page == "find"
