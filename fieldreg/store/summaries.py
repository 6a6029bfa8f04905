"""Every person's summary group read and opened in bulk: what unlock feeds to the roster and the
search index.

One SELECT through the DB-API cursor, in batches (a server-side cursor on PostgreSQL); each
batch opened with one `FieldSealer.open_many` call and decoded with one
`summary_codec.decode_summaries` call, so no Python function runs per person and no object is
made per person beyond their fields.

On PostgreSQL the next batch is fetched by a second thread while this one is opened and decoded:
the server reads and sends it meanwhile (psycopg waits for it without holding the GIL), instead
of idling while the client decodes. SQLite's rows come from this process's own work, so it
reads them in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from fieldreg.core.entities import Group, PersonFields
from fieldreg.store.engine import bulk_read_cursor, mapped_for_bulk_read
from fieldreg.store.repository import Repository
from fieldreg.store.summary_codec import decode_summaries

BATCH = 5000


@dataclass(slots=True)
class OpenedSummaries:
    """People whose summary opened, in the order of the table, and those whose did not."""

    ids: list[str] = field(default_factory=list)
    created: list[int] = field(default_factory=list)  # packed clock of each one's registration
    fields: list[PersonFields] = field(default_factory=list)
    # What the search index reads: six names of each person in turn ("" where absent), and each
    # one's date of birth (None where unknown).
    names: list[str] = field(default_factory=list)
    dobs: list[str | None] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # altered, swapped or unreadable summaries
    old_rows: int = 0  # summaries still in version 1 (JSON), see `summary_upgrade`


def read_summaries(
    repo: Repository, progress: Callable[[int, int], None] | None = None
) -> OpenedSummaries:
    """Open every person's summary; call inside `repo.reading()`. A row that does not open or
    decode is listed in `damaged` (one damaged row must not lock the volunteer out of everyone
    else); `verify` says more about it."""
    total = repo.count_people() if progress else 0
    result = OpenedSummaries()
    with mapped_for_bulk_read(repo.conn):
        _read_into(result, repo, progress, total)
    return result


def _read_into(
    result: OpenedSummaries,
    repo: Repository,
    progress: Callable[[int, int], None] | None,
    total: int,
) -> None:
    sealer = repo.sealer
    cursor = bulk_read_cursor(repo.conn)  # on PostgreSQL streamed, binary, batch by batch
    ahead = repo.conn.dialect.name == "postgresql"
    batches = (_fetched_ahead if ahead else _fetched_in_turn)(cursor)
    try:
        cursor.execute("SELECT id, created_hlc, summary FROM people WHERE summary IS NOT NULL")
        done = 0
        for batch in batches:
            ids, created, sealed = zip(*batch, strict=True)
            opened = sealer.open_many("people", Group.SUMMARY.value, ids, sealed)
            decoded, old, bad = decode_summaries(opened, result.names, result.dobs)
            result.old_rows += old
            if bad:
                for person_id, created_hlc, fields in zip(ids, created, decoded, strict=True):
                    if fields is None:
                        result.damaged.append(person_id)
                    else:
                        result.ids.append(person_id)
                        result.created.append(created_hlc)
                        result.fields.append(fields)
            else:
                result.ids += ids
                result.created += created
                result.fields += decoded  # type: ignore[arg-type]
            done += len(batch)
            if progress:
                progress(done, total)
    finally:
        batches.close()  # waits for a fetch still under way before the cursor closes
        cursor.close()


_Batches = Generator[list[Any], None, None]


def _fetched_in_turn(cursor: Any) -> _Batches:
    """The cursor's batches, each fetched when the caller asks for it."""
    while batch := cursor.fetchmany(BATCH):
        yield batch


def _fetched_ahead(cursor: Any) -> _Batches:
    """The cursor's batches, each next one fetched by a second thread while the caller works on
    the one before; the cursor is only ever used by one thread at a time."""
    with ThreadPoolExecutor(1, thread_name_prefix="fieldreg-unlock-fetch") as pool:
        pending = pool.submit(cursor.fetchmany, BATCH)
        try:
            while batch := pending.result():
                pending = pool.submit(cursor.fetchmany, BATCH)
                yield batch
        finally:
            pending.cancel()
