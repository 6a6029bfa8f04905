"""Walk through the desk's screens in one language on a made-up store, and print every text that
does not fit (tests/ui/cut_off.py), one line each. Run in its own process, because the scaling
(QT_SCALE_FACTOR) and the screen (QT_QPA_PLATFORM=offscreen:configfile=...) are fixed when Qt
starts; test_cut_off_labels.py runs it at 100 % and 150 %.

    python -m tests.ui.layout_tour LANGUAGE WIDTH HEIGHT [PNG_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldreg.services import enrollment_service, vault
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.ui.app import application, build_window
from fieldreg.ui.person_status import StatusDialog
from tests.ui.cut_off import cut_off
from tests.ui.shell_support import synthetic_people

PASSPHRASE = "layout tour passphrase"
os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")  # a throwaway store


def _wait(condition: Callable[[], bool]) -> None:
    for _ in range(1500):
        if condition():
            return
        QTest.qWait(20)
    raise SystemExit("timed out")


def tour(language: str, width: int, height: int, pictures: Path | None) -> list[str]:
    app = application(sys.argv[:1])
    found: list[str] = []

    def look(widget: QWidget, name: str) -> None:
        for _ in range(5):
            QApplication.processEvents()
        QTest.qWait(30)
        found.extend(f"{name}: {problem}" for problem in cut_off(widget))
        if pictures is not None:
            scale = os.environ.get("QT_SCALE_FACTOR", "1")
            widget.grab().save(str(pictures / f"{language}-{scale}-{name}.png"))

    with tempfile.TemporaryDirectory() as temporary:
        directory = DataDir(Path(temporary) / "store")
        settings = Settings.load(directory)
        settings.language = language
        window, _idle = build_window(app, directory, settings)
        window.resize(width, height)
        window.start()
        window.show()
        QTest.qWaitForWindowExposed(window)
        wizard = window.wizard
        assert wizard is not None
        look(window, "first-run")
        wizard.start_creating(hub=False)
        look(window, "create-store")
        wizard.start_creating(hub=True)
        look(window, "create-hub")
        vault.init_store(
            directory, point="Школа № 5, спортзал", operator="Оксана", passphrase=PASSPHRASE
        )
        window.show_unlock("created")
        look(window, "unlock")
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock_button.click()
        _wait(lambda: window.context.session is not None)
        people = synthetic_people(12, seed=3)
        answers: list[object] = []
        window.context.run(lambda s: s.register_batch(people), answers.append)
        _wait(lambda: bool(answers))
        ids = answers[0]
        assert isinstance(ids, list)
        window.context.run(
            lambda s: s.set_status(ids[1], "departed", transport="Автобус 12"), answers.append
        )
        _wait(lambda: len(answers) == 2)
        window.go("find")
        window.search_page.field.setText(str(people[1]["family_name"]))
        _wait(lambda: window.search_page.model.rowCount() > 0)
        look(window, "find")
        window.go("register")
        look(window, "register")
        window.go("household")
        look(window, "household")
        window.show_person(ids[1])
        _wait(lambda: window.person_page.person_id() == ids[1])
        look(window, "person")
        window.person_page.status.choose("departed")
        status_dialog = window.findChild(StatusDialog)
        assert status_dialog is not None
        look(status_dialog, "departed")
        status_dialog.reject()
        window.go("roster")
        _wait(lambda: window.roster_page.model.rowCount() == len(people))
        look(window, "roster")
        window.go("sync")
        QTest.qWait(300)
        look(window, "sync")
        dialog = window.open_settings()
        look(dialog, "settings")
        dialog.reject()
        window.lock_controller.shut_down()
        window.close()

        hub_dir = DataDir(Path(temporary) / "hub")
        enrollment_service.create_network(
            hub_dir,
            point="Обласна координація",
            operator="Ірина",
            passphrase=PASSPHRASE,
            network_passphrase=PASSPHRASE + " of the network",
        )
        hub_settings = Settings.load(hub_dir)
        hub_settings.language = language
        hub, _hub_idle = build_window(app, hub_dir, hub_settings)
        hub.resize(width, height)
        hub.start()
        hub.show()
        QTest.qWaitForWindowExposed(hub)
        hub.unlock_page.passphrase.setText(PASSPHRASE)
        hub.unlock_page.unlock_button.click()
        _wait(hub.actions_by_name["coordinator"].isVisible)
        hub.go("coordinator")
        look(hub, "coordinator")
        hub.lock_controller.shut_down()
        hub.close()
    return found


def main() -> int:
    language, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pictures = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    for line in tour(language, width, height, pictures):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
