"""Retention on a laptop, on the Sync page: how many people are due to be purged (they left this
point, and the coordinator acknowledged everything written about them, more than the network's
number of days ago) and "Purge now…" behind a question. Shown only when the network set a
number of days (the roster brings the setting).

Counts only: the box names nobody. Reading and purging run on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from fieldreg.core.errors import FieldregError
from fieldreg.services import retention
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.translations import Retranslates


class RetentionBox(Retranslates, QGroupBox):
    purged = Signal()  # people were purged: counts and searches are stale

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionBox")
        self._context = context
        self._job = 0
        self.state: retention.RetentionState | None = None
        self._purged: int | None = None
        self.due_text = QLabel()
        self.due_text.setWordWrap(True)
        self.purge_button = push_button()
        self.purge_button.clicked.connect(self.purge)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.hide()
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.purge_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_text)
        layout.addLayout(row)
        layout.addWidget(self.result_text)
        layout.addWidget(self.error)
        self.retranslateUi()

    def show_state(self, state: retention.RetentionState | None) -> None:
        self.state = state
        self._render()

    def clear_personal_data(self) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.state = None
        self._purged = None
        self.error.clear_error()
        self._render()

    def purge(self) -> None:
        state = self.state
        if state is None or not state.due or self._job:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Purge now"),
            self.tr(
                "Remove the personal values of the people due ({count}) from this laptop now? "
                "The coordinator keeps their records; their ID will say the record moved to the "
                "coordinator, and a later roster brings them back if they return."
            ).format(count=len(state.due)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def call(session: Session) -> tuple[int, retention.RetentionState]:
            purged = retention.run_retention(session)
            return len(purged), retention.retention_state(session)

        self.error.clear_error()
        self._job = self._context.run(call, self._done, self._failed)
        self._render()

    def _done(self, answer: tuple[int, retention.RetentionState]) -> None:
        self._job = 0
        self._purged, self.state = answer
        self._render()
        self.purged.emit()
        self.purge_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self._render()
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Retention"))
        self.purge_button.setText(self.tr("&Purge now…"))
        self._render()

    def _render(self) -> None:
        state = self.state
        self.setVisible(state is not None and state.days is not None)
        self.purge_button.setEnabled(bool(state and state.due) and not self._job)
        if state is None or state.days is None:
            self.due_text.clear()
        else:
            self.due_text.setText(
                self.tr(
                    "People to purge: {count} (left this point and acknowledged by the "
                    "coordinator more than %n days ago)",
                    None,
                    state.days,
                ).format(count=len(state.due))
            )
        self.result_text.setVisible(self._purged is not None)
        if self._purged is not None:
            self.result_text.setText(
                self.tr("Purged from this laptop: {count}.").format(count=self._purged)
            )
