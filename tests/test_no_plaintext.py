"""A seized laptop reveals nothing: after a typical session, no personal value appears anywhere
under the data directory or the temp directory, in UTF-8 or UTF-16."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE, TODAY

# Distinctive synthetic values: long enough that a chance match in random bytes is impossible.
PEOPLE = [
    {
        "family_name": "Заболотнянська",
        "given_name": "Євдокія",
        "patronymic": "Харитонівна",
        "dob": "17.09.1947",
        "phone": "+380 93 457 81 29",
        "origin_settlement": "Вовчанськ",
        "document_number": "ZX9182736",
        "needs_note": "Інсулінозалежна",
    },
    {
        "family_name": "Quellmalzovich",
        "given_name": "Bartholomew",
        "dob": "1962",
        "phone": "+48 601 998 877",
        "origin_settlement": "Hrushivka",
    },
]
SECRETS = [
    "Заболотнянська",
    "Zabolotnianska",
    "Євдокія",
    "Yevdokiia",
    "Харитонівна",
    "Kharytonivna",
    "1947-09-17",
    "17.09.1947",
    "380934578129",
    "457 81 29",
    "Вовчанськ",
    "ZX9182736",
    "Інсулінозалежна",
    "Quellmalzovich",
    "Bartholomew",
    "48601998877",
    "Hrushivka",
    "Дуже особлива примітка",
    "Маршрутка 77Х",
    "Школа Ромашка",
]


def _encodings(secret: str) -> Iterator[bytes]:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        yield secret.encode(encoding)


def _all_files(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def test_nothing_personal_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    directory = DataDir(tmp_path / "store")
    vault.init_store(directory, point="Школа Ромашка", operator="Olena", passphrase=PASSPHRASE)
    session = vault.open_session(
        directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY
    )
    ids = [session.register(person, new_household=i == 0) for i, person in enumerate(PEOPLE)]
    session.update(ids[1], {"given_name": "Bartholomew", "origin_region": "Hrushivka"})
    session.set_status(ids[0], "departed", transport="Маршрутка 77Х", note="Дуже особлива примітка")
    assert session.search("Zabolotnianska").hits
    assert session.search("Quellmalzovich 1962").hits
    session.verify()
    session.lock()
    # and the CLI, as a script would use it, in a separate process with the same temp directory
    env = {**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE, "TMPDIR": str(temp)}
    for args in (["search", "Заболотнянська"], ["show", ids[0]], ["history", ids[0]], ["verify"]):
        done = subprocess.run(
            [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(directory.root)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    files = _all_files(directory.root, temp)
    assert any(p.name == "store.sqlite" for p in files)
    leaks = [
        (path.name, secret)
        for path in files
        for secret in SECRETS
        for needle in _encodings(secret)
        if needle in path.read_bytes()
    ]
    assert leaks == []


def test_files_are_private(tmp_path: Path) -> None:
    directory = DataDir(tmp_path / "store")
    vault.init_store(directory, point="P", operator="Olena", passphrase=PASSPHRASE)
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    session.register({"family_name": "Тест", "given_name": "Тест"})
    session.lock()
    assert directory.root.stat().st_mode & 0o777 == 0o700
    for path in _all_files(directory.root):
        assert path.stat().st_mode & 0o077 == 0, path.name
