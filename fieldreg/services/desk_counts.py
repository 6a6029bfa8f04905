"""The counts the desk's status bar shows, cheap enough to refresh after every save.

`Session.stats()` gives every breakdown (by status, by need), sorting and copying them: run after
each save on the one worker thread it would hold up the next save or search. This counts four
figures from the people cache in a few milliseconds; "registered today" is the cache's own count.

`dashboard_figures` is what the dashboard draws and `fieldreg stats --json` prints: the export
service's counts of people (`exports.dashboard_figures`) and each transport's passengers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from fieldreg.core.entities import Status
from fieldreg.reports.figures import Figures, TransportFigure, transport_figures
from fieldreg.services import exports
from fieldreg.services.session import Session

__all__ = ["DeskCounts", "Figures", "TransportFigure", "dashboard_figures", "desk_counts"]


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


def by_transport(session: Session) -> tuple[TransportFigure, ...]:
    """Each transport's passengers: assigned, boarded (and so no-shows), planned departure."""
    return transport_figures(
        (
            view.transport_id,
            view.name,
            str(view.fields.get("departure") or ""),
            len(view.passengers),
            sum(1 for p in view.passengers if p.boarded is not None),
        )
        for view in session.transports().all()
    )


def dashboard_figures(session: Session) -> Figures:
    """The dashboard's and `fieldreg stats --json`'s numbers, transports included."""
    return replace(exports.dashboard_figures(session), by_transport=by_transport(session))
