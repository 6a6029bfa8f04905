"""Fixtures for the printing tests: a household of synthetic people registered in the `session`
store (the private CUPS scheduler, `cups`, is in tests/conftest.py: the desk's tests use it too)."""

from __future__ import annotations

import pytest

from fieldreg.services.session import Session

FAMILY = [
    {"family_name": "Заболотнянська", "given_name": "Євдокія", "dob": "1947", "needs": "medical"},
    {"family_name": "Заболотнянський", "given_name": "Ґаврило", "dob": "2015-03-04"},
    {"family_name": "Quellmalz", "given_name": "Ярослава-Олександра", "dob": "~1990"},
]


@pytest.fixture
def family(session: Session) -> list[str]:
    """A household of three, head first; returns [household ID, *member IDs]."""
    members = session.register_batch(FAMILY, new_household=True)
    household = session.people.summaries()[members[0]]["household_id"]
    assert isinstance(household, str)
    return [household, *members]
