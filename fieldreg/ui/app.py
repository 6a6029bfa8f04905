"""The desk application: everything is built here and passed down (no globals, no singletons).

`fieldreg` without a subcommand calls `main(data_dir, argv)`. Settings and the log live in the
data folder it was started with; the store too, unless that folder has none and the volunteer
once chose "open an existing store folder" or a server's address, which the settings remember
(`store_folder`, `store_url`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from fieldreg import __version__
from fieldreg.core.errors import ValidationError
from fieldreg.services.paths import DataDir
from fieldreg.services.portable import portable_root
from fieldreg.services.server_store import server_address
from fieldreg.services.settings import Settings
from fieldreg.ui.about_dialog import application_icon
from fieldreg.ui.context import UiContext
from fieldreg.ui.crash_dialog import CrashHandler
from fieldreg.ui.crash_report import close_log, open_log
from fieldreg.ui.idle_lock import IdleLock
from fieldreg.ui.main_window import MainWindow
from fieldreg.ui.translations import Translators, resolve_language
from fieldreg.ui.worker import Worker


def store_dir(data_dir: DataDir, settings: Settings) -> DataDir:
    """Where the store is: the data folder, the PostgreSQL server opened on an earlier run (the
    data folder then holds this workstation's key file, settings and logs), or the folder
    opened on an earlier run."""
    if data_dir.store_url is not None or data_dir.db.exists():
        return data_dir
    address = settings.get("store_url")
    if isinstance(address, str) and address:
        try:
            return DataDir(data_dir.root, server_address(address))
        except ValidationError:
            pass  # edited by hand into something else (or with a password): not used
    if data_dir.exists():
        return data_dir
    chosen = settings.get("store_folder")
    if isinstance(chosen, str) and chosen:
        candidate = DataDir(Path(chosen))
        if candidate.exists():
            return candidate
    return data_dir


# Exit status of a desk started where Qt finds no screen (the CLI's usage error).
NO_SCREEN_EXIT = 2
NO_SCREEN = (
    "fieldreg: the desk cannot open a window here: there is no screen to show it on ({detail}). "
    "Start it from the laptop's desktop, or use the command line (fieldreg --help)."
)


def _new_application(argv: list[str]) -> QApplication:
    """QApplication(argv); where Qt finds no screen (a session over SSH, a display that went
    away) one sentence and exit status 2 instead of Qt's abort, its core dump and its advice
    to reinstall. What Qt says while it starts is held back and printed only if it starts."""
    said: list[str] = []

    def hold(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            detail = next((m for m in said if "display" in m), message.splitlines()[0])
            sys.stderr.write(NO_SCREEN.format(detail=detail.strip()) + "\n")
            sys.stderr.flush()
            os._exit(NO_SCREEN_EXIT)  # Qt aborts the process when this returns
        said.append(message)

    previous = qInstallMessageHandler(hold)  # None: Qt's own
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for message in said:
        sys.stderr.write(message + "\n")
    return app


def application(argv: list[str]) -> QApplication:
    existing = QCoreApplication.instance()
    app = existing if isinstance(existing, QApplication) else _new_application(argv)
    app.setApplicationName("fieldreg")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("fieldreg")
    app.setWindowIcon(application_icon())
    return app


def build_window(
    app: QApplication, data_dir: DataDir, settings: Settings
) -> tuple[MainWindow, IdleLock]:
    """The window and its parts; also used by the screenshot script and the benchmark."""
    translators = Translators(app)
    translators.switch(resolve_language(settings.language))
    worker = Worker()
    context = UiContext(store_dir(data_dir, settings), worker)
    idle_lock = IdleLock(settings.idle_lock_minutes * 60_000)
    window = MainWindow(context, settings, translators, idle_lock)
    worker.setParent(window)
    context.setParent(window)
    return window, idle_lock


def main(data_dir: DataDir, argv: list[str]) -> int:
    os.umask(0o077)  # the log, settings and store are private whoever starts this
    app = application(argv)
    logger = open_log(data_dir.logs)
    settings = Settings.load(data_dir)
    window, idle_lock = build_window(app, data_dir, settings)
    crash = CrashHandler(logger, lambda: window)
    crash.install()
    window.context.worker.unhandled = crash.report
    try:
        window.start()
        window.show_on_screen()
        # Which screen opened, in which language, from where: what a helper on the phone asks
        # first ("it opened the first-run wizard in English"); no personal data.
        logger.info(
            "fieldreg %s started: %s, language %s%s",
            __version__,
            "first run" if window.wizard is not None else "unlock",
            resolve_language(settings.language),
            ", portable" if data_dir.root == portable_root(forced=True) else "",
        )
        code = app.exec()
    finally:
        window.lock_controller.shut_down()
        idle_lock.stop()
        crash.uninstall()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        logger.info("fieldreg stopped")
        close_log(logger)
    return code
