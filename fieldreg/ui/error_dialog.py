"""Store and other expected errors that do not belong next to one field: a clear dialog.

The dialog is window-modal and opened without blocking (`open()`), so the caller returns at once
and keeps the form exactly as it was; the volunteer reads, closes, fixes the cause and retries.
Anything that is not an expected error is a bug and is raised again for the crash handler.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldreg.core.errors import AuthError, FieldregError, StoreError
from fieldreg.ui.context import UiContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def show_store_error(
    parent: QWidget | None, context: UiContext, error: BaseException
) -> QMessageBox | None:
    """Show `error` and return the (already open) dialog; None when there is nothing to show."""
    if not isinstance(error, FieldregError):
        raise error
    if error.code == "store.locked" and context.session is None:
        return None  # the window was locked while this call was on its way: nothing to tell
    box = QMessageBox(parent)
    box.setObjectName("storeErrorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    if isinstance(error, StoreError):
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_tr("The store could not be used"))
        box.setInformativeText(
            _tr("What you typed is still in the form. When the problem is fixed, try again.")
        )
    elif isinstance(error, AuthError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Not allowed"))
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("This did not work"))
    box.setText(context.describe(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box
