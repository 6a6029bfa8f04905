"""Exporting people from the desk: the format (CSV, XLSX or PFIF 1.4), the columns, the roster's
filters (status, need, days of registration), one transport's passengers, and optional age
encryption to a passphrase or a recipient. The dialog says the file will hold personal data
before the file dialog opens; the export runs on the worker (`services.exports`) and is
written whole or not at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.dates import day_first
from fieldreg.core.entities import Need
from fieldreg.core.errors import FieldregError
from fieldreg.services import exports
from fieldreg.services.session import Session
from fieldreg.ui import dates, labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.roster_model import ANY_NEED, RosterFilter
from fieldreg.ui.translations import Retranslates

NO_ENCRYPTION, PASSPHRASE, RECIPIENT = range(3)
_SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "pfif": ".pfif.xml"}

AskPath = Callable[[QWidget, str], str]


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The system's save dialog, opened in the person's documents folder (never the folder the
    program was started from, which may be a shared or synced one); "" when they cancel."""
    title = QCoreApplication.translate("ExportDialog", "Export to")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder or Path.home()) / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, start)
    return path


def say_write_failure(
    dialog: QWidget, context: UiContext, label: ErrorLabel, error: BaseException
) -> None:
    """A file write that failed: the writer's own refusal (the output, its encryption) under the
    form, anything else through the store's error dialog."""
    if isinstance(error, FieldregError) and error.code.startswith(("export.", "sync.bad")):
        label.show_text(lambda: context.describe(error))
        return
    show_store_error(dialog, context, error)


