"""Settings survive a restart, are private, and a damaged or hostile file only costs defaults."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from fieldreg.core.errors import StoreError
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import DEFAULT_IDLE_MINUTES, Settings


def test_a_fresh_folder_gives_defaults(data_dir: Path) -> None:
    settings = Settings.load(DataDir(data_dir))
    assert settings.language == "system"
    assert settings.idle_lock_minutes == DEFAULT_IDLE_MINUTES
    assert settings.get("printing.stock") is None


def test_changes_survive_a_restart_in_a_private_file(data_dir: Path) -> None:
    settings = Settings.load(DataDir(data_dir))
    settings.language = "uk"
    settings.idle_lock_minutes = 12
    settings.set("printing.stock", "wristband-adult-203")
    settings.save()
    again = Settings.load(DataDir(data_dir))
    assert (again.language, again.idle_lock_minutes) == ("uk", 12)
    assert again.get("printing.stock") == "wristband-adult-203"
    assert (data_dir / "settings.json").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in data_dir.iterdir()] == ["settings.json"]  # no temporary left


@pytest.mark.parametrize(
    "untrusted",
    [
        b"{not json",
        b"\xff\xfe",
        b'{"language": "uk", "language": "ru"}',
        b"[1, 2, 3]",
        b'{"language": "klingon", "idle_lock_minutes": 0}',
        b'{"language": 7, "idle_lock_minutes": true}',
        b'{"idle_lock_minutes": 99999}',
        b"[" * 100_000,
        b" " * 70_000 + b"{}",
    ],
)
def test_a_damaged_or_hostile_file_falls_back_to_defaults(data_dir: Path, untrusted: bytes) -> None:
    data_dir.mkdir()
    (data_dir / "settings.json").write_bytes(untrusted)
    settings = Settings.load(DataDir(data_dir))
    assert settings.language == "system"
    assert settings.idle_lock_minutes == DEFAULT_IDLE_MINUTES


def test_values_the_program_cannot_use_are_refused(data_dir: Path) -> None:
    settings = Settings.load(DataDir(data_dir))
    with pytest.raises(ValueError, match="language"):
        settings.language = "fr"
    with pytest.raises(ValueError, match="idle"):
        settings.idle_lock_minutes = 0
    with pytest.raises(ValueError, match="key"):
        settings.set("Bad Key", 1)
    with pytest.raises(ValueError, match=r"NaN|Out of range"):
        settings.set("printing.scale", float("nan"))


def test_a_failed_save_is_a_store_error_and_keeps_the_old_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(DataDir(data_dir))
    settings.language = "ru"
    settings.save()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("fieldreg.services.settings.write_new_file", full)
    settings.language = "uk"
    with pytest.raises(StoreError) as caught:
        settings.save()
    assert caught.value.code == "settings.io"
    assert caught.value.params == {"reason": "ENOSPC"}
    assert json.loads((data_dir / "settings.json").read_text())["language"] == "ru"
