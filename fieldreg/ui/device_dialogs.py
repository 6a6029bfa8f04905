"""The coordinator's devices: the enrolled laptops, approving a laptop's enrollment request (a
certificate and an ID prefix, with the network passphrase) and revoking a device (its bundles are
accepted only up to a given event). Each step runs on the worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_desk
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.translations import Retranslates

MAX_SEQUENCE = 2**31 - 1  # a spin box holds a C int; far beyond any laptop's log


class DevicesTab(Retranslates, QWidget):
    changed = Signal()  # a device was approved or revoked: read the devices again

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._devices: list[enroll.DeviceInfo] = []
        self.table = QTreeWidget()
        self.table.setColumnCount(4)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        self.approve_button = push_button()
        self.approve_button.clicked.connect(self.approve)
        self.revoke_button = push_button()
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslateUi()

    def show_devices(self, devices: list[enroll.DeviceInfo]) -> None:
        self._devices = devices
        self._render()

    def selected(self) -> enroll.DeviceInfo | None:
        row = self.table.currentIndex().row()
        return self._devices[row] if 0 <= row < len(self._devices) else None

    def approve(self) -> ApproveDialog:
        dialog = ApproveDialog(self._context, self)
        dialog.approved.connect(self.changed)
        dialog.open()
        return dialog

    def revoke(self) -> RevokeDialog | None:
        device = self.selected()
        if device is None:
            return None
        dialog = RevokeDialog(self._context, device, self)
        dialog.revoked.connect(self.changed)
        dialog.open()
        return dialog

    def _enable(self) -> None:
        self.revoke_button.setEnabled(self.selected() is not None)

    def retranslateUi(self) -> None:
        self.table.setHeaderLabels(
            [self.tr("Prefix"), self.tr("Name"), self.tr("Imported up to"), self.tr("Revoked")]
        )
        self.table.setAccessibleName(self.tr("Enrolled devices"))
        self.approve_button.setText(self.tr("Approve an enrollment request…"))
        self.revoke_button.setText(self.tr("Revoke the selected device…"))
        self._render()

    def _render(self) -> None:
        row = self.table.currentIndex().row()
        self.table.clear()
        for device in self._devices:
            revoked = (
                ""
                if device.revoked_up_to is None
                else self.tr("bundles after event {seq} refused").format(seq=device.revoked_up_to)
            )
            self.table.addTopLevelItem(
                QTreeWidgetItem([device.prefix, device.name, str(device.last_seq), revoked])
            )
        if 0 <= row < self.table.topLevelItemCount():
            self.table.setCurrentIndex(self.table.model().index(row, 0))
        self._enable()


class _NetworkDialog(Retranslates, QDialog):
    """What both dialogs share: the network passphrase, an error line, two buttons."""

    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._context = context
        self._job = 0
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_caption = QLabel()
        self.passphrase_caption.setBuddy(self.passphrase)
        self.error = ErrorLabel()
        self.ok_button = push_button()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._go)
        self.close_button = push_button()
        self.close_button.clicked.connect(self.reject)
        self.form = QFormLayout()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.close_button)
        self.main = QVBoxLayout(self)
        self.main.addLayout(self.form)
        self.main.addWidget(self.error)
        self.main.addLayout(buttons)

    def _go(self) -> None:
        raise NotImplementedError

    def _failed(self, error: BaseException) -> None:
        self._job = 0
        self.ok_button.setEnabled(True)
        if not isinstance(error, FieldregError):
            raise error
        self.error.show_text(lambda: self._context.describe(error))
        self.passphrase.selectAll()

    def done(self, result: int) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.passphrase.clear()
        super().done(result)

    def retranslateUi(self) -> None:
        self.passphrase_caption.setText(self.tr("&Network passphrase"))
        self.passphrase.setAccessibleName(self.tr("Network passphrase"))
        self.close_button.setText(self.tr("Close"))


class ApproveDialog(_NetworkDialog):
    approved = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("approveDialog")
        self.request_path = QLineEdit()
        self.browse = push_button()
        self.browse.clicked.connect(self._choose_request)
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(4)
        self.answer = QPlainTextEdit()
        self.answer.setReadOnly(True)
        self.answer.setTabChangesFocus(True)
        self.answer.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.answer.hide()
        self.answer_caption = QLabel()
        self.answer_caption.setBuddy(self.answer)
        self.answer_caption.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._captions = {"request": QLabel(), "prefix": QLabel()}
        self._captions["request"].setBuddy(self.request_path)
        self._captions["prefix"].setBuddy(self.prefix)
        row = QHBoxLayout()
        row.addWidget(self.request_path, 1)
        row.addWidget(self.browse)
        self.form.addRow(self._captions["request"], row)
        self.form.addRow(self._captions["prefix"], self.prefix)
        self.form.addRow(self.passphrase_caption, self.passphrase)
        self.main.insertWidget(1, self.note)
        self.main.insertWidget(2, self.answer_caption)
        self.main.insertWidget(3, self.answer)
        self._saved: Path | None = None
        self._approval: tuple[enroll.Approval, str] | None = None
        self.retranslateUi()
        self.resize(560, 320)

    def _choose_request(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the enrollment request"),
            self.request_path.text() or str(Path.home()),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if chosen:
            self.request_path.setText(chosen)
            self.prefix.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go(self) -> None:
        path = Path(self.request_path.text().strip())
        prefix, passphrase = self.prefix.text().strip().upper(), self.passphrase.text()

        def call(session: Session) -> tuple[enroll.Approval, str]:
            untrusted = sync_desk.read_token_file(path)
            approval = enroll.approve_request(
                session, untrusted, prefix=prefix, network_passphrase=passphrase
            )
            return approval, enroll.network_status(session).fingerprint

        self.error.clear_error()
        self.ok_button.setEnabled(False)
        self._job = self._context.run(call, self._approved, self._failed)

    def _approved(self, answer: tuple[enroll.Approval, str]) -> None:
        self._job = 0
        self.passphrase.clear()
        self._approval = answer
        self.approved.emit()
        approval = answer[0]
        self.answer.setPlainText(approval.answer)
        self.answer_caption.show()
        self.answer.show()
        for widget in (self.request_path, self.browse, self.prefix, self.passphrase):
            widget.setEnabled(False)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the answer for the laptop"),
            str(Path(self.request_path.text()).parent / f"fieldreg-answer-{approval.prefix}.txt"),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        self._render_note()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if chosen:
            path = Path(chosen)
            self._job = self._context.run(
                lambda _s: sync_desk.save_token_file(path, approval.answer),
                lambda _none: self._answer_saved(path),
                self._failed,
            )

    def _answer_saved(self, path: Path) -> None:
        self._job = 0
        self._saved = path
        self._render_note()

    def _render_note(self) -> None:
        if self._approval is None:
            self.note.setText(
                self.tr(
                    "Choose the request file the laptop made, the ID prefix it is to use, and "
                    "type the network passphrase."
                )
            )
            return
        approval, fingerprint = self._approval
        text = self.tr(
            "Approved: the laptop's new IDs start with {prefix}. Give it the answer below (as "
            "a file or text) and read out the network fingerprint: {fingerprint}"
        ).format(prefix=approval.prefix, fingerprint=fingerprint)
        if self._saved is not None:
            text += "\n" + self.tr("Answer saved to {path}.").format(path=self._saved)
        self.note.setText(text)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Approve an enrollment request"))
        self._captions["request"].setText(self.tr("&Request file"))
        self.request_path.setAccessibleName(self.tr("Request file"))
        self.browse.setText(self.tr("Choose…"))
        self._captions["prefix"].setText(self.tr("ID &prefix"))
        self.prefix.setAccessibleName(self.tr("ID prefix"))
        self.prefix.setPlaceholderText(self.tr("2 to 4 letters or digits, e.g. K7"))
        self.answer.setAccessibleName(self.tr("Answer for the laptop"))
        self.answer_caption.setText(self.tr("Answer for the &laptop"))
        self.ok_button.setText(self.tr("Approve"))
        self._render_note()


class RevokeDialog(_NetworkDialog):
    revoked = Signal()

    def __init__(
        self, context: UiContext, device: enroll.DeviceInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("revokeDialog")
        self._device = device
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.up_to = QSpinBox()
        self.up_to.setRange(0, MAX_SEQUENCE)
        self.up_to.setValue(device.last_seq)
        self.up_to_caption = QLabel()
        self.up_to_caption.setBuddy(self.up_to)
        self.form.addRow(self.up_to_caption, self.up_to)
        self.form.addRow(self.passphrase_caption, self.passphrase)
        self.main.insertWidget(0, self.note)
        self.retranslateUi()

    def _go(self) -> None:
        device_id, up_to, passphrase = (
            self._device.device_id,
            self.up_to.value(),
            self.passphrase.text(),
        )

        def call(session: Session) -> None:
            enroll.revoke_device(session, device_id, up_to=up_to, network_passphrase=passphrase)

        self.error.clear_error()
        self.ok_button.setEnabled(False)
        self._job = self._context.run(call, self._done, self._failed)

    def _done(self, _none: None) -> None:
        self._job = 0
        self.revoked.emit()
        self.accept()

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Revoke a device"))
        self.note.setText(
            self.tr(
                "Device {prefix} ({name}): its bundles will be accepted only up to the event "
                "below (0: none from now on). Do this for a lost or stolen laptop."
            ).format(prefix=self._device.prefix, name=self._device.name)
        )
        self.up_to_caption.setText(self.tr("&Accept events up to"))
        self.up_to.setAccessibleName(self.tr("Accept events up to"))
        self.ok_button.setText(self.tr("Revoke"))
