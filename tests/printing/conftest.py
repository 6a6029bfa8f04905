"""Fixtures for the printing tests: a private CUPS scheduler shared by the session, and a
household of synthetic people registered in the `session` store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from printing_support import PrivateCups, cups_missing, start_private_cups

from fieldreg.services.session import Session

FAMILY = [
    {"family_name": "Заболотнянська", "given_name": "Євдокія", "dob": "1947", "needs": "medical"},
    {"family_name": "Заболотнянський", "given_name": "Ґаврило", "dob": "2015-03-04"},
    {"family_name": "Quellmalz", "given_name": "Ярослава-Олександра", "dob": "~1990"},
]


@pytest.fixture(scope="session")
def cups_server() -> Iterator[PrivateCups]:
    reason = cups_missing()
    if reason:
        pytest.skip(f"{reason}; .ci/run installs cups, cups-client and cups-bsd")
    server = start_private_cups()
    yield server
    server.stop()


@pytest.fixture
def cups(cups_server: PrivateCups, monkeypatch: pytest.MonkeyPatch) -> PrivateCups:
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    return cups_server


@pytest.fixture
def family(session: Session) -> list[str]:
    """A household of three, head first; returns [household ID, *member IDs]."""
    members = session.register_batch(FAMILY, new_household=True)
    household = session.summaries[members[0]]["household_id"]
    assert isinstance(household, str)
    return [household, *members]
