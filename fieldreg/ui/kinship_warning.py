"""The household page's warning when a member's relationship to the head does not fit their years
of birth (`fieldreg.core.kinship`): under the member being typed, and on their row once added.
It does not stop anything; it makes sure someone looked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from fieldreg.core.children import year_of
from fieldreg.core.kinship import kinship_doubt
from fieldreg.core.messages import kinship_text
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.translations import Retranslates


def doubt_text(head_dob: object, member_dob: object, relationship: object) -> str:
    """The warning for this member, in the current language, or "" when nothing is doubted."""
    doubt = kinship_doubt(head_dob, member_dob, relationship, dt.date.today())
    if doubt is None:
        return ""
    sentence = kinship_text(
        doubt, year_of(head_dob), year_of(member_dob), QCoreApplication.translate
    )
    return f"⚠ {sentence}"


class KinshipWarning(Retranslates, QLabel):
    """Under the member being typed: shown while their relationship and years do not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kinshipWarning")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        self._shown: tuple[object, object, object] = (None, None, None)
        self.retranslateUi()
        self.hide()

    def show_for(self, head_dob: object, member_dob: object, relationship: object) -> None:
        self._shown = (head_dob, member_dob, relationship)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setText(doubt_text(*self._shown))
        self.setAccessibleName(self.tr("Warning"))
        self.setVisible(bool(self.text()))
