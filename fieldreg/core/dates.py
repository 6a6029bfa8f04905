"""How a stored date is written for people: day first with dots, and a 24-hour clock
(12.03.1984, 05.12.2026 08:00), in English, Ukrainian and Russian alike, as volunteers in this
deployment write and type a date of birth. The store keeps ISO 8601 (1984-03-12,
2026-12-05 08:00), which sorts and travels; the desk's Qt side writes the same way
(`fieldreg.ui.dates`); the command line and the reports add the zone, since what they print
is read elsewhere (04.12.2026 03:48 UTC)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})((?: [0-9]{2}:[0-9]{2})?)")


def day_first(text: str) -> str:
    """A stored date, or date and time, day first: "1984-03-12" as 12.03.1984, "2026-12-05 08:00"
    as 05.12.2026 08:00; anything else (a year, "~1984") as it is."""
    found = _ISO.fullmatch(text)
    if found is None:
        return text
    year, month, day, time = found.groups()
    return f"{day}.{month}.{year}{time}"


def moment_text(moment: dt.datetime, zone: dt.tzinfo | None = None) -> str:
    """An aware datetime to the minute, day first, with its zone: in local time, or in `zone`
    ("04.12.2026 05:48 EET", "04.12.2026 03:48 UTC")."""
    return f"{moment.astimezone(zone):%d.%m.%Y %H:%M %Z}".rstrip()


def ms_text(when_ms: int, zone: dt.tzinfo | None = None) -> str:
    """`moment_text` of a wall-clock time in milliseconds since the epoch."""
    return moment_text(dt.datetime.fromtimestamp(when_ms / 1000, dt.UTC), zone)
