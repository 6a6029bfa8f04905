"""An unlocked store: the use cases a volunteer performs, for the CLI and the desk app alike.

Every write goes through `_commit`: the events are appended to this device's hash-chained log,
folded into the people they concern and committed durably in one transaction; the in-memory
search index and summaries change only after the commit succeeded, so a failed save (disk full,
database locked) leaves both the store and the screen as they were.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Connection, Engine

from fieldreg.core import ids
from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.entities import (
    CONSENT_FIELDS,
    FIELDS,
    HOUSEHOLD_FIELDS,
    STATUS_FIELDS,
    FieldValue,
    Group,
    PersonFields,
    Relationship,
    Status,
)
from fieldreg.core.errors import (
    FieldregError,
    IdError,
    IntegrityError,
    NotFoundError,
    ValidationError,
)
from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.core.hlc import Hlc, HybridClock
from fieldreg.core.names import transliterate
from fieldreg.core.validation import choice_error, clean_text, validate_fields
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.printing.payload import looks_like_scan, parse_scan  # band scans (issue 4)
from fieldreg.services.paths import DataDir
from fieldreg.services.search_index import SearchEntry, SearchIndex
from fieldreg.services.verification import verify_store
from fieldreg.services.views import (
    HistoryEntry,
    NoteView,
    PersonHit,
    PersonView,
    SearchResult,
    Stats,
    VerifyReport,
    hlc_time,
)
from fieldreg.store.repository import DeviceState, Repository

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

NOTE_MAX = 2000
LATIN_OF = {
    "family_name": "latin_family_name",
    "given_name": "latin_given_name",
    "patronymic": "latin_patronymic",
}
# Fields a plain edit may change; status, consent and household links have their own events.
EDITABLE = frozenset(FIELDS) - STATUS_FIELDS - HOUSEHOLD_FIELDS - CONSENT_FIELDS


def wall_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


def _local_today() -> dt.date:
    return dt.date.today()


SUMMARY_FIELDS = frozenset(name for name, spec in FIELDS.items() if spec.group is Group.SUMMARY)


@dataclass(frozen=True, slots=True)
class _Draft:
    """An event to be written: everything but the device-log position and the clock."""

    type: EventType
    subject_id: str
    payload: dict[str, Any]
    note: str | None = None


class _StaleDevice(Exception):
    """Another process appended to this device's log since it was cached."""


class _Txn:
    """What a write plan may do inside its transaction: read people, allocate ids."""

    def __init__(self, session: Session, device: DeviceState) -> None:
        self._session = session
        self._device = device
        self.states: dict[str, PersonState] = {}
        self.saved: set[str] = set()  # people whose row already exists in the store
        self.result: list[str] = []  # what the use case returns (new ids, changed fields)

    def allocate_id(self) -> str:
        device = self._device
        counter = ids.next_counter(device.prefix, device.next_counter - 1)
        device.next_counter = counter + 1
        return ids.format_id(device.prefix, counter)

    def state(self, untrusted_id: str) -> PersonState:
        person_id = str(ids.parse_id(untrusted_id))
        if person_id not in self.states:
            self.states[person_id] = self._session._state(person_id)
            self.saved.add(person_id)
        return self.states[person_id]

    def require_household(self, household_id: str) -> None:
        if not self._session._repo.household_exists(household_id):
            raise NotFoundError("household.not_found", id=household_id)


