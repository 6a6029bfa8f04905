"""Events: every change of state, appended to a per-device log and never edited.

An event's id is the SHA-256 of its canonical bytes. The body carries a random salt so that the
id, which is stored in the clear, cannot be used to confirm a guessed payload.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from json.encoder import encode_basestring
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
    # A laptop dropped the person's values under the retention rule (history only: the fold
    # changes nothing for it, and it erases nothing at the coordinator).
    PURGED = "Purged"
    # Transports: the subject is the transport's id (minted like a household's).
    TRANSPORT_PLANNED = "TransportPlanned"
    TRANSPORT_CHANGED = "TransportChanged"
    PASSENGER_ASSIGNED = "PassengerAssigned"
    PASSENGER_UNASSIGNED = "PassengerUnassigned"
    PASSENGER_BOARDED = "PassengerBoarded"


# Why a person is erased at the coordinator (the `reason` of an `Erased` event): a fixed list, so
# the reason itself can never carry personal words.
ERASURE_REASONS: Final = (
    "data_subject_request",
    "registered_in_error",
    "duplicate_of_erased",
    "protection_risk",
)
RETENTION_REASON: Final = "retention"  # the `reason` of a `Purged` event


# Events whose subject is a transport, not a person: folded by `fold.apply_transport`.
TRANSPORT_EVENTS: Final = frozenset(
    {
        EventType.TRANSPORT_PLANNED,
        EventType.TRANSPORT_CHANGED,
        EventType.PASSENGER_ASSIGNED,
        EventType.PASSENGER_UNASSIGNED,
        EventType.PASSENGER_BOARDED,
    }
)


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
    # The canonical bytes once computed and found to hash to `event_id` (b"" until then), so that
    # a bundle can be assembled from them without encoding every event again. Not an argument of
    # the constructor: `dataclasses.replace` and every new Event start without it, and pickling
    # leaves it out (see __reduce__).
    verified_bytes: bytes = field(default=b"", init=False, compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # The decoding worker sends thousands of events: the constructor is faster to call than
        # the generic per-field setstate of frozen dataclasses, and the bytes are not needed there.
        return (
            Event,
            (
                self.device_id,
                self.seq,
                self.hlc,
                self.operator_id,
                self.type,
                self.subject_id,
                self.payload,
                self.prev,
                self.salt,
                self.event_id,
            ),
        )

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
    encoded = draft.canonical_bytes()
    event = Event(
        device_id,
        seq,
        hlc,
        operator_id,
        type,
        subject_id,
        payload,
        prev,
        salt,
        hashlib.sha256(encoded).hexdigest(),
    )
    object.__setattr__(event, "verified_bytes", encoded)
    return event


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
    encoded = event.canonical_bytes(checked=checked)
    if hashlib.sha256(encoded).hexdigest() != event_id:
        raise IntegrityError("events.bad_id", device=device_id, seq=seq)
    object.__setattr__(event, "verified_bytes", encoded)
    return event


# --- the canonical bytes taken apart and put together without parsing or encoding JSON --------
#
# canonical bytes: {"device":D,"hlc":H,"op":O,"payload":P,"prev":R,"salt":S,"seq":N,"subject":U,
#                   "type":T,"v":1}
# body (sealed):   {"op":O,"payload":P,"salt":S,"type":T}            (canonical.dumps of body())
#
# Only P can hold nested structure, and it sits between "op" and "prev": D and H are found from
# the front, the keys after P from the back. A string cannot hold an unescaped quote, so a
# separator such as `,"prev":"` found there is the key itself, never text inside a value.

_TAIL: Final = b',"v":1}'


@dataclass(frozen=True, slots=True)
class Parts:
    """Where each top-level value of an event's canonical bytes starts and ends."""

    op: int  # index of ',"op":'
    prev: int  # of ',"prev":"'
    salt: int  # of ',"salt":"'
    seq: int  # of ',"seq":'
    subject: int  # of ',"subject":"'
    type: int  # of ',"type":"'
    hlc: int  # of ',"hlc":'


