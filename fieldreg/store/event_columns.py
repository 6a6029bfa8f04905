"""One device's events `first`..`last` read as plain column tuples, body still sealed: what an
export reads (10,000 events per bundle). One SELECT through the DB-API cursor, no SQLAlchemy row
object per event; another database than SQLite reads through `Repository.event_rows`."""

from __future__ import annotations

from typing import Any, cast

from fieldreg.store.repository import Repository

# (seq, hlc, subject_id, prev_id, event_id, body, redacted), in sequence order.
EventColumns = tuple[Any, Any, Any, Any, Any, Any, Any]

_SELECT = (
    "SELECT seq, hlc, subject_id, prev_id, event_id, body, redacted FROM events"
    " WHERE device_id = ? AND seq >= ? AND seq <= ? ORDER BY seq"
)


def read_event_columns(
    repo: Repository, device_id: str, first: int, last: int
) -> list[EventColumns]:
    """Call inside `repo.reading()` (or a transaction)."""
    if repo.conn.dialect.name != "sqlite":
        return [
            (r.seq, r.hlc, r.subject_id, r.prev_id, r.event_id, r.body, r.redacted)
            for r in repo.event_rows(device_id, first, last)
        ]
    cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_SELECT, (device_id, first, last))
        return cast(list[EventColumns], cursor.fetchall())
    finally:
        cursor.close()
