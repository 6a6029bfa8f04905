"""The dashboard as a coordinator sees it: bars by status, point, need and day, counted again
after an import, and the very numbers `fieldreg stats --json` prints for the same store."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from tests.cli.test_cli import fieldreg
from tests.reports.people import register_people
from tests.ui.desk import open_desk
from tests.ui.keyboard import CTRL, press

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_the_dashboard_counts_again_after_an_import(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    register_people(session, 6)
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        window = desk.window
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
        page = window.dashboard_page
        qtbot.waitUntil(lambda: page.figures is not None)
        assert window.work.currentWidget() is page
        assert page.total.text() == "People registered: 6"
        assert dict(page.by_status.bars()) == {"Arrived": 4, "Waiting": 2}
        assert dict(page.by_point.bars()) == {"Школа 5": 6}
        assert dict(page.by_need.bars()) == {"Medical": 1, "Mobility": 1, "Elderly, alone": 1}
        assert sum(count for _, count in page.by_day.bars()) == 6

        # What an import does: people written to the store, then people_changed for them.
        imported = [session.register({"family_name": "Мельник", "given_name": "Іван"})]
        session.set_status(imported[0], "waiting")
        desk.context.people_changed.emit(imported)
        qtbot.waitUntil(lambda: page.total.text() == "People registered: 7")
        assert dict(page.by_status.bars())["Waiting"] == 3

        page.grab()  # the bars paint without a warning (Qt warnings fail the test)


def test_the_desk_and_the_cli_show_the_same_numbers(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    register_people(session, 9)
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
        page = desk.window.dashboard_page
        qtbot.waitUntil(lambda: page.figures is not None)
        shown = page.figures
        assert shown is not None
    done = fieldreg(data_dir, "stats", "--json")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["total"] == shown.total == 9
    for name in ("by_status", "by_point", "by_need", "by_day"):
        assert printed[name] == getattr(shown, name), name
    assert printed["by_transport"] == [t.as_json() for t in shown.by_transport]


def test_locking_drops_the_figures(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    register_people(session, 2)
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
        page = desk.window.dashboard_page
        qtbot.waitUntil(lambda: page.figures is not None)
        desk.window.lock_controller.lock("manual")
        qtbot.waitUntil(lambda: page.figures is None)
        assert page.by_point.bars() == []


def test_each_transport_shows_assigned_boarded_and_no_shows_counted_again_after_a_change(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    people = list(register_people(session, 6))
    transports = session.transports()
    train = transports.plan({"name": "Потяг 7", "kind": "train"})
    bus = transports.plan({"name": "Автобус 3", "departure": "2026-12-03 07:30"})
    transports.assign(bus, people[:4])
    transports.assign(train, people[4:5])
    transports.board(bus, people[0])
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
        page = desk.window.dashboard_page
        qtbot.waitUntil(lambda: page.figures is not None)
        chart = page.by_transport
        # No departure planned comes first, as on the Transports page.
        assert chart.bars() == [("Потяг 7", 1), ("Автобус 3 · 03.12 07:30", 4)]
        assert chart.texts() == [
            "assigned 1, boarded 0, no-shows 0",  # boarding has not begun: nobody missed it
            "assigned 4, boarded 1, no-shows 3",
        ]
        assert "Автобус 3 · 03.12 07:30: assigned 4, boarded 1" in chart.accessibleDescription()

        # A boarding synced in (or an import): the counts follow like every other chart's.
        transports.board(bus, people[1])
        desk.context.people_changed.emit([people[1]])
        qtbot.waitUntil(lambda: chart.texts()[1] == "assigned 4, boarded 2, no-shows 2")
        assert dict(page.by_status.bars())["Departed"] == 2
        page.grab()
