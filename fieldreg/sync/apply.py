"""Applying events from another device to this store, inside the caller's transaction.

The events are appended to their device's log as they are (same ids, clocks and chain), and
folded into the people they concern with `fieldreg.core.fold.apply`, which is order-independent and
idempotent: whatever order bundles arrive in, every store that has the same events shows the same
people. Notes are add-only rows; an erased person's events and notes lose their bodies here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fieldreg.core.errors import Cancelled
from fieldreg.core.events import TRANSPORT_EVENTS, Event, EventType
from fieldreg.core.fold import PersonState, apply
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.store.repository import INSERT_EVENT, Repository, event_row, note_row
from fieldreg.store.sealed_json import encode_json, event_body_json
from fieldreg.store.sync_store import SyncStore
from fieldreg.store.transports import apply_transport_events
from fieldreg.sync.decoder import Decoded

_STEP = 500  # events between progress reports and cancel checks


@dataclass(slots=True)
class Applied:
    events: int = 0
    people: list[str] = field(default_factory=list)  # people whose state changed
    conflicts: list[str] = field(default_factory=list)  # of those, who is now in conflict


def apply_events(
    repo: Repository,
    events: list[Event],
    *,
    prepared: Decoded | None = None,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> Applied:
    """Append `events` (new to this store, in chain order) and fold them in; no commit here.
    `prepared` (from decoding their bundle) carries the bodies already encoded."""
    result = Applied()
    states: dict[str, PersonState] = {}
    is_new: set[str] = set()
    notes: list[dict[str, object]] = []
    households: dict[str, int] = {}
    seal_note = repo.sealer.sealer_for("notes", "body")
    transport_events: list[Event] = []
    stored = repo.load_states(
        e.subject_id
        for e in events
        if e.type is not EventType.HOUSEHOLD_CREATED and e.type not in TRANSPORT_EVENTS
    )
    if prepared is not None:
        bodies = [prepared.bodies[event.seq] for event in events]
    else:
        bodies = [event_body_json(event) for event in events]
    # Sealed in one call (one draw of nonces, no Python call per event), then the rows, which
    # the server stores while the events are folded (`inserting`: no database use in the block).
    sealed = repo.sealer.seal_many("events", "body", [e.event_id for e in events], bodies)
    rows = [event_row(e, b) for e, b in zip(events, sealed, strict=True)]
    with repo.inserting(INSERT_EVENT, rows):
        for done, event in enumerate(events, start=1):
            if done % _STEP == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled
                if progress is not None:
                    progress(done, len(events))
            subject = event.subject_id
            if event.type is EventType.HOUSEHOLD_CREATED:
                households.setdefault(subject, event.hlc)
                continue
            if event.type in TRANSPORT_EVENTS:
                transport_events.append(event)
                continue
            state = states.get(subject)
            if state is None:
                loaded = stored.get(subject)
                if loaded is None:
                    is_new.add(subject)
                    loaded = PersonState(subject)
                state = states[subject] = loaded
            apply(state, event)
            text = event.payload.get("text") if event.type is EventType.NOTE_ADDED else None
            if event.type is EventType.STATUS_CHANGED:
                text = event.payload.get("note")
            if isinstance(text, str) and text:
                notes.append(_note_row(event, text, seal_note))
        people = repo.person_rows(states.values(), new=is_new)
    repo.add_households(households)
    repo.save_person_rows(people)
    repo.add_note_rows(notes)
    apply_transport_events(repo, transport_events)
    for person_id, state in states.items():
        if state.erased:
            repo.redact(person_id)
    result.events = len(events)
    result.people = sorted(states)
    result.conflicts = [p for p, s in sorted(states.items()) if not s.erased and s.in_conflict]
    store = SyncStore(repo)
    store.note_conflicts(result.conflicts)
    store.note_duplicates([p for p, s in states.items() if s.duplicate_of.adds])
    return result


def _note_row(event: Event, text: str, seal: Callable[[str, bytes], bytes]) -> dict[str, object]:
    sealed = seal(event.event_id, encode_json({"text": text}))
    return note_row(event.event_id, event.subject_id, event.hlc, sealed)
