"""Take the README's screenshots of the desk application: `make screenshots`.

Runs the real application (under Xvfb with the xcb platform through `make screenshots`, or with
QT_QPA_PLATFORM=offscreen) on a throwaway store of made-up people (Faker's Ukrainian and Russian
locales; nothing real), walks through the main screens and saves docs/images/ui-*.png. Then runs
itself once more at 150 % scaling (QT_SCALE_FACTOR=1.5) for the readability check.

    python scripts/screenshots.py [--out docs/images] [--only-scaled]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")  # a throwaway store: no need to wait

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from bench.synthetic import people  # noqa: E402
from fieldreg.services.paths import DataDir  # noqa: E402
from fieldreg.services.settings import Settings  # noqa: E402
from fieldreg.ui.app import application, build_window  # noqa: E402
from fieldreg.ui.first_run_wizard import CREATE, KEY  # noqa: E402
from fieldreg.ui.main_window import MainWindow  # noqa: E402
from fieldreg.ui.print_dialog import BAND, open_print_dialog  # noqa: E402

PASSPHRASE = "screenshot passphrase 1"
SIZE = (1200, 780)
HOUSEHOLDS = {
    "": ("Мельничук", "Ганна", "Тарас"),
    "-uk": ("Гнатюк", "Олеся", "Богдан"),
    "-ru": ("Соколова", "Ирина", "Павел"),
}


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(20)


def type_into(widget: QWidget, text: str) -> None:
    """Keystrokes, as a volunteer types them (any alphabet)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
    QApplication.processEvents()


def settle(window: QWidget) -> None:
    for _ in range(5):
        QApplication.processEvents()
    QTest.qWait(50)
    window.repaint()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle(widget)
    path = out / f"ui-{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def field(page: QWidget, name: str) -> QLineEdit:
    found = page.findChild(QLineEdit, name)
    if found is None:
        raise SystemExit(f"no field {name} on {type(page).__name__}")
    return found


def first_run(window: MainWindow, out: Path) -> None:
    wizard = window.wizard
    assert wizard is not None
    save(window, out, "first-run")
    wizard.go(CREATE)
    type_into(wizard.point, "Школа № 5, спортзал")
    type_into(wizard.operator, "Оксана")
    type_into(wizard.passphrase, PASSPHRASE)
    type_into(wizard.repeat, PASSPHRASE)
    save(window, out, "create-store")
    wizard.create_button.click()
    wait_for(lambda: wizard.steps.currentIndex() == KEY, "the recovery key")
    save(window, out, "recovery-key")
    groups = wizard.key_view.text().split("-")
    wizard.written_button.click()
    for number, group_field in zip(wizard._asked, wizard.group_fields, strict=True):
        type_into(group_field, groups[number - 1])
    wizard.confirm_button.click()
    wait_for(lambda: window.screens.currentWidget() is window.unlock_page, "the unlock page")
    save(window, out, "unlock")


def unlock(window: MainWindow) -> None:
    type_into(window.unlock_page.passphrase, PASSPHRASE)
    window.unlock_page.unlock_button.click()
    wait_for(lambda: window.context.session is not None, "unlocking")


def fill_store(window: MainWindow, count: int) -> list[dict[str, object]]:
    chosen = list(people(count, seed=42))
    done: list[object] = []
    window.context.run(lambda s: s.register_batch(chosen), done.append)
    wait_for(lambda: bool(done), "registering the people")
    window.status.refresh()

    def counted() -> bool:
        figures = window.status.figures
        return figures is not None and figures[1].total == count

    wait_for(counted, "the counts")
    return chosen


