"""Reviewing the candidates of a list of sought persons, side by side: whom the list seeks and
whom we registered, with each field's agreement ("Given name: Олексій = Алексей"). By keyboard:
Y or Ctrl+Enter confirms (the entry is linked to the person), N rejects the candidate (the next
one is shown), Space or → moves to the next entry without deciding; Y and N are the same keys
on a Ukrainian or Russian layout (Н, Т). Entries already confirmed and candidates already
rejected are not shown again."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldreg.core.keyboards import CYRILLIC_TO_US
from fieldreg.services import reconciliation
from fieldreg.services.reconciliation import EntryMatch
from fieldreg.services.session import Session
from fieldreg.ui.duplicates_panel import hit_title
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.pair_fields import field_lines
from fieldreg.ui.translations import Retranslates

CONFIRM_KEYS = (Qt.Key.Key_Y,)
REJECT_KEYS = (Qt.Key.Key_N,)
NEXT_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Right)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True, slots=True)
class ToReview:
    list_id: str
    matches: list[EntryMatch]  # open entries with candidates, list order
    names: dict[str, str]  # person id -> "name · year", for display


def to_review(session: Session, list_id: str) -> ToReview:
    """Runs on the worker: the open entries of the list with their candidates, and the names of
    the candidates as the desk's duplicate panel writes them."""
    matches = [
        m for m in reconciliation.match(session, list_id) if m.candidates and not m.confirmed
    ]
    people = {c.person_id for m in matches for c in m.candidates}
    names = {p: hit_title(dict(session.people.summary(p) or {}), p) for p in people}
    return ToReview(list_id, matches, names)


def sought_text(match: EntryMatch) -> str:
    entry = match.entry
    name = " ".join(n for n in (entry.family, entry.given, entry.patronymic) if n)
    return f"{name} · {entry.dob}" if entry.dob else name


class ListReview(Retranslates, QWidget):
    decided = Signal(str, int, str, str)  # list id, entry number, person id, decision
    finished = Signal()  # Esc, or nothing left

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listReview")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._data: ToReview | None = None
        self._entry = 0
        self._candidate = 0
        self.position = QLabel()
        self.sought = QLabel()
        self.registered = QLabel()
        self.fields = QLabel()
        for label in (self.sought, self.registered, self.fields):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._sought_box = QGroupBox()
        QVBoxLayout(self._sought_box).addWidget(self.sought)
        self._registered_box = QGroupBox()
        QVBoxLayout(self._registered_box).addWidget(self.registered)
        sides = QGridLayout()
        sides.addWidget(self._sought_box, 0, 0)
        sides.addWidget(self._registered_box, 0, 1)
        sides.addWidget(self.fields, 1, 0, 1, 2)
        self.confirm_button = push_button()
        self.reject_button = push_button()
        self.next_button = push_button()
        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next_entry)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.next_button, self.reject_button, self.confirm_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys act on the review itself
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.position)
        layout.addLayout(sides)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._sought_box.setTitle(self.tr("The list seeks"))
        self._registered_box.setTitle(self.tr("We registered"))
        self.confirm_button.setText(self.tr("The same person (Y)"))
        self.reject_button.setText(self.tr("Not this person (N)"))
        self.next_button.setText(self.tr("Next (Space)"))
        self._render()

    def show_review(self, data: ToReview) -> None:
        self._data = data
        self._entry = 0
        self._candidate = 0
        self._render()
        self.setFocus()

    def clear(self) -> None:
        self._data = None
        self._render()

    def current(self) -> tuple[EntryMatch, str] | None:
        """The entry and the candidate shown, if any."""
        if self._data is None or self._entry >= len(self._data.matches):
            return None
        match = self._data.matches[self._entry]
        return match, match.candidates[self._candidate].person_id

    def _render(self) -> None:
        shown = self.current()
        for button in (self.confirm_button, self.reject_button, self.next_button):
            button.setEnabled(shown is not None)
        if self._data is None or shown is None:
            self.position.setText(self.tr("Nothing to review.") if self._data else "")
            for label in (self.sought, self.registered, self.fields):
                label.clear()
            return
        match, person_id = shown
        candidate = match.candidates[self._candidate]
        self.position.setText(
            self.tr("Entry {entry} of {entries}, candidate {candidate} of {candidates}").format(
                entry=self._entry + 1,
                entries=len(self._data.matches),
                candidate=self._candidate + 1,
                candidates=len(match.candidates),
            )
        )
        self.sought.setText(sought_text(match))
        strength = self.tr("likely") if candidate.label == "likely" else self.tr("possible")
        self.registered.setText(
            f"{self._data.names.get(person_id, person_id)}\n{person_id} · {strength}"
        )
        self.fields.setText("\n".join(field_lines(candidate.comparison.fields)))

    # --- decisions ----------------------------------------------------------------------------

    def confirm(self) -> None:
        shown = self.current()
        if shown is None or self._data is None:
            return
        match, person_id = shown
        self.decided.emit(self._data.list_id, match.entry_no, person_id, "confirmed")
        self.next_entry()

    def reject(self) -> None:
        shown = self.current()
        if shown is None or self._data is None:
            return
        match, person_id = shown
        self.decided.emit(self._data.list_id, match.entry_no, person_id, "rejected")
        if self._candidate + 1 < len(match.candidates):
            self._candidate += 1
            self._render()
        else:
            self.next_entry()

    def next_entry(self) -> None:
        if self._data is None:
            return
        self._entry = min(self._entry + 1, len(self._data.matches))
        self._candidate = 0
        self._render()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        # The key itself, whatever the layout: Н on a Ukrainian or Russian one is the Y key.
        letter = CYRILLIC_TO_US.get(event.text().lower(), event.text().lower())
        if key in CONFIRM_KEYS or letter == "y" or (control and key in ENTER_KEYS):
            self.confirm()
        elif key in REJECT_KEYS or letter == "n":
            self.reject()
        elif key in NEXT_KEYS:
            self.next_entry()
        elif key == Qt.Key.Key_Escape:
            self.finished.emit()
        else:
            super().keyPressEvent(event)
