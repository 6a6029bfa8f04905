"""The deterministic fold: a person's current state from their events, in any order.

Every machine that has seen the same set of events computes the same state, whatever order the
events arrived in (the sync convergence property rests on this):

* fields: each write names the writes it was based on (`base`); a write that another write was
  based on is superseded. Among the writes not superseded (the frontier) the one with the greatest
  (clock, device) wins; more than one distinct value on the frontier is a conflict to review.
* links to households and duplicate marks are add-wins sets: a removal removes only the adds it
  names, so a concurrent add survives.
* notes are add-only (kept in their own table by the store); erasure wins over everything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from fieldreg.core.entities import FIELDS, TRANSPORT_FIELDS, FieldValue, PersonFields
from fieldreg.core.events import Event, EventType

Key = tuple[int, str]  # (packed hlc, device id)

FIELD_EVENTS = frozenset(
    {
        EventType.PERSON_REGISTERED,
        EventType.FIELDS_CHANGED,
        EventType.STATUS_CHANGED,
        EventType.CONSENT_RECORDED,
    }
)


@dataclass(slots=True)
class Write:
    event_id: str
    key: Key
    value: FieldValue


@dataclass(slots=True)
class FieldState:
    frontier: list[Write] = field(default_factory=list)
    superseded: set[str] = field(default_factory=set)

    def add(self, write: Write, base: list[str]) -> None:
        # Hot during an import (hundreds of thousands of calls): plain loops, no generators.
        frontier = self.frontier
        event_id = write.event_id
        for existing in frontier:
            if existing.event_id == event_id:
                return
        superseded = self.superseded
        if base:
            superseded.update(base)
            for existing in frontier:
                if existing.event_id in superseded:
                    frontier = self.frontier = [w for w in frontier if w.event_id not in superseded]
                    break
        if event_id not in superseded:
            frontier.append(write)
            if len(frontier) > 1:  # nearly always a single write: nothing to order
                frontier.sort(key=_write_order)

    @property
    def winner(self) -> Write | None:
        return self.frontier[-1] if self.frontier else None

    @property
    def in_conflict(self) -> bool:
        frontier = self.frontier
        return len(frontier) > 1 and len({_value_key(w.value) for w in frontier}) > 1

    def heads(self) -> list[str]:
        return sorted(w.event_id for w in self.frontier)


def _write_order(write: Write) -> tuple[Key, str]:
    return (write.key, write.event_id)


def _value_key(value: FieldValue) -> str:
    if isinstance(value, list):
        return "\x1f".join(value) + "\x1e"
    return "" if value is None else value


@dataclass(slots=True)
class AddWinsSet:
    """Observed-remove set: element -> {add tag (event id): (key, extra)}; removals name tags."""

    adds: dict[str, dict[str, tuple[Key, str]]] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    def add(self, element: str, tag: str, key: Key, extra: str = "") -> None:
        if tag not in self.removed:
            self.adds.setdefault(element, {})[tag] = (key, extra)

    def remove(self, tags: list[str]) -> None:
        self.removed.update(tags)
        for element in list(self.adds):
            tagged = {t: v for t, v in self.adds[element].items() if t not in self.removed}
            if tagged:
                self.adds[element] = tagged
            else:
                del self.adds[element]

    def elements(self) -> list[str]:
        return sorted(self.adds)

    def latest(self) -> tuple[str, str] | None:
        """The element with the most recent add, and that add's extra value."""
        best: tuple[Key, str, str, str] | None = None
        for element, tags in self.adds.items():
            for tag, (key, extra) in tags.items():
                candidate = (key, tag, element, extra)
                if best is None or candidate > best:
                    best = candidate
        return None if best is None else (best[2], best[3])

    def tags(self, element: str | None = None) -> list[str]:
        if element is not None:
            return sorted(self.adds.get(element, {}))
        return sorted(tag for tags in self.adds.values() for tag in tags)


@dataclass(slots=True)
class Band:
    band_id: str
    issued: Key
    voided: bool = False


