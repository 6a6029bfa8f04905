"""Shortcuts and mnemonics that work whatever the keyboard layout.

With a Ukrainian or Russian layout active, the key that prints N on a Latin layout arrives as
Ctrl+Т, so Ctrl+N never fires; with a Latin layout active, the mnemonic of "&Зберегти" (Alt+З)
cannot be typed at all. One application-wide event filter fixes both: a key press with Ctrl or
Alt that no shortcut took is sent again as the key at the same position in the other alphabet
(Cyrillic -> Latin always; Latin -> Cyrillic with Alt, for the mnemonics of a Ukrainian or
Russian interface, by that language's layout). The layout tables are the scan parser's
(`fieldreg.core.keyboards`). Only presses that no shortcut matched reach the filter (Qt tries
shortcuts first), so a shortcut of the typed key itself always wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from fieldreg.core.keyboards import CYRILLIC_TO_US, LAYOUTS, is_cyrillic, us_keys_of

_CTRL: Final = Qt.KeyboardModifier.ControlModifier
_ALT: Final = Qt.KeyboardModifier.AltModifier


def _cyrillic_keys(language: str) -> dict[str, str]:
    """US character (lower case) -> the Cyrillic letter on the same key under `language`."""
    rows = LAYOUTS.get(language)
    if rows is None:
        return {}
    return {
        us: typed
        for typed, us in us_keys_of(rows).items()
        if typed.isalpha() and is_cyrillic(typed) and typed.islower()
    }


_US_TO_CYRILLIC: Final[Mapping[str, Mapping[str, str]]] = {
    language: _cyrillic_keys(language) for language in LAYOUTS
}


def twin_key(key: int, modifiers: Qt.KeyboardModifier, language: str) -> int | None:
    """The Qt key at the same position in the other alphabet, if the press should be tried as
    that key: Ctrl or Alt with a Cyrillic letter -> the Latin key; Alt with a Latin key -> the
    Cyrillic letter of `language`'s layout. None otherwise."""
    ctrl, alt = bool(modifiers & _CTRL), bool(modifiers & _ALT)
    if not (ctrl or alt) or (ctrl and alt):  # Ctrl+Alt is AltGr on Windows: typing, not a command
        return None
    if not 0 < key <= 0xFFFF:
        return None
    char = chr(key).lower()
    if is_cyrillic(char):
        us = CYRILLIC_TO_US.get(char)
        return None if us is None else ord(us.upper())
    if alt:
        cyrillic = _US_TO_CYRILLIC.get(language, {}).get(char)
        return None if cyrillic is None else ord(cyrillic.upper())
    return None


class _Replayed(QKeyEvent):
    """A press sent again by the filter: never translated a second time."""


class LayoutShortcuts(QObject):
    """Install on the application: `app.installEventFilter(LayoutShortcuts(language, parent))`.
    `language()` is the interface's current language ("en", "uk", "ru")."""

    def __init__(self, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or isinstance(event, _Replayed)
            or not isinstance(watched, QWidget)  # a press reaches its window first, then the widget
        ):
            return False
        twin = twin_key(event.key(), event.modifiers(), self._language())
        if twin is None:
            return False
        # Sent (not posted), a press on a widget is first tried as a shortcut; unmatched, the
        # widget gets it with the text that was typed, as it would have without this filter.
        replay = _Replayed(
            QEvent.Type.KeyPress,
            twin,
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        QCoreApplication.sendEvent(watched, replay)
        event.setAccepted(replay.isAccepted())
        return True
