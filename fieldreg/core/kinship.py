"""Relationships to a household's head that the two years of birth make unlikely: a ten-year-old
recorded as the head's spouse, a "child" older than the head, a "grandparent" born after them.

A wrong pick in the relationship list is easy at a busy desk (typing "S" chooses Spouse, not
Son), and a child recorded as someone's partner is exactly what a protection officer must see. So
the desk warns; it never refuses: the volunteer may know better (adoptive and step families, a
young aunt), and the years may be estimates.

Years come from any date of birth the store keeps (exact, a year, "~year" from an age), so an
estimate or a bare year can be a year off: the gaps below are wide enough for that.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final

from fieldreg.core.children import age_years, year_of
from fieldreg.core.entities import Relationship

YOUNGEST_SPOUSE: Final = 16  # a spouse or partner younger than this (either of the two) is doubted
GENERATION: Final = 12  # a parent at least this many years older than their child
TWO_GENERATIONS: Final = 2 * GENERATION


class KinshipDoubt(StrEnum):
    YOUNG_SPOUSE = "young_spouse"
    CHILD_NOT_YOUNGER = "child_not_younger"
    GRANDCHILD_NOT_YOUNGER = "grandchild_not_younger"
    PARENT_NOT_OLDER = "parent_not_older"
    GRANDPARENT_NOT_OLDER = "grandparent_not_older"


# Relationship -> (the least number of years the member is born after the head, the doubt).
_YOUNGER_BY: Final = {
    Relationship.CHILD.value: (GENERATION, KinshipDoubt.CHILD_NOT_YOUNGER),
    Relationship.GRANDCHILD.value: (TWO_GENERATIONS, KinshipDoubt.GRANDCHILD_NOT_YOUNGER),
    Relationship.PARENT.value: (-GENERATION, KinshipDoubt.PARENT_NOT_OLDER),
    Relationship.GRANDPARENT.value: (-TWO_GENERATIONS, KinshipDoubt.GRANDPARENT_NOT_OLDER),
}


def kinship_doubt(
    head_dob: object, member_dob: object, relationship: object, today: date
) -> KinshipDoubt | None:
    """Why the member's relationship to the head looks wrong for their ages, or None (also
    whenever a date of birth needed for the check is unknown)."""
    if relationship == Relationship.SPOUSE.value:
        ages = [age_years(dob, today) for dob in (head_dob, member_dob)]
        if any(age is not None and age < YOUNGEST_SPOUSE for age in ages):
            return KinshipDoubt.YOUNG_SPOUSE
        return None
    rule = _YOUNGER_BY.get(relationship) if isinstance(relationship, str) else None
    if rule is None:
        return None
    head_year, member_year = year_of(head_dob), year_of(member_dob)
    if head_year is None or member_year is None:
        return None
    gap, doubt = rule
    younger_by = member_year - head_year
    if (gap > 0 and younger_by < gap) or (gap < 0 and younger_by > gap):
        return doubt
    return None
