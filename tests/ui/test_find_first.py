"""Find first, then register: a name no one matched fills the new form; a household's members
start with the first member's family name; every mistake shows at once and goes when fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import CTRL, ENTER, TAB, focused, press, type_then


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    session.register({"family_name": "Мельник", "given_name": "Ганна", "dob": "1950"})
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def _search(qtbot: QtBot, desk: Desk, text: str) -> None:
    page = desk.window.search_page
    type_then(qtbot, text)
    qtbot.waitUntil(lambda: page._shown_query == text and not page._job)


def test_a_name_no_one_matched_fills_the_form_opened_with_ctrl_n(qtbot: QtBot, desk: Desk) -> None:
    _search(qtbot, desk, "Бойко Олеся Петрівна 1986")
    assert desk.window.search_page.model.rowCount() == 0
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = desk.window.register_page.form
    assert form.values() == {
        "family_name": "Бойко",
        "given_name": "Олеся",
        "patronymic": "Петрівна",
        "dob": "1986",
    }
    assert focused().objectName() == "family_name"


def test_the_register_button_under_an_empty_result_does_the_same(qtbot: QtBot, desk: Desk) -> None:
    _search(qtbot, desk, "Бойко Олеся")
    button = desk.window.search_page.register_button
    assert button.isVisible()
    assert button.text() == "Register Бойко Олеся (Ctrl+N)"
    type_then(qtbot, "", TAB)
    assert focused() is button
    type_then(qtbot, " ")
    assert desk.window.current_page == "register"
    assert desk.window.register_page.form.values() == {
        "family_name": "Бойко",
        "given_name": "Олеся",
    }
    assert focused().objectName() == "family_name"


def test_a_name_that_matched_opens_an_empty_form(qtbot: QtBot, desk: Desk) -> None:
    _search(qtbot, desk, "Мельник")
    assert desk.window.search_page.model.rowCount() == 1
    assert not desk.window.search_page.register_button.isVisible()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not desk.window.register_page.form.has_input()


def test_ctrl_h_after_an_unmatched_name_makes_it_the_first_member(qtbot: QtBot, desk: Desk) -> None:
    _search(qtbot, desk, "Бойко Олеся 1986")
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert desk.window.household_page.form.values() == {
        "family_name": "Бойко",
        "given_name": "Олеся",
        "dob": "1986",
    }


def test_members_take_the_first_family_name_editable_and_ctrl_d_copies_it(
    qtbot: QtBot, desk: Desk, session: Session
) -> None:
    page = desk.window.household_page
    press(qtbot, Qt.Key.Key_H, CTRL)
    type_then(qtbot, "Бойко", TAB)
    type_then(qtbot, "Олеся", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    assert not page.form.has_input()  # the family name given is not something typed
    type_then(qtbot, "Гнатюк", TAB)  # the grandmother kept her own name: typing replaces it
    type_then(qtbot, "Віра", TAB, TAB, TAB, TAB)
    type_then(qtbot, "Grandp", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    assert focused().text() == "Бойко"  # type: ignore[attr-defined]
    type_then(qtbot, "", Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_D, CTRL)  # copies the family name back with origin and phone
    assert focused().text() == "Бойко"  # type: ignore[attr-defined]
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Марко", TAB, TAB, TAB, TAB)
    type_then(qtbot, "C")
    with qtbot.waitSignal(page.saved) as saved:
        press(qtbot, ENTER, CTRL)
    people = [session.person(person_id).fields for person_id in saved.args[0]]
    assert [p["family_name"] for p in people] == ["Бойко", "Гнатюк", "Бойко"]


def test_every_mistake_shows_at_once_and_each_goes_when_fixed(qtbot: QtBot, desk: Desk) -> None:
    page = desk.window.register_page
    form = page.form
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Коваль", TAB, TAB, TAB)
    type_then(qtbot, "31.02.1990", TAB, TAB, *[TAB] * 7)
    assert focused().objectName() == "phone"
    type_then(qtbot, "abc")
    press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
    assert "required" in form.error_text("given_name")
    assert form.error_text("dob") == "Date of birth: no such date."
    assert form.error_text("phone")
    assert focused().objectName() == "given_name"  # the first of them
    type_then(qtbot, "М")
    assert form.error_text("given_name") == ""  # gone while typing, before Enter
    assert form.error_text("dob")
    type_then(qtbot, "", TAB, TAB)  # Tab selects what the date field holds
    assert focused().objectName() == "dob"
    type_then(qtbot, "28.02.1990")
    assert form.error_text("dob") == ""
    assert form.error_text("phone")
    assert desk.context.session is not None
    assert len(desk.context.session.people.summaries()) == 1  # nothing was saved


def test_ctrl_n_right_after_typing_before_the_search_answers_fills_the_form(
    qtbot: QtBot, desk: Desk
) -> None:
    type_then(qtbot, "Бойко Олеся")
    assert desk.window.search_page._timer.isActive()  # no answer yet
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert desk.window.register_page.form.values() == {
        "family_name": "Бойко",
        "given_name": "Олеся",
    }


def test_an_id_typed_in_the_search_is_not_taken_for_a_name(qtbot: QtBot, desk: Desk) -> None:
    _search(qtbot, desk, "K7-0009-X")
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not desk.window.register_page.form.has_input()


def test_an_edit_marks_every_mistake_at_once(qtbot: QtBot, desk: Desk, session: Session) -> None:
    [person_id] = session.people.summaries()
    type_then(qtbot, person_id, ENTER)
    page = desk.window.person_page
    qtbot.waitUntil(lambda: page.person_id() == person_id)
    press(qtbot, Qt.Key.Key_E, CTRL)
    type_then(qtbot, "", Qt.Key.Key_Delete, TAB, TAB, TAB)  # the family name, selected, deleted
    type_then(qtbot, "31.02.1950", ENTER)
    assert "required" in page.form.error_text("family_name")
    assert page.form.error_text("dob") == "Date of birth: no such date."
    assert focused().objectName() == "family_name"
    assert session.person(person_id).fields["family_name"] == "Мельник"
