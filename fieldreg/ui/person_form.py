"""The person form shared by registration, the household editor and the person page's edit mode.

Keyboard-first: Tab walks the fields in the order a volunteer asks the questions; the Latin
spellings are filled live beside each name and skipped by Tab (Alt+L jumps between a name and
its Latin spelling), since typing the next name into them by habit would corrupt them. Enter is
not handled here: it is ignored and reaches the page, which decides what Enter means.
The services validate again on save; the form checks every field first (`check()`) so that all
mistakes show at once, and drops a field's error as soon as its value is valid again.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from fieldreg.core.entities import Need, PersonFields, Sex
from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.core.messages import describe
from fieldreg.core.names import passport_system
from fieldreg.core.validation import parse_dob, validate_fields
from fieldreg.ui import labels
from fieldreg.ui.context import translate
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import (
    LatinFollower,
    NoteEdit,
    dob_hint,
    focus_for_keyboard,
    select_code,
    set_tab_chain,
)
from fieldreg.ui.translations import Retranslates

NAMES: Final = ("family_name", "given_name", "patronymic")
LATIN: Final = {name: f"latin_{name}" for name in NAMES}
REQUIRED: Final = frozenset({"family_name", "given_name"})
TEXT_FIELDS: Final = (
    "origin_settlement",
    "origin_district",
    "origin_region",
    "origin_country",
    "citizenship",
    "document_type",
    "document_number",
    "phone",
    "languages",
)
SHARED_FIELDS: Final = (
    "family_name",
    "origin_settlement",
    "origin_district",
    "origin_region",
    "origin_country",
    "phone",
    "languages",
)
CONSENTS: Final = ("consent_data", "consent_tracing", "wishes_evacuation")


class PersonForm(Retranslates, QWidget):
    names_changed = Signal()  # names or date of birth changed: time to look for duplicates
    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, after_sex: dict[str, QWidget] | None = None
    ) -> None:
        """`after_sex`: rows a page adds after Sex, in Tab order (the household's relationship)."""
        super().__init__(parent)
        self._extra = dict(after_sex or {})
        self._edits: dict[str, QLineEdit] = {}
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._latin: dict[str, LatinFollower] = {}
        self._today = dt.date.today
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self._grid = grid
        self._sections: dict[str, QLabel] = {}
        self._section("person")
        for name in NAMES:
            script = self._line(name)
            latin = self._line(LATIN[name])
            self._latin[name] = LatinFollower(script, latin)
            script.textChanged.connect(self.names_changed)
            self._row(name, script, latin)
        self._dob_hint = QLabel()
        self._dob_hint.setWordWrap(True)
        self._row("dob", self._line("dob"), self._dob_hint)
        self._edits["dob"].textChanged.connect(self._on_dob)
        self._sex = self._combo("sex", labels.SEX, [s.value for s in Sex])
        self._row("sex", self._sex)
        for name, widget in self._extra.items():
            self._row(name, widget)
        self._section("origin")
        for name in TEXT_FIELDS[:7]:
            self._row(name, self._line(name))
        self._section("contact")
        self._row("phone", self._line("phone"))
        self._row("languages", self._line("languages"))
        # The automatic Latin spelling follows the passport these point to (Russian: ICAO 9303).
        for name in ("citizenship", "document_type", "languages"):
            self._edits[name].textChanged.connect(self._follow_passport)
        self._section("needs")
        self._needs: dict[str, QCheckBox] = {}
        needs_box = QWidget()
        needs_grid = QGridLayout(needs_box)
        needs_grid.setContentsMargins(0, 0, 0, 0)
        for i, need in enumerate(Need):
            box = QCheckBox()
            box.toggled.connect(self.changed)
            needs_grid.addWidget(box, i // 2, i % 2)
            self._needs[need.value] = box
        self._row("needs", needs_box)
        self._note = NoteEdit()
        self._note.textChanged.connect(self.changed)
        self._row("needs_note", self._note)
        self._section("consent")
        self._consents = {
            name: self._combo(name, labels.ANSWER, ["yes", "no", "undecided"]) for name in CONSENTS
        }
        for name, combo in self._consents.items():
            self._row(name, combo)
        grid.setRowStretch(grid.rowCount(), 1)
        self._required_note = QLabel()
        grid.addWidget(self._required_note, grid.rowCount(), 0, 1, 3)
        self._baseline: dict[str, object] = {}
        self._set_tab_order()
        for name, edit in self._edits.items():
            edit.textChanged.connect(lambda _text, n=name: self._recheck(n))
        latin_toggle = QShortcut(QKeySequence("Alt+L"), self)
        latin_toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        latin_toggle.activated.connect(self._toggle_latin)
        self.retranslateUi()

    # --- building -----------------------------------------------------------------------------

    def _section(self, key: str) -> None:
        heading = QLabel()
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        row = self._grid.rowCount()
        if row > 0:
            self._grid.setRowMinimumHeight(row, heading.fontMetrics().height() // 2)
            row += 1
        self._grid.addWidget(heading, row, 0, 1, 3)
        self._sections[key] = heading

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(200)
        edit.textChanged.connect(self.changed)
        self._edits[name] = edit
        return edit

    def _combo(self, name: str, table: dict[str, str], codes: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem("", None)
        for code in codes:
            combo.addItem(table[code], code)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def _row(self, name: str, widget: QWidget, second: QWidget | None = None) -> None:
        grid = self._grid
        row = grid.rowCount()
        caption = QLabel()
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(caption, row, 0)
        if second is None:
            grid.addWidget(widget, row, 1, 1, 2)
        else:
            grid.addWidget(widget, row, 1)
            grid.addWidget(second, row, 2)
        error = ErrorLabel()
        grid.addWidget(error, row + 1, 1, 1, 2)
        self._labels[name] = caption
        self._errors[name] = error
        if second is not None and name in LATIN:
            self._errors[LATIN[name]] = error

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for name in NAMES:
            chain += [self._edits[name], self._edits[LATIN[name]]]
        chain += [self._edits["dob"], self._sex, *self._extra.values()]
        chain += [self._edits[name] for name in TEXT_FIELDS]
        chain += list(self._needs.values())
        chain += [self._note, *self._consents.values()]
        self._chain = chain
        set_tab_chain(chain)

    def tab_chain(self) -> list[QWidget]:
        """The form's widgets in Tab order, for a page that puts its own around them."""
        return list(self._chain)

    def retranslateUi(self) -> None:
        titles = {
            "person": self.tr("Person"),
            "origin": self.tr("Origin and documents"),
            "contact": self.tr("Contact"),
            "needs": self.tr("Needs"),
            "consent": self.tr("Consent"),
        }
        for key, heading in self._sections.items():
            heading.setText(titles[key])
        for name, caption in self._labels.items():
            text = labels.field_label(name) if name != "needs" else ""  # the heading says it
            caption.setText(f"{text} *" if name in REQUIRED else text)
        for name, edit in self._edits.items():
            edit.setAccessibleName(labels.field_label(name))
            if name in REQUIRED:
                edit.setAccessibleDescription(self.tr("Required"))
        for name in NAMES:
            self._edits[LATIN[name]].setPlaceholderText(self.tr("Latin (Alt+L)"))
        self._edits["dob"].setPlaceholderText("12.03.1984")
        self._edits["phone"].setPlaceholderText("+380 ...")
        self._edits["languages"].setPlaceholderText(self.tr("uk, ru, en"))
        self._sex.setAccessibleName(labels.field_label("sex"))
        self._sex.setItemText(0, self.tr("Not recorded"))
        for i, sex in enumerate(Sex, start=1):
            self._sex.setItemText(i, labels.label(labels.SEX, sex.value))
        for name, combo in self._consents.items():
            combo.setAccessibleName(labels.field_label(name))
            combo.setItemText(0, self.tr("Not asked"))
            for i, answer in enumerate(("yes", "no", "undecided"), start=1):
                combo.setItemText(i, labels.label(labels.ANSWER, answer))
        for code, box in self._needs.items():
            box.setText(labels.label(labels.NEED, code))
            box.setAccessibleName(labels.label(labels.NEED, code))
        self._note.setAccessibleName(labels.field_label("needs_note"))
        self._required_note.setText(self.tr("* required"))
        self._on_dob(self._edits["dob"].text())

    # --- live help ----------------------------------------------------------------------------

    def _follow_passport(self) -> None:
        languages = [part for part in re.split(r"[\s,;]+", self._edits["languages"].text()) if part]
        system = passport_system(
            self._edits["citizenship"].text(), self._edits["document_type"].text(), languages
        )
        for follower in self._latin.values():
            follower.set_system(system)

    def _on_dob(self, text: str) -> None:
        self._dob_hint.setText(dob_hint(text, self._today()))
        self.names_changed.emit()

    def dob_hint_text(self) -> str:
        """What the date-of-birth field understood, as shown beside it."""
        return self._dob_hint.text()

    def _toggle_latin(self) -> None:
        focused = self.focusWidget()
        for name in NAMES:
            if focused is self._edits[name]:
                focus_for_keyboard(self._edits[LATIN[name]])
                return
            if focused is self._edits[LATIN[name]]:
                focus_for_keyboard(self._edits[name])
                return
        focus_for_keyboard(self._edits[LATIN["family_name"]])

    # --- values -------------------------------------------------------------------------------

    def raw(self) -> dict[str, object]:
        """Everything typed, as plain JSON-able values (drafts, household members)."""
        raw: dict[str, object] = {name: edit.text() for name, edit in self._edits.items()}
        raw["sex"] = self._sex.currentData()
        raw["needs"] = [code for code, box in self._needs.items() if box.isChecked()]
        raw["needs_note"] = self._note.toPlainText()
        for name, combo in self._consents.items():
            raw[name] = combo.currentData()
        raw["latin_manual"] = sorted(n for n, follower in self._latin.items() if follower.manual)
        return raw

    def set_raw(self, raw: dict[str, object]) -> None:
        """Restore what `raw()` returned; unknown keys and values of the wrong kind are ignored."""
        self.clear()
        manual = raw.get("latin_manual")
        for name, edit in self._edits.items():
            value = raw.get(name)
            if isinstance(value, str) and name not in LATIN.values():
                edit.setText(value)
        for name, follower in self._latin.items():
            value = raw.get(LATIN[name])
            if isinstance(manual, list) and name in manual and isinstance(value, str):
                follower.set_by_hand(value)
        select_code(self._sex, raw.get("sex"))
        needs = raw.get("needs")
        for code, box in self._needs.items():
            box.setChecked(isinstance(needs, list) and code in needs)
        note = raw.get("needs_note")
        self._note.setPlainText(note if isinstance(note, str) else "")
        for name, combo in self._consents.items():
            select_code(combo, raw.get(name))

    def values(self) -> dict[str, object]:
        """The fields to register: what was typed, empty fields left out. A Latin spelling is only
        sent when typed by hand; otherwise the services derive the same one."""
        values: dict[str, object] = {}
        for name, value in self.edit_values().items():
            if value not in (None, "", []):
                values[name] = value
        return values

    def edit_values(self) -> dict[str, object]:
        """Every field of the form (None when empty), for an edit: the services keep what did
        not change. Consent fields included; the caller records them with their own event."""
        values: dict[str, object] = {}
        for name, edit in self._edits.items():
            if name in LATIN.values():
                continue
            values[name] = edit.text().strip() or None
        for name, follower in self._latin.items():
            if follower.manual:
                values[LATIN[name]] = follower.latin.text().strip() or None
        values["sex"] = self._sex.currentData()
        values["needs"] = [code for code, box in self._needs.items() if box.isChecked()] or None
        values["needs_note"] = self._note.toPlainText().strip() or None
        for name, combo in self._consents.items():
            values[name] = combo.currentData()
        return values

    def set_fields(self, fields: PersonFields) -> None:
        """Show a stored person (edit mode). A Latin spelling that differs from the automatic
        one was typed by hand and is kept when the name changes."""
        self.clear()
        for name, edit in self._edits.items():
            value = fields.get(name)
            if name in LATIN.values():
                continue
            if name == "dob" and isinstance(value, str):
                value = labels.dob_text(value)
            elif name == "languages" and isinstance(value, list):
                value = ", ".join(value)
            edit.setText(value if isinstance(value, str) else "")
        for name, follower in self._latin.items():
            follower.adopt_stored(fields.get(LATIN[name]))
        select_code(self._sex, fields.get("sex"))
        needs = fields.get("needs")
        for code, box in self._needs.items():
            box.setChecked(isinstance(needs, list) and code in needs)
        note = fields.get("needs_note")
        self._note.setPlainText(note if isinstance(note, str) else "")
        for name, combo in self._consents.items():
            select_code(combo, fields.get(name))

    def shared_values(self) -> dict[str, str]:
        """What members of one family usually share: origin, phone, languages."""
        return {name: self._edits[name].text() for name in SHARED_FIELDS}

    def set_shared(self, values: dict[str, object]) -> None:
        for name in SHARED_FIELDS:
            value = values.get(name)
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            if isinstance(value, str) and value:
                self._edits[name].setText(value)

    def set_defaults(self, values: dict[str, str]) -> None:
        """Prefill fields (a household member's family name) that do not count as typed."""
        for name, value in values.items():
            if name in self._edits and name not in LATIN.values():
                self._edits[name].setText(value)
        self._baseline = self.raw()

    def fill(self, values: dict[str, str]) -> None:
        """Put values typed elsewhere (the search field) into their fields; they count as typed."""
        for name, value in values.items():
            if name in self._edits and name not in LATIN.values():
                self._edits[name].setText(value)

    def has_input(self) -> bool:
        """Whether anything was typed beyond the defaults (`set_defaults`)."""
        raw = self.raw()
        if self._baseline and raw == self._baseline:
            return False
        return any(value for name, value in raw.items() if name != "latin_manual")

    def name_query(self) -> tuple[str, str, str, str | None]:
        """(family, given, patronymic, canonical dob or None) for the duplicate search."""
        text = self._edits["dob"].text()
        try:
            dob: str | None = parse_dob("dob", text, today=self._today()) if text.strip() else None
        except ValidationError:
            dob = None
        family, given, patronymic = (self._edits[name].text().strip() for name in NAMES)
        return family, given, patronymic, dob

    def clear(self) -> None:
        for follower in self._latin.values():
            follower.reset()
        for edit in self._edits.values():
            edit.setText("")  # unlike clear(), also forgets the undo history
        for box in self._needs.values():
            box.setChecked(False)
        self._note.clear()
        for combo in (self._sex, *self._consents.values()):
            combo.setCurrentIndex(0)
        self._baseline = {}
        self.clear_errors()

    # --- errors and focus ---------------------------------------------------------------------

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear_error()

    def clear_error(self, field: str) -> None:
        error = self._errors.get(field)
        if error is not None:
            error.clear_error()

    def show_error(self, field: str, error: FieldregError, *, focus: bool = True) -> bool:
        """Explain `error` under `field` and focus it; False if the form has no such field."""
        label = self._errors.get(field)
        if label is None:
            return False
        label.show_text(lambda: describe(error, translate))
        if focus:
            self.focus_field(field)
        return True

    def field_errors(self, *, require_names: bool = True) -> dict[str, ValidationError]:
        """Every field whose value the store would refuse, in Tab order."""
        values = self.edit_values()
        errors: dict[str, ValidationError] = {}
        for name in dict.fromkeys([w.objectName() for w in self._chain] + list(values)):
            if name not in values:
                continue
            error = self._field_error(name, values[name], require_names=require_names)
            if error is not None:
                errors[name] = error
        return errors

    def check(self, *, require_names: bool = True) -> bool:
        """Mark every invalid field at once and focus the first; True when all are valid."""
        self.clear_errors()
        errors = self.field_errors(require_names=require_names)
        for name, error in errors.items():
            self.show_error(name, error, focus=False)
        if errors:
            self.focus_field(next(iter(errors)))
        return not errors

    def _field_error(
        self, name: str, value: object, *, require_names: bool
    ) -> ValidationError | None:
        if require_names and name in REQUIRED and value is None:
            return ValidationError(name, "validation.required")
        try:
            validate_fields({name: value}, today=self._today(), require_names=False)
        except ValidationError as exc:
            return exc
        return None

    def _recheck(self, name: str) -> None:
        # A shown error goes as soon as the value is valid; another mistake replaces its words.
        # A name and its Latin spelling share one error line: both must be valid to clear it.
        label = self._errors.get(name)
        if label is None or not label.has_error:
            return
        script = next((n for n, latin in LATIN.items() if latin == name), name)
        values = self.edit_values()
        checked = [script, LATIN[script]] if script in LATIN else [script]
        errors = [
            self._field_error(n, values[n], require_names=True) for n in checked if n in values
        ]
        error = next((e for e in errors if e is not None), None)
        if error is None:
            label.clear_error()
        else:
            label.show_text(lambda: describe(error, translate))

    def field_widget(self, field: str) -> QWidget | None:
        if field in self._edits:
            return self._edits[field]
        if field in self._extra:
            return self._extra[field]
        if field == "sex":
            return self._sex
        if field == "needs":
            return next(iter(self._needs.values()))
        if field == "needs_note":
            return self._note
        return self._consents.get(field)

    def focus_field(self, field: str = "family_name") -> None:
        widget = self.field_widget(field)
        if widget is None:
            return
        focus_for_keyboard(widget)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            # Only up and down: scrolled sideways to a wide field, the labels went out of view.
            parent.horizontalScrollBar().setValue(0)

    def error_text(self, field: str) -> str:
        error = self._errors.get(field)
        return error.text() if error is not None and error.has_error else ""
