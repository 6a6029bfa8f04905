"""Issue 11 §2: one damaged key file no longer makes a store unrecoverable.

For each way the key file can be damaged, the store still opens with the recovery key and with
an undamaged operator's passphrase (from the copy in the database), and verify names the
damaged copy and rewrites it; after the repair both copies are good. The database's copy
damaged while the file is good is repaired the other way round.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldreg.core.errors import StoreError
from fieldreg.core.messages import describe
from fieldreg.services import key_health, vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session

ANNA = "Anna's long passphrase"
STEADY = "the steady operator's passphrase"


@pytest.fixture
def store(tmp_path: Path) -> tuple[DataDir, str]:
    directory = DataDir(tmp_path / "store")
    result = vault.init_store(directory, point="P", operator="Anna", passphrase=ANNA)
    session = vault.open_session(directory, operator="Anna", passphrase=ANNA, load=False)
    vault.add_operator(session, label="Steady", passphrase=STEADY)
    session.lock()
    return directory, result.recovery_key


def _truncate(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _flip_one_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))


def _oversize(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b" " * (2 * 1024 * 1024))


def _link_to_dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _delete(path: Path) -> None:
    path.unlink()


def _kdf_out_of_range_in_one_slot(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    anna = next(s for s in document["slots"] if s.get("label") == "Anna")
    anna["kdf"]["memory_kib"] = 1  # below the floor: refused before any derivation
    path.write_text(json.dumps(document), encoding="utf-8")


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (_truncate, "keys.file_damaged"),
    "one flipped byte": (_flip_one_byte, "keys.file_damaged"),
    "oversized": (_oversize, "keys.file_damaged"),
    "symlink to /dev/zero": (_link_to_dev_zero, "keys.file_not_a_file"),
    "FIFO": (_fifo, "keys.file_not_a_file"),
    "folder": (_folder, "keys.file_not_a_file"),
    "deleted": (_delete, "keys.file_missing"),
    "KDF parameter out of range": (_kdf_out_of_range_in_one_slot, "keys.file_damaged"),
}


def _open(directory: DataDir, operator: str, **secret: str) -> Session:
    return vault.open_session(directory, operator=operator, load=False, **secret)


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_damaged_key_file_still_opens_and_verify_repairs_it(
    store: tuple[DataDir, str], case: str
) -> None:
    directory, recovery = store
    damage, code = DAMAGE[case]
    damage(directory.slots)
    # The recovery key and an undamaged operator's passphrase both open the store.
    _open(directory, "Anna", recovery_key=recovery).lock()
    session = _open(directory, "Steady", passphrase=STEADY)
    problems = key_health.check_key_copies(session)
    assert [(p.copy, p.code) for p in problems] == [("file", code)]
    assert "key file" in describe(problems[0].error())
    repaired = key_health.repair_key_copies(session)
    assert [(p.copy, p.code, p.repaired) for p in repaired] == [("file", code, True)]
    assert key_health.check_key_copies(session) == []
    session.lock()
    assert directory.slots.is_file()
    assert not directory.slots.is_symlink()
    # After the repair the file alone is whole again: every secret opens, Anna's too.
    _open(directory, "Anna", passphrase=ANNA).lock()
    _open(directory, "Steady", passphrase=STEADY).lock()


def _damage_database_copy(directory: DataDir) -> None:
    connection = sqlite3.connect(directory.db)
    with connection:
        connection.execute("UPDATE key_slot_copies SET document = substr(document, 1, 40)")
    connection.close()


def test_a_damaged_database_copy_is_repaired_from_the_file(store: tuple[DataDir, str]) -> None:
    directory, _ = store
    _damage_database_copy(directory)
    session = _open(directory, "Anna", passphrase=ANNA)
    problems = key_health.repair_key_copies(session)
    assert [(p.copy, p.code) for p in problems] == [("database", "keys.database_damaged")]
    assert key_health.check_key_copies(session) == []
    session.lock()
    # Now the database's copy alone opens the store.
    directory.slots.unlink()
    _open(directory, "Anna", passphrase=ANNA).lock()


def test_both_copies_gone_names_the_folder_and_init_refuses(store: tuple[DataDir, str]) -> None:
    directory, recovery = store
    directory.slots.unlink()
    connection = sqlite3.connect(directory.db)
    with connection:
        connection.execute("DELETE FROM key_slot_copies")
    connection.close()
    with pytest.raises(StoreError) as opened:
        _open(directory, "Anna", recovery_key=recovery)
    assert opened.value.code == "slots.missing"
    assert opened.value.params == {"folder": str(directory.root)}
    with pytest.raises(StoreError) as created:
        vault.init_store(directory, point="P", operator="Anna", passphrase=ANNA)
    assert created.value.code == "store.keys_missing"
    assert str(directory.root) in describe(created.value)


def test_the_cli_verify_names_and_repairs_a_damaged_key_file(store: tuple[DataDir, str]) -> None:
    directory, _ = store
    _flip_one_byte(directory.slots)
    env = {**os.environ, "FIELDREG_PASSPHRASE": STEADY}
    data_dir = ("--data-dir", str(directory.root))

    def verify() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fieldreg", "verify", "--operator", "Steady", *data_dir],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    first = verify()
    assert first.returncode == 7, first.stderr
    assert "The key file" in first.stdout
    assert "damaged" in first.stdout
    second = verify()
    assert second.returncode == 0, second.stdout + second.stderr
    assert "KEYS" not in second.stdout


def test_the_cli_says_what_is_wrong_when_the_key_file_is_deleted(
    store: tuple[DataDir, str],
) -> None:
    directory, _ = store
    directory.slots.unlink()
    env = {**os.environ, "FIELDREG_PASSPHRASE": ANNA}

    def fieldreg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(directory.root)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    stats = fieldreg("stats", "--operator", "Anna")  # opens from the database's copy
    assert stats.returncode == 0, stats.stderr
    init = fieldreg("init", "--point", "P", "--operator", "Anna")
    assert init.returncode == 6
    assert "key file keyslots.json is missing" in init.stderr
    assert "already exists" not in init.stderr
