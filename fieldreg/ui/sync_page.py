"""Sync on a laptop: enrollment in the coordinator's network (a request saved to a file and shown
as text, then the coordinator's answer imported), export of everything not yet exported to a
folder or a USB stick, with progress, Cancel (Esc) and the result of reading the file back, and
the roster the coordinator sends back (fieldreg.ui.roster_panel; a revoked laptop says so and
exports nothing), and retention (fieldreg.ui.retention_panel).

Every store call runs on the worker; the page keeps no personal data (requests, answers and
bundle paths name devices and folders, never people).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import retention, roster_service, sync_desk
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.retention_panel import RetentionBox
from fieldreg.ui.roster_panel import RosterBox
from fieldreg.ui.task_progress import TaskProgress
from fieldreg.ui.translations import Retranslates

State = tuple[
    enroll.NetworkStatus,
    sync_desk.Unexported | None,
    str,
    roster_service.RosterStatus | None,
    retention.RetentionState | None,
]


def read_state(session: Session) -> State:
    """Runs on the worker: the network role, what is not exported yet, the point's name, the
    roster applied and who is due for retention (on an enrolled laptop)."""
    network = enroll.network_status(session)
    device = network.role == "device"
    roster = roster_service.roster_status(session) if device else None
    due = retention.retention_state(session) if device else None
    return network, sync_desk.unexported(session), session.point_name(), roster, due


class SyncPage(Retranslates, Page, QWidget):
    role_known = Signal(str)  # "coordinator", "device" or "" (not enrolled), after each unlock
    exported = Signal()  # bundles were written: the status bar's count changed
    roster_applied = Signal()  # a roster was imported: people and the status bar's roster changed

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self._context = context
        self._state_job = 0
        self._task_job = 0  # an enrollment step (an export has its own Cancel)
        self._state: State | None = None
        self._request_path: Path | None = None
        self._written: list[tuple[Path, int, int]] = []  # each bundle's file, first and last event
        self._folder = ""  # where the last export went: the next dialog opens there
        self._title = QLabel()
        page_title(self._title)
        self.revoked_banner = ErrorLabel()
        self.revoked_banner.setObjectName("revokedBanner")

        self._network_box = QGroupBox()
        self.network_text = QLabel()
        self.network_text.setWordWrap(True)
        self.network_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_name = QLineEdit()
        self.device_name.setMaxLength(60)
        self.request_button = push_button()
        self.request_button.clicked.connect(self.create_request)
        self.request_caption = QLabel()
        self.request_caption.setWordWrap(True)
        self.request_text = QPlainTextEdit()
        self.request_text.setReadOnly(True)
        self.request_text.setTabChangesFocus(True)
        self.request_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.request_text.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.fingerprint = QLineEdit()
        self.fingerprint.setMaxLength(80)
        self.answer_button = push_button()
        self.answer_button.clicked.connect(self.import_answer)
        self._captions = {"name": QLabel(), "fingerprint": QLabel()}
        self._captions["name"].setBuddy(self.device_name)
        self._captions["fingerprint"].setBuddy(self.fingerprint)
        self.enroll_form = QWidget()
        form = QFormLayout(self.enroll_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._captions["name"], self.device_name)
        form.addRow("", self.request_button)
        form.addRow(self.request_caption)
        form.addRow(self.request_text)
        form.addRow(self._captions["fingerprint"], self.fingerprint)
        form.addRow("", self.answer_button)
        network_layout = QVBoxLayout(self._network_box)
        network_layout.addWidget(self.network_text)
        network_layout.addWidget(self.enroll_form)

        self._export_box = QGroupBox()
        self.pending_text = QLabel()
        self.pending_text.setWordWrap(True)
        self.export_button = push_button()
        self.export_button.clicked.connect(self.choose_folder_and_export)
        for button in (self.request_button, self.answer_button, self.export_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = TaskProgress(context)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        export_layout = QVBoxLayout(self._export_box)
        export_layout.addWidget(self.pending_text)
        export_layout.addLayout(buttons)
        export_layout.addWidget(self.result_text)

        self.roster_box = RosterBox(context)
        self.roster_box.applied.connect(self.refresh)
        self.roster_box.applied.connect(self.roster_applied)
        self.roster_box.applied.connect(lambda: context.people_changed.emit([]))
        self.retention_box = RetentionBox(context)
        self.retention_box.purged.connect(self.refresh)
        self.retention_box.purged.connect(lambda: context.people_changed.emit([]))

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.revoked_banner)
        layout.addWidget(self._network_box)
        layout.addWidget(self._export_box)
        layout.addWidget(self.roster_box)
        layout.addWidget(self.retention_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        context.unlocked.connect(self.refresh)
        context.locked.connect(self.clear_personal_data)
        self.retranslateUi()

    # --- state --------------------------------------------------------------------------------

    @property
    def role(self) -> str | None:
        return None if self._state is None else self._state[0].role

    @property
    def unexported(self) -> sync_desk.Unexported | None:
        return None if self._state is None else self._state[1]

    @property
    def revoked(self) -> bool:
        roster = None if self._state is None else self._state[3]
        return roster is not None and roster.revoked

    def refresh(self) -> None:
        if self._state_job:
            self._context.worker.cancel(self._state_job)
        self._state_job = self._context.run(read_state, self._on_state, self._on_error)

    def _on_state(self, state: State) -> None:
        self._state_job = 0
        self._show_state(state)

    def _show_state(self, state: State) -> None:
        self._state = state
        if not self.device_name.text():
            self.device_name.setText(state[2])
        self.roster_box.show_status(state[3])
        self.retention_box.show_state(state[4])
        self._render()
        self.role_known.emit(state[0].role)

    def clear_personal_data(self) -> None:
        """Nothing here names a person; the state is dropped so the next store is read anew."""
        for job in (self._state_job, self._task_job):
            if job:
                self._context.worker.cancel(job)
        self._state_job = self._task_job = 0
        self.progress.cancel()
        self._state = None
        self._request_path = None
        self._written = []
        self.request_text.clear()
        self.device_name.clear()
        self.fingerprint.clear()
        self.error.clear_error()
        self.roster_box.clear_personal_data()
        self.retention_box.clear_personal_data()
        self._render()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        busy = self.progress.running or self.roster_box.running
        if self._context.session is not None and not busy:
            self.refresh()

    # --- enrollment ---------------------------------------------------------------------------

    def create_request(self) -> None:
        name = self.device_name.text().strip() or None
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the enrollment request"),
            str(Path(self._folder or Path.home()) / "fieldreg-enrollment-request.txt"),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if not chosen:
            return
        path = Path(chosen)

        def call(session: Session) -> str:
            text = enroll.enrollment_request(session, name)
            sync_desk.save_token_file(path, text)
            return text

        self.error.clear_error()
        self._task_job = self._context.run(
            call, lambda text: self._on_request(text, path), self._failed
        )

    def _on_request(self, text: str, path: Path) -> None:
        self._task_job = 0
        self._request_path = path
        self.request_text.setPlainText(text)
        self._render()
        self.answer_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def import_answer(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the coordinator's answer"),
            str(self._request_path.parent if self._request_path else Path.home()),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if not chosen:
            return
        path, fingerprint = Path(chosen), self.fingerprint.text().strip() or None

        def call(session: Session) -> State:
            untrusted = sync_desk.read_token_file(path)
            enroll.accept_answer(session, untrusted, fingerprint=fingerprint)
            return read_state(session)

        self.error.clear_error()
        self._task_job = self._context.run(call, self._on_accepted, self._failed)

    def _on_accepted(self, state: State) -> None:
        self._task_job = 0
        self._show_state(state)
        self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- export -------------------------------------------------------------------------------

    def choose_folder_and_export(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick"), self._folder or str(Path.home())
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, folder: Path) -> None:
        if self.progress.running or self._context.session is None:
            return
        self._folder = str(folder)
        self._written = []
        self.error.clear_error()
        progress, cancelled = self.progress.begin()

        def call(session: Session) -> tuple[list[tuple[Path, int, int]], State]:
            written = sync.export_bundles(session, folder, progress=progress, cancelled=cancelled)
            return [(b.path, b.header.first, b.header.last) for b in written], read_state(session)

        self.export_button.setEnabled(False)
        self.progress.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._context.run(call, self._on_exported, self._export_failed)

    def _on_exported(self, answer: tuple[list[tuple[Path, int, int]], State]) -> None:
        self.progress.end()
        self._written, state = answer
        self.exported.emit()
        self._show_state(state)
        self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _export_failed(self, error: BaseException) -> None:
        self.progress.end()
        self._render()
        self._explain(error)
        self.refresh()  # some bundles may have been written before the failure
        self.exported.emit()
        self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self._task_job = 0
        self._explain(error)

    def _explain(self, error: BaseException) -> None:
        if not isinstance(error, FieldregError):
            raise error
        if self._context.session is None:
            return  # locked meanwhile: nothing to tell on the unlock screen
        self.error.show_text(lambda: self._context.describe(error))

    def _on_error(self, error: BaseException) -> None:
        self._state_job = 0
        show_store_error(self, self._context, error)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.progress.escape_cancels(event):
            super().keyPressEvent(event)

    # --- texts --------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Sync"))
        self._network_box.setTitle(self.tr("This laptop in the network"))
        self._export_box.setTitle(self.tr("Export to the coordinator"))
        self._captions["name"].setText(self.tr("Name of this laptop"))
        self.device_name.setAccessibleName(self.tr("Name of this laptop"))
        self.device_name.setToolTip(self.tr("Shown to the coordinator; usually the point's name"))
        self.request_button.setText(self.tr("Create an enrollment request…"))
        self.request_text.setAccessibleName(self.tr("Enrollment request"))
        self._captions["fingerprint"].setText(self.tr("Network fingerprint"))
        self.fingerprint.setAccessibleName(self.tr("Network fingerprint"))
        self.fingerprint.setPlaceholderText(self.tr("As read out by the coordinator (optional)"))
        self.answer_button.setText(self.tr("Import the coordinator's answer…"))
        self.export_button.setText(self.tr("Export to a folder or USB stick…"))
        self._render()

    def _render(self) -> None:
        status = None if self._state is None else self._state[0]
        role = "" if status is None else status.role
        self.enroll_form.setVisible(status is not None and role == "")
        if status is None:
            self.network_text.clear()
        elif role == "coordinator":
            self.network_text.setText(
                self.tr("This is the coordinator's store: import bundles on the Coordinator page.")
            )
        elif role == "device":
            self.network_text.setText(
                self.tr(
                    "Enrolled. New IDs start with {prefix}.\nNetwork: {network}\n"
                    "Network fingerprint: {fingerprint}"
                ).format(
                    prefix=status.prefix,
                    network=status.network_id,
                    fingerprint=status.fingerprint,
                )
            )
        else:
            self.network_text.setText(
                self.tr(
                    "This laptop is not enrolled yet. Create an enrollment request and give the "
                    "file (or the text below) to the coordinator, then import the answer file "
                    "the coordinator gives back."
                )
            )
        self.request_caption.setVisible(bool(self.request_text.toPlainText()))
        self.request_text.setVisible(bool(self.request_text.toPlainText()))
        if self._request_path is not None:
            self.request_caption.setText(
                self.tr("Enrollment request, saved to {path}:").format(path=self._request_path)
            )
        self._render_export(role)

    def _render_export(self, role: str) -> None:
        pending = self.unexported
        self._export_box.setVisible(role != "coordinator")
        self.roster_box.setVisible(role == "device")
        revoked = self.revoked
        self.export_button.setEnabled(
            role == "device" and not revoked and not self.progress.running
        )
        if revoked:
            self.revoked_banner.show_text(
                lambda: self.tr(
                    "This laptop was revoked by the coordinator: it can no longer export "
                    "bundles. Ask the coordinator what to do with the records on it."
                )
            )
        else:
            self.revoked_banner.clear_error()
        self.export_button.setToolTip(
            self.tr("This laptop was revoked by the coordinator.") if revoked else ""
        )
        if self._state is None:
            self.pending_text.clear()
        elif revoked:
            self.pending_text.setText(
                self.tr("Nothing can be exported: this laptop was revoked by the coordinator.")
            )
        elif role != "device":
            self.pending_text.setText(
                self.tr(
                    "Enroll this laptop first: a bundle is signed with the certificate the "
                    "coordinator's answer brings."
                )
            )
        elif pending is not None and pending.events == 0:
            self.pending_text.setText(self.tr("Everything is exported."))
        elif pending is not None:
            self.pending_text.setText(
                self.tr("Not yet exported: people {people}, changes {events}.").format(
                    people=pending.people, events=pending.events
                )
            )
        if not self._written:
            self.result_text.clear()
            self.result_text.hide()
            return
        lines = [
            self.tr(
                "Exported and verified: each file was read back from the folder and its "
                "signature checked."
            )
        ]
        for path, first, last in self._written:
            lines.append(
                self.tr("{path} (events {first}–{last})").format(path=path, first=first, last=last)
            )
        self.result_text.setText("\n".join(lines))
        self.result_text.setAccessibleName(lines[0])
        self.result_text.show()
