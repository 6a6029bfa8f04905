"""The desk's automatic sync with the hub (ui/hub_sync.py) and the hub fields of the settings
dialog: the status bar label says what a sync did, or that the hub is not reachable; the
settings refuse a half-typed or malformed hub and keep what was there."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from faker import Faker
from hub_support import running_hub
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from fieldreg.services import enrollment_service
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.hub_sync import HubSync
from fieldreg.ui.settings_dialog import SettingsDialog
from fieldreg.ui.translations import Translators
from fieldreg.ui.worker import Worker
from tests.sync.sync_support import create_coordinator, new_laptop, open_store


@pytest.fixture
def stores(tmp_path: Path) -> tuple[DataDir, DataDir]:
    coordinator = create_coordinator(tmp_path / "hub")
    laptop = new_laptop(tmp_path / "laptop", coordinator, "K7")
    return coordinator, laptop


@pytest.fixture
def laptop_session(stores: tuple[DataDir, DataDir]) -> Iterator[Session]:
    session = open_store(stores[1])
    fake = Faker("uk_UA")
    session.register({"family_name": fake.last_name(), "given_name": fake.first_name()})
    yield session
    if not session.locked:
        session.lock()


def hub_sync(directory: DataDir, session: Session, settings: Settings) -> HubSync:
    context = UiContext(directory, Worker())
    context.session = session
    return HubSync(context, settings)


def test_the_status_bar_says_what_the_sync_sent(
    qtbot: QtBot,
    qapp: QApplication,
    stores: tuple[DataDir, DataDir],
    laptop_session: Session,
    tmp_path: Path,
) -> None:
    coordinator, laptop = stores
    translators = Translators(qapp)
    translators.switch("en")  # as the desk does at start: its English plurals
    hub_session = open_store(coordinator)
    try:
        with running_hub(hub_session, tmp_path / "tls") as running:
            settings = Settings.load(laptop)
            settings.hub_address = running.address
            settings.hub_certificate_sha256 = running.certificate.sha256
            syncing = hub_sync(laptop, laptop_session, settings)
            with qtbot.waitSignal(syncing.finished, timeout=30_000):
                assert syncing.sync_now()
        [device] = enrollment_service.devices(hub_session)
    finally:
        hub_session.lock()
    assert "1 bundle sent" in syncing.label.text()  # English as the desk speaks it
    # Version 1, or a later one if the hub rebuilt its rosters meanwhile (once a minute at most).
    assert re.search(r"roster \d+ applied", syncing.label.text())
    assert device.last_seq == 1


def test_a_hub_down_is_said_in_the_status_bar(
    qtbot: QtBot, stores: tuple[DataDir, DataDir], laptop_session: Session
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings.load(stores[1])
    settings.hub_address = f"127.0.0.1:{port}"
    settings.hub_certificate_sha256 = "ab" * 32
    syncing = hub_sync(stores[1], laptop_session, settings)
    with qtbot.waitSignal(syncing.finished, timeout=30_000):
        assert syncing.sync_now()
    assert syncing.label.text().startswith("Hub not reachable")


def test_without_a_hub_nothing_is_tried(
    stores: tuple[DataDir, DataDir], laptop_session: Session
) -> None:
    syncing = hub_sync(stores[1], laptop_session, Settings.load(stores[1]))
    assert not syncing.sync_now()
    assert syncing.label.text() == ""


def test_the_settings_refuse_a_malformed_hub_and_keep_the_old_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    directory = DataDir(tmp_path / "store")
    directory.root.mkdir()
    settings = Settings.load(directory)
    settings_dialog = SettingsDialog(settings, lambda *_: None, UiContext.describe)
    qtbot.addWidget(settings_dialog)
    dialog = settings_dialog.show_hub()
    qtbot.keyClicks(dialog.hub_address, "hub.local:8443")
    dialog.accept()
    assert "Give both" in dialog.error.text()
    qtbot.keyClicks(dialog.hub_pin, "not a fingerprint")
    dialog.accept()
    assert "64 hexadecimal digits" in dialog.error.text()
    assert Settings.load(directory).hub_address == ""
    dialog.hub_pin.clear()
    qtbot.keyClicks(dialog.hub_pin, "AB:" * 31 + "AB")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = Settings.load(directory)
    assert (saved.hub_address, saved.hub_certificate_sha256) == ("hub.local:8443", "ab" * 32)
