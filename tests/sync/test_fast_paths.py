"""The byte-level fast paths of events and bundle payloads agree with the strict encodings."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core import canonical
from fieldreg.core import events as ev
from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.core.validation import clean_text
from fieldreg.store.sealed_json import encode_json, event_body_json
from fieldreg.sync import bundle_format, event_schema

# Text that looks like the separators the fast paths search for, quotes, escapes, non-ASCII.
_TRICKY = st.sampled_from(
    [
        *(',"prev":"', ',"salt":"', ',"type":"', ',"seq":', ',"op":', ',"hlc":', ',"v":1}'),
        *(',"subject":"', '"', "\\", "Коваленко", "\u2028", "\x00", "}", "]", "{[", ""),
    ]
)
_TEXT = st.one_of(st.text(max_size=6), _TRICKY, st.lists(_TRICKY, max_size=3).map("".join))
_LEAF = st.one_of(st.none(), st.booleans(), _TEXT, st.integers(-(2**63), 2**63 - 1))
_VALUE = st.recursive(
    _LEAF,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(_TEXT, children, max_size=3)
    ),
    max_leaves=12,
)
_PAYLOAD = st.dictionaries(st.one_of(_TEXT, st.sampled_from(["prev", "salt", "v"])), _VALUE)


def _deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def _events(draw: st.DrawFn, count: int = 1) -> list[ev.Event]:
    device = draw(st.one_of(_TEXT, st.just("ab" * 32)))
    result: list[ev.Event] = []
    prev = draw(st.one_of(st.just(""), _TEXT))
    for seq in range(1, count + 1):
        payload = draw(st.one_of(_PAYLOAD, st.integers(9, 13).map(lambda d: {"a": _deep(d)})))
        event = ev.make_event(
            device_id=device,
            seq=seq,
            hlc=draw(st.integers(0, 2**63 - 1)),
            operator_id=draw(_TEXT),
            type=draw(st.sampled_from(list(ev.EventType))),
            subject_id=draw(_TEXT),
            payload=payload,
            prev=prev,
            salt=draw(_TEXT),
        )
        if draw(st.booleans()):
            event = dataclasses.replace(event)  # the same event without its verified bytes
        result.append(event)
        prev = event.event_id
    return result


def _outcome(action: Any) -> Any:
    try:
        return ("ok", action())
    except FieldregError as exc:
        return ("error", exc.code, dict(exc.params))


@settings(max_examples=300)
@given(_events(count=3))
def test_build_payload_agrees_with_strict_encoding(events: list[ev.Event]) -> None:
    device = events[0].device_id
    fast = _outcome(lambda: bundle_format.build_payload(device, events))
    assert fast == _outcome(lambda: bundle_format.build_payload_strict(device, events))


@settings(max_examples=300)
@given(_events())
def test_body_bytes_are_the_canonical_body(events: list[ev.Event]) -> None:
    (event,) = events
    encoded = event.canonical_bytes()
    assert ev.body_bytes(encoded) == canonical.dumps(event.body())
    assert event_body_json(event) == canonical.dumps(event.body())
    assert json.loads(event_body_json(event)) == event.body()


_COLUMNS = ("device_id", "seq", "hlc", "subject_id", "prev", "event_id")


@settings(max_examples=400)
@given(_events(), st.data())
def test_from_stored_agrees_with_from_body(events: list[ev.Event], data: st.DataObject) -> None:
    """Same event or same error, whatever the columns and body (as sealed now, as sealed before
    bodies were canonical, damaged columns, another event's id)."""
    (event,) = events
    body = data.draw(
        st.sampled_from([event_body_json(event), encode_json(event.body())]), label="body"
    )
    columns: dict[str, Any] = {name: getattr(event, name) for name in _COLUMNS}
    columns["prev"] = event.prev
    if data.draw(st.booleans(), label="damage"):
        name = data.draw(st.sampled_from(_COLUMNS), label="column")
        if name in {"seq", "hlc"}:
            columns[name] = data.draw(st.integers(0, 2**63 - 1))
        else:
            columns[name] = data.draw(_TEXT)
    fast = _outcome(lambda: ev.from_stored(**columns, body=body))
    strict = _outcome(lambda: ev.from_body(**columns, body=json.loads(body)))
    assert fast == strict
    if fast[0] == "ok":
        assert fast[1].payload == event.payload
        assert fast[1].verified_bytes in {b"", event.canonical_bytes()}


@settings(max_examples=400)
@given(_events(), st.data())
def test_stored_row_agrees_with_from_stored(events: list[ev.Event], data: st.DataObject) -> None:
    """The export's row made from the columns and stored body is the row of the event that
    `from_stored` gives; where it is None, `from_stored` decides (an event or an error)."""
    (event,) = events
    body = data.draw(
        st.sampled_from([event_body_json(event), encode_json(event.body())]), label="body"
    )
    columns: dict[str, Any] = {name: getattr(event, name) for name in _COLUMNS}
    if data.draw(st.booleans(), label="damage"):
        name = data.draw(st.sampled_from(_COLUMNS), label="column")
        if name in {"seq", "hlc"}:
            columns[name] = data.draw(st.integers(0, 2**63 - 1))
        else:
            columns[name] = data.draw(_TEXT)
    device = encode_basestring(columns["device_id"]).encode("utf-8")
    row = bundle_format.stored_row(
        device,
        columns["seq"],
        columns["hlc"],
        columns["subject_id"],
        columns["prev"],
        columns["event_id"],
        body,
    )
    strict = _outcome(lambda: bundle_format.event_row(ev.from_stored(**columns, body=body)))
    if row is not None:
        assert strict == ("ok", row)
        assert columns == {name: getattr(event, name) for name in _COLUMNS}  # undamaged
    elif body == event_body_json(event) and strict[0] == "ok":
        # The fast path may only be left for rows too deep for it or strings with escapes.
        encoded = event.canonical_bytes()
        assert (
            encoded.count(b"{") + encoded.count(b"[") > bundle_format._ROW_BRACKETS
            or any(encode_basestring(s) != f'"{s}"' for s in (event.operator_id, event.salt))
            or not event.operator_id
            or not event.salt
        )


def test_from_stored_checks_the_id_of_a_valid_event() -> None:
    event = ev.make_event(
        device_id="ab" * 32,
        seq=1,
        hlc=5,
        operator_id="0f",
        type=ev.EventType.NOTE_ADDED,
        subject_id="K7-0042-X",
        payload={"text": "a note"},
        prev="",
        salt="cd" * 8,
    )
    body = event_body_json(event)
    columns: dict[str, Any] = {name: getattr(event, name) for name in _COLUMNS}
    opened = ev.from_stored(**columns, body=body)
    assert opened == event
    assert opened.verified_bytes == event.canonical_bytes()
    assert isinstance(opened.payload, ev.StoredPayload)  # parsed only when read:
    assert dict(opened.payload) == {"text": "a note"}
    assert opened.payload.get("text") == "a note"
    assert len(opened.payload) == 1
    assert list(opened.payload) == ["text"]
    assert opened.canonical_bytes() == event.canonical_bytes()
    assert event_body_json(opened) == body
    import pickle

    copy = pickle.loads(pickle.dumps(opened))  # noqa: S301 - our own bytes
    assert copy == event
    assert type(copy.payload) is dict
    with pytest.raises(FieldregError) as raised:
        ev.from_stored(**{**columns, "seq": 2}, body=body)
    assert raised.value.code == "events.bad_id"


def test_pickled_events_leave_their_bytes_behind() -> None:
    import pickle

    event = ev.make_event(
        device_id="d",
        seq=1,
        hlc=1,
        operator_id="0f",
        type=ev.EventType.NOTE_ADDED,
        subject_id="s",
        payload={"text": "t"},
        prev="",
        salt="00" * 8,
    )
    assert event.verified_bytes
    copy = pickle.loads(pickle.dumps(event))  # noqa: S301 - our own bytes
    assert copy == event
    assert copy.verified_bytes == b""


# --- the event schema's fast checks of names and notes ------------------------------------------

_SCHEMA_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \n\r\t'\u2019\u02bc-\u2010.\u00a0\u0301\u0483\u200b\u202eÀ×ÿǅ")),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
        st.characters(),
    ),
    max_size=12,
)