def parts(encoded: bytes) -> Parts:
    """The positions of `encoded`, an event's canonical bytes (made or verified here)."""
    end = len(encoded) - len(_TAIL)
    type_at = encoded.rfind(b',"type":"', 0, end)
    subject = encoded.rfind(b',"subject":"', 0, type_at)
    seq = encoded.rfind(b',"seq":', 0, subject)
    salt = encoded.rfind(b',"salt":"', 0, seq)
    prev = encoded.rfind(b',"prev":"', 0, salt)
    hlc = encoded.find(b',"hlc":')
    op = encoded.find(b',"op":', hlc)
    if min(type_at, subject, seq, salt, prev, hlc, op) < 0 or not encoded.endswith(_TAIL):
        raise ValueError("not the canonical bytes of an event")
    return Parts(op, prev, salt, seq, subject, type_at, hlc)


def body_bytes(encoded: bytes, at: Parts | None = None) -> bytes:
    """canonical.dumps(event.body()) cut out of the event's canonical bytes."""
    p = parts(encoded) if at is None else at
    end = len(encoded) - len(_TAIL)
    return b"".join(
        (b"{", encoded[p.op + 1 : p.prev], encoded[p.salt : p.seq], encoded[p.type : end], b"}")
    )


def from_stored(
    *,
    device_id: str,
    seq: int,
    hlc: int,
    subject_id: str,
    prev: str,
    event_id: str,
    body: bytes,
) -> Event:
    """`from_body(..., body=json.loads(body))` for a body as the store seals it (canonical JSON
    of `Event.body()`): the event's canonical bytes are put together from the columns and the
    body's bytes as they are, and if they hash to `event_id` the event is made from them without
    parsing anything; the payload is parsed only when something reads it (`StoredPayload`: an
    export never does, it sends the verified bytes). Anything else (a body sealed before bodies
    were canonical, operator or salt strings with escapes, damage) takes the strict path, which
    decides: the same event or the same error as `from_body`. One flat function: it runs for
    every event an export reads."""
    at_type = body.rfind(b',"type":"')
    at_salt = body.rfind(b',"salt":"', 0, at_type)
    at_payload = body.find(b',"payload":{')
    if (
        0 < at_payload < at_salt < at_type
        and body.startswith(b'{"op":"')
        and body.endswith(b'"}')
        and type(seq) is int
        and type(hlc) is int
        and type(device_id) is str
        and type(subject_id) is str
        and type(prev) is str
    ):
        encoded = b"".join(
            (
                b'{"device":',
                encode_basestring(device_id).encode("utf-8"),
                b',"hlc":',
                str(hlc).encode("ascii"),
                b",",
                body[1:at_salt],
                b',"prev":',
                encode_basestring(prev).encode("utf-8"),
                body[at_salt:at_type],
                b',"seq":',
                str(seq).encode("ascii"),
                b',"subject":',
                encode_basestring(subject_id).encode("utf-8"),
                body[at_type:-1],
                _TAIL,
            )
        )
        # The strings of the body, when they are plain (no escapes; what the application writes:
        # hex operator ids and salts, type names); the payload object is kept as bytes.
        operator = body[7 : at_payload - 1]
        salt = body[at_salt + 9 : at_type - 1]
        kind = _TYPES_BY_BYTES.get(body[at_type + 9 : -2])
        if (
            kind is not None
            and operator
            and salt
            and body[at_payload - 1] == 0x22
            and body[at_type - 1] == 0x22
            and _ESCAPES.search(operator) is None
            and _ESCAPES.search(salt) is None
            and hashlib.sha256(encoded).hexdigest() == event_id
        ):
            try:
                op_text, salt_text = operator.decode("utf-8"), salt.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                payload = StoredPayload(body[at_payload + 11 : at_salt])
                event = Event(
                    device_id,
                    seq,
                    hlc,
                    op_text,
                    kind,
                    subject_id,
                    payload,
                    prev,
                    salt_text,
                    event_id,
                )
                object.__setattr__(event, "verified_bytes", encoded)
                return event
    return from_body(
        device_id=device_id,
        seq=seq,
        hlc=hlc,
        subject_id=subject_id,
        prev=prev,
        event_id=event_id,
        body=json.loads(body),  # as the store has always opened them (its own sealed bytes)
    )


