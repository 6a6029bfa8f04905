"""`fieldreg` without a subcommand starts the desk application on the folder given by
--data-dir, with the first-run wizard when that folder holds no store, and a private log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.__main__ import main
from fieldreg.ui.main_window import MainWindow


def test_no_subcommand_starts_the_desk_on_the_data_dir(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    seen: dict[str, object] = {}

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[0]
        seen["visible"] = window.isVisible()
        seen["first run"] = window.screens.currentWidget() is window.wizard
        seen["store"] = window.context.data_dir.root
        window.close()

    QTimer.singleShot(0, look_then_close)
    assert main(["--data-dir", str(folder)]) == 0
    assert seen == {"visible": True, "first run": True, "store": folder}
    log = folder / "logs" / "fieldreg.log"
    assert "started" in log.read_text(encoding="utf-8")
    assert log.stat().st_mode & 0o777 == 0o600
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
