"""Unlock's bulk read (`services.unlock`): the households it finds, and the cycle collector it
pauses and hands back (the people it read are moved to the collector's oldest generation, not
exempted from collection)."""

from __future__ import annotations

import gc
import weakref

from fieldreg.services.session import Session
from fieldreg.services.unlock import unlocking

FAMILY = [
    {"family_name": "Коваленко", "given_name": "Олена", "dob": "1984", "sex": "female"},
    {"family_name": "Коваленко", "given_name": "Марко", "dob": "2015", "sex": "male"},
]


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle_freed_by_collection() -> bool:
    """Make a reference cycle, drop it, and say whether `gc.collect()` freed it."""
    freed: list[bool] = []
    first, second = Node(), Node()
    first.other, second.other = second, first
    weakref.finalize(first, freed.append, True)
    del first, second
    gc.collect()
    return freed == [True]


def test_a_session_reloaded_finds_everyone_and_their_households(session: Session) -> None:
    alone = session.register({"family_name": "Бондар", "given_name": "Ірина"})
    mother, son = session.register_batch(FAMILY, new_household=True)
    household = session.person(mother).fields["household_id"]
    session.load()
    assert set(session.people) == {alone, mother, son}
    assert isinstance(household, str)
    assert sorted(session.people.household_members(household)) == sorted([mother, son])
    assert session.people.is_household(household)
    assert not session.people.is_household(alone)


def test_unlock_leaves_the_collector_on_and_nothing_exempt(session: Session) -> None:
    session.register_batch(FAMILY, new_household=True)
    assert gc.isenabled()
    session.load()  # read_people, then the index filled
    assert len(session.people) == 2
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert cycle_freed_by_collection()


def test_the_collector_is_off_inside_and_stays_off_if_it_was() -> None:
    with unlocking():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with unlocking():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0


def test_what_someone_else_froze_stays_frozen() -> None:
    kept = [Node() for _ in range(3)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with unlocking():
            pass
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    del kept
