"""The tests' private print scheduler starts with the config today's Debian cups accepts, and a
scheduler that dies while starting is reported with its own error, not as a time-out."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.printing.printing_support import (
    CupsDied,
    PrivateCups,
    cups_missing,
    scheduler_running,
)


def test_lpstat_saying_not_running_is_not_ready() -> None:
    # `lpstat -r` exits 0 in both cases: only the words tell them apart.
    assert scheduler_running("scheduler is running\n")
    assert not scheduler_running("scheduler is not running\n")
    assert not scheduler_running("")


def test_the_private_scheduler_answers(cups: PrivateCups) -> None:
    assert scheduler_running(cups.run("lpstat", "-r").stdout)


class _BarePrintcap(PrivateCups):
    def files_conf(self) -> str:
        return (
            super().files_conf().replace(f"Printcap {self.base / 'state' / 'printcap'}", "Printcap")
        )


def test_a_scheduler_that_refuses_its_config_is_reported_with_its_error() -> None:
    if reason := cups_missing():
        pytest.skip(reason)
    server = _BarePrintcap(Path(tempfile.mkdtemp(prefix="fieldreg-cups-")))
    try:
        with pytest.raises(CupsDied, match="Printcap"):
            server.start()
    finally:
        server.stop()
