"""What a roster carries (coordinator -> laptop), as canonical JSON; no SQL, no files.

For each person the roster carries, per field of the network's roster field set, the writes on
the field's frontier (event id, clock, device, value): a laptop's later write names them as its
base, so the coordinator merges it like any other (superseding them, or a conflict when another
point wrote concurrently). The document is columnar to stay small (100,000 people in a few MB):

    {"v": 1, "kind": "full" | "delta", "version": N, "base": M (0 for full),
     "fields": [field names, in the order persons' writes refer to them],
     "writers": [device ids that wrote a carried value],
     "devices": {prefix: point name},
     "people": [[id, registered, events, writes, households, bands], ...],
     "tombstones": [person ids], "revocations": [[device id, up_to], ...],
     "receipts": {"applied_up_to": seq, "held": [[first, last], ...]},
     "settings": {"fields": [...], "retention_days": null | int}}

    registered: [clock, writer] or null; events: [[event id, clock, writer], ...];
    writes: [[field index, event index, value], ...]; households: [[household id,
    event index, relationship], ...]; bands: [[band id, clock, writer, voided], ...].

A date of birth travels reduced to its year. The person's home point is their id's prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Final

from fieldreg.core import canonical, ids
from fieldreg.core.entities import FIELDS, FieldValue
from fieldreg.core.errors import FieldregError
from fieldreg.core.events import Event
from fieldreg.core.fold import (
    META_VERSION,
    AddWinsSet,
    Band,
    FieldState,
    Key,
    PersonState,
    Write,
    apply,
    state_from_json,
)

VERSION: Final = 1
# The minimal default (DESIGN.md §5): find, recognise and check people out; nothing more.
_MINIMAL: Final = frozenset(
    {
        "family_name",
        "given_name",
        "patronymic",
        "latin_family_name",
        "latin_given_name",
        "latin_patronymic",
        "sex",
        "dob",
        "needs",
        "status",
        "status_transport",
        "status_location",
    }
)
DEFAULT_FIELDS: Final = tuple(name for name in FIELDS if name in _MINIMAL)  # catalogue order
# Never in a roster, whatever the setting: free text (and what links to it) stays at its point.
NEVER: Final = frozenset({"needs_note", "household_id", "relationship"})
CHOOSABLE: Final = tuple(name for name in FIELDS if name not in NEVER)

MAX_BYTES: Final = 96 * 1024 * 1024
MAX_PEOPLE: Final = 500_000
MAX_LIST: Final = 256  # events, writes, households or bands of one person
MAX_WRITERS: Final = 10_000
MAX_TEXT: Final = 2000
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TOP_KEYS: Final = frozenset(
    {
        "v",
        "kind",
        "version",
        "base",
        "fields",
        "writers",
        "devices",
        "people",
        "tombstones",
        "revocations",
        "receipts",
        "settings",
    }
)


@dataclass(frozen=True, slots=True)
class RosterSettings:
    fields: tuple[str, ...] = DEFAULT_FIELDS
    retention_days: int | None = None  # the erasure/retention work fills this in


@dataclass(frozen=True, slots=True)
class Receipts:
    """What the coordinator holds of THIS device's log."""

    applied_up_to: int = 0  # highest contiguous sequence number applied
    held: tuple[tuple[int, int], ...] = ()  # bundles kept for a gap: (first, last)


@dataclass(slots=True)
class RosterPerson:
    """A person as the roster carries them: the fold's view of the roster fields only."""

    person_id: str
    registered: Key | None
    fields: dict[str, list[Write]]  # field -> frontier writes (dob reduced to its year)
    households: list[tuple[str, str, Key, str]]  # (household id, tag, key, relationship)
    bands: list[Band]

    @property
    def home(self) -> str:
        return self.person_id.split("-")[0]

    def event_ids(self) -> set[str]:
        found = {w.event_id for writes in self.fields.values() for w in writes}
        found.update(tag for _, tag, _, _ in self.households)
        return found


