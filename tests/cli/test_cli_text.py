"""What the command line says, as a person reads it: history in words, errors that name the
allowed values and the option to use, apostrophes as typed, and help that explains itself."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldreg.cli.main import build_parser, run
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _umask() -> Iterator[None]:
    """`run` sets the process umask to 0o077, as the command does; the tests share the process."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    vault.init_store(DataDir(data_dir), point="Point A", operator="Olena", passphrase=PASSPHRASE)
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    return data_dir


def fieldreg(store: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run([*argv, "--data-dir", str(store)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def registered(store: Path, capsys: pytest.CaptureFixture[str], *fields: str) -> str:
    code, out, err = fieldreg(store, capsys, "register", "--family", "Testenko", *fields, "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def test_history_prints_values_in_words(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = registered(
        store, capsys, "--given", "Ira", "--dob", "12.03.1984", "--needs", "medical,elderly_alone"
    )
    assert fieldreg(store, capsys, "edit", person, "--needs", "", "--dob", "~40")[0] == 0
    assert (
        fieldreg(store, capsys, "status", person, "medical_referral", "--location", "Chop")[0] == 0
    )
    assert fieldreg(store, capsys, "note", person, "Needs a wheelchair")[0] == 0
    code, out, err = fieldreg(store, capsys, "history", person)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].endswith("  Olena  Person registered")
    assert "    Date of birth: 12.03.1984" in lines
    assert "    Needs: elderly alone, medical" in lines
    assert "    Needs: (none)" in lines  # cleared by the edit
    assert f"    Date of birth: about {dt.date.today().year - 40}" in lines
    assert "    Status: medical referral" in lines
    assert "    Note: Needs a wheelchair" in lines
    for python_text in ("None", "[", "'", "_", "StatusChanged", "text="):
        assert python_text not in out, python_text


def test_history_lists_a_registration_in_the_order_show_does(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = registered(
        store, capsys, "--given", "Ira", "--patronymic", "Petrivna", "--sex", "female",
        "--dob", "1984", "--phone", "+380 67 123 45 67", "--needs", "medical",
    )  # fmt: skip
    code, out, err = fieldreg(store, capsys, "history", person)
    assert code == 0, err
    labels = [line.split(":")[0].strip() for line in out.splitlines()[1:]]
    assert labels[:8] == [
        "Family name",
        "Given name",
        "Patronymic",
        "Family name (Latin)",
        "Given name (Latin)",
        "Patronymic (Latin)",
        "Sex",
        "Date of birth",
    ]
    assert labels.index("Phone") < labels.index("Needs") < labels.index("Status")


def test_times_are_written_day_first_like_the_date_of_birth_beside_them(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`show` and `history` print a date of birth as 12.03.1984: the time of a registration
    or a note beside it reads the same way (not 2026-12-04), in local time with its zone."""
    monkeypatch.setenv("TZ", "Europe/Kyiv")
    time.tzset()
    try:
        person = registered(store, capsys, "--given", "Ira", "--dob", "12.03.1984")
        assert fieldreg(store, capsys, "note", person, "Needs a wheelchair")[0] == 0
        code, shown, err = fieldreg(store, capsys, "show", person)
        assert code == 0, err
        code, history, err = fieldreg(store, capsys, "history", person)
        assert code == 0, err
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    moment = r"\d\d\.\d\d\.20\d\d \d\d:\d\d EET"  # Kyiv in winter
    assert "  Date of birth: 12.03.1984" in shown.splitlines()
    assert re.search(rf"^  Registered: {moment}$", shown, re.M), shown
    assert re.search(rf"^  Note {moment}: Needs a wheelchair$", shown, re.M), shown
    assert re.search(rf"^{moment}  Olena  Person registered$", history, re.M), history
    assert not re.search(r"20\d\d-\d\d-\d\d", shown + history)


def test_edit_names_the_command_for_a_field_it_does_not_change(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Consents, the status and the household have commands of their own: `edit` does not offer
    them, and given one anyway it names the command to use and changes nothing."""
    person = registered(store, capsys, "--given", "Ira")
    with pytest.raises(SystemExit) as exited:
        run(["edit", "--help"])
    assert exited.value.code == 0
    edit_help = capsys.readouterr().out
    for option in ("--consent-tracing", "--consent-data", "--wishes-evacuation"):
        assert option not in edit_help
    assert "fieldreg consent" in " ".join(edit_help.split())  # the help is wrapped
    code, out, err = fieldreg(store, capsys, "edit", person, "--consent-tracing", "yes")
    assert code == 3
    assert err.strip() == "fieldreg: Consent to tracing: not changed by edit; use fieldreg consent."
    code, out, err = fieldreg(store, capsys, "show", person, "--json")
    assert code == 0, err
    assert "consent_tracing" not in json.loads(out)["fields"]


def test_what_an_edit_changed_is_said_in_words(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = registered(store, capsys, "--given", "Ira")
    code, out, err = fieldreg(store, capsys, "edit", person, "--phone", "+380671234567")
    assert code == 0, err
    assert out.strip() == "Changed: Phone"
    code, out, err = fieldreg(store, capsys, "consent", person, "--consent-tracing", "yes")
    assert code == 0, err
    assert out.strip() == "Changed: Consent to tracing"


def test_not_an_allowed_value_lists_the_allowed_values(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = registered(store, capsys, "--given", "Ira")
    code, _, err = fieldreg(store, capsys, "edit", person, "--sex", "f")
    assert code == 3
    assert err == "fieldreg: Sex: not one of the allowed values (female, male, other, unknown).\n"
    code, household, err = fieldreg(store, capsys, "household", "create")
    assert code == 0, err
    code, _, err = fieldreg(
        store, capsys, "household", "link", person, household.strip(), "--relationship", "mother"
    )
    assert code == 3
    assert "Relationship: not one of the allowed values (head, spouse, child, parent," in err


def test_choose_one_operator_names_the_option(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDREG_NEW_PASSPHRASE", "another long passphrase 42")
    assert fieldreg(store, capsys, "operator", "add", "--name", "Taras")[0] == 0
    code, _, err = fieldreg(store, capsys, "stats")
    assert code == 4
    assert err == (
        "fieldreg: Several operators use this laptop: choose one with --operator NAME "
        "(fieldreg operator list shows them).\n"
    )


def test_a_left_single_quote_is_an_apostrophe_in_names(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = registered(store, capsys, "--given", "Мар\u2018яна")
    code, out, err = fieldreg(store, capsys, "search", "Мар\u02bcяна Testenko", "--json")
    assert code == 0, err
    [hit] = json.loads(out)
    assert hit["id"] == person
    assert hit["fields"]["given_name"] == "Мар\u2018яна"  # kept as typed


def test_network_create_help_names_both_passphrase_variables(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        run(["network", "create", "--help"])
    assert done.value.code == 0
    words = " ".join(capsys.readouterr().out.split())
    assert "the store's, from --passphrase-file or FIELDREG_PASSPHRASE" in words
    assert (
        "the network's, which protects the root signing key and the escrow key, "
        "from --network-passphrase-file or FIELDREG_NETWORK_PASSPHRASE" in words
    )


def _parsers(
    parser: argparse.ArgumentParser, path: str = "fieldreg"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


def test_every_command_help_says_what_it_does_and_what_it_takes() -> None:
    for path, parser in _parsers(build_parser()):
        assert parser.description, f"{path} --help has no description"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{path}: {action.dest} has no help"
            if action.dest.endswith(("passphrase_file", "key_file")):
                assert "FIELDREG_" in action.help, f"{path}: {action.dest} names no variable"


def test_register_points_out_a_child_alone_and_a_relationship_the_years_make_unlikely(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The desk's second look, on stderr; the ID alone on stdout and exit 0: saved is saved."""
    code, out, err = fieldreg(
        store, capsys, "register", "--family", "Шевченко", "--given", "Олена", "--dob", "1984",
        "--new-household",
    )  # fmt: skip
    assert (code, err) == (0, "")
    mother = out.strip()
    household = json.loads(fieldreg(store, capsys, "show", mother, "--json")[1])["fields"][
        "household_id"
    ]
    code, out, err = fieldreg(
        store, capsys, "register", "--family", "Шевченко", "--given", "Марко", "--dob", "2016",
        "--household", household, "--relationship", "spouse",
    )  # fmt: skip
    son = out.strip()
    assert code == 0
    assert err == (
        f"fieldreg: warning: {son}: A spouse or partner under 16: check the relationship.\n"
    )
    code, out, err = fieldreg(
        store, capsys, "household", "link", son, household, "--relationship", "parent"
    )
    assert code == 0
    assert err == (
        f"fieldreg: warning: {son}: A parent of the head born in 2016, the head in 1984: "
        "check the relationship.\n"
    )
    code, out, err = fieldreg(
        store, capsys, "household", "link", son, household, "--relationship", "child"
    )
    assert (code, err) == (0, "")
    code, out, err = fieldreg(
        store, capsys, "register", "--family", "Бойко", "--given", "Ія", "--dob", "2019"
    )
    assert code == 0
    assert err == (
        f"fieldreg: warning: {out.strip()}: under 18, registered alone and not marked "
        "unaccompanied or separated: check who is with the child (--needs unaccompanied_child "
        "or separated_child).\n"
    )
    code, out, err = fieldreg(
        store, capsys, "register", "--family", "Бойко", "--given", "Іван", "--dob", "2019",
        "--needs", "separated_child", "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert list(json.loads(out)) == ["id"]
