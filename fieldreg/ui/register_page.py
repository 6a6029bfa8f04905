"""Register one person, keyboard-first: type, Enter saves, Esc cancels (asking if anything was
typed). Beside the form, people who may already be registered; Ctrl+1..5 opens one instead.

Enter first checks every field (all mistakes marked at once, the first focused). Saving then runs
on the worker, in one job with a last look for the same person: the side panel's answer may not
have come yet, so it is not trusted. When someone is almost surely already registered, nothing is
saved and the volunteer is asked (open them, the default, or register a new person anyway). The
form is disabled only until the answer comes back (a few ms), then cleared and focused for the
next person, or left as typed with the error beside its field.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.services.reconciliation import SoughtWatch, sought_watch
from fieldreg.services.session import Session
from fieldreg.services.views import PersonHit
from fieldreg.ui.already_registered import ask_already_registered
from fieldreg.ui.child_warning import ChildWarning
from fieldreg.ui.context import UiContext
from fieldreg.ui.discard_confirm import ask_discard
from fieldreg.ui.duplicates_panel import DuplicatesPanel, already_registered, duplicate_query
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import focus_back, set_tab_chain
from fieldreg.ui.page import FormPage
from fieldreg.ui.person_form import PersonForm
from fieldreg.ui.translations import Retranslates

DRAFT_VERSION: Final = 1
ENTER_KEYS: Final = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def page_title(label: QLabel) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def register_unless_known(
    session: Session, values: dict[str, object], query: str, *, anyway: bool
) -> str | PersonHit:
    """Runs on the worker: the new ID, or (unless `anyway`) the person it almost surely is."""
    if not anyway:
        known = already_registered(session, query)
        if known is not None:
            return known
    return session.register(values)


def close_dialogs(page: QWidget) -> None:
    """Close any confirmation or error box still open over `page` (locking, a new task)."""
    for box in page.findChildren(QMessageBox):
        box.close()


class RegisterPage(Retranslates, FormPage, QWidget):
    saved = Signal(list)  # ids of the people just registered
    cancelled = Signal()  # the volunteer gave up this registration (Esc)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._saving = False
        self._focus_before: QWidget | None = None  # where Enter was pressed, to return there
        self.saved_child_alone = False  # the last save was of a minor alone (see ChildWarning)
        self._title = QLabel()
        page_title(self._title)
        self.form = PersonForm()
        self.duplicates = DuplicatesPanel(context)
        self._message = ErrorLabel()
        self.child_warning = ChildWarning(self.form)
        # Someone on an open list of sought persons may be this person: said discreetly, with
        # nothing of the list (which list, who asks), so the volunteer tells the coordinator.
        self.sought_notice = QLabel()
        self.sought_notice.setObjectName("soughtNotice")
        self.sought_notice.setWordWrap(True)
        self.sought_notice.hide()
        self._watch: SoughtWatch | None = None
        self._watch_loading = False
        self._save = QPushButton()
        self._cancel = QPushButton()
        for button in (self._save, self._cancel):
            button.setAutoDefault(True)  # Enter on a focused button presses that button
        self._save.clicked.connect(self.save)
        self._cancel.clicked.connect(self.cancel)
        columns = QHBoxLayout()
        columns.addWidget(scrolled(self.form), 2)
        columns.addWidget(self.duplicates, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._message, 1)
        buttons.addStretch(0)  # the buttons keep their size while no message is shown
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(columns, 1)
        layout.addWidget(self.child_warning)
        layout.addWidget(self.sought_notice)
        layout.addLayout(buttons)
        set_tab_chain(
            [*self.form.tab_chain(), self._save, self._cancel, self.duplicates.list_widget()]
        )
        self.form.names_changed.connect(self._look_for_duplicates)
        self.duplicates.chosen.connect(self._open_candidate)
        self.duplicates.install_shortcuts(self)
        context.locked.connect(self.clear_personal_data)  # also when the shell forgets to
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Register a person"))
        self._save.setText(self.tr("Save (Enter)"))
        self._cancel.setText(self.tr("Cancel (Esc)"))
        self.sought_notice.setText(
            self.tr("Someone may be looking for this person: tell the coordinator.")
        )

    # --- the shell's contract -----------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form with the cursor in the family name."""
        close_dialogs(self)
        self.form.clear()
        self.duplicates.clear()
        self._message.clear_error()
        self.sought_notice.hide()
        self.form.focus_field("family_name")

    def focus_first(self) -> None:
        """The cursor in the family name, its ring shown: every way onto this page ends here (the
        stacked widget would give the focus back to whichever field had it last)."""
        if not self._saving:
            self.form.focus_field("family_name")

    def fill_from_search(self, values: dict[str, str]) -> None:
        """Find first, then register: names and date typed in the search, on an empty form."""
        if not self.form.has_input() and not self._saving:
            self.form.fill(values)

    def clear_personal_data(self) -> None:
        close_dialogs(self)
        self.form.clear()
        self.duplicates.clear()
        self._message.clear_error()
        self.sought_notice.hide()
        self.forget_sought_lists()

    def export_draft(self) -> dict[str, object] | None:
        if not self.form.has_input():
            return None
        return {"version": DRAFT_VERSION, "form": self.form.raw()}

    def import_draft(self, draft: dict[str, object]) -> None:
        form = draft.get("form")
        if draft.get("version") == DRAFT_VERSION and isinstance(form, dict):
            self.form.set_raw(form)
            self.form.focus_field("family_name")

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    # --- saving -------------------------------------------------------------------------------

    def saving(self) -> bool:
        return self._saving

    def save(self) -> None:
        self._check_and_save(anyway=False)

    def _check_and_save(self, *, anyway: bool) -> None:
        """Check, then register; `anyway`: the volunteer said this is a new person."""
        if self._saving:
            return
        child_alone = self.child_warning.warns
        self._message.clear_error()
        if not self.form.check():
            return
        values = self.form.values()
        query = duplicate_query(*self.form.name_query())
        self._focus_before = QApplication.focusWidget()
        self._set_saving(True)
        self._context.run(
            lambda s: register_unless_known(s, values, query, anyway=anyway),
            lambda answer: self._on_answer(answer, child_alone=child_alone),
            self._on_failed,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.form.setEnabled(not saving)
        self._save.setEnabled(not saving)
        self._cancel.setEnabled(not saving)

    def _on_answer(self, answer: str | PersonHit, *, child_alone: bool) -> None:
        if isinstance(answer, str):
            self._on_saved(answer, child_alone=child_alone)
            return
        self._set_saving(False)
        ask_already_registered(
            self,
            answer,
            adds=False,
            on_existing=lambda: self._open_candidate(answer.person_id),
            on_new=lambda: self._check_and_save(anyway=True),
            on_back=self._back_to_form,
        )

    def _back_to_form(self) -> None:
        focus_back(self, self._focus_before, lambda: self.form.focus_field("family_name"))

    def _on_saved(self, person_id: str, *, child_alone: bool = False) -> None:
        self._set_saving(False)
        self.saved_child_alone = child_alone
        self.form.clear()
        self.duplicates.clear()
        self.sought_notice.hide()
        self.form.focus_field("family_name")
        self._context.people_changed.emit([person_id])
        self.saved.emit([person_id])

    def _on_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            if not self.form.show_error(error.field, error):
                self._message.show_text(lambda: self._context.describe(error))
                self.form.focus_field("family_name")
        elif isinstance(error, FieldregError):
            self.form.focus_field("family_name")
            show_store_error(self, self._context, error)  # what was typed stays in the form
        else:
            raise error

    # --- cancelling and duplicates ------------------------------------------------------------

    def cancel(self) -> None:
        if self._saving:
            return
        if not self.form.has_input():
            self.cancelled.emit()
            return
        ask_discard(self, self._discard)

    def _discard(self) -> None:
        self.clear_personal_data()
        self.cancelled.emit()

    def _look_for_duplicates(self) -> None:
        query = self.form.name_query()
        self.duplicates.set_query(*query)
        self._check_sought(*query)

    # --- lists of sought persons --------------------------------------------------------------

    def forget_sought_lists(self) -> None:
        """The lists changed (an import, a confirmation) or the store locks: read them again."""
        self._watch = None

    def _check_sought(self, family: str, given: str, patronymic: str, dob: str | None) -> None:
        if self._watch is None:
            if not self._watch_loading:
                self._watch_loading = True
                self._context.run(sought_watch, self._watch_loaded, self._watch_failed)
            return
        sought = self._watch.may_be_sought(family, given, patronymic, dob)
        self.sought_notice.setVisible(sought)

    def _watch_loaded(self, watch: SoughtWatch) -> None:
        self._watch_loading = False
        if self._context.session is None:
            return  # locked meanwhile
        self._watch = watch
        self._check_sought(*self.form.name_query())

    def _watch_failed(self, error: BaseException) -> None:
        self._watch_loading = False
        if not isinstance(error, FieldregError):
            raise error
        # The notice is a courtesy: the registration goes on without it.

    def _open_candidate(self, person_id: str) -> None:
        # What was typed stays until the next registration starts, in case it was someone else.
        self._context.open_person.emit(person_id)
