"""Transports as the store keeps them: one row per transport, its fold state sealed (only the
opaque id and clocks in plain columns), written by the write pipeline and by a bundle's import
from the transport events they carry."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update

from fieldreg.core.events import TRANSPORT_EVENTS, Event
from fieldreg.core.fold import (
    TransportState,
    apply_transport,
    transport_from_json,
    transport_to_json,
)
from fieldreg.store.models import TransportRow
from fieldreg.store.repository import Repository
from fieldreg.store.sealed_json import encode_json

TRANSPORTS = cast(Table, TransportRow.__table__)
_COLUMN = "state"
_INSERT = insert(TRANSPORTS)
_UPDATE = (
    update(TRANSPORTS)
    .where(TRANSPORTS.c.id == bindparam("b_id"))
    .values(updated_hlc=bindparam("updated_hlc"), state=bindparam("state"))
)


def load_transport(repo: Repository, transport_id: str) -> TransportState | None:
    row = repo.conn.execute(
        select(TRANSPORTS.c.state).where(TRANSPORTS.c.id == transport_id)
    ).first()
    if row is None or row[0] is None:
        return None
    raw = json.loads(repo.sealer.open("transports", transport_id, _COLUMN, row[0]))
    return transport_from_json(transport_id, raw)


def load_transports(repo: Repository) -> list[TransportState]:
    """Every transport, by id."""
    opened = repo.sealer.opener("transports", _COLUMN)
    rows = repo.conn.execute(select(TRANSPORTS.c.id, TRANSPORTS.c.state).order_by(TRANSPORTS.c.id))
    return [
        transport_from_json(str(i), json.loads(opened(str(i), sealed)))
        for i, sealed in rows
        if sealed is not None
    ]


def transport_ids(repo: Repository) -> list[str]:
    return [str(i) for i in repo.conn.execute(select(TRANSPORTS.c.id)).scalars()]


def transport_exists(repo: Repository, transport_id: str) -> bool:
    row = repo.conn.execute(select(TRANSPORTS.c.id).where(TRANSPORTS.c.id == transport_id))
    return row.first() is not None


def apply_transport_events(repo: Repository, events: Iterable[Event]) -> list[TransportState]:
    """Fold transport events into their transports and save them, inside the caller's
    transaction. Returns the states changed."""
    states: dict[str, TransportState] = {}
    new: set[str] = set()
    for event in events:
        if event.type not in TRANSPORT_EVENTS:
            continue
        subject = event.subject_id
        state = states.get(subject)
        if state is None:
            loaded = load_transport(repo, subject)
            if loaded is None:
                new.add(subject)
                loaded = TransportState(subject)
            state = states[subject] = loaded
        apply_transport(state, event)
    for transport_id, state in states.items():
        sealed = repo.sealer.seal(
            "transports", transport_id, _COLUMN, encode_json(transport_to_json(state))
        )
        created = state.planned[0] if state.planned else state.updated[0]
        if transport_id in new:
            repo.conn.execute(
                _INSERT,
                {
                    "id": transport_id,
                    "created_hlc": created,
                    "updated_hlc": state.updated[0],
                    "state": sealed,
                },
            )
        else:
            repo.conn.execute(
                _UPDATE, {"b_id": transport_id, "updated_hlc": state.updated[0], "state": sealed}
            )
    return list(states.values())