@settings(max_examples=600)
@given(_SCHEMA_TEXT)
def test_name_check_agrees_with_the_per_character_check(value: str) -> None:
    assert event_schema._name_like("\u02bc")  # a letter, though names use it as an apostrophe
    assert event_schema._name_like(value) == event_schema._name_like_slow(value)


def _strict_text(value: str, max_len: int) -> bool:
    try:
        cleaned = clean_text("note", value, max_len=max_len, multiline=True, required=True)
    except ValidationError:
        return False
    return cleaned == value


@settings(max_examples=600)
@given(_SCHEMA_TEXT, st.integers(1, 12))
def test_note_check_agrees_with_clean_text(value: str, max_len: int) -> None:
    if event_schema._plain_lines(value, max_len):
        assert _strict_text(value, max_len)
    try:
        event_schema._text(value, "note", max_len, multiline=True)
        accepted = True
    except event_schema._Invalid:
        accepted = False
    assert accepted == _strict_text(value, max_len)


def _encoded_columns(columns: dict[str, Any]) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    return (
        encode_basestring(columns["device_id"]).encode("utf-8"),
        str(columns["seq"]).encode("ascii"),
        str(columns["hlc"]).encode("ascii"),
        encode_basestring(columns["subject_id"]).encode("utf-8"),
        encode_basestring(columns["prev"]).encode("utf-8"),
    )


