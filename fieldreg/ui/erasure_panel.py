"""The coordinator's pending erasure requests (a tab of the Coordinator page): who asked, when,
for which ID and why; "Confirm erasure" by another operator than the one who asked (the desk
says so when it is the same), after a last question that names the ID only; "Withdraw" drops a
request. Each step runs on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import erasure
from fieldreg.services.session import Session
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.dates import date_time_ms
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.import_results import plain_table
from fieldreg.ui.translations import Retranslates

T = TypeVar("T")


class ErasurePanel(Retranslates, QWidget):
    changed = Signal()  # a request was confirmed or withdrawn: read the tabs again
    erased = Signal(str)  # the person id just erased

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._job = 0
        self._requests: list[erasure.ErasureRequest] = []
        self.table = plain_table(4)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = ErrorLabel()
        self.confirm_button = push_button()
        self.confirm_button.clicked.connect(self.confirm)
        self.withdraw_button = push_button()
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslateUi()

    @property
    def requests(self) -> list[erasure.ErasureRequest]:
        return list(self._requests)

    def show_requests(self, requests: list[erasure.ErasureRequest]) -> None:
        self._requests = list(requests)
        self.error.clear_error()
        self._render()
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def selected(self) -> erasure.ErasureRequest | None:
        row = self.table.currentIndex().row()
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def _own(self, request: erasure.ErasureRequest) -> bool:
        session = self._context.session
        # the service names the requester by label; confirming checks the operator itself
        return session is not None and request.requested_by == session.operator_label

    def _enable(self) -> None:
        request = self.selected()
        idle = not self._job
        own = request is not None and self._own(request)
        self.confirm_button.setEnabled(request is not None and not own and idle)
        self.withdraw_button.setEnabled(request is not None and idle)
        self.note.setVisible(own)
        if own:
            self.note.setText(
                self.tr(
                    "You asked for this erasure: another operator must unlock the coordinator "
                    "and confirm it."
                )
            )

    def confirm(self) -> None:
        request = self.selected()
        if request is None or self._own(request) or self._job:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Confirm erasure"),
            self.tr(
                "Erase {id} now? Their names, values, notes and documents are removed here and "
                "from every laptop with the next roster. This cannot be undone."
            ).format(id=request.person_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        request_id, person_id = request.request_id, request.person_id

        def call(session: Session) -> str:
            erasure.confirm_erasure(session, request_id)
            return person_id

        self._run(call, lambda erased: self.erased.emit(str(erased)))

    def withdraw(self) -> None:
        request = self.selected()
        if request is None or self._job:
            return
        request_id = request.request_id

        def call(session: Session) -> None:
            erasure.cancel_erasure(session, request_id)

        self._run(call, lambda _none: None)

    def _run(self, call: Callable[[Session], T], then: Callable[[T], None]) -> None:
        def done(result: T) -> None:
            self._job = 0
            then(result)
            self.changed.emit()

        self.error.clear_error()
        self._job = self._context.run(call, done, self._failed)
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self._enable()
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))
        self.changed.emit()  # it may have been settled elsewhere meanwhile

    def retranslateUi(self) -> None:
        self.table.setHeaderLabels(
            [self.tr("Requested"), self.tr("ID"), self.tr("Reason"), self.tr("Requested by")]
        )
        self.table.setAccessibleName(self.tr("Erasure requests"))
        self.empty.setText(self.tr("No erasure is waiting for confirmation."))
        self.confirm_button.setText(self.tr("Con&firm erasure…"))
        self.withdraw_button.setText(self.tr("Wi&thdraw request"))
        self._render()

    def _render(self) -> None:
        self.table.clear()
        for request in self._requests:
            reason = labels.label(labels.ERASURE_REASON, request.reason)
            when = date_time_ms(request.requested_ms)
            item = QTreeWidgetItem([when, request.person_id, reason, request.requested_by])
            item.setToolTip(2, f"{reason}\n{request.note}" if request.note else reason)
            self.table.addTopLevelItem(item)
        self.empty.setVisible(not self._requests)
        self.table.setVisible(bool(self._requests))
        self._enable()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
