"""The about box, opened from the settings: version and commit, and every bundled component with
its licence (Qt and PySide6 LGPL, the DejaVu fonts, each Python package from its metadata), in the
volunteer's language; the application's window icon at every size drawn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg import __version__
from fieldreg.services.build_info import build_info, python_components
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.about_dialog import AboutDialog, application_icon
from fieldreg.ui.app import application
from fieldreg.ui.context import UiContext
from fieldreg.ui.settings_dialog import SettingsDialog
from fieldreg.ui.translations import Translators


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    translators = Translators(qapp)
    translators.switch("uk")
    yield
    translators.switch("en")


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    rows = {}
    for row in range(table.rowCount()):
        name, version, licence = (table.item(row, c).text() for c in range(3))
        rows[name] = (version, licence)
    return rows


def test_the_settings_open_the_about_box_with_the_version_and_commit(
    qtbot: QtBot, data_dir: Path
) -> None:
    directory = DataDir(data_dir)
    settings = SettingsDialog(Settings.load(directory), lambda *_: None, UiContext.describe)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.mouseClick(settings.about_button, Qt.MouseButton.LeftButton)
    about = settings.about
    assert about is not None
    qtbot.waitUntil(about.isVisible)
    info = build_info()
    assert __version__ in about.version.text()
    assert info.commit in about.version.text()
    about.reject()


def test_the_about_box_lists_each_bundled_component_with_its_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    assert rows["Qt"][1] == "LGPL-3.0-only"
    assert "DejaVu fonts" in rows
    assert rows["Python"][0] == build_info().python
    packages = python_components()
    assert {"SQLAlchemy", "cryptography", "alembic", "numpy"} <= {p.name for p in packages}
    for package in packages:
        assert rows[package.name][0] == package.version
    pyside = next(p for p in packages if p.name.lower().startswith("pyside6"))
    assert "LGPL-3.0" in rows[pyside.name][1]
    assert all(licence for _version, licence in rows.values())  # "not stated" rather than blank


def test_the_about_box_speaks_ukrainian(qtbot: QtBot, ukrainian: None) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Про fieldreg"
    assert dialog.version.text().startswith("Версія ")
    assert dialog.table.horizontalHeaderItem(2).text() == "Ліцензія"


def test_the_application_shows_its_own_icon_at_every_size(qapp: QApplication) -> None:
    icon = application_icon()
    assert {QSize(16, 16), QSize(32, 32), QSize(256, 256)} <= set(icon.availableSizes())
    assert application([]).windowIcon().cacheKey() != 0
    assert not application([]).windowIcon().isNull()
