"""The coordinator's fast roster encoding (straight from the sealed state documents) writes the
same people text as the encoding through the fold's PersonState, for every kind of person."""

from __future__ import annotations

import json
import random

import pytest

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


def _state(rng: random.Random, number: int) -> PersonState:
    state = PersonState(f"P1-{number:05d}")
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
        element = f"P1-H{rng.randrange(100):03d}"
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
