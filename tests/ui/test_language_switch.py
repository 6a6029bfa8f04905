"""Switching to Ukrainian or Russian, live, leaves no English behind in the shell's screens:
every text of every widget (labels, buttons, titles, placeholders, tooltips, accessible names,
table headers and cells) differs from its English source, unless it is a name, an ID or a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldreg.core.errors import AuthError, StoreError
from fieldreg.core.names import transliterate
from fieldreg.services.session import Session
from fieldreg.ui.crash_dialog import CrashDialog
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.first_run_wizard import KEY, FirstRunWizard
from fieldreg.ui.translations import LANGUAGE_NAMES
from tests.ui.desk import Desk, open_desk
from tests.ui.shell_support import synthetic_people, widget_texts

# Texts that are the same in every language: IDs, numbers and dates, recovery key groups,
# the language names, the program's name, the "ID" heading and proper names (added per test).
NEUTRAL = re.compile(
    r"^([0-9A-Z]{2,6}-[0-9A-Z]{4,10}-[0-9A-Z]|[0-9A-Z]{5}|[\d\s.,:;%~+()·/-]*|ID|OK|fieldreg|"
    r"X{5}(-X{5}){6}|" + "|".join(LANGUAGE_NAMES.values()) + r")$"
)


@pytest.fixture
def people(session: Session) -> list[dict[str, object]]:
    chosen = synthetic_people(3, seed=21)
    for person in chosen:
        session.register(person)
    return chosen


@pytest.fixture
def desk(
    qtbot: QtBot,
    qapp: QApplication,
    session: Session,
    data_dir: Path,
    people: list[dict[str, object]],
) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def _texts(roots: list[QWidget]) -> dict[str, str]:
    """Place -> text for every widget under `roots` (places are stable across languages)."""
    texts = {}
    for root in roots:
        for number, widget in enumerate([root, *root.findChildren(QWidget)]):
            for position, text in enumerate(widget_texts(widget, shown_only=True)):
                if text.strip():
                    texts[f"{root.objectName()}/{number}/{type(widget).__name__}/{position}"] = text
    return texts


def _shell_screens(desk: Desk, qtbot: QtBot, people: list[dict[str, object]]) -> list[QWidget]:
    """Every screen the shell owns, each in a state that shows its texts."""
    window = desk.window
    search = window.search_page
    search.field.setText(str(people[0]["family_name"]))
    qtbot.waitUntil(lambda: search.model.rowCount() > 0)
    search.show_saved(["K7-0001-0"])
    wizard = FirstRunWizard(desk.context)
    wizard.setObjectName("wizard")
    qtbot.addWidget(wizard)
    wizard.key_view.set_key("5HDA6-EEKBY-XKYG5-BG7VC-3RYMP-K6QZJ-BY2BD")
    wizard.strength.update_for("a passphrase")
    wizard.go(KEY)
    unlock = window.unlock_page
    unlock.prepare("idle", None)
    unlock.passphrase_error.show_text(
        lambda: desk.context.describe(AuthError("auth.wrong_passphrase"))
    )
    unlock.strength.update_for("x")
    settings = window.open_settings()
    crash = CrashDialog("KeyError\n  fieldreg/ui/app.py:1 in main")
    crash._details.clear()  # the report itself is technical and stays in English
    qtbot.addWidget(crash)
    store_error = show_store_error(window, desk.context, StoreError("store.disk_full"))
    assert isinstance(store_error, QMessageBox)
    qtbot.addWidget(store_error)  # closed after the test: an open dialog would keep the focus
    qtbot.waitUntil(lambda: window.sync_page.role is not None)  # its state is read on unlock
    return [
        window.toolbar,
        window.statusBar(),
        search,
        unlock,
        wizard,
        settings,
        crash,
        store_error,
        window.sync_page,
        window.coordinator_page,
    ]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_no_english_is_left_after_switching(
    qtbot: QtBot, desk: Desk, people: list[dict[str, object]], language: str
) -> None:
    screens = _shell_screens(desk, qtbot, people)
    english = _texts(screens)
    english_title = desk.window.windowTitle()
    proper_names = {str(v) for p in people for v in p.values()} | {"Школа 5", "Оксана"}
    proper_names |= {transliterate(name) for name in proper_names}
    proper_names |= set(QPrinterInfo.availablePrinterNames())  # the settings list the printers

    desk.translators.switch(language)
    QApplication.processEvents()  # LanguageChange is posted to every widget
    translated = _texts(screens)

    assert desk.window.windowTitle() != english_title
    assert translated.keys() == english.keys()
    untranslated = sorted(
        {
            text
            for place, text in translated.items()
            if text == english[place]
            and not NEUTRAL.match(text)
            and not any(text == name or name in text.split() for name in proper_names)
        }
    )
    assert untranslated == [], untranslated
    desk.window.search_page.focus_search()


def test_every_input_of_the_shell_has_an_accessible_name(
    qtbot: QtBot, desk: Desk, people: list[dict[str, object]]
) -> None:
    inputs = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)
    nameless = [
        f"{root.objectName()}: {type(widget).__name__} {widget.objectName()}"
        for root in _shell_screens(desk, qtbot, people)
        for widget in root.findChildren(QWidget)
        if isinstance(widget, inputs)
        and not isinstance(widget, QHeaderView)
        and not _inside(widget, (QAbstractSpinBox, QComboBox))  # their inner parts
        and not widget.accessibleName()
    ]
    assert nameless == [], nameless


def _inside(widget: QWidget, kinds: tuple[type[QWidget], ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False
