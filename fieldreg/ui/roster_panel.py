"""The laptop's roster, on the Sync page: the roster applied (version, written, expires), what the
coordinator has of this laptop's log, and "Import roster…" from a stick, run on the worker with
the result in words ("Roster 12 applied: 1,204 people added, 37 updated, 2 erased; 1 laptop
revoked") or the refusal in words ("… The current roster was kept.").

Nothing here names a person: counts, versions, times and file names only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import roster_service
from fieldreg.services.session import Session
from fieldreg.ui import roster_texts
from fieldreg.ui.context import UiContext
from fieldreg.ui.dates import date_time
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.task_progress import TaskProgress
from fieldreg.ui.translations import Retranslates

RosterStatus = roster_service.RosterStatus
MEDIA_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def start_folder(last: str = "") -> str:
    """Where the open dialog starts: the last folder used, else a mounted removable stick, else
    the person's documents (never the folder the program was started from)."""
    if last:
        return last
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if volume.isValid() and volume.isReady() and root.startswith(MEDIA_ROOTS):
            return root
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def _span_text(first: int, last: int) -> str:
    """ "3" or "3–7": a range of this laptop's change numbers."""
    return str(first) if first == last else f"{first}–{last}"


class RosterBox(Retranslates, QGroupBox):
    applied = Signal()  # people were added, changed or erased: counts and searches are stale
    status_known = Signal()  # the roster status was read again (after an unlock or an import)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterBox")
        self._context = context
        self._folder = ""
        self.status: RosterStatus | None = None
        self._applied: roster_service.RosterApplied | None = None
        self.now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.status_text = QLabel()
        self.status_text.setWordWrap(True)
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
        self.status_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = push_button()
        self.import_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.import_button.clicked.connect(self.choose_and_import)
        self.progress = TaskProgress(context)
        self.progress.cancel_button.hide()  # a roster applies in one transaction, or not at all
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_text.hide()
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_text)
        layout.addLayout(row)
        layout.addWidget(self.result_text)
        layout.addWidget(self.error)
        self.retranslateUi()

    @property
    def running(self) -> bool:
        return self.progress.running

    def show_status(self, status: RosterStatus | None) -> None:
        self.status = status
        self._render()
        self.status_known.emit()

    def clear_personal_data(self) -> None:
        self.progress.end()
        self.status = None
        self._applied = None
        self.error.clear_error()
        self._render()

    def choose_and_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the roster from the coordinator"),
            start_folder(self._folder),
            self.tr("Rosters (*.roster);;All files (*)"),
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        if self.progress.running or self._context.session is None:
            return
        self._folder = str(path.parent)
        self._applied = None
        self.error.clear_error()
        self.progress.begin()

        def call(
            session: Session,
        ) -> tuple[roster_service.RosterApplied, RosterStatus | None]:
            applied = roster_service.import_roster(session, path)
            return applied, roster_service.roster_status(session)

        self.import_button.setEnabled(False)
        self._context.run(call, self._imported, self._refused)

    def _imported(self, answer: tuple[roster_service.RosterApplied, RosterStatus | None]) -> None:
        self.progress.end()
        self._applied, status = answer
        self.show_status(status)
        self.applied.emit()
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refused(self, error: BaseException) -> None:
        self.progress.end()
        self._render()
        if not isinstance(error, FieldregError):
            raise error
        if self._context.session is None:
            return  # locked meanwhile: nothing to tell on the unlock screen
        # the roster errors say themselves that the current roster was kept
        self.error.show_text(lambda: self._context.describe(error))
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Roster from the coordinator"))
        self.import_button.setText(self.tr("Import &roster…"))
        self._render()

    def _render(self) -> None:
        status = self.status
        self.import_button.setEnabled(
            self._context.session is not None and not self.progress.running
        )
        if status is None or status.version is None:
            self.status_text.setText(
                self.tr(
                    "No roster applied yet. The coordinator writes one for this laptop; it "
                    "brings the people registered at the other points."
                )
            )
        else:
            self.status_text.setText("\n".join(self._status_lines(status)))
        self.status_text.setToolTip(
            "" if status is None or status.version is None else self.acknowledged_numbers(status)
        )
        self.status_text.setAccessibleName(self.status_text.text())
        applied = self._applied
        self.result_text.setVisible(applied is not None)
        if applied is not None:
            self.result_text.setText(
                roster_texts.applied_text(
                    applied.version,
                    applied.added,
                    applied.updated,
                    applied.erased,
                    applied.revoked_devices,
                )
            )
            self.result_text.setAccessibleName(self.result_text.text())

    def _status_lines(self, status: RosterStatus) -> list[str]:
        lines: list[str] = []
        if status.version is not None and status.created and status.expires:
            lines.append(
                roster_texts.written_text(status.version, status.created, status.expires)
                + " · "
                + roster_texts.expiry_text(status.expires, self.now())
            )
        if status.expired:
            lines.append(
                self.tr(
                    "This roster has expired: people registered elsewhere since are missing. "
                    "Ask the coordinator for a new one."
                )
            )
        lines.append(self.acknowledged_text(status))
        return lines

    def acknowledged_text(self, status: RosterStatus) -> str:
        """What the coordinator has of this laptop's log, as the last roster told, in times a
        person reads (the change numbers are in `acknowledged_numbers`, the tooltip)."""
        waiting = status.waiting_for
        if status.last_seq == 0:
            return self.tr("This laptop has recorded nothing yet.")
        up_to = status.applied_up_to_at
        if waiting is None:
            if up_to is None:
                return self.tr("The coordinator has everything this laptop recorded.")
            return self.tr(
                "The coordinator has everything this laptop recorded, up to {time}."
            ).format(time=date_time(up_to))
        if status.applied_up_to == 0 or up_to is None:
            text = self.tr("The coordinator has nothing from this laptop yet.")
        else:
            text = self.tr("The coordinator has everything up to {time}.").format(
                time=date_time(up_to)
            )
        bundles = status.bundles_waiting
        if bundles == 1:
            text += " " + self.tr("It waits for 1 bundle written since.")
        elif bundles:
            text += " " + self.tr("It waits for %n bundles written since.", None, bundles)
        if status.held:
            text += " " + (
                self.tr("It holds 1 bundle until the missing changes arrive.")
                if len(status.held) == 1
                else self.tr(
                    "It holds %n bundles until the missing changes arrive.",
                    None,
                    len(status.held),
                )
            )
        if status.exported_up_to < status.last_seq:
            since = status.unexported_since
            text += " " + (
                self.tr("Changes recorded since {time} are not exported yet.").format(
                    time=date_time(since)
                )
                if since is not None
                else self.tr("Some changes are not exported yet.")
            )
        return text

    def acknowledged_numbers(self, status: RosterStatus) -> str:
        """The same in change numbers (this laptop's log), for the tooltip."""
        if status.last_seq == 0:
            return ""
        text = self.tr("This laptop recorded changes 1–{last}.").format(last=status.last_seq)
        if status.applied_up_to:
            text += " " + self.tr("The coordinator has changes {changes}.").format(
                changes=_span_text(1, status.applied_up_to)
            )
        waiting = status.waiting_for
        if waiting is not None:
            text += " " + self.tr("It waits for changes {changes}.").format(
                changes=_span_text(waiting[0], waiting[1])
            )
        if status.exported_up_to < status.last_seq:
            text += " " + self.tr("Changes {changes} are not exported yet.").format(
                changes=_span_text(status.exported_up_to + 1, status.last_seq)
            )
        return text
