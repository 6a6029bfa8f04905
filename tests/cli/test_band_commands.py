"""`fieldreg band`: stocks, parse (with and without the store), settings, print to files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE


def fieldreg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE},
        timeout=120,
        check=False,
    )


@pytest.fixture
def person(data_dir: Path) -> str:
    init = fieldreg(data_dir, "init", "--point", "Вокзал", "--operator", "Olena", "--prefix", "K7")
    assert init.returncode == 0, init.stderr
    done = fieldreg(data_dir, "register", "--family", "Мельник", "--given", "Ярина", "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["id"])


def test_parse_needs_no_store_and_reads_cyrillic_layouts(data_dir: Path) -> None:
    done = fieldreg(data_dir, "band", "parse", "АК1ЖЛ7-0042-0.2", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "person_id": "K7-0042-0",
        "band_no": 2,
        "band_id": "K7-0042-0/2",
        "payload": True,
        "keyboard": "layout",
    }
    assert not data_dir.exists()
    refused = fieldreg(data_dir, "band", "parse", "FR1:K7-0042-1/2")
    assert refused.returncode == 3
    assert refused.stderr == (
        "fieldreg: This ID has a typing error: its check character does not match.\n"
    )


def test_print_to_files_and_look_up_scans(person: str, data_dir: Path, tmp_path: Path) -> None:
    first = fieldreg(data_dir, "band", "print", person, "--zpl", str(tmp_path / "a.zpl"))
    assert first.returncode == 0, first.stderr
    assert f"Issued: {person}/1" in first.stdout
    assert f"1 band on band-adult-203 for {person}." in first.stdout  # not "1 band(s)"
    second = fieldreg(
        data_dir, "band", "print", f"FR1:{person}/1", "--pdf", str(tmp_path / "b.pdf")
    )
    assert second.returncode == 0, second.stderr
    assert f"Voided: {person}/1" in second.stdout
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")

    old = fieldreg(data_dir, "band", "parse", f"FR1:{person}/1", "--lookup", "--json")
    assert old.returncode == 0, old.stderr
    assert json.loads(old.stdout)["warning"] == "scan.band_voided"


def test_stocks_and_settings(data_dir: Path) -> None:
    missing = fieldreg(data_dir, "band", "settings", "--stock", "band-child-300")
    assert missing.returncode == 6
    assert f"There is no store in {data_dir}." in missing.stderr
    assert not data_dir.exists()  # settings are never saved beside no store
    init = fieldreg(data_dir, "init", "--point", "Вокзал", "--operator", "Olena")
    assert init.returncode == 0, init.stderr
    stocks = fieldreg(data_dir, "band", "stocks", "--json")
    rows = json.loads(stocks.stdout)
    assert {row["name"] for row in rows} == {
        "band-adult-203",
        "band-adult-300",
        "band-child-203",
        "band-child-300",
        "tags-a4",
    }
    assert [row["name"] for row in rows if row["default"]] == ["band-adult-203"]
    changed = fieldreg(
        data_dir, "band", "settings", "--stock", "band-child-300", "--show", "given_name", "--json"
    )
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["shown"] == ["given_name"]
    assert json.loads(changed.stdout)["stock"] == "band-child-300"
    bad = fieldreg(data_dir, "band", "settings", "--show", "given_name,phone")
    assert bad.returncode == 3
    assert "(shown)" in bad.stderr
    shown = fieldreg(data_dir, "band", "settings", "--show", "given_name,birth_year")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "shown: given_name, birth_year" in lines  # a list reads as one, not as Python's
    assert "printer: (none)" in lines
    child = fieldreg(data_dir, "band", "settings", "--child-band-under", "10", "--json")
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout)["child_band_under"] == 10
    bad = fieldreg(data_dir, "band", "settings", "--child-band-under", "40")
    assert bad.returncode == 3
    assert "(child_band_under)" in bad.stderr
