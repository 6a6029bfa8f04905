"""Asking before typed work is thrown away (Esc on a form that has input).

Opened without blocking (`open()`), window-modal: Enter discards, Esc goes back to the form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiscardConfirm", text)


def ask_discard(parent: QWidget, on_discard: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("discardConfirm")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Discard what was typed?"))
    box.setText(_tr("Discard what was typed? It has not been saved."))
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(discard)
    box.setEscapeButton(keep)

    def finished() -> None:
        if box.clickedButton() is discard:
            on_discard()

    box.finished.connect(finished)
    box.open()
    return box
