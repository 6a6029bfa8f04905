"""Unlock's bulk work, in columns: every person's summary opened (`store.summaries`), the
in-memory maps the session keeps, and the search index built from name columns.

At 100,000 people every Python call or object made per person shows in the unlock time, so
nothing here makes a `SearchEntry` or any other object per person beyond their fields: the index
takes flat lists of names and dates of birth
(`SearchIndex.bulk_load_flat`), and the maps are built by C-level `dict(zip())`.

The cycle collector is paused for the bulk work (`unlocking`), and what the work made is not
walked by it afterwards either: see `unlocking`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import compress, repeat

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.entities import PersonFields
from fieldreg.services.search_index import SearchIndex
from fieldreg.store.repository import Repository
from fieldreg.store.summaries import read_summaries

_HOUSEHOLD = "household_id"


@dataclass(frozen=True, slots=True)
class UnlockedPeople:
    summaries: dict[str, PersonFields]  # person id -> summary fields
    created: dict[str, int]  # person id -> packed clock of their registration
    households: dict[str, list[str]]  # household id -> member ids
    damaged: list[str]  # people whose summary did not open (see verify)
    old_rows: int  # summaries still written in version 1 (JSON)
    names: list[str]  # six names of each person in the order of `summaries` (see OpenedSummaries)
    dobs: list[str | None]  # the date of birth of each


def unlocking() -> AbstractContextManager[None]:
    """The collector paused while unlock makes the people it keeps, and those handed to its
    oldest generation unexamined when the block ends (`core.bulk.without_cycle_collection`)."""
    return without_cycle_collection(kept=True)


def read_people(
    repo: Repository, progress: Callable[[int, int], None] | None = None
) -> UnlockedPeople:
    """Every person's summary, opened, and the maps built from them; call inside
    `repo.reading()`."""
    with unlocking():
        opened = read_summaries(repo, progress)
        summaries = dict(zip(opened.ids, opened.fields, strict=True))
        created = dict(zip(opened.ids, opened.created, strict=True))
        households: dict[str, list[str]] = {}
        # Python runs only for the members: map, zip and compress visit everyone in C.
        members = list(map(dict.__contains__, opened.fields, repeat(_HOUSEHOLD)))
        for person_id, fields in compress(zip(opened.ids, opened.fields, strict=True), members):
            household = fields[_HOUSEHOLD]
            if type(household) is str and household:
                households.setdefault(household, []).append(person_id)
    return UnlockedPeople(
        summaries, created, households, opened.damaged, opened.old_rows, opened.names, opened.dobs
    )


def fill_index(index: SearchIndex, people: UnlockedPeople) -> None:
    """Replace the index's content with everyone unlocked (as `bulk_load` of their entries
    would)."""
    with unlocking():
        index.bulk_load_flat(list(people.summaries), people.names, people.dobs)
