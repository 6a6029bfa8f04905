"""Every person's details group read and opened in bulk, for the exports that need fields the
people cache does not hold (consent to tracing, citizenship, documents)."""

from __future__ import annotations

from collections.abc import Callable

from fieldreg.core.entities import Group, PersonFields
from fieldreg.store.repository import Repository
from fieldreg.store.summary_codec import decode_group

BATCH = 5000


def read_details(
    repo: Repository, progress: Callable[[int, int], None] | None = None
) -> dict[str, PersonFields]:
    """Person id -> their details; call inside `repo.reading()`. A row that does not open is left
    out (the export then shows that person's summary fields only; `verify` names the row)."""
    total = repo.count_people() if progress else 0
    found: dict[str, PersonFields] = {}
    cursor = repo.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("SELECT id, details FROM people WHERE details IS NOT NULL")
        done = 0
        while batch := cursor.fetchmany(BATCH):
            ids, sealed = zip(*batch, strict=True)
            opened = repo.sealer.open_many("people", Group.DETAILS.value, ids, sealed)
            for person_id, plaintext in zip(ids, opened, strict=True):
                if plaintext is None:
                    continue
                try:
                    found[person_id] = decode_group(Group.DETAILS, plaintext)
                except ValueError:
                    continue
            done += len(batch)
            if progress:
                progress(done, total)
    finally:
        cursor.close()
    return found
