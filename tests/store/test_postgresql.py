"""The same models and migrations run on PostgreSQL (the coordinator's store when one machine is
not enough): a throwaway cluster is started for the test, migrated up and down, compared with
the models, and used through the repository."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from fieldreg.core.events import EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine
from fieldreg.store.repository import Repository
from fieldreg.store.schema import metadata


def _pg_bin() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    bin_dir = _pg_bin()
    if bin_dir is None or shutil.which("runuser") is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="fieldreg-pg-"))
    root.chmod(0o755)  # the postgres user must reach its data dir inside
    data = root / "data"
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres")
    port = str(20000 + secrets.randbelow(20000))
    subprocess.run(
        [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "fieldreg"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_postgres,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-w",
            "-l",
            str(root / "log"),
            "-o",
            f"-c listen_addresses='' -c unix_socket_directories={root} -p {port}",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://fieldreg@/postgres?host={root}&port={port}"
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def engine(postgres: str) -> Iterator[Engine]:
    engine = make_engine(postgres)
    migrate.upgrade(engine, db_path=None, backup_dir=None)
    yield engine
    migrate.downgrade(engine, "base")
    engine.dispose()


def test_migrations_and_models_agree_on_postgresql(engine: Engine) -> None:
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_repository_round_trip_on_postgresql(engine: Engine) -> None:
    sealer = FieldSealer(os.urandom(32))
    with engine.connect() as connection:
        repo = Repository(connection, sealer)
        with repo.transaction():
            repo.add_device("d" * 64, "K7")
            event = make_event(
                device_id="d" * 64,
                seq=1,
                hlc=1 << 20,
                operator_id="op",
                type=EventType.PERSON_REGISTERED,
                subject_id="K7-0001-4",
                payload={"fields": {"family_name": "Тест", "given_name": "Тест"}},
                prev="",
                salt="00",
            )
            repo.append(event)
            state = apply(PersonState("K7-0001-4"), event)
            repo.save_state(state, is_new=True)
        with repo.reading():
            loaded = repo.load_state("K7-0001-4")
            events = repo.events_for("K7-0001-4")
        assert loaded is not None
        assert loaded.values() == state.values()
        assert [e.event_id for e in events] == [event.event_id]
