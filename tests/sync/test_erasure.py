"""Erasure: a person erased at the coordinator (two operators) or by a roster's tombstone on a
laptop leaves no byte of their values anywhere, and nobody can bring them back."""

from __future__ import annotations

from pathlib import Path

import pytest
from erasure_support import CANARY, CANARY_NOTE, leaks_in_files, leaks_in_sealed

from fieldreg.core.errors import NotFoundError
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store import purge


def _register_canary(session: Session) -> str:
    person = session.register(CANARY)
    session.add_note(person, CANARY_NOTE)
    session.set_status(person, "waiting", location="Спортзал")
    return person


def test_purge_people_leaves_no_byte_of_the_person_on_a_laptop(
    session: Session, tmp_path: Path
) -> None:
    person = _register_canary(session)
    other = session.register({"family_name": "Коваль", "given_name": "Петро"})
    assert leaks_in_sealed(session) != []  # the check sees the values while they are there
    with sync_repository(session) as repo:
        with repo.transaction():
            assert purge.purge_people(repo, [person], reason=purge.TOMBSTONE_REASON) == 1
        purge.wipe_freed(repo)
    session.refresh([person])
    assert leaks_in_sealed(session) == []
    assert leaks_in_files(session.data_dir.root, tmp_path) == []
    with pytest.raises(NotFoundError) as caught:
        session.person(person)
    assert caught.value.code == "person.not_found"
    assert session.search("Шпаковська").hits == []
    assert session.person(other).fields["family_name"] == "Коваль"
    with sync_repository(session) as repo, repo.reading():
        found = purge.tombstone(repo, person)
    assert found is not None
    assert found.kind == purge.ERASED
    assert session.verify().ok  # the log's chain and the tombstone agree


def test_purge_of_an_unknown_person_records_only_the_tombstone(session: Session) -> None:
    with sync_repository(session) as repo:
        with repo.transaction():
            held = purge.purge_people(repo, ["K7-0099-X"], reason="protection_risk")
        with repo.reading():
            found = purge.tombstone(repo, "K7-0099-X")
    assert held == 0
    assert found == purge.Tombstone("K7-0099-X", purge.ERASED, "protection_risk", found.purged_ms)


def test_purge_refuses_a_reason_outside_the_list(session: Session) -> None:
    with (
        sync_repository(session) as repo,
        repo.transaction(),
        pytest.raises(ValueError, match="not a purge reason"),
    ):
        purge.purge_people(repo, ["K7-0001-X"], reason="because")
