"""The one way anything is written: drafts appended to this device's hash-chained log, folded into
the people they concern and committed durably in one transaction.

A use case hands `WritePipeline.commit` a plan: a function that reads people and allocates ids
through its `Txn` and returns the drafts to write. The plan runs inside the write transaction, so
a second process writing the same store cannot slip in between a read and the write based on it.
Only after the commit succeeded is `on_commit` told (the people cache), so a failed save (disk
full, database locked) leaves both the store and the screen as they were, and the anchor (the end
of every device's log, kept outside the database: `fieldreg.crypto.anchor`) records the positions
the commit made. An id already taken (the device's counter set back) is refused as
`store.counter_rewound`, nothing written.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy.exc

from fieldreg.core import ids
from fieldreg.core.errors import IntegrityError, NotFoundError
from fieldreg.core.events import TRANSPORT_EVENTS, Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.core.hlc import Hlc, HybridClock
from fieldreg.crypto.anchor import Anchor, Mark
from fieldreg.store.integrity import device_positions, id_taken
from fieldreg.store.repository import DeviceState, Repository
from fieldreg.store.transports import apply_transport_events


@dataclass(frozen=True, slots=True)
class Draft:
    """An event to be written: everything but the device-log position and the clock."""

    type: EventType
    subject_id: str
    payload: dict[str, Any]
    note: str | None = None


class _StaleDevice(Exception):
    """Another process appended to this device's log since it was cached."""


class _TakenId(IntegrityError):
    """A new id is taken: a stale cached counter (retried), else a counter set back."""

    def __init__(self, taken: str) -> None:
        super().__init__("store.counter_rewound", id=taken)


def load_person(repo: Repository, untrusted_id: str) -> PersonState:
    """A person's folded state; `person.not_found` if unknown or erased."""
    person_id = str(ids.parse_id(untrusted_id))
    state = repo.load_state(person_id)
    if state is None or state.erased:
        raise NotFoundError("person.not_found", id=person_id)
    return state


class Txn:
    """What a plan may do inside its transaction: read people and households, allocate ids."""

    def __init__(self, repo: Repository, device: DeviceState) -> None:
        self._repo = repo
        self._device = device
        self.states: dict[str, PersonState] = {}
        self.saved: set[str] = set()  # people whose row already exists in the store
        self.result: list[str] = []  # what the use case returns (new ids, changed fields)

    def allocate_id(self) -> str:
        """The device's next id; `store.counter_rewound` if a person or household has it already
        (the counter was set back: the store was edited), before anything is written."""
        device = self._device
        counter = ids.next_counter(device.prefix, device.next_counter - 1)
        device.next_counter = counter + 1
        new_id = ids.format_id(device.prefix, counter)
        if id_taken(self._repo, new_id):
            raise _TakenId(new_id)
        return new_id

    def state(self, untrusted_id: str) -> PersonState:
        person_id = str(ids.parse_id(untrusted_id))
        if person_id not in self.states:
            self.states[person_id] = load_person(self._repo, person_id)
            self.saved.add(person_id)
        return self.states[person_id]

    def require_household(self, household_id: str) -> None:
        if not self._repo.household_exists(household_id):
            raise NotFoundError("household.not_found", id=household_id)


Plan = Callable[[Txn], list[Draft]]


class WritePipeline:
    """Commits plans for one device and operator; caches the device's log position."""

    def __init__(
        self,
        repo: Repository,
        clock: HybridClock,
        *,
        device_id: str,
        operator_id: str,
        on_commit: Callable[[Iterable[PersonState]], None],
        anchor: Anchor | None = None,
        on_appended: Callable[[str, int, int], None] | None = None,
    ) -> None:
        self._repo = repo
        self._clock = clock
        self._device_id = device_id
        self._operator_id = operator_id
        self._on_commit = on_commit
        self._anchor = anchor
        self._on_appended = on_appended  # (device, last seq before, after) of each commit
        self._device: DeviceState | None = None  # this device's log position, once written

    def commit(self, plan: Plan) -> Txn:
        """Run `plan` in one write transaction and commit what it drafted, all or nothing.

        If another process moved this device's log since it was cached, the compare-and-set
        refuses the write and the plan runs again on fresh state."""
        stale_possible = self._device is not None
        try:
            return self._commit_once(plan)
        except (_StaleDevice, _TakenId, sqlalchemy.exc.IntegrityError):
            # A taken (device, seq) or id also means a stale position; a real one raises again.
            self._device = None
            if not stale_possible:
                raise
            return self._commit_once(plan)

    def _commit_once(self, plan: Plan) -> Txn:
        repo = self._repo
        cached = self._device
        with repo.transaction():
            device = replace(cached) if cached is not None else repo.device(self._device_id)
            if device is None:
                raise IntegrityError("store.no_device")
            expected = (device.last_seq, device.next_counter)
            txn = Txn(repo, device)
            drafts = plan(txn)
            if not drafts:
                return txn
            last = self._clock.last
            if device.last_hlc and (last is None or Hlc.unpack(device.last_hlc) > last):
                self._clock.observe(Hlc.unpack(device.last_hlc))  # another process wrote since
            transport_events: list[Event] = []
            for draft in drafts:
                event = make_event(
                    device_id=self._device_id,
                    seq=device.last_seq + 1,
                    hlc=self._clock.tick().pack(),
                    operator_id=self._operator_id,
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
                if draft.type in TRANSPORT_EVENTS:
                    transport_events.append(event)
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
            if transport_events:
                apply_transport_events(repo, transport_events)
            if not repo.save_device(device, expected=expected):
                raise _StaleDevice
            marks = device_positions(repo) if self._anchor is not None else []
        self._device = device
        if self._anchor is not None and not repo.conn.in_transaction():  # durable: not in a batch
            self._anchor.record({d: Mark(s, h, c) for d, s, h, c in marks})
        self._on_commit(txn.states.values())
        if self._on_appended is not None:
            self._on_appended(self._device_id, expected[0], device.last_seq)
        return txn