@dataclass(slots=True)
class PersonState:
    person_id: str
    registered: Key | None = None
    registered_by: str = ""
    updated: Key = (0, "")
    fields: dict[str, FieldState] = field(default_factory=dict)
    households: AddWinsSet = field(default_factory=AddWinsSet)
    duplicate_of: AddWinsSet = field(default_factory=AddWinsSet)
    bands: dict[str, Band] = field(default_factory=dict)
    erased: bool = False
    seen: set[str] = field(default_factory=set)

    def values(self) -> PersonFields:
        """Current value of every field that has one (winners of the frontier)."""
        result: PersonFields = {}
        for name, state in self.fields.items():
            winner = state.winner
            if winner is not None and winner.value is not None:
                result[name] = winner.value
        link = self.households.latest()
        if link is not None:
            result["household_id"], result["relationship"] = link[0], link[1] or None
        return result

    @property
    def in_conflict(self) -> bool:
        """Whether any field is in conflict (cheap: most fields have a single write)."""
        return any(len(s.frontier) > 1 and s.in_conflict for s in self.fields.values())

    def conflicts(self) -> dict[str, list[Write]]:
        return {n: list(s.frontier) for n, s in sorted(self.fields.items()) if s.in_conflict}

    def base_for(self, names: list[str]) -> dict[str, list[str]]:
        """What a new write to `names` is based on: each field's current frontier."""
        return {n: self.fields[n].heads() for n in names if n in self.fields}

    def active_bands(self) -> list[str]:
        return sorted(b.band_id for b in self.bands.values() if not b.voided)


def apply(state: PersonState, event: Event) -> PersonState:
    """Apply `event` to `state` in place and return it. Idempotent; commutative across events."""
    if event.event_id in state.seen:
        return state
    state.seen.add(event.event_id)
    key = event.key
    state.updated = max(state.updated, key)
    payload = event.payload
    kind = event.type
    if kind is EventType.ERASED:
        state.erased = True
    if kind is EventType.PERSON_REGISTERED and (state.registered is None or key < state.registered):
        state.registered = key
        state.registered_by = event.device_id
    if kind in FIELD_EVENTS:
        _apply_fields(state, event, payload)
    elif kind is EventType.MEMBER_LINKED:
        state.households.remove(_str_list(payload.get("removes")))
        state.households.add(
            str(payload["household_id"]),
            event.event_id,
            event.key,
            str(payload.get("relationship") or ""),
        )
    elif kind is EventType.MEMBER_UNLINKED:
        state.households.remove(_str_list(payload.get("removes")))
    elif kind is EventType.MARKED_DUPLICATE:
        state.duplicate_of.add(str(payload["duplicate_of"]), event.event_id, event.key)
    elif kind is EventType.DUPLICATE_UNMARKED:
        state.duplicate_of.remove(_str_list(payload.get("removes")))
    elif kind is EventType.BAND_ISSUED:
        band_id = str(payload["band_id"])
        existing = state.bands.get(band_id)
        state.bands[band_id] = Band(band_id, event.key, existing.voided if existing else False)
    elif kind is EventType.BAND_VOIDED:
        band_id = str(payload["band_id"])
        band = state.bands.setdefault(band_id, Band(band_id, event.key))
        band.voided = True
    return state


def _apply_fields(state: PersonState, event: Event, payload: Mapping[str, Any]) -> None:
    # Runs for most events of an import: the key is built once, nothing copied.
    untrusted_base = payload.get("base") or {}
    base: Mapping[str, Any] = untrusted_base if isinstance(untrusted_base, Mapping) else {}
    fields = payload.get("fields")
    if not isinstance(fields, Mapping):
        return
    key, event_id, known = event.key, event.event_id, state.fields
    for name, value in fields.items():
        if name not in FIELDS:
            continue
        field_state = known.get(name)
        based_on = base.get(name) if base else None
        if field_state is None and not based_on:
            # A field's first write with nothing before it (every field of a registration).
            known[name] = FieldState([Write(event_id, key, value)], set())
            continue
        if field_state is None:
            field_state = known[name] = FieldState([], set())
        field_state.add(Write(event_id, key, value), _str_list(based_on))


def _str_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def fold(person_id: str, events: list[Event]) -> PersonState:
    state = PersonState(person_id)
    for event in events:
        apply(state, event)
    return state


# --- persistence of the state (sealed by the store as the person's "meta" group) ---------------
#
# Version 2 names every event id and device id once and refers to them by position: a person's
# registration writes a dozen fields with the same event id and device, and the meta group is
# written for every person an import touches. An erased person's state keeps only what the
# fold needs to stay order-independent (which events were seen, clocks, marks, bands): no field
# values, no household links.

META_VERSION = 2


def _interned_sorted(event_ids: Iterable[str], ids: dict[str, int]) -> list[int]:
    """The events' numbers in the state's id table (new ones appended to it), in order."""
    refs = []
    for event_id in event_ids:
        found = ids.get(event_id)
        if found is None:
            found = ids[event_id] = len(ids)
        refs.append(found)
    refs.sort()
    return refs


