"""What happens to a person next, in one click or shortcut (Alt+1..7): arrived, waiting, medical
referral, departed (asks for the transport), handed over and reunited (a place and a note may be
added), left on their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt, Signal
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
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.context import translate
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import NoteEdit
from fieldreg.ui.translations import Retranslates

ASKS_TRANSPORT: Final = frozenset({Status.DEPARTED.value})
ASKS_PLACE: Final = frozenset({Status.HANDED_OVER.value, Status.REUNITED.value})


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: str
    transport: str | None = None
    location: str | None = None
    note: str | None = None


class StatusDialog(Retranslates, QDialog):
    """The details a status needs: the transport for a departure, a place and note otherwise.
    With `child_alone`, a departure warns that the child is neither in a household nor marked
    unaccompanied or separated (it does not stop it: the volunteer may know better)."""

    def __init__(
        self, status: str, parent: QWidget | None = None, *, child_alone: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.status = status
        self.transport = QLineEdit()
        self.transport.setObjectName("transport")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.note = NoteEdit()
        self.note.setObjectName("note")
        self.warning = QLabel()
        self.warning.setObjectName("childWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(child_alone and status in ASKS_TRANSPORT)
        self._error = ErrorLabel()
        self._captions: dict[QWidget, QLabel] = {}
        self._form = QFormLayout()
        rows: list[QWidget] = [self.location, self.note]
        if status in ASKS_TRANSPORT:
            rows.insert(0, self.transport)
        for widget in rows:
            caption = QLabel()
            caption.setBuddy(widget)  # Alt+its letter focuses the field
            self._captions[widget] = caption
            self._form.addRow(caption, widget)
            if widget is self.transport:
                self._form.addRow("", self._error)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(self._form)
        layout.addWidget(self._buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(labels.label(labels.STATUS, self.status))
        captions = {
            self.transport: self.tr("&Transport *"),
            self.location: self.tr("&Location"),
            self.note: self.tr("&Note"),
        }
        for widget, caption in self._captions.items():
            caption.setText(captions[widget])
        for widget, field in (
            (self.transport, "status_transport"),
            (self.location, "status_location"),
            (self.note, "note"),
        ):
            widget.setAccessibleName(labels.field_label(field))
        self.transport.setPlaceholderText(self.tr("Bus 12, convoy 3, train 45"))
        self.warning.setText(
            self.tr(
                "⚠ A child under 18, not in a household and not marked as unaccompanied or "
                "separated. Check who the child leaves with, and write it in the note."
            )
        )

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


class StatusButtons(Retranslates, QWidget):
    """One button per status; `chosen` carries the change once its details (if any) are given."""

    chosen = Signal(object)  # a StatusChange

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[str, QPushButton] = {}
        self._current: str | None = None
        self._child_alone = False
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

    def set_child_alone(self, child_alone: bool) -> None:
        """Whether the person shown is a minor with no household and no unaccompanied or
        separated mark (see `fieldreg.core.children.alone_without_flag`)."""
        self._child_alone = child_alone

    def choose(self, status: str) -> None:
        self.set_current(self._current)  # a click toggles the button; the store decides
        if not self.isEnabled():
            return
        if status not in ASKS_TRANSPORT | ASKS_PLACE:
            self.chosen.emit(StatusChange(status))
            return
        dialog = StatusDialog(status, self, child_alone=self._child_alone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.chosen.emit(dialog.change()))
        dialog.open()
        (dialog.transport if status in ASKS_TRANSPORT else dialog.location).setFocus()
