"""Transports at the desk: the list of buses, convoys and trains; planning and editing one; its
passengers with their seats (assigned by ID, a band scan, a whole household at once, or picked
from a search by name; taken off again); the manifest exported as PDF or CSV in English,
Ukrainian or Russian, after the notice that it holds personal data.
Every store call runs on the worker.

Assigning from a search: the volunteer types a name, or part of one, in either script, into the
find field; the Search page's search (`Session.search`) runs on the worker a moment after the
last keystroke and lists name, year of birth, household, status and ID, people already on the
chosen transport marked. Up and Down move the highlight without leaving the field; Enter puts
the highlighted person on the transport (with the seat typed, if any), Shift+Enter their whole
household; the results stay, so the next person is a Down and an Enter away."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.dates import day_first
from fieldreg.core.errors import FieldregError
from fieldreg.core.messages import QT_TRANSLATE_NOOP
from fieldreg.services.manifest_files import ManifestFormat, build_manifest_file, write_manifest
from fieldreg.services.session import Session
from fieldreg.services.transports import TransportView
from fieldreg.services.views import PersonHit
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.export_dialog import AskPath, ask_save_path
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.translations import Retranslates
from fieldreg.ui.transport_dialog import TransportDialog

LANGUAGES = ("en", "uk", "ru")
FIND_DEBOUNCE_MS: Final = 150
FIND_LIMIT: Final = 30
FOUND_MARK, FOUND_NAME, FOUND_YEAR, FOUND_HOUSEHOLD, FOUND_STATUS, FOUND_ID = range(6)
_MOVE_KEYS: Final = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}
_ENTER_KEYS: Final = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def _text(fields: Mapping[str, object], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def hit_year(hit: PersonHit) -> str:
    """The year of birth as recorded ("~1950" for an estimate), or nothing."""
    dob = _text(hit.fields, "dob")
    estimate = "~" if dob.startswith("~") else ""
    year = dob.lstrip("~")[:4]
    return estimate + year if year.isdigit() else ""


# A passenger who boarded, in the word that agrees with their recorded sex (labels.agreeing).
BOARDED: Final = QT_TRANSLATE_NOOP("TransportPage", "boarded")
_BOARDED_FORMS: Final = (
    QT_TRANSLATE_NOOP("TransportPage", "boarded", "female"),
    QT_TRANSLATE_NOOP("TransportPage", "boarded", "male"),
)


class TransportPage(Retranslates, Page, QWidget):
    def __init__(
        self, context: UiContext, parent: QWidget | None = None, ask_path: AskPath = ask_save_path
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transportPage")
        self._context = context
        self._ask_path = ask_path
        self.views: list[TransportView] = []
        self._names: dict[str, str] = {}
        self._sexes: dict[str, object] = {}  # each passenger's, for the words about them
        self.dialog: TransportDialog | None = None
        self.last_written: Path | None = None
        self._title = QLabel()
        page_title(self._title)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("transportTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda *_: self._transport_changed())
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.current()))
        self.passengers = QTableWidget(0, 5)
        self.passengers.setObjectName("passengerTable")
        self.passengers.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.passengers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.passengers.setWordWrap(False)
        seated = self.passengers.horizontalHeader()
        seated.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        seated.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the name
        self.assign_input = QLineEdit()
        self.assign_input.setObjectName("assignInput")
        self.assign_input.returnPressed.connect(self.assign)
        self.seat_input = QLineEdit()
        self.seat_input.setObjectName("seatInput")
        self.seat_input.setMaximumWidth(80)
        self.seat_input.returnPressed.connect(self.assign)
        self.assign_button = QPushButton()
        self.assign_button.clicked.connect(self.assign)
        self.household_button = QPushButton()
        self.household_button.clicked.connect(self.assign_household)
        self.unassign_button = QPushButton()
        self.unassign_button.clicked.connect(self.unassign)
        self.find_input = QLineEdit()
        self.find_input.setObjectName("transportFind")
        self.find_input.setMaxLength(200)
        self.find_input.textChanged.connect(self._find_changed)
        self.find_input.installEventFilter(self)
        self.found = QTableWidget(0, 6)
        self.found.setObjectName("transportFound")
        self.found.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.found.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.found.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.found.verticalHeader().setVisible(False)
        self.found.setWordWrap(False)
        header = self.found.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FOUND_NAME, QHeaderView.ResizeMode.Stretch)
        self.found.installEventFilter(self)
        self.hits: list[PersonHit] = []
        self._found_for: str | None = None  # the text whose results are shown
        self._find_job = 0
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DEBOUNCE_MS)
        self._find_timer.timeout.connect(self._search)
        self._find_label = QLabel()
        self._find_label.setBuddy(self.find_input)
        self._find_hint = QLabel()
        self._find_hint.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("manifestLanguage")
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.export(ManifestFormat.PDF))
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(lambda: self.export(ManifestFormat.CSV))
        self.message = QLabel()
        self.message.setObjectName("transportMessage")
        self.message.setWordWrap(True)
        self._assign_label, self._seat_label, self._language_label = QLabel(), QLabel(), QLabel()
        self._assign_label.setBuddy(self.assign_input)
        self._seat_label.setBuddy(self.seat_input)
        self._language_label.setBuddy(self.language)

        top = QHBoxLayout()
        top.addWidget(self.plan_button)
        top.addWidget(self.edit_button)
        top.addStretch(1)
        assign = QHBoxLayout()
        for widget in (
            self._assign_label,
            self.assign_input,
            self._seat_label,
            self.seat_input,
            self.assign_button,
            self.household_button,
            self.unassign_button,
        ):
            assign.addWidget(widget)
        find = QHBoxLayout()
        find.addWidget(self._find_label)
        find.addWidget(self.find_input, 1)
        find.addWidget(self._find_hint, 2)
        manifest = QHBoxLayout()
        for part in (self._language_label, self.language, self.pdf_button, self.csv_button):
            manifest.addWidget(part)
        manifest.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(assign)
        layout.addLayout(find)
        layout.addWidget(self.found, 2)
        layout.addWidget(self.passengers, 3)
        layout.addLayout(manifest)
        layout.addWidget(self.message)
        context.locked.connect(self.clear_personal_data)
        context.people_changed.connect(lambda _ids: self.refresh() if self.isVisible() else None)
        self.retranslateUi()

    # --- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        def call(session: Session) -> tuple[list[TransportView], dict[str, str], dict[str, object]]:
            views = session.transports().all()
            names: dict[str, str] = {}
            sexes: dict[str, object] = {}
            for view in views:
                for passenger in view.passengers:
                    summary = session.people.summary(passenger.person_id) or {}
                    names[passenger.person_id] = " ".join(
                        str(summary[k])
                        for k in ("family_name", "given_name", "patronymic")
                        if summary.get(k)
                    )
                    sexes[passenger.person_id] = summary.get("sex")
            return views, names, sexes

        self._context.run(call, lambda done: self._listed(*done), self._failed)

    def _listed(
        self, views: list[TransportView], names: dict[str, str], sexes: dict[str, object]
    ) -> None:
        chosen = self.current()
        self.views = views
        self._names, self._sexes = names, sexes
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            kind = view.fields.get("kind")
            cells = (
                view.name,
                labels.label(labels.TRANSPORT_KIND, kind) if isinstance(kind, str) else "",
                day_first(str(view.fields.get("departure") or "")),
                f"{sum(1 for p in view.passengers if p.boarded)} / {len(view.passengers)}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, view.transport_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        ids = [v.transport_id for v in views]
        target = ids.index(chosen) if chosen in ids else 0
        if views:
            self.table.setCurrentCell(target, 0)
        self._render_passengers()
        self._render_found()

    def current(self) -> str | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.views):
            return self.views[row].transport_id
        return None

    def _current_view(self) -> TransportView | None:
        chosen = self.current()
        return next((v for v in self.views if v.transport_id == chosen), None)

    def _render_passengers(self) -> None:
        view = self._current_view()
        passengers = view.passengers if view is not None else ()
        self.passengers.setRowCount(len(passengers))
        for row, passenger in enumerate(passengers):
            helps = ", ".join(
                labels.label(labels.ASSISTANCE_LABELS, a) for a in passenger.assistance
            )
            cells = (
                passenger.seat or "",
                passenger.person_id,
                self._names.get(passenger.person_id, ""),
                helps,
                labels.agreeing("TransportPage", BOARDED, self._sexes.get(passenger.person_id))
                if passenger.boarded
                else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, passenger.person_id)
                self.passengers.setItem(row, column, item)

    def _transport_changed(self) -> None:
        self._render_passengers()
        self._render_found()

    # --- finding people by name -----------------------------------------------------------------

    def _find_changed(self, text: str) -> None:
        self._cancel_find()
        if not text.strip():
            self._find_timer.stop()
            self._show_found("", [])
            return
        self._find_timer.start()

    def _search(self) -> None:
        self._cancel_find()
        text = self.find_input.text().strip()
        if not text:
            return
        self._find_job = self._context.run(
            lambda session: session.search(text, limit=FIND_LIMIT).hits,
            lambda hits: self._show_found(text, hits),
            self._find_failed,
        )

    def _cancel_find(self) -> None:
        if self._find_job:
            self._context.worker.cancel(self._find_job)
            self._find_job = 0

    def _find_failed(self, error: BaseException) -> None:
        self._find_job = 0
        self._failed(error)

    def _show_found(self, text: str, hits: list[PersonHit]) -> None:
        self._find_job = 0
        if text != self.find_input.text().strip():
            return  # typed on meanwhile: the next search answers
        self.hits = list(hits)
        self._found_for = text or None
        self._render_found()
        if self.hits:
            self.found.setCurrentCell(0, FOUND_NAME)

    def highlighted(self) -> PersonHit | None:
        row = self.found.currentRow()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def on_transport(self, person_id: str) -> bool:
        view = self._current_view()
        return view is not None and view.passenger(person_id) is not None

    def _render_found(self) -> None:
        row_now = self.found.currentRow()
        self.found.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            fields = hit.fields
            here = self.on_transport(hit.person_id)
            status = _text(fields, "status")
            cells = (
                self.tr("on this transport") if here else "",
                " ".join(
                    n
                    for k in ("family_name", "given_name", "patronymic")
                    if (n := _text(fields, k))
                ),
                hit_year(hit),
                _text(fields, "household_id"),
                labels.status_label(status, fields.get("sex")) if status else "",
                hit.person_id,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, hit.person_id)
                if here:
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                self.found.setItem(row, column, item)
        if 0 <= row_now < len(self.hits):
            self.found.setCurrentCell(row_now, FOUND_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched in (self.find_input, self.found)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = Qt.Key(event.key())
            if key in _MOVE_KEYS and watched is self.find_input and self.hits:
                row = self.found.currentRow() + _MOVE_KEYS[key]
                self.found.setCurrentCell(max(0, min(row, len(self.hits) - 1)), FOUND_NAME)
                return True
            if key in _ENTER_KEYS:
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.assign_found(household=shift)
                return True
        return super().eventFilter(watched, event)

    def assign_found(self, *, household: bool = False) -> None:
        """Enter in the find field: the highlighted person on the chosen transport (or, with
        `household`, every member of their household). A search still on its way is run at
        once first: Enter never assigns a result of an older text."""
        transport = self.current()
        text = self.find_input.text().strip()
        if transport is None or not text:
            return
        if self._found_for != text or self._find_timer.isActive() or self._find_job:
            self._find_timer.stop()
            self._search()
            return
        hit = self.highlighted()
        if hit is None:
            self.message.setText(self.tr("No one found: nobody assigned."))
            return
        cell = self.found.item(self.found.currentRow(), FOUND_NAME)
        name = cell.text() if cell is not None else hit.person_id
        if household:
            members = _text(hit.fields, "household_id")
            if not members:
                self.message.setText(self.tr("{name} has no household recorded.").format(name=name))
                return
            self._run(
                lambda s: s.transports().assign_household(transport, members),
                lambda r: self.tr("Assigned: %n", None, len(r)),  # type: ignore[arg-type]
            )
            return
        seat = self.seat_input.text().strip() or None
        if seat is None and self.on_transport(hit.person_id):
            self.message.setText(self.tr("{name} is already on this transport.").format(name=name))
            return
        person = hit.person_id
        self.seat_input.clear()
        self._run(
            lambda s: s.transports().assign(transport, [person], {person: seat} if seat else None),
            lambda r: self.tr("Assigned: %n", None, len(r)),  # type: ignore[arg-type]
        )

    # --- writing --------------------------------------------------------------------------------

    def open_dialog(self, transport_id: str | None) -> TransportDialog:
        view = next((v for v in self.views if v.transport_id == transport_id), None)
        dialog = TransportDialog(
            self._context, transport_id, view.fields if view is not None else None, self
        )
        dialog.accepted.connect(lambda: self._context.people_changed.emit([]))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _run(self, call: Callable[[Session], object], said: Callable[[object], str]) -> None:
        def done(result: object) -> None:
            self.message.setText(said(result))
            # Saved: the status bar and the dashboard count it, and this page (listening, see
            # __init__) reads the transports again.
            self._context.people_changed.emit(list(result) if isinstance(result, list) else [])

        self._context.run(call, done, self._said_error)

    def assign(self) -> None:
        transport = self.current()
        text = self.assign_input.text().strip()
        if transport is None or not text:
            return
        seat = self.seat_input.text().strip() or None
        people = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]

        def call(session: Session) -> list[str]:
            from fieldreg.services.band_codes import read_code  # a scanned band or a typed ID

            found = [read_code(p).person_id for p in people]
            seats = {found[0]: seat} if seat and len(found) == 1 else None
            return session.transports().assign(transport, found, seats)

        self.assign_input.clear()
        self.seat_input.clear()
        self._run(call, lambda r: self.tr("Assigned: %n", None, len(r)))  # type: ignore[arg-type]
        self.assign_input.setFocus()

    def assign_household(self) -> None:
        transport = self.current()
        household = self.assign_input.text().strip()
        if transport is None or not household:
            return
        self.assign_input.clear()
        self._run(
            lambda s: s.transports().assign_household(transport, household),
            lambda r: self.tr("Assigned: %n", None, len(r)),  # type: ignore[arg-type]
        )

    def unassign(self) -> None:
        transport = self.current()
        rows = sorted({index.row() for index in self.passengers.selectedIndexes()})
        view = self._current_view()
        if transport is None or view is None or not rows:
            return
        people = [view.passengers[r].person_id for r in rows if r < len(view.passengers)]
        self._run(
            lambda s: s.transports().unassign(transport, people),
            lambda r: self.tr("Taken off: %n", None, len(r)),  # type: ignore[arg-type]
        )

    def export(self, form: ManifestFormat) -> None:
        """Say that the manifest holds personal data, ask where, then build and write it."""
        transport = self.current()
        view = self._current_view()
        if transport is None or view is None:
            return
        language = str(self.language.currentData())
        answer = QMessageBox.question(
            self,
            self.tr("Personal data"),
            self.tr(
                "The manifest holds personal data of %n people. Hand it only to the parties it "
                "names and delete copies that have served. Write it?",
                None,
                len(view.passengers),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        suffix = ".pdf" if form is ManifestFormat.PDF else ".csv"
        path = self._ask_path(self, f"manifest-{transport}-{language}{suffix}")
        if not path:
            return
        target = Path(path)

        def call(session: Session) -> int:
            built = build_manifest_file(session, transport, form, language=language)  # type: ignore[arg-type]
            write_manifest(target, built.content)
            return built.people

        def done(people: object) -> None:
            self.last_written = target
            self.message.setText(self.tr("Manifest written: {path}").format(path=str(target)))

        self._context.run(call, done, self._said_error)

    def _said_error(self, error: BaseException) -> None:
        if not isinstance(error, FieldregError):
            raise error
        self.message.setText(self._context.describe(error))

    def _failed(self, error: BaseException) -> None:
        show_store_error(self, self._context, error)

    # --- page -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._context.session is not None:
            self.refresh()

    def clear_personal_data(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.views = []
        self._names, self._sexes = {}, {}
        self.table.setRowCount(0)
        self.passengers.setRowCount(0)
        self.assign_input.clear()
        self.seat_input.clear()
        self.message.clear()
        self._find_timer.stop()
        self._cancel_find()
        self.find_input.clear()
        self.hits = []
        self._found_for = None
        self.found.setRowCount(0)

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Transports"))
        self.plan_button.setText(self.tr("&Plan a transport…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Transport"), self.tr("Kind"), self.tr("Departure"), self.tr("Boarded")]
        )
        self.passengers.setHorizontalHeaderLabels(
            [
                self.tr("Seat"),
                self.tr("ID"),
                self.tr("Name"),
                self.tr("Assistance"),
                self.tr("Boarded"),
            ]
        )
        self._assign_label.setText(self.tr("&Add (IDs or band scans):"))
        self._seat_label.setText(self.tr("Sea&t:"))
        self.assign_button.setText(self.tr("&Assign"))
        self.household_button.setText(self.tr("Whole &household"))
        self.unassign_button.setText(self.tr("Take &off"))
        self._language_label.setText(self.tr("Manifest &language:"))
        names = {"en": self.tr("English"), "uk": self.tr("Ukrainian"), "ru": self.tr("Russian")}
        for index, code in enumerate(LANGUAGES):
            self.language.setItemText(index, names[code])
        self.pdf_button.setText(self.tr("Manifest &PDF…"))
        self.csv_button.setText(self.tr("Manifest &CSV…"))
        self._render_passengers()
        self._find_label.setText(self.tr("&Find by name:"))
        self._find_hint.setText(
            self.tr("Enter: assign the highlighted person; Shift+Enter: their whole household")
        )
        self.found.setHorizontalHeaderLabels(
            [
                "",
                self.tr("Name"),
                self.tr("Born"),
                self.tr("Household"),
                self.tr("Status"),
                self.tr("ID"),
            ]
        )
        self._render_found()