class EncryptionChoice(QObject):
    """The encryption rows of a form, the same wherever personal data is written: not
    encrypted, age to a passphrase (typed twice), or age to a recipient ("age1…"); the rows of
    the choice not taken are hidden. `retranslate` from the owner's `retranslateUi`."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._form = form
        self.mode = QComboBox()
        self.mode.setObjectName("encryptionChoice")
        for code in (NO_ENCRYPTION, PASSPHRASE, RECIPIENT):
            self.mode.addItem("", code)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.recipient = QLineEdit()
        self.recipient.setMaxLength(120)
        self.captions = {
            name: QLabel() for name in ("encrypt", "passphrase", "repeat", "recipient")
        }
        for name, widget in (
            ("encrypt", self.mode),
            ("passphrase", self.passphrase),
            ("repeat", self.repeat),
            ("recipient", self.recipient),
        ):
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)
        self.mode.currentIndexChanged.connect(self._changed)
        self._changed()

    def encryption(self) -> exports.Encryption | None:
        """What was chosen; `cli.secrets_differ` when the passphrase was typed differently."""
        mode = self.mode.currentData()
        if mode == PASSPHRASE:
            if self.passphrase.text() != self.repeat.text():
                raise FieldregError("cli.secrets_differ")
            return exports.Encryption(passphrase=self.passphrase.text())
        if mode == RECIPIENT:
            return exports.Encryption(recipients=(self.recipient.text().strip(),))
        return None

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

    def _changed(self) -> None:
        mode = self.mode.currentData()
        for name, shown in (
            ("passphrase", mode == PASSPHRASE),
            ("repeat", mode == PASSPHRASE),
            ("recipient", mode == RECIPIENT),
        ):
            self._form.setRowVisible(self.captions[name], shown)

    def retranslate(self) -> None:
        self.mode.setItemText(
            NO_ENCRYPTION, QCoreApplication.translate("ExportDialog", "Not encrypted")
        )
        self.mode.setItemText(
            PASSPHRASE,
            QCoreApplication.translate("ExportDialog", "Encrypted to a passphrase (age)"),
        )
        self.mode.setItemText(
            RECIPIENT, QCoreApplication.translate("ExportDialog", "Encrypted to a recipient (age)")
        )
        for name, caption in (  # the export dialog's words, wherever the rows are
            ("encrypt", QCoreApplication.translate("ExportDialog", "&Encryption")),
            ("passphrase", QCoreApplication.translate("ExportDialog", "&Passphrase")),
            ("repeat", QCoreApplication.translate("ExportDialog", "&Repeat")),
            ("recipient", QCoreApplication.translate("ExportDialog", "Re&cipient (age1…)")),
        ):
            self.captions[name].setText(caption)


class ExportDialog(Retranslates, QDialog):
    def __init__(
        self,
        context: UiContext,
        people_filter: exports.PeopleFilter,
        parent: QWidget | None = None,
        ask_path: AskPath = ask_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._context = context
        self._filter = people_filter
        self._ask_path = ask_path
        self._job = 0
        self.written: exports.Export | None = None
        self.format = QComboBox()
        for value in exports.ExportFormat:
            self.format.addItem("", value.value)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.columns = QListWidget()
        for name in exports.COLUMNS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if name in exports.DEFAULT_COLUMNS
                else Qt.CheckState.Unchecked
            )
            self.columns.addItem(item)
        self.filters = QLabel()
        self.filters.setWordWrap(True)
        self.transport = QComboBox()
        self.transport.setObjectName("exportTransport")
        self.transport.addItem("", None)  # every person the filters keep, on a transport or not
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("personalDataNotice")
        self.error = ErrorLabel()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self._form = QFormLayout()
        self._captions = {name: QLabel() for name in ("format", "columns", "filters", "transport")}
        for name, widget in (
            ("format", self.format),
            ("columns", self.columns),
            ("filters", self.filters),
            ("transport", self.transport),
        ):
            self._captions[name].setBuddy(widget)
            self._form.addRow(self._captions[name], widget)
        self.secrets = EncryptionChoice(self._form, self)
        self.encryption = self.secrets.mode
        self.passphrase = self.secrets.passphrase
        self.repeat = self.secrets.repeat
        self.recipient = self.secrets.recipient
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        context.locked.connect(self.reject)
        self.retranslateUi()
        self._listing = self._context.run(transport_choices, self._show_transports, self._failed)
        self.finished.connect(self._forget_listing)  # deleted on close: no answer reaches it

    # --- what was chosen ----------------------------------------------------------------------

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.columns.count())
            if (item := self.columns.item(row)).checkState() == Qt.CheckState.Checked
        )

    def request(self) -> exports.ExportRequest:
        encryption = self.secrets.encryption()
        return exports.ExportRequest(
            format=exports.ExportFormat(self.format.currentData()),
            columns=self.chosen_columns(),
            filter=self._filter,
            encryption=encryption,
            transport=self.transport.currentData(),
        )

    # --- exporting ----------------------------------------------------------------------------

    def export(self) -> None:
        """Check the choices, ask where (the notice above has said the file is personal data),
        then write on the worker."""
        self.error.clear_error()
        self.outcome.clear()
        try:
            request = self.request()
            exports.checked_columns(request.columns)
        except FieldregError as error:
            self._show_error(error)
            return
        suggested = f"people-{dt.date.today().isoformat()}{_SUFFIX[request.format.value]}"
        if request.encryption is not None:
            suggested += ".age"
        chosen = self._ask_path(self, suggested)
        if not chosen:
            return
        path = Path(chosen)
        self.export_button.setEnabled(False)
        self._job = self._context.run(
            lambda session: exports.export_people(session, request, path),
            lambda built: self._written(built, path),
            self._failed,
        )

    def _written(self, built: exports.Export, path: Path) -> None:
        self._job = 0
        self.written = built
        self.export_button.setEnabled(True)
        self.secrets.clear_secrets()
        self.outcome.setText(
            self.tr("%n people written to {path}.", None, built.people).format(path=path.name)
        )

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self.export_button.setEnabled(True)
        say_write_failure(self, self._context, self.error, error)

    def _show_error(self, error: FieldregError) -> None:
        self.error.show_text(lambda: self._context.describe(error))

    def _forget_listing(self) -> None:
        if self._listing:
            self._context.worker.cancel(self._listing)
            self._listing = 0

    def _show_transports(self, choices: list[tuple[str, str]]) -> None:
        self._listing = 0
        chosen = self.transport.currentData()
        while self.transport.count() > 1:
            self.transport.removeItem(1)
        for transport_id, name in choices:
            self.transport.addItem(name, transport_id)
        found = self.transport.findData(chosen) if chosen else 0
        self.transport.setCurrentIndex(max(found, 0))

    # --- look ---------------------------------------------------------------------------------

    def _format_changed(self) -> None:
        pfif = self.format.currentData() == exports.ExportFormat.PFIF.value
        self.columns.setEnabled(not pfif)
        self._render_notice()

    def _render_notice(self) -> None:
        if self.format.currentData() == exports.ExportFormat.PFIF.value:
            self.notice.setText(
                self.tr(
                    "The file will hold personal data of the people who consented to tracing. "
                    "Keep it only where it must be, encrypt it where you can, and delete it "
                    "when it has served."
                )
            )
        else:
            self.notice.setText(
                self.tr(
                    "The file will hold personal data of every person the filters keep. Keep "
                    "it only where it must be, encrypt it where you can, and delete it when it "
                    "has served."
                )
            )

    def _render_filters(self) -> None:
        parts = []
        f = self._filter
        if f.statuses:
            parts.append(", ".join(labels.label(labels.STATUS, s) for s in sorted(f.statuses)))
        if f.needs:
            parts.append(", ".join(labels.label(labels.NEED, n) for n in sorted(f.needs)))
        if f.registered_from or f.registered_to:
            start = dates.date_text(f.registered_from) if f.registered_from else "…"
            end = dates.date_text(f.registered_to) if f.registered_to else "…"
            parts.append(self.tr("registered {start} to {end}").format(start=start, end=end))
        self.filters.setText("; ".join(parts) or self.tr("Everyone (the roster's filters)"))

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Export people"))
        self.format.setItemText(0, self.tr("CSV table"))
        self.format.setItemText(1, self.tr("XLSX workbook"))
        self.format.setItemText(2, self.tr("PFIF 1.4 (family tracing)"))
        extra = {
            "id": self.tr("ID"),
            "registered": self.tr("Registered"),
            "point": labels.field_label("point"),
            "birth_year": self.tr("Year of birth"),
        }
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            item.setText(extra.get(name) or labels.field_label(name))
        self.secrets.retranslate()
        words = {
            "format": self.tr("&Format"),
            "columns": self.tr("&Columns"),
            "filters": self.tr("People"),
            "transport": self.tr("&Transport"),
        }
        for name, caption in self._captions.items():
            caption.setText(words[name])
        self.export_button.setText(self.tr("E&xport…"))
        self.transport.setItemText(0, self.tr("Any (on a transport or not)"))
        self._render_filters()
        self._render_notice()


def transport_choices(session: Session) -> list[tuple[str, str]]:
    """Runs on the worker: (ID, name) of every transport, as the Transports page lists them;
    a name two transports share is told apart by the departure and then the ID."""
    views = session.transports().all()
    seen: dict[str, int] = {}
    for view in views:
        seen[view.name] = seen.get(view.name, 0) + 1
    choices = []
    for view in views:
        name = view.name
        if seen[name] > 1:
            departure = day_first(str(view.fields.get("departure") or ""))
            name += (
                f" ({departure}, {view.transport_id})" if departure else f" ({view.transport_id})"
            )
        choices.append((view.transport_id, name))
    return choices


def people_filter(roster: RosterFilter) -> exports.PeopleFilter:
    """The roster's filters as an export's: status, need ("any need": every need), days."""
    if roster.need == ANY_NEED:
        needs = frozenset(n.value for n in Need)
    else:
        needs = frozenset({roster.need}) if roster.need else frozenset()
    return exports.PeopleFilter(
        statuses=frozenset({roster.status}) if roster.status else frozenset(),
        needs=needs,
        registered_from=roster.registered_from,
        registered_to=roster.registered_to,
    )


def open_export_dialog(
    context: UiContext, roster: RosterFilter, parent: QWidget | None = None
) -> ExportDialog:
    dialog = ExportDialog(context, people_filter(roster), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
