"""Labels through Qt: PDF files (QPdfWriter) and system printers (QPrinter), the one printing
module that imports PySide6.

Everything is vector: the QR code is one filled path of rectangles (one per run of dark modules,
so no hairline seams between neighbours at any zoom), its module size a whole number of dots at
the stock's resolution so a thermal or office printer reproduces it without resampling. Text is
set in DejaVu Sans from `resources/fonts`, loaded into Qt's font database for the duration of a
renderer, so output is the same on every machine and Cyrillic never falls back to a system font.
Painting works in device units (`units per mm` from the device's resolution), not in a scaled
painter, so that font sizes are exact.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from fieldreg.core.errors import Cancelled, FieldregError, NotFoundError
from fieldreg.core.tasks import CancelFlag
from fieldreg.printing.layouts import LabelContent, Layout, TextSlot, layout_for
from fieldreg.printing.qr import QUIET_ZONE, qr_matrix
from fieldreg.printing.stocks import MM_PER_INCH, Rect, Stock, StockKind
from fieldreg.printing.table_document import TableDocument

FONT_FILES: Final = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY: Final = "DejaVu Sans"
PDF_DPI: Final = 1200
DOCUMENT_NAME: Final = "fieldreg labels"  # job titles land in spooler logs: never a name


def fonts_dir() -> Path:
    """`fieldreg/_resources/fonts` in a build, the top-level `resources/fonts` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_resources" / "fonts", package.parent / "resources" / "fonts"):
        if all((candidate / name).is_file() for name in FONT_FILES):
            return candidate
    raise RuntimeError("fieldreg's fonts are missing from this build")


