"""Canonical JSON: the one byte encoding that event ids and signatures are computed over.

Sorted keys, no insignificant white space, UTF-8, integers only (no floats: they do not round
trip identically everywhere), and strict parsing that refuses NaN, duplicate keys and depth.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from fieldreg.core.errors import FieldregError

MAX_DEPTH: Final = 16


def _check(value: object, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise FieldregError("json.too_deep", max=MAX_DEPTH)
    if value is None or isinstance(value, (str, bool)):
        return
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise FieldregError("json.integer_range")
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check(item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise FieldregError("json.key_type")
            _check(item, depth + 1)
        return
    raise FieldregError("json.type", type=type(value).__name__)


_ENCODER: Final = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def dumps(value: object, *, checked: bool = False) -> bytes:
    """Encode `value` canonically; refuses anything that would not round trip exactly.
    `checked`: every part of `value` came out of `loads`, which checked it already."""
    if not checked:
        _check(value, 0)
    return _ENCODER.encode(value).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise FieldregError("json.duplicate_key")
    return result


def _refuse_constant(name: str) -> Any:
    raise FieldregError("json.constant", name=name)


def _refuse_float(text: str) -> Any:
    raise FieldregError("json.float")


def loads(untrusted: bytes, *, max_bytes: int = 16 * 1024 * 1024) -> Any:
    """Parse strictly: UTF-8, no NaN/Infinity, no floats, no duplicate keys, bounded size/depth."""
    if len(untrusted) > max_bytes:
        raise FieldregError("json.too_large", max=max_bytes)
    try:
        text = untrusted.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_refuse_float,
        )
    except UnicodeDecodeError as exc:
        raise FieldregError("json.encoding") from exc
    except RecursionError as exc:
        raise FieldregError("json.too_deep", max=MAX_DEPTH) from exc
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise FieldregError("json.syntax") from exc
    _check(value, 0)
    if _SURROGATE_ESCAPE.search(text) is not None:
        # UTF-8 cannot carry a surrogate, but a \uD800-style escape can: unpaired, it would
        # break every later encoding of the value. Checked only when such an escape is there.
        try:
            _ENCODER.encode(value).encode("utf-8")
        except UnicodeEncodeError:
            raise FieldregError("json.surrogate") from None
    return value


_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
