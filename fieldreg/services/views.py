"""What the services hand to the front ends: plain, immutable values (no store or Qt types)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fieldreg.core.entities import FieldValue, PersonFields
from fieldreg.core.hlc import packed_wall_ms


def hlc_time(packed: int) -> dt.datetime:
    """The wall-clock part of a packed hybrid logical clock, as an aware UTC datetime."""
    return dt.datetime.fromtimestamp(packed_wall_ms(packed) / 1000, tz=dt.UTC)


@dataclass(frozen=True, slots=True)
class NoteView:
    event_id: str
    when: dt.datetime
    text: str


@dataclass(frozen=True, slots=True)
class PersonView:
    person_id: str
    fields: PersonFields
    registered: dt.datetime | None
    updated: dt.datetime
    conflicts: dict[str, list[FieldValue]]
    notes: list[NoteView]
    bands: list[str]
    duplicate_of: list[str]
    household_members: list[str]
    erased: bool
    home_point: str | None = None  # the point that registered them, if not this one (roster)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    event_id: str
    when: dt.datetime
    device_id: str
    operator: str
    type: str
    changes: dict[str, FieldValue]


@dataclass(frozen=True, slots=True)
class PersonHit:
    person_id: str
    score: float
    reasons: tuple[str, ...]
    fields: PersonFields


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: list[PersonHit]
    id_error: str | None = None  # an error code when the query is an ID that does not check out
    exact_id: str | None = None  # the ID, when the query was a valid ID of a known person
    band_warning: str | None = None  # "scan.band_voided" / "scan.band_unknown" for a band scan


@dataclass(frozen=True, slots=True)
class Stats:
    total: int
    registered_today: int
    households: int
    with_needs: int
    by_status: dict[str, int]
    by_need: dict[str, int]


@dataclass(slots=True)
class VerifyReport:
    integrity: str = ""
    events: int = 0
    people: int = 0
    notes: int = 0
    problems: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    notices: list[tuple[str, dict[str, object]]] = field(default_factory=list)  # not problems

    @property
    def ok(self) -> bool:
        return not self.problems and self.integrity == "ok"


@dataclass(frozen=True, slots=True)
class RegisteredHousehold:
    """What `Session.register_household` saved: the household and its new members' IDs."""

    household_id: str
    new_ids: list[str]
