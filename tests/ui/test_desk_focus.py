"""Where the cursor is after every way onto the registration forms: the letters a volunteer types
next land in Family name (with its focus ring shown), wherever the form was left before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QStyle, QStyleOption, QWidget
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import CTRL, ENTER, TAB, focused, press, type_then

ESC = Qt.Key.Key_Escape
NONE = Qt.KeyboardModifier.NoModifier
PAGE_KEYS = {
    "find": Qt.Key.Key_F,
    "register": Qt.Key.Key_N,
    "household": Qt.Key.Key_H,
    "roster": Qt.Key.Key_R,
}


@pytest.fixture
def registered(session: Session) -> str:
    return session.register({"family_name": "Фокусенко", "given_name": "Ліна", "dob": "1990"})


@pytest.fixture
def desk(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path, registered: str
) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def ring_shown(widget: QWidget) -> bool:
    """What the style reads to draw a focus frame: the focus, and a keyboard focus change."""
    option = QStyleOption()
    option.initFrom(widget)
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
        state & QStyle.StateFlag.State_KeyboardFocusChange
    )


def _box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def _typing_lands_in_family_name(qtbot: QtBot, page: QWidget) -> None:
    widget = focused()
    assert page.isAncestorOf(widget)
    assert widget.objectName() == "family_name"
    assert ring_shown(widget)
    type_then(qtbot, "Zq")
    family = next(e for e in page.findChildren(QLineEdit) if e.objectName() == "family_name")
    assert family.text().endswith("Zq")


def _leave_the_cursor_in_region(qtbot: QtBot, key: Qt.Key) -> None:
    press(qtbot, key, CTRL)
    while focused().objectName() != "origin_region":
        type_then(qtbot, "", TAB)


def _go_to(qtbot: QtBot, desk: Desk, origin: str, person_id: str) -> None:
    if origin == "person":
        press(qtbot, Qt.Key.Key_F, CTRL)
        type_then(qtbot, person_id, ENTER)
        qtbot.waitUntil(lambda: desk.window.person_page.person_id() == person_id)
    else:
        press(qtbot, PAGE_KEYS[origin], CTRL)
    assert desk.window.current_page == origin


@pytest.mark.parametrize("origin", ["find", "roster", "household", "person", "register"])
def test_ctrl_n_from_every_page_puts_the_cursor_in_family_name(
    qtbot: QtBot, desk: Desk, registered: str, origin: str
) -> None:
    _leave_the_cursor_in_region(qtbot, Qt.Key.Key_N)
    _go_to(qtbot, desk, origin, registered)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert desk.window.current_page == "register"
    _typing_lands_in_family_name(qtbot, desk.window.register_page)


@pytest.mark.parametrize("origin", ["find", "roster", "register", "person", "household"])
def test_ctrl_h_from_every_page_puts_the_cursor_in_family_name(
    qtbot: QtBot, desk: Desk, registered: str, origin: str
) -> None:
    _leave_the_cursor_in_region(qtbot, Qt.Key.Key_H)
    _go_to(qtbot, desk, origin, registered)
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert desk.window.current_page == "household"
    _typing_lands_in_family_name(qtbot, desk.window.household_page)


def test_the_toolbar_action_puts_the_cursor_in_family_name(qtbot: QtBot, desk: Desk) -> None:
    _leave_the_cursor_in_region(qtbot, Qt.Key.Key_N)
    press(qtbot, Qt.Key.Key_F, CTRL)
    desk.window.actions_by_name["register"].trigger()
    _typing_lands_in_family_name(qtbot, desk.window.register_page)


def test_after_escape_and_discard_then_find_ctrl_n_starts_in_family_name(
    qtbot: QtBot, desk: Desk
) -> None:
    # As reported: the letters typed after this went into Region, or Date of birth.
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Коваленко", TAB)
    type_then(qtbot, "Дарина", TAB, TAB)
    type_then(qtbot, "2015", TAB, TAB, TAB, TAB)
    assert focused().objectName() == "origin_region"
    press(qtbot, ESC, NONE)
    box = _box("discardConfirm")
    assert box is not None
    qtbot.keyClick(box, ENTER)  # discard
    qtbot.waitUntil(lambda: desk.window.current_page == "find")
    press(qtbot, Qt.Key.Key_F, CTRL)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not desk.window.register_page.form.has_input()
    _typing_lands_in_family_name(qtbot, desk.window.register_page)


def test_keep_editing_returns_to_the_field_with_its_ring(qtbot: QtBot, desk: Desk) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Коваленко", TAB)
    type_then(qtbot, "Дари")
    press(qtbot, ESC, NONE)
    box = _box("discardConfirm")
    assert box is not None
    qtbot.keyClick(box, ESC)  # keep editing
    qtbot.waitUntil(lambda: _box("discardConfirm") is None)
    assert focused().objectName() == "given_name"
    assert ring_shown(focused())
    type_then(qtbot, "на")
    assert focused().text() == "Дарина"  # type: ignore[attr-defined]


def test_after_a_save_ctrl_n_starts_in_an_empty_family_name(qtbot: QtBot, desk: Desk) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Зберігайло", TAB)
    type_then(qtbot, "Ніна", TAB, TAB)
    type_then(qtbot, "1971")
    press(qtbot, ENTER, NONE)
    qtbot.waitUntil(lambda: desk.window.current_page == "find")
    assert focused() is desk.window.search_page.field
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not desk.window.register_page.form.has_input()
    _typing_lands_in_family_name(qtbot, desk.window.register_page)


def test_after_lock_and_unlock_the_draft_is_back_with_the_cursor_in_family_name(
    qtbot: QtBot, desk: Desk
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Чернетка", TAB)
    type_then(qtbot, "Віра", TAB, TAB)
    type_then(qtbot, "1980", TAB, TAB, TAB)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: focused() is desk.window.unlock_page.passphrase)
    type_then(qtbot, PASSPHRASE, ENTER)
    qtbot.waitUntil(lambda: desk.context.session is not None, timeout=20_000)
    assert desk.window.current_page == "register"
    assert desk.window.register_page.form.values()["given_name"] == "Віра"
    widget = focused()
    assert widget.objectName() == "family_name"
    assert ring_shown(widget)


def test_after_enter_adds_a_member_the_cursor_is_in_the_next_family_name(
    qtbot: QtBot, desk: Desk
) -> None:
    page = desk.window.household_page
    press(qtbot, Qt.Key.Key_H, CTRL)
    type_then(qtbot, "Родина", TAB)
    type_then(qtbot, "Ольга", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    widget = focused()
    assert widget.objectName() == "family_name"
    assert ring_shown(widget)
    assert widget.text() == "Родина"  # type: ignore[attr-defined]
    type_then(qtbot, "Інша")  # the first member's family name is selected: typing replaces it
    assert widget.text() == "Інша"  # type: ignore[attr-defined]
