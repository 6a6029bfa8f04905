"""The status bar's permanent part: the reception point, the operator, the counts (people,
registered today, waiting, with needs) and, on a laptop, what is not yet exported and the applied
roster's age and expiry ("Roster v12 · 3 h old · expires in 4 days", red when expired or within a
day; worded again every minute, read again after each refresh).

Counting runs on the worker. After a save (or any change to people) the people counts are taken
at once (a few milliseconds, from the session's memory), so the figures change with the save;
what is not yet exported is a query of the store, and waits for a short pause (saves come in
bursts while a family is registered), so that it never holds up the next save or search. One
full count at a time, and a request that comes in meanwhile runs once afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from fieldreg.services.desk_counts import DeskCounts, desk_counts
from fieldreg.services.roster_service import RosterStatus, roster_status
from fieldreg.services.session import Session
from fieldreg.services.sync_desk import Unexported, unexported
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ERROR_STYLE
from fieldreg.ui.roster_texts import status_bar_text, urgent
from fieldreg.ui.translations import Retranslates

PAUSE_MS: Final = 1500
MINUTE_MS: Final = 60_000
# the point and the counts; what is not exported and the roster applied (None at a hub)
Figures = tuple[tuple[str, DeskCounts], Unexported | None, RosterStatus | None]


class DeskStatus(Retranslates, QWidget):
    """Not shown itself: owns the labels it puts on `status_bar`."""

    def __init__(self, context: UiContext, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.hide()
        self._context = context
        self._job = 0
        self._stale = False
        self.figures: tuple[str, DeskCounts] | None = None
        self.pending: Unexported | None = None  # None at a coordinator: it exports nothing
        self.point, self.operator, self.counts = QLabel(), QLabel(), QLabel()
        self.unexported = QLabel()
        self.unexported.setObjectName("unexported")
        self.roster = QLabel()
        self.roster.setObjectName("roster")
        self.roster_figures: RosterStatus | None = None  # None: read nothing yet, or a hub
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        for label in (self.point, self.operator, self.counts, self.unexported, self.roster):
            label.setContentsMargins(10, 0, 10, 0)
            status_bar.addPermanentWidget(label)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._render_roster)
        self._minute.start()
        context.people_changed.connect(lambda _ids: self.changed())

    def refresh_soon(self) -> None:
        self._pause.start()

    def changed(self) -> None:
        """After a save or a status change: the people counts now, the rest after the pause."""
        self.refresh_soon()
        if self._context.session is None:
            return

        def call(session: Session) -> tuple[str, DeskCounts]:
            return session.point_name(), desk_counts(session)

        self._context.run(call, self._counts_done, self._counts_failed)

    def _counts_done(self, figures: tuple[str, DeskCounts]) -> None:
        if self._context.session is None:
            return
        self.figures = figures
        self._render()

    def refresh(self) -> None:
        self._pause.stop()
        if self._context.session is None:
            return
        if self._job:
            self._stale = True
            return

        def call(session: Session) -> Figures:
            pending = unexported(session)
            roster = roster_status(session) if pending is not None else None
            return (session.point_name(), desk_counts(session)), pending, roster

        self._job = self._context.run(call, self._done, self._failed)

    def clear(self) -> None:
        self._pause.stop()
        self.figures = None
        self.pending = None
        self.roster_figures = None
        self._render()

    def _done(self, answer: Figures) -> None:
        self._job = 0
        if self._context.session is None:
            return
        self.figures, self.pending, self.roster_figures = answer
        self._render()
        if self._stale:
            self._stale = False
            self.refresh()

    def _counts_failed(self, error: BaseException) -> None:
        show_store_error(self.window(), self._context, error)

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self._stale = False
        show_store_error(self.window(), self._context, error)

    def _render(self) -> None:
        session = self._context.session
        if self.figures is None or session is None:
            for label in (self.point, self.operator, self.counts, self.unexported):
                label.clear()
            self.unexported.hide()
            self._render_roster()
            return
        point, counts = self.figures
        self.point.setText(self.tr("Point: {point}").format(point=point))
        self.operator.setText(self.tr("Operator: {name}").format(name=session.operator_label))
        self.counts.setText(
            self.tr(
                "People: {total} · today: {today} · waiting: {waiting} · with needs: {needs}"
            ).format(
                total=counts.total,
                today=counts.registered_today,
                waiting=counts.waiting,
                needs=counts.with_needs,
            )
        )
        self.counts.setAccessibleName(self.counts.text())
        pending = self.pending
        self.unexported.setVisible(pending is not None)
        if pending is not None:
            self.unexported.setText(
                self.tr("People not exported: {people} · changes: {events}").format(
                    people=pending.people, events=pending.events
                )
            )
            self.unexported.setAccessibleName(self.unexported.text())
        self._render_roster()

    def _render_roster(self) -> None:
        figures = self.roster_figures if self._context.session is not None else None
        shown = figures is not None and figures.version is not None
        self.roster.setVisible(shown)
        if figures is None or figures.version is None or not figures.created or not figures.expires:
            self.roster.clear()
            return
        now = self.now()
        self.roster.setText(status_bar_text(figures.version, figures.created, figures.expires, now))
        self.roster.setStyleSheet(ERROR_STYLE if urgent(figures.expires, now) else "")
        self.roster.setAccessibleName(self.roster.text())

    def retranslateUi(self) -> None:
        self._render()
