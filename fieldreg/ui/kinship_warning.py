"""The household page's warning when a member's relationship to the head does not fit their years
of birth (`fieldreg.core.kinship`): under the member being typed, and on their row once added.
It does not stop anything; it makes sure someone looked."""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from fieldreg.core.kinship import KinshipDoubt, kinship_doubt
from fieldreg.core.messages import QT_TRANSLATE_NOOP
from fieldreg.core.validation import dob_year
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.translations import Retranslates

_CONTEXT: Final = "KinshipWarning"
# Sentences, not pieces: each language words them its own way. %1 the member's year, %2 the head's.
_TEXTS: Final[dict[KinshipDoubt, str]] = {
    KinshipDoubt.YOUNG_SPOUSE: QT_TRANSLATE_NOOP(
        "KinshipWarning", "⚠ A spouse or partner under 16: check the relationship."
    ),
    KinshipDoubt.CHILD_NOT_YOUNGER: QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "⚠ A child of the head born in %1, the head in %2: check the relationship.",
    ),
    KinshipDoubt.GRANDCHILD_NOT_YOUNGER: QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "⚠ A grandchild of the head born in %1, the head in %2: check the relationship.",
    ),
    KinshipDoubt.PARENT_NOT_OLDER: QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "⚠ A parent of the head born in %1, the head in %2: check the relationship.",
    ),
    KinshipDoubt.GRANDPARENT_NOT_OLDER: QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "⚠ A grandparent of the head born in %1, the head in %2: check the relationship.",
    ),
}


def doubt_text(head_dob: object, member_dob: object, relationship: object) -> str:
    """The warning for this member, in the current language, or "" when nothing is doubted."""
    doubt = kinship_doubt(head_dob, member_dob, relationship, dt.date.today())
    if doubt is None:
        return ""
    text = QCoreApplication.translate(_CONTEXT, _TEXTS[doubt])
    for marker, dob in (("%1", member_dob), ("%2", head_dob)):
        text = text.replace(marker, str(dob_year(dob)) if isinstance(dob, str) else "")
    return text


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

    @property
    def warns(self) -> bool:
        """Whether a warning is up (also while the page is hidden)."""
        return bool(self.text())

    def retranslateUi(self) -> None:
        self.setText(doubt_text(*self._shown))
        self.setAccessibleName(self.tr("Warning"))
        self.setVisible(bool(self.text()))
