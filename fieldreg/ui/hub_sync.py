"""Automatic sync with the hub while the desk is unlocked: every few minutes, when a hub is set
(settings: address and pinned certificate), `hub_client.sync_now` runs on the worker and a
label in the status bar says how it went. No connection is the normal case: the label says so
and the bundles wait in the outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from fieldreg.core.errors import FieldregError
from fieldreg.services import hub_client
from fieldreg.services.hub_client import SyncReport
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext

INTERVAL_MS: Final = 5 * 60 * 1000
FIRST_MS: Final = 5_000  # soon after unlocking, not in the unlock's own second
TIMEOUT_S: Final = 5.0  # the worker is shared with the desk: a silent network must not hold it


class HubSync(QObject):
    """Owns the status bar label `label`; `sync_now()` starts a sync at once."""

    finished = Signal(object)  # the SyncReport, or the FieldregError that stopped it

    def __init__(
        self, context: UiContext, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.label = QLabel()
        self.label.setObjectName("hubSyncStatus")
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.sync_now)
        context.unlocked.connect(self._start)
        context.locked.connect(self._stop)

    def _start(self) -> None:
        if hub_client.hub_settings(self.settings) is None:
            return
        self._timer.start()
        QTimer.singleShot(FIRST_MS, self, self.sync_now)

    def _stop(self) -> None:
        self._timer.stop()
        self.label.clear()

    def sync_now(self) -> bool:
        """Start a sync unless one is running, no hub is set or the store is locked."""
        hub = hub_client.hub_settings(self.settings)
        if hub is None or self._running or self.context.session is None:
            return False
        self._running = True
        self.label.setText(self.tr("Hub: syncing…"))

        def call(session: Session) -> SyncReport:
            return hub_client.sync_now(session, hub, timeout=TIMEOUT_S)

        self.context.run(call, self._done, self._failed)
        return True

    def _done(self, report: Any) -> None:
        self._running = False
        assert isinstance(report, SyncReport)
        self.label.setText(self.report_text(report))
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if not isinstance(error, FieldregError):
            raise error  # a bug: to the crash dialog
        self.label.setText(self.tr("Hub: {reason}").format(reason=self.context.describe(error)))
        self.finished.emit(error)

    def report_text(self, report: SyncReport) -> str:
        when = dt.datetime.now().strftime("%H:%M")
        if not report.reachable:
            return self.tr(
                "Hub not reachable ({time}); %n bundles waiting", None, report.waiting
            ).format(time=when)
        sent = len(report.receipts)
        text = self.tr("Hub: synced at {time}, %n bundles sent", None, sent).format(time=when)
        if report.quarantined:
            text += self.tr(", {count} refused").format(count=report.quarantined)
        if report.roster is not None:
            text += self.tr(", roster {version} applied").format(version=report.roster.version)
        return text
