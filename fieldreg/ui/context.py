"""What every page of the desk application is given: the store session (while unlocked), the
worker that runs store calls off the GUI thread, and the application-wide signals.

Built once in `app.py` and passed down; tests build their own. Pages never keep personal data
anywhere else than in their widgets and models, and clear those when `locked` is emitted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from fieldreg.core.errors import FieldregError
from fieldreg.core.messages import describe
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.clipboard_guard import ClipboardGuard
from fieldreg.ui.worker import Worker


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class UiContext(QObject):
    open_person = Signal(str)  # a person id to show
    people_changed = Signal(list)  # ids of people whose data changed (saved, imported)
    # ... of those, the ones another process changed (another workstation, the hub beside the
    # desk, the command line): pages that read more than people read their store again
    changed_elsewhere = Signal(list)
    locked = Signal()  # every page must now drop every personal value it shows
    unlocked = Signal()

    def __init__(self, data_dir: DataDir, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.worker = worker
        self.session: Session | None = None
        # Copy anything personal with `context.clipboard.put(text)`: locking clears it again.
        self.clipboard = ClipboardGuard(self)

    def run(
        self,
        call: Callable[[Session], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """Run `call(session)` on the worker thread; callbacks come back on the GUI thread.
        Refused (error "store.locked") when no store is open."""
        session = self.session
        if session is None:
            error = FieldregError("store.locked")
            if on_error is not None:
                on_error(error)
            return 0
        return self.worker.submit(lambda: call(session), on_done, on_error)

    @staticmethod
    def describe(error: FieldregError) -> str:
        """The translated sentence for an expected error: the one place errors become words."""
        return describe(error, translate)