def state_to_json(state: PersonState) -> dict[str, Any]:
    # Written for every person an import touches: the look-ups are inlined (no helper call per
    # write), and the empty sets most people have cost nothing.
    seen = sorted(state.seen)
    ids: dict[str, int] = dict(zip(seen, range(len(seen)), strict=True))
    devices: dict[str, int] = {}
    erased = state.erased
    fields: dict[str, list[Any]] = {}
    superseded: dict[str, list[int]] = {}
    if not erased:
        for name, fs in state.fields.items():
            flat: list[Any] = []
            for w in fs.frontier:
                event_id, (clock, device) = w.event_id, w.key
                found = ids.get(event_id)
                if found is None:
                    found = ids[event_id] = len(ids)
                index = devices.get(device)
                if index is None:
                    index = devices[device] = len(devices)
                flat += (found, clock, index, w.value)
            fields[name] = flat
            if fs.superseded:
                superseded[name] = _interned_sorted(fs.superseded, ids)

    def dev(device_id: str) -> int:
        found = devices.get(device_id)
        if found is None:
            found = devices[device_id] = len(devices)
        return found

    registered = state.registered
    raw: dict[str, Any] = {
        "v": META_VERSION,
        "seen": len(seen),
        "registered": [registered[0], dev(registered[1])] if registered else None,
        "registered_by": dev(state.registered_by),
        "updated": [state.updated[0], dev(state.updated[1])],
        "fields": fields,
        "superseded": superseded,
        "households": _set_to_json(None if erased else state.households, ids, dev),
        "duplicate_of": _set_to_json(state.duplicate_of, ids, dev),
        "bands": [
            [b.band_id, b.issued[0], dev(b.issued[1]), b.voided] for b in state.bands.values()
        ],
        "erased": erased,
    }
    raw["ids"] = list(ids)
    raw["devices"] = list(devices)
    return raw


# What the store seals as a person's meta, written for every person an import touches: the bytes
# of `_ENCODER.encode(state_to_json(state))` in UTF-8, put together directly (encoding the
# document that state_to_json builds cost as much again as building it).
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


class _Unusual(Exception):
    """A value the direct encoding does not write (not a string, a list of them, or None)."""


def _value_text(value: object) -> str:
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if type(value) is list and all(type(item) is str for item in value):
        return "[" + ",".join([encode_basestring(item) for item in value]) + "]"
    raise _Unusual


def state_json_bytes(state: PersonState) -> bytes:
    """`state_to_json(state)` encoded as compact JSON (separators "," and ":", non-ASCII kept)
    in UTF-8: the same bytes, made without building the document first. States with a value of
    another type than the fold's (str, list of str, None) go through the document."""
    try:
        return _state_json_text(state).encode("utf-8")
    except (_Unusual, TypeError):  # TypeError: an id or a key that is not a string
        return _ENCODER.encode(state_to_json(state)).encode("utf-8")


