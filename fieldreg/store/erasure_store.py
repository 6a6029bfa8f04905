"""The coordinator's erasure requests: one operator asks, another confirms (or anyone cancels).

The reason and the note are sealed together (`details`, bound to the request id); the plain
columns hold the request id, the person's opaque id, operator ids, the state and times.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, cast

from sqlalchemy import Table, insert, select, update

from fieldreg.store.models import ErasureRequestRow
from fieldreg.store.repository import Repository

REQUESTS = cast(Table, ErasureRequestRow.__table__)
PENDING: Final = "pending"
CONFIRMED: Final = "confirmed"
CANCELLED: Final = "cancelled"


@dataclass(frozen=True, slots=True)
class StoredRequest:
    request_id: str
    person_id: str
    requested_by: str
    requested_ms: int
    state: str
    closed_by: str | None
    closed_ms: int | None
    reason: str
    note: str


def add_request(
    repo: Repository,
    *,
    request_id: str,
    person_id: str,
    requested_by: str,
    requested_ms: int,
    reason: str,
    note: str,
) -> None:
    details = repo.sealer.seal_json(
        "erasure_requests", request_id, "details", {"reason": reason, "note": note}
    )
    repo.conn.execute(
        insert(REQUESTS).values(
            request_id=request_id,
            person_id=person_id,
            requested_by=requested_by,
            requested_ms=requested_ms,
            state=PENDING,
            closed_by=None,
            closed_ms=None,
            details=details,
        )
    )


def request(repo: Repository, request_id: str) -> StoredRequest | None:
    row = repo.conn.execute(select(REQUESTS).where(REQUESTS.c.request_id == request_id)).first()
    return None if row is None else _opened(repo, row)


def requests(repo: Repository, *, state: str | None = PENDING) -> list[StoredRequest]:
    """Requests in `state` (None: all), oldest first."""
    query = select(REQUESTS).order_by(REQUESTS.c.requested_ms, REQUESTS.c.request_id)
    if state is not None:
        query = query.where(REQUESTS.c.state == state)
    return [_opened(repo, row) for row in repo.conn.execute(query)]


def close_request(
    repo: Repository, closed: StoredRequest, *, state: str, by: str, when: int
) -> bool:
    """Pending -> `state`; False if it was not pending (another operator closed it first). A
    confirmed request keeps its reason but not its note (the note may name the person's
    circumstances, and the person is gone)."""
    values: dict[str, Any] = {"state": state, "closed_by": by, "closed_ms": when}
    if state == CONFIRMED:
        values["details"] = repo.sealer.seal_json(
            "erasure_requests", closed.request_id, "details", {"reason": closed.reason, "note": ""}
        )
    result = repo.conn.execute(
        update(REQUESTS)
        .where(REQUESTS.c.request_id == closed.request_id, REQUESTS.c.state == PENDING)
        .values(**values)
    )
    return bool(result.rowcount == 1)


def _opened(repo: Repository, row: Any) -> StoredRequest:
    details: dict[str, Any] = {}
    if row.details is not None:
        details = repo.sealer.open_json("erasure_requests", row.request_id, "details", row.details)
    return StoredRequest(
        request_id=row.request_id,
        person_id=row.person_id,
        requested_by=row.requested_by,
        requested_ms=row.requested_ms,
        state=row.state,
        closed_by=row.closed_by,
        closed_ms=row.closed_ms,
        reason=str(details.get("reason", "")),
        note=str(details.get("note", "")),
    )
