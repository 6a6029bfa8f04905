"""The roster at the desk: how its age, expiry and an import's result read, in English and in
Ukrainian (plural forms, the language's thousands separator); a laptop imports its roster from a
stick on the Sync page (Alt+R) and reads what it did, the status bar shows its age; an older one
is refused in words and the current one kept; a revoked laptop says so and exports nothing; the
coordinator writes rosters for the laptops it ticks; people from elsewhere carry their home
point. Real stores, real roster files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from fieldreg.services import enrollment_service as enroll
from fieldreg.services import retention, roster_service
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui import roster_texts
from fieldreg.ui.dates import date_time
from fieldreg.ui.roster_write_dialog import RosterWriteDialog
from fieldreg.ui.search_model import COL_NAME
from fieldreg.ui.translations import Translators
from tests.sync.sync_support import NETWORK_PASSPHRASE, create_coordinator, new_laptop, open_store
from tests.ui.desk import open_desk
from tests.ui.keyboard import ALT, CTRL, ENTER, TAB, press, type_text
from tests.ui.shell_support import synthetic_people

SHIFT = Qt.KeyboardModifier.ShiftModifier

NOW = dt.datetime(2026, 12, 2, 14, 2, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    """The desk's languages, English to begin with (as the desk switches at start)."""
    translators = Translators(qapp)
    translators.switch("en")
    yield translators
    translators.switch("en")


def test_the_status_bar_says_the_rosters_version_age_and_days_left(
    translators: Translators,
) -> None:
    text = roster_texts.status_bar_text(12, NOW - 3 * HOUR, NOW + 4 * DAY, NOW)
    assert text == "Roster v12 · 3 h old · expires in 4 days"
    assert not roster_texts.urgent(NOW + 4 * DAY, NOW)


def test_a_roster_expiring_within_a_day_or_expired_is_urgent(translators: Translators) -> None:
    soon = roster_texts.status_bar_text(3, NOW - 2 * DAY, NOW + 5 * HOUR, NOW)
    assert soon == "Roster v3 · 2 days old · expires in 5 h"
    assert roster_texts.urgent(NOW + 5 * HOUR, NOW)
    expired = NOW - dt.timedelta(minutes=1)
    assert roster_texts.expiry_text(expired, NOW).startswith("expired on ")
    assert roster_texts.urgent(expired, NOW)


def test_an_applied_roster_reads_as_counts_in_words(translators: Translators) -> None:
    text = roster_texts.applied_text(12, added=1204, updated=37, erased=2, revoked=1)
    assert text == "Roster 12 applied: 1,204 people added, 37 updated, 2 erased; 1 laptop revoked"
    none_revoked = roster_texts.applied_text(13, added=0, updated=5, erased=0, revoked=0)
    assert none_revoked == "Roster 13 applied: 0 people added, 5 updated, 0 erased"
    two = roster_texts.applied_text(14, added=0, updated=0, erased=0, revoked=2)
    assert two.endswith("; 2 laptops revoked")
    one = roster_texts.applied_text(15, added=1, updated=1, erased=1, revoked=0)
    assert one == "Roster 15 applied: 1 person added, 1 updated, 1 erased"


def test_in_ukrainian_the_counts_take_the_right_plural(translators: Translators) -> None:
    translators.switch("uk")
    assert roster_texts.age_text(NOW - 5 * DAY, NOW) == "5 днів тому"
    assert roster_texts.age_text(NOW - 3 * DAY, NOW) == "3 дні тому"
    assert roster_texts.expiry_text(NOW + 22 * DAY, NOW) == "спливає через 22 дні"
    text = roster_texts.applied_text(12, added=1204, updated=37, erased=2, revoked=1)
    assert text.startswith("Зведений список 12 застосовано: додано людей: 1\u00a0204, оновлено: 37")
    assert text.endswith("; відкликано 1 ноутбук")


# --- the Sync page and the status bar, on real stores ----------------------------------------


def _answer_files(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> None:
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_args, **_kw: value))


def _carry(source: Session, hub: Session, stick: Path) -> None:
    stick.mkdir(exist_ok=True)
    paths = [e.path for e in sync.export_bundles(source, stick)]
    for outcome in sync.import_bundles(hub, paths):
        assert outcome.error is None


