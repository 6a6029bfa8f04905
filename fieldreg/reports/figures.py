"""The dashboard's numbers: people counted by status, by point, by need and by day of
registration. The desk's dashboard and `fieldreg stats --json` both show exactly these."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from fieldreg.reports.people_table import PersonRecord


@dataclass(frozen=True, slots=True)
class Figures:
    total: int
    by_status: dict[str, int]  # "" counts people without a status
    by_point: dict[str, int]
    by_need: dict[str, int]  # a person with two needs counts under both
    by_day: dict[str, int]  # local calendar day "YYYY-MM-DD" -> people registered that day

    def as_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "by_status": self.by_status,
            "by_point": self.by_point,
            "by_need": self.by_need,
            "by_day": self.by_day,
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
