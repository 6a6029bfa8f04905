"""Request the erasure of one person, at the coordinator: a reason from the fixed list and a short
note; another operator confirms it on the Coordinator page before anything is erased.

The dialog names the person by ID only (it may stay on screen while someone looks on); the note
is the operator's and goes to the store sealed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.core.events import ERASURE_REASONS
from fieldreg.services import erasure
from fieldreg.services.session import Session
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.translations import Retranslates


class ErasureDialog(Retranslates, QDialog):
    requested = Signal(str)  # the person id, once the request is stored

    def __init__(self, context: UiContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erasureDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._context = context
        self._person_id = person_id
        self._job = 0
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.reason = QComboBox()
        for code in ERASURE_REASONS:
            self.reason.addItem("", code)
        self.note = QLineEdit()
        self.note.setMaxLength(erasure.NOTE_MAX)
        self._captions = {"reason": QLabel(), "note": QLabel()}
        self._captions["reason"].setBuddy(self.reason)
        self._captions["note"].setBuddy(self.note)
        form = QFormLayout()
        form.addRow(self._captions["reason"], self.reason)
        form.addRow(self._captions["note"], self.note)
        self.error = ErrorLabel()
        self.request_button = push_button()
        self.request_button.clicked.connect(self.request)
        self.cancel_button = push_button()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.note.returnPressed.connect(self.request)
        self.retranslateUi()
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(520, 260)

    def request(self) -> None:
        if self._job:
            return
        person_id, reason, note = self._person_id, str(self.reason.currentData()), self.note.text()

        def call(session: Session) -> erasure.ErasureRequest:
            return erasure.request_erasure(session, person_id, reason, note.strip())

        self.error.clear_error()
        self.request_button.setEnabled(False)
        self._job = self._context.run(call, self._requested, self._failed)

    def _requested(self, _request: erasure.ErasureRequest) -> None:
        self._job = 0
        self.requested.emit(self._person_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self.request_button.setEnabled(True)
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))

    def done(self, result: int) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.note.clear()
        super().done(result)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Request erasure of {id}").format(id=self._person_id))
        self.explanation.setText(
            self.tr(
                "Erasure removes {id}'s names, values, notes and documents from this store and "
                "from every laptop that imports the next roster; only the ID stays, so the log "
                "still checks. It cannot be undone. Nothing is erased until another operator "
                "confirms the request on the Coordinator page."
            ).format(id=self._person_id)
        )
        for row in range(self.reason.count()):
            self.reason.setItemText(
                row, labels.label(labels.ERASURE_REASON, str(self.reason.itemData(row)))
            )
        self._captions["reason"].setText(self.tr("&Reason"))
        self._captions["note"].setText(self.tr("&Note"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Who asked, or where it is recorded (no names)"))
        self.request_button.setText(self.tr("Request &erasure"))
        self.cancel_button.setText(self.tr("Cancel"))