def _state_json_text(state: PersonState) -> str:
    # The same numbering as state_to_json: seen ids sorted first, then ids and devices in the
    # order state_to_json meets them.
    seen = sorted(state.seen)
    ids: dict[str, int] = dict(zip(seen, range(len(seen)), strict=True))
    devices: dict[str, int] = {}
    erased = state.erased
    string = encode_basestring
    field_parts: list[str] = []
    superseded_parts: list[str] = []
    last_key: object = None
    last_id: object = None
    head = ""
    if not erased:
        for name, fs in state.fields.items():
            writes: list[str] = []
            for w in fs.frontier:
                # Most writes of a person are one registration's: same id, clock and device.
                event_id, key, value = w.event_id, w.key, w.value
                if key is not last_key or event_id is not last_id:
                    clock, device = key
                    if type(clock) is not int:
                        raise _Unusual
                    found = ids.get(event_id)
                    if found is None:
                        found = ids[event_id] = len(ids)
                    index = devices.get(device)
                    if index is None:
                        index = devices[device] = len(devices)
                    head = f"{found},{clock},{index},"
                    last_key, last_id = key, event_id
                text = string(value) if type(value) is str else _value_text(value)
                writes.append(head + text)
            field_parts.append(f"{string(name)}:[{','.join(writes)}]")
            if fs.superseded:
                refs = _interned_sorted(fs.superseded, ids)
                superseded_parts.append(f"{string(name)}:[{','.join(map(str, refs))}]")

    def dev(device_id: str) -> int:
        found = devices.get(device_id)
        if found is None:
            found = devices[device_id] = len(devices)
        return found

    registered = state.registered
    updated = state.updated
    if registered is None:
        registered_text = "null"
    elif type(registered[0]) is int:
        registered_text = f"[{registered[0]},{dev(registered[1])}]"
    else:
        raise _Unusual
    registered_by = dev(state.registered_by)
    if type(updated[0]) is not int:
        raise _Unusual
    updated_text = f"[{updated[0]},{dev(updated[1])}]"
    households = _set_text(None if erased else state.households, ids, dev)
    duplicates = _set_text(state.duplicate_of, ids, dev)
    bands = []
    for b in state.bands.values():
        if type(b.issued[0]) is not int or type(b.voided) is not bool:
            raise _Unusual
        voided = "true" if b.voided else "false"
        bands.append(f"[{string(b.band_id)},{b.issued[0]},{dev(b.issued[1])},{voided}]")
    if type(erased) is not bool:
        raise _Unusual
    return "".join(
        (
            f'{{"v":{META_VERSION},"seen":{len(seen)},"registered":{registered_text},',
            f'"registered_by":{registered_by},"updated":{updated_text},',
            f'"fields":{{{",".join(field_parts)}}},"superseded":{{{",".join(superseded_parts)}}},',
            f'"households":{households},"duplicate_of":{duplicates},',
            f'"bands":[{",".join(bands)}],"erased":{"true" if erased else "false"},',
            f'"ids":[{",".join([string(i) for i in ids])}],',
            f'"devices":[{",".join([string(d) for d in devices])}]}}',
        )
    )


def _set_text(value: AddWinsSet | None, ids: dict[str, int], dev: Callable[[str], int]) -> str:
    """`_set_to_json` encoded, numbering ids and devices in the same order."""
    if value is None or (not value.adds and not value.removed):
        return '{"adds":{},"removed":[]}'
    adds: list[str] = []
    for element, tags in value.adds.items():
        flat: list[str] = []
        for tag, (key, extra) in tags.items():
            found = ids.get(tag)
            if found is None:
                found = ids[tag] = len(ids)
            if type(key[0]) is not int or type(extra) is not str:
                raise _Unusual
            flat.append(f"{found},{key[0]},{dev(key[1])},{encode_basestring(extra)}")
        adds.append(f"{encode_basestring(element)}:[{','.join(flat)}]")
    removed = []
    for tag in value.removed:
        found = ids.get(tag)
        if found is None:
            found = ids[tag] = len(ids)
        removed.append(found)
    removed.sort()
    return f'{{"adds":{{{",".join(adds)}}},"removed":[{",".join(map(str, removed))}]}}'


def _set_to_json(
    value: AddWinsSet | None, ids: dict[str, int], dev: Callable[[str], int]
) -> dict[str, Any]:
    """`value` with tags as positions in `ids` (extended with tags not seen); None: empty."""
    if value is None or (not value.adds and not value.removed):
        return {"adds": {}, "removed": []}
    adds: dict[str, list[Any]] = {}
    for element, tags in value.adds.items():
        flat: list[Any] = []
        for tag, (key, extra) in tags.items():
            found = ids.get(tag)
            if found is None:
                found = ids[tag] = len(ids)
            flat += (found, key[0], dev(key[1]), extra)
        adds[element] = flat
    removed = []
    for tag in value.removed:
        found = ids.get(tag)
        if found is None:
            found = ids[tag] = len(ids)
        removed.append(found)
    removed.sort()
    return {"adds": adds, "removed": removed}


def state_from_json(person_id: str, raw: Mapping[str, Any]) -> PersonState:
    if raw.get("v") != META_VERSION:
        return _state_from_json_v1(person_id, raw)
    ids: list[str] = raw["ids"]
    devices: list[str] = raw["devices"]
    state = PersonState(person_id)
    registered = raw["registered"]
    state.registered = (int(registered[0]), devices[registered[1]]) if registered else None
    state.registered_by = devices[raw["registered_by"]]
    state.updated = (int(raw["updated"][0]), devices[raw["updated"][1]])
    superseded = raw["superseded"]
    for name, flat in raw["fields"].items():
        frontier = [
            Write(ids[flat[i]], (int(flat[i + 1]), devices[flat[i + 2]]), flat[i + 3])
            for i in range(0, len(flat), 4)
        ]
        gone = superseded.get(name)
        state.fields[name] = FieldState(frontier, {ids[n] for n in gone} if gone else set())
    state.households = _set_from_json(raw["households"], ids, devices)
    state.duplicate_of = _set_from_json(raw["duplicate_of"], ids, devices)
    state.bands = {b[0]: Band(b[0], (int(b[1]), devices[b[2]]), bool(b[3])) for b in raw["bands"]}
    state.erased = bool(raw["erased"])
    state.seen = set(ids[: raw["seen"]])
    return state


