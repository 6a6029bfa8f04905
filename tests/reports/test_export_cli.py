"""`fieldreg export` and `fieldreg stats --json` as a coordinator's script runs them."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

from fieldreg.reports import pfif
from tests.cli.test_cli import fieldreg, store  # noqa: F401 (store is a fixture)


def register(data_dir: Path, family: str, given: str, *extra: str) -> str:
    done = fieldreg(data_dir, "register", "--family", family, "--given", given, *extra, "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["id"])


def test_csv_export_warns_on_stderr_and_writes_the_chosen_columns(
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    first = register(store, "Коваленко", "Марія", "--needs", "medical")
    register(store, "Бондар", "Ігор")
    target = tmp_path / "people.csv"
    done = fieldreg(
        store, "export", "csv", "--columns", "id,family_name,needs", "--need", "medical",
        "--out", str(target), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "personal data of 1 person" in done.stderr
    assert json.loads(done.stdout)["people"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows == [["id", "family_name", "needs"], [first, "Коваленко", "medical"]]


def test_an_unknown_column_is_an_input_error_and_writes_nothing(
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    target = tmp_path / "people.csv"
    done = fieldreg(store, "export", "csv", "--columns", "id,salary", "--out", str(target))
    assert done.returncode == 3
    assert "salary" in done.stderr
    assert not target.exists()


def test_pfif_export_holds_only_people_who_consented(
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    agrees = register(store, "Коваленко", "Марія")
    refuses = register(store, "Бондар", "Ігор")
    for person_id, answer in ((agrees, "yes"), (refuses, "no")):
        done = fieldreg(store, "consent", person_id, "--consent-tracing", answer)
        assert done.returncode == 0, done.stderr
    target = tmp_path / "people.pfif.xml"
    done = fieldreg(
        store, "export", "pfif", "--domain", "registry.example.org", "--out", str(target)
    )
    assert done.returncode == 0, done.stderr
    [person] = pfif.parse_document(target.read_bytes())
    assert person.person_record_id == f"registry.example.org/{agrees}"
    assert "Бондар" not in target.read_text(encoding="utf-8")


def test_stats_json_carries_the_dashboard_breakdowns(store: Path) -> None:  # noqa: F811
    register(store, "Коваленко", "Марія", "--needs", "medical,mobility")
    register(store, "Бондар", "Ігор")
    done = fieldreg(store, "stats", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["by_need"] == {"medical": 1, "mobility": 1}
    assert data["by_point"] == {"Вокзал": 2}
    assert sum(data["by_day"].values()) == 2
    assert sum(data["by_status"].values()) == 2
