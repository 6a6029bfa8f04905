"""Where the desk's window opens: where it was left (geometry and toolbar state, kept in the
settings: a size and a position, nothing personal), or on a first run at a size where the
roster's columns fit, maximised on a screen too small for them.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from typing import Final

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QMainWindow

from fieldreg.core.errors import FieldregError
from fieldreg.services.settings import Settings

GEOMETRY_KEY: Final = "window.geometry"
STATE_KEY: Final = "window.state"
MAX_SAVED_BYTES: Final = 4096  # Qt's geometry is ~66 bytes, a toolbar state a few hundred
MARGIN: Final = 48  # the window frame, the page's margins and the table's scroll bar
MIN_ROOMY_HEIGHT: Final = 800  # below this (a 768-pixel laptop) every row counts: maximise


def first_size(available: QRect, roster_width: int) -> QSize | None:
    """The size of a first window, or None to maximise it. A 1366x768 laptop cannot show the
    roster's ~1,470 pixels of columns in anything but the whole screen, while a 1920x1080 screen
    fits them with room to spare beside the window, so only the larger screen gets a window."""
    width = roster_width + MARGIN
    if width > available.width() or available.height() < MIN_ROOMY_HEIGHT:
        return None
    return QSize(width, available.height() * 9 // 10)


def _saved(settings: Settings, key: str) -> QByteArray | None:
    untrusted = settings.get(key)
    if not isinstance(untrusted, str) or len(untrusted) > MAX_SAVED_BYTES * 2:
        return None
    try:
        raw = base64.b64decode(untrusted, validate=True)
    except (binascii.Error, ValueError):
        return None
    return QByteArray(raw) if 0 < len(raw) <= MAX_SAVED_BYTES else None


def show_where_left(window: QMainWindow, settings: Settings, roster_width: int) -> None:
    """Show `window` as it was closed last time, else at its first size (or maximised)."""
    geometry = _saved(settings, GEOMETRY_KEY)
    if geometry is not None and window.restoreGeometry(geometry):
        state = _saved(settings, STATE_KEY)
        if state is not None:
            window.restoreState(state)
        window.show()
        return
    available = window.screen().availableGeometry()
    size = first_size(available, roster_width)
    if size is None:
        window.showMaximized()
        return
    window.resize(size)
    frame = QRect(available.topLeft(), size)
    frame.moveCenter(available.center())
    window.move(frame.topLeft())
    window.show()


def remember(window: QMainWindow, settings: Settings) -> None:
    """Keep the window's geometry and state for the next start (losing them costs only that)."""
    for key, value in (
        (GEOMETRY_KEY, window.saveGeometry()),
        (STATE_KEY, window.saveState()),
    ):
        settings.set(key, base64.b64encode(value.data()).decode("ascii"))
    with contextlib.suppress(FieldregError):
        settings.save()