@dataclass(slots=True)
class Roster:
    version: int
    base: int  # 0: a full roster; else a delta since that version
    people: list[RosterPerson]
    tombstones: list[str] = field(default_factory=list)
    revocations: dict[str, int] = field(default_factory=dict)  # device id -> up_to
    receipts: Receipts = field(default_factory=Receipts)
    devices: dict[str, str] = field(default_factory=dict)  # prefix -> point name
    settings: RosterSettings = field(default_factory=RosterSettings)

    @property
    def full(self) -> bool:
        return self.base == 0


def check_fields(untrusted: Iterable[str]) -> tuple[str, ...]:
    """A roster field set: known fields that may travel, each once, in catalogue order."""
    chosen = set(untrusted)
    unknown = sorted(chosen - set(CHOOSABLE))
    if unknown:
        raise FieldregError("roster.bad_field", field=unknown[0][:40])
    return tuple(name for name in CHOOSABLE if name in chosen)


def year_only(value: FieldValue) -> FieldValue:
    """A canonical date of birth ("1984-03-12", "1984", "~1984") reduced to what a roster
    carries: the year, "~" kept for an estimate."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value[:4]
    return value


def person_from_state(state: PersonState, names: Sequence[str]) -> RosterPerson:
    """What the roster carries of a folded person (not erased)."""
    carried: dict[str, list[Write]] = {}
    for name in names:
        fs = state.fields.get(name)
        if fs is None or not fs.frontier:
            continue
        if name == "dob":
            carried[name] = [Write(w.event_id, w.key, year_only(w.value)) for w in fs.frontier]
        else:
            carried[name] = list(fs.frontier)
    households = [
        (element, tag, key, extra)
        for element, tags in sorted(state.households.adds.items())
        for tag, (key, extra) in sorted(tags.items())
    ]
    bands = [state.bands[b] for b in sorted(state.bands)]
    return RosterPerson(state.person_id, state.registered, carried, households, bands)


_WRITE_ORDER: Final = attrgetter("key", "event_id")


def state_from_person(person: RosterPerson) -> PersonState:
    """A fold state holding exactly what the roster says of the person; every event it names is
    `seen`, so applying one of them again changes nothing."""
    state = PersonState(person.person_id)
    state.registered = person.registered
    state.registered_by = person.registered[1] if person.registered else ""
    keys: list[Key] = []
    for name, writes in person.fields.items():
        ordered = sorted(writes, key=_WRITE_ORDER) if len(writes) > 1 else list(writes)
        state.fields[name] = FieldState(ordered, set())
        keys.extend(w.key for w in writes)
    households = AddWinsSet()
    for element, tag, key, extra in person.households:
        households.add(element, tag, key, extra)
        keys.append(key)
    state.households = households
    state.bands = {b.band_id: Band(b.band_id, b.issued, b.voided) for b in person.bands}
    keys.extend(b.issued for b in person.bands)
    if person.registered:
        keys.append(person.registered)
    state.updated = max(keys, default=(0, ""))
    state.seen = person.event_ids()
    return state


# --- encoding ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EncodedPeople:
    """The people part of a roster, encoded once and shared by every device's file."""

    data: bytes  # the canonical JSON of the "people" list (UTF-8)
    writers: list[str]  # the device ids its writes refer to by position


def encode_people(people: Iterable[RosterPerson], names: Sequence[str]) -> EncodedPeople:
    index = {name: i for i, name in enumerate(names)}
    writers: dict[str, int] = {}

    def writer(device_id: str) -> int:
        found = writers.get(device_id)
        if found is None:
            found = writers[device_id] = len(writers)
        return found

    rows = [_person_row(p, index, writer) for p in sorted(people, key=lambda p: p.person_id)]
    return EncodedPeople(canonical.dumps(rows), list(writers))


