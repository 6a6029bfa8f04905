"""Stored dates as people read them: day first, in every language."""

from __future__ import annotations

import pytest

from fieldreg.core.dates import day_first


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
