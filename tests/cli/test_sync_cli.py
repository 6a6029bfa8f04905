"""Sync from the command line, as a coordinator scripts it: network, enrollment, export, import
with JSON results and exit codes, conflicts, inspect and split."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

NETWORK_PASSPHRASE = "network passphrase for the cli"


def fieldreg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FIELDREG_PASSPHRASE": PASSPHRASE,
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


def test_enroll_export_import_and_resolve_from_the_command_line(tmp_path: Path) -> None:
    hub, laptop = tmp_path / "hub", tmp_path / "laptop"
    created = json.loads(
        ok(fieldreg(hub, "network", "create", "--point", "Хаб", "--operator", "Coord", "--json"))
    )
    ok(fieldreg(laptop, "init", "--point", "Школа 5", "--operator", "Olena"))
    request = tmp_path / "request.txt"
    ok(fieldreg(laptop, "enroll", "request", "--out", str(request)))
    answer = tmp_path / "answer.txt"
    ok(fieldreg(hub, "enroll", "approve", str(request), "--prefix", "K7", "--out", str(answer)))
    accepted = ok(
        fieldreg(laptop, "enroll", "accept", str(answer), "--fingerprint", created["fingerprint"])
    )
    assert "K7" in accepted
    person = json.loads(
        ok(fieldreg(laptop, "register", "--family", "Мельник", "--given", "Іван", "--json"))
    )["id"]
    assert person.startswith("K7-")
    stick = tmp_path / "stick"
    stick.mkdir()
    [exported] = json.loads(ok(fieldreg(laptop, "bundle", "export", "--out", str(stick), "--json")))
    bundle = Path(exported["path"])

    inspected = json.loads(ok(fieldreg(hub, "bundle", "inspect", str(bundle), "--json")))
    assert inspected["signature_ok"] is True
    assert inspected["certificate_ok"] is True
    assert inspected["header"]["first"] == 1
    parts = tmp_path / "parts"
    ok(fieldreg(hub, "bundle", "split", str(bundle), "--out", str(parts)))
    assert {"payload.age", "payload.age.minisig", "device.pub", "README.txt"} <= {
        p.name for p in parts.iterdir()
    }

    [result] = json.loads(ok(fieldreg(hub, "bundle", "import", str(bundle), "--json")))
    assert result["outcome"] == "applied"
    assert result["applied"] == 1
    [again] = json.loads(ok(fieldreg(hub, "bundle", "import", str(bundle), "--json")))
    assert again["outcome"] == "replay"
    assert "Мельник" in ok(fieldreg(hub, "show", person))

    hostile = tmp_path / "hostile.bundle"
    hostile.write_bytes(b"not a bundle at all")
    refused = fieldreg(hub, "bundle", "import", str(hostile))
    assert refused.returncode == 3
    assert "not a fieldreg bundle" in refused.stdout
    assert not hostile.exists()
    [quarantined] = json.loads(ok(fieldreg(hub, "bundle", "quarantine", "--json")))
    assert quarantined["code"] == "bundle.bad_magic"
    [line] = ok(fieldreg(hub, "bundle", "quarantine")).splitlines()
    # when, as every time on the command line: day first, with its zone
    assert re.match(r"\d\d\.\d\d\.20\d\d \d\d:\d\d UTC  \S+\.bundle: ", line), line

    devices = json.loads(ok(fieldreg(hub, "device", "list", "--json")))
    assert [d["prefix"] for d in devices] == ["K7"]
    assert devices[0]["imported_up_to"] == 1
    ok(fieldreg(hub, "device", "revoke", "K7", "--up-to", "1"))
    assert "No conflicts." in ok(fieldreg(hub, "conflicts", "list"))
    missing = fieldreg(hub, "conflicts", "resolve", person, "phone", "--pick", "0")
    assert missing.returncode == 3
    assert "no open conflict" in missing.stderr


def test_import_shows_a_progress_line_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldreg.cli.bundle_output import ProgressLine

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    line = ProgressLine()
    for done in (0, 500, 1000):
        line(done, 1000)
    line.close()
    shown = capsys.readouterr().err
    assert "\r  importing [" in shown
    assert "1000/1000 events" in shown


def test_duplicates_from_the_command_line(tmp_path: Path) -> None:
    hub = tmp_path / "hub"
    ok(fieldreg(hub, "network", "create", "--point", "Хаб", "--operator", "Coord"))

    def register(*flags: str) -> str:
        return str(json.loads(ok(fieldreg(hub, "register", *flags, "--json")))["id"])

    first = register("--family", "Мельник", "--given", "Іван", "--dob", "1971")
    again = register("--family", "Melnyk", "--given", "Ivan", "--dob", "1971")
    register("--family", "Мельник", "--given", "Петро", "--dob", "1971")  # a brother
    [candidate] = json.loads(ok(fieldreg(hub, "duplicates", "find", "--json")))
    assert (candidate["id"], candidate["of"]) == (again, first)
    assert "name.other_script" in candidate["reasons"]
    assert {"role": "dob", "verdict": "same", "ours": "1971", "theirs": "1971"} in candidate[
        "fields"
    ]
    shown = ok(fieldreg(hub, "duplicates", "find"))
    # Melnyk is Мельник in the Ukrainian passport spelling: the same name, field by field
    assert f"{again} ~ {first}  100\n    Family name: the same\n    Given name: the same\n" in shown
    assert "    Born: the same\n" in shown
    assert "Marked." in ok(fieldreg(hub, "duplicates", "mark", again, "--of", first))
    assert f"{again} = {first}" in ok(fieldreg(hub, "duplicates", "list"))
    assert "No likely duplicates." in ok(fieldreg(hub, "duplicates", "find"))
    assert "Mark undone." in ok(fieldreg(hub, "duplicates", "unmark", again, "--of", first))
    assert "No duplicate marks." in ok(fieldreg(hub, "duplicates", "list"))
    refused = fieldreg(hub, "duplicates", "unmark", again, "--of", first)
    assert refused.returncode != 0
    assert "is not marked as the same person" in refused.stderr
