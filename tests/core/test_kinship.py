"""Relationships to the head that the years of birth make unlikely (core.kinship): which are
doubted, which are not, and that an unknown date of birth doubts nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fieldreg.core.kinship import KinshipDoubt, kinship_doubt

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("head", "member", "relationship", "doubt"),
    [
        # A spouse or partner: either of the two under 16.
        ("1984-03-12", "2016", "spouse", KinshipDoubt.YOUNG_SPOUSE),
        ("2012", "1984", "spouse", KinshipDoubt.YOUNG_SPOUSE),
        ("1984-03-12", "~10", "spouse", KinshipDoubt.YOUNG_SPOUSE),
        ("1984-03-12", "1983", "spouse", None),
        ("1990", "2010-01-01", "spouse", None),  # 16 today
        # A child at least 12 years after the head, a grandchild 24.
        ("1984-03-12", "2016", "child", None),
        ("1984-03-12", "1996", "child", None),
        ("1984-03-12", "1995", "child", KinshipDoubt.CHILD_NOT_YOUNGER),
        ("1984", "1960", "child", KinshipDoubt.CHILD_NOT_YOUNGER),
        ("1960", "2008", "grandchild", None),
        ("1960", "1983", "grandchild", KinshipDoubt.GRANDCHILD_NOT_YOUNGER),
        # A parent at least 12 years before the head, a grandparent 24.
        ("1984", "1958", "parent", None),
        ("1984", "1972", "parent", None),
        ("1984", "1973", "parent", KinshipDoubt.PARENT_NOT_OLDER),
        ("2010", "2016", "parent", KinshipDoubt.PARENT_NOT_OLDER),
        ("2010", "1950", "grandparent", None),
        ("2010", "1990", "grandparent", KinshipDoubt.GRANDPARENT_NOT_OLDER),
        # Relationships the years say nothing about.
        ("1984", "2016", "sibling", None),
        ("1984", "2016", "other_relative", None),
        ("1984", "2016", "not_related", None),
        ("1984", "2016", "head", None),
    ],
)
def test_a_relationship_is_doubted_only_when_the_years_do_not_fit(
    head: str, member: str, relationship: str, doubt: KinshipDoubt | None
) -> None:
    # Ages typed as "~10" are stored as the estimated year.
    member = f"~{TODAY.year - int(member[1:])}" if member.startswith("~") else member
    assert kinship_doubt(head, member, relationship, TODAY) == doubt


@pytest.mark.parametrize("relationship", ["child", "parent", "grandchild", "grandparent"])
def test_without_both_years_nothing_is_doubted(relationship: str) -> None:
    for head, member in ((None, "2016"), ("1984", None), ("not a date", "2016"), ("1984", 1990)):
        assert kinship_doubt(head, member, relationship, TODAY) is None


def test_a_spouse_without_a_date_of_birth_is_not_doubted() -> None:
    assert kinship_doubt(None, None, "spouse", TODAY) is None
    assert kinship_doubt("1984", None, "spouse", TODAY) is None
    assert kinship_doubt(None, None, None, TODAY) is None
