"""Side panel that shows, while a person is being typed, who may already be registered.

The search runs on the worker 200 ms after the last keystroke (a superseded search's answer is
dropped), so typing never waits for it. Ctrl+1..5 (or Alt+D, then Enter) picks a candidate.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldreg.core.errors import FieldregError
from fieldreg.services.session import Session
from fieldreg.services.views import PersonHit, SearchResult
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.form_fields import focus_for_keyboard
from fieldreg.ui.translations import Retranslates

MAX_SHOWN: Final = 5
MIN_SCORE: Final = 70.0  # below this a hit is a different person more often than not
# Saving asks first at or above this. The search gives 100 for the names as recorded with no date
# against them, 97 per name in another spelling of the same key, -4 per recorded name left out,
# -4 for another day of the same year, -6 for a year apart; one wrong letter costs 4 to 6. So 95
# asks for the same names (in either script, the patronymic perhaps left out) and year, and not
# for a year apart (94) or a sister with a similar name (about 90): the side panel shows those.
ALREADY_REGISTERED_SCORE: Final = 95.0
DEBOUNCE_MS: Final = 200
IdRole: Final = Qt.ItemDataRole.UserRole + 1
# Why they match; "partial" and "prefix" only say the volunteer is still typing.
SHOWN_REASONS: Final = frozenset(labels.REASON) - {"name.partial", "name.prefix"}


def duplicate_query(family: str, given: str, patronymic: str, dob: str | None) -> str:
    """The search text for people like this one; "" when there is too little to look for."""
    if dob is not None and dob.startswith("~"):
        dob = None  # a guessed age is often years off, and the search drops those: names only
    if len(family) + len(given) < 2:
        return ""
    return " ".join(part for part in (family, given, patronymic, dob or "") if part)


def already_registered(session: Session, query: str) -> PersonHit | None:
    """Runs on the worker: the best match when it is almost surely the same person."""
    if not query:
        return None
    hits = session.search(query, limit=1).hits
    if hits and hits[0].score >= ALREADY_REGISTERED_SCORE:
        return hits[0]
    return None


def hit_title(fields: dict[str, object], person_id: str) -> str:
    names = [fields.get(name) for name in ("family_name", "given_name", "patronymic")]
    parts = [" ".join(str(n) for n in names if n)]
    dob = fields.get("dob")
    if isinstance(dob, str):
        parts.append(labels.dob_text(dob))
    parts.append(person_id)
    return " · ".join(parts)


class DuplicatesPanel(Retranslates, QWidget):
    chosen = Signal(str)  # the id of the candidate the volunteer picked

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, adds: bool = False
    ) -> None:
        """`adds`: picking a candidate adds them (to a household) rather than opening them."""
        super().__init__(parent)
        self._context = context
        self._adds = adds
        self._query = ""
        self._job = 0
        self._searching = False
        self._interrupted = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._list = QListWidget()
        self._list.setWordWrap(True)
        self._list.setAlternatingRowColors(True)
        self._list.itemActivated.connect(self._on_activated)
        self._list.installEventFilter(self)
        self._title.setBuddy(self._list)
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addWidget(self._list, 10)
        layout.addWidget(self._empty)
        layout.addStretch(1)  # keeps the labels together at the top while the list is hidden
        self._hits: list[PersonHit] = []
        self.retranslateUi()
        self._show_hits([])

    def install_shortcuts(self, page: QWidget) -> None:
        """Ctrl+1..5 pick a candidate and Alt+D focuses the list, anywhere on `page`."""
        for number in range(1, MAX_SHOWN + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.choose(n - 1))
        focus = QShortcut(QKeySequence("Alt+D"), page)
        focus.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus.activated.connect(self.focus_list)

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Already registered?"))
        if self._adds:
            self._hint.setText(self.tr("Ctrl+1 to 5, or Alt+D then Enter: add this person."))
        else:
            self._hint.setText(self.tr("Ctrl+1 to 5, or Alt+D then Enter: open instead of saving."))
        self._empty.setText(self.tr("No similar person found."))
        self._list.setAccessibleName(self.tr("Possible duplicates"))
        self._show_hits(self._hits)

    # --- searching ----------------------------------------------------------------------------

    def set_query(self, family: str, given: str, patronymic: str, dob: str | None) -> None:
        """Look for people like this one once typing pauses."""
        query = duplicate_query(family, given, patronymic, dob)
        if query == self._query:
            return
        self._query = query
        if not query:
            self._cancel()
            self._show_hits([])
            return
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden (another page, a locked or closing window): no search runs for nobody to see.
        if self.pending():
            self._cancel()
            self._interrupted = True
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._interrupted and self._query:
            self._timer.start()
        self._interrupted = False

    def pending(self) -> bool:
        """Whether an answer is still to come (tests wait for this to turn False)."""
        return self._timer.isActive() or self._searching

    def _search(self) -> None:
        self._cancel()
        query = self._query
        self._searching = True
        self._job = self._context.run(
            lambda s: s.search(query, limit=MAX_SHOWN * 2), self._on_result, self._on_error
        )

    def _cancel(self) -> None:
        self._timer.stop()
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self._searching = False

    def _on_result(self, result: SearchResult) -> None:
        self._job = 0
        self._searching = False
        hits = [hit for hit in result.hits if hit.score >= MIN_SCORE]
        self._show_hits(hits[:MAX_SHOWN])

    def _on_error(self, error: BaseException) -> None:
        self._job = 0
        self._searching = False
        if not isinstance(error, FieldregError):
            raise error
        self._show_hits([])  # a side panel stays quiet: saving will report a locked store

    # --- showing and picking ------------------------------------------------------------------

    def _show_hits(self, hits: list[PersonHit]) -> None:
        self._hits = hits
        self._list.clear()
        for number, hit in enumerate(hits, start=1):
            reasons = [labels.label(labels.REASON, r) for r in hit.reasons if r in SHOWN_REASONS]
            title = hit_title(dict(hit.fields), hit.person_id)
            detail = self.tr("%1% match: %2").replace("%1", f"{hit.score:.0f}")
            detail = detail.replace("%2", ", ".join(reasons))
            item = QListWidgetItem(f"Ctrl+{number}  {title}\n{detail}")
            item.setData(IdRole, hit.person_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {detail}")
            self._list.addItem(item)
        self._list.setVisible(bool(hits))
        self._empty.setVisible(not hits and bool(self._query))

    def candidate_ids(self) -> list[str]:
        return [hit.person_id for hit in self._hits]

    def list_widget(self) -> QListWidget:
        return self._list

    def hits(self) -> list[PersonHit]:
        return list(self._hits)

    def choose(self, position: int) -> None:
        if 0 <= position < len(self._hits):
            self.chosen.emit(self._hits[position].person_id)

    def focus_list(self) -> None:
        if self._hits:
            focus_for_keyboard(self._list)
            if self._list.currentRow() < 0:
                self._list.setCurrentRow(0)

    def _on_activated(self, item: QListWidgetItem) -> None:
        person_id = item.data(IdRole)
        if isinstance(person_id, str):
            self.chosen.emit(person_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a candidate opens it and must not also reach the page, where it would save.
        if watched is self._list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self._list.currentItem()
                if item is not None:
                    self._on_activated(item)
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Forget the query and every candidate (after a save, and when the store locks)."""
        self._cancel()
        self._interrupted = False
        self._query = ""
        self._show_hits([])
