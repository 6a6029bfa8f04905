"""The export's fast read (`export.read_payload`: raw columns, bodies opened in one call, rows put
together from the stored bytes) gives the payload and header of the event-by-event read
(`read_events` + `build_payload`), and refuses every damaged row with the same error."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import pytest
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.core.errors import FieldregError
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.event_columns import read_event_columns
from fieldreg.store.sealed_json import encode_json
from fieldreg.sync import bundle_format, export


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Session]:
    coordinator = create_coordinator(tmp_path / "hub")
    session = open_store(new_laptop(tmp_path / "laptop", coordinator, "K7"))
    for n in range(4):
        person = session.register({"family_name": "Бойко", "given_name": f"Олена{'н' * n}"})
        session.add_note(person, 'записка {[ "x" \\ ]}')
    yield session
    session.lock()


def _outcome(action: Callable[[], Any]) -> Any:
    try:
        return ("ok", action())
    except FieldregError as exc:
        return ("error", exc.code, dict(exc.params))


def _both(session: Session) -> tuple[Any, Any]:
    with sync_repository(session) as repo, repo.reading():
        device = repo.device(session.device_id)
        assert device is not None
        last = device.last_seq

        def fast() -> Any:
            stored = export.read_payload(repo, session.device_id, 1, last)
            return (stored.payload, stored.first, stored.last, stored.prev, stored.head)

        def strict() -> Any:
            events = export.read_events(repo, session.device_id, 1, last)
            payload = bundle_format.build_payload(session.device_id, events)
            assert payload == bundle_format.build_payload_strict(session.device_id, events)
            return (payload, events[0].seq, events[-1].seq, events[0].prev, events[-1].event_id)

        return _outcome(fast), _outcome(strict)


def test_the_fast_read_gives_the_same_payload_and_header(laptop: Session) -> None:
    fast, strict = _both(laptop)
    assert fast[0] == "ok"
    assert fast == strict
    with sync_repository(laptop) as repo, repo.reading():  # every row took the fast path
        columns = read_event_columns(repo, laptop.device_id, 1, 99)
        bodies = repo.sealer.open_many(
            "events", "body", [c[4] for c in columns], [c[5] for c in columns]
        )
    device = encode_basestring(laptop.device_id).encode("utf-8")
    assert len(columns) == 8
    assert all(
        bundle_format.stored_row(device, *c[:5], body) is not None  # type: ignore[arg-type]
        for c, body in zip(columns, bodies, strict=True)
    )


def test_a_fast_bundle_has_the_same_header_and_payload(laptop: Session) -> None:
    with sync_repository(laptop) as repo, repo.reading():
        identity = export.identity_of(repo, laptop.device_id)
        last = repo.device(laptop.device_id).last_seq  # type: ignore[union-attr]
        stored = export.read_payload(repo, laptop.device_id, 1, last)
        events = export.read_events(repo, laptop.device_id, 1, last)
    _, fast = export.build_stored_bundle(stored, identity, 1234)
    _, strict = export.build_bundle(events, identity, 1234)
    assert fast == strict  # the age ciphertext is random: the header (payload hash) decides


def _db(session: Session, *statements: tuple[str, tuple[Any, ...]]) -> None:
    with sqlite3.connect(session.data_dir.db) as db:
        for sql, parameters in statements:
            db.execute(sql, parameters)
    db.close()


def _column(session: Session, column: str, seq: int) -> Any:
    with sqlite3.connect(session.data_dir.db) as db:
        (value,) = db.execute(f"SELECT {column} FROM events WHERE seq = ?", (seq,)).fetchone()
    db.close()
    return value


_DAMAGE: dict[str, Callable[[Session], list[tuple[str, tuple[Any, ...]]]]] = {
    "body swapped": lambda s: [
        ("UPDATE events SET body = ? WHERE seq = 3", (_column(s, "body", 2),))
    ],
    "body altered": lambda s: [
        ("UPDATE events SET body = ? WHERE seq = 3", (_column(s, "body", 3)[:-1] + b"\x00",))
    ],
    "body not bytes": lambda s: [("UPDATE events SET body = 'text' WHERE seq = 3", ())],
    "id changed": lambda s: [("UPDATE events SET event_id = ? WHERE seq = 3", ("ab" * 32,))],
    "prev changed": lambda s: [("UPDATE events SET prev_id = ? WHERE seq = 3", ("ab" * 32,))],
    "prev of the first": lambda s: [("UPDATE events SET prev_id = ? WHERE seq = 1", ("ab" * 32,))],
    "hlc changed": lambda s: [("UPDATE events SET hlc = hlc + 1 WHERE seq = 4", ())],
    "subject changed": lambda s: [("UPDATE events SET subject_id = 'K7-0000-X' WHERE seq = 2", ())],
    "seq gap": lambda s: [("DELETE FROM events WHERE seq = 3", ())],
    "redacted": lambda s: [("UPDATE events SET redacted = 1 WHERE seq = 5", ())],
    "body erased": lambda s: [("UPDATE events SET body = NULL WHERE seq = 5", ())],
    "redacted after damage": lambda s: [
        ("UPDATE events SET redacted = 1 WHERE seq = 5", ()),
        ("UPDATE events SET prev_id = ? WHERE seq = 3", ("ab" * 32,)),
    ],
}


@pytest.mark.parametrize("damage", sorted(_DAMAGE))
def test_every_damaged_row_is_refused_alike(laptop: Session, damage: str) -> None:
    _db(laptop, *_DAMAGE[damage](laptop))
    fast, strict = _both(laptop)
    assert fast == strict
    if damage != "seq gap":  # read as it is by both (the coordinator refuses such a bundle)
        assert fast[0] == "error"


def test_a_body_sealed_before_bodies_were_canonical_takes_the_strict_path(
    laptop: Session,
) -> None:
    with sync_repository(laptop) as repo:
        with repo.reading():
            events = export.read_events(repo, laptop.device_id, 1, 3)
        with repo.transaction():
            for event in events:
                sealed = repo.sealer.seal(
                    "events", event.event_id, "body", encode_json(event.body())
                )
                repo.conn.exec_driver_sql(
                    "UPDATE events SET body = ? WHERE seq = ?", (sealed, event.seq)
                )
    fast, strict = _both(laptop)
    assert fast[0] == "ok"
    assert fast == strict
