"""Strict checks of events that arrive from another device, before they touch the store.

A bundle comes from an enrolled device, but a device can be lost, buggy or in the wrong hands: every
event must have a known type, exactly the payload keys that type has, and values each field could
have been given by the application (`FIELDS`). The checks are the forms validation produces
(trimmed NFC text without controls or bidi overrides, choices, sorted sets, canonical phone
numbers), so a value that is not canonical is refused rather than silently changed (that would
change the event's id). Dates of birth are checked for form only: whether one is "in the future"
depends on the day it is checked, and a bundle must not turn bad overnight.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Final

from fieldreg.core import ids
from fieldreg.core.entities import FIELDS, FieldSpec, Kind, Relationship
from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.core.events import Event, EventType
from fieldreg.core.validation import clean_text

NOTE_MAX: Final = 2000
BAND_MAX: Final = 40
REASON_MAX: Final = 200
MAX_REFERENCES: Final = 256  # event ids one event may name (base, removes)
HASH: Final = re.compile(r"[0-9a-f]{64}")
OPERATOR: Final = re.compile(r"[0-9a-f]{1,64}")
SALT: Final = re.compile(r"[0-9a-f]{16,64}")
DOB: Final = re.compile(r"~?([0-9]{4})|([0-9]{4})-([0-9]{2})-([0-9]{2})")
PHONE: Final = re.compile(r"\+?[0-9]{5,15}")
LANGUAGE: Final = re.compile(r"[a-z]{2,3}")
MAX_LIST: Final = 10
# Controls, bidi overrides, invisible separators, lone surrogates and non-characters: never
# produced by validation (notes keep their line breaks, "\n" only).
_BAD: Final = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ud800-\udfff\ufeff\ufff0-\uffff"
)
FORBIDDEN: Final = re.compile(f"[\n{_BAD}]| {{2}}")
FORBIDDEN_MULTILINE: Final = re.compile(f"[{_BAD}]")
NAME_PUNCTUATION: Final = frozenset(" '\u2019\u02bc-\u2010.")

# Letters of the Latin and Cyrillic blocks (chosen by the same category test as _name_like_slow)
# and the punctuation names may hold: a name made only of these needs no per-character look.
_NAME_CHARS: Final = NAME_PUNCTUATION | frozenset(
    char
    for low, high in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x400, 0x4FF))
    for char in map(chr, range(low, high + 1))
    if unicodedata.category(char).startswith("L")
)
# The punctuation that is not a letter (U+02BC, the modifier letter apostrophe, is one).
_NOT_LETTERS: Final = frozenset(c for c in NAME_PUNCTUATION if unicodedata.category(c)[0] != "L")

_FIELD_EVENTS: Final = {
    EventType.PERSON_REGISTERED: ({"fields"}, {"base"}),
    EventType.FIELDS_CHANGED: ({"fields"}, {"base"}),
    EventType.STATUS_CHANGED: ({"fields"}, {"base", "note"}),
    EventType.CONSENT_RECORDED: ({"fields"}, {"base"}),
}
# type -> (required payload keys, optional payload keys)
_OTHER_EVENTS: Final = {
    EventType.NOTE_ADDED: ({"text"}, set()),
    EventType.MEMBER_LINKED: ({"household_id", "relationship", "removes"}, set()),
    EventType.MEMBER_UNLINKED: ({"removes"}, set()),
    EventType.BAND_ISSUED: ({"band_id"}, set()),
    EventType.BAND_VOIDED: ({"band_id", "reason"}, set()),
    EventType.MARKED_DUPLICATE: ({"duplicate_of"}, set()),
    EventType.DUPLICATE_UNMARKED: ({"removes"}, set()),
    EventType.ERASED: (set(), {"reason"}),
    EventType.PURGED: (set(), {"reason"}),
    EventType.HOUSEHOLD_CREATED: (set(), set()),
}


class _Invalid(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_event(event: Event, known_ids: set[str] | None = None) -> None:
    """Raise FieldregError("bundle.event_invalid", seq=..., reason=...) if `event` is not one the
    application could have written. `known_ids` caches subject ids already found canonical."""
    try:
        if known_ids is None or event.subject_id not in known_ids:
            canonical_id(event.subject_id)
            if known_ids is not None:
                known_ids.add(event.subject_id)
        _check(event)
    except _Invalid as problem:
        raise FieldregError("bundle.event_invalid", seq=event.seq, reason=problem.reason) from None


def canonical_id(untrusted: object) -> str:
    if not isinstance(untrusted, str) or not ids.is_canonical(untrusted):
        raise _Invalid("id")
    return untrusted


def _check(event: Event) -> None:
    if not OPERATOR.fullmatch(event.operator_id) or not SALT.fullmatch(event.salt):
        raise _Invalid("body")
    payload = event.payload
    kind = event.type
    keys = _FIELD_EVENTS.get(kind) or _OTHER_EVENTS[kind]
    required, optional = keys
    if not required <= set(payload) <= required | optional:
        raise _Invalid("payload_keys")
    if kind in _FIELD_EVENTS:
        _check_fields(payload["fields"])
        if "base" in payload:
            _check_base(payload["base"])
        if "note" in payload:
            _text(payload["note"], "note", NOTE_MAX, multiline=True)
    elif kind is EventType.NOTE_ADDED:
        _text(payload["text"], "note", NOTE_MAX, multiline=True)
    elif kind is EventType.MEMBER_LINKED:
        canonical_id(payload["household_id"])
        relationship = payload["relationship"]
        if relationship is not None and relationship not in {r.value for r in Relationship}:
            raise _Invalid("relationship")
        _references(payload["removes"])
    elif kind in {EventType.MEMBER_UNLINKED, EventType.DUPLICATE_UNMARKED}:
        _references(payload["removes"])
    elif kind is EventType.BAND_ISSUED:
        _text(payload["band_id"], "band_id", BAND_MAX)
    elif kind is EventType.BAND_VOIDED:
        _text(payload["band_id"], "band_id", BAND_MAX)
        _text(payload["reason"], "reason", BAND_MAX)
    elif kind is EventType.MARKED_DUPLICATE:
        canonical_id(payload["duplicate_of"])
    elif kind in {EventType.ERASED, EventType.PURGED} and "reason" in payload:
        _text(payload["reason"], "reason", REASON_MAX)


def _text(value: object, field: str, max_len: int, *, multiline: bool = False) -> None:
    if multiline and _plain_lines(value, max_len):
        return  # what clean_text would have left exactly as it is (see _plain_lines)
    try:
        ok = (
            isinstance(value, str)
            and clean_text(field, value, max_len=max_len, multiline=multiline, required=True)
            == value
        )
    except ValidationError:
        ok = False
    if not ok:
        raise _Invalid(field)


# Printable ASCII, Latin-1 letters, Latin Extended-A/B, Cyrillic, the apostrophes and line
# breaks: no control, format, bidi, private-use, unassigned or non-space separator character.
_PLAIN_LINES: Final = re.compile("[\n\x20-\x7e\u00c0-\u024f\u0400-\u04ff\u02bc\u2019]*")


def _plain_lines(value: object, max_len: int) -> bool:
    """True only for multi-line text that clean_text returns unchanged: plain characters (each
    kept as it is), NFC, nothing to strip at either end, no line with trailing spaces. False
    says nothing: clean_text decides then (notes are checked for every imported note)."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= max_len
        and _PLAIN_LINES.fullmatch(value) is not None
        and value == value.strip()
        and " \n" not in value
        and unicodedata.is_normalized("NFC", value)
    )


