"""The PostgreSQL server's password, asked when the server wants one (docs/postgresql.md): the
first-run wizard shows it under the address, the window at start when the saved `store_url`
needs it. Enter asks the server on the worker with the typed password; a refusal says so,
clears the field and changes nothing; an answer emits the store's folder holding the password
for this run only (a connect argument, never the saved address, a log or an error's text)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import server_store
from fieldreg.services.paths import DataDir
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.translations import Retranslates

PASSWORD_MAX = 1000


class ServerPassword(Retranslates, QWidget):
    opened = Signal(object)  # the DataDir of the server's store, with its password for this run

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPassword")
        self._context = context
        self._directory: DataDir | None = None
        self._asking = False
        self._label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("serverPasswordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PASSWORD_MAX)
        self._label.setBuddy(self.field)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.message = ErrorLabel()
        self.message.setObjectName("serverPasswordMessage")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.message)
        form.addRow(self._label, self.field)
        form.addRow(self.busy)
        self.field.returnPressed.connect(self._try)
        self.retranslateUi()
        self.hide()

    def ask(self, directory: DataDir, error: FieldregError) -> None:
        """Show the field for the server of `directory`, `error` (password needed or refused)
        above it, focus in it."""
        self._directory = replace(directory, password=None)
        self._show_error(error)
        self.show()

    def forget(self) -> None:
        """Hide the field and drop what was typed (another address was chosen)."""
        self._directory = None
        self.field.clear()
        self.message.clear_error()
        self.hide()

    def _try(self) -> None:
        directory = self._directory
        if directory is None or directory.store_url is None or self._asking:
            return
        address, password = directory.store_url, self.field.text()
        candidate = replace(directory, password=password)

        def done(_answer: object) -> None:
            self._set_asking(False)
            self.field.clear()
            self.opened.emit(candidate)

        self._set_asking(True)
        self._context.worker.submit(
            lambda: server_store.require_server_store(address, password), done, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._set_asking(False)
        if not isinstance(error, FieldregError):
            raise error
        self._show_error(error)

    def _show_error(self, error: FieldregError) -> None:
        self.message.show_text(partial(self._context.describe, error))
        self.field.clear()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_asking(self, asking: bool) -> None:
        self._asking = asking
        self.field.setEnabled(not asking)
        self.busy.setVisible(asking)

    def retranslateUi(self) -> None:
        self._label.setText(self.tr("Pass&word of the database server:"))
        self.field.setAccessibleName(self.tr("Password of the database server"))
        self.busy.setAccessibleName(self.tr("Asking the server…"))


class ServerPasswordScreen(Retranslates, QWidget):
    """The window's screen at start when the saved server store wants its password: a heading,
    the address (never a password) and the same field as the first run."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordScreen")
        self._heading = QLabel()
        font = QFont(self._heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self._heading.setFont(font)
        self._address = QLabel()
        self._address.setWordWrap(True)
        self._address.setTextFormat(Qt.TextFormat.PlainText)
        self.password = ServerPassword(context)
        column = QWidget()
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.addWidget(self._heading)
        inner.addWidget(self._address)
        inner.addWidget(self.password)
        inner.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        self._url = ""
        self.retranslateUi()

    def ask(self, directory: DataDir, error: FieldregError) -> None:
        self._url = directory.store_url or ""
        self.retranslateUi()
        self.password.ask(directory, error)

    def retranslateUi(self) -> None:
        self._heading.setText(self.tr("Open the coordinator's store"))
        self._address.setText(self.tr("Server: {address}").format(address=self._url))
