"""Find first: names in either script and with typos show the person as they are typed; a scan
(an ID or band payload typed by the scanner, then Enter) opens the person; a mistyped ID says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldreg.core.keyboards import through_layout
from fieldreg.core.names import transliterate
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.search_model import COL_WHY
from fieldreg.ui.search_page import SearchPage
from fieldreg.ui.worker import Worker
from tests.ui.keyboard import ENTER, type_text
from tests.ui.shell_support import synthetic_people


@pytest.fixture
def people(session: Session) -> list[tuple[str, dict[str, object]]]:
    return [(session.register(p), p) for p in synthetic_people(6)]


@pytest.fixture
def page(qtbot: QtBot, session: Session, data_dir: Path) -> Iterator[SearchPage]:
    worker = Worker()
    context = UiContext(DataDir(data_dir), worker)
    context.session = session
    search = SearchPage(context)
    qtbot.addWidget(search)
    search.resize(1000, 600)
    search.show()
    qtbot.waitExposed(search)
    search.activateWindow()
    search.focus_search()
    yield search
    worker.wait()


def _ids_shown(page: SearchPage) -> list[str]:
    return [page.model.hit(row).person_id for row in range(page.model.rowCount())]  # type: ignore[union-attr]


def _opened(page: SearchPage) -> list[str]:
    opened: list[str] = []
    page._context.open_person.connect(opened.append)
    return opened


def test_a_misspelled_name_shows_the_person_as_it_is_typed(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    person_id, person = people[3]
    family = str(person["family_name"])
    type_text(qtbot, page.field, f"{family[:2]}{family[3:]} {person['given_name']}")
    qtbot.waitUntil(lambda: person_id in _ids_shown(page))
    assert _ids_shown(page)[0] == person_id


def test_a_name_typed_in_latin_letters_finds_the_cyrillic_record(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    person_id, person = people[1]
    latin = transliterate(f"{person['family_name']} {person['given_name']}")
    type_text(qtbot, page.field, latin)
    qtbot.waitUntil(lambda: _ids_shown(page)[:1] == [person_id])
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[0] == person_id
    assert str(person["family_name"]) in row[1]


def test_a_name_typed_with_the_latin_layout_on_is_found_and_the_reasons_say_so(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    """Issue 12: "Vjhjp Nfhfc" is Мороз Тарас typed with the US layout on."""
    person_id, person = people[1]
    typed = through_layout(f"{person['family_name']} {person['given_name']}")
    type_text(qtbot, page.field, typed)
    qtbot.waitUntil(lambda: _ids_shown(page)[:1] == [person_id])
    why = page.model.index(0, COL_WHY).data()
    assert "typed with another keyboard layout" in why
    assert page.model.headerData(COL_WHY, Qt.Orientation.Horizontal) == "Why"


def test_a_scanned_id_opens_the_person_at_once(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    opened = _opened(page)
    person_id = people[4][0]
    type_text(qtbot, page.field, person_id.lower().replace("-", ""))  # as a scanner types it
    qtbot.keyClick(page.field, ENTER)
    qtbot.waitUntil(lambda: opened == [person_id])


def test_a_scanned_band_payload_opens_the_person(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    opened = _opened(page)
    person_id = people[2][0]
    type_text(qtbot, page.field, f"FR1:{person_id}")
    qtbot.keyClick(page.field, ENTER)
    qtbot.waitUntil(lambda: opened == [person_id])


@pytest.mark.parametrize("payload", ["{id}", "FR1:{id}"])
def test_a_wrong_check_character_is_said_and_opens_no_one(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]], payload: str
) -> None:
    opened = _opened(page)
    person_id = people[0][0]
    wrong = person_id[:-1] + ("X" if person_id[-1] != "X" else "Y")
    type_text(qtbot, page.field, payload.format(id=wrong))
    qtbot.keyClick(page.field, ENTER)
    qtbot.waitUntil(page.notice.isVisible)
    assert "check character" in page.notice.text()
    assert page.model.rowCount() == 0
    assert opened == []  # the answer that showed the message is the one that would have opened


def test_up_down_and_enter_open_the_chosen_row(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]], session: Session
) -> None:
    opened = _opened(page)
    family = str(people[5][1]["family_name"])
    session.register({"family_name": family, "given_name": "Тест"})
    type_text(qtbot, page.field, family)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2)
    shown = _ids_shown(page)
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert page.field.hasFocus()
    qtbot.keyClick(page.field, ENTER)
    assert opened == [shown[1]]
    qtbot.keyClick(page.field, Qt.Key.Key_Up)
    qtbot.keyClick(page.field, Qt.Key.Key_Up)
    qtbot.keyClick(page.field, ENTER)
    assert opened == [shown[1], shown[0]]


def test_clearing_drops_every_result_and_the_query(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]]
) -> None:
    type_text(qtbot, page.field, str(people[0][1]["family_name"]))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    type_text(qtbot, page.field, "x")  # a search now due, then cleared before it runs
    page.clear_personal_data()
    assert page.field.text() == ""
    assert page.model.rowCount() == 0
    assert not page._timer.isActive()
    assert not page._context.worker.busy()


def test_a_voided_band_is_said_before_the_person_opens(
    qtbot: QtBot, page: SearchPage, people: list[tuple[str, dict[str, object]]], session: Session
) -> None:
    opened = _opened(page)
    person_id = people[1][0]
    session.record_band(person_id, f"{person_id}/1")
    session.record_band(person_id, f"{person_id}/2")  # a reprint voids the first band
    type_text(qtbot, page.field, f"FR1:{person_id}/1")
    qtbot.keyClick(page.field, ENTER)
    qtbot.waitUntil(page.notice.isVisible)
    assert "replaced" in page.notice.text()
    assert opened == []
    assert _ids_shown(page) == [person_id]
    qtbot.keyClick(page.field, ENTER)  # seen: a second Enter opens the person
    assert opened == [person_id]
