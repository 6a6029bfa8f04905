"""Exporting from the desk: the dialog says the file holds personal data before it asks where to
write it, keeps the roster's filters, and writes the chosen format (encrypted when asked)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fieldreg.services import exports
from fieldreg.services.session import Session
from fieldreg.ui import export_dialog
from fieldreg.ui.export_dialog import PASSPHRASE, ExportDialog
from fieldreg.ui.roster_model import RosterFilter
from tests.reports.people import register_people
from tests.ui.desk import open_desk
from tests.ui.keyboard import ALT, CTRL, focused, press, running_context


class PathChooser:
    """Stands in for the save dialog, noting what the export dialog showed when it was asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notice_shown: list[str] = []

    def __call__(self, dialog: QWidget, suggested: str) -> str:
        assert isinstance(dialog, ExportDialog)
        if dialog.notice.isVisible():
            self.notice_shown.append(dialog.notice.text())
        return str(self.path)


def test_an_xlsx_export_is_announced_as_personal_data_and_written(
    qtbot: QtBot, session: Session, data_dir: Path, tmp_path: Path
) -> None:
    register_people(session, 5)
    chooser = PathChooser(tmp_path / "people.xlsx")
    with running_context(session, data_dir) as context:
        dialog = ExportDialog(context, exports.PeopleFilter(), ask_path=chooser)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None)
    assert chooser.notice_shown
    assert "personal data" in chooser.notice_shown[0]
    assert dialog.outcome.text() == "5 people written to people.xlsx."
    sheet = openpyxl.load_workbook(chooser.path)["people"]
    assert sheet.max_row == 6


def test_a_passphrase_export_opens_with_that_passphrase(
    qtbot: QtBot, session: Session, data_dir: Path, tmp_path: Path
) -> None:
    register_people(session, 3)
    chooser = PathChooser(tmp_path / "people.csv.age")
    secret = "a long export passphrase"
    with running_context(session, data_dir) as context:
        dialog = ExportDialog(
            context, exports.PeopleFilter(statuses=frozenset({"waiting"})), ask_path=chooser
        )
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.encryption.setCurrentIndex(dialog.encryption.findData(PASSPHRASE))
        qtbot.keyClicks(dialog.passphrase, secret)
        qtbot.keyClicks(dialog.repeat, secret)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)  # scrypt, loaded CI
    assert dialog.passphrase.text() == ""  # not kept once used
    text = pyrage.passphrase.decrypt(chooser.path.read_bytes(), secret).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1  # register_people's person 0 is the one waiting of three
    assert rows[0]["status"] == "waiting"


def test_differing_passphrases_write_nothing(
    qtbot: QtBot, session: Session, data_dir: Path, tmp_path: Path
) -> None:
    chooser = PathChooser(tmp_path / "people.csv.age")
    with running_context(session, data_dir) as context:
        dialog = ExportDialog(context, exports.PeopleFilter(), ask_path=chooser)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.encryption.setCurrentIndex(dialog.encryption.findData(PASSPHRASE))
        qtbot.keyClicks(dialog.passphrase, "a long export passphrase")
        qtbot.keyClicks(dialog.repeat, "another passphrase here")
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The two entries differ."
    assert not chooser.path.exists()


def test_the_roster_opens_the_dialog_with_its_filters(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> None:
    with open_desk(qtbot, qapp, session, data_dir) as desk:
        press(qtbot, Qt.Key.Key_R, CTRL)
        roster = desk.window.roster_page
        days = {"registered_from": dt.date(2026, 12, 1), "registered_to": dt.date(2026, 12, 4)}
        roster.model.set_filter(RosterFilter(status="waiting", **days))
        qtbot.mouseClick(roster.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: roster.findChild(ExportDialog) is not None)
        dialog = roster.findChild(ExportDialog)
        assert dialog is not None
        assert dialog.request().filter.statuses == frozenset({"waiting"})
        # the days as the desk writes every date
        assert dialog.filters.text() == "Waiting; registered 01.12.2026 to 04.12.2026"
        dialog.reject()


def test_the_save_dialog_opens_in_the_documents_folder_not_the_working_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        export_dialog.QStandardPaths, "writableLocation", lambda _location: str(documents)
    )
    seen: list[str] = []

    def fake_dialog(_parent: object, _title: str, start: str) -> tuple[str, str]:
        seen.append(start)
        return "", ""

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", fake_dialog)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert export_dialog.ask_save_path(parent, "people-2026-12-02.csv") == ""
    assert seen == [str(documents / "people-2026-12-02.csv")]


def test_a_transport_chosen_by_keyboard_exports_only_its_passengers(
    qtbot: QtBot, session: Session, data_dir: Path, tmp_path: Path
) -> None:
    people = list(register_people(session, 5))
    transports = session.transports()
    transports.plan({"name": "Автобус 1", "departure": "2026-12-03 07:30"})
    bus = transports.plan({"name": "Автобус 2", "departure": "2026-12-04 08:00"})
    transports.assign(bus, people[1:3])
    chooser = PathChooser(tmp_path / "bus.csv")
    with running_context(session, data_dir) as context:
        dialog = ExportDialog(context, exports.PeopleFilter(), ask_path=chooser)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.transport.count() == 3)
        assert [dialog.transport.itemText(i) for i in range(3)] == [
            "Any (on a transport or not)",
            "Автобус 1",
            "Автобус 2",
        ]
        dialog.activateWindow()
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # the caption's mnemonic
        assert focused() is dialog.transport
        qtbot.keyClick(dialog.transport, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.transport, Qt.Key.Key_Down)
        assert dialog.transport.currentText() == "Автобус 2"
        qtbot.keyClick(dialog.transport, Qt.Key.Key_X, ALT)  # E&xport…
        qtbot.waitUntil(lambda: dialog.written is not None)
    assert dialog.outcome.text() == "2 people written to bus.csv."
    rows = list(csv.DictReader(io.StringIO(chooser.path.read_text("utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(people[1:3])


def test_two_transports_of_one_name_are_told_apart_by_departure_day_first(
    session: Session,
) -> None:
    transports = session.transports()
    morning = transports.plan({"name": "Автобус 1", "departure": "2026-12-03 07:30"})
    evening = transports.plan({"name": "Автобус 1"})
    assert dict(export_dialog.transport_choices(session)) == {
        morning: f"Автобус 1 (03.12.2026 07:30, {morning})",
        evening: f"Автобус 1 ({evening})",
    }


def test_a_dialog_closed_at_once_is_sent_no_transport_list(
    qtbot: QtBot, session: Session, data_dir: Path
) -> None:
    session.transports().plan({"name": "Автобус 1"})
    with running_context(session, data_dir) as context:
        parent = QWidget()
        qtbot.addWidget(parent)
        dialog = export_dialog.open_export_dialog(context, RosterFilter(), parent)
        dialog.reject()  # deleted on close, before the worker's answer came back
        assert not context.worker.busy()  # no answer will be handed to it
