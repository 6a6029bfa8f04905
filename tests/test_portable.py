"""Portable mode, as on a USB stick: with a file named `portable` beside the program (or
`--portable`, before or after the command), the store, settings and logs live in `fieldreg-data/`
beside it, private, and a CLI session and a desk start leave the home directory as it was (every
file listed before and after). The "program" here is packaging/fieldreg_launcher.py copied onto a
stick folder, the script the frozen build runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldreg.services import portable
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "packaging" / "fieldreg_launcher.py"
# The desk as the launcher starts it, quitting by itself two seconds after its window is up
# (the test's only addition; everything before Qt starts is the program's own).
DESK_ONCE = """
import sys
import fieldreg.ui.app as desk

made = desk.application


def application(argv):
    from PySide6.QtCore import QTimer

    app = made(argv)
    QTimer.singleShot(2000, app.quit)
    return app


desk.application = application
from fieldreg.__main__ import main

sys.exit(main(sys.argv[1:]))
"""


def _tree(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {
        str(path.relative_to(folder)): (
            path.lstat().st_size,
            path.lstat().st_mtime_ns,
            path.lstat().st_mode,
        )
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    shutil.copy(LAUNCHER, folder / "fieldreg_launcher.py")
    (folder / "desk_once.py").write_text(DESK_ONCE, encoding="utf-8")
    return folder


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    (folder / "Documents" / "owner's letter.txt").write_text("not ours", encoding="utf-8")
    (folder / ".config").mkdir()
    return folder


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "FIELDREG_")) and k not in {"HOME", "APPDATA", "LOCALAPPDATA"}
    }
    return {
        **env,
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "FIELDREG_PASSPHRASE": PASSPHRASE,
        "FIELDREG_KDF_PROFILE": "minimum",
    }


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(script), *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_marker_file_keeps_a_cli_session_and_the_desk_on_the_stick(
    stick: Path, home: Path
) -> None:
    (stick / "portable").write_text("", encoding="utf-8")
    launcher = stick / "fieldreg_launcher.py"
    before = _tree(home)

    _run(launcher, home, "init", "--point", "Школа 5", "--operator", "Olena")
    registered = _run(
        launcher, home, "register", "--family", "Бондар", "--given", "Марія", "--json"
    )
    person = json.loads(registered.stdout)["id"]
    assert person in _run(launcher, home, "search", "Бондар").stdout
    _run(launcher, home, "band", "print", person, "--pdf", str(stick / "band.pdf"))
    _run(stick / "desk_once.py", home)

    assert _tree(home) == before
    data = stick / portable.DATA_FOLDER
    assert (data / "store.sqlite").is_file()
    log = (data / "logs" / "fieldreg.log").read_text(encoding="utf-8")
    assert "started: unlock, language " in log
    assert ", portable" in log
    assert (data / portable.PROFILE_FOLDER / "config").is_dir()
    for folder in (data, data / portable.PROFILE_FOLDER, data / "logs"):
        assert folder.stat().st_mode & 0o077 == 0, folder
    assert (data / "store.sqlite").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_portable_option_before_or_after_the_command(
    stick: Path, home: Path, where: str
) -> None:
    launcher = stick / "fieldreg_launcher.py"
    command = ["init", "--point", "Школа 5", "--operator", "Olena"]
    args = ["--portable", *command] if where == "before" else [*command, "--portable"]
    before = _tree(home)
    _run(launcher, home, *args)
    assert (stick / portable.DATA_FOLDER / "keyslots.json").is_file()
    assert _tree(home) == before


def test_without_the_marker_or_the_option_nothing_is_portable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "fieldreg_launcher.py")])
    assert portable.portable_root() is None
    assert portable.activate() is None
    (tmp_path / portable.MARKER).write_text("", encoding="utf-8")
    assert portable.portable_root() == tmp_path / portable.DATA_FOLDER


def test_a_frozen_mac_app_keeps_its_data_beside_the_app_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    executable = tmp_path / "fieldreg.app" / "Contents" / "MacOS" / "fieldreg"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert portable.application_dir() == tmp_path
