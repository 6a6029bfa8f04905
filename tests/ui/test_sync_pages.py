"""Sync in the desk application: a laptop enrolls and exports to a stick from the Sync page (the
status bar says what is not exported yet); the coordinator imports bundles from its page, sees a
conflict side by side and keeps one value; a damaged file shows up in quarantine with its reason.
Real stores, made with the sync services as tests/sync makes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QGroupBox, QPushButton
from pytestqt.qtbot import QtBot

from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.coordinator_page import CONFLICTS, DUPLICATES, QUARANTINE
from fieldreg.ui.device_dialogs import DevicesTab
from fieldreg.ui.sync_page import SyncPage
from tests.sync.sync_support import (
    NETWORK_PASSPHRASE,
    create_coordinator,
    enroll_device,
    new_laptop,
    open_store,
)
from tests.ui.desk import open_desk
from tests.ui.keyboard import ALT, CTRL, ENTER, press, running_context, type_text
from tests.ui.shell_support import synthetic_people

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _answer_files(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> None:
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_args, **_kw: value))


def _rows(page: Any, table: str) -> list[list[str]]:
    widget = getattr(page, table)
    items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
    return [[item.text(c) for c in range(widget.columnCount())] for item in items]


def test_a_laptop_exports_to_a_stick_and_the_status_bar_counts_what_is_left(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = new_laptop(tmp_path / "laptop", create_coordinator(tmp_path / "hub"), "K7")
    session = open_store(laptop)
    session.register(synthetic_people(1)[0])
    stick = tmp_path / "stick"
    stick.mkdir()
    _answer_files(monkeypatch, "getExistingDirectory", str(stick))
    with open_desk(qtbot, qapp, session, laptop.root) as desk:
        window, status = desk.window, desk.window.status
        qtbot.waitUntil(lambda: status.pending is not None)
        assert status.unexported.text() == "People not exported: 1 · changes: 1"
        assert not window.actions_by_name["coordinator"].isVisible()

        press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
        page = window.sync_page
        assert window.current_page == "sync"
        qtbot.waitUntil(page.export_button.isEnabled)
        assert "New IDs start with K7" in page.network_text.text()
        page.export_button.setFocus()
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(page.result_text.isVisible)

        [bundle] = stick.glob("*.bundle")
        assert page.result_text.text().startswith("Exported and verified")
        assert str(bundle) in page.result_text.text()
        assert page.pending_text.text() == "Everything is exported."
        qtbot.waitUntil(lambda: status.pending is not None and status.pending.events == 0)
        assert status.unexported.text() == "People not exported: 0 · changes: 0"

        context = desk.context
        context.run(
            lambda s: s.register({"family_name": "Мороз", "given_name": "Тарас"}),
            lambda person: context.people_changed.emit([person]),
        )
        qtbot.waitUntil(lambda: status.unexported.text().startswith("People not exported: 1 "))

        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)  # again: the next one
        qtbot.waitUntil(lambda: len(list(stick.glob("*.bundle"))) == 2)


def test_enrollment_request_approval_and_answer_from_the_pages(
    qtbot: QtBot, session: Session, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = open_store(create_coordinator(tmp_path / "hub"))
    request, answer = tmp_path / "request.txt", tmp_path / "answer.txt"
    with running_context(session, data_dir) as laptop_ui, running_context(hub, tmp_path) as hub_ui:
        page = SyncPage(laptop_ui)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.role == "")
        assert not page.export_button.isEnabled()
        assert page.device_name.text() == "Школа 5"
        _answer_files(monkeypatch, "getSaveFileName", (str(request), ""))
        qtbot.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.request_text.toPlainText() != "")
        assert request.read_text().strip() == page.request_text.toPlainText()
        assert str(request) in page.request_caption.text()

        devices = DevicesTab(hub_ui)
        qtbot.addWidget(devices)
        dialog = devices.approve()
        dialog.request_path.setText(str(request))
        dialog.prefix.setFocus()
        type_text(qtbot, dialog.prefix, "m3")
        dialog.passphrase.setFocus()
        type_text(qtbot, dialog.passphrase, NETWORK_PASSPHRASE)
        _answer_files(monkeypatch, "getSaveFileName", (str(answer), ""))
        with qtbot.waitSignal(dialog.approved):
            qtbot.keyClick(dialog.passphrase, ENTER)
        # what the coordinator is told once the answer is saved whole (not the file's first byte)
        qtbot.waitUntil(lambda: f"Answer saved to {answer}." in dialog.note.text())
        assert "new IDs start with M3" in dialog.note.text()
        assert dialog.passphrase.text() == ""
        dialog.reject()

        _answer_files(monkeypatch, "getOpenFileName", (str(answer), ""))
        qtbot.mouseClick(page.answer_button, Qt.MouseButton.LeftButton)
        # the answer is checked and the keys pinned on the worker: slow on a loaded machine
        qtbot.waitUntil(lambda: page.role == "device", timeout=30_000)
        assert "New IDs start with M3" in page.network_text.text()
        assert page.export_button.isEnabled()
    hub.lock()


def _conflicting_bundles(hub: Session, folder: Path) -> tuple[str, list[Path]]:
    """Two points change the same person's phone before either bundle reached the hub."""
    a, b = enroll_device(hub, "K7"), enroll_device(hub, "M3")
    person = a.register(family_name="Шевченко", given_name="Марія", phone="+380501111111")
    b.learn(a.events)
    a.change(person, phone="+380502222222")
    b.change(person, phone="+380503333333")
    paths = []
    for device in (a, b):
        path = folder / f"fieldreg-{device.prefix}.bundle"
        path.write_bytes(device.bundle())
        paths.append(path)
    return person, paths


