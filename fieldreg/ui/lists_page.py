"""Lists of sought persons at the coordinator's desk (issue 14 §2): import a list (CSV or XLSX
through the column mapping dialog, or PFIF 1.4), see every list with its counts, review its
candidates side by side by keyboard (`ListReview`), and write the answer to its owner (PDF or
CSV) or the INTERNAL protection file, each optionally age-encrypted (`ReportDialog`: what the
file holds is said first, the file is written whole or not at all).

Everything that reads or writes the store runs on the worker; the page shows only the lists'
names and counts until a review is opened, and clears it all on lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import reconciliation
from fieldreg.services.exports import Encryption
from fieldreg.services.reconciliation import ListInfo, Preview, ReportFormat
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.export_dialog import AskPath, ask_save_path
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.import_results import plain_table
from fieldreg.ui.list_mapping_dialog import ListMappingDialog
from fieldreg.ui.list_review import ListReview, ToReview, to_review
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.report_dialog import ReportDialog, write_report
from fieldreg.ui.translations import Retranslates

_LIST_ID = Qt.ItemDataRole.UserRole + 1


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".xlsx": "xlsx", ".xml": "pfif"}.get(suffix, "csv")


class ListsPage(Retranslates, Page, QWidget):
    lists_changed = Signal()  # a list came or a decision was made: the desk's notice reads again

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, ask_path: AskPath = ask_save_path
    ) -> None:
        super().__init__(parent)
        self.setObjectName("listsPage")
        self._context = context
        self._ask_path = ask_path
        self.report_dialog: ReportDialog | None = None
        self._title = QLabel()
        page_title(self._title)
        self.table = plain_table(4, QTreeWidget())
        self.table.setObjectName("soughtLists")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.import_button = push_button()
        self.review_button = push_button()
        self.pdf_button = push_button()
        self.csv_button = push_button()
        self.protection_button = push_button()
        self.import_button.clicked.connect(self.choose_file)
        self.review_button.clicked.connect(self.open_review)
        self.pdf_button.clicked.connect(lambda: self.choose_report_file("pdf"))
        self.csv_button.clicked.connect(lambda: self.choose_report_file("csv"))
        self.protection_button.clicked.connect(lambda: self.choose_report_file("protection_csv"))
        buttons = QHBoxLayout()
        for button in (
            self.import_button,
            self.review_button,
            self.pdf_button,
            self.csv_button,
            self.protection_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        overview = QWidget()
        inner = QVBoxLayout(overview)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addLayout(buttons)
        self.review = ListReview()
        self.review.decided.connect(self._decide)
        self.review.finished.connect(self.close_review)
        self.stack = QStackedWidget()
        self.stack.addWidget(overview)
        self.stack.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.table.itemActivated.connect(lambda *_: self.open_review())
        context.locked.connect(self.clear_personal_data)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Lists of sought persons"))
        self.table.setHeaderLabels(
            [self.tr("List"), self.tr("Received"), self.tr("Sought"), self.tr("Found")]
        )
        self.import_button.setText(self.tr("Import a list…"))
        self.review_button.setText(self.tr("Review (Enter)"))
        self.pdf_button.setText(self.tr("Report as &PDF…"))
        self.csv_button.setText(self.tr("Report as &CSV…"))
        self.protection_button.setText(self.tr("&Internal protection file…"))

    # --- the shell's contract -----------------------------------------------------------------

    def clear_personal_data(self) -> None:
        if self.report_dialog is not None:
            self.report_dialog.reject()  # it closes itself on lock too
        self.table.clear()
        self.review.clear()
        self.stack.setCurrentIndex(0)
        self.message.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self._context.run(reconciliation.lists, self._show_lists, self._failed)

    def _show_lists(self, found: list[ListInfo]) -> None:
        self.table.clear()
        for info in found:
            item = QTreeWidgetItem(
                [info.name, info.received, str(info.entries), str(info.confirmed)]
            )
            item.setData(0, _LIST_ID, info.list_id)
            self.table.addTopLevelItem(item)
        last = self.table.topLevelItem(len(found) - 1) if found else None
        if last is not None:
            self.table.setCurrentItem(last)

    def selected_list(self) -> str | None:
        item = self.table.currentItem()
        return None if item is None else str(item.data(0, _LIST_ID))

    def _failed(self, error: BaseException) -> None:
        show_store_error(self, self._context, error)

    # --- import -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a list"), "", self.tr("Lists (*.csv *.xlsx *.xml)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """PFIF at once; CSV and XLSX after the mapping dialog (`mapping_dialog`) is confirmed."""
        fmt = format_of(path)
        if fmt == "pfif":
            self._import(path, fmt, None)
            return
        self._context.run(
            lambda _s: reconciliation.preview(path, fmt),  # type: ignore[arg-type]
            lambda preview: self._ask_mapping(path, fmt, preview),
            self._failed,
        )

    def _ask_mapping(self, path: Path, fmt: str, preview: Preview) -> None:
        dialog = ListMappingDialog(preview.header, preview.proposal, self)
        self.mapping_dialog = dialog
        dialog.accepted.connect(lambda: self._import(path, fmt, dialog.mapping()))
        dialog.open()

    def _import(self, path: Path, fmt: str, mapping: dict[str, int] | None) -> None:
        self._context.run(
            lambda s: reconciliation.import_list(s, path, fmt=fmt, mapping=mapping),  # type: ignore[arg-type]
            self._imported,
            self._failed,
        )

    def _imported(self, info: ListInfo) -> None:
        self.message.setText(self.tr("{count} sought persons imported.").format(count=info.entries))
        self.lists_changed.emit()
        self.refresh()

    # --- review -------------------------------------------------------------------------------

    def open_review(self) -> None:
        list_id = self.selected_list()
        if list_id is None:
            return
        self._context.run(lambda s: to_review(s, list_id), self._show_review, self._failed)

    def _show_review(self, data: ToReview) -> None:
        self.stack.setCurrentWidget(self.review)
        self.review.show_review(data)

    def close_review(self) -> None:
        self.review.clear()
        self.stack.setCurrentIndex(0)
        self.table.setFocus()
        self.refresh()

    def _decide(self, list_id: str, entry_no: int, person_id: str, decision: str) -> None:
        self._context.run(
            lambda s: reconciliation.decide(s, list_id, entry_no, person_id, decision),  # type: ignore[arg-type]
            lambda _done: self.lists_changed.emit(),
            self._failed,
        )

    # --- report -------------------------------------------------------------------------------

    def choose_report_file(self, kind: ReportFormat) -> ReportDialog | None:
        """The report dialog for the selected list: which file, its encryption, the warning."""
        list_id = self.selected_list()
        if list_id is None:
            return None
        dialog = ReportDialog(self._context, list_id, kind, self, self._ask_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._report_written)
        dialog.finished.connect(lambda _result: self._report_closed(dialog))
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def _report_closed(self, dialog: ReportDialog) -> None:
        if self.report_dialog is dialog:
            self.report_dialog = None  # deleted on close: never touched again

    def write_report(
        self, list_id: str, path: Path, kind: ReportFormat, encryption: Encryption | None = None
    ) -> None:
        self._context.run(
            lambda s: write_report(s, list_id, path, kind, encryption),
            lambda counts: self._report_written(kind, counts),
            self._report_failed,
        )

    def _report_written(self, kind: str, counts: dict[str, int]) -> None:
        if kind == "protection_csv":
            text = self.tr(
                "INTERNAL protection file written: {withheld} found without consent. Never give "
                "it to the list's owner."
            ).format(withheld=counts["found_without_consent"])
        else:
            text = self.tr(
                "Report written: {found} found and named, {withheld} counted only."
            ).format(found=counts["found"], withheld=counts["found_without_consent"])
        self.message.setText(text)

    def _report_failed(self, error: BaseException) -> None:
        if isinstance(error, FieldregError):
            show_store_error(self, self._context, error)
        else:
            raise error
