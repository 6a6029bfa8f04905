"""`fieldreg` without a subcommand where there is no screen (a session over SSH, a display that
went away): one sentence and exit status 2, the data folder untouched, instead of Qt's abort
with a core dump and its advice to reinstall the application."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest


def _desk_without_a_screen(data_dir: Path, display: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "xcb"  # what a Linux desktop uses; offscreen needs no screen
    if display is not None:
        env["DISPLAY"] = display
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="X11 is how Qt finds a screen on Linux")
@pytest.mark.parametrize("display", [None, ":987"], ids=["no-display", "display-gone"])
def test_the_desk_without_a_screen_says_so_in_one_sentence_and_writes_nothing(
    tmp_path: Path, display: str | None
) -> None:
    data_dir = tmp_path / "store"
    done = _desk_without_a_screen(data_dir, display)
    assert done.returncode != -signal.SIGABRT, done.stderr  # Qt's abort, a core dump
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("fieldreg: the desk cannot open a window here: there is no screen")
    assert "fieldreg --help" in line
    assert "Reinstalling" not in done.stderr
    assert "Traceback" not in done.stderr
    assert not data_dir.exists()
