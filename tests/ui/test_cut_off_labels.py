"""No text of the desk is cut off in Ukrainian or Russian: at 100 % on a 1366x768 laptop and at
150 % on a 1920x1080 screen (1280x720 logical pixels), each with the window maximised (the
taskbar left aside), every label, button, group title and table heading of every screen fits, and
no form needs scrolling sideways. Each case runs the tour in its own process, since the scaling
and the screen are fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "100%": ("1", 1366, 768, (1366, 728)),
    "150%": ("1.5", 1920, 1080, (1280, 690)),
}


@pytest.mark.parametrize("scale", sorted(SCREENS))
@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_text_fits(tmp_path: Path, language: str, scale: str) -> None:
    factor, width, height, window = SCREENS[scale]
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,
                "screens": [{"name": "desk", "x": 0, "y": 0, "width": width, "height": height}],
            }
        ),
        encoding="utf-8",
    )
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": factor,
        "PYTHONPATH": str(ROOT),
    }
    pictures = os.environ.get("FIELDREG_LAYOUT_PICTURES")  # a folder, to look at them
    command = [sys.executable, "-m", "tests.ui.layout_tour", language, *map(str, window)]
    done = subprocess.run(
        [*command, *([pictures] if pictures else [])],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == []
