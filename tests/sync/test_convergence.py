"""Convergence: for random work on several devices (registrations, edits with each device's own
view as their base, notes, household links, duplicate marks, erasures, and devices learning each
other's events), importing the bundles in any order, with any bundle repeated, gives the same
people, the same conflicts and the same digest of the coordinator's state."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import PG_TOO, Device, Template, copy_store, open_store

from fieldreg.core.events import EventType
from fieldreg.services import sync_service as sync

KINDS = ("register", "edit", "status", "consent", "note", "link", "unlink", "mark", "unmark")
KINDS += ("learn", "learn", "erase")
NAMES = ("Бойко", "Коваль", "Шевченко", "Мельник")
PHONES = ("+380501111111", "+380502222222", "+380503333333")
STATUSES = ("waiting", "medical_referral", "reunited")

operation = st.tuples(
    st.integers(0, 2),  # device
    st.sampled_from(KINDS),
    st.integers(0, 50),  # which person / device
    st.integers(0, 50),  # which value
    st.integers(1, 3),  # clock tick: small, so devices' clocks collide and ties are broken
)

pytestmark = PG_TOO  # on SQLite and on a real PostgreSQL server


def _people(device: Device) -> list[str]:
    return sorted(device.states)


def _apply(devices: list[Device], op: tuple[int, str, int, int, int]) -> None:
    index, kind, target, value, tick = op
    device = devices[index]
    known = _people(device)
    if kind == "learn":
        other = devices[target % len(devices)]
        if other is not device:
            device.learn(other.events)
        return
    if kind == "register" or not known:
        person = device.new_id()
        fields = {"family_name": NAMES[value % len(NAMES)], "given_name": "Олена"}
        device.event(EventType.PERSON_REGISTERED, person, {"fields": fields}, tick=tick)
        return
    person = known[target % len(known)]
    state = device.states[person]
    if kind == "edit":
        fields = {"phone": PHONES[value % len(PHONES)]}
        device.event(
            EventType.FIELDS_CHANGED,
            person,
            {"fields": fields, "base": state.base_for(["phone"])},
            tick=tick,
        )
    elif kind == "status":
        fields = {"status": STATUSES[value % len(STATUSES)]}
        payload = {"fields": fields, "base": state.base_for(["status"])}
        device.event(EventType.STATUS_CHANGED, person, payload, tick=tick)
    elif kind == "consent":
        fields = {"consent_data": ("yes", "no")[value % 2]}
        payload = {"fields": fields, "base": state.base_for(["consent_data"])}
        device.event(EventType.CONSENT_RECORDED, person, payload, tick=tick)
    elif kind == "note":
        device.event(EventType.NOTE_ADDED, person, {"text": f"Примітка {value}"}, tick=tick)
    elif kind == "link":
        household = device.new_id()
        device.event(EventType.HOUSEHOLD_CREATED, household, {}, tick=tick)
        payload = {"household_id": household, "relationship": "child"}
        payload["removes"] = state.households.tags()
        device.event(EventType.MEMBER_LINKED, person, payload, tick=tick)
    elif kind == "unlink":
        payload = {"removes": state.households.tags()}
        device.event(EventType.MEMBER_UNLINKED, person, payload, tick=tick)
    elif kind == "mark":
        other = known[value % len(known)]
        if other != person:
            payload = {"duplicate_of": other}
            device.event(EventType.MARKED_DUPLICATE, person, payload, tick=tick)
    elif kind == "unmark":
        payload = {"removes": state.duplicate_of.tags()}
        device.event(EventType.DUPLICATE_UNMARKED, person, payload, tick=tick)
    elif kind == "erase" and value % 4 == 0:
        device.event(EventType.ERASED, person, {}, tick=tick)


@st.composite
def scenario(draw: st.DrawFn) -> tuple[list[tuple[int, str, int, int, int]], list[int], int]:
    ops = draw(st.lists(operation, min_size=8, max_size=40))
    cuts = draw(st.lists(st.integers(1, 10), min_size=1, max_size=8))
    seed = draw(st.integers(0, 2**32 - 1))
    return ops, cuts, seed


def _bundles(devices: list[Device], cuts: list[int]) -> list[bytes]:
    bundles = []
    for number, device in enumerate(devices):
        first, position = 1, number
        while first <= len(device.events):
            last = min(first + cuts[position % len(cuts)] - 1, len(device.events))
            bundles.append(device.bundle(first, last))
            if position % 3 == 0 and first > 1:  # now and then a re-export overlapping it
                bundles.append(device.bundle(max(1, first - 2), last))
            first, position = last + 1, position + 1
    return bundles


def _import_all(
    template: Template, root: Path, name: str, bundles: list[bytes], *, complete: bool = True
) -> dict[str, object]:
    hub = open_store(copy_store(template.directory, root / name))
    try:
        for number, data in enumerate(bundles):
            path = root / f"{name}-{number}.bundle"
            path.write_bytes(data)
            [outcome] = sync.import_bundles(hub, [path])
            assert outcome.error is None, outcome.error
        assert (sync.held(hub) == []) == complete
        conflicts = sorted(
            (c.person_id, c.field, sorted(map(str, c.values))) for c in sync.conflicts(hub)
        )
        people = {p: dict(f) for p, f in hub.people.summaries().items()}
        return {"digest": sync.state_digest(hub), "conflicts": conflicts, "people": people}
    finally:
        hub.lock()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenario(), st.randoms(use_true_random=False))
def test_any_order_with_repeats_gives_the_same_state(
    hub_template: Template, case: tuple[list[tuple[int, str, int, int, int]], list[int], int], rng
) -> None:
    ops, cuts, _seed = case
    devices = hub_template.fresh_devices()
    for op in ops:
        _apply(devices, op)
    bundles = _bundles(devices, cuts)
    shuffled = list(bundles)
    rng.shuffle(shuffled)
    repeated = shuffled + rng.sample(bundles, k=min(3, len(bundles)))
    rng.shuffle(repeated)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        in_order = _import_all(hub_template, root, "ordered", bundles)
        any_order = _import_all(hub_template, root, "shuffled", repeated)
    assert any_order == in_order


def test_two_notes_with_the_same_clock_are_listed_alike_whichever_arrived_first(
    hub_template: Template,
) -> None:
    """Found by the property above: two devices' clocks read the same when each wrote a note
    about the same person; the notes came out in the order they arrived, so two coordinators
    listed them differently (and their digests differed)."""
    devices = hub_template.fresh_devices()
    ops = [
        (0, "register", 0, 0, 1), (0, "register", 0, 0, 1), (0, "edit", 0, 0, 1),
        (0, "edit", 0, 0, 1), (1, "register", 0, 0, 2), (0, "learn", 28, 0, 1),
        (1, "register", 0, 0, 2), (0, "note", 14, 0, 1), (1, "note", 0, 0, 1),
    ]  # fmt: skip
    for op in ops:
        _apply(devices, op)
    notes = [e for d in devices for e in d.events if e.type is EventType.NOTE_ADDED]
    assert len(notes) == 2
    assert notes[0].hlc == notes[1].hlc
    assert notes[0].subject_id == notes[1].subject_id
    bundles = _bundles(devices, [7])
    assert len(bundles) == 2
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        first = _import_all(hub_template, root, "first", bundles)
        second = _import_all(hub_template, root, "second", bundles[::-1])
    assert second == first


def test_a_busy_day_converges_and_has_conflicts(hub_template: Template) -> None:
    """A fixed, larger scenario: the property above must hold where there is plenty to merge."""
    rng = random.Random(20261124)
    devices = hub_template.fresh_devices()
    weights = [4 if kind in {"edit", "status", "learn"} else 1 for kind in KINDS]
    for _ in range(200):
        kind = rng.choices(KINDS, weights)[0]
        _apply(devices, (rng.randrange(3), kind, rng.randrange(50), rng.randrange(50), 1))
    bundles = _bundles(devices, [3, 7, 2, 5])
    shuffled = list(bundles) + bundles[:4]
    rng.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        in_order = _import_all(hub_template, root, "ordered", bundles)
        any_order = _import_all(hub_template, root, "shuffled", shuffled)
        missing_one = _import_all(hub_template, root, "missing", bundles[1:], complete=False)
    assert in_order["conflicts"]  # the scenario is not trivial
    assert any_order == in_order
    assert missing_one["digest"] != in_order["digest"]  # the digest does see a difference
