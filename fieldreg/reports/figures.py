"""The dashboard's numbers: people counted by status, by point, by need and by day of
registration, and each transport's passengers (assigned, boarded, no-shows). The desk's
dashboard and `fieldreg stats --json` both show exactly these."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from fieldreg.reports.people_table import PersonRecord


@dataclass(frozen=True, slots=True)
class TransportFigure:
    """One transport's passengers. No-shows are counted as the final manifest counts them:
    once boarding has begun, everyone assigned who has not boarded; before that, none."""

    transport_id: str
    name: str
    departure: str  # planned, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"; "" when not planned
    assigned: int
    boarded: int

    @property
    def no_shows(self) -> int:
        return self.assigned - self.boarded if self.boarded else 0

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.transport_id,
            "name": self.name,
            "departure": self.departure or None,
            "assigned": self.assigned,
            "boarded": self.boarded,
            "no_shows": self.no_shows,
        }


@dataclass(frozen=True, slots=True)
class Figures:
    total: int
    by_status: dict[str, int]  # "" counts people without a status
    by_point: dict[str, int]
    by_need: dict[str, int]  # a person with two needs counts under both
    by_day: dict[str, int]  # local calendar day "YYYY-MM-DD" -> people registered that day
    by_transport: tuple[TransportFigure, ...] = ()  # by planned departure, then ID

    def as_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "by_status": self.by_status,
            "by_point": self.by_point,
            "by_need": self.by_need,
            "by_day": self.by_day,
            "by_transport": [t.as_json() for t in self.by_transport],
        }


def figures(records: Iterable[PersonRecord], tz: dt.tzinfo | None = None) -> Figures:
    """Counts over `records`; days in `tz` (None: this machine's local time)."""
    by_status: Counter[str] = Counter()
    by_point: Counter[str] = Counter()
    by_need: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    total = 0
    for record in records:
        total += 1
        fields = record.fields
        status = fields.get("status")
        by_status[status if isinstance(status, str) else ""] += 1
        by_point[record.point] += 1
        needs = fields.get("needs")
        if isinstance(needs, list):
            by_need.update(needs)
        if record.registered is not None:
            by_day[record.registered.astimezone(tz).date().isoformat()] += 1
    return Figures(
        total=total,
        by_status=dict(sorted(by_status.items())),
        by_point=dict(sorted(by_point.items())),
        by_need=dict(sorted(by_need.items())),
        by_day=dict(sorted(by_day.items())),
    )


def transport_figures(
    transports: Iterable[tuple[str, str, str, int, int]],
) -> tuple[TransportFigure, ...]:
    """(ID, name, departure, assigned, boarded) of each transport, by departure then ID (the
    Transports page's order; a transport without a departure first, as there)."""
    return tuple(TransportFigure(*t) for t in sorted(transports, key=lambda t: (t[2], t[0])))
