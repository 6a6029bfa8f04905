"""Unambiguous encodings shared by sealing and the slot file: one value, one spelling."""

from __future__ import annotations

import base64
import binascii
import json
import struct
from typing import Any, NoReturn


def length_prefixed(*parts: bytes) -> bytes:
    """Each part behind its 4-byte length, so no two different tuples encode the same."""
    return b"".join(struct.pack(">I", len(part)) + part for part in parts)


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64url(data: bytes) -> str:
    """Unpadded base64url, as tokens carry keys and signatures."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def strict_b64decode(untrusted: object, max_bytes: int) -> bytes | None:
    """Canonical standard base64 of at most max_bytes bytes, else None."""
    if not isinstance(untrusted, str) or len(untrusted) > 4 * ((max_bytes + 2) // 3):
        return None
    try:
        decoded = base64.b64decode(untrusted.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    # Refuse non-canonical padding bits so a file cannot carry two spellings of one value.
    if b64encode(decoded) != untrusted:
        return None
    return decoded


def canonical_json(value: object) -> bytes:
    """Compact, sorted, UTF-8 JSON; refuses NaN and Infinity (ValueError)."""
    text = json.dumps(
        value,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    return text.encode("utf-8")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"non-finite number {name}")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def strict_json_loads(untrusted: bytes) -> Any:
    """Parse UTF-8 JSON, refusing NaN, Infinity and duplicate keys.

    Raises ValueError (bad UTF-8 or JSON) or RecursionError (absurd nesting).
    """
    return json.loads(
        untrusted.decode("utf-8"),
        parse_constant=_reject_constant,
        object_pairs_hook=_no_duplicate_keys,
    )
