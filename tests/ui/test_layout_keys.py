"""Shortcuts and mnemonics work whatever the keyboard layout: with a Ukrainian or Russian layout
the keys arrive as Cyrillic letters (Ctrl+Т for the N key, as X11 and Windows deliver them), and
with a Latin layout a Ukrainian mnemonic (Alt+П) is typed as the Latin key at its place (Alt+G).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.first_run_wizard import CHOOSE, CREATE
from fieldreg.ui.idle_lock import IdleLock
from fieldreg.ui.layout_keys import twin_key
from fieldreg.ui.main_window import MainWindow
from fieldreg.ui.settings_dialog import SettingsDialog
from fieldreg.ui.translations import Translators
from fieldreg.ui.worker import Worker
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import ALT, CTRL, focused, type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def key_of(letter: str) -> Qt.Key:
    """The Qt key a platform reports for a letter: its upper-case code point."""
    return Qt.Key(ord(letter.upper()))


def press(letter: str, modifiers: Qt.KeyboardModifier) -> None:
    """A key press as the platform delivers it under the active layout: key and text."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), key_of(letter), letter, modifiers)


@pytest.mark.parametrize(
    ("letter", "modifiers", "language", "expected"),
    [
        ("т", CTRL, "en", "N"),
        ("а", CTRL, "uk", "F"),
        ("ы", CTRL | SHIFT, "ru", "S"),
        ("і", CTRL | SHIFT, "uk", "S"),
        ("б", CTRL, "en", ","),
        ("ш", ALT, "en", "I"),
        ("g", ALT, "uk", "П"),
        ("s", ALT, "uk", "І"),
        ("s", ALT, "ru", "Ы"),
        ("]", ALT, "uk", "Ї"),
    ],
)
def test_the_key_at_the_same_place_in_the_other_alphabet(
    letter: str, modifiers: Qt.KeyboardModifier, language: str, expected: str
) -> None:
    assert twin_key(key_of(letter), modifiers, language) == ord(expected)


@pytest.mark.parametrize(
    ("letter", "modifiers", "language"),
    [
        ("т", NONE, "uk"),  # typing
        ("т", SHIFT, "uk"),
        ("т", CTRL | ALT, "uk"),  # AltGr on Windows
        ("n", CTRL, "uk"),  # Latin shortcuts are never turned into Cyrillic ones
        ("s", ALT, "en"),  # an English interface has no Cyrillic mnemonics
        ("ґ", CTRL, "uk"),  # a key not on the US layout's letter rows
    ],
)
def test_other_keys_are_left_alone(
    letter: str, modifiers: Qt.KeyboardModifier, language: str
) -> None:
    assert twin_key(key_of(letter), modifiers, language) is None


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


@pytest.mark.parametrize("language", ["en", "uk"])
def test_page_shortcuts_on_a_cyrillic_layout(qtbot: QtBot, desk: Desk, language: str) -> None:
    window = desk.window
    desk.translators.switch(language)
    for letter, modifiers, page in (
        ("т", CTRL, "register"),  # Ctrl+N
        ("к", CTRL, "roster"),  # Ctrl+R
        ("р", CTRL, "household"),  # Ctrl+H
        ("ы" if language == "en" else "і", CTRL | SHIFT, "sync"),  # Ctrl+Shift+S
        ("а", CTRL, "find"),  # Ctrl+F
    ):
        press(letter, modifiers)
        assert window.current_page == page, (letter, page)
    search = window.search_page.field
    assert focused() is search
    type_text(qtbot, search, "Коваль")
    press("ф", CTRL)  # Ctrl+A selects all, then what is typed replaces it
    type_text(qtbot, search, "Мельник")
    assert search.text() == "Мельник"
    press("б", CTRL)  # Ctrl+, opens the settings
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_page.focus_search()
    press("д", CTRL)  # Ctrl+L locks
    assert window.context.session is None


@pytest.fixture
def first_run(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> Iterator[MainWindow]:
    """The window of a laptop with no store yet: the first-run wizard."""
    directory = DataDir(data_dir)
    translators = Translators(qapp)
    window = MainWindow(
        UiContext(directory, Worker()), Settings.load(directory), translators, IdleLock(300_000)
    )
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start()
    yield window
    translators.switch("en")


def _wizard_field(window: MainWindow, name: str) -> QLineEdit:
    assert window.wizard is not None
    found = window.wizard.findChild(QLineEdit, name)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("language", "letter", "field"),
    [
        ("uk", "g", "passphraseField"),  # Latin layout, "&Парольна фраза": Alt+П is the G key
        ("uk", "п", "passphraseField"),  # Cyrillic layout: Alt+П as typed
        ("uk", "s", "operatorField"),  # "Ваше &ім’я": Alt+І is the S key
        ("ru", "g", "passphraseField"),
        ("en", "т", "operatorField"),  # Cyrillic layout, "Your &name": Alt+N is the Т key
    ],
)
def test_mnemonics_on_either_layout(
    qtbot: QtBot, first_run: MainWindow, language: str, letter: str, field: str
) -> None:
    wizard = first_run.wizard
    assert wizard is not None
    first_run._translators.switch(language)
    QApplication.processEvents()  # the new texts (and their mnemonics) come in posted events
    wizard.go(CREATE)
    assert focused() is _wizard_field(first_run, "pointField")
    press(letter, ALT)
    assert focused() is _wizard_field(first_run, field)


@pytest.mark.parametrize(("language", "letter"), [("uk", "y"), ("uk", "н"), ("en", "и")])
def test_a_button_mnemonic_on_either_layout(
    qtbot: QtBot, first_run: MainWindow, language: str, letter: str
) -> None:
    """ "&Назад" / "&Back": Alt+Н is the Y key of a Latin layout; Alt+B is the И key."""
    wizard = first_run.wizard
    assert wizard is not None
    first_run._translators.switch(language)
    QApplication.processEvents()  # the new texts (and their mnemonics) come in posted events
    wizard.go(CREATE)
    press(letter, ALT)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == CHOOSE)  # a mnemonic animates a click
