"""The Transports page as a coordinator uses it: plan a bus in the dialog, assign people by ID
with a seat and a whole household, take one off, and write the manifest after the notice that it
holds personal data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from tests.ui.desk import open_desk
from tests.ui.keyboard import CTRL, press

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
        qtbot.waitUntil(lambda: "YYYY-MM-DD HH:MM" in dialog.error.text())
        assert dialog.isVisible()  # refused, still open
        dialog.inputs["departure"].setText("2026-12-03 07:30")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None)
        bus = dialog.saved_id
        qtbot.waitUntil(lambda: page.current() == bus)

        page.assign_input.setText(anna)
        page.seat_input.setText("12")
        qtbot.keyClick(page.assign_input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.passengers.rowCount() == 1)
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
