"""The status history a PFIF export reads checks every event it opens, as `events_for` does:
an event whose plain columns were altered in the store (its clock, its sequence number) no
longer matches its id, and the export stops rather than write a note from it, whether or not
the altered event was a status change."""

from __future__ import annotations

import pytest

from fieldreg.core.errors import IntegrityError
from fieldreg.services import exports
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository


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
