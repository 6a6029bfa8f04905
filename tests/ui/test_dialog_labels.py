"""Every input of every dialog has a label that names it, and Alt with the label's underlined
letter puts the cursor in it (QLabel.setBuddy): no two captions or buttons of one dialog share a
letter. Screen readers read the label; volunteers reach the field without the mouse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldreg.services.enrollment_service import DeviceInfo
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.device_dialogs import ApproveDialog, RevokeDialog
from fieldreg.ui.person_status import ASKS_PLACE, ASKS_TRANSPORT, StatusDialog
from fieldreg.ui.print_dialog import BAND, TAGS, PrintDialog
from fieldreg.ui.settings_dialog import SettingsDialog
from fieldreg.ui.translations import Translators
from tests.ui.keyboard import ALT, focused, press, running_context

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
_MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture(params=["en", "uk", "ru"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Each dialog in each language: a translation must keep a letter and not share one."""
    translators = Translators(qapp)
    translators.switch(request.param)
    yield request.param
    translators.switch("en")


def _inputs(dialog: QDialog) -> list[QWidget]:
    """The inputs a volunteer types into or chooses from (not the line edit inside a spin box
    or a combo box, which their owner's label names)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INPUTS):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue
        found.append(widget)
    return found


def _captions(dialog: QDialog) -> dict[QWidget, str]:
    return {
        buddy: label.text()
        for label in dialog.findChildren(QLabel)
        if (buddy := label.buddy()) is not None
    }


def _letters(dialog: QDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    return [m[1].lower() for text in texts if (m := _MNEMONIC.search(text))]


def _check(qtbot: QtBot, dialog: QDialog, language: str) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    captions = _captions(dialog)
    unnamed = [
        w.objectName() or w.accessibleName() or type(w).__name__
        for w in _inputs(dialog)
        if not captions.get(w, "").strip()
    ]
    assert unnamed == [], f"inputs without a label in {dialog.objectName()}"
    no_letter = [text for text in captions.values() if not _MNEMONIC.search(text)]
    assert no_letter == [], f"labels without an Alt letter in {dialog.objectName()}"
    letters = _letters(dialog)
    assert sorted(letters) == sorted(set(letters)), f"{dialog.objectName()}: {letters}"
    if language != "en":
        return  # Alt with a Cyrillic letter is the keyboard layouts' tests' business
    # Alt + the letter reaches each visible input.
    for widget, text in captions.items():
        if widget.isVisible() and widget.isEnabled():
            match = _MNEMONIC.search(text)
            assert match is not None
            press(qtbot, Qt.Key(ord(match[1].upper())), ALT)
            assert focused() is widget or widget.isAncestorOf(focused()), text


@pytest.mark.parametrize("status", sorted(ASKS_TRANSPORT | ASKS_PLACE))
def test_status_dialogs(qtbot: QtBot, status: str, language: str) -> None:
    _check(qtbot, StatusDialog(status), language)


def test_approve_dialog(qtbot: QtBot, context: UiContext, language: str) -> None:
    dialog = ApproveDialog(context)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    _check(qtbot, dialog, language)


def test_revoke_dialog(qtbot: QtBot, context: UiContext, language: str) -> None:
    device = DeviceInfo("d1", "Laptop 3", "K8", 1, 40, None)
    dialog = RevokeDialog(context, device)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    _check(qtbot, dialog, language)


def test_settings_dialog(qtbot: QtBot, data_dir: Path, language: str) -> None:
    directory = DataDir(data_dir)
    dialog = SettingsDialog(
        Settings.load(directory), lambda *_: None, UiContext.describe, print_dir=directory
    )
    _check(qtbot, dialog, language)


@pytest.mark.parametrize("kind", [BAND, TAGS])
def test_print_dialog(
    qtbot: QtBot, context: UiContext, session: Session, kind: str, language: str
) -> None:
    person = session.register({"family_name": "Тестенко", "given_name": "Орися"})
    dialog = PrintDialog(context, [person], kind)
    dialog.destination.setCurrentIndex(dialog.destination.count() - 1)  # Save as PDF: a file row
    _check(qtbot, dialog, language)
    qtbot.waitUntil(lambda: dialog.note.text() != "")
    dialog.reject()
