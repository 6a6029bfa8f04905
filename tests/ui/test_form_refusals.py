"""The values the store refuses (issue 11 §4) are refused at the desk too, beside their field,
as a volunteer types them; nothing is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.register_page import RegisterPage
from tests.ui.keyboard import TAB, focused, running_context, type_then


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


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("family_name", "Шевчenko", "Family name: one word mixes letters of two alphabets"),
        ("latin_family_name", "Шевченко", "Family name (Latin): use Latin letters only"),
        ("document_number", "АВ\U0001f600123", "Document number: use letters, digits"),
        ("languages", "uk, xx", "Languages: xx is not a language code"),
        ("phone", "00000", "Phone: not a real number (every digit the same)"),
    ],
)
def test_a_value_the_store_refuses_is_explained_beside_its_field(
    qtbot: QtBot, page: RegisterPage, session: Session, field: str, typed: str, *, words: str
) -> None:
    type_then(qtbot, "Коваль", TAB)
    type_then(qtbot, "Марко")
    page.form.focus_field(field)
    assert focused().objectName() == field
    widget = focused()
    assert isinstance(widget, QLineEdit)
    widget.selectAll()
    type_then(qtbot, typed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.form.error_text(field)))
    assert words in page.form.error_text(field)
    assert session.people.summaries() == {}
