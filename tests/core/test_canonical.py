"""Canonical JSON: the fast checks agree with the strict, slow ones."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core import canonical
from fieldreg.core.errors import FieldregError


class _Colour(StrEnum):
    RED = "red"


def _verdict(check: Any, value: object) -> tuple[str, dict[str, object]] | None:
    try:
        check(value, 0)
    except FieldregError as exc:
        return exc.code, dict(exc.params)
    return None


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.integers(min_value=-(2**63) - 2, max_value=2**63 + 2),
    st.integers(),
    st.floats(allow_nan=False),
    st.just(_Colour.RED),
    st.just(b"bytes"),
    st.just(object()),
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.text(max_size=3), children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=2), st.integers(0, 3)), children, max_size=3),
    )


_VALUES = st.recursive(_SCALARS, _containers, max_leaves=30)


def _nested(value: object, depth: int, wrap: str) -> object:
    for _ in range(depth):
        value = [value] if wrap == "list" else {"k": value}
    return value


@settings(max_examples=600)
@given(_VALUES)
def test_fast_check_agrees_with_strict_check(value: object) -> None:
    """Same verdict, same first error (code and parameters), for any value at all."""
    assert _verdict(canonical._fast_check, value) == _verdict(canonical._check, value)


@given(
    _VALUES, st.integers(min_value=12, max_value=18), st.sampled_from(["list", "dict"]), st.data()
)
def test_fast_check_agrees_near_the_depth_limit(
    leaf: object, depth: int, wrap: str, data: st.DataObject
) -> None:
    value = _nested(leaf, depth, wrap)
    if data.draw(st.booleans()):
        value = [data.draw(_SCALARS), value, data.draw(_SCALARS)]
    assert _verdict(canonical._fast_check, value) == _verdict(canonical._check, value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({"a": [1, 2, 2**63]}, "json.integer_range"),
        ({"a": 1.5}, "json.type"),
        ({1: "a"}, "json.key_type"),
        (_nested("x", 17, "list"), "json.too_deep"),
        (_nested({}, 17, "dict"), "json.too_deep"),
    ],
)
def test_dumps_refuses(value: object, code: str) -> None:
    with pytest.raises(FieldregError) as raised:
        canonical.dumps(value)
    assert raised.value.code == code


def test_dumps_accepts_the_limits() -> None:
    assert canonical.dumps(_nested([], 16, "list")) == b"[" * 17 + b"]" * 17
    assert canonical.dumps({"b": [-(2**63), 2**63 - 1], "a": None}) == (
        b'{"a":null,"b":[-9223372036854775808,9223372036854775807]}'
    )


@given(_VALUES)
def test_encoding_built_once_is_the_encoders(value: object) -> None:
    if _verdict(canonical._check, value) is None:
        assert canonical._encode(value) == canonical._ENCODER.encode(value)
