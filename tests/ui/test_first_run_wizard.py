"""First run by keyboard alone: the store is created, the recovery key shown, and the volunteer
cannot go on without typing back the two groups asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.app import store_dir
from fieldreg.ui.context import UiContext
from fieldreg.ui.first_run_wizard import CONFIRM, CREATE, KEY, FirstRunWizard
from fieldreg.ui.recovery_key_view import group_matches
from fieldreg.ui.worker import Worker
from tests.conftest import PASSPHRASE
from tests.ui.keyboard import ENTER, focused, type_then


@pytest.fixture
def wizard(qtbot: QtBot, data_dir: Path) -> Iterator[FirstRunWizard]:
    worker = Worker()
    page = FirstRunWizard(UiContext(DataDir(data_dir), worker))
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    yield page
    worker.wait()


def test_a_store_is_created_and_the_recovery_key_must_be_confirmed(
    qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path
) -> None:
    created: list[str] = []
    wizard.created.connect(created.append)
    assert focused() is wizard.new_button
    type_then(qtbot, "", ENTER)
    assert wizard.steps.currentIndex() == CREATE
    type_then(qtbot, "Школа 5", ENTER)
    type_then(qtbot, "Оксана", ENTER)
    type_then(qtbot, PASSPHRASE, ENTER)
    type_then(qtbot, PASSPHRASE + "x", ENTER)  # a slip in the repeat
    assert wizard.errors["repeat"].isVisible()
    assert focused() is wizard.repeat
    assert wizard.repeat.text() == ""
    assert not DataDir(data_dir).exists()
    type_then(qtbot, PASSPHRASE, ENTER)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == KEY, timeout=20_000)
    assert wizard.passphrase.text() == wizard.repeat.text() == ""
    key = wizard.key_view.text()
    groups = key.split("-")
    assert len(groups) == 7

    type_then(qtbot, "", ENTER)  # "I have written it down"
    assert wizard.steps.currentIndex() == CONFIRM
    first, second = wizard._asked
    wrong = groups[first % 7]  # another group of the same key
    type_then(qtbot, wrong, ENTER)
    type_then(qtbot, groups[second - 1], ENTER)
    assert wizard.steps.currentIndex() == CONFIRM
    assert wizard.confirm_error.isVisible()
    assert str(first) in wizard.confirm_error.text()
    assert created == []

    wizard.group_fields[0].clear()
    wizard.group_fields[1].clear()
    wizard.group_fields[0].setFocus()
    type_then(qtbot, groups[first - 1].lower(), ENTER)  # case does not matter
    type_then(qtbot, groups[second - 1], ENTER)
    assert len(created) == 1
    assert wizard.key_view.text().strip("-") == ""  # the key is not kept once confirmed
    operators = vault.operators(DataDir(data_dir))
    assert [(o.operator_id, o.label) for o in operators] == [(created[0], "Оксана")]
    session = vault.open_session(DataDir(data_dir), operator=None, passphrase=PASSPHRASE)
    try:
        assert session.point_name() == "Школа 5"
    finally:
        session.lock()


def test_a_short_passphrase_is_said_next_to_its_field(
    qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path
) -> None:
    wizard.go(CREATE)
    for text in ("Point", "Taras", "short", "short"):
        type_then(qtbot, text, ENTER)
    qtbot.waitUntil(wizard.errors["passphrase"].isVisible)
    assert "10" in wizard.errors["passphrase"].text()
    assert wizard.steps.currentIndex() == CREATE
    assert not DataDir(data_dir).exists()


def test_group_check_forgives_what_the_recovery_parser_forgives() -> None:
    key = "5HDA6-EEKBY-XKYG5-BG7VC-3RYMP-K6QZJ-BY2BD"
    assert group_matches(key, 1, " 5hda6 ")
    assert group_matches(key, 3, "XKYG5")
    assert not group_matches(key, 3, "XKYG6")
    assert not group_matches(key, 3, "EEKBY")  # the right characters of the wrong group
    assert not group_matches(key, 2, "")
    assert not group_matches(key, 2, "EEKBY-XKYG5")


def test_open_an_existing_store_folder(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    existing = DataDir(tmp_path / "usb" / "store")
    vault.init_store(existing, point="Depot", operator="Taras", passphrase=PASSPHRASE)
    chosen = [str(empty), str(existing.root)]
    monkeypatch.setattr(
        "fieldreg.ui.first_run_wizard.QFileDialog.getExistingDirectory",
        lambda *_args: chosen.pop(0),
    )
    opened: list[DataDir] = []
    wizard.store_opened.connect(opened.append)
    wizard.open_button.click()
    assert wizard.open_error.isVisible()
    assert "no store" in wizard.open_error.text()
    assert opened == []
    wizard.open_button.click()
    assert opened == [existing]
    assert not wizard.open_error.isVisible()


def test_the_folder_opened_once_is_used_at_the_next_start(tmp_path: Path) -> None:
    launch = DataDir(tmp_path / "default")
    existing = DataDir(tmp_path / "usb" / "store")
    settings = Settings.load(launch)
    assert store_dir(launch, settings) == launch
    vault.init_store(existing, point="Depot", operator="Taras", passphrase=PASSPHRASE)
    settings.set("store_folder", str(existing.root))
    assert store_dir(launch, settings) == existing
    settings.set("store_folder", str(tmp_path / "gone"))  # the stick is not plugged in
    assert store_dir(launch, settings) == launch
