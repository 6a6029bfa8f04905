"""An unlocked store: the use cases a volunteer performs, for the CLI and the desk app alike.

`Session` is a thin front over two parts: the write pipeline (`write_pipeline`), through which
every use case commits, and the people cache (`people_cache`), which the pipeline updates after
each commit and everyone else reads through `Session.people`. Once locked, every public method
raises `LockedError` (`store.locked`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from fieldreg.core import ids
from fieldreg.core.entities import (
    CONSENT_FIELDS,
    FIELDS,
    HOUSEHOLD_FIELDS,
    STATUS_FIELDS,
    PersonFields,
    Relationship,
    Status,
)
from fieldreg.core.errors import (
    FieldregError,
    IntegrityError,
    LockedError,
    ValidationError,
)
from fieldreg.core.events import EventType
from fieldreg.core.fold import PersonState
from fieldreg.core.hlc import Hlc, HybridClock
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.core.validation import clean_text
from fieldreg.crypto.anchor import Anchor, Mark
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services.field_input import (
    EDITABLE,
    NOTE_MAX,
    relationship_code,
    validated_fields,
)
from fieldreg.services.log_watch import LogWatch
from fieldreg.services.paths import DataDir
from fieldreg.services.people_cache import PeopleCache, PeopleView
from fieldreg.services.person_reads import history_of, person_view, search_people
from fieldreg.services.registration import (
    household_plan,
    household_relations,
    new_people,
    registration_plan,
)
from fieldreg.services.search_index import SearchIndex
from fieldreg.services.transports import TransportService
from fieldreg.services.unlock import read_people
from fieldreg.services.verification import verify_store
from fieldreg.services.views import (
    HistoryEntry,
    PersonView,
    RegisteredHousehold,
    SearchResult,
    Stats,
    VerifyReport,
)
from fieldreg.services.write_pipeline import Draft, Txn, WritePipeline, load_person
from fieldreg.store.integrity import device_positions
from fieldreg.store.repository import Repository

_C = TypeVar("_C", bound=type)
REFRESH_LIMIT = 2000  # changed people above which show_changed reads every summary again
# What a locked session still answers: whether it is locked, and locking (again).
_ANSWERED_WHEN_LOCKED = frozenset({"locked", "lock", "close"})


def wall_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


def _local_today() -> dt.date:
    return dt.date.today()


def _refused_when_locked(cls: _C) -> _C:
    """Every public method and property of `cls` raises `LockedError` once the session is
    locked (but those in _ANSWERED_WHEN_LOCKED): one check, so a new method cannot forget it."""

    def guard(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def guarded(self: Session, *args: Any, **kwargs: Any) -> Any:
            if self._data_key is None:
                raise LockedError
            return method(self, *args, **kwargs)

        return guarded

    for name, member in list(vars(cls).items()):
        if name.startswith("_") or name in _ANSWERED_WHEN_LOCKED:
            continue
        if isinstance(member, property) and member.fget is not None:
            setattr(cls, name, property(guard(member.fget), doc=member.__doc__))
        elif callable(member) and not isinstance(member, (staticmethod, classmethod, type)):
            setattr(cls, name, guard(member))
    return cls


@_refused_when_locked
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
        clock = HybridClock(now_ms, Hlc.unpack(device.last_hlc) if device.last_hlc else None)
        self._people = PeopleCache()
        self._anchor = Anchor(data_dir.root, sealer)
        self._watch = LogWatch()
        self._pipeline = WritePipeline(
            self._repo,
            clock,
            device_id=device_id,
            operator_id=operator_id,
            on_commit=self._people.remember,
            anchor=self._anchor,
            on_appended=self._watch.wrote,
        )

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._data_key is None

    @property
    def data_key(self) -> bytes:
        assert self._data_key is not None  # refused when locked
        return bytes(self._data_key)

    @property
    def engine(self) -> Engine:
        """The store's engine, for connections of other use cases to the same store (sync's
        own): its pool and its compiled SQL are shared, and it is disposed at lock."""
        return self._engine

    @property
    def people(self) -> PeopleView:
        """Everyone's summary, read-only (see `people_cache`)."""
        return self._people

    def today(self) -> dt.date:
        """The local calendar day, as this session tells it (tests inject one)."""
        return self._today()

    def load(self, progress: Progress | None = None) -> None:
        """Open every person's summary into memory and build the search index."""
        with self._repo.reading():
            people = read_people(self._repo, progress)
            self._watch.take(self._repo)  # the same snapshot as the people
        self._people.load(people)

    def lock(self) -> None:
        """Drop the key and every decrypted value held by this session."""
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None
        self._sealer.wipe()
        self._people.clear()
        self._watch.forget()
        self._repo.close()
        self._engine.dispose()

    def close(self) -> None:
        self.lock()

    # --- writes -------------------------------------------------------------------------------

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
        validated = new_people(people, self._new_person)
        rels = [relationship_code(r) for r in (relationships or [None] * len(people))]
        if len(rels) != len(validated):
            raise ValueError("one relationship per person")
        household = None if household_id is None else str(ids.parse_id(household_id))
        plan = registration_plan(validated, rels, household=household, new_household=new_household)
        return self._pipeline.commit(plan).result

    def register_household(
        self,
        new_members: Sequence[tuple[Mapping[str, object], str | None]],
        existing: Sequence[tuple[str, str | None]] = (),
    ) -> RegisteredHousehold:
        """A new household in ONE durable transaction: the people typed (`new_members`: their
        fields and relationship to the head) are registered, and the people already registered
        (`existing`: ID and relationship) are moved into it. All of it is saved or nothing, so
        a failed save can be retried as it is. The first member heads the household unless a
        relationship says otherwise; a validation error names the member (`member`, from 0,
        counting the new members first)."""
        if not new_members and not existing:
            raise ValidationError("members", "validation.required")
        validated = new_people([fields for fields, _ in new_members], self._new_person)
        relations = household_relations([rel for _, rel in [*new_members, *existing]])
        linked = [str(ids.parse_id(person_id)) for person_id, _ in existing]
        plan = household_plan(validated, relations, linked)
        household_id, *new_ids = self._pipeline.commit(plan).result
        return RegisteredHousehold(household_id, new_ids)

    def create_household(self) -> str:
        def plan(txn: Txn) -> list[Draft]:
            txn.result.append(txn.allocate_id())
            return [Draft(EventType.HOUSEHOLD_CREATED, txn.result[0], {})]

        return self._pipeline.commit(plan).result[0]

    def link_member(self, person_id: str, household_id: str, relationship: str) -> None:
        household = str(ids.parse_id(household_id))
        rel = relationship_code(relationship) or Relationship.OTHER_RELATIVE.value

        def plan(txn: Txn) -> list[Draft]:
            txn.require_household(household)
            state = txn.state(person_id)
            payload = {
                "household_id": household,
                "relationship": rel,
                "removes": state.households.tags(),
            }
            return [Draft(EventType.MEMBER_LINKED, state.person_id, payload)]

        self._pipeline.commit(plan)

    def unlink_member(self, person_id: str) -> None:
        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            payload = {"removes": state.households.tags()}
            return [Draft(EventType.MEMBER_UNLINKED, state.person_id, payload)]

        self._pipeline.commit(plan)

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

        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            if self._state(other).person_id == state.person_id:  # it exists, and is another
                raise FieldregError("duplicate.self")
            if other in state.duplicate_of.elements():
                return []
            txn.result.append(other)
            payload = {"duplicate_of": other}
            return [Draft(EventType.MARKED_DUPLICATE, state.person_id, payload)]

        return bool(self._pipeline.commit(plan).result)

    def unmark_duplicate(self, person_id: str, of_id: str) -> None:
        """Undo the mark "`person_id` is the same person as `of_id`" (every add of it seen
        here; a mark made meanwhile at another point, not seen yet, stays)."""
        other = str(ids.parse_id(of_id))

        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            tags = state.duplicate_of.tags(other)
            if not tags:
                raise FieldregError("duplicate.not_marked", id=state.person_id, of=other)
            return [Draft(EventType.DUPLICATE_UNMARKED, state.person_id, {"removes": tags})]

        self._pipeline.commit(plan)

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

        def plan(txn: Txn) -> list[Draft]:
            active: dict[str, list[str]] = {}
            drafts: list[Draft] = []
            for person_id, band in bands:
                state = txn.state(person_id)
                current = active.setdefault(state.person_id, state.active_bands())
                voided = [b for b in current if b != band]
                txn.result.extend(voided)
                drafts.extend(
                    Draft(
                        EventType.BAND_VOIDED, state.person_id, {"band_id": b, "reason": "reprint"}
                    )
                    for b in voided
                )
                drafts.append(Draft(EventType.BAND_ISSUED, state.person_id, {"band_id": band}))
                active[state.person_id] = [band]
            return drafts

        return self._pipeline.commit(plan).result

    def void_band(self, person_id: str, band_id: str, reason: str = "lost") -> None:
        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            payload = {"band_id": band_id, "reason": reason}
            return [Draft(EventType.BAND_VOIDED, state.person_id, payload)]

        self._pipeline.commit(plan)

    def bands(self, person_id: str) -> dict[str, bool]:
        """Every band ever issued to the person: band id -> still valid (not voided)."""
        with self._repo.reading():
            state = self._state(person_id)
        return {b.band_id: not b.voided for b in state.bands.values()}

    def catch_up(self) -> list[str]:
        """The records another process changed since this session last looked (`log_watch`),
        their people brought up to date in the index and summaries (`show_changed`). [] until
        the people are loaded."""
        with self._repo.reading():
            records = self._watch.changed(self._repo)
        self.show_changed(records)
        return sorted(records)

    def show_changed(self, person_ids: list[str]) -> None:
        """Bring these people up to date in the index and summaries after another writer
        changed them (an import, a roster, another process): each reloaded, or when they are
        many, every summary read again, which is then faster. Ids of other records (households,
        transports) are passed over."""
        if len(person_ids) > REFRESH_LIMIT:
            self.load()
        elif person_ids:
            self.refresh(person_ids)

    def wrote_log(self, device_id: str, after: int, upto: int) -> None:
        """This session stored `device_id`'s events after `after` up to `upto` itself (an
        import): `catch_up` need not reload them."""
        self._watch.wrote(device_id, after, upto)

    def refresh(self, person_ids: list[str]) -> None:
        """Reload people changed by another writer (an import) into the index and summaries."""
        with self._repo.reading():
            states = self._repo.load_states(person_ids)
        self._people.remember(states[person_id] for person_id in person_ids if person_id in states)

    def add_note(self, person_id: str, text: str) -> None:
        clean = clean_text("note", text, max_len=NOTE_MAX, multiline=True, required=True)

        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            return [Draft(EventType.NOTE_ADDED, state.person_id, {"text": clean}, note=clean)]

        self._pipeline.commit(plan)

    def _change(
        self,
        kind: EventType,
        person_id: str,
        untrusted_fields: Mapping[str, object],
        *,
        note: str | None = None,
        force: bool = False,
    ) -> list[str]:
        def plan(txn: Txn) -> list[Draft]:
            state = txn.state(person_id)
            current = state.values()
            fields = self._fields(untrusted_fields, require_names=False, current=current)
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
            return [Draft(kind, state.person_id, payload, note=note)]

        return self._pipeline.commit(plan).result

    def _state(self, untrusted_id: str) -> PersonState:
        return load_person(self._repo, untrusted_id)

    def _new_person(self, untrusted: Mapping[str, object]) -> PersonFields:
        return self._fields(untrusted, require_names=True)

    def _fields(
        self,
        untrusted: Mapping[str, object],
        *,
        require_names: bool,
        current: PersonFields | None = None,
    ) -> PersonFields:
        return validated_fields(
            untrusted, today=self._today(), require_names=require_names, current=current
        )

    def transports(self) -> TransportService:
        """Transports: planning, passengers, boarding by scan (services.transports)."""
        return TransportService(
            self._repo, self._pipeline, self.person, self._people.household_members
        )

    # --- reads --------------------------------------------------------------------------------

    def person(self, untrusted_id: str) -> PersonView:
        with self._repo.reading():
            return self._person(untrusted_id)

    def _person(self, untrusted_id: str) -> PersonView:
        return person_view(self._repo, self._people, self._state(untrusted_id))

    def history(self, untrusted_id: str) -> list[HistoryEntry]:
        with self._repo.reading():
            person_id = self._state(untrusted_id).person_id
            events = self._repo.events_for(person_id)
        return history_of(events, self._operator_labels)

    def search(self, query: str, *, limit: int = 20) -> SearchResult:
        """Names fuzzily, IDs and band or tag scans exactly (see `person_reads.search_people`)."""
        return search_people(self._people, query, limit=limit, bands=self.bands)

    def search_index(self) -> SearchIndex:
        """The name index, with every save since the last search applied."""
        return self._people.search_index()

    def stats(self) -> Stats:
        return self._people.stats(self._today())

    def operators(self) -> dict[str, str]:
        return dict(self._operator_labels)

    def registered_times(self) -> Mapping[str, int]:
        """Person id -> packed clock of their registration (see `views.hlc_time`)."""
        return self._people.registered_times()

    def point_name(self) -> str:
        with self._repo.reading():
            value = self._repo.sealed_setting("point")
        return str(value.get("name", "")) if isinstance(value, dict) else ""

    # --- integrity ----------------------------------------------------------------------------

    def anchor_log_ends(self, repo: Repository) -> None:
        """Record every device's log end in the anchor after a commit made through another
        connection to this store (an import's batch): read after that commit, so never ahead."""
        marks = {d: Mark(seq, head, hlc) for d, seq, head, hlc in device_positions(repo)}
        self._anchor.record(marks)

    def verify(
        self, progress: Progress | None = None, cancelled: CancelFlag | None = None
    ) -> VerifyReport:
        """Check the database, every device's log and its end against the anchor, every sealed
        value, and every record derived from the log (see `services.verification`)."""
        with self._repo.reading():
            return verify_store(self._repo, progress, cancelled, anchor=self._anchor)
