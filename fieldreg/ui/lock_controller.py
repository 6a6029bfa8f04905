"""Locking and unlocking the window (Ctrl+L, idle time, closing).

Lock, in this order:
1. `context.session = None` (no new store call can start) and the unlock screen replaces the
   work at once, so nothing personal stays in view.
2. A no-op job goes through the worker: jobs run one at a time and their answers arrive in order,
   so once it is back every answer that was on its way has been delivered (a save that completed
   is known as saved, and is not kept as a draft).
3. Each page's unsaved input (`export_draft()`, see page.py) is sealed with the store's key
   (`SealedDrafts`); every page clears every personal value (`clear_personal_data()`),
   `context.locked` is emitted for everyone else, dialogs over the window are closed and the
   clipboard is cleared if it holds what the application put there.
4. `session.lock()` runs on the worker: it drops the key and the index and closes the database.

Unlock gives the session to the context, opens the sealed drafts with its key, hands each page its
own (`import_draft(dict)`) and shows the page the volunteer was on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from fieldreg.services.sealed_drafts import SealedDrafts
from fieldreg.services.session import Session
from fieldreg.ui.crash_dialog import CrashDialog
from fieldreg.ui.idle_lock import IdleLock

if TYPE_CHECKING:
    from fieldreg.ui.main_window import MainWindow


class LockController(QObject):
    def __init__(self, window: MainWindow, idle_lock: IdleLock) -> None:
        super().__init__(window)
        self._window = window
        self._idle = idle_lock
        self._drafts = SealedDrafts()
        self._return_to = "find"
        idle_lock.idle.connect(lambda: self.lock("idle"))

    @property
    def drafts_held(self) -> bool:
        return self._drafts.held

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.set_interval(minutes * 60_000)

    def lock(self, reason: str) -> None:
        window = self._window
        context = window.context
        session = context.session
        if session is None:
            return
        self._return_to = window.current_page
        context.session = None
        self._idle.stop()
        window.show_unlock(reason, session.operator_id)
        context.worker.submit(lambda: None, lambda _none: self._seal_and_clear(session))

    def _seal_and_clear(self, session: Session) -> None:
        try:
            self._keep_drafts(session)
        finally:
            try:
                self._clear_window()
            finally:
                # Even if a page failed above (a bug, for the crash dialog), the key goes.
                self._window.context.worker.submit(session.lock, lambda _none: None)

    def _keep_drafts(self, session: Session) -> None:
        drafts: dict[str, dict[str, Any]] = {}
        for name, page in self._window.pages.items():
            draft = page.export_draft()
            if draft:
                drafts[name] = draft
        self._drafts.seal(session.data_key, drafts)
        if drafts:
            self._window.unlock_page.set_reason("drafts")

    def _clear_window(self) -> None:
        window = self._window
        failures: list[Exception] = []
        for page in window.pages.values():
            try:  # one page's bug must not leave the others' data on screen
                page.clear_personal_data()
            except Exception as exc:  # raised again below, for the crash dialog
                failures.append(exc)
        window.context.locked.emit()
        for widget in QApplication.topLevelWidgets():
            # Dialogs of the pages may show people; a crash report never does and stays.
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and not isinstance(widget, CrashDialog)
            ):
                widget.reject()
        window.context.clipboard.clear_if_ours()
        window.unlock_page.take_focus()  # a page clearing its form may have taken it, unseen
        if failures:
            raise failures[0]

    def unlocked(self, session: Session) -> None:
        window = self._window
        window.context.session = session
        drafts = self._drafts.open(session.data_key)
        window.show_work(self._return_to)
        self._return_to = "find"
        for name, draft in drafts.items():  # after showing: a first visit's start_new() is done
            page = window.pages.get(name)
            if page is not None:
                page.import_draft(draft)
        self._idle.start()
        window.status.refresh()
        window.context.unlocked.emit()

    def shut_down(self) -> None:
        """Closing the program: wait for the store calls under way, then lock for good."""
        context = self._window.context
        session = context.session
        context.session = None
        self._idle.stop()
        self._drafts.discard()
        context.worker.wait()
        if session is not None and not session.locked:
            session.lock()
