"""What the dashboard's bars look like on screen: read from the painted pixels, since a chart
that counts right but draws one day as a wall of colour, or elides a short label, is wrong."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.ui.bar_chart import BarChart, day_month


def _painted(chart: BarChart, width: int, height: int) -> QImage:
    chart.resize(width, height)
    return chart.grab().toImage()


def _columns_of(image: QImage, colour: QColor) -> int:
    """How many pixel columns hold the colour anywhere."""
    rgb = colour.rgb()
    return sum(
        any(image.pixel(x, y) == rgb for y in range(image.height())) for x in range(image.width())
    )


def _inked_columns(image: QImage) -> int:
    """How many pixel columns hold anything but the background (text is antialiased)."""
    background = image.pixel(0, 0)
    return sum(
        any(image.pixel(x, y) != background for y in range(image.height()))
        for x in range(image.width())
    )


def test_one_day_is_a_bar_not_the_whole_width(qtbot: QtBot, qapp: QApplication) -> None:
    chart = BarChart(upright=True)
    qtbot.addWidget(chart)
    chart.set_bars([("2026-12-02", 4)])
    image = _painted(chart, 600, 200)
    bar = _columns_of(image, chart.palette().color(QPalette.ColorRole.Highlight))
    assert 0 < bar <= 48


def test_an_empty_chart_says_so(qtbot: QtBot, qapp: QApplication) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([])
    image = _painted(chart, 400, 120)
    assert _inked_columns(image) > 40  # "Nothing recorded yet" is written across the middle


def test_days_are_labelled_day_first() -> None:
    assert day_month("2026-12-02") == "02.12"
