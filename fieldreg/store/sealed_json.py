"""How the store encodes the JSON values it seals. Kept apart from the repository (and so from
SQLAlchemy) because the import's decoding worker process encodes event bodies too, and starts
faster without loading the database layer."""

from __future__ import annotations

import json

from fieldreg.core import canonical
from fieldreg.core import events as ev

# One encoder for every sealed value: json.dumps with options builds a new one per call, which
# costs as much as encoding a small value (an import encodes hundreds of thousands).
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def encode_json(value: object) -> bytes:
    """The encoding of every sealed JSON value in the store (opened with json.loads)."""
    return _ENCODER.encode(value).encode("utf-8")


def event_body_json(event: ev.Event) -> bytes:
    """What an event row seals: the part of the event not kept in plain columns, as canonical
    JSON (opened with json.loads like every sealed value): then the event's canonical bytes, and
    so its id, can be checked by putting the columns and these bytes together
    (`fieldreg.core.events.from_stored`), without parsing and encoding JSON again."""
    encoded = event.verified_bytes
    if encoded:
        return ev.body_bytes(encoded)  # cut out of bytes already made: no encoding
    return canonical.dumps(event.body(), checked=True)  # checked: encoded as before, sorted
