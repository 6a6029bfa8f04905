"""`fieldreg --version` names the version, the commit, the Qt and the Python: from the file a
frozen build carries, else from git in a source checkout, else "unknown"."""

from __future__ import annotations

import json
import platform
import re
from pathlib import Path

import pytest

from fieldreg import __version__
from fieldreg.cli.main import run
from fieldreg.services import build_info


def _version_line(capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        run(["--version"])
    assert exited.value.code == 0
    return capsys.readouterr().out.strip()


def test_version_in_a_checkout_names_the_git_commit_qt_and_python(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = _version_line(capsys)
    commit = build_info.git_commit(Path(build_info.__file__).resolve().parents[2])
    assert commit != build_info.UNKNOWN  # the tests run in a git checkout
    assert line.startswith(f"fieldreg {__version__} (commit {commit}), ")
    assert re.search(r"Qt 6\.\d+\.\d+", line)
    assert line.endswith(f"Python {platform.python_version()}")


def test_a_frozen_build_says_the_commit_and_qt_it_was_built_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "_internal" / "fieldreg"
    package.mkdir(parents=True)
    (package / build_info.BUILD_INFO_FILE).write_text(
        json.dumps({"commit": "0123456789ab", "qt": "6.11.3"}), encoding="utf-8"
    )
    monkeypatch.setattr(build_info, "_package_dir", lambda: package)
    line = _version_line(capsys)
    assert f"fieldreg {__version__} (commit 0123456789ab), Qt 6.11.3, Python " in line


def test_without_git_or_a_build_file_the_commit_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "site-packages" / "fieldreg"
    package.mkdir(parents=True)
    (package / build_info.BUILD_INFO_FILE).write_text("[not an object]", encoding="utf-8")
    monkeypatch.setattr(build_info, "_package_dir", lambda: package)
    assert "(commit unknown)" in _version_line(capsys)
