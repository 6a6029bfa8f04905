"""The command line as a script or a coordinator uses it: real subprocesses, exit codes, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldreg.core.ids import format_id, next_counter
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "another long passphrase 42"
UNKNOWN_ID = format_id("K7", next_counter("K7", 500))


def fieldreg(
    data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    if passphrase is not None:
        environment["FIELDREG_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def store(data_dir: Path) -> Path:
    done = fieldreg(
        data_dir, "init", "--point", "Вокзал", "--operator", "Olena", "--prefix", "K7", "--json"
    )
    assert done.returncode == 0, done.stderr
    return data_dir


def test_init_prints_recovery_key_once(data_dir: Path) -> None:
    done = fieldreg(data_dir, "init", "--point", "Вокзал", "--operator", "Olena")
    assert done.returncode == 0, done.stderr
    assert "RECOVERY KEY" in done.stdout
    again = fieldreg(data_dir, "init", "--point", "Вокзал", "--operator", "Olena")
    assert again.returncode == 6
    assert "already exists" in again.stderr


def test_register_show_search_status_history(store: Path) -> None:
    done = fieldreg(
        store,
        "register",
        "--family",
        "Мельник",
        "--given",
        "Андрій",
        "--patronymic",
        "Петрович",
        "--dob",
        "1979",
        "--sex",
        "male",
        "--phone",
        "+380991234567",
        "--needs",
        "medical",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    person_id = json.loads(done.stdout)["id"]
    shown = json.loads(fieldreg(store, "show", person_id, "--json").stdout)
    assert shown["fields"]["latin_family_name"] == "Melnyk"
    assert shown["fields"]["dob"] == "1979"
    found = json.loads(fieldreg(store, "search", "Andrii Melnik", "--json").stdout)
    assert found[0]["id"] == person_id
    assert fieldreg(store, "status", person_id, "departed", "--transport", "Bus 7").returncode == 0
    history = json.loads(fieldreg(store, "history", person_id, "--json").stdout)
    assert [h["type"] for h in history] == ["PersonRegistered", "StatusChanged"]
    assert history[1]["operator"] == "Olena"
    stats = json.loads(fieldreg(store, "stats", "--json").stdout)
    assert stats["by_status"] == {"departed": 1}
    verified = fieldreg(store, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "integrity_check: ok" in verified.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (
            ["register", "--family", "Мельник", "--given", "Андрій", "--dob", "31.02.1990"],
            3,
            "Date of birth",
        ),
        (["register", "--family", "", "--given", "Андрій"], 3, "Family name"),
        (["show", "K7-0001-Z"], 3, "typing error"),
        (["show", "nonsense!"], 3, "not a fieldreg ID"),
        (["status", UNKNOWN_ID, "waiting"], 5, f"No person with ID {UNKNOWN_ID}"),
    ],
)
def test_errors_have_clear_messages_and_codes(
    store: Path, args: list[str], code: int, words: str
) -> None:
    done = fieldreg(store, *args)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert words in done.stderr
    assert "Traceback" not in done.stderr


def test_wrong_passphrase(store: Path) -> None:
    done = fieldreg(store, "stats", passphrase="not the passphrase at all")
    assert done.returncode == 4
    assert "Wrong passphrase" in done.stderr


def test_passphrase_change_and_recovery(data_dir: Path, tmp_path: Path) -> None:
    created = fieldreg(data_dir, "init", "--point", "P", "--operator", "Olena", "--json")
    recovery_key = json.loads(created.stdout)["recovery_key"]
    changed = fieldreg(data_dir, "passphrase", "change", FIELDREG_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert changed.returncode == 0, changed.stderr
    assert fieldreg(data_dir, "stats").returncode == 4
    assert fieldreg(data_dir, "stats", passphrase=NEW_PASSPHRASE).returncode == 0
    key_file = tmp_path / "key.txt"
    key_file.write_text(recovery_key.lower().replace("-", " ") + "\n")
    third = "third passphrase for recovery"
    recovered = fieldreg(
        data_dir,
        "recover",
        "--recovery-key-file",
        str(key_file),
        passphrase=None,
        FIELDREG_NEW_PASSPHRASE=third,
    )
    assert recovered.returncode == 0, recovered.stderr
    assert fieldreg(data_dir, "stats", passphrase=NEW_PASSPHRASE).returncode == 4
    assert fieldreg(data_dir, "stats", passphrase=third).returncode == 0


def test_operators(store: Path) -> None:
    added = fieldreg(
        store, "operator", "add", "--name", "Taras", FIELDREG_NEW_PASSPHRASE=NEW_PASSPHRASE
    )
    assert added.returncode == 0, added.stderr
    listed = fieldreg(store, "operator", "list", passphrase=None)
    assert listed.stdout.split() == ["Olena", "Taras"]
    ambiguous = fieldreg(store, "stats")
    assert ambiguous.returncode == 4
    assert "choose one" in ambiguous.stderr
    done = fieldreg(
        store,
        "register",
        "--family",
        "Бондар",
        "--given",
        "Ія",
        "--operator",
        "taras",
        "--json",
        passphrase=NEW_PASSPHRASE,
    )
    assert done.returncode == 0, done.stderr


def test_newer_schema_is_refused(store: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(store / "store.sqlite")
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    done = fieldreg(store, "stats")
    assert done.returncode == 6
    assert "newer fieldreg" in done.stderr


def test_a_reader_that_stops_early_gets_no_traceback(store: Path) -> None:
    done = fieldreg(store, "register", "--family", "Заремба", "--given", "Тетяна")
    assert done.returncode == 0, done.stderr
    env = {**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE}
    # `fieldreg search ... | head -0`: the reader has gone before the first byte is written
    process = subprocess.Popen(
        [sys.executable, "-m", "fieldreg", "search", "Заремба", "--data-dir", str(store)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    with process.stderr:
        errors = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 141  # as a tool stopped by SIGPIPE
    assert errors == ""  # no traceback, no "Exception ignored"
