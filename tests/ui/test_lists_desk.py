"""Lists of sought persons at the desk: the review driven by keys (Y confirms, N rejects, Space
moves on), the column mapping confirmed in a dialog, and the discreet notice at registration,
which says someone may be looking and nothing of the list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldreg.services import reconciliation
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.lists_page import ListsPage
from fieldreg.ui.register_page import RegisterPage
from tests.ui.keyboard import TAB, running_context, type_text, type_then

LIST = (
    "Ref,Фамилия,Имя,Год рождения\n"
    "OWNER-REF-1,Коваленко,Мария,1984\n"
    "OWNER-REF-2,Бондаренко,Игорь,1990\n"
    "OWNER-REF-3,Гнатюк,Алексей,1978\n"
)


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture
def people(session: Session) -> dict[str, str]:
    return {
        "kovalenko": session.register(
            {"family_name": "Коваленко", "given_name": "Марія", "dob": "1984-03-02"}
        ),
        "kovalenko_too": session.register(
            {"family_name": "Коваленко", "given_name": "Марія", "dob": "1984-11-20"}
        ),
        "bondarenko": session.register(
            {"family_name": "Бондаренко", "given_name": "Ігор", "dob": "1990-07-11"}
        ),
    }


def _import(session: Session, tmp_path: Path) -> str:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    mapping = reconciliation.preview(path, "csv").proposal
    info = reconciliation.import_list(
        session, path, fmt="csv", mapping=mapping, name="Kherson list", owner="Regional office"
    )
    return info.list_id


def _page(qtbot: QtBot, context: UiContext) -> ListsPage:
    page = ListsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def _decisions(session: Session, list_id: str) -> dict[str, str | None]:
    return {m.entry.reference: m.confirmed for m in reconciliation.match(session, list_id)}


def test_the_review_is_driven_by_keys(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    first = page.table.topLevelItem(0)
    assert first is not None
    assert [first.text(0), first.text(2), first.text(3)] == ["Kherson list", "3", "0"]
    page.open_review()
    review = page.review
    qtbot.waitUntil(lambda: review.current() is not None)
    assert review.hasFocus()
    match, person_id = review.current() or (None, "")
    assert match is not None
    assert match.entry.reference == "OWNER-REF-1"
    assert person_id == people["kovalenko"]
    assert "Коваленко Мария · 1984" in review.sought.text()
    assert "Коваленко" in review.registered.text()
    assert review.fields.text()  # one line per field: how the two agree

    qtbot.keyClick(review, Qt.Key.Key_N)  # not her: the other Марія of 1984
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["kovalenko_too"])
    qtbot.keyClick(review, Qt.Key.Key_Space)  # undecided: the next entry
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["bondarenko"])
    qtbot.keyClick(review, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _decisions(session, list_id)["OWNER-REF-2"] == people["bondarenko"])
    assert review.current() is None
    assert review.position.text() == "Nothing to review."
    decisions = _decisions(session, list_id)
    assert decisions["OWNER-REF-1"] is None
    offered = next(m for m in reconciliation.match(session, list_id) if m.entry_no == 1)
    assert people["kovalenko"] not in [c.person_id for c in offered.candidates]  # rejected
    qtbot.keyClick(review, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0)


def test_the_review_keys_work_on_a_cyrillic_layout(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    page.open_review()
    review = page.review
    qtbot.waitUntil(lambda: review.current() is not None)
    type_text(qtbot, review, "т")  # the N key with a Ukrainian layout on: rejected
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["kovalenko_too"])
    type_text(qtbot, review, "н")  # the Y key: confirmed
    qtbot.waitUntil(lambda: _decisions(session, list_id)["OWNER-REF-1"] == people["kovalenko_too"])


def test_a_list_is_imported_through_the_mapping_dialog(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Номер;Прізвище\n1;Коваленко\n".replace(";", ","), encoding="utf-8")
    page = _page(qtbot, context)
    page.import_file(path)
    qtbot.waitUntil(lambda: getattr(page, "mapping_dialog", None) is not None)
    dialog = page.mapping_dialog
    assert dialog.mapping() == {"reference": 0, "family": 1}  # proposed from the header
    dialog.combos["family"].setCurrentIndex(0)  # the family name taken away: refused
    dialog._buttons.button(dialog._buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    dialog.combos["family"].setCurrentIndex(2)
    dialog._buttons.button(dialog._buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    [info] = reconciliation.lists(session)
    assert info.entries == 1


@pytest.fixture
def register_page(qtbot: QtBot, context: UiContext) -> RegisterPage:
    page = RegisterPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.start_new()
    return page


def test_someone_on_an_open_list_gets_a_discreet_notice_without_its_details(
    qtbot: QtBot, register_page: RegisterPage, session: Session, tmp_path: Path
) -> None:
    _import(session, tmp_path)
    notice = register_page.sought_notice
    type_then(qtbot, "Гнатюк", TAB)
    type_then(qtbot, "Олексій", TAB)  # the Ukrainian form of the list's Алексей
    qtbot.waitUntil(notice.isVisible)
    text = notice.text()
    assert text == "Someone may be looking for this person: tell the coordinator."
    for detail in ("Kherson", "Regional office", "OWNER-REF", "Алексей", "1978"):
        assert detail not in text
    register_page.start_new()  # the next person: the notice goes with the last one
    assert not notice.isVisible()
    type_then(qtbot, "Шевченко", TAB)
    type_then(qtbot, "Олена", TAB)  # nobody seeks her: the lists are read, no notice
    assert register_page._watch is not None
    assert not notice.isVisible()


def test_the_desk_writes_the_report_as_pdf_and_says_what_it_holds(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    reconciliation.decide(session, list_id, 2, people["bondarenko"], "confirmed")
    page = _page(qtbot, context)
    target = tmp_path / "answer.pdf"
    page.write_report(list_id, target, "pdf")
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert page.message.text() == "Report written: 0 found and named, 1 counted only."
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o077 == 0
