"""A progress bar and a Cancel button for one long job on the worker (an export, an import).

`begin()` hands out the plain `progress(done, total)` and `cancelled()` callables the services
take: progress is relayed to the GUI thread by a queued signal; cancelled is true once Cancel (or
Esc on the page) was pressed, or once the window was locked, so a lock never waits for the job.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.translations import Retranslates


class _Relay(QObject):
    """Emitted on the worker, received on the GUI thread (it lives there)."""

    moved = Signal(int, int)


class TaskProgress(Retranslates, QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._stop = threading.Event()
        self.running = False
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)
        self.bar = QProgressBar()
        self.cancel_button = push_button()
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.retranslateUi()
        self.hide()

    def begin(self) -> tuple[Progress, CancelFlag]:
        stop = self._stop = threading.Event()
        context, session = self._context, self._context.session
        self.bar.setRange(0, 0)  # busy until the first step is known
        self.cancel_button.setEnabled(True)
        self.running = True
        self.show()
        return self._relay.moved.emit, lambda: stop.is_set() or context.session is not session

    def end(self) -> None:
        self.running = False
        self.hide()

    def cancel(self) -> None:
        self._stop.set()
        self.cancel_button.setEnabled(False)

    def escape_cancels(self, event: QKeyEvent) -> bool:
        """For the page's keyPressEvent: Esc cancels the running job. True if it did."""
        if event.key() == Qt.Key.Key_Escape and self.running:
            self.cancel()
            return True
        return False

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def retranslateUi(self) -> None:
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.bar.setAccessibleName(self.tr("Progress"))
