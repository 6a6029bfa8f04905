"""One way of writing dates and times in every language: day first, dots, a 24-hour clock; the
date of birth understood is spelled out with the month in words, declined as the language needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from fieldreg.ui import dates
from fieldreg.ui.translations import Translators

MOMENT = dt.datetime(2026, 12, 1, 19, 44, tzinfo=dt.UTC)


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    translators = Translators(qapp)
    yield translators
    translators.switch("en")


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "12 March 1984"), ("uk", "12 березня 1984"), ("ru", "12 марта 1984")],
)
def test_one_format_per_language(translators: Translators, language: str, words: str) -> None:
    translators.switch(language)
    local = MOMENT.astimezone()  # the desk shows local time
    assert dates.date_time(MOMENT) == local.strftime("%d.%m.%Y %H:%M")
    assert dates.date_time_ms(int(MOMENT.timestamp() * 1000)) == local.strftime("%d.%m.%Y %H:%M")
    assert dates.date_text(dt.date(1986, 3, 12)) == "12.03.1986"
    assert dates.date_in_words(dt.date(1984, 3, 12)) == words
