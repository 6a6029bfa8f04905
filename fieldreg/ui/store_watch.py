"""While the desk is unlocked, a look every few seconds for what another process wrote to the
store (`services.log_watch`: a hub serving uploads beside the coordinator's desk, a second
coordinator workstation, the command line): the people it changed are reloaded on the worker and
announced like the desk's own saves, so search, roster, dashboard and counts show them.

The look is two small queries when nothing changed. It is skipped while the previous one is still
under way; a store that cannot be read just now (a stick pulled out) is not reported from here:
the next thing the volunteer does reports it, once."""

from __future__ import annotations

import logging
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer

from fieldreg.core.errors import FieldregError
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.crash_report import LOGGER_NAME

INTERVAL_MS: Final = 3000


class StoreWatch(QObject):
    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._looking = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.look)
        context.unlocked.connect(self._timer.start)
        context.locked.connect(self._timer.stop)

    def look(self) -> bool:
        """Look now, unless a look is under way or the store is locked."""
        session = self.context.session
        if self._looking or session is None:
            return False
        self._looking = True
        self.context.run(
            lambda s: s.catch_up(), lambda changed: self._done(session, changed), self._failed
        )
        return True

    def _done(self, session: Session, changed: Any) -> None:
        self._looking = False
        # Locked meanwhile (the lock waits for the look on the worker): nothing to announce.
        if changed and self.context.session is session:
            self.context.people_changed.emit(list(changed))
            self.context.changed_elsewhere.emit(list(changed))

    def _failed(self, error: BaseException) -> None:
        self._looking = False
        if not isinstance(error, FieldregError):
            raise error  # a bug: to the crash dialog
        # No personal data: the code only.
        logging.getLogger(LOGGER_NAME).info("store watch: %s", error.code)
