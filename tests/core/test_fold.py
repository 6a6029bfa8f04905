"""The fold gives the same person whatever order the events arrive in, and keeps concurrent
writes as a conflict instead of silently dropping one."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply, fold, state_from_json, state_to_json

PERSON = "K7-0001-4"


def event(device: str, seq: int, hlc: int, kind: EventType, payload: dict[str, object]) -> Event:
    return make_event(
        device_id=device,
        seq=seq,
        hlc=hlc,
        operator_id="op",
        type=kind,
        subject_id=PERSON,
        payload=payload,
        prev="",
        salt=f"{device}{seq}",
    )


REGISTERED = event(
    "a",
    1,
    100,
    EventType.PERSON_REGISTERED,
    {"fields": {"family_name": "Бойко", "phone": "+380501"}},
)


def test_sequential_edit_wins_without_conflict() -> None:
    edit = event(
        "a",
        2,
        200,
        EventType.FIELDS_CHANGED,
        {"fields": {"phone": "+380502"}, "base": {"phone": [REGISTERED.event_id]}},
    )
    state = fold(PERSON, [REGISTERED, edit])
    assert state.values()["phone"] == "+380502"
    assert state.conflicts() == {}


def test_concurrent_edits_conflict_and_latest_wins_everywhere() -> None:
    base = {"phone": [REGISTERED.event_id]}
    a = event("a", 2, 300, EventType.FIELDS_CHANGED, {"fields": {"phone": "+380503"}, "base": base})
    b = event("b", 1, 250, EventType.FIELDS_CHANGED, {"fields": {"phone": "+380504"}, "base": base})
    one = fold(PERSON, [REGISTERED, a, b])
    two = fold(PERSON, [b, a, REGISTERED])
    assert one.values() == two.values()
    assert one.values()["phone"] == "+380503"
    assert set(one.conflicts()) == {"phone"}
    resolve = event(
        "c",
        1,
        400,
        EventType.FIELDS_CHANGED,
        {"fields": {"phone": "+380504"}, "base": {"phone": sorted([a.event_id, b.event_id])}},
    )
    resolved = fold(PERSON, [resolve, a, REGISTERED, b])
    assert resolved.values()["phone"] == "+380504"
    assert resolved.conflicts() == {}


def test_unlink_removes_only_the_links_it_saw() -> None:
    link1 = event(
        "a",
        2,
        200,
        EventType.MEMBER_LINKED,
        {"household_id": "H1", "relationship": "child", "removes": []},
    )
    unlink = event("a", 3, 300, EventType.MEMBER_UNLINKED, {"removes": [link1.event_id]})
    link2 = event(
        "b",
        1,
        250,
        EventType.MEMBER_LINKED,
        {"household_id": "H2", "relationship": "spouse", "removes": []},
    )
    for order in ([REGISTERED, link1, unlink, link2], [link2, unlink, REGISTERED, link1]):
        values = fold(PERSON, order).values()
        assert values["household_id"] == "H2"
        assert values["relationship"] == "spouse"


def test_erasure_wins() -> None:
    erased = event("b", 1, 50, EventType.ERASED, {})
    assert fold(PERSON, [REGISTERED, erased]).erased
    assert fold(PERSON, [erased, REGISTERED]).erased


def test_state_survives_serialisation() -> None:
    a = event("a", 2, 300, EventType.FIELDS_CHANGED, {"fields": {"phone": "+380503"}, "base": {}})
    state = fold(PERSON, [REGISTERED, a])
    again = state_from_json(PERSON, state_to_json(state))
    assert again.values() == state.values()
    assert state_to_json(again) == state_to_json(state)


FIELDS = ["family_name", "phone", "status"]


@st.composite
def histories(draw: st.DrawFn) -> list[Event]:
    """Random edits by three devices, each based on what its device had seen so far."""
    events = [REGISTERED]
    seen: dict[str, list[Event]] = {"a": [REGISTERED], "b": [], "c": []}
    for seq in range(draw(st.integers(1, 12))):
        device = draw(st.sampled_from(["a", "b", "c"]))
        if draw(st.booleans()):  # the device receives everything so far (a roster)
            seen[device] = list(events)
        state = fold(PERSON, seen[device])
        name = draw(st.sampled_from(FIELDS))
        value = draw(st.sampled_from(["x", "y", "z"]))
        ev = event(
            device,
            seq + 2,
            draw(st.integers(1, 500)),
            EventType.FIELDS_CHANGED,
            {"fields": {name: value}, "base": state.base_for([name])},
        )
        events.append(ev)
        seen[device].append(ev)
    return events


@settings(max_examples=150, deadline=None)
@given(histories(), st.randoms(use_true_random=False), st.integers(0, 3))
def test_any_order_any_repetition_same_state(
    events: list[Event], rng: random.Random, repeats: int
) -> None:
    reference = fold(PERSON, events)
    shuffled = list(events) + [rng.choice(events) for _ in range(repeats)]
    rng.shuffle(shuffled)
    other = PersonState(PERSON)
    for ev in shuffled:
        apply(other, ev)
    assert other.values() == reference.values()
    assert {k: sorted(w.event_id for w in v) for k, v in other.conflicts().items()} == {
        k: sorted(w.event_id for w in v) for k, v in reference.conflicts().items()
    }
