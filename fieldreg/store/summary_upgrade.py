"""Rewrite the summaries still in version 1 (JSON) as version 2 (`summary_codec`).

A summary is rewritten anyway the next time its person is written; this does it for everyone at
once, so that a store upgraded from an older build unlocks at full speed. It needs the data key
(it opens and seals), so it cannot be an Alembic migration: the application runs it on an
unlocked store, once, when unlock reported old rows (`OpenedSummaries.old_rows`).

Each summary is opened, decoded, encoded as version 2 and sealed again with a fresh nonce and the
same associated data (people, the record id, summary, the key id). The UPDATE compares the old
blob, so a person written by someone else meanwhile is left alone (their new summary is already
version 2). Damaged rows are left for `verify`; a summary version 2 cannot carry stays JSON.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update

from fieldreg.core.entities import Group
from fieldreg.store.repository import PEOPLE, Repository
from fieldreg.store.summary_codec import VERSION_2, decode_summaries, encode_summary

_UPGRADE = (
    update(PEOPLE)
    .where(PEOPLE.c.id == bindparam("b_id"), PEOPLE.c.summary == bindparam("b_old"))
    .values(summary=bindparam("summary"))
)


def upgrade_summaries(repo: Repository) -> int:
    """Rewrite every version 1 summary as version 2 in one durable transaction; returns how
    many were rewritten."""
    group = Group.SUMMARY.value
    seal_row = repo.sealer.sealer_for("people", group)
    with repo.transaction():
        rows = repo.conn.exec_driver_sql(
            "SELECT id, summary FROM people WHERE summary IS NOT NULL"
        ).all()
        ids = [row[0] for row in rows]
        sealed = [row[1] for row in rows]
        opened = repo.sealer.open_many("people", group, ids, sealed)
        old = [i for i, plaintext in enumerate(opened) if plaintext and plaintext[0] != VERSION_2]
        decoded, _, _ = decode_summaries([opened[i] for i in old])
        updates: list[dict[str, object]] = []
        for i, fields in zip(old, decoded, strict=True):
            if fields is None:
                continue
            plaintext = encode_summary(fields)
            if plaintext[0] == VERSION_2:
                updates.append(
                    {"b_id": ids[i], "b_old": sealed[i], "summary": seal_row(ids[i], plaintext)}
                )
        repo.execute_many(_UPGRADE, updates)
    return len(updates)
