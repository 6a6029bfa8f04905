"""Registering one person with the keyboard only, duplicates while typing, errors beside fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.person_form import NAMES
from fieldreg.ui.register_page import RegisterPage
from tests.ui.keyboard import ENTER, TAB, focused, running_context, type_then


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture
def page(qtbot: QtBot, context: UiContext) -> RegisterPage:
    page = RegisterPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.start_new()
    return page


def test_a_person_registered_by_keystrokes_alone_is_stored_as_typed(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    assert focused().objectName() == "family_name"
    type_then(qtbot, "Шевченко", TAB)
    type_then(qtbot, "Олена", TAB)
    type_then(qtbot, "Петрівна", TAB)
    type_then(qtbot, "12.03.1984", TAB)
    type_then(qtbot, "F", TAB)  # sex: type-ahead picks Female
    for text in ("Ірпінь", "Бучанський", "Київська", "Україна", "Україна", "passport", "AB123"):
        type_then(qtbot, text, TAB)
    type_then(qtbot, "+380 67 123 4567", TAB)
    type_then(qtbot, "uk, ru", TAB)
    type_then(qtbot, " ", TAB, TAB)  # needs: medical (Space), not mobility
    type_then(qtbot, " ", TAB, TAB, TAB, TAB, TAB)  # pregnancy; then to the note
    type_then(qtbot, "Insulin twice a day", TAB)
    type_then(qtbot, "Y", TAB)  # consent to data processing: Yes
    type_then(qtbot, "N", TAB)  # tracing: No
    type_then(qtbot, "U")  # wishes to be evacuated: Undecided
    with qtbot.waitSignal(page.saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    [person_id] = saved.args[0]
    fields = session.person(person_id).fields
    assert {k: v for k, v in fields.items() if v is not None} == {
        "family_name": "Шевченко",
        "given_name": "Олена",
        "patronymic": "Петрівна",
        "latin_family_name": "Shevchenko",
        "latin_given_name": "Olena",
        "latin_patronymic": "Petrivna",
        "dob": "1984-03-12",
        "sex": "female",
        "origin_settlement": "Ірпінь",
        "origin_district": "Бучанський",
        "origin_region": "Київська",
        "origin_country": "Україна",
        "citizenship": "Україна",
        "document_type": "passport",
        "document_number": "AB123",
        "phone": "+380671234567",
        "languages": ["uk", "ru"],
        "needs": ["medical", "pregnancy"],
        "needs_note": "Insulin twice a day",
        "consent_data": "yes",
        "consent_tracing": "no",
        "wishes_evacuation": "undecided",
        "status": "arrived",
    }
    # Ready for the next person: empty, the cursor in the family name, and Ctrl+Z does not
    # bring the last person back.
    assert focused().objectName() == "family_name"
    assert not page.form.has_input()
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not page.form.has_input()


def test_latin_spelling_follows_the_name_until_edited_by_hand(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    type_then(qtbot, "Гнатюк", TAB)
    type_then(qtbot, "Юлія")
    qtbot.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert focused().objectName() == "latin_given_name"
    assert focused().text() == "Yuliia"  # type: ignore[attr-defined]
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_then(qtbot, "Julia")
    qtbot.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    type_then(qtbot, "", Qt.Key.Key_End, Qt.Key.Key_Backspace)  # the name changes; Latin stays
    with qtbot.waitSignal(page.saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    fields = session.person(saved.args[0][0]).fields
    assert fields["given_name"] == "Юлі"
    assert fields["latin_given_name"] == "Julia"
    assert fields["latin_family_name"] == "Hnatiuk"


def test_a_russian_citizens_latin_name_follows_the_russian_passport(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    """Issue 12: Иванова, Дмитрий, Сергей were Yvanova, Dmytryi, Serhei (the Ukrainian table)."""
    type_then(qtbot, "Иванов", TAB)
    type_then(qtbot, "Дмитрий", TAB)
    type_then(qtbot, "Сергеевич", TAB)
    latin = {name: page.findChild(QLineEdit, f"latin_{name}") for name in NAMES}
    assert latin["given_name"].text() == "Dmytryi"  # nothing recorded yet: the default
    citizenship = page.findChild(QLineEdit, "citizenship")
    citizenship.setText("Российская Федерация")
    assert [latin[name].text() for name in NAMES] == ["Ivanov", "Dmitrii", "Sergeevich"]
    citizenship.setText("Україна")
    assert latin["given_name"].text() == "Dmytryi"
    citizenship.setText("Россия")
    latin["family_name"].setFocus()  # typed by hand: the volunteer's spelling wins
    qtbot.waitUntil(lambda: focused() is latin["family_name"])
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_then(qtbot, "Ivanoff")
    citizenship.setText("Україна")
    assert latin["family_name"].text() == "Ivanoff"
    citizenship.setText("Россия")
    with qtbot.waitSignal(page.saved) as saved:
        qtbot.keyClick(citizenship, Qt.Key.Key_Return)
    fields = session.person(saved.args[0][0]).fields
    assert fields["latin_given_name"] == "Dmitrii"
    assert fields["latin_patronymic"] == "Sergeevich"
    assert fields["latin_family_name"] == "Ivanoff"


def test_a_missing_given_name_is_shown_beside_it_and_nothing_is_saved(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    type_then(qtbot, "Коваль", TAB, TAB, TAB)
    type_then(qtbot, "1990", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.form.error_text("given_name")))
    assert "required" in page.form.error_text("given_name")
    assert focused().objectName() == "given_name"
    assert session.people.summaries() == {}
    # What was typed is kept; fixing it and pressing Enter saves.
    with qtbot.waitSignal(page.saved):
        type_then(qtbot, "Марко", Qt.Key.Key_Return)
    [fields] = session.people.summaries().values()
    assert (fields["family_name"], fields["given_name"], fields["dob"]) == (
        "Коваль",
        "Марко",
        "1990",
    )


def test_a_bad_date_is_explained_beside_the_date(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    type_then(qtbot, "31.02.1990", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.form.error_text("dob")))
    assert page.form.error_text("dob") == "Date of birth: no such date."
    assert focused().objectName() == "dob"
    assert session.people.summaries() == {}


@pytest.mark.parametrize("typed", ["Шевчинко", "Shevchenko"])
def test_an_existing_person_typed_misspelt_or_in_latin_is_offered_and_opened_with_ctrl_1(
    qtbot: QtBot, page: RegisterPage, context: UiContext, session: Session, typed: str
) -> None:
    existing = session.register(
        {"family_name": "Шевченко", "given_name": "Олена", "dob": "12.03.1984"}
    )
    session.register({"family_name": "Коваленко", "given_name": "Іван", "dob": "1990"})
    type_then(qtbot, typed, TAB)
    type_then(qtbot, "Olena" if typed.isascii() else "Олена", TAB, TAB)
    type_then(qtbot, "1984")
    qtbot.waitUntil(lambda: page.duplicates.candidate_ids() == [existing])
    with qtbot.waitSignal(context.open_person) as opened:
        qtbot.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [existing]
    assert len(session.people.summaries()) == 2  # opened instead of saved


def test_escape_asks_before_discarding_what_was_typed(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    type_then(qtbot, "Коваль")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    box = page.findChild(QMessageBox, "discardConfirm")
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # keep editing
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "discardConfirm") is None)
    assert page.form.has_input()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    box = page.findChild(QMessageBox, "discardConfirm")
    assert box is not None
    with qtbot.waitSignal(page.cancelled):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # discard
    assert not page.form.has_input()
    assert session.people.summaries() == {}


def test_a_draft_survives_export_and_import(qtbot: QtBot, page: RegisterPage) -> None:
    assert page.export_draft() is None
    type_then(qtbot, "Гнатюк", TAB)
    type_then(qtbot, "Юлія", TAB, TAB)
    type_then(qtbot, "~40")
    draft = page.export_draft()
    assert draft is not None
    page.clear_personal_data()
    assert not page.form.has_input()
    page.import_draft(draft)
    assert page.form.values() == {"family_name": "Гнатюк", "given_name": "Юлія", "dob": "~40"}


@pytest.mark.parametrize(
    ("typed", "understood"),
    [
        ("12.3.84", "Exact date: 12 March 1984"),
        ("12031984", "Exact date: 12 March 1984"),
        ("1984", "Year only: 1984"),
        ("12.3.20", "Date of birth: write the year with four digits (19.. or 20..?)."),
    ],
)
def test_the_date_of_birth_says_what_it_understood(
    qtbot: QtBot, page: RegisterPage, typed: str, understood: str
) -> None:
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    type_then(qtbot, typed)
    assert focused().objectName() == "dob"
    assert page.form.dob_hint_text() == understood


def test_a_child_registered_alone_is_warned_about_until_marked(
    qtbot: QtBot, page: RegisterPage, session: Session
) -> None:
    """A 10-year-old typed with no household: the warning shows while typing (the save is not
    stopped); ticking "Unaccompanied child" answers it."""
    warning = page.child_warning
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Марко", TAB, TAB)
    assert not warning.isVisible()
    type_then(qtbot, "1990")
    assert not warning.isVisible()  # an adult
    type_then(qtbot, "", *[Qt.Key.Key_Backspace] * 4)
    type_then(qtbot, "2016")
    assert warning.isVisible()
    assert warning.text().startswith("⚠ Under 18 and registered alone.")
    type_then(qtbot, "", *[TAB] * 16)
    assert focused().property("text") == "Unaccompanied child"
    type_then(qtbot, " ")
    assert not warning.isVisible()
    type_then(qtbot, " ")
    assert warning.isVisible()
    with qtbot.waitSignal(page.saved) as saved:
        type_then(qtbot, "", ENTER)  # a warning, not a refusal
    [person_id] = saved.args[0]
    assert session.person(person_id).fields["dob"] == "2016"
    assert not warning.isVisible()  # the next person starts clean
