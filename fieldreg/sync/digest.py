"""A digest of what a store shows: people (fields, conflicts, duplicate marks, bands, erasure),
notes, households and every device's log position. Two stores that have seen the same events have
the same digest, whatever order the events arrived in; that is what the convergence tests check
and what a coordinator can compare with another machine's."""

from __future__ import annotations

import hashlib
from typing import Any

from fieldreg.core import canonical
from fieldreg.store.repository import Repository


def state_document(repo: Repository) -> dict[str, Any]:
    people: dict[str, Any] = {}
    for person_id in repo.person_ids():
        state = repo.load_state(person_id)
        if state is None:
            continue
        conflicts = {
            name: sorted(canonical.dumps(w.value).decode("utf-8") for w in writes)
            for name, writes in state.conflicts().items()
        }
        people[person_id] = {
            "values": {} if state.erased else state.values(),
            "conflicts": {} if state.erased else conflicts,
            "duplicate_of": state.duplicate_of.elements(),
            "bands": state.active_bands(),
            "erased": state.erased,
            "registered": list(state.registered) if state.registered else None,
            "notes": [[n.event_id, n.text] for n in repo.notes(person_id)],
        }
    return {
        "people": people,
        "households": repo.household_ids(),
        # A device with no events (a store's own, before it wrote any) is no part of what it holds.
        "devices": [[d, s, h] for d, s, h in repo.device_positions() if s > 0],
    }


def state_digest(repo: Repository) -> str:
    return hashlib.sha256(canonical.dumps(state_document(repo))).hexdigest()