def test_the_coordinator_imports_resolves_a_conflict_and_quarantines_a_damaged_file(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory: DataDir = create_coordinator(tmp_path / "hub")
    hub = open_store(directory)
    person, paths = _conflicting_bundles(hub, tmp_path)
    _answer_files(monkeypatch, "getOpenFileNames", ([str(p) for p in paths], ""))
    with open_desk(qtbot, qapp, hub, directory.root) as desk:
        window = desk.window
        qtbot.waitUntil(window.actions_by_name["coordinator"].isVisible)
        assert not window.actions_by_name["sync"].isVisible()
        assert not window.status.unexported.isVisible()  # a coordinator exports nothing

        press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
        page = window.coordinator_page
        assert window.current_page == "coordinator"
        page.import_button.setFocus()
        press(qtbot, ENTER, Qt.KeyboardModifier.NoModifier)
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 2)
        rows = _rows(page, "results")
        assert sorted(row[1:4] for row in rows) == [  # in the order of the devices' ids
            ["Пункт K7 (K7)", "1–2", "2"],
            ["Пункт M3 (M3)", "1–1", "1"],
        ]
        assert any("People in conflict: 1." in row[4] for row in rows)

        qtbot.waitUntil(lambda: len(page.conflicts.buttons) == 2)
        assert page.tabs.currentIndex() == CONFLICTS
        titles = [box.title() for box in page.conflicts.findChildren(QGroupBox)]
        assert titles == [f"Шевченко Марія · {person} · Phone"]  # values side by side below
        buttons: list[QPushButton] = page.conflicts.buttons
        names = [b.accessibleName() for b in buttons]
        assert sorted(names) == [
            "Keep “+380502222222” as Phone",
            "Keep “+380503333333” as Phone",
        ]
        keep = buttons[names.index("Keep “+380502222222” as Phone")]
        keep.setFocus()
        qtbot.keyClick(keep, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.conflicts.conflicts == [])
        assert page.conflicts.empty.text() == "No open conflicts."
        shown: list[object] = []
        desk.context.run(lambda s: s.person(person).fields["phone"], shown.append)
        qtbot.waitUntil(lambda: shown == ["+380502222222"])

        damaged = tmp_path / "damaged.bundle"
        damaged.write_bytes(b"not a bundle at all")
        page.import_files([damaged])
        qtbot.waitUntil(lambda: page.quarantine.topLevelItemCount() == 1)
        reason = "This file is not a fieldreg bundle."
        assert _rows(page, "results")[0][4] == f"Rejected, moved to quarantine: {reason}"
        assert _rows(page, "quarantine")[0][2] == reason
        assert page.tabs.tabText(QUARANTINE) == "&Quarantine (1)"
        assert not damaged.exists()  # moved, never deleted


