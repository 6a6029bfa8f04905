"""Asking before typed work is thrown away (Esc on a form that has input).

Opened without blocking (`open()`), window-modal: Enter discards, Esc goes back to the form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def ask_discard(parent: QWidget, on_discard: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("discardConfirm")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DiscardConfirm", "Discard what was typed?"))
    box.setText(
        QCoreApplication.translate(
            "DiscardConfirm", "Discard what was typed? It has not been saved."
        )
    )
    discard = box.addButton(
        QCoreApplication.translate("DiscardConfirm", "Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("DiscardConfirm", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(discard)
    box.setEscapeButton(keep)
    previous = QApplication.focusWidget()

    def finished() -> None:
        if box.clickedButton() is discard:
            on_discard()
        elif previous is not None and previous.isVisible():
            # Back to the field the volunteer was in, even where the window manager forgets.
            previous.activateWindow()
            previous.setFocus(Qt.FocusReason.ShortcutFocusReason)  # with its focus ring

    box.finished.connect(finished)
    box.open()
    return box
