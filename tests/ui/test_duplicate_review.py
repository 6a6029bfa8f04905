"""The coordinator's duplicate review: one family registered at two points is one suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldreg.services import duplicates
from fieldreg.services.duplicates import Candidate
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.duplicate_review import DuplicateReview, Review
from tests.ui.keyboard import running_context


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


def test_a_family_registered_twice_is_one_suggestion_with_its_members_inside(
    qtbot: QtBot, context: UiContext
) -> None:
    panel = DuplicateReview(context)
    qtbot.addWidget(panel)
    households = ("H-1", "H-2")
    found = [
        Candidate("B1", "A1", 98.0, ("name.exact",), households=households),
        Candidate("B2", "A2", 96.0, ("name.fuzzy",), households=households),
        Candidate("B9", "A9", 91.0, ("name.exact",)),
    ]
    names = {p: f"name of {p}" for c in found for p in (c.person_id, c.other_id)}
    panel.show_review(Review(found, [], names, looked=True))
    table = panel.candidates
    assert table.topLevelItemCount() == 2  # the family, and the one pair outside it
    family = table.topLevelItem(0)
    assert family is not None
    assert [family.text(0), family.text(1)] == ["H-1", "H-2"]
    assert family.text(3) == "one family registered twice: 2 people"
    assert family.childCount() == 2
    assert family.isExpanded()
    child = family.child(0)
    assert child is not None
    assert child.text(0) == "name of B1"
    assert table.currentItem() is child  # Mark acts on a pair, never on the family line
    with qtbot.waitSignal(panel.mark_requested) as marked:
        panel.mark_selected()
    assert marked.args == ["B1", "A1"]


def test_a_pair_is_explained_field_by_field_in_the_desks_language(
    qtbot: QtBot, context: UiContext, session: Session
) -> None:
    first = session.register({"family_name": "Гнатюк", "given_name": "Олексій", "dob": "1978"})
    again = session.register({"family_name": "Гнатюк", "given_name": "Алексей", "dob": "1979"})
    [found] = duplicates.likely_duplicates(session)
    assert (found.person_id, found.other_id) == (again, first)
    panel = DuplicateReview(context)
    qtbot.addWidget(panel)
    panel.show_review(Review([found], [], {again: "again", first: "first"}, looked=True))
    row = panel.candidates.topLevelItem(0)
    assert row is not None
    shown = row.text(3)
    assert "Family name: the same" in shown
    assert "Given name: " in shown
    assert "Олексій" in shown  # the values compared are named, not only a verdict
    assert "Born: a year apart (1978 / 1979)" in shown
    assert "Patronymic" not in shown  # neither recorded one: nothing to say
    assert row.toolTip(3).splitlines()[0].startswith("Family name")
