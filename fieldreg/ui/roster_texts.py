"""The roster in words, the same on the Sync page, the Coordinator page and the status bar: how
old the applied roster is, when it expires, and what an import did ("Roster 12 applied: 1,204
people added, 37 updated, 2 erased; 1 laptop revoked").

Plain functions of plain values (versions, counts, aware datetimes); numbers are written in the
language's way (1,204 / 1 204). The words live in one small QObject so that Qt Linguist sees
their plural forms (context "RosterTexts").
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Final

from PySide6.QtCore import QLocale, QObject

from fieldreg.ui.dates import date_time

URGENT: Final = dt.timedelta(days=1)  # the status bar turns red this close to the expiry


def number(value: int) -> str:
    return QLocale().toString(value)


def _span(seconds: float, *, up: bool = False) -> tuple[str, int]:
    """The largest whole unit of a non-negative span: ("min"|"h"|"days", count); hours up to
    two days, so "days" always counts two or more. `up`: rounded up (time left: a roster valid
    for 14 days reads "expires in 14 days" when written, not 13)."""
    minutes = math.ceil(seconds / 60) if up else int(seconds // 60)
    if minutes < 60:
        return "min", minutes
    if minutes < 48 * 60:
        return "h", -(-minutes // 60) if up else minutes // 60
    day = 24 * 60
    return "days", -(-minutes // day) if up else minutes // day


class RosterTexts(QObject):
    def age(self, created: dt.datetime, now: dt.datetime) -> str:
        unit, count = _span(max((now - created).total_seconds(), 0))
        if unit == "min":
            return self.tr("%n min old", None, count)
        if unit == "h":
            return self.tr("%n h old", None, count)
        return self.tr("%n days old", None, count)

    def expiry(self, expires: dt.datetime, now: dt.datetime) -> str:
        left = (expires - now).total_seconds()
        if left <= 0:
            return self.tr("expired on {when}").format(when=date_time(expires))
        unit, count = _span(left, up=True)
        if unit == "min":
            return self.tr("expires in %n min", None, count)
        if unit == "h":
            return self.tr("expires in %n h", None, count)
        return self.tr("expires in %n days", None, count)

    def status_bar(self, version: int, age: str, expiry: str) -> str:
        return self.tr("Roster v{version} · {age} · {expiry}").format(
            version=version, age=age, expiry=expiry
        )

    def applied(self, version: int, added: int, updated: int, erased: int, revoked: int) -> str:
        text = self.tr(
            "Roster {version} applied: %Ln people added, {updated} updated, {erased} erased",
            None,
            added,
        ).format(version=version, updated=number(updated), erased=number(erased))
        if revoked:
            return text + self.tr("; %n laptops revoked", None, revoked)
        return text

    def written(self, version: int, created: dt.datetime, expires: dt.datetime) -> str:
        return self.tr("Roster {version}, written {created}, valid until {expires}").format(
            version=version, created=date_time(created), expires=date_time(expires)
        )


def age_text(created: dt.datetime, now: dt.datetime) -> str:
    """ "3 h old", "12 min old", "4 days old"."""
    return RosterTexts().age(created, now)


def expiry_text(expires: dt.datetime, now: dt.datetime) -> str:
    """ "expires in 4 days", "expires in 5 h", or "expired on 01.12.2026 14:02"."""
    return RosterTexts().expiry(expires, now)


def urgent(expires: dt.datetime, now: dt.datetime) -> bool:
    """Expired, or expiring within a day: the status bar shows it in red."""
    return expires - now <= URGENT


def status_bar_text(
    version: int, created: dt.datetime, expires: dt.datetime, now: dt.datetime
) -> str:
    """ "Roster v12 · 3 h old · expires in 4 days"."""
    texts = RosterTexts()
    return texts.status_bar(version, texts.age(created, now), texts.expiry(expires, now))


def applied_text(version: int, added: int, updated: int, erased: int, revoked: int) -> str:
    """ "Roster 12 applied: 1,204 people added, 37 updated, 2 erased; 1 laptop revoked"."""
    return RosterTexts().applied(version, added, updated, erased, revoked)


def written_text(version: int, created: dt.datetime, expires: dt.datetime) -> str:
    """ "Roster 12, written 01.12.2026 14:02, valid until 08.12.2026 14:02"."""
    return RosterTexts().written(version, created, expires)
