"""Bulk work that makes very many small objects and no reference cycles (unlocking 100,000
people, importing bundles, building or applying a roster, writing PFIF): the cycle collector
would walk the whole growing heap again and again, adding up to half the time, and would find
nothing to free."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cycle_collection(*, kept: bool = False) -> Iterator[None]:
    """Pause the cycle collector for the block (reference counting still frees everything);
    restored as it was, whatever happens. Also usable as a decorator.

    `kept`: the objects the block makes are kept afterwards (unlock: the people cache holds
    about 10^6 of them). Pausing alone leaves the collector's count of new objects at a million,
    and the first allocation after the block starts a young collection that reads every one of
    them to find no garbage (about a tenth of an unlock). `gc.freeze()` then `gc.unfreeze()`
    moves every tracked object to the oldest generation and resets that count without looking
    at any object; full collections, which are rare, still examine them. The freeze is undone at
    once: nothing stays exempt from collection. Objects someone else froze on purpose are left
    frozen (then the block only pauses the collector)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if kept and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
