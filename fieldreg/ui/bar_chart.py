"""A bar chart painted with QPainter: one bar per (label, count), across for categories (status,
point, need) or upright for days. A bar across may show a part of itself in full colour and the
rest paler (a transport: boarded of assigned) and a text of its own after it instead of the
count. No QtCharts: it is not in PySide6-Essentials, and a few
rectangles and texts need nothing more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_PX = 18
GAP_PX = 6
LABEL_MAX_PX = 180
SLOT_MAX_PX = 48  # one day's bar is a bar, not the whole width
SLACK_PX = 3  # horizontalAdvance rounds: a label exactly that wide would be elided


class BarChart(QWidget):
    def __init__(
        self,
        *,
        upright: bool = False,
        label_max_px: int = LABEL_MAX_PX,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._upright = upright
        self._label_max_px = label_max_px
        self._bars: list[tuple[str, int]] = []
        self._parts: list[int] | None = None
        self._texts: list[str] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(4 * (BAR_PX + GAP_PX))

    def set_bars(
        self,
        bars: list[tuple[str, int]],
        *,
        parts: list[int] | None = None,
        texts: list[str] | None = None,
    ) -> None:
        """`parts`: how much of each bar is drawn in full colour (the rest paler); `texts`: what
        is written after each bar instead of its count. Both, when given, one per bar."""
        if parts is not None and len(parts) != len(bars):
            raise ValueError("one part per bar")
        if texts is not None and len(texts) != len(bars):
            raise ValueError("one text per bar")
        self._bars = list(bars)
        self._parts = list(parts) if parts is not None else None
        self._texts = list(texts) if texts is not None else None
        said = texts if texts is not None else [f"{count}" for _, count in bars]
        self.setAccessibleDescription(
            "; ".join(f"{label}: {text}" for (label, _), text in zip(bars, said, strict=True))
        )
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        """What the chart shows, in order (what a reader of the screen is told too)."""
        return list(self._bars)

    def texts(self) -> list[str]:
        """What is written after each bar: its text if given, else its count."""
        if self._texts is not None:
            return list(self._texts)
        return [f"{count:,}" for _, count in self._bars]

    def sizeHint(self) -> QSize:
        if self._upright:
            return QSize(max(200, len(self._bars) * (BAR_PX + GAP_PX)), 180)
        return QSize(320, max(1, len(self._bars)) * (BAR_PX + GAP_PX) + GAP_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if not self._bars:
                self._paint_empty(painter)
            elif self._upright:
                self._paint_upright(painter)
            else:
                self._paint_across(painter)
        finally:
            painter.end()

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(self.rect()),
            Qt.AlignmentFlag.AlignCenter,
            QCoreApplication.translate("BarChart", "Nothing recorded yet"),
        )

    def _paint_across(self, painter: QPainter) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        highest = max((count for _, count in self._bars), default=0) or 1
        label_px = min(
            self._label_max_px,
            max((metrics.horizontalAdvance(t) for t, _ in self._bars), default=0) + SLACK_PX,
        )
        texts = self.texts()
        count_px = max(metrics.horizontalAdvance(f" {t}") for t in texts) + GAP_PX
        room = max(1, self.width() - label_px - count_px - 3 * GAP_PX)
        strong = palette.color(QPalette.ColorRole.Highlight)
        pale = QColor(strong)
        pale.setAlpha(90)
        for row, (label, count) in enumerate(self._bars):
            top = GAP_PX + row * (BAR_PX + GAP_PX)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_px)
            painter.drawText(
                QRectF(GAP_PX, top, label_px, BAR_PX),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            width = room * count / highest
            left = label_px + 2 * GAP_PX
            if self._parts is None:
                painter.fillRect(QRectF(left, top + 2, max(width, 1), BAR_PX - 4), strong)
            else:
                part = room * min(self._parts[row], count) / highest
                painter.fillRect(QRectF(left, top + 2, max(width, 1), BAR_PX - 4), pale)
                if part:
                    painter.fillRect(QRectF(left, top + 2, part, BAR_PX - 4), strong)
            painter.drawText(
                QRectF(left + width + GAP_PX / 2, top, count_px, BAR_PX),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                texts[row],
            )

    def _paint_upright(self, painter: QPainter) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        highest = max((count for _, count in self._bars), default=0) or 1
        bars = len(self._bars) or 1
        slot = min(SLOT_MAX_PX, max(4.0, (self.width() - 2 * GAP_PX) / bars))
        room = max(1, self.height() - 2 * line - 2 * GAP_PX)
        every = max(1, int(metrics.horizontalAdvance("00.00 ") // slot) + 1)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for index, (label, count) in enumerate(self._bars):
            left = GAP_PX + index * slot
            height = room * count / highest
            bottom = self.height() - line - GAP_PX
            painter.fillRect(
                QRectF(left + 1, bottom - height, max(slot - 2, 1), height),
                palette.color(QPalette.ColorRole.Highlight),
            )
            if slot >= metrics.horizontalAdvance(f"{count:,}"):
                painter.drawText(
                    QRectF(left, bottom - height - line, slot, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    f"{count:,}",
                )
            if index % every == 0:
                painter.drawText(
                    QRectF(left, bottom + 2, slot * every, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    day_month(label),
                )


def day_month(label: str) -> str:
    """ "DD.MM" of an ISO "YYYY-MM-DD" (the desk writes dates day first); anything else as is."""
    if len(label) == 10 and label[4] == "-" and label[7] == "-":
        return f"{label[8:10]}.{label[5:7]}"
    return label
