"""Registering a family in one flow, keyboard only; adding a registered person by their band."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.household_page import HouseholdPage
from tests.services.test_household_register import WRITES, FailAt, on_disk
from tests.ui.keyboard import (
    ALT,
    CTRL,
    ENTER,
    TAB,
    focused,
    press,
    running_context,
    type_then,
)


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture
def page(qtbot: QtBot, context: UiContext) -> HouseholdPage:
    page = HouseholdPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.start_new()
    return page


def test_a_family_of_four_registered_by_keystrokes_alone(
    qtbot: QtBot, page: HouseholdPage, session: Session
) -> None:
    # The mother heads the household; origin, phone and languages typed once.
    assert focused().objectName() == "family_name"
    type_then(qtbot, "Бондаренко", TAB)
    type_then(qtbot, "Ірина", TAB, TAB)
    type_then(qtbot, "05.06.1985", TAB)
    type_then(qtbot, "F", TAB)
    type_then(qtbot, "Харків", TAB, TAB)
    type_then(qtbot, "Харківська", TAB, TAB, TAB, TAB, TAB)
    type_then(qtbot, "+380501112233", TAB)
    type_then(qtbot, "uk, ru", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    # The father: the family name is already there (Tab keeps it), the shared fields copied
    # with Ctrl+D, the relationship after sex.
    assert focused().objectName() == "family_name"
    assert focused().text() == "Бондаренко"  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_D, CTRL)
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Петро", TAB, TAB)
    type_then(qtbot, "1983", TAB)
    type_then(qtbot, "M", TAB)
    assert focused().objectName() == "relationship"
    type_then(qtbot, "S", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    # Two children; the younger one is flagged as separated from a parent.
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Софія", TAB, TAB)
    type_then(qtbot, "~9", TAB, TAB)
    type_then(qtbot, "C", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 3)
    press(qtbot, Qt.Key.Key_D, CTRL)
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    type_then(qtbot, "2021", TAB, TAB)
    type_then(qtbot, "C")
    for _ in range(7 + 2 + 7):  # origin and documents, contact, then seven needs
        type_then(qtbot, "", TAB)
    assert focused().text() == "Separated child"  # type: ignore[attr-defined]
    type_then(qtbot, " ")
    assert len(page.members()) == 3
    with qtbot.waitSignal(page.saved) as saved:
        press(qtbot, Qt.Key.Key_Return, CTRL)  # adds the last member and saves them all

    ids = saved.args[0]
    people = [session.person(person_id).fields for person_id in ids]
    assert [(p["given_name"], p["relationship"]) for p in people] == [
        ("Ірина", "head"),
        ("Петро", "spouse"),
        ("Софія", "child"),
        ("Марко", "child"),
    ]
    households = {p["household_id"] for p in people}
    assert len(households) == 1
    assert None not in households
    assert [p["dob"] for p in people] == ["1985-06-05", "1983", "~2017", "2021"]
    assert [p.get("phone") for p in people] == [
        "+380501112233",
        "+380501112233",
        None,
        "+380501112233",
    ]
    assert (people[3]["origin_settlement"], people[3]["origin_region"]) == ("Харків", "Харківська")
    assert people[1]["languages"] == ["uk", "ru"]
    assert [p.get("needs") for p in people] == [None, None, None, ["separated_child"]]
    assert page.members() == []
    assert focused().objectName() == "family_name"


def test_a_child_picked_as_the_heads_spouse_is_warned_about_and_marked_in_the_list(
    qtbot: QtBot, page: HouseholdPage, session: Session
) -> None:
    """Typing "S" for Son chooses Spouse: the form says a partner under 16 is unlikely while
    the member is typed, their row says it once they are added, and nothing is refused."""
    type_then(qtbot, "Шевченко", TAB)
    type_then(qtbot, "Олена", TAB, TAB)
    type_then(qtbot, "12.3.84", TAB)
    type_then(qtbot, "F", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    warning = page.editor.kinship
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    type_then(qtbot, "2016", TAB)
    type_then(qtbot, "M", TAB)
    assert focused().objectName() == "relationship"
    assert not warning.isVisible()
    type_then(qtbot, "S")
    assert page.editor.relationship.currentData() == "spouse"
    assert warning.isVisible()
    assert warning.text() == "⚠ A spouse or partner under 16: check the relationship."
    type_then(qtbot, "", Qt.Key.Key_Down)  # the next one: Child
    assert page.editor.relationship.currentData() == "child"
    assert not warning.isVisible()
    type_then(qtbot, "", Qt.Key.Key_Up)
    assert warning.isVisible()
    type_then(qtbot, "", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    assert not warning.isVisible()  # the next member is a new one
    marked = page.table.item(1, page.table.RELATIONSHIP)
    assert marked.text() == "⚠ Spouse or partner"
    assert marked.toolTip() == "⚠ A spouse or partner under 16: check the relationship."
    assert page.table.item(0, page.table.RELATIONSHIP).text() == "Head of household"
    # A grandmother born after the head: the years are named.
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Ганна", TAB, TAB)
    type_then(qtbot, "1990", TAB, TAB)
    type_then(qtbot, "Grandp")
    assert warning.text() == (
        "⚠ A grandparent of the head born in 1990, the head in 1984: check the relationship."
    )
    with qtbot.waitSignal(page.saved) as saved:
        press(qtbot, Qt.Key.Key_Return, CTRL)  # warned, not refused
    people = [session.person(person_id).fields for person_id in saved.args[0]]
    assert [p["relationship"] for p in people] == ["head", "spouse", "grandparent"]


def test_scanning_a_registered_persons_band_links_them(
    qtbot: QtBot, page: HouseholdPage, session: Session
) -> None:
    grandmother = session.register({"family_name": "Мельник", "given_name": "Ганна"})
    type_then(qtbot, "Мельник", TAB)
    type_then(qtbot, "Оксана", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    type_then(qtbot, "", TAB, TAB, TAB, TAB, TAB)  # given, patronymic, born, sex, relationship
    type_then(qtbot, "Grandp")  # relationship: Grandparent
    press(qtbot, Qt.Key.Key_B, ALT)
    assert focused().objectName() == "scan"
    type_then(qtbot, f"FR1:{grandmother}", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    assert page.members()[1].person_id == grandmother
    with qtbot.waitSignal(page.saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    [mother] = saved.args[0]
    household = session.person(mother).fields["household_id"]
    linked = session.person(grandmother).fields
    assert (linked["household_id"], linked["relationship"]) == (household, "grandparent")


def test_a_mistyped_id_is_refused_with_a_reason(qtbot: QtBot, page: HouseholdPage) -> None:
    press(qtbot, Qt.Key.Key_B, ALT)
    type_then(qtbot, "K7-0003-X", ENTER)
    qtbot.waitUntil(lambda: page._scan_error.text() != "")
    assert "check character" in page._scan_error.text()
    assert page.members() == []


def test_a_member_without_a_relationship_is_not_added(
    qtbot: QtBot, page: HouseholdPage, session: Session
) -> None:
    type_then(qtbot, "Мельник", TAB)
    type_then(qtbot, "Оксана", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    type_then(qtbot, "", TAB)  # the family name is the first member's
    type_then(qtbot, "Іван", ENTER)
    assert len(page.members()) == 1
    assert focused().objectName() == "relationship"
    assert "required" in page.editor.relationship_error()
    draft = page.export_draft()
    assert draft is not None
    page.clear_personal_data()
    page.import_draft(draft)
    assert len(page.members()) == 1
    assert page.form.values()["given_name"] == "Іван"
    assert session.people.summaries() == {}


def _error_box() -> QMessageBox | None:
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    boxes = [
        w for w in shown if isinstance(w, QMessageBox) and w.objectName() == "storeErrorDialog"
    ]
    return boxes[0] if boxes else None


def test_a_full_disk_at_any_write_keeps_the_form_and_a_retry_saves_everyone_once(
    qtbot: QtBot, page: HouseholdPage, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    grandmother = session.register(
        {"family_name": "Мельник", "given_name": "Ганна"}, new_household=True
    )
    her_household = session.person(grandmother).fields["household_id"]
    type_then(qtbot, "Мельник", TAB)
    type_then(qtbot, "Оксана", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 1)
    type_then(qtbot, "", TAB)
    type_then(qtbot, "Тарас", TAB, TAB, TAB, TAB)  # patronymic, born, sex, relationship
    type_then(qtbot, "C", ENTER)  # Child
    qtbot.waitUntil(lambda: len(page.members()) == 2)
    type_then(qtbot, "", TAB, TAB, TAB, TAB, TAB)
    type_then(qtbot, "Grandp")
    press(qtbot, Qt.Key.Key_B, ALT)
    type_then(qtbot, f"FR1:{grandmother}", ENTER)
    qtbot.waitUntil(lambda: len(page.members()) == 3)
    typed = [(m.fields.get("given_name"), m.relationship, m.person_id) for m in page.members()]
    assert typed == [
        ("Оксана", "head", None),
        ("Тарас", "child", None),
        ("Ганна", "grandparent", grandmother),
    ]
    saved: list[list[str]] = []
    page.saved.connect(saved.append)
    fail = FailAt(monkeypatch)

    n = 0
    while True:
        n += 1
        fail.arm(n)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: bool(saved) or _error_box() is not None)
        if saved:
            break  # the n-th write did not happen: this was the retry, with nothing failing
        box = _error_box()
        assert box is not None
        assert "disk is full" in box.text()
        assert [
            (m.fields.get("given_name"), m.relationship, m.person_id) for m in page.members()
        ] == typed, f"failure at write {n} changed the form"
        assert list(session.people.summaries()) == [grandmother], (
            f"failure at write {n} saved someone"
        )
        assert session.person(grandmother).fields["household_id"] == her_household
        qtbot.keyClick(box, ENTER)
        qtbot.waitUntil(lambda: _error_box() is None)
        page.activateWindow()  # what a window manager does when the dialog closes
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        assert focused().objectName() == "family_name", "the focus left the form after the error"
    assert n > len(WRITES), "the failures were injected at only a few writes"
    fail.arm(None)

    [new_ids] = saved
    assert page.members() == []
    for other in on_disk(session):
        people = other.people.summaries()
        assert sorted(str(f["given_name"]) for f in people.values()) == ["Ганна", "Оксана", "Тарас"]
        household = people[new_ids[0]]["household_id"]
        assert other.person(grandmother).fields["household_id"] == household
        assert sorted(other.people.household_members(str(household))) == sorted(
            [*new_ids, grandmother]
        )
        for person_id in new_ids:  # registered once and linked once
            assert [h.type for h in other.history(person_id)] == [
                "PersonRegistered",
                "MemberLinked",
            ]
