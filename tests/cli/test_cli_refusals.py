"""What the CLI used to write silently, or answer with a traceback, typed as a user types it:
each refused with one sentence naming the field (or the path) and its documented exit code,
and nothing written to the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE

NAMES = ("--family", "Мельник", "--given", "Андрій")


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    done = cli(data_dir, "init", "--point", "Вокзал", "--operator", "Olena", "--prefix", "K7")
    assert done.code == 0, done.err
    return data_dir


def people_count(store: Path) -> int:
    done = cli(store, "stats", "--json")
    assert done.code == 0, done.err
    total = json.loads(done.out)["total"]
    assert isinstance(total, int)
    return total


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["--latin-family", "Мельник"],
            "Family name (Latin): use Latin letters only (the spelling in the person's documents).",
        ),
        (
            ["--family", "Шевчenko"],
            "Family name: one word mixes letters of two alphabets (Cyrillic, Latin)",
        ),
        (["--given", "Серг\u0069й"], "Given name: one word mixes letters of two alphabets"),
        (
            ["--document-number", "АВ\U0001f600123"],
            "Document number: use letters, digits, spaces and - / . only.",
        ),
        (["--languages", "uk, xx"], "Languages: xx is not a language code"),
        (["--languages", "zz"], "Languages: zz is not a language code"),
        (["--phone", "00000"], "Phone: not a real number (every digit the same)"),
        (["--phone", "+1 111 111"], "Phone: not a real number"),
        (["--needs", "," * 100_000], "Needs: too long (at most"),
    ],
)
def test_a_field_that_was_stored_silently_is_refused_naming_it(
    store: Path, args: list[str], sentence: str
) -> None:
    done = cli(store, "register", *NAMES, *args)
    assert done.code == 3, (done.out, done.err)
    assert sentence in done.err
    assert done.err.count("\n") == 1
    assert "Traceback" not in done.err
    assert people_count(store) == 0


def test_the_same_fields_pass_when_they_are_right(store: Path) -> None:
    """The refusals above are about the values, not the options: correct ones are stored."""
    done = cli(
        store,
        "register",
        "--family",
        "Шевченко",
        "--given",
        "Сергій",
        "--latin-family",
        "Shevchenko",
        "--document-number",
        "КВ 123456",
        "--languages",
        "uk, crh, ru",
        "--phone",
        "+380 67 123 4567",
        "--needs",
        "medical,mobility",
        "--json",
    )
    assert done.code == 0, done.err
    shown = json.loads(cli(store, "show", json.loads(done.out)["id"], "--json").out)["fields"]
    assert shown["latin_family_name"] == "Shevchenko"
    assert shown["languages"] == ["uk", "crh", "ru"]
    assert shown["needs"] == ["medical", "mobility"]


def test_a_household_and_a_new_household_together_are_refused(store: Path) -> None:
    household = cli(store, "household", "create").out.strip()
    done = cli(store, "register", *NAMES, "--household", household, "--new-household")
    assert done.code == 3
    assert "Household: give an existing household or start a new one, not both." in done.err
    assert people_count(store) == 0
    stats = json.loads(cli(store, "stats", "--json").out)
    assert stats["households"] <= 1  # the one created above, no second one


def test_a_relationship_without_a_household_is_refused(store: Path) -> None:
    done = cli(store, "register", *NAMES, "--relationship", "child")
    assert done.code == 3
    assert "Relationship: a relationship needs a household" in done.err
    assert people_count(store) == 0
    household = cli(store, "household", "create").out.strip()
    linked = cli(store, "register", *NAMES, "--relationship", "child", "--household", household)
    assert linked.code == 0, linked.err


@pytest.mark.parametrize(
    ("folder", "reason"),
    [("/proc/fieldreg", "No such file or directory"), ("/sys/fieldreg", "not permitted")],
)
def test_a_store_folder_that_cannot_be_created_is_one_sentence_and_status_6(
    folder: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    done = cli(Path(folder), "init", "--point", "Вокзал", "--operator", "Olena")
    assert done.code == 6, (done.out, done.err)
    assert done.err.startswith(f"fieldreg: {folder} cannot be used: ")
    assert reason in done.err
    assert done.err.count("\n") == 1
    assert "Traceback" not in done.err


def test_a_folder_name_with_a_terminal_escape_is_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b]0;owned\x07store"
    done = cli(folder, "stats")
    assert done.code == 6
    assert "\x1b" not in done.err
    assert "\x07" not in done.err
    assert "\\x1b]0;owned\\x07store" in done.err


def test_a_reader_that_stops_reading_ends_the_command_quietly(store: Path) -> None:
    """`fieldreg search X | head -c 1`: the documented 141, nothing on stderr."""
    assert cli(store, "register", *NAMES).code == 0
    command = [sys.executable, "-m", "fieldreg", "search", "Мельник", "--data-dir", str(store)]
    environment = {**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        # The reader is gone before the command (which first unlocks the store) prints a byte.
        process.stdout.close()
        errors = process.stderr.read()
        code = process.wait(timeout=120)
    assert code == 141, errors
    assert errors == b""
