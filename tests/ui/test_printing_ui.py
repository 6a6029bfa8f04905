"""Printing at the desk, by keyboard: a band from the person page to PDF (the QR code decodes to
the payload), a reprint that voids the first band, the voided band scanned into Find, the bands
of a household saved a moment ago (Ctrl+P on the confirmation, straight to a CUPS queue), a
stopped queue, tags, and the printing settings."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.printing.settings import PrintSettings
from fieldreg.services import bands
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.ui.context import UiContext
from fieldreg.ui.person_page import PersonPage
from fieldreg.ui.print_dialog import BAND, PDF, TAGS, PrintDialog, open_print_dialog
from fieldreg.ui.settings_dialog import SettingsDialog
from tests.printing.printing_support import (
    PrivateCups,
    decode_qr,
    render_pages,
    tools_missing,
    wait_for_job,
)
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import ALT, CTRL, ENTER, TAB, focused, press, running_context, type_then

SHIFT = Qt.KeyboardModifier.ShiftModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


@dataclass(frozen=True)
class Queue:
    server: PrivateCups
    name: str
    device: Path  # the file the queue prints to


@pytest.fixture
def queue(cups: PrivateCups, data_dir: Path) -> Iterator[Queue]:
    """A queue of the private CUPS scheduler, the desk's default printer; removed afterwards
    (the scheduler is shared by the whole test run)."""
    device = cups.add_queue("fr-desk")
    bands.save_print_settings(DataDir(data_dir), PrintSettings(printer="fr-desk"))
    yield Queue(cups, "fr-desk", device)
    cups.remove_queue("fr-desk")


@pytest.fixture
def desk_of_one(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path
) -> Iterator[tuple[Desk, str]]:
    """The desk on a store where one person is registered (before the desk's worker starts)."""
    person = session.register({"family_name": "Тестенко", "given_name": "Орися", "dob": "1990"})
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened, person


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


def _dialog(qtbot: QtBot) -> PrintDialog:
    """The print dialog just opened, active, with its preview drawn."""
    found: list[PrintDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintDialog)]
        return len(found) == 1 and found[0].isVisible()

    qtbot.waitUntil(shown)
    dialog = found[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: dialog.note.text() != "")
    return dialog


def _print_to_pdf(qtbot: QtBot, path: Path) -> None:
    dialog = _dialog(qtbot)
    assert focused() is dialog.print_button  # Enter alone prints to the default
    press(qtbot, Qt.Key.Key_T, ALT)  # Print to:
    type_then(qtbot, "", Qt.Key.Key_End)  # the last choice: Save as PDF…
    press(qtbot, Qt.Key.Key_F, ALT)
    with qtbot.waitSignal(dialog.printed, timeout=20_000):
        type_then(qtbot, str(path), ENTER)


def _codes(pdf: Path, out: Path) -> list[str]:
    return [code for page in render_pages(pdf, 203, out) for code in decode_qr(page)]


def _band_lines(desk: Desk) -> list[str]:
    listed = desk.window.person_page.bands.list
    return [listed.item(row).text() for row in range(listed.count())]


