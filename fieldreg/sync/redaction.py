"""Redacted events in bundles (docs/bundle-format.md, "Redacted events").

A laptop that dropped a person's values (a roster's tombstone, or retention) keeps each of their
events as a row without its body. It can still export its log: such an event travels as

    [seq, hlc, subject, prev, id, "redacted"]

the plain columns as stored and the marker instead of the body. Its id cannot be checked (the
bytes it hashes are gone), so the coordinator takes one only where it changes nothing personal:
it already holds that event id, or the subject is erased in its store or by an `Erased` event in
the same bundle. The chain is still checked: the next event's `prev` names the redacted id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from fieldreg.core import canonical, ids
from fieldreg.core.errors import FieldregError

MARKER: Final = "redacted"
_HASH: Final = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Redacted:
    """An event of the payload that came without its body: only what the chain needs."""

    device_id: str
    seq: int
    hlc: int
    subject_id: str
    prev: str
    event_id: str


def redacted_row(seq: int, hlc: int, subject: str, prev: str, event_id: str) -> bytes:
    """A redacted event's row of the payload, encoded."""
    return canonical.dumps([seq, hlc, subject, prev, event_id, MARKER])


def is_redacted(row: object) -> bool:
    return isinstance(row, list) and len(row) == 6 and row[5] == MARKER


def parse_redacted(device: str, seq: int, row: list[object]) -> Redacted:
    """A redacted row (`is_redacted`) checked for form; the caller checks its position, the
    chain and the clock order. Raises FieldregError("bundle.event_invalid", seq=..., reason=...)."""
    _seq, hlc, subject, prev, event_id, _marker = row
    if type(hlc) is not int or not 0 <= hlc < 2**63:
        raise FieldregError("bundle.event_invalid", seq=seq, reason="clock")
    if not (isinstance(subject, str) and isinstance(prev, str) and isinstance(event_id, str)):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="shape")
    if not ids.is_canonical(subject):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="id")
    if not _HASH.fullmatch(event_id):
        raise FieldregError("bundle.event_invalid", seq=seq, reason="id")
    return Redacted(device, seq, hlc, subject, prev, event_id)
