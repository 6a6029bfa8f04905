"""Stored dates and moments as people read them: day first, in every language."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldreg.core.dates import day_first, moment_text, ms_text


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("1984-03-12", "12.03.1984"),
        ("2026-12-05 08:00", "05.12.2026 08:00"),
        ("1984", "1984"),  # a year only
        ("~1984", "~1984"),  # an estimated age
        ("", ""),
        ("2026-12-05T08:00", "2026-12-05T08:00"),  # not the stored form: shown as it is
    ],
)
def test_a_stored_date_is_shown_day_first(stored: str, shown: str) -> None:
    assert day_first(stored) == shown


def test_a_moment_is_written_day_first_with_its_zone() -> None:
    """What the command line and the reports print for a time: read elsewhere, it says its
    zone; a wall-clock time in milliseconds reads the same as the datetime it stands for."""
    moment = dt.datetime(2026, 12, 4, 3, 48, 59, tzinfo=dt.UTC)
    kyiv = dt.timezone(dt.timedelta(hours=2), "EET")
    assert moment_text(moment, dt.UTC) == "04.12.2026 03:48 UTC"
    assert moment_text(moment, kyiv) == "04.12.2026 05:48 EET"
    assert ms_text(int(moment.timestamp() * 1000), kyiv) == "04.12.2026 05:48 EET"
    assert ms_text(1_795_600_800_000, dt.UTC) == "25.11.2026 10:00 UTC"
