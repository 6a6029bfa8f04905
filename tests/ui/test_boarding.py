"""Boarding at the bus door, driven by keystrokes as a keyboard-wedge scanner sends them (the
code, then Enter) into the desk's Boarding page: each scan is said at once in words and colour,
only a right scan is recorded, and the cursor stays in the scan field after every outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.services.transports import BoardingOutcome
from fieldreg.ui import boarding_page
from fieldreg.ui.boarding_page import COLOURS
from fieldreg.ui.translations import Translators
from tests.ui.desk import open_desk
from tests.ui.keyboard import CTRL, ENTER, focused, press, type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _boarded(session: Session, transport: str) -> set[str]:
    return {p.person_id for p in session.transports().get(transport).passengers if p.boarded}


def test_each_scan_is_said_and_only_right_scans_are_recorded(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    transports = session.transports()
    bus = transports.plan({"name": "Автобус 3", "departure": "2026-12-03 07:30"})
    other = transports.plan({"name": "Автобус 4"})
    anna = session.register({"family_name": "Мельник", "given_name": "Анна"})
    stays = session.register(
        {"family_name": "Лисенко", "given_name": "Віра", "wishes_evacuation": "no"}
    )
    elsewhere = session.register({"family_name": "Гончар", "given_name": "Тарас"})
    voided = session.register({"family_name": "Павленко", "given_name": "Ганна"})
    session.record_band(anna, f"{anna}/1")
    session.record_band(voided, f"{voided}/1")
    session.record_band(voided, f"{voided}/2")  # the reprint voids band 1
    transports.assign(bus, [anna, stays, voided], {anna: "7"})
    transports.assign(other, [elsewhere])

    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
        page = desk.window.boarding_page
        assert desk.window.work.currentWidget() is page
        qtbot.waitUntil(lambda: page.transport.count() == 2)
        # Each transport by its name and departure, the date written as everywhere on the desk.
        listed = [page.transport.itemText(i) for i in range(2)]
        assert "Автобус 3  03.12.2026 07:30" in listed
        assert "Автобус 4" in listed
        page.choose(bus)
        qtbot.waitUntil(lambda: focused() is page.scan)

        def scan(text: str) -> BoardingOutcome:
            with qtbot.waitSignal(page.outcome_shown, timeout=5000) as said:
                type_text(qtbot, focused(), text)
                qtbot.keyClick(focused(), ENTER)
            assert focused() is page.scan  # ready for the next band
            assert page.scan.text() == ""
            return BoardingOutcome(said.args[0])

        def colour() -> str:
            return page.answer.styleSheet()

        assert scan(f"FR1:{anna}/1") is BoardingOutcome.BOARDED
        assert "Boarded: Мельник Анна" in page.answer.text()
        assert "seat 7" in page.answer.text()
        assert COLOURS[BoardingOutcome.BOARDED][0] in colour()
        assert _boarded(session, bus) == {anna}
        assert page.counts.text() == "Boarded: 1 of 3"

        # a repeated scan
        assert scan(f"FR1:{anna}/1") is BoardingOutcome.ALREADY_BOARDED
        assert "Already boarded" in page.answer.text()
        # a stranger: on another bus
        assert scan(elsewhere) is BoardingOutcome.NOT_ON_MANIFEST
        assert "NOT on this manifest" in page.answer.text()
        assert "Автобус 4" in page.answer.text()
        assert COLOURS[BoardingOutcome.NOT_ON_MANIFEST][0] in colour()
        # a voided band
        assert scan(f"FR1:{voided}/1") is BoardingOutcome.VOIDED_BAND
        assert "Voided band" in page.answer.text()
        # an unknown code
        assert scan("FR1:XX-0000-0") is BoardingOutcome.UNKNOWN_CODE
        assert "Unknown code" in page.answer.text()
        assert _boarded(session, bus) == {anna}  # nothing wrong recorded
        assert not _boarded(session, other)

        # someone who said they do not wish to go: asked, nothing recorded until confirmed
        assert scan(stays) is BoardingOutcome.DOES_NOT_WISH
        assert "do not wish to go" in page.answer.text()
        assert COLOURS[BoardingOutcome.DOES_NOT_WISH][0] in colour()
        assert page.confirm.isVisible()
        assert _boarded(session, bus) == {anna}
        with qtbot.waitSignal(page.outcome_shown, timeout=5000) as said:
            press(qtbot, Qt.Key.Key_Return, CTRL)
        assert said.args[0] == BoardingOutcome.BOARDED.value
        assert focused() is page.scan
        assert not page.confirm.isVisible()
        assert _boarded(session, bus) == {anna, stays}

        # the voided person's current band boards them
        assert scan(f"FR1:{voided}/2") is BoardingOutcome.BOARDED
        assert page.counts.text() == "Boarded: 3 of 3"


def test_a_boarding_counts_in_the_status_bar_and_the_dashboard_at_once(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    """A scan that boards is a save: the status bar's "not exported" and "waiting" counts, and
    the dashboard's boarded bar, change with it, not at the next registration. The transports
    the changes are about are not counted as people."""
    transports = session.transports()
    bus = transports.plan({"name": "Автобус 3"})
    transports.plan({"name": "Автобус 4"})
    anna = session.register({"family_name": "Мельник", "given_name": "Анна"})
    ivan = session.register({"family_name": "Гнатюк", "given_name": "Іван"})
    session.set_status(anna, "waiting")
    transports.assign(bus, [anna, ivan])
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        status = desk.window.status
        qtbot.waitUntil(lambda: status.pending is not None)
        pending = status.pending
        assert pending is not None
        before = pending.events
        assert status.unexported.text() == f"People not exported: 2 · changes: {before}"
        assert "waiting: 1" in status.counts.text()
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)  # the dashboard read once, then left
        qtbot.waitUntil(lambda: desk.window.dashboard_page.figures is not None)
        press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
        page = desk.window.boarding_page
        qtbot.waitUntil(lambda: page.transport_id() is not None)
        page.choose(bus)
        qtbot.waitUntil(lambda: focused() is page.scan)
        with qtbot.waitSignal(page.outcome_shown, timeout=5000) as said:
            type_text(qtbot, focused(), anna)
            qtbot.keyClick(focused(), ENTER)
        assert said.args[0] == BoardingOutcome.BOARDED.value
        # boarded, and departed with the bus: two changes
        after = f"People not exported: 2 · changes: {before + 2}"
        qtbot.waitUntil(lambda: status.unexported.text() == after)
        assert "waiting: 0" in status.counts.text()
        press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
        dashboard = desk.window.dashboard_page

        def boarded_on_the_bus() -> int:
            figures = dashboard.figures
            assert figures is not None
            return next(t.boarded for t in figures.by_transport if t.transport_id == bus)

        qtbot.waitUntil(lambda: boarded_on_the_bus() == 1)


@pytest.mark.parametrize(
    ("language", "said", "cells"),
    [
        (
            "uk",
            ("Сіла: Мельник Анна", "Уже сів: Гнатюк Іван", "Сів(-ла): Бойко Саша"),
            ("сіла", "сів"),
        ),
        (
            "ru",
            ("Села: Мельник Анна", "Уже сел: Гнатюк Иван", "Сел(а): Бойко Саша"),
            ("села", "сел"),
        ),
    ],
)
def test_what_is_said_at_the_door_agrees_with_the_person_s_recorded_sex(
    qtbot: QtBot,
    qapp: QApplication,
    session: Session,
    data_dir: Path,
    *,
    language: str,
    said: tuple[str, str, str],
    cells: tuple[str, str],
) -> None:
    """Ukrainian and Russian say "she boarded" and "he boarded" in other words: the bus door's
    answer and the Transports page's passenger list use the one that agrees with the recorded
    sex, the neutral "(-ла)" form only for a sex that is other or not recorded."""
    transports = session.transports()
    bus = transports.plan({"name": "Автобус 3"})
    anna = session.register({"family_name": "Мельник", "given_name": "Анна", "sex": "female"})
    given = "Іван" if language == "uk" else "Иван"
    ivan = session.register({"family_name": "Гнатюк", "given_name": given, "sex": "male"})
    sasha = session.register({"family_name": "Бойко", "given_name": "Саша"})
    transports.assign(bus, [anna, ivan, sasha])
    transports.board(bus, ivan)
    translators = Translators(qapp)
    translators.switch(language)
    try:
        with open_desk(qtbot, qapp, session, data_dir) as desk:
            press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
            page = desk.window.boarding_page
            qtbot.waitUntil(lambda: page.transport_id() == bus)
            qtbot.waitUntil(lambda: focused() is page.scan)
            for person, words in zip((anna, ivan, sasha), said, strict=True):
                with qtbot.waitSignal(page.outcome_shown, timeout=5000):
                    type_text(qtbot, focused(), person)
                    qtbot.keyClick(focused(), ENTER)
                assert page.answer.text().startswith(words), page.answer.text()
            press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
            passengers = desk.window.transport_page.passengers
            qtbot.waitUntil(lambda: passengers.rowCount() == 3)

            def boarded(person: str) -> str:
                rows = range(passengers.rowCount())
                row = next(r for r in rows if passengers.item(r, 1).text() == person)
                return passengers.item(row, 4).text()

            qtbot.waitUntil(lambda: boarded(anna) == cells[0])
            assert boarded(ivan) == cells[1]
    finally:
        translators.switch("en")


def test_declining_at_the_door_records_nothing_and_keeps_the_cursor(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    transports = session.transports()
    bus = transports.plan({"name": "Автобус 3"})
    stays = session.register(
        {"family_name": "Лисенко", "given_name": "Віра", "wishes_evacuation": "no"}
    )
    transports.assign(bus, [stays])
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
        page = desk.window.boarding_page
        qtbot.waitUntil(lambda: page.transport_id() == bus)
        with qtbot.waitSignal(page.outcome_shown, timeout=5000):
            type_text(qtbot, focused(), stays)
            qtbot.keyClick(focused(), ENTER)
        qtbot.mouseClick(page.decline, Qt.MouseButton.LeftButton)
        assert "Nothing was recorded" in page.answer.text()
        assert focused() is page.scan
        press(qtbot, Qt.Key.Key_Return, CTRL)  # no longer asked: nothing happens
        desk.context.worker.wait()
        assert not _boarded(session, bus)


def test_locking_clears_the_boarding_page(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    transports = session.transports()
    bus = transports.plan({"name": "Автобус 3"})
    anna = session.register({"family_name": "Мельник", "given_name": "Анна"})
    transports.assign(bus, [anna])
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_B, CTRL | SHIFT)
        page = desk.window.boarding_page
        qtbot.waitUntil(lambda: page.transport_id() == bus)
        with qtbot.waitSignal(page.outcome_shown, timeout=5000):
            type_text(qtbot, focused(), anna)
            qtbot.keyClick(focused(), ENTER)
        assert "Мельник" in page.answer.text()
        desk.window.lock_controller.lock("manual")
        qtbot.waitUntil(lambda: session.locked)
        assert page.answer.text() == ""
        assert page.transport.count() == 0


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_sentence_said_at_the_door_has_its_three_forms_translated(
    qapp: QApplication, language: str
) -> None:
    """Each sentence the page may say about a person is translated in the plain, the female and
    the male form (a source text that lupdate did not see would fall back to English)."""
    translators = Translators(qapp)
    translators.switch(language)
    try:
        for source in (
            boarding_page.BOARDED,
            boarding_page.DOES_NOT_WISH,
            boarding_page.ALREADY_BOARDED,
            boarding_page.NOT_BOARDED,
            boarding_page.ON_OTHERS,
            boarding_page.ON_NO_OTHER,
        ):
            for sex in (None, "female", "male", "other"):
                assert boarding_page.agreeing(source, sex) != source, (source, sex)
    finally:
        translators.switch("en")
