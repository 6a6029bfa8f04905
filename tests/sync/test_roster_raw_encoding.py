"""The coordinator's fast roster encoding (straight from the sealed state documents) writes the
same people text as the encoding through the fold's PersonState, for every kind of person."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from fieldreg.core import ids
from fieldreg.core.fold import (
    AddWinsSet,
    Band,
    FieldState,
    PersonState,
    Write,
    state_json_bytes,
)
from fieldreg.sync import roster_content as content

DEVICES = [f"{n:064x}" for n in range(1, 5)]
NAMES = ["family_name", "given_name", "dob", "needs", "status", "sex"]


def _event(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def _issuable_ids(count: int) -> list[str]:
    """The first `count` ids issuable under prefix P1, as format_id writes them."""
    found, counter = [], 0
    for _ in range(count):
        counter = ids.next_counter("P1", counter)
        found.append(ids.format_id("P1", counter))
    return found


IDS = _issuable_ids(1100)


def _id(number: int) -> str:
    return IDS[number - 1]


def _state(rng: random.Random, number: int) -> PersonState:
    state = PersonState(_id(number + 1))
    registration = _event(rng)
    born = (rng.randrange(1, 10**12), rng.choice(DEVICES))
    state.registered = born if rng.random() < 0.9 else None
    state.registered_by = born[1]
    for name in rng.sample([*NAMES, "needs_note", "relationship"], rng.randrange(0, 7)):
        writes = [Write(registration, born, "Бойко" if name != "dob" else "1984-03-12")]
        if rng.random() < 0.3:  # a concurrent write: two on the frontier
            writes.append(Write(_event(rng), (born[0] + 5, rng.choice(DEVICES)), "~1990"))
        if name == "needs":
            writes = [Write(registration, born, ["wheelchair", "infant"])]
        state.fields[name] = FieldState(writes, {_event(rng)} if rng.random() < 0.2 else set())
    households = AddWinsSet()
    for _ in range(rng.randrange(0, 3)):
        element = _id(1000 + rng.randrange(20))
        for _ in range(rng.randrange(1, 3)):
            households.add(element, _event(rng), (born[0] + 1, rng.choice(DEVICES)), "child")
    state.households = households
    for _ in range(rng.randrange(0, 3)):
        band = f"B{rng.randrange(1000)}"
        state.bands[band] = Band(band, (born[0] + 2, rng.choice(DEVICES)), rng.random() < 0.5)
    state.erased = rng.random() < 0.1
    state.updated = (born[0] + 9, born[1])
    state.seen = {registration}
    return state


@pytest.mark.parametrize("seed", range(5))
def test_fast_encoding_writes_the_same_people_as_the_fold_path(seed: int) -> None:
    rng = random.Random(seed)
    states = [_state(rng, n) for n in range(300)]
    raw = [(s.person_id, json.loads(state_json_bytes(s))) for s in states]
    slow = content.encode_people(
        [content.person_from_state(s, NAMES) for s in states if not s.erased], NAMES
    )
    fast, tombstones, count = content.encode_raw_states(raw, NAMES)
    assert fast == slow
    assert tombstones == [s.person_id for s in states if s.erased]
    assert count == len(states) - len(tombstones)


def test_unsorted_states_are_refused() -> None:
    rng = random.Random(3)
    states = [_state(rng, n) for n in (2, 1)]
    raw = [(s.person_id, json.loads(state_json_bytes(s))) for s in states]
    with pytest.raises(ValueError, match="sorted"):
        content.encode_raw_states(raw, NAMES)


_JUNK: list[object] = [None, True, -1, 2**63, 0, 1, "", "x" * 2001, "P1-0001-X", [], {}, [1], "a"]


def _leaves(value: object, path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    found = [path]
    if isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_leaves(item, (*path, i)))
    return found


def _replaced(value: object, path: tuple[int, ...], new: object) -> object:
    if not path:
        return new
    assert isinstance(value, list)
    copy = list(value)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], new)
    return copy


def _outcome(read: Callable[..., object], *args: object) -> object:
    """What `read(*args)` returns, or the (code, params) of the roster error it raises."""
    try:
        return read(*args)
    except content.FieldregError as refused:
        return (refused.code, refused.params)


@pytest.mark.parametrize("seed", range(3))
def test_the_fast_person_reading_accepts_nothing_the_strict_one_refuses(seed: int) -> None:
    rng = random.Random(seed)
    states = [_state(rng, n) for n in range(1, 40)]
    people = [content.person_from_state(s, NAMES) for s in states if not s.erased]
    encoded = content.encode_people(people, NAMES)
    rows = json.loads(encoded.data)
    names = list(NAMES)
    writers = encoded.writers

    def writer(value: object) -> str:
        if type(value) is not int or not 0 <= value < len(writers):
            raise content.FieldregError("roster.payload_invalid", reason="writer")
        return writers[value]

    for row in rows:  # every well-formed row: the same person either way
        fast = content._parse_person_fast(row, names, writer, writers)
        assert fast == content._parse_person_strict(row, names, writer)
    for _ in range(600):
        row = rng.choice(rows)
        broken = _replaced(row, rng.choice(_leaves(row)), rng.choice(_JUNK))
        strict = _outcome(content._parse_person_strict, broken, names, writer)
        fast = _outcome(content._parse_person_fast, broken, names, writer, writers)
        if isinstance(strict, tuple):  # refused: the fast path declines or refuses alike
            assert strict[0] == "roster.payload_invalid"
            assert fast is None or fast == strict, broken
        else:
            assert fast is None or fast == strict
