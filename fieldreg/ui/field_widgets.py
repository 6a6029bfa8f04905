"""Small widgets the first-run wizard and the unlock page share: an error shown next to its field
(re-worded when the language changes) and a live passphrase strength hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from fieldreg.core.passphrases import passphrase_strength
from fieldreg.ui.translations import Retranslates

ERROR_STYLE: Final = "color: #b00020; font-weight: bold;"
_STRENGTH_COLOURS: Final = ("#b00020", "#c62828", "#ef6c00", "#2e7d32", "#1b5e20")


def push_button() -> QPushButton:
    """A button that Enter presses when it has the focus, as Space does (keyboard-only desks)."""
    button = QPushButton()
    button.setAutoDefault(True)
    return button


class ErrorLabel(Retranslates, QLabel):
    """Hidden while empty; `show_text(make)` keeps `make` to word the error again on a language
    change (it must return a translated sentence, e.g. `lambda: context.describe(error)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(ERROR_STYLE)
        self._make: Callable[[], str] | None = None
        self.hide()

    def show_text(self, make: Callable[[], str]) -> None:
        self._make = make
        self._render()

    def clear_error(self) -> None:
        self._make = None
        self._render()

    @property
    def has_error(self) -> bool:
        return self._make is not None

    def _render(self) -> None:
        if self._make is None:
            self.clear()
            self.hide()
            return
        self.setText(self._make())
        self.setAccessibleName(self.text())
        self.show()

    def retranslateUi(self) -> None:
        self._render()


class StrengthHint(Retranslates, QWidget):
    """A bar and a word that follow what is typed: a hint, not a rule (length is the rule)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar()
        self._bar.setRange(0, 5)
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(10)
        self._bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._word = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._bar, 1)
        layout.addWidget(self._word)
        self._score: int | None = None
        self.update_for("")

    @property
    def score(self) -> int | None:
        return self._score

    def update_for(self, passphrase: str) -> None:
        self._score = passphrase_strength(passphrase) if passphrase else None
        self._render()

    def _render(self) -> None:
        score = self._score
        words = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )
        self._bar.setValue(0 if score is None else score + 1)
        colour = _STRENGTH_COLOURS[score or 0]
        self._bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        text = (
            self.tr("Strength: type a passphrase of at least 10 characters")
            if score is None
            else self.tr("Strength: {word}").format(word=words[score])
        )
        self._word.setText(text)
        self.setAccessibleName(text)
        self._bar.setAccessibleName(text)

    def retranslateUi(self) -> None:
        self._render()
