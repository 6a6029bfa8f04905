"""The household page's editor for the member being typed: the person form with their
relationship to the head after Sex, "copy from the first member" and "add member".

Every member starts in the family name, as a single registration does (typing a name into the
relationship box lost it); from the second member on it holds the first member's family name,
selected, so Tab keeps it and typing replaces it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldreg.core.entities import PersonFields, Relationship
from fieldreg.core.errors import ValidationError
from fieldreg.core.validation import validate_fields
from fieldreg.ui import labels
from fieldreg.ui.household_members import HEAD
from fieldreg.ui.kinship_warning import KinshipWarning
from fieldreg.ui.person_form import PersonForm
from fieldreg.ui.register_page import scrolled
from fieldreg.ui.translations import Retranslates


class MemberEditor(Retranslates, QWidget):
    add_requested = Signal()
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._position = 0
        self._head_dob: object = None  # the first member's, for the relationship check
        self._title = QLabel()
        bold = self._title.font()
        bold.setBold(True)
        self._title.setFont(bold)
        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        for relationship in Relationship:
            self.relationship.addItem(relationship.value, relationship.value)
        self.relationship.currentIndexChanged.connect(self._relationship_chosen)
        self.copy = QPushButton()
        self.copy.clicked.connect(self.copy_requested)
        self.form = PersonForm(after_sex={"relationship": self.relationship})
        self.kinship = KinshipWarning()
        self.form.changed.connect(self._check_kinship)
        self.relationship.currentIndexChanged.connect(self._check_kinship)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_requested)
        for button in (self.copy, self.add):
            button.setAutoDefault(True)
        title_row = QHBoxLayout()
        title_row.addWidget(self._title, 1)
        title_row.addWidget(self.copy)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(scrolled(self.form), 1)
        layout.addWidget(self.kinship)
        layout.addLayout(add_row)
        self.retranslateUi()

    def tab_chain(self) -> list[QWidget]:
        return [*self.form.tab_chain(), self.add, self.copy]

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Member %1").replace("%1", str(self._position + 1)))
        self.relationship.setAccessibleName(labels.field_label("relationship"))
        self.relationship.setPlaceholderText(self.tr("Choose..."))
        for i, relationship in enumerate(Relationship):
            self.relationship.setItemText(i, labels.label(labels.RELATIONSHIP, relationship))
        self.copy.setText(self.tr("Copy from first member (Ctrl+D)"))
        self.copy.setToolTip(self.tr("Family name, origin, phone and languages"))
        self.add.setText(self.tr("Add member (Enter)"))

    def start(self, position: int, family_name: str = "", head_dob: object = None) -> None:
        """An empty editor for the member at `position`, the cursor in the family name, holding
        `family_name` (not counted as typed); the first member heads the household, and the
        others' relationships are checked against `head_dob`, the head's date of birth."""
        self._position = position
        self._head_dob = head_dob if position > 0 else None
        self.form.clear()
        if family_name:
            self.form.set_defaults({"family_name": family_name})
        first = position == 0
        self.relationship.setEnabled(not first)
        self.copy.setEnabled(not first)
        self.relationship.setCurrentIndex(self.relationship.findData(HEAD) if first else -1)
        # Type-ahead must start afresh: "S" for the last member then "C" is not a search for "SC".
        self.relationship.view().keyboardSearch("")
        self.retranslateUi()
        self.form.focus_field("family_name")

    def set_relationship(self, code: object) -> None:
        index = self.relationship.findData(code)
        if index >= 0:
            self.relationship.setCurrentIndex(index)

    def chosen_relationship(self) -> str | None:
        """The relationship chosen, or None with the error shown and the choice focused."""
        code = self.relationship.currentData()
        if isinstance(code, str):
            return code
        error = ValidationError("relationship", "validation.required")
        self.form.show_error("relationship", error)
        return None

    def _check_kinship(self) -> None:
        member_dob = self.form.name_query()[3]
        self.kinship.show_for(self._head_dob, member_dob, self.relationship.currentData())

    def _relationship_chosen(self) -> None:
        if isinstance(self.relationship.currentData(), str):
            self.form.clear_error("relationship")

    def relationship_error(self) -> str:
        return self.form.error_text("relationship")

    def validated(self) -> tuple[PersonFields, str] | None:
        """The typed person and their relationship, checked as the store will check them (so
        every mistake shows while the member is still in the editor, the first focused); None
        with the errors shown beside their fields."""
        valid = self.form.check()
        code = self.relationship.currentData()
        if not isinstance(code, str):
            error = ValidationError("relationship", "validation.required")
            self.form.show_error("relationship", error, focus=valid)
            return None
        if not valid:
            return None
        try:
            fields = validate_fields(self.form.values(), today=dt.date.today(), require_names=True)
        except ValidationError as exc:
            self.form.show_error(exc.field, exc)
            return None
        return fields, code
