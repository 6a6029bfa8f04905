"""The coordinator writes rosters: one file per chosen laptop (all of them by default, a
checkable list), a delta since what each laptop acknowledged or a full roster, into a folder the
user picks; the result in words (files written, people, sizes).

The list names devices and points, never people; writing runs on the worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import roster_service
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.import_results import device_text
from fieldreg.ui.translations import Retranslates

DEVICE_ROLE = Qt.ItemDataRole.UserRole + 1


def documents_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


class RosterWriteDialog(Retranslates, QDialog):
    written = Signal()

    def __init__(
        self, context: UiContext, devices: list[enroll.DeviceInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterWriteDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._context = context
        self._job = 0
        self._devices = devices
        self.folder = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.devices_caption = QLabel()
        self.device_list = QListWidget()
        self.devices_caption.setBuddy(self.device_list)
        for device in devices:
            item = QListWidgetItem(device_text(device.name, device.prefix))
            item.setData(DEVICE_ROLE, device.device_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.device_list.addItem(item)
        self.device_list.setCurrentRow(0)
        self.device_list.itemChanged.connect(lambda _item: self._enable())
        self.full = QCheckBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.choose_folder_and_write)
        self.passphrase_caption = QLabel()
        self.passphrase_caption.setBuddy(self.passphrase)
        passphrase_row = QFormLayout()
        passphrase_row.addRow(self.passphrase_caption, self.passphrase)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_text.hide()
        self.error = ErrorLabel()
        self.write_button = push_button()
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.choose_folder_and_write)
        self.close_button = push_button()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.devices_caption)
        layout.addWidget(self.device_list, 1)
        layout.addWidget(self.full)
        layout.addLayout(passphrase_row)
        layout.addWidget(self.result_text)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslateUi()
        self._enable()
        self.device_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 420)

    def chosen(self) -> list[str]:
        items = [self.device_list.item(row) for row in range(self.device_list.count())]
        return [
            str(item.data(DEVICE_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _enable(self) -> None:
        self.write_button.setEnabled(bool(self.chosen()) and not self._job)

    def choose_folder_and_write(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the rosters"), self.folder or documents_folder()
        )
        if chosen:
            self.write_to(Path(chosen))

    def write_to(self, folder: Path) -> None:
        if self._job or self._context.session is None:
            return
        self.folder = str(folder)
        everyone = len(self.chosen()) == len(self._devices)
        devices = None if everyone else self.chosen()
        full, passphrase = self.full.isChecked(), self.passphrase.text()

        def call(session: Session) -> list[roster_service.WrittenRoster]:
            return roster_service.write_rosters(
                session, folder, devices, full=full, network_passphrase=passphrase
            )

        self.error.clear_error()
        self.result_text.hide()
        self._job = self._context.run(call, self._written, self._failed)
        self._enable()

    def _written(self, written: list[roster_service.WrittenRoster]) -> None:
        self._job = 0
        self.passphrase.clear()
        self._enable()
        self.result_text.setText(self.result_words(written))
        self.result_text.setAccessibleName(self.result_text.text())
        self.result_text.show()
        self.written.emit()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def result_words(self, written: list[roster_service.WrittenRoster]) -> str:
        size = sum(w.size for w in written)
        lines = [
            self.tr("Rosters written: {files} ({size}) in {folder}").format(
                files=len(written), size=QLocale().formattedDataSize(size), folder=self.folder
            )
        ]
        for w in written:
            lines.append(
                self.tr("{file}: %Ln people, {size}", None, w.people).format(
                    file=w.path.name, size=QLocale().formattedDataSize(w.size)
                )
            )
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self._enable()
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.passphrase.clear()
        super().done(result)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Write rosters"))
        self.intro.setText(
            self.tr(
                "One file per laptop, signed by the network and readable only by that laptop: "
                "the people merged here, revocations, erasures and what the coordinator has of "
                "the laptop's bundles. Carry each file to its laptop and import it on its Sync "
                "page."
            )
        )
        self.devices_caption.setText(self.tr("&Laptops (Space ticks or clears one)"))
        self.device_list.setAccessibleName(self.tr("Laptops to write a roster for"))
        self.full.setText(
            self.tr("&Full rosters (everyone, not only what changed since each laptop's last one)")
        )
        self.passphrase_caption.setText(self.tr("&Network passphrase (rosters are signed)"))
        self.passphrase.setAccessibleName(self.tr("Network passphrase"))
        self.write_button.setText(self.tr("&Write to a folder…"))
        self.close_button.setText(self.tr("Close"))
