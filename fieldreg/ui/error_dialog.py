"""Store and other expected errors that do not belong next to one field: a clear dialog.

The dialog is window-modal and opened without blocking (`open()`), so the caller returns at once
and keeps the form exactly as it was; the volunteer reads, closes, fixes the cause and retries.
Anything that is not an expected error is a bug and is raised again for the crash handler.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldreg.core.errors import AuthError, FieldregError, StoreError
from fieldreg.ui.context import UiContext
from fieldreg.ui.translations import Retranslates


class ErrorBox(Retranslates, QMessageBox):
    """One expected error, worded again if the language changes while it is open."""

    def __init__(self, parent: QWidget | None, context: UiContext, error: FieldregError) -> None:
        super().__init__(parent)
        self.setObjectName("storeErrorDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._context = context
        self.error = error
        critical = isinstance(error, StoreError)
        self.setIcon(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setDefaultButton(QMessageBox.StandardButton.Ok)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        error = self.error
        if isinstance(error, StoreError):
            self.setWindowTitle(self.tr("The store could not be used"))
            self.setInformativeText(
                self.tr(
                    "What you typed is still in the form. When the problem is fixed, try again."
                )
            )
        elif isinstance(error, AuthError):
            self.setWindowTitle(self.tr("Not allowed"))
        else:
            self.setWindowTitle(self.tr("This did not work"))
        self.setText(self._context.describe(error))


def show_store_error(
    parent: QWidget | None, context: UiContext, error: BaseException
) -> QMessageBox | None:
    """Show `error` and return the (already open) dialog; None when there is nothing to show."""
    if not isinstance(error, FieldregError):
        raise error
    if error.code == "store.locked" and context.session is None:
        return None  # the window was locked while this call was on its way: nothing to tell
    box = ErrorBox(parent, context, error)
    box.open()
    return box
