"""Find first: one search field that takes a name (either script, typos), an ID or a band scan.

Search runs on the worker, debounced: every keystroke restarts a short timer and cancels the
job of the text it supersedes, so only the latest text is ever shown. A keyboard-wedge scanner
types its payload and presses Enter: Enter searches at once and opens the person when the text
was a valid ID or band of someone registered (a voided or unknown band is said first, and a
second Enter opens). When the results on screen are those of the text in the field, Enter opens
the selected row instead; Up and Down move the selection without leaving the field. After a
registration, Ctrl+P prints the band(s) of the people just saved, however long the volunteer
takes, until the shell calls `end_saved()` (the next registration starts, or a person is opened).

Find first, then register: when no one matched a name, Ctrl+N (or the button under the empty
result) opens the registration with the names in the order typed and a year or date as the date
of birth (`unmatched_fields`).
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError, IdError
from fieldreg.services import erasure
from fieldreg.services.session import Session
from fieldreg.services.views import SearchResult
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.home_points import learn_home_points
from fieldreg.ui.page import Page
from fieldreg.ui.search_model import COL_ID, COL_LATIN, COL_NAME, COL_WHY, SearchResultsModel
from fieldreg.ui.translations import Retranslates

DEBOUNCE_MS: Final = 150
RESULT_LIMIT: Final = 50
_NAVIGATION_KEYS: Final = frozenset(
    {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
)
ERROR_STYLE: Final = "color: #b00020; font-weight: bold;"
SUCCESS_STYLE: Final = "color: #1b5e20; font-weight: bold;"
NAME_ORDER: Final = ("family_name", "given_name", "patronymic")
_DOB_WORD: Final = re.compile(r"~?\d+(?:[./-]\d+)*")  # 1984, 12.03.1984, 1984-03-12, ~40

# a search's hits, the home points learnt with them, and why an ID found nobody (a code)
Found = tuple[SearchResult, dict[str, str], str | None]


def search_text_fields(text: str) -> dict[str, str]:
    """A searched name as form fields: family, given and patronymic in the order typed (more
    words go to the patronymic), and the first year or date as the date of birth."""
    names: list[str] = []
    dob = ""
    for word in text.replace(",", " ").replace(";", " ").split():
        piece = word.rstrip(".")
        if _DOB_WORD.fullmatch(piece):
            dob = dob or piece
        else:
            names.append(word)
    fields = dict(zip(NAME_ORDER, names[:2], strict=False))
    if len(names) > 2:
        fields["patronymic"] = " ".join(names[2:])
    if dob:
        fields["dob"] = dob
    return fields


class SearchPage(Retranslates, Page, QWidget):
    print_requested = Signal(list)  # person or household IDs whose bands to print
    register_requested = Signal()  # the button under a search that found no one

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self._context = context
        self._job = 0
        self._shown_query: str | None = None  # the text whose results are on screen
        self._notice: str | None = None  # the code of an ID or band error, shown first
        self._count: int | None = None
        self._saved_ids: list[str] = []  # the last registration, until `end_saved()`
        self._saved_household: str | None = None
        self._saved_child_alone = False

        self._title = QLabel()
        title_font = QFont(self._title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(200)
        field_font = QFont(self.field.font())
        field_font.setPointSizeF(field_font.pointSizeF() * 1.3)
        self.field.setFont(field_font)
        self.field.installEventFilter(self)
        self._title.setBuddy(self.field)
        self.notice = QLabel()
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self._count_label = QLabel()
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerFound")
        self.register_button.setAutoDefault(True)
        self.register_button.clicked.connect(self.register_requested)
        self.register_button.hide()
        self.model = SearchResultsModel(self)
        self._homes: dict[str, str] = {}  # ID prefix -> home point, learnt as results come
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_LATIN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)  # the reasons
        self.table.activated.connect(self._open_index)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.field)
        layout.addWidget(self.notice)
        layout.addWidget(self._count_label)
        layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_typed)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._enter)
        print_saved = QShortcut(QKeySequence("Ctrl+P"), self)
        print_saved.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_saved.activated.connect(self._print_saved)
        self.retranslateUi()

    # --- what the shell calls -----------------------------------------------------------------

    def focus_first(self) -> None:
        self.focus_search()

    def focus_search(self, *, clear: bool = False) -> None:
        if clear:
            self.field.clear()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def unmatched_fields(self) -> dict[str, str] | None:
        """The searched name as registration fields, unless the search for exactly this text
        found someone (to open, not to retype) or it is an ID or a scan. A search still on its
        way counts as no one found: Ctrl+N right after typing says "register this one", and
        saving still asks if the person turns out to be registered."""
        text = self.field.text().strip()
        answered = self._shown_query == text and not self._timer.isActive() and not self._job
        if answered and self._count != 0:
            return None
        fields = search_text_fields(text)
        names = [fields[k] for k in NAME_ORDER if k in fields]
        if not names or any(ch.isdigit() for name in names for ch in name):
            return None  # an ID, a band payload or something else than a name
        return fields

    def show_saved(
        self, ids: list[str], household: str | None = None, *, child_alone: bool = False
    ) -> None:
        """The confirmation of a registration: the new ID(s), nothing personal; Ctrl+P prints
        their bands (all of the household's members when a household was saved). With
        `child_alone`, it repeats the form's warning: a minor was registered alone."""
        self._saved_ids, self._saved_household = list(ids), household
        self._saved_child_alone = child_alone
        self._set_notice(None)

    def end_saved(self) -> None:
        """The next registration started, or a person was opened: Ctrl+P no longer means the
        people saved last."""
        self._saved_ids, self._saved_household = [], None
        self._render_notice()

    def saved_printable(self) -> list[str]:
        """What Ctrl+P prints now (the household of the last save, or its people)."""
        if self._saved_household:
            return [self._saved_household]
        return list(self._saved_ids)

    def _print_saved(self) -> None:
        printable = self.saved_printable()
        if printable:
            self.print_requested.emit(printable)

    def export_draft(self) -> dict[str, object] | None:
        """The search text, sealed by the shell across a lock (a name is personal)."""
        text = self.field.text()
        return {"query": text} if text.strip() else None

    def import_draft(self, draft: dict[str, object]) -> None:
        query = draft.get("query")
        if isinstance(query, str):
            self.field.setText(query[: self.field.maxLength()])
            self.focus_search()

    def clear_personal_data(self) -> None:
        self._timer.stop()
        self._cancel_job()
        self.field.clear()
        self.model.clear()
        self._homes = {}
        self._shown_query = None
        self._count = None
        self._saved_ids, self._saved_household = [], None
        self._set_notice(None)
        self._render_count()

    # --- searching --------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        self._cancel_job()
        if self._notice is not None:
            self._set_notice(None)
        if not text.strip():
            self._timer.stop()
            self.model.clear()
            self._shown_query = None
            self._count = None
            self._render_count()
            return
        self._timer.start()

    def _search_typed(self) -> None:
        self._search(self.field.text().strip(), enter=False)

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        current = self.table.currentIndex()
        if not self._timer.isActive() and not self._job and self._shown_query == text:
            if current.isValid():
                self._open_index(current)
            return
        self._timer.stop()
        self._search(text, enter=True)

    def _search(self, text: str, *, enter: bool) -> None:
        self._cancel_job()
        if not text:
            return

        known = dict(self._homes)

        def call(session: Session) -> Found:
            result = session.search(text, limit=RESULT_LIMIT)
            homes = learn_home_points(session, (h.person_id for h in result.hits), known)
            # an ID that finds nobody: erased, or purged here ("record moved to the coordinator")
            gone = None
            if not result.hits and result.exact_id is None:
                gone = erasure.tombstone_notice(session, text)
            return result, homes, gone

        self._job = self._context.run(
            call, lambda answer: self._show(text, answer, enter), self._failed
        )

    def _show(self, text: str, answer: Found, enter: bool) -> None:
        self._job = 0
        result, learnt, gone = answer
        self._homes.update(learnt)
        self._shown_query = text
        warning = result.band_warning
        if result.id_error or gone:
            self.model.clear()
            self._count = None
            self._set_notice(gone or result.id_error)
        else:
            self.model.set_hits(result.hits, self._homes)
            self._count = len(result.hits)
            self._set_notice(warning if isinstance(warning, str) else None)
            if result.hits:
                self.table.setCurrentIndex(self.model.index(0, COL_ID))
        self._render_count()
        # A voided or unknown band is said first; the person opens with a second Enter.
        if enter and result.exact_id and not isinstance(warning, str):
            self._context.open_person.emit(result.exact_id)

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        show_store_error(self, self._context, error)

    def _cancel_job(self) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self._context.open_person.emit(hit.person_id)

    # --- keys -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NAVIGATION_KEYS
            and self.model.rowCount()
        ):
            self._move(Qt.Key(event.key()))
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        rows = self.model.rowCount()
        row = self.table.currentIndex().row()
        page = max(1, self.table.viewport().height() // max(1, self.table.rowHeight(0)) - 1)
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[key]
        target = min(rows - 1, max(0, (row if row >= 0 else -1) + step))
        self.table.setCurrentIndex(self.model.index(target, COL_ID))

    # --- texts ----------------------------------------------------------------------------------

    def _set_notice(self, code: str | None) -> None:
        self._notice = code
        self._render_notice()

    def _render_notice(self) -> None:
        """An ID or band error first; else the confirmation of the last save, if any."""
        code, saved = self._notice, self._saved_ids
        if code is not None:
            self.notice.setStyleSheet(ERROR_STYLE)
            error = IdError(code) if code.startswith("id.") else FieldregError(code)
            self.notice.setText(self._context.describe(error))
        elif saved:
            self.notice.setStyleSheet(WARNING_STYLE if self._saved_child_alone else SUCCESS_STYLE)
            text = (
                self.tr("Saved. New ID: {ids}")
                if len(saved) == 1
                else self.tr("Saved. New IDs: {ids}")
            )
            hint = (
                self.tr("Ctrl+P prints the bands of the whole household.")
                if self._saved_household
                else self.tr("Ctrl+P prints the band.")
            )
            shown = f"{text.format(ids=', '.join(saved))}. {hint}"  # the IDs end a sentence
            if self._saved_child_alone:
                warning = self.tr(
                    "⚠ Under 18, registered alone and not marked unaccompanied or separated: "
                    "check who is with the child."
                )
                shown = f"{shown}\n{warning}"
            self.notice.setText(shown)
        else:
            self.notice.clear()
            self.notice.hide()
            return
        self.notice.setAccessibleName(self.notice.text())
        self.notice.show()

    def _render_count(self) -> None:
        if self._count is None:
            self._count_label.clear()
        elif self._count == 0:
            self._count_label.setText(self.tr("No one found. Check the spelling or register."))
        else:
            self._count_label.setText(self.tr("Found: {count}").format(count=self._count))
        fields = search_text_fields(self._shown_query or "") if self._count == 0 else {}
        name = " ".join(fields[k] for k in NAME_ORDER if k in fields)
        shown = self.tr("Register {name} (Ctrl+N)").format(name=name) if name else ""
        self.register_button.setText(shown)  # emptied too: a hidden button still holds its text
        self.register_button.setVisible(bool(name))

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("&Find a person"))
        self.field.setPlaceholderText(self.tr("Name in any alphabet, ID, or scan a band"))
        self.field.setAccessibleName(self.tr("Find a person"))
        self.field.setAccessibleDescription(
            self.tr("Type a name or an ID, or scan a band. Enter opens the person.")
        )
        self.field.setToolTip(
            self.tr("Type a name or an ID, or scan a band. Enter opens the person.")
        )
        self.table.setAccessibleName(self.tr("People found"))
        self.model.retranslate()
        self._render_notice()
        self._render_count()
