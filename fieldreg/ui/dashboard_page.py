"""The dashboard: how many people, by status, by reception point, by need and by day of
registration, and each transport's passengers (assigned, boarded, no-shows, with its planned
departure), as bars. The numbers are `services.desk_counts.dashboard_figures`, the same that
`fieldreg stats --json` prints; they are counted on the worker when the page is shown and again
after every save or import (`UiContext.people_changed`) while it is. Only counts are shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from fieldreg.services import desk_counts
from fieldreg.services.desk_counts import Figures, TransportFigure
from fieldreg.ui import labels
from fieldreg.ui.bar_chart import LABEL_MAX_PX, BarChart, day_month
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.translations import Retranslates


class DashboardPage(Retranslates, Page, QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._context = context
        self._job = 0
        self._stale = True  # counted again when next shown
        self.figures: Figures | None = None
        self._title = QLabel()
        page_title(self._title)
        self.total = QLabel()
        self.by_status = BarChart()
        self.by_point = BarChart()
        self.by_need = BarChart()
        self.by_day = BarChart(upright=True)
        self.by_transport = BarChart(label_max_px=2 * LABEL_MAX_PX)  # name and departure
        self.by_transport.setObjectName("dashboardTransports")
        self._boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        for position, (name, chart) in enumerate(
            (
                ("status", self.by_status),
                ("point", self.by_point),
                ("need", self.by_need),
                ("day", self.by_day),
            )
        ):
            box = QGroupBox()
            inner = QVBoxLayout(box)
            inner.addWidget(chart)
            self._boxes[name] = box
            grid.addWidget(box, position // 2, position % 2)
        box = QGroupBox()
        QVBoxLayout(box).addWidget(self.by_transport)
        self._boxes["transport"] = box
        grid.addWidget(box, 2, 0, 1, 2)  # names and three counts each: the whole width
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.total)
        layout.addLayout(grid, 1)
        context.people_changed.connect(self._people_changed)
        context.locked.connect(self.clear_personal_data)
        self.retranslateUi()

    def refresh(self) -> None:
        self._stale = False
        if self._job:
            self._context.worker.cancel(self._job)
        self._job = self._context.run(desk_counts.dashboard_figures, self._show, self._failed)

    def _people_changed(self, _ids: list[str]) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _show(self, figures: Figures) -> None:
        self._job = 0
        self.figures = figures
        self._render()

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        show_store_error(self, self._context, error)

    def _render(self) -> None:
        figures = self.figures
        if figures is None:
            for chart in (
                self.by_status,
                self.by_point,
                self.by_need,
                self.by_day,
                self.by_transport,
            ):
                chart.set_bars([])
            self.total.setText("")
            return
        self.total.setText(self.tr("People registered: %n", None, figures.total))
        self.by_status.set_bars(
            [
                (labels.status_label(code) if code else self.tr("No status"), count)
                for code, count in figures.by_status.items()
            ]
        )
        self.by_point.set_bars(list(figures.by_point.items()))
        self.by_need.set_bars(
            [(labels.label(labels.NEED, code), count) for code, count in figures.by_need.items()]
        )
        self.by_day.set_bars(list(figures.by_day.items()))
        transports = figures.by_transport
        self.by_transport.set_bars(
            [(transport_label(t), t.assigned) for t in transports],
            parts=[t.boarded for t in transports],
            texts=[
                self.tr("assigned {assigned}, boarded {boarded}, no-shows {no_shows}").format(
                    assigned=t.assigned, boarded=t.boarded, no_shows=t.no_shows
                )
                for t in transports
            ],
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._context.session is not None and (self._stale or self.figures is None):
            self.refresh()

    def clear_personal_data(self) -> None:
        # Counts are not personal, but point names and days say where people are: drop them too.
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.figures = None
        self._stale = True
        self._render()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Dashboard"))
        self._boxes["status"].setTitle(self.tr("By status"))
        self._boxes["point"].setTitle(self.tr("By reception point"))
        self._boxes["need"].setTitle(self.tr("By need"))
        self._boxes["day"].setTitle(self.tr("Registered by day"))
        self._boxes["transport"].setTitle(self.tr("By transport (boarded of assigned)"))
        self._render()


def transport_label(figure: TransportFigure) -> str:
    """The transport's name and planned departure, day first as the desk writes dates."""
    if not figure.departure:
        return figure.name
    day, _, time = figure.departure.partition(" ")
    return f"{figure.name} · {day_month(day)} {time}".rstrip()
