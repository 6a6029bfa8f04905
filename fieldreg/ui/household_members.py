"""The members gathered for a new household, before it is saved: typed people (not yet in the
store) and people already registered (scanned band or typed ID), each with a relationship.

The first member is the head. A handful of rows: a QTableWidget is the right tool here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from fieldreg.core.entities import Relationship
from fieldreg.ui import labels
from fieldreg.ui.kinship_warning import doubt_text
from fieldreg.ui.translations import Retranslates

HEAD: Final = Relationship.HEAD.value


@dataclass
class Member:
    relationship: str
    fields: dict[str, object]  # validated values (typed) or the stored summary (registered)
    raw: dict[str, object] | None = None  # the form as typed, to edit it again
    person_id: str | None = None  # set when the person is already registered

    def to_json(self) -> dict[str, object]:
        return {
            "relationship": self.relationship,
            "fields": self.fields,
            "raw": self.raw,
            "person_id": self.person_id,
        }

    @classmethod
    def from_json(cls, data: object) -> Member | None:
        if not isinstance(data, dict):
            return None
        relationship, fields = data.get("relationship"), data.get("fields")
        raw, person_id = data.get("raw"), data.get("person_id")
        if not isinstance(relationship, str) or not isinstance(fields, dict):
            return None
        return cls(
            relationship=relationship,
            fields=fields,
            raw=raw if isinstance(raw, dict) else None,
            person_id=person_id if isinstance(person_id, str) else None,
        )


class MembersTable(Retranslates, QTableWidget):
    """Enter or F2 edits the selected member, Delete removes it."""

    edit_requested = Signal(int)
    remove_requested = Signal(int)

    NAME, RELATIONSHIP, BORN = range(3)

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().hide()  # the name column numbers the members
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.BORN, self.RELATIONSHIP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.installEventFilter(self)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Relationship"), self.tr("Born")])
        self.setAccessibleName(self.tr("Members"))

    def show_members(self, members: list[Member]) -> None:
        """One row per member; a relationship the years of birth make unlikely is marked, the
        reason in its tooltip (`kinship_warning`)."""
        self.setRowCount(len(members))
        head_dob = members[0].fields.get("dob") if members else None
        for row, member in enumerate(members):
            fields = member.fields
            name = " ".join(
                str(fields[n])
                for n in ("family_name", "given_name", "patronymic")
                if isinstance(fields.get(n), str)
            )
            dob = fields.get("dob")
            needs = fields.get("needs")
            notes = [labels.label(labels.NEED, n) for n in needs] if isinstance(needs, list) else []
            if member.person_id:
                notes.insert(0, self.tr("registered as %1").replace("%1", member.person_id))
            title = " — ".join(part for part in (f"{row + 1}. {name}", ", ".join(notes)) if part)
            relationship = labels.label(labels.RELATIONSHIP, member.relationship)
            doubt = doubt_text(head_dob, dob, member.relationship) if row else ""
            cells = (
                (title, title),
                (f"⚠ {relationship}" if doubt else relationship, doubt or relationship),
                (labels.dob_text(dob) if isinstance(dob, str) else "",) * 2,
            )
            for column, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.setItem(row, column, item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page treats Enter as "add member": here it means "edit this one" and stops here.
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self.currentRow()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                if row >= 0:
                    self.edit_requested.emit(row)
                return True
            if event.key() == Qt.Key.Key_Delete:
                if row >= 0:
                    self.remove_requested.emit(row)
                return True
        return super().eventFilter(watched, event)
