"""The roster end to end through the CLI (issue 13, "Must show"): laptops A and B enroll; A
registers a family; the coordinator imports A and writes rosters; B imports its roster, finds the
family typed in another script, records "departed" with bus 12; the coordinator imports B; A's
next roster shows the family departed. The same whatever order the files travel in.

And hostile rosters at the apply level: an older version, an expired one, and a revoked
device's own roster (exports are refused afterwards) leave the laptop's people unchanged."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sync_support import snapshot

from fieldreg.services import roster_service
from fieldreg.services.paths import DataDir
from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE

NETWORK_PASSPHRASE = "network passphrase for the roster flow"


def ok(store: Path, *args: str) -> str:
    done = cli(store, *args)
    assert done.code == 0, done.err
    return done.out


def ok_json(store: Path, *args: str) -> object:
    return json.loads(ok(store, *args, "--json"))


@dataclass(frozen=True)
class Network:
    hub: Path
    a: Path
    b: Path
    root: Path

    def stick(self, name: str) -> Path:
        folder = self.root / name
        folder.mkdir()
        return folder


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Network:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDREG_NETWORK_PASSPHRASE", NETWORK_PASSPHRASE)
    hub = tmp_path / "hub"
    created = ok_json(hub, "network", "create", "--point", "Хаб", "--operator", "Coord")
    assert isinstance(created, dict)
    laptops = []
    for prefix, point in (("K7", "Школа 5"), ("M3", "Вокзал")):
        laptop = tmp_path / prefix
        ok(laptop, "init", "--point", point, "--operator", "Olena")
        request, answer = tmp_path / f"{prefix}-request.txt", tmp_path / f"{prefix}-answer.txt"
        ok(laptop, "enroll", "request", "--out", str(request))
        ok(hub, "enroll", "approve", str(request), "--prefix", prefix, "--out", str(answer))
        ok(laptop, "enroll", "accept", str(answer), "--fingerprint", created["fingerprint"])
        laptops.append(laptop)
    return Network(hub, laptops[0], laptops[1], tmp_path)


def export(laptop: Path, stick: Path) -> list[str]:
    exported = ok_json(laptop, "bundle", "export", "--out", str(stick))
    assert isinstance(exported, list)
    return [e["path"] for e in exported]


def rosters(network: Network, name: str, *extra: str) -> dict[str, str]:
    """Rosters written by the coordinator now: prefix -> file."""
    written = ok_json(network.hub, "roster", "export", "--out", str(network.stick(name)), *extra)
    assert isinstance(written, list)
    return {w["prefix"]: w["path"] for w in written}


def person(laptop: Path, person_id: str) -> dict[str, object]:
    shown = ok_json(laptop, "show", person_id)
    assert isinstance(shown, dict)
    fields = shown["fields"]
    assert isinstance(fields, dict)
    return fields


@pytest.mark.parametrize("reverse", [False, True], ids=["in-order", "reversed"])
def test_a_family_registered_at_a_departs_at_b_and_a_sees_it(
    network: Network, reverse: bool
) -> None:
    a, b, hub = network.a, network.b, network.hub
    mother = ok(
        a,
        "register",
        "--family",
        "Шевченко",
        "--given",
        "Марія",
        "--dob",
        "1950-03-02",
        "--new-household",
    ).strip()
    household = person(a, mother)["household_id"]
    assert isinstance(household, str)
    son = ok(
        a,
        "register",
        "--family",
        "Шевченко",
        "--given",
        "Олег",
        "--dob",
        "2012",
        "--household",
        household,
        "--relationship",
        "child",
    ).strip()
    first = export(a, network.stick("a-1"))
    ok(a, "status", mother, "waiting", "--location", "Спортзал")
    second = export(a, network.stick("a-2"))
    # A's bundles reach the hub in either order: the later one waits for the earlier
    for path in reversed(first + second) if reverse else first + second:
        ok(hub, "bundle", "import", path)
    early = rosters(network, "rosters-1")

    applied = ok_json(b, "roster", "import", early["M3"])
    assert isinstance(applied, dict)
    assert (applied["added"], applied["erased"], applied["revoked"]) == (2, 0, False)
    found = ok_json(b, "search", "Shevchenko Mariia")  # typed in Latin at B
    assert isinstance(found, list)
    assert found[0]["id"] == mother
    assert person(b, mother)["dob"] == "1950"  # a roster carries the year only
    assert person(b, son)["household_id"] == household  # and the family together
    for who in (mother, son):
        ok(b, "status", who, "departed", "--transport", "bus 12")
    from_b = export(b, network.stick("b-1"))
    for path in from_b:
        ok(hub, "bundle", "import", path)
    assert person(hub, mother)["status"] == "departed"
    late = rosters(network, "rosters-2")

    # A gets its rosters in either order: the older one, arriving last, is refused and kept out
    order = [late["K7"], early["K7"]] if reverse else [early["K7"], late["K7"]]
    ok(a, "roster", "import", order[0])
    last = cli(a, "roster", "import", order[1])
    if reverse:
        assert last.code == 3
        assert "The current roster is kept" in last.err
    else:
        assert last.code == 0, last.err
    for who in (mother, son):
        fields = person(a, who)
        assert (fields["status"], fields["status_transport"]) == ("departed", "bus 12")
    assert person(a, mother)["dob"] == "1950-03-02"  # A keeps the full date it typed
    shown = ok_json(a, "roster", "show")
    assert isinstance(shown, dict)
    assert shown["version"] == 2
    assert shown["revoked"] is False
    assert shown["applied_up_to"] == shown["last_seq"]  # the hub has all of A's log
    assert shown["waiting_for"] is None
    assert shown["bundles_waiting"] == 0
    # in times a person reads, the change numbers beside them
    # a time as the rest of the command line writes it: day first, with its zone
    up_to = r"The coordinator has everything recorded here up to \d\d\.\d\d\.20\d\d \d\d:\d\d UTC "
    assert re.search(up_to, ok(a, "roster", "show"))
    text = ok(b, "roster", "show")
    assert "Roster version 1" in text
    assert "still waits for event" in text  # B's departures reached the hub after roster 1
    assert cli(a, "verify").code == 0
    assert cli(b, "verify").code == 0


def _counts(store: Path) -> str:
    return snapshot(DataDir(store))


def test_older_and_expired_rosters_leave_the_laptop_unchanged(
    network: Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, hub = network.a, network.b, network.hub
    ok(a, "register", "--family", "Коваль", "--given", "Петро")
    for path in export(a, network.stick("a-1")):
        ok(hub, "bundle", "import", path)
    first = rosters(network, "r1")
    second = rosters(network, "r2")
    ok(b, "roster", "import", second["M3"])
    before, digest = _counts(b), ok(b, "digest")

    older = cli(b, "roster", "import", first["M3"])
    assert older.code == 3
    assert "not newer than the version 2" in older.err
    assert (_counts(b), ok(b, "digest")) == (before, digest)

    third = rosters(network, "r3")
    later = roster_service.now_ms() + roster_service.VALID_MS + 1
    monkeypatch.setattr(roster_service, "now_ms", lambda: later)
    expired = cli(b, "roster", "import", third["M3"])
    assert expired.code == 3
    assert "expired" in expired.err
    assert "The current roster is kept" in expired.err
    assert (_counts(b), ok(b, "digest")) == (before, digest)


def test_a_revoked_laptop_is_told_and_stops_exporting(network: Network) -> None:
    a, b, hub = network.a, network.b, network.hub
    ok(a, "register", "--family", "Коваль", "--given", "Петро")
    for path in export(a, network.stick("a-1")):
        ok(hub, "bundle", "import", path)
    ok(b, "register", "--family", "Мельник", "--given", "Іван")
    ok(hub, "device", "revoke", "M3", "--up-to", "0")
    written = ok_json(hub, "roster", "export", "--out", str(network.stick("r1")))
    assert isinstance(written, list)
    for_b = next(w for w in written if w["prefix"] == "M3")
    assert (for_b["revoked"], for_b["people"]) == (True, 0)  # nobody else's data goes to it
    people = ok(b, "search", "Коваль")

    imported = cli(b, "roster", "import", for_b["path"])
    assert imported.code == 0, imported.err
    assert "revoked by the coordinator" in imported.out
    assert ok(b, "search", "Коваль") == people  # it brought no one
    refused = cli(b, "bundle", "export", "--out", str(network.stick("b-1")))
    assert refused.code == 3
    assert "revoked by the coordinator" in refused.err
    assert list((network.root / "b-1").iterdir()) == []
    assert json.loads(ok(b, "roster", "show", "--json"))["revoked"] is True