@pytest.mark.skipif(bool(tools_missing("pdftoppm", "zbarimg")), reason="poppler/zbar missing")
def test_print_reprint_and_scan_the_voided_band(
    qtbot: QtBot,
    desk_of_one: tuple[Desk, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk, person = desk_of_one
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    window = desk.window
    type_then(qtbot, person, ENTER)
    qtbot.waitUntil(lambda: _band_lines(desk) == ["No band printed yet."])
    assert window.person_page.bands.band_button.text() == "Print band (Ctrl+P)"

    pdf = tmp_path / "band.pdf"
    press(qtbot, Qt.Key.Key_P, CTRL)
    _print_to_pdf(qtbot, pdf)
    qtbot.waitUntil(lambda: _band_lines(desk) == [f"{person}/1 · valid"])
    assert _codes(pdf, tmp_path) == [f"FR1:{person}/1"]
    assert "Bands issued: " in window.statusBar().currentMessage()

    press(qtbot, Qt.Key.Key_P, CTRL)  # a reprint asks first: the band worn becomes void
    box = window.person_page.findChild(QMessageBox, "reprintConfirm")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert f"{person}/1" in box.text()
    qtbot.keyClick(box, ENTER)
    _print_to_pdf(qtbot, pdf)
    qtbot.waitUntil(lambda: _band_lines(desk) == [f"{person}/2 · valid", f"{person}/1 · void"])
    assert _codes(pdf, tmp_path) == [f"FR1:{person}/2"]
    assert list(private_temp.iterdir()) == []  # the preview never wrote a file

    press(qtbot, Qt.Key.Key_Escape, NO_KEYS)  # back to Find; the old band is scanned
    assert window.current_page == "find"
    type_then(qtbot, f"FR1:{person}/1", ENTER)
    qtbot.waitUntil(window.search_page.notice.isVisible)
    assert "replaced by a newer one" in window.search_page.notice.text()
    assert window.current_page == "find"


def test_ctrl_p_after_saving_a_household_prints_all_its_bands_in_one_job(
    qtbot: QtBot, desk: Desk, session: Session, queue: Queue
) -> None:
    window = desk.window
    press(qtbot, Qt.Key.Key_H, CTRL)
    type_then(qtbot, "Тестенко", TAB)
    type_then(qtbot, "Орися", ENTER)
    qtbot.waitUntil(lambda: len(window.household_page.members()) == 1)
    type_then(qtbot, "", TAB)  # the next member has the first one's family name
    type_then(qtbot, "Марко", TAB, TAB, TAB, TAB)  # patronymic, born, sex, relationship
    type_then(qtbot, "C")  # a child
    press(qtbot, Qt.Key.Key_Return, CTRL)
    notice = window.search_page.notice
    qtbot.waitUntil(lambda: notice.isVisible() and "Ctrl+P" in notice.text())

    press(qtbot, Qt.Key.Key_P, CTRL)  # one keystroke: the default printer takes the job
    qtbot.waitUntil(lambda: "Bands issued" in window.statusBar().currentMessage(), timeout=20_000)
    desk.context.worker.wait()  # the session is the worker's while the desk runs
    job = wait_for_job(queue.device, lambda data: data.count(b"^XZ") == 2)
    members = [
        p for p, f in session.people.summaries().items() if f.get("family_name") == "Тестенко"
    ]
    assert len(members) == 2
    assert all(member in notice.text() for member in members)
    for member in members:
        assert f"FR1:{member}/1".encode() in job
        assert session.bands(member) == {f"{member}/1": True}


def test_a_stopped_queue_is_said_and_records_nothing(
    qtbot: QtBot, context: UiContext, session: Session, queue: Queue
) -> None:
    queue.server.disable(queue.name)
    person = session.register({"family_name": "Тестенко", "given_name": "Орися"})
    dialog = open_print_dialog(None, context, [person], BAND)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.note.text() != "")
    dialog.print_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
    assert dialog.error.text() == "The printer queue fr-desk is stopped. Nothing was printed."
    assert session.bands(person) == {}
    assert dialog.isVisible()  # to choose another printer, or try again


def test_print_household_asks_first_and_names_everyone_then_a_lock_closes_it(
    qtbot: QtBot, context: UiContext, session: Session
) -> None:
    head, child = session.register_batch(
        [
            {"family_name": "Тестенко", "given_name": "Орися"},
            {"family_name": "Тестенко", "given_name": "Марко"},
        ],
        new_household=True,
        relationships=["head", "child"],
    )
    session.record_band(child, f"{child}/1")
    page = PersonPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.show_person(head)
    qtbot.waitUntil(lambda: page.person_id() == head)
    page.setFocus()
    press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    box = page.findChild(QMessageBox, "reprintConfirm")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert child in box.text()
    assert head not in box.text()
    qtbot.keyClick(box, ENTER)
    dialog = _dialog(qtbot)
    assert dialog.who.text() == f"For: {head}, {child}"  # one job, head first
    assert f"{head}/1, {child}/2" in dialog.note.text()
    context.locked.emit()  # locking closes it, preview and all
    qtbot.waitUntil(
        lambda: not any(isinstance(w, PrintDialog) for w in QApplication.topLevelWidgets())
    )
    context.worker.wait()
    assert session.bands(child) == {f"{child}/1": True}


@pytest.mark.skipif(bool(tools_missing("pdftoppm", "zbarimg")), reason="poppler/zbar missing")
def test_tags_are_printed_without_a_band_number_and_not_recorded(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    person = session.register({"family_name": "Тестенко", "given_name": "Орися"})
    dialog = open_print_dialog(None, context, [person], TAGS)
    qtbot.addWidget(dialog)
    assert dialog.stock_name() == "tags-a4"
    dialog.destination.setCurrentIndex(dialog.destination.count() - 1)  # Save as PDF…
    dialog.pdf_path.setText(str(tmp_path / "tags"))  # ".pdf" is added
    with qtbot.waitSignal(dialog.printed, timeout=20_000):
        dialog.print_button.click()
    assert _codes(tmp_path / "tags.pdf", tmp_path) == [f"FR1:{person}"] * 2
    assert session.bands(person) == {}


def test_printing_settings_are_kept(qtbot: QtBot, data_dir: Path) -> None:
    directory = DataDir(data_dir)
    dialog = SettingsDialog(
        Settings.load(directory), lambda *_: None, UiContext.describe, print_dir=directory
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    printing = dialog.printing
    assert printing is not None
    assert [name for name, box in printing.shown.items() if box.isChecked()] == [
        "given_name",
        "household_id",
    ]  # the default shows little
    printing.stock.setFocus()
    type_then(qtbot, "", Qt.Key.Key_Down, Qt.Key.Key_Down)  # adult 203, adult 300, child 203
    printing.shown["birth_year"].setFocus()
    type_then(qtbot, " ")
    printing.shown["household_id"].setFocus()
    type_then(qtbot, " ")
    press(qtbot, Qt.Key.Key_H, ALT)  # Child band below the age of: 12 by default
    assert focused() is printing.child_age
    assert printing.child_age.text() == "12"
    type_then(qtbot, "", Qt.Key.Key_Down, Qt.Key.Key_Down, ENTER)
    assert not dialog.isVisible()
    assert bands.load_print_settings(directory) == PrintSettings(
        stock="band-child-203", shown=("given_name", "birth_year"), child_band_under=10
    )
    assert (directory.root / "printing.json").stat().st_mode & 0o077 == 0


def test_children_get_child_bands_and_the_pdf_folder_is_remembered(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    """A mother and her 7-year-old: the dialog says the boy gets the child band, the PDF of his
    band is written beside hers; the next dialog starts in the same folder, and the settings
    keep the folder, never the file name the volunteer typed."""
    mother, son = session.register_batch(
        [
            {"family_name": "Тестенко", "given_name": "Орися", "dob": "1990"},
            {"family_name": "Тестенко", "given_name": "Марко", "dob": "2019-06-01"},
        ],
        new_household=True,
    )
    household = session.people.summaries()[mother]["household_id"]
    assert isinstance(household, str)
    open_print_dialog(None, context, [household], BAND)
    dialog = _dialog(qtbot)
    qtbot.addWidget(dialog)
    assert dialog.child_bands.isChecked()
    assert dialog.child_bands.text() == "C&hild bands for children under 12"
    assert f"Child bands (Wristband, child (25 × 178 mm), 203 dpi) for: {son}." in (
        dialog.note.text()
    )
    folder = tmp_path / "out"
    folder.mkdir()
    _print_to_pdf(qtbot, folder / "Тестенко Орися.pdf")
    assert (folder / "Тестенко Орися.pdf").is_file()
    assert (folder / "Тестенко Орися-child.pdf").is_file()
    assert session.bands(son) == {f"{son}/1": True}
    written = (session.data_dir.root / "printing.json").read_text(encoding="utf-8")
    assert "Тестенко" not in written
    assert bands.load_print_settings(session.data_dir).pdf_folder == str(folder)

    open_print_dialog(None, context, [son], BAND)
    again = _dialog(qtbot)
    qtbot.addWidget(again)
    assert again.pdf_path.text() == str(folder / "labels.pdf")
    assert f"Child bands (Wristband, child (25 × 178 mm), 203 dpi) for: {son}." in (
        again.note.text()
    )
    press(qtbot, Qt.Key.Key_H, ALT)  # the volunteer chose the adult band for him after all
    qtbot.waitUntil(lambda: not again.child_bands.isChecked())
    qtbot.waitUntil(lambda: "Child bands" not in again.note.text() and again.note.text() != "")
    again.reject()


def test_saving_as_pdf_says_the_file_holds_names_before_it_is_written(
    qtbot: QtBot, context: UiContext, session: Session
) -> None:
    [person] = session.register_batch([{"family_name": "Тестенко", "given_name": "Орися"}])
    open_print_dialog(None, context, [person], BAND)
    dialog = _dialog(qtbot)
    qtbot.addWidget(dialog)
    press(qtbot, Qt.Key.Key_T, ALT)  # Print to:
    type_then(qtbot, "", Qt.Key.Key_Home)  # a printer (the system's dialog): no file is left
    assert dialog.destination_kind() != PDF
    assert not dialog.pdf_notice.isVisible()
    type_then(qtbot, "", Qt.Key.Key_End)  # Save as PDF…
    assert dialog.pdf_notice.isVisible()
    assert "names included" in dialog.pdf_notice.text()
