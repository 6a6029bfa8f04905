"""The outer shape bundles and rosters share: a magic, a container version, then length-prefixed
parts in a fixed order (docs/bundle-format.md, docs/roster-format.md). Only the framing lives
here; each format names its magic, parts and limits, and its errors carry its own codes
(`bundle.truncated`, `roster.truncated`, ...)."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fieldreg.core.errors import FieldregError

Refusal = Callable[..., FieldregError]  # (code, **params) -> the format's error


def join_parts(magic: bytes, version: int, parts: Sequence[bytes]) -> bytes:
    out = [magic, struct.pack(">H", version)]
    for part in parts:
        out.append(struct.pack(">I", len(part)))
        out.append(part)
    return b"".join(out)


def split_parts(
    untrusted: bytes,
    *,
    kind: str,
    magic: bytes,
    version: int,
    parts: Sequence[tuple[str, int]],
    max_bytes: int,
    refuse: Refusal,
) -> list[bytes]:
    """The parts of a container of `kind` ("bundle", "roster"), each within its limit; anything
    else raises `refuse("<kind>.<code>", ...)`: empty, too large, bad magic, truncated (a cut-off
    file, even inside the magic), unknown version, part too large, trailing data."""
    if not untrusted:
        raise refuse(f"{kind}.empty")
    if len(untrusted) > max_bytes:
        raise refuse(f"{kind}.too_large", max=max_bytes)
    if not untrusted.startswith(magic):
        # A prefix of the magic is a cut-off file; anything else is not one at all.
        raise refuse(f"{kind}.truncated" if magic.startswith(untrusted) else f"{kind}.bad_magic")
    position = len(magic)
    if len(untrusted) < position + 2:
        raise refuse(f"{kind}.truncated")
    (found,) = struct.unpack_from(">H", untrusted, position)
    if found != version:
        raise refuse(f"{kind}.unknown_version", version=found)
    position += 2
    taken: list[bytes] = []
    for name, limit in parts:
        if len(untrusted) < position + 4:
            raise refuse(f"{kind}.truncated")
        (length,) = struct.unpack_from(">I", untrusted, position)
        position += 4
        if length > limit:
            raise refuse(f"{kind}.part_too_large", part=name, max=limit)
        if length > len(untrusted) - position:
            raise refuse(f"{kind}.truncated")
        taken.append(untrusted[position : position + length])
        position += length
    if position != len(untrusted):
        raise refuse(f"{kind}.trailing_data")
    return taken


def header_int(
    raw: Mapping[str, Any], key: str, low: int, high: int, *, kind: str, refuse: Refusal
) -> int:
    """`raw[key]` if it is an integer (not a bool) from `low` to `high`; else
    `<kind>.header_invalid` naming the key."""
    value = raw.get(key)
    if type(value) is not int or not low <= value <= high:
        raise refuse(f"{kind}.header_invalid", key=key)
    return value


def header_text(
    raw: Mapping[str, Any], key: str, pattern: re.Pattern[str], *, kind: str, refuse: Refusal
) -> str:
    """`raw[key]` if it is a string `pattern` matches whole; else `<kind>.header_invalid`."""
    value = raw.get(key)
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise refuse(f"{kind}.header_invalid", key=key)
    return value
