"""The roster page: loads everyone on the worker, filters from its controls, opens a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui import roster_page
from fieldreg.ui.context import UiContext
from fieldreg.ui.roster_model import RosterModel, build_snapshot
from fieldreg.ui.roster_page import RosterPage
from tests.ui.keyboard import running_context


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


def test_roster_filters_counts_and_opens_a_person(
    qtbot: QtBot, context: UiContext, session: Session
) -> None:
    first = session.register({"family_name": "Лисенко", "given_name": "Ганна", "needs": "medical"})
    session.register({"family_name": "Мороз", "given_name": "Тарас"})
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()  # a stale roster loads itself when shown
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "Shown: 2 of 2" in page._counts.text()
    assert "With needs: 1" in page._counts.text()

    page.need.setFocus()
    qtbot.keyClicks(page.need, "Any")  # type-ahead: "Any need"
    assert page.model.rowCount() == 1
    assert "Shown: 1 of 2" in page._counts.text()

    page.household_id.setText("K7-0001-X")  # a mistyped ID: explained, nobody shown
    assert page.model.rowCount() == 0
    assert "check character" in page._household_error.text()
    page.household_id.setText("")
    assert page.model.rowCount() == 1

    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(context.open_person) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [first]

    page.clear_personal_data()
    assert page.model.rowCount() == 0


def test_the_id_columns_fit_a_provisional_prefix(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    widest = "ZH21C1-0042-X"  # a laptop not enrolled yet has a six-symbol prefix
    household = "ZH21C1-0040-8"
    people = {widest: {"family_name": "Мороз", "household_id": household}}
    monkeypatch.setattr(
        roster_page, "take_snapshot", lambda _s: build_snapshot(people, {}, dt.date(2026, 11, 24))
    )
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    needed = page.table.fontMetrics().horizontalAdvance(widest) + 8  # the cell's margins
    assert page.table.columnWidth(RosterModel.ID) >= needed
    assert page.table.columnWidth(RosterModel.HOUSEHOLD) >= needed


def test_the_today_filter_is_the_day_the_counts_use(
    qtbot: QtBot, context: UiContext, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's day decides "today" for the period filter as for the counts: here its
    clock says three days ago, so someone registered now is not "registered today" by either."""
    monkeypatch.setattr(session, "_today", lambda: dt.date.today() - dt.timedelta(days=3))
    session.register({"family_name": "Лисенко", "given_name": "Ганна"})
    page = RosterPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "Registered today: 0" in page._counts.text()
    page.period.setCurrentIndex(page.period.findData(roster_page.TODAY))
    assert page.model.rowCount() == 0
    page.period.setCurrentIndex(page.period.findData(roster_page.ANY))
    assert page.model.rowCount() == 1
