"""Read-only parts of the person page: every field, the household with links to its members,
and the conflicts left by two points editing the same person at once."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.entities import FIELDS, FieldValue, PersonFields
from fieldreg.ui import labels
from fieldreg.ui.translations import Retranslates

SHOWN_FIELDS: Final = tuple(name for name in FIELDS if name != "household_id")


def person_name(fields: PersonFields | dict[str, object], *, with_latin: bool = False) -> str:
    """The names as recorded; `with_latin`: the Latin spelling (the band's) beside them."""
    parts = [fields.get(name) for name in ("family_name", "given_name", "patronymic")]
    name = " ".join(str(part) for part in parts if isinstance(part, str) and part)
    if not with_latin:
        return name
    latin_parts = [fields.get(f"latin_{n}") for n in ("family_name", "given_name", "patronymic")]
    latin = " ".join(str(part) for part in latin_parts if isinstance(part, str) and part)
    return f"{name} ({latin})" if latin and latin != name else name


class DetailsView(Retranslates, QWidget):
    """Every field of the person, "—" where nothing is recorded. Text can be selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: PersonFields = {}
        self._form = QFormLayout(self)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._values: dict[str, QLabel] = {}
        for name in SHOWN_FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"value_{name}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(QLabel(), value)
            self._values[name] = value
        self.retranslateUi()

    def retranslateUi(self) -> None:
        for name, value in self._values.items():
            caption = self._form.labelForField(value)
            if isinstance(caption, QLabel):
                caption.setText(labels.field_label(name))
        self.show_fields(self._fields)

    def show_fields(self, fields: PersonFields) -> None:
        self._fields = fields
        for name, value in self._values.items():
            text = labels.value_text(name, fields.get(name), fields.get("sex"))
            value.setText(text or ("—" if fields else ""))
            value.setAccessibleName(f"{labels.field_label(name)}: {text}")

    def text_of(self, field: str) -> str:
        return self._values[field].text()


class HouseholdLinks(Retranslates, QGroupBox):
    """The household and a button per other member, opening them (Tab to it, Enter)."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._layout.addWidget(self._summary)
        self._buttons: list[QPushButton] = []
        self._state: tuple[str | None, str, list[tuple[str, dict[str, FieldValue]]]] = (
            None,
            "",
            [],
        )
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(labels.field_label("household_id"))
        self.show_household(*self._state)

    def show_household(
        self,
        household_id: str | None,
        person_id: str,
        members: list[tuple[str, dict[str, FieldValue]]],
    ) -> None:
        self._state = (household_id, person_id, members)
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        if household_id is None:
            self._summary.setText(self.tr("Not in a household."))
            return
        self._summary.setText(
            self.tr("Household %1, %n members", None, len(members)).replace("%1", household_id)
        )
        for member_id, fields in members:
            if member_id == person_id:
                continue
            relationship = fields.get("relationship")
            role = labels.value_text("relationship", relationship)
            button = QPushButton(" · ".join(p for p in (person_name(fields), role, member_id) if p))
            button.setObjectName(f"member_{member_id}")
            button.setAutoDefault(True)
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _c=False, m=member_id: self.open_requested.emit(m))
            self._layout.addWidget(button)
            self._buttons.append(button)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)


class ConflictsBox(Retranslates, QGroupBox):
    """Fields two points changed at once: each competing value with a button to keep it."""

    keep = Signal(str, object)  # field, the value to keep

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._rows: list[QWidget] = []
        self._conflicts: dict[str, list[FieldValue]] = {}
        self._sex: object = None
        self.retranslateUi()
        self.hide()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Edited at two points at once: choose the value to keep"))
        self.show_conflicts(self._conflicts, self._sex)

    def show_conflicts(self, conflicts: dict[str, list[FieldValue]], sex: object = None) -> None:
        """The values left by two points; a status agrees with the person's recorded `sex`."""
        self._conflicts, self._sex = conflicts, sex
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for field, values in conflicts.items():
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(labels.field_label(field)))
            for value in values:
                shown = labels.value_text(field, value, sex) or "—"
                button = QPushButton(self.tr("Keep “%1”").replace("%1", shown))
                button.setAutoDefault(True)
                button.clicked.connect(lambda _c=False, f=field, v=value: self.keep.emit(f, v))
                line.addWidget(button)
            line.addStretch(1)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(conflicts))
