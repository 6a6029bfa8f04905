"""The household page's editor for the member being typed: their relationship to the head,
the person form, "copy from the first member" and "add member"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldreg.core.entities import PersonFields, Relationship
from fieldreg.core.errors import ValidationError
from fieldreg.core.messages import describe
from fieldreg.core.validation import validate_fields
from fieldreg.ui import labels
from fieldreg.ui.context import translate
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.household_members import HEAD
from fieldreg.ui.person_form import PersonForm
from fieldreg.ui.register_page import scrolled


class MemberEditor(QWidget):
    add_requested = Signal()
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._position = 0
        self._title = QLabel()
        bold = self._title.font()
        bold.setBold(True)
        self._title.setFont(bold)
        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        for relationship in Relationship:
            self.relationship.addItem(relationship.value, relationship.value)
        self._relationship_label = QLabel()
        self._relationship_label.setBuddy(self.relationship)
        self._relationship_error = ErrorLabel()
        self.copy = QPushButton()
        self.copy.clicked.connect(self.copy_requested)
        self.form = PersonForm()
        self.add = QPushButton()
        self.add.clicked.connect(self.add_requested)
        for button in (self.copy, self.add):
            button.setAutoDefault(True)
        relation_row = QHBoxLayout()
        relation_row.addWidget(self._relationship_label)
        relation_row.addWidget(self.relationship, 1)
        relation_row.addWidget(self.copy)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addLayout(relation_row)
        layout.addWidget(self._relationship_error)
        layout.addWidget(scrolled(self.form), 1)
        layout.addLayout(add_row)
        self.retranslateUi()

    def tab_chain(self) -> list[QWidget]:
        return [self.relationship, *self.form.tab_chain(), self.add, self.copy]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Member %1").replace("%1", str(self._position + 1)))
        self._relationship_label.setText(labels.field_label("relationship"))
        self.relationship.setAccessibleName(labels.field_label("relationship"))
        self.relationship.setPlaceholderText(self.tr("Choose..."))
        for i, relationship in enumerate(Relationship):
            self.relationship.setItemText(i, labels.label(labels.RELATIONSHIP, relationship))
        self.copy.setText(self.tr("Copy from first member (Ctrl+D)"))
        self.copy.setToolTip(self.tr("Origin, phone and languages"))
        self.add.setText(self.tr("Add member (Enter)"))

    def start(self, position: int) -> None:
        """An empty editor for the member at `position`; the first one heads the household."""
        self._position = position
        self.form.clear()
        self._relationship_error.clear_error()
        first = position == 0
        self.relationship.setEnabled(not first)
        self.copy.setEnabled(not first)
        self.relationship.setCurrentIndex(self.relationship.findData(HEAD) if first else -1)
        # Type-ahead must start afresh: "S" for the last member then "C" is not a search for "SC".
        self.relationship.view().keyboardSearch("")
        self.retranslateUi()
        if first:
            self.form.focus_field("family_name")
        else:
            self.relationship.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_relationship(self, code: object) -> None:
        index = self.relationship.findData(code)
        if index >= 0:
            self.relationship.setCurrentIndex(index)

    def chosen_relationship(self) -> str | None:
        """The relationship chosen, or None with the error shown and the choice focused."""
        code = self.relationship.currentData()
        if isinstance(code, str):
            self._relationship_error.clear_error()
            return code
        error = ValidationError("relationship", "validation.required")
        self._relationship_error.show_text(lambda: describe(error, translate))
        self.relationship.setFocus(Qt.FocusReason.OtherFocusReason)
        return None

    def relationship_error(self) -> str:
        return self._relationship_error.text() if self._relationship_error.has_error else ""

    def validated(self) -> PersonFields | None:
        """The typed person checked as the store will check them (so a mistake shows while the
        member is still in the editor); None with the error shown beside its field."""
        self.form.clear_errors()
        try:
            return validate_fields(self.form.values(), today=dt.date.today(), require_names=True)
        except ValidationError as exc:
            self.form.show_error(exc.field, exc)
            return None
