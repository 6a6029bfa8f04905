"""The coordinator's duplicate review (a tab of the coordinator page): people who are likely one
person registered twice, with why they match, and the marks already made.

Looking runs on the worker with progress and Cancel, among the people the last import brought or
among everyone. A pair is marked with Alt+M (the later registration becomes a duplicate of the
earlier one), set aside for now with Alt+A, and a mark is undone with Alt+U; Enter opens the
selected person. Names are read on the worker with the pairs and cleared on lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.services import duplicates
from fieldreg.services.session import Session
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.duplicates_panel import SHOWN_REASONS, hit_title
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.import_results import plain_table
from fieldreg.ui.pair_fields import field_lines
from fieldreg.ui.task_progress import TaskProgress
from fieldreg.ui.translations import Retranslates

_PAIR = Qt.ItemDataRole.UserRole + 1  # (person id, the id they are the same as)


@dataclass(frozen=True, slots=True)
class Review:
    candidates: list[duplicates.Candidate]
    marks: list[duplicates.Mark]
    names: dict[str, str] = field(default_factory=dict)  # id -> "name · year", for display
    looked: bool = False  # whether `candidates` is the answer of a look (or not looked yet)


def review(
    session: Session,
    candidates: list[duplicates.Candidate] | None,
    marks: list[duplicates.Mark] | None = None,
) -> Review:
    """Runs on the worker: the marks (`marks` if read already), and the names of everyone
    shown, written as the registration desk's duplicate panel writes them."""
    if marks is None:
        marks = duplicates.marked_duplicates(session)
    shown = candidates or []
    people = {c.person_id for c in shown} | {c.other_id for c in shown}
    people |= {m.person_id for m in marks} | {m.duplicate_of for m in marks}
    names = {p: hit_title(dict(session.people.summary(p) or {}), p) for p in people}
    return Review(shown, marks, names, looked=candidates is not None)


