"""A coordinator pointed at a PostgreSQL server it cannot use is told why in words, and nothing is
written: no server at the address (it read "The disk reported an error"), no driver installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldreg.core.errors import StoreError
from fieldreg.store import engine

NOBODY_LISTENS = "postgresql://fieldreg@127.0.0.1:1/coordinator"  # port 1: refused at once


@pytest.mark.parametrize("command", [["stats"], ["init", "--point", "Hub", "--operator", "Iryna"]])
def test_a_server_that_cannot_be_reached_is_named_as_such(
    tmp_path: Path, command: list[str]
) -> None:
    workstation = tmp_path / "workstation"
    store = ["--store", NOBODY_LISTENS, "--data-dir", str(workstation)]
    result = subprocess.run(
        [sys.executable, "-m", "fieldreg", *store, *command],
        env={**os.environ, "FIELDREG_PASSPHRASE": "a long enough passphrase 1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 6
    assert "database server could not be reached" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (workstation / "keyslots.json").exists()


def test_without_the_driver_the_postgresql_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in an installation without the extra

    with pytest.raises(StoreError) as refused:
        engine.make_engine(NOBODY_LISTENS)

    assert refused.value.code == "store.no_postgresql_driver"