class Session:
    """A store opened with a data key. `lock()` drops the key and every personal value."""

    def __init__(
        self,
        *,
        data_dir: DataDir,
        engine: Engine,
        connection: Connection,
        sealer: FieldSealer,
        data_key: bytes,
        device_id: str,
        operator_id: str,
        operator_label: str,
        operator_labels: Mapping[str, str],
        now_ms: Callable[[], int] = wall_ms,
        today: Callable[[], dt.date] = _local_today,
    ) -> None:
        self.data_dir = data_dir
        self._engine = engine
        self._repo = Repository(connection, sealer)
        self._sealer = sealer
        self._data_key: bytearray | None = bytearray(data_key)
        self.device_id = device_id
        self.operator_id = operator_id
        self.operator_label = operator_label
        self._operator_labels = dict(operator_labels)
        self._today = today
        device = self._repo.device(device_id)
        if device is None:
            raise IntegrityError("store.no_device")
        self.prefix = device.prefix
        self._device: DeviceState | None = None  # this device's log position, once written
        self._clock = HybridClock(now_ms, Hlc.unpack(device.last_hlc) if device.last_hlc else None)
        self.index = SearchIndex()
        # Index updates wait for the next search: a save should not pay for them (None = removed).
        self._index_pending: dict[str, SearchEntry | None] = {}
        self.summaries: dict[str, PersonFields] = {}
        self._created: dict[str, int] = {}
        self.households: dict[str, list[str]] = {}
        self.damaged: list[str] = []  # people whose summary did not open at unlock (see verify)

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._data_key is None

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise FieldregError("store.locked")
        return bytes(self._data_key)

    def load(self, progress: Progress | None = None) -> None:
        """Open every person's summary into memory and build the search index."""
        entries = []
        summaries: dict[str, PersonFields] = {}
        created: dict[str, int] = {}
        households: dict[str, list[str]] = {}
        damaged: list[str] = []
        # ~10^6 small objects and no cycles: collector passes would add half the unlock time.
        with without_cycle_collection():
            with self._repo.reading():
                for row in self._repo.iter_summaries(progress, damaged):
                    person_id, fields = row.person_id, row.fields
                    summaries[person_id] = fields
                    created[person_id] = row.created_hlc
                    entries.append(_search_entry(person_id, fields))
                    household = fields.get("household_id")
                    if isinstance(household, str):
                        households.setdefault(household, []).append(person_id)
            self.index.bulk_load(entries)
            self._index_pending = {}
        self.summaries, self._created, self.households = summaries, created, households
        self.damaged = damaged

    def lock(self) -> None:
        """Drop the key and every decrypted value held by this session."""
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None
        self._sealer.wipe()
        self.index.clear()
        self._index_pending = {}
        self.summaries = {}
        self.households = {}
        self._created = {}
        self._repo.conn.close()
        self._engine.dispose()

    def close(self) -> None:
        self.lock()

    # --- writes -------------------------------------------------------------------------------

    def _commit(self, plan: Callable[[_Txn], list[_Draft]]) -> _Txn:
        """Run `plan` inside one write transaction, append the drafts it returns to this device's
        hash-chained log, fold them into the people they concern and commit durably.

        The plan reads people and allocates ids inside the transaction, so a second process
        writing the same store cannot slip in between a read and the write based on it. This
        device's log position is cached between commits; if another process moved it meanwhile,
        the write is refused by the compare-and-set and the plan runs again on fresh state."""
        stale_possible = self._device is not None
        try:
            return self._commit_once(plan)
        except (_StaleDevice, sqlalchemy.exc.IntegrityError):
            # A taken (device, seq) also means a stale position; a real bug raises again below.
            self._device = None
            if not stale_possible:
                raise
            return self._commit_once(plan)

    def _commit_once(self, plan: Callable[[_Txn], list[_Draft]]) -> _Txn:
        repo = self._repo
        cached = self._device
        with repo.transaction():
            device = replace(cached) if cached is not None else repo.device(self.device_id)
            if device is None:
                raise IntegrityError("store.no_device")
            expected = (device.last_seq, device.next_counter)
            txn = _Txn(self, device)
            drafts = plan(txn)
            if not drafts:
                return txn
            last = self._clock.last
            if device.last_hlc and (last is None or Hlc.unpack(device.last_hlc) > last):
                self._clock.observe(Hlc.unpack(device.last_hlc))  # another process wrote since
            for draft in drafts:
                event = make_event(
                    device_id=self.device_id,
                    seq=device.last_seq + 1,
                    hlc=self._clock.tick().pack(),
                    operator_id=self.operator_id,
                    type=draft.type,
                    subject_id=draft.subject_id,
                    payload=draft.payload,
                    prev=device.head,
                    salt=secrets.token_hex(16),
                )
                repo.append(event)
                device.last_seq, device.head, device.last_hlc = event.seq, event.event_id, event.hlc
                if draft.type is EventType.HOUSEHOLD_CREATED:
                    repo.add_household(draft.subject_id, event.hlc)
                    continue
                state = txn.states.get(draft.subject_id)
                if state is None:
                    state = txn.states[draft.subject_id] = PersonState(draft.subject_id)
                apply(state, event)
                if draft.note:
                    if draft.subject_id not in txn.saved:  # the note's row refers to the person
                        repo.save_state(state, is_new=True)
                        txn.saved.add(draft.subject_id)
                    repo.add_note(event.event_id, draft.subject_id, event.hlc, draft.note)
            for person_id, state in txn.states.items():
                repo.save_state(state, is_new=person_id not in txn.saved)
            if not repo.save_device(device, expected=expected):
                raise _StaleDevice
        self._device = device
        for state in txn.states.values():
            self._remember(state)
        return txn

    def _remember(self, state: PersonState) -> None:
        values = state.values()
        person_id = state.person_id
        old_household = self.summaries.get(person_id, {}).get("household_id")
        if state.erased:
            self.summaries.pop(person_id, None)
            self._created.pop(person_id, None)
            self._index_pending[person_id] = None
        else:
            self.summaries[person_id] = {k: v for k, v in values.items() if k in SUMMARY_FIELDS}
            self._created.setdefault(person_id, state.registered[0] if state.registered else 0)
            self._index_pending[person_id] = _search_entry(person_id, values)
        new_household = None if state.erased else values.get("household_id")
        if old_household != new_household:
            members = (
                self.households.get(old_household, []) if isinstance(old_household, str) else []
            )
            if person_id in members:
                members.remove(person_id)
            if isinstance(new_household, str):
                self.households.setdefault(new_household, []).append(person_id)

    def register(
        self,
        untrusted_fields: Mapping[str, object],
        *,
        household_id: str | None = None,
        relationship: str | None = None,
        new_household: bool = False,
    ) -> str:
        """Register one person; returns the new ID. Nothing is written if anything is invalid."""
        return self.register_batch(
            [untrusted_fields],
            household_id=household_id,
            relationships=[relationship],
            new_household=new_household,
        )[0]

    def register_batch(
        self,
        people: Sequence[Mapping[str, object]],
        *,
        household_id: str | None = None,
        relationships: Sequence[str | None] | None = None,
        new_household: bool = False,
    ) -> list[str]:
        """Register several people in one durable transaction (a family at the desk, a list):
        all of them or none. A validation error names the field and the member's position
        (`member`, from 0). With `new_household` the first person heads a new household."""
        validated: list[PersonFields] = []
        for position, untrusted in enumerate(people):
            try:
                fields = self._validated(untrusted, require_names=True)
            except ValidationError as exc:
                exc.params["member"] = position
                raise
            fields.setdefault("status", Status.ARRIVED.value)
            validated.append(fields)
        rels = [self._relationship(r) for r in (relationships or [None] * len(people))]
        if len(rels) != len(validated):
            raise ValueError("one relationship per person")
        household = None if household_id is None else str(ids.parse_id(household_id))

        def plan(txn: _Txn) -> list[_Draft]:
            drafts = []
            linked = household
            if linked is not None:
                txn.require_household(linked)
            if new_household:
                linked = txn.allocate_id()
                drafts.append(_Draft(EventType.HOUSEHOLD_CREATED, linked, {}))
            for position, fields in enumerate(validated):
                person_id = txn.allocate_id()
                txn.result.append(person_id)
                drafts.append(_Draft(EventType.PERSON_REGISTERED, person_id, {"fields": fields}))
                if linked is not None:
                    relation = rels[position] or (
                        Relationship.HEAD.value
                        if new_household and position == 0
                        else Relationship.OTHER_RELATIVE.value
                    )
                    payload = {"household_id": linked, "relationship": relation, "removes": []}
                    drafts.append(_Draft(EventType.MEMBER_LINKED, person_id, payload))
            return drafts

        return self._commit(plan).result

    def create_household(self) -> str:
        def plan(txn: _Txn) -> list[_Draft]:
            txn.result.append(txn.allocate_id())
            return [_Draft(EventType.HOUSEHOLD_CREATED, txn.result[0], {})]

        return self._commit(plan).result[0]

    def link_member(self, person_id: str, household_id: str, relationship: str) -> None:
        household = str(ids.parse_id(household_id))
        rel = self._relationship(relationship) or Relationship.OTHER_RELATIVE.value

        def plan(txn: _Txn) -> list[_Draft]:
            txn.require_household(household)
            state = txn.state(person_id)
            payload = {
                "household_id": household,
                "relationship": rel,
                "removes": state.households.tags(),
            }
            return [_Draft(EventType.MEMBER_LINKED, state.person_id, payload)]

        self._commit(plan)

    def unlink_member(self, person_id: str) -> None:
        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            payload = {"removes": state.households.tags()}
            return [_Draft(EventType.MEMBER_UNLINKED, state.person_id, payload)]

        self._commit(plan)

    def update(self, person_id: str, untrusted_fields: Mapping[str, object]) -> list[str]:
        """Change some fields; returns the names of the fields that actually changed."""
        for name in untrusted_fields:
            if name in FIELDS and name not in EDITABLE:
                raise ValidationError(name, "validation.not_editable")
        return self._change(EventType.FIELDS_CHANGED, person_id, untrusted_fields)

    def record_consent(self, person_id: str, untrusted_fields: Mapping[str, object]) -> list[str]:
        for name in untrusted_fields:
            if name not in CONSENT_FIELDS:
                raise ValidationError(name, "validation.unknown_field")
        return self._change(EventType.CONSENT_RECORDED, person_id, untrusted_fields)

    def set_status(
        self,
        person_id: str,
        status: str,
        *,
        transport: str | None = None,
        location: str | None = None,
        note: str | None = None,
    ) -> None:
        """Record what happened to the person; departing needs the transport (bus, convoy)."""
        untrusted = {"status": status, "status_transport": transport, "status_location": location}
        clean_note = clean_text("note", note, max_len=NOTE_MAX, multiline=True) if note else None
        if status == Status.DEPARTED.value and not (transport or "").strip():
            raise ValidationError("status_transport", "validation.required")
        self._change(
            EventType.STATUS_CHANGED, person_id, untrusted, note=clean_note or None, force=True
        )

    def resolve_conflict(self, person_id: str, field: str, value: object) -> None:
        """Settle a conflict on `field` with `value` (one of the competing values or a new one):
        a write based on every competing write, so it supersedes them all, everywhere."""
        if field not in FIELDS or field in HOUSEHOLD_FIELDS:
            raise ValidationError(field, "validation.unknown_field")
        kind = (
            EventType.STATUS_CHANGED
            if field in STATUS_FIELDS
            else EventType.CONSENT_RECORDED
            if field in CONSENT_FIELDS
            else EventType.FIELDS_CHANGED
        )
        self._change(kind, person_id, {field: value}, force=True)

    def mark_duplicate(self, person_id: str, of_id: str) -> bool:
        """Record that `person_id` is the same person as `of_id`, registered twice. Both records
        stay; the mark can be undone. Returns False if that mark was already there."""
        other = str(ids.parse_id(of_id))

        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            if self._state(other).person_id == state.person_id:  # it exists, and is another
                raise FieldregError("duplicate.self")
            if other in state.duplicate_of.elements():
                return []
            txn.result.append(other)
            payload = {"duplicate_of": other}
            return [_Draft(EventType.MARKED_DUPLICATE, state.person_id, payload)]

        return bool(self._commit(plan).result)

    def unmark_duplicate(self, person_id: str, of_id: str) -> None:
        """Undo the mark "`person_id` is the same person as `of_id`" (every add of it seen
        here; a mark made meanwhile at another point, not seen yet, stays)."""
        other = str(ids.parse_id(of_id))

        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            tags = state.duplicate_of.tags(other)
            if not tags:
                raise FieldregError("duplicate.not_marked", id=state.person_id, of=other)
            return [_Draft(EventType.DUPLICATE_UNMARKED, state.person_id, {"removes": tags})]

        self._commit(plan)

    def record_band(self, person_id: str, band_id: str) -> list[str]:
        """Record that band `band_id` was printed (the spooler accepted it) for the person:
        every band issued before it is voided in the same transaction. Returns the voided ids."""
        return self.record_bands([(person_id, band_id)])

    def record_bands(self, printed: Sequence[tuple[str, str]]) -> list[str]:
        """`record_band` for a whole print job (a household) in one transaction: all of its
        bands count as issued, or none. Returns the ids of the bands voided."""
        bands = [
            (person_id, clean_text("band_id", band_id, max_len=40, required=True))
            for person_id, band_id in printed
        ]

        def plan(txn: _Txn) -> list[_Draft]:
            active: dict[str, list[str]] = {}
            drafts: list[_Draft] = []
            for person_id, band in bands:
                state = txn.state(person_id)
                current = active.setdefault(state.person_id, state.active_bands())
                voided = [b for b in current if b != band]
                txn.result.extend(voided)
                drafts.extend(
                    _Draft(
                        EventType.BAND_VOIDED, state.person_id, {"band_id": b, "reason": "reprint"}
                    )
                    for b in voided
                )
                drafts.append(_Draft(EventType.BAND_ISSUED, state.person_id, {"band_id": band}))
                active[state.person_id] = [band]
            return drafts

        return self._commit(plan).result

    def void_band(self, person_id: str, band_id: str, reason: str = "lost") -> None:
        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            payload = {"band_id": band_id, "reason": reason}
            return [_Draft(EventType.BAND_VOIDED, state.person_id, payload)]

        self._commit(plan)

    def bands(self, person_id: str) -> dict[str, bool]:
        """Every band ever issued to the person: band id -> still valid (not voided)."""
        with self._repo.reading():
            state = self._state(person_id)
        return {b.band_id: not b.voided for b in state.bands.values()}

    def refresh(self, person_ids: list[str]) -> None:
        """Reload people changed by another writer (an import) into the index and summaries."""
        with self._repo.reading():
            states = [self._repo.load_state(person_id) for person_id in person_ids]
        for state in states:
            if state is not None:
                self._remember(state)

    def add_note(self, person_id: str, text: str) -> None:
        clean = clean_text("note", text, max_len=NOTE_MAX, multiline=True, required=True)

        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            return [_Draft(EventType.NOTE_ADDED, state.person_id, {"text": clean}, note=clean)]

        self._commit(plan)

    def _change(
        self,
        kind: EventType,
        person_id: str,
        untrusted_fields: Mapping[str, object],
        *,
        note: str | None = None,
        force: bool = False,
    ) -> list[str]:
        def plan(txn: _Txn) -> list[_Draft]:
            state = txn.state(person_id)
            current = state.values()
            fields = self._validated(untrusted_fields, require_names=False, current=current)
            for name in ("family_name", "given_name"):
                if name in fields and not fields[name]:
                    raise ValidationError(name, "validation.required")
            changed = {k: v for k, v in fields.items() if current.get(k) != v}
            txn.result.extend(sorted(changed))
            if not changed and not force:
                return []
            changes = fields if force else changed
            payload: dict[str, Any] = {"fields": changes, "base": state.base_for(sorted(changes))}
            if note:
                payload["note"] = note  # travels with the event, so the coordinator has it too
            return [_Draft(kind, state.person_id, payload, note=note)]

        return self._commit(plan).result

    def _validated(
        self,
        untrusted: Mapping[str, object],
        *,
        require_names: bool,
        current: PersonFields | None = None,
    ) -> PersonFields:
        fields = validate_fields(untrusted, today=self._today(), require_names=require_names)
        if require_names:
            for name in ("family_name", "given_name"):
                if not fields.get(name):
                    raise ValidationError(name, "validation.required")
        # A Latin spelling is produced automatically unless one was typed (or kept from before).
        for name, latin in LATIN_OF.items():
            value = fields.get(name)
            if not isinstance(value, str) or latin in untrusted:
                continue
            previous = (current or {}).get(name)
            previous_latin = (current or {}).get(latin)
            auto_before = (
                isinstance(previous, str) and previous_latin == transliterate(previous)
            ) or previous_latin is None
            if auto_before:
                fields[latin] = transliterate(value) if value else None
        return fields

    @staticmethod
    def _relationship(relationship: str | None) -> str | None:
        if relationship is None:
            return None
        try:
            return Relationship(relationship).value
        except ValueError:
            raise choice_error(FIELDS["relationship"]) from None

    def _state(self, untrusted_id: str) -> PersonState:
        person_id = str(ids.parse_id(untrusted_id))
        state = self._repo.load_state(person_id)
        if state is None or state.erased:
            raise NotFoundError("person.not_found", id=person_id)
        return state

    # --- reads --------------------------------------------------------------------------------

    def person(self, untrusted_id: str) -> PersonView:
        with self._repo.reading():
            return self._person(untrusted_id)

    def _person(self, untrusted_id: str) -> PersonView:
        state = self._state(untrusted_id)
        person_id = state.person_id
        fields = state.values()
        household = fields.get("household_id")
        members = sorted(self.households.get(household, [])) if isinstance(household, str) else []
        return PersonView(
            person_id=person_id,
            fields=fields,
            registered=hlc_time(state.registered[0]) if state.registered else None,
            updated=hlc_time(state.updated[0]),
            conflicts={name: [w.value for w in ws] for name, ws in state.conflicts().items()},
            notes=[
                NoteView(n.event_id, hlc_time(n.hlc), n.text) for n in self._repo.notes(person_id)
            ],
            bands=state.active_bands(),
            duplicate_of=state.duplicate_of.elements(),
            household_members=members,
            erased=state.erased,
        )

    def history(self, untrusted_id: str) -> list[HistoryEntry]:
        with self._repo.reading():
            person_id = self._state(untrusted_id).person_id
            events = self._repo.events_for(person_id)
        entries = []
        for event in events:
            entries.append(
                HistoryEntry(
                    event_id=event.event_id,
                    when=hlc_time(event.hlc),
                    device_id=event.device_id,
                    operator=self._operator_labels.get(event.operator_id, event.operator_id[:8]),
                    type=event.type.value,
                    changes=_changes_of(event),
                )
            )
        return entries

    def search(self, query: str, *, limit: int = 20) -> SearchResult:
        text = query.strip()
        if not text:
            return SearchResult(hits=[])
        # --- issue 4: band/tag payloads and IDs typed on a Cyrillic layout read as scans; a plain
        # ID reads as itself with the same error codes; a voided or unknown band warns.
        if ids.looks_like_id(text) or looks_like_scan(text):
            try:
                scan = parse_scan(text)
            except IdError as exc:
                return SearchResult(hits=[], id_error=exc.code)
            person_id = scan.person_id
            fields = self.summaries.get(person_id)
            if fields is None:
                return SearchResult(hits=[], id_error="id.unknown")
            warning = None
            if scan.band_id is not None:
                valid = self.bands(person_id).get(scan.band_id)
                warning = "scan.band_unknown" if valid is None else None
                warning = "scan.band_voided" if valid is False else warning
            return SearchResult(
                hits=[PersonHit(person_id, 100.0, ("id.exact",), fields)],
                exact_id=person_id,
                band_warning=warning,
            )
        # --- end of issue 4's change
        hits = [
            PersonHit(hit.person_id, hit.score, hit.reasons, self.summaries[hit.person_id])
            for hit in self.search_index().search(text, limit=limit)
            if hit.person_id in self.summaries
        ]
        return SearchResult(hits=hits)

    def search_index(self) -> SearchIndex:
        """The name index, with every save since the last search applied."""
        pending, self._index_pending = self._index_pending, {}
        for person_id, entry in pending.items():
            if entry is None:
                self.index.remove(person_id)
            else:
                self.index.upsert(entry)
        return self.index

    def stats(self) -> Stats:
        # "Today" is the local calendar day, compared as packed clocks: no conversion per person.
        midnight = dt.datetime.combine(self._today(), dt.time()).astimezone()
        start = Hlc(int(midnight.timestamp() * 1000), 0).pack()
        end = Hlc(int((midnight + dt.timedelta(days=1)).timestamp() * 1000), 0).pack()
        by_status: Counter[str] = Counter()
        by_need: Counter[str] = Counter()
        with_needs = 0
        for fields in self.summaries.values():
            status = fields.get("status")
            by_status[status if isinstance(status, str) else ""] += 1
            needs = fields.get("needs")
            if needs:
                with_needs += 1
                by_need.update(needs)
        registered_today = sum(1 for c in self._created.values() if start <= c < end)
        return Stats(
            total=len(self.summaries),
            registered_today=registered_today,
            households=sum(1 for members in self.households.values() if members),
            with_needs=with_needs,
            by_status=dict(sorted(by_status.items())),
            by_need=dict(sorted(by_need.items())),
        )

    def operators(self) -> dict[str, str]:
        return dict(self._operator_labels)

    # Added for the desk's roster (issue 3): the registration time of everyone loaded, in one call.
    def registered_times(self) -> dict[str, int]:
        """Person id -> packed clock of their registration (see `views.hlc_time`)."""
        return dict(self._created)

    def point_name(self) -> str:
        with self._repo.reading():
            value = self._repo.sealed_setting("point")
        return str(value.get("name", "")) if isinstance(value, dict) else ""

    # --- integrity ----------------------------------------------------------------------------

    def verify(
        self, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> VerifyReport:
        """Check the database, every device's hash chain and that every sealed value opens."""
        with self._repo.reading():
            return verify_store(self._repo, progress, cancelled)


def _search_entry(person_id: str, fields: Mapping[str, FieldValue]) -> SearchEntry:
    # Runs 100,000 times at unlock: plain lookups, no helper calls.
    get = fields.get
    dob = get("dob")
    return SearchEntry(
        person_id,
        get("family_name") or "",  # type: ignore[arg-type]
        get("given_name") or "",  # type: ignore[arg-type]
        get("patronymic") or "",  # type: ignore[arg-type]
        get("latin_family_name") or "",  # type: ignore[arg-type]
        get("latin_given_name") or "",  # type: ignore[arg-type]
        get("latin_patronymic") or "",  # type: ignore[arg-type]
        dob if isinstance(dob, str) else None,
    )


def _changes_of(event: Event) -> dict[str, FieldValue]:
    payload = event.payload
    if isinstance(payload.get("fields"), dict):
        return dict(payload["fields"])
    result: dict[str, FieldValue] = {}
    for key in ("household_id", "relationship", "band_id", "duplicate_of", "text"):
        value = payload.get(key)
        if isinstance(value, str):
            result[key] = value
    return result