def _person_row(
    person: RosterPerson, index: dict[str, int], writer: Callable[[str], int]
) -> list[Any]:
    events: dict[str, int] = {}
    event_rows: list[list[Any]] = []

    def event(event_id: str, key: Key) -> int:
        found = events.get(event_id)
        if found is None:
            found = events[event_id] = len(events)
            event_rows.append([event_id, key[0], writer(key[1])])
        return found

    writes = [
        [index[name], event(w.event_id, w.key), w.value]
        for name in index
        for w in person.fields.get(name, [])
    ]
    households = [[h, event(tag, key), rel] for h, tag, key, rel in person.households]
    bands = [[b.band_id, b.issued[0], writer(b.issued[1]), b.voided] for b in person.bands]
    registered = person.registered
    born = None if registered is None else [registered[0], writer(registered[1])]
    return [person.person_id, born, event_rows, writes, households, bands]


def encode_raw_states(
    raw_states: Iterable[tuple[str, Mapping[str, Any]]], names: Sequence[str]
) -> tuple[EncodedPeople, list[str], int]:
    """`encode_people` of the people whose sealed state documents (fieldreg.core.fold's JSON,
    decoded) are `raw_states` (sorted by id), the same text, read straight from the document
    without building a PersonState each (a full roster carries 100,000); with the tombstones
    (the erased among them) and the count of people carried."""
    index = {name: i for i, name in enumerate(names)}
    dob = index.get("dob", -1)
    writers: dict[str, int] = {}

    def writer(device_id: str) -> int:
        found = writers.get(device_id)
        if found is None:
            found = writers[device_id] = len(writers)
        return found

    rows: list[list[Any]] = []
    tombstones: list[str] = []
    last = ""
    for person_id, raw in raw_states:
        if person_id <= last:
            raise ValueError("raw states must be sorted by id, each once")
        last = person_id
        if raw.get("v") != META_VERSION:  # an older document: through the fold's reading
            state = state_from_json(person_id, raw)
            if state.erased:
                tombstones.append(person_id)
            else:
                rows.append(_person_row(person_from_state(state, names), index, writer))
            continue
        if raw["erased"]:
            tombstones.append(person_id)
            continue
        rows.append(_raw_row(person_id, raw, names, dob, writer))
    # No walk over the 100,000 rows to check their types: every value in them is a clock, an
    # index, an id or a field value taken from a state document this store wrote with the
    # fold's encoder (str, list of str, None; clocks in range) and authenticated on opening,
    # in a structure of fixed depth built just above; the laptop's parser checks it all again.
    return EncodedPeople(canonical.dumps(rows, checked=True), list(writers)), tombstones, len(rows)


def _raw_row(
    person_id: str,
    raw: Mapping[str, Any],
    names: Sequence[str],
    dob: int,
    writer: Callable[[str], int],
) -> list[Any]:
    """`_person_row(person_from_state(state_from_json(person_id, raw), names), ...)`."""
    ids: list[str] = raw["ids"]
    devices: list[str] = raw["devices"]
    fields = raw["fields"]
    events: dict[str, int] = {}
    event_rows: list[list[Any]] = []
    writes: list[list[Any]] = []
    for position, name in enumerate(names):
        flat = fields.get(name)
        if not flat:
            continue
        for i in range(0, len(flat), 4):
            event_id = ids[flat[i]]
            found = events.get(event_id)
            if found is None:
                found = events[event_id] = len(events)
                event_rows.append([event_id, int(flat[i + 1]), writer(devices[flat[i + 2]])])
            value = flat[i + 3]
            writes.append([position, found, year_only(value) if position == dob else value])
    households: list[list[Any]] = []
    adds = raw["households"]["adds"]
    for element in sorted(adds):
        flat = adds[element]
        tags = {
            ids[flat[i]]: (int(flat[i + 1]), devices[flat[i + 2]], str(flat[i + 3]))
            for i in range(0, len(flat), 4)
        }
        for tag in sorted(tags):
            clock, device, relationship = tags[tag]
            found = events.get(tag)
            if found is None:
                found = events[tag] = len(events)
                event_rows.append([tag, clock, writer(device)])
            households.append([element, found, relationship])
    bands_by_id = {b[0]: b for b in raw["bands"]}
    bands = [
        [band_id, int(b[1]), writer(devices[b[2]]), bool(b[3])]
        for band_id, b in sorted(bands_by_id.items())
    ]
    registered = raw["registered"]
    born = None if not registered else [int(registered[0]), writer(devices[registered[1]])]
    return [person_id, born, event_rows, writes, households, bands]


