"""Long work off the GUI thread.

Every call into the store (unlock, save, search, reports) runs on one background thread, one at
a time: the session's SQLite connection and in-memory index are then only ever touched by that
thread, and nothing needs a lock. Results and errors come back to the GUI thread through a
queued signal. Widgets are only touched on the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives on the GUI thread; its signals are emitted from the worker thread (queued)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number = number
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self._relay.failed.emit(self._number, exc)
        else:
            self._relay.finished.emit(self._number, result)


class Worker(QObject):
    """Runs callables one at a time on a background thread.

    `submit(fn, on_done, on_error)` returns a job number; `on_done(result)` or `on_error(exc)`
    is later called on the GUI thread. `cancel(number)` drops the callbacks of a job that is no
    longer wanted (a superseded search), though the job itself still runs to completion.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: the session's connection lives there
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._numbers = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]
        ] = {}
        self.unhandled: Callable[[BaseException], None] | None = None

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        number = next(self._numbers)
        self._callbacks[number] = (on_done, on_error)
        self._pool.start(_Job(number, fn, self._relay))
        return number

    def cancel(self, number: int) -> None:
        self._callbacks.pop(number, None)

    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every queued job ran (tests, and closing the application)."""
        return self._pool.waitForDone(msecs)

    def _on_finished(self, number: int, result: object) -> None:
        callbacks = self._callbacks.pop(number, None)
        if callbacks is not None:
            callbacks[0](result)

    def _on_failed(self, number: int, error: object) -> None:
        callbacks = self._callbacks.pop(number, None)
        if not isinstance(error, BaseException):
            return
        if callbacks is not None and callbacks[1] is not None:
            callbacks[1](error)
        elif self.unhandled is not None:
            self.unhandled(error)
        else:
            raise error
