"""A person's meta (the fold state the store seals) is written as the same bytes as before it was
put together directly: the JSON encoding of `state_to_json`, which every existing store holds and
`state_from_json` reads back to the same person."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core.entities import FIELDS
from fieldreg.core.events import EventType
from fieldreg.core.fold import PersonState, apply, fold, state_from_json, state_json_bytes
from fieldreg.core.fold import state_to_json as document
from fieldreg.store.sealed_json import encode_json
from tests.core.test_fold import PERSON, event

NAMES = sorted(FIELDS)
# Values as they come in events from other devices: quotes, backslashes, control characters,
# Cyrillic, emoji; lists of them; None (a cleared field).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
VALUES = st.one_of(TEXT, st.lists(TEXT, max_size=3), st.none())


@st.composite
def states(draw: st.DrawFn) -> PersonState:
    """A person after random registrations, edits (some based on what came before), household
    links and removals, duplicate marks, bands and now and then an erasure."""
    state = PersonState(PERSON)
    for seq in range(1, draw(st.integers(1, 14)) + 1):
        device = draw(st.sampled_from(["a", "b", 'c"\\\u0451']))
        hlc = draw(st.integers(1, 2**62))
        kind = draw(
            st.sampled_from(
                [
                    EventType.PERSON_REGISTERED,
                    EventType.FIELDS_CHANGED,
                    EventType.MEMBER_LINKED,
                    EventType.MARKED_DUPLICATE,
                    EventType.BAND_ISSUED,
                    EventType.BAND_VOIDED,
                    EventType.ERASED,
                ]
            )
        )
        payload: dict[str, object]
        if kind in {EventType.PERSON_REGISTERED, EventType.FIELDS_CHANGED}:
            names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
            payload = {"fields": {n: draw(VALUES) for n in names}}
            if draw(st.booleans()):
                payload["base"] = state.base_for(names)
        elif kind is EventType.MEMBER_LINKED:
            payload = {
                "household_id": draw(st.sampled_from(["H1", "H2", "Дім"])),
                "relationship": draw(st.sampled_from(["child", "", "spouse"])),
                "removes": state.households.tags() if draw(st.booleans()) else [],
            }
        elif kind is EventType.MARKED_DUPLICATE:
            payload = {"duplicate_of": draw(st.sampled_from(["K7-0002-2", "K7-0003-0"]))}
        elif kind in {EventType.BAND_ISSUED, EventType.BAND_VOIDED}:
            payload = {"band_id": draw(st.sampled_from(["1", "2"]))}
        else:
            payload = {}
        apply(state, event(device, seq, hlc, kind, payload))
    return state


def _expected(state: PersonState) -> bytes:
    return encode_json(document(state))


@settings(max_examples=300, deadline=None)
@given(states())
def test_meta_bytes_are_the_encoded_document(state: PersonState) -> None:
    written = state_json_bytes(state)
    assert written == _expected(state)
    again = state_from_json(PERSON, json.loads(written))
    assert state_json_bytes(again) == written  # read back, the same person


def test_a_registration_is_written_as_before() -> None:
    registered = event(
        "a",
        1,
        100,
        EventType.PERSON_REGISTERED,
        {"fields": {"family_name": "Бойко", "phone": "+380501", "given_name": 'O"\\\n'}},
    )
    state = fold(PERSON, [registered])
    assert state_json_bytes(state) == _expected(state)


def test_an_erased_person_keeps_no_values_in_meta() -> None:
    registered = event(
        "a", 1, 100, EventType.PERSON_REGISTERED, {"fields": {"family_name": "Бойко"}}
    )
    erased = event("b", 1, 200, EventType.ERASED, {})
    state = fold(PERSON, [registered, erased])
    written = state_json_bytes(state)
    assert written == _expected(state)
    assert "Бойко".encode() not in written


def test_a_value_of_another_type_is_written_through_the_document() -> None:
    # Not what a device writes, but what an event may carry: the same bytes as ever.
    for odd in (3, True, {"nested": ["x"]}, ["x", 1]):
        registered = event(
            "a", 1, 100, EventType.PERSON_REGISTERED, {"fields": {"family_name": odd}}
        )
        state = fold(PERSON, [registered])
        assert state_json_bytes(state) == _expected(state), odd
