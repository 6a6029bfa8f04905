"""The coordinator's page (shown only on a coordinator's store): import many bundle files at once
with progress and Cancel (Esc), and what each file did; write rosters back for the laptops
(fieldreg.ui.roster_write_dialog); then, in tabs (Alt+letter), the open
conflicts side by side with a choice, the people likely registered twice (fieldreg.ui.
duplicate_review), the quarantined files with their reasons, the bundles held until a missing one
arrives, the enrolled devices (approve a request, revoke a device), and each device's last
contact by the hub or by file, what it sent and still lacks (services/hub/overview.py).

Every store call runs on the worker. Names appear only in the conflicts and the duplicate review,
and are cleared on lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.entities import FieldValue
from fieldreg.core.errors import Cancelled, FieldregError
from fieldreg.services import duplicates, erasure, sync_desk
from fieldreg.services import sync_service as sync
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.services.hub.overview import DeviceContact, device_contacts
from fieldreg.services.session import Session
from fieldreg.ui.conflict_panel import ConflictPanel
from fieldreg.ui.context import UiContext
from fieldreg.ui.dates import date_time_ms
from fieldreg.ui.device_dialogs import DevicesTab
from fieldreg.ui.duplicate_review import DuplicateReview, Review, review
from fieldreg.ui.erasure_panel import ErasurePanel
from fieldreg.ui.error_dialog import show_store_error
from fieldreg.ui.field_widgets import ErrorLabel, push_button
from fieldreg.ui.import_results import ImportResults, device_text, plain_table
from fieldreg.ui.page import Page
from fieldreg.ui.person_history import local_time
from fieldreg.ui.register_page import page_title
from fieldreg.ui.roster_write_dialog import RosterWriteDialog
from fieldreg.ui.task_progress import TaskProgress
from fieldreg.ui.translations import Retranslates

RESULTS, CONFLICTS, DUPLICATES, QUARANTINE, HELD, DEVICES, HUB, ERASURES = range(8)


@dataclass(frozen=True, slots=True)
class Loaded:
    overview: sync_desk.Overview
    names: dict[str, str]  # person id -> name, for the conflicts
    review: Review  # the duplicate marks (likely pairs are looked for on request)
    erasures: list[erasure.ErasureRequest]  # pending, waiting for another operator
    contacts: list[DeviceContact]  # each enrolled device's contact with the hub


def load(session: Session) -> Loaded:
    """Runs on the worker: everything the tabs show."""
    overview = sync_desk.overview(session)
    names = {}
    for conflict in overview.conflicts:
        fields = session.people.summary(conflict.person_id) or {}
        parts = [fields.get(key) for key in ("family_name", "given_name", "patronymic")]
        names[conflict.person_id] = " ".join(p for p in parts if isinstance(p, str) and p)
    return Loaded(
        overview,
        names,
        review(session, None),
        erasure.pending_erasures(session),
        device_contacts(session),
    )


class CoordinatorPage(Retranslates, Page, QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatorPage")
        self._context = context
        self._job = 0  # reading the tabs, or settling a conflict (an import has its own Cancel)
        self._loaded: Loaded | None = None
        self._folder = ""
        self._title = QLabel()
        page_title(self._title)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self.import_button = push_button()
        self.import_button.clicked.connect(self.choose_and_import)
        self.import_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.rosters_button = push_button()
        self.rosters_button.clicked.connect(self.write_rosters)
        self.rosters_dialog: RosterWriteDialog | None = None  # the last one opened
        self.rosters_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = TaskProgress(context)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = ErrorLabel()
        self.results = ImportResults(context)
        self.conflicts = ConflictPanel()
        self.conflicts.chosen.connect(self.resolve)
        self.conflicts.open_person.connect(context.open_person)
        self.duplicates = DuplicateReview(context)
        self.duplicates.look_requested.connect(self.look_for_duplicates)
        self.duplicates.mark_requested.connect(self.mark_duplicate)
        self.duplicates.unmark_requested.connect(self.unmark_duplicate)
        self.duplicates.open_person.connect(context.open_person)
        self.duplicates.counted.connect(self._render_tab_texts)
        self._imported: list[str] = []  # people the last import brought
        self.quarantine = plain_table(3)
        self.held = plain_table(3)
        self.hub = plain_table(len(HUB_COLUMNS))
        self.hub.setObjectName("hubContacts")
        self.devices = DevicesTab(context)
        self.devices.changed.connect(self.refresh)
        self.erasures = ErasurePanel(context)
        self.erasures.changed.connect(self.refresh)
        self.erasures.erased.connect(lambda person: context.people_changed.emit([person]))
        self.tabs = QTabWidget()
        tabs = (
            self.results,
            self.conflicts,
            self.duplicates,
            self.quarantine,
            self.held,
            self.devices,
            self.hub,
            self.erasures,
        )
        for widget in tabs:
            self.tabs.addTab(widget, "")
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.rosters_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        context.locked.connect(self.clear_personal_data)
        # Another workstation's import, or the hub beside this desk: conflicts, duplicates,
        # devices and hub contacts read again while the page is shown (else when it is shown).
        context.changed_elsewhere.connect(self._changed_elsewhere)
        self.retranslateUi()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
        self._job = self._context.run(load, self._on_loaded, self._on_error)

    def _on_loaded(self, loaded: Loaded) -> None:
        self._job = 0
        self._show_loaded(loaded)

    def _show_loaded(self, loaded: Loaded) -> None:
        self._loaded = loaded
        self.conflicts.show_conflicts(loaded.overview.conflicts, loaded.names)
        self.duplicates.show_review(loaded.review)
        self.devices.show_devices(loaded.overview.devices)
        self.erasures.show_requests(loaded.erasures)
        self._render()

    def _on_error(self, error: BaseException) -> None:
        self._job = 0
        show_store_error(self, self._context, error)

    def _changed_elsewhere(self, _ids: list[str]) -> None:
        if self.isVisible() and not self._job and not self.progress.running:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._context.session is not None and not self.progress.running:
            self.refresh()

    def clear_personal_data(self) -> None:
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self.progress.cancel()
        self._loaded = None
        self.results.show_outcomes([], {})
        self.conflicts.show_conflicts([], {})
        self.duplicates.clear_personal_data()
        self._imported = []
        self.devices.show_devices([])
        self.erasures.show_requests([])
        self.error.clear_error()
        self._render()

    # --- import -------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the bundle files"),
            self._folder or str(Path.home()),
            self.tr("Bundles (*.bundle);;All files (*)"),
        )
        if chosen:
            self.import_files([Path(name) for name in chosen])

    def import_files(self, paths: list[Path]) -> None:
        if self.progress.running or self._context.session is None or not paths:
            return
        self._folder = str(paths[0].parent)
        self.error.clear_error()
        progress, cancelled = self.progress.begin()
        workers = 1 if len(paths) > 2 else 0  # decrypt the next file while one is applied

        def call(session: Session) -> tuple[list[FileOutcome], Loaded]:
            outcomes = sync.import_bundles(
                session, paths, progress=progress, cancelled=cancelled, workers=workers
            )
            return outcomes, load(session)

        self.import_button.setEnabled(False)
        self.progress.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._job:
            self._context.worker.cancel(self._job)
            self._job = 0
        self._context.run(call, self._on_imported, self._import_failed)

    def _on_imported(self, answer: tuple[list[FileOutcome], Loaded]) -> None:
        self.progress.end()
        self.import_button.setEnabled(True)
        outcomes, loaded = answer
        devices = {d.device_id: (d.name, d.prefix) for d in loaded.overview.devices}
        self.results.show_outcomes(outcomes, devices)
        self._show_loaded(loaded)
        changed = sorted({p for o in outcomes if o.result for p in o.result.people})
        if changed:
            self._context.people_changed.emit(changed)
            self._imported = changed
            self.duplicates.set_imported(len(changed))
        new_conflicts = any(o.result and o.result.conflicts for o in outcomes)
        self.tabs.setCurrentIndex(CONFLICTS if new_conflicts else RESULTS)
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _import_failed(self, error: BaseException) -> None:
        self.progress.end()
        self.import_button.setEnabled(True)
        if not isinstance(error, FieldregError):
            raise error
        if self._context.session is None:
            return  # locked meanwhile: nothing to tell on the unlock screen
        self.error.show_text(lambda: self._context.describe(error))
        self.refresh()  # files before the one that failed were imported
        self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- rosters ------------------------------------------------------------------------------

    def write_rosters(self) -> RosterWriteDialog | None:
        """The devices to write for, ticked, in a dialog; None until the devices are read."""
        if self._loaded is None:
            return None
        dialog = RosterWriteDialog(self._context, self._loaded.overview.devices, self)
        dialog.open()
        self.rosters_dialog = dialog
        return dialog

    # --- conflicts ----------------------------------------------------------------------------

    def resolve(self, person_id: str, field: str, value: FieldValue) -> None:
        self._change(lambda s: sync_desk.resolve(s, person_id, field, value), person_id)

    def _change(self, change: Callable[[Session], object], person_id: str) -> None:
        """Change one person on the worker (settle a conflict, mark or unmark), then show the
        tabs again; on failure show why and read the tabs again (the conflict may have been
        settled, the mark undone, elsewhere meanwhile)."""

        def call(session: Session) -> Loaded:
            change(session)
            return load(session)

        def done(loaded: Loaded) -> None:
            self._on_loaded(loaded)
            self._context.people_changed.emit([person_id])

        def failed(error: BaseException) -> None:
            self._on_error(error)
            self.refresh()

        if self._job:
            self._context.worker.cancel(self._job)
        self._job = self._context.run(call, done, failed)

    # --- duplicates ---------------------------------------------------------------------------

    def look_for_duplicates(self, imported_only: bool) -> None:
        if self.duplicates.progress.running or self._context.session is None:
            return
        people = list(self._imported) if imported_only else None
        progress, cancelled = self.duplicates.begin_looking()
        self._render_tab_texts()

        def call(session: Session) -> Review:
            marks = duplicates.marked_duplicates(session)
            found = duplicates.likely_duplicates(
                session, people, progress=progress, cancelled=cancelled, marks=marks
            )
            return review(session, found, marks)

        def done(found: Review) -> None:
            self.duplicates.end_looking(found)

        def failed(error: BaseException) -> None:
            self.duplicates.end_looking(None)
            if not isinstance(error, Cancelled):
                self._on_error(error)

        self._context.run(call, done, failed)

    def mark_duplicate(self, person_id: str, of_id: str) -> None:
        self._change(lambda s: duplicates.mark(s, person_id, of_id), person_id)

    def unmark_duplicate(self, person_id: str, of_id: str) -> None:
        self._change(lambda s: duplicates.unmark(s, person_id, of_id), person_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.progress.escape_cancels(event):
            super().keyPressEvent(event)

    # --- texts --------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Coordinator"))
        self._intro.setText(
            self.tr(
                "Import the bundles the laptops brought. Each file is checked (certificate, "
                "signature, chain) before anything changes; a file that fails is moved to "
                "quarantine with its reason, and the store stays as it was."
            )
        )
        self.import_button.setText(self.tr("Import bundle files…"))
        self.rosters_button.setText(self.tr("Write rosters…"))
        self.quarantine.setHeaderLabels([self.tr("When"), self.tr("File"), self.tr("Reason")])
        self.quarantine.setAccessibleName(self.tr("Quarantined files"))
        self.held.setHeaderLabels([self.tr("Device"), self.tr("Events"), self.tr("Waiting for")])
        self.held.setAccessibleName(self.tr("Held bundles"))
        self.hub.setHeaderLabels(
            [
                self.tr("Device"),
                self.tr("Last contact"),
                self.tr("Bundles sent"),
                self.tr("Applied"),
                self.tr("Still lacking"),
                self.tr("Rosters fetched"),
                self.tr("State"),
            ]
        )
        self.hub.setAccessibleName(self.tr("Each device's last contact, by the hub or by file"))
        self.conflicts.setAccessibleName(self.tr("Open conflicts"))
        self.tabs.setAccessibleName(self.tr("What the imports left to review"))
        # QTabBar names its scroll buttons only when made: name them again in Qt's own words.
        arrows = self.tabs.tabBar().findChildren(QToolButton)
        for button, source in zip(arrows, ("Scroll Left", "Scroll Right"), strict=False):
            button.setAccessibleName(QCoreApplication.translate("QTabBar", source))
        self._render()

    def _render_tab_texts(self) -> None:
        count = self.duplicates.candidate_count
        self.tabs.setTabText(DUPLICATES, self.tr("Du&plicates ({count})").format(count=count))

    def _render(self) -> None:
        overview = self._loaded.overview if self._loaded is not None else None
        self.rosters_button.setEnabled(bool(overview and overview.devices))
        counts = (
            (0, 0, 0, 0)
            if overview is None
            else (
                len(overview.conflicts),
                len(overview.quarantined),
                len(overview.held),
                len(overview.devices),
            )
        )
        self.tabs.setTabText(RESULTS, self.tr("Import &results"))
        self.tabs.setTabText(CONFLICTS, self.tr("&Conflicts ({count})").format(count=counts[0]))
        self._render_tab_texts()
        self.tabs.setTabText(QUARANTINE, self.tr("&Quarantine ({count})").format(count=counts[1]))
        self.tabs.setTabText(HELD, self.tr("&Held ({count})").format(count=counts[2]))
        self.tabs.setTabText(DEVICES, self.tr("&Devices ({count})").format(count=counts[3]))
        contacts = self._loaded.contacts if self._loaded is not None else []
        reached = sum(1 for c in contacts if c.contact_ms is not None)
        self.tabs.setTabText(HUB, self.tr("Hu&b contact ({count})").format(count=reached))
        erasures = len(self._loaded.erasures) if self._loaded is not None else 0
        self.tabs.setTabText(ERASURES, self.tr("Era&sures ({count})").format(count=erasures))
        self.summary.setText(self.results.summary())
        self.quarantine.clear()
        self.held.clear()
        self.hub.clear()
        for contact in contacts:
            self.hub.addTopLevelItem(QTreeWidgetItem(self._contact_row(contact)))
        if overview is None:
            return
        for entry in reversed(overview.quarantined):  # newest first
            reason = self._context.describe(FieldregError(entry.code, **entry.params))
            item = QTreeWidgetItem([_when(entry.when), entry.path.name, reason])
            item.setToolTip(2, reason)
            self.quarantine.addTopLevelItem(item)
        for held in overview.held:
            self.held.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        device_text(held.device, held.prefix),
                        f"{held.first}–{held.last}",
                        self.tr("events {first}–{last}").format(
                            first=held.missing_from, last=held.first - 1
                        ),
                    ]
                )
            )

    def _contact_row(self, contact: DeviceContact) -> list[str]:
        """One device's row of the hub tab (HUB_COLUMNS)."""
        when_ms = contact.contact_ms
        if when_ms is None:
            when = self.tr("no contact yet")
        elif contact.route == "file":
            when = self.tr("{when} by file").format(when=date_time_ms(when_ms))
        else:
            when = self.tr("{when} by hub").format(when=date_time_ms(when_ms))
        routes = []
        if contact.bundles_sent:
            routes.append(self.tr("{count} by hub").format(count=contact.bundles_sent))
        if contact.sent_by_file:
            routes.append(self.tr("{count} by file").format(count=contact.sent_by_file))
        lacking = []
        if contact.missing:
            lacking.append(
                self.tr("events {first}–{last}").format(
                    first=contact.applied_up_to + 1, last=contact.sent_up_to
                )
            )
        if contact.held:
            lacking.append(self.tr("bundles held: {count}").format(count=contact.held))
        return [
            device_text(contact.name, contact.prefix),
            when,
            ", ".join(routes) if routes else "0",
            str(contact.bundles_applied + contact.bundles_by_file),
            "; ".join(lacking) if lacking else self.tr("nothing"),
            str(contact.rosters_fetched),
            self.tr("revoked") if contact.revoked else self.tr("enrolled"),
        ]


HUB_COLUMNS = ("device", "last contact", "sent", "applied", "lacking", "rosters", "state")


def _when(text: str) -> str:
    try:
        return local_time(dt.datetime.fromisoformat(text))
    except ValueError:
        return text