def _id_the_fast_path_hashes(columns: dict[str, Any], body: bytes) -> str:
    """The id that the bytes `stored_bytes` would put together hash to (if it found its keys),
    so that a damaged body meets every other condition with its id matching."""
    device, seq, hlc, subject, prev = _encoded_columns(columns)
    at_type = body.rfind(b',"type":"')
    at_salt = body.rfind(b',"salt":"', 0, at_type)
    encoded = b"".join(
        (
            *(b'{"device":', device, b',"hlc":', hlc, b",", body[1:at_salt], b',"prev":', prev),
            *(body[at_salt:at_type], b',"seq":', seq, b',"subject":', subject, body[at_type:-1]),
            b',"v":1}',
        )
    )
    return hashlib.sha256(encoded).hexdigest()


@settings(max_examples=400)
@given(_events(), st.data())
def test_stored_bytes_takes_the_bodies_from_stored_takes_fast(
    events: list[ev.Event], data: st.DataObject
) -> None:
    """`stored_bytes` tests the fast path's conditions on the body as one pattern: for any body,
    also one with a byte replaced (a quote, a backslash, bytes that are not UTF-8, a bracket) and
    an id that matches what the fast path hashes, it gives bytes exactly where `from_stored`
    takes its fast path (the payload left unparsed), and they are the event's verified bytes."""
    (event,) = events
    body = data.draw(
        st.sampled_from([event_body_json(event), encode_json(event.body())]), label="body"
    )
    if data.draw(st.booleans(), label="damage"):
        # anywhere, or inside the operator or the salt (where the fast path needs plain UTF-8)
        low, high = data.draw(
            st.sampled_from(
                [
                    (0, len(body) - 1),
                    (7, max(7, body.find(b'","payload":{'))),
                    (body.rfind(b',"salt":"') + 9, max(0, body.rfind(b'","type":"'))),
                ]
            ),
            label="where",
        )
        low = min(low, len(body) - 1)
        at = data.draw(st.integers(low, max(low, min(high, len(body) - 1))), label="at")
        byte = data.draw(st.sampled_from([b'"', b"\\", b"\xff", b"\xd0", b",", b"{", b"}", b"a"]))
        body = body[:at] + byte + body[at + 1 :]
    columns: dict[str, Any] = {name: getattr(event, name) for name in _COLUMNS}
    columns["event_id"] = data.draw(
        st.sampled_from([event.event_id, _id_the_fast_path_hashes(columns, body)]), label="id"
    )
    device, seq, hlc, subject, prev = _encoded_columns(columns)
    encoded = ev.stored_bytes(device, seq, hlc, subject, prev, columns["event_id"], body)
    try:
        opened = ev.from_stored(**columns, body=body)
    except (FieldregError, ValueError):  # the strict path refused it (damage)
        assert encoded is None
        return
    took_fast_path = isinstance(opened.payload, ev.StoredPayload)
    assert (encoded is not None) == took_fast_path
    if encoded is not None:
        assert encoded == opened.verified_bytes
