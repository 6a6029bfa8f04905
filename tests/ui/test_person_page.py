"""The person page: fields, household links, history; status, notes and edits by keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.person_details import person_name
from fieldreg.ui.person_page import PersonPage
from fieldreg.ui.person_status import StatusDialog
from tests.ui.keyboard import (
    ALT,
    CTRL,
    ENTER,
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
def family(session: Session) -> list[str]:
    return session.register_batch(
        [
            {
                "family_name": "Ткаченко",
                "given_name": "Ольга",
                "dob": "1979",
                "phone": "+380441234567",
            },
            {"family_name": "Ткаченко", "given_name": "Данило", "dob": "2012-05-01"},
        ],
        new_household=True,
        relationships=["head", "child"],
    )


@pytest.fixture
def page(qtbot: QtBot, context: UiContext, family: list[str]) -> PersonPage:
    page = PersonPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.show_person(family[0])
    qtbot.waitUntil(lambda: page.person_id() == family[0])
    page.setFocus()
    return page


def reloaded(qtbot: QtBot, page: PersonPage) -> None:
    """Wait for the action to be written and the person shown again."""
    qtbot.waitUntil(lambda: page.person_id() is not None and page.status.isEnabled())


def test_shows_fields_household_and_history(
    qtbot: QtBot, page: PersonPage, context: UiContext, family: list[str]
) -> None:
    assert page.details.text_of("given_name") == "Ольга"
    assert page.details.text_of("latin_family_name") == "Tkachenko"
    assert page.details.text_of("status") == "Arrived"
    assert page.details.text_of("relationship") == "Head of household"
    assert page.details.text_of("needs") == "—"
    assert page.history.lines()[-1] == "Registered"
    [child] = page.household.buttons()
    assert "Данило" in child.text()
    assert "Child" in child.text()
    with qtbot.waitSignal(context.open_person) as opened:
        child.click()
    assert opened.args == [family[1]]


def test_status_changes_by_shortcut(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    press(qtbot, Qt.Key.Key_2, ALT)  # waiting: no questions asked
    qtbot.waitUntil(lambda: page.details.text_of("status") == "Waiting")
    assert session.person(family[0]).fields["status"] == "waiting"
    assert page.history.lines()[0] == "Status changed: Waiting"

    press(qtbot, Qt.Key.Key_4, ALT)  # departed: asks for the transport first
    dialog = page.findChild(QDialog, "statusDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: focused().objectName() == "transport")
    type_then(qtbot, "", ENTER)  # refused without a transport
    assert dialog.isVisible()
    type_then(qtbot, "Bus 12")
    qtbot.keyPress(focused(), ENTER)  # the dialog closes: the key's release has nowhere to go
    qtbot.waitUntil(lambda: page.details.text_of("status") == "Departed")
    fields = session.person(family[0]).fields
    assert (fields["status"], fields["status_transport"]) == ("departed", "Bus 12")
    assert page.details.text_of("status_transport") == "Bus 12"


def test_a_note_added_with_the_keyboard(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    press(qtbot, Qt.Key.Key_N, ALT)
    assert focused() is page.note
    type_then(qtbot, "Шукає сестру, Марію", ENTER)
    qtbot.waitUntil(lambda: page.notes.count() == 1)
    assert [n.text for n in session.person(family[0]).notes] == ["Шукає сестру, Марію"]
    assert page.note.text() == ""
    assert page.history.lines()[0] == "Note added: Шукає сестру, Марію"


def test_edit_changes_fields_and_consents(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert focused().objectName() == "family_name"
    page.form.focus_field("phone")
    type_then(qtbot, "+380 50 000 1122")
    page.form.focus_field("consent_data")
    type_then(qtbot, "Y", ENTER)
    qtbot.waitUntil(lambda: page.details.text_of("phone") == "+380500001122")
    fields = session.person(family[0]).fields
    assert (fields["phone"], fields["consent_data"], fields["given_name"]) == (
        "+380500001122",
        "yes",
        "Ольга",
    )
    history = page.history.lines()
    assert history[0] == "Consent recorded: Consent to data processing: Yes"
    assert history[1] == "Edited: Phone: +380500001122"


def test_an_invalid_edit_is_shown_beside_the_field_and_not_saved(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    press(qtbot, Qt.Key.Key_E, CTRL)
    type_then(qtbot, "", Qt.Key.Key_Delete, ENTER)  # the family name, selected, is deleted
    qtbot.waitUntil(lambda: bool(page.form.error_text("family_name")))
    assert focused().objectName() == "family_name"
    assert session.person(family[0]).fields["family_name"] == "Ткаченко"
    type_then(qtbot, "Ткаченко-Ліс", ENTER)
    qtbot.waitUntil(lambda: page.details.text_of("family_name") == "Ткаченко-Ліс")
    assert session.person(family[0]).fields["latin_family_name"] == "Tkachenko-Lis"


def test_escape_closes_and_a_draft_edit_survives_a_lock(
    qtbot: QtBot, page: PersonPage, family: list[str]
) -> None:
    press(qtbot, Qt.Key.Key_E, CTRL)
    page.form.focus_field("phone")
    type_then(qtbot, "+380 67 555 0000")
    draft = page.export_draft()
    assert draft is not None
    page.clear_personal_data()
    assert page.details.text_of("given_name") == ""
    page.import_draft(draft)
    qtbot.waitUntil(lambda: page.person_id() == family[0])
    assert page.form.values()["phone"] == "+380 67 555 0000"
    page.cancel_edit()  # edited: asks first
    page.clear_personal_data()
    page.show_person(family[0])
    qtbot.waitUntil(lambda: page.person_id() == family[0])
    page.setFocus()
    with qtbot.waitSignal(page.closed):
        press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)


def test_keeping_one_of_two_conflicting_values(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    # Conflicts come from two points editing at once (sync); here the box is fed directly.
    page.conflicts.show_conflicts({"phone": ["+380441234567", "+380509998877"]})
    keep = [b for b in page.conflicts.findChildren(QPushButton) if "+380509998877" in b.text()]
    assert len(keep) == 1
    keep[0].click()
    qtbot.waitUntil(lambda: page.details.text_of("phone") == "+380509998877")
    assert session.person(family[0]).fields["phone"] == "+380509998877"


def test_dates_are_written_one_way(qtbot: QtBot, page: PersonPage, family: list[str]) -> None:
    """The history's time reads like the date of birth beside it (day first, 24-hour clock),
    not like Qt's English short format ("12/1/26 7:44 PM")."""
    stamp = r"\d\d\.\d\d\.\d{4} \d\d:\d\d"
    page.show_person(family[1])
    qtbot.waitUntil(lambda: page.person_id() == family[1])
    assert page.details.text_of("dob") == "01.05.2012"
    item = page.history.topLevelItem(0)
    assert item is not None
    assert re.fullmatch(stamp, item.text(0)), item.text(0)
    assert re.search(f"Registered {stamp}", page._summary.text()), page._summary.text()


