"""The counts the desk's status bar shows, cheap enough to refresh after every save.

`Session.stats()` gives every breakdown (by status, by need), sorting and copying them: run after
each save on the one worker thread it would hold up the next save or search. This counts four
figures from the people cache in a few milliseconds; "registered today" is the cache's own count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldreg.core.entities import Status
from fieldreg.services.session import Session


@dataclass(frozen=True, slots=True)
class DeskCounts:
    total: int
    registered_today: int
    waiting: int
    with_needs: int


def desk_counts(session: Session, today: dt.date | None = None) -> DeskCounts:
    people = session.people
    waiting_status = Status.WAITING.value
    waiting = with_needs = 0
    for fields in people.summaries().values():
        if fields.get("status") == waiting_status:
            waiting += 1
        if fields.get("needs"):
            with_needs += 1
    registered_today = people.registered_on(today or session.today())
    return DeskCounts(len(people), registered_today, waiting, with_needs)
