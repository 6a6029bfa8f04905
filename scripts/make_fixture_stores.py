"""Build the saved stores that tests/store/test_saved_stores.py upgrades to the current schema.

Each is made by the build that last shipped that schema, not by today's code pretending: the
script exports that commit's `fieldreg/`, `migrations/` and `resources/` (`git archive`, no
checkout, the work tree is untouched) and drives its own command line to register a few made-up
people (Faker, uk_UA, fixed seed), a household, a note, a status change and an edit. What that
build wrote is copied to tests/store/fixtures/<revision>/ (store.sqlite, keyslots.json) with
expected.json: the people's IDs and names, the number of events, and the commit.

Sealed with the passphrase below (a test passphrase, nothing else uses it) and the KDF at OWASP's
minimum so the tests open them quickly. No real personal data: every name is Faker's.

    .venv/bin/python scripts/make_fixture_stores.py          # rewrites tests/store/fixtures/
    .venv/bin/python scripts/make_fixture_stores.py 0005     # only the store of that schema
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from faker import Faker

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "store" / "fixtures"
PASSPHRASE = "fixture store passphrase, not a secret"
# schema revision -> the last commit whose head was that revision (the next one added a migration)
RELEASES = {
    "0001": "be2a900",  # before 0002_sync
    "0002": "8829ad1",  # before 0003_event_id_not_indexed
    "0003": "8d5a464",  # before 0004_duplicate_index
    "0004": "cb609c2",  # before 0005_key_slot_copy
    "0005": "b5eebdc",  # before the roster, erasure, transports, lists and hub tables
    "0011": "0686e43",  # before 0012_roster_marks
}


def _fieldreg(source: Path, data_dir: Path, home: Path, *args: str) -> Any:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(source),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "FIELDREG_PASSPHRASE": PASSPHRASE,
        "FIELDREG_KDF_PROFILE": "minimum",
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "fieldreg", *args, "--data-dir", str(data_dir), "--json"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=source,
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: {done.stderr}")
    return json.loads(done.stdout) if done.stdout.strip() else None


def _export(commit: str, target: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "fieldreg", "migrations", "resources"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)


def make_store(revision: str, commit: str, faker: Faker) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldreg-fixture-") as temp:
        source, data_dir, home = Path(temp) / "src", Path(temp) / "store", Path(temp) / "home"
        source.mkdir()
        home.mkdir()
        _export(commit, source)
        run = lambda *args: _fieldreg(source, data_dir, home, *args)  # noqa: E731
        run("init", "--point", "Школа 12", "--operator", "Fixture", "--prefix", "K7")
        family = faker.last_name_female()
        people: dict[str, dict[str, str]] = {}

        def register(given: str, last: str, dob: str, *extra: str) -> str:
            person_id = str(
                run("register", "--family", last, "--given", given, "--dob", dob, *extra)["id"]
            )
            people[person_id] = {"family_name": last, "given_name": given}
            return person_id

        mother = register(faker.first_name_female(), family, "1986", "--new-household")
        household = str(run("show", mother)["fields"]["household_id"])
        child = register(faker.first_name_female(), family, "2016")
        run("household", "link", child, household, "--relationship", "child")
        alone = register(
            faker.first_name_male(), faker.last_name_male(), "1951", "--needs", "mobility"
        )
        run("note", alone, "Потрібне крісло колісне на вокзалі")
        run("status", alone, "departed", "--transport", "Автобус 7")
        run("edit", child, "--phone", "+380 67 000 00 00")
        database = data_dir / "store.sqlite"
        leftovers = [p.name for p in data_dir.iterdir() if p.name.endswith(("-wal", "-shm"))]
        if leftovers:
            raise SystemExit(f"{revision}: the store was not closed cleanly ({leftovers})")
        connection = sqlite3.connect(database)
        try:
            (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            (events,) = connection.execute("SELECT count(*) FROM events").fetchone()
        finally:
            connection.close()
        if version != revision:
            raise SystemExit(f"{commit} made schema {version}, not {revision}")
        target = FIXTURES / revision
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.copy2(database, target / "store.sqlite")
        shutil.copy2(data_dir / "keyslots.json", target / "keyslots.json")
        expected = {
            "revision": revision,
            "commit": commit,
            "events": events,
            "household": household,
            "members": sorted([mother, child]),
            "departed": alone,
            "people": people,
        }
        (target / "expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"{revision}: {len(people)} people, {events} events, from {commit}")


def main() -> None:
    faker = Faker("uk_UA")
    faker.seed_instance(20261124)
    wanted = set(sys.argv[1:]) or set(RELEASES)
    unknown = wanted - set(RELEASES)
    if unknown:
        raise SystemExit(f"no release is known for {sorted(unknown)}; known: {sorted(RELEASES)}")
    for revision, commit in RELEASES.items():
        if revision in wanted:
            make_store(revision, commit, faker)


if __name__ == "__main__":
    main()