_PEOPLE_SLOT: Final = b'"people":[]'


def encode(roster: Roster, people: EncodedPeople | None = None) -> bytes:
    """The roster's canonical JSON bytes; `people`, if given, is `encode_people` of the
    roster's people (made once for many devices' files)."""
    return b"".join(encode_parts(roster, people))


def encode_parts(roster: Roster, people: EncodedPeople | None = None) -> tuple[bytes, bytes, bytes]:
    """`encode` in three parts whose concatenation it is: what comes before the people list,
    the people list itself (`people.data`, the very object: tens of MB shared by every device's
    file, never copied per device), and the rest, which begins with this device's receipts
    (keys are sorted: "receipts" follows "people")."""
    names = list(roster.settings.fields)
    if people is None:
        people = encode_people(roster.people, names)
    document = {
        "v": VERSION,
        "kind": "full" if roster.full else "delta",
        "version": roster.version,
        "base": roster.base,
        "fields": names,
        "writers": people.writers,
        "devices": dict(roster.devices),
        "people": [],
        "tombstones": sorted(roster.tombstones),
        "revocations": [[d, u] for d, u in sorted(roster.revocations.items())],
        "receipts": {
            "applied_up_to": roster.receipts.applied_up_to,
            "held": [list(h) for h in roster.receipts.held],
        },
        "settings": {"fields": names, "retention_days": roster.settings.retention_days},
    }
    # Canonical JSON escapes every quote inside a string: the top-level key is the only match.
    data = canonical.dumps(document)
    at = data.index(_PEOPLE_SLOT)
    return data[:at] + b'"people":', people.data, data[at + len(_PEOPLE_SLOT) :]


# --- strict parsing ---------------------------------------------------------------------------


def _bad(part: str) -> FieldregError:
    return FieldregError("roster.payload_invalid", reason=part)


def _int(value: object, part: str, low: int = 0, high: int = 2**63 - 1) -> int:
    if type(value) is not int or not low <= value <= high:
        raise _bad(part)
    return value


def _text(value: object, part: str, limit: int = MAX_TEXT) -> str:
    if type(value) is not str or len(value) > limit:
        raise _bad(part)
    return value


def _list(value: object, part: str, limit: int = MAX_LIST) -> list[Any]:
    if type(value) is not list or len(value) > limit:
        raise _bad(part)
    return value


def _row(value: object, part: str, size: int) -> list[Any]:
    row = _list(value, part)
    if len(row) != size:
        raise _bad(part)
    return row


def _hex64(value: object, part: str) -> str:
    if type(value) is not str or not _HEX64.fullmatch(value):
        raise _bad(part)
    return value


def _person_id(value: object, part: str) -> str:
    """An id exactly as `format_id` writes it (`ids.is_canonical`: the verdict of
    ``str(parse_id(value)) == value`` without its lenient reading; a roster checks 100,000)."""
    text = _text(value, part, ids.MAX_INPUT_LEN)
    if not ids.is_canonical(text):
        raise _bad(part)
    return text


def _value(value: object, part: str) -> FieldValue:
    if value is None or type(value) is str:
        if value is not None and len(value) > MAX_TEXT:
            raise _bad(part)
        return value
    items = _list(value, part, 64)
    for item in items:
        _text(item, part, 200)
    return list(items)


