"""store.summaries.read_summaries on PostgreSQL, where the next batch is fetched by a second
thread while the current one is opened: every person read once, in the table's order, a damaged
row listed, and the connection usable afterwards, also when the reader stops half way."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text

from fieldreg.core.events import EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.store import migrate, summaries
from fieldreg.store.engine import make_engine
from fieldreg.store.repository import Repository
from fieldreg.store.summaries import read_summaries
from tests.pg_support import Cluster, pg_cluster

__all__ = ["pg_cluster"]

PEOPLE = 7  # with batches of 2: four batches, the last one short


@pytest.fixture
def connection(pg_cluster: Cluster) -> Iterator[Connection]:
    engine = make_engine(pg_cluster.url(pg_cluster.create_database()))
    migrate.upgrade(engine, db_path=None, backup_dir=None)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _register(repo: Repository) -> list[str]:
    ids = [f"K7-{number:04d}-4" for number in range(1, PEOPLE + 1)]
    with repo.transaction():
        repo.add_device("d" * 64, "K7")
        for seq, person_id in enumerate(ids, start=1):
            event = make_event(
                device_id="d" * 64,
                seq=seq,
                hlc=seq << 20,
                operator_id="op",
                type=EventType.PERSON_REGISTERED,
                subject_id=person_id,
                payload={"fields": {"family_name": "Тестова", "given_name": f"Особа {seq}"}},
                prev="",
                salt="00",
            )
            repo.append(event)
            repo.save_state(apply(PersonState(person_id), event), is_new=True)
    return ids


def test_every_summary_is_read_once_in_order_with_the_damaged_one_listed(
    connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summaries, "BATCH", 2)
    repo = Repository(connection, FieldSealer(os.urandom(32)))
    ids = _register(repo)
    with repo.transaction():
        connection.execute(
            text(
                "UPDATE people SET summary = (SELECT summary FROM people WHERE id = :a) "
                "WHERE id = :b"
            ),
            {"a": ids[0], "b": ids[3]},
        )
    with repo.reading():
        order = (
            connection.execute(text("SELECT id FROM people WHERE summary IS NOT NULL"))
            .scalars()
            .all()
        )
        steps: list[int] = []
        opened = read_summaries(repo, lambda done, total: steps.append(done))
    assert opened.damaged == [ids[3]]
    assert opened.ids == [i for i in order if i != ids[3]]
    assert [f["given_name"] for f in opened.fields] == [
        f"Особа {ids.index(i) + 1}" for i in opened.ids
    ]
    assert steps == [2, 4, 6, 7]
    assert len(opened.names) == 6 * len(opened.ids)


def test_a_reader_stopped_half_way_leaves_the_connection_usable(
    connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summaries, "BATCH", 2)
    repo = Repository(connection, FieldSealer(os.urandom(32)))
    _register(repo)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt  # the volunteer closed the window during unlock

    with repo.reading(), pytest.raises(KeyboardInterrupt):
        read_summaries(repo, stop)
    with repo.reading():
        assert len(read_summaries(repo).ids) == PEOPLE
