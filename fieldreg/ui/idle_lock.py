"""Lock after idle time: an application-wide event filter notes the last keyboard, mouse or touch
input; a coarse timer compares it with the clock and emits `idle` once the interval has passed.

The filter only stores a number (no timer restart per event), so it costs next to nothing on
the event stream. The clock and the check period are injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

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
    """Install with `app.installEventFilter(idle_lock)`; `start()` while the store is unlocked."""

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
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        self._interval_s = interval_ms / 1000
        self._timer.setInterval(max(1, min(self._check_ms, interval_ms)))

    def start(self) -> None:
        self._last = self._clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def check(self) -> bool:
        """Emit `idle` (once) if no input came for the interval; True if it did."""
        if not self._timer.isActive() or self._clock() - self._last < self._interval_s:
            return False
        self._timer.stop()
        self.idle.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False
