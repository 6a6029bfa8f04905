"""A plain Enter on someone already registered asks first: open them (the default, a second Enter)
or register a new person; even when Enter comes before the side panel has answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.household_page import HouseholdPage
from fieldreg.ui.register_page import RegisterPage
from tests.ui.keyboard import ALT, ENTER, TAB, focused, press, running_context, type_then

DARYNA = {"family_name": "Коваленко", "given_name": "Дарина", "dob": "2015", "sex": "female"}


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture
def daryna(session: Session) -> str:
    return session.register(DARYNA)


@pytest.fixture
def page(qtbot: QtBot, context: UiContext, daryna: str) -> RegisterPage:
    page = RegisterPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.start_new()
    return page


def _question(qtbot: QtBot, page: QWidget) -> QMessageBox:
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "alreadyRegistered") is not None)
    box = page.findChild(QMessageBox, "alreadyRegistered")
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    return box


def _type_daryna(qtbot: QtBot, *, year: str = "2015") -> None:
    type_then(qtbot, "Коваленко", TAB)
    type_then(qtbot, "Дарина", TAB, TAB)
    type_then(qtbot, year)


def test_enter_before_the_panel_answers_asks_and_a_second_enter_opens_her(
    qtbot: QtBot, page: RegisterPage, context: UiContext, session: Session, daryna: str
) -> None:
    _type_daryna(qtbot)
    assert page.duplicates.pending()  # the side panel has not answered yet
    qtbot.keyClick(focused(), ENTER)
    box = _question(qtbot, page)
    assert QTextDocumentFragment.fromHtml(box.text()).toPlainText() == (
        f"Коваленко Дарина, 2015, is already registered as {daryna}: "
        "open her, or register a new person?"
    )
    assert f"<nobr>{daryna}</nobr>" in box.text()  # never wrapped at a hyphen: "K7-0001-" / "X"
    assert box.defaultButton().text() == "&Open"
    with qtbot.waitSignal(context.open_person) as opened:
        qtbot.keyClick(focused(), ENTER)
    assert opened.args == [daryna]
    context.worker.wait()
    assert list(session.people.summaries()) == [daryna]  # nothing saved


def test_register_a_new_person_saves_her_after_all(
    qtbot: QtBot, page: RegisterPage, session: Session, daryna: str
) -> None:
    _type_daryna(qtbot)
    qtbot.keyClick(focused(), ENTER)
    _question(qtbot, page)
    with qtbot.waitSignal(page.saved) as saved:
        press(qtbot, Qt.Key.Key_R, ALT)  # Register a new person
    [new] = saved.args[0]
    assert new != daryna
    assert len(session.people.summaries()) == 2
    assert focused().objectName() == "family_name"


def test_escape_goes_back_to_the_field_and_saves_nothing(
    qtbot: QtBot, page: RegisterPage, session: Session, daryna: str
) -> None:
    _type_daryna(qtbot)
    qtbot.keyClick(focused(), ENTER)
    _question(qtbot, page)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "alreadyRegistered") is None)
    assert focused().objectName() == "dob"
    assert page.form.values()["given_name"] == "Дарина"
    assert list(session.people.summaries()) == [daryna]


def test_someone_born_a_year_apart_is_saved_without_asking(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    _type_daryna(qtbot, year="2016")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), ENTER)
    assert len(session.people.summaries()) == 2


def test_a_household_member_already_registered_is_added_as_registered(
    qtbot: QtBot, context: UiContext, session: Session, daryna: str
) -> None:
    page = HouseholdPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.start_new()
    type_then(qtbot, "Коваленко", TAB)
    type_then(qtbot, "Олена", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    type_then(qtbot, "", TAB)  # the family name is already the mother's
    type_then(qtbot, "Дарина", TAB, TAB)
    type_then(qtbot, "2015", TAB, TAB)
    type_then(qtbot, "C", ENTER)  # relationship: child
    box = _question(qtbot, page)
    assert "add her, or register a new person?" in box.text()
    qtbot.keyClick(focused(), ENTER)  # add the registered person
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    assert page.members()[1].person_id == daryna
    assert page.members()[1].relationship == "child"
    assert not page.form.has_input()
    family = page.form.field_widget("family_name")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is family)  # the window active again


def test_ctrl_enter_right_after_enter_saves_the_household_once_the_member_is_in(
    qtbot: QtBot, context: UiContext, session: Session, daryna: str
) -> None:
    page = HouseholdPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.start_new()
    type_then(qtbot, "Гончар", TAB)
    type_then(qtbot, "Олена")
    with qtbot.waitSignal(page.saved) as saved:
        qtbot.keyClick(focused(), ENTER)
        assert page.checking()  # the look among the registered has not answered yet
        qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    assert len(saved.args[0]) == 1
    assert len(session.people.summaries()) == 2