def test_the_coordinator_reviews_likely_duplicates_marks_one_and_undoes_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """Two points registered the same woman (in another alphabet, with the year of birth only)
    and her brother; the coordinator looks among the people just imported, marks the pair with
    the keyboard, sees the mark on the person, undoes it; locking clears every name."""
    directory: DataDir = create_coordinator(tmp_path / "hub")
    hub = open_store(directory)
    a, b = enroll_device(hub, "K7"), enroll_device(hub, "M3")
    first = a.register(family_name="Шевченко", given_name="Олена", dob="1984-03-12")
    again = b.register(family_name="Shevchenko", given_name="Olena", dob="1984")
    b.register(family_name="Шевченко", given_name="Петро", dob="1984")  # her twin brother
    paths = []
    for device in (a, b):
        path = tmp_path / f"{device.prefix}.bundle"
        path.write_bytes(device.bundle())
        paths.append(path)
    with open_desk(qtbot, qapp, hub, directory.root) as desk:
        window = desk.window
        qtbot.waitUntil(window.actions_by_name["coordinator"].isVisible)
        press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
        page = window.coordinator_page
        page.import_files(paths)
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 2)
        review = page.duplicates
        assert review.look_imported.text() == "Look among the people just &imported (3)"

        press(qtbot, Qt.Key.Key_P, ALT)
        assert page.tabs.currentIndex() == DUPLICATES
        assert "registered twice" in review.status.text()
        press(qtbot, Qt.Key.Key_I, ALT)
        qtbot.waitUntil(lambda: review.candidates.topLevelItemCount() == 1)
        [row] = _rows(review, "candidates")
        assert row[0] == f"Shevchenko Olena · 1984 · {again}"
        assert row[1] == f"Шевченко Олена · 12.03.1984 · {first}"
        assert int(row[2]) >= 85
        # explained field by field: each name in its two spellings, the year
        assert row[3].startswith("Family name: another spelling (Шевченко / Shevchenko)")
        assert "Born: the same year (1984 / 1984)" in row[3]
        assert review.status.text() == "Pairs that may be one person registered twice: 1."
        assert page.tabs.tabText(DUPLICATES) == "Du&plicates (1)"
        assert review.candidates.hasFocus()

        press(qtbot, Qt.Key.Key_M, ALT)
        qtbot.waitUntil(lambda: review.marks.topLevelItemCount() == 1)
        assert _rows(review, "marks") == [[row[0], row[1]]]
        assert review.candidates.topLevelItemCount() == 0
        assert page.tabs.tabText(DUPLICATES) == "Du&plicates (0)"
        marked: list[object] = []
        desk.context.run(lambda s: s.person(again).duplicate_of, marked.append)
        qtbot.waitUntil(lambda: marked == [[first]])

        review.marks.setFocus()
        press(qtbot, Qt.Key.Key_U, ALT)
        qtbot.waitUntil(lambda: review.marks.topLevelItemCount() == 0)
        desk.context.run(lambda s: s.person(again).duplicate_of, marked.append)
        qtbot.waitUntil(lambda: len(marked) == 2)
        assert marked[1] == []

        press(qtbot, Qt.Key.Key_E, ALT)  # everyone: the pair is offered again
        qtbot.waitUntil(lambda: review.candidates.topLevelItemCount() == 1)
        press(qtbot, Qt.Key.Key_A, ALT)  # set aside for now (this session)
        qtbot.waitUntil(lambda: review.candidates.topLevelItemCount() == 0)
        assert review.status.text() == "No likely duplicates found."

        press(qtbot, Qt.Key.Key_E, ALT)
        qtbot.waitUntil(lambda: review.candidates.topLevelItemCount() == 1)
        press(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.waitUntil(window.unlock_page.isVisible)
        qtbot.waitUntil(lambda: review.candidates.topLevelItemCount() == 0)
        assert review.marks.topLevelItemCount() == 0
        assert not review.look_imported.isEnabled()
