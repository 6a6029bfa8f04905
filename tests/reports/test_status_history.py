"""The PFIF notes of many people come from one pass over the events: the same status history,
oldest first, as reading each person's events one query at a time, and a tampered event still
stops the export."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldreg.core.entities import STATUS_FIELDS, PersonFields
from fieldreg.core.errors import TamperError
from fieldreg.core.events import EventType
from fieldreg.services import exports
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.services.views import hlc_time
from tests.reports.people import register_people

History = dict[str, list[tuple[dt.datetime, PersonFields]]]


def per_person_history(session: Session, person_ids: list[str]) -> History:
    """What the export read before: `events_for` of each person, one query each."""
    found: History = {}
    with sync_repository(session) as repo, repo.reading():
        for person_id in person_ids:
            found[person_id] = [
                (
                    hlc_time(e.hlc),
                    {k: v for k, v in e.payload["fields"].items() if k in STATUS_FIELDS},
                )
                for e in repo.events_for(person_id)
                if e.type is EventType.STATUS_CHANGED
            ]
    return found


@pytest.fixture
def people(session: Session) -> list[str]:
    ids = list(register_people(session, 12, consent_every=1))
    # Several changes for some, one for others (register_people sets every third one waiting),
    # none for the rest; interleaved across people, so the clock order is not the ID order.
    for round_number in range(3):
        for position, person_id in enumerate(ids):
            if position % 4 == 1 and round_number < 2:
                session.set_status(person_id, "waiting", location=f"Зала {round_number}")
            elif position % 4 == 2:
                session.set_status(person_id, "departed", transport=f"Автобус {round_number}")
    session.update(ids[5], {"phone": "+380501234567"})  # not a status change: no note
    return ids


def test_notes_are_the_same_as_each_persons_own_events(session: Session, people: list[str]) -> None:
    bulk = exports.status_changes(session, people)
    assert bulk == per_person_history(session, people)
    counts = sorted(len(changes) for changes in bulk.values())
    assert counts[0] == 0  # people without any status change
    assert counts[-1] >= 3  # and people with several
    departed = bulk[people[2]]
    assert [c["status_transport"] for _, c in departed] == ["Автобус 0", "Автобус 1", "Автобус 2"]
    assert [when for when, _ in departed] == sorted(when for when, _ in departed)


def test_only_the_people_asked_for_are_returned(session: Session, people: list[str]) -> None:
    asked = [people[2], people[7]]
    assert exports.status_changes(session, asked) == per_person_history(session, asked)


def test_pfif_file_is_unchanged_by_the_bulk_read(session: Session, people: list[str]) -> None:
    now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    request = exports.ExportRequest(format=exports.ExportFormat.PFIF, domain="test.invalid")
    content = exports.build_export(session, request, now=now).content
    history = per_person_history(session, people)
    assert content.count(b"<pfif:note>") == sum(len(changes) for changes in history.values())
    for person_id, changes in history.items():
        for number in range(1, len(changes) + 1):
            assert f"test.invalid/{person_id}.status.{number}<".encode() in content
        assert f"test.invalid/{person_id}.status.{len(changes) + 1}<".encode() not in content


def test_a_tampered_status_event_stops_the_export(session: Session, people: list[str]) -> None:
    with sync_repository(session) as repo, repo.transaction():
        repo.conn.exec_driver_sql(
            "UPDATE events SET body = CAST(substr(body, 1, length(body) - 1) || x'00' AS BLOB)"
            " WHERE subject_id = ?",
            (people[2],),
        )
    with pytest.raises(TamperError) as raised:
        exports.status_changes(session, people)
    assert raised.value.code == "crypto.tamper"
