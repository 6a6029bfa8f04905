"""Lock after idle time: an application-wide event filter notes the last keyboard, mouse or touch
input; a coarse timer compares it with the clock and emits `idle` once the interval has passed.

The filter only stores a number (no timer restart per event), and it is installed only while the
lock runs (the store unlocked): every event it sees is a call into Python, which must take the
interpreter lock from the worker thread, and while the store is being opened (the window shown
for the first time, thousands of events) those hand-overs slowed the unlock by a third. The clock
and the check period are injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
CHECK_MS: Final = 1000


class IdleLock(QObject):
    """`start()` while the store is unlocked (it then watches the application's input)."""

    idle = Signal()

    def __init__(
        self,
        interval_ms: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._check_ms = check_ms
        self._last = clock()
        self._watching = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        self._interval_s = interval_ms / 1000
        self._timer.setInterval(max(1, min(self._check_ms, interval_ms)))

    def start(self) -> None:
        self._last = self._clock()
        self._timer.start()
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def check(self) -> bool:
        """Emit `idle` (once) if no input came for the interval; True if it did."""
        if not self._timer.isActive() or self._clock() - self._last < self._interval_s:
            return False
        self.stop()
        self.idle.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False
