"""Writing the answer to a list of sought persons from the desk: the owner's report (PDF or CSV)
or the INTERNAL protection file (which people found did not consent to tracing, by ID and the
list's reference, for the protection officer only), each optionally age-encrypted the way the
export dialog does it (to a passphrase or to a recipient). The dialog says what the file holds
before the save dialog opens; the report is built, encrypted and written on the worker, whole
or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import reconciliation
from fieldreg.services.exports import Encryption
from fieldreg.services.reconciliation import ReportFormat
from fieldreg.services.session import Session
from fieldreg.ui.child_warning import WARNING_STYLE
from fieldreg.ui.context import UiContext
from fieldreg.ui.export_dialog import AskPath, EncryptionChoice, ask_save_path, say_write_failure
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.translations import Retranslates

KINDS: Final[tuple[ReportFormat, ...]] = ("pdf", "csv", "protection_csv")
_SUFFIX: Final = {"pdf": ".pdf", "csv": ".csv", "protection_csv": ".csv"}


def write_report(
    session: Session,
    list_id: str,
    path: Path,
    kind: ReportFormat,
    encryption: Encryption | None = None,
) -> dict[str, int]:
    """Runs on the worker: the report built (encrypted if asked) and written; its counts."""
    content = reconciliation.report_content(session, list_id)
    built = reconciliation.build_report(content, kind, encryption)
    reconciliation.write_report(path, built)
    return built.counts


class ReportDialog(Retranslates, QDialog):
    written = Signal(str, dict)  # the kind written and the report's counts

    def __init__(
        self,
        context: UiContext,
        list_id: str,
        kind: ReportFormat = "pdf",
        parent: QWidget | None = None,
        ask_path: AskPath = ask_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self._context = context
        self._list_id = list_id
        self._ask_path = ask_path
        self._job = 0
        self.written_to: Path | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for code in KINDS:
            self.kind.addItem("", code)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.currentIndexChanged.connect(self._render_notice)
        self._form = QFormLayout()
        self._kind_caption = QLabel()
        self._kind_caption.setBuddy(self.kind)
        self._form.addRow(self._kind_caption, self.kind)
        self.secrets = EncryptionChoice(self._form, self)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("personalDataNotice")
        self.error = ErrorLabel()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.write_button = QPushButton()
        self.write_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.write_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        context.locked.connect(self.reject)
        self.finished.connect(self._forget_job)
        self.setMinimumWidth(520)
        self.retranslateUi()

    def chosen_kind(self) -> ReportFormat:
        return KINDS[self.kind.currentIndex()]

    # --- writing ------------------------------------------------------------------------------

    def write(self) -> None:
        """Check the encryption, ask where (the notice above has said what the file holds),
        then build and write on the worker."""
        self.error.clear_error()
        self.outcome.clear()
        try:
            encryption = self.secrets.encryption()
        except FieldregError as error:
            self._show_error(error)
            return
        kind = self.chosen_kind()
        name = "protection-INTERNAL" if kind == "protection_csv" else "report"
        suggested = f"{name}-{self._list_id}{_SUFFIX[kind]}" + (".age" if encryption else "")
        chosen = self._ask_path(self, suggested)
        if not chosen:
            return
        path = Path(chosen)
        list_id = self._list_id
        self.write_button.setEnabled(False)
        self._job = self._context.run(
            lambda session: write_report(session, list_id, path, kind, encryption),
            lambda counts: self._written(kind, path, counts),
            self._failed,
        )

    def _forget_job(self) -> None:
        """Closed (and so deleted) while writing: the file is still written whole or not at
        all on the worker, but no answer may reach a dialog that is gone."""
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0

    def _written(self, kind: ReportFormat, path: Path, counts: dict[str, int]) -> None:
        self._job = 0
        self.written_to = path
        self.write_button.setEnabled(True)
        self.secrets.clear_secrets()
        self.outcome.setText(self.tr("Written to {path}.").format(path=path.name))
        self.written.emit(kind, counts)

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self.write_button.setEnabled(True)
        say_write_failure(self, self._context, self.error, error)

    def _show_error(self, error: FieldregError) -> None:
        self.error.show_text(lambda: self._context.describe(error))

    # --- look ---------------------------------------------------------------------------------

    def _render_notice(self) -> None:
        if self.chosen_kind() == "protection_csv":
            self.notice.setStyleSheet(WARNING_STYLE)
            self.notice.setText(
                self.tr(
                    "INTERNAL, for the protection officer only: the file says which people "
                    "found (their IDs and the list's references) did not consent to tracing. "
                    "Never give it to the list's owner; encrypt it to the officer and delete "
                    "it when it has served."
                )
            )
        else:
            self.notice.setStyleSheet("")
            self.notice.setText(
                self.tr(
                    "The report names the people found who consented to tracing, and where "
                    "they are now. Keep the file only where it must be, encrypt it where you "
                    "can, and delete it when it has served."
                )
            )

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Answer to the list"))
        self._kind_caption.setText(self.tr("&File"))
        self.kind.setItemText(0, self.tr("Report for the list's owner (PDF)"))
        self.kind.setItemText(1, self.tr("Report for the list's owner (CSV)"))
        self.kind.setItemText(2, self.tr("INTERNAL: found without consent (CSV)"))
        self.write_button.setText(self.tr("&Write…"))
        self.secrets.retranslate()
        self._render_notice()
