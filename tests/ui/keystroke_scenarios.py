"""What a volunteer types at the desk, key by key, counted: shared by tests/ui/test_keystrokes.py
and bench/bench_keystrokes.py (which prints the counts beside their targets).

Every key goes to whatever has the focus, as on a real keyboard: a typed character counts 1, a
shortcut (Ctrl+N) 1, Tab 1. Waiting for the desk's answers (a search, a save) costs no key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldreg.services.session import Session
from fieldreg.ui.main_window import MainWindow

ONE_PERSON_TARGET: Final = 30
FAMILY_TARGET: Final = 110
NONE: Final = Qt.KeyboardModifier.NoModifier
CTRL: Final = Qt.KeyboardModifier.ControlModifier


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the event loop until `condition` holds (the desk answered); no key is pressed."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not answer in time")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class Keyboard:
    """Presses keys into the focused widget and counts them."""

    def __init__(self) -> None:
        self.count = 0

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:
            raise AssertionError("nothing has the keyboard focus")
        return widget

    def type(self, text: str) -> None:
        for char in text:
            if char.isascii():
                QTest.keyClicks(self.focused(), char)
            else:  # QTest only knows ASCII keys: a Cyrillic letter comes as text
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, self.focused(), Qt.Key.Key_unknown, char, NONE
                )
            self.count += 1

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focused(), key, modifier)
            self.count += 1

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)

    def field(self) -> str:
        return self.focused().objectName()


def _saved(window: MainWindow, session: Session, known: set[str]) -> Callable[[], bool]:
    return lambda: len(session.people.summaries()) > len(known) and window.current_page == "find"


def one_person_from_find_first(window: MainWindow, keys: Keyboard) -> str:
    """A woman arrives: her name and year typed into the search (the desk's first screen), no
    one found, Ctrl+N carries them into the form; sex, Enter. Returns her ID."""
    session = window.context.session
    assert session is not None
    search = window.search_page
    if keys.focused() is not search.field:
        raise AssertionError("the desk does not open on the search field")
    text = "Бойко Ганна 1950"
    keys.type(text)
    wait_until(lambda: search._shown_query == text and not search._job)
    if search.model.rowCount():
        raise AssertionError("the scenario's person is already registered")
    keys.press(Qt.Key.Key_N, CTRL)
    if keys.field() != "family_name":
        raise AssertionError(f"Ctrl+N left the cursor in {keys.field()!r}")
    keys.tab(4)  # given name, patronymic, date of birth: filled from the search; then sex
    keys.type("F")
    known = set(session.people.summaries())
    keys.press(Qt.Key.Key_Return)
    wait_until(_saved(window, session, known))
    [person_id] = set(session.people.summaries()) - known
    return person_id


def family_of_five(window: MainWindow, keys: Keyboard) -> list[str]:
    """A mother (full date of birth, sex), three children (year, sex), her mother (~age): one
    household, saved with Ctrl+Enter. The children's family name is never typed: each member
    starts with the first member's. Returns the IDs in order."""
    session = window.context.session
    assert session is not None
    page = window.household_page
    keys.press(Qt.Key.Key_H, CTRL)

    def member(added: int) -> None:
        keys.press(Qt.Key.Key_Return)  # add the member: the desk checks they are not registered
        wait_until(lambda: len(page.members()) == added and not page.checking())
        # A person takes longer between two members than Qt's type-ahead interval: "F" for the
        # mother and "M" for her son typed within it would be one search for "FM".
        QTest.qWait(QApplication.keyboardInputInterval() + 50)
        if keys.field() != "family_name":
            raise AssertionError(f"after Enter the cursor is in {keys.field()!r}")

    keys.type("Коваленко")
    keys.tab()
    keys.type("Олена")
    keys.tab()
    keys.type("Петрівна")
    keys.tab()
    keys.type("12.03.1986")
    keys.tab()
    keys.type("F")
    member(1)
    for number, (given, year, sex) in enumerate(
        (("Марко", "2015", "M"), ("Софія", "2018", "F"), ("Іван", "2021", "M")), start=2
    ):
        keys.tab()  # the family name is the mother's: kept
        keys.type(given)
        keys.tab(2)  # past the patronymic
        keys.type(year)
        keys.tab()
        keys.type(sex)
        keys.tab()
        keys.type("C")  # relationship: child
        member(number)
    keys.tab()
    keys.type("Ганна")
    keys.tab(2)
    keys.type("~70")
    keys.tab()
    keys.type("F")
    keys.tab()
    keys.type("P")  # relationship to the mother, who heads the household: parent
    known = set(session.people.summaries())
    keys.press(Qt.Key.Key_Return, CTRL)  # adds her and saves the household
    wait_until(_saved(window, session, known))
    QCoreApplication.processEvents()
    return sorted(set(session.people.summaries()) - known)
