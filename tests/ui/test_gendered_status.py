"""In Ukrainian and Russian a person's status agrees with the recorded sex ("Прибула" for a
woman, "Прибув" for a man, the neutral "Прибув(-ла)" when it is not known) on every screen that
shows it: the search results, the roster, the person page and its history. English is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.roster_model import RosterModel
from fieldreg.ui.search_model import COL_STATUS
from tests.ui.desk import Desk, open_desk
from tests.ui.keyboard import CTRL, ENTER, press, type_then

PEOPLE = {
    "female": {"family_name": "Зозуленко", "given_name": "Ярина", "sex": "female", "dob": "1990"},
    "male": {"family_name": "Зозуленко", "given_name": "Остап", "sex": "male", "dob": "1988"},
    "unknown": {"family_name": "Зозуленко", "given_name": "Женя", "dob": "2001"},
}
# language -> sex -> (arrived, departed)
WORDS = {
    "uk": {
        "female": ("Прибула", "Виїхала"),
        "male": ("Прибув", "Виїхав"),
        "unknown": ("Прибув(-ла)", "Виїхав(-ла)"),
    },
    "ru": {
        "female": ("Прибыла", "Уехала"),
        "male": ("Прибыл", "Уехал"),
        "unknown": ("Прибыл(а)", "Уехал(а)"),
    },
    "en": dict.fromkeys(PEOPLE, ("Arrived", "Departed")),
}
REGISTERED = {
    "uk": {"female": "Зареєстрована", "male": "Зареєстрований", "unknown": "Зареєстровано"},
    "ru": {
        "female": "Зарегистрирована",
        "male": "Зарегистрирован",
        "unknown": "Зарегистрирован(а)",
    },
}


@pytest.fixture
def ids(session: Session) -> dict[str, str]:
    registered = {sex: session.register(dict(person)) for sex, person in PEOPLE.items()}
    session.set_status(registered["male"], "departed", transport="Автобус 12")
    return registered


@pytest.fixture
def desk(
    qtbot: QtBot, qapp: QApplication, session: Session, data_dir: Path, ids: dict[str, str]
) -> Iterator[Desk]:
    with open_desk(qtbot, qapp, session, data_dir) as opened:
        yield opened


def _expected(language: str, sex: str) -> str:
    arrived, departed = WORDS[language][sex]
    return departed if sex == "male" else arrived


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_search_results_and_roster_agree_with_the_sex(
    qtbot: QtBot, desk: Desk, ids: dict[str, str], language: str
) -> None:
    window = desk.window
    desk.translators.switch(language)
    type_then(qtbot, "Зозуленко")
    model = window.search_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    shown = {}
    for row in range(model.rowCount()):
        hit = model.hit(row)
        assert hit is not None
        shown[hit.person_id] = model.index(row, COL_STATUS).data()
    expected = {ids[sex]: _expected(language, sex) for sex in PEOPLE}
    assert shown == expected

    press(qtbot, Qt.Key.Key_R, CTRL)
    roster = window.roster_page.model
    qtbot.waitUntil(lambda: roster.rowCount() == 3)
    in_roster = {
        roster.record(row).person_id: roster.index(row, RosterModel.STATUS).data()
        for row in range(roster.rowCount())
    }
    expected[ids["male"]] += " (Автобус 12)"
    assert in_roster == expected


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_person_page_and_its_history_agree_with_the_sex(
    qtbot: QtBot, desk: Desk, ids: dict[str, str], language: str
) -> None:
    window = desk.window
    desk.translators.switch(language)
    page = window.person_page
    for sex in ("male", "female", "unknown"):
        type_then(qtbot, ids[sex], ENTER)
        qtbot.waitUntil(lambda s=sex: page.person_id() == ids[s])
        texts = [label.text() for label in page.findChildren(QLabel)]
        word = _expected(language, sex)
        assert any(text.startswith(f"{word} ") or text == word for text in texts), texts
        status_value = page.findChild(QLabel, "value_status")
        assert status_value is not None
        assert status_value.text() == word
        registered = REGISTERED[language][sex]
        assert any(f" · {registered} " in text for text in texts), texts
        assert page.history.lines()[-1] == registered  # the oldest entry
        if sex == "male":
            assert any(word in line for line in page.history.lines())
        departed = WORDS[language][sex][1]
        button = page.findChild(QPushButton, "status_departed")
        assert button is not None
        assert button.text() == f"4 {departed}"
        press(qtbot, Qt.Key.Key_F, CTRL)


def test_joining_and_leaving_a_household_agree_with_the_sex_in_russian(
    qtbot: QtBot, desk: Desk, session: Session, ids: dict[str, str]
) -> None:
    """The history's "Joined a household" and "Left the household" are participles in Russian:
    Добавлена / Добавлен, Исключена / Исключён, the "(а)" form when the sex is not known."""
    household = session.create_household()
    for person in ids.values():
        session.link_member(person, household, "other_relative")
        session.unlink_member(person)
    window = desk.window
    desk.translators.switch("ru")
    page = window.person_page
    expected = {
        "female": ("Добавлена в домохозяйство", "Исключена из домохозяйства"),
        "male": ("Добавлен в домохозяйство", "Исключён из домохозяйства"),
        "unknown": ("Добавлен(а) в домохозяйство", "Исключён(а) из домохозяйства"),
    }
    for sex, (joined, left) in expected.items():
        type_then(qtbot, ids[sex], ENTER)
        qtbot.waitUntil(lambda s=sex: page.person_id() == ids[s])
        qtbot.waitUntil(lambda: len(page.history.lines()) >= 3)
        lines = page.history.lines()  # newest first
        assert lines[0] == left, lines
        assert lines[1].startswith(f"{joined}: "), lines
        press(qtbot, Qt.Key.Key_F, CTRL)
