"""Registering, editing and reading people through the service layer, as the CLI and GUI do."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldreg.core.errors import (
    AuthError,
    IdError,
    LockedError,
    NotFoundError,
    StoreError,
    ValidationError,
)
from fieldreg.core.ids import format_id, next_counter
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE, TODAY

PERSON = {
    "family_name": "Шевченко",
    "given_name": "Марія",
    "patronymic": "Іванівна",
    "dob": "12.03.1984",
    "sex": "female",
    "phone": "+380 67 123 45 67",
    "needs": "medical,mobility",
    "origin_settlement": "Ізюм",
}


def reopen(session: Session) -> Session:
    directory = session.data_dir
    session.lock()
    return vault.open_session(directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY)


def test_register_then_show_after_reopen(session: Session) -> None:
    person_id = session.register(PERSON)
    assert person_id.startswith("K7-")
    again = reopen(session)
    try:
        view = again.person(person_id)
        assert view.fields["family_name"] == "Шевченко"
        assert view.fields["latin_family_name"] == "Shevchenko"
        assert view.fields["latin_given_name"] == "Mariia"
        assert view.fields["dob"] == "1984-03-12"
        assert view.fields["phone"] == "+380671234567"
        assert view.fields["needs"] == ["medical", "mobility"]
        assert view.fields["status"] == "arrived"
        assert again.search("Shevchenko Maria").hits[0].person_id == person_id
    finally:
        again.lock()


def test_ids_are_sequential_and_distinct(session: Session) -> None:
    made = [
        session.register({"family_name": "Коваль", "given_name": f"Тест{chr(0x430 + i)}"})
        for i in range(20)
    ]
    assert len(set(made)) == 20


def test_invalid_input_names_the_field_and_writes_nothing(session: Session) -> None:
    before = session.stats().total
    for bad, field in [
        ({"family_name": "", "given_name": "Іван"}, "family_name"),
        ({"family_name": "Петренко", "given_name": "Іван", "dob": "30.02.1990"}, "dob"),
        ({"family_name": "Петренко", "given_name": "Іван", "dob": "2099-01-01"}, "dob"),
        ({"family_name": "Петренко\u202e", "given_name": "Іван"}, "family_name"),
        ({"family_name": "Петренко", "given_name": "І" * 500}, "given_name"),
        ({"family_name": "Петренко", "given_name": "Іван", "phone": "abc"}, "phone"),
        ({"family_name": "Петренко", "given_name": "Іван", "colour": "red"}, "colour"),
    ]:
        with pytest.raises(ValidationError) as caught:
            session.register(bad)
        assert caught.value.field == field
    assert session.stats().total == before
    again = reopen(session)
    try:
        assert again.stats().total == before
        assert again.verify().ok
    finally:
        again.lock()


def test_edit_keeps_history_and_retransliterates(session: Session) -> None:
    person_id = session.register(PERSON)
    changed = session.update(person_id, {"family_name": "Шевчук", "phone": "+380501112233"})
    assert changed == ["family_name", "latin_family_name", "phone"]
    view = session.person(person_id)
    assert view.fields["latin_family_name"] == "Shevchuk"
    assert session.update(person_id, {"phone": "+380501112233"}) == []
    history = session.history(person_id)
    assert [h.type for h in history] == ["PersonRegistered", "FieldsChanged"]
    assert history[1].changes["family_name"] == "Шевчук"
    assert history[1].operator == "Оксана"


def test_typed_latin_spelling_is_kept_on_later_edits(session: Session) -> None:
    person_id = session.register({**PERSON, "latin_family_name": "Shewchenko"})
    session.update(person_id, {"given_name": "Марина"})
    fields = session.person(person_id).fields
    assert fields["latin_family_name"] == "Shewchenko"
    assert fields["latin_given_name"] == "Maryna"


def test_status_changes_and_notes(session: Session) -> None:
    person_id = session.register(PERSON)
    with pytest.raises(ValidationError) as caught:
        session.set_status(person_id, "departed")
    assert caught.value.field == "status_transport"
    session.set_status(person_id, "departed", transport="Bus 12", note="Seat 4")
    session.add_note(person_id, "Needs insulin\ntwice a day")
    view = session.person(person_id)
    assert view.fields["status"] == "departed"
    assert view.fields["status_transport"] == "Bus 12"
    assert [n.text for n in view.notes] == ["Seat 4", "Needs insulin\ntwice a day"]
    stats = session.stats()
    assert stats.by_status == {"departed": 1}
    assert stats.with_needs == 1


def test_household_registration_and_links(session: Session) -> None:
    head = session.register(PERSON, new_household=True)
    household = session.person(head).fields["household_id"]
    assert isinstance(household, str)
    child = session.register(
        {"family_name": "Шевченко", "given_name": "Олег", "dob": "2015"},
        household_id=household,
        relationship="child",
    )
    assert session.person(head).household_members == sorted([head, child])
    assert session.person(child).fields["relationship"] == "child"
    session.unlink_member(child)
    assert session.person(head).household_members == [head]
    assert session.stats().households == 1
    unknown = format_id("K7", next_counter("K7", 900))
    with pytest.raises(NotFoundError):
        session.register(PERSON, household_id=unknown)
    assert session.stats().total == 2


def test_unknown_and_mistyped_ids(session: Session) -> None:
    person_id = session.register(PERSON)
    typo = person_id[:-1] + ("A" if person_id[-1] != "A" else "B")
    assert session.search(typo).id_error == "id.bad_check"
    with pytest.raises(IdError):
        session.person(typo)
    found = session.search(person_id.lower())
    assert found.exact_id == person_id


def test_search_across_scripts_and_typos(session: Session) -> None:
    person_id = session.register(PERSON)
    session.register({"family_name": "Коваленко", "given_name": "Петро", "dob": "1950"})
    for query in ("Shevchenko", "Шевченко Марія", "Mariia Shevcenko", "шевч", "Shevchenko 1984"):
        hits = session.search(query).hits
        assert hits, query
        assert hits[0].person_id == person_id, query


def test_store_error_during_save_changes_nothing(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from fieldreg.store.repository import Repository

    person_id = session.register(PERSON)

    def disk_full(self: Repository, state: object, *, is_new: bool) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Repository, "save_state", disk_full)
    with pytest.raises(StoreError) as caught:
        session.register({"family_name": "Бойко", "given_name": "Анна"})
    assert caught.value.code == "store.disk_full"
    monkeypatch.undo()
    assert session.stats().total == 1
    assert session.search("Бойко").hits == []
    again = reopen(session)
    try:
        assert again.stats().total == 1
        assert again.verify().ok
        assert again.person(person_id).fields["family_name"] == "Шевченко"
        assert again.register({"family_name": "Бойко", "given_name": "Анна"})
    finally:
        again.lock()


def test_lock_drops_everything(session: Session) -> None:
    person_id = session.register(PERSON)
    people = session.people  # a view a page kept from before the lock
    assert session.person(person_id).fields["given_name"] == PERSON["given_name"]
    session.lock()
    assert session.locked
    assert len(people) == 0
    assert people.summary(person_id) is None
    assert people.search_index().search(str(PERSON["family_name"]), limit=5) == []
    with pytest.raises(LockedError):
        session.person(person_id)


def test_open_refuses_other_stores_key_file(tmp_path: Path) -> None:
    a, b = DataDir(tmp_path / "a"), DataDir(tmp_path / "b")
    vault.init_store(a, point="A", operator="Op", passphrase=PASSPHRASE)
    vault.init_store(b, point="B", operator="Op", passphrase=PASSPHRASE)
    b.slots.write_bytes(a.slots.read_bytes())
    with pytest.raises(AuthError) as caught:
        vault.open_session(b, operator=None, passphrase=PASSPHRASE)
    assert caught.value.code == "auth.wrong_store"


def test_point_name_is_sealed_and_readable(session: Session) -> None:
    assert session.point_name() == "Школа 5"


def test_two_processes_writing_one_store_never_fork_the_log(session: Session) -> None:
    """The CLI beside the desk app: both append to the same device log; positions are
    re-read when another writer moved them, so ids and sequence numbers never collide."""
    other = vault.open_session(session.data_dir, operator=None, passphrase=PASSPHRASE)
    try:
        made = []
        for i in range(6):
            writer = session if i % 2 == 0 else other
            made.append(
                writer.register({"family_name": "Кравець", "given_name": f"Тест{chr(0x430 + i)}"})
            )
            made.append(
                writer.register({"family_name": "Кравець", "given_name": f"Тест{chr(0x440 + i)}"})
            )
        assert len(set(made)) == 12
        other.set_status(made[0], "waiting")
        session.set_status(made[0], "reunited")
        assert session.person(made[0]).fields["status"] == "reunited"
        report = session.verify()
        assert report.ok, report.problems
        assert report.events == 14
    finally:
        other.lock()


def test_fails_closed_when_sealing_is_unavailable(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldreg.core.errors import AuthError
    from fieldreg.crypto.sealing import FieldSealer

    person_id = session.register(PERSON)

    def broken(self: FieldSealer, *args: object) -> bytes:
        raise AuthError("store.locked")

    monkeypatch.setattr(FieldSealer, "seal", broken)
    with pytest.raises(AuthError):
        session.register({"family_name": "Бойко", "given_name": "Анна"})
    with pytest.raises(AuthError):
        session.set_status(person_id, "waiting")
    monkeypatch.undo()
    again = reopen(session)
    try:
        assert again.stats().total == 1
        assert again.person(person_id).fields["status"] == "arrived"
        assert again.verify().ok
    finally:
        again.lock()


def test_the_people_cache_cannot_be_changed_by_a_reader(session: Session) -> None:
    person_id = session.register(PERSON)
    people = session.people
    summary = people.summary(person_id)
    assert summary is not None
    with pytest.raises(TypeError):
        summary["given_name"] = "Ганна"  # type: ignore[index]
    with pytest.raises(TypeError):
        people.summaries()[person_id] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        people.registered_times()[person_id] = 0  # type: ignore[index]
    assert session.person(person_id).fields["given_name"] == PERSON["given_name"]
    assert people.summary(person_id) == summary


def test_a_russian_citizens_latin_name_follows_the_russian_passport(session: Session) -> None:
    """Issue 12: a Russian citizen's Latin name is the ICAO 9303 one (Russian passports)."""
    person_id = session.register(
        {"family_name": "Иванов", "given_name": "Сергей", "patronymic": "Дмитриевич"}
        | {"citizenship": "Российская Федерация"}
    )
    fields = session.person(person_id).fields
    assert fields["latin_family_name"] == "Ivanov"
    assert fields["latin_given_name"] == "Sergei"
    assert fields["latin_patronymic"] == "Dmitrievich"
    # Recorded later as Ukrainian: the automatic spelling follows the Ukrainian passport.
    session.update(person_id, {"citizenship": "Україна", "given_name": "Сергей"})
    assert session.person(person_id).fields["latin_given_name"] == "Serhei"
