"""The same person registered twice (at two points, or twice at one): the coordinator reviews the
likely pairs and marks those that are one person.

Likely pairs are found among everyone at once by the name matcher (`matching.pairs`: blocks on
phonetic keys, candidate pairs scored in bulk, any script, typos, Ukrainian/Russian equivalents,
the date of birth), each explained field by field. Siblings, parents and twins are not offered:
they differ in a given name or a date of birth, and members of one household are never paired.
Pairs that link two households more than once are one household suggestion (`households`).

A mark is an event: it syncs, it can be undone, and a mark made meanwhile elsewhere survives an
undo that did not see it. Both records stay. The later registration is marked as a duplicate of
the earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from fieldreg.core import ids
from fieldreg.core.names import detect_script
from fieldreg.matching.compare import Comparison, FieldAgreement, PersonNames
from fieldreg.matching.pairs import Record, find_duplicates
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.sync_store import SyncStore

MIN_SCORE: Final = 85.0  # below this, the pairs a coordinator saw were mostly relatives
MAX_CANDIDATES: Final = 1000


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str  # registered later: the one to mark
    other_id: str  # registered earlier: the one to keep
    score: float
    reasons: tuple[str, ...]  # reason codes (labels.REASON)
    fields: tuple[FieldAgreement, ...] = ()  # family, given, patronymic, date of birth
    households: tuple[str, str] | None = None  # set when two households look like one family


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
    """Pairs that may be one person, best first (a household suggestion's pairs together), for
    `person_ids` (people an import brought, say) against everyone, or for everyone. Pairs
    already marked (`marks`, if the caller read them already) are left out."""
    summaries = session.people.summaries()
    if marks is None:
        marks = marked_duplicates(session)
    marked = {frozenset((m.person_id, m.duplicate_of)) for m in marks}
    # A person marked as another's duplicate is that other one now: left out, so a third
    # registration of the same person is matched against the one who stays (each person's
    # best match only is offered, and the marked pair would stay the best of both for ever).
    merged = {m.person_id for m in marks}
    registered = session.registered_times()
    records = [
        _record(person_id, fields)
        for person_id, fields in sorted(summaries.items())
        if person_id not in merged
    ]
    wanted = None if person_ids is None else (set(person_ids) & set(summaries)) - merged
    found = find_duplicates(records, wanted, progress=progress, cancelled=cancelled)
    candidates: list[Candidate] = []
    grouped = [(h.households, match) for h in found.households for match in h.pairs]
    for households, match in [*grouped, *((None, m) for m in found.pairs)]:
        if frozenset((match.first, match.second)) in marked:
            continue
        earlier, later = sorted(
            (match.first, match.second), key=lambda p: (registered.get(p, 0), p)
        )
        comparison = match.comparison
        candidates.append(
            Candidate(
                later,
                earlier,
                comparison.score,
                _reason_codes(comparison, _scripts(summaries, match.first, match.second)),
                comparison.fields,
                households,
            )
        )
    if progress is not None:
        progress(1, 1)
    candidates = [c for c in candidates if c.score >= MIN_SCORE]
    candidates.sort(key=lambda c: (c.households is None, -c.score, c.other_id, c.person_id))
    return candidates[:MAX_CANDIDATES]


def _record(person_id: str, fields: Mapping[str, object]) -> Record:
    def text(name: str) -> str:
        value = fields.get(name)
        return value if isinstance(value, str) else ""

    names = PersonNames(
        text("family_name"),
        text("given_name"),
        text("patronymic"),
        text("latin_family_name"),
        text("latin_given_name"),
        text("latin_patronymic"),
        text("dob") or None,
    )
    return Record(person_id, names, text("sex") or None, text("household_id") or None)


_DOB_REASONS: Final = {
    "same": "dob.exact",
    "same_year": "dob.year",
    "off_by_one": "dob.off_by_one",
    "missing": "dob.unknown",
}


def _scripts(summaries: Mapping[str, Mapping[str, object]], *person_ids: str) -> set[str]:
    """The alphabets the family names of these people were first written in."""
    found: set[str] = set()
    for person_id in person_ids:
        family = summaries[person_id].get("family_name")
        found.add(detect_script(family) if isinstance(family, str) else "none")
    return found


def _reason_codes(comparison: Comparison, scripts: set[str]) -> tuple[str, ...]:
    """The field verdicts as the reason codes every list shows (labels.REASON)."""
    names = comparison.fields[:3]
    exact = all(f.verdict in ("same", "transliteration", "missing") for f in names)
    reasons = ["name.exact" if exact else "name.fuzzy"]
    if scripts >= {"cyrillic", "latin"} or any(f.verdict == "transliteration" for f in names):
        reasons.append("name.other_script")
    if any(f.verdict == "missing" for f in names):
        reasons.append("name.partial")
    dob = comparison.fields[3].verdict
    if dob in _DOB_REASONS:
        reasons.append(_DOB_REASONS[dob])
    return tuple(reasons)


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