def tour(window: MainWindow, out: Path, crowd: list[dict[str, object]], suffix: str = "") -> None:
    """Find with results, register with a duplicate, household, person, roster."""
    search = window.search_page
    window.go("find")
    someone = crowd[7]
    type_into(search.field, f"{someone['family_name']}")
    wait_for(lambda: search.model.rowCount() > 0, "search results")
    save(window, out, f"find{suffix}")

    window.go("register")
    page = window.register_page
    family = str(someone["family_name"])
    type_into(field(page, "family_name"), family[:-2] + family[-1])  # a typo: one letter less
    type_into(field(page, "given_name"), str(someone["given_name"]))
    wait_for(lambda: page.duplicates.candidate_ids() != [], "the duplicates panel")
    save(window, out, f"register-duplicate{suffix}")
    page.clear_personal_data()

    if suffix == "-150":  # the readability check needs the busiest pages only
        return
    window.go("household")
    household = window.household_page
    # a family of its own per language: the print preview registers the Мельничук family
    family_name, first, second = HOUSEHOLDS[suffix]
    type_into(field(household, "family_name"), family_name)
    type_into(field(household, "given_name"), first)
    household.add_member()
    wait_for(lambda: len(household.members()) == 1, "the first member")
    type_into(field(household, "given_name"), second)  # the family name is the first member's
    save(window, out, f"household{suffix}")
    household.clear_personal_data()

    hit = search.model.hit(0)
    assert hit is not None
    window.context.open_person.emit(hit.person_id)
    wait_for(lambda: window.person_page.person_id() == hit.person_id, "the person page")
    save(window, out, f"person{suffix}")

    window.go("roster")
    wait_for(lambda: window.roster_page.findChildren(QWidget) != [], "the roster")
    QTest.qWait(300)
    save(window, out, f"roster{suffix}")


def print_preview(window: MainWindow, out: Path) -> None:
    """The print dialog with the preview of a household's bands."""
    family = [
        {"family_name": "Мельничук", "given_name": "Ганна", "sex": "female", "dob": "1984"},
        {"family_name": "Мельничук", "given_name": "Тарас", "sex": "male", "dob": "2013"},
        {"family_name": "Мельничук", "given_name": "Соломія", "sex": "female", "dob": "2018"},
    ]
    done: list[str] = []
    window.context.run(
        lambda s: s.people.summaries()[s.register_batch(family, new_household=True)[0]][
            "household_id"
        ],
        done.append,
    )
    wait_for(lambda: bool(done), "registering the household")
    dialog = open_print_dialog(window, window.context, done, BAND)
    wait_for(lambda: dialog.note.text() != "", "the print preview")
    save(dialog, out, "print")
    dialog.reject()


