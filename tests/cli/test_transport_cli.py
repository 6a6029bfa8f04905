"""`fieldreg transport`, `fieldreg board` and `fieldreg manifest` as a coordinator's or a door
volunteer's script runs them: the exit status of `board` says what the scan meant, and only a
right scan is recorded."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    done = cli(data_dir, "init", "--point", "Вокзал", "--operator", "Olena", "--prefix", "K7")
    assert done.code == 0, done.err
    return data_dir


def _register(store: Path, family: str, given: str, *extra: str) -> str:
    done = cli(store, "register", "--family", family, "--given", given, *extra, "--json")
    assert done.code == 0, done.err
    return str(json.loads(done.out)["id"])


def _plan(store: Path) -> str:
    done = cli(
        store, "transport", "plan", "--kind", "bus", "--name", "Автобус 3",
        "--route", "Харків — Ужгород", "--departure", "2026-12-03 07:30",
        "--receiving-party", "Slovak Red Cross", "--capacity", "50", "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    return str(json.loads(done.out)["id"])


def test_plan_assign_show_and_unassign(store: Path) -> None:
    bus = _plan(store)
    anna = _register(store, "Мельник", "Анна")
    ivan = _register(store, "Гнатюк", "Іван")
    done = cli(
        store, "transport", "assign", bus, anna, ivan, "--seat", f"{anna}=12",
        "--assist", f"{ivan}=medical_escort", "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert sorted(json.loads(done.out)["assigned"]) == sorted([anna, ivan])
    shown = json.loads(cli(store, "transport", "show", bus, "--json").out)
    assert shown["fields"]["name"] == "Автобус 3"
    assert [(p["id"], p["seat"], p["assistance"]) for p in shown["passengers"]] == [
        (anna, "12", []),
        (ivan, None, ["medical_escort"]),
    ]
    text = cli(store, "transport", "show", bus).out
    assert "Мельник Анна" in text
    assert "seat 12" in text
    assert "Гнатюк Іван  medical escort" in text
    # The fields in words, in the order `plan` takes them, the departure day first.
    assert text.splitlines()[1:6] == [
        "  Kind of transport: bus",
        "  Route: Харків — Ужгород",
        "  Planned departure: 03.12.2026 07:30",
        "  Receiving party: Slovak Red Cross",
        "  Capacity: 50",
    ]
    assert "receiving_party" not in text
    assert cli(store, "transport", "unassign", bus, ivan).code == 0
    again = cli(store, "transport", "unassign", bus, ivan)
    assert again.code == 3
    assert "not on the passenger list" in again.err
    listed = cli(store, "transport", "list").out
    assert bus in listed
    assert "1 passenger" in listed
    assert "1 passengers" not in listed


def test_bad_fields_and_unknown_transports_are_said(store: Path) -> None:
    done = cli(store, "transport", "plan", "--name", "Автобус", "--departure", "завтра")
    assert done.code == 3
    assert "DD.MM.YYYY HH:MM" in done.err
    missing = cli(store, "transport", "show", "K7-0042-X")
    assert missing.code in {3, 5}
    assert "Traceback" not in missing.err


def test_board_exit_status_says_the_outcome_and_records_only_the_right_scan(
    store: Path,
) -> None:
    bus = _plan(store)
    anna = _register(store, "Мельник", "Анна")
    stays = _register(store, "Лисенко", "Віра")
    assert cli(store, "consent", stays, "--wishes-evacuation", "no").code == 0
    stranger = _register(store, "Гончар", "Тарас")
    assert cli(store, "transport", "assign", bus, anna, stays, "--seat", f"{anna}=7").code == 0

    boarded = cli(store, "board", anna, "--transport", bus)
    assert (boarded.code, boarded.out.split(":")[0]) == (0, "BOARDED")
    assert "seat 7" in boarded.out
    assert cli(store, "board", anna, "--transport", bus).code == 13
    not_listed = cli(store, "board", stranger, "--transport", bus)
    assert not_listed.code == 10
    assert "NOT ON THIS MANIFEST" in not_listed.out
    assert cli(store, "board", "FR1:nothing", "--transport", bus).code == 14
    asked = cli(store, "board", stays, "--transport", bus, "--json")
    assert asked.code == 12
    assert json.loads(asked.out)["recorded"] is False
    shown = json.loads(cli(store, "transport", "show", bus, "--json").out)
    assert [p["id"] for p in shown["passengers"] if p["boarded"]] == [anna]
    assert cli(store, "board", stays, "--transport", bus, "--confirm").code == 0


@pytest.mark.usefixtures("qapp")  # the PDF in process: the desk's QApplication, not a bare one
def test_manifest_csv_and_pdf_warn_and_write_privately(store: Path, tmp_path: Path) -> None:
    bus = _plan(store)
    anna = _register(store, "Мельник", "Анна", "--dob", "1980")
    assert cli(store, "transport", "assign", bus, anna, "--seat", f"{anna}=1").code == 0
    target = tmp_path / "bus.csv"
    done = cli(store, "manifest", bus, "--csv", str(target), "--lang", "uk", "--json")
    assert done.code == 0, done.err
    assert "personal data of 1 person" in done.err
    assert json.loads(done.out)["version"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    header, row = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    values = dict(zip(header, row, strict=True))
    assert values["Ім'я (кирилицею)"] == "Мельник Анна"
    assert values["Місце"] == "1"
    pdf = tmp_path / "bus.pdf"
    assert cli(store, "manifest", bus, "--pdf", str(pdf), "--lang", "ru").code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    both = cli(store, "manifest", bus, "--pdf", str(pdf), "--csv", str(target))
    assert both.code == 2


def test_export_keeps_only_the_passengers_of_a_transport(store: Path, tmp_path: Path) -> None:
    bus = _plan(store)
    anna = _register(store, "Мельник", "Анна")
    _register(store, "Гнатюк", "Іван")
    assert cli(store, "transport", "assign", bus, anna).code == 0
    for form in ("csv", "xlsx"):
        target = tmp_path / f"people.{form}"
        done = cli(store, "export", form, "--transport", bus, "--out", str(target), "--json")
        assert done.code == 0, done.err
        assert json.loads(done.out)["people"] == 1
    rows = list(csv.reader(io.StringIO((tmp_path / "people.csv").read_text("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [anna]
    unknown = cli(store, "export", "csv", "--transport", "K7-0042-X", "--out", str(tmp_path / "x"))
    assert unknown.code in {3, 5}
    assert not (tmp_path / "x").exists()
