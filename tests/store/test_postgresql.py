"""The same models and migrations run on PostgreSQL (the coordinator's store when one machine is
not enough): a throwaway cluster is started for the run (tests.pg_support), a database migrated
up and down, compared with the models, and used through the repository."""

from __future__ import annotations

import os
from collections.abc import Iterator

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
from tests.pg_support import Cluster, pg_cluster

__all__ = ["pg_cluster"]  # the server fixture, shared with the sync tests


@pytest.fixture(scope="module")
def postgres(pg_cluster: Cluster) -> str:
    """An empty database on the run's throwaway server (tests.pg_support)."""
    return pg_cluster.url(pg_cluster.create_database())


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
