"""Printing bands or tags for a person or a household: the stock, where to (a printer, as raw ZPL
for a thermal printer or through its driver; any printer through the system's print dialog; a
PDF file), copies of tags, and a preview of exactly what will come out.

The preview is painted by the label renderer into images in memory, so no file holding a name is
written for it (QtPdf, which could show a preview PDF, is not part of PySide6-Essentials).
Printing runs on the worker with progress and can be cancelled. `bands.print_labels` records the
bands of the whole job in one transaction only once the output accepted it: an error shown here
recorded nothing, and trying again prints the same band numbers. Enter (or Ctrl+P) prints, Esc
closes (or stops a job under way).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as data_field
from pathlib import Path
from typing import Final

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.printing.qt_renderer import QtLabelRenderer
from fieldreg.services import bands, print_options
from fieldreg.services.session import Session
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.form_fields import set_tab_chain
from fieldreg.ui.print_choices import (
    default_printer,
    fill_stocks,
    printer_names,
    retranslate_stocks,
    stock_names,
    stock_title,
)
from fieldreg.ui.translations import Retranslates

BAND, TAGS = "band", "tags"
QUEUE, OTHER, PDF = "queue", "other", "pdf"
PREVIEW_PAGES: Final = 6
PREVIEW_PIXELS: Final = 860  # the long side of a page in the preview
DEFAULT_PDF_NAME: Final = "labels.pdf"


@dataclass(frozen=True, slots=True)
class Preview:
    people: list[str]
    labels: int
    pages: int
    images: list[QImage]
    bands: list[str]  # what the job would record as issued
    voiding: list[str]  # people whose band now worn the job would void
    children: list[str] = data_field(default_factory=list)  # people on the child band
    child_stock: str = ""


def make_preview(
    session: Session,
    targets: Sequence[str],
    stock_name: str,
    copies: int | None,
    dpi: float,
    *,
    by_age: bool = False,
) -> Preview:
    """Runs on the worker: the labels the job would print, painted in memory (adults first,
    then the children on child bands, as they will print)."""
    settings = bands.load_print_settings(session.data_dir)
    people = bands.people_to_print(session, targets)
    today = dt.date.today()
    jobs = bands.plan_jobs_on(session, people, stock_name, settings, by_age=by_age, today=today)
    images: list[QImage] = []
    planned = []
    pages = 0
    with QtLabelRenderer() as renderer:
        for job in jobs:
            labels = bands.plan_labels(session, job.people, job.stock, settings, copies)
            room = PREVIEW_PAGES - len(images)
            images += renderer.page_images(job.stock, labels, dpi, room) if room > 0 else []
            pages += math.ceil(len(labels) / job.stock.labels_per_page)
            planned += labels
    is_band = print_options.stock_choice(stock_name).is_band
    child = print_options.child_stock_name(stock_name)
    child_jobs = [job for job in jobs if by_age and job.stock.name == child]
    return Preview(
        people=people,
        labels=len(planned),
        pages=pages,
        images=images,
        bands=[label.band_id for label in planned if label.band_id],
        voiding=[p for p in people if is_band and any(session.bands(p).values())],
        children=[p for job in child_jobs for p in job.people],
        child_stock=child_jobs[0].stock.name if child_jobs else "",
    )


class _Progress(QObject):
    """Emitted on the worker, received on the GUI thread; a child of the dialog, which never
    goes away while its job runs."""

    moved = Signal(int, int)


class PrintDialog(Retranslates, QDialog):
    printed = Signal(object)  # the bands.PrintResult of a job its output accepted

    def __init__(
        self,
        context: UiContext,
        targets: Sequence[str],
        kind: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._context = context
        self._targets = list(targets)  # person or household IDs
        self._kind = kind
        self._preview: Preview | None = None
        self._preview_job = 0
        self._print_job = 0
        self._cancel = threading.Event()
        self._closing = False
        self._finished = False  # closed: a late signal (a checkbox's delayed click) starts nothing
        self._previous = QApplication.focusWidget()  # gets the focus back when this closes
        self._progress = _Progress(self)
        # unreadable settings: the defaults; the preview says what is wrong with the file
        settings, _unread = print_options.print_settings_or_defaults(context.data_dir)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stock = QComboBox()
        fill_stocks(self.stock, stock_names(bands_only=kind == BAND), settings.stock)
        self.destination = QComboBox()
        self._destinations = [(QUEUE, name) for name in printer_names(settings.printer)]
        self._destinations += [(OTHER, ""), (PDF, "")]
        for _ in self._destinations:
            self.destination.addItem("")
        chosen = (QUEUE, default_printer(settings.printer))
        last = len(self._destinations) - 1  # no printer: a PDF
        self.destination.setCurrentIndex(
            self._destinations.index(chosen) if chosen in self._destinations else last
        )
        self.zpl = QCheckBox()
        self.zpl.setChecked(settings.band_output == "zpl")
        self._child_age = settings.child_band_under
        self.child_bands = QCheckBox()
        self.child_bands.setObjectName("childBands")
        self.child_bands.setChecked(self._child_age > 0)
        self.child_bands.setEnabled(self._child_age > 0)
        self.pdf_path = QLineEdit()
        self.pdf_path.setObjectName("pdfPath")
        self._pdf_folder = Path(settings.pdf_folder) if settings.pdf_folder else None
        if self._pdf_folder is not None:  # a file name of our own: the remembered one is a folder
            self.pdf_path.setText(str(self._pdf_folder / DEFAULT_PDF_NAME))
        self._browse = push_button()
        self._browse.clicked.connect(self._choose_file)
        self.copies = QSpinBox()
        self.copies.setRange(1, print_options.MAX_TAG_COPIES)
        self.copies.setValue(settings.tag_copies)
        self._captions = {key: QLabel() for key in ("stock", "to", "file", "copies")}
        self._file_row = QHBoxLayout()
        self._file_row.addWidget(self.pdf_path, 1)
        self._file_row.addWidget(self._browse)
        self._form = QFormLayout()
        for key, field in (("stock", self.stock), ("to", self.destination)):
            self._captions[key].setBuddy(field)
            self._form.addRow(self._captions[key], field)
        self._form.addRow("", self.zpl)
        self._form.addRow("", self.child_bands)
        self._captions["file"].setBuddy(self.pdf_path)
        self._form.addRow(self._captions["file"], self._file_row)
        # said before the file is written: what a band shows (a given name, ...) is personal
        self.pdf_notice = QLabel()
        self.pdf_notice.setWordWrap(True)
        self.pdf_notice.setStyleSheet(WARNING_STYLE)
        self._form.addRow("", self.pdf_notice)
        self._captions["copies"].setBuddy(self.copies)
        self._form.addRow(self._captions["copies"], self.copies)
        self._pages = QWidget()
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self._pages)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = ErrorLabel()
        self.print_button = push_button()
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_now)
        self.cancel_button = push_button()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(self._form)
        layout.addWidget(self.preview_area, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        set_tab_chain(
            [
                self.stock,
                self.destination,
                self.zpl,
                self.child_bands,
                self.pdf_path,
                self._browse,
                self.copies,
                self.print_button,
                self.cancel_button,
            ]
        )
        self._progress.moved.connect(self._moved)
        self.stock.currentIndexChanged.connect(self._choices_changed)
        self.child_bands.toggled.connect(self._refresh_preview)
        self.copies.valueChanged.connect(self._refresh_preview)
        self.destination.currentIndexChanged.connect(self._show_rows)
        context.locked.connect(self._locked)
        again = QShortcut(QKeySequence("Ctrl+P"), self)  # Ctrl+P twice: print
        again.activated.connect(self.print_now)
        self.resize(980, 720)
        self.retranslateUi()
        self._show_rows()
        self._refresh_preview()

    # --- choices ------------------------------------------------------------------------------

    def stock_name(self) -> str:
        return str(self.stock.currentData())

    def destination_kind(self) -> str:
        return self._destinations[self.destination.currentIndex()][0]

    def _by_age(self) -> bool:
        return self._kind == BAND and self.child_bands.isChecked()

    def _copies(self) -> int | None:
        return None if self._kind == BAND else self.copies.value()

    def _show_rows(self) -> None:
        kind = self.destination_kind()
        band = print_options.stock_choice(self.stock_name()).is_band
        self._form.setRowVisible(self.zpl, self._kind == BAND)
        self._form.setRowVisible(self.child_bands, self._kind == BAND)
        self.zpl.setEnabled(kind == QUEUE and band)
        self._form.setRowVisible(self._file_row, kind == PDF)
        self._form.setRowVisible(self.pdf_notice, kind == PDF)
        self._form.setRowVisible(self.copies, self._kind == TAGS)

    def _choices_changed(self) -> None:
        self._show_rows()
        self._refresh_preview()

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the labels as PDF"),
            self.pdf_path.text() or str((self._pdf_folder or Path.home()) / DEFAULT_PDF_NAME),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            self.pdf_path.setText(chosen)

    def _pdf_target(self) -> Path | None:
        text = self.pdf_path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        path = path if path.is_absolute() else Path.home() / path
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    # --- preview ------------------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        if self._finished:
            return
        if self._preview_job:
            self._context.worker.cancel(self._preview_job)
        self._drop_preview()
        stock = print_options.stock_choice(self.stock_name())
        ratio = self.devicePixelRatioF()
        dpi = stock.preview_dpi(PREVIEW_PIXELS) * ratio
        targets, name, copies = list(self._targets), stock.name, self._copies()
        by_age = self._by_age()
        self._preview_job = self._context.run(
            lambda s: make_preview(s, targets, name, copies, dpi, by_age=by_age),
            self._on_preview,
            self._on_preview_failed,
        )

    def _on_preview(self, preview: Preview) -> None:
        self._preview_job = 0
        self._preview = preview
        band = print_options.stock_choice(self.stock_name()).is_band
        ratio = self.devicePixelRatioF()
        for number, image in enumerate(preview.images, start=1):
            shown = image.transformed(QTransform().rotate(-90)) if band else image
            pixmap = QPixmap.fromImage(shown)
            pixmap.setDevicePixelRatio(ratio)
            page = QLabel()
            page.setFrameShape(QFrame.Shape.Box)
            page.setPixmap(pixmap)
            page.setProperty("page", number)
            self._pages_layout.addWidget(page)
        self._render_texts()

    def _on_preview_failed(self, error: BaseException) -> None:
        self._preview_job = 0
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))

    def _drop_preview(self) -> None:
        """Forget every image and ID shown (closing, locking, another stock)."""
        self._preview = None
        while (item := self._pages_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._render_texts()

    # --- printing -----------------------------------------------------------------------------

    def print_now(self) -> None:
        if self._print_job:
            return
        kind, name = self._destinations[self.destination.currentIndex()]
        if kind == OTHER:
            self._ask_printer()
            return
        destination: bands.Destination
        if kind == PDF:
            path = self._pdf_target()
            if path is None:
                self.error.show_text(lambda: self.tr("Type where to save the PDF, or Browse."))
                self.pdf_path.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            destination = bands.PdfFile(path)
        else:
            zpl = self.zpl.isChecked() and print_options.stock_choice(self.stock_name()).is_band
            destination = bands.PrinterQueue(name, system=not zpl)
        self._start(destination)

    def _ask_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._start(bands.DialogPrinter(printer)))
        dialog.show()  # QPrintDialog.open() hides QDialog.open() and wants a slot

    def _start(self, destination: bands.Destination) -> None:
        self.error.clear_error()
        cancel = self._cancel = threading.Event()
        progress = self._progress
        targets, stock, copies = list(self._targets), self.stock_name(), self._copies()
        by_age = self._by_age()

        def call(session: Session) -> bands.PrintResult:
            result = bands.print_labels(
                session,
                targets,
                destination,
                stock_name=stock,
                copies=copies,
                by_age=by_age,
                progress=progress.moved.emit,
                cancelled=cancel.is_set,
            )
            if isinstance(destination, bands.PdfFile):
                # Written and recorded: a folder not remembered only means starting from home.
                with contextlib.suppress(FieldregError):
                    bands.remember_pdf_folder(session.data_dir, destination.path)
            return result

        self._set_printing(True)
        self._print_job = self._context.run(call, self._on_printed, self._on_failed)

    def _set_printing(self, printing: bool) -> None:
        self.progress.setVisible(printing)
        self.progress.setRange(0, 0)  # busy until the first step is known
        for widget in (self.stock, self.destination, self.zpl, self.pdf_path, self.copies):
            widget.setEnabled(not printing)
        self.child_bands.setEnabled(not printing and self._child_age > 0)
        self._browse.setEnabled(not printing)
        self.print_button.setEnabled(not printing)
        if not printing:
            self._show_rows()

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_printed(self, result: bands.PrintResult) -> None:
        self._print_job = 0
        self._set_printing(False)
        self._context.people_changed.emit(list(result.people))
        if not self._closing:
            self.printed.emit(result)
        self._finish(QDialog.DialogCode.Accepted)

    def _on_failed(self, error: BaseException) -> None:
        self._print_job = 0
        self._set_printing(False)
        if self._closing:
            self._finish(QDialog.DialogCode.Rejected)
        if not isinstance(error, FieldregError):
            raise error
        if not self._closing:
            self.error.show_text(lambda: self._context.describe(error))
            self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- closing ------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        if self._print_job:
            self._cancel.set()  # stops at the next label; the dialog stays to say how it ended
            return
        self._finish(result)

    def _finish(self, result: int) -> None:
        self._finished = True
        if self._preview_job:
            self._context.worker.cancel(self._preview_job)
            self._preview_job = 0
        self._drop_preview()
        super().done(result)
        self.deleteLater()
        if not self._closing:
            self._give_focus_back()

    def _give_focus_back(self) -> None:
        """To where the volunteer was, even where the window manager forgets (or the widget was
        disabled meanwhile: then to its nearest enabled parent, e.g. the page)."""
        target = self._previous
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            return
        target.window().activateWindow()
        while target is not None and not target.isEnabled():
            target = target.parentWidget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _locked(self) -> None:
        """Everything personal goes now; a job still running is cancelled and answers first."""
        self._closing = True
        self._cancel.set()
        self._drop_preview()
        self.hide()
        if not self._print_job:
            self._finish(QDialog.DialogCode.Rejected)

    # --- texts --------------------------------------------------------------------------------

    def _render_texts(self) -> None:
        preview = self._preview
        if preview is None:
            self.who.setText(self.tr("Preparing the preview…"))
            self.note.clear()
            return
        self.who.setText(self.tr("For: {ids}").format(ids=", ".join(preview.people)))
        notes = []
        if preview.bands:
            notes.append(
                self.tr("Bands to be issued: {bands}.").format(bands=", ".join(preview.bands))
            )
        else:
            notes.append(self.tr("Tags are for belongings and documents; they are not recorded."))
        if preview.children:
            notes.append(
                self.tr("Child bands ({stock}) for: {ids}.").format(
                    stock=stock_title(preview.child_stock), ids=", ".join(preview.children)
                )
            )
        if preview.voiding:
            notes.append(
                self.tr("The band now worn becomes void for: {ids}.").format(
                    ids=", ".join(preview.voiding)
                )
            )
        if preview.pages > len(preview.images):
            notes.append(
                self.tr("The preview shows {shown} of {total} pages.").format(
                    shown=len(preview.images), total=preview.pages
                )
            )
        self.note.setText(" ".join(notes))
        for page in self._pages.findChildren(QLabel):
            if page.property("page") is not None:
                page.setAccessibleName(
                    self.tr("Preview of page {number}").format(number=page.property("page"))
                )

    def retranslateUi(self) -> None:
        self.setWindowTitle(
            self.tr("Print bands") if self._kind == BAND else self.tr("Print tags for belongings")
        )
        self._captions["stock"].setText(self.tr("&Stock:"))
        self._captions["to"].setText(self.tr("Print &to:"))
        self._captions["file"].setText(self.tr("&File:"))
        self._captions["copies"].setText(self.tr("&Copies per person:"))
        self.stock.setAccessibleName(self.tr("Stock"))
        retranslate_stocks(self.stock)
        self.destination.setAccessibleName(self.tr("Print to"))
        for index, (kind, name) in enumerate(self._destinations):
            text = {
                QUEUE: name,
                OTHER: self.tr("Another printer (system print dialog)…"),
                PDF: self.tr("Save as PDF…"),
            }[kind]
            self.destination.setItemText(index, text)
        self.zpl.setText(self.tr("Send as &ZPL (thermal band printers)"))
        self.child_bands.setText(
            self.tr("C&hild bands for children under {age}").format(age=self._child_age)
        )
        self.pdf_path.setAccessibleName(self.tr("PDF file"))
        self.pdf_path.setPlaceholderText(self.tr("For example ~/labels.pdf"))
        self._browse.setText(self.tr("&Browse…"))
        self.pdf_notice.setText(
            self.tr(
                "The PDF holds what the labels show, names included. It is written so that only "
                "you can read it: print it, then delete it; do not leave it on a shared stick."
            )
        )
        self.copies.setAccessibleName(self.tr("Copies per person"))
        self.preview_area.setAccessibleName(self.tr("Preview"))
        self.progress.setAccessibleName(self.tr("Printing"))
        self.print_button.setText(self.tr("&Print"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._render_texts()


def printed_text(result: object) -> str:
    """What a finished job printed, for a status line."""
    assert isinstance(result, bands.PrintResult)
    if result.bands:
        text = QCoreApplication.translate("PrintDialog", "Printed. Bands issued: {bands}")
        return text.format(bands=", ".join(result.bands))
    text = QCoreApplication.translate("PrintDialog", "Printed. Labels: {count}")
    return text.format(count=result.labels)


def open_print_dialog(
    parent: QWidget | None,
    context: UiContext,
    targets: Sequence[str],
    kind: str,
    *,
    start: bool = False,
) -> PrintDialog:
    """Show the dialog (not blocking); with `start`, print at once when a printer is chosen by
    default (the one keystroke after a registration)."""
    dialog = PrintDialog(context, targets, kind, parent)
    dialog.open()
    dialog.print_button.setFocus(Qt.FocusReason.OtherFocusReason)
    if start and dialog.destination_kind() == QUEUE:
        dialog.print_now()
    return dialog
