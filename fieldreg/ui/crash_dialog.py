"""Unexpected errors (bugs): logged without personal data and shown in a dialog that lets the
volunteer copy a report for the coordinator. The application keeps running.

`CrashHandler.install()` replaces `sys.excepthook` (exceptions escaping Qt slots end there) and
`threading.excepthook`; a report made on another thread is shown on the GUI thread through a
queued signal. One dialog at a time: a bug that repeats in a loop does not bury the screen.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.ui.crash_report import safe_report
from fieldreg.ui.translations import Retranslates

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class CrashDialog(Retranslates, QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.report = report
        self.repeats = 0
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._details = QPlainTextEdit(report)
        self._details.setReadOnly(True)
        self._details.setFont(QFont("monospace"))
        self._details.setMinimumHeight(160)
        self._buttons = QDialogButtonBox()
        self._copy = QPushButton()
        self._copy.clicked.connect(self._copy_report)
        self._buttons.addButton(self._copy, QDialogButtonBox.ButtonRole.ActionRole)
        self._close = self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)
        self._close.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._message)
        layout.addWidget(self._details)
        layout.addWidget(self._buttons)
        self.resize(560, 360)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        self._message.setText(
            self.tr(
                "Something unexpected went wrong. Your saved work is safe and the program "
                "keeps running. If this happens again, copy the report and send it to your "
                "coordinator: it contains no personal data."
            )
        )
        self._details.setAccessibleName(self.tr("Error report"))
        self._copy.setText(self.tr("&Copy report"))
        self._copy.setAccessibleName(self.tr("Copy report"))

    def _copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)  # no personal data, so it may stay


class CrashHandler(QObject):
    """Turns any uncaught exception into a log entry and a crash dialog."""

    _reported = Signal(str)

    def __init__(self, logger: logging.Logger, parent_widget: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._logger = logger
        self._parent_widget = parent_widget
        self._dialog: CrashDialog | None = None
        self._previous: tuple[ExceptHook, Callable[..., Any]] | None = None
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QGuiApplication.quit()
            return
        report = safe_report(exc_type, exc, tb)
        self._logger.error("unexpected error\n%s", report)
        self._reported.emit(report)

    def report(self, exc: BaseException) -> None:
        """For errors handed over by the worker with no one to handle them."""
        self.excepthook(type(exc), exc, exc.__traceback__)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @property
    def dialog(self) -> CrashDialog | None:
        return self._dialog

    def _show(self, report: str) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.repeats += 1
            return
        self._dialog = CrashDialog(report, self._parent_widget())
        self._dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog.finished.connect(self._forget)
        self._dialog.open()

    def _forget(self) -> None:
        self._dialog = None
