"""A household registered at the desk or from a script is one transaction: everyone or no one."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldreg.core.errors import FieldregError, NotFoundError, StoreError, ValidationError
from fieldreg.core.ids import format_id, next_counter
from fieldreg.services import vault
from fieldreg.services.household_file import parse_members
from fieldreg.services.session import Session
from fieldreg.store.repository import Repository
from tests.conftest import PASSPHRASE, TODAY

MOTHER = {"family_name": "Коваленко", "given_name": "Олена", "dob": "1984", "sex": "female"}
SON = {"family_name": "Коваленко", "given_name": "Марко", "dob": "2015", "sex": "male"}
DAUGHTER = {"family_name": "Коваленко", "given_name": "Софія", "dob": "2019", "sex": "female"}
FAMILY = [(MOTHER, "head"), (SON, "child"), (DAUGHTER, "child")]
# Every kind of write the pipeline makes inside its transaction.
WRITES = ("append", "save_states", "add_household", "add_note", "save_device")


@pytest.fixture
def grandmother(session: Session) -> str:
    """Someone registered earlier, in a household of her own."""
    return session.register(
        {"family_name": "Коваленко", "given_name": "Ганна", "dob": "1950"}, new_household=True
    )


class FailAt:
    """Makes the store's `n`-th write (counting every kind in WRITES) fail with a full disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.n: int | None = None
        self.count = 0
        for name in WRITES:
            monkeypatch.setattr(Repository, name, self._wrap(getattr(Repository, name)))

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def write(repo: Repository, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            if self.count == self.n:
                raise StoreError("store.disk_full")
            return method(repo, *args, **kwargs)

        return write

    def arm(self, n: int | None) -> None:
        self.n, self.count = n, 0


def on_disk(session: Session) -> Iterator[Session]:
    """A second session over the same store: what is really saved."""
    other = vault.open_session(
        session.data_dir, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY
    )
    other.load()
    try:
        yield other
    finally:
        other.lock()


def names(session: Session) -> list[str]:
    return sorted(str(f["given_name"]) for f in session.people.summaries().values())


def test_a_household_is_saved_with_every_member_linked(session: Session, grandmother: str) -> None:
    saved = session.register_household(FAMILY, [(grandmother, "grandparent")])
    mother, son, daughter = saved.new_ids
    view = session.person(son)
    assert view.fields["household_id"] == saved.household_id
    assert view.fields["relationship"] == "child"
    assert view.household_members == sorted([mother, son, daughter, grandmother])
    assert session.person(mother).fields["relationship"] == "head"
    moved = session.person(grandmother).fields
    assert (moved["household_id"], moved["relationship"]) == (saved.household_id, "grandparent")
    assert set(session.people.household_members(saved.household_id)) == set(view.household_members)


def test_a_failure_at_any_write_saves_no_one_and_a_retry_saves_everyone_once(
    session: Session, grandmother: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = names(session)
    old_household = session.person(grandmother).fields["household_id"]
    fail = FailAt(monkeypatch)
    n = 0
    while True:
        n += 1
        fail.arm(n)
        failed = None
        try:
            saved = session.register_household(FAMILY, [(grandmother, "grandparent")])
        except StoreError as error:
            failed = error.code
        if failed is None:
            break  # the n-th write did not happen: this attempt was the retry, nothing failing
        assert failed == "store.disk_full"
        assert names(session) == before, f"failure at write {n} showed people as saved"
        assert session.person(grandmother).fields["household_id"] == old_household
        assert session.search("Марко").hits == []
    assert n > len(WRITES), "the failures were injected at only a few writes"
    fail.arm(None)
    for other in on_disk(session):
        assert names(other) == sorted(["Ганна", "Олена", "Марко", "Софія"])
        assert other.person(grandmother).fields["household_id"] == saved.household_id
        for person_id in saved.new_ids:  # registered once: one registration, one link
            assert [h.type for h in other.history(person_id)] == [
                "PersonRegistered",
                "MemberLinked",
            ]
        assert other.verify().ok


def test_an_unknown_member_saves_no_one(session: Session) -> None:
    unknown = format_id("K7", next_counter("K7", 900))
    with pytest.raises(NotFoundError) as caught:
        session.register_household(FAMILY, [(unknown, "grandparent")])
    assert caught.value.code == "person.not_found"
    assert names(session) == []
    for other in on_disk(session):
        assert len(other.people) == 0
        assert other.stats().households == 0


def test_an_invalid_member_is_named_and_nothing_is_saved(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        session.register_household([(MOTHER, "head"), ({"given_name": "Марко"}, "child")])
    assert (caught.value.field, caught.value.params["member"]) == ("family_name", 1)
    with pytest.raises(ValidationError) as caught:
        session.register_household([(MOTHER, "head"), (SON, "nephew")])
    assert (caught.value.field, caught.value.params["member"]) == ("relationship", 1)
    with pytest.raises(ValidationError) as caught:
        session.register_household([], [])
    assert caught.value.field == "members"
    assert names(session) == []


def test_the_first_member_heads_the_household_unless_told_otherwise(session: Session) -> None:
    saved = session.register_household([(MOTHER, None), (SON, None)])
    mother, son = saved.new_ids
    assert session.person(mother).fields["relationship"] == "head"
    assert session.person(son).fields["relationship"] == "other_relative"


def test_members_file_separates_new_people_from_registered_ones() -> None:
    untrusted = json.dumps(
        [{**MOTHER, "relationship": "head"}, {"id": "K7-0042-X", "relationship": "parent"}]
    ).encode()
    assert parse_members(untrusted) == ([(MOTHER, "head")], [("K7-0042-X", "parent")])


@pytest.mark.parametrize(
    ("untrusted", "member"),
    [
        (b'{"given_name": "x"}', 1),  # not a list
        (b'[{"family_name": "A"}, "B"]', 2),  # a member that is not an object
        (b'[{"id": "K7-0042-X", "given_name": "A"}]', 1),  # an ID with fields: an edit
        (b'[{"family_name": "A", "relationship": 3}]', 1),
    ],
)
def test_members_file_refuses_what_is_not_a_list_of_members(untrusted: bytes, member: int) -> None:
    with pytest.raises(FieldregError) as caught:
        parse_members(untrusted)
    assert (caught.value.code, caught.value.params) == (
        "household.members_file",
        {"member": member},
    )


def test_cli_registers_a_household_in_one_command(tmp_path: Path, data_dir: Path) -> None:
    from tests.cli.test_cli import fieldreg

    done = fieldreg(data_dir, "init", "--point", "Школа", "--operator", "Olena", "--prefix", "K7")
    assert done.returncode == 0, done.stderr
    members = tmp_path / "family.json"
    members.write_text(
        json.dumps([{**person, "relationship": rel} for person, rel in FAMILY]), encoding="utf-8"
    )
    done = fieldreg(data_dir, "household", "register", str(members), "--json")
    assert done.returncode == 0, done.stderr
    saved = json.loads(done.stdout)
    assert len(saved["new"]) == 3
    shown = fieldreg(data_dir, "show", saved["new"][1], "--json")
    person = json.loads(shown.stdout)
    assert person["fields"]["given_name"] == "Марко"
    assert person["fields"]["household_id"] == saved["household"]
    assert sorted(person["household_members"]) == sorted(saved["new"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([MOTHER, {"given_name": "Марко"}]), encoding="utf-8")
    refused = fieldreg(data_dir, "household", "register", str(bad))
    assert refused.returncode != 0
    assert "Family name" in refused.stderr
    stats = json.loads(fieldreg(data_dir, "stats", "--json").stdout)
    assert (stats["total"], stats["households"]) == (3, 1)  # the refused file saved no one
