"""What happens to a person next, in one click or shortcut (Alt+1..7): arrived, waiting, medical
referral, departed (asks for the transport), handed over and reunited (a place and a note may be
added), left on their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.entities import Status
from fieldreg.core.errors import ValidationError
from fieldreg.core.messages import describe
from fieldreg.ui import labels
from fieldreg.ui.context import translate
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import NoteEdit

ASKS_TRANSPORT: Final = frozenset({Status.DEPARTED.value})
ASKS_PLACE: Final = frozenset({Status.HANDED_OVER.value, Status.REUNITED.value})


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: str
    transport: str | None = None
    location: str | None = None
    note: str | None = None


class StatusDialog(QDialog):
    """The details a status needs: the transport for a departure, a place and note otherwise."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.status = status
        self.transport = QLineEdit()
        self.transport.setObjectName("transport")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.note = NoteEdit()
        self.note.setObjectName("note")
        self._error = ErrorLabel()
        self._form = QFormLayout()
        if status in ASKS_TRANSPORT:
            self._form.addRow("", self.transport)
            self._form.addRow("", self._error)
        self._form.addRow("", self.location)
        self._form.addRow("", self.note)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._buttons)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(labels.label(labels.STATUS, self.status))
        for widget, field in (
            (self.transport, "status_transport"),
            (self.location, "status_location"),
            (self.note, "note"),
        ):
            caption = labels.field_label(field)
            if field == "status_transport":
                caption += " *"
            label = self._form.labelForField(widget)
            if label is not None:
                label.setText(caption)  # type: ignore[attr-defined]
            widget.setAccessibleName(labels.field_label(field))
        self.transport.setPlaceholderText(self.tr("Bus 12, convoy 3, train 45"))

    def accept(self) -> None:
        if self.status in ASKS_TRANSPORT and not self.transport.text().strip():
            error = ValidationError("status_transport", "validation.required")
            self._error.show_text(lambda: describe(error, translate))
            self.transport.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def change(self) -> StatusChange:
        return StatusChange(
            self.status,
            transport=self.transport.text().strip() or None,
            location=self.location.text().strip() or None,
            note=self.note.toPlainText().strip() or None,
        )


class StatusButtons(QWidget):
    """One button per status; `chosen` carries the change once its details (if any) are given."""

    chosen = Signal(object)  # a StatusChange

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[str, QPushButton] = {}
        self._current: str | None = None
        self._sex: object = None  # the person's: the words agree with it (uk, ru)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._hint = QLabel()
        layout.addWidget(self._hint)
        for number, status in enumerate(Status, start=1):
            button = QPushButton()
            button.setObjectName(f"status_{status.value}")
            button.setCheckable(True)
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, s=status.value: self.choose(s))
            layout.addWidget(button)
            self._buttons[status.value] = button
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=status.value: self.choose(s))
        layout.addStretch(1)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        for number, (status, button) in enumerate(self._buttons.items(), start=1):
            text = labels.status_label(status, self._sex)
            button.setText(f"{number} {text}")
            button.setToolTip(f"Alt+{number}")
            button.setAccessibleName(text)
        self._hint.setText(self.tr("Status (Alt+1 to 7):"))

    def set_sex(self, sex: object) -> None:
        """The person's recorded sex, which the words of the buttons agree with."""
        if sex != self._sex:
            self._sex = sex
            self.retranslateUi()

    def set_current(self, status: str | None) -> None:
        self._current = status
        for code, button in self._buttons.items():
            button.setChecked(code == status)

    def choose(self, status: str) -> None:
        self.set_current(self._current)  # a click toggles the button; the store decides
        if not self.isEnabled():
            return
        if status not in ASKS_TRANSPORT | ASKS_PLACE:
            self.chosen.emit(StatusChange(status))
            return
        dialog = StatusDialog(status, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.chosen.emit(dialog.change()))
        dialog.open()
        (dialog.transport if status in ASKS_TRANSPORT else dialog.location).setFocus()