def sync_pages(app: QApplication, window: MainWindow, out: Path, temporary: Path) -> None:
    """The Sync page after an export, and the Coordinator page with a conflict to settle: a hub
    enrolls this laptop and one at the station; the hub edits a phone this laptop edits too."""
    from fieldreg.core.names import transliterate
    from fieldreg.services import enrollment_service as enroll
    from fieldreg.services import sync_service as sync
    from fieldreg.services import vault

    network = "screenshot network passphrase"
    hub_dir = DataDir(temporary / "hub")
    enroll.create_network(
        hub_dir, point="Штаб", operator="Ірина", passphrase=PASSPHRASE, network_passphrase=network
    )
    hub = vault.open_session(hub_dir, operator=None, passphrase=PASSPHRASE)
    answers: list[object] = []
    window.context.run(enroll.enrollment_request, answers.append)
    wait_for(lambda: len(answers) == 1, "the enrollment request")
    answer = enroll.approve_request(hub, str(answers[0]), prefix="K7", network_passphrase=network)
    window.context.run(lambda s: enroll.accept_answer(s, answer.answer), answers.append)
    window.context.run(lambda s: sorted(s.people.summaries())[5], answers.append)
    wait_for(lambda: len(answers) == 3, "the enrollment")
    someone = str(answers[2])
    window.context.run(lambda s: s.person(sorted(s.people.summaries())[8]).fields, answers.append)
    wait_for(lambda: len(answers) == 4, "a person registered twice")
    twice = dict(answers[3])  # type: ignore[call-overload]

    station_dir, station_stick = DataDir(temporary / "station"), temporary / "stick-station"
    vault.init_store(station_dir, point="Вокзал", operator="Петро", passphrase=PASSPHRASE)
    station = vault.open_session(station_dir, operator=None, passphrase=PASSPHRASE)
    request = enroll.enrollment_request(station)
    enroll.accept_answer(
        station,
        enroll.approve_request(hub, request, prefix="M3", network_passphrase=network).answer,
    )
    station.register_batch(list(people(6, seed=7)))
    # The same person again at the station, typed in Latin letters (a likely duplicate).
    station.register(
        {
            "family_name": transliterate(str(twice["family_name"])),
            "given_name": transliterate(str(twice["given_name"])),
            "dob": twice.get("dob"),
            "sex": twice.get("sex"),
        }
    )
    station_stick.mkdir()
    sync.export_bundles(station, station_stick)
    station.lock()

    page = window.sync_page
    window.go("sync")
    for number in (1, 2):
        stick = temporary / f"stick-{number}"
        stick.mkdir()
        page.export_to(stick)
        wait_for(lambda: not page.progress.running and bool(page._written), "the export")
        if number == 1:  # the hub has this bundle and edits the phone; so does this laptop
            sync.import_bundles(hub, sorted(stick.glob("*.bundle")))
            hub.update(someone, {"phone": "+380671234567"})
            hub.lock()
            window.context.run(
                lambda s: s.update(someone, {"phone": "+380509876543"}), answers.append
            )
    wait_for(lambda: getattr(window.status.pending, "events", 1) == 0, "the status bar")
    save(window, out, "sync")

    settings = Settings.load(hub_dir)
    settings.language = "en"
    hub_window, _idle = build_window(app, hub_dir, settings)
    hub_window.resize(*SIZE)
    hub_window.start()
    hub_window.show()
    QTest.qWaitForWindowExposed(hub_window)
    unlock(hub_window)
    wait_for(hub_window.actions_by_name["coordinator"].isVisible, "the coordinator")
    hub_window.go("coordinator")
    damaged = temporary / "old-stick.bundle"
    damaged.write_bytes(b"\x89FRB\r\n\x1a\n" + bytes(40))
    files = [*sorted(stick.glob("*.bundle")), *sorted(station_stick.glob("*.bundle")), damaged]
    coordinator = hub_window.coordinator_page
    coordinator.import_files(files)
    wait_for(lambda: bool(coordinator.conflicts.buttons), "the import")
    save(hub_window, out, "coordinator")
    coordinator.tabs.setCurrentWidget(coordinator.duplicates)
    coordinator.look_for_duplicates(True)
    wait_for(lambda: coordinator.duplicates.candidate_count > 0, "the duplicate review")
    save(hub_window, out, "coordinator-duplicates")
    hub_window.lock_controller.shut_down()
    hub_window.close()


def take(out: Path, scaled: bool) -> None:
    app = application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as temporary:
        data_dir = DataDir(Path(temporary) / "store")
        settings = Settings.load(data_dir)
        settings.language = "en"
        window, _idle = build_window(app, data_dir, settings)
        window.resize(*SIZE)
        window.start()
        window.show()
        QTest.qWaitForWindowExposed(window)
        if scaled:
            first_run_quick(window)
        else:
            first_run(window, out)
        unlock(window)
        crowd = fill_store(window, 120)
        if scaled:
            tour(window, out, crowd, "-150")
        else:
            tour(window, out, crowd)
            dialog = window.open_settings()
            save(dialog, out, "settings")
            dialog.reject()
            print_preview(window, out)
            for language in ("uk", "ru"):
                window._translators.switch(language)
                tour(window, out, crowd, f"-{language}")
            window._translators.switch("en")
            sync_pages(app, window, out, Path(temporary))
        window.lock_controller.shut_down()
        window.close()


def first_run_quick(window: MainWindow) -> None:
    """The store for the scaled run, made without screenshots of the wizard."""
    from fieldreg.services import vault

    vault.init_store(
        window.context.data_dir, point="Школа № 5", operator="Оксана", passphrase=PASSPHRASE
    )
    window.show_unlock("created")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--only-scaled", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only_scaled:
        take(args.out, scaled=True)
        return 0
    take(args.out, scaled=False)
    env = dict(os.environ, QT_SCALE_FACTOR="1.5")
    return subprocess.run(
        [sys.executable, __file__, "--out", str(args.out), "--only-scaled"], env=env, check=False
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
