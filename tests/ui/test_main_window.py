"""The shell: find first, a scan opens the person, keyboard navigation, a save returns to an empty
search with the new ID, a store error keeps the form, and idle locking clears everything."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import CTRL, ENTER, TAB, focused, press, type_then
from tests.ui.shell_support import leaks, synthetic_people

ESC = Qt.Key.Key_Escape


@pytest.fixture
def people(session: Session) -> list[tuple[str, dict[str, object]]]:
    return [(session.register(p), p) for p in synthetic_people(4, seed=5)]


@pytest.fixture
def desk(
    qtbot: QtBot,
    qapp: QApplication,
    session: Session,
    data_dir: Path,
    people: list[tuple[str, dict[str, object]]],
) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def _message_box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def test_find_has_the_focus_and_a_scan_opens_the_person(
    qtbot: QtBot, desk: Desk, people: list[tuple[str, dict[str, object]]]
) -> None:
    window = desk.window
    assert focused() is window.search_page.field
    assert "People: 4" in window.status.counts.text()
    assert "Школа 5" in window.status.point.text()
    assert "Оксана" in window.status.operator.text()
    person_id = people[2][0]
    type_then(qtbot, person_id, ENTER)  # a keyboard-wedge scanner types, then presses Enter
    qtbot.waitUntil(lambda: window.person_page.person_id() == person_id)
    assert window.current_page == "person"
    press(qtbot, ESC, Qt.KeyboardModifier.NoModifier)
    assert window.current_page == "find"
    assert focused() is window.search_page.field


def test_shortcuts_move_between_pages(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    for key, page in (
        (Qt.Key.Key_N, "register"),
        (Qt.Key.Key_R, "roster"),
        (Qt.Key.Key_H, "household"),
        (Qt.Key.Key_F, "find"),
    ):
        press(qtbot, key, CTRL)
        assert window.current_page == page
        assert window.work.currentWidget().isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_N, CTRL)
    press(qtbot, ESC, Qt.KeyboardModifier.NoModifier)  # nothing typed: straight back to find
    assert window.current_page == "find"
    assert focused() is window.search_page.field
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.screens.currentWidget() is window.unlock_page
    assert window.context.session is None


def test_a_save_returns_to_an_empty_search_with_the_new_id(
    qtbot: QtBot, desk: Desk, session: Session
) -> None:
    window = desk.window
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Тестенко", TAB)
    type_then(qtbot, "Орися", ENTER)
    qtbot.waitUntil(lambda: window.current_page == "find" and window.search_page.notice.isVisible())
    new_id = next(
        pid for pid, f in session.people.summaries().items() if f["given_name"] == "Орися"
    )
    assert new_id in window.search_page.notice.text()
    assert window.search_page.field.text() == ""
    assert focused() is window.search_page.field
    qtbot.waitUntil(lambda: "People: 5" in window.status.counts.text())


def test_a_full_disk_during_save_keeps_the_form_and_a_retry_saves(
    qtbot: QtBot, desk: Desk, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Тестенко", TAB)
    type_then(qtbot, "Мирослава", TAB)
    typed = {e.objectName(): e.text() for e in window.register_page.findChildren(QLineEdit)}

    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(session._repo, "append", full)
    before = len(session.people.summaries())
    press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: _message_box("storeErrorDialog") is not None)
    box = _message_box("storeErrorDialog")
    assert box is not None
    assert "disk is full" in box.text()
    assert window.current_page == "register"
    assert {e.objectName(): e.text() for e in window.register_page.findChildren(QLineEdit)} == typed
    assert len(session.people.summaries()) == before
    box.accept()

    monkeypatch.undo()  # space was freed
    window.register_page.save()
    qtbot.waitUntil(lambda: window.current_page == "find" and window.search_page.notice.isVisible())
    assert len(session.people.summaries()) == before + 1
    assert any(f["given_name"] == "Мирослава" for f in session.people.summaries().values())


def test_idle_lock_clears_every_personal_value_and_unlocking_restores_the_work(
    qtbot: QtBot, desk: Desk, people: list[tuple[str, dict[str, object]]]
) -> None:
    window = desk.window
    context = desk.context
    names = [str(p[k]) for _, p in people for k in ("family_name", "given_name", "patronymic")]
    family = str(people[0][1]["family_name"])
    type_then(qtbot, family)
    qtbot.waitUntil(lambda: window.search_page.model.rowCount() > 0)
    type_then(qtbot, "", ENTER)  # Enter opens the selected (first) row
    assert window.current_page == "person"
    qtbot.waitUntil(lambda: window.person_page.person_id() is not None)
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_then(qtbot, str(people[1][1]["given_name"]))
    qtbot.waitUntil(lambda: window.search_page.model.rowCount() > 0)
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_C, CTRL)  # the volunteer copies the name from the search field
    assert QApplication.clipboard().text() == str(people[1][1]["given_name"])
    press(qtbot, Qt.Key.Key_N, CTRL)
    draft = "Чернеткова"
    type_then(qtbot, draft, TAB)
    names.append(draft)
    assert leaks(window, names)  # the walk does see what is on screen

    desk.clock.now += 301  # five minutes and a second without input
    with qtbot.waitSignal(context.locked, timeout=10_000):
        assert desk.idle.check()
    assert leaks(window, names) == []
    assert QApplication.clipboard().text() == ""
    context.worker.wait()
    assert window.screens.currentWidget() is window.unlock_page
    assert "kept safely" in window.unlock_page._note.text()

    assert focused() is window.unlock_page.passphrase
    type_then(qtbot, PASSPHRASE, ENTER)
    qtbot.waitUntil(lambda: context.session is not None, timeout=20_000)
    assert window.current_page == "register"
    assert draft in [e.text() for e in window.register_page.findChildren(QLineEdit)]
    assert desk.idle.active


def test_unlocking_shows_the_person_again(
    qtbot: QtBot, desk: Desk, people: list[tuple[str, dict[str, object]]]
) -> None:
    window = desk.window
    person_id = people[3][0]
    type_then(qtbot, person_id, ENTER)
    qtbot.waitUntil(lambda: window.person_page.person_id() == person_id)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.person_page.person_id() is None)
    type_then(qtbot, PASSPHRASE, ENTER)
    qtbot.waitUntil(lambda: window.person_page.person_id() == person_id, timeout=20_000)
    assert window.current_page == "person"


def test_settings_change_the_language_live_and_the_idle_time(
    qtbot: QtBot, desk: Desk, data_dir: Path
) -> None:
    window = desk.window
    press(qtbot, Qt.Key.Key_Comma, CTRL)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.language.setFocus()
    type_then(qtbot, "", Qt.Key.Key_Down, Qt.Key.Key_Down)  # as the system, English, Українська
    assert dialog.language.currentData() == "uk"
    dialog.idle_minutes.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_then(qtbot, "10", ENTER)
    qtbot.waitUntil(lambda: window.actions_by_name["find"].text() == "Пошук")  # posted events
    assert window.search_page.field.placeholderText().startswith("Ім’я")
    saved = Settings.load(DataDir(data_dir))
    assert (saved.language, saved.idle_lock_minutes) == ("uk", 10)
    desk.clock.now += 9 * 60
    assert not desk.idle.check()
    desk.clock.now += 61
    assert desk.idle.check()


def test_a_page_that_fails_to_clear_does_not_keep_the_key(
    qtbot: QtBot, desk: Desk, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window

    def broken() -> None:
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(window.roster_page, "clear_personal_data", broken)
    window.search_page.field.setText("Тестенко")
    with qtbot.captureExceptions() as raised:
        press(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.waitUntil(lambda: session.locked)
    assert raised  # the bug reaches the crash handler ...
    assert {type(e[1]) for e in raised} == {RuntimeError}
    assert window.search_page.field.text() == ""
    assert window.screens.currentWidget() is window.unlock_page


def test_people_another_process_registers_appear_in_the_open_desk(
    qtbot: QtBot, desk: Desk, data_dir: Path
) -> None:
    """A hub serving laptops, or the command line, writes beside the open desk: within seconds
    the counts include the new person and a search finds her, with no unlocking again."""
    window = desk.window
    assert "People: 4" in window.status.counts.text()
    other = vault.open_session(DataDir(data_dir), operator=None, passphrase=PASSPHRASE)
    try:
        person = other.register({"family_name": "Ковальчук", "given_name": "Ярина"})
    finally:
        other.lock()
    qtbot.waitUntil(lambda: "People: 5" in window.status.counts.text(), timeout=15_000)
    type_then(qtbot, "Ковальчук Ярина")
    model = window.search_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.hit(0).person_id == person


def test_a_look_that_ends_after_the_idle_lock_announces_nothing(
    qtbot: QtBot, desk: Desk, data_dir: Path
) -> None:
    """Another process wrote; the watch looks; the idle lock comes before its answer: the
    locked desk shows no one and no error (the answer is dropped)."""
    window = desk.window
    context = desk.context
    other = vault.open_session(DataDir(data_dir), operator=None, passphrase=PASSPHRASE)
    try:
        other.register({"family_name": "Ковальчук", "given_name": "Ярина"})
    finally:
        other.lock()
    announced: list[list[str]] = []
    context.people_changed.connect(announced.append)
    assert window.store_watch.look()
    desk.clock.now += 301
    with qtbot.waitSignal(context.locked, timeout=10_000):
        assert desk.idle.check()
    context.worker.wait()
    qtbot.wait(50)  # the look's answer reaches the GUI thread
    assert announced == []
    assert window.screens.currentWidget() is window.unlock_page
    assert _message_box("storeErrorDialog") is None
    assert not window.store_watch._timer.isActive()
