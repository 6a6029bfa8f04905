"""The idle lock fires once after the interval without input, and any input restarts the wait."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fieldreg.ui.idle_lock import IdleLock


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _key() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")


def test_locks_once_after_the_interval_without_input(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle = IdleLock(300_000, clock=clock)
    idle.start()
    fired: list[bool] = []
    idle.idle.connect(lambda: fired.append(True))
    clock.now += 299
    assert not idle.check()
    clock.now += 2
    assert idle.check()
    assert not idle.check()  # stopped: no second lock until started again
    assert fired == [True]
    assert not idle.active


def test_keys_and_mouse_restart_the_wait_but_other_events_do_not(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle = IdleLock(60_000, clock=clock)
    idle.start()
    target = QObject()
    clock.now += 50
    assert idle.eventFilter(target, _key()) is False  # never swallows the event
    clock.now += 50
    assert not idle.check()
    mouse = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(1, 1),
        QPointF(1, 1),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    idle.eventFilter(target, mouse)
    clock.now += 59
    idle.eventFilter(target, QEvent(QEvent.Type.Timer))
    idle.eventFilter(target, QEvent(QEvent.Type.Paint))
    assert not idle.check()
    clock.now += 2
    assert idle.check()


def test_the_timer_fires_by_itself_with_a_short_interval(qtbot: QtBot) -> None:
    idle = IdleLock(30, check_ms=10)
    idle.start()
    with qtbot.waitSignal(idle.idle, timeout=5000):
        pass
    assert not idle.active


def test_a_stopped_lock_never_fires(qtbot: QtBot) -> None:
    clock = FakeClock()
    idle = IdleLock(1000, clock=clock)
    clock.now += 10
    assert not idle.check()  # never started
    idle.start()
    idle.stop()
    clock.now += 10
    assert not idle.check()


class _Counting(IdleLock):
    seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


def test_it_watches_the_application_only_while_running(qtbot: QtBot) -> None:
    """Input anywhere in the application restarts the wait; while locked (and while the store is
    being opened) no event is handed to Python for it."""
    clock = FakeClock()
    idle = _Counting(60_000, clock=clock)
    widget = QWidget()
    qtbot.addWidget(widget)
    QCoreApplication.sendEvent(widget, _key())
    assert idle.seen == 0  # not started: not watching
    idle.start()
    clock.now += 50
    QCoreApplication.sendEvent(widget, _key())  # through the application's event filters
    assert idle.seen >= 1
    clock.now += 50
    assert not idle.check()  # the key, 50 s ago, restarted the wait
    clock.now += 11
    assert idle.check()  # fired, and stopped watching
    seen = idle.seen
    QCoreApplication.sendEvent(widget, _key())
    assert idle.seen == seen
    idle.start()
    idle.stop()
    QCoreApplication.sendEvent(widget, _key())
    assert idle.seen == seen
