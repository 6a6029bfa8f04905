"""A locked session refuses everything with one typed error, whatever the method: none of them
may reach the closed connection (a crash) or answer from emptied memory (a silent wrong answer)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from fieldreg.core.errors import LockedError
from fieldreg.core.messages import describe
from fieldreg.services.session import Session

STILL_ANSWERED = {"locked", "lock", "close"}


def _public_members() -> list[str]:
    """Every public method and property of Session, found by looking, so a new one is covered."""
    return sorted(
        name
        for name, member in inspect.getmembers(Session)
        if not name.startswith("_")
        and name not in STILL_ANSWERED
        and (inspect.isfunction(member) or isinstance(member, property))
    )


def _call(session: Session, name: str, person_id: str) -> Callable[[], Any]:
    member = inspect.getattr_static(Session, name)
    if isinstance(member, property):
        return lambda: getattr(session, name)
    method = getattr(session, name)
    placeholders = {
        parameter.name: person_id  # a real ID: the refusal is the lock's, not a lookup's
        for parameter in inspect.signature(method).parameters.values()
        if parameter.default is inspect.Parameter.empty
        and parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
    }
    return lambda: method(**placeholders)


def test_the_walk_finds_the_use_cases_and_the_reads() -> None:
    found = set(_public_members())
    assert {"register", "register_household", "person", "search", "people", "stats"} <= found
    assert {"verify", "data_key", "record_bands", "today"} <= found


@pytest.mark.parametrize("name", _public_members())
def test_every_public_member_of_a_locked_session_raises_store_locked(
    session: Session, name: str
) -> None:
    person_id = session.register({"family_name": "Бондар", "given_name": "Ярина"})
    session.lock()
    with pytest.raises(LockedError) as caught:
        _call(session, name, person_id)()
    assert caught.value.code == "store.locked"
    assert describe(caught.value) == "The store is locked."


def test_locking_again_is_harmless(session: Session) -> None:
    session.lock()
    session.lock()
    session.close()
    assert session.locked
