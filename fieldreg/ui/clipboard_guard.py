"""Knows whether the clipboard holds something this application put there, so that locking can
clear it (a name copied from a form must not outlive the lock) without wiping what the volunteer
copied in another program.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = False
        self._put_digest: bytes | None = None  # of the last text put(); the text is not kept
        self._clipboard().dataChanged.connect(self._changed)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def put(self, text: str) -> None:
        """Copy `text` for the volunteer (an ID, a name); it is cleared again on lock."""
        self._put_digest = _digest(text)
        self._clipboard().setText(text)
        self._ours = True

    def _changed(self) -> None:
        # Where the platform cannot tell the owner (offscreen): a change while one of our windows
        # has the focus came from a copy in one of our widgets.
        clipboard = self._clipboard()
        self._ours = (
            clipboard.ownsClipboard()
            or _digest(clipboard.text()) == self._put_digest
            or QGuiApplication.focusWindow() is not None
        )

    def clear_if_ours(self) -> None:
        clipboard = self._clipboard()
        if self._ours or clipboard.ownsClipboard():
            clipboard.clear()
            if clipboard.supportsSelection() and clipboard.ownsSelection():
                clipboard.clear(QClipboard.Mode.Selection)
        self._ours = False
        self._put_digest = None


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
