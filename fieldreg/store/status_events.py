"""Every person's status changes read in one pass (a PFIF export turns them into notes for tens
of thousands of people): the events table streamed in order of subject and clock, each body
opened with the bulk opener and each id checked over the bytes as stored, the same checks as
`Repository.events_for` (a body that does not open is TamperError, an id that does not match
events.bad_id), instead of one query per person.

The event's type is inside the sealed body, so every event of the people asked for is opened;
rows of other subjects are passed over before anything is opened."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import select

from fieldreg.core import events as ev
from fieldreg.store.event_reading import event_from_row
from fieldreg.store.repository import EVENTS, Repository

BATCH = 5000

# The order of `Repository.events_for`, for every subject at once.
_SELECT = (
    "SELECT subject_id, device_id, seq, hlc, prev_id, event_id, body FROM events"
    " WHERE redacted IS 0 ORDER BY subject_id, hlc, device_id"
)


class _Row(NamedTuple):
    """An events-table row as `event_reading.event_from_row` reads it, in `_SELECT`'s order."""

    subject_id: str
    device_id: str
    seq: int
    hlc: int
    prev_id: str
    event_id: str
    body: Any


def _rows(repo: Repository) -> Iterator[_Row]:
    if repo.conn.dialect.name != "sqlite":
        columns = EVENTS.c
        statement = (
            select(
                columns.subject_id,
                columns.device_id,
                columns.seq,
                columns.hlc,
                columns.prev_id,
                columns.event_id,
                columns.body,
            )
            .where(columns.redacted.is_(False))
            .order_by(columns.subject_id, columns.hlc, columns.device_id)
        )
        for row in repo.conn.execute(statement):
            yield _Row._make(row)
        return
    cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_SELECT)
        while batch := cursor.fetchmany(BATCH):
            yield from map(_Row._make, batch)
    finally:
        cursor.close()


def status_events(
    repo: Repository, subject_ids: Iterable[str] | None = None
) -> Iterator[tuple[str, list[ev.Event]]]:
    """(subject id, its STATUS_CHANGED events oldest first) for each subject that has any, in
    order of subject id; only the subjects in `subject_ids` if given. Call inside
    `repo.reading()` and consume it there. Erased (redacted) events are left out, as
    `events_for` leaves them out."""
    wanted = None if subject_ids is None else frozenset(subject_ids)
    open_body = repo.sealer.opener("events", "body")
    status_changed = ev.EventType.STATUS_CHANGED
    current = ""  # no subject id is empty
    found: list[ev.Event] = []
    for row in _rows(repo):
        subject_id = row.subject_id
        if wanted is not None and subject_id not in wanted:
            continue
        if subject_id != current:
            if found:
                yield current, found
            current, found = subject_id, []
        event = event_from_row(row, open_body(row.event_id, row.body))
        if event.type is status_changed:
            found.append(event)
    if found:
        yield current, found
