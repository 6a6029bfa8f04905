"""Dropping people's personal bytes from a store, inside the caller's transaction.

Used for an approved erasure at the coordinator, for a roster's tombstone on a laptop, and for
retention on a laptop. For each person: the sealed field groups go (an erased person's people
row keeps only the folded tombstone: clocks, which events were seen, `erased`; a retention-purged
person's row goes, so that a later roster brings them back as new), every event about them loses
its body (the row keeps device, seq, id, prev, clock and subject: what the log's chain needs),
their notes lose their bodies, the sync index rows naming them go, and a `person_tombstones` row
records why, so a lookup can say "erased" or "record moved to the coordinator".

The store runs with `PRAGMA secure_delete=ON` (store/engine.py), so the freed space is zeroed;
after the commit, `wipe_freed` checkpoints the WAL (TRUNCATE) so no old page stays beside it.
Form drafts are never on disk (services/sealed_drafts.py keeps them sealed in memory); the
search index is in memory and is rebuilt from the people rows by the session's refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, cast

from sqlalchemy import Table, delete, insert, select, update

from fieldreg.core.events import ERASURE_REASONS, RETENTION_REASON
from fieldreg.core.fold import PersonState
from fieldreg.store.models import EventRow, NoteRow, PersonRow, TombstoneRow
from fieldreg.store.repository import Repository
from fieldreg.store.sync_models import ConflictIndexRow, DuplicateIndexRow

ERASED: Final = "erased"  # an approved erasure (or its tombstone in a roster)
PURGED: Final = "purged"  # retention: the record is kept at the coordinator only
TOMBSTONE_REASON: Final = "tombstone"  # a roster's tombstone that names no reason
REASONS: Final = frozenset({*ERASURE_REASONS, RETENTION_REASON, TOMBSTONE_REASON})

TOMBSTONES = cast(Table, TombstoneRow.__table__)
_EVENTS = cast(Table, EventRow.__table__)
_NOTES = cast(Table, NoteRow.__table__)
_PEOPLE = cast(Table, PersonRow.__table__)
_INDEXES = (cast(Table, ConflictIndexRow.__table__), cast(Table, DuplicateIndexRow.__table__))
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Tombstone:
    person_id: str
    kind: str  # ERASED or PURGED
    reason: str
    purged_ms: int


def kind_of(reason: str) -> str:
    return PURGED if reason == RETENTION_REASON else ERASED


def _wall_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


def purge_people(
    repo: Repository, person_ids: Iterable[str], *, reason: str, now_ms: int | None = None
) -> int:
    """Drop the personal bytes of `person_ids` (see the module); no commit here. Returns how many
    of them this store held anything of (a row or events). A person already erased here gets a
    fresh tombstone row only; an erasure always wins over an earlier retention purge."""
    if reason not in REASONS:
        raise ValueError(f"not a purge reason: {reason!r}")
    when = _wall_ms() if now_ms is None else now_ms
    kind = kind_of(reason)
    ordered = sorted(set(person_ids))
    held = 0
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        previous = tombstones(repo, chunk)
        states = repo.load_states(chunk)
        with_events = set(
            repo.conn.execute(
                select(_EVENTS.c.subject_id).where(_EVENTS.c.subject_id.in_(chunk)).distinct()
            ).scalars()
        )
        held += len(set(states) | with_events)
        kinds = {p: _kind(kind, reason, previous.get(p), states.get(p)) for p in chunk}
        erased = [s for p, s in states.items() if kinds[p][0] == ERASED]
        for state in erased:
            state.erased = True  # the fold's tombstone: no values, no links (see fold.py)
        repo.save_states(erased, new=set())
        repo.conn.execute(
            update(_EVENTS).where(_EVENTS.c.subject_id.in_(chunk)).values(body=None, redacted=True)
        )
        repo.conn.execute(update(_NOTES).where(_NOTES.c.person_id.in_(chunk)).values(body=None))
        # Retention: no row at all, so a roster that carries the person again writes them as
        # new (an erased row is never brought back: the roster apply skips erased people).
        gone = [p for p in chunk if kinds[p][0] == PURGED]
        repo.conn.execute(delete(_NOTES).where(_NOTES.c.person_id.in_(gone)))
        repo.conn.execute(delete(_PEOPLE).where(_PEOPLE.c.id.in_(gone)))
        for table in _INDEXES:
            repo.conn.execute(delete(table).where(table.c.person_id.in_(chunk)))
        repo.conn.execute(delete(TOMBSTONES).where(TOMBSTONES.c.person_id.in_(chunk)))
        rows = [
            {"person_id": p, "kind": kinds[p][0], "reason": kinds[p][1], "purged_ms": when}
            for p in chunk
        ]
        repo.conn.execute(insert(TOMBSTONES), rows)
    return held


def _kind(
    kind: str, reason: str, before: Tombstone | None, state: PersonState | None
) -> tuple[str, str]:
    """(kind, reason) of the new tombstone: an erasure wins over a retention purge, whichever
    came first (a person erased here, by a tombstone or the fold, stays erased)."""
    if kind == PURGED and before is not None and before.kind == ERASED:
        return before.kind, before.reason
    if kind == PURGED and state is not None and state.erased:
        return ERASED, TOMBSTONE_REASON
    return kind, reason


def tombstones(repo: Repository, person_ids: Iterable[str]) -> dict[str, Tombstone]:
    """The tombstone rows of those of `person_ids` that have one."""
    ordered = sorted(set(person_ids))
    found: dict[str, Tombstone] = {}
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        rows = repo.conn.execute(select(TOMBSTONES).where(TOMBSTONES.c.person_id.in_(chunk)))
        for row in rows:
            found[row.person_id] = Tombstone(row.person_id, row.kind, row.reason, row.purged_ms)
    return found


def tombstone(repo: Repository, person_id: str) -> Tombstone | None:
    return tombstones(repo, [person_id]).get(person_id)


def all_tombstones(repo: Repository) -> list[Tombstone]:
    rows = repo.conn.execute(select(TOMBSTONES).order_by(TOMBSTONES.c.person_id))
    return [Tombstone(r.person_id, r.kind, r.reason, r.purged_ms) for r in rows]


def wipe_freed(repo: Repository) -> None:
    """After a purge committed: copy the WAL into the database and truncate it, so the old
    pages (sealed values before the purge) stay in neither file. Outside any transaction."""
    if repo.conn.dialect.name != "sqlite":
        return  # a server database manages its own files (VACUUM is the operator's)
    if repo.conn.in_transaction():
        repo.conn.rollback()
    repo.conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    if repo.conn.in_transaction():
        repo.conn.rollback()


def subjects_written_after(repo: Repository, device_id: str, seq: int) -> set[str]:
    """Subjects of `device_id`'s events after `seq` (those the coordinator has not applied yet,
    when `seq` is what it acknowledged)."""
    query = (
        select(_EVENTS.c.subject_id)
        .where(_EVENTS.c.device_id == device_id, _EVENTS.c.seq > seq)
        .distinct()
    )
    return set(repo.conn.execute(query).scalars())
