"""The same person registered twice (at two points, or twice at one): the coordinator reviews the
likely pairs and marks those that are one person.

Likely pairs are found with the search the desk uses while a volunteer types (any script, typos,
names in another order, the date of birth), asked with each person's family and given names and
date of birth. A pair is offered only if both names matched and the score is high; siblings and
parents differ in a name or in the date of birth.

A mark is an event: it syncs, it can be undone, and a mark made meanwhile elsewhere survives an
undo that did not see it. Both records stay. The later registration is marked as a duplicate of
the earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from fieldreg.core import ids
from fieldreg.core.errors import Cancelled
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.sync_store import SyncStore

MIN_SCORE: Final = 85.0  # below this, the pairs a coordinator saw were mostly relatives
MAX_CANDIDATES: Final = 1000
_PER_PERSON: Final = 6  # hits asked for each person (the person themselves among them)
_STEP: Final = 200  # people between progress reports and cancel checks


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str  # registered later: the one to mark
    other_id: str  # registered earlier: the one to keep
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    person_id: str
    duplicate_of: str


def likely_duplicates(
    session: Session,
    person_ids: Iterable[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    marks: list[Mark] | None = None,
) -> list[Candidate]:
    """Pairs that may be one person, best first, for `person_ids` (people an import brought,
    say) against everyone, or for everyone. Pairs already marked (`marks`, if the caller read
    them already) are left out."""
    summaries = session.people.summaries()
    people = sorted(summaries if person_ids is None else set(person_ids) & set(summaries))
    if marks is None:
        marks = marked_duplicates(session)
    marked = {frozenset((m.person_id, m.duplicate_of)) for m in marks}
    registered = session.registered_times()
    index = session.search_index()
    seen: set[frozenset[str]] = set()
    found: list[Candidate] = []
    for done, person_id in enumerate(people):
        if done % _STEP == 0:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(done, len(people))
        fields = summaries[person_id]
        # Family and given names only: a patronymic is often left out at one of two points,
        # and a name asked for but missing from the other record counts against it.
        words = [fields.get("family_name"), fields.get("given_name")]
        if not all(isinstance(word, str) and word for word in words):
            continue  # one name alone matches too many people to mean anything
        dob = fields.get("dob")
        hits = index.search(
            f"{words[0]} {words[1]} ",  # the trailing space: the last name is complete, no prefix
            limit=_PER_PERSON,
            dob=dob if isinstance(dob, str) else None,
            min_score=MIN_SCORE,
        )
        for hit in hits:
            other = hit.person_id
            pair = frozenset((person_id, other))
            if other == person_id or other not in summaries or pair in seen or pair in marked:
                continue
            if "name.unmatched" in hit.reasons:
                continue
            seen.add(pair)
            earlier, later = sorted((person_id, other), key=lambda p: (registered.get(p, 0), p))
            found.append(Candidate(later, earlier, hit.score, hit.reasons))
    if progress is not None:
        progress(len(people), len(people))
    found.sort(key=lambda c: (-c.score, c.other_id, c.person_id))
    return found[:MAX_CANDIDATES]


def marked_duplicates(session: Session) -> list[Mark]:
    """Every duplicate mark in force, by the person marked."""
    marks: list[Mark] = []
    with sync_repository(session) as repo, repo.reading():
        for person_id in sorted(SyncStore(repo).duplicate_ids()):
            state = repo.load_state(person_id)
            if state is None or state.erased:
                continue
            marks.extend(Mark(person_id, other) for other in state.duplicate_of.elements())
    return marks


def mark(session: Session, person_id: str, of_id: str) -> bool:
    """Mark `person_id` as the same person as `of_id`; False if it was marked already."""
    marked_id = str(ids.parse_id(person_id))
    with sync_repository(session) as repo, repo.transaction():
        SyncStore(repo).note_duplicates([marked_id])  # a hint first: listing checks the state
    return session.mark_duplicate(marked_id, of_id)


def unmark(session: Session, person_id: str, of_id: str) -> None:
    """Undo the mark: they are two people after all."""
    session.unmark_duplicate(person_id, of_id)
