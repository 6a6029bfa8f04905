"""Every person's status changes read in one pass (a PFIF export turns them into notes for tens
of thousands of people): the events table streamed in order of subject and clock, the bodies of
each batch of rows opened in one call (`FieldSealer.open_many`) and each id checked over the
bytes as stored (`events.stored_bytes`), the same checks as `Repository.events_for` (a body that
does not open is TamperError, an id that does not match events.bad_id), instead of one query per
person.

The event's type is inside the sealed body, and no plain column narrows the rows to status
changes (the table holds subject, device, sequence, clock and ids only): every event of the
people asked for is opened and its id checked; rows of other subjects are passed over before
anything is opened. Only the status changes' payloads are parsed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from sqlalchemy import select

from fieldreg.core import events as ev
from fieldreg.core.errors import IntegrityError, TamperError
from fieldreg.store.event_reading import event_from_row
from fieldreg.store.repository import EVENTS, Repository

BATCH = 5000

# The order of `Repository.events_for`, for every subject at once.
_SELECT = (
    "SELECT subject_id, device_id, seq, hlc, prev_id, event_id, body FROM events"
    " WHERE redacted IS 0 ORDER BY subject_id, hlc, device_id"
)
# How a status change's canonical body ends (its keys are sorted: "type" comes last).
_STATUS_TAIL = b',"type":"' + ev.EventType.STATUS_CHANGED.value.encode("ascii") + b'"}'


class _Row(NamedTuple):
    """An events-table row as `event_reading.event_from_row` reads it, in `_SELECT`'s order."""

    subject_id: str
    device_id: str
    seq: int
    hlc: int
    prev_id: str
    event_id: str
    body: Any


class StatusChange(NamedTuple):
    """One STATUS_CHANGED event as a PFIF note needs it: its packed clock and its payload."""

    hlc: int
    payload: Mapping[str, Any]


def _batches(repo: Repository, wanted: frozenset[str] | None) -> Iterator[Sequence[Any]]:
    """The rows of `_SELECT` as tuples in its order (only those of the `wanted` subjects), a
    batch at a time."""
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
        result = repo.conn.execute(statement)
        while batch := result.fetchmany(BATCH):
            rows = list(map(_Row._make, batch))
            yield rows if wanted is None else [r for r in rows if r.subject_id in wanted]
        return
    cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_SELECT)
        while fetched := cursor.fetchmany(BATCH):
            yield fetched if wanted is None else [r for r in fetched if r[0] in wanted]
    finally:
        cursor.close()


def _status_payload(body: bytes) -> dict[str, Any]:
    """The payload of a verified canonical status-change body, parsed as `events.StoredPayload`
    parses it (its text is UTF-8 JSON: it begins with a brace)."""
    at_salt = body.rfind(b',"salt":"', 0, len(body) - len(_STATUS_TAIL))
    encoded = body[body.find(b',"payload":{') + 11 : at_salt]
    payload = json.loads(encoded.decode("utf-8", "surrogatepass"))
    if not isinstance(payload, dict):
        raise IntegrityError("events.malformed")
    return payload


def _all(values: Iterable[object], kind: type) -> bool:
    return set(map(type, values)) == {kind}


def _batch_changes(
    batch: Sequence[Any], opened: list[bytes | None], devices: dict[str, bytes]
) -> Iterator[tuple[str, StatusChange | None]]:
    """(subject id, its status change or None) for each row of a batch, in order: every id
    checked. The plain columns are encoded for `events.stored_bytes` for the whole batch at
    once; a batch with a column of another type than the table's goes row by row through
    `events.from_stored`, which decides (the same event or the same error)."""
    subjects, device_ids, seqs, hlcs, prevs, event_ids, _ = zip(*batch, strict=True)
    if not (
        _all(subjects, str)
        and _all(device_ids, str)
        and _all(seqs, int)
        and _all(hlcs, int)
        and _all(prevs, str)
        and _all(event_ids, str)
    ):
        for row, body in zip(batch, opened, strict=True):
            if body is None:
                raise TamperError("crypto.tamper", table="events", group="body")
            event = event_from_row(_Row._make(row), body)
            change = None
            if event.type is ev.EventType.STATUS_CHANGED:
                change = StatusChange(event.hlc, event.payload)
            yield event.subject_id, change
        return
    stored_bytes = ev.stored_bytes
    seq_texts = map(str.encode, map(str, seqs))
    hlc_texts = map(str.encode, map(str, hlcs))
    prev_texts = map(str.encode, map(encode_basestring, prevs))
    current = ""  # no subject id is empty
    subject = b""
    for row, body, seq, hlc, prev in zip(
        batch, opened, seq_texts, hlc_texts, prev_texts, strict=True
    ):
        if body is None:
            raise TamperError("crypto.tamper", table="events", group="body")
        subject_id, device_id = row[0], row[1]
        if subject_id != current:
            current, subject = subject_id, encode_basestring(subject_id).encode("utf-8")
        device = devices.get(device_id)
        if device is None:
            device = devices[device_id] = encode_basestring(device_id).encode("utf-8")
        if stored_bytes(device, seq, hlc, subject, prev, row[5], body) is not None:
            if body.endswith(_STATUS_TAIL):
                yield subject_id, StatusChange(row[3], _status_payload(body))
            else:
                yield subject_id, None
            continue
        event = event_from_row(_Row._make(row), body)  # its strict path decides
        is_status = event.type is ev.EventType.STATUS_CHANGED
        yield subject_id, StatusChange(event.hlc, event.payload) if is_status else None


def status_changes(
    repo: Repository, subject_ids: Iterable[str] | None = None
) -> Iterator[tuple[str, list[StatusChange]]]:
    """(subject id, its STATUS_CHANGED events oldest first) for each subject that has any, in
    order of subject id; only the subjects in `subject_ids` if given. Call inside
    `repo.reading()` and consume it there. Erased (redacted) events are left out, as
    `events_for` leaves them out."""
    wanted = None if subject_ids is None else frozenset(subject_ids)
    open_many = repo.sealer.open_many
    devices: dict[str, bytes] = {}
    current = ""  # no subject id is empty
    found: list[StatusChange] = []
    for batch in _batches(repo, wanted):
        if not batch:
            continue
        opened = open_many("events", "body", [r[5] for r in batch], [r[6] for r in batch])
        for subject_id, change in _batch_changes(batch, opened, devices):
            if subject_id != current:
                if found:
                    yield current, found
                current, found = subject_id, []
            if change is not None:
                found.append(change)
    if found:
        yield current, found
