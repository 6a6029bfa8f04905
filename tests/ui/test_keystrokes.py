"""Keystrokes counted as a volunteer types them (see keystroke_scenarios): one person from find
first to saved in at most 30, a family of five in at most 110 without retyping the family name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from tests.ui.desk import Desk, open_desk
from tests.ui.keystroke_scenarios import (
    FAMILY_TARGET,
    ONE_PERSON_TARGET,
    Keyboard,
    family_of_five,
    one_person_from_find_first,
)


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def test_one_person_from_find_first_to_saved_in_at_most_30_keys(
    desk: Desk, session: Session
) -> None:
    keys = Keyboard()
    person_id = one_person_from_find_first(desk.window, keys)
    fields = session.person(person_id).fields
    assert (fields["family_name"], fields["given_name"]) == ("Бойко", "Ганна")
    assert (fields["dob"], fields["sex"]) == ("1950", "female")
    assert keys.count <= ONE_PERSON_TARGET, keys.count


def test_a_family_of_five_in_at_most_110_keys(desk: Desk, session: Session) -> None:
    keys = Keyboard()
    ids = family_of_five(desk.window, keys)
    people = [session.person(person_id).fields for person_id in ids]
    assert [(p["given_name"], p["relationship"], p["dob"], p.get("sex")) for p in people] == [
        ("Олена", "head", "1986-03-12", "female"),
        ("Марко", "child", "2015", "male"),
        ("Софія", "child", "2018", "female"),
        ("Іван", "child", "2021", "male"),
        ("Ганна", "parent", "~1956", "female"),
    ]
    assert {p["family_name"] for p in people} == {"Коваленко"}  # typed once
    assert len({p["household_id"] for p in people}) == 1
    assert keys.count <= FAMILY_TARGET, keys.count