class QtLabelRenderer:
    """Use as a context manager: it needs (and makes, for the CLI) a QGuiApplication and keeps
    the label fonts loaded until it is closed."""

    def __init__(self) -> None:
        self._app: QGuiApplication | None = None
        if QGuiApplication.instance() is None:
            # A command-line run has no display; PDF and printing need none.
            platform = [] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
            self._app = QGuiApplication(["fieldreg", *platform])
        self._font_ids: list[int] = []
        directory = fonts_dir()
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(directory / name))
            if font_id < 0:
                raise RuntimeError(f"Qt could not load {name}")
            self._font_ids.append(font_id)

    def close(self) -> None:
        for font_id in self._font_ids:
            QFontDatabase.removeApplicationFont(font_id)
        self._font_ids = []

    def __enter__(self) -> QtLabelRenderer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # --- outputs ------------------------------------------------------------------------------

    def write_pdf(
        self,
        target: Path,
        stock: Stock,
        labels: Sequence[LabelContent],
        cancelled: CancelFlag | None = None,
    ) -> None:
        """Write the labels to `target` (an existing empty file keeps its permissions)."""
        writer = QPdfWriter(str(target))
        writer.setResolution(PDF_DPI)
        writer.setTitle(DOCUMENT_NAME)
        writer.setCreator("fieldreg")
        _set_page(writer, stock)
        self._paint(writer, PDF_DPI, stock, labels, cancelled)

    def document_pdf(self, rich_text: str, title: str) -> bytes:
        """An A4 document (a report) laid out by Qt from rich text, as PDF bytes in memory: the
        caller encrypts and writes them (no file of Qt's own, nothing in a temporary folder)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setTitle(title)
        writer.setCreator("fieldreg")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setDefaultFont(QFont(FONT_FAMILY, 9))
        document.setHtml(rich_text)
        document.print_(writer)
        del writer  # ends the PDF
        buffer.close()
        return bytes(data.data())

    def print_to(
        self,
        printer: QPrinter,
        stock: Stock,
        labels: Sequence[LabelContent],
        cancelled: CancelFlag | None = None,
    ) -> None:
        """Print on a printer chosen in Qt's print dialog (or by `print_to_queue`)."""
        printer.setDocName(DOCUMENT_NAME)
        printer.setFullPage(True)
        _set_page(printer, stock)
        try:
            self._paint(printer, printer.resolution(), stock, labels, cancelled)
        except BaseException:
            printer.abort()
            raise
        if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise FieldregError("print.job_failed", queue=printer.printerName())

    def print_to_queue(
        self,
        queue: str,
        stock: Stock,
        labels: Sequence[LabelContent],
        cancelled: CancelFlag | None = None,
    ) -> None:
        """Print on the system printer named `queue`; a missing or stopped one is refused
        before anything is sent (Qt would otherwise fall back to the default printer)."""
        info = QPrinterInfo.printerInfo(queue)
        if info.isNull():
            raise NotFoundError("print.queue_missing", queue=queue)
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise FieldregError("print.queue_stopped", queue=queue)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        if printer.printerName() != queue:
            raise NotFoundError("print.queue_missing", queue=queue)
        self.print_to(printer, stock, labels, cancelled)

    def page_images(
        self, stock: Stock, labels: Sequence[LabelContent], dpi: float, max_pages: int
    ) -> list[QImage]:
        """The first `max_pages` pages as images at `dpi`, white paper: the desk's preview,
        which so never writes a file holding names."""
        units = dpi / MM_PER_INCH
        layout = layout_for(stock)
        per_page = stock.labels_per_page
        pages = []
        for start in range(0, min(len(labels), max_pages * per_page), per_page):
            image = QImage(
                max(1, round(stock.page_w * units)),
                max(1, round(stock.page_h * units)),
                QImage.Format.Format_RGB32,
            )
            image.setDotsPerMeterX(round(dpi / MM_PER_INCH * 1000))
            image.setDotsPerMeterY(round(dpi / MM_PER_INCH * 1000))
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for slot, label in enumerate(labels[start : start + per_page]):
                x, y = stock.label_origin(slot)
                painter.save()
                painter.translate(x * units, y * units)
                _Label(painter, units, stock, layout).paint(label)
                painter.restore()
            painter.end()
            pages.append(image)
        return pages

    # --- painting -----------------------------------------------------------------------------

    def _paint(
        self,
        device: QPagedPaintDevice,
        dpi: int,
        stock: Stock,
        labels: Sequence[LabelContent],
        cancelled: CancelFlag | None,
    ) -> None:
        painter = QPainter()
        if not painter.begin(device):
            raise FieldregError("print.device_failed")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            units = dpi / MM_PER_INCH
            layout = layout_for(stock)
            for index, label in enumerate(labels):
                if cancelled is not None and cancelled():
                    raise Cancelled
                slot = index % stock.labels_per_page
                if index and slot == 0 and not device.newPage():
                    raise FieldregError("print.device_failed")
                x, y = stock.label_origin(slot)
                painter.save()
                painter.translate(x * units, y * units)
                _Label(painter, units, stock, layout).paint(label)
                painter.restore()
        finally:
            if not painter.end():
                raise FieldregError("print.device_failed")


