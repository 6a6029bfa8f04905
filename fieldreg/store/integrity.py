"""Reads that `verify` and the anchor need: the derived tables as they are stored, in plain
columns, to be compared with the event log they are folded from. Kept apart from the repository,
whose write paths are tuned on their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, literal, select, union_all

from fieldreg.store.repository import (
    DEVICES,
    EVENTS,
    HOUSEHOLDS,
    NOTES,
    PEOPLE,
    DeviceState,
    Repository,
)
from fieldreg.store.transports import TRANSPORTS


@dataclass(frozen=True, slots=True)
class NoteRowData:
    event_id: str
    person_id: str
    hlc: int
    body: bytes | None


def device_rows(repo: Repository) -> list[DeviceState]:
    """Every row of `devices`, by device id."""
    rows = repo.conn.execute(select(DEVICES).order_by(DEVICES.c.device_id))
    return [
        DeviceState(
            str(r.device_id),
            str(r.prefix),
            int(r.last_seq),
            str(r.head),
            int(r.last_hlc),
            int(r.next_counter),
        )
        for r in rows
    ]


def event_device_ids(repo: Repository) -> list[str]:
    """Every device that has events in the log (with or without its `devices` row)."""
    return [str(d) for d in repo.conn.execute(select(EVENTS.c.device_id).distinct()).scalars()]


def device_positions(repo: Repository) -> list[tuple[str, int, str, int]]:
    """(device id, last seq, head, last clock) of every device: what the anchor records after
    each commit, so on SQLite read through the DB-API cursor (see `id_taken`)."""
    if repo.conn.dialect.name != "sqlite":
        rows: Any = repo.conn.execute(
            select(DEVICES.c.device_id, DEVICES.c.last_seq, DEVICES.c.head, DEVICES.c.last_hlc)
        )
    else:
        cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute("SELECT device_id, last_seq, head, last_hlc FROM devices")
            rows = cursor.fetchall()
        finally:
            cursor.close()
    return [(str(d), int(s), str(h), int(c)) for d, s, h, c in rows]


def people_clocks(repo: Repository) -> dict[str, tuple[int, int]]:
    """Person id -> (created_hlc, updated_hlc) as stored."""
    rows = repo.conn.execute(select(PEOPLE.c.id, PEOPLE.c.created_hlc, PEOPLE.c.updated_hlc))
    return {str(i): (int(c), int(u)) for i, c, u in rows}


def household_rows(repo: Repository) -> dict[str, int]:
    """Household id -> created_hlc as stored."""
    rows = repo.conn.execute(select(HOUSEHOLDS.c.id, HOUSEHOLDS.c.created_hlc))
    return {str(i): int(c) for i, c in rows}


def note_rows(repo: Repository) -> list[NoteRowData]:
    """Every row of `notes`, body still sealed, by event id."""
    rows = repo.conn.execute(select(NOTES).order_by(NOTES.c.event_id))
    return [NoteRowData(str(r.event_id), str(r.person_id), int(r.hlc), r.body) for r in rows]


_ID_TAKEN = union_all(
    select(literal(1)).where(PEOPLE.c.id == bindparam("b_id")),
    select(literal(1)).where(HOUSEHOLDS.c.id == bindparam("b_id")),
    select(literal(1)).where(TRANSPORTS.c.id == bindparam("b_id")),
)
_ID_TAKEN_SQLITE = (
    "SELECT 1 FROM people WHERE id = ? UNION ALL SELECT 1 FROM households WHERE id = ?"
    " UNION ALL SELECT 1 FROM transports WHERE id = ?"
)


def id_taken(repo: Repository, record_id: str) -> bool:
    """Whether a person or a household has `record_id`. Asked for every new id: on SQLite
    through the DB-API cursor (10 µs; through SQLAlchemy 150-200 µs, a tenth of a registration)."""
    if repo.conn.dialect.name != "sqlite":
        return repo.conn.execute(_ID_TAKEN, {"b_id": record_id}).first() is not None
    cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_ID_TAKEN_SQLITE, (record_id, record_id, record_id))
        return cursor.fetchone() is not None
    finally:
        cursor.close()
