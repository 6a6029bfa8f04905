"""Canonical JSON: the one byte encoding that event ids and signatures are computed over.

Sorted keys, no insignificant white space, UTF-8, integers only (no floats: they do not round
trip identically everywhere), and strict parsing that refuses NaN, duplicate keys and depth.
"""

from __future__ import annotations

import json
import re
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
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


# The types whose values need no look inside and no range check (exact types: a subclass, an
# int or a container goes through the loops below or, for anything unusual, through `_check`).
_LEAVES: Final = frozenset({str, bool, type(None)})
_PLAIN: Final = _LEAVES | {int, dict, list}
_STR: Final = frozenset({str})


def _fast_check(value: object, depth: int) -> None:
    """`_check`, with the same verdict and the same first error, but whole containers of plain
    leaves judged by their set of types (C-level `map(type, ...)`), not one call per value: it
    runs over every event of an export and every bundle an import parses. Anything but an exact
    dict, list, str, bool, None or int goes to `_check`, which raises what it always raised."""
    kind = type(value)
    if kind is dict:
        assert isinstance(value, dict)
        if depth > MAX_DEPTH or (value and set(map(type, value)) != _STR):
            _check(value, depth)
            return
        _fast_items(value.values(), depth, value)
    elif kind is list:
        assert isinstance(value, list)
        if depth > MAX_DEPTH:
            _check(value, depth)
            return
        _fast_items(value, depth, value)
    elif kind is int:
        assert isinstance(value, int)
        if not -(2**63) <= value < 2**63 or depth > MAX_DEPTH:
            _check(value, depth)
    elif kind not in _LEAVES or depth > MAX_DEPTH:
        _check(value, depth)


def _fast_items(items: Any, depth: int, container: object) -> None:
    """The items of a dict or list at `depth` (the container's), checked in order."""
    kinds = set(map(type, items))
    if kinds <= _LEAVES and depth < MAX_DEPTH:
        return
    if not kinds <= _PLAIN or depth >= MAX_DEPTH:
        _check(container, depth)  # float, tuple, a subclass, too deep: the strict path decides
        return
    for item in items:
        kind = type(item)
        if kind is dict or kind is list:
            _fast_check(item, depth + 1)
        elif kind is int and not -(2**63) <= item < 2**63:
            raise FieldregError("json.integer_range")


_ENCODER: Final = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
# The C encoder that `_ENCODER.encode` builds anew on every call, built once (an import encodes
# every event it receives): the same function, the same output. No circular-reference markers:
# what it encodes has passed `_fast_check` (bounded depth) or came out of `loads` (a tree).
_C_ENCODER: Final = (
    None
    if c_make_encoder is None
    else c_make_encoder(
        None, _ENCODER.default, encode_basestring, None, ":", ",", True, False, False
    )
)


def _encode(value: object) -> str:
    if _C_ENCODER is None:
        return _ENCODER.encode(value)
    return "".join(_C_ENCODER(value, 0))


def dumps(value: object, *, checked: bool = False, depth: int = 0) -> bytes:
    """Encode `value` canonically; refuses anything that would not round trip exactly.
    `checked`: every part of `value` came out of `loads`, which checked it already. `depth`:
    how deep `value` will sit in the document it is part of."""
    if not checked:
        _fast_check(value, depth)
    return _encode(value).encode("utf-8")


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
    _fast_check(value, 0)
    if _SURROGATE_ESCAPE.search(text) is not None:
        # UTF-8 cannot carry a surrogate, but a \uD800-style escape can: unpaired, it would
        # break every later encoding of the value. Checked only when such an escape is there.
        try:
            _ENCODER.encode(value).encode("utf-8")
        except UnicodeEncodeError:
            raise FieldregError("json.surrogate") from None
    return value


_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
