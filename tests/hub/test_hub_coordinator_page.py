"""The coordinator page's hub tab: each enrolled device's last contact by any route (in the
desk's date format, "by hub" or "by file"), bundles sent and applied, what is still lacking,
rosters fetched (the hub's alone) and whether it is revoked; read again after an import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_support import add_people, running_hub
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from fieldreg.services import enrollment_service
from fieldreg.services import sync_service as sync
from fieldreg.services.hub import overview
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import now_ms
from fieldreg.ui.context import UiContext
from fieldreg.ui.coordinator_page import HUB, CoordinatorPage
from fieldreg.ui.dates import date_time_ms
from fieldreg.ui.store_watch import StoreWatch
from fieldreg.ui.worker import Worker
from tests.sync.sync_support import (
    NETWORK_PASSPHRASE,
    Device,
    create_coordinator,
    enroll_device,
    open_store,
)


def _rows(table: QTreeWidget) -> dict[str, list[str]]:
    rows = {}
    for index in range(table.topLevelItemCount()):
        item = table.topLevelItem(index)
        texts = [item.text(column) for column in range(table.columnCount())]
        rows[texts[0]] = texts
    return rows


def _shown_page(
    qtbot: QtBot, directory: DataDir, session: Session, *, devices: int
) -> tuple[CoordinatorPage, Worker]:
    """The coordinator page shown (which reads its tabs on the worker) with `devices` rows in
    its Hub contact tab."""
    worker = Worker()
    context = UiContext(directory, worker)
    context.session = session
    page = CoordinatorPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.hub.topLevelItemCount() == devices, timeout=10_000)
    return page, worker


@pytest.fixture
def hub_session(tmp_path: Path) -> Iterator[tuple[DataDir, Session]]:
    directory = create_coordinator(tmp_path / "hub")
    session = open_store(directory)
    yield directory, session
    if not session.locked:
        session.lock()


def test_the_hub_tab_shows_each_devices_contact_and_what_it_lacks(
    qtbot: QtBot, hub_session: tuple[DataDir, Session], tmp_path: Path
) -> None:
    directory, session = hub_session
    sender, gap, silent = (enroll_device(session, p) for p in ("K7", "M3", "P5"))
    add_people(sender, 6)
    add_people(gap, 6, seed=1)
    with running_hub(session, tmp_path / "tls") as running:
        for device, bundles in ((sender, [(1, 3), (4, 6)]), (gap, [(4, 6)])):
            client = running.client(device)
            try:
                for first, last in bundles:
                    client.post_bundle(device.bundle(first, last))
                client.roster()
            finally:
                client.close()
    enrollment_service.revoke_device(
        session, silent.device_id, up_to=0, network_passphrase=NETWORK_PASSPHRASE
    )
    contacts = {c.prefix: c for c in overview.device_contacts(session)}
    k7_contact = contacts["K7"].last_contact_ms
    assert k7_contact is not None
    assert k7_contact <= now_ms()

    page, worker = _shown_page(qtbot, directory, session, devices=3)
    rows = _rows(page.hub)
    k7, m3, p5 = (next(r for name, r in rows.items() if f"({p})" in name) for p in _PREFIXES)
    when = f"{date_time_ms(k7_contact)} by hub"
    assert k7[1:] == [when, "2 by hub", "2", "nothing", "1", "enrolled"]
    assert m3[2:] == ["1 by hub", "0", "events 1–6; bundles held: 1", "1", "enrolled"]
    assert m3[1].endswith(" by hub")
    assert p5[1:] == ["no contact yet", "0", "0", "nothing", "0", "revoked"]
    assert page.tabs.tabText(HUB) == "Hu&b contact (2)"  # P5 never reached it

    page.clear_personal_data()  # locking clears the tab
    assert page.hub.topLevelItemCount() == 0
    page.refresh()
    qtbot.waitUntil(lambda: page.hub.topLevelItemCount() == 3, timeout=10_000)
    worker.wait()


def test_bundles_that_came_on_a_stick_are_a_contact_by_file(
    qtbot: QtBot, hub_session: tuple[DataDir, Session], tmp_path: Path
) -> None:
    """A laptop that never reached the hub but whose bundles came on a stick: its last contact
    is the import, by file, with what it sent and still lacks; the hub's own facts stay."""
    directory, session = hub_session
    device: Device = enroll_device(session, "K7")
    add_people(device, 9)
    page, worker = _shown_page(qtbot, directory, session, devices=1)
    assert _rows(page.hub)["Пункт K7 (K7)"][1:] == [
        "no contact yet",
        "0",
        "0",
        "nothing",
        "0",
        "enrolled",
    ]
    assert page.tabs.tabText(HUB) == "Hu&b contact (0)"

    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "k7-1.bundle").write_bytes(device.bundle(1, 3))
    (stick / "k7-3.bundle").write_bytes(device.bundle(7, 9))  # 4-6 not on the stick
    before = now_ms()
    page.import_files(sorted(stick.iterdir()))
    qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: _rows(page.hub)["Пункт K7 (K7)"][2] != "0", timeout=10_000)
    row = _rows(page.hub)["Пункт K7 (K7)"]
    contact = overview.device_contacts(session)[0]
    assert contact.contact_ms is not None
    assert before <= contact.contact_ms <= now_ms()
    assert row[1:] == [
        f"{date_time_ms(contact.contact_ms)} by file",
        "2 by file",
        "1",
        "events 4–9; bundles held: 1",
        "0",
        "enrolled",
    ]
    assert page.tabs.tabText(HUB) == "Hu&b contact (1)"
    worker.wait()


