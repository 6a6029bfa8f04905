"""Keystrokes a volunteer needs at the desk, counted by typing them into the real window (offscreen,
in a child process, on a fresh small store): one person from find first to saved (target ≤ 30),
a family of five (target ≤ 110). The scenarios are the ones tests/ui/test_keystrokes.py checks.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.gauge import child_figures

PASSPHRASE = "correct horse battery staple"


def _count_in_child(root: Path) -> dict[str, int]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["FIELDREG_KDF_PROFILE"] = "minimum"  # the KDF is not what is counted here

    from fieldreg.services import vault
    from fieldreg.services.paths import DataDir
    from fieldreg.services.settings import Settings
    from fieldreg.ui.app import application, build_window
    from tests.ui.keystroke_scenarios import (
        Keyboard,
        family_of_five,
        one_person_from_find_first,
        wait_until,
    )

    directory = DataDir(root / "store")
    vault.init_store(directory, point="Bench", operator="Bench", passphrase=PASSPHRASE, prefix="B7")
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    app = application([])
    settings = Settings(root / "settings.json")
    settings.language = "en"
    window, _idle = build_window(app, directory, settings)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    window.start()
    window.lock_controller.unlocked(session)
    wait_until(window.search_page.field.hasFocus)
    counts: dict[str, int] = {}
    for name, scenario in (
        ("one_person", one_person_from_find_first),
        ("family_of_five", family_of_five),
    ):
        keys = Keyboard()
        scenario(window, keys)
        counts[name] = keys.count
    window.lock_controller.shut_down()
    window.close()
    return counts


def run(report: Callable[..., None]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        counts = child_figures("bench.bench_keystrokes", temp)
    one, family = counts["one_person"], counts["family_of_five"]
    report("keys: one person, find first to saved", one, "≤ 30", one <= 30, " keys")
    report("keys: family of five (household)", family, "≤ 110", family <= 110, " keys")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_count_in_child(Path(sys.argv[2]))))
    else:
        run(print)