def parse(untrusted: bytes) -> Roster:
    """The roster in `untrusted` (the container's decrypted, verified payload); every key,
    type and limit checked, unknown keys refused (`roster.payload_invalid`, naming the part)."""
    if len(untrusted) > MAX_BYTES:
        raise FieldregError("roster.payload_too_large", max=MAX_BYTES)
    try:
        raw = canonical.loads(untrusted, max_bytes=MAX_BYTES)
    except FieldregError:
        raise _bad("json") from None
    if type(raw) is not dict or set(raw) != _TOP_KEYS:
        raise _bad("keys")
    if raw["v"] != VERSION:
        raise _bad("v")
    version = _int(raw["version"], "version", 1)
    base = _int(raw["base"], "base", 0, version - 1)
    if raw["kind"] != ("full" if base == 0 else "delta"):
        raise _bad("kind")
    names = _list(raw["fields"], "fields", len(FIELDS))
    try:
        checked = check_fields([_text(n, "fields", 40) for n in names])
    except FieldregError:
        raise _bad("fields") from None
    if list(checked) != names:
        raise _bad("fields")
    writers = [_hex64(w, "writers") for w in _list(raw["writers"], "writers", MAX_WRITERS)]
    if len(set(writers)) != len(writers):
        raise _bad("writers")

    def writer(value: object) -> str:
        return writers[_int(value, "writer", 0, len(writers) - 1)]

    devices_raw = raw["devices"]
    if type(devices_raw) is not dict or len(devices_raw) > MAX_WRITERS:
        raise _bad("devices")
    devices: dict[str, str] = {}
    for prefix, name in devices_raw.items():
        try:
            if ids.validate_prefix(prefix) != prefix:
                raise _bad("devices")
        except ValueError:
            raise _bad("devices") from None
        devices[prefix] = _text(name, "devices", 100)
    people: list[RosterPerson] = []
    seen_ids: set[str] = set()
    for item in _list(raw["people"], "people", MAX_PEOPLE):
        person = _parse_person(item, names, writer, writers)
        if person.person_id in seen_ids:
            raise _bad("people")
        seen_ids.add(person.person_id)
        people.append(person)
    tombstones = [_person_id(t, "tombstones") for t in _list(raw["tombstones"], "t", MAX_PEOPLE)]
    if seen_ids.intersection(tombstones) or len(set(tombstones)) != len(tombstones):
        raise _bad("tombstones")
    revocations: dict[str, int] = {}
    for item in _list(raw["revocations"], "revocations", MAX_WRITERS):
        device_id, up_to = _row(item, "revocations", 2)
        revocations[_hex64(device_id, "revocations")] = _int(up_to, "revocations")
    receipts_raw = raw["receipts"]
    if type(receipts_raw) is not dict or set(receipts_raw) != {"applied_up_to", "held"}:
        raise _bad("receipts")
    held: list[tuple[int, int]] = []
    for item in _list(receipts_raw["held"], "receipts", 10_000):
        first, last = _row(item, "receipts", 2)
        first = _int(first, "receipts", 1)
        held.append((first, _int(last, "receipts", first)))
    receipts = Receipts(_int(receipts_raw["applied_up_to"], "receipts"), tuple(held))
    settings_raw = raw["settings"]
    if type(settings_raw) is not dict or set(settings_raw) != {"fields", "retention_days"}:
        raise _bad("settings")
    if settings_raw["fields"] != names:
        raise _bad("settings")
    retention = settings_raw["retention_days"]
    if retention is not None:
        retention = _int(retention, "settings", 1, 36_500)
    return Roster(
        version=version,
        base=base,
        people=people,
        tombstones=tombstones,
        revocations=revocations,
        receipts=receipts,
        devices=devices,
        settings=RosterSettings(checked, retention),
    )


