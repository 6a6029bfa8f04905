"""The fold gives the same person whatever order the events arrive in, and keeps concurrent
writes as a conflict instead of silently dropping one."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import (
    AddWinsSet,
    PersonState,
    apply,
    fold,
    state_from_json,
    state_to_json,
)

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


def _rich_state() -> PersonState:
    """Every part of the state: a conflict, a superseded write, links with a removal,
    duplicate marks, bands (one voided), writes from two devices."""
    phone_b = event("b", 1, 300, EventType.FIELDS_CHANGED, {"fields": {"phone": "+380503"}})
    phone_a = event(
        "a",
        2,
        310,
        EventType.FIELDS_CHANGED,
        {"fields": {"phone": "+380504"}, "base": {"phone": [REGISTERED.event_id]}},
    )
    link = event(
        "a", 3, 320, EventType.MEMBER_LINKED, {"household_id": "H1", "relationship": "child"}
    )
    relink = event(
        "b",
        2,
        330,
        EventType.MEMBER_LINKED,
        {"household_id": "H2", "relationship": "spouse", "removes": [link.event_id]},
    )
    duplicate = event("a", 4, 340, EventType.MARKED_DUPLICATE, {"duplicate_of": "K7-0002-2"})
    band = event("a", 5, 350, EventType.BAND_ISSUED, {"band_id": "1"})
    second = event("a", 6, 360, EventType.BAND_ISSUED, {"band_id": "2"})
    void = event("a", 7, 370, EventType.BAND_VOIDED, {"band_id": "1", "reason": "reprint"})
    events = [REGISTERED, phone_b, phone_a, link, relink, duplicate, band, second, void]
    return fold(PERSON, events)


def test_state_survives_serialisation() -> None:
    state = _rich_state()
    assert state.conflicts()  # the two phone writes were concurrent
    again = state_from_json(PERSON, json.loads(json.dumps(state_to_json(state))))
    assert again == state
    assert again.values() == state.values()


def test_state_written_before_the_compact_form_still_reads() -> None:
    """Stores written by the first release hold version 1 (ids spelt out in every write)."""
    state = _rich_state()

    def key(value: tuple[int, str]) -> list[object]:
        return [value[0], value[1]]

    version_1 = {
        "registered": key(state.registered) if state.registered else None,
        "registered_by": state.registered_by,
        "updated": key(state.updated),
        "fields": {
            name: {
                "frontier": [[w.event_id, key(w.key), w.value] for w in fs.frontier],
                "superseded": sorted(fs.superseded),
            }
            for name, fs in state.fields.items()
        },
        "households": {
            "adds": {
                element: {tag: [key(k), extra] for tag, (k, extra) in tags.items()}
                for element, tags in state.households.adds.items()
            },
            "removed": sorted(state.households.removed),
        },
        "duplicate_of": {
            "adds": {
                element: {tag: [key(k), extra] for tag, (k, extra) in tags.items()}
                for element, tags in state.duplicate_of.adds.items()
            },
            "removed": [],
        },
        "bands": [[b.band_id, key(b.issued), b.voided] for b in state.bands.values()],
        "erased": False,
        "seen": sorted(state.seen),
    }
    assert state_from_json(PERSON, version_1) == state


def test_an_erased_state_keeps_no_values() -> None:
    erased = event("b", 9, 900, EventType.ERASED, {})
    state = _rich_state()
    apply(state, erased)
    text = json.dumps(state_to_json(state), ensure_ascii=False)
    for value in ("Бойко", "+380501", "+380503", "+380504", "child", "spouse"):
        assert value not in text
    again = state_from_json(PERSON, json.loads(text))
    assert again.erased
    assert again.seen == state.seen  # still idempotent for events that arrive later
    assert again.active_bands() == state.active_bands()
    assert again.duplicate_of.elements() == ["K7-0002-2"]


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


# The compact form as first written (closures per look-up): the inlined state_to_json must
# produce exactly the same document, ids and devices numbered in the same order.


def _reference_state_to_json(state: PersonState) -> dict[str, Any]:
    seen = sorted(state.seen)
    ids: dict[str, int] = dict(zip(seen, range(len(seen)), strict=True))
    devices: dict[str, int] = {}

    def ref(event_id: str) -> int:
        found = ids.get(event_id)
        if found is None:
            found = ids[event_id] = len(ids)
        return found

    def dev(device_id: str) -> int:
        found = devices.get(device_id)
        if found is None:
            found = devices[device_id] = len(devices)
        return found

    def set_to_json(value: AddWinsSet) -> dict[str, Any]:
        adds: dict[str, list[Any]] = {}
        for element, tags in value.adds.items():
            flat: list[Any] = []
            for tag, (key, extra) in tags.items():
                flat += (ref(tag), key[0], dev(key[1]), extra)
            adds[element] = flat
        return {"adds": adds, "removed": sorted(ref(tag) for tag in value.removed)}

    fields: dict[str, list[Any]] = {}
    superseded: dict[str, list[int]] = {}
    households = AddWinsSet() if state.erased else state.households
    if not state.erased:
        for name, fs in state.fields.items():
            flat: list[Any] = []
            for w in fs.frontier:
                flat += (ref(w.event_id), w.key[0], dev(w.key[1]), w.value)
            fields[name] = flat
            if fs.superseded:
                superseded[name] = sorted(ref(e) for e in fs.superseded)
    registered = state.registered
    raw: dict[str, Any] = {
        "v": 2,
        "seen": len(seen),
        "registered": [registered[0], dev(registered[1])] if registered else None,
        "registered_by": dev(state.registered_by),
        "updated": [state.updated[0], dev(state.updated[1])],
        "fields": fields,
        "superseded": superseded,
        "households": set_to_json(households),
        "duplicate_of": set_to_json(state.duplicate_of),
        "bands": [
            [b.band_id, b.issued[0], dev(b.issued[1]), b.voided] for b in state.bands.values()
        ],
        "erased": state.erased,
    }
    raw["ids"] = list(ids)
    raw["devices"] = list(devices)
    return raw


def test_compact_form_is_the_reference_form_for_a_rich_state() -> None:
    state = _rich_state()
    assert state_to_json(state) == _reference_state_to_json(state)
    state.erased = True
    assert state_to_json(state) == _reference_state_to_json(state)


@settings(max_examples=150, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_compact_form_is_the_reference_form(events: list[Event], rng: random.Random) -> None:
    state = PersonState(PERSON)
    shuffled = list(events)
    rng.shuffle(shuffled)
    for ev in shuffled:
        apply(state, ev)
    assert state_to_json(state) == _reference_state_to_json(state)
