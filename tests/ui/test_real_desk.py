"""The desk as a volunteer meets it: the real application, started as `fieldreg --data-dir DIR`,
under a real X server with a window manager, typed at with xdotool, checked through the store.

Tests that drive widgets directly missed a lost first key press and letters landing in the wrong
field; only keystrokes through an X server show those. What was saved is read back with the
command line, from the same store, while the desk is still running.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.printing.printing_support import tools_missing, wait_until

TOOLS = ("Xvfb", "openbox", "xdotool", "setxkbmap")
START_TIMEOUT_S = 60.0
pytestmark = pytest.mark.slow


@pytest.fixture
def x_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X server of its own with openbox on it; yields the environment that reaches it."""
    if reason := tools_missing(*TOOLS):
        pytest.skip(f"{reason}; .ci/run installs xvfb, openbox, xdotool, x11-xkb-utils")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as answer:
        display = answer.readline().strip()
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = f":{display}"
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        # openbox answers EWMH questions once it manages the screen
        wait_until(
            lambda: _xdo(env, "get_num_desktops", check=False).returncode == 0, 20, "openbox"
        )
        yield env
    finally:
        for process in (manager, server):
            process.terminate()
            process.wait(timeout=20)


def _xdo(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=check
    )


def _fieldreg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**env, "FIELDREG_PASSPHRASE": PASSPHRASE}
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class RealDesk:
    def __init__(self, env: dict[str, str], store: Path) -> None:
        self.env = env
        self.store = store
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fieldreg", "--data-dir", str(store)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        found = _xdo(env, "search", "--sync", "--onlyvisible", "--name", "^fieldreg")
        self.window = found.stdout.split()[0]
        _xdo(env, "windowactivate", "--sync", self.window)

    def type(self, text: str) -> None:
        _xdo(self.env, "type", "--delay", "40", "--window", self.window, text)

    def key(self, *keys: str) -> None:
        _xdo(self.env, "key", "--delay", "60", *keys)

    def log(self) -> str:
        path = self.store / "logs" / "fieldreg.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def wait_logged(self, line: str) -> None:
        wait_until(lambda: line in self.log(), START_TIMEOUT_S, f"{line!r} in the desk's log")

    def people(self, query: str) -> list[dict[str, object]]:
        done = _fieldreg(self.env, "search", query, "--data-dir", str(self.store), "--json")
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
        assert isinstance(found, list)
        return found

    def show(self, person_id: str) -> dict[str, object]:
        done = _fieldreg(self.env, "show", person_id, "--data-dir", str(self.store), "--json")
        assert done.returncode == 0, done.stderr
        shown = json.loads(done.stdout)
        assert isinstance(shown, dict)
        return shown

    def close(self) -> str:
        """Quit as a volunteer does: Alt+F4 to the window manager, which asks the window to
        close as its close button does (xdotool's `windowclose` destroys the X window instead:
        the desk kept running without one until the timeout). Returns what it printed."""
        _xdo(self.env, "windowactivate", "--sync", self.window, check=False)
        _xdo(self.env, "key", "alt+F4", check=False)
        try:
            _, errors = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
        return errors.decode("utf-8", "replace")


@pytest.fixture
def desk(x_env: dict[str, str], tmp_path: Path) -> Iterator[RealDesk]:
    store = tmp_path / "usb" / "store"
    made = _fieldreg(
        x_env, "init", "--data-dir", str(store), "--point", "Depot 3", "--operator", "Taras"
    )
    assert made.returncode == 0, made.stderr
    running = RealDesk(x_env, store)
    try:
        yield running
    finally:
        errors = running.close()
        assert "Traceback" not in errors, errors


def _register(desk: RealDesk, family: str, given: str, year: str | None = None) -> None:
    """Ctrl+N, the names and a year of birth as a volunteer types them, then Enter."""
    desk.key("ctrl+n")
    desk.type(family)
    desk.key("Tab")
    desk.type(given)
    if year is not None:
        desk.key("Tab", "Tab")  # past the patronymic, to the date of birth
        desk.type(year)
    desk.key("Return")


def _fields(shown: dict[str, object]) -> dict[str, object]:
    fields = shown.get("fields", shown)
    assert isinstance(fields, dict)
    return fields


def test_a_volunteer_unlocks_registers_and_the_store_has_every_letter(desk: RealDesk) -> None:
    desk.type(PASSPHRASE)
    desk.key("Return")
    desk.wait_logged("store unlocked")  # the store the desk was started on, not the default one

    _register(desk, "Kovalenko", "Daryna", "2015")

    wait_until(lambda: desk.people("Kovalenko Daryna"), 30, "the saved person in the store")
    [found] = desk.people("Kovalenko Daryna")
    fields = _fields(desk.show(str(found["id"])))
    assert fields["family_name"] == "Kovalenko"  # no first key press lost
    assert fields["given_name"] == "Daryna"
    assert str(fields["dob"]).startswith("2015")


def test_enter_on_someone_already_registered_asks_and_a_second_enter_opens_her(
    desk: RealDesk,
) -> None:
    desk.type(PASSPHRASE)
    desk.key("Return")
    desk.wait_logged("store unlocked")
    for _ in range(2):  # the same girl, typed twice as a tired volunteer would
        _register(desk, "Kovalenko", "Daryna", "2015")
        wait_until(lambda: desk.people("Kovalenko Daryna"), 30, "the first save")
    # the second Enter asked instead of saving: a window titled as the question
    _xdo(desk.env, "search", "--sync", "--onlyvisible", "--name", "^Already registered")
    desk.key("Return")  # Open, the default
    # then the volunteer goes on with the next person: the keys land in the new form
    desk.key("Escape")
    _register(desk, "Boiko", "Petro")
    wait_until(lambda: desk.people("Boiko Petro"), 30, "the next person in the store")
    assert len(desk.people("Kovalenko Daryna")) == 1  # she was not saved twice
    [found] = desk.people("Boiko Petro")
    fields = _fields(desk.show(str(found["id"])))
    assert (fields["family_name"], fields["given_name"]) == ("Boiko", "Petro")


def test_with_the_ukrainian_layout_ctrl_n_still_registers(desk: RealDesk) -> None:
    desk.type(PASSPHRASE)
    desk.key("Return")
    desk.wait_logged("store unlocked")
    subprocess.run(["setxkbmap", "-layout", "ua"], env=desk.env, check=True, timeout=30)
    # The N key with the Ukrainian layout active: the system says Ctrl+Т, not Ctrl+N.
    desk.key("ctrl+Cyrillic_te")
    desk.type("Шевченко")  # typed through the layout's own keys
    desk.key("Tab")
    desk.type("Марія")
    desk.key("Return")
    wait_until(
        lambda: desk.people("Шевченко Марія"), 30, "the person saved from the Ukrainian layout"
    )
    [found] = desk.people("Шевченко Марія")
    fields = _fields(desk.show(str(found["id"])))
    assert (fields["family_name"], fields["given_name"]) == ("Шевченко", "Марія")
