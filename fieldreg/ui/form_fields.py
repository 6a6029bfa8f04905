"""Pieces of the person form that carry their own behaviour: a Latin spelling that follows the
name until edited by hand, the date-of-birth hint, a note field that lets Enter reach the page,
and an explicit Tab order."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from fieldreg.core.errors import ValidationError
from fieldreg.core.messages import describe
from fieldreg.core.names import System, automatic_latins, passport_latin
from fieldreg.core.validation import parse_dob
from fieldreg.ui import dates
from fieldreg.ui.context import translate


class NoteEdit(QPlainTextEdit):
    """A short multi-line note: Shift+Enter starts a new line, Enter goes to the page (save)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.ignore()
            return
        super().keyPressEvent(event)


class LatinFollower(QObject):
    """Fills `latin` with the transliteration of `script` as it is typed, until the volunteer
    types a Latin spelling by hand; that one stays. Emptying it hands it back to the automatic
    spelling. Tab skips the Latin field (see the person form). `set_system` picks the passport
    romanisation (the person form follows citizenship, document and languages)."""

    def __init__(self, script: QLineEdit, latin: QLineEdit) -> None:
        super().__init__(script)
        self.script, self.latin = script, latin
        self.manual = False
        self.system: System | None = None
        latin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        script.textChanged.connect(self._follow)
        latin.textEdited.connect(self._edited)

    def _follow(self, text: str) -> None:
        if not self.manual:
            self.latin.setText(passport_latin(text, self.system))

    def set_system(self, system: System | None) -> None:
        if system != self.system:
            self.system = system
            if self.script.text():
                self._follow(self.script.text())

    def _edited(self, text: str) -> None:
        self.manual = bool(text.strip())

    def set_by_hand(self, latin: str) -> None:
        self.manual = True
        self.latin.setText(latin)

    def adopt_stored(self, latin: object) -> None:
        """A stored Latin spelling that differs from the automatic one was typed by hand."""
        if isinstance(latin, str) and latin not in automatic_latins(self.script.text()):
            self.set_by_hand(latin)

    def reset(self) -> None:
        self.manual = False
        self.latin.setText("")  # unlike clear(), also forgets the undo history


def dob_hint(text: str, today: dt.date) -> str:
    """What the date of birth field understood, in words."""
    if not text.strip():
        return QCoreApplication.translate("PersonForm", "A date, a year, or ~age")
    try:
        dob = parse_dob("dob", text, today=today)
    except ValidationError as exc:
        if exc.code in {"validation.date_format", "validation.type"}:
            return QCoreApplication.translate("PersonForm", "Not understood yet")
        return describe(exc, translate)
    if dob.startswith("~"):
        shown = QCoreApplication.translate("PersonForm", "Estimated: born about %1")
        return shown.replace("%1", dob[1:])
    if len(dob) == 4:
        return QCoreApplication.translate("PersonForm", "Year only: %1").replace("%1", dob)
    words = dates.date_in_words(dt.date.fromisoformat(dob))
    return QCoreApplication.translate("PersonForm", "Exact date: %1").replace("%1", words)


def focus_for_keyboard(widget: QWidget) -> None:
    """Give `widget` the focus with its focus ring shown. The reason matters: any other than
    ShortcutFocusReason (or a real Tab) clears the window's "keyboard focus change" flag, and
    Fusion and the Windows styles then draw no focus frame on combo boxes, checkboxes, buttons.
    A widget that already has the focus (given back by a stacked widget) ignores setFocus, so the
    flag is set here too."""
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window = widget.window()
    if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        widget.update()


def set_tab_chain(chain: list[QWidget]) -> None:
    """Make Tab visit `chain` in this order (each call moves the second widget after the first)."""
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def select_code(combo: QComboBox, code: object) -> None:
    """Select the item whose data is `code`, or the first ("not recorded") item."""
    index = combo.findData(code) if isinstance(code, str) else 0
    combo.setCurrentIndex(max(index, 0))


def focus_back(page: QWidget, previous: QWidget | None, otherwise: Callable[[], None]) -> None:
    """The focus back where the volunteer was before a question or a save took it, when that
    widget is still on `page` and shown; else `otherwise()`."""
    if previous is not None and page.isAncestorOf(previous) and previous.isVisible():
        focus_for_keyboard(previous)
    else:
        otherwise()
