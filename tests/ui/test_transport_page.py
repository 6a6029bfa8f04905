"""The Transports page as a coordinator uses it: plan a bus in the dialog, assign people by ID
with a seat and a whole household, take one off, and write the manifest after the notice that it
holds personal data; and, by keyboard only, people found by a part of their name (either script)
put on the bus with Enter, their whole household with Shift+Enter, those already on it marked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.transport_page import FOUND_MARK, FOUND_NAME, TransportPage
from tests.ui.desk import open_desk
from tests.ui.keyboard import ALT, CTRL, ENTER, focused, press, type_text

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_plan_assign_take_off_and_write_the_manifest(
    qtbot: QtBot,
    qapp: QApplication,
    session: Session,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anna = session.register({"family_name": "Мельник", "given_name": "Анна"})
    [head, child] = session.register_batch(
        [
            {"family_name": "Ткаченко", "given_name": "Ірина"},
            {"family_name": "Ткаченко", "given_name": "Іван", "dob": "2019"},
        ],
        relationships=["head", "child"],
        new_household=True,
    )
    household = str(session.person(head).fields["household_id"])
    target = data_dir.parent / "bus.csv"
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
        page = desk.window.transport_page
        assert desk.window.work.currentWidget() is page
        dialog = page.open_dialog(None)
        dialog.inputs["name"].setText("Автобус 3")
        dialog.inputs["departure"].setText("завтра")
        dialog.save()
        qtbot.waitUntil(lambda: "DD.MM.YYYY HH:MM" in dialog.error.text())
        assert dialog.isVisible()  # refused, still open
        dialog.inputs["departure"].setText("03.12.2026 07:30")  # day first, as dates of birth
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None)
        bus = dialog.saved_id
        qtbot.waitUntil(lambda: page.current() == bus)
        assert session.transports().get(bus).fields["departure"] == "2026-12-03 07:30"
        assert page.table.item(0, 2).text() == "03.12.2026 07:30"

        # Every save here is counted in the status bar with it, the planned bus too.
        status = desk.window.status

        def changes() -> int:
            return status.pending.events if status.pending is not None else -1

        # 3 registrations, the household and its 2 links, then the plan
        qtbot.waitUntil(lambda: changes() == 7)
        assert status.unexported.text().startswith("People not exported: 3 ")
        page.assign_input.setText(anna)
        page.seat_input.setText("12")
        qtbot.keyClick(page.assign_input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 1)
        qtbot.waitUntil(lambda: changes() == 8)
        assert page.passengers.item(0, 0).text() == "12"
        assert page.passengers.item(0, 2).text() == "Мельник Анна"
        page.assign_input.setText(household)
        page.household_button.click()
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 3)
        page.passengers.selectRow(2)
        page.unassign()
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 2)
        view = session.transports().get(bus)  # type: ignore[arg-type]
        assert sorted(p.person_id for p in view.passengers) == sorted([anna, head])

        asked: list[str] = []

        def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        page._ask_path = lambda _parent, _suggested: str(target)
        page.language.setCurrentIndex(page.language.findData("uk"))
        page.csv_button.click()
        qtbot.waitUntil(lambda: page.last_written == target)
        assert "personal data of 2 people" in asked[0]
        assert target.stat().st_mode & 0o777 == 0o600
        header, *rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
        assert "Місце" in header
        assert len(rows) == 2
        assert child not in target.read_text("utf-8-sig")


def _row(page: TransportPage, row: int) -> list[str]:
    cells = (page.found.item(row, c) for c in range(page.found.columnCount()))
    return [cell.text() if cell is not None else "" for cell in cells]


def _find(qtbot: QtBot, page: TransportPage, text: str) -> None:
    press(qtbot, Qt.Key.Key_F, ALT)  # "&Find by name:"
    assert focused() is page.find_input
    page.find_input.selectAll()
    qtbot.keyClick(page.find_input, Qt.Key.Key_Backspace)
    type_text(qtbot, page.find_input, text)
    qtbot.waitUntil(lambda: page._found_for == text and bool(page.hits))


def test_a_name_typed_in_part_finds_and_enter_assigns_the_highlighted_person(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    anna = session.register({"family_name": "Мельник", "given_name": "Анна", "dob": "1980"})
    session.set_status(anna, "waiting")
    other = session.register({"family_name": "Мельничук", "given_name": "Петро", "dob": "~1950"})
    bus = session.transports().plan({"name": "Автобус 3", "departure": "2026-12-03 07:30"})
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
        page = desk.window.transport_page
        qtbot.waitUntil(lambda: page.current() == bus)

        _find(qtbot, page, "мельн")
        rows = {_row(page, r)[-1]: _row(page, r) for r in range(page.found.rowCount())}
        assert rows[anna] == ["", "Мельник Анна", "1980", "", "Waiting", anna]
        assert rows[other][FOUND_NAME : FOUND_NAME + 2] == ["Мельничук Петро", "~1950"]
        if page.highlighted().person_id != anna:  # type: ignore[union-attr]
            qtbot.keyClick(page.find_input, Qt.Key.Key_Down)  # the highlight moves, focus stays
        assert focused() is page.find_input
        assert page.highlighted().person_id == anna  # type: ignore[union-attr]
        press(qtbot, Qt.Key.Key_T, ALT)  # "Sea&t:"
        assert focused() is page.seat_input
        type_text(qtbot, page.seat_input, "12")
        press(qtbot, Qt.Key.Key_F, ALT)
        qtbot.keyClick(page.find_input, ENTER)
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 1)
        assert page.passengers.item(0, 0).text() == "12"  # type: ignore[union-attr]
        assert page.passengers.item(0, 1).text() == anna  # type: ignore[union-attr]
        assert page.message.text() == "Assigned: 1"
        row = next(r for r in range(page.found.rowCount()) if _row(page, r)[-1] == anna)
        qtbot.waitUntil(lambda: _row(page, row)[FOUND_MARK] == "on this transport")
        assert page.found.item(row, FOUND_NAME).font().italic()  # type: ignore[union-attr]

        # Enter again on the same person: said, not put on twice (the seat kept).
        qtbot.keyClick(page.find_input, ENTER)
        assert page.message.text() == "Мельник Анна is already on this transport."
        view = session.transports().get(bus)
        assert [(p.person_id, p.seat) for p in view.passengers] == [(anna, "12")]


def test_shift_enter_assigns_the_whole_household_found_by_its_latin_spelling(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    [head, child] = session.register_batch(
        [
            {"family_name": "Ткаченко", "given_name": "Ірина", "latin_family_name": "Tkachenko"},
            {"family_name": "Ткаченко", "given_name": "Іван", "dob": "2019"},
        ],
        relationships=["head", "child"],
        new_household=True,
    )
    household = str(session.person(head).fields["household_id"])
    bus = session.transports().plan({"name": "Автобус 3"})
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
        page = desk.window.transport_page
        qtbot.waitUntil(lambda: page.current() == bus)
        _find(qtbot, page, "Tkachenko Iryna")
        assert page.highlighted().person_id == head  # type: ignore[union-attr]
        assert _row(page, 0)[3] == household
        qtbot.keyClick(page.find_input, ENTER, SHIFT)
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 2)
        view = session.transports().get(bus)
        assert sorted(p.person_id for p in view.passengers) == sorted([head, child])


def test_enter_before_the_results_of_the_text_searches_first_and_assigns_nobody(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    session.register({"family_name": "Мельник", "given_name": "Анна"})
    oleh = session.register({"family_name": "Шевченко", "given_name": "Олег"})
    bus = session.transports().plan({"name": "Автобус 3"})
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
        page = desk.window.transport_page
        qtbot.waitUntil(lambda: page.current() == bus)
        _find(qtbot, page, "Мельник")
        page.find_input.selectAll()
        type_text(qtbot, page.find_input, "Шевч")
        qtbot.keyClick(page.find_input, ENTER)  # at once: the results are still Мельник's
        qtbot.waitUntil(lambda: page._found_for == "Шевч")
        assert session.transports().get(bus).passengers == ()
        assert page.highlighted().person_id == oleh  # type: ignore[union-attr]
        qtbot.keyClick(page.find_input, ENTER)
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 1)
        assert session.transports().get(bus).passengers[0].person_id == oleh


def test_locking_clears_the_search_and_its_results(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    session.register({"family_name": "Мельник", "given_name": "Анна"})
    session.transports().plan({"name": "Автобус 3"})
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)
        page = desk.window.transport_page
        qtbot.waitUntil(lambda: page.current() is not None)
        _find(qtbot, page, "Мельник")
        desk.window.lock_controller.lock("manual")
        qtbot.waitUntil(lambda: page.found.rowCount() == 0)
        assert page.find_input.text() == ""
        assert page.hits == []
