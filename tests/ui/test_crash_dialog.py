"""Unexpected errors reach the log and a crash dialog with where they happened, never what they
were about: no exception messages (they may quote a name), no locals."""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fieldreg.core.errors import StoreError
from fieldreg.ui.crash_dialog import CrashHandler
from fieldreg.ui.crash_report import close_log, open_log, safe_report

NAME = "Шевченко Марія Іванівна"


def _fail_with_a_name(name: str) -> None:
    try:
        raise OSError(errno.ENOSPC, f"no space for {name}")
    except OSError as exc:
        raise KeyError(name) from exc


def _caught() -> BaseException:
    try:
        _fail_with_a_name(NAME)
    except KeyError as exc:
        return exc
    raise AssertionError("did not raise")


def test_a_report_says_where_and_what_kind_but_never_the_message() -> None:
    exc = _caught()
    report = safe_report(type(exc), exc, exc.__traceback__)
    assert NAME not in report
    assert "Шевченко" not in report
    assert "KeyError" in report
    assert "caused by: OSError [ENOSPC]" in report
    assert "test_crash_dialog.py" in report
    assert "in _fail_with_a_name" in report
    assert str(Path.home()) not in report


def test_an_expected_error_is_reported_by_its_code() -> None:
    error = StoreError("store.disk_full")
    assert "StoreError [store.disk_full]" in safe_report(StoreError, error, None)


@pytest.fixture
def handler(tmp_path: Path) -> Iterator[tuple[CrashHandler, Path]]:
    logs = tmp_path / "logs"
    logger = open_log(logs)
    crash = CrashHandler(logger, lambda: None)
    crash.install()
    yield crash, logs
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
    close_log(logger)


def test_an_uncaught_error_goes_to_a_private_log_and_a_dialog(
    qtbot: QtBot, handler: tuple[CrashHandler, Path]
) -> None:
    crash, logs = handler
    exc = _caught()
    sys.excepthook(type(exc), exc, exc.__traceback__)  # where Qt sends errors from slots
    qtbot.waitUntil(lambda: crash.dialog is not None and crash.dialog.isVisible())
    log = logs / "fieldreg.log"
    text = log.read_text(encoding="utf-8")
    assert "KeyError" in text
    assert "_fail_with_a_name" in text
    assert "Шевченко" not in text
    assert log.stat().st_mode & 0o777 == 0o600
    assert logs.stat().st_mode & 0o777 == 0o700
    dialog = crash.dialog
    assert dialog is not None
    assert "Шевченко" not in dialog.report
    dialog._copy.click()
    assert QGuiApplication.clipboard().text() == dialog.report

    crash.report(_caught())  # a repeat does not open a second dialog over the first
    qtbot.waitUntil(lambda: dialog.repeats == 1)
    assert crash.dialog is dialog
