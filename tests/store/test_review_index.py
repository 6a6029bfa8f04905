"""The import's review indexes (people with an open conflict, with a duplicate mark): noting people
adds those not listed yet and never reads the whole list, which grows with the store (every bundle
with a conflict read it all, a per-bundle cost growing with the store)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fieldreg.crypto.sealing import FieldSealer
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine, sqlite_url
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import SyncStore
from tests.store.sql_log import statements_sent


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(sqlite_url(tmp_path / "store.sqlite"))
    migrate.upgrade(engine, db_path=None, backup_dir=None)
    yield engine
    engine.dispose()


def _ids(count: int, start: int = 0) -> list[str]:
    return [f"K7-{n:04d}-0" for n in range(start, start + count)]


def test_noting_people_twice_lists_each_once(engine: Engine) -> None:
    with engine.connect() as connection:
        repo = Repository(connection, FieldSealer(os.urandom(32)))
        store = SyncStore(repo)
        with repo.transaction():
            store.note_conflicts(_ids(1200))  # more than one lookup's 500
            store.note_duplicates(_ids(3))
        with repo.transaction():
            store.note_conflicts([*_ids(1300, start=100), *_ids(2)])  # most already listed
            store.note_duplicates(_ids(3))
        with repo.reading():
            assert sorted(store.conflict_ids()) == _ids(1400)
            assert sorted(store.duplicate_ids()) == _ids(3)


def test_noting_people_reads_only_them_not_the_whole_list(engine: Engine) -> None:
    with engine.connect() as connection:
        repo = Repository(connection, FieldSealer(os.urandom(32)))
        store = SyncStore(repo)
        with repo.transaction():
            store.note_conflicts(_ids(2000))
        with statements_sent(engine) as statements, repo.transaction():
            store.note_conflicts(_ids(2, start=5000))
        reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert reads, "the ids already listed are looked up"
        assert all("sync_conflicts" in s and " IN " in s.upper() for s in reads), reads
        with repo.reading():
            assert len(store.conflict_ids()) == 2002
