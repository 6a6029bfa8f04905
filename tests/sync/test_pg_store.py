"""The coordinator's store on a PostgreSQL server: the server never sees a personal value, and
`--store` works from the command line, before or after the command, on a first and a second
workstation (which unlocks with the slots the first wrote to the server)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sync_support import NETWORK_PASSPHRASE, create_coordinator, new_laptop, open_store

from fieldreg.cli.common import EXIT_OK, EXIT_STORE, EXIT_USAGE
from fieldreg.services import sync_service as sync
from tests.conftest import PASSPHRASE
from tests.pg_support import Cluster, table_rows

SECRETS = ["Квітослава", "Kvitoslava", "Перепелиця", "Perepelytsia", "380977654321", "Ямпіль"]
SECRETS += ["Гордій", "Hordii", "Чумаченко", "Chumachenko", "Хутір Вишневий"]


def _needles() -> list[tuple[str, bytes]]:
    return [
        (secret, secret.encode(encoding))
        for secret in SECRETS
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ]


def _server_leaks(url: str) -> list[tuple[str, str]]:
    """Every text and bytea value of every row in the store's database, searched."""
    found = []
    for table, rows in table_rows(url).items():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    data = value.encode("utf-8")
                elif isinstance(value, (bytes, memoryview)):
                    data = bytes(value)
                else:
                    continue
                found += [(table, secret) for secret, needle in _needles() if needle in data]
    return found


def _file_leaks(root: Path) -> list[tuple[str, str]]:
    return [
        (path.name, secret)
        for path in root.rglob("*")
        if path.is_file()
        for secret, needle in _needles()
        if needle in path.read_bytes()
    ]


def test_nothing_personal_reaches_the_server(pg_cluster: Cluster, tmp_path: Path) -> None:
    url = pg_cluster.url(pg_cluster.create_database())
    coordinator = create_coordinator(tmp_path / "hub", url)
    laptop_dir = new_laptop(tmp_path / "laptop", coordinator, "K7")
    laptop, hub = open_store(laptop_dir), open_store(coordinator)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        person = laptop.register(
            {
                "family_name": "Перепелиця",
                "given_name": "Квітослава",
                "phone": "+380977654321",
                "origin_settlement": "Ямпіль",
            }
        )
        laptop.add_note(person, "Квітослава шукає брата")
        [early] = sync.export_bundles(laptop, stick)
        laptop.update(person, {"origin_region": "Ямпіль"})
        [late] = sync.export_bundles(laptop, stick)
        [held] = sync.import_bundles(hub, [late.path])  # its sealed copy waits on the server
        assert held.held
        with_a_gap = table_rows(url)["sync_held_bundles"]
        assert len(with_a_gap) == 1
        [applied] = sync.import_bundles(hub, [early.path])
        assert applied.applied
        assert hub.person(person).fields["given_name"] == "Квітослава"
        own = hub.register({"family_name": "Чумаченко", "given_name": "Гордій"})
        hub.add_note(own, "Хутір Вишневий")
        assert [hit.person_id for hit in hub.search("Chumachenko").hits] == [own]
        assert _server_leaks(url) == []
        assert with_a_gap[0][-1] is not None
    finally:
        laptop.lock()
        hub.lock()
    rows = table_rows(url)
    assert len(rows["people"]) == 2  # the values are there, sealed
    assert len(rows["notes"]) == 2
    assert _server_leaks(url) == []
    assert _file_leaks(coordinator.root) == []


def _fieldreg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldreg", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def test_store_option_and_a_second_workstation(pg_cluster: Cluster, tmp_path: Path) -> None:
    url = pg_cluster.url(pg_cluster.create_database())
    first, second = tmp_path / "workstation-1", tmp_path / "workstation-2"
    created = _fieldreg(
        "--store",
        url,
        "--data-dir",
        str(first),
        "network",
        "create",
        "--point",
        "Хаб",
        "--operator",
        "Координатор",
        FIELDREG_PASSPHRASE=PASSPHRASE,
        FIELDREG_NETWORK_PASSPHRASE=NETWORK_PASSPHRASE,
    )
    assert created.returncode == EXIT_OK, created.stderr
    assert not (first / "store.sqlite").exists()  # the rows are on the server
    # --store after the command: an operator of the second workstation, added on the first
    added = _fieldreg(
        "--data-dir",
        str(first),
        "operator",
        "add",
        "--name",
        "Друга",
        "--store",
        url,
        FIELDREG_PASSPHRASE=PASSPHRASE,
        FIELDREG_NEW_PASSPHRASE="second workstation passphrase",
    )
    assert added.returncode == EXIT_OK, added.stderr
    # the second workstation's folder is empty: its slots come from the server's copy
    verified = _fieldreg(
        "--data-dir",
        str(second),
        "--operator",
        "Друга",
        "verify",
        "--store",
        url,
        FIELDREG_PASSPHRASE="second workstation passphrase",
    )
    assert verified.returncode == EXIT_OK, verified.stderr
    assert (second.stat().st_mode & 0o777) == 0o700
    assert (second / "keyslots.json").stat().st_mode & 0o077 == 0  # its own copy, private
    made = _fieldreg(
        "--store",
        url,
        "--data-dir",
        str(second),
        "--operator",
        "Друга",
        "register",
        "--family",
        "Коваленко",
        "--given",
        "Марта",
        FIELDREG_PASSPHRASE="second workstation passphrase",
    )
    assert made.returncode == EXIT_OK, made.stderr
    found = _fieldreg(
        "--store",
        url,
        "--data-dir",
        str(first),
        "--operator",
        "Координатор",
        "search",
        "Kovalenko",
        FIELDREG_PASSPHRASE=PASSPHRASE,
    )
    assert found.returncode == EXIT_OK, found.stderr
    assert made.stdout.strip() in found.stdout  # what one workstation wrote, the other finds


def test_an_empty_database_is_not_a_store(pg_cluster: Cluster, tmp_path: Path) -> None:
    url = pg_cluster.url(pg_cluster.create_database())
    opened = _fieldreg(
        "--store", url, "--data-dir", str(tmp_path / "w"), "verify", FIELDREG_PASSPHRASE=PASSPHRASE
    )
    assert opened.returncode == EXIT_STORE
    assert "Traceback" not in opened.stderr
    assert table_rows(url) == {}  # opening it did not migrate it into a store


def test_store_takes_only_postgresql_urls(tmp_path: Path) -> None:
    given = _fieldreg("--store", f"sqlite:///{tmp_path}/x.sqlite", "verify")
    assert given.returncode == EXIT_USAGE
    assert "PostgreSQL URL" in given.stderr
