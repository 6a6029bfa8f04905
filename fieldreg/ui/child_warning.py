"""The warning under the registration form while the person typed is a minor registered alone:
no household, and neither "unaccompanied" nor "separated" ticked. It does not stop the save (the
volunteer may know better); it makes sure someone looked."""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtWidgets import QLabel, QWidget

from fieldreg.core.children import alone_without_flag
from fieldreg.ui.person_form import PersonForm
from fieldreg.ui.translations import Retranslates

WARNING_STYLE: Final = "color: #8a4b00; font-weight: bold;"  # dark amber: read, not alarming


class ChildWarning(Retranslates, QLabel):
    def __init__(self, form: PersonForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childWarning")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        self._form = form
        self.warns = False  # also while the page is hidden (isVisible() is then False)
        form.changed.connect(self.refresh)
        self.retranslateUi()
        self.refresh()

    def refresh(self) -> None:
        dob = self._form.name_query()[3]
        needs = self._form.raw().get("needs")
        fields = {"dob": dob, "needs": needs if isinstance(needs, list) else None}
        self.warns = alone_without_flag(fields, dt.date.today())
        self.setVisible(self.warns)

    def retranslateUi(self) -> None:
        self.setText(
            self.tr(
                "⚠ Under 18 and registered alone. If the family is here, register them together "
                "(Ctrl+H); if not, tick “Unaccompanied child” or “Separated child”."
            )
        )
        self.setAccessibleName(self.tr("Warning"))
