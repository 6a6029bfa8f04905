"""`Repository.insert_rows`, the bulk INSERT of an import: on PostgreSQL one binary COPY, on
SQLite one executemany. Both must store exactly what a plain INSERT stores and refuse what it
refuses (a second copy of a key, above all: that is what applies a bundle once)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, IntegrityError

from fieldreg.core.errors import Cancelled
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine, sqlite_url
from fieldreg.store.repository import EVENTS, INSERT_EVENT, PEOPLE, Repository
from fieldreg.store.roster_models import RosterChangeRow
from fieldreg.store.roster_store import TRACKING_KEY
from tests.pg_support import Cluster, pg_cluster
from tests.store.sql_log import statements_sent

__all__ = ["pg_cluster"]

DEVICE = "d" * 64


@contextmanager
def _repository(url: str) -> Iterator[Repository]:
    """A migrated, empty store at `url` with one device."""
    engine = make_engine(url)
    migrate.upgrade(engine, db_path=None, backup_dir=None)
    with engine.connect() as connection:
        repository = Repository(connection, FieldSealer(os.urandom(32)))
        with repository.transaction():
            repository.add_device(DEVICE, "K7")
        yield repository
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    """The store on each kind of database."""
    if request.param == "postgresql":
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        url = cluster.url(cluster.create_database())
    else:
        url = sqlite_url(tmp_path / "store.sqlite")
    with _repository(url) as repository:
        yield repository


@pytest.fixture
def pg_repo(pg_cluster: Cluster) -> Iterator[Repository]:
    """The store on PostgreSQL only, for what only PostgreSQL does differently."""
    with _repository(pg_cluster.url(pg_cluster.create_database())) as repository:
        yield repository


def _event(seq: int, *, body: bytes | None = b"\x00sealed\xff", redacted: bool = False) -> Any:
    return {
        "device_id": DEVICE,
        "seq": seq,
        "event_id": f"{seq:064x}",
        "prev_id": f"{seq - 1:064x}" if seq > 1 else "",
        "hlc": (1_795_000_000_000 << 16) + seq,  # past 2**32: a BIGINT's full width
        "subject_id": f"K7-{seq:04d}-4",
        "body": body,
        "redacted": redacted,
    }


def _stored_events(repo: Repository) -> list[dict[str, Any]]:
    with repo.reading():
        rows = repo.conn.execute(select(EVENTS).order_by(EVENTS.c.seq))
        return [dict(row._mapping) for row in rows]


def test_rows_are_stored_as_given(repo: Repository) -> None:
    rows = [_event(1), _event(2, body=None, redacted=True), _event(3, body=b"")]
    with repo.transaction():
        repo.insert_rows(INSERT_EVENT, rows)
    assert _stored_events(repo) == rows


def test_rows_inserted_outside_a_transaction_are_kept_by_the_callers_commit(
    repo: Repository,
) -> None:
    repo.insert_rows(INSERT_EVENT, [_event(1)])
    assert repo.conn.in_transaction()
    repo.conn.commit()
    assert _stored_events(repo) == [_event(1)]


def test_a_second_copy_of_a_key_is_refused_and_nothing_of_the_step_stays(
    repo: Repository,
) -> None:
    with repo.transaction():
        repo.insert_rows(INSERT_EVENT, [_event(1)])
    with repo.batch():
        with pytest.raises(IntegrityError), repo.transaction():
            repo.insert_rows(INSERT_EVENT, [_event(2), _event(1, body=b"other")])
        repo.insert_rows(INSERT_EVENT, [_event(2)])  # the batch goes on after its savepoint
    assert _stored_events(repo) == [_event(1), _event(2)]


def test_the_roster_trigger_marks_people_inserted_in_bulk(repo: Repository) -> None:
    people: list[dict[str, object]] = [
        {"id": f"K7-{n:04d}-4", "created_hlc": n, "updated_hlc": n, "meta": b"m"} for n in (1, 2)
    ]
    with repo.transaction():
        repo.put_setting(TRACKING_KEY, "1")
        repo.insert_rows(insert(PEOPLE), people)
    changes = RosterChangeRow.__table__
    with repo.reading():
        marked = repo.conn.execute(select(changes.c.person_id, changes.c.version)).all()
    assert sorted(marked) == [("K7-0001-4", 0), ("K7-0002-4", 0)]


def test_a_value_too_long_for_its_column_is_refused_on_postgresql(pg_repo: Repository) -> None:
    row = _event(1)
    row["subject_id"] = "K7-" + "0" * 40
    with pytest.raises(DataError), pg_repo.transaction():
        pg_repo.insert_rows(INSERT_EVENT, [row])
    assert _stored_events(pg_repo) == []


def test_postgresql_takes_the_rows_in_one_statement(pg_repo: Repository) -> None:
    """The point of insert_rows: not one INSERT per row (75 µs each through psycopg)."""
    with statements_sent(pg_repo.conn) as statements, pg_repo.transaction():
        pg_repo.insert_rows(INSERT_EVENT, [_event(seq) for seq in range(1, 101)])
    assert not [sql for sql in statements if "INSERT INTO events" in sql]
    assert len(_stored_events(pg_repo)) == 100


def test_households_already_here_are_found_among_more_than_one_statement_holds(
    repo: Repository,
) -> None:
    """add_households looks up which ids exist (500 per IN list on SQLite, one array on
    PostgreSQL) and inserts only the others: a second, overlapping call must not collide."""
    first = {f"K7-{n:04d}-4": n for n in range(0, 1200, 2)}
    second = {f"K7-{n:04d}-4": n for n in range(600, 1800)}
    with repo.transaction():
        repo.add_households(first)
    with repo.transaction():
        repo.add_households(second)
    with repo.reading():
        assert repo.household_ids() == sorted(first | second)


def test_postgresql_looks_up_many_ids_in_one_statement(pg_repo: Repository) -> None:
    """Not 500 parameters a statement to expand, send and parse: one array."""
    with statements_sent(pg_repo.conn) as statements, pg_repo.reading():
        assert pg_repo.load_states(f"K7-{n:04d}-4" for n in range(1200)) == {}
    assert len([sql for sql in statements if "FROM people" in sql]) == 1


def test_rows_inserted_while_a_block_runs_are_stored_when_it_ends(repo: Repository) -> None:
    """`inserting`: an import folds its people while the server stores the events."""
    rows = [_event(seq) for seq in range(1, 1201)]
    computed = []
    with repo.transaction():
        with repo.inserting(INSERT_EVENT, rows):
            computed.append(sum(range(100_000)))  # work that needs no database
        repo.insert_rows(INSERT_EVENT, [_event(1201)])  # the connection is free again
    assert computed == [sum(range(100_000))]
    assert _stored_events(repo) == [*rows, _event(1201)]


def test_a_second_copy_inserted_meanwhile_is_refused_by_the_end_of_the_block(
    repo: Repository,
) -> None:
    with repo.transaction():
        repo.insert_rows(INSERT_EVENT, [_event(1)])
    second = [_event(2), _event(1, body=b"other")]
    with pytest.raises(IntegrityError), repo.transaction(), repo.inserting(INSERT_EVENT, second):
        pass
    with repo.transaction():  # the connection is free again: the copy has ended
        repo.insert_rows(INSERT_EVENT, [_event(2)])
    assert _stored_events(repo) == [_event(1), _event(2)]


def test_an_error_in_the_block_is_raised_and_the_rows_go_with_the_transaction(
    repo: Repository,
) -> None:
    rows = [_event(1), _event(2)]
    with pytest.raises(Cancelled), repo.transaction(), repo.inserting(INSERT_EVENT, rows):
        raise Cancelled
    with repo.transaction():
        repo.insert_rows(INSERT_EVENT, [_event(1)])
    assert _stored_events(repo) == [_event(1)]


def test_on_postgresql_the_blocks_error_wins_over_the_copys(pg_repo: Repository) -> None:
    """The block runs while the COPY does: a cancel is reported as such even when the copy
    failed too (here on a second copy of event 1), and the copy has ended when it is."""
    with pg_repo.transaction():
        pg_repo.insert_rows(INSERT_EVENT, [_event(1)])
    rows = [_event(1, body=b"other"), _event(2)]
    with pytest.raises(Cancelled), pg_repo.transaction(), pg_repo.inserting(INSERT_EVENT, rows):
        raise Cancelled
    with pg_repo.transaction():
        pg_repo.insert_rows(INSERT_EVENT, [_event(2)])
    assert _stored_events(pg_repo) == [_event(1), _event(2)]
