"""Unlock: pick the operator, type the passphrase, Enter. The key derivation and the loading of
the search index run on the worker with a progress bar; a wrong passphrase is said next to the
field, which is cleared. "Forgot your passphrase?" sets a new one with the recovery key
(vault.recover) and then unlocks with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import AuthError, FieldregError, ValidationError
from fieldreg.services import vault
from fieldreg.services.session import Session
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, StrengthHint, push_button
from fieldreg.ui.translations import Retranslates

PAGE_WIDTH: Final = 520
_PASSWORD: Final = QLineEdit.EchoMode.Password


class _Progress(QObject):
    """Emitted on the worker thread, delivered on the GUI thread (queued)."""

    step = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.step.emit(done, total)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(_PASSWORD)
    field.setMaxLength(1024)
    return field


class UnlockPage(Retranslates, QWidget):
    unlocked = Signal(object)  # the open Session

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self._context = context
        self._reason = "start"
        self._busy = False
        self._progress_relay = _Progress(self)
        self._progress_relay.step.connect(self._on_progress)

        self._title = QLabel()
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self._title.setFont(font)
        self._note = QLabel()
        self._note.setWordWrap(True)
        self.operator = QComboBox()
        self.operator.setObjectName("operatorChoice")
        self._operator_label = QLabel()
        self._operator_label.setBuddy(self.operator)

        # the ordinary unlock
        self.passphrase = _password_field("passphraseField")
        self.passphrase_error = ErrorLabel()
        self._passphrase_label = QLabel()
        self._passphrase_label.setBuddy(self.passphrase)
        self.unlock_button = push_button()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.forgot_button = push_button()
        self.forgot_button.setObjectName("forgotButton")
        self.forgot_button.setFlat(True)
        normal = QWidget()
        form = QFormLayout(normal)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._passphrase_label, self.passphrase)
        form.addRow(self.passphrase_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        # A row of its own: beside Unlock, the Russian sentence does not fit the column.
        forgot = QHBoxLayout()
        forgot.addWidget(self.forgot_button)
        forgot.addStretch(1)
        form.addRow(forgot)

        # recovery: the recovery key and a new passphrase
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recoveryKeyField")
        self.recovery_key.setMaxLength(100)
        self.recovery_key.setFont(QFont("monospace"))
        self.recovery_error = ErrorLabel()
        self.new_passphrase = _password_field("newPassphraseField")
        self.new_passphrase_error = ErrorLabel()
        self.strength = StrengthHint()
        self.repeat = _password_field("repeatPassphraseField")
        self.repeat_error = ErrorLabel()
        self.recover_button = push_button()
        self.recover_button.setObjectName("recoverButton")
        self.back_button = push_button()
        self._recovery_intro = QLabel()
        self._recovery_intro.setWordWrap(True)
        self._key_label, self._new_label, self._repeat_label = QLabel(), QLabel(), QLabel()
        self._key_label.setBuddy(self.recovery_key)
        self._new_label.setBuddy(self.new_passphrase)
        self._repeat_label.setBuddy(self.repeat)
        recovery = QWidget()
        rform = QFormLayout(recovery)
        rform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        rform.setContentsMargins(0, 0, 0, 0)
        rform.addRow(self._recovery_intro)
        rform.addRow(self._key_label, self.recovery_key)
        rform.addRow(self.recovery_error)
        rform.addRow(self._new_label, self.new_passphrase)
        rform.addRow(self.strength)
        rform.addRow(self.new_passphrase_error)
        rform.addRow(self._repeat_label, self.repeat)
        rform.addRow(self.repeat_error)
        rbuttons = QHBoxLayout()
        rbuttons.addWidget(self.recover_button)
        rbuttons.addStretch(1)
        rbuttons.addWidget(self.back_button)
        rform.addRow(rbuttons)

        self._panels = QStackedWidget()
        self._panels.addWidget(normal)
        self._panels.addWidget(recovery)
        self.progress = QProgressBar()
        self.progress.hide()
        self._status = QLabel()
        self.general_error = ErrorLabel()

        column = QWidget()
        column.setMaximumWidth(PAGE_WIDTH)
        inner = QVBoxLayout(column)
        inner.addWidget(self._title)
        inner.addWidget(self._note)
        top = QFormLayout()
        top.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        top.addRow(self._operator_label, self.operator)
        inner.addLayout(top)
        inner.addWidget(self._panels)
        inner.addWidget(self.progress)
        inner.addWidget(self._status)
        inner.addWidget(self.general_error)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)
        outer.setAlignment(column, Qt.AlignmentFlag.AlignVCenter)

        self.passphrase.returnPressed.connect(self._unlock)
        self.passphrase.textEdited.connect(lambda _text: self.passphrase_error.clear_error())
        self.unlock_button.clicked.connect(self._unlock)
        self.forgot_button.clicked.connect(lambda: self._show_panel(1))
        self.back_button.clicked.connect(lambda: self._show_panel(0))
        self.recovery_key.returnPressed.connect(self.new_passphrase.setFocus)
        self.new_passphrase.returnPressed.connect(self.repeat.setFocus)
        self.new_passphrase.textChanged.connect(self.strength.update_for)
        self.repeat.returnPressed.connect(self._recover)
        self.recover_button.clicked.connect(self._recover)
        self.retranslateUi()

    # --- what the shell calls -----------------------------------------------------------------

    def prepare(self, reason: str = "start", operator_id: str | None = None) -> None:
        """Reset for a new unlock. `reason`: start, idle, manual, created or drafts (why locked)."""
        self._reason = reason
        self._set_busy(False)
        self._show_panel(0)
        for field in (self.passphrase, self.recovery_key, self.new_passphrase, self.repeat):
            field.clear()
        for label in (
            self.passphrase_error,
            self.recovery_error,
            self.new_passphrase_error,
            self.repeat_error,
            self.general_error,
        ):
            label.clear_error()
        self.operator.clear()
        try:
            operators = vault.operators(self._context.data_dir)
        except FieldregError as error:
            self.general_error.show_text(partial(self._context.describe, error))
            operators = []
        for info in operators:
            self.operator.addItem(info.label, info.operator_id)
        index = self.operator.findData(operator_id) if operator_id else -1
        self.operator.setCurrentIndex(max(index, 0))
        self._render_note()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_focus(self) -> None:
        """Give the keyboard to this page's current field, unless it already has it."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            (self.passphrase if self._panels.currentIndex() == 0 else self.recovery_key).setFocus()

    def set_reason(self, reason: str) -> None:
        """Say why the store is locked, without touching what is being typed."""
        self._reason = reason
        self._render_note()

    @property
    def busy(self) -> bool:
        return self._busy

    # --- unlocking --------------------------------------------------------------------------

    def _unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()  # not kept in the widget while the key is derived
        if not passphrase:
            self.passphrase_error.show_text(lambda: self.tr("Type your passphrase."))
            return
        operator = self.operator.currentData()
        directory = self._context.data_dir
        report = self._progress_relay.report

        def call() -> Session:
            return vault.open_session(
                directory, operator=operator, passphrase=passphrase, progress=report
            )

        self._start(call)

    def _recover(self) -> None:
        if self._busy:
            return
        for label in (self.recovery_error, self.new_passphrase_error, self.repeat_error):
            label.clear_error()
        key, new, repeat = self.recovery_key.text(), self.new_passphrase.text(), self.repeat.text()
        if new != repeat:
            self.repeat.clear()
            self.repeat_error.show_text(lambda: self.tr("The two passphrases differ."))
            self.repeat.setFocus()
            return
        operator = self.operator.currentData()
        directory = self._context.data_dir
        report = self._progress_relay.report

        def call() -> Session:
            vault.recover(directory, recovery_key=key, operator=operator, new_passphrase=new)
            return vault.open_session(directory, operator=operator, passphrase=new, progress=report)

        self._start(call)

    def _start(self, call: Callable[[], Session]) -> None:
        self.general_error.clear_error()
        self._set_busy(True)
        self._context.worker.submit(call, self._done, self._failed)

    def _done(self, session: Session) -> None:
        self._set_busy(False)
        for field in (self.recovery_key, self.new_passphrase, self.repeat):
            field.clear()
        self.unlocked.emit(session)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, FieldregError):
            raise error
        recovering = self._panels.currentIndex() == 1
        message = partial(self._context.describe, error)
        if isinstance(error, ValidationError) and error.field == "recovery_key":
            self.recovery_error.show_text(message)
            self.recovery_key.setFocus()
        elif isinstance(error, ValidationError) and error.field == "passphrase" and recovering:
            self.new_passphrase_error.show_text(message)
            self.new_passphrase.setFocus()
        elif error.code == "auth.wrong_recovery_key" or (
            recovering and isinstance(error, AuthError) and error.code != "auth.unknown_operator"
        ):
            self.recovery_error.show_text(message)
            self.recovery_key.setFocus()
        elif isinstance(error, AuthError) and not recovering:
            self.passphrase_error.show_text(message)
            self.passphrase.setFocus()
        else:
            self.general_error.show_text(message)

    def _on_progress(self, done: int, total: int) -> None:
        if not self._busy or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._status.setText(self.tr("Opening the records…"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.operator,
            self.passphrase,
            self.unlock_button,
            self.forgot_button,
            self.recovery_key,
            self.new_passphrase,
            self.repeat,
            self.recover_button,
            self.back_button,
        ):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # until the records start loading: the key takes a moment
        self._status.setText(self.tr("Checking the passphrase…") if busy else "")
        self._status.setVisible(busy)

    def _show_panel(self, index: int) -> None:
        self._panels.setCurrentIndex(index)
        (self.passphrase if index == 0 else self.recovery_key).setFocus()

    # --- texts ----------------------------------------------------------------------------------

    def _render_note(self) -> None:
        notes = {
            "start": self.tr("Choose your name and type your passphrase."),
            "idle": self.tr(
                "Locked because nobody used the program for a while. Unlock to go on where you "
                "were."
            ),
            "manual": self.tr("Locked. Unlock to go on where you were."),
            "created": self.tr(
                "The store is ready. Unlock it with the passphrase you have just chosen."
            ),
            "drafts": self.tr(
                "Locked. What was typed in an unsaved form is kept safely and comes back after "
                "unlocking."
            ),
        }
        self._note.setText(notes.get(self._reason, notes["start"]))

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Unlock"))
        self._operator_label.setText(self.tr("&Operator"))
        self.operator.setAccessibleName(labels.field_label("operator"))
        self._passphrase_label.setText(self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(labels.field_label("passphrase"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.forgot_button.setText(self.tr("Forgot your passphrase? Use the &recovery key"))
        self._recovery_intro.setText(
            self.tr(
                "Type the recovery key written down when the store was created, and choose a "
                "new passphrase. The old passphrase stops working."
            )
        )
        self._key_label.setText(self.tr("Recovery &key"))
        self.recovery_key.setAccessibleName(labels.field_label("recovery_key"))
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self._new_label.setText(self.tr("&New passphrase"))
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self._repeat_label.setText(self.tr("Re&peat it"))
        self.repeat.setAccessibleName(self.tr("Repeat the new passphrase"))
        self.recover_button.setText(self.tr("&Set the new passphrase and unlock"))
        self.back_button.setText(self.tr("&Back"))
        self.progress.setAccessibleName(self.tr("Unlocking"))
        if self._busy:
            self._status.setText(self.tr("Checking the passphrase…"))
        self._render_note()