class DuplicateReview(Retranslates, QWidget):
    look_requested = Signal(bool)  # True: among the people the last import brought
    mark_requested = Signal(str, str)  # the later registration, the one to keep
    unmark_requested = Signal(str, str)
    open_person = Signal(str)
    counted = Signal()  # the number of pairs shown changed (the page's tab says it)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates")
        self._review = Review([], [])
        self._set_aside: set[tuple[str, str]] = set()
        self._imported = 0  # people the last import brought
        self.look_all = push_button()
        self.look_all.clicked.connect(lambda: self.look_requested.emit(False))
        self.look_imported = push_button()
        self.look_imported.clicked.connect(lambda: self.look_requested.emit(True))
        self.progress = TaskProgress(context)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.candidates = plain_table(4)
        self.candidates.itemActivated.connect(self._open_item)
        self.mark_button = push_button()
        self.mark_button.clicked.connect(self.mark_selected)
        self.aside_button = push_button()
        self.aside_button.clicked.connect(self.set_aside_selected)
        self.marks_title = QLabel()
        self.marks = plain_table(2)
        self.marks.itemActivated.connect(self._open_item)
        self.unmark_button = push_button()
        self.unmark_button.clicked.connect(self.unmark_selected)
        looking = QHBoxLayout()
        looking.addWidget(self.look_imported)
        looking.addWidget(self.look_all)
        looking.addWidget(self.progress, 1)
        looking.addStretch(0)
        pair_buttons = QHBoxLayout()
        pair_buttons.addWidget(self.mark_button)
        pair_buttons.addWidget(self.aside_button)
        pair_buttons.addStretch(1)
        mark_buttons = QHBoxLayout()
        mark_buttons.addWidget(self.unmark_button)
        mark_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(looking)
        layout.addWidget(self.status)
        layout.addWidget(self.candidates, 2)
        layout.addLayout(pair_buttons)
        layout.addWidget(self.marks_title)
        layout.addWidget(self.marks, 1)
        layout.addLayout(mark_buttons)
        self.retranslateUi()

    # --- what is shown ------------------------------------------------------------------------

    def show_review(self, shown: Review) -> None:
        if not shown.looked and self._review.looked:
            # Marks read again (after a mark or an import): keep the pairs being reviewed.
            marked = {frozenset((m.person_id, m.duplicate_of)) for m in shown.marks}
            kept = [
                c
                for c in self._review.candidates
                if frozenset((c.person_id, c.other_id)) not in marked
            ]
            shown = Review(kept, shown.marks, {**self._review.names, **shown.names}, True)
        self._review = shown
        self._render()

    def begin_looking(self) -> tuple[Progress, CancelFlag]:
        """Clear the pairs shown and start the progress bar; the callables for the service."""
        self._review = Review([], self._review.marks, self._review.names)
        self._set_aside.clear()
        callables = self.progress.begin()
        self._render()
        self.progress.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return callables

    def end_looking(self, found: Review | None) -> None:
        """Show what the look found (None: it was cancelled or failed)."""
        self.progress.end()
        self.show_review(found if found is not None else Review([], self._review.marks))
        if found is not None:
            self.candidates.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_imported(self, count: int) -> None:
        self._imported = count
        self.retranslateUi()

    @property
    def candidate_count(self) -> int:
        return len(self._visible())

    def clear_personal_data(self) -> None:
        self.progress.cancel()
        self._review = Review([], [])
        self._set_aside.clear()
        self._imported = 0
        self.retranslateUi()

    def _visible(self) -> list[duplicates.Candidate]:
        return [
            c for c in self._review.candidates if (c.person_id, c.other_id) not in self._set_aside
        ]

    def _render(self) -> None:
        names = self._review.names
        self.candidates.clear()
        groups: dict[tuple[str, str], QTreeWidgetItem] = {}
        for candidate in self._visible():
            lines = field_lines(candidate.fields)
            reasons = " · ".join(lines) or ", ".join(
                labels.label(labels.REASON, r) for r in candidate.reasons if r in SHOWN_REASONS
            )
            item = QTreeWidgetItem(
                [
                    names.get(candidate.person_id, candidate.person_id),
                    names.get(candidate.other_id, candidate.other_id),
                    f"{candidate.score:.0f}",
                    reasons,
                ]
            )
            item.setData(0, _PAIR, (candidate.person_id, candidate.other_id))
            if lines:
                item.setToolTip(3, "\n".join(lines))
            if candidate.households is None:
                self.candidates.addTopLevelItem(item)
                continue
            # One family registered at two points: one suggestion, its members inside it.
            group = groups.get(candidate.households)
            if group is None:
                group = QTreeWidgetItem([*candidate.households, f"{candidate.score:.0f}", ""])
                groups[candidate.households] = group
                self.candidates.addTopLevelItem(group)
            group.addChild(item)
            group.setText(
                3,
                self.tr("one family registered twice: {count} people").format(
                    count=group.childCount()
                ),
            )
        self.marks.clear()
        for mark in self._review.marks:
            item = QTreeWidgetItem(
                [
                    names.get(mark.person_id, mark.person_id),
                    names.get(mark.duplicate_of, mark.duplicate_of),
                ]
            )
            item.setData(0, _PAIR, (mark.person_id, mark.duplicate_of))
            self.marks.addTopLevelItem(item)
        for group in groups.values():
            group.setExpanded(True)
        for table in (self.candidates, self.marks):
            first = table.topLevelItem(0)
            if first is not None and first.childCount():
                first = first.child(0)  # a family's first pair: what Mark acts on
            if first is not None:
                table.setCurrentItem(first)
        self._render_texts()
        self.counted.emit()

    # --- actions ------------------------------------------------------------------------------

    def _selected(self, table: QTreeWidget) -> tuple[str, str] | None:
        item = table.currentItem()
        pair = item.data(0, _PAIR) if item is not None else None
        return (str(pair[0]), str(pair[1])) if pair else None

    def mark_selected(self) -> None:
        pair = self._selected(self.candidates)
        if pair is not None:
            self.mark_requested.emit(*pair)

    def set_aside_selected(self) -> None:
        pair = self._selected(self.candidates)
        if pair is not None:
            self._set_aside.add(pair)
            self._render()
            self.candidates.setFocus(Qt.FocusReason.OtherFocusReason)

    def unmark_selected(self) -> None:
        pair = self._selected(self.marks)
        if pair is not None:
            self.unmark_requested.emit(*pair)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        pair = item.data(0, _PAIR)
        if pair:
            self.open_person.emit(str(pair[0]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.progress.escape_cancels(event):
            super().keyPressEvent(event)

    # --- texts --------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self.look_all.setText(self.tr("Look among &everyone"))
        self.look_imported.setText(
            self.tr("Look among the people just &imported ({count})").format(count=self._imported)
        )
        self.look_imported.setEnabled(self._imported > 0)
        self.mark_button.setText(self.tr("&Mark as the same person"))
        self.aside_button.setText(self.tr("Set &aside for now"))
        self.unmark_button.setText(self.tr("&Undo the mark"))
        self.marks_title.setText(self.tr("Marked as the same person"))
        self.candidates.setHeaderLabels(
            [
                self.tr("Registered later"),
                self.tr("Registered first"),
                self.tr("Score"),
                self.tr("Why"),
            ]
        )
        self.candidates.setAccessibleName(self.tr("Likely the same person"))
        self.marks.setHeaderLabels([self.tr("Marked"), self.tr("Same person as")])
        self.marks.setAccessibleName(self.tr("Marked as the same person"))
        self._render()

    def _render_texts(self) -> None:
        count = self.candidate_count
        if self.progress.running:
            text = self.tr("Looking for people registered twice…")
        elif not self._review.looked:
            text = self.tr(
                "Look for people who may have been registered twice: the same names in any "
                "alphabet or spelling, and the same date of birth. Marking keeps both records "
                "and can be undone."
            )
        elif count:
            text = self.tr("Pairs that may be one person registered twice: {count}.").format(
                count=count
            )
        else:
            text = self.tr("No likely duplicates found.")
        self.status.setText(text)
        self.mark_button.setEnabled(count > 0)
        self.aside_button.setEnabled(count > 0)
        self.unmark_button.setEnabled(bool(self._review.marks))