def test_the_newest_route_names_the_last_contact(
    qtbot: QtBot, hub_session: tuple[DataDir, Session], tmp_path: Path
) -> None:
    """A roster fetched from the hub, then a file imported: the last contact is by file, the
    rosters fetched are the hub's, and the bundles sent are counted per route."""
    directory, session = hub_session
    device: Device = enroll_device(session, "K7")
    add_people(device, 6)
    page, worker = _shown_page(qtbot, directory, session, devices=1)

    with running_hub(session, tmp_path / "tls") as running:
        client = running.client(device)
        try:
            client.post_bundle(device.bundle(1, 3))
            client.roster()
        finally:
            client.close()
    bundle = tmp_path / "k7.bundle"
    bundle.write_bytes(device.bundle(4, 6))
    page.import_files([bundle])
    qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: _rows(page.hub)["Пункт K7 (K7)"][3] == "2", timeout=10_000)
    row = _rows(page.hub)["Пункт K7 (K7)"]
    assert row[1].endswith(" by file")
    assert row[2:] == ["1 by hub, 1 by file", "2", "nothing", "1", "enrolled"]
    worker.wait()


_PREFIXES = ("K7", "M3", "P5")


def test_what_another_workstation_imports_shows_on_the_open_page(
    qtbot: QtBot, hub_session: tuple[DataDir, Session], tmp_path: Path
) -> None:
    """Two coordinator workstations on one store (or the hub beside the desk): the other one
    imports a laptop's bundle; this page, left open, shows the laptop's contact within seconds."""
    directory, session = hub_session
    device: Device = enroll_device(session, "K7")
    add_people(device, 3)
    page, worker = _shown_page(qtbot, directory, session, devices=1)
    watch = StoreWatch(page._context)
    page._context.unlocked.emit()  # the desk was unlocked: the watch looks every few seconds
    assert _rows(page.hub)["Пункт K7 (K7)"][2] == "0"
    (tmp_path / "k7-1.bundle").write_bytes(device.bundle(1, 3))
    other = open_store(directory)
    try:
        assert all(o.applied for o in sync.import_bundles(other, [tmp_path / "k7-1.bundle"]))
    finally:
        other.lock()
    qtbot.waitUntil(lambda: _rows(page.hub)["Пункт K7 (K7)"][2] == "1 by file", timeout=15_000)
    assert len(session.people) == 3  # and the people are in this desk's search
    page._context.locked.emit()
    assert not watch._timer.isActive()
    worker.wait()
