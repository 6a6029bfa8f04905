"""The first run opens a coordinator's store on a PostgreSQL server by its address, from the
keyboard: the address is checked before use (scheme, host, database, no password), the server
asked whether it answers and holds a store, and only then is the address remembered (`store_url`,
never a password) and the unlock page shown; the next start goes straight to that server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.app import store_dir
from fieldreg.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.pg_support import Cluster, pg_cluster
from tests.sync.sync_support import create_coordinator
from tests.ui.desk import shown_window
from tests.ui.keyboard import ALT, CTRL, ENTER, focused, press, type_then

__all__ = ["pg_cluster"]


@pytest.fixture
def first_run(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[MainWindow]:
    """A second workstation's desk: an empty data folder, so the first-run wizard."""
    window = shown_window(qtbot, qapp, DataDir(tmp_path / "workstation"))
    yield window
    window.lock_controller.shut_down()
    window.context.worker.wait()


def _type_address(qtbot: QtBot, window: MainWindow, address: str) -> None:
    wizard = window.wizard
    assert wizard is not None
    press(qtbot, Qt.Key.Key_V, ALT)  # "Or a coordinator's store on a ser&ver:"
    assert focused() is wizard.server_field
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_then(qtbot, address, ENTER)


def test_the_address_of_a_server_store_opens_it_and_is_remembered(
    qtbot: QtBot, first_run: MainWindow, pg_cluster: Cluster, tmp_path: Path
) -> None:
    url = pg_cluster.url(pg_cluster.create_database())
    create_coordinator(tmp_path / "first", store_url=url)  # the first workstation made it
    _type_address(qtbot, first_run, url)
    qtbot.waitUntil(lambda: first_run.screens.currentWidget() is first_run.unlock_page)
    folder = DataDir(tmp_path / "workstation")
    assert Settings.load(folder).get("store_url") == url
    assert Settings.load(folder).get("store_folder") is None
    assert first_run.context.data_dir == DataDir(folder.root, url)
    # The operators come from the server's copy of the key slots: unlock as usual.
    assert focused() is first_run.unlock_page.passphrase
    type_then(qtbot, PASSPHRASE, ENTER)
    coordinator = first_run.actions_by_name["coordinator"]
    qtbot.waitUntil(coordinator.isVisible, timeout=30_000)
    assert folder.slots.is_file()  # this workstation's own key file, from the server's copy
    assert not folder.db.exists()
    # The next start opens the same server (the folder now has a key file, no database).
    assert store_dir(folder, Settings.load(folder)) == DataDir(folder.root, url)


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("http://localhost/fieldreg", "This is not a PostgreSQL address"),
        ("postgresql://localhost/", "This is not a PostgreSQL address"),
        ("postgresql:///fieldreg", "This is not a PostgreSQL address"),
        ("postgresql://fieldreg:secret@localhost/fieldreg", "Leave the password out"),
    ],
)
def test_an_address_that_is_not_a_servers_is_refused_before_use(
    qtbot: QtBot, first_run: MainWindow, tmp_path: Path, address: str, said: str
) -> None:
    wizard = first_run.wizard
    assert wizard is not None
    _type_address(qtbot, first_run, address)
    assert said in wizard.server_error.text()
    assert wizard.server_error.isVisible()
    assert first_run.screens.currentWidget() is wizard
    assert focused() is wizard.server_field
    assert Settings.load(DataDir(tmp_path / "workstation")).get("store_url") is None


def test_a_server_that_does_not_answer_or_holds_no_store_is_named_and_not_remembered(
    qtbot: QtBot, first_run: MainWindow, pg_cluster: Cluster, tmp_path: Path
) -> None:
    wizard = first_run.wizard
    assert wizard is not None
    folder = DataDir(tmp_path / "workstation")
    nobody = Cluster(pg_cluster.socket_dir, pg_cluster.port + 1).url("fieldreg")  # no server
    empty = pg_cluster.url(pg_cluster.create_database())
    missing = pg_cluster.url("no_such_database")
    for address, said in (
        (nobody, "The database server could not be reached"),
        (empty, "holds no fieldreg store"),
        (missing, "holds no fieldreg store"),
    ):
        _type_address(qtbot, first_run, address)
        qtbot.waitUntil(lambda said=said: said in wizard.server_error.text(), timeout=20_000)
        assert wizard.server_field.isEnabled()
        assert first_run.screens.currentWidget() is wizard
        assert Settings.load(folder).get("store_url") is None
        assert not folder.slots.exists()
    assert store_dir(folder, Settings.load(folder)) == folder
