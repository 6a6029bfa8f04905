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

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress, repeat

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


@contextmanager
def unlocking() -> Iterator[None]:
    """The cycle collector paused for a block that makes about 10^6 small objects in no cycle,
    all kept afterwards (the people cache holds them), and those objects handed to the
    collector's oldest generation unexamined when the block ends.

    Pausing alone (`core.bulk.without_cycle_collection`) leaves the collector's count of new
    objects at a million: the first allocation after the block starts a young collection that
    reads every object the block made (each of them once, in no particular order in memory),
    to find no garbage, about a tenth of an unlock. `gc.freeze()` followed by `gc.unfreeze()`
    moves every tracked object to the oldest generation and resets that count, without looking
    at any object; the people are then examined only by full collections, which are rare and
    would read them anyway. The freeze is undone at once: nothing stays exempt from collection,
    and a cycle made elsewhere meanwhile is collected by the next full collection. Objects that
    someone else froze on purpose are left frozen (then the block only pauses the collector)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


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
