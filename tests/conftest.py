"""Shared fixtures: every test gets its own data and temp directories, and the passphrase KDF at
OWASP's minimum (still a real Argon2id) so the suite stays fast."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["pytester"]

PASSPHRASE = "correct horse battery staple"
TODAY = dt.date(2026, 11, 24)


def under_ci() -> bool:
    """CI sets CI=true; there .ci/run installed every tool, so a test that skips hides a broken
    install step."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under CI a skipped test is a failure: `.ci/run` installs age, minisign, zbar, poppler,
    cups, PostgreSQL and Xvfb, so a skip there means an install step is missing."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and not hasattr(report, "wasxfail") and under_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        reason = str(reason).removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = (
            f"skipped under CI: {reason}\n"
            "(.ci/run must install what this test needs; a skip there hides a broken install)"
        )


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FIELDREG_KDF_PROFILE", "minimum")
    monkeypatch.delenv("FIELDREG_PASSPHRASE", raising=False)
    monkeypatch.delenv("FIELDREG_NEW_PASSPHRASE", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def session(data_dir: Path) -> Iterator[object]:
    from fieldreg.services import vault
    from fieldreg.services.paths import DataDir

    directory = DataDir(data_dir)
    vault.init_store(
        directory, point="Школа 5", operator="Оксана", passphrase=PASSPHRASE, prefix="K7"
    )
    opened = vault.open_session(
        directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY
    )
    yield opened
    if not opened.locked:
        opened.lock()


# --- a private CUPS scheduler, shared by the printing and the desk's printing tests -------------


@pytest.fixture(scope="session")
def cups_server() -> Iterator[object]:
    from tests.printing.printing_support import cups_missing, start_private_cups

    reason = cups_missing()
    if reason:
        pytest.skip(f"{reason}; .ci/run installs cups, cups-client and cups-bsd")
    server = start_private_cups()
    yield server
    server.stop()


@pytest.fixture
def cups(cups_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The private scheduler (a `PrivateCups`), with the CUPS tools of this test pointed at it."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    return cups_server
