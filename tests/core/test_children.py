"""Ages for the desk's checks, and which children registered alone need a second look."""

from __future__ import annotations

from datetime import date

import pytest

from fieldreg.core.children import age_years, alone_without_flag, is_minor

TODAY = date(2026, 5, 10)


@pytest.mark.parametrize(
    ("dob", "age"),
    [
        ("2008-05-10", 18),  # eighteenth birthday today
        ("2008-05-11", 17),  # tomorrow
        ("2026-05-10", 0),
        ("2000-02-29", 26),
        ("2008", 17),  # born some time in 2008: may not be 18 yet
        ("2026", 0),
        ("~2008", 18),  # "18", as the person said
        ("~2026", 0),
        (None, None),
        ("", None),
        ("12.03.2015", None),  # not canonical
        (["2008"], None),
    ],
)
def test_age_years(dob: object, age: int | None) -> None:
    assert age_years(dob, TODAY) == age


def test_is_minor() -> None:
    assert is_minor("2008-05-11", TODAY)
    assert not is_minor("2008-05-10", TODAY)
    assert not is_minor(None, TODAY)


@pytest.mark.parametrize(
    ("fields", "warned"),
    [
        ({"dob": "2015"}, True),
        ({"dob": "2015", "needs": ["medical"]}, True),
        ({"dob": "2015", "needs": ["unaccompanied_child"]}, False),
        ({"dob": "2015", "needs": ["separated_child", "medical"]}, False),
        ({"dob": "2015", "household_id": "K7-0001-X"}, False),
        ({"dob": "1990"}, False),
        ({}, False),  # no date of birth: nothing to go on
    ],
)
def test_alone_without_flag(fields: dict[str, object], warned: bool) -> None:
    assert alone_without_flag(fields, TODAY) is warned  # type: ignore[arg-type]