def _references(value: object) -> None:
    if not isinstance(value, list) or len(value) > MAX_REFERENCES:
        raise _Invalid("references")
    for item in value:
        if not isinstance(item, str) or not HASH.fullmatch(item):
            raise _Invalid("references")


def _check_base(value: object) -> None:
    if not isinstance(value, dict) or len(value) > len(FIELDS):
        raise _Invalid("base")
    for name, references in value.items():
        if name not in FIELDS:
            raise _Invalid("base")
        _references(references)


def _check_fields(value: object) -> None:
    if not isinstance(value, dict) or not value:
        raise _Invalid("fields")
    for name, item in value.items():
        spec = FIELDS.get(name)
        if spec is None:
            raise _Invalid("field_unknown")
        if item is not None:
            _check_value(spec, item)


def _check_value(spec: FieldSpec, value: Any) -> None:
    """The forms validation produces, checked directly (this runs for every imported field)."""
    kind = spec.kind
    if kind in {Kind.CHOICES, Kind.LANGUAGES}:
        if not isinstance(value, list) or not value or len(value) > MAX_LIST:
            raise _Invalid(spec.name)
        if kind is Kind.CHOICES:
            ok = value == sorted(set(value)) and all(item in spec.choices for item in value)
        else:
            ok = len(set(value)) == len(value) and all(
                isinstance(item, str) and LANGUAGE.fullmatch(item) for item in value
            )
        if not ok:
            raise _Invalid(spec.name)
        return
    if not isinstance(value, str) or not value or len(value) > spec.max_len:
        raise _Invalid(spec.name)
    if kind is Kind.CHOICE:
        ok = value in spec.choices
    elif kind is Kind.DOB:
        ok = _plausible_dob(value)
    elif kind is Kind.PHONE:
        ok = PHONE.fullmatch(value) is not None
    else:
        forbidden = FORBIDDEN_MULTILINE if kind is Kind.NOTE else FORBIDDEN
        ok = (
            value == value.strip()
            and forbidden.search(value) is None
            and unicodedata.is_normalized("NFC", value)
        )
        if ok and kind is Kind.NAME:
            ok = _name_like(value)
    if not ok:
        raise _Invalid(spec.name)


def _name_like(value: str) -> bool:
    chars = set(value)
    if chars <= _NAME_CHARS:  # most names: one C-level set operation, not a loop in Python
        return not chars <= _NOT_LETTERS
    return _name_like_slow(value)


def _name_like_slow(value: str) -> bool:
    has_letter = False
    for char in value:
        category = unicodedata.category(char)
        if category.startswith("L"):
            has_letter = True
        elif not (category.startswith("M") or char in NAME_PUNCTUATION):
            return False
    return has_letter


def _plausible_dob(value: str) -> bool:
    match = DOB.fullmatch(value)
    if match is None:
        return False
    if match.group(1) is not None:
        return 1800 <= int(match.group(1)) <= 2200
    try:
        dt.date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return False
    return 1800 <= int(match.group(2)) <= 2200