def _parse_person(item: object, names: list[str], writer: Any, writers: list[str]) -> RosterPerson:
    """One person row, every part checked; the usual row by `_parse_person_fast`, anything it
    does not take (unusual or wrong) by the strict reading, which says what is wrong."""
    person = _parse_person_fast(item, names, writer, writers)
    return person if person is not None else _parse_person_strict(item, names, writer)


_MAX_CLOCK: Final = 2**63 - 1


def _parse_person_fast(
    item: object, names: list[str], writer: Any, writers: list[str]
) -> RosterPerson | None:
    """`_parse_person_strict` for a row it accepts (the same person), with the checks inlined;
    None, not an error, as soon as anything is not as the usual row has it."""
    if type(item) is not list or len(item) != 6:
        return None
    person_id, registered_raw, events_raw, writes_raw, households_raw, bands_raw = item
    if type(person_id) is not str or len(person_id) > ids.MAX_INPUT_LEN:
        return None
    if not ids.is_canonical(person_id):
        return None
    count = len(writers)
    registered: Key | None = None
    if registered_raw is not None:
        if type(registered_raw) is not list or len(registered_raw) != 2:
            return None
        clock, who = registered_raw
        if type(clock) is not int or not 0 <= clock <= _MAX_CLOCK:
            return None
        if type(who) is not int or not 0 <= who < count:
            return None
        registered = (clock, writers[who])
    if type(events_raw) is not list or len(events_raw) > MAX_LIST:
        return None
    events: list[tuple[str, Key]] = []
    for row in events_raw:
        if type(row) is not list or len(row) != 3:
            return None
        event_id, clock, who = row
        if type(event_id) is not str or not _HEX64.fullmatch(event_id):
            return None
        if type(clock) is not int or not 0 <= clock <= _MAX_CLOCK:
            return None
        if type(who) is not int or not 0 <= who < count:
            return None
        events.append((event_id, (clock, writers[who])))
    if len({e for e, _ in events}) != len(events):
        return None
    if type(writes_raw) is not list or len(writes_raw) > MAX_LIST:
        return None
    fields: dict[str, list[Write]] = {}
    written: set[tuple[str, str]] = set()
    known, happened = len(names), len(events)
    for row in writes_raw:
        if type(row) is not list or len(row) != 3:
            return None
        field_index, event_index, value = row
        if type(field_index) is not int or not 0 <= field_index < known:
            return None
        if type(event_index) is not int or not 0 <= event_index < happened:
            return None
        if type(value) is str:
            if len(value) > MAX_TEXT:
                return None
        elif type(value) is list:
            if len(value) > 64 or any(type(v) is not str or len(v) > 200 for v in value):
                return None
            value = list(value)
        elif value is not None:
            return None
        name = names[field_index]
        event_id, key = events[event_index]
        if (name, event_id) in written:
            return None
        written.add((name, event_id))
        fields.setdefault(name, []).append(Write(event_id, key, value))
    households, bands = _households_and_bands(households_raw, bands_raw, events, writer)
    return RosterPerson(person_id, registered, fields, households, bands)


def _households_and_bands(
    households_raw: object, bands_raw: object, events: list[tuple[str, Key]], writer: Any
) -> tuple[list[tuple[str, str, Key, str]], list[Band]]:
    households: list[tuple[str, str, Key, str]] = []
    for row in _list(households_raw, "households"):
        household, event_index, relationship = _row(row, "households", 3)
        tag, key = events[_int(event_index, "event", 0, len(events) - 1)]
        households.append(
            (_person_id(household, "households"), tag, key, _text(relationship, "households", 40))
        )
    bands: list[Band] = []
    for row in _list(bands_raw, "bands"):
        band_id, clock, who, voided = _row(row, "bands", 4)
        if type(voided) is not bool:
            raise _bad("bands")
        bands.append(Band(_text(band_id, "bands", 40), (_int(clock, "bands"), writer(who)), voided))
    if len({b.band_id for b in bands}) != len(bands):
        raise _bad("bands")
    return households, bands


