"""The bundle file, its signed header and its payload (specified in docs/bundle-format.md).

    magic (8) | version (u16 BE) | 3 x (length u32 BE | bytes):
        1. signature:   minisign signature file of part 3; its trusted comment is the header
        2. certificate: the device certificate token (FRC1:...)
        3. payload:     age v1 ciphertext of the payload JSON, to the coordinator and escrow keys

Everything is parsed strictly and under limits: a length that overruns the file, bytes after the
last part or any unknown version end the parse with a typed error before anything is decrypted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any, Final

from fieldreg.core import canonical
from fieldreg.core.errors import FieldregError, IntegrityError
from fieldreg.core.events import Event, body_bytes, from_body, parts, stored_bytes
from fieldreg.sync import container, minisign, tokens
from fieldreg.sync.event_schema import check_event
from fieldreg.sync.redaction import Redacted, is_redacted, parse_redacted

MAGIC: Final = b"\x89FRB\r\n\x1a\n"
VERSION: Final = 1
HEADER_FORMAT: Final = "fieldreg-bundle"
SIGNATURE_COMMENT: Final = "fieldreg bundle signature"  # the untrusted comment, fixed
MAX_SIGNATURE_BYTES: Final = minisign.MAX_FILE_BYTES
MAX_CERTIFICATE_BYTES: Final = tokens.MAX_TOKEN_CHARS
MAX_PAYLOAD_BYTES: Final = 64 * 1024 * 1024
MAX_FILE_BYTES: Final = (
    len(MAGIC) + 2 + 12 + MAX_SIGNATURE_BYTES + MAX_CERTIFICATE_BYTES + MAX_PAYLOAD_BYTES
)
MAX_EVENTS: Final = 20_000
MAX_PLAINTEXT_BYTES: Final = MAX_PAYLOAD_BYTES
MAX_SEQ: Final = 2**62
_PARTS: Final = (
    ("signature", MAX_SIGNATURE_BYTES),
    ("certificate", MAX_CERTIFICATE_BYTES),
    ("payload", MAX_PAYLOAD_BYTES),
)
_HASH: Final = re.compile(r"[0-9a-f]{64}")
_NETWORK: Final = re.compile(r"[0-9a-f]{32}")
_HEADER_KEYS: Final = frozenset(
    {"format", "v", "network", "device", "epoch", "first", "last", "count", "prev", "head"}
    | {"payload", "created"}
)
ROSTER_KEY: Final = "roster"  # optional: absent in bundles of laptops that applied no roster
MAX_ROSTER_VERSION: Final = 2**53


@dataclass(frozen=True, slots=True)
class Container:
    signature: bytes
    certificate: bytes
    payload: bytes


def build_container(signature: str, certificate: str, payload: bytes) -> bytes:
    parts = (signature.encode("utf-8"), certificate.encode("ascii"), payload)
    return container.join_parts(MAGIC, VERSION, parts)


def parse_container(untrusted: bytes) -> Container:
    return Container(
        *container.split_parts(
            untrusted,
            kind="bundle",
            magic=MAGIC,
            version=VERSION,
            parts=_PARTS,
            max_bytes=MAX_FILE_BYTES,
            refuse=FieldregError,
        )
    )


@dataclass(frozen=True, slots=True)
class Header:
    """What the device signed about the bundle (minisign's trusted comment)."""

    network: str
    device: str
    epoch: int
    first: int
    last: int
    prev: str  # id of the event before `first` ("" when first is 1)
    head: str  # id of the event `last`
    payload: str  # SHA-256 of the payload JSON
    created: int  # milliseconds since 1970
    roster: int = 0  # the roster version the laptop had applied when it made the bundle

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def text(self) -> str:
        # `roster` is written only once a roster was applied, so a laptop that never got one
        # writes the same header as before it existed (and older coordinators still read it).
        extra = {ROSTER_KEY: self.roster} if self.roster else {}
        return canonical.dumps(
            {
                **extra,
                "format": HEADER_FORMAT,
                "v": VERSION,
                "network": self.network,
                "device": self.device,
                "epoch": self.epoch,
                "first": self.first,
                "last": self.last,
                "count": self.count,
                "prev": self.prev,
                "head": self.head,
                "payload": self.payload,
                "created": self.created,
            }
        ).decode("ascii")


def _int(raw: dict[str, Any], key: str, low: int, high: int) -> int:
    return container.header_int(raw, key, low, high, kind="bundle", refuse=FieldregError)


def _match(raw: dict[str, Any], key: str, pattern: re.Pattern[str]) -> str:
    return container.header_text(raw, key, pattern, kind="bundle", refuse=FieldregError)


def parse_header(untrusted: str) -> Header:
    try:
        raw = canonical.loads(untrusted.encode("utf-8"), max_bytes=minisign.MAX_COMMENT_BYTES)
    except FieldregError:
        raise FieldregError("bundle.header_invalid", key="json") from None
    if not isinstance(raw, dict) or canonical.dumps(raw).decode("utf-8") != untrusted:
        raise FieldregError("bundle.header_invalid", key="json")
    if raw.get("format") != HEADER_FORMAT:
        raise FieldregError("bundle.header_invalid", key="format")
    if raw.get("v") != VERSION:
        raise FieldregError("bundle.unknown_version", version=str(raw.get("v"))[:8])
    if set(raw) - {ROSTER_KEY} != _HEADER_KEYS:
        raise FieldregError("bundle.header_invalid", key="keys")
    roster = _int(raw, ROSTER_KEY, 0, MAX_ROSTER_VERSION) if ROSTER_KEY in raw else 0
    first = _int(raw, "first", 1, MAX_SEQ)
    last = _int(raw, "last", first, MAX_SEQ)
    count = _int(raw, "count", 1, 2**62)
    if count != last - first + 1:
        raise FieldregError("bundle.header_invalid", key="count")
    if count > MAX_EVENTS:
        raise FieldregError("bundle.too_many_events", max=MAX_EVENTS)
    prev = raw.get("prev")
    if not (prev == "" and first == 1) and not (
        first > 1 and isinstance(prev, str) and _HASH.fullmatch(prev)
    ):
        raise FieldregError("bundle.header_invalid", key="prev")
    return Header(
        network=_match(raw, "network", _NETWORK),
        device=_match(raw, "device", _HASH),
        epoch=_int(raw, "epoch", 1, 2**31),
        first=first,
        last=last,
        prev=str(prev),
        head=_match(raw, "head", _HASH),
        payload=_match(raw, "payload", _HASH),
        created=_int(raw, "created", 0, 2**62),
        roster=roster,
    )


# --- payload ----------------------------------------------------------------------------------


def build_payload(device: str, events: list[Event]) -> bytes:
    """The events in sequence order, each as [seq, hlc, subject, prev, id, body]: the bytes of
    `build_payload_strict`, with each row cut out of the event's canonical bytes (see
    `fieldreg.core.events.parts`) instead of encoding every event once more."""
    return assemble_payload(device, events[0].seq, [event_row(event) for event in events])


def assemble_payload(device: str, first: int, rows: list[bytes]) -> bytes:
    """The payload around rows already encoded (by `event_row` or `stored_row`)."""
    head = canonical.dumps({"v": VERSION, "device": device, "first": first, "events": []})
    before, _, after = head.partition(b'"events":[]')
    return b"".join((before, b'"events":[', b",".join(rows), b"]", after))


def stored_row(  # noqa: PLR0917 - positional: it runs for every event an export reads
    device: bytes, seq: int, hlc: int, subject: str, prev: str, event_id: str, body: bytes
) -> bytes | None:
    """`event_row(events.from_stored(...))` of one stored event (`device`: the device id as JSON,
    `body`: the opened body) put together from the columns and the body as stored, once its id
    is checked over the bytes `fieldreg.core.events.stored_bytes` makes, without making the
    event; None where `from_stored` would take its strict path or `event_row` would encode the
    row strictly."""
    if not (
        type(seq) is int
        and type(hlc) is int
        and type(subject) is str
        and type(prev) is str
        and type(event_id) is str
    ):
        return None
    seq_text = str(seq).encode("ascii")
    hlc_text = str(hlc).encode("ascii")
    subject_json = encode_basestring(subject).encode("utf-8")
    prev_json = encode_basestring(prev).encode("utf-8")
    encoded = stored_bytes(device, seq_text, hlc_text, subject_json, prev_json, event_id, body)
    # `event_row`'s two bracket counts ({ and [) in one pass.
    if encoded is None or len(encoded) - len(encoded.translate(None, b"{[")) > _ROW_BRACKETS:
        return None
    return b"".join(
        (
            b"[",
            seq_text,
            b",",
            hlc_text,
            b",",
            subject_json,
            b",",
            prev_json,
            b",",
            encode_basestring(event_id).encode("utf-8"),
            b",",
            body,
            b"]",
        )
    )


# Rows nest three levels deeper in the payload than values do in an event's own bytes: an event
# with no more brackets than this cannot be too deep for the payload (a count, not a parse; an
# event with more goes through the strict encoding, which decides).
_ROW_BRACKETS: Final = canonical.MAX_DEPTH - 3


def event_row(event: Event) -> bytes:
    """One event's row of the payload, [seq, hlc, subject, prev, id, body], encoded."""
    encoded = event.verified_bytes or event.canonical_bytes()
    if encoded.count(b"{") + encoded.count(b"[") > _ROW_BRACKETS or type(event.event_id) is not str:
        return canonical.dumps(
            [event.seq, event.hlc, event.subject_id, event.prev, event.event_id, _body(event)],
            depth=2,
        )
    at = parts(encoded)
    return b"".join(
        (
            b"[",
            encoded[at.seq + 7 : at.subject],
            b",",
            encoded[at.hlc + 7 : at.op],
            b",",
            encoded[at.subject + 11 : at.type],
            b",",
            encoded[at.prev + 8 : at.salt],
            b",",
            encode_basestring(event.event_id).encode("utf-8"),
            b",",
            body_bytes(encoded, at),
            b"]",
        )
    )


def build_payload_strict(device: str, events: list[Event]) -> bytes:
    """The payload encoded as one value (what `build_payload` must equal; kept for the tests)."""
    return canonical.dumps(
        {
            "v": VERSION,
            "device": device,
            "first": events[0].seq,
            "events": [[e.seq, e.hlc, e.subject_id, e.prev, e.event_id, _body(e)] for e in events],
        }
    )


def _body(event: Event) -> dict[str, Any]:
    """`event.body()` without copying a payload that is a dict already (only encoded here)."""
    payload = event.payload
    return {
        "op": event.operator_id,
        "type": event.type._value_,
        "payload": payload if type(payload) is dict else dict(payload),
        "salt": event.salt,
    }


def parse_payload(
    untrusted: bytes, header: Header, redacted: list[Redacted] | None = None
) -> list[Event]:
    """The events of a decrypted payload, each checked (schema, id) and chained to the header.
    Redacted events (sync/redaction.py) go to `redacted` when it is given (then left out of the
    result), else they are refused (`bundle.event_invalid`, reason `redacted`)."""
    value = canonical.loads(untrusted, max_bytes=MAX_PLAINTEXT_BYTES)
    if not isinstance(value, dict) or set(value) != {"v", "device", "first", "events"}:
        raise FieldregError("bundle.payload_invalid", reason="keys")
    if value["v"] != VERSION:
        raise FieldregError("bundle.unknown_version", version=str(value["v"])[:8])
    if value["device"] != header.device or value["first"] != header.first:
        raise FieldregError("bundle.payload_mismatch")
    rows = value["events"]
    if not isinstance(rows, list):
        raise FieldregError("bundle.payload_invalid", reason="events")
    if len(rows) > MAX_EVENTS:
        raise FieldregError("bundle.too_many_events", max=MAX_EVENTS)
    if len(rows) != header.count:
        raise FieldregError("bundle.payload_mismatch")
    events: list[Event] = []
    prev, last_hlc = header.prev, -1
    known_ids: set[str] = set()
    for offset, row in enumerate(rows):
        seq = header.first + offset
        if is_redacted(row):
            assert isinstance(row, list)
            if redacted is None or row[0] != seq:
                reason = "seq" if redacted is not None else "redacted"
                raise FieldregError("bundle.event_invalid", seq=seq, reason=reason)
            hidden = parse_redacted(header.device, seq, row)
            if hidden.prev != prev:
                raise FieldregError("bundle.broken_chain", seq=seq)
            if hidden.hlc <= last_hlc:
                raise FieldregError("bundle.event_invalid", seq=seq, reason="clock")
            redacted.append(hidden)
            prev, last_hlc = hidden.event_id, hidden.hlc
            continue
        event = _event(row, header.device, seq)
        if event.prev != prev:
            raise FieldregError("bundle.broken_chain", seq=seq)
        if event.hlc <= last_hlc:
            raise FieldregError("bundle.event_invalid", seq=seq, reason="clock")
        check_event(event, known_ids)
        events.append(event)
        prev, last_hlc = event.event_id, event.hlc
    if prev != header.head:
        raise FieldregError("bundle.broken_chain", seq=header.last)
    return events


def _event(row: object, device: str, seq: int) -> Event:
    if not isinstance(row, list) or len(row) != 6:
        raise FieldregError("bundle.event_invalid", seq=seq, reason="shape")
    row_seq, hlc, subject, prev, event_id, body = row
    if row_seq != seq:
        raise FieldregError("bundle.event_invalid", seq=seq, reason="seq")
    if type(hlc) is not int or not 0 <= hlc < 2**63:
        raise FieldregError("bundle.event_invalid", seq=seq, reason="clock")
    if not (isinstance(subject, str) and isinstance(prev, str) and isinstance(event_id, str)):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="shape")
    if not isinstance(body, dict) or set(body) != {"op", "type", "payload", "salt"}:
        raise FieldregError("bundle.event_invalid", seq=seq, reason="body")
    if not all(isinstance(body[k], str) for k in ("op", "type", "salt")):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="body")
    if not isinstance(body["payload"], dict):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="payload")
    try:
        return from_body(
            device_id=device,
            seq=seq,
            hlc=hlc,
            subject_id=subject,
            prev=prev,
            event_id=event_id,
            body=body,
            checked=True,  # the whole payload came out of canonical.loads
        )
    except IntegrityError as exc:
        reason = "type" if exc.code == "events.malformed" else "id"
        raise FieldregError("bundle.event_invalid", seq=seq, reason=reason) from None
