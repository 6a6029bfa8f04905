"""The roster at the desk: how its age, expiry and an import's result read, in English and in
Ukrainian (plural forms, the language's thousands separator)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from fieldreg.ui import roster_texts
from fieldreg.ui.translations import Translators

NOW = dt.datetime(2026, 12, 2, 14, 2, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    """The desk's languages, English to begin with (as the desk switches at start)."""
    translators = Translators(qapp)
    translators.switch("en")
    yield translators
    translators.switch("en")


def test_the_status_bar_says_the_rosters_version_age_and_days_left(
    translators: Translators,
) -> None:
    text = roster_texts.status_bar_text(12, NOW - 3 * HOUR, NOW + 4 * DAY, NOW)
    assert text == "Roster v12 · 3 h old · expires in 4 days"
    assert not roster_texts.urgent(NOW + 4 * DAY, NOW)


def test_a_roster_expiring_within_a_day_or_expired_is_urgent(translators: Translators) -> None:
    soon = roster_texts.status_bar_text(3, NOW - 2 * DAY, NOW + 5 * HOUR, NOW)
    assert soon == "Roster v3 · 2 days old · expires in 5 h"
    assert roster_texts.urgent(NOW + 5 * HOUR, NOW)
    expired = NOW - dt.timedelta(minutes=1)
    assert roster_texts.expiry_text(expired, NOW).startswith("expired on ")
    assert roster_texts.urgent(expired, NOW)


def test_an_applied_roster_reads_as_counts_in_words(translators: Translators) -> None:
    text = roster_texts.applied_text(12, added=1204, updated=37, erased=2, revoked=1)
    assert text == "Roster 12 applied: 1,204 people added, 37 updated, 2 erased; 1 laptop revoked"
    none_revoked = roster_texts.applied_text(13, added=0, updated=5, erased=0, revoked=0)
    assert none_revoked == "Roster 13 applied: 0 people added, 5 updated, 0 erased"
    two = roster_texts.applied_text(14, added=0, updated=0, erased=0, revoked=2)
    assert two.endswith("; 2 laptops revoked")


def test_in_ukrainian_the_counts_take_the_right_plural(translators: Translators) -> None:
    translators.switch("uk")
    assert roster_texts.age_text(NOW - 5 * DAY, NOW) == "5 днів тому"
    assert roster_texts.age_text(NOW - 3 * DAY, NOW) == "3 дні тому"
    assert roster_texts.expiry_text(NOW + 22 * DAY, NOW) == "спливає через 22 дні"
    text = roster_texts.applied_text(12, added=1204, updated=37, erased=2, revoked=1)
    assert text.startswith("Зведений список 12 застосовано: додано людей: 1\u00a0204, оновлено: 37")
    assert text.endswith("; відкликано 1 ноутбук")