_TYPES_BY_BYTES: Final = {kind.value.encode("ascii"): kind for kind in EventType}
_ESCAPES: Final = re.compile(b'["\\\\]')  # a quote or a backslash: not a plain string
# A stored body that `from_stored`'s fast path takes: {"op":O,"payload":{...},"salt":S,"type":T}
# with O and S plain non-empty strings (no quote, no backslash), T an event type, the payload
# the first ',"payload":{' on, salt and type the last keys (a plain string cannot hold a quote,
# so these separators are the keys themselves).
_STORED_BODY: Final = re.compile(
    rb'\{"op":"([^"\\]+)","payload":\{.*,"salt":"([^"\\]+)","type":"(?:'
    + b"|".join(re.escape(kind.value.encode("ascii")) for kind in EventType)
    + rb')"\}',
    re.DOTALL,
)


class StoredPayload(Mapping[str, Any]):
    """An event's payload as the canonical JSON object it was verified in, parsed on first use
    (then the same dict that json.loads gives). Pickles as that dict."""

    __slots__ = ("_encoded", "_value")

    def __init__(self, encoded: bytes) -> None:
        self._encoded = encoded
        self._value: dict[str, Any] | None = None

    def _opened(self) -> dict[str, Any]:
        if self._value is None:
            value = json.loads(self._encoded)
            if not isinstance(value, dict):
                raise IntegrityError("events.malformed")
            self._value = value
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._opened()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._opened())

    def __len__(self) -> int:
        return len(self._opened())

    def __eq__(self, other: object) -> bool:
        return self._opened() == (other._opened() if isinstance(other, StoredPayload) else other)

    __hash__ = None  # type: ignore[assignment]  # like a dict

    def __repr__(self) -> str:
        return repr(self._opened())

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self._opened(),))


def stored_bytes(  # noqa: PLR0917 - positional: it runs for every event an export reads
    device: bytes, seq: bytes, hlc: bytes, subject: bytes, prev: bytes, event_id: str, body: bytes
) -> bytes | None:
    """The verified canonical bytes that `from_stored` gives an event through its fast path
    (all an export needs), without making the event: `device`, `subject` and `prev` are the
    column strings as JSON (`encode_basestring`, UTF-8), `seq` and `hlc` the column integers in
    decimal. None where `from_stored` would take its strict path (then call it: it decides, the
    same event or the same error). The fast path's conditions on the body are one pattern
    (`_STORED_BODY`: one C call instead of a dozen per event; test_fast_paths checks that it
    agrees with `from_stored`)."""
    body_parts = _STORED_BODY.fullmatch(body)
    if body_parts is None:
        return None
    at_salt, at_type = body_parts.span(2)  # the salt's text: its key before, the type's after
    at_salt -= 9  # ',"salt":"'
    at_type += 1  # ',"type":"'
    encoded = b"".join(
        (
            b'{"device":',
            device,
            b',"hlc":',
            hlc,
            b",",
            body[1:at_salt],
            b',"prev":',
            prev,
            body[at_salt:at_type],
            b',"seq":',
            seq,
            b',"subject":',
            subject,
            body[at_type:-1],
            _TAIL,
        )
    )
    if hashlib.sha256(encoded).hexdigest() != event_id:
        return None
    try:
        body_parts[1].decode("utf-8")  # the operator
        body_parts[2].decode("utf-8")  # the salt
    except UnicodeDecodeError:
        return None
    return encoded
