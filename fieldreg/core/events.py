"""Events: every change of state, appended to a per-device log and never edited.

An event's id is the SHA-256 of its canonical bytes. The body carries a random salt so that the
id, which is stored in the clear, cannot be used to confirm a guessed payload.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from fieldreg.core import canonical
from fieldreg.core.errors import IntegrityError

FORMAT_VERSION: Final = 1
GENESIS: Final = ""  # `prev` of a device's first event


class EventType(StrEnum):
    PERSON_REGISTERED = "PersonRegistered"
    FIELDS_CHANGED = "FieldsChanged"
    STATUS_CHANGED = "StatusChanged"
    NOTE_ADDED = "NoteAdded"
    MEMBER_LINKED = "MemberLinked"
    MEMBER_UNLINKED = "MemberUnlinked"
    BAND_ISSUED = "BandIssued"
    BAND_VOIDED = "BandVoided"
    CONSENT_RECORDED = "ConsentRecorded"
    MARKED_DUPLICATE = "MarkedDuplicate"
    DUPLICATE_UNMARKED = "DuplicateUnmarked"
    ERASED = "Erased"
    HOUSEHOLD_CREATED = "HouseholdCreated"


_TYPES: Final[dict[str, EventType]] = {kind.value: kind for kind in EventType}


@dataclass(frozen=True, slots=True)
class Event:
    """One immutable fact. `hlc` is a packed hybrid logical clock (see core.hlc)."""

    device_id: str
    seq: int
    hlc: int
    operator_id: str
    type: EventType
    subject_id: str
    payload: Mapping[str, Any]
    prev: str
    salt: str
    event_id: str = field(default="")

    def body(self) -> dict[str, Any]:
        """The part of the event that is sealed at rest (everything not in a plain column)."""
        return {
            "op": self.operator_id,
            "type": self.type._value_,  # `.value` is a property: slow, and called per event
            "payload": dict(self.payload),
            "salt": self.salt,
        }

    def canonical_bytes(self, *, checked: bool = False) -> bytes:
        """`checked`: the payload came out of `canonical.loads` (see `canonical.dumps`)."""
        payload = self.payload
        return canonical.dumps(
            {
                "v": FORMAT_VERSION,
                "device": self.device_id,
                "seq": self.seq,
                "hlc": self.hlc,
                "subject": self.subject_id,
                "prev": self.prev,
                "op": self.operator_id,
                "type": self.type._value_,
                # The same bytes as body()'s copy; only a Mapping that is not a dict needs one.
                "payload": payload if type(payload) is dict else dict(payload),
                "salt": self.salt,
            },
            checked=checked,
        )

    def computed_id(self, *, checked: bool = False) -> str:
        return hashlib.sha256(self.canonical_bytes(checked=checked)).hexdigest()

    @property
    def key(self) -> tuple[int, str]:
        """Total order used by last-writer-wins: clock first, device id breaks ties."""
        return (self.hlc, self.device_id)


def make_event(
    *,
    device_id: str,
    seq: int,
    hlc: int,
    operator_id: str,
    type: EventType,
    subject_id: str,
    payload: Mapping[str, Any],
    prev: str,
    salt: str,
) -> Event:
    draft = Event(device_id, seq, hlc, operator_id, type, subject_id, payload, prev, salt)
    return Event(
        device_id, seq, hlc, operator_id, type, subject_id, payload, prev, salt, draft.computed_id()
    )


def from_body(
    *,
    device_id: str,
    seq: int,
    hlc: int,
    subject_id: str,
    prev: str,
    event_id: str,
    body: Mapping[str, Any],
    checked: bool = False,
) -> Event:
    """Rebuild an event from its plain columns and opened body, checking its id. `checked`:
    the body came out of `canonical.loads` (see `canonical.dumps`)."""
    try:
        event = Event(
            device_id=device_id,
            seq=seq,
            hlc=hlc,
            operator_id=str(body["op"]),
            type=_TYPES[body["type"]],  # EventType(...) costs a microsecond per event
            subject_id=subject_id,
            payload=dict(body["payload"]),
            prev=prev,
            salt=str(body["salt"]),
            event_id=event_id,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise IntegrityError("events.malformed", device=device_id, seq=seq) from exc
    if event.computed_id(checked=checked) != event_id:
        raise IntegrityError("events.bad_id", device=device_id, seq=seq)
    return event
