"""The recovery key as the first-run wizard shows it, and the check of a group typed back."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from fieldreg.core.errors import ValidationError
from fieldreg.core.recovery_key import GROUPS, parse_recovery_key


def group_matches(recovery_key: str, number: int, untrusted_typed: str) -> bool:
    """Whether `untrusted_typed` is group `number` (from 1) of the key, read as the recovery
    parser reads it (case, spaces, hyphens, I/L/O and look-alike Cyrillic letters forgiven)."""
    groups = recovery_key.split("-")
    candidate = list(groups)
    candidate[number - 1] = untrusted_typed.strip()
    try:
        return parse_recovery_key("-".join(candidate)) == parse_recovery_key(recovery_key)
    except ValidationError:
        return False


class RecoveryKeyView(QFrame):
    """The key in large monospace groups, numbered (the confirmation asks for groups by number),
    four on the first line and three on the second so it fits at 150 % scaling."""

    PER_LINE: Final = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyView")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("#recoveryKeyView { border: 2px dashed palette(mid); }")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(24)
        self.numbers: list[QLabel] = []
        self.groups: list[QLabel] = []
        for index in range(GROUPS):
            row, column = divmod(index, self.PER_LINE)
            number = QLabel(str(index + 1))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group = QLabel()
            group.setFont(font)
            group.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(number, row * 2, column)
            grid.addWidget(group, row * 2 + 1, column)
            self.numbers.append(number)
            self.groups.append(group)

    def set_key(self, recovery_key: str) -> None:
        for label, group in zip(self.groups, recovery_key.split("-"), strict=True):
            label.setText(group)
            label.setAccessibleName(group)

    def text(self) -> str:
        return "-".join(label.text() for label in self.groups)

    def clear(self) -> None:
        for label in self.groups:
            label.clear()
            label.setAccessibleName("")
