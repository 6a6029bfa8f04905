"""The desk between two registrations, as a volunteer at a busy point uses it: Ctrl+P prints the
bands of the people just saved for as long as it takes (until the next registration starts or a
person is opened), the status bar's counts change with the save, and search results say which
household a person belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.print_dialog import PrintDialog
from fieldreg.ui.search_model import COL_HOUSEHOLD, COL_ID
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import CTRL, ENTER, TAB, focused, press, type_then

ESC = Qt.Key.Key_Escape
NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def family(session: Session) -> list[str]:
    return session.register_batch(
        [
            {"family_name": "Тестенко", "given_name": "Орися", "dob": "1990"},
            {"family_name": "Тестенко", "given_name": "Марко", "dob": "2019"},
        ],
        new_household=True,
        relationships=["head", "child"],
    )


@pytest.fixture
def desk(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path, family: list[str]
) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def _register(qtbot: QtBot, desk: Desk, family_name: str, given_name: str) -> str:
    window = desk.window
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, family_name, TAB)
    with qtbot.waitSignal(window.register_page.saved) as saved:
        type_then(qtbot, given_name, ENTER)
    [person_id] = saved.args[0]
    qtbot.waitUntil(lambda: person_id in window.search_page.notice.text())
    return str(person_id)


def test_ctrl_p_prints_the_last_save_until_the_next_registration_starts(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    search = window.search_page
    person = _register(qtbot, desk, "Коваль", "Марко")
    assert search.notice.text() == f"Saved. New ID: {person}. Ctrl+P prints the band."

    # The volunteer looks someone up before printing: the save is still Ctrl+P's.
    type_then(qtbot, "Тестенко")
    qtbot.waitUntil(lambda: search.model.rowCount() == 2)
    assert person in search.notice.text()
    with qtbot.waitSignal(search.print_requested) as requested:
        press(qtbot, Qt.Key.Key_P, CTRL)
    assert requested.args == [[person]]
    [dialog] = window.findChildren(PrintDialog)  # no printer here: it waits for a choice
    qtbot.waitUntil(lambda: dialog.note.text() != "")
    dialog.reject()
    qtbot.waitUntil(lambda: focused() is search.field)

    press(qtbot, Qt.Key.Key_N, CTRL)  # the next registration starts (and is given up)
    press(qtbot, ESC, NO_KEYS)
    assert window.current_page == "find"
    assert search.notice.text() == ""
    with qtbot.assertNotEmitted(search.print_requested, wait=100):
        press(qtbot, Qt.Key.Key_P, CTRL)


def test_opening_a_person_ends_the_saved_notice(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    person = _register(qtbot, desk, "Коваль", "Ганна")
    type_then(qtbot, person, ENTER)
    qtbot.waitUntil(lambda: window.person_page.person_id() == person)
    press(qtbot, ESC, NO_KEYS)
    assert window.current_page == "find"
    assert focused() is window.search_page.field
    assert person not in window.search_page.notice.text()
    with qtbot.assertNotEmitted(window.search_page.print_requested, wait=100):
        press(qtbot, Qt.Key.Key_P, CTRL)


def test_the_counts_change_with_the_save(qtbot: QtBot, desk: Desk) -> None:
    """Not after a pause: the people counts come from memory in milliseconds."""
    window = desk.window
    window.status._pause.setInterval(600_000)  # what is not exported may wait; counts may not
    # (only "People": the fixture's session has a fixed today, its saves the real clock)
    assert window.status.counts.text().startswith("People: 2 ·")
    _register(qtbot, desk, "Коваль", "Марко")
    qtbot.waitUntil(lambda: window.status.counts.text().startswith("People: 3 ·"), timeout=5000)
    person = window.search_page.saved_printable()[0]
    type_then(qtbot, person, ENTER)
    qtbot.waitUntil(lambda: window.person_page.person_id() == person)
    qtbot.waitUntil(window.person_page.status.isEnabled)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # waiting
    qtbot.waitUntil(lambda: "waiting: 1" in window.status.counts.text(), timeout=5000)


def test_search_results_show_the_household(
    qtbot: QtBot, desk: Desk, session: Session, family: list[str]
) -> None:
    search = desk.window.search_page
    household = session.people.summaries()[family[0]]["household_id"]
    type_then(qtbot, "Тестенко")
    qtbot.waitUntil(lambda: search.model.rowCount() == 2)
    shown = {
        search.model.data(search.model.index(row, COL_ID)): search.model.data(
            search.model.index(row, COL_HOUSEHOLD)
        )
        for row in range(2)
    }
    assert shown == {
        family[0]: f"{household} · Head of household",
        family[1]: f"{household} · Child",
    }
    header = search.model.headerData(COL_HOUSEHOLD, Qt.Orientation.Horizontal)
    assert header == "Household"


def test_the_confirmation_repeats_the_warning_for_a_child_registered_alone(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    with qtbot.waitSignal(window.register_page.saved):
        type_then(qtbot, "2016", ENTER)
    notice = window.search_page.notice
    qtbot.waitUntil(lambda: "Ctrl+P" in notice.text())
    assert "⚠ Under 18, registered alone and not marked unaccompanied or separated" in (
        notice.text()
    )
    _register(qtbot, desk, "Коваль", "Ганна")  # no date of birth: nothing to warn about
    assert "⚠" not in notice.text()