def _set_from_json(raw: Mapping[str, Any], ids: list[str], devices: list[str]) -> AddWinsSet:
    result = AddWinsSet(removed={ids[n] for n in raw["removed"]})
    for element, flat in raw["adds"].items():
        result.adds[element] = {
            ids[flat[i]]: ((int(flat[i + 1]), devices[flat[i + 2]]), str(flat[i + 3]))
            for i in range(0, len(flat), 4)
        }
    return result


# Version 1 (stores written before the compact form): ids spelt out in every write.


def _key(raw: Any) -> Key:
    return (int(raw[0]), str(raw[1]))


def _set_from_json_v1(raw: Mapping[str, Any]) -> AddWinsSet:
    result = AddWinsSet(removed=set(raw["removed"]))
    for element, tags in raw["adds"].items():
        result.adds[element] = {tag: (_key(v[0]), str(v[1])) for tag, v in tags.items()}
    return result


def _state_from_json_v1(person_id: str, raw: Mapping[str, Any]) -> PersonState:
    state = PersonState(person_id)
    state.registered = _key(raw["registered"]) if raw["registered"] else None
    state.registered_by = str(raw["registered_by"])
    state.updated = _key(raw["updated"])
    for name, fs in raw["fields"].items():
        state.fields[name] = FieldState(
            frontier=[Write(w[0], _key(w[1]), w[2]) for w in fs["frontier"]],
            superseded=set(fs["superseded"]),
        )
    state.households = _set_from_json_v1(raw["households"])
    state.duplicate_of = _set_from_json_v1(raw["duplicate_of"])
    state.bands = {b[0]: Band(b[0], _key(b[1]), bool(b[2])) for b in raw["bands"]}
    state.erased = bool(raw["erased"])
    state.seen = set(raw["seen"])
    return state


# --- transports ----------------------------------------------------------------------------------
#
# A transport's fields are decided like a person's (frontier of writes, last writer wins); its
# passengers are an add-wins set (person id -> seat, the seat as the add's extra value); boarding
# is add-only (the earliest record of each person boarding). Every event that changes who is on
# the list (assign, unassign, board) counts towards the manifest's version, so every device that
# has the same events prints the same version number.

PASSENGER_EVENTS = frozenset(
    {
        EventType.PASSENGER_ASSIGNED,
        EventType.PASSENGER_UNASSIGNED,
        EventType.PASSENGER_BOARDED,
    }
)


@dataclass(frozen=True, slots=True)
class Assignment:
    seat: str | None = None
    assistance: tuple[str, ...] = ()  # wheelchair, stretcher, medical_escort (core.entities)
    escort: str | None = None  # the adult a child travels with (their person id)


def _extra(payload: Mapping[str, Any]) -> str:
    """An assignment as the add's extra value: the seat alone (most), else compact JSON."""
    seat = str(payload.get("seat") or "")
    assistance = payload.get("assistance") or []
    escort = payload.get("escort")
    if not assistance and not escort:
        return seat
    return json.dumps([seat, _str_list(assistance), str(escort or "")], separators=(",", ":"))


def _assignment(extra: str) -> Assignment:
    if not extra.startswith("["):
        return Assignment(extra or None)
    seat, assistance, escort = json.loads(extra)
    return Assignment(seat or None, tuple(assistance), escort or None)


