"""The one way the desk writes dates and times, in every language and on every page.

Day first with dots and a 24-hour clock (12.03.1984, 01.12.2026 19:44) for English, Ukrainian and
Russian alike: it is how volunteers in this European deployment write and type a date of birth,
so a history entry and the date of birth beside it read the same way. Qt's short locale formats
("12/1/26 7:44 PM" in English) differ per language and put the month first.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import QDate, QDateTime, QLocale

DATE_FORMAT: Final = "dd.MM.yyyy"
DATE_TIME_FORMAT: Final = "dd.MM.yyyy HH:mm"
_DATE_IN_WORDS: Final = "d MMMM yyyy"  # "12 March 1984", "12 березня 1984"


def date_time_ms(when_ms: int) -> str:
    """A wall-clock time (milliseconds since the epoch) in local time."""
    return QDateTime.fromMSecsSinceEpoch(when_ms).toString(DATE_TIME_FORMAT)


def date_time(moment: dt.datetime) -> str:
    """An aware datetime in local time."""
    return date_time_ms(int(moment.timestamp() * 1000))


def date_text(day: dt.date) -> str:
    return QDate(day.year, day.month, day.day).toString(DATE_FORMAT)


def date_in_words(day: dt.date) -> str:
    """The month spelled out in the UI language (what the date-of-birth field understood)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _DATE_IN_WORDS)