def _parse_person_strict(item: object, names: list[str], writer: Any) -> RosterPerson:
    person_id, registered_raw, events_raw, writes_raw, households_raw, bands_raw = _row(
        item, "person", 6
    )
    person_id = _person_id(person_id, "person")
    registered: Key | None = None
    if registered_raw is not None:
        clock, who = _row(registered_raw, "registered", 2)
        registered = (_int(clock, "registered"), writer(who))
    events: list[tuple[str, Key]] = []
    for row in _list(events_raw, "events"):
        event_id, clock, who = _row(row, "events", 3)
        events.append((_hex64(event_id, "events"), (_int(clock, "events"), writer(who))))
    if len({e for e, _ in events}) != len(events):
        raise _bad("events")

    def event(value: object) -> tuple[str, Key]:
        return events[_int(value, "event", 0, len(events) - 1)]

    fields: dict[str, list[Write]] = {}
    written: set[tuple[str, str]] = set()  # (field, event id): each write of a field once
    for row in _list(writes_raw, "writes"):
        field_index, event_index, value = _row(row, "writes", 3)
        name = names[_int(field_index, "writes", 0, len(names) - 1)]
        event_id, key = event(event_index)
        if (name, event_id) in written:
            raise _bad("writes")
        written.add((name, event_id))
        fields.setdefault(name, []).append(Write(event_id, key, _value(value, "value")))
    households, bands = _households_and_bands(households_raw, bands_raw, events, writer)
    return RosterPerson(person_id, registered, fields, households, bands)


def merge_person(
    local: PersonState | None,
    person: RosterPerson,
    unacknowledged: Sequence[Event],
    names: Sequence[str],
) -> PersonState:
    """A laptop's state of `person` after a roster: what the roster says of its fields, this
    laptop's other fields as they were, then this laptop's own events about them that the
    coordinator had not applied when it wrote the roster (so nothing recorded here since is lost;
    those the coordinator applied are in the roster's writes already)."""
    state = state_from_person(person)
    pending = {e.event_id for e in unacknowledged}
    if local is not None:
        carried = set(names)
        for name, fs in local.fields.items():
            if name not in carried:
                state.fields[name] = FieldState(list(fs.frontier), set(fs.superseded))
                continue
            mine = state.fields.get(name)
            if mine is not None:  # the same write known here in full (a dob with its day)
                full = {w.event_id: w.value for w in fs.frontier}
                for write in mine.frontier:
                    if write.event_id in full:
                        write.value = full[write.event_id]
        if local.registered is not None and (
            state.registered is None or local.registered < state.registered
        ):
            state.registered, state.registered_by = local.registered, local.registered_by
        for band_id, band in local.bands.items():
            known = state.bands.get(band_id)
            if known is None:
                state.bands[band_id] = Band(band.band_id, band.issued, band.voided)
            elif band.voided:
                known.voided = True
        state.duplicate_of = local.duplicate_of
        state.erased = local.erased
        state.updated = max(state.updated, local.updated)
        state.seen |= local.seen - pending
    for event in sorted(unacknowledged, key=lambda e: e.seq):
        apply(state, event)
    return state


def roster_values(state: PersonState, names: Sequence[str]) -> dict[str, Any]:
    """The roster fields of a state as every machine should show them (dob reduced), with the
    households, bands and any conflict: what the convergence tests compare."""
    carried = person_from_state(state, names)
    return {
        "fields": {
            n: sorted(canonical.dumps(w.value).decode("utf-8") for w in ws)
            for n, ws in sorted(carried.fields.items())
        },
        "households": sorted([h, rel] for h, _, _, rel in carried.households),
        "bands": sorted([b.band_id, b.voided] for b in carried.bands),
    }
