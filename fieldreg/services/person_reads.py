"""What a person looks like to a reader: the full view, the history, and search results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

from fieldreg.core import ids
from fieldreg.core.entities import FIELDS, FieldValue
from fieldreg.core.errors import IdError
from fieldreg.core.events import Event
from fieldreg.core.fold import PersonState
from fieldreg.printing.payload import looks_like_scan, parse_scan
from fieldreg.services.people_cache import PeopleView
from fieldreg.services.views import (
    HistoryEntry,
    NoteView,
    PersonHit,
    PersonView,
    SearchResult,
    hlc_time,
)
from fieldreg.store.repository import Repository
from fieldreg.store.roster_store import RosterStore


def person_view(repo: Repository, people: PeopleView, state: PersonState) -> PersonView:
    """Everything about one person; run inside `repo.reading()` (the notes are read)."""
    person_id = state.person_id
    fields = state.values()
    household = fields.get("household_id")
    members = sorted(people.household_members(household)) if isinstance(household, str) else []
    return PersonView(
        person_id=person_id,
        fields=fields,
        registered=hlc_time(state.registered[0]) if state.registered else None,
        updated=hlc_time(state.updated[0]),
        conflicts={name: [w.value for w in ws] for name, ws in state.conflicts().items()},
        notes=[NoteView(n.event_id, hlc_time(n.hlc), n.text) for n in repo.notes(person_id)],
        bands=state.active_bands(),
        duplicate_of=state.duplicate_of.elements(),
        household_members=members,
        erased=state.erased,
        home_point=home_point(repo, person_id),
    )


def home_point(repo: Repository, person_id: str) -> str | None:
    """The point name (else the prefix) of a person a roster brought here; None if registered
    here."""
    store = RosterStore(repo)
    home = store.home(person_id)
    if home is None:
        return None
    return store.devices().get(home, home)


def history_of(events: Iterable[Event], operator_labels: Mapping[str, str]) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            event_id=event.event_id,
            when=hlc_time(event.hlc),
            device_id=event.device_id,
            operator=operator_labels.get(event.operator_id, event.operator_id[:8]),
            type=event.type.value,
            changes=_changes_of(event),
        )
        for event in events
    ]


def search_people(
    people: PeopleView,
    query: str,
    *,
    limit: int,
    bands: Callable[[str], Mapping[str, bool]],
) -> SearchResult:
    """Names fuzzily across scripts; an ID or a band/tag payload (also typed on a Cyrillic
    layout) exactly, with the ID's own error codes; a voided or unknown band warns (`bands`
    gives a person's bands: band id -> still valid)."""
    text = query.strip()
    if not text:
        return SearchResult(hits=[])
    if ids.looks_like_id(text) or looks_like_scan(text):
        try:
            scan = parse_scan(text)
        except IdError as exc:
            return SearchResult(hits=[], id_error=exc.code)
        person_id = scan.person_id
        fields = people.summary(person_id)
        if fields is None:
            return SearchResult(hits=[], id_error="id.unknown")
        warning = None
        if scan.band_id is not None:
            valid = bands(person_id).get(scan.band_id)
            warning = "scan.band_unknown" if valid is None else None
            warning = "scan.band_voided" if valid is False else warning
        return SearchResult(
            hits=[PersonHit(person_id, 100.0, ("id.exact",), dict(fields))],
            exact_id=person_id,
            band_warning=warning,
        )
    summary = people.summary
    return SearchResult(
        hits=[
            PersonHit(hit.person_id, hit.score, hit.reasons, dict(fields))
            for hit in people.search_index().search(text, limit=limit)
            if (fields := summary(hit.person_id)) is not None
        ]
    )


_FIELD_ORDER: Final = {name: position for position, name in enumerate(FIELDS)}
_LAST: Final = len(FIELDS)


def _changes_of(event: Event) -> dict[str, FieldValue]:
    """What the event set, the person's fields in the order the form and `show` list them
    (family name first; the payload's own order is alphabetical), others after them."""
    payload = event.payload
    fields = payload.get("fields")
    if isinstance(fields, dict):
        return dict(sorted(fields.items(), key=lambda item: _FIELD_ORDER.get(item[0], _LAST)))
    result: dict[str, FieldValue] = {}
    for key in ("household_id", "relationship", "band_id", "duplicate_of", "text"):
        value = payload.get(key)
        if isinstance(value, str):
            result[key] = value
    return result
