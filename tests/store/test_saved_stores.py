"""Stores written by the builds that shipped each older schema (tests/store/fixtures/, made by
scripts/make_fixture_stores.py with those builds' own code) open in this build: upgraded to head
after a backup, with every person, event and note as they were, and still writable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine, sqlite_url

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASSPHRASE = "fixture store passphrase, not a secret"  # as in scripts/make_fixture_stores.py
REVISIONS = sorted(path.name for path in FIXTURES.iterdir() if (path / "expected.json").exists())


# Schemas no build ever shipped: they landed together with the one after them (0006-0010 with
# 0011, on 2026-12-02), so no store of theirs can exist; a store of 0005 upgrades through them.
UNSHIPPED = frozenset({"0006", "0007", "0008", "0009", "0010"})


def test_there_is_a_saved_store_for_every_older_schema() -> None:
    older = migrate.known_revisions() - {migrate.head_revision()} - UNSHIPPED
    assert set(REVISIONS) == older


@pytest.fixture(params=REVISIONS)
def saved(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[DataDir, dict[str, Any]]:
    source = FIXTURES / str(request.param)
    directory = DataDir(tmp_path / "store")
    directory.root.mkdir(mode=0o700)
    for name in ("store.sqlite", "keyslots.json"):
        shutil.copy2(source / name, directory.root / name)
    expected = json.loads((source / "expected.json").read_text(encoding="utf-8"))
    return directory, expected


def test_a_saved_store_upgrades_to_head_with_everyone_and_every_event(
    saved: tuple[DataDir, dict[str, Any]],
) -> None:
    directory, expected = saved
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        engine = make_engine(sqlite_url(directory.db))
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
        engine.dispose()
        [backup] = directory.backups.iterdir()  # the store as it was, kept before upgrading
        assert f"from-{expected['revision']}" in backup.name

        session.load()
        assert len(session.people) == len(expected["people"])
        for person_id, names in expected["people"].items():
            fields = session.person(person_id).fields
            assert {k: fields[k] for k in names} == names
        household = expected["household"]
        assert sorted(session.people.household_members(household)) == expected["members"]
        departed = session.person(expected["departed"])
        assert (departed.fields["status"], departed.fields["status_transport"]) == (
            "departed",
            "Автобус 7",
        )
        assert [n.text for n in departed.notes] == ["Потрібне крісло колісне на вокзалі"]
        family = expected["people"][expected["members"][0]]["family_name"]
        assert {h.person_id for h in session.search(family).hits} >= set(expected["members"])

        report = session.verify()
        assert report.ok, report.problems
        assert (report.events, report.people, report.notes) == (expected["events"], 3, 1)
    finally:
        session.lock()


def test_a_saved_store_takes_new_writes_after_the_upgrade(
    saved: tuple[DataDir, dict[str, Any]],
) -> None:
    directory, expected = saved
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        session.load()
        newcomer = session.register({"family_name": "Гнатюк", "given_name": "Ірина"})
        assert newcomer not in expected["people"]  # the counter went on, no ID given twice
        session.link_member(newcomer, expected["household"], "sibling")
        session.set_status(expected["departed"], "reunited")
        report = session.verify()
        assert report.ok, report.problems
        assert report.events == expected["events"] + 3
    finally:
        session.lock()
