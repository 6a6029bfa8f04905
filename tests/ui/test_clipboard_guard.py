"""Locking clears what the application put on the clipboard, and only that."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fieldreg.ui.clipboard_guard import ClipboardGuard


def test_what_the_application_copied_is_cleared(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    guard.put("Ковальчук")
    guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""


def test_what_another_program_copied_is_left_alone(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    guard.put("Ковальчук")
    assert QGuiApplication.focusWindow() is None  # no window of ours is active: not our copy
    QGuiApplication.clipboard().setText("a shopping list")
    guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "a shopping list"
    QGuiApplication.clipboard().clear()
