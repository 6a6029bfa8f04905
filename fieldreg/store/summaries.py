"""Every person's summary group read and opened in bulk: what unlock feeds to the roster and the
search index.

One SELECT through the DB-API cursor, in batches (a server-side cursor on PostgreSQL); each
batch opened with one `FieldSealer.open_many` call and decoded with one
`summary_codec.decode_summaries` call, so no Python function runs per person and no object is
made per person beyond their fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fieldreg.core.entities import Group, PersonFields
from fieldreg.store.engine import bulk_read_cursor
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
    sealer = repo.sealer
    result = OpenedSummaries()
    cursor = bulk_read_cursor(repo.conn)  # on PostgreSQL streamed, binary, batch by batch
    try:
        cursor.execute("SELECT id, created_hlc, summary FROM people WHERE summary IS NOT NULL")
        done = 0
        while batch := cursor.fetchmany(BATCH):
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
        cursor.close()
    return result