def _departure_dialog(qtbot: QtBot, page: PersonPage, person: str) -> StatusDialog:
    page.show_person(person)
    qtbot.waitUntil(lambda: page.person_id() == person and page.status.isEnabled())
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.setFocus()
    press(qtbot, Qt.Key.Key_4, ALT)  # departed
    dialog = page.findChild(StatusDialog, "statusDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: focused().objectName() == "transport")
    return dialog


def test_every_field_of_the_departure_dialog_is_labelled_and_reached_by_its_letter(
    qtbot: QtBot, page: PersonPage, session: Session, family: list[str]
) -> None:
    dialog = _departure_dialog(qtbot, page, family[0])
    assert not dialog.warning.isVisible()  # an adult in a household
    captions = {
        label.buddy().objectName(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert captions == {"transport": "&Transport *", "location": "&Location", "note": "&Note"}
    type_then(qtbot, "Bus 12")
    press(qtbot, Qt.Key.Key_L, ALT)
    assert focused().objectName() == "location"
    type_then(qtbot, "Chop")
    press(qtbot, Qt.Key.Key_N, ALT)
    assert focused().objectName() == "note"
    type_then(qtbot, "With her sister")
    press(qtbot, Qt.Key.Key_T, ALT)
    assert focused().objectName() == "transport"
    qtbot.keyPress(focused(), ENTER)
    qtbot.waitUntil(lambda: page.details.text_of("status") == "Departed")
    assert session.person(family[0]).fields["status_location"] == "Chop"


def test_a_child_alone_leaving_is_warned_about(
    qtbot: QtBot, page: PersonPage, session: Session
) -> None:
    """Under 18, no household, not marked unaccompanied or separated: the departure dialog
    warns; once marked unaccompanied, it does not."""
    child = session.register({"family_name": "Коваль", "given_name": "Марко", "dob": "2016"})
    dialog = _departure_dialog(qtbot, page, child)
    assert dialog.warning.isVisible()
    assert dialog.warning.text().startswith("⚠ A child under 18, not in a household")
    type_then(qtbot, "Bus 12")
    qtbot.keyPress(focused(), ENTER)  # a warning, not a refusal
    qtbot.waitUntil(lambda: page.details.text_of("status") == "Departed")

    marked = session.register(
        {
            "family_name": "Коваль",
            "given_name": "Ганна",
            "dob": "2016",
            "needs": ["unaccompanied_child"],
        }
    )
    dialog = _departure_dialog(qtbot, page, marked)
    assert not dialog.warning.isVisible()
    dialog.reject()


def test_the_latin_spelling_is_shown_beside_the_cyrillic_name() -> None:
    fields = {
        "family_name": "Иванов",
        "given_name": "Сергей",
        "latin_family_name": "Ivanov",
        "latin_given_name": "Sergei",
    }
    assert person_name(fields) == "Иванов Сергей"
    assert person_name(fields, with_latin=True) == "Иванов Сергей (Ivanov Sergei)"
    latin_only = {"family_name": "Kovalchuk", "latin_family_name": "Kovalchuk"}
    assert person_name(latin_only, with_latin=True) == "Kovalchuk"
