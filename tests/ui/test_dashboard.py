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