class _Label:
    """Paints one label with its top left corner at the painter's origin."""

    def __init__(self, painter: QPainter, units: float, stock: Stock, layout: Layout) -> None:
        self.painter = painter
        self.units = units
        self.stock = stock
        self.layout = layout

    def paint(self, label: LabelContent) -> None:
        self._qr(label.payload)
        for slot in self.layout.texts:
            text = label.text_for(slot.role)
            if text:
                self._text(slot, text)
        if label.needs:
            self._needs_mark()

    def _rect(self, rect: Rect) -> QRectF:
        u = self.units
        return QRectF(rect.x * u, rect.y * u, rect.w * u, rect.h * u)

    def _qr(self, payload: str) -> None:
        matrix = qr_matrix(payload)
        box = self.layout.qr
        # Whole printer dots per module, so the printer never resamples a module.
        modules = matrix.size + 2 * QUIET_ZONE
        dots_per_module = max(1, self.stock.dots(box.w) // modules)
        module = dots_per_module * MM_PER_INCH / self.stock.dpi * self.units
        offset = (box.w * self.units - matrix.size * module) / 2
        left, top = box.x * self.units + offset, box.y * self.units + offset
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for row, column, length in matrix.dark_runs():
            path.addRect(
                QRectF(left + column * module, top + row * module, length * module, module)
            )
        self.painter.fillPath(path, QColor("black"))

    def _line_frame(self, box: Rect, rotated: bool) -> None:
        """Move the painter so that x runs along the line and y down across it, from (0, 0)."""
        u = self.units
        if rotated:
            self.painter.translate(box.right * u, box.y * u)
            self.painter.rotate(90)  # clockwise: the text's top faces the band's right edge
        else:
            self.painter.translate(box.x * u, box.y * u)

    def _text(self, slot: TextSlot, text: str) -> None:
        u = self.units
        painter = self.painter
        painter.save()
        self._line_frame(slot.box, slot.rotated)
        start = 0.0
        if slot.role == "household":
            icon = slot.across * 0.8
            self._house(icon, (slot.across - icon) / 2)
            start = icon * 1.25
        room = (slot.along - start) * u
        font, shown, wrap = self._fitted(text, slot, room)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        area = QRectF(start * u, 0, room, slot.across * u)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), shown)
        painter.restore()

    def _fitted(self, text: str, slot: TextSlot, room: float) -> tuple[QFont, str, bool]:
        """The font (and text) that fit `room` device units: one line at full size, else the
        larger of one smaller line and (on a tag) two wrapped lines, else elided at `min_em`."""
        device = self.painter.device()
        font = QFont(FONT_FAMILY)
        font.setBold(slot.bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setPixelSize(max(1, round(slot.em * self.units)))
        width = QFontMetricsF(font, device).horizontalAdvance(text)
        if width <= room:
            return font, text, False
        one_line = int(font.pixelSize() * room / width)
        smallest = max(1, round(slot.min_em * self.units))
        wraps = slot.role == "name" and not slot.rotated  # an ID is never broken
        two_lines = self._two_line_size(font, text, slot, room, smallest) if wraps else 0
        if max(one_line, two_lines) >= smallest:
            font.setPixelSize(max(one_line, two_lines))
            return font, text, two_lines > one_line
        font.setPixelSize(smallest)
        metrics = QFontMetricsF(font, device)
        return font, metrics.elidedText(text, Qt.TextElideMode.ElideRight, room), False

    def _two_line_size(
        self, font: QFont, text: str, slot: TextSlot, room: float, smallest: int
    ) -> int:
        """The largest pixel size (0 if none) at which `text` wraps into the slot's box."""
        size = int(font.pixelSize() * 0.8)
        box = QRectF(0, 0, room, slot.across * self.units * 4)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        trial = QFont(font)
        while size >= smallest:
            trial.setPixelSize(size)
            metrics = QFontMetricsF(trial, self.painter.device())
            needed = metrics.boundingRect(box, flags, text)
            lines = round(needed.height() / metrics.lineSpacing())
            if lines <= 2 and needed.height() <= slot.across * self.units:
                return size
            size = int(size * 0.95)
        return 0

    def _house(self, size: float, top: float) -> None:
        """An outlined house, roof toward the line's top, in the current line frame."""
        u = self.units
        s, t = size * u, top * u
        eave = t + s * 0.45
        path = QPainterPath()
        path.moveTo(0, eave)
        path.lineTo(s / 2, t)
        path.lineTo(s, eave)
        path.lineTo(s, t + s)
        path.lineTo(0, t + s)
        path.closeSubpath()
        pen = QPen(QColor("black"), s * 0.12)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.painter.strokePath(path, pen)

    def _needs_mark(self) -> None:
        """A black disc with a white "!" standing like the text."""
        mark = self.layout.mark
        u = self.units
        painter = self.painter
        painter.save()
        self._line_frame(mark, self.stock.kind is StockKind.BAND)
        d = mark.w * u
        disc = QPainterPath()
        disc.addEllipse(QRectF(0, 0, d, d))
        painter.fillPath(disc, QColor("black"))
        stroke = d * 0.14
        bang = QPainterPath()
        bang.addRect(QRectF((d - stroke) / 2, d * 0.18, stroke, d * 0.42))
        bang.addEllipse(QPointF(d / 2, d * 0.76), stroke * 0.6, stroke * 0.6)
        painter.fillPath(bang, QColor("white"))
        painter.restore()


def _set_page(device: QPagedPaintDevice, stock: Stock) -> None:
    size = (
        QPageSize(QPageSize.PageSizeId.A4)
        if (stock.page_w, stock.page_h) == (210, 297)
        else QPageSize(
            QSizeF(stock.page_w, stock.page_h),
            QPageSize.Unit.Millimeter,
            stock.name,
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    )
    layout = QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )
    device.setPageLayout(layout)


# --- tables (passenger manifests): A4 landscape, repeated header, page numbers ----------------

TABLE_DPI: Final = 300
TABLE_MARGIN_MM: Final = 10.0
_PT: Final = TABLE_DPI / 72  # device units per point


def table_pdf(document: TableDocument, *, name: str = "fieldreg manifest") -> bytes:
    """The document as PDF bytes, made in memory (nothing is written: the caller encrypts
    and writes it privately). Needs the fonts and a QGuiApplication: use inside a renderer."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(TABLE_DPI)
    writer.setTitle(name)
    writer.setCreator("fieldreg")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    _TablePainter(writer, document).paint()
    buffer.close()
    return bytes(buffer.data().data())


def _details_line(details: Sequence[tuple[str, str]]) -> str:
    """A document's details on one line that wraps between them, never between a label and its
    value ("Capacity:" at the end of a line and "45" alone below it)."""
    return "    ".join(f"{label}:\u00a0{value}" for label, value in details)


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setPixelSize(max(1, round(points * _PT)))
    return font


class _TablePainter:
    def __init__(self, writer: QPdfWriter, document: TableDocument) -> None:
        self.writer = writer
        self.doc = document
        u = TABLE_DPI / MM_PER_INCH
        self.margin = TABLE_MARGIN_MM * u
        self.width = 297 * u - 2 * self.margin
        self.bottom = 210 * u - self.margin - 8 * _PT  # room for the footer line
        self.cell = _font(7)
        self.head = _font(6.5, bold=True)
        self.pad = 1.2 * _PT
        total = sum(document.widths) or 1.0
        self.columns = [self.width * w / total for w in document.widths]

    def _height(self, painter: QPainter, texts: Sequence[str], font: QFont) -> float:
        metrics = QFontMetricsF(font, painter.device())
        tallest = metrics.height()
        for text, width in zip(texts, self.columns, strict=True):
            room = QRectF(0, 0, max(1.0, width - 2 * self.pad), 10**6)
            flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
            tallest = max(tallest, metrics.boundingRect(room, flags, text).height())
        return tallest + 2 * self.pad

    def _row(
        self, painter: QPainter, y: float, texts: Sequence[str], font: QFont, fill: QColor | None
    ) -> float:
        height = self._height(painter, texts, font)
        x = self.margin
        if fill is not None:
            painter.fillRect(QRectF(x, y, self.width, height), fill)
        painter.setFont(font)
        painter.setPen(QPen(QColor("#888888"), 0.6))
        painter.drawLine(QPointF(x, y + height), QPointF(x + self.width, y + height))
        painter.setPen(QColor("black"))
        for text, width in zip(texts, self.columns, strict=True):
            area = QRectF(x + self.pad, y + self.pad, width - 2 * self.pad, height - 2 * self.pad)
            flags = (
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            )
            painter.drawText(area, int(flags), text)
            x += width
        return y + height

    def _lines(
        self, painter: QPainter, y: float, lines: Sequence[str], font: QFont, colour: str
    ) -> float:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        metrics = QFontMetricsF(font, painter.device())
        for line in lines:
            area = QRectF(self.margin, y, self.width, 10**6)
            flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
            height = metrics.boundingRect(area, flags, line).height()
            painter.drawText(QRectF(self.margin, y, self.width, height), flags, line)
            y += height + 0.8 * _PT
        return y

    def _top(self, painter: QPainter, first: bool) -> float:
        doc = self.doc
        y = self.margin
        y = self._lines(painter, y, [doc.title], _font(13 if first else 9, bold=True), "black")
        y = self._lines(painter, y, [doc.subtitle], _font(8), "#333333")
        if first and doc.details:
            y += 1 * _PT
            y = self._lines(painter, y, [_details_line(doc.details)], _font(8), "black")
        y += 2 * _PT
        return self._row(painter, y, doc.header, self.head, QColor("#dddddd"))

    def _footers(self, painter: QPainter, pages: int, page: int) -> None:
        doc = self.doc
        painter.setFont(_font(6.5))
        painter.setPen(QColor("#333333"))
        y = 210 * TABLE_DPI / MM_PER_INCH - self.margin - 6 * _PT
        area = QRectF(self.margin, y, self.width, 6 * _PT)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft), doc.footer)
        label = doc.page_label.format(page=page, pages=pages)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignRight), label)

    def _signature_height(self) -> float:
        return 42 * _PT

    def paint(self) -> None:
        painter = QPainter()
        if not painter.begin(self.writer):
            raise FieldregError("print.device_failed")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pages = self._layout(painter)
            for number, (first_row, last_row) in enumerate(pages, start=1):
                if number > 1 and not self.writer.newPage():
                    raise FieldregError("print.device_failed")
                y = self._top(painter, number == 1)
                for index in range(first_row, last_row):
                    fill = (
                        QColor("#f6caca")
                        if self.doc.highlight[index]
                        else QColor("#f3f3f3")
                        if index % 2
                        else None
                    )
                    y = self._row(painter, y, self.doc.rows[index], self.cell, fill)
                if number == len(pages):
                    self._end(painter, y + 3 * _PT)
                self._footers(painter, len(pages), number)
        finally:
            if not painter.end():
                raise FieldregError("print.device_failed")

    def _layout(self, painter: QPainter) -> list[tuple[int, int]]:
        """Rows per page (start, end), the last page keeping room for notes and signatures."""
        doc = self.doc
        # The header heights are measured by painting nothing: the same computations as _top.
        first_top = self._measure_top(painter, True)
        other_top = self._measure_top(painter, False)
        heights = [self._height(painter, row, self.cell) for row in doc.rows]
        end_room = self._measure_end(painter)
        pages: list[tuple[int, int]] = []
        start, y = 0, first_top
        for index, height in enumerate(heights):
            if y + height > self.bottom and index > start:
                pages.append((start, index))
                start, y = index, other_top
            y += height
        if y + end_room > self.bottom and heights:
            pages.append((start, len(heights)))
            pages.append((len(heights), len(heights)))
        else:
            pages.append((start, len(heights)))
        return pages

    def _measure_top(self, painter: QPainter, first: bool) -> float:
        doc = self.doc

        def lines(y: float, texts: Sequence[str], font: QFont) -> float:
            metrics = QFontMetricsF(font, painter.device())
            flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
            for text in texts:
                area = QRectF(self.margin, y, self.width, 10**6)
                y += metrics.boundingRect(area, flags, text).height() + 0.8 * _PT
            return y

        y = lines(self.margin, [doc.title], _font(13 if first else 9, bold=True))
        y = lines(y, [doc.subtitle], _font(8))
        if first and doc.details:
            y += 1 * _PT
            y = lines(y, [_details_line(doc.details)], _font(8))
        y += 2 * _PT
        return y + self._height(painter, doc.header, self.head)

    def _measure_end(self, painter: QPainter) -> float:
        metrics = QFontMetricsF(_font(8), painter.device())
        lines = len(self.doc.notes) + 2 * len(self.doc.warnings)
        return 3 * _PT + lines * (metrics.height() + 0.8 * _PT) + self._signature_height() + 6 * _PT

    def _end(self, painter: QPainter, y: float) -> None:
        doc = self.doc
        y = self._lines(painter, y, doc.notes, _font(8, bold=True), "black")
        y = self._lines(painter, y, doc.warnings, _font(8, bold=True), "#a00000")
        y += 3 * _PT
        count = max(1, len(doc.signatures))
        gap = 6 * _PT
        box = (self.width - gap * (count - 1)) / count
        height = self._signature_height()
        for index, label in enumerate(doc.signatures):
            x = self.margin + index * (box + gap)
            painter.setPen(QPen(QColor("black"), 1.0))
            painter.drawRect(QRectF(x, y, box, height))
            painter.setFont(_font(8, bold=True))
            painter.drawText(
                QRectF(x + self.pad * 2, y + self.pad * 2, box, 10 * _PT),
                int(Qt.AlignmentFlag.AlignLeft),
                label,
            )
            painter.setFont(_font(6.5))
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(x + self.pad * 2, y + height - 8 * _PT, box, 8 * _PT),
                int(Qt.AlignmentFlag.AlignLeft),
                doc.signature_hint,
            )
