"""Reads and writes of the sought-persons lists (`SoughtListRow`, `SoughtEntryRow`): every value
sealed, the list id and line numbers the only plain columns. Callers hold the transaction
(`Repository.transaction` / `reading`); nothing here commits."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update

from fieldreg.core.errors import NotFoundError, TamperError
from fieldreg.store.models import SoughtEntryRow, SoughtListRow
from fieldreg.store.repository import Repository
from fieldreg.store.sealed_json import encode_json

LISTS = cast(Table, SoughtListRow.__table__)
ENTRIES = cast(Table, SoughtEntryRow.__table__)
_INSERT_ENTRY = insert(ENTRIES)
_UPDATE_DECISIONS = (
    update(ENTRIES)
    .where(ENTRIES.c.list_id == bindparam("b_list"), ENTRIES.c.entry_no == bindparam("b_no"))
    .values(decisions=bindparam("decisions"))
)


@dataclass(frozen=True, slots=True)
class StoredList:
    list_id: str
    created_ms: int
    meta: dict[str, Any]  # name, source, owner, received, format, entries


@dataclass(frozen=True, slots=True)
class StoredEntry:
    entry_no: int
    body: dict[str, Any]
    decisions: dict[str, str]  # person id -> "confirmed" / "rejected"


def _entry_rid(list_id: str, entry_no: int) -> str:
    return f"{list_id}/{entry_no}"


class SoughtListStore:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def add(
        self,
        list_id: str,
        created_ms: int,
        meta: Mapping[str, object],
        entries: Sequence[Mapping[str, object]],
    ) -> None:
        sealer = self.repo.sealer
        self.repo.conn.execute(
            insert(LISTS).values(
                id=list_id,
                created_ms=created_ms,
                meta=sealer.seal_json("sought_lists", list_id, "meta", dict(meta)),
            )
        )
        rids = [_entry_rid(list_id, n) for n in range(1, len(entries) + 1)]
        bodies = sealer.seal_many(
            "sought_entries", "body", rids, [encode_json(dict(e)) for e in entries]
        )
        rows: list[dict[str, object]] = [
            {"list_id": list_id, "entry_no": n, "body": body, "decisions": None}
            for n, body in enumerate(bodies, start=1)
        ]
        self.repo.execute_many(_INSERT_ENTRY, rows)

    def lists(self) -> list[StoredList]:
        found = []
        for row in self.repo.conn.execute(select(LISTS).order_by(LISTS.c.created_ms, LISTS.c.id)):
            meta = self.repo.sealer.open_json("sought_lists", row.id, "meta", row.meta)
            found.append(StoredList(row.id, row.created_ms, meta))
        return found

    def get(self, list_id: str) -> StoredList:
        row = self.repo.conn.execute(select(LISTS).where(LISTS.c.id == list_id)).first()
        if row is None:
            raise NotFoundError("lists.not_found")
        meta = self.repo.sealer.open_json("sought_lists", row.id, "meta", row.meta)
        return StoredList(row.id, row.created_ms, meta)

    def entries(self, list_id: str) -> list[StoredEntry]:
        rows = self.repo.conn.execute(
            select(ENTRIES.c.entry_no, ENTRIES.c.body, ENTRIES.c.decisions)
            .where(ENTRIES.c.list_id == list_id)
            .order_by(ENTRIES.c.entry_no)
        ).all()
        rids = [_entry_rid(list_id, r.entry_no) for r in rows]
        sealer = self.repo.sealer
        bodies = sealer.open_many("sought_entries", "body", rids, [r.body for r in rows])
        with_decisions = [(rid, r.decisions) for rid, r in zip(rids, rows, strict=True)]
        opened_decisions = sealer.open_many(
            "sought_entries",
            "decisions",
            [rid for rid, d in with_decisions if d is not None],
            [d for _, d in with_decisions if d is not None],
        )
        decisions_of = iter(opened_decisions)
        found = []
        for row, body in zip(rows, bodies, strict=True):
            decisions = next(decisions_of) if row.decisions is not None else b"{}"
            if body is None or decisions is None:
                raise TamperError("lists.tampered")
            found.append(StoredEntry(row.entry_no, json.loads(body), json.loads(decisions)))
        return found

    def set_decisions(self, list_id: str, entry_no: int, decisions: Mapping[str, str]) -> None:
        sealed = self.repo.sealer.seal_json(
            "sought_entries", _entry_rid(list_id, entry_no), "decisions", dict(decisions)
        )
        done = self.repo.conn.execute(
            _UPDATE_DECISIONS, {"b_list": list_id, "b_no": entry_no, "decisions": sealed}
        )
        if done.rowcount != 1:
            raise NotFoundError("lists.no_entry")
