"""The roster: everyone registered here, filtered and sorted in the model (see roster_model),
with the day's counts at a glance. Enter or a double click opens a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Final

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.entities import Need, Relationship, Sex, Status
from fieldreg.core.errors import FieldregError, IdError
from fieldreg.core.ids import parse_id
from fieldreg.services.session import Session
from fieldreg.ui import dates, labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.export_dialog import open_export_dialog
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.home_points import learn_home_points
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.roster_model import (
    ANY_NEED,
    RosterFilter,
    RosterModel,
    RosterSnapshot,
    build_snapshot,
)
from fieldreg.ui.translations import Retranslates

RELOAD_DELAY_MS: Final = 300  # a burst of saves or an import reloads once
ANY, TODAY, LAST_7_DAYS, BETWEEN = range(4)


def take_snapshot(session: Session) -> RosterSnapshot:
    """Runs on the worker: the only place the roster reads the session (with the home points
    of the people a roster brought)."""
    snapshot = build_snapshot(
        session.people.summaries(), session.registered_times(), session.today()
    )
    homes = learn_home_points(session, (row.person_id for row in snapshot.rows), {})
    return replace(snapshot, homes={prefix: home for prefix, home in homes.items() if home})


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class RosterPage(Retranslates, Page, QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._job = 0
        self._stale = True
        self.model = RosterModel(self)
        self._title = QLabel()
        page_title(self._title)
        self._counts = QLabel()
        self._counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(
            lambda: open_export_dialog(self._context, self.model.current_filter(), self)
        )
        self.status = QComboBox()
        self.need = QComboBox()
        self.household = QComboBox()
        self.household_id = QLineEdit()
        self.household_id.setMaxLength(40)
        self.period = QComboBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.DATE_FORMAT)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self._apply_filter)
        self._household_error = ErrorLabel()
        self._captions: dict[str, QLabel] = {}
        # Two rows of filters, so they fit a 1280-pixel screen at 150 % scaling.
        filters = QGridLayout()
        for position, (key, widget) in enumerate(
            (
                ("status", self.status),
                ("need", self.need),
                ("household", self.household),
                ("household_id", self.household_id),
                ("period", self.period),
                ("date_from", self.date_from),
                ("date_to", self.date_to),
            )
        ):
            row, column = (0, position) if position < 4 else (2, position - 4)
            caption = QLabel()
            caption.setBuddy(widget)
            self._captions[key] = caption
            filters.addWidget(caption, row, column)
            filters.addWidget(widget, row + 1, column)
        filters.addWidget(self._household_error, 4, 0, 1, 4)
        filters.addWidget(self.export_button, 3, 4, Qt.AlignmentFlag.AlignRight)
        filters.setColumnStretch(4, 1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(RosterModel.REGISTERED, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._counts)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._fill_choices()
        for combo in (self.status, self.need, self.household, self.period):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.household_id.textChanged.connect(self._apply_filter)
        context.people_changed.connect(self._people_changed)
        context.locked.connect(self.clear_personal_data)
        self.retranslateUi()
        self._apply_filter()

    def _fill_choices(self) -> None:
        self.status.addItem("", None)
        for status in Status:
            self.status.addItem("", status.value)
        self.need.addItem("", None)
        self.need.addItem("", ANY_NEED)
        for need in Need:
            self.need.addItem("", need.value)
        for value in (None, True, False):
            self.household.addItem("", value)
        for period in (ANY, TODAY, LAST_7_DAYS, BETWEEN):
            self.period.addItem("", period)

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Roster"))
        self.export_button.setText(self.tr("E&xport people…"))
        captions = {
            "status": labels.field_label("status"),
            "need": labels.field_label("needs"),
            "household": labels.field_label("household_id"),
            "household_id": self.tr("Household ID"),
            "period": self.tr("Registered"),
            "date_from": self.tr("From"),
            "date_to": self.tr("Until"),
        }
        for key, caption in self._captions.items():
            caption.setText(captions[key])
        self.status.setAccessibleName(captions["status"])
        self.need.setAccessibleName(captions["need"])
        self.household.setAccessibleName(captions["household"])
        self.household_id.setAccessibleName(captions["household_id"])
        self.period.setAccessibleName(captions["period"])
        self.date_from.setAccessibleName(self.tr("Registered from"))
        self.date_to.setAccessibleName(self.tr("Registered until"))
        self._size_columns()
        self.status.setItemText(0, self.tr("Any status"))
        for i, status in enumerate(Status, start=1):
            self.status.setItemText(i, labels.label(labels.STATUS, status.value))
        self.need.setItemText(0, self.tr("Anyone"))
        self.need.setItemText(1, self.tr("Any need"))
        for i, need in enumerate(Need, start=2):
            self.need.setItemText(i, labels.label(labels.NEED, need.value))
        self.household.setItemText(0, self.tr("Anyone"))
        self.household.setItemText(1, self.tr("In a household"))
        self.household.setItemText(2, self.tr("Alone"))
        self.household_id.setPlaceholderText(self.tr("K7-0042-X"))
        self.period.setItemText(ANY, self.tr("Any time"))
        self.period.setItemText(TODAY, self.tr("Today"))
        self.period.setItemText(LAST_7_DAYS, self.tr("Last 7 days"))
        self.period.setItemText(BETWEEN, self.tr("Between dates"))
        self.table.setAccessibleName(self.tr("People registered"))
        self.model.retranslate()
        self._show_counts()

    def _size_columns(self) -> None:
        """Widths from the font (so they follow the scaling), the longest usual content in the
        current language, and the column's heading."""
        metrics = self.table.fontMetrics()
        heading = self.table.horizontalHeader().fontMetrics()
        statuses = [labels.status_label(s, sex) for s in Status for sex in (*Sex, None)]
        departed = labels.status_label(Status.DEPARTED, Sex.FEMALE) + " (Bus 12)"
        samples = {
            RosterModel.ID: ["K7-0000-XX"],
            RosterModel.FAMILY: ["Шевченко-Коваленко"],
            RosterModel.GIVEN: ["Олександра"],
            RosterModel.PATRONYMIC: ["Олександрівна"],
            RosterModel.LATIN: ["Shevchenko Oleksandra"],
            RosterModel.SEX: [labels.label(labels.SEX, sex) for sex in Sex],
            RosterModel.BORN: ["00.00.0000"],
            RosterModel.STATUS: [*statuses, departed],
            RosterModel.NEEDS: [labels.label(labels.NEED, need) for need in Need],
            RosterModel.HOUSEHOLD: ["K7-0000-XX"],
            RosterModel.RELATIONSHIP: [labels.label(labels.RELATIONSHIP, r) for r in Relationship],
            RosterModel.REGISTERED: ["00.00.0000 00:00"],
        }
        for column, texts in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            widths = [metrics.horizontalAdvance(text) for text in texts]
            if isinstance(title, str):
                widths.append(heading.horizontalAdvance(title))
            self.table.setColumnWidth(column, max(widths) + 24)
        self._fit_id_columns()

    def columns_width(self) -> int:
        """How wide the table must be to show every column without scrolling sideways."""
        columns = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()))
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        return columns + scroll_bar + 2 * self.table.frameWidth()

    def _fit_id_columns(self) -> None:
        """Widen the ID columns to the widest ID shown (a provisional prefix has 6 symbols)."""
        needed = self.table.fontMetrics().horizontalAdvance(self.model.widest_id()) + 24
        for column in (RosterModel.ID, RosterModel.HOUSEHOLD):
            if self.table.columnWidth(column) < needed:
                self.table.setColumnWidth(column, needed)

    # --- the shell's contract -----------------------------------------------------------------

    def reload(self) -> None:
        """Take a fresh snapshot of everyone (on the worker) and show it with the same filters."""
        self._reload_timer.stop()
        if self._job:
            self._context.worker.cancel(self._job)
        self._stale = False
        self._job = self._context.run(take_snapshot, self._on_snapshot, self._on_error)

    def clear_personal_data(self) -> None:
        self._reload_timer.stop()
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.model.clear()
        self.household_id.setText("")  # unlike clear(), also forgets the undo history
        self._stale = True
        self._show_counts()

    def _on_snapshot(self, snapshot: RosterSnapshot) -> None:
        self._job = 0
        self.model.set_snapshot(snapshot)
        self._fit_id_columns()
        self._show_counts()

    def _on_error(self, error: BaseException) -> None:
        self._job = 0
        if not isinstance(error, FieldregError):
            raise error
        show_store_error(self, self._context, error)

    def _people_changed(self, _ids: list[str]) -> None:
        # Reload only while the roster is on screen; otherwise when it is shown next.
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._context.session is not None:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._reload_timer.isActive():
            self._reload_timer.stop()
            self._stale = True

    # --- filters ------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        period = self.period.currentData()
        self.date_from.setEnabled(period == BETWEEN)
        self.date_to.setEnabled(period == BETWEEN)
        today = self.model.today()  # the session's day, as the counts use
        start = end = None
        if period == TODAY:
            start = end = today
        elif period == LAST_7_DAYS:
            start, end = today - dt.timedelta(days=6), today
        elif period == BETWEEN:
            start, end = _date(self.date_from.date()), _date(self.date_to.date())
        household_id = self._household_id()
        self.model.set_filter(
            RosterFilter(
                status=self.status.currentData(),
                need=self.need.currentData(),
                in_household=self.household.currentData(),
                household_id=household_id,
                registered_from=start,
                registered_to=end,
            )
        )
        self._show_counts()

    def _household_id(self) -> str | None:
        text = self.household_id.text().strip()
        if not text:
            self._household_error.clear_error()
            return None
        try:
            household = str(parse_id(text))
        except IdError as exc:
            error = exc  # `exc` is unbound after the block; the label re-words it later
            self._household_error.show_text(lambda: self._context.describe(error))
            return "?"  # shows nobody until the ID is right
        self._household_error.clear_error()
        return household

    def _show_counts(self) -> None:
        counts = self.model.counts()
        text = self.tr(
            "Shown: %1 of %2 · Registered today: %3 · Waiting: %4 · Departed: %5 · With needs: %6"
        )
        for number, value in enumerate(
            (
                counts.shown,
                counts.total,
                counts.registered_today,
                counts.waiting,
                counts.departed,
                counts.with_needs,
            ),
            start=1,
        ):
            text = text.replace(f"%{number}", QLocale().toString(value))
        self._counts.setText(text)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self._context.open_person.emit(self.model.record(index.row()).person_id)
