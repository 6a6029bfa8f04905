"""Register a household in one flow: type each member (Enter adds them and starts the next, with
the first member's family name), copy family name, origin, phone and languages from the first
(Ctrl+D), pick each relationship, add people already registered by scanning their band or typing
their ID, then save all at once (Ctrl+Enter).

Enter looks once more on the worker for the member among the registered (the side panel may not
have answered yet); when they are almost surely registered already, the volunteer is asked (add
the registered person, the default, or register a new one).

The household is saved in one transaction (`Session.register_household`: the typed members are
registered, the first heading it, and the people already registered are moved into it), so a
failed save leaves the form as it was and a retry saves everyone once.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.services.session import Session
from fieldreg.services.views import PersonHit, RegisteredHousehold, SearchResult
from fieldreg.ui.already_registered import ask_already_registered
from fieldreg.ui.context import UiContext
from fieldreg.ui.discard_confirm import ask_discard
from fieldreg.ui.duplicates_panel import DuplicatesPanel, already_registered, duplicate_query
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.form_fields import focus_back, focus_for_keyboard, set_tab_chain
from fieldreg.ui.household_members import HEAD, Member, MembersTable
from fieldreg.ui.member_editor import MemberEditor
from fieldreg.ui.page import FormPage
from fieldreg.ui.register_page import ENTER_KEYS, close_dialogs, page_title
from fieldreg.ui.translations import Retranslates

DRAFT_VERSION: Final = 1


def _save_household(
    session: Session, new: list[Member], existing: list[Member]
) -> RegisteredHousehold:
    """Runs on the worker: the typed members and the registered ones in one transaction."""
    linked = [(m.person_id, m.relationship) for m in existing if m.person_id is not None]
    return session.register_household([(m.fields, m.relationship) for m in new], linked)


class HouseholdPage(Retranslates, FormPage, QWidget):
    saved = Signal(list)  # ids of the people newly registered (people linked are not new)
    cancelled = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._members: list[Member] = []
        self._editing: int | None = None  # where the member in the editor came from
        self._saving = False
        self._focus_before_save: QWidget | None = None
        self._checking = False  # a member's last look among the registered is on its way
        self._save_after_check = False  # Ctrl+Enter came while it was
        self._focus_before: QWidget | None = None
        self.saved_household: str | None = None  # the last one saved, for printing its bands
        self._title = QLabel()
        page_title(self._title)
        self.table = MembersTable()
        self.table.edit_requested.connect(self._edit_member)
        self.table.remove_requested.connect(self._remove_member)
        self._members_label = QLabel()
        self._members_label.setBuddy(self.table)
        self._scan_label = QLabel()
        self._scan_label.setWordWrap(True)  # a long sentence in Russian; the form needs the room
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.installEventFilter(self)
        self._scan_label.setBuddy(self.scan)
        self._scan_error = ErrorLabel()
        self.duplicates = DuplicatesPanel(context, adds=True)
        self.duplicates.chosen.connect(self._add_registered)
        left = QVBoxLayout()
        for widget in (self._members_label, self.table, self._scan_label, self.scan):
            left.addWidget(widget)
        left.addWidget(self._scan_error)
        left.addWidget(self.duplicates, 1)
        self.editor = MemberEditor()
        self.editor.add_requested.connect(self.add_member)
        self.editor.copy_requested.connect(self.copy_shared)
        self.form = self.editor.form
        self.form.names_changed.connect(self._look_for_duplicates)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.editor, 2)  # the form, not the list, must show without scrolling
        self._message = ErrorLabel()
        self._save = QPushButton()
        self._save.clicked.connect(self.save)
        self._cancel = QPushButton()
        self._cancel.clicked.connect(self.cancel)
        for button in (self._save, self._cancel):
            button.setAutoDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self._message, 1)
        bottom.addStretch(0)  # the buttons keep their size while no message is shown
        bottom.addWidget(self._cancel)
        bottom.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        set_tab_chain(
            [
                *self.editor.tab_chain(),
                self.table,
                self.scan,
                self.duplicates.list_widget(),
                self._cancel,
                self._save,
            ]
        )
        for keys, slot in (
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+S", self.save),
            ("Ctrl+D", self.copy_shared),
            ("Alt+B", self._focus_scan),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.duplicates.install_shortcuts(self)
        context.locked.connect(self.clear_personal_data)  # also when the shell forgets to
        self.retranslateUi()
        self._start_member()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Register a household"))
        self._members_label.setText(self.tr("&Members (Enter: edit, Delete: remove)"))
        self._scan_label.setText(self.tr("Scan a band or type an ID to add a registered person"))
        self.scan.setAccessibleName(self.tr("Band or ID"))
        self.scan.setPlaceholderText(self.tr("Alt+B"))
        self._save.setText(self.tr("Save household (Ctrl+Enter)"))
        self._cancel.setText(self.tr("Cancel (Esc)"))
        self.table.show_members(self._members)

    # --- the shell's contract -----------------------------------------------------------------

    def start_new(self) -> None:
        close_dialogs(self)
        self._members = []
        self._editing = None
        self.table.show_members([])
        self.scan.setText("")  # unlike clear(), also forgets the undo history
        self._scan_error.clear_error()
        self._message.clear_error()
        self._start_member()

    def clear_personal_data(self) -> None:
        self.start_new()

    def focus_first(self) -> None:
        """The cursor in the member's family name, its ring shown (see RegisterPage)."""
        if not self._saving:
            self.form.focus_field("family_name")

    def fill_from_search(self, values: dict[str, str]) -> None:
        """Find first, then register: what was searched becomes the first member."""
        if not self._members and not self.form.has_input() and not self._saving:
            self.form.fill(values)

    def checking(self) -> bool:
        """Whether a member's look among the registered is still to answer (tests wait)."""
        return self._checking

    def export_draft(self) -> dict[str, object] | None:
        if not self._members and not self.form.has_input():
            return None
        return {
            "version": DRAFT_VERSION,
            "members": [m.to_json() for m in self._members],
            "editor": self.form.raw(),
            "relationship": self.editor.relationship.currentData(),
        }

    def import_draft(self, draft: dict[str, object]) -> None:
        if draft.get("version") != DRAFT_VERSION:
            return
        self.start_new()
        members = draft.get("members")
        found = [Member.from_json(m) for m in members] if isinstance(members, list) else []
        self._members = [m for m in found if m is not None]
        self.table.show_members(self._members)
        self._start_member()
        editor = draft.get("editor")
        if isinstance(editor, dict):
            self.form.set_raw(editor)
        if self._members:
            self.editor.set_relationship(draft.get("relationship"))

    def members(self) -> list[Member]:
        return list(self._members)

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS and not event.modifiers():
            self.add_member()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the scan field looks the ID up; it must not also reach the page.
        if watched is self.scan and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ENTER_KEYS:
                self._look_up_scan()
                return True
        return super().eventFilter(watched, event)

    def _focus_scan(self) -> None:
        focus_for_keyboard(self.scan)
        self.scan.selectAll()

    # --- the member editor --------------------------------------------------------------------

    def _start_member(self) -> None:
        self.duplicates.clear()
        position = self._editing if self._editing is not None else len(self._members)
        family_name = self._first_family_name() if position > 0 else ""
        head_dob = self._members[0].fields.get("dob") if self._members else None
        self.editor.start(position, family_name, head_dob)  # the first member heads: unchecked

    def _first_family_name(self) -> str:
        if not self._members:
            return ""
        first = self._members[0]
        name = (first.raw or first.fields).get("family_name")
        return name if isinstance(name, str) else ""

    def add_member(self) -> None:
        self._add_member(then_save=False)

    def _add_member(self, *, then_save: bool) -> None:
        """Check the member being typed, look once more for them among the registered, then add
        them to the list (and save the household when `then_save`)."""
        if self._checking or self._saving:
            return
        if not self.form.has_input():
            self._message.show_text(lambda: self.tr("Type a member, or press Ctrl+Enter to save."))
            return
        checked = self.editor.validated()
        if checked is None:
            return
        fields, relationship = checked
        member = Member(relationship, dict(fields), raw=self.form.raw())
        query = duplicate_query(*self.form.name_query())
        self._checking = True
        self._focus_before = QApplication.focusWidget()
        self._context.run(
            lambda s: already_registered(s, query),
            lambda hit: self._on_checked(hit, member, then_save),
            self._on_check_failed,
        )

    def _on_checked(self, hit: PersonHit | None, member: Member, then_save: bool) -> None:
        self._checking = False
        then_save = then_save or self._save_after_check
        self._save_after_check = False
        if hit is None:
            self._add_typed(member, then_save)
            return

        def add_registered() -> None:
            if self._add_registered(hit.person_id, dict(hit.fields)) and then_save:
                self.save()

        ask_already_registered(
            self,
            hit,
            adds=True,
            on_existing=add_registered,
            on_new=lambda: self._add_typed(member, then_save),
            on_back=self._back_to_form,
        )

    def _on_check_failed(self, error: BaseException) -> None:
        self._checking = False
        self._save_after_check = False
        if not isinstance(error, FieldregError):
            raise error
        show_store_error(self, self._context, error)  # the member stays in the editor

    def _add_typed(self, member: Member, then_save: bool) -> None:
        self._insert(member)
        self._start_member()
        if then_save:
            self.save()

    def _back_to_form(self) -> None:
        focus_back(self, self._focus_before, lambda: self.form.focus_field("family_name"))

    def _insert(self, member: Member) -> None:
        position = self._editing if self._editing is not None else len(self._members)
        self._members.insert(position, member)
        self._editing = None
        self._members[0].relationship = HEAD  # the first member always heads the household
        self.table.show_members(self._members)
        self._message.clear_error()

    def _edit_member(self, row: int) -> None:
        if self.form.has_input():
            self._message.show_text(lambda: self.tr("Add or clear the member being typed first."))
            return
        member = self._members[row]
        if member.raw is None:
            self._message.show_text(
                lambda: self.tr("A registered person is edited on their own page.")
            )
            return
        del self._members[row]
        self._editing = row
        self.table.show_members(self._members)
        self._start_member()
        self.form.set_raw(member.raw)
        self.editor.set_relationship(member.relationship)
        self.form.focus_field("family_name")

    def _remove_member(self, row: int) -> None:
        del self._members[row]
        if self._members:
            self._members[0].relationship = HEAD
        if self._editing is not None and self._editing > row:
            self._editing -= 1
        self.table.show_members(self._members)
        self._start_member()

    def copy_shared(self) -> None:
        if not self._members or self._editing == 0:
            return
        first = self._members[0]
        self.form.set_shared(first.raw or first.fields)

    def _look_for_duplicates(self) -> None:
        self.duplicates.set_query(*self.form.name_query())

    # --- registered people --------------------------------------------------------------------

    def _look_up_scan(self) -> None:
        # The search reads band payloads (in any keyboard layout) and IDs; names are refused here.
        untrusted_text = self.scan.text().strip()
        if not untrusted_text:
            return
        self._context.run(
            lambda s: s.search(untrusted_text, limit=1), self._on_scanned, self._on_scan_error
        )

    def _on_scanned(self, result: SearchResult) -> None:
        if result.exact_id is None:
            error = FieldregError(result.id_error or "id.malformed")
            self._scan_error.show_text(lambda: self._context.describe(error))
            self._focus_scan()
            return
        if self._add_registered(result.exact_id, dict(result.hits[0].fields)):
            self.scan.setText("")  # unlike clear(), also forgets the undo history
            warning = result.band_warning  # a replaced band still names its person: say so
            if warning is None:
                self._scan_error.clear_error()
            else:
                notice = FieldregError(warning, id=result.exact_id)
                self._scan_error.show_text(lambda: self._context.describe(notice))

    def _on_scan_error(self, error: BaseException) -> None:
        if not isinstance(error, FieldregError):
            raise error
        show_store_error(self, self._context, error)

    def _add_registered(self, person_id: str, fields: dict[str, object] | None = None) -> bool:
        """Add someone already registered (scanned, typed ID, or picked among duplicates)."""
        if any(m.person_id == person_id for m in self._members):
            self._scan_error.show_text(lambda: self.tr("This person is already in the household."))
            return False
        relationship = HEAD if not self._members else self.editor.chosen_relationship()
        if relationship is None:
            return False
        if fields is None:
            hit = next((h for h in self.duplicates.hits() if h.person_id == person_id), None)
            fields = dict(hit.fields) if hit is not None else {}
        self._insert(Member(relationship, fields, person_id=person_id))
        self._start_member()
        return True

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if self._checking:
            self._save_after_check = True  # Enter, then Ctrl+Enter before the answer came
            return
        if self._saving:
            return
        if self.form.has_input():
            self._add_member(then_save=True)  # saves once the member is in
            return
        if not self._members:
            self._message.show_text(lambda: self.tr("Add at least one member."))
            return
        members = list(self._members)
        new = [m for m in members if m.person_id is None]
        existing = [m for m in members if m.person_id is not None]
        self._set_saving(True)
        self._context.run(
            lambda s: _save_household(s, new, existing),
            self._on_saved,
            lambda error: self._on_failed(error, new),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if saving:
            self._focus_before_save = QApplication.focusWidget()
        for widget in (self.editor, self.table, self.scan, self._save, self._cancel):
            widget.setEnabled(not saving)
        if not saving:
            # disabling dropped the focus; give it back so that a retry is one keystroke
            before, self._focus_before_save = self._focus_before_save, None
            focus_back(self, before, lambda: None)

    def _on_saved(self, result: RegisteredHousehold) -> None:
        self._set_saving(False)
        new_ids, self.saved_household = result.new_ids, result.household_id
        linked = [m.person_id for m in self._members if m.person_id is not None]
        self.start_new()
        self._context.people_changed.emit(new_ids + linked)
        self.saved.emit(new_ids)

    def _on_failed(self, error: BaseException, new: list[Member]) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            position = error.params.get("member")
            if isinstance(position, int) and 0 <= position < len(new):
                row = self._members.index(new[position])
                self._edit_member(row)
                if self.form.show_error(error.field, error):
                    return
            self._message.show_text(lambda: self._context.describe(error))
        elif isinstance(error, FieldregError):
            show_store_error(self, self._context, error)  # the members stay as they were
        else:
            raise error

    # --- cancelling ---------------------------------------------------------------------------

    def cancel(self) -> None:
        if self._saving:
            return
        if not self._members and not self.form.has_input():
            self.cancelled.emit()
            return
        ask_discard(self, self._discard)

    def _discard(self) -> None:
        self.start_new()
        self.cancelled.emit()
