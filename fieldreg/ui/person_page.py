"""One person: every field, the household with links to its members, bands, notes, the history,
and what happens next in one keystroke (Alt+1..7). Ctrl+E edits (Enter saves, Esc cancels); Esc
closes the page. Ctrl+P prints a band, Ctrl+Shift+P the household's, Ctrl+T tags (person_bands)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.children import alone_without_flag
from fieldreg.core.entities import CONSENT_FIELDS, FieldValue
from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.services import enrollment_service as enroll
from fieldreg.services.session import Session
from fieldreg.services.views import HistoryEntry, PersonView
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.discard_confirm import ask_discard
from fieldreg.ui.erasure_dialog import ErasureDialog
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import set_tab_chain
from fieldreg.ui.home_points import home_mark
from fieldreg.ui.page import Page
from fieldreg.ui.person_bands import BandsBox, BandState
from fieldreg.ui.person_details import ConflictsBox, DetailsView, HouseholdLinks, person_name
from fieldreg.ui.person_form import PersonForm
from fieldreg.ui.person_history import HistoryView, local_time
from fieldreg.ui.person_status import StatusButtons, StatusChange
from fieldreg.ui.register_page import ENTER_KEYS, close_dialogs, page_title, scrolled
from fieldreg.ui.translations import Retranslates

DRAFT_VERSION: Final = 1
VIEW, EDIT = range(2)


@dataclass(frozen=True, slots=True)
class PersonData:
    view: PersonView
    history: list[HistoryEntry]
    members: list[tuple[str, dict[str, FieldValue]]]  # household members' ids and summaries
    bands: dict[str, bool]  # every band printed for the person -> still valid
    household_banded: list[str]  # members wearing a valid band
    coordinator: bool = False  # the coordinator's store: an erasure can be requested here


def load_person(session: Session, person_id: str) -> PersonData:
    """Runs on the worker: everything the page shows, in one go."""
    view = session.person(person_id)
    members = [(m, dict(session.people.summary(m) or {})) for m in view.household_members]
    banded = [m for m in view.household_members if any(session.bands(m).values())]
    history = session.history(view.person_id)
    coordinator = enroll.network_status(session).role == "coordinator"
    return PersonData(view, history, members, session.bands(view.person_id), banded, coordinator)


def _save_edit(session: Session, person_id: str, values: dict[str, object]) -> list[str]:
    consents = {name: values.pop(name) for name in CONSENT_FIELDS if name in values}
    return session.update(person_id, values) + session.record_consent(person_id, consents)


class PersonPage(Retranslates, Page, QWidget):
    closed = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._data: PersonData | None = None
        self._job = 0
        self._original: dict[str, object] = {}
        self._pending_draft: dict[str, object] | None = None
        self._title = QLabel()
        page_title(self._title)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._edit = QPushButton()
        self._edit.clicked.connect(self.start_edit)
        self._close = QPushButton()
        self._close.clicked.connect(self.closed)
        self.erase_button = QPushButton()  # at the coordinator only
        self.erase_button.clicked.connect(self.request_erasure)
        self.erase_button.hide()
        self.erasure_note = QLabel()
        self.erasure_note.setWordWrap(True)
        self.erasure_note.hide()
        self.status = StatusButtons(self)
        self.status.chosen.connect(self._change_status)
        self.conflicts = ConflictsBox()
        self.conflicts.keep.connect(self._keep_value)
        self.details = DetailsView()
        self.household = HouseholdLinks()
        self.household.open_requested.connect(self._context.open_person)
        self.bands = BandsBox(context)
        self.bands.printed.connect(lambda _result: self._reload())
        self._notes_box = QGroupBox()
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("new_note")
        self.note.setMaxLength(2000)
        self.note.installEventFilter(self)
        self._add_note = QPushButton()
        self._add_note.setAutoDefault(True)
        self._add_note.clicked.connect(self.add_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self._add_note)
        notes_layout = QVBoxLayout(self._notes_box)
        notes_layout.addWidget(self.notes)
        notes_layout.addLayout(note_row)
        self._history_box = QGroupBox()
        self.history = HistoryView()
        QVBoxLayout(self._history_box).addWidget(self.history)
        side = QVBoxLayout()
        side.addWidget(self.household)
        side.addWidget(self.bands)
        side.addWidget(self._notes_box, 1)
        side.addWidget(self._history_box, 2)
        view_page = QWidget()
        view_layout = QHBoxLayout(view_page)
        view_layout.setContentsMargins(0, 0, 0, 0)
        view_layout.addWidget(scrolled(self.details), 1)
        view_layout.addLayout(side, 1)
        self.form = PersonForm()
        self._save = QPushButton()
        self._save.clicked.connect(self.save_edit)
        self._cancel = QPushButton()
        self._cancel.clicked.connect(self.cancel_edit)
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(scrolled(self.form), 1)
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self._cancel)
        edit_buttons.addWidget(self._save)
        edit_layout.addLayout(edit_buttons)
        self.stack = QStackedWidget()
        self.stack.addWidget(view_page)
        self.stack.addWidget(edit_page)
        for button in (self._edit, self.erase_button, self._close, self._save, self._cancel):
            button.setAutoDefault(True)
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self._edit)
        header.addWidget(self.erase_button)
        header.addWidget(self._close)
        self._message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self._summary)
        layout.addWidget(self.erasure_note)
        layout.addWidget(self.status)
        layout.addWidget(self.conflicts)
        layout.addWidget(self._message)
        layout.addWidget(self.stack, 1)
        set_tab_chain([*self.form.tab_chain(), self._save, self._cancel])
        for keys, slot in (("Ctrl+E", self.start_edit), ("Alt+N", self._focus_note)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.bands.install_shortcuts(self)
        context.locked.connect(self.clear_personal_data)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._edit.setText(self.tr("Edit (Ctrl+E)"))
        self._close.setText(self.tr("Close (Esc)"))
        self.erase_button.setText(self.tr("Request erasure…"))
        self._save.setText(self.tr("Save (Enter)"))
        self._cancel.setText(self.tr("Cancel (Esc)"))
        self._notes_box.setTitle(self.tr("Notes"))
        self._history_box.setTitle(self.tr("History"))
        self.note.setPlaceholderText(self.tr("Alt+N: type a note, then Enter"))
        self.note.setAccessibleName(self.tr("New note"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self._add_note.setText(self.tr("Add note"))
        self._show_summary()

    # --- the shell's contract -----------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        """Load the person on the worker and show them (what was shown before goes at once)."""
        if self._job:
            self._context.worker.cancel(self._job)
        self._clear_view()
        self._job = self._context.run(
            lambda s: load_person(s, person_id), self._on_loaded, self._on_error
        )

    def person_id(self) -> str | None:
        return self._data.view.person_id if self._data is not None else None

    def clear_personal_data(self) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self._pending_draft = None
        close_dialogs(self)
        self._clear_view()

    def export_draft(self) -> dict[str, object] | None:
        person_id = self.person_id()
        editing = self.stack.currentIndex() == EDIT and self._edited()
        if person_id is None or not (editing or self.note.text().strip()):
            return None
        return {
            "version": DRAFT_VERSION,
            "person_id": person_id,
            "form": self.form.raw() if editing else None,
            "note": self.note.text(),
        }

    def import_draft(self, draft: dict[str, object]) -> None:
        person_id = draft.get("person_id")
        if draft.get("version") == DRAFT_VERSION and isinstance(person_id, str):
            self.show_person(person_id)
            self._pending_draft = draft  # applied once the person is loaded

    # --- loading and showing ------------------------------------------------------------------

    def _clear_view(self) -> None:
        self._data = None
        self._original = {}
        self.stack.setCurrentIndex(VIEW)
        self.form.clear()
        self.details.show_fields({})
        self.household.show_household(None, "", [])
        self.bands.show_state(None)
        self.conflicts.show_conflicts({})
        self.history.show_entries([])
        self.notes.clear()
        self.note.setText("")  # unlike clear(), also forgets the undo history
        self._message.clear_error()
        self.status.set_current(None)
        self.status.set_child_alone(False)
        self.erase_button.hide()
        self.erasure_note.hide()
        self._set_enabled(False)
        self._show_summary()

    def _on_loaded(self, data: PersonData) -> None:
        self._job = 0
        self._data = data
        view = data.view
        self.details.show_fields(view.fields)
        household = view.fields.get("household_id")
        household_id = household if isinstance(household, str) else None
        self.household.show_household(household_id, view.person_id, data.members)
        self.bands.show_state(
            BandState(view.person_id, data.bands, household_id, data.household_banded)
        )
        self.conflicts.show_conflicts(view.conflicts, view.fields.get("sex"))
        self.history.show_entries(data.history, data.view.fields.get("sex"))
        self.notes.clear()
        for note in view.notes:
            self.notes.addItem(f"{local_time(note.when)}  {note.text}")
        status = view.fields.get("status")
        self.status.set_current(status if isinstance(status, str) else None)
        self.status.set_child_alone(alone_without_flag(view.fields, dt.date.today()))
        self.status.set_sex(view.fields.get("sex"))
        self.erase_button.setVisible(data.coordinator and not view.erased)
        self._set_enabled(True)
        self._show_summary()
        draft, self._pending_draft = self._pending_draft, None
        if draft is not None:
            typed = draft.get("note")
            self.note.setText(typed if isinstance(typed, str) else "")
            form = draft.get("form")
            if isinstance(form, dict):
                self.start_edit()
                self.form.set_raw(form)

    def _show_summary(self) -> None:
        if self._data is None:
            self._title.setText(self.tr("Person"))
            self._summary.setText("")
            return
        view = self._data.view
        self._title.setText(f"{person_name(view.fields, with_latin=True)} · {view.person_id}")
        parts = []
        status = labels.value_text("status", view.fields.get("status"), view.fields.get("sex"))
        transport = view.fields.get("status_transport")
        parts.append(f"{status} ({transport})" if isinstance(transport, str) else status)
        if view.home_point:
            parts.append(home_mark(view.home_point))  # a roster brought them from elsewhere
        if view.registered is not None:
            registered = labels.event_label("PersonRegistered", view.fields.get("sex"))
            parts.append(f"{registered} {local_time(view.registered)}")
        parts.append(self.tr("Bands: %1").replace("%1", ", ".join(view.bands) or "—"))
        if view.duplicate_of:
            joined = ", ".join(view.duplicate_of)
            parts.append(self.tr("Same person as %1").replace("%1", joined))
        self._summary.setText(" · ".join(parts))

    def request_erasure(self) -> ErasureDialog | None:
        """At the coordinator: ask for this person's erasure (another operator confirms)."""
        person_id = self.person_id()
        if person_id is None or self._data is None or not self._data.coordinator:
            return None
        dialog = ErasureDialog(self._context, person_id, self)
        dialog.requested.connect(self._erasure_requested)
        dialog.open()
        return dialog

    def _erasure_requested(self, person_id: str) -> None:
        self.erasure_note.setText(
            self.tr(
                "Erasure of {id} requested: another operator confirms it on the Coordinator "
                "page (Erasures tab)."
            ).format(id=person_id)
        )
        self.erasure_note.show()
        self.erase_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.status, self._edit, self.note, self._add_note, self.bands):
            widget.setEnabled(enabled)

    def _reload(self) -> None:
        person_id = self.person_id()
        if person_id is not None:
            self._context.people_changed.emit([person_id])
            self.show_person(person_id)

    def _on_error(self, error: BaseException) -> None:
        self._job = 0
        editing = self.stack.currentIndex() == EDIT
        if (
            isinstance(error, ValidationError)
            and editing
            and self.form.show_error(error.field, error)
        ):
            return
        if isinstance(error, ValidationError):
            self._message.show_text(lambda: self._context.describe(error))
        elif isinstance(error, FieldregError):
            show_store_error(self, self._context, error)
        else:
            raise error

    # --- actions ------------------------------------------------------------------------------

    def _change_status(self, change: StatusChange) -> None:
        person_id = self.person_id()
        if person_id is None or self.stack.currentIndex() == EDIT:
            return
        self._run_then_reload(
            lambda s: s.set_status(
                person_id,
                change.status,
                transport=change.transport,
                location=change.location,
                note=change.note,
            )
        )

    def _keep_value(self, field: str, value: object) -> None:
        person_id = self.person_id()
        if person_id is not None:
            self._run_then_reload(lambda s: s.resolve_conflict(person_id, field, value))

    def _focus_note(self) -> None:
        if self.stack.currentIndex() == VIEW and self.note.isEnabled():
            self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_note(self) -> None:
        person_id, text = self.person_id(), self.note.text()
        if person_id is None or not text.strip():
            return
        self._run_then_reload(lambda s: s.add_note(person_id, text))

    def _run_then_reload(self, call: Callable[[Session], object]) -> None:
        self._message.clear_error()
        self._set_enabled(False)
        self._context.run(call, lambda _result: self._reload(), self._on_action_failed)

    def _on_action_failed(self, error: BaseException) -> None:
        self._set_enabled(self._data is not None)
        self._on_error(error)

    # --- editing ------------------------------------------------------------------------------

    def start_edit(self) -> None:
        if self._data is None or self.stack.currentIndex() == EDIT:
            return
        self.form.set_fields(self._data.view.fields)
        self._original = self.form.edit_values()
        self.stack.setCurrentIndex(EDIT)
        for widget in (self.status, self._edit, self._close, self.bands):
            widget.setEnabled(False)  # Esc cancels the edit; closing would drop it unasked
        self.form.focus_field("family_name")

    def _edited(self) -> bool:
        return self.form.edit_values() != self._original

    def save_edit(self) -> None:
        person_id = self.person_id()
        if person_id is None or self.stack.currentIndex() != EDIT:
            return
        if not self.form.check():  # every mistake marked at once, the first focused
            return
        values = self.form.edit_values()
        self._context.run(
            lambda s: _save_edit(s, person_id, values), self._on_edit_saved, self._on_error
        )

    def _on_edit_saved(self, _changed: list[str]) -> None:
        self.stack.setCurrentIndex(VIEW)
        self._close.setEnabled(True)
        self._reload()

    def cancel_edit(self) -> None:
        if self.stack.currentIndex() != EDIT:
            return
        if self._edited():
            ask_discard(self, self._leave_edit)
        else:
            self._leave_edit()

    def _leave_edit(self) -> None:
        self.form.clear()
        self.stack.setCurrentIndex(VIEW)
        self._set_enabled(self._data is not None)
        self._close.setEnabled(True)
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.stack.currentIndex() == EDIT
        if event.key() in ENTER_KEYS and editing:
            self.save_edit()
        elif event.key() == Qt.Key.Key_Escape:
            if editing:
                self.cancel_edit()
            else:
                self.closed.emit()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the note field adds the note, and goes no further.
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ENTER_KEYS:
                self.add_note()
                return True
        return super().eventFilter(watched, event)
