"""Children: how old a person is for the desk's purposes, and which children need a second look.

A date of birth may be exact, a year or an estimate ("~2015", from an age the person gave). The
age used here is the one a protection check can rely on: exact dates give the completed years; an
estimate gives the age that was said; a bare year gives the youngest the person can be (their
birthday may still be ahead), so a child born in 2008 counts as a minor all through 2026.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from fieldreg.core.entities import FieldValue, Need
from fieldreg.core.validation import dob_year

ADULT_AGE: Final = 18
# A child registered alone is expected to carry one of these; without either, the desk warns.
CHILD_ALONE_NEEDS: Final = frozenset({Need.UNACCOMPANIED_CHILD.value, Need.SEPARATED_CHILD.value})


def year_of(dob: object) -> int | None:
    """The year of a canonical dob ("1984-03-12", "1984", "~1984"), else None."""
    if not isinstance(dob, str):
        return None
    try:
        return dob_year(dob)
    except ValueError:
        return None


def age_years(dob: object, today: date) -> int | None:
    """The age in whole years for a canonical dob ("1984-03-12", "1984", "~1984"), else None."""
    if not isinstance(dob, str) or (year := year_of(dob)) is None:
        return None
    if dob.startswith("~"):
        return max(today.year - year, 0)
    if len(dob) == 4:
        return max(today.year - year - 1, 0)
    born = date.fromisoformat(dob)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def is_minor(dob: object, today: date) -> bool:
    age = age_years(dob, today)
    return age is not None and age < ADULT_AGE


def alone_without_flag(fields: Mapping[str, FieldValue], today: date) -> bool:
    """A minor with no household and not marked unaccompanied or separated: someone must check
    who brought the child, and record it."""
    if not is_minor(fields.get("dob"), today) or fields.get("household_id"):
        return False
    needs = fields.get("needs")
    return not (isinstance(needs, list) and CHILD_ALONE_NEEDS.intersection(needs))
