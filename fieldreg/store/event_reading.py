"""Opening many stored events at once (an export reads thousands): each sealed body opened with
the bulk opener and each id checked over the bytes as stored (`fieldreg.core.events.from_stored`:
the event's canonical bytes put together from the plain columns and the canonical body), instead
of parsing, checking and encoding every body's JSON again. Kept apart from the repository so the
call sites that read events in bulk can switch to it one line at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldreg.core import events as ev
from fieldreg.crypto.sealing import FieldSealer


def event_opener(sealer: FieldSealer) -> Callable[[Any], ev.Event]:
    """`Repository.open_event` for many rows of the events table: the same events, the same
    errors (a body that fails to open is TamperError, an id that does not match events.bad_id)."""
    open_body = sealer.opener("events", "body")
    return lambda row: event_from_row(row, open_body(row.event_id, row.body))


def event_from_row(row: Any, body: bytes) -> ev.Event:
    """The event of an events-table row whose body was opened: its id checked over the stored
    bytes (`events.from_stored`, with the strict `from_body` as the fallback that decides)."""
    return ev.from_stored(
        device_id=row.device_id,
        seq=row.seq,
        hlc=row.hlc,
        subject_id=row.subject_id,
        prev=row.prev_id,
        event_id=row.event_id,
        body=body,
    )
