"""A coordinator's store on a PostgreSQL server whose role needs a password: the first run
asks for it under the address when the server says so (echo off, focus in the field), a wrong
one is said and changes nothing, the right one opens the store; the password stays in memory
for the run (never in the saved address, the settings, the log or any file), and the next
start asks for it again before the unlock screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from fieldreg.core.errors import StoreError
from fieldreg.services import server_store
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.app import store_dir
from fieldreg.ui.main_window import MainWindow
from fieldreg.ui.server_password import ServerPasswordScreen
from tests.conftest import PASSPHRASE
from tests.pg_support import ROLE, Cluster, running_cluster, server_bin
from tests.sync.sync_support import create_coordinator
from tests.ui.desk import shown_window
from tests.ui.keyboard import ALT, CTRL, ENTER, focused, press, type_then

PASSWORD_ROLE = "desk_operator"
PASSWORD = "synthetic-Pass-4711"  # a test role's password, nobody's real one
NEEDED = "The database server asks for a password"
REFUSED = "The database server refused this password"


@pytest.fixture(scope="module")
def password_server() -> Iterator[Cluster]:
    """This module's own server: the shared fixture's trust for its role, plus a role that
    must give a password (scram-sha-256 over the socket)."""
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    with running_cluster(bin_dir, fsync=False) as cluster:
        hba = cluster.socket_dir / "data" / "pg_hba.conf"
        rules = hba.read_text()
        hba.write_text(f"local all {PASSWORD_ROLE} scram-sha-256\n{rules}")
        with psycopg.connect(
            dbname="postgres", user=ROLE, host=str(cluster.socket_dir), port=cluster.port
        ) as admin:
            admin.autocommit = True
            admin.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
            admin.execute("SELECT pg_reload_conf()")
        yield cluster


@pytest.fixture
def server_url(password_server: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A coordinator's store on the server (made by its trusted role), as the password role's
    address; libpq's own ways to a password are out of the way."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    database = password_server.create_database()
    create_coordinator(tmp_path / "first", store_url=password_server.url(database))
    return password_server.url(database).replace(f"//{ROLE}@", f"//{PASSWORD_ROLE}@")


def _window(qtbot: QtBot, qapp: QApplication, folder: DataDir) -> MainWindow:
    window = shown_window(qtbot, qapp, store_dir(folder, Settings.load(folder)))
    # In this window: a dialog another test left open may hold the focus until this one is active.
    qtbot.waitUntil(lambda: _focus_in(window))
    return window


def _focus_in(window: MainWindow) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is window or window.isAncestorOf(widget))


def _shut(window: MainWindow) -> None:
    window.lock_controller.shut_down()
    window.context.worker.wait()


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.unlock_page)
    qtbot.waitUntil(lambda: focused() is window.unlock_page.passphrase, timeout=10_000)
    type_then(qtbot, PASSPHRASE, ENTER)
    qtbot.waitUntil(window.actions_by_name["coordinator"].isVisible, timeout=30_000)


def _no_file_holds_the_password(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path.name


def _open_on_first_run(qtbot: QtBot, window: MainWindow, url: str, folder: DataDir) -> None:
    wizard = window.wizard
    assert wizard is not None
    press(qtbot, Qt.Key.Key_V, ALT)
    assert focused() is wizard.server_field
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_then(qtbot, url, ENTER)
    prompt = wizard.server_password
    qtbot.waitUntil(prompt.isVisible, timeout=20_000)
    assert NEEDED in prompt.message.text()
    assert prompt.field.echoMode() is QLineEdit.EchoMode.Password
    assert focused() is prompt.field
    assert not wizard.server_error.isVisible()

    type_then(qtbot, "not-the-password", ENTER)
    qtbot.waitUntil(lambda: REFUSED in prompt.message.text(), timeout=20_000)
    assert prompt.field.text() == ""
    assert focused() is prompt.field
    assert window.screens.currentWidget() is wizard
    assert Settings.load(folder).get("store_url") is None
    press(qtbot, Qt.Key.Key_V, ALT)  # back to the address, and Alt+W to the password again
    assert focused() is wizard.server_field
    press(qtbot, Qt.Key.Key_W, ALT)  # "Pass&word of the database server:"
    assert focused() is prompt.field

    type_then(qtbot, PASSWORD, ENTER)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.unlock_page, timeout=20_000)
    assert Settings.load(folder).get("store_url") == url  # the address alone


def test_the_first_run_asks_the_servers_password_and_keeps_it_for_the_run_only(
    qtbot: QtBot, qapp: QApplication, server_url: str, tmp_path: Path
) -> None:
    folder = DataDir(tmp_path / "workstation")
    window = _window(qtbot, qapp, folder)
    try:
        _open_on_first_run(qtbot, window, server_url, folder)
        assert window.context.data_dir == DataDir(folder.root, server_url)
        assert window.context.data_dir.password == PASSWORD
        assert PASSWORD not in repr(window.context.data_dir)
        _unlock(qtbot, window)  # the store's sessions connect with the typed password
    finally:
        _shut(window)
    _no_file_holds_the_password(tmp_path)


def test_the_next_start_asks_for_the_password_again_before_the_unlock(
    qtbot: QtBot, qapp: QApplication, server_url: str, tmp_path: Path
) -> None:
    folder = DataDir(tmp_path / "workstation")
    first = _window(qtbot, qapp, folder)
    try:
        _open_on_first_run(qtbot, first, server_url, folder)
        _unlock(qtbot, first)
    finally:
        _shut(first)

    window = _window(qtbot, qapp, folder)  # the next start: the saved address, no password
    try:
        assert window.context.data_dir.password is None
        qtbot.waitUntil(
            lambda: isinstance(window.screens.currentWidget(), ServerPasswordScreen),
            timeout=20_000,
        )
        screen = window.screens.currentWidget()
        assert isinstance(screen, ServerPasswordScreen)
        prompt = screen.password
        assert NEEDED in prompt.message.text()
        assert focused() is prompt.field
        type_then(qtbot, "wrong-again", ENTER)
        qtbot.waitUntil(lambda: REFUSED in prompt.message.text(), timeout=20_000)
        assert focused() is prompt.field
        assert window.screens.currentWidget() is screen
        type_then(qtbot, PASSWORD, ENTER)
        _unlock(qtbot, window)
        assert Settings.load(folder).get("store_url") == server_url
    finally:
        _shut(window)
    _no_file_holds_the_password(tmp_path)


def test_the_servers_answer_names_a_missing_or_wrong_password_without_repeating_it(
    server_url: str,
) -> None:
    """The CLI's way and the desk's share require_server_store: a password missing or wrong is
    its own error, whose text (and cause chain) never holds what was typed."""
    with pytest.raises(StoreError) as missing:
        server_store.require_server_store(server_url)
    assert missing.value.code == "store.password_needed"
    with pytest.raises(StoreError) as wrong:
        server_store.require_server_store(server_url, PASSWORD + "x")
    assert wrong.value.code == "store.password_wrong"
    assert PASSWORD not in str(wrong.value)
    assert wrong.value.__suppress_context__  # a traceback shows the code alone
    assert PASSWORD not in str(wrong.value.__context__)
    server_store.require_server_store(server_url, PASSWORD)  # answers, holds a store