@dataclass
class Network:
    hub: Session
    point_a: Session  # registered a family (K7, "Школа 5")
    laptop: DataDir  # the laptop at the desk (M3, "Вокзал"), locked
    family: list[str]
    stick: Path


@pytest.fixture
def network(tmp_path: Path) -> Iterator[Network]:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7", point="Школа 5"))
    laptop = new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал")
    hub = open_store(coordinator)
    family = a.register_household(
        [
            ({"family_name": "Шевченко", "given_name": "Марія", "dob": "1950-03-02"}, None),
            ({"family_name": "Шевченко", "given_name": "Олег", "dob": "2015"}, "child"),
        ]
    ).new_ids
    _carry(a, hub, tmp_path / "stick-a")
    stick = tmp_path / "stick"
    stick.mkdir()
    yield Network(hub, a, laptop, family, stick)
    a.lock()
    hub.lock()


def _roster_for(network: Network, prefix: str = "M3") -> Path:
    written = roster_service.write_rosters(
        network.hub, network.stick, network_passphrase=NETWORK_PASSPHRASE
    )
    [path] = [w.path for w in written if w.prefix == prefix]
    return path


def test_a_laptop_imports_its_roster_from_a_stick_and_reads_what_it_did(
    qtbot: QtBot, qapp: QApplication, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = _roster_for(network)
    _answer_files(monkeypatch, "getOpenFileName", (str(roster), ""))
    session = open_store(network.laptop)
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        window = desk.window
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        box = window.sync_page.roster_box
        qtbot.waitUntil(lambda: box.status is not None)
        assert box.status_text.text().startswith("No roster applied yet.")
        assert not window.status.roster.isVisible()

        press(qtbot, Qt.Key.Key_R, ALT)  # "Import &roster…"
        qtbot.waitUntil(box.result_text.isVisible, timeout=20_000)
        assert box.result_text.text() == ("Roster 1 applied: 2 people added, 0 updated, 0 erased")
        assert box.import_button.hasFocus()
        assert box.status_text.text().startswith("Roster 1, written ")
        assert "expires in 14 days" in box.status_text.text()
        assert "The coordinator has everything this laptop recorded" not in box.status_text.text()
        qtbot.waitUntil(window.status.roster.isVisible, timeout=10_000)
        assert window.status.roster.text() == "Roster v1 · 0 min old · expires in 14 days"
        assert window.status.roster.styleSheet() == ""
        qtbot.waitUntil(lambda: window.status.counts.text().startswith("People: 2 ·"))


def test_an_older_roster_is_refused_in_words_and_the_current_one_kept(
    qtbot: QtBot, qapp: QApplication, network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _roster_for(network)
    old = network.stick / "old.roster"
    first.rename(old)
    second = _roster_for(network)
    session = open_store(network.laptop)
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        box = desk.window.sync_page.roster_box
        qtbot.waitUntil(lambda: box.status is not None)
        box.import_file(second)
        qtbot.waitUntil(box.result_text.isVisible, timeout=20_000)
        assert box.result_text.text().startswith("Roster 2 applied:")

        box.import_file(old)
        qtbot.waitUntil(box.error.isVisible, timeout=20_000)
        assert box.error.text() == (
            "The roster is version 1, not newer than the version 2 this laptop has "
            "applied. The current roster is kept."
        )
        assert not box.result_text.isVisible()
        assert box.status_text.text().startswith("Roster 2, written ")


def test_time_left_is_rounded_up_and_age_down(translators: Translators) -> None:
    just_written = roster_texts.status_bar_text(1, NOW, NOW + 14 * DAY - HOUR / 60, NOW)
    assert just_written == "Roster v1 · 0 min old · expires in 14 days"
    assert roster_texts.age_text(NOW - 119 * dt.timedelta(minutes=1), NOW) == "1 h old"
    assert roster_texts.expiry_text(NOW + 61 * dt.timedelta(minutes=1), NOW) == "expires in 2 h"


def _deliver(hub: Session, laptop: Session) -> roster_service.RosterApplied:
    """The laptop's next roster, applied below the file (as the roster service's tests do)."""
    [plan] = [p for p in roster_service.plan_rosters(hub) if p.device_id == laptop.device_id]
    now = roster_service.now_ms()
    return roster_service.apply_payload(
        laptop,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=now,
        expires_ms=now + roster_service.VALID_MS,
    )


def test_the_sync_page_says_what_the_coordinator_has_of_this_laptops_log(
    qtbot: QtBot,
    qapp: QApplication,
    network: Network,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answer_files(monkeypatch, "getExistingDirectory", str(network.stick))
    session = open_store(network.laptop)
    for person in synthetic_people(2):
        session.register(person)
    _carry(session, network.hub, tmp_path / "stick-b")
    _deliver(network.hub, session)
    session.register(synthetic_people(1)[0])
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        window = desk.window
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        box = window.sync_page.roster_box
        qtbot.waitUntil(lambda: box.status is not None and box.status.version is not None)
        lines = box.status_text.text().splitlines()
        assert lines[0].startswith("Roster 1, written ")
        assert lines[0].endswith(" · expires in 14 days")
        status = roster_service.roster_status(session)
        assert status.applied_up_to_at is not None
        assert status.unexported_since is not None
        second, third = date_time(status.applied_up_to_at), date_time(status.unexported_since)
        assert lines[1] == (
            f"The coordinator has everything up to {second}. "
            f"Changes recorded since {third} are not exported yet."
        )
        assert box.status_text.toolTip() == (
            "This laptop recorded changes 1–3. The coordinator has changes 1–2. "
            "It waits for changes 3. Changes 3 are not exported yet."
        )
        assert window.status.roster.text() == "Roster v1 · 0 min old · expires in 14 days"

        window.sync_page.export_button.setFocus()
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(window.sync_page.result_text.isVisible, timeout=20_000)
        assert box.status_text.text().splitlines()[1] == (
            f"The coordinator has everything up to {second}. It waits for 1 bundle written since."
        )

        bundles = sorted(network.stick.glob("*.bundle"))
        for outcome in sync.import_bundles(network.hub, bundles):
            assert outcome.error is None
        done: list[object] = []
        desk.context.run(lambda s: _deliver(network.hub, s), done.append)
        qtbot.waitUntil(lambda: bool(done))
        window.sync_page.refresh()
        qtbot.waitUntil(lambda: box.status is not None and box.status.version == 2)
        assert box.status_text.text().splitlines()[1] == (
            f"The coordinator has everything this laptop recorded, up to {third}."
        )


def test_a_revoked_laptop_says_so_and_its_export_button_is_off(
    qtbot: QtBot, qapp: QApplication, network: Network
) -> None:
    enroll.revoke_device(network.hub, "M3", up_to=0, network_passphrase=NETWORK_PASSPHRASE)
    session = open_store(network.laptop)
    session.register(synthetic_people(1)[0])
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        page = desk.window.sync_page
        qtbot.waitUntil(page.export_button.isEnabled)
        assert not page.revoked_banner.isVisible()
        done: list[object] = []
        desk.context.run(lambda s: _deliver(network.hub, s), done.append)
        qtbot.waitUntil(lambda: bool(done))
        page.refresh()
        qtbot.waitUntil(page.revoked_banner.isVisible, timeout=20_000)
        assert page.revoked_banner.text().startswith(
            "This laptop was revoked by the coordinator: it can no longer export bundles."
        )
        assert not page.export_button.isEnabled()
        assert page.export_button.toolTip() == "This laptop was revoked by the coordinator."
        assert page.pending_text.text() == (
            "Nothing can be exported: this laptop was revoked by the coordinator."
        )


# --- the coordinator writes rosters ------------------------------------------------------------


def test_the_coordinator_writes_rosters_for_the_laptops_it_ticks(
    qtbot: QtBot,
    qapp: QApplication,
    network: Network,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _answer_files(monkeypatch, "getExistingDirectory", str(out))
    with open_desk(qtbot, qapp, network.hub, tmp_path / "hub") as desk:
        window = desk.window
        qtbot.waitUntil(window.actions_by_name["coordinator"].isVisible)
        press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
        page = window.coordinator_page
        qtbot.waitUntil(page.rosters_button.isEnabled)
        page.import_button.setFocus()
        press(qtbot, TAB, Qt.KeyboardModifier.NoModifier)  # the button beside it
        assert page.rosters_button.hasFocus()
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        dialog = page.rosters_dialog
        assert isinstance(dialog, RosterWriteDialog)
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        items = [dialog.device_list.item(r).text() for r in range(dialog.device_list.count())]
        assert items == ["Школа 5 (K7)", "Вокзал (M3)"]
        assert dialog.device_list.hasFocus()
        assert dialog.device_list.currentRow() == 0
        press(qtbot, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)  # untick Школа 5
        ticks = [dialog.device_list.item(r).checkState() for r in range(2)]
        assert ticks == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]
        press(qtbot, Qt.Key.Key_N, ALT)
        assert dialog.passphrase.hasFocus()
        type_text(qtbot, dialog.passphrase, "not the passphrase")
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
        assert list(out.glob("*.roster")) == []  # a wrong passphrase writes nothing
        assert dialog.passphrase.hasFocus()
        type_text(qtbot, dialog.passphrase, NETWORK_PASSPHRASE)  # replaces the selected text
        press(qtbot, Qt.Key.Key_W, ALT)
        qtbot.waitUntil(dialog.result_text.isVisible, timeout=20_000)
        [written] = list(out.glob("*.roster"))
        assert written.name.startswith("fieldreg-roster-M3-v")
        assert oct(written.stat().st_mode & 0o777) == "0o600"
        lines = dialog.result_text.text().splitlines()
        assert lines[0].startswith("Rosters written: 1 (")
        assert lines[0].endswith(f") in {out}")
        assert lines[1].startswith(f"{written.name}: 2 people, ")
        assert dialog.close_button.hasFocus()
        assert dialog.passphrase.text() == ""


# --- people from elsewhere -----------------------------------------------------------------------


def test_people_from_elsewhere_carry_their_home_point_in_the_results_and_on_their_page(
    qtbot: QtBot, qapp: QApplication, network: Network
) -> None:
    session = open_store(network.laptop)
    _deliver(network.hub, session)
    [local] = [session.register({"family_name": "Шевчук", "given_name": "Іван"})]
    mother = network.family[0]
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        window = desk.window
        press(qtbot, Qt.Key.Key_F, CTRL)
        page = window.search_page
        assert page.field.hasFocus()
        type_text(qtbot, page.field, "Shevch")  # another spelling finds both
        model = page.model
        qtbot.waitUntil(lambda: model.rowCount() == 3)
        names = {model.hit(r).person_id: model.index(r, COL_NAME).data() for r in range(3)}
        assert names[mother] == "Шевченко Марія · from Школа 5"
        assert names[local] == "Шевчук Іван"  # registered here: no mark

        page.field.clear()
        type_text(qtbot, page.field, mother)  # as a scanner types the ID
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(lambda: window.current_page == "person")
        person = window.person_page
        qtbot.waitUntil(lambda: person.person_id() == mother)
        assert "from Школа 5" in person._summary.text().split(" · ")

        press(qtbot, Qt.Key.Key_R, CTRL)
        roster = window.roster_page.model
        qtbot.waitUntil(lambda: roster.rowCount() == 3)
        shown = {
            roster.record(r).person_id: roster.index(r, roster.REGISTERED).data() for r in range(3)
        }
        assert shown[mother].endswith("from Школа 5")
        assert "from" not in shown[local]


def test_retention_shows_only_once_the_network_set_it_and_counts_who_is_due(
    qtbot: QtBot, qapp: QApplication, network: Network
) -> None:
    session = open_store(network.laptop)
    with open_desk(qtbot, qapp, session, network.laptop.root) as desk:
        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        page = desk.window.sync_page
        qtbot.waitUntil(lambda: page.retention_box.state is not None)
        assert not page.retention_box.isVisible()  # the network set no retention

        retention.set_retention_days(network.hub, 30)
        done: list[object] = []
        desk.context.run(lambda s: _deliver(network.hub, s), done.append)
        qtbot.waitUntil(lambda: bool(done))
        page.refresh()
        box = page.retention_box
        qtbot.waitUntil(box.isVisible, timeout=20_000)
        assert box.due_text.text() == (
            "People to purge: 0 (left this point and acknowledged by the coordinator more "
            "than 30 days ago)"
        )
        assert not box.purge_button.isEnabled()  # nobody is due: nothing to confirm