@dataclass(slots=True)
class TransportState:
    transport_id: str
    planned: Key | None = None
    updated: Key = (0, "")
    fields: dict[str, FieldState] = field(default_factory=dict)
    passengers: AddWinsSet = field(default_factory=AddWinsSet)
    boarded: dict[str, Key] = field(default_factory=dict)
    list_events: set[str] = field(default_factory=set)  # passenger-list changes: the version
    list_changed: Key = (0, "")
    seen: set[str] = field(default_factory=set)

    def values(self) -> dict[str, FieldValue]:
        result: dict[str, FieldValue] = {}
        for name, state in self.fields.items():
            winner = state.winner
            if winner is not None and winner.value is not None:
                result[name] = winner.value
        return result

    def assignments(self) -> dict[str, Assignment]:
        """Person id -> how they travel (seat, assistance, escort), for everyone assigned now:
        of concurrent assignments of one person, the latest."""
        result: dict[str, Assignment] = {}
        for person_id, tags in self.passengers.adds.items():
            latest = max((key, tag, extra) for tag, (key, extra) in tags.items())
            result[person_id] = _assignment(latest[2])
        return dict(sorted(result.items()))

    def seats(self) -> dict[str, str | None]:
        """Person id -> seat (None: no seat given) of everyone assigned now."""
        return {p: a.seat for p, a in self.assignments().items()}

    @property
    def version(self) -> int:
        return len(self.list_events)

    def base_for(self, names: list[str]) -> dict[str, list[str]]:
        return {n: self.fields[n].heads() for n in names if n in self.fields}


def apply_transport(state: TransportState, event: Event) -> TransportState:
    """Apply a transport event to `state` in place. Idempotent; commutative across events."""
    if event.event_id in state.seen:
        return state
    state.seen.add(event.event_id)
    key = event.key
    state.updated = max(state.updated, key)
    payload = event.payload
    kind = event.type
    if kind is EventType.TRANSPORT_PLANNED and (state.planned is None or key < state.planned):
        state.planned = key
    if kind in {EventType.TRANSPORT_PLANNED, EventType.TRANSPORT_CHANGED}:
        fields = payload.get("fields")
        base = payload.get("base")
        base_map: Mapping[str, Any] = base if isinstance(base, Mapping) else {}
        if isinstance(fields, Mapping):
            for name, value in fields.items():
                if name in TRANSPORT_FIELDS:
                    fs = state.fields.setdefault(name, FieldState())
                    fs.add(Write(event.event_id, key, value), _str_list(base_map.get(name)))
        return state
    if kind in PASSENGER_EVENTS:
        state.list_events.add(event.event_id)
        state.list_changed = max(state.list_changed, key)
    if kind is EventType.PASSENGER_ASSIGNED:
        state.passengers.remove(_str_list(payload.get("removes")))
        state.passengers.add(str(payload["person_id"]), event.event_id, key, _extra(payload))
    elif kind is EventType.PASSENGER_UNASSIGNED:
        state.passengers.remove(_str_list(payload.get("removes")))
    elif kind is EventType.PASSENGER_BOARDED:
        person_id = str(payload["person_id"])
        earlier = state.boarded.get(person_id)
        if earlier is None or key < earlier:
            state.boarded[person_id] = key
    return state


def transport_to_json(state: TransportState) -> dict[str, Any]:
    """The state as JSON (sealed by the store); ids spelt out: a transport has few events."""

    def writes(fs: FieldState) -> dict[str, Any]:
        return {
            "frontier": [[w.event_id, list(w.key), w.value] for w in fs.frontier],
            "superseded": sorted(fs.superseded),
        }

    return {
        "v": 1,
        "planned": list(state.planned) if state.planned else None,
        "updated": list(state.updated),
        "fields": {name: writes(fs) for name, fs in sorted(state.fields.items())},
        "passengers": {
            "adds": {
                element: {tag: [list(key), extra] for tag, (key, extra) in sorted(tags.items())}
                for element, tags in sorted(state.passengers.adds.items())
            },
            "removed": sorted(state.passengers.removed),
        },
        "boarded": {p: list(k) for p, k in sorted(state.boarded.items())},
        "list_events": sorted(state.list_events),
        "list_changed": list(state.list_changed),
        "seen": sorted(state.seen),
    }


def transport_from_json(transport_id: str, raw: Mapping[str, Any]) -> TransportState:
    state = TransportState(transport_id)
    state.planned = _key(raw["planned"]) if raw["planned"] else None
    state.updated = _key(raw["updated"])
    for name, fs in raw["fields"].items():
        state.fields[name] = FieldState(
            frontier=[Write(w[0], _key(w[1]), w[2]) for w in fs["frontier"]],
            superseded=set(fs["superseded"]),
        )
    state.passengers = _set_from_json_v1(raw["passengers"])
    state.boarded = {p: _key(k) for p, k in raw["boarded"].items()}
    state.list_events = set(raw["list_events"])
    state.list_changed = _key(raw["list_changed"])
    state.seen = set(raw["seen"])
    return state
