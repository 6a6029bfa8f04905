"""Erasure and retention from the command line: two operators at the coordinator, the exit
codes a script sees, and a laptop that refuses to erase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

NETWORK_PASSPHRASE = "network passphrase for the cli"
SECOND = "second operator passphrase"


def fieldreg(
    data_dir: Path, *args: str, passphrase: str = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FIELDREG_PASSPHRASE": passphrase,
        "FIELDREG_NEW_PASSPHRASE": SECOND,
        "FIELDREG_NETWORK_PASSPHRASE": NETWORK_PASSPHRASE,
    }
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_request_and_confirm_by_two_operators(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    ok(fieldreg(hub, "network", "create", "--point", "Хаб", "--operator", "Coord"))
    ok(fieldreg(hub, "operator", "add", "--name", "Second", "--operator", "Coord"))
    first = ("--operator", "Coord")
    person = json.loads(
        ok(fieldreg(hub, "register", "--family", "Мельник", "--given", "Іван", "--json", *first))
    )["id"]
    made = json.loads(
        ok(
            fieldreg(
                hub,
                "erase",
                "request",
                person,
                "--reason",
                "registered_in_error",
                "--note",
                "Зареєстровано двічі",
                "--json",
                *first,
            )
        )
    )
    assert made["person_id"] == person
    [listed] = json.loads(ok(fieldreg(hub, "erase", "list", "--json", *first)))
    assert listed["request_id"] == made["request_id"]
    assert listed["requested_by"] == "Coord"
    assert listed["note"] == "Зареєстровано двічі"
    # The text: the reason in words and the day written day first (JSON keeps ISO).
    year, month, day = listed["requested"].split("-")
    [line] = ok(fieldreg(hub, "erase", "list", *first)).splitlines()
    assert f"  Coord  {day}.{month}.{year}  Зареєстровано двічі" in line
    assert listed["reason"].replace("_", " ") in line

    alone = fieldreg(hub, "erase", "confirm", made["request_id"], *first)
    assert alone.returncode == 3
    assert "another operator" in alone.stderr
    assert ok(fieldreg(hub, "show", person, *first))  # still there

    second = ("--operator", "Second")
    confirmed = fieldreg(hub, "erase", "confirm", made["request_id"], *second, passphrase=SECOND)
    assert f"{person} erased." in ok(confirmed)
    assert json.loads(ok(fieldreg(hub, "erase", "list", "--json", *first))) == []
    shown = fieldreg(hub, "show", person, *first)
    assert shown.returncode == 5
    assert (
        shown.stderr == "fieldreg: This person's record was erased at the coordinator's request.\n"
    )
    history = fieldreg(hub, "history", person, *first)
    assert (history.returncode, history.stderr) == (5, shown.stderr)
    never = fieldreg(hub, "show", "K7-0042-0", *first)  # an ID this store never had
    assert never.stderr == "fieldreg: No person with ID K7-0042-0.\n"
    again = fieldreg(hub, "erase", "confirm", made["request_id"], *second, passphrase=SECOND)
    assert again.returncode == 3
    unknown = fieldreg(hub, "erase", "confirm", "0123456789", *second, passphrase=SECOND)
    assert unknown.returncode == 5


def test_a_bad_reason_is_a_usage_error_and_retention_days_are_checked(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    ok(fieldreg(hub, "network", "create", "--point", "Хаб", "--operator", "Coord"))
    bad = fieldreg(hub, "erase", "request", "K7-0001-X", "--reason", "because")
    assert bad.returncode == 2
    assert "invalid choice" in bad.stderr
    assert fieldreg(hub, "retention", "days", "0").returncode == 3
    assert json.loads(ok(fieldreg(hub, "retention", "days", "30", "--json"))) == {
        "retention_days": 30
    }
    shown = json.loads(ok(fieldreg(hub, "retention", "show", "--json")))
    assert shown == {"retention_days": 30, "acknowledged_up_to": 0, "due": []}
    assert ok(fieldreg(hub, "retention", "days", "1")).strip() == (
        "Retention: 1 day after a person left."
    )
    assert "off" in ok(fieldreg(hub, "retention", "days", "off"))


def test_a_laptop_refuses_to_erase(tmp_path: Path) -> None:
    laptop = tmp_path / "laptop"
    ok(fieldreg(laptop, "init", "--point", "Школа 5", "--operator", "Olena"))
    person = json.loads(
        ok(fieldreg(laptop, "register", "--family", "Мельник", "--given", "Іван", "--json"))
    )["id"]
    refused = fieldreg(laptop, "erase", "request", person, "--reason", "data_subject_request")
    assert refused.returncode == 3
    assert "decided at the coordinator" in refused.stderr
    assert ok(fieldreg(laptop, "show", person))
    assert "Nobody is due." in ok(fieldreg(laptop, "retention", "run"))
