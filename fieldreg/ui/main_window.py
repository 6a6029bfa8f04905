"""The desk's one window: first run or unlock while no store is open, then the pages of the work
(find first; register a person or a household; a person; the roster) switched by keyboard.

Ctrl+F find, Ctrl+N register a person, Ctrl+H register a household, Ctrl+R roster, Ctrl+Shift+S sync
(a laptop's store), Ctrl+Shift+I coordinator (a coordinator's store), Ctrl+Shift+D dashboard, Ctrl+L
lock, Ctrl+, settings; Esc (not taken by the page itself) goes back to find. After a save, Ctrl+P on
the confirmation prints the new bands (at once when a default printer is set). Locking and unlocking
are `lock_controller.LockController`'s and the status bar `desk_status.DeskStatus`'s; this module
navigates. A form is reset (`start_new()`) on its first visit and after each save, never on
navigation, so looking someone up halfway through a registration loses nothing. The other role's
page key (Ctrl+Shift+I on a laptop, Ctrl+Shift+S at a hub) says why that page is not there. Every
key works on a Cyrillic layout too (layout_keys); the window opens where it was left
(window_geometry).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import server_store
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.boarding_page import BoardingPage
from fieldreg.ui.context import UiContext
from fieldreg.ui.coordinator_page import CoordinatorPage
from fieldreg.ui.crash_report import LOGGER_NAME
from fieldreg.ui.dashboard_page import DashboardPage
from fieldreg.ui.desk_status import DeskStatus
from fieldreg.ui.first_run_wizard import FirstRunWizard
from fieldreg.ui.household_page import HouseholdPage
from fieldreg.ui.hub_sync import HubSync
from fieldreg.ui.idle_lock import IdleLock
from fieldreg.ui.layout_keys import LayoutShortcuts
from fieldreg.ui.lists_page import ListsPage
from fieldreg.ui.lock_controller import LockController
from fieldreg.ui.page import FormPage, Page
from fieldreg.ui.person_page import PersonPage
from fieldreg.ui.print_dialog import BAND, open_print_dialog, printed_text
from fieldreg.ui.register_page import RegisterPage
from fieldreg.ui.roster_page import RosterPage
from fieldreg.ui.search_page import SearchPage
from fieldreg.ui.server_password import ServerPasswordScreen
from fieldreg.ui.settings_dialog import SettingsDialog
from fieldreg.ui.store_watch import StoreWatch
from fieldreg.ui.sync_page import SyncPage
from fieldreg.ui.translations import Retranslates, Translators, resolve_language
from fieldreg.ui.transport_page import TransportPage
from fieldreg.ui.unlock_page import UnlockPage
from fieldreg.ui.window_geometry import remember, show_where_left

FIND, REGISTER, HOUSEHOLD, PERSON, ROSTER = "find", "register", "household", "person", "roster"
SYNC, COORDINATOR, DASHBOARD = "sync", "coordinator", "dashboard"
LISTS = "lists"
TRANSPORTS, BOARDING = "transports", "boarding"
STATUS_MS: Final = 8000


class MainWindow(Retranslates, QMainWindow):
    def __init__(
        self,
        context: UiContext,
        settings: Settings,
        translators: Translators,
        idle_lock: IdleLock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.settings = settings
        self._translators = translators
        self._started: set[str] = set()
        self._person_id: str | None = None  # an opaque id, kept to show the person again
        self._unlocked = False

        self.search_page = SearchPage(context)
        self.register_page = RegisterPage(context)
        self.household_page = HouseholdPage(context)
        self.person_page = PersonPage(context)
        self.roster_page = RosterPage(context)
        self.sync_page = SyncPage(context)
        self.coordinator_page = CoordinatorPage(context)
        self.dashboard_page = DashboardPage(context)
        self.lists_page = ListsPage(context)
        self.transport_page = TransportPage(context)
        self.boarding_page = BoardingPage(context)
        self.forms: dict[str, FormPage] = {
            REGISTER: self.register_page,
            HOUSEHOLD: self.household_page,
        }
        self.pages: dict[str, Page] = {
            FIND: self.search_page,
            REGISTER: self.register_page,
            HOUSEHOLD: self.household_page,
            PERSON: self.person_page,
            ROSTER: self.roster_page,
            SYNC: self.sync_page,
            COORDINATOR: self.coordinator_page,
            DASHBOARD: self.dashboard_page,
            LISTS: self.lists_page,
            TRANSPORTS: self.transport_page,
            BOARDING: self.boarding_page,
        }
        self.work = QStackedWidget()
        for page in self.pages.values():
            self.work.addWidget(page)
        self.unlock_page = UnlockPage(context)
        self.wizard: FirstRunWizard | None = None
        self.screens = QStackedWidget()
        self.screens.addWidget(self.unlock_page)
        self.screens.addWidget(self.work)
        self.setCentralWidget(self.screens)
        self.lock_controller = LockController(self, idle_lock)
        # Every window of the application (dialogs too) gets its shortcuts on any layout; the
        # filter goes with this window.
        self.layout_keys = LayoutShortcuts(lambda: translators.language, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.layout_keys)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("navigation")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.actions_by_name: dict[str, QAction] = {}
        self._page_actions = QActionGroup(self)
        self._page_actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.work.currentChanged.connect(self._mark_current_page)
        for name, keys, slot in (
            (FIND, "Ctrl+F", lambda: self.go(FIND)),
            (REGISTER, "Ctrl+N", lambda: self.go(REGISTER)),
            (HOUSEHOLD, "Ctrl+H", lambda: self.go(HOUSEHOLD)),
            (ROSTER, "Ctrl+R", lambda: self.go(ROSTER)),
            (SYNC, "Ctrl+Shift+S", lambda: self.go(SYNC)),
            (COORDINATOR, "Ctrl+Shift+I", lambda: self.go(COORDINATOR)),
            (DASHBOARD, "Ctrl+Shift+D", lambda: self.go(DASHBOARD)),
            (LISTS, "Ctrl+Shift+L", lambda: self.go(LISTS)),
            (TRANSPORTS, "Ctrl+Shift+T", lambda: self.go(TRANSPORTS)),
            (BOARDING, "Ctrl+Shift+B", lambda: self.go(BOARDING)),
            ("lock", "Ctrl+L", lambda: self.lock_controller.lock("manual")),
            ("settings", "Ctrl+,", self.open_settings),
        ):
            self._add_action(name, keys, slot)
        # The other role's page key says why that page is not here (a hidden action takes none).
        self._role_hints: dict[str, QShortcut] = {}
        for name in (SYNC, COORDINATOR):
            hint = QShortcut(self.actions_by_name[name].shortcut(), self)
            hint.setContext(Qt.ShortcutContext.WindowShortcut)
            hint.activated.connect(lambda page=name: self._explain_missing(page))
            self._role_hints[name] = hint

        self.status = DeskStatus(context, self.statusBar())
        self.hub_sync = HubSync(context, settings, self)  # automatic sync with the hub, if set
        self.statusBar().addPermanentWidget(self.hub_sync.label)
        self.store_watch = StoreWatch(context, self)  # what other processes write to the store
        self.sync_page.role_known.connect(self._show_role)
        self.sync_page.exported.connect(self.status.refresh)
        self._show_role("")
        context.open_person.connect(self.show_person)
        self.unlock_page.unlocked.connect(self.lock_controller.unlocked)
        for page in (self.register_page, self.household_page):
            page.saved.connect(self._saved)
            page.cancelled.connect(lambda: self.go(FIND))
        self.person_page.closed.connect(lambda: self.go(FIND))
        self.person_page.bands.printed.connect(self._show_printed)
        self.search_page.print_requested.connect(self._print_saved)
        self.search_page.register_requested.connect(lambda: self.go(REGISTER))
        self.lists_page.lists_changed.connect(self.register_page.forget_sought_lists)
        self.resize(1100, 720)
        self.retranslateUi()
        self._set_unlocked(False)

    def _add_action(self, name: str, keys: str, slot: Callable[[], object]) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        if name in self.pages:
            action.setCheckable(True)  # the pressed button says which page is shown
            self._page_actions.addAction(action)
        self.toolbar.addAction(action)
        self.actions_by_name[name] = action

    # --- start ------------------------------------------------------------------------------

    def start(self) -> None:
        """First run when the data folder holds no store, else the unlock screen (and, for a
        server's store that wants a password, the password screen first)."""
        if self.context.data_dir.exists():
            self.show_unlock("start")
            self._ask_server_password()
            return
        self.wizard = FirstRunWizard(self.context)
        self.wizard.created.connect(lambda operator_id: self.show_unlock("created", operator_id))
        self.wizard.store_opened.connect(self._use_store)
        self.screens.addWidget(self.wizard)
        self.screens.setCurrentWidget(self.wizard)

    def _ask_server_password(self) -> None:
        """Ask the saved server, on the worker, whether it wants a password this run; if so the
        password screen replaces the unlock screen until the server accepts one."""
        directory = self.context.data_dir
        address = directory.store_url
        if address is None or directory.password is not None:
            return

        def failed(error: BaseException) -> None:
            if not isinstance(error, FieldregError):
                raise error
            if not server_store.needs_password(error):
                return  # unreachable or no store: the unlock screen says so when used
            screen = ServerPasswordScreen(self.context)
            screen.password.opened.connect(partial(self._password_given, screen))
            self.screens.addWidget(screen)
            self.screens.setCurrentWidget(screen)
            screen.ask(directory, error)

        self.context.worker.submit(
            lambda: server_store.require_server_store(address), lambda _answer: None, failed
        )

    def _password_given(self, screen: QWidget, directory: DataDir) -> None:
        self.context.data_dir = directory  # the password for this run, in memory only
        self.show_unlock("start")
        self.screens.removeWidget(screen)
        screen.deleteLater()

    def show_on_screen(self) -> None:
        """Show the window where it was left, or at its first size (see window_geometry)."""
        show_where_left(self, self.settings, self.roster_page.columns_width())

    def _use_store(self, directory: DataDir) -> None:
        self.context.data_dir = directory
        if directory.store_url is not None:  # a server's store: its address, never a password
            self.settings.set("store_url", directory.store_url)
        else:
            self.settings.set("store_folder", str(directory.root))
        with contextlib.suppress(FieldregError):  # only the reminder for the next start is lost
            self.settings.save()
        self.show_unlock("start")

    def show_unlock(self, reason: str, operator_id: str | None = None) -> None:
        self._set_unlocked(False)
        self.screens.setCurrentWidget(self.unlock_page)
        self.unlock_page.prepare(reason, operator_id)
        if self.wizard is not None and reason == "created":
            self.screens.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def show_work(self, page: str) -> None:
        self._set_unlocked(True)
        self.screens.setCurrentWidget(self.work)
        self.statusBar().clearMessage()
        if page == PERSON and self._person_id:
            self.show_person(self._person_id)
        else:
            self.go(page if page != PERSON else FIND)

    def _set_unlocked(self, unlocked: bool) -> None:
        if unlocked != self._unlocked:
            self._unlocked = unlocked
            # What happened, never to whom: the log holds no personal data.
            logging.getLogger(LOGGER_NAME).info("store %s", "unlocked" if unlocked else "locked")
        for name, action in self.actions_by_name.items():
            action.setEnabled(unlocked or name == "settings")
        self._enable_role_hints()
        if not unlocked:
            self.status.clear()

    def _enable_role_hints(self) -> None:
        unlocked = self.actions_by_name[FIND].isEnabled()
        for name, hint in self._role_hints.items():
            hint.setEnabled(unlocked and not self.actions_by_name[name].isVisible())

    def _explain_missing(self, page: str) -> QMessageBox:
        """Why the other role's page is not here (a box: too long for the status bar)."""
        if page == COORDINATOR:
            title = self.tr("No Coordinator page on this laptop")
            text = self.tr(
                "This store is a reception point's. Bundles are imported at a coordinator hub, "
                "a store created with “Create a coordinator hub” on its first run. This laptop "
                "hands its work over on the Sync page (Ctrl+Shift+S)."
            )
        else:
            title = self.tr("No Sync page at a coordinator hub")
            text = self.tr(
                "This store is a coordinator hub: the laptops' bundles are imported, and the "
                "roster sent back, on the Coordinator page (Ctrl+Shift+I)."
            )
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self)
        box.setObjectName("missingPage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --- navigation ---------------------------------------------------------------------------

    @property
    def current_page(self) -> str:
        current = self.work.currentWidget()
        return next((name for name, page in self.pages.items() if page is current), FIND)

    def go(self, name: str) -> None:
        if self.context.session is None:
            return
        page = self.pages[name]
        if name in (SYNC, COORDINATOR) and not self.actions_by_name[name].isVisible():
            return  # the other role's page
        searched = self.search_page.unmatched_fields() if self.current_page == FIND else None
        form = self.forms.get(name)
        if form is not None:
            self.search_page.end_saved()  # the next registration: Ctrl+P is its own now
            if name not in self._started:
                self._started.add(name)
                form.start_new()
            if searched:
                form.fill_from_search(searched)
        if name == ROSTER:
            self.roster_page.reload()
        if name != PERSON:
            self._person_id = None
        self.work.setCurrentWidget(page)
        self._mark_current_page()
        # Focus is given here, after the page is shown: the stacked widget hands it back to the
        # page's last focused field (Region, Date of birth...), whatever start_new() chose.
        page.focus_first()

    def _show_role(self, role: str) -> None:
        """A coordinator's store imports (Coordinator page); a laptop's enrolls and exports."""
        self.actions_by_name[SYNC].setVisible(role != "coordinator")
        self.actions_by_name[COORDINATOR].setVisible(role == "coordinator")
        self._enable_role_hints()

    def _mark_current_page(self) -> None:
        current = self.current_page
        for name, action in self.actions_by_name.items():
            if action.isCheckable():
                action.setChecked(name == current)

    def show_person(self, person_id: str) -> None:
        if self.context.session is None:
            return
        self._person_id = person_id
        self.search_page.end_saved()  # Ctrl+P prints the person shown
        self.person_page.show_person(person_id)
        self.work.setCurrentWidget(self.person_page)

    def _saved(self, ids: list[str]) -> None:
        page = self.sender()
        if isinstance(page, (RegisterPage, HouseholdPage)):
            page.start_new()
        self.status.refresh_soon()
        if self.context.session is None:
            return  # locked while the save was on its way: the shell shows the unlock screen
        self.go(FIND)
        self.search_page.focus_search(clear=True)
        household = page.saved_household if isinstance(page, HouseholdPage) else None
        alone = page.saved_child_alone if isinstance(page, RegisterPage) else False
        self.search_page.show_saved(ids, household, child_alone=alone)
        self.statusBar().showMessage(self.tr("Saved: {ids}").format(ids=", ".join(ids)), STATUS_MS)

    def _print_saved(self, targets: list[str]) -> None:
        dialog = open_print_dialog(self, self.context, targets, BAND, start=True)
        dialog.printed.connect(self._show_printed)

    def _show_printed(self, result: object) -> None:
        self.statusBar().showMessage(printed_text(result), STATUS_MS)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Reached only when the focused page did not take Esc itself (a form asks first).
        if event.key() == Qt.Key.Key_Escape and self.screens.currentWidget() is self.work:
            if self.current_page == FIND:
                self.search_page.focus_search(clear=True)
            else:
                self.go(FIND)
            return
        super().keyPressEvent(event)

    # --- settings -----------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(
            self.settings,
            self.apply_settings,
            self.context.describe,
            self,
            print_dir=self.context.data_dir,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def apply_settings(self, language: str, idle_minutes: int) -> None:
        self._translators.switch(resolve_language(language))
        self.lock_controller.set_idle_minutes(idle_minutes)

    # --- texts and closing ----------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("fieldreg: registration desk"))
        self.toolbar.setWindowTitle(self.tr("Navigation"))
        words = {
            FIND: self.tr("Find"),
            REGISTER: self.tr("Register person"),
            HOUSEHOLD: self.tr("Register household"),
            ROSTER: self.tr("Roster"),
            SYNC: self.tr("Sync"),
            COORDINATOR: self.tr("Coordinator"),
            DASHBOARD: self.tr("Dashboard"),
            LISTS: self.tr("Sought lists"),
            TRANSPORTS: self.tr("Transports"),
            BOARDING: self.tr("Boarding"),
            "lock": self.tr("Lock"),
            "settings": self.tr("Settings"),
        }
        for name, action in self.actions_by_name.items():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(words[name])
            action.setToolTip(f"{words[name]} ({keys})")

    def closeEvent(self, event: QCloseEvent) -> None:
        remember(self, self.settings)
        self.lock_controller.shut_down()
        super().closeEvent(event)
