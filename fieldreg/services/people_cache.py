"""Everyone's summary, decrypted into memory at unlock: what search, the roster, band printing,
the duplicate review and the desk's counts read without touching the store.

Callers get a `PeopleView`: typed read-only (mypy, strict, checks every caller), and at run time
too for what it hands out one by one (`summary`) and for the mapping of everyone (`summaries`); the
summaries inside that mapping are not wrapped one by one, which would cost 100,000 objects (4 MB)
at unlock. Only the session changes the cache: `load` at unlock, `remember` after each commit,
`clear` at lock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Protocol

from fieldreg.core.entities import FIELDS, FieldValue, Group, PersonFields
from fieldreg.core.fold import PersonState
from fieldreg.core.hlc import Hlc
from fieldreg.services.search_index import SearchEntry, SearchIndex
from fieldreg.services.unlock import UnlockedPeople, fill_index
from fieldreg.services.views import Stats

Summary = Mapping[str, FieldValue]
SUMMARY_FIELDS = frozenset(name for name, spec in FIELDS.items() if spec.group is Group.SUMMARY)


def day_bounds(day: dt.date) -> tuple[int, int]:
    """Packed clocks of local midnight at the start and at the end of `day`: "registered today"
    compares packed clocks, with no conversion per person."""
    midnight = dt.datetime.combine(day, dt.time()).astimezone()  # naive = local time
    start = Hlc(int(midnight.timestamp() * 1000), 0).pack()
    end_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone()
    return start, Hlc(int(end_midnight.timestamp() * 1000), 0).pack()


class PeopleView(Protocol):
    """What everyone but the session may do with the cache: read it."""

    def __len__(self) -> int: ...
    def __contains__(self, person_id: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def summary(self, person_id: str) -> Summary | None: ...
    def summaries(self) -> Mapping[str, Summary]: ...
    def household_members(self, household_id: str) -> tuple[str, ...]: ...
    def is_household(self, record_id: str) -> bool: ...
    def registered_times(self) -> Mapping[str, int]: ...
    def registered_on(self, day: dt.date) -> int: ...
    def stats(self, today: dt.date) -> Stats: ...
    def search_index(self) -> SearchIndex: ...
    @property
    def damaged(self) -> tuple[str, ...]: ...


class PeopleCache:
    """The cache itself; see the module. Its `PeopleView` methods never hand out a mutable part."""

    def __init__(self) -> None:
        self._summaries: dict[str, PersonFields] = {}
        self._created: dict[str, int] = {}
        self._households: dict[str, list[str]] = {}
        self._damaged: tuple[str, ...] = ()
        self._index = SearchIndex()
        # Index updates wait for the next search: a save should not pay for them (None = removed).
        self._index_pending: dict[str, SearchEntry | None] = {}

    # --- reads (PeopleView) -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._summaries)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._summaries

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._summaries))

    def summary(self, person_id: str) -> Summary | None:
        fields = self._summaries.get(person_id)
        return None if fields is None else MappingProxyType(fields)

    def summaries(self) -> Mapping[str, Summary]:
        return MappingProxyType(self._summaries)

    def household_members(self, household_id: str) -> tuple[str, ...]:
        """The members known here; () for an unknown household."""
        return tuple(self._households.get(household_id, ()))

    def is_household(self, record_id: str) -> bool:
        """Whether someone here belongs or belonged to household `record_id`."""
        return record_id in self._households

    def household_count(self) -> int:
        return sum(1 for members in self._households.values() if members)

    def registered_times(self) -> Mapping[str, int]:
        """Person id -> packed clock of their registration (see `views.hlc_time`)."""
        return MappingProxyType(self._created)

    def registered_on(self, day: dt.date) -> int:
        """How many of the people here were registered on the local calendar day `day`."""
        start, end = day_bounds(day)
        return sum(1 for c in self._created.values() if start <= c < end)

    def stats(self, today: dt.date) -> Stats:
        by_status: Counter[str] = Counter()
        by_need: Counter[str] = Counter()
        with_needs = 0
        for fields in self._summaries.values():
            status = fields.get("status")
            by_status[status if isinstance(status, str) else ""] += 1
            needs = fields.get("needs")
            if needs:
                with_needs += 1
                by_need.update(needs)
        return Stats(
            total=len(self._summaries),
            registered_today=self.registered_on(today),
            households=self.household_count(),
            with_needs=with_needs,
            by_status=dict(sorted(by_status.items())),
            by_need=dict(sorted(by_need.items())),
        )

    def search_index(self) -> SearchIndex:
        """The name index, with every save since the last search applied."""
        pending, self._index_pending = self._index_pending, {}
        for person_id, entry in pending.items():
            if entry is None:
                self._index.remove(person_id)
            else:
                self._index.upsert(entry)
        return self._index

    @property
    def damaged(self) -> tuple[str, ...]:
        """People whose summary did not open at unlock (see verify)."""
        return self._damaged

    # --- changes (the session only) -----------------------------------------------------------

    def load(self, people: UnlockedPeople) -> None:
        """Replace everything with the people read at unlock (`unlock.read_people`)."""
        fill_index(self._index, people)
        self._index_pending = {}
        self._summaries, self._created = people.summaries, people.created
        self._households = people.households
        self._damaged = tuple(people.damaged)

    def remember(self, states: Iterable[PersonState]) -> None:
        """Take in people as they are after a commit (or an import by another writer)."""
        for state in states:
            self._remember(state)

    def _remember(self, state: PersonState) -> None:
        values = state.values()
        person_id = state.person_id
        old = self._summaries.get(person_id)
        old_household = None if old is None else old.get("household_id")
        if state.erased:
            self._summaries.pop(person_id, None)
            self._created.pop(person_id, None)
            self._index_pending[person_id] = None
        else:
            summary = {k: v for k, v in values.items() if k in SUMMARY_FIELDS}
            self._summaries[person_id] = summary
            self._created.setdefault(person_id, state.registered[0] if state.registered else 0)
            self._index_pending[person_id] = search_entry(person_id, values)
        new_household = None if state.erased else values.get("household_id")
        if old_household != new_household:
            members = (
                self._households.get(old_household, []) if isinstance(old_household, str) else []
            )
            if person_id in members:
                members.remove(person_id)
            if isinstance(new_household, str):
                self._households.setdefault(new_household, []).append(person_id)

    def clear(self) -> None:
        """Drop every decrypted value (lock)."""
        self._index.clear()
        self._index_pending = {}
        self._summaries = {}
        self._households = {}
        self._created = {}
        self._damaged = ()


def search_entry(person_id: str, fields: Mapping[str, FieldValue]) -> SearchEntry:
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
