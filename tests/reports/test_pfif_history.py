"""The status history a PFIF export reads checks every event it opens, as `events_for` does:
an event whose plain columns were altered in the store (its clock, its sequence number) no
longer matches its id, and the export stops rather than write a note from it, whether or not
the altered event was a status change. The same reading on PostgreSQL (the coordinator's other
store) finds the same status changes."""

from __future__ import annotations

import os
from typing import Any

import pytest

from fieldreg.core.errors import IntegrityError
from fieldreg.core.events import EventType, make_event
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services import exports
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import migrate, status_events
from fieldreg.store.engine import make_engine
from fieldreg.store.repository import Repository
from tests.pg_support import Cluster, pg_cluster

__all__ = ["pg_cluster"]  # the server fixture (tests.pg_support)


@pytest.fixture
def people(session: Session) -> list[str]:
    ids = []
    for number in range(4):
        person_id = session.register({"family_name": "Коваль", "given_name": f"Ім{'я' * number}"})
        session.record_consent(person_id, {"consent_tracing": "yes"})
        session.set_status(person_id, "waiting", location="Зала 1")
        ids.append(person_id)
    return ids


def _first_event_seq(session: Session, person_id: str, *, last: bool) -> int:
    order = "DESC" if last else "ASC"
    with sync_repository(session) as repo, repo.reading():
        return int(
            repo.conn.exec_driver_sql(
                f"SELECT seq FROM events WHERE subject_id = ? ORDER BY hlc {order} LIMIT 1",
                (person_id,),
            ).scalar_one()
        )


@pytest.mark.parametrize("status_change", [True, False], ids=["status change", "registration"])
def test_an_event_whose_clock_was_altered_stops_the_export(
    session: Session, people: list[str], status_change: bool
) -> None:
    assert len(exports.status_changes(session, people)[people[1]]) == 1
    seq = _first_event_seq(session, people[1], last=status_change)
    with sync_repository(session) as repo, repo.transaction():
        repo.conn.exec_driver_sql("UPDATE events SET hlc = hlc + 1 WHERE seq = ?", (seq,))
    with pytest.raises(IntegrityError) as raised:
        exports.status_changes(session, people)
    assert raised.value.code == "events.bad_id"
    request = exports.ExportRequest(format=exports.ExportFormat.PFIF, domain="test.invalid")
    with pytest.raises(IntegrityError) as raised:
        exports.build_export(session, request)
    assert raised.value.code == "events.bad_id"


def test_people_not_asked_for_are_not_read(session: Session, people: list[str]) -> None:
    seq = _first_event_seq(session, people[0], last=True)
    with sync_repository(session) as repo, repo.transaction():
        repo.conn.exec_driver_sql("UPDATE events SET hlc = hlc + 1 WHERE seq = ?", (seq,))
    history = exports.status_changes(session, people[1:])
    assert sorted(history) == sorted(people[1:])
    assert all(len(changes) == 1 for changes in history.values())


def test_the_history_reads_the_same_on_postgresql(pg_cluster: Cluster) -> None:
    engine = make_engine(pg_cluster.url(pg_cluster.create_database()))
    migrate.upgrade(engine, db_path=None, backup_dir=None)
    device = "d" * 64
    fields = {"status": "waiting", "status_location": "Зала 1", "status_transport": None}
    steps: list[tuple[EventType, str, dict[str, Any]]] = [
        (EventType.PERSON_REGISTERED, "K7-0001-4", {"fields": {"sex": "male"}}),
        (EventType.PERSON_REGISTERED, "K7-0002-2", {"fields": {"sex": "male"}}),
        (EventType.STATUS_CHANGED, "K7-0001-4", {"fields": fields}),
    ]
    try:
        with engine.connect() as connection:
            repo = Repository(connection, FieldSealer(os.urandom(32)))
            with repo.transaction():
                repo.add_device(device, "K7")
                prev = ""
                for seq, (kind, subject, payload) in enumerate(steps, start=1):
                    event = make_event(
                        device_id=device,
                        seq=seq,
                        hlc=seq << 20,
                        operator_id="op",
                        type=kind,
                        subject_id=subject,
                        payload=payload,
                        prev=prev,
                        salt="00",
                    )
                    repo.append(event)
                    prev = event.event_id
            with repo.reading():
                history = list(status_events.status_changes(repo))
    finally:
        migrate.downgrade(engine, "base")
        engine.dispose()
    assert [(s, [(c.hlc, dict(c.payload)) for c in cs]) for s, cs in history] == [
        ("K7-0001-4", [(3 << 20, {"fields": fields})])
    ]
